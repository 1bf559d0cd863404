/*
 * cert.c -- one DER certificate -> struct xcv_cert (views, no copies).
 *
 * Purpose
 *   Parses Certificate, TBSCertificate, AlgorithmIdentifier, Name, Validity,
 *   SubjectPublicKeyInfo (RSA, EC, Ed25519/Ed448; others recorded as
 *   unknown), unique identifiers and Extensions, and decodes the content of
 *   every extension xcv acts on. Also the GeneralName reader and the public
 *   GeneralName iterator.
 *
 * Standards
 *   RFC 5280 4.1 (Certificate, TBSCertificate), 4.1.2.1-4.1.2.9, 4.2.1.1
 *   (AKI), 4.2.1.2 (SKI), 4.2.1.3 (keyUsage), 4.2.1.6 (subjectAltName,
 *   GeneralName), 4.2.1.7 (issuerAltName), 4.2.1.9 (basicConstraints),
 *   4.2.1.10 (nameConstraints), 4.2.1.12 (extKeyUsage); RFC 3279 2.2 and
 *   2.3 (RSA/DSA/ECDSA identifiers and keys), RFC 4055 (RSASSA-PSS),
 *   RFC 5480 (EC keys: namedCurve only), RFC 5758 3.2 (ECDSA parameters
 *   absent), RFC 8410 (Ed25519/Ed448: parameters absent); X.690 11.5 (DER:
 *   a DEFAULT value is never encoded).
 *
 * Implementation notes
 *   - Parsing validates, it does not judge: duplicate extensions, unknown
 *     critical extensions, zero/negative/over-long serial numbers and
 *     malformed *content* of a known extension are recorded in flags and
 *     ext_err for xcv_verify to reject, so a tool can still show such a
 *     certificate. Malformed *framing* (Certificate, TBS, the Extension
 *     SEQUENCE, an extnValue that is not exactly one DER value) fails the
 *     parse.
 *   - Errors: framing of the certificate's own fields returns the der.c
 *     error (XCV_ERR_DER_*); a field's content returns the field's
 *     XCV_ERR_CERT_* error (BAD_VERSION, BAD_SERIAL, BAD_ALGORITHM,
 *     BAD_NAME, BAD_VALIDITY, BAD_SPKI/BAD_RSA_KEY/BAD_EC_KEY...). Two DER
 *     errors are kept because they say more: XCV_ERR_DER_BAD_TIME for a
 *     time string and XCV_ERR_DER_BAD_STRING for a DN string with characters
 *     its type forbids. An explicitly encoded critical FALSE fails with
 *     XCV_ERR_DER_DEFAULT_ENCODED; an explicit version v1 fails with
 *     XCV_ERR_CERT_BAD_VERSION.
 *   - ext_err values: XCV_ERR_CERT_BAD_SAN (subjectAltName),
 *     XCV_ERR_NC_MALFORMED (nameConstraints), XCV_ERR_CERT_BAD_EXTENSION
 *     (every other known extension). The first occurrence of an extension is
 *     the one decoded; a repeat only sets XCV_CERT_DUPLICATE_EXTENSION.
 *   - Duplicate detection: known extensions through their bit; unknown ones
 *     by comparing OIDs with the earlier extensions, for the first
 *     XCV_CERT_DUP_SCAN_MAX extensions only (bounds the O(n^2) work on
 *     hostile input; a repeated unknown extension is harmless unless
 *     critical, and unknown critical extensions are flagged anyway).
 *   - The error offset is the start of the TLV being read when parsing
 *     failed (a field's TLV for content errors).
 *
 * Deviations from RFC 5280 (all documented choices)
 *   - RSA PKCS#1 signature AlgorithmIdentifiers are accepted with NULL or
 *     absent parameters (RFC 4055 2.1 asks for NULL; absent is seen in the
 *     wild); sig_params keeps what was there so sig.c can be stricter.
 *   - DER SET OF ordering inside multi-valued RDNs is not enforced.
 *   - keyUsage may carry trailing zero bits (see parse_key_usage: two real
 *     roots need it).
 *   - TeletexString content is opaque (der.c).
 *   - The "authorityCertIssuer and authorityCertSerialNumber both or
 *     neither" rule of X.509 for AKI is not enforced.
 *   - GeneralizedTime is accepted for validity dates before 2050 (see
 *     read_validity_time: a real root needs it).
 *   - Empty issuer / empty subject without SAN are not parse errors: they
 *     are left to verification (XCV_ERR_CERT_EMPTY_ISSUER, ..._NO_SAN).
 */
#include "cert.h"

#include "der.h"
#include "oid.h"

/* Parse position for error offsets. */
struct pctx {
    const uint8_t *base;
    const uint8_t *at;
};

static void mark(struct pctx *ctx, xcv_slice rd)
{
    if (rd.p != NULL) {
        ctx->at = rd.p;
    }
}

