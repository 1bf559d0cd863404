/*
 * xcv.h -- public API of xcv, an X.509 certificate chain verifier.
 *
 * Overview
 *   xcv parses DER certificates into views over the caller's bytes, builds
 *   certification paths from a leaf to a trust anchor (backtracking over
 *   alternatives), checks every RFC 5280 path rule it implements, matches the
 *   leaf against the name the application connected to, and reports the exact
 *   error and the index of the certificate at fault.
 *
 * Memory
 *   The core never allocates, never uses stdio, never reads the clock or the
 *   environment. Every structure below is owned by the caller; every xcv_slice
 *   a parser returns points into the caller's DER and is valid only as long
 *   as that DER is.
 *
 * Threads
 *   No function keeps hidden state. Distinct objects may be used from
 *   distinct threads at once; one object (verifier, store, cache) must not be
 *   used by two threads at once.
 *
 * Error values are stable: they are never renumbered or reused.
 * Ranges: DER 100s, PEM 150s, certificate 200s, path 300s, identity and
 * name constraints 400s, budgets 500s, revocation 600s, policies 700s,
 * usage 900s.
 */
#ifndef XCV_H
#define XCV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) || defined(__clang__)
#define XCV_API      __attribute__((visibility("default")))
#define XCV_MUST_USE __attribute__((warn_unused_result))
#else
#define XCV_API
#define XCV_MUST_USE
#endif

/* ------------------------------------------------------------------------ */
/* Slices                                                                    */
/* ------------------------------------------------------------------------ */

/* A view of n bytes at p. Never owns memory. */
typedef struct xcv_slice {
    const uint8_t *p;
    size_t n;
} xcv_slice;

/* ------------------------------------------------------------------------ */
/* Errors                                                                    */
/* ------------------------------------------------------------------------ */

