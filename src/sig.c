/*
 * sig.c -- signature verification (RSA PKCS#1 v1.5, RSASSA-PSS, ECDSA):
 * every policy decision and all encoding checks; the arithmetic goes through
 * the narrow backend interface of crypto.h (BearSSL or OpenSSL libcrypto).
 *
 * Standards
 *   RFC 8017 8.1.2 / 9.1.2 (RSASSA-PSS, EMSA-PSS-VERIFY, MGF1 in B.2.1),
 *   RFC 8017 8.2.2 / 9.2 (RSASSA-PKCS1-v1_5, EMSA-PKCS1-v1_5),
 *   RFC 4055 3.1 (RSASSA-PSS-params), RFC 3279 2.2.1 / RFC 4055 5
 *   (PKCS#1 v1.5 parameters NULL), RFC 5758 3.2 (ECDSA: parameters absent),
 *   RFC 3279 2.2.3 (Ecdsa-Sig-Value), RFC 5480 2.2 (uncompressed points),
 *   SEC 1 3.2.2.1 (EC public key validation).
 *
 * Implementation notes
 *   - PKCS#1 v1.5 is checked by encoding and comparing (RFC 8017 8.2.2 step
 *     3-4): the whole encoded message, DigestInfo with NULL parameters
 *     included, must equal the one we build. Only the backend's raw public
 *     operation (xcv_crypto_rsa_public(), x^e mod n) is used, so a
 *     DigestInfo variant (absent NULL, other OID, trailing garbage) can never
 *     verify, whichever backend is linked.
 *   - EMSA-PSS-VERIFY and MGF1 are written here on the raw public operation
 *     and the backend's hashes.
 *   - ECDSA: the Ecdsa-Sig-Value DER is checked strictly here before the
 *     backend sees it. xcv_sig_check_key() validates an EC point through
 *     the backend (xcv_crypto_ec_point_check(): about one scalar
 *     multiplication with BearSSL, so xcv_sig_check_key_cached() memoizes
 *     it in the signature cache); xcv_sig_verify() runs that check only when the
 *     signature fails, to tell XCV_ERR_BAD_EC_POINT from
 *     XCV_ERR_BAD_SIGNATURE (the backends' verification rejects a point off
 *     the curve by itself).
 *   - RSA moduli above 4096 bits are XCV_ERR_UNSUPPORTED_KEY: BearSSL's
 *     BR_MAX_RSA_SIZE is 4096 and its engines fail on larger moduli; the
 *     OpenSSL backend keeps the same limit so both judge alike.
 *   - The RSA public exponent is limited to 32 bits (as Go and ring bound it).
 *   - No allocation, no mutable statics; buffers are on the stack (about
 *     1.5 KiB for RSA).
 *
 * Deviations / policy
 *   - RSASSA-PSS with SHA-224 or any hash but SHA-1/256/384/512 is
 *     XCV_ERR_BAD_PSS_PARAMS (unsupported). PSS-SHA-1 follows the SHA-1 policy.
 *   - PSS parameters that explicitly encode a DEFAULT value (sha1, mgf1SHA1,
 *     saltLength 20, trailerField 1) are rejected: DER (X.690 11.5) forbids it.
 *   - id-RSASSA-PSS keys are used only for RSASSA-PSS; when their SPKI
 *     carries parameters, the signature must use the same hash and MGF hash
 *     and a salt at least as long (RFC 4055 3.3).
 */
#include "sig.h"
#include "ed25519.h"

#include "der.h"

/* Largest RSA modulus (BearSSL's BR_MAX_RSA_SIZE; both backends keep to it). */
#define SIG_MAX_RSA_BITS  (XCV_CRYPTO_MAX_RSA_BYTES * 8u)
#define SIG_MAX_RSA_BYTES XCV_CRYPTO_MAX_RSA_BYTES
#define SIG_MAX_HASH      XCV_CRYPTO_MAX_HASH

/* ------------------------------------------------------------------------ */
/* Hashes                                                                    */
/* ------------------------------------------------------------------------ */

typedef enum sig_hash {
    SIG_HASH_NONE = 0,
    SIG_HASH_MD5,
    SIG_HASH_SHA1,
    SIG_HASH_SHA224,
    SIG_HASH_SHA256,
    SIG_HASH_SHA384,
    SIG_HASH_SHA512
} sig_hash;

struct sig_hash_desc {
    xcv_hash_id id; /* 0: no backend hash (MD5 is never computed) */
    size_t len;
    const uint8_t *digest_info; /* RFC 8017 9.2 note 1: DigestInfo up to the hash */
    size_t digest_info_len;
    const uint8_t *oid; /* OID content octets */
    size_t oid_len;
};

/* RFC 8017 9.2 note 1: "For the nine hash functions mentioned in Appendix B.1,
 * the DER encoding T of the DigestInfo value is equal to the following". */
static const uint8_t di_sha1[] = {0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e,
                                  0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14};
