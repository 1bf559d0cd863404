/*
 * xcv.c -- the xcv command-line tool.
 *
 * Subcommands
 *   xcv verify [options] FILE...
 *                      the first certificate of the first FILE is the leaf,
 *                      every other certificate an untrusted intermediate;
 *                      prints the certificates as received and a verdict
 *                      with advice (tools/diag.c), or with --json one JSON
 *                      object. Trust: --anchors FILE (repeatable), --system
 *                      (the default when no --anchors is given), --pin
 *                      sha256:HEX. See usage() for every option.
 *   xcv show FILE...   parse every certificate in each FILE (PEM with one or
 *                      more CERTIFICATE blocks, or a single DER certificate,
 *                      auto-detected) and print its fields.
 *
 * Exit status
 *   verify: 0 valid, 1 the chain was rejected, 2 usage or I/O error
 *           (unreadable file, no certificate found, bad option or value).
 *   show:   0 every certificate parsed, 1 at least one certificate (or PEM
 *           block) failed to parse, 2 usage or I/O error (takes precedence).
 *
 * Implementation notes
 *   - The tool is outside the zero-allocation core: stdio and malloc are used
 *     freely here. It includes only the public headers xcv.h and xcv_file.h.
 *   - show: a file is PEM when it contains "-----BEGIN "; its blocks are
 *     decoded by the core's xcv_pem_next (strict base64). Otherwise DER.
 *   - verify reads files with xcv_file_read_certs (PEM or DER), so that a
 *     malformed certificate is reported by xcv_verify with its index.
 *   - --json is written by hand: every string goes through json_str, which
 *     escapes quotes, backslashes and bytes outside printable ASCII (names
 *     are already ASCII after xcv_dn_format's \XX escaping).
 *   - Exit-2 errors go to stderr only, also with --json (stdout stays empty).
 *   - The verify options shared with xcv-tls (--anchors, --system, --pin,
 *     --host/--ip/--email, --time, --purpose, ...), the clock read when no
 *     --time is given, and the trust set-up are in tools/cliopts.c.
 */
#include "cliopts.h"
#include "diag.h"
#include "xcv.h"
#include "xcv_file.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_PARSE 1
#define EXIT_USAGE 2

/* ------------------------------------------------------------------------ */
/* Files                                                                     */
/* ------------------------------------------------------------------------ */

