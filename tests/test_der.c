/*
 * test_der.c -- table-driven tests of the strict DER reader (src/der.c).
 *
 * Each table row is {name, hex, expected error, ...}: an accept and a reject
 * row per rule. Inputs are copied into exact-size heap buffers so that the
 * sanitizer catches any read past the end; every reject row also checks
 * that the reader did not move.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "der.h"
#include "hex.h"

/* Decodes hex plus pad zero bytes into an exact-size malloc'd buffer. */
static uint8_t *load(const char *hex, size_t pad, size_t *out_n)
{
    uint8_t tmp[512];
    size_t n = xcv_test_hex(hex, tmp, sizeof(tmp));
    assert_true(n != (size_t)-1);
    uint8_t *buf = malloc(n + pad + 1); /* +1 so malloc(0) is never asked */
    assert_non_null(buf);
    memcpy(buf, tmp, n);
    memset(buf + n, 0, pad);
    *out_n = n + pad;
    return buf;
}

static void check_err(const char *name, xcv_err got, xcv_err want)
{
    if (got != want) {
        print_error("row \"%s\": got %s (%d), want %s (%d)\n", name, xcv_err_name(got), (int)got,
                    xcv_err_name(want), (int)want);
        fail();
    }
}

/* ------------------------------------------------------------------------ */
/* TLV: tags and lengths                                                    */
/* ------------------------------------------------------------------------ */

struct tlv_row {
    const char *name;
    const char *hex;
    size_t pad;       /* zero bytes appended (for long values) */
    xcv_err err;
    uint8_t tag;      /* on success */
    size_t value_len; /* on success */
    size_t tlv_len;   /* on success: bytes consumed */
};

static const struct tlv_row tlv_rows[] = {
    {"short form 0", "05 00", 0, XCV_OK, 0x05, 0, 2},
    {"short form 1", "02 01 05", 0, XCV_OK, 0x02, 1, 3},
    {"short form 127", "04 7F", 127, XCV_OK, 0x04, 127, 129},
    {"long form 128", "04 81 80", 128, XCV_OK, 0x04, 128, 131},
    {"long form 255", "04 81 FF", 255, XCV_OK, 0x04, 255, 258},
    {"long form 256 (2 octets)", "04 82 01 00", 256, XCV_OK, 0x04, 256, 260},
    {"trailing bytes stay in reader", "05 00 05 00", 0, XCV_OK, 0x05, 0, 2},
    {"context primitive [0]", "80 01 AA", 0, XCV_OK, 0x80, 1, 3},
    {"context constructed [3]", "A3 00", 0, XCV_OK, 0xA3, 0, 2},
    {"tag number 30 (low form max)", "1E 00", 0, XCV_OK, 0x1E, 0, 2},
    {"empty input", "", 0, XCV_ERR_DER_TRUNCATED, 0, 0, 0},
    {"tag without length", "30", 0, XCV_ERR_DER_TRUNCATED, 0, 0, 0},
    {"value past buffer", "04 03 01 02", 0, XCV_ERR_DER_TRUNCATED, 0, 0, 0},
    {"long form octets past buffer", "04 82 01", 0, XCV_ERR_DER_TRUNCATED, 0, 0, 0},
    {"long form value past buffer", "04 81 80", 127, XCV_ERR_DER_TRUNCATED, 0, 0, 0},
    {"indefinite length", "30 80 00 00", 0, XCV_ERR_DER_INDEFINITE_LENGTH, 0, 0, 0},
    {"long form for 127", "04 81 7F", 127, XCV_ERR_DER_NON_MINIMAL_LENGTH, 0, 0, 0},
    {"long form for 0", "04 81 00", 0, XCV_ERR_DER_NON_MINIMAL_LENGTH, 0, 0, 0},
    {"leading zero length octet", "04 82 00 80", 128, XCV_ERR_DER_NON_MINIMAL_LENGTH, 0, 0, 0},
    {"two octets for 255", "04 82 00 FF", 255, XCV_ERR_DER_NON_MINIMAL_LENGTH, 0, 0, 0},
    {"4 length octets, huge", "04 84 7F FF FF FF", 0, XCV_ERR_DER_TRUNCATED, 0, 0, 0},
    {"5 length octets", "04 85 01 00 00 00 00", 0, XCV_ERR_DER_LENGTH_OVERFLOW, 0, 0, 0},
    {"8 length octets", "04 88 00 00 00 00 00 00 00 01", 0, XCV_ERR_DER_LENGTH_OVERFLOW, 0, 0,
     0},
    {"length 0xFF (reserved)", "04 FF", 0, XCV_ERR_DER_LENGTH_OVERFLOW, 0, 0, 0},
    {"high tag universal", "1F 20 00", 0, XCV_ERR_DER_HIGH_TAG, 0, 0, 0},
    {"high tag context", "9F 22 00", 0, XCV_ERR_DER_HIGH_TAG, 0, 0, 0},
    {"high tag constructed private", "FF 81 00 00", 0, XCV_ERR_DER_HIGH_TAG, 0, 0, 0},
    {"end-of-contents tag", "00 00", 0, XCV_ERR_DER_UNEXPECTED_TAG, 0, 0, 0},
};

