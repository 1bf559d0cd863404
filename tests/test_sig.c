/*
 * test_sig.c -- unit tests of src/sig.c, src/sigcache.c and the crypto
 * backend interface (src/crypto.h, whichever of
 * crypto_bearssl.c / crypto_openssl.c is built): RSA PKCS#1 v1.5,
 * RSASSA-PSS, ECDSA, key checks, hashes, the signature cache.
 * Test data: tests/sig_vectors.h, made by vectors/gen_sig.sh (openssl CLI).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "der.h"
#include "hex.h"
#include "sig.h"
#include "ed25519.h"
#include "sig_vectors.h"

#define V(x) (x), sizeof(x)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

static const uint8_t OID_RSA[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01};
static const uint8_t OID_EC[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01};
static const uint8_t OID_P256[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
static const uint8_t OID_P384[] = {0x2b, 0x81, 0x04, 0x00, 0x22};
static const uint8_t OID_P521[] = {0x2b, 0x81, 0x04, 0x00, 0x23};
static const uint8_t OID_ED25519[] = {0x2b, 0x65, 0x70};

static int oid_is(xcv_slice o, const uint8_t *want, size_t n)
{
    return o.n == n && memcmp(o.p, want, n) == 0;
}

static unsigned bits_of(xcv_slice n)
{
    unsigned b = 0;
    for (uint8_t t = n.p[0]; t != 0; t = (uint8_t)(t >> 1)) {
        b++;
    }
    return (unsigned)(n.n - 1) * 8u + b;
}

/*
 * Decodes an SPKI into struct xcv_pubkey by hand (RSA, EC, Ed25519). This
 * stands in for xcv_pubkey_parse (src/cert.c) so the tests of this module do
 * not depend on the certificate parser.
 */
static void load_key(const uint8_t *spki, size_t spki_n, struct xcv_pubkey *k)
{
    memset(k, 0, sizeof *k);
    xcv_slice rd = xcv_slice_make(spki, spki_n);
    xcv_slice seq;
    xcv_slice alg;
    xcv_slice oid;
    xcv_slice bs;
    assert_int_equal(xcv_der_read_tlv(&rd, XCV_TAG_SEQUENCE, &seq, &k->spki), XCV_OK);
    assert_int_equal(rd.n, 0);
    assert_int_equal(xcv_der_read_tlv(&seq, XCV_TAG_SEQUENCE, &alg, &k->alg_der), XCV_OK);
    assert_int_equal(xcv_der_read(&alg, XCV_TAG_OID, &oid), XCV_OK);
    assert_int_equal(xcv_der_read(&seq, XCV_TAG_BIT_STRING, &bs), XCV_OK);
    assert_int_equal(xcv_der_bit_string_octets(bs, &k->bits), XCV_OK);
    if (oid_is(oid, V(OID_RSA))) {
        xcv_slice krd = k->bits;
        xcv_slice kseq;
        xcv_slice n;
        xcv_slice e;
        assert_int_equal(xcv_der_read(&krd, XCV_TAG_SEQUENCE, &kseq), XCV_OK);
        assert_int_equal(xcv_der_read_integer(&kseq, &n), XCV_OK);
        assert_int_equal(xcv_der_read_integer(&kseq, &e), XCV_OK);
        assert_int_equal(xcv_der_integer_unsigned(n, &k->rsa_n), XCV_OK);
        assert_int_equal(xcv_der_integer_unsigned(e, &k->rsa_e), XCV_OK);
        k->type = XCV_KEY_RSA;
        k->key_bits = bits_of(k->rsa_n);
    } else if (oid_is(oid, V(OID_EC))) {
        xcv_slice curve;
        assert_int_equal(xcv_der_read(&alg, XCV_TAG_OID, &curve), XCV_OK);
        k->type = XCV_KEY_EC;
        if (oid_is(curve, V(OID_P256))) {
            k->curve = XCV_CURVE_P256;
            k->key_bits = 256;
        } else if (oid_is(curve, V(OID_P384))) {
            k->curve = XCV_CURVE_P384;
            k->key_bits = 384;
        } else if (oid_is(curve, V(OID_P521))) {
            k->curve = XCV_CURVE_P521;
            k->key_bits = 521;
        } else {
            fail_msg("unexpected curve");
        }
        k->ec_point = k->bits;
    } else if (oid_is(oid, V(OID_ED25519))) {
        k->type = XCV_KEY_ED25519;
        k->key_bits = 256;
    } else {
        fail_msg("unexpected key algorithm");
    }
}

static xcv_slice hexs(const char *hex, uint8_t *buf, size_t cap)
{
    size_t n = xcv_test_hex(hex, buf, cap);
    assert_true(n != (size_t)-1);
    return xcv_slice_make(buf, n);
}

/* Hash AlgorithmIdentifiers (RFC 4055 2.1). */
#define H_SHA1         "300906052b0e03021a0500"
#define H_SHA224       "300d06096086480165030402040500"
#define H_SHA256       "300d06096086480165030402010500"
#define H_SHA256_NONUL "300b0609608648016503040201"
#define H_SHA384       "300d06096086480165030402020500"
#define H_SHA512       "300d06096086480165030402030500"
#define H_MD5          "300c06082a864886f70d02050500"
#define OID_MGF1_HEX   "2a864886f70d010108"

static size_t put_tlv(uint8_t *out, uint8_t tag, const uint8_t *v, size_t n)
{
    assert_true(n < 128);
    out[0] = tag;
    out[1] = (uint8_t)n;
    memmove(out + 2, v, n);
    return n + 2;
}

/*
 * Builds RSASSA-PSS-params: hash (hex AlgorithmIdentifier, NULL: omitted),
 * mgf_oid (hex OID content, NULL: maskGenAlgorithm omitted) with mgf_hash,
 * salt (< 0: omitted), trailer (< 0: omitted). Returns the whole TLV.
 */
static xcv_slice pss_params(uint8_t *out, const char *hash, const char *mgf_oid,
                            const char *mgf_hash, int salt, int trailer)
{
    uint8_t body[200];
    size_t n = 0;
    uint8_t tmp[100];
    uint8_t tmp2[100];
    if (hash != NULL) {
        size_t hn = xcv_test_hex(hash, tmp, sizeof tmp);
        n += put_tlv(body + n, 0xa0, tmp, hn);
    }
    if (mgf_oid != NULL) {
        size_t on = xcv_test_hex(mgf_oid, tmp2, sizeof tmp2);
        size_t m = put_tlv(tmp, 0x06, tmp2, on);
        m += xcv_test_hex(mgf_hash, tmp + m, sizeof tmp - m);
        size_t sn = put_tlv(tmp2, 0x30, tmp, m);
        n += put_tlv(body + n, 0xa1, tmp2, sn);
    }
    if (salt >= 0) {
        uint8_t iv[3] = {0x02, 0x01, (uint8_t)salt};
        assert_true(salt < 128);
        n += put_tlv(body + n, 0xa2, iv, sizeof iv);
    }
    if (trailer >= 0) {
        uint8_t iv[3] = {0x02, 0x01, (uint8_t)trailer};
        n += put_tlv(body + n, 0xa3, iv, sizeof iv);
    }
    return xcv_slice_make(out, put_tlv(out, 0x30, body, n));
}

/* Standard PSS params: same hash for MGF1, explicit salt. */
static xcv_slice pss_std(uint8_t *out, const char *hash, int salt)
{
    return pss_params(out, hash, OID_MGF1_HEX, hash, salt, -1);
}

static xcv_slice msg(void)
{
    return xcv_slice_make(v_msg, sizeof v_msg);
}

/* ------------------------------------------------------------------------ */
/* The valid vectors                                                         */
/* ------------------------------------------------------------------------ */

struct vec {
    const char *name;
    const uint8_t *spki;
    size_t spki_n;
    const uint8_t *sig;
    size_t sig_n;
    xcv_sig_alg alg;
    const char *params_hex; /* non-PSS: "" absent, "0500" NULL */
    const char *pss_hash;   /* PSS: hash AlgorithmIdentifier hex; NULL: params 30 00 */
    int pss_salt;           /* PSS: -1 omitted (DEFAULT 20) */
    uint32_t flags;
    unsigned min_bits;
};

#define SHA1OK XCV_FLAG_ALLOW_SHA1

static const struct vec valid[] = {
    {"rsa1024 sha256", V(v_spki_rsa1024), V(v_sig_rsa1024_sha256), XCV_SIG_RSA_PKCS1_SHA256, "0500",
     NULL, 0, 0, 1024},
    {"rsa2048 sha256", V(v_spki_rsa2048), V(v_sig_rsa2048_sha256), XCV_SIG_RSA_PKCS1_SHA256, "0500",
     NULL, 0, 0, 2048},
    {"rsa2048 sha256 absent params", V(v_spki_rsa2048), V(v_sig_rsa2048_sha256),
     XCV_SIG_RSA_PKCS1_SHA256, "", NULL, 0, 0, 0},
    {"rsa2048 sha224", V(v_spki_rsa2048), V(v_sig_rsa2048_sha224), XCV_SIG_RSA_PKCS1_SHA224, "0500",
     NULL, 0, 0, 2048},
    {"rsa2048 sha384", V(v_spki_rsa2048), V(v_sig_rsa2048_sha384), XCV_SIG_RSA_PKCS1_SHA384, "0500",
     NULL, 0, 0, 2048},
    {"rsa2048 sha512", V(v_spki_rsa2048), V(v_sig_rsa2048_sha512), XCV_SIG_RSA_PKCS1_SHA512, "0500",
     NULL, 0, 0, 2048},
    {"rsa2048 sha1 allowed", V(v_spki_rsa2048), V(v_sig_rsa2048_sha1), XCV_SIG_RSA_PKCS1_SHA1,
     "0500", NULL, 0, SHA1OK, 2048},
    {"rsa2049 sha256", V(v_spki_rsa2049), V(v_sig_rsa2049_sha256), XCV_SIG_RSA_PKCS1_SHA256, "0500",
     NULL, 0, 0, 2048},
    {"rsa3072 sha384", V(v_spki_rsa3072), V(v_sig_rsa3072_sha384), XCV_SIG_RSA_PKCS1_SHA384, "0500",
     NULL, 0, 0, 3072},
    {"rsa4096 sha512", V(v_spki_rsa4096), V(v_sig_rsa4096_sha512), XCV_SIG_RSA_PKCS1_SHA512, "0500",
     NULL, 0, 0, 4096},
    {"rsa2048 e=3 sha256", V(v_spki_rsa2048e3), V(v_sig_rsa2048e3_sha256), XCV_SIG_RSA_PKCS1_SHA256,
     "0500", NULL, 0, 0, 2048},
    {"raw exact DigestInfo", V(v_spki_rsa2048), V(v_sig_raw_ok), XCV_SIG_RSA_PKCS1_SHA256, "0500",
     NULL, 0, 0, 2048},
    {"pss sha256 salt 32", V(v_spki_rsa2048), V(v_sig_pss2048_sha256_s32), XCV_SIG_RSA_PSS, "",
     H_SHA256, 32, 0, 2048},
    {"pss sha256 salt 32, hash params absent", V(v_spki_rsa2048), V(v_sig_pss2048_sha256_s32),
     XCV_SIG_RSA_PSS, "", H_SHA256_NONUL, 32, 0, 2048},
    {"pss sha256 salt 0", V(v_spki_rsa2048), V(v_sig_pss2048_sha256_s0), XCV_SIG_RSA_PSS, "",
     H_SHA256, 0, 0, 2048},
    {"pss sha512 salt 64", V(v_spki_rsa2048), V(v_sig_pss2048_sha512_s64), XCV_SIG_RSA_PSS, "",
     H_SHA512, 64, 0, 2048},
    {"pss 2049-bit sha256 salt 32", V(v_spki_rsa2049), V(v_sig_pss2049_sha256_s32), XCV_SIG_RSA_PSS,
     "", H_SHA256, 32, 0, 2048},
    {"pss 3072 sha384 salt 48", V(v_spki_rsa3072), V(v_sig_pss3072_sha384_s48), XCV_SIG_RSA_PSS, "",
     H_SHA384, 48, 0, 2048},
    {"pss sha1 defaults (30 00) allowed", V(v_spki_rsa2048), V(v_sig_pss2048_sha1_s20),
     XCV_SIG_RSA_PSS, "", NULL, -1, SHA1OK, 2048},
    {"p256 sha256", V(v_spki_p256), V(v_sig_p256_sha256), XCV_SIG_ECDSA_SHA256, "", NULL, 0, 0, 0},
    {"p256 sha384", V(v_spki_p256), V(v_sig_p256_sha384), XCV_SIG_ECDSA_SHA384, "", NULL, 0, 0, 0},
    {"p256 sha512", V(v_spki_p256), V(v_sig_p256_sha512), XCV_SIG_ECDSA_SHA512, "", NULL, 0, 0, 0},
    {"p256 sha1 allowed", V(v_spki_p256), V(v_sig_p256_sha1), XCV_SIG_ECDSA_SHA1, "", NULL, 0,
     SHA1OK, 0},
    {"p384 sha384", V(v_spki_p384), V(v_sig_p384_sha384), XCV_SIG_ECDSA_SHA384, "", NULL, 0, 0, 0},
    {"p384 sha256", V(v_spki_p384), V(v_sig_p384_sha256), XCV_SIG_ECDSA_SHA256, "", NULL, 0, 0, 0},
    {"p521 sha512", V(v_spki_p521), V(v_sig_p521_sha512), XCV_SIG_ECDSA_SHA512, "", NULL, 0, 0, 0},
    {"p521 sha256", V(v_spki_p521), V(v_sig_p521_sha256), XCV_SIG_ECDSA_SHA256, "", NULL, 0, 0, 0},
};

