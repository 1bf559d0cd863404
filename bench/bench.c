/*
 * bench.c -- the xcv benchmark driver: chains in, verdicts checked, timings
 * in interleaved rounds on one pinned CPU, memory measured, results out.
 *
 * Usage: xcv_bench [--quick] [--wall] [--vectors DIR] [--limbo FILE] [--csv FILE] [--dat FILE]
 *   DIR    vectors/bench (rsa/, ecdsa/, mixed/, hostile/ from vectors/gen_bench.sh)
 *   FILE   x509-limbo limbo.json (optional: the WORST row over its pathological:: cases)
 *   --csv  chain,metric,impl,median_ns,ratio_to_floor
 *   --dat  the FULL/FLOOR medians with p10/p90 for bench/plot.gp
 *   --wall time with CLOCK_MONOTONIC instead of the thread's CPU time
 *
 * Method
 *   Every timed thing is a "cell" (chain, metric, implementation). Before
 *   timing, each FULL cell must accept the valid chain, reject a wrong host
 *   and reject the chain whose leaf (then intermediate) signature has one
 *   bit flipped; PARSE cells must parse; FLOOR cells must verify and must
 *   fail on a flipped bit. Each cell gets a batch size so that one batch
 *   lasts about the target time; then all cells run one batch each, round
 *   after round (interleaved, so that frequency or load drift hits all
 *   alike), on one CPU (sched_setaffinity). Every call's verdict is checked
 *   during timing too. A sample is batch time / batch size, time being the
 *   thread's CPU time (CLOCK_THREAD_CPUTIME_ID: what other tenants of a
 *   shared machine take is not counted; --wall for CLOCK_MONOTONIC); the row
 *   is the median and p10/p90 over rounds. ratio_to_floor = median / the
 *   BearSSL FLOOR of the same chain (BearSSL is xcv's default backend).
 *
 * Memory
 *   HEAP-CALLS: malloc/calloc/realloc/aligned calls during one FULL (after
 *   a warm-up call), counted by the interposer in bench_alloc.c.
 *   STACK-BYTES: stack high-water mark of one FULL, on a pthread whose 1 MiB
 *   stack was painted beforehand, minus the same for an empty thread (TLS
 *   and thread start-up).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"

/* ---------------------------------------------------------------- utilities */

/* CLOCK_THREAD_CPUTIME_ID by default (time other processes take from the
 * shared CPU is not counted), CLOCK_MONOTONIC with --wall. */
static clockid_t bench_clock = CLOCK_THREAD_CPUTIME_ID;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(bench_clock, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int read_file(const char *path, struct bench_der *out)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return 0;
    }
    uint8_t *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 4096) {
            cap = cap * 2 + 8192;
            buf = realloc(buf, cap);
            if (buf == NULL) {
                fclose(f);
                return 0;
            }
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) {
            break;
        }
    }
    fclose(f);
    out->p = buf;
    out->n = n;
    return 1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double quantile(const double *sorted, size_t n, double q)
{
    if (n == 0) {
        return 0;
    }
    double pos = q * (double)(n - 1);
    size_t i = (size_t)pos;
    double frac = pos - (double)i;
    if (i + 1 >= n) {
        return sorted[n - 1];
    }
    return sorted[i] * (1 - frac) + sorted[i + 1] * frac;
}

/* ---------------------------------------------------------------- chains */

