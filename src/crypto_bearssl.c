/*
 * crypto_bearssl.c -- the BearSSL 0.6 crypto backend (default; CMake
 * XCV_CRYPTO=bearssl): hashing, the raw RSA public operation, ECDSA
 * verification. The only core file that includes BearSSL.
 *
 * Implementation notes
 *   - The fastest implementations BearSSL selects at run time:
 *     br_rsa_public_get_default() (i62 on x86-64),
 *     br_ecdsa_vrfy_asn1_get_default() with br_ec_get_default() (ec_all_m31:
 *     Debian's 0.6 build has no 64-bit EC code).
 *   - No allocation, no mutable statics; contexts live on the stack.
 *   - xcv_sha256_ctx is an opaque array; the br_sha256_context is copied in
 *     and out so that no object is accessed through a foreign type.
 *   - Hashing and EC point validation are BearSSL's too (no hand-written
 *     SHA or field arithmetic: the project takes crypto from a library).
 */
#include "crypto.h"

#include <bearssl.h>

/* ------------------------------------------------------------------------ */
/* SHA-256 (BearSSL)                                                         */
/* ------------------------------------------------------------------------ */

_Static_assert(sizeof(struct xcv_sha256_ctx) >= sizeof(br_sha256_context),
               "xcv_sha256_ctx too small for br_sha256_context");

/* see xcv.h */
void xcv_sha256(xcv_slice data, uint8_t out[32])
{
    br_sha256_context c;
    br_sha256_init(&c);
    if (data.n > 0) {
        br_sha256_update(&c, data.p, data.n);
    }
    br_sha256_out(&c, out);
}

/*
 * The opaque context is copied in and out of a properly typed
 * br_sha256_context so no object is accessed through a foreign type.
 */
void xcv_sha256_init(struct xcv_sha256_ctx *c)
{
    br_sha256_context ctx;
    br_sha256_init(&ctx);
    memcpy(c->opaque, &ctx, sizeof ctx);
}

/* see crypto.h */
void xcv_sha256_update(struct xcv_sha256_ctx *c, const void *data, size_t n)
{
    if (n == 0) {
        return;
    }
    br_sha256_context ctx;
    memcpy(&ctx, c->opaque, sizeof ctx);
    br_sha256_update(&ctx, data, n);
    memcpy(c->opaque, &ctx, sizeof ctx);
}

/* see crypto.h */
void xcv_sha256_final(struct xcv_sha256_ctx *c, uint8_t out[32])
{
    br_sha256_context ctx;
    memcpy(&ctx, c->opaque, sizeof ctx);
    br_sha256_out(&ctx, out);
}

static const br_hash_class *cb_hash_class(xcv_hash_id h)
{
    switch (h) {
    case XCV_CRYPTO_SHA1:
        return &br_sha1_vtable;
    case XCV_CRYPTO_SHA224:
        return &br_sha224_vtable;
    case XCV_CRYPTO_SHA256:
        return &br_sha256_vtable;
    case XCV_CRYPTO_SHA384:
        return &br_sha384_vtable;
    case XCV_CRYPTO_SHA512:
        return &br_sha512_vtable;
    default:
        return NULL;
    }
}

/* see crypto.h */
size_t xcv_crypto_hash_len(xcv_hash_id h)
{
    switch (h) {
    case XCV_CRYPTO_SHA1:
        return 20;
    case XCV_CRYPTO_SHA224:
        return 28;
    case XCV_CRYPTO_SHA256:
        return 32;
    case XCV_CRYPTO_SHA384:
        return 48;
    case XCV_CRYPTO_SHA512:
        return 64;
    default:
        return 0;
    }
}

/* see crypto.h */
void xcv_crypto_hash(xcv_hash_id h, const xcv_slice *parts, size_t nparts, uint8_t *out)
{
    const br_hash_class *vt = cb_hash_class(h);
    if (vt == NULL) {
        return;
    }
    br_hash_compat_context ctx;
    vt->init(&ctx.vtable);
    for (size_t i = 0; i < nparts; i++) {
        if (parts[i].n > 0) {
            vt->update(&ctx.vtable, parts[i].p, parts[i].n);
        }
    }
    vt->out(&ctx.vtable, out);
}