static const uint8_t di_sha224[] = {0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                    0x65, 0x03, 0x04, 0x02, 0x04, 0x05, 0x00, 0x04, 0x1c};
static const uint8_t di_sha256[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                    0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
static const uint8_t di_sha384[] = {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                    0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30};
static const uint8_t di_sha512[] = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                    0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40};

static const struct sig_hash_desc sig_hashes[] = {
    [SIG_HASH_NONE] = {(xcv_hash_id)0, 0, NULL, 0, NULL, 0},
    [SIG_HASH_MD5] = {(xcv_hash_id)0, 16, NULL, 0, NULL, 0},
    [SIG_HASH_SHA1] = {XCV_CRYPTO_SHA1, 20, di_sha1, sizeof di_sha1, di_sha1 + 6, 5},
    [SIG_HASH_SHA224] = {XCV_CRYPTO_SHA224, 28, di_sha224, sizeof di_sha224, di_sha224 + 6, 9},
    [SIG_HASH_SHA256] = {XCV_CRYPTO_SHA256, 32, di_sha256, sizeof di_sha256, di_sha256 + 6, 9},
    [SIG_HASH_SHA384] = {XCV_CRYPTO_SHA384, 48, di_sha384, sizeof di_sha384, di_sha384 + 6, 9},
    [SIG_HASH_SHA512] = {XCV_CRYPTO_SHA512, 64, di_sha512, sizeof di_sha512, di_sha512 + 6, 9},
};

/* Hashes the concatenation of up to three pieces. */
static void sig_hash3(sig_hash h, const void *a, size_t an, const void *b, size_t bn, const void *c,
                      size_t cn, uint8_t *out)
{
    xcv_slice parts[3];
    parts[0] = xcv_slice_make(a, an);
    parts[1] = xcv_slice_make(b, bn);
    parts[2] = xcv_slice_make(c, cn);
    xcv_crypto_hash(sig_hashes[h].id, parts, 3, out);
}

/* ------------------------------------------------------------------------ */
/* Algorithm table                                                           */
/* ------------------------------------------------------------------------ */

typedef enum sig_kind {
    SIG_KIND_UNSUPPORTED = 0,
    SIG_KIND_PKCS1,
    SIG_KIND_PSS,
    SIG_KIND_ECDSA,
    SIG_KIND_ED25519
} sig_kind;

static sig_kind sig_classify(xcv_sig_alg alg, sig_hash *out_hash)
{
    *out_hash = SIG_HASH_NONE;
    switch (alg) {
    case XCV_SIG_RSA_PKCS1_MD5:
        *out_hash = SIG_HASH_MD5;
        return SIG_KIND_PKCS1;
    case XCV_SIG_RSA_PKCS1_SHA1:
        *out_hash = SIG_HASH_SHA1;
        return SIG_KIND_PKCS1;
    case XCV_SIG_RSA_PKCS1_SHA224:
        *out_hash = SIG_HASH_SHA224;
        return SIG_KIND_PKCS1;
    case XCV_SIG_RSA_PKCS1_SHA256:
        *out_hash = SIG_HASH_SHA256;
        return SIG_KIND_PKCS1;
    case XCV_SIG_RSA_PKCS1_SHA384:
        *out_hash = SIG_HASH_SHA384;
        return SIG_KIND_PKCS1;
    case XCV_SIG_RSA_PKCS1_SHA512:
        *out_hash = SIG_HASH_SHA512;
        return SIG_KIND_PKCS1;
    case XCV_SIG_RSA_PSS:
        return SIG_KIND_PSS; /* hash from the parameters */
    case XCV_SIG_ECDSA_SHA1:
        *out_hash = SIG_HASH_SHA1;
        return SIG_KIND_ECDSA;
    case XCV_SIG_ECDSA_SHA224:
        *out_hash = SIG_HASH_SHA224;
        return SIG_KIND_ECDSA;
    case XCV_SIG_ECDSA_SHA256:
        *out_hash = SIG_HASH_SHA256;
        return SIG_KIND_ECDSA;
    case XCV_SIG_ECDSA_SHA384:
        *out_hash = SIG_HASH_SHA384;
        return SIG_KIND_ECDSA;
    case XCV_SIG_ECDSA_SHA512:
        *out_hash = SIG_HASH_SHA512;
        return SIG_KIND_ECDSA;
    case XCV_SIG_ED25519:
        /* RFC 8410: PureEdDSA, no pre-hash. */
        return xcv_ed25519_available() ? SIG_KIND_ED25519 : SIG_KIND_UNSUPPORTED;
    case XCV_SIG_UNKNOWN:
    case XCV_SIG_ED448:
    case XCV_SIG_DSA:
    default:
        return SIG_KIND_UNSUPPORTED;
    }
}

/* ------------------------------------------------------------------------ */
/* RSASSA-PSS-params                                                         */
/* ------------------------------------------------------------------------ */

struct sig_pss {
    sig_hash hash;
    sig_hash mgf_hash;
    size_t salt_len;
};

