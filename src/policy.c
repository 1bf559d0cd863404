/*
 * policy.c -- certificate policies: RFC 5280 section 6.1 policy processing
 * (certificatePolicies, policyMappings, policyConstraints,
 * inhibitAnyPolicy) over a bounded policy graph.
 *
 * RFC sections
 *   4.2.1.4 certificatePolicies, 4.2.1.5 policyMappings,
 *   4.2.1.11 policyConstraints, 4.2.1.14 inhibitAnyPolicy,
 *   6.1.1 inputs, 6.1.2 initialization, 6.1.3 (d)-(f), 6.1.4 (a), (b),
 *   (h)-(j), 6.1.5 (a), (b), (g), 6.1.6 outputs.
 *
 * Implementation notes
 *   - The RFC's valid_policy_tree can grow exponentially (a node per path
 *     through the mappings). As BoringSSL and Go do, the tree is replaced by
 *     a graph with at most one node per (depth, valid_policy), plus one
 *     anyPolicy node per depth. Edges are not stored: a node's parents are
 *     recomputed from the RFC's own rule, "the node of depth i-1 whose
 *     expected_policy_set contains P" (or the anyPolicy node of depth i-1
 *     for nodes created under it, flag PN_PARENT_ANY). A node's
 *     expected_policy_set is {valid_policy} unless policy mapping changed it
 *     (PN_MAPPED: then it is read from that certificate's policyMappings).
 *   - Pruning (6.1.3 (d)(3), 6.1.4 (b)(2)) is lazy: deleted nodes are
 *     flagged; the nodes with a descendant at depth n are computed once at
 *     the end. The tree is NULL after certificate i exactly when depth i has
 *     no live node, since every node keeps a parent chain to the root.
 *   - Every parent test, expected-set scan and node lookup counts one
 *     operation against the budget (XCV_ERR_POLICY_BUDGET, fatal); nodes
 *     live in struct xcv_policy_work (XCV_POLICY_MAX_NODES, else
 *     XCV_ERR_POLICY_CAPACITY). Qualifiers are validated, never interpreted
 *     (6.1.3 (d) only carries them along).
 *   - The result reports the authorities-constrained policy set in the
 *     trust anchor's domain: the valid_policy of live nodes whose parent is
 *     anyPolicy (RFC 5280 6.1.5 (g)(iii)'s valid_policy_node_set).
 *
 * Deviations from RFC 5280
 *   - A policy OID listed twice in certificatePolicies (4.2.1.4: "MUST NOT
 *     appear more than once") and an empty policyConstraints (4.2.1.11:
 *     "MUST NOT issue") are rejected as malformed.
 */
#include "policy.h"

#include "der.h"
#include "name.h"
#include "oid.h"

/* 2.5.29.32.0 */
static const uint8_t OID_ANY_POLICY[] = {0x55, 0x1d, 0x20, 0x00};

#define PN_ANY        0x01u /* valid_policy is anyPolicy */
#define PN_PARENT_ANY 0x02u /* parent is the anyPolicy node of the previous depth */
#define PN_MAPPED     0x04u /* expected_policy_set comes from policyMappings */
#define PN_DELETED    0x08u /* deleted by 6.1.4 (b)(2) */
#define PN_LIVE       0x10u /* has a descendant at depth n (scratch) */
#define PN_REMOVED    0x20u /* removed by 6.1.5 (g)(iii)(2) */
#define PN_REACH      0x40u /* reachable from the root after (g) (scratch) */

/* Skip-certs values larger than any path are all equivalent. */
#define POLICY_SKIP_MAX 255u

static int is_any_policy(xcv_slice oid)
{
    return oid.n == sizeof OID_ANY_POLICY && memcmp(oid.p, OID_ANY_POLICY, oid.n) == 0;
}

/* ------------------------------------------------------------------------ */
/* Extension syntax                                                         */
/* ------------------------------------------------------------------------ */

/* Next PolicyInformation's policyIdentifier from a certificatePolicies
 * SEQUENCE content; 1 when read, 0 at the end. */
