/* near.c: one pass finding every @near literal of a model (see near.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doctag_limits.h"
#include "error.h"
#include "near.h"
#include "pairskip.h"
#include "vec.h"

typedef struct literal {
    const char *s;
    size_t len;
    uint64_t head, head_mask;   /* the first 8 bytes (fewer: masked), as loaded */
    size_t anchor;      /* offset of the byte pair the pass looks for */
    unsigned pair;      /* s[anchor] << 8 | s[anchor + 1] */
    unsigned sort_key;  /* 0 for one-byte literals, else 1 + pair */
    uint32_t pattern;
} literal;

/* One-byte literals first, by their byte, then the others by pair. */
static int by_pair(const void *a, const void *b)
{
    const literal *x = a, *y = b;
    if (x->sort_key != y->sort_key)
        return x->sort_key < y->sort_key ? -1 : 1;
    return x->pair < y->pair ? -1 : x->pair > y->pair;
}

/* Adds an occurrence, keeping the list ascending: literals of one pattern
 * keyed at different offsets may report a start a little out of order. */
static int add_hit(near_hits *h, size_t pos)
{
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 64;
        size_t *p = realloc(h->pos, cap * sizeof *p);
        if (!p)
            return 0;
        h->pos = p;
        h->cap = cap;
    }
    size_t k = h->n;
    while (k > 0 && h->pos[k - 1] > pos) {
        h->pos[k] = h->pos[k - 1];
        k--;
    }
    if (k > 0 && h->pos[k - 1] == pos) {   /* already there: undo the shift */
        memmove(h->pos + k, h->pos + k + 1, (h->n - k) * sizeof *h->pos);
        return 1;
    }
    h->pos[k] = pos;
    h->n++;
    return 1;
}


/* 1 if the literal s may be in a match of a pattern that matches only
 * bytes of `alpha` (alphabet_bytes(); NULL: any byte): a literal holding
 * another byte is in none, and its occurrences need no window. */
static int literal_may_match(const char *s, const unsigned char *alpha)
{
    for (; alpha && *s; s++)
        if (!alpha[(unsigned char)*s])
            return 0;
    return 1;
}

static size_t count_literals(const compiled_model *m, const char *const *extra,
                             const unsigned char *const *alpha)
{
    size_t n = 0;
    for (size_t k = 0; k < m->n_patterns; k++)
        for (const char *s = m->patterns[k].near; s && *s; s += strlen(s) + 1)
            n += (size_t)literal_may_match(s, alpha[k]);
    for (size_t k = 0; extra && extra[k]; k++)
        n++;
    return n;
}

/* The bitmaps of the pass: pairs (every literal's anchor pair), triples (a
 * hash of the pair and the byte after it) and open (pairs with no byte
 * after them in some literal). A position goes on to the literal check only
 * when its pair is in `pairs` and it is in `open` or its triple in `triples`:
 * most chance pairs ("po" of "pounds" in "report") stop there. */
typedef struct filter {
    unsigned char pairs[65536 / 8], triples[65536 / 8], open[65536 / 8];
    /* names: bit (b << 8 | c) when a name may start at a byte c after a
     * byte b (names.c) */
    unsigned char names[65536 / 8];
} filter;

static void set_bit(unsigned char *bits, unsigned b)
{
    bits[(b & 0xffff) >> 3] |= (unsigned char)(1u << (b & 7));
}

static int has_bit(const unsigned char *bits, unsigned b)
{
    return bits[(b & 0xffff) >> 3] & (1u << (b & 7));
}

static unsigned triple(unsigned pair, unsigned char next)
{
    return (pair * 31u + next) & 0xffff;
}

