/* hex.h -- test helper: hex and base64 text to bytes, and file loading. */
#ifndef XCV_TEST_HEX_H
#define XCV_TEST_HEX_H

#include <stddef.h>
#include <stdint.h>

/* Decodes hex (spaces and ':' ignored) into out; returns the length, or (size_t)-1. */
size_t xcv_test_hex(const char *hex, uint8_t *out, size_t cap);

/* The value of one hex digit (either case), or -1. */
int xcv_test_hex_digit(int c);

/*
 * The tests' own base64 decoder (so that tests of the parser do not depend
 * on the library's PEM module): decodes [p, end), skipping spaces, tabs and
 * line breaks; '=' padding may only end the text. Returns the length, or
 * (size_t)-1 on a bad character, data after padding, or overflow.
 */
size_t xcv_test_base64(const char *p, const char *end, uint8_t *out, size_t cap);

/* Reads a whole file (path relative to XCV_SOURCE_DIR when not absolute) into a
 * malloc'd buffer; returns NULL on failure. */
uint8_t *xcv_test_read_file(const char *path, size_t *out_len);

#endif
