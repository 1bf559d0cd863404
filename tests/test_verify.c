/*
 * test_verify.c -- hand-written tests of xcv_verify() for what
 * vectors/chains.tsv cannot express: parameters and flags, result fields,
 * trace, budgets, pins, store chains, anchor name constraints, the
 * signature cache, argument checks, and the per-certificate check helpers.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "chainutil.h"
#include "hex.h"
#include "anchors.h"
#include "path.h"
#include "verify.h"
#include "xcv.h"

static struct xcv_verifier verifier;

static xcv_time T(const char *iso)
{
    xcv_time t = 0;
    assert_int_equal(xcv_chain_time(iso, &t), 0);
    return t;
}

#define NOW "2026-06-01T00:00:00Z"

static struct xcv_chain_fixture *load(const char *leaf, const char *ints, const char *anchors)
{
    struct xcv_chain_fixture *f = calloc(1, sizeof(*f));
    assert_non_null(f);
    assert_int_equal(xcv_chain_fixture_load(f, leaf, ints, anchors), 0);
    return f;
}

static void unload(struct xcv_chain_fixture *f)
{
    xcv_chain_fixture_free(f);
    free(f);
}

static struct xcv_params params_at(const char *iso)
{
    struct xcv_params p;
    xcv_params_default(&p);
    p.now = T(iso);
    return p;
}

static const struct xcv_ref *dns(const char *name)
{
    static struct xcv_ref r;
    r.type = XCV_REF_DNS;
    r.name.p = (const uint8_t *)name;
    r.name.n = strlen(name);
    return &r;
}

static xcv_err run(struct xcv_chain_fixture *f, const struct xcv_params *p,
                   const struct xcv_anchor_store *store, const struct xcv_ref *ref,
                   struct xcv_result *r)
{
    xcv_err err = xcv_verify(&verifier, p, store != NULL ? store : &f->store.base, f->certs,
                             f->ncerts, ref, r);
    assert_int_equal(err, r->err);
    return err;
}

/* ---------------------------------------------------------------- params */

static void test_params_default(void **state)
{
    struct xcv_params p;
    (void)state;
    memset(&p, 0xA5, sizeof(p));
    xcv_params_default(&p);
    assert_int_equal(p.purpose, XCV_PURPOSE_SERVER);
    assert_int_equal(p.min_rsa_bits, 2048);
    assert_int_equal(p.max_depth, 8);
    assert_int_equal(p.sig_budget, 100);
    assert_int_equal(p.candidate_budget, 1000);
    assert_int_equal(p.nc_budget, 250000);
    assert_int_equal(p.flags, 0);
    assert_null(p.cache);
    assert_null(p.trace);
    assert_int_equal(p.trace_cap, 0);
    assert_int_equal(p.now, 0);
}

/* Rows of chains.tsv whose notes describe the outcome under a flag. */
static void test_flag_variants(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    (void)state;

    struct xcv_chain_fixture *f = load("leaf-rsa1024.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_RSA_KEY_TOO_SMALL);
    assert_int_equal(r.cert_index, 0);
    p.min_rsa_bits = 1024;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    unload(f);

    p = params_at(NOW);
    f = load("leaf-ca.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_LEAF_IS_CA);
    p.flags = XCV_FLAG_ALLOW_CA_LEAF;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    unload(f);

    p = params_at(NOW);
    f = load("leaf-cn.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("cn-only.example.com"), &r), XCV_ERR_NAME_MISMATCH);
    p.flags = XCV_FLAG_CN_FALLBACK;
    assert_int_equal(run(f, &p, NULL, dns("cn-only.example.com"), &r), XCV_OK);
    unload(f);

    /* NO_TIME_CHECK: the expired leaf passes (diagnostics only). */
    p = params_at(NOW);
    f = load("leaf-expired.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_EXPIRED);
    p.flags = XCV_FLAG_NO_TIME_CHECK;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    unload(f);
}

static void test_ignore_anchor_expiry(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    struct xcv_cert old;
    (void)state;

    struct xcv_chain_fixture *f = load("xleaf.der", "xint.der,xnew-by-old.der", "xold.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_ANCHOR_EXPIRED);
    assert_int_equal(r.cert_index, XCV_INDEX_ANCHOR);
    p.flags = XCV_FLAG_IGNORE_ANCHOR_EXPIRY;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_non_null(r.anchor);
    assert_int_equal(xcv_cert_parse(f->anchor_der[0], &old, NULL), XCV_OK);
    assert_true(xcv_dn_equal(r.anchor->subject, old.subject));
    assert_int_equal(r.path_len, 3); /* leaf, xint, xnew-by-old */
    unload(f);
}

/* A valid path with a wrong name: NAME_MISMATCH; an untrusted path with a
 * wrong name: the path error wins. */
static void test_name_mismatch_priority(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    (void)state;

    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.org"), &r), XCV_ERR_NAME_MISMATCH);
    assert_int_equal(r.cert_index, 0);
    assert_non_null(r.anchor);
    assert_int_equal(r.path_len, 2);
    unload(f);

    f = load("leaf-rsa.der", "int-rsa.der", "root-p256.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.org"), &r), XCV_ERR_UNKNOWN_ISSUER);
    assert_int_equal(r.cert_index, 1);
    unload(f);

    /* A malformed reference is a caller error, before any work. */
    f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("bad..name"), &r), XCV_ERR_BAD_REFERENCE);
    assert_int_equal(r.cert_index, XCV_INDEX_NONE);
    assert_int_equal(r.sig_checks, 0);
    unload(f);
}

static void test_result_fields_ok(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    (void)state;

    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.cert_index, XCV_INDEX_NONE);
    assert_int_equal(r.path_len, 2);
    assert_int_equal(r.path[0], 0);
    assert_int_equal(r.path[1], 1);
    assert_int_equal(r.path[2], XCV_INDEX_NONE);
    assert_ptr_equal(r.anchor, &f->anchors[0]);
    assert_int_equal(r.depth_reached, 3);
    assert_int_equal(r.sig_checks, 2);
    assert_int_equal(r.candidates, 2);
    assert_int_equal(r.top_index, 1);
    assert_int_equal(r.top_self_signed, 0);
    assert_int_equal(r.untrusted_issuer.n, 0);
    assert_int_equal(r.cache_hits, 0);
    assert_int_equal(r.trace_len, 0);
    assert_int_equal(r.trace_total, 2);
    unload(f);
}

static void test_unknown_issuer_fields(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    (void)state;

    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-p256.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_UNKNOWN_ISSUER);
    assert_int_equal(r.top_index, 1);
    assert_int_equal(r.top_self_signed, 0);
    assert_true(xcv_slice_eq(r.untrusted_issuer, verifier.certs[1].issuer));
    assert_int_equal(r.path_len, 2);
    assert_null(r.anchor);
    unload(f);

    f = load("leaf-rsa.der", "int-rsa.der,root-rsa.der", "root-p256.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_UNKNOWN_ISSUER);
    assert_int_equal(r.cert_index, 2);
    assert_int_equal(r.top_index, 2);
    assert_int_equal(r.top_self_signed, 1);
    assert_int_equal(r.path_len, 3);
    unload(f);
}

/* Furthest path wins over the first tried: an expired anchor at depth 3
 * beats "unknown issuer" of the cross certificate at the same depth by rank,
 * and "expired intermediate" is reported over a shallower failure. */
