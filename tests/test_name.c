/* test_name.c -- DN iteration, RFC 5280 7.1 comparison, hash consistency,
 * RFC 4514-like formatting, prefix and emptiness tests. Names are written
 * in the certbuild template language. */
/* cmocka needs these four headers first */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>
/* clang-format on */

#include "certbuild.h"
#include "name.h"

#define CN(v) "30(06(550403)" v ")"
#define O(v)  "30(06(55040a)" v ")"
#define C(v)  "30(06(550406)" v ")"
#define OU(v) "30(06(55040b)" v ")"
#define PS(s) "13('" s "')"
#define U8(s) "0c('" s "')"

struct nbuf {
    uint8_t b[1024];
    xcv_slice s;
};

static xcv_slice mk(struct nbuf *nb, const char *tmpl)
{
    size_t n = xcv_tb_der(tmpl, nb->b, sizeof nb->b);
    assert_true(n != (size_t)-1);
    nb->s = xcv_slice_make(nb->b, n);
    return nb->s;
}

/* Asserts equal/unequal both ways, and that equal names hash equally. */
static void check_eq(const char *a, const char *b, int want)
{
    struct nbuf x;
    struct nbuf y;
    xcv_slice sa = mk(&x, a);
    xcv_slice sb = mk(&y, b);
    assert_int_equal(xcv_dn_equal(sa, sb), want);
    assert_int_equal(xcv_dn_equal(sb, sa), want);
    if (want) {
        assert_int_equal(xcv_name_hash(sa), xcv_name_hash(sb));
        assert_true(xcv_name_has_prefix(sa, sb));
        assert_true(xcv_name_has_prefix(sb, sa));
    }
}

static void test_iter(void **state)
{
    (void)state;
    struct nbuf n;
    xcv_dn_iter it;
    struct xcv_dn_attr a;
    xcv_dn_iter_init(&it, mk(&n, "30(31(" C(PS("US")) ")31(" O(U8("Org"))
                                     OU(PS("Unit")) ")31("
                                                    "30(06(2a864886f70d010901)16('a@b')) ))"));
    assert_true(xcv_dn_next(&it, &a));
    assert_int_equal(a.type, XCV_DN_C);
    assert_int_equal(a.str_tag, 0x13);
    assert_int_equal(a.rdn_index, 0);
    assert_memory_equal(a.value.p, "US", 2);
    assert_true(xcv_dn_next(&it, &a));
    assert_int_equal(a.type, XCV_DN_O);
    assert_int_equal(a.rdn_index, 1);
    assert_true(xcv_dn_next(&it, &a));
    assert_int_equal(a.type, XCV_DN_OU);
    assert_int_equal(a.rdn_index, 1);
    assert_true(xcv_dn_next(&it, &a));
    assert_int_equal(a.type, XCV_DN_EMAIL);
    assert_int_equal(a.str_tag, 0x16);
    assert_int_equal(a.rdn_index, 2);
    assert_false(xcv_dn_next(&it, &a));
    assert_int_equal(it.err, XCV_OK);

    /* malformed: empty RDN; not a SEQUENCE; trailing data */
    xcv_dn_iter_init(&it, mk(&n, "30(31(" CN(PS("a")) ")31())"));
    assert_true(xcv_dn_next(&it, &a));
    assert_false(xcv_dn_next(&it, &a));
    assert_int_not_equal(it.err, XCV_OK);
    xcv_dn_iter_init(&it, mk(&n, "31()"));
    assert_false(xcv_dn_next(&it, &a));
    assert_int_equal(it.err, XCV_ERR_DER_UNEXPECTED_TAG);
    xcv_dn_iter_init(&it, mk(&n, "30() 00"));
    assert_false(xcv_dn_next(&it, &a));
    assert_int_equal(it.err, XCV_ERR_DER_TRAILING_DATA);
    /* empty Name: no attribute, no error */
    xcv_dn_iter_init(&it, mk(&n, "30()"));
    assert_false(xcv_dn_next(&it, &a));
    assert_int_equal(it.err, XCV_OK);
}

static void test_equal_case_and_spaces(void **state)
{
    (void)state;
    check_eq("30(31(" CN(PS("Test CA")) "))", "30(31(" CN(PS("Test CA")) "))", 1);
    check_eq("30(31(" CN(PS("Test CA")) "))", "30(31(" CN(PS("tEST ca")) "))", 1);
    check_eq("30(31(" CN(PS("Test CA")) "))", "30(31(" CN(PS("  Test   CA ")) "))", 1);
    check_eq("30(31(" CN(PS("Test CA")) "))", "30(31(" CN(PS("TestCA")) "))", 0);
    check_eq("30(31(" CN(PS("Test CA")) "))", "30(31(" CN(PS("Test CB")) "))", 0);
    check_eq("30(31(" CN(PS("Test CA")) "))", "30(31(" CN(PS("Test CA x")) "))", 0);
    check_eq("30(31(" CN(PS("")) "))", "30(31(" CN(PS("   ")) "))", 1);
    /* IA5String (emailAddress): case-insensitive too */
    check_eq("30(31(30(06(2a864886f70d010901)16('A@B.example'))))",
             "30(31(30(06(2a864886f70d010901)16('a@b.EXAMPLE'))))", 1);
}

