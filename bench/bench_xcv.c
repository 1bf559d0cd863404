/*
 * bench_xcv.c -- xcv in the benchmark: FULL, FULL-WARM (signature cache),
 * PARSE, anchor-store scaling and the x509-limbo pathological cases.
 *
 * FULL: xcv_verify with one struct xcv_verifier (reused), an
 * xcv_anchors_sorted holding the root, params from xcv_params_default with
 * the fixed time, reference identity DNS host. FULL-WARM: the same with
 * params.cache pointing at an xcv_sig_cache over a static-size array, warmed
 * by the first call.
 *
 * The same file is compiled a second time for the xcv-openssl rows (see
 * BENCH_XCV_VARIANT_OPENSSL below).
 *
 * The xcv library is linked whole (--whole-archive) and every xcv function
 * is referenced weakly, so the benchmark builds and runs (printing "n/a")
 * while a module of the library does not exist yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "xcv.h"

#include "bench.h"

#ifdef BENCH_XCV_VARIANT_OPENSSL
/* The second build (bench/CMakeLists.txt): this file compiled again with
 * bench_xcv_ossl_rename.h force-included, so every xcv_* call goes to the
 * renamed xcvossl_* copy of the library built with src/crypto_openssl.c. */
#define BENCH_XCV_NAME            "xcv-openssl"
#define HAVE(f)                   1 /* linked strongly */
#define bench_impl_xcv            bench_impl_xcv_openssl
#define bench_impl_xcv_warm       bench_impl_xcv_openssl_warm
#define bench_xcv_has_verify      bench_xcvossl_has_verify
#define bench_xcv_has_parse       bench_xcvossl_has_parse
#define bench_xcv_verifier_size   bench_xcvossl_verifier_size
#define bench_xcv_err_name        bench_xcvossl_err_name
#define bench_xcv_cache_hits      bench_xcvossl_cache_hits
#define bench_xcv_sig_checks      bench_xcvossl_sig_checks
#define bench_xcv_anchors_setup   bench_xcvossl_anchors_setup
#define bench_xcv_anchors_full    bench_xcvossl_anchors_full
#define bench_xcv_anchors_teardown bench_xcvossl_anchors_teardown
#define bench_xcv_limbo_load      bench_xcvossl_limbo_load
#define bench_xcv_limbo_run       bench_xcvossl_limbo_run
#else
#define BENCH_XCV_NAME "xcv"
#define HAVE(f) ((f) != NULL) /* weak: NULL when the module is missing */
#pragma weak xcv_verify
#pragma weak xcv_cert_parse
#pragma weak xcv_anchor_from_cert
#pragma weak xcv_anchors_sorted_init
#pragma weak xcv_anchors_sorted_add
#pragma weak xcv_anchors_sorted_finish
#pragma weak xcv_params_default
#pragma weak xcv_sig_cache_init
#pragma weak xcv_pem_next
#pragma weak xcv_err_name
#pragma weak xcv_time_from_civil

#endif

#define CACHE_ENTRIES 256

struct xcvb_ctx {
    struct xcv_verifier v;
    struct xcv_anchors_sorted store;
    struct xcv_anchor *anchors; /* store storage */
    uint8_t *names;             /* synthetic anchor subjects */
    struct xcv_params params;
    struct xcv_result res;
    struct xcv_sig_cache cache;
    struct xcv_sig_cache_entry entries[CACHE_ENTRIES];
    /* limbo: owned certificates */
    uint8_t *blob;
    xcv_slice presented[XCV_MAX_PRESENTED + 8];
    size_t n_presented;
    struct xcv_ref ref;
    char host[256];
};

int bench_xcv_has_verify(void)
{
    return HAVE(xcv_verify) && HAVE(xcv_anchor_from_cert) &&
           HAVE(xcv_anchors_sorted_init) && HAVE(xcv_params_default);
}

int bench_xcv_has_parse(void)
{
    return HAVE(xcv_cert_parse);
}

size_t bench_xcv_verifier_size(void)
{
    return sizeof(struct xcv_verifier);
}

const char *bench_xcv_err_name(int err)
{
    if (!HAVE(xcv_err_name)) {
        static char buf[32];
        snprintf(buf, sizeof buf, "xcv error %d", err);
        return buf;
    }
    return xcv_err_name((xcv_err)err);
}