static void test_furthest_and_rank(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    (void)state;

    assert_true(xcv_path_rank(XCV_ERR_BAD_SIGNATURE) >
                xcv_path_rank(XCV_ERR_UNKNOWN_ISSUER));
    struct xcv_chain_fixture *f = load("xleaf.der", "xnew-by-old.der,xint.der", "xold.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_ANCHOR_EXPIRED);
    unload(f);
    /* Only the wrong twin: BAD_SIGNATURE at depth 2 beats UNKNOWN_ISSUER at depth 1. */
    f = load("leaf-twin.der", "twin1.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(r.cert_index, 0);
    unload(f);
}

static void test_trace(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    struct xcv_trace_entry tr[8];
    (void)state;

    p.trace = tr;
    p.trace_cap = 8;
    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.trace_len, 2);
    assert_int_equal(r.trace_total, 2);
    assert_int_equal(tr[0].child, 0);
    assert_int_equal(tr[0].candidate, 1);
    assert_int_equal(tr[0].depth, 2);
    assert_int_equal(tr[0].err, XCV_OK);
    assert_int_equal(tr[1].child, 1);
    assert_int_equal(tr[1].candidate, XCV_INDEX_ANCHOR);
    assert_int_equal(tr[1].depth, 3);
    assert_int_equal(tr[1].err, XCV_OK);

    /* A failed attempt is recorded with its error; a small buffer truncates. */
    p.trace_cap = 1;
    unload(f);
    f = load("leaf-twin.der", "twin1.der,twin2.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.trace_len, 1);
    assert_true(r.trace_total >= 2);
    unload(f);

    f = load("leaf-twin.der", "twin1.der", "root-rsa.der");
    p.trace_cap = 8;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(r.trace_len, 1);
    assert_int_equal(tr[0].candidate, 1);
    assert_int_equal(tr[0].err, XCV_ERR_BAD_SIGNATURE);
    unload(f);
}

static void test_budgets(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    (void)state;

    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    p.sig_budget = 1;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_SIGNATURE_BUDGET);
    assert_int_equal(r.sig_checks, 1);
    p.sig_budget = 2;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.sig_checks, 2);

    p = params_at(NOW);
    p.candidate_budget = 1;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_CANDIDATE_BUDGET);
    p.candidate_budget = 2;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.candidates, 2);

    /* Depth: leaf + intermediate + anchor needs 3. */
    p = params_at(NOW);
    p.max_depth = 2;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_PATH_TOO_LONG);
    assert_int_equal(r.sig_checks, 0);
    p.max_depth = 3;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    unload(f);

    /* The budget error is fatal: with a wrong twin first and budget 1, the
     * search stops instead of backtracking to the right twin. */
    f = load("leaf-twin.der", "twin1.der,twin2.der", "root-rsa.der");
    p = params_at(NOW);
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    unsigned full = r.sig_checks;
    assert_true(full >= 2);
    p.sig_budget = full - 1;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_SIGNATURE_BUDGET);
    unload(f);

    /* Name-constraint comparisons. */
    f = load("leaf-nc-ok.der", "int-nc.der", "root-rsa.der");
    p = params_at(NOW);
    assert_int_equal(run(f, &p, NULL, dns("a.example.com"), &r), XCV_OK);
    assert_true(r.nc_checks > 0);
    p.nc_budget = 0;
    assert_int_equal(run(f, &p, NULL, dns("a.example.com"), &r), XCV_ERR_NC_BUDGET);
    unload(f);
}

