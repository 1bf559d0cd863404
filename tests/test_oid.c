/* test_oid.c -- OID table lookups, names, dotted formatting, mappings. */
/* cmocka needs these four headers first */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>
/* clang-format on */

#include "hex.h"
#include "oid.h"

static xcv_slice hexslice(const char *hex, uint8_t *buf, size_t cap)
{
    size_t n = xcv_test_hex(hex, buf, cap);
    assert_true(n != (size_t)-1);
    return xcv_slice_make(buf, n);
}

static void test_lookup_known(void **state)
{
    (void)state;
    uint8_t b[32];
    assert_int_equal(xcv_oid_lookup(hexslice("2a864886f70d01010b", b, sizeof b)),
                     XCV_OID_SHA256_RSA);
    assert_int_equal(xcv_oid_lookup(hexslice("2a8648ce3d040302", b, sizeof b)),
                     XCV_OID_ECDSA_SHA256);
    assert_int_equal(xcv_oid_lookup(hexslice("2b6570", b, sizeof b)), XCV_OID_ED25519);
    assert_int_equal(xcv_oid_lookup(hexslice("551d13", b, sizeof b)),
                     XCV_OID_EXT_BASIC_CONSTRAINTS);
    assert_int_equal(xcv_oid_lookup(hexslice("2b06010505070301", b, sizeof b)),
                     XCV_OID_KP_SERVER_AUTH);
    assert_int_equal(xcv_oid_lookup(hexslice("551d2500", b, sizeof b)), XCV_OID_ANY_EKU);
    assert_int_equal(xcv_oid_lookup(hexslice("551d2000", b, sizeof b)), XCV_OID_ANY_POLICY);
    assert_int_equal(xcv_oid_lookup(hexslice("2a864886f70d010901", b, sizeof b)), XCV_OID_AT_EMAIL);
    assert_int_equal(xcv_oid_lookup(hexslice("0992268993f22c640119", b, sizeof b)), XCV_OID_AT_DC);
    assert_int_equal(xcv_oid_lookup(hexslice("2b06010401d679020402", b, sizeof b)),
                     XCV_OID_EXT_SCT_LIST);
}

static void test_lookup_unknown(void **state)
{
    (void)state;
    uint8_t b[32];
    /* prefix of a known OID, a longer one, empty, garbage */
    assert_int_equal(xcv_oid_lookup(hexslice("2a864886f70d0101", b, sizeof b)), XCV_OID_UNKNOWN);
    assert_int_equal(xcv_oid_lookup(hexslice("2a864886f70d01010b00", b, sizeof b)),
                     XCV_OID_UNKNOWN);
    assert_int_equal(xcv_oid_lookup(xcv_slice_empty()), XCV_OID_UNKNOWN);
    assert_int_equal(xcv_oid_lookup(hexslice("551d63", b, sizeof b)), XCV_OID_UNKNOWN);
}

/* Every table entry round-trips: bytes -> id, and the dotted form formats
 * back from the bytes (so the generated table is self-consistent). */
static void test_table_roundtrip(void **state)
{
    (void)state;
    for (int id = 1; id < (int)XCV_OID_COUNT; id++) {
        xcv_slice s = xcv_oid_bytes((xcv_oid_id)id);
        assert_true(s.n > 0);
        assert_int_equal(xcv_oid_lookup(s), id);
        char buf[64];
        size_t n = xcv_oid_format(s, buf, sizeof buf);
        assert_true(n < sizeof buf);
        assert_string_equal(buf, xcv_oid_dotted((xcv_oid_id)id));
        assert_string_not_equal(xcv_oid_name((xcv_oid_id)id), "?");
    }
    assert_int_equal(xcv_oid_bytes(XCV_OID_UNKNOWN).n, 0);
    assert_int_equal(xcv_oid_bytes(XCV_OID_COUNT).n, 0);
    assert_string_equal(xcv_oid_name(XCV_OID_COUNT), "?");
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(xcv_oid_name(XCV_OID_SHA256_RSA), "sha256WithRSAEncryption");
    assert_string_equal(xcv_oid_name(XCV_OID_AT_CN), "CN");
    assert_string_equal(xcv_oid_name(XCV_OID_KP_SERVER_AUTH), "serverAuth");
    assert_string_equal(xcv_oid_name(XCV_OID_EXT_SUBJECT_ALT_NAME), "subjectAltName");
    assert_string_equal(xcv_oid_dotted(XCV_OID_EXT_AUTHORITY_INFO), "1.3.6.1.5.5.7.1.1");
    assert_string_equal(xcv_oid_dotted(XCV_OID_AT_UID), "0.9.2342.19200300.100.1.1");
}