/* Reads a whole file into a malloc'd buffer; NULL on failure (errno kept). */
static uint8_t *read_file(const char *path, size_t *out_len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 65536;
    size_t len = 0;
    uint8_t *buf = malloc(cap);
    if (buf == NULL) {
        fclose(f);
        return NULL;
    }
    for (;;) {
        if (len == cap) {
            uint8_t *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            break;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *out_len = len;
    return buf;
}

static int contains(const uint8_t *p, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(p + i, needle, k) == 0) {
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Formatting helpers                                                        */
/* ------------------------------------------------------------------------ */

static void print_hex(const uint8_t *p, size_t n, int colons)
{
    for (size_t i = 0; i < n; i++) {
        printf(colons && i > 0 ? ":%02X" : "%02X", p[i]);
    }
}

static void print_dn(xcv_slice name)
{
    char small[512];
    size_t need = xcv_dn_format(name, small, sizeof small);
    if (need < sizeof small) {
        fputs(small, stdout);
        return;
    }
    char *big = malloc(need + 1);
    if (big == NULL) {
        fputs(small, stdout);
        return;
    }
    (void)xcv_dn_format(name, big, need + 1);
    fputs(big, stdout);
    free(big);
}

static void print_time(xcv_time t)
{
    char buf[21];
    xcv_time_format(t, buf);
    fputs(buf, stdout);
}

/* Prints an IA5String value, escaping bytes outside printable ASCII. */
static void print_text(xcv_slice s)
{
    for (size_t i = 0; i < s.n; i++) {
        uint8_t c = s.p[i];
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            putchar(c);
        } else {
            printf("\\%02X", c);
        }
    }
}

static void print_ip(xcv_slice v)
{
    char buf[96];
    size_t need = xcv_ip_format(v.p, v.n, buf, sizeof buf);
    if (need < sizeof buf) {
        fputs(buf, stdout);
    } else {
        fputs("<malformed address>", stdout);
    }
}

static const char *sig_alg_name(xcv_sig_alg a)
{
    switch (a) {
    case XCV_SIG_RSA_PKCS1_MD5:
        return "md5WithRSAEncryption";
    case XCV_SIG_RSA_PKCS1_SHA1:
        return "sha1WithRSAEncryption";
    case XCV_SIG_RSA_PKCS1_SHA224:
        return "sha224WithRSAEncryption";
    case XCV_SIG_RSA_PKCS1_SHA256:
        return "sha256WithRSAEncryption";
    case XCV_SIG_RSA_PKCS1_SHA384:
        return "sha384WithRSAEncryption";
    case XCV_SIG_RSA_PKCS1_SHA512:
        return "sha512WithRSAEncryption";
    case XCV_SIG_RSA_PSS:
        return "rsassaPss";
    case XCV_SIG_ECDSA_SHA1:
        return "ecdsa-with-SHA1";
    case XCV_SIG_ECDSA_SHA224:
        return "ecdsa-with-SHA224";
    case XCV_SIG_ECDSA_SHA256:
        return "ecdsa-with-SHA256";
    case XCV_SIG_ECDSA_SHA384:
        return "ecdsa-with-SHA384";
    case XCV_SIG_ECDSA_SHA512:
        return "ecdsa-with-SHA512";
    case XCV_SIG_ED25519:
        return "Ed25519";
    case XCV_SIG_ED448:
        return "Ed448";
    case XCV_SIG_DSA:
        return "DSA";
    case XCV_SIG_UNKNOWN:
        break;
    }
    return "unknown";
}

static const char *curve_name(xcv_curve c)
{
    switch (c) {
    case XCV_CURVE_P256:
        return "P-256";
    case XCV_CURVE_P384:
        return "P-384";
    case XCV_CURVE_P521:
        return "P-521";
    case XCV_CURVE_OTHER:
        return "(unsupported curve)";
    case XCV_CURVE_NONE:
        break;
    }
    return "(no curve)";
}

static void print_key(const struct xcv_pubkey *k)
{
    switch (k->type) {
    case XCV_KEY_RSA:
        printf("RSA (%u bits)", k->key_bits);
        break;
    case XCV_KEY_RSA_PSS:
        printf("RSA-PSS (%u bits)", k->key_bits);
        break;
    case XCV_KEY_EC:
        printf("EC %s (%u bits)", curve_name(k->curve), k->key_bits);
        break;
    case XCV_KEY_ED25519:
        fputs("Ed25519", stdout);
        break;
    case XCV_KEY_ED448:
        fputs("Ed448", stdout);
        break;
    case XCV_KEY_DSA:
        printf("DSA (%u bits)", k->key_bits);
        break;
    case XCV_KEY_UNKNOWN:
        fputs("unknown", stdout);
        break;
    }
}

static void print_bits(uint32_t bits, const char *const *names, size_t count)
{
    int first = 1;
    for (size_t i = 0; i < count; i++) {
        if (bits & (1u << i)) {
            printf("%s%s", first ? "" : ", ", names[i]);
            first = 0;
        }
    }
    if (first) {
        fputs("(none)", stdout);
    }
}

static const char *const ku_names[] = {"digitalSignature", "nonRepudiation", "keyEncipherment",
                                       "dataEncipherment", "keyAgreement",   "keyCertSign",
                                       "cRLSign",          "encipherOnly",   "decipherOnly"};

static const char *const eku_names[] = {"serverAuth",          "clientAuth",   "codeSigning",
                                        "emailProtection",     "timeStamping", "OCSPSigning",
                                        "anyExtendedKeyUsage", "other"};

static void print_sans(xcv_slice san)
{
    xcv_gn_iter it;
    struct xcv_general_name gn;
    int first = 1;
    xcv_gn_iter_init(&it, san);
    while (xcv_gn_next(&it, &gn)) {
        fputs(first ? "" : ", ", stdout);
        first = 0;
        switch (gn.type) {
        case XCV_GN_DNS:
            fputs("DNS:", stdout);
            print_text(gn.value);
            break;
        case XCV_GN_IP:
            fputs("IP:", stdout);
            print_ip(gn.value);
            break;
        case XCV_GN_RFC822:
            fputs("email:", stdout);
            print_text(gn.value);
            break;
        case XCV_GN_URI:
            fputs("URI:", stdout);
            print_text(gn.value);
            break;
        case XCV_GN_DIRECTORY:
            fputs("DirName:", stdout);
            print_dn(gn.value);
            break;
        case XCV_GN_OTHER_NAME:
            fputs("othername:<", stdout);
            print_hex(gn.value.p, gn.value.n, 0);
            fputs(">", stdout);
            break;
        case XCV_GN_REGISTERED_ID:
            fputs("RID:<", stdout);
            print_hex(gn.value.p, gn.value.n, 0);
            fputs(">", stdout);
            break;
        case XCV_GN_X400:
        case XCV_GN_EDI_PARTY:
            printf("[%d]:<", (int)gn.type);
            print_hex(gn.value.p, gn.value.n, 0);
            fputs(">", stdout);
            break;
        }
    }
    if (it.err != XCV_OK) {
        printf("%s<malformed: %s>", first ? "" : ", ", xcv_err_name(it.err));
    }
}

/* ------------------------------------------------------------------------ */
/* show                                                                      */
/* ------------------------------------------------------------------------ */

static void show_cert(const struct xcv_cert *c)
{
    printf("  Subject:      ");
    print_dn(c->subject);
    printf("\n  Issuer:       ");
    print_dn(c->issuer);
    printf("\n  Version:      %d\n", c->version);
    printf("  Serial:       ");
    print_hex(c->serial.p, c->serial.n, 1);
    printf("\n  Signature:    %s\n", sig_alg_name(c->sig_alg));
    printf("  Key:          ");
    print_key(&c->key);
    printf("\n  Not before:   ");
    print_time(c->not_before);
    printf("\n  Not after:    ");
    print_time(c->not_after);
    putchar('\n');
    if (c->ext_present & XCV_EXT_SUBJECT_ALT_NAME) {
        printf("  SAN:          ");
        print_sans(c->san);
        putchar('\n');
    }
    if (c->ext_present & XCV_EXT_KEY_USAGE) {
        printf("  Key usage:    ");
        print_bits(c->key_usage, ku_names, sizeof ku_names / sizeof ku_names[0]);
        printf("%s\n", (c->ext_critical & XCV_EXT_KEY_USAGE) ? " (critical)" : "");
    }
    if (c->ext_present & XCV_EXT_EXT_KEY_USAGE) {
        printf("  Ext key usage: ");
        print_bits(c->eku, eku_names, sizeof eku_names / sizeof eku_names[0]);
        printf("%s\n", (c->ext_critical & XCV_EXT_EXT_KEY_USAGE) ? " (critical)" : "");
    }
    if (c->ext_present & XCV_EXT_BASIC_CONSTRAINTS) {
        printf("  Basic constraints: CA:%s", c->is_ca ? "TRUE" : "FALSE");
        if (c->path_len >= 0) {
            printf(", pathlen:%d", c->path_len);
        }
        printf("%s\n", (c->ext_critical & XCV_EXT_BASIC_CONSTRAINTS) ? " (critical)" : "");
    }
    if (c->flags & XCV_CERT_DUPLICATE_EXTENSION) {
        printf("  Warning:      duplicate extension\n");
    }
    if (c->flags & XCV_CERT_UNKNOWN_CRITICAL) {
        printf("  Warning:      unknown critical extension\n");
    }
    if (c->flags & XCV_CERT_NEGATIVE_SERIAL) {
        printf("  Warning:      negative serial number\n");
    }
    if (c->flags & XCV_CERT_ZERO_SERIAL) {
        printf("  Warning:      zero serial number\n");
    }
    if (c->flags & XCV_CERT_SERIAL_TOO_LONG) {
        printf("  Warning:      serial number longer than 20 octets\n");
    }
    if (c->flags & XCV_CERT_BAD_EXTENSION) {
        printf("  Warning:      malformed extension: %s (%s)\n", xcv_err_name(c->ext_err),
               xcv_strerror(c->ext_err));
    }
    uint8_t fp[32];
    xcv_sha256(c->der, fp);
    printf("  SHA-256:      ");
    print_hex(fp, sizeof fp, 1);
    putchar('\n');
}

/* A blank line between the reports of two certificates. */
static int shown_any;

static void separate(void)
{
    if (shown_any) {
        putchar('\n');
    }
    shown_any = 1;
}

/* Parses and prints one DER certificate; returns 0 or EXIT_PARSE. */
static int show_der(const char *path, size_t index, xcv_slice der)
{
    struct xcv_cert cert;
    size_t offset = 0;
    separate();
    printf("%s: certificate %zu (%zu bytes)\n", path, index, der.n);
    xcv_err err = xcv_cert_parse(der, &cert, &offset);
    if (err != XCV_OK) {
        printf("  Error:        %s: %s (at offset %zu)\n", xcv_err_name(err), xcv_strerror(err),
               offset);
        return EXIT_PARSE;
    }
    show_cert(&cert);
    return 0;
}

static int show_file(const char *path)
{
    size_t len = 0;
    uint8_t *data = read_file(path, &len);
    if (data == NULL) {
        fprintf(stderr, "xcv: cannot read %s: %s\n", path, strerror(errno));
        return EXIT_USAGE;
    }
    int status = 0;
    if (!contains(data, len, "-----BEGIN ")) {
        status = show_der(path, 1, (xcv_slice){data, len});
        free(data);
        return status;
    }
    uint8_t *der = malloc(len + 1);
    if (der == NULL) {
        free(data);
        fprintf(stderr, "xcv: out of memory\n");
        return EXIT_USAGE;
    }
    xcv_slice in = {data, len};
    size_t index = 0;
    for (;;) {
        size_t der_len = 0;
        size_t before = in.n;
        xcv_err err = xcv_pem_next(&in, der, len + 1, &der_len);
        if (err == XCV_ERR_PEM_NOT_FOUND) {
            break;
        }
        index++;
        if (err != XCV_OK) {
            separate();
            printf("%s: certificate %zu\n  Error:        %s: %s\n", path, index, xcv_err_name(err),
                   xcv_strerror(err));
            status = EXIT_PARSE;
            if (in.n >= before) {
                break; /* no progress: stop rather than loop */
            }
            continue;
        }
        if (show_der(path, index, (xcv_slice){der, der_len}) != 0) {
            status = EXIT_PARSE;
        }
    }
    if (index == 0) {
        separate();
        printf("%s: no certificate\n  Error:        %s: %s\n", path,
               xcv_err_name(XCV_ERR_PEM_NOT_FOUND), xcv_strerror(XCV_ERR_PEM_NOT_FOUND));
        status = EXIT_PARSE;
    }
    free(der);
    free(data);
    return status;
}

/* ------------------------------------------------------------------------ */
/* verify                                                                    */
/* ------------------------------------------------------------------------ */

#define MAX_CRL_FILES 16
#define MAX_POLICIES  8

struct verify_opts {
    struct xcv_cli_opts cli; /* the options shared with xcv-tls (cliopts.h) */
    int json;
    const char **files;
    size_t file_count;
    /* revocation: --crl FILE (repeatable), --crl-check leaf|all, --crl-hard-fail */
    const char *crl_files[MAX_CRL_FILES];
    size_t crl_file_count;
    unsigned crl_check;
    int crl_hard_fail;
    /* policies: --policy OID (repeatable), --require-policy,
     * --inhibit-policy-mapping, --inhibit-any-policy */
    uint8_t policy_der[MAX_POLICIES][64];
    xcv_slice policies[MAX_POLICIES];
    size_t policy_count;
};

static int usage_error(const char *fmt, const char *arg);

/* Dotted OID text -> DER content octets (X.690 8.19); 0 when malformed. */
static int oid_encode(const char *text, uint8_t *out, size_t cap, size_t *out_len)
{
    unsigned long arcs[32];
    size_t n = 0;
    const char *p = text;
    size_t len = 0;

    for (;;) {
        char *end;
        if (*p < '0' || *p > '9' || n == sizeof arcs / sizeof arcs[0] ||
            (*p == '0' && p[1] >= '0' && p[1] <= '9')) {
            return 0;
        }
        arcs[n++] = strtoul(p, &end, 10);
        p = end;
        if (*p == '\0') {
            break;
        }
        if (*p != '.') {
            return 0;
        }
        p++;
    }
    if (n < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39)) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        unsigned long v = i == 1 ? arcs[0] * 40 + arcs[1] : arcs[i];
        uint8_t tmp[10];
        size_t k = 0;
        do {
            tmp[k++] = (uint8_t)(v & 0x7F);
            v >>= 7;
        } while (v != 0);
        if (len + k > cap) {
            return 0;
        }
        while (k > 0) {
            k--;
            out[len++] = (uint8_t)(tmp[k] | (k > 0 ? 0x80 : 0));
        }
    }
    *out_len = len;
    return 1;
}