static xcv_slice vec_params(const struct vec *v, uint8_t *buf, size_t cap)
{
    if (v->alg == XCV_SIG_RSA_PSS) {
        if (v->pss_hash == NULL) {
            return hexs("3000", buf, cap);
        }
        return pss_std(buf, v->pss_hash, v->pss_salt);
    }
    if (v->params_hex[0] == '\0') {
        return xcv_slice_empty();
    }
    return hexs(v->params_hex, buf, cap);
}

static xcv_err run_vec(const struct vec *v, xcv_slice data, const uint8_t *sig, size_t sig_n)
{
    struct xcv_pubkey k;
    uint8_t pbuf[256];
    load_key(v->spki, v->spki_n, &k);
    xcv_slice params = vec_params(v, pbuf, sizeof pbuf);
    return xcv_sig_verify(&k, v->alg, params, data, xcv_slice_make(sig, sig_n), v->flags,
                          v->min_bits);
}

static void test_valid_vectors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        xcv_err e = run_vec(&valid[i], msg(), valid[i].sig, valid[i].sig_n);
        if (e != XCV_OK) {
            fail_msg("%s: %s", valid[i].name, xcv_err_name(e));
        }
    }
}

static void test_flipped_signature_bit(void **state)
{
    (void)state;
    uint8_t sig[1024];
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        const struct vec *v = &valid[i];
        /* Last octet: RSA s changes (stays below n); ECDSA s changes (DER intact). */
        memcpy(sig, v->sig, v->sig_n);
        sig[v->sig_n - 1] ^= 0x01;
        xcv_err e = run_vec(v, msg(), sig, v->sig_n);
        if (e != XCV_ERR_BAD_SIGNATURE) {
            fail_msg("%s (last bit): %s", v->name, xcv_err_name(e));
        }
        /* A middle octet of RSA signatures (DER of ECDSA may break there). */
        if (v->alg < XCV_SIG_ECDSA_SHA1) {
            memcpy(sig, v->sig, v->sig_n);
            sig[v->sig_n / 2] ^= 0x40;
            e = run_vec(v, msg(), sig, v->sig_n);
            if (e != XCV_ERR_BAD_SIGNATURE) {
                fail_msg("%s (middle bit): %s", v->name, xcv_err_name(e));
            }
        }
        /* One octet short / long. */
        e = run_vec(v, msg(), v->sig, v->sig_n - 1);
        assert_true(e == XCV_ERR_BAD_SIGNATURE || e == XCV_ERR_BAD_ECDSA_SIGNATURE);
    }
}

static void test_flipped_data_bit(void **state)
{
    (void)state;
    uint8_t data[sizeof v_msg];
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        for (size_t pos = 0; pos < sizeof data; pos += sizeof data - 1) {
            memcpy(data, v_msg, sizeof data);
            data[pos] ^= 0x80;
            xcv_err e =
                run_vec(&valid[i], xcv_slice_make(data, sizeof data), valid[i].sig, valid[i].sig_n);
            if (e != XCV_ERR_BAD_SIGNATURE) {
                fail_msg("%s: %s", valid[i].name, xcv_err_name(e));
            }
        }
        /* Empty data. */
        assert_int_equal(run_vec(&valid[i], xcv_slice_empty(), valid[i].sig, valid[i].sig_n),
                         XCV_ERR_BAD_SIGNATURE);
    }
}

static xcv_err verify_with(const uint8_t *spki, size_t spki_n, const uint8_t *sig, size_t sig_n,
                           xcv_sig_alg alg, xcv_slice params, uint32_t flags, unsigned min_bits)
{
    struct xcv_pubkey k;
    load_key(spki, spki_n, &k);
    return xcv_sig_verify(&k, alg, params, msg(), xcv_slice_make(sig, sig_n), flags, min_bits);
}

static void test_wrong_hash(void **state)
{
    (void)state;
    uint8_t p[128];
    uint8_t nb[8];
    xcv_slice null = hexs("0500", nb, sizeof nb);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_rsa2048_sha256),
                                 XCV_SIG_RSA_PKCS1_SHA384, null, 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_rsa2048_sha384),
                                 XCV_SIG_RSA_PKCS1_SHA256, null, 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_rsa2048_sha224),
                                 XCV_SIG_RSA_PKCS1_SHA256, null, 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_p256), V(v_sig_p256_sha256), XCV_SIG_ECDSA_SHA384,
                                 xcv_slice_empty(), 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_p384), V(v_sig_p384_sha384), XCV_SIG_ECDSA_SHA512,
                                 xcv_slice_empty(), 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    /* PSS: other hash, other salt length. */
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_pss2048_sha256_s32), XCV_SIG_RSA_PSS,
                                 pss_std(p, H_SHA384, 32), 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_pss2048_sha256_s32), XCV_SIG_RSA_PSS,
                                 pss_std(p, H_SHA256, 0), 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_pss2048_sha256_s0), XCV_SIG_RSA_PSS,
                                 pss_std(p, H_SHA256, 32), 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    /* A PSS signature is not a PKCS#1 v1.5 one and vice versa. */
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_pss2048_sha256_s32),
                                 XCV_SIG_RSA_PKCS1_SHA256, null, 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_rsa2048_sha256), XCV_SIG_RSA_PSS,
                                 pss_std(p, H_SHA256, 32), 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    /* Another key of the same kind. */
    assert_int_equal(verify_with(V(v_spki_rsa3072), V(v_sig_rsa2048_sha256),
                                 XCV_SIG_RSA_PKCS1_SHA256, null, 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_p384), V(v_sig_p256_sha256), XCV_SIG_ECDSA_SHA256,
                                 xcv_slice_empty(), 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
}

static void test_pkcs1_digest_info_exact(void **state)
{
    (void)state;
    uint8_t p[8];
    xcv_slice null = hexs("0500", p, sizeof p);
    /* RFC 8017 9.2: only "T" with the NULL parameters, nothing after the hash. */
    assert_int_equal(
        verify_with(V(v_spki_rsa2048), V(v_sig_raw_ok), XCV_SIG_RSA_PKCS1_SHA256, null, 0, 2048),
        XCV_OK);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_raw_no_null), XCV_SIG_RSA_PKCS1_SHA256,
                                 null, 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_raw_trailing), XCV_SIG_RSA_PKCS1_SHA256,
                                 null, 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(
        verify_with(V(v_spki_rsa2048), V(v_sig_raw_bt2), XCV_SIG_RSA_PKCS1_SHA256, null, 0, 2048),
        XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_raw_long_len), XCV_SIG_RSA_PKCS1_SHA256,
                                 null, 0, 2048),
                     XCV_ERR_BAD_SIGNATURE);
}

static void test_insecure_hashes(void **state)
{
    (void)state;
    uint8_t p[64];
    xcv_slice null = hexs("0500", p, sizeof p);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_rsa2048_sha1), XCV_SIG_RSA_PKCS1_SHA1,
                                 null, 0, 2048),
                     XCV_ERR_INSECURE_ALGORITHM);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_rsa2048_sha1), XCV_SIG_RSA_PKCS1_SHA1,
                                 null, XCV_FLAG_ALLOW_SHA1, 2048),
                     XCV_OK);
    assert_int_equal(verify_with(V(v_spki_p256), V(v_sig_p256_sha1), XCV_SIG_ECDSA_SHA1,
                                 xcv_slice_empty(), 0, 2048),
                     XCV_ERR_INSECURE_ALGORITHM);
    assert_int_equal(verify_with(V(v_spki_p256), V(v_sig_p256_sha1), XCV_SIG_ECDSA_SHA1,
                                 xcv_slice_empty(), XCV_FLAG_ALLOW_SHA1, 2048),
                     XCV_OK);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_pss2048_sha1_s20), XCV_SIG_RSA_PSS,
                                 hexs("3000", p, sizeof p), 0, 2048),
                     XCV_ERR_INSECURE_ALGORITHM);
    /* MD5: never, flag or not. */
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_rsa2048_md5), XCV_SIG_RSA_PKCS1_MD5,
                                 hexs("0500", p, sizeof p), 0, 2048),
                     XCV_ERR_INSECURE_ALGORITHM);
    assert_int_equal(verify_with(V(v_spki_rsa2048), V(v_sig_rsa2048_md5), XCV_SIG_RSA_PKCS1_MD5,
                                 hexs("0500", p, sizeof p), XCV_FLAG_ALLOW_SHA1, 2048),
                     XCV_ERR_INSECURE_ALGORITHM);
}