static void test_tlv_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(tlv_rows) / sizeof(tlv_rows[0]); i++) {
        const struct tlv_row *r = &tlv_rows[i];
        size_t n = 0;
        uint8_t *buf = load(r->hex, r->pad, &n);
        xcv_slice rd = xcv_slice_make(buf, n);
        uint8_t tag = 0;
        xcv_slice value = xcv_slice_empty();
        xcv_slice tlv = xcv_slice_empty();
        xcv_err e = xcv_der_read_any(&rd, &tag, &value, &tlv);
        check_err(r->name, e, r->err);
        if (e == XCV_OK) {
            assert_int_equal(tag, r->tag);
            assert_int_equal(value.n, r->value_len);
            assert_int_equal(tlv.n, r->tlv_len);
            assert_ptr_equal(tlv.p, buf);
            assert_ptr_equal(value.p + value.n, buf + r->tlv_len);
            assert_ptr_equal(rd.p, buf + r->tlv_len);
            assert_int_equal(rd.n, n - r->tlv_len);
        } else {
            assert_ptr_equal(rd.p, buf);
            assert_int_equal(rd.n, n);
        }
        free(buf);
    }
}

static void test_read_tag_helpers(void **state)
{
    (void)state;
    size_t n = 0;
    uint8_t *buf = load("02 01 05 A0 03 01 01 FF 30 00", 0, &n);
    xcv_slice rd = xcv_slice_make(buf, n);
    xcv_slice v;
    xcv_slice tlv;
    int present = -1;

    /* Wrong tag: error and no move. */
    assert_int_equal(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &v), XCV_ERR_DER_UNEXPECTED_TAG);
    assert_int_equal(rd.n, n);
    assert_true(xcv_der_peek(&rd, XCV_TAG_INTEGER));
    assert_false(xcv_der_peek(&rd, XCV_TAG_SEQUENCE));

    /* Optional absent: no move. */
    assert_int_equal(xcv_der_read_optional(&rd, XCV_TAG_CTX_CONS(0), &v, &present), XCV_OK);
    assert_int_equal(present, 0);
    assert_int_equal(rd.n, n);

    assert_int_equal(xcv_der_read_tlv(&rd, XCV_TAG_INTEGER, &v, &tlv), XCV_OK);
    assert_int_equal(v.n, 1);
    assert_int_equal(v.p[0], 5);
    assert_int_equal(tlv.n, 3);
    assert_int_equal(xcv_der_end(rd), XCV_ERR_DER_TRAILING_DATA);

    /* Optional present. */
    assert_int_equal(xcv_der_read_optional(&rd, XCV_TAG_CTX_CONS(0), &v, &present), XCV_OK);
    assert_int_equal(present, 1);
    assert_int_equal(v.n, 3);
    int b = 0;
    xcv_slice inner = v;
    xcv_slice bv;
    assert_int_equal(xcv_der_read(&inner, XCV_TAG_BOOLEAN, &bv), XCV_OK);
    assert_int_equal(xcv_der_boolean(bv, &b), XCV_OK);
    assert_int_equal(b, 1);
    assert_int_equal(xcv_der_end(inner), XCV_OK);

    assert_int_equal(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &v), XCV_OK);
    assert_int_equal(v.n, 0);
    assert_int_equal(xcv_der_end(rd), XCV_OK);
    assert_false(xcv_der_peek(&rd, XCV_TAG_SEQUENCE));

    /* Optional present but malformed: error, no move. */
    free(buf);
    buf = load("A0 05 01", 0, &n);
    rd = xcv_slice_make(buf, n);
    present = -1;
    assert_int_equal(xcv_der_read_optional(&rd, XCV_TAG_CTX_CONS(0), &v, &present),
                     XCV_ERR_DER_TRUNCATED);
    assert_int_equal(rd.n, n);
    free(buf);
}

/* ------------------------------------------------------------------------ */
/* INTEGER                                                                   */
/* ------------------------------------------------------------------------ */

struct content_row {
    const char *name;
    const char *hex;
    xcv_err err;
};

static const struct content_row integer_rows[] = {
    {"zero", "00", XCV_OK},
    {"one", "01", XCV_OK},
    {"127", "7F", XCV_OK},
    {"128 needs sign octet", "00 80", XCV_OK},
    {"-1", "FF", XCV_OK},
    {"-128", "80", XCV_OK},
    {"-129", "FF 7F", XCV_OK},
    {"long positive", "01 02 03 04 05 06 07 08 09", XCV_OK},
    {"empty", "", XCV_ERR_DER_BAD_INTEGER},
    {"redundant 00", "00 7F", XCV_ERR_DER_BAD_INTEGER},
    {"redundant 00 00", "00 00", XCV_ERR_DER_BAD_INTEGER},
    {"redundant FF", "FF 80", XCV_ERR_DER_BAD_INTEGER},
    {"redundant FF FF", "FF FF", XCV_ERR_DER_BAD_INTEGER},
};

static void test_integer_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(integer_rows) / sizeof(integer_rows[0]); i++) {
        size_t n = 0;
        uint8_t *buf = load(integer_rows[i].hex, 0, &n);
        check_err(integer_rows[i].name, xcv_der_check_integer(xcv_slice_make(buf, n)),
                  integer_rows[i].err);
        free(buf);
    }
}

