/*
 * test_policy.c -- unit tests of src/policy.c: RFC 5280 6.1 policy
 * processing (matching, anyPolicy, policy mapping and its inhibition,
 * requireExplicitPolicy, inhibitAnyPolicy, the user-initial-policy-set),
 * malformed extensions, budget and arguments.
 * Test data: vectors/policy/, made by vectors/gen_crl.sh (openssl ca with
 * certificatePolicies, policyMappings, policyConstraints and
 * inhibitAnyPolicy). Paths are leaf first, trust anchor excluded.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hex.h"
#include "policy.h"

/* 1.3.6.1.4.1.55555.1.{1,2,3} */
static const uint8_t P1[] = {0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xb2, 0x03, 0x01, 0x01};
static const uint8_t P2[] = {0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xb2, 0x03, 0x01, 0x02};
static const uint8_t P3[] = {0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xb2, 0x03, 0x01, 0x03};
static const uint8_t ANY[] = {0x55, 0x1d, 0x20, 0x00};

#define MAXC 6
static uint8_t *bufs[MAXC];
static struct xcv_cert certs[MAXC];
static struct xcv_policy_work work;
static struct xcv_policy_result res;

/* Runs policy processing over the named certificates (leaf first). */
static xcv_err run(const char *const *names, size_t n, const xcv_slice *initial,
                   size_t initial_count, uint32_t flags, unsigned long budget)
{
    const struct xcv_cert *path[MAXC];
    assert_true(n <= MAXC);
    for (size_t i = 0; i < n; i++) {
        char p[256];
        size_t len = 0;
        snprintf(p, sizeof p, "vectors/policy/%s.der", names[i]);
        bufs[i] = xcv_test_read_file(p, &len);
        if (bufs[i] == NULL) {
            fail_msg("cannot read %s", p);
        }
        assert_int_equal(xcv_cert_parse(xcv_slice_make(bufs[i], len), &certs[i], NULL), XCV_OK);
        path[i] = &certs[i];
    }
    struct xcv_policy_params in;
    in.initial = initial;
    in.initial_count = initial_count;
    in.flags = flags;
    in.budget = budget;
    xcv_err err = xcv_policy_check(path, n, &in, &work, &res);
    for (size_t i = 0; i < n; i++) {
        free(bufs[i]);
    }
    return err;
}

#define PATH(...)                                                                                  \
    ((const char *const[]){__VA_ARGS__}),                                                          \
        (sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

static const xcv_slice SET_P1[] = {{P1, sizeof P1}};
static const xcv_slice SET_P2[] = {{P2, sizeof P2}};
static const xcv_slice SET_P3[] = {{P3, sizeof P3}};
static const xcv_slice SET_ANY[] = {{ANY, sizeof ANY}};

/* The result slices point into the (freed) certificate bytes; run_keep
 * copies what the tests compare. */
static uint8_t kept[XCV_MAX_RESULT_POLICIES][16];
static size_t kept_n[XCV_MAX_RESULT_POLICIES];

static xcv_err run_keep(const char *const *names, size_t n, const xcv_slice *initial,
                        size_t initial_count, uint32_t flags)
{
    const struct xcv_cert *path[MAXC];
    for (size_t i = 0; i < n; i++) {
        char p[256];
        size_t len = 0;
        snprintf(p, sizeof p, "vectors/policy/%s.der", names[i]);
        bufs[i] = xcv_test_read_file(p, &len);
        assert_non_null(bufs[i]);
        assert_int_equal(xcv_cert_parse(xcv_slice_make(bufs[i], len), &certs[i], NULL), XCV_OK);
        path[i] = &certs[i];
    }
    struct xcv_policy_params in = {initial, initial_count, flags, 0};
    xcv_err err = xcv_policy_check(path, n, &in, &work, &res);
    for (size_t k = 0; k < res.count && k < XCV_MAX_RESULT_POLICIES; k++) {
        assert_true(res.oids[k].n <= 16);
        memcpy(kept[k], res.oids[k].p, res.oids[k].n);
        kept_n[k] = res.oids[k].n;
    }
    for (size_t i = 0; i < n; i++) {
        free(bufs[i]);
    }
    return err;
}

static int result_has(const uint8_t *oid, size_t n)
{
    for (size_t k = 0; k < res.count && k < XCV_MAX_RESULT_POLICIES; k++) {
        if (kept_n[k] == n && memcmp(kept[k], oid, n) == 0) {
            return 1;
        }
    }
    return 0;
}

static void test_matching(void **state)
{
    (void)state;
    /* CA and leaf both assert P1. */
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-p1"), NULL, 0, 0), XCV_OK);
    assert_int_equal(res.count, 1);
    assert_true(result_has(P1, sizeof P1));
    assert_false(res.any);
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-p1"), SET_P1, 1, XCV_POLICY_EXPLICIT), XCV_OK);
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-p1"), SET_ANY, 1, XCV_POLICY_EXPLICIT), XCV_OK);
    /* The user wants P2: the intersection is empty. With
     * initial-explicit-policy that fails; without, the path is valid with
     * no policy (6.1.5 (g): explicit_policy > 0). */
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-p1"), SET_P2, 1, XCV_POLICY_EXPLICIT),
                     XCV_ERR_POLICY_REQUIRED);
    assert_int_equal(res.cert_pos, 0);
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-p1"), SET_P2, 1, 0), XCV_OK);
    assert_int_equal(res.count, 0);
    /* Leaf asserts P2, CA only P1: no match. */
    assert_int_equal(run_keep(PATH("leaf-p2", "ca-p1"), NULL, 0, XCV_POLICY_EXPLICIT),
                     XCV_ERR_POLICY_REQUIRED);
    /* The CA lists P1 and P2; the leaf anyPolicy inherits both. */
    assert_int_equal(run_keep(PATH("leaf-any", "ca-p1p2"), NULL, 0, XCV_POLICY_EXPLICIT), XCV_OK);
    assert_int_equal(res.count, 2);
    assert_true(result_has(P1, sizeof P1) && result_has(P2, sizeof P2));
    assert_false(res.any);
}

