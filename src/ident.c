/*
 * ident.c -- reference identities (host name, IP address, email, URI) and
 * matching them against a certificate's subjectAltName (and, on request, the
 * subject CN).
 *
 * RFC sections
 *   RFC 6125 section 6 (verifying service identity), RFC 9525 (its update:
 *   no CN-ID by default), RFC 5280 4.2.1.6 (subjectAltName forms), RFC 1123
 *   2.1 (host name syntax), RFC 4291 2.2 (IPv6 text), RFC 3986 3 (URI syntax),
 *   RFC 8398 / RFC 5322 (mailbox), RFC 5952 (IPv6 output form).
 *
 * Implementation notes
 *   - A reference is validated before anything is compared; an invalid one
 *     is XCV_ERR_BAD_REFERENCE, a U-label (byte >= 0x80) in a host name
 *     XCV_ERR_REFERENCE_NOT_ASCII (the caller converts with IDNA first).
 *   - A DNS-typed reference whose text parses as an IPv4 or IPv6 address is
 *     treated as an IP reference (as Go's VerifyHostname does), so callers
 *     may pass what the user typed. A DNS reference whose last label is all
 *     digits and is not an address ("1.2.3", "01.2.3.4") is rejected.
 *   - Wildcards: "*" only as the whole leftmost label of a dNSName SAN,
 *     matching exactly one non-empty label; the rest must have two or more
 *     labels and not be a public suffix (psl.c). "*" matches an A-label in
 *     the reference ("*.example.com" covers "xn--bcher-kva.example.com"), as
 *     Chromium and rustls-webpki do: the wildcard stands for a whole label,
 *     so RFC 6125 6.4.3's concern (a wildcard embedded inside an A-label,
 *     "xn--*") cannot arise because partial-label wildcards never match.
 *   - SAN names are checked for syntax before comparison; empty labels,
 *     trailing dots, spaces, NULs never match.
 *   - Email: rfc822Name SAN, local part byte-exact, domain ASCII
 *     case-insensitive. Subject emailAddress/CN only with XCV_FLAG_CN_FALLBACK
 *     and only when there is no rfc822Name SAN.
 *   - CN fallback (XCV_FLAG_CN_FALLBACK) only when the certificate has no
 *     dNSName and no iPAddress SAN; the last CN, exact host name (no
 *     wildcard), never for IP references.
 *   - URI: scheme and host compared case-insensitively, the rest exactly.
 *
 * Deviations from RFC 6125
 *   No CN-ID by default (RFC 9525). No SRV-ID/otherName forms.
 */
#include "ident.h"

#include "der.h"
#include "psl.h"

/* ------------------------------------------------------------------------ */
/* Character classes (ASCII, no locale)                                      */
/* ------------------------------------------------------------------------ */

