/*
 * bearssl_x509.c -- br_x509_class (BearSSL's X.509 engine interface) over
 * xcv_verify, so that BearSSL's TLS client and server verify peers with xcv.
 *
 * Flow (the order BearSSL calls the vtable, bearssl_x509.h):
 *   start_chain(name)  resets the per-chain state, copies the server name;
 *   start_cert(len)    reserves len bytes of the caller's buffer (or records
 *                      the capacity error and drops the bytes);
 *   append(buf, len)   copies the bytes;
 *   end_cert()         closes the slice;
 *   end_chain()        runs xcv_verify over the slices, derives the leaf key
 *                      and its usages, returns 0 or a BR_ERR_X509_* code;
 *   get_pkey()         hands BearSSL the leaf key (only after success).
 *
 * RFC references
 *   RFC 5280 4.2.1.3 (keyUsage -> BR_KEYTYPE_SIGN / BR_KEYTYPE_KEYX),
 *   RFC 6125 / RFC 9525 (reference identities: DNS or IP from the name),
 *   RFC 8446 4.4.2 / RFC 5246 7.4.2 (the sender's certificate comes first;
 *   the others may be in any order and need not all be used: xcv_verify
 *   tolerates both).
 *
 * Implementation notes
 *   No allocation, no stdio: the adapter lives outside src/ but keeps the
 *   core's discipline (tests/test_adapter.c checks it). The key handed to
 *   BearSSL must be non-const (br_rsa_public_key.n), so its pointers are
 *   rebuilt from offsets into the caller's writable buffer rather than by
 *   casting away const from the parsed slices.
 */
#include <limits.h>
#include <string.h>

#include "xcv_bearssl.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

static struct xcv_br_x509 *ctx_of(const br_x509_class **vt)
{
    /* vtable is the first member: the engine passes its address. */
    return (struct xcv_br_x509 *)(void *)vt;
}

static const struct xcv_br_x509 *cctx_of(const br_x509_class *const *vt)
{
    return (const struct xcv_br_x509 *)(const void *)vt;
}

/* Pointer into the caller's (writable) buffer at the position of s.p. */
static unsigned char *buf_ptr(struct xcv_br_x509 *ctx, xcv_slice s)
{
    return ctx->buf + (size_t)(s.p - ctx->buf);
}

/* 1 when s lies inside buf[0..used). */
static int in_buf(const struct xcv_br_x509 *ctx, xcv_slice s)
{
    uintptr_t b = (uintptr_t)ctx->buf;
    uintptr_t p = (uintptr_t)s.p;
    return s.p != NULL && p >= b && p - b <= ctx->used && s.n <= ctx->used - (size_t)(p - b);
}

static void result_reset(struct xcv_result *r, xcv_err err, int index)
{
    memset(r, 0, sizeof(*r));
    r->err = err;
    r->cert_index = index;
    r->top_index = XCV_INDEX_NONE;
}

/* see xcv_bearssl.h */
unsigned xcv_br_x509_error_code(xcv_err err)
{
    switch (err) {
    case XCV_OK:
        return 0;
    case XCV_ERR_UNKNOWN_ISSUER:
    case XCV_ERR_PATH_TOO_LONG:
        return BR_ERR_X509_NOT_TRUSTED;
    case XCV_ERR_BAD_SIGNATURE:
    case XCV_ERR_BAD_ECDSA_SIGNATURE:
        return BR_ERR_X509_BAD_SIGNATURE;
    case XCV_ERR_EXPIRED:
    case XCV_ERR_NOT_YET_VALID:
    case XCV_ERR_ANCHOR_EXPIRED:
    case XCV_ERR_PIN_EXPIRED:
        return BR_ERR_X509_EXPIRED;
    case XCV_ERR_NOT_A_CA:
    case XCV_ERR_V1_CA:
    case XCV_ERR_PATH_LEN_EXCEEDED:
    case XCV_ERR_LEAF_IS_CA:
        return BR_ERR_X509_NOT_CA;
    case XCV_ERR_CA_KEY_USAGE:
    case XCV_ERR_LEAF_KEY_USAGE:
    case XCV_ERR_EKU_NOT_ALLOWED:
        return BR_ERR_X509_FORBIDDEN_KEY_USAGE;
    case XCV_ERR_RSA_KEY_TOO_SMALL:
    case XCV_ERR_INSECURE_ALGORITHM:
        return BR_ERR_X509_WEAK_PUBLIC_KEY;
    case XCV_ERR_UNSUPPORTED_ALGORITHM:
    case XCV_ERR_UNSUPPORTED_KEY:
    case XCV_ERR_NC_UNSUPPORTED:
        return BR_ERR_X509_UNSUPPORTED;
    case XCV_ERR_KEY_ALG_MISMATCH:
        return BR_ERR_X509_WRONG_KEY_TYPE;
    case XCV_ERR_CERT_UNKNOWN_CRITICAL_EXTENSION:
        return BR_ERR_X509_CRITICAL_EXTENSION;
    case XCV_ERR_NAME_MISMATCH:
    case XCV_ERR_BAD_REFERENCE:
    case XCV_ERR_REFERENCE_NOT_ASCII:
        return BR_ERR_X509_BAD_SERVER_NAME;
    case XCV_ERR_NAME_NOT_PERMITTED:
    case XCV_ERR_NAME_EXCLUDED:
        return BR_ERR_X509_NOT_TRUSTED;
    case XCV_ERR_NO_CERTIFICATES:
        return BR_ERR_X509_EMPTY_CHAIN;
    case XCV_ERR_TOO_MANY_CERTIFICATES:
    case XCV_ERR_BUFFER_TOO_SMALL:
    case XCV_ERR_SIGNATURE_BUDGET:
    case XCV_ERR_CANDIDATE_BUDGET:
    case XCV_ERR_NC_BUDGET:
        return BR_ERR_X509_LIMIT_EXCEEDED;
    case XCV_ERR_DER_TRUNCATED:
        return BR_ERR_X509_TRUNCATED;
    case XCV_ERR_DER_INDEFINITE_LENGTH:
        return BR_ERR_X509_INDEFINITE_LENGTH;
    case XCV_ERR_DER_BAD_TIME:
        return BR_ERR_X509_BAD_TIME;
    case XCV_ERR_CERT_BAD_NAME:
        return BR_ERR_X509_BAD_DN;
    default:
        return BR_ERR_X509_INVALID_VALUE;
    }
}

