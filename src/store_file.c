/*
 * store_file.c -- certificates and trust anchors from files (PEM or DER).
 *
 * Purpose
 *   Reads PEM bundles and DER files, the system bundle ($SSL_CERT_FILE or
 *   Debian's /etc/ssl/certs/ca-certificates.crt), and fills an indexed anchor
 *   store (struct xcv_anchors_sorted) or a list of presented certificates.
 *
 * Standards
 *   RFC 7468 (PEM text encoding, through xcv_pem_next); X.690 8.1.3 (DER
 *   length octets, to find the certificate TLVs of a DER file).
 *
 * Implementation notes
 *   - Outside the core: uses stdio, malloc and getenv; the core never calls
 *     this file. Each anchor's certificate is a separate allocation, so the
 *     anchors' slices stay valid while the arrays around them grow.
 *   - DER detection: 0x30 followed by a long-form length of 1..3 octets and
 *     top-level TLVs covering the whole file. Anything else is PEM.
 *   - The sorted index is rebuilt after every load (O(n log n)), so the store
 *     is always consistent between calls.
 *   - TRUSTED CERTIFICATE blocks: the certificate TLV is kept, the OpenSSL
 *     trust settings after it are ignored (xcv does not honour them).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xcv.h"
#include "xcv_file.h"

/* see xcv_file.h */
const char *xcv_file_status_str(xcv_file_status st)
{
    switch (st) {
    case XCV_FILE_OK:
        return "ok";
    case XCV_FILE_IO:
        return "the file could not be opened or read";
    case XCV_FILE_NO_CERTS:
        return "the file holds no usable certificate";
    case XCV_FILE_NO_MEMORY:
        return "out of memory";
    case XCV_FILE_INVALID:
        return "invalid argument";
    case XCV_FILE_TOO_BIG:
        return "the file is too large";
    }
    return "unknown status";
}

static void stats_reset(struct xcv_file_stats *st, const char *path)
{
    memset(st, 0, sizeof *st);
    st->first_err = XCV_OK;
    if (path != NULL) {
        snprintf(st->path, sizeof st->path, "%s", path);
    }
}

static void stats_reject(struct xcv_file_stats *st, xcv_err e, size_t index)
{
    if (st->rejected == 0) {
        st->first_err = e;
        st->first_err_index = index;
    }
    st->rejected++;
}

/* Reads a whole file into a malloc'd buffer (never NULL on success, even when empty). */
static xcv_file_status read_file(const char *path, uint8_t **out, size_t *out_n,
                                 struct xcv_file_stats *st)
{
    *out = NULL;
    *out_n = 0;
    errno = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        st->sys_errno = errno != 0 ? errno : ENOENT;
        return XCV_FILE_IO;
    }
    size_t cap = 65536;
    size_t n = 0;
    uint8_t *buf = malloc(cap);
    if (buf == NULL) {
        fclose(f);
        return XCV_FILE_NO_MEMORY;
    }
    for (;;) {
        if (n == cap) {
            if (cap >= XCV_FILE_MAX_SIZE) {
                free(buf);
                fclose(f);
                return XCV_FILE_TOO_BIG;
            }
            size_t ncap = cap * 2;
            uint8_t *nb = realloc(buf, ncap);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                return XCV_FILE_NO_MEMORY;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        st->sys_errno = errno != 0 ? errno : EIO;
        free(buf);
        fclose(f);
        return XCV_FILE_IO;
    }
    fclose(f);
    *out = buf;
    *out_n = n;
    return XCV_FILE_OK;
}

/*
 * Length of the TLV at p (tag 0x30, definite length of at most 4 octets);
 * 0 when it is not one or runs past n.
 */
static size_t seq_tlv_len(const uint8_t *p, size_t n)
{
    if (n < 2 || p[0] != 0x30) {
        return 0;
    }
    size_t len;
    size_t hdr;
    if (p[1] < 0x80) {
        len = p[1];
        hdr = 2;
    } else {
        size_t k = p[1] & 0x7Fu;
        if (k == 0 || k > 4 || n < 2 + k) {
            return 0;
        }
        len = 0;
        for (size_t i = 0; i < k; i++) {
            len = (len << 8) | p[2 + i];
        }
        hdr = 2 + k;
    }
    if (len > n - hdr) {
        return 0;
    }
    return hdr + len;
}

