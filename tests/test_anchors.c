/*
 * test_anchors.c -- unit tests for src/anchors.c: xcv_anchor_from_cert, the
 * sorted store (capacity, ordering, lookup, unsorted fallback, exact
 * certificate trust), the chain of stores (order, nesting, limits) and the
 * pinned-exception store (by certificate and by SPKI).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anchors.h"
#include "certbuild.h"
#include "chainutil.h"
#include "verify.h"
#include "name.h"
#include "xcv.h"

static xcv_slice load(const char *name)
{
    xcv_slice s;
    assert_int_equal(xcv_chain_load(name, &s), 0);
    return s;
}

static void test_from_cert(void **state)
{
    struct xcv_anchor a;
    struct xcv_cert c;
    (void)state;
    xcv_slice der = load("root-rsa.der");
    assert_int_equal(xcv_anchor_from_cert(der, &a), XCV_OK);
    assert_int_equal(xcv_cert_parse(der, &c, NULL), XCV_OK);
    assert_true(xcv_slice_eq(a.subject, c.subject));
    assert_true(xcv_slice_eq(a.spki, c.spki));
    assert_true(xcv_slice_eq(a.ski, c.ski));
    assert_true(a.ski.n > 0);
    assert_true(xcv_slice_eq(a.cert_der, der));
    assert_int_equal(a.not_after, c.not_after);
    assert_int_equal(a.flags, XCV_ANCHOR_ENFORCE_EXPIRY);
    assert_int_equal(a.subject_hash, xcv_name_hash(c.subject));
    assert_int_equal(a.nc_permitted.n, 0);
    assert_false(xcv_anchor_expired(&a, c.not_after));
    assert_true(xcv_anchor_expired(&a, c.not_after + 1));

    /* Name constraints come along. */
    xcv_slice nc = load("int-nc.der");
    assert_int_equal(xcv_anchor_from_cert(nc, &a), XCV_OK);
    assert_true(a.nc_permitted.n > 0);

    /* Not a certificate. */
    static const uint8_t junk[] = {0x30, 0x00};
    xcv_slice j = {junk, sizeof(junk)};
    assert_int_not_equal(xcv_anchor_from_cert(j, &a), XCV_OK);
    xcv_chain_free(&der);
    xcv_chain_free(&nc);
}

static void test_sorted_store(void **state)
{
    static const char *files[] = {"root-rsa.der", "root-p256.der", "root-rsa4096.der",
                                  "xold.der", "xnew.der"};
    enum { N = sizeof(files) / sizeof(files[0]) };
    xcv_slice der[N];
    struct xcv_anchor storage[N];
    struct xcv_anchors_sorted s;
    struct xcv_anchor a;
    (void)state;

    xcv_anchors_sorted_init(&s, storage, N - 1);
    for (size_t i = 0; i < N; i++) {
        der[i] = load(files[i]);
        assert_int_equal(xcv_anchor_from_cert(der[i], &a), XCV_OK);
        assert_int_equal(xcv_anchors_sorted_add(&s, &a), i < N - 1 ? XCV_OK : XCV_ERR_STORE_FULL);
    }
    memset(&a, 0, sizeof(a));
    assert_int_equal(xcv_anchors_sorted_add(&s, &a), XCV_ERR_INVALID_ARGUMENT);

    /* Before finish: a linear scan still finds each anchor. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < N - 1; i++) {
            struct xcv_cert c;
            struct xcv_anchor_cursor cur;
            const struct xcv_anchor *got;
            int found = 0;
            assert_int_equal(xcv_cert_parse(der[i], &c, NULL), XCV_OK);
            memset(&cur, 0, sizeof(cur));
            while ((got = s.base.vt->next_issuer(&s.base, c.subject, xcv_slice_empty(), &cur)) !=
                   NULL) {
                assert_int_equal(got->subject_hash, xcv_name_hash(c.subject));
                if (xcv_slice_eq(got->cert_der, der[i])) {
                    found++;
                }
            }
            assert_int_equal(found, 1);
            /* Exact-certificate trust. */
            assert_non_null(s.base.vt->trusts_cert(&s.base, &c, NULL, NULL));
        }
        xcv_anchors_sorted_finish(&s);
        assert_true(s.sorted);
        for (size_t i = 1; i < s.count; i++) {
            assert_true(s.anchors[i - 1].subject_hash <= s.anchors[i].subject_hash);
        }
    }

    /* Same subject, different certificate: found by name, not trusted exactly. */
    xcv_slice cross = load("xnew-by-old.der");
    struct xcv_cert cc;
    assert_int_equal(xcv_cert_parse(cross, &cc, NULL), XCV_OK);
    assert_null(s.base.vt->trusts_cert(&s.base, &cc, NULL, NULL));
    /* xnew is not in the store (it was the one over capacity). */
    struct xcv_anchor_cursor cur;
    memset(&cur, 0, sizeof(cur));
    assert_null(s.base.vt->next_issuer(&s.base, cc.subject, xcv_slice_empty(), &cur));
    xcv_chain_free(&cross);
    for (size_t i = 0; i < N; i++) {
        xcv_chain_free(&der[i]);
    }
}