static void test_duplicates_and_extras(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    (void)state;

    struct xcv_chain_fixture *f = load(
        "leaf-rsa.der", "int-rsa.der,int-rsa.der,leaf-rsa.der,int-rsa.der,root-p256.der",
        "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.path_len, 2);
    assert_int_equal(r.path[1], 1);
    assert_int_equal(r.sig_checks, 2);
    unload(f);

    /* Garbage among the extras is ignored; a garbage leaf is an error at 0. */
    f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    static const uint8_t junk[] = {0x30, 0x03, 0x02, 0x01, 0x01};
    f->certs[2].p = malloc(sizeof(junk));
    memcpy((void *)f->certs[2].p, junk, sizeof(junk));
    f->certs[2].n = sizeof(junk);
    f->ncerts = 3;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    xcv_slice tmp = f->certs[0];
    f->certs[0] = f->certs[2];
    f->certs[2] = tmp;
    assert_int_not_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.cert_index, 0);
    unload(f);

    /* Loop: A signs B, B signs A. */
    f = load("leaf-loop.der", "loopa.der,loopb.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_UNKNOWN_ISSUER);
    assert_true(r.depth_reached <= 4);
    unload(f);
}

static void sha(xcv_slice s, uint8_t out[32])
{
    xcv_sha256(s, out);
}

static void test_pins(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    struct xcv_pin pin;
    struct xcv_anchors_pinned ps;
    struct xcv_cert c;
    (void)state;

    struct xcv_chain_fixture *f = load("leaf-self.der", "-", "-");
    assert_int_equal(run(f, &p, NULL, dns("self.example.com"), &r), XCV_ERR_UNKNOWN_ISSUER);
    assert_int_equal(r.top_self_signed, 1);

    memset(&pin, 0, sizeof(pin));
    sha(f->certs[0], pin.sha256);
    pin.kind = XCV_PIN_CERT;
    pin.until = XCV_TIME_NONE;
    xcv_anchors_pinned_init(&ps, &pin, 1);
    assert_int_equal(run(f, &p, &ps.base, dns("self.example.com"), &r), XCV_OK);
    assert_ptr_equal(r.anchor, &pin.anchor);
    assert_int_equal(r.path_len, 1);
    assert_int_equal(r.sig_checks, 0);
    assert_true((r.anchor->flags & XCV_ANCHOR_PIN) != 0);

    /* The name check still applies to a pinned leaf. */
    assert_int_equal(run(f, &p, &ps.base, dns("other.example.com"), &r), XCV_ERR_NAME_MISMATCH);

    /* "Trust for this session": until a time. */
    pin.until = p.now + 60;
    assert_int_equal(run(f, &p, &ps.base, dns("self.example.com"), &r), XCV_OK);
    pin.until = p.now - 1;
    assert_int_equal(run(f, &p, &ps.base, dns("self.example.com"), &r), XCV_ERR_PIN_EXPIRED);
    assert_int_equal(r.cert_index, 0);

    /* The leaf's validity is still checked. */
    pin.until = XCV_TIME_NONE;
    p.now = T("2045-01-01T00:00:00Z");
    assert_int_equal(run(f, &p, &ps.base, dns("self.example.com"), &r), XCV_ERR_EXPIRED);
    unload(f);

    /* An SPKI pin of the intermediate ends the path there, without a root. */
    p = params_at(NOW);
    f = load("leaf-rsa.der", "int-rsa.der", "-");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_UNKNOWN_ISSUER);
    assert_int_equal(xcv_cert_parse(f->certs[1], &c, NULL), XCV_OK);
    memset(&pin, 0, sizeof(pin));
    sha(c.spki, pin.sha256);
    pin.kind = XCV_PIN_SPKI;
    pin.until = XCV_TIME_NONE;
    xcv_anchors_pinned_init(&ps, &pin, 1);
    assert_int_equal(run(f, &p, &ps.base, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.path_len, 2);
    assert_int_equal(r.path[1], 1);
    assert_int_equal(r.sig_checks, 1);
    assert_ptr_equal(r.anchor, &pin.anchor);
    /* A pin of something else does not help. */
    pin.sha256[0] ^= 1;
    assert_int_equal(run(f, &p, &ps.base, dns("www.example.com"), &r), XCV_ERR_UNKNOWN_ISSUER);
    unload(f);
}

/* Certificate/SPKI digests are computed on demand only, and are right when
 * they are. */
static void test_lazy_hashes(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    struct xcv_anchors_chain ch, outer;
    struct xcv_anchors_pinned ps;
    struct xcv_pin pin;
    struct xcv_sig_cache cache;
    struct xcv_sig_cache_entry entries[16];
    uint8_t h[32];
    (void)state;

    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");

    /* Which stores read the hashes passed to trusts_cert. */
    memset(&pin, 0, sizeof(pin));
    xcv_anchors_pinned_init(&ps, &pin, 0);
    xcv_anchors_chain_init(&ch);
    assert_int_equal(xcv_store_needs_hashes(&f->store.base), 0);
    assert_int_equal(xcv_store_needs_hashes(&ch.base), 0);
    assert_int_equal(xcv_anchors_chain_add(&ch, &f->store.base), XCV_OK);
    assert_int_equal(xcv_store_needs_hashes(&ch.base), 0);
    assert_int_equal(xcv_store_needs_hashes(&ps.base), 1);
    xcv_anchors_chain_init(&outer);
    assert_int_equal(xcv_anchors_chain_add(&outer, &ch.base), XCV_OK);
    assert_int_equal(xcv_store_needs_hashes(&outer.base), 1); /* nested: conservative */
    assert_int_equal(xcv_anchors_chain_add(&ch, &ps.base), XCV_OK);
    assert_int_equal(xcv_store_needs_hashes(&ch.base), 1);

    /* Sorted store, no cache: nothing hashed. */
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(verifier.cert_hashed, 0);
    assert_int_equal(verifier.spki_hashed, 0);

    /* Sorted store + pinned store: the presented certificates are hashed,
     * and the digests are those of their DER and SPKI. */
    assert_int_equal(run(f, &p, &ch.base, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(verifier.cert_hashed & 3u, 3u);
    assert_int_equal(verifier.spki_hashed & 3u, 3u);
    for (int i = 0; i < 2; i++) {
        xcv_sha256(f->certs[i], h);
        assert_memory_equal(verifier.cert_sha256[i], h, 32);
        xcv_sha256(verifier.certs[i].spki, h);
        assert_memory_equal(verifier.spki_sha256[i], h, 32);
    }

    /* The signature cache keys on the certificate digests (RSA leaf: no
     * SPKI digest for the key check). */
    xcv_sig_cache_init(&cache, entries, 16);
    p.cache = &cache;
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(verifier.cert_hashed, 3u);
    assert_int_equal(verifier.spki_hashed, 0);
    xcv_sha256(f->certs[1], h);
    assert_memory_equal(verifier.cert_sha256[1], h, 32);
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.cache_hits, 2);
    unload(f);
}

static void test_store_chain_order(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    struct xcv_anchors_chain ch;
    struct xcv_anchors_sorted empty;
    (void)state;

    struct xcv_chain_fixture *a = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    struct xcv_chain_fixture *b = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    xcv_anchors_chain_init(&ch);
    assert_int_equal(xcv_anchors_chain_add(&ch, &a->store.base), XCV_OK);
    assert_int_equal(xcv_anchors_chain_add(&ch, &b->store.base), XCV_OK);
    assert_int_equal(run(a, &p, &ch.base, dns("www.example.com"), &r), XCV_OK);
    assert_ptr_equal(r.anchor, &a->anchors[0]);

    xcv_anchors_chain_init(&ch);
    assert_int_equal(xcv_anchors_chain_add(&ch, &b->store.base), XCV_OK);
    assert_int_equal(xcv_anchors_chain_add(&ch, &a->store.base), XCV_OK);
    assert_int_equal(run(a, &p, &ch.base, dns("www.example.com"), &r), XCV_OK);
    assert_ptr_equal(r.anchor, &b->anchors[0]);

    /* Application store without the root, then the "system" store. */
    xcv_anchors_sorted_init(&empty, NULL, 0);
    xcv_anchors_chain_init(&ch);
    assert_int_equal(xcv_anchors_chain_add(&ch, &empty.base), XCV_OK);
    assert_int_equal(run(a, &p, &ch.base, dns("www.example.com"), &r), XCV_ERR_UNKNOWN_ISSUER);
    assert_int_equal(xcv_anchors_chain_add(&ch, &b->store.base), XCV_OK);
    assert_int_equal(run(a, &p, &ch.base, dns("www.example.com"), &r), XCV_OK);
    assert_ptr_equal(r.anchor, &b->anchors[0]);

    /* If the first store's anchor is expired, the second store's is tried. */
    b->anchors[0].not_after = p.now - 10;
    xcv_anchors_chain_init(&ch);
    assert_int_equal(xcv_anchors_chain_add(&ch, &b->store.base), XCV_OK);
    assert_int_equal(xcv_anchors_chain_add(&ch, &a->store.base), XCV_OK);
    assert_int_equal(run(a, &p, &ch.base, dns("www.example.com"), &r), XCV_OK);
    assert_ptr_equal(r.anchor, &a->anchors[0]);
    unload(a);
    unload(b);
}

/* GeneralSubtree { base [2] dNSName } as the content of permitted/excluded. */
static size_t dns_subtree(const char *name, uint8_t *out)
{
    size_t n = strlen(name);
    out[0] = 0x30;
    out[1] = (uint8_t)(n + 2);
    out[2] = 0x82;
    out[3] = (uint8_t)n;
    memcpy(out + 4, name, n);
    return n + 4;
}

static void test_anchor_name_constraints(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    uint8_t buf[64];
    (void)state;

    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    /* An enterprise trusts this root only for example.com. */
    f->anchors[0].nc_permitted.p = buf;
    f->anchors[0].nc_permitted.n = dns_subtree("example.com", buf);
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_true(r.nc_checks > 0);
    /* ... or only for example.org: the leaf's names are outside. */
    f->anchors[0].nc_permitted.n = dns_subtree("example.org", buf);
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_NAME_NOT_PERMITTED);
    assert_int_equal(r.cert_index, 0);
    /* Excluded. */
    f->anchors[0].nc_permitted = xcv_slice_empty();
    f->anchors[0].nc_excluded.p = buf;
    f->anchors[0].nc_excluded.n = dns_subtree("example.com", buf);
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_NAME_EXCLUDED);
    assert_int_equal(r.cert_index, 0);
    unload(f);
}

/* Name TLV: SEQUENCE { SET { SEQUENCE { OID 2.5.4.3, UTF8String s } } }. */
static size_t make_name(const char *s, uint8_t *out)
{
    size_t n = strlen(s);
    uint8_t *q = out;
    *q++ = 0x30;
    *q++ = (uint8_t)(n + 11);
    *q++ = 0x31;
    *q++ = (uint8_t)(n + 9);
    *q++ = 0x30;
    *q++ = (uint8_t)(n + 7);
    *q++ = 0x06;
    *q++ = 0x03;
    *q++ = 0x55;
    *q++ = 0x04;
    *q++ = 0x03;
    *q++ = 0x0C;
    *q++ = (uint8_t)n;
    memcpy(q, s, n);
    return n + 13;
}