typedef enum xcv_err {
    XCV_OK = 0,

    /* DER (100s): the bytes are not valid DER. */
    XCV_ERR_DER_TRUNCATED = 100,         /* a length runs past the buffer */
    XCV_ERR_DER_UNEXPECTED_TAG = 101,    /* a different tag than the structure requires */
    XCV_ERR_DER_HIGH_TAG = 102,          /* high-tag-number form (tag number >= 31) */
    XCV_ERR_DER_INDEFINITE_LENGTH = 103, /* BER indefinite length (0x80) */
    XCV_ERR_DER_NON_MINIMAL_LENGTH = 104,/* length not in its shortest form */
    XCV_ERR_DER_LENGTH_OVERFLOW = 105,   /* length field longer than supported */
    XCV_ERR_DER_TRAILING_DATA = 106,     /* bytes after the end of a structure */
    XCV_ERR_DER_BAD_INTEGER = 107,       /* empty or non-minimal INTEGER */
    XCV_ERR_DER_BAD_BOOLEAN = 108,       /* BOOLEAN not one byte 0x00/0xFF */
    XCV_ERR_DER_BAD_BIT_STRING = 109,    /* bad unused-bits count or nonzero padding */
    XCV_ERR_DER_BAD_OID = 110,           /* empty OID or non-minimal arc */
    XCV_ERR_DER_BAD_TIME = 111,          /* time not as RFC 5280 4.1.2.5 requires */
    XCV_ERR_DER_BAD_STRING = 112,        /* a string with characters its type forbids */
    XCV_ERR_DER_TOO_DEEP = 113,          /* nesting deeper than supported */
    XCV_ERR_DER_BAD_NULL = 114,          /* NULL with content */
    XCV_ERR_DER_DEFAULT_ENCODED = 115,   /* a DEFAULT value explicitly encoded */
    XCV_ERR_DER_INTEGER_RANGE = 116,     /* INTEGER negative or too large here */

    /* PEM (150s). */
    XCV_ERR_PEM_NOT_FOUND = 150,     /* no BEGIN CERTIFICATE block */
    XCV_ERR_PEM_BAD_BASE64 = 151,    /* invalid base64 in a block */
    XCV_ERR_PEM_NO_END = 152,        /* BEGIN without matching END */
    XCV_ERR_PEM_BUFFER_SMALL = 153,  /* decoded data does not fit the buffer */

    /* Certificate structure (200s). */
    XCV_ERR_CERT_BAD_VERSION = 200,          /* version not v1/v2/v3, or v1 explicit */
    XCV_ERR_CERT_BAD_SERIAL = 201,           /* serial malformed or longer than 20 octets */
    XCV_ERR_CERT_SIG_ALG_MISMATCH = 202,     /* outer and TBS signature algorithms differ */
    XCV_ERR_CERT_BAD_ALGORITHM = 203,        /* malformed AlgorithmIdentifier/parameters */
    XCV_ERR_CERT_BAD_VALIDITY = 204,         /* malformed validity */
    XCV_ERR_CERT_BAD_NAME = 205,             /* malformed issuer or subject Name */
    XCV_ERR_CERT_BAD_SPKI = 206,             /* malformed SubjectPublicKeyInfo */
    XCV_ERR_CERT_BAD_RSA_KEY = 207,          /* malformed RSA public key */
    XCV_ERR_CERT_BAD_EC_KEY = 208,           /* malformed EC key or unknown encoding */
    XCV_ERR_CERT_UNIQUE_ID_NOT_ALLOWED = 209,/* unique IDs in a v1 certificate */
    XCV_ERR_CERT_EXTENSIONS_NOT_ALLOWED = 210,/* extensions in a v1/v2 certificate */
    XCV_ERR_CERT_BAD_EXTENSIONS = 211,       /* malformed Extensions list */
    XCV_ERR_CERT_BAD_EXTENSION = 212,        /* a known extension with malformed content */
    XCV_ERR_CERT_DUPLICATE_EXTENSION = 213,  /* the same extension twice */
    XCV_ERR_CERT_UNKNOWN_CRITICAL_EXTENSION = 214, /* critical extension not understood */
    XCV_ERR_CERT_BAD_SIGNATURE_VALUE = 215,  /* signature BIT STRING malformed */
    XCV_ERR_CERT_NEGATIVE_SERIAL = 216,      /* serial number negative (recorded, rejected by verify) */
    XCV_ERR_CERT_ZERO_SERIAL = 217,          /* serial number zero */
    XCV_ERR_CERT_EMPTY_EXTENSIONS = 218,     /* extensions present but empty */
    XCV_ERR_CERT_BAD_SAN = 219,              /* malformed subjectAltName */
    XCV_ERR_CERT_EMPTY_SUBJECT_NO_SAN = 220, /* empty subject without critical SAN */
    XCV_ERR_CERT_EMPTY_ISSUER = 221,         /* issuer name is empty */

    /* Path building and path checks (300s). */
    XCV_ERR_UNKNOWN_ISSUER = 300,        /* no trusted path: issuer not found / not trusted */
    XCV_ERR_BAD_SIGNATURE = 301,         /* signature does not verify */
    XCV_ERR_EXPIRED = 302,               /* now > notAfter */
    XCV_ERR_NOT_YET_VALID = 303,         /* now < notBefore */
    XCV_ERR_NOT_A_CA = 304,              /* issuer without basicConstraints cA=TRUE, or not v3 */
    XCV_ERR_PATH_LEN_EXCEEDED = 305,     /* a CA's pathLenConstraint is violated */
    XCV_ERR_PATH_TOO_LONG = 306,         /* the path would exceed max_depth */
    XCV_ERR_CA_KEY_USAGE = 307,          /* issuer keyUsage lacks keyCertSign */
    XCV_ERR_LEAF_KEY_USAGE = 308,        /* leaf keyUsage incompatible with the purpose */
    XCV_ERR_EKU_NOT_ALLOWED = 309,       /* EKU does not allow the purpose */
    XCV_ERR_LEAF_IS_CA = 310,            /* the leaf is a CA certificate (server purpose) */
    XCV_ERR_UNSUPPORTED_ALGORITHM = 311, /* signature algorithm not supported */
    XCV_ERR_INSECURE_ALGORITHM = 312,    /* MD5 or SHA-1 (SHA-1 allowed only by flag) */
    XCV_ERR_RSA_KEY_TOO_SMALL = 313,     /* RSA modulus below min_rsa_bits */
    XCV_ERR_BAD_RSA_EXPONENT = 314,      /* RSA exponent even or < 3 */
    XCV_ERR_BAD_EC_POINT = 315,          /* EC point not on the curve */
    XCV_ERR_UNSUPPORTED_KEY = 316,       /* key type not supported for signatures */
    XCV_ERR_KEY_ALG_MISMATCH = 317,      /* signature algorithm does not fit the issuer key */
    XCV_ERR_ANCHOR_EXPIRED = 318,        /* the trust anchor is past its not-after */
    XCV_ERR_BAD_PSS_PARAMS = 319,        /* RSASSA-PSS parameters malformed or unsupported */
    XCV_ERR_BAD_ECDSA_SIGNATURE = 320,   /* ECDSA signature DER malformed */
    XCV_ERR_V1_CA = 321,                 /* v1/v2 certificate used as a CA */
    XCV_ERR_VALIDITY_ORDER = 322,        /* notBefore after notAfter */
    XCV_ERR_PIN_EXPIRED = 323,           /* a pinned exception is past its time limit */

    /* Identity and name constraints (400s). */
    XCV_ERR_NAME_MISMATCH = 400,         /* the certificate does not cover the reference */
    XCV_ERR_BAD_REFERENCE = 401,         /* reference identity malformed */
    XCV_ERR_REFERENCE_NOT_ASCII = 402,   /* U-label in a DNS reference (convert with IDNA) */
    XCV_ERR_NAME_NOT_PERMITTED = 403,    /* a name outside a CA's permitted subtrees */
    XCV_ERR_NAME_EXCLUDED = 404,         /* a name inside a CA's excluded subtrees */
    XCV_ERR_NC_UNSUPPORTED = 405,        /* constraint on a name type xcv does not support */
    XCV_ERR_NC_MALFORMED = 406,          /* malformed nameConstraints */
    XCV_ERR_BAD_SAN_NAME = 407,          /* a SAN entry is malformed for its type */

    /* Budgets (500s): fatal, never backtracked. */
    XCV_ERR_SIGNATURE_BUDGET = 500,      /* signature-check budget exhausted */
    XCV_ERR_CANDIDATE_BUDGET = 501,      /* candidate budget exhausted */
    XCV_ERR_NC_BUDGET = 502,             /* name-constraint comparison budget exhausted */
    XCV_ERR_POLICY_BUDGET = 503,         /* policy-processing budget exhausted */

    /* Revocation with caller-supplied CRLs (600s). */
    XCV_ERR_REVOKED = 600,               /* a CRL lists the certificate (cert_index, result.crl_*) */
    XCV_ERR_CRL_MALFORMED = 601,         /* a CRL is not a valid RFC 5280 v2 CRL */
    XCV_ERR_CRL_BAD_SIGNATURE = 602,     /* the CRL signature does not verify under the issuer key */
    XCV_ERR_CRL_EXPIRED = 603,           /* now > the CRL's nextUpdate */
    XCV_ERR_CRL_NOT_YET_VALID = 604,     /* now < the CRL's thisUpdate */
    XCV_ERR_CRL_MISSING = 605,           /* hard-fail: no current CRL from the issuer covers it */
    XCV_ERR_CRL_ISSUER_NO_CRLSIGN = 606, /* the CRL issuer's keyUsage lacks cRLSign */
    XCV_ERR_CRL_UNKNOWN_CRITICAL = 607,  /* a CRL or entry extension is critical and not understood */
    XCV_ERR_CRL_UNSUPPORTED = 608,       /* delta CRL or indirect CRL (not supported) */

    /* Certificate policies, RFC 5280 6.1 (700s). */
    XCV_ERR_POLICY_MALFORMED = 700,      /* malformed policy extension (or a duplicate policy) */
    XCV_ERR_POLICY_REQUIRED = 701,       /* explicit policy required, no acceptable policy */
    XCV_ERR_POLICY_MAPPING_ANY = 702,    /* a policy mapping to or from anyPolicy */
    XCV_ERR_POLICY_CAPACITY = 703,       /* more policy nodes than XCV_POLICY_MAX_NODES */

    /* Usage (900s). */
    XCV_ERR_INVALID_ARGUMENT = 900,      /* NULL pointer or inconsistent parameters */
    XCV_ERR_NO_CERTIFICATES = 901,       /* no certificate presented */
    XCV_ERR_TOO_MANY_CERTIFICATES = 902, /* more presented certificates than XCV_MAX_PRESENTED */
    XCV_ERR_BUFFER_TOO_SMALL = 903,      /* caller buffer too small */
    XCV_ERR_STORE_FULL = 904             /* anchor store capacity reached */
} xcv_err;

/* Stable identifier of an error, e.g. "XCV_ERR_UNKNOWN_ISSUER"; "XCV_ERR_?" if unknown. */
XCV_API const char *xcv_err_name(xcv_err err);
/* One sentence describing an error. */
XCV_API const char *xcv_strerror(xcv_err err);

