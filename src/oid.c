/*
 * oid.c -- the object identifiers xcv knows.
 *
 * Purpose
 *   One table, indexed by xcv_oid_id, of the OIDs the parser and the
 *   verifier act on: signature and key algorithms (RFC 3279, RFC 4055,
 *   RFC 5758, RFC 8410), named curves (RFC 5480), hashes, the certificate
 *   extensions of RFC 5280 4.2 plus the CT SCT list (RFC 6962 3.3), key
 *   purposes (RFC 5280 4.2.1.12), DN attribute types (RFC 5280 4.1.2.4 and
 *   appendix A, RFC 4519, RFC 4514 names), anyPolicy.
 *
 * Implementation notes
 *   - OIDs are stored as their DER content octets (generated once from the
 *     dotted forms, both kept in the table so a reviewer can check them).
 *   - Lookup is a linear scan comparing lengths first: about 80 entries,
 *     no allocation and no mutable state.
 */
#include "oid.h"

struct oid_entry {
    const char *bytes;
    uint8_t len;
    const char *name;
    const char *dotted;
};

static const struct oid_entry oid_table[XCV_OID_COUNT] = {
    [XCV_OID_UNKNOWN] = {"", 0, "?", "?"},
    [XCV_OID_MD5_RSA] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x04", 9, "md5WithRSAEncryption",
                         "1.2.840.113549.1.1.4"},
    [XCV_OID_SHA1_RSA] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x05", 9, "sha1WithRSAEncryption",
                          "1.2.840.113549.1.1.5"},
    [XCV_OID_SHA224_RSA] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0e", 9, "sha224WithRSAEncryption",
                            "1.2.840.113549.1.1.14"},
    [XCV_OID_SHA256_RSA] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b", 9, "sha256WithRSAEncryption",
                            "1.2.840.113549.1.1.11"},
    [XCV_OID_SHA384_RSA] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0c", 9, "sha384WithRSAEncryption",
                            "1.2.840.113549.1.1.12"},
    [XCV_OID_SHA512_RSA] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0d", 9, "sha512WithRSAEncryption",
                            "1.2.840.113549.1.1.13"},
    [XCV_OID_RSASSA_PSS] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0a", 9, "RSASSA-PSS",
                            "1.2.840.113549.1.1.10"},
    [XCV_OID_ECDSA_SHA1] = {"\x2a\x86\x48\xce\x3d\x04\x01", 7, "ecdsa-with-SHA1",
                            "1.2.840.10045.4.1"},
    [XCV_OID_ECDSA_SHA224] = {"\x2a\x86\x48\xce\x3d\x04\x03\x01", 8, "ecdsa-with-SHA224",
                              "1.2.840.10045.4.3.1"},
    [XCV_OID_ECDSA_SHA256] = {"\x2a\x86\x48\xce\x3d\x04\x03\x02", 8, "ecdsa-with-SHA256",
                              "1.2.840.10045.4.3.2"},
    [XCV_OID_ECDSA_SHA384] = {"\x2a\x86\x48\xce\x3d\x04\x03\x03", 8, "ecdsa-with-SHA384",
                              "1.2.840.10045.4.3.3"},
    [XCV_OID_ECDSA_SHA512] = {"\x2a\x86\x48\xce\x3d\x04\x03\x04", 8, "ecdsa-with-SHA512",
                              "1.2.840.10045.4.3.4"},
    [XCV_OID_ED25519] = {"\x2b\x65\x70", 3, "Ed25519", "1.3.101.112"},
    [XCV_OID_ED448] = {"\x2b\x65\x71", 3, "Ed448", "1.3.101.113"},
    [XCV_OID_DSA_SHA1] = {"\x2a\x86\x48\xce\x38\x04\x03", 7, "dsa-with-sha1", "1.2.840.10040.4.3"},
    [XCV_OID_DSA_SHA224] = {"\x60\x86\x48\x01\x65\x03\x04\x03\x01", 9, "dsa-with-sha224",
                            "2.16.840.1.101.3.4.3.1"},
    [XCV_OID_DSA_SHA256] = {"\x60\x86\x48\x01\x65\x03\x04\x03\x02", 9, "dsa-with-sha256",
                            "2.16.840.1.101.3.4.3.2"},
    [XCV_OID_RSA_ENCRYPTION] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01", 9, "rsaEncryption",
                                "1.2.840.113549.1.1.1"},
    [XCV_OID_EC_PUBLIC_KEY] = {"\x2a\x86\x48\xce\x3d\x02\x01", 7, "id-ecPublicKey",
                               "1.2.840.10045.2.1"},
    [XCV_OID_DSA] = {"\x2a\x86\x48\xce\x38\x04\x01", 7, "dsa", "1.2.840.10040.4.1"},
    [XCV_OID_X25519] = {"\x2b\x65\x6e", 3, "X25519", "1.3.101.110"},
    [XCV_OID_X448] = {"\x2b\x65\x6f", 3, "X448", "1.3.101.111"},
    [XCV_OID_P256] = {"\x2a\x86\x48\xce\x3d\x03\x01\x07", 8, "prime256v1", "1.2.840.10045.3.1.7"},
    [XCV_OID_P384] = {"\x2b\x81\x04\x00\x22", 5, "secp384r1", "1.3.132.0.34"},
    [XCV_OID_P521] = {"\x2b\x81\x04\x00\x23", 5, "secp521r1", "1.3.132.0.35"},
    [XCV_OID_P192] = {"\x2a\x86\x48\xce\x3d\x03\x01\x01", 8, "prime192v1", "1.2.840.10045.3.1.1"},
    [XCV_OID_P224] = {"\x2b\x81\x04\x00\x21", 5, "secp224r1", "1.3.132.0.33"},
    [XCV_OID_SECP256K1] = {"\x2b\x81\x04\x00\x0a", 5, "secp256k1", "1.3.132.0.10"},
    [XCV_OID_BRAINPOOL_P256R1] = {"\x2b\x24\x03\x03\x02\x08\x01\x01\x07", 9, "brainpoolP256r1",
                                  "1.3.36.3.3.2.8.1.1.7"},
    [XCV_OID_BRAINPOOL_P384R1] = {"\x2b\x24\x03\x03\x02\x08\x01\x01\x0b", 9, "brainpoolP384r1",
                                  "1.3.36.3.3.2.8.1.1.11"},
    [XCV_OID_BRAINPOOL_P512R1] = {"\x2b\x24\x03\x03\x02\x08\x01\x01\x0d", 9, "brainpoolP512r1",
                                  "1.3.36.3.3.2.8.1.1.13"},
    [XCV_OID_MD5] = {"\x2a\x86\x48\x86\xf7\x0d\x02\x05", 8, "md5", "1.2.840.113549.2.5"},
    [XCV_OID_SHA1] = {"\x2b\x0e\x03\x02\x1a", 5, "sha1", "1.3.14.3.2.26"},
    [XCV_OID_SHA224] = {"\x60\x86\x48\x01\x65\x03\x04\x02\x04", 9, "sha224",
                        "2.16.840.1.101.3.4.2.4"},
    [XCV_OID_SHA256] = {"\x60\x86\x48\x01\x65\x03\x04\x02\x01", 9, "sha256",
                        "2.16.840.1.101.3.4.2.1"},
    [XCV_OID_SHA384] = {"\x60\x86\x48\x01\x65\x03\x04\x02\x02", 9, "sha384",
                        "2.16.840.1.101.3.4.2.2"},
    [XCV_OID_SHA512] = {"\x60\x86\x48\x01\x65\x03\x04\x02\x03", 9, "sha512",
                        "2.16.840.1.101.3.4.2.3"},
    [XCV_OID_MGF1] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x08", 9, "id-mgf1", "1.2.840.113549.1.1.8"},
    [XCV_OID_EXT_BASIC_CONSTRAINTS] = {"\x55\x1d\x13", 3, "basicConstraints", "2.5.29.19"},
    [XCV_OID_EXT_KEY_USAGE] = {"\x55\x1d\x0f", 3, "keyUsage", "2.5.29.15"},
    [XCV_OID_EXT_EXT_KEY_USAGE] = {"\x55\x1d\x25", 3, "extKeyUsage", "2.5.29.37"},
    [XCV_OID_EXT_SUBJECT_ALT_NAME] = {"\x55\x1d\x11", 3, "subjectAltName", "2.5.29.17"},
    [XCV_OID_EXT_ISSUER_ALT_NAME] = {"\x55\x1d\x12", 3, "issuerAltName", "2.5.29.18"},
    [XCV_OID_EXT_NAME_CONSTRAINTS] = {"\x55\x1d\x1e", 3, "nameConstraints", "2.5.29.30"},
    [XCV_OID_EXT_AUTHORITY_KEY_ID] = {"\x55\x1d\x23", 3, "authorityKeyIdentifier", "2.5.29.35"},
    [XCV_OID_EXT_SUBJECT_KEY_ID] = {"\x55\x1d\x0e", 3, "subjectKeyIdentifier", "2.5.29.14"},
    [XCV_OID_EXT_CERT_POLICIES] = {"\x55\x1d\x20", 3, "certificatePolicies", "2.5.29.32"},
    [XCV_OID_EXT_POLICY_MAPPINGS] = {"\x55\x1d\x21", 3, "policyMappings", "2.5.29.33"},
    [XCV_OID_EXT_POLICY_CONSTRAINTS] = {"\x55\x1d\x24", 3, "policyConstraints", "2.5.29.36"},
    [XCV_OID_EXT_INHIBIT_ANY_POLICY] = {"\x55\x1d\x36", 3, "inhibitAnyPolicy", "2.5.29.54"},
    [XCV_OID_EXT_CRL_DIST_POINTS] = {"\x55\x1d\x1f", 3, "cRLDistributionPoints", "2.5.29.31"},
    [XCV_OID_EXT_FRESHEST_CRL] = {"\x55\x1d\x2e", 3, "freshestCRL", "2.5.29.46"},
    [XCV_OID_EXT_SUBJECT_DIR_ATTRS] = {"\x55\x1d\x09", 3, "subjectDirectoryAttributes", "2.5.29.9"},
    [XCV_OID_EXT_AUTHORITY_INFO] = {"\x2b\x06\x01\x05\x05\x07\x01\x01", 8, "authorityInfoAccess",
                                    "1.3.6.1.5.5.7.1.1"},
    [XCV_OID_EXT_SUBJECT_INFO] = {"\x2b\x06\x01\x05\x05\x07\x01\x0b", 8, "subjectInfoAccess",
                                  "1.3.6.1.5.5.7.1.11"},
    [XCV_OID_EXT_SCT_LIST] = {"\x2b\x06\x01\x04\x01\xd6\x79\x02\x04\x02", 10,
                              "signedCertificateTimestampList", "1.3.6.1.4.1.11129.2.4.2"},
    [XCV_OID_KP_SERVER_AUTH] = {"\x2b\x06\x01\x05\x05\x07\x03\x01", 8, "serverAuth",
                                "1.3.6.1.5.5.7.3.1"},
    [XCV_OID_KP_CLIENT_AUTH] = {"\x2b\x06\x01\x05\x05\x07\x03\x02", 8, "clientAuth",
                                "1.3.6.1.5.5.7.3.2"},
    [XCV_OID_KP_CODE_SIGNING] = {"\x2b\x06\x01\x05\x05\x07\x03\x03", 8, "codeSigning",
                                 "1.3.6.1.5.5.7.3.3"},
    [XCV_OID_KP_EMAIL_PROTECTION] = {"\x2b\x06\x01\x05\x05\x07\x03\x04", 8, "emailProtection",
                                     "1.3.6.1.5.5.7.3.4"},
    [XCV_OID_KP_TIME_STAMPING] = {"\x2b\x06\x01\x05\x05\x07\x03\x08", 8, "timeStamping",
                                  "1.3.6.1.5.5.7.3.8"},
    [XCV_OID_KP_OCSP_SIGNING] = {"\x2b\x06\x01\x05\x05\x07\x03\x09", 8, "OCSPSigning",
                                 "1.3.6.1.5.5.7.3.9"},
    [XCV_OID_ANY_EKU] = {"\x55\x1d\x25\x00", 4, "anyExtendedKeyUsage", "2.5.29.37.0"},
    [XCV_OID_AT_CN] = {"\x55\x04\x03", 3, "CN", "2.5.4.3"},
    [XCV_OID_AT_C] = {"\x55\x04\x06", 3, "C", "2.5.4.6"},
    [XCV_OID_AT_O] = {"\x55\x04\x0a", 3, "O", "2.5.4.10"},
    [XCV_OID_AT_OU] = {"\x55\x04\x0b", 3, "OU", "2.5.4.11"},
    [XCV_OID_AT_L] = {"\x55\x04\x07", 3, "L", "2.5.4.7"},
    [XCV_OID_AT_ST] = {"\x55\x04\x08", 3, "ST", "2.5.4.8"},
    [XCV_OID_AT_STREET] = {"\x55\x04\x09", 3, "STREET", "2.5.4.9"},
    [XCV_OID_AT_SERIAL_NUMBER] = {"\x55\x04\x05", 3, "serialNumber", "2.5.4.5"},
    [XCV_OID_AT_EMAIL] = {"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x01", 9, "emailAddress",
                          "1.2.840.113549.1.9.1"},
    [XCV_OID_AT_DC] = {"\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x19", 10, "DC",
                       "0.9.2342.19200300.100.1.25"},
    [XCV_OID_AT_UID] = {"\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x01", 10, "UID",
                        "0.9.2342.19200300.100.1.1"},
    [XCV_OID_AT_TITLE] = {"\x55\x04\x0c", 3, "title", "2.5.4.12"},
    [XCV_OID_AT_GIVEN_NAME] = {"\x55\x04\x2a", 3, "GN", "2.5.4.42"},
    [XCV_OID_AT_SURNAME] = {"\x55\x04\x04", 3, "SN", "2.5.4.4"},
    [XCV_OID_AT_POSTAL_CODE] = {"\x55\x04\x11", 3, "postalCode", "2.5.4.17"},
    [XCV_OID_AT_ORG_ID] = {"\x55\x04\x61", 3, "organizationIdentifier", "2.5.4.97"},
    [XCV_OID_ANY_POLICY] = {"\x55\x1d\x20\x00", 4, "anyPolicy", "2.5.29.32.0"},
};

