/*
 * crl.h -- X.509 v2 CRLs supplied by the caller (RFC 5280 section 5) and the
 * revocation status of one certificate against them (RFC 5280 6.3, subset).
 *
 * Zero allocation: a parsed CRL is a set of views into the caller's DER;
 * the entry list is walked in place. Delta CRLs and indirect CRLs are not
 * supported: parsing one fails with XCV_ERR_CRL_UNSUPPORTED (never silently
 * ignored, since a delta could list the certificate).
 */
#ifndef XCV_CRL_H
#define XCV_CRL_H

#include "internal.h"

/* CRLReason (RFC 5280 5.3.1); XCV_CRL_REASON_NONE when the entry has none. */
#define XCV_CRL_REASON_NONE (-1)

/* ReasonFlags bits (onlySomeReasons), bit n of the BIT STRING as (1u << n). */
#define XCV_CRL_REASON_FLAGS_ALL 0x1FEu /* keyCompromise .. aACompromise (bits 1-8) */

/* One parsed CertificateList. Every slice points into der. */
struct xcv_crl {
    xcv_slice der;         /* the whole CertificateList TLV */
    xcv_slice tbs;         /* TBSCertList TLV (what is signed) */
    xcv_sig_alg sig_alg;   /* outer signatureAlgorithm */
    xcv_slice sig_alg_der; /* its AlgorithmIdentifier TLV (equal to the TBS one) */
    xcv_slice sig_params;  /* its parameters TLV, empty when absent */
    xcv_slice signature;   /* signatureValue octets */
    xcv_slice issuer;      /* issuer Name TLV (non-empty) */
    xcv_time this_update;
    xcv_time next_update; /* required (RFC 5280 5.1.2.5) */
    xcv_slice revoked;    /* content of revokedCertificates (empty when absent) */
    size_t revoked_count;
    xcv_slice crl_number; /* CRLNumber INTEGER content (required) */
    xcv_slice aki_key_id; /* AKI keyIdentifier octets, empty when absent */
    /* issuingDistributionPoint */
    int has_idp;
    int idp_has_dp;          /* distributionPoint present */
    xcv_slice idp_full_name; /* its fullName GeneralNames content (empty when relative) */
    int idp_only_user;       /* onlyContainsUserCerts */
    int idp_only_ca;         /* onlyContainsCACerts */
    int idp_only_attr;       /* onlyContainsAttributeCerts */
    int idp_has_reasons;     /* onlySomeReasons present */
    uint32_t idp_reasons;    /* its ReasonFlags bits */
};

/* One revokedCertificates entry. */
struct xcv_crl_entry {
    xcv_slice serial;   /* userCertificate INTEGER content */
    xcv_time date;      /* revocationDate */
    int reason;         /* reasonCode, or XCV_CRL_REASON_NONE */
    int has_invalidity; /* invalidityDate present */
    xcv_time invalidity;
};

/*
 * Parses one DER CRL occupying exactly der.n bytes, strictly: v2 only,
 * matching inner and outer signature algorithms, non-empty issuer,
 * thisUpdate <= nextUpdate, every entry and entry extension, CRL number
 * present and non-critical, no duplicate extensions.
 * Errors: XCV_ERR_CRL_MALFORMED, XCV_ERR_CRL_UNKNOWN_CRITICAL (CRL or entry
 * extension), XCV_ERR_CRL_UNSUPPORTED (deltaCRLIndicator, indirectCRL,
 * certificateIssuer entry extension), XCV_ERR_INVALID_ARGUMENT.
 */
XCV_MUST_USE xcv_err xcv_crl_parse(xcv_slice der, struct xcv_crl *out);

/*
 * Looks serial (INTEGER content octets, compared byte for byte) up in a
 * parsed CRL. *out_found is 1 and *out_entry filled when listed.
 */
XCV_MUST_USE xcv_err xcv_crl_find(const struct xcv_crl *crl, xcv_slice serial, int *out_found,
                                  struct xcv_crl_entry *out_entry);

/* What the checker knows about the certificate's issuer. */
struct xcv_crl_issuer {
    const struct xcv_pubkey *key; /* the issuer's public key (required) */
    int has_key_usage;            /* the issuer certificate has keyUsage */
    uint32_t key_usage;           /* its XCV_KU_* bits */
    xcv_slice ski;                /* its subjectKeyIdentifier, or empty */
};

/* Inputs of one status check. */
struct xcv_crl_check {
    const xcv_slice *crls; /* DER CRLs (already validated or not) */
    size_t count;
    xcv_time now;
    int hard_fail;      /* 1: no current in-scope CRL is an error */
    uint32_t sig_flags; /* XCV_FLAG_ALLOW_SHA1 */
    unsigned min_rsa_bits;
    struct xcv_sig_cache *cache; /* optional */
    unsigned sig_budget;         /* signature verifications this call may make */
};

/* What a status check found. */
struct xcv_crl_status {
    int crl_index;            /* CRL that revoked or failed, else -1 */
    xcv_time revocation_date; /* XCV_ERR_REVOKED only */
    int reason;               /* XCV_ERR_REVOKED only: CRLReason or -1 */
    unsigned sig_checks;      /* signature verifications made (not cache hits) */
    unsigned cache_hits;
};

/*
 * Revocation status of cert, whose issuer is described by issuer, against
 * the CRLs (RFC 5280 6.3.3 for complete, direct CRLs). A CRL counts when its
 * issuer name equals the certificate's issuer (xcv_dn_equal), its AKI (when
 * both it and the issuer's SKI exist) names the issuer key, its
 * issuingDistributionPoint scope covers the certificate, the issuer's
 * keyUsage (when present) has cRLSign, thisUpdate <= now <= nextUpdate, and
 * its signature verifies under the issuer key.
 * Returns XCV_OK; XCV_ERR_REVOKED (status->crl_index, revocation_date,
 * reason); a parse error of any CRL (status->crl_index);
 * XCV_ERR_SIGNATURE_BUDGET; and in hard-fail mode, when no counting CRL
 * covers all reasons, the reason the issuer's CRLs did not count
 * (XCV_ERR_CRL_ISSUER_NO_CRLSIGN, _NOT_YET_VALID, _EXPIRED, _BAD_SIGNATURE
 * or a signature-policy error) or XCV_ERR_CRL_MISSING.
 */
XCV_MUST_USE xcv_err xcv_crl_check_cert(const struct xcv_cert *cert,
                                        const struct xcv_crl_issuer *issuer,
                                        const struct xcv_crl_check *params,
                                        struct xcv_crl_status *out);

#endif
