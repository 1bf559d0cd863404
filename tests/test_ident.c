/* test_ident.c -- reference identities and SAN/CN matching (src/ident.c). */
/* cmocka needs these headers first. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
/* clang-format on */

#include "gnbuild.h"
#include "ident.h"
#include "psl.h"
#include "xcv.h"

/* A hand-built certificate: SAN content and subject Name only. */
static struct xcv_gb g_san;
static struct xcv_gb g_rdns;
static struct xcv_gb g_subject;
static struct xcv_cert g_cert;

static void reset(void)
{
    memset(&g_cert, 0, sizeof(g_cert));
    xcv_gb_init(&g_san);
    xcv_gb_init(&g_rdns);
    xcv_gb_init(&g_subject);
}

/* with_san: record a subjectAltName extension holding g_san. */
static const struct xcv_cert *finish(int with_san)
{
    xcv_gb_name(&g_rdns, &g_subject);
    assert_true(g_san.ok && g_subject.ok);
    g_cert.subject = xcv_gb_slice(&g_subject);
    if (with_san) {
        g_cert.san = xcv_gb_slice(&g_san);
        g_cert.ext_present |= XCV_EXT_SUBJECT_ALT_NAME;
    }
    return &g_cert;
}

static struct xcv_ref mkref(xcv_ref_type t, const char *s)
{
    struct xcv_ref r;
    r.type = t;
    r.name.p = (const uint8_t *)s;
    r.name.n = strlen(s);
    return r;
}

static xcv_err match(xcv_ref_type t, const char *s, uint32_t flags)
{
    struct xcv_ref r = mkref(t, s);
    return xcv_ident_match(&g_cert, &r, flags);
}

static unsigned why(xcv_ref_type t, const char *s, uint32_t flags)
{
    struct xcv_ref r = mkref(t, s);
    unsigned reasons = 0xFFFFFFFFu;
    xcv_err e = xcv_ident_explain(&g_cert, &r, flags, &reasons);
    assert_int_equal(e, XCV_ERR_NAME_MISMATCH);
    return reasons;
}

static xcv_err check(xcv_ref_type t, const char *s)
{
    struct xcv_ref r = mkref(t, s);
    return xcv_ref_check(&r);
}

static xcv_err check_n(xcv_ref_type t, const char *s, size_t n)
{
    struct xcv_ref r;
    r.type = t;
    r.name.p = (const uint8_t *)s;
    r.name.n = n;
    return xcv_ref_check(&r);
}

static void dns_cert(const char *a, const char *b)
{
    reset();
    xcv_gb_dns(&g_san, a);
    if (b != NULL) {
        xcv_gb_dns(&g_san, b);
    }
    (void)finish(1);
}

/* ------------------------------------------------------------------------ */
/* Reference validation                                                      */
/* ------------------------------------------------------------------------ */

static void test_ref_empty(void **state)
{
    (void)state;
    assert_int_equal(check(XCV_REF_DNS, ""), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_IP, ""), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_EMAIL, ""), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_URI, ""), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "."), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "example.com"), XCV_OK);
}

static void test_ref_embedded_nul(void **state)
{
    (void)state;
    assert_int_equal(check_n(XCV_REF_DNS, "example.com\0.evil.com", 21), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check_n(XCV_REF_DNS, "example.com\0", 12), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check_n(XCV_REF_IP, "1.2.3.4\0", 8), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check_n(XCV_REF_EMAIL, "a\0@example.com", 14), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check_n(XCV_REF_DNS, "example.com", 11), XCV_OK);
}

static void test_ref_label_length(void **state)
{
    (void)state;
    char buf[128];
    memset(buf, 'a', 63);
    memcpy(buf + 63, ".com", 5);
    assert_int_equal(check(XCV_REF_DNS, buf), XCV_OK);
    memset(buf, 'a', 64);
    memcpy(buf + 64, ".com", 5);
    assert_int_equal(check(XCV_REF_DNS, buf), XCV_ERR_BAD_REFERENCE);
}

static void test_ref_name_length(void **state)
{
    (void)state;
    char buf[300];
    /* 4 labels of 61 + dots = 247, then ".abcde" = 253. */
    size_t n = 0;
    for (int i = 0; i < 4; i++) {
        memset(buf + n, 'a', 61);
        n += 61;
        buf[n++] = '.';
    }
    memcpy(buf + n, "abcde", 6);
    assert_int_equal(strlen(buf), 253);
    assert_int_equal(check(XCV_REF_DNS, buf), XCV_OK);
    memcpy(buf + n, "abcdef", 7);
    assert_int_equal(strlen(buf), 254);
    assert_int_equal(check(XCV_REF_DNS, buf), XCV_ERR_BAD_REFERENCE);
}

