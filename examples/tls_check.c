/*
 * tls_check.c -- `xcv-tls`: connects to a TLS server with BearSSL, verifies
 * its certificate chain with xcv (through the br_x509_class adapter of
 * include/xcv_bearssl.h) and explains the outcome.
 *
 *   xcv-tls HOST[:PORT] [--connect ADDR[:PORT]] [--starttls smtp|imap|pop3]
 *           [--anchors FILE]... [--system] [--pin sha256:HEX]... [--host NAME]
 *           [--ip ADDR] [--time YYYY-MM-DDTHH:MM:SSZ] [--purpose server|client|any]
 *           [--cn-fallback] [--timeout SECONDS]
 *
 * HOST is the name checked (an IP address in text form is checked as an IP
 * reference; no SNI is sent for it, RFC 6066 3); --connect reaches another
 * address, e.g. to reproduce a client configured with the server's IP.
 * Without --anchors, --system or --pin, the system bundle is used.
 * IPv6: [::1]:443.
 *
 * Output: the certificates received and the explanation of the verdict,
 * printed by tools/diag.c (the same printer as `xcv verify`), then one line
 * for scripts:
 *   verdict: VALID|REJECTED XCV_ERR_NAME cert=INDEX: ...
 * Exit status: 0 valid, 1 rejected, 2 usage, I/O or network error.
 *
 * The verification options (--anchors ... --cn-fallback), their parsing and
 * the trust set-up are shared with `xcv verify` (tools/cliopts.c): a --pin
 * here matches the certificate's or its SubjectPublicKeyInfo's SHA-256.
 *
 * This is an example program outside the library: it uses stdio, sockets,
 * the clock and the heap (file store) freely.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <bearssl.h>

#include "xcv.h"
#include "xcv_bearssl.h"
#include "xcv_file.h"

#include "cliopts.h"
#include "diag.h"

#define EXIT_VALID 0
#define EXIT_REJECTED 1
#define EXIT_ERROR 2

struct options {
    char host[512];        /* the name checked (from HOST) */
    char port[16];
    char connect_host[512];
    char connect_port[16];
    const char *starttls;
    int timeout;
    struct xcv_cli_opts v; /* the options shared with `xcv verify` (tools/cliopts.h) */
};

/* Large objects: static, not on the stack. */
static struct xcv_verifier verifier;
static uint8_t cert_buf[64 * 1024];
static unsigned char iobuf[BR_SSL_BUFSIZE_BIDI];
static struct xcv_br_x509 x509;

static void usage(FILE *f)
{
    fprintf(f,
            "usage: xcv-tls HOST[:PORT] [--connect ADDR[:PORT]] [--starttls smtp|imap|pop3]\n"
            "               [--anchors FILE]... [--system] [--pin sha256:HEX]...\n"
            "               [--host NAME] [--ip ADDR] [--time YYYY-MM-DDTHH:MM:SSZ]\n"
            "               [--purpose server|client|any] [--cn-fallback] [--timeout SECONDS]\n"
            "Connects with TLS (BearSSL), verifies the server's chain with xcv and explains\n"
            "the result. Exit status: 0 valid, 1 rejected, 2 usage/I/O/network error.\n");
}

/* ------------------------------------------------------------------------ */
/* Options                                                                   */
/* ------------------------------------------------------------------------ */

/* Splits "host:port", "[v6]:port", "host" or "v6" (more than one colon). */
static int split_host_port(const char *in, char *host, size_t host_cap, char *port,
                           size_t port_cap)
{
    const char *colon;
    size_t hl;

    port[0] = '\0';
    if (in[0] == '[') {
        const char *end = strchr(in, ']');
        if (end == NULL) {
            return -1;
        }
        hl = (size_t)(end - in - 1);
        if (hl >= host_cap) {
            return -1;
        }
        memcpy(host, in + 1, hl);
        host[hl] = '\0';
        if (end[1] == ':') {
            if (strlen(end + 2) >= port_cap || end[2] == '\0') {
                return -1;
            }
            strcpy(port, end + 2);
        } else if (end[1] != '\0') {
            return -1;
        }
        return 0;
    }
    colon = strchr(in, ':');
    if (colon != NULL && strchr(colon + 1, ':') == NULL) {
        hl = (size_t)(colon - in);
        if (hl >= host_cap || strlen(colon + 1) >= port_cap || colon[1] == '\0') {
            return -1;
        }
        memcpy(host, in, hl);
        host[hl] = '\0';
        strcpy(port, colon + 1);
        return 0;
    }
    if (strlen(in) >= host_cap) {
        return -1;
    }
    strcpy(host, in);
    return 0;
}