static xcv_err next_policy(xcv_slice *rd, xcv_slice *out_oid)
{
    /* PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId,
     * policyQualifiers SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo
     * OPTIONAL }; PolicyQualifierInfo ::= SEQUENCE { policyQualifierId
     * PolicyQualifierId, qualifier ANY DEFINED BY policyQualifierId } */
    xcv_slice info;
    XCV_TRY(xcv_der_read(rd, XCV_TAG_SEQUENCE, &info));
    XCV_TRY(xcv_der_read(&info, XCV_TAG_OID, out_oid));
    XCV_TRY(xcv_der_check_oid(*out_oid));
    if (info.n > 0) {
        xcv_slice quals;
        XCV_TRY(xcv_der_read(&info, XCV_TAG_SEQUENCE, &quals));
        XCV_TRY(xcv_der_end(info));
        XCV_ENSURE(quals.n > 0, XCV_ERR_POLICY_MALFORMED);
        while (quals.n > 0) {
            xcv_slice q;
            xcv_slice qid;
            XCV_TRY(xcv_der_read(&quals, XCV_TAG_SEQUENCE, &q));
            XCV_TRY(xcv_der_read(&q, XCV_TAG_OID, &qid));
            XCV_TRY(xcv_der_check_oid(qid));
            if (q.n > 0) {
                XCV_TRY(xcv_der_read_any(&q, NULL, NULL, NULL));
            }
            XCV_TRY(xcv_der_end(q));
        }
    }
    return XCV_OK;
}

/* The certificatePolicies SEQUENCE content (empty when absent). */
static xcv_err policies_content(const struct xcv_cert *c, xcv_slice *out)
{
    *out = xcv_slice_empty();
    if ((c->ext_present & XCV_EXT_CERT_POLICIES) == 0) {
        return XCV_OK;
    }
    xcv_slice rd = c->policies;
    XCV_TRY(xcv_der_read(&rd, XCV_TAG_SEQUENCE, out));
    return xcv_der_end(rd);
}

/* The policyMappings SEQUENCE content (empty when absent). */
static xcv_err mappings_content(const struct xcv_cert *c, xcv_slice *out)
{
    *out = xcv_slice_empty();
    if ((c->ext_present & XCV_EXT_POLICY_MAPPINGS) == 0) {
        return XCV_OK;
    }
    xcv_slice rd = c->policy_mappings;
    XCV_TRY(xcv_der_read(&rd, XCV_TAG_SEQUENCE, out));
    return xcv_der_end(rd);
}

/* Next (issuerDomainPolicy, subjectDomainPolicy) pair. */
static xcv_err next_mapping(xcv_slice *rd, xcv_slice *out_issuer, xcv_slice *out_subject)
{
    /* PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE {
     * issuerDomainPolicy CertPolicyId, subjectDomainPolicy CertPolicyId } */
    xcv_slice m;
    XCV_TRY(xcv_der_read(rd, XCV_TAG_SEQUENCE, &m));
    XCV_TRY(xcv_der_read(&m, XCV_TAG_OID, out_issuer));
    XCV_TRY(xcv_der_check_oid(*out_issuer));
    XCV_TRY(xcv_der_read(&m, XCV_TAG_OID, out_subject));
    XCV_TRY(xcv_der_check_oid(*out_subject));
    return xcv_der_end(m);
}

/* SkipCerts ::= INTEGER (0..MAX), clamped to POLICY_SKIP_MAX. */
static xcv_err skip_certs(xcv_slice value, unsigned *out)
{
    XCV_TRY(xcv_der_check_integer(value));
    XCV_ENSURE((value.p[0] & 0x80u) == 0, XCV_ERR_POLICY_MALFORMED);
    uint64_t v = POLICY_SKIP_MAX;
    if (value.n <= 2) {
        XCV_TRY(xcv_der_integer_small(value, UINT16_MAX, &v));
    }
    *out = v > POLICY_SKIP_MAX ? POLICY_SKIP_MAX : (unsigned)v;
    return XCV_OK;
}

/* policyConstraints: requireExplicitPolicy / inhibitPolicyMapping, each
 * POLICY_SKIP_MAX + 1 when absent. */
static xcv_err read_constraints(const struct xcv_cert *c, unsigned *out_rep, unsigned *out_ipm)
{
    *out_rep = POLICY_SKIP_MAX + 1;
    *out_ipm = POLICY_SKIP_MAX + 1;
    if ((c->ext_present & XCV_EXT_POLICY_CONSTRAINTS) == 0) {
        return XCV_OK;
    }
    /* PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0] SkipCerts
     * OPTIONAL, inhibitPolicyMapping [1] SkipCerts OPTIONAL } */
    xcv_slice rd = c->policy_constraints;
    xcv_slice seq;
    XCV_TRY(xcv_der_read(&rd, XCV_TAG_SEQUENCE, &seq));
    XCV_TRY(xcv_der_end(rd));
    /* 4.2.1.11: "Conforming CAs MUST NOT issue certificates where policy
     * constraints is an empty sequence." */
    XCV_ENSURE(seq.n > 0, XCV_ERR_POLICY_MALFORMED);
    xcv_slice v;
    int present = 0;
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX(0), &v, &present));
    if (present) {
        XCV_TRY(skip_certs(v, out_rep));
    }
    XCV_TRY(xcv_der_read_optional(&seq, XCV_TAG_CTX(1), &v, &present));
    if (present) {
        XCV_TRY(skip_certs(v, out_ipm));
    }
    return xcv_der_end(seq);
}

