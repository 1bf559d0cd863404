/*
 * sigcache.c -- the optional verified-signature cache (struct xcv_sig_cache).
 *
 * A fixed table in caller memory, never grown: 4-way set associative (fewer
 * ways when the capacity is below 4), least-recently-used replacement by a
 * per-entry stamp from the cache's clock. Stamp 0 marks an empty entry.
 * Only successes are stored: an entry means "this key, algorithm,
 * parameters, TBS and signature verified". Policy (hash, key size) is not
 * part of the key, so xcv_sig_verify_cached() re-runs xcv_sig_precheck()
 * before it trusts an entry.
 *
 * Implementation notes
 *   - Keys are SHA-256 outputs, so their first octets index the set directly.
 *   - When the 32-bit clock wraps, all stamps are cleared (the cache
 *     empties once every 2^32 uses) so that LRU order stays exact.
 */
#include "sig.h"

#define SIGCACHE_WAYS 4u

/* see xcv.h */
void xcv_sig_cache_init(struct xcv_sig_cache *c, struct xcv_sig_cache_entry *entries, size_t cap)
{
    if (c == NULL) {
        return;
    }
    if (entries == NULL) {
        cap = 0;
    }
    c->entries = entries;
    c->cap = cap;
    c->clock = 0;
    c->hits = 0;
    c->misses = 0;
    for (size_t i = 0; i < cap; i++) {
        memset(entries[i].key, 0, sizeof entries[i].key);
        entries[i].stamp = 0;
    }
}

static void sigcache_put_u64(struct xcv_sha256_ctx *h, uint64_t v)
{
    uint8_t b[8];
    for (unsigned i = 0; i < 8; i++) {
        b[i] = (uint8_t)(v >> (56 - 8 * i));
    }
    xcv_sha256_update(h, b, sizeof b);
}

static void sigcache_put_slice(struct xcv_sha256_ctx *h, xcv_slice s)
{
    sigcache_put_u64(h, (uint64_t)s.n);
    xcv_sha256_update(h, s.p, s.n);
}

/* see sig.h */
void xcv_sig_cache_key(const struct xcv_pubkey *key, xcv_sig_alg alg, xcv_slice params,
                       xcv_slice tbs, xcv_slice signature, uint8_t out[32])
{
    static const uint8_t label[] = "xcv sig cache v1";
    uint8_t tbs_hash[32];
    xcv_sha256(tbs, tbs_hash);

    struct xcv_sha256_ctx h;
    xcv_sha256_init(&h);
    xcv_sha256_update(&h, label, sizeof label);
    sigcache_put_slice(&h, key->spki);
    sigcache_put_u64(&h, (uint64_t)alg);
    sigcache_put_slice(&h, params);
    sigcache_put_slice(&h, xcv_slice_make(tbs_hash, sizeof tbs_hash));
    sigcache_put_slice(&h, signature);
    xcv_sha256_final(&h, out);
}

/* see sig.h */
void xcv_sig_cache_key_cert(const struct xcv_pubkey *issuer_key, const uint8_t cert_sha256[32],
                            uint8_t out[32])
{
    /* Same length as xcv_sig_cache_key()'s label, different octets: the two
     * key forms can never describe the same hash input. */
    static const uint8_t label[] = "xcv sig cert v1!";
    _Static_assert(sizeof label == sizeof "xcv sig cache v1", "label lengths differ");

    struct xcv_sha256_ctx h;
    xcv_sha256_init(&h);
    xcv_sha256_update(&h, label, sizeof label);
    sigcache_put_slice(&h, issuer_key->spki);
    sigcache_put_slice(&h, xcv_slice_make(cert_sha256, 32));
    xcv_sha256_final(&h, out);
}

/* The set of key: *out_first and *out_ways. */
static void sigcache_set(const struct xcv_sig_cache *c, const uint8_t key[32], size_t *out_first,
                         size_t *out_ways)
{
    size_t ways = c->cap < SIGCACHE_WAYS ? c->cap : SIGCACHE_WAYS;
    size_t sets = c->cap / ways;
    uint64_t v = 0;
    for (unsigned i = 0; i < 8; i++) {
        v = (v << 8) | key[i];
    }
    *out_first = (size_t)(v % sets) * ways;
    *out_ways = ways;
}

static uint32_t sigcache_tick(struct xcv_sig_cache *c)
{
    c->clock++;
    if (c->clock == 0) {
        for (size_t i = 0; i < c->cap; i++) {
            c->entries[i].stamp = 0;
        }
        c->clock = 1;
    }
    return c->clock;
}

/* see sig.h */
int xcv_sig_cache_lookup(struct xcv_sig_cache *c, const uint8_t key[32])
{
    if (c == NULL || c->cap == 0 || c->entries == NULL) {
        return 0;
    }
    size_t first;
    size_t ways;
    sigcache_set(c, key, &first, &ways);
    for (size_t i = first; i < first + ways; i++) {
        struct xcv_sig_cache_entry *e = &c->entries[i];
        if (e->stamp != 0 && memcmp(e->key, key, 32) == 0) {
            uint32_t now = sigcache_tick(c);
            /* The tick may have cleared every stamp (wrap): re-arm this one. */
            e->stamp = now;
            c->hits++;
            return 1;
        }
    }
    c->misses++;
    return 0;
}