static int is_string_tag(uint8_t tag)
{
    switch (tag) {
    case XCV_TAG_UTF8_STRING:
    case 0x12: /* NumericString */
    case XCV_TAG_PRINTABLE_STRING:
    case XCV_TAG_TELETEX_STRING:
    case XCV_TAG_IA5_STRING:
    case XCV_TAG_VISIBLE_STRING:
    case XCV_TAG_UNIVERSAL_STRING:
    case XCV_TAG_BMP_STRING:
        return 1;
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------------ */
/* Names                                                                     */
/* ------------------------------------------------------------------------ */

/* One AttributeTypeAndValue content. */
static xcv_err check_atv(xcv_slice atv)
{
    xcv_slice oid;
    /* RFC 5280 4.1.2.4: AttributeTypeAndValue ::= SEQUENCE { type
     * AttributeType, value AttributeValue }, AttributeType ::= OBJECT
     * IDENTIFIER, AttributeValue ::= ANY -- DEFINED BY AttributeType. */
    XCV_ENSURE(xcv_der_read(&atv, XCV_TAG_OID, &oid) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    XCV_ENSURE(xcv_der_check_oid(oid) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    uint8_t tag = 0;
    xcv_slice value;
    XCV_ENSURE(xcv_der_read_any(&atv, &tag, &value, NULL) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    XCV_ENSURE(atv.n == 0, XCV_ERR_CERT_BAD_NAME);
    if (is_string_tag(tag)) {
        /* X.680 41: each string type restricts its characters. */
        XCV_ENSURE(xcv_der_check_string(tag, value) == XCV_OK, XCV_ERR_DER_BAD_STRING);
        return XCV_OK;
    }
    /* The attribute types xcv names (CN, C, O, emailAddress, DC, ...) are all
     * defined with string syntaxes (RFC 5280 appendix A, RFC 4519); another
     * tag for them is malformed. */
    XCV_ENSURE(xcv_oid_dn_attr(xcv_oid_lookup(oid)) == XCV_DN_OTHER, XCV_ERR_CERT_BAD_NAME);
    /* An attribute type xcv does not know is ANY -- DEFINED BY its type, but
     * directory attribute syntaxes in certificates are strings, BIT STRING
     * (x500UniqueIdentifier) or a SEQUENCE: anything else (BOOLEAN, INTEGER,
     * OID, SET, context tags ...) is rejected, a strict subset of what
     * OpenSSL's ASN1_PRINTABLE accepts (found by fuzz_diff_openssl). */
    if (tag == XCV_TAG_BIT_STRING) {
        xcv_slice bits;
        unsigned unused;
        XCV_ENSURE(xcv_der_bit_string(value, &bits, &unused) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
        return XCV_OK;
    }
    XCV_ENSURE(tag == XCV_TAG_SEQUENCE, XCV_ERR_CERT_BAD_NAME);
    XCV_ENSURE(xcv_der_walk(value, 1) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    return XCV_OK;
}

/* see cert.h */
xcv_err xcv_name_validate(xcv_slice name)
{
    xcv_slice rdns;
    /* RFC 5280 4.1.2.4: Name ::= CHOICE { rdnSequence RDNSequence },
     * RDNSequence ::= SEQUENCE OF RelativeDistinguishedName. */
    XCV_ENSURE(xcv_der_read(&name, XCV_TAG_SEQUENCE, &rdns) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    XCV_ENSURE(name.n == 0, XCV_ERR_CERT_BAD_NAME);
    while (rdns.n > 0) {
        xcv_slice set;
        XCV_ENSURE(xcv_der_read(&rdns, XCV_TAG_SET, &set) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
        /* RelativeDistinguishedName ::= SET SIZE (1..MAX) OF
         * AttributeTypeAndValue */
        XCV_ENSURE(set.n > 0, XCV_ERR_CERT_BAD_NAME);
        while (set.n > 0) {
            xcv_slice atv;
            XCV_ENSURE(xcv_der_read(&set, XCV_TAG_SEQUENCE, &atv) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
            XCV_TRY(check_atv(atv));
        }
    }
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* GeneralName                                                               */
/* ------------------------------------------------------------------------ */

/* see cert.h */
xcv_err xcv_gn_read(xcv_slice *rd, struct xcv_general_name *out, unsigned flags)
{
    XCV_ENSURE(rd != NULL && out != NULL, XCV_ERR_INVALID_ARGUMENT);
    xcv_slice r = *rd;
    uint8_t tag = 0;
    xcv_slice v;
    XCV_TRY(xcv_der_read_any(&r, &tag, &v, NULL));
    struct xcv_general_name gn;
    gn.value = v;
    switch (tag) {
    case XCV_TAG_CTX_CONS(0): {
        /* otherName [0] IMPLICIT OtherName; OtherName ::= SEQUENCE {
         * type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY DEFINED BY
         * type-id } */
        xcv_slice c = v;
        xcv_slice oid;
        xcv_slice inner;
        XCV_TRY(xcv_der_read(&c, XCV_TAG_OID, &oid));
        XCV_TRY(xcv_der_check_oid(oid));
        XCV_TRY(xcv_der_read(&c, XCV_TAG_CTX_CONS(0), &inner));
        XCV_TRY(xcv_der_end(c));
        XCV_TRY(xcv_der_read_any(&inner, NULL, NULL, NULL));
        XCV_TRY(xcv_der_end(inner));
        gn.type = XCV_GN_OTHER_NAME;
        break;
    }
    case XCV_TAG_CTX(1):
    case XCV_TAG_CTX(2):
    case XCV_TAG_CTX(6):
        /* rfc822Name [1] IA5String, dNSName [2] IA5String,
         * uniformResourceIdentifier [6] IA5String (IMPLICIT: primitive). */
        XCV_TRY(xcv_der_check_string(XCV_TAG_IA5_STRING, v));
        gn.type = (xcv_gn_type)(tag & 0x1Fu);
        break;
    case XCV_TAG_CTX_CONS(3):
        /* x400Address [3] ORAddress: not interpreted; must be valid DER. */
        XCV_TRY(xcv_der_walk(v, 1));
        gn.type = XCV_GN_X400;
        break;
    case XCV_TAG_CTX_CONS(4): {
        /* directoryName [4] Name: Name is a CHOICE, so the tag is EXPLICIT
         * (X.680 31.2.7) and the content is exactly one Name. */
        xcv_slice c = v;
        xcv_slice name;
        XCV_TRY(xcv_der_read_tlv(&c, XCV_TAG_SEQUENCE, NULL, &name));
        XCV_TRY(xcv_der_end(c));
        XCV_TRY(xcv_name_validate(name));
        gn.type = XCV_GN_DIRECTORY;
        gn.value = name;
        break;
    }
    case XCV_TAG_CTX_CONS(5):
        /* ediPartyName [5] EDIPartyName: not interpreted; valid DER. */
        XCV_TRY(xcv_der_walk(v, 1));
        gn.type = XCV_GN_EDI_PARTY;
        break;
    case XCV_TAG_CTX(7):
        /* RFC 5280 4.2.1.6: "For IP version 4 ... the octet string MUST
         * contain exactly four octets. For IP version 6 ... exactly sixteen
         * octets." 4.2.1.10: in name constraints, address and mask: 8 or 32. */
        if ((flags & XCV_GN_IP_ADDRESS_ONLY) != 0) {
            XCV_ENSURE(v.n == 4 || v.n == 16, XCV_ERR_BAD_SAN_NAME);
        } else if ((flags & XCV_GN_IP_WITH_MASK) != 0) {
            XCV_ENSURE(v.n == 8 || v.n == 32, XCV_ERR_BAD_SAN_NAME);
        } else {
            XCV_ENSURE(v.n == 4 || v.n == 8 || v.n == 16 || v.n == 32, XCV_ERR_BAD_SAN_NAME);
        }
        gn.type = XCV_GN_IP;
        break;
    case XCV_TAG_CTX(8):
        /* registeredID [8] OBJECT IDENTIFIER */
        XCV_TRY(xcv_der_check_oid(v));
        gn.type = XCV_GN_REGISTERED_ID;
        break;
    default:
        return XCV_ERR_DER_UNEXPECTED_TAG;
    }
    *out = gn;
    *rd = r;
    return XCV_OK;
}

/* see cert.h */
xcv_err xcv_general_names_check(xcv_slice content, unsigned flags)
{
    /* RFC 5280 4.2.1.6: GeneralNames ::= SEQUENCE SIZE (1..MAX) OF
     * GeneralName */
    XCV_ENSURE(content.n > 0, XCV_ERR_CERT_BAD_SAN);
    while (content.n > 0) {
        struct xcv_general_name gn;
        XCV_TRY(xcv_gn_read(&content, &gn, flags));
    }
    return XCV_OK;
}

/* see xcv.h */
void xcv_gn_iter_init(xcv_gn_iter *it, xcv_slice general_names)
{
    if (it == NULL) {
        return;
    }
    it->rest = general_names;
    it->err = XCV_OK;
}

/* see xcv.h */
int xcv_gn_next(xcv_gn_iter *it, struct xcv_general_name *out)
{
    if (it == NULL || out == NULL || it->err != XCV_OK || it->rest.n == 0) {
        return 0;
    }
    xcv_err e = xcv_gn_read(&it->rest, out, 0);
    if (e != XCV_OK) {
        it->err = e;
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* AlgorithmIdentifier and keys                                              */
/* ------------------------------------------------------------------------ */

/* The content of a universal primitive BOOLEAN, INTEGER, NULL or OID is
 * valid DER for its type; other tags are opaque here. */
static xcv_err check_any_primitive(uint8_t tag, xcv_slice v)
{
    int b = 0;
    switch (tag) {
    case XCV_TAG_BOOLEAN:
        return xcv_der_boolean(v, &b);
    case XCV_TAG_INTEGER:
        return xcv_der_check_integer(v);
    case XCV_TAG_NULL:
        return xcv_der_check_null(v);
    case XCV_TAG_OID:
        return xcv_der_check_oid(v);
    default:
        return XCV_OK;
    }
}

/*
 * AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER,
 * parameters ANY DEFINED BY algorithm OPTIONAL } (RFC 5280 4.1.1.2).
 * The parameters, when present, are one valid DER value.
 */
static xcv_err read_alg_id(xcv_slice *rd, xcv_slice *out_tlv, xcv_slice *out_oid,
                           xcv_slice *out_params)
{
    xcv_slice r = *rd;
    xcv_slice c;
    XCV_ENSURE(xcv_der_read_tlv(&r, XCV_TAG_SEQUENCE, &c, out_tlv) == XCV_OK,
               XCV_ERR_CERT_BAD_ALGORITHM);
    XCV_ENSURE(xcv_der_read(&c, XCV_TAG_OID, out_oid) == XCV_OK, XCV_ERR_CERT_BAD_ALGORITHM);
    XCV_ENSURE(xcv_der_check_oid(*out_oid) == XCV_OK, XCV_ERR_CERT_BAD_ALGORITHM);
    *out_params = xcv_slice_empty();
    if (c.n > 0) {
        xcv_slice pv;
        uint8_t tag = 0;
        XCV_ENSURE(xcv_der_read_any(&c, &tag, &pv, out_params) == XCV_OK,
                   XCV_ERR_CERT_BAD_ALGORITHM);
        if ((tag & 0x20u) != 0) {
            XCV_ENSURE(xcv_der_walk(pv, 1) == XCV_OK, XCV_ERR_CERT_BAD_ALGORITHM);
        } else {
            /* X.690 8.2/8.3/8.8/8.19: a universal primitive here must be a
             * valid value of its type even when the algorithm is unknown
             * (fuzz_diff_openssl: OpenSSL rejects e.g. a BOOLEAN of 8 octets). */
            XCV_ENSURE(check_any_primitive(tag, pv) == XCV_OK, XCV_ERR_CERT_BAD_ALGORITHM);
        }
    }
    XCV_ENSURE(c.n == 0, XCV_ERR_CERT_BAD_ALGORITHM);
    *rd = r;
    return XCV_OK;
}

static int is_null_tlv(xcv_slice s)
{
    return s.n == 2 && s.p[0] == XCV_TAG_NULL && s.p[1] == 0x00u;
}

/* Parameter rules of the signature algorithms. */
static xcv_err check_sig_params(xcv_sig_alg alg, xcv_slice params)
{
    switch (alg) {
    case XCV_SIG_RSA_PKCS1_MD5:
    case XCV_SIG_RSA_PKCS1_SHA1:
    case XCV_SIG_RSA_PKCS1_SHA224:
    case XCV_SIG_RSA_PKCS1_SHA256:
    case XCV_SIG_RSA_PKCS1_SHA384:
    case XCV_SIG_RSA_PKCS1_SHA512:
        /* RFC 4055 5 / RFC 3279 2.2.1: "the parameters component of that
         * type SHALL be the ASN.1 type NULL". Absent is tolerated (see the
         * file header); anything else is malformed. */
        XCV_ENSURE(params.n == 0 || is_null_tlv(params), XCV_ERR_CERT_BAD_ALGORITHM);
        return XCV_OK;
    case XCV_SIG_RSA_PSS:
        /* RFC 4055 3.1: RSASSA-PSS-params ::= SEQUENCE {...}; the
         * parameters MUST be present in a signature AlgorithmIdentifier
         * (sig.c decodes them). */
        XCV_ENSURE(params.n > 0 && params.p[0] == XCV_TAG_SEQUENCE, XCV_ERR_CERT_BAD_ALGORITHM);
        return XCV_OK;
    case XCV_SIG_ECDSA_SHA1:
    case XCV_SIG_ECDSA_SHA224:
    case XCV_SIG_ECDSA_SHA256:
    case XCV_SIG_ECDSA_SHA384:
    case XCV_SIG_ECDSA_SHA512:
        /* RFC 5758 3.2: "the encoding MUST omit the parameters field". */
    case XCV_SIG_ED25519:
    case XCV_SIG_ED448:
        /* RFC 8410 3: "the parameters MUST be absent". */
    case XCV_SIG_DSA:
        /* RFC 3279 2.2.2: "the parameters field MUST be omitted". */
        XCV_ENSURE(params.n == 0, XCV_ERR_CERT_BAD_ALGORITHM);
        return XCV_OK;
    default:
        return XCV_OK;
    }
}

static unsigned bit_length(xcv_slice mag)
{
    if (mag.n == 0) {
        return 0;
    }
    unsigned top = 0;
    for (unsigned b = mag.p[0]; b != 0; b >>= 1) {
        top++;
    }
    return (unsigned)((mag.n - 1) * 8u) + top;
}

/* RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
 * (RFC 3279 2.3.1), both positive. */
static xcv_err parse_rsa_key(xcv_slice bits, struct xcv_pubkey *out)
{
    xcv_slice seq;
    xcv_slice n;
    xcv_slice e;
    XCV_ENSURE(xcv_der_read(&bits, XCV_TAG_SEQUENCE, &seq) == XCV_OK, XCV_ERR_CERT_BAD_RSA_KEY);
    XCV_ENSURE(bits.n == 0, XCV_ERR_CERT_BAD_RSA_KEY);
    XCV_ENSURE(xcv_der_read_integer(&seq, &n) == XCV_OK, XCV_ERR_CERT_BAD_RSA_KEY);
    XCV_ENSURE(xcv_der_read_integer(&seq, &e) == XCV_OK, XCV_ERR_CERT_BAD_RSA_KEY);
    XCV_ENSURE(seq.n == 0, XCV_ERR_CERT_BAD_RSA_KEY);
    XCV_ENSURE(xcv_der_integer_unsigned(n, &out->rsa_n) == XCV_OK, XCV_ERR_CERT_BAD_RSA_KEY);
    XCV_ENSURE(xcv_der_integer_unsigned(e, &out->rsa_e) == XCV_OK, XCV_ERR_CERT_BAD_RSA_KEY);
    /* Zero is not a modulus nor an exponent. */
    XCV_ENSURE(out->rsa_n.p[0] != 0, XCV_ERR_CERT_BAD_RSA_KEY);
    XCV_ENSURE(out->rsa_e.p[0] != 0, XCV_ERR_CERT_BAD_RSA_KEY);
    out->key_bits = bit_length(out->rsa_n);
    return XCV_OK;
}

/* see xcv.h */
xcv_err xcv_pubkey_parse(xcv_slice spki, struct xcv_pubkey *out)
{
    XCV_ENSURE(out != NULL && (spki.p != NULL || spki.n == 0), XCV_ERR_INVALID_ARGUMENT);
    memset(out, 0, sizeof(*out));
    out->spki = spki;
    /* RFC 5280 4.1: SubjectPublicKeyInfo ::= SEQUENCE { algorithm
     * AlgorithmIdentifier, subjectPublicKey BIT STRING } */
    xcv_slice r = spki;
    xcv_slice c;
    XCV_ENSURE(xcv_der_read(&r, XCV_TAG_SEQUENCE, &c) == XCV_OK, XCV_ERR_CERT_BAD_SPKI);
    XCV_ENSURE(r.n == 0, XCV_ERR_CERT_BAD_SPKI);
    xcv_slice oid;
    xcv_slice params;
    XCV_ENSURE(read_alg_id(&c, &out->alg_der, &oid, &params) == XCV_OK, XCV_ERR_CERT_BAD_SPKI);
    xcv_slice bs;
    XCV_ENSURE(xcv_der_read(&c, XCV_TAG_BIT_STRING, &bs) == XCV_OK, XCV_ERR_CERT_BAD_SPKI);
    XCV_ENSURE(c.n == 0, XCV_ERR_CERT_BAD_SPKI);
    /* Every key encoding xcv knows is a whole number of octets. */
    XCV_ENSURE(xcv_der_bit_string_octets(bs, &out->bits) == XCV_OK, XCV_ERR_CERT_BAD_SPKI);

    switch (xcv_oid_lookup(oid)) {
    case XCV_OID_RSA_ENCRYPTION:
        /* RFC 3279 2.3.1: "The parameters field MUST have ASN.1 type NULL
         * for this algorithm identifier." */
        XCV_ENSURE(is_null_tlv(params), XCV_ERR_CERT_BAD_SPKI);
        out->type = XCV_KEY_RSA;
        return parse_rsa_key(out->bits, out);
    case XCV_OID_RSASSA_PSS:
        /* RFC 4055 1.2: parameters absent, or RSASSA-PSS-params restricting
         * the key's use (kept in alg_der for sig.c). */
        XCV_ENSURE(params.n == 0 || params.p[0] == XCV_TAG_SEQUENCE, XCV_ERR_CERT_BAD_SPKI);
        out->type = XCV_KEY_RSA_PSS;
        return parse_rsa_key(out->bits, out);
    case XCV_OID_EC_PUBLIC_KEY: {
        /* RFC 5480 2.1.1: "implicitCurve and specifiedCurve MUST NOT be used
         * in PKIX"; only namedCurve (an OID) is accepted. */
        XCV_ENSURE(params.n > 0 && params.p[0] == XCV_TAG_OID, XCV_ERR_CERT_BAD_EC_KEY);
        xcv_slice pr = params;
        xcv_slice curve_oid;
        XCV_ENSURE(xcv_der_read(&pr, XCV_TAG_OID, &curve_oid) == XCV_OK, XCV_ERR_CERT_BAD_EC_KEY);
        XCV_ENSURE(xcv_der_check_oid(curve_oid) == XCV_OK, XCV_ERR_CERT_BAD_EC_KEY);
        out->type = XCV_KEY_EC;
        out->curve = xcv_oid_curve(xcv_oid_lookup(curve_oid));
        out->ec_point = out->bits;
        size_t coord = 0;
        switch (out->curve) {
        case XCV_CURVE_P256:
            out->key_bits = 256;
            coord = 32;
            break;
        case XCV_CURVE_P384:
            out->key_bits = 384;
            coord = 48;
            break;
        case XCV_CURVE_P521:
            out->key_bits = 521;
            coord = 66;
            break;
        default:
            break;
        }
        /* RFC 5480 2.2: "The first octet of the OCTET STRING indicates
         * whether the key is compressed or uncompressed. The uncompressed
         * form is indicated by 0x04 and the compressed form is indicated by
         * either 0x02 or 0x03": only the uncompressed form ("MUST" support)
         * is accepted. */
        XCV_ENSURE(out->bits.n >= 1 && out->bits.p[0] == 0x04u, XCV_ERR_CERT_BAD_EC_KEY);
        if (coord > 0) {
            XCV_ENSURE(out->bits.n == 1 + 2 * coord, XCV_ERR_CERT_BAD_EC_KEY);
        } else {
            XCV_ENSURE(out->bits.n >= 3 && (out->bits.n & 1u) == 1u, XCV_ERR_CERT_BAD_EC_KEY);
        }
        return XCV_OK;
    }
    case XCV_OID_ED25519:
        /* RFC 8410 3: "the parameters MUST be absent"; 4: the key is the
         * 32-octet public key. */
        XCV_ENSURE(params.n == 0, XCV_ERR_CERT_BAD_SPKI);
        XCV_ENSURE(out->bits.n == 32, XCV_ERR_CERT_BAD_SPKI);
        out->type = XCV_KEY_ED25519;
        out->key_bits = 256;
        return XCV_OK;
    case XCV_OID_ED448:
        XCV_ENSURE(params.n == 0, XCV_ERR_CERT_BAD_SPKI);
        XCV_ENSURE(out->bits.n == 57, XCV_ERR_CERT_BAD_SPKI);
        out->type = XCV_KEY_ED448;
        out->key_bits = 448;
        return XCV_OK;
    case XCV_OID_DSA:
        out->type = XCV_KEY_DSA;
        return XCV_OK;
    default:
        out->type = XCV_KEY_UNKNOWN;
        return XCV_OK;
    }
}

/* ------------------------------------------------------------------------ */
/* Extensions                                                                */
/* ------------------------------------------------------------------------ */

/* Extensions whose semantics xcv implements: a critical one is understood.
 * The four policy extensions are processed by verification (policy.c, RFC
 * 5280 6.1). */
#define UNDERSTOOD_EXTS                                                                            \
    (XCV_EXT_BASIC_CONSTRAINTS | XCV_EXT_KEY_USAGE | XCV_EXT_EXT_KEY_USAGE |                       \
     XCV_EXT_SUBJECT_ALT_NAME | XCV_EXT_NAME_CONSTRAINTS | XCV_EXT_AUTHORITY_KEY_ID |              \
     XCV_EXT_SUBJECT_KEY_ID | XCV_EXT_CERT_POLICIES | XCV_EXT_POLICY_MAPPINGS |                    \
     XCV_EXT_POLICY_CONSTRAINTS | XCV_EXT_INHIBIT_ANY_POLICY)

/* Reads a SEQUENCE that is the whole of value and must not be empty. */
static xcv_err whole_sequence(xcv_slice value, xcv_slice *out)
{
    XCV_TRY(xcv_der_read(&value, XCV_TAG_SEQUENCE, out));
    XCV_TRY(xcv_der_end(value));
    XCV_ENSURE(out->n > 0, XCV_ERR_CERT_BAD_EXTENSION);
    return XCV_OK;
}

static xcv_err parse_basic_constraints(struct xcv_cert *c, xcv_slice value)
{
    /* RFC 5280 4.2.1.9: BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT
     * FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL } (may be empty). */
    xcv_slice seq;
    XCV_TRY(xcv_der_read(&value, XCV_TAG_SEQUENCE, &seq));
    XCV_TRY(xcv_der_end(value));
    int ca = 0;
    if (xcv_der_peek(&seq, XCV_TAG_BOOLEAN)) {
        xcv_slice b;
        XCV_TRY(xcv_der_read(&seq, XCV_TAG_BOOLEAN, &b));
        XCV_TRY(xcv_der_boolean(b, &ca));
        /* X.690 11.5: a DEFAULT value is not encoded. */
        XCV_ENSURE(ca, XCV_ERR_DER_DEFAULT_ENCODED);
    }
    int path_len = -1;
    if (seq.n > 0) {
        xcv_slice n;
        XCV_TRY(xcv_der_read_integer(&seq, &n));
        XCV_ENSURE((n.p[0] & 0x80u) == 0, XCV_ERR_DER_INTEGER_RANGE);
        /* Values beyond INT_MAX saturate (no path is that long). */
        uint64_t v = 0;
        for (size_t i = 0; i < n.n; i++) {
            v = (v << 8) | n.p[i];
            if (v > 0x7FFFFFFFu) {
                v = 0x7FFFFFFFu;
                break;
            }
        }
        path_len = (int)v;
    }
    XCV_TRY(xcv_der_end(seq));
    c->is_ca = ca;
    c->path_len = path_len;
    return XCV_OK;
}

static xcv_err parse_key_usage(struct xcv_cert *c, xcv_slice value)
{
    /* RFC 5280 4.2.1.3: KeyUsage ::= BIT STRING { digitalSignature (0), ...
     * decipherOnly (8) }. X.690 11.2.2 (DER) would require trailing zero
     * bits to be removed from this named bit list, but that rule is NOT
     * enforced: two roots in Debian's CA bundle (Trustwave Global ECC P256
     * and P384 Certification Authority) encode keyCertSign|cRLSign as
     * 03 03 07 06 00 (a trailing zero octet). The padding bits must still
     * be zero (xcv_der_bit_string) and no bit beyond 31 may be set. */
    xcv_slice bs;
    xcv_slice octets;
    unsigned unused = 0;
    XCV_TRY(xcv_der_read(&value, XCV_TAG_BIT_STRING, &bs));
    XCV_TRY(xcv_der_end(value));
    XCV_TRY(xcv_der_bit_string(bs, &octets, &unused));
    uint32_t bits = 0;
    for (size_t i = 0; i < octets.n; i++) {
        uint8_t o = octets.p[i];
        if (i >= 4) {
            XCV_ENSURE(o == 0, XCV_ERR_CERT_BAD_EXTENSION);
            continue;
        }
        for (unsigned k = 0; k < 8; k++) {
            if ((o & (0x80u >> k)) != 0) {
                bits |= (uint32_t)1u << (i * 8 + k);
            }
        }
    }
    /* RFC 5280 4.2.1.3: "When the keyUsage extension appears in a
     * certificate, at least one of the bits MUST be set to 1." */
    XCV_ENSURE(bits != 0, XCV_ERR_CERT_BAD_EXTENSION);
    c->key_usage = bits;
    return XCV_OK;
}

static xcv_err parse_eku(struct xcv_cert *c, xcv_slice value)
{
    /* RFC 5280 4.2.1.12: ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF
     * KeyPurposeId; KeyPurposeId ::= OBJECT IDENTIFIER */
    xcv_slice seq;
    XCV_TRY(whole_sequence(value, &seq));
    uint32_t eku = 0;
    xcv_slice r = seq;
    while (r.n > 0) {
        xcv_slice oid;
        XCV_TRY(xcv_der_read(&r, XCV_TAG_OID, &oid));
        XCV_TRY(xcv_der_check_oid(oid));
        uint32_t bit = xcv_oid_eku_bit(xcv_oid_lookup(oid));
        eku |= bit != 0 ? bit : XCV_EKU_OTHER;
    }
    c->eku = eku;
    c->eku_der = seq;
    return XCV_OK;
}

static xcv_err parse_general_names_ext(xcv_slice value, xcv_slice *out)
{
    xcv_slice seq;
    XCV_TRY(xcv_der_read(&value, XCV_TAG_SEQUENCE, &seq));
    XCV_TRY(xcv_der_end(value));
    /* RFC 5280 4.2.1.6: "If the subjectAltName extension is present, the
     * sequence MUST contain at least one entry." */
    XCV_TRY(xcv_general_names_check(seq, XCV_GN_IP_ADDRESS_ONLY));
    *out = seq;
    return XCV_OK;
}

/* GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree; each entry
 * a SEQUENCE (its content is validated by nc.c). */
static xcv_err check_subtrees(xcv_slice subtrees)
{
    XCV_ENSURE(subtrees.n > 0, XCV_ERR_NC_MALFORMED);
    while (subtrees.n > 0) {
        XCV_TRY(xcv_der_read(&subtrees, XCV_TAG_SEQUENCE, NULL));
    }
    return XCV_OK;
}

static xcv_err parse_name_constraints(struct xcv_cert *c, xcv_slice value)
{
    /* RFC 5280 4.2.1.10: NameConstraints ::= SEQUENCE { permittedSubtrees
     * [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] GeneralSubtrees
     * OPTIONAL }; "Conforming CAs MUST NOT issue certificates where name
     * constraints is an empty sequence. That is, either the
     * permittedSubtrees field or the excludedSubtrees MUST be present." */
    xcv_slice seq;
    XCV_TRY(xcv_der_read(&value, XCV_TAG_SEQUENCE, &seq));
    XCV_TRY(xcv_der_end(value));
    xcv_slice permitted = xcv_slice_empty();
    xcv_slice excluded = xcv_slice_empty();
    int has_p = 0;
    int has_e = 0;
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX_CONS(0), &permitted, &has_p));
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX_CONS(1), &excluded, &has_e));
    XCV_TRY(xcv_der_end(seq));
    XCV_ENSURE(has_p || has_e, XCV_ERR_NC_MALFORMED);
    if (has_p) {
        XCV_TRY(check_subtrees(permitted));
    }
    if (has_e) {
        XCV_TRY(check_subtrees(excluded));
    }
    c->nc_permitted = has_p ? permitted : xcv_slice_empty();
    c->nc_excluded = has_e ? excluded : xcv_slice_empty();
    return XCV_OK;
}

static xcv_err parse_aki(struct xcv_cert *c, xcv_slice value)
{
    /* RFC 5280 4.2.1.1: AuthorityKeyIdentifier ::= SEQUENCE {
     * keyIdentifier [0] KeyIdentifier OPTIONAL, authorityCertIssuer [1]
     * GeneralNames OPTIONAL, authorityCertSerialNumber [2]
     * CertificateSerialNumber OPTIONAL } */
    xcv_slice seq;
    XCV_TRY(xcv_der_read(&value, XCV_TAG_SEQUENCE, &seq));
    XCV_TRY(xcv_der_end(value));
    xcv_slice kid = xcv_slice_empty();
    xcv_slice names;
    xcv_slice serial;
    int present = 0;
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX(0), &kid, &present));
    if (!present) {
        kid = xcv_slice_empty();
    }
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX_CONS(1), &names, &present));
    if (present) {
        XCV_TRY(xcv_general_names_check(names, XCV_GN_IP_ADDRESS_ONLY));
    }
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX(2), &serial, &present));
    if (present) {
        XCV_TRY(xcv_der_check_integer(serial));
    }
    XCV_TRY(xcv_der_end(seq));
    c->aki_key_id = kid;
    return XCV_OK;
}

static xcv_err parse_ski(struct xcv_cert *c, xcv_slice value)
{
    /* RFC 5280 4.2.1.2: SubjectKeyIdentifier ::= KeyIdentifier ::= OCTET
     * STRING */
    xcv_slice kid;
    XCV_TRY(xcv_der_read(&value, XCV_TAG_OCTET_STRING, &kid));
    XCV_TRY(xcv_der_end(value));
    c->ski = kid;
    return XCV_OK;
}

/* see cert.h */
xcv_err xcv_cert_aki_fields(const struct xcv_cert *c, xcv_slice *out_issuer, xcv_slice *out_serial)
{
    xcv_slice list = c->extensions;
    *out_issuer = xcv_slice_empty();
    *out_serial = xcv_slice_empty();
    while (list.n > 0) {
        xcv_slice ext;
        xcv_slice oid;
        xcv_slice value;
        XCV_TRY(xcv_der_read(&list, XCV_TAG_SEQUENCE, &ext));
        XCV_TRY(xcv_der_read(&ext, XCV_TAG_OID, &oid));
        if (xcv_oid_lookup(oid) != XCV_OID_EXT_AUTHORITY_KEY_ID) {
            continue;
        }
        if (xcv_der_peek(&ext, XCV_TAG_BOOLEAN)) {
            XCV_TRY(xcv_der_read(&ext, XCV_TAG_BOOLEAN, NULL));
        }
        XCV_TRY(xcv_der_read(&ext, XCV_TAG_OCTET_STRING, &value));
        /* The same grammar parse_aki validated: SEQUENCE { [0], [1], [2] }. */
        xcv_slice seq;
        xcv_slice part;
        int present = 0;
        XCV_TRY(xcv_der_read(&value, XCV_TAG_SEQUENCE, &seq));
        XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX(0), &part, &present));
        XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX_CONS(1), &part, &present));
        if (present) {
            *out_issuer = part;
        }
        XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX(2), &part, &present));
        if (present) {
            *out_serial = part;
        }
        return XCV_OK; /* the first occurrence is the one that counts */
    }
    return XCV_OK;
}

