/*
 * bench_alloc.c -- malloc interposer of the benchmark binary.
 *
 * The executable defines malloc/calloc/realloc/free (and the aligned
 * variants) itself; the dynamic linker binds every shared library (OpenSSL,
 * GnuTLS, mbedTLS, wolfSSL, ...) to these definitions, which count the call
 * while counting is on and forward to glibc's __libc_* entry points.
 * Counting is switched on only around one FULL call on the main thread.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>

#include "bench.h"

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t k, size_t n);
extern void *__libc_realloc(void *p, size_t n);
extern void *__libc_memalign(size_t align, size_t n);
extern void __libc_free(void *p);

static volatile int counting;
static volatile unsigned long calls;

void bench_alloc_count(int on)
{
    counting = on;
}

unsigned long bench_alloc_calls(void)
{
    return calls;
}

void bench_alloc_reset(void)
{
    calls = 0;
}

static void tick(void)
{
    if (counting) {
        calls++;
    }
}

void *malloc(size_t n)
{
    tick();
    return __libc_malloc(n);
}

void *calloc(size_t k, size_t n)
{
    tick();
    return __libc_calloc(k, n);
}

void *realloc(void *p, size_t n)
{
    tick();
    return __libc_realloc(p, n);
}

void free(void *p)
{
    __libc_free(p);
}

void *memalign(size_t align, size_t n)
{
    tick();
    return __libc_memalign(align, n);
}

void *aligned_alloc(size_t align, size_t n)
{
    tick();
    return __libc_memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
    tick();
    void *p = __libc_memalign(align, n);
    if (p == NULL) {
        return ENOMEM;
    }
    *out = p;
    return 0;
}
