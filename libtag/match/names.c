/* names.c: the pass that finds dictionary names (see names.h). */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "names.h"
#include "trie.h"

/* Bits of the two filters on a place's first word (see first_words()). */
#define NAME_FILTER_BITS (1u << 17)

struct name_index {
    name_trie *trie;
    /* bit (b << 8 | c): a name may start at a byte c that follows a byte b:
     * c starts some name, and b is not a letter or digit (or c is itself
     * punctuation). One bitmap test per byte, with no dependency from one
     * byte to the next. */
    unsigned char starts[65536 / 8];
    /* Before the trie is walked, a place's first word (the run name_key()
     * reads) is looked up: in `alone` by the word's hash, for the names
     * that are their first word and at most one byte more ("UNICEF",
     * "U."); in `then` by the hash of the word, the byte after it and the
     * next byte, a letter in lower case ("Department of", "United N"),
     * for the longer ones. A capitalised word that starts names but not
     * the one in the text ("International,", "Human Rights") is so
     * dropped without a walk. */
    unsigned char alone[NAME_FILTER_BITS / 8], then[NAME_FILTER_BITS / 8];
    unsigned char word_byte[256];   /* name_key_byte(), one load a byte */
};

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* 1 if a name may end at `end` (TRIE_AFTER, as for patterns): no letter or
 * digit follows, or a footnote number glued to a word that ends in a small
 * letter ("Millennium Declaration23 and", plain text from a PDF). */
static int name_may_end(const unsigned char *t, size_t len, size_t end)
{
    if (end >= len || !is_alnum(t[end]))
        return 1;
    if (end == 0 || t[end - 1] < 'a' || t[end - 1] > 'z' || t[end] < '0' || t[end] > '9')
        return 0;
    size_t i = end;
    while (i < len && t[i] >= '0' && t[i] <= '9')
        i++;
    return i >= len || ((t[i] | 32) < 'a' || (t[i] | 32) > 'z');
}

static void set_filter_bit(unsigned char *bits, uint32_t h)
{
    h &= NAME_FILTER_BITS - 1;
    bits[h >> 3] |= (unsigned char)(1u << (h & 7));
}

static int has_filter_bit(const unsigned char *bits, uint32_t h)
{
    h &= NAME_FILTER_BITS - 1;
    return bits[h >> 3] & (1u << (h & 7));
}

/* A letter in lower case, any other byte as it is: the trie may match
 * either case of a word's first letter (trie.h), so the filter keys on
 * neither. */
static unsigned fold_letter(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z' ? (unsigned)(c | 32) : c;
}

/* name_key()'s hash, not yet masked, of the word at s (the run of
 * name_key_byte()s, *n bytes), its first byte read as `first`; *ascii: 1
 * when the word is all ASCII. s[len] is 0 (the text's NUL: names.h), so
 * the word ends there without a bound check. */
static uint32_t word_hash(const name_index *ix, const unsigned char *s, unsigned char first,
                          size_t *n, int *ascii)
{
    uint32_t h = HASH_FNV_SEED;
    unsigned high = 0;
    const unsigned char *p = s;
    for (unsigned c = first; ix->word_byte[c]; c = *++p) {
        h = (h ^ c) * 16777619u;
        high |= c;
    }
    *n = (size_t)(p - s);
    *ascii = high < 0x80;
    return h;
}

/* The hash of a word's hash continued with the two bytes after the word. */
static uint32_t then_hash(uint32_t h, unsigned char c1, unsigned char c2)
{
    return (((h ^ c1) * 16777619u) ^ fold_letter(c2)) * 16777619u;
}

/* Files one name (its first byte read as `first`) under its first word. */
static void file_first_word(name_index *ix, const unsigned char *s, unsigned char first)
{
    size_t len = strlen((const char *)s), n;
    int ascii;
    uint32_t h = word_hash(ix, s, first, &n, &ascii);
    if (n + 1 >= len)
        set_filter_bit(ix->alone, h);
    else
        set_filter_bit(ix->then, then_hash(h, s[n], s[n + 1]));
}

/* The filters of every name's first word, in each case the trie matches
 * it in: a name starting with a word in lower case also capitalised. */
static void first_words(name_index *ix, const model_names *names)
{
    const char *s = names->text;
    for (size_t i = 0; i < names->n; i++, s += strlen(s) + 1) {
        const unsigned char *u = (const unsigned char *)s;
        if (!u[0])
            continue;
        file_first_word(ix, u, u[0]);
        size_t j = 0;
        while (u[j] >= 'a' && u[j] <= 'z')
            j++;
        if (j && (u[j] == ' ' || !u[j]))   /* trie.c's starts_lower_word() */
            file_first_word(ix, u, (unsigned char)(u[0] - 'a' + 'A'));
    }
}

/* 1 if a name may start at i (a place near_find() gave, with no letter or
 * digit before it): the model's key of its first word (name_key.h) is set
 * and, for a word of ASCII letters and digits with two bytes after it, the
 * filters on the word and those bytes pass. A name the trie finds there
 * then passes both: the word, a byte that is not a letter or digit after
 * it, is the name's own first word, and the name either ends within a
 * byte or reads on with those two bytes (the second in either case). A
 * word with other bytes (a name may end before a non-ASCII byte) or no
 * word (punctuation) has only the model's key. */
