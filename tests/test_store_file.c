/*
 * test_store_file.c -- unit tests for src/store_file.c: PEM/DER detection,
 * anchors loaded into the sorted store, duplicates, broken blocks, TRUSTED
 * CERTIFICATE trimming, the system bundle ($SSL_CERT_FILE, Debian's bundle).
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xcv.h"
#include "xcv_file.h"

/* Two self-signed P-256 CA certificates (CN=xcv test a / b), 386 bytes each. */
static const char PEM_A[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBfjCCASSgAwIBAgIBATAKBggqhkjOPQQDAjAVMRMwEQYDVQQDDAp4Y3YgdGVz\n"
    "dCBhMCAXDTI2MTEyOTA1MzUyOVoYDzIxMjYxMTA1MDUzNTI5WjAVMRMwEQYDVQQD\n"
    "DAp4Y3YgdGVzdCBhMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEsKCEHV55xHwk\n"
    "+bQbyM9tBrnlpNXqVRJ8wFPCuwurZHffOKJZPOrXLZij6sVDoWo6mIpGoHLTPzPN\n"
    "Z6s22woBjqNjMGEwHQYDVR0OBBYEFO6qDd6yKYJr0bMlzJbCkxTtEXDJMB8GA1Ud\n"
    "IwQYMBaAFO6qDd6yKYJr0bMlzJbCkxTtEXDJMA8GA1UdEwEB/wQFMAMBAf8wDgYD\n"
    "VR0PAQH/BAQDAgIEMAoGCCqGSM49BAMCA0gAMEUCIQDt5XROHufnsDyfH5NEa6Ql\n"
    "3xjiAaCse3qqKUyRAgoH9QIgHfTnuHIQNxNMaAgOD9BfJ0BXpVjPNeGgShUkQnQ7\n"
    "xYQ=\n"
    "-----END CERTIFICATE-----\n";
static const char PEM_B[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBfjCCASSgAwIBAgIBAjAKBggqhkjOPQQDAjAVMRMwEQYDVQQDDAp4Y3YgdGVz\n"
    "dCBiMCAXDTI2MTEyOTA1MzUyOVoYDzIxMjYxMTA1MDUzNTI5WjAVMRMwEQYDVQQD\n"
    "DAp4Y3YgdGVzdCBiMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEBLFkaqbfwzV9\n"
    "2gymnF+C+IhocVOne3OvkAKWXOitsTPje0wb70OHMmunI1hgXWTWHmo5KXwK5yZF\n"
    "8y2Uvzrf36NjMGEwHQYDVR0OBBYEFKdpGueNJyiUy4YJNAeDuf+KBzJRMB8GA1Ud\n"
    "IwQYMBaAFKdpGueNJyiUy4YJNAeDuf+KBzJRMA8GA1UdEwEB/wQFMAMBAf8wDgYD\n"
    "VR0PAQH/BAQDAgIEMAoGCCqGSM49BAMCA0gAMEUCIQD2BHFKeVohkiaxrv7CaYTC\n"
    "TXTv2lmMvHFQk/MgUikIvQIgQwUZIwG7NkhGf+e9GsdF/CqTJhYCyXevj6zOkM7s\n"
    "lMA=\n"
    "-----END CERTIFICATE-----\n";

#define CERT_LEN 386

/* Decodes one PEM certificate through the core decoder. */
static size_t der_of(const char *pem, uint8_t *out, size_t cap)
{
    xcv_slice in = {(const uint8_t *)pem, strlen(pem)};
    size_t n = 0;
    assert_int_equal(xcv_pem_next(&in, out, cap, &n), XCV_OK);
    return n;
}

/* Writes bytes to a fresh temporary file; returns its malloc'd path. */
static char *temp_file(const void *data, size_t n)
{
    char *path = strdup("/tmp/xcv_test_store_XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    close(fd);
    return path;
}

static void remove_temp(char *path)
{
    unlink(path);
    free(path);
}

/* The anchor whose subject equals cert's subject, through the store vtable. */
static const struct xcv_anchor *find_anchor(const struct xcv_file_store *fs, xcv_slice der)
{
    struct xcv_cert c;
    assert_int_equal(xcv_cert_parse(der, &c, NULL), XCV_OK);
    const struct xcv_anchor_store *st = xcv_file_store_get(fs);
    struct xcv_anchor_cursor cur;
    memset(&cur, 0, sizeof cur);
    const struct xcv_anchor *a;
    xcv_slice no_aki = {NULL, 0};
    while ((a = st->vt->next_issuer(st, c.subject, no_aki, &cur)) != NULL) {
        if (a->cert_der.n == der.n && memcmp(a->cert_der.p, der.p, der.n) == 0) {
            return a;
        }
    }
    return NULL;
}

static void test_pem_bundle_memory(void **state)
{
    (void)state;
    char bundle[4096];
    snprintf(bundle, sizeof bundle, "# comment\n%s\nbetween\n%s", PEM_A, PEM_B);
    struct xcv_file_store fs;
    struct xcv_file_stats st;
    xcv_file_store_init(&fs);
    assert_int_equal(xcv_file_store_add_memory(&fs, (const uint8_t *)bundle, strlen(bundle), &st),
                     XCV_FILE_OK);
    assert_int_equal(st.found, 2);
    assert_int_equal(st.loaded, 2);
    assert_int_equal(st.rejected, 0);
    assert_int_equal(st.first_err, XCV_OK);
    assert_int_equal(fs.count, 2);

    uint8_t der[512];
    size_t n = der_of(PEM_B, der, sizeof der);
    const struct xcv_anchor *a = find_anchor(&fs, (xcv_slice){der, n});
    assert_non_null(a);
    /* the store owns a copy: the anchor does not point into our buffers */
    assert_true(a->cert_der.p != der);
    assert_true(a->cert_der.p < (const uint8_t *)bundle ||
                a->cert_der.p >= (const uint8_t *)bundle + sizeof bundle);

    /* the same bundle again: duplicates, nothing new */
    assert_int_equal(xcv_file_store_add_memory(&fs, (const uint8_t *)bundle, strlen(bundle), &st),
                     XCV_FILE_OK);
    assert_int_equal(st.loaded, 0);
    assert_int_equal(st.duplicates, 2);
    assert_int_equal(fs.count, 2);
    xcv_file_store_free(&fs);
    assert_int_equal(fs.count, 0);
}

static void test_broken_block_skipped(void **state)
{
    (void)state;
    /* a bad base64 block, a block that is not a certificate ("hello"), then A */
    char bundle[4096];
    snprintf(bundle, sizeof bundle,
             "-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n"
             "-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----\n%s",
             PEM_A);
    struct xcv_file_store fs;
    struct xcv_file_stats st;
    xcv_file_store_init(&fs);
    assert_int_equal(xcv_file_store_add_memory(&fs, (const uint8_t *)bundle, strlen(bundle), &st),
                     XCV_FILE_OK);
    assert_int_equal(st.found, 3);
    assert_int_equal(st.loaded, 1);
    assert_int_equal(st.rejected, 2);
    assert_int_equal(st.first_err, XCV_ERR_PEM_BAD_BASE64);
    assert_int_equal(st.first_err_index, 0);
    assert_int_equal(fs.count, 1);
    xcv_file_store_free(&fs);

    /* only broken blocks: no certificates */
    const char *bad = "-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----\n";
    xcv_file_store_init(&fs);
    assert_int_equal(xcv_file_store_add_memory(&fs, (const uint8_t *)bad, strlen(bad), &st),
                     XCV_FILE_NO_CERTS);
    assert_int_equal(st.rejected, 1);
    assert_true(st.first_err != XCV_OK);
    assert_int_equal(xcv_file_store_add_memory(&fs, (const uint8_t *)"text\n", 5, &st),
                     XCV_FILE_NO_CERTS);
    assert_int_equal(st.found, 0);
    xcv_file_store_free(&fs);
}

static void test_der_file(void **state)
{
    (void)state;
    uint8_t der[2 * 512];
    size_t na = der_of(PEM_A, der, 512);
    assert_int_equal(na, CERT_LEN);
    size_t nb = der_of(PEM_B, der + na, 512);

    /* one DER certificate */
    char *path = temp_file(der, na);
    struct xcv_file_certs fc;
    struct xcv_file_stats st;
    assert_int_equal(xcv_file_read_certs(path, &fc, &st), XCV_FILE_OK);
    assert_int_equal(fc.count, 1);
    assert_int_equal(fc.certs[0].n, na);
    assert_memory_equal(fc.certs[0].p, der, na);
    assert_string_equal(st.path, path);
    xcv_file_certs_free(&fc);

    struct xcv_file_store fs;
    xcv_file_store_init(&fs);
    assert_int_equal(xcv_file_store_add_file(&fs, path, &st), XCV_FILE_OK);
    assert_int_equal(st.loaded, 1);
    assert_non_null(find_anchor(&fs, (xcv_slice){der, na}));
    xcv_file_store_free(&fs);
    remove_temp(path);

    /* two concatenated DER certificates */
    path = temp_file(der, na + nb);
    assert_int_equal(xcv_file_read_certs(path, &fc, &st), XCV_FILE_OK);
    assert_int_equal(fc.count, 2);
    assert_memory_equal(fc.certs[1].p, der + na, nb);
    xcv_file_certs_free(&fc);
    remove_temp(path);

    /* a DER certificate with a truncated tail is not DER: read as PEM, nothing found */
    path = temp_file(der, na - 1);
    assert_int_equal(xcv_file_read_certs(path, &fc, &st), XCV_FILE_NO_CERTS);
    assert_null(fc.certs);
    remove_temp(path);
}

static void test_certs_order_and_trusted(void **state)
{
    (void)state;
    uint8_t der[512 + 8];
    size_t na = der_of(PEM_A, der, 512);
    /* TRUSTED CERTIFICATE: the certificate then OpenSSL aux data (a SEQUENCE) */
    der[na] = 0x30;
    der[na + 1] = 0x03;
    der[na + 2] = 0x06;
    der[na + 3] = 0x01;
    der[na + 4] = 0x00;
    /* base64 of der[0..na+5) by hand is awkward: encode with a tiny encoder */
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char text[2048];
    size_t t = (size_t)snprintf(text, sizeof text, "%s-----BEGIN TRUSTED CERTIFICATE-----\n",
                                PEM_B);
    size_t len = na + 5;
    for (size_t i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)der[i] << 16;
        if (i + 1 < len) {
            v |= (uint32_t)der[i + 1] << 8;
        }
        if (i + 2 < len) {
            v |= der[i + 2];
        }
        text[t++] = tbl[(v >> 18) & 63];
        text[t++] = tbl[(v >> 12) & 63];
        text[t++] = i + 1 < len ? tbl[(v >> 6) & 63] : '=';
        text[t++] = i + 2 < len ? tbl[v & 63] : '=';
        if ((i / 3) % 16 == 15) {
            text[t++] = '\n';
        }
    }
    t += (size_t)snprintf(text + t, sizeof text - t, "\n-----END TRUSTED CERTIFICATE-----\n");

    struct xcv_file_certs fc;
    struct xcv_file_stats st;
    assert_int_equal(xcv_file_certs_from_memory((const uint8_t *)text, t, &fc, &st), XCV_FILE_OK);
    assert_int_equal(fc.count, 2);
    /* file order kept: B first, then A without the trust settings */
    uint8_t derb[512];
    size_t nb = der_of(PEM_B, derb, sizeof derb);
    assert_int_equal(fc.certs[0].n, nb);
    assert_memory_equal(fc.certs[0].p, derb, nb);
    assert_int_equal(fc.certs[1].n, na);
    assert_memory_equal(fc.certs[1].p, der, na);
    xcv_file_certs_free(&fc);
    assert_int_equal(fc.count, 0);
}

static void test_missing_file_and_system(void **state)
{
    (void)state;
    struct xcv_file_store fs;
    struct xcv_file_stats st;
    xcv_file_store_init(&fs);
    assert_int_equal(xcv_file_store_add_file(&fs, "/nonexistent/xcv/bundle.pem", &st),
                     XCV_FILE_IO);
    assert_int_equal(st.sys_errno, ENOENT);
    assert_string_equal(st.path, "/nonexistent/xcv/bundle.pem");

    /* $SSL_CERT_FILE names the system bundle */
    char *path = temp_file(PEM_A, strlen(PEM_A));
    assert_int_equal(setenv("SSL_CERT_FILE", path, 1), 0);
    assert_string_equal(xcv_file_system_path(), path);
    assert_int_equal(xcv_file_store_add_system(&fs, &st), XCV_FILE_OK);
    assert_int_equal(st.loaded, 1);
    assert_string_equal(st.path, path);
    /* system-store roots are held to the lax anchor profile; files named
     * explicitly are not */
    assert_true((fs.list[0].flags & XCV_ANCHOR_LAX_PROFILE) != 0);
    assert_int_equal(xcv_file_store_add_file(&fs, path, &st), XCV_FILE_OK);
    assert_int_equal(st.duplicates, 1);
    remove_temp(path);

    assert_int_equal(setenv("SSL_CERT_FILE", "/nonexistent/xcv/system.pem", 1), 0);
    assert_int_equal(xcv_file_store_add_system(&fs, &st), XCV_FILE_IO);
    assert_int_equal(st.sys_errno, ENOENT);
    assert_string_equal(st.path, "/nonexistent/xcv/system.pem");
    assert_int_equal(fs.count, 1); /* a failed load leaves the store as it was */

    /* unset or empty: Debian's default path */
    assert_int_equal(setenv("SSL_CERT_FILE", "", 1), 0);
    assert_string_equal(xcv_file_system_path(), XCV_FILE_SYSTEM_DEFAULT);
    assert_int_equal(unsetenv("SSL_CERT_FILE"), 0);
    assert_string_equal(xcv_file_system_path(), XCV_FILE_SYSTEM_DEFAULT);
    xcv_file_store_free(&fs);

    assert_int_equal(xcv_file_store_add_file(NULL, "x", &st), XCV_FILE_INVALID);
    assert_string_equal(xcv_file_status_str(XCV_FILE_IO), "the file could not be opened or read");
}

/* Every certificate of Debian's ca-certificates bundle loads as an anchor. */
static void test_debian_bundle(void **state)
{
    (void)state;
    const char *path = XCV_FILE_SYSTEM_DEFAULT;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        print_message("skipped: %s absent (install ca-certificates)\n", path);
        skip();
    }
    /* count BEGIN CERTIFICATE lines independently */
    size_t begins = 0;
    char line[256];
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "-----BEGIN CERTIFICATE-----", 27) == 0) {
            begins++;
        }
    }
    fclose(f);
    assert_true(begins > 0);

    struct xcv_file_store fs;
    struct xcv_file_stats st;
    xcv_file_store_init(&fs);
    assert_int_equal(unsetenv("SSL_CERT_FILE"), 0);
    assert_int_equal(xcv_file_store_add_system(&fs, &st), XCV_FILE_OK);
    if (st.rejected != 0) {
        print_error("%zu rejected, first #%zu: %s\n", st.rejected, st.first_err_index,
                    xcv_err_name(st.first_err));
    }
    assert_int_equal(st.rejected, 0);
    assert_int_equal(st.found, begins);
    assert_int_equal(st.loaded + st.duplicates, begins);
    assert_int_equal(fs.count, st.loaded);

    /* every anchor is found again through the index by its own subject */
    for (size_t i = 0; i < fs.count; i++) {
        assert_non_null(find_anchor(&fs, fs.list[i].cert_der));
    }
    struct xcv_file_certs fc;
    assert_int_equal(xcv_file_read_certs(path, &fc, &st), XCV_FILE_OK);
    assert_int_equal(fc.count, begins);
    xcv_file_certs_free(&fc);
    xcv_file_store_free(&fs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pem_bundle_memory),
        cmocka_unit_test(test_broken_block_skipped),
        cmocka_unit_test(test_der_file),
        cmocka_unit_test(test_certs_order_and_trusted),
        cmocka_unit_test(test_missing_file_and_system),
        cmocka_unit_test(test_debian_bundle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
