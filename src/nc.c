/*
 * nc.c -- name constraints (RFC 5280 4.2.1.10 and 6.1.3 (b), (c)).
 *
 * Purpose
 *   Checks the names of one certificate against the permitted and excluded
 *   subtrees of one CA (or anchor) above it. verify.c calls this for every
 *   constraining CA and every certificate below it.
 *
 * Names checked
 *   - the subject DN, as a directoryName (an empty subject never violates);
 *   - every subjectAltName entry;
 *   - the subject's PKCS#9 emailAddress attributes as rfc822Names, only when
 *     the certificate has no subjectAltName extension (RFC 5280 4.2.1.10:
 *     "When constraints are imposed on the rfc822Name name form, but the
 *     certificate does not include a subject alternative name, the
 *     rfc822Name constraint MUST be applied to the attribute of type
 *     emailAddress in the subject distinguished name");
 *   - the leaf's last subject CN as a dNSName, when the leaf has no
 *     subjectAltName extension and the CN is a syntactically valid host name.
 *     This is rustls-webpki's rule (Go checks SANs only): a CN that a
 *     CN-fallback client could match must not escape the constraints.
 *
 * Forms
 *   dNSName: "example.com" covers itself and every subdomain; "" everything;
 *   ".example.com" is XCV_ERR_NC_MALFORMED (RFC 5280 defines the leading
 *   period for URI and email only; OpenSSL, Go and BoringSSL read it as
 *   "subdomains only", x509-limbo rfc5280::nc::invalid-dnsname-leading-period
 *   expects a rejection: xcv fails closed, so a CA using that form must
 *   write "example.com"). ASCII case-insensitive. iPAddress:
 *   address and mask (8 or 32 octets), mask contiguous; IPv4 names against
 *   IPv4 subtrees only, IPv6 against IPv6. rfc822Name: a mailbox, a host, or
 *   ".domain". URI: the host of the URI against a host or ".domain"; a URI
 *   without a reg-name host fails any URI constraint. directoryName: RDN
 *   prefix (xcv_name_has_prefix).
 *
 * Implementation notes
 *   - Excluded subtrees are evaluated first: a name inside one is
 *     XCV_ERR_NAME_EXCLUDED even when a permitted subtree covers it.
 *   - For a wildcard dNSName "*.R": permitted subtrees treat "*" as a
 *     literal label (so it must lie inside the subtree as a whole);
 *     excluded subtrees also reject it when the subtree is one label under
 *     R ("*.example.com" vs excluded "bad.example.com"), since the wildcard
 *     would cover that host.
 *   - Fail closed: a constraint on otherName, x400Address, ediPartyName or
 *     registeredID is XCV_ERR_NC_UNSUPPORTED when the certificate has a name
 *     of that type (RFC 5280 allows ignoring it otherwise); a name that
 *     cannot be parsed for its type while a constraint of that type applies
 *     is XCV_ERR_BAD_SAN_NAME.
 *   - minimum must be absent (an explicit 0 violates DER DEFAULT encoding)
 *     and maximum absent (RFC 5280: "minimum MUST be zero, and maximum MUST
 *     be absent"); otherwise XCV_ERR_NC_MALFORMED.
 *   - Work is bounded: *budget is decremented for each (name, subtree)
 *     comparison; XCV_ERR_NC_BUDGET when it would go below zero.
 */
#include "nc.h"

#include "cert.h"
#include "der.h"
#include "ident.h"
#include "name.h"

/* ------------------------------------------------------------------------ */
/* Subtrees                                                                  */
/* ------------------------------------------------------------------------ */

static xcv_slice sub(xcv_slice s, size_t off, size_t n)
{
    return xcv_slice_make(s.p + off, n);
}

static int slice_eq_nocase(xcv_slice a, xcv_slice b)
{
    return a.n == b.n && (a.n == 0 || xcv_ascii_eq_nocase(a.p, b.p, a.n));
}

/* a ends with b (ASCII case-insensitive). */
static int ends_with_nocase(xcv_slice a, xcv_slice b)
{
    return a.n >= b.n && xcv_ascii_eq_nocase(a.p + (a.n - b.n), b.p, b.n);
}

static size_t last_at(xcv_slice s)
{
    for (size_t i = s.n; i > 0; i--) {
        if (s.p[i - 1] == '@') {
            return i - 1;
        }
    }
    return s.n;
}