/* see oid.h */
xcv_oid_id xcv_oid_lookup(xcv_slice oid)
{
    if (oid.n == 0 || oid.p == NULL) {
        return XCV_OID_UNKNOWN;
    }
    for (size_t i = 1; i < (size_t)XCV_OID_COUNT; i++) {
        /* Length, then the last octet (where OIDs of one arc differ), then
         * the whole: most entries are rejected without a memcmp call. */
        if (oid_table[i].len == oid.n &&
            (uint8_t)oid_table[i].bytes[oid.n - 1] == oid.p[oid.n - 1] &&
            memcmp(oid_table[i].bytes, oid.p, oid.n) == 0) {
            return (xcv_oid_id)i;
        }
    }
    return XCV_OID_UNKNOWN;
}

/* see oid.h */
xcv_slice xcv_oid_bytes(xcv_oid_id id)
{
    if ((unsigned)id == 0 || (unsigned)id >= (unsigned)XCV_OID_COUNT) {
        return xcv_slice_empty();
    }
    return xcv_slice_make((const uint8_t *)oid_table[id].bytes, oid_table[id].len);
}

/* see oid.h */
const char *xcv_oid_name(xcv_oid_id id)
{
    if ((unsigned)id >= (unsigned)XCV_OID_COUNT) {
        return "?";
    }
    return oid_table[id].name;
}