/* ------------------------------------------------------------------------ */
/* Time                                                                      */
/* ------------------------------------------------------------------------ */

/* Seconds since 1970-01-01T00:00:00Z, proleptic Gregorian, no leap seconds. */
typedef int64_t xcv_time;

/* GeneralizedTime 99991231235959Z: "no well-defined expiration" (RFC 5280). */
#define XCV_TIME_NONE INT64_MAX

/* Converts a civil UTC date-time; returns XCV_ERR_DER_BAD_TIME for an invalid one. */
XCV_API XCV_MUST_USE xcv_err xcv_time_from_civil(int year, int month, int day, int hour,
                                                 int minute, int second, xcv_time *out_t);
/* Writes "YYYY-MM-DDTHH:MM:SSZ" and a NUL into out (21 bytes). */
XCV_API void xcv_time_format(xcv_time t, char out[21]);

/* ------------------------------------------------------------------------ */
/* Certificates                                                              */
/* ------------------------------------------------------------------------ */

typedef enum xcv_key_type {
    XCV_KEY_UNKNOWN = 0,
    XCV_KEY_RSA = 1,
    XCV_KEY_EC = 2,
    XCV_KEY_ED25519 = 3,
    XCV_KEY_ED448 = 4,
    XCV_KEY_DSA = 5,
    XCV_KEY_RSA_PSS = 6 /* id-RSASSA-PSS key OID */
} xcv_key_type;

typedef enum xcv_curve {
    XCV_CURVE_NONE = 0,
    XCV_CURVE_P256 = 1,
    XCV_CURVE_P384 = 2,
    XCV_CURVE_P521 = 3,
    XCV_CURVE_OTHER = 4 /* a named curve xcv does not support */
} xcv_curve;

typedef enum xcv_sig_alg {
    XCV_SIG_UNKNOWN = 0,
    XCV_SIG_RSA_PKCS1_MD5 = 1,
    XCV_SIG_RSA_PKCS1_SHA1 = 2,
    XCV_SIG_RSA_PKCS1_SHA224 = 3,
    XCV_SIG_RSA_PKCS1_SHA256 = 4,
    XCV_SIG_RSA_PKCS1_SHA384 = 5,
    XCV_SIG_RSA_PKCS1_SHA512 = 6,
    XCV_SIG_RSA_PSS = 7, /* parameters in sig_params */
    XCV_SIG_ECDSA_SHA1 = 8,
    XCV_SIG_ECDSA_SHA224 = 9,
    XCV_SIG_ECDSA_SHA256 = 10,
    XCV_SIG_ECDSA_SHA384 = 11,
    XCV_SIG_ECDSA_SHA512 = 12,
    XCV_SIG_ED25519 = 13,
    XCV_SIG_ED448 = 14,
    XCV_SIG_DSA = 15
} xcv_sig_alg;

/* Extensions, as bits of xcv_cert.ext_present / ext_critical. */
#define XCV_EXT_BASIC_CONSTRAINTS    (1u << 0)
#define XCV_EXT_KEY_USAGE            (1u << 1)
#define XCV_EXT_EXT_KEY_USAGE        (1u << 2)
#define XCV_EXT_SUBJECT_ALT_NAME     (1u << 3)
#define XCV_EXT_NAME_CONSTRAINTS     (1u << 4)
#define XCV_EXT_AUTHORITY_KEY_ID     (1u << 5)
#define XCV_EXT_SUBJECT_KEY_ID       (1u << 6)
#define XCV_EXT_CERT_POLICIES        (1u << 7)
#define XCV_EXT_POLICY_MAPPINGS      (1u << 8)
#define XCV_EXT_POLICY_CONSTRAINTS   (1u << 9)
#define XCV_EXT_INHIBIT_ANY_POLICY   (1u << 10)
#define XCV_EXT_CRL_DIST_POINTS      (1u << 11)
#define XCV_EXT_AUTHORITY_INFO       (1u << 12)
#define XCV_EXT_ISSUER_ALT_NAME      (1u << 13)
#define XCV_EXT_SUBJECT_DIR_ATTRS    (1u << 14)
#define XCV_EXT_FRESHEST_CRL         (1u << 15)
#define XCV_EXT_SUBJECT_INFO         (1u << 16)
#define XCV_EXT_SCT_LIST             (1u << 17)
#define XCV_EXT_OTHER                (1u << 31) /* any extension xcv does not know */

/* keyUsage bits (RFC 5280 4.2.1.3): bit n of the BIT STRING is (1u << n). */
#define XCV_KU_DIGITAL_SIGNATURE (1u << 0)
#define XCV_KU_NON_REPUDIATION   (1u << 1)
#define XCV_KU_KEY_ENCIPHERMENT  (1u << 2)
#define XCV_KU_DATA_ENCIPHERMENT (1u << 3)
#define XCV_KU_KEY_AGREEMENT     (1u << 4)
#define XCV_KU_KEY_CERT_SIGN     (1u << 5)
#define XCV_KU_CRL_SIGN          (1u << 6)
#define XCV_KU_ENCIPHER_ONLY     (1u << 7)
#define XCV_KU_DECIPHER_ONLY     (1u << 8)

/* extKeyUsage purposes, as bits of xcv_cert.eku. */
#define XCV_EKU_SERVER_AUTH      (1u << 0)
#define XCV_EKU_CLIENT_AUTH      (1u << 1)
#define XCV_EKU_CODE_SIGNING     (1u << 2)
#define XCV_EKU_EMAIL_PROTECTION (1u << 3)
#define XCV_EKU_TIME_STAMPING    (1u << 4)
#define XCV_EKU_OCSP_SIGNING     (1u << 5)
#define XCV_EKU_ANY              (1u << 6) /* anyExtendedKeyUsage */
#define XCV_EKU_OTHER            (1u << 7) /* at least one purpose xcv does not name */

/* xcv_cert.flags: facts recorded by parsing for verification to judge. */
#define XCV_CERT_DUPLICATE_EXTENSION   (1u << 0)
#define XCV_CERT_UNKNOWN_CRITICAL      (1u << 1)
#define XCV_CERT_NEGATIVE_SERIAL       (1u << 2)
#define XCV_CERT_ZERO_SERIAL           (1u << 3)
#define XCV_CERT_BAD_EXTENSION         (1u << 4) /* see ext_err */
#define XCV_CERT_SELF_ISSUED_BYTES     (1u << 5) /* issuer and subject bytes identical */
#define XCV_CERT_SERIAL_TOO_LONG       (1u << 6) /* serial > 20 octets */

