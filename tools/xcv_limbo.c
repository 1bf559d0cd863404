/*
 * xcv_limbo.c -- x509-limbo harness: `xcv-limbo < limbo.json > results.json`.
 *
 * Purpose
 *   Runs every testcase of an x509-limbo suite through xcv_verify and writes
 *   the results in the harness format shared by every limbo harness:
 *   {"version": 1, "harness": "xcv", "results": [{"id", "actual_result",
 *   "context"}]}. The exit status is non-zero only for harness errors
 *   (unreadable JSON, missing fields), never for testcase outcomes.
 *
 * Mapping of the testcase fields
 *   validation_kind     SERVER: purpose serverAuth and the peer name;
 *                       CLIENT: purpose clientAuth.
 *   extended_key_usage  empty: the validation kind's purpose only. Otherwise
 *                       one verification per listed purpose, all required
 *                       (serverAuth, clientAuth, codeSigning,
 *                       emailProtection; any other name is SKIPPED).
 *   expected_peer_name  DNS / IP / RFC822 references; null: no identity check.
 *   expected_peer_names every listed name must match as well.
 *   max_chain_depth     intermediates allowed: max_depth = depth + 2
 *                       (leaf + intermediates + anchor), capped at
 *                       XCV_MAX_DEPTH; null: xcv's default.
 *   validation_time     RFC 3339; null: the current time.
 *   key_usage           the leaf's keyUsage extension, when present, must
 *                       assert every listed bit (checked here on the parsed
 *                       leaf after verification; an absent extension places
 *                       no restriction, RFC 5280 4.2.1.3).
 *   signature_algorithms  non-empty: SKIPPED (xcv has no per-call allow-list).
 *   crls                PEM "X509 CRL" blocks (xcv_pem_next_label) passed as
 *                       params.crls with revocation = XCV_REVOCATION_LEAF and
 *                       XCV_REVOCATION_HARD_FAIL (the suite's CRL testcases
 *                       check the leaf against its issuer's CRL, and
 *                       expect failure when that CRL does not count); a CRL
 *                       that does not decode is a FAILURE naming it.
 *
 * Implementation notes
 *   - Outside the core: jansson, malloc, stdio, time() are fine here.
 *   - Trusted certificates become anchors through struct xcv_file_store
 *     (xcv_anchor_from_cert); one that does not load is named in the
 *     context of a FAILURE so the cause is visible.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xcv.h"
#include "xcv_file.h"

#define CTX_MAX 512

struct tc_result {
    const char *actual; /* "SUCCESS", "FAILURE", "SKIPPED" */
    char context[CTX_MAX];
};

static void set_result(struct tc_result *r, const char *actual, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_result(struct tc_result *r, const char *actual, const char *fmt, ...)
{
    va_list ap;
    r->actual = actual;
    va_start(ap, fmt);
    vsnprintf(r->context, sizeof r->context, fmt, ap);
    va_end(ap);
}

static int is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return 1;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* RFC 3339 date-time: YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM). */
static int parse_rfc3339(const char *s, xcv_time *out)
{
    size_t n = strlen(s);
    if (n < 20 || !is_digits(s, 4) || s[4] != '-' || !is_digits(s + 5, 2) || s[7] != '-' ||
        !is_digits(s + 8, 2) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
        !is_digits(s + 11, 2) || s[13] != ':' || !is_digits(s + 14, 2) || s[16] != ':' ||
        !is_digits(s + 17, 2)) {
        return 0;
    }
    size_t i = 19;
    if (s[i] == '.') {
        i++;
        size_t j = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        if (i == j) {
            return 0;
        }
    }
    int64_t offset = 0;
    if (i < n && (s[i] == 'Z' || s[i] == 'z') && i + 1 == n) {
        offset = 0;
    } else if (i + 6 == n && (s[i] == '+' || s[i] == '-') && is_digits(s + i + 1, 2) &&
               s[i + 3] == ':' && is_digits(s + i + 4, 2)) {
        offset = (int64_t)num(s + i + 1, 2) * 3600 + (int64_t)num(s + i + 4, 2) * 60;
        if (s[i] == '-') {
            offset = -offset;
        }
    } else {
        return 0;
    }
    int sec = num(s + 17, 2);
    if (sec == 60) {
        sec = 59; /* a leap second: xcv time has none */
    }
    xcv_time t;
    if (xcv_time_from_civil(num(s, 4), num(s + 5, 2), num(s + 8, 2), num(s + 11, 2),
                            num(s + 14, 2), sec, &t) != XCV_OK) {
        return 0;
    }
    *out = t - offset;
    return 1;
}