/* inhibitAnyPolicy SkipCerts, POLICY_SKIP_MAX + 1 when absent. */
static xcv_err read_inhibit_any(const struct xcv_cert *c, unsigned *out)
{
    *out = POLICY_SKIP_MAX + 1;
    if ((c->ext_present & XCV_EXT_INHIBIT_ANY_POLICY) == 0) {
        return XCV_OK;
    }
    /* 4.2.1.14: InhibitAnyPolicy ::= SkipCerts */
    xcv_slice rd = c->inhibit_any_policy;
    xcv_slice n;
    XCV_TRY(xcv_der_read(&rd, XCV_TAG_INTEGER, &n));
    XCV_TRY(xcv_der_end(rd));
    return skip_certs(n, out);
}

static xcv_err validate_inner(const struct xcv_cert *c)
{
    xcv_slice pol;
    XCV_TRY(policies_content(c, &pol));
    if ((c->ext_present & XCV_EXT_CERT_POLICIES) != 0) {
        /* 4.2.1.4: certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF
         * PolicyInformation; "A certificate policy OID MUST NOT appear more
         * than once in a certificate policies extension." */
        XCV_ENSURE(pol.n > 0, XCV_ERR_POLICY_MALFORMED);
        xcv_slice outer = pol;
        while (outer.n > 0) {
            xcv_slice a;
            XCV_TRY(next_policy(&outer, &a));
            xcv_slice inner = outer;
            while (inner.n > 0) {
                xcv_slice b;
                XCV_TRY(next_policy(&inner, &b));
                XCV_ENSURE(!xcv_slice_eq(a, b), XCV_ERR_POLICY_MALFORMED);
            }
        }
    }
    xcv_slice maps;
    XCV_TRY(mappings_content(c, &maps));
    if ((c->ext_present & XCV_EXT_POLICY_MAPPINGS) != 0) {
        XCV_ENSURE(maps.n > 0, XCV_ERR_POLICY_MALFORMED);
        while (maps.n > 0) {
            xcv_slice i;
            xcv_slice s;
            XCV_TRY(next_mapping(&maps, &i, &s));
        }
    }
    unsigned a;
    unsigned b;
    XCV_TRY(read_constraints(c, &a, &b));
    return read_inhibit_any(c, &a);
}

/* see policy.h */
xcv_err xcv_policy_validate_cert(const struct xcv_cert *cert)
{
    XCV_ENSURE(cert != NULL, XCV_ERR_INVALID_ARGUMENT);
    xcv_err err = validate_inner(cert);
    return err == XCV_OK ? XCV_OK : XCV_ERR_POLICY_MALFORMED;
}

/* ------------------------------------------------------------------------ */
/* The policy graph                                                         */
/* ------------------------------------------------------------------------ */

struct policy_ctx {
    const struct xcv_cert *const *path;
    size_t n;
    struct xcv_policy_work *w;
    unsigned long budget;
    size_t top; /* deepest level created so far */
};

static xcv_err tick(struct policy_ctx *x)
{
    x->w->ops++;
    XCV_ENSURE(x->w->ops <= x->budget, XCV_ERR_POLICY_BUDGET);
    return XCV_OK;
}

/* The certificate at depth level (1..n): path is leaf first. */
static const struct xcv_cert *cert_at(const struct policy_ctx *x, size_t level)
{
    return x->path[x->n - level];
}

static size_t level_end(const struct policy_ctx *x, size_t level)
{
    return level < x->top ? x->w->level_start[level + 1] : x->w->count;
}

static xcv_err add_node(struct policy_ctx *x, xcv_slice oid, size_t level, unsigned flags)
{
    struct xcv_policy_work *w = x->w;
    XCV_ENSURE(w->count < XCV_POLICY_MAX_NODES, XCV_ERR_POLICY_CAPACITY);
    XCV_TRY(tick(x));
    w->nodes[w->count].oid = oid;
    w->nodes[w->count].level = (uint16_t)level;
    w->nodes[w->count].flags = (uint16_t)flags;
    w->count++;
    return XCV_OK;
}