/* see oid.h */
const char *xcv_oid_dotted(xcv_oid_id id)
{
    if ((unsigned)id >= (unsigned)XCV_OID_COUNT) {
        return "?";
    }
    return oid_table[id].dotted;
}

/* Appends text to out at *len (bounded by cap), always counting. */
static void put_str(char *out, size_t cap, size_t *len, const char *s)
{
    for (; *s != '\0'; s++) {
        if (*len + 1 < cap) {
            out[*len] = *s;
        }
        (*len)++;
    }
}

static void put_u64(char *out, size_t cap, size_t *len, uint64_t v)
{
    char tmp[24];
    size_t i = sizeof(tmp) - 1;
    tmp[i] = '\0';
    do {
        tmp[--i] = (char)('0' + (int)(v % 10u));
        v /= 10u;
    } while (v != 0 && i > 0);
    put_str(out, cap, len, &tmp[i]);
}

/* see oid.h */
size_t xcv_oid_format(xcv_slice oid, char *out, size_t cap)
{
    size_t len = 0;
    /* X.690 8.19: validate first, so a malformed OID never prints as a
     * plausible one. */
    int ok = oid.n > 0 && oid.p != NULL;
    if (ok) {
        uint64_t arc = 0;
        int start = 1;
        for (size_t i = 0; i < oid.n && ok; i++) {
            uint8_t b = oid.p[i];
            if ((start && b == 0x80u) || arc > (UINT64_MAX >> 7)) {
                ok = 0;
            }
            arc = (arc << 7) | (uint64_t)(b & 0x7Fu);
            start = (b & 0x80u) == 0;
            if (start) {
                arc = 0;
            }
        }
        ok = ok && start;
    }
    if (!ok) {
        put_str(out, cap, &len, "?");
    } else {
        uint64_t arc = 0;
        int first = 1;
        for (size_t i = 0; i < oid.n; i++) {
            arc = (arc << 7) | (uint64_t)(oid.p[i] & 0x7Fu);
            if ((oid.p[i] & 0x80u) != 0) {
                continue;
            }
            if (first) {
                /* X.690 8.19.4: the first subidentifier is 40*X + Y, with
                 * X in 0..2 and Y < 40 unless X = 2. */
                uint64_t x = arc < 40u ? 0u : (arc < 80u ? 1u : 2u);
                put_u64(out, cap, &len, x);
                put_str(out, cap, &len, ".");
                put_u64(out, cap, &len, arc - 40u * x);
                first = 0;
            } else {
                put_str(out, cap, &len, ".");
                put_u64(out, cap, &len, arc);
            }
            arc = 0;
        }
    }
    if (cap > 0) {
        out[len < cap ? len : cap - 1] = '\0';
    }
    return len;
}

