/*
 * test_cert.c -- xcv_cert_parse / xcv_pubkey_parse / GeneralName iterator:
 * an accept and a reject case for each parsing rule, using certificates
 * assembled from templates (tests/support/certbuild.h) with one field
 * changed, three real certificates made once with the openssl CLI (embedded
 * as hex), and every certificate of the system CA bundle when present.
 */
/* cmocka needs these four headers first */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* clang-format on */

#include "cert.h"
#include "certbuild.h"
#include "hex.h"
#include "oid.h"

/* openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256
 *   -subj "/C=US/O=Example Org/CN=example.com"
 *   -addext "subjectAltName=DNS:example.com,DNS:*.example.com,IP:192.0.2.1"
 *   -addext "extendedKeyUsage=serverAuth,clientAuth" -outform DER
 * openssl req -x509 -newkey ed25519 -subj "/CN=ed25519 test"
 * openssl req -x509 -newkey rsa:2048 -subj "/CN=rsa test" */
static const char REAL_EC[] = "30820216308201bba00302010202145bf8b941a01b0cba45f62ebb6efa94ace0800c"
                              "5e300a06082a8648ce3d04030230"
                              "39310b300906035504061302555331143012060355040a0c0b4578616d706c65204f"
                              "72673114301206035504030c0b65"
                              "78616d706c652e636f6d301e170d3236313132393035333633325a170d3336313132"
                              "363035333633325a3039310b3009"
                              "06035504061302555331143012060355040a0c0b4578616d706c65204f7267311430"
                              "1206035504030c0b6578616d706c"
                              "652e636f6d3059301306072a8648ce3d020106082a8648ce3d03010703420004f50e"
                              "7629acc930761f89cc1ecc4e0415"
                              "014120400ad04e6ad76a528c4ce27c97140a34bf79bf6156501181a89d380c918c68"
                              "bf99ba89af18810ff0e16d2b93c3"
                              "a381a030819d301d0603551d0e041604147a202d30a775fd94641fe8e110ef42a388"
                              "b9c05d301f0603551d2304183016"
                              "80147a202d30a775fd94641fe8e110ef42a388b9c05d300f0603551d130101ff0405"
                              "30030101ff302b0603551d110424"
                              "3022820b6578616d706c652e636f6d820d2a2e6578616d706c652e636f6d8704c000"
                              "0201301d0603551d250416301406"
                              "082b0601050507030106082b06010505070302300a06082a8648ce3d040302034900"
                              "3046022100d982d2166976ff9203"
                              "591e561993a234f6fe7ca351dfd1f61065a088fbed0f13022100b060b5691fc56168"
                              "dbdae26baadf2c355b55a968c4b1"
                              "4505db18a3b2b837db3d";

static const char REAL_ED[] =
    "308201423081f5a0030201020214091420f6a70ddeb6cfe3b79a71d0165c918b2e80300506032b6570301731153013"
    "06"
    "035504030c0c656432353531392074657374301e170d3236313132393035333633325a170d33363131323630353336"
    "33"
    "325a30173115301306035504030c0c656432353531392074657374302a300506032b65700321003ce2f67cbea5a035"
    "2b"
    "7ddafb6fa7d97433b2e701d70f6569362270433b6f01b2a3533051301d0603551d0e04160414d4c129dd440fa32e74"
    "91"
    "2cef9fa0c65758b1fb77301f0603551d23041830168014d4c129dd440fa32e74912cef9fa0c65758b1fb77300f0603"
    "55"
    "1d130101ff040530030101ff300506032b657003410090c2950dee45d768b9b46df3cb19eb4148853443cc388a8f0c"
    "5b"
    "fe5fb36337ad1bed605734719593dbf63046d1c0b6f1125ec0e84ecb07f5b6e4659e07d2a20f";

static const char REAL_RSA[] = "30820307308201efa00302010202141febd1e75453c886224de7c218b987278bdc5"
                               "01a300d06092a864886f70d01010b"
                               "050030133111300f06035504030c087273612074657374301e170d3236313132393"
                               "035333633325a170d333631313236"
                               "3035333633325a30133111300f06035504030c08727361207465737430820122300"
                               "d06092a864886f70d010101050003"
                               "82010f003082010a0282010100bcec48cba8497cf504aaa96c698886e187f3a6ae7"
                               "827e0ad6b27cbb2f8c2255eea1b23"
                               "d45a21266a73230df927421a3667e3f0249fefd00d3025440ebad6976cfb00d6c03"
                               "249a790e358d2549fbd1082f58721"
                               "5577bd0b2a86419f07453c0e676a948548da7c97a77bb8ca507ae67936d2c08ee98"
                               "0652c994392bab1c163d9b7e294cc"
                               "ed53e9b9518328120a247bbf91fca96ce901d0f8d1c3fa4e4ae8cd49777cefc770b"
                               "0f99b14d1bf9a2919a7acfef089a8"
                               "df76e2d2db3a680ed027e91b605e61b1ede76552d82c202441051ccaf0bd7a400db"
                               "52b1c428f68195dca1830f057328b"
                               "79ce4bdca2292dfdcf3a7c7431eca0254295aacc97e6f1f6fdffc41477020301000"
                               "1a3533051301d0603551d0e041604"
                               "14a8f3422dec7be75fa102369bc89ca8e42f35da55301f0603551d2304183016801"
                               "4a8f3422dec7be75fa102369bc89c"
                               "a8e42f35da55300f0603551d130101ff040530030101ff300d06092a864886f70d0"
                               "1010b0500038201010042f46d6dbe"
                               "56413cc92874841f4eaf693ee6f673200150c54381f50e741fbb2d5d01a41816f99"
                               "b4dfaea16f630cfd5d3e04af6c83a"
                               "e8515d725e29071387aca7c67a1b4d55f163c9b60cfd794776bc8446e6ed032863d"
                               "4881ec34bb9192251365e57b1d742"
                               "3bbe0e08fdab8848fa3c560850ad0fb757989549e1460311ada08fa72652d207cdd"
                               "07fbb6709c3e1f37e24ff76c8572e"
                               "337752d864fd6626111d9faa33439084f23934e92e3bccce1584c2731153b99e08b"
                               "530b3be848f3693a5859cd2a246a1"
                               "bdaa2b8d931c73c4db81e1f419a9a1e5fe398b6ae7b13c28385e9fb67c68fb0cb37"
                               "3d5a5f0a0b78127f4e181e0e2bb84"
                               "18eeb98f13d5f79163b048";

/* Template fragments. */
#define CRIT                  "01(ff)"
#define EXT(oid, crit, value) "30(" oid " " crit " 04(" value "))"
#define OID_BC                "06(551d13)"
#define OID_KU                "06(551d0f)"
#define OID_EKU               "06(551d25)"
#define OID_SAN               "06(551d11)"
#define OID_IAN               "06(551d12)"
#define OID_NC                "06(551d1e)"
#define OID_AKI               "06(551d23)"
#define OID_SKI               "06(551d0e)"
#define OID_POLICIES          "06(551d20)"
#define OID_UNKNOWN           "06(2b0601040182371402)"
#define BC_CA                 "30(01(ff))"
#define ALG_ECDSA256          "30(06(2a8648ce3d040302))"
#define ALG_ED25519           "30(06(2b6570))"

static uint8_t g_buf[65536];
static size_t g_len;

static xcv_err parse_tb(const struct xcv_tb_cert *t, struct xcv_cert *c, size_t *off)
{
    g_len = xcv_tb_cert_build(t, g_buf, sizeof g_buf);
    assert_true(g_len != (size_t)-1);
    return xcv_cert_parse(xcv_slice_make(g_buf, g_len), c, off);
}

/* The default certificate with the extension list replaced. */
static xcv_err parse_exts(const char *exts, struct xcv_cert *c)
{
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.exts = exts;
    return parse_tb(&t, c, NULL);
}

static xcv_err parse_spki(const char *spki, struct xcv_cert *c)
{
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.spki = spki;
    return parse_tb(&t, c, NULL);
}

static xcv_err parse_hex(const char *hex, struct xcv_cert *c)
{
    size_t n = xcv_test_hex(hex, g_buf, sizeof g_buf);
    assert_true(n != (size_t)-1);
    g_len = n;
    return xcv_cert_parse(xcv_slice_make(g_buf, n), c, NULL);
}

static xcv_slice tb(const char *tmpl, uint8_t *buf, size_t cap)
{
    size_t n = xcv_tb_der(tmpl, buf, cap);
    assert_true(n != (size_t)-1);
    return xcv_slice_make(buf, n);
}

