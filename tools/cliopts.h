/*
 * cliopts.h -- the verification options shared by `xcv verify`
 * (tools/xcv.c) and the example TLS client `xcv-tls`
 * (examples/tls_check.c): one spelling, one parser, one trust set-up.
 *
 * Options handled here (the common part of both command lines)
 *   --anchors FILE          trust the certificates of FILE; repeatable (16)
 *   --system                also trust the system store
 *   --pin sha256:HEX        trust the certificate with this SHA-256 (64 hex
 *                           digits, ':' between bytes allowed); repeatable
 *   --host NAME | --ip ADDR the reference identity (one of them), checked
 *                           with xcv_ref_check
 *   --time YYYY-MM-DDTHH:MM:SSZ   exactly this shape (xcv_time_from_civil)
 *   --purpose server|client|any
 *   --cn-fallback
 * and, for a program that sets the matching XCV_CLI_* bit in `accept`:
 *   --email ADDR and --purpose email           (XCV_CLI_EMAIL)
 *   --allow-sha1, --min-rsa-bits N, --max-depth N   (XCV_CLI_LIMITS)
 *
 * Each program keeps its own argument loop (positional arguments, its own
 * options, "--name=value" or not) and hands every option it does not know
 * to xcv_cli_option.
 *
 * Trust (xcv_cli_trust_load)
 *   the --anchors files, then the system store, then the pins, chained in
 *   that order. The system store is used when --system is given, or by
 *   default when no --anchors is given (and, with XCV_CLI_PINS_ONLY, no
 *   --pin either). A default system store that cannot be loaded is an error
 *   unless pins were given; an explicit --system that cannot be loaded is
 *   always an error.
 *
 * Outside the zero-allocation core: stdio and the heap (file stores) are
 * used freely. Includes only the public headers xcv.h and xcv_file.h.
 */
#ifndef XCV_TOOLS_CLIOPTS_H
#define XCV_TOOLS_CLIOPTS_H

#include <stddef.h>
#include <stdint.h>

#include "xcv.h"
#include "xcv_file.h"

#ifdef __cplusplus
extern "C" {
#endif

#define XCV_CLI_MAX_ANCHOR_FILES 16
#define XCV_CLI_MAX_PINS 16

/* Exit status of a usage or I/O error (both programs). */
#define XCV_CLI_EXIT_USAGE 2

/* Bits of xcv_cli_opts.accept: what a program offers beyond the common set. */
#define XCV_CLI_EMAIL 0x01u     /* --email ADDR, --purpose email */
#define XCV_CLI_LIMITS 0x02u    /* --allow-sha1, --min-rsa-bits N, --max-depth N */
#define XCV_CLI_PIN_SPKI 0x04u  /* a --pin also matches the SubjectPublicKeyInfo's hash */
#define XCV_CLI_PINS_ONLY 0x08u /* --pin without --anchors does not add the system store */

struct xcv_cli_opts {
    const char *prog; /* message prefix: "xcv verify", "xcv-tls" */
    unsigned accept;  /* XCV_CLI_* bits */
    const char *anchor_files[XCV_CLI_MAX_ANCHOR_FILES];
    size_t anchor_count;
    int system; /* --system given */
    struct xcv_pin pins[2 * XCV_CLI_MAX_PINS];
    size_t pin_count; /* entries of pins[] (two per --pin with XCV_CLI_PIN_SPKI) */
    size_t pin_args;  /* --pin options given */
    struct xcv_ref ref; /* type XCV_REF_NONE when no --host/--ip/--email */
    const char *ref_text;
    int have_time; /* --time given (else xcv_cli_set_time reads the clock) */
    struct xcv_params params; /* purpose, flags, limits; now once xcv_cli_set_time ran */
    char err[192]; /* the message of the last XCV_CLI_BAD */
};

/* Defaults: xcv_params_default, purpose server, no trust, no reference. */
void xcv_cli_opts_init(struct xcv_cli_opts *o, const char *prog, unsigned accept);

/* 1 when name ("--anchors") is a common option taking a value. */
int xcv_cli_takes_value(const struct xcv_cli_opts *o, const char *name);

/* Outcome of xcv_cli_option. */
#define XCV_CLI_BAD (-1)  /* a common option with a bad value: message in o->err */
#define XCV_CLI_NOT_MINE 0 /* not a common option: the caller's to handle */
#define XCV_CLI_TAKEN 1   /* handled */

/*
 * Handles one common option: name is "--anchors" etc., val its value (NULL
 * for the options without one; the caller checks xcv_cli_takes_value).
 */
int xcv_cli_option(struct xcv_cli_opts *o, const char *name, const char *val);

/* params.now = the --time value, or the system clock. */
void xcv_cli_set_time(struct xcv_cli_opts *o);

/* The anchor set built from the options. */
struct xcv_cli_trust {
    struct xcv_file_store files;  /* --anchors */
    struct xcv_file_store system; /* the system store, when have_system */
    int have_system;
    struct xcv_anchors_pinned pinned;
    struct xcv_anchors_chain chain; /* &chain.base is what xcv_verify takes */
};

/*
 * Loads the trust of o into t (see the header comment). Returns 0, or
 * XCV_CLI_EXIT_USAGE after printing the reason on stderr. t must be given
 * to xcv_cli_trust_free afterwards in both cases. The pin store works on
 * o->pins (it fills in the matched anchor): o must outlive t's use.
 */
int xcv_cli_trust_load(struct xcv_cli_trust *t, struct xcv_cli_opts *o);

void xcv_cli_trust_free(struct xcv_cli_trust *t);

/*
 * Prints why a file load failed ("PROG: cannot read WHAT PATH: ...",
 * "PROG: no certificate found in WHAT PATH (...)", ...) on stderr; returns
 * XCV_CLI_EXIT_USAGE.
 */
int xcv_cli_file_error(const char *prog, const char *what, const char *path, xcv_file_status st,
                       const struct xcv_file_stats *stats);

#ifdef __cplusplus
}
#endif

#endif /* XCV_TOOLS_CLIOPTS_H */