/* Decodes the content of a known extension; value is the extnValue content
 * (exactly one DER value). */
static xcv_err parse_known(struct xcv_cert *c, xcv_oid_id id, xcv_slice value)
{
    xcv_slice seq;
    switch (id) {
    case XCV_OID_EXT_BASIC_CONSTRAINTS:
        return parse_basic_constraints(c, value);
    case XCV_OID_EXT_KEY_USAGE:
        return parse_key_usage(c, value);
    case XCV_OID_EXT_EXT_KEY_USAGE:
        return parse_eku(c, value);
    case XCV_OID_EXT_SUBJECT_ALT_NAME:
        return parse_general_names_ext(value, &c->san);
    case XCV_OID_EXT_ISSUER_ALT_NAME:
        return parse_general_names_ext(value, &c->ian);
    case XCV_OID_EXT_NAME_CONSTRAINTS:
        return parse_name_constraints(c, value);
    case XCV_OID_EXT_AUTHORITY_KEY_ID:
        return parse_aki(c, value);
    case XCV_OID_EXT_SUBJECT_KEY_ID:
        return parse_ski(c, value);
    case XCV_OID_EXT_CERT_POLICIES:
        /* RFC 5280 4.2.1.4: certificatePolicies ::= SEQUENCE SIZE (1..MAX)
         * OF PolicyInformation (content decoded by verification). */
        XCV_TRY(whole_sequence(value, &seq));
        c->policies = value;
        return XCV_OK;
    case XCV_OID_EXT_POLICY_MAPPINGS:
        /* 4.2.1.5: PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF ... */
        XCV_TRY(whole_sequence(value, &seq));
        c->policy_mappings = value;
        return XCV_OK;
    case XCV_OID_EXT_POLICY_CONSTRAINTS:
        /* 4.2.1.11: "Conforming CAs MUST NOT issue certificates where
         * policy constraints is an empty sequence." */
        XCV_TRY(whole_sequence(value, &seq));
        c->policy_constraints = value;
        return XCV_OK;
    case XCV_OID_EXT_INHIBIT_ANY_POLICY: {
        /* 4.2.1.14: InhibitAnyPolicy ::= SkipCerts ::= INTEGER (0..MAX) */
        xcv_slice r = value;
        xcv_slice n;
        XCV_TRY(xcv_der_read_integer(&r, &n));
        XCV_TRY(xcv_der_end(r));
        XCV_ENSURE((n.p[0] & 0x80u) == 0, XCV_ERR_DER_INTEGER_RANGE);
        c->inhibit_any_policy = value;
        return XCV_OK;
    }
    case XCV_OID_EXT_CRL_DIST_POINTS:
        /* 4.2.1.13: CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF ... */
        XCV_TRY(whole_sequence(value, &seq));
        c->crl_dp = value;
        return XCV_OK;
    case XCV_OID_EXT_AUTHORITY_INFO:
        /* 4.2.2.1: AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF ... */
        XCV_TRY(whole_sequence(value, &seq));
        c->aia = value;
        return XCV_OK;
    case XCV_OID_EXT_FRESHEST_CRL:
    case XCV_OID_EXT_SUBJECT_INFO:
    case XCV_OID_EXT_SUBJECT_DIR_ATTRS:
        /* 4.2.1.15, 4.2.2.2, 4.2.1.8: SEQUENCE SIZE (1..MAX) OF ... */
        return whole_sequence(value, &seq);
    case XCV_OID_EXT_SCT_LIST: {
        /* RFC 6962 3.3: SignedCertificateTimestampList is an OCTET STRING
         * (its TLS-encoded content is not interpreted). */
        xcv_slice r = value;
        XCV_TRY(xcv_der_read(&r, XCV_TAG_OCTET_STRING, NULL));
        return xcv_der_end(r);
    }
    default:
        return XCV_OK;
    }
}