static int load_chain(const char *dir, const char *name, struct bench_chain *c)
{
    char path[4096];
    memset(c, 0, sizeof *c);
    c->name = name;
    snprintf(path, sizeof path, "%s/%s/root.der", dir, name);
    if (!read_file(path, &c->root)) {
        return 0;
    }
    snprintf(path, sizeof path, "%s/%s/leaf.der", dir, name);
    if (!read_file(path, &c->leaf)) {
        return 0;
    }
    c->presented[c->n_presented++] = c->leaf;
    snprintf(path, sizeof path, "%s/%s/int.der", dir, name);
    if (read_file(path, &c->intm)) {
        c->presented[c->n_presented++] = c->intm;
        uint8_t *ib = malloc(c->intm.n);
        memcpy(ib, c->intm.p, c->intm.n);
        ib[c->intm.n - 1] ^= 0x01;
        c->intm_bad.p = ib;
        c->intm_bad.n = c->intm.n;
    } else {
        for (int i = 0; i < BENCH_MAX_CERTS - 1; i++) {
            struct bench_der d;
            snprintf(path, sizeof path, "%s/%s/int%02d.der", dir, name, i);
            if (!read_file(path, &d)) {
                break;
            }
            c->presented[c->n_presented++] = d;
        }
    }
    uint8_t *bad = malloc(c->leaf.n);
    memcpy(bad, c->leaf.p, c->leaf.n);
    bad[c->leaf.n - 1] ^= 0x01; /* last byte of the signature value */
    c->leaf_bad.p = bad;
    c->leaf_bad.n = c->leaf.n;
    return 1;
}

/* ---------------------------------------------------------------- cells */

enum cell_kind { CELL_FULL, CELL_PARSE, CELL_FLOOR, CELL_LIMBO };

struct cell {
    char chain[160];
    char metric[24];
    char impl[32];
    enum cell_kind kind;
    const struct bench_impl *impl_p;
    const struct bench_floor *floor_p;
    void *ctx;
    struct bench_input in;
    struct bench_der der;
    int expect;
    unsigned long batch;
    double *samples;
    size_t n_samples;
    int failed;       /* a verdict changed during timing */
    char na[160];     /* non-empty: not measured, why */
    double med, p10, p90;
    double value;     /* non-timing rows (memory) */
    int is_value;
};

#define MAX_CELLS 160
static struct cell cells[MAX_CELLS];
static size_t n_cells;

static struct cell *new_cell(const char *chain, const char *metric, const char *impl)
{
    if (n_cells >= MAX_CELLS) {
        fprintf(stderr, "bench: too many cells\n");
        exit(2);
    }
    struct cell *c = &cells[n_cells++];
    memset(c, 0, sizeof *c);
    snprintf(c->chain, sizeof c->chain, "%s", chain);
    snprintf(c->metric, sizeof c->metric, "%s", metric);
    snprintf(c->impl, sizeof c->impl, "%s", impl);
    return c;
}

static int cell_call(struct cell *c)
{
    switch (c->kind) {
    case CELL_FULL:
        return c->impl_p != NULL ? c->impl_p->full(c->ctx, &c->in)
                                 : bench_xcv_anchors_full(c->ctx, &c->in);
    case CELL_PARSE:
        return c->impl_p->parse(c->ctx, c->der.p, c->der.n);
    case CELL_FLOOR:
        return c->floor_p->run(c->ctx);
    case CELL_LIMBO:
        return bench_xcv_limbo_run(c->ctx);
    }
    return -1;
}

/* One batch: ns per call, or a negative value when a verdict was wrong. */
static double cell_batch(struct cell *c, unsigned long batch)
{
    int bad = 0;
    double t0 = now_ns();
    for (unsigned long i = 0; i < batch; i++) {
        bad |= cell_call(c) != c->expect;
    }
    double t1 = now_ns();
    return bad ? -1.0 : (t1 - t0) / (double)batch;
}

static void calibrate(struct cell *c, double target_ns)
{
    unsigned long k = 1;
    for (;;) {
        double t0 = now_ns();
        double per = cell_batch(c, k);
        double el = now_ns() - t0;
        if (per < 0) {
            c->failed = 1;
            return;
        }
        if (el >= target_ns / 4 || k >= (1ul << 24)) {
            double b = target_ns / per;
            c->batch = b < 1 ? 1 : (unsigned long)b;
            return;
        }
        k *= 2;
    }
}

/* ---------------------------------------------------------------- stack */

struct stack_job {
    struct cell *c;
    int ok;
};

static void *stack_thread(void *arg)
{
    struct stack_job *j = arg;
    if (j->c != NULL) {
        j->ok = cell_call(j->c);
    }
    return NULL;
}

