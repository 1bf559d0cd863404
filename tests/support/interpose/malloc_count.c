/*
 * malloc_count.c -- see ../malloc_count.h. Built as its own static library
 * (tests/malloc_count.cmake) linked only to the tests that count heap calls,
 * because in plain builds it defines malloc, calloc, realloc and free.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdlib.h>

#include "malloc_count.h"

#if defined(__SANITIZE_ADDRESS__)
#define XCV_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XCV_TEST_ASAN 1
#endif
#endif

static volatile int counting;
static volatile unsigned long alloc_calls;
static volatile unsigned long free_calls;

#ifdef XCV_TEST_ASAN
/* From <sanitizer/allocator_interface.h> (not shipped with every compiler). */
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
                                              void (*free_hook)(const volatile void *));

static void on_malloc(const volatile void *p, size_t n)
{
    (void)p;
    (void)n;
    if (counting) {
        alloc_calls++;
    }
}

static void on_free(const volatile void *p)
{
    (void)p;
    if (counting) {
        free_calls++;
    }
}

void xcv_test_malloc_count_install(void)
{
    __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
}
#else
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t m);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

void *malloc(size_t n)
{
    if (counting) {
        alloc_calls++;
    }
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t m)
{
    if (counting) {
        alloc_calls++;
    }
    return __libc_calloc(n, m);
}

void *realloc(void *p, size_t n)
{
    if (counting) {
        alloc_calls++;
    }
    return __libc_realloc(p, n);
}

void free(void *p)
{
    if (counting && p != NULL) {
        free_calls++;
    }
    __libc_free(p);
}

void xcv_test_malloc_count_install(void)
{
}
#endif

void xcv_test_malloc_count_start(void)
{
    alloc_calls = 0;
    free_calls = 0;
    counting = 1;
}

void xcv_test_malloc_count_stop(void)
{
    counting = 0;
}

unsigned long xcv_test_malloc_count_allocs(void)
{
    return alloc_calls;
}

unsigned long xcv_test_malloc_count_frees(void)
{
    return free_calls;
}

unsigned long xcv_test_malloc_count_calls(void)
{
    return alloc_calls + free_calls;
}

void xcv_test_malloc_count_probe(void)
{
    xcv_test_malloc_count_start();
    void *volatile p = malloc(64);
    free(p);
    xcv_test_malloc_count_stop();
}
