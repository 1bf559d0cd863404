/*
 * test_chains.c -- runs every row of vectors/chains.tsv through xcv_verify()
 * with default parameters and asserts the error and the certificate index.
 * Columns: id, leaf, intermediates (comma list or -), anchors (comma list),
 * time (ISO-8601 Z), ref (dns:/ip:/email:/uri:/-), purpose, expected error
 * name, expected index (a number, `anchor`, or - for none), notes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chainutil.h"
#include "hex.h"
#include "xcv.h"

#define MAX_COLS 10

static struct xcv_verifier verifier;

/* Runs one row; returns 0 when it behaves as expected. */
static int run_row(char **col, size_t ncol)
{
    struct xcv_chain_fixture *f = calloc(1, sizeof(*f));
    struct xcv_params p;
    struct xcv_ref ref;
    struct xcv_result r;
    xcv_purpose purpose;
    int want_err, want_index;
    int bad = 0;

    assert_non_null(f);
    if (ncol < 9) {
        fprintf(stderr, "row %s: %zu columns\n", col[0], ncol);
        free(f);
        return 1;
    }
    xcv_params_default(&p);
    if (xcv_chain_time(col[4], &p.now) != 0 || xcv_chain_purpose(col[6], &purpose) != 0 ||
        xcv_chain_ref(col[5], &ref) != 0) {
        fprintf(stderr, "row %s: bad time/purpose/ref column\n", col[0]);
        free(f);
        return 1;
    }
    p.purpose = purpose;
    want_err = xcv_chain_err(col[7]);
    if (want_err < 0) {
        fprintf(stderr, "row %s: unknown error name %s\n", col[0], col[7]);
        free(f);
        return 1;
    }
    if (strcmp(col[8], "-") == 0) {
        want_index = XCV_INDEX_NONE;
    } else if (strcmp(col[8], "anchor") == 0) {
        want_index = XCV_INDEX_ANCHOR;
    } else {
        want_index = atoi(col[8]);
    }
    if (xcv_chain_fixture_load(f, col[1], col[2], col[3]) != 0) {
        fprintf(stderr, "row %s: cannot load files\n", col[0]);
        xcv_chain_fixture_free(f);
        free(f);
        return 1;
    }
    xcv_err err = xcv_verify(&verifier, &p, &f->store.base, f->certs, f->ncerts,
                             ref.type == XCV_REF_NONE ? NULL : &ref, &r);
    if (err != r.err) {
        fprintf(stderr, "row %s: return %s but result.err %s\n", col[0], xcv_err_name(err),
                xcv_err_name(r.err));
        bad = 1;
    }
    if ((int)err != want_err || r.cert_index != want_index) {
        fprintf(stderr, "row %s: got %s index %d, want %s index %d (%s)\n", col[0],
                xcv_err_name(err), r.cert_index, col[7], want_index, ncol > 9 ? col[9] : "");
        bad = 1;
    }
    if (err == XCV_OK && (r.anchor == NULL || r.path_len < 1 || r.path[0] != 0)) {
        fprintf(stderr, "row %s: OK without a path to an anchor\n", col[0]);
        bad = 1;
    }
    xcv_chain_fixture_free(f);
    free(f);
    return bad;
}

static void test_all_rows(void **state)
{
    size_t n = 0;
    uint8_t *tsv = xcv_test_read_file("vectors/chains.tsv", &n);
    int failures = 0, rows = 0;

    (void)state;
    if (tsv == NULL) {
        skip();
    }
    char *text = malloc(n + 1);
    assert_non_null(text);
    memcpy(text, tsv, n);
    text[n] = 0;
    free(tsv);
    char *next = text;
    while (next != NULL && *next != 0) {
        char *line = next;
        char *nl = strchr(line, '\n');
        if (nl != NULL) {
            *nl = 0;
            next = nl + 1;
        } else {
            next = NULL;
        }
        char *col[MAX_COLS];
        size_t ncol = 0;
        if (line[0] == '#' || line[0] == 0) {
            continue;
        }
        char *c = line;
        while (ncol < MAX_COLS) {
            col[ncol++] = c;
            char *tab = strchr(c, '\t');
            if (tab == NULL) {
                break;
            }
            *tab = 0;
            c = tab + 1;
        }
        size_t len = strlen(col[ncol - 1]);
        if (len > 0 && col[ncol - 1][len - 1] == '\r') {
            col[ncol - 1][len - 1] = 0;
        }
        rows++;
        failures += run_row(col, ncol);
    }
    free(text);
    fprintf(stderr, "chains.tsv: %d rows, %d failures\n", rows, failures);
    assert_true(rows > 0);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
