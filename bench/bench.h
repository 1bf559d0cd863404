/*
 * bench.h -- shared declarations of the xcv benchmark (bench/): the input a
 * verifier gets, the interface every implementation (xcv and its peers)
 * provides, and the allocation counter of the malloc interposer.
 *
 * Each implementation lives in its own translation unit (bench_<impl>.c) so
 * that the peers' headers (OpenSSL, wolfSSL's OpenSSL compatibility layer,
 * mbedTLS, GnuTLS, BearSSL) never meet in one file.
 */
#ifndef XCV_BENCH_H
#define XCV_BENCH_H

#include <stddef.h>
#include <stdint.h>

/* 2026-06-01T00:00:00Z: the fixed verification time of every chain. */
#define BENCH_NOW 1780272000LL

#define BENCH_MAX_CERTS 40

struct bench_der {
    const uint8_t *p;
    size_t n;
};

/* One chain: the root (preloaded as the trust anchor) and what a server sends. */
struct bench_chain {
    const char *name;         /* rsa, ecdsa, mixed, hostile */
    struct bench_der root;
    struct bench_der intm;    /* the intermediate (empty for hostile) */
    struct bench_der leaf;
    struct bench_der leaf_bad;/* the leaf with one bit of its signature flipped */
    struct bench_der intm_bad;/* the intermediate, likewise (empty for hostile) */
    /* The presented list, leaf first. */
    struct bench_der presented[BENCH_MAX_CERTS];
    size_t n_presented;
};

/* A FULL call: the presented certificates and the host name to check. */
struct bench_input {
    const struct bench_der *certs;
    size_t n;
    const char *host;
};

/*
 * One implementation. setup() returns a context (NULL when the chain is not
 * supported, which prints "n/a"); full() returns 1 when the chain is
 * accepted for host, 0 when rejected; parse() returns 1 when the DER parses.
 */
struct bench_impl {
    const char *name;
    void *(*setup)(const struct bench_chain *c);
    int (*full)(void *ctx, const struct bench_input *in);
    int (*parse)(void *ctx, const uint8_t *der, size_t n);
    void (*teardown)(void *ctx);
    const char *how; /* one line: what FULL measures */
    const char *(*explain)(void *ctx); /* optional: why the last call rejected */
};

extern const struct bench_impl bench_impl_xcv;
extern const struct bench_impl bench_impl_xcv_warm;
/* xcv built with the OpenSSL crypto backend (bench_xcv.c compiled again). */
extern const struct bench_impl bench_impl_xcv_openssl;
extern const struct bench_impl bench_impl_xcv_openssl_warm;
extern const struct bench_impl bench_impl_openssl;
extern const struct bench_impl bench_impl_mbedtls;
extern const struct bench_impl bench_impl_gnutls;
extern const struct bench_impl bench_impl_wolfssl;
extern const struct bench_impl bench_impl_bearssl;

/* FLOOR: the chain's signature verifications only (keys decoded, TBS hashed). */
struct bench_floor {
    const char *name;
    void *(*setup)(const struct bench_chain *c);
    int (*run)(void *ctx);               /* 1 when every signature verified */
    int (*run_bad)(void *ctx);           /* same with a flipped signature: must be 0 */
    void (*teardown)(void *ctx);
};
extern const struct bench_floor bench_floor_bearssl;
extern const struct bench_floor bench_floor_openssl;

/* Minimal DER walking for the floors: tbs TLV, signature algorithm OID, signature. */
struct bench_cert_parts {
    struct bench_der tbs;     /* TBSCertificate TLV */
    struct bench_der sig_oid; /* OID content of the signatureAlgorithm */
    struct bench_der sig;     /* signatureValue without the unused-bits octet */
};
int bench_cert_split(const uint8_t *der, size_t n, struct bench_cert_parts *out);
/* 256, 384 or 0 from a sha256/sha384 RSA or ECDSA signature OID. */
int bench_sig_hash_bits(const struct bench_der *oid, int *is_ecdsa);

/* xcv-specific extras (bench_xcv.c). */
size_t bench_xcv_verifier_size(void);
/* 1 when the library in this binary has xcv_verify / xcv_cert_parse. */
int bench_xcv_has_verify(void);
int bench_xcv_has_parse(void);
/* Signature-cache hits of the last FULL call of an xcv context (-1: n/a). */
long bench_xcv_cache_hits(void *ctx);
/* Signature verifications (budget units) of the last call of an xcv context. */
long bench_xcv_sig_checks(void *ctx);
/* Anchor-store scaling: a context verifying chain c with n_anchors anchors. */
void *bench_xcv_anchors_setup(const struct bench_chain *c, size_t n_anchors);
int bench_xcv_anchors_full(void *ctx, const struct bench_input *in);
void bench_xcv_anchors_teardown(void *ctx);
/* Runs xcv_verify on every "pathological::" x509-limbo case of file. */
struct bench_limbo_case {
    char id[128];
    int expect_ok;     /* limbo's expected_result == SUCCESS */
    int got_ok;        /* xcv's verdict */
    int err;           /* xcv's error */
    double ns;         /* median time per call */
    void *ctx;         /* for bench_xcv_limbo_run */
};
size_t bench_xcv_limbo_load(const char *file, struct bench_limbo_case *out, size_t cap);
int bench_xcv_limbo_run(void *ctx);
const char *bench_xcv_err_name(int err);

/* Allocation counting (bench_alloc.c). */
void bench_alloc_count(int on);
unsigned long bench_alloc_calls(void);
void bench_alloc_reset(void);

#endif
