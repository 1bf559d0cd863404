/*
 * test_vectors.c -- the generated certificate vectors (vectors/gen.sh)
 * against the parser.
 *
 * Checks
 *   - every row of vectors/manifest.tsv: xcv_cert_parse gives the expected
 *     result and, for certificates that parse, the expected version, key
 *     type and size, signature algorithm, basicConstraints, SAN count,
 *     extensions present/critical and recorded flags;
 *   - vectors/parse/ and the manifest list the same files;
 *   - every certificate under vectors/chains/ (DER) and vectors/demo/ (PEM)
 *     parses, and every row of vectors/chains.tsv is well formed: existing
 *     files, a known purpose, an error name xcv knows, an index that fits;
 *   - every file in vectors/chains/ is used by at least one row.
 *
 * Implementation notes
 *   - Files are read through xcv_test_read_file (paths relative to
 *     XCV_SOURCE_DIR, which ctest sets); directories are listed with
 *     opendir on the same root.
 *   - PEM is decoded by the tests' own decoder (xcv_tb_pem_next over
 *     xcv_test_base64, tests/support), so this test depends on the parser
 *     only, not on the library's PEM module.
 */
#define _POSIX_C_SOURCE 200809L /* strtok_r, opendir */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "certbuild.h"
#include "hex.h"
#include "xcv.h"

#define MAX_FIELDS 12
#define MAX_DER 16384

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */
/* ------------------------------------------------------------------------ */

/* Reads a text file into a NUL-terminated malloc'd buffer. */
static char *read_text(const char *path)
{
    size_t n = 0;
    uint8_t *raw = xcv_test_read_file(path, &n);
    if (raw == NULL) {
        return NULL;
    }
    char *s = malloc(n + 1);
    if (s != NULL) {
        memcpy(s, raw, n);
        s[n] = '\0';
    }
    free(raw);
    return s;
}

/* Splits line (modified in place) at tabs; returns the field count. */
static size_t split_tabs(char *line, char **fields, size_t cap)
{
    size_t n = 0;
    char *p = line;
    while (n < cap) {
        fields[n++] = p;
        char *t = strchr(p, '\t');
        if (t == NULL) {
            break;
        }
        *t = '\0';
        p = t + 1;
    }
    return n;
}

/* Returns the next line of *cursor (NUL-terminated in place), or NULL. */
static char *next_line(char **cursor)
{
    char *p = *cursor;
    if (p == NULL || *p == '\0') {
        return NULL;
    }
    char *nl = strchr(p, '\n');
    if (nl != NULL) {
        *nl = '\0';
        *cursor = nl + 1;
    } else {
        *cursor = p + strlen(p);
    }
    size_t len = strlen(p);
    if (len > 0 && p[len - 1] == '\r') {
        p[len - 1] = '\0';
    }
    return p;
}

/*
 * Splits the next data row of a TSV text at *cursor (comment lines starting
 * with '#' and blank lines skipped) into f[MAX_FIELDS] (unused fields NULL);
 * returns its field count, 0 at the end of the text.
 */
static size_t next_row(char **cursor, char **f)
{
    char *line;
    while ((line = next_line(cursor)) != NULL) {
        if (line[0] == '#' || line[0] == '\0') {
            continue;
        }
        memset(f, 0, MAX_FIELDS * sizeof *f);
        return split_tabs(line, f, MAX_FIELDS);
    }
    return 0;
}

/* Maps "XCV_OK"/"XCV_ERR_*" to its value; -1 when xcv knows no such name. */
static int err_by_name(const char *name)
{
    for (int e = 0; e < 1000; e++) {
        if (strcmp(xcv_err_name((xcv_err)e), name) == 0) {
            return e;
        }
    }
    return -1;
}

/* A manifest name and the enum value it stands for. */
struct named {
    const char *name;
    int value;
};

static const struct named key_names[] = {
    {"XCV_KEY_RSA", XCV_KEY_RSA},         {"XCV_KEY_EC", XCV_KEY_EC},
    {"XCV_KEY_ED25519", XCV_KEY_ED25519}, {"XCV_KEY_ED448", XCV_KEY_ED448},
    {"XCV_KEY_DSA", XCV_KEY_DSA},         {"XCV_KEY_RSA_PSS", XCV_KEY_RSA_PSS},
    {"XCV_KEY_UNKNOWN", XCV_KEY_UNKNOWN},
};

