/*
 * anchors.c -- trust anchors and the built-in anchor stores.
 *
 * Purpose
 *   A trust anchor is a subject name and a public key (RFC 5280 6.1.1 (d):
 *   "trust anchor information ... the trusted issuer name, the trusted public
 *   key algorithm, the trusted public key"), optionally with name constraints
 *   (RFC 5914 TrustAnchorInfo, mozilla::pkix's additional constraints,
 *   BoringSSL's trusted subtrees) and a not-after. Stores yield, for an
 *   issuer name, the anchors that may have that subject.
 *
 * RFC sections: RFC 5280 6.1.1 (d), 6.2 (anchor information is an input, not
 * a certificate); RFC 5914 (trust anchor format, constraints).
 *
 * Built-ins
 *   - Sorted store: anchors in caller memory, sorted by xcv_name_hash of the
 *     subject; a lookup is a binary search for the first anchor with the hash,
 *     then a walk over the (usually one) anchors with that hash. Cost is
 *     O(log n) in the store size. Before xcv_anchors_sorted_finish (or after
 *     an add) the store still works, by a linear scan.
 *   - Chain: up to XCV_STORE_CHAIN_MAX stores tried in order (application
 *     store first, then the system store). The chain keeps its position in
 *     the low 4 bits of cursor.sub and gives the inner store sub >> 4, so
 *     chains may nest.
 *   - Pinned exceptions: a certificate chosen by the user, by SHA-256 of its
 *     DER or of its SPKI, optionally until a time. next_issuer never yields
 *     a pin: a pin is found through trusts_cert on the presented certificate
 *     itself, and the path ends at that certificate.
 *
 * Implementation notes
 *   - No allocation, no mutable globals. The pinned store writes the matched
 *     anchor into the caller's xcv_pin (documented in xcv.h), so one pinned
 *     store must not serve two verifications at once.
 *   - Stores may return false positives; path.c compares names with
 *     xcv_dn_equal.
 *   - The sort is an in-place heapsort (no recursion, O(n log n)).
 */
#include "anchors.h"

#include "name.h"

/* see anchors.h */
int xcv_anchor_expired(const struct xcv_anchor *a, xcv_time now)
{
    return a->not_after != XCV_TIME_NONE && now > a->not_after;
}

/* see xcv.h */
xcv_err xcv_anchor_from_cert(xcv_slice der, struct xcv_anchor *out)
{
    struct xcv_cert c;

    XCV_ENSURE(out != NULL && (der.p != NULL || der.n == 0), XCV_ERR_INVALID_ARGUMENT);
    memset(out, 0, sizeof(*out));
    XCV_TRY(xcv_cert_parse(der, &c, NULL));
    out->subject = c.subject;
    out->spki = c.spki;
    out->ski = c.ski;
    out->nc_permitted = c.nc_permitted;
    out->nc_excluded = c.nc_excluded;
    out->not_after = c.not_after;
    out->cert_der = c.der;
    out->flags = XCV_ANCHOR_ENFORCE_EXPIRY;
    out->subject_hash = xcv_name_hash(c.subject);
    return XCV_OK;
}

/* ------------------------------------------------------------------------ */
/* Sorted store                                                              */
/* ------------------------------------------------------------------------ */

static const struct xcv_anchor *sorted_next_issuer(const struct xcv_anchor_store *store,
                                                   xcv_slice issuer_name, xcv_slice aki,
                                                   struct xcv_anchor_cursor *cur);
static const struct xcv_anchor *sorted_trusts_cert(const struct xcv_anchor_store *store,
                                                   const struct xcv_cert *cert,
                                                   const uint8_t cert_sha256[32],
                                                   const uint8_t spki_sha256[32]);

static const struct xcv_anchor_store_vtable sorted_vt = {sorted_next_issuer, sorted_trusts_cert};

/* see xcv.h */
void xcv_anchors_sorted_init(struct xcv_anchors_sorted *s, struct xcv_anchor *storage, size_t cap)
{
    s->base.vt = &sorted_vt;
    s->anchors = storage;
    s->count = 0;
    s->cap = storage != NULL ? cap : 0;
    s->sorted = 1;
}