/* DER file: starts 0x30 0x81..0x83 and consists of complete SEQUENCE TLVs. */
static int looks_der(const uint8_t *p, size_t n)
{
    if (n < 2 || p[0] != 0x30 || p[1] < 0x81 || p[1] > 0x83) {
        return 0;
    }
    size_t pos = 0;
    while (pos < n) {
        size_t t = seq_tlv_len(p + pos, n - pos);
        if (t == 0) {
            return 0;
        }
        pos += t;
    }
    return 1;
}

/* Was the block just consumed ([from, to)) a TRUSTED CERTIFICATE? Looks at its END line. */
static int consumed_trusted(const uint8_t *from, const uint8_t *to)
{
    static const char end[] = "-----END ";
    static const char trusted[] = "TRUSTED CERTIFICATE-----";
    size_t n = (size_t)(to - from);
    size_t el = sizeof end - 1;
    size_t tl = sizeof trusted - 1;
    if (n < el) {
        return 0;
    }
    for (size_t i = n - el + 1; i-- > 0;) {
        if (memcmp(from + i, end, el) == 0) {
            return n - i - el >= tl && memcmp(from + i + el, trusted, tl) == 0;
        }
    }
    return 0;
}

/* A decoded block: keep only the leading certificate of a TRUSTED CERTIFICATE. */
static size_t block_len(const uint8_t *der, size_t n, int trusted)
{
    if (trusted) {
        size_t t = seq_tlv_len(der, n);
        if (t != 0) {
            return t;
        }
    }
    return n;
}

/*
 * Calls fn for every certificate (DER bytes) of data. PEM blocks whose
 * decoding fails are counted as rejected. Stops early when fn returns
 * nonzero (returns that value).
 */
typedef int (*cert_fn)(void *ctx, const uint8_t *der, size_t n, size_t index,
                       struct xcv_file_stats *st);

