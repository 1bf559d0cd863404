/*
 * crl.c -- caller-supplied X.509 v2 CRLs: strict parsing (RFC 5280 section
 * 5) and the revocation status of a certificate (RFC 5280 section 6.3).
 *
 * RFC sections
 *   5.1    CertificateList, TBSCertList, revokedCertificates
 *   5.2    CRL extensions: 5.2.1 AKI, 5.2.2 IAN, 5.2.3 CRL number,
 *          5.2.4 delta CRL indicator, 5.2.5 issuing distribution point,
 *          5.2.6 freshest CRL, 5.2.7 AIA
 *   5.3    CRL entry extensions: 5.3.1 reason code, 5.3.2 invalidity date,
 *          5.3.3 certificate issuer
 *   6.3.3  CRL processing (complete, direct CRLs)
 *
 * Implementation notes
 *   - Zero allocation: struct xcv_crl holds views; the entry list is walked
 *     in place for every look-up (xcv_crl_find), so a check costs one pass
 *     over each CRL of the right issuer. xcv_crl_check_cert re-parses each
 *     CRL it looks at (no storage for parsed CRLs), which is linear in the
 *     CRL bytes.
 *   - Every error while parsing a CRL is XCV_ERR_CRL_MALFORMED except an
 *     unknown critical extension (XCV_ERR_CRL_UNKNOWN_CRITICAL) and the
 *     unsupported kinds of CRL (XCV_ERR_CRL_UNSUPPORTED).
 *
 * Deviations from RFC 5280
 *   - Delta CRLs (deltaCRLIndicator) and indirect CRLs (indirectCRL, or a
 *     certificateIssuer entry extension) are rejected with
 *     XCV_ERR_CRL_UNSUPPORTED instead of being processed or ignored.
 *   - Stricter than 5.1.2.5 / 5.2.3 for issuers: nextUpdate and the CRL
 *     number are required (a conforming CRL issuer MUST include both), and
 *     only v2 CRLs are accepted (the CRL number needs extensions).
 *   - A distribution point in issuingDistributionPoint must match, as a
 *     fullName GeneralName byte for byte, a fullName of the certificate's
 *     cRLDistributionPoints; a certificate without that extension, or with
 *     only relative names, is not in the scope of such a partitioned CRL.
 *   - A CRL limited to onlySomeReasons still revokes the certificates it
 *     lists, but never satisfies hard-fail mode (no reasons-mask union).
 *   - The CRL's signer must be the certificate's issuer (same name and key):
 *     CRLs signed by a separate CRL-signing key are not found.
 */
#include "crl.h"

#include "cert.h"
#include "der.h"
#include "name.h"
#include "oid.h"
#include "sig.h"

/* OIDs (content octets) of the CRL and entry extensions oid.c does not list. */
static const uint8_t OID_CRL_NUMBER[] = {0x55, 0x1d, 0x14};      /* 2.5.29.20 */
static const uint8_t OID_REASON_CODE[] = {0x55, 0x1d, 0x15};     /* 2.5.29.21 */
static const uint8_t OID_INVALIDITY_DATE[] = {0x55, 0x1d, 0x18}; /* 2.5.29.24 */
static const uint8_t OID_DELTA_CRL[] = {0x55, 0x1d, 0x1b};       /* 2.5.29.27 */
static const uint8_t OID_IDP[] = {0x55, 0x1d, 0x1c};             /* 2.5.29.28 */
static const uint8_t OID_CERT_ISSUER[] = {0x55, 0x1d, 0x1d};     /* 2.5.29.29 */

/* Extensions per list compared pairwise for duplicates; longer lists are
 * rejected as malformed (no real CRL comes near). */
#define CRL_MAX_EXTENSIONS 32

static int oid_is(xcv_slice oid, const uint8_t *bytes, size_t n)
{
    return oid.n == n && memcmp(oid.p, bytes, n) == 0;
}

/* One Extension: extnID, critical (DEFAULT FALSE), extnValue content. */
struct crl_ext {
    xcv_slice oid;
    int critical;
    xcv_slice value;
};