static void test_chain_store(void **state)
{
    xcv_slice d1 = load("root-rsa.der");
    xcv_slice d2 = load("root-p256.der");
    struct xcv_anchor s1[2], s2[2], a;
    struct xcv_anchors_sorted st1, st2, empty;
    struct xcv_anchors_chain inner, outer, full;
    struct xcv_cert c1, c2;
    struct xcv_anchor_cursor cur;
    (void)state;

    assert_int_equal(xcv_cert_parse(d1, &c1, NULL), XCV_OK);
    assert_int_equal(xcv_cert_parse(d2, &c2, NULL), XCV_OK);
    xcv_anchors_sorted_init(&st1, s1, 2);
    xcv_anchors_sorted_init(&st2, s2, 2);
    xcv_anchors_sorted_init(&empty, NULL, 0);
    assert_int_equal(xcv_anchor_from_cert(d1, &a), XCV_OK);
    assert_int_equal(xcv_anchors_sorted_add(&st1, &a), XCV_OK);
    assert_int_equal(xcv_anchors_sorted_add(&st2, &a), XCV_OK);
    assert_int_equal(xcv_anchor_from_cert(d2, &a), XCV_OK);
    assert_int_equal(xcv_anchors_sorted_add(&st2, &a), XCV_OK);
    xcv_anchors_sorted_finish(&st1);
    xcv_anchors_sorted_finish(&st2);

    /* Nested: outer = [empty, inner = [st1, st2]]. */
    xcv_anchors_chain_init(&inner);
    assert_int_equal(xcv_anchors_chain_add(&inner, &st1.base), XCV_OK);
    assert_int_equal(xcv_anchors_chain_add(&inner, &st2.base), XCV_OK);
    xcv_anchors_chain_init(&outer);
    assert_int_equal(xcv_anchors_chain_add(&outer, &empty.base), XCV_OK);
    assert_int_equal(xcv_anchors_chain_add(&outer, &inner.base), XCV_OK);
    assert_int_equal(xcv_anchors_chain_add(&outer, &outer.base), XCV_ERR_INVALID_ARGUMENT);

    memset(&cur, 0, sizeof(cur));
    const struct xcv_anchor *x = outer.base.vt->next_issuer(&outer.base, c1.subject,
                                                           xcv_slice_empty(), &cur);
    assert_ptr_equal(x, &st1.anchors[0]);
    x = outer.base.vt->next_issuer(&outer.base, c1.subject, xcv_slice_empty(), &cur);
    assert_non_null(x);
    assert_true(x == &st2.anchors[0] || x == &st2.anchors[1]);
    assert_true(xcv_slice_eq(x->cert_der, d1));
    assert_null(outer.base.vt->next_issuer(&outer.base, c1.subject, xcv_slice_empty(), &cur));

    memset(&cur, 0, sizeof(cur));
    x = outer.base.vt->next_issuer(&outer.base, c2.subject, xcv_slice_empty(), &cur);
    assert_non_null(x);
    assert_true(xcv_slice_eq(x->cert_der, d2));
    assert_null(outer.base.vt->next_issuer(&outer.base, c2.subject, xcv_slice_empty(), &cur));

    /* Exact trust goes through the chain in order. */
    assert_ptr_equal(outer.base.vt->trusts_cert(&outer.base, &c1, NULL, NULL), &st1.anchors[0]);

    /* Capacity. */
    xcv_anchors_chain_init(&full);
    for (int i = 0; i < XCV_STORE_CHAIN_MAX; i++) {
        assert_int_equal(xcv_anchors_chain_add(&full, &empty.base), XCV_OK);
    }
    assert_int_equal(xcv_anchors_chain_add(&full, &st1.base), XCV_ERR_STORE_FULL);
    xcv_chain_free(&d1);
    xcv_chain_free(&d2);
}

