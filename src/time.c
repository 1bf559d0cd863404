/*
 * time.c -- civil UTC date-time <-> xcv_time (seconds since 1970, proleptic
 * Gregorian calendar, no leap seconds), and a fixed-width text format.
 *
 * Standards
 *   RFC 5280 4.1.2.5 (Validity: seconds 00-59, no leap seconds in
 *   certificates); ISO 8601 extended format for output.
 *
 * Implementation notes
 *   - Years 0000..9999 only: that is what GeneralizedTime can carry, and it
 *     keeps every intermediate value far inside int64_t.
 *   - Gregorian leap years: divisible by 4, except centuries not divisible
 *     by 400 (1900 is not a leap year, 2000 is).
 *   - Days are counted from 0000-01-01; 1970-01-01 is day 719528.
 *   - xcv_time_format writes digits by hand (no stdio) and clamps times
 *     outside 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z to those ends.
 */
#include "internal.h"

/* Days from 0000-01-01 to 1970-01-01. */
#define XCV_EPOCH_DAYS 719528

/* Earliest and latest representable times (0000-01-01T00:00:00Z and
 * 9999-12-31T23:59:59Z). */
#define XCV_TIME_MIN ((xcv_time)-XCV_EPOCH_DAYS * 86400)
#define XCV_TIME_MAX ((xcv_time)253402300799)

static int is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int64_t y, int m)
{
    static const uint8_t dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y)) {
        return 29;
    }
    return dim[m - 1];
}

/* Days from 0000-01-01 to y-01-01, for y >= 0 (year 0 is a leap year). */
static int64_t days_before_year(int64_t y)
{
    return 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
}

/* Days from y-01-01 to y-m-01. */
static int64_t days_before_month(int64_t y, int m)
{
    static const uint16_t cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int64_t d = cum[m - 1];
    if (m > 2 && is_leap(y)) {
        d++;
    }
    return d;
}

/* see xcv.h */
xcv_err xcv_time_from_civil(int year, int month, int day, int hour, int minute, int second,
                            xcv_time *out_t)
{
    XCV_ENSURE(year >= 0 && year <= 9999, XCV_ERR_DER_BAD_TIME);
    XCV_ENSURE(month >= 1 && month <= 12, XCV_ERR_DER_BAD_TIME);
    XCV_ENSURE(day >= 1 && day <= days_in_month(year, month), XCV_ERR_DER_BAD_TIME);
    XCV_ENSURE(hour >= 0 && hour <= 23, XCV_ERR_DER_BAD_TIME);
    XCV_ENSURE(minute >= 0 && minute <= 59, XCV_ERR_DER_BAD_TIME);
    /* RFC 5280 4.1.2.5: seconds 00-59; xcv_time has no leap seconds. */
    XCV_ENSURE(second >= 0 && second <= 59, XCV_ERR_DER_BAD_TIME);
    int64_t days = days_before_year(year) + days_before_month(year, month) + (day - 1) -
                   XCV_EPOCH_DAYS;
    xcv_time t = days * 86400 + (int64_t)hour * 3600 + (int64_t)minute * 60 + second;
    if (out_t != NULL) {
        *out_t = t;
    }
    return XCV_OK;
}

static void put2(char *p, int64_t v)
{
    p[0] = (char)('0' + (v / 10) % 10);
    p[1] = (char)('0' + v % 10);
}

/* see xcv.h */
void xcv_time_format(xcv_time t, char out[21])
{
    if (out == NULL) {
        return;
    }
    if (t < XCV_TIME_MIN) {
        t = XCV_TIME_MIN;
    }
    if (t > XCV_TIME_MAX) {
        t = XCV_TIME_MAX;
    }
    /* Now t - XCV_TIME_MIN is in 0 .. 10000 years of seconds. */
    int64_t s = t - XCV_TIME_MIN;
    int64_t days = s / 86400;
    int64_t sod = s % 86400;

    /* 146097 days per 400-year cycle; then at most 400 single years. */
    int64_t year = (days / 146097) * 400;
    days %= 146097;
    for (;;) {
        int64_t ylen = is_leap(year) ? 366 : 365;
        if (days < ylen) {
            break;
        }
        days -= ylen;
        year++;
    }
    int month = 1;
    while (days >= days_in_month(year, month)) {
        days -= days_in_month(year, month);
        month++;
    }

    put2(out, year / 100);
    put2(out + 2, year % 100);
    out[4] = '-';
    put2(out + 5, month);
    out[7] = '-';
    put2(out + 8, days + 1);
    out[10] = 'T';
    put2(out + 11, sod / 3600);
    out[13] = ':';
    put2(out + 14, (sod / 60) % 60);
    out[16] = ':';
    put2(out + 17, sod % 60);
    out[19] = 'Z';
    out[20] = '\0';
}
