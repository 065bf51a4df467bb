/* model.c: dictionaries -> compiled model; model files (see model.h). */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "model.h"
#include "pattern.h"
#include "strbuf.h"
#include "trie.h"
#include "vec.h"

static compiled_model *model_new(void)
{
    return calloc(1, sizeof(compiled_model));
}

void model_free(compiled_model *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n_entries; i++)
        free(m->entries[i].id);
    for (size_t i = 0; i < m->n_patterns; i++) {
        pcre2_code_free(m->patterns[i].code);
        free(m->patterns[i].source);
        free(m->patterns[i].near);
    }
    free(m->entries);
    free(m->patterns);
    free(m->name_keys);
    free(m->names.text);
    free(m->names.entry);
    free(m);
}

static size_t near_size(const char *near)
{
    if (!near)
        return 0;
    size_t k = 0;
    while (near[k])
        k += strlen(near + k) + 1;
    return k + 1;
}

static int push_pattern(compiled_model *m, pcre2_code *code, char *src, uint32_t entry,
                        const char *near)
{
    size_t nl = near_size(near);
    char *near_copy = nl ? malloc(nl) : NULL;
    if (nl && !near_copy) {
        pcre2_code_free(code);
        free(src);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory compiling the model");
    }
    if (nl)
        memcpy(near_copy, near, nl);
    model_pattern *p = realloc(m->patterns, (m->n_patterns + 1) * sizeof *p);
    if (!p) {
        pcre2_code_free(code);
        free(src);
        free(near_copy);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory compiling the model");
    }
    m->patterns = p;
    m->patterns[m->n_patterns++] = (model_pattern){ code, src, entry, 0, near_copy, nl, 0, { 0 } };
    return DOCTAG_OK;
}

static int pattern_error(const dict_variant *v, int errcode, size_t off)
{
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(errcode, msg, sizeof msg);
    return error_set(DOCTAG_ERR_PATTERN, "%s:%d: pattern does not compile at offset %zu: %s",
                     v->file, v->line, off, (const char *)msg);
}

static int compile_variant_patterns(compiled_model *m, const dict *d)
{
    for (size_t i = 0; i < d->n_variants; i++) {
        const dict_variant *v = &d->variants[i];
        if (!v->is_pattern)
            continue;
        /* Compile the user's pattern alone first, so that an error offset
         * points into what they wrote. */
        int errcode;
        size_t off;
        pcre2_code *probe = pcre2_compile((PCRE2_SPTR)v->text, PCRE2_ZERO_TERMINATED, 0,
                                          &errcode, &off, NULL);
        if (!probe)
            return pattern_error(v, errcode, off);
        pcre2_code_free(probe);
        strbuf b = { 0 };
        sb_printf(&b, TRIE_BEFORE "(?:%s)" TRIE_AFTER, v->text);
        char *src = sb_take(&b);
        if (!src)
            return error_set(DOCTAG_ERR_NOMEM, "out of memory compiling the model");
        pcre2_code *code = pattern_compile(src, v->near ? PCRE2_USE_OFFSET_LIMIT : 0, &errcode, &off);
        if (!code) {
            free(src);
            return pattern_error(v, errcode, off);
        }
        int rc = push_pattern(m, code, src, (uint32_t)v->entry, v->near);
        if (rc)
            return rc;
    }
    return DOCTAG_OK;
}

/* Appends one name (NUL included) and its entry to `names`; `cap` and
 * `cap_entry` are the arrays' capacities. */
static int add_name(model_names *names, size_t *cap, size_t *cap_entry, const char *s,
                    size_t len, uint32_t entry)
{
    if (!vec_reserve((void **)&names->text, cap, names->text_len + len + 1, 1) ||
        !vec_reserve((void **)&names->entry, cap_entry, names->n + 1, sizeof *names->entry))
        return 0;
    memcpy(names->text + names->text_len, s, len + 1);
    names->text_len += len + 1;
    names->entry[names->n++] = entry;
    return 1;
}