/* Maps a limbo extended_key_usage name to an xcv purpose; 0 when unsupported. */
static int eku_purpose(const char *name, xcv_purpose *out)
{
    static const struct {
        const char *name;
        xcv_purpose p;
    } map[] = {
        {"serverAuth", XCV_PURPOSE_SERVER},
        {"clientAuth", XCV_PURPOSE_CLIENT},
        {"codeSigning", XCV_PURPOSE_CODE_SIGNING},
        {"emailProtection", XCV_PURPOSE_EMAIL},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(name, map[i].name) == 0) {
            *out = map[i].p;
            return 1;
        }
    }
    return 0;
}

/* keyUsage names of the limbo schema -> XCV_KU_* bits; 0 when unknown. */
static uint32_t ku_bit(const char *name)
{
    static const struct {
        const char *name;
        uint32_t bit;
    } map[] = {
        {"digitalSignature", XCV_KU_DIGITAL_SIGNATURE}, {"contentCommitment", XCV_KU_NON_REPUDIATION},
        {"nonRepudiation", XCV_KU_NON_REPUDIATION},     {"keyEncipherment", XCV_KU_KEY_ENCIPHERMENT},
        {"dataEncipherment", XCV_KU_DATA_ENCIPHERMENT}, {"keyAgreement", XCV_KU_KEY_AGREEMENT},
        {"keyCertSign", XCV_KU_KEY_CERT_SIGN},          {"cRLSign", XCV_KU_CRL_SIGN},
        {"encipherOnly", XCV_KU_ENCIPHER_ONLY},         {"decipherOnly", XCV_KU_DECIPHER_ONLY},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(name, map[i].name) == 0) {
            return map[i].bit;
        }
    }
    return 0;
}

/* A peer name object {"kind", "value"} -> xcv_ref; 0 with a reason when unsupported. */
static int peer_ref(json_t *pn, struct xcv_ref *ref, const char **why)
{
    const char *kind = json_string_value(json_object_get(pn, "kind"));
    json_t *jv = json_object_get(pn, "value");
    const char *value = json_string_value(jv);
    if (kind == NULL || value == NULL) {
        *why = "malformed expected_peer_name";
        return 0;
    }
    if (strcmp(kind, "DNS") == 0) {
        ref->type = XCV_REF_DNS;
    } else if (strcmp(kind, "IP") == 0) {
        ref->type = XCV_REF_IP;
    } else if (strcmp(kind, "RFC822") == 0) {
        ref->type = XCV_REF_EMAIL;
    } else {
        *why = "peer name kind not supported";
        return 0;
    }
    ref->name.p = (const uint8_t *)value;
    ref->name.n = json_string_length(jv);
    return 1;
}

static const char *json_str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The presented chain: leaf, then intermediates, as DER slices. */
struct chain {
    struct xcv_file_certs parts[XCV_MAX_PRESENTED + 1];
    size_t nparts;
    xcv_slice certs[XCV_MAX_PRESENTED + 1];
    size_t n;
    int too_many;
    /* CRLs (DER, each in its own malloc'd buffer) */
    uint8_t *crl_buf[16];
    xcv_slice crls[16];
    size_t ncrls;
};

static void chain_free(struct chain *c)
{
    for (size_t i = 0; i < c->nparts; i++) {
        xcv_file_certs_free(&c->parts[i]);
    }
    c->nparts = 0;
    c->n = 0;
    for (size_t i = 0; i < c->ncrls; i++) {
        free(c->crl_buf[i]);
    }
    c->ncrls = 0;
}

