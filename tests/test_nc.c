/* test_nc.c -- name constraints (src/nc.c). */
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
#include "nc.h"
#include "xcv.h"

static struct xcv_gb g_san;
static struct xcv_gb g_rdns;
static struct xcv_gb g_subject;
static struct xcv_gb g_perm;
static struct xcv_gb g_excl;
static struct xcv_cert g_cert;
static int g_with_san;

static void reset(void)
{
    memset(&g_cert, 0, sizeof(g_cert));
    xcv_gb_init(&g_san);
    xcv_gb_init(&g_rdns);
    xcv_gb_init(&g_subject);
    xcv_gb_init(&g_perm);
    xcv_gb_init(&g_excl);
    g_with_san = 1;
}

static xcv_err run_leaf(int is_leaf, unsigned long *budget)
{
    xcv_gb_name(&g_rdns, &g_subject);
    assert_true(g_san.ok && g_subject.ok && g_perm.ok && g_excl.ok);
    g_cert.subject = xcv_gb_slice(&g_subject);
    if (g_with_san) {
        g_cert.san = xcv_gb_slice(&g_san);
        g_cert.ext_present |= XCV_EXT_SUBJECT_ALT_NAME;
    } else {
        g_cert.san = xcv_slice_empty();
        g_cert.ext_present &= ~XCV_EXT_SUBJECT_ALT_NAME;
    }
    return xcv_nc_check(&g_cert, is_leaf, xcv_gb_slice(&g_perm), xcv_gb_slice(&g_excl), budget);
}

static xcv_err run(void)
{
    unsigned long budget = 250000;
    return run_leaf(1, &budget);
}

/* One DNS SAN against the current constraints. */
static xcv_err dns(const char *name)
{
    xcv_gb_init(&g_san);
    xcv_gb_dns(&g_san, name);
    return run();
}

static xcv_err ip(const uint8_t *a, size_t n)
{
    xcv_gb_init(&g_san);
    xcv_gb_ip(&g_san, a, n);
    return run();
}

static xcv_err email(const char *m)
{
    xcv_gb_init(&g_san);
    xcv_gb_email(&g_san, m);
    return run();
}

static xcv_err uri(const char *u)
{
    xcv_gb_init(&g_san);
    xcv_gb_uri(&g_san, u);
    return run();
}

/* ------------------------------------------------------------------------ */
/* General                                                                   */
/* ------------------------------------------------------------------------ */

static void test_no_constraints(void **state)
{
    (void)state;
    reset();
    assert_int_equal(dns("anything.example"), XCV_OK);
}

static void test_type_not_constrained(void **state)
{
    (void)state;
    static const uint8_t a[4] = {1, 2, 3, 4};
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    /* only DNS names are constrained: an IP SAN passes */
    assert_int_equal(ip(a, 4), XCV_OK);
    assert_int_equal(email("a@evil.com"), XCV_OK);
}

/* ------------------------------------------------------------------------ */
/* dNSName                                                                   */
/* ------------------------------------------------------------------------ */

static void test_dns_permitted_host_and_subdomains(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    assert_int_equal(dns("example.com"), XCV_OK);
    assert_int_equal(dns("www.example.com"), XCV_OK);
    assert_int_equal(dns("a.b.example.com"), XCV_OK);
    assert_int_equal(dns("badexample.com"), XCV_ERR_NAME_NOT_PERMITTED);
    assert_int_equal(dns("example.com.evil.org"), XCV_ERR_NAME_NOT_PERMITTED);
    assert_int_equal(dns("example.org"), XCV_ERR_NAME_NOT_PERMITTED);
}

