/*
 * bench_openssl.c -- OpenSSL 3.0 as a peer: FULL, PARSE and its FLOOR.
 *
 * FULL: d2i_X509 of every presented certificate, an untrusted stack, one
 * X509_STORE_CTX over an X509_STORE holding the root (built once), host,
 * time and the SSL-server purpose set on the context's X509_VERIFY_PARAM
 * (what a TLS client does per handshake), X509_verify_cert, free all.
 * FLOOR: EVP_PKEY_verify of each pre-hashed TBS with the issuer key decoded
 * and the EVP_PKEY_CTX initialised once.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "bench.h"

struct ossl_ctx {
    X509_STORE *store;
};

static X509 *ossl_d2i(const uint8_t *der, size_t n)
{
    const unsigned char *p = der;
    X509 *x = d2i_X509(NULL, &p, (long)n);
    if (x != NULL && p != der + n) {
        X509_free(x);
        return NULL;
    }
    return x;
}

static void *ossl_setup(const struct bench_chain *c)
{
    struct ossl_ctx *ctx = calloc(1, sizeof *ctx);
    X509 *root = ossl_d2i(c->root.p, c->root.n);
    if (ctx == NULL || root == NULL) {
        free(ctx);
        X509_free(root);
        return NULL;
    }
    ctx->store = X509_STORE_new();
    X509_STORE_add_cert(ctx->store, root);
    X509_free(root);
    return ctx;
}

static int ossl_full(void *vctx, const struct bench_input *in)
{
    struct ossl_ctx *ctx = vctx;
    X509 *leaf = ossl_d2i(in->certs[0].p, in->certs[0].n);
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    int ok = 0;
    if (leaf == NULL || untrusted == NULL) {
        goto done;
    }
    for (size_t i = 1; i < in->n; i++) {
        X509 *x = ossl_d2i(in->certs[i].p, in->certs[i].n);
        if (x == NULL) {
            goto done;
        }
        sk_X509_push(untrusted, x);
    }
    X509_STORE_CTX *sctx = X509_STORE_CTX_new();
    if (sctx != NULL && X509_STORE_CTX_init(sctx, ctx->store, leaf, untrusted) == 1) {
        X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(sctx);
        X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_SSL_SERVER);
        X509_VERIFY_PARAM_set1_host(param, in->host, 0);
        X509_VERIFY_PARAM_set_time(param, (time_t)BENCH_NOW);
        ok = X509_verify_cert(sctx) == 1;
    }
    X509_STORE_CTX_free(sctx);
done:
    sk_X509_pop_free(untrusted, X509_free);
    X509_free(leaf);
    return ok;
}

static int ossl_parse(void *vctx, const uint8_t *der, size_t n)
{
    (void)vctx;
    X509 *x = ossl_d2i(der, n);
    X509_free(x);
    return x != NULL;
}

static void ossl_teardown(void *vctx)
{
    struct ossl_ctx *ctx = vctx;
    X509_STORE_free(ctx->store);
    free(ctx);
}

const struct bench_impl bench_impl_openssl = {
    "openssl", ossl_setup, ossl_full, ossl_parse, ossl_teardown,
    "d2i_X509 x n + X509_verify_cert (store with root, host, time, sslserver purpose)",
    NULL,
};

/* ---------------------------------------------------------------- FLOOR */

struct ossl_sig {
    EVP_PKEY_CTX *pctx;
    uint8_t hash[64];
    size_t hash_len;
    uint8_t sig[1024];
    size_t sig_len;
};

struct ossl_floor {
    struct ossl_sig s[2]; /* 0: leaf by intermediate, 1: intermediate by root */
};

static int ossl_sig_setup(struct ossl_sig *s, const struct bench_der *child,
                          const struct bench_der *issuer)
{
    struct bench_cert_parts parts;
    int is_ec = 0;
    if (!bench_cert_split(child->p, child->n, &parts)) {
        return 0;
    }
    int bits = bench_sig_hash_bits(&parts.sig_oid, &is_ec);
    const EVP_MD *md = bits == 384 ? EVP_sha384() : bits == 256 ? EVP_sha256() : NULL;
    if (md == NULL || parts.sig.n > sizeof s->sig) {
        return 0;
    }
    unsigned hl = 0;
    EVP_Digest(parts.tbs.p, parts.tbs.n, s->hash, &hl, md, NULL);
    s->hash_len = hl;
    memcpy(s->sig, parts.sig.p, parts.sig.n);
    s->sig_len = parts.sig.n;
    X509 *ix = ossl_d2i(issuer->p, issuer->n);
    if (ix == NULL) {
        return 0;
    }
    EVP_PKEY *key = X509_get_pubkey(ix);
    X509_free(ix);
    s->pctx = EVP_PKEY_CTX_new(key, NULL);
    EVP_PKEY_free(key);
    if (s->pctx == NULL || EVP_PKEY_verify_init(s->pctx) != 1 ||
        EVP_PKEY_CTX_set_signature_md(s->pctx, md) != 1) {
        return 0;
    }
    if (!is_ec && EVP_PKEY_CTX_set_rsa_padding(s->pctx, RSA_PKCS1_PADDING) != 1) {
        return 0;
    }
    return 1;
}

static void *ossl_floor_setup(const struct bench_chain *c)
{
    struct ossl_floor *f = calloc(1, sizeof *f);
    if (f == NULL || c->intm.n == 0 || !ossl_sig_setup(&f->s[0], &c->leaf, &c->intm) ||
        !ossl_sig_setup(&f->s[1], &c->intm, &c->root)) {
        free(f);
        return NULL;
    }
    return f;
}

static int ossl_floor_run(void *vctx)
{
    struct ossl_floor *f = vctx;
    int ok = 1;
    for (int i = 0; i < 2; i++) {
        ok &= EVP_PKEY_verify(f->s[i].pctx, f->s[i].sig, f->s[i].sig_len, f->s[i].hash,
                              f->s[i].hash_len) == 1;
    }
    return ok;
}

static int ossl_floor_bad(void *vctx)
{
    struct ossl_floor *f = vctx;
    f->s[0].sig[f->s[0].sig_len - 1] ^= 1;
    int ok = ossl_floor_run(f);
    f->s[0].sig[f->s[0].sig_len - 1] ^= 1;
    return ok;
}

static void ossl_floor_teardown(void *vctx)
{
    struct ossl_floor *f = vctx;
    for (int i = 0; i < 2; i++) {
        EVP_PKEY_CTX_free(f->s[i].pctx);
    }
    free(f);
}

const struct bench_floor bench_floor_openssl = {
    "openssl", ossl_floor_setup, ossl_floor_run, ossl_floor_bad, ossl_floor_teardown,
};
