/*
 * verify.c -- xcv_verify(): from presented certificates, a trust-anchor
 * store and parameters to a verdict, with zero heap allocation.
 *
 * Purpose
 *   Parses the presented certificates into the caller's xcv_verifier, runs
 *   the checks that depend only on the leaf, then lets path.c search for a
 *   path, judging every partial path here (judge()), and fills xcv_result.
 *
 * RFC sections: RFC 5280 6.1 (basic path validation: 6.1.3 (a) signature and
 * validity, (b)/(c) name constraints, (d)-(f) policies; 6.1.4 (k) basicConstraints, (l)/(m)
 * pathLenConstraint, (n) keyUsage keyCertSign, (o) critical extensions);
 * 4.2.1.3 keyUsage, 4.2.1.12 extKeyUsage, 4.1.2.2 serialNumber; RFC 6125 /
 * RFC 9525 identity (through xcv_ident_match); CA/Browser Forum Baseline
 * Requirements 7.1.2 (EKU).
 *
 * Order of work (cheap first; no signature before every cheap check passed)
 *   1. arguments, then xcv_ref_check of the reference identity;
 *   2. parse the leaf (failure: its error and DER offset, index 0), then the
 *      other certificates (one that fails to parse is an irrelevant extra:
 *      it is never a candidate);
 *   3. identity of the leaf (xcv_ident_match) -- computed first, reported
 *      last, see "Decisions";
 *   4. leaf checks: structure, validity, leaf-is-CA, keyUsage, EKU -- any
 *      failure is final (as webpki's check_issuer_independent_properties on
 *      the end entity), index 0;
 *   5. path search (path.c) with judge(): for a presented intermediate the
 *      issuer-independent CA checks (cached per certificate), pathLen, its
 *      name constraints over the certificates below, then the signature; for
 *      an anchor its time limit, pathLen (anchor certificates), its name
 *      constraints, then the signature;
 *   6. a path that reaches an anchor (judge_complete): certificate policies
 *      (RFC 5280 6.1.3 (d)-(f), 6.1.4, 6.1.5 through policy.c; skipped when
 *      no certificate carries a policy extension and no explicit policy is
 *      required, which cannot change the outcome), then revocation against
 *      the caller's CRLs (RFC 5280 6.3 through crl.c) for the leaf or every
 *      certificate below the anchor. Either failing is an ordinary
 *      backtrack reason (another issuer may give a path whose certificates
 *      are not revoked); the policy and signature budgets are fatal.
 *
 * Revocation (params.revocation, off by default; xcv never fetches)
 *   - Every CRL of params.crls is parsed at the start of the call (a
 *     malformed one fails at once: result.crl_index names it, cert_index
 *     XCV_INDEX_NONE), so a bad input never depends on the path found.
 *   - The issuer of certificate i is the next certificate of the path, or
 *     the anchor (its key; keyUsage and SKI when it is a certificate).
 *   - CRL signatures spend params.sig_budget and use params.cache.
 *   - XCV_ERR_REVOKED names the certificate (cert_index) and fills
 *     result.crl_index, revocation_date and revocation_reason; other CRL
 *     errors fill crl_index when a CRL is concerned. Those fields are -1 /
 *     0 for every other outcome (path.c's on_record attaches them exactly
 *     to the failure reported).
 *
 * Decisions (where the issue is silent; security first, following Go,
 * rustls-webpki and Chromium)
 *   - Identity: a reference name that does not match is reported only when
 *     the path itself is valid. When both fail, the path error is reported
 *     (as Go and webpki do), so an untrusted certificate is never described
 *     as "wrong name" (which invites a user exception for the wrong reason).
 *     A malformed reference (XCV_ERR_BAD_REFERENCE, _NOT_ASCII) fails at once
 *     with index XCV_INDEX_NONE.
 *   - Leaf that is a CA (basicConstraints cA=TRUE): rejected for every purpose
 *     (webpki's CaUsedAsEndEntity), unless XCV_FLAG_ALLOW_CA_LEAF, or the
 *     store trusts the leaf itself (a pin or the identical certificate: the
 *     leaf is then the trust anchor, as for a self-signed server certificate
 *     made with "openssl req -x509", which sets cA=TRUE).
 *   - Leaf keyUsage (only when the extension is present; at least one of):
 *       server: digitalSignature, keyEncipherment, keyAgreement;
 *       client: digitalSignature, keyAgreement;
 *       email: digitalSignature, nonRepudiation, keyEncipherment, keyAgreement;
 *       code signing: digitalSignature;  any: no requirement.
 *   - Leaf rules beyond the purpose: keyCertSign without cA=TRUE
 *     (XCV_ERR_LEAF_KEY_USAGE, RFC 5280 4.2.1.3), nameConstraints in a
 *     non-CA (XCV_ERR_CERT_BAD_EXTENSION, 4.2.1.10), and for the server
 *     purpose anyExtendedKeyUsage anywhere in the leaf's EKU
 *     (XCV_ERR_EKU_NOT_ALLOWED, CABF BR 7.1.2.7.10). A CA with an empty
 *     subject is XCV_ERR_CERT_BAD_NAME (RFC 5280 4.1.2.6).
 *   - EKU: absent on the leaf = any purpose (RFC 5280, Go), except for the
 *     TLS server purpose, where the leaf must carry a non-critical EKU
 *     (rustls-webpki; CABF BR 7.1.2.7.6; x509-limbo webpki::eku::ee-without-eku
 *     and ee-critical-eku -- the rfc5280 side of the conflicts_with pair is a
 *     listed false reject). When present it must contain the requested
 *     purpose; anyExtendedKeyUsage does NOT
 *     satisfy a specific purpose, on the leaf or on a CA (rustls-webpki;
 *     x509-limbo webpki::eku::ee-anyeku and ca-with-anyeku expect failure).
 *     A CA's EKU, when present, constrains the path the same way (Chromium,
 *     Go). XCV_PURPOSE_ANY requires nothing.
 *   - Serial numbers of presented certificates: negative
 *     (XCV_ERR_CERT_NEGATIVE_SERIAL), zero (XCV_ERR_CERT_ZERO_SERIAL: RFC
 *     5280 4.1.2.2 "MUST be a positive integer") and longer than 20 octets
 *     (XCV_ERR_CERT_BAD_SERIAL) are rejected. Anchors are exempt: nine roots
 *     of the Debian bundle (Go Daddy/Starfield G2, SECOM RootCA2, HARICA
 *     2015, ...) have serial 0.
 *   - Profile rules on presented certificates (xcv_check_structure): AKI
 *     and SKI non-critical, policyConstraints critical (non-critical:
 *     XCV_ERR_CERT_BAD_EXTENSION; critical: unprocessed, see below), an
 *     AKI keyIdentifier in every certificate that is not self-issued (RFC
 *     5280 4.2.1.1), a non-empty issuer, a critical SAN when the subject is
 *     empty, an RSA modulus a multiple of 8 bits (CABF 6.1.5, webpki); an
 *     SKI in every intermediate CA (4.2.1.2). Server leaves also: no
 *     critical SAN beside a non-empty subject (CABF 7.1.2.7.12), a CN that
 *     does not claim an identity the SAN lacks (ident.h
 *     xcv_ident_cn_claims, CABF 7.1.4.3), and no DSA key.
 *   - Critical extensions xcv parses but does not act on make the
 *     certificate rejected as unknown critical: subjectDirectoryAttributes,
 *     subjectInfoAccess. The four policy extensions (certificatePolicies,
 *     policyMappings, policyConstraints, inhibitAnyPolicy) are processed
 *     (check_policies, RFC 5280 6.1) and so understood when critical.
 *   - Anchors: their own signature is not checked (RFC 5280 6.1.1 (d): the
 *     anchor is an input). An anchor given as a certificate (not a pin) is
 *     held to the CA profile (xcv_check_anchor_cert, x509-limbo rfc5280::
 *     root-*, ski::*, aki::*, webpki::aki::*, eku::root-has-eku): a
 *     non-empty subject; v3: basicConstraints cA=TRUE, keyCertSign when
 *     keyUsage is present; and the profile MUSTs -- basicConstraints
 *     critical, SKI present, AKI/SKI non-critical, policyConstraints
 *     critical, an AKI keyIdentifier unless self-issued, a self-issued
 *     root's AKI identifying the root itself (keyIdentifier = SKI, any
 *     authorityCertIssuer/SerialNumber naming its own issuer and serial:
 *     five Debian roots carry those), no EKU for the server purpose, RSA
 *     modulus a multiple of 8. Real-world impact, measured on Debian's
 *     ca-certificates (150 roots, tests/test_anchors.c): four roots break a
 *     profile MUST (Go Daddy and Starfield Class 2, Chunghwa ePKI:
 *     basicConstraints not critical; TWCA Global Root CA: no SKI -- the root
 *     Python 3.13's VERIFY_X509_STRICT broke). So the profile applies to
 *     anchors the application names explicitly; anchors loaded from the
 *     operating system's bundle (xcv_file_store_add_system) carry
 *     XCV_ANCHOR_LAX_PROFILE -- the OS curates them -- and are only checked
 *     for being CAs. Private roots made with old OpenSSL defaults
 *     (basicConstraints non-critical) fail with XCV_ERR_NOT_A_CA unless the
 *     application sets XCV_FLAG_LAX_ANCHOR_PROFILE (or the anchor flag). Its pathLenConstraint is
 *     enforced (as Go), its name constraints and those of any anchor applied
 *     to every certificate of the path, and its not-after enforced unless
 *     XCV_FLAG_IGNORE_ANCHOR_EXPIRY. Anchor EKU beyond the server rule is
 *     not enforced. A v1/v2 certificate may be an anchor but never an
 *     intermediate (XCV_ERR_V1_CA).
 *   - Pins: the pinned certificate ends the path; its own signature is not
 *     checked; past pin.until -> XCV_ERR_PIN_EXPIRED; as an issuer its own
 *     expiry is judged like an anchor certificate's (XCV_ERR_ANCHOR_EXPIRED
 *     unless XCV_FLAG_IGNORE_ANCHOR_EXPIRY); as the leaf, every leaf check
 *     (validity, usage, identity) still applies.
 *   - Fault index for signature errors: the child certificate (its signature
 *     does not verify under that issuer), except errors about the issuer's
 *     key (too small RSA, bad exponent, bad EC point, unsupported or
 *     malformed key), which name the issuer.
 *   - Leaf key: an RSA or EC leaf key must meet the key policy issuer keys
 *     meet (xcv_sig_check_key: min_rsa_bits, exponent, point on the curve;
 *     CABF BR 6.1.5), since it signs the handshake; a DSA leaf key is
 *     XCV_ERR_UNSUPPORTED_KEY (CABF 6.1.5, FIPS 186-5); other key types are
 *     left to the application.
 *   - Signatures are memoised per (child, issuer key) -- the key is named by
 *     the first presented certificate with the same SPKI SHA-256 -- and per
 *     (child, anchor SPKI); see ONE_KEY for the one-key-per-signature rule
 *     that bounds cross-signing pools.
 *   - XCV_ERR_PATH_LEN_EXCEEDED names the CA whose pathLenConstraint is
 *     exceeded (as Go and OpenSSL report it), XCV_INDEX_ANCHOR for an
 *     anchor certificate's constraint.
 *   - XCV_FLAG_NO_TIME_CHECK skips every time comparison (validity, anchor
 *     and pin limits), but notBefore > notAfter is still rejected.
 *   - Name constraints skip self-issued intermediates (RFC 5280 6.1.3 (b),
 *     (c): "If certificate i is self-issued and it is not the final
 *     certificate in the path, skip this step"); the leaf is always checked.
 *
 * Caller responsibilities: params->now is the current time; certs[0] is the
 * leaf; the store and the certificate bytes outlive result (result->anchor,
 * result->untrusted_issuer point into them).
 */
