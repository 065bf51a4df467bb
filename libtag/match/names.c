/* names.c: the pass that finds dictionary names (see names.h). */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "names.h"
#include "trie.h"

struct name_index {
    name_trie *trie;
    /* bit (b << 8 | c): a name may start at a byte c that follows a byte b:
     * c starts some name, and b is not a letter or digit (or c is itself
     * punctuation). One bitmap test per byte, with no dependency from one
     * byte to the next. */
    unsigned char starts[65536 / 8];
};

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
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
 * lower case. */
static size_t step(const name_trie *trie, walk_step *stack, size_t n, uint32_t k,
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
        if (e >= 0 && (s.pos >= len || !is_alnum(t[s.pos])) &&
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
        unsigned key = name_key(t + i, len - i);
        if (!(m->name_keys[key >> 3] & (1u << (key & 7))) ||
            !longest_name(ix->trie, stack, t, len, i, &end, &entry) || entry >= m->n_entries)
            continue;
        if (!span_list_push(out, (span){ i, end, entry, priority }))
            rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
        next = end;
    }
    free(stack);
    return rc;
}