static int is_ia5_no_nul(xcv_slice s)
{
    for (size_t i = 0; i < s.n; i++) {
        if (s.p[i] == 0 || s.p[i] >= 0x80) {
            return 0;
        }
    }
    return 1;
}

/* A host name, optionally with one leading dot (a domain form). */
static int valid_host_or_domain(xcv_slice s)
{
    if (s.n > 0 && s.p[0] == '.') {
        s = sub(s, 1, s.n - 1);
    }
    return xcv_dns_check_name(s, 0);
}

/* 1 when the n-octet mask is a run of ones followed by zeros. */
static int mask_contiguous(const uint8_t *m, size_t n)
{
    int ended = 0;
    for (size_t i = 0; i < n; i++) {
        for (int b = 7; b >= 0; b--) {
            int one = (m[i] >> b) & 1;
            if (one && ended) {
                return 0;
            }
            if (!one) {
                ended = 1;
            }
        }
    }
    return 1;
}

/* Validates the base name of a subtree for its type. */
static xcv_err check_base(const struct xcv_general_name *b)
{
    xcv_slice v = b->value;
    switch (b->type) {
    case XCV_GN_DNS:
        /* An empty dNSName constraint matches every name. */
        XCV_ENSURE(is_ia5_no_nul(v), XCV_ERR_NC_MALFORMED);
        /* RFC 5280 4.2.1.10 defines the leading-period form for URI and
         * rfc822Name constraints only; a dNSName constraint "MUST" be a
         * host name ("example.com" already covers every subdomain). xcv
         * fails closed on ".example.com" (x509-limbo
         * rfc5280::nc::invalid-dnsname-leading-period). */
        XCV_ENSURE(v.n == 0 || xcv_dns_check_name(v, 0), XCV_ERR_NC_MALFORMED);
        return XCV_OK;
    case XCV_GN_IP:
        /* RFC 5280 4.2.1.10: "eight octets ... for IPv4 ... 32 octets for
         * IPv6"; the mask is a CIDR mask. */
        XCV_ENSURE(v.n == 8 || v.n == 32, XCV_ERR_NC_MALFORMED);
        XCV_ENSURE(mask_contiguous(v.p + v.n / 2, v.n / 2), XCV_ERR_NC_MALFORMED);
        return XCV_OK;
    case XCV_GN_RFC822: {
        XCV_ENSURE(v.n > 0 && is_ia5_no_nul(v), XCV_ERR_NC_MALFORMED);
        size_t at = last_at(v);
        if (at < v.n) {
            /* A particular mailbox. */
            XCV_ENSURE(at > 0, XCV_ERR_NC_MALFORMED);
            XCV_ENSURE(xcv_dns_check_name(sub(v, at + 1, v.n - at - 1), 0), XCV_ERR_NC_MALFORMED);
            return XCV_OK;
        }
        XCV_ENSURE(valid_host_or_domain(v), XCV_ERR_NC_MALFORMED);
        return XCV_OK;
    }
    case XCV_GN_URI:
        /* RFC 5280: "The constraint MUST be specified as a fully qualified
         * domain name and MAY specify a host or a domain." */
        XCV_ENSURE(v.n > 0 && is_ia5_no_nul(v) && valid_host_or_domain(v), XCV_ERR_NC_MALFORMED);
        return XCV_OK;
    case XCV_GN_DIRECTORY: {
        xcv_slice rd = v;
        xcv_slice content;
        XCV_ENSURE(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &content) == XCV_OK && rd.n == 0,
                   XCV_ERR_NC_MALFORMED);
        return XCV_OK;
    }
    default:
        /* Not interpreted: only an error when the certificate has such a name. */
        return XCV_OK;
    }
}

/*
 * Reads one GeneralSubtree from *rd:
 *   GeneralSubtree ::= SEQUENCE { base GeneralName,
 *       minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL }
 */
