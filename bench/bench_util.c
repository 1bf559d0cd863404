/*
 * bench_util.c -- minimal DER walking for the FLOOR rows: splits a
 * Certificate into its TBSCertificate TLV, signature algorithm OID and
 * signature value. Trusted input only (the committed benchmark chains).
 */
#include <string.h>

#include "bench.h"

/* Reads one TLV at *p (< end): tag, content start and length; advances *p past it. */
static int tlv(const uint8_t **p, const uint8_t *end, uint8_t *tag, const uint8_t **c,
               size_t *len)
{
    const uint8_t *q = *p;
    if (end - q < 2) {
        return 0;
    }
    *tag = *q++;
    size_t n = *q++;
    if (n & 0x80) {
        size_t k = n & 0x7f;
        if (k == 0 || k > 3 || (size_t)(end - q) < k) {
            return 0;
        }
        n = 0;
        while (k-- > 0) {
            n = (n << 8) | *q++;
        }
    }
    if ((size_t)(end - q) < n) {
        return 0;
    }
    *c = q;
    *len = n;
    *p = q + n;
    return 1;
}

int bench_cert_split(const uint8_t *der, size_t n, struct bench_cert_parts *out)
{
    const uint8_t *p = der, *end = der + n, *c, *tbs_start;
    uint8_t tag;
    size_t len;
    if (!tlv(&p, end, &tag, &c, &len) || tag != 0x30) {
        return 0;
    }
    p = c;
    end = c + len;
    tbs_start = p;
    if (!tlv(&p, end, &tag, &c, &len) || tag != 0x30) {
        return 0;
    }
    out->tbs.p = tbs_start;
    out->tbs.n = (size_t)(p - tbs_start);
    const uint8_t *alg, *a;
    size_t alg_len;
    if (!tlv(&p, end, &tag, &alg, &alg_len) || tag != 0x30) {
        return 0;
    }
    a = alg;
    if (!tlv(&a, alg + alg_len, &tag, &c, &len) || tag != 0x06) {
        return 0;
    }
    out->sig_oid.p = c;
    out->sig_oid.n = len;
    if (!tlv(&p, end, &tag, &c, &len) || tag != 0x03 || len < 2 || c[0] != 0) {
        return 0;
    }
    out->sig.p = c + 1;
    out->sig.n = len - 1;
    return 1;
}

int bench_sig_hash_bits(const struct bench_der *oid, int *is_ecdsa)
{
    static const uint8_t rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01};
    static const uint8_t ec[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03};
    if (oid->n == sizeof rsa + 1 && memcmp(oid->p, rsa, sizeof rsa) == 0) {
        *is_ecdsa = 0;
        return oid->p[8] == 0x0b ? 256 : oid->p[8] == 0x0c ? 384 : 0;
    }
    if (oid->n == sizeof ec + 1 && memcmp(oid->p, ec, sizeof ec) == 0) {
        *is_ecdsa = 1;
        return oid->p[7] == 0x02 ? 256 : oid->p[7] == 0x03 ? 384 : 0;
    }
    return 0;
}