/* 1 when one of the first count extensions of list has this OID. */
static int oid_seen(xcv_slice list, size_t count, xcv_slice oid)
{
    for (size_t i = 0; i < count && list.n > 0; i++) {
        xcv_slice ext;
        xcv_slice other;
        if (xcv_der_read(&list, XCV_TAG_SEQUENCE, &ext) != XCV_OK ||
            xcv_der_read(&ext, XCV_TAG_OID, &other) != XCV_OK) {
            return 0;
        }
        if (xcv_slice_eq(other, oid)) {
            return 1;
        }
    }
    return 0;
}

static void record_extension(struct xcv_cert *c, xcv_slice list, size_t index, xcv_slice oid,
                             int critical, xcv_slice value)
{
    xcv_oid_id id = xcv_oid_lookup(oid);
    uint32_t bit = xcv_oid_ext_bit(id);
    if (bit == 0) {
        c->ext_present |= XCV_EXT_OTHER;
        if (critical) {
            c->ext_critical |= XCV_EXT_OTHER;
            /* RFC 5280 4.2: "A certificate-using system MUST reject the
             * certificate if it encounters a critical extension it does not
             * recognize" (recorded; verification rejects). */
            c->flags |= XCV_CERT_UNKNOWN_CRITICAL;
        }
        /* RFC 5280 4.2: "A certificate MUST NOT include more than one
         * instance of a particular extension." */
        if (index < XCV_CERT_DUP_SCAN_MAX && oid_seen(list, index, oid)) {
            c->flags |= XCV_CERT_DUPLICATE_EXTENSION;
        }
        return;
    }
    if (critical) {
        c->ext_critical |= bit;
        if ((bit & UNDERSTOOD_EXTS) == 0) {
            c->flags |= XCV_CERT_UNKNOWN_CRITICAL;
        }
    }
    if ((c->ext_present & bit) != 0) {
        c->flags |= XCV_CERT_DUPLICATE_EXTENSION;
        return; /* the first occurrence is the one decoded */
    }
    c->ext_present |= bit;
    xcv_err e = parse_known(c, id, value);
    if (e != XCV_OK) {
        if (c->ext_err == XCV_OK) {
            if (id == XCV_OID_EXT_SUBJECT_ALT_NAME) {
                c->ext_err = XCV_ERR_CERT_BAD_SAN;
            } else if (id == XCV_OID_EXT_NAME_CONSTRAINTS) {
                c->ext_err = XCV_ERR_NC_MALFORMED;
            } else {
                c->ext_err = XCV_ERR_CERT_BAD_EXTENSION;
            }
            c->ext_err_oid = oid;
        }
        c->flags |= XCV_CERT_BAD_EXTENSION;
    }
}