/* 8 bytes of text at p, as one word (any alignment). */
static uint64_t load8(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

/* The pair at a of s, as the pass keys it. */
static unsigned pair_at(const char *s, size_t a)
{
    return (unsigned)(unsigned char)s[a] << 8 | (unsigned char)s[a + 1];
}

/* How common the pair at a of s is in running text, roughly. */
static long pair_weight(const char *s, size_t a)
{
    return (long)pair_skip_byte_frequency((unsigned char)s[a]) *
           pair_skip_byte_frequency((unsigned char)s[a + 1]);
}

/* The offset of the pair to key a literal of len >= 2 bytes on, so that
 * the pass stops rarely: the rarest in running text, and of pairs as rare,
 * the one most literals are keyed on so far (keyed[pair]): fewer pairs
 * to stop at (measured: fewer instructions than spreading the literals). */
static size_t choose_anchor(const char *s, size_t len, const uint8_t *keyed)
{
    size_t last = len >= 3 ? len - 3 : 0, best = 0;
    for (size_t a = 1; a <= last; a++) {
        long r = pair_weight(s, a), rb = pair_weight(s, best);
        if (r < rb || (r == rb && keyed[pair_at(s, a)] > keyed[pair_at(s, best)]))
            best = a;
    }
    return best;
}

static void set_literal(literal *l, filter *f, const char *s, uint32_t pattern, uint8_t *keyed)
{
    l->s = s;
    l->len = strlen(s);
    unsigned char head[8] = { 0 }, mask[8] = { 0 };
    for (size_t k = 0; k < 8 && k < l->len; k++) {
        head[k] = (unsigned char)s[k];
        mask[k] = 0xff;
    }
    l->head = load8(head);
    l->head_mask = load8(mask);
    l->pattern = pattern;
    /* the rarest pair, with a byte after it where the literal has one */
    l->anchor = l->len >= 2 ? choose_anchor(s, l->len, keyed) : 0;
    if (l->len >= 2 && keyed[pair_at(s, l->anchor)] < UINT8_MAX)
        keyed[pair_at(s, l->anchor)]++;
    l->pair = (unsigned)(unsigned char)s[l->anchor] << 8 |
              (l->len > 1 ? (unsigned char)s[l->anchor + 1] : 0);
    l->sort_key = l->len == 1 ? 0 : 1 + l->pair;   /* one-byte literals sort first */
    if (l->len == 1) {   /* keyed on the byte and any follower */
        for (unsigned b = 0; b < 256; b++) {
            set_bit(f->pairs, l->pair | b);
            set_bit(f->open, l->pair | b);
        }
    } else {
        set_bit(f->pairs, l->pair);
        if (l->anchor + 2 < l->len)
            set_bit(f->triples, triple(l->pair, (unsigned char)s[l->anchor + 2]));
        else
            set_bit(f->open, l->pair);
    }
}

/* The literals keyed on one pair: multi[lo, hi), found by hashing the pair
 * into `slots` (open addressing, at most half full; hi == 0: empty). */
typedef struct pair_slot {
    uint32_t pair;
    uint32_t lo, hi;
} pair_slot;

struct near_index {
    literal *lits;          /* one-byte literals first, then by pair */
    size_t n_single, n_multi;
    size_t reach;           /* of the multi-byte literals: max anchor + max length + 8 */
    /* the one-byte literals of byte c: lits[single_at[c], single_at[c + 1]) */
    uint32_t single_at[257];
    pair_slot *slots;
    size_t slot_mask;
    unsigned slot_shift;    /* 32 - log2(slots) */
    size_t n_lists;         /* hits lists: the model's patterns + the extras */
    filter f;
    pair_skip skip;         /* the table and filters of f.pairs (map 0), f.names (map 1) */
};

static size_t slot_of(const near_index *ix, unsigned pair)
{
    return (size_t)((uint32_t)(pair * 0x9E3779B1u) >> ix->slot_shift);
}

/* Files each run of multi-byte literals sharing a pair under that pair.
 * Returns 0 when out of memory. */
static int index_pairs(near_index *ix)
{
    const literal *multi = ix->lits + ix->n_single;
    size_t n = 16;
    ix->slot_shift = 28;
    while (n < 2 * ix->n_multi) {
        n *= 2;
        ix->slot_shift--;
    }
    if (!(ix->slots = calloc(n, sizeof *ix->slots)))
        return 0;
    ix->slot_mask = n - 1;
    for (size_t lo = 0, hi; lo < ix->n_multi; lo = hi) {
        for (hi = lo + 1; hi < ix->n_multi && multi[hi].pair == multi[lo].pair; hi++)
            ;
        size_t k = slot_of(ix, multi[lo].pair);
        while (ix->slots[k].hi)
            k = (k + 1) & ix->slot_mask;
        ix->slots[k] = (pair_slot){ multi[lo].pair, (uint32_t)lo, (uint32_t)hi };
    }
    return 1;
}

/* The literals keyed on `pair`: [*lo, return value) of the multi-byte ones. */
static size_t pair_literals(const near_index *ix, unsigned pair, size_t *lo)
{
    for (size_t k = slot_of(ix, pair);; k = (k + 1) & ix->slot_mask) {
        const pair_slot *s = &ix->slots[k];
        if (!s->hi || s->pair == pair) {
            *lo = s->lo;
            return s->hi;
        }
    }
}

/* Sets the literals of m's patterns (those their pattern may match) and
 * the extras, in order, into lits. Returns 0 when out of memory. */
static int set_literals(literal *lits, filter *f, const compiled_model *m,
                        const char *const *extra, const unsigned char *const *alpha)
{
    uint8_t *keyed = calloc(65536, 1);   /* literals keyed on each pair so far */
    if (!keyed)
        return 0;
    size_t j = 0;
    for (size_t k = 0; k < m->n_patterns; k++)
        for (const char *s = m->patterns[k].near; s && *s; s += strlen(s) + 1)
            if (literal_may_match(s, alpha[k]))
                set_literal(&lits[j++], f, s, (uint32_t)k, keyed);
    for (size_t k = 0; extra && extra[k]; k++)
        set_literal(&lits[j++], f, extra[k], (uint32_t)m->n_patterns, keyed);
    free(keyed);
    return 1;
}

int near_index_build(near_index **out, const compiled_model *m, const char *const *extra,
                     const unsigned char *name_starts, const unsigned char *const *alpha)
{
    *out = NULL;
    size_t n_lit = count_literals(m, extra, alpha);
    near_index *ix = calloc(1, sizeof *ix);
    literal *lits = malloc((n_lit ? n_lit : 1) * sizeof *lits);
    if (!ix || !lits) {
        free(ix);
        free(lits);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory preparing the model");
    }
    if (!set_literals(lits, &ix->f, m, extra, alpha)) {
        free(ix);
        free(lits);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory preparing the model");
    }
    qsort(lits, n_lit, sizeof *lits, by_pair);
    while (ix->n_single < n_lit && lits[ix->n_single].len == 1)
        ix->n_single++;
    for (unsigned c = 0, k = 0; c < 257; c++) {
        while (k < ix->n_single && (lits[k].pair >> 8) < c)
            k++;
        ix->single_at[c] = (uint32_t)k;
    }
    ix->n_multi = n_lit - ix->n_single;
    for (size_t k = ix->n_single; k < n_lit; k++)   /* a bound on any anchor and length */
        ix->reach = lits[k].anchor + lits[k].len + 8 > ix->reach ? lits[k].anchor + lits[k].len + 8
                                                                 : ix->reach;
    ix->lits = lits;
    ix->n_lists = m->n_patterns + 1;
    if (!index_pairs(ix)) {
        near_index_free(ix);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory preparing the model");
    }
    if (name_starts)
        memcpy(ix->f.names, name_starts, sizeof ix->f.names);
    const unsigned char *const maps[PAIRSKIP_SETS] = { ix->f.pairs, ix->f.names };
    pair_skip_build(&ix->skip, maps);
    *out = ix;
    return DOCTAG_OK;
}

void near_index_free(near_index *ix)
{
    if (ix) {
        free(ix->lits);
        free(ix->slots);
        free(ix);
    }
}

/* 1 if the pair at position i, keyed (1: in f->pairs), may start some
 * literal: it ends one, or the byte after it is a third byte some literal
 * has. Without a branch: the pass calls it at most candidates. */
static int keyed_may_start(const filter *f, const unsigned char *t, size_t len, size_t i,
                           unsigned pair, unsigned keyed)
{
    size_t k = i + 2 < len ? i + 2 : len - 1;   /* a byte there, read in bounds */
    int open = has_bit(f->open, pair) != 0;
    int third = i + 2 < len, known = has_bit(f->triples, triple(pair, t[k])) != 0;
    return (int)keyed & (open | (third & known));   /* ints: no branch (clang warns on bools) */
}

/* The same for any pair. */
static int literal_may_start(const filter *f, const unsigned char *t, size_t len, size_t i,
                             unsigned pair)
{
    return keyed_may_start(f, t, len, i, pair, has_bit(f->pairs, pair) != 0);
}

/* The literals keyed on the pair at position i (t[i], t[i + 1], or t[i],
 * 0 at the last byte), which passed literal_may_start(): their
 * occurrences go into their patterns' lists. Returns 0 when out of
 * memory. */
static int near_literals(near_hits *hits, const near_index *ix, const unsigned char *t,
                         size_t len, size_t i, unsigned pair)
{
    const literal *multi = ix->lits + ix->n_single;
    int ok = 1;
    for (size_t k = ix->single_at[t[i]]; ok && k < ix->single_at[t[i] + 1]; k++)
        ok = add_hit(&hits[ix->lits[k].pattern], i);
    size_t lo, hi = pair_literals(ix, pair, &lo);
    int inside = i >= ix->reach && len - i >= ix->reach;   /* every literal in bounds */
    for (size_t k = lo; ok && k < hi; k++) {
        const literal *l = &multi[k];
        if (!inside && (i < l->anchor || i - l->anchor + l->len > len))
            continue;
        size_t start = i - l->anchor;
        if (inside || start + 8 <= len
                ? ((load8(t + start) ^ l->head) & l->head_mask) == 0 &&
                      (l->len <= 8 || memcmp(t + start + 8, l->s + 8, l->len - 8) == 0)
                : memcmp(t + start, l->s, l->len) == 0)
            ok = add_hit(&hits[l->pattern], start);
    }
    return ok;
}

/* Keeps, of one chunk's places whose pair keys some literal (found[0, n)),
 * those where a literal may start, in found[0, returned count), without
 * a branch on what they are. */
static size_t literal_places(const filter *f, const unsigned char *t, size_t len, size_t *found,
                             size_t n)
{
    size_t n_lits = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = found[k];
        found[n_lits] = i;
        n_lits += (size_t)keyed_may_start(f, t, len, i, (unsigned)t[i] << 8 | t[i + 1], 1);
    }
    return n_lits;
}

