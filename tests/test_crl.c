/*
 * test_crl.c -- unit tests of src/crl.c: strict CRL parsing and the
 * revocation status of certificates (current/expired/not-yet-valid CRLs,
 * wrong issuer, impostor key, missing cRLSign, unknown critical extensions,
 * revoked leaf and intermediate, issuingDistributionPoint scope, hard- and
 * soft-fail, budget and cache).
 * Test data: vectors/crl/, made by vectors/gen_crl.sh (openssl ca -revoke,
 * openssl ca -gencrl), and small CRLs built here for the syntax rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crl.h"
#include "hex.h"
#include "xcv_file.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

#define MAX_FILES 32
static uint8_t *loaded[MAX_FILES];
static size_t n_loaded;

static xcv_slice load(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "vectors/crl/%s", name);
    size_t n = 0;
    uint8_t *p = xcv_test_read_file(path, &n);
    if (p == NULL) {
        fail_msg("cannot read %s", path);
    }
    assert_true(n_loaded < MAX_FILES);
    loaded[n_loaded++] = p;
    return xcv_slice_make(p, n);
}

static void free_all(void)
{
    for (size_t i = 0; i < n_loaded; i++) {
        free(loaded[i]);
    }
    n_loaded = 0;
}

static void load_cert(const char *name, struct xcv_cert *c)
{
    assert_int_equal(xcv_cert_parse(load(name), c, NULL), XCV_OK);
}

static void issuer_of(const struct xcv_cert *ca, struct xcv_crl_issuer *is)
{
    is->key = &ca->key;
    is->has_key_usage = (ca->ext_present & XCV_EXT_KEY_USAGE) != 0;
    is->key_usage = ca->key_usage;
    is->ski = ca->ski;
}

static xcv_time at(int y, int mo, int d)
{
    xcv_time t;
    assert_int_equal(xcv_time_from_civil(y, mo, d, 0, 0, 0, &t), XCV_OK);
    return t;
}

/* Checks leaf (issued by ca) against the named CRLs at time now. */
static xcv_err check(const char *leaf, const char *ca, const char *const *crl_names, size_t n,
                     xcv_time now, int hard, struct xcv_crl_status *st)
{
    struct xcv_cert l;
    struct xcv_cert c;
    load_cert(leaf, &l);
    load_cert(ca, &c);
    struct xcv_crl_issuer is;
    issuer_of(&c, &is);
    xcv_slice crls[8];
    assert_true(n <= 8);
    for (size_t i = 0; i < n; i++) {
        crls[i] = load(crl_names[i]);
    }
    struct xcv_crl_check p;
    memset(&p, 0, sizeof p);
    p.crls = crls;
    p.count = n;
    p.now = now;
    p.hard_fail = hard;
    p.min_rsa_bits = 2048;
    p.sig_budget = 100;
    xcv_err err = xcv_crl_check_cert(&l, &is, &p, st);
    free_all();
    return err;
}

static const char *const INT_CRL[] = {"int.crl.der"};

/* ------------------------------------------------------------------------ */
/* Parsing generated CRLs                                                    */
/* ------------------------------------------------------------------------ */

static void test_parse_generated(void **state)
{
    (void)state;
    struct xcv_crl crl;
    struct xcv_cert ca;
    load_cert("int.der", &ca);
    assert_int_equal(xcv_crl_parse(load("int.crl.der"), &crl), XCV_OK);
    assert_int_equal(crl.sig_alg, XCV_SIG_ECDSA_SHA256);
    assert_true(xcv_dn_equal(crl.issuer, ca.subject));
    assert_int_equal(crl.this_update, at(2024, 1, 1));
    assert_int_equal(crl.next_update, at(2024, 2, 1));
    assert_int_equal(crl.revoked_count, 1);
    assert_true(crl.crl_number.n >= 1);
    assert_true(xcv_slice_eq(crl.aki_key_id, ca.ski));
    assert_false(crl.has_idp);

    const uint8_t serial[] = {0x10, 0x02};
    const uint8_t other[] = {0x10, 0x01};
    int found = 0;
    struct xcv_crl_entry e;
    assert_int_equal(xcv_crl_find(&crl, xcv_slice_make(serial, 2), &found, &e), XCV_OK);
    assert_int_equal(found, 1);
    xcv_time rev;
    assert_int_equal(xcv_time_from_civil(2023, 12, 15, 12, 0, 0, &rev), XCV_OK);
    assert_int_equal(e.date, rev);
    assert_int_equal(e.reason, 1); /* keyCompromise */
    assert_int_equal(xcv_crl_find(&crl, xcv_slice_make(other, 2), &found, &e), XCV_OK);
    assert_int_equal(found, 0);

    assert_int_equal(xcv_crl_parse(load("int-onlyca.crl.der"), &crl), XCV_OK);
    assert_true(crl.has_idp && crl.idp_only_ca && !crl.idp_only_user);
    assert_int_equal(xcv_crl_parse(load("int-onlyuser.crl.der"), &crl), XCV_OK);
    assert_true(crl.has_idp && crl.idp_only_user && !crl.idp_only_ca);
    assert_int_equal(xcv_crl_parse(load("int-dp.crl.der"), &crl), XCV_OK);
    assert_true(crl.has_idp && crl.idp_has_dp && crl.idp_full_name.n > 0);
    free_all();
}

