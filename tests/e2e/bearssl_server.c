/*
 * bearssl_server.c -- a BearSSL TLS server for the end-to-end tests that
 * verifies client certificates with xcv through the br_x509_class adapter
 * (include/xcv_bearssl.h), purpose clientAuth.
 *
 *   bearssl_server PORTFILE CHAIN.pem KEY.der CLIENT_ROOT.pem NCONN
 *
 * Listens on 127.0.0.1, port chosen by the kernel and written to PORTFILE
 * (no race over free ports), serves NCONN connections one after another
 * (each: handshake requiring a client certificate, then "hello <CN>\n") and
 * prints one line per connection:
 *   conn N: handshake ok|failed br_err=E verdict=XCV_ERR_NAME cert=I
 * The server key is RSA or EC (DER, as vectors/gen_tls.sh writes it).
 */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <bearssl.h>

#include "xcv.h"
#include "xcv_bearssl.h"

#define MAX_CHAIN 4

static struct xcv_verifier verifier;
static uint8_t cert_buf[32 * 1024];
static unsigned char iobuf[BR_SSL_BUFSIZE_BIDI];
static struct xcv_br_x509 x509;
static br_ssl_server_context sc;
static uint8_t chain_der[MAX_CHAIN][8192];
static br_x509_certificate chain[MAX_CHAIN];
static uint8_t root_der[8192];
static uint8_t root_name[1024];

static uint8_t *read_file(const char *path, size_t *out_len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long n;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
        fprintf(stderr, "bearssl_server: cannot read %s\n", path);
        exit(2);
    }
    buf = malloc((size_t)n + 1);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        exit(2);
    }
    fclose(f);
    *out_len = (size_t)n;
    return buf;
}

static int sock_read(void *ctx, unsigned char *buf, size_t len)
{
    ssize_t r = read(*(int *)ctx, buf, len);
    return r <= 0 ? -1 : (int)r;
}

static int sock_write(void *ctx, const unsigned char *buf, size_t len)
{
    ssize_t w = write(*(int *)ctx, buf, len);
    return w <= 0 ? -1 : (int)w;
}