/* A decoded SubjectPublicKeyInfo. Slices point into the SPKI bytes. */
struct xcv_pubkey {
    xcv_slice spki;         /* SubjectPublicKeyInfo TLV */
    xcv_slice alg_der;      /* its AlgorithmIdentifier TLV */
    xcv_slice bits;         /* subjectPublicKey bytes (BIT STRING, no unused bits) */
    xcv_key_type type;
    unsigned key_bits;      /* RSA modulus bits; EC curve bits; 256 Ed25519; 0 unknown */
    xcv_slice rsa_n;        /* RSA modulus, big-endian, no leading zero */
    xcv_slice rsa_e;        /* RSA public exponent, big-endian, no leading zero */
    xcv_curve curve;        /* EC only */
    xcv_slice ec_point;     /* EC only: the point octets (0x04 || X || Y) */
};

/*
 * Decodes a SubjectPublicKeyInfo TLV (exactly spki.n bytes). Unknown key
 * algorithms decode with type XCV_KEY_UNKNOWN (not an error); malformed RSA
 * or EC keys are errors.
 */
XCV_API XCV_MUST_USE xcv_err xcv_pubkey_parse(xcv_slice spki, struct xcv_pubkey *out);

/*
 * One parsed certificate. Every slice points into der. Parsing validates the
 * DER of the whole certificate and the content of every extension it knows;
 * it does not judge (expiry, duplicates, unknown critical extensions are
 * recorded here and rejected by xcv_verify, so a tool can still show them).
 */
struct xcv_cert {
    xcv_slice der;      /* the whole Certificate TLV */
    xcv_slice tbs;      /* the TBSCertificate TLV (what is signed) */
    int version;        /* 1, 2 or 3 */
    xcv_slice serial;   /* INTEGER content octets (two's complement, minimal) */

    xcv_sig_alg sig_alg;    /* from the outer signatureAlgorithm */
    xcv_slice sig_alg_der;  /* the outer AlgorithmIdentifier TLV */
    xcv_slice sig_params;   /* its parameters TLV (empty when absent) */
    xcv_slice signature;    /* signatureValue bytes (BIT STRING, no unused bits) */

    xcv_slice issuer;       /* issuer Name TLV (SEQUENCE) */
    xcv_slice subject;      /* subject Name TLV (SEQUENCE) */
    xcv_time not_before;
    xcv_time not_after;

    xcv_slice spki;         /* SubjectPublicKeyInfo TLV */
    struct xcv_pubkey key;  /* the decoded subject public key */

    xcv_slice issuer_uid;   /* BIT STRING content (empty when absent) */
    xcv_slice subject_uid;

    xcv_slice extensions;   /* content of the Extensions SEQUENCE (empty when absent) */
    uint32_t ext_present;   /* XCV_EXT_* bits */
    uint32_t ext_critical;  /* XCV_EXT_* bits of the extensions marked critical */
    uint32_t flags;         /* XCV_CERT_* bits */
    xcv_err ext_err;        /* first malformed extension's error (XCV_OK if none) */
    xcv_slice ext_err_oid;  /* OID content of the extension ext_err is about */

    /* basicConstraints */
    int is_ca;              /* cA = TRUE */
    int path_len;           /* pathLenConstraint, or -1 when absent */
    /* keyUsage: XCV_KU_* bits (valid when XCV_EXT_KEY_USAGE is present) */
    uint32_t key_usage;
    /* extKeyUsage: XCV_EKU_* bits, and the raw SEQUENCE content */
    uint32_t eku;
    xcv_slice eku_der;
    /* subjectAltName: content of the GeneralNames SEQUENCE */
    xcv_slice san;
    /* issuerAltName: content of its GeneralNames SEQUENCE */
    xcv_slice ian;
    /* nameConstraints: content of the permitted [0] and excluded [1] subtrees */
    xcv_slice nc_permitted;
    xcv_slice nc_excluded;
    /* keyIdentifiers */
    xcv_slice aki_key_id;   /* AKI keyIdentifier octets (empty when absent) */
    xcv_slice ski;          /* SKI octets */
    /* raw extension values (extnValue content) for later processing */
    xcv_slice policies;           /* certificatePolicies */
    xcv_slice policy_mappings;
    xcv_slice policy_constraints;
    xcv_slice inhibit_any_policy;
    xcv_slice crl_dp;             /* cRLDistributionPoints */
    xcv_slice aia;                /* authorityInfoAccess */
};

/*
 * Parses one DER certificate occupying exactly der.n bytes.
 * On success fills *out_cert; on failure returns the error and, when
 * out_offset is not NULL, the byte offset in der where parsing failed.
 */
XCV_API XCV_MUST_USE xcv_err xcv_cert_parse(xcv_slice der, struct xcv_cert *out_cert,
                                            size_t *out_offset);

/* GeneralName types: the context tag number of the CHOICE (RFC 5280 4.2.1.6). */
typedef enum xcv_gn_type {
    XCV_GN_OTHER_NAME = 0,
    XCV_GN_RFC822 = 1,
    XCV_GN_DNS = 2,
    XCV_GN_X400 = 3,
    XCV_GN_DIRECTORY = 4,
    XCV_GN_EDI_PARTY = 5,
    XCV_GN_URI = 6,
    XCV_GN_IP = 7,
    XCV_GN_REGISTERED_ID = 8
} xcv_gn_type;

struct xcv_general_name {
    xcv_gn_type type;
    /* The value: for DNS/RFC822/URI the IA5String bytes; for IP the 4 or 16
     * address bytes (8 or 32 in name constraints: address then mask); for
     * directoryName the Name TLV; for others the content octets. */
    xcv_slice value;
};

/* Iterator over a GeneralNames SEQUENCE content (SAN, IAN, subtrees). */
typedef struct xcv_gn_iter {
    xcv_slice rest;
    xcv_err err; /* XCV_OK, or why iteration stopped early */
} xcv_gn_iter;

XCV_API void xcv_gn_iter_init(xcv_gn_iter *it, xcv_slice general_names);
/* 1: *out filled; 0: end of list or malformed (it->err tells). */
XCV_API int xcv_gn_next(xcv_gn_iter *it, struct xcv_general_name *out);

/* Distinguished-name attributes. */
typedef enum xcv_dn_attr_type {
    XCV_DN_OTHER = 0,
    XCV_DN_CN,
    XCV_DN_C,
    XCV_DN_O,
    XCV_DN_OU,
    XCV_DN_L,
    XCV_DN_ST,
    XCV_DN_STREET,
    XCV_DN_SERIAL_NUMBER,
    XCV_DN_EMAIL, /* PKCS#9 emailAddress */
    XCV_DN_DC,
    XCV_DN_UID,
    XCV_DN_TITLE,
    XCV_DN_GIVEN_NAME,
    XCV_DN_SURNAME,
    XCV_DN_POSTAL_CODE,
    XCV_DN_ORG_ID
} xcv_dn_attr_type;

