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
 */
#include "crypto.h"

#include <bearssl.h>

/* ------------------------------------------------------------------------ */
/* SHA-256: SHA-NI when the CPU has it, BearSSL otherwise                     */
/* ------------------------------------------------------------------------ */

/*
 * BearSSL's SHA-256 is portable C (~4 ns per octet on the benchmark VM);
 * x86 SHA extensions do the same work in about a quarter of that, and
 * SHA-256 over every certificate and SPKI is most of a warm xcv_verify
 * (callgrind: 62% of the instructions). The dispatch reads libgcc's CPU
 * feature flags (__builtin_cpu_supports, set once by libgcc's constructor;
 * read-only for us), so the core keeps no state of its own. Clang 14 has
 * no "sha" feature string: clang builds use BearSSL's code.
 */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#define CB_SHA_NI 1
#include <immintrin.h>
#else
#define CB_SHA_NI 0
#endif

struct cb_sha256 {
    uint32_t ni;    /* 1: SHA-NI path (st, buf), 0: br */
    uint32_t fill;  /* octets in buf */
    uint64_t count; /* octets hashed (SHA-NI path) */
    uint32_t st[8];
    uint8_t buf[64];
    br_sha256_context br;
};

_Static_assert(sizeof(struct xcv_sha256_ctx) >= sizeof(struct cb_sha256),
               "xcv_sha256_ctx too small for the SHA-256 context");

#if CB_SHA_NI
/* FIPS 180-4 4.2.2: the SHA-256 constants K0..K63. */
static const uint32_t cb_k256[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u,
    0xab1c5ed5u, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu,
    0x9bdc06a7u, 0xc19bf174u, 0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu,
    0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau, 0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u,
    0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu,
    0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u, 0xa2bfe8a1u, 0xa81a664bu,
    0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u, 0x19a4c116u,
    0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u,
    0xc67178f2u};

/*
 * FIPS 180-4 6.2.2 on nblocks 64-octet blocks with the SHA extensions:
 * sha256rnds2 runs two rounds on the state split as ABEF / CDGH, sha256msg1
 * and sha256msg2 compute the message schedule four words at a time
 * (W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16]).
 */