static int is_alpha(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

static int hex_val(uint8_t c)
{
    if (is_digit(c)) {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static int slice_eq_nocase(xcv_slice a, xcv_slice b)
{
    return a.n == b.n && (a.n == 0 || xcv_ascii_eq_nocase(a.p, b.p, a.n));
}

static xcv_slice sub(xcv_slice s, size_t off, size_t n)
{
    return xcv_slice_make(s.p + off, n);
}

/* ------------------------------------------------------------------------ */
/* Host names                                                                */
/* ------------------------------------------------------------------------ */

/* see ident.h */
xcv_err xcv_dns_check_ref(xcv_slice name)
{
    /* "empty, embedded NUL" -> bad reference; a U-label -> not ASCII. */
    XCV_ENSURE(name.n > 0, XCV_ERR_BAD_REFERENCE);
    XCV_ENSURE(memchr(name.p, 0, name.n) == NULL, XCV_ERR_BAD_REFERENCE);
    for (size_t i = 0; i < name.n; i++) {
        XCV_ENSURE(name.p[i] < 0x80, XCV_ERR_REFERENCE_NOT_ASCII);
    }
    /* RFC 1035 2.3.4: names are 255 octets on the wire, 253 in text. */
    XCV_ENSURE(name.n <= 253, XCV_ERR_BAD_REFERENCE);
    size_t start = 0;
    int all_digits = 1;
    for (size_t i = 0; i <= name.n; i++) {
        if (i == name.n || name.p[i] == '.') {
            size_t len = i - start;
            /* RFC 1035 2.3.4: labels are 63 octets or less; none is empty. */
            XCV_ENSURE(len >= 1 && len <= 63, XCV_ERR_BAD_REFERENCE);
            /* RFC 1123 2.1 / RFC 952: no hyphen at either end of a label. */
            XCV_ENSURE(name.p[start] != '-' && name.p[i - 1] != '-', XCV_ERR_BAD_REFERENCE);
            if (i == name.n) {
                /* RFC 1123 2.1: a top-level label is alphabetic, so a name
                 * ending in digits is an address, not a host name. */
                XCV_ENSURE(!all_digits, XCV_ERR_BAD_REFERENCE);
            }
            start = i + 1;
            all_digits = 1;
            continue;
        }
        uint8_t c = name.p[i];
        /* RFC 1123 2.1: letters, digits and hyphens only. */
        XCV_ENSURE(is_alpha(c) || is_digit(c) || c == '-', XCV_ERR_BAD_REFERENCE);
        if (!is_digit(c)) {
            all_digits = 0;
        }
    }
    return XCV_OK;
}

/* see ident.h */
int xcv_dns_check_name(xcv_slice name, int allow_wildcard)
{
    if (name.n == 0 || name.n > 253) {
        return 0;
    }
    size_t start = 0;
    for (size_t i = 0; i <= name.n; i++) {
        if (i == name.n || name.p[i] == '.') {
            size_t len = i - start;
            if (len < 1 || len > 63) {
                return 0; /* empty label (incl. a trailing dot) or too long */
            }
            start = i + 1;
            continue;
        }
        uint8_t c = name.p[i];
        if (c == '*' && allow_wildcard && i == 0 && (name.n == 1 || name.p[1] == '.')) {
            continue;
        }
        if (!(is_alpha(c) || is_digit(c) || c == '-' || c == '_')) {
            return 0;
        }
    }
    return 1;
}

static size_t count_labels(xcv_slice name)
{
    size_t k = 1;
    for (size_t i = 0; i < name.n; i++) {
        if (name.p[i] == '.') {
            k++;
        }
    }
    return k;
}

/* Offset of the first '.', or n. */
static size_t first_dot(xcv_slice s)
{
    const uint8_t *d = s.n ? memchr(s.p, '.', s.n) : NULL;
    return d ? (size_t)(d - s.p) : s.n;
}

/* see ident.h */
int xcv_dns_match(xcv_slice pattern, xcv_slice host)
{
    if (host.n == 0 || !xcv_dns_check_name(pattern, 1)) {
        return 0;
    }
    if (pattern.n >= 2 && pattern.p[0] == '*') {
        /* RFC 6125 6.4.3: the wildcard is the complete left-most label; it
         * matches one label only. */
        xcv_slice rest = sub(pattern, 2, pattern.n - 2);
        /* CA/B BR 3.2.2.6 / RFC 6125 7.2: never over a single label or a
         * public suffix ("*.com", "*.co.uk"). */
        if (count_labels(rest) < 2 || xcv_psl_is_public_suffix(rest.p, rest.n)) {
            return 0;
        }
        size_t d = first_dot(host);
        if (d == 0 || d >= host.n) {
            return 0; /* the bare parent (no label for "*") never matches */
        }
        return slice_eq_nocase(sub(host, d + 1, host.n - d - 1), rest);
    }
    /* RFC 6125 6.4.1: ASCII case-insensitive comparison of the whole name. */
    return slice_eq_nocase(pattern, host);
}

/* ------------------------------------------------------------------------ */
/* IP addresses                                                              */
/* ------------------------------------------------------------------------ */

/* Dotted quad, decimal, each part 0..255 without leading zeros. */
static int parse_v4(xcv_slice t, uint8_t out[4])
{
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (part > 0) {
            if (i >= t.n || t.p[i] != '.') {
                return 0;
            }
            i++;
        }
        size_t start = i;
        unsigned v = 0;
        while (i < t.n && is_digit(t.p[i]) && i - start < 3) {
            v = v * 10u + (unsigned)(t.p[i] - '0');
            i++;
        }
        size_t len = i - start;
        if (len == 0 || v > 255 || (len > 1 && t.p[start] == '0')) {
            return 0;
        }
        out[part] = (uint8_t)v;
    }
    return i == t.n;
}

/* RFC 4291 2.2 text forms: x:x:x:x:x:x:x:x, "::" once, trailing dotted quad. */
static int parse_v6(xcv_slice t, uint8_t out[16])
{
    uint16_t w[8];
    size_t nw = 0;
    int dc = -1; /* number of words before "::" */
    size_t i = 0;
    if (t.n < 2) {
        return 0;
    }
    if (t.p[0] == ':') {
        if (t.p[1] != ':') {
            return 0;
        }
        dc = 0;
        i = 2;
    }
    while (i < t.n) {
        if (nw >= 8) {
            return 0;
        }
        size_t j = i;
        unsigned v = 0;
        while (j < t.n && hex_val(t.p[j]) >= 0) {
            if (j - i < 4) {
                v = (v << 4) | (unsigned)hex_val(t.p[j]);
            }
            j++;
        }
        if (j < t.n && t.p[j] == '.') {
            /* RFC 4291 2.2 form 3: the low 32 bits as a dotted quad. */
            uint8_t q[4];
            if (nw > 6 || !parse_v4(sub(t, i, t.n - i), q)) {
                return 0;
            }
            w[nw++] = (uint16_t)((q[0] << 8) | q[1]);
            w[nw++] = (uint16_t)((q[2] << 8) | q[3]);
            i = t.n;
            break;
        }
        if (j == i || j - i > 4) {
            return 0;
        }
        w[nw++] = (uint16_t)v;
        i = j;
        if (i == t.n) {
            break;
        }
        if (t.p[i] != ':') {
            return 0; /* zone ids ("%eth0") and anything else */
        }
        i++;
        if (i < t.n && t.p[i] == ':') {
            if (dc >= 0) {
                return 0; /* "::" at most once */
            }
            dc = (int)nw;
            i++;
        } else if (i == t.n) {
            return 0; /* a single trailing ':' */
        }
    }
    if (dc < 0) {
        if (nw != 8) {
            return 0;
        }
    } else if (nw > 7) {
        return 0; /* "::" stands for at least one group */
    }
    size_t zeros = 8 - nw;
    size_t k = 0;
    for (size_t a = 0; a < 8; a++) {
        uint16_t v;
        if (dc >= 0 && a >= (size_t)dc && a < (size_t)dc + zeros) {
            v = 0;
        } else {
            v = w[k++];
        }
        out[2 * a] = (uint8_t)(v >> 8);
        out[2 * a + 1] = (uint8_t)(v & 0xFF);
    }
    return 1;
}

/* see ident.h */
xcv_err xcv_ip_parse(xcv_slice text, uint8_t out[16], size_t *out_len)
{
    XCV_ENSURE(out != NULL && out_len != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(text.n > 0 && text.n <= 64, XCV_ERR_BAD_REFERENCE);
    if (memchr(text.p, ':', text.n) != NULL) {
        XCV_ENSURE(parse_v6(text, out), XCV_ERR_BAD_REFERENCE);
        *out_len = 16;
        return XCV_OK;
    }
    XCV_ENSURE(parse_v4(text, out), XCV_ERR_BAD_REFERENCE);
    *out_len = 4;
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* Email and URI                                                             */
/* ------------------------------------------------------------------------ */

/* RFC 5322 3.2.3 atext, plus '.' of dot-atom. */
static int is_atext(uint8_t c)
{
    if (is_alpha(c) || is_digit(c)) {
        return 1;
    }
    return c != 0 && memchr("!#$%&'*+-/=?^_`{|}~", c, 19) != NULL;
}

/* Offset of the last '@', or n. */
static size_t last_at(xcv_slice s)
{
    for (size_t i = s.n; i > 0; i--) {
        if (s.p[i - 1] == '@') {
            return i - 1;
        }
    }
    return s.n;
}

static xcv_err check_email_ref(xcv_slice m, xcv_slice *out_local, xcv_slice *out_domain)
{
    XCV_ENSURE(m.n > 0 && memchr(m.p, 0, m.n) == NULL, XCV_ERR_BAD_REFERENCE);
    for (size_t i = 0; i < m.n; i++) {
        XCV_ENSURE(m.p[i] < 0x80, XCV_ERR_REFERENCE_NOT_ASCII);
    }
    size_t at = last_at(m);
    XCV_ENSURE(at < m.n, XCV_ERR_BAD_REFERENCE);
    xcv_slice local = sub(m, 0, at);
    xcv_slice domain = sub(m, at + 1, m.n - at - 1);
    /* RFC 5321 4.5.3.1.1: local part at most 64 octets; RFC 5322 3.4.1
     * dot-atom: no leading, trailing or doubled dot. */
    XCV_ENSURE(local.n >= 1 && local.n <= 64, XCV_ERR_BAD_REFERENCE);
    XCV_ENSURE(local.p[0] != '.' && local.p[local.n - 1] != '.', XCV_ERR_BAD_REFERENCE);
    for (size_t i = 0; i < local.n; i++) {
        uint8_t c = local.p[i];
        XCV_ENSURE(is_atext(c) || (c == '.' && local.p[i - 1] != '.'), XCV_ERR_BAD_REFERENCE);
    }
    XCV_TRY(xcv_dns_check_ref(domain));
    *out_local = local;
    *out_domain = domain;
    return XCV_OK;
}

/* see ident.h */
int xcv_uri_split(xcv_slice uri, struct xcv_uri_parts *out)
{
    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < uri.n; i++) {
        if (uri.p[i] < 0x21 || uri.p[i] > 0x7E) {
            return 0;
        }
    }
    /* RFC 3986 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
    size_t i = 0;
    if (uri.n == 0 || !is_alpha(uri.p[0])) {
        return 0;
    }
    while (i < uri.n && (is_alpha(uri.p[i]) || is_digit(uri.p[i]) || uri.p[i] == '+' ||
                         uri.p[i] == '-' || uri.p[i] == '.')) {
        i++;
    }
    if (i >= uri.n || uri.p[i] != ':') {
        return 0;
    }
    out->scheme = sub(uri, 0, i);
    size_t pre_start = i;
    i++;
    out->host_kind = XCV_URI_HOST_NONE;
    if (uri.n - i >= 2 && uri.p[i] == '/' && uri.p[i + 1] == '/') {
        /* RFC 3986 3.2: authority = [ userinfo "@" ] host [ ":" port ]. */
        size_t a = i + 2;
        size_t e = a;
        while (e < uri.n && uri.p[e] != '/' && uri.p[e] != '?' && uri.p[e] != '#') {
            e++;
        }
        xcv_slice auth = sub(uri, a, e - a);
        size_t at = last_at(auth);
        size_t h = (at < auth.n) ? a + at + 1 : a;
        size_t hs;
        size_t he;
        if (h < e && uri.p[h] == '[') {
            /* RFC 3986 3.2.2: IP-literal = "[" IPv6address "]". */
            size_t k = h + 1;
            while (k < e && uri.p[k] != ']') {
                k++;
            }
            if (k >= e) {
                return 0;
            }
            hs = h + 1;
            he = k;
            out->host_kind = XCV_URI_HOST_IP;
            k++;
            if (k < e && uri.p[k] != ':') {
                return 0;
            }
            out->post = sub(uri, k, uri.n - k);
        } else {
            size_t k = h;
            while (k < e && uri.p[k] != ':') {
                k++;
            }
            hs = h;
            he = k;
            out->post = sub(uri, k, uri.n - k);
            if (he > hs) {
                uint8_t tmp[4];
                out->host_kind =
                    parse_v4(sub(uri, hs, he - hs), tmp) ? XCV_URI_HOST_IP : XCV_URI_HOST_NAME;
            }
        }
        /* The port, when present, is digits only. */
        if (out->post.n > 0 && out->post.p[0] == ':') {
            size_t k = 1;
            while (k < out->post.n && out->post.p[k] != '/' && out->post.p[k] != '?' &&
                   out->post.p[k] != '#') {
                if (!is_digit(out->post.p[k])) {
                    return 0;
                }
                k++;
            }
        }
        out->pre = sub(uri, pre_start, hs - pre_start);
        out->host = sub(uri, hs, he - hs);
        return 1;
    }
    out->pre = sub(uri, pre_start, 1);
    out->host = xcv_slice_make(uri.p + i, 0);
    out->post = sub(uri, i, uri.n - i);
    return 1;
}

static int uri_equal(const struct xcv_uri_parts *a, const struct xcv_uri_parts *b)
{
    /* RFC 3986 6.2.2.1: scheme and host are case-insensitive; the rest is
     * compared exactly (no percent-decoding, no path normalisation). */
    return a->host_kind == b->host_kind && slice_eq_nocase(a->scheme, b->scheme) &&
           xcv_slice_eq(a->pre, b->pre) && slice_eq_nocase(a->host, b->host) &&
           xcv_slice_eq(a->post, b->post);
}

/* ------------------------------------------------------------------------ */
/* References                                                                */
/* ------------------------------------------------------------------------ */

struct parsed_ref {
    xcv_ref_type type; /* effective: DNS text that is an address becomes IP */
    xcv_slice host;    /* DNS: without the trailing dot */
    uint8_t ip[16];
    size_t ip_len;
    xcv_slice local; /* email */
    xcv_slice domain;
    struct xcv_uri_parts uri;
};

static xcv_err parse_ref(const struct xcv_ref *ref, struct parsed_ref *out)
{
    memset(out, 0, sizeof(*out));
    XCV_ENSURE(ref != NULL, XCV_ERR_INVALID_ARGUMENT);
    xcv_slice t = ref->name;
    XCV_ENSURE(t.n == 0 || t.p != NULL, XCV_ERR_INVALID_ARGUMENT);
    out->type = ref->type;
    switch (ref->type) {
    case XCV_REF_NONE:
        return XCV_OK;
    case XCV_REF_DNS:
        XCV_ENSURE(t.n > 0, XCV_ERR_BAD_REFERENCE);
        /* An address typed where a host name was expected: IP rules. */
        if (xcv_ip_parse(t, out->ip, &out->ip_len) == XCV_OK) {
            out->type = XCV_REF_IP;
            return XCV_OK;
        }
        /* RFC 1034 3.1: a trailing dot marks the name absolute; exactly one
         * is ignored. */
        if (t.p[t.n - 1] == '.') {
            t.n--;
        }
        XCV_TRY(xcv_dns_check_ref(t));
        out->host = t;
        return XCV_OK;
    case XCV_REF_IP:
        XCV_ENSURE(t.n > 0 && memchr(t.p, 0, t.n) == NULL, XCV_ERR_BAD_REFERENCE);
        return xcv_ip_parse(t, out->ip, &out->ip_len);
    case XCV_REF_EMAIL:
        return check_email_ref(t, &out->local, &out->domain);
    case XCV_REF_URI:
        XCV_ENSURE(t.n > 0 && xcv_uri_split(t, &out->uri), XCV_ERR_BAD_REFERENCE);
        if (out->uri.host_kind == XCV_URI_HOST_NAME) {
            XCV_TRY(xcv_dns_check_ref(out->uri.host));
        } else if (out->uri.host_kind == XCV_URI_HOST_IP) {
            XCV_TRY(xcv_ip_parse(out->uri.host, out->ip, &out->ip_len));
        }
        return XCV_OK;
    default:
        return XCV_ERR_INVALID_ARGUMENT;
    }
}

/* see xcv.h */
xcv_err xcv_ref_check(const struct xcv_ref *ref)
{
    struct parsed_ref pr;
    return parse_ref(ref, &pr);
}

/* ------------------------------------------------------------------------ */
/* Subject attributes                                                        */
/* ------------------------------------------------------------------------ */

static int is_text_string(uint8_t tag)
{
    return tag == XCV_TAG_UTF8_STRING || tag == XCV_TAG_PRINTABLE_STRING ||
           tag == XCV_TAG_IA5_STRING || tag == XCV_TAG_TELETEX_STRING ||
           tag == XCV_TAG_VISIBLE_STRING;
}

/* see xcv.h */
int xcv_ident_cn(const struct xcv_cert *cert, xcv_slice *out_cn)
{
    if (cert == NULL || cert->subject.n == 0) {
        return 0;
    }
    xcv_dn_iter it;
    struct xcv_dn_attr a;
    int found = 0;
    xcv_dn_iter_init(&it, cert->subject);
    while (xcv_dn_next(&it, &a)) {
        if (a.type == XCV_DN_CN) {
            /* RFC 6125 6.4.4: "the most specific" CN is the last one. */
            found = 1;
            if (out_cn != NULL) {
                *out_cn = is_text_string(a.str_tag) ? a.value : xcv_slice_empty();
            }
        }
    }
    if (it.err != XCV_OK) {
        return 0;
    }
    return found;
}

static int mailbox_match(xcv_slice mailbox, const struct parsed_ref *pr)
{
    size_t at = last_at(mailbox);
    if (at >= mailbox.n) {
        return 0;
    }
    /* RFC 8398 / RFC 5280 7.5: local part exact, domain case-insensitive. */
    return xcv_slice_eq(sub(mailbox, 0, at), pr->local) &&
           slice_eq_nocase(sub(mailbox, at + 1, mailbox.n - at - 1), pr->domain);
}

/* The subject's emailAddress attributes or last CN equal the mailbox. */
static int subject_email_match(const struct xcv_cert *cert, const struct parsed_ref *pr)
{
    xcv_dn_iter it;
    struct xcv_dn_attr a;
    int hit = 0;
    xcv_dn_iter_init(&it, cert->subject);
    while (xcv_dn_next(&it, &a)) {
        if (a.type == XCV_DN_EMAIL && a.str_tag == XCV_TAG_IA5_STRING &&
            mailbox_match(a.value, pr)) {
            hit = 1;
        }
    }
    if (it.err != XCV_OK) {
        return 0;
    }
    xcv_slice cn;
    if (!hit && xcv_ident_cn(cert, &cn) && mailbox_match(cn, pr)) {
        hit = 1;
    }
    return hit;
}

static int cn_host_match(const struct xcv_cert *cert, xcv_slice host)
{
    xcv_slice cn;
    if (!xcv_ident_cn(cert, &cn)) {
        return 0;
    }
    /* No wildcards in the CN: only an exact, well-formed host name. */
    return xcv_dns_check_name(cn, 0) && slice_eq_nocase(cn, host);
}

/* ------------------------------------------------------------------------ */
/* Matching                                                                  */
/* ------------------------------------------------------------------------ */

static int has_san(const struct xcv_cert *cert)
{
    return (cert->ext_present & XCV_EXT_SUBJECT_ALT_NAME) != 0 || cert->san.n > 0;
}

/* Reasons for a DNS SAN pattern that did not match a host. */
static unsigned dns_near_miss(xcv_slice pattern, xcv_slice host)
{
    if (pattern.n < 2 || !xcv_dns_check_name(pattern, 1)) {
        return 0;
    }
    size_t pd = first_dot(pattern);
    size_t hd = first_dot(host);
    if (pd >= pattern.n) {
        return 0;
    }
    xcv_slice prest = sub(pattern, pd + 1, pattern.n - pd - 1);
    if (pattern.p[0] == '*' && pd == 1) {
        if (hd < host.n && slice_eq_nocase(sub(host, hd + 1, host.n - hd - 1), prest)) {
            return XCV_MISMATCH_WILDCARD_SUFFIX;
        }
        if (slice_eq_nocase(host, prest)) {
            return XCV_MISMATCH_WILDCARD_DEPTH;
        }
        if (host.n > prest.n + 1 && host.p[host.n - prest.n - 1] == '.' &&
            xcv_ascii_eq_nocase(host.p + host.n - prest.n, prest.p, prest.n)) {
            return XCV_MISMATCH_WILDCARD_DEPTH;
        }
    }
    return 0;
}

static unsigned partial_wildcard_miss(xcv_slice pattern, xcv_slice host)
{
    size_t pd = first_dot(pattern);
    size_t hd = first_dot(host);
    if (pd >= pattern.n || hd >= host.n || pd < 2 || memchr(pattern.p, '*', pd) == NULL) {
        return 0;
    }
    if (slice_eq_nocase(sub(pattern, pd, pattern.n - pd), sub(host, hd, host.n - hd))) {
        return XCV_MISMATCH_PARTIAL_WILDCARD;
    }
    return 0;
}

/* see xcv.h */
xcv_err xcv_ident_explain(const struct xcv_cert *cert, const struct xcv_ref *ref, uint32_t flags,
                          unsigned *out_reasons)
{
    unsigned reasons = 0;
    if (out_reasons != NULL) {
        *out_reasons = 0;
    }
    XCV_ENSURE(cert != NULL && ref != NULL, XCV_ERR_INVALID_ARGUMENT);
    struct parsed_ref pr;
    XCV_TRY(parse_ref(ref, &pr));
    if (pr.type == XCV_REF_NONE) {
        return XCV_OK;
    }

    int n_dns = 0, n_ip = 0, n_email = 0, n_uri = 0, bad = 0, matched = 0;
    xcv_gn_iter it;
    struct xcv_general_name gn;
    xcv_gn_iter_init(&it, cert->san);
    while (xcv_gn_next(&it, &gn)) {
        switch (gn.type) {
        case XCV_GN_DNS:
            n_dns++;
            if (!xcv_dns_check_name(gn.value, 1)) {
                bad = 1;
            }
            if (pr.type == XCV_REF_DNS) {
                if (xcv_dns_match(gn.value, pr.host)) {
                    matched = 1;
                } else {
                    reasons |= dns_near_miss(gn.value, pr.host);
                    reasons |= partial_wildcard_miss(gn.value, pr.host);
                }
            } else if (pr.type == XCV_REF_IP) {
                /* RFC 6125 / DESIGN.md: an IP reference never matches a
                 * dNSName, even one spelling the same address. */
                uint8_t tmp[16];
                size_t tl = 0;
                if (xcv_ip_parse(gn.value, tmp, &tl) == XCV_OK && tl == pr.ip_len &&
                    memcmp(tmp, pr.ip, tl) == 0) {
                    reasons |= XCV_MISMATCH_IP_AS_DNS;
                }
            }
            break;
        case XCV_GN_IP:
            n_ip++;
            if (gn.value.n != 4 && gn.value.n != 16) {
                bad = 1;
            }
            /* RFC 5280 4.2.1.6: four octets for IPv4, sixteen for IPv6,
             * compared byte for byte. */
            if (pr.type == XCV_REF_IP && gn.value.n == pr.ip_len &&
                memcmp(gn.value.p, pr.ip, pr.ip_len) == 0) {
                matched = 1;
            }
            break;
        case XCV_GN_RFC822:
            n_email++;
            if (pr.type == XCV_REF_EMAIL && mailbox_match(gn.value, &pr)) {
                matched = 1;
            }
            break;
        case XCV_GN_URI: {
            n_uri++;
            struct xcv_uri_parts up;
            if (!xcv_uri_split(gn.value, &up)) {
                bad = 1;
            } else if (pr.type == XCV_REF_URI && uri_equal(&up, &pr.uri)) {
                matched = 1;
            }
            break;
        }
        default:
            break;
        }
    }
    /* Fail closed on a SAN that cannot be read to its end. */
    XCV_ENSURE(it.err == XCV_OK, XCV_ERR_CERT_BAD_SAN);
    if (matched) {
        return XCV_OK;
    }

    int fallback = (flags & XCV_FLAG_CN_FALLBACK) != 0;
    if (!has_san(cert)) {
        reasons |= XCV_MISMATCH_NO_SAN;
    }
    switch (pr.type) {
    case XCV_REF_DNS: {
        if (n_dns == 0) {
            reasons |= XCV_MISMATCH_NO_DNS_SAN;
        }
        /* RFC 6125 6.4.4: the CN only when there are no DNS (or IP) SANs,
         * and (RFC 9525) only when the application asks for it. */
        if (cn_host_match(cert, pr.host)) {
            if (fallback && n_dns == 0 && n_ip == 0) {
                return XCV_OK;
            }
            reasons |= XCV_MISMATCH_CN_ONLY;
        }
        break;
    }
    case XCV_REF_IP:
        /* Never the CN for an address. */
        if (n_ip == 0) {
            reasons |= XCV_MISMATCH_NO_IP_SAN;
        }
        break;
    case XCV_REF_EMAIL:
        if (n_email == 0) {
            reasons |= XCV_MISMATCH_NO_EMAIL_SAN;
        }
        if (subject_email_match(cert, &pr)) {
            if (fallback && n_email == 0) {
                return XCV_OK;
            }
            reasons |= XCV_MISMATCH_CN_ONLY;
        }
        break;
    case XCV_REF_URI:
        if (n_uri == 0) {
            reasons |= XCV_MISMATCH_NO_URI_SAN;
        }
        break;
    default:
        break;
    }
    if (bad) {
        reasons |= XCV_MISMATCH_MALFORMED_SAN;
    }
    if (out_reasons != NULL) {
        *out_reasons = reasons;
    }
    return XCV_ERR_NAME_MISMATCH;
}

/* see xcv.h */
xcv_err xcv_ident_match(const struct xcv_cert *cert, const struct xcv_ref *ref, uint32_t flags)
{
    return xcv_ident_explain(cert, ref, flags, NULL);
}

/* see xcv.h */
size_t xcv_ident_list(const struct xcv_cert *cert, struct xcv_general_name *out, size_t cap,
                      int *out_has_ip, int *out_has_dns)
{
    size_t count = 0;
    int has_ip = 0;
    int has_dns = 0;
    if (out_has_ip != NULL) {
        *out_has_ip = 0;
    }
    if (out_has_dns != NULL) {
        *out_has_dns = 0;
    }
    if (cert == NULL) {
        return 0;
    }
    xcv_gn_iter it;
    struct xcv_general_name gn;
    xcv_gn_iter_init(&it, cert->san);
    while (xcv_gn_next(&it, &gn)) {
        if (out != NULL && count < cap) {
            out[count] = gn;
        }
        count++;
        has_ip |= gn.type == XCV_GN_IP;
        has_dns |= gn.type == XCV_GN_DNS;
    }
    if (it.err != XCV_OK) {
        return 0;
    }
    if (out_has_ip != NULL) {
        *out_has_ip = has_ip;
    }
    if (out_has_dns != NULL) {
        *out_has_dns = has_dns;
    }
    return count;
}

/* ------------------------------------------------------------------------ */
/* Formatting                                                                */
/* ------------------------------------------------------------------------ */

struct outbuf {
    char *p;
    size_t cap;
    size_t len;
};

static void put_c(struct outbuf *o, char c)
{
    if (o->cap > 0 && o->len < o->cap - 1) {
        o->p[o->len] = c;
    }
    o->len++;
}

static void put_dec(struct outbuf *o, unsigned v)
{
    char tmp[12];
    size_t k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v > 0);
    while (k > 0) {
        put_c(o, tmp[--k]);
    }
}

static void put_hex16(struct outbuf *o, unsigned v)
{
    static const char hx[] = "0123456789abcdef";
    int started = 0;
    for (int s = 12; s >= 0; s -= 4) {
        unsigned d = (v >> (unsigned)s) & 0xFu;
        if (d != 0 || started || s == 0) {
            put_c(o, hx[d]);
            started = 1;
        }
    }
}

static void put_v4(struct outbuf *o, const uint8_t *ip)
{
    for (int i = 0; i < 4; i++) {
        if (i > 0) {
            put_c(o, '.');
        }
        put_dec(o, ip[i]);
    }
}

/* RFC 5952 4: lower case, leading zeros dropped, the longest run (>= 2) of
 * zero groups as "::" (the first when tied), ::ffff:a.b.c.d for mapped. */
static void put_v6(struct outbuf *o, const uint8_t *ip)
{
    unsigned w[8];
    for (int i = 0; i < 8; i++) {
        w[i] = ((unsigned)ip[2 * i] << 8) | ip[2 * i + 1];
    }
    int mapped = w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 && w[5] == 0xFFFF;
    int best = -1, best_len = 0;
    int groups = mapped ? 6 : 8;
    for (int i = 0; i < groups;) {
        if (w[i] != 0) {
            i++;
            continue;
        }
        int j = i;
        while (j < groups && w[j] == 0) {
            j++;
        }
        if (j - i > best_len) {
            best = i;
            best_len = j - i;
        }
        i = j;
    }
    if (best_len < 2) {
        best = -1;
    }
    for (int i = 0; i < groups; i++) {
        if (i == best) {
            put_c(o, ':');
            put_c(o, ':');
            i += best_len - 1;
            continue;
        }
        if (i > 0 && !(best >= 0 && i == best + best_len)) {
            put_c(o, ':');
        }
        put_hex16(o, w[i]);
    }
    if (mapped) {
        put_c(o, ':');
        put_v4(o, ip + 12);
    }
}

/* Prefix length of a contiguous mask, or -1. */
static int mask_prefix(const uint8_t *m, size_t n)
{
    int bits = 0;
    int ended = 0;
    for (size_t i = 0; i < n; i++) {
        for (int b = 7; b >= 0; b--) {
            int one = (m[i] >> b) & 1;
            if (one && ended) {
                return -1;
            }
            if (one) {
                bits++;
            } else {
                ended = 1;
            }
        }
    }
    return bits;
}

/* see xcv.h */
size_t xcv_ip_format(const uint8_t *ip, size_t len, char *out, size_t cap)
{
    struct outbuf o = {out, cap, 0};
    if (ip == NULL && len > 0) {
        len = 0;
    }
    if (len == 4) {
        put_v4(&o, ip);
    } else if (len == 16) {
        put_v6(&o, ip);
    } else if (len == 8 || len == 32) {
        size_t h = len / 2;
        if (h == 4) {
            put_v4(&o, ip);
        } else {
            put_v6(&o, ip);
        }
        put_c(&o, '/');
        int pre = mask_prefix(ip + h, h);
        if (pre >= 0) {
            put_dec(&o, (unsigned)pre);
        } else if (h == 4) {
            put_v4(&o, ip + h);
        } else {
            put_v6(&o, ip + h);
        }
    } else {
        static const char hx[] = "0123456789abcdef";
        for (size_t i = 0; i < len; i++) {
            put_c(&o, hx[ip[i] >> 4]);
            put_c(&o, hx[ip[i] & 0xF]);
        }
    }
    if (cap > 0) {
        out[o.len < cap ? o.len : cap - 1] = '\0';
    }
    return o.len;
}

/* ------------------------------------------------------------------------ */
/* CN / SAN consistency                                                      */
/* ------------------------------------------------------------------------ */

/* 1 when cn equals a dNSName value or the canonical text of an iPAddress. */
static int cn_in_san(const struct xcv_cert *cert, xcv_slice cn)
{
    xcv_gn_iter it;
    struct xcv_general_name gn;
    xcv_gn_iter_init(&it, cert->san);
    while (xcv_gn_next(&it, &gn)) {
        if (gn.type == XCV_GN_DNS && xcv_slice_eq(gn.value, cn)) {
            return 1;
        }
        if (gn.type == XCV_GN_IP && (gn.value.n == 4 || gn.value.n == 16)) {
            char text[48];
            size_t n = xcv_ip_format(gn.value.p, gn.value.n, text, sizeof(text));
            if (n < sizeof(text) && n == cn.n && memcmp(text, cn.p, n) == 0) {
                return 1;
            }
        }
    }
    return 0;
}

/* WHATWG URL "ends in a number": the last label is all digits or 0x-hex, so
 * a browser reads the host as an IPv4 address ("0xC0A80101",
 * "192.168.001.001"); or IPv6-looking text (hex digits, ':' and '.', with a
 * ':'). */
static int cn_looks_like_ip(xcv_slice cn)
{
    size_t colons = 0;
    int ip6 = cn.n > 0;
    for (size_t i = 0; i < cn.n; i++) {
        uint8_t ch = cn.p[i];
        if (ch == ':') {
            colons++;
        } else if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
                     (ch >= 'A' && ch <= 'F') || ch == '.')) {
            ip6 = 0;
        }
    }
    if (ip6 && colons > 0) {
        return 1;
    }
    size_t start = cn.n;
    while (start > 0 && cn.p[start - 1] != '.') {
        start--;
    }
    xcv_slice last = xcv_slice_make(cn.p + start, cn.n - start);
    if (last.n == 0) {
        return 0;
    }
    size_t i = 0;
    int hex = last.n > 2 && last.p[0] == '0' && (last.p[1] == 'x' || last.p[1] == 'X');
    if (hex) {
        i = 2;
    }
    for (; i < last.n; i++) {
        uint8_t ch = last.p[i];
        int digit = ch >= '0' && ch <= '9';
        int hexd = (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
        if (!(digit || (hex && hexd))) {
            return 0;
        }
    }
    return 1;
}