static int parse_args(int argc, char **argv, struct options *o)
{
    const char *target = NULL;
    const char *connect = NULL;

    memset(o, 0, sizeof(*o));
    xcv_cli_opts_init(&o->v, "xcv-tls", XCV_CLI_PIN_SPKI | XCV_CLI_PINS_ONLY);
    o->timeout = 10;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = xcv_cli_takes_value(&o->v, a) || strcmp(a, "--connect") == 0 ||
                    strcmp(a, "--starttls") == 0 || strcmp(a, "--timeout") == 0;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        } else if (strncmp(a, "--", 2) != 0) {
            if (target != NULL) {
                fprintf(stderr, "xcv-tls: more than one HOST: %s\n", a);
                return -1;
            }
            target = a;
        } else if (takes && v == NULL) {
            fprintf(stderr, "xcv-tls: %s needs a value\n", a);
            return -1;
        } else if (strcmp(a, "--connect") == 0) {
            connect = v;
        } else if (strcmp(a, "--starttls") == 0) {
            if (strcmp(v, "smtp") != 0 && strcmp(v, "imap") != 0 && strcmp(v, "pop3") != 0) {
                fprintf(stderr, "xcv-tls: --starttls takes smtp, imap or pop3\n");
                return -1;
            }
            o->starttls = v;
        } else if (strcmp(a, "--timeout") == 0) {
            o->timeout = atoi(v);
            if (o->timeout <= 0 || o->timeout > 3600) {
                fprintf(stderr, "xcv-tls: --timeout takes 1..3600 seconds\n");
                return -1;
            }
        } else {
            int r = xcv_cli_option(&o->v, a, takes ? v : NULL);
            if (r == XCV_CLI_BAD) {
                fprintf(stderr, "xcv-tls: %s\n", o->v.err);
                return -1;
            }
            if (r == XCV_CLI_NOT_MINE) {
                fprintf(stderr, "xcv-tls: unknown option %s\n", a);
                return -1;
            }
        }
        i += takes;
    }
    if (target == NULL) {
        fprintf(stderr, "xcv-tls: missing HOST\n");
        return -1;
    }
    if (split_host_port(target, o->host, sizeof(o->host), o->port, sizeof(o->port)) != 0 ||
        o->host[0] == '\0') {
        fprintf(stderr, "xcv-tls: bad HOST[:PORT]: %s\n", target);
        return -1;
    }
    if (o->port[0] == '\0') {
        const char *def = "443";
        if (o->starttls != NULL) {
            def = strcmp(o->starttls, "smtp") == 0   ? "25"
                  : strcmp(o->starttls, "imap") == 0 ? "143"
                                                     : "110";
        }
        strcpy(o->port, def);
    }
    if (connect != NULL) {
        if (split_host_port(connect, o->connect_host, sizeof(o->connect_host), o->connect_port,
                            sizeof(o->connect_port)) != 0 ||
            o->connect_host[0] == '\0') {
            fprintf(stderr, "xcv-tls: bad --connect ADDR[:PORT]: %s\n", connect);
            return -1;
        }
    } else {
        strcpy(o->connect_host, o->host);
    }
    if (o->connect_port[0] == '\0') {
        strcpy(o->connect_port, o->port);
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Network                                                                   */
/* ------------------------------------------------------------------------ */

static int tcp_connect(const struct options *o)
{
    struct addrinfo hints, *res = NULL, *ai;
    int fd = -1, rc;
    struct timeval tv;

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    rc = getaddrinfo(o->connect_host, o->connect_port, &hints, &res);
    if (rc != 0) {
        fprintf(stderr, "xcv-tls: cannot resolve %s: %s\n", o->connect_host, gai_strerror(rc));
        return -1;
    }
    tv.tv_sec = o->timeout;
    tv.tv_usec = 0;
    for (ai = res; ai != NULL; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0) {
            continue;
        }
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            break;
        }
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        fprintf(stderr, "xcv-tls: cannot connect to %s port %s: %s\n", o->connect_host,
                o->connect_port, strerror(errno));
    }
    return fd;
}