static int slice_is(xcv_slice s, const char *tmpl)
{
    uint8_t b[1024];
    xcv_slice want = tb(tmpl, b, sizeof b);
    return s.n == want.n && (s.n == 0 || memcmp(s.p, want.p, s.n) == 0);
}

/* ------------------------------------------------------------------------ */
/* Whole certificates                                                        */
/* ------------------------------------------------------------------------ */

static void test_default_template(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.version, 3);
    assert_true(slice_is(c.serial, "01"));
    assert_int_equal(c.sig_alg, XCV_SIG_RSA_PKCS1_SHA256);
    assert_true(slice_is(c.sig_params, "05()"));
    assert_true(slice_is(c.sig_alg_der, XCV_TB_ALG_SHA256_RSA));
    assert_true(slice_is(c.issuer, XCV_TB_NAME_CA));
    assert_true(slice_is(c.subject, XCV_TB_NAME_LEAF));
    assert_int_equal(c.not_before, 1577836800); /* 2020-01-01 */
    assert_int_equal(c.not_after, 1893456000);  /* 2030-01-01 */
    assert_int_equal(c.key.type, XCV_KEY_EC);
    assert_int_equal(c.key.curve, XCV_CURVE_P256);
    assert_int_equal(c.key.key_bits, 256);
    assert_int_equal(c.key.ec_point.n, 65);
    assert_int_equal(c.signature.n, 64);
    assert_int_equal(c.ext_present, XCV_EXT_SUBJECT_KEY_ID);
    assert_int_equal(c.ext_critical, 0);
    assert_int_equal(c.flags, 0);
    assert_int_equal(c.ext_err, XCV_OK);
    assert_true(slice_is(c.ski, "0102030405060708"));
    assert_int_equal(c.path_len, -1);
    assert_int_equal(c.der.n, g_len);
    assert_ptr_equal(c.der.p, g_buf);
    assert_true(c.tbs.p == g_buf + 4 && c.tbs.n < g_len);
}

static void test_real_ec(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(parse_hex(REAL_EC, &c), XCV_OK);
    assert_int_equal(c.version, 3);
    assert_int_equal(c.sig_alg, XCV_SIG_ECDSA_SHA256);
    assert_int_equal(c.sig_params.n, 0);
    assert_int_equal(c.key.type, XCV_KEY_EC);
    assert_int_equal(c.key.curve, XCV_CURVE_P256);
    assert_true(c.flags & XCV_CERT_SELF_ISSUED_BYTES);
    assert_int_equal(c.flags & ~XCV_CERT_SELF_ISSUED_BYTES, 0);
    assert_true(c.is_ca);
    assert_int_equal(c.ext_critical, XCV_EXT_BASIC_CONSTRAINTS);
    assert_int_equal(c.eku, XCV_EKU_SERVER_AUTH | XCV_EKU_CLIENT_AUTH);
    assert_int_equal(c.ski.n, 20);
    assert_true(c.aki_key_id.n == 20 && memcmp(c.aki_key_id.p, c.ski.p, 20) == 0);
    /* the SAN: two DNS names and one IPv4 address */
    xcv_gn_iter it;
    struct xcv_general_name gn;
    xcv_gn_iter_init(&it, c.san);
    assert_true(xcv_gn_next(&it, &gn));
    assert_int_equal(gn.type, XCV_GN_DNS);
    assert_memory_equal(gn.value.p, "example.com", 11);
    assert_true(xcv_gn_next(&it, &gn));
    assert_int_equal(gn.type, XCV_GN_DNS);
    assert_true(xcv_gn_next(&it, &gn));
    assert_int_equal(gn.type, XCV_GN_IP);
    assert_int_equal(gn.value.n, 4);
    assert_int_equal(gn.value.p[0], 192);
    assert_false(xcv_gn_next(&it, &gn));
    assert_int_equal(it.err, XCV_OK);
}

static void test_real_ed25519(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(parse_hex(REAL_ED, &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_ED25519);
    assert_int_equal(c.key.type, XCV_KEY_ED25519);
    assert_int_equal(c.key.key_bits, 256);
    assert_int_equal(c.key.bits.n, 32);
    assert_int_equal(c.signature.n, 64);
}

static void test_real_rsa(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(parse_hex(REAL_RSA, &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_RSA_PKCS1_SHA256);
    assert_int_equal(c.key.type, XCV_KEY_RSA);
    assert_int_equal(c.key.key_bits, 2048);
    assert_int_equal(c.key.rsa_n.n, 256);
    assert_true(slice_is(c.key.rsa_e, "010001"));
    assert_int_equal(c.signature.n, 256);
}

/* Every strict prefix of a valid certificate is rejected; never a crash. */
static void test_truncations(void **state)
{
    (void)state;
    uint8_t der[2048];
    size_t n = xcv_test_hex(REAL_EC, der, sizeof der);
    struct xcv_cert c;
    for (size_t k = 0; k < n; k++) {
        uint8_t *copy = malloc(k + 1);
        memcpy(copy, der, k);
        assert_int_not_equal(xcv_cert_parse(xcv_slice_make(copy, k), &c, NULL), XCV_OK);
        free(copy);
    }
    /* and every single-byte corruption at least never crashes */
    for (size_t k = 0; k < n; k++) {
        uint8_t *copy = malloc(n);
        memcpy(copy, der, n);
        copy[k] ^= 0x41u;
        size_t off = 0;
        if (xcv_cert_parse(xcv_slice_make(copy, n), &c, &off) != XCV_OK) {
            assert_true(off < n);
        }
        free(copy);
    }
}

static void test_trailing_data(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    size_t off = 0;
    xcv_tb_cert_default(&t);
    t.trailing = "00";
    assert_int_equal(parse_tb(&t, &c, &off), XCV_ERR_DER_TRAILING_DATA);
    assert_int_equal(off, g_len - 1);

    xcv_tb_cert_default(&t);
    t.tbs_extra = "05()"; /* after the extensions, inside the TBS */
    assert_int_equal(parse_tb(&t, &c, &off), XCV_ERR_DER_TRAILING_DATA);

    /* a second signature BIT STRING inside the Certificate SEQUENCE */
    xcv_tb_cert_default(&t);
    t.sig = "03(00 {64:5a}) 03(00 01)";
    assert_int_equal(parse_tb(&t, &c, &off), XCV_ERR_DER_TRAILING_DATA);

    /* empty input and a bare header */
    assert_int_equal(xcv_cert_parse(xcv_slice_empty(), &c, &off), XCV_ERR_DER_TRUNCATED);
    assert_int_equal(xcv_cert_parse(xcv_slice_make((const uint8_t *)"\x30\x00", 2), &c, &off),
                     XCV_ERR_DER_TRUNCATED);
    assert_int_equal(xcv_cert_parse(xcv_slice_empty(), NULL, &off), XCV_ERR_INVALID_ARGUMENT);
}

/* ------------------------------------------------------------------------ */
/* Version and unique identifiers                                            */
/* ------------------------------------------------------------------------ */

static void test_version(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    size_t off = 0;

    /* absent: v1 (then no extensions may follow) */
    xcv_tb_cert_default(&t);
    t.version = NULL;
    t.exts = NULL;
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.version, 1);

    /* explicit v1: DER forbids encoding the DEFAULT */
    t.version = "a0(02(00))";
    assert_int_equal(parse_tb(&t, &c, &off), XCV_ERR_CERT_BAD_VERSION);
    assert_int_equal(g_buf[off], 0xa0); /* the version field */
    assert_int_equal(off, (size_t)(c.tbs.p - g_buf) + 3);

    /* v2 without extensions */
    t.version = "a0(02(01))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.version, 2);

    /* value 3 and negative values are not versions */
    t.version = "a0(02(03))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_VERSION);
    t.version = "a0(02(ff))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_VERSION);
    /* non-minimal INTEGER, trailing data inside [0] */
    t.version = "a0(02(0002))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_VERSION);
    t.version = "a0(02(02) 05())";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_VERSION);
}

static void test_extensions_need_v3(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.version = NULL; /* v1 with the default SKI extension */
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_EXTENSIONS_NOT_ALLOWED);
    t.version = "a0(02(01))"; /* v2 */
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_EXTENSIONS_NOT_ALLOWED);
    t.version = "a0(02(02))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
}