/* id-mgf1: 1.2.840.113549.1.1.8 */
static const uint8_t oid_mgf1[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08};

static int sig_oid_is(xcv_slice oid, const uint8_t *want, size_t want_len)
{
    return oid.n == want_len && memcmp(oid.p, want, want_len) == 0;
}

/*
 * HashAlgorithm ::= AlgorithmIdentifier { {HashAlgorithms} }: the OID of
 * SHA-1/224/256/384/512, parameters NULL or absent (RFC 4055 2.1: "There are
 * two possible encodings for the AlgorithmIdentifier parameters field ...
 * implementations MUST accept both").
 */
static xcv_err sig_parse_hash_alg(xcv_slice tlv_rd, sig_hash *out)
{
    xcv_slice seq;
    xcv_slice oid;
    XCV_ENSURE(xcv_der_read(&tlv_rd, XCV_TAG_SEQUENCE, &seq) == XCV_OK, XCV_ERR_BAD_PSS_PARAMS);
    XCV_ENSURE(xcv_der_end(tlv_rd) == XCV_OK, XCV_ERR_BAD_PSS_PARAMS);
    XCV_ENSURE(xcv_der_read(&seq, XCV_TAG_OID, &oid) == XCV_OK, XCV_ERR_BAD_PSS_PARAMS);
    if (seq.n > 0) {
        xcv_slice null_v;
        XCV_ENSURE(xcv_der_read(&seq, XCV_TAG_NULL, &null_v) == XCV_OK, XCV_ERR_BAD_PSS_PARAMS);
        XCV_ENSURE(null_v.n == 0 && seq.n == 0, XCV_ERR_BAD_PSS_PARAMS);
    }
    for (size_t h = SIG_HASH_SHA1; h <= SIG_HASH_SHA512; h++) {
        if (sig_oid_is(oid, sig_hashes[h].oid, sig_hashes[h].oid_len)) {
            *out = (sig_hash)h;
            return XCV_OK;
        }
    }
    return XCV_ERR_BAD_PSS_PARAMS;
}

/*
 * Reads an optional explicit [n] wrapper holding exactly one TLV; returns
 * that TLV's bytes (in *out_inner) and whether it was present.
 */
static xcv_err sig_read_explicit(xcv_slice *rd, unsigned n, xcv_slice *out_inner, int *out_present)
{
    XCV_ENSURE(xcv_der_read_optional(rd, XCV_TAG_CTX_CONS(n), out_inner, out_present) == XCV_OK,
               XCV_ERR_BAD_PSS_PARAMS);
    return XCV_OK;
}

/*
 * RFC 4055 3.1:
 *   RSASSA-PSS-params  ::=  SEQUENCE  {
 *       hashAlgorithm      [0] HashAlgorithm DEFAULT sha1Identifier,
 *       maskGenAlgorithm   [1] MaskGenAlgorithm DEFAULT mgf1SHA1Identifier,
 *       saltLength         [2] INTEGER DEFAULT 20,
 *       trailerField       [3] INTEGER DEFAULT 1  }
 * params is the whole TLV; absent parameters are an error ("When RSASSA-PSS
 * is used in an AlgorithmIdentifier, the parameters MUST employ the
 * RSASSA-PSS-params syntax").
 */
