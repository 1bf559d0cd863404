/*
 * tlv_mutator.h -- structure-aware libFuzzer mutator for DER inputs.
 *
 * Included by the certificate-shaped targets (fuzz_cert, fuzz_verify,
 * fuzz_diff_openssl) and compiled only when XCV_FUZZ_TLV_MUTATOR is
 * defined (fuzz/CMakeLists.txt: option XCV_FUZZ_TLV_MUTATOR, the replay
 * driver never sees it).
 *
 * The input is parsed as a tree of BER-ish TLVs (one-byte tags, definite
 * lengths; OCTET STRING and BIT STRING contents that are themselves DER
 * are descended into, as extnValue and subjectPublicKey are). One node is
 * picked and mutated in the tree -- its content bytes through
 * LLVMFuzzerMutate, deleted, duplicated, replaced by another node's bytes,
 * or retagged -- and the tree is re-serialised with every enclosing
 * length recomputed (minimal DER lengths). So mutations land deep inside
 * a certificate without the outer framing rejecting them first. One
 * mutation in four is a plain byte-level LLVMFuzzerMutate, which keeps
 * length-field and framing bugs reachable.
 *
 * Measured effect (scripts/fuzz, see the README): kept only for the
 * targets where it raised coverage.
 */
#ifndef XCV_FUZZ_TLV_MUTATOR_H
#define XCV_FUZZ_TLV_MUTATOR_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

#define TLVM_MAX_NODES 1024
#define TLVM_MAX_DEPTH 24

struct tlvm_node {
    uint8_t tag;
    uint8_t prefix_len;  /* 1 for BIT STRING's unused-bits octet when descended */
    uint8_t prefix;
    int first_child;     /* -1: primitive (content below) */
    int next;            /* next sibling, -1 at the end */
    const uint8_t *raw;  /* the original TLV bytes */
    size_t raw_n;
    const uint8_t *content;
    size_t content_n;
    int deleted, dup;
};

struct tlvm {
    struct tlvm_node nodes[TLVM_MAX_NODES];
    int count;
};

static int tlvm_header(const uint8_t *p, size_t n, uint8_t *tag, size_t *hdr, size_t *len)
{
    if (n < 2 || (p[0] & 0x1f) == 0x1f) {
        return 0;
    }
    *tag = p[0];
    if (p[1] < 0x80) {
        *len = p[1];
        *hdr = 2;
    } else {
        size_t k = p[1] & 0x7f;
        if (k == 0 || k > 3 || n < 2 + k) {
            return 0;
        }
        size_t l = 0;
        for (size_t i = 0; i < k; i++) {
            l = (l << 8) | p[2 + i];
        }
        *len = l;
        *hdr = 2 + k;
    }
    return *len <= n - *hdr;
}

/* Parses p[0..n) as a list of TLVs; returns the first node index, -2 on failure. */
static int tlvm_parse_list(struct tlvm *t, const uint8_t *p, size_t n, int depth)
{
    int first = -1, last = -1;
    size_t off = 0;
    int mark = t->count;
    while (off < n) {
        uint8_t tag;
        size_t hdr, len;
        if (t->count >= TLVM_MAX_NODES || !tlvm_header(p + off, n - off, &tag, &hdr, &len)) {
            t->count = mark;
            return -2;
        }
        int i = t->count++;
        struct tlvm_node *x = &t->nodes[i];
        memset(x, 0, sizeof *x);
        x->tag = tag;
        x->first_child = -1;
        x->next = -1;
        x->raw = p + off;
        x->raw_n = hdr + len;
        x->content = p + off + hdr;
        x->content_n = len;
        if (depth < TLVM_MAX_DEPTH && len > 0) {
            int c = -2;
            if (tag & 0x20) {
                c = tlvm_parse_list(t, x->content, len, depth + 1);
            } else if (tag == 0x04 && len >= 2 && (x->content[0] == 0x30 || x->content[0] == 0x04 ||
                                                    x->content[0] == 0x03 || x->content[0] == 0x02)) {
                c = tlvm_parse_list(t, x->content, len, depth + 1);
            } else if (tag == 0x03 && len >= 3 && x->content[0] == 0 && x->content[1] == 0x30) {
                c = tlvm_parse_list(t, x->content + 1, len - 1, depth + 1);
                if (c >= 0) {
                    x = &t->nodes[i];
                    x->prefix_len = 1;
                    x->prefix = 0;
                }
            }
            t->nodes[i].first_child = c >= 0 ? c : -1;
        }
        if (last >= 0) {
            t->nodes[last].next = i;
        } else {
            first = i;
        }
        last = i;
        off += hdr + len;
    }
    return first;
}

static size_t tlvm_len_size(size_t n)
{
    return n < 0x80 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : n < 0x1000000 ? 4 : 5;
}

/* Body size (prefix + children or content) of node i. */
static size_t tlvm_body(const struct tlvm *t, int i);

static size_t tlvm_size(const struct tlvm *t, int i)
{
    const struct tlvm_node *x = &t->nodes[i];
    if (x->deleted) {
        return 0;
    }
    size_t b = tlvm_body(t, i);
    return (1 + tlvm_len_size(b) + b) * (x->dup ? 2u : 1u);
}

