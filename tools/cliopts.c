/*
 * cliopts.c -- the verification options shared by `xcv verify` and
 * `xcv-tls`; see cliopts.h for the options and the trust rules.
 *
 * Implementation notes
 *   - --pin: "sha256:" then 32 bytes as hex pairs, ':' allowed between
 *     pairs; anything else (odd digits, a 33rd byte) is refused.
 *   - --time: the 20 characters must have exactly the shape
 *     dddd-dd-ddTdd:dd:ddZ before xcv_time_from_civil checks the calendar
 *     (so "2026-02-30T00:00:00Z" and "2026-03-01" are both refused).
 *   - Messages are formatted into o->err without the program prefix; the
 *     caller prints them in its own style (xcv verify adds a help hint).
 */
#include "cliopts.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------------ */
/* Values                                                                    */
/* ------------------------------------------------------------------------ */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* "sha256:HEX" (64 hex digits, colons allowed between bytes). */
static int parse_pin(const char *s, uint8_t out[32])
{
    size_t n = 0;
    if (strncmp(s, "sha256:", 7) != 0) {
        return 0;
    }
    s += 7;
    while (*s != '\0') {
        if (*s == ':') {
            s++;
            continue;
        }
        int hi = hex_digit(s[0]);
        int lo = s[1] != '\0' ? hex_digit(s[1]) : -1;
        if (hi < 0 || lo < 0 || n == 32) {
            return 0;
        }
        out[n++] = (uint8_t)(hi * 16 + lo);
        s += 2;
    }
    return n == 32;
}

/* "YYYY-MM-DDTHH:MM:SSZ" exactly. */
static int parse_time(const char *s, xcv_time *out)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    int v[6];
    if (strlen(s) != sizeof shape - 1) {
        return 0;
    }
    for (size_t i = 0; i < sizeof shape - 1; i++) {
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i]) {
            return 0;
        }
    }
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 6) {
        return 0;
    }
    return xcv_time_from_civil(v[0], v[1], v[2], v[3], v[4], v[5], out) == XCV_OK;
}

static int parse_uint(const char *s, unsigned *out)
{
    char *end = NULL;
    if (*s < '0' || *s > '9') {
        return 0;
    }
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno != 0 || *end != '\0' || v > 1000000ul) {
        return 0;
    }
    *out = (unsigned)v;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Options                                                                   */
/* ------------------------------------------------------------------------ */

void xcv_cli_opts_init(struct xcv_cli_opts *o, const char *prog, unsigned accept)
{
    memset(o, 0, sizeof *o);
    o->prog = prog;
    o->accept = accept;
    o->ref.type = XCV_REF_NONE;
    xcv_params_default(&o->params);
    o->params.purpose = XCV_PURPOSE_SERVER;
}

static int is(const char *name, const char *option)
{
    return strcmp(name, option) == 0;
}

int xcv_cli_takes_value(const struct xcv_cli_opts *o, const char *name)
{
    if (is(name, "--anchors") || is(name, "--pin") || is(name, "--host") || is(name, "--ip") ||
        is(name, "--time") || is(name, "--purpose")) {
        return 1;
    }
    if ((o->accept & XCV_CLI_EMAIL) && is(name, "--email")) {
        return 1;
    }
    return (o->accept & XCV_CLI_LIMITS) && (is(name, "--min-rsa-bits") || is(name, "--max-depth"));
}