static xcv_err read_extension(xcv_slice *rd, struct crl_ext *out)
{
    /* RFC 5280 4.1: Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER,
     * critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
    xcv_slice seq;
    XCV_TRY(xcv_der_read(rd, XCV_TAG_SEQUENCE, &seq));
    XCV_TRY(xcv_der_read(&seq, XCV_TAG_OID, &out->oid));
    XCV_TRY(xcv_der_check_oid(out->oid));
    xcv_slice crit;
    int present = 0;
    out->critical = 0;
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_BOOLEAN, &crit, &present));
    if (present) {
        XCV_TRY(xcv_der_boolean(crit, &out->critical));
        /* X.690 11.5: a DEFAULT value is never encoded in DER. */
        XCV_ENSURE(out->critical, XCV_ERR_DER_DEFAULT_ENCODED);
    }
    XCV_TRY(xcv_der_read(&seq, XCV_TAG_OCTET_STRING, &out->value));
    return xcv_der_end(seq);
}

/* Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension; no extension twice
 * (RFC 5280 4.2: "A certificate MUST NOT include more than one instance of
 * a particular extension", applied to CRLs and entries alike). */
static xcv_err check_extension_list(xcv_slice exts)
{
    XCV_ENSURE(exts.n > 0, XCV_ERR_CRL_MALFORMED);
    struct crl_ext a;
    struct crl_ext b;
    size_t count = 0;
    xcv_slice outer = exts;
    while (outer.n > 0) {
        XCV_TRY(read_extension(&outer, &a));
        count++;
        XCV_ENSURE(count <= CRL_MAX_EXTENSIONS, XCV_ERR_CRL_MALFORMED);
        xcv_slice inner = outer;
        while (inner.n > 0) {
            XCV_TRY(read_extension(&inner, &b));
            XCV_ENSURE(!xcv_slice_eq(a.oid, b.oid), XCV_ERR_CRL_MALFORMED);
        }
    }
    return XCV_OK;
}

/* Reads an AlgorithmIdentifier TLV content: the signature algorithm and
 * the parameters TLV (empty when absent). */
static xcv_err read_sig_alg(xcv_slice content, xcv_sig_alg *out_alg, xcv_slice *out_params)
{
    xcv_slice oid;
    XCV_TRY(xcv_der_read(&content, XCV_TAG_OID, &oid));
    XCV_TRY(xcv_der_check_oid(oid));
    *out_alg = xcv_oid_sig_alg(xcv_oid_lookup(oid));
    *out_params = xcv_slice_empty();
    if (content.n > 0) {
        xcv_slice tlv;
        XCV_TRY(xcv_der_read_any(&content, NULL, NULL, &tlv));
        XCV_TRY(xcv_der_end(content));
        *out_params = tlv;
    }
    return XCV_OK;
}

/* ReasonFlags / CRLReason values RFC 5280 5.3.1 defines (7 is unused). */
static int reason_code_valid(uint64_t v)
{
    return v <= 10 && v != 7;
}