/* see oid.h */
xcv_sig_alg xcv_oid_sig_alg(xcv_oid_id id)
{
    switch (id) {
    case XCV_OID_MD5_RSA:
        return XCV_SIG_RSA_PKCS1_MD5;
    case XCV_OID_SHA1_RSA:
        return XCV_SIG_RSA_PKCS1_SHA1;
    case XCV_OID_SHA224_RSA:
        return XCV_SIG_RSA_PKCS1_SHA224;
    case XCV_OID_SHA256_RSA:
        return XCV_SIG_RSA_PKCS1_SHA256;
    case XCV_OID_SHA384_RSA:
        return XCV_SIG_RSA_PKCS1_SHA384;
    case XCV_OID_SHA512_RSA:
        return XCV_SIG_RSA_PKCS1_SHA512;
    case XCV_OID_RSASSA_PSS:
        return XCV_SIG_RSA_PSS;
    case XCV_OID_ECDSA_SHA1:
        return XCV_SIG_ECDSA_SHA1;
    case XCV_OID_ECDSA_SHA224:
        return XCV_SIG_ECDSA_SHA224;
    case XCV_OID_ECDSA_SHA256:
        return XCV_SIG_ECDSA_SHA256;
    case XCV_OID_ECDSA_SHA384:
        return XCV_SIG_ECDSA_SHA384;
    case XCV_OID_ECDSA_SHA512:
        return XCV_SIG_ECDSA_SHA512;
    case XCV_OID_ED25519:
        return XCV_SIG_ED25519;
    case XCV_OID_ED448:
        return XCV_SIG_ED448;
    case XCV_OID_DSA_SHA1:
    case XCV_OID_DSA_SHA224:
    case XCV_OID_DSA_SHA256:
        return XCV_SIG_DSA;
    default:
        return XCV_SIG_UNKNOWN;
    }
}

