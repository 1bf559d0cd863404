/*
 * fuzz_der.c -- libFuzzer target: the strict DER reader walked to full depth,
 * and every primitive decoder applied to every TLV it meets.
 * Properties: a successful read returns a value inside the input and
 * consumes exactly tag+length+value; decoders never read outside the value.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "der.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Results deliberately unused: only survival and invariants matter here. */
#define XCV_IGNORE(e) do { if ((e) != XCV_OK) { } } while (0)

static void check_inside(xcv_slice outer, xcv_slice inner)
{
    if (inner.n == 0) {
        return;
    }
    if (inner.p < outer.p || inner.n > outer.n || (size_t)(inner.p - outer.p) > outer.n - inner.n) {
        abort();
    }
}

static void primitives(uint8_t tag, xcv_slice v)
{
    xcv_slice out;
    unsigned unused;
    uint32_t bits;
    uint64_t u;
    int b;
    xcv_time t;

    switch (tag) {
    case XCV_TAG_INTEGER:
        if (xcv_der_check_integer(v) == XCV_OK) {
            if (xcv_der_integer_unsigned(v, &out) == XCV_OK) {
                check_inside(v, out);
            }
            XCV_IGNORE(xcv_der_integer_small(v, UINT64_MAX, &u));
        }
        break;
    case XCV_TAG_BOOLEAN:
        XCV_IGNORE(xcv_der_boolean(v, &b));
        break;
    case XCV_TAG_BIT_STRING:
        if (xcv_der_bit_string(v, &out, &unused) == XCV_OK) {
            check_inside(v, out);
            if (unused > 7) {
                abort();
            }
        }
        XCV_IGNORE(xcv_der_bit_string_octets(v, &out));
        XCV_IGNORE(xcv_der_named_bits(v, &bits));
        break;
    case XCV_TAG_OID:
        XCV_IGNORE(xcv_der_check_oid(v));
        break;
    case XCV_TAG_NULL:
        XCV_IGNORE(xcv_der_check_null(v));
        break;
    case XCV_TAG_UTC_TIME:
    case XCV_TAG_GENERALIZED_TIME:
        if (xcv_der_time(tag, v, &t) == XCV_OK) {
            char buf[21];
            xcv_time_format(t, buf);
        }
        break;
    default:
        XCV_IGNORE(xcv_der_check_string(tag, v));
        break;
    }
}

static void walk(xcv_slice in, unsigned depth)
{
    xcv_slice rd = in;
    while (rd.n > 0 && depth < XCV_DER_MAX_DEPTH) {
        uint8_t tag;
        xcv_slice v, tlv;
        size_t before = rd.n;
        if (xcv_der_read_any(&rd, &tag, &v, &tlv) != XCV_OK) {
            if (rd.n != before) {
                abort(); /* a failed read must not advance */
            }
            return;
        }
        check_inside(in, tlv);
        check_inside(tlv, v);
        if (tlv.n != before - rd.n || tlv.n <= v.n) {
            abort();
        }
        if (tag & 0x20) {
            walk(v, depth + 1);
        } else {
            primitives(tag, v);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xcv_slice in = {data, size};
    XCV_IGNORE(xcv_der_walk(in, 0));
    walk(in, 0);
    return 0;
}
