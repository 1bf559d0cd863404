#include "chainutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hex.h"

int xcv_chain_load(const char *name, xcv_slice *out)
{
    char path[1024];
    size_t n = 0;
    uint8_t *buf;

    out->p = NULL;
    out->n = 0;
    snprintf(path, sizeof(path), "vectors/chains/%s", name);
    buf = xcv_test_read_file(path, &n);
    if (buf == NULL) {
        return -1;
    }
    if (n > 10 && memcmp(buf, "-----", 5) == 0) {
        xcv_slice in = {buf, n};
        uint8_t *der = malloc(n);
        size_t len = 0;
        if (der == NULL || xcv_pem_next(&in, der, n, &len) != XCV_OK) {
            free(der);
            free(buf);
            return -1;
        }
        free(buf);
        buf = der;
        n = len;
    }
    out->p = buf;
    out->n = n;
    return 0;
}

void xcv_chain_free(xcv_slice *s)
{
    free((void *)s->p);
    s->p = NULL;
    s->n = 0;
}

int xcv_chain_time(const char *iso, xcv_time *out)
{
    int y, mo, d, h, mi, s;
    char z = 0;

    if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 || z != 'Z') {
        return -1;
    }
    return xcv_time_from_civil(y, mo, d, h, mi, s, out) == XCV_OK ? 0 : -1;
}

int xcv_chain_purpose(const char *s, xcv_purpose *out)
{
    static const struct {
        const char *name;
        xcv_purpose p;
    } tab[] = {{"server", XCV_PURPOSE_SERVER}, {"client", XCV_PURPOSE_CLIENT},
               {"email", XCV_PURPOSE_EMAIL},   {"code", XCV_PURPOSE_CODE_SIGNING},
               {"codesigning", XCV_PURPOSE_CODE_SIGNING}, {"any", XCV_PURPOSE_ANY}};
    for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
        if (strcmp(s, tab[i].name) == 0) {
            *out = tab[i].p;
            return 0;
        }
    }
    return -1;
}

int xcv_chain_ref(const char *s, struct xcv_ref *out)
{
    static const struct {
        const char *prefix;
        xcv_ref_type t;
    } tab[] = {{"dns:", XCV_REF_DNS}, {"ip:", XCV_REF_IP}, {"email:", XCV_REF_EMAIL},
               {"uri:", XCV_REF_URI}};
    if (strcmp(s, "-") == 0) {
        out->type = XCV_REF_NONE;
        out->name.p = NULL;
        out->name.n = 0;
        return 0;
    }
    for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
        size_t n = strlen(tab[i].prefix);
        if (strncmp(s, tab[i].prefix, n) == 0) {
            out->type = tab[i].t;
            out->name.p = (const uint8_t *)s + n;
            out->name.n = strlen(s + n);
            return 0;
        }
    }
    return -1;
}

int xcv_chain_err(const char *name)
{
    if (strcmp(name, "XCV_OK") == 0) {
        return 0;
    }
    for (int e = 1; e < 1000; e++) {
        if (strcmp(xcv_err_name((xcv_err)e), name) == 0) {
            return e;
        }
    }
    return -1;
}

/* Splits a comma list in place; returns the count. */
static size_t split(char *s, char **out, size_t cap)
{
    size_t n = 0;
    if (s == NULL || *s == 0 || strcmp(s, "-") == 0) {
        return 0;
    }
    for (char *tok = strtok(s, ","); tok != NULL && n < cap; tok = strtok(NULL, ",")) {
        out[n++] = tok;
    }
    return n;
}

int xcv_chain_fixture_load(struct xcv_chain_fixture *f, const char *leaf, const char *ints,
                           const char *anchors)
{
    char buf[2048];
    char *names[XCV_CHAIN_MAX_FILES];
    size_t n;

    memset(f, 0, sizeof(*f));
    xcv_anchors_sorted_init(&f->store, f->anchors, XCV_CHAIN_MAX_FILES);
    if (xcv_chain_load(leaf, &f->certs[0]) != 0) {
        return -1;
    }
    f->ncerts = 1;
    snprintf(buf, sizeof(buf), "%s", ints != NULL ? ints : "-");
    n = split(buf, names, XCV_CHAIN_MAX_FILES - 1);
    for (size_t i = 0; i < n; i++) {
        if (xcv_chain_load(names[i], &f->certs[f->ncerts]) != 0) {
            return -1;
        }
        f->ncerts++;
    }
    snprintf(buf, sizeof(buf), "%s", anchors != NULL ? anchors : "-");
    n = split(buf, names, XCV_CHAIN_MAX_FILES);
    for (size_t i = 0; i < n; i++) {
        struct xcv_anchor a;
        if (xcv_chain_load(names[i], &f->anchor_der[f->nanchors]) != 0) {
            return -1;
        }
        if (xcv_anchor_from_cert(f->anchor_der[f->nanchors], &a) != XCV_OK) {
            return -1;
        }
        f->nanchors++;
        if (xcv_anchors_sorted_add(&f->store, &a) != XCV_OK) {
            return -1;
        }
    }
    xcv_anchors_sorted_finish(&f->store);
    return 0;
}

void xcv_chain_fixture_free(struct xcv_chain_fixture *f)
{
    for (size_t i = 0; i < f->ncerts; i++) {
        xcv_chain_free(&f->certs[i]);
    }
    for (size_t i = 0; i < f->nanchors; i++) {
        xcv_chain_free(&f->anchor_der[i]);
    }
    f->ncerts = 0;
    f->nanchors = 0;
}