int main(int argc, char **argv)
{
    size_t n, nchain = 0, klen;
    uint8_t *text, *key;
    xcv_slice in;
    br_skey_decoder_context kd;
    struct xcv_cert root;
    br_x500_name ta_name;
    struct xcv_params params;
    int lfd, nconn, one = 1;
    struct sockaddr_in sa;
    socklen_t salen = sizeof(sa);
    FILE *pf;

    if (argc != 6) {
        fprintf(stderr, "usage: bearssl_server PORTFILE CHAIN.pem KEY.der CLIENT_ROOT.pem NCONN\n");
        return 2;
    }
    nconn = atoi(argv[5]);

    /* Server chain. */
    text = read_file(argv[2], &n);
    in.p = text;
    in.n = n;
    while (nchain < MAX_CHAIN) {
        size_t len = 0;
        if (xcv_pem_next(&in, chain_der[nchain], sizeof(chain_der[nchain]), &len) != XCV_OK) {
            break;
        }
        chain[nchain].data = chain_der[nchain];
        chain[nchain].data_len = len;
        nchain++;
    }
    free(text);
    if (nchain == 0) {
        fprintf(stderr, "bearssl_server: no certificate in %s\n", argv[2]);
        return 2;
    }

    /* Server key. */
    key = read_file(argv[3], &klen);
    br_skey_decoder_init(&kd);
    br_skey_decoder_push(&kd, key, klen);
    if (br_skey_decoder_last_error(&kd) != 0) {
        fprintf(stderr, "bearssl_server: bad key %s\n", argv[3]);
        return 2;
    }

    /* Client-certificate anchor, and its name for CertificateRequest. */
    static struct xcv_anchor anchor_storage[1];
    static struct xcv_anchors_sorted anchors;
    struct xcv_anchor a;
    text = read_file(argv[4], &n);
    in.p = text;
    in.n = n;
    if (xcv_pem_next(&in, root_der, sizeof(root_der), &n) != XCV_OK ||
        xcv_cert_parse((xcv_slice){root_der, n}, &root, NULL) != XCV_OK ||
        xcv_anchor_from_cert((xcv_slice){root_der, n}, &a) != XCV_OK ||
        root.subject.n > sizeof(root_name)) {
        fprintf(stderr, "bearssl_server: bad anchor %s\n", argv[4]);
        return 2;
    }
    free(text);
    xcv_anchors_sorted_init(&anchors, anchor_storage, 1);
    if (xcv_anchors_sorted_add(&anchors, &a) != XCV_OK) {
        return 2;
    }
    xcv_anchors_sorted_finish(&anchors);
    memcpy(root_name, root.subject.p, root.subject.n);
    ta_name.data = root_name;
    ta_name.len = root.subject.n;

    if (br_skey_decoder_key_type(&kd) == BR_KEYTYPE_RSA) {
        br_ssl_server_init_full_rsa(&sc, chain, nchain, br_skey_decoder_get_rsa(&kd));
    } else {
        br_ssl_server_init_full_ec(&sc, chain, nchain, BR_KEYTYPE_RSA,
                                   br_skey_decoder_get_ec(&kd));
    }
    br_ssl_engine_set_buffer(&sc.eng, iobuf, sizeof(iobuf), 1);
    /* Client CertificateVerify signatures (RSA and ECDSA). */
    br_ssl_engine_set_default_rsavrfy(&sc.eng);
    br_ssl_engine_set_default_ecdsa(&sc.eng);
    br_ssl_server_set_trust_anchor_names(&sc, &ta_name, 1);

    xcv_params_default(&params);
    params.purpose = XCV_PURPOSE_CLIENT;
    xcv_br_x509_init(&x509, &verifier, &anchors.base, &params, cert_buf, sizeof(cert_buf));
    br_ssl_engine_set_x509(&sc.eng, &x509.vtable);

    /* Listen on loopback, kernel-chosen port. */
    lfd = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = 0;
    if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(lfd, 4) != 0 ||
        getsockname(lfd, (struct sockaddr *)&sa, &salen) != 0) {
        fprintf(stderr, "bearssl_server: listen: %s\n", strerror(errno));
        return 2;
    }
    pf = fopen(argv[1], "w");
    if (pf == NULL) {
        return 2;
    }
    fprintf(pf, "%d\n", ntohs(sa.sin_port));
    fclose(pf);
    setvbuf(stdout, NULL, _IOLBF, 0);

    for (int c = 1; c <= nconn; c++) {
        br_sslio_context ioc;
        struct timeval tv = {10, 0};
        int fd = accept(lfd, NULL, NULL);
        int ok;
        if (fd < 0) {
            continue;
        }
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
        /* Fresh state per connection (no verdict left from the previous one). */
        params.now = (xcv_time)time(NULL);
        xcv_br_x509_init(&x509, &verifier, &anchors.base, &params, cert_buf, sizeof(cert_buf));
        br_ssl_server_reset(&sc);
        br_sslio_init(&ioc, &sc.eng, sock_read, &fd, sock_write, &fd);
        ok = br_sslio_flush(&ioc) == 0 &&
             (br_ssl_engine_current_state(&sc.eng) & BR_SSL_CLOSED) == 0;
        const struct xcv_result *r = xcv_br_x509_result(&x509);
        printf("conn %d: handshake %s br_err=%d verdict=%s cert=%d\n", c, ok ? "ok" : "failed",
               br_ssl_engine_last_error(&sc.eng), xcv_err_name(xcv_br_x509_error(&x509)),
               r != NULL ? r->cert_index : XCV_INDEX_NONE);
        if (ok) {
            static const char msg[] = "hello, verified client\n";
            br_sslio_write_all(&ioc, msg, sizeof(msg) - 1);
            br_sslio_close(&ioc);
        }
        close(fd);
    }
    close(lfd);
    free(key);
    return 0;
}