/* wrap: content of the [3] EXPLICIT tag. */
static xcv_err parse_extensions(struct pctx *ctx, xcv_slice wrap, struct xcv_cert *c)
{
    xcv_slice list;
    mark(ctx, wrap);
    /* RFC 5280 4.1: extensions [3] EXPLICIT Extensions OPTIONAL;
     * Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension */
    XCV_ENSURE(xcv_der_read(&wrap, XCV_TAG_SEQUENCE, &list) == XCV_OK, XCV_ERR_CERT_BAD_EXTENSIONS);
    XCV_ENSURE(wrap.n == 0, XCV_ERR_CERT_BAD_EXTENSIONS);
    XCV_ENSURE(list.n > 0, XCV_ERR_CERT_EMPTY_EXTENSIONS);
    c->extensions = list;
    xcv_slice rd = list;
    size_t index = 0;
    while (rd.n > 0) {
        mark(ctx, rd);
        /* Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical
         * BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
        xcv_slice ext;
        xcv_slice oid;
        xcv_slice value;
        XCV_ENSURE(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &ext) == XCV_OK,
                   XCV_ERR_CERT_BAD_EXTENSIONS);
        XCV_ENSURE(xcv_der_read(&ext, XCV_TAG_OID, &oid) == XCV_OK, XCV_ERR_CERT_BAD_EXTENSIONS);
        XCV_ENSURE(xcv_der_check_oid(oid) == XCV_OK, XCV_ERR_CERT_BAD_EXTENSIONS);
        int critical = 0;
        if (xcv_der_peek(&ext, XCV_TAG_BOOLEAN)) {
            xcv_slice b;
            XCV_ENSURE(xcv_der_read(&ext, XCV_TAG_BOOLEAN, &b) == XCV_OK,
                       XCV_ERR_CERT_BAD_EXTENSIONS);
            XCV_ENSURE(xcv_der_boolean(b, &critical) == XCV_OK, XCV_ERR_CERT_BAD_EXTENSIONS);
            /* X.690 11.5: "The encoding of a set value or sequence value
             * shall not include an encoding for any component value which
             * is equal to its default value." */
            XCV_ENSURE(critical, XCV_ERR_DER_DEFAULT_ENCODED);
        }
        XCV_ENSURE(xcv_der_read(&ext, XCV_TAG_OCTET_STRING, &value) == XCV_OK,
                   XCV_ERR_CERT_BAD_EXTENSIONS);
        XCV_ENSURE(ext.n == 0, XCV_ERR_CERT_BAD_EXTENSIONS);
        /* RFC 5280 4.1.2.9: extnValue "contains the DER encoding of an ASN.1
         * value": exactly one TLV. */
        xcv_slice inner = value;
        XCV_ENSURE(xcv_der_read_any(&inner, NULL, NULL, NULL) == XCV_OK && inner.n == 0,
                   XCV_ERR_CERT_BAD_EXTENSIONS);
        record_extension(c, list, index, oid, critical, value);
        index++;
    }
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* Certificate                                                               */
/* ------------------------------------------------------------------------ */