static void test_parse_rejects_generated(void **state)
{
    (void)state;
    struct xcv_crl crl;
    /* RFC 5280 5.2.3: the CRL number is required ... */
    assert_int_equal(xcv_crl_parse(load("int-nonumber.crl.der"), &crl), XCV_ERR_CRL_MALFORMED);
    /* ... and MUST be non-critical. */
    assert_int_equal(xcv_crl_parse(load("int-number-critical.crl.der"), &crl),
                     XCV_ERR_CRL_MALFORMED);
    /* 5.2: an unknown critical CRL extension makes the CRL unusable. */
    assert_int_equal(xcv_crl_parse(load("int-critext.crl.der"), &crl),
                     XCV_ERR_CRL_UNKNOWN_CRITICAL);
    /* Delta CRLs are rejected explicitly. */
    assert_int_equal(xcv_crl_parse(load("int-delta.crl.der"), &crl), XCV_ERR_CRL_UNSUPPORTED);

    /* Truncation and trailing data. */
    xcv_slice good = load("int.crl.der");
    assert_int_equal(xcv_crl_parse(xcv_slice_make(good.p, good.n - 1), &crl),
                     XCV_ERR_CRL_MALFORMED);
    uint8_t buf[2048];
    assert_true(good.n + 1 <= sizeof buf);
    memcpy(buf, good.p, good.n);
    buf[good.n] = 0;
    assert_int_equal(xcv_crl_parse(xcv_slice_make(buf, good.n + 1), &crl), XCV_ERR_CRL_MALFORMED);
    /* A certificate is not a CRL. */
    assert_int_equal(xcv_crl_parse(load("int.der"), &crl), XCV_ERR_CRL_MALFORMED);
    assert_int_equal(xcv_crl_parse(good, NULL), XCV_ERR_INVALID_ARGUMENT);
    free_all();
}

/* ------------------------------------------------------------------------ */
/* Hand-built CRLs for the syntax rules                                      */
/* ------------------------------------------------------------------------ */

struct buf {
    uint8_t b[1024];
    size_t n;
};

static void put(struct buf *o, const uint8_t *p, size_t n)
{
    assert_true(o->n + n <= sizeof o->b);
    memcpy(o->b + o->n, p, n);
    o->n += n;
}

/* Appends tag, length and content. */
static void tlv(struct buf *o, uint8_t tag, const struct buf *content)
{
    uint8_t h[4];
    size_t hn = 0;
    h[hn++] = tag;
    if (content->n < 128) {
        h[hn++] = (uint8_t)content->n;
    } else {
        assert_true(content->n < 256);
        h[hn++] = 0x81;
        h[hn++] = (uint8_t)content->n;
    }
    put(o, h, hn);
    put(o, content->b, content->n);
}

static void hex(struct buf *o, const char *h)
{
    uint8_t tmp[512];
    size_t n = xcv_test_hex(h, tmp, sizeof tmp);
    assert_true(n != (size_t)-1);
    put(o, tmp, n);
}

#define ALG_ECDSA_SHA256 "300a06082a8648ce3d040302"
#define NAME_INT         "3011310f300d06035504030c06496e74204341"
#define CRL_NUMBER_EXT   "300a0603551d140403020101"
#define TIME_THIS        "170d3234303130313030303030305a"
#define TIME_NEXT        "170d3234303230313030303030305a"

