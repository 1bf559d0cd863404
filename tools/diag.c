/*
 * diag.c -- human diagnostics for a certificate chain and an xcv_verify
 * result (see diag.h for the contract and the interception heuristic).
 *
 * Implementation notes
 *   - Outside the core: stdio and malloc are used. Only xcv.h is included,
 *     so the file links into any program using libxcv.
 *   - Certificates are re-parsed here from the caller's slices (xcv_verify
 *     may return before it parsed them, e.g. for a bad reference), so the
 *     listing never depends on the verifier's private state.
 *   - Every message names the certificate by its index in the received
 *     list ([0] = leaf) and its subject, as xcv_result.cert_index does.
 */
#include "diag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define YEAR_SECONDS ((xcv_time)365 * 24 * 3600)

/* ------------------------------------------------------------------------ */
/* Formatting helpers                                                        */
/* ------------------------------------------------------------------------ */

/* see diag.h */
char *xcv_diag_dn(xcv_slice name)
{
    size_t need = xcv_dn_format(name, NULL, 0);
    char *s = malloc(need + 1);
    if (s == NULL) {
        return NULL;
    }
    (void)xcv_dn_format(name, s, need + 1);
    return s;
}

static void put_dn(FILE *out, xcv_slice name)
{
    char *s = xcv_diag_dn(name);
    fputs(s != NULL ? s : "(out of memory)", out);
    free(s);
}

static void put_time(FILE *out, xcv_time t)
{
    char buf[21];
    if (t == XCV_TIME_NONE) {
        fputs("(no expiry)", out);
        return;
    }
    xcv_time_format(t, buf);
    fputs(buf, out);
}

static void put_hex(FILE *out, const uint8_t *p, size_t n, int colons)
{
    for (size_t i = 0; i < n; i++) {
        fprintf(out, colons && i > 0 ? ":%02X" : (colons ? "%02X" : "%02x"), p[i]);
    }
}

/* Appends text to a growing malloc'd string; returns 0 when out of memory. */
struct sbuf {
    char *p;
    size_t n;
    size_t cap;
    int bad;
};