static void test_unique_ids(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.exts = NULL;
    t.version = "a0(02(01))";
    t.issuer_uid = "81(00 aabb)";
    t.subject_uid = "82(04 f0)";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_true(slice_is(c.issuer_uid, "00aabb"));
    assert_true(slice_is(c.subject_uid, "04f0"));
    /* v1 may not carry them */
    t.version = NULL;
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_UNIQUE_ID_NOT_ALLOWED);
    t.version = "a0(02(01))";
    t.issuer_uid = NULL;
    t.subject_uid = "82(04 f1)"; /* nonzero padding bits */
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_DER_BAD_BIT_STRING);
    /* wrong order: [2] before [1] leaves [1] as trailing data */
    t.subject_uid = "82(00 01) 81(00 01)";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_DER_TRAILING_DATA);
}

/* ------------------------------------------------------------------------ */
/* Serial number                                                             */
/* ------------------------------------------------------------------------ */

static void test_serial(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    size_t off = 0;
    xcv_tb_cert_default(&t);

    t.serial = "02(00 {19:80})"; /* 20 octets with a sign octet: fine */
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.flags, 0);
    assert_int_equal(c.serial.n, 20);

    t.serial = "02({21:7f})"; /* 21 octets: recorded */
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.flags, XCV_CERT_SERIAL_TOO_LONG);

    t.serial = "02(00)";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.flags, XCV_CERT_ZERO_SERIAL);

    t.serial = "02(ff)";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.flags, XCV_CERT_NEGATIVE_SERIAL);

    t.serial = "02(0001)"; /* non-minimal */
    assert_int_equal(parse_tb(&t, &c, &off), XCV_ERR_CERT_BAD_SERIAL);
    assert_int_equal(g_buf[off], 0x02); /* the serial TLV, after the version */
    assert_int_equal(g_buf[off - 5], 0xa0);
    t.serial = "02()";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_SERIAL);
    t.serial = "04(01)";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_DER_UNEXPECTED_TAG);
}

/* ------------------------------------------------------------------------ */
/* Signature algorithms                                                      */
/* ------------------------------------------------------------------------ */

static xcv_err parse_alg(const char *alg, struct xcv_cert *c)
{
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.tbs_alg = alg;
    t.outer_alg = alg;
    return parse_tb(&t, c, NULL);
}

static void test_sig_alg_mismatch(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    /* same algorithm, NULL vs absent parameters: not byte-identical */
    t.outer_alg = "30(06(2a864886f70d01010b))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_SIG_ALG_MISMATCH);
    t.outer_alg = "30(06(2a864886f70d01010c)05())";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_SIG_ALG_MISMATCH);
    t.outer_alg = XCV_TB_ALG_SHA256_RSA;
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
}