static void test_read_integer(void **state)
{
    (void)state;
    size_t n = 0;
    uint8_t *buf = load("02 02 00 7F", 0, &n);
    xcv_slice rd = xcv_slice_make(buf, n);
    xcv_slice v;
    assert_int_equal(xcv_der_read_integer(&rd, &v), XCV_ERR_DER_BAD_INTEGER);
    assert_int_equal(rd.n, n);
    free(buf);
    buf = load("02 02 00 80", 0, &n);
    rd = xcv_slice_make(buf, n);
    assert_int_equal(xcv_der_read_integer(&rd, &v), XCV_OK);
    assert_int_equal(v.n, 2);
    assert_int_equal(rd.n, 0);
    free(buf);
    buf = load("04 01 00", 0, &n);
    rd = xcv_slice_make(buf, n);
    assert_int_equal(xcv_der_read_integer(&rd, &v), XCV_ERR_DER_UNEXPECTED_TAG);
    free(buf);
}

struct small_row {
    const char *name;
    const char *hex;
    uint64_t max;
    xcv_err err;
    uint64_t value;
};

static const struct small_row small_rows[] = {
    {"zero", "00", 10, XCV_OK, 0},
    {"max exactly", "0A", 10, XCV_OK, 10},
    {"above max", "0B", 10, XCV_ERR_DER_INTEGER_RANGE, 0},
    {"255 with sign octet", "00 FF", 255, XCV_OK, 255},
    {"negative", "FF", 10, XCV_ERR_DER_INTEGER_RANGE, 0},
    {"negative -128", "80", UINT64_MAX, XCV_ERR_DER_INTEGER_RANGE, 0},
    {"uint64 max", "00 FF FF FF FF FF FF FF FF", UINT64_MAX, XCV_OK, UINT64_MAX},
    {"2^64", "01 00 00 00 00 00 00 00 00", UINT64_MAX, XCV_ERR_DER_INTEGER_RANGE, 0},
    {"8 octets", "7F FF FF FF FF FF FF FF", UINT64_MAX, XCV_OK, 0x7FFFFFFFFFFFFFFFull},
    {"non-minimal", "00 05", 10, XCV_ERR_DER_BAD_INTEGER, 0},
    {"empty", "", 10, XCV_ERR_DER_BAD_INTEGER, 0},
};

static void test_integer_small_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(small_rows) / sizeof(small_rows[0]); i++) {
        const struct small_row *r = &small_rows[i];
        size_t n = 0;
        uint8_t *buf = load(r->hex, 0, &n);
        uint64_t v = 12345;
        check_err(r->name, xcv_der_integer_small(xcv_slice_make(buf, n), r->max, &v), r->err);
        if (r->err == XCV_OK) {
            assert_true(v == r->value);
        }
        free(buf);
    }
}

struct unsigned_row {
    const char *name;
    const char *hex;
    xcv_err err;
    size_t skip; /* magnitude starts this many octets in */
};

static const struct unsigned_row unsigned_rows[] = {
    {"small", "01 00 01", XCV_OK, 0},
    {"sign octet stripped", "00 80 00", XCV_OK, 1},
    {"zero stays one octet", "00", XCV_OK, 0},
    {"negative", "80 00", XCV_ERR_DER_INTEGER_RANGE, 0},
    {"non-minimal", "00 00 80", XCV_ERR_DER_BAD_INTEGER, 0},
    {"empty", "", XCV_ERR_DER_BAD_INTEGER, 0},
};

static void test_integer_unsigned_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(unsigned_rows) / sizeof(unsigned_rows[0]); i++) {
        const struct unsigned_row *r = &unsigned_rows[i];
        size_t n = 0;
        uint8_t *buf = load(r->hex, 0, &n);
        xcv_slice m = xcv_slice_empty();
        check_err(r->name, xcv_der_integer_unsigned(xcv_slice_make(buf, n), &m), r->err);
        if (r->err == XCV_OK) {
            assert_ptr_equal(m.p, buf + r->skip);
            assert_int_equal(m.n, n - r->skip);
        }
        free(buf);
    }
}

/* ------------------------------------------------------------------------ */
/* BOOLEAN, NULL                                                             */
/* ------------------------------------------------------------------------ */

static const struct content_row boolean_rows[] = {
    {"false", "00", XCV_OK},
    {"true", "FF", XCV_OK},
    {"true as 01 (BER)", "01", XCV_ERR_DER_BAD_BOOLEAN},
    {"true as 7F", "7F", XCV_ERR_DER_BAD_BOOLEAN},
    {"empty", "", XCV_ERR_DER_BAD_BOOLEAN},
    {"two octets", "FF FF", XCV_ERR_DER_BAD_BOOLEAN},
    {"two octets 00", "00 00", XCV_ERR_DER_BAD_BOOLEAN},
};

static void test_boolean_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(boolean_rows) / sizeof(boolean_rows[0]); i++) {
        size_t n = 0;
        uint8_t *buf = load(boolean_rows[i].hex, 0, &n);
        int b = -1;
        check_err(boolean_rows[i].name, xcv_der_boolean(xcv_slice_make(buf, n), &b),
                  boolean_rows[i].err);
        if (boolean_rows[i].err == XCV_OK) {
            assert_int_equal(b, buf[0] == 0xFF ? 1 : 0);
        }
        free(buf);
    }
}