/* Decodes the "X509 CRL" blocks of one PEM string; 0 with a reason on failure. */
static int chain_add_crl(struct chain *c, const char *pem, size_t len, size_t index, char *why,
                         size_t why_cap)
{
    xcv_slice in = {(const uint8_t *)pem, len};
    for (;;) {
        size_t need = 0;
        uint8_t *buf;
        xcv_err e;
        if (c->ncrls == sizeof c->crls / sizeof c->crls[0]) {
            snprintf(why, why_cap, "harness: more than %zu CRLs", c->ncrls);
            return 0;
        }
        buf = malloc(len == 0 ? 1 : len);
        if (buf == NULL) {
            snprintf(why, why_cap, "harness: out of memory");
            return 0;
        }
        e = xcv_pem_next_label(&in, "X509 CRL", buf, len, &need);
        if (e == XCV_ERR_PEM_NOT_FOUND) {
            free(buf);
            return 1;
        }
        if (e != XCV_OK) {
            free(buf);
            snprintf(why, why_cap, "crls[%zu]: %s", index, xcv_err_name(e));
            return 0;
        }
        c->crl_buf[c->ncrls] = buf;
        c->crls[c->ncrls].p = buf;
        c->crls[c->ncrls].n = need;
        c->ncrls++;
    }
}

/* Appends the certificates of one PEM string; 0 with a reason on failure. */
static int chain_add_pem(struct chain *c, const char *pem, size_t len, char *why, size_t why_cap,
                         const char *what)
{
    if (c->nparts == sizeof c->parts / sizeof c->parts[0]) {
        c->too_many = 1;
        return 1;
    }
    struct xcv_file_certs *fc = &c->parts[c->nparts];
    struct xcv_file_stats st;
    xcv_file_status s = xcv_file_certs_from_memory((const uint8_t *)pem, len, fc, &st);
    if (s != XCV_FILE_OK) {
        snprintf(why, why_cap, "%s: %s (%s)", what, xcv_file_status_str(s),
                 st.rejected ? xcv_err_name(st.first_err) : "no PEM block");
        return 0;
    }
    c->nparts++;
    for (size_t i = 0; i < fc->count; i++) {
        if (c->n == sizeof c->certs / sizeof c->certs[0]) {
            c->too_many = 1;
            break;
        }
        c->certs[c->n++] = fc->certs[i];
    }
    return 1;
}

static const char *index_text(int idx, char buf[32])
{
    if (idx == XCV_INDEX_ANCHOR) {
        return "anchor";
    }
    if (idx == XCV_INDEX_NONE) {
        return "none";
    }
    snprintf(buf, 32, "%d", idx);
    return buf;
}