/*
 * Builds CertificateList { TBSCertList { version_hex, alg, issuer,
 * thisUpdate, next_hex, revoked_hex, [0] { exts_hex } }, outer_alg, sig }.
 * NULL pieces are left out.
 */
static xcv_slice build(struct buf *out, const char *version_hex, const char *next_hex,
                       const char *revoked_hex, const char *exts_hex, const char *outer_alg)
{
    struct buf tbs = {.n = 0};
    if (version_hex != NULL) {
        hex(&tbs, version_hex);
    }
    hex(&tbs, ALG_ECDSA_SHA256 NAME_INT TIME_THIS);
    if (next_hex != NULL) {
        hex(&tbs, next_hex);
    }
    if (revoked_hex != NULL) {
        struct buf r = {.n = 0};
        hex(&r, revoked_hex);
        tlv(&tbs, 0x30, &r);
    }
    if (exts_hex != NULL) {
        struct buf e = {.n = 0};
        struct buf seq = {.n = 0};
        hex(&e, exts_hex);
        tlv(&seq, 0x30, &e);
        tlv(&tbs, 0xa0, &seq);
    }
    struct buf list = {.n = 0};
    tlv(&list, 0x30, &tbs);
    hex(&list, outer_alg != NULL ? outer_alg : ALG_ECDSA_SHA256);
    hex(&list, "030300aabb");
    out->n = 0;
    tlv(out, 0x30, &list);
    return xcv_slice_make(out->b, out->n);
}