static void test_no_policies(void **state)
{
    (void)state;
    /* 6.1.3 (e): a certificate without certificatePolicies empties the
     * tree, which only matters when an explicit policy is required. */
    assert_int_equal(run_keep(PATH("leaf-nopol", "ca-p1"), NULL, 0, 0), XCV_OK);
    assert_int_equal(res.count, 0);
    assert_int_equal(run_keep(PATH("leaf-nopol", "ca-p1"), NULL, 0, XCV_POLICY_EXPLICIT),
                     XCV_ERR_POLICY_REQUIRED);
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-nopol"), NULL, 0, XCV_POLICY_EXPLICIT),
                     XCV_ERR_POLICY_REQUIRED);
    /* explicit_policy = 0 from the start: (f) fails at the first certificate. */
    assert_int_equal(res.cert_pos, 1);
}

static void test_any_policy(void **state)
{
    (void)state;
    /* A CA asserting anyPolicy accepts any leaf policy (6.1.3 (d)(1)(ii)). */
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-any"), SET_P1, 1, XCV_POLICY_EXPLICIT), XCV_OK);
    assert_true(result_has(P1, sizeof P1));
    /* anyPolicy all the way: the authorities-constrained set is anyPolicy. */
    assert_int_equal(run_keep(PATH("leaf-any", "ca-any"), NULL, 0, XCV_POLICY_EXPLICIT), XCV_OK);
    assert_true(res.any);
    /* 6.1.5 (g)(iii)(3): a user policy is granted by a depth-n anyPolicy. */
    assert_int_equal(run_keep(PATH("leaf-any", "ca-any"), SET_P3, 1, XCV_POLICY_EXPLICIT), XCV_OK);
    assert_true(result_has(P3, sizeof P3));
    assert_false(res.any);
}

static void test_require_explicit(void **state)
{
    (void)state;
    /* requireExplicitPolicy 0 in the CA: the leaf must carry a policy. */
    assert_int_equal(run_keep(PATH("leaf-nopol", "ca-rep0"), NULL, 0, 0), XCV_ERR_POLICY_REQUIRED);
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-rep0"), NULL, 0, 0), XCV_OK);
    assert_true(result_has(P1, sizeof P1));
    /* ... and it must be in the user's set. */
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-rep0"), SET_P2, 1, 0), XCV_ERR_POLICY_REQUIRED);
    /* 6.1.5 (b): requireExplicitPolicy 0 in the leaf itself. */
    assert_int_equal(run_keep(PATH("leaf-rep0", "ca-p1"), NULL, 0, 0), XCV_ERR_POLICY_REQUIRED);
    assert_int_equal(run_keep(PATH("leaf-nopol", "ca-p1"), NULL, 0, 0), XCV_OK);
}

static void test_mapping(void **state)
{
    (void)state;
    /* ca-map asserts P1 and maps P1 (issuer domain) to P2 (subject domain):
     * a P2 leaf is accepted, reported as P1 in the anchor's domain. */
    assert_int_equal(run_keep(PATH("leaf-p2", "ca-map"), SET_P1, 1, XCV_POLICY_EXPLICIT), XCV_OK);
    assert_int_equal(res.count, 1);
    assert_true(result_has(P1, sizeof P1));
    assert_false(result_has(P2, sizeof P2));
    /* After mapping, P1 itself is no longer expected below ca-map. */
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-map"), NULL, 0, XCV_POLICY_EXPLICIT),
                     XCV_ERR_POLICY_REQUIRED);
    /* initial-policy-mapping-inhibit: 6.1.4 (b)(2) deletes the mapped node. */
    assert_int_equal(run_keep(PATH("leaf-p2", "ca-map"), NULL, 0,
                              XCV_POLICY_EXPLICIT | XCV_POLICY_INHIBIT_MAPPING),
                     XCV_ERR_POLICY_REQUIRED);
    assert_int_equal(run_keep(PATH("leaf-p2", "ca-map"), NULL, 0, XCV_POLICY_INHIBIT_MAPPING),
                     XCV_OK);
    assert_int_equal(res.count, 0);
    /* inhibitPolicyMapping 0 in a CA above has the same effect ... */
    assert_int_equal(run_keep(PATH("leaf-p2", "ca-map", "ca-ipm0"), NULL, 0, XCV_POLICY_EXPLICIT),
                     XCV_ERR_POLICY_REQUIRED);
    /* ... which a plain anyPolicy CA does not have. */
    assert_int_equal(run_keep(PATH("leaf-p2", "ca-map", "ca-any"), NULL, 0, XCV_POLICY_EXPLICIT),
                     XCV_OK);
    assert_true(result_has(P1, sizeof P1));
    /* Mapping under anyPolicy (6.1.4 (b)(1) second part): ca-any-map
     * asserts anyPolicy and maps P1 to P3. */
    assert_int_equal(run_keep(PATH("leaf-p3", "ca-any-map"), SET_P1, 1, XCV_POLICY_EXPLICIT),
                     XCV_OK);
    assert_true(result_has(P1, sizeof P1));
    assert_int_equal(run_keep(PATH("leaf-p3", "ca-any-map"), SET_P3, 1, XCV_POLICY_EXPLICIT),
                     XCV_ERR_POLICY_REQUIRED);
}