static void test_ref_not_ldh(void **state)
{
    (void)state;
    assert_int_equal(check(XCV_REF_DNS, "exa_mple.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "exa mple.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "-a.example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "a-.example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "a..example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, ".example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "*.example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "a-b.example.com"), XCV_OK);
    assert_int_equal(check(XCV_REF_DNS, "localhost"), XCV_OK);
}

static void test_ref_numeric_tld(void **state)
{
    (void)state;
    assert_int_equal(check(XCV_REF_DNS, "example.123"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "1.2.3"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "01.2.3.4"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_DNS, "123.example.com"), XCV_OK);
}

static void test_ref_ulabel(void **state)
{
    (void)state;
    assert_int_equal(check(XCV_REF_DNS, "b\xc3\xbc"
                                        "cher.example"),
                     XCV_ERR_REFERENCE_NOT_ASCII);
    assert_int_equal(check(XCV_REF_EMAIL, "a@b\xc3\xbc"
                                          "cher.example"),
                     XCV_ERR_REFERENCE_NOT_ASCII);
    assert_int_equal(check(XCV_REF_DNS, "xn--bcher-kva.example"), XCV_OK);
}

static void test_ref_trailing_dot(void **state)
{
    (void)state;
    dns_cert("smtp.mail.ru", NULL);
    assert_int_equal(match(XCV_REF_DNS, "smtp.mail.ru.", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "smtp.mail.ru", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "smtp.mail.ru..", 0), XCV_ERR_BAD_REFERENCE);
}

static void test_ref_type_invalid(void **state)
{
    (void)state;
    dns_cert("example.com", NULL);
    assert_int_equal(match((xcv_ref_type)99, "example.com", 0), XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(match(XCV_REF_NONE, "", 0), XCV_OK);
}

/* ------------------------------------------------------------------------ */
/* DNS                                                                       */
/* ------------------------------------------------------------------------ */

static void test_dns_exact(void **state)
{
    (void)state;
    dns_cert("www.example.com", "example.org");
    assert_int_equal(match(XCV_REF_DNS, "www.example.com", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "example.org", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_DNS, "wwww.example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_DNS, "ww.example.com", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_dns_case_folding(void **state)
{
    (void)state;
    dns_cert("WWW.Example.COM", NULL);
    assert_int_equal(match(XCV_REF_DNS, "www.example.com", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "WwW.eXaMpLe.CoM", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "www.example.co", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_dns_alabel_ascii(void **state)
{
    (void)state;
    dns_cert("xn--bcher-kva.example", NULL);
    assert_int_equal(match(XCV_REF_DNS, "XN--BCHER-KVA.example", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "xn--bcher-kvb.example", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_wildcard_one_label(void **state)
{
    (void)state;
    dns_cert("*.example.com", NULL);
    assert_int_equal(match(XCV_REF_DNS, "foo.example.com", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "FOO.EXAMPLE.COM.", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "foo.example.org", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_wildcard_not_bare_parent(void **state)
{
    (void)state;
    dns_cert("*.example.com", NULL);
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_true(why(XCV_REF_DNS, "example.com", 0) & XCV_MISMATCH_WILDCARD_DEPTH);
}

static void test_wildcard_not_two_labels(void **state)
{
    (void)state;
    dns_cert("*.example.com", NULL);
    assert_int_equal(match(XCV_REF_DNS, "a.b.example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_true(why(XCV_REF_DNS, "a.b.example.com", 0) & XCV_MISMATCH_WILDCARD_DEPTH);
}

static void test_wildcard_tld(void **state)
{
    (void)state;
    dns_cert("*.com", NULL);
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_true(why(XCV_REF_DNS, "example.com", 0) & XCV_MISMATCH_WILDCARD_SUFFIX);
    dns_cert("*", NULL);
    assert_int_equal(match(XCV_REF_DNS, "localhost", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_wildcard_public_suffix(void **state)
{
    (void)state;
    dns_cert("*.co.uk", "*.com.au");
    assert_int_equal(match(XCV_REF_DNS, "example.co.uk", 0), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_DNS, "example.com.au", 0), XCV_ERR_NAME_MISMATCH);
    assert_true(why(XCV_REF_DNS, "example.co.uk", 0) & XCV_MISMATCH_WILDCARD_SUFFIX);
    dns_cert("*.example.co.uk", "*.example.org");
    assert_int_equal(match(XCV_REF_DNS, "www.example.co.uk", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "www.example.org", 0), XCV_OK);
}

static void test_wildcard_partial_label(void **state)
{
    (void)state;
    dns_cert("f*.example.com", "*oo.example.com");
    assert_int_equal(match(XCV_REF_DNS, "foo.example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_true(why(XCV_REF_DNS, "foo.example.com", 0) & XCV_MISMATCH_PARTIAL_WILDCARD);
    dns_cert("f*o.example.com", "fo*.example.com");
    assert_int_equal(match(XCV_REF_DNS, "foo.example.com", 0), XCV_ERR_NAME_MISMATCH);
    /* the literal name still does not match itself as a reference (invalid). */
    assert_int_equal(match(XCV_REF_DNS, "f*o.example.com", 0), XCV_ERR_BAD_REFERENCE);
}

static void test_wildcard_double(void **state)
{
    (void)state;
    dns_cert("*.*.example.com", "a.*.example.com");
    assert_int_equal(match(XCV_REF_DNS, "a.b.example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_DNS, "b.example.com", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_wildcard_alabel(void **state)
{
    (void)state;
    /* Documented choice (Chromium, webpki): "*" stands for a whole label,
     * including an A-label. */
    dns_cert("*.example.com", NULL);
    assert_int_equal(match(XCV_REF_DNS, "xn--bcher-kva.example.com", 0), XCV_OK);
    /* but a wildcard inside an A-label is a partial wildcard: never. */
    dns_cert("xn--*.example.com", NULL);
    assert_int_equal(match(XCV_REF_DNS, "xn--bcher-kva.example.com", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_dns_match_direct(void **state)
{
    (void)state;
    xcv_slice h = {(const uint8_t *)"www.example.com", 15};
    xcv_slice p1 = {(const uint8_t *)"*.EXAMPLE.com", 13};
    xcv_slice p2 = {(const uint8_t *)"*.example.com.", 14};
    xcv_slice p3 = {(const uint8_t *)"", 0};
    assert_int_equal(xcv_dns_match(p1, h), 1);
    assert_int_equal(xcv_dns_match(p2, h), 0);
    assert_int_equal(xcv_dns_match(p3, h), 0);
    assert_int_equal(xcv_dns_match(h, h), 1);
}

static void test_san_malformed_never_match(void **state)
{
    (void)state;
    dns_cert("example.com.", "a..example.com");
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_DNS, "a..example.com", 0), XCV_ERR_BAD_REFERENCE);
    assert_true(why(XCV_REF_DNS, "example.com", 0) & XCV_MISMATCH_MALFORMED_SAN);
    dns_cert(" example.com", "example.com ");
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_ERR_NAME_MISMATCH);
    dns_cert("", ".example.com");
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_san_nul_inside(void **state)
{
    (void)state;
    reset();
    xcv_gb_dns_n(&g_san, "example.com\0.evil.com", 21);
    (void)finish(1);
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_DNS, "evil.com", 0), XCV_ERR_NAME_MISMATCH);
    /* control: the same without the NUL matches */
    reset();
    xcv_gb_dns_n(&g_san, "example.com", 11);
    (void)finish(1);
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_OK);
}

static void test_san_der_malformed(void **state)
{
    (void)state;
    static const uint8_t bad[] = {0x82, 0x05, 0x61, 0x62};
    reset();
    xcv_gb_raw(&g_san, bad, sizeof(bad));
    (void)finish(1);
    assert_int_equal(match(XCV_REF_DNS, "ab.com", 0), XCV_ERR_CERT_BAD_SAN);
}

/* ------------------------------------------------------------------------ */
/* IP                                                                        */
/* ------------------------------------------------------------------------ */

static void parse_ok(const char *s, const char *hex_expected, size_t len)
{
    uint8_t out[16];
    size_t n = 0;
    xcv_slice t = {(const uint8_t *)s, strlen(s)};
    assert_int_equal(xcv_ip_parse(t, out, &n), XCV_OK);
    assert_int_equal(n, len);
    for (size_t i = 0; i < len; i++) {
        unsigned v = 0;
        for (int k = 0; k < 2; k++) {
            char c = hex_expected[2 * i + (size_t)k];
            v = v * 16u + (unsigned)((c >= 'a') ? c - 'a' + 10 : c - '0');
        }
        assert_int_equal(out[i], v);
    }
}

static void parse_bad(const char *s)
{
    uint8_t out[16];
    size_t n = 0;
    xcv_slice t = {(const uint8_t *)s, strlen(s)};
    if (xcv_ip_parse(t, out, &n) != XCV_ERR_BAD_REFERENCE) {
        fail_msg("accepted invalid address \"%s\"", s);
    }
    assert_int_equal(check(XCV_REF_IP, s), XCV_ERR_BAD_REFERENCE);
}

static void test_ipv4_parse(void **state)
{
    (void)state;
    parse_ok("1.2.3.4", "01020304", 4);
    parse_ok("0.0.0.0", "00000000", 4);
    parse_ok("255.255.255.255", "ffffffff", 4);
    parse_ok("10.0.100.9", "0a006409", 4);
}

static void test_ipv4_invalid(void **state)
{
    (void)state;
    parse_bad("1.2.3");
    parse_bad("01.2.3.4");
    parse_bad("1.2.3.04");
    parse_bad("256.1.1.1");
    parse_bad("1.2.3.4.5");
    parse_bad("1.2.3.");
    parse_bad(" 1.2.3.4");
    parse_bad("1.2.3.4 ");
    parse_bad("1..3.4");
    parse_bad("0x1.2.3.4");
    parse_bad("1234.1.1.1");
    parse_bad("16909060");
}

static void test_ipv6_parse(void **state)
{
    (void)state;
    parse_ok("::1", "00000000000000000000000000000001", 16);
    parse_ok("::", "00000000000000000000000000000000", 16);
    parse_ok("2001:db8::1", "20010db8000000000000000000000001", 16);
    parse_ok("::ffff:1.2.3.4", "00000000000000000000ffff01020304", 16);
    parse_ok("2001:0DB8:0000:0000:0000:ff00:0042:8329", "20010db8000000000000ff0000428329", 16);
    parse_ok("1:2:3:4:5:6:7:8", "00010002000300040005000600070008", 16);
    parse_ok("1::", "00010000000000000000000000000000", 16);
    parse_ok("1:2:3:4:5:6:1.2.3.4", "00010002000300040005000601020304", 16);
    parse_ok("fe80::", "fe800000000000000000000000000000", 16);
}

static void test_ipv6_invalid(void **state)
{
    (void)state;
    parse_bad(":::");
    parse_bad("1::2::3");
    parse_bad("12345::");
    parse_bad(":1");
    parse_bad("1:");
    parse_bad("1:2:3:4:5:6:7");
    parse_bad("1:2:3:4:5:6:7:8:9");
    parse_bad("1:2:3:4:5:6:7::8"); /* :: must stand for at least one group */
    parse_bad("fe80::1%eth0");
    parse_bad("[::1]");
    parse_bad("::g");
    parse_bad("::1.2.3");
    parse_bad("1:2:3:4:5:6:7:1.2.3.4");
    parse_bad("::01.2.3.4");
}

static void ip_cert(void)
{
    static const uint8_t v4[4] = {10, 0, 0, 1};
    static const uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    reset();
    xcv_gb_ip(&g_san, v4, 4);
    xcv_gb_ip(&g_san, v6, 16);
    xcv_gb_dns(&g_san, "example.com");
    (void)finish(1);
}

static void test_ip_match(void **state)
{
    (void)state;
    ip_cert();
    assert_int_equal(match(XCV_REF_IP, "10.0.0.1", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_IP, "2001:db8::1", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_IP, "2001:DB8:0:0:0:0:0:1", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_IP, "10.0.0.2", 0), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_IP, "2001:db8::2", 0), XCV_ERR_NAME_MISMATCH);
    /* same bytes in the last 4 octets, different length: no match */
    assert_int_equal(match(XCV_REF_IP, "::ffff:10.0.0.1", 0), XCV_ERR_NAME_MISMATCH);
    /* a DNS SAN never covers an IP reference, nor the other way round */
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_OK);
}

static void test_ip_ref_vs_dns_only_cert(void **state)
{
    (void)state;
    dns_cert("1.2.3.4", "example.com");
    assert_int_equal(match(XCV_REF_IP, "1.2.3.4", 0), XCV_ERR_NAME_MISMATCH);
    unsigned r = why(XCV_REF_IP, "1.2.3.4", 0);
    assert_true(r & XCV_MISMATCH_NO_IP_SAN);
    assert_true(r & XCV_MISMATCH_IP_AS_DNS);
    assert_int_equal(match(XCV_REF_IP, "1.2.3.4", XCV_FLAG_CN_FALLBACK), XCV_ERR_NAME_MISMATCH);
}

static void test_ip_never_cn(void **state)
{
    (void)state;
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "1.2.3.4");
    (void)finish(0);
    assert_int_equal(match(XCV_REF_IP, "1.2.3.4", XCV_FLAG_CN_FALLBACK), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_IP, "1.2.3.4", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_dns_ref_that_is_ip(void **state)
{
    (void)state;
    ip_cert();
    /* an address given as a host name follows the IP rules */
    assert_int_equal(match(XCV_REF_DNS, "10.0.0.1", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "2001:db8::1", 0), XCV_OK);
    dns_cert("10.0.0.1", NULL);
    assert_int_equal(match(XCV_REF_DNS, "10.0.0.1", 0), XCV_ERR_NAME_MISMATCH);
}

/* ------------------------------------------------------------------------ */
/* CN fallback                                                               */
/* ------------------------------------------------------------------------ */

static void cn_cert(const char *cn, int with_san)
{
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_C, 0x13, "US");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, cn);
    (void)finish(with_san);
}

static void test_cn_fallback_off(void **state)
{
    (void)state;
    cn_cert("www.example.com", 0);
    assert_int_equal(match(XCV_REF_DNS, "www.example.com", 0), XCV_ERR_NAME_MISMATCH);
    unsigned r = why(XCV_REF_DNS, "www.example.com", 0);
    assert_true(r & XCV_MISMATCH_CN_ONLY);
    assert_true(r & XCV_MISMATCH_NO_SAN);
}

static void test_cn_fallback_on(void **state)
{
    (void)state;
    cn_cert("www.example.com", 0);
    assert_int_equal(match(XCV_REF_DNS, "WWW.example.com", XCV_FLAG_CN_FALLBACK), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "www.example.com.", XCV_FLAG_CN_FALLBACK), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "example.com", XCV_FLAG_CN_FALLBACK),
                     XCV_ERR_NAME_MISMATCH);
}

static void test_cn_fallback_dns_san_present(void **state)
{
    (void)state;
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "www.example.com");
    xcv_gb_dns(&g_san, "other.example.com");
    (void)finish(1);
    assert_int_equal(match(XCV_REF_DNS, "www.example.com", XCV_FLAG_CN_FALLBACK),
                     XCV_ERR_NAME_MISMATCH);
    assert_true(why(XCV_REF_DNS, "www.example.com", XCV_FLAG_CN_FALLBACK) & XCV_MISMATCH_CN_ONLY);
}

static void test_cn_fallback_ip_san_present(void **state)
{
    (void)state;
    static const uint8_t v4[4] = {1, 2, 3, 4};
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "www.example.com");
    xcv_gb_ip(&g_san, v4, 4);
    (void)finish(1);
    assert_int_equal(match(XCV_REF_DNS, "www.example.com", XCV_FLAG_CN_FALLBACK),
                     XCV_ERR_NAME_MISMATCH);
    assert_true(why(XCV_REF_DNS, "www.example.com", 0) & XCV_MISMATCH_NO_DNS_SAN);
}

static void test_cn_fallback_email_san_only(void **state)
{
    (void)state;
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x13, "www.example.com");
    xcv_gb_email(&g_san, "a@example.com");
    (void)finish(1);
    assert_int_equal(match(XCV_REF_DNS, "www.example.com", XCV_FLAG_CN_FALLBACK), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "www.example.com", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_cn_last_is_used(void **state)
{
    (void)state;
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "a.example.com");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "b.example.com");
    (void)finish(0);
    assert_int_equal(match(XCV_REF_DNS, "b.example.com", XCV_FLAG_CN_FALLBACK), XCV_OK);
    assert_int_equal(match(XCV_REF_DNS, "a.example.com", XCV_FLAG_CN_FALLBACK),
                     XCV_ERR_NAME_MISMATCH);
    xcv_slice cn;
    assert_int_equal(xcv_ident_cn(&g_cert, &cn), 1);
    assert_int_equal(cn.n, 13);
    assert_memory_equal(cn.p, "b.example.com", 13);
}

static void test_cn_no_wildcard(void **state)
{
    (void)state;
    cn_cert("*.example.com", 0);
    assert_int_equal(match(XCV_REF_DNS, "foo.example.com", XCV_FLAG_CN_FALLBACK),
                     XCV_ERR_NAME_MISMATCH);
    cn_cert("www.example.com.", 0);
    assert_int_equal(match(XCV_REF_DNS, "www.example.com", XCV_FLAG_CN_FALLBACK),
                     XCV_ERR_NAME_MISMATCH);
}

static void test_cn_absent(void **state)
{
    (void)state;
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_O, 0x0C, "www.example.com");
    (void)finish(0);
    assert_int_equal(match(XCV_REF_DNS, "www.example.com", XCV_FLAG_CN_FALLBACK),
                     XCV_ERR_NAME_MISMATCH);
    assert_int_equal(xcv_ident_cn(&g_cert, NULL), 0);
}

/* ------------------------------------------------------------------------ */
/* Email                                                                     */
/* ------------------------------------------------------------------------ */

static void test_email_match(void **state)
{
    (void)state;
    reset();
    xcv_gb_email(&g_san, "Alice.Smith@Example.COM");
    (void)finish(1);
    assert_int_equal(match(XCV_REF_EMAIL, "Alice.Smith@example.com", 0), XCV_OK);
    /* local part is exact */
    assert_int_equal(match(XCV_REF_EMAIL, "alice.smith@example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_EMAIL, "Alice.Smith@example.org", 0), XCV_ERR_NAME_MISMATCH);
    /* an email SAN never covers a DNS reference */
    assert_int_equal(match(XCV_REF_DNS, "example.com", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_email_domain_only_san(void **state)
{
    (void)state;
    reset();
    xcv_gb_email(&g_san, "example.com");
    (void)finish(1);
    assert_int_equal(match(XCV_REF_EMAIL, "a@example.com", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_email_invalid_ref(void **state)
{
    (void)state;
    assert_int_equal(check(XCV_REF_EMAIL, "noat.example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_EMAIL, "@example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_EMAIL, "a@"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_EMAIL, "a@@example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_EMAIL, ".a@example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_EMAIL, "a..b@example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_EMAIL, "a b@example.com"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_EMAIL, "a@example.com."), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_EMAIL, "a+tag@example.com"), XCV_OK);
    assert_int_equal(check(XCV_REF_EMAIL, "first.last@sub.example.com"), XCV_OK);
}

static void test_email_subject_fallback(void **state)
{
    (void)state;
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_EMAIL, 0x16, "bob@example.com");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "Bob");
    (void)finish(0);
    assert_int_equal(match(XCV_REF_EMAIL, "bob@example.com", 0), XCV_ERR_NAME_MISMATCH);
    assert_true(why(XCV_REF_EMAIL, "bob@example.com", 0) & XCV_MISMATCH_CN_ONLY);
    assert_int_equal(match(XCV_REF_EMAIL, "bob@EXAMPLE.com", XCV_FLAG_CN_FALLBACK), XCV_OK);
    assert_int_equal(match(XCV_REF_EMAIL, "eve@example.com", XCV_FLAG_CN_FALLBACK),
                     XCV_ERR_NAME_MISMATCH);
}

static void test_email_subject_ignored_with_san(void **state)
{
    (void)state;
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_EMAIL, 0x16, "bob@example.com");
    xcv_gb_email(&g_san, "alice@example.com");
    (void)finish(1);
    assert_int_equal(match(XCV_REF_EMAIL, "bob@example.com", XCV_FLAG_CN_FALLBACK),
                     XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_EMAIL, "alice@example.com", XCV_FLAG_CN_FALLBACK), XCV_OK);
}

/* ------------------------------------------------------------------------ */
/* URI                                                                       */
/* ------------------------------------------------------------------------ */

static void test_uri_spiffe(void **state)
{
    (void)state;
    reset();
    xcv_gb_uri(&g_san, "spiffe://example.org/service");
    (void)finish(1);
    assert_int_equal(match(XCV_REF_URI, "spiffe://example.org/service", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_URI, "SPIFFE://Example.ORG/service", 0), XCV_OK);
    assert_int_equal(match(XCV_REF_URI, "spiffe://example.org/Service", 0), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_URI, "spiffe://example.org/service/x", 0),
                     XCV_ERR_NAME_MISMATCH);
    assert_int_equal(match(XCV_REF_URI, "spiffe://evil.org/service", 0), XCV_ERR_NAME_MISMATCH);
    /* a URI SAN never covers its host as a DNS reference */
    assert_int_equal(match(XCV_REF_DNS, "example.org", 0), XCV_ERR_NAME_MISMATCH);
}

static void test_uri_invalid_ref(void **state)
{
    (void)state;
    assert_int_equal(check(XCV_REF_URI, "example.org/service"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_URI, "spiffe://exa mple.org/x"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_URI, "spiffe://exa_mple.org/x"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_URI, "1http://example.org/"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_URI, "https://example.org:44a/"), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(check(XCV_REF_URI, "https://[::1]:443/"), XCV_OK);
    assert_int_equal(check(XCV_REF_URI, "https://user@example.org:8443/a?b#c"), XCV_OK);
    assert_int_equal(check(XCV_REF_URI, "urn:example:thing"), XCV_OK);
}

static void test_uri_no_san(void **state)
{
    (void)state;
    dns_cert("example.org", NULL);
    assert_true(why(XCV_REF_URI, "spiffe://example.org/x", 0) & XCV_MISMATCH_NO_URI_SAN);
}

/* ------------------------------------------------------------------------ */
/* Listing and formatting                                                    */
/* ------------------------------------------------------------------------ */

static void test_ident_list(void **state)
{
    (void)state;
    ip_cert();
    struct xcv_general_name out[2];
    int has_ip = -1, has_dns = -1;
    assert_int_equal(xcv_ident_list(&g_cert, out, 2, &has_ip, &has_dns), 3);
    assert_int_equal(has_ip, 1);
    assert_int_equal(has_dns, 1);
    assert_int_equal(out[0].type, XCV_GN_IP);
    assert_int_equal(out[0].value.n, 4);
    assert_int_equal(out[1].type, XCV_GN_IP);
    assert_int_equal(out[1].value.n, 16);
    reset();
    xcv_gb_email(&g_san, "a@example.com");
    (void)finish(1);
    assert_int_equal(xcv_ident_list(&g_cert, NULL, 0, &has_ip, &has_dns), 1);
    assert_int_equal(has_ip, 0);
    assert_int_equal(has_dns, 0);
}

static void fmt_is(const uint8_t *ip, size_t len, const char *want)
{
    char buf[80];
    size_t n = xcv_ip_format(ip, len, buf, sizeof(buf));
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
}

static void test_ip_format(void **state)
{
    (void)state;
    static const uint8_t v4[4] = {192, 0, 2, 10};
    static const uint8_t lo[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    static const uint8_t zero[16] = {0};
    static const uint8_t doc[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1};
    static const uint8_t mapped[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4};
    static const uint8_t one_zero[16] = {0, 1, 0, 0, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7};
    static const uint8_t nc4[8] = {10, 0, 0, 0, 255, 0, 0, 0};
    static const uint8_t nc4_bad[8] = {10, 0, 0, 0, 255, 0, 255, 0};
    fmt_is(v4, 4, "192.0.2.10");
    fmt_is(lo, 16, "::1");
    fmt_is(zero, 16, "::");
    fmt_is(doc, 16, "2001:db8::1:0:0:1");
    fmt_is(mapped, 16, "::ffff:1.2.3.4");
    fmt_is(one_zero, 16, "1:0:2:3:4:5:6:7");
    fmt_is(nc4, 8, "10.0.0.0/8");
    fmt_is(nc4_bad, 8, "10.0.0.0/255.0.255.0");
    fmt_is(v4, 3, "c00002");
    char small[4];
    assert_int_equal(xcv_ip_format(v4, 4, small, sizeof(small)), 10);
    assert_string_equal(small, "192");
}

static void test_cn_claims(void **state)
{
    (void)state;
    static const uint8_t v4[4] = {192, 168, 1, 1};
    static const uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    /* SAN copies, the subscriber's domain above a SAN host, free text and
     * single labels (private service names) pass. */
    const char *ok_cns[] = {"valid.example.com", "192.168.1.1", "2001:db8::1", "example.com",
                            "My Test Server", "kube-apiserver"};
    /* IP texts not canonical (hex, leading zeros, upper case, uncompressed),
     * an IP not in the SAN, case-only copies, siblings, other domains,
     * U-labels. */
    const char *bad_cns[] = {"0xC0A80101",          "192.168.001.001",  "2001:DB8::1",
                             "2001:db8:0:0:0:0:0:1", "10.0.0.1",         "VALID.example.com",
                             "other.example.com",    "xn--n3h.com",      "t\xc3\xa9st.example.com"};
    for (size_t i = 0; i < sizeof(ok_cns) / sizeof(ok_cns[0]); i++) {
        reset();
        xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, ok_cns[i]);
        xcv_gb_dns(&g_san, "valid.example.com");
        xcv_gb_ip(&g_san, v4, 4);
        xcv_gb_ip(&g_san, v6, 16);
        (void)finish(1);
        if (xcv_ident_cn_claims(&g_cert) != XCV_OK) {
            fail_msg("CN \"%s\" refused", ok_cns[i]);
        }
    }
    for (size_t i = 0; i < sizeof(bad_cns) / sizeof(bad_cns[0]); i++) {
        reset();
        xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, bad_cns[i]);
        xcv_gb_dns(&g_san, "valid.example.com");
        xcv_gb_ip(&g_san, v4, 4);
        xcv_gb_ip(&g_san, v6, 16);
        (void)finish(1);
        if (xcv_ident_cn_claims(&g_cert) != XCV_ERR_NAME_MISMATCH) {
            fail_msg("CN \"%s\" accepted", bad_cns[i]);
        }
    }
    /* A wildcard SAN: its parent domain passes, a sibling does not. */
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "example.com");
    xcv_gb_dns(&g_san, "*.example.com");
    (void)finish(1);
    assert_int_equal(xcv_ident_cn_claims(&g_cert), XCV_OK);
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "example.org");
    xcv_gb_dns(&g_san, "*.example.com");
    (void)finish(1);
    assert_int_equal(xcv_ident_cn_claims(&g_cert), XCV_ERR_NAME_MISMATCH);
    /* Only iPAddress SANs: a host-name CN is not judged; an IP CN is. */
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "example.com");
    xcv_gb_ip(&g_san, v4, 4);
    (void)finish(1);
    assert_int_equal(xcv_ident_cn_claims(&g_cert), XCV_OK);
    reset();
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "192.168.1.2");
    xcv_gb_ip(&g_san, v4, 4);
    (void)finish(1);
    assert_int_equal(xcv_ident_cn_claims(&g_cert), XCV_ERR_NAME_MISMATCH);
    /* No DNS/IP SAN: the rule does not apply. */
    cn_cert("other.example.org", 0);
    assert_int_equal(xcv_ident_cn_claims(&g_cert), XCV_OK);
}

static void test_psl(void **state)
{
    (void)state;
    assert_int_equal(xcv_psl_is_public_suffix((const uint8_t *)"com", 3), 1);
    assert_int_equal(xcv_psl_is_public_suffix((const uint8_t *)"CO.UK", 5), 1);
    assert_int_equal(xcv_psl_is_public_suffix((const uint8_t *)"ne.jp", 5), 1);
    assert_int_equal(xcv_psl_is_public_suffix((const uint8_t *)"example.com", 11), 0);
    assert_int_equal(xcv_psl_is_public_suffix((const uint8_t *)"example.co.uk", 13), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cn_claims),
        cmocka_unit_test(test_ref_empty),
        cmocka_unit_test(test_ref_embedded_nul),
        cmocka_unit_test(test_ref_label_length),
        cmocka_unit_test(test_ref_name_length),
        cmocka_unit_test(test_ref_not_ldh),
        cmocka_unit_test(test_ref_numeric_tld),
        cmocka_unit_test(test_ref_ulabel),
        cmocka_unit_test(test_ref_trailing_dot),
        cmocka_unit_test(test_ref_type_invalid),
        cmocka_unit_test(test_dns_exact),
        cmocka_unit_test(test_dns_case_folding),
        cmocka_unit_test(test_dns_alabel_ascii),
        cmocka_unit_test(test_wildcard_one_label),
        cmocka_unit_test(test_wildcard_not_bare_parent),
        cmocka_unit_test(test_wildcard_not_two_labels),
        cmocka_unit_test(test_wildcard_tld),
        cmocka_unit_test(test_wildcard_public_suffix),
        cmocka_unit_test(test_wildcard_partial_label),
        cmocka_unit_test(test_wildcard_double),
        cmocka_unit_test(test_wildcard_alabel),
        cmocka_unit_test(test_dns_match_direct),
        cmocka_unit_test(test_san_malformed_never_match),
        cmocka_unit_test(test_san_nul_inside),
        cmocka_unit_test(test_san_der_malformed),
        cmocka_unit_test(test_ipv4_parse),
        cmocka_unit_test(test_ipv4_invalid),
        cmocka_unit_test(test_ipv6_parse),
        cmocka_unit_test(test_ipv6_invalid),
        cmocka_unit_test(test_ip_match),
        cmocka_unit_test(test_ip_ref_vs_dns_only_cert),
        cmocka_unit_test(test_ip_never_cn),
        cmocka_unit_test(test_dns_ref_that_is_ip),
        cmocka_unit_test(test_cn_fallback_off),
        cmocka_unit_test(test_cn_fallback_on),
        cmocka_unit_test(test_cn_fallback_dns_san_present),
        cmocka_unit_test(test_cn_fallback_ip_san_present),
        cmocka_unit_test(test_cn_fallback_email_san_only),
        cmocka_unit_test(test_cn_last_is_used),
        cmocka_unit_test(test_cn_no_wildcard),
        cmocka_unit_test(test_cn_absent),
        cmocka_unit_test(test_email_match),
        cmocka_unit_test(test_email_domain_only_san),
        cmocka_unit_test(test_email_invalid_ref),
        cmocka_unit_test(test_email_subject_fallback),
        cmocka_unit_test(test_email_subject_ignored_with_san),
        cmocka_unit_test(test_uri_spiffe),
        cmocka_unit_test(test_uri_invalid_ref),
        cmocka_unit_test(test_uri_no_san),
        cmocka_unit_test(test_ident_list),
        cmocka_unit_test(test_ip_format),
        cmocka_unit_test(test_psl),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
