/*
 * pem.c -- PEM certificate blocks to DER, in caller memory.
 *
 * Purpose
 *   Finds the next "-----BEGIN CERTIFICATE-----" (or "TRUSTED CERTIFICATE")
 *   block of a text -- or, through xcv_pem_next_label, the next block with a
 *   given label such as "X509 CRL" (RFC 7468 section 6) -- checks its base64
 *   body strictly and decodes it into the caller's buffer. Zero allocation;
 *   part of the core.
 *
 * Standards
 *   RFC 7468 section 2 (textual encoding: pre-encapsulation boundary, base64
 *   body, post-encapsulation boundary with the same label), section 3 (the
 *   "strict" grammar), section 5 (label CERTIFICATE); RFC 4648 section 4
 *   (base64 alphabet, padding) and section 3.5 (canonical encoding).
 *   "TRUSTED CERTIFICATE" is OpenSSL's label for a certificate followed by
 *   trust settings; the decoded bytes are returned whole (the caller takes
 *   the first TLV).
 *
 * Implementation notes
 *   - Boundaries must start a line. Trailing spaces and tabs are tolerated at
 *     the end of every line (RFC 7468 section 3: "WSP" before EOL); lines end
 *     with LF or CRLF; a CR not followed by LF is garbage inside a block.
 *   - Text outside certificate blocks, including whole blocks with other
 *     labels (PRIVATE KEY, X509 CRL, ...), is ignored.
 *   - Inside a block only base64 characters, line breaks, empty lines and
 *     trailing blanks are allowed: no leading blanks, no RFC 1421 headers.
 *   - Padding is mandatory and only at the end; the number of significant
 *     characters must be a multiple of 4; the unused low bits of the last
 *     character before padding must be zero (RFC 4648 3.5: decoders MAY
 *     reject non-canonical encodings; we do, so that one DER has one PEM).
 *   - An empty body is rejected (no certificate is empty).
 *   - Two passes: the first validates and counts, the second writes. So a
 *     too-small buffer is reported with the size needed in *out_len, and
 *     nothing is written on any error.
 *   - On XCV_ERR_PEM_BUFFER_SMALL, *in is left unchanged (retry with a larger
 *     buffer). On XCV_ERR_PEM_BAD_BASE64 and XCV_ERR_PEM_NO_END, *in is
 *     advanced past the BEGIN line, so that a caller may skip the broken
 *     block and continue with the next. On XCV_ERR_PEM_NOT_FOUND *in is
 *     advanced to its end.
 */
#include "internal.h"

#define PEM_DASHES     "-----"
#define PEM_DASHES_LEN 5u
#define PEM_BEGIN      "-----BEGIN "
#define PEM_BEGIN_LEN  11u
#define PEM_END        "-----END "
#define PEM_END_LEN    9u

/* A line of the input: [start, start+len) without its line break; next is
 * the offset just past the line break (or the end of the input). */
struct pem_line {
    size_t start;
    size_t len;
    size_t next;
};

static void pem_get_line(const uint8_t *p, size_t n, size_t pos, struct pem_line *out)
{
    size_t i = pos;
    while (i < n && p[i] != '\n') {
        i++;
    }
    out->start = pos;
    out->len = i - pos;
    out->next = (i < n) ? i + 1 : n;
}

/* Length of the line once one trailing CR and trailing spaces/tabs are removed. */
static size_t pem_trim_len(const uint8_t *p, size_t len)
{
    if (len > 0 && p[len - 1] == '\r') {
        len--;
    }
    while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t')) {
        len--;
    }
    return len;
}

static int pem_has_prefix(const uint8_t *p, size_t len, const char *prefix, size_t plen)
{
    return len >= plen && memcmp(p, prefix, plen) == 0;
}

/*
 * If the line is "<prefix><label>-----" (trimmed), returns 1 and the label.
 */
