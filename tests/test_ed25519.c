/*
 * test_ed25519.c -- unit tests of src/ed25519.c: Ed25519 (RFC 8032/8410)
 * verification through libsodium, without sodium_init() (the core never
 * calls it). Test data: vectors/crl/ed25519-* made by vectors/gen_crl.sh
 * (openssl req -x509 with an Ed25519 key, openssl pkeyutl -sign -rawin),
 * and the Ed25519 chain of vectors/chains/ (vectors/gen.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ed25519.h"
#include "hex.h"

static xcv_slice load(const char *path, uint8_t **keep)
{
    size_t n = 0;
    *keep = xcv_test_read_file(path, &n);
    assert_non_null(*keep);
    return xcv_slice_make(*keep, n);
}

static void test_self_signed_certificate(void **state)
{
    (void)state;
    uint8_t *b;
    struct xcv_cert c;
    assert_int_equal(xcv_cert_parse(load("vectors/crl/ed25519-self.der", &b), &c, NULL), XCV_OK);
    assert_int_equal(c.key.type, XCV_KEY_ED25519);
    assert_int_equal(c.sig_alg, XCV_SIG_ED25519);
    assert_int_equal(c.key.bits.n, 32);
    assert_int_equal(c.signature.n, 64);
    if (!xcv_ed25519_available()) {
        assert_int_equal(xcv_ed25519_verify(c.key.bits.p, c.tbs, c.signature),
                         XCV_ERR_UNSUPPORTED_ALGORITHM);
        free(b);
        return;
    }
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, c.tbs, c.signature), XCV_OK);

    /* Corrupted message, signature (R and S halves) and key. */
    uint8_t tbs[2048];
    assert_true(c.tbs.n <= sizeof tbs);
    memcpy(tbs, c.tbs.p, c.tbs.n);
    tbs[c.tbs.n / 2] ^= 0x01;
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, xcv_slice_make(tbs, c.tbs.n), c.signature),
                     XCV_ERR_BAD_SIGNATURE);
    uint8_t sig[64];
    memcpy(sig, c.signature.p, 64);
    sig[3] ^= 0x80;
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, c.tbs, xcv_slice_make(sig, 64)),
                     XCV_ERR_BAD_SIGNATURE);
    memcpy(sig, c.signature.p, 64);
    sig[40] ^= 0x01;
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, c.tbs, xcv_slice_make(sig, 64)),
                     XCV_ERR_BAD_SIGNATURE);
    /* S >= L (non-canonical): set the top bits of S. */
    memcpy(sig, c.signature.p, 64);
    sig[63] |= 0xf0;
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, c.tbs, xcv_slice_make(sig, 64)),
                     XCV_ERR_BAD_SIGNATURE);
    uint8_t key[32];
    memcpy(key, c.key.bits.p, 32);
    key[5] ^= 0x02;
    assert_int_equal(xcv_ed25519_verify(key, c.tbs, c.signature), XCV_ERR_BAD_SIGNATURE);
    /* Wrong lengths. */
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, c.tbs, xcv_slice_make(c.signature.p, 63)),
                     XCV_ERR_BAD_SIGNATURE);
    uint8_t longer[65] = {0};
    memcpy(longer, c.signature.p, 64);
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, c.tbs, xcv_slice_make(longer, 65)),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(xcv_ed25519_verify(NULL, c.tbs, c.signature), XCV_ERR_INVALID_ARGUMENT);
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, xcv_slice_make(NULL, 3), c.signature),
                     XCV_ERR_INVALID_ARGUMENT);
    free(b);
}

static void test_signed_message(void **state)
{
    (void)state;
    if (!xcv_ed25519_available()) {
        skip();
    }
    uint8_t *b;
    uint8_t *m;
    uint8_t *s;
    struct xcv_cert c;
    assert_int_equal(xcv_cert_parse(load("vectors/crl/ed25519-self.der", &b), &c, NULL), XCV_OK);
    xcv_slice msg = load("vectors/crl/ed25519-msg.bin", &m);
    xcv_slice sig = load("vectors/crl/ed25519-msg.sig", &s);
    assert_int_equal(sig.n, 64);
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, msg, sig), XCV_OK);
    /* Truncated and extended messages. */
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, xcv_slice_make(msg.p, msg.n - 1), sig),
                     XCV_ERR_BAD_SIGNATURE);
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, xcv_slice_make(NULL, 0), sig),
                     XCV_ERR_BAD_SIGNATURE);
    /* The certificate's signature is not the message's. */
    assert_int_equal(xcv_ed25519_verify(c.key.bits.p, msg, c.signature), XCV_ERR_BAD_SIGNATURE);
    free(b);
    free(m);
    free(s);
}

static void test_chain_vector(void **state)
{
    (void)state;
    if (!xcv_ed25519_available()) {
        skip();
    }
    /* vectors/chains: leaf-ed is signed by int-ed (both Ed25519 keys). */
    uint8_t *bl;
    uint8_t *bi;
    struct xcv_cert leaf;
    struct xcv_cert in;
    assert_int_equal(xcv_cert_parse(load("vectors/chains/leaf-ed.der", &bl), &leaf, NULL), XCV_OK);
    assert_int_equal(xcv_cert_parse(load("vectors/chains/int-ed.der", &bi), &in, NULL), XCV_OK);
    assert_int_equal(leaf.sig_alg, XCV_SIG_ED25519);
    assert_int_equal(in.key.type, XCV_KEY_ED25519);
    assert_int_equal(xcv_ed25519_verify(in.key.bits.p, leaf.tbs, leaf.signature), XCV_OK);
    /* The leaf's own key does not verify its signature. */
    assert_int_equal(xcv_ed25519_verify(leaf.key.bits.p, leaf.tbs, leaf.signature),
                     XCV_ERR_BAD_SIGNATURE);
    free(bl);
    free(bi);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_self_signed_certificate),
        cmocka_unit_test(test_signed_message),
        cmocka_unit_test(test_chain_vector),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