/*
 * The leaf key as BearSSL wants it, and the usages its keyUsage allows.
 * RFC 5280 4.2.1.3: "The digitalSignature bit is asserted when the subject
 * public key is used for verifying digital signatures, other than signatures
 * on certificates"; "The keyEncipherment bit is asserted when the subject
 * public key is used for enciphering private or secret keys" (RSA key
 * transport); "The keyAgreement bit is asserted when the subject public key
 * is used for key agreement" (static ECDH). Without the extension, every
 * usage is allowed.
 */
static xcv_err leaf_key(struct xcv_br_x509 *ctx, const struct xcv_cert *leaf)
{
    const struct xcv_pubkey *k = &leaf->key;
    int has_ku = (leaf->ext_present & XCV_EXT_KEY_USAGE) != 0;
    unsigned usages = 0;

    memset(&ctx->pkey, 0, sizeof(ctx->pkey));
    if (k->type == XCV_KEY_RSA) {
        if (!in_buf(ctx, k->rsa_n) || !in_buf(ctx, k->rsa_e)) {
            return XCV_ERR_INVALID_ARGUMENT;
        }
        ctx->pkey.key_type = BR_KEYTYPE_RSA;
        ctx->pkey.key.rsa.n = buf_ptr(ctx, k->rsa_n);
        ctx->pkey.key.rsa.nlen = k->rsa_n.n;
        ctx->pkey.key.rsa.e = buf_ptr(ctx, k->rsa_e);
        ctx->pkey.key.rsa.elen = k->rsa_e.n;
        if (!has_ku || (leaf->key_usage & XCV_KU_KEY_ENCIPHERMENT) != 0) {
            usages |= BR_KEYTYPE_KEYX;
        }
    } else if (k->type == XCV_KEY_EC) {
        int curve;
        switch (k->curve) {
        case XCV_CURVE_P256:
            curve = BR_EC_secp256r1;
            break;
        case XCV_CURVE_P384:
            curve = BR_EC_secp384r1;
            break;
        case XCV_CURVE_P521:
            curve = BR_EC_secp521r1;
            break;
        default:
            return XCV_ERR_UNSUPPORTED_KEY;
        }
        if (!in_buf(ctx, k->ec_point)) {
            return XCV_ERR_INVALID_ARGUMENT;
        }
        ctx->pkey.key_type = BR_KEYTYPE_EC;
        ctx->pkey.key.ec.curve = curve;
        ctx->pkey.key.ec.q = buf_ptr(ctx, k->ec_point);
        ctx->pkey.key.ec.qlen = k->ec_point.n;
        if (!has_ku || (leaf->key_usage & XCV_KU_KEY_AGREEMENT) != 0) {
            usages |= BR_KEYTYPE_KEYX;
        }
    } else {
        return XCV_ERR_UNSUPPORTED_KEY;
    }
    if (!has_ku || (leaf->key_usage & XCV_KU_DIGITAL_SIGNATURE) != 0) {
        usages |= BR_KEYTYPE_SIGN;
    }
    ctx->usages = usages;
    return XCV_OK;
}

