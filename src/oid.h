/*
 * oid.h -- the object identifiers xcv knows, as DER content octets.
 *
 * Each known OID has an enum id; lookups go from content bytes to id
 * (xcv_oid_lookup), from id to bytes (xcv_oid_bytes) and to a short display
 * name (xcv_oid_name). Mapping helpers turn ids into the public enums and
 * bit masks of xcv.h (signature algorithms, extension bits, EKU bits, DN
 * attribute types).
 */
#ifndef XCV_OID_H
#define XCV_OID_H

#include "internal.h"

typedef enum xcv_oid_id {
    XCV_OID_UNKNOWN = 0,
    XCV_OID_MD5_RSA,                /* 1.2.840.113549.1.1.4 */
    XCV_OID_SHA1_RSA,               /* 1.2.840.113549.1.1.5 */
    XCV_OID_SHA224_RSA,             /* 1.2.840.113549.1.1.14 */
    XCV_OID_SHA256_RSA,             /* 1.2.840.113549.1.1.11 */
    XCV_OID_SHA384_RSA,             /* 1.2.840.113549.1.1.12 */
    XCV_OID_SHA512_RSA,             /* 1.2.840.113549.1.1.13 */
    XCV_OID_RSASSA_PSS,             /* 1.2.840.113549.1.1.10 */
    XCV_OID_ECDSA_SHA1,             /* 1.2.840.10045.4.1 */
    XCV_OID_ECDSA_SHA224,           /* 1.2.840.10045.4.3.1 */
    XCV_OID_ECDSA_SHA256,           /* 1.2.840.10045.4.3.2 */
    XCV_OID_ECDSA_SHA384,           /* 1.2.840.10045.4.3.3 */
    XCV_OID_ECDSA_SHA512,           /* 1.2.840.10045.4.3.4 */
    XCV_OID_ED25519,                /* 1.3.101.112 */
    XCV_OID_ED448,                  /* 1.3.101.113 */
    XCV_OID_DSA_SHA1,               /* 1.2.840.10040.4.3 */
    XCV_OID_DSA_SHA224,             /* 2.16.840.1.101.3.4.3.1 */
    XCV_OID_DSA_SHA256,             /* 2.16.840.1.101.3.4.3.2 */
    XCV_OID_RSA_ENCRYPTION,         /* 1.2.840.113549.1.1.1 */
    XCV_OID_EC_PUBLIC_KEY,          /* 1.2.840.10045.2.1 */
    XCV_OID_DSA,                    /* 1.2.840.10040.4.1 */
    XCV_OID_X25519,                 /* 1.3.101.110 */
    XCV_OID_X448,                   /* 1.3.101.111 */
    XCV_OID_P256,                   /* 1.2.840.10045.3.1.7 */
    XCV_OID_P384,                   /* 1.3.132.0.34 */
    XCV_OID_P521,                   /* 1.3.132.0.35 */
    XCV_OID_P192,                   /* 1.2.840.10045.3.1.1 */
    XCV_OID_P224,                   /* 1.3.132.0.33 */
    XCV_OID_SECP256K1,              /* 1.3.132.0.10 */
    XCV_OID_BRAINPOOL_P256R1,       /* 1.3.36.3.3.2.8.1.1.7 */
    XCV_OID_BRAINPOOL_P384R1,       /* 1.3.36.3.3.2.8.1.1.11 */
    XCV_OID_BRAINPOOL_P512R1,       /* 1.3.36.3.3.2.8.1.1.13 */
    XCV_OID_MD5,                    /* 1.2.840.113549.2.5 */
    XCV_OID_SHA1,                   /* 1.3.14.3.2.26 */
    XCV_OID_SHA224,                 /* 2.16.840.1.101.3.4.2.4 */
    XCV_OID_SHA256,                 /* 2.16.840.1.101.3.4.2.1 */
    XCV_OID_SHA384,                 /* 2.16.840.1.101.3.4.2.2 */
    XCV_OID_SHA512,                 /* 2.16.840.1.101.3.4.2.3 */
    XCV_OID_MGF1,                   /* 1.2.840.113549.1.1.8 */
    XCV_OID_EXT_BASIC_CONSTRAINTS,  /* 2.5.29.19 */
    XCV_OID_EXT_KEY_USAGE,          /* 2.5.29.15 */
    XCV_OID_EXT_EXT_KEY_USAGE,      /* 2.5.29.37 */
    XCV_OID_EXT_SUBJECT_ALT_NAME,   /* 2.5.29.17 */
    XCV_OID_EXT_ISSUER_ALT_NAME,    /* 2.5.29.18 */
    XCV_OID_EXT_NAME_CONSTRAINTS,   /* 2.5.29.30 */
    XCV_OID_EXT_AUTHORITY_KEY_ID,   /* 2.5.29.35 */
    XCV_OID_EXT_SUBJECT_KEY_ID,     /* 2.5.29.14 */
    XCV_OID_EXT_CERT_POLICIES,      /* 2.5.29.32 */
    XCV_OID_EXT_POLICY_MAPPINGS,    /* 2.5.29.33 */
    XCV_OID_EXT_POLICY_CONSTRAINTS, /* 2.5.29.36 */
    XCV_OID_EXT_INHIBIT_ANY_POLICY, /* 2.5.29.54 */
    XCV_OID_EXT_CRL_DIST_POINTS,    /* 2.5.29.31 */
    XCV_OID_EXT_FRESHEST_CRL,       /* 2.5.29.46 */
    XCV_OID_EXT_SUBJECT_DIR_ATTRS,  /* 2.5.29.9 */
    XCV_OID_EXT_AUTHORITY_INFO,     /* 1.3.6.1.5.5.7.1.1 */
    XCV_OID_EXT_SUBJECT_INFO,       /* 1.3.6.1.5.5.7.1.11 */
    XCV_OID_EXT_SCT_LIST,           /* 1.3.6.1.4.1.11129.2.4.2 */
    XCV_OID_KP_SERVER_AUTH,         /* 1.3.6.1.5.5.7.3.1 */
    XCV_OID_KP_CLIENT_AUTH,         /* 1.3.6.1.5.5.7.3.2 */
    XCV_OID_KP_CODE_SIGNING,        /* 1.3.6.1.5.5.7.3.3 */
    XCV_OID_KP_EMAIL_PROTECTION,    /* 1.3.6.1.5.5.7.3.4 */
    XCV_OID_KP_TIME_STAMPING,       /* 1.3.6.1.5.5.7.3.8 */
    XCV_OID_KP_OCSP_SIGNING,        /* 1.3.6.1.5.5.7.3.9 */
    XCV_OID_ANY_EKU,                /* 2.5.29.37.0 */
    XCV_OID_AT_CN,                  /* 2.5.4.3 */
    XCV_OID_AT_C,                   /* 2.5.4.6 */
    XCV_OID_AT_O,                   /* 2.5.4.10 */
    XCV_OID_AT_OU,                  /* 2.5.4.11 */
    XCV_OID_AT_L,                   /* 2.5.4.7 */
    XCV_OID_AT_ST,                  /* 2.5.4.8 */
    XCV_OID_AT_STREET,              /* 2.5.4.9 */
    XCV_OID_AT_SERIAL_NUMBER,       /* 2.5.4.5 */
    XCV_OID_AT_EMAIL,               /* 1.2.840.113549.1.9.1 */
    XCV_OID_AT_DC,                  /* 0.9.2342.19200300.100.1.25 */
    XCV_OID_AT_UID,                 /* 0.9.2342.19200300.100.1.1 */
    XCV_OID_AT_TITLE,               /* 2.5.4.12 */
    XCV_OID_AT_GIVEN_NAME,          /* 2.5.4.42 */
    XCV_OID_AT_SURNAME,             /* 2.5.4.4 */
    XCV_OID_AT_POSTAL_CODE,         /* 2.5.4.17 */
    XCV_OID_AT_ORG_ID,              /* 2.5.4.97 */
    XCV_OID_ANY_POLICY,             /* 2.5.29.32.0 */
    XCV_OID_COUNT
} xcv_oid_id;