static void sb_add(struct sbuf *b, const char *s, size_t len)
{
    if (b->bad) {
        return;
    }
    if (b->n + len + 1 > b->cap) {
        size_t cap = (b->cap == 0 ? 64 : b->cap * 2) + len;
        char *np = realloc(b->p, cap);
        if (np == NULL) {
            b->bad = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

static void sb_str(struct sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

/* IA5String text, bytes outside printable ASCII (and the backslash) as \XX. */
static void sb_text(struct sbuf *b, xcv_slice s)
{
    for (size_t i = 0; i < s.n; i++) {
        uint8_t c = s.p[i];
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            char ch = (char)c;
            sb_add(b, &ch, 1);
        } else {
            char esc[4];
            snprintf(esc, sizeof esc, "\\%02X", c);
            sb_add(b, esc, 3);
        }
    }
}

static void sb_hex(struct sbuf *b, xcv_slice s)
{
    for (size_t i = 0; i < s.n; i++) {
        char h[3];
        snprintf(h, sizeof h, "%02X", s.p[i]);
        sb_add(b, h, 2);
    }
}

static char *sb_take(struct sbuf *b)
{
    if (b->bad) {
        free(b->p);
        return NULL;
    }
    if (b->p == NULL) {
        sb_add(b, "", 0);
    }
    return b->bad ? NULL : b->p;
}

/* see diag.h */
char *xcv_diag_general_name(const struct xcv_general_name *gn)
{
    struct sbuf b = {NULL, 0, 0, 0};
    char ip[96];
    switch (gn->type) {
    case XCV_GN_DNS:
        sb_str(&b, "DNS:");
        sb_text(&b, gn->value);
        break;
    case XCV_GN_IP:
        sb_str(&b, "IP:");
        if (xcv_ip_format(gn->value.p, gn->value.n, ip, sizeof ip) < sizeof ip) {
            sb_str(&b, ip);
        } else {
            sb_str(&b, "<malformed address>");
        }
        break;
    case XCV_GN_RFC822:
        sb_str(&b, "email:");
        sb_text(&b, gn->value);
        break;
    case XCV_GN_URI:
        sb_str(&b, "URI:");
        sb_text(&b, gn->value);
        break;
    case XCV_GN_DIRECTORY: {
        char *dn = xcv_diag_dn(gn->value);
        sb_str(&b, "DirName:");
        sb_str(&b, dn != NULL ? dn : "?");
        free(dn);
        break;
    }
    case XCV_GN_OTHER_NAME:
        sb_str(&b, "othername:");
        sb_hex(&b, gn->value);
        break;
    case XCV_GN_REGISTERED_ID:
        sb_str(&b, "RID:");
        sb_hex(&b, gn->value);
        break;
    case XCV_GN_X400:
    case XCV_GN_EDI_PARTY:
        snprintf(ip, sizeof ip, "[%d]:", (int)gn->type);
        sb_str(&b, ip);
        sb_hex(&b, gn->value);
        break;
    }
    return sb_take(&b);
}

/* see diag.h */
const char *xcv_diag_key_name(const struct xcv_pubkey *k)
{
    switch (k->type) {
    case XCV_KEY_RSA:
        return "RSA";
    case XCV_KEY_RSA_PSS:
        return "RSA-PSS";
    case XCV_KEY_EC:
        switch (k->curve) {
        case XCV_CURVE_P256:
            return "EC P-256";
        case XCV_CURVE_P384:
            return "EC P-384";
        case XCV_CURVE_P521:
            return "EC P-521";
        case XCV_CURVE_OTHER:
        case XCV_CURVE_NONE:
            break;
        }
        return "EC (unsupported curve)";
    case XCV_KEY_ED25519:
        return "Ed25519";
    case XCV_KEY_ED448:
        return "Ed448";
    case XCV_KEY_DSA:
        return "DSA";
    case XCV_KEY_UNKNOWN:
        break;
    }
    return "unknown";
}

/* ------------------------------------------------------------------------ */
/* Names a certificate covers                                                */
/* ------------------------------------------------------------------------ */

/* The SAN entries of a certificate (malloc'd, *out_n entries). */
static struct xcv_general_name *list_names(const struct xcv_cert *c, size_t *out_n)
{
    size_t n = xcv_ident_list(c, NULL, 0, NULL, NULL);
    struct xcv_general_name *names;
    *out_n = 0;
    if (n == 0) {
        return NULL;
    }
    names = calloc(n, sizeof *names);
    if (names == NULL) {
        return NULL;
    }
    *out_n = xcv_ident_list(c, names, n, NULL, NULL);
    if (*out_n > n) {
        *out_n = n;
    }
    return names;
}

/*
 * Prints the entries of the given type, comma-separated, plainly (no
 * "DNS:" prefix when only one type is printed); returns how many.
 */
static size_t put_names(FILE *out, const struct xcv_general_name *names, size_t n, int type,
                        size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (type >= 0 && (int)names[i].type != type) {
            continue;
        }
        if (count == max) {
            fputs(", ...", out);
            count++;
            break;
        }
        char *s = xcv_diag_general_name(&names[i]);
        const char *shown = s != NULL ? s : "?";
        if (type >= 0) {
            const char *colon = strchr(shown, ':');
            shown = colon != NULL ? colon + 1 : shown;
        }
        fprintf(out, "%s%s", count > 0 ? ", " : "", shown);
        free(s);
        count++;
    }
    return count;
}

static size_t count_type(const struct xcv_general_name *names, size_t n, xcv_gn_type type)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        count += names[i].type == type;
    }
    return count;
}

/* ------------------------------------------------------------------------ */
/* Received certificates                                                     */
/* ------------------------------------------------------------------------ */