/* The verify-only options taking a value. */
static int verify_takes_value(const char *name)
{
    return strcmp(name, "--crl") == 0 || strcmp(name, "--crl-check") == 0 ||
           strcmp(name, "--policy") == 0;
}

/* Handles a verify-only option: 1 handled, 0 not one, -1 usage error (printed). */
static int verify_option(struct verify_opts *o, const char *name, const char *val)
{
    struct xcv_params *p = &o->cli.params;
    if (strcmp(name, "--crl") == 0) {
        if (o->crl_file_count == MAX_CRL_FILES) {
            usage_error("too many --crl (at most %s)", "16");
            return -1;
        }
        o->crl_files[o->crl_file_count++] = val;
    } else if (strcmp(name, "--crl-check") == 0) {
        if (strcmp(val, "leaf") == 0) {
            o->crl_check = XCV_REVOCATION_LEAF;
        } else if (strcmp(val, "all") == 0) {
            o->crl_check = XCV_REVOCATION_ALL;
        } else {
            usage_error("bad --crl-check %s (expected leaf or all)", val);
            return -1;
        }
    } else if (strcmp(name, "--crl-hard-fail") == 0) {
        o->crl_hard_fail = 1;
    } else if (strcmp(name, "--policy") == 0) {
        size_t len = 0;
        if (o->policy_count == MAX_POLICIES) {
            usage_error("too many --policy (at most %s)", "8");
            return -1;
        }
        if (!oid_encode(val, o->policy_der[o->policy_count], sizeof o->policy_der[0], &len)) {
            usage_error("bad --policy %s (expected a dotted OID, e.g. 2.23.140.1.2.1)", val);
            return -1;
        }
        o->policies[o->policy_count].p = o->policy_der[o->policy_count];
        o->policies[o->policy_count].n = len;
        o->policy_count++;
        p->initial_policies = o->policies;
        p->initial_policy_count = o->policy_count;
    } else if (strcmp(name, "--require-policy") == 0) {
        p->policy_flags |= XCV_POLICY_EXPLICIT;
    } else if (strcmp(name, "--inhibit-policy-mapping") == 0) {
        p->policy_flags |= XCV_POLICY_INHIBIT_MAPPING;
    } else if (strcmp(name, "--inhibit-any-policy") == 0) {
        p->policy_flags |= XCV_POLICY_INHIBIT_ANY;
    } else {
        return 0;
    }
    return 1;
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("xcv verify: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n(see xcv --help)\n", stderr);
    return EXIT_USAGE;
}

