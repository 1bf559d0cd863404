/*
 * ed25519.h -- Ed25519 signature verification (RFC 8032, keys and
 * signatures as RFC 8410 carries them in X.509), through libsodium when the
 * library is built with XCV_ED25519 (compile definition XCV_HAVE_ED25519).
 */
#ifndef XCV_ED25519_H
#define XCV_ED25519_H

#include "internal.h"

/* 1 when this build verifies Ed25519 signatures, else 0. */
int xcv_ed25519_available(void);

/*
 * Verifies the Ed25519 signature sig (exactly 64 octets: R || S) of msg
 * (the whole message, PureEdDSA: no pre-hash, no context) under the 32-octet
 * public key pub (the subjectPublicKey BIT STRING content of an RFC 8410
 * SubjectPublicKeyInfo).
 * Returns XCV_OK; XCV_ERR_BAD_SIGNATURE when the signature does not verify
 * or is not 64 octets; XCV_ERR_INVALID_ARGUMENT for NULL pointers;
 * XCV_ERR_UNSUPPORTED_ALGORITHM when the build has no Ed25519 support.
 * Allocates nothing and needs no sodium_init() (see ed25519.c).
 */
XCV_MUST_USE xcv_err xcv_ed25519_verify(const uint8_t pub[32], xcv_slice msg, xcv_slice sig);

#endif