static int for_each_block(const uint8_t *data, size_t n, const char *label, cert_fn fn,
                          void *ctx, struct xcv_file_stats *st, uint8_t *scratch,
                          size_t scratch_cap)
{
    if (looks_der(data, n)) {
        size_t pos = 0;
        while (pos < n) {
            size_t t = seq_tlv_len(data + pos, n - pos);
            int r = fn(ctx, data + pos, t, st->found, st);
            st->found++;
            if (r != 0) {
                return r;
            }
            pos += t;
        }
        return 0;
    }
    xcv_slice in = {data, n};
    for (;;) {
        const uint8_t *before = in.p;
        size_t len = 0;
        xcv_err e = label == NULL ? xcv_pem_next(&in, scratch, scratch_cap, &len)
                                  : xcv_pem_next_label(&in, label, scratch, scratch_cap, &len);
        if (e == XCV_ERR_PEM_NOT_FOUND) {
            return 0;
        }
        if (e != XCV_OK) {
            /* BUFFER_SMALL cannot happen (scratch is as large as the input);
             * count it anyway and stop rather than loop. */
            stats_reject(st, e, st->found);
            st->found++;
            if (e == XCV_ERR_PEM_BUFFER_SMALL) {
                return 0;
            }
            continue;
        }
        size_t keep = label == NULL ? block_len(scratch, len, consumed_trusted(before, in.p)) : len;
        int r = fn(ctx, scratch, keep, st->found, st);
        st->found++;
        if (r != 0) {
            return r;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Store                                                                     */
/* ------------------------------------------------------------------------ */

/* see xcv_file.h */
void xcv_file_store_init(struct xcv_file_store *fs)
{
    if (fs == NULL) {
        return;
    }
    memset(fs, 0, sizeof *fs);
    xcv_anchors_sorted_init(&fs->sorted, NULL, 0);
    xcv_anchors_sorted_finish(&fs->sorted);
}

/* see xcv_file.h */
const struct xcv_anchor_store *xcv_file_store_get(const struct xcv_file_store *fs)
{
    return fs == NULL ? NULL : &fs->sorted.base;
}

/* see xcv_file.h */
void xcv_file_store_free(struct xcv_file_store *fs)
{
    if (fs == NULL) {
        return;
    }
    for (size_t i = 0; i < fs->blob_count; i++) {
        free(fs->blobs[i]);
    }
    free(fs->blobs);
    free(fs->list);
    free(fs->index);
    xcv_file_store_init(fs);
}

/* Rebuilds the sorted index over list. */
static xcv_file_status store_reindex(struct xcv_file_store *fs)
{
    struct xcv_anchor *idx = NULL;
    if (fs->count > 0) {
        idx = malloc(fs->count * sizeof *idx);
        if (idx == NULL) {
            return XCV_FILE_NO_MEMORY;
        }
    }
    free(fs->index);
    fs->index = idx;
    xcv_anchors_sorted_init(&fs->sorted, idx, fs->count);
    for (size_t i = 0; i < fs->count; i++) {
        if (xcv_anchors_sorted_add(&fs->sorted, &fs->list[i]) != XCV_OK) {
            return XCV_FILE_NO_MEMORY; /* cannot happen: the capacity is count */
        }
    }
    xcv_anchors_sorted_finish(&fs->sorted);
    return XCV_FILE_OK;
}

struct store_ctx {
    struct xcv_file_store *fs;
    int oom;
};

static int store_has(const struct xcv_file_store *fs, const uint8_t *der, size_t n)
{
    for (size_t i = 0; i < fs->count; i++) {
        const xcv_slice *c = &fs->list[i].cert_der;
        if (c->n == n && memcmp(c->p, der, n) == 0) {
            return 1;
        }
    }
    return 0;
}

/* cert_fn: copies the certificate and appends it as an anchor. */
static int store_one(void *vctx, const uint8_t *der, size_t n, size_t index,
                     struct xcv_file_stats *st)
{
    struct store_ctx *ctx = vctx;
    struct xcv_file_store *fs = ctx->fs;

    if (store_has(fs, der, n)) {
        st->duplicates++;
        return 0;
    }
    if (fs->count == fs->cap) {
        size_t ncap = fs->cap == 0 ? 64 : fs->cap * 2;
        struct xcv_anchor *nl = realloc(fs->list, ncap * sizeof *nl);
        if (nl == NULL) {
            ctx->oom = 1;
            return 1;
        }
        fs->list = nl;
        fs->cap = ncap;
    }
    if (fs->blob_count == fs->blob_cap) {
        size_t ncap = fs->blob_cap == 0 ? 64 : fs->blob_cap * 2;
        uint8_t **nb = realloc(fs->blobs, ncap * sizeof *nb);
        if (nb == NULL) {
            ctx->oom = 1;
            return 1;
        }
        fs->blobs = nb;
        fs->blob_cap = ncap;
    }
    uint8_t *copy = malloc(n == 0 ? 1 : n);
    if (copy == NULL) {
        ctx->oom = 1;
        return 1;
    }
    memcpy(copy, der, n);
    struct xcv_anchor a;
    memset(&a, 0, sizeof a);
    xcv_err e = xcv_anchor_from_cert((xcv_slice){copy, n}, &a);
    if (e != XCV_OK) {
        free(copy);
        stats_reject(st, e, index);
        return 0;
    }
    fs->blobs[fs->blob_count++] = copy;
    fs->list[fs->count++] = a;
    st->loaded++;
    return 0;
}

static xcv_file_status store_add_data(struct xcv_file_store *fs, const uint8_t *data, size_t n,
                                      struct xcv_file_stats *st)
{
    uint8_t *scratch = malloc(n == 0 ? 1 : n);
    if (scratch == NULL) {
        return XCV_FILE_NO_MEMORY;
    }
    struct store_ctx ctx = {fs, 0};
    (void)for_each_block(data, n, NULL, store_one, &ctx, st, scratch, n);
    free(scratch);
    xcv_file_status rs = store_reindex(fs);
    if (ctx.oom || rs != XCV_FILE_OK) {
        return XCV_FILE_NO_MEMORY;
    }
    return (st->loaded + st->duplicates) > 0 ? XCV_FILE_OK : XCV_FILE_NO_CERTS;
}

/* see xcv_file.h */
xcv_file_status xcv_file_store_add_memory(struct xcv_file_store *fs, const uint8_t *data,
                                          size_t n, struct xcv_file_stats *stats)
{
    struct xcv_file_stats local;
    struct xcv_file_stats *st = stats != NULL ? stats : &local;
    stats_reset(st, NULL);
    if (fs == NULL || (data == NULL && n > 0)) {
        return XCV_FILE_INVALID;
    }
    return store_add_data(fs, data, n, st);
}

/* see xcv_file.h */
xcv_file_status xcv_file_store_add_der(struct xcv_file_store *fs, xcv_slice der,
                                       struct xcv_file_stats *stats)
{
    struct xcv_file_stats local;
    struct xcv_file_stats *st = stats != NULL ? stats : &local;
    stats_reset(st, NULL);
    if (fs == NULL || (der.p == NULL && der.n > 0)) {
        return XCV_FILE_INVALID;
    }
    struct store_ctx ctx = {fs, 0};
    st->found = 1;
    (void)store_one(&ctx, der.p, der.n, 0, st);
    xcv_file_status rs = store_reindex(fs);
    if (ctx.oom || rs != XCV_FILE_OK) {
        return XCV_FILE_NO_MEMORY;
    }
    return (st->loaded + st->duplicates) > 0 ? XCV_FILE_OK : XCV_FILE_NO_CERTS;
}

/* see xcv_file.h */
xcv_file_status xcv_file_store_add_file(struct xcv_file_store *fs, const char *path,
                                        struct xcv_file_stats *stats)
{
    struct xcv_file_stats local;
    struct xcv_file_stats *st = stats != NULL ? stats : &local;
    stats_reset(st, path);
    if (fs == NULL || path == NULL) {
        return XCV_FILE_INVALID;
    }
    uint8_t *data;
    size_t n;
    xcv_file_status rs = read_file(path, &data, &n, st);
    if (rs != XCV_FILE_OK) {
        return rs;
    }
    rs = store_add_data(fs, data, n, st);
    free(data);
    return rs;
}

/* see xcv_file.h */
const char *xcv_file_system_path(void)
{
    const char *p = getenv("SSL_CERT_FILE");
    if (p != NULL && p[0] != '\0') {
        return p;
    }
    return XCV_FILE_SYSTEM_DEFAULT;
}

/* see xcv_file.h */
xcv_file_status xcv_file_store_add_system(struct xcv_file_store *fs,
                                          struct xcv_file_stats *stats)
{
    size_t before = fs != NULL ? fs->count : 0;
    xcv_file_status rs = xcv_file_store_add_file(fs, xcv_file_system_path(), stats);
    if (rs != XCV_FILE_OK) {
        return rs;
    }
    /* The operating system's curated bundle vouches for its roots: some
     * predate the CA profile xcv holds explicit anchors to (non-critical
     * basicConstraints, no subjectKeyIdentifier), so they are marked to be
     * checked only for being CAs (see XCV_ANCHOR_LAX_PROFILE). */
    for (size_t i = before; i < fs->count; i++) {
        fs->list[i].flags |= XCV_ANCHOR_LAX_PROFILE;
    }
    return store_reindex(fs);
}

/* ------------------------------------------------------------------------ */
/* Presented certificates                                                    */
/* ------------------------------------------------------------------------ */

struct certs_ctx {
    struct xcv_file_certs *out;
    size_t used;    /* bytes of out->buf in use */
    size_t cap_sl;  /* capacity of out->certs */
    int oom;
};

/* cert_fn: appends the DER (already in out->buf when decoded from PEM) as a slice. */
static int certs_one(void *vctx, const uint8_t *der, size_t n, size_t index,
                     struct xcv_file_stats *st)
{
    struct certs_ctx *ctx = vctx;
    struct xcv_file_certs *c = ctx->out;
    (void)index;
    if (c->count == ctx->cap_sl) {
        size_t ncap = ctx->cap_sl == 0 ? 8 : ctx->cap_sl * 2;
        xcv_slice *ns = realloc(c->certs, ncap * sizeof *ns);
        if (ns == NULL) {
            ctx->oom = 1;
            return 1;
        }
        c->certs = ns;
        ctx->cap_sl = ncap;
    }
    /* PEM decodes into scratch (a separate buffer); DER points into the input
     * copy: either way copy into buf after the used part. The input is at
     * most as large as buf, and decoded blocks never overlap, so it fits. */
    memmove(c->buf + ctx->used, der, n);
    c->certs[c->count].p = c->buf + ctx->used;
    c->certs[c->count].n = n;
    c->count++;
    ctx->used += n;
    st->loaded++;
    return 0;
}

static xcv_file_status certs_from_data(const uint8_t *data, size_t n, const char *label,
                                       struct xcv_file_certs *out, struct xcv_file_stats *st)
{
    out->buf = malloc(n == 0 ? 1 : n);
    uint8_t *scratch = malloc(n == 0 ? 1 : n);
    if (out->buf == NULL || scratch == NULL) {
        free(scratch);
        xcv_file_certs_free(out);
        return XCV_FILE_NO_MEMORY;
    }
    struct certs_ctx ctx = {out, 0, 0, 0};
    (void)for_each_block(data, n, label, certs_one, &ctx, st, scratch, n);
    free(scratch);
    if (ctx.oom) {
        xcv_file_certs_free(out);
        return XCV_FILE_NO_MEMORY;
    }
    if (out->count == 0) {
        xcv_file_certs_free(out);
        return XCV_FILE_NO_CERTS;
    }
    return XCV_FILE_OK;
}

/* PEM label of CRLs (RFC 7468 section 6). */
#define CRL_LABEL "X509 CRL"

/* The objects (label NULL: certificates) of data, as DER slices in out. */
static xcv_file_status objects_from_memory(const uint8_t *data, size_t n, const char *label,
                                           struct xcv_file_certs *out,
                                           struct xcv_file_stats *stats)
{
    struct xcv_file_stats local;
    struct xcv_file_stats *st = stats != NULL ? stats : &local;
    stats_reset(st, NULL);
    if (out == NULL) {
        return XCV_FILE_INVALID;
    }
    memset(out, 0, sizeof *out);
    if (data == NULL && n > 0) {
        return XCV_FILE_INVALID;
    }
    return certs_from_data(data, n, label, out, st);
}

/* The same for a file. */
static xcv_file_status objects_from_file(const char *path, const char *label,
                                         struct xcv_file_certs *out,
                                         struct xcv_file_stats *stats)
{
    struct xcv_file_stats local;
    struct xcv_file_stats *st = stats != NULL ? stats : &local;
    stats_reset(st, path);
    if (out == NULL) {
        return XCV_FILE_INVALID;
    }
    memset(out, 0, sizeof *out);
    if (path == NULL) {
        return XCV_FILE_INVALID;
    }
    uint8_t *data;
    size_t n;
    xcv_file_status rs = read_file(path, &data, &n, st);
    if (rs != XCV_FILE_OK) {
        return rs;
    }
    rs = certs_from_data(data, n, label, out, st);
    free(data);
    return rs;
}

/* see xcv_file.h */
xcv_file_status xcv_file_certs_from_memory(const uint8_t *data, size_t n,
                                           struct xcv_file_certs *out,
                                           struct xcv_file_stats *stats)
{
    return objects_from_memory(data, n, NULL, out, stats);
}

/* see xcv_file.h */
xcv_file_status xcv_file_read_certs(const char *path, struct xcv_file_certs *out,
                                    struct xcv_file_stats *stats)
{
    return objects_from_file(path, NULL, out, stats);
}

/* see xcv_file.h */
xcv_file_status xcv_file_crls_from_memory(const uint8_t *data, size_t n,
                                          struct xcv_file_certs *out,
                                          struct xcv_file_stats *stats)
{
    return objects_from_memory(data, n, CRL_LABEL, out, stats);
}

/* see xcv_file.h */
xcv_file_status xcv_file_read_crls(const char *path, struct xcv_file_certs *out,
                                   struct xcv_file_stats *stats)
{
    return objects_from_file(path, CRL_LABEL, out, stats);
}

/* see xcv_file.h */
void xcv_file_certs_free(struct xcv_file_certs *c)
{
    if (c == NULL) {
        return;
    }
    free(c->certs);
    free(c->buf);
    memset(c, 0, sizeof *c);
}
