/*
 * bench_wolfssl.c -- wolfSSL 5.5 as a peer.
 *
 * What a wolfSSL 5.5 TLS client does per handshake (ProcessPeerCerts):
 * for each received certificate, from the one nearest the root down to the
 * leaf, a DecodedCert parse with signature verification against the signers
 * of the context's certificate manager (ParseCertRelative); each verified
 * CA certificate is then added to that manager (AddCA) and stays there, so
 * from the second handshake on the intermediate is already a signer; at the
 * end the leaf's SAN dNSNames are matched against the domain name.
 *
 * FULL mirrors that steady state with the exported entry to
 * ParseCertRelative, wc_ParseCert(..., VERIFY, cm): the intermediate is
 * parsed and verified against a manager holding only the root, the leaf
 * against a manager holding the root and the intermediate (both loaded once),
 * then the host is matched against the leaf's altNames (exact, or one
 * leftmost "*" label), and the DecodedCerts are freed. Both parses use
 * CERT_TYPE: with CA_TYPE, wc_ParseCert does not check the signature (the
 * benchmark's flipped-intermediate check caught that), while the TLS client
 * parses chain certificates with its internal CHAIN_CERT_TYPE, which does.
 * The AddCA copy of the TLS path is not measured. wolfSSL reads the real
 * clock for validity. Chains must come in order: the hostile pool is n/a.
 * PARSE: wc_InitDecodedCert + wc_ParseCert(CERT_TYPE, NO_VERIFY) + free.
 */
#include <stdlib.h>
#include <string.h>

#include <wolfssl/options.h>
#include <wolfssl/ssl.h>
#include <wolfssl/wolfcrypt/asn.h>
#include <wolfssl/wolfcrypt/asn_public.h>

#include "bench.h"

struct wolf_ctx {
    WOLFSSL_CERT_MANAGER *cm_root;  /* the root only: verifies the intermediate */
    WOLFSSL_CERT_MANAGER *cm;       /* root and intermediate: verifies the leaf */
};

static void *wolf_setup(const struct bench_chain *c)
{
    static int inited;
    if (!inited) {
        wolfSSL_Init();
        inited = 1;
    }
    if (c->intm.n == 0) {
        return NULL;
    }
    struct wolf_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        return NULL;
    }
    ctx->cm = wolfSSL_CertManagerNew();
    ctx->cm_root = wolfSSL_CertManagerNew();
    if (ctx->cm == NULL || ctx->cm_root == NULL ||
        wolfSSL_CertManagerLoadCABuffer(ctx->cm_root, c->root.p, (long)c->root.n,
                                        WOLFSSL_FILETYPE_ASN1) != WOLFSSL_SUCCESS ||
        wolfSSL_CertManagerLoadCABuffer(ctx->cm, c->root.p, (long)c->root.n,
                                        WOLFSSL_FILETYPE_ASN1) != WOLFSSL_SUCCESS ||
        wolfSSL_CertManagerLoadCABuffer(ctx->cm, c->intm.p, (long)c->intm.n,
                                        WOLFSSL_FILETYPE_ASN1) != WOLFSSL_SUCCESS) {
        wolfSSL_CertManagerFree(ctx->cm);
        wolfSSL_CertManagerFree(ctx->cm_root);
        free(ctx);
        return NULL;
    }
    return ctx;
}

static int ascii_eq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') {
            x = (char)(x + 32);
        }
        if (y >= 'A' && y <= 'Z') {
            y = (char)(y + 32);
        }
        if (x != y) {
            return 0;
        }
    }
    return 1;
}

static int wolf_host_match(const DecodedCert *dc, const char *host)
{
    size_t hl = strlen(host);
    for (const DNS_entry *e = dc->altNames; e != NULL; e = e->next) {
        if (e->type != ASN_DNS_TYPE || e->len <= 0) {
            continue;
        }
        size_t n = (size_t)e->len;
        if (n == hl && ascii_eq(e->name, host, n)) {
            return 1;
        }
        if (n > 2 && e->name[0] == '*' && e->name[1] == '.') {
            const char *dot = strchr(host, '.');
            if (dot != NULL && dot != host && strlen(dot) == n - 1 &&
                ascii_eq(dot, e->name + 1, n - 1)) {
                return 1;
            }
        }
    }
    return 0;
}

static int wolf_full(void *vctx, const struct bench_input *in)
{
    struct wolf_ctx *ctx = vctx;
    if (in->n != 2) {
        return 0;
    }
    DecodedCert dc;
    wc_InitDecodedCert(&dc, in->certs[1].p, (word32)in->certs[1].n, NULL);
    int ret = wc_ParseCert(&dc, CERT_TYPE, VERIFY, ctx->cm_root);
    wc_FreeDecodedCert(&dc);
    if (ret != 0) {
        return 0;
    }
    wc_InitDecodedCert(&dc, in->certs[0].p, (word32)in->certs[0].n, NULL);
    ret = wc_ParseCert(&dc, CERT_TYPE, VERIFY, ctx->cm);
    int ok = ret == 0 && wolf_host_match(&dc, in->host);
    wc_FreeDecodedCert(&dc);
    return ok;
}

static int wolf_parse(void *vctx, const uint8_t *der, size_t n)
{
    (void)vctx;
    DecodedCert dc;
    wc_InitDecodedCert(&dc, der, (word32)n, NULL);
    int ret = wc_ParseCert(&dc, CERT_TYPE, NO_VERIFY, NULL);
    wc_FreeDecodedCert(&dc);
    return ret == 0;
}

static void wolf_teardown(void *vctx)
{
    struct wolf_ctx *ctx = vctx;
    wolfSSL_CertManagerFree(ctx->cm);
    wolfSSL_CertManagerFree(ctx->cm_root);
    free(ctx);
}

const struct bench_impl bench_impl_wolfssl = {
    "wolfssl", wolf_setup, wolf_full, wolf_parse, wolf_teardown,
    "wc_ParseCert(CERT_TYPE, VERIFY, cm) of int (cm: root) and leaf (cm: root+int), SAN match",
    NULL,
};