static int sock_read(void *ctx, unsigned char *buf, size_t len)
{
    int fd = *(int *)ctx;
    for (;;) {
        ssize_t r = read(fd, buf, len);
        if (r <= 0) {
            if (r < 0 && errno == EINTR) {
                continue;
            }
            return -1;
        }
        return (int)r;
    }
}

static int sock_write(void *ctx, const unsigned char *buf, size_t len)
{
    int fd = *(int *)ctx;
    for (;;) {
        ssize_t w = write(fd, buf, len);
        if (w <= 0) {
            if (w < 0 && errno == EINTR) {
                continue;
            }
            return -1;
        }
        return (int)w;
    }
}

/* Reads one line (byte by byte: nothing past it, TLS follows), without CRLF. */
static int read_line(int fd, char *out, size_t cap)
{
    size_t n = 0;
    for (;;) {
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r <= 0) {
            return -1;
        }
        if (c == '\n') {
            break;
        }
        if (c != '\r' && n + 1 < cap) {
            out[n++] = c;
        }
    }
    out[n] = '\0';
    return 0;
}

static int send_str(int fd, const char *s)
{
    size_t n = strlen(s);
    return write(fd, s, n) == (ssize_t)n ? 0 : -1;
}

/* SMTP reply: lines "NNN-text" ... "NNN text"; returns NNN or -1. */
static int smtp_reply(int fd)
{
    char line[1024];
    for (;;) {
        if (read_line(fd, line, sizeof(line)) != 0 || strlen(line) < 3) {
            return -1;
        }
        printf("  S: %s\n", line);
        if (line[3] != '-') {
            return atoi(line);
        }
    }
}

/* The plaintext part of STARTTLS (RFC 3207, RFC 3501 6.2.1, RFC 2595 4). */
static int starttls(int fd, const char *proto)
{
    char line[1024];

    printf("starttls: %s\n", proto);
    if (strcmp(proto, "smtp") == 0) {
        if (smtp_reply(fd) != 220) {
            return -1;
        }
        printf("  C: EHLO xcv-tls.invalid\n");
        if (send_str(fd, "EHLO xcv-tls.invalid\r\n") != 0 || smtp_reply(fd) != 250) {
            return -1;
        }
        printf("  C: STARTTLS\n");
        if (send_str(fd, "STARTTLS\r\n") != 0 || smtp_reply(fd) != 220) {
            return -1;
        }
        return 0;
    }
    if (strcmp(proto, "imap") == 0) {
        if (read_line(fd, line, sizeof(line)) != 0) {
            return -1;
        }
        printf("  S: %s\n", line);
        if (strncmp(line, "* OK", 4) != 0) {
            return -1;
        }
        printf("  C: a1 STARTTLS\n");
        if (send_str(fd, "a1 STARTTLS\r\n") != 0) {
            return -1;
        }
        for (;;) {
            if (read_line(fd, line, sizeof(line)) != 0) {
                return -1;
            }
            printf("  S: %s\n", line);
            if (strncmp(line, "a1 ", 3) == 0) {
                return strncmp(line, "a1 OK", 5) == 0 ? 0 : -1;
            }
        }
    }
    /* pop3 */
    if (read_line(fd, line, sizeof(line)) != 0) {
        return -1;
    }
    printf("  S: %s\n", line);
    if (strncmp(line, "+OK", 3) != 0) {
        return -1;
    }
    printf("  C: STLS\n");
    if (send_str(fd, "STLS\r\n") != 0 || read_line(fd, line, sizeof(line)) != 0) {
        return -1;
    }
    printf("  S: %s\n", line);
    return strncmp(line, "+OK", 3) == 0 ? 0 : -1;
}

