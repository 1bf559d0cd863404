/*
 * der.h -- strict DER reader (X.690 DER subset used by RFC 5280).
 *
 * A reader is an xcv_slice that is consumed from the front. Every function
 * that reads advances the reader only on success.
 */
#ifndef XCV_DER_H
#define XCV_DER_H

#include "internal.h"

/* Tag bytes (class and constructed bit included; low-tag-number form only). */
#define XCV_TAG_BOOLEAN          0x01
#define XCV_TAG_INTEGER          0x02
#define XCV_TAG_BIT_STRING       0x03
#define XCV_TAG_OCTET_STRING     0x04
#define XCV_TAG_NULL             0x05
#define XCV_TAG_OID              0x06
#define XCV_TAG_ENUMERATED       0x0A
#define XCV_TAG_UTF8_STRING      0x0C
#define XCV_TAG_PRINTABLE_STRING 0x13
#define XCV_TAG_TELETEX_STRING   0x14
#define XCV_TAG_IA5_STRING       0x16
#define XCV_TAG_UTC_TIME         0x17
#define XCV_TAG_GENERALIZED_TIME 0x18
#define XCV_TAG_VISIBLE_STRING   0x1A
#define XCV_TAG_UNIVERSAL_STRING 0x1C
#define XCV_TAG_BMP_STRING       0x1E
#define XCV_TAG_SEQUENCE         0x30
#define XCV_TAG_SET              0x31
#define XCV_TAG_CTX(n)           ((uint8_t)(0x80u | (n)))  /* [n] IMPLICIT primitive */
#define XCV_TAG_CTX_CONS(n)      ((uint8_t)(0xA0u | (n)))  /* [n] constructed */

/* Maximum nesting depth walked by recursive helpers. */
#define XCV_DER_MAX_DEPTH 32

/*
 * Reads one TLV from *rd: tag (low-tag-number form only), definite minimal
 * length, value within the buffer. out_tlv (may be NULL) gets the whole TLV.
 */
XCV_MUST_USE xcv_err xcv_der_read_any(xcv_slice *rd, uint8_t *out_tag, xcv_slice *out_value,
                                      xcv_slice *out_tlv);

/* Reads one TLV that must carry tag; XCV_ERR_DER_UNEXPECTED_TAG otherwise. */
XCV_MUST_USE xcv_err xcv_der_read(xcv_slice *rd, uint8_t tag, xcv_slice *out_value);

/* Same, and also returns the whole TLV. */
XCV_MUST_USE xcv_err xcv_der_read_tlv(xcv_slice *rd, uint8_t tag, xcv_slice *out_value,
                                      xcv_slice *out_tlv);

/* 1 when *rd is non-empty and its next tag byte equals tag. */
int xcv_der_peek(const xcv_slice *rd, uint8_t tag);

/* When the next tag is tag: reads it, *out_present = 1; else *out_present = 0, no error. */
XCV_MUST_USE xcv_err xcv_der_read_optional(xcv_slice *rd, uint8_t tag, xcv_slice *out_value,
                                           int *out_present);

/* XCV_ERR_DER_TRAILING_DATA unless rd is empty. */
XCV_MUST_USE xcv_err xcv_der_end(xcv_slice rd);

/* INTEGER content: non-empty and minimal (no redundant leading 0x00/0xFF). */
XCV_MUST_USE xcv_err xcv_der_check_integer(xcv_slice value);

/* Reads an INTEGER (checked) and returns its content octets. */
XCV_MUST_USE xcv_err xcv_der_read_integer(xcv_slice *rd, xcv_slice *out_value);

/* INTEGER content as a non-negative value <= max; XCV_ERR_DER_INTEGER_RANGE otherwise. */
XCV_MUST_USE xcv_err xcv_der_integer_small(xcv_slice value, uint64_t max, uint64_t *out);

/* Non-negative INTEGER content as magnitude without the sign octet (for RSA n, e). */
XCV_MUST_USE xcv_err xcv_der_integer_unsigned(xcv_slice value, xcv_slice *out_magnitude);

/* BOOLEAN content: exactly one octet, 0x00 or 0xFF. */
XCV_MUST_USE xcv_err xcv_der_boolean(xcv_slice value, int *out);

/*
 * BIT STRING content: first octet unused-bits 0..7; 0 when empty; padding
 * bits zero. Returns the data octets and the unused count.
 */
XCV_MUST_USE xcv_err xcv_der_bit_string(xcv_slice value, xcv_slice *out_bits, unsigned *out_unused);

/* BIT STRING content that must have 0 unused bits (keys, signatures). */
XCV_MUST_USE xcv_err xcv_der_bit_string_octets(xcv_slice value, xcv_slice *out_bits);

/*
 * BIT STRING used as a NamedBitList (keyUsage): DER forbids trailing zero
 * bits (X.690 11.2.2). Returns bit n of the string as (1u << n), n < 32.
 */
XCV_MUST_USE xcv_err xcv_der_named_bits(xcv_slice value, uint32_t *out_bits);

/* OID content: non-empty, each arc minimal (no leading 0x80), last octet ends an arc. */
XCV_MUST_USE xcv_err xcv_der_check_oid(xcv_slice value);

/* NULL content must be empty. */
XCV_MUST_USE xcv_err xcv_der_check_null(xcv_slice value);

/*
 * UTCTime (tag 0x17, "YYMMDDHHMMSSZ", 50-99 -> 19xx) or GeneralizedTime
 * (0x18, "YYYYMMDDHHMMSSZ"), exactly as RFC 5280 4.1.2.5; real dates only.
 */
XCV_MUST_USE xcv_err xcv_der_time(uint8_t tag, xcv_slice value, xcv_time *out);

/* Reads a Time CHOICE (UTCTime or GeneralizedTime). */
XCV_MUST_USE xcv_err xcv_der_read_time(xcv_slice *rd, xcv_time *out);

/* String content check by tag: PrintableString charset, IA5 < 0x80, valid UTF-8,
 * BMPString even length, UniversalString multiple of 4. */
XCV_MUST_USE xcv_err xcv_der_check_string(uint8_t tag, xcv_slice value);

/*
 * Walks value as nested DER to full depth (constructed tags recursed, at
 * most XCV_DER_MAX_DEPTH levels), checking every TLV. For fuzzing and tests.
 */
XCV_MUST_USE xcv_err xcv_der_walk(xcv_slice value, unsigned depth);

#endif
