/* match.c: normalised text -> resolved entity spans (see match.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "match.h"
#include "near.h"


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

/* The matches of pattern p starting in [from, limit]. */
static int scan_range(span_list *out, const doctag_model *m, uint32_t index,
                      const char *text, size_t len, size_t from, size_t limit,
                      pcre2_match_data *md, pcre2_match_context *mc, size_t *resume)
{
    const model_pattern *p = &m->patterns[index];
    size_t pos = from;
    pcre2_set_offset_limit(mc, p->near_len ? limit : PCRE2_UNSET);
    while (pos <= limit && pos <= len) {
        int rc = pcre2_match(p->code, (PCRE2_SPTR)text, len, pos, 0, md, mc);
        if (rc == PCRE2_ERROR_NOMATCH) {
            pos = limit + 1;   /* no match starts anywhere up to the limit */
            break;
        }
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
    *resume = pos;
    return DOCTAG_OK;
}

/* All leftmost-longest matches of one pattern. A pattern with @near
 * literals is only run in the windows before their occurrences (`hits`):
 * a match holds a literal, so it starts at most MODEL_NEAR_WINDOW bytes
 * before one. */
static int scan_pattern(span_list *out, const doctag_model *m, uint32_t index,
                        const char *text, size_t len, const near_hits *hits,
                        pcre2_match_data *md, pcre2_match_context *mc)
{
    const model_pattern *p = &m->patterns[index];
    size_t resume = 0;
    if (!p->near_len)
        return scan_range(out, m, index, text, len, 0, len, md, mc, &resume);
    for (size_t k = 0; k < hits->n; k++) {
        size_t hit = hits->pos[k];
        if (hit < resume)
            continue;
        size_t from = hit > MODEL_NEAR_WINDOW ? hit - MODEL_NEAR_WINDOW : 0;
        if (from < resume)
            from = resume;
        int rc = scan_range(out, m, index, text, len, from, hit, md, mc, &resume);
        if (rc != DOCTAG_OK)
            return rc;
    }
    return DOCTAG_OK;
}

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* The name patterns (tries, compiled anchored) are not scanned through the
 * text one by one: a single pass stops only where a word starts with a byte
 * pair that some name starts with, and tries there just the patterns whose
 * names start with that byte. */
static int scan_names(span_list *out, const doctag_model *m, const char *text, size_t len,
                      pcre2_match_data *md, pcre2_match_context *mc)
{
    uint16_t count[256] = { 0 };
    uint32_t *list[256] = { 0 };
    uint32_t *storage = NULL;
    size_t total = 0;
    if (!m->name_keys)
        return DOCTAG_OK;
    for (size_t k = 0; k < m->n_patterns; k++)
        for (unsigned c = 0; m->patterns[k].anchored && c < 256; c++)
            if (m->patterns[k].first[c >> 3] & (1u << (c & 7))) {
                count[c]++;
                total++;
            }
    if (total == 0)
        return DOCTAG_OK;
    unsigned char *jit = calloc(m->n_patterns, 1);
    if (!jit || !(storage = malloc(total * sizeof *storage))) {
        free(jit);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    }
    for (size_t k = 0; k < m->n_patterns; k++) {
        size_t jit_size = 0;
        jit[k] = pcre2_pattern_info(m->patterns[k].code, PCRE2_INFO_JITSIZE, &jit_size) == 0 &&
                 jit_size > 0;
    }
    size_t used = 0;
    for (unsigned c = 0; c < 256; c++) {
        list[c] = storage + used;
        used += count[c];
        count[c] = 0;
    }
    for (size_t k = 0; k < m->n_patterns; k++)
        for (unsigned c = 0; m->patterns[k].anchored && c < 256; c++)
            if (m->patterns[k].first[c >> 3] & (1u << (c & 7)))
                list[c][count[c]++] = (uint32_t)k;

    pcre2_set_offset_limit(mc, PCRE2_UNSET);
    const unsigned char *t = (const unsigned char *)text;
    /* starts: bit (b << 8 | c) is set when a name may start at a byte c
     * that follows a byte b: c starts some name, and b is not a letter or
     * digit (or c is punctuation itself). One bitmap test per byte, with no
     * dependency from one byte to the next. */
    unsigned char *starts = calloc(65536 / 8, 1);
    if (!starts) {
        free(storage);
        free(jit);
        return error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    }
    for (unsigned b = 0; b < 256; b++)
        for (unsigned c = 0; c < 256; c++)
            if (count[c] && (!is_alnum((unsigned char)b) || (!is_alnum((unsigned char)c) && c < 0x80)))
                starts[(b << 8 | c) >> 3] |= (unsigned char)(1u << (c & 7));
    int rc = DOCTAG_OK;
    size_t i = 0;
    while (i < len && rc == DOCTAG_OK) {
        unsigned pair = (i > 0 ? (unsigned)t[i - 1] << 8 : 0) | t[i];
        if (!(starts[pair >> 3] & (1u << (pair & 7)))) {
            i++;
            /* the hot loop: one bitmap test per byte */
            while (i < len && !(starts[((unsigned)t[i - 1] << 8 | t[i]) >> 3] & (1u << (t[i] & 7))))
                i++;
            continue;
        }
        unsigned c = t[i];
        unsigned key = name_key(t + i, len - i);
        size_t next = i + 1;
        if (m->name_keys[key >> 3] & (1u << (key & 7)))
            for (unsigned k = 0; k < count[c] && rc == DOCTAG_OK; k++) {
                const model_pattern *p = &m->patterns[list[c][k]];
                /* pcre2_jit_match skips pcre2_match's checks, which cost
                 * more than the anchored match itself */
                int r = jit[list[c][k]]
                            ? pcre2_jit_match(p->code, (PCRE2_SPTR)text, len, i, 0, md, mc)
                            : pcre2_match(p->code, (PCRE2_SPTR)text, len, i, 0, md, mc);
                if (r == PCRE2_ERROR_NOMATCH)
                    continue;
                if (r < 0) {
                    rc = error_set(DOCTAG_ERR_INTERNAL, "matching names failed (%d)", r);
                    break;
                }
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                uint32_t entry = mark_entry(md);
                if (entry != UINT32_MAX)
                    entry += p->entry_base;
                if (ov[1] > ov[0] && entry < m->n_entries) {
                    if (!push(out, (span){ ov[0], ov[1], entry, list[c][k] }))
                        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
                    if (ov[1] > next)
                        next = ov[1];
                }
            }
        i = next;
    }
    free(starts);
    free(storage);
    free(jit);
    return rc;
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

/* Sorts spans by by_start(). They arrive as runs already in order (each
 * pattern's matches, left to right), so adjacent runs are merged pairwise,
 * through a buffer, until one is left: O(n log runs). */
static int sort_spans(span_list *l)
{
    size_t n = l->n;
    if (n < 2)
        return 1;
    span *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return 0;
    span *a = l->items, *b = tmp;
    for (;;) {
        size_t runs = 0, i = 0;
        while (i < n) {
            size_t mid = i + 1;   /* [i, mid) is a run, [mid, end) the next */
            while (mid < n && by_start(&a[mid - 1], &a[mid]) <= 0)
                mid++;
            size_t end = mid + (mid < n);
            while (end < n && by_start(&a[end - 1], &a[end]) <= 0)
                end++;
            size_t x = i, y = mid, k = i;
            while (x < mid && y < end)
                b[k++] = by_start(&a[y], &a[x]) < 0 ? a[y++] : a[x++];
            while (x < mid)
                b[k++] = a[x++];
            while (y < end)
                b[k++] = a[y++];
            runs++;
            i = end;
        }
        span *t = a;
        a = b;
        b = t;
        if (runs == 1)
            break;
    }
    if (a != l->items)
        memcpy(l->items, a, n * sizeof *a);
    free(tmp);
    return 1;
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


static int is_link_char(char c)
{
    return c != ' ' && c != '\n' && c != '\t' && c != '"' && c != '<' && c != '>';
}

static int add_link(span_list *links, const char *text, size_t len, size_t s, size_t at)
{
    while (s > 0 && is_link_char(text[s - 1]) && text[s - 1] != '(')
        s--;
    size_t e = at;
    while (e < len && is_link_char(text[e]))
        e++;
    if (links->n && links->items[links->n - 1].end >= s) {
        if (e > links->items[links->n - 1].end)
            links->items[links->n - 1].end = e;
        return DOCTAG_OK;
    }
    return push(links, (span){ s, e, 0, 0 }) ? DOCTAG_OK : DOCTAG_ERR_NOMEM;
}

/* 1 if the '/' at text[i] follows a host name ("undocs.org/..."): a dot,
 * two to six letters, then the slash. */
static int after_host(const char *text, size_t i)
{
    size_t k = i;
    while (k > 0 && (text[k - 1] | 32) >= 'a' && (text[k - 1] | 32) <= 'z' && i - k < 7)
        k--;
    return i - k >= 2 && i - k <= 6 && k >= 2 && text[k - 1] == '.' && is_link_char(text[k - 2]) &&
           text[k - 2] != '.';
}

/* What may mark a URL or an e-mail address: found by near_find() in the
 * same pass as the patterns' literals. */
static const char *const link_marks[] = { "://", "www.", "@", "/", NULL };

/* URL and e-mail spans from the marks' occurrences: "://", "www.", '@' with
 * a dot after it, a '/' after a host name ("undocs.org/A/..."), each widened
 * to the surrounding run of non-space. */
static int find_links(span_list *links, const near_hits *marks, const char *text, size_t len)
{
    for (size_t k = 0; k < marks->n; k++) {
        size_t at = marks->pos[k];
        int is_link = 1;
        if (text[at] == '@') {   /* an e-mail needs a word before '@' and a dot after */
            size_t e = at + 1;
            while (e < len && is_link_char(text[e]) && text[e] != '.')
                e++;
            is_link = at > 0 && is_link_char(text[at - 1]) && e + 1 < len && text[e] == '.' &&
                      is_link_char(text[e + 1]);
        } else if (text[at] == '/') {
            is_link = after_host(text, at);
        }
        if (is_link && add_link(links, text, len, at, at) != DOCTAG_OK)
            return DOCTAG_ERR_NOMEM;
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
    near_hits *hits = calloc(m->n_patterns + 1, sizeof *hits);
    if (rc == DOCTAG_OK && !hits)
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    if (rc == DOCTAG_OK)
        rc = near_find(hits, m, link_marks, text, len);
    for (size_t i = 0; rc == DOCTAG_OK && i < m->n_patterns; i++)
        if (!m->patterns[i].anchored)
            rc = scan_pattern(out, m, (uint32_t)i, text, len, &hits[i], md, mc);
    if (rc == DOCTAG_OK)
        rc = scan_names(out, m, text, len, md, mc);
    if (rc == DOCTAG_OK && find_links(&links, &hits[m->n_patterns], text, len) != DOCTAG_OK)
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    near_hits_free(hits, m->n_patterns + 1);
    if (rc == DOCTAG_OK) {
        if (!sort_spans(out))
            rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    }
    if (rc == DOCTAG_OK) {
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