static xcv_err sig_parse_pss(xcv_slice params, struct sig_pss *out)
{
    xcv_slice rd = params;
    xcv_slice seq;
    XCV_ENSURE(params.n > 0, XCV_ERR_BAD_PSS_PARAMS);
    XCV_ENSURE(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &seq) == XCV_OK, XCV_ERR_BAD_PSS_PARAMS);
    XCV_ENSURE(xcv_der_end(rd) == XCV_OK, XCV_ERR_BAD_PSS_PARAMS);

    out->hash = SIG_HASH_SHA1;
    out->mgf_hash = SIG_HASH_SHA1;
    out->salt_len = 20;

    xcv_slice inner;
    int present;
    XCV_TRY(sig_read_explicit(&seq, 0, &inner, &present));
    if (present) {
        XCV_TRY(sig_parse_hash_alg(inner, &out->hash));
        /* X.690 11.5: "The encoding of a set value or sequence value shall not
         * include an encoding for any component value which is equal to its
         * default value." */
        XCV_ENSURE(out->hash != SIG_HASH_SHA1, XCV_ERR_BAD_PSS_PARAMS);
    }

    XCV_TRY(sig_read_explicit(&seq, 1, &inner, &present));
    if (present) {
        /* MaskGenAlgorithm ::= AlgorithmIdentifier: id-mgf1 with a HashAlgorithm. */
        xcv_slice mseq;
        xcv_slice oid;
        XCV_ENSURE(xcv_der_read(&inner, XCV_TAG_SEQUENCE, &mseq) == XCV_OK, XCV_ERR_BAD_PSS_PARAMS);
        XCV_ENSURE(inner.n == 0, XCV_ERR_BAD_PSS_PARAMS);
        XCV_ENSURE(xcv_der_read(&mseq, XCV_TAG_OID, &oid) == XCV_OK, XCV_ERR_BAD_PSS_PARAMS);
        XCV_ENSURE(sig_oid_is(oid, oid_mgf1, sizeof oid_mgf1), XCV_ERR_BAD_PSS_PARAMS);
        XCV_TRY(sig_parse_hash_alg(mseq, &out->mgf_hash));
        XCV_ENSURE(out->mgf_hash != SIG_HASH_SHA1, XCV_ERR_BAD_PSS_PARAMS); /* DEFAULT */
    }

    XCV_TRY(sig_read_explicit(&seq, 2, &inner, &present));
    if (present) {
        xcv_slice iv;
        uint64_t salt;
        XCV_ENSURE(xcv_der_read(&inner, XCV_TAG_INTEGER, &iv) == XCV_OK, XCV_ERR_BAD_PSS_PARAMS);
        XCV_ENSURE(inner.n == 0, XCV_ERR_BAD_PSS_PARAMS);
        /* Any salt longer than a 4096-bit modulus allows cannot verify. */
        XCV_ENSURE(xcv_der_integer_small(iv, SIG_MAX_RSA_BYTES, &salt) == XCV_OK,
                   XCV_ERR_BAD_PSS_PARAMS);
        XCV_ENSURE(salt != 20, XCV_ERR_BAD_PSS_PARAMS); /* DEFAULT */
        out->salt_len = (size_t)salt;
    }

    XCV_TRY(sig_read_explicit(&seq, 3, &inner, &present));
    /* RFC 4055 3.1: "trailerField ... MUST be 1, which represents the trailer
     * field with hexadecimal value 0xBC"; 1 is the DEFAULT, so DER leaves any
     * present trailerField without a valid encoding. */
    XCV_ENSURE(!present, XCV_ERR_BAD_PSS_PARAMS);
    XCV_ENSURE(seq.n == 0, XCV_ERR_BAD_PSS_PARAMS);

    /* RFC 4055 3.1: "the mask generation function ... SHOULD use the same
     * hash function as the message digest"; xcv accepts only that. */
    XCV_ENSURE(out->mgf_hash == out->hash, XCV_ERR_BAD_PSS_PARAMS);
    XCV_ENSURE(out->hash == SIG_HASH_SHA1 || out->hash == SIG_HASH_SHA256 ||
                   out->hash == SIG_HASH_SHA384 || out->hash == SIG_HASH_SHA512,
               XCV_ERR_BAD_PSS_PARAMS);
    return XCV_OK;
}

/*
 * RFC 4055 3.3: for an id-RSASSA-PSS key whose SPKI carries parameters, "the
 * signature algorithm ... MUST be RSASSA-PSS with the same hashAlgorithm and
 * maskGenAlgorithm, and the saltLength ... MUST be greater or equal".
 */
static xcv_err sig_pss_key_constraint(const struct xcv_pubkey *key, const struct sig_pss *sp)
{
    xcv_slice rd = key->alg_der;
    xcv_slice seq;
    xcv_slice oid;
    XCV_ENSURE(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &seq) == XCV_OK, XCV_ERR_CERT_BAD_SPKI);
    XCV_ENSURE(xcv_der_read(&seq, XCV_TAG_OID, &oid) == XCV_OK, XCV_ERR_CERT_BAD_SPKI);
    if (seq.n == 0) {
        return XCV_OK; /* unrestricted key */
    }
    struct sig_pss kp;
    XCV_TRY(sig_parse_pss(seq, &kp));
    XCV_ENSURE(kp.hash == sp->hash && kp.mgf_hash == sp->mgf_hash && sp->salt_len >= kp.salt_len,
               XCV_ERR_BAD_PSS_PARAMS);
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                      */
/* ------------------------------------------------------------------------ */

static xcv_slice sig_strip_zeros(xcv_slice v)
{
    while (v.n > 0 && v.p[0] == 0) {
        v.p++;
        v.n--;
    }
    return v;
}

static unsigned sig_bitlen8(uint8_t b)
{
    unsigned n = 0;
    while (b != 0) {
        n++;
        b = (uint8_t)(b >> 1);
    }
    return n;
}

static size_t sig_coord_len(xcv_curve curve)
{
    switch (curve) {
    case XCV_CURVE_P256:
        return 32;
    case XCV_CURVE_P384:
        return 48;
    case XCV_CURVE_P521:
        return 66;
    case XCV_CURVE_NONE:
    case XCV_CURVE_OTHER:
    default:
        return 0;
    }
}

static unsigned sig_effective_min_rsa(unsigned min_rsa_bits)
{
    if (min_rsa_bits == 0) {
        return 2048; /* the documented default */
    }
    return min_rsa_bits < 1024 ? 1024 : min_rsa_bits;
}