static void test_dns_permitted_leading_dot(void **state)
{
    (void)state;
    reset();
    /* RFC 5280 defines no leading-period dNSName constraint: malformed
     * (x509-limbo rfc5280::nc::invalid-dnsname-leading-period), in permitted
     * and excluded subtrees alike; the plain form covers subdomains. */
    xcv_gb_st_dns(&g_perm, ".example.com");
    assert_int_equal(dns("www.example.com"), XCV_ERR_NC_MALFORMED);
    assert_int_equal(dns("example.com"), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_st_dns(&g_excl, ".example.com");
    assert_int_equal(dns("www.example.org"), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    assert_int_equal(dns("www.example.com"), XCV_OK);
}

static void test_dns_excluded(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_excl, "bad.example.com");
    assert_int_equal(dns("bad.example.com"), XCV_ERR_NAME_EXCLUDED);
    assert_int_equal(dns("x.bad.example.com"), XCV_ERR_NAME_EXCLUDED);
    assert_int_equal(dns("good.example.com"), XCV_OK);
    assert_int_equal(dns("notbad.example.com"), XCV_OK);
}

static void test_dns_excluded_wins(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    xcv_gb_st_dns(&g_excl, "secret.example.com");
    assert_int_equal(dns("www.example.com"), XCV_OK);
    assert_int_equal(dns("db.secret.example.com"), XCV_ERR_NAME_EXCLUDED);
}

static void test_dns_case_insensitive(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "EXAMPLE.com");
    xcv_gb_st_dns(&g_excl, "Bad.Example.COM");
    assert_int_equal(dns("www.example.COM"), XCV_OK);
    assert_int_equal(dns("BAD.example.com"), XCV_ERR_NAME_EXCLUDED);
}

static void test_dns_empty_constraint(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "");
    assert_int_equal(dns("anything.example"), XCV_OK);
    reset();
    xcv_gb_st_dns(&g_excl, "");
    assert_int_equal(dns("anything.example"), XCV_ERR_NAME_EXCLUDED);
}

static void test_dns_multiple_permitted(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    xcv_gb_st_dns(&g_perm, "example.org");
    assert_int_equal(dns("a.example.org"), XCV_OK);
    assert_int_equal(dns("a.example.com"), XCV_OK);
    assert_int_equal(dns("a.example.net"), XCV_ERR_NAME_NOT_PERMITTED);
}

static void test_dns_every_san_checked(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    xcv_gb_dns(&g_san, "www.example.com");
    xcv_gb_dns(&g_san, "www.evil.com");
    assert_int_equal(run(), XCV_ERR_NAME_NOT_PERMITTED);
}

static void test_dns_wildcard_san(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    assert_int_equal(dns("*.example.com"), XCV_OK);
    reset();
    xcv_gb_st_dns(&g_perm, "a.example.com");
    assert_int_equal(dns("*.example.com"), XCV_ERR_NAME_NOT_PERMITTED);
    reset();
    xcv_gb_st_dns(&g_excl, "bad.example.com");
    assert_int_equal(dns("*.example.com"), XCV_ERR_NAME_EXCLUDED);
    assert_int_equal(dns("*.other.com"), XCV_OK);
}

static void test_dns_malformed_san(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    assert_int_equal(dns("www..example.com"), XCV_ERR_BAD_SAN_NAME);
    assert_int_equal(dns("www.example.com."), XCV_ERR_BAD_SAN_NAME);
    assert_int_equal(dns("www example.com"), XCV_ERR_BAD_SAN_NAME);
    /* without a DNS constraint the malformed name is not interpreted here */
    reset();
    xcv_gb_st_email(&g_perm, "example.com");
    assert_int_equal(dns("www..example.com"), XCV_OK);
}

static void test_dns_malformed_constraint(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "a..example.com");
    assert_int_equal(dns("a.example.com"), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_st_dns(&g_perm, "example.com.");
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_perm)), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_st_dns(&g_perm, ".");
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_perm)), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_st_dns(&g_perm, ".example.com");
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_perm)), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_perm)), XCV_OK);
}

/* ------------------------------------------------------------------------ */
/* Subject CN as a host name                                                 */
/* ------------------------------------------------------------------------ */

static void test_cn_checked_without_san(void **state)
{
    (void)state;
    unsigned long budget = 1000;
    reset();
    g_with_san = 0;
    xcv_gb_st_dns(&g_perm, "example.com");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "www.evil.com");
    assert_int_equal(run_leaf(1, &budget), XCV_ERR_NAME_NOT_PERMITTED);
    /* not for CA certificates */
    assert_int_equal(run_leaf(0, &budget), XCV_OK);
    reset();
    g_with_san = 0;
    xcv_gb_st_dns(&g_perm, "example.com");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "www.example.com");
    assert_int_equal(run_leaf(1, &budget), XCV_OK);
}

