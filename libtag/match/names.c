/* names.c: the pass that finds dictionary names (see names.h). */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "names.h"

struct name_index {
    uint16_t count[256];      /* name patterns whose names start with byte c ... */
    uint32_t *list[256];      /* ... and their indices */
    uint32_t *storage;
    unsigned char *jit;       /* per pattern: JIT-compiled, run with pcre2_jit_match */
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

static int starts_with(const model_pattern *p, unsigned c)
{
    return p->anchored && (p->first[c >> 3] & (1u << (c & 7)));
}

int name_index_build(name_index **out, const compiled_model *m)
{
    *out = NULL;
    name_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory preparing the model");
    size_t total = 0;
    for (size_t k = 0; k < m->n_patterns; k++)
        for (unsigned c = 0; c < 256; c++)
            if (starts_with(&m->patterns[k], c)) {
                ix->count[c]++;
                total++;
            }
    ix->storage = malloc((total ? total : 1) * sizeof *ix->storage);
    ix->jit = calloc(m->n_patterns ? m->n_patterns : 1, 1);
    if (!ix->storage || !ix->jit) {
        name_index_free(ix);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory preparing the model");
    }
    size_t used = 0;
    for (unsigned c = 0; c < 256; c++) {
        ix->list[c] = ix->storage + used;
        used += ix->count[c];
        ix->count[c] = 0;
    }
    for (size_t k = 0; k < m->n_patterns; k++) {
        for (unsigned c = 0; c < 256; c++)
            if (starts_with(&m->patterns[k], c))
                ix->list[c][ix->count[c]++] = (uint32_t)k;
        size_t jit_size = 0;
        ix->jit[k] = pcre2_pattern_info(m->patterns[k].code, PCRE2_INFO_JITSIZE, &jit_size) == 0 &&
                     jit_size > 0;
    }
    for (unsigned c = 0; c < 256; c++) {
        if (!ix->count[c])
            continue;
        for (unsigned b = 0; b < 256; b++)
            if (!is_alnum((unsigned char)b) || (!is_alnum((unsigned char)c) && c < 0x80))
                ix->starts[(b << 8 | c) >> 3] |= (unsigned char)(1u << (c & 7));
    }
    *out = ix;
    return DOCTAG_OK;
}

void name_index_free(name_index *ix)
{
    if (!ix)
        return;
    free(ix->storage);
    free(ix->jit);
    free(ix);
}


/* Runs the name patterns for byte t[i] anchored at i; *next gets the end
 * of the longest name found (or i + 1). */
static int names_at(span_list *out, const compiled_model *m, const name_index *ix,
                    const char *text, size_t len, size_t i, size_t *next, match_exec *x)
{
    unsigned c = (unsigned char)text[i];
    *next = i + 1;
    unsigned key = name_key((const unsigned char *)text + i, len - i);
    if (!(m->name_keys[key >> 3] & (1u << (key & 7))))
        return DOCTAG_OK;
    for (unsigned k = 0; k < ix->count[c]; k++) {
        uint32_t index = ix->list[c][k];
        const model_pattern *p = &m->patterns[index];
        int r = match_run(x, p->code, ix->jit[index], text, len, i);
        if (r == PCRE2_ERROR_NOMATCH)
            continue;
        if (match_limit_error(r)) {   /* this name start is skipped */
            if (!match_skip_push(x, (match_skip){ i, i + 1, index, r }))
                return error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
            continue;
        }
        if (r < 0)
            return error_set(DOCTAG_ERR_INTERNAL, "matching names failed (%d)", r);
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
        uint32_t entry = match_mark_entry(x);
        if (entry != UINT32_MAX)
            entry += p->entry_base;
        if (ov[1] <= ov[0] || entry >= m->n_entries)
            continue;
        if (!span_list_push(out, (span){ ov[0], ov[1], entry, index }))
            return error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
        if (ov[1] > *next)
            *next = ov[1];
    }
    return DOCTAG_OK;
}

const unsigned char *name_index_starts(const name_index *ix)
{
    return ix->starts;
}

int names_scan(span_list *out, const compiled_model *m, const name_index *ix,
               const size_t *candidates, size_t n_candidates, const char *text, size_t len,
               match_exec *x)
{
    if (!m->name_keys)
        return DOCTAG_OK;
    pcre2_set_offset_limit(x->mc, PCRE2_UNSET);
    int rc = DOCTAG_OK;
    size_t next = 0;   /* names do not start inside the name found before */
    for (size_t k = 0; k < n_candidates && rc == DOCTAG_OK; k++) {
        size_t i = candidates[k];
        if (i < next)
            continue;
        rc = names_at(out, m, ix, text, len, i, &next, x);
    }
    return rc;
}
