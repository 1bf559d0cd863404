/*
 * errors.c -- stable names and one-sentence messages for every xcv_err.
 *
 * Implementation notes
 *   - Error values are sparse (0, 100s .. 900s), so the table is a const
 *     array of {value, name, message} rows in ascending value order, built
 *     with designated initializers; lookup is a binary search.
 *   - The name is produced by stringizing the enumerator itself, so it can
 *     never drift from the spelling in xcv.h.
 *   - No mutable state: the table is const and lives in read-only data.
 */
#include "xcv.h"

struct xcv_err_row {
    xcv_err value;
    const char *name;
    const char *message;
};

#define XCV_ERR_ROW(id, msg)                                                                      \
    {                                                                                             \
        .value = id, .name = #id, .message = msg                                                  \
    }

static const struct xcv_err_row xcv_err_rows[] = {
    XCV_ERR_ROW(XCV_OK, "The operation succeeded."),

    /* DER */
    XCV_ERR_ROW(XCV_ERR_DER_TRUNCATED,
                "The DER data is truncated: a length runs past the end of the buffer."),
    XCV_ERR_ROW(XCV_ERR_DER_UNEXPECTED_TAG,
                "The DER data has a different tag than the structure requires here."),
    XCV_ERR_ROW(XCV_ERR_DER_HIGH_TAG,
                "The DER data uses the high-tag-number form, which X.509 never needs."),
    XCV_ERR_ROW(XCV_ERR_DER_INDEFINITE_LENGTH,
                "The data uses a BER indefinite length; DER requires definite lengths."),
    XCV_ERR_ROW(XCV_ERR_DER_NON_MINIMAL_LENGTH,
                "A DER length is not encoded in its shortest form."),
    XCV_ERR_ROW(XCV_ERR_DER_LENGTH_OVERFLOW,
                "A DER length field is longer than supported (more than 4 octets)."),
    XCV_ERR_ROW(XCV_ERR_DER_TRAILING_DATA, "Unexpected bytes follow the end of a DER structure."),
    XCV_ERR_ROW(XCV_ERR_DER_BAD_INTEGER,
                "A DER INTEGER is empty or has redundant leading octets."),
    XCV_ERR_ROW(XCV_ERR_DER_BAD_BOOLEAN,
                "A DER BOOLEAN is not exactly one octet with value 0x00 or 0xFF."),
    XCV_ERR_ROW(XCV_ERR_DER_BAD_BIT_STRING,
                "A DER BIT STRING has a bad unused-bits count, nonzero padding or trailing "
                "zero bits."),
    XCV_ERR_ROW(XCV_ERR_DER_BAD_OID,
                "An OBJECT IDENTIFIER is empty, truncated or has a non-minimal or oversized arc."),
    XCV_ERR_ROW(XCV_ERR_DER_BAD_TIME,
                "A time is not a real UTC date in the YYMMDDHHMMSSZ or YYYYMMDDHHMMSSZ form "
                "RFC 5280 requires."),
    XCV_ERR_ROW(XCV_ERR_DER_BAD_STRING,
                "A string contains characters or a length its ASN.1 type forbids."),
    XCV_ERR_ROW(XCV_ERR_DER_TOO_DEEP, "The DER data is nested deeper than xcv supports."),
    XCV_ERR_ROW(XCV_ERR_DER_BAD_NULL, "A DER NULL has content; it must be empty."),
    XCV_ERR_ROW(XCV_ERR_DER_DEFAULT_ENCODED,
                "A field equal to its DEFAULT value is encoded; DER requires omitting it."),
    XCV_ERR_ROW(XCV_ERR_DER_INTEGER_RANGE,
                "An INTEGER is negative or too large for the field it encodes."),

    /* PEM */
    XCV_ERR_ROW(XCV_ERR_PEM_NOT_FOUND, "No -----BEGIN CERTIFICATE----- block was found in the "
                                      "input."),
    XCV_ERR_ROW(XCV_ERR_PEM_BAD_BASE64, "A PEM block contains invalid base64."),
    XCV_ERR_ROW(XCV_ERR_PEM_NO_END, "A PEM BEGIN line has no matching END line."),
    XCV_ERR_ROW(XCV_ERR_PEM_BUFFER_SMALL,
                "The decoded PEM data does not fit the buffer; pass a larger buffer."),

    /* Certificate */
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_VERSION,
                "The certificate version is not v1, v2 or v3, or v1 is encoded explicitly."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_SERIAL,
                "The certificate serial number is malformed or longer than 20 octets."),
    XCV_ERR_ROW(XCV_ERR_CERT_SIG_ALG_MISMATCH,
                "The outer signature algorithm differs from the one inside the TBSCertificate."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_ALGORITHM,
                "An AlgorithmIdentifier or its parameters are malformed."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_VALIDITY, "The certificate validity period is malformed."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_NAME, "The certificate issuer or subject name is malformed."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_SPKI, "The certificate SubjectPublicKeyInfo is malformed."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_RSA_KEY, "The certificate RSA public key is malformed."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_EC_KEY,
                "The certificate EC public key is malformed or uses an unknown encoding."),
    XCV_ERR_ROW(XCV_ERR_CERT_UNIQUE_ID_NOT_ALLOWED,
                "A v1 certificate carries unique identifiers, which need v2 or v3."),
    XCV_ERR_ROW(XCV_ERR_CERT_EXTENSIONS_NOT_ALLOWED,
                "A v1 or v2 certificate carries extensions, which need v3."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_EXTENSIONS, "The certificate extensions list is malformed."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_EXTENSION,
                "A known certificate extension has malformed content."),
    XCV_ERR_ROW(XCV_ERR_CERT_DUPLICATE_EXTENSION,
                "The certificate contains the same extension more than once."),
    XCV_ERR_ROW(XCV_ERR_CERT_UNKNOWN_CRITICAL_EXTENSION,
                "The certificate has a critical extension that xcv does not understand."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_SIGNATURE_VALUE,
                "The certificate signature BIT STRING is malformed."),
    XCV_ERR_ROW(XCV_ERR_CERT_NEGATIVE_SERIAL, "The certificate serial number is negative."),
    XCV_ERR_ROW(XCV_ERR_CERT_ZERO_SERIAL, "The certificate serial number is zero."),
    XCV_ERR_ROW(XCV_ERR_CERT_EMPTY_EXTENSIONS,
                "The certificate has an extensions field with no extensions in it."),
    XCV_ERR_ROW(XCV_ERR_CERT_BAD_SAN, "The certificate subjectAltName extension is malformed."),
    XCV_ERR_ROW(XCV_ERR_CERT_EMPTY_SUBJECT_NO_SAN,
                "The certificate subject is empty but it has no critical subjectAltName."),
    XCV_ERR_ROW(XCV_ERR_CERT_EMPTY_ISSUER, "The certificate issuer name is empty."),

    /* Path */
    XCV_ERR_ROW(XCV_ERR_UNKNOWN_ISSUER,
                "No trusted path was found: an issuer is missing or not a trust anchor."),
    XCV_ERR_ROW(XCV_ERR_BAD_SIGNATURE, "A certificate signature does not verify."),
    XCV_ERR_ROW(XCV_ERR_EXPIRED,
                "A certificate has expired: the verification time is after its notAfter."),
    XCV_ERR_ROW(XCV_ERR_NOT_YET_VALID,
                "A certificate is not yet valid: the verification time is before its notBefore."),
    XCV_ERR_ROW(XCV_ERR_NOT_A_CA,
                "An issuer is not a CA: it lacks basicConstraints cA=TRUE or is not v3."),
    XCV_ERR_ROW(XCV_ERR_PATH_LEN_EXCEEDED, "A CA's pathLenConstraint is exceeded by the path."),
    XCV_ERR_ROW(XCV_ERR_PATH_TOO_LONG, "The path would be longer than the maximum depth allowed."),
    XCV_ERR_ROW(XCV_ERR_CA_KEY_USAGE, "An issuer's keyUsage does not include keyCertSign."),
    XCV_ERR_ROW(XCV_ERR_LEAF_KEY_USAGE,
                "The leaf certificate's keyUsage does not allow the requested purpose."),
    XCV_ERR_ROW(XCV_ERR_EKU_NOT_ALLOWED,
                "An extendedKeyUsage in the path does not allow the requested purpose."),
    XCV_ERR_ROW(XCV_ERR_LEAF_IS_CA,
                "The leaf certificate is a CA certificate, which this purpose does not accept."),
    XCV_ERR_ROW(XCV_ERR_UNSUPPORTED_ALGORITHM,
                "A signature algorithm in the path is not supported."),
    XCV_ERR_ROW(XCV_ERR_INSECURE_ALGORITHM,
                "A signature uses MD5 or SHA-1; SHA-1 is accepted only with XCV_FLAG_ALLOW_SHA1."),
    XCV_ERR_ROW(XCV_ERR_RSA_KEY_TOO_SMALL,
                "An RSA key is smaller than the minimum size set in the parameters."),
    XCV_ERR_ROW(XCV_ERR_BAD_RSA_EXPONENT, "An RSA public exponent is even or smaller than 3."),
    XCV_ERR_ROW(XCV_ERR_BAD_EC_POINT, "An EC public key point is not on its curve."),
    XCV_ERR_ROW(XCV_ERR_UNSUPPORTED_KEY,
                "An issuer key type is not supported for signature verification."),
    XCV_ERR_ROW(XCV_ERR_KEY_ALG_MISMATCH,
                "The signature algorithm does not fit the issuer's public key type."),
    XCV_ERR_ROW(XCV_ERR_ANCHOR_EXPIRED, "The trust anchor is past its notAfter time."),
    XCV_ERR_ROW(XCV_ERR_BAD_PSS_PARAMS,
                "RSASSA-PSS parameters are malformed or not supported."),
    XCV_ERR_ROW(XCV_ERR_BAD_ECDSA_SIGNATURE, "An ECDSA signature is not well-formed DER."),
    XCV_ERR_ROW(XCV_ERR_V1_CA, "A v1 or v2 certificate is used as a CA, which is not allowed."),
    XCV_ERR_ROW(XCV_ERR_VALIDITY_ORDER, "A certificate's notBefore is after its notAfter."),
    XCV_ERR_ROW(XCV_ERR_PIN_EXPIRED, "A pinned certificate exception is past its time limit."),

    /* Identity and name constraints */
    XCV_ERR_ROW(XCV_ERR_NAME_MISMATCH,
                "The certificate is not valid for the name the application connected to."),
    XCV_ERR_ROW(XCV_ERR_BAD_REFERENCE, "The reference identity passed to xcv is malformed."),
    XCV_ERR_ROW(XCV_ERR_REFERENCE_NOT_ASCII,
                "The DNS reference name is not ASCII; convert it to A-labels with IDNA first."),
    XCV_ERR_ROW(XCV_ERR_NAME_NOT_PERMITTED,
                "A name is outside the permitted subtrees of a CA's name constraints."),
    XCV_ERR_ROW(XCV_ERR_NAME_EXCLUDED,
                "A name is inside the excluded subtrees of a CA's name constraints."),
    XCV_ERR_ROW(XCV_ERR_NC_UNSUPPORTED,
                "A name constraint applies to a name type xcv does not support."),
    XCV_ERR_ROW(XCV_ERR_NC_MALFORMED, "A nameConstraints extension is malformed."),
    XCV_ERR_ROW(XCV_ERR_BAD_SAN_NAME, "A subjectAltName entry is malformed for its type."),

    /* Budgets */
    XCV_ERR_ROW(XCV_ERR_SIGNATURE_BUDGET,
                "The signature-check budget was exhausted; raise sig_budget if this is expected."),
    XCV_ERR_ROW(XCV_ERR_CANDIDATE_BUDGET,
                "The candidate-issuer budget was exhausted; raise candidate_budget if this is "
                "expected."),
    XCV_ERR_ROW(XCV_ERR_NC_BUDGET,
                "The name-constraint comparison budget was exhausted; raise nc_budget if this is "
                "expected."),
    XCV_ERR_ROW(XCV_ERR_POLICY_BUDGET,
                "The certificate-policy processing budget was exhausted; raise policy_budget if "
                "this is expected."),

    /* Revocation */
    XCV_ERR_ROW(XCV_ERR_REVOKED, "The certificate has been revoked by its issuer's CRL."),
    XCV_ERR_ROW(XCV_ERR_CRL_MALFORMED,
                "A CRL is malformed or not a conforming RFC 5280 version 2 CRL (for example "
                "without a non-critical CRL number)."),
    XCV_ERR_ROW(XCV_ERR_CRL_BAD_SIGNATURE,
                "The CRL signature does not verify under the certificate issuer's key."),
    XCV_ERR_ROW(XCV_ERR_CRL_EXPIRED,
                "The only CRL from the certificate's issuer is past its nextUpdate time."),
    XCV_ERR_ROW(XCV_ERR_CRL_NOT_YET_VALID,
                "The only CRL from the certificate's issuer has a thisUpdate time in the future."),
    XCV_ERR_ROW(XCV_ERR_CRL_MISSING,
                "No current CRL from the certificate's issuer covers it, and revocation checking "
                "is hard-fail."),
    XCV_ERR_ROW(XCV_ERR_CRL_ISSUER_NO_CRLSIGN,
                "The CRL issuer's keyUsage extension does not include cRLSign."),
    XCV_ERR_ROW(XCV_ERR_CRL_UNKNOWN_CRITICAL,
                "A CRL or CRL entry extension is marked critical and xcv does not understand it."),
    XCV_ERR_ROW(XCV_ERR_CRL_UNSUPPORTED,
                "The CRL is a delta CRL or an indirect CRL, which xcv does not support."),

    /* Certificate policies */
    XCV_ERR_ROW(XCV_ERR_POLICY_MALFORMED,
                "A certificate policy extension is malformed or lists a policy twice."),
    XCV_ERR_ROW(XCV_ERR_POLICY_REQUIRED,
                "An explicit certificate policy is required and the path has no acceptable "
                "policy."),
    XCV_ERR_ROW(XCV_ERR_POLICY_MAPPING_ANY,
                "A policy mapping maps to or from anyPolicy, which RFC 5280 forbids."),
    XCV_ERR_ROW(XCV_ERR_POLICY_CAPACITY,
                "Policy processing needs more nodes than XCV_POLICY_MAX_NODES provides."),

    /* Usage */
    XCV_ERR_ROW(XCV_ERR_INVALID_ARGUMENT,
                "An argument is NULL or the parameters are inconsistent."),
    XCV_ERR_ROW(XCV_ERR_NO_CERTIFICATES, "No certificate was presented for verification."),
    XCV_ERR_ROW(XCV_ERR_TOO_MANY_CERTIFICATES,
                "More certificates were presented than XCV_MAX_PRESENTED allows."),
    XCV_ERR_ROW(XCV_ERR_BUFFER_TOO_SMALL, "The caller's buffer is too small; pass a larger one."),
    XCV_ERR_ROW(XCV_ERR_STORE_FULL,
                "The trust anchor store is full; give it more capacity."),
};

/* Row for err, or NULL. Rows are in ascending value order. */
static const struct xcv_err_row *xcv_err_find(xcv_err err)
{
    size_t lo = 0;
    size_t hi = sizeof(xcv_err_rows) / sizeof(xcv_err_rows[0]);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((int)xcv_err_rows[mid].value == (int)err) {
            return &xcv_err_rows[mid];
        }
        if ((int)xcv_err_rows[mid].value < (int)err) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

/* see xcv.h */
const char *xcv_err_name(xcv_err err)
{
    const struct xcv_err_row *r = xcv_err_find(err);
    return r != NULL ? r->name : "XCV_ERR_?";
}

/* see xcv.h */
const char *xcv_strerror(xcv_err err)
{
    const struct xcv_err_row *r = xcv_err_find(err);
    return r != NULL ? r->message : "unknown error";
}
