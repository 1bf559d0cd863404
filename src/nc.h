/*
 * nc.h -- name constraints (RFC 5280 4.2.1.10).
 */
#ifndef XCV_NC_H
#define XCV_NC_H

#include "internal.h"

/*
 * Checks every name of cert (subject DN, SANs, and the subject CN when it is
 * used as a host name, as webpki does) against one CA's (or anchor's)
 * permitted/excluded subtrees (the contents of [0] and [1], either may be
 * empty). *budget is decremented per comparison; XCV_ERR_NC_BUDGET when it
 * runs out. Returns XCV_OK, XCV_ERR_NAME_NOT_PERMITTED, XCV_ERR_NAME_EXCLUDED,
 * XCV_ERR_NC_UNSUPPORTED, XCV_ERR_NC_MALFORMED, XCV_ERR_BAD_SAN_NAME.
 * is_leaf: 1 for the end-entity certificate.
 */
XCV_MUST_USE xcv_err xcv_nc_check(const struct xcv_cert *cert, int is_leaf, xcv_slice permitted,
                                  xcv_slice excluded, unsigned long *budget);

/* Validates a nameConstraints subtree list (content of [0] or [1]). */
XCV_MUST_USE xcv_err xcv_nc_validate(xcv_slice subtrees);

#endif