#include "verify.h"

#include "anchors.h"
#include "cert.h"
#include "crl.h"
#include "ident.h"
#include "name.h"
#include "nc.h"
#include "path.h"
#include "policy.h"
#include "sig.h"

/* Extensions xcv recognises but does not process: unsafe to ignore when critical.
 * (The policy extensions are processed: policy.c, check_policies below.) */
#define UNPROCESSED_CRITICAL (XCV_EXT_SUBJECT_DIR_ATTRS | XCV_EXT_SUBJECT_INFO | XCV_EXT_OTHER)

/* The extensions RFC 5280 6.1 policy processing reads. */
#define POLICY_EXTS                                                                                \
    (XCV_EXT_CERT_POLICIES | XCV_EXT_POLICY_MAPPINGS | XCV_EXT_POLICY_CONSTRAINTS |               \
     XCV_EXT_INHIBIT_ANY_POLICY)

/* see xcv.h */
void xcv_params_default(struct xcv_params *p)
{
    if (p == NULL) {
        return;
    }
    memset(p, 0, sizeof(*p));
    p->now = 0;
    p->purpose = XCV_PURPOSE_SERVER;
    p->flags = 0;
    p->min_rsa_bits = 2048;
    p->max_depth = XCV_MAX_DEPTH;
    p->sig_budget = 100;
    p->candidate_budget = 1000;
    p->nc_budget = 250000;
    p->cache = NULL;
    p->trace = NULL;
    p->trace_cap = 0;
}

/* see verify.h */
int xcv_cert_self_issued(const struct xcv_cert *c)
{
    if ((c->flags & XCV_CERT_SELF_ISSUED_BYTES) != 0) {
        return 1;
    }
    return xcv_dn_equal(c->subject, c->issuer);
}

/* see verify.h */
xcv_err xcv_check_validity(const struct xcv_cert *c, const struct xcv_params *p)
{
    /* RFC 5280 4.1.2.5: "The validity period for a certificate is the period of
     * time from notBefore through notAfter, inclusive." An empty period is
     * malformed whatever the time. */
    XCV_ENSURE(c->not_before <= c->not_after, XCV_ERR_VALIDITY_ORDER);
    if ((p->flags & XCV_FLAG_NO_TIME_CHECK) != 0) {
        return XCV_OK;
    }
    /* RFC 5280 6.1.3 (a)(2): "The certificate validity period includes the
     * current time." */
    XCV_ENSURE(p->now >= c->not_before, XCV_ERR_NOT_YET_VALID);
    XCV_ENSURE(p->now <= c->not_after, XCV_ERR_EXPIRED);
    return XCV_OK;
}

/* RFC 5280 4.2.1.1, 4.2.1.2, 4.2.1.11: extensions whose criticality the
 * profile fixes. Shared by presented certificates and anchor certificates. */
