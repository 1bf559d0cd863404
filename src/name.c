/*
 * name.c -- Distinguished Names: attribute iteration, RFC 4514-like
 * formatting, comparison by RFC 5280 7.1 rules, a hash consistent with the
 * comparison, emptiness and RDN-prefix tests.
 *
 * Standards
 *   RFC 5280 4.1.2.4 (Name), 7.1 (internationalized names in DNs:
 *   comparison), RFC 4518 2.6.1 (insignificant space handling), RFC 4514
 *   (string representation, escaping).
 *
 * Implementation notes
 *   - Comparison (xcv_dn_equal, xcv_name_has_prefix): byte-identical Names
 *     are equal (after a structural check). Otherwise both must have the
 *     same number of RDNs; RDN i of one must hold the same multiset of
 *     attributes as RDN i of the other (order inside a multi-valued RDN does
 *     not matter). Two attributes are equal when their type OIDs are equal
 *     and:
 *       * both values are "text" (PrintableString, UTF8String, IA5String):
 *         the values compare equal after removing leading and trailing
 *         spaces, folding each run of inner spaces to one space and folding
 *         ASCII A-Z to a-z (RFC 5280 7.1 allows this simplification of
 *         RFC 4518 "LDAP StringPrep": types other than PrintableString and
 *         UTF8String "may be assumed" to need no case folding; IA5String is
 *         included because emailAddress and domainComponent are
 *         caseIgnoreIA5Match attributes). A PrintableString and a
 *         UTF8String with the same text are equal. Non-ASCII UTF-8 is
 *         compared byte for byte (no Unicode normalisation or case folding).
 *       * otherwise: same tag and same bytes (TeletexString, BMPString,
 *         UniversalString, non-string values).
 *   - Multi-valued RDNs with more than XCV_RDN_MAX_ATTRS attributes are
 *     compared byte for byte only (bounds the O(k^2) multiset matching).
 *   - xcv_name_hash: FNV-1a over each attribute's OID and normalised value;
 *     attribute hashes are summed within an RDN (order-independent), RDN
 *     hashes are chained in order. Equal names hash equally.
 *   - xcv_dn_format: RFC 4514 escaping of , + " \ < > ; and of a leading
 *     '#' or space and a trailing space; control bytes, DEL and every byte
 *     >= 0x80 are written as \XX (so UTF-8 text appears as escaped UTF-8
 *     bytes: the output is always printable ASCII and safe on a terminal).
 *     BMPString and UniversalString values are decoded to code points;
 *     ASCII ones are written as text, others as \XX of their UTF-8 bytes, so
 *     equal text formats identically whatever its string type. Non-string
 *     values are written as '#' and the hex of their DER (RFC 4514 2.4).
 *     Attribute types xcv names use their short names (CN, O, OU, C, L, ST,
 *     STREET, serialNumber, emailAddress, DC, UID, title, GN, SN,
 *     postalCode, organizationIdentifier); others the dotted OID. A
 *     malformed Name formats what could be read followed by "<malformed>".
 */
#include "name.h"

#include "der.h"
#include "oid.h"

/* ------------------------------------------------------------------------ */
/* Iteration                                                                 */
/* ------------------------------------------------------------------------ */

/*
 * Reads one AttributeTypeAndValue from a SET content. out->type (the table lookup of the OID)
 * is filled only by read_atv_typed, for xcv_dn_next: comparison and
 * hashing use the OID bytes, and a lookup per attribute on every name
 * comparison was a measurable share of xcv_verify.
 */