/* Index of the live node of level with valid_policy oid (anyPolicy when
 * want_any), or -1. */
static xcv_err find_node(struct policy_ctx *x, size_t level, int want_any, xcv_slice oid, long *out)
{
    *out = -1;
    for (size_t k = x->w->level_start[level]; k < level_end(x, level); k++) {
        const struct xcv_policy_node *nd = &x->w->nodes[k];
        XCV_TRY(tick(x));
        if ((nd->flags & PN_DELETED) != 0) {
            continue;
        }
        int any = (nd->flags & PN_ANY) != 0;
        if (want_any ? any : (!any && xcv_slice_eq(nd->oid, oid))) {
            *out = (long)k;
            return XCV_OK;
        }
    }
    return XCV_OK;
}

/* 1 when oid is in the expected_policy_set of node k (not anyPolicy). */
static xcv_err expects(struct policy_ctx *x, size_t k, xcv_slice oid, int *out)
{
    const struct xcv_policy_node *nd = &x->w->nodes[k];
    *out = 0;
    if ((nd->flags & PN_ANY) != 0) {
        return XCV_OK;
    }
    if ((nd->flags & PN_MAPPED) == 0) {
        XCV_TRY(tick(x));
        *out = xcv_slice_eq(nd->oid, oid);
        return XCV_OK;
    }
    xcv_slice maps;
    XCV_TRY(mappings_content(cert_at(x, nd->level), &maps));
    while (maps.n > 0) {
        xcv_slice idp;
        xcv_slice sdp;
        XCV_TRY(tick(x));
        XCV_TRY(next_mapping(&maps, &idp, &sdp));
        if (xcv_slice_eq(idp, nd->oid) && xcv_slice_eq(sdp, oid)) {
            *out = 1;
            return XCV_OK;
        }
    }
    return XCV_OK;
}

/* 1 when node p (depth i-1) is a parent of node c (depth i). */
static xcv_err is_parent(struct policy_ctx *x, size_t p, size_t c, int *out)
{
    const struct xcv_policy_node *pn = &x->w->nodes[p];
    const struct xcv_policy_node *cn = &x->w->nodes[c];
    if ((cn->flags & (PN_ANY | PN_PARENT_ANY)) != 0) {
        XCV_TRY(tick(x));
        *out = (pn->flags & PN_ANY) != 0;
        return XCV_OK;
    }
    return expects(x, p, cn->oid, out);
}

/* 6.1.3 (d): the nodes of depth i for certificate i. */
static xcv_err process_policies(struct policy_ctx *x, size_t i, xcv_slice pol, int any_allowed)
{
    size_t prev = i - 1;
    long prev_any;
    XCV_TRY(find_node(x, prev, 1, xcv_slice_empty(), &prev_any));
    int cert_has_any = 0;
    xcv_slice rd = pol;
    while (rd.n > 0) {
        xcv_slice p;
        XCV_TRY(next_policy(&rd, &p));
        if (is_any_policy(p)) {
            cert_has_any = 1;
            continue;
        }
        /* (d)(1)(i) "for each node of depth i-1 in the valid_policy_tree
         * where P-OID is in the expected_policy_set, create a child node";
         * (d)(1)(ii) "If there was no match in step (i) and the
         * valid_policy_tree includes a node of depth i-1 with the
         * valid_policy anyPolicy, generate a child node". */
        int matched = 0;
        for (size_t k = x->w->level_start[prev]; k < level_end(x, prev) && !matched; k++) {
            if ((x->w->nodes[k].flags & PN_DELETED) == 0) {
                XCV_TRY(expects(x, k, p, &matched));
            }
        }
        if (matched) {
            XCV_TRY(add_node(x, p, i, 0));
        } else if (prev_any >= 0) {
            XCV_TRY(add_node(x, p, i, PN_PARENT_ANY));
        }
    }
    /* (d)(2) "If the certificate policies extension includes the policy
     * anyPolicy with the qualifier set AP-Q and either (a) inhibit_anyPolicy
     * is greater than 0 or (b) i<n and the certificate is self-issued, then:
     * for each node in the valid_policy_tree of depth i-1, for each value in
     * the expected_policy_set (including anyPolicy) that does not appear in
     * a child node, create a child node". */
    if (!cert_has_any || !any_allowed) {
        return XCV_OK;
    }
    size_t end_prev = level_end(x, prev);
    for (size_t k = x->w->level_start[prev]; k < end_prev; k++) {
        struct xcv_policy_node nd = x->w->nodes[k];
        if ((nd.flags & PN_DELETED) != 0) {
            continue;
        }
        long found;
        if ((nd.flags & PN_ANY) != 0) {
            XCV_TRY(find_node(x, i, 1, xcv_slice_empty(), &found));
            if (found < 0) {
                XCV_TRY(add_node(x, xcv_slice_empty(), i, PN_ANY));
            }
            continue;
        }
        if ((nd.flags & PN_MAPPED) == 0) {
            XCV_TRY(find_node(x, i, 0, nd.oid, &found));
            if (found < 0) {
                XCV_TRY(add_node(x, nd.oid, i, 0));
            }
            continue;
        }
        xcv_slice maps;
        XCV_TRY(mappings_content(cert_at(x, prev), &maps));
        while (maps.n > 0) {
            xcv_slice idp;
            xcv_slice sdp;
            XCV_TRY(tick(x));
            XCV_TRY(next_mapping(&maps, &idp, &sdp));
            if (!xcv_slice_eq(idp, nd.oid)) {
                continue;
            }
            XCV_TRY(find_node(x, i, 0, sdp, &found));
            if (found < 0) {
                XCV_TRY(add_node(x, sdp, i, 0));
            }
        }
    }
    return XCV_OK;
}