static void test_cn_not_checked_with_san(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "www.evil.com");
    assert_int_equal(dns("www.example.com"), XCV_OK);
}

static void test_cn_not_hostname(void **state)
{
    (void)state;
    reset();
    g_with_san = 0;
    xcv_gb_st_dns(&g_perm, "example.com");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "Example Corp Server");
    assert_int_equal(run(), XCV_OK);
}

/* ------------------------------------------------------------------------ */
/* iPAddress                                                                 */
/* ------------------------------------------------------------------------ */

static const uint8_t net10[8] = {10, 0, 0, 0, 255, 0, 0, 0};
static const uint8_t net192[8] = {192, 168, 0, 0, 255, 255, 0, 0};
static const uint8_t net6[32] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

static void test_ipv4_permitted(void **state)
{
    (void)state;
    static const uint8_t in[4] = {10, 1, 2, 3};
    static const uint8_t out[4] = {11, 0, 0, 1};
    reset();
    xcv_gb_st_ip(&g_perm, net10, 8);
    assert_int_equal(ip(in, 4), XCV_OK);
    assert_int_equal(ip(out, 4), XCV_ERR_NAME_NOT_PERMITTED);
}

static void test_ipv4_excluded(void **state)
{
    (void)state;
    static const uint8_t in[4] = {192, 168, 7, 1};
    static const uint8_t out[4] = {192, 169, 0, 1};
    reset();
    xcv_gb_st_ip(&g_excl, net192, 8);
    assert_int_equal(ip(in, 4), XCV_ERR_NAME_EXCLUDED);
    assert_int_equal(ip(out, 4), XCV_OK);
}

static void test_ipv6_permitted(void **state)
{
    (void)state;
    static const uint8_t in[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    static const uint8_t out[16] = {0x20, 0x01, 0x0d, 0xb9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    reset();
    xcv_gb_st_ip(&g_perm, net6, 32);
    assert_int_equal(ip(in, 16), XCV_OK);
    assert_int_equal(ip(out, 16), XCV_ERR_NAME_NOT_PERMITTED);
}

static void test_ip_family_separate(void **state)
{
    (void)state;
    static const uint8_t v4[4] = {10, 0, 0, 1};
    static const uint8_t mapped[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1};
    reset();
    xcv_gb_st_ip(&g_perm, net6, 32);
    assert_int_equal(ip(v4, 4), XCV_ERR_NAME_NOT_PERMITTED);
    reset();
    xcv_gb_st_ip(&g_perm, net10, 8);
    assert_int_equal(ip(mapped, 16), XCV_ERR_NAME_NOT_PERMITTED);
    reset();
    xcv_gb_st_ip(&g_excl, net10, 8);
    assert_int_equal(ip(mapped, 16), XCV_OK);
}

static void test_ip_mask_noncontiguous(void **state)
{
    (void)state;
    static const uint8_t bad[8] = {10, 0, 0, 0, 255, 0, 255, 0};
    static const uint8_t a[4] = {10, 0, 0, 1};
    reset();
    xcv_gb_st_ip(&g_perm, bad, 8);
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_perm)), XCV_ERR_NC_MALFORMED);
    assert_int_equal(ip(a, 4), XCV_ERR_NC_MALFORMED);
    /* a contiguous /0 is fine and matches everything IPv4 */
    static const uint8_t any[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    reset();
    xcv_gb_st_ip(&g_perm, any, 8);
    assert_int_equal(ip(a, 4), XCV_OK);
}

static void test_ip_constraint_bad_length(void **state)
{
    (void)state;
    static const uint8_t four[4] = {10, 0, 0, 0};
    reset();
    xcv_gb_st_ip(&g_perm, four, 4);
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_perm)), XCV_ERR_NC_MALFORMED);
}