static void run_testcase(json_t *tc, struct xcv_verifier *v, struct tc_result *r)
{
    char why[CTX_MAX];
    json_t *sigalgs = json_object_get(tc, "signature_algorithms");
    if (json_is_array(sigalgs) && json_array_size(sigalgs) > 0) {
        set_result(r, "SKIPPED", "signature_algorithms allow-list: not supported by xcv");
        return;
    }

    /* purposes */
    const char *kind = json_str(tc, "validation_kind");
    xcv_purpose base;
    if (kind != NULL && strcmp(kind, "SERVER") == 0) {
        base = XCV_PURPOSE_SERVER;
    } else if (kind != NULL && strcmp(kind, "CLIENT") == 0) {
        base = XCV_PURPOSE_CLIENT;
    } else {
        set_result(r, "SKIPPED", "validation_kind %s: not supported", kind ? kind : "(missing)");
        return;
    }
    xcv_purpose purposes[8];
    size_t npurposes = 0;
    json_t *ekus = json_object_get(tc, "extended_key_usage");
    size_t i;
    json_t *item;
    json_array_foreach(ekus, i, item)
    {
        const char *name = json_string_value(item);
        xcv_purpose p;
        if (name == NULL || !eku_purpose(name, &p)) {
            set_result(r, "SKIPPED", "extended_key_usage %s: no matching xcv purpose",
                       name ? name : "?");
            return;
        }
        if (npurposes < sizeof purposes / sizeof purposes[0]) {
            purposes[npurposes++] = p;
        }
    }
    if (npurposes == 0) {
        purposes[npurposes++] = base;
    }

    /* keyUsage requirement */
    uint32_t ku_need = 0;
    json_array_foreach(json_object_get(tc, "key_usage"), i, item)
    {
        const char *name = json_string_value(item);
        uint32_t bit = name ? ku_bit(name) : 0;
        if (bit == 0) {
            set_result(r, "SKIPPED", "key_usage %s: unknown", name ? name : "?");
            return;
        }
        ku_need |= bit;
    }

    /* reference identities */
    struct xcv_ref refs[16];
    size_t nrefs = 0;
    json_t *pn = json_object_get(tc, "expected_peer_name");
    if (json_is_object(pn)) {
        const char *w = NULL;
        if (!peer_ref(pn, &refs[nrefs], &w)) {
            set_result(r, "SKIPPED", "%s", w);
            return;
        }
        nrefs++;
    }
    json_array_foreach(json_object_get(tc, "expected_peer_names"), i, item)
    {
        const char *w = NULL;
        if (nrefs == sizeof refs / sizeof refs[0]) {
            break;
        }
        if (!peer_ref(item, &refs[nrefs], &w)) {
            set_result(r, "SKIPPED", "%s", w);
            return;
        }
        nrefs++;
    }

    /* parameters */
    struct xcv_params params;
    xcv_params_default(&params);
    json_t *vt = json_object_get(tc, "validation_time");
    if (json_is_string(vt)) {
        if (!parse_rfc3339(json_string_value(vt), &params.now)) {
            set_result(r, "SKIPPED", "validation_time %s: not RFC 3339", json_string_value(vt));
            return;
        }
    } else {
        params.now = (xcv_time)time(NULL);
    }
    json_t *mcd = json_object_get(tc, "max_chain_depth");
    if (json_is_integer(mcd)) {
        json_int_t d = json_integer_value(mcd);
        if (d < 0) {
            set_result(r, "SKIPPED", "max_chain_depth negative");
            return;
        }
        params.max_depth = d + 2 > XCV_MAX_DEPTH ? XCV_MAX_DEPTH : (unsigned)(d + 2);
    }

    /* trust anchors */
    struct xcv_file_store fs;
    xcv_file_store_init(&fs);
    char anchor_note[160] = "";
    json_array_foreach(json_object_get(tc, "trusted_certs"), i, item)
    {
        const char *pem = json_string_value(item);
        struct xcv_file_stats st;
        xcv_file_status s = pem ? xcv_file_store_add_memory(&fs, (const uint8_t *)pem,
                                                            json_string_length(item), &st)
                                : XCV_FILE_INVALID;
        if (s == XCV_FILE_NO_MEMORY) {
            xcv_file_store_free(&fs);
            set_result(r, "FAILURE", "harness: out of memory");
            return;
        }
        if (s != XCV_FILE_OK && anchor_note[0] == '\0') {
            snprintf(anchor_note, sizeof anchor_note, "; trusted cert %zu not loaded: %s", i,
                     st.rejected ? xcv_err_name(st.first_err) : xcv_file_status_str(s));
        }
    }

    /* presented chain */
    struct chain *c = calloc(1, sizeof *c);
    if (c == NULL) {
        xcv_file_store_free(&fs);
        set_result(r, "FAILURE", "harness: out of memory");
        return;
    }
    json_t *leaf = json_object_get(tc, "peer_certificate");
    if (!json_is_string(leaf) || !chain_add_pem(c, json_string_value(leaf),
                                                json_string_length(leaf), why, sizeof why,
                                                "peer_certificate")) {
        set_result(r, "FAILURE", "%s", json_is_string(leaf) ? why : "no peer_certificate");
        goto out;
    }
    json_array_foreach(json_object_get(tc, "untrusted_intermediates"), i, item)
    {
        if (!json_is_string(item) || !chain_add_pem(c, json_string_value(item),
                                                    json_string_length(item), why, sizeof why,
                                                    "untrusted intermediate")) {
            set_result(r, "FAILURE", "%s", json_is_string(item) ? why : "bad intermediate");
            goto out;
        }
    }
    json_array_foreach(json_object_get(tc, "crls"), i, item)
    {
        if (!json_is_string(item) || !chain_add_crl(c, json_string_value(item),
                                                    json_string_length(item), i, why,
                                                    sizeof why)) {
            set_result(r, "FAILURE", "%s", json_is_string(item) ? why : "bad CRL entry");
            goto out;
        }
    }
    if (c->ncrls > 0) {
        params.crls = c->crls;
        params.crl_count = c->ncrls;
        params.revocation = XCV_REVOCATION_LEAF;
        params.revocation_flags = XCV_REVOCATION_HARD_FAIL;
    }
    if (c->too_many) {
        set_result(r, "FAILURE", "XCV_ERR_TOO_MANY_CERTIFICATES (more than %d presented)",
                   XCV_MAX_PRESENTED);
        goto out;
    }

    /* verify once per purpose; identities: the first with the verification,
     * the others against the leaf afterwards */
    for (size_t k = 0; k < npurposes; k++) {
        struct xcv_result res;
        params.purpose = purposes[k];
        const struct xcv_ref *ref = nrefs > 0 ? &refs[0] : NULL;
        xcv_err e = xcv_verify(v, &params, xcv_file_store_get(&fs), c->certs, c->n, ref, &res);
        if (e != XCV_OK) {
            char ib[32];
            char cb[48] = "";
            if (res.crl_index >= 0) {
                snprintf(cb, sizeof cb, ", crls[%d]", res.crl_index);
            }
            set_result(r, "FAILURE", "%s (certificate %s%s)%s", xcv_err_name(e),
                       index_text(res.cert_index, ib), cb, anchor_note);
            goto out;
        }
    }
    struct xcv_cert leaf_cert;
    if (xcv_cert_parse(c->certs[0], &leaf_cert, NULL) != XCV_OK) {
        set_result(r, "FAILURE", "harness: the verified leaf does not parse");
        goto out;
    }
    for (size_t k = 1; k < nrefs; k++) {
        xcv_err e = xcv_ident_match(&leaf_cert, &refs[k], params.flags);
        if (e != XCV_OK) {
            set_result(r, "FAILURE", "%s (certificate 0, expected_peer_names[%zu])",
                       xcv_err_name(e), k - 1);
            goto out;
        }
    }
    if (ku_need != 0 && (leaf_cert.ext_present & XCV_EXT_KEY_USAGE) != 0 &&
        (leaf_cert.key_usage & ku_need) != ku_need) {
        set_result(r, "FAILURE", "XCV_ERR_LEAF_KEY_USAGE (certificate 0, key_usage required by "
                                 "the testcase)");
        goto out;
    }
    set_result(r, "SUCCESS", "%s", "");
out:
    chain_free(c);
    free(c);
    xcv_file_store_free(&fs);
}

