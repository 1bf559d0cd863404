/*
 * fuzz_diff_openssl.c -- differential target: the same bytes through
 * xcv_cert_parse and OpenSSL's d2i_X509 (+ re-encode with i2d_X509).
 *
 * - xcv accepts, OpenSSL rejects: xcv is more lenient -> abort (a bug),
 *   unless classify() recognises a triaged row of xcv_diff_lenient.
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

/* OpenSSL's X509_NAME_ENTRY value is an ASN1_PRINTABLE MSTRING: the
 * universal tags its tag2bit table maps into B_ASN1_PRINTABLE (crypto/asn1/
 * tasn_dec.c): BIT STRING, UTF8String, NumericString, PrintableString,
 * T61String, IA5String, UniversalString, BMPString, SEQUENCE and the tags
 * it calls B_ASN1_UNKNOWN (7, 8, 9, 11, 13, 14, 15, 29). */
static int openssl_dn_value_tag(uint8_t tag)
{
    switch (tag) {
    case 0x03: case 0x07: case 0x08: case 0x09: case 0x0b: case 0x0c: case 0x0d: case 0x0e:
    case 0x0f: case 0x12: case 0x13: case 0x14: case 0x16: case 0x1c: case 0x1d: case 0x1e:
    case 0x30:
        return 1;
    default:
        return 0;
    }
}

static int dn_value_outside_openssl(xcv_slice name)
{
    xcv_dn_iter it;
    struct xcv_dn_attr a;
    xcv_dn_iter_init(&it, name);
    while (xcv_dn_next(&it, &a)) {
        if (!openssl_dn_value_tag(a.str_tag)) {
            return 1;
        }
    }
    return 0;
}

/* Which triaged lenient difference explains "xcv accepts, OpenSSL rejects"; -1: none. */
static int classify(const struct xcv_cert *c)
{
    /* No lenient difference is open (see diff_allowlist.h): any case where
     * xcv accepts what OpenSSL rejects is a bug; say which kind it looks like. */
    if (dn_value_outside_openssl(c->issuer) || dn_value_outside_openssl(c->subject)) {
        fprintf(stderr, "diff: (regression of the fixed DN attribute value rule)\n");
    }
    return -1;
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

    if (e == XCV_OK && !ossl_ok && classify(&c) < 0) {
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