static const struct named sig_names[] = {
    {"XCV_SIG_RSA_PKCS1_SHA1", XCV_SIG_RSA_PKCS1_SHA1},
    {"XCV_SIG_RSA_PKCS1_SHA256", XCV_SIG_RSA_PKCS1_SHA256},
    {"XCV_SIG_RSA_PKCS1_SHA384", XCV_SIG_RSA_PKCS1_SHA384},
    {"XCV_SIG_RSA_PKCS1_SHA512", XCV_SIG_RSA_PKCS1_SHA512},
    {"XCV_SIG_RSA_PSS", XCV_SIG_RSA_PSS},
    {"XCV_SIG_ECDSA_SHA256", XCV_SIG_ECDSA_SHA256},
    {"XCV_SIG_ECDSA_SHA384", XCV_SIG_ECDSA_SHA384},
    {"XCV_SIG_ECDSA_SHA512", XCV_SIG_ECDSA_SHA512},
    {"XCV_SIG_ED25519", XCV_SIG_ED25519},
};

static const struct {
    const char *name;
    uint32_t bit;
} ext_names[] = {
    {"bc", XCV_EXT_BASIC_CONSTRAINTS},  {"ku", XCV_EXT_KEY_USAGE},
    {"eku", XCV_EXT_EXT_KEY_USAGE},     {"san", XCV_EXT_SUBJECT_ALT_NAME},
    {"nc", XCV_EXT_NAME_CONSTRAINTS},   {"aki", XCV_EXT_AUTHORITY_KEY_ID},
    {"ski", XCV_EXT_SUBJECT_KEY_ID},    {"pol", XCV_EXT_CERT_POLICIES},
    {"pm", XCV_EXT_POLICY_MAPPINGS},    {"pc", XCV_EXT_POLICY_CONSTRAINTS},
    {"iap", XCV_EXT_INHIBIT_ANY_POLICY}, {"crldp", XCV_EXT_CRL_DIST_POINTS},
    {"aia", XCV_EXT_AUTHORITY_INFO},    {"ian", XCV_EXT_ISSUER_ALT_NAME},
    {"sct", XCV_EXT_SCT_LIST},          {"other", XCV_EXT_OTHER},
};

static const struct {
    const char *name;
    uint32_t bit;
} flag_names[] = {
    {"duplicate_extension", XCV_CERT_DUPLICATE_EXTENSION},
    {"unknown_critical", XCV_CERT_UNKNOWN_CRITICAL},
    {"negative_serial", XCV_CERT_NEGATIVE_SERIAL},
    {"zero_serial", XCV_CERT_ZERO_SERIAL},
    {"bad_extension", XCV_CERT_BAD_EXTENSION},
    {"self_issued", XCV_CERT_SELF_ISSUED_BYTES},
    {"serial_too_long", XCV_CERT_SERIAL_TOO_LONG},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/*
 * The value the manifest column text names in table t (n entries); fails the
 * test when the name is unknown or the parsed value got is not it.
 */
static int check_named(const char *what, const char *field, const struct named *t, size_t n,
                       const char *text, int got)
{
    int want = -1;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(t[i].name, text) == 0) {
            want = t[i].value;
        }
    }
    if (want < 0) {
        fail_msg("%s: unknown %s %s", what, field, text);
    }
    if (got != want) {
        fail_msg("%s: %s %d, expected %s", what, field, got, text);
    }
    return want;
}

/*
 * Decodes the ext_flags column: comma-separated extension names, "!" suffix
 * for critical, "flag:NAME" for XCV_CERT_* flags, "-" for none.
 * Returns 0 on success, -1 on an unknown token.
 */