/* see crypto.h */
xcv_err xcv_crypto_rsa_public(xcv_slice n, xcv_slice e, uint8_t *x, size_t len)
{
    XCV_ENSURE(len == n.n && len > 0 && len <= XCV_CRYPTO_MAX_RSA_BYTES, XCV_ERR_BAD_SIGNATURE);
    br_rsa_public_key pk;
    /* BearSSL's key struct is not const-correct; the public engine only reads n and e. */
    pk.n = (unsigned char *)(uintptr_t)n.p;
    pk.nlen = n.n;
    pk.e = (unsigned char *)(uintptr_t)e.p;
    pk.elen = e.n;
    /* The engine fails when x >= n (RFC 8017 5.2.2 step 1). */
    XCV_ENSURE(br_rsa_public_get_default()(x, len, &pk) == 1, XCV_ERR_BAD_SIGNATURE);
    return XCV_OK;
}

static int cb_curve(xcv_curve curve)
{
    switch (curve) {
    case XCV_CURVE_P256:
        return BR_EC_secp256r1;
    case XCV_CURVE_P384:
        return BR_EC_secp384r1;
    case XCV_CURVE_P521:
        return BR_EC_secp521r1;
    case XCV_CURVE_NONE:
    case XCV_CURVE_OTHER:
    default:
        return 0;
    }
}

/* see crypto.h */
int xcv_crypto_curve_supported(xcv_curve curve)
{
    int c = cb_curve(curve);
    return c != 0 && ((br_ec_get_default()->supported_curves >> c) & 1u) != 0;
}

/* see crypto.h */
xcv_err xcv_crypto_ecdsa_verify(xcv_curve curve, xcv_slice point, const uint8_t *hash,
                                size_t hash_len, xcv_slice sig_der)
{
    XCV_ENSURE(xcv_crypto_curve_supported(curve), XCV_ERR_BAD_SIGNATURE);
    br_ec_public_key pk;
    pk.curve = cb_curve(curve);
    pk.q = (unsigned char *)(uintptr_t)point.p; /* read only */
    pk.qlen = point.n;
    /* BearSSL truncates the hash to the order's bit length (SEC 1 4.1.4 step 5). */
    uint32_t ok = br_ecdsa_vrfy_asn1_get_default()(br_ec_get_default(), hash, hash_len, &pk,
                                                   sig_der.p, sig_der.n);
    XCV_ENSURE(ok == 1, XCV_ERR_BAD_SIGNATURE);
    return XCV_OK;
}

/* see crypto.h */
xcv_err xcv_crypto_ec_point_check(xcv_curve curve, xcv_slice point)
{
    /* SEC 1 3.2.2.1 through BearSSL: its point decoder rejects coordinates
     * >= p, the identity and points off the curve, so multiplying by 1
     * succeeds exactly for a valid point (and returns it unchanged). */
    XCV_ENSURE(xcv_crypto_curve_supported(curve), XCV_ERR_UNSUPPORTED_KEY);
    uint8_t buf[133]; /* 1 + 2 * 66 octets: P-521 */
    XCV_ENSURE(point.n <= sizeof buf && point.n > 0, XCV_ERR_BAD_EC_POINT);
    memcpy(buf, point.p, point.n);
    static const uint8_t one[1] = {1};
    const br_ec_impl *ec = br_ec_get_default();
    XCV_ENSURE(ec->mul(buf, point.n, one, sizeof one, cb_curve(curve)) == 1 &&
                   memcmp(buf, point.p, point.n) == 0,
               XCV_ERR_BAD_EC_POINT);
    return XCV_OK;
}

/* see crypto.h */
const char *xcv_crypto_backend(void)
{
    return "bearssl";
}
