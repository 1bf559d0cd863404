/*
 * bench_mbedtls.c -- mbedTLS 2.28 as a peer.
 *
 * FULL: mbedtls_x509_crt_parse_der of every presented certificate into a
 * fresh chain, mbedtls_x509_crt_verify against the root chain (parsed
 * once) with the expected name, free. mbedTLS reads the real clock for the
 * validity check (no way to fix the time): the benchmark certificates are
 * valid 2025-2035. mbedtls_x509_crt_verify does not check extendedKeyUsage
 * (a TLS client calls mbedtls_x509_crt_check_extended_key_usage; we call it
 * too, on the leaf, so the work matches a server-purpose check).
 * PARSE: init + parse_der + free of the leaf.
 */
#include <stdlib.h>

#include <mbedtls/oid.h>
#include <mbedtls/x509_crt.h>

#include "bench.h"

struct mbed_ctx {
    mbedtls_x509_crt root;
};

static void *mbed_setup(const struct bench_chain *c)
{
    struct mbed_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        return NULL;
    }
    mbedtls_x509_crt_init(&ctx->root);
    if (mbedtls_x509_crt_parse_der(&ctx->root, c->root.p, c->root.n) != 0) {
        mbedtls_x509_crt_free(&ctx->root);
        free(ctx);
        return NULL;
    }
    return ctx;
}

static int mbed_full(void *vctx, const struct bench_input *in)
{
    struct mbed_ctx *ctx = vctx;
    mbedtls_x509_crt chain;
    uint32_t flags = 0;
    int ok = 0;
    mbedtls_x509_crt_init(&chain);
    for (size_t i = 0; i < in->n; i++) {
        if (mbedtls_x509_crt_parse_der(&chain, in->certs[i].p, in->certs[i].n) != 0) {
            goto done;
        }
    }
    if (mbedtls_x509_crt_verify(&chain, &ctx->root, NULL, in->host, &flags, NULL, NULL) == 0 &&
        flags == 0 &&
        mbedtls_x509_crt_check_extended_key_usage(&chain, MBEDTLS_OID_SERVER_AUTH,
                                                  MBEDTLS_OID_SIZE(MBEDTLS_OID_SERVER_AUTH)) ==
            0) {
        ok = 1;
    }
done:
    mbedtls_x509_crt_free(&chain);
    return ok;
}

static int mbed_parse(void *vctx, const uint8_t *der, size_t n)
{
    (void)vctx;
    mbedtls_x509_crt crt;
    mbedtls_x509_crt_init(&crt);
    int ok = mbedtls_x509_crt_parse_der(&crt, der, n) == 0;
    mbedtls_x509_crt_free(&crt);
    return ok;
}

static void mbed_teardown(void *vctx)
{
    struct mbed_ctx *ctx = vctx;
    mbedtls_x509_crt_free(&ctx->root);
    free(ctx);
}

const struct bench_impl bench_impl_mbedtls = {
    "mbedtls", mbed_setup, mbed_full, mbed_parse, mbed_teardown,
    "x509_crt_parse_der x n + x509_crt_verify(root, cn=host) + EKU check; real clock",
    NULL,
};
