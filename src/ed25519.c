/*
 * ed25519.c -- Ed25519 signature verification for certificates and CRLs.
 *
 * RFC 8410 section 3: id-Ed25519 is used for both the key and the
 * signature algorithm, "the parameters MUST be absent" (cert.c checks both
 * AlgorithmIdentifiers); section 4: the subjectPublicKey is the 32-octet
 * public key; section 6: the signature value is the 64-octet Ed25519
 * signature of the TBS bytes (PureEdDSA, RFC 8032 section 5.1.7).
 *
 * Implementation notes
 *   - The arithmetic is libsodium's crypto_sign_verify_detached(), which
 *     checks that S is canonical (S < L), rejects small-order public keys and
 *     R values, and compares in constant time. It allocates nothing.
 *   - sodium_init() is never called here: it sets process-global state
 *     (CPU-feature dispatch, the random source), which the core must not
 *     touch. Ed25519 verification in libsodium 1.0.18 (Debian) uses the
 *     portable ref10 field arithmetic and SHA-512, neither of which is
 *     dispatched at run time, and needs no random bytes, so it is correct
 *     without sodium_init(); tests/test_ed25519.c runs without calling it.
 *     An application that also uses libsodium for other things calls
 *     sodium_init() itself, as libsodium requires; that does not change the
 *     result of verification.
 *   - Without XCV_HAVE_ED25519 the function reports
 *     XCV_ERR_UNSUPPORTED_ALGORITHM, as every unsupported algorithm does.
 */
#include "ed25519.h"

#if defined(XCV_HAVE_ED25519)
#include <sodium.h>
#endif

/* see ed25519.h */
int xcv_ed25519_available(void)
{
#if defined(XCV_HAVE_ED25519)
    return 1;
#else
    return 0;
#endif
}

/* see ed25519.h */
xcv_err xcv_ed25519_verify(const uint8_t pub[32], xcv_slice msg, xcv_slice sig)
{
    XCV_ENSURE(pub != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(msg.p != NULL || msg.n == 0, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(sig.p != NULL || sig.n == 0, XCV_ERR_INVALID_ARGUMENT);
#if defined(XCV_HAVE_ED25519)
    /* RFC 8032 5.1.7: "If any of the decodings fail (including S being out
     * of range), the signature is invalid"; an Ed25519 signature is 64
     * octets. */
    XCV_ENSURE(sig.n == 64, XCV_ERR_BAD_SIGNATURE);
    /* libsodium takes the length as unsigned long long and reads msg only
     * when msg.n > 0, so an empty message may have a NULL pointer. */
    static const uint8_t empty[1] = {0};
    const uint8_t *m = msg.n > 0 ? msg.p : empty;
    if (crypto_sign_verify_detached(sig.p, m, (unsigned long long)msg.n, pub) != 0) {
        return XCV_ERR_BAD_SIGNATURE;
    }
    return XCV_OK;
#else
    return XCV_ERR_UNSUPPORTED_ALGORITHM;
#endif
}
