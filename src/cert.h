/*
 * cert.h -- certificate parsing helpers shared with other modules
 * (xcv_cert_parse, xcv_pubkey_parse and the GeneralName iterator are public,
 * in xcv.h).
 */
#ifndef XCV_CERT_H
#define XCV_CERT_H

#include "internal.h"

/*
 * Validates a Name TLV (RFC 5280 4.1.2.4): SEQUENCE OF non-empty SETs of
 * SEQUENCE { OID, value }, each string value valid for its type, the named
 * attribute types (CN, O, ...) holding a string. Returns XCV_ERR_CERT_BAD_NAME
 * or XCV_ERR_DER_* on failure.
 */
XCV_MUST_USE xcv_err xcv_name_validate(xcv_slice name);

/* Flags of xcv_gn_read. */
#define XCV_GN_IP_ADDRESS_ONLY 1u /* iPAddress must be 4 or 16 octets (SAN, IAN) */
#define XCV_GN_IP_WITH_MASK    2u /* iPAddress must be 8 or 32 octets (name constraints) */

/*
 * Reads and validates one GeneralName from *rd (RFC 5280 4.2.1.6): IA5
 * content for rfc822Name/dNSName/URI, a valid Name for directoryName,
 * OtherName structure, registeredID OID, iPAddress length per flags (with
 * neither flag: 4, 8, 16 or 32). Advances *rd only on success.
 */
XCV_MUST_USE xcv_err xcv_gn_read(xcv_slice *rd, struct xcv_general_name *out, unsigned flags);

/* Validates GeneralNames content: one or more valid GeneralName. */
XCV_MUST_USE xcv_err xcv_general_names_check(xcv_slice content, unsigned flags);

/*
 * The authorityCertIssuer (GeneralNames content) and authorityCertSerialNumber
 * (INTEGER content) of c's authorityKeyIdentifier (the first occurrence),
 * each empty when absent or when c has no AKI. The AKI was validated by
 * xcv_cert_parse; an error is returned only for bytes that no longer parse.
 */
XCV_MUST_USE xcv_err xcv_cert_aki_fields(const struct xcv_cert *c, xcv_slice *out_issuer,
                                         xcv_slice *out_serial);

/* Maximum number of extensions compared pairwise for duplicates (known
 * extensions are always checked, through their bits). */
#define XCV_CERT_DUP_SCAN_MAX 64

#endif