static xcv_err next_subtree(xcv_slice *rd, struct xcv_general_name *out)
{
    xcv_slice seq;
    XCV_ENSURE(xcv_der_read(rd, XCV_TAG_SEQUENCE, &seq) == XCV_OK, XCV_ERR_NC_MALFORMED);
    /* The base, validated as a GeneralName whose iPAddress is address and
     * mask (8 or 32 octets). */
    XCV_ENSURE(xcv_gn_read(&seq, out, XCV_GN_IP_WITH_MASK) == XCV_OK, XCV_ERR_NC_MALFORMED);
    /* RFC 5280 4.2.1.10: "Within this profile, the minimum and maximum
     * fields are not used with any name forms, thus, the minimum MUST be
     * zero, and maximum MUST be absent." DER forbids encoding the DEFAULT 0. */
    XCV_ENSURE(!xcv_der_peek(&seq, XCV_TAG_CTX(0)), XCV_ERR_NC_MALFORMED);
    XCV_ENSURE(!xcv_der_peek(&seq, XCV_TAG_CTX(1)), XCV_ERR_NC_MALFORMED);
    XCV_ENSURE(seq.n == 0, XCV_ERR_NC_MALFORMED);
    return check_base(out);
}

/* see nc.h */
xcv_err xcv_nc_validate(xcv_slice subtrees)
{
    xcv_slice rd = subtrees;
    struct xcv_general_name b;
    while (rd.n > 0) {
        XCV_TRY(next_subtree(&rd, &b));
    }
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* Name forms                                                                */
/* ------------------------------------------------------------------------ */

/* Result of one comparison. */
#define NC_NO    0
#define NC_YES   1
#define NC_BAD   2 /* the certificate's name is malformed for its type */
#define NC_NOURI 3 /* a URI without a reg-name host: fails any URI constraint */

static int dns_within(xcv_slice name, xcv_slice c, int excluded)
{
    int wild = name.n >= 2 && name.p[0] == '*' && name.p[1] == '.';
    if (!xcv_dns_check_name(name, 1)) {
        return NC_BAD;
    }
    if (c.n == 0) {
        return NC_YES; /* an empty constraint covers every name */
    }
    /* RFC 5280: "any DNS name that can be constructed by simply adding zero
     * or more labels to the left-hand side of the name satisfies the name
     * constraint". */
    if (slice_eq_nocase(name, c)) {
        return NC_YES;
    }
    if (name.n > c.n && name.p[name.n - c.n - 1] == '.' && ends_with_nocase(name, c)) {
        return NC_YES;
    }
    if (excluded && wild) {
        /* "*.R" covers "L.R": excluded when the subtree is such a host. */
        xcv_slice r = sub(name, 2, name.n - 2);
        const uint8_t *d = memchr(c.p, '.', c.n);
        if (d != NULL) {
            size_t off = (size_t)(d - c.p) + 1;
            if (slice_eq_nocase(sub(c, off, c.n - off), r)) {
                return NC_YES;
            }
        }
    }
    return NC_NO;
}

static int ip_within(xcv_slice name, xcv_slice c)
{
    if (name.n != 4 && name.n != 16) {
        return NC_BAD;
    }
    /* IPv4 addresses only against IPv4 subtrees, IPv6 against IPv6. */
    if (c.n != 2 * name.n) {
        return NC_NO;
    }
    const uint8_t *addr = c.p;
    const uint8_t *mask = c.p + name.n;
    for (size_t i = 0; i < name.n; i++) {
        if ((name.p[i] & mask[i]) != (addr[i] & mask[i])) {
            return NC_NO;
        }
    }
    return NC_YES;
}

/* RFC 5322 3.2.3 atext. */
static int is_atext(uint8_t c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return 1;
    }
    return c != 0 && memchr("!#$%&'*+-/=?^_`{|}~", c, 19) != NULL;
}

/*
 * RFC 5322 3.4.1 local-part: a dot-atom (atext runs joined by single dots)
 * or a quoted-string (printable ASCII between double quotes; a backslash
 * escapes the next character). So an unquoted '@' is malformed.
 */
static int local_part_ok(xcv_slice l)
{
    if (l.n == 0) {
        return 0;
    }
    if (l.p[0] == '"') {
        if (l.n < 2 || l.p[l.n - 1] != '"') {
            return 0;
        }
        for (size_t i = 1; i + 1 < l.n; i++) {
            if (l.p[i] < 0x20 || l.p[i] > 0x7E) {
                return 0;
            }
            if (l.p[i] == '\\') {
                i++;
                if (i + 1 >= l.n) {
                    return 0;
                }
            } else if (l.p[i] == '"') {
                return 0;
            }
        }
        return 1;
    }
    if (l.p[0] == '.' || l.p[l.n - 1] == '.') {
        return 0;
    }
    for (size_t i = 0; i < l.n; i++) {
        if (!(is_atext(l.p[i]) || (l.p[i] == '.' && l.p[i - 1] != '.'))) {
            return 0;
        }
    }
    return 1;
}

