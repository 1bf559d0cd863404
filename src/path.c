/*
 * path.c -- certification path building (RFC 4158 ideas, RFC 5280 6.1 input).
 *
 * Purpose
 *   Finds a sequence leaf -> intermediates -> trust anchor among the
 *   presented certificates (leaf first, the rest in any order, duplicates and
 *   unrelated extras tolerated) and the anchors of a store. Every extension
 *   of a partial path is judged by a callback (verify.c); on any failure the
 *   search backtracks to the next candidate, so cross-signed roots where one
 *   root is expired or untrusted, two intermediates with the same name and
 *   different keys, out-of-order chains and chains without the root resolve
 *   as in Go and rustls-webpki.
 *
 * RFC sections: RFC 5280 6.1 (the path is the input of validation); RFC
 * 4158 (building: name chaining, AKI/SKI as a sorting hint, loop detection).
 *
 * Implementation notes
 *   - Depth-first search with an explicit stack (v->frames, v->path), never
 *     recursion: the stack figure of xcv_verify is bounded by XCV_MAX_DEPTH.
 *   - Candidate order for the issuer of certificate c (RFC 4158 3.5.12):
 *       0. only for the leaf: the leaf itself, when the store trusts exactly
 *          it (a pinned exception, or the identical certificate in the store);
 *       1. anchors whose SKI equals c's AKI keyIdentifier;
 *       2. presented certificates whose SKI equals c's AKI;
 *       3. the other anchors with c's issuer name;
 *       4. the other presented certificates with c's issuer name.
 *     A presented candidate the store trusts exactly (a pin) is tried first
 *     as the end of the path, then as an ordinary intermediate.
 *     A mismatching AKI/SKI only lowers a candidate's priority; it is never an
 *     error by itself.
 *   - Names are compared with xcv_dn_equal (stores may return false
 *     positives). No certificate appears twice in a path: a presented
 *     candidate is skipped when its index, its SHA-256, or its (subject,
 *     SPKI) pair equals that of a certificate already in the path.
 *   - Depth: a path holds at most params->max_depth certificates counting the
 *     anchor and not counting self-issued intermediates (key rollover
 *     certificates, which pathLenConstraint does not count either: RFC 5280
 *     6.1.4 (l); x509-limbo pathlen::max-chain-depth-1-self-issued), and at
 *     most XCV_MAX_DEPTH certificates in all. A presented candidate that is
 *     not itself an anchor needs room for itself and an anchor; otherwise
 *     XCV_ERR_PATH_TOO_LONG, which is an ordinary backtrack reason.
 *   - Budgets (rustls-webpki's Budget): candidate_budget counts candidate
 *     issuers judged; the signature, name-constraint and policy budgets are
 *     spent by the judge. A budget error ends the search at once (no
 *     backtracking).
 *   - Failure report: the failure of the path that got furthest (depth =
 *     certificates in the attempted path, counting the candidate); ties go to
 *     the higher xcv_path_rank, then to the first seen. A certificate whose
 *     issuer candidates are exhausted fails with XCV_ERR_UNKNOWN_ISSUER at
 *     the depth of the path it tops.
 */
#include "path.h"

#include "anchors.h"
#include "name.h"
#include "sig.h"

enum {
    PH_SELF = 0,
    PH_ANCHOR_AKI,
    PH_PRES_AKI,
    PH_ANCHOR_REST,
    PH_PRES_REST,
    PH_DONE
};

/* see path.h */
int xcv_path_is_fatal(xcv_err err)
{
    return err == XCV_ERR_SIGNATURE_BUDGET || err == XCV_ERR_CANDIDATE_BUDGET ||
           err == XCV_ERR_NC_BUDGET || err == XCV_ERR_POLICY_BUDGET;
}

/* see path.h */
int xcv_path_rank(xcv_err err)
{
    switch (err) {
    case XCV_OK:
        return -1;
    case XCV_ERR_NAME_MISMATCH:
        return 0;
    case XCV_ERR_UNKNOWN_ISSUER:
        return 1;
    case XCV_ERR_PATH_TOO_LONG:
        return 2;
    default:
        /* Every specific defect (signature, validity, CA rules, EKU, name
         * constraints, keys, algorithms) outranks "no trusted issuer". */
        return 3;
    }
}

