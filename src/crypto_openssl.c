/*
 * crypto_openssl.c -- the OpenSSL 3 libcrypto crypto backend (CMake
 * -DXCV_CRYPTO=openssl): hashing, the raw RSA public operation, ECDSA
 * verification on a precomputed digest. OUTSIDE the zero-allocation core:
 * libcrypto allocates (key import, EVP_PKEY_CTX), and this file keeps a
 * process-wide table of imported keys.
 *
 * Implementation notes
 *   - No certificate or SPKI parsing by OpenSSL: keys are built from the
 *     values xcv's own parser extracted, with EVP_PKEY_fromdata (RSA n, e;
 *     EC group name and point). Measured on the benchmark VM: d2i_PUBKEY
 *     of an SPKI costs 100-120 us (the decoder framework), fromdata 3-6 us
 *     for RSA-2048 and ~18 us for P-256 (it validates the point).
 *   - RSA: EVP_PKEY_verify_recover with RSA_NO_PADDING is RSAVP1 (x^e mod
 *     n); sig.c checks the PKCS#1 v1.5 / PSS encodings itself, exactly as
 *     with BearSSL. ECDSA: EVP_PKEY_verify on the digest (OpenSSL parses
 *     the DER signature strictly and truncates the digest to the order).
 *   - Key cache: CO_SLOTS entries keyed by SHA-256 over the key type and
 *     values, least-recently-used replacement, each entry holding the
 *     EVP_PKEY and one idle EVP_PKEY_CTX already initialised for the
 *     operation. A caller checks the idle context out (so no context is
 *     ever used by two threads) and puts it back after a success. Saves
 *     the import (3-18 us) and the context set-up (~5 us) per verification.
 *   - Thread safety: the table is guarded by one pthread mutex (held only
 *     for lookups and insertions, never during the arithmetic); EVP_PKEY
 *     objects are reference counted and shared read-only, as OpenSSL 3
 *     allows. The cached objects live until process exit (still reachable,
 *     not leaks). After fork() the child inherits the table; the mutex is
 *     never held across an OpenSSL call, so it is not left locked in the
 *     child unless another thread held it at the moment of fork().
 *   - Any libcrypto failure (allocation included) fails closed:
 *     XCV_ERR_BAD_SIGNATURE.
 *   - Hashing uses OpenSSL's low-level SHA functions (SHA-NI / AVX2 code,
 *     no EVP fetch per call); they are deprecated in 3.0 but not removed.
 */
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include "crypto.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <pthread.h>

_Static_assert(sizeof(struct xcv_sha256_ctx) >= sizeof(SHA256_CTX),
               "xcv_sha256_ctx too small for SHA256_CTX");

/* ------------------------------------------------------------------------ */
/* Hashes                                                                    */
/* ------------------------------------------------------------------------ */

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
    switch (h) {
    case XCV_CRYPTO_SHA1: {
        SHA_CTX c;
        SHA1_Init(&c);
        for (size_t i = 0; i < nparts; i++) {
            if (parts[i].n > 0) {
                SHA1_Update(&c, parts[i].p, parts[i].n);
            }
        }
        SHA1_Final(out, &c);
        return;
    }
    case XCV_CRYPTO_SHA224:
    case XCV_CRYPTO_SHA256: {
        SHA256_CTX c;
        if (h == XCV_CRYPTO_SHA224) {
            SHA224_Init(&c);
        } else {
            SHA256_Init(&c);
        }
        for (size_t i = 0; i < nparts; i++) {
            if (parts[i].n > 0) {
                SHA256_Update(&c, parts[i].p, parts[i].n);
            }
        }
        if (h == XCV_CRYPTO_SHA224) {
            SHA224_Final(out, &c);
        } else {
            SHA256_Final(out, &c);
        }
        return;
    }
    case XCV_CRYPTO_SHA384:
    case XCV_CRYPTO_SHA512: {
        SHA512_CTX c;
        if (h == XCV_CRYPTO_SHA384) {
            SHA384_Init(&c);
        } else {
            SHA512_Init(&c);
        }
        for (size_t i = 0; i < nparts; i++) {
            if (parts[i].n > 0) {
                SHA512_Update(&c, parts[i].p, parts[i].n);
            }
        }
        if (h == XCV_CRYPTO_SHA384) {
            SHA384_Final(out, &c);
        } else {
            SHA512_Final(out, &c);
        }
        return;
    }
    default:
        return;
    }
}

