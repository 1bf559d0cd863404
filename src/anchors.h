/*
 * anchors.h -- trust-anchor stores (private helpers shared with path.c and
 * verify.c). The store interface and the built-in stores are public, in
 * xcv.h; see src/anchors.c for the implementation notes.
 */
#ifndef XCV_ANCHORS_H
#define XCV_ANCHORS_H

#include "internal.h"

/* 1 when the anchor's time limit has passed at now (not_after < now). */
int xcv_anchor_expired(const struct xcv_anchor *a, xcv_time now);

/*
 * 0 when store's trusts_cert never reads its cert_sha256/spki_sha256
 * arguments (the sorted store, or a chain of such stores), so the caller may
 * pass NULL and skip hashing; 1 otherwise (pins, any caller-defined store).
 */
int xcv_store_needs_hashes(const struct xcv_anchor_store *store);

#endif
