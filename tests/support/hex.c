/* hex.c -- see hex.h. Test code: uses stdio and malloc freely. */
#include "hex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int xcv_test_hex_digit(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

size_t xcv_test_hex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = 0;
    int hi = -1;
    for (; *hex; hex++) {
        if (*hex == ' ' || *hex == ':' || *hex == '\n' || *hex == '\t') {
            continue;
        }
        int v = xcv_test_hex_digit((unsigned char)*hex);
        if (v < 0) {
            return (size_t)-1;
        }
        if (hi < 0) {
            hi = v;
        } else {
            if (n >= cap) {
                return (size_t)-1;
            }
            out[n++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    return hi < 0 ? n : (size_t)-1;
}

static int b64_value(char ch)
{
    if (ch >= 'A' && ch <= 'Z') {
        return ch - 'A';
    }
    if (ch >= 'a' && ch <= 'z') {
        return ch - 'a' + 26;
    }
    if (ch >= '0' && ch <= '9') {
        return ch - '0' + 52;
    }
    if (ch == '+') {
        return 62;
    }
    if (ch == '/') {
        return 63;
    }
    return -1;
}

size_t xcv_test_base64(const char *p, const char *end, uint8_t *out, size_t cap)
{
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t n = 0;
    int pad = 0;
    for (; p < end; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') {
            continue;
        }
        if (*p == '=') {
            pad++;
            continue;
        }
        int v = b64_value(*p);
        if (v < 0 || pad) {
            return (size_t)-1;
        }
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (n >= cap) {
                return (size_t)-1;
            }
            out[n++] = (uint8_t)(acc >> bits);
        }
    }
    return n;
}

uint8_t *xcv_test_read_file(const char *path, size_t *out_len)
{
    char full[4096];
    const char *root = getenv("XCV_SOURCE_DIR");
    if (path[0] != '/' && root != NULL) {
        snprintf(full, sizeof full, "%s/%s", root, path);
    } else {
        snprintf(full, sizeof full, "%s", path);
    }
    FILE *f = fopen(full, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf != NULL) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) {
            break;
        }
        uint8_t *nb = realloc(buf, cap * 2);
        if (nb == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (buf != NULL) {
        *out_len = n;
    }
    return buf;
}
