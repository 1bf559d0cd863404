/*
 * psl.h -- compact public-suffix check for wildcard matching.
 */
#ifndef XCV_PSL_H
#define XCV_PSL_H

#include "internal.h"

/*
 * 1 when name (ASCII, no trailing dot, compared case-insensitively) is a
 * public suffix by xcv's minimal list: any single label (every TLD), or one
 * of the common ICANN second-level suffixes listed in psl.c. 0 otherwise.
 */
int xcv_psl_is_public_suffix(const uint8_t *name, size_t n);

#endif