/* One CRL entry: serial, date, entry extensions. */
static xcv_err read_entry(xcv_slice *rd, struct xcv_crl_entry *out)
{
    /* RFC 5280 5.1: SEQUENCE { userCertificate CertificateSerialNumber,
     * revocationDate Time, crlEntryExtensions Extensions OPTIONAL } */
    xcv_slice seq;
    XCV_TRY(xcv_der_read(rd, XCV_TAG_SEQUENCE, &seq));
    XCV_TRY(xcv_der_read_integer(&seq, &out->serial));
    XCV_TRY(xcv_der_read_time(&seq, &out->date));
    out->reason = XCV_CRL_REASON_NONE;
    out->has_invalidity = 0;
    out->invalidity = 0;
    if (seq.n == 0) {
        return XCV_OK;
    }
    xcv_slice exts;
    XCV_TRY(xcv_der_read(&seq, XCV_TAG_SEQUENCE, &exts));
    XCV_TRY(xcv_der_end(seq));
    XCV_TRY(check_extension_list(exts));
    while (exts.n > 0) {
        struct crl_ext e;
        XCV_TRY(read_extension(&exts, &e));
        xcv_slice v = e.value;
        if (oid_is(e.oid, OID_REASON_CODE, sizeof OID_REASON_CODE)) {
            /* 5.3.1: CRLReason ::= ENUMERATED { unspecified (0), ...,
             * aACompromise (10) }, value 7 unused. */
            xcv_slice en;
            uint64_t code;
            XCV_TRY(xcv_der_read(&v, XCV_TAG_ENUMERATED, &en));
            XCV_TRY(xcv_der_end(v));
            XCV_TRY(xcv_der_check_integer(en));
            XCV_TRY(xcv_der_integer_small(en, 10, &code));
            XCV_ENSURE(reason_code_valid(code), XCV_ERR_CRL_MALFORMED);
            out->reason = (int)code;
        } else if (oid_is(e.oid, OID_INVALIDITY_DATE, sizeof OID_INVALIDITY_DATE)) {
            /* 5.3.2: InvalidityDate ::= GeneralizedTime */
            xcv_slice t;
            XCV_TRY(xcv_der_read(&v, XCV_TAG_GENERALIZED_TIME, &t));
            XCV_TRY(xcv_der_end(v));
            XCV_TRY(xcv_der_time(XCV_TAG_GENERALIZED_TIME, t, &out->invalidity));
            out->has_invalidity = 1;
        } else if (oid_is(e.oid, OID_CERT_ISSUER, sizeof OID_CERT_ISSUER)) {
            /* 5.3.3: certificateIssuer appears only in indirect CRLs, which
             * xcv does not support. */
            return XCV_ERR_CRL_UNSUPPORTED;
        } else if (e.critical) {
            /* 5.3: "If a CRL contains a critical CRL entry extension that the
             * application cannot process, then the application MUST NOT use
             * that CRL to determine the status of any certificates." */
            return XCV_ERR_CRL_UNKNOWN_CRITICAL;
        }
    }
    return XCV_OK;
}

/* IssuingDistributionPoint (5.2.5). */
static xcv_err parse_idp(struct xcv_crl *c, xcv_slice value, int *out_indirect)
{
    /* IssuingDistributionPoint ::= SEQUENCE {
     *   distributionPoint          [0] DistributionPointName OPTIONAL,
     *   onlyContainsUserCerts      [1] BOOLEAN DEFAULT FALSE,
     *   onlyContainsCACerts        [2] BOOLEAN DEFAULT FALSE,
     *   onlySomeReasons            [3] ReasonFlags OPTIONAL,
     *   indirectCRL                [4] BOOLEAN DEFAULT FALSE,
     *   onlyContainsAttributeCerts [5] BOOLEAN DEFAULT FALSE }
     * The module uses implicit tags; [0] is explicit around the CHOICE. */
    xcv_slice seq;
    XCV_TRY(xcv_der_read(&value, XCV_TAG_SEQUENCE, &seq));
    XCV_TRY(xcv_der_end(value));
    /* "Conforming CRL issuers MUST NOT issue CRLs where the DER encoding of
     * the issuing distribution point extension is an empty sequence." */
    XCV_ENSURE(seq.n > 0, XCV_ERR_CRL_MALFORMED);
    xcv_slice dp;
    int present = 0;
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX_CONS(0), &dp, &present));
    c->idp_has_dp = present;
    c->idp_full_name = xcv_slice_empty();
    if (present) {
        /* DistributionPointName ::= CHOICE { fullName [0] GeneralNames,
         * nameRelativeToCRLIssuer [1] RelativeDistinguishedName } */
        xcv_slice names;
        int full = 0;
        XCV_TRY(xcv_der_read_optional(&dp, XCV_TAG_CTX_CONS(0), &names, &full));
        if (full) {
            XCV_TRY(xcv_general_names_check(names, 0));
            c->idp_full_name = names;
        } else {
            xcv_slice rdn;
            XCV_TRY(xcv_der_read(&dp, XCV_TAG_CTX_CONS(1), &rdn));
            XCV_ENSURE(rdn.n > 0, XCV_ERR_CRL_MALFORMED);
        }
        XCV_TRY(xcv_der_end(dp));
    }
    int *flags[6] = {NULL, &c->idp_only_user, &c->idp_only_ca,
                     NULL, out_indirect,      &c->idp_only_attr};
    for (unsigned tag = 1; tag <= 5; tag++) {
        xcv_slice v;
        XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX(tag), &v, &present));
        if (!present) {
            continue;
        }
        if (tag == 3) {
            /* ReasonFlags ::= BIT STRING (a NamedBitList). */
            XCV_TRY(xcv_der_named_bits(v, &c->idp_reasons));
            c->idp_has_reasons = 1;
            continue;
        }
        int b;
        XCV_TRY(xcv_der_boolean(v, &b));
        XCV_ENSURE(b, XCV_ERR_DER_DEFAULT_ENCODED);
        *flags[tag] = 1;
    }
    XCV_TRY(xcv_der_end(seq));
    /* 5.2.5: "at most one of onlyContainsUserCerts, onlyContainsCACerts,
     * and onlyContainsAttributeCerts may be set to TRUE." */
    XCV_ENSURE(c->idp_only_user + c->idp_only_ca + c->idp_only_attr <= 1, XCV_ERR_CRL_MALFORMED);
    c->has_idp = 1;
    return XCV_OK;
}