static void xcvb_free(void *vctx)
{
    struct xcvb_ctx *ctx = vctx;
    if (ctx != NULL) {
        free(ctx->anchors);
        free(ctx->names);
        free(ctx->blob);
        free(ctx);
    }
}

/* Name TLV "CN=xcv Synthetic Anchor NNNNNNN" (40 bytes) into out. */
#define SYN_NAME_LEN 40
static void synthetic_name(uint8_t *out, size_t i)
{
    char cn[40];
    snprintf(cn, sizeof cn, "xcv Synthetic Anchor %07zu", i % 10000000u);
    static const uint8_t head[] = {0x30, 38, 0x31, 36, 0x30, 34, 0x06, 0x03,
                                   0x55, 0x04, 0x03, 0x0c, 27};
    memcpy(out, head, sizeof head);
    memcpy(out + sizeof head, cn, 27);
}

void *bench_xcv_anchors_setup(const struct bench_chain *c, size_t n_anchors)
{
    if (!bench_xcv_has_verify()) {
        return NULL;
    }
    struct xcvb_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        return NULL;
    }
    size_t cap = n_anchors == 0 ? 1 : n_anchors;
    ctx->anchors = calloc(cap, sizeof *ctx->anchors);
    ctx->names = malloc(cap * SYN_NAME_LEN);
    struct xcv_anchor root;
    xcv_slice rd = {c->root.p, c->root.n};
    if (ctx->anchors == NULL || ctx->names == NULL ||
        xcv_anchor_from_cert(rd, &root) != XCV_OK) {
        xcvb_free(ctx);
        return NULL;
    }
    xcv_anchors_sorted_init(&ctx->store, ctx->anchors, cap);
    if (xcv_anchors_sorted_add(&ctx->store, &root) != XCV_OK) {
        xcvb_free(ctx);
        return NULL;
    }
    for (size_t i = 1; i < n_anchors; i++) {
        struct xcv_anchor a;
        memset(&a, 0, sizeof a);
        synthetic_name(ctx->names + i * SYN_NAME_LEN, i);
        a.subject.p = ctx->names + i * SYN_NAME_LEN;
        a.subject.n = SYN_NAME_LEN;
        a.spki = root.spki; /* the same dummy SPKI bytes for every synthetic anchor */
        a.not_after = XCV_TIME_NONE;
        if (xcv_anchors_sorted_add(&ctx->store, &a) != XCV_OK) {
            xcvb_free(ctx);
            return NULL;
        }
    }
    xcv_anchors_sorted_finish(&ctx->store);
    xcv_params_default(&ctx->params);
    ctx->params.now = BENCH_NOW;
    return ctx;
}

int bench_xcv_anchors_full(void *vctx, const struct bench_input *in)
{
    struct xcvb_ctx *ctx = vctx;
    xcv_slice certs[XCV_MAX_PRESENTED + 8];
    size_t n = in->n < XCV_MAX_PRESENTED + 8 ? in->n : XCV_MAX_PRESENTED + 8;
    for (size_t i = 0; i < n; i++) {
        certs[i].p = in->certs[i].p;
        certs[i].n = in->certs[i].n;
    }
    struct xcv_ref ref;
    ref.type = XCV_REF_DNS;
    ref.name.p = (const uint8_t *)in->host;
    ref.name.n = strlen(in->host);
    return xcv_verify(&ctx->v, &ctx->params, &ctx->store.base, certs, n, &ref, &ctx->res) ==
           XCV_OK;
}

void bench_xcv_anchors_teardown(void *ctx)
{
    xcvb_free(ctx);
}

static void *xcvb_setup(const struct bench_chain *c)
{
    return bench_xcv_anchors_setup(c, 1);
}

static void *xcvb_setup_warm(const struct bench_chain *c)
{
    if (!HAVE(xcv_sig_cache_init)) {
        return NULL;
    }
    struct xcvb_ctx *ctx = bench_xcv_anchors_setup(c, 1);
    if (ctx != NULL) {
        xcv_sig_cache_init(&ctx->cache, ctx->entries, CACHE_ENTRIES);
        ctx->params.cache = &ctx->cache;
    }
    return ctx;
}