static int parse_ext_flags(const char *text, uint32_t *present, uint32_t *critical,
                           uint32_t *flags)
{
    *present = 0;
    *critical = 0;
    *flags = 0;
    if (strcmp(text, "-") == 0) {
        return 0;
    }
    char buf[256];
    if (strlen(text) >= sizeof buf) {
        return -1;
    }
    strcpy(buf, text);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        int found = 0;
        if (strncmp(tok, "flag:", 5) == 0) {
            for (size_t i = 0; i < COUNT(flag_names); i++) {
                if (strcmp(tok + 5, flag_names[i].name) == 0) {
                    *flags |= flag_names[i].bit;
                    found = 1;
                }
            }
        } else {
            size_t len = strlen(tok);
            int crit = len > 0 && tok[len - 1] == '!';
            if (crit) {
                tok[len - 1] = '\0';
            }
            for (size_t i = 0; i < COUNT(ext_names); i++) {
                if (strcmp(tok, ext_names[i].name) == 0) {
                    *present |= ext_names[i].bit;
                    if (crit) {
                        *critical |= ext_names[i].bit;
                    }
                    found = 1;
                }
            }
        }
        if (!found) {
            return -1;
        }
    }
    return 0;
}

static size_t san_count(const struct xcv_cert *c)
{
    xcv_gn_iter it;
    struct xcv_general_name gn;
    size_t n = 0;
    xcv_gn_iter_init(&it, c->san);
    while (xcv_gn_next(&it, &gn)) {
        n++;
    }
    assert_int_equal(it.err, XCV_OK);
    return n;
}

/* ------------------------------------------------------------------------ */
/* PEM (the tests' own base64: tests/support)                                */
/* ------------------------------------------------------------------------ */

/* Parses every CERTIFICATE block of a PEM file; returns the block count. */
static size_t parse_pem_file(const char *path)
{
    char *text = read_text(path);
    if (text == NULL) {
        fail_msg("cannot read %s", path);
    }
    static uint8_t der[MAX_DER];
    size_t blocks = 0;
    size_t len = strlen(text);
    size_t pos = 0;
    size_t n;
    while ((n = xcv_tb_pem_next(text, len, &pos, der, sizeof der)) != 0) {
        if (n == (size_t)-1) {
            fail_msg("%s: BEGIN without END or bad base64 in block %zu", path, blocks);
        }
        struct xcv_cert c;
        size_t off = 0;
        xcv_err err = xcv_cert_parse((xcv_slice){der, n}, &c, &off);
        if (err != XCV_OK) {
            fail_msg("%s block %zu: %s at offset %zu", path, blocks, xcv_err_name(err), off);
        }
        blocks++;
    }
    free(text);
    return blocks;
}

/* Parses one DER file that must hold exactly one certificate. */
static void parse_der_file(const char *path, struct xcv_cert *c)
{
    size_t n = 0;
    uint8_t *der = xcv_test_read_file(path, &n);
    if (der == NULL) {
        fail_msg("cannot read %s", path);
    }
    size_t off = 0;
    xcv_err err = xcv_cert_parse((xcv_slice){der, n}, c, &off);
    if (err != XCV_OK) {
        fail_msg("%s: %s at offset %zu", path, xcv_err_name(err), off);
    }
    /* The slices point into der: keep only scalar facts valid for callers. */
    c->der = (xcv_slice){NULL, 0};
    free(der);
}

/* Lists regular file names of a directory relative to XCV_SOURCE_DIR. */
struct name_list {
    char names[128][64];
    size_t count;
};

static void list_dir(const char *rel, const char *suffix, struct name_list *out)
{
    char full[4096];
    const char *root = getenv("XCV_SOURCE_DIR");
    assert_non_null(root);
    snprintf(full, sizeof full, "%s/%s", root, rel);
    DIR *d = opendir(full);
    if (d == NULL) {
        fail_msg("cannot open %s", full);
    }
    out->count = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        size_t len = strlen(ent->d_name);
        size_t slen = strlen(suffix);
        if (ent->d_name[0] == '.' || len < slen || strcmp(ent->d_name + len - slen, suffix) != 0) {
            continue;
        }
        assert_true(out->count < COUNT(out->names));
        assert_true(len < sizeof out->names[0]);
        strcpy(out->names[out->count++], ent->d_name);
    }
    closedir(d);
}

