/* match.c: normalised text -> resolved entity spans (see match.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "match.h"

static int push(span_list *l, span s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        span *p = realloc(l->items, cap * sizeof *p);
        if (!p)
            return 0;
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n++] = s;
    return 1;
}

void span_list_free(span_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

static uint32_t mark_entry(pcre2_match_data *md)
{
    PCRE2_SPTR mark = pcre2_get_mark(md);
    if (!mark)
        return UINT32_MAX;
    uint32_t v = 0;
    for (const unsigned char *p = mark; *p >= '0' && *p <= '9'; p++)
        v = v * 10 + (uint32_t)(*p - '0');
    return v;
}

/* All leftmost-longest matches of one pattern. */
static int scan_pattern(span_list *out, const doctag_model *m, uint32_t index,
                        const char *text, size_t len, pcre2_match_data *md,
                        pcre2_match_context *mc)
{
    const model_pattern *p = &m->patterns[index];
    size_t pos = 0;
    while (pos <= len) {
        int rc = pcre2_match(p->code, (PCRE2_SPTR)text, len, pos, 0, md, mc);
        if (rc == PCRE2_ERROR_NOMATCH)
            return DOCTAG_OK;
        if (rc < 0) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(rc, msg, sizeof msg);
            return error_set(DOCTAG_ERR_INTERNAL, "matching pattern %u failed: %s",
                             index, (const char *)msg);
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        uint32_t entry = p->entry == MODEL_ENTRY_FROM_MARK ? mark_entry(md) : p->entry;
        if (entry != UINT32_MAX)
            entry += p->entry_base;
        if (ov[1] > ov[0] && entry < m->n_entries &&
            !push(out, (span){ ov[0], ov[1], entry, index }))
            return error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
        pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    return DOCTAG_OK;
}

static int by_start(const void *a, const void *b)
{
    const span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->priority < y->priority ? -1 : x->priority > y->priority;
}

/* Better of two overlapping spans: longer, then the entry written first
 * (block, then structural patterns, names, and generic patterns last). */
static int better(const span *a, const span *b)
{
    size_t la = a->end - a->start, lb = b->end - b->start;
    if (la != lb)
        return la > lb;
    return a->entry < b->entry;
}

/* Within each cluster of overlapping candidates, take the best span, drop
 * what overlaps it, and repeat. Clusters are small (a few spans). */
static void resolve_overlaps(span_list *l)
{
    size_t n_out = 0, i = 0;
    while (i < l->n) {
        size_t j = i + 1, end = l->items[i].end;
        while (j < l->n && l->items[j].start < end) {
            if (l->items[j].end > end)
                end = l->items[j].end;
            j++;
        }
        /* cluster [i, j): greedy by quality; chosen spans are marked by
         * setting priority's top bit, discarded ones get start == end */
        for (;;) {
            size_t best = j;
            for (size_t k = i; k < j; k++)
                if (l->items[k].end > l->items[k].start && !(l->items[k].priority >> 31) &&
                    (best == j || better(&l->items[k], &l->items[best])))
                    best = k;
            if (best == j)
                break;
            span *b = &l->items[best];
            for (size_t k = i; k < j; k++)
                if (k != best && l->items[k].start < b->end && b->start < l->items[k].end &&
                    !(l->items[k].priority >> 31))
                    l->items[k].end = l->items[k].start;
            b->priority |= 1u << 31;
        }
        for (size_t k = i; k < j; k++)
            if (l->items[k].priority >> 31) {
                l->items[k].priority &= ~(1u << 31);
                l->items[n_out++] = l->items[k];
            }
        i = j;
    }
    l->n = n_out;
}

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

/* Marks URL and e-mail spans: "http://", "https://", "www." up to the next
 * space; a word holding '@' with a dot after it. */
static int find_links(span_list *links, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        size_t s = i;
        int link = 0;
        int word_start = i == 0 || !(((text[i - 1] | 32) >= 'a' && (text[i - 1] | 32) <= 'z'));
        if ((c == 'h' || c == 'H') && word_start &&
            ((len - i >= 7 && strncasecmp(text + i, "http://", 7) == 0) ||
             (len - i >= 8 && strncasecmp(text + i, "https://", 8) == 0)))
            link = 1;
        else if ((c == 'w' || c == 'W') && word_start && len - i >= 4 &&
                 strncasecmp(text + i, "www.", 4) == 0)
            link = 1;
        else if (c == '@' && i > 0 && !is_space(text[i - 1])) {
            size_t e = i + 1;
            while (e < len && !is_space(text[e]) && text[e] != '.')
                e++;
            if (e + 1 < len && text[e] == '.' && !is_space(text[e + 1])) {
                link = 1;
                while (s > 0 && !is_space(text[s - 1]) && text[s - 1] != '(' && text[s - 1] != '<')
                    s--;
            }
        }
        if (!link)
            continue;
        size_t e = i;
        while (e < len && !is_space(text[e]))
            e++;
        if (!push(links, (span){ s, e, 0, 0 }))
            return DOCTAG_ERR_NOMEM;
        i = e;
    }
    return DOCTAG_OK;
}

/* Drops spans inside links and spans of `block` entries. */
static void drop_excluded(span_list *l, const span_list *links, const doctag_model *m)
{
    size_t n_out = 0, k = 0;
    for (size_t i = 0; i < l->n; i++) {
        span s = l->items[i];
        while (k < links->n && links->items[k].end <= s.start)
            k++;
        int in_link = k < links->n && links->items[k].start < s.end;
        if (!in_link && m->entries[s.entry].type != DICT_TYPE_BLOCK)
            l->items[n_out++] = s;
    }
    l->n = n_out;
}

int match_text(span_list *out, const doctag_model *m, const char *text, size_t len)
{
    memset(out, 0, sizeof *out);
    span_list links = { 0 };
    pcre2_match_data *md = pcre2_match_data_create(2, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    pcre2_jit_stack *js = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    int rc = md && mc && js ? DOCTAG_OK : error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    if (rc == DOCTAG_OK)
        pcre2_jit_stack_assign(mc, NULL, js);
    for (size_t i = 0; rc == DOCTAG_OK && i < m->n_patterns; i++)
        rc = scan_pattern(out, m, (uint32_t)i, text, len, md, mc);
    if (rc == DOCTAG_OK && find_links(&links, text, len) != DOCTAG_OK)
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    if (rc == DOCTAG_OK) {
        qsort(out->items, out->n, sizeof *out->items, by_start);
        resolve_overlaps(out);
        drop_excluded(out, &links, m);
    }
    span_list_free(&links);
    pcre2_jit_stack_free(js);
    pcre2_match_context_free(mc);
    pcre2_match_data_free(md);
    if (rc != DOCTAG_OK)
        span_list_free(out);
    return rc;
}