struct xcv_dn_attr {
    xcv_dn_attr_type type;
    xcv_slice oid;       /* attribute type OID content octets */
    uint8_t str_tag;     /* DER tag of the value (0x0C UTF8String, 0x13 Printable, ...) */
    xcv_slice value;     /* value content octets */
    size_t rdn_index;    /* which RDN (0 = first) the attribute is in */
};

typedef struct xcv_dn_iter {
    xcv_slice rdns;      /* remaining RDNs */
    xcv_slice rdn;       /* remaining attributes of the current RDN */
    size_t rdn_index;
    xcv_err err;
} xcv_dn_iter;

/* name: a Name TLV (as xcv_cert.issuer/subject). */
XCV_API void xcv_dn_iter_init(xcv_dn_iter *it, xcv_slice name);
XCV_API int xcv_dn_next(xcv_dn_iter *it, struct xcv_dn_attr *out);

/*
 * Formats a Name TLV as an RFC 4514-like string ("CN=a, O=b, C=c", in the
 * order written, most significant first), escaping control and non-ASCII
 * bytes as \XX. Always NUL-terminates when cap > 0; returns the length the
 * full string needs (excluding NUL), so truncation shows as a return >= cap.
 */
XCV_API size_t xcv_dn_format(xcv_slice name, char *out, size_t cap);

/* Compares two Name TLVs by RFC 5280 7.1 rules (case-insensitive, folded spaces
 * for PrintableString/UTF8String ASCII). 1 equal, 0 different or malformed. */
XCV_API int xcv_dn_equal(xcv_slice a, xcv_slice b);

/* ------------------------------------------------------------------------ */
/* Hashing                                                                   */
/* ------------------------------------------------------------------------ */

/* SHA-256 of data (BearSSL). */
XCV_API void xcv_sha256(xcv_slice data, uint8_t out[32]);

/* ------------------------------------------------------------------------ */
/* PEM                                                                       */
/* ------------------------------------------------------------------------ */

/*
 * Finds the next "-----BEGIN CERTIFICATE-----" (or TRUSTED CERTIFICATE)
 * block in *in, decodes it into out (capacity out_cap) and advances *in past
 * its END line. Text outside blocks is ignored; CRLF accepted; base64 strict.
 * Returns XCV_ERR_PEM_NOT_FOUND when no further block exists.
 * XCV_ERR_PEM_BUFFER_SMALL: *out_len is the size needed, *in is unchanged.
 * XCV_ERR_PEM_BAD_BASE64 / XCV_ERR_PEM_NO_END: *in is advanced past the
 * broken block's BEGIN line, so a caller can skip it and continue.
 * Nothing is written to out on any error.
 */
XCV_API XCV_MUST_USE xcv_err xcv_pem_next(xcv_slice *in, uint8_t *out, size_t out_cap,
                                          size_t *out_len);

/*
 * Same as xcv_pem_next for blocks whose label is exactly `label` (a
 * NUL-terminated string, e.g. "X509 CRL" for RFC 7468 section 6 CRLs);
 * blocks with other labels are skipped. XCV_ERR_INVALID_ARGUMENT for a NULL
 * or empty label.
 */
XCV_API XCV_MUST_USE xcv_err xcv_pem_next_label(xcv_slice *in, const char *label, uint8_t *out,
                                                size_t out_cap, size_t *out_len);

/* ------------------------------------------------------------------------ */
/* Trust anchors                                                             */
/* ------------------------------------------------------------------------ */

/* xcv_anchor.flags */
#define XCV_ANCHOR_ENFORCE_EXPIRY (1u << 0) /* not_after applies (default for certificates) */
#define XCV_ANCHOR_PIN            (1u << 1) /* a pinned exception for exactly one certificate */
/* Only check that the anchor certificate is a CA (cA=TRUE, keyCertSign when
 * keyUsage is present), not the full RFC 5280/CABF root profile. Set by the
 * system store loader (xcv_file_store_add_system): the OS bundle vouches
 * for its roots, some of which predate the profile. */
#define XCV_ANCHOR_LAX_PROFILE    (1u << 2)

/*
 * A trust anchor: a subject name and a public key, optionally name
 * constraints and a not-after. When it came from a certificate, cert_der
 * holds it (then a presented certificate equal to it ends a path there).
 */
struct xcv_anchor {
    xcv_slice subject;      /* Name TLV */
    xcv_slice spki;         /* SubjectPublicKeyInfo TLV */
    xcv_slice ski;          /* subjectKeyIdentifier octets, or empty */
    xcv_slice nc_permitted; /* name constraints the anchor imposes, as in xcv_cert */
    xcv_slice nc_excluded;
    xcv_time not_after;     /* XCV_TIME_NONE for none */
    xcv_slice cert_der;     /* the certificate, when the anchor is one (else empty) */
    uint8_t pin_sha256[32]; /* XCV_ANCHOR_PIN: SHA-256 of the pinned certificate or SPKI */
    uint32_t flags;
    uint32_t subject_hash;  /* filled by stores: hash of the normalised subject */
};

/*
 * Fills an anchor from a DER certificate (subject, SPKI, SKI, name
 * constraints, not-after with expiry enforced). The anchor points into der.
 */
XCV_API XCV_MUST_USE xcv_err xcv_anchor_from_cert(xcv_slice der, struct xcv_anchor *out);

/* Cursor a store uses to enumerate candidates across calls. */
struct xcv_anchor_cursor {
    size_t pos;
    size_t sub;
    uint32_t hash;
};

struct xcv_anchor_store;

struct xcv_anchor_store_vtable {
    /*
     * Yields the next anchor whose subject may equal issuer_name (a Name TLV).
     * aki is the child's AKI keyIdentifier (may be empty) and may be used to
     * order or filter. cur starts zeroed. Returns NULL when there is no more.
     * Stores may return false positives (the caller compares names).
     */
    const struct xcv_anchor *(*next_issuer)(const struct xcv_anchor_store *store,
                                            xcv_slice issuer_name, xcv_slice aki,
                                            struct xcv_anchor_cursor *cur);
    /*
     * Returns an anchor trusting exactly this certificate (the certificate
     * itself is the anchor: a pin, or the identical certificate in the
     * store), or NULL. cert_sha256/spki_sha256 are precomputed hashes
     * (SHA-256 of cert->der and cert->spki). The built-in sorted store does
     * not read them and receives NULL from xcv_verify (which hashes only
     * for stores that may read them).
     */
    const struct xcv_anchor *(*trusts_cert)(const struct xcv_anchor_store *store,
                                            const struct xcv_cert *cert,
                                            const uint8_t cert_sha256[32],
                                            const uint8_t spki_sha256[32]);
};

