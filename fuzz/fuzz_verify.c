/*
 * fuzz_verify.c -- libFuzzer target: a chain built from the input (split
 * into consecutive DER TLVs, at most 10), verified against a fixed anchor
 * set and also with the input's own last certificate as anchor, at several
 * times and names. Properties: never crash or hang; budgets respected;
 * never XCV_OK without an anchor; the reported path is inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "der.h"
#include "fuzz_anchors.h"
#include "xcv.h"
#ifdef XCV_FUZZ_TLV_MUTATOR
#include "tlv_mutator.h"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXC 10

static void check(const struct xcv_params *p, const struct xcv_result *r, size_t n)
{
    if (r->sig_checks > p->sig_budget || r->candidates > p->candidate_budget ||
        r->nc_checks > p->nc_budget || r->path_len > XCV_MAX_DEPTH) {
        abort();
    }
    if (r->err == XCV_OK && (r->anchor == NULL || r->path_len == 0 || r->path[0] != 0)) {
        abort();
    }
    for (size_t i = 0; i < r->path_len; i++) {
        if (r->path[i] < 0 || (size_t)r->path[i] >= n) {
            abort();
        }
    }
    if (r->cert_index != XCV_INDEX_NONE && r->cert_index != XCV_INDEX_ANCHOR &&
        (r->cert_index < 0 || (size_t)r->cert_index >= n)) {
        abort();
    }
    if (p->trace_cap < r->trace_len) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct xcv_verifier v;
    xcv_slice certs[MAXC];
    size_t n = 0;
    xcv_slice rd = {data, size};
    while (rd.n > 0 && n < MAXC) {
        uint8_t tag;
        xcv_slice val, tlv;
        if (xcv_der_read_any(&rd, &tag, &val, &tlv) != XCV_OK) {
            break;
        }
        certs[n++] = tlv;
    }
    if (n == 0) {
        return 0;
    }

    struct xcv_anchor storage[4];
    struct xcv_anchors_sorted fixed;
    xcv_anchors_sorted_init(&fixed, storage, 4);
    const xcv_slice roots[] = {
        {fuzz_anchor_root_rsa, sizeof fuzz_anchor_root_rsa},
        {fuzz_anchor_root_p256, sizeof fuzz_anchor_root_p256},
        {fuzz_anchor_root_rsa4096, sizeof fuzz_anchor_root_rsa4096},
    };
    for (size_t i = 0; i < 3; i++) {
        struct xcv_anchor a;
        if (xcv_anchor_from_cert(roots[i], &a) != XCV_OK || xcv_anchors_sorted_add(&fixed, &a) != XCV_OK) {
            abort(); /* the fixed anchors are known-good */
        }
    }
    xcv_anchors_sorted_finish(&fixed);

    struct xcv_anchor own_storage[1];
    struct xcv_anchors_sorted own;
    xcv_anchors_sorted_init(&own, own_storage, 1);
    struct xcv_anchor a;
    int have_own = xcv_anchor_from_cert(certs[n - 1], &a) == XCV_OK &&
                   xcv_anchors_sorted_add(&own, &a) == XCV_OK;
    xcv_anchors_sorted_finish(&own);

    static const xcv_time times[] = {1780272000 /* 2026-06-01 */, 0, 4102444800 /* 2100 */};
    static const struct xcv_ref refs[] = {
        {XCV_REF_DNS, {(const uint8_t *)"www.example.com", 15}},
        {XCV_REF_IP, {(const uint8_t *)"192.0.2.1", 9}},
        {XCV_REF_NONE, {NULL, 0}},
    };
    struct xcv_trace_entry trace[8];
    for (size_t t = 0; t < 3; t++) {
        struct xcv_params p;
        struct xcv_result r;
        xcv_params_default(&p);
        p.now = times[t];
        p.trace = trace;
        p.trace_cap = t == 0 ? 8 : 0;
        p.purpose = (xcv_purpose)(t % 3);
        if (xcv_verify(&v, &p, &fixed.base, certs, n, &refs[t], &r) == XCV_OK) {
            check(&p, &r, n);
        }
        check(&p, &r, n);
        if (have_own) {
            xcv_err e = xcv_verify(&v, &p, &own.base, certs, n, &refs[t], &r);
            if (e != r.err) {
                abort();
            }
            check(&p, &r, n);
        }
    }
    return 0;
}