static void test_many_anchors(void **state)
{
    enum { N = 2000 };
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    struct xcv_anchors_sorted big;
    struct xcv_anchor *storage = calloc(N + 1, sizeof(*storage));
    uint8_t(*names)[64] = calloc(N, 64);
    (void)state;

    assert_non_null(storage);
    assert_non_null(names);
    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    xcv_anchors_sorted_init(&big, storage, N + 1);
    for (int i = 0; i < N; i++) {
        char s[32];
        struct xcv_anchor a;
        snprintf(s, sizeof(s), "Filler Root %d", i);
        memset(&a, 0, sizeof(a));
        a.subject.p = names[i];
        a.subject.n = make_name(s, names[i]);
        a.spki = f->anchors[0].spki; /* any key: never matched by name */
        a.not_after = XCV_TIME_NONE;
        assert_int_equal(xcv_anchors_sorted_add(&big, &a), XCV_OK);
        if (i == N / 2) {
            assert_int_equal(xcv_anchors_sorted_add(&big, &f->anchors[0]), XCV_OK);
        }
    }
    assert_int_equal(xcv_anchors_sorted_add(&big, &f->anchors[0]), XCV_ERR_STORE_FULL);
    xcv_anchors_sorted_finish(&big);
    for (size_t i = 1; i < big.count; i++) {
        assert_true(big.anchors[i - 1].subject_hash <= big.anchors[i].subject_hash);
    }
    assert_int_equal(run(f, &p, &big.base, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.candidates, 2);
    assert_true(xcv_dn_equal(r.anchor->subject, f->anchors[0].subject));
    unload(f);
    free(storage);
    free(names);
}

static void test_sig_cache(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    struct xcv_sig_cache cache;
    struct xcv_sig_cache_entry entries[16];
    (void)state;

    xcv_sig_cache_init(&cache, entries, 16);
    p.cache = &cache;
    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.sig_checks, 2);
    assert_int_equal(r.cache_hits, 0);
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_OK);
    assert_int_equal(r.sig_checks, 0);
    assert_int_equal(r.cache_hits, 2);
    /* A bad signature is never cached as good. */
    unload(f);
    f = load("leaf-rsa-badsig.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(run(f, &p, NULL, dns("www.example.com"), &r), XCV_ERR_BAD_SIGNATURE);
    unload(f);
}

static void test_arguments(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(NOW);
    (void)state;

    struct xcv_chain_fixture *f = load("leaf-rsa.der", "int-rsa.der", "root-rsa.der");
    assert_int_equal(xcv_verify(&verifier, &p, &f->store.base, f->certs, 0, NULL, &r),
                     XCV_ERR_NO_CERTIFICATES);
    assert_int_equal(xcv_verify(&verifier, &p, &f->store.base, f->certs, XCV_MAX_PRESENTED + 1,
                                NULL, &r),
                     XCV_ERR_TOO_MANY_CERTIFICATES);
    assert_int_equal(xcv_verify(&verifier, &p, NULL, f->certs, 2, NULL, &r),
                     XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(xcv_verify(NULL, &p, &f->store.base, f->certs, 2, NULL, &r),
                     XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(xcv_verify(&verifier, &p, &f->store.base, f->certs, 2, NULL, NULL),
                     XCV_ERR_INVALID_ARGUMENT);
    p.max_depth = XCV_MAX_DEPTH + 1;
    assert_int_equal(xcv_verify(&verifier, &p, &f->store.base, f->certs, 2, NULL, &r),
                     XCV_ERR_INVALID_ARGUMENT);
    p = params_at(NOW);
    p.min_rsa_bits = 512;
    assert_int_equal(xcv_verify(&verifier, &p, &f->store.base, f->certs, 2, NULL, &r),
                     XCV_ERR_INVALID_ARGUMENT);
    p = params_at(NOW);
    p.trace_cap = 4;
    assert_int_equal(xcv_verify(&verifier, &p, &f->store.base, f->certs, 2, NULL, &r),
                     XCV_ERR_INVALID_ARGUMENT);
    p = params_at(NOW);
    assert_int_equal(xcv_verify(&verifier, &p, &f->store.base, f->certs, 2, NULL, &r), XCV_OK);
    unload(f);
}

/* ------------------------------------------------- per-certificate checks */

static struct xcv_cert base_cert(void)
{
    struct xcv_cert c;
    memset(&c, 0, sizeof(c));
    c.version = 3;
    c.not_before = 1000;
    c.not_after = 2000;
    c.path_len = -1;
    static uint8_t name[64];
    c.subject.p = name;
    c.subject.n = make_name("Synthetic CA", name);
    c.issuer = c.subject;
    return c;
}

static void test_check_validity(void **state)
{
    struct xcv_params p;
    struct xcv_cert c = base_cert();
    (void)state;
    xcv_params_default(&p);
    p.now = 1500;
    assert_int_equal(xcv_check_validity(&c, &p), XCV_OK);
    p.now = 1000; /* inclusive */
    assert_int_equal(xcv_check_validity(&c, &p), XCV_OK);
    p.now = 2000;
    assert_int_equal(xcv_check_validity(&c, &p), XCV_OK);
    p.now = 999;
    assert_int_equal(xcv_check_validity(&c, &p), XCV_ERR_NOT_YET_VALID);
    p.now = 2001;
    assert_int_equal(xcv_check_validity(&c, &p), XCV_ERR_EXPIRED);
    p.flags = XCV_FLAG_NO_TIME_CHECK;
    assert_int_equal(xcv_check_validity(&c, &p), XCV_OK);
    c.not_before = 3000;
    assert_int_equal(xcv_check_validity(&c, &p), XCV_ERR_VALIDITY_ORDER);
}

static void test_check_structure(void **state)
{
    struct xcv_cert c = base_cert();
    (void)state;
    assert_int_equal(xcv_check_structure(&c), XCV_OK);
    c.flags = XCV_CERT_ZERO_SERIAL; /* RFC 5280 4.1.2.2: positive */
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_ZERO_SERIAL);
    c.flags = XCV_CERT_NEGATIVE_SERIAL;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_NEGATIVE_SERIAL);
    c.flags = XCV_CERT_SERIAL_TOO_LONG;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_BAD_SERIAL);
    c.flags = XCV_CERT_DUPLICATE_EXTENSION;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_DUPLICATE_EXTENSION);
    c.flags = XCV_CERT_UNKNOWN_CRITICAL;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_UNKNOWN_CRITICAL_EXTENSION);
    c.flags = XCV_CERT_BAD_EXTENSION;
    c.ext_err = XCV_ERR_CERT_BAD_SAN;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_BAD_SAN);
    c.ext_err = XCV_OK;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_BAD_EXTENSION);
    c.flags = 0;
    c.ext_present = XCV_EXT_CERT_POLICIES;
    c.ext_critical = XCV_EXT_CERT_POLICIES;
    assert_int_equal(xcv_check_structure(&c), XCV_OK);
    /* policyConstraints: non-critical violates RFC 5280 4.2.1.11; critical
     * is processed (policy.c), so understood. */
    c.ext_present = XCV_EXT_POLICY_CONSTRAINTS | XCV_EXT_CERT_POLICIES;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_critical = XCV_EXT_POLICY_CONSTRAINTS;
    assert_int_equal(xcv_check_structure(&c), XCV_OK);
    c.ext_present = XCV_EXT_POLICY_MAPPINGS | XCV_EXT_INHIBIT_ANY_POLICY;
    c.ext_critical = XCV_EXT_POLICY_MAPPINGS | XCV_EXT_INHIBIT_ANY_POLICY;
    assert_int_equal(xcv_check_structure(&c), XCV_OK);
    /* still unprocessed: subjectDirectoryAttributes, subjectInfoAccess */
    c.ext_present = XCV_EXT_SUBJECT_DIR_ATTRS;
    c.ext_critical = XCV_EXT_SUBJECT_DIR_ATTRS;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_UNKNOWN_CRITICAL_EXTENSION);
    /* AKI / SKI must be non-critical (RFC 5280 4.2.1.1, 4.2.1.2). */
    c.ext_present = XCV_EXT_AUTHORITY_KEY_ID | XCV_EXT_SUBJECT_KEY_ID;
    c.ext_critical = 0;
    assert_int_equal(xcv_check_structure(&c), XCV_OK);
    c.ext_critical = XCV_EXT_AUTHORITY_KEY_ID;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_critical = XCV_EXT_SUBJECT_KEY_ID;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_critical = 0;
}

