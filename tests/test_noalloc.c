/*
 * test_noalloc.c -- proves at run time that xcv_verify() makes no heap
 * allocation, and prints sizeof(struct xcv_verifier) and the stack
 * high-water mark of xcv_verify().
 *
 * Allocation counting: tests/support/malloc_count.h (plain builds: an
 * interposer forwarding to glibc's __libc_* functions; AddressSanitizer
 * builds: ASan's malloc and free hooks).
 * Stack: xcv_verify runs on a thread whose stack (pthread_attr_setstack) is
 * pre-filled with a pattern; the bytes the pattern lost, minus those an
 * empty thread loses, are the high-water mark. Sanitizer builds use more
 * stack (redzones); the figure that matters is the plain build's.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chainutil.h"
#include "malloc_count.h"
#include "xcv.h"

static const struct {
    const char *leaf, *ints, *anchors, *ref;
} chains[] = {
    {"leaf-rsa.der", "int-rsa.der", "root-rsa.der", "www.example.com"},
    {"leaf-p256.der", "int-p256.der", "root-p256.der", "www.example.com"},
    {"leaf-p384sig.der", "int-p384.der", "root-rsa4096.der", "www.example.com"},
    {"leaf-p521sig.der", "int-p521.der", "root-rsa4096.der", "www.example.com"},
    {"leaf-rsa-pss.der", "int-rsa.der", "root-rsa.der", "www.example.com"},
    {"xleaf.der", "xnew-by-old.der,xint.der", "xold.der,xnew.der", "www.example.com"},
    {"leaf-nc-ok.der", "int-nc.der", "root-rsa.der", "a.example.com"},
};
#define NCHAINS (sizeof(chains) / sizeof(chains[0]))

static struct xcv_verifier verifier;
static struct xcv_chain_fixture fixtures[NCHAINS];

static int setup(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCHAINS; i++) {
        if (xcv_chain_fixture_load(&fixtures[i], chains[i].leaf, chains[i].ints,
                                   chains[i].anchors) != 0) {
            return -1;
        }
    }
    xcv_test_malloc_count_install();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCHAINS; i++) {
        xcv_chain_fixture_free(&fixtures[i]);
    }
    return 0;
}

static xcv_err verify_one(size_t i, struct xcv_result *r)
{
    struct xcv_params p;
    struct xcv_ref ref;
    struct xcv_trace_entry tr[4];
    xcv_params_default(&p);
    if (xcv_time_from_civil(2026, 6, 1, 0, 0, 0, &p.now) != XCV_OK) {
        return XCV_ERR_INVALID_ARGUMENT;
    }
    p.trace = tr;
    p.trace_cap = 4;
    ref.type = XCV_REF_DNS;
    ref.name.p = (const uint8_t *)chains[i].ref;
    ref.name.n = strlen(chains[i].ref);
    return xcv_verify(&verifier, &p, &fixtures[i].store.base, fixtures[i].certs,
                      fixtures[i].ncerts, &ref, r);
}

static void test_counter_works(void **state)
{
    (void)state;
    /* The counter itself must see an allocation, or the zero below means nothing. */
    xcv_test_malloc_count_probe();
    assert_true(xcv_test_malloc_count_allocs() >= 1);
    assert_true(xcv_test_malloc_count_frees() >= 1);
}

static void test_verify_allocates_nothing(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCHAINS; i++) {
        struct xcv_result r;
        xcv_test_malloc_count_start();
        xcv_err err = verify_one(i, &r);
        xcv_test_malloc_count_stop();
        assert_int_equal(err, XCV_OK);
        assert_int_equal(xcv_test_malloc_count_allocs(), 0);
        assert_int_equal(xcv_test_malloc_count_frees(), 0);
    }
    /* A failing verification too (backtracking, unknown issuer). */
    {
        struct xcv_result r;
        struct xcv_params p;
        xcv_params_default(&p);
        xcv_test_malloc_count_start();
        xcv_err err = xcv_verify(&verifier, &p, &fixtures[1].store.base, fixtures[0].certs,
                                 fixtures[0].ncerts, NULL, &r);
        xcv_test_malloc_count_stop();
        assert_int_not_equal(err, XCV_OK);
        assert_int_equal(xcv_test_malloc_count_allocs(), 0);
    }
}

/* ---------------------------------------------------------------- stack */

#define STACK_SIZE (1024 * 1024)
#define PATTERN    0xA5

struct job {
    int run_verify;
    xcv_err worst;
};

static void *thread_main(void *arg)
{
    struct job *j = arg;
    j->worst = XCV_OK;
    if (j->run_verify) {
        for (size_t i = 0; i < NCHAINS; i++) {
            struct xcv_result r;
            xcv_err err = verify_one(i, &r);
            if (err != XCV_OK) {
                j->worst = err;
            }
        }
    }
    return NULL;
}

static size_t stack_used(int run_verify, xcv_err *out_err)
{
    uint8_t *stack = NULL;
    pthread_attr_t attr;
    pthread_t t;
    struct job j;
    size_t used;

    assert_int_equal(posix_memalign((void **)&stack, 4096, STACK_SIZE), 0);
    memset(stack, PATTERN, STACK_SIZE);
    assert_int_equal(pthread_attr_init(&attr), 0);
    assert_int_equal(pthread_attr_setstack(&attr, stack, STACK_SIZE), 0);
    j.run_verify = run_verify;
    assert_int_equal(pthread_create(&t, &attr, thread_main, &j), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    pthread_attr_destroy(&attr);
    /* The stack grows down: untouched bytes are at the low end. */
    size_t untouched = 0;
    while (untouched < STACK_SIZE && stack[untouched] == PATTERN) {
        untouched++;
    }
    used = STACK_SIZE - untouched;
    free(stack);
    *out_err = j.worst;
    return used;
}

static void test_sizes(void **state)
{
    xcv_err e0, e1;
    (void)state;
    size_t base = stack_used(0, &e0);
    size_t with = stack_used(1, &e1);
    assert_int_equal(e1, XCV_OK);
    assert_true(with > base);
    printf("sizeof(struct xcv_verifier) = %zu bytes\n", sizeof(struct xcv_verifier));
    printf("sizeof(struct xcv_cert) = %zu bytes, sizeof(struct xcv_result) = %zu bytes\n",
           sizeof(struct xcv_cert), sizeof(struct xcv_result));
#ifdef XCV_TEST_ASAN
    printf("xcv_verify stack high-water mark = %zu bytes (AddressSanitizer build; thread "
           "baseline %zu subtracted)\n",
           with - base, base);
#else
    printf("xcv_verify stack high-water mark = %zu bytes (thread baseline %zu subtracted)\n",
           with - base, base);
#endif
    /* A budget for regressions: far below a default 8 MiB thread stack. */
    assert_true(with - base < 256 * 1024);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counter_works),
        cmocka_unit_test(test_verify_allocates_nothing),
        cmocka_unit_test(test_sizes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