static void test_rsa_key_size(void **state)
{
    (void)state;
    uint8_t p[8];
    xcv_slice null = hexs("0500", p, sizeof p);
    struct xcv_pubkey k;
    load_key(V(v_spki_rsa1024), &k);
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_RSA_KEY_TOO_SMALL);
    assert_int_equal(xcv_sig_check_key(&k, 0), XCV_ERR_RSA_KEY_TOO_SMALL); /* default 2048 */
    assert_int_equal(xcv_sig_check_key(&k, 1024), XCV_OK);
    assert_int_equal(xcv_sig_check_key(&k, 1025), XCV_ERR_RSA_KEY_TOO_SMALL);
    assert_int_equal(xcv_sig_check_key(&k, 512), XCV_OK); /* floor 1024 */
    assert_int_equal(verify_with(V(v_spki_rsa1024), V(v_sig_rsa1024_sha256),
                                 XCV_SIG_RSA_PKCS1_SHA256, null, 0, 2048),
                     XCV_ERR_RSA_KEY_TOO_SMALL);
    assert_int_equal(verify_with(V(v_spki_rsa1024), V(v_sig_rsa1024_sha256),
                                 XCV_SIG_RSA_PKCS1_SHA256, null, 0, 1024),
                     XCV_OK);
    load_key(V(v_spki_rsa2049), &k);
    assert_int_equal(xcv_sig_check_key(&k, 2049), XCV_OK);
    assert_int_equal(xcv_sig_check_key(&k, 2050), XCV_ERR_RSA_KEY_TOO_SMALL);
    load_key(V(v_spki_rsa4096), &k);
    assert_int_equal(xcv_sig_check_key(&k, 4096), XCV_OK);
    assert_int_equal(xcv_sig_check_key(&k, 0), XCV_OK);

    /* Above BearSSL's 4096-bit maximum: unsupported. */
    static uint8_t big[513];
    memset(big, 0xff, sizeof big);
    k.rsa_n = xcv_slice_make(big, sizeof big);
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_UNSUPPORTED_KEY);
    k.rsa_n = xcv_slice_make(big + 1, 512); /* exactly 4096 bits, odd */
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_OK);
}

static void test_rsa_exponent_and_modulus(void **state)
{
    (void)state;
    struct xcv_pubkey k;
    struct xcv_pubkey base;
    load_key(V(v_spki_rsa2048), &base);
    static const uint8_t e_even[] = {0x01, 0x00, 0x00};
    static const uint8_t e_one[] = {0x01};
    static const uint8_t e_two[] = {0x02};
    static const uint8_t e_zero[] = {0x00};
    static const uint8_t e_three[] = {0x03};
    static const uint8_t e_padded[] = {0x00, 0x01, 0x00, 0x01};
    static const uint8_t e_big[] = {0x01, 0x00, 0x00, 0x00, 0x01};
    static const uint8_t e_max[] = {0xff, 0xff, 0xff, 0xff};
    struct {
        const uint8_t *e;
        size_t n;
        xcv_err want;
    } rows[] = {
        {e_even, sizeof e_even, XCV_ERR_BAD_RSA_EXPONENT},
        {e_one, sizeof e_one, XCV_ERR_BAD_RSA_EXPONENT},
        {e_two, sizeof e_two, XCV_ERR_BAD_RSA_EXPONENT},
        {e_zero, sizeof e_zero, XCV_ERR_BAD_RSA_EXPONENT},
        {e_zero, 0, XCV_ERR_BAD_RSA_EXPONENT},
        {e_big, sizeof e_big, XCV_ERR_BAD_RSA_EXPONENT},
        {e_three, sizeof e_three, XCV_OK},
        {e_padded, sizeof e_padded, XCV_OK},
        {e_max, sizeof e_max, XCV_OK},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        k = base;
        k.rsa_e = xcv_slice_make(rows[i].e, rows[i].n);
        assert_int_equal(xcv_sig_check_key(&k, 2048), rows[i].want);
    }
    /* verify() applies the same key checks. */
    uint8_t p[128];
    k = base;
    k.rsa_e = xcv_slice_make(e_even, sizeof e_even);
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PKCS1_SHA256, hexs("0500", p, sizeof p), msg(),
                                    xcv_slice_make(V(v_sig_rsa2048_sha256)), 0, 2048),
                     XCV_ERR_BAD_RSA_EXPONENT);
    k.rsa_e = xcv_slice_make(e_one, sizeof e_one);
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PSS, pss_std(p, H_SHA256, 32), msg(),
                                    xcv_slice_make(V(v_sig_pss2048_sha256_s32)), 0, 2048),
                     XCV_ERR_BAD_RSA_EXPONENT);
    /* The e=3 key of the vectors. */
    load_key(V(v_spki_rsa2048e3), &k);
    assert_int_equal(k.rsa_e.n, 1);
    assert_int_equal(k.rsa_e.p[0], 3);
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_OK);

    /* Even modulus. */
    uint8_t n[512];
    k = base;
    memcpy(n, base.rsa_n.p, base.rsa_n.n);
    n[base.rsa_n.n - 1] &= 0xfe;
    k.rsa_n = xcv_slice_make(n, base.rsa_n.n);
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_CERT_BAD_RSA_KEY);
    k.rsa_n = xcv_slice_empty();
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_CERT_BAD_RSA_KEY);
}

/* Copies key's point into buf with one change and points the key at it. */
static void ec_tamper(struct xcv_pubkey *k, uint8_t *buf, size_t pos, uint8_t xor_mask)
{
    memcpy(buf, k->ec_point.p, k->ec_point.n);
    buf[pos] ^= xor_mask;
    k->ec_point = xcv_slice_make(buf, k->ec_point.n);
}

static void test_ec_points(void **state)
{
    (void)state;
    struct xcv_pubkey k;
    uint8_t buf[200];
    const struct {
        const uint8_t *spki;
        size_t n;
        const uint8_t *sig;
        size_t sig_n;
        xcv_sig_alg alg;
    } keys[] = {
        {V(v_spki_p256), V(v_sig_p256_sha256), XCV_SIG_ECDSA_SHA256},
        {V(v_spki_p384), V(v_sig_p384_sha384), XCV_SIG_ECDSA_SHA384},
        {V(v_spki_p521), V(v_sig_p521_sha512), XCV_SIG_ECDSA_SHA512},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        load_key(keys[i].spki, keys[i].n, &k);
        assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_OK);
        /* Y changed in its last bit: off the curve. */
        ec_tamper(&k, buf, k.ec_point.n - 1, 0x01);
        assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_BAD_EC_POINT);
        assert_int_equal(xcv_sig_verify(&k, keys[i].alg, xcv_slice_empty(), msg(),
                                        xcv_slice_make(keys[i].sig, keys[i].sig_n), 0, 2048),
                         XCV_ERR_BAD_EC_POINT);
        /* X changed. */
        load_key(keys[i].spki, keys[i].n, &k);
        ec_tamper(&k, buf, 5, 0x10);
        assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_BAD_EC_POINT);
        /* Compressed form and bad prefixes. */
        load_key(keys[i].spki, keys[i].n, &k);
        ec_tamper(&k, buf, 0, 0x04 ^ 0x02);
        assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_BAD_EC_POINT);
        k.ec_point.n = 1 + (k.ec_point.n - 1) / 2;
        assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_BAD_EC_POINT);
        /* Wrong length for the curve. */
        load_key(keys[i].spki, keys[i].n, &k);
        k.ec_point.n--;
        assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_BAD_EC_POINT);
        /* All-zero coordinates: not on any of these curves (b != 0). */
        load_key(keys[i].spki, keys[i].n, &k);
        memset(buf, 0, k.ec_point.n);
        buf[0] = 0x04;
        k.ec_point = xcv_slice_make(buf, k.ec_point.n);
        assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_BAD_EC_POINT);
    }
    /* A point valid on P-256 declared as P-384: wrong length. */
    load_key(V(v_spki_p256), &k);
    k.curve = XCV_CURVE_P384;
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_BAD_EC_POINT);
    /* Unsupported curves and key types. */
    k.curve = XCV_CURVE_OTHER;
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_UNSUPPORTED_KEY);
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_ECDSA_SHA256, xcv_slice_empty(), msg(),
                                    xcv_slice_make(V(v_sig_p256_sha256)), 0, 2048),
                     XCV_ERR_UNSUPPORTED_KEY);
    k.curve = XCV_CURVE_NONE;
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_UNSUPPORTED_KEY);
    load_key(V(v_spki_ed25519), &k);
    /* Ed25519 keys are usable when the build has libsodium (XCV_ED25519). */
    assert_int_equal(xcv_sig_check_key(&k, 2048),
                     xcv_ed25519_available() ? XCV_OK : XCV_ERR_UNSUPPORTED_KEY);
    k.type = XCV_KEY_DSA;
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_UNSUPPORTED_KEY);
    k.type = XCV_KEY_UNKNOWN;
    assert_int_equal(xcv_sig_check_key(&k, 2048), XCV_ERR_UNSUPPORTED_KEY);
}

/* ECDSA Ecdsa-Sig-Value built from parts (short lengths only). */
static size_t ecdsa_build(uint8_t *out, const uint8_t *r, size_t rn, const uint8_t *s, size_t sn,
                          const char *extra_hex)
{
    uint8_t body[200];
    size_t n = put_tlv(body, 0x02, r, rn);
    n += put_tlv(body + n, 0x02, s, sn);
    if (extra_hex != NULL) {
        n += xcv_test_hex(extra_hex, body + n, sizeof body - n);
    }
    return put_tlv(out, 0x30, body, n);
}

static void test_ecdsa_der(void **state)
{
    (void)state;
    struct xcv_pubkey k;
    load_key(V(v_spki_p256), &k);
    /* Split the real signature into r and s content octets. */
    xcv_slice rd = xcv_slice_make(V(v_sig_p256_sha256));
    xcv_slice seq;
    xcv_slice r;
    xcv_slice s;
    assert_int_equal(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &seq), XCV_OK);
    assert_int_equal(xcv_der_read_integer(&seq, &r), XCV_OK);
    assert_int_equal(xcv_der_read_integer(&seq, &s), XCV_OK);

    uint8_t sig[256];
    uint8_t t[80];
    size_t n;
