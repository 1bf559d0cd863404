/*
 * test_regressions.c -- unit tests for bugs found by the fuzz targets, one
 * test per bug, each next to its reproducer in fuzz/regressions/<target>/
 * (which ctest also replays through the target: tests/fuzz_replay.cmake).
 *
 * 1. fuzz_diff_openssl, fuzz/regressions/diff_openssl/spki-params-bad-boolean:
 *    xcv accepted an AlgorithmIdentifier of an unknown algorithm whose
 *    parameters were a BOOLEAN of 8 octets (OpenSSL rejects it). Fixed in
 *    src/cert.c read_alg_id: a universal primitive BOOLEAN, INTEGER, NULL or
 *    OBJECT IDENTIFIER there must be a valid value of its type.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "hex.h"
#include "xcv.h"

/* SubjectPublicKeyInfo with algorithm 1.2.3.4 (unknown), the given
 * parameters TLV (hex) and a 4-octet key. */
static xcv_err spki_with_params(const char *params_hex)
{
    uint8_t params[64];
    size_t pn = xcv_test_hex(params_hex, params, sizeof params);
    assert_true(pn != (size_t)-1 && pn < 64);
    uint8_t b[128];
    size_t n = 0;
    size_t alg_len = 5 + pn;           /* 06 03 2a 03 04 + params */
    size_t body = 2 + alg_len + 7;     /* AlgorithmIdentifier + BIT STRING 03 05 00 xx xx xx xx */
    b[n++] = 0x30;
    b[n++] = (uint8_t)body;
    b[n++] = 0x30;
    b[n++] = (uint8_t)alg_len;
    static const uint8_t oid[] = {0x06, 0x03, 0x2a, 0x03, 0x04};
    memcpy(b + n, oid, sizeof oid);
    n += sizeof oid;
    memcpy(b + n, params, pn);
    n += pn;
    static const uint8_t key[] = {0x03, 0x05, 0x00, 0x01, 0x02, 0x03, 0x04};
    memcpy(b + n, key, sizeof key);
    n += sizeof key;
    struct xcv_pubkey k;
    return xcv_pubkey_parse((xcv_slice){b, n}, &k);
}

static void test_alg_params_primitive_content(void **state)
{
    (void)state;
    /* accepted: valid primitives, and types whose content stays opaque */
    assert_int_equal(spki_with_params("0101ff"), XCV_OK);
    assert_int_equal(spki_with_params("0500"), XCV_OK);
    assert_int_equal(spki_with_params("020105"), XCV_OK);
    assert_int_equal(spki_with_params("06032a0305"), XCV_OK);
    assert_int_equal(spki_with_params("0403010203"), XCV_OK);
    assert_int_equal(spki_with_params("3003020101"), XCV_OK);
    /* rejected: the fuzzer's BOOLEAN of 8 octets, and its relatives */
    assert_int_equal(spki_with_params("01082a8648ce3d030107"), XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(spki_with_params("010101"), XCV_ERR_CERT_BAD_SPKI); /* DER TRUE is ff */
    assert_int_equal(spki_with_params("050100"), XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(spki_with_params("02020001"), XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(spki_with_params("0200"), XCV_ERR_CERT_BAD_SPKI);
    assert_int_equal(spki_with_params("0602802a"), XCV_ERR_CERT_BAD_SPKI);
}

static void test_alg_params_reproducer(void **state)
{
    (void)state;
    size_t n = 0;
    uint8_t *der = xcv_test_read_file("fuzz/regressions/diff_openssl/spki-params-bad-boolean", &n);
    assert_non_null(der);
    struct xcv_cert c;
    assert_int_equal(xcv_cert_parse((xcv_slice){der, n}, &c, NULL), XCV_ERR_CERT_BAD_SPKI);
    free(der);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alg_params_primitive_content),
        cmocka_unit_test(test_alg_params_reproducer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