/* Chooses the reference: the override, else the server name (IP or DNS). */
static void choose_ref(struct xcv_br_x509 *ctx)
{
    size_t n = strlen(ctx->server_name);

    if (ctx->has_ref_override) {
        ctx->ref = ctx->ref_override;
        return;
    }
    ctx->ref.type = XCV_REF_NONE;
    ctx->ref.name.p = (const uint8_t *)ctx->server_name;
    ctx->ref.name.n = n;
    if (n == 0 && !ctx->server_name_bad) {
        return;
    }
    /* An address in text form is an IP reference (RFC 9525 6.2.2). */
    ctx->ref.type = XCV_REF_IP;
    if (ctx->server_name_bad || xcv_ref_check(&ctx->ref) != XCV_OK) {
        ctx->ref.type = XCV_REF_DNS;
    }
}

/* ------------------------------------------------------------------------ */
/* The vtable                                                                */
/* ------------------------------------------------------------------------ */

static void xbr_start_chain(const br_x509_class **vt, const char *server_name)
{
    struct xcv_br_x509 *ctx = ctx_of(vt);

    ctx->vtable = &xcv_br_x509_vtable;
    ctx->count = 0;
    ctx->received = 0;
    ctx->used = 0;
    ctx->cur_len = 0;
    ctx->cur_got = 0;
    ctx->cur_stored = 0;
    ctx->overflow = XCV_OK;
    ctx->overflow_index = XCV_INDEX_NONE;
    ctx->server_name[0] = '\0';
    ctx->server_name_bad = 0;
    ctx->done = 0;
    ctx->br_err = BR_ERR_X509_EMPTY_CHAIN;
    ctx->usages = 0;
    memset(&ctx->pkey, 0, sizeof(ctx->pkey));
    result_reset(&ctx->result, XCV_ERR_NO_CERTIFICATES, XCV_INDEX_NONE);
    if (server_name != NULL) {
        size_t n = strlen(server_name);
        if (n > XCV_BR_NAME_MAX) {
            /* Kept as an unmatchable DNS reference: the check must fail. */
            ctx->server_name_bad = 1;
        } else {
            memcpy(ctx->server_name, server_name, n + 1);
        }
    }
    choose_ref(ctx);
}

static void xbr_start_cert(const br_x509_class **vt, uint32_t length)
{
    struct xcv_br_x509 *ctx = ctx_of(vt);
    int index = ctx->received > (size_t)INT_MAX ? INT_MAX : (int)ctx->received;

    ctx->received++;
    ctx->cur_len = (size_t)length;
    ctx->cur_got = 0;
    ctx->cur_stored = 0;
    if (ctx->overflow != XCV_OK) {
        return;
    }
    if (ctx->count >= XCV_MAX_PRESENTED) {
        ctx->overflow = XCV_ERR_TOO_MANY_CERTIFICATES;
        ctx->overflow_index = index;
        return;
    }
    if (ctx->buf == NULL || ctx->cur_len > ctx->buf_cap - ctx->used) {
        ctx->overflow = XCV_ERR_BUFFER_TOO_SMALL;
        ctx->overflow_index = index;
        return;
    }
    ctx->cur_stored = 1;
}

static void xbr_append(const br_x509_class **vt, const unsigned char *buf, size_t len)
{
    struct xcv_br_x509 *ctx = ctx_of(vt);

    if (!ctx->cur_stored) {
        return;
    }
    if (len > ctx->cur_len - ctx->cur_got) {
        /* More bytes than announced: BearSSL guarantees it never happens. */
        ctx->cur_stored = 0;
        ctx->overflow = XCV_ERR_INVALID_ARGUMENT;
        ctx->overflow_index = (int)ctx->count;
        return;
    }
    memcpy(ctx->buf + ctx->used + ctx->cur_got, buf, len);
    ctx->cur_got += len;
}

static void xbr_end_cert(const br_x509_class **vt)
{
    struct xcv_br_x509 *ctx = ctx_of(vt);

    if (!ctx->cur_stored) {
        return;
    }
    ctx->cur_stored = 0;
    if (ctx->cur_got != ctx->cur_len) {
        ctx->overflow = XCV_ERR_INVALID_ARGUMENT;
        ctx->overflow_index = (int)ctx->count;
        return;
    }
    ctx->certs[ctx->count].p = ctx->buf + ctx->used;
    ctx->certs[ctx->count].n = ctx->cur_len;
    ctx->count++;
    ctx->used += ctx->cur_len;
}