static void frame_reset(struct xcv_path_frame *f)
{
    memset(f, 0, sizeof(*f));
    f->phase = PH_SELF;
}

/* see path.h */
const uint8_t *xcv_path_cert_sha256(struct xcv_verifier *v, int i)
{
    uint32_t bit = 1u << i;
    if ((v->cert_hashed & bit) == 0) {
        xcv_sha256(v->certs[i].der, v->cert_sha256[i]);
        v->cert_hashed |= bit;
    }
    return v->cert_sha256[i];
}

/* see path.h */
const uint8_t *xcv_path_spki_sha256(struct xcv_verifier *v, int i)
{
    uint32_t bit = 1u << i;
    if ((v->spki_hashed & bit) == 0) {
        xcv_sha256(v->certs[i].spki, v->spki_sha256[i]);
        v->spki_hashed |= bit;
    }
    return v->spki_sha256[i];
}

/* see path.h */
const struct xcv_anchor *xcv_path_trusts_cert(const struct xcv_anchor_store *store,
                                              struct xcv_verifier *v, int i)
{
    if (!xcv_store_needs_hashes(store)) {
        return store->vt->trusts_cert(store, &v->certs[i], NULL, NULL);
    }
    return store->vt->trusts_cert(store, &v->certs[i], xcv_path_cert_sha256(v, i),
                                  xcv_path_spki_sha256(v, i));
}

static int aki_matches(xcv_slice aki, xcv_slice ski)
{
    return aki.n > 0 && xcv_slice_eq(aki, ski);
}

/* Fills *out with the next issuer candidate of path[level]; 0 when exhausted. */
static int next_candidate(const struct xcv_path_search *s, size_t level,
                          struct xcv_path_cand *out)
{
    struct xcv_verifier *v = s->v;
    struct xcv_path_frame *f = &v->frames[level];
    const struct xcv_cert *c = &v->certs[v->path[level]];
    xcv_slice aki = c->aki_key_id;

    for (;;) {
        switch (f->phase) {
        case PH_SELF: {
            f->phase = PH_ANCHOR_AKI;
            memset(&f->cursor, 0, sizeof(f->cursor));
            if (level == 0) {
                int i = v->path[0];
                const struct xcv_anchor *a = xcv_path_trusts_cert(s->store, v, i);
                if (a != NULL) {
                    out->index = i;
                    out->anchor = a;
                    out->self = 1;
                    return 1;
                }
            }
            break;
        }
        case PH_ANCHOR_AKI:
        case PH_ANCHOR_REST: {
            const struct xcv_anchor *a;
            if (f->phase == PH_ANCHOR_AKI && aki.n == 0) {
                f->phase++;
                break;
            }
            a = s->store->vt->next_issuer(s->store, c->issuer, aki, &f->cursor);
            if (a == NULL) {
                f->phase++;
                memset(&f->cursor, 0, sizeof(f->cursor));
                f->next = 0;
                f->sub = 0;
                break;
            }
            if (aki_matches(aki, a->ski) != (f->phase == PH_ANCHOR_AKI)) {
                continue;
            }
            if (!xcv_dn_equal(a->subject, c->issuer)) {
                continue;
            }
            out->index = XCV_INDEX_ANCHOR;
            out->anchor = a;
            out->self = 0;
            return 1;
        }
        case PH_PRES_AKI:
        case PH_PRES_REST: {
            if (f->phase == PH_PRES_AKI && aki.n == 0) {
                f->phase++;
                f->next = 0;
                f->sub = 0;
                break;
            }
            while ((size_t)f->next < v->count) {
                int j = f->next;
                const struct xcv_cert *cj = &v->certs[j];
                if ((v->parsed & (1u << j)) == 0 ||
                    aki_matches(aki, cj->ski) != (f->phase == PH_PRES_AKI) ||
                    !xcv_dn_equal(cj->subject, c->issuer)) {
                    f->next++;
                    f->sub = 0;
                    continue;
                }
                if (f->sub == 0) {
                    const struct xcv_anchor *a;
                    f->sub = 1;
                    a = xcv_path_trusts_cert(s->store, v, j);
                    if (a != NULL) {
                        out->index = j;
                        out->anchor = a;
                        out->self = 0;
                        return 1;
                    }
                }
                f->next++;
                f->sub = 0;
                out->index = j;
                out->anchor = NULL;
                out->self = 0;
                return 1;
            }
            f->phase++;
            f->next = 0;
            f->sub = 0;
            break;
        }
        default:
            return 0;
        }
    }
}

