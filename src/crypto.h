/*
 * crypto.h -- the narrow interface between xcv's signature module (sig.c)
 * and a crypto library: hashing, the raw RSA public operation, ECDSA
 * verification on a precomputed digest, EC point validation.
 *
 * Backends (exactly one is linked; CMake option XCV_CRYPTO):
 *   crypto_bearssl.c  BearSSL 0.6 (default): no allocation, no state.
 *   crypto_openssl.c  OpenSSL 3 libcrypto: allocates inside libcrypto and
 *                     keeps a small mutex-guarded table of imported keys
 *                     (outside the zero-allocation core).
 * Both take hashing and EC point validation from their library too: the
 * project writes no hash or field arithmetic of its own.
 *
 * Everything here is mechanism: every policy decision (algorithm support,
 * hash policy, key sizes, PKCS#1 / PSS encodings, ECDSA signature DER) is
 * taken in sig.c before a backend is called.
 */
#ifndef XCV_CRYPTO_H
#define XCV_CRYPTO_H

#include "internal.h"

/* Hash functions a backend provides. */
typedef enum xcv_hash_id {
    XCV_CRYPTO_SHA1 = 1,
    XCV_CRYPTO_SHA224 = 2,
    XCV_CRYPTO_SHA256 = 3,
    XCV_CRYPTO_SHA384 = 4,
    XCV_CRYPTO_SHA512 = 5
} xcv_hash_id;

#define XCV_CRYPTO_MAX_HASH 64u
/* Largest RSA modulus both backends accept (BearSSL's BR_MAX_RSA_SIZE). */
#define XCV_CRYPTO_MAX_RSA_BYTES 512u

/* Output length of h in octets. */
size_t xcv_crypto_hash_len(xcv_hash_id h);

/*
 * out = h(parts[0] || parts[1] || ... || parts[nparts - 1]); out holds
 * xcv_crypto_hash_len(h) octets. Empty parts may have p == NULL.
 */
void xcv_crypto_hash(xcv_hash_id h, const xcv_slice *parts, size_t nparts, uint8_t *out);

/* SHA-256 in pieces, for hashing several slices without copying. */
struct xcv_sha256_ctx {
    uint64_t opaque[32]; /* large enough for either backend's context */
};
void xcv_sha256_init(struct xcv_sha256_ctx *c);
void xcv_sha256_update(struct xcv_sha256_ctx *c, const void *data, size_t n);
void xcv_sha256_final(struct xcv_sha256_ctx *c, uint8_t out[32]);

/*
 * RSAVP1 (RFC 8017 5.2.2): x = x^e mod n in place, len == n.n octets
 * (n and e big-endian, no leading zero octets, n.n <= XCV_CRYPTO_MAX_RSA_BYTES).
 * XCV_ERR_BAD_SIGNATURE when x >= n ("signature representative out of
 * range") or the backend fails.
 */
XCV_MUST_USE xcv_err xcv_crypto_rsa_public(xcv_slice n, xcv_slice e, uint8_t *x, size_t len);

/*
 * ECDSA verification of a DER Ecdsa-Sig-Value (already checked strictly by
 * sig.c) over the digest hash (truncated to the order's length by the
 * backend, SEC 1 4.1.4 step 5) with the uncompressed point (0x04 || X || Y)
 * on curve. XCV_OK or XCV_ERR_BAD_SIGNATURE (also for a point the backend
 * cannot use).
 */
XCV_MUST_USE xcv_err xcv_crypto_ecdsa_verify(xcv_curve curve, xcv_slice point,
                                             const uint8_t *hash, size_t hash_len,
                                             xcv_slice sig_der);

/* 1 when the backend verifies ECDSA on curve (P-256, P-384, P-521). */
int xcv_crypto_curve_supported(xcv_curve curve);

/*
 * Public key validation of an uncompressed point by the backend's library:
 * SEC 1 3.2.2.1 -- not the identity, coordinates in [0, p - 1], on the
 * curve (the NIST prime curves have cofactor 1, so also in the order-n
 * subgroup). XCV_OK, XCV_ERR_BAD_EC_POINT or XCV_ERR_UNSUPPORTED_KEY.
 * Costs about one scalar multiplication with BearSSL: callers memoize it
 * (xcv_sig_check_key_cached).
 */
XCV_MUST_USE xcv_err xcv_crypto_ec_point_check(xcv_curve curve, xcv_slice point);

/* "bearssl" or "openssl". */
const char *xcv_crypto_backend(void);

#endif