/* see xcv.h */
xcv_err xcv_anchors_sorted_add(struct xcv_anchors_sorted *s, const struct xcv_anchor *a)
{
    XCV_ENSURE(s != NULL && a != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(a->subject.n > 0 && a->spki.n > 0, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(s->count < s->cap, XCV_ERR_STORE_FULL);
    s->anchors[s->count] = *a;
    s->anchors[s->count].subject_hash = xcv_name_hash(a->subject);
    s->count++;
    s->sorted = 0;
    return XCV_OK;
}

static void sift_down(struct xcv_anchor *a, size_t start, size_t end)
{
    size_t root = start;

    while (2 * root + 1 < end) {
        size_t child = 2 * root + 1;
        size_t best = root;
        if (a[best].subject_hash < a[child].subject_hash) {
            best = child;
        }
        if (child + 1 < end && a[best].subject_hash < a[child + 1].subject_hash) {
            best = child + 1;
        }
        if (best == root) {
            return;
        }
        struct xcv_anchor t = a[root];
        a[root] = a[best];
        a[best] = t;
        root = best;
    }
}

/* see xcv.h */
void xcv_anchors_sorted_finish(struct xcv_anchors_sorted *s)
{
    size_t n = s->count;

    if (n > 1) {
        for (size_t i = n / 2; i > 0; i--) {
            sift_down(s->anchors, i - 1, n);
        }
        for (size_t end = n - 1; end > 0; end--) {
            struct xcv_anchor t = s->anchors[0];
            s->anchors[0] = s->anchors[end];
            s->anchors[end] = t;
            sift_down(s->anchors, 0, end);
        }
    }
    s->sorted = 1;
}

/* First index whose hash is >= h. */
static size_t lower_bound(const struct xcv_anchors_sorted *s, uint32_t h)
{
    size_t lo = 0;
    size_t hi = s->count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->anchors[mid].subject_hash < h) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/*
 * Cursor use: pos is 0 before the first call, then 1 + the next index to
 * look at; hash is the issuer's name hash. sub is left alone (chains use it).
 */
static const struct xcv_anchor *sorted_next_issuer(const struct xcv_anchor_store *store,
                                                   xcv_slice issuer_name, xcv_slice aki,
                                                   struct xcv_anchor_cursor *cur)
{
    const struct xcv_anchors_sorted *s = (const struct xcv_anchors_sorted *)store;

    (void)aki;
    if (cur->pos == 0) {
        cur->hash = xcv_name_hash(issuer_name);
        cur->pos = 1 + (s->sorted ? lower_bound(s, cur->hash) : 0);
    }
    while (cur->pos - 1 < s->count) {
        const struct xcv_anchor *a = &s->anchors[cur->pos - 1];
        if (a->subject_hash == cur->hash) {
            cur->pos++;
            return a;
        }
        if (s->sorted) {
            /* Sorted: the run of equal hashes has ended. */
            cur->pos = s->count + 1;
            return NULL;
        }
        cur->pos++;
    }
    return NULL;
}

static const struct xcv_anchor *sorted_trusts_cert(const struct xcv_anchor_store *store,
                                                   const struct xcv_cert *cert,
                                                   const uint8_t cert_sha256[32],
                                                   const uint8_t spki_sha256[32])
{
    struct xcv_anchor_cursor cur;
    const struct xcv_anchor *a;

    (void)cert_sha256;
    (void)spki_sha256;
    memset(&cur, 0, sizeof(cur));
    /* Only an anchor given as this exact certificate trusts it. */
    while ((a = sorted_next_issuer(store, cert->subject, xcv_slice_empty(), &cur)) != NULL) {
        if (a->cert_der.n > 0 && xcv_slice_eq(a->cert_der, cert->der)) {
            return a;
        }
    }
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Chain of stores                                                           */
/* ------------------------------------------------------------------------ */

#define CHAIN_BITS 4u
#define CHAIN_MASK 0xFu

static const struct xcv_anchor *chain_next_issuer(const struct xcv_anchor_store *store,
                                                  xcv_slice issuer_name, xcv_slice aki,
                                                  struct xcv_anchor_cursor *cur)
{
    const struct xcv_anchors_chain *c = (const struct xcv_anchors_chain *)store;

    for (;;) {
        size_t idx = cur->sub & CHAIN_MASK;
        struct xcv_anchor_cursor inner;
        const struct xcv_anchor *a;

        if (idx >= c->count || idx >= XCV_STORE_CHAIN_MAX) {
            return NULL;
        }
        inner.pos = cur->pos;
        inner.hash = cur->hash;
        inner.sub = cur->sub >> CHAIN_BITS;
        a = c->stores[idx]->vt->next_issuer(c->stores[idx], issuer_name, aki, &inner);
        if (a != NULL) {
            cur->pos = inner.pos;
            cur->hash = inner.hash;
            cur->sub = (inner.sub << CHAIN_BITS) | idx;
            return a;
        }
        /* This store is exhausted: the next one starts from a zeroed cursor. */
        cur->pos = 0;
        cur->hash = 0;
        cur->sub = idx + 1;
    }
}

static const struct xcv_anchor *chain_trusts_cert(const struct xcv_anchor_store *store,
                                                  const struct xcv_cert *cert,
                                                  const uint8_t cert_sha256[32],
                                                  const uint8_t spki_sha256[32])
{
    const struct xcv_anchors_chain *c = (const struct xcv_anchors_chain *)store;

    for (size_t i = 0; i < c->count && i < XCV_STORE_CHAIN_MAX; i++) {
        const struct xcv_anchor *a =
            c->stores[i]->vt->trusts_cert(c->stores[i], cert, cert_sha256, spki_sha256);
        if (a != NULL) {
            return a;
        }
    }
    return NULL;
}

static const struct xcv_anchor_store_vtable chain_vt = {chain_next_issuer, chain_trusts_cert};

/* see xcv.h */
void xcv_anchors_chain_init(struct xcv_anchors_chain *c)
{
    memset(c, 0, sizeof(*c));
    c->base.vt = &chain_vt;
}

/* see xcv.h */
xcv_err xcv_anchors_chain_add(struct xcv_anchors_chain *c, const struct xcv_anchor_store *store)
{
    XCV_ENSURE(c != NULL && store != NULL && store->vt != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(store != &c->base, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(c->count < XCV_STORE_CHAIN_MAX, XCV_ERR_STORE_FULL);
    c->stores[c->count++] = store;
    return XCV_OK;
}

/* see anchors.h */
int xcv_store_needs_hashes(const struct xcv_anchor_store *store)
{
    if (store->vt == &sorted_vt) {
        /* sorted_trusts_cert compares the DER bytes: no hash. */
        return 0;
    }
    if (store->vt == &chain_vt) {
        const struct xcv_anchors_chain *c = (const struct xcv_anchors_chain *)store;
        for (size_t i = 0; i < c->count && i < XCV_STORE_CHAIN_MAX; i++) {
            /* A chain cannot contain itself (xcv_anchors_chain_add), but a
             * cycle through other chains is the caller's doing: depth is
             * bounded by refusing to look inside nested chains. */
            if (c->stores[i]->vt == &chain_vt || xcv_store_needs_hashes(c->stores[i])) {
                return 1;
            }
        }
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Pinned exceptions                                                         */
/* ------------------------------------------------------------------------ */

static const struct xcv_anchor *pinned_next_issuer(const struct xcv_anchor_store *store,
                                                   xcv_slice issuer_name, xcv_slice aki,
                                                   struct xcv_anchor_cursor *cur)
{
    (void)store;
    (void)issuer_name;
    (void)aki;
    (void)cur;
    /* A pin names a certificate, not an issuer: see trusts_cert. */
    return NULL;
}

static const struct xcv_anchor *pinned_trusts_cert(const struct xcv_anchor_store *store,
                                                   const struct xcv_cert *cert,
                                                   const uint8_t cert_sha256[32],
                                                   const uint8_t spki_sha256[32])
{
    const struct xcv_anchors_pinned *s = (const struct xcv_anchors_pinned *)store;

    for (size_t i = 0; i < s->count; i++) {
        struct xcv_pin *pin = &s->pins[i];
        const uint8_t *h = pin->kind == XCV_PIN_SPKI ? spki_sha256 : cert_sha256;
        if (pin->kind != XCV_PIN_CERT && pin->kind != XCV_PIN_SPKI) {
            continue;
        }
        if (memcmp(pin->sha256, h, 32) != 0) {
            continue;
        }
        memset(&pin->anchor, 0, sizeof(pin->anchor));
        pin->anchor.subject = cert->subject;
        pin->anchor.spki = cert->spki;
        pin->anchor.ski = cert->ski;
        pin->anchor.not_after = pin->until;
        pin->anchor.cert_der = cert->der;
        memcpy(pin->anchor.pin_sha256, pin->sha256, 32);
        pin->anchor.flags = XCV_ANCHOR_PIN;
        pin->anchor.subject_hash = xcv_name_hash(cert->subject);
        return &pin->anchor;
    }
    return NULL;
}

static const struct xcv_anchor_store_vtable pinned_vt = {pinned_next_issuer, pinned_trusts_cert};

/* see xcv.h */
void xcv_anchors_pinned_init(struct xcv_anchors_pinned *s, struct xcv_pin *pins, size_t count)
{
    s->base.vt = &pinned_vt;
    s->pins = pins;
    s->count = pins != NULL ? count : 0;
}
