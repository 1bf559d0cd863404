/*
 * chainutil.h -- test helpers for chain verification: loading certificates
 * (PEM or DER) from vectors/chains/, parsing the columns of
 * vectors/chains.tsv, building anchor stores. Test code only (allocates).
 */
#ifndef XCV_TEST_CHAINUTIL_H
#define XCV_TEST_CHAINUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "xcv.h"

/* Loads vectors/chains/<name> (PEM: the first certificate; else DER) into a
 * malloc'd buffer. Returns 0 on success. Free with xcv_chain_free. */
int xcv_chain_load(const char *name, xcv_slice *out);
void xcv_chain_free(xcv_slice *s);

/* "YYYY-MM-DDTHH:MM:SSZ" -> time; 0 on success. */
int xcv_chain_time(const char *iso, xcv_time *out);

/* "server" / "client" / "email" / "code" / "any"; 0 on success. */
int xcv_chain_purpose(const char *s, xcv_purpose *out);

/* "dns:x" / "ip:x" / "email:x" / "uri:x" / "-"; out->name points into s. 0 on success. */
int xcv_chain_ref(const char *s, struct xcv_ref *out);

/* The error whose xcv_err_name is name; -1 when unknown. */
int xcv_chain_err(const char *name);

/*
 * A ready-made verification fixture: the presented list (leaf first) and a
 * sorted store of anchors made from certificate files.
 */
#define XCV_CHAIN_MAX_FILES 40
struct xcv_chain_fixture {
    xcv_slice certs[XCV_CHAIN_MAX_FILES];
    size_t ncerts;
    xcv_slice anchor_der[XCV_CHAIN_MAX_FILES];
    struct xcv_anchor anchors[XCV_CHAIN_MAX_FILES];
    size_t nanchors;
    struct xcv_anchors_sorted store;
};

/* leaf: a file name; ints and anchors: comma lists of file names or "-"/NULL.
 * Returns 0 on success. */
int xcv_chain_fixture_load(struct xcv_chain_fixture *f, const char *leaf, const char *ints,
                           const char *anchors);
void xcv_chain_fixture_free(struct xcv_chain_fixture *f);

#endif