static void test_parse_syntax_rules(void **state)
{
    (void)state;
    struct buf b;
    struct xcv_crl crl;
    const char *v2 = "020101";
    /* The minimal conforming CRL: v2, nextUpdate, CRL number. */
    assert_int_equal(xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL, CRL_NUMBER_EXT, NULL), &crl),
                     XCV_OK);
    assert_int_equal(crl.revoked_count, 0);
    /* v1 (no version) cannot carry the CRL number: rejected. */
    assert_int_equal(xcv_crl_parse(build(&b, NULL, TIME_NEXT, NULL, CRL_NUMBER_EXT, NULL), &crl),
                     XCV_ERR_CRL_MALFORMED);
    /* Version 3 (2) does not exist for CRLs. */
    assert_int_equal(
        xcv_crl_parse(build(&b, "020102", TIME_NEXT, NULL, CRL_NUMBER_EXT, NULL), &crl),
        XCV_ERR_CRL_MALFORMED);
    /* 5.1.2.5: nextUpdate is required. */
    assert_int_equal(xcv_crl_parse(build(&b, v2, NULL, NULL, CRL_NUMBER_EXT, NULL), &crl),
                     XCV_ERR_CRL_MALFORMED);
    /* thisUpdate after nextUpdate. */
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, "170d3233303130313030303030305a", NULL, CRL_NUMBER_EXT, NULL),
                      &crl),
        XCV_ERR_CRL_MALFORMED);
    /* 5.1.1.2: outer and inner signature algorithms must be identical. */
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL, CRL_NUMBER_EXT, "300a06082a8648ce3d040303"),
                      &crl),
        XCV_ERR_CRL_MALFORMED);
    /* 5.1.2.6: an empty revokedCertificates list must be absent. */
    assert_int_equal(xcv_crl_parse(build(&b, v2, TIME_NEXT, "", CRL_NUMBER_EXT, NULL), &crl),
                     XCV_ERR_CRL_MALFORMED);
    /* An entry without extensions; then with reasonCode cACompromise. */
    const char *entry = "3013 02021002 170d3233313231353132303030305a";
    assert_int_equal(xcv_crl_parse(build(&b, v2, TIME_NEXT, entry, CRL_NUMBER_EXT, NULL), &crl),
                     XCV_OK);
    assert_int_equal(crl.revoked_count, 1);
    const char *entry_reason = "3021 02021002 170d3233313231353132303030305a"
                               "300c300a0603551d150403 0a0102";
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, entry_reason, CRL_NUMBER_EXT, NULL), &crl), XCV_OK);
    const uint8_t serial[] = {0x10, 0x02};
    int found = 0;
    struct xcv_crl_entry e;
    assert_int_equal(xcv_crl_find(&crl, xcv_slice_make(serial, 2), &found, &e), XCV_OK);
    assert_int_equal(found, 1);
    assert_int_equal(e.reason, 2);
    /* Reason code 7 is unused in CRLReason. */
    const char *entry_reason7 = "3021 02021002 170d3233313231353132303030305a"
                                "300c300a0603551d150403 0a0107";
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, entry_reason7, CRL_NUMBER_EXT, NULL), &crl),
        XCV_ERR_CRL_MALFORMED);
    /* 5.3: an unknown critical entry extension. */
    const char *entry_crit = "3023 02021002 170d3233313231353132303030305a"
                             "300e300c06032a0304 0101ff 04020500";
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, entry_crit, CRL_NUMBER_EXT, NULL), &crl),
        XCV_ERR_CRL_UNKNOWN_CRITICAL);
    /* ... the same extension non-critical is ignored. */
    const char *entry_noncrit = "3020 02021002 170d3233313231353132303030305a"
                                "300b300906032a0304 04020500";
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, entry_noncrit, CRL_NUMBER_EXT, NULL), &crl), XCV_OK);
    /* 5.3.3: certificateIssuer means an indirect CRL: unsupported. */
    const char *entry_ci = "3032 02021002 170d3233313231353132303030305a"
                           "301d301b0603551d1d0101ff0411300fa40d300b3109300706035504030c00";
    assert_int_equal(xcv_crl_parse(build(&b, v2, TIME_NEXT, entry_ci, CRL_NUMBER_EXT, NULL), &crl),
                     XCV_ERR_CRL_UNSUPPORTED);
    /* A CRL number encoded critical, negative, or twice. */
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL, "300d0603551d140101ff0403020101", NULL), &crl),
        XCV_ERR_CRL_MALFORMED);
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL, "300a0603551d1404030201ff", NULL), &crl),
        XCV_ERR_CRL_MALFORMED);
    assert_int_equal(
        xcv_crl_parse(
            build(&b, v2, TIME_NEXT, NULL, CRL_NUMBER_EXT "300a0603551d140403020102", NULL), &crl),
        XCV_ERR_CRL_MALFORMED);
    /* critical explicitly FALSE: a DEFAULT value encoded. */
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL, "300d0603551d140101000403020101", NULL), &crl),
        XCV_ERR_CRL_MALFORMED);
    /* 5.2.5: an empty issuingDistributionPoint; indirectCRL; two scopes. */
    assert_int_equal(xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL,
                                         CRL_NUMBER_EXT "300c0603551d1c0101ff04023000", NULL),
                                   &crl),
                     XCV_ERR_CRL_MALFORMED);
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL,
                            CRL_NUMBER_EXT "300f0603551d1c0101ff040530038101 00", NULL),
                      &crl),
        XCV_ERR_CRL_MALFORMED);
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL,
                            CRL_NUMBER_EXT "300f0603551d1c0101ff0405300384 01ff", NULL),
                      &crl),
        XCV_ERR_CRL_UNSUPPORTED);
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL,
                            CRL_NUMBER_EXT "30120603551d1c0101ff0408300681 01ff8201ff", NULL),
                      &crl),
        XCV_ERR_CRL_MALFORMED);
    assert_int_equal(
        xcv_crl_parse(build(&b, v2, TIME_NEXT, NULL,
                            CRL_NUMBER_EXT "300f0603551d1c0101ff0405300382 01ff", NULL),
                      &crl),
        XCV_OK);
    assert_true(crl.idp_only_ca);
}

/* ------------------------------------------------------------------------ */
/* Status checks                                                             */
/* ------------------------------------------------------------------------ */

static void test_current_crl(void **state)
{
    (void)state;
    struct xcv_crl_status st;
    xcv_time now = at(2024, 1, 15);
    /* Not listed: good in both modes. */
    assert_int_equal(check("leaf-good.der", "int.der", INT_CRL, 1, now, 0, &st), XCV_OK);
    assert_int_equal(check("leaf-good.der", "int.der", INT_CRL, 1, now, 1, &st), XCV_OK);
    assert_int_equal(st.sig_checks, 1);
    /* Listed: revoked in both modes, naming the CRL, date and reason. */
    for (int hard = 0; hard <= 1; hard++) {
        assert_int_equal(check("leaf-revoked.der", "int.der", INT_CRL, 1, now, hard, &st),
                         XCV_ERR_REVOKED);
        assert_int_equal(st.crl_index, 0);
        xcv_time rev;
        assert_int_equal(xcv_time_from_civil(2023, 12, 15, 12, 0, 0, &rev), XCV_OK);
        assert_int_equal(st.revocation_date, rev);
        assert_int_equal(st.reason, 1);
    }
    /* Bounds of the validity window are inclusive. */
    assert_int_equal(check("leaf-revoked.der", "int.der", INT_CRL, 1, at(2024, 1, 1), 1, &st),
                     XCV_ERR_REVOKED);
    assert_int_equal(check("leaf-revoked.der", "int.der", INT_CRL, 1, at(2024, 2, 1), 1, &st),
                     XCV_ERR_REVOKED);
}

