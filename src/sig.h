/*
 * sig.h -- signature verification and hashing (the only module that
 * includes BearSSL, or the optional libcrypto backend).
 */
#ifndef XCV_SIG_H
#define XCV_SIG_H

#include "internal.h"

/*
 * Checks the key itself against policy before use as an issuer key:
 * RSA modulus >= min_rsa_bits (and <= 8192), exponent odd and >= 3;
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

/* SHA-256 in pieces, for hashing several slices without copying. */
struct xcv_sha256_ctx {
    uint64_t opaque[32]; /* large enough for br_sha256_context */
};
void xcv_sha256_init(struct xcv_sha256_ctx *c);
void xcv_sha256_update(struct xcv_sha256_ctx *c, const void *data, size_t n);
void xcv_sha256_final(struct xcv_sha256_ctx *c, uint8_t out[32]);

#endif