struct xcv_anchor_store {
    const struct xcv_anchor_store_vtable *vt;
};

/*
 * Indexed store over caller memory: anchors sorted by subject hash, binary
 * search on lookup (cost independent of the store size).
 */
struct xcv_anchors_sorted {
    struct xcv_anchor_store base; /* first: pass &s.base as the store */
    struct xcv_anchor *anchors;
    size_t count;
    size_t cap;
    int sorted;
};
XCV_API void xcv_anchors_sorted_init(struct xcv_anchors_sorted *s, struct xcv_anchor *storage,
                                     size_t cap);
/* Copies *a into the store (the slices keep pointing to the caller's bytes). */
XCV_API XCV_MUST_USE xcv_err xcv_anchors_sorted_add(struct xcv_anchors_sorted *s,
                                                    const struct xcv_anchor *a);
/* Sorts the index; call after the last add (add after finish is allowed: finish again). */
XCV_API void xcv_anchors_sorted_finish(struct xcv_anchors_sorted *s);

/* A chain of stores, tried in order (application store first, then system). */
#define XCV_STORE_CHAIN_MAX 8
struct xcv_anchors_chain {
    struct xcv_anchor_store base;
    const struct xcv_anchor_store *stores[XCV_STORE_CHAIN_MAX];
    size_t count;
};
XCV_API void xcv_anchors_chain_init(struct xcv_anchors_chain *c);
XCV_API XCV_MUST_USE xcv_err xcv_anchors_chain_add(struct xcv_anchors_chain *c,
                                                   const struct xcv_anchor_store *store);

/*
 * Pinned exceptions: certificates the user chose to trust by SHA-256 of the
 * certificate DER or of its SPKI, each optionally only until a time.
 */
#define XCV_PIN_CERT 0
#define XCV_PIN_SPKI 1
struct xcv_pin {
    uint8_t sha256[32];
    int kind;            /* XCV_PIN_CERT or XCV_PIN_SPKI */
    xcv_time until;      /* XCV_TIME_NONE: no limit */
    struct xcv_anchor anchor; /* filled by the store when the pin matches */
};
struct xcv_anchors_pinned {
    struct xcv_anchor_store base;
    struct xcv_pin *pins;
    size_t count;
};
XCV_API void xcv_anchors_pinned_init(struct xcv_anchors_pinned *s, struct xcv_pin *pins,
                                     size_t count);

/* ------------------------------------------------------------------------ */
/* Signature cache (optional)                                                */
/* ------------------------------------------------------------------------ */

struct xcv_sig_cache_entry {
    uint8_t key[32]; /* SHA-256 over (issuer SPKI, algorithm, TBS hash, signature) */
    uint32_t stamp;
};
struct xcv_sig_cache {
    struct xcv_sig_cache_entry *entries;
    size_t cap;
    uint32_t clock;
    uint64_t hits;
    uint64_t misses;
};
XCV_API void xcv_sig_cache_init(struct xcv_sig_cache *c, struct xcv_sig_cache_entry *entries,
                                size_t cap);

/* ------------------------------------------------------------------------ */
/* Verification                                                              */
/* ------------------------------------------------------------------------ */

#define XCV_MAX_DEPTH     8  /* compile-time maximum path length, counting the anchor */
#define XCV_MAX_PRESENTED 32 /* maximum presented certificates */

typedef enum xcv_purpose {
    XCV_PURPOSE_ANY = 0,
    XCV_PURPOSE_SERVER = 1, /* id-kp-serverAuth */
    XCV_PURPOSE_CLIENT = 2, /* id-kp-clientAuth */
    XCV_PURPOSE_EMAIL = 3,  /* id-kp-emailProtection */
    XCV_PURPOSE_CODE_SIGNING = 4
} xcv_purpose;

/* xcv_params.flags */
#define XCV_FLAG_ALLOW_SHA1          (1u << 0) /* accept SHA-1 signatures */
#define XCV_FLAG_CN_FALLBACK         (1u << 1) /* match the subject CN when no DNS/IP SAN */
#define XCV_FLAG_IGNORE_ANCHOR_EXPIRY (1u << 2)/* anchors given as certificates never expire */
#define XCV_FLAG_ALLOW_CA_LEAF       (1u << 3) /* accept a CA certificate as leaf */
#define XCV_FLAG_NO_TIME_CHECK       (1u << 4) /* skip validity periods (diagnostic use only) */
/* Anchors given as certificates need not follow the RFC 5280 / CABF CA
 * profile (critical basicConstraints, SKI present, AKI naming the root
 * itself, no EKU, non-critical AKI/SKI, critical policyConstraints, RSA
 * modulus a multiple of 8 bits): for private roots made before those rules
 * were enforced. cA=TRUE, keyCertSign and a non-empty subject still apply. */
#define XCV_FLAG_LAX_ANCHOR_PROFILE  (1u << 5)

/* xcv_params.revocation: which certificates are checked against params.crls. */
#define XCV_REVOCATION_OFF  0u /* no revocation checking (default) */
#define XCV_REVOCATION_LEAF 1u /* the leaf only */
#define XCV_REVOCATION_ALL  2u /* every certificate of the path except the trust anchor */
/* xcv_params.revocation_flags */
#define XCV_REVOCATION_HARD_FAIL (1u << 0) /* a checked certificate without a current, valid,
                                              in-scope CRL from its issuer fails; without it
                                              (soft-fail) only a listed serial fails */

/* xcv_params.policy_flags: RFC 5280 6.1.1 inputs (all default false). */
#define XCV_POLICY_EXPLICIT        (1u << 0) /* initial-explicit-policy */
#define XCV_POLICY_INHIBIT_MAPPING (1u << 1) /* initial-policy-mapping-inhibit */
#define XCV_POLICY_INHIBIT_ANY     (1u << 2) /* initial-any-policy-inhibit */
#define XCV_POLICY_BUDGET_DEFAULT  100000ul  /* policy-graph operations per path */
#define XCV_MAX_RESULT_POLICIES    8         /* policies stored in struct xcv_result */

/*
 * Policy processing works on a bounded graph (one node per policy OID per
 * path level, as BoringSSL and Go do, instead of the RFC's tree, whose size
 * can grow exponentially). Its nodes live in caller memory: at most
 * XCV_POLICY_MAX_NODES over the whole path, else XCV_ERR_POLICY_CAPACITY.
 * The fields are private.
 */