static const struct content_row null_rows[] = {
    {"empty", "", XCV_OK},
    {"one octet", "00", XCV_ERR_DER_BAD_NULL},
    {"two octets", "05 00", XCV_ERR_DER_BAD_NULL},
};

static void test_null_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(null_rows) / sizeof(null_rows[0]); i++) {
        size_t n = 0;
        uint8_t *buf = load(null_rows[i].hex, 0, &n);
        check_err(null_rows[i].name, xcv_der_check_null(xcv_slice_make(buf, n)),
                  null_rows[i].err);
        free(buf);
    }
}

/* ------------------------------------------------------------------------ */
/* BIT STRING                                                                */
/* ------------------------------------------------------------------------ */

struct bits_row {
    const char *name;
    const char *hex;
    xcv_err err;
    unsigned unused;
};

static const struct bits_row bit_string_rows[] = {
    {"empty string", "00", XCV_OK, 0},
    {"one octet", "00 A5", XCV_OK, 0},
    {"7 unused, padding zero", "07 80", XCV_OK, 7},
    {"3 unused, padding zero", "03 F8", XCV_OK, 3},
    {"1 unused, padding zero", "01 02 FE", XCV_OK, 1},
    {"no unused-bits octet", "", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"unused 8", "08 00", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"unused FF", "FF 00", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"empty with unused 1", "01", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"empty with unused 7", "07", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"padding bit set (1 unused)", "01 01", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"padding bit set (7 unused)", "07 C0", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"padding bit set (3 unused)", "03 FC", XCV_ERR_DER_BAD_BIT_STRING, 0},
};

static void test_bit_string_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(bit_string_rows) / sizeof(bit_string_rows[0]); i++) {
        const struct bits_row *r = &bit_string_rows[i];
        size_t n = 0;
        uint8_t *buf = load(r->hex, 0, &n);
        xcv_slice bits = xcv_slice_empty();
        unsigned unused = 99;
        check_err(r->name, xcv_der_bit_string(xcv_slice_make(buf, n), &bits, &unused), r->err);
        if (r->err == XCV_OK) {
            assert_int_equal(unused, r->unused);
            assert_ptr_equal(bits.p, buf + 1);
            assert_int_equal(bits.n, n - 1);
        }
        free(buf);
    }
}

static const struct content_row octets_rows[] = {
    {"no unused", "00 01 02", XCV_OK},
    {"empty", "00", XCV_OK},
    {"unused 1", "01 02", XCV_ERR_DER_BAD_BIT_STRING},
    {"missing octet", "", XCV_ERR_DER_BAD_BIT_STRING},
    {"unused 9", "09 00", XCV_ERR_DER_BAD_BIT_STRING},
};

static void test_bit_string_octets_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(octets_rows) / sizeof(octets_rows[0]); i++) {
        size_t n = 0;
        uint8_t *buf = load(octets_rows[i].hex, 0, &n);
        xcv_slice bits = xcv_slice_empty();
        check_err(octets_rows[i].name, xcv_der_bit_string_octets(xcv_slice_make(buf, n), &bits),
                  octets_rows[i].err);
        if (octets_rows[i].err == XCV_OK) {
            assert_int_equal(bits.n, n - 1);
        }
        free(buf);
    }
}

struct named_row {
    const char *name;
    const char *hex;
    xcv_err err;
    uint32_t bits;
};

static const struct named_row named_rows[] = {
    {"empty list", "00", XCV_OK, 0},
    {"digitalSignature (bit 0)", "07 80", XCV_OK, 1u << 0},
    {"keyCertSign+cRLSign (bits 5,6)", "01 06", XCV_OK, (1u << 5) | (1u << 6)},
    {"digitalSignature+keyEncipherment", "05 A0", XCV_OK, (1u << 0) | (1u << 2)},
    {"decipherOnly (bit 8)", "07 00 80", XCV_OK, 1u << 8},
    {"all 9 keyUsage bits", "07 FF 80", XCV_OK, 0x1FFu},
    {"bit 7 exactly, no unused", "00 01", XCV_OK, 1u << 7},
    {"bit 31", "00 00 00 00 01", XCV_OK, 1u << 31},
    {"bit 32", "07 00 00 00 00 80", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"trailing zero bit (unused 0)", "00 A0", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"trailing zero bit (unused 5)", "05 C0", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"trailing zero octet", "07 80 00", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"all zero octet", "00 00", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"padding bit set", "06 81", XCV_ERR_DER_BAD_BIT_STRING, 0},
    {"missing unused octet", "", XCV_ERR_DER_BAD_BIT_STRING, 0},
};

static void test_named_bits_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(named_rows) / sizeof(named_rows[0]); i++) {
        const struct named_row *r = &named_rows[i];
        size_t n = 0;
        uint8_t *buf = load(r->hex, 0, &n);
        uint32_t bits = 0xDEADBEEFu;
        check_err(r->name, xcv_der_named_bits(xcv_slice_make(buf, n), &bits), r->err);
        if (r->err == XCV_OK) {
            assert_int_equal(bits, r->bits);
        }
        free(buf);
    }
}

/* ------------------------------------------------------------------------ */
/* OID                                                                       */
/* ------------------------------------------------------------------------ */