/* see oid.h */
uint32_t xcv_oid_ext_bit(xcv_oid_id id)
{
    switch (id) {
    case XCV_OID_EXT_BASIC_CONSTRAINTS:
        return XCV_EXT_BASIC_CONSTRAINTS;
    case XCV_OID_EXT_KEY_USAGE:
        return XCV_EXT_KEY_USAGE;
    case XCV_OID_EXT_EXT_KEY_USAGE:
        return XCV_EXT_EXT_KEY_USAGE;
    case XCV_OID_EXT_SUBJECT_ALT_NAME:
        return XCV_EXT_SUBJECT_ALT_NAME;
    case XCV_OID_EXT_NAME_CONSTRAINTS:
        return XCV_EXT_NAME_CONSTRAINTS;
    case XCV_OID_EXT_AUTHORITY_KEY_ID:
        return XCV_EXT_AUTHORITY_KEY_ID;
    case XCV_OID_EXT_SUBJECT_KEY_ID:
        return XCV_EXT_SUBJECT_KEY_ID;
    case XCV_OID_EXT_CERT_POLICIES:
        return XCV_EXT_CERT_POLICIES;
    case XCV_OID_EXT_POLICY_MAPPINGS:
        return XCV_EXT_POLICY_MAPPINGS;
    case XCV_OID_EXT_POLICY_CONSTRAINTS:
        return XCV_EXT_POLICY_CONSTRAINTS;
    case XCV_OID_EXT_INHIBIT_ANY_POLICY:
        return XCV_EXT_INHIBIT_ANY_POLICY;
    case XCV_OID_EXT_CRL_DIST_POINTS:
        return XCV_EXT_CRL_DIST_POINTS;
    case XCV_OID_EXT_AUTHORITY_INFO:
        return XCV_EXT_AUTHORITY_INFO;
    case XCV_OID_EXT_ISSUER_ALT_NAME:
        return XCV_EXT_ISSUER_ALT_NAME;
    case XCV_OID_EXT_SUBJECT_DIR_ATTRS:
        return XCV_EXT_SUBJECT_DIR_ATTRS;
    case XCV_OID_EXT_FRESHEST_CRL:
        return XCV_EXT_FRESHEST_CRL;
    case XCV_OID_EXT_SUBJECT_INFO:
        return XCV_EXT_SUBJECT_INFO;
    case XCV_OID_EXT_SCT_LIST:
        return XCV_EXT_SCT_LIST;
    default:
        return 0;
    }
}