/* One Time of Validity (RFC 5280 4.1.2.5). */
static xcv_err read_validity_time(xcv_slice *rd, xcv_time *out)
{
    uint8_t tag = 0;
    xcv_slice v;
    XCV_ENSURE(xcv_der_read_any(rd, &tag, &v, NULL) == XCV_OK, XCV_ERR_CERT_BAD_VALIDITY);
    XCV_ENSURE(tag == XCV_TAG_UTC_TIME || tag == XCV_TAG_GENERALIZED_TIME,
               XCV_ERR_CERT_BAD_VALIDITY);
    /* RFC 5280 4.1.2.5: "CAs conforming to this profile MUST always encode
     * certificate validity dates through the year 2049 as UTCTime" is NOT
     * enforced: a root in Debian's CA bundle (Certum Trusted Network CA 2,
     * 2011-2046) encodes both dates as GeneralizedTime, and webpki and Go
     * accept it. The time string itself must be exactly as 4.1.2.5 says. */
    return xcv_der_time(tag, v, out);
}

static xcv_err parse_validity(struct pctx *ctx, xcv_slice *rd, struct xcv_cert *c)
{
    xcv_slice v;
    XCV_TRY(xcv_der_read(rd, XCV_TAG_SEQUENCE, &v));
    /* Validity ::= SEQUENCE { notBefore Time, notAfter Time } */
    mark(ctx, v);
    XCV_TRY(read_validity_time(&v, &c->not_before));
    mark(ctx, v);
    XCV_TRY(read_validity_time(&v, &c->not_after));
    mark(ctx, v);
    XCV_ENSURE(v.n == 0, XCV_ERR_CERT_BAD_VALIDITY);
    return XCV_OK;
}