/* RSA policy checks; *out_n gets the modulus without leading zeros. */
static xcv_err sig_check_rsa(const struct xcv_pubkey *key, unsigned min_rsa_bits, xcv_slice *out_n,
                             xcv_slice *out_e)
{
    xcv_slice n = sig_strip_zeros(key->rsa_n);
    xcv_slice e = sig_strip_zeros(key->rsa_e);
    XCV_ENSURE(n.n > 0, XCV_ERR_CERT_BAD_RSA_KEY);
    size_t bits = (n.n - 1) * 8u + sig_bitlen8(n.p[0]);
    XCV_ENSURE(bits >= sig_effective_min_rsa(min_rsa_bits), XCV_ERR_RSA_KEY_TOO_SMALL);
    XCV_ENSURE(bits <= SIG_MAX_RSA_BITS, XCV_ERR_UNSUPPORTED_KEY);
    /* RFC 8017 3.1: n is a product of odd primes, hence odd. */
    XCV_ENSURE((n.p[n.n - 1] & 1u) != 0, XCV_ERR_CERT_BAD_RSA_KEY);
    /* RFC 8017 3.1: "The RSA public exponent e is an integer between 3 and
     * n - 1 satisfying GCD(e, \lambda(n)) = 1", so e is odd and >= 3. */
    XCV_ENSURE(e.n > 0 && e.n <= 4, XCV_ERR_BAD_RSA_EXPONENT);
    XCV_ENSURE((e.p[e.n - 1] & 1u) != 0, XCV_ERR_BAD_RSA_EXPONENT);
    XCV_ENSURE(!(e.n == 1 && e.p[0] < 3), XCV_ERR_BAD_RSA_EXPONENT);
    *out_n = n;
    *out_e = e;
    return XCV_OK;
}

/* EC format checks (no arithmetic). */
static xcv_err sig_check_ec_format(const struct xcv_pubkey *key)
{
    size_t coord_len = sig_coord_len(key->curve);
    XCV_ENSURE(coord_len != 0 && xcv_crypto_curve_supported(key->curve), XCV_ERR_UNSUPPORTED_KEY);
    /* RFC 5480 2.2: "The first octet of the OCTET STRING indicates whether the
     * key is compressed or uncompressed. The uncompressed form is indicated by
     * 0x04 and the compressed form is indicated by either 0x02 or 0x03";
     * "MUST support the uncompressed form", xcv supports only that. */
    XCV_ENSURE(key->ec_point.n == 1 + 2 * coord_len && key->ec_point.p[0] == 0x04,
               XCV_ERR_BAD_EC_POINT);
    return XCV_OK;
}

/* see sig.h */
xcv_err xcv_sig_check_key(const struct xcv_pubkey *key, unsigned min_rsa_bits)
{
    XCV_ENSURE(key != NULL, XCV_ERR_INVALID_ARGUMENT);
    switch (key->type) {
    case XCV_KEY_RSA:
    case XCV_KEY_RSA_PSS: {
        xcv_slice n;
        xcv_slice e;
        return sig_check_rsa(key, min_rsa_bits, &n, &e);
    }
    case XCV_KEY_EC:
        XCV_TRY(sig_check_ec_format(key));
        /* SEC 1 3.2.2.1: the point is on the curve (the backend's library). */
        return xcv_crypto_ec_point_check(key->curve, key->ec_point);
    case XCV_KEY_ED25519:
        XCV_ENSURE(xcv_ed25519_available() && key->bits.n == 32, XCV_ERR_UNSUPPORTED_KEY);
        return XCV_OK;
    case XCV_KEY_UNKNOWN:
    case XCV_KEY_ED448:
    case XCV_KEY_DSA:
    default:
        return XCV_ERR_UNSUPPORTED_KEY;
    }
}

/* ------------------------------------------------------------------------ */
/* Policy (everything but the arithmetic)                                    */
/* ------------------------------------------------------------------------ */

struct sig_plan {
    sig_kind kind;
    sig_hash hash;
    struct sig_pss pss;
    xcv_slice n; /* RSA */
    xcv_slice e;
};

static xcv_err sig_hash_policy(sig_hash h, uint32_t flags)
{
    /* RFC 6151 / CA/B Forum: MD5 signatures are never accepted. */
    XCV_ENSURE(h != SIG_HASH_MD5, XCV_ERR_INSECURE_ALGORITHM);
    /* SHA-1 (RFC 9155, CA/B Forum BR 7.1.3) only when the caller allows it. */
    XCV_ENSURE(h != SIG_HASH_SHA1 || (flags & XCV_FLAG_ALLOW_SHA1) != 0,
               XCV_ERR_INSECURE_ALGORITHM);
    return XCV_OK;
}