/* 1 when presented certificate j is already in path[0..len-1]. */
static int in_path(const struct xcv_verifier *v, size_t len, int j)
{
    for (size_t i = 0; i < len; i++) {
        int k = v->path[i];
        /* Byte comparison (length first): what equal SHA-256 digests stood
         * for, without hashing. */
        if (k == j || xcv_slice_eq(v->certs[k].der, v->certs[j].der)) {
            return 1;
        }
        if (xcv_slice_eq(v->certs[k].spki, v->certs[j].spki) &&
            xcv_dn_equal(v->certs[k].subject, v->certs[j].subject)) {
            return 1;
        }
    }
    return 0;
}

struct best {
    int have;
    unsigned depth;
    int rank;
};

static void copy_path(const struct xcv_path_search *s, size_t len,
                      const struct xcv_path_cand *cand)
{
    struct xcv_result *r = s->result;
    const struct xcv_verifier *v = s->v;

    for (size_t i = 0; i < len; i++) {
        r->path[i] = v->path[i];
    }
    r->path_len = len;
    r->anchor = NULL;
    if (cand != NULL) {
        if (cand->index >= 0 && !cand->self && len < XCV_MAX_DEPTH) {
            r->path[len] = cand->index;
            r->path_len = len + 1;
        }
        r->anchor = cand->anchor;
    }
    for (size_t i = r->path_len; i < XCV_MAX_DEPTH; i++) {
        r->path[i] = XCV_INDEX_NONE;
    }
}

static void record_failure(const struct xcv_path_search *s, struct best *b, xcv_err err,
                           unsigned depth, int index, size_t len,
                           const struct xcv_path_cand *cand, int from_judge)
{
    struct xcv_result *r = s->result;
    const struct xcv_verifier *v = s->v;
    int rank = xcv_path_rank(err);
    int top;

    if (b->have && (depth < b->depth || (depth == b->depth && rank <= b->rank))) {
        return;
    }
    b->have = 1;
    b->depth = depth;
    b->rank = rank;
    r->err = err;
    r->cert_index = index;
    copy_path(s, len, cand);
    top = r->path[r->path_len - 1];
    r->top_index = top;
    r->top_self_signed = xcv_dn_equal(v->certs[top].subject, v->certs[top].issuer);
    if (err == XCV_ERR_UNKNOWN_ISSUER) {
        r->untrusted_issuer = v->certs[top].issuer;
    } else {
        r->untrusted_issuer = xcv_slice_empty();
    }
    if (s->on_record != NULL) {
        s->on_record(s->judge_ctx, from_judge);
    }
}

static void trace(const struct xcv_path_search *s, int child, const struct xcv_path_cand *cand,
                  unsigned depth, xcv_err err)
{
    struct xcv_result *r = s->result;
    const struct xcv_params *p = s->params;

    if (p->trace != NULL && r->trace_len < p->trace_cap) {
        struct xcv_trace_entry *e = &p->trace[r->trace_len++];
        e->child = child;
        e->candidate = cand->anchor != NULL && cand->index < 0 ? XCV_INDEX_ANCHOR : cand->index;
        e->depth = depth;
        e->err = err;
    }
    r->trace_total++;
}