/* ------------------------------------------------------------------------ */
/* rfc822Name                                                                */
/* ------------------------------------------------------------------------ */

static void test_email_mailbox(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_email(&g_perm, "alice@example.com");
    assert_int_equal(email("alice@EXAMPLE.com"), XCV_OK);
    assert_int_equal(email("Alice@example.com"), XCV_ERR_NAME_NOT_PERMITTED);
    assert_int_equal(email("bob@example.com"), XCV_ERR_NAME_NOT_PERMITTED);
}

static void test_email_host(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_email(&g_perm, "example.com");
    assert_int_equal(email("anyone@Example.com"), XCV_OK);
    assert_int_equal(email("anyone@mail.example.com"), XCV_ERR_NAME_NOT_PERMITTED);
}

static void test_email_domain(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_email(&g_perm, ".example.com");
    assert_int_equal(email("anyone@mail.example.com"), XCV_OK);
    assert_int_equal(email("anyone@example.com"), XCV_ERR_NAME_NOT_PERMITTED);
    reset();
    xcv_gb_st_email(&g_excl, ".example.com");
    assert_int_equal(email("x@a.example.com"), XCV_ERR_NAME_EXCLUDED);
    assert_int_equal(email("x@example.com"), XCV_OK);
}

static void test_email_malformed_san(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_email(&g_perm, "example.com");
    assert_int_equal(email("no-at-sign.example.com"), XCV_ERR_BAD_SAN_NAME);
    assert_int_equal(email("@example.com"), XCV_ERR_BAD_SAN_NAME);
    /* an unquoted '@' in the local part is not a mailbox */
    assert_int_equal(email("invalid@address@example.com"), XCV_ERR_BAD_SAN_NAME);
    assert_int_equal(email("a..b@example.com"), XCV_ERR_BAD_SAN_NAME);
    /* a quoted local part may hold it */
    assert_int_equal(email("\"invalid@address\"@example.com"), XCV_OK);
    assert_int_equal(email("good@example.com"), XCV_OK);
}

static void test_email_subject_attribute(void **state)
{
    (void)state;
    reset();
    g_with_san = 0;
    xcv_gb_st_email(&g_perm, "example.com");
    xcv_gb_rdn(&g_rdns, XCV_GB_EMAIL, 0x16, "eve@evil.com");
    assert_int_equal(run(), XCV_ERR_NAME_NOT_PERMITTED);
    reset();
    g_with_san = 0;
    xcv_gb_st_email(&g_perm, "example.com");
    xcv_gb_rdn(&g_rdns, XCV_GB_EMAIL, 0x16, "bob@example.com");
    assert_int_equal(run(), XCV_OK);
    /* with a SAN extension the subject emailAddress is not a SAN substitute */
    reset();
    xcv_gb_st_email(&g_perm, "example.com");
    xcv_gb_rdn(&g_rdns, XCV_GB_EMAIL, 0x16, "eve@evil.com");
    assert_int_equal(email("bob@example.com"), XCV_OK);
}

/* ------------------------------------------------------------------------ */
/* directoryName                                                             */
/* ------------------------------------------------------------------------ */

static struct xcv_gb g_prefix;

static void make_prefix(const char *c, const char *o)
{
    struct xcv_gb r;
    xcv_gb_init(&r);
    xcv_gb_rdn(&r, XCV_GB_C, 0x13, c);
    xcv_gb_rdn(&r, XCV_GB_O, 0x0C, o);
    xcv_gb_name(&r, &g_prefix);
}