static void test_sig_alg_rsa_params(void **state)
{
    (void)state;
    struct xcv_cert c;
    /* RSA PKCS#1: NULL or absent */
    assert_int_equal(parse_alg("30(06(2a864886f70d01010b))", &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_RSA_PKCS1_SHA256);
    assert_int_equal(c.sig_params.n, 0);
    assert_int_equal(parse_alg("30(06(2a864886f70d010105)05())", &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_RSA_PKCS1_SHA1);
    assert_int_equal(parse_alg("30(06(2a864886f70d010104)05())", &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_RSA_PKCS1_MD5);
    /* anything else is malformed */
    assert_int_equal(parse_alg("30(06(2a864886f70d01010b)02(00))", &c), XCV_ERR_CERT_BAD_ALGORITHM);
    assert_int_equal(parse_alg("30(06(2a864886f70d01010b)05(00))", &c), XCV_ERR_CERT_BAD_ALGORITHM);
    /* two parameters; no OID; empty */
    assert_int_equal(parse_alg("30(06(2a864886f70d01010b)05()05())", &c),
                     XCV_ERR_CERT_BAD_ALGORITHM);
    assert_int_equal(parse_alg("30(05())", &c), XCV_ERR_CERT_BAD_ALGORITHM);
    assert_int_equal(parse_alg("30()", &c), XCV_ERR_CERT_BAD_ALGORITHM);
}

static void test_sig_alg_ecdsa_eddsa_pss(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(parse_alg(ALG_ECDSA256, &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_ECDSA_SHA256);
    assert_int_equal(parse_alg("30(06(2a8648ce3d040303))", &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_ECDSA_SHA384);
    assert_int_equal(parse_alg("30(06(2a8648ce3d040302)05())", &c), XCV_ERR_CERT_BAD_ALGORITHM);
    assert_int_equal(parse_alg(ALG_ED25519, &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_ED25519);
    assert_int_equal(parse_alg("30(06(2b6570)05())", &c), XCV_ERR_CERT_BAD_ALGORITHM);
    assert_int_equal(parse_alg("30(06(2b6571))", &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_ED448);
    /* RSASSA-PSS: parameters required, kept raw */
    assert_int_equal(parse_alg("30(06(2a864886f70d01010a))", &c), XCV_ERR_CERT_BAD_ALGORITHM);
    assert_int_equal(parse_alg("30(06(2a864886f70d01010a)05())", &c), XCV_ERR_CERT_BAD_ALGORITHM);
    const char *pss = "30(06(2a864886f70d01010a)30(a0(30(06(608648016503040201)))"
                      "a1(30(06(2a864886f70d010108)30(06(608648016503040201))))a2(02(20))))";
    assert_int_equal(parse_alg(pss, &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_RSA_PSS);
    assert_true(c.sig_params.n > 0 && c.sig_params.p[0] == 0x30);
    /* unknown algorithms parse, with any parameters */
    assert_int_equal(parse_alg("30(06(2a0304)02(05))", &c), XCV_OK);
    assert_int_equal(c.sig_alg, XCV_SIG_UNKNOWN);
    /* malformed OID */
    assert_int_equal(parse_alg("30(06(2a8001))", &c), XCV_ERR_CERT_BAD_ALGORITHM);
}

static void test_signature_value(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.sig = "03(04 {8:50})"; /* 4 unused bits */
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_SIGNATURE_VALUE);
    t.sig = "04(00 {8:50})";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_DER_UNEXPECTED_TAG);
    t.sig = "03(00)"; /* empty signature: structurally fine, sig.c rejects */
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.signature.n, 0);
}

/* ------------------------------------------------------------------------ */
/* Validity                                                                  */
/* ------------------------------------------------------------------------ */

static void test_validity(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.validity = "30(17('490101000000Z')18('20500101000000Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.not_after, 2524608000);
    t.validity = "30(17('200101000000Z')18('99991231235959Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_true(c.not_after > 2524608000);
    /* notBefore after notAfter parses (verification judges) */
    t.validity = "30(17('300101000000Z')17('200101000000Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_true(c.not_before > c.not_after);
    /* GeneralizedTime before 2050: tolerated (a Debian root, Certum Trusted
     * Network CA 2, uses it), but still strictly formatted */
    t.validity = "30(18('20111006083956Z')18('20461006083956Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.not_before, 1317890396);
    t.validity = "30(18('20111006083956.5Z')18('20461006083956Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_DER_BAD_TIME);
    /* bad time strings */
    t.validity = "30(17('2001010000Z')17('300101000000Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_DER_BAD_TIME);
    t.validity = "30(17('200101000000+0100')17('300101000000Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_DER_BAD_TIME);
    /* shape */
    t.validity = "30(17('200101000000Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_VALIDITY);
    t.validity = "30(17('200101000000Z')17('300101000000Z')17('300101000000Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_VALIDITY);
    t.validity = "30(17('200101000000Z')13('300101000000Z'))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_VALIDITY);
}

/* ------------------------------------------------------------------------ */
/* Names                                                                     */
/* ------------------------------------------------------------------------ */

static xcv_err parse_issuer(const char *issuer, struct xcv_cert *c, size_t *off)
{
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.issuer = issuer;
    return parse_tb(&t, c, off);
}

static void test_names(void **state)
{
    (void)state;
    struct xcv_cert c;
    size_t off = 0;
    /* multi-RDN, multi-valued RDN, several string types, unknown attribute
     * with a SEQUENCE value */
    assert_int_equal(parse_issuer("30(31(30(06(550406)13('US')))"
                                  "31(30(06(55040a)0c('Org \xc3\xa9'))30(06(55040b)14('x')))"
                                  "31(30(06(2a864886f70d010901)16('a@b.example')))"
                                  "31(30(06(2a0304)30(02(05)))))",
                                  &c, NULL),
                     XCV_OK);
    /* unknown attribute with an INTEGER value: not a directory syntax */
    assert_int_equal(parse_issuer("30(31(30(06(2a0304)02(05))))", &c, NULL),
                     XCV_ERR_CERT_BAD_NAME);
    /* the empty Name is structurally valid */
    assert_int_equal(parse_issuer("30()", &c, NULL), XCV_OK);
    /* empty RDN SET */
    assert_int_equal(parse_issuer("30(31())", &c, &off), XCV_ERR_CERT_BAD_NAME);
    assert_int_equal(g_buf[off], 0x30); /* the issuer TLV */
    assert_int_equal(g_buf[off + 2], 0x31);
    assert_int_equal(g_buf[off + 3], 0x00);
    /* RDN not a SET, ATV not a SEQUENCE, missing value, extra element */
    assert_int_equal(parse_issuer("30(30(30(06(550403)13('a'))))", &c, NULL),
                     XCV_ERR_CERT_BAD_NAME);
    assert_int_equal(parse_issuer("30(31(31(06(550403)13('a'))))", &c, NULL),
                     XCV_ERR_CERT_BAD_NAME);
    assert_int_equal(parse_issuer("30(31(30(06(550403))))", &c, NULL), XCV_ERR_CERT_BAD_NAME);
    assert_int_equal(parse_issuer("30(31(30(06(550403)13('a')13('b'))))", &c, NULL),
                     XCV_ERR_CERT_BAD_NAME);
    /* string contents */
    assert_int_equal(parse_issuer("30(31(30(06(550403)13('a@b'))))", &c, NULL),
                     XCV_ERR_DER_BAD_STRING);
    assert_int_equal(parse_issuer("30(31(30(06(550403)0c(c3 28))))", &c, NULL),
                     XCV_ERR_DER_BAD_STRING);
    assert_int_equal(parse_issuer("30(31(30(06(550403)1e(00 41 00))))", &c, NULL),
                     XCV_ERR_DER_BAD_STRING);
    /* a named attribute (CN) must hold a string */
    assert_int_equal(parse_issuer("30(31(30(06(550403)02(05))))", &c, NULL), XCV_ERR_CERT_BAD_NAME);
    /* Name not a SEQUENCE */
    assert_int_equal(parse_issuer("31(31(30(06(550403)13('a'))))", &c, NULL),
                     XCV_ERR_DER_UNEXPECTED_TAG);
}

static void test_self_issued_bytes(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.subject = XCV_TB_NAME_CA;
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.flags, XCV_CERT_SELF_ISSUED_BYTES);
    /* equal by RFC 5280 7.1 but not byte-identical: not flagged */
    t.subject = "30(31(30(06(550403)0c('test ca'))))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.flags, 0);
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                      */
/* ------------------------------------------------------------------------ */

static void test_rsa_keys(void **state)
{
    (void)state;
    struct xcv_cert c;
    static char spki[4096];
    static const unsigned sizes[] = {2048, 2047, 1024, 3072, 4095, 521};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        xcv_tb_rsa_spki(sizes[i], spki, sizeof spki);
        assert_int_equal(parse_spki(spki, &c), XCV_OK);
        assert_int_equal(c.key.type, XCV_KEY_RSA);
        assert_int_equal(c.key.key_bits, sizes[i]);
        assert_int_equal(c.key.rsa_n.n, (sizes[i] + 7) / 8);
        assert_true(c.key.rsa_n.p[0] != 0);
        assert_true(slice_is(c.key.rsa_e, "010001"));
    }
    /* params absent, or not NULL */
    assert_int_equal(parse_spki("30(30(06(2a864886f70d010101))03(00 30(02(00c1)02(03))))", &c),
                     XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(parse_spki("30(30(06(2a864886f70d010101)05())03(00 30(02(00c1)02(03))))", &c),
                     XCV_OK);
    assert_int_equal(c.key.key_bits, 8);
    /* negative modulus, zero modulus, non-minimal exponent, zero exponent */
    assert_int_equal(parse_spki("30(30(06(2a864886f70d010101)05())03(00 30(02(c1)02(03))))", &c),
                     XCV_ERR_CERT_BAD_RSA_KEY);
    assert_int_equal(parse_spki("30(30(06(2a864886f70d010101)05())03(00 30(02(00)02(03))))", &c),
                     XCV_ERR_CERT_BAD_RSA_KEY);
    assert_int_equal(
        parse_spki("30(30(06(2a864886f70d010101)05())03(00 30(02(00c1)02(0003))))", &c),
        XCV_ERR_CERT_BAD_RSA_KEY);
    assert_int_equal(parse_spki("30(30(06(2a864886f70d010101)05())03(00 30(02(00c1)02(00))))", &c),
                     XCV_ERR_CERT_BAD_RSA_KEY);
    /* trailing data in RSAPublicKey and after it */
    assert_int_equal(
        parse_spki("30(30(06(2a864886f70d010101)05())03(00 30(02(00c1)02(03)02(03))))", &c),
        XCV_ERR_CERT_BAD_RSA_KEY);
    assert_int_equal(
        parse_spki("30(30(06(2a864886f70d010101)05())03(00 30(02(00c1)02(03)) 00))", &c),
        XCV_ERR_CERT_BAD_RSA_KEY);
    /* RSASSA-PSS key OID */
    assert_int_equal(parse_spki("30(30(06(2a864886f70d01010a))03(00 30(02(00c1)02(03))))", &c),
                     XCV_OK);
    assert_int_equal(c.key.type, XCV_KEY_RSA_PSS);
}

static void test_ec_keys(void **state)
{
    (void)state;
    struct xcv_cert c;
#define ECK(curve, point) "30(30(06(2a8648ce3d0201)" curve ")03(00 " point "))"
#define P256              "06(2a8648ce3d030107)"
#define P384              "06(2b81040022)"
#define P521              "06(2b81040023)"
    assert_int_equal(parse_spki(ECK(P384, "04 {96:33}"), &c), XCV_OK);
    assert_int_equal(c.key.curve, XCV_CURVE_P384);
    assert_int_equal(c.key.key_bits, 384);
    assert_int_equal(parse_spki(ECK(P521, "04 {132:01}"), &c), XCV_OK);
    assert_int_equal(c.key.curve, XCV_CURVE_P521);
    assert_int_equal(c.key.key_bits, 521);
    assert_int_equal(c.key.ec_point.n, 133);
    /* wrong lengths for the curve */
    assert_int_equal(parse_spki(ECK(P256, "04 {63:33}"), &c), XCV_ERR_CERT_BAD_EC_KEY);
    assert_int_equal(parse_spki(ECK(P256, "04 {65:33}"), &c), XCV_ERR_CERT_BAD_EC_KEY);
    assert_int_equal(parse_spki(ECK(P384, "04 {64:33}"), &c), XCV_ERR_CERT_BAD_EC_KEY);
    assert_int_equal(parse_spki(ECK(P256, ""), &c), XCV_ERR_CERT_BAD_EC_KEY);
    /* compressed points */
    assert_int_equal(parse_spki(ECK(P256, "02 {32:33}"), &c), XCV_ERR_CERT_BAD_EC_KEY);
    assert_int_equal(parse_spki(ECK(P256, "03 {32:33}"), &c), XCV_ERR_CERT_BAD_EC_KEY);
    /* implicitCurve (NULL), specifiedCurve (SEQUENCE), absent */
    assert_int_equal(parse_spki(ECK("05()", "04 {64:33}"), &c), XCV_ERR_CERT_BAD_EC_KEY);
    assert_int_equal(parse_spki(ECK("30(02(01))", "04 {64:33}"), &c), XCV_ERR_CERT_BAD_EC_KEY);
    assert_int_equal(parse_spki(ECK("", "04 {64:33}"), &c), XCV_ERR_CERT_BAD_EC_KEY);
    /* another named curve (secp256k1): recognised as OTHER */
    assert_int_equal(parse_spki(ECK("06(2b8104000a)", "04 {64:33}"), &c), XCV_OK);
    assert_int_equal(c.key.type, XCV_KEY_EC);
    assert_int_equal(c.key.curve, XCV_CURVE_OTHER);
}

static void test_eddsa_and_unknown_keys(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(parse_spki("30(30(06(2b6570))03(00 {32:11}))", &c), XCV_OK);
    assert_int_equal(c.key.type, XCV_KEY_ED25519);
    assert_int_equal(c.key.key_bits, 256);
    assert_int_equal(parse_spki("30(30(06(2b6570))03(00 {31:11}))", &c), XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(parse_spki("30(30(06(2b6570)05())03(00 {32:11}))", &c), XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(parse_spki("30(30(06(2b6571))03(00 {57:11}))", &c), XCV_OK);
    assert_int_equal(c.key.type, XCV_KEY_ED448);
    /* unknown algorithm (X25519) and DSA: not errors */
    assert_int_equal(parse_spki("30(30(06(2b656e))03(00 {32:11}))", &c), XCV_OK);
    assert_int_equal(c.key.type, XCV_KEY_UNKNOWN);
    assert_int_equal(c.key.key_bits, 0);
    assert_int_equal(
        parse_spki("30(30(06(2a8648ce380401)30(02(01)02(01)02(01)))03(00 02(01)))", &c), XCV_OK);
    assert_int_equal(c.key.type, XCV_KEY_DSA);
    /* SPKI shape: unused bits in the key, missing key, extra element */
    assert_int_equal(parse_spki("30(30(06(2b6570))03(01 {32:10}))", &c), XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(parse_spki("30(30(06(2b6570)))", &c), XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(parse_spki("30(30(06(2b6570))03(00 {32:11})05())", &c), XCV_ERR_CERT_BAD_SPKI);
}

static void test_pubkey_parse_direct(void **state)
{
    (void)state;
    uint8_t b[256];
    struct xcv_pubkey k;
    xcv_slice s = tb("30(30(06(2b6570))03(00 {32:11}))", b, sizeof b);
    assert_int_equal(xcv_pubkey_parse(s, &k), XCV_OK);
    assert_int_equal(k.type, XCV_KEY_ED25519);
    assert_ptr_equal(k.spki.p, b);
    assert_true(slice_is(k.alg_der, "30(06(2b6570))"));
    /* trailing byte after the SPKI */
    s = tb("30(30(06(2b6570))03(00 {32:11})) 00", b, sizeof b);
    assert_int_equal(xcv_pubkey_parse(s, &k), XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(xcv_pubkey_parse(s, NULL), XCV_ERR_INVALID_ARGUMENT);
}

/* ------------------------------------------------------------------------ */
/* Extensions: framing                                                       */
/* ------------------------------------------------------------------------ */

static void test_extensions_framing(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.ext_raw = "a3(30())";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_EMPTY_EXTENSIONS);
    t.ext_raw = "a3()";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_EXTENSIONS);
    t.ext_raw = "a3(30(" XCV_TB_EXT_SKI ") 05())";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_EXTENSIONS);
    t.ext_raw = "a3(31(" XCV_TB_EXT_SKI "))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_CERT_BAD_EXTENSIONS);
    t.ext_raw = NULL;

    /* critical explicitly FALSE: the DEFAULT encoded */
    size_t off = 0;
    t.exts = XCV_TB_EXT_SKI EXT(OID_BC, "01(00)", BC_CA);
    assert_int_equal(parse_tb(&t, &c, &off), XCV_ERR_DER_DEFAULT_ENCODED);
    assert_int_equal(g_buf[off], 0x30); /* the Extension's SEQUENCE */
    assert_int_equal(g_buf[off + 2], 0x06);
    assert_int_equal(g_buf[off + 5], 0x1d);
    assert_int_equal(g_buf[off + 6], 0x13);
    /* critical TRUE accepted; a non-DER BOOLEAN rejected */
    assert_int_equal(parse_exts(EXT(OID_BC, CRIT, BC_CA), &c), XCV_OK);
    assert_int_equal(parse_exts(EXT(OID_BC, "01(01)", BC_CA), &c), XCV_ERR_CERT_BAD_EXTENSIONS);
    /* extnValue: two TLVs, empty, not a TLV */
    assert_int_equal(parse_exts(EXT(OID_UNKNOWN, "", "05() 05()"), &c),
                     XCV_ERR_CERT_BAD_EXTENSIONS);
    assert_int_equal(parse_exts(EXT(OID_UNKNOWN, "", ""), &c), XCV_ERR_CERT_BAD_EXTENSIONS);
    assert_int_equal(parse_exts(EXT(OID_UNKNOWN, "", "04 05"), &c), XCV_ERR_CERT_BAD_EXTENSIONS);
    /* missing extnValue, extra element, bad OID */
    assert_int_equal(parse_exts("30(06(551d13)01(ff))", &c), XCV_ERR_CERT_BAD_EXTENSIONS);
    assert_int_equal(parse_exts("30(06(551d13)04(30())05())", &c), XCV_ERR_CERT_BAD_EXTENSIONS);
    assert_int_equal(parse_exts("30(06(551d80)04(30()))", &c), XCV_ERR_CERT_BAD_EXTENSIONS);
}

static void test_duplicate_extensions(void **state)
{
    (void)state;
    struct xcv_cert c;
    /* known: the first one is decoded, the repeat recorded */
    assert_int_equal(parse_exts(EXT(OID_BC, CRIT, "30(01(ff)02(01))") EXT(OID_BC, "", "30()"), &c),
                     XCV_OK);
    assert_true(c.flags & XCV_CERT_DUPLICATE_EXTENSION);
    assert_true(c.is_ca);
    assert_int_equal(c.path_len, 1);
    /* unknown OIDs compared too */
    assert_int_equal(
        parse_exts(EXT(OID_UNKNOWN, "", "05()") XCV_TB_EXT_SKI EXT(OID_UNKNOWN, "", "05()"), &c),
        XCV_OK);
    assert_int_equal(c.flags, XCV_CERT_DUPLICATE_EXTENSION);
    assert_int_equal(c.ext_present, XCV_EXT_OTHER | XCV_EXT_SUBJECT_KEY_ID);
    /* two different unknown OIDs: no flag */
    assert_int_equal(
        parse_exts(EXT(OID_UNKNOWN, "", "05()") EXT("06(2b0601040182371403)", "", "05()"), &c),
        XCV_OK);
    assert_int_equal(c.flags, 0);
}

static void test_critical_extensions(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(parse_exts(EXT(OID_UNKNOWN, CRIT, "05()"), &c), XCV_OK);
    assert_int_equal(c.flags, XCV_CERT_UNKNOWN_CRITICAL);
    assert_int_equal(c.ext_critical, XCV_EXT_OTHER);
    assert_int_equal(parse_exts(EXT(OID_UNKNOWN, "", "05()"), &c), XCV_OK);
    assert_int_equal(c.flags, 0);
    assert_int_equal(c.ext_present, XCV_EXT_OTHER);
    /* certificatePolicies critical: understood (verification processes
     * policies, RFC 5280 6.1) */
    assert_int_equal(parse_exts(EXT(OID_POLICIES, CRIT, "30(30(06(551d2000)))"), &c), XCV_OK);
    assert_int_equal(c.flags, 0);
    assert_int_equal(c.ext_critical, XCV_EXT_CERT_POLICIES);
    assert_true(slice_is(c.policies, "30(30(06(551d2000)))"));
    /* understood ones */
    assert_int_equal(parse_exts(EXT(OID_BC, CRIT, BC_CA) EXT(OID_KU, CRIT, "03(01 06)")
                                    EXT(OID_SAN, CRIT, "30(82('a.example'))"),
                                &c),
                     XCV_OK);
    assert_int_equal(c.flags, 0);
    assert_int_equal(c.ext_critical,
                     XCV_EXT_BASIC_CONSTRAINTS | XCV_EXT_KEY_USAGE | XCV_EXT_SUBJECT_ALT_NAME);
}

/* ------------------------------------------------------------------------ */
/* Extensions: content                                                       */
/* ------------------------------------------------------------------------ */

/* Parses one extension; returns ext_err (the parse itself must succeed). */
static xcv_err one_ext(const char *ext, struct xcv_cert *c)
{
    assert_int_equal(parse_exts(ext, c), XCV_OK);
    if (c->ext_err != XCV_OK) {
        assert_true(c->flags & XCV_CERT_BAD_EXTENSION);
    } else {
        assert_false(c->flags & XCV_CERT_BAD_EXTENSION);
    }
    return c->ext_err;
}

static void test_basic_constraints(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(one_ext(EXT(OID_BC, CRIT, "30(01(ff)02(03))"), &c), XCV_OK);
    assert_true(c.is_ca);
    assert_int_equal(c.path_len, 3);
    assert_int_equal(one_ext(EXT(OID_BC, "", "30()"), &c), XCV_OK);
    assert_false(c.is_ca);
    assert_int_equal(c.path_len, -1);
    assert_int_equal(one_ext(EXT(OID_BC, "", "30(01(ff)02(00ffffffffff))"), &c), XCV_OK);
    assert_int_equal(c.path_len, 0x7FFFFFFF);
    /* cA FALSE explicitly encoded */
    assert_int_equal(one_ext(EXT(OID_BC, CRIT, "30(01(00))"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_false(c.is_ca);
    assert_true(slice_is(c.ext_err_oid, "551d13"));
    /* negative pathLen, wrong order, not a SEQUENCE, trailing element */
    assert_int_equal(one_ext(EXT(OID_BC, "", "30(01(ff)02(ff))"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT(OID_BC, "", "30(02(01)01(ff))"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT(OID_BC, "", "01(ff)"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT(OID_BC, "", "30(01(ff)02(01)05())"), &c),
                     XCV_ERR_CERT_BAD_EXTENSION);
}

static void test_key_usage(void **state)
{
    (void)state;
    struct xcv_cert c;
    /* digitalSignature (bit 0) and keyCertSign (bit 5): 1000 0100, 2 unused */
    assert_int_equal(one_ext(EXT(OID_KU, CRIT, "03(02 84)"), &c), XCV_OK);
    assert_int_equal(c.key_usage, XCV_KU_DIGITAL_SIGNATURE | XCV_KU_KEY_CERT_SIGN);
    /* decipherOnly (bit 8) */
    assert_int_equal(one_ext(EXT(OID_KU, CRIT, "03(07 00 80)"), &c), XCV_OK);
    assert_int_equal(c.key_usage, XCV_KU_DECIPHER_ONLY);
    /* no bit set */
    assert_int_equal(one_ext(EXT(OID_KU, CRIT, "03(00)"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    /* trailing zero bits (not DER for a named bit list) are tolerated: the
     * Trustwave Global ECC roots in Debian's bundle encode keyCertSign|cRLSign
     * so; nonzero padding bits are not */
    assert_int_equal(one_ext(EXT(OID_KU, CRIT, "03(07 06 00)"), &c), XCV_OK);
    assert_int_equal(c.key_usage, XCV_KU_KEY_CERT_SIGN | XCV_KU_CRL_SIGN);
    assert_int_equal(one_ext(EXT(OID_KU, CRIT, "03(01 84)"), &c), XCV_OK);
    assert_int_equal(one_ext(EXT(OID_KU, CRIT, "03(01 85)"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT(OID_KU, CRIT, "03(00 00 00 00 00 01)"), &c),
                     XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT(OID_KU, CRIT, "03(07 00 00)"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT(OID_KU, CRIT, "04(84)"), &c), XCV_ERR_CERT_BAD_EXTENSION);
}

static void test_eku(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(one_ext(EXT(OID_EKU, "", "30(06(2b06010505070301)06(2a0304))"), &c), XCV_OK);
    assert_int_equal(c.eku, XCV_EKU_SERVER_AUTH | XCV_EKU_OTHER);
    assert_true(slice_is(c.eku_der, "06(2b06010505070301)06(2a0304)"));
    assert_int_equal(one_ext(EXT(OID_EKU, "", "30(06(551d2500))"), &c), XCV_OK);
    assert_int_equal(c.eku, XCV_EKU_ANY);
    assert_int_equal(one_ext(EXT(OID_EKU, "", "30()"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT(OID_EKU, "", "30(04(01))"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(c.eku, 0);
}

static void test_san_accept(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(one_ext(EXT(OID_SAN, "",
                                 "30(82('www.example.com') 87(c0000201) 87({16:20})"
                                 " 86('https://example.com/') 81('a@example.com')"
                                 " a4(30(31(30(06(550403)0c('x'))))) a0(06(2a0304)a0(0c('u')))"
                                 " 88(2a0304))"),
                             &c),
                     XCV_OK);
    xcv_gn_iter it;
    struct xcv_general_name gn;
    static const xcv_gn_type want[] = {XCV_GN_DNS,        XCV_GN_IP,           XCV_GN_IP,
                                       XCV_GN_URI,        XCV_GN_RFC822,       XCV_GN_DIRECTORY,
                                       XCV_GN_OTHER_NAME, XCV_GN_REGISTERED_ID};
    xcv_gn_iter_init(&it, c.san);
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        assert_true(xcv_gn_next(&it, &gn));
        assert_int_equal(gn.type, want[i]);
        if (gn.type == XCV_GN_DIRECTORY) {
            assert_true(slice_is(gn.value, "30(31(30(06(550403)0c('x'))))"));
        }
        if (gn.type == XCV_GN_OTHER_NAME) {
            assert_true(slice_is(gn.value, "06(2a0304)a0(0c('u'))"));
        }
        if (gn.type == XCV_GN_IP) {
            assert_true(gn.value.n == 4 || gn.value.n == 16);
        }
    }
    assert_false(xcv_gn_next(&it, &gn));
    assert_int_equal(it.err, XCV_OK);
}

static void test_san_reject(void **state)
{
    (void)state;
    struct xcv_cert c;
    /* empty list */
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30()"), &c), XCV_ERR_CERT_BAD_SAN);
    assert_true(slice_is(c.ext_err_oid, "551d11"));
    assert_int_equal(c.san.n, 0);
    /* iPAddress of 5 octets, and 8 octets (a constraint, not an address) */
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30(87(0102030405))"), &c), XCV_ERR_CERT_BAD_SAN);
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30(87(0102030405060708))"), &c),
                     XCV_ERR_CERT_BAD_SAN);
    /* non-IA5 dNSName, constructed dNSName, unknown tag */
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30(82(c3a9))"), &c), XCV_ERR_CERT_BAD_SAN);
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30(a2(16('a')))"), &c), XCV_ERR_CERT_BAD_SAN);
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30(89('a'))"), &c), XCV_ERR_CERT_BAD_SAN);
    /* directoryName: malformed Name, two Names */
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30(a4(30(31())))"), &c), XCV_ERR_CERT_BAD_SAN);
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30(a4(30() 30()))"), &c), XCV_ERR_CERT_BAD_SAN);
    /* otherName without the [0] value; bad registeredID */
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30(a0(06(2a0304)))"), &c), XCV_ERR_CERT_BAD_SAN);
    assert_int_equal(one_ext(EXT(OID_SAN, "", "30(88(2a80))"), &c), XCV_ERR_CERT_BAD_SAN);
    /* not a SEQUENCE; trailing bytes are caught by the extnValue rule */
    assert_int_equal(one_ext(EXT(OID_SAN, "", "31(82('a'))"), &c), XCV_ERR_CERT_BAD_SAN);
    /* issuerAltName uses the same rules and error class of its own */
    assert_int_equal(one_ext(EXT(OID_IAN, "", "30(82('a'))"), &c), XCV_OK);
    assert_true(slice_is(c.ian, "82('a')"));
    assert_int_equal(one_ext(EXT(OID_IAN, "", "30()"), &c), XCV_ERR_CERT_BAD_EXTENSION);
}

static void test_first_malformed_recorded(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(parse_exts(EXT(OID_KU, "", "03(00)") EXT(OID_SAN, "", "30()"), &c), XCV_OK);
    assert_int_equal(c.ext_err, XCV_ERR_CERT_BAD_EXTENSION);
    assert_true(slice_is(c.ext_err_oid, "551d0f"));
    assert_int_equal(c.flags, XCV_CERT_BAD_EXTENSION);
    assert_int_equal(c.ext_present, XCV_EXT_KEY_USAGE | XCV_EXT_SUBJECT_ALT_NAME);
}

static void test_name_constraints(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(one_ext(EXT(OID_NC, CRIT, "30(a0(30(82('example.com'))))"), &c), XCV_OK);
    assert_true(slice_is(c.nc_permitted, "30(82('example.com'))"));
    assert_int_equal(c.nc_excluded.n, 0);
    assert_int_equal(
        one_ext(EXT(OID_NC, CRIT, "30(a0(30(82('a'))) a1(30(87(0a000000ff000000))))"), &c), XCV_OK);
    assert_true(slice_is(c.nc_excluded, "30(87(0a000000ff000000))"));
    /* neither subtree, empty subtrees, wrong order, wrong element */
    assert_int_equal(one_ext(EXT(OID_NC, CRIT, "30()"), &c), XCV_ERR_NC_MALFORMED);
    assert_int_equal(one_ext(EXT(OID_NC, CRIT, "30(a0())"), &c), XCV_ERR_NC_MALFORMED);
    assert_int_equal(one_ext(EXT(OID_NC, CRIT, "30(a1(30(82('a'))) a0(30(82('a'))))"), &c),
                     XCV_ERR_NC_MALFORMED);
    assert_int_equal(one_ext(EXT(OID_NC, CRIT, "30(a0(82('a')))"), &c), XCV_ERR_NC_MALFORMED);
    assert_int_equal(c.nc_permitted.n, 0);
}

static void test_aki_ski(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(one_ext(EXT(OID_AKI, "", "30(80(0a0b0c))"), &c), XCV_OK);
    assert_true(slice_is(c.aki_key_id, "0a0b0c"));
    assert_int_equal(
        one_ext(EXT(OID_AKI, "", "30(80(0a) a1(a4(30(31(30(06(550403)13('CA')))))) 82(05))"), &c),
        XCV_OK);
    assert_int_equal(one_ext(EXT(OID_AKI, "", "30()"), &c), XCV_OK);
    assert_int_equal(c.aki_key_id.n, 0);
    /* wrong order, bad serial, empty issuer names */
    assert_int_equal(one_ext(EXT(OID_AKI, "", "30(82(05) 80(0a))"), &c),
                     XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT(OID_AKI, "", "30(82(0005))"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT(OID_AKI, "", "30(a1())"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    /* SKI must be an OCTET STRING */
    assert_int_equal(one_ext(EXT(OID_SKI, "", "04(aa)"), &c), XCV_OK);
    assert_true(slice_is(c.ski, "aa"));
    assert_int_equal(one_ext(EXT(OID_SKI, "", "03(00aa)"), &c), XCV_ERR_CERT_BAD_EXTENSION);
}

static void test_raw_extensions(void **state)
{
    (void)state;
    struct xcv_cert c;
    assert_int_equal(
        one_ext(EXT("06(551d1f)", "", "30(30(a0(a0(86('http://c.example/x.crl')))))")
                    EXT("06(2b06010505070101)", "", "30(30(06(2b0601050507300182('o'))))")
                        EXT("06(551d36)", CRIT, "02(00)") EXT("06(551d24)", CRIT, "30(80(00))"),
                &c),
        XCV_OK);
    assert_int_equal(c.ext_present, XCV_EXT_CRL_DIST_POINTS | XCV_EXT_AUTHORITY_INFO |
                                        XCV_EXT_INHIBIT_ANY_POLICY | XCV_EXT_POLICY_CONSTRAINTS);
    assert_true(c.crl_dp.n > 0 && c.crl_dp.p[0] == 0x30);
    assert_true(slice_is(c.inhibit_any_policy, "02(00)"));
    assert_true(slice_is(c.policy_constraints, "30(80(00))"));
    assert_true(c.aia.n > 0);
    assert_int_equal(c.flags, 0); /* critical policy extensions are understood */
    /* malformed: empty policies, negative inhibitAnyPolicy */
    assert_int_equal(one_ext(EXT(OID_POLICIES, "", "30()"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT("06(551d36)", CRIT, "02(ff)"), &c), XCV_ERR_CERT_BAD_EXTENSION);
    assert_int_equal(one_ext(EXT("06(2b06010401d679020402)", "", "04(0000)"), &c), XCV_OK);
    assert_int_equal(c.ext_present, XCV_EXT_SCT_LIST);
    assert_int_equal(one_ext(EXT("06(2b06010401d679020402)", "", "30()"), &c),
                     XCV_ERR_CERT_BAD_EXTENSION);
}

/* ------------------------------------------------------------------------ */
/* GeneralName iterator                                                      */
/* ------------------------------------------------------------------------ */

static void test_gn_iter(void **state)
{
    (void)state;
    uint8_t b[256];
    xcv_gn_iter it;
    struct xcv_general_name gn;
    /* name-constraint style IP (address + mask) is accepted by the iterator */
    xcv_gn_iter_init(&it, tb("87(0a000000ff000000) 82('a') 89(00)", b, sizeof b));
    assert_true(xcv_gn_next(&it, &gn));
    assert_int_equal(gn.type, XCV_GN_IP);
    assert_int_equal(gn.value.n, 8);
    assert_true(xcv_gn_next(&it, &gn));
    assert_int_equal(gn.type, XCV_GN_DNS);
    assert_false(xcv_gn_next(&it, &gn)); /* [9] is no GeneralName */
    assert_int_equal(it.err, XCV_ERR_DER_UNEXPECTED_TAG);
    assert_false(xcv_gn_next(&it, &gn)); /* stays stopped */
    /* 5-octet address; truncated TLV */
    xcv_gn_iter_init(&it, tb("87(0102030405)", b, sizeof b));
    assert_false(xcv_gn_next(&it, &gn));
    assert_int_equal(it.err, XCV_ERR_BAD_SAN_NAME);
    xcv_gn_iter_init(&it, xcv_slice_make((const uint8_t *)"\x82\x05"
                                                          "ab",
                                         4));
    assert_false(xcv_gn_next(&it, &gn));
    assert_int_equal(it.err, XCV_ERR_DER_TRUNCATED);
    /* empty list: no element, no error */
    xcv_gn_iter_init(&it, xcv_slice_empty());
    assert_false(xcv_gn_next(&it, &gn));
    assert_int_equal(it.err, XCV_OK);
    /* the internal reader with the strict flags */
    xcv_slice r = tb("87(0a000000ff000000)", b, sizeof b);
    assert_int_equal(xcv_gn_read(&r, &gn, XCV_GN_IP_ADDRESS_ONLY), XCV_ERR_BAD_SAN_NAME);
    assert_int_equal(r.n, 10); /* not advanced */
    assert_int_equal(xcv_gn_read(&r, &gn, XCV_GN_IP_WITH_MASK), XCV_OK);
    assert_int_equal(r.n, 0);
}

static void test_duplicate_scan_bound(void **state)
{
    (void)state;
    struct xcv_cert c;
    /* 70 distinct unknown extensions (OID 1.2.3.<i>), then repeats */
    static char exts[16384];
    size_t pos = 0;
    for (int i = 1; i <= 70; i++) {
        pos += (size_t)snprintf(exts + pos, sizeof exts - pos, "30(06(2a03%02x)04(05()))", i);
    }
    assert_int_equal(parse_exts(exts, &c), XCV_OK);
    assert_int_equal(c.flags, 0);
    /* a repeat within the scanned prefix is found */
    static char exts2[16384];
    snprintf(exts2, sizeof exts2,
             "30(06(2a0301)04(05()))30(06(2a0302)04(05()))"
             "30(06(2a0301)04(05()))");
    assert_int_equal(parse_exts(exts2, &c), XCV_OK);
    assert_int_equal(c.flags, XCV_CERT_DUPLICATE_EXTENSION);
    /* beyond XCV_CERT_DUP_SCAN_MAX extensions unknown repeats are not
     * compared (documented bound); known ones always are */
    snprintf(exts + pos, sizeof exts - pos, "30(06(2a0301)04(05()))");
    assert_int_equal(parse_exts(exts, &c), XCV_OK);
    assert_int_equal(c.flags, 0);
    snprintf(exts + pos, sizeof exts - pos, XCV_TB_EXT_SKI);
    assert_int_equal(parse_exts(exts, &c), XCV_OK);
    assert_int_equal(c.flags, 0);
    snprintf(exts + pos, sizeof exts - pos, XCV_TB_EXT_SKI XCV_TB_EXT_SKI);
    assert_int_equal(parse_exts(exts, &c), XCV_OK);
    assert_int_equal(c.flags, XCV_CERT_DUPLICATE_EXTENSION);
}

static void test_error_offsets(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    size_t off = 0;
    /* a key error points at the SPKI */
    xcv_tb_cert_default(&t);
    t.spki = "30(30(06(2a8648ce3d0201)06(2a8648ce3d030107))03(00 02 {32:11}))";
    assert_int_equal(parse_tb(&t, &c, &off), XCV_ERR_CERT_BAD_EC_KEY);
    assert_int_equal(g_buf[off], 0x30);
    assert_int_equal(g_buf[off + 2], 0x30);
    assert_int_equal(g_buf[off + 4], 0x06);
    assert_int_equal(g_buf[off + 6], 0x2a);
    /* a bad Extension points at that Extension, not the list */
    xcv_tb_cert_default(&t);
    t.exts = XCV_TB_EXT_SKI "30(06(551d13)05())";
    assert_int_equal(parse_tb(&t, &c, &off), XCV_ERR_CERT_BAD_EXTENSIONS);
    assert_int_equal(g_buf[off], 0x30);
    assert_int_equal(g_buf[off + 1], 7);
    assert_int_equal(g_buf[off + 4], 0x55);
    /* outer algorithm mismatch points at the outer AlgorithmIdentifier */
    xcv_tb_cert_default(&t);
    t.outer_alg = ALG_ECDSA256;
    assert_int_equal(parse_tb(&t, &c, &off), XCV_ERR_CERT_SIG_ALG_MISMATCH);
    assert_int_equal(off, (size_t)(c.tbs.p - g_buf) + c.tbs.n);
    /* success leaves 0 */
    xcv_tb_cert_default(&t);
    off = 99;
    assert_int_equal(parse_tb(&t, &c, &off), XCV_OK);
    assert_int_equal(off, 0);
}

static void test_name_validate_direct(void **state)
{
    (void)state;
    uint8_t b[256];
    assert_int_equal(xcv_name_validate(tb("30()", b, sizeof b)), XCV_OK);
    /* unknown attribute types may hold strings, a BIT STRING or a SEQUENCE,
     * nothing else (OID, SET, INTEGER: fuzz/regressions/diff_openssl/dn-*) */
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(2a0304)30(02(01)))))", b, sizeof b)),
                     XCV_OK);
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(2a0304)03(0080))))", b, sizeof b)),
                     XCV_OK);
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(2a0304)03(0181))))", b, sizeof b)),
                     XCV_ERR_CERT_BAD_NAME);
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(2a0304)06(2a03))))", b, sizeof b)),
                     XCV_ERR_CERT_BAD_NAME);
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(2a0304)31(02(01)))))", b, sizeof b)),
                     XCV_ERR_CERT_BAD_NAME);
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(2a0304)a0(02(01)))))", b, sizeof b)),
                     XCV_ERR_CERT_BAD_NAME);
    /* NumericString, VisibleString, UniversalString checks */
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(550405)12('12 34'))))", b, sizeof b)),
                     XCV_OK);
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(550405)12('12a'))))", b, sizeof b)),
                     XCV_ERR_DER_BAD_STRING);
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(550403)1a(41 7f))))", b, sizeof b)),
                     XCV_ERR_DER_BAD_STRING);
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(550403)1c(0000d800))))", b, sizeof b)),
                     XCV_ERR_DER_BAD_STRING);
    /* constructed string form is not a string in DER */
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(550403)33(13('a')))))", b, sizeof b)),
                     XCV_ERR_CERT_BAD_NAME);
    /* trailing bytes after the Name; bad OID */
    assert_int_equal(xcv_name_validate(tb("30() 00", b, sizeof b)), XCV_ERR_CERT_BAD_NAME);
    assert_int_equal(xcv_name_validate(tb("30(31(30(06(5580)13('a'))))", b, sizeof b)),
                     XCV_ERR_CERT_BAD_NAME);
}

