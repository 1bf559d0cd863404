/*
 * crypto_ec.c -- EC public key validation for the NIST prime curves with
 * portable arithmetic (linked with every crypto backend).
 *
 * Standards
 *   SEC 1 v2 3.2.2.1 (Elliptic Curve Public Key Validation Primitive),
 *   NIST SP 800-56A rev. 3 5.6.2.3.4 (ECC Partial Public-Key Validation),
 *   FIPS 186-4 D.1.2 (curve constants), RFC 5480 2.2 (point encoding).
 *
 * Implementation notes
 *   - Montgomery multiplication (CIOS) on 32-bit limbs, little-endian, up to
 *     17 limbs (P-521). For all three primes the lowest limb is 0xffffffff,
 *     so -p^-1 mod 2^32 is 1.
 *   - The check is y^2 * R == (x^3 - 3x + b) * R (mod p) in Montgomery form:
 *     x and y are brought in with R^2 mod p, b is stored as b * R mod p.
 *     Constants were computed offline from the FIPS 186-4 values.
 *   - Public data only, so variable time is fine. No allocation, no state;
 *     about 1 KiB of stack. A few microseconds instead of the ~50 us of a
 *     scalar multiplication by 1 in BearSSL's m31 code.
 *   - The curve has cofactor 1, so a point on the curve that is not the
 *     identity has order n (SEC 1 3.2.2.1 step 4 is implied).
 */
#include "crypto.h"

#define EC_MAX_LIMBS 17u

struct ec_field {
    size_t limbs;     /* 32-bit limbs */
    size_t coord_len; /* octets of one coordinate in the encoding */
    uint32_t p[EC_MAX_LIMBS];
    uint32_t r2[EC_MAX_LIMBS]; /* R^2 mod p, R = 2^(32 * limbs) */
    uint32_t b_mont[EC_MAX_LIMBS]; /* b * R mod p */
};

/* FIPS 186-4 D.1.2.3 (P-256), D.1.2.4 (P-384), D.1.2.5 (P-521). */
static const struct ec_field ec_p256 = {
    8,
    32,
    {0xffffffffu, 0xffffffffu, 0xffffffffu, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000001u,
     0xffffffffu},
    {0x00000003u, 0x00000000u, 0xffffffffu, 0xfffffffbu, 0xfffffffeu, 0xffffffffu, 0xfffffffdu,
     0x00000004u},
    {0x29c4bddfu, 0xd89cdf62u, 0x78843090u, 0xacf005cdu, 0xf7212ed6u, 0xe5a220abu, 0x04874834u,
     0xdc30061du},
};

static const struct ec_field ec_p384 = {
    12,
    48,
    {0xffffffffu, 0x00000000u, 0x00000000u, 0xffffffffu, 0xfffffffeu, 0xffffffffu, 0xffffffffu,
     0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu},
    {0x00000001u, 0xfffffffeu, 0x00000000u, 0x00000002u, 0x00000000u, 0xfffffffeu, 0x00000000u,
     0x00000002u, 0x00000001u, 0x00000000u, 0x00000000u, 0x00000000u},
    {0x9d412dccu, 0x08118871u, 0x7a4c32ecu, 0xf729add8u, 0x1920022eu, 0x77f2209bu, 0x94938ae2u,
     0xe3374beeu, 0x1f022094u, 0xb62b21f4u, 0x604fbff9u, 0xcd08114bu},
};

static const struct ec_field ec_p521 = {
    17,
    66,
    {0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
     0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
     0xffffffffu, 0xffffffffu, 0x000001ffu},
    {0x00000000u, 0x00004000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u,
     0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u,
     0x00000000u, 0x00000000u, 0x00000000u},
    {0x8014654fu, 0xea35a81fu, 0x78f7a28fu, 0xc41e961au, 0x839ab9efu, 0x5e9dd8dfu, 0xbd8b2960u,
     0xa8f63f49u, 0xf0ab0c9cu, 0xc8c77884u, 0xf9dc5a44u, 0x2dccd98au, 0x77516d39u, 0xd05b42a0u,
     0x0fc94d10u, 0xb0c70e4du, 0x0000015cu},
};

/* a >= b (n limbs). */
static int ec_geq(const uint32_t *a, const uint32_t *b, size_t n)
{
    for (size_t i = n; i-- > 0;) {
        if (a[i] != b[i]) {
            return a[i] > b[i];
        }
    }
    return 1;
}

/* a -= b (n limbs); returns the borrow. */
static uint32_t ec_sub(uint32_t *a, const uint32_t *b, size_t n)
{
    uint64_t borrow = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t d = (uint64_t)a[i] - b[i] - borrow;
        a[i] = (uint32_t)d;
        borrow = (d >> 32) & 1u;
    }
    return (uint32_t)borrow;
}

/* a += b (n limbs); returns the carry. */
static uint32_t ec_add(uint32_t *a, const uint32_t *b, size_t n)
{
    uint64_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t s = (uint64_t)a[i] + b[i] + carry;
        a[i] = (uint32_t)s;
        carry = s >> 32;
    }
    return (uint32_t)carry;
}

/* a = a + b mod p (a, b < p). */
static void ec_mod_add(uint32_t *a, const uint32_t *b, const struct ec_field *f)
{
    uint32_t carry = ec_add(a, b, f->limbs);
    if (carry != 0 || ec_geq(a, f->p, f->limbs)) {
        (void)ec_sub(a, f->p, f->limbs);
    }
}