#define CHECK_SIG(len, want)                                                                       \
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_ECDSA_SHA256, xcv_slice_empty(), msg(),            \
                                    xcv_slice_make(sig, (len)), 0, 2048),                          \
                     (want))

    /* The rebuilt signature verifies (the builder is right). */
    n = ecdsa_build(sig, r.p, r.n, s.p, s.n, NULL);
    CHECK_SIG(n, XCV_OK);
    /* Non-minimal INTEGER: an extra leading zero octet in r, then in s. */
    t[0] = 0x00;
    memcpy(t + 1, r.p, r.n);
    n = ecdsa_build(sig, t, r.n + 1, s.p, s.n, NULL);
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    memcpy(t + 1, s.p, s.n);
    n = ecdsa_build(sig, r.p, r.n, t, s.n + 1, NULL);
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    /* Trailing data after the SEQUENCE, and inside it. */
    n = ecdsa_build(sig, r.p, r.n, s.p, s.n, NULL);
    sig[n] = 0x00;
    CHECK_SIG(n + 1, XCV_ERR_BAD_ECDSA_SIGNATURE);
    n = ecdsa_build(sig, r.p, r.n, s.p, s.n, "020101");
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    n = ecdsa_build(sig, r.p, r.n, s.p, s.n, "0500");
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    /* Zero r, zero s. */
    n = ecdsa_build(sig, (const uint8_t *)"\0", 1, s.p, s.n, NULL);
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    n = ecdsa_build(sig, r.p, r.n, (const uint8_t *)"\0", 1, NULL);
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    /* Negative s: the magnitude with its top bit set and no sign octet. */
    xcv_slice sm = s;
    if (sm.p[0] == 0) {
        sm.p++;
        sm.n--;
    }
    memcpy(t, sm.p, sm.n);
    t[0] |= 0x80;
    n = ecdsa_build(sig, r.p, r.n, t, sm.n, NULL);
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    /* Empty INTEGER. */
    n = ecdsa_build(sig, r.p, r.n, s.p, 0, NULL);
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    /* Swapped r and s: well-formed, wrong. */
    n = ecdsa_build(sig, s.p, s.n, r.p, r.n, NULL);
    CHECK_SIG(n, XCV_ERR_BAD_SIGNATURE);
    /* r longer than the group order: well-formed, invalid value. */
    t[0] = 0x01;
    memset(t + 1, 0x22, 32);
    n = ecdsa_build(sig, t, 33, s.p, s.n, NULL);
    CHECK_SIG(n, XCV_ERR_BAD_SIGNATURE);
    /* Wrong outer tag, non-minimal outer length, indefinite length. */
    n = ecdsa_build(sig, r.p, r.n, s.p, s.n, NULL);
    sig[0] = 0x31;
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    n = ecdsa_build(sig + 1, r.p, r.n, s.p, s.n, NULL);
    sig[0] = 0x30;
    sig[1] = 0x81; /* 30 81 LL: long form for a length < 128 */
    CHECK_SIG(n + 1, XCV_ERR_BAD_ECDSA_SIGNATURE);
    n = ecdsa_build(sig, r.p, r.n, s.p, s.n, NULL);
    sig[1] = 0x80;
    CHECK_SIG(n, XCV_ERR_BAD_ECDSA_SIGNATURE);
    /* Truncated, empty, raw r||s. */
    n = ecdsa_build(sig, r.p, r.n, s.p, s.n, NULL);
    CHECK_SIG(n - 1, XCV_ERR_BAD_ECDSA_SIGNATURE);
    CHECK_SIG(0, XCV_ERR_BAD_ECDSA_SIGNATURE);
    memset(sig, 0x5a, 64);
    CHECK_SIG(64, XCV_ERR_BAD_ECDSA_SIGNATURE);
#undef CHECK_SIG
}

static void test_pss_params(void **state)
{
    (void)state;
    struct xcv_pubkey k;
    load_key(V(v_spki_rsa2048), &k);
    xcv_slice sig = xcv_slice_make(V(v_sig_pss2048_sha256_s32));
    uint8_t p[256];
#define CHECK_PSS(params, want)                                                                    \
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PSS, (params), msg(), sig, 0, 2048), (want))

    CHECK_PSS(pss_std(p, H_SHA256, 32), XCV_OK);
    /* MGF1 hash differs from the hash. */
    CHECK_PSS(pss_params(p, H_SHA256, OID_MGF1_HEX, H_SHA384, 32, -1), XCV_ERR_BAD_PSS_PARAMS);
    /* MGF1 hash omitted means mgf1SHA1 (DEFAULT), which differs from SHA-256. */
    CHECK_PSS(pss_params(p, H_SHA256, NULL, NULL, 32, -1), XCV_ERR_BAD_PSS_PARAMS);
    /* trailerField 2 (unsupported) and 1 (DEFAULT explicitly encoded). */
    CHECK_PSS(pss_params(p, H_SHA256, OID_MGF1_HEX, H_SHA256, 32, 2), XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(pss_params(p, H_SHA256, OID_MGF1_HEX, H_SHA256, 32, 1), XCV_ERR_BAD_PSS_PARAMS);
    /* Explicit DEFAULTs: saltLength 20, hash sha1, mgf1SHA1. */
    CHECK_PSS(pss_std(p, H_SHA256, 20), XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(pss_params(p, H_SHA1, NULL, NULL, 32, -1), XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(pss_params(p, NULL, OID_MGF1_HEX, H_SHA1, 32, -1), XCV_ERR_BAD_PSS_PARAMS);
    /* Unsupported or unknown hashes. */
    CHECK_PSS(pss_std(p, H_SHA224, 32), XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(pss_std(p, H_MD5, 32), XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(pss_std(p, "300d06096086480165030402990500", 32), XCV_ERR_BAD_PSS_PARAMS);
    /* Hash parameters other than NULL/absent; trailing data in the hash AlgId. */
    CHECK_PSS(pss_std(p, "300e0609608648016503040201020100", 32), XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(pss_std(p, "300f06096086480165030402010500 0500", 32), XCV_ERR_BAD_PSS_PARAMS);
    /* Mask generation function other than id-mgf1. */
    CHECK_PSS(pss_params(p, H_SHA256, "2a864886f70d010109", H_SHA256, 32, -1),
              XCV_ERR_BAD_PSS_PARAMS);
    /* Absent parameters, NULL parameters, empty SEQUENCE (SHA-1 defaults: insecure). */
    CHECK_PSS(xcv_slice_empty(), XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(hexs("0500", p, sizeof p), XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(hexs("3000", p, sizeof p), XCV_ERR_INSECURE_ALGORITHM);
    /* Fields out of order, unknown field, trailing data. */
    {
        uint8_t q[256];
        xcv_slice a = pss_params(q, NULL, NULL, NULL, 32, -1); /* 30 05 a2 03 02 01 20 */
        xcv_slice b = pss_params(p, H_SHA256, OID_MGF1_HEX, H_SHA256, -1, -1);
        uint8_t both[256];
        memcpy(both + 2, a.p + 2, a.n - 2); /* [2] first, then [0] [1] */
        memcpy(both + a.n, b.p + 2, b.n - 2);
        both[0] = 0x30;
        both[1] = (uint8_t)(a.n - 2 + b.n - 2);
        CHECK_PSS(xcv_slice_make(both, a.n + b.n - 2), XCV_ERR_BAD_PSS_PARAMS);
    }
    CHECK_PSS(hexs("3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d"
                   "06096086480165030402010500a403020120",
                   p, sizeof p),
              XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(hexs("3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d"
                   "06096086480165030402010500a203020120 00",
                   p, sizeof p),
              XCV_ERR_BAD_PSS_PARAMS);
    /* Same bytes without the trailing octet verify (the hex above is right). */
    CHECK_PSS(hexs("3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d"
                   "06096086480165030402010500a203020120",
                   p, sizeof p),
              XCV_OK);
    /* Salt: negative, non-minimal, longer than the modulus allows. */
    CHECK_PSS(hexs("3035a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d"
                   "06096086480165030402010500a20402020020",
                   p, sizeof p),
              XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(hexs("3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d"
                   "06096086480165030402010500a2030201e0",
                   p, sizeof p),
              XCV_ERR_BAD_PSS_PARAMS);
    CHECK_PSS(pss_std(p, H_SHA256, 127), XCV_ERR_BAD_SIGNATURE);
    CHECK_PSS(hexs("3036a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d"
                   "06096086480165030402010500a205020300ffff",
                   p, sizeof p),
              XCV_ERR_BAD_PSS_PARAMS);
#undef CHECK_PSS
}

static void test_rsa_pss_key(void **state)
{
    (void)state;
    struct xcv_pubkey k;
    uint8_t p[256];
    uint8_t a[256];
    load_key(V(v_spki_rsa2048), &k);
    k.type = XCV_KEY_RSA_PSS;
    /* Unrestricted id-RSASSA-PSS key: any valid PSS signature. */
    k.alg_der = hexs("300b06092a864886f70d01010a", a, sizeof a);
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PSS, pss_std(p, H_SHA256, 32), msg(),
                                    xcv_slice_make(V(v_sig_pss2048_sha256_s32)), 0, 2048),
                     XCV_OK);
    /* RFC 4055 1.2: such a key is for RSASSA-PSS only. */
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PKCS1_SHA256, hexs("0500", p, sizeof p), msg(),
                                    xcv_slice_make(V(v_sig_rsa2048_sha256)), 0, 2048),
                     XCV_ERR_KEY_ALG_MISMATCH);
    /* Restricted to SHA-512, salt >= 64. */
    uint8_t kp[256];
    xcv_slice kps = pss_std(kp, H_SHA512, 64);
    uint8_t oid[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a};
    uint8_t body[256];
    memcpy(body, oid, sizeof oid);
    memcpy(body + sizeof oid, kps.p, kps.n);
    k.alg_der = xcv_slice_make(a, put_tlv(a, 0x30, body, sizeof oid + kps.n));
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PSS, pss_std(p, H_SHA256, 32), msg(),
                                    xcv_slice_make(V(v_sig_pss2048_sha256_s32)), 0, 2048),
                     XCV_ERR_BAD_PSS_PARAMS);
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PSS, pss_std(p, H_SHA512, 64), msg(),
                                    xcv_slice_make(V(v_sig_pss2048_sha512_s64)), 0, 2048),
                     XCV_OK);
    /* Key requires salt >= 65: the salt-64 signature parameters do not qualify. */
    kps = pss_std(kp, H_SHA512, 65);
    memcpy(body + sizeof oid, kps.p, kps.n);
    k.alg_der = xcv_slice_make(a, put_tlv(a, 0x30, body, sizeof oid + kps.n));
    assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PSS, pss_std(p, H_SHA512, 64), msg(),
                                    xcv_slice_make(V(v_sig_pss2048_sha512_s64)), 0, 2048),
                     XCV_ERR_BAD_PSS_PARAMS);
}

