/*
 * sig.h -- signature verification and the verified-signature cache; the
 * crypto backend behind it is reached only through crypto.h.
 */
#ifndef XCV_SIG_H
#define XCV_SIG_H

#include "crypto.h"
#include "internal.h"

/*
 * Checks the key itself against policy before use as an issuer key:
 * RSA modulus >= min_rsa_bits (0: 2048; at least 1024) and <= 4096 (BearSSL's
 * BR_MAX_RSA_SIZE; larger: XCV_ERR_UNSUPPORTED_KEY), modulus odd, exponent odd,
 * >= 3 and < 2^32;
 * EC point on its curve (P-256/384/521); other key types
 * XCV_ERR_UNSUPPORTED_KEY.
 */
XCV_MUST_USE xcv_err xcv_sig_check_key(const struct xcv_pubkey *key, unsigned min_rsa_bits);

/*
 * Verifies signature over data (the TBS bytes) with key, for algorithm alg
 * with its parameters TLV params (RSASSA-PSS-params for XCV_SIG_RSA_PSS;
 * must be absent or NULL as RFC 4055/5758 say for the others).
 * flags: XCV_FLAG_ALLOW_SHA1. Returns XCV_OK, XCV_ERR_BAD_SIGNATURE,
 * XCV_ERR_UNSUPPORTED_ALGORITHM, XCV_ERR_INSECURE_ALGORITHM,
 * XCV_ERR_KEY_ALG_MISMATCH, XCV_ERR_BAD_PSS_PARAMS, XCV_ERR_BAD_ECDSA_SIGNATURE,
 * or a key error from xcv_sig_check_key.
 */
XCV_MUST_USE xcv_err xcv_sig_verify(const struct xcv_pubkey *key, xcv_sig_alg alg,
                                    xcv_slice params, xcv_slice data, xcv_slice signature,
                                    uint32_t flags, unsigned min_rsa_bits);

/*
 * The checks of xcv_sig_verify() that need no arithmetic: algorithm support,
 * hash policy (MD5 never, SHA-1 only with XCV_FLAG_ALLOW_SHA1), key type fit,
 * parameters, RSA size and exponent, EC curve and point format (not whether
 * the point is on the curve). Run it before trusting a cache hit.
 * min_rsa_bits: 0 means the default 2048; values below 1024 count as 1024.
 */
XCV_MUST_USE xcv_err xcv_sig_precheck(const struct xcv_pubkey *key, xcv_sig_alg alg,
                                      xcv_slice params, uint32_t flags, unsigned min_rsa_bits);

/* ---- verified-signature cache (src/sigcache.c) ---- */

/*
 * Cache key: SHA-256 over a label and the length-prefixed SPKI, algorithm,
 * parameters TLV, SHA-256(tbs) and signature.
 */
void xcv_sig_cache_key(const struct xcv_pubkey *key, xcv_sig_alg alg, xcv_slice params,
                       xcv_slice tbs, xcv_slice signature, uint8_t out[32]);

/*
 * Cache key of a certificate's signature from the SHA-256 of the child
 * certificate's whole DER (verify.c computes it anyway: xcv_verifier
 * cert_sha256): SHA-256 over a label different from xcv_sig_cache_key()'s,
 * the length-prefixed issuer SPKI and cert_sha256. The certificate DER
 * holds the TBS, the signature algorithm with its parameters and the
 * signature value, so this binds the same things as xcv_sig_cache_key()
 * while hashing ~120-600 octets instead of the whole TBS again.
 */
void xcv_sig_cache_key_cert(const struct xcv_pubkey *issuer_key, const uint8_t cert_sha256[32],
                            uint8_t out[32]);

/* 1 when key is cached (refreshes its stamp, counts a hit), else 0 (counts a
 * miss). A NULL or zero-capacity cache never hits and counts nothing. */
int xcv_sig_cache_lookup(struct xcv_sig_cache *c, const uint8_t key[32]);

/* Records key as verified; replaces the least recently used entry of its set. */
void xcv_sig_cache_insert(struct xcv_sig_cache *c, const uint8_t key[32]);

/*
 * xcv_sig_verify() through the cache: runs xcv_sig_precheck() every time
 * (so a policy change is never bypassed by a cached result), then answers
 * XCV_OK from the cache or verifies and caches a success. *out_hit (may be
 * NULL) is 1 when the cache answered. cache may be NULL.
 */
XCV_MUST_USE xcv_err xcv_sig_verify_cached(struct xcv_sig_cache *cache,
                                           const struct xcv_pubkey *key, xcv_sig_alg alg,
                                           xcv_slice params, xcv_slice data, xcv_slice signature,
                                           uint32_t flags, unsigned min_rsa_bits, int *out_hit);

/*
 * xcv_sig_verify_cached() for a certificate: child's signature (child->tbs,
 * sig_alg, sig_params, signature) under issuer_key, with the cache keyed by
 * xcv_sig_cache_key_cert(issuer_key, child_cert_sha256), child_cert_sha256
 * being SHA-256(child->der). xcv_sig_precheck() runs every time; a hit
 * skips all arithmetic (the entry proves a full verification succeeded).
 */
XCV_MUST_USE xcv_err xcv_sig_verify_cert_cached(struct xcv_sig_cache *cache,
                                                const struct xcv_pubkey *issuer_key,
                                                const struct xcv_cert *child,
                                                const uint8_t child_cert_sha256[32], uint32_t flags,
                                                unsigned min_rsa_bits, int *out_hit);

/*
 * xcv_sig_check_key() with the EC point validation memoized in the cache,
 * keyed by the SHA-256 of the key's SPKI (other checks run every time).
 */
XCV_MUST_USE xcv_err xcv_sig_check_key_cached(struct xcv_sig_cache *cache,
                                              const struct xcv_pubkey *key,
                                              const uint8_t spki_sha256[32],
                                              unsigned min_rsa_bits);

/* SHA-256 in pieces: xcv_sha256_init/update/final (crypto.h). */

#endif