static int email_within(xcv_slice name, xcv_slice c)
{
    size_t at = last_at(name);
    if (!is_ia5_no_nul(name) || at == 0 || at >= name.n) {
        return NC_BAD;
    }
    xcv_slice local = sub(name, 0, at);
    xcv_slice domain = sub(name, at + 1, name.n - at - 1);
    /* RFC 5280 4.2.1.6: an rfc822Name is a Mailbox as defined in RFC 2821
     * (local-part "@" domain); anything else cannot be placed in or out of
     * a subtree. */
    if (!local_part_ok(local) || !xcv_dns_check_name(domain, 0)) {
        return NC_BAD;
    }
    size_t cat = last_at(c);
    if (cat < c.n) {
        /* "a particular mailbox": local part exact, host case-insensitive. */
        return (xcv_slice_eq(local, sub(c, 0, cat)) &&
                slice_eq_nocase(domain, sub(c, cat + 1, c.n - cat - 1)))
                   ? NC_YES
                   : NC_NO;
    }
    if (c.p[0] == '.') {
        /* "all mail addresses within a domain" -- subdomains of it. */
        return (domain.n > c.n && ends_with_nocase(domain, c)) ? NC_YES : NC_NO;
    }
    /* "all mailboxes on a particular host". */
    return slice_eq_nocase(domain, c) ? NC_YES : NC_NO;
}

static int uri_within(xcv_slice name, xcv_slice c)
{
    struct xcv_uri_parts up;
    if (!xcv_uri_split(name, &up)) {
        return NC_BAD;
    }
    /* RFC 5280: "The name constraint for a uniformResourceIdentifier applies
     * to the host part of the name." A URI with no host, or an IP host,
     * cannot be shown to be inside (or outside) a host constraint. */
    if (up.host_kind != XCV_URI_HOST_NAME) {
        return NC_NOURI;
    }
    if (!xcv_dns_check_name(up.host, 0)) {
        return NC_BAD;
    }
    if (c.p[0] == '.') {
        /* "When the constraint begins with a period, it MAY be expanded with
         * one or more labels." */
        return (up.host.n > c.n && ends_with_nocase(up.host, c)) ? NC_YES : NC_NO;
    }
    /* "If the constraint does not begin with a period, it specifies a host." */
    return slice_eq_nocase(up.host, c) ? NC_YES : NC_NO;
}

static int is_unsupported(xcv_gn_type t)
{
    return t == XCV_GN_OTHER_NAME || t == XCV_GN_X400 || t == XCV_GN_EDI_PARTY ||
           t == XCV_GN_REGISTERED_ID;
}

static int compare(xcv_gn_type type, xcv_slice name, xcv_slice c, int excluded)
{
    switch (type) {
    case XCV_GN_DNS:
        return dns_within(name, c, excluded);
    case XCV_GN_IP:
        return ip_within(name, c);
    case XCV_GN_RFC822:
        return email_within(name, c);
    case XCV_GN_URI:
        return uri_within(name, c);
    case XCV_GN_DIRECTORY:
        /* RFC 5280 7.1 comparison of the leading RDNs. */
        return xcv_name_has_prefix(name, c) ? NC_YES : NC_NO;
    default:
        return NC_NO;
    }
}