/* ------------------------------------------------------------------------ */
/* Diagnostics                                                               */
/* ------------------------------------------------------------------------ */

/*
 * The certificates and the explanation come from tools/diag.c (shared with
 * `xcv verify`); this adds one summary line for scripts:
 *   verdict: VALID XCV_OK cert=0 (...)
 *   verdict: REJECTED XCV_ERR_NAME cert=INDEX (...)
 */
static void print_verdict(const struct xcv_br_x509 *x, const struct xcv_params *params,
                          const struct xcv_anchor_store *system, int handshake_ok)
{
    const struct xcv_result *r = xcv_br_x509_result(x);
    struct xcv_diag d;

    xcv_diag_received(stdout, x->certs, x->count);
    if (r == NULL) {
        printf("verdict: ERROR XCV_ERR_NO_CERTIFICATES cert=-1 (the handshake ended before "
               "the server's certificates arrived)\n");
        return;
    }
    memset(&d, 0, sizeof(d));
    d.certs = x->certs;
    d.n = x->count;
    d.params = params;
    d.ref = x->ref.type != XCV_REF_NONE ? &x->ref : NULL;
    d.result = r;
    d.system = system;
    xcv_diag_verdict(stdout, &d);
    if (r->err == XCV_OK) {
        printf("verdict: VALID XCV_OK cert=%d: %s\n", r->path_len > 0 ? r->path[0] : 0,
               handshake_ok ? "the TLS handshake completed"
                            : "the chain is valid but the TLS handshake failed");
    } else {
        if (r->err == XCV_ERR_NAME_MISMATCH && x->ref.type == XCV_REF_IP) {
            printf("  IP rule: an IP address matches only an iPAddress name of the certificate "
                   "(RFC 9525 6.2.1); DNS names and the subject CN are never compared with it, "
                   "even when they spell the same address.\n");
        }
        printf("verdict: REJECTED %s cert=%d: handshake aborted: %s\n", xcv_err_name(r->err),
               r->cert_index, xcv_strerror(r->err));
    }
}

/* ------------------------------------------------------------------------ */
/* Main                                                                      */
/* ------------------------------------------------------------------------ */

static const char *ref_type_name(xcv_ref_type t)
{
    switch (t) {
    case XCV_REF_DNS:
        return "host name";
    case XCV_REF_IP:
        return "IP address";
    default:
        return "no name";
    }
}

static const char *br_err_text(int e)
{
    switch (e) {
    case BR_ERR_BAD_VERSION:
        return "unsupported protocol version (BearSSL speaks TLS 1.0-1.2)";
    case BR_ERR_BAD_CIPHER_SUITE:
        return "the server chose a cipher suite BearSSL did not offer";
    case BR_ERR_IO:
        return "I/O error or connection closed";
    case BR_ERR_UNEXPECTED:
        return "unexpected message";
    case BR_ERR_WRONG_KEY_USAGE:
        return "the certificate's key usage forbids this key exchange";
    default:
        if (e >= BR_ERR_RECV_FATAL_ALERT && e < BR_ERR_RECV_FATAL_ALERT + 256) {
            return "the server sent a fatal alert";
        }
        if (e >= BR_ERR_SEND_FATAL_ALERT && e < BR_ERR_SEND_FATAL_ALERT + 256) {
            return "we sent a fatal alert";
        }
        return "TLS error";
    }
}