/* RFC 5280 4.2.1.1 (AKI required unless self-issued), 4.1.2.4 (non-empty
 * issuer), 4.2.1.6 (empty subject needs a critical SAN), CABF 6.1.5 (RSA
 * modulus a multiple of 8 bits). */
static void test_check_structure_profile(void **state)
{
    struct xcv_cert c = base_cert();
    static uint8_t other[64];
    static const uint8_t empty_name[] = {0x30, 0x00};
    static const uint8_t kid[] = {1, 2, 3, 4};
    (void)state;
    /* Self-issued: the AKI may be omitted. */
    assert_int_equal(xcv_check_structure(&c), XCV_OK);
    /* Issued by another CA: AKI keyIdentifier required. */
    c.issuer.p = other;
    c.issuer.n = make_name("Other CA", other);
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_present = XCV_EXT_AUTHORITY_KEY_ID; /* present without keyIdentifier */
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_BAD_EXTENSION);
    c.aki_key_id = xcv_slice_make(kid, sizeof(kid));
    assert_int_equal(xcv_check_structure(&c), XCV_OK);
    /* Empty issuer. */
    c.issuer = xcv_slice_make(empty_name, sizeof(empty_name));
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_EMPTY_ISSUER);
    c.issuer.p = other;
    c.issuer.n = make_name("Other CA", other);
    /* Empty subject: only with a critical SAN. */
    c.subject = xcv_slice_make(empty_name, sizeof(empty_name));
    c.ext_present |= XCV_EXT_SUBJECT_ALT_NAME;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_CERT_EMPTY_SUBJECT_NO_SAN);
    c.ext_critical = XCV_EXT_SUBJECT_ALT_NAME;
    assert_int_equal(xcv_check_structure(&c), XCV_OK);
    /* RSA modulus size. */
    c.key.type = XCV_KEY_RSA;
    c.key.key_bits = 2048;
    assert_int_equal(xcv_check_structure(&c), XCV_OK);
    c.key.key_bits = 2052;
    assert_int_equal(xcv_check_structure(&c), XCV_ERR_UNSUPPORTED_KEY);
}

static void test_check_leaf_usage(void **state)
{
    struct xcv_cert c = base_cert();
    (void)state;
    /* No extensions: any purpose except the TLS server, which requires an
     * EKU (webpki, CABF BR 7.1.2.7.6). */
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_ERR_EKU_NOT_ALLOWED);
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_CLIENT), XCV_OK);
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_CODE_SIGNING), XCV_OK);
    c.ext_present = XCV_EXT_EXT_KEY_USAGE;
    c.eku = XCV_EKU_SERVER_AUTH;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_OK);
    /* A critical EKU is refused on a server leaf only. */
    c.ext_critical = XCV_EXT_EXT_KEY_USAGE;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_ERR_EKU_NOT_ALLOWED);
    c.eku = XCV_EKU_CLIENT_AUTH;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_CLIENT), XCV_OK);
    /* A critical SAN with a non-empty subject (CABF 7.1.2.7.12). */
    c.ext_critical = XCV_EXT_SUBJECT_ALT_NAME;
    c.ext_present = XCV_EXT_EXT_KEY_USAGE | XCV_EXT_SUBJECT_ALT_NAME;
    c.eku = XCV_EKU_SERVER_AUTH;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_ERR_CERT_BAD_SAN);
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_ANY), XCV_OK);
    c.ext_critical = 0;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_OK);
    /* keyUsage (with an EKU allowing every purpose). */
    c.eku = XCV_EKU_SERVER_AUTH | XCV_EKU_CLIENT_AUTH | XCV_EKU_EMAIL_PROTECTION |
            XCV_EKU_CODE_SIGNING;
    c.ext_present = XCV_EXT_KEY_USAGE | XCV_EXT_EXT_KEY_USAGE;
    c.key_usage = XCV_KU_KEY_ENCIPHERMENT;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_OK);
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_CLIENT), XCV_ERR_LEAF_KEY_USAGE);
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_EMAIL), XCV_OK);
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_ANY), XCV_OK);
    c.key_usage = XCV_KU_NON_REPUDIATION;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_EMAIL), XCV_OK);
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_ERR_LEAF_KEY_USAGE);
    c.key_usage = XCV_KU_KEY_CERT_SIGN;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_CODE_SIGNING), XCV_ERR_LEAF_KEY_USAGE);
    c.key_usage = XCV_KU_DIGITAL_SIGNATURE;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_CODE_SIGNING), XCV_OK);
    /* EKU: anyExtendedKeyUsage does not stand for serverAuth (webpki). */
    c.ext_present |= XCV_EXT_EXT_KEY_USAGE;
    c.eku = XCV_EKU_ANY;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_ERR_EKU_NOT_ALLOWED);
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_ANY), XCV_OK);
    c.eku = XCV_EKU_SERVER_AUTH | XCV_EKU_OTHER;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_OK);
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_CLIENT), XCV_ERR_EKU_NOT_ALLOWED);
    c.eku = XCV_EKU_CODE_SIGNING;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_CODE_SIGNING), XCV_OK);
    /* anyEKU next to serverAuth: forbidden in a TLS server leaf (CABF). */
    c.eku = XCV_EKU_SERVER_AUTH | XCV_EKU_ANY;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_ERR_EKU_NOT_ALLOWED);
    c.eku = XCV_EKU_CLIENT_AUTH | XCV_EKU_ANY;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_CLIENT), XCV_OK);
    /* keyCertSign requires cA. */
    c.ext_present = XCV_EXT_KEY_USAGE | XCV_EXT_EXT_KEY_USAGE;
    c.eku = XCV_EKU_SERVER_AUTH;
    c.key_usage = XCV_KU_DIGITAL_SIGNATURE | XCV_KU_KEY_CERT_SIGN;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_ERR_LEAF_KEY_USAGE);
    c.is_ca = 1;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_OK);
    /* nameConstraints only in a CA. */
    c.ext_present = XCV_EXT_NAME_CONSTRAINTS | XCV_EXT_EXT_KEY_USAGE;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_OK);
    c.is_ca = 0;
    assert_int_equal(xcv_check_leaf_usage(&c, XCV_PURPOSE_SERVER), XCV_ERR_CERT_BAD_EXTENSION);
}

