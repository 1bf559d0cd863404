/*
 * bench_gnutls.c -- GnuTLS 3.7 as a peer.
 *
 * FULL: gnutls_x509_crt_init + gnutls_x509_crt_import (DER) of every
 * presented certificate, gnutls_x509_trust_list_verify_crt2 against a trust
 * list holding the root (built once) with the host name and the serverAuth
 * purpose, deinit. The time is fixed with gnutls_global_set_time_function.
 * PARSE: init + import + deinit of the leaf.
 */
#include <stdlib.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "bench.h"

struct gtls_ctx {
    gnutls_x509_trust_list_t tl;
};

static time_t gtls_time(time_t *t)
{
    if (t != NULL) {
        *t = (time_t)BENCH_NOW;
    }
    return (time_t)BENCH_NOW;
}

static int gtls_import(gnutls_x509_crt_t *out, const struct bench_der *d)
{
    gnutls_datum_t dt = {(unsigned char *)(uintptr_t)d->p, (unsigned)d->n};
    if (gnutls_x509_crt_init(out) < 0) {
        return 0;
    }
    if (gnutls_x509_crt_import(*out, &dt, GNUTLS_X509_FMT_DER) < 0) {
        gnutls_x509_crt_deinit(*out);
        return 0;
    }
    return 1;
}

static void *gtls_setup(const struct bench_chain *c)
{
    static int inited;
    if (!inited) {
        gnutls_global_init();
        gnutls_global_set_time_function(gtls_time);
        inited = 1;
    }
    struct gtls_ctx *ctx = calloc(1, sizeof *ctx);
    gnutls_x509_crt_t root;
    if (ctx == NULL || !gtls_import(&root, &c->root)) {
        free(ctx);
        return NULL;
    }
    gnutls_x509_trust_list_init(&ctx->tl, 0);
    /* the list takes ownership of root */
    if (gnutls_x509_trust_list_add_cas(ctx->tl, &root, 1, 0) != 1) {
        gnutls_x509_trust_list_deinit(ctx->tl, 1);
        free(ctx);
        return NULL;
    }
    return ctx;
}

static int gtls_full(void *vctx, const struct bench_input *in)
{
    struct gtls_ctx *ctx = vctx;
    gnutls_x509_crt_t list[BENCH_MAX_CERTS];
    size_t n = 0;
    int ok = 0;
    for (; n < in->n; n++) {
        if (!gtls_import(&list[n], &in->certs[n])) {
            goto done;
        }
    }
    gnutls_typed_vdata_st data[2] = {
        {GNUTLS_DT_DNS_HOSTNAME, (unsigned char *)(uintptr_t)in->host, 0},
        {GNUTLS_DT_KEY_PURPOSE_OID, (unsigned char *)(uintptr_t)GNUTLS_KP_TLS_WWW_SERVER, 0},
    };
    unsigned status = 0;
    if (gnutls_x509_trust_list_verify_crt2(ctx->tl, list, (unsigned)n, data, 2, 0, &status,
                                           NULL) == 0 &&
        status == 0) {
        ok = 1;
    }
done:
    for (size_t i = 0; i < n; i++) {
        gnutls_x509_crt_deinit(list[i]);
    }
    return ok;
}

static int gtls_parse(void *vctx, const uint8_t *der, size_t n)
{
    (void)vctx;
    gnutls_x509_crt_t crt;
    struct bench_der d = {der, n};
    if (!gtls_import(&crt, &d)) {
        return 0;
    }
    gnutls_x509_crt_deinit(crt);
    return 1;
}

static void gtls_teardown(void *vctx)
{
    struct gtls_ctx *ctx = vctx;
    gnutls_x509_trust_list_deinit(ctx->tl, 1);
    free(ctx);
}

const struct bench_impl bench_impl_gnutls = {
    "gnutls", gtls_setup, gtls_full, gtls_parse, gtls_teardown,
    "x509_crt_import x n + trust_list_verify_crt2(host, serverAuth), fixed time function",
    NULL,
};