#define STACK_SIZE (1u << 20)
#define PAINT 0xA5

/* Bytes of stack used by one call of c (NULL: the thread's own baseline). */
static long stack_used(struct cell *c)
{
    static uint8_t *stack;
    if (stack == NULL && posix_memalign((void **)&stack, 4096, STACK_SIZE) != 0) {
        return -1;
    }
    memset(stack, PAINT, STACK_SIZE);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstack(&attr, stack, STACK_SIZE);
    struct stack_job j = {c, 0};
    pthread_t t;
    if (pthread_create(&t, &attr, stack_thread, &j) != 0) {
        pthread_attr_destroy(&attr);
        return -1;
    }
    pthread_join(t, NULL);
    pthread_attr_destroy(&attr);
    size_t i = 0;
    while (i < STACK_SIZE && stack[i] == PAINT) {
        i++;
    }
    return (long)(STACK_SIZE - i);
}

/* ---------------------------------------------------------------- main */

static const struct bench_impl *impls[] = {
    &bench_impl_xcv,         &bench_impl_xcv_warm, &bench_impl_xcv_openssl,
    &bench_impl_xcv_openssl_warm, &bench_impl_openssl, &bench_impl_mbedtls,
    &bench_impl_gnutls,      &bench_impl_wolfssl,  &bench_impl_bearssl,
};

/* "xcv-warm", "xcv-openssl-warm": the signature-cache rows. */
static int is_warm(const char *name)
{
    size_t n = strlen(name);
    return n >= 5 && strcmp(name + n - 5, "-warm") == 0;
}
#define N_IMPLS (sizeof impls / sizeof impls[0])
static const struct bench_floor *floors[] = {&bench_floor_bearssl, &bench_floor_openssl};

static const char *HOST = "www.bench.example";
static const char *WRONG_HOST = "www.wrong-bench.example";

/* Checks the three verdicts of a FULL cell; returns 1 when all are right. */
static int check_full(struct cell *c, const struct bench_chain *ch)
{
    const struct bench_impl *im = c->impl_p;
    struct bench_der bad[BENCH_MAX_CERTS];
    memcpy(bad, ch->presented, ch->n_presented * sizeof bad[0]);
    bad[0] = ch->leaf_bad;
    struct bench_input wrong = {ch->presented, ch->n_presented, WRONG_HOST};
    struct bench_input badsig = {bad, ch->n_presented, HOST};
    int ok = cell_call(c);
    if (ok != 1) {
        snprintf(c->na, sizeof c->na, "n/a: rejects the valid chain%s%s",
                 im && im->explain ? ": " : "", im && im->explain ? im->explain(c->ctx) : "");
        return 0;
    }
    int r = im != NULL ? im->full(c->ctx, &wrong) : bench_xcv_anchors_full(c->ctx, &wrong);
    if (r != 0) {
        snprintf(c->na, sizeof c->na, "n/a: accepts a wrong host");
        return 0;
    }
    r = im != NULL ? im->full(c->ctx, &badsig) : bench_xcv_anchors_full(c->ctx, &badsig);
    if (r != 0) {
        snprintf(c->na, sizeof c->na, "n/a: accepts a flipped leaf signature bit");
        return 0;
    }
    if (ch->intm_bad.n > 0) {
        bad[0] = ch->leaf;
        bad[1] = ch->intm_bad;
        r = im != NULL ? im->full(c->ctx, &badsig) : bench_xcv_anchors_full(c->ctx, &badsig);
        if (r != 0) {
            snprintf(c->na, sizeof c->na, "n/a: accepts a flipped intermediate signature bit");
            return 0;
        }
    }
    return cell_call(c) == 1;
}