/* 1 when depth level has a node that is not deleted. */
static int level_alive(const struct policy_ctx *x, size_t level)
{
    for (size_t k = x->w->level_start[level]; k < level_end(x, level); k++) {
        if ((x->w->nodes[k].flags & PN_DELETED) == 0) {
            return 1;
        }
    }
    return 0;
}

/* 6.1.4 (a), (b): policy mappings of certificate i (i < n). */
static xcv_err process_mappings(struct policy_ctx *x, size_t i, int mapping_allowed, int tree_null)
{
    xcv_slice maps;
    XCV_TRY(mappings_content(cert_at(x, i), &maps));
    /* (a) "If a policy mappings extension is present, verify that the
     * special value anyPolicy does not appear as an issuerDomainPolicy or a
     * subjectDomainPolicy." */
    xcv_slice rd = maps;
    while (rd.n > 0) {
        xcv_slice idp;
        xcv_slice sdp;
        XCV_TRY(next_mapping(&rd, &idp, &sdp));
        XCV_ENSURE(!is_any_policy(idp) && !is_any_policy(sdp), XCV_ERR_POLICY_MAPPING_ANY);
    }
    if (tree_null) {
        return XCV_OK;
    }
    long any_node;
    XCV_TRY(find_node(x, i, 1, xcv_slice_empty(), &any_node));
    rd = maps;
    while (rd.n > 0) {
        xcv_slice idp;
        xcv_slice sdp;
        XCV_TRY(next_mapping(&rd, &idp, &sdp));
        XCV_TRY(tick(x));
        if (mapping_allowed) {
            /* (b)(1) "for each node of depth i with valid_policy ID-P, set
             * expected_policy_set to the set of subjectDomainPolicy values
             * ... equivalent to ID-P"; "If no node of depth i ... has a
             * valid_policy of ID-P but there is a node of depth i with a
             * valid_policy of anyPolicy, then generate a child node of the
             * node of depth i-1 that has a valid_policy of anyPolicy". */
            long found;
            XCV_TRY(find_node(x, i, 0, idp, &found));
            if (found >= 0) {
                x->w->nodes[found].flags |= PN_MAPPED;
            } else if (any_node >= 0) {
                XCV_TRY(add_node(x, idp, i, PN_PARENT_ANY | PN_MAPPED));
            }
        } else {
            /* (b)(2) "If the policy_mapping variable is equal to 0: delete
             * each node of depth i in the valid_policy_tree with
             * valid_policy ID-P", pruning being lazy. */
            for (size_t k = x->w->level_start[i]; k < level_end(x, i); k++) {
                struct xcv_policy_node *nd = &x->w->nodes[k];
                XCV_TRY(tick(x));
                if ((nd->flags & PN_ANY) == 0 && xcv_slice_eq(nd->oid, idp)) {
                    nd->flags |= PN_DELETED;
                }
            }
        }
    }
    return XCV_OK;
}

/* Marks with flag every node (not deleted, not removed, not excluded by
 * skip_flags) having a descendant at depth n that carries seed_flag;
 * depth n nodes get flag when they carry seed_flag. */