static void test_check_ca(void **state)
{
    struct xcv_params p;
    struct xcv_cert c = base_cert();
    (void)state;
    xcv_params_default(&p);
    p.now = 1500;
    static const uint8_t ski[] = {9, 8, 7};
    c.ski = xcv_slice_make(ski, sizeof(ski));
    c.ext_present = XCV_EXT_BASIC_CONSTRAINTS | XCV_EXT_SUBJECT_KEY_ID;
    c.is_ca = 1;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_OK);
    /* RFC 5280 4.2.1.2: a CA certificate carries an SKI. */
    c.ext_present = XCV_EXT_BASIC_CONSTRAINTS;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_present = XCV_EXT_BASIC_CONSTRAINTS | XCV_EXT_SUBJECT_KEY_ID;
    c.is_ca = 0;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_ERR_NOT_A_CA);
    c.is_ca = 1;
    c.ext_present = 0;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_ERR_NOT_A_CA);
    c.ext_present = XCV_EXT_BASIC_CONSTRAINTS | XCV_EXT_SUBJECT_KEY_ID;
    c.version = 1;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_ERR_V1_CA);
    c.version = 3;
    c.ext_present |= XCV_EXT_KEY_USAGE;
    c.key_usage = XCV_KU_CRL_SIGN | XCV_KU_DIGITAL_SIGNATURE;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_ERR_CA_KEY_USAGE);
    c.key_usage = XCV_KU_KEY_CERT_SIGN;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_OK);
    c.ext_present |= XCV_EXT_EXT_KEY_USAGE;
    c.eku = XCV_EKU_ANY;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_ERR_EKU_NOT_ALLOWED);
    c.eku = XCV_EKU_SERVER_AUTH;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_OK);
    static const uint8_t empty_name[] = {0x30, 0x00};
    c.subject.p = empty_name;
    c.subject.n = sizeof(empty_name);
    assert_int_equal(xcv_check_ca(&c, &p), XCV_ERR_CERT_EMPTY_SUBJECT_NO_SAN);
    c.ext_present |= XCV_EXT_SUBJECT_ALT_NAME | XCV_EXT_AUTHORITY_KEY_ID;
    c.ext_critical |= XCV_EXT_SUBJECT_ALT_NAME;
    c.aki_key_id = c.ski; /* no longer self-issued: needs an AKI */
    assert_int_equal(xcv_check_ca(&c, &p), XCV_ERR_CERT_BAD_NAME);
    p.now = 5000;
    assert_int_equal(xcv_check_ca(&c, &p), XCV_ERR_EXPIRED);
}

/*
 * The hostile pool (vectors/bench/hostile: 30 "CN=Hostile CA" intermediates
 * whose 5 keys cross-sign one another, an anchor of that name with an
 * unrelated key): signatures are memoised per (child, issuer key), so each
 * (certificate, key) pair costs at most one verification and the search
 * ends below the 100-signature budget.
 */
static void test_hostile_pool_memo(void **state)
{
    uint8_t *der[32];
    xcv_slice certs[32];
    size_t n = 0;
    size_t len = 0;
    char path[64];
    struct xcv_anchor a;
    struct xcv_anchors_sorted store;
    struct xcv_anchor storage[1];
    struct xcv_params p;
    struct xcv_result r;
    struct timespec t0, t1;
    (void)state;

    der[n] = xcv_test_read_file("vectors/bench/hostile/leaf.der", &len);
    assert_non_null(der[n]);
    certs[n] = xcv_slice_make(der[n], len);
    n++;
    for (int i = 0; i < 30; i++) {
        snprintf(path, sizeof(path), "vectors/bench/hostile/int%02d.der", i);
        der[n] = xcv_test_read_file(path, &len);
        assert_non_null(der[n]);
        certs[n] = xcv_slice_make(der[n], len);
        n++;
    }
    der[n] = xcv_test_read_file("vectors/bench/hostile/root.der", &len);
    assert_non_null(der[n]);
    assert_int_equal(xcv_anchor_from_cert(xcv_slice_make(der[n], len), &a), XCV_OK);
    xcv_anchors_sorted_init(&store, storage, 1);
    assert_int_equal(xcv_anchors_sorted_add(&store, &a), XCV_OK);
    xcv_anchors_sorted_finish(&store);
    xcv_params_default(&p);
    p.now = T(NOW);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    xcv_err err = xcv_verify(&verifier, &p, &store.base, certs, n, NULL, &r);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    printf("hostile pool: %s, %u signature checks, %u candidates, %.1f ms\n", xcv_err_name(err),
           r.sig_checks, r.candidates, ms);
    /* No path exists; the search must end on its own, not on the budget. */
    assert_int_not_equal(err, XCV_OK);
    assert_int_not_equal(err, XCV_ERR_SIGNATURE_BUDGET);
    /* Memo per (child, issuer key) and ONE_KEY: about one verification per
     * child (31 children), where the per-index memo spent the whole budget. */
    assert_true(r.sig_checks <= 31);
    for (size_t i = 0; i <= n; i++) {
        free(der[i]);
    }
}

/* Trust anchors given as certificates: xcv_check_anchor_cert. */
static void test_check_anchor_cert(void **state)
{
    struct xcv_params p;
    struct xcv_cert c = base_cert(); /* self-issued "Synthetic CA" */
    static const uint8_t ski[] = {1, 2, 3, 4};
    static const uint8_t other_kid[] = {5, 6, 7, 8};
    static uint8_t other[64];
    (void)state;
    xcv_params_default(&p);
    c.ski = xcv_slice_make(ski, sizeof(ski));
    c.is_ca = 1;
    c.ext_present = XCV_EXT_BASIC_CONSTRAINTS | XCV_EXT_SUBJECT_KEY_ID | XCV_EXT_KEY_USAGE;
    c.ext_critical = XCV_EXT_BASIC_CONSTRAINTS;
    c.key_usage = XCV_KU_KEY_CERT_SIGN | XCV_KU_CRL_SIGN;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_OK);
    /* basicConstraints missing, cA false, not critical. */
    c.ext_present &= ~XCV_EXT_BASIC_CONSTRAINTS;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_NOT_A_CA);
    c.ext_present |= XCV_EXT_BASIC_CONSTRAINTS;
    c.is_ca = 0;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_NOT_A_CA);
    c.is_ca = 1;
    c.ext_critical = 0;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_NOT_A_CA);
    p.flags = XCV_FLAG_LAX_ANCHOR_PROFILE; /* private legacy roots */
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_OK);
    p.flags = 0;
    /* The same, by anchor: a system-store root (XCV_ANCHOR_LAX_PROFILE). */
    assert_int_equal(xcv_check_anchor_cert(&c, &p, XCV_ANCHOR_LAX_PROFILE), XCV_OK);
    assert_int_equal(xcv_check_anchor_cert(&c, &p, XCV_ANCHOR_PIN), XCV_ERR_NOT_A_CA);
    c.ext_critical = XCV_EXT_BASIC_CONSTRAINTS;
    /* keyUsage without keyCertSign (not lifted by the flag). */
    c.key_usage = XCV_KU_CRL_SIGN;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CA_KEY_USAGE);
    p.flags = XCV_FLAG_LAX_ANCHOR_PROFILE;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CA_KEY_USAGE);
    p.flags = 0;
    c.key_usage = XCV_KU_KEY_CERT_SIGN;
    /* SKI missing or critical. */
    c.ext_present &= ~XCV_EXT_SUBJECT_KEY_ID;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_present |= XCV_EXT_SUBJECT_KEY_ID;
    c.ext_critical |= XCV_EXT_SUBJECT_KEY_ID;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_critical = XCV_EXT_BASIC_CONSTRAINTS;
    /* AKI: keyIdentifier required, equal to the SKI on a self-issued root. */
    c.ext_present |= XCV_EXT_AUTHORITY_KEY_ID;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CERT_BAD_EXTENSION);
    c.aki_key_id = xcv_slice_make(other_kid, sizeof(other_kid));
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CERT_BAD_EXTENSION);
    c.aki_key_id = c.ski;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_OK);
    c.ext_critical |= XCV_EXT_AUTHORITY_KEY_ID;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_critical = XCV_EXT_BASIC_CONSTRAINTS;
    /* Not self-issued (cross-signed CA as anchor): AKI required. */
    c.ext_present &= ~XCV_EXT_AUTHORITY_KEY_ID;
    c.issuer.p = other;
    c.issuer.n = make_name("Other Root", other);
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_present |= XCV_EXT_AUTHORITY_KEY_ID;
    c.aki_key_id = xcv_slice_make(other_kid, sizeof(other_kid));
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_OK);
    c.issuer = c.subject;
    c.ext_present &= ~XCV_EXT_AUTHORITY_KEY_ID;
    c.aki_key_id = xcv_slice_empty();
    /* EKU on a root: refused for the TLS server purpose (CABF 7.1.2.1.2). */
    c.ext_present |= XCV_EXT_EXT_KEY_USAGE;
    c.eku = XCV_EKU_SERVER_AUTH;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_EKU_NOT_ALLOWED);
    p.purpose = XCV_PURPOSE_CLIENT;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_OK);
    p.purpose = XCV_PURPOSE_SERVER;
    c.ext_present &= ~XCV_EXT_EXT_KEY_USAGE;
    /* policyConstraints must be critical; RSA modulus a multiple of 8. */
    c.ext_present |= XCV_EXT_POLICY_CONSTRAINTS;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CERT_BAD_EXTENSION);
    c.ext_present &= ~XCV_EXT_POLICY_CONSTRAINTS;
    c.key.type = XCV_KEY_RSA;
    c.key.key_bits = 2052;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_UNSUPPORTED_KEY);
    c.key.key_bits = 2048;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_OK);
    /* A v1 anchor: only its subject is judged. */
    c.version = 1;
    c.ext_present = 0;
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_OK);
    static const uint8_t empty_name[] = {0x30, 0x00};
    c.subject = xcv_slice_make(empty_name, sizeof(empty_name));
    assert_int_equal(xcv_check_anchor_cert(&c, &p, 0), XCV_ERR_CERT_BAD_NAME);
}