#define XCV_POLICY_MAX_NODES 128
struct xcv_policy_node {
    xcv_slice oid;   /* valid_policy (content octets); empty for anyPolicy */
    uint16_t level;  /* depth: 0 is the trust anchor's anyPolicy node */
    uint16_t flags;
};
struct xcv_policy_work {
    struct xcv_policy_node nodes[XCV_POLICY_MAX_NODES];
    size_t count;
    size_t level_start[XCV_MAX_DEPTH + 1]; /* first node of each level */
    unsigned long ops;                     /* operations counted against the budget */
};

/* Reference identity: what the application connected to. */
typedef enum xcv_ref_type {
    XCV_REF_NONE = 0,  /* no identity check */
    XCV_REF_DNS = 1,   /* host name (one trailing dot ignored) */
    XCV_REF_IP = 2,    /* IPv4 dotted quad or IPv6 text */
    XCV_REF_EMAIL = 3, /* mailbox local@domain */
    XCV_REF_URI = 4    /* URI, e.g. a SPIFFE ID */
} xcv_ref_type;

struct xcv_ref {
    xcv_ref_type type;
    xcv_slice name; /* text, not NUL-terminated (an embedded NUL is rejected) */
};

/* One path attempt, recorded when params.trace_cap > 0. */
struct xcv_trace_entry {
    int child;      /* index of the certificate whose issuer was sought */
    int candidate;  /* presented index of the candidate issuer, or XCV_INDEX_ANCHOR */
    unsigned depth; /* path length including the candidate */
    xcv_err err;    /* what ended the attempt (XCV_OK: it completed the path) */
};

struct xcv_params {
    xcv_time now;            /* verification time (the caller reads the clock) */
    xcv_purpose purpose;     /* default XCV_PURPOSE_SERVER */
    uint32_t flags;          /* XCV_FLAG_* */
    unsigned min_rsa_bits;   /* default 2048; 1024 minimum accepted value */
    unsigned max_depth;      /* certificates in a path, counting the anchor: default and max 8;
                                self-issued intermediates are not counted (as for
                                pathLenConstraint), the path never exceeds XCV_MAX_DEPTH */
    unsigned sig_budget;     /* signature verifications per call, default 100 */
    unsigned candidate_budget; /* candidate issuers tried per call, default 1000 */
    unsigned long nc_budget; /* name-constraint comparisons per call, default 250000 */
    struct xcv_sig_cache *cache;        /* optional verified-signature cache */
    struct xcv_trace_entry *trace;      /* optional trace buffer */
    size_t trace_cap;
    /* Revocation with caller-supplied CRLs (xcv never fetches). Off by default. */
    const xcv_slice *crls;       /* DER CertificateList views (must outlive the call), or NULL */
    size_t crl_count;
    unsigned revocation;         /* XCV_REVOCATION_OFF (default), _LEAF or _ALL */
    uint32_t revocation_flags;   /* XCV_REVOCATION_HARD_FAIL */
    /* Certificate policies (RFC 5280 6.1.1 inputs). */
    const xcv_slice *initial_policies; /* user-initial-policy-set: OID content octets;
                                          NULL or 0 entries: {anyPolicy} */
    size_t initial_policy_count;
    uint32_t policy_flags;       /* XCV_POLICY_EXPLICIT | _INHIBIT_MAPPING | _INHIBIT_ANY */
    unsigned long policy_budget; /* policy-graph operations per path; 0: XCV_POLICY_BUDGET_DEFAULT */
};

/* Fills safe defaults (now = 0: the caller must set the time). */
XCV_API void xcv_params_default(struct xcv_params *p);

#define XCV_INDEX_NONE   (-1)
#define XCV_INDEX_ANCHOR (-2)

struct xcv_result {
    xcv_err err;
    int cert_index;      /* presented index at fault, XCV_INDEX_ANCHOR or XCV_INDEX_NONE */
    size_t der_offset;   /* for parse errors: offset in that certificate */
    /* The chosen path (valid result), or the furthest path (failure). */
    int path[XCV_MAX_DEPTH]; /* presented indices, leaf first; the anchor is separate */
    size_t path_len;
    const struct xcv_anchor *anchor; /* the anchor that ends the path, or NULL */
    /* XCV_ERR_UNKNOWN_ISSUER: the issuer name nobody trusts, and the topmost certificate */
    xcv_slice untrusted_issuer;
    int top_index;
    int top_self_signed;
    /* budgets used */
    unsigned sig_checks;
    unsigned candidates;
    unsigned depth_reached;
    unsigned long nc_checks;
    unsigned cache_hits;
    size_t trace_len;    /* entries written to params.trace (<= trace_cap) */
    size_t trace_total;  /* attempts made (may exceed trace_cap) */
    /* Revocation: for XCV_ERR_REVOKED (cert_index names the certificate) and
     * CRL errors, the index in params.crls of the CRL concerned, else -1. */
    int crl_index;
    xcv_time revocation_date;  /* XCV_ERR_REVOKED: the entry's revocationDate */
    int revocation_reason;     /* XCV_ERR_REVOKED: CRLReason (0..10), -1 when absent */
    /* Policies of the accepted path (RFC 5280 6.1.6 authorities-constrained
     * set, in the trust anchor's policy domain): policy_any when it is
     * anyPolicy, else policy_count OIDs (content octets, views into the
     * certificates; only the first XCV_MAX_RESULT_POLICIES are stored). */
    int policy_any;
    size_t policy_count;
    xcv_slice policies[XCV_MAX_RESULT_POLICIES];
};

/* Private to xcv_verify: one level of the explicit path-search stack. */
struct xcv_path_frame {
    struct xcv_anchor_cursor cursor; /* position in the anchor store */
    int phase;                       /* which candidate group is being enumerated */
    int next;                        /* next presented index to consider */
    int sub;                         /* presented candidate: 0 as anchor (pin), 1 as CA */
    int tried;                       /* candidates judged at this level */
};

/* Private to xcv_verify: anchor signature results, keyed by (child, anchor key). */
struct xcv_anchor_sig_memo {
    xcv_slice spki;
    int child;
    xcv_err err;
};
#define XCV_ANCHOR_MEMO 16

/*
 * Working memory for one verification; caller-allocated, reusable, not
 * shared between threads. Its size is part of the documented API (see
 * README). After xcv_verify returns, certs[0..count-1] hold the parsed
 * presented certificates (those whose bit is set in parsed), and
 * cert_sha256[i]/spki_sha256[i] the SHA-256 digests of certs[i]'s DER/SPKI
 * where bit i of cert_hashed/spki_hashed is set: digests are computed on
 * demand (a store that reads them, the signature cache), not for every
 * certificate; the rest is private.
 */
