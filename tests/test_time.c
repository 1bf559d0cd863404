/*
 * test_time.c -- xcv_time_from_civil (validation, known epoch values) and
 * xcv_time_format (fixed-width ISO 8601, clamping), with round trips.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "xcv.h"

struct civil_row {
    const char *name;
    int y, mo, d, h, mi, s;
    xcv_err err;
    int64_t t;
    const char *text; /* xcv_time_format of t */
};

static const struct civil_row civil_rows[] = {
    {"epoch", 1970, 1, 1, 0, 0, 0, XCV_OK, 0, "1970-01-01T00:00:00Z"},
    {"one second before epoch", 1969, 12, 31, 23, 59, 59, XCV_OK, -1, "1969-12-31T23:59:59Z"},
    {"y2k", 2000, 1, 1, 0, 0, 0, XCV_OK, 946684800, "2000-01-01T00:00:00Z"},
    {"2000 Feb 29", 2000, 2, 29, 0, 0, 0, XCV_OK, 951782400, "2000-02-29T00:00:00Z"},
    {"2024 Feb 29 noon", 2024, 2, 29, 12, 0, 0, XCV_OK, 1709208000, "2024-02-29T12:00:00Z"},
    {"2038 rollover", 2038, 1, 19, 3, 14, 8, XCV_OK, 2147483648, "2038-01-19T03:14:08Z"},
    {"2049 end", 2049, 12, 31, 23, 59, 59, XCV_OK, 2524607999, "2049-12-31T23:59:59Z"},
    {"1950 start", 1950, 1, 1, 0, 0, 0, XCV_OK, -631152000, "1950-01-01T00:00:00Z"},
    {"2100 Mar 1", 2100, 3, 1, 0, 0, 0, XCV_OK, 4107542400, "2100-03-01T00:00:00Z"},
    {"2400 Feb 29", 2400, 2, 29, 0, 0, 0, XCV_OK, 13574563200, "2400-02-29T00:00:00Z"},
    {"1600 Mar 1", 1600, 3, 1, 0, 0, 0, XCV_OK, -11670912000, "1600-03-01T00:00:00Z"},
    {"year 0", 0, 1, 1, 0, 0, 0, XCV_OK, -62167219200, "0000-01-01T00:00:00Z"},
    {"year 0 Feb 29 (leap)", 0, 2, 29, 0, 0, 0, XCV_OK, -62162121600, "0000-02-29T00:00:00Z"},
    {"year 1", 1, 1, 1, 0, 0, 0, XCV_OK, -62135596800, "0001-01-01T00:00:00Z"},
    {"year 9999 end", 9999, 12, 31, 23, 59, 59, XCV_OK, 253402300799, "9999-12-31T23:59:59Z"},
    {"1900 Feb 29", 1900, 2, 29, 0, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"2023 Feb 29", 2023, 2, 29, 0, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"2100 Feb 29", 2100, 2, 29, 0, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"June 31", 2023, 6, 31, 0, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"day 0", 2023, 1, 0, 0, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"month 0", 2023, 0, 1, 0, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"month 13", 2023, 13, 1, 0, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"hour 24", 2023, 1, 1, 24, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"minute 60", 2023, 1, 1, 0, 60, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"second 60", 2016, 12, 31, 23, 59, 60, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"negative second", 2023, 1, 1, 0, 0, -1, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"negative hour", 2023, 1, 1, -1, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"year -1", -1, 1, 1, 0, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
    {"year 10000", 10000, 1, 1, 0, 0, 0, XCV_ERR_DER_BAD_TIME, 0, NULL},
};

static void test_from_civil_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(civil_rows) / sizeof(civil_rows[0]); i++) {
        const struct civil_row *r = &civil_rows[i];
        xcv_time t = 777;
        xcv_err e = xcv_time_from_civil(r->y, r->mo, r->d, r->h, r->mi, r->s, &t);
        if (e != r->err) {
            print_error("row \"%s\": got %d want %d\n", r->name, (int)e, (int)r->err);
            fail();
        }
        if (e == XCV_OK) {
            if (t != r->t) {
                print_error("row \"%s\": got %lld want %lld\n", r->name, (long long)t,
                            (long long)r->t);
                fail();
            }
            char buf[21];
            memset(buf, 'x', sizeof(buf));
            xcv_time_format(t, buf);
            assert_string_equal(buf, r->text);
        }
    }
}

static void test_format_clamps(void **state)
{
    (void)state;
    char buf[21];
    xcv_time_format(INT64_MAX, buf);
    assert_string_equal(buf, "9999-12-31T23:59:59Z");
    xcv_time_format(XCV_TIME_NONE, buf);
    assert_string_equal(buf, "9999-12-31T23:59:59Z");
    xcv_time_format(253402300800, buf);
    assert_string_equal(buf, "9999-12-31T23:59:59Z");
    xcv_time_format(INT64_MIN, buf);
    assert_string_equal(buf, "0000-01-01T00:00:00Z");
    xcv_time_format(-62167219201, buf);
    assert_string_equal(buf, "0000-01-01T00:00:00Z");
    xcv_time_format(-62167219200, buf);
    assert_string_equal(buf, "0000-01-01T00:00:00Z");
    xcv_time_format(-62167219199, buf);
    assert_string_equal(buf, "0000-01-01T00:00:01Z");
}

/* Parses "YYYY-MM-DDTHH:MM:SSZ" back (test helper). */
static int num(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

static void test_round_trip_sweep(void **state)
{
    (void)state;
    /* Every day boundary of years around leap rules, plus odd seconds,
     * stepping through a wide range: format then parse back. */
    const int64_t step = 86400 * 37 + 3661; /* a bit over 37 days */
    for (int64_t t = -62167219200; t <= 253402300799 - step; t += step * 101) {
        char buf[21];
        xcv_time_format(t, buf);
        assert_int_equal(strlen(buf), 20);
        xcv_time back = 0;
        assert_int_equal(xcv_time_from_civil(num(buf, 4), num(buf + 5, 2), num(buf + 8, 2),
                                             num(buf + 11, 2), num(buf + 14, 2),
                                             num(buf + 17, 2), &back),
                         XCV_OK);
        assert_true(back == t);
    }
    /* Consecutive days across 1999..2001 and 2099..2101. */
    static const int years[] = {1999, 2000, 2001, 2099, 2100, 2101};
    for (size_t k = 0; k < sizeof(years) / sizeof(years[0]); k++) {
        xcv_time start = 0;
        assert_int_equal(xcv_time_from_civil(years[k], 1, 1, 0, 0, 0, &start), XCV_OK);
        int leap = (years[k] % 4 == 0 && years[k] % 100 != 0) || years[k] % 400 == 0;
        for (int d = 0; d < 365 + leap; d++) {
            char buf[21];
            xcv_time t = start + (int64_t)d * 86400 + 86399;
            xcv_time_format(t, buf);
            assert_int_equal(num(buf, 4), years[k]);
            xcv_time back = 0;
            assert_int_equal(xcv_time_from_civil(num(buf, 4), num(buf + 5, 2), num(buf + 8, 2),
                                                 num(buf + 11, 2), num(buf + 14, 2),
                                                 num(buf + 17, 2), &back),
                             XCV_OK);
            assert_true(back == t);
        }
        xcv_time next = 0;
        assert_int_equal(xcv_time_from_civil(years[k] + 1, 1, 1, 0, 0, 0, &next), XCV_OK);
        assert_true(next - start == (int64_t)(365 + leap) * 86400);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_from_civil_table),
        cmocka_unit_test(test_format_clamps),
        cmocka_unit_test(test_round_trip_sweep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