/* 1 when the CN (a host name) is a parent domain of a dNSName SAN entry
 * ("example.com" above "foo.example.com" or "*.example.com"). */
static int cn_above_dns_san(const struct xcv_cert *cert, xcv_slice cn)
{
    xcv_gn_iter it;
    struct xcv_general_name gn;
    xcv_gn_iter_init(&it, cert->san);
    while (xcv_gn_next(&it, &gn)) {
        xcv_slice v = gn.value;
        if (gn.type == XCV_GN_DNS && v.n > cn.n + 1 && v.p[v.n - cn.n - 1] == '.' &&
            xcv_ascii_eq_nocase(v.p + v.n - cn.n, cn.p, cn.n)) {
            return 1;
        }
    }
    return 0;
}

/* 1 when a dNSName SAN equals the CN ignoring ASCII case. */
static int cn_in_dns_san_nocase(const struct xcv_cert *cert, xcv_slice cn)
{
    xcv_gn_iter it;
    struct xcv_general_name gn;
    xcv_gn_iter_init(&it, cert->san);
    while (xcv_gn_next(&it, &gn)) {
        if (gn.type == XCV_GN_DNS && gn.value.n == cn.n &&
            xcv_ascii_eq_nocase(gn.value.p, cn.p, cn.n)) {
            return 1;
        }
    }
    return 0;
}