static int xcvb_parse(void *vctx, const uint8_t *der, size_t n)
{
    (void)vctx;
    struct xcv_cert cert;
    xcv_slice d = {der, n};
    return xcv_cert_parse(d, &cert, NULL) == XCV_OK;
}

static const char *xcvb_explain(void *vctx)
{
    struct xcvb_ctx *ctx = vctx;
    static char buf[96];
    snprintf(buf, sizeof buf, "%s at certificate %d", bench_xcv_err_name(ctx->res.err),
             ctx->res.cert_index);
    return buf;
}

long bench_xcv_cache_hits(void *vctx)
{
    struct xcvb_ctx *ctx = vctx;
    return (long)ctx->res.cache_hits;
}

long bench_xcv_sig_checks(void *vctx)
{
    struct xcvb_ctx *ctx = vctx;
    return (long)ctx->res.sig_checks;
}

const struct bench_impl bench_impl_xcv = {
    BENCH_XCV_NAME, xcvb_setup, bench_xcv_anchors_full, xcvb_parse, xcvb_free,
    "xcv_verify (sorted store with root, fixed time, DNS ref), verifier reused",
    xcvb_explain,
};

const struct bench_impl bench_impl_xcv_warm = {
    BENCH_XCV_NAME "-warm", xcvb_setup_warm, bench_xcv_anchors_full, xcvb_parse, xcvb_free,
    "as xcv, params.cache = 256-entry xcv_sig_cache, warm",
    xcvb_explain,
};

/* ---------------------------------------------------------------- limbo */

/* Appends the PEM certificates of text to blob; returns how many, -1 on error. */
static int pem_collect(const char *text, uint8_t **blob, size_t *len, size_t *cap,
                       size_t *offs, size_t *lens, size_t max)
{
    xcv_slice in = {(const uint8_t *)text, strlen(text)};
    int count = 0;
    for (;;) {
        if (*cap - *len < 16384) {
            size_t nc = *cap * 2 + 65536;
            uint8_t *nb = realloc(*blob, nc);
            if (nb == NULL) {
                return -1;
            }
            *blob = nb;
            *cap = nc;
        }
        size_t out = 0;
        xcv_slice saved = in;
        xcv_err e = xcv_pem_next(&in, *blob + *len, *cap - *len, &out);
        if (e == XCV_ERR_PEM_NOT_FOUND) {
            return count;
        }
        if (e == XCV_ERR_PEM_BUFFER_SMALL && *cap < ((size_t)1 << 28)) {
            in = saved;
            uint8_t *nb = realloc(*blob, *cap * 4);
            if (nb == NULL) {
                return -1;
            }
            *blob = nb;
            *cap *= 4;
            continue;
        }
        if (e != XCV_OK || (size_t)count >= max) {
            return -1;
        }
        offs[count] = *len;
        lens[count] = out;
        *len += out;
        count++;
    }
}

/* Parses RFC 3339 "YYYY-MM-DDTHH:MM:SSZ" (or with offset +00:00). */
static int parse_rfc3339(const char *s, xcv_time *out)
{
    int y, mo, d, h, mi, se;
    if (sscanf(s, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &se) != 6) {
        return 0;
    }
    return xcv_time_from_civil(y, mo, d, h, mi, se, out) == XCV_OK;
}

