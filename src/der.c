/*
 * der.c -- strict DER reader (the X.690 DER subset used by RFC 5280).
 *
 * Purpose
 *   Reads tag-length-value structures from a reader (an xcv_slice consumed
 *   from the front) and checks the content of the universal types X.509
 *   uses: INTEGER, BOOLEAN, BIT STRING, OBJECT IDENTIFIER, NULL, the string
 *   types, UTCTime and GeneralizedTime.
 *
 * Standards
 *   X.690 (08/2015) 8.1.2 (identifier octets), 8.1.3 (length octets),
 *   8.2 (BOOLEAN), 8.3 (INTEGER), 8.6 (BIT STRING), 8.8 (NULL), 8.19 (OID),
 *   10.1 (DER: definite form, minimal length), 11.1 (DER BOOLEAN),
 *   11.2 (DER BIT STRING, NamedBitList); X.680 41 (character string types);
 *   RFC 3629 (UTF-8); RFC 5280 4.1.2.5 (Validity: UTCTime, GeneralizedTime).
 *
 * Implementation notes
 *   - Every reading function advances the reader only on success: it works
 *     on a copy and writes the copy back at the end.
 *   - Bounds checks compare counts (len <= rd->n), never pointers.
 *   - Lengths: at most 4 length octets are accepted (values < 2^32), which
 *     fits size_t on every supported platform; more is
 *     XCV_ERR_DER_LENGTH_OVERFLOW.
 *   - Tag [UNIVERSAL 0] (BER end-of-contents) never appears in DER and is
 *     rejected as XCV_ERR_DER_UNEXPECTED_TAG.
 *   - xcv_der_walk recurses at most XCV_DER_MAX_DEPTH levels (each level is
 *     one small stack frame) and also checks the content of the primitive
 *     universal types it knows (not times: DER allows GeneralizedTime
 *     fractions that RFC 5280 forbids only for certificate validity).
 *
 * Deviations
 *   - TeletexString content is not checked (T.61 has no usable definition);
 *     callers that care should treat it as opaque bytes.
 *   - xcv_der_time does not enforce RFC 5280's "UTCTime through 2049" rule;
 *     that is a certificate-level check.
 */
#include "der.h"

/* ------------------------------------------------------------------------ */
/* TLV                                                                       */
/* ------------------------------------------------------------------------ */