static void test_dirname_permitted(void **state)
{
    (void)state;
    reset();
    make_prefix("US", "Example");
    xcv_gb_st_dirname(&g_perm, xcv_gb_slice(&g_prefix));
    xcv_gb_rdn(&g_rdns, XCV_GB_C, 0x13, "US");
    xcv_gb_rdn(&g_rdns, XCV_GB_O, 0x0C, "Example");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "host");
    assert_int_equal(run(), XCV_OK);
    reset();
    xcv_gb_st_dirname(&g_perm, xcv_gb_slice(&g_prefix));
    xcv_gb_rdn(&g_rdns, XCV_GB_C, 0x13, "US");
    xcv_gb_rdn(&g_rdns, XCV_GB_O, 0x0C, "Other");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "host");
    assert_int_equal(run(), XCV_ERR_NAME_NOT_PERMITTED);
    /* the prefix must be a prefix, not a suffix or subset */
    reset();
    xcv_gb_st_dirname(&g_perm, xcv_gb_slice(&g_prefix));
    xcv_gb_rdn(&g_rdns, XCV_GB_C, 0x13, "US");
    assert_int_equal(run(), XCV_ERR_NAME_NOT_PERMITTED);
}

static void test_dirname_excluded(void **state)
{
    (void)state;
    reset();
    make_prefix("US", "Bad Org");
    xcv_gb_st_dirname(&g_excl, xcv_gb_slice(&g_prefix));
    xcv_gb_rdn(&g_rdns, XCV_GB_C, 0x13, "US");
    xcv_gb_rdn(&g_rdns, XCV_GB_O, 0x0C, "Bad Org");
    xcv_gb_rdn(&g_rdns, XCV_GB_CN, 0x0C, "x");
    assert_int_equal(run(), XCV_ERR_NAME_EXCLUDED);
    reset();
    xcv_gb_st_dirname(&g_excl, xcv_gb_slice(&g_prefix));
    xcv_gb_rdn(&g_rdns, XCV_GB_C, 0x13, "US");
    xcv_gb_rdn(&g_rdns, XCV_GB_O, 0x0C, "Good Org");
    assert_int_equal(run(), XCV_OK);
}

static void test_dirname_empty_subject(void **state)
{
    (void)state;
    reset();
    make_prefix("US", "Example");
    xcv_gb_st_dirname(&g_perm, xcv_gb_slice(&g_prefix));
    /* empty subject: no RDNs, never violates */
    assert_int_equal(dns("www.example.com"), XCV_OK);
}

static void test_dirname_san(void **state)
{
    (void)state;
    struct xcv_gb r;
    struct xcv_gb other;
    reset();
    make_prefix("US", "Example");
    xcv_gb_st_dirname(&g_perm, xcv_gb_slice(&g_prefix));
    xcv_gb_init(&r);
    xcv_gb_rdn(&r, XCV_GB_C, 0x13, "DE");
    xcv_gb_name(&r, &other);
    xcv_gb_dirname(&g_san, xcv_gb_slice(&other));
    assert_int_equal(run(), XCV_ERR_NAME_NOT_PERMITTED);
    xcv_gb_init(&g_san);
    xcv_gb_dirname(&g_san, xcv_gb_slice(&g_prefix));
    assert_int_equal(run(), XCV_OK);
}

/* ------------------------------------------------------------------------ */
/* uniformResourceIdentifier                                                 */
/* ------------------------------------------------------------------------ */

static void test_uri_host(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_uri(&g_perm, "example.com");
    assert_int_equal(uri("https://example.com/path"), XCV_OK);
    assert_int_equal(uri("https://user@EXAMPLE.com:8443/path"), XCV_OK);
    assert_int_equal(uri("https://www.example.com/"), XCV_ERR_NAME_NOT_PERMITTED);
    assert_int_equal(uri("https://evil.com/example.com"), XCV_ERR_NAME_NOT_PERMITTED);
}

static void test_uri_domain(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_uri(&g_perm, ".example.com");
    assert_int_equal(uri("spiffe://prod.example.com/svc"), XCV_OK);
    assert_int_equal(uri("spiffe://example.com/svc"), XCV_ERR_NAME_NOT_PERMITTED);
    reset();
    xcv_gb_st_uri(&g_excl, ".evil.com");
    assert_int_equal(uri("https://a.evil.com/"), XCV_ERR_NAME_EXCLUDED);
    assert_int_equal(uri("https://a.good.com/"), XCV_OK);
}