/* Unique identifier [n] IMPLICIT BIT STRING (RFC 5280 4.1.2.8). */
static xcv_err read_unique_id(struct pctx *ctx, xcv_slice *rd, unsigned n, const struct xcv_cert *c,
                              xcv_slice *out)
{
    int present = 0;
    xcv_slice v;
    mark(ctx, *rd);
    XCV_TRY(xcv_der_read_optional(rd, XCV_TAG_CTX(n), &v, &present));
    if (!present) {
        *out = xcv_slice_empty();
        return XCV_OK;
    }
    /* 4.1.2.8: "These fields MUST only appear if the version is 2 or 3". */
    XCV_ENSURE(c->version >= 2, XCV_ERR_CERT_UNIQUE_ID_NOT_ALLOWED);
    XCV_TRY(xcv_der_bit_string(v, NULL, NULL));
    *out = v;
    return XCV_OK;
}

static xcv_err parse_tbs(struct pctx *ctx, xcv_slice rd, struct xcv_cert *c, xcv_slice *tbs_alg)
{
    /* version [0] EXPLICIT Version DEFAULT v1 */
    int present = 0;
    xcv_slice vwrap;
    mark(ctx, rd);
    XCV_TRY(xcv_der_read_optional(&rd, XCV_TAG_CTX_CONS(0), &vwrap, &present));
    c->version = 1;
    if (present) {
        xcv_slice vint;
        uint64_t v = 0;
        XCV_ENSURE(xcv_der_read(&vwrap, XCV_TAG_INTEGER, &vint) == XCV_OK && vwrap.n == 0,
                   XCV_ERR_CERT_BAD_VERSION);
        /* Version ::= INTEGER { v1(0), v2(1), v3(2) } */
        XCV_ENSURE(xcv_der_integer_small(vint, 2, &v) == XCV_OK, XCV_ERR_CERT_BAD_VERSION);
        /* X.690 11.5: DEFAULT v1 must not be encoded. */
        XCV_ENSURE(v != 0, XCV_ERR_CERT_BAD_VERSION);
        c->version = (int)v + 1;
    }

    /* serialNumber CertificateSerialNumber ::= INTEGER */
    mark(ctx, rd);
    xcv_slice serial;
    XCV_TRY(xcv_der_read(&rd, XCV_TAG_INTEGER, &serial));
    XCV_ENSURE(xcv_der_check_integer(serial) == XCV_OK, XCV_ERR_CERT_BAD_SERIAL);
    c->serial = serial;
    /* RFC 5280 4.1.2.2: "The serial number MUST be a positive integer";
     * "Conforming CAs MUST NOT use serialNumber values longer than 20
     * octets." Recorded; verification judges. */
    if ((serial.p[0] & 0x80u) != 0) {
        c->flags |= XCV_CERT_NEGATIVE_SERIAL;
    } else if (serial.n == 1 && serial.p[0] == 0) {
        c->flags |= XCV_CERT_ZERO_SERIAL;
    }
    if (serial.n > 20) {
        c->flags |= XCV_CERT_SERIAL_TOO_LONG;
    }

    /* signature AlgorithmIdentifier (compared with the outer one later) */
    mark(ctx, rd);
    xcv_slice oid;
    xcv_slice params;
    XCV_TRY(read_alg_id(&rd, tbs_alg, &oid, &params));

    /* issuer Name */
    mark(ctx, rd);
    XCV_TRY(xcv_der_read_tlv(&rd, XCV_TAG_SEQUENCE, NULL, &c->issuer));
    XCV_TRY(xcv_name_validate(c->issuer));

    /* validity */
    mark(ctx, rd);
    XCV_TRY(parse_validity(ctx, &rd, c));

    /* subject Name */
    mark(ctx, rd);
    XCV_TRY(xcv_der_read_tlv(&rd, XCV_TAG_SEQUENCE, NULL, &c->subject));
    XCV_TRY(xcv_name_validate(c->subject));
    if (xcv_slice_eq(c->issuer, c->subject)) {
        c->flags |= XCV_CERT_SELF_ISSUED_BYTES;
    }

    /* subjectPublicKeyInfo */
    mark(ctx, rd);
    XCV_TRY(xcv_der_read_tlv(&rd, XCV_TAG_SEQUENCE, NULL, &c->spki));
    XCV_TRY(xcv_pubkey_parse(c->spki, &c->key));

    /* issuerUniqueID [1], subjectUniqueID [2] */
    XCV_TRY(read_unique_id(ctx, &rd, 1, c, &c->issuer_uid));
    XCV_TRY(read_unique_id(ctx, &rd, 2, c, &c->subject_uid));

    /* extensions [3] EXPLICIT */
    mark(ctx, rd);
    xcv_slice ewrap;
    XCV_TRY(xcv_der_read_optional(&rd, XCV_TAG_CTX_CONS(3), &ewrap, &present));
    if (present) {
        /* 4.1.2.9: "This field MUST only appear if the version is 3". */
        XCV_ENSURE(c->version == 3, XCV_ERR_CERT_EXTENSIONS_NOT_ALLOWED);
        XCV_TRY(parse_extensions(ctx, ewrap, c));
    }
    mark(ctx, rd);
    XCV_TRY(xcv_der_end(rd));
    return XCV_OK;
}