/* Parses the verify arguments; 0 or EXIT_USAGE (message printed). */
static int parse_verify_args(int argc, char **argv, struct verify_opts *o)
{
    int only_files = 0;
    memset(o, 0, sizeof *o);
    xcv_cli_opts_init(&o->cli, "xcv verify", XCV_CLI_EMAIL | XCV_CLI_LIMITS);
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    if (o->files == NULL) {
        return usage_error("%s", "out of memory");
    }
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        char name[32];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            o->files[o->file_count++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        /* --name=value or --name value */
        const char *eq = strchr(a, '=');
        size_t nlen = eq != NULL ? (size_t)(eq - a) : strlen(a);
        if (nlen >= sizeof name) {
            return usage_error("unknown option %s", a);
        }
        memcpy(name, a, nlen);
        name[nlen] = '\0';
        if (xcv_cli_takes_value(&o->cli, name) || verify_takes_value(name)) {
            if (eq != NULL) {
                val = eq + 1;
            } else if (i + 1 < argc) {
                val = argv[++i];
            } else {
                return usage_error("option %s needs a value", name);
            }
        } else if (eq != NULL) {
            return usage_error("option %s takes no value", name);
        }

        if (strcmp(name, "--json") == 0) {
            o->json = 1;
            continue;
        }
        int vr = verify_option(o, name, val);
        if (vr < 0) {
            return EXIT_USAGE;
        }
        if (vr > 0) {
            continue;
        }
        int r = xcv_cli_option(&o->cli, name, val);
        if (r == XCV_CLI_BAD) {
            return usage_error("%s", o->cli.err);
        }
        if (r == XCV_CLI_NOT_MINE) {
            return usage_error("unknown option %s", a);
        }
    }
    if (o->file_count == 0) {
        return usage_error("%s", "no FILE given");
    }
    if (o->crl_file_count == 0 && (o->crl_check != 0 || o->crl_hard_fail)) {
        return usage_error("%s", "--crl-check and --crl-hard-fail need --crl FILE");
    }
    if (o->crl_file_count > 0) {
        /* --crl alone: the leaf, soft-fail (only a listed serial fails). */
        o->cli.params.revocation = o->crl_check != 0 ? o->crl_check : XCV_REVOCATION_LEAF;
        o->cli.params.revocation_flags = o->crl_hard_fail ? XCV_REVOCATION_HARD_FAIL : 0;
    }
    return 0;
}