static int pem_boundary(const uint8_t *p, size_t len, const char *prefix, size_t plen,
                        xcv_slice *out_label)
{
    size_t t = pem_trim_len(p, len);
    if (!pem_has_prefix(p, t, prefix, plen) || t < plen + PEM_DASHES_LEN) {
        return 0;
    }
    if (memcmp(p + t - PEM_DASHES_LEN, PEM_DASHES, PEM_DASHES_LEN) != 0) {
        return 0;
    }
    *out_label = xcv_slice_make(p + plen, t - plen - PEM_DASHES_LEN);
    return 1;
}

static int pem_label_is_cert(xcv_slice label)
{
    static const char cert[] = "CERTIFICATE";
    static const char trusted[] = "TRUSTED CERTIFICATE";
    return (label.n == sizeof cert - 1 && memcmp(label.p, cert, label.n) == 0) ||
           (label.n == sizeof trusted - 1 && memcmp(label.p, trusted, label.n) == 0);
}

/* Base64 value of c (RFC 4648 table 1), or -1. */
static int pem_b64_value(uint8_t c)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '+') {
        return 62;
    }
    if (c == '/') {
        return 63;
    }
    return -1;
}

/*
 * Decodes the body [p, p+n) (whole lines, each ending in LF or CRLF).
 * out may be NULL (validate and count only). *out_len gets the byte count.
 */
static xcv_err pem_decode_body(const uint8_t *p, size_t n, uint8_t *out, size_t *out_len)
{
    uint32_t quad = 0;
    unsigned qn = 0;   /* characters in the current quantum */
    unsigned pad = 0;  /* '=' seen in the current quantum */
    int done = 0;      /* the padded final quantum has been read */
    size_t chars = 0;
    size_t w = 0;

    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == '\n') {
            continue;
        }
        if (c == '\r') {
            /* RFC 7468 section 3: eol = CRLF / CR / LF; we accept CRLF only. */
            XCV_ENSURE(i + 1 < n && p[i + 1] == '\n', XCV_ERR_PEM_BAD_BASE64);
            continue;
        }
        if (c == ' ' || c == '\t') {
            /* Blanks only at the end of a line (RFC 7468: *WSP eol). */
            size_t j = i;
            while (j < n && (p[j] == ' ' || p[j] == '\t')) {
                j++;
            }
            XCV_ENSURE(j == n || p[j] == '\n' || p[j] == '\r', XCV_ERR_PEM_BAD_BASE64);
            i = j - 1;
            continue;
        }
        /* Nothing may follow the padded final quantum (RFC 4648 section 4). */
        XCV_ENSURE(!done, XCV_ERR_PEM_BAD_BASE64);
        int v;
        if (c == '=') {
            /* Padding only in the last two positions of a quantum. */
            XCV_ENSURE(qn >= 2, XCV_ERR_PEM_BAD_BASE64);
            pad++;
            v = 0;
        } else {
            v = pem_b64_value(c);
            XCV_ENSURE(v >= 0, XCV_ERR_PEM_BAD_BASE64);
            /* A data character after '=' inside a quantum ("AB=C"). */
            XCV_ENSURE(pad == 0, XCV_ERR_PEM_BAD_BASE64);
        }
        quad = (quad << 6) | (uint32_t)v;
        qn++;
        chars++;
        if (qn < 4) {
            continue;
        }
        size_t bytes = 3u - pad;
        if (pad == 2) {
            /* RFC 4648 3.5: the 4 unused bits of the second character are zero. */
            XCV_ENSURE((quad & 0xFFFFu) == 0, XCV_ERR_PEM_BAD_BASE64);
        } else if (pad == 1) {
            /* The 2 unused bits of the third character are zero. */
            XCV_ENSURE((quad & 0x00FFu) == 0, XCV_ERR_PEM_BAD_BASE64);
        }
        if (out != NULL) {
            uint8_t b[3];
            b[0] = (uint8_t)(quad >> 16);
            b[1] = (uint8_t)(quad >> 8);
            b[2] = (uint8_t)quad;
            memcpy(out + w, b, bytes);
        }
        w += bytes;
        done = pad > 0;
        quad = 0;
        qn = 0;
        pad = 0;
    }
    /* The encoded length is a multiple of 4 (padding is mandatory here). */
    XCV_ENSURE(qn == 0, XCV_ERR_PEM_BAD_BASE64);
    XCV_ENSURE(chars > 0, XCV_ERR_PEM_BAD_BASE64);
    *out_len = w;
    return XCV_OK;
}