static xcv_err parse_cert(struct pctx *ctx, xcv_slice der, struct xcv_cert *c)
{
    memset(c, 0, sizeof(*c));
    c->path_len = -1;
    c->der = der;
    c->ext_err = XCV_OK;

    /* Certificate ::= SEQUENCE { tbsCertificate TBSCertificate,
     * signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING } */
    xcv_slice rd = der;
    xcv_slice body;
    mark(ctx, rd);
    XCV_TRY(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &body));
    mark(ctx, rd);
    XCV_TRY(xcv_der_end(rd));

    xcv_slice tbs_content;
    mark(ctx, body);
    XCV_TRY(xcv_der_read_tlv(&body, XCV_TAG_SEQUENCE, &tbs_content, &c->tbs));
    xcv_slice tbs_alg = xcv_slice_empty();
    XCV_TRY(parse_tbs(ctx, tbs_content, c, &tbs_alg));

    mark(ctx, body);
    xcv_slice oid;
    XCV_TRY(read_alg_id(&body, &c->sig_alg_der, &oid, &c->sig_params));
    c->sig_alg = xcv_oid_sig_alg(xcv_oid_lookup(oid));
    XCV_TRY(check_sig_params(c->sig_alg, c->sig_params));
    /* RFC 5280 4.1.1.2: signatureAlgorithm "MUST contain the same algorithm
     * identifier as the signature field in the sequence tbsCertificate":
     * compared byte for byte. */
    XCV_ENSURE(xcv_slice_eq(tbs_alg, c->sig_alg_der), XCV_ERR_CERT_SIG_ALG_MISMATCH);

    mark(ctx, body);
    xcv_slice sig;
    XCV_TRY(xcv_der_read(&body, XCV_TAG_BIT_STRING, &sig));
    XCV_ENSURE(xcv_der_bit_string_octets(sig, &c->signature) == XCV_OK,
               XCV_ERR_CERT_BAD_SIGNATURE_VALUE);
    mark(ctx, body);
    XCV_TRY(xcv_der_end(body));
    return XCV_OK;
}

/* see xcv.h */
xcv_err xcv_cert_parse(xcv_slice der, struct xcv_cert *out_cert, size_t *out_offset)
{
    if (out_offset != NULL) {
        *out_offset = 0;
    }
    XCV_ENSURE(out_cert != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(der.p != NULL || der.n == 0, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(der.n > 0, XCV_ERR_DER_TRUNCATED);
    struct pctx ctx;
    ctx.base = der.p;
    ctx.at = der.p;
    xcv_err e = parse_cert(&ctx, der, out_cert);
    if (e != XCV_OK && out_offset != NULL) {
        *out_offset = (size_t)(ctx.at - ctx.base);
    }
    return e;
}
