/*
 * internal.h -- helpers shared by the core modules: slice helpers, the
 * error-propagation macros, ASCII helpers (no locale).
 */
#ifndef XCV_INTERNAL_H
#define XCV_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "xcv.h"

#define XCV_TRY(e)                                                                                \
    do {                                                                                          \
        xcv_err xcv_e_ = (e);                                                                     \
        if (xcv_e_ != XCV_OK) {                                                                   \
            return xcv_e_;                                                                        \
        }                                                                                         \
    } while (0)

#define XCV_ENSURE(c, err)                                                                        \
    do {                                                                                          \
        if (!(c)) {                                                                               \
            return (err);                                                                         \
        }                                                                                         \
    } while (0)

#define XCV_HIDDEN __attribute__((visibility("hidden")))

static inline xcv_slice xcv_slice_make(const uint8_t *p, size_t n)
{
    xcv_slice s;
    s.p = p;
    s.n = n;
    return s;
}

static inline xcv_slice xcv_slice_empty(void)
{
    xcv_slice s;
    s.p = NULL;
    s.n = 0;
    return s;
}

static inline int xcv_slice_eq(xcv_slice a, xcv_slice b)
{
    return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

static inline int xcv_ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Case-insensitive (ASCII only) comparison of two byte strings. */
static inline int xcv_ascii_eq_nocase(const uint8_t *a, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (xcv_ascii_lower(a[i]) != xcv_ascii_lower(b[i])) {
            return 0;
        }
    }
    return 1;
}

#endif
