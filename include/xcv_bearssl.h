/*
 * xcv_bearssl.h -- an X.509 engine for BearSSL's TLS client and server
 * (br_x509_class, see <bearssl_x509.h>) backed by xcv_verify.
 *
 * What it adds over BearSSL's own br_x509_minimal engine
 *   Certificates may arrive in any order, with extra or missing-but-anchored
 *   ones, and alternative paths are searched (xcv's path builder); after a
 *   failed handshake the application reads the exact xcv error, the index of
 *   the certificate at fault and every received certificate, to explain the
 *   failure instead of printing "BearSSL error 62".
 *
 * Memory
 *   No allocation. The caller provides the context, an xcv_verifier and a
 *   byte buffer that holds the received certificates (the peer's chain must
 *   fit: a chain larger than the buffer, or of more than XCV_MAX_PRESENTED
 *   certificates, fails with XCV_ERR_BUFFER_TOO_SMALL or
 *   XCV_ERR_TOO_MANY_CERTIFICATES naming the first certificate that did not
 *   fit). 16 KiB is enough for ordinary server chains. Every pointer given to
 *   xcv_br_x509_init must outlive the context; after a handshake, certs[]
 *   and result point into the buffer and verifier until the next handshake
 *   that uses the context.
 *
 * Usage (client)
 *     static struct xcv_verifier v;       (large: keep it off small stacks)
 *     static uint8_t buf[16384];
 *     struct xcv_params p;  xcv_params_default(&p);  p.now = <clock>;
 *     struct xcv_br_x509 x;
 *     xcv_br_x509_init(&x, &v, store, &p, buf, sizeof buf);
 *     br_ssl_client_init_full(&cc, &minimal, NULL, 0);   (any profile)
 *     br_ssl_engine_set_x509(&cc.eng, &x.vtable);
 *     br_ssl_client_reset(&cc, "mail.example.net", 0);
 *   The server name given to br_ssl_client_reset reaches the engine through
 *   start_chain: it becomes an IP reference when it is an IPv4 or IPv6
 *   address in text form, else a DNS reference (one trailing dot ignored).
 *   xcv_br_x509_set_ref replaces it (e.g. to check an IP reference while
 *   sending no SNI, as RFC 6066 3 forbids IP literals in SNI).
 *
 * Usage (server, client certificates)
 *   The same, with params.purpose = XCV_PURPOSE_CLIENT, on a
 *   br_ssl_server_context with br_ssl_server_set_trust_anchor_names(_alt)
 *   (which makes the server request a certificate). BearSSL passes no server
 *   name for client certificates, so no identity is checked unless
 *   xcv_br_x509_set_ref sets one.
 *
 * Key usage reported to BearSSL (get_pkey)
 *   Without a keyUsage extension: BR_KEYTYPE_KEYX | BR_KEYTYPE_SIGN. With
 *   one: BR_KEYTYPE_SIGN when digitalSignature is set; BR_KEYTYPE_KEYX when
 *   keyEncipherment (RSA) or keyAgreement (EC) is set (RFC 5280 4.2.1.3).
 *   Leaf keys other than RSA and EC P-256/P-384/P-521 fail with
 *   XCV_ERR_UNSUPPORTED_KEY (BearSSL's TLS cannot use them).
 *
 * Threads
 *   One context per connection at a time; no hidden state.
 */
#ifndef XCV_BEARSSL_H
#define XCV_BEARSSL_H

#include <stddef.h>
#include <stdint.h>

#include <bearssl.h>

#include "xcv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Longest server name start_chain accepts (DNS names are at most 253). */
#define XCV_BR_NAME_MAX 255

struct xcv_br_x509 {
    /* First field: pass &ctx.vtable to br_ssl_engine_set_x509. */
    const br_x509_class *vtable;

    /* Configuration (xcv_br_x509_init; edit params between handshakes). */
    struct xcv_verifier *verifier;
    const struct xcv_anchor_store *store;
    struct xcv_params params;   /* a copy: set params.now before each handshake */
    uint8_t *buf;
    size_t buf_cap;
    struct xcv_ref ref_override; /* used when has_ref_override */
    int has_ref_override;

    /* State of the current or last chain. */
    xcv_slice certs[XCV_MAX_PRESENTED]; /* received certificates, in order */
    size_t count;               /* certificates stored in certs[] */
    size_t received;            /* certificates the peer sent (may exceed count) */
    size_t used;                /* bytes of buf in use */
    size_t cur_len;             /* announced length of the current certificate */
    size_t cur_got;             /* bytes received of it */
    int cur_stored;             /* 1 when the current certificate fits */
    xcv_err overflow;           /* XCV_OK, or the capacity error that occurred first */
    int overflow_index;         /* index of the first certificate that did not fit */
    char server_name[XCV_BR_NAME_MAX + 1]; /* copy of start_chain's name ("" if none) */
    int server_name_bad;        /* the name was too long */
    struct xcv_ref ref;         /* the reference checked (type XCV_REF_NONE: none) */
    int done;                   /* end_chain ran */
    struct xcv_result result;   /* the verdict (result.err), valid once done */
    unsigned br_err;            /* what end_chain returned to BearSSL (0: valid) */
    br_x509_pkey pkey;          /* the leaf key, valid when br_err == 0 */
    unsigned usages;            /* BR_KEYTYPE_KEYX / BR_KEYTYPE_SIGN */
};

/* The engine's vtable (context_size = sizeof(struct xcv_br_x509)). */
extern const br_x509_class xcv_br_x509_vtable;

/*
 * Initialises the context: verifier (working memory), store (trust
 * anchors), params (copied; params->now must be set by the caller), buf
 * and buf_cap (where received certificates are kept). Any NULL pointer or a
 * zero buf_cap makes every chain fail with XCV_ERR_INVALID_ARGUMENT.
 */
void xcv_br_x509_init(struct xcv_br_x509 *ctx, struct xcv_verifier *verifier,
                      const struct xcv_anchor_store *store, const struct xcv_params *params,
                      uint8_t *buf, size_t buf_cap);

/*
 * Sets the reference identity checked instead of the server name (ref->name
 * must outlive the handshakes; type XCV_REF_NONE disables the check). NULL
 * goes back to the server name from start_chain.
 */
void xcv_br_x509_set_ref(struct xcv_br_x509 *ctx, const struct xcv_ref *ref);

/* Sets params.now (seconds since the epoch) for the next handshakes. */
void xcv_br_x509_set_time(struct xcv_br_x509 *ctx, xcv_time now);

/*
 * The verdict of the last chain: XCV_OK, an xcv error with
 * xcv_br_x509_result()->cert_index, or XCV_ERR_NO_CERTIFICATES when no
 * chain was received (e.g. the handshake failed before the Certificate
 * message, or the context is fresh).
 */
xcv_err xcv_br_x509_error(const struct xcv_br_x509 *ctx);

/* The full xcv result of the last chain (NULL before any chain ended). */
const struct xcv_result *xcv_br_x509_result(const struct xcv_br_x509 *ctx);

/* The BearSSL error code (BR_ERR_X509_*) corresponding to an xcv error. */
unsigned xcv_br_x509_error_code(xcv_err err);

#ifdef __cplusplus
}
#endif

#endif /* XCV_BEARSSL_H */
