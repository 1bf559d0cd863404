/*
 * malloc_count.h -- test helper: counts heap calls (malloc, calloc, realloc,
 * free) between xcv_test_malloc_count_start and _stop, to prove that code
 * under test allocates nothing.
 *
 *   plain builds:  tests/support/interpose/malloc_count.c defines malloc,
 *                  calloc, realloc and free, which count and forward to
 *                  glibc's __libc_* functions (no dlsym, so no recursion
 *                  during symbol lookup);
 *   AddressSanitizer builds (where interposing malloc would fight ASan's own
 *                  interceptors): ASan's
 *                  __sanitizer_install_malloc_and_free_hooks, whose hooks see
 *                  every allocation and deallocation.
 *
 * Linking: the interposer is NOT in the support library every test links
 * (any test calling malloc would pull an archive member defining malloc into
 * its executable). It is its own library, xcv_test_malloc_count, linked only
 * to the tests that count (tests/malloc_count.cmake).
 */
#ifndef XCV_TEST_MALLOC_COUNT_H
#define XCV_TEST_MALLOC_COUNT_H

/* Sets the counter up (ASan: installs the hooks); call once, e.g. in setup. */
void xcv_test_malloc_count_install(void);

/* Zeroes the counts and starts counting. */
void xcv_test_malloc_count_start(void);

/* Stops counting (the counts are kept). */
void xcv_test_malloc_count_stop(void);

/* malloc, calloc and realloc calls counted. */
unsigned long xcv_test_malloc_count_allocs(void);

/* free calls counted (a plain build does not count free(NULL)). */
unsigned long xcv_test_malloc_count_frees(void);

/* Both together: every heap call counted. */
unsigned long xcv_test_malloc_count_calls(void);

/*
 * Counts one malloc(64) and its free (start, malloc, free, stop): a test
 * asserts the counts afterwards to show that the counter sees heap calls,
 * or a zero count elsewhere would mean nothing.
 */
void xcv_test_malloc_count_probe(void);

#endif
