/*
 * diag.h -- human diagnostics for a certificate chain and an xcv_verify result.
 *
 * Used by the xcv command line (tools/xcv.c) and the example TLS client
 * (examples/tls_check.c). Outside the zero-allocation core: stdio is used.
 * Includes only the public header xcv.h; link tools/diag.c next to libxcv.
 *
 * Two calls:
 *
 *   xcv_diag_received(stdout, certs, n);      the certificates as received:
 *       index, owner (subject), issuer, serial, "RSA (2048 bits)", validity,
 *       the host names / addresses it covers and their count, SHA-256.
 *
 *   struct xcv_diag d = {certs, n, &params, &ref, &result, NULL};
 *   xcv_diag_verdict(stdout, &d);              one verdict line
 *       ("OK: ..." or "REJECTED: XCV_ERR_...: ...") followed by indented
 *       explanation and advice lines, each starting with two spaces.
 *
 * The advice names the xcv command-line options (--anchors FILE,
 * --pin sha256:HEX, --system, --cn-fallback, --time, --purpose,
 * --max-depth); a program that offers the same choices should spell them
 * the same way.
 *
 * Interception heuristic (documented contract; see diag.c for the list)
 *   On XCV_ERR_UNKNOWN_ISSUER, when the topmost received certificate is NOT
 *   self-signed (the server did not send the root), the verdict says that
 *   TLS interception (an antivirus or a TLS-inspecting proxy re-signing
 *   the server's certificate) is a likely cause when
 *     (a) the untrusted issuer's name contains a word used by such products
 *         (antivirus, AV, shield, security, proxy, inspection, firewall,
 *         Kaspersky, ESET, Avast, AVG, Bitdefender, Norton, Sophos,
 *         Fortinet, Zscaler, Blue Coat, ...), matched case-insensitively
 *         as a whole word, and
 *     (b) when a system store is given (d.system), no CA of that name is in
 *         it (then the advice is to add the system store instead).
 *   Without (a) but with the leaf being the only certificate received and
 *   its issuer named "... Root ...", it says interception is possible:
 *   public CAs do not issue server certificates directly from a root
 *   (CA/Browser Forum Baseline Requirements 6.1.7), interception products
 *   do. Names are only a hint: the verdict says so.
 */
#ifndef XCV_TOOLS_DIAG_H
#define XCV_TOOLS_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "xcv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Everything the verdict needs. Only certs/n/params/result are required. */
struct xcv_diag {
    const xcv_slice *certs;          /* the certificates passed to xcv_verify */
    size_t n;
    const struct xcv_params *params; /* the verification time and flags used */
    const struct xcv_ref *ref;       /* the reference identity, or NULL */
    const struct xcv_result *result; /* what xcv_verify returned */
    /* Optional: the system trust store, consulted only to tell whether an
     * untrusted issuer is a CA the system knows (NULL: not consulted). */
    const struct xcv_anchor_store *system;
};

/* Prints "Received N certificate(s):" and one block per certificate. */
void xcv_diag_received(FILE *out, const xcv_slice *certs, size_t n);

/* Prints the verdict line and its explanation and advice lines. */
void xcv_diag_verdict(FILE *out, const struct xcv_diag *d);

/* Small helpers shared with the CLI's JSON output. */

/* "RSA", "RSA-PSS", "EC P-256", "Ed25519", "DSA", ... */
const char *xcv_diag_key_name(const struct xcv_pubkey *k);

/* The formatted Name (xcv_dn_format) in a malloc'd string; NULL if out of memory. */
char *xcv_diag_dn(xcv_slice name);

/*
 * Formats one GeneralName as "DNS:x", "IP:a.b.c.d", "email:x", "URI:x",
 * "DirName:..." (non-printable bytes as \XX) into a malloc'd string.
 */
char *xcv_diag_general_name(const struct xcv_general_name *gn);

/* 1 when the issuer name looks like an interception product's (rule (a) above). */
int xcv_diag_interception_name(xcv_slice issuer_name);

#ifdef __cplusplus
}
#endif

#endif /* XCV_TOOLS_DIAG_H */