static void test_unsupported_and_mismatch(void **state)
{
    (void)state;
    struct xcv_pubkey rsa;
    struct xcv_pubkey ec;
    struct xcv_pubkey ed;
    uint8_t p[128];
    load_key(V(v_spki_rsa2048), &rsa);
    load_key(V(v_spki_p256), &ec);
    load_key(V(v_spki_ed25519), &ed);
    xcv_slice null = hexs("0500", p, sizeof p);
    xcv_slice none = xcv_slice_empty();
    xcv_slice rsig = xcv_slice_make(V(v_sig_rsa2048_sha256));
    xcv_slice esig = xcv_slice_make(V(v_sig_p256_sha256));
    xcv_slice dsig = xcv_slice_make(V(v_sig_ed25519));

    /* Ed25519 through libsodium when built with it (the default where
     * libsodium-dev is installed, as in CI): valid, corrupted, wrong key type,
     * parameters present. Ed448, DSA, unknown: unsupported. */
    if (xcv_ed25519_available()) {
        uint8_t bad[64];
        assert_int_equal(dsig.n, 64);
        assert_int_equal(xcv_sig_verify(&ed, XCV_SIG_ED25519, none, msg(), dsig, 0, 2048), XCV_OK);
        memcpy(bad, dsig.p, 64);
        bad[10] ^= 0x01;
        assert_int_equal(xcv_sig_verify(&ed, XCV_SIG_ED25519, none, msg(),
                                        xcv_slice_make(bad, 64), 0, 2048),
                         XCV_ERR_BAD_SIGNATURE);
        assert_int_equal(xcv_sig_verify(&ec, XCV_SIG_ED25519, none, msg(), dsig, 0, 2048),
                         XCV_ERR_KEY_ALG_MISMATCH);
        assert_int_equal(xcv_sig_verify(&ed, XCV_SIG_ED25519, null, msg(), dsig, 0, 2048),
                         XCV_ERR_CERT_BAD_ALGORITHM);
    } else {
        assert_int_equal(xcv_sig_verify(&ed, XCV_SIG_ED25519, none, msg(), dsig, 0, 2048),
                         XCV_ERR_UNSUPPORTED_ALGORITHM);
    }
    assert_int_equal(xcv_sig_verify(&ed, XCV_SIG_ED448, none, msg(), dsig, 0, 2048),
                     XCV_ERR_UNSUPPORTED_ALGORITHM);
    assert_int_equal(xcv_sig_verify(&rsa, XCV_SIG_DSA, none, msg(), rsig, 0, 2048),
                     XCV_ERR_UNSUPPORTED_ALGORITHM);
    assert_int_equal(xcv_sig_verify(&rsa, XCV_SIG_UNKNOWN, none, msg(), rsig, 0, 2048),
                     XCV_ERR_UNSUPPORTED_ALGORITHM);
    assert_int_equal(xcv_sig_verify(&rsa, (xcv_sig_alg)99, none, msg(), rsig, 0, 2048),
                     XCV_ERR_UNSUPPORTED_ALGORITHM);

    /* Key type must fit the algorithm. */
    assert_int_equal(xcv_sig_verify(&ec, XCV_SIG_RSA_PKCS1_SHA256, null, msg(), rsig, 0, 2048),
                     XCV_ERR_KEY_ALG_MISMATCH);
    assert_int_equal(
        xcv_sig_verify(&ec, XCV_SIG_RSA_PSS, pss_std(p, H_SHA256, 32), msg(), rsig, 0, 2048),
        XCV_ERR_KEY_ALG_MISMATCH);
    assert_int_equal(xcv_sig_verify(&rsa, XCV_SIG_ECDSA_SHA256, none, msg(), esig, 0, 2048),
                     XCV_ERR_KEY_ALG_MISMATCH);
    assert_int_equal(xcv_sig_verify(&ed, XCV_SIG_ECDSA_SHA256, none, msg(), esig, 0, 2048),
                     XCV_ERR_KEY_ALG_MISMATCH);
    assert_int_equal(xcv_sig_verify(&ed, XCV_SIG_RSA_PKCS1_SHA256, hexs("0500", p, sizeof p), msg(),
                                    rsig, 0, 2048),
                     XCV_ERR_KEY_ALG_MISMATCH);

    /* Parameters: PKCS#1 NULL or absent; ECDSA absent. */
    assert_int_equal(xcv_sig_verify(&rsa, XCV_SIG_RSA_PKCS1_SHA256, hexs("0500", p, sizeof p),
                                    msg(), rsig, 0, 2048),
                     XCV_OK);
    assert_int_equal(xcv_sig_verify(&rsa, XCV_SIG_RSA_PKCS1_SHA256, none, msg(), rsig, 0, 2048),
                     XCV_OK);
    assert_int_equal(xcv_sig_verify(&rsa, XCV_SIG_RSA_PKCS1_SHA256, hexs("050100", p, sizeof p),
                                    msg(), rsig, 0, 2048),
                     XCV_ERR_CERT_BAD_ALGORITHM);
    assert_int_equal(xcv_sig_verify(&rsa, XCV_SIG_RSA_PKCS1_SHA256, hexs("3000", p, sizeof p),
                                    msg(), rsig, 0, 2048),
                     XCV_ERR_CERT_BAD_ALGORITHM);
    assert_int_equal(xcv_sig_verify(&rsa, XCV_SIG_RSA_PKCS1_SHA256, hexs("05", p, sizeof p), msg(),
                                    rsig, 0, 2048),
                     XCV_ERR_CERT_BAD_ALGORITHM);
    assert_int_equal(xcv_sig_verify(&ec, XCV_SIG_ECDSA_SHA256, none, msg(), esig, 0, 2048), XCV_OK);
    assert_int_equal(
        xcv_sig_verify(&ec, XCV_SIG_ECDSA_SHA256, hexs("0500", p, sizeof p), msg(), esig, 0, 2048),
        XCV_ERR_CERT_BAD_ALGORITHM);

    /* NULL arguments. */
    assert_int_equal(xcv_sig_verify(NULL, XCV_SIG_ECDSA_SHA256, none, msg(), esig, 0, 2048),
                     XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(
        xcv_sig_verify(&ec, XCV_SIG_ECDSA_SHA256, none, xcv_slice_make(NULL, 3), esig, 0, 2048),
        XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(xcv_sig_check_key(NULL, 2048), XCV_ERR_INVALID_ARGUMENT);
}

/* Splits a certificate into TBS, signature AlgorithmIdentifier and signature. */
static void split_cert(const uint8_t *der, size_t n, xcv_slice *tbs, xcv_slice *oid,
                       xcv_slice *params, xcv_slice *sig)
{
    xcv_slice rd = xcv_slice_make(der, n);
    xcv_slice cert;
    xcv_slice alg;
    xcv_slice bs;
    uint8_t tag;
    assert_int_equal(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &cert), XCV_OK);
    assert_int_equal(xcv_der_read_any(&cert, &tag, NULL, tbs), XCV_OK);
    assert_int_equal(xcv_der_read(&cert, XCV_TAG_SEQUENCE, &alg), XCV_OK);
    assert_int_equal(xcv_der_read(&alg, XCV_TAG_OID, oid), XCV_OK);
    *params = alg;
    assert_int_equal(xcv_der_read(&cert, XCV_TAG_BIT_STRING, &bs), XCV_OK);
    assert_int_equal(xcv_der_bit_string_octets(bs, sig), XCV_OK);
}

static void test_certificates(void **state)
{
    (void)state;
    static const uint8_t oid_pss[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a};
    static const uint8_t oid_rsa256[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b};
    static const uint8_t oid_ec384[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03};
    const struct {
        const uint8_t *der;
        size_t n;
        const uint8_t *spki;
        size_t spki_n;
        const uint8_t *oid;
        size_t oid_n;
        xcv_sig_alg alg;
    } rows[] = {
        {V(v_cert_pss_sha256), V(v_spki_rsa2048), V(oid_pss), XCV_SIG_RSA_PSS},
        {V(v_cert_pss_sha512), V(v_spki_rsa2048), V(oid_pss), XCV_SIG_RSA_PSS},
        {V(v_cert_rsa_sha256), V(v_spki_rsa2048), V(oid_rsa256), XCV_SIG_RSA_PKCS1_SHA256},
        {V(v_cert_p384_sha384), V(v_spki_p384), V(oid_ec384), XCV_SIG_ECDSA_SHA384},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        xcv_slice tbs;
        xcv_slice oid;
        xcv_slice params;
        xcv_slice sig;
        struct xcv_pubkey k;
        split_cert(rows[i].der, rows[i].n, &tbs, &oid, &params, &sig);
        assert_true(oid_is(oid, rows[i].oid, rows[i].oid_n));
        load_key(rows[i].spki, rows[i].spki_n, &k);
        assert_int_equal(xcv_sig_verify(&k, rows[i].alg, params, tbs, sig, 0, 2048), XCV_OK);
        /* One changed TBS octet. */
        uint8_t copy[2048];
        assert_true(tbs.n <= sizeof copy);
        memcpy(copy, tbs.p, tbs.n);
        copy[tbs.n - 3] ^= 0x01;
        assert_int_equal(
            xcv_sig_verify(&k, rows[i].alg, params, xcv_slice_make(copy, tbs.n), sig, 0, 2048),
            XCV_ERR_BAD_SIGNATURE);
    }
}

/* xcv_pubkey_parse (src/cert.c) gives the same view as load_key, and its keys verify. */
static void test_pubkey_parse_agrees(void **state)
{
    (void)state;
    const struct {
        const uint8_t *spki;
        size_t n;
    } rows[] = {
        {V(v_spki_rsa1024)}, {V(v_spki_rsa2048)},   {V(v_spki_rsa2049)}, {V(v_spki_rsa3072)},
        {V(v_spki_rsa4096)}, {V(v_spki_rsa2048e3)}, {V(v_spki_p256)},    {V(v_spki_p384)},
        {V(v_spki_p521)},    {V(v_spki_ed25519)},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct xcv_pubkey a;
        struct xcv_pubkey b;
        load_key(rows[i].spki, rows[i].n, &a);
        assert_int_equal(xcv_pubkey_parse(xcv_slice_make(rows[i].spki, rows[i].n), &b), XCV_OK);
        assert_int_equal(a.type, b.type);
        assert_int_equal(a.key_bits, b.key_bits);
        assert_int_equal(a.curve, b.curve);
        assert_true(xcv_slice_eq(a.spki, b.spki));
        assert_true(xcv_slice_eq(a.alg_der, b.alg_der));
        assert_true(xcv_slice_eq(a.rsa_n, b.rsa_n));
        assert_true(xcv_slice_eq(a.rsa_e, b.rsa_e));
        assert_true(xcv_slice_eq(a.ec_point, b.ec_point));
    }
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        struct xcv_pubkey k;
        uint8_t pbuf[256];
        assert_int_equal(xcv_pubkey_parse(xcv_slice_make(valid[i].spki, valid[i].spki_n), &k),
                         XCV_OK);
        assert_int_equal(xcv_sig_verify(&k, valid[i].alg, vec_params(&valid[i], pbuf, sizeof pbuf),
                                        msg(), xcv_slice_make(valid[i].sig, valid[i].sig_n),
                                        valid[i].flags, valid[i].min_bits),
                         XCV_OK);
    }
}

/* ------------------------------------------------------------------------ */
/* SHA-256                                                                   */
/* ------------------------------------------------------------------------ */