static unsigned xbr_end_chain(const br_x509_class **vt)
{
    struct xcv_br_x509 *ctx = ctx_of(vt);
    xcv_err err;

    ctx->done = 1;
    if (ctx->verifier == NULL || ctx->store == NULL || ctx->buf == NULL || ctx->buf_cap == 0) {
        result_reset(&ctx->result, XCV_ERR_INVALID_ARGUMENT, XCV_INDEX_NONE);
    } else if (ctx->overflow != XCV_OK) {
        result_reset(&ctx->result, ctx->overflow, ctx->overflow_index);
    } else if (ctx->received == 0) {
        result_reset(&ctx->result, XCV_ERR_NO_CERTIFICATES, XCV_INDEX_NONE);
    } else {
        const struct xcv_ref *ref = ctx->ref.type == XCV_REF_NONE ? NULL : &ctx->ref;
        err = xcv_verify(ctx->verifier, &ctx->params, ctx->store, ctx->certs, ctx->count, ref,
                         &ctx->result);
        if (err == XCV_OK) {
            /* xcv_verify parsed the leaf into verifier->certs[0]. */
            err = leaf_key(ctx, &ctx->verifier->certs[0]);
            if (err != XCV_OK) {
                ctx->result.err = err;
                ctx->result.cert_index = 0;
            }
        }
    }
    ctx->br_err = xcv_br_x509_error_code(ctx->result.err);
    if (ctx->result.err != XCV_OK) {
        memset(&ctx->pkey, 0, sizeof(ctx->pkey));
        ctx->usages = 0;
    }
    return ctx->br_err;
}

static const br_x509_pkey *xbr_get_pkey(const br_x509_class *const *vt, unsigned *usages)
{
    const struct xcv_br_x509 *ctx = cctx_of(vt);

    if (!ctx->done || ctx->br_err != 0) {
        return NULL;
    }
    if (usages != NULL) {
        *usages = ctx->usages;
    }
    return &ctx->pkey;
}

const br_x509_class xcv_br_x509_vtable = {
    sizeof(struct xcv_br_x509), xbr_start_chain, xbr_start_cert, xbr_append,
    xbr_end_cert, xbr_end_chain, xbr_get_pkey,
};

/* ------------------------------------------------------------------------ */
/* Public functions                                                          */
/* ------------------------------------------------------------------------ */

/* see xcv_bearssl.h */
void xcv_br_x509_init(struct xcv_br_x509 *ctx, struct xcv_verifier *verifier,
                      const struct xcv_anchor_store *store, const struct xcv_params *params,
                      uint8_t *buf, size_t buf_cap)
{
    if (ctx == NULL) {
        return;
    }
    memset(ctx, 0, sizeof(*ctx));
    ctx->vtable = &xcv_br_x509_vtable;
    ctx->verifier = verifier;
    ctx->store = store;
    if (params != NULL) {
        ctx->params = *params;
    } else {
        xcv_params_default(&ctx->params);
    }
    ctx->buf = buf;
    ctx->buf_cap = buf == NULL ? 0 : buf_cap;
    ctx->ref.type = XCV_REF_NONE;
    ctx->overflow_index = XCV_INDEX_NONE;
    ctx->br_err = BR_ERR_X509_EMPTY_CHAIN;
    result_reset(&ctx->result, XCV_ERR_NO_CERTIFICATES, XCV_INDEX_NONE);
    if (verifier == NULL || store == NULL || params == NULL) {
        ctx->verifier = NULL; /* end_chain reports XCV_ERR_INVALID_ARGUMENT */
    }
}

/* see xcv_bearssl.h */
void xcv_br_x509_set_ref(struct xcv_br_x509 *ctx, const struct xcv_ref *ref)
{
    if (ctx == NULL) {
        return;
    }
    if (ref == NULL) {
        ctx->has_ref_override = 0;
        memset(&ctx->ref_override, 0, sizeof(ctx->ref_override));
    } else {
        ctx->has_ref_override = 1;
        ctx->ref_override = *ref;
    }
}

/* see xcv_bearssl.h */
void xcv_br_x509_set_time(struct xcv_br_x509 *ctx, xcv_time now)
{
    if (ctx != NULL) {
        ctx->params.now = now;
    }
}

/* see xcv_bearssl.h */
xcv_err xcv_br_x509_error(const struct xcv_br_x509 *ctx)
{
    if (ctx == NULL || !ctx->done) {
        return XCV_ERR_NO_CERTIFICATES;
    }
    return ctx->result.err;
}

/* see xcv_bearssl.h */
const struct xcv_result *xcv_br_x509_result(const struct xcv_br_x509 *ctx)
{
    if (ctx == NULL || !ctx->done) {
        return NULL;
    }
    return &ctx->result;
}
