/*
 * fuzz_cert.c -- libFuzzer target: xcv_cert_parse plus every accessor on
 * what it returns (SAN iteration, DN attributes and formatting, names
 * compare, times, public key decoding, anchor extraction, identity match).
 * Properties: error iff no usable output; every slice inside the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xcv.h"
#ifdef XCV_FUZZ_TLV_MUTATOR
#include "tlv_mutator.h"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Results deliberately unused: only survival and invariants matter here. */
#define XCV_IGNORE(e) do { if ((e) != XCV_OK) { } } while (0)

static const uint8_t *g_base;
static size_t g_size;

static void inside(xcv_slice s)
{
    if (s.n == 0) {
        return;
    }
    if (s.p < g_base || s.n > g_size || (size_t)(s.p - g_base) > g_size - s.n) {
        abort();
    }
}

static void names(xcv_slice name)
{
    xcv_dn_iter it;
    struct xcv_dn_attr a;
    xcv_dn_iter_init(&it, name);
    while (xcv_dn_next(&it, &a)) {
        inside(a.oid);
        inside(a.value);
    }
    char small[8], big[1024];
    size_t need = xcv_dn_format(name, small, sizeof small);
    if (strlen(small) >= sizeof small) {
        abort();
    }
    size_t need2 = xcv_dn_format(name, big, sizeof big);
    if (need != need2) {
        abort();
    }
    (void)xcv_dn_format(name, NULL, 0);
}

static void ip_text(const uint8_t *ip, size_t len)
{
    char small[6], big[128];
    size_t need = xcv_ip_format(ip, len, big, sizeof big);
    if (need >= sizeof big || strlen(big) != need) {
        abort();
    }
    if (xcv_ip_format(ip, len, small, sizeof small) != need || strlen(small) >= sizeof small) {
        abort();
    }
    if (xcv_ip_format(ip, len, NULL, 0) != need) {
        abort();
    }
}

static void general_names(xcv_slice gns)
{
    xcv_gn_iter it;
    struct xcv_general_name gn;
    xcv_gn_iter_init(&it, gns);
    size_t count = 0;
    while (xcv_gn_next(&it, &gn)) {
        inside(gn.value);
        if (gn.type == XCV_GN_DIRECTORY) {
            names(gn.value);
        }
        if (gn.type == XCV_GN_IP && gn.value.n <= 32) {
            ip_text(gn.value.p, gn.value.n);
        }
        if (++count > 100000) {
            abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct xcv_cert c;
    size_t off = 0;
    g_base = data;
    g_size = size;
    xcv_err e = xcv_cert_parse((xcv_slice){data, size}, &c, &off);
    if (e != XCV_OK) {
        if (off > size) {
            abort();
        }
        if (xcv_err_name(e)[0] == '\0' || xcv_strerror(e)[0] == '\0') {
            abort();
        }
        return 0;
    }
    if (c.der.p != data || c.der.n != size || c.version < 1 || c.version > 3) {
        abort();
    }
    xcv_slice all[] = {c.tbs, c.serial, c.sig_alg_der, c.sig_params, c.signature, c.issuer,
                       c.subject, c.spki, c.key.spki, c.key.alg_der, c.key.bits, c.key.rsa_n,
                       c.key.rsa_e, c.key.ec_point, c.issuer_uid, c.subject_uid, c.extensions,
                       c.eku_der, c.san, c.ian, c.nc_permitted, c.nc_excluded, c.aki_key_id,
                       c.ski, c.policies, c.policy_mappings, c.policy_constraints,
                       c.inhibit_any_policy, c.crl_dp, c.aia, c.ext_err_oid};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        inside(all[i]);
    }
    names(c.issuer);
    names(c.subject);
    (void)xcv_dn_equal(c.issuer, c.subject);
    general_names(c.san);
    general_names(c.ian);
    general_names(c.nc_permitted);
    general_names(c.nc_excluded);

    char t[21];
    xcv_time_format(c.not_before, t);
    xcv_time_format(c.not_after, t);

    struct xcv_pubkey k;
    if (xcv_pubkey_parse(c.spki, &k) != XCV_OK || k.type != c.key.type) {
        abort();
    }
    uint8_t h[32];
    xcv_sha256(c.der, h);

    struct xcv_anchor a;
    if (xcv_anchor_from_cert(c.der, &a) == XCV_OK) {
        inside(a.subject);
        inside(a.spki);
    }

    static const struct xcv_ref refs[] = {
        {XCV_REF_DNS, {(const uint8_t *)"example.com", 11}},
        {XCV_REF_DNS, {(const uint8_t *)"a.b.example.com.", 16}},
        {XCV_REF_IP, {(const uint8_t *)"127.0.0.1", 9}},
        {XCV_REF_IP, {(const uint8_t *)"::1", 3}},
        {XCV_REF_EMAIL, {(const uint8_t *)"a@example.com", 13}},
        {XCV_REF_URI, {(const uint8_t *)"spiffe://example.org/x", 22}},
    };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        for (uint32_t f = 0; f < 2; f++) {
            uint32_t flags = f ? XCV_FLAG_CN_FALLBACK : 0;
            unsigned reasons = 0xdead;
            xcv_err m = xcv_ident_match(&c, &refs[i], flags);
            /* explain gives the same verdict, and reasons only on a mismatch */
            if (xcv_ident_explain(&c, &refs[i], flags, &reasons) != m ||
                (m == XCV_OK && reasons != 0)) {
                abort();
            }
        }
    }

    /* SAN listing: the count does not depend on cap; entries are views of the input */
    struct xcv_general_name list[4];
    int has_ip = -1, has_dns = -1;
    size_t total = xcv_ident_list(&c, NULL, 0, NULL, NULL);
    if (xcv_ident_list(&c, list, 4, &has_ip, &has_dns) != total || (has_ip != 0 && has_ip != 1) ||
        (has_dns != 0 && has_dns != 1)) {
        abort();
    }
    for (size_t i = 0; i < total && i < 4; i++) {
        inside(list[i].value);
    }
    xcv_slice cn;
    if (xcv_ident_cn(&c, &cn)) {
        inside(cn);
    }
    return 0;
}
