/*
 * bench_bearssl.c -- BearSSL 0.6 as a peer (its own br_x509_minimal engine)
 * and the BearSSL FLOOR (the backend xcv uses by default).
 *
 * FULL: one br_x509_minimal_context initialised once (as a TLS client does
 * at br_ssl_client_init_full) with a trust anchor built from the root
 * (DN and key from br_x509_decoder), the default RSA PKCS#1 and ECDSA
 * implementations, SHA-1/224/256/384/512 and the fixed time; per call
 * start_chain(host), start_cert/append/end_cert for the leaf then the
 * intermediate, end_chain. BearSSL's minimal engine checks names, validity,
 * basicConstraints and signatures, and the host against the SAN dNSNames; it
 * does not check extendedKeyUsage, keyUsage of CAs or policies. Chains must
 * come in order, so the hostile pool is n/a.
 * PARSE: br_x509_decoder over the leaf (DN discarded, key extracted).
 * FLOOR: br_rsa_pkcs1_vrfy_get_default / br_ecdsa_vrfy_asn1_get_default with
 * br_ec_get_default, keys decoded and TBS hashed beforehand.
 */
#include <stdlib.h>
#include <string.h>

#include <bearssl.h>

#include "bench.h"

/* A key copied out of a decoder context. */
struct br_key {
    br_x509_pkey pk;
    unsigned char buf[1100];
};

static void dn_discard(void *ctx, const void *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
}

struct dn_buf {
    unsigned char b[512];
    size_t n;
    int overflow;
};

static void dn_append(void *ctx, const void *buf, size_t len)
{
    struct dn_buf *d = ctx;
    if (d->n + len > sizeof d->b) {
        d->overflow = 1;
        return;
    }
    memcpy(d->b + d->n, buf, len);
    d->n += len;
}

static int br_decode_key(const struct bench_der *der, struct br_key *out, struct dn_buf *dn)
{
    br_x509_decoder_context dc;
    br_x509_decoder_init(&dc, dn != NULL ? dn_append : dn_discard, dn);
    br_x509_decoder_push(&dc, der->p, der->n);
    const br_x509_pkey *pk = br_x509_decoder_get_pkey(&dc);
    if (pk == NULL || br_x509_decoder_last_error(&dc) != 0 || (dn != NULL && dn->overflow)) {
        return 0;
    }
    out->pk = *pk;
    if (pk->key_type == BR_KEYTYPE_RSA) {
        if (pk->key.rsa.nlen + pk->key.rsa.elen > sizeof out->buf) {
            return 0;
        }
        memcpy(out->buf, pk->key.rsa.n, pk->key.rsa.nlen);
        memcpy(out->buf + pk->key.rsa.nlen, pk->key.rsa.e, pk->key.rsa.elen);
        out->pk.key.rsa.n = out->buf;
        out->pk.key.rsa.e = out->buf + pk->key.rsa.nlen;
    } else if (pk->key_type == BR_KEYTYPE_EC) {
        if (pk->key.ec.qlen > sizeof out->buf) {
            return 0;
        }
        memcpy(out->buf, pk->key.ec.q, pk->key.ec.qlen);
        out->pk.key.ec.q = out->buf;
    } else {
        return 0;
    }
    return 1;
}

struct brx_ctx {
    br_x509_minimal_context x;
    br_x509_trust_anchor ta;
    struct br_key key;
    struct dn_buf dn;
};

static void *brx_setup(const struct bench_chain *c)
{
    if (c->intm.n == 0) {
        return NULL;
    }
    struct brx_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL || !br_decode_key(&c->root, &ctx->key, &ctx->dn)) {
        free(ctx);
        return NULL;
    }
    ctx->ta.dn.data = ctx->dn.b;
    ctx->ta.dn.len = ctx->dn.n;
    ctx->ta.flags = BR_X509_TA_CA;
    ctx->ta.pkey = ctx->key.pk;
    br_x509_minimal_init(&ctx->x, &br_sha256_vtable, &ctx->ta, 1);
    br_x509_minimal_set_hash(&ctx->x, br_sha1_ID, &br_sha1_vtable);
    br_x509_minimal_set_hash(&ctx->x, br_sha224_ID, &br_sha224_vtable);
    br_x509_minimal_set_hash(&ctx->x, br_sha256_ID, &br_sha256_vtable);
    br_x509_minimal_set_hash(&ctx->x, br_sha384_ID, &br_sha384_vtable);
    br_x509_minimal_set_hash(&ctx->x, br_sha512_ID, &br_sha512_vtable);
    br_x509_minimal_set_rsa(&ctx->x, br_rsa_pkcs1_vrfy_get_default());
    br_x509_minimal_set_ecdsa(&ctx->x, br_ec_get_default(), br_ecdsa_vrfy_asn1_get_default());
    uint32_t days = (uint32_t)(719528 + BENCH_NOW / 86400);
    uint32_t secs = (uint32_t)(BENCH_NOW % 86400);
    br_x509_minimal_set_time(&ctx->x, days, secs);
    return ctx;
}

