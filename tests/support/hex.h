/* hex.h -- test helper: hex text to bytes, and file loading. */
#ifndef XCV_TEST_HEX_H
#define XCV_TEST_HEX_H

#include <stddef.h>
#include <stdint.h>

/* Decodes hex (spaces and ':' ignored) into out; returns the length, or (size_t)-1. */
size_t xcv_test_hex(const char *hex, uint8_t *out, size_t cap);

/* Reads a whole file (path relative to XCV_SOURCE_DIR when not absolute) into a
 * malloc'd buffer; returns NULL on failure. */
uint8_t *xcv_test_read_file(const char *path, size_t *out_len);

#endif