static int in_list(const struct name_list *l, const char *name)
{
    for (size_t i = 0; i < l->count; i++) {
        if (strcmp(l->names[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Parse set                                                                 */
/* ------------------------------------------------------------------------ */

static void check_manifest_row(char **f)
{
    char path[256];
    snprintf(path, sizeof path, "vectors/parse/%s", f[0]);
    size_t n = 0;
    uint8_t *der = xcv_test_read_file(path, &n);
    if (der == NULL) {
        fail_msg("manifest lists %s, which does not exist", f[0]);
    }
    int expect = err_by_name(f[9]);
    if (expect < 0) {
        fail_msg("%s: unknown error name %s", f[0], f[9]);
    }
    struct xcv_cert c;
    size_t off = 0;
    xcv_err err = xcv_cert_parse((xcv_slice){der, n}, &c, &off);
    if ((int)err != expect) {
        fail_msg("%s: parse gave %s (offset %zu), manifest expects %s", f[0], xcv_err_name(err),
                 off, f[9]);
    }
    if (err != XCV_OK) {
        free(der);
        return;
    }
    char what[320];
    snprintf(what, sizeof what, "%s", f[0]);

    assert_int_equal(c.version, atoi(f[1]));
    int key = check_named(what, "key type", key_names, COUNT(key_names), f[2], (int)c.key.type);
    if (c.key.key_bits != (unsigned)atoi(f[3])) {
        fail_msg("%s: key bits %u, expected %s", what, c.key.key_bits, f[3]);
    }
    if (key == XCV_KEY_EC) {
        xcv_curve want = c.key.key_bits == 256   ? XCV_CURVE_P256
                         : c.key.key_bits == 384 ? XCV_CURVE_P384
                                                 : XCV_CURVE_P521;
        assert_int_equal(c.key.curve, want);
        assert_int_equal(c.key.ec_point.n, 1 + 2 * ((c.key.key_bits + 7) / 8));
    }
    if (key == XCV_KEY_RSA) {
        assert_true(c.key.rsa_n.n * 8 >= c.key.key_bits && c.key.rsa_n.n * 8 < c.key.key_bits + 8);
        assert_true(c.key.rsa_e.n > 0);
    }
    int sig = check_named(what, "sig_alg", sig_names, COUNT(sig_names), f[4], (int)c.sig_alg);
    if (sig == XCV_SIG_RSA_PSS) {
        assert_true(c.sig_params.n > 0);
    }
    assert_true(c.signature.n > 0);
    if (c.is_ca != atoi(f[5])) {
        fail_msg("%s: is_ca %d, expected %s", what, c.is_ca, f[5]);
    }
    if (c.path_len != atoi(f[6])) {
        fail_msg("%s: path_len %d, expected %s", what, c.path_len, f[6]);
    }
    size_t sans = san_count(&c);
    if (sans != (size_t)atoi(f[7])) {
        fail_msg("%s: %zu SAN entries, expected %s", what, sans, f[7]);
    }
    uint32_t present, critical, flags;
    if (parse_ext_flags(f[8], &present, &critical, &flags) != 0) {
        fail_msg("%s: bad ext_flags column %s", what, f[8]);
    }
    if (c.ext_present != present || c.ext_critical != critical || c.flags != flags) {
        fail_msg("%s: ext_present %#x critical %#x flags %#x; manifest %#x %#x %#x (%s)", what,
                 c.ext_present, c.ext_critical, c.flags, present, critical, flags, f[8]);
    }
    assert_int_equal(c.ext_err, XCV_OK);
    /* Every parsed slice lies inside the certificate. */
    assert_true(c.tbs.p >= der && c.tbs.p + c.tbs.n <= der + n);
    assert_true(c.spki.p >= der && c.spki.p + c.spki.n <= der + n);
    assert_true(c.not_before < c.not_after);
    free(der);
}

static void test_manifest(void **state)
{
    (void)state;
    char *text = read_text("vectors/manifest.tsv");
    assert_non_null(text);
    char *cur = text;
    char *f[MAX_FIELDS];
    size_t nf;
    size_t rows = 0, ok_rows = 0, err_rows = 0;
    while ((nf = next_row(&cur, f)) != 0) {
        if (nf != 10) {
            fail_msg("manifest row %zu has %zu columns", rows + 1, nf);
        }
        check_manifest_row(f);
        rows++;
        if (strcmp(f[9], "XCV_OK") == 0) {
            ok_rows++;
        } else {
            err_rows++;
        }
    }
    free(text);
    /* Both sides are exercised. */
    assert_true(ok_rows >= 20);
    assert_true(err_rows >= 4);
}

static void test_manifest_complete(void **state)
{
    (void)state;
    static struct name_list files;
    list_dir("vectors/parse", "", &files);
    assert_true(files.count > 0);
    char *text = read_text("vectors/manifest.tsv");
    assert_non_null(text);
    static struct name_list listed;
    listed.count = 0;
    char *cur = text;
    char *f[MAX_FIELDS];
    while (next_row(&cur, f) != 0) {
        if (in_list(&listed, f[0])) {
            fail_msg("manifest lists %s twice", f[0]);
        }
        assert_true(listed.count < COUNT(listed.names) && strlen(f[0]) < sizeof listed.names[0]);
        strcpy(listed.names[listed.count++], f[0]);
        if (!in_list(&files, f[0])) {
            fail_msg("manifest lists %s, missing from vectors/parse/", f[0]);
        }
    }
    free(text);
    for (size_t i = 0; i < files.count; i++) {
        if (!in_list(&listed, files.names[i])) {
            fail_msg("vectors/parse/%s is not in vectors/manifest.tsv", files.names[i]);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Chains                                                                    */
/* ------------------------------------------------------------------------ */

static void test_chain_files_parse(void **state)
{
    (void)state;
    static struct name_list files;
    list_dir("vectors/chains", ".der", &files);
    assert_true(files.count >= 40);
    for (size_t i = 0; i < files.count; i++) {
        char path[256];
        snprintf(path, sizeof path, "vectors/chains/%s", files.names[i]);
        struct xcv_cert c;
        parse_der_file(path, &c);
    }
}

/* Checks one comma list of chain file names; marks them used. */
static size_t check_file_list(const char *id, const char *list, const struct name_list *files,
                              int *used)
{
    if (strcmp(list, "-") == 0) {
        return 0;
    }
    char buf[512];
    assert_true(strlen(list) < sizeof buf);
    strcpy(buf, list);
    size_t n = 0;
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        int found = 0;
        for (size_t i = 0; i < files->count; i++) {
            if (strcmp(files->names[i], tok) == 0) {
                used[i] = 1;
                found = 1;
            }
        }
        if (!found) {
            fail_msg("chains.tsv %s: no file vectors/chains/%s", id, tok);
        }
        n++;
    }
    return n;
}

static void test_chains_tsv(void **state)
{
    (void)state;
    static struct name_list files;
    static int used[128];
    list_dir("vectors/chains", ".der", &files);
    memset(used, 0, sizeof used);
    char *text = read_text("vectors/chains.tsv");
    assert_non_null(text);
    char *cur = text;
    char *f[MAX_FIELDS];
    size_t nf;
    size_t rows = 0, ok_rows = 0;
    static struct name_list ids;
    ids.count = 0;
    while ((nf = next_row(&cur, f)) != 0) {
        if (nf != 10) {
            fail_msg("chains.tsv row %zu has %zu columns", rows + 1, nf);
        }
        const char *id = f[0];
        if (in_list(&ids, id)) {
            fail_msg("chains.tsv: duplicate id %s", id);
        }
        assert_true(ids.count < COUNT(ids.names) && strlen(id) < sizeof ids.names[0]);
        strcpy(ids.names[ids.count++], id);
        assert_int_equal(check_file_list(id, f[1], &files, used), 1);
        size_t n_int = check_file_list(id, f[2], &files, used);
        assert_true(check_file_list(id, f[3], &files, used) >= 1);
        int y, mo, d, h, mi, s;
        char z = 0;
        if (sscanf(f[4], "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
            z != 'Z') {
            fail_msg("chains.tsv %s: bad time %s", id, f[4]);
        }
        xcv_time t;
        assert_int_equal(xcv_time_from_civil(y, mo, d, h, mi, s, &t), XCV_OK);
        if (strcmp(f[5], "-") != 0 && strncmp(f[5], "dns:", 4) != 0 &&
            strncmp(f[5], "ip:", 3) != 0 && strncmp(f[5], "email:", 6) != 0) {
            fail_msg("chains.tsv %s: bad ref %s", id, f[5]);
        }
        if (strcmp(f[6], "server") != 0 && strcmp(f[6], "client") != 0 &&
            strcmp(f[6], "email") != 0 && strcmp(f[6], "any") != 0) {
            fail_msg("chains.tsv %s: bad purpose %s", id, f[6]);
        }
        if (err_by_name(f[7]) < 0) {
            fail_msg("chains.tsv %s: unknown error name %s", id, f[7]);
        }
        if (strcmp(f[7], "XCV_OK") == 0) {
            ok_rows++;
            assert_string_equal(f[8], "-");
        } else if (strcmp(f[8], "anchor") != 0) {
            char *endp = NULL;
            long idx = strtol(f[8], &endp, 10);
            if (endp == f[8] || *endp != '\0' || idx < 0 || (size_t)idx > n_int) {
                fail_msg("chains.tsv %s: index %s outside the presented list", id, f[8]);
            }
        }
        rows++;
    }
    free(text);
    assert_true(rows >= 40);
    assert_true(ok_rows >= 10 && ok_rows < rows);
    for (size_t i = 0; i < files.count; i++) {
        if (!used[i]) {
            fail_msg("vectors/chains/%s is used by no row of chains.tsv", files.names[i]);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Demo                                                                      */
/* ------------------------------------------------------------------------ */

static void test_demo_files_parse(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        size_t certs;
    } expected[] = {
        {"anchors.pem", 1},       {"mail-chain.pem", 2},   {"mail-chain-with-root.pem", 3},
        {"unknown-chain.pem", 2}, {"unknown-root.pem", 1}, {"av-chain.pem", 1},
        {"av-root.pem", 1},       {"dnsonly-chain.pem", 2}, {"ip-chain.pem", 2},
        {"expired-chain.pem", 2}, {"future-chain.pem", 2}, {"localhost.pem", 1},
    };
    static struct name_list files;
    list_dir("vectors/demo", ".pem", &files);
    assert_true(files.count >= COUNT(expected));
    for (size_t i = 0; i < files.count; i++) {
        char path[256];
        snprintf(path, sizeof path, "vectors/demo/%s", files.names[i]);
        size_t blocks = parse_pem_file(path);
        assert_true(blocks >= 1);
        for (size_t j = 0; j < COUNT(expected); j++) {
            if (strcmp(expected[j].file, files.names[i]) == 0 && blocks != expected[j].certs) {
                fail_msg("%s: %zu certificates, expected %zu", path, blocks, expected[j].certs);
            }
        }
    }
    for (size_t j = 0; j < COUNT(expected); j++) {
        if (!in_list(&files, expected[j].file)) {
            fail_msg("vectors/demo/%s missing", expected[j].file);
        }
    }
}

/* The tests' own base64 decoder (tests/support/hex.c): accept and reject sides. */
static void test_b64(void **state)
{
    (void)state;
    uint8_t out[8];
    const char *ok = "TWFu\nTWE=";
    assert_int_equal(xcv_test_base64(ok, ok + strlen(ok), out, sizeof out), 5);
    assert_memory_equal(out, "ManMa", 5);
    const char *bad = "TW*u";
    assert_int_equal(xcv_test_base64(bad, bad + strlen(bad), out, sizeof out), (size_t)-1);
    const char *after_pad = "TQ==TQ==";
    assert_int_equal(xcv_test_base64(after_pad, after_pad + strlen(after_pad), out, sizeof out),
                     (size_t)-1);
}

int main(void)
{
#ifdef XCV_SOURCE_DIR
    /* ctest sets it; this makes a direct run from the build tree work too. */
    (void)setenv("XCV_SOURCE_DIR", XCV_SOURCE_DIR, 0);
#endif
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_b64),
        cmocka_unit_test(test_manifest),
        cmocka_unit_test(test_manifest_complete),
        cmocka_unit_test(test_chain_files_parse),
        cmocka_unit_test(test_chains_tsv),
        cmocka_unit_test(test_demo_files_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