/* RFC 5280 6.1 self-issued: issuer and subject names equal. */
static int self_issued(const struct xcv_cert *c)
{
    return (c->flags & XCV_CERT_SELF_ISSUED_BYTES) != 0 || xcv_dn_equal(c->subject, c->issuer);
}

/*
 * 1 when extending path[0..len-1] by cand would exceed the depth limits:
 * params->max_depth counts the leaf, the intermediates that are not
 * self-issued (as pathLenConstraint does, RFC 5280 6.1.4 (l)) and the
 * anchor; the physical path (every certificate and the anchor) never
 * exceeds XCV_MAX_DEPTH.
 */
static int too_long(const struct xcv_verifier *v, const struct xcv_params *p, size_t len,
                    const struct xcv_path_cand *cand)
{
    size_t physical = cand->anchor != NULL ? len + 1 : len + 2;
    size_t logical = physical;

    if (physical > XCV_MAX_DEPTH) {
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if (self_issued(&v->certs[v->path[i]])) {
            logical--;
        }
    }
    if (cand->anchor == NULL && cand->index >= 0 && self_issued(&v->certs[cand->index])) {
        logical--;
    }
    return logical > p->max_depth;
}

/* see path.h */
xcv_err xcv_path_build(const struct xcv_path_search *s)
{
    struct xcv_verifier *v = s->v;
    struct xcv_result *r = s->result;
    const struct xcv_params *p = s->params;
    struct best b;

    memset(&b, 0, sizeof(b));
    v->path[0] = 0;
    v->path_len = 1;
    frame_reset(&v->frames[0]);

    while (v->path_len > 0) {
        size_t len = v->path_len;
        size_t level = len - 1;
        struct xcv_path_cand cand;
        unsigned depth;
        int index = XCV_INDEX_NONE;
        xcv_err err;

        if (!next_candidate(s, level, &cand)) {
            /* RFC 5280 6.1: a path must end at a trust anchor; nothing left
             * can issue path[level]. */
            record_failure(s, &b, XCV_ERR_UNKNOWN_ISSUER, (unsigned)len, v->path[level], len,
                           NULL, 0);
            v->path_len--;
            continue;
        }
        if (!cand.self && cand.index >= 0 && in_path(v, len, cand.index)) {
            continue;
        }
        r->candidates++;
        if (r->candidates > p->candidate_budget) {
            r->err = XCV_ERR_CANDIDATE_BUDGET;
            r->cert_index = v->path[level];
            copy_path(s, len, NULL);
            return XCV_ERR_CANDIDATE_BUDGET;
        }
        v->frames[level].tried++;
        depth = (unsigned)(cand.self ? len : len + 1);
        if (depth > r->depth_reached) {
            r->depth_reached = depth;
        }
        int judged = 0;
        if (!cand.self && too_long(v, p, len, &cand)) {
            err = XCV_ERR_PATH_TOO_LONG;
            index = cand.index >= 0 ? cand.index : XCV_INDEX_ANCHOR;
        } else {
            err = s->judge(s->judge_ctx, v->path, len, &cand, &index);
            judged = 1;
        }
        trace(s, v->path[level], &cand, depth, err);
        if (err != XCV_OK) {
            if (xcv_path_is_fatal(err)) {
                r->err = err;
                r->cert_index = index;
                copy_path(s, len, &cand);
                return err;
            }
            record_failure(s, &b, err, depth, index, len, &cand, judged);
            continue;
        }
        if (cand.anchor != NULL) {
            copy_path(s, len, &cand);
            r->err = XCV_OK;
            r->cert_index = XCV_INDEX_NONE;
            r->top_index = r->path[r->path_len - 1];
            r->top_self_signed = xcv_dn_equal(v->certs[r->top_index].subject,
                                              v->certs[r->top_index].issuer);
            r->untrusted_issuer = xcv_slice_empty();
            return XCV_OK;
        }
        v->path[len] = cand.index;
        v->path_len = len + 1;
        frame_reset(&v->frames[len]);
    }
    if (!b.have) {
        r->err = XCV_ERR_UNKNOWN_ISSUER;
        r->cert_index = 0;
    }
    return r->err;
}