/* Reports a failed file load on stderr; returns EXIT_USAGE. */
static int file_error(const char *what, const char *path, xcv_file_status st,
                      const struct xcv_file_stats *stats)
{
    return xcv_cli_file_error("xcv verify", what, path, st, stats);
}

/* JSON string with escaping (the input is a NUL-terminated byte string). */
static void json_str(const char *s)
{
    putchar('"');
    for (; s != NULL && *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            printf("\\%c", c);
        } else if (c == '\n') {
            fputs("\\n", stdout);
        } else if (c < 0x20 || c >= 0x7F) {
            printf("\\u%04x", c);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

static void json_dn(xcv_slice name)
{
    char *s = xcv_diag_dn(name);
    json_str(s != NULL ? s : "");
    free(s);
}

static void json_time(xcv_time t)
{
    char buf[21];
    if (t == XCV_TIME_NONE) {
        fputs("null", stdout);
        return;
    }
    xcv_time_format(t, buf);
    json_str(buf);
}

static void json_index(int i)
{
    if (i >= 0) {
        printf("%d", i);
    } else {
        fputs("null", stdout);
    }
}

static void json_cert(xcv_slice der)
{
    struct xcv_cert c;
    uint8_t fp[32];
    char hex[65];
    xcv_sha256(der, fp);
    for (size_t i = 0; i < 32; i++) {
        snprintf(hex + 2 * i, 3, "%02x", fp[i]);
    }
    xcv_err err = xcv_cert_parse(der, &c, NULL);
    if (err != XCV_OK) {
        printf("{\"subject\": null, \"issuer\": null, \"serial\": null, \"key\": null, "
               "\"bits\": null, \"not_before\": null, \"not_after\": null, \"san\": [], "
               "\"sha256\": \"%s\", \"parse_error\": \"%s\"}",
               hex, xcv_err_name(err));
        return;
    }
    fputs("{\"subject\": ", stdout);
    json_dn(c.subject);
    fputs(", \"issuer\": ", stdout);
    json_dn(c.issuer);
    fputs(", \"serial\": \"", stdout);
    print_hex(c.serial.p, c.serial.n, 1);
    fputs("\", \"key\": ", stdout);
    json_str(xcv_diag_key_name(&c.key));
    printf(", \"bits\": %u, \"not_before\": ", c.key.key_bits);
    json_time(c.not_before);
    fputs(", \"not_after\": ", stdout);
    json_time(c.not_after);
    fputs(", \"san\": [", stdout);
    xcv_gn_iter it;
    struct xcv_general_name gn;
    int first = 1;
    xcv_gn_iter_init(&it, c.san);
    while (xcv_gn_next(&it, &gn)) {
        char *s = xcv_diag_general_name(&gn);
        fputs(first ? "" : ", ", stdout);
        json_str(s != NULL ? s : "?");
        free(s);
        first = 0;
    }
    printf("], \"ca\": %s, \"sha256\": \"%s\"}",
           (c.ext_present & XCV_EXT_BASIC_CONSTRAINTS) != 0 && c.is_ca ? "true" : "false", hex);
}

static void json_result(const struct xcv_file_certs *fc, const struct xcv_result *r,
                        const struct verify_opts *o)
{
    printf("{\"valid\": %s, \"error\": \"%s\", \"message\": ", r->err == XCV_OK ? "true" : "false",
           xcv_err_name(r->err));
    json_str(r->err == XCV_OK ? "the chain is valid" : xcv_strerror(r->err));
    fputs(", \"cert_index\": ", stdout);
    json_index(r->cert_index);
    fputs(", \"path\": [", stdout);
    for (size_t i = 0; i < r->path_len; i++) {
        printf("%s%d", i > 0 ? ", " : "", r->path[i]);
    }
    if (r->anchor != NULL) {
        fputs(r->path_len > 0 ? ", \"anchor\"" : "\"anchor\"", stdout);
    }
    fputs("], \"anchor\": ", stdout);
    if (r->anchor != NULL) {
        json_dn(r->anchor->subject);
    } else {
        fputs("null", stdout);
    }
    printf(", \"pinned\": %s",
           r->anchor != NULL && (r->anchor->flags & XCV_ANCHOR_PIN) ? "true" : "false");
    if (r->err == XCV_ERR_UNKNOWN_ISSUER && r->untrusted_issuer.n > 0) {
        fputs(", \"untrusted_issuer\": ", stdout);
        json_dn(r->untrusted_issuer);
        fputs(", \"top_index\": ", stdout);
        json_index(r->top_index);
        printf(", \"top_self_signed\": %s", r->top_self_signed ? "true" : "false");
    }
    if (r->crl_index >= 0) {
        /* index among the CRLs of the --crl files, in order */
        printf(", \"crl_index\": %d", r->crl_index);
    }
    if (r->err == XCV_ERR_REVOKED) {
        char when[21];
        xcv_time_format(r->revocation_date, when);
        printf(", \"revocation_date\": \"%s\", \"revocation_reason\": ", when);
        if (r->revocation_reason >= 0) {
            printf("%d", r->revocation_reason);
        } else {
            fputs("null", stdout);
        }
    }
    fputs(", \"reference\": ", stdout);
    if (o->cli.ref.type != XCV_REF_NONE) {
        json_str(o->cli.ref_text);
    } else {
        fputs("null", stdout);
    }
    fputs(", \"time\": ", stdout);
    json_time(o->cli.params.now);
    fputs(", \"certificates\": [", stdout);
    for (size_t i = 0; i < fc->count; i++) {
        fputs(i > 0 ? ", " : "", stdout);
        json_cert(fc->certs[i]);
    }
    fputs("]}\n", stdout);
}

/* Appends the certificates of one more file to all (grows all->certs). */
static int append_certs(struct xcv_file_certs *all, uint8_t ***bufs, size_t *nbufs,
                        const struct xcv_file_certs *more)
{
    xcv_slice *nc = realloc(all->certs, (all->count + more->count) * sizeof *nc);
    if (nc == NULL) {
        return 0;
    }
    all->certs = nc;
    uint8_t **nb = realloc(*bufs, (*nbufs + 1) * sizeof *nb);
    if (nb == NULL) {
        return 0;
    }
    *bufs = nb;
    memcpy(all->certs + all->count, more->certs, more->count * sizeof *nc);
    all->count += more->count;
    (*bufs)[(*nbufs)++] = more->buf;
    return 1;
}

static int cmd_verify(int argc, char **argv)
{
    struct verify_opts o;
    struct xcv_file_certs all = {NULL, 0, NULL};
    uint8_t **bufs = NULL;
    size_t nbufs = 0;
    struct xcv_cli_trust trust;
    struct xcv_file_stats stats;
    struct xcv_result result;
    struct xcv_verifier *v = NULL;
    struct xcv_file_certs crls = {NULL, 0, NULL}; /* every --crl, in order */
    uint8_t **crl_bufs = NULL;
    size_t ncrl_bufs = 0;
    int status = parse_verify_args(argc, argv, &o);
    const struct xcv_params *params = &o.cli.params;
    const struct xcv_ref *ref = o.cli.ref.type != XCV_REF_NONE ? &o.cli.ref : NULL;

    xcv_file_store_init(&trust.files);
    xcv_file_store_init(&trust.system);
    if (status != 0) {
        goto done;
    }
    xcv_cli_set_time(&o.cli);

    /* Presented certificates: every certificate of every FILE, in order. */
    for (size_t i = 0; i < o.file_count; i++) {
        struct xcv_file_certs fc;
        memset(&stats, 0, sizeof stats);
        xcv_file_status st = xcv_file_read_certs(o.files[i], &fc, &stats);
        if (st != XCV_FILE_OK) {
            status = file_error("certificate file", o.files[i], st, &stats);
            goto done;
        }
        if (!append_certs(&all, &bufs, &nbufs, &fc)) {
            xcv_file_certs_free(&fc);
            status = file_error("certificate file", o.files[i], XCV_FILE_NO_MEMORY, &stats);
            goto done;
        }
        free(fc.certs);
    }

    /* CRLs: every CRL of every --crl FILE (DER or PEM "X509 CRL"), in order. */
    for (size_t i = 0; i < o.crl_file_count; i++) {
        struct xcv_file_certs fc;
        memset(&stats, 0, sizeof stats);
        xcv_file_status st = xcv_file_read_crls(o.crl_files[i], &fc, &stats);
        if (st != XCV_FILE_OK) {
            status = file_error("CRL file", o.crl_files[i], st, &stats);
            goto done;
        }
        if (!append_certs(&crls, &crl_bufs, &ncrl_bufs, &fc)) {
            xcv_file_certs_free(&fc);
            status = file_error("CRL file", o.crl_files[i], XCV_FILE_NO_MEMORY, &stats);
            goto done;
        }
        free(fc.certs);
    }
    o.cli.params.crls = crls.certs;
    o.cli.params.crl_count = crls.count;

    /* Trust: --anchors files, the system store (explicit, or the default
     * when no --anchors is given), then the pinned exceptions. */
    status = xcv_cli_trust_load(&trust, &o.cli);
    if (status != 0) {
        goto done;
    }

    v = malloc(sizeof *v);
    if (v == NULL) {
        status = usage_error("%s", "out of memory");
        goto done;
    }
    xcv_err verr = xcv_verify(v, params, &trust.chain.base, all.certs, all.count, ref, &result);
    status = verr == XCV_OK ? 0 : 1;

    if (o.json) {
        json_result(&all, &result, &o);
        goto done;
    }

    /* For the interception heuristic: is the untrusted issuer a CA the
     * system store knows? (Loaded only when it was not already used.) */
    const struct xcv_anchor_store *system = NULL;
    if (result.err == XCV_ERR_UNKNOWN_ISSUER) {
        if (trust.have_system ||
            xcv_file_store_add_system(&trust.system, &stats) == XCV_FILE_OK) {
            system = xcv_file_store_get(&trust.system);
        }
    }
    xcv_diag_received(stdout, all.certs, all.count);
    printf("Checked at ");
    print_time(params->now);
    printf(" (%s), purpose %s, ", o.cli.have_time ? "--time" : "the system clock",
           params->purpose == XCV_PURPOSE_SERVER   ? "server"
           : params->purpose == XCV_PURPOSE_CLIENT ? "client"
           : params->purpose == XCV_PURPOSE_EMAIL  ? "email"
                                                   : "any");
    if (ref != NULL) {
        printf("name \"%s\"", o.cli.ref_text);
    } else {
        printf("no name check");
    }
    printf(", trust: ");
    int sep = 0;
    for (size_t i = 0; i < o.cli.anchor_count; i++) {
        printf("%s%s", sep++ ? ", " : "", o.cli.anchor_files[i]);
    }
    if (trust.have_system) {
        printf("%ssystem store %s", sep++ ? ", " : "", xcv_file_system_path());
    }
    if (o.cli.pin_args > 0) {
        printf("%s%zu pin%s", sep++ ? ", " : "", o.cli.pin_args, o.cli.pin_args == 1 ? "" : "s");
    }
    putchar('\n');
    struct xcv_diag d = {all.certs, all.count, params, ref, &result, system};
    xcv_diag_verdict(stdout, &d);

done:
    free(v);
    for (size_t i = 0; i < nbufs; i++) {
        free(bufs[i]);
    }
    free(bufs);
    for (size_t i = 0; i < ncrl_bufs; i++) {
        free(crl_bufs[i]);
    }
    free(crl_bufs);
    free(crls.certs);
    free(all.certs);
    free(o.files);
    xcv_cli_trust_free(&trust);
    if (fflush(stdout) != 0) {
        return EXIT_USAGE;
    }
    return status;
}

static void usage(FILE *f)
{
    fputs("usage: xcv verify [options] FILE...\n"
          "       xcv show FILE...\n"
          "\n"
          "verify: the first certificate of the first FILE (PEM or DER) is the leaf; every\n"
          "other certificate is an untrusted intermediate (any order). Options:\n"
          "  --anchors FILE          trust the certificates of FILE (PEM bundle or DER);\n"
          "                          repeatable\n"
          "  --system                also trust the system store ($SSL_CERT_FILE, else\n"
          "                          " XCV_FILE_SYSTEM_DEFAULT ");\n"
          "                          the default when no --anchors is given\n"
          "  --pin sha256:HEX        trust exactly the certificate with this SHA-256 (of its\n"
          "                          DER; colons allowed); repeatable\n"
          "  --host NAME | --ip ADDR | --email ADDR\n"
          "                          the name connected to (default: no name check)\n"
          "  --time YYYY-MM-DDTHH:MM:SSZ   verification time (default: the system clock)\n"
          "  --purpose server|client|email|any   (default server)\n"
          "  --cn-fallback           match the subject CN when there is no DNS/IP name\n"
          "  --allow-sha1            accept SHA-1 signatures\n"
          "  --min-rsa-bits N        smallest RSA key accepted (default 2048, at least 1024)\n"
          "  --max-depth N           certificates in a path, counting the anchor (1-8, default 8)\n"
          "  --crl FILE              check revocation against the CRLs of FILE (DER or PEM\n"
          "                          X509 CRL; repeatable): by default the leaf only,\n"
          "                          soft-fail (only a listed serial fails)\n"
          "  --crl-check leaf|all    which certificates to check (all: every certificate\n"
          "                          below the trust anchor)\n"
          "  --crl-hard-fail         a checked certificate without a current, valid CRL\n"
          "                          from its issuer fails too\n"
          "  --policy OID            acceptable certificate policy (dotted OID; repeatable;\n"
          "                          default any policy)\n"
          "  --require-policy        require an acceptable policy (initial-explicit-policy)\n"
          "  --inhibit-policy-mapping | --inhibit-any-policy   RFC 5280 6.1.1 inputs\n"
          "  --json                  one JSON object on stdout instead of the report\n"
          "show: parse each certificate in FILE (PEM or DER) and print its fields.\n"
          "\n"
          "exit status: verify: 0 valid, 1 rejected, 2 usage or I/O error (unreadable file,\n"
          "no certificate found); show: 0 ok, 1 a certificate failed to parse, 2 usage or I/O\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
                      strcmp(argv[1], "help") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "verify") == 0) {
        return cmd_verify(argc - 2, argv + 2);
    }
    if (argc < 3 || strcmp(argv[1], "show") != 0) {
        usage(stderr);
        return EXIT_USAGE;
    }
    int status = 0;
    for (int i = 2; i < argc; i++) {
        int s = show_file(argv[i]);
        if (s > status) {
            status = s;
        }
    }
    if (fflush(stdout) != 0) {
        return EXIT_USAGE;
    }
    return status;
}