static xcv_err sig_plan_make(const struct xcv_pubkey *key, xcv_sig_alg alg, xcv_slice params,
                             uint32_t flags, unsigned min_rsa_bits, struct sig_plan *out)
{
    memset(out, 0, sizeof *out);
    out->kind = sig_classify(alg, &out->hash);
    XCV_ENSURE(out->kind != SIG_KIND_UNSUPPORTED, XCV_ERR_UNSUPPORTED_ALGORITHM);

    if (out->kind == SIG_KIND_PSS) {
        XCV_TRY(sig_parse_pss(params, &out->pss));
        out->hash = out->pss.hash;
    }
    XCV_TRY(sig_hash_policy(out->hash, flags));

    switch (out->kind) {
    case SIG_KIND_PKCS1:
        /* RFC 4055 5: "the parameters MUST be present ... NULL"; RFC 3279
         * 2.2.1 likewise. Absent parameters are accepted, as is common. */
        XCV_ENSURE(key->type == XCV_KEY_RSA, XCV_ERR_KEY_ALG_MISMATCH);
        XCV_ENSURE(params.n == 0 ||
                       (params.n == 2 && params.p[0] == XCV_TAG_NULL && params.p[1] == 0x00),
                   XCV_ERR_CERT_BAD_ALGORITHM);
        return sig_check_rsa(key, min_rsa_bits, &out->n, &out->e);
    case SIG_KIND_PSS:
        XCV_ENSURE(key->type == XCV_KEY_RSA || key->type == XCV_KEY_RSA_PSS,
                   XCV_ERR_KEY_ALG_MISMATCH);
        if (key->type == XCV_KEY_RSA_PSS) {
            XCV_TRY(sig_pss_key_constraint(key, &out->pss));
        }
        return sig_check_rsa(key, min_rsa_bits, &out->n, &out->e);
    case SIG_KIND_ECDSA:
        XCV_ENSURE(key->type == XCV_KEY_EC, XCV_ERR_KEY_ALG_MISMATCH);
        /* RFC 5758 3.2: "the encoding MUST omit the parameters field". */
        XCV_ENSURE(params.n == 0, XCV_ERR_CERT_BAD_ALGORITHM);
        return sig_check_ec_format(key);
    case SIG_KIND_ED25519:
        XCV_ENSURE(key->type == XCV_KEY_ED25519, XCV_ERR_KEY_ALG_MISMATCH);
        /* RFC 8410 3: "For all of the OIDs, the parameters MUST be absent." */
        XCV_ENSURE(params.n == 0, XCV_ERR_CERT_BAD_ALGORITHM);
        /* RFC 8410 4: the public key is the 32-octet encoding. */
        XCV_ENSURE(key->bits.n == 32, XCV_ERR_UNSUPPORTED_KEY);
        return XCV_OK;
    case SIG_KIND_UNSUPPORTED:
    default:
        return XCV_ERR_UNSUPPORTED_ALGORITHM;
    }
}