/* see oid.h */
uint32_t xcv_oid_eku_bit(xcv_oid_id id)
{
    switch (id) {
    case XCV_OID_KP_SERVER_AUTH:
        return XCV_EKU_SERVER_AUTH;
    case XCV_OID_KP_CLIENT_AUTH:
        return XCV_EKU_CLIENT_AUTH;
    case XCV_OID_KP_CODE_SIGNING:
        return XCV_EKU_CODE_SIGNING;
    case XCV_OID_KP_EMAIL_PROTECTION:
        return XCV_EKU_EMAIL_PROTECTION;
    case XCV_OID_KP_TIME_STAMPING:
        return XCV_EKU_TIME_STAMPING;
    case XCV_OID_KP_OCSP_SIGNING:
        return XCV_EKU_OCSP_SIGNING;
    case XCV_OID_ANY_EKU:
        return XCV_EKU_ANY;
    default:
        return 0;
    }
}

/* see oid.h */
xcv_dn_attr_type xcv_oid_dn_attr(xcv_oid_id id)
{
    switch (id) {
    case XCV_OID_AT_CN:
        return XCV_DN_CN;
    case XCV_OID_AT_C:
        return XCV_DN_C;
    case XCV_OID_AT_O:
        return XCV_DN_O;
    case XCV_OID_AT_OU:
        return XCV_DN_OU;
    case XCV_OID_AT_L:
        return XCV_DN_L;
    case XCV_OID_AT_ST:
        return XCV_DN_ST;
    case XCV_OID_AT_STREET:
        return XCV_DN_STREET;
    case XCV_OID_AT_SERIAL_NUMBER:
        return XCV_DN_SERIAL_NUMBER;
    case XCV_OID_AT_EMAIL:
        return XCV_DN_EMAIL;
    case XCV_OID_AT_DC:
        return XCV_DN_DC;
    case XCV_OID_AT_UID:
        return XCV_DN_UID;
    case XCV_OID_AT_TITLE:
        return XCV_DN_TITLE;
    case XCV_OID_AT_GIVEN_NAME:
        return XCV_DN_GIVEN_NAME;
    case XCV_OID_AT_SURNAME:
        return XCV_DN_SURNAME;
    case XCV_OID_AT_POSTAL_CODE:
        return XCV_DN_POSTAL_CODE;
    case XCV_OID_AT_ORG_ID:
        return XCV_DN_ORG_ID;
    default:
        return XCV_DN_OTHER;
    }
}

/* see oid.h */
xcv_curve xcv_oid_curve(xcv_oid_id id)
{
    switch (id) {
    case XCV_OID_P256:
        return XCV_CURVE_P256;
    case XCV_OID_P384:
        return XCV_CURVE_P384;
    case XCV_OID_P521:
        return XCV_CURVE_P521;
    default:
        return XCV_CURVE_OTHER;
    }
}