__attribute__((target("sha,sse4.1,ssse3"))) static void cb_sha_ni_blocks(uint32_t st[8],
                                                                         const uint8_t *p,
                                                                         size_t nblocks)
{
    /* Byte order: big-endian message words. */
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)(const void *)&st[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)(const void *)&st[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
    while (nblocks-- > 0) {
        const __m128i abef0 = abef;
        const __m128i cdgh0 = cdgh;
        __m128i w[4];
        for (unsigned i = 0; i < 16; i++) {
            if (i < 4) {
                w[i] = _mm_shuffle_epi8(
                    _mm_loadu_si128((const __m128i *)(const void *)(p + 16u * i)), bswap);
            } else {
                /* w[i & 3] holds W(i-4); W(i-7..i-4) = alignr(W(i-1), W(i-2)). */
                __m128i x = _mm_sha256msg1_epu32(w[i & 3u], w[(i - 3u) & 3u]);
                x = _mm_add_epi32(x, _mm_alignr_epi8(w[(i - 1u) & 3u], w[(i - 2u) & 3u], 4));
                w[i & 3u] = _mm_sha256msg2_epu32(x, w[(i - 1u) & 3u]);
            }
            __m128i m = _mm_add_epi32(
                w[i & 3u], _mm_loadu_si128((const __m128i *)(const void *)&cb_k256[4u * i]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, m);
            m = _mm_shuffle_epi32(m, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, m);
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
        p += 64;
    }
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    dcba = _mm_blend_epi16(feba, dchg, 0xF0);
    hgfe = _mm_alignr_epi8(dchg, feba, 8);
    _mm_storeu_si128((__m128i *)(void *)&st[0], dcba);
    _mm_storeu_si128((__m128i *)(void *)&st[4], hgfe);
}

static int cb_have_sha_ni(void)
{
    return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1") &&
           __builtin_cpu_supports("ssse3");
}
#else
static int cb_have_sha_ni(void)
{
    return 0;
}

static void cb_sha_ni_blocks(uint32_t st[8], const uint8_t *p, size_t nblocks)
{
    (void)st;
    (void)p;
    (void)nblocks;
}
#endif

static void cb_sha256_init(struct cb_sha256 *c)
{
    /* FIPS 180-4 5.3.3: the initial hash value. */
    static const uint32_t iv[8] = {0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
                                   0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u};
    c->ni = (uint32_t)cb_have_sha_ni();
    c->fill = 0;
    c->count = 0;
    if (c->ni) {
        memcpy(c->st, iv, sizeof iv);
    } else {
        br_sha256_init(&c->br);
    }
}

static void cb_sha256_update(struct cb_sha256 *c, const uint8_t *p, size_t n)
{
    if (n == 0) {
        return;
    }
    if (!c->ni) {
        br_sha256_update(&c->br, p, n);
        return;
    }
    c->count += n;
    if (c->fill > 0) {
        size_t take = 64u - c->fill;
        take = take < n ? take : n;
        memcpy(c->buf + c->fill, p, take);
        c->fill += (uint32_t)take;
        p += take;
        n -= take;
        if (c->fill < 64) {
            return;
        }
        cb_sha_ni_blocks(c->st, c->buf, 1);
        c->fill = 0;
    }
    if (n >= 64) {
        cb_sha_ni_blocks(c->st, p, n / 64);
        p += n - n % 64;
        n %= 64;
    }
    if (n > 0) {
        memcpy(c->buf, p, n);
        c->fill = (uint32_t)n;
    }
}

static void cb_sha256_out(struct cb_sha256 *c, uint8_t out[32])
{
    if (!c->ni) {
        br_sha256_out(&c->br, out);
        return;
    }
    /* FIPS 180-4 5.1.1: 1 bit, zeros, the 64-bit message length in bits. */
    uint64_t bits = c->count * 8u;
    uint8_t pad[72];
    size_t padn = (c->fill < 56 ? 56u : 120u) - c->fill;
    memset(pad, 0, sizeof pad);
    pad[0] = 0x80;
    for (unsigned i = 0; i < 8; i++) {
        pad[padn + i] = (uint8_t)(bits >> (56 - 8 * i));
    }
    uint64_t count = c->count;
    cb_sha256_update(c, pad, padn + 8);
    c->count = count;
    for (unsigned i = 0; i < 8; i++) {
        out[4 * i] = (uint8_t)(c->st[i] >> 24);
        out[4 * i + 1] = (uint8_t)(c->st[i] >> 16);
        out[4 * i + 2] = (uint8_t)(c->st[i] >> 8);
        out[4 * i + 3] = (uint8_t)c->st[i];
    }
}

/* see xcv.h */
void xcv_sha256(xcv_slice data, uint8_t out[32])
{
    struct cb_sha256 c;
    cb_sha256_init(&c);
    cb_sha256_update(&c, data.p, data.n);
    cb_sha256_out(&c, out);
}

/*
 * The opaque context is copied in and out of a properly typed
 * struct cb_sha256 so no object is accessed through a foreign type.
 */
void xcv_sha256_init(struct xcv_sha256_ctx *c)
{
    struct cb_sha256 ctx;
    cb_sha256_init(&ctx);
    memcpy(c->opaque, &ctx, sizeof ctx);
}

/* see crypto.h */
void xcv_sha256_update(struct xcv_sha256_ctx *c, const void *data, size_t n)
{
    if (n == 0) {
        return;
    }
    struct cb_sha256 ctx;
    memcpy(&ctx, c->opaque, sizeof ctx);
    cb_sha256_update(&ctx, data, n);
    memcpy(c->opaque, &ctx, sizeof ctx);
}

/* see crypto.h */
void xcv_sha256_final(struct xcv_sha256_ctx *c, uint8_t out[32])
{
    struct cb_sha256 ctx;
    memcpy(&ctx, c->opaque, sizeof ctx);
    cb_sha256_out(&ctx, out);
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
    if (h == XCV_CRYPTO_SHA256) {
        struct cb_sha256 c;
        cb_sha256_init(&c);
        for (size_t i = 0; i < nparts; i++) {
            cb_sha256_update(&c, parts[i].p, parts[i].n);
        }
        cb_sha256_out(&c, out);
        return;
    }
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
const char *xcv_crypto_backend(void)
{
    return "bearssl";
}