static void test_expired_and_future_crl(void **state)
{
    (void)state;
    struct xcv_crl_status st;
    xcv_time later = at(2024, 3, 1);
    xcv_time earlier = at(2023, 12, 20);
    /* An expired CRL is not used: soft-fail passes, even for a listed serial ... */
    assert_int_equal(check("leaf-revoked.der", "int.der", INT_CRL, 1, later, 0, &st), XCV_OK);
    /* ... hard-fail names why the only CRL did not count. */
    assert_int_equal(check("leaf-good.der", "int.der", INT_CRL, 1, later, 1, &st),
                     XCV_ERR_CRL_EXPIRED);
    assert_int_equal(st.crl_index, 0);
    assert_int_equal(check("leaf-revoked.der", "int.der", INT_CRL, 1, earlier, 0, &st), XCV_OK);
    assert_int_equal(check("leaf-good.der", "int.der", INT_CRL, 1, earlier, 1, &st),
                     XCV_ERR_CRL_NOT_YET_VALID);
}

static void test_wrong_issuer(void **state)
{
    (void)state;
    struct xcv_crl_status st;
    xcv_time now = at(2024, 1, 15);
    /* Another CA lists serial 0x1001: not about this certificate. */
    const char *const other[] = {"other.crl.der"};
    assert_int_equal(check("leaf-good.der", "int.der", other, 1, now, 0, &st), XCV_OK);
    assert_int_equal(check("leaf-good.der", "int.der", other, 1, now, 1, &st), XCV_ERR_CRL_MISSING);
    assert_int_equal(st.crl_index, -1);
    /* With the real issuer's CRL as well, hard-fail passes. */
    const char *const both[] = {"other.crl.der", "int.crl.der"};
    assert_int_equal(check("leaf-good.der", "int.der", both, 2, now, 1, &st), XCV_OK);
    /* The revoking CRL is named by its index. */
    assert_int_equal(check("leaf-revoked.der", "int.der", both, 2, now, 0, &st), XCV_ERR_REVOKED);
    assert_int_equal(st.crl_index, 1);
}

static void test_impostor_key(void **state)
{
    (void)state;
    struct xcv_crl_status st;
    xcv_time now = at(2024, 1, 15);
    /* Same issuer name, other key, lists 0x1001. Its AKI names another key:
     * skipped; without an SKI to compare, the signature check rejects it. */
    const char *const imp[] = {"impostor.crl.der"};
    assert_int_equal(check("leaf-good.der", "int.der", imp, 1, now, 0, &st), XCV_OK);
    assert_int_equal(check("leaf-good.der", "int.der", imp, 1, now, 1, &st), XCV_ERR_CRL_MISSING);

    struct xcv_cert l;
    struct xcv_cert c;
    load_cert("leaf-good.der", &l);
    load_cert("int.der", &c);
    struct xcv_crl_issuer is;
    issuer_of(&c, &is);
    is.ski = xcv_slice_empty();
    xcv_slice crls[1] = {load("impostor.crl.der")};
    struct xcv_crl_check p;
    memset(&p, 0, sizeof p);
    p.crls = crls;
    p.count = 1;
    p.now = now;
    p.sig_budget = 10;
    assert_int_equal(xcv_crl_check_cert(&l, &is, &p, &st), XCV_OK);
    p.hard_fail = 1;
    assert_int_equal(xcv_crl_check_cert(&l, &is, &p, &st), XCV_ERR_CRL_BAD_SIGNATURE);
    assert_int_equal(st.crl_index, 0);
    assert_int_equal(st.sig_checks, 1);
    free_all();
}