static size_t tlvm_body(const struct tlvm *t, int i)
{
    const struct tlvm_node *x = &t->nodes[i];
    if (x->first_child < 0) {
        return x->content_n;
    }
    size_t b = x->prefix_len;
    for (int c = x->first_child; c >= 0; c = t->nodes[c].next) {
        b += tlvm_size(t, c);
    }
    return b;
}

static uint8_t *tlvm_emit(const struct tlvm *t, int i, uint8_t *o)
{
    const struct tlvm_node *x = &t->nodes[i];
    if (x->deleted) {
        return o;
    }
    for (int rep = 0; rep < (x->dup ? 2 : 1); rep++) {
        size_t b = tlvm_body(t, i);
        *o++ = x->tag;
        size_t ls = tlvm_len_size(b);
        if (ls == 1) {
            *o++ = (uint8_t)b;
        } else {
            *o++ = (uint8_t)(0x80 | (ls - 1));
            for (size_t k = ls - 1; k > 0; k--) {
                *o++ = (uint8_t)(b >> (8 * (k - 1)));
            }
        }
        if (x->first_child < 0) {
            if (x->content_n > 0) {
                memmove(o, x->content, x->content_n);
            }
            o += x->content_n;
        } else {
            if (x->prefix_len) {
                *o++ = x->prefix;
            }
            for (int c = x->first_child; c >= 0; c = t->nodes[c].next) {
                o = tlvm_emit(t, c, o);
            }
        }
    }
    return o;
}

static uint32_t tlvm_rand(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    static struct tlvm t;
    static uint8_t in[65536], scratch[65536], out[65536];
    uint32_t r = seed | 1u;
    if (size == 0 || size > sizeof in || max_size > sizeof out || tlvm_rand(&r) % 4 == 0) {
        return LLVMFuzzerMutate(data, size, max_size);
    }
    memcpy(in, data, size);
    t.count = 0;
    if (tlvm_parse_list(&t, in, size, 0) != 0 || t.count < 2) {
        return LLVMFuzzerMutate(data, size, max_size);
    }
    /* Never the first outermost node (index 0): keep the frame, mutate inside. */
    int i = 1 + (int)(tlvm_rand(&r) % (uint32_t)(t.count - 1));
    struct tlvm_node *x = &t.nodes[i];
    static const uint8_t tags[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x16, 0x17,
                                   0x18, 0x1e, 0x30, 0x31, 0x80, 0x81, 0x82, 0x86, 0x87, 0xa0,
                                   0xa1, 0xa3, 0xa4};
    switch (tlvm_rand(&r) % 6) {
    case 0:
    case 1: { /* mutate the content of a leaf (or of the node, flattened) */
        size_t n = x->content_n;
        size_t cap = max_size > size ? max_size - size + n : n;
        if (cap > sizeof scratch) {
            cap = sizeof scratch;
        }
        if (n > cap) {
            return LLVMFuzzerMutate(data, size, max_size);
        }
        memcpy(scratch, x->content, n);
        x->content_n = LLVMFuzzerMutate(scratch, n, cap);
        x->content = scratch;
        x->first_child = -1;
        x->prefix_len = 0;
        break;
    }
    case 2:
        x->deleted = 1;
        break;
    case 3:
        x->dup = 1;
        break;
    case 4: { /* replace by the raw bytes of another node (not an ancestor's frame) */
        const struct tlvm_node *o = &t.nodes[tlvm_rand(&r) % (uint32_t)t.count];
        uint8_t tag;
        size_t hdr, len;
        if (o->raw_n > sizeof scratch || !tlvm_header(o->raw, o->raw_n, &tag, &hdr, &len)) {
            return LLVMFuzzerMutate(data, size, max_size);
        }
        memcpy(scratch, o->raw, o->raw_n);
        x->tag = tag;
        x->content = scratch + hdr;
        x->content_n = len;
        x->first_child = -1;
        x->prefix_len = 0;
        break;
    }
    default:
        x->tag = (tlvm_rand(&r) & 1) ? tags[tlvm_rand(&r) % sizeof tags] : (uint8_t)(x->tag ^ (1u << (tlvm_rand(&r) % 8)));
        if ((x->tag & 0x1f) == 0x1f) {
            x->tag ^= 0x01;
        }
        break;
    }
    size_t n = 0;
    for (int c = 0; c >= 0; c = t.nodes[c].next) { /* the top-level list (fuzz_verify: a chain) */
        n += tlvm_size(&t, c);
    }
    if (n == 0 || n > max_size || n > sizeof out) {
        return LLVMFuzzerMutate(data, size, max_size);
    }
    uint8_t *end = out;
    for (int c = 0; c >= 0; c = t.nodes[c].next) {
        end = tlvm_emit(&t, c, end);
    }
    if ((size_t)(end - out) != n) {
        abort(); /* the size computation and the emitter disagree: a mutator bug */
    }
    memcpy(data, out, n);
    return n;
}

#endif
