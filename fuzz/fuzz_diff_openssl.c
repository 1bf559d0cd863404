/*
 * fuzz_diff_openssl.c -- differential target: the same bytes through
 * xcv_cert_parse and OpenSSL's d2i_X509 (+ re-encode with i2d_X509).
 *
 * - xcv accepts, OpenSSL rejects: xcv is more lenient -> abort (a bug).
 * - xcv accepts, OpenSSL accepts but re-encodes to different bytes: the
 *   input was not DER, xcv should have rejected -> abort.
 * - xcv rejects, OpenSSL accepts: must be a documented difference in
 *   diff_allowlist.h (xcv stricter), else abort.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/x509.h>

#include "diff_allowlist.h"
#include "xcv.h"
#ifdef XCV_FUZZ_TLV_MUTATOR
#include "tlv_mutator.h"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int allowed(xcv_err e)
{
    for (size_t i = 0; i < sizeof xcv_diff_stricter / sizeof xcv_diff_stricter[0]; i++) {
        if (xcv_diff_stricter[i].err == e) {
            return 1;
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct xcv_cert c;
    xcv_err e = xcv_cert_parse((xcv_slice){data, size}, &c, NULL);

    const unsigned char *p = data;
    X509 *x = d2i_X509(NULL, &p, (long)size);
    int ossl_ok = x != NULL && p == data + size;
    unsigned char *re = NULL;
    int relen = -1;
    if (ossl_ok) {
        relen = i2d_X509(x, &re);
    }

    if (e == XCV_OK && !ossl_ok) {
        fprintf(stderr, "diff: xcv accepts a certificate OpenSSL rejects\n");
        abort();
    }
    if (e == XCV_OK && ossl_ok && (relen < 0 || (size_t)relen != size || memcmp(re, data, size) != 0)) {
        fprintf(stderr, "diff: xcv accepts non-canonical DER (OpenSSL re-encodes it)\n");
        abort();
    }
    if (e != XCV_OK && ossl_ok && !allowed(e)) {
        fprintf(stderr, "diff: undocumented difference: xcv rejects with %s\n", xcv_err_name(e));
        abort();
    }
    OPENSSL_free(re);
    X509_free(x);
    return 0;
}