static xcv_err mark_up(struct policy_ctx *x, unsigned flag, unsigned seed_flag)
{
    for (size_t level = x->n + 1; level-- > 0;) {
        for (size_t c = x->w->level_start[level]; c < level_end(x, level); c++) {
            struct xcv_policy_node *cn = &x->w->nodes[c];
            cn->flags &= (uint16_t)~flag;
            if ((cn->flags & (PN_DELETED | PN_REMOVED)) != 0) {
                continue;
            }
            if (level == x->n) {
                if ((cn->flags & seed_flag) == seed_flag) {
                    cn->flags |= (uint16_t)flag;
                }
                continue;
            }
            for (size_t k = x->w->level_start[level + 1]; k < level_end(x, level + 1); k++) {
                const struct xcv_policy_node *kid = &x->w->nodes[k];
                if ((kid->flags & flag) == 0) {
                    continue;
                }
                int parent = 0;
                XCV_TRY(is_parent(x, c, k, &parent));
                if (parent) {
                    cn->flags |= (uint16_t)flag;
                    break;
                }
            }
        }
    }
    return XCV_OK;
}

/* Top-down: PN_REACH on nodes reachable from the root through live,
 * non-removed nodes. */
static xcv_err mark_reach(struct policy_ctx *x)
{
    for (size_t level = 0; level <= x->n; level++) {
        for (size_t c = x->w->level_start[level]; c < level_end(x, level); c++) {
            struct xcv_policy_node *cn = &x->w->nodes[c];
            cn->flags &= (uint16_t)~PN_REACH;
            if ((cn->flags & (PN_DELETED | PN_REMOVED)) != 0 || (cn->flags & PN_LIVE) == 0) {
                continue;
            }
            if (level == 0) {
                cn->flags |= PN_REACH;
                continue;
            }
            for (size_t k = x->w->level_start[level - 1]; k < level_end(x, level - 1); k++) {
                if ((x->w->nodes[k].flags & PN_REACH) == 0) {
                    continue;
                }
                int parent = 0;
                XCV_TRY(is_parent(x, k, c, &parent));
                if (parent) {
                    cn->flags |= PN_REACH;
                    break;
                }
            }
        }
    }
    return XCV_OK;
}

static int in_user_set(const struct xcv_policy_params *in, xcv_slice oid)
{
    for (size_t u = 0; u < in->initial_count; u++) {
        if (xcv_slice_eq(in->initial[u], oid)) {
            return 1;
        }
    }
    return 0;
}

/* Adds oid to the result unless present. */
static void result_add(struct xcv_policy_result *out, xcv_slice oid)
{
    size_t stored = out->count < XCV_MAX_RESULT_POLICIES ? out->count : XCV_MAX_RESULT_POLICIES;
    for (size_t k = 0; k < stored; k++) {
        if (xcv_slice_eq(out->oids[k], oid)) {
            return;
        }
    }
    if (out->count < XCV_MAX_RESULT_POLICIES) {
        out->oids[out->count] = oid;
    }
    out->count++;
}

/* 6.1.5 (g): the intersection with the user-initial-policy-set; *out_null
 * is 1 when the resulting tree is NULL. */