static int may_start_name(const name_index *ix, const unsigned char *keys,
                          const unsigned char *t, size_t len, size_t i)
{
    size_t n;
    int ascii;
    uint32_t h = word_hash(ix, t + i, t[i], &n, &ascii);
    unsigned key = h & (MODEL_NAME_KEYS_BYTES * 8 - 1);
    if (!(keys[key >> 3] & (1u << (key & 7))))
        return 0;
    if (!n || !ascii || i + n + 1 >= len)
        return 1;
    return has_filter_bit(ix->alone, h) ||
           has_filter_bit(ix->then, then_hash(h, t[i + n], t[i + n + 1]));
}

static void set_start(name_index *ix, unsigned c)
{
    for (unsigned b = 0; b < 256; b++)
        if (!is_alnum((unsigned char)b) || (!is_alnum((unsigned char)c) && c < 0x80))
            ix->starts[(b << 8 | c) >> 3] |= (unsigned char)(1u << (c & 7));
}

int name_index_build(name_index **out, const compiled_model *m)
{
    *out = NULL;
    name_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory preparing the model");
    int rc = name_trie_build(&ix->trie, &m->names);
    if (rc != DOCTAG_OK) {
        free(ix);
        return rc;
    }
    for (unsigned l = 0; l < 512; l++) {
        if (!ix->trie->root[l])
            continue;
        set_start(ix, l & 0xff);
        if (l & TRIE_FOLD)   /* a lower-case word's letter: its capital too */
            set_start(ix, (l & 0xff) - 'a' + 'A');
    }
    for (unsigned c = 0; c < 256; c++)
        ix->word_byte[c] = (unsigned char)name_key_byte((unsigned char)c);
    first_words(ix, &m->names);
    *out = ix;
    return DOCTAG_OK;
}

void name_index_free(name_index *ix)
{
    if (!ix)
        return;
    name_trie_free(ix->trie);
    free(ix);
}

const unsigned char *name_index_starts(const name_index *ix)
{
    return ix->starts;
}

/* A place in the walk: node k reached with the text read up to pos. */
typedef struct walk_step {
    uint32_t node;
    size_t pos;
} walk_step;

/* 1 if the text at pos reads the labels of node c's edge after its first. */
static int edge_matches(const name_trie *trie, uint32_t c, const unsigned char *t, size_t pos,
                        size_t len)
{
    uint32_t n = trie->nodes[c].edge_len;
    if (n > len - pos)
        return 0;
    const uint16_t *l = trie->labels + trie->nodes[c].edge;
    for (uint32_t j = 1; j < n; j++) {
        unsigned x = t[pos + j];
        if (x != l[j] && !((l[j] & TRIE_FOLD) && (x | 32) == (l[j] & 0xff)))
            return 0;
    }
    return 1;
}

/* Pushes the children of node k that the text at pos leads to: the edge
 * starting with the byte itself and, for a letter, the folded edge of its
 * lower case. Inlined in the walk: a call per step cost a tenth of it. */
static inline __attribute__((always_inline)) size_t step(const name_trie *trie, walk_step *stack, size_t n, uint32_t k,
                   const unsigned char *t, size_t pos, size_t len)
{
    unsigned x = t[pos];
    uint32_t c = name_trie_child(trie, k, x);
    if (c && edge_matches(trie, c, t, pos, len))
        stack[n++] = (walk_step){ c, pos + trie->nodes[c].edge_len };
    if ((x | 32) >= 'a' && (x | 32) <= 'z' && name_trie_has_folded(trie, k)) {
        c = name_trie_child(trie, k, (x | 32) | TRIE_FOLD);
        if (c && edge_matches(trie, c, t, pos, len))
            stack[n++] = (walk_step){ c, pos + trie->nodes[c].edge_len };
    }
    return n;
}

/* The longest name starting at i (ties: the entry written first), its end
 * in *end; 0 when none. `stack` holds 2 * (trie depth + 1) steps. */
static int longest_name(const name_trie *trie, walk_step *stack, const unsigned char *t,
                        size_t len, size_t i, size_t *end, uint32_t *entry)
{
    size_t n = step(trie, stack, 0, 0, t, i, len);
    int found = 0;
    while (n) {
        walk_step s = stack[--n];
        int32_t e = trie->nodes[s.node].entry;
        if (e >= 0 && name_may_end(t, len, s.pos) &&
            (!found || s.pos > *end || (s.pos == *end && (uint32_t)e < *entry))) {
            *end = s.pos;
            *entry = (uint32_t)e;
            found = 1;
        }
        if (s.pos < len)
            n = step(trie, stack, n, s.node, t, s.pos, len);
    }
    return found;
}

int names_scan(span_list *out, const compiled_model *m, const name_index *ix,
               const size_t *candidates, size_t n_candidates, const char *text, size_t len)
{
    if (!m->name_keys || !m->names.n)
        return DOCTAG_OK;
    const unsigned char *t = (const unsigned char *)text;
    walk_step *stack = malloc(2 * (ix->trie->depth + 1) * sizeof *stack);
    if (!stack)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    uint32_t priority = (uint32_t)m->n_patterns;   /* after every pattern */
    int rc = DOCTAG_OK;
    size_t next = 0;   /* names do not start inside the name found before */
    for (size_t k = 0; k < n_candidates && rc == DOCTAG_OK; k++) {
        size_t i = candidates[k], end = 0;
        uint32_t entry = 0;
        if (i < next || (i > 0 && is_alnum(t[i - 1])))
            continue;
        if (!may_start_name(ix, m->name_keys, t, len, i) ||
            !longest_name(ix->trie, stack, t, len, i, &end, &entry) || entry >= m->n_entries)
            continue;
        if (!span_list_push(out, (span){ i, end, entry, priority }))
            rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
        next = end;
    }
    free(stack);
    return rc;
}
