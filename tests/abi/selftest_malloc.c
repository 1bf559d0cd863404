/* selftest_malloc.c -- NOT part of the library. tests/abi/selftest compiles
 * it and checks that tests/abi/check-objects rejects it (heap and stdio use),
 * so the zero-allocation test is known to be able to fail. */
#include <stdio.h>
#include <stdlib.h>

void *xcv_selftest_alloc(size_t n);

void *xcv_selftest_alloc(size_t n)
{
    void *p = malloc(n);
    if (p == NULL) {
        fputs("out of memory\n", stderr);
    }
    return p;
}