static xcv_err intersect(struct policy_ctx *x, const struct xcv_policy_params *in,
                         struct xcv_policy_result *out, int *out_null)
{
    XCV_TRY(mark_up(x, PN_LIVE, 0));
    long leaf_any;
    XCV_TRY(find_node(x, x->n, 1, xcv_slice_empty(), &leaf_any));
    int user_any = in->initial_count == 0;
    for (size_t u = 0; u < in->initial_count; u++) {
        if (is_any_policy(in->initial[u])) {
            user_any = 1;
        }
    }
    /* (g)(ii) "If the user-initial-policy-set is any-policy, the
     * intersection is the entire valid_policy_tree." */
    if (user_any) {
        int any_live = 0;
        for (size_t k = 0; k < x->w->count; k++) {
            const struct xcv_policy_node *nd = &x->w->nodes[k];
            if ((nd->flags & PN_LIVE) == 0) {
                continue;
            }
            if (nd->level == x->n) {
                any_live = 1;
            }
            if ((nd->flags & PN_PARENT_ANY) != 0) {
                result_add(out, nd->oid);
            }
        }
        out->any = leaf_any >= 0;
        *out_null = !any_live;
        return XCV_OK;
    }
    /* (g)(iii)(1)-(2): the valid_policy_node_set is the live nodes whose
     * parent is anyPolicy; "For each node in the valid_policy_node_set
     * whose valid_policy is not in the user-initial-policy-set ..., delete
     * this node and all its children." */
    for (size_t k = 0; k < x->w->count; k++) {
        struct xcv_policy_node *nd = &x->w->nodes[k];
        if ((nd->flags & (PN_LIVE | PN_PARENT_ANY)) == (PN_LIVE | PN_PARENT_ANY) &&
            !in_user_set(in, nd->oid)) {
            nd->flags |= PN_REMOVED;
        }
    }
    /* (g)(iii)(3): with a depth-n anyPolicy node, "for each P-OID in the
     * user-initial-policy-set that is not the valid_policy of a node in the
     * valid_policy_node_set, create a child node whose parent is the node of
     * depth n-1 with the valid_policy anyPolicy"; then "delete the node of
     * depth n with the valid_policy anyPolicy". */
    int added = 0;
    if (leaf_any >= 0 && (x->w->nodes[leaf_any].flags & PN_LIVE) != 0) {
        for (size_t u = 0; u < in->initial_count; u++) {
            int in_set = 0;
            for (size_t k = 0; k < x->w->count && !in_set; k++) {
                const struct xcv_policy_node *nd = &x->w->nodes[k];
                XCV_TRY(tick(x));
                in_set = (nd->flags & (PN_LIVE | PN_PARENT_ANY)) == (PN_LIVE | PN_PARENT_ANY) &&
                         xcv_slice_eq(nd->oid, in->initial[u]);
            }
            if (!in_set) {
                result_add(out, in->initial[u]);
                added = 1;
            }
        }
        x->w->nodes[leaf_any].flags |= PN_REMOVED;
    }
    /* (g)(iii)(4) "If there is a node in the valid_policy_tree of depth n-1
     * or less without any child nodes, delete that node. Repeat this step
     * until there are no nodes of depth n-1 or less without children." */
    XCV_TRY(mark_reach(x));
    XCV_TRY(mark_up(x, PN_LIVE, PN_REACH));
    int leaf_left = 0;
    for (size_t k = 0; k < x->w->count; k++) {
        const struct xcv_policy_node *nd = &x->w->nodes[k];
        if ((nd->flags & PN_LIVE) == 0 || (nd->flags & PN_REACH) == 0) {
            continue;
        }
        if (nd->level == x->n) {
            leaf_left = 1;
        }
        if ((nd->flags & PN_PARENT_ANY) != 0) {
            result_add(out, nd->oid);
        }
    }
    *out_null = !leaf_left && !added;
    return XCV_OK;
}

static unsigned dec(unsigned v)
{
    return v > 0 ? v - 1 : 0;
}

static unsigned min_u(unsigned a, unsigned b)
{
    return a < b ? a : b;
}

