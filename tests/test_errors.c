/*
 * test_errors.c -- every xcv_err value has its own stable name (the
 * enumerator's spelling) and a non-empty one-sentence message; unknown
 * values map to "XCV_ERR_?" / "unknown error".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "xcv.h"

struct err_case {
    xcv_err value;
    const char *spelling;
};

#define ROW(id) {id, #id}

/* Every enumerator of xcv_err in include/xcv.h. */
static const struct err_case all_errors[] = {
    ROW(XCV_OK),
    ROW(XCV_ERR_DER_TRUNCATED),
    ROW(XCV_ERR_DER_UNEXPECTED_TAG),
    ROW(XCV_ERR_DER_HIGH_TAG),
    ROW(XCV_ERR_DER_INDEFINITE_LENGTH),
    ROW(XCV_ERR_DER_NON_MINIMAL_LENGTH),
    ROW(XCV_ERR_DER_LENGTH_OVERFLOW),
    ROW(XCV_ERR_DER_TRAILING_DATA),
    ROW(XCV_ERR_DER_BAD_INTEGER),
    ROW(XCV_ERR_DER_BAD_BOOLEAN),
    ROW(XCV_ERR_DER_BAD_BIT_STRING),
    ROW(XCV_ERR_DER_BAD_OID),
    ROW(XCV_ERR_DER_BAD_TIME),
    ROW(XCV_ERR_DER_BAD_STRING),
    ROW(XCV_ERR_DER_TOO_DEEP),
    ROW(XCV_ERR_DER_BAD_NULL),
    ROW(XCV_ERR_DER_DEFAULT_ENCODED),
    ROW(XCV_ERR_DER_INTEGER_RANGE),
    ROW(XCV_ERR_PEM_NOT_FOUND),
    ROW(XCV_ERR_PEM_BAD_BASE64),
    ROW(XCV_ERR_PEM_NO_END),
    ROW(XCV_ERR_PEM_BUFFER_SMALL),
    ROW(XCV_ERR_CERT_BAD_VERSION),
    ROW(XCV_ERR_CERT_BAD_SERIAL),
    ROW(XCV_ERR_CERT_SIG_ALG_MISMATCH),
    ROW(XCV_ERR_CERT_BAD_ALGORITHM),
    ROW(XCV_ERR_CERT_BAD_VALIDITY),
    ROW(XCV_ERR_CERT_BAD_NAME),
    ROW(XCV_ERR_CERT_BAD_SPKI),
    ROW(XCV_ERR_CERT_BAD_RSA_KEY),
    ROW(XCV_ERR_CERT_BAD_EC_KEY),
    ROW(XCV_ERR_CERT_UNIQUE_ID_NOT_ALLOWED),
    ROW(XCV_ERR_CERT_EXTENSIONS_NOT_ALLOWED),
    ROW(XCV_ERR_CERT_BAD_EXTENSIONS),
    ROW(XCV_ERR_CERT_BAD_EXTENSION),
    ROW(XCV_ERR_CERT_DUPLICATE_EXTENSION),
    ROW(XCV_ERR_CERT_UNKNOWN_CRITICAL_EXTENSION),
    ROW(XCV_ERR_CERT_BAD_SIGNATURE_VALUE),
    ROW(XCV_ERR_CERT_NEGATIVE_SERIAL),
    ROW(XCV_ERR_CERT_ZERO_SERIAL),
    ROW(XCV_ERR_CERT_EMPTY_EXTENSIONS),
    ROW(XCV_ERR_CERT_BAD_SAN),
    ROW(XCV_ERR_CERT_EMPTY_SUBJECT_NO_SAN),
    ROW(XCV_ERR_CERT_EMPTY_ISSUER),
    ROW(XCV_ERR_UNKNOWN_ISSUER),
    ROW(XCV_ERR_BAD_SIGNATURE),
    ROW(XCV_ERR_EXPIRED),
    ROW(XCV_ERR_NOT_YET_VALID),
    ROW(XCV_ERR_NOT_A_CA),
    ROW(XCV_ERR_PATH_LEN_EXCEEDED),
    ROW(XCV_ERR_PATH_TOO_LONG),
    ROW(XCV_ERR_CA_KEY_USAGE),
    ROW(XCV_ERR_LEAF_KEY_USAGE),
    ROW(XCV_ERR_EKU_NOT_ALLOWED),
    ROW(XCV_ERR_LEAF_IS_CA),
    ROW(XCV_ERR_UNSUPPORTED_ALGORITHM),
    ROW(XCV_ERR_INSECURE_ALGORITHM),
    ROW(XCV_ERR_RSA_KEY_TOO_SMALL),
    ROW(XCV_ERR_BAD_RSA_EXPONENT),
    ROW(XCV_ERR_BAD_EC_POINT),
    ROW(XCV_ERR_UNSUPPORTED_KEY),
    ROW(XCV_ERR_KEY_ALG_MISMATCH),
    ROW(XCV_ERR_ANCHOR_EXPIRED),
    ROW(XCV_ERR_BAD_PSS_PARAMS),
    ROW(XCV_ERR_BAD_ECDSA_SIGNATURE),
    ROW(XCV_ERR_V1_CA),
    ROW(XCV_ERR_VALIDITY_ORDER),
    ROW(XCV_ERR_PIN_EXPIRED),
    ROW(XCV_ERR_NAME_MISMATCH),
    ROW(XCV_ERR_BAD_REFERENCE),
    ROW(XCV_ERR_REFERENCE_NOT_ASCII),
    ROW(XCV_ERR_NAME_NOT_PERMITTED),
    ROW(XCV_ERR_NAME_EXCLUDED),
    ROW(XCV_ERR_NC_UNSUPPORTED),
    ROW(XCV_ERR_NC_MALFORMED),
    ROW(XCV_ERR_BAD_SAN_NAME),
    ROW(XCV_ERR_SIGNATURE_BUDGET),
    ROW(XCV_ERR_CANDIDATE_BUDGET),
    ROW(XCV_ERR_NC_BUDGET),
    ROW(XCV_ERR_POLICY_BUDGET),
    ROW(XCV_ERR_REVOKED),
    ROW(XCV_ERR_CRL_MALFORMED),
    ROW(XCV_ERR_CRL_BAD_SIGNATURE),
    ROW(XCV_ERR_CRL_EXPIRED),
    ROW(XCV_ERR_CRL_NOT_YET_VALID),
    ROW(XCV_ERR_CRL_MISSING),
    ROW(XCV_ERR_CRL_ISSUER_NO_CRLSIGN),
    ROW(XCV_ERR_CRL_UNKNOWN_CRITICAL),
    ROW(XCV_ERR_CRL_UNSUPPORTED),
    ROW(XCV_ERR_POLICY_MALFORMED),
    ROW(XCV_ERR_POLICY_REQUIRED),
    ROW(XCV_ERR_POLICY_MAPPING_ANY),
    ROW(XCV_ERR_POLICY_CAPACITY),
    ROW(XCV_ERR_INVALID_ARGUMENT),
    ROW(XCV_ERR_NO_CERTIFICATES),
    ROW(XCV_ERR_TOO_MANY_CERTIFICATES),
    ROW(XCV_ERR_BUFFER_TOO_SMALL),
    ROW(XCV_ERR_STORE_FULL),
};