static void test_v3_with_unique_ids(void **state)
{
    (void)state;
    struct xcv_cert c;
    struct xcv_tb_cert t;
    xcv_tb_cert_default(&t);
    t.issuer_uid = "81(00 01)";
    t.subject_uid = "82(00 02)";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_OK);
    assert_int_equal(c.version, 3);
    assert_true(slice_is(c.issuer_uid, "0001"));
    assert_true(slice_is(c.subject_uid, "0002"));
    assert_int_equal(c.ext_present, XCV_EXT_SUBJECT_KEY_ID);
    /* constructed [1] is not an IMPLICIT BIT STRING */
    t.issuer_uid = "a1(03(00 01))";
    assert_int_equal(parse_tb(&t, &c, NULL), XCV_ERR_DER_TRAILING_DATA);
}

static void test_sig_alg_table(void **state)
{
    (void)state;
    static const struct {
        const char *alg;
        xcv_sig_alg want;
    } rows[] = {
        {"30(06(2a864886f70d01010e)05())", XCV_SIG_RSA_PKCS1_SHA224},
        {"30(06(2a864886f70d01010c)05())", XCV_SIG_RSA_PKCS1_SHA384},
        {"30(06(2a864886f70d01010d)05())", XCV_SIG_RSA_PKCS1_SHA512},
        {"30(06(2a8648ce3d0401))", XCV_SIG_ECDSA_SHA1},
        {"30(06(2a8648ce3d040301))", XCV_SIG_ECDSA_SHA224},
        {"30(06(2a8648ce3d040304))", XCV_SIG_ECDSA_SHA512},
        {"30(06(2a8648ce380403))", XCV_SIG_DSA},
        {"30(06(608648016503040302))", XCV_SIG_DSA},
    };
    struct xcv_cert c;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        assert_int_equal(parse_alg(rows[i].alg, &c), XCV_OK);
        assert_int_equal(c.sig_alg, rows[i].want);
    }
    /* DSA with parameters */
    assert_int_equal(parse_alg("30(06(2a8648ce380403)05())", &c), XCV_ERR_CERT_BAD_ALGORITHM);
}