static const struct content_row oid_rows[] = {
    {"2.5.4.3 (CN)", "55 04 03", XCV_OK},
    {"1.2.840.113549.1.1.11", "2A 86 48 86 F7 0D 01 01 0B", XCV_OK},
    {"single arc 0.0", "00", XCV_OK},
    {"arc 2^64-1", "01 81 FF FF FF FF FF FF FF FF 7F", XCV_OK},
    {"empty", "", XCV_ERR_DER_BAD_OID},
    {"leading 0x80 in first arc", "80 01", XCV_ERR_DER_BAD_OID},
    {"leading 0x80 in later arc", "2A 80 48", XCV_ERR_DER_BAD_OID},
    {"last octet continues", "2A 86", XCV_ERR_DER_BAD_OID},
    {"only continuation", "81", XCV_ERR_DER_BAD_OID},
    {"arc 2^64", "01 82 80 80 80 80 80 80 80 80 00", XCV_ERR_DER_BAD_OID},
    {"arc far too long", "01 FF FF FF FF FF FF FF FF FF FF FF 7F", XCV_ERR_DER_BAD_OID},
};

static void test_oid_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(oid_rows) / sizeof(oid_rows[0]); i++) {
        size_t n = 0;
        uint8_t *buf = load(oid_rows[i].hex, 0, &n);
        check_err(oid_rows[i].name, xcv_der_check_oid(xcv_slice_make(buf, n)), oid_rows[i].err);
        free(buf);
    }
}

/* ------------------------------------------------------------------------ */
/* Strings                                                                   */
/* ------------------------------------------------------------------------ */

struct string_row {
    const char *name;
    uint8_t tag;
    const char *hex;
    xcv_err err;
};

static const struct string_row string_rows[] = {
    /* PrintableString */
    {"printable letters digits", XCV_TAG_PRINTABLE_STRING, "41 7A 30 39", XCV_OK},
    {"printable punctuation", XCV_TAG_PRINTABLE_STRING, "20 27 28 29 2B 2C 2D 2E 2F 3A 3D 3F",
     XCV_OK},
    {"printable empty", XCV_TAG_PRINTABLE_STRING, "", XCV_OK},
    {"printable '*'", XCV_TAG_PRINTABLE_STRING, "2A", XCV_ERR_DER_BAD_STRING},
    {"printable '@'", XCV_TAG_PRINTABLE_STRING, "61 40 62", XCV_ERR_DER_BAD_STRING},
    {"printable '&'", XCV_TAG_PRINTABLE_STRING, "26", XCV_ERR_DER_BAD_STRING},
    {"printable '_'", XCV_TAG_PRINTABLE_STRING, "5F", XCV_ERR_DER_BAD_STRING},
    {"printable NUL", XCV_TAG_PRINTABLE_STRING, "41 00", XCV_ERR_DER_BAD_STRING},
    {"printable high bit", XCV_TAG_PRINTABLE_STRING, "C3 A9", XCV_ERR_DER_BAD_STRING},
    /* IA5String */
    {"ia5 ascii", XCV_TAG_IA5_STRING, "61 40 2A 7F 00", XCV_OK},
    {"ia5 0x80", XCV_TAG_IA5_STRING, "61 80", XCV_ERR_DER_BAD_STRING},
    {"ia5 0xFF", XCV_TAG_IA5_STRING, "FF", XCV_ERR_DER_BAD_STRING},
    /* VisibleString */
    {"visible range", XCV_TAG_VISIBLE_STRING, "20 7E 41", XCV_OK},
    {"visible DEL", XCV_TAG_VISIBLE_STRING, "7F", XCV_ERR_DER_BAD_STRING},
    {"visible control", XCV_TAG_VISIBLE_STRING, "41 0A", XCV_ERR_DER_BAD_STRING},
    /* TeletexString: opaque */
    {"teletex any bytes", XCV_TAG_TELETEX_STRING, "00 80 FF", XCV_OK},
    /* NumericString */
    {"numeric digits space", 0x12, "30 39 20", XCV_OK},
    {"numeric letter", 0x12, "30 41", XCV_ERR_DER_BAD_STRING},
    /* UTF8String */
    {"utf8 ascii", XCV_TAG_UTF8_STRING, "68 69", XCV_OK},
    {"utf8 2-byte e-acute", XCV_TAG_UTF8_STRING, "C3 A9", XCV_OK},
    {"utf8 3-byte euro", XCV_TAG_UTF8_STRING, "E2 82 AC", XCV_OK},
    {"utf8 4-byte U+10FFFF", XCV_TAG_UTF8_STRING, "F4 8F BF BF", XCV_OK},
    {"utf8 U+FFFF", XCV_TAG_UTF8_STRING, "EF BF BF", XCV_OK},
    {"utf8 U+D7FF", XCV_TAG_UTF8_STRING, "ED 9F BF", XCV_OK},
    {"utf8 overlong '/' C0 AF", XCV_TAG_UTF8_STRING, "C0 AF", XCV_ERR_DER_BAD_STRING},
    {"utf8 overlong C1 BF", XCV_TAG_UTF8_STRING, "C1 BF", XCV_ERR_DER_BAD_STRING},
    {"utf8 overlong 3-byte", XCV_TAG_UTF8_STRING, "E0 80 AF", XCV_ERR_DER_BAD_STRING},
    {"utf8 overlong 4-byte", XCV_TAG_UTF8_STRING, "F0 8F BF BF", XCV_ERR_DER_BAD_STRING},
    {"utf8 surrogate D800", XCV_TAG_UTF8_STRING, "ED A0 80", XCV_ERR_DER_BAD_STRING},
    {"utf8 surrogate DFFF", XCV_TAG_UTF8_STRING, "ED BF BF", XCV_ERR_DER_BAD_STRING},
    {"utf8 above U+10FFFF", XCV_TAG_UTF8_STRING, "F4 90 80 80", XCV_ERR_DER_BAD_STRING},
    {"utf8 F5 lead", XCV_TAG_UTF8_STRING, "F5 80 80 80", XCV_ERR_DER_BAD_STRING},
    {"utf8 lone continuation", XCV_TAG_UTF8_STRING, "41 80", XCV_ERR_DER_BAD_STRING},
    {"utf8 truncated 2-byte", XCV_TAG_UTF8_STRING, "41 C3", XCV_ERR_DER_BAD_STRING},
    {"utf8 truncated 4-byte", XCV_TAG_UTF8_STRING, "F0 9F 98", XCV_ERR_DER_BAD_STRING},
    {"utf8 bad continuation", XCV_TAG_UTF8_STRING, "E2 28 A1", XCV_ERR_DER_BAD_STRING},
    {"utf8 FF", XCV_TAG_UTF8_STRING, "FF", XCV_ERR_DER_BAD_STRING},
    /* BMPString */
    {"bmp even", XCV_TAG_BMP_STRING, "00 41 00 42", XCV_OK},
    {"bmp empty", XCV_TAG_BMP_STRING, "", XCV_OK},
    {"bmp odd", XCV_TAG_BMP_STRING, "00 41 00", XCV_ERR_DER_BAD_STRING},
    /* UniversalString */
    {"universal 4", XCV_TAG_UNIVERSAL_STRING, "00 00 00 41", XCV_OK},
    {"universal U+10FFFF", XCV_TAG_UNIVERSAL_STRING, "00 10 FF FF", XCV_OK},
    {"universal 6 octets", XCV_TAG_UNIVERSAL_STRING, "00 00 00 41 00 00",
     XCV_ERR_DER_BAD_STRING},
    {"universal above U+10FFFF", XCV_TAG_UNIVERSAL_STRING, "00 11 00 00",
     XCV_ERR_DER_BAD_STRING},
    {"universal surrogate", XCV_TAG_UNIVERSAL_STRING, "00 00 D8 00", XCV_ERR_DER_BAD_STRING},
    /* Not a string tag */
    {"octet string tag", XCV_TAG_OCTET_STRING, "41", XCV_ERR_DER_UNEXPECTED_TAG},
    {"integer tag", XCV_TAG_INTEGER, "01", XCV_ERR_DER_UNEXPECTED_TAG},
};