/* see xcv.h */
void xcv_sha256(xcv_slice data, uint8_t out[32])
{
    /* Not SHA256(): in OpenSSL 3 the one-shot goes through EVP_Q_digest
     * (an algorithm fetch and allocations on every call). */
    SHA256_CTX c;
    SHA256_Init(&c);
    if (data.n > 0) {
        SHA256_Update(&c, data.p, data.n);
    }
    SHA256_Final(out, &c);
}

/* see crypto.h */
void xcv_sha256_init(struct xcv_sha256_ctx *c)
{
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    memcpy(c->opaque, &ctx, sizeof ctx);
}

/* see crypto.h */
void xcv_sha256_update(struct xcv_sha256_ctx *c, const void *data, size_t n)
{
    if (n == 0) {
        return;
    }
    SHA256_CTX ctx;
    memcpy(&ctx, c->opaque, sizeof ctx);
    SHA256_Update(&ctx, data, n);
    memcpy(c->opaque, &ctx, sizeof ctx);
}

/* see crypto.h */
void xcv_sha256_final(struct xcv_sha256_ctx *c, uint8_t out[32])
{
    SHA256_CTX ctx;
    memcpy(&ctx, c->opaque, sizeof ctx);
    SHA256_Final(out, &ctx);
}

/* ------------------------------------------------------------------------ */
/* Imported-key cache                                                        */
/* ------------------------------------------------------------------------ */

#define CO_SLOTS 32u

struct co_slot {
    uint8_t id[32];
    EVP_PKEY *pkey;    /* NULL: empty slot */
    EVP_PKEY_CTX *ctx; /* idle, initialised context, or NULL when checked out */
    uint64_t stamp;
};

static struct co_slot co_slots[CO_SLOTS];
static uint64_t co_clock;
static pthread_mutex_t co_lock = PTHREAD_MUTEX_INITIALIZER;

/* Identity of a key: SHA-256 over a kind octet and the length-prefixed values. */
static void co_key_id(uint8_t kind, xcv_slice a, xcv_slice b, uint8_t out[32])
{
    uint8_t hdr[9];
    hdr[0] = kind;
    for (unsigned i = 0; i < 4; i++) {
        hdr[1 + i] = (uint8_t)(a.n >> (24 - 8 * i));
        hdr[5 + i] = (uint8_t)(b.n >> (24 - 8 * i));
    }
    xcv_slice parts[3];
    parts[0] = xcv_slice_make(hdr, sizeof hdr);
    parts[1] = a;
    parts[2] = b;
    xcv_crypto_hash(XCV_CRYPTO_SHA256, parts, 3, out);
}

static struct co_slot *co_find(const uint8_t id[32])
{
    for (size_t i = 0; i < CO_SLOTS; i++) {
        if (co_slots[i].pkey != NULL && memcmp(co_slots[i].id, id, 32) == 0) {
            return &co_slots[i];
        }
    }
    return NULL;
}

/*
 * Looks id up: on a hit, *pkey gets a new reference and *ctx the idle
 * context (or NULL when another thread has it). Returns 1 on a hit.
 */
static int co_acquire(const uint8_t id[32], EVP_PKEY **pkey, EVP_PKEY_CTX **ctx)
{
    int hit = 0;
    *pkey = NULL;
    *ctx = NULL;
    if (pthread_mutex_lock(&co_lock) != 0) {
        return 0;
    }
    struct co_slot *s = co_find(id);
    if (s != NULL && EVP_PKEY_up_ref(s->pkey) == 1) {
        *pkey = s->pkey;
        *ctx = s->ctx;
        s->ctx = NULL;
        s->stamp = ++co_clock;
        hit = 1;
    }
    (void)pthread_mutex_unlock(&co_lock);
    return hit;
}

/*
 * Gives back pkey (the caller's reference) and ctx (NULL, or an initialised
 * context fit for reuse): ctx becomes the slot's idle context when it has
 * none; a key not in the table is inserted over the least recently used slot.
 */
