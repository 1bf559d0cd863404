/* gnbuild.c -- see gnbuild.h. */
#include "gnbuild.h"

#include <string.h>

void xcv_gb_init(struct xcv_gb *b)
{
    b->n = 0;
    b->ok = 1;
}

xcv_slice xcv_gb_slice(const struct xcv_gb *b)
{
    xcv_slice s;
    s.p = b->buf;
    s.n = b->n;
    return s;
}

void xcv_gb_raw(struct xcv_gb *b, const uint8_t *p, size_t n)
{
    if (!b->ok || n > XCV_GB_CAP - b->n) {
        b->ok = 0;
        return;
    }
    if (n > 0) {
        memmove(b->buf + b->n, p, n);
    }
    b->n += n;
}

void xcv_gb_tlv(struct xcv_gb *b, uint8_t tag, const uint8_t *content, size_t n)
{
    uint8_t hdr[4];
    size_t h = 0;
    hdr[h++] = tag;
    if (n < 0x80) {
        hdr[h++] = (uint8_t)n;
    } else if (n < 0x100) {
        hdr[h++] = 0x81;
        hdr[h++] = (uint8_t)n;
    } else {
        hdr[h++] = 0x82;
        hdr[h++] = (uint8_t)(n >> 8);
        hdr[h++] = (uint8_t)n;
    }
    xcv_gb_raw(b, hdr, h);
    xcv_gb_raw(b, content, n);
}

void xcv_gb_gn(struct xcv_gb *b, uint8_t tag, const uint8_t *content, size_t n)
{
    xcv_gb_tlv(b, tag, content, n);
}

void xcv_gb_dns_n(struct xcv_gb *b, const char *s, size_t n)
{
    xcv_gb_tlv(b, 0x82, (const uint8_t *)s, n);
}

void xcv_gb_dns(struct xcv_gb *b, const char *s)
{
    xcv_gb_dns_n(b, s, strlen(s));
}

void xcv_gb_email(struct xcv_gb *b, const char *s)
{
    xcv_gb_tlv(b, 0x81, (const uint8_t *)s, strlen(s));
}

void xcv_gb_uri(struct xcv_gb *b, const char *s)
{
    xcv_gb_tlv(b, 0x86, (const uint8_t *)s, strlen(s));
}

void xcv_gb_ip(struct xcv_gb *b, const uint8_t *ip, size_t n)
{
    xcv_gb_tlv(b, 0x87, ip, n);
}

void xcv_gb_dirname(struct xcv_gb *b, xcv_slice name_tlv)
{
    xcv_gb_tlv(b, 0xA4, name_tlv.p, name_tlv.n);
}

void xcv_gb_rdn(struct xcv_gb *rdns, int attr, uint8_t str_tag, const char *value)
{
    static const uint8_t oid_cn[] = {0x55, 0x04, 0x03};
    static const uint8_t oid_o[] = {0x55, 0x04, 0x0A};
    static const uint8_t oid_c[] = {0x55, 0x04, 0x06};
    static const uint8_t oid_ou[] = {0x55, 0x04, 0x0B};
    static const uint8_t oid_email[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x01};
    const uint8_t *oid = oid_cn;
    size_t oid_n = sizeof(oid_cn);
    switch (attr) {
    case XCV_GB_O:
        oid = oid_o;
        oid_n = sizeof(oid_o);
        break;
    case XCV_GB_C:
        oid = oid_c;
        oid_n = sizeof(oid_c);
        break;
    case XCV_GB_OU:
        oid = oid_ou;
        oid_n = sizeof(oid_ou);
        break;
    case XCV_GB_EMAIL:
        oid = oid_email;
        oid_n = sizeof(oid_email);
        break;
    default:
        break;
    }
    struct xcv_gb atv;
    struct xcv_gb seq;
    xcv_gb_init(&atv);
    xcv_gb_tlv(&atv, 0x06, oid, oid_n);
    xcv_gb_tlv(&atv, str_tag, (const uint8_t *)value, strlen(value));
    xcv_gb_init(&seq);
    xcv_gb_tlv(&seq, 0x30, atv.buf, atv.n);
    xcv_gb_tlv(rdns, 0x31, seq.buf, seq.n);
    if (!atv.ok || !seq.ok) {
        rdns->ok = 0;
    }
}

void xcv_gb_name(const struct xcv_gb *rdns, struct xcv_gb *out)
{
    xcv_gb_init(out);
    xcv_gb_tlv(out, 0x30, rdns->buf, rdns->n);
    if (!rdns->ok) {
        out->ok = 0;
    }
}

void xcv_gb_subtree(struct xcv_gb *b, const struct xcv_gb *one_gn, const uint8_t *extra,
                    size_t extra_n)
{
    struct xcv_gb t;
    xcv_gb_init(&t);
    xcv_gb_raw(&t, one_gn->buf, one_gn->n);
    xcv_gb_raw(&t, extra, extra_n);
    xcv_gb_tlv(b, 0x30, t.buf, t.n);
    if (!t.ok || !one_gn->ok) {
        b->ok = 0;
    }
}

void xcv_gb_st_gn(struct xcv_gb *b, uint8_t tag, const uint8_t *content, size_t n)
{
    struct xcv_gb g;
    xcv_gb_init(&g);
    xcv_gb_tlv(&g, tag, content, n);
    xcv_gb_subtree(b, &g, NULL, 0);
}

void xcv_gb_st_dns(struct xcv_gb *b, const char *s)
{
    xcv_gb_st_gn(b, 0x82, (const uint8_t *)s, strlen(s));
}

void xcv_gb_st_email(struct xcv_gb *b, const char *s)
{
    xcv_gb_st_gn(b, 0x81, (const uint8_t *)s, strlen(s));
}

void xcv_gb_st_uri(struct xcv_gb *b, const char *s)
{
    xcv_gb_st_gn(b, 0x86, (const uint8_t *)s, strlen(s));
}

void xcv_gb_st_ip(struct xcv_gb *b, const uint8_t *addr_mask, size_t n)
{
    xcv_gb_st_gn(b, 0x87, addr_mask, n);
}

void xcv_gb_st_dirname(struct xcv_gb *b, xcv_slice name_tlv)
{
    xcv_gb_st_gn(b, 0xA4, name_tlv.p, name_tlv.n);
}