int main(int argc, char **argv)
{
    int quick = 0;
    const char *vdir = "vectors/bench";
    const char *limbo = NULL;
    const char *csv_path = "bench/results.csv";
    const char *dat_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            quick = 1;
        } else if (strcmp(argv[i], "--wall") == 0) {
            bench_clock = CLOCK_MONOTONIC;
        } else if (strcmp(argv[i], "--vectors") == 0 && i + 1 < argc) {
            vdir = argv[++i];
        } else if (strcmp(argv[i], "--limbo") == 0 && i + 1 < argc) {
            limbo = argv[++i];
        } else if (strcmp(argv[i], "--csv") == 0 && i + 1 < argc) {
            csv_path = argv[++i];
        } else if (strcmp(argv[i], "--dat") == 0 && i + 1 < argc) {
            dat_path = argv[++i];
        } else {
            fprintf(stderr, "usage: %s [--quick] [--wall] [--vectors DIR] [--limbo FILE] [--csv FILE] "
                            "[--dat FILE]\n", argv[0]);
            return 2;
        }
    }
    const double target = quick ? 2e6 : 10e6;
    const size_t rounds = quick ? 11 : 41;

    /* one CPU: the highest one we may run on */
    cpu_set_t set;
    int cpu = -1;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        for (int i = CPU_SETSIZE - 1; i >= 0; i--) {
            if (CPU_ISSET(i, &set)) {
                cpu = i;
                break;
            }
        }
        CPU_ZERO(&set);
        CPU_SET(cpu, &set);
        if (sched_setaffinity(0, sizeof set, &set) != 0) {
            cpu = -1;
        }
    }

    static const char *chain_names[] = {"rsa", "ecdsa", "mixed"};
    static const char *chain_desc[] = {"RSA-2048 x3", "P-256 x3", "RSA-4096 > P-384 > P-256"};
    struct bench_chain chains[3], hostile;
    for (int i = 0; i < 3; i++) {
        if (!load_chain(vdir, chain_names[i], &chains[i])) {
            fprintf(stderr, "bench: cannot read %s/%s (run vectors/gen_bench.sh)\n", vdir,
                    chain_names[i]);
            return 2;
        }
    }
    int have_hostile = load_chain(vdir, "hostile", &hostile);

    printf("xcv benchmark (%s): pinned to CPU %d, %zu rounds, batches of ~%.0f ms, %s time\n",
           quick ? "quick" : "full", cpu, rounds, target / 1e6,
           bench_clock == CLOCK_MONOTONIC ? "wall-clock" : "thread CPU");
    printf("sizeof(struct xcv_verifier) = %zu bytes\n", bench_xcv_verifier_size());

    /* FULL, FULL-WARM, PARSE, FLOOR */
    struct cell *full_cells[3][N_IMPLS];
    for (int ci = 0; ci < 3; ci++) {
        struct bench_chain *ch = &chains[ci];
        for (size_t k = 0; k < N_IMPLS; k++) {
            const struct bench_impl *im = impls[k];
            int warm = is_warm(im->name);
            struct cell *c = new_cell(ch->name, warm ? "FULL-WARM" : "FULL", im->name);
            full_cells[ci][k] = c;
            c->kind = CELL_FULL;
            c->impl_p = im;
            c->expect = 1;
            c->in.certs = ch->presented;
            c->in.n = ch->n_presented;
            c->in.host = HOST;
            c->ctx = im->setup(ch);
            if (c->ctx == NULL) {
                snprintf(c->na, sizeof c->na, "n/a: %s", strncmp(im->name, "xcv", 3) == 0
                                                             ? "xcv_verify not in the library"
                                                             : "setup failed");
                continue;
            }
            if (!check_full(c, ch)) {
                continue;
            }
            if (strncmp(im->name, "xcv", 3) == 0) {
                printf("%-6s %-9s per call: %ld signature verifications, %ld cache hits\n",
                       ch->name, im->name, bench_xcv_sig_checks(c->ctx),
                       bench_xcv_cache_hits(c->ctx));
            }
            if (warm && bench_xcv_cache_hits(c->ctx) <= 0) {
                snprintf(c->na, sizeof c->na, "n/a: the signature cache never hits");
                continue;
            }
            if (warm) {
                continue; /* PARSE is the same as xcv's */
            }
            struct cell *p = new_cell(ch->name, "PARSE", im->name);
            p->kind = CELL_PARSE;
            p->impl_p = im;
            p->ctx = c->ctx;
            p->der = ch->leaf;
            p->expect = 1;
            if (strcmp(im->name, "xcv") == 0 && !bench_xcv_has_parse()) {
                snprintf(p->na, sizeof p->na, "n/a: xcv_cert_parse not in the library");
            } else if (cell_call(p) != 1) {
                snprintf(p->na, sizeof p->na, "n/a: the leaf does not parse");
            }
        }
        for (size_t k = 0; k < 2; k++) {
            struct cell *c = new_cell(ch->name, "FLOOR", floors[k]->name);
            c->kind = CELL_FLOOR;
            c->floor_p = floors[k];
            c->expect = 1;
            c->ctx = floors[k]->setup(ch);
            if (c->ctx == NULL) {
                snprintf(c->na, sizeof c->na, "n/a: setup failed");
            } else if (floors[k]->run(c->ctx) != 1 || floors[k]->run_bad(c->ctx) != 0) {
                snprintf(c->na, sizeof c->na, "n/a: wrong verdict");
            }
        }
    }

    /* anchor-store scaling */
    static const size_t anchor_ns[] = {1, 150, 10000, 100000};
    for (size_t i = 0; i < 4; i++) {
        char metric[24];
        snprintf(metric, sizeof metric, "ANCHORS-%zu", anchor_ns[i]);
        struct cell *c = new_cell("rsa", metric, "xcv");
        c->kind = CELL_FULL;
        c->expect = 1;
        c->in.certs = chains[0].presented;
        c->in.n = chains[0].n_presented;
        c->in.host = HOST;
        c->ctx = bench_xcv_anchors_setup(&chains[0], anchor_ns[i]);
        if (c->ctx == NULL) {
            snprintf(c->na, sizeof c->na, "n/a: xcv_verify not in the library");
        } else {
            check_full(c, &chains[0]);
        }
    }

    /* worst case: hostile pool */
    if (have_hostile) {
        for (size_t k = 0; k < N_IMPLS; k++) {
            const struct bench_impl *im = impls[k];
            if (is_warm(im->name)) {
                continue;
            }
            struct cell *c = new_cell("hostile", "WORST", im->name);
            c->kind = CELL_FULL;
            c->impl_p = im;
            c->expect = 0;
            c->in.certs = hostile.presented;
            c->in.n = hostile.n_presented;
            c->in.host = HOST;
            c->ctx = im->setup(&hostile);
            if (c->ctx == NULL) {
                snprintf(c->na, sizeof c->na, "n/a: needs an ordered chain");
            } else if (cell_call(c) != 0) {
                snprintf(c->na, sizeof c->na, "n/a: accepts the hostile pool");
            } else if (im->explain != NULL) {
                printf("hostile pool, %s: rejected with %s\n", im->name, im->explain(c->ctx));
            }
        }
    }

    /* worst case: x509-limbo pathological:: */
    static struct bench_limbo_case lcases[32];
    size_t n_limbo = limbo != NULL ? bench_xcv_limbo_load(limbo, lcases, 32) : 0;
    if (n_limbo > 0) {
        size_t worst = 0;
        for (size_t i = 0; i < n_limbo; i++) {
            double best = 1e18;
            for (int r = 0; r < (quick ? 3 : 7); r++) {
                double t0 = now_ns();
                (void)bench_xcv_limbo_run(lcases[i].ctx);
                double t = now_ns() - t0;
                best = t < best ? t : best;
            }
            lcases[i].ns = best;
            printf("limbo %-62s %-7s (%s, expected %s) %9.1f us\n", lcases[i].id,
                   lcases[i].got_ok ? "ACCEPT" : "REJECT",
                   lcases[i].got_ok ? "ok" : bench_xcv_err_name(lcases[i].err),
                   lcases[i].expect_ok ? "SUCCESS" : "FAILURE", best / 1e3);
            if (best > lcases[worst].ns) {
                worst = i;
            }
        }
        char name[160];
        snprintf(name, sizeof name, "limbo:%s", lcases[worst].id);
        struct cell *c = new_cell(name, "WORST", "xcv");
        c->kind = CELL_LIMBO;
        c->ctx = lcases[worst].ctx;
        c->expect = lcases[worst].got_ok;
    } else if (limbo != NULL) {
        struct cell *c = new_cell("limbo", "WORST", "xcv");
        snprintf(c->na, sizeof c->na, "n/a: no pathological:: case loaded from %s", limbo);
    }

    /* calibrate, then interleaved rounds */
    for (size_t i = 0; i < n_cells; i++) {
        struct cell *c = &cells[i];
        if (c->na[0] != 0) {
            continue;
        }
        calibrate(c, target);
        if (c->failed) {
            snprintf(c->na, sizeof c->na, "n/a: verdict changed during calibration");
            continue;
        }
        c->samples = calloc(rounds, sizeof(double));
    }
    for (size_t r = 0; r < rounds; r++) {
        for (size_t i = 0; i < n_cells; i++) {
            struct cell *c = &cells[i];
            if (c->na[0] != 0) {
                continue;
            }
            double per = cell_batch(c, c->batch);
            if (per < 0) {
                snprintf(c->na, sizeof c->na, "n/a: verdict changed during timing");
                continue;
            }
            c->samples[c->n_samples++] = per;
        }
    }
    for (size_t i = 0; i < n_cells; i++) {
        struct cell *c = &cells[i];
        if (c->na[0] != 0 || c->n_samples == 0) {
            continue;
        }
        qsort(c->samples, c->n_samples, sizeof(double), cmp_double);
        c->med = quantile(c->samples, c->n_samples, 0.5);
        c->p10 = quantile(c->samples, c->n_samples, 0.1);
        c->p90 = quantile(c->samples, c->n_samples, 0.9);
    }

    /* memory: heap calls and stack per FULL */
    size_t n_timed = n_cells;
    for (int ci = 0; ci < 3; ci++) {
        for (size_t k = 0; k < N_IMPLS; k++) {
            struct cell *f = full_cells[ci][k];
            if (f->na[0] != 0) {
                continue;
            }
            (void)cell_call(f);
            bench_alloc_reset();
            bench_alloc_count(1);
            (void)cell_call(f);
            bench_alloc_count(0);
            struct cell *h = new_cell(f->chain, "HEAP-CALLS", f->impl);
            h->is_value = 1;
            h->value = (double)bench_alloc_calls();
            long base = stack_used(NULL);
            long used = stack_used(f);
            struct cell *s = new_cell(f->chain, "STACK-BYTES", f->impl);
            s->is_value = 1;
            s->value = (double)(used - base);
        }
    }
    {
        struct cell *s = new_cell("-", "SIZEOF-VERIFIER", "xcv");
        s->is_value = 1;
        s->value = (double)bench_xcv_verifier_size();
    }

    /* output */
    FILE *csv = fopen(csv_path, "w");
    if (csv == NULL) {
        fprintf(stderr, "bench: cannot write %s: %s\n", csv_path, strerror(errno));
        return 2;
    }
    fprintf(csv, "chain,metric,impl,median_ns,ratio_to_floor\n");
    const char *last_chain = "";
    for (size_t i = 0; i < n_cells; i++) {
        struct cell *c = &cells[i];
        double floor_ns = 0;
        /* The floor of the row's crypto: OpenSSL's for xcv-openssl, BearSSL's
         * (xcv's default backend) for every other row. */
        const char *floor_impl = strncmp(c->impl, "xcv-openssl", 11) == 0 ? "openssl" : "bearssl";
        for (size_t j = 0; j < n_timed; j++) {
            if (strcmp(cells[j].metric, "FLOOR") == 0 && strcmp(cells[j].impl, floor_impl) == 0 &&
                strcmp(cells[j].chain, c->chain) == 0 && cells[j].na[0] == 0) {
                floor_ns = cells[j].med;
            }
        }
        if (strcmp(last_chain, c->chain) != 0 || (i > 0 && cells[i - 1].is_value != c->is_value)) {
            const char *desc = "";
            for (int ci = 0; ci < 3; ci++) {
                if (strcmp(c->chain, chain_names[ci]) == 0) {
                    desc = chain_desc[ci];
                }
            }
            printf("\n== %s %s\n", c->chain, desc);
            if (c->is_value) {
                printf("%-16s %-16s %12s\n", "metric", "impl", "value");
            } else {
                printf("%-16s %-16s %12s %12s %12s %9s %8s\n", "metric", "impl", "median_us",
                       "p10_us", "p90_us", "x_floor", "batch");
            }
            last_chain = c->chain;
        }
        if (c->is_value) {
            printf("%-16s %-16s %12.0f\n", c->metric, c->impl, c->value);
            fprintf(csv, "%s,%s,%s,%.0f,\n", c->chain, c->metric, c->impl, c->value);
        } else if (c->na[0] != 0) {
            printf("%-16s %-16s %s\n", c->metric, c->impl, c->na);
            fprintf(csv, "%s,%s,%s,n/a,\n", c->chain, c->metric, c->impl);
        } else {
            double ratio = floor_ns > 0 ? c->med / floor_ns : 0;
            char rbuf[32] = "";
            if (floor_ns > 0) {
                snprintf(rbuf, sizeof rbuf, "%.2f", ratio);
            }
            printf("%-16s %-16s %12.2f %12.2f %12.2f %9s %8lu\n", c->metric, c->impl,
                   c->med / 1e3, c->p10 / 1e3, c->p90 / 1e3, rbuf, c->batch);
            if (floor_ns > 0) {
                fprintf(csv, "%s,%s,%s,%.0f,%.3f\n", c->chain, c->metric, c->impl, c->med, ratio);
            } else {
                fprintf(csv, "%s,%s,%s,%.0f,\n", c->chain, c->metric, c->impl, c->med);
            }
        }
    }
    fclose(csv);
    printf("\nwrote %s\n", csv_path);

    if (dat_path != NULL) {
        FILE *dat = fopen(dat_path, "w");
        if (dat == NULL) {
            fprintf(stderr, "bench: cannot write %s\n", dat_path);
            return 2;
        }
        fprintf(dat, "# impl, then median p10 p90 (microseconds) for rsa ecdsa mixed\n");
        const char *rows[][2] = {
            {"xcv", "FULL"},         {"xcv-warm", "FULL-WARM"}, {"xcv-openssl", "FULL"},
            {"xcv-openssl-warm", "FULL-WARM"},                  {"openssl", "FULL"},
            {"mbedtls", "FULL"},     {"gnutls", "FULL"},        {"wolfssl", "FULL"},
            {"bearssl", "FULL"},     {"bearssl", "FLOOR"},      {"openssl", "FLOOR"},
        };
        for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
            fprintf(dat, "\"%s%s\"", rows[r][0], strcmp(rows[r][1], "FLOOR") == 0 ? "-floor" : "");
            for (int ci = 0; ci < 3; ci++) {
                struct cell *found = NULL;
                for (size_t j = 0; j < n_timed; j++) {
                    if (strcmp(cells[j].impl, rows[r][0]) == 0 &&
                        strcmp(cells[j].metric, rows[r][1]) == 0 &&
                        strcmp(cells[j].chain, chain_names[ci]) == 0 && cells[j].na[0] == 0) {
                        found = &cells[j];
                    }
                }
                if (found != NULL) {
                    fprintf(dat, " %.3f %.3f %.3f", found->med / 1e3, found->p10 / 1e3,
                            found->p90 / 1e3);
                } else {
                    fprintf(dat, " NaN NaN NaN");
                }
            }
            fprintf(dat, "\n");
        }
        fclose(dat);
    }
    return 0;
}