static void test_equal_string_types(void **state)
{
    (void)state;
    /* PrintableString and UTF8String with the same text */
    check_eq("30(31(" CN(PS("Test CA")) "))", "30(31(" CN(U8("test  ca")) "))", 1);
    /* non-ASCII UTF-8 compares byte for byte (no Unicode case folding) */
    check_eq("30(31(" CN("0c(c3a9)") "))", "30(31(" CN("0c(c3a9)") "))", 1);
    check_eq("30(31(" CN("0c(c3a9)") "))", "30(31(" CN("0c(c389)") "))", 0);
    /* other types: same tag and bytes only */
    check_eq("30(31(" CN("14('Abc')") "))", "30(31(" CN("14('Abc')") "))", 1);
    check_eq("30(31(" CN("14('Abc')") "))", "30(31(" CN("14('abc')") "))", 0);
    check_eq("30(31(" CN("1e(0041)") "))", "30(31(" CN(U8("A")) "))", 0);
    /* different attribute type, same value */
    check_eq("30(31(" CN(PS("x")) "))", "30(31(" O(PS("x")) "))", 0);
}

static void test_equal_structure(void **state)
{
    (void)state;
    /* different RDN counts */
    check_eq("30(31(" C(PS("US")) ")31(" CN(PS("x")) "))", "30(31(" CN(PS("x")) "))", 0);
    /* RDN order matters */
    check_eq("30(31(" C(PS("US")) ")31(" CN(PS("x")) "))",
             "30(31(" CN(PS("x")) ")31(" C(PS("US")) "))", 0);
    /* attribute order inside a multi-valued RDN does not */
    check_eq("30(31(" O(PS("Org")) OU(PS("Unit")) "))", "30(31(" OU(PS("unit")) O(PS("ORG")) "))",
             1);
    /* a multi-valued RDN is not two RDNs */
    check_eq("30(31(" O(PS("Org")) OU(PS("Unit")) "))",
             "30(31(" O(PS("Org")) ")31(" OU(PS("Unit")) "))", 0);
    /* multisets: {x, x, y} vs {x, y, y} */
    check_eq("30(31(" O(PS("x")) O(PS("x")) O(PS("y")) "))",
             "30(31(" O(PS("x")) O(PS("y")) O(PS("y")) "))", 0);
    check_eq("30(31(" O(PS("x")) O(PS("X")) O(PS("y")) "))",
             "30(31(" O(PS("y")) O(PS("x")) O(PS("x")) "))", 1);
    /* empty names */
    check_eq("30()", "30()", 1);
    check_eq("30()", "30(31(" CN(PS("x")) "))", 0);
}

static void test_equal_malformed(void **state)
{
    (void)state;
    /* malformed names never compare equal, not even to themselves */
    check_eq("30(31())", "30(31())", 0);
    check_eq("30(31(" CN(PS("x")) ")) 00", "30(31(" CN(PS("x")) ")) 00", 0);
    check_eq("30(31(30(06(550403))))", "30(31(30(06(550403))))", 0);
    check_eq("30(31(" CN(PS("x")) "))", "30(31(30(06(550403)13('x')05())))", 0);
}

static void test_hash(void **state)
{
    (void)state;
    struct nbuf a;
    struct nbuf b;
    /* unequal names should (and here do) hash differently */
    uint32_t h1 = xcv_name_hash(mk(&a, "30(31(" CN(PS("a")) "))"));
    uint32_t h2 = xcv_name_hash(mk(&b, "30(31(" CN(PS("b")) "))"));
    assert_int_not_equal(h1, h2);
    h1 = xcv_name_hash(mk(&a, "30(31(" C(PS("US")) ")31(" CN(PS("x")) "))"));
    h2 = xcv_name_hash(mk(&b, "30(31(" CN(PS("x")) ")31(" C(PS("US")) "))"));
    assert_int_not_equal(h1, h2);
    h1 = xcv_name_hash(mk(&a, "30(31(" O(PS("Org")) OU(PS("Unit")) "))"));
    h2 = xcv_name_hash(mk(&b, "30(31(" O(PS("Org")) ")31(" OU(PS("Unit")) "))"));
    assert_int_not_equal(h1, h2);
    /* equal under the rules: equal hashes (also checked in check_eq) */
    h1 = xcv_name_hash(mk(&a, "30(31(" O(PS("Org")) OU(PS(" Unit")) "))"));
    h2 = xcv_name_hash(mk(&b, "30(31(" OU(U8("unit")) O(U8("ORG")) "))"));
    assert_int_equal(h1, h2);
}