/* AuthorityKeyIdentifier (5.2.1): the keyIdentifier, structure checked. */
static xcv_err parse_aki(struct xcv_crl *c, xcv_slice value)
{
    xcv_slice seq;
    XCV_TRY(xcv_der_read(&value, XCV_TAG_SEQUENCE, &seq));
    XCV_TRY(xcv_der_end(value));
    xcv_slice kid;
    xcv_slice tmp;
    int present = 0;
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX(0), &kid, &present));
    c->aki_key_id = present ? kid : xcv_slice_empty();
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX_CONS(1), &tmp, &present));
    if (present) {
        XCV_TRY(xcv_general_names_check(tmp, XCV_GN_IP_ADDRESS_ONLY));
    }
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX(2), &tmp, &present));
    if (present) {
        XCV_TRY(xcv_der_check_integer(tmp));
    }
    return xcv_der_end(seq);
}

/* crlExtensions: CRL number, AKI, IAN, IDP, delta, freshest, AIA. */
static xcv_err parse_crl_extensions(struct xcv_crl *c, xcv_slice exts, int *out_unsupported)
{
    XCV_TRY(check_extension_list(exts));
    int has_number = 0;
    while (exts.n > 0) {
        struct crl_ext e;
        XCV_TRY(read_extension(&exts, &e));
        xcv_slice v = e.value;
        xcv_oid_id id = xcv_oid_lookup(e.oid);
        if (oid_is(e.oid, OID_CRL_NUMBER, sizeof OID_CRL_NUMBER)) {
            /* 5.2.3: "CRL number is a non-critical CRL extension";
             * CRLNumber ::= INTEGER (0..MAX); "CRL issuers MUST NOT use
             * CRLNumber values longer than 20 octets." */
            XCV_ENSURE(!e.critical, XCV_ERR_CRL_MALFORMED);
            xcv_slice n;
            XCV_TRY(xcv_der_read_integer(&v, &n));
            XCV_TRY(xcv_der_end(v));
            XCV_ENSURE((n.p[0] & 0x80u) == 0, XCV_ERR_CRL_MALFORMED);
            XCV_ENSURE(n.n <= 21 && (n.n <= 20 || n.p[0] == 0), XCV_ERR_CRL_MALFORMED);
            c->crl_number = n;
            has_number = 1;
        } else if (oid_is(e.oid, OID_DELTA_CRL, sizeof OID_DELTA_CRL)) {
            /* 5.2.4: a delta CRL (BaseCRLNumber ::= CRLNumber). */
            xcv_slice n;
            XCV_TRY(xcv_der_read_integer(&v, &n));
            XCV_TRY(xcv_der_end(v));
            *out_unsupported = 1;
        } else if (oid_is(e.oid, OID_IDP, sizeof OID_IDP)) {
            int indirect = 0;
            XCV_TRY(parse_idp(c, v, &indirect));
            if (indirect) {
                *out_unsupported = 1;
            }
        } else if (id == XCV_OID_EXT_AUTHORITY_KEY_ID) {
            /* 5.2.1: "This extension MUST be marked as non-critical"
             * (4.2.1.1). */
            XCV_ENSURE(!e.critical, XCV_ERR_CRL_MALFORMED);
            XCV_TRY(parse_aki(c, v));
        } else if (id == XCV_OID_EXT_ISSUER_ALT_NAME) {
            /* 5.2.2: GeneralNames. */
            xcv_slice names;
            XCV_TRY(xcv_der_read(&v, XCV_TAG_SEQUENCE, &names));
            XCV_TRY(xcv_der_end(v));
            XCV_TRY(xcv_general_names_check(names, XCV_GN_IP_ADDRESS_ONLY));
        } else if (id == XCV_OID_EXT_FRESHEST_CRL || id == XCV_OID_EXT_AUTHORITY_INFO) {
            /* 5.2.6 (MUST be non-critical), 5.2.7 (MUST be non-critical):
             * informational, SEQUENCE SIZE (1..MAX) OF ... */
            XCV_ENSURE(!e.critical, XCV_ERR_CRL_MALFORMED);
            xcv_slice s;
            XCV_TRY(xcv_der_read(&v, XCV_TAG_SEQUENCE, &s));
            XCV_TRY(xcv_der_end(v));
            XCV_ENSURE(s.n > 0, XCV_ERR_CRL_MALFORMED);
        } else if (e.critical) {
            /* 5.2: "If a CRL contains a critical extension that the
             * application cannot process, then the application MUST NOT
             * use that CRL to determine the status of certificates." */
            return XCV_ERR_CRL_UNKNOWN_CRITICAL;
        }
    }
    /* 5.2.3: "conforming CRL issuers MUST include this extension in all
     * CRLs." */
    XCV_ENSURE(has_number, XCV_ERR_CRL_MALFORMED);
    return XCV_OK;
}