#define N_ERRORS (sizeof(all_errors) / sizeof(all_errors[0]))

static void test_every_value_named(void **state)
{
    (void)state;
    assert_int_equal(N_ERRORS, 98);
    for (size_t i = 0; i < N_ERRORS; i++) {
        const char *name = xcv_err_name(all_errors[i].value);
        const char *msg = xcv_strerror(all_errors[i].value);
        assert_non_null(name);
        assert_non_null(msg);
        assert_string_equal(name, all_errors[i].spelling);
        assert_string_not_equal(name, "XCV_ERR_?");
        assert_true(strlen(msg) > 10);
        assert_string_not_equal(msg, "unknown error");
        /* One sentence: starts upper-case, ends with a period. */
        assert_true(msg[0] >= 'A' && msg[0] <= 'Z');
        assert_int_equal(msg[strlen(msg) - 1], '.');
    }
}

static void test_messages_distinct(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_ERRORS; i++) {
        for (size_t j = i + 1; j < N_ERRORS; j++) {
            assert_int_not_equal(all_errors[i].value, all_errors[j].value);
            assert_string_not_equal(xcv_strerror(all_errors[i].value),
                                    xcv_strerror(all_errors[j].value));
        }
    }
}

static void test_specific_values(void **state)
{
    (void)state;
    /* Values are stable API. */
    assert_int_equal(XCV_ERR_DER_TRUNCATED, 100);
    assert_int_equal(XCV_ERR_UNKNOWN_ISSUER, 300);
    assert_int_equal(XCV_ERR_STORE_FULL, 904);
    assert_string_equal(xcv_err_name(XCV_OK), "XCV_OK");
    assert_string_equal(xcv_err_name(XCV_ERR_UNKNOWN_ISSUER), "XCV_ERR_UNKNOWN_ISSUER");
}

static void test_unknown_values(void **state)
{
    (void)state;
    static const int unknown[] = {-1, 1, 99, 117, 149, 154, 199, 222, 299, 324, 399, 408,
                                  499, 504, 599, 609, 699, 704, 899, 905, 1000, 65535, 2147483647};
    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
        xcv_err e = (xcv_err)unknown[i];
        assert_string_equal(xcv_err_name(e), "XCV_ERR_?");
        assert_string_equal(xcv_strerror(e), "unknown error");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_value_named),
        cmocka_unit_test(test_messages_distinct),
        cmocka_unit_test(test_specific_values),
        cmocka_unit_test(test_unknown_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
