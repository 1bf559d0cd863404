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

#endif