static xcv_err crl_parse_inner(xcv_slice der, struct xcv_crl *c)
{
    memset(c, 0, sizeof(*c));
    /* 5.1: CertificateList ::= SEQUENCE { tbsCertList TBSCertList,
     * signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING } */
    xcv_slice rd = der;
    xcv_slice list;
    XCV_TRY(xcv_der_read_tlv(&rd, XCV_TAG_SEQUENCE, &list, &c->der));
    XCV_TRY(xcv_der_end(rd));
    xcv_slice tbs;
    XCV_TRY(xcv_der_read_tlv(&list, XCV_TAG_SEQUENCE, &tbs, &c->tbs));
    xcv_slice alg;
    XCV_TRY(xcv_der_read_tlv(&list, XCV_TAG_SEQUENCE, &alg, &c->sig_alg_der));
    XCV_TRY(read_sig_alg(alg, &c->sig_alg, &c->sig_params));
    xcv_slice sigbits;
    XCV_TRY(xcv_der_read(&list, XCV_TAG_BIT_STRING, &sigbits));
    XCV_TRY(xcv_der_bit_string_octets(sigbits, &c->signature));
    XCV_TRY(xcv_der_end(list));

    /* TBSCertList ::= SEQUENCE { version Version OPTIONAL (if present, MUST
     * be v2), signature AlgorithmIdentifier, issuer Name, thisUpdate Time,
     * nextUpdate Time OPTIONAL, revokedCertificates SEQUENCE OF ...
     * OPTIONAL, crlExtensions [0] EXPLICIT Extensions OPTIONAL } */
    xcv_slice ver;
    XCV_TRY(xcv_der_read_integer(&tbs, &ver));
    uint64_t v = 0;
    XCV_TRY(xcv_der_integer_small(ver, 1, &v));
    /* v2 (1) only: v1 CRLs cannot carry the required CRL number. */
    XCV_ENSURE(v == 1, XCV_ERR_CRL_MALFORMED);
    xcv_slice inner_alg;
    XCV_TRY(xcv_der_read_tlv(&tbs, XCV_TAG_SEQUENCE, NULL, &inner_alg));
    /* 5.1.1.2: signatureAlgorithm "MUST contain the same algorithm
     * identifier as the signature field in the sequence tbsCertList". */
    XCV_ENSURE(xcv_slice_eq(inner_alg, c->sig_alg_der), XCV_ERR_CRL_MALFORMED);
    XCV_TRY(xcv_der_read_tlv(&tbs, XCV_TAG_SEQUENCE, NULL, &c->issuer));
    XCV_TRY(xcv_name_validate(c->issuer));
    /* 5.1.2.3: "The issuer field MUST contain a non-empty X.500
     * distinguished name (DN)." */
    XCV_ENSURE(!xcv_name_is_empty(c->issuer), XCV_ERR_CRL_MALFORMED);
    XCV_TRY(xcv_der_read_time(&tbs, &c->this_update));
    /* 5.1.2.5: "Conforming CRL issuers MUST include the nextUpdate time in
     * all CRLs." */
    XCV_ENSURE(xcv_der_peek(&tbs, XCV_TAG_UTC_TIME) || xcv_der_peek(&tbs, XCV_TAG_GENERALIZED_TIME),
               XCV_ERR_CRL_MALFORMED);
    XCV_TRY(xcv_der_read_time(&tbs, &c->next_update));
    XCV_ENSURE(c->this_update <= c->next_update, XCV_ERR_CRL_MALFORMED);

    int present = 0;
    xcv_slice revoked;
    XCV_TRY(xcv_der_read_optional(&tbs, XCV_TAG_SEQUENCE, &revoked, &present));
    if (present) {
        /* 5.1.2.6: "When there are no revoked certificates, the revoked
         * certificates list MUST be absent." */
        XCV_ENSURE(revoked.n > 0, XCV_ERR_CRL_MALFORMED);
        c->revoked = revoked;
        xcv_slice r = revoked;
        while (r.n > 0) {
            struct xcv_crl_entry e;
            XCV_TRY(read_entry(&r, &e));
            c->revoked_count++;
        }
    }
    xcv_slice wrapper;
    XCV_TRY(xcv_der_read(&tbs, XCV_TAG_CTX_CONS(0), &wrapper));
    XCV_TRY(xcv_der_end(tbs));
    xcv_slice exts;
    XCV_TRY(xcv_der_read(&wrapper, XCV_TAG_SEQUENCE, &exts));
    XCV_TRY(xcv_der_end(wrapper));
    int unsupported = 0;
    XCV_TRY(parse_crl_extensions(c, exts, &unsupported));
    XCV_ENSURE(!unsupported, XCV_ERR_CRL_UNSUPPORTED);
    return XCV_OK;
}

