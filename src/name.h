/*
 * name.h -- Distinguished Names: comparison (RFC 5280 7.1), hashing of the
 * normalised form (for indexed anchor stores), attribute iteration.
 */
#ifndef XCV_NAME_H
#define XCV_NAME_H

#include "internal.h"

/* Hash of the normalised Name (equal names by xcv_dn_equal hash equally). */
uint32_t xcv_name_hash(xcv_slice name);

/* 1 when the Name TLV has no RDNs. */
int xcv_name_is_empty(xcv_slice name);

/* 1 when prefix's RDN sequence is a prefix of name's (directoryName constraints). */
int xcv_name_has_prefix(xcv_slice name, xcv_slice prefix);

#endif
