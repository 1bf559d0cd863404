/* certbuild.c -- see certbuild.h. Test code: uses stdio and malloc freely. */
#include "certbuild.h"
#include "hex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int put(uint8_t *out, size_t cap, size_t *len, uint8_t b)
{
    if (*len >= cap) {
        return -1;
    }
    out[(*len)++] = b;
    return 0;
}

static int tb_parse(const char **ps, uint8_t *out, size_t cap, size_t *len, int depth)
{
    const char *s = *ps;
    if (depth > 64) {
        return -1;
    }
    for (;;) {
        char c = *s;
        if (c == '\0') {
            if (depth > 0) {
                return -1;
            }
            break;
        }
        if (c == ')') {
            if (depth == 0) {
                return -1;
            }
            s++;
            break;
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == ':') {
            s++;
            continue;
        }
        if (c == '\'') {
            s++;
            while (*s != '\0' && *s != '\'') {
                if (put(out, cap, len, (uint8_t)*s++) != 0) {
                    return -1;
                }
            }
            if (*s == '\0') {
                return -1;
            }
            s++;
            continue;
        }
        if (c == '{') {
            char *end = NULL;
            unsigned long n = strtoul(s + 1, &end, 10);
            if (end == NULL || *end != ':' || xcv_test_hex_digit(end[1]) < 0 ||
                xcv_test_hex_digit(end[2]) < 0 || end[3] != '}') {
                return -1;
            }
            uint8_t b = (uint8_t)(xcv_test_hex_digit(end[1]) * 16 + xcv_test_hex_digit(end[2]));
            for (unsigned long i = 0; i < n; i++) {
                if (put(out, cap, len, b) != 0) {
                    return -1;
                }
            }
            s = end + 4;
            continue;
        }
        int h = xcv_test_hex_digit(s[0]);
        int l = h >= 0 ? xcv_test_hex_digit(s[1]) : -1;
        if (h < 0 || l < 0) {
            return -1;
        }
        uint8_t b = (uint8_t)(h * 16 + l);
        s += 2;
        if (*s == '(') {
            s++;
            size_t start = *len;
            if (start + 6 > cap) {
                return -1;
            }
            size_t clen = start + 6;
            if (tb_parse(&s, out, cap, &clen, depth + 1) != 0) {
                return -1;
            }
            size_t n = clen - (start + 6);
            uint8_t hdr[6];
            size_t hn = 0;
            hdr[hn++] = b;
            if (n < 0x80) {
                hdr[hn++] = (uint8_t)n;
            } else {
                size_t k = 0;
                for (size_t t = n; t != 0; t >>= 8) {
                    k++;
                }
                hdr[hn++] = (uint8_t)(0x80u | k);
                for (size_t i = k; i > 0; i--) {
                    hdr[hn++] = (uint8_t)(n >> (8 * (i - 1)));
                }
            }
            memmove(out + start + hn, out + start + 6, n);
            memcpy(out + start, hdr, hn);
            *len = start + hn + n;
        } else if (put(out, cap, len, b) != 0) {
            return -1;
        }
    }
    *ps = s;
    return 0;
}

size_t xcv_tb_der(const char *tmpl, uint8_t *out, size_t cap)
{
    size_t len = 0;
    const char *s = tmpl;
    if (tb_parse(&s, out, cap, &len, 0) != 0) {
        return (size_t)-1;
    }
    return len;
}

void xcv_tb_cert_default(struct xcv_tb_cert *c)
{
    memset(c, 0, sizeof(*c));
    c->version = "a0(02(02))";
    c->serial = "02(01)";
    c->tbs_alg = XCV_TB_ALG_SHA256_RSA;
    c->issuer = XCV_TB_NAME_CA;
    c->validity = XCV_TB_VALIDITY;
    c->subject = XCV_TB_NAME_LEAF;
    c->spki = XCV_TB_SPKI_P256;
    c->exts = XCV_TB_EXT_SKI;
    c->outer_alg = XCV_TB_ALG_SHA256_RSA;
    c->sig = "03(00 {64:5a})";
}

static const char *nz(const char *s)
{
    return s != NULL ? s : "";
}

size_t xcv_tb_cert_build(const struct xcv_tb_cert *c, uint8_t *out, size_t cap)
{
    size_t need = 256;
    const char *parts[] = {c->version, c->serial,    c->tbs_alg,    c->issuer,      c->validity,
                           c->subject, c->spki,      c->issuer_uid, c->subject_uid, c->exts,
                           c->ext_raw, c->tbs_extra, c->outer_alg,  c->sig,         c->trailing};
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        need += strlen(nz(parts[i])) + 2;
    }
    char *t = malloc(need);
    if (t == NULL) {
        return (size_t)-1;
    }
    const char *ext_open = "";
    const char *ext_body = "";
    const char *ext_close = "";
    if (c->ext_raw != NULL) {
        ext_body = c->ext_raw;
    } else if (c->exts != NULL) {
        ext_open = "a3(30(";
        ext_body = c->exts;
        ext_close = "))";
    }
    snprintf(t, need, "30( 30( %s %s %s %s %s %s %s %s %s %s%s%s %s ) %s %s ) %s", nz(c->version),
             nz(c->serial), nz(c->tbs_alg), nz(c->issuer), nz(c->validity), nz(c->subject),
             nz(c->spki), nz(c->issuer_uid), nz(c->subject_uid), ext_open, ext_body, ext_close,
             nz(c->tbs_extra), nz(c->outer_alg), nz(c->sig), nz(c->trailing));
    size_t n = xcv_tb_der(t, out, cap);
    free(t);
    return n;
}

void xcv_tb_rsa_spki(unsigned bits, char *out, size_t cap)
{
    unsigned nbytes = (bits + 7) / 8;
    unsigned top = 1u << ((bits - 1) % 8);
    top |= top >> 1 & 0x7Fu; /* a little more than one bit, still exact length */
    snprintf(out, cap,
             "30( 30( 06(2a864886f70d010101) 05() ) 03( 00 30( 02( %s%02x {%u:ab} ) 02(010001) "
             ") ) )",
             (top & 0x80u) ? "00 " : "", top & 0xFFu, nbytes - 1);
}

static const char *find(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(hay + i, needle, k) == 0) {
            return hay + i;
        }
    }
    return NULL;
}

size_t xcv_tb_pem_next(const char *text, size_t len, size_t *pos, uint8_t *out, size_t cap)
{
    static const char begin[] = "-----BEGIN CERTIFICATE-----";
    static const char endm[] = "-----END CERTIFICATE-----";
    if (*pos >= len) {
        return 0;
    }
    const char *b = find(text + *pos, len - *pos, begin);
    if (b == NULL) {
        *pos = len;
        return 0;
    }
    const char *body = b + strlen(begin);
    const char *e = find(body, (size_t)(text + len - body), endm);
    if (e == NULL) {
        return (size_t)-1;
    }
    size_t n = xcv_test_base64(body, e, out, cap);
    if (n == (size_t)-1) {
        return (size_t)-1;
    }
    *pos = (size_t)(e - text) + strlen(endm);
    return n;
}