static void test_uri_without_host(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_uri(&g_perm, "example.com");
    assert_int_equal(uri("urn:example:thing"), XCV_ERR_NAME_NOT_PERMITTED);
    assert_int_equal(uri("https://10.0.0.1/"), XCV_ERR_NAME_NOT_PERMITTED);
    assert_int_equal(uri("https://[::1]/"), XCV_ERR_NAME_NOT_PERMITTED);
    reset();
    xcv_gb_st_uri(&g_excl, "evil.com");
    assert_int_equal(uri("urn:example:thing"), XCV_ERR_NAME_EXCLUDED);
    /* no URI constraint at all: not interpreted */
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    assert_int_equal(uri("urn:example:thing"), XCV_OK);
}

/* ------------------------------------------------------------------------ */
/* Unsupported types, malformed subtrees, budget                             */
/* ------------------------------------------------------------------------ */

/* otherName: SEQUENCE { OID 1.2.3, [0] { UTF8String "x" } } content */
static const uint8_t other_name[] = {0x06, 0x02, 0x2A, 0x03, 0xA0, 0x03, 0x0C, 0x01, 0x78};
static const uint8_t reg_id[] = {0x2A, 0x03, 0x04};

static void test_unsupported_type_present(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_gn(&g_perm, 0xA0, other_name, sizeof(other_name));
    xcv_gb_gn(&g_san, 0xA0, other_name, sizeof(other_name));
    assert_int_equal(run(), XCV_ERR_NC_UNSUPPORTED);
    reset();
    xcv_gb_st_gn(&g_excl, 0x88, reg_id, sizeof(reg_id));
    xcv_gb_gn(&g_san, 0x88, reg_id, sizeof(reg_id));
    assert_int_equal(run(), XCV_ERR_NC_UNSUPPORTED);
}

static void test_unsupported_type_absent(void **state)
{
    (void)state;
    reset();
    xcv_gb_st_gn(&g_perm, 0xA0, other_name, sizeof(other_name));
    assert_int_equal(dns("www.example.com"), XCV_OK);
    /* an otherName SAN without an otherName constraint is fine too */
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    xcv_gb_gn(&g_san, 0xA0, other_name, sizeof(other_name));
    assert_int_equal(run(), XCV_OK);
}

static void test_minimum_maximum(void **state)
{
    (void)state;
    static const uint8_t min0[] = {0x80, 0x01, 0x00};
    static const uint8_t min1[] = {0x80, 0x01, 0x01};
    static const uint8_t max1[] = {0x81, 0x01, 0x01};
    struct xcv_gb base;
    xcv_gb_init(&base);
    xcv_gb_dns(&base, "example.com");
    reset();
    xcv_gb_subtree(&g_perm, &base, min0, sizeof(min0));
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_perm)), XCV_ERR_NC_MALFORMED);
    assert_int_equal(dns("www.example.com"), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_subtree(&g_excl, &base, min1, sizeof(min1));
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_excl)), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_subtree(&g_perm, &base, max1, sizeof(max1));
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_perm)), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_subtree(&g_perm, &base, NULL, 0);
    assert_int_equal(xcv_nc_validate(xcv_gb_slice(&g_perm)), XCV_OK);
}

static void test_malformed_subtree_der(void **state)
{
    (void)state;
    static const uint8_t not_seq[] = {0x82, 0x03, 'a', '.', 'b'};
    static const uint8_t trunc[] = {0x30, 0x05, 0x82, 0x03, 'a'};
    static const uint8_t bad_tag[] = {0x30, 0x03, 0x89, 0x01, 0x00};
    xcv_slice s1 = {not_seq, sizeof(not_seq)};
    xcv_slice s2 = {trunc, sizeof(trunc)};
    xcv_slice s3 = {bad_tag, sizeof(bad_tag)};
    assert_int_equal(xcv_nc_validate(s1), XCV_ERR_NC_MALFORMED);
    assert_int_equal(xcv_nc_validate(s2), XCV_ERR_NC_MALFORMED);
    assert_int_equal(xcv_nc_validate(s3), XCV_ERR_NC_MALFORMED);
    reset();
    xcv_gb_raw(&g_perm, trunc, sizeof(trunc));
    assert_int_equal(dns("a.b"), XCV_ERR_NC_MALFORMED);
}

