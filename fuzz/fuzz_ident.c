/*
 * fuzz_ident.c -- libFuzzer target: reference-identity parsing and matching
 * (host, IP, email, URI) against SAN lists built from the input, and
 * name-constraint evaluation with subtrees built from the input.
 *
 * Input layout: [type][flags][reflen][ref...][split][rest...]; rest is cut
 * at split into the certificate's GeneralNames (SAN), and the permitted and
 * excluded subtree lists. Property: never crash, budget always respected.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nc.h"
#include "xcv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Results deliberately unused: only survival and invariants matter here. */
#define XCV_IGNORE(e) do { if ((e) != XCV_OK) { } } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4) {
        return 0;
    }
    struct xcv_ref ref;
    ref.type = (xcv_ref_type)(data[0] % 5);
    uint32_t flags = (data[1] & 1) ? XCV_FLAG_CN_FALLBACK : 0;
    size_t reflen = data[2];
    data += 3;
    size -= 3;
    if (reflen > size) {
        reflen = size;
    }
    ref.name.p = data;
    ref.name.n = reflen;
    data += reflen;
    size -= reflen;

    XCV_IGNORE(xcv_ref_check(&ref));

    size_t a = 0, b = 0;
    if (size > 0) {
        a = (size_t)data[0] * size / 256;
        b = a + (size - a) / 2;
        data++;
        size--;
        if (a > size) {
            a = size;
        }
        if (b > size) {
            b = size;
        }
    }
    struct xcv_cert c;
    memset(&c, 0, sizeof c);
    c.version = 3;
    c.san.p = data;
    c.san.n = a;
    c.ext_present = a ? XCV_EXT_SUBJECT_ALT_NAME : 0;
    /* subject: a fixed Name with a CN "example.com" */
    static const uint8_t subj[] = {0x30, 0x16, 0x31, 0x14, 0x30, 0x12, 0x06, 0x03, 0x55, 0x04,
                                   0x03, 0x0c, 0x0b, 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'c',
                                   'o', 'm'};
    c.subject.p = subj;
    c.subject.n = sizeof subj;
    c.issuer = c.subject;

    unsigned reasons = 0xdead;
    xcv_err m = xcv_ident_match(&c, &ref, flags);
    if (xcv_ident_explain(&c, &ref, flags, &reasons) != m || (m == XCV_OK && reasons != 0)) {
        abort(); /* explain must give match's verdict */
    }
    size_t cnt = xcv_ident_list(&c, NULL, 0, NULL, NULL);
    struct xcv_general_name gns[3];
    if (xcv_ident_list(&c, gns, 3, NULL, NULL) != cnt) {
        abort();
    }
    /* IP formatting of raw bytes: the length needed does not depend on cap */
    if (reflen <= 32) {
        char small[5], big[128];
        size_t need = xcv_ip_format(ref.name.p, reflen, big, sizeof big);
        if (need >= sizeof big || strlen(big) != need ||
            xcv_ip_format(ref.name.p, reflen, small, sizeof small) != need || strlen(small) >= sizeof small) {
            abort();
        }
    }

    xcv_slice permitted = {data + a, b - a};
    xcv_slice excluded = {data + b, size - b};
    unsigned long budget = 5000;
    XCV_IGNORE(xcv_nc_validate(permitted));
    XCV_IGNORE(xcv_nc_validate(excluded));
    XCV_IGNORE(xcv_nc_check(&c, 1, permitted, excluded, &budget));
    if (budget > 5000) {
        abort();
    }
    budget = 5000;
    XCV_IGNORE(xcv_nc_check(&c, 0, permitted, excluded, &budget));
    return 0;
}
