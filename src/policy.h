/*
 * policy.h -- RFC 5280 6.1 certificate-policy processing over a bounded
 * policy graph in caller memory (struct xcv_policy_work, xcv.h).
 */
#ifndef XCV_POLICY_H
#define XCV_POLICY_H

#include "internal.h"

/* Inputs (RFC 5280 6.1.1 (c), (e), (f), (g)). */
struct xcv_policy_params {
    const xcv_slice *initial; /* user-initial-policy-set, OID content octets */
    size_t initial_count;     /* 0: {anyPolicy} */
    uint32_t flags;           /* XCV_POLICY_EXPLICIT | _INHIBIT_MAPPING | _INHIBIT_ANY */
    unsigned long budget;     /* graph operations; 0: XCV_POLICY_BUDGET_DEFAULT */
};

/* Outputs (RFC 5280 6.1.6). */
struct xcv_policy_result {
    int any;      /* the authorities-constrained set is anyPolicy */
    size_t count; /* policies (root domain) in the result; may exceed the array */
    xcv_slice oids[XCV_MAX_RESULT_POLICIES];
    size_t cert_pos;   /* on error: position in path (0 = leaf) at fault */
    unsigned long ops; /* operations used */
};

/*
 * Validates the content of a certificate's certificatePolicies,
 * policyMappings, policyConstraints and inhibitAnyPolicy extensions (those
 * present): RFC 5280 4.2.1.4/5/11/14 syntax, no policy twice, policy
 * constraints not empty. Returns XCV_OK or XCV_ERR_POLICY_MALFORMED.
 * Mappings to or from anyPolicy are judged by xcv_policy_check.
 */
XCV_MUST_USE xcv_err xcv_policy_validate_cert(const struct xcv_cert *cert);

/*
 * Runs RFC 5280 6.1.2-6.1.5 over path[0..n-1] (leaf first, the trust anchor
 * excluded; n <= XCV_MAX_DEPTH), with the inputs in, using work (any
 * contents; reset here). Returns XCV_OK (out filled), or
 * XCV_ERR_POLICY_MALFORMED, XCV_ERR_POLICY_MAPPING_ANY,
 * XCV_ERR_POLICY_REQUIRED (6.1.3 (f) or 6.1.5 (g) failed),
 * XCV_ERR_POLICY_CAPACITY, XCV_ERR_POLICY_BUDGET (fatal), with
 * out->cert_pos naming the certificate; XCV_ERR_INVALID_ARGUMENT.
 */
XCV_MUST_USE xcv_err xcv_policy_check(const struct xcv_cert *const *path, size_t n,
                                      const struct xcv_policy_params *in,
                                      struct xcv_policy_work *work, struct xcv_policy_result *out);

#endif