static void test_mapping_any_rejected(void **state)
{
    (void)state;
    /* 6.1.4 (a): anyPolicy must not appear in a mapping. */
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-map-any"), NULL, 0, 0),
                     XCV_ERR_POLICY_MAPPING_ANY);
    assert_int_equal(res.cert_pos, 1);
}

static void test_inhibit_any(void **state)
{
    (void)state;
    /* inhibitAnyPolicy 0 in the top CA: the next CA's anyPolicy no longer
     * counts, so a P1 leaf finds no policy. */
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-any", "ca-iap0"), NULL, 0, XCV_POLICY_EXPLICIT),
                     XCV_ERR_POLICY_REQUIRED);
    assert_int_equal(res.cert_pos, 1);
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-any", "ca-iap0"), NULL, 0, 0), XCV_OK);
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-any", "ca-any"), NULL, 0, XCV_POLICY_EXPLICIT),
                     XCV_OK);
    /* initial-any-policy-inhibit. */
    assert_int_equal(
        run_keep(PATH("leaf-p1", "ca-any"), NULL, 0, XCV_POLICY_EXPLICIT | XCV_POLICY_INHIBIT_ANY),
        XCV_ERR_POLICY_REQUIRED);
    assert_int_equal(
        run_keep(PATH("leaf-p1", "ca-p1"), NULL, 0, XCV_POLICY_EXPLICIT | XCV_POLICY_INHIBIT_ANY),
        XCV_OK);
}

static void test_malformed(void **state)
{
    (void)state;
    /* 4.2.1.4: a policy OID listed twice. */
    assert_int_equal(run_keep(PATH("leaf-p1", "ca-dup"), NULL, 0, 0), XCV_ERR_POLICY_MALFORMED);
    assert_int_equal(res.cert_pos, 1);
    size_t len = 0;
    uint8_t *b = xcv_test_read_file("vectors/policy/ca-dup.der", &len);
    assert_non_null(b);
    struct xcv_cert c;
    assert_int_equal(xcv_cert_parse(xcv_slice_make(b, len), &c, NULL), XCV_OK);
    assert_int_equal(xcv_policy_validate_cert(&c), XCV_ERR_POLICY_MALFORMED);
    free(b);
    b = xcv_test_read_file("vectors/policy/ca-map.der", &len);
    assert_non_null(b);
    assert_int_equal(xcv_cert_parse(xcv_slice_make(b, len), &c, NULL), XCV_OK);
    assert_int_equal(xcv_policy_validate_cert(&c), XCV_OK);
    free(b);
}

static void test_budget_and_args(void **state)
{
    (void)state;
    assert_int_equal(run(PATH("leaf-p2", "ca-map", "ca-any"), NULL, 0, 0, 3),
                     XCV_ERR_POLICY_BUDGET);
    assert_int_equal(run(PATH("leaf-p2", "ca-map", "ca-any"), NULL, 0, 0, 0), XCV_OK);
    assert_true(res.ops > 3);
    unsigned long used = res.ops;
    assert_int_equal(run(PATH("leaf-p2", "ca-map", "ca-any"), NULL, 0, 0, used), XCV_OK);
    assert_int_equal(run(PATH("leaf-p2", "ca-map", "ca-any"), NULL, 0, 0, used - 1),
                     XCV_ERR_POLICY_BUDGET);
    struct xcv_policy_params in = {NULL, 0, 0, 0};
    const struct xcv_cert *path[1] = {NULL};
    assert_int_equal(xcv_policy_check(path, 0, &in, &work, &res), XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(xcv_policy_check(path, 1, &in, &work, &res), XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(xcv_policy_check(path, XCV_MAX_DEPTH + 1, &in, &work, &res),
                     XCV_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matching),        cmocka_unit_test(test_no_policies),
        cmocka_unit_test(test_any_policy),      cmocka_unit_test(test_require_explicit),
        cmocka_unit_test(test_mapping),         cmocka_unit_test(test_mapping_any_rejected),
        cmocka_unit_test(test_inhibit_any),     cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_budget_and_args),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