/* see diag.h */
void xcv_diag_received(FILE *out, const xcv_slice *certs, size_t n)
{
    fprintf(out, "Received %zu certificate%s (as sent, [0] = the server's own):\n", n,
            n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        struct xcv_cert c;
        size_t off = 0;
        uint8_t fp[32];
        xcv_err err = xcv_cert_parse(certs[i], &c, &off);
        if (err != XCV_OK) {
            fprintf(out, "  [%zu] cannot be parsed: %s: %s (at byte %zu of %zu)\n", i,
                    xcv_err_name(err), xcv_strerror(err), off, certs[i].n);
            continue;
        }
        fprintf(out, "  [%zu] owner:   ", i);
        put_dn(out, c.subject);
        fputs("\n      issuer:  ", out);
        if (xcv_dn_equal(c.subject, c.issuer)) {
            fputs("itself (self-signed)", out);
        } else {
            put_dn(out, c.issuer);
        }
        fputs("\n      serial:  ", out);
        put_hex(out, c.serial.p, c.serial.n, 1);
        fprintf(out, "\n      key:     %s", xcv_diag_key_name(&c.key));
        if (c.key.key_bits > 0 && c.key.type != XCV_KEY_ED25519 && c.key.type != XCV_KEY_ED448) {
            fprintf(out, " (%u bits)", c.key.key_bits);
        }
        if ((c.ext_present & XCV_EXT_BASIC_CONSTRAINTS) != 0 && c.is_ca) {
            fputs(", CA certificate", out);
        }
        fputs("\n      valid:   from ", out);
        put_time(out, c.not_before);
        fputs(" to ", out);
        put_time(out, c.not_after);
        size_t nn = 0;
        struct xcv_general_name *names = list_names(&c, &nn);
        if (nn > 0) {
            fprintf(out, "\n      covers:  %zu name%s: ", nn, nn == 1 ? "" : "s");
            put_names(out, names, nn, -1, 20);
        } else if ((c.ext_present & XCV_EXT_BASIC_CONSTRAINTS) == 0 || !c.is_ca) {
            xcv_slice cn;
            fputs("\n      covers:  no subjectAltName names", out);
            if (xcv_ident_cn(&c, &cn)) {
                fputs(" (only the subject CN, used with --cn-fallback)", out);
            }
        }
        free(names);
        xcv_sha256(c.der, fp);
        fputs("\n      SHA-256: ", out);
        put_hex(out, fp, sizeof fp, 0);
        fputc('\n', out);
    }
}

/* ------------------------------------------------------------------------ */
/* Interception heuristic                                                    */
/* ------------------------------------------------------------------------ */

/*
 * Words in the issuer names of antivirus products and TLS-inspecting
 * proxies and firewalls (whole words, ASCII case-insensitive). Names of
 * public CAs were checked against the list: only "Security" also occurs in
 * one public root (SECOM "Security Communication RootCA"), which rule (b)
 * of diag.h (not in the system store) then excludes.
 */
static const char *const intercept_words[] = {
    "antivirus",   "anti-virus", "virus",      "av",        "shield",      "security",
    "proxy",       "inspection", "intercept",  "interception", "firewall", "filter",
    "kaspersky",   "eset",       "avast",      "avg",       "bitdefender", "norton",
    "sophos",      "fortinet",   "fortigate",  "zscaler",   "blue coat",   "bluecoat",
    "mcafee",      "trend micro", "webroot",   "avira",     "f-secure",    "dr.web",
    "panda",       "emsisoft",   "malwarebytes", "barracuda", "forcepoint", "websense",
    "palo alto",   "check point", "checkpoint", "untangle", "mitmproxy",   "fiddler",
    "portswigger", "burp",       "superfish",  "komodia",   "netnanny",    "net nanny",
    "cyberoam",    "sonicwall",  "watchguard", "smoothwall", "netskope",   "umbrella",
};

static char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static int is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whole-word, case-insensitive search of word in s: its offset + 1, or 0. */
static size_t has_word(const char *s, const char *word)
{
    size_t k = strlen(word);
    size_t n = strlen(s);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && lower(s[i + j]) == word[j]) {
            j++;
        }
        if (j == k && (i == 0 || !is_word_char(s[i - 1])) &&
            (i + k == n || !is_word_char(s[i + k]))) {
            return i + 1;
        }
    }
    return 0;
}

/*
 * The first interception word in the formatted name, copied as spelled
 * there into buf (cap bytes); NULL when none.
 */
static const char *intercept_word(const char *dn, char *buf, size_t cap)
{
    for (size_t i = 0; i < sizeof intercept_words / sizeof intercept_words[0]; i++) {
        size_t at = has_word(dn, intercept_words[i]);
        if (at > 0) {
            size_t k = strlen(intercept_words[i]);
            if (k >= cap) {
                k = cap - 1;
            }
            memcpy(buf, dn + at - 1, k);
            buf[k] = '\0';
            return buf;
        }
    }
    return NULL;
}