static void test_crl_sign_key_usage(void **state)
{
    (void)state;
    struct xcv_crl_status st;
    xcv_time now = at(2024, 1, 15);
    /* keyUsage present without cRLSign: the CRL does not count. */
    const char *const nosign[] = {"nosign.crl.der"};
    assert_int_equal(check("leaf-nosign.der", "int-nosign.der", nosign, 1, now, 1, &st),
                     XCV_ERR_CRL_ISSUER_NO_CRLSIGN);
    assert_int_equal(check("leaf-nosign.der", "int-nosign.der", nosign, 1, now, 0, &st), XCV_OK);
    /* No keyUsage at all: 6.3.3 (f) does not apply. */
    const char *const noku[] = {"noku.crl.der"};
    assert_int_equal(check("leaf-noku.der", "int-noku.der", noku, 1, now, 1, &st), XCV_OK);
    /* keyCertSign and cRLSign. */
    assert_int_equal(check("leaf-good.der", "int.der", INT_CRL, 1, now, 1, &st), XCV_OK);
}

static void test_unknown_critical(void **state)
{
    (void)state;
    struct xcv_crl_status st;
    const char *const crit[] = {"int-critext.crl.der"};
    assert_int_equal(check("leaf-good.der", "int.der", crit, 1, at(2024, 1, 15), 0, &st),
                     XCV_ERR_CRL_UNKNOWN_CRITICAL);
    assert_int_equal(st.crl_index, 0);
    const char *const delta[] = {"int.crl.der", "int-delta.crl.der"};
    assert_int_equal(check("leaf-good.der", "int.der", delta, 2, at(2024, 1, 15), 0, &st),
                     XCV_ERR_CRL_UNSUPPORTED);
    assert_int_equal(st.crl_index, 1);
}

static void test_revoked_intermediate(void **state)
{
    (void)state;
    struct xcv_crl_status st;
    xcv_time now = at(2024, 1, 15);
    const char *const root[] = {"root.crl.der"};
    assert_int_equal(check("int-revoked.der", "root.der", root, 1, now, 1, &st), XCV_ERR_REVOKED);
    assert_int_equal(st.reason, 2); /* cACompromise */
    assert_int_equal(check("int.der", "root.der", root, 1, now, 1, &st), XCV_OK);
    /* The intermediate's CRL says nothing about the intermediate itself. */
    assert_int_equal(check("int-revoked.der", "root.der", INT_CRL, 1, now, 1, &st),
                     XCV_ERR_CRL_MISSING);
}

static void test_scope(void **state)
{
    (void)state;
    struct xcv_crl_status st;
    xcv_time now = at(2024, 1, 15);
    /* onlyContainsCACerts: a leaf is out of scope, even when listed. */
    const char *const onlyca[] = {"int-onlyca.crl.der"};
    assert_int_equal(check("leaf-revoked.der", "int.der", onlyca, 1, now, 0, &st), XCV_OK);
    assert_int_equal(check("leaf-good.der", "int.der", onlyca, 1, now, 1, &st),
                     XCV_ERR_CRL_MISSING);
    /* onlyContainsUserCerts covers a leaf. */
    const char *const onlyuser[] = {"int-onlyuser.crl.der"};
    assert_int_equal(check("leaf-revoked.der", "int.der", onlyuser, 1, now, 0, &st),
                     XCV_ERR_REVOKED);
    assert_int_equal(check("leaf-good.der", "int.der", onlyuser, 1, now, 1, &st), XCV_OK);
    /* A partitioned CRL covers only certificates naming its distribution point. */
    const char *const dp[] = {"int-dp.crl.der"};
    assert_int_equal(check("leaf-dp.der", "int.der", dp, 1, now, 1, &st), XCV_OK);
    assert_int_equal(check("leaf-good.der", "int.der", dp, 1, now, 1, &st), XCV_ERR_CRL_MISSING);
}

static void test_hard_vs_soft_without_crls(void **state)
{
    (void)state;
    struct xcv_crl_status st;
    assert_int_equal(check("leaf-good.der", "int.der", NULL, 0, at(2024, 1, 15), 0, &st), XCV_OK);
    assert_int_equal(check("leaf-good.der", "int.der", NULL, 0, at(2024, 1, 15), 1, &st),
                     XCV_ERR_CRL_MISSING);
}