static void test_string_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(string_rows) / sizeof(string_rows[0]); i++) {
        const struct string_row *r = &string_rows[i];
        size_t n = 0;
        uint8_t *buf = load(r->hex, 0, &n);
        check_err(r->name, xcv_der_check_string(r->tag, xcv_slice_make(buf, n)), r->err);
        free(buf);
    }
}

/* ------------------------------------------------------------------------ */
/* Times                                                                     */
/* ------------------------------------------------------------------------ */

struct time_row {
    const char *name;
    uint8_t tag;
    const char *text;
    xcv_err err;
    int64_t t;
};

#define UTC XCV_TAG_UTC_TIME
#define GEN XCV_TAG_GENERALIZED_TIME

static const struct time_row time_rows[] = {
    {"utc epoch", UTC, "700101000000Z", XCV_OK, 0},
    {"utc 2049 boundary", UTC, "491231235959Z", XCV_OK, 2524607999},
    {"utc 50 is 1950", UTC, "500101000000Z", XCV_OK, -631152000},
    {"utc 99 is 1999", UTC, "991231235959Z", XCV_OK, 946684799},
    {"utc 00 is 2000", UTC, "000101000000Z", XCV_OK, 946684800},
    {"utc 2000 Feb 29", UTC, "000229000000Z", XCV_OK, 951782400},
    {"utc 2023 Feb 29", UTC, "230229000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen 2000-01-01", GEN, "20000101000000Z", XCV_OK, 946684800},
    {"gen 2000 Feb 29 (400 rule)", GEN, "20000229000000Z", XCV_OK, 951782400},
    {"gen 2024 Feb 29", GEN, "20240229120000Z", XCV_OK, 1709208000},
    {"gen 2400 Feb 29", GEN, "24000229000000Z", XCV_OK, 13574563200},
    {"gen 1900 Feb 29 (century)", GEN, "19000229000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen 2100 Feb 29 (century)", GEN, "21000229000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen 2023 Feb 29", GEN, "20230229000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen 2023 Feb 28", GEN, "20230228235959Z", XCV_OK, 1677628799},
    {"gen 2100 Mar 1", GEN, "21000301000000Z", XCV_OK, 4107542400},
    {"gen 1969-12-31 23:59:59", GEN, "19691231235959Z", XCV_OK, -1},
    {"gen 2038 rollover", GEN, "20380119031408Z", XCV_OK, 2147483648},
    {"gen 1600 Mar 1", GEN, "16000301000000Z", XCV_OK, -11670912000},
    {"gen year 0000", GEN, "00000101000000Z", XCV_OK, -62167219200},
    {"gen year 0001", GEN, "00010101000000Z", XCV_OK, -62135596800},
    {"gen 99991231235959Z", GEN, "99991231235959Z", XCV_OK, 253402300799},
    {"gen 2050 (allowed here)", GEN, "20500101000000Z", XCV_OK, 2524608000},
    {"gen 2049 (allowed here)", GEN, "20491231235959Z", XCV_OK, 2524607999},
    {"utc Apr 30", UTC, "230430000000Z", XCV_OK, 1682812800},
    {"utc Apr 31", UTC, "230431000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc Dec 32", UTC, "231232000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc day 00", UTC, "230100000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc month 00", UTC, "230001000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc month 13", UTC, "231301000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc hour 24", UTC, "230101240000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc minute 60", UTC, "230101006000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc second 60", UTC, "230101000060Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen leap second 60", GEN, "20161231235960Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc no seconds", UTC, "2301010000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc no Z", UTC, "230101000000", XCV_ERR_DER_BAD_TIME, 0},
    {"utc lowercase z", UTC, "230101000000z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc offset", UTC, "230101000000+0000", XCV_ERR_DER_BAD_TIME, 0},
    {"utc offset instead of Z", UTC, "2301010000+0100", XCV_ERR_DER_BAD_TIME, 0},
    {"utc 4-digit year", UTC, "20230101000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc space digit", UTC, "23 101000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc sign in digits", UTC, "2301-1000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"utc trailing byte", UTC, "230101000000ZZ", XCV_ERR_DER_BAD_TIME, 0},
    {"utc empty", UTC, "", XCV_ERR_DER_BAD_TIME, 0},
    {"gen fraction", GEN, "20230101000000.5Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen fraction .0", GEN, "20230101000000.0Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen offset", GEN, "20230101000000+0000", XCV_ERR_DER_BAD_TIME, 0},
    {"gen local time (no Z)", GEN, "20230101000000", XCV_ERR_DER_BAD_TIME, 0},
    {"gen no seconds", GEN, "202301010000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen 2-digit year", GEN, "230101000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen letter in year", GEN, "2O230101000000Z", XCV_ERR_DER_BAD_TIME, 0},
    {"gen Z in middle", GEN, "2023010100000Z0", XCV_ERR_DER_BAD_TIME, 0},
    {"octet string tag", XCV_TAG_OCTET_STRING, "230101000000Z", XCV_ERR_DER_UNEXPECTED_TAG, 0},
};

static void test_time_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(time_rows) / sizeof(time_rows[0]); i++) {
        const struct time_row *r = &time_rows[i];
        size_t n = strlen(r->text);
        uint8_t *buf = malloc(n + 1);
        assert_non_null(buf);
        memcpy(buf, r->text, n);
        xcv_time t = 42;
        check_err(r->name, xcv_der_time(r->tag, xcv_slice_make(buf, n), &t), r->err);
        if (r->err == XCV_OK && t != r->t) {
            print_error("row \"%s\": got %lld, want %lld\n", r->name, (long long)t,
                        (long long)r->t);
            fail();
        }
        free(buf);
    }
}