/* see sig.h */
xcv_err xcv_sig_precheck(const struct xcv_pubkey *key, xcv_sig_alg alg, xcv_slice params,
                         uint32_t flags, unsigned min_rsa_bits)
{
    XCV_ENSURE(key != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(params.p != NULL || params.n == 0, XCV_ERR_INVALID_ARGUMENT);
    struct sig_plan plan;
    return sig_plan_make(key, alg, params, flags, min_rsa_bits, &plan);
}

/* ------------------------------------------------------------------------ */
/* RSA                                                                       */
/* ------------------------------------------------------------------------ */

/*
 * RFC 8017 8.2.2 / 8.1.2 steps 1-2: "If the length of the signature S is not
 * k octets, output "invalid signature"", then m = RSAVP1((n, e), s), which
 * fails when s >= n. em receives the k octets of m.
 */
static xcv_err sig_rsa_public(const struct sig_plan *plan, xcv_slice signature, uint8_t *em)
{
    XCV_ENSURE(signature.n == plan->n.n, XCV_ERR_BAD_SIGNATURE);
    memcpy(em, signature.p, signature.n);
    return xcv_crypto_rsa_public(plan->n, plan->e, em, signature.n);
}

/* RFC 8017 8.2.2 with EMSA-PKCS1-v1_5-ENCODE (9.2): encode and compare. */
static xcv_err sig_verify_pkcs1(const struct sig_plan *plan, xcv_slice data, xcv_slice signature)
{
    const struct sig_hash_desc *hd = &sig_hashes[plan->hash];
    size_t k = plan->n.n;
    size_t t_len = hd->digest_info_len + hd->len;
    /* RFC 8017 9.2 step 3: "If emLen < tLen + 11, output "intended encoded
     * message length too short"". */
    XCV_ENSURE(hd->digest_info != NULL && k >= t_len + 11, XCV_ERR_BAD_SIGNATURE);

    uint8_t em[SIG_MAX_RSA_BYTES];
    XCV_TRY(sig_rsa_public(plan, signature, em));

    /* RFC 8017 9.2 step 5: "EM = 0x00 || 0x01 || PS || 0x00 || T", PS all 0xff. */
    uint8_t want[SIG_MAX_RSA_BYTES];
    size_t ps_len = k - t_len - 3;
    want[0] = 0x00;
    want[1] = 0x01;
    memset(want + 2, 0xff, ps_len);
    want[2 + ps_len] = 0x00;
    memcpy(want + 3 + ps_len, hd->digest_info, hd->digest_info_len);
    sig_hash3(plan->hash, data.p, data.n, NULL, 0, NULL, 0,
              want + 3 + ps_len + hd->digest_info_len);
    /* RFC 8017 8.2.2 step 4: "Compare the encoded message EM and the second
     * encoded message EM'. If they are the same, output "valid signature"". */
    XCV_ENSURE(memcmp(em, want, k) == 0, XCV_ERR_BAD_SIGNATURE);
    return XCV_OK;
}

/* RFC 8017 B.2.1 MGF1, XORed into buf (len octets). */
static void sig_mgf1_xor(sig_hash h, const uint8_t *seed, size_t seed_len, uint8_t *buf, size_t len)
{
    size_t hlen = sig_hashes[h].len;
    uint8_t t[SIG_MAX_HASH];
    uint32_t counter = 0;
    for (size_t off = 0; off < len; off += hlen) {
        uint8_t c[4] = {(uint8_t)(counter >> 24), (uint8_t)(counter >> 16), (uint8_t)(counter >> 8),
                        (uint8_t)counter};
        sig_hash3(h, seed, seed_len, c, sizeof c, NULL, 0, t);
        size_t take = len - off < hlen ? len - off : hlen;
        for (size_t i = 0; i < take; i++) {
            buf[off + i] ^= t[i];
        }
        counter++;
    }
}

/* RFC 8017 8.1.2 and EMSA-PSS-VERIFY (9.1.2). */
static xcv_err sig_verify_pss(const struct sig_plan *plan, xcv_slice data, xcv_slice signature)
{
    const sig_hash h = plan->hash;
    const size_t hlen = sig_hashes[h].len;
    const size_t slen = plan->pss.salt_len;
    const size_t k = plan->n.n;
    /* RFC 8017 8.1.2 step 2c: "EM = I2OSP (m, emLen)" with
     * "emLen = \ceil ((modBits - 1)/8)". */
    const size_t mod_bits = (k - 1) * 8u + sig_bitlen8(plan->n.p[0]);
    const size_t em_bits = mod_bits - 1;
    const size_t em_len = (em_bits + 7) / 8;

    uint8_t m[SIG_MAX_RSA_BYTES];
    XCV_TRY(sig_rsa_public(plan, signature, m));
    /* I2OSP fails ("integer too large") when m needs more than emLen octets. */
    size_t skip = k - em_len; /* 0 or 1 */
    for (size_t i = 0; i < skip; i++) {
        XCV_ENSURE(m[i] == 0, XCV_ERR_BAD_SIGNATURE);
    }
    uint8_t *em = m + skip;

    /* Step 2: "Let mHash = Hash(M)". */
    uint8_t mhash[SIG_MAX_HASH];
    sig_hash3(h, data.p, data.n, NULL, 0, NULL, 0, mhash);
    /* Step 3: "If emLen < hLen + sLen + 2, output "inconsistent"". */
    XCV_ENSURE(em_len >= hlen + slen + 2, XCV_ERR_BAD_SIGNATURE);
    /* Step 4: "If the rightmost octet of EM does not have hexadecimal value
     * 0xbc, output "inconsistent"". */
    XCV_ENSURE(em[em_len - 1] == 0xbc, XCV_ERR_BAD_SIGNATURE);
    /* Step 5: maskedDB is the leftmost emLen - hLen - 1 octets, H the next hLen. */
    const size_t db_len = em_len - hlen - 1;
    uint8_t *db = em;
    const uint8_t *hh = em + db_len;
    /* Step 6: "If the leftmost 8emLen - emBits bits of the leftmost octet in
     * maskedDB are not all equal to zero, output "inconsistent"". */
    const unsigned top_bits = (unsigned)(8u * em_len - em_bits); /* 0..7 */
    const uint8_t top_mask = (uint8_t)(0xffu >> top_bits);
    XCV_ENSURE((db[0] & (uint8_t)~top_mask) == 0, XCV_ERR_BAD_SIGNATURE);
    /* Steps 7-8: "dbMask = MGF(H, emLen - hLen - 1)", "DB = maskedDB \xor dbMask". */
    sig_mgf1_xor(plan->pss.mgf_hash, hh, hlen, db, db_len);
    /* Step 9: "Set the leftmost 8emLen - emBits bits of the leftmost octet in
     * DB to zero". */
    db[0] &= top_mask;
    /* Step 10: "If the emLen - hLen - sLen - 2 leftmost octets of DB are not
     * zero or if the octet at position emLen - hLen - sLen - 1 ... does not
     * have hexadecimal value 0x01, output "inconsistent"". */
    const size_t ps_len = em_len - hlen - slen - 2;
    uint8_t acc = 0;
    for (size_t i = 0; i < ps_len; i++) {
        acc |= db[i];
    }
    XCV_ENSURE(acc == 0 && db[ps_len] == 0x01, XCV_ERR_BAD_SIGNATURE);
    /* Steps 11-13: salt = last sLen octets of DB;
     * "M' = (0x)00 00 00 00 00 00 00 00 || mHash || salt"; "H' = Hash(M')". */
    static const uint8_t zeros[8] = {0};
    uint8_t hprime[SIG_MAX_HASH];
    sig_hash3(h, zeros, sizeof zeros, mhash, hlen, db + db_len - slen, slen, hprime);
    /* Step 14: "If H = H', output "consistent"". */
    XCV_ENSURE(memcmp(hprime, hh, hlen) == 0, XCV_ERR_BAD_SIGNATURE);
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* ECDSA                                                                     */
/* ------------------------------------------------------------------------ */

/* One Ecdsa-Sig-Value INTEGER: DER-minimal, positive, non-zero. */
static xcv_err sig_ecdsa_integer(xcv_slice *rd, size_t coord_len)
{
    xcv_slice v;
    XCV_ENSURE(xcv_der_read(rd, XCV_TAG_INTEGER, &v) == XCV_OK, XCV_ERR_BAD_ECDSA_SIGNATURE);
    XCV_ENSURE(xcv_der_check_integer(v) == XCV_OK, XCV_ERR_BAD_ECDSA_SIGNATURE);
    XCV_ENSURE((v.p[0] & 0x80u) == 0, XCV_ERR_BAD_ECDSA_SIGNATURE);
    XCV_ENSURE(!(v.n == 1 && v.p[0] == 0), XCV_ERR_BAD_ECDSA_SIGNATURE);
    /* Anything longer than the order (plus a sign octet) is >= n: a
     * well-formed but invalid signature value (FIPS 186-4 6.4: r, s in [1, n-1]). */
    XCV_ENSURE(sig_strip_zeros(v).n <= coord_len, XCV_ERR_BAD_SIGNATURE);
    return XCV_OK;
}

/*
 * RFC 3279 2.2.3: "Ecdsa-Sig-Value  ::=  SEQUENCE  { r INTEGER, s INTEGER }",
 * DER-encoded, nothing after it.
 */
static xcv_err sig_ecdsa_der(xcv_slice signature, size_t coord_len)
{
    xcv_slice rd = signature;
    xcv_slice seq;
    XCV_ENSURE(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &seq) == XCV_OK, XCV_ERR_BAD_ECDSA_SIGNATURE);
    XCV_ENSURE(xcv_der_end(rd) == XCV_OK, XCV_ERR_BAD_ECDSA_SIGNATURE);
    XCV_TRY(sig_ecdsa_integer(&seq, coord_len));
    XCV_TRY(sig_ecdsa_integer(&seq, coord_len));
    XCV_ENSURE(xcv_der_end(seq) == XCV_OK, XCV_ERR_BAD_ECDSA_SIGNATURE);
    return XCV_OK;
}

static xcv_err sig_verify_ecdsa(const struct xcv_pubkey *key, const struct sig_plan *plan,
                                xcv_slice data, xcv_slice signature)
{
    size_t coord_len = (key->ec_point.n - 1) / 2;
    XCV_TRY(sig_ecdsa_der(signature, coord_len));

    uint8_t hash[SIG_MAX_HASH];
    size_t hlen = sig_hashes[plan->hash].len;
    sig_hash3(plan->hash, data.p, data.n, NULL, 0, NULL, 0, hash);

    if (xcv_crypto_ecdsa_verify(key->curve, key->ec_point, hash, hlen, signature) != XCV_OK) {
        /* Tell a key off its curve from a bad signature (rare path only). */
        XCV_TRY(xcv_crypto_ec_point_check(key->curve, key->ec_point));
        return XCV_ERR_BAD_SIGNATURE;
    }
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* Entry point                                                               */
/* ------------------------------------------------------------------------ */

/* see sig.h */
xcv_err xcv_sig_verify(const struct xcv_pubkey *key, xcv_sig_alg alg, xcv_slice params,
                       xcv_slice data, xcv_slice signature, uint32_t flags, unsigned min_rsa_bits)
{
    XCV_ENSURE(key != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(params.p != NULL || params.n == 0, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(data.p != NULL || data.n == 0, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(signature.p != NULL || signature.n == 0, XCV_ERR_INVALID_ARGUMENT);

    struct sig_plan plan;
    XCV_TRY(sig_plan_make(key, alg, params, flags, min_rsa_bits, &plan));
    switch (plan.kind) {
    case SIG_KIND_PKCS1:
        return sig_verify_pkcs1(&plan, data, signature);
    case SIG_KIND_PSS:
        return sig_verify_pss(&plan, data, signature);
    case SIG_KIND_ECDSA:
        return sig_verify_ecdsa(key, &plan, data, signature);
    case SIG_KIND_ED25519:
        /* libsodium (src/ed25519.c); the signature length is checked there. */
        return xcv_ed25519_verify(key->bits.p, data, signature);
    case SIG_KIND_UNSUPPORTED:
    default:
        return XCV_ERR_UNSUPPORTED_ALGORITHM;
    }
}