static void test_pinned_store(void **state)
{
    xcv_slice d = load("leaf-self.der");
    struct xcv_cert c;
    uint8_t hc[32], hs[32];
    struct xcv_pin pins[2];
    struct xcv_anchors_pinned ps;
    struct xcv_anchor_cursor cur;
    (void)state;

    assert_int_equal(xcv_cert_parse(d, &c, NULL), XCV_OK);
    xcv_sha256(c.der, hc);
    xcv_sha256(c.spki, hs);
    memset(pins, 0, sizeof(pins));
    memset(pins[0].sha256, 0x11, 32);
    pins[0].kind = XCV_PIN_CERT;
    memcpy(pins[1].sha256, hs, 32);
    pins[1].kind = XCV_PIN_SPKI;
    pins[1].until = 12345;
    xcv_anchors_pinned_init(&ps, pins, 2);

    memset(&cur, 0, sizeof(cur));
    assert_null(ps.base.vt->next_issuer(&ps.base, c.subject, xcv_slice_empty(), &cur));
    const struct xcv_anchor *a = ps.base.vt->trusts_cert(&ps.base, &c, hc, hs);
    assert_ptr_equal(a, &pins[1].anchor);
    assert_true((a->flags & XCV_ANCHOR_PIN) != 0);
    assert_int_equal(a->not_after, 12345);
    assert_true(xcv_slice_eq(a->cert_der, d));
    assert_true(xcv_slice_eq(a->spki, c.spki));
    assert_true(xcv_slice_eq(a->subject, c.subject));
    assert_memory_equal(a->pin_sha256, hs, 32);

    /* The SPKI hash does not match a certificate pin. */
    memcpy(pins[0].sha256, hs, 32);
    pins[1].kind = 7; /* not a kind: ignored */
    assert_null(ps.base.vt->trusts_cert(&ps.base, &c, hc, hc));
    memcpy(pins[0].sha256, hc, 32);
    assert_ptr_equal(ps.base.vt->trusts_cert(&ps.base, &c, hc, hs), &pins[0].anchor);
    xcv_chain_free(&d);
}

/*
 * Every root of the Debian bundle stays usable as a system-store anchor:
 * xcv_anchor_from_cert succeeds and xcv_check_anchor_cert (default
 * parameters, server purpose, XCV_ANCHOR_LAX_PROFILE as the system loader
 * sets it) accepts it. Roots that break the strict profile are counted:
 * when named explicitly (--anchors) they are refused, so the count is
 * bounded to what was measured (4 in Debian 12's bundle).
 */