int main(int argc, char **argv)
{
    struct options o;
    struct xcv_cli_trust trust;
    const struct xcv_params *params;
    struct xcv_ref ref;
    br_ssl_client_context cc;
    br_x509_minimal_context unused_minimal;
    br_sslio_context ioc;
    int fd, hs, br_err, code;
    const char *sni;

    if (parse_args(argc, argv, &o) != 0) {
        usage(stderr);
        return EXIT_ERROR;
    }

    /* Trust: anchor files, the system bundle, pins (tools/cliopts.c). */
    if (xcv_cli_trust_load(&trust, &o.v) != 0) {
        xcv_cli_trust_free(&trust);
        return EXIT_ERROR;
    }
    params = &o.v.params;
    xcv_cli_set_time(&o.v);

    /* The reference: --host / --ip, else HOST (an IP address when it is one). */
    ref = o.v.ref;
    if (ref.type == XCV_REF_NONE) {
        ref.name = (xcv_slice){(const uint8_t *)o.host, strlen(o.host)};
        ref.type = XCV_REF_IP;
        if (xcv_ref_check(&ref) != XCV_OK) {
            ref.type = XCV_REF_DNS;
        }
    }
    /* SNI: host names only (RFC 6066 3: "Literal IPv4 and IPv6 addresses
     * are not permitted in HostName"). */
    sni = ref.type == XCV_REF_DNS ? (const char *)ref.name.p : NULL;

    xcv_br_x509_init(&x509, &verifier, &trust.chain.base, params, cert_buf, sizeof(cert_buf));
    xcv_br_x509_set_ref(&x509, &ref);

    printf("connecting to %s port %s (checking %s %.*s)\n", o.connect_host, o.connect_port,
           ref_type_name(ref.type), (int)ref.name.n, (const char *)ref.name.p);
    fflush(stdout);
    fd = tcp_connect(&o);
    if (fd < 0) {
        xcv_cli_trust_free(&trust);
        return EXIT_ERROR;
    }
    if (o.starttls != NULL && starttls(fd, o.starttls) != 0) {
        fprintf(stderr, "xcv-tls: STARTTLS (%s) refused or connection closed\n", o.starttls);
        close(fd);
        xcv_cli_trust_free(&trust);
        return EXIT_ERROR;
    }

    br_ssl_client_init_full(&cc, &unused_minimal, NULL, 0);
    br_ssl_engine_set_buffer(&cc.eng, iobuf, sizeof(iobuf), 1);
    br_ssl_engine_set_x509(&cc.eng, &x509.vtable);
    if (!br_ssl_client_reset(&cc, sni, 0)) {
        fprintf(stderr, "xcv-tls: BearSSL reset failed (%d)\n", br_ssl_engine_last_error(&cc.eng));
        close(fd);
        xcv_cli_trust_free(&trust);
        return EXIT_ERROR;
    }
    br_sslio_init(&ioc, &cc.eng, sock_read, &fd, sock_write, &fd);
    hs = br_sslio_flush(&ioc) == 0 &&
         (br_ssl_engine_current_state(&cc.eng) & BR_SSL_CLOSED) == 0;
    br_err = br_ssl_engine_last_error(&cc.eng);
    if (hs) {
        br_ssl_session_parameters sp;
        br_ssl_engine_get_session_parameters(&cc.eng, &sp);
        printf("tls:      handshake completed, version 0x%04x, cipher suite 0x%04x\n",
               sp.version, sp.cipher_suite);
        br_ssl_engine_close(&cc.eng);
        (void)br_sslio_flush(&ioc);
    } else {
        printf("tls:      handshake failed: BearSSL error %d (%s)\n", br_err,
               br_err >= BR_ERR_X509_OK && br_err < BR_ERR_X509_OK + 32
                   ? "certificate rejected by xcv"
                   : br_err_text(br_err));
    }
    close(fd);

    if (x509.received > x509.count) {
        printf("received: %zu certificates, %zu kept\n", x509.received, x509.count);
    }
    print_verdict(&x509, params, trust.have_system ? xcv_file_store_get(&trust.system) : NULL, hs);
    xcv_cli_trust_free(&trust);

    if (xcv_br_x509_error(&x509) == XCV_OK) {
        code = hs ? EXIT_VALID : EXIT_ERROR;
    } else if (xcv_br_x509_result(&x509) != NULL) {
        code = EXIT_REJECTED;
    } else {
        code = EXIT_ERROR;
    }
    return code;
}