static xcv_err check_criticality(const struct xcv_cert *c)
{
    /* RFC 5280 4.2.1.1: "Conforming CAs MUST mark this extension as
     * non-critical." */
    XCV_ENSURE((c->ext_critical & XCV_EXT_AUTHORITY_KEY_ID) == 0, XCV_ERR_CERT_BAD_EXTENSION);
    /* RFC 5280 4.2.1.2: "Conforming CAs MUST mark this extension as
     * non-critical." */
    XCV_ENSURE((c->ext_critical & XCV_EXT_SUBJECT_KEY_ID) == 0, XCV_ERR_CERT_BAD_EXTENSION);
    /* RFC 5280 4.2.1.11: "Conforming CAs MUST mark this extension as
     * critical." (policyConstraints) */
    if ((c->ext_present & XCV_EXT_POLICY_CONSTRAINTS) != 0) {
        XCV_ENSURE((c->ext_critical & XCV_EXT_POLICY_CONSTRAINTS) != 0,
                   XCV_ERR_CERT_BAD_EXTENSION);
    }
    return XCV_OK;
}

/* CABF BR 6.1.5: RSA "the modulus size, when encoded, MUST be divisible
 * by 8" (rustls-webpki rejects other sizes too). */
static xcv_err check_rsa_modulus(const struct xcv_cert *c)
{
    if (c->key.type == XCV_KEY_RSA) {
        XCV_ENSURE(c->key.key_bits % 8 == 0, XCV_ERR_UNSUPPORTED_KEY);
    }
    return XCV_OK;
}

/* see verify.h */
xcv_err xcv_check_structure(const struct xcv_cert *c)
{
    if ((c->flags & XCV_CERT_BAD_EXTENSION) != 0) {
        return c->ext_err != XCV_OK ? c->ext_err : XCV_ERR_CERT_BAD_EXTENSION;
    }
    /* RFC 5280 4.2: "A certificate MUST NOT include more than one instance of
     * a particular extension." */
    XCV_ENSURE((c->flags & XCV_CERT_DUPLICATE_EXTENSION) == 0, XCV_ERR_CERT_DUPLICATE_EXTENSION);
    /* RFC 5280 4.2: "A certificate-using system MUST reject the certificate if
     * it encounters a critical extension it does not recognize or a critical
     * extension that contains information that it cannot process." */
    XCV_ENSURE((c->flags & XCV_CERT_UNKNOWN_CRITICAL) == 0 &&
                   (c->ext_critical & UNPROCESSED_CRITICAL) == 0,
               XCV_ERR_CERT_UNKNOWN_CRITICAL_EXTENSION);
    /* RFC 5280 4.1.2.2: "The serial number MUST be a positive integer ...
     * Conforming CAs MUST NOT use serialNumber values longer than 20 octets." */
    XCV_ENSURE((c->flags & XCV_CERT_NEGATIVE_SERIAL) == 0, XCV_ERR_CERT_NEGATIVE_SERIAL);
    XCV_ENSURE((c->flags & XCV_CERT_ZERO_SERIAL) == 0, XCV_ERR_CERT_ZERO_SERIAL);
    XCV_ENSURE((c->flags & XCV_CERT_SERIAL_TOO_LONG) == 0, XCV_ERR_CERT_BAD_SERIAL);
    /* RFC 5280 4.1.2.4: "The issuer field MUST contain a non-empty
     * distinguished name (DN)." */
    XCV_ENSURE(!xcv_name_is_empty(c->issuer), XCV_ERR_CERT_EMPTY_ISSUER);
    /* RFC 5280 4.2.1.6: "If the subject field contains an empty sequence,
     * then the issuing CA MUST include a subjectAltName extension that is
     * marked as critical." */
    if (xcv_name_is_empty(c->subject)) {
        XCV_ENSURE((c->ext_critical & XCV_EXT_SUBJECT_ALT_NAME) != 0,
                   XCV_ERR_CERT_EMPTY_SUBJECT_NO_SAN);
    }
    XCV_TRY(check_criticality(c));
    /* RFC 5280 4.2.1.1: "The keyIdentifier field of the
     * authorityKeyIdentifier extension MUST be included in all certificates
     * generated by conforming CAs to facilitate certification path
     * construction. There is one exception; where a CA distributes its
     * public key in the form of a "self-signed" certificate, the authority
     * key identifier MAY be omitted." The exception is read as self-issued
     * (judged without a signature check). */
    if (!xcv_cert_self_issued(c)) {
        XCV_ENSURE((c->ext_present & XCV_EXT_AUTHORITY_KEY_ID) != 0 && c->aki_key_id.n > 0,
                   XCV_ERR_CERT_BAD_EXTENSION);
    }
    XCV_TRY(check_rsa_modulus(c));
    return XCV_OK;
}

static uint32_t purpose_eku(xcv_purpose purpose)
{
    switch (purpose) {
    case XCV_PURPOSE_SERVER:
        return XCV_EKU_SERVER_AUTH;
    case XCV_PURPOSE_CLIENT:
        return XCV_EKU_CLIENT_AUTH;
    case XCV_PURPOSE_EMAIL:
        return XCV_EKU_EMAIL_PROTECTION;
    case XCV_PURPOSE_CODE_SIGNING:
        return XCV_EKU_CODE_SIGNING;
    default:
        return 0;
    }
}

static uint32_t purpose_ku(xcv_purpose purpose)
{
    switch (purpose) {
    case XCV_PURPOSE_SERVER:
        return XCV_KU_DIGITAL_SIGNATURE | XCV_KU_KEY_ENCIPHERMENT | XCV_KU_KEY_AGREEMENT;
    case XCV_PURPOSE_CLIENT:
        return XCV_KU_DIGITAL_SIGNATURE | XCV_KU_KEY_AGREEMENT;
    case XCV_PURPOSE_EMAIL:
        return XCV_KU_DIGITAL_SIGNATURE | XCV_KU_NON_REPUDIATION | XCV_KU_KEY_ENCIPHERMENT |
               XCV_KU_KEY_AGREEMENT;
    case XCV_PURPOSE_CODE_SIGNING:
        return XCV_KU_DIGITAL_SIGNATURE;
    default:
        return 0;
    }
}

/* RFC 5280 4.2.1.12: "If the extension is present, then the certificate MUST
 * only be used for one of the purposes indicated." anyExtendedKeyUsage does
 * not stand for a specific purpose (webpki; CABF BR 7.1.2.7.10). */
static xcv_err check_eku(const struct xcv_cert *c, xcv_purpose purpose)
{
    uint32_t need = purpose_eku(purpose);

    if (need == 0 || (c->ext_present & XCV_EXT_EXT_KEY_USAGE) == 0) {
        return XCV_OK;
    }
    XCV_ENSURE((c->eku & need) != 0, XCV_ERR_EKU_NOT_ALLOWED);
    return XCV_OK;
}

/* see verify.h */
xcv_err xcv_check_ca_eku(const struct xcv_cert *c, xcv_purpose purpose)
{
    return check_eku(c, purpose);
}