static xcv_err read_atv(xcv_slice *set, struct xcv_dn_attr *out)
{
    xcv_slice r = *set;
    xcv_slice atv;
    xcv_slice oid;
    uint8_t tag = 0;
    xcv_slice value;
    XCV_ENSURE(xcv_der_read(&r, XCV_TAG_SEQUENCE, &atv) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    XCV_ENSURE(xcv_der_read(&atv, XCV_TAG_OID, &oid) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    XCV_ENSURE(xcv_der_check_oid(oid) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    XCV_ENSURE(xcv_der_read_any(&atv, &tag, &value, NULL) == XCV_OK, XCV_ERR_CERT_BAD_NAME);
    XCV_ENSURE(atv.n == 0, XCV_ERR_CERT_BAD_NAME);
    out->type = XCV_DN_OTHER; /* not looked up: see read_atv_typed */
    out->oid = oid;
    out->str_tag = tag;
    out->value = value;
    out->rdn_index = 0;
    *set = r;
    return XCV_OK;
}

/* read_atv with out->type set from the OID table. */
static xcv_err read_atv_typed(xcv_slice *set, struct xcv_dn_attr *out)
{
    XCV_TRY(read_atv(set, out));
    out->type = xcv_oid_dn_attr(xcv_oid_lookup(out->oid));
    return XCV_OK;
}

/* see xcv.h */
void xcv_dn_iter_init(xcv_dn_iter *it, xcv_slice name)
{
    if (it == NULL) {
        return;
    }
    it->rdn = xcv_slice_empty();
    it->rdn_index = 0;
    it->err = XCV_OK;
    xcv_slice r = name;
    xcv_err e = xcv_der_read(&r, XCV_TAG_SEQUENCE, &it->rdns);
    if (e == XCV_OK && r.n != 0) {
        e = XCV_ERR_DER_TRAILING_DATA;
    }
    if (e != XCV_OK) {
        it->rdns = xcv_slice_empty();
        it->err = e;
    }
}

/* see xcv.h */
int xcv_dn_next(xcv_dn_iter *it, struct xcv_dn_attr *out)
{
    if (it == NULL || out == NULL || it->err != XCV_OK) {
        return 0;
    }
    if (it->rdn.n == 0) {
        if (it->rdns.n == 0) {
            return 0;
        }
        xcv_slice set;
        xcv_err e = xcv_der_read(&it->rdns, XCV_TAG_SET, &set);
        if (e == XCV_OK && set.n == 0) {
            /* RelativeDistinguishedName ::= SET SIZE (1..MAX) OF ... */
            e = XCV_ERR_CERT_BAD_NAME;
        }
        if (e != XCV_OK) {
            it->err = e;
            return 0;
        }
        it->rdn = set;
        it->rdn_index++;
    }
    xcv_err e = read_atv_typed(&it->rdn, out);
    if (e != XCV_OK) {
        it->err = e;
        return 0;
    }
    out->rdn_index = it->rdn_index - 1;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Structure check                                                           */
/* ------------------------------------------------------------------------ */

/* 1 when name is a well-formed Name TLV; its RDN list and count. */
static int name_rdns(xcv_slice name, xcv_slice *out_rdns, size_t *out_count)
{
    xcv_slice r = name;
    xcv_slice rdns;
    if (xcv_der_read(&r, XCV_TAG_SEQUENCE, &rdns) != XCV_OK || r.n != 0) {
        return 0;
    }
    size_t count = 0;
    xcv_slice w = rdns;
    while (w.n > 0) {
        xcv_slice set;
        if (xcv_der_read(&w, XCV_TAG_SET, &set) != XCV_OK || set.n == 0) {
            return 0;
        }
        while (set.n > 0) {
            struct xcv_dn_attr a;
            if (read_atv(&set, &a) != XCV_OK) {
                return 0;
            }
        }
        count++;
    }
    *out_rdns = rdns;
    *out_count = count;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Normalised values                                                         */
/* ------------------------------------------------------------------------ */

/* String types compared by the caseIgnore/insignificant-space rules. */
static int is_text_tag(uint8_t tag)
{
    return tag == XCV_TAG_PRINTABLE_STRING || tag == XCV_TAG_UTF8_STRING ||
           tag == XCV_TAG_IA5_STRING;
}

struct norm {
    xcv_slice s;
    size_t i;
};

/* RFC 4518 2.6.1: leading and trailing spaces removed, inner runs of spaces
 * reduced to one. */
static void norm_init(struct norm *z, xcv_slice s)
{
    while (s.n > 0 && s.p[0] == ' ') {
        s.p++;
        s.n--;
    }
    while (s.n > 0 && s.p[s.n - 1] == ' ') {
        s.n--;
    }
    z->s = s;
    z->i = 0;
}

/* Next normalised byte, or -1 at the end. */
static int norm_next(struct norm *z)
{
    if (z->i >= z->s.n) {
        return -1;
    }
    uint8_t b = z->s.p[z->i++];
    if (b == ' ') {
        while (z->i < z->s.n && z->s.p[z->i] == ' ') {
            z->i++;
        }
        return ' ';
    }
    /* RFC 5280 7.1 / RFC 4518 2.3: case folding (ASCII only here). */
    return xcv_ascii_lower(b);
}

static int attr_equal(const struct xcv_dn_attr *a, const struct xcv_dn_attr *b)
{
    if (!xcv_slice_eq(a->oid, b->oid)) {
        return 0;
    }
    if (is_text_tag(a->str_tag) && is_text_tag(b->str_tag)) {
        struct norm x;
        struct norm y;
        norm_init(&x, a->value);
        norm_init(&y, b->value);
        for (;;) {
            int cx = norm_next(&x);
            int cy = norm_next(&y);
            if (cx != cy) {
                return 0;
            }
            if (cx < 0) {
                return 1;
            }
        }
    }
    return a->str_tag == b->str_tag && xcv_slice_eq(a->value, b->value);
}

/* ------------------------------------------------------------------------ */
/* Comparison                                                                */
/* ------------------------------------------------------------------------ */

#define XCV_RDN_MAX_ATTRS 64

static size_t rdn_count_attrs(xcv_slice set)
{
    size_t n = 0;
    while (set.n > 0) {
        struct xcv_dn_attr a;
        if (read_atv(&set, &a) != XCV_OK) {
            break;
        }
        n++;
    }
    return n;
}

/* Occurrences in set of an attribute equal to x. */
static size_t rdn_count_equal(xcv_slice set, const struct xcv_dn_attr *x)
{
    size_t n = 0;
    while (set.n > 0) {
        struct xcv_dn_attr a;
        if (read_atv(&set, &a) != XCV_OK) {
            break;
        }
        if (attr_equal(x, &a)) {
            n++;
        }
    }
    return n;
}

/* a, b: SET contents of two well-formed RDNs. */
static int rdn_equal(xcv_slice a, xcv_slice b)
{
    if (xcv_slice_eq(a, b)) {
        return 1;
    }
    size_t na = rdn_count_attrs(a);
    if (na != rdn_count_attrs(b) || na > XCV_RDN_MAX_ATTRS) {
        return 0;
    }
    xcv_slice w = a;
    while (w.n > 0) {
        struct xcv_dn_attr x;
        if (read_atv(&w, &x) != XCV_OK) {
            return 0;
        }
        if (rdn_count_equal(a, &x) != rdn_count_equal(b, &x)) {
            return 0;
        }
    }
    return 1;
}

/* Compares the first count RDNs of two well-formed RDN lists. */
static int rdns_equal(xcv_slice a, xcv_slice b, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        xcv_slice sa;
        xcv_slice sb;
        if (xcv_der_read(&a, XCV_TAG_SET, &sa) != XCV_OK ||
            xcv_der_read(&b, XCV_TAG_SET, &sb) != XCV_OK) {
            return 0;
        }
        if (!rdn_equal(sa, sb)) {
            return 0;
        }
    }
    return 1;
}

/* see xcv.h */
int xcv_dn_equal(xcv_slice a, xcv_slice b)
{
    xcv_slice ra;
    xcv_slice rb;
    size_t na = 0;
    size_t nb = 0;
    if (!name_rdns(a, &ra, &na)) {
        return 0;
    }
    /* Identical bytes (the common case in path building): one validation. */
    if (xcv_slice_eq(a, b)) {
        return 1;
    }
    if (!name_rdns(b, &rb, &nb)) {
        return 0;
    }
    if (na != nb) {
        return 0;
    }
    return rdns_equal(ra, rb, na);
}

/* see name.h */
int xcv_name_has_prefix(xcv_slice name, xcv_slice prefix)
{
    xcv_slice rn;
    xcv_slice rp;
    size_t nn = 0;
    size_t np = 0;
    if (!name_rdns(name, &rn, &nn) || !name_rdns(prefix, &rp, &np)) {
        return 0;
    }
    if (np > nn) {
        return 0;
    }
    return rdns_equal(rn, rp, np);
}

/* see name.h */
int xcv_name_is_empty(xcv_slice name)
{
    xcv_slice r;
    size_t n = 0;
    return name_rdns(name, &r, &n) && n == 0;
}

/* ------------------------------------------------------------------------ */
/* Hash                                                                      */
/* ------------------------------------------------------------------------ */

#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

static uint32_t fnv_byte(uint32_t h, uint8_t b)
{
    return (h ^ b) * FNV_PRIME;
}

static uint32_t fnv_bytes(uint32_t h, xcv_slice s)
{
    for (size_t i = 0; i < s.n; i++) {
        h = fnv_byte(h, s.p[i]);
    }
    return h;
}

static uint32_t attr_hash(const struct xcv_dn_attr *a)
{
    uint32_t h = FNV_BASIS;
    h = fnv_byte(h, (uint8_t)(a->oid.n & 0xFFu));
    h = fnv_bytes(h, a->oid);
    if (is_text_tag(a->str_tag)) {
        struct norm z;
        norm_init(&z, a->value);
        h = fnv_byte(h, 'T');
        for (int c = norm_next(&z); c >= 0; c = norm_next(&z)) {
            h = fnv_byte(h, (uint8_t)c);
        }
    } else {
        h = fnv_byte(h, a->str_tag);
        h = fnv_bytes(h, a->value);
    }
    return h;
}

/* see name.h */
uint32_t xcv_name_hash(xcv_slice name)
{
    xcv_slice rdns;
    size_t count = 0;
    if (!name_rdns(name, &rdns, &count)) {
        return fnv_bytes(FNV_BASIS, name);
    }
    uint32_t h = FNV_BASIS;
    while (rdns.n > 0) {
        xcv_slice set;
        if (xcv_der_read(&rdns, XCV_TAG_SET, &set) != XCV_OK) {
            break;
        }
        uint32_t rh = 0;
        while (set.n > 0) {
            struct xcv_dn_attr a;
            if (read_atv(&set, &a) != XCV_OK) {
                break;
            }
            rh += attr_hash(&a);
        }
        for (unsigned k = 0; k < 4; k++) {
            h = fnv_byte(h, (uint8_t)((rh >> (8 * k)) & 0xFFu));
        }
    }
    return h;
}

/* ------------------------------------------------------------------------ */
/* Formatting                                                                */
/* ------------------------------------------------------------------------ */

struct writer {
    char *out;
    size_t cap;
    size_t len;
};

static void put_c(struct writer *w, char c)
{
    if (w->cap > 0 && w->len + 1 < w->cap) {
        w->out[w->len] = c;
    }
    w->len++;
}

static void put_s(struct writer *w, const char *s)
{
    for (; *s != '\0'; s++) {
        put_c(w, *s);
    }
}

static void put_hex(struct writer *w, uint8_t b)
{
    static const char digits[] = "0123456789ABCDEF";
    put_c(w, digits[b >> 4]);
    put_c(w, digits[b & 0x0Fu]);
}

/* One byte of a value, escaped (RFC 4514 2.4); first/last: its position. */
static void put_value_byte(struct writer *w, uint8_t b, int first, int last)
{
    if (b < 0x20u || b >= 0x7Fu) {
        put_c(w, '\\');
        put_hex(w, b);
        return;
    }
    switch (b) {
    case ',':
    case '+':
    case '"':
    case '\\':
    case '<':
    case '>':
    case ';':
        put_c(w, '\\');
        break;
    case '#':
        if (first) {
            put_c(w, '\\');
        }
        break;
    case ' ':
        if (first || last) {
            put_c(w, '\\');
        }
        break;
    default:
        break;
    }
    put_c(w, (char)b);
}

/* A code point from BMPString/UniversalString: ASCII as text, others as
 * the \XX of their UTF-8 bytes. */
static void put_code_point(struct writer *w, uint32_t cp, int first, int last)
{
    if (cp < 0x80u) {
        put_value_byte(w, (uint8_t)cp, first, last);
        return;
    }
    uint8_t u[4];
    size_t n;
    if (cp < 0x800u) {
        u[0] = (uint8_t)(0xC0u | (cp >> 6));
        u[1] = (uint8_t)(0x80u | (cp & 0x3Fu));
        n = 2;
    } else if (cp < 0x10000u) {
        u[0] = (uint8_t)(0xE0u | (cp >> 12));
        u[1] = (uint8_t)(0x80u | ((cp >> 6) & 0x3Fu));
        u[2] = (uint8_t)(0x80u | (cp & 0x3Fu));
        n = 3;
    } else {
        u[0] = (uint8_t)(0xF0u | ((cp >> 18) & 0x07u));
        u[1] = (uint8_t)(0x80u | ((cp >> 12) & 0x3Fu));
        u[2] = (uint8_t)(0x80u | ((cp >> 6) & 0x3Fu));
        u[3] = (uint8_t)(0x80u | (cp & 0x3Fu));
        n = 4;
    }
    for (size_t i = 0; i < n; i++) {
        put_c(w, '\\');
        put_hex(w, u[i]);
    }
}

static void put_value(struct writer *w, const struct xcv_dn_attr *a)
{
    xcv_slice v = a->value;
    switch (a->str_tag) {
    case XCV_TAG_UTF8_STRING:
    case 0x12: /* NumericString */
    case XCV_TAG_PRINTABLE_STRING:
    case XCV_TAG_TELETEX_STRING:
    case XCV_TAG_IA5_STRING:
    case XCV_TAG_VISIBLE_STRING:
        for (size_t i = 0; i < v.n; i++) {
            put_value_byte(w, v.p[i], i == 0, i + 1 == v.n);
        }
        return;
    case XCV_TAG_BMP_STRING:
    case XCV_TAG_UNIVERSAL_STRING: {
        size_t unit = a->str_tag == XCV_TAG_BMP_STRING ? 2 : 4;
        if (v.n % unit == 0) {
            for (size_t i = 0; i < v.n; i += unit) {
                uint32_t cp = 0;
                for (size_t k = 0; k < unit; k++) {
                    cp = (cp << 8) | v.p[i + k];
                }
                put_code_point(w, cp, i == 0, i + unit == v.n);
            }
            return;
        }
        break; /* odd length: fall back to the hex form */
    }
    default:
        break;
    }
    /* RFC 4514 2.4: "#" followed by the hex of the BER (here DER) encoding. */
    put_c(w, '#');
    put_hex(w, a->str_tag);
    if (v.n < 0x80u) {
        put_hex(w, (uint8_t)v.n);
    } else {
        size_t k = 0;
        for (size_t t = v.n; t != 0; t >>= 8) {
            k++;
        }
        put_hex(w, (uint8_t)(0x80u | k));
        for (size_t i = k; i > 0; i--) {
            put_hex(w, (uint8_t)((v.n >> (8 * (i - 1))) & 0xFFu));
        }
    }
    for (size_t i = 0; i < v.n; i++) {
        put_hex(w, v.p[i]);
    }
}

/* see xcv.h */
size_t xcv_dn_format(xcv_slice name, char *out, size_t cap)
{
    struct writer w;
    w.out = out;
    w.cap = out != NULL ? cap : 0;
    w.len = 0;
    xcv_dn_iter it;
    xcv_dn_iter_init(&it, name);
    struct xcv_dn_attr a;
    size_t count = 0;
    size_t last_rdn = 0;
    while (xcv_dn_next(&it, &a)) {
        if (count > 0) {
            put_s(&w, a.rdn_index == last_rdn ? "+" : ", ");
        }
        last_rdn = a.rdn_index;
        count++;
        xcv_oid_id id = xcv_oid_lookup(a.oid);
        if (a.type != XCV_DN_OTHER) {
            put_s(&w, xcv_oid_name(id));
        } else {
            char buf[128];
            size_t n = xcv_oid_format(a.oid, buf, sizeof(buf));
            put_s(&w, n < sizeof(buf) ? buf : "?");
        }
        put_c(&w, '=');
        put_value(&w, &a);
    }
    if (it.err != XCV_OK) {
        if (count > 0) {
            put_c(&w, ' ');
        }
        put_s(&w, "<malformed>");
    }
    if (w.cap > 0) {
        w.out[w.len < w.cap ? w.len : w.cap - 1] = '\0';
    }
    return w.len;
}