static int brx_full(void *vctx, const struct bench_input *in)
{
    struct brx_ctx *ctx = vctx;
    const br_x509_class **x = &ctx->x.vtable;
    (*x)->start_chain(x, in->host);
    for (size_t i = 0; i < in->n; i++) {
        (*x)->start_cert(x, (uint32_t)in->certs[i].n);
        (*x)->append(x, in->certs[i].p, in->certs[i].n);
        (*x)->end_cert(x);
    }
    return (*x)->end_chain(x) == BR_ERR_OK;
}

static int brx_parse(void *vctx, const uint8_t *der, size_t n)
{
    (void)vctx;
    br_x509_decoder_context dc;
    br_x509_decoder_init(&dc, dn_discard, NULL);
    br_x509_decoder_push(&dc, der, n);
    return br_x509_decoder_get_pkey(&dc) != NULL && br_x509_decoder_last_error(&dc) == 0;
}

static void brx_teardown(void *vctx)
{
    free(vctx);
}

const struct bench_impl bench_impl_bearssl = {
    "bearssl", brx_setup, brx_full, brx_parse, brx_teardown,
    "br_x509_minimal (init once): start_chain(host), leaf then intermediate, end_chain",
    NULL,
};

/* ---------------------------------------------------------------- FLOOR */

struct brf_sig {
    struct br_key key;
    int is_ec;
    const unsigned char *hash_oid;
    unsigned char hash[64];
    size_t hash_len;
    unsigned char sig[1024];
    size_t sig_len;
};

struct brf_ctx {
    struct brf_sig s[2];
    br_rsa_pkcs1_vrfy rsa;
    br_ecdsa_vrfy ecdsa;
    const br_ec_impl *ec;
};

static int brf_sig_setup(struct brf_sig *s, const struct bench_der *child,
                         const struct bench_der *issuer)
{
    struct bench_cert_parts parts;
    if (!bench_cert_split(child->p, child->n, &parts) || parts.sig.n > sizeof s->sig) {
        return 0;
    }
    int bits = bench_sig_hash_bits(&parts.sig_oid, &s->is_ec);
    if (bits == 256) {
        br_sha256_context h;
        br_sha256_init(&h);
        br_sha256_update(&h, parts.tbs.p, parts.tbs.n);
        br_sha256_out(&h, s->hash);
        s->hash_len = 32;
        s->hash_oid = BR_HASH_OID_SHA256;
    } else if (bits == 384) {
        br_sha384_context h;
        br_sha384_init(&h);
        br_sha384_update(&h, parts.tbs.p, parts.tbs.n);
        br_sha384_out(&h, s->hash);
        s->hash_len = 48;
        s->hash_oid = BR_HASH_OID_SHA384;
    } else {
        return 0;
    }
    memcpy(s->sig, parts.sig.p, parts.sig.n);
    s->sig_len = parts.sig.n;
    return br_decode_key(issuer, &s->key, NULL);
}

static void *brf_setup(const struct bench_chain *c)
{
    struct brf_ctx *f = calloc(1, sizeof *f);
    if (f == NULL || c->intm.n == 0 || !brf_sig_setup(&f->s[0], &c->leaf, &c->intm) ||
        !brf_sig_setup(&f->s[1], &c->intm, &c->root)) {
        free(f);
        return NULL;
    }
    f->rsa = br_rsa_pkcs1_vrfy_get_default();
    f->ecdsa = br_ecdsa_vrfy_asn1_get_default();
    f->ec = br_ec_get_default();
    return f;
}

static int brf_run(void *vctx)
{
    struct brf_ctx *f = vctx;
    int ok = 1;
    for (int i = 0; i < 2; i++) {
        struct brf_sig *s = &f->s[i];
        if (s->is_ec) {
            ok &= f->ecdsa(f->ec, s->hash, s->hash_len, &s->key.pk.key.ec, s->sig, s->sig_len) ==
                  1;
        } else {
            unsigned char out[64];
            ok &= f->rsa(s->sig, s->sig_len, s->hash_oid, s->hash_len, &s->key.pk.key.rsa,
                         out) == 1 &&
                  memcmp(out, s->hash, s->hash_len) == 0;
        }
    }
    return ok;
}

static int brf_bad(void *vctx)
{
    struct brf_ctx *f = vctx;
    f->s[0].sig[f->s[0].sig_len - 1] ^= 1;
    int ok = brf_run(f);
    f->s[0].sig[f->s[0].sig_len - 1] ^= 1;
    return ok;
}

const struct bench_floor bench_floor_bearssl = {
    "bearssl", brf_setup, brf_run, brf_bad, brx_teardown,
};
