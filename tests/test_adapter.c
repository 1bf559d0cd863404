/*
 * test_adapter.c -- the BearSSL X.509 engine adapter (adapters/bearssl_x509.c)
 * driven through its br_x509_class vtable exactly as BearSSL's handshake code
 * drives it (start_chain, start_cert, append in chunks, end_cert, end_chain,
 * get_pkey), without a network, on the certificates of vectors/tls/.
 *
 * Zero heap: the heap-call counter of tests/support/malloc_count.h (glibc's
 * __libc_* in plain builds, ASan's malloc hooks in sanitizer builds) must
 * see no allocation or free while a chain goes through the adapter.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hex.h"
#include "malloc_count.h"
#include "xcv.h"
#include "xcv_bearssl.h"

/* ---------------------------------------------------------------- fixtures */

enum {
    C_ROOT,
    C_INT,
    C_SUB,
    C_OTHER,
    C_SERVER,
    C_DEEP,
    C_IP,
    C_EXPIRED,
    C_LOCALHOST,
    C_CLIENT_OK,
    C_CLIENT_SERVERONLY,
    C_AV_SERVER,
    C_COUNT
};
static const char *const files[C_COUNT] = {
    "root.pem",     "int.pem",     "sub.pem",       "other.pem",
    "server.pem",   "deep.pem",    "ip.pem",        "expired.pem",
    "localhost.pem", "client-ok.pem", "client-serveronly.pem", "av-server.pem",
};
static uint8_t der_store[C_COUNT][4096];
static xcv_slice der[C_COUNT];

static struct xcv_anchor anchor_storage[4];
static struct xcv_anchors_sorted anchors;
static struct xcv_verifier verifier;
static uint8_t cert_buf[32 * 1024];
static struct xcv_br_x509 x;

static int load_pem(const char *name, uint8_t *out, size_t cap, size_t *out_len)
{
    char path[1024];
    size_t n = 0;
    uint8_t *text;
    xcv_slice in;
    xcv_err err;

    snprintf(path, sizeof(path), "%s/vectors/tls/%s", XCV_SOURCE_DIR, name);
    text = xcv_test_read_file(path, &n);
    if (text == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        return -1;
    }
    in.p = text;
    in.n = n;
    err = xcv_pem_next(&in, out, cap, out_len);
    free(text);
    return err == XCV_OK ? 0 : -1;
}

static int setup(void **state)
{
    (void)state;
    for (int i = 0; i < C_COUNT; i++) {
        size_t n = 0;
        if (load_pem(files[i], der_store[i], sizeof(der_store[i]), &n) != 0) {
            return -1;
        }
        der[i].p = der_store[i];
        der[i].n = n;
    }
    xcv_anchors_sorted_init(&anchors, anchor_storage, 4);
    {
        struct xcv_anchor a;
        if (xcv_anchor_from_cert(der[C_ROOT], &a) != XCV_OK ||
            xcv_anchors_sorted_add(&anchors, &a) != XCV_OK) {
            return -1;
        }
        xcv_anchors_sorted_finish(&anchors);
    }
    xcv_test_malloc_count_install();
    return 0;
}

static void init_ctx(xcv_purpose purpose, size_t buf_cap)
{
    struct xcv_params p;
    xcv_params_default(&p);
    p.purpose = purpose;
    assert_int_equal(xcv_time_from_civil(2026, 6, 1, 0, 0, 0, &p.now), XCV_OK);
    xcv_br_x509_init(&x, &verifier, &anchors.base, &p, cert_buf, buf_cap);
}

/* Feeds certs like BearSSL does (chunks of 100 bytes); returns end_chain's code. */
static unsigned feed(const char *server_name, const int *idx, size_t n)
{
    const br_x509_class **vt = &x.vtable;
    (*vt)->start_chain(vt, server_name);
    for (size_t i = 0; i < n; i++) {
        xcv_slice c = der[idx[i]];
        (*vt)->start_cert(vt, (uint32_t)c.n);
        for (size_t off = 0; off < c.n; off += 100) {
            size_t len = c.n - off < 100 ? c.n - off : 100;
            (*vt)->append(vt, c.p + off, len);
        }
        (*vt)->end_cert(vt);
    }
    return (*vt)->end_chain(vt);
}

/* Same, counting heap calls; asserts none happened. */
static unsigned feed_noalloc(const char *server_name, const int *idx, size_t n)
{
    unsigned rc;
    xcv_test_malloc_count_start();
    rc = feed(server_name, idx, n);
    xcv_test_malloc_count_stop();
    assert_int_equal(xcv_test_malloc_count_calls(), 0);
    return rc;
}

static const br_x509_pkey *pkey(unsigned *usages)
{
    const br_x509_class *const *vt = &x.vtable;
    return (*vt)->get_pkey(vt, usages);
}