static void format_is(const char *tmpl, const char *want)
{
    struct nbuf n;
    char out[512];
    size_t len = xcv_dn_format(mk(&n, tmpl), out, sizeof out);
    assert_string_equal(out, want);
    assert_int_equal(len, strlen(want));
}

static void test_format(void **state)
{
    (void)state;
    format_is("30(31(" CN(PS("Test CA")) "))", "CN=Test CA");
    format_is("30(31(" C(PS("US")) ")31(" O(U8("Example Org")) ")31(" CN(PS("x")) "))",
              "C=US, O=Example Org, CN=x");
    format_is("30(31(" O(PS("Org")) OU(PS("Unit")) "))", "O=Org+OU=Unit");
    format_is("30()", "");
    /* RFC 4514 escapes */
    format_is("30(31(" CN(U8("a,b+c\"d\\\\e<f>g;h")) "))",
              "CN=a\\,b\\+c\\\"d\\\\\\\\e\\<f\\>g\\;h");
    format_is("30(31(" CN(U8("#x# ")) "))", "CN=\\#x#\\ ");
    format_is("30(31(" CN(U8(" a b")) "))", "CN=\\ a b");
    /* control, non-ASCII, BMP */
    format_is("30(31(" CN("0c(41 0a 42 00)") "))", "CN=A\\0AB\\00");
    format_is("30(31(" CN("0c(c3a9 74 c3a9)") "))", "CN=\\C3\\A9t\\C3\\A9");
    format_is("30(31(" CN("1e(0041 00e9)") "))", "CN=A\\C3\\A9");
    format_is("30(31(" CN("1c(00000041 0001f600)") "))", "CN=A\\F0\\9F\\98\\80");
    /* names of other attributes; unknown type with a non-string value */
    format_is("30(31(30(06(2a864886f70d010901)16('a@b')))31(30(06(0992268993f22c640119)16('"
              "example'))))",
              "emailAddress=a@b, DC=example");
    format_is("30(31(30(06(2a0304)02(05))))", "1.2.3.4=#020105");
    /* malformed */
    format_is("30(31(" CN(PS("x")) ")31())", "CN=x <malformed>");
    format_is("05()", "<malformed>");
}

static void test_format_truncation(void **state)
{
    (void)state;
    struct nbuf n;
    xcv_slice s = mk(&n, "30(31(" CN(PS("Test CA")) "))");
    char out[6];
    memset(out, 'z', sizeof out);
    assert_int_equal(xcv_dn_format(s, out, sizeof out), 10);
    assert_string_equal(out, "CN=Te");
    assert_int_equal(xcv_dn_format(s, NULL, 0), 10);
    char one[1] = {'z'};
    assert_int_equal(xcv_dn_format(s, one, 1), 10);
    assert_int_equal(one[0], '\0');
}

static void test_prefix_and_empty(void **state)
{
    (void)state;
    struct nbuf a;
    struct nbuf p;
    xcv_slice name = mk(&a, "30(31(" C(PS("US")) ")31(" O(PS("Org")) ")31(" CN(PS("x")) "))");
    assert_true(xcv_name_has_prefix(name, mk(&p, "30(31(" C(PS("US")) ")31(" O(U8("org")) "))")));
    assert_true(xcv_name_has_prefix(name, mk(&p, "30(31(" C(PS("US")) "))")));
    assert_true(xcv_name_has_prefix(name, mk(&p, "30()")));
    assert_true(xcv_name_has_prefix(name, name));
    assert_false(xcv_name_has_prefix(name, mk(&p, "30(31(" O(PS("Org")) "))")));
    assert_false(
        xcv_name_has_prefix(name, mk(&p, "30(31(" C(PS("US")) ")31(" O(PS("Org")) ")31(" CN(
                                             PS("x")) ")31(" CN(PS("y")) "))")));
    assert_false(xcv_name_has_prefix(name, mk(&p, "30(31())")));
    assert_true(xcv_name_is_empty(mk(&p, "30()")));
    assert_false(xcv_name_is_empty(name));
    assert_false(xcv_name_is_empty(mk(&p, "31()")));
    assert_false(xcv_name_is_empty(xcv_slice_empty()));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iter),
        cmocka_unit_test(test_equal_case_and_spaces),
        cmocka_unit_test(test_equal_string_types),
        cmocka_unit_test(test_equal_structure),
        cmocka_unit_test(test_equal_malformed),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_format_truncation),
        cmocka_unit_test(test_prefix_and_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
