/*
 * psl.c -- a compact, documented public-suffix check.
 *
 * Purpose
 *   Wildcard dNSName patterns must never cover a whole public suffix
 *   (RFC 6125 section 7.2 and the CA/Browser Forum Baseline Requirements
 *   3.2.2.6: "*.com", "*.co.uk" are not acceptable). xcv_dns_match() asks
 *   this module whether the part of a pattern after "*." is a public suffix.
 *
 * Implementation notes
 *   The full Public Suffix List has thousands of entries and changes often;
 *   the core carries no data files. This is a deliberately minimal list:
 *   - every single label is treated as a public suffix (this covers all
 *     ICANN TLDs, generic and country-code, without listing them);
 *   - a fixed table of common ICANN second-level suffixes (below), compared
 *     ASCII case-insensitively.
 *   Names not in the table (e.g. a rarer ccTLD's second level) are treated as
 *   registrable; the consequence is only that a wildcard one level under
 *   them is accepted, as every CA is already forbidden to issue it.
 *   The table deliberately holds no PRIVATE-section entries: their owners
 *   legitimately hold such wildcards (Amazon S3 serves "*.s3.amazonaws.com",
 *   GitHub Pages "*.github.io"), and Chromium's wildcard check likewise uses
 *   ICANN registries only. Adding the common private suffixes
 *   (s3.amazonaws.com, github.io, herokuapp.com, appspot.com, cloudfront.net,
 *   azurewebsites.net, ...) would make xcv reject the owners' own
 *   certificates for those platforms. x509-limbo
 *   webpki::san::public-suffix-private-namespace-wildcard-san still fails in
 *   xcv, on its leaf's CN (see ident.h xcv_ident_cn_claims), not here.
 */
#include "psl.h"

/* Common ICANN second-level public suffixes, grouped by TLD. */
/* clang-format off */
static const char *const xcv_psl_second_level[] = {
    /* .uk */
    "ac.uk", "co.uk", "gov.uk", "ltd.uk", "me.uk", "net.uk", "nhs.uk", "org.uk", "plc.uk",
    "police.uk", "sch.uk",
    /* .au */
    "asn.au", "com.au", "edu.au", "gov.au", "id.au", "net.au", "org.au",
    /* .jp */
    "ac.jp", "ad.jp", "co.jp", "ed.jp", "go.jp", "gr.jp", "lg.jp", "ne.jp", "or.jp",
    /* .br */
    "com.br", "edu.br", "gov.br", "net.br", "org.br",
    /* .cn */
    "ac.cn", "com.cn", "edu.cn", "gov.cn", "net.cn", "org.cn",
    /* .in */
    "ac.in", "co.in", "edu.in", "firm.in", "gen.in", "gov.in", "ind.in", "net.in", "org.in",
    /* .nz */
    "ac.nz", "co.nz", "govt.nz", "net.nz", "org.nz",
    /* .za */
    "ac.za", "co.za", "gov.za", "net.za", "org.za",
    /* .mx */
    "com.mx", "edu.mx", "gob.mx", "net.mx", "org.mx",
    /* .tr */
    "com.tr", "edu.tr", "gov.tr", "net.tr", "org.tr",
    /* .tw */
    "com.tw", "edu.tw", "gov.tw", "idv.tw", "net.tw", "org.tw",
    /* .kr */
    "ac.kr", "co.kr", "go.kr", "ne.kr", "or.kr", "re.kr",
    /* .hk, .sg, .my, .id, .th, .ph, .vn, .pk */
    "com.hk", "edu.hk", "gov.hk", "net.hk", "org.hk",
    "com.sg", "edu.sg", "gov.sg", "net.sg", "org.sg",
    "com.my", "edu.my", "gov.my", "net.my", "org.my",
    "ac.id", "co.id", "go.id", "or.id",
    "ac.th", "co.th", "go.th", "in.th", "or.th",
    "com.ph", "gov.ph", "net.ph", "org.ph",
    "com.vn", "edu.vn", "gov.vn", "net.vn",
    "com.pk", "edu.pk", "gov.pk", "net.pk", "org.pk",
    /* .il, .sa, .eg, .ua */
    "ac.il", "co.il", "gov.il", "org.il",
    "com.sa", "edu.sa", "gov.sa",
    "com.eg", "edu.eg", "gov.eg",
    "com.ua", "gov.ua", "net.ua", "org.ua",
    /* Latin America */
    "com.ar", "gob.ar", "net.ar", "org.ar",
    "com.co", "gov.co", "net.co", "org.co",
    "com.pe", "gob.pe", "org.pe",
    "com.ve", "gob.ve",
    /* Europe */
    "ac.at", "co.at", "gv.at", "or.at",
    "com.es", "edu.es", "gob.es", "nom.es", "org.es",
    "com.pl", "net.pl", "org.pl",
    "com.pt", "gov.pt", "org.pt",
    "com.gr", "gov.gr",
    "com.cy", "gov.cy",
};
/* clang-format on */

int xcv_psl_is_public_suffix(const uint8_t *name, size_t n)
{
    if (n == 0) {
        return 1;
    }
    /* "every single label": a name without a dot is a TLD (or would be one). */
    if (memchr(name, '.', n) == NULL) {
        return 1;
    }
    for (size_t i = 0; i < sizeof(xcv_psl_second_level) / sizeof(xcv_psl_second_level[0]); i++) {
        const char *s = xcv_psl_second_level[i];
        size_t sn = strlen(s);
        if (sn == n && xcv_ascii_eq_nocase(name, (const uint8_t *)s, n)) {
            return 1;
        }
    }
    return 0;
}