static void co_release(const uint8_t id[32], EVP_PKEY *pkey, EVP_PKEY_CTX *ctx)
{
    EVP_PKEY *drop_pkey = NULL;
    EVP_PKEY_CTX *drop_ctx = ctx;
    EVP_PKEY_CTX *drop_old_ctx = NULL;
    if (pthread_mutex_lock(&co_lock) == 0) {
        struct co_slot *s = co_find(id);
        if (s == NULL && EVP_PKEY_up_ref(pkey) == 1) {
            s = &co_slots[0];
            for (size_t i = 1; i < CO_SLOTS && s->pkey != NULL; i++) {
                if (co_slots[i].pkey == NULL || co_slots[i].stamp < s->stamp) {
                    s = &co_slots[i];
                }
            }
            drop_pkey = s->pkey;
            drop_old_ctx = s->ctx;
            memcpy(s->id, id, 32);
            s->pkey = pkey;
            s->ctx = NULL;
            s->stamp = ++co_clock;
        }
        if (s != NULL && s->pkey == pkey && s->ctx == NULL) {
            s->ctx = ctx;
            drop_ctx = NULL;
        }
        (void)pthread_mutex_unlock(&co_lock);
    }
    /* Freed outside the lock. */
    EVP_PKEY_CTX_free(drop_ctx);
    EVP_PKEY_CTX_free(drop_old_ctx);
    EVP_PKEY_free(drop_pkey);
    EVP_PKEY_free(pkey);
}

/* ------------------------------------------------------------------------ */
/* RSA                                                                       */
/* ------------------------------------------------------------------------ */

static EVP_PKEY *co_rsa_import(xcv_slice n, xcv_slice e)
{
    EVP_PKEY *pkey = NULL;
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    BIGNUM *bn = BN_bin2bn(n.p, (int)n.n, NULL);
    BIGNUM *be = BN_bin2bn(e.p, (int)e.n, NULL);
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *fc = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
    if (bld != NULL && bn != NULL && be != NULL && fc != NULL &&
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn) == 1 &&
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be) == 1 &&
        (params = OSSL_PARAM_BLD_to_param(bld)) != NULL && EVP_PKEY_fromdata_init(fc) == 1) {
        if (EVP_PKEY_fromdata(fc, &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1) {
            pkey = NULL;
        }
    }
    EVP_PKEY_CTX_free(fc);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    return pkey;
}

static EVP_PKEY_CTX *co_rsa_ctx(EVP_PKEY *pkey)
{
    EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    if (c != NULL && EVP_PKEY_verify_recover_init(c) == 1 &&
        EVP_PKEY_CTX_set_rsa_padding(c, RSA_NO_PADDING) == 1) {
        return c;
    }
    EVP_PKEY_CTX_free(c);
    return NULL;
}