/* see der.h */
xcv_err xcv_der_read_any(xcv_slice *rd, uint8_t *out_tag, xcv_slice *out_value,
                         xcv_slice *out_tlv)
{
    XCV_ENSURE(rd != NULL, XCV_ERR_INVALID_ARGUMENT);
    const uint8_t *p = rd->p;
    size_t avail = rd->n;

    XCV_ENSURE(avail >= 1, XCV_ERR_DER_TRUNCATED);
    uint8_t tag = p[0];
    /* X.690 8.1.2.4: tag numbers >= 31 use the high-tag-number form, which no
     * RFC 5280 structure needs; reject it. */
    XCV_ENSURE((tag & 0x1Fu) != 0x1Fu, XCV_ERR_DER_HIGH_TAG);
    /* X.690 8.1.5: [UNIVERSAL 0] is the end-of-contents marker of the
     * indefinite form, which DER forbids (10.1). */
    XCV_ENSURE(tag != 0x00u, XCV_ERR_DER_UNEXPECTED_TAG);

    XCV_ENSURE(avail >= 2, XCV_ERR_DER_TRUNCATED);
    uint8_t first = p[1];
    size_t hdr = 2;
    size_t len;
    if (first < 0x80u) {
        /* X.690 8.1.3.4: short form, lengths 0..127. */
        len = first;
    } else {
        /* X.690 10.1: "The definite form of length encoding shall be used". */
        XCV_ENSURE(first != 0x80u, XCV_ERR_DER_INDEFINITE_LENGTH);
        size_t nlen = (size_t)(first & 0x7Fu);
        XCV_ENSURE(nlen <= 4 && nlen <= sizeof(size_t), XCV_ERR_DER_LENGTH_OVERFLOW);
        XCV_ENSURE(avail - 2 >= nlen, XCV_ERR_DER_TRUNCATED);
        /* X.690 10.1: "encoded in the minimum number of octets": no leading
         * zero length octet, and the long form only for lengths >= 128. */
        XCV_ENSURE(p[2] != 0x00u, XCV_ERR_DER_NON_MINIMAL_LENGTH);
        len = 0;
        for (size_t i = 0; i < nlen; i++) {
            len = (len << 8) | p[2 + i];
        }
        XCV_ENSURE(len >= 0x80u, XCV_ERR_DER_NON_MINIMAL_LENGTH);
        hdr += nlen;
    }
    XCV_ENSURE(len <= avail - hdr, XCV_ERR_DER_TRUNCATED);

    if (out_tag != NULL) {
        *out_tag = tag;
    }
    if (out_value != NULL) {
        *out_value = xcv_slice_make(p + hdr, len);
    }
    if (out_tlv != NULL) {
        *out_tlv = xcv_slice_make(p, hdr + len);
    }
    rd->p = p + hdr + len;
    rd->n = avail - hdr - len;
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_read_tlv(xcv_slice *rd, uint8_t tag, xcv_slice *out_value, xcv_slice *out_tlv)
{
    XCV_ENSURE(rd != NULL, XCV_ERR_INVALID_ARGUMENT);
    xcv_slice r = *rd;
    uint8_t got = 0;
    xcv_slice v;
    xcv_slice t;
    XCV_TRY(xcv_der_read_any(&r, &got, &v, &t));
    XCV_ENSURE(got == tag, XCV_ERR_DER_UNEXPECTED_TAG);
    if (out_value != NULL) {
        *out_value = v;
    }
    if (out_tlv != NULL) {
        *out_tlv = t;
    }
    *rd = r;
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_read(xcv_slice *rd, uint8_t tag, xcv_slice *out_value)
{
    return xcv_der_read_tlv(rd, tag, out_value, NULL);
}

/* see der.h */
int xcv_der_peek(const xcv_slice *rd, uint8_t tag)
{
    return rd != NULL && rd->n > 0 && rd->p[0] == tag;
}

/* see der.h */
xcv_err xcv_der_read_optional(xcv_slice *rd, uint8_t tag, xcv_slice *out_value, int *out_present)
{
    XCV_ENSURE(rd != NULL && out_present != NULL, XCV_ERR_INVALID_ARGUMENT);
    if (!xcv_der_peek(rd, tag)) {
        *out_present = 0;
        return XCV_OK;
    }
    XCV_TRY(xcv_der_read(rd, tag, out_value));
    *out_present = 1;
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_end(xcv_slice rd)
{
    XCV_ENSURE(rd.n == 0, XCV_ERR_DER_TRAILING_DATA);
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* INTEGER, BOOLEAN, NULL                                                    */
/* ------------------------------------------------------------------------ */

/* see der.h */
xcv_err xcv_der_check_integer(xcv_slice value)
{
    /* X.690 8.3.1: "The contents octets shall consist of one or more octets." */
    XCV_ENSURE(value.n >= 1, XCV_ERR_DER_BAD_INTEGER);
    /* X.690 8.3.2: "the bits of the first octet and bit 8 of the second octet
     * shall not all be ones; and shall not all be zero." */
    if (value.n >= 2) {
        XCV_ENSURE(!(value.p[0] == 0x00u && (value.p[1] & 0x80u) == 0), XCV_ERR_DER_BAD_INTEGER);
        XCV_ENSURE(!(value.p[0] == 0xFFu && (value.p[1] & 0x80u) != 0), XCV_ERR_DER_BAD_INTEGER);
    }
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_read_integer(xcv_slice *rd, xcv_slice *out_value)
{
    XCV_ENSURE(rd != NULL, XCV_ERR_INVALID_ARGUMENT);
    xcv_slice r = *rd;
    xcv_slice v;
    XCV_TRY(xcv_der_read(&r, XCV_TAG_INTEGER, &v));
    XCV_TRY(xcv_der_check_integer(v));
    if (out_value != NULL) {
        *out_value = v;
    }
    *rd = r;
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_integer_small(xcv_slice value, uint64_t max, uint64_t *out)
{
    XCV_TRY(xcv_der_check_integer(value));
    XCV_ENSURE((value.p[0] & 0x80u) == 0, XCV_ERR_DER_INTEGER_RANGE);
    size_t i = 0;
    if (value.n > 1 && value.p[0] == 0x00u) {
        i = 1; /* sign octet of a positive value with the top bit set */
    }
    XCV_ENSURE(value.n - i <= 8, XCV_ERR_DER_INTEGER_RANGE);
    uint64_t v = 0;
    for (; i < value.n; i++) {
        v = (v << 8) | value.p[i];
    }
    XCV_ENSURE(v <= max, XCV_ERR_DER_INTEGER_RANGE);
    if (out != NULL) {
        *out = v;
    }
    return XCV_OK;
}

/* see der.h; zero yields the single octet 0x00. */
xcv_err xcv_der_integer_unsigned(xcv_slice value, xcv_slice *out_magnitude)
{
    XCV_TRY(xcv_der_check_integer(value));
    XCV_ENSURE((value.p[0] & 0x80u) == 0, XCV_ERR_DER_INTEGER_RANGE);
    xcv_slice m = value;
    if (m.n > 1 && m.p[0] == 0x00u) {
        m.p++;
        m.n--;
    }
    if (out_magnitude != NULL) {
        *out_magnitude = m;
    }
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_boolean(xcv_slice value, int *out)
{
    /* X.690 8.2.1: "a single octet"; 11.1: "If the encoding represents the
     * boolean value TRUE, its single contents octet shall have all eight bits
     * set to one." */
    XCV_ENSURE(value.n == 1, XCV_ERR_DER_BAD_BOOLEAN);
    XCV_ENSURE(value.p[0] == 0x00u || value.p[0] == 0xFFu, XCV_ERR_DER_BAD_BOOLEAN);
    if (out != NULL) {
        *out = value.p[0] != 0;
    }
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_check_null(xcv_slice value)
{
    /* X.690 8.8.2: "The contents octets shall not contain any octets." */
    XCV_ENSURE(value.n == 0, XCV_ERR_DER_BAD_NULL);
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* BIT STRING                                                                */
/* ------------------------------------------------------------------------ */

/* see der.h */
xcv_err xcv_der_bit_string(xcv_slice value, xcv_slice *out_bits, unsigned *out_unused)
{
    /* X.690 8.6.2: the initial octet gives the number of unused bits. */
    XCV_ENSURE(value.n >= 1, XCV_ERR_DER_BAD_BIT_STRING);
    unsigned unused = value.p[0];
    /* X.690 8.6.2.2: "the number shall be in the range zero to seven." */
    XCV_ENSURE(unused <= 7, XCV_ERR_DER_BAD_BIT_STRING);
    /* X.690 8.6.2.3: "If the bitstring is empty, ... the initial octet shall
     * be zero." */
    XCV_ENSURE(value.n > 1 || unused == 0, XCV_ERR_DER_BAD_BIT_STRING);
    /* X.690 11.2.1: "Each unused bit in the final octet ... shall be set to
     * zero." */
    if (unused > 0) {
        unsigned mask = (1u << unused) - 1u;
        XCV_ENSURE((value.p[value.n - 1] & mask) == 0, XCV_ERR_DER_BAD_BIT_STRING);
    }
    if (out_bits != NULL) {
        *out_bits = xcv_slice_make(value.p + 1, value.n - 1);
    }
    if (out_unused != NULL) {
        *out_unused = unused;
    }
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_bit_string_octets(xcv_slice value, xcv_slice *out_bits)
{
    xcv_slice bits;
    unsigned unused = 0;
    XCV_TRY(xcv_der_bit_string(value, &bits, &unused));
    XCV_ENSURE(unused == 0, XCV_ERR_DER_BAD_BIT_STRING);
    if (out_bits != NULL) {
        *out_bits = bits;
    }
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_named_bits(xcv_slice value, uint32_t *out_bits)
{
    xcv_slice bits;
    unsigned unused = 0;
    XCV_TRY(xcv_der_bit_string(value, &bits, &unused));
    uint32_t r = 0;
    if (bits.n > 0) {
        /* X.690 11.2.2: "Where ... a named bit list ... the bitstring shall
         * have all trailing 0 bits removed before it is encoded": the last
         * used bit must be one. */
        XCV_ENSURE((bits.p[bits.n - 1] & (1u << unused)) != 0, XCV_ERR_DER_BAD_BIT_STRING);
        /* Only bits 0..31 are representable; the last bit is set, so the bit
         * count bounds the highest named bit. */
        XCV_ENSURE(bits.n <= 4, XCV_ERR_DER_BAD_BIT_STRING);
        size_t count = bits.n * 8 - unused;
        for (size_t i = 0; i < count; i++) {
            if ((bits.p[i / 8] & (0x80u >> (i % 8))) != 0) {
                r |= (uint32_t)1u << i;
            }
        }
    }
    if (out_bits != NULL) {
        *out_bits = r;
    }
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* OBJECT IDENTIFIER                                                         */
/* ------------------------------------------------------------------------ */

/* see der.h */
xcv_err xcv_der_check_oid(xcv_slice value)
{
    /* X.690 8.19.2: at least one subidentifier. */
    XCV_ENSURE(value.n >= 1, XCV_ERR_DER_BAD_OID);
    int start = 1;
    uint64_t arc = 0;
    for (size_t i = 0; i < value.n; i++) {
        uint8_t b = value.p[i];
        /* X.690 8.19.2: "the leading octet of the subidentifier shall not have
         * the value 80 (hex)". */
        XCV_ENSURE(!(start && b == 0x80u), XCV_ERR_DER_BAD_OID);
        /* Arcs beyond 64 bits are rejected rather than truncated. */
        XCV_ENSURE(arc <= (UINT64_MAX >> 7), XCV_ERR_DER_BAD_OID);
        arc = (arc << 7) | (uint64_t)(b & 0x7Fu);
        if ((b & 0x80u) == 0) {
            start = 1;
            arc = 0;
        } else {
            start = 0;
        }
    }
    /* The last octet must end a subidentifier (bit 8 clear). */
    XCV_ENSURE(start, XCV_ERR_DER_BAD_OID);
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* Strings                                                                   */
/* ------------------------------------------------------------------------ */

/* X.680 41.4 Table 10: PrintableString characters. */
static int is_printable_char(uint8_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        return 1;
    }
    switch (c) {
    case ' ':
    case '\'':
    case '(':
    case ')':
    case '+':
    case ',':
    case '-':
    case '.':
    case '/':
    case ':':
    case '=':
    case '?':
        return 1;
    default:
        return 0;
    }
}

/* RFC 3629 section 4: well-formed UTF-8 (no overlongs, no surrogates, at
 * most U+10FFFF). */
static xcv_err check_utf8(xcv_slice v)
{
    size_t i = 0;
    while (i < v.n) {
        uint8_t b = v.p[i];
        if (b < 0x80u) {
            i++;
            continue;
        }
        size_t need;
        uint32_t cp;
        uint32_t min;
        if (b >= 0xC2u && b <= 0xDFu) {
            need = 1;
            cp = b & 0x1Fu;
            min = 0x80u;
        } else if (b >= 0xE0u && b <= 0xEFu) {
            need = 2;
            cp = b & 0x0Fu;
            min = 0x800u;
        } else if (b >= 0xF0u && b <= 0xF4u) {
            need = 3;
            cp = b & 0x07u;
            min = 0x10000u;
        } else {
            /* 0x80-0xC1 (continuation or overlong lead), 0xF5-0xFF. */
            return XCV_ERR_DER_BAD_STRING;
        }
        XCV_ENSURE(v.n - i - 1 >= need, XCV_ERR_DER_BAD_STRING);
        for (size_t k = 1; k <= need; k++) {
            uint8_t c = v.p[i + k];
            XCV_ENSURE((c & 0xC0u) == 0x80u, XCV_ERR_DER_BAD_STRING);
            cp = (cp << 6) | (uint32_t)(c & 0x3Fu);
        }
        XCV_ENSURE(cp >= min, XCV_ERR_DER_BAD_STRING);
        XCV_ENSURE(cp <= 0x10FFFFu, XCV_ERR_DER_BAD_STRING);
        XCV_ENSURE(cp < 0xD800u || cp > 0xDFFFu, XCV_ERR_DER_BAD_STRING);
        i += 1 + need;
    }
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_check_string(uint8_t tag, xcv_slice value)
{
    switch (tag) {
    case XCV_TAG_UTF8_STRING:
        return check_utf8(value);
    case 0x12: /* NumericString, X.680 41.4 Table 9: digits and space */
        for (size_t i = 0; i < value.n; i++) {
            uint8_t c = value.p[i];
            XCV_ENSURE((c >= '0' && c <= '9') || c == ' ', XCV_ERR_DER_BAD_STRING);
        }
        return XCV_OK;
    case XCV_TAG_PRINTABLE_STRING:
        for (size_t i = 0; i < value.n; i++) {
            XCV_ENSURE(is_printable_char(value.p[i]), XCV_ERR_DER_BAD_STRING);
        }
        return XCV_OK;
    case XCV_TAG_TELETEX_STRING:
        /* T.61: no usable character set definition; content is opaque. */
        return XCV_OK;
    case XCV_TAG_IA5_STRING:
        /* IA5 is the 7-bit International Alphabet No. 5. */
        for (size_t i = 0; i < value.n; i++) {
            XCV_ENSURE(value.p[i] < 0x80u, XCV_ERR_DER_BAD_STRING);
        }
        return XCV_OK;
    case XCV_TAG_VISIBLE_STRING:
        /* X.680 41.4: VisibleString is the printing characters of ISO 646
         * plus space: 0x20..0x7E. */
        for (size_t i = 0; i < value.n; i++) {
            XCV_ENSURE(value.p[i] >= 0x20u && value.p[i] <= 0x7Eu, XCV_ERR_DER_BAD_STRING);
        }
        return XCV_OK;
    case XCV_TAG_UNIVERSAL_STRING:
        /* UCS-4, big-endian: four octets per character, each a Unicode
         * scalar value. */
        XCV_ENSURE(value.n % 4 == 0, XCV_ERR_DER_BAD_STRING);
        for (size_t i = 0; i < value.n; i += 4) {
            uint32_t cp = ((uint32_t)value.p[i] << 24) | ((uint32_t)value.p[i + 1] << 16) |
                          ((uint32_t)value.p[i + 2] << 8) | (uint32_t)value.p[i + 3];
            XCV_ENSURE(cp <= 0x10FFFFu && (cp < 0xD800u || cp > 0xDFFFu),
                       XCV_ERR_DER_BAD_STRING);
        }
        return XCV_OK;
    case XCV_TAG_BMP_STRING:
        /* UCS-2, big-endian: two octets per character. */
        XCV_ENSURE(value.n % 2 == 0, XCV_ERR_DER_BAD_STRING);
        return XCV_OK;
    default:
        return XCV_ERR_DER_UNEXPECTED_TAG;
    }
}

/* ------------------------------------------------------------------------ */
/* Time                                                                      */
/* ------------------------------------------------------------------------ */

/* Two ASCII digits at p as 0..99; -1 when either is not a digit. */
static int two_digits(const uint8_t *p)
{
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9') {
        return -1;
    }
    return (p[0] - '0') * 10 + (p[1] - '0');
}

/* see der.h */
xcv_err xcv_der_time(uint8_t tag, xcv_slice value, xcv_time *out)
{
    const uint8_t *p = value.p;
    int year;
    if (tag == XCV_TAG_UTC_TIME) {
        /* RFC 5280 4.1.2.5.1: "UTCTime values MUST be expressed in Greenwich
         * Mean Time (Zulu) and MUST include seconds (i.e., times are
         * YYMMDDHHMMSSZ)". */
        XCV_ENSURE(value.n == 13, XCV_ERR_DER_BAD_TIME);
        int yy = two_digits(p);
        XCV_ENSURE(yy >= 0, XCV_ERR_DER_BAD_TIME);
        /* "Where YY is greater than or equal to 50, the year SHALL be
         * interpreted as 19YY; and Where YY is less than 50, the year SHALL be
         * interpreted as 20YY." */
        year = yy >= 50 ? 1900 + yy : 2000 + yy;
        p += 2;
    } else if (tag == XCV_TAG_GENERALIZED_TIME) {
        /* RFC 5280 4.1.2.5.2: "GeneralizedTime values MUST be expressed in
         * Greenwich Mean Time (Zulu) and MUST include seconds (i.e., times are
         * YYYYMMDDHHMMSSZ), even where the number of seconds is zero.
         * GeneralizedTime values MUST NOT include fractional seconds." */
        XCV_ENSURE(value.n == 15, XCV_ERR_DER_BAD_TIME);
        int hi = two_digits(p);
        int lo = two_digits(p + 2);
        XCV_ENSURE(hi >= 0 && lo >= 0, XCV_ERR_DER_BAD_TIME);
        year = hi * 100 + lo;
        p += 4;
    } else {
        return XCV_ERR_DER_UNEXPECTED_TAG;
    }
    int month = two_digits(p);
    int day = two_digits(p + 2);
    int hour = two_digits(p + 4);
    int minute = two_digits(p + 6);
    int second = two_digits(p + 8);
    XCV_ENSURE(month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0,
               XCV_ERR_DER_BAD_TIME);
    XCV_ENSURE(p[10] == 'Z', XCV_ERR_DER_BAD_TIME);
    /* Range checks (month 1-12, real day of month, hour 0-23, minute 0-59,
     * second 0-59: no leap seconds) are in xcv_time_from_civil. */
    xcv_time t;
    XCV_TRY(xcv_time_from_civil(year, month, day, hour, minute, second, &t));
    if (out != NULL) {
        *out = t;
    }
    return XCV_OK;
}

/* see der.h */
xcv_err xcv_der_read_time(xcv_slice *rd, xcv_time *out)
{
    XCV_ENSURE(rd != NULL, XCV_ERR_INVALID_ARGUMENT);
    /* RFC 5280 4.1.2.5: Time ::= CHOICE { utcTime UTCTime, generalTime
     * GeneralizedTime } */
    XCV_ENSURE(xcv_der_peek(rd, XCV_TAG_UTC_TIME) || xcv_der_peek(rd, XCV_TAG_GENERALIZED_TIME),
               XCV_ERR_DER_UNEXPECTED_TAG);
    xcv_slice r = *rd;
    uint8_t tag = 0;
    xcv_slice v;
    XCV_TRY(xcv_der_read_any(&r, &tag, &v, NULL));
    XCV_TRY(xcv_der_time(tag, v, out));
    *rd = r;
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* Walk                                                                      */
/* ------------------------------------------------------------------------ */

/* Content and form checks for one universal-class TLV. */
static xcv_err check_universal(uint8_t tag, xcv_slice value)
{
    unsigned number = tag & 0x1Fu;
    int constructed = (tag & 0x20u) != 0;
    /* SEQUENCE and SET (X.690 8.9.1, 8.11.1) and the SEQUENCE-based EXTERNAL
     * and EMBEDDED PDV are always constructed; X.690 10.2: "the constructed
     * form of encoding shall not be used" for string types in DER, and the
     * remaining types have only a primitive form. */
    int must_construct = number == 8 || number == 11 || number == 16 || number == 17;
    XCV_ENSURE(constructed == must_construct, XCV_ERR_DER_UNEXPECTED_TAG);
    switch (tag) {
    case XCV_TAG_BOOLEAN:
        return xcv_der_boolean(value, NULL);
    case XCV_TAG_INTEGER:
    case XCV_TAG_ENUMERATED:
        return xcv_der_check_integer(value);
    case XCV_TAG_BIT_STRING:
        return xcv_der_bit_string(value, NULL, NULL);
    case XCV_TAG_NULL:
        return xcv_der_check_null(value);
    case XCV_TAG_OID:
        return xcv_der_check_oid(value);
    case XCV_TAG_UTF8_STRING:
    case 0x12:
    case XCV_TAG_PRINTABLE_STRING:
    case XCV_TAG_IA5_STRING:
    case XCV_TAG_VISIBLE_STRING:
    case XCV_TAG_UNIVERSAL_STRING:
    case XCV_TAG_BMP_STRING:
        return xcv_der_check_string(tag, value);
    default:
        return XCV_OK;
    }
}

/* see der.h */
xcv_err xcv_der_walk(xcv_slice value, unsigned depth)
{
    XCV_ENSURE(depth <= XCV_DER_MAX_DEPTH, XCV_ERR_DER_TOO_DEEP);
    xcv_slice rd = value;
    while (rd.n > 0) {
        uint8_t tag = 0;
        xcv_slice v;
        XCV_TRY(xcv_der_read_any(&rd, &tag, &v, NULL));
        if ((tag & 0xC0u) == 0) {
            XCV_TRY(check_universal(tag, v));
        }
        if ((tag & 0x20u) != 0) {
            XCV_TRY(xcv_der_walk(v, depth + 1));
        }
    }
    return XCV_OK;
}