/* ------------------------------------------------- revocation (CRLs) */

#define CRL_NOW "2024-01-15T00:00:00Z"

/* A CRL file of vectors/crl/ (kept for the test's duration). */
static xcv_slice crl_file(const char *name)
{
    char path[256];
    size_t n = 0;
    snprintf(path, sizeof path, "vectors/crl/%s", name);
    uint8_t *buf = xcv_test_read_file(path, &n);
    assert_non_null(buf);
    return (xcv_slice){buf, n};
}

static void crl_free(xcv_slice *crls, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((void *)crls[i].p);
    }
}

static struct xcv_params crl_params(const xcv_slice *crls, size_t n, unsigned mode, uint32_t fl)
{
    struct xcv_params p = params_at(CRL_NOW);
    p.crls = crls;
    p.crl_count = n;
    p.revocation = mode;
    p.revocation_flags = fl;
    return p;
}

static void test_crl_leaf(void **state)
{
    struct xcv_result r;
    xcv_slice crls[1] = {crl_file("int.crl.der")};
    struct xcv_params p = crl_params(crls, 1, XCV_REVOCATION_LEAF, 0);
    (void)state;

    struct xcv_chain_fixture *f = load("../crl/leaf-revoked.der", "../crl/int.der",
                                       "../crl/root.der");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_REVOKED);
    assert_int_equal(r.cert_index, 0);
    assert_int_equal(r.crl_index, 0);
    assert_int_equal(r.revocation_date, T("2023-12-15T12:00:00Z"));
    assert_int_equal(r.revocation_reason, 1); /* keyCompromise */
    assert_int_equal(r.path_len, 2);
    /* revocation off (the default): the CRL is not looked at */
    p.revocation = XCV_REVOCATION_OFF;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    assert_int_equal(r.crl_index, -1);
    assert_int_equal(r.revocation_reason, -1);
    assert_int_equal(r.sig_checks, 2);
    unload(f);

    f = load("../crl/leaf-good.der", "../crl/int.der", "../crl/root.der");
    p.revocation = XCV_REVOCATION_LEAF;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    assert_int_equal(r.crl_index, -1);
    assert_int_equal(r.sig_checks, 3); /* two certificates and the CRL */
    /* the CRL signature spends the same budget */
    p.sig_budget = 2;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_SIGNATURE_BUDGET);
    unload(f);
    crl_free(crls, 1);
}

static void test_crl_intermediate(void **state)
{
    struct xcv_result r;
    xcv_slice crls[2] = {crl_file("root.crl.der"), crl_file("int.crl.der")};
    struct xcv_params p = crl_params(crls, 1, XCV_REVOCATION_LEAF, 0);
    (void)state;

    struct xcv_chain_fixture *f = load("../crl/leaf-under-revoked.der", "../crl/int-revoked.der",
                                       "../crl/root.der");
    /* leaf only: the revoked intermediate is not checked */
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    p.revocation = XCV_REVOCATION_ALL;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_REVOKED);
    assert_int_equal(r.cert_index, 1);
    assert_int_equal(r.crl_index, 0);
    assert_int_equal(r.revocation_reason, 2); /* cACompromise */
    /* hard-fail: the leaf (checked first) has no CRL from its issuer */
    p.revocation_flags = XCV_REVOCATION_HARD_FAIL;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_CRL_MISSING);
    assert_int_equal(r.cert_index, 0);
    unload(f);

    /* a good chain with both CRLs passes hard-fail on every certificate */
    f = load("../crl/leaf-good.der", "../crl/int.der", "../crl/root.der");
    p = crl_params(crls, 2, XCV_REVOCATION_ALL, XCV_REVOCATION_HARD_FAIL);
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    assert_int_equal(r.sig_checks, 4);
    /* without the root's CRL the intermediate is not covered */
    p.crls = &crls[1];
    p.crl_count = 1;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_CRL_MISSING);
    assert_int_equal(r.cert_index, 1);
    unload(f);
    crl_free(crls, 2);
}

static void test_crl_hard_soft_expired(void **state)
{
    struct xcv_result r;
    xcv_slice crls[2] = {crl_file("root.crl.der"), crl_file("int.crl.der")};
    struct xcv_params p = crl_params(crls, 1, XCV_REVOCATION_LEAF, 0);
    (void)state;

    struct xcv_chain_fixture *f = load("../crl/leaf-good.der", "../crl/int.der",
                                       "../crl/root.der");
    /* soft-fail: no CRL from the leaf's issuer is fine */
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    p.revocation_flags = XCV_REVOCATION_HARD_FAIL;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_CRL_MISSING);
    assert_int_equal(r.cert_index, 0);
    assert_int_equal(r.crl_index, -1);
    p.crls = &crls[1];
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    /* after nextUpdate (2024-02-01) the CRL no longer counts */
    p.now = T("2024-03-01T00:00:00Z");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_CRL_EXPIRED);
    assert_int_equal(r.cert_index, 0);
    assert_int_equal(r.crl_index, 0);
    p.now = T("2023-12-01T00:00:00Z");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_CRL_NOT_YET_VALID);
    unload(f);

    /* soft-fail with an expired CRL: a listed serial is not acted on */
    f = load("../crl/leaf-revoked.der", "../crl/int.der", "../crl/root.der");
    p.now = T("2024-03-01T00:00:00Z");
    p.revocation_flags = 0;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    p.revocation_flags = XCV_REVOCATION_HARD_FAIL;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_CRL_EXPIRED);
    unload(f);
    crl_free(crls, 2);
}