/* 1 when the label is the one wanted: want NULL means the certificate labels. */
static int pem_label_wanted(xcv_slice label, const char *want)
{
    if (want == NULL) {
        return pem_label_is_cert(label);
    }
    size_t n = strlen(want);
    return label.n == n && memcmp(label.p, want, n) == 0;
}

static xcv_err pem_next_impl(xcv_slice *in, const char *want, uint8_t *out, size_t out_cap,
                             size_t *out_len)
{
    XCV_ENSURE(in != NULL && out_len != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(in->p != NULL || in->n == 0, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(out != NULL || out_cap == 0, XCV_ERR_INVALID_ARGUMENT);
    *out_len = 0;

    const uint8_t *p = in->p;
    size_t n = in->n;
    size_t pos = 0;
    struct pem_line line;
    xcv_slice label = xcv_slice_empty();

    /* RFC 7468 section 2: the pre-encapsulation boundary starts a line. */
    for (;;) {
        if (pos >= n) {
            *in = xcv_slice_make(p + n, 0);
            return XCV_ERR_PEM_NOT_FOUND;
        }
        pem_get_line(p, n, pos, &line);
        pos = line.next;
        if (pem_boundary(p + line.start, line.len, PEM_BEGIN, PEM_BEGIN_LEN, &label) &&
            pem_label_wanted(label, want)) {
            break;
        }
    }
    size_t body_start = pos;
    size_t body_end = pos;
    int found_end = 0;

    /* The post-encapsulation boundary carries the same label (RFC 7468 section 2). */
    while (pos < n) {
        pem_get_line(p, n, pos, &line);
        if (pem_has_prefix(p + line.start, line.len, PEM_DASHES, PEM_DASHES_LEN)) {
            xcv_slice end_label;
            if (pem_boundary(p + line.start, line.len, PEM_END, PEM_END_LEN, &end_label) &&
                xcv_slice_eq(end_label, label)) {
                body_end = line.start;
                pos = line.next;
                found_end = 1;
            }
            break;
        }
        pos = line.next;
    }
    if (!found_end) {
        *in = xcv_slice_make(p + body_start, n - body_start);
        return XCV_ERR_PEM_NO_END;
    }

    size_t need = 0;
    xcv_err e = pem_decode_body(p + body_start, body_end - body_start, NULL, &need);
    if (e != XCV_OK) {
        *in = xcv_slice_make(p + body_start, n - body_start);
        return e;
    }
    if (need > out_cap) {
        *out_len = need;
        return XCV_ERR_PEM_BUFFER_SMALL;
    }
    XCV_TRY(pem_decode_body(p + body_start, body_end - body_start, out, out_len));
    *in = xcv_slice_make(p + pos, n - pos);
    return XCV_OK;
}

/* see xcv.h */
xcv_err xcv_pem_next(xcv_slice *in, uint8_t *out, size_t out_cap, size_t *out_len)
{
    return pem_next_impl(in, NULL, out, out_cap, out_len);
}

/* see xcv.h */
xcv_err xcv_pem_next_label(xcv_slice *in, const char *label, uint8_t *out, size_t out_cap,
                           size_t *out_len)
{
    XCV_ENSURE(label != NULL && label[0] != '\0', XCV_ERR_INVALID_ARGUMENT);
    return pem_next_impl(in, label, out, out_cap, out_len);
}
