/*
 * certbuild.h -- test helper: DER from a small template language, a
 * certificate template with replaceable fields, and a PEM decoder (so the
 * tests do not depend on the library's PEM module).
 *
 * Template language (xcv_tb_der):
 *   - hex byte pairs ("30", "0a"); spaces, newlines and ':' are ignored;
 *   - "TT(" ... ")": a TLV with tag byte TT whose length is computed from
 *     the content between the parentheses (which may nest);
 *   - 'text': the ASCII bytes of text (no quote inside);
 *   - {N:XX}: the byte XX repeated N times (decimal N).
 * Example: "30( 06(2a864886f70d01010b) 05() )" is sha256WithRSAEncryption.
 */
#ifndef XCV_TEST_CERTBUILD_H
#define XCV_TEST_CERTBUILD_H

#include <stddef.h>
#include <stdint.h>

/* Encodes a template into out; returns the length or (size_t)-1 on a
 * template error or overflow. */
size_t xcv_tb_der(const char *tmpl, uint8_t *out, size_t cap);

/*
 * A certificate as template fragments, one per field. NULL omits the field
 * (for version/issuer_uid/subject_uid/exts/ext_raw/trailing these are
 * optional anyway; omitting a required field produces a malformed cert).
 */
struct xcv_tb_cert {
    const char *version;     /* default "a0(02(02))" (v3) */
    const char *serial;      /* default "02(01)" */
    const char *tbs_alg;     /* default sha256WithRSAEncryption with NULL */
    const char *issuer;      /* default CN=Test CA */
    const char *validity;    /* default 2020-01-01 .. 2030-01-01, UTCTime */
    const char *subject;     /* default CN=Test Leaf */
    const char *spki;        /* default a P-256 key */
    const char *issuer_uid;  /* default NULL */
    const char *subject_uid; /* default NULL */
    const char *exts;        /* Extension TLVs, wrapped as a3(30(...)); default one SKI */
    const char *ext_raw;     /* when set, the whole extensions field instead of exts */
    const char *tbs_extra;   /* bytes appended inside the TBS (default NULL) */
    const char *outer_alg;   /* default = tbs_alg's default */
    const char *sig;         /* default "03(00 {64:5a})" */
    const char *trailing;    /* bytes after the Certificate (default NULL) */
};

/* Template fragments used by the defaults, reusable by tests. */
#define XCV_TB_ALG_SHA256_RSA "30(06(2a864886f70d01010b)05())"
#define XCV_TB_NAME_CA        "30(31(30(06(550403)13('Test CA'))))"
#define XCV_TB_NAME_LEAF      "30(31(30(06(550403)13('Test Leaf'))))"
#define XCV_TB_VALIDITY       "30(17('200101000000Z')17('300101000000Z'))"
#define XCV_TB_SPKI_P256      "30(30(06(2a8648ce3d0201)06(2a8648ce3d030107))03(00 04 {32:11} {32:22}))"
#define XCV_TB_EXT_SKI        "30(06(551d0e)04(04(0102030405060708)))"

void xcv_tb_cert_default(struct xcv_tb_cert *c);

/* Builds the certificate; returns its length or (size_t)-1. */
size_t xcv_tb_cert_build(const struct xcv_tb_cert *c, uint8_t *out, size_t cap);

/* Writes an rsaEncryption SPKI template with a modulus of exactly bits bits
 * (bits >= 9) and exponent 65537 into out. */
void xcv_tb_rsa_spki(unsigned bits, char *out, size_t cap);

/*
 * Decodes the next "-----BEGIN CERTIFICATE-----" block of text[*pos..len)
 * into out; advances *pos past its END line. Returns the DER length, 0 when
 * no further block exists, (size_t)-1 on malformed base64 or overflow.
 */
size_t xcv_tb_pem_next(const char *text, size_t len, size_t *pos, uint8_t *out, size_t cap);

#endif