static void test_format(void **state)
{
    (void)state;
    uint8_t b[32];
    char buf[64];
    assert_int_equal(xcv_oid_format(hexslice("2a864886f70d01010b", b, sizeof b), buf, sizeof buf),
                     strlen("1.2.840.113549.1.1.11"));
    assert_string_equal(buf, "1.2.840.113549.1.1.11");
    /* 2.999 (first subidentifier 1079 = 80 + 999) */
    xcv_oid_format(hexslice("8837", b, sizeof b), buf, sizeof buf);
    assert_string_equal(buf, "2.999");
    /* malformed: non-minimal arc, unterminated arc */
    xcv_oid_format(hexslice("2a8001", b, sizeof b), buf, sizeof buf);
    assert_string_equal(buf, "?");
    xcv_oid_format(hexslice("2a86", b, sizeof b), buf, sizeof buf);
    assert_string_equal(buf, "?");
    /* truncation: returns the needed length, NUL-terminates */
    char small[5];
    size_t n = xcv_oid_format(hexslice("551d13", b, sizeof b), small, sizeof small);
    assert_int_equal(n, strlen("2.5.29.19"));
    assert_string_equal(small, "2.5.");
}

static void test_mappings(void **state)
{
    (void)state;
    assert_int_equal(xcv_oid_sig_alg(XCV_OID_MD5_RSA), XCV_SIG_RSA_PKCS1_MD5);
    assert_int_equal(xcv_oid_sig_alg(XCV_OID_SHA512_RSA), XCV_SIG_RSA_PKCS1_SHA512);
    assert_int_equal(xcv_oid_sig_alg(XCV_OID_RSASSA_PSS), XCV_SIG_RSA_PSS);
    assert_int_equal(xcv_oid_sig_alg(XCV_OID_ECDSA_SHA384), XCV_SIG_ECDSA_SHA384);
    assert_int_equal(xcv_oid_sig_alg(XCV_OID_ED448), XCV_SIG_ED448);
    assert_int_equal(xcv_oid_sig_alg(XCV_OID_DSA_SHA256), XCV_SIG_DSA);
    assert_int_equal(xcv_oid_sig_alg(XCV_OID_RSA_ENCRYPTION), XCV_SIG_UNKNOWN);
    assert_int_equal(xcv_oid_ext_bit(XCV_OID_EXT_SCT_LIST), XCV_EXT_SCT_LIST);
    assert_int_equal(xcv_oid_ext_bit(XCV_OID_EXT_INHIBIT_ANY_POLICY), XCV_EXT_INHIBIT_ANY_POLICY);
    assert_int_equal(xcv_oid_ext_bit(XCV_OID_AT_CN), 0);
    assert_int_equal(xcv_oid_eku_bit(XCV_OID_KP_OCSP_SIGNING), XCV_EKU_OCSP_SIGNING);
    assert_int_equal(xcv_oid_eku_bit(XCV_OID_ANY_EKU), XCV_EKU_ANY);
    assert_int_equal(xcv_oid_eku_bit(XCV_OID_ANY_POLICY), 0);
    assert_int_equal(xcv_oid_dn_attr(XCV_OID_AT_ORG_ID), XCV_DN_ORG_ID);
    assert_int_equal(xcv_oid_dn_attr(XCV_OID_AT_EMAIL), XCV_DN_EMAIL);
    assert_int_equal(xcv_oid_dn_attr(XCV_OID_SHA1), XCV_DN_OTHER);
    assert_int_equal(xcv_oid_curve(XCV_OID_P521), XCV_CURVE_P521);
    assert_int_equal(xcv_oid_curve(XCV_OID_SECP256K1), XCV_CURVE_OTHER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_known),    cmocka_unit_test(test_lookup_unknown),
        cmocka_unit_test(test_table_roundtrip), cmocka_unit_test(test_names),
        cmocka_unit_test(test_format),          cmocka_unit_test(test_mappings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