/* Appends every name of `src`, their entries moved up by `entry_base`. */
static int append_names(model_names *dst, const model_names *src, uint32_t entry_base)
{
    size_t cap = dst->text_len, cap_entry = dst->n;
    const char *s = src->text;
    for (size_t i = 0; i < src->n; i++) {
        size_t len = strlen(s);
        if (!add_name(dst, &cap, &cap_entry, s, len, src->entry[i] + entry_base))
            return 0;
        s += len + 1;
    }
    return 1;
}

/* The literal variants, in dictionary order, and their name keys. */
static int collect_names(compiled_model *m, const dict *d)
{
    size_t cap = 0, cap_entry = 0;
    for (size_t i = 0; i < d->n_variants; i++) {
        const dict_variant *v = &d->variants[i];
        if (!v->is_pattern &&
            !add_name(&m->names, &cap, &cap_entry, v->text, strlen(v->text), (uint32_t)v->entry))
            return error_set(DOCTAG_ERR_NOMEM, "out of memory compiling the model");
    }
    if (!(m->name_keys = calloc(1, MODEL_NAME_KEYS_BYTES)))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory compiling the model");
    trie_name_keys(&m->names, m->name_keys);
    return DOCTAG_OK;
}

int model_compile_dict(compiled_model **out, const dict *d)
{
    *out = NULL;
    compiled_model *m = model_new();
    if (!m)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory compiling the model");
    m->entries = calloc(d->n_entries ? d->n_entries : 1, sizeof *m->entries);
    if (!m->entries) {
        model_free(m);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory compiling the model");
    }
    for (size_t i = 0; i < d->n_entries; i++) {
        m->entries[i] = d->entries[i];
        if (!(m->entries[i].id = strdup(d->entries[i].id))) {
            m->n_entries = i;
            model_free(m);
            return error_set(DOCTAG_ERR_NOMEM, "out of memory compiling the model");
        }
    }
    m->n_entries = d->n_entries;
    m->n_variants = d->n_variants;
    /* Patterns before names: on a tie in length, a pattern (which knows the
     * structure, e.g. a resolution) is preferred. */
    int rc = compile_variant_patterns(m, d);
    if (rc == DOCTAG_OK)
        rc = collect_names(m, d);
    if (rc != DOCTAG_OK) {
        model_free(m);
        return rc;
    }
    *out = m;
    return DOCTAG_OK;
}

/* Moves n items of `size` bytes from *src to the end of *dst (of n_dst
 * items), growing *dst to exactly n_dst + n items. Returns 0 when out of memory. */
static int move_items(void **dst, size_t n_dst, void *src, size_t n, size_t size)
{
    void *p = realloc(*dst, (n_dst + n ? n_dst + n : 1) * size);
    if (!p)
        return 0;
    *dst = p;
    if (n)
        memcpy((char *)p + n_dst * size, src, n * size);
    return 1;
}

int model_merge(compiled_model **out, compiled_model *base, compiled_model *extra)
{
    *out = NULL;
    uint32_t entry_base = (uint32_t)base->n_entries;
    int ok = move_items((void **)&base->entries, base->n_entries, extra->entries,
                        extra->n_entries, sizeof *base->entries) &&
             move_items((void **)&base->patterns, base->n_patterns, extra->patterns,
                        extra->n_patterns, sizeof *base->patterns);
    if (ok) {   /* extra's entries and patterns (their ids, codes, JIT) now belong to base */
        for (size_t i = 0; i < extra->n_patterns; i++)
            base->patterns[base->n_patterns + i].entry_base += entry_base;
        base->n_entries += extra->n_entries;
        base->n_patterns += extra->n_patterns;
        extra->n_entries = extra->n_patterns = 0;
        base->n_variants += extra->n_variants;
        ok = append_names(&base->names, &extra->names, entry_base);
    }
    if (ok && extra->name_keys && !base->name_keys) {
        base->name_keys = extra->name_keys;
        extra->name_keys = NULL;
    } else if (ok && extra->name_keys) {
        for (size_t i = 0; i < MODEL_NAME_KEYS_BYTES; i++)
            base->name_keys[i] |= extra->name_keys[i];
    }
    model_free(extra);
    if (!ok) {
        model_free(base);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory merging models");
    }
    *out = base;
    return DOCTAG_OK;
}
