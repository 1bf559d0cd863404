/*
 * verify.h -- per-certificate and per-path checks (RFC 5280 6.1) used by
 * xcv_verify(); exposed for unit tests.
 */
#ifndef XCV_VERIFY_H
#define XCV_VERIFY_H

#include "internal.h"

/* Validity period of c at params->now (order first, then the time). */
XCV_MUST_USE xcv_err xcv_check_validity(const struct xcv_cert *c, const struct xcv_params *p);

/* Structural facts recorded by parsing: bad/duplicate/unknown critical extensions, serial. */
XCV_MUST_USE xcv_err xcv_check_structure(const struct xcv_cert *c);

/* keyUsage and extKeyUsage of the leaf against the purpose. */
XCV_MUST_USE xcv_err xcv_check_leaf_usage(const struct xcv_cert *c, xcv_purpose purpose);

/* EKU of a CA certificate (when present) against the purpose. */
XCV_MUST_USE xcv_err xcv_check_ca_eku(const struct xcv_cert *c, xcv_purpose purpose);

/* The issuer-independent checks on a certificate used as an intermediate CA. */
XCV_MUST_USE xcv_err xcv_check_ca(const struct xcv_cert *c, const struct xcv_params *p);

/*
 * Checks on a trust anchor given as a certificate (not a pin): non-empty
 * subject; for v3, basicConstraints cA=TRUE and keyCertSign when keyUsage is
 * present; then, unless the params flag XCV_FLAG_LAX_ANCHOR_PROFILE or the
 * anchor flag XCV_ANCHOR_LAX_PROFILE (system-store roots) is set,
 * xcv_check_anchor_profile.
 */
XCV_MUST_USE xcv_err xcv_check_anchor_cert(const struct xcv_cert *c, const struct xcv_params *p,
                                           uint32_t anchor_flags);

/*
 * The RFC 5280 / CABF root profile: basicConstraints critical, SKI present,
 * AKI/SKI non-critical, policyConstraints critical, AKI with a keyIdentifier
 * and (self-issued) identifying the root itself, no EKU (server purpose),
 * RSA modulus a multiple of 8 bits.
 */
XCV_MUST_USE xcv_err xcv_check_anchor_profile(const struct xcv_cert *c, xcv_purpose purpose);

/* 1 when the certificate is self-issued (issuer and subject names equal, RFC 5280 6.1). */
int xcv_cert_self_issued(const struct xcv_cert *c);

#endif