static void test_budget_exhausted(void **state)
{
    (void)state;
    unsigned long budget = 3;
    reset();
    xcv_gb_st_dns(&g_perm, "a.example");
    xcv_gb_st_dns(&g_perm, "b.example");
    xcv_gb_st_dns(&g_perm, "c.example");
    xcv_gb_st_dns(&g_perm, "d.example");
    xcv_gb_dns(&g_san, "d.example");
    assert_int_equal(run_leaf(1, &budget), XCV_ERR_NC_BUDGET);
    assert_int_equal(budget, 0);
    budget = 4;
    assert_int_equal(run_leaf(1, &budget), XCV_OK);
    assert_int_equal(budget, 0);
    budget = 0;
    assert_int_equal(run_leaf(1, &budget), XCV_ERR_NC_BUDGET);
}

static void test_budget_decrements(void **state)
{
    (void)state;
    unsigned long budget = 100;
    reset();
    xcv_gb_st_dns(&g_perm, "example.com");
    xcv_gb_st_dns(&g_excl, "bad.example.com");
    xcv_gb_dns(&g_san, "a.example.com");
    xcv_gb_dns(&g_san, "b.example.com");
    assert_int_equal(run_leaf(1, &budget), XCV_OK);
    /* two names, each against one excluded and one permitted subtree */
    assert_int_equal(budget, 96);
}

static void test_invalid_argument(void **state)
{
    (void)state;
    unsigned long budget = 10;
    xcv_slice e = {NULL, 0};
    assert_int_equal(xcv_nc_check(NULL, 1, e, e, &budget), XCV_ERR_INVALID_ARGUMENT);
    reset();
    assert_int_equal(xcv_nc_check(&g_cert, 1, e, e, NULL), XCV_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_constraints),
        cmocka_unit_test(test_type_not_constrained),
        cmocka_unit_test(test_dns_permitted_host_and_subdomains),
        cmocka_unit_test(test_dns_permitted_leading_dot),
        cmocka_unit_test(test_dns_excluded),
        cmocka_unit_test(test_dns_excluded_wins),
        cmocka_unit_test(test_dns_case_insensitive),
        cmocka_unit_test(test_dns_empty_constraint),
        cmocka_unit_test(test_dns_multiple_permitted),
        cmocka_unit_test(test_dns_every_san_checked),
        cmocka_unit_test(test_dns_wildcard_san),
        cmocka_unit_test(test_dns_malformed_san),
        cmocka_unit_test(test_dns_malformed_constraint),
        cmocka_unit_test(test_cn_checked_without_san),
        cmocka_unit_test(test_cn_not_checked_with_san),
        cmocka_unit_test(test_cn_not_hostname),
        cmocka_unit_test(test_ipv4_permitted),
        cmocka_unit_test(test_ipv4_excluded),
        cmocka_unit_test(test_ipv6_permitted),
        cmocka_unit_test(test_ip_family_separate),
        cmocka_unit_test(test_ip_mask_noncontiguous),
        cmocka_unit_test(test_ip_constraint_bad_length),
        cmocka_unit_test(test_email_mailbox),
        cmocka_unit_test(test_email_host),
        cmocka_unit_test(test_email_domain),
        cmocka_unit_test(test_email_malformed_san),
        cmocka_unit_test(test_email_subject_attribute),
        cmocka_unit_test(test_dirname_permitted),
        cmocka_unit_test(test_dirname_excluded),
        cmocka_unit_test(test_dirname_empty_subject),
        cmocka_unit_test(test_dirname_san),
        cmocka_unit_test(test_uri_host),
        cmocka_unit_test(test_uri_domain),
        cmocka_unit_test(test_uri_without_host),
        cmocka_unit_test(test_unsupported_type_present),
        cmocka_unit_test(test_unsupported_type_absent),
        cmocka_unit_test(test_minimum_maximum),
        cmocka_unit_test(test_malformed_subtree_der),
        cmocka_unit_test(test_budget_exhausted),
        cmocka_unit_test(test_budget_decrements),
        cmocka_unit_test(test_invalid_argument),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