/* The id of an OID given its content octets; XCV_OID_UNKNOWN when not known. */
xcv_oid_id xcv_oid_lookup(xcv_slice oid);

/* Content octets of a known OID (empty for XCV_OID_UNKNOWN or out of range). */
xcv_slice xcv_oid_bytes(xcv_oid_id id);

/* Short display name ("sha256WithRSAEncryption", "CN", "serverAuth"); "?" if unknown. */
const char *xcv_oid_name(xcv_oid_id id);

/* Dotted form ("2.5.29.19") of a known OID; "?" if unknown. */
const char *xcv_oid_dotted(xcv_oid_id id);

/*
 * Writes the dotted-decimal form of any OID content into out (NUL-terminated
 * when cap > 0); returns the length needed (excluding NUL). Malformed content
 * yields "?". Arcs above 2^64-1 are not representable and also yield "?".
 */
size_t xcv_oid_format(xcv_slice oid, char *out, size_t cap);

/* Signature algorithm of a signature-algorithm OID; XCV_SIG_UNKNOWN otherwise. */
xcv_sig_alg xcv_oid_sig_alg(xcv_oid_id id);

/* XCV_EXT_* bit of an extension OID; 0 when it is not a known extension. */
uint32_t xcv_oid_ext_bit(xcv_oid_id id);

/* XCV_EKU_* bit of a key purpose OID; 0 when it is not a named purpose. */
uint32_t xcv_oid_eku_bit(xcv_oid_id id);

/* Distinguished-name attribute type of an OID; XCV_DN_OTHER when not named. */
xcv_dn_attr_type xcv_oid_dn_attr(xcv_oid_id id);

/* Curve of a namedCurve OID: P-256/384/521, XCV_CURVE_OTHER for any other. */
xcv_curve xcv_oid_curve(xcv_oid_id id);

#endif