static void test_read_time(void **state)
{
    (void)state;
    size_t n = 0;
    /* UTCTime 700101000001Z then GeneralizedTime 20000101000000Z. */
    uint8_t *buf = load("17 0D 37 30 30 31 30 31 30 30 30 30 30 31 5A"
                        "18 0F 32 30 30 30 30 31 30 31 30 30 30 30 30 30 5A",
                        0, &n);
    xcv_slice rd = xcv_slice_make(buf, n);
    xcv_time t = 0;
    assert_int_equal(xcv_der_read_time(&rd, &t), XCV_OK);
    assert_int_equal(t, 1);
    assert_int_equal(xcv_der_read_time(&rd, &t), XCV_OK);
    assert_int_equal(t, 946684800);
    assert_int_equal(xcv_der_end(rd), XCV_OK);
    assert_int_equal(xcv_der_read_time(&rd, &t), XCV_ERR_DER_UNEXPECTED_TAG);
    free(buf);

    /* Wrong tag; bad content: reader unchanged. */
    buf = load("04 01 00", 0, &n);
    rd = xcv_slice_make(buf, n);
    assert_int_equal(xcv_der_read_time(&rd, &t), XCV_ERR_DER_UNEXPECTED_TAG);
    assert_int_equal(rd.n, n);
    free(buf);
    buf = load("17 0D 37 30 30 31 33 32 30 30 30 30 30 31 5A", 0, &n); /* Jan 32 */
    rd = xcv_slice_make(buf, n);
    assert_int_equal(xcv_der_read_time(&rd, &t), XCV_ERR_DER_BAD_TIME);
    assert_int_equal(rd.n, n);
    free(buf);
    buf = load("17 0D 37 30", 0, &n); /* truncated */
    rd = xcv_slice_make(buf, n);
    assert_int_equal(xcv_der_read_time(&rd, &t), XCV_ERR_DER_TRUNCATED);
    assert_int_equal(rd.n, n);
    free(buf);
}