/* see crl.h */
xcv_err xcv_crl_parse(xcv_slice der, struct xcv_crl *out)
{
    XCV_ENSURE(out != NULL && (der.p != NULL || der.n == 0), XCV_ERR_INVALID_ARGUMENT);
    xcv_err err = crl_parse_inner(der, out);
    if (err == XCV_OK || err == XCV_ERR_CRL_UNKNOWN_CRITICAL || err == XCV_ERR_CRL_UNSUPPORTED) {
        return err;
    }
    return XCV_ERR_CRL_MALFORMED;
}

/* see crl.h */
xcv_err xcv_crl_find(const struct xcv_crl *crl, xcv_slice serial, int *out_found,
                     struct xcv_crl_entry *out_entry)
{
    XCV_ENSURE(crl != NULL && out_found != NULL && out_entry != NULL, XCV_ERR_INVALID_ARGUMENT);
    *out_found = 0;
    xcv_slice r = crl->revoked;
    while (r.n > 0) {
        struct xcv_crl_entry e;
        if (read_entry(&r, &e) != XCV_OK) {
            return XCV_ERR_CRL_MALFORMED;
        }
        if (xcv_slice_eq(e.serial, serial)) {
            *out_found = 1;
            *out_entry = e;
            return XCV_OK;
        }
    }
    return XCV_OK;
}