static void test_budget_and_cache(void **state)
{
    (void)state;
    struct xcv_cert l;
    struct xcv_cert c;
    load_cert("leaf-good.der", &l);
    load_cert("int.der", &c);
    struct xcv_crl_issuer is;
    issuer_of(&c, &is);
    xcv_slice crls[1] = {load("int.crl.der")};
    struct xcv_sig_cache_entry entries[8];
    struct xcv_sig_cache cache;
    xcv_sig_cache_init(&cache, entries, 8);
    struct xcv_crl_check p;
    memset(&p, 0, sizeof p);
    p.crls = crls;
    p.count = 1;
    p.now = at(2024, 1, 15);
    p.hard_fail = 1;
    p.sig_budget = 0;
    struct xcv_crl_status st;
    assert_int_equal(xcv_crl_check_cert(&l, &is, &p, &st), XCV_ERR_SIGNATURE_BUDGET);
    p.sig_budget = 1;
    p.cache = &cache;
    assert_int_equal(xcv_crl_check_cert(&l, &is, &p, &st), XCV_OK);
    assert_int_equal(st.sig_checks, 1);
    assert_int_equal(st.cache_hits, 0);
    /* Second time: answered by the cache, no budget needed. */
    p.sig_budget = 0;
    assert_int_equal(xcv_crl_check_cert(&l, &is, &p, &st), XCV_OK);
    assert_int_equal(st.sig_checks, 0);
    assert_int_equal(st.cache_hits, 1);
    assert_int_equal(xcv_crl_check_cert(&l, &is, NULL, &st), XCV_ERR_INVALID_ARGUMENT);
    free_all();
}

/* xcv_file_read_crls / xcv_file_crls_from_memory (store_file.c): DER and
 * PEM "X509 CRL", other blocks ignored. */
static void test_file_loading(void **state)
{
    (void)state;
    struct xcv_file_certs fc;
    struct xcv_file_stats st;
    size_t der_n = 0;
    uint8_t *der = xcv_test_read_file("vectors/crl/int.crl.der", &der_n);
    assert_non_null(der);
    char pem_path[1024];
    char der_path[1024];
    const char *root = getenv("XCV_SOURCE_DIR");
    snprintf(pem_path, sizeof pem_path, "%s/vectors/crl/int.crl.pem", root ? root : ".");
    snprintf(der_path, sizeof der_path, "%s/vectors/crl/int.crl.der", root ? root : ".");

    assert_int_equal(xcv_file_read_crls(pem_path, &fc, &st), XCV_FILE_OK);
    assert_int_equal(fc.count, 1);
    assert_int_equal(fc.certs[0].n, der_n);
    assert_memory_equal(fc.certs[0].p, der, der_n);
    xcv_file_certs_free(&fc);
    assert_int_equal(xcv_file_read_crls(der_path, &fc, &st), XCV_FILE_OK);
    assert_int_equal(fc.count, 1);
    assert_memory_equal(fc.certs[0].p, der, der_n);
    xcv_file_certs_free(&fc);
    /* a PEM file with certificates only holds no CRL */
    const char *cert_only = "-----BEGIN CERTIFICATE-----\naGk=\n-----END CERTIFICATE-----\n";
    assert_int_equal(xcv_file_crls_from_memory((const uint8_t *)cert_only, strlen(cert_only), &fc,
                                               &st),
                     XCV_FILE_NO_CERTS);
    assert_int_equal(xcv_file_read_crls("vectors/crl/no-such-file", &fc, &st), XCV_FILE_IO);
    assert_int_equal(xcv_file_read_crls(NULL, &fc, &st), XCV_FILE_INVALID);
    free(der);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_generated),
        cmocka_unit_test(test_parse_rejects_generated),
        cmocka_unit_test(test_parse_syntax_rules),
        cmocka_unit_test(test_current_crl),
        cmocka_unit_test(test_expired_and_future_crl),
        cmocka_unit_test(test_wrong_issuer),
        cmocka_unit_test(test_impostor_key),
        cmocka_unit_test(test_crl_sign_key_usage),
        cmocka_unit_test(test_unknown_critical),
        cmocka_unit_test(test_revoked_intermediate),
        cmocka_unit_test(test_scope),
        cmocka_unit_test(test_hard_vs_soft_without_crls),
        cmocka_unit_test(test_budget_and_cache),
        cmocka_unit_test(test_file_loading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
