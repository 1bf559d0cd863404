/*
 * fuzz_pem.c -- libFuzzer target: PEM decoding into a fixed buffer.
 * Properties: the decoded length never exceeds the buffer, the input view
 * only shrinks, and the loop always terminates.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "xcv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Results deliberately unused: only survival and invariants matter here. */
#define XCV_IGNORE(e) do { if ((e) != XCV_OK) { } } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t caps[] = {0, 1, 64, 4096, 65536};
    uint8_t *out = malloc(65536);
    if (out == NULL) {
        return 0;
    }
    for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
        xcv_slice in = {data, size};
        for (;;) {
            size_t len = (size_t)-1;
            size_t before = in.n;
            xcv_err e = xcv_pem_next(&in, out, caps[c], &len);
            if (in.n > before || (in.n > 0 && (in.p < data || in.p + in.n != data + size))) {
                abort();
            }
            if (e == XCV_OK) {
                if (len > caps[c] || in.n == before) {
                    abort();
                }
                struct xcv_cert cert;
                XCV_IGNORE(xcv_cert_parse((xcv_slice){out, len}, &cert, NULL));
                continue;
            }
            if (e == XCV_ERR_PEM_NOT_FOUND || in.n == before) {
                break;
            }
        }
    }
    free(out);
    return 0;
}