/* see verify.h */
xcv_err xcv_check_leaf_usage(const struct xcv_cert *c, xcv_purpose purpose)
{
    uint32_t ku = purpose_ku(purpose);

    /* RFC 5280 4.2.1.12: "If a certificate contains both a key usage extension
     * and an extended key usage extension, then both extensions MUST be
     * processed independently and the certificate MUST only be used for a
     * purpose consistent with both extensions." */
    if (ku != 0 && (c->ext_present & XCV_EXT_KEY_USAGE) != 0) {
        XCV_ENSURE((c->key_usage & ku) != 0, XCV_ERR_LEAF_KEY_USAGE);
    }
    /* RFC 5280 4.2.1.3: "If the keyCertSign bit is asserted, then the cA bit
     * in the basic constraints extension MUST also be asserted." */
    if ((c->ext_present & XCV_EXT_KEY_USAGE) != 0 && (c->key_usage & XCV_KU_KEY_CERT_SIGN) != 0) {
        XCV_ENSURE(c->is_ca, XCV_ERR_LEAF_KEY_USAGE);
    }
    /* CABF BR 7.1.2.7.10 (subscriber certificates): "anyExtendedKeyUsage
     * MUST NOT be present" -- enforced for the TLS server purpose. */
    if (purpose == XCV_PURPOSE_SERVER && (c->ext_present & XCV_EXT_EXT_KEY_USAGE) != 0) {
        XCV_ENSURE((c->eku & XCV_EKU_ANY) == 0, XCV_ERR_EKU_NOT_ALLOWED);
    }
    /* RFC 5280 4.2.1.10: "The name constraints extension, which MUST be used
     * only in a CA certificate". */
    if ((c->ext_present & XCV_EXT_NAME_CONSTRAINTS) != 0) {
        XCV_ENSURE(c->is_ca, XCV_ERR_CERT_BAD_EXTENSION);
    }
    if (purpose == XCV_PURPOSE_SERVER) {
        /* CABF BR 7.1.2.7.6 (subscriber certificate extensions): extKeyUsage
         * "MUST" be present and not critical; rustls-webpki requires the
         * serverAuth purpose to be asserted (an absent EKU does not stand
         * for "any purpose" there). */
        XCV_ENSURE((c->ext_present & XCV_EXT_EXT_KEY_USAGE) != 0, XCV_ERR_EKU_NOT_ALLOWED);
        XCV_ENSURE((c->ext_critical & XCV_EXT_EXT_KEY_USAGE) == 0, XCV_ERR_EKU_NOT_ALLOWED);
        /* CABF BR 7.1.2.7.12: subjectAltName critical "MUST be set to TRUE if
         * the subject field is an empty SEQUENCE; otherwise it MUST NOT"
         * (RFC 5280 4.2.1.6: "SHOULD mark the subjectAltName extension as
         * non-critical" when the subject is not empty). */
        if ((c->ext_critical & XCV_EXT_SUBJECT_ALT_NAME) != 0) {
            XCV_ENSURE(xcv_name_is_empty(c->subject), XCV_ERR_CERT_BAD_SAN);
        }
        /* CABF BR 7.1.4.3: a subject commonName "MUST contain exactly one
         * entry that is one of the values contained in the Certificate's
         * subjectAltName extension" -- in xcv's reading (ident.h
         * xcv_ident_cn_claims): a CN written as a host name or IP address
         * must not claim an identity the SAN does not hold verbatim. */
        XCV_ENSURE(xcv_ident_cn_claims(c) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    }
    return check_eku(c, purpose);
}

/* see verify.h */
xcv_err xcv_check_ca(const struct xcv_cert *c, const struct xcv_params *p)
{
    XCV_TRY(xcv_check_structure(c));
    XCV_TRY(xcv_check_validity(c, p));
    /* RFC 5280 6.1.4 (k): "If certificate i is a version 1 or version 2
     * certificate, then the application MUST either verify that certificate i
     * is a CA certificate through out-of-band means or reject the
     * certificate." xcv rejects. */
    XCV_ENSURE(c->version >= 3, XCV_ERR_V1_CA);
    /* RFC 5280 6.1.4 (k): "verify that the basicConstraints extension is
     * present and that cA is set to TRUE." */
    XCV_ENSURE((c->ext_present & XCV_EXT_BASIC_CONSTRAINTS) != 0 && c->is_ca, XCV_ERR_NOT_A_CA);
    /* RFC 5280 4.1.2.6: "If the subject is a CA ... then the subject field
     * MUST be populated with a non-empty distinguished name". */
    XCV_ENSURE(!xcv_name_is_empty(c->subject), XCV_ERR_CERT_BAD_NAME);
    /* RFC 5280 4.2.1.2: "this extension MUST appear in all conforming CA
     * certificates, that is, all certificates including the basic
     * constraints extension (Section 4.2.1.9) where the value of cA is
     * TRUE." */
    XCV_ENSURE((c->ext_present & XCV_EXT_SUBJECT_KEY_ID) != 0 && c->ski.n > 0,
               XCV_ERR_CERT_BAD_EXTENSION);
    /* RFC 5280 6.1.4 (n): "If a key usage extension is present, verify that
     * the keyCertSign bit is set." */
    if ((c->ext_present & XCV_EXT_KEY_USAGE) != 0) {
        XCV_ENSURE((c->key_usage & XCV_KU_KEY_CERT_SIGN) != 0, XCV_ERR_CA_KEY_USAGE);
    }
    XCV_TRY(check_eku(c, p->purpose));
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* Judging a partial path                                                    */
/* ------------------------------------------------------------------------ */

struct judge_ctx {
    struct xcv_verifier *v;
    const struct xcv_params *p;
    struct xcv_result *r;
    /* CRL details of the judge's last failure (attached to the result when
     * path.c reports that failure: on_record). */
    int pend_crl_index;
    xcv_time pend_revocation_date;
    int pend_reason;
    /* Policy outcome of the last complete path judged. */
    struct xcv_policy_result pr;
};

static int is_key_error(xcv_err err)
{
    return err == XCV_ERR_RSA_KEY_TOO_SMALL || err == XCV_ERR_BAD_RSA_EXPONENT ||
           err == XCV_ERR_BAD_EC_POINT || err == XCV_ERR_UNSUPPORTED_KEY ||
           err == XCV_ERR_CERT_BAD_RSA_KEY || err == XCV_ERR_CERT_BAD_EC_KEY ||
           err == XCV_ERR_CERT_BAD_SPKI;
}

/*
 * One signature verification. A hit in params->cache costs no budget (the
 * policy checks of xcv_sig_precheck still run first, so a cached result
 * never bypasses a policy change); a verification spends one unit of
 * sig_budget, and a success is inserted in the cache.
 */
static xcv_err run_sig(struct judge_ctx *j, const struct xcv_pubkey *key, int child_index)
{
    const struct xcv_params *p = j->p;
    const struct xcv_cert *child = &j->v->certs[child_index];
    uint8_t ck[32];
    xcv_err err;

    if (p->cache != NULL) {
        XCV_TRY(xcv_sig_precheck(key, child->sig_alg, child->sig_params, p->flags,
                                 p->min_rsa_bits));
        /* Keyed by the certificate's SHA-256 (computed once per call): the whole
         * DER covers TBS, algorithm and signature. */
        xcv_sig_cache_key_cert(key, xcv_path_cert_sha256(j->v, child_index), ck);
        if (xcv_sig_cache_lookup(p->cache, ck)) {
            j->r->cache_hits++;
            return XCV_OK;
        }
    }
    if (j->r->sig_checks >= p->sig_budget) {
        return XCV_ERR_SIGNATURE_BUDGET;
    }
    j->r->sig_checks++;
    /* RFC 5280 6.1.3 (a)(1): "The signature on the certificate can be
     * verified using working_public_key_algorithm, the working_public_key,
     * and the working_public_key_parameters." */
    err = xcv_sig_verify(key, child->sig_alg, child->sig_params, child->tbs, child->signature,
                         p->flags, p->min_rsa_bits);
    if (err == XCV_OK && p->cache != NULL) {
        xcv_sig_cache_insert(p->cache, ck);
    }
    return err;
}

/*
 * ONE_KEY: a signature identifies its key. Once a child's signature verified
 * under one key, every other key (presented or anchor) is recorded as not
 * verifying it, without spending a verification: a second key could verify
 * the same signature only if it was constructed from that signature (key
 * recovery), never for a genuine CA, and the shortcut can only reject a
 * path, never accept one. With the AKI/SKI candidate order, each child of a
 * cross-signing pool then costs about one verification.
 *
 * The first parsed presented certificate whose SPKI equals that of `issuer`
 * (the same SPKI bytes): signature results are memoised per (child, key),
 * so a key that several presented certificates carry (cross-signing pools)
 * verifies a given child at most once per call.
 */
static int key_slot(const struct xcv_verifier *v, int issuer)
{
    for (int k = 0; k < issuer; k++) {
        if ((v->parsed & (1u << k)) != 0 &&
            xcv_slice_eq(v->certs[k].spki, v->certs[issuer].spki)) {
            return k;
        }
    }
    return issuer;
}

/* Signature of presented cert `child` under presented cert `issuer`, memoised
 * per (child, issuer key). */
static xcv_err sig_by_presented(struct judge_ctx *j, int child, int issuer, int *out_index)
{
    struct xcv_verifier *v = j->v;
    int slot = key_slot(v, issuer);
    uint32_t bit = 1u << slot;
    xcv_err err;

    if ((v->sig_ok[child] & bit) != 0) {
        return XCV_OK;
    }
    if ((v->sig_bad[child] & bit) != 0) {
        err = (xcv_err)v->sig_err[child][slot];
    } else if (v->sig_ok[child] != 0) {
        /* Another key already verified this signature (see ONE_KEY). */
        err = XCV_ERR_BAD_SIGNATURE;
    } else {
        err = run_sig(j, &v->certs[issuer].key, child);
        if (xcv_path_is_fatal(err)) {
            *out_index = child;
            return err;
        }
        if (err == XCV_OK) {
            v->sig_ok[child] |= bit;
            return XCV_OK;
        }
        v->sig_bad[child] |= bit;
        v->sig_err[child][slot] = (uint16_t)err;
    }
    *out_index = is_key_error(err) ? issuer : child;
    return err;
}

/* Signature of presented cert `child` under an anchor's key, memoised by key bytes. */
static xcv_err sig_by_anchor(struct judge_ctx *j, int child, const struct xcv_anchor *a,
                             int *out_index)
{
    struct xcv_verifier *v = j->v;
    size_t n = v->anchor_memo_n < XCV_ANCHOR_MEMO ? v->anchor_memo_n : XCV_ANCHOR_MEMO;
    xcv_err err = XCV_OK;

    for (size_t i = 0; i < n; i++) {
        const struct xcv_anchor_sig_memo *m = &v->anchor_memo[i];
        if (m->child == child && xcv_slice_eq(m->spki, a->spki)) {
            err = m->err;
            *out_index = is_key_error(err) ? XCV_INDEX_ANCHOR : child;
            return err;
        }
    }
    if (v->sig_ok[child] != 0) {
        /* A presented certificate's key verified this signature (ONE_KEY). */
        *out_index = child;
        return XCV_ERR_BAD_SIGNATURE;
    }
    err = xcv_pubkey_parse(a->spki, &v->anchor_key);
    if (err == XCV_OK) {
        err = run_sig(j, &v->anchor_key, child);
        if (xcv_path_is_fatal(err)) {
            *out_index = child;
            return err;
        }
    }
    {
        struct xcv_anchor_sig_memo *m = &v->anchor_memo[v->anchor_memo_n % XCV_ANCHOR_MEMO];
        m->spki = a->spki;
        m->child = child;
        m->err = err;
        v->anchor_memo_n++;
    }
    *out_index = is_key_error(err) ? XCV_INDEX_ANCHOR : child;
    return err;
}

/*
 * RFC 5280 6.1.4 (l), (m): a pathLenConstraint P allows at most P
 * non-self-issued intermediates below the CA. Returns XCV_OK, or
 * XCV_ERR_PATH_LEN_EXCEEDED (the caller has set *out_index to the CA).
 */
static xcv_err check_pathlen(const struct xcv_verifier *v, const int *path, size_t len,
                             int path_len)
{
    int seen = 0;

    if (path_len < 0) {
        return XCV_OK;
    }
    for (size_t i = len; i > 1; i--) {
        if (!xcv_cert_self_issued(&v->certs[path[i - 1]])) {
            seen++;
            if (seen > path_len) {
                return XCV_ERR_PATH_LEN_EXCEEDED;
            }
        }
    }
    return XCV_OK;
}

/* Name constraints of one CA or anchor over path[0..len-1]. */
static xcv_err apply_nc(struct judge_ctx *j, const int *path, size_t len, xcv_slice permitted,
                        xcv_slice excluded, int *out_index)
{
    struct xcv_verifier *v = j->v;

    if (permitted.n == 0 && excluded.n == 0) {
        return XCV_OK;
    }
    for (size_t i = 0; i < len; i++) {
        const struct xcv_cert *c = &v->certs[path[i]];
        xcv_err err;
        /* RFC 5280 6.1.3 (b): "If certificate i is self-issued and it is not
         * the final certificate in the path, skip this step." */
        if (i > 0 && xcv_cert_self_issued(c)) {
            continue;
        }
        /* RFC 5280 4.2.1.10: "Restrictions apply to the subject distinguished
         * name and apply to subject alternative names." */
        err = xcv_nc_check(c, i == 0, permitted, excluded, &v->nc_left);
        if (err != XCV_OK) {
            *out_index = path[i];
            return err;
        }
    }
    return XCV_OK;
}

/* Time limit of an anchor or pin. */
static xcv_err check_anchor_time(const struct judge_ctx *j, const struct xcv_anchor *a,
                                 xcv_time cert_not_after)
{
    const struct xcv_params *p = j->p;

    if ((p->flags & XCV_FLAG_NO_TIME_CHECK) != 0) {
        return XCV_OK;
    }
    if ((a->flags & XCV_ANCHOR_PIN) != 0) {
        /* The user's exception holds only until the time they chose. */
        XCV_ENSURE(!xcv_anchor_expired(a, p->now), XCV_ERR_PIN_EXPIRED);
        if (a->cert_der.n > 0 && (p->flags & XCV_FLAG_IGNORE_ANCHOR_EXPIRY) == 0) {
            XCV_ENSURE(p->now <= cert_not_after, XCV_ERR_ANCHOR_EXPIRED);
        }
        return XCV_OK;
    }
    if ((a->flags & XCV_ANCHOR_ENFORCE_EXPIRY) != 0 &&
        (p->flags & XCV_FLAG_IGNORE_ANCHOR_EXPIRY) == 0) {
        XCV_ENSURE(!xcv_anchor_expired(a, p->now), XCV_ERR_ANCHOR_EXPIRED);
    }
    return XCV_OK;
}

/* CABF BR 7.1.2.1.3 (root CA authorityKeyIdentifier) read with RFC 5280
 * 4.2.1.1: the AKI of a self-issued root identifies the root itself. */
static xcv_err check_root_aki(const struct xcv_cert *c)
{
    xcv_slice names;
    xcv_slice serial;

    if ((c->ext_present & XCV_EXT_AUTHORITY_KEY_ID) == 0) {
        /* 4.2.1.1: "where a CA distributes its public key in the form of a
         * "self-signed" certificate, the authority key identifier MAY be
         * omitted" -- only then (a cross-signed CA trusted as an anchor
         * needs it). */
        XCV_ENSURE(xcv_cert_self_issued(c), XCV_ERR_CERT_BAD_EXTENSION);
        return XCV_OK;
    }
    /* RFC 5280 4.2.1.1: "The keyIdentifier field of the
     * authorityKeyIdentifier extension MUST be included in all certificates
     * generated by conforming CAs"; CABF 7.1.2.1.3: keyIdentifier "MUST be
     * present". */
    XCV_ENSURE(c->aki_key_id.n > 0, XCV_ERR_CERT_BAD_EXTENSION);
    if (!xcv_cert_self_issued(c)) {
        return XCV_OK;
    }
    /* CABF 7.1.2.1.3: keyIdentifier "MUST be identical to the
     * subjectKeyIdentifier field". */
    if (c->ski.n > 0) {
        XCV_ENSURE(xcv_slice_eq(c->aki_key_id, c->ski), XCV_ERR_CERT_BAD_EXTENSION);
    }
    /* CABF 7.1.2.1.3: authorityCertIssuer and authorityCertSerialNumber
     * "MUST NOT be present". Several roots of the Debian bundle (Certigna,
     * QuoVadis Root CA 2 and 3, Go Daddy and Starfield Class 2) carry both,
     * naming themselves; xcv accepts exactly that (a self-issued root's
     * issuer certificate is itself) and rejects an AKI naming another
     * certificate. */
    XCV_TRY(xcv_cert_aki_fields(c, &names, &serial));
    if (names.n > 0) {
        xcv_gn_iter it;
        struct xcv_general_name gn;
        size_t count = 0;
        xcv_gn_iter_init(&it, names);
        while (xcv_gn_next(&it, &gn)) {
            XCV_ENSURE(gn.type == XCV_GN_DIRECTORY && xcv_dn_equal(gn.value, c->issuer),
                       XCV_ERR_CERT_BAD_EXTENSION);
            count++;
        }
        XCV_ENSURE(it.err == XCV_OK && count == 1, XCV_ERR_CERT_BAD_EXTENSION);
    }
    if (serial.n > 0) {
        XCV_ENSURE(xcv_slice_eq(serial, c->serial), XCV_ERR_CERT_BAD_EXTENSION);
    }
    return XCV_OK;
}

/* see verify.h */
xcv_err xcv_check_anchor_cert(const struct xcv_cert *c, const struct xcv_params *p,
                              uint32_t anchor_flags)
{
    /* RFC 5280 4.1.2.6: "If the subject is a CA ... then the subject field
     * MUST be populated with a non-empty distinguished name". */
    XCV_ENSURE(!xcv_name_is_empty(c->subject), XCV_ERR_CERT_BAD_NAME);
    if (c->version < 3) {
        /* RFC 5280 6.1.1 (d) allows a v1 trust anchor: nothing more to judge. */
        return XCV_OK;
    }
    /* RFC 5280 4.2.1.9: "Conforming CAs MUST include this extension in all
     * CA certificates that contain public keys used to validate digital
     * signatures on certificates" -- with cA=TRUE. */
    XCV_ENSURE((c->ext_present & XCV_EXT_BASIC_CONSTRAINTS) != 0 && c->is_ca, XCV_ERR_NOT_A_CA);
    /* RFC 5280 4.2.1.9: "If the cA boolean is not asserted, then the
     * keyCertSign bit in the key usage extension MUST NOT be asserted" and
     * 6.1.4 (n): "If a key usage extension is present, verify that the
     * keyCertSign bit is set." */
    if ((c->ext_present & XCV_EXT_KEY_USAGE) != 0) {
        XCV_ENSURE((c->key_usage & XCV_KU_KEY_CERT_SIGN) != 0, XCV_ERR_CA_KEY_USAGE);
    }
    if ((p->flags & XCV_FLAG_LAX_ANCHOR_PROFILE) != 0 ||
        (anchor_flags & XCV_ANCHOR_LAX_PROFILE) != 0) {
        return XCV_OK;
    }
    return xcv_check_anchor_profile(c, p->purpose);
}

/* see verify.h */
xcv_err xcv_check_anchor_profile(const struct xcv_cert *c, xcv_purpose purpose)
{
    /* RFC 5280 4.2.1.9: CAs "MUST mark the extension as critical in such
     * certificates." */
    XCV_ENSURE((c->ext_critical & XCV_EXT_BASIC_CONSTRAINTS) != 0, XCV_ERR_NOT_A_CA);
    /* RFC 5280 4.2.1.2: "this extension MUST appear in all conforming CA
     * certificates". */
    XCV_ENSURE((c->ext_present & XCV_EXT_SUBJECT_KEY_ID) != 0 && c->ski.n > 0,
               XCV_ERR_CERT_BAD_EXTENSION);
    XCV_TRY(check_criticality(c));
    XCV_TRY(check_root_aki(c));
    /* CABF BR 7.1.2.1.2 (root CA extensions): extKeyUsage "MUST NOT" be
     * present -- for the TLS server purpose. */
    if (purpose == XCV_PURPOSE_SERVER) {
        XCV_ENSURE((c->ext_present & XCV_EXT_EXT_KEY_USAGE) == 0, XCV_ERR_EKU_NOT_ALLOWED);
    }
    XCV_TRY(check_rsa_modulus(c));
    return XCV_OK;
}

/*
 * An anchor given as a certificate (not a pin): its certificate profile
 * (xcv_check_anchor_cert) and pathLenConstraint (Go enforces it too).
 */
static xcv_err check_anchor_cert(struct judge_ctx *j, const struct xcv_anchor *a,
                                 const int *path, size_t len)
{
    struct xcv_verifier *v = j->v;

    if (a->cert_der.n == 0) {
        return XCV_OK;
    }
    if (xcv_cert_parse(a->cert_der, &v->anchor_cert, NULL) != XCV_OK) {
        return XCV_OK; /* an anchor made from fields we cannot re-parse: no checks */
    }
    if ((a->flags & XCV_ANCHOR_PIN) == 0) {
        XCV_TRY(xcv_check_anchor_cert(&v->anchor_cert, j->p, a->flags));
    }
    if (len < 2 || (v->anchor_cert.ext_present & XCV_EXT_BASIC_CONSTRAINTS) == 0) {
        return XCV_OK;
    }
    return check_pathlen(v, path, len, v->anchor_cert.path_len);
}

/* ------------------------------------------------------------------------ */
/* Complete paths: certificate policies, then revocation                     */
/* ------------------------------------------------------------------------ */

/*
 * RFC 5280 6.1 policy processing over path[0..len-1] (leaf first, the trust
 * anchor excluded). Skipped when the outcome is known without it: no
 * certificate of the path carries a policy extension and no explicit policy
 * is required -- the valid_policy_tree is then NULL after the first
 * certificate (6.1.3 (e)) and 6.1.5 (g) succeeds with explicit_policy > 0,
 * with an empty authorities-constrained set.
 */
static xcv_err check_policies(struct judge_ctx *j, const int *path, size_t len, int *out_index)
{
    const struct xcv_params *p = j->p;
    struct xcv_verifier *v = j->v;
    const struct xcv_cert *certs[XCV_MAX_DEPTH];
    uint32_t seen = 0;
    struct xcv_policy_params pp;
    xcv_err err;

    for (size_t i = 0; i < len; i++) {
        certs[i] = &v->certs[path[i]];
        seen |= certs[i]->ext_present;
    }
    if ((seen & POLICY_EXTS) == 0 && (p->policy_flags & XCV_POLICY_EXPLICIT) == 0) {
        j->pr.any = 0;
        j->pr.count = 0;
        return XCV_OK;
    }
    pp.initial = p->initial_policies;
    pp.initial_count = p->initial_policies != NULL ? p->initial_policy_count : 0;
    pp.flags = p->policy_flags;
    pp.budget = p->policy_budget;
    err = xcv_policy_check(certs, len, &pp, &v->policy_work, &j->pr);
    if (err != XCV_OK) {
        *out_index = j->pr.cert_pos < len ? path[j->pr.cert_pos] : path[0];
    }
    return err;
}

/*
 * What the CRL checker needs about the issuer of path[i]: the next
 * certificate of the path, the pinned presented certificate ending it, or
 * the trust anchor (keyUsage and SKI from its certificate when it is one).
 */
static xcv_err crl_issuer_of(struct judge_ctx *j, const int *path, size_t len, size_t i,
                             const struct xcv_path_cand *cand, struct xcv_crl_issuer *out)
{
    struct xcv_verifier *v = j->v;
    const struct xcv_cert *ic = NULL;

    if (i + 1 < len) {
        ic = &v->certs[path[i + 1]];
    } else if (cand->index >= 0) {
        ic = &v->certs[cand->index];
    }
    if (ic != NULL) {
        out->key = &ic->key;
        out->has_key_usage = (ic->ext_present & XCV_EXT_KEY_USAGE) != 0;
        out->key_usage = ic->key_usage;
        out->ski = ic->ski;
        return XCV_OK;
    }
    const struct xcv_anchor *a = cand->anchor;
    XCV_TRY(xcv_pubkey_parse(a->spki, &v->anchor_key));
    out->key = &v->anchor_key;
    out->has_key_usage = 0;
    out->key_usage = 0;
    out->ski = a->ski;
    if (a->cert_der.n > 0 && xcv_cert_parse(a->cert_der, &v->anchor_cert, NULL) == XCV_OK) {
        out->has_key_usage = (v->anchor_cert.ext_present & XCV_EXT_KEY_USAGE) != 0;
        out->key_usage = v->anchor_cert.key_usage;
        out->ski = v->anchor_cert.ski;
    }
    return XCV_OK;
}

/*
 * RFC 5280 6.3 with the caller's CRLs: the leaf (XCV_REVOCATION_LEAF) or
 * every certificate below the anchor (XCV_REVOCATION_ALL), each against
 * its issuer in this path. Signature verifications of CRLs spend the same
 * budget as certificate signatures.
 */
static xcv_err check_revocation(struct judge_ctx *j, const int *path, size_t len,
                                const struct xcv_path_cand *cand, int *out_index)
{
    const struct xcv_params *p = j->p;
    struct xcv_result *r = j->r;
    size_t upto = p->revocation == XCV_REVOCATION_ALL ? len : 1;

    for (size_t i = 0; i < upto; i++) {
        struct xcv_crl_issuer iss;
        struct xcv_crl_check chk;
        struct xcv_crl_status st;
        xcv_err err;

        *out_index = path[i];
        err = crl_issuer_of(j, path, len, i, cand, &iss);
        if (err != XCV_OK) {
            /* Only an anchor's key is decoded here. */
            *out_index = XCV_INDEX_ANCHOR;
            return err;
        }
        chk.crls = p->crls;
        chk.count = p->crl_count;
        chk.now = p->now;
        chk.hard_fail = (p->revocation_flags & XCV_REVOCATION_HARD_FAIL) != 0;
        chk.sig_flags = p->flags & XCV_FLAG_ALLOW_SHA1;
        chk.min_rsa_bits = p->min_rsa_bits;
        chk.cache = p->cache;
        chk.sig_budget = r->sig_checks < p->sig_budget ? p->sig_budget - r->sig_checks : 0;
        err = xcv_crl_check_cert(&j->v->certs[path[i]], &iss, &chk, &st);
        r->sig_checks += st.sig_checks;
        r->cache_hits += st.cache_hits;
        if (err != XCV_OK) {
            j->pend_crl_index = st.crl_index;
            if (err == XCV_ERR_REVOKED) {
                j->pend_revocation_date = st.revocation_date;
                j->pend_reason = st.reason;
            }
            return err;
        }
    }
    return XCV_OK;
}

/* A path that reaches an anchor passed every per-link check: the checks
 * over the whole path. On success the policy outcome goes to the result. */
static xcv_err judge_complete(struct judge_ctx *j, const int *path, size_t len,
                              const struct xcv_path_cand *cand, int *out_index)
{
    struct xcv_result *r = j->r;

    XCV_TRY(check_policies(j, path, len, out_index));
    if (j->p->revocation != XCV_REVOCATION_OFF) {
        XCV_TRY(check_revocation(j, path, len, cand, out_index));
    }
    r->policy_any = j->pr.any;
    r->policy_count = j->pr.count;
    memcpy(r->policies, j->pr.oids, sizeof(r->policies));
    return XCV_OK;
}

/* path.c reports a failure: attach (or clear) the CRL details. */
static void on_record(void *ctx, int from_judge)
{
    struct judge_ctx *j = (struct judge_ctx *)ctx;
    struct xcv_result *r = j->r;

    r->crl_index = from_judge ? j->pend_crl_index : -1;
    r->revocation_date = from_judge ? j->pend_revocation_date : 0;
    r->revocation_reason = from_judge ? j->pend_reason : XCV_CRL_REASON_NONE;
}

static xcv_err judge(void *ctx, const int *path, size_t len, const struct xcv_path_cand *cand,
                     int *out_index)
{
    struct judge_ctx *j = (struct judge_ctx *)ctx;
    struct xcv_verifier *v = j->v;
    int child = path[len - 1];
    xcv_err err;

    j->pend_crl_index = -1;
    j->pend_revocation_date = 0;
    j->pend_reason = XCV_CRL_REASON_NONE;

    if (cand->self) {
        /* The leaf itself is trusted: nothing above it to verify. */
        *out_index = child;
        return check_anchor_time(j, cand->anchor, v->certs[child].not_after);
    }
    if (cand->index == XCV_INDEX_ANCHOR) {
        const struct xcv_anchor *a = cand->anchor;
        *out_index = XCV_INDEX_ANCHOR;
        XCV_TRY(check_anchor_time(j, a, a->not_after));
        XCV_TRY(check_anchor_cert(j, a, path, len));
        XCV_TRY(apply_nc(j, path, len, a->nc_permitted, a->nc_excluded, out_index));
        XCV_TRY(sig_by_anchor(j, child, a, out_index));
        return judge_complete(j, path, len, cand, out_index);
    }

    int issuer = cand->index;
    const struct xcv_cert *ic = &v->certs[issuer];
    *out_index = issuer;
    if (cand->anchor != NULL) {
        /* A presented certificate the store trusts exactly (a pin). */
        XCV_TRY(check_anchor_time(j, cand->anchor, ic->not_after));
        XCV_TRY(check_anchor_cert(j, cand->anchor, path, len));
        XCV_TRY(apply_nc(j, path, len, cand->anchor->nc_permitted, cand->anchor->nc_excluded,
                         out_index));
        XCV_TRY(sig_by_presented(j, child, issuer, out_index));
        return judge_complete(j, path, len, cand, out_index);
    }
    /* An intermediate CA: issuer-independent checks, cached per certificate. */
    if ((v->ca_checked & (1u << issuer)) == 0) {
        v->ca_err[issuer] = xcv_check_ca(ic, j->p);
        v->ca_checked |= 1u << issuer;
    }
    XCV_TRY(v->ca_err[issuer]);
    /* RFC 5280 6.1.4 (l), (m): pathLenConstraint gives "the maximum number of
     * non-self-issued intermediate certificates that may follow this
     * certificate in a valid certification path." */
    XCV_TRY(check_pathlen(v, path, len, ic->path_len));
    XCV_TRY(apply_nc(j, path, len, ic->nc_permitted, ic->nc_excluded, out_index));
    err = sig_by_presented(j, child, issuer, out_index);
    return err;
}

/* ------------------------------------------------------------------------ */
/* xcv_verify                                                                */
/* ------------------------------------------------------------------------ */

static void result_reset(struct xcv_result *r)
{
    memset(r, 0, sizeof(*r));
    r->err = XCV_OK;
    r->cert_index = XCV_INDEX_NONE;
    r->top_index = XCV_INDEX_NONE;
    for (size_t i = 0; i < XCV_MAX_DEPTH; i++) {
        r->path[i] = XCV_INDEX_NONE;
    }
    r->anchor = NULL;
    r->untrusted_issuer = xcv_slice_empty();
    r->crl_index = -1;
    r->revocation_reason = XCV_CRL_REASON_NONE;
}

static xcv_err fail(struct xcv_result *r, xcv_err err, int index)
{
    r->err = err;
    r->cert_index = index;
    return err;
}

static void finish_budgets(const struct xcv_verifier *v, const struct xcv_params *p,
                           struct xcv_result *r)
{
    r->nc_checks = p->nc_budget - v->nc_left;
}

/* see xcv.h */
xcv_err xcv_verify(struct xcv_verifier *v, const struct xcv_params *params,
                   const struct xcv_anchor_store *store, const xcv_slice *certs, size_t n,
                   const struct xcv_ref *ref, struct xcv_result *result)
{
    xcv_err err;
    xcv_err id_err = XCV_OK;
    const struct xcv_cert *leaf;
    struct judge_ctx jc;
    struct xcv_path_search s;

    if (result == NULL) {
        return XCV_ERR_INVALID_ARGUMENT;
    }
    result_reset(result);
    if (v == NULL || params == NULL || store == NULL || store->vt == NULL ||
        store->vt->next_issuer == NULL || store->vt->trusts_cert == NULL ||
        (certs == NULL && n > 0)) {
        return fail(result, XCV_ERR_INVALID_ARGUMENT, XCV_INDEX_NONE);
    }
    if (params->max_depth < 1 || params->max_depth > XCV_MAX_DEPTH ||
        params->min_rsa_bits < 1024 || (params->trace == NULL && params->trace_cap > 0) ||
        params->purpose > XCV_PURPOSE_CODE_SIGNING) {
        return fail(result, XCV_ERR_INVALID_ARGUMENT, XCV_INDEX_NONE);
    }
    if (params->revocation > XCV_REVOCATION_ALL || (params->crls == NULL && params->crl_count > 0) ||
        (params->initial_policies == NULL && params->initial_policy_count > 0)) {
        return fail(result, XCV_ERR_INVALID_ARGUMENT, XCV_INDEX_NONE);
    }
    if (params->revocation != XCV_REVOCATION_OFF) {
        /* Every CRL must be well formed, whichever certificate it is for: a
         * malformed CRL is the caller's data error, reported at once. */
        for (size_t i = 0; i < params->crl_count; i++) {
            struct xcv_crl crl;
            err = xcv_crl_parse(params->crls[i], &crl);
            if (err != XCV_OK) {
                result->crl_index = (int)i;
                return fail(result, err, XCV_INDEX_NONE);
            }
        }
    }
    if (n == 0) {
        return fail(result, XCV_ERR_NO_CERTIFICATES, XCV_INDEX_NONE);
    }
    if (n > XCV_MAX_PRESENTED) {
        return fail(result, XCV_ERR_TOO_MANY_CERTIFICATES, XCV_INDEX_NONE);
    }
    if (ref != NULL && ref->type != XCV_REF_NONE) {
        err = xcv_ref_check(ref);
        if (err != XCV_OK) {
            return fail(result, err, XCV_INDEX_NONE);
        }
    }

    /* Private state for this call. */
    v->count = n;
    v->parsed = 0;
    /* SHA-256 of a certificate or SPKI: computed on demand (xcv_path_*_sha256). */
    v->cert_hashed = 0;
    v->spki_hashed = 0;
    v->ca_checked = 0;
    memset(v->sig_ok, 0, sizeof(v->sig_ok));
    memset(v->sig_bad, 0, sizeof(v->sig_bad));
    v->anchor_memo_n = 0;
    v->path_len = 0;
    v->nc_left = params->nc_budget;

    /* The leaf must parse; other certificates that do not are ignored extras. */
    for (size_t i = 0; i < n; i++) {
        size_t off = 0;
        err = xcv_cert_parse(certs[i], &v->certs[i], &off);
        if (err != XCV_OK) {
            memset(&v->certs[i], 0, sizeof(v->certs[i]));
            if (i == 0) {
                result->der_offset = off;
                return fail(result, err, 0);
            }
            continue;
        }
        v->parsed |= 1u << i;
    }
    leaf = &v->certs[0];

    /* Identity first: cheap, no signature; reported after the path (see the
     * header comment). */
    if (ref != NULL && ref->type != XCV_REF_NONE) {
        id_err = xcv_ident_match(leaf, ref, params->flags);
        if (id_err != XCV_OK && id_err != XCV_ERR_NAME_MISMATCH) {
            return fail(result, id_err,
                        (id_err == XCV_ERR_BAD_REFERENCE || id_err == XCV_ERR_REFERENCE_NOT_ASCII)
                            ? XCV_INDEX_NONE
                            : 0);
        }
    }

    /* Checks of the leaf alone. */
    err = xcv_check_structure(leaf);
    if (err == XCV_OK) {
        err = xcv_check_validity(leaf, params);
    }
    if (err == XCV_OK && (leaf->ext_present & XCV_EXT_BASIC_CONSTRAINTS) != 0 && leaf->is_ca &&
        (params->flags & XCV_FLAG_ALLOW_CA_LEAF) == 0 &&
        xcv_path_trusts_cert(store, v, 0) == NULL) {
        /* webpki: a CA certificate is not an end entity. */
        err = XCV_ERR_LEAF_IS_CA;
    }
    if (err == XCV_OK) {
        err = xcv_check_leaf_usage(leaf, params->purpose);
    }
    if (err == XCV_OK && leaf->key.type == XCV_KEY_DSA) {
        /* DSA: no longer approved for signature generation (FIPS 186-5) and
         * excluded by CABF BR 6.1.5 (RSA and ECDSA only); xcv verifies no
         * DSA signature either. */
        err = XCV_ERR_UNSUPPORTED_KEY;
    }
    if (err == XCV_OK && (leaf->key.type == XCV_KEY_RSA || leaf->key.type == XCV_KEY_EC)) {
        /* The leaf key signs the handshake: the same key policy as issuers
         * (RSA size and exponent, EC point on the curve). */
        /* The SPKI digest keys the cache entry of an EC point check only. */
        err = xcv_sig_check_key_cached(
            params->cache, &leaf->key,
            params->cache != NULL && leaf->key.type == XCV_KEY_EC ? xcv_path_spki_sha256(v, 0)
                                                                  : NULL,
            params->min_rsa_bits);
    }
    if (err != XCV_OK) {
        result->path[0] = 0;
        result->path_len = 1;
        result->top_index = 0;
        return fail(result, err, 0);
    }

    memset(&jc, 0, sizeof(jc));
    jc.v = v;
    jc.p = params;
    jc.r = result;
    jc.pend_crl_index = -1;
    jc.pend_reason = XCV_CRL_REASON_NONE;
    s.v = v;
    s.params = params;
    s.store = store;
    s.judge = judge;
    s.judge_ctx = &jc;
    s.result = result;
    s.on_record = on_record;
    err = xcv_path_build(&s);
    finish_budgets(v, params, result);
    if (err < XCV_ERR_REVOKED || err > XCV_ERR_CRL_UNSUPPORTED) {
        /* CRL details only describe a reported revocation failure. */
        result->crl_index = -1;
        result->revocation_date = 0;
        result->revocation_reason = XCV_CRL_REASON_NONE;
    }
    if (err != XCV_OK) {
        return err;
    }
    if (id_err != XCV_OK) {
        /* A valid path to a name the certificate does not cover. */
        return fail(result, id_err, 0);
    }
    return XCV_OK;
}
