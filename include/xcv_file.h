/*
 * xcv_file.h -- loading certificates and trust anchors from files.
 *
 * Outside the zero-allocation core: these functions use stdio, malloc and
 * getenv. They are in libxcv but the core never calls them.
 *
 * Formats
 *   A file is DER when it starts with a SEQUENCE with a long-form length
 *   (0x30 0x81/0x82/0x83) and consists exactly of one or more complete
 *   top-level TLVs; otherwise it is read as PEM (any number of CERTIFICATE or
 *   TRUSTED CERTIFICATE blocks, other text ignored, see xcv_pem_next). For
 *   TRUSTED CERTIFICATE blocks only the leading certificate TLV is kept (the
 *   OpenSSL trust settings after it are dropped, not honoured).
 *
 * Lifetimes
 *   A store owns every byte its anchors point to; the anchors stay valid
 *   until xcv_file_store_free. xcv_file_certs owns the bytes its slices
 *   point to until xcv_file_certs_free.
 *
 * Threads
 *   No hidden state; one object must not be used by two threads at once.
 */
#ifndef XCV_FILE_H
#define XCV_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "xcv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Outcome of a file operation. */
typedef enum xcv_file_status {
    XCV_FILE_OK = 0,
    XCV_FILE_IO = 1,        /* the file could not be opened or read (see sys_errno) */
    XCV_FILE_NO_CERTS = 2,  /* readable, but holds no usable certificate */
    XCV_FILE_NO_MEMORY = 3, /* allocation failed */
    XCV_FILE_INVALID = 4,   /* NULL argument */
    XCV_FILE_TOO_BIG = 5    /* file larger than XCV_FILE_MAX_SIZE */
} xcv_file_status;

/* Largest file read (a guard against reading a device or a huge file). */
#define XCV_FILE_MAX_SIZE ((size_t)64 * 1024 * 1024)

/* The system bundle when $SSL_CERT_FILE is unset (Debian's ca-certificates). */
#define XCV_FILE_SYSTEM_DEFAULT "/etc/ssl/certs/ca-certificates.crt"

/* One sentence describing a status. */
XCV_API const char *xcv_file_status_str(xcv_file_status st);

/* What one load found. Every field is set by each call (not accumulated). */
struct xcv_file_stats {
    size_t found;           /* certificate blocks (PEM) or TLVs (DER) seen */
    size_t loaded;          /* anchors added / certificates returned */
    size_t duplicates;      /* identical certificates already in the store (not added) */
    size_t rejected;        /* blocks that failed to decode or parse (not added) */
    xcv_err first_err;      /* error of the first rejected block, XCV_OK if none */
    size_t first_err_index; /* its position among the blocks found (0-based) */
    int sys_errno;          /* errno for XCV_FILE_IO, else 0 */
    char path[512];         /* the path read (truncated), "" for memory input */
};

/* ------------------------------------------------------------------------ */
/* Anchor store loaded from files                                            */
/* ------------------------------------------------------------------------ */

/*
 * Owns the certificate bytes and an indexed anchor store over them.
 * Use &fs.sorted.base as the struct xcv_anchor_store for xcv_verify once
 * at least one load succeeded (the index is rebuilt after every load).
 */
struct xcv_file_store {
    struct xcv_anchors_sorted sorted; /* the index (storage: index below) */
    struct xcv_anchor *list;          /* every anchor, in load order */
    size_t count;
    size_t cap;
    struct xcv_anchor *index;         /* storage of sorted (count entries) */
    uint8_t **blobs;                  /* owned certificate copies */
    size_t blob_count;
    size_t blob_cap;
};

XCV_API void xcv_file_store_init(struct xcv_file_store *fs);

/* The store as an xcv_anchor_store. */
XCV_API const struct xcv_anchor_store *xcv_file_store_get(const struct xcv_file_store *fs);

/*
 * Appends the certificates of a PEM bundle or DER file as anchors (by
 * xcv_anchor_from_cert). Blocks that fail to decode or parse are counted in
 * stats->rejected and skipped; identical certificates are added once.
 * Returns XCV_FILE_OK when at least one certificate of the file is in the
 * store afterwards, XCV_FILE_NO_CERTS when none is. stats may be NULL.
 */
