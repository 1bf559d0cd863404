/* selftest_clean.c -- NOT part of the library: a clean object (const table,
 * memcpy) that tests/abi/check-objects --sections must accept. */
#include <stddef.h>
#include <string.h>

static const char *const xcv_selftest_names[] = {"a", "b"};

const char *xcv_selftest_name(size_t i, char *out, size_t cap);

const char *xcv_selftest_name(size_t i, char *out, size_t cap)
{
    if (i < 2 && cap >= 2) {
        memcpy(out, xcv_selftest_names[i], 2);
    }
    return xcv_selftest_names[i & 1];
}