static void test_crl_backtrack(void **state)
{
    struct xcv_result r;
    xcv_slice crls[1] = {crl_file("root.crl.der")};
    struct xcv_params p = crl_params(crls, 1, XCV_REVOCATION_ALL, 0);
    (void)state;

    /* the revoked intermediate comes first; its re-issue (same name and key,
     * not revoked) is the path found */
    struct xcv_chain_fixture *f =
        load("../crl/leaf-under-revoked.der", "../crl/int-revoked.der,../crl/int-revoked-alt.der",
             "../crl/root.der");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    assert_int_equal(r.path_len, 2);
    assert_int_equal(r.path[1], 2);
    assert_int_equal(r.crl_index, -1);
    assert_int_equal(r.revocation_reason, -1);
    unload(f);
    f = load("../crl/leaf-under-revoked.der", "../crl/int-revoked-alt.der,../crl/int-revoked.der",
             "../crl/root.der");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    assert_int_equal(r.path[1], 1);
    unload(f);
    crl_free(crls, 1);
}

static void test_crl_arguments(void **state)
{
    struct xcv_result r;
    xcv_slice crls[2] = {crl_file("int.crl.der"), crl_file("int-delta.crl.der")};
    struct xcv_params p = crl_params(crls, 2, XCV_REVOCATION_LEAF, 0);
    (void)state;

    struct xcv_chain_fixture *f = load("../crl/leaf-good.der", "../crl/int.der",
                                       "../crl/root.der");
    /* every CRL is parsed at the start: the delta CRL is named */
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_CRL_UNSUPPORTED);
    assert_int_equal(r.crl_index, 1);
    assert_int_equal(r.cert_index, XCV_INDEX_NONE);
    p.revocation = XCV_REVOCATION_OFF;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    p.revocation = 3;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_INVALID_ARGUMENT);
    p.revocation = XCV_REVOCATION_LEAF;
    p.crls = NULL;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_INVALID_ARGUMENT);
    p.crl_count = 0;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    unload(f);
    crl_free(crls, 2);
}

/* -------------------------------------------------------- certificate policies */

/* 1.3.6.1.4.1.55555.1.1 and .1.2 (content octets) */
static const uint8_t POL_P1[] = {0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xb2, 0x03, 0x01, 0x01};
static const uint8_t POL_P2[] = {0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xb2, 0x03, 0x01, 0x02};

static void test_policy_explicit(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(CRL_NOW);
    (void)state;

    /* the CA requires an explicit policy (requireExplicitPolicy 0) and
     * asserts P1 */
    struct xcv_chain_fixture *f = load("../policy/chain-rep0-leaf-p1.der",
                                       "../policy/chain-ca-rep0.der", "../policy/root.der");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    assert_int_equal(r.policy_any, 0);
    assert_int_equal(r.policy_count, 1);
    assert_int_equal(r.policies[0].n, sizeof POL_P1);
    assert_memory_equal(r.policies[0].p, POL_P1, sizeof POL_P1);
    /* the caller's acceptable set: P1 passes, P2 alone does not */
    xcv_slice want = {POL_P2, sizeof POL_P2};
    p.initial_policies = &want;
    p.initial_policy_count = 1;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_POLICY_REQUIRED);
    want.p = POL_P1;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    assert_int_equal(r.policy_count, 1);
    /* the policy budget is fatal */
    p.policy_budget = 1;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_POLICY_BUDGET);
    unload(f);

    /* a leaf asserting only P2 under it: no acceptable policy */
    p = params_at(CRL_NOW);
    f = load("../policy/chain-rep0-leaf-p2.der", "../policy/chain-ca-rep0.der",
             "../policy/root.der");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_POLICY_REQUIRED);
    assert_int_equal(r.cert_index, 0);
    unload(f);

    /* a chain without policies: fine by default, not with an explicit policy */
    f = load("../crl/leaf-good.der", "../crl/int.der", "../crl/root.der");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    assert_int_equal(r.policy_any, 0);
    assert_int_equal(r.policy_count, 0);
    p.policy_flags = XCV_POLICY_EXPLICIT;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_POLICY_REQUIRED);
    p.initial_policies = NULL;
    p.initial_policy_count = 1;
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_INVALID_ARGUMENT);
    unload(f);
}

static void test_policy_inhibit_any(void **state)
{
    struct xcv_result r;
    struct xcv_params p = params_at(CRL_NOW);
    (void)state;

    /* the CA asserts anyPolicy with inhibitAnyPolicy 0: a specific leaf
     * policy still matches through the CA's anyPolicy ... */
    struct xcv_chain_fixture *f = load("../policy/chain-iap0-leaf-p1.der",
                                       "../policy/chain-ca-iap0.der", "../policy/root.der");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_OK);
    assert_int_equal(r.policy_count, 1);
    assert_memory_equal(r.policies[0].p, POL_P1, sizeof POL_P1);
    unload(f);
    /* ... but the leaf's own anyPolicy is not honoured, and an explicit
     * policy is required */
    f = load("../policy/chain-iap0-leaf-any.der", "../policy/chain-ca-iap0.der",
             "../policy/root.der");
    assert_int_equal(run(f, &p, NULL, dns("leaf.example"), &r), XCV_ERR_POLICY_REQUIRED);
    assert_int_equal(r.cert_index, 0);
    unload(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_params_default),
        cmocka_unit_test(test_flag_variants),
        cmocka_unit_test(test_ignore_anchor_expiry),
        cmocka_unit_test(test_name_mismatch_priority),
        cmocka_unit_test(test_result_fields_ok),
        cmocka_unit_test(test_unknown_issuer_fields),
        cmocka_unit_test(test_furthest_and_rank),
        cmocka_unit_test(test_trace),
        cmocka_unit_test(test_budgets),
        cmocka_unit_test(test_duplicates_and_extras),
        cmocka_unit_test(test_pins),
        cmocka_unit_test(test_lazy_hashes),
        cmocka_unit_test(test_store_chain_order),
        cmocka_unit_test(test_anchor_name_constraints),
        cmocka_unit_test(test_many_anchors),
        cmocka_unit_test(test_sig_cache),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_check_validity),
        cmocka_unit_test(test_check_structure),
        cmocka_unit_test(test_check_structure_profile),
        cmocka_unit_test(test_hostile_pool_memo),
        cmocka_unit_test(test_check_anchor_cert),
        cmocka_unit_test(test_check_leaf_usage),
        cmocka_unit_test(test_check_ca),
        cmocka_unit_test(test_crl_leaf),
        cmocka_unit_test(test_crl_intermediate),
        cmocka_unit_test(test_crl_hard_soft_expired),
        cmocka_unit_test(test_crl_backtrack),
        cmocka_unit_test(test_crl_arguments),
        cmocka_unit_test(test_policy_explicit),
        cmocka_unit_test(test_policy_inhibit_any),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