static void test_sha256(void **state)
{
    (void)state;
    uint8_t out[32];
    uint8_t want[32];
    xcv_sha256(xcv_slice_make((const uint8_t *)"abc", 3), out);
    hexs("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", want, sizeof want);
    assert_memory_equal(out, want, 32);
    xcv_sha256(xcv_slice_empty(), out);
    hexs("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", want, sizeof want);
    assert_memory_equal(out, want, 32);
    /* Two-block message (FIPS 180-2 example 2). */
    const char *m2 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    xcv_sha256(xcv_slice_make((const uint8_t *)m2, strlen(m2)), out);
    hexs("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", want, sizeof want);
    assert_memory_equal(out, want, 32);
    /* In pieces, including empty ones. */
    struct xcv_sha256_ctx c;
    xcv_sha256_init(&c);
    xcv_sha256_update(&c, m2, 5);
    xcv_sha256_update(&c, NULL, 0);
    xcv_sha256_update(&c, m2 + 5, strlen(m2) - 5);
    xcv_sha256_final(&c, out);
    assert_memory_equal(out, want, 32);
}

/* ------------------------------------------------------------------------ */
/* Cache                                                                     */
/* ------------------------------------------------------------------------ */

static void key_n(uint8_t k[32], unsigned n)
{
    /* All keys share one set when the first 8 octets are equal mod sets; vary the tail. */
    memset(k, 0, 32);
    k[31] = (uint8_t)n;
    k[30] = (uint8_t)(n >> 8);
}

static void test_cache_basic(void **state)
{
    (void)state;
    struct xcv_sig_cache_entry e[8];
    struct xcv_sig_cache c;
    uint8_t k1[32];
    uint8_t k2[32];
    memset(e, 0xaa, sizeof e);
    xcv_sig_cache_init(&c, e, 8);
    assert_int_equal(c.cap, 8);
    assert_int_equal(c.hits, 0);
    assert_int_equal(c.misses, 0);
    for (size_t i = 0; i < 8; i++) {
        assert_int_equal(e[i].stamp, 0);
    }
    key_n(k1, 1);
    key_n(k2, 2);
    assert_int_equal(xcv_sig_cache_lookup(&c, k1), 0);
    assert_int_equal(c.misses, 1);
    xcv_sig_cache_insert(&c, k1);
    assert_int_equal(xcv_sig_cache_lookup(&c, k1), 1);
    assert_int_equal(c.hits, 1);
    assert_int_equal(xcv_sig_cache_lookup(&c, k2), 0);
    assert_int_equal(c.misses, 2);
    /* Inserting twice keeps one entry. */
    xcv_sig_cache_insert(&c, k1);
    size_t used = 0;
    for (size_t i = 0; i < 8; i++) {
        used += e[i].stamp != 0;
    }
    assert_int_equal(used, 1);
    /* Keys differing only in one octet are distinct. */
    k2[31] = 1;
    k2[0] = 0x80;
    assert_int_equal(xcv_sig_cache_lookup(&c, k2), 0);
}

static void test_cache_replacement(void **state)
{
    (void)state;
    struct xcv_sig_cache_entry e[5];
    struct xcv_sig_cache c;
    uint8_t k[6][32];
    memset(e, 0, sizeof e);
    e[4].stamp = 0x5a5a5a5a;      /* sentinel past the capacity */
    xcv_sig_cache_init(&c, e, 4); /* one set of 4 ways */
    for (unsigned i = 0; i < 6; i++) {
        key_n(k[i], i + 1);
    }
    for (unsigned i = 0; i < 4; i++) {
        xcv_sig_cache_insert(&c, k[i]);
    }
    for (unsigned i = 0; i < 4; i++) {
        assert_int_equal(xcv_sig_cache_lookup(&c, k[i]), 1);
    }
    /* k0 used last among k0..k3 except ... refresh k0 so k1 is the oldest. */
    assert_int_equal(xcv_sig_cache_lookup(&c, k[0]), 1);
    xcv_sig_cache_insert(&c, k[4]);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[1]), 0); /* evicted: least recently used */
    assert_int_equal(xcv_sig_cache_lookup(&c, k[0]), 1);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[2]), 1);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[3]), 1);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[4]), 1);
    /* Now k0 is the oldest again... it was looked up before k2..k4. */
    xcv_sig_cache_insert(&c, k[5]);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[0]), 0);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[5]), 1);
    /* Never grows: many inserts stay within cap. */
    for (unsigned i = 0; i < 300; i++) {
        uint8_t kk[32];
        key_n(kk, 1000 + i);
        kk[0] = (uint8_t)i; /* spread over sets when there are several */
        xcv_sig_cache_insert(&c, kk);
    }
    assert_int_equal(e[4].stamp, 0x5a5a5a5a);
    assert_int_equal(c.cap, 4);

    /* Capacity 1 and 3 (fewer ways than 4). */
    uint32_t e1 = e[1].stamp;
    xcv_sig_cache_init(&c, e, 1);
    xcv_sig_cache_insert(&c, k[0]);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[0]), 1);
    xcv_sig_cache_insert(&c, k[1]);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[0]), 0);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[1]), 1);
    assert_int_equal(e[1].stamp, e1); /* outside capacity 1: untouched */
    xcv_sig_cache_init(&c, e, 3);
    for (unsigned i = 0; i < 3; i++) {
        xcv_sig_cache_insert(&c, k[i]);
    }
    for (unsigned i = 0; i < 3; i++) {
        assert_int_equal(xcv_sig_cache_lookup(&c, k[i]), 1);
    }

    /* Clock wrap: the cache empties and keeps working. */
    xcv_sig_cache_init(&c, e, 4);
    c.clock = UINT32_MAX - 1;
    xcv_sig_cache_insert(&c, k[0]); /* clock UINT32_MAX */
    xcv_sig_cache_insert(&c, k[1]); /* wraps: stamps cleared, k1 stamped 1 */
    assert_int_equal(xcv_sig_cache_lookup(&c, k[1]), 1);
    assert_int_equal(xcv_sig_cache_lookup(&c, k[0]), 0);
}

static void test_cache_disabled(void **state)
{
    (void)state;
    struct xcv_sig_cache c;
    uint8_t k[32];
    key_n(k, 7);
    xcv_sig_cache_init(&c, NULL, 0);
    xcv_sig_cache_insert(&c, k);
    assert_int_equal(xcv_sig_cache_lookup(&c, k), 0);
    assert_int_equal(c.hits, 0);
    struct xcv_sig_cache_entry e[2];
    xcv_sig_cache_init(&c, e, 0);
    xcv_sig_cache_insert(&c, k);
    assert_int_equal(xcv_sig_cache_lookup(&c, k), 0);
    xcv_sig_cache_init(&c, NULL, 5); /* NULL entries: disabled */
    assert_int_equal(c.cap, 0);
    assert_int_equal(xcv_sig_cache_lookup(NULL, k), 0);
    xcv_sig_cache_insert(NULL, k);

    /* verify_cached without a cache verifies every time. */
    struct xcv_pubkey pk;
    load_key(V(v_spki_p256), &pk);
    int hit = 7;
    assert_int_equal(xcv_sig_verify_cached(NULL, &pk, XCV_SIG_ECDSA_SHA256, xcv_slice_empty(),
                                           msg(), xcv_slice_make(V(v_sig_p256_sha256)), 0, 2048,
                                           &hit),
                     XCV_OK);
    assert_int_equal(hit, 0);
    assert_int_equal(xcv_sig_verify_cached(&c, &pk, XCV_SIG_ECDSA_SHA256, xcv_slice_empty(), msg(),
                                           xcv_slice_make(V(v_sig_p256_sha384)), 0, 2048, &hit),
                     XCV_ERR_BAD_SIGNATURE);
}

/* xcv_sig_check_key_cached: a valid EC key is validated once, then answered
 * from the cache; an invalid point is never cached; RSA keys are always
 * checked (their checks depend on min_rsa_bits). */
static void test_check_key_cached(void **state)
{
    (void)state;
    struct xcv_sig_cache c;
    struct xcv_sig_cache_entry e[16];
    struct xcv_pubkey k;
    uint8_t spki_hash[32];
    uint8_t buf[200];
    xcv_sig_cache_init(&c, e, 16);
    load_key(V(v_spki_p256), &k);
    xcv_sha256(k.spki, spki_hash);
    assert_int_equal(xcv_sig_check_key_cached(&c, &k, spki_hash, 2048), XCV_OK);
    assert_int_equal(c.hits, 0);
    assert_int_equal(xcv_sig_check_key_cached(&c, &k, spki_hash, 2048), XCV_OK);
    assert_int_equal(c.hits, 1);
    /* An off-curve point under another SPKI hash: rejected, not cached. */
    ec_tamper(&k, buf, k.ec_point.n - 1, 0x01);
    spki_hash[0] ^= 1;
    assert_int_equal(xcv_sig_check_key_cached(&c, &k, spki_hash, 2048), XCV_ERR_BAD_EC_POINT);
    assert_int_equal(xcv_sig_check_key_cached(&c, &k, spki_hash, 2048), XCV_ERR_BAD_EC_POINT);
    /* Without a cache it is xcv_sig_check_key. */
    assert_int_equal(xcv_sig_check_key_cached(NULL, &k, spki_hash, 2048), XCV_ERR_BAD_EC_POINT);
    /* RSA: the size policy is applied on every call, cache or not. */
    load_key(V(v_spki_rsa1024), &k);
    xcv_sha256(k.spki, spki_hash);
    assert_int_equal(xcv_sig_check_key_cached(&c, &k, spki_hash, 1024), XCV_OK);
    assert_int_equal(xcv_sig_check_key_cached(&c, &k, spki_hash, 2048), XCV_ERR_RSA_KEY_TOO_SMALL);
}

static void test_cache_key(void **state)
{
    (void)state;
    struct xcv_pubkey a;
    struct xcv_pubkey b;
    load_key(V(v_spki_p256), &a);
    load_key(V(v_spki_p384), &b);
    uint8_t base[32];
    uint8_t other[32];
    xcv_slice sig = xcv_slice_make(V(v_sig_p256_sha256));
    xcv_slice none = xcv_slice_empty();
    xcv_sig_cache_key(&a, XCV_SIG_ECDSA_SHA256, none, msg(), sig, base);
    xcv_sig_cache_key(&a, XCV_SIG_ECDSA_SHA256, none, msg(), sig, other);
    assert_memory_equal(base, other, 32);
    xcv_sig_cache_key(&b, XCV_SIG_ECDSA_SHA256, none, msg(), sig, other);
    assert_memory_not_equal(base, other, 32);
    xcv_sig_cache_key(&a, XCV_SIG_ECDSA_SHA384, none, msg(), sig, other);
    assert_memory_not_equal(base, other, 32);
    xcv_sig_cache_key(&a, XCV_SIG_ECDSA_SHA256, xcv_slice_make(sig.p, 1), msg(), sig, other);
    assert_memory_not_equal(base, other, 32);
    xcv_sig_cache_key(&a, XCV_SIG_ECDSA_SHA256, none, xcv_slice_make(v_msg, sizeof v_msg - 1), sig,
                      other);
    assert_memory_not_equal(base, other, 32);
    xcv_sig_cache_key(&a, XCV_SIG_ECDSA_SHA256, none, msg(), xcv_slice_make(sig.p, sig.n - 1),
                      other);
    assert_memory_not_equal(base, other, 32);
    /* Length prefixes: moving an octet from params to signature changes the key. */
    static const uint8_t ab[] = {0x05, 0x00, 0x01};
    uint8_t k1[32];
    uint8_t k2[32];
    xcv_sig_cache_key(&a, XCV_SIG_ECDSA_SHA256, xcv_slice_make(ab, 1), msg(),
                      xcv_slice_make(ab + 1, 2), k1);
    xcv_sig_cache_key(&a, XCV_SIG_ECDSA_SHA256, xcv_slice_make(ab, 2), msg(),
                      xcv_slice_make(ab + 2, 1), k2);
    assert_memory_not_equal(k1, k2, 32);
}