/* Formats a message into o->err; returns XCV_CLI_BAD. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int bad(struct xcv_cli_opts *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->err, sizeof o->err, fmt, ap);
    va_end(ap);
    return XCV_CLI_BAD;
}

static int option_ref(struct xcv_cli_opts *o, const char *name, const char *val)
{
    int email = (o->accept & XCV_CLI_EMAIL) != 0;
    if (o->ref.type != XCV_REF_NONE) {
        return bad(o, "give only one of --host, --ip%s", email ? ", --email" : "");
    }
    o->ref.type = is(name, "--host") ? XCV_REF_DNS : is(name, "--ip") ? XCV_REF_IP : XCV_REF_EMAIL;
    o->ref.name = (xcv_slice){(const uint8_t *)val, strlen(val)};
    o->ref_text = val;
    xcv_err e = xcv_ref_check(&o->ref);
    if (e != XCV_OK) {
        return bad(o, "bad %s \"%s\": %s: %s", name, val, xcv_err_name(e), xcv_strerror(e));
    }
    return XCV_CLI_TAKEN;
}

static int option_pin(struct xcv_cli_opts *o, const char *val)
{
    uint8_t h[32];
    if (o->pin_args == XCV_CLI_MAX_PINS) {
        return bad(o, "too many --pin (at most %d)", XCV_CLI_MAX_PINS);
    }
    if (!parse_pin(val, h)) {
        return bad(o, "bad --pin %s (expected sha256: and 64 hex digits)", val);
    }
    /* The hash of the certificate (and, when offered, of its SubjectPublicKeyInfo). */
    int kinds = (o->accept & XCV_CLI_PIN_SPKI) ? 2 : 1;
    for (int k = 0; k < kinds; k++) {
        struct xcv_pin *p = &o->pins[o->pin_count++];
        memcpy(p->sha256, h, sizeof h);
        p->kind = k == 0 ? XCV_PIN_CERT : XCV_PIN_SPKI;
        p->until = XCV_TIME_NONE;
    }
    o->pin_args++;
    return XCV_CLI_TAKEN;
}

static int option_purpose(struct xcv_cli_opts *o, const char *val)
{
    int email = (o->accept & XCV_CLI_EMAIL) != 0;
    if (is(val, "server")) {
        o->params.purpose = XCV_PURPOSE_SERVER;
    } else if (is(val, "client")) {
        o->params.purpose = XCV_PURPOSE_CLIENT;
    } else if (email && is(val, "email")) {
        o->params.purpose = XCV_PURPOSE_EMAIL;
    } else if (is(val, "any")) {
        o->params.purpose = XCV_PURPOSE_ANY;
    } else {
        return bad(o, "bad --purpose %s (server, client%sany)", val, email ? ", email or " : " or ");
    }
    return XCV_CLI_TAKEN;
}

/* --allow-sha1, --min-rsa-bits, --max-depth (XCV_CLI_LIMITS). */
static int option_limits(struct xcv_cli_opts *o, const char *name, const char *val)
{
    if (is(name, "--allow-sha1")) {
        o->params.flags |= XCV_FLAG_ALLOW_SHA1;
    } else if (is(name, "--min-rsa-bits")) {
        if (!parse_uint(val, &o->params.min_rsa_bits) || o->params.min_rsa_bits < 1024) {
            return bad(o, "bad --min-rsa-bits %s (a number, at least 1024)", val);
        }
    } else if (is(name, "--max-depth")) {
        if (!parse_uint(val, &o->params.max_depth) || o->params.max_depth < 1 ||
            o->params.max_depth > XCV_MAX_DEPTH) {
            return bad(o, "bad --max-depth %s (1 to %d, counting the anchor)", val, XCV_MAX_DEPTH);
        }
    } else {
        return XCV_CLI_NOT_MINE;
    }
    return XCV_CLI_TAKEN;
}

int xcv_cli_option(struct xcv_cli_opts *o, const char *name, const char *val)
{
    if (xcv_cli_takes_value(o, name) && val == NULL) {
        return bad(o, "option %s needs a value", name);
    }
    if (is(name, "--anchors")) {
        if (o->anchor_count == XCV_CLI_MAX_ANCHOR_FILES) {
            return bad(o, "too many --anchors (at most %d)", XCV_CLI_MAX_ANCHOR_FILES);
        }
        o->anchor_files[o->anchor_count++] = val;
    } else if (is(name, "--system")) {
        o->system = 1;
    } else if (is(name, "--pin")) {
        return option_pin(o, val);
    } else if (is(name, "--host") || is(name, "--ip") ||
               ((o->accept & XCV_CLI_EMAIL) && is(name, "--email"))) {
        return option_ref(o, name, val);
    } else if (is(name, "--time")) {
        if (!parse_time(val, &o->params.now)) {
            return bad(o, "bad --time %s (expected YYYY-MM-DDTHH:MM:SSZ)", val);
        }
        o->have_time = 1;
    } else if (is(name, "--purpose")) {
        return option_purpose(o, val);
    } else if (is(name, "--cn-fallback")) {
        o->params.flags |= XCV_FLAG_CN_FALLBACK;
    } else if (o->accept & XCV_CLI_LIMITS) {
        return option_limits(o, name, val);
    } else {
        return XCV_CLI_NOT_MINE;
    }
    return XCV_CLI_TAKEN;
}