int near_find(near_hits *hits, near_hits *name_starts, const near_index *ix, const char *text,
              size_t len)
{
    const filter *f = &ix->f;
    const unsigned char *t = (const unsigned char *)text;
    size_t found[LIMIT_NEAR_CHUNK];   /* the candidates of one chunk of the text */
    int ok = 1;
    if (len && has_bit(f->names, t[0]) &&   /* a name at the very start */
        (ok = vec_reserve((void **)&name_starts->pos, &name_starts->cap, 1, sizeof(size_t))))
        name_starts->pos[name_starts->n++] = 0;
    for (size_t at = 0; ok && at + 1 < len; at += LIMIT_NEAR_CHUNK) {
        size_t end = at + LIMIT_NEAR_CHUNK < len - 1 ? at + LIMIT_NEAR_CHUNK : len - 1;
        size_t n = 0, n_names = 0;
        if (!vec_reserve((void **)&name_starts->pos, &name_starts->cap,
                         name_starts->n + (end - at), sizeof(size_t)))
            ok = 0;
        if (ok)
            n = pair_skip_collect(&ix->skip, t, at, end, found,
                                  name_starts->pos + name_starts->n, &n_names);
        name_starts->n += n_names;
        n = literal_places(f, t, len, found, n);
        for (size_t k = 0; ok && k < n; k++) {
            size_t i = found[k];
            ok = near_literals(hits, ix, t, len, i, (unsigned)t[i] << 8 | t[i + 1]);
        }
    }
    unsigned last = len ? (unsigned)t[len - 1] << 8 : 0;   /* the last byte, 0 after it */
    if (ok && len && literal_may_start(f, t, len, len - 1, last))
        ok = near_literals(hits, ix, t, len, len - 1, last);
    if (!ok)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    return DOCTAG_OK;
}

void near_hits_free(near_hits *hits, size_t n)
{
    for (size_t k = 0; hits && k < n; k++)
        free(hits[k].pos);
    free(hits);
}