/* 1 when two GeneralNames contents share an entry (DER bytes equal). */
static int general_names_intersect(xcv_slice a, xcv_slice b)
{
    xcv_slice ra = a;
    while (ra.n > 0) {
        xcv_slice ta;
        if (xcv_der_read_any(&ra, NULL, NULL, &ta) != XCV_OK) {
            return 0;
        }
        xcv_slice rb = b;
        while (rb.n > 0) {
            xcv_slice tb;
            if (xcv_der_read_any(&rb, NULL, NULL, &tb) != XCV_OK) {
                return 0;
            }
            if (xcv_slice_eq(ta, tb)) {
                return 1;
            }
        }
    }
    return 0;
}

/* 1 when a fullName of the certificate's cRLDistributionPoints shares a
 * name with the CRL's issuingDistributionPoint fullName (6.3.3 (b)(2)(i)). */
static int dp_matches(const struct xcv_cert *cert, xcv_slice idp_names)
{
    if (idp_names.n == 0 || cert->crl_dp.n == 0) {
        return 0;
    }
    /* CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint;
     * DistributionPoint ::= SEQUENCE { distributionPoint [0]
     * DistributionPointName OPTIONAL, reasons [1] ReasonFlags OPTIONAL,
     * cRLIssuer [2] GeneralNames OPTIONAL } */
    xcv_slice rd = cert->crl_dp;
    xcv_slice seq;
    if (xcv_der_read(&rd, XCV_TAG_SEQUENCE, &seq) != XCV_OK) {
        return 0;
    }
    while (seq.n > 0) {
        xcv_slice point;
        if (xcv_der_read(&seq, XCV_TAG_SEQUENCE, &point) != XCV_OK) {
            return 0;
        }
        xcv_slice dpn;
        int present = 0;
        if (xcv_der_read_optional(&point, XCV_TAG_CTX_CONS(0), &dpn, &present) != XCV_OK ||
            !present) {
            continue;
        }
        xcv_slice names;
        if (xcv_der_read_optional(&dpn, XCV_TAG_CTX_CONS(0), &names, &present) != XCV_OK ||
            !present) {
            continue;
        }
        if (general_names_intersect(names, idp_names)) {
            return 1;
        }
    }
    return 0;
}

/* 1 when the CRL's issuingDistributionPoint scope covers cert
 * (RFC 5280 6.3.3 (b)(2)). */
static int crl_covers(const struct xcv_crl *crl, const struct xcv_cert *cert)
{
    if (!crl->has_idp) {
        return 1;
    }
    /* (b)(2)(ii) "If the onlyContainsUserCerts boolean is asserted in the
     * IDP CRL extension, verify that the certificate does not include the
     * basic constraints extension with the cA boolean asserted." */
    if (crl->idp_only_user && cert->is_ca) {
        return 0;
    }
    /* (b)(2)(iii) "If the onlyContainsCACerts boolean is asserted in the
     * IDP CRL extension, verify that the certificate includes the basic
     * constraints extension with the cA boolean asserted." */
    if (crl->idp_only_ca && !cert->is_ca) {
        return 0;
    }
    /* (b)(2)(iv) "Verify that the onlyContainsAttributeCerts boolean is not
     * asserted." */
    if (crl->idp_only_attr) {
        return 0;
    }
    /* (b)(2)(i) "If the distribution point name is present in the IDP CRL
     * extension ..., verify that one of the names in the IDP matches one of
     * the names in the DP." */
    if (crl->idp_has_dp && !dp_matches(cert, crl->idp_full_name)) {
        return 0;
    }
    return 1;
}

/* Keeps the first reason why an issuer's CRL did not count. */
static void note_failure(xcv_err *best, int *best_index, xcv_err err, size_t index)
{
    if (*best == XCV_OK) {
        *best = err;
        *best_index = (int)index;
    }
}