void xcv_cli_set_time(struct xcv_cli_opts *o)
{
    if (!o->have_time) {
        o->params.now = (xcv_time)time(NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* Trust                                                                     */
/* ------------------------------------------------------------------------ */

int xcv_cli_file_error(const char *prog, const char *what, const char *path, xcv_file_status st,
                       const struct xcv_file_stats *stats)
{
    if (st == XCV_FILE_IO) {
        fprintf(stderr, "%s: cannot read %s %s: %s\n", prog, what, path,
                strerror(stats->sys_errno != 0 ? stats->sys_errno : EIO));
    } else if (st == XCV_FILE_NO_CERTS) {
        fprintf(stderr, "%s: no certificate found in %s %s", prog, what, path);
        if (stats->rejected > 0) {
            fprintf(stderr, " (%zu block%s rejected, first: %s)", stats->rejected,
                    stats->rejected == 1 ? "" : "s", xcv_err_name(stats->first_err));
        }
        fputc('\n', stderr);
    } else {
        fprintf(stderr, "%s: %s %s: %s\n", prog, what, path, xcv_file_status_str(st));
    }
    return XCV_CLI_EXIT_USAGE;
}

int xcv_cli_trust_load(struct xcv_cli_trust *t, struct xcv_cli_opts *o)
{
    struct xcv_file_stats stats;
    memset(&stats, 0, sizeof stats);
    xcv_file_store_init(&t->files);
    xcv_file_store_init(&t->system);
    t->have_system = 0;
    xcv_anchors_pinned_init(&t->pinned, o->pins, o->pin_count);
    xcv_anchors_chain_init(&t->chain);

    for (size_t i = 0; i < o->anchor_count; i++) {
        xcv_file_status st = xcv_file_store_add_file(&t->files, o->anchor_files[i], &stats);
        if (st != XCV_FILE_OK) {
            return xcv_cli_file_error(o->prog, "anchors file", o->anchor_files[i], st, &stats);
        }
    }
    int by_default = o->anchor_count == 0 && !((o->accept & XCV_CLI_PINS_ONLY) && o->pin_args > 0);
    if (o->system || by_default) {
        xcv_file_status st = xcv_file_store_add_system(&t->system, &stats);
        if (st != XCV_FILE_OK && (o->system || o->pin_args == 0)) {
            return xcv_cli_file_error(o->prog, "system store", xcv_file_system_path(), st, &stats);
        }
        t->have_system = st == XCV_FILE_OK;
    }
    if ((t->files.count > 0 &&
         xcv_anchors_chain_add(&t->chain, xcv_file_store_get(&t->files)) != XCV_OK) ||
        (t->have_system &&
         xcv_anchors_chain_add(&t->chain, xcv_file_store_get(&t->system)) != XCV_OK) ||
        (o->pin_count > 0 && xcv_anchors_chain_add(&t->chain, &t->pinned.base) != XCV_OK)) {
        fprintf(stderr, "%s: cannot set up the anchor store\n", o->prog);
        return XCV_CLI_EXIT_USAGE;
    }
    return 0;
}

void xcv_cli_trust_free(struct xcv_cli_trust *t)
{
    xcv_file_store_free(&t->files);
    xcv_file_store_free(&t->system);
    t->have_system = 0;
}