/* see crypto.h */
xcv_err xcv_crypto_rsa_public(xcv_slice n, xcv_slice e, uint8_t *x, size_t len)
{
    XCV_ENSURE(len == n.n && len > 0 && len <= XCV_CRYPTO_MAX_RSA_BYTES, XCV_ERR_BAD_SIGNATURE);
    XCV_ENSURE(e.n > 0 && e.n <= 8, XCV_ERR_BAD_SIGNATURE);
    uint8_t id[32];
    co_key_id('R', n, e, id);
    EVP_PKEY *pkey;
    EVP_PKEY_CTX *ctx;
    if (!co_acquire(id, &pkey, &ctx)) {
        pkey = co_rsa_import(n, e);
        XCV_ENSURE(pkey != NULL, XCV_ERR_BAD_SIGNATURE);
    }
    if (ctx == NULL) {
        ctx = co_rsa_ctx(pkey);
    }
    uint8_t out[XCV_CRYPTO_MAX_RSA_BYTES];
    size_t out_len = sizeof out;
    /* RSAVP1; OpenSSL rejects x >= n (RFC 8017 5.2.2 step 1) and returns
     * the full k octets with RSA_NO_PADDING. */
    int ok = ctx != NULL && EVP_PKEY_verify_recover(ctx, out, &out_len, x, len) == 1 &&
             out_len == len;
    if (!ok) {
        EVP_PKEY_CTX_free(ctx);
        ctx = NULL;
    }
    co_release(id, pkey, ctx);
    XCV_ENSURE(ok, XCV_ERR_BAD_SIGNATURE);
    memcpy(x, out, len);
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* ECDSA                                                                     */
/* ------------------------------------------------------------------------ */

static const char *co_group(xcv_curve curve)
{
    switch (curve) {
    case XCV_CURVE_P256:
        return "prime256v1";
    case XCV_CURVE_P384:
        return "secp384r1";
    case XCV_CURVE_P521:
        return "secp521r1";
    case XCV_CURVE_NONE:
    case XCV_CURVE_OTHER:
    default:
        return NULL;
    }
}

/* see crypto.h */
int xcv_crypto_curve_supported(xcv_curve curve)
{
    return co_group(curve) != NULL;
}

static EVP_PKEY *co_ec_import(xcv_curve curve, xcv_slice point)
{
    char group[16];
    const char *g = co_group(curve);
    if (g == NULL || strlen(g) >= sizeof group) {
        return NULL;
    }
    memcpy(group, g, strlen(g) + 1);
    uint8_t pub[1 + 2 * 66];
    if (point.n == 0 || point.p == NULL || point.n > sizeof pub) {
        return NULL;
    }
    memcpy(pub, point.p, point.n);
    OSSL_PARAM params[3];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, pub, point.n);
    params[2] = OSSL_PARAM_construct_end();
    EVP_PKEY *pkey = NULL;
    EVP_PKEY_CTX *fc = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
    if (fc == NULL || EVP_PKEY_fromdata_init(fc) != 1 ||
        EVP_PKEY_fromdata(fc, &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1) {
        pkey = NULL;
    }
    EVP_PKEY_CTX_free(fc);
    return pkey;
}

static EVP_PKEY_CTX *co_ec_ctx(EVP_PKEY *pkey)
{
    EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    if (c != NULL && EVP_PKEY_verify_init(c) == 1) {
        return c;
    }
    EVP_PKEY_CTX_free(c);
    return NULL;
}

/* see crypto.h */
xcv_err xcv_crypto_ecdsa_verify(xcv_curve curve, xcv_slice point, const uint8_t *hash,
                                size_t hash_len, xcv_slice sig_der)
{
    XCV_ENSURE(co_group(curve) != NULL, XCV_ERR_BAD_SIGNATURE);
    uint8_t id[32];
    uint8_t c = (uint8_t)curve;
    co_key_id('E', xcv_slice_make(&c, 1), point, id);
    EVP_PKEY *pkey;
    EVP_PKEY_CTX *ctx;
    if (!co_acquire(id, &pkey, &ctx)) {
        pkey = co_ec_import(curve, point);
        XCV_ENSURE(pkey != NULL, XCV_ERR_BAD_SIGNATURE);
    }
    if (ctx == NULL) {
        ctx = co_ec_ctx(pkey);
    }
    int ok = ctx != NULL && EVP_PKEY_verify(ctx, sig_der.p, sig_der.n, hash, hash_len) == 1;
    if (!ok) {
        EVP_PKEY_CTX_free(ctx);
        ctx = NULL;
    }
    co_release(id, pkey, ctx);
    XCV_ENSURE(ok, XCV_ERR_BAD_SIGNATURE);
    return XCV_OK;
}

/* see crypto.h */
xcv_err xcv_crypto_ec_point_check(xcv_curve curve, xcv_slice point)
{
    /* SEC 1 3.2.2.1 through libcrypto: importing the point decodes it
     * (EC_POINT_oct2point rejects points off the curve) and
     * EVP_PKEY_public_check_quick checks range and identity. The order
     * check (n * Q = O) is implied: the NIST prime curves have cofactor 1. */
    XCV_ENSURE(co_group(curve) != NULL, XCV_ERR_UNSUPPORTED_KEY);
    EVP_PKEY *pkey = co_ec_import(curve, point);
    XCV_ENSURE(pkey != NULL, XCV_ERR_BAD_EC_POINT);
    EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    int ok = c != NULL && EVP_PKEY_public_check_quick(c) == 1;
    EVP_PKEY_CTX_free(c);
    EVP_PKEY_free(pkey);
    XCV_ENSURE(ok, XCV_ERR_BAD_EC_POINT);
    return XCV_OK;
}

/* see crypto.h */
const char *xcv_crypto_backend(void)
{
    return "openssl";
}