/* ---------------------------------------------------------------- tests */

static void test_counter_works(void **state)
{
    (void)state;
    xcv_test_malloc_count_probe();
    assert_true(xcv_test_malloc_count_calls() >= 1);
}

static void test_vtable_shape(void **state)
{
    (void)state;
    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    assert_ptr_equal(x.vtable, &xcv_br_x509_vtable);
    assert_int_equal(xcv_br_x509_vtable.context_size, sizeof(struct xcv_br_x509));
    /* Nothing verified yet. */
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_NO_CERTIFICATES);
    assert_null(xcv_br_x509_result(&x));
    assert_null(pkey(NULL));
}

static void test_valid_rsa_chain_no_heap(void **state)
{
    (void)state;
    static const int chain[] = {C_SERVER, C_INT};
    unsigned usages = 0;
    const br_x509_pkey *k;
    struct xcv_cert leaf;

    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    assert_int_equal(feed_noalloc("server.xcv.test", chain, 2), 0);
    assert_int_equal(xcv_br_x509_error(&x), XCV_OK);
    assert_int_equal(x.count, 2);
    assert_int_equal(x.ref.type, XCV_REF_DNS);
    assert_memory_equal(x.certs[1].p, der[C_INT].p, der[C_INT].n);
    k = pkey(&usages);
    assert_non_null(k);
    assert_int_equal(k->key_type, BR_KEYTYPE_RSA);
    /* keyUsage digitalSignature + keyEncipherment. */
    assert_int_equal(usages, BR_KEYTYPE_KEYX | BR_KEYTYPE_SIGN);
    assert_int_equal(xcv_cert_parse(der[C_SERVER], &leaf, NULL), XCV_OK);
    assert_int_equal(k->key.rsa.nlen, leaf.key.rsa_n.n);
    assert_memory_equal(k->key.rsa.n, leaf.key.rsa_n.p, leaf.key.rsa_n.n);
    assert_int_equal(k->key.rsa.elen, leaf.key.rsa_e.n);
    assert_memory_equal(k->key.rsa.e, leaf.key.rsa_e.p, leaf.key.rsa_e.n);
    /* The key points into the caller's buffer. */
    assert_true(k->key.rsa.n >= cert_buf && k->key.rsa.n < cert_buf + sizeof(cert_buf));
}

static void test_out_of_order_with_extra(void **state)
{
    (void)state;
    /* deep <- sub <- int <- root; sent as deep, int, other, sub. */
    static const int chain[] = {C_DEEP, C_INT, C_OTHER, C_SUB};
    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    assert_int_equal(feed_noalloc("deep.xcv.test", chain, 4), 0);
    assert_int_equal(xcv_br_x509_error(&x), XCV_OK);
    const struct xcv_result *r = xcv_br_x509_result(&x);
    assert_non_null(r);
    assert_int_equal(r->path_len, 3);
    assert_int_equal(r->path[0], 0);
    assert_int_equal(r->path[1], 3);
    assert_int_equal(r->path[2], 1);
    /* The same chain without the sub CA has no path. */
    static const int broken[] = {C_DEEP, C_INT, C_OTHER};
    assert_int_equal(feed_noalloc("deep.xcv.test", broken, 3), BR_ERR_X509_NOT_TRUSTED);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_UNKNOWN_ISSUER);
    assert_null(pkey(NULL));
}

static void test_missing_intermediate(void **state)
{
    (void)state;
    static const int chain[] = {C_SERVER};
    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    assert_int_equal(feed_noalloc("server.xcv.test", chain, 1), BR_ERR_X509_NOT_TRUSTED);
    const struct xcv_result *r = xcv_br_x509_result(&x);
    assert_int_equal(r->err, XCV_ERR_UNKNOWN_ISSUER);
    assert_int_equal(r->cert_index, 0);
    char name[256];
    xcv_dn_format(r->untrusted_issuer, name, sizeof(name));
    assert_string_equal(name, "O=xcv tests, CN=XCV TLS Test Intermediate");
    assert_null(pkey(NULL));
    /* Interception root: unknown too. */
    static const int av[] = {C_AV_SERVER};
    assert_int_equal(feed_noalloc("server.xcv.test", av, 1), BR_ERR_X509_NOT_TRUSTED);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_UNKNOWN_ISSUER);
}