XCV_API XCV_MUST_USE xcv_file_status xcv_file_store_add_file(struct xcv_file_store *fs,
                                                             const char *path,
                                                             struct xcv_file_stats *stats);

/* Same, from bytes in memory (copied; the caller's buffer may be freed). */
XCV_API XCV_MUST_USE xcv_file_status xcv_file_store_add_memory(struct xcv_file_store *fs,
                                                               const uint8_t *data, size_t n,
                                                               struct xcv_file_stats *stats);

/* Adds one DER certificate (copied). XCV_FILE_NO_CERTS with stats->first_err when it fails. */
XCV_API XCV_MUST_USE xcv_file_status xcv_file_store_add_der(struct xcv_file_store *fs,
                                                            xcv_slice der,
                                                            struct xcv_file_stats *stats);

/*
 * The system bundle path: $SSL_CERT_FILE when set and non-empty, else
 * XCV_FILE_SYSTEM_DEFAULT. The pointer is getenv's or a constant.
 */
XCV_API const char *xcv_file_system_path(void);

/*
 * Adds the system bundle (xcv_file_system_path). When it is absent returns
 * XCV_FILE_IO with stats->sys_errno = ENOENT and stats->path naming it.
 */
XCV_API XCV_MUST_USE xcv_file_status xcv_file_store_add_system(struct xcv_file_store *fs,
                                                               struct xcv_file_stats *stats);

/* Frees everything the store owns and re-initialises it. */
XCV_API void xcv_file_store_free(struct xcv_file_store *fs);

/* ------------------------------------------------------------------------ */
/* Presented certificates                                                    */
/* ------------------------------------------------------------------------ */

/* Certificates read from a file: DER slices into one owned buffer. */
struct xcv_file_certs {
    xcv_slice *certs; /* count slices, in file order */
    size_t count;
    uint8_t *buf;     /* owns the bytes */
};

/*
 * Reads every certificate of a PEM or DER file, in order, without parsing
 * them (so that xcv_verify reports a malformed one with its index). Blocks
 * whose base64 is broken are counted as rejected and skipped. Returns
 * XCV_FILE_NO_CERTS when the file holds none. stats may be NULL.
 */
XCV_API XCV_MUST_USE xcv_file_status xcv_file_read_certs(const char *path,
                                                         struct xcv_file_certs *out,
                                                         struct xcv_file_stats *stats);

/* Same, from bytes in memory (copied). */
XCV_API XCV_MUST_USE xcv_file_status xcv_file_certs_from_memory(const uint8_t *data, size_t n,
                                                                struct xcv_file_certs *out,
                                                                struct xcv_file_stats *stats);

XCV_API void xcv_file_certs_free(struct xcv_file_certs *c);

/* ------------------------------------------------------------------------ */
/* CRLs (for xcv_params.crls)                                                */
/* ------------------------------------------------------------------------ */

/*
 * Reads every CRL of a file: DER (one or more CertificateList TLVs, the
 * same test as for certificates) or PEM ("X509 CRL" blocks, RFC 7468
 * section 6; other blocks ignored). The CRLs are not parsed here
 * (xcv_verify does, naming a malformed one by result.crl_index). The
 * slices are what params.crls takes; free with xcv_file_certs_free.
 * XCV_FILE_NO_CERTS when the file holds no CRL. stats may be NULL.
 */
XCV_API XCV_MUST_USE xcv_file_status xcv_file_read_crls(const char *path,
                                                        struct xcv_file_certs *out,
                                                        struct xcv_file_stats *stats);
/* Same, from bytes in memory (copied). */
XCV_API XCV_MUST_USE xcv_file_status xcv_file_crls_from_memory(const uint8_t *data, size_t n,
                                                               struct xcv_file_certs *out,
                                                               struct xcv_file_stats *stats);

#ifdef __cplusplus
}
#endif

#endif /* XCV_FILE_H */