/* Checks one name of the certificate against both subtree lists. */
static xcv_err check_name(xcv_gn_type type, xcv_slice name, xcv_slice permitted, xcv_slice excluded,
                          unsigned long *budget)
{
    struct xcv_general_name b;
    /* RFC 5280 6.1.3 (b)/(c): excluded first; a name in an excluded subtree
     * is rejected whatever the permitted subtrees say. */
    xcv_slice rd = excluded;
    while (rd.n > 0) {
        XCV_TRY(next_subtree(&rd, &b));
        XCV_ENSURE(*budget > 0, XCV_ERR_NC_BUDGET);
        (*budget)--;
        if (b.type != type) {
            continue;
        }
        XCV_ENSURE(!is_unsupported(type), XCV_ERR_NC_UNSUPPORTED);
        int r = compare(type, name, b.value, 1);
        XCV_ENSURE(r != NC_BAD, XCV_ERR_BAD_SAN_NAME);
        XCV_ENSURE(r == NC_NO, XCV_ERR_NAME_EXCLUDED);
    }
    /* "If permittedSubtrees is present ... the name MUST be within at least
     * one of the permitted subtrees" of its type. */
    int seen = 0;
    rd = permitted;
    while (rd.n > 0) {
        XCV_TRY(next_subtree(&rd, &b));
        XCV_ENSURE(*budget > 0, XCV_ERR_NC_BUDGET);
        (*budget)--;
        if (b.type != type) {
            continue;
        }
        XCV_ENSURE(!is_unsupported(type), XCV_ERR_NC_UNSUPPORTED);
        seen = 1;
        int r = compare(type, name, b.value, 0);
        XCV_ENSURE(r != NC_BAD, XCV_ERR_BAD_SAN_NAME);
        XCV_ENSURE(r != NC_NOURI, XCV_ERR_NAME_NOT_PERMITTED);
        if (r == NC_YES) {
            return XCV_OK;
        }
    }
    XCV_ENSURE(!seen, XCV_ERR_NAME_NOT_PERMITTED);
    return XCV_OK;
}

static int name_is_empty(xcv_slice name)
{
    xcv_slice rd = name;
    xcv_slice content;
    if (xcv_der_read(&rd, XCV_TAG_SEQUENCE, &content) != XCV_OK) {
        return name.n == 0;
    }
    return content.n == 0;
}

/* see nc.h */
xcv_err xcv_nc_check(const struct xcv_cert *cert, int is_leaf, xcv_slice permitted,
                     xcv_slice excluded, unsigned long *budget)
{
    XCV_ENSURE(cert != NULL && budget != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_TRY(xcv_nc_validate(permitted));
    XCV_TRY(xcv_nc_validate(excluded));
    if (permitted.n == 0 && excluded.n == 0) {
        return XCV_OK;
    }
    int has_san = (cert->ext_present & XCV_EXT_SUBJECT_ALT_NAME) != 0 || cert->san.n > 0;

    /* The subject, as a directoryName. An empty subject never violates. */
    if (!name_is_empty(cert->subject)) {
        XCV_TRY(check_name(XCV_GN_DIRECTORY, cert->subject, permitted, excluded, budget));
    }

    /* Every subjectAltName entry. */
    xcv_gn_iter it;
    struct xcv_general_name gn;
    xcv_gn_iter_init(&it, cert->san);
    while (xcv_gn_next(&it, &gn)) {
        XCV_TRY(check_name(gn.type, gn.value, permitted, excluded, budget));
    }
    XCV_ENSURE(it.err == XCV_OK, XCV_ERR_CERT_BAD_SAN);

    if (has_san || cert->subject.n == 0) {
        return XCV_OK;
    }
    /* No SAN: emailAddress attributes as rfc822Names (RFC 5280 4.2.1.10)
     * and, for the leaf, the last CN when it is a host name (webpki). */
    xcv_dn_iter di;
    struct xcv_dn_attr a;
    xcv_slice cn = xcv_slice_empty();
    int have_cn = 0;
    xcv_dn_iter_init(&di, cert->subject);
    while (xcv_dn_next(&di, &a)) {
        if (a.type == XCV_DN_EMAIL) {
            XCV_TRY(check_name(XCV_GN_RFC822, a.value, permitted, excluded, budget));
        } else if (a.type == XCV_DN_CN) {
            cn = a.value;
            have_cn = a.str_tag == XCV_TAG_UTF8_STRING || a.str_tag == XCV_TAG_PRINTABLE_STRING ||
                      a.str_tag == XCV_TAG_IA5_STRING;
        }
    }
    XCV_ENSURE(di.err == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    if (is_leaf && have_cn && xcv_dns_check_ref(cn) == XCV_OK) {
        XCV_TRY(check_name(XCV_GN_DNS, cn, permitted, excluded, budget));
    }
    return XCV_OK;
}