/* see sig.h */
void xcv_sig_cache_insert(struct xcv_sig_cache *c, const uint8_t key[32])
{
    if (c == NULL || c->cap == 0 || c->entries == NULL) {
        return;
    }
    size_t first;
    size_t ways;
    sigcache_set(c, key, &first, &ways);
    uint32_t now = sigcache_tick(c);
    size_t victim = first;
    for (size_t i = first; i < first + ways; i++) {
        struct xcv_sig_cache_entry *e = &c->entries[i];
        if (e->stamp != 0 && memcmp(e->key, key, 32) == 0) {
            e->stamp = now; /* already present */
            return;
        }
        /* Empty entries have stamp 0, so they are chosen first. */
        if (e->stamp < c->entries[victim].stamp) {
            victim = i;
        }
    }
    memcpy(c->entries[victim].key, key, 32);
    c->entries[victim].stamp = now;
}

/* see sig.h */
xcv_err xcv_sig_verify_cached(struct xcv_sig_cache *cache, const struct xcv_pubkey *key,
                              xcv_sig_alg alg, xcv_slice params, xcv_slice data,
                              xcv_slice signature, uint32_t flags, unsigned min_rsa_bits,
                              int *out_hit)
{
    if (out_hit != NULL) {
        *out_hit = 0;
    }
    if (cache == NULL || cache->cap == 0 || cache->entries == NULL) {
        return xcv_sig_verify(key, alg, params, data, signature, flags, min_rsa_bits);
    }
    XCV_ENSURE(data.p != NULL || data.n == 0, XCV_ERR_INVALID_ARGUMENT);
    XCV_ENSURE(signature.p != NULL || signature.n == 0, XCV_ERR_INVALID_ARGUMENT);
    XCV_TRY(xcv_sig_precheck(key, alg, params, flags, min_rsa_bits));
    uint8_t ck[32];
    xcv_sig_cache_key(key, alg, params, data, signature, ck);
    if (xcv_sig_cache_lookup(cache, ck)) {
        if (out_hit != NULL) {
            *out_hit = 1;
        }
        return XCV_OK;
    }
    XCV_TRY(xcv_sig_verify(key, alg, params, data, signature, flags, min_rsa_bits));
    xcv_sig_cache_insert(cache, ck);
    return XCV_OK;
}

/* see sig.h */
xcv_err xcv_sig_verify_cert_cached(struct xcv_sig_cache *cache, const struct xcv_pubkey *issuer_key,
                                   const struct xcv_cert *child, const uint8_t child_cert_sha256[32],
                                   uint32_t flags, unsigned min_rsa_bits, int *out_hit)
{
    if (out_hit != NULL) {
        *out_hit = 0;
    }
    XCV_ENSURE(issuer_key != NULL && child != NULL, XCV_ERR_INVALID_ARGUMENT);
    if (cache == NULL || cache->cap == 0 || cache->entries == NULL || child_cert_sha256 == NULL) {
        return xcv_sig_verify(issuer_key, child->sig_alg, child->sig_params, child->tbs,
                              child->signature, flags, min_rsa_bits);
    }
    /* Policy is not part of the key: re-checked on every call. */
    XCV_TRY(xcv_sig_precheck(issuer_key, child->sig_alg, child->sig_params, flags, min_rsa_bits));
    uint8_t ck[32];
    xcv_sig_cache_key_cert(issuer_key, child_cert_sha256, ck);
    if (xcv_sig_cache_lookup(cache, ck)) {
        if (out_hit != NULL) {
            *out_hit = 1;
        }
        return XCV_OK;
    }
    XCV_TRY(xcv_sig_verify(issuer_key, child->sig_alg, child->sig_params, child->tbs,
                           child->signature, flags, min_rsa_bits));
    xcv_sig_cache_insert(cache, ck);
    return XCV_OK;
}

/* see sig.h */
xcv_err xcv_sig_check_key_cached(struct xcv_sig_cache *cache, const struct xcv_pubkey *key,
                                 const uint8_t spki_sha256[32], unsigned min_rsa_bits)
{
    XCV_ENSURE(key != NULL, XCV_ERR_INVALID_ARGUMENT);
    if (key->type != XCV_KEY_EC || cache == NULL || cache->cap == 0 || cache->entries == NULL ||
        spki_sha256 == NULL) {
        return xcv_sig_check_key(key, min_rsa_bits);
    }
    /* Only the EC point validation is memoized: it does not depend on any
     * parameter, and it is the one costly key check (one scalar
     * multiplication). The entry is a distinct domain of the cache. */
    static const uint8_t label[] = "xcv key check v1";
    uint8_t ck[32];
    xcv_slice parts[2] = {{label, sizeof label}, {spki_sha256, 32}};
    xcv_crypto_hash(XCV_CRYPTO_SHA256, parts, 2, ck);
    if (xcv_sig_cache_lookup(cache, ck)) {
        return XCV_OK;
    }
    XCV_TRY(xcv_sig_check_key(key, min_rsa_bits));
    xcv_sig_cache_insert(cache, ck);
    return XCV_OK;
}