/* see ident.h */
xcv_err xcv_ident_cn_claims(const struct xcv_cert *cert)
{
    XCV_ENSURE(cert != NULL, XCV_ERR_INVALID_ARGUMENT);
    int has_ip = 0;
    int has_dns = 0;
    (void)xcv_ident_list(cert, NULL, 0, &has_ip, &has_dns);
    if (!has_ip && !has_dns) {
        return XCV_OK;
    }
    xcv_dn_iter it;
    struct xcv_dn_attr a;
    xcv_dn_iter_init(&it, cert->subject);
    while (xcv_dn_next(&it, &a)) {
        xcv_slice cn = a.value;
        int non_ascii = 0;
        int space = 0;
        int dot = 0;
        if (a.type != XCV_DN_CN || !is_text_string(a.str_tag) || cn_in_san(cert, cn)) {
            continue;
        }
        for (size_t i = 0; i < cn.n; i++) {
            non_ascii |= cn.p[i] >= 0x80;
            space |= cn.p[i] == ' ';
            dot |= cn.p[i] == '.';
        }
        if (space) {
            continue; /* free text, not a host name */
        }
        /* An IP address must be the canonical text of an iPAddress SAN
         * (BR 7.1.4.3: RFC 3986 dotted quad, RFC 5952 IPv6). */
        XCV_ENSURE(!cn_looks_like_ip(cn), XCV_ERR_NAME_MISMATCH);
        if (!dot) {
            continue; /* a single label: a service name, not a host name */
        }
        /* A host name in U-label form is never a copy of an IA5 dNSName. */
        XCV_ENSURE(!non_ascii, XCV_ERR_NAME_MISMATCH);
        if (!has_dns || !xcv_dns_check_name(cn, 1)) {
            continue;
        }
        /* BR 7.1.4.3: "a character-for-character copy of the dNSName entry". */
        XCV_ENSURE(!cn_in_dns_san_nocase(cert, cn), XCV_ERR_NAME_MISMATCH);
        XCV_ENSURE(cn_above_dns_san(cert, cn), XCV_ERR_NAME_MISMATCH);
    }
    return XCV_OK;
}
