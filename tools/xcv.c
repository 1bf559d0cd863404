/*
 * xcv.c -- the xcv command-line tool.
 *
 * Subcommands
 *   xcv show FILE...   parse every certificate in each FILE (PEM with one or
 *                      more CERTIFICATE blocks, or a single DER certificate,
 *                      auto-detected) and print its fields.
 *
 * Exit status
 *   0  every certificate parsed
 *   1  at least one certificate (or PEM block) failed to parse
 *   2  usage error or I/O error (takes precedence over 1)
 *
 * Implementation notes
 *   - The tool is outside the zero-allocation core: stdio and malloc are used
 *     freely here. It includes only the public header xcv.h.
 *   - A file is PEM when it contains "-----BEGIN "; its blocks are decoded
 *     by the core's xcv_pem_next (strict base64). Otherwise it is DER.
 */
#include "xcv.h"

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

static void usage(FILE *f)
{
    fputs("usage: xcv show FILE...\n"
          "  show   parse each certificate in FILE (PEM or DER) and print its fields\n"
          "exit status: 0 ok, 1 a certificate failed to parse, 2 usage or I/O error\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        usage(stdout);
        return 0;
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