static void test_ec_leaf_and_ip_reference(void **state)
{
    (void)state;
    static const int chain[] = {C_IP, C_INT};
    unsigned usages = 0;
    const br_x509_pkey *k;
    struct xcv_cert leaf;

    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    /* An address in text form becomes an IP reference. */
    assert_int_equal(feed_noalloc("127.0.0.1", chain, 2), 0);
    assert_int_equal(x.ref.type, XCV_REF_IP);
    k = pkey(&usages);
    assert_non_null(k);
    assert_int_equal(k->key_type, BR_KEYTYPE_EC);
    assert_int_equal(k->key.ec.curve, BR_EC_secp256r1);
    assert_int_equal(xcv_cert_parse(der[C_IP], &leaf, NULL), XCV_OK);
    assert_int_equal(k->key.ec.qlen, 65);
    assert_memory_equal(k->key.ec.q, leaf.key.ec_point.p, 65);
    /* keyUsage digitalSignature only: no key exchange. */
    assert_int_equal(usages, BR_KEYTYPE_SIGN);

    assert_int_equal(feed_noalloc("ip.xcv.test", chain, 2), 0);
    assert_int_equal(x.ref.type, XCV_REF_DNS);
    assert_int_equal(feed_noalloc("127.0.0.2", chain, 2), BR_ERR_X509_BAD_SERVER_NAME);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(feed_noalloc("other.xcv.test", chain, 2), BR_ERR_X509_BAD_SERVER_NAME);
    assert_int_equal(xcv_br_x509_result(&x)->cert_index, 0);
    /* Trailing dot ignored. */
    assert_int_equal(feed_noalloc("ip.xcv.test.", chain, 2), 0);
}

static void test_dns_only_cert_by_ip(void **state)
{
    (void)state;
    /* server.pem lists DNS names only: an IP reference never matches it. */
    static const int chain[] = {C_SERVER, C_INT};
    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    assert_int_equal(feed("127.0.0.1", chain, 2), BR_ERR_X509_BAD_SERVER_NAME);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_NAME_MISMATCH);
}

static void test_reference_override(void **state)
{
    (void)state;
    static const int chain[] = {C_SERVER, C_INT};
    struct xcv_ref ref = {XCV_REF_DNS, {(const uint8_t *)"mail.xcv.test", 13}};
    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    /* No server name: no identity check at all. */
    assert_int_equal(feed(NULL, chain, 2), 0);
    assert_int_equal(x.ref.type, XCV_REF_NONE);
    assert_int_equal(feed("", chain, 2), 0);
    /* The override wins over the server name. */
    xcv_br_x509_set_ref(&x, &ref);
    assert_int_equal(feed("wrong.example", chain, 2), 0);
    ref.name.p = (const uint8_t *)"nope.xcv.test";
    xcv_br_x509_set_ref(&x, &ref);
    assert_int_equal(feed("server.xcv.test", chain, 2), BR_ERR_X509_BAD_SERVER_NAME);
    /* Back to the server name. */
    xcv_br_x509_set_ref(&x, NULL);
    assert_int_equal(feed("server.xcv.test", chain, 2), 0);
    assert_int_equal(feed("wrong.example", chain, 2), BR_ERR_X509_BAD_SERVER_NAME);
    /* A name longer than the context holds must fail, never be skipped. */
    char longname[400];
    memset(longname, 'a', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    assert_int_not_equal(feed(longname, chain, 2), 0);
}

static void test_time(void **state)
{
    (void)state;
    static const int expired[] = {C_EXPIRED, C_INT};
    static const int good[] = {C_SERVER, C_INT};
    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    assert_int_equal(feed("server.xcv.test", expired, 2), BR_ERR_X509_EXPIRED);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_EXPIRED);
    xcv_time t;
    assert_int_equal(xcv_time_from_civil(2020, 6, 1, 0, 0, 0, &t), XCV_OK);
    xcv_br_x509_set_time(&x, t);
    /* In 2020 the leaf is inside its period but the intermediate (2024..) is not. */
    assert_int_equal(feed("server.xcv.test", expired, 2), BR_ERR_X509_EXPIRED);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_NOT_YET_VALID);
    assert_int_equal(xcv_br_x509_result(&x)->cert_index, 1);
    /* The good one is not yet valid in 2020. */
    assert_int_equal(feed("server.xcv.test", good, 2), BR_ERR_X509_EXPIRED);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_NOT_YET_VALID);
}

static void test_self_signed(void **state)
{
    (void)state;
    static const int chain[] = {C_LOCALHOST};
    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    assert_int_equal(feed("localhost", chain, 1), BR_ERR_X509_NOT_TRUSTED);
    assert_int_equal(xcv_br_x509_result(&x)->top_self_signed, 1);
}