int main(int argc, char **argv)
{
    FILE *in = stdin;
    if (argc > 2 || (argc == 2 && strcmp(argv[1], "-h") == 0)) {
        fprintf(stderr, "usage: xcv-limbo [limbo.json] > results.json (default: stdin)\n");
        return 2;
    }
    if (argc == 2 && strcmp(argv[1], "-") != 0) {
        in = fopen(argv[1], "rb");
        if (in == NULL) {
            perror(argv[1]);
            return 2;
        }
    }
    json_error_t jerr;
    json_t *root = json_loadf(in, 0, &jerr);
    if (in != stdin) {
        fclose(in);
    }
    if (root == NULL) {
        fprintf(stderr, "xcv-limbo: invalid JSON at line %d: %s\n", jerr.line, jerr.text);
        return 2;
    }
    json_t *tcs = json_object_get(root, "testcases");
    if (!json_is_array(tcs)) {
        fprintf(stderr, "xcv-limbo: no \"testcases\" array\n");
        json_decref(root);
        return 2;
    }
    struct xcv_verifier *v = malloc(sizeof *v);
    json_t *out = json_object();
    json_t *results = json_array();
    if (v == NULL || out == NULL || results == NULL) {
        fprintf(stderr, "xcv-limbo: out of memory\n");
        return 2;
    }
    size_t i;
    json_t *tc;
    int rc = 0;
    json_array_foreach(tcs, i, tc)
    {
        const char *id = json_str(tc, "id");
        if (id == NULL) {
            fprintf(stderr, "xcv-limbo: testcase %zu has no id\n", i);
            rc = 2;
            continue;
        }
        struct tc_result r;
        memset(&r, 0, sizeof r);
        run_testcase(tc, v, &r);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(o, "actual_result", json_string(r.actual));
        json_object_set_new(o, "context", r.context[0] ? json_string(r.context) : json_null());
        json_array_append_new(results, o);
    }
    json_object_set_new(out, "version", json_integer(1));
    json_object_set_new(out, "harness", json_string("xcv"));
    json_object_set_new(out, "results", results);
    if (json_dumpf(out, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0) {
        rc = 2;
    }
    fputc('\n', stdout);
    json_decref(out);
    json_decref(root);
    free(v);
    return rc;
}
