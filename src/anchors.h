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

#endif