static void test_capacity_errors(void **state)
{
    (void)state;
    static const int chain[] = {C_SERVER, C_INT};
    /* Room for the leaf only: the intermediate (index 1) does not fit. */
    init_ctx(XCV_PURPOSE_SERVER, der[C_SERVER].n + 10);
    assert_int_equal(feed_noalloc("server.xcv.test", chain, 2), BR_ERR_X509_LIMIT_EXCEEDED);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(xcv_br_x509_result(&x)->cert_index, 1);
    assert_int_equal(x.received, 2);
    assert_null(pkey(NULL));
    /* Exactly enough room. */
    init_ctx(XCV_PURPOSE_SERVER, der[C_SERVER].n + der[C_INT].n);
    assert_int_equal(feed("server.xcv.test", chain, 2), 0);

    /* More certificates than XCV_MAX_PRESENTED. */
    int many[XCV_MAX_PRESENTED + 2];
    many[0] = C_SERVER;
    for (size_t i = 1; i < XCV_MAX_PRESENTED + 2; i++) {
        many[i] = C_OTHER;
    }
    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    assert_int_equal(feed_noalloc("server.xcv.test", many, XCV_MAX_PRESENTED + 2),
                     BR_ERR_X509_LIMIT_EXCEEDED);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_TOO_MANY_CERTIFICATES);
    assert_int_equal(xcv_br_x509_result(&x)->cert_index, XCV_MAX_PRESENTED);
    /* Exactly XCV_MAX_PRESENTED is accepted as input. */
    many[1] = C_INT;
    assert_int_equal(feed("server.xcv.test", many, XCV_MAX_PRESENTED), 0);

    /* Empty chain. */
    assert_int_equal(feed("server.xcv.test", NULL, 0), BR_ERR_X509_EMPTY_CHAIN);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_NO_CERTIFICATES);
}

static void test_client_purpose(void **state)
{
    (void)state;
    static const int ok[] = {C_CLIENT_OK, C_INT};
    static const int bad[] = {C_CLIENT_SERVERONLY, C_INT};
    unsigned usages = 0;
    init_ctx(XCV_PURPOSE_CLIENT, sizeof(cert_buf));
    /* A BearSSL server passes no name for client certificates. */
    assert_int_equal(feed_noalloc(NULL, ok, 2), 0);
    assert_non_null(pkey(&usages));
    assert_int_equal(usages, BR_KEYTYPE_SIGN);
    assert_int_equal(feed_noalloc(NULL, bad, 2), BR_ERR_X509_FORBIDDEN_KEY_USAGE);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_EKU_NOT_ALLOWED);
    assert_int_equal(xcv_br_x509_result(&x)->cert_index, 0);
    /* As a server certificate, the client one is refused. */
    init_ctx(XCV_PURPOSE_SERVER, sizeof(cert_buf));
    assert_int_equal(feed(NULL, ok, 2), BR_ERR_X509_FORBIDDEN_KEY_USAGE);
}

static void test_bad_init(void **state)
{
    (void)state;
    static const int chain[] = {C_SERVER, C_INT};
    struct xcv_params p;
    xcv_params_default(&p);
    xcv_br_x509_init(&x, NULL, &anchors.base, &p, cert_buf, sizeof(cert_buf));
    assert_int_not_equal(feed("server.xcv.test", chain, 2), 0);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_INVALID_ARGUMENT);
    xcv_br_x509_init(&x, &verifier, &anchors.base, &p, NULL, 100);
    assert_int_not_equal(feed("server.xcv.test", chain, 2), 0);
    assert_int_equal(xcv_br_x509_error(&x), XCV_ERR_INVALID_ARGUMENT);
}

static void test_error_codes(void **state)
{
    (void)state;
    assert_int_equal(xcv_br_x509_error_code(XCV_OK), 0);
    assert_int_equal(xcv_br_x509_error_code(XCV_ERR_UNKNOWN_ISSUER), BR_ERR_X509_NOT_TRUSTED);
    assert_int_equal(xcv_br_x509_error_code(XCV_ERR_BAD_SIGNATURE), BR_ERR_X509_BAD_SIGNATURE);
    assert_int_equal(xcv_br_x509_error_code(XCV_ERR_NOT_A_CA), BR_ERR_X509_NOT_CA);
    assert_int_equal(xcv_br_x509_error_code(XCV_ERR_DER_TRUNCATED), BR_ERR_X509_TRUNCATED);
    /* Every error maps to a non-zero BearSSL code. */
    for (int e = 1; e < 1000; e++) {
        assert_int_not_equal(xcv_br_x509_error_code((xcv_err)e), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counter_works),
        cmocka_unit_test(test_vtable_shape),
        cmocka_unit_test(test_valid_rsa_chain_no_heap),
        cmocka_unit_test(test_out_of_order_with_extra),
        cmocka_unit_test(test_missing_intermediate),
        cmocka_unit_test(test_ec_leaf_and_ip_reference),
        cmocka_unit_test(test_dns_only_cert_by_ip),
        cmocka_unit_test(test_reference_override),
        cmocka_unit_test(test_time),
        cmocka_unit_test(test_self_signed),
        cmocka_unit_test(test_capacity_errors),
        cmocka_unit_test(test_client_purpose),
        cmocka_unit_test(test_bad_init),
        cmocka_unit_test(test_error_codes),
    };
    return cmocka_run_group_tests_name("adapter", tests, setup, NULL);
}