static struct xcvb_ctx *limbo_case(json_t *tc)
{
    struct xcvb_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        return NULL;
    }
    size_t len = 0, cap = 0;
    enum { MAXC = 256 };
    size_t offs[MAXC], lens[MAXC];
    size_t n = 0;
    const char *peer = json_string_value(json_object_get(tc, "peer_certificate"));
    json_t *inter = json_object_get(tc, "untrusted_intermediates");
    json_t *trusted = json_object_get(tc, "trusted_certs");
    if (peer == NULL || !json_is_array(inter) || !json_is_array(trusted)) {
        goto fail;
    }
    int k = pem_collect(peer, &ctx->blob, &len, &cap, offs, lens, MAXC);
    if (k != 1) {
        goto fail;
    }
    n = 1;
    size_t i;
    json_t *it;
    json_array_foreach(inter, i, it)
    {
        k = pem_collect(json_string_value(it), &ctx->blob, &len, &cap, offs + n, lens + n,
                        MAXC - n);
        if (k < 0) {
            goto fail;
        }
        n += (size_t)k;
    }
    size_t n_presented = n;
    json_array_foreach(trusted, i, it)
    {
        k = pem_collect(json_string_value(it), &ctx->blob, &len, &cap, offs + n, lens + n,
                        MAXC - n);
        if (k < 0) {
            goto fail;
        }
        n += (size_t)k;
    }
    /* presented (truncated to what a slice array holds: xcv rejects > 32 itself) */
    ctx->n_presented = n_presented < XCV_MAX_PRESENTED + 8 ? n_presented : XCV_MAX_PRESENTED + 8;
    for (size_t j = 0; j < ctx->n_presented; j++) {
        ctx->presented[j].p = ctx->blob + offs[j];
        ctx->presented[j].n = lens[j];
    }
    size_t n_anchors = n - n_presented;
    ctx->anchors = calloc(n_anchors + 1, sizeof *ctx->anchors);
    if (ctx->anchors == NULL) {
        goto fail;
    }
    xcv_anchors_sorted_init(&ctx->store, ctx->anchors, n_anchors + 1);
    for (size_t j = n_presented; j < n; j++) {
        struct xcv_anchor a;
        xcv_slice d = {ctx->blob + offs[j], lens[j]};
        if (xcv_anchor_from_cert(d, &a) == XCV_OK &&
            xcv_anchors_sorted_add(&ctx->store, &a) != XCV_OK) {
            goto fail;
        }
    }
    xcv_anchors_sorted_finish(&ctx->store);
    xcv_params_default(&ctx->params);
    const char *vt = json_string_value(json_object_get(tc, "validation_time"));
    if (vt == NULL || !parse_rfc3339(vt, &ctx->params.now)) {
        ctx->params.now = (xcv_time)time(NULL);
    }
    json_t *pn = json_object_get(tc, "expected_peer_name");
    const char *kind = json_string_value(json_object_get(pn, "kind"));
    const char *val = json_string_value(json_object_get(pn, "value"));
    ctx->ref.type = XCV_REF_NONE;
    if (kind != NULL && val != NULL && strlen(val) < sizeof ctx->host) {
        strcpy(ctx->host, val);
        ctx->ref.name.p = (const uint8_t *)ctx->host;
        ctx->ref.name.n = strlen(ctx->host);
        ctx->ref.type = strcmp(kind, "DNS") == 0  ? XCV_REF_DNS
                        : strcmp(kind, "IP") == 0 ? XCV_REF_IP
                                                  : XCV_REF_EMAIL;
    }
    return ctx;
fail:
    xcvb_free(ctx);
    return NULL;
}

int bench_xcv_limbo_run(void *vctx)
{
    struct xcvb_ctx *ctx = vctx;
    return xcv_verify(&ctx->v, &ctx->params, &ctx->store.base, ctx->presented, ctx->n_presented,
                      ctx->ref.type == XCV_REF_NONE ? NULL : &ctx->ref, &ctx->res) == XCV_OK;
}

size_t bench_xcv_limbo_load(const char *file, struct bench_limbo_case *out, size_t cap)
{
    if (!bench_xcv_has_verify() || !HAVE(xcv_pem_next) || !HAVE(xcv_time_from_civil)) {
        return 0;
    }
    json_error_t jerr;
    json_t *root = json_load_file(file, 0, &jerr);
    if (root == NULL) {
        return 0;
    }
    size_t count = 0, i;
    json_t *tc;
    json_array_foreach(json_object_get(root, "testcases"), i, tc)
    {
        const char *id = json_string_value(json_object_get(tc, "id"));
        if (id == NULL || strncmp(id, "pathological::", 14) != 0 || count >= cap) {
            continue;
        }
        struct xcvb_ctx *ctx = limbo_case(tc);
        if (ctx == NULL) {
            continue;
        }
        struct bench_limbo_case *c = &out[count++];
        memset(c, 0, sizeof *c);
        snprintf(c->id, sizeof c->id, "%s", id);
        const char *exp = json_string_value(json_object_get(tc, "expected_result"));
        c->expect_ok = exp != NULL && strcmp(exp, "SUCCESS") == 0;
        c->ctx = ctx;
        c->got_ok = bench_xcv_limbo_run(ctx);
        c->err = (int)ctx->res.err;
    }
    json_decref(root);
    return count;
}