struct xcv_verifier {
    struct xcv_cert certs[XCV_MAX_PRESENTED];
    uint8_t cert_sha256[XCV_MAX_PRESENTED][32];
    uint8_t spki_sha256[XCV_MAX_PRESENTED][32];
    size_t count;
    uint32_t parsed;                     /* bit i: certs[i] parsed successfully */
    uint32_t cert_hashed;                /* bit i: cert_sha256[i] is computed */
    uint32_t spki_hashed;                /* bit i: spki_sha256[i] is computed */
    /* private: per-call caches */
    uint32_t ca_checked;                 /* bit i: ca_err[i] is valid */
    xcv_err ca_err[XCV_MAX_PRESENTED];   /* issuer-independent CA checks of certs[i] */
    uint32_t sig_ok[XCV_MAX_PRESENTED];  /* bit j of [i]: the key of issuer j verified cert i
                                            (j: first presented cert with that SPKI) */
    uint32_t sig_bad[XCV_MAX_PRESENTED]; /* bit j of [i]: that key failed on cert i */
    uint16_t sig_err[XCV_MAX_PRESENTED][XCV_MAX_PRESENTED]; /* the error when sig_bad */
    struct xcv_anchor_sig_memo anchor_memo[XCV_ANCHOR_MEMO];
    size_t anchor_memo_n;
    /* private: path search state */
    struct xcv_path_frame frames[XCV_MAX_DEPTH];
    int path[XCV_MAX_DEPTH];
    size_t path_len;
    unsigned long nc_left;               /* name-constraint comparisons left */
    struct xcv_pubkey anchor_key;        /* scratch: decoded anchor key */
    struct xcv_cert anchor_cert;         /* scratch: parsed anchor certificate */
    struct xcv_policy_work policy_work;  /* scratch: policy graph of a complete path */
};

/*
 * Verifies certs[0] (the leaf) up to a trust anchor from store, using
 * certs[1..n-1] as untrusted intermediates (any order, extras tolerated).
 * ref may be NULL (no identity check). Returns result->err.
 */
XCV_API XCV_MUST_USE xcv_err xcv_verify(struct xcv_verifier *v, const struct xcv_params *params,
                                        const struct xcv_anchor_store *store,
                                        const xcv_slice *certs, size_t n,
                                        const struct xcv_ref *ref, struct xcv_result *result);

/* ------------------------------------------------------------------------ */
/* Identity                                                                  */
/* ------------------------------------------------------------------------ */

/*
 * Checks that cert covers ref (DNS/IP/email/URI rules in DESIGN.md);
 * flags: XCV_FLAG_CN_FALLBACK. Returns XCV_OK, XCV_ERR_NAME_MISMATCH,
 * XCV_ERR_BAD_REFERENCE or XCV_ERR_REFERENCE_NOT_ASCII.
 */
XCV_API XCV_MUST_USE xcv_err xcv_ident_match(const struct xcv_cert *cert,
                                             const struct xcv_ref *ref, uint32_t flags);

/* Validates a reference identity alone. */
XCV_API XCV_MUST_USE xcv_err xcv_ref_check(const struct xcv_ref *ref);

/* Reasons a reference did not match (bits of xcv_ident_explain's *out_reasons). */
#define XCV_MISMATCH_NO_SAN           (1u << 0) /* the certificate has no subjectAltName */
#define XCV_MISMATCH_NO_DNS_SAN       (1u << 1) /* DNS reference, no dNSName SAN */
#define XCV_MISMATCH_NO_IP_SAN        (1u << 2) /* IP reference, no iPAddress SAN */
#define XCV_MISMATCH_NO_EMAIL_SAN     (1u << 3) /* email reference, no rfc822Name SAN */
#define XCV_MISMATCH_NO_URI_SAN       (1u << 4) /* URI reference, no URI SAN */
#define XCV_MISMATCH_CN_ONLY          (1u << 5) /* only the subject (CN/emailAddress) would
                                                   match: fallback off, or SANs forbid it */
#define XCV_MISMATCH_IP_AS_DNS        (1u << 6) /* IP reference spelled in a dNSName SAN */
#define XCV_MISMATCH_WILDCARD_DEPTH   (1u << 7) /* a wildcard would need to cover the bare
                                                   parent or more than one label */
#define XCV_MISMATCH_WILDCARD_SUFFIX  (1u << 8) /* a wildcard over a public suffix (*.co.uk) */
#define XCV_MISMATCH_PARTIAL_WILDCARD (1u << 9) /* a partial-label wildcard (f*.example.com) */
#define XCV_MISMATCH_MALFORMED_SAN    (1u << 10)/* SAN entries of the type were malformed */

/*
 * Same result as xcv_ident_match, and on XCV_ERR_NAME_MISMATCH sets
 * *out_reasons to XCV_MISMATCH_* bits saying why (0 when matched), for
 * diagnostics. A malformed subjectAltName returns XCV_ERR_CERT_BAD_SAN.
 */
XCV_API XCV_MUST_USE xcv_err xcv_ident_explain(const struct xcv_cert *cert,
                                               const struct xcv_ref *ref, uint32_t flags,
                                               unsigned *out_reasons);

/*
 * Lists the certificate's subjectAltName entries (all types) into out (up
 * to cap; out may be NULL when cap is 0) and returns how many there are,
 * which may exceed cap. out_has_dns/out_has_ip (may be NULL) are set to 1
 * when a dNSName / iPAddress entry exists (then the CN fallback never
 * applies). Returns 0 for a missing or malformed SAN.
 */
XCV_API size_t xcv_ident_list(const struct xcv_cert *cert, struct xcv_general_name *out,
                              size_t cap, int *out_has_ip, int *out_has_dns);

/* The most specific subject CN (the last one): 1 and *out_cn set, or 0 if none. */
XCV_API int xcv_ident_cn(const struct xcv_cert *cert, xcv_slice *out_cn);

/*
 * Formats an IP address: len 4 dotted quad, len 16 RFC 5952 text
 * (::ffff:a.b.c.d for IPv4-mapped), len 8 or 32 (a name constraint) as
 * "address/prefix" (or "address/mask" when the mask is not contiguous); other
 * lengths as hex. NUL-terminates when cap > 0; returns the length needed
 * (excluding the NUL), so truncation shows as a return >= cap.
 */
XCV_API size_t xcv_ip_format(const uint8_t *ip, size_t len, char *out, size_t cap);

#ifdef __cplusplus
}
#endif

#endif /* XCV_H */
