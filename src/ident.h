/*
 * ident.h -- reference identities and matching against a certificate.
 */
#ifndef XCV_IDENT_H
#define XCV_IDENT_H

#include "internal.h"

/* Parses "a.b.c.d" (no leading zeros) or IPv6 text into out (4 or 16 bytes). */
XCV_MUST_USE xcv_err xcv_ip_parse(xcv_slice text, uint8_t out[16], size_t *out_len);

/*
 * 1 when a dNSName SAN pattern (may have a leftmost "*" label) matches the
 * reference host (already validated, without trailing dot), per DESIGN.md.
 */
int xcv_dns_match(xcv_slice pattern, xcv_slice host);

/*
 * Strict host-name check for references: ASCII letters, digits and hyphens,
 * labels of 1..63 octets not starting or ending with a hyphen, at most 253
 * octets, no trailing dot, last label not all digits. Returns XCV_OK,
 * XCV_ERR_REFERENCE_NOT_ASCII (a byte >= 0x80, no NUL) or XCV_ERR_BAD_REFERENCE.
 */
XCV_MUST_USE xcv_err xcv_dns_check_ref(xcv_slice name);

/*
 * Relaxed syntax check for names found in certificates (SAN dNSName, CN,
 * constraint bases): labels of 1..63 octets of letters, digits, '-' and '_',
 * at most 253 octets, no trailing dot, no empty label. With allow_wildcard,
 * the first label may be exactly "*". 1 valid, 0 not.
 */
int xcv_dns_check_name(xcv_slice name, int allow_wildcard);

/* A URI split for comparison and name constraints. */
#define XCV_URI_HOST_NONE 0 /* no authority, or an empty host */
#define XCV_URI_HOST_NAME 1 /* reg-name */
#define XCV_URI_HOST_IP   2 /* IP-literal ("[...]") or IPv4 dotted quad */
struct xcv_uri_parts {
    xcv_slice scheme; /* without ':' */
    xcv_slice pre;    /* from ':' up to the host (":" "//" userinfo "@") */
    xcv_slice host;   /* reg-name, or the IP text without brackets */
    xcv_slice post;   /* the rest (port, path, query, fragment) */
    int host_kind;    /* XCV_URI_HOST_* */
};

/*
 * Splits an absolute URI: scheme ALPHA *(ALPHA / DIGIT / "+" / "-" / ".")
 * then ':'; an authority after "//" up to '/', '?', '#'; every byte in
 * 0x21..0x7E. 1 on success, 0 when the text is not such a URI.
 */
int xcv_uri_split(xcv_slice uri, struct xcv_uri_parts *out);

/*
 * xcv's applied reading of BR 7.1.4.3 (the strict rule, "every CN is a
 * character-for-character copy of a SAN value", would reject
 * private certificates whose CN is a label such as "kube-apiserver"): only
 * a CN written as an identifier is judged, when the certificate has a
 * dNSName or iPAddress SAN. A CN that is a SAN copy passes; one that looks
 * like an IP address (WHATWG "ends in a number", or IPv6 text) fails; a
 * dotted name with non-ASCII bytes (a U-label) fails; an LDH host name
 * fails when it equals a dNSName SAN only ignoring case, or when it is not
 * a parent domain of some dNSName SAN (the subscriber's domain above its
 * hosts passes). Free text (spaces) and single labels pass. Returns XCV_OK
 * or XCV_ERR_NAME_MISMATCH.
 */
XCV_MUST_USE xcv_err xcv_ident_cn_claims(const struct xcv_cert *cert);

#endif
