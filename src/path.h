/*
 * path.h -- certification path building: depth-first search with an
 * explicit stack, candidate ordering, loop detection and budgets.
 *
 * path.c explores; verify.c judges each partial path through a callback
 * (BoringSSL's path_builder / verify_certificate_chain split).
 */
#ifndef XCV_PATH_H
#define XCV_PATH_H

#include "internal.h"

/* A candidate issuer for the certificate at the top of the partial path. */
struct xcv_path_cand {
    int index;                       /* presented index, or XCV_INDEX_ANCHOR */
    const struct xcv_anchor *anchor; /* non-NULL: the candidate ends the path (store anchor,
                                        a pinned presented certificate, or the leaf itself) */
    int self;                        /* 1: the top certificate itself is the anchor (leaf pin) */
};

/*
 * Judges the partial path path[0..len-1] (presented indices, leaf first)
 * extended by cand. Returns XCV_OK when the extension is acceptable, else the
 * error and *out_index (the certificate at fault: presented index or
 * XCV_INDEX_ANCHOR). Errors in the 500s (budgets) are fatal.
 */
typedef xcv_err (*xcv_path_judge_fn)(void *ctx, const int *path, size_t len,
                                     const struct xcv_path_cand *cand, int *out_index);

struct xcv_path_search {
    struct xcv_verifier *v;
    const struct xcv_params *params;
    const struct xcv_anchor_store *store;
    xcv_path_judge_fn judge;
    void *judge_ctx;
    struct xcv_result *result; /* budgets used, trace, chosen or furthest path */
    /*
     * Optional (may be NULL): called whenever a failure becomes the reported
     * one (the furthest so far), with from_judge = 1 when the judge's last
     * call produced it and 0 for "no issuer left" (XCV_ERR_UNKNOWN_ISSUER),
     * so the judge can attach details of that failure to the result.
     */
    void (*on_record)(void *judge_ctx, int from_judge);
};

/*
 * Searches for a path from certs[0] to an anchor. On success fills
 * result->path, path_len and anchor and returns XCV_OK. On failure returns
 * the error of the furthest path (ties by xcv_path_rank), with
 * result->cert_index, path and (for XCV_ERR_UNKNOWN_ISSUER) the untrusted
 * issuer and top certificate; a budget error is returned at once.
 */
XCV_MUST_USE xcv_err xcv_path_build(const struct xcv_path_search *s);

/* SHA-256 of presented certificate i's DER (SPKI), computed on first use
 * in this call and kept in v->cert_sha256[i] (v->spki_sha256[i]). */
const uint8_t *xcv_path_cert_sha256(struct xcv_verifier *v, int i);
const uint8_t *xcv_path_spki_sha256(struct xcv_verifier *v, int i);

/* store->vt->trusts_cert for presented certificate i, hashing it only when
 * the store may read the hashes (NULL is passed otherwise). */
const struct xcv_anchor *xcv_path_trusts_cert(const struct xcv_anchor_store *store,
                                              struct xcv_verifier *v, int i);

/* Rank used to break ties between failures at the same depth (higher wins). */
int xcv_path_rank(xcv_err err);

/* 1 for errors that stop the search (budgets). */
int xcv_path_is_fatal(xcv_err err);

#endif
