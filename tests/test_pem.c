/*
 * test_pem.c -- unit tests for src/pem.c (xcv_pem_next): block finding,
 * line endings, strict base64, END matching, buffer capacity, advancing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "xcv.h"

/* "hello world!" (12 bytes) in base64, and shorter tails with padding. */
#define B_HELLO "aGVsbG8gd29ybGQh"     /* "hello world!" */
#define B_HI1   "aGk="                 /* "hi" */
#define B_H2    "aA=="                 /* "h" */

struct pem_case {
    const char *name;
    const char *text;
    xcv_err want;
    const char *want_bytes; /* expected decoded bytes for XCV_OK */
};

static const struct pem_case cases[] = {
    /* accepted */
    {"lf", "-----BEGIN CERTIFICATE-----\n" B_HELLO "\n-----END CERTIFICATE-----\n", XCV_OK,
     "hello world!"},
    {"crlf", "-----BEGIN CERTIFICATE-----\r\n" B_HELLO "\r\n-----END CERTIFICATE-----\r\n",
     XCV_OK, "hello world!"},
    {"no final newline", "-----BEGIN CERTIFICATE-----\n" B_HELLO "\n-----END CERTIFICATE-----",
     XCV_OK, "hello world!"},
    {"text around", "subject=CN=x\nissuer=...\n-----BEGIN CERTIFICATE-----\n" B_HELLO
                    "\n-----END CERTIFICATE-----\ntrailing words\n",
     XCV_OK, "hello world!"},
    {"trusted label", "-----BEGIN TRUSTED CERTIFICATE-----\n" B_HI1
                      "\n-----END TRUSTED CERTIFICATE-----\n",
     XCV_OK, "hi"},
    {"one pad", "-----BEGIN CERTIFICATE-----\n" B_HI1 "\n-----END CERTIFICATE-----\n", XCV_OK,
     "hi"},
    {"two pads", "-----BEGIN CERTIFICATE-----\n" B_H2 "\n-----END CERTIFICATE-----\n", XCV_OK,
     "h"},
    {"split lines", "-----BEGIN CERTIFICATE-----\naGVs\nbG8g\nd29y\nbGQh\n-----END CERTIFICATE-----\n",
     XCV_OK, "hello world!"},
    {"quantum split across lines", "-----BEGIN CERTIFICATE-----\naG\nVsbG8gd29ybGQ\nh\n-----END CERTIFICATE-----\n",
     XCV_OK, "hello world!"},
    {"trailing blanks", "-----BEGIN CERTIFICATE-----  \n" B_HELLO " \t\r\n-----END CERTIFICATE-----\t\n",
     XCV_OK, "hello world!"},
    {"empty line in body", "-----BEGIN CERTIFICATE-----\naGVsbG8g\n\nd29ybGQh\n-----END CERTIFICATE-----\n",
     XCV_OK, "hello world!"},
    {"key block skipped", "-----BEGIN PRIVATE KEY-----\naGk=\n-----END PRIVATE KEY-----\n"
                          "-----BEGIN CERTIFICATE-----\n" B_H2 "\n-----END CERTIFICATE-----\n",
     XCV_OK, "h"},
    {"unterminated other block skipped", "-----BEGIN X509 CRL-----\naGk=\n"
                                         "-----BEGIN CERTIFICATE-----\n" B_H2 "\n-----END CERTIFICATE-----\n",
     XCV_OK, "h"},

    /* not found */
    {"empty input", "", XCV_ERR_PEM_NOT_FOUND, NULL},
    {"only text", "no pem here\n", XCV_ERR_PEM_NOT_FOUND, NULL},
    {"only a key", "-----BEGIN PRIVATE KEY-----\naGk=\n-----END PRIVATE KEY-----\n",
     XCV_ERR_PEM_NOT_FOUND, NULL},
    {"begin not at line start", " -----BEGIN CERTIFICATE-----\naGk=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_NOT_FOUND, NULL},
    {"lowercase label", "-----BEGIN certificate-----\naGk=\n-----END certificate-----\n",
     XCV_ERR_PEM_NOT_FOUND, NULL},
    {"x509 label", "-----BEGIN X509 CERTIFICATE-----\naGk=\n-----END X509 CERTIFICATE-----\n",
     XCV_ERR_PEM_NOT_FOUND, NULL},
    {"begin missing dashes", "-----BEGIN CERTIFICATE\naGk=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_NOT_FOUND, NULL},

    /* no matching END */
    {"no end", "-----BEGIN CERTIFICATE-----\naGk=\n", XCV_ERR_PEM_NO_END, NULL},
    {"end of other label", "-----BEGIN CERTIFICATE-----\naGk=\n-----END PRIVATE KEY-----\n",
     XCV_ERR_PEM_NO_END, NULL},
    {"trusted begin plain end",
     "-----BEGIN TRUSTED CERTIFICATE-----\naGk=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_NO_END, NULL},
    {"second begin before end",
     "-----BEGIN CERTIFICATE-----\naGk=\n-----BEGIN CERTIFICATE-----\naGk=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_NO_END, NULL},
    {"end with garbage", "-----BEGIN CERTIFICATE-----\naGk=\n-----END CERTIFICATE----- x\n",
     XCV_ERR_PEM_NO_END, NULL},

    /* bad base64 */
    {"empty body", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"bad char", "-----BEGIN CERTIFICATE-----\naG*=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"urlsafe char", "-----BEGIN CERTIFICATE-----\naG_=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"missing padding", "-----BEGIN CERTIFICATE-----\naGk\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"too much padding", "-----BEGIN CERTIFICATE-----\naGk==\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"three pads", "-----BEGIN CERTIFICATE-----\na===\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"pad in the middle", "-----BEGIN CERTIFICATE-----\naGk=aGk=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"data after pad in quantum", "-----BEGIN CERTIFICATE-----\naG=k\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"non-canonical one pad", "-----BEGIN CERTIFICATE-----\naGl=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"non-canonical two pads", "-----BEGIN CERTIFICATE-----\naB==\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"leading blank", "-----BEGIN CERTIFICATE-----\n aGk=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"inner blank", "-----BEGIN CERTIFICATE-----\naG k=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"lone CR", "-----BEGIN CERTIFICATE-----\naG\rk=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"rfc1421 header", "-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n\naGk=\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
    {"NUL byte", "-----BEGIN CERTIFICATE-----\naGk=\0\n-----END CERTIFICATE-----\n",
     XCV_ERR_PEM_BAD_BASE64, NULL},
};

static size_t case_len(const struct pem_case *c)
{
    /* The NUL test embeds a NUL: measure up to the END marker's final newline. */
    if (strcmp(c->name, "NUL byte") == 0) {
        return sizeof("-----BEGIN CERTIFICATE-----\naGk=\0\n-----END CERTIFICATE-----\n") - 1;
    }
    return strlen(c->text);
}

static void test_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct pem_case *c = &cases[i];
        uint8_t out[64];
        size_t out_len = 99;
        xcv_slice in = {(const uint8_t *)c->text, case_len(c)};
        xcv_err e = xcv_pem_next(&in, out, sizeof out, &out_len);
        if (e != c->want) {
            print_error("case '%s': got %d want %d\n", c->name, (int)e, (int)c->want);
            fail();
        }
        if (c->want == XCV_OK) {
            assert_int_equal(out_len, strlen(c->want_bytes));
            assert_memory_equal(out, c->want_bytes, out_len);
            /* advanced past the END line: at most trailing text remains */
            assert_true(in.p >= (const uint8_t *)c->text);
            xcv_slice rest = in;
            size_t rest_len = 0;
            assert_int_equal(xcv_pem_next(&rest, out, sizeof out, &rest_len),
                             XCV_ERR_PEM_NOT_FOUND);
        }
    }
}

static void test_two_blocks_and_advance(void **state)
{
    (void)state;
    const char *text = "-----BEGIN CERTIFICATE-----\n" B_HI1 "\n-----END CERTIFICATE-----\n"
                       "between\n"
                       "-----BEGIN CERTIFICATE-----\r\n" B_H2 "\r\n-----END CERTIFICATE-----\r\n"
                       "after\n";
    xcv_slice in = {(const uint8_t *)text, strlen(text)};
    uint8_t out[16];
    size_t n = 0;
    assert_int_equal(xcv_pem_next(&in, out, sizeof out, &n), XCV_OK);
    assert_int_equal(n, 2);
    assert_memory_equal(out, "hi", 2);
    assert_memory_equal(in.p, "between\n", 8);
    assert_int_equal(xcv_pem_next(&in, out, sizeof out, &n), XCV_OK);
    assert_int_equal(n, 1);
    assert_memory_equal(out, "h", 1);
    assert_int_equal(in.n, strlen("after\n"));
    assert_int_equal(xcv_pem_next(&in, out, sizeof out, &n), XCV_ERR_PEM_NOT_FOUND);
    assert_int_equal(in.n, 0);
}

static void test_buffer_small(void **state)
{
    (void)state;
    const char *text = "-----BEGIN CERTIFICATE-----\n" B_HELLO "\n-----END CERTIFICATE-----\n";
    xcv_slice in = {(const uint8_t *)text, strlen(text)};
    uint8_t out[12];
    size_t n = 0;
    /* 11 bytes: one too few; *in unchanged, the size needed reported */
    assert_int_equal(xcv_pem_next(&in, out, 11, &n), XCV_ERR_PEM_BUFFER_SMALL);
    assert_int_equal(n, 12);
    assert_ptr_equal(in.p, (const uint8_t *)text);
    assert_int_equal(in.n, strlen(text));
    /* exactly enough */
    assert_int_equal(xcv_pem_next(&in, out, 12, &n), XCV_OK);
    assert_int_equal(n, 12);
    assert_memory_equal(out, "hello world!", 12);
    /* NULL buffer with zero capacity: only sizes */
    in.p = (const uint8_t *)text;
    in.n = strlen(text);
    assert_int_equal(xcv_pem_next(&in, NULL, 0, &n), XCV_ERR_PEM_BUFFER_SMALL);
    assert_int_equal(n, 12);
}

static void test_skip_broken_block(void **state)
{
    (void)state;
    const char *text = "-----BEGIN CERTIFICATE-----\na!k=\n-----END CERTIFICATE-----\n"
                       "-----BEGIN CERTIFICATE-----\n" B_HI1 "\n-----END CERTIFICATE-----\n";
    xcv_slice in = {(const uint8_t *)text, strlen(text)};
    uint8_t out[16];
    size_t n = 0;
    assert_int_equal(xcv_pem_next(&in, out, sizeof out, &n), XCV_ERR_PEM_BAD_BASE64);
    /* advanced past the broken block's BEGIN line: the next call finds the good one */
    assert_true(in.p > (const uint8_t *)text);
    assert_int_equal(xcv_pem_next(&in, out, sizeof out, &n), XCV_OK);
    assert_int_equal(n, 2);
    assert_memory_equal(out, "hi", 2);
}

static void test_full_alphabet(void **state)
{
    (void)state;
    /* All 64 characters: decodes to 48 bytes 0x00 0x10 0x83 ... */
    const char *text = "-----BEGIN CERTIFICATE-----\n"
                       "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\n"
                       "-----END CERTIFICATE-----\n";
    static const uint8_t want[48] = {
        0x00, 0x10, 0x83, 0x10, 0x51, 0x87, 0x20, 0x92, 0x8b, 0x30, 0xd3, 0x8f,
        0x41, 0x14, 0x93, 0x51, 0x55, 0x97, 0x61, 0x96, 0x9b, 0x71, 0xd7, 0x9f,
        0x82, 0x18, 0xa3, 0x92, 0x59, 0xa7, 0xa2, 0x9a, 0xab, 0xb2, 0xdb, 0xaf,
        0xc3, 0x1c, 0xb3, 0xd3, 0x5d, 0xb7, 0xe3, 0x9e, 0xbb, 0xf3, 0xdf, 0xbf};
    xcv_slice in = {(const uint8_t *)text, strlen(text)};
    uint8_t out[64];
    size_t n = 0;
    assert_int_equal(xcv_pem_next(&in, out, sizeof out, &n), XCV_OK);
    assert_int_equal(n, 48);
    assert_memory_equal(out, want, 48);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    uint8_t out[4];
    size_t n;
    xcv_slice in = {(const uint8_t *)"x", 1};
    assert_int_equal(xcv_pem_next(NULL, out, sizeof out, &n), XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(xcv_pem_next(&in, out, sizeof out, NULL), XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(xcv_pem_next(&in, NULL, 4, &n), XCV_ERR_INVALID_ARGUMENT);
}

static void test_label(void **state)
{
    (void)state;
    const char *text = "-----BEGIN CERTIFICATE-----\n" B_HI1 "\n-----END CERTIFICATE-----\n"
                       "-----BEGIN X509 CRL-----\n" B_H2 "\n-----END X509 CRL-----\n"
                       "-----BEGIN X509 CRL-----\n" B_HI1 "\n-----END X509 CRL---\n"
                       "-----BEGIN X509 CRLS-----\n" B_H2 "\n-----END X509 CRLS-----\n";
    xcv_slice all = {(const uint8_t *)text, strlen(text)};
    xcv_slice in = all;
    uint8_t out[16];
    size_t n = 0;
    /* the CRL block only (the certificate before it is skipped) */
    assert_int_equal(xcv_pem_next_label(&in, "X509 CRL", out, sizeof out, &n), XCV_OK);
    assert_int_equal(n, 1);
    assert_memory_equal(out, "h", 1);
    /* the next one has no matching END line; "X509 CRLS" is another label */
    assert_int_equal(xcv_pem_next_label(&in, "X509 CRL", out, sizeof out, &n),
                     XCV_ERR_PEM_NO_END);
    assert_int_equal(xcv_pem_next_label(&in, "X509 CRL", out, sizeof out, &n),
                     XCV_ERR_PEM_NOT_FOUND);
    /* xcv_pem_next still sees only the certificate */
    in = all;
    assert_int_equal(xcv_pem_next(&in, out, sizeof out, &n), XCV_OK);
    assert_int_equal(n, 2);
    assert_int_equal(xcv_pem_next(&in, out, sizeof out, &n), XCV_ERR_PEM_NOT_FOUND);
    /* a label names exactly one kind: CERTIFICATE here excludes TRUSTED CERTIFICATE */
    const char *trusted = "-----BEGIN TRUSTED CERTIFICATE-----\n" B_HI1
                          "\n-----END TRUSTED CERTIFICATE-----\n";
    in.p = (const uint8_t *)trusted;
    in.n = strlen(trusted);
    assert_int_equal(xcv_pem_next_label(&in, "CERTIFICATE", out, sizeof out, &n),
                     XCV_ERR_PEM_NOT_FOUND);
    in = all;
    assert_int_equal(xcv_pem_next_label(&in, NULL, out, sizeof out, &n),
                     XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(xcv_pem_next_label(&in, "", out, sizeof out, &n), XCV_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_two_blocks_and_advance),
        cmocka_unit_test(test_buffer_small),
        cmocka_unit_test(test_skip_broken_block),
        cmocka_unit_test(test_full_alphabet),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