/* see diag.h */
int xcv_diag_interception_name(xcv_slice issuer_name)
{
    char *dn = xcv_diag_dn(issuer_name);
    char buf[32];
    int hit = dn != NULL && intercept_word(dn, buf, sizeof buf) != NULL;
    free(dn);
    return hit;
}

/* 1 when the store holds an anchor whose subject equals name. */
static int store_has_name(const struct xcv_anchor_store *store, xcv_slice name)
{
    struct xcv_anchor_cursor cur;
    const struct xcv_anchor *a;
    xcv_slice none = {NULL, 0};
    if (store == NULL || store->vt == NULL || store->vt->next_issuer == NULL) {
        return 0;
    }
    memset(&cur, 0, sizeof cur);
    while ((a = store->vt->next_issuer(store, name, none, &cur)) != NULL) {
        if (xcv_dn_equal(a->subject, name)) {
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Verdict                                                                   */
/* ------------------------------------------------------------------------ */

static int parse_at(const struct xcv_diag *d, int i, struct xcv_cert *c)
{
    if (i < 0 || (size_t)i >= d->n) {
        return 0;
    }
    return xcv_cert_parse(d->certs[i], c, NULL) == XCV_OK;
}

/* "certificate [i] "subject"" (or the anchor, or nothing for no index). */
static void put_cert(FILE *out, const struct xcv_diag *d, int i)
{
    struct xcv_cert c;
    if (i == XCV_INDEX_ANCHOR) {
        fputs("the trust anchor", out);
        if (d->result->anchor != NULL) {
            fputs(" \"", out);
            put_dn(out, d->result->anchor->subject);
            fputc('"', out);
        }
        return;
    }
    if (i < 0) {
        fputs("the chain", out);
        return;
    }
    fprintf(out, "certificate [%d]", i);
    if (parse_at(d, i, &c)) {
        fputs(" \"", out);
        put_dn(out, c.subject);
        fputc('"', out);
    }
}

static void put_sha256_of(FILE *out, const struct xcv_diag *d, int i)
{
    uint8_t fp[32];
    xcv_sha256(d->certs[i], fp);
    put_hex(out, fp, sizeof fp, 0);
}

static const char *ref_kind(const struct xcv_ref *ref)
{
    switch (ref->type) {
    case XCV_REF_IP:
    case XCV_REF_DNS:
        return "server name";
    case XCV_REF_EMAIL:
        return "email address";
    case XCV_REF_URI:
        return "URI";
    case XCV_REF_NONE:
        break;
    }
    return "name";
}

static void put_ref(FILE *out, const struct xcv_ref *ref)
{
    struct sbuf b = {NULL, 0, 0, 0};
    sb_text(&b, ref->name);
    char *s = sb_take(&b);
    fprintf(out, "%s (\"%s\")", ref_kind(ref), s != NULL ? s : "?");
    free(s);
}

static const char *purpose_name(xcv_purpose p)
{
    switch (p) {
    case XCV_PURPOSE_SERVER:
        return "server (serverAuth)";
    case XCV_PURPOSE_CLIENT:
        return "client (clientAuth)";
    case XCV_PURPOSE_EMAIL:
        return "email (emailProtection)";
    case XCV_PURPOSE_CODE_SIGNING:
        return "code signing (codeSigning)";
    case XCV_PURPOSE_ANY:
        break;
    }
    return "any";
}

static void verdict_ok(FILE *out, const struct xcv_diag *d)
{
    const struct xcv_result *r = d->result;
    fputs("OK: the chain is valid: ", out);
    for (size_t i = 0; i < r->path_len; i++) {
        fprintf(out, "%s[%d]", i > 0 ? " <- " : "", r->path[i]);
    }
    if (r->anchor != NULL) {
        if (r->anchor->flags & XCV_ANCHOR_PIN) {
            fputs(" = pinned exception sha256:", out);
            put_hex(out, r->anchor->pin_sha256, 32, 0);
        } else {
            fputs(" <- trust anchor \"", out);
            put_dn(out, r->anchor->subject);
            fputc('"', out);
        }
    }
    fputc('\n', out);
    if (d->ref != NULL && d->ref->type != XCV_REF_NONE) {
        fputs("  The ", out);
        put_ref(out, d->ref);
        fputs(" is covered by certificate [0].\n", out);
    } else {
        fputs("  No reference identity was given (--host, --ip, --email): the name was not "
              "checked.\n",
              out);
    }
}

static void verdict_unknown_issuer(FILE *out, const struct xcv_diag *d)
{
    const struct xcv_result *r = d->result;
    int top = r->top_index;
    struct xcv_cert topc;
    char *issuer;
    const char *word;
    char wordbuf[32];

    if (top < 0 || !parse_at(d, top, &topc) || r->untrusted_issuer.n == 0) {
        fprintf(out, "REJECTED: %s: %s\n", xcv_err_name(r->err), xcv_strerror(r->err));
        fputs("  Add the root certificate of this chain with --anchors FILE.\n", out);
        return;
    }
    issuer = xcv_diag_dn(r->untrusted_issuer);
    if (issuer == NULL) {
        return;
    }
    if (r->top_self_signed) {
        fprintf(out,
                "REJECTED: %s: certificate [%d] \"%s\" is self-signed and is not a trust "
                "anchor: nobody trusts the issuer \"%s\".\n",
                xcv_err_name(r->err), top, issuer, issuer);
        fprintf(out,
                "  The topmost certificate received, [%d], is self-signed (it is its own root); "
                "no trust anchor is this certificate.\n",
                top);
    } else {
        fprintf(out, "REJECTED: %s: nobody trusts the issuer \"%s\" of ", xcv_err_name(r->err),
                issuer);
        put_cert(out, d, top);
        fputs(".\n", out);
        fprintf(out,
                "  The topmost certificate received, [%d], is not self-signed: the server did "
                "not send the root certificate, and no trust anchor is named \"%s\".\n",
                top, issuer);
    }
    fprintf(out, "  SHA-256 of certificate [%d]: ", top);
    put_sha256_of(out, d, top);
    fputc('\n', out);

    /* Interception (diag.h rules (a), (b) and the root-direct hint). */
    int in_system = store_has_name(d->system, r->untrusted_issuer);
    word = r->top_self_signed ? NULL : intercept_word(issuer, wordbuf, sizeof wordbuf);
    if (in_system) {
        fputs("  The system store has a CA with this name: add --system (or its bundle with "
              "--anchors) to trust it.\n",
              out);
    } else if (word != NULL) {
        fprintf(out,
                "  Likely cause: TLS interception. The issuer's name contains \"%s\", a word "
                "used by antivirus programs and TLS-inspecting proxies or firewalls, and "
                "the root was not sent: such a product on this computer or network re-signs "
                "the server's certificate with its own root. Trust that root (--anchors) only "
                "if you installed the product; otherwise someone is intercepting the "
                "connection.\n",
                word);
    } else if (!r->top_self_signed && top == 0 && has_word(issuer, "root")) {
        fputs("  Possible cause: TLS interception. The server's certificate is signed "
              "directly by a root, which public CAs do not do (Baseline Requirements 6.1.7) "
              "but antivirus programs and inspecting proxies do.\n",
              out);
    }
    if (r->top_self_signed) {
        fprintf(out,
                "  To trust it: --anchors FILE with this certificate, or the exception "
                "--pin sha256:");
        put_sha256_of(out, d, top);
        fputs(" (check the fingerprint with the server's administrator first).\n", out);
    } else {
        fprintf(out,
                "  To trust it: --anchors FILE with the root certificate \"%s\", or accept "
                "exactly the server's certificate [0] with --pin sha256:",
                issuer);
        put_sha256_of(out, d, 0);
        fputs(" (check the fingerprint with the server's administrator first).\n", out);
    }
    free(issuer);
}

/*
 * The name-mismatch explanation. also = 0: it is the verdict; also = 1: the
 * chain was rejected for another reason and the name does not match either
 * (printed as an indented "Also:" line, nothing when the name matches).
 */
static void verdict_name(FILE *out, const struct xcv_diag *d, int also)
{
    const struct xcv_ref *ref = d->ref;
    struct xcv_cert leaf;
    unsigned reasons = 0;
    size_t nn = 0;
    struct xcv_general_name *names;
    size_t dns_n;
    size_t ip_n;
    xcv_slice cn = {NULL, 0};
    int has_cn;
    int listed = 0;
    const char *err_name = xcv_err_name(d->result->err);

    if (ref == NULL || ref->type == XCV_REF_NONE || !parse_at(d, 0, &leaf)) {
        if (!also) {
            fprintf(out, "REJECTED: %s: %s\n", err_name, xcv_strerror(d->result->err));
        }
        return;
    }
    if (xcv_ident_explain(&leaf, ref, d->params->flags, &reasons) != XCV_ERR_NAME_MISMATCH) {
        if (also) {
            return;
        }
        reasons = 0;
    }
    names = list_names(&leaf, &nn);
    dns_n = count_type(names, nn, XCV_GN_DNS);
    ip_n = count_type(names, nn, XCV_GN_IP);
    has_cn = xcv_ident_cn(&leaf, &cn);

    if (also) {
        fputs("  Also: the ", out);
    } else {
        fprintf(out, "REJECTED: %s: ", err_name);
    }
    put_ref(out, ref);
    fputs(" does not match the certificate", out);
    if (ref->type == XCV_REF_IP && ip_n == 0) {
        fputs(": you connected by IP address, and the certificate has no IP address names; ",
              out);
        if (dns_n > 0) {
            fputs("connect by host name (", out);
            put_names(out, names, nn, XCV_GN_DNS, 5);
            fputs(")", out);
        } else {
            fputs("it names no host either", out);
        }
    } else if (ref->type == XCV_REF_DNS && dns_n == 0 && ip_n > 0) {
        fputs(": the certificate has only IP address names; connect by address (", out);
        put_names(out, names, nn, XCV_GN_IP, 5);
        fputs(")", out);
    } else if (nn == 0) {
        fputs(": the certificate has no subjectAltName names", out);
    } else {
        fprintf(out, " [0], which covers %zu name%s: ", nn, nn == 1 ? "" : "s");
        put_names(out, names, nn, -1, 20);
        listed = 1;
    }
    fputs(".\n", out);

    if (nn > 0 && !listed) {
        fprintf(out, "  Certificate [0] covers %zu name%s: ", nn, nn == 1 ? "" : "s");
        put_names(out, names, nn, -1, 20);
        fputs(".\n", out);
    }
    if (reasons & XCV_MISMATCH_IP_AS_DNS) {
        fputs("  The certificate spells this address as a DNS name; a DNS name never matches "
              "an IP address (the certificate needs an IP address name).\n",
              out);
    }
    if (has_cn && (reasons & XCV_MISMATCH_CN_ONLY)) {
        struct sbuf b = {NULL, 0, 0, 0};
        sb_text(&b, cn);
        char *cns = sb_take(&b);
        if (dns_n > 0 || ip_n > 0) {
            fprintf(out,
                    "  Only the subject CN (\"%s\") matches, and the CN is never used when the "
                    "certificate has DNS or IP address names.\n",
                    cns != NULL ? cns : "?");
        } else if (ref->type == XCV_REF_IP) {
            fprintf(out, "  Only the subject CN (\"%s\") matches, and the CN is never used for "
                         "an IP address.\n",
                    cns != NULL ? cns : "?");
        } else {
            fprintf(out,
                    "  Only the subject CN (\"%s\") matches, and CN matching is off: "
                    "--cn-fallback accepts it (legacy certificates without subjectAltName).\n",
                    cns != NULL ? cns : "?");
        }
        free(cns);
    } else if (ref->type == XCV_REF_IP && ip_n == 0 && has_cn && cn.n == ref->name.n &&
               memcmp(cn.p, ref->name.p, cn.n) == 0) {
        struct sbuf b = {NULL, 0, 0, 0};
        sb_text(&b, cn);
        char *cns = sb_take(&b);
        fprintf(out, "  The subject CN (\"%s\") is never used for an IP address.\n",
                cns != NULL ? cns : "?");
        free(cns);
    }
    if (reasons & XCV_MISMATCH_WILDCARD_DEPTH) {
        fputs("  A wildcard covers exactly one whole label: *.example.net covers "
              "a.example.net, not example.net nor a.b.example.net.\n",
              out);
    }
    if (reasons & XCV_MISMATCH_WILDCARD_SUFFIX) {
        fputs("  A wildcard over a public suffix (such as *.co.uk) is never honoured.\n", out);
    }
    if (reasons & XCV_MISMATCH_PARTIAL_WILDCARD) {
        fputs("  Partial-label wildcards (such as f*.example.net) are not honoured.\n", out);
    }
    if (reasons & XCV_MISMATCH_MALFORMED_SAN) {
        fputs("  Some names of that type in the certificate are malformed and were skipped.\n",
              out);
    }
    if (!also) {
        fputs("  Connect with a name the certificate covers, or ask the server's "
              "administrator for a certificate that covers this one.\n",
              out);
    }
    free(names);
}

static void verdict_time(FILE *out, const struct xcv_diag *d)
{
    const struct xcv_result *r = d->result;
    struct xcv_cert c;
    xcv_time now = d->params->now;
    int expired = r->err == XCV_ERR_EXPIRED;

    if (!parse_at(d, r->cert_index, &c)) {
        fprintf(out, "REJECTED: %s: %s\n", xcv_err_name(r->err), xcv_strerror(r->err));
        return;
    }
    fprintf(out, "REJECTED: %s: ", xcv_err_name(r->err));
    put_cert(out, d, r->cert_index);
    if (expired) {
        fputs(" expired on ", out);
        put_time(out, c.not_after);
    } else {
        fputs(" is not valid until ", out);
        put_time(out, c.not_before);
    }
    fputs(expired ? ".\n  It was valid from " : ".\n  It is valid from ", out);
    put_time(out, c.not_before);
    fputs(" to ", out);
    put_time(out, c.not_after);
    fputs("; the time used is ", out);
    put_time(out, now);
    fputs(".\n", out);
    if (!expired) {
        fputs("  A certificate dated in the future usually means this computer's clock is "
              "wrong: check the system clock (date, year, time zone), or give the time with "
              "--time.\n",
              out);
    } else if (c.not_after != XCV_TIME_NONE && now - c.not_after > YEAR_SECONDS) {
        fprintf(out,
                "  It expired more than %lld year%s before the time used: if that looks wrong, "
                "check the system clock; otherwise the server's administrator must renew it.\n",
                (long long)((now - c.not_after) / YEAR_SECONDS),
                (now - c.not_after) / YEAR_SECONDS == 1 ? "" : "s");
    } else {
        fputs("  The server's administrator must renew it (or the server must send a current "
              "intermediate).\n",
              out);
    }
}

/* One hint line for the errors that name a certificate. */
static const char *hint_for(xcv_err err)
{
    switch (err) {
    case XCV_ERR_BAD_SIGNATURE:
        return "The certificate was altered, or signed by a different key than its issuer's: "
               "do not trust this chain.";
    case XCV_ERR_NOT_A_CA:
        return "It is used as an issuer but is not a CA certificate (basicConstraints "
               "cA=TRUE is missing).";
    case XCV_ERR_PATH_TOO_LONG:
        return "The path to a trust anchor would be longer than the maximum (--max-depth N, "
               "at most 8, counting the anchor).";
    case XCV_ERR_PATH_LEN_EXCEEDED:
        return "A CA's pathLenConstraint does not allow this many CAs below it.";
    case XCV_ERR_EKU_NOT_ALLOWED:
        return "Its extendedKeyUsage does not allow the purpose checked (--purpose).";
    case XCV_ERR_CERT_UNKNOWN_CRITICAL_EXTENSION:
        return "It carries an extension marked critical that xcv does not understand; "
               "RFC 5280 4.2 requires rejecting it.";
    case XCV_ERR_INSECURE_ALGORITHM:
        return "It is signed with MD5 or SHA-1 (--allow-sha1 accepts SHA-1).";
    case XCV_ERR_RSA_KEY_TOO_SMALL:
        return "Its RSA key is below the minimum (--min-rsa-bits N).";
    case XCV_ERR_LEAF_IS_CA:
        return "A CA certificate cannot be a server's own certificate.";
    case XCV_ERR_CERT_BAD_NAME:
        return "Its name is malformed, or (server certificates) its subject CN claims a host "
               "name or IP address that its subjectAltName does not list (CA/Browser Forum "
               "Baseline Requirements 7.1.4.3).";
    case XCV_ERR_ANCHOR_EXPIRED:
        return "The trust anchor itself has expired: update the trust store.";
    default:
        break;
    }
    return NULL;
}

static void verdict_other(FILE *out, const struct xcv_diag *d);

/* RFC 5280 5.3.1 CRLReason names (value 7 is unused). */
static const char *crl_reason_name(int reason)
{
    static const char *const names[] = {"unspecified",          "keyCompromise",
                                        "cACompromise",         "affiliationChanged",
                                        "superseded",           "cessationOfOperation",
                                        "certificateHold",      NULL,
                                        "removeFromCRL",        "privilegeWithdrawn",
                                        "aACompromise"};
    if (reason < 0 || (size_t)reason >= sizeof names / sizeof names[0] ||
        names[reason] == NULL) {
        return NULL;
    }
    return names[reason];
}

/* XCV_ERR_REVOKED: which certificate, since when, why, and which CRL says so. */
static void verdict_revoked(FILE *out, const struct xcv_diag *d)
{
    const struct xcv_result *r = d->result;
    const char *why = crl_reason_name(r->revocation_reason);
    struct xcv_cert c;

    fprintf(out, "REJECTED: %s: ", xcv_err_name(r->err));
    put_cert(out, d, r->cert_index);
    fputs(" was revoked on ", out);
    put_time(out, r->revocation_date);
    if (why != NULL) {
        fprintf(out, ", reason %s (%d)", why, r->revocation_reason);
    } else {
        fputs(", no reason given", out);
    }
    fprintf(out, " (CRL #%d given with --crl", r->crl_index + 1);
    if (parse_at(d, r->cert_index, &c)) {
        fputs("; serial ", out);
        put_hex(out, c.serial.p, c.serial.n, 1);
    }
    fputs(").\n  Its issuer declared it must no longer be trusted: do not trust this chain; "
          "the server's administrator must replace the certificate.\n",
          out);
}

/* see diag.h */
void xcv_diag_verdict(FILE *out, const struct xcv_diag *d)
{
    const struct xcv_result *r = d->result;

    if (r->err == XCV_OK) {
        verdict_ok(out, d);
        return;
    }
    if (r->err == XCV_ERR_NAME_MISMATCH) {
        verdict_name(out, d, 0);
        return;
    }
    if (r->err == XCV_ERR_UNKNOWN_ISSUER) {
        verdict_unknown_issuer(out, d);
    } else if (r->err == XCV_ERR_EXPIRED || r->err == XCV_ERR_NOT_YET_VALID) {
        verdict_time(out, d);
    } else if (r->err == XCV_ERR_REVOKED) {
        verdict_revoked(out, d);
    } else {
        verdict_other(out, d);
    }
    /* A name that does not match either: say so too (fix both). */
    verdict_name(out, d, 1);
}

/* Every other error: which certificate, then the sentence and a hint. */
static void verdict_other(FILE *out, const struct xcv_diag *d)
{
    const struct xcv_result *r = d->result;
    const char *hint;

    fprintf(out, "REJECTED: %s", xcv_err_name(r->err));
    if (r->cert_index != XCV_INDEX_NONE) {
        fputs(" at ", out);
        put_cert(out, d, r->cert_index);
        if (r->cert_index >= 0 && !parse_at(d, r->cert_index, &(struct xcv_cert){0})) {
            fprintf(out, " (cannot be parsed: at byte %zu)", r->der_offset);
        }
    }
    fprintf(out, ": %s\n", xcv_strerror(r->err));
    hint = hint_for(r->err);
    if (hint != NULL) {
        fprintf(out, "  %s\n", hint);
    }
    if (r->err == XCV_ERR_EKU_NOT_ALLOWED && d->params != NULL) {
        fprintf(out, "  Purpose checked: %s.\n", purpose_name(d->params->purpose));
    }
    if (r->crl_index >= 0) {
        fprintf(out, "  The CRL concerned: #%d given with --crl.\n", r->crl_index + 1);
    } else if (r->err == XCV_ERR_CRL_MISSING) {
        fputs("  With --crl-hard-fail every checked certificate needs a current CRL from its "
              "issuer (give it with --crl).\n",
              out);
    }
}