/* see crl.h */
xcv_err xcv_crl_check_cert(const struct xcv_cert *cert, const struct xcv_crl_issuer *issuer,
                           const struct xcv_crl_check *params, struct xcv_crl_status *out)
{
    XCV_ENSURE(cert != NULL && issuer != NULL && issuer->key != NULL && params != NULL &&
                   out != NULL && (params->crls != NULL || params->count == 0),
               XCV_ERR_INVALID_ARGUMENT);
    out->crl_index = -1;
    out->revocation_date = 0;
    out->reason = XCV_CRL_REASON_NONE;
    out->sig_checks = 0;
    out->cache_hits = 0;

    int complete = 0;
    xcv_err failure = XCV_OK;
    int failure_index = -1;
    for (size_t i = 0; i < params->count; i++) {
        struct xcv_crl crl;
        xcv_err err = xcv_crl_parse(params->crls[i], &crl);
        if (err != XCV_OK) {
            out->crl_index = (int)i;
            return err;
        }
        /* 6.3.3 (b)(1): the CRL issuer must be the certificate issuer
         * (direct CRLs only). */
        if (!xcv_dn_equal(crl.issuer, cert->issuer)) {
            continue;
        }
        /* 5.2.1: the AKI identifies the key that signed the CRL; a CRL
         * naming another key of the same CA is not for this issuer key. */
        if (crl.aki_key_id.n > 0 && issuer->ski.n > 0 &&
            !xcv_slice_eq(crl.aki_key_id, issuer->ski)) {
            continue;
        }
        if (!crl_covers(&crl, cert)) {
            continue;
        }
        /* 6.3.3 (f): "If a key usage extension is present in the CRL
         * issuer's certificate, verify that the cRLSign bit is set." */
        if (issuer->has_key_usage && (issuer->key_usage & XCV_KU_CRL_SIGN) == 0) {
            note_failure(&failure, &failure_index, XCV_ERR_CRL_ISSUER_NO_CRLSIGN, i);
            continue;
        }
        /* 6.3.3 (a): the CRL must be current: thisUpdate <= now and, as
         * nextUpdate is present, now <= nextUpdate. */
        if (params->now < crl.this_update) {
            note_failure(&failure, &failure_index, XCV_ERR_CRL_NOT_YET_VALID, i);
            continue;
        }
        if (params->now > crl.next_update) {
            note_failure(&failure, &failure_index, XCV_ERR_CRL_EXPIRED, i);
            continue;
        }
        /* 6.3.3 (g): "Validate the signature on the complete CRL". */
        xcv_err pre = xcv_sig_precheck(issuer->key, crl.sig_alg, crl.sig_params, params->sig_flags,
                                       params->min_rsa_bits);
        if (pre == XCV_OK) {
            uint8_t key[32];
            xcv_sig_cache_key(issuer->key, crl.sig_alg, crl.sig_params, crl.tbs, crl.signature,
                              key);
            if (xcv_sig_cache_lookup(params->cache, key)) {
                out->cache_hits++;
            } else {
                if (out->sig_checks >= params->sig_budget) {
                    return XCV_ERR_SIGNATURE_BUDGET;
                }
                out->sig_checks++;
                pre = xcv_sig_verify(issuer->key, crl.sig_alg, crl.sig_params, crl.tbs,
                                     crl.signature, params->sig_flags, params->min_rsa_bits);
                if (pre == XCV_OK) {
                    xcv_sig_cache_insert(params->cache, key);
                }
            }
        }
        if (pre != XCV_OK) {
            note_failure(&failure, &failure_index,
                         pre == XCV_ERR_BAD_SIGNATURE ? XCV_ERR_CRL_BAD_SIGNATURE : pre, i);
            continue;
        }
        /* 6.3.3 (i): "If (cert_status is UNREVOKED), then search for the
         * certificate on the complete CRL. If an entry is found that matches
         * the certificate issuer and serial number ..., then set the
         * cert_status variable to the indicated reason". */
        int found = 0;
        struct xcv_crl_entry entry;
        XCV_TRY(xcv_crl_find(&crl, cert->serial, &found, &entry));
        if (found) {
            out->crl_index = (int)i;
            out->revocation_date = entry.date;
            out->reason = entry.reason;
            return XCV_ERR_REVOKED;
        }
        if (!crl.idp_has_reasons ||
            (crl.idp_reasons & XCV_CRL_REASON_FLAGS_ALL) == XCV_CRL_REASON_FLAGS_ALL) {
            complete = 1;
        }
    }
    if (complete || !params->hard_fail) {
        return XCV_OK;
    }
    if (failure != XCV_OK) {
        out->crl_index = failure_index;
        return failure;
    }
    return XCV_ERR_CRL_MISSING;
}