static void test_debian_bundle(void **state)
{
    const char *path = "/etc/ssl/certs/ca-certificates.crt";
    FILE *f = fopen(path, "rb");
    size_t len;
    size_t pos = 0;
    size_t total = 0;
    size_t strict_fail = 0;
    char *text;
    static uint8_t der[16384];
    (void)state;
    if (f == NULL) {
        skip();
    }
    text = malloc(1u << 20);
    assert_non_null(text);
    len = fread(text, 1, (1u << 20) - 1, f);
    fclose(f);
    for (;;) {
        struct xcv_anchor a;
        struct xcv_cert c;
        struct xcv_params p;
        size_t n = xcv_tb_pem_next(text, len, &pos, der, sizeof(der));
        if (n == 0) {
            break;
        }
        assert_true(n != (size_t)-1);
        xcv_slice d = xcv_slice_make(der, n);
        total++;
        assert_int_equal(xcv_anchor_from_cert(d, &a), XCV_OK);
        assert_int_equal(xcv_cert_parse(d, &c, NULL), XCV_OK);
        xcv_params_default(&p);
        xcv_err err = xcv_check_anchor_cert(&c, &p, XCV_ANCHOR_LAX_PROFILE);
        if (err != XCV_OK) {
            char name[256];
            (void)xcv_dn_format(c.subject, name, sizeof(name));
            fprintf(stderr, "bundle root rejected: %s: %s\n", name, xcv_err_name(err));
        }
        assert_int_equal(err, XCV_OK);
        if (xcv_check_anchor_cert(&c, &p, 0) != XCV_OK) {
            strict_fail++;
            assert_int_not_equal(xcv_check_anchor_profile(&c, XCV_PURPOSE_SERVER), XCV_OK);
        }
    }
    free(text);
    fprintf(stderr, "bundle: %zu roots, %zu break the strict root profile\n", total, strict_fail);
    assert_true(total > 100);
    assert_true(strict_fail <= 4);
}

/* A self-issued root whose AKI names issuer and serial: accepted when they
 * are its own (as Certigna, QuoVadis Root CA 2/3), refused otherwise
 * (CABF 7.1.2.1.3; x509-limbo webpki::aki::root-with-aki-*). */
static void test_root_aki_names(void **state)
{
    static uint8_t der[2048];
    struct xcv_tb_cert t;
    struct xcv_cert c;
    struct xcv_params p;
    (void)state;
    xcv_params_default(&p);
    const char *bc = "30(06(551d13)01(ff)04(30(01(ff))))";
    const char *ku = "30(06(551d0f)04(03(01 06)))"; /* keyCertSign | cRLSign: 0x06 */
    char exts[1024];
    const struct {
        const char *aki;
        xcv_err want;
    } rows[] = {
        /* keyIdentifier only */
        {"30(06(551d23)04(30(80(0102030405060708))))", XCV_OK},
        /* names itself: its issuer (CN=Test CA) and its serial (1) */
        {"30(06(551d23)04(30(80(0102030405060708)a1(a4(" XCV_TB_NAME_CA "))82(01))))", XCV_OK},
        /* another issuer name */
        {"30(06(551d23)04(30(80(0102030405060708)a1(a4(30(31(30(06(550403)13('myCN')))))))))",
         XCV_ERR_CERT_BAD_EXTENSION},
        /* another serial */
        {"30(06(551d23)04(30(80(0102030405060708)82(04d2))))", XCV_ERR_CERT_BAD_EXTENSION},
        /* no keyIdentifier */
        {"30(06(551d23)04(30(a1(a4(" XCV_TB_NAME_CA "))82(01))))", XCV_ERR_CERT_BAD_EXTENSION},
        /* keyIdentifier differs from the SKI */
        {"30(06(551d23)04(30(80(0807060504030201))))", XCV_ERR_CERT_BAD_EXTENSION},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        xcv_tb_cert_default(&t);
        t.subject = XCV_TB_NAME_CA;
        snprintf(exts, sizeof(exts), "%s%s%s%s", bc, ku, XCV_TB_EXT_SKI, rows[i].aki);
        t.exts = exts;
        size_t n = xcv_tb_cert_build(&t, der, sizeof(der));
        assert_true(n != (size_t)-1);
        assert_int_equal(xcv_cert_parse(xcv_slice_make(der, n), &c, NULL), XCV_OK);
        assert_int_equal(c.flags & XCV_CERT_BAD_EXTENSION, 0);
        assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), rows[i].want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_from_cert),
        cmocka_unit_test(test_sorted_store),
        cmocka_unit_test(test_chain_store),
        cmocka_unit_test(test_pinned_store),
        cmocka_unit_test(test_debian_bundle),
        cmocka_unit_test(test_root_aki_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