/* a = a - b mod p (a, b < p). */
static void ec_mod_sub(uint32_t *a, const uint32_t *b, const struct ec_field *f)
{
    if (ec_sub(a, b, f->limbs) != 0) {
        (void)ec_add(a, f->p, f->limbs);
    }
}

/* out = a * b / R mod p (CIOS; a, b < p; out may alias neither). */
static void ec_mont_mul(uint32_t *out, const uint32_t *a, const uint32_t *b,
                        const struct ec_field *f)
{
    const size_t n = f->limbs;
    uint32_t t[EC_MAX_LIMBS + 2];
    memset(t, 0, sizeof t);
    for (size_t i = 0; i < n; i++) {
        uint64_t c = 0;
        for (size_t j = 0; j < n; j++) {
            uint64_t s = (uint64_t)t[j] + (uint64_t)a[j] * b[i] + c;
            t[j] = (uint32_t)s;
            c = s >> 32;
        }
        uint64_t s = (uint64_t)t[n] + c;
        t[n] = (uint32_t)s;
        t[n + 1] = (uint32_t)(s >> 32);
        /* m = t[0] * (-p^-1 mod 2^32) = t[0], since p[0] = 0xffffffff. */
        uint32_t m = t[0];
        c = ((uint64_t)t[0] + (uint64_t)m * f->p[0]) >> 32;
        for (size_t j = 1; j < n; j++) {
            s = (uint64_t)t[j] + (uint64_t)m * f->p[j] + c;
            t[j - 1] = (uint32_t)s;
            c = s >> 32;
        }
        s = (uint64_t)t[n] + c;
        t[n - 1] = (uint32_t)s;
        t[n] = t[n + 1] + (uint32_t)(s >> 32);
    }
    /* t < 2p: one conditional subtraction. */
    if (t[n] != 0 || ec_geq(t, f->p, n)) {
        (void)ec_sub(t, f->p, n);
    }
    memcpy(out, t, n * sizeof(uint32_t));
}

/* Big-endian coordinate (coord_len octets) to limbs; 0 when >= p. */
static int ec_decode(uint32_t *out, const uint8_t *in, const struct ec_field *f)
{
    memset(out, 0, EC_MAX_LIMBS * sizeof(uint32_t));
    for (size_t i = 0; i < f->coord_len; i++) {
        size_t bit = 8u * (f->coord_len - 1 - i);
        out[bit / 32] |= (uint32_t)in[i] << (bit % 32);
    }
    /* SEC 1 3.2.2.1 step 2: "Check that xQ and yQ are integers in the
     * interval [0, p - 1]". */
    return !ec_geq(out, f->p, f->limbs);
}

/* see crypto.h */
xcv_err xcv_crypto_ec_point_check(xcv_curve curve, xcv_slice point)
{
    const struct ec_field *f;
    switch (curve) {
    case XCV_CURVE_P256:
        f = &ec_p256;
        break;
    case XCV_CURVE_P384:
        f = &ec_p384;
        break;
    case XCV_CURVE_P521:
        f = &ec_p521;
        break;
    case XCV_CURVE_NONE:
    case XCV_CURVE_OTHER:
    default:
        return XCV_ERR_UNSUPPORTED_KEY;
    }
    /* SEC 1 3.2.2.1 step 1: "Check that Q != O" -- the identity has no
     * uncompressed encoding (SEC 1 2.3.3: it is the single octet 00), so
     * only 04 || X || Y of the right length is accepted. */
    XCV_ENSURE(point.p != NULL && point.n == 1 + 2 * f->coord_len && point.p[0] == 0x04,
               XCV_ERR_BAD_EC_POINT);

    uint32_t x[EC_MAX_LIMBS];
    uint32_t y[EC_MAX_LIMBS];
    XCV_ENSURE(ec_decode(x, point.p + 1, f), XCV_ERR_BAD_EC_POINT);
    XCV_ENSURE(ec_decode(y, point.p + 1 + f->coord_len, f), XCV_ERR_BAD_EC_POINT);

    /* SEC 1 3.2.2.1 step 3: "If E is a curve over Fp, check that
     * yQ^2 = xQ^3 + a xQ + b (mod p)", with a = -3 for these curves. */
    uint32_t xm[EC_MAX_LIMBS];
    uint32_t ym[EC_MAX_LIMBS];
    uint32_t lhs[EC_MAX_LIMBS];
    uint32_t x2[EC_MAX_LIMBS];
    uint32_t rhs[EC_MAX_LIMBS];
    ec_mont_mul(xm, x, f->r2, f);
    ec_mont_mul(ym, y, f->r2, f);
    ec_mont_mul(lhs, ym, ym, f);
    ec_mont_mul(x2, xm, xm, f);
    ec_mont_mul(rhs, x2, xm, f);
    ec_mod_sub(rhs, xm, f);
    ec_mod_sub(rhs, xm, f);
    ec_mod_sub(rhs, xm, f);
    ec_mod_add(rhs, f->b_mont, f);
    XCV_ENSURE(memcmp(lhs, rhs, f->limbs * sizeof(uint32_t)) == 0, XCV_ERR_BAD_EC_POINT);
    return XCV_OK;
}