/* see policy.h */
xcv_err xcv_policy_check(const struct xcv_cert *const *path, size_t n,
                         const struct xcv_policy_params *in, struct xcv_policy_work *work,
                         struct xcv_policy_result *out)
{
    XCV_ENSURE(path != NULL && in != NULL && work != NULL && out != NULL, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(n >= 1 && n <= XCV_MAX_DEPTH, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(in->initial != NULL || in->initial_count == 0, XCV_ERR_INVALID_ARGUMENT);
    memset(out, 0, sizeof(*out));
    work->count = 0;
    work->ops = 0;
    struct policy_ctx x;
    x.path = path;
    x.n = n;
    x.w = work;
    x.budget = in->budget != 0 ? in->budget : XCV_POLICY_BUDGET_DEFAULT;
    x.top = 0;

    for (size_t pos = 0; pos < n; pos++) {
        XCV_ENSURE(path[pos] != NULL, XCV_ERR_INVALID_ARGUMENT);
        if (xcv_policy_validate_cert(path[pos]) != XCV_OK) {
            out->cert_pos = pos;
            return XCV_ERR_POLICY_MALFORMED;
        }
    }

    /* 6.1.2 (a) valid_policy_tree: one node, anyPolicy, depth 0;
     * (d) explicit_policy, (e) inhibit_anyPolicy, (f) policy_mapping: 0
     * when the matching initial input is set, else n+1. */
    unsigned n1 = (unsigned)n + 1;
    unsigned explicit_policy = (in->flags & XCV_POLICY_EXPLICIT) != 0 ? 0 : n1;
    unsigned inhibit_any = (in->flags & XCV_POLICY_INHIBIT_ANY) != 0 ? 0 : n1;
    unsigned policy_mapping = (in->flags & XCV_POLICY_INHIBIT_MAPPING) != 0 ? 0 : n1;
    work->level_start[0] = 0;
    xcv_err err = add_node(&x, xcv_slice_empty(), 0, PN_ANY);
    int tree_null = 0;

    for (size_t i = 1; i <= n && err == XCV_OK; i++) {
        const struct xcv_cert *c = cert_at(&x, i);
        out->cert_pos = n - i;
        int self_issued = xcv_dn_equal(c->issuer, c->subject);
        work->level_start[i] = work->count;
        x.top = i;
        xcv_slice pol;
        err = policies_content(c, &pol);
        if (err != XCV_OK) {
            break;
        }
        if (!tree_null && (c->ext_present & XCV_EXT_CERT_POLICIES) != 0) {
            err = process_policies(&x, i, pol, inhibit_any > 0 || (i < n && self_issued));
            if (err != XCV_OK) {
                break;
            }
        }
        /* (e) "If the certificate policies extension is not present, set
         * the valid_policy_tree to NULL." (d)(3) pruning leaves the tree
         * NULL when depth i is empty. */
        tree_null = tree_null || !level_alive(&x, i);
        /* (f) "Verify that either explicit_policy is greater than 0 or the
         * valid_policy_tree is not equal to NULL;" */
        if (explicit_policy == 0 && tree_null) {
            err = XCV_ERR_POLICY_REQUIRED;
            break;
        }
        if (i == n) {
            break;
        }
        /* 6.1.4 (a), (b) */
        err = process_mappings(&x, i, policy_mapping > 0, tree_null);
        if (err != XCV_OK) {
            break;
        }
        tree_null = tree_null || !level_alive(&x, i);
        /* (h) "If certificate i is not self-issued", decrement each of
         * explicit_policy, policy_mapping and inhibit_anyPolicy if not 0. */
        if (!self_issued) {
            explicit_policy = dec(explicit_policy);
            policy_mapping = dec(policy_mapping);
            inhibit_any = dec(inhibit_any);
        }
        /* (i) policyConstraints: "If requireExplicitPolicy is present and is
         * less than explicit_policy, set explicit_policy to the value of
         * requireExplicitPolicy. If inhibitPolicyMapping is present and is
         * less than policy_mapping, set policy_mapping to the value of
         * inhibitPolicyMapping." */
        unsigned rep;
        unsigned ipm;
        unsigned iap;
        err = read_constraints(c, &rep, &ipm);
        if (err == XCV_OK) {
            err = read_inhibit_any(c, &iap);
        }
        if (err != XCV_OK) {
            break;
        }
        explicit_policy = min_u(explicit_policy, rep);
        policy_mapping = min_u(policy_mapping, ipm);
        /* (j) "If the inhibitAnyPolicy extension is included in the
         * certificate and is less than inhibit_anyPolicy, set
         * inhibit_anyPolicy to the value of inhibitAnyPolicy." */
        inhibit_any = min_u(inhibit_any, iap);
    }
    out->ops = work->ops;
    if (err != XCV_OK) {
        return err == XCV_ERR_DER_TRUNCATED || (err >= 100 && err < 200) ? XCV_ERR_POLICY_MALFORMED
                                                                         : err;
    }

    /* 6.1.5 (a) "If explicit_policy is not 0, decrement explicit_policy by
     * 1." (b) "If a policy constraints extension is included in the
     * certificate and requireExplicitPolicy is present and has a value of 0,
     * set the explicit_policy state variable to 0." */
    out->cert_pos = 0;
    explicit_policy = dec(explicit_policy);
    unsigned rep;
    unsigned ipm;
    if (read_constraints(path[0], &rep, &ipm) != XCV_OK) {
        return XCV_ERR_POLICY_MALFORMED;
    }
    if (rep == 0) {
        explicit_policy = 0;
    }
    int final_null = 1;
    if (!tree_null) {
        err = intersect(&x, in, out, &final_null);
        out->ops = work->ops;
        if (err != XCV_OK) {
            return err;
        }
    }
    if (final_null) {
        out->any = 0;
        out->count = 0;
    }
    /* 6.1.5 (g): "If either (1) the value of explicit_policy variable is
     * greater than zero or (2) the valid_policy_tree is not NULL, then path
     * processing has succeeded." */
    XCV_ENSURE(explicit_policy > 0 || !final_null, XCV_ERR_POLICY_REQUIRED);
    return XCV_OK;
}