/* ------------------------------------------------------------------------ */
/* The system CA bundle                                                      */
/* ------------------------------------------------------------------------ */

static void test_system_bundle(void **state)
{
    (void)state;
    const char *path = "/etc/ssl/certs/ca-certificates.crt";
    size_t len = 0;
    uint8_t *text = xcv_test_read_file(path, &len);
    if (text == NULL) {
        print_message("%s not present: skipping\n", path);
        skip();
        return;
    }
    static uint8_t der[65536];
    size_t pos = 0;
    size_t count = 0;
    size_t failed = 0;
    for (;;) {
        size_t n = xcv_tb_pem_next((const char *)text, len, &pos, der, sizeof der);
        if (n == (size_t)-1) {
            free(text);
            fail_msg("malformed PEM in %s", path);
        }
        if (n == 0) {
            break;
        }
        struct xcv_cert c;
        size_t off = 0;
        xcv_err e = xcv_cert_parse(xcv_slice_make(der, n), &c, &off);
        if (e != XCV_OK) {
            print_error("certificate #%zu: error %d at offset %zu\n", count, (int)e, off);
            failed++;
        } else if (c.ext_err != XCV_OK || c.key.type == XCV_KEY_UNKNOWN) {
            print_error("certificate #%zu: ext_err %d, key type %d\n", count, (int)c.ext_err,
                        (int)c.key.type);
            failed++;
        }
        count++;
    }
    free(text);
    text = NULL;
    print_message("%zu certificates parsed from %s\n", count, path);
    assert_true(count > 0);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_template),
        cmocka_unit_test(test_real_ec),
        cmocka_unit_test(test_real_ed25519),
        cmocka_unit_test(test_real_rsa),
        cmocka_unit_test(test_truncations),
        cmocka_unit_test(test_trailing_data),
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_extensions_need_v3),
        cmocka_unit_test(test_unique_ids),
        cmocka_unit_test(test_serial),
        cmocka_unit_test(test_sig_alg_mismatch),
        cmocka_unit_test(test_sig_alg_rsa_params),
        cmocka_unit_test(test_sig_alg_ecdsa_eddsa_pss),
        cmocka_unit_test(test_signature_value),
        cmocka_unit_test(test_validity),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_self_issued_bytes),
        cmocka_unit_test(test_rsa_keys),
        cmocka_unit_test(test_ec_keys),
        cmocka_unit_test(test_eddsa_and_unknown_keys),
        cmocka_unit_test(test_pubkey_parse_direct),
        cmocka_unit_test(test_extensions_framing),
        cmocka_unit_test(test_duplicate_extensions),
        cmocka_unit_test(test_critical_extensions),
        cmocka_unit_test(test_basic_constraints),
        cmocka_unit_test(test_key_usage),
        cmocka_unit_test(test_eku),
        cmocka_unit_test(test_san_accept),
        cmocka_unit_test(test_san_reject),
        cmocka_unit_test(test_first_malformed_recorded),
        cmocka_unit_test(test_name_constraints),
        cmocka_unit_test(test_aki_ski),
        cmocka_unit_test(test_raw_extensions),
        cmocka_unit_test(test_gn_iter),
        cmocka_unit_test(test_duplicate_scan_bound),
        cmocka_unit_test(test_error_offsets),
        cmocka_unit_test(test_name_validate_direct),
        cmocka_unit_test(test_v3_with_unique_ids),
        cmocka_unit_test(test_sig_alg_table),
        cmocka_unit_test(test_system_bundle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