static void test_verify_cached(void **state)
{
    (void)state;
    struct xcv_sig_cache_entry e[16];
    struct xcv_sig_cache c;
    struct xcv_pubkey pk;
    int hit = -1;
    uint8_t p[8];
    xcv_sig_cache_init(&c, e, 16);

    load_key(V(v_spki_p256), &pk);
    xcv_slice sig = xcv_slice_make(V(v_sig_p256_sha256));
    assert_int_equal(xcv_sig_verify_cached(&c, &pk, XCV_SIG_ECDSA_SHA256, xcv_slice_empty(), msg(),
                                           sig, 0, 2048, &hit),
                     XCV_OK);
    assert_int_equal(hit, 0);
    assert_int_equal(xcv_sig_verify_cached(&c, &pk, XCV_SIG_ECDSA_SHA256, xcv_slice_empty(), msg(),
                                           sig, 0, 2048, &hit),
                     XCV_OK);
    assert_int_equal(hit, 1);
    assert_int_equal(c.hits, 1);

    /* Failures are not cached. */
    xcv_slice bad = xcv_slice_make(V(v_sig_p256_sha384));
    for (int i = 0; i < 2; i++) {
        assert_int_equal(xcv_sig_verify_cached(&c, &pk, XCV_SIG_ECDSA_SHA256, xcv_slice_empty(),
                                               msg(), bad, 0, 2048, &hit),
                         XCV_ERR_BAD_SIGNATURE);
        assert_int_equal(hit, 0);
    }

    /* Policy is re-checked before a hit: SHA-1 cached with the flag. */
    xcv_slice s1 = xcv_slice_make(V(v_sig_p256_sha1));
    assert_int_equal(xcv_sig_verify_cached(&c, &pk, XCV_SIG_ECDSA_SHA1, xcv_slice_empty(), msg(),
                                           s1, XCV_FLAG_ALLOW_SHA1, 2048, &hit),
                     XCV_OK);
    assert_int_equal(xcv_sig_verify_cached(&c, &pk, XCV_SIG_ECDSA_SHA1, xcv_slice_empty(), msg(),
                                           s1, XCV_FLAG_ALLOW_SHA1, 2048, &hit),
                     XCV_OK);
    assert_int_equal(hit, 1);
    assert_int_equal(xcv_sig_verify_cached(&c, &pk, XCV_SIG_ECDSA_SHA1, xcv_slice_empty(), msg(),
                                           s1, 0, 2048, &hit),
                     XCV_ERR_INSECURE_ALGORITHM);
    assert_int_equal(hit, 0);

    /* And the key size: RSA-1024 cached at 1024, then asked at 2048. */
    load_key(V(v_spki_rsa1024), &pk);
    xcv_slice rs = xcv_slice_make(V(v_sig_rsa1024_sha256));
    xcv_slice null = hexs("0500", p, sizeof p);
    assert_int_equal(
        xcv_sig_verify_cached(&c, &pk, XCV_SIG_RSA_PKCS1_SHA256, null, msg(), rs, 0, 1024, &hit),
        XCV_OK);
    assert_int_equal(
        xcv_sig_verify_cached(&c, &pk, XCV_SIG_RSA_PKCS1_SHA256, null, msg(), rs, 0, 1024, &hit),
        XCV_OK);
    assert_int_equal(hit, 1);
    assert_int_equal(
        xcv_sig_verify_cached(&c, &pk, XCV_SIG_RSA_PKCS1_SHA256, null, msg(), rs, 0, 2048, &hit),
        XCV_ERR_RSA_KEY_TOO_SMALL);
    /* A different data byte misses and fails. */
    uint8_t data[sizeof v_msg];
    memcpy(data, v_msg, sizeof data);
    data[0] ^= 1;
    assert_int_equal(xcv_sig_verify_cached(&c, &pk, XCV_SIG_RSA_PKCS1_SHA256, null,
                                           xcv_slice_make(data, sizeof data), rs, 0, 1024, &hit),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(hit, 0);
}

/* ------------------------------------------------------------------------ */
/* crypto.h: the backend interface and the portable EC point check            */
/* ------------------------------------------------------------------------ */

/* Adds the curve prime p (given big-endian, plen octets) to one coordinate. */
static void add_prime(uint8_t *coord, size_t clen, const char *p_hex)
{
    uint8_t pb[80];
    size_t pn = xcv_test_hex(p_hex, pb, sizeof pb);
    assert_true(pn <= clen);
    unsigned carry = 0;
    for (size_t i = 0; i < clen; i++) {
        size_t ci = clen - 1 - i;
        unsigned add = i < pn ? pb[pn - 1 - i] : 0;
        unsigned v = coord[ci] + add + carry;
        coord[ci] = (uint8_t)v;
        carry = v >> 8;
    }
    assert_int_equal(carry, 0);
}

static void test_crypto_ec_point_check(void **state)
{
    (void)state;
    struct xcv_pubkey k;
    uint8_t buf[200];
    static const char P521[] =
        "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    static const char P256[] = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";
    const struct {
        const uint8_t *spki;
        size_t n;
        xcv_curve curve;
    } rows[] = {
        {V(v_spki_p256), XCV_CURVE_P256},
        {V(v_spki_p384), XCV_CURVE_P384},
        {V(v_spki_p521), XCV_CURVE_P521},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        load_key(rows[i].spki, rows[i].n, &k);
        assert_int_equal(xcv_crypto_ec_point_check(rows[i].curve, k.ec_point), XCV_OK);
        /* Every single-bit change of X or Y leaves the curve. */
        for (size_t pos = 1; pos < k.ec_point.n; pos += 7) {
            memcpy(buf, k.ec_point.p, k.ec_point.n);
            buf[pos] ^= 0x40;
            assert_int_equal(
                xcv_crypto_ec_point_check(rows[i].curve, xcv_slice_make(buf, k.ec_point.n)),
                XCV_ERR_BAD_EC_POINT);
        }
        /* The right point on the wrong curve. */
        xcv_curve other = rows[i].curve == XCV_CURVE_P256 ? XCV_CURVE_P384 : XCV_CURVE_P256;
        assert_int_equal(xcv_crypto_ec_point_check(other, k.ec_point), XCV_ERR_BAD_EC_POINT);
        /* The identity (SEC 1 2.3.3: a single 00 octet) and a NULL point. */
        static const uint8_t zero[1] = {0};
        assert_int_equal(xcv_crypto_ec_point_check(rows[i].curve, xcv_slice_make(zero, 1)),
                         XCV_ERR_BAD_EC_POINT);
        assert_int_equal(xcv_crypto_ec_point_check(rows[i].curve, xcv_slice_empty()),
                         XCV_ERR_BAD_EC_POINT);
    }
    /* P-521: coordinates are 66 octets, so x + p still fits: congruent to a
     * point on the curve, but out of [0, p - 1] (SEC 1 3.2.2.1 step 2). */
    load_key(V(v_spki_p521), &k);
    memcpy(buf, k.ec_point.p, k.ec_point.n);
    add_prime(buf + 1, 66, P521);
    assert_int_equal(xcv_crypto_ec_point_check(XCV_CURVE_P521, xcv_slice_make(buf, k.ec_point.n)),
                     XCV_ERR_BAD_EC_POINT);
    memcpy(buf, k.ec_point.p, k.ec_point.n);
    add_prime(buf + 1 + 66, 66, P521);
    assert_int_equal(xcv_crypto_ec_point_check(XCV_CURVE_P521, xcv_slice_make(buf, k.ec_point.n)),
                     XCV_ERR_BAD_EC_POINT);
    /* P-256 with y = p - y' (the negation, also on the curve) accepted;
     * the coordinate p itself rejected. */
    load_key(V(v_spki_p256), &k);
    memcpy(buf, k.ec_point.p, k.ec_point.n);
    {
        uint8_t pb[32];
        xcv_test_hex(P256, pb, sizeof pb);
        unsigned borrow = 0;
        for (size_t i = 32; i-- > 0;) {
            int v = (int)pb[i] - (int)k.ec_point.p[33 + i] - (int)borrow;
            borrow = v < 0;
            buf[33 + i] = (uint8_t)(v + (borrow ? 256 : 0));
        }
        assert_int_equal(borrow, 0);
        assert_int_equal(xcv_crypto_ec_point_check(XCV_CURVE_P256, xcv_slice_make(buf, 65)),
                         XCV_OK);
        memcpy(buf + 33, pb, 32);
        assert_int_equal(xcv_crypto_ec_point_check(XCV_CURVE_P256, xcv_slice_make(buf, 65)),
                         XCV_ERR_BAD_EC_POINT);
    }
    /* The P-256 base point G (FIPS 186-4 D.1.2.3) and G with y + 1. */
    uint8_t g[65];
    assert_int_equal(
        xcv_test_hex("046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
                     "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
                     g, sizeof g),
        65);
    assert_int_equal(xcv_crypto_ec_point_check(XCV_CURVE_P256, xcv_slice_make(g, 65)), XCV_OK);
    g[64] ^= 0x01;
    assert_int_equal(xcv_crypto_ec_point_check(XCV_CURVE_P256, xcv_slice_make(g, 65)),
                     XCV_ERR_BAD_EC_POINT);
    assert_int_equal(xcv_crypto_ec_point_check(XCV_CURVE_OTHER, xcv_slice_make(g, 65)),
                     XCV_ERR_UNSUPPORTED_KEY);
}

static void test_crypto_hashes(void **state)
{
    (void)state;
    /* FIPS 180-4 example "abc", fed in three pieces (one empty). */
    const struct {
        xcv_hash_id h;
        const char *want;
    } rows[] = {
        {XCV_CRYPTO_SHA1, "a9993e364706816aba3e25717850c26c9cd0d89d"},
        {XCV_CRYPTO_SHA224, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"},
        {XCV_CRYPTO_SHA256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {XCV_CRYPTO_SHA384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                            "8086072ba1e7cc2358baeca134c825a7"},
        {XCV_CRYPTO_SHA512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        uint8_t want[64];
        uint8_t out[64];
        size_t n = xcv_test_hex(rows[i].want, want, sizeof want);
        assert_int_equal(xcv_crypto_hash_len(rows[i].h), n);
        xcv_slice parts[3];
        parts[0] = xcv_slice_make((const uint8_t *)"ab", 2);
        parts[1] = xcv_slice_empty();
        parts[2] = xcv_slice_make((const uint8_t *)"c", 1);
        memset(out, 0, sizeof out);
        xcv_crypto_hash(rows[i].h, parts, 3, out);
        assert_memory_equal(out, want, n);
    }
    assert_int_equal(xcv_crypto_hash_len((xcv_hash_id)0), 0);
    const char *b = xcv_crypto_backend();
    assert_true(strcmp(b, "bearssl") == 0 || strcmp(b, "openssl") == 0);
}

static void test_crypto_rsa_public(void **state)
{
    (void)state;
    struct xcv_pubkey k;
    load_key(V(v_spki_rsa2048), &k);
    uint8_t x[512];
    /* 1^e = 1. */
    memset(x, 0, k.rsa_n.n);
    x[k.rsa_n.n - 1] = 1;
    assert_int_equal(xcv_crypto_rsa_public(k.rsa_n, k.rsa_e, x, k.rsa_n.n), XCV_OK);
    for (size_t i = 0; i + 1 < k.rsa_n.n; i++) {
        assert_int_equal(x[i], 0);
    }
    assert_int_equal(x[k.rsa_n.n - 1], 1);
    /* 2^65537 mod n is not 2. */
    memset(x, 0, k.rsa_n.n);
    x[k.rsa_n.n - 1] = 2;
    assert_int_equal(xcv_crypto_rsa_public(k.rsa_n, k.rsa_e, x, k.rsa_n.n), XCV_OK);
    assert_false(x[k.rsa_n.n - 1] == 2 && x[0] == 0 && x[1] == 0);
    /* x = n and x > n are out of range (RFC 8017 5.2.2 step 1). */
    memcpy(x, k.rsa_n.p, k.rsa_n.n);
    assert_int_equal(xcv_crypto_rsa_public(k.rsa_n, k.rsa_e, x, k.rsa_n.n), XCV_ERR_BAD_SIGNATURE);
    memset(x, 0xff, k.rsa_n.n);
    assert_int_equal(xcv_crypto_rsa_public(k.rsa_n, k.rsa_e, x, k.rsa_n.n), XCV_ERR_BAD_SIGNATURE);
    /* Length other than the modulus. */
    memset(x, 0, k.rsa_n.n);
    x[k.rsa_n.n - 2] = 1;
    assert_int_equal(xcv_crypto_rsa_public(k.rsa_n, k.rsa_e, x, k.rsa_n.n - 1),
                     XCV_ERR_BAD_SIGNATURE);
    /* The same signature verifies through the raw operation again and
     * again (the OpenSSL backend's key cache and reused contexts). */
    for (int round = 0; round < 3; round++) {
        assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PKCS1_SHA256, xcv_slice_empty(), msg(),
                                        xcv_slice_make(V(v_sig_rsa2048_sha256)), 0, 2048),
                         XCV_OK);
        assert_int_equal(xcv_sig_verify(&k, XCV_SIG_RSA_PKCS1_SHA256, xcv_slice_empty(),
                                        xcv_slice_make(v_msg, sizeof v_msg - 1),
                                        xcv_slice_make(V(v_sig_rsa2048_sha256)), 0, 2048),
                         XCV_ERR_BAD_SIGNATURE);
    }
}

/* xcv_sig_verify_cert_cached: keyed on the certificate's SHA-256. */
static void test_cert_cached(void **state)
{
    (void)state;
    struct xcv_sig_cache_entry e[8];
    struct xcv_sig_cache c;
    struct xcv_pubkey k;
    struct xcv_pubkey other;
    struct xcv_cert cert;
    uint8_t h[32];
    uint8_t k1[32];
    uint8_t k2[32];
    int hit = -1;
    xcv_sig_cache_init(&c, e, 8);
    load_key(V(v_spki_p384), &k);
    load_key(V(v_spki_p256), &other);
    memset(&cert, 0, sizeof cert);
    xcv_slice oid;
    split_cert(V(v_cert_p384_sha384), &cert.tbs, &oid, &cert.sig_params, &cert.signature);
    cert.sig_alg = XCV_SIG_ECDSA_SHA384;
    cert.der = xcv_slice_make(V(v_cert_p384_sha384));
    xcv_sha256(cert.der, h);

    /* Different issuer keys, different certificate hashes: different keys;
     * and never the key xcv_sig_cache_key() gives for the same parts. */
    xcv_sig_cache_key_cert(&k, h, k1);
    xcv_sig_cache_key_cert(&other, h, k2);
    assert_memory_not_equal(k1, k2, 32);
    h[31] ^= 1;
    xcv_sig_cache_key_cert(&k, h, k2);
    assert_memory_not_equal(k1, k2, 32);
    h[31] ^= 1;
    xcv_sig_cache_key(&k, cert.sig_alg, cert.sig_params, cert.tbs, cert.signature, k2);
    assert_memory_not_equal(k1, k2, 32);

    assert_int_equal(xcv_sig_verify_cert_cached(&c, &k, &cert, h, 0, 2048, &hit), XCV_OK);
    assert_int_equal(hit, 0);
    assert_int_equal(xcv_sig_verify_cert_cached(&c, &k, &cert, h, 0, 2048, &hit), XCV_OK);
    assert_int_equal(hit, 1);
    /* A hit needs no arithmetic, but the policy still applies. */
    assert_int_equal(xcv_sig_verify_cert_cached(&c, &other, &cert, h, 0, 2048, &hit),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(hit, 0);
    cert.sig_alg = XCV_SIG_ECDSA_SHA1;
    assert_int_equal(xcv_sig_verify_cert_cached(&c, &k, &cert, h, 0, 2048, &hit),
                     XCV_ERR_INSECURE_ALGORITHM);
    assert_int_equal(hit, 0);
    cert.sig_alg = XCV_SIG_ECDSA_SHA384;
    /* A changed signature with the same (stale) hash would hit: the hash is
     * the caller's promise; with the right hash it misses and fails. */
    uint8_t der[1024];
    assert_true(cert.der.n <= sizeof der);
    memcpy(der, cert.der.p, cert.der.n);
    der[cert.der.n - 2] ^= 0x01;
    struct xcv_cert bad = cert;
    split_cert(der, cert.der.n, &bad.tbs, &oid, &bad.sig_params, &bad.signature);
    bad.der = xcv_slice_make(der, cert.der.n);
    uint8_t hb[32];
    xcv_sha256(bad.der, hb);
    assert_int_equal(xcv_sig_verify_cert_cached(&c, &k, &bad, hb, 0, 2048, &hit),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(hit, 0);
    /* No cache, or no hash: a plain verification. */
    assert_int_equal(xcv_sig_verify_cert_cached(NULL, &k, &cert, h, 0, 2048, &hit), XCV_OK);
    assert_int_equal(hit, 0);
    assert_int_equal(xcv_sig_verify_cert_cached(&c, &k, &cert, NULL, 0, 2048, &hit), XCV_OK);
    assert_int_equal(hit, 0);
    assert_int_equal(xcv_sig_verify_cert_cached(&c, NULL, &cert, h, 0, 2048, &hit),
                     XCV_ERR_INVALID_ARGUMENT);
}

/* SHA-256 (BearSSL's in the BearSSL backend, OpenSSL's otherwise):
 * FIPS 180-4 examples and every split of messages around block borders. */
static void test_sha256_splits(void **state)
{
    (void)state;
    uint8_t out[32];
    uint8_t want[32];
    static const char two_blocks[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    xcv_sha256(xcv_slice_make((const uint8_t *)two_blocks, sizeof two_blocks - 1), out);
    hexs("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", want, sizeof want);
    assert_memory_equal(out, want, 32);

    /* One million 'a', fed in pieces of 1000. */
    static uint8_t a1000[1000];
    memset(a1000, 'a', sizeof a1000);
    struct xcv_sha256_ctx c;
    xcv_sha256_init(&c);
    for (int i = 0; i < 1000; i++) {
        xcv_sha256_update(&c, a1000, sizeof a1000);
    }
    xcv_sha256_final(&c, out);
    hexs("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", want, sizeof want);
    assert_memory_equal(out, want, 32);

    /* Lengths 0..200 (paddings of one and two blocks), each hashed in one
     * piece, octet by octet, in two pieces at every split, and as parts. */
    uint8_t msg_buf[200];
    for (size_t i = 0; i < sizeof msg_buf; i++) {
        msg_buf[i] = (uint8_t)(i * 7 + 3);
    }
    for (size_t n = 0; n <= sizeof msg_buf; n++) {
        uint8_t one[32];
        xcv_sha256(xcv_slice_make(msg_buf, n), one);
        xcv_sha256_init(&c);
        for (size_t i = 0; i < n; i++) {
            xcv_sha256_update(&c, msg_buf + i, 1);
        }
        xcv_sha256_final(&c, out);
        assert_memory_equal(out, one, 32);
        for (size_t cut = 0; cut <= n; cut += (n < 70 ? 1 : 13)) {
            xcv_sha256_init(&c);
            xcv_sha256_update(&c, msg_buf, cut);
            xcv_sha256_update(&c, msg_buf + cut, n - cut);
            xcv_sha256_final(&c, out);
            assert_memory_equal(out, one, 32);
            xcv_slice parts[2];
            parts[0] = xcv_slice_make(msg_buf, cut);
            parts[1] = xcv_slice_make(msg_buf + cut, n - cut);
            xcv_crypto_hash(XCV_CRYPTO_SHA256, parts, 2, out);
            assert_memory_equal(out, one, 32);
        }
        /* A changed last octet changes the digest. */
        if (n > 0) {
            msg_buf[n - 1] ^= 0x80;
            xcv_sha256(xcv_slice_make(msg_buf, n), out);
            assert_memory_not_equal(out, one, 32);
            msg_buf[n - 1] ^= 0x80;
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_vectors),
        cmocka_unit_test(test_flipped_signature_bit),
        cmocka_unit_test(test_flipped_data_bit),
        cmocka_unit_test(test_wrong_hash),
        cmocka_unit_test(test_pkcs1_digest_info_exact),
        cmocka_unit_test(test_insecure_hashes),
        cmocka_unit_test(test_rsa_key_size),
        cmocka_unit_test(test_rsa_exponent_and_modulus),
        cmocka_unit_test(test_ec_points),
        cmocka_unit_test(test_ecdsa_der),
        cmocka_unit_test(test_pss_params),
        cmocka_unit_test(test_rsa_pss_key),
        cmocka_unit_test(test_unsupported_and_mismatch),
        cmocka_unit_test(test_certificates),
        cmocka_unit_test(test_pubkey_parse_agrees),
        cmocka_unit_test(test_sha256),
        cmocka_unit_test(test_cache_basic),
        cmocka_unit_test(test_cache_replacement),
        cmocka_unit_test(test_cache_disabled),
        cmocka_unit_test(test_cache_key),
        cmocka_unit_test(test_check_key_cached),
        cmocka_unit_test(test_verify_cached),
        cmocka_unit_test(test_crypto_ec_point_check),
        cmocka_unit_test(test_crypto_hashes),
        cmocka_unit_test(test_crypto_rsa_public),
        cmocka_unit_test(test_cert_cached),
        cmocka_unit_test(test_sha256_splits),
    };
    return cmocka_run_group_tests_name("sig", tests, NULL, NULL);
}