/* ------------------------------------------------------------------------ */
/* Walk                                                                      */
/* ------------------------------------------------------------------------ */

static const struct content_row walk_rows[] = {
    {"empty input", "", XCV_OK},
    {"sequence of integer", "30 03 02 01 05", XCV_OK},
    {"nested sequences", "30 07 31 05 30 03 01 01 FF", XCV_OK},
    {"two top-level TLVs", "05 00 05 00", XCV_OK},
    {"context tags", "A0 05 80 01 AA A1 00", XCV_OK},
    {"application constructed", "61 03 04 01 00", XCV_OK},
    {"strings and oid", "30 0A 06 03 55 04 03 0C 03 61 62 63", XCV_OK},
    {"truncated inner", "30 03 02 02 00", XCV_ERR_DER_TRUNCATED},
    {"inner indefinite", "30 04 30 80 00 00", XCV_ERR_DER_INDEFINITE_LENGTH},
    {"inner high tag", "30 03 1F 20 00", XCV_ERR_DER_HIGH_TAG},
    {"inner padding byte", "30 04 02 01 00 00", XCV_ERR_DER_UNEXPECTED_TAG},
    {"trailing partial TLV", "30 00 02", XCV_ERR_DER_TRUNCATED},
    {"trailing high tag", "30 00 FF", XCV_ERR_DER_HIGH_TAG},
    {"bad integer inside", "30 04 02 02 00 01", XCV_ERR_DER_BAD_INTEGER},
    {"bad boolean inside", "30 03 01 01 01", XCV_ERR_DER_BAD_BOOLEAN},
    {"bad null inside", "30 03 05 01 00", XCV_ERR_DER_BAD_NULL},
    {"bad oid inside", "30 03 06 01 80", XCV_ERR_DER_BAD_OID},
    {"bad bit string inside", "30 04 03 02 01 01", XCV_ERR_DER_BAD_BIT_STRING},
    {"bad printable inside", "30 03 13 01 40", XCV_ERR_DER_BAD_STRING},
    {"constructed octet string", "24 03 04 01 00", XCV_ERR_DER_UNEXPECTED_TAG},
    {"constructed bit string", "23 00", XCV_ERR_DER_UNEXPECTED_TAG},
    {"primitive sequence", "10 00", XCV_ERR_DER_UNEXPECTED_TAG},
    {"primitive set", "11 00", XCV_ERR_DER_UNEXPECTED_TAG},
};

static void test_walk_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(walk_rows) / sizeof(walk_rows[0]); i++) {
        size_t n = 0;
        uint8_t *buf = load(walk_rows[i].hex, 0, &n);
        check_err(walk_rows[i].name, xcv_der_walk(xcv_slice_make(buf, n), 0), walk_rows[i].err);
        free(buf);
    }
}

/* levels nested SEQUENCEs, innermost empty: 30 (2L-2) 30 (2L-4) ... 30 00. */
static uint8_t *nested(size_t levels, size_t *out_n)
{
    size_t n = levels * 2;
    uint8_t *buf = malloc(n);
    assert_non_null(buf);
    for (size_t i = 0; i < levels; i++) {
        buf[2 * i] = 0x30;
        buf[2 * i + 1] = (uint8_t)(n - 2 * i - 2);
    }
    *out_n = n;
    return buf;
}

static void test_walk_depth(void **state)
{
    (void)state;
    size_t n = 0;
    uint8_t *buf = nested(XCV_DER_MAX_DEPTH, &n);
    assert_int_equal(xcv_der_walk(xcv_slice_make(buf, n), 0), XCV_OK);
    /* Starting deeper leaves less room. */
    assert_int_equal(xcv_der_walk(xcv_slice_make(buf, n), 1), XCV_ERR_DER_TOO_DEEP);
    free(buf);
    buf = nested(XCV_DER_MAX_DEPTH + 1, &n);
    assert_int_equal(xcv_der_walk(xcv_slice_make(buf, n), 0), XCV_ERR_DER_TOO_DEEP);
    free(buf);
    buf = nested(60, &n);
    assert_int_equal(xcv_der_walk(xcv_slice_make(buf, n), 0), XCV_ERR_DER_TOO_DEEP);
    free(buf);
    /* A depth beyond the limit is rejected even for empty input. */
    assert_int_equal(xcv_der_walk(xcv_slice_empty(), XCV_DER_MAX_DEPTH + 1),
                     XCV_ERR_DER_TOO_DEEP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tlv_table),
        cmocka_unit_test(test_read_tag_helpers),
        cmocka_unit_test(test_integer_table),
        cmocka_unit_test(test_read_integer),
        cmocka_unit_test(test_integer_small_table),
        cmocka_unit_test(test_integer_unsigned_table),
        cmocka_unit_test(test_boolean_table),
        cmocka_unit_test(test_null_table),
        cmocka_unit_test(test_bit_string_table),
        cmocka_unit_test(test_bit_string_octets_table),
        cmocka_unit_test(test_named_bits_table),
        cmocka_unit_test(test_oid_table),
        cmocka_unit_test(test_string_table),
        cmocka_unit_test(test_time_table),
        cmocka_unit_test(test_read_time),
        cmocka_unit_test(test_walk_table),
        cmocka_unit_test(test_walk_depth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
