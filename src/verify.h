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

/* 1 when the certificate is self-issued (issuer and subject names equal, RFC 5280 6.1). */
int xcv_cert_self_issued(const struct xcv_cert *c);

#endif
