/*
 * gnbuild.h -- test helpers building GeneralNames (SAN), Names (DN) and
 * name-constraint subtree lists as DER, in fixed buffers (no allocation).
 */
#ifndef XCV_TEST_GNBUILD_H
#define XCV_TEST_GNBUILD_H

#include "xcv.h"

#include <stddef.h>
#include <stdint.h>

#define XCV_GB_CAP 4096

/* A growing DER byte string; ok becomes 0 when it would overflow. */
struct xcv_gb {
    uint8_t buf[XCV_GB_CAP];
    size_t n;
    int ok;
};

void xcv_gb_init(struct xcv_gb *b);
xcv_slice xcv_gb_slice(const struct xcv_gb *b);
/* Appends a TLV (definite length, short or long form). */
void xcv_gb_tlv(struct xcv_gb *b, uint8_t tag, const uint8_t *content, size_t n);
void xcv_gb_raw(struct xcv_gb *b, const uint8_t *p, size_t n);

/* GeneralName entries (SAN content). */
void xcv_gb_dns(struct xcv_gb *b, const char *s);
void xcv_gb_dns_n(struct xcv_gb *b, const char *s, size_t n); /* may contain NUL */
void xcv_gb_email(struct xcv_gb *b, const char *s);
void xcv_gb_uri(struct xcv_gb *b, const char *s);
void xcv_gb_ip(struct xcv_gb *b, const uint8_t *ip, size_t n);
void xcv_gb_dirname(struct xcv_gb *b, xcv_slice name_tlv);
/* Any other GeneralName: raw tag and content. */
void xcv_gb_gn(struct xcv_gb *b, uint8_t tag, const uint8_t *content, size_t n);

/* Names: attributes are appended one RDN each; finish wraps the SEQUENCE. */
#define XCV_GB_CN    1
#define XCV_GB_O     2
#define XCV_GB_C     3
#define XCV_GB_OU    4
#define XCV_GB_EMAIL 5
void xcv_gb_rdn(struct xcv_gb *rdns, int attr, uint8_t str_tag, const char *value);
/* Writes SEQUENCE { rdns } into out (out is reset first). */
void xcv_gb_name(const struct xcv_gb *rdns, struct xcv_gb *out);

/* Subtrees: SEQUENCE { base } (extra: raw bytes after the base, e.g. minimum). */
void xcv_gb_subtree(struct xcv_gb *b, const struct xcv_gb *one_gn, const uint8_t *extra,
                    size_t extra_n);
/* Shortcuts: a subtree with one base of a given kind. */
void xcv_gb_st_dns(struct xcv_gb *b, const char *s);
void xcv_gb_st_email(struct xcv_gb *b, const char *s);
void xcv_gb_st_uri(struct xcv_gb *b, const char *s);
void xcv_gb_st_ip(struct xcv_gb *b, const uint8_t *addr_mask, size_t n);
void xcv_gb_st_dirname(struct xcv_gb *b, xcv_slice name_tlv);
void xcv_gb_st_gn(struct xcv_gb *b, uint8_t tag, const uint8_t *content, size_t n);

#endif
