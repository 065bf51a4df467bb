/* match.c: normalised text -> resolved entity spans (see match.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alphabet.h"
#include "doctag_limits.h"
#include "error.h"
#include "jit.h"
#include "match.h"
#include "names.h"
#include "near.h"
#include "scan.h"

/* 1 if offset i is inside a UTF-8 character: patterns match bytes, and a
 * class such as [^ ] can take half of one; such a match is no span (nor
 * the full name a later short form would take its id from). */
static int inside_char(const char *text, size_t len, size_t i)
{
    return i < len && ((unsigned char)text[i] & 0xc0) == 0x80;
}

/* The matches of pattern p starting in [from, limit]. */
static int scan_range(span_list *out, const compiled_model *m, uint32_t index,
                      const char *text, size_t len, size_t from, size_t limit,
                      match_exec *x, size_t *resume)
{
    const model_pattern *p = &m->patterns[index];
    size_t pos = from;
    pcre2_set_offset_limit(x->mc, p->near_len ? limit : PCRE2_UNSET);
    while (pos <= limit && pos <= len) {
        size_t para_end = len;
        int rc = match_run_local(x, p->code, index, text, len, pos, &para_end);
        if (rc == MATCH_SKIPPED || (rc == PCRE2_ERROR_NOMATCH && para_end < len)) {
            pos = para_end + 1;   /* on to the next paragraph */
            continue;
        }
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
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
        uint32_t entry = p->entry == MODEL_ENTRY_FROM_MARK ? match_mark_entry(x) : p->entry;
        if (entry != UINT32_MAX)
            entry += p->entry_base;
        if (ov[1] > ov[0] && entry < m->n_entries && !inside_char(text, len, ov[0]) &&
            !inside_char(text, len, ov[1]) &&
            !span_list_push(out, (span){ ov[0], ov[1], entry, index }))
            return error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
        pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    *resume = pos;
    return DOCTAG_OK;
}

/* The longest of a pattern's @near literals. */
static size_t longest_literal(const model_pattern *p)
{
    size_t n = 0;
    for (const char *s = p->near; s && *s; s += strlen(s) + 1)
        if (strlen(s) > n)
            n = strlen(s);
    return n;
}

/* The last hit a scan ending at hits->pos[k] can take in: while the window
 * of the next hit would begin right where that scan stops (it starts at
 * most MODEL_NEAR_WINDOW bytes before the hit, and no byte in between is
 * outside the pattern's alphabet to narrow it), one scan up to the next hit
 * tries exactly the starts the two would have tried, with one pcre2 call
 * and no window to narrow. Returns the index of the cluster's last hit. */
static size_t cluster_end(const near_hits *hits, size_t k, const unsigned char *alpha,
                          const unsigned char *text)
{
    while (k + 1 < hits->n) {
        size_t limit = hits->pos[k], next = hits->pos[k + 1];
        if (next > limit + 1 + MODEL_NEAR_WINDOW)
            break;
        size_t i = limit + 1;
        while (alpha && i < next && alpha[text[i]])
            i++;
        if (alpha && i < next)
            break;
        k++;
    }
    return k;
}

/* 1 if text[from, to) holds a comma or a semicolon: a list. */
static int list_between(const char *text, size_t from, size_t to)
{
    return memchr(text + from, ',', to - from) || memchr(text + from, ';', to - from);
}

/* A window cut at MODEL_NEAR_WINDOW bytes before its literal may begin
 * inside a long name, so that its first match, `s`, starts at the first
 * word the window holds ("Water Development, ... and Urban Development
 * Appropriations Act, 2022" of "Labor, Health and Human Services, ...").
 * When s starts that close to the window's start `from`, the pattern is
 * tried once more from a window further back (not before `floor`, where
 * the last scan stopped); a match there that ends where s ends, and runs a
 * list before s ("Labor, Health ..., Education, ..."; "Control of
 * Communicable Diseases; Foreign Quarantine: ..."), is the same name, and s
 * takes its start. A name that long is a list of subjects: without a comma
 * or a semicolon it is a run of names down a column (a glossary), which
 * api/columns.c splits line by line. */
static void widen_first(span *s, const model_pattern *p, const char *text, size_t len,
                        size_t from, size_t floor, const unsigned char *alpha, match_exec *x)
{
    if (s->start >= from + LIMIT_NEAR_EDGE || from <= floor)
        return;
    size_t back = from - floor > MODEL_NEAR_WINDOW ? from - MODEL_NEAR_WINDOW : floor;
    if (alpha)
        back = alphabet_window(alpha, text, back, from);
    if (back >= from)
        return;
    pcre2_set_offset_limit(x->mc, s->start - 1);
    if (match_run(x, p->code, 1, text, len, back) < 0)
        return;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    if (ov[0] < s->start && ov[1] == s->end && !inside_char(text, len, ov[0]) &&
        list_between(text, ov[0], s->start))
        s->start = ov[0];
}

/* All leftmost-longest matches of one pattern. A pattern with @near
 * literals is only run in the windows before their occurrences (`hits`):
 * a match holds a literal, so it starts at most MODEL_NEAR_WINDOW bytes
 * before one, and after the last byte before it that the pattern cannot
 * match (`alpha`, NULL when it can match any byte; alphabet.h). A match
 * may also begin inside a literal that starts with a space (" Law" before
 * "Law on ..."): the window of an occurrence ends one byte after it, and
 * the window of the next occurrence is not narrowed when the occurrence
 * before it is that close to its start.
 * Windows that touch are scanned as one (cluster_end()). */
static int scan_pattern(span_list *out, const compiled_model *m, uint32_t index,
                        const char *text, size_t len, const near_hits *hits,
                        const unsigned char *alpha, match_exec *x)
{
    const model_pattern *p = &m->patterns[index];
    size_t lit_max = alpha ? longest_literal(p) : 0;
    size_t resume = 0;
    if (!p->near_len)
        return scan_range(out, m, index, text, len, 0, len, x, &resume);
    for (size_t k = 0; k < hits->n; k++) {
        size_t hit = hits->pos[k];
        if (hit < resume)
            continue;
        size_t from = hit > MODEL_NEAR_WINDOW ? hit - MODEL_NEAR_WINDOW : 0;
        if (from < resume)
            from = resume;
        if (alpha && (k == 0 || hits->pos[k - 1] + lit_max <= from))
            from = alphabet_window(alpha, text, from, hit);
        int cut = hit > MODEL_NEAR_WINDOW && from == hit - MODEL_NEAR_WINDOW;
        k = cluster_end(hits, k, alpha, (const unsigned char *)text);
        /* a literal starting with a space (" Law") holds the first byte of
         * a match that begins inside it ("Law on Foreigners") */
        size_t limit = hits->pos[k] + (text[hits->pos[k]] == ' ');
        size_t floor = resume, first = out->n;
        int rc = scan_range(out, m, index, text, len, from, limit, x, &resume);
        if (rc != DOCTAG_OK)
            return rc;
        if (cut && out->n > first)
            widen_first(&out->items[first], p, text, len, from, floor, alpha, x);
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

/* Better of two overlapping spans: longer, then a named entry over a name
 * found by its shape (%name: the generic patterns, even when a user's
 * dictionary comes after them), then the entry written first (block, then
 * structural patterns, names, and generic patterns last). */
static int better(const span *a, const span *b, const compiled_model *m)
{
    size_t la = a->end - a->start, lb = b->end - b->start;
    if (la != lb)
        return la > lb;
    int sa = m->entries[a->entry].canon == CANON_NAME, sb = m->entries[b->entry].canon == CANON_NAME;
    if (sa != sb)
        return sb;
    return a->entry < b->entry;
}

/* 1 if the span is a named agency or instrument (an entry with its own
 * ID), not a name found by its shape, a block or a structural pattern. */
static int is_named_entity(const span *s, const compiled_model *m)
{
    const dict_entry *e = &m->entries[s->entry];
    return e->canon == CANON_ID && (e->type == DOCTAG_TYPE_AGENCY || e->type == DOCTAG_TYPE_INSTRUMENT);
}

/* 1 if a named agency or instrument in the cluster [i, j) lies inside
 * [from, to). */
static int holds_named(const span_list *l, size_t i, size_t j, size_t from, size_t to,
                       const compiled_model *m)
{
    for (size_t q = i; q < j; q++) {
        const span *n = &l->items[q];
        if (n->start >= from && n->end <= to && n->end > n->start && is_named_entity(n, m))
            return 1;
    }
    return 0;
}

/* In the cluster [i, j): drops each name found by its shape that is a run
 * of capitals over two known names, cutting one in two and holding the
 * other whole ("Department of Health and Human Services" + "Food and Drug
 * Administration" read as "Human Services Food and Drug Administration").
 * A shape that only starts inside a known name ("United Nations" +
 * "Nations Office on Drugs and Crimes") is the name's own continuation and
 * stays. */
static void drop_shapes_over_two_names(span_list *l, size_t i, size_t j, const compiled_model *m)
{
    for (size_t k = i; k < j; k++) {
        span *s = &l->items[k];
        if (s->end == s->start || m->entries[s->entry].canon != CANON_NAME)
            continue;
        for (size_t q = i; q < j && s->end > s->start; q++) {
            const span *n = &l->items[q];
            if (!is_named_entity(n, m))
                continue;
            if (n->start < s->start && s->start < n->end && n->end < s->end &&
                holds_named(l, i, j, n->end, s->end, m))
                s->end = s->start;
            else if (s->start < n->start && n->start < s->end && s->end < n->end &&
                     holds_named(l, i, j, s->start, n->start, m))
                s->end = s->start;
        }
    }
}

/* Within each cluster of overlapping candidates, take the best span, drop
 * what overlaps it, and repeat. Clusters are small (a few spans). */
static void resolve_overlaps(span_list *l, const compiled_model *m)
{
    size_t n_out = 0, i = 0;
    while (i < l->n) {
        size_t j = i + 1, end = l->items[i].end;
        while (j < l->n && l->items[j].start < end) {
            if (l->items[j].end > end)
                end = l->items[j].end;
            j++;
        }
        drop_shapes_over_two_names(l, i, j, m);
        /* cluster [i, j): greedy by quality; chosen spans are marked by
         * setting priority's top bit, discarded ones get start == end */
        for (;;) {
            size_t best = j;
            for (size_t k = i; k < j; k++)
                if (l->items[k].end > l->items[k].start && !(l->items[k].priority >> 31) &&
                    (best == j || better(&l->items[k], &l->items[best], m)))
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
    return span_list_push(links, (span){ s, e, 0, 0 }) ? DOCTAG_OK : DOCTAG_ERR_NOMEM;
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
        /* a mark inside the last link (a URL's next '/') widens to the
         * same run of non-space: nothing to add */
        if (links->n && at < links->items[links->n - 1].end)
            continue;
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

/* Drops spans inside links and spans of `block` entries, which go to
 * `blocked` (when not NULL). */
static int drop_excluded(span_list *l, span_list *blocked, const span_list *links,
                         const compiled_model *m)
{
    size_t n_out = 0, k = 0;
    for (size_t i = 0; i < l->n; i++) {
        span s = l->items[i];
        while (k < links->n && links->items[k].end <= s.start)
            k++;
        int in_link = k < links->n && links->items[k].start < s.end;
        if (!in_link && m->entries[s.entry].type != DICT_TYPE_BLOCK)
            l->items[n_out++] = s;
        else if (!in_link && blocked && !span_list_push(blocked, s))
            return error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    }
    l->n = n_out;
    return DOCTAG_OK;
}

struct match_index {
    near_index *near;
    name_index *names;
    unsigned char (*alpha)[256];  /* per pattern: the bytes it can match (alphabet_bytes()) */
    const unsigned char **alpha_of;   /* per pattern: alpha[k], NULL when it holds every byte */
    pattern_jit *jit;   /* which patterns are JIT-compiled (on first use) */
};

/* CPU time of the process, when times are taken (else 0: no clock read). */
static double cpu_now(const match_times *times)
{
    struct timespec ts;
    if (!times || clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Adds the time since *t0 to *acc and restarts the clock. */
static void lap(const match_times *times, double *t0, double *acc)
{
    if (!times)
        return;
    double t = cpu_now(times);
    *acc += t - *t0;
    *t0 = t;
}

/* Runs every pattern over its windows, then the names at their places. */
static int scan_all(span_list *out, const compiled_model *m, const match_index *ix,
                    const near_hits *hits, const near_hits *name_starts, const char *text,
                    size_t len, match_exec *x, match_times *times, double *t0)
{
    int rc = DOCTAG_OK;
    for (size_t i = 0; rc == DOCTAG_OK && i < m->n_patterns; i++) {
        const model_pattern *p = &m->patterns[i];
        if (p->anchored || (p->near_len && !hits[i].n))
            continue;   /* not run on this text */
        pattern_jit_ready(ix->jit, i, p->code);
        rc = scan_pattern(out, m, (uint32_t)i, text, len, &hits[i], ix->alpha_of[i], x);
    }
    lap(times, t0, times ? &times->patterns : NULL);
    if (rc == DOCTAG_OK)
        rc = names_scan(out, m, ix->names, name_starts->pos, name_starts->n, text, len);
    lap(times, t0, times ? &times->names : NULL);
    return rc;
}

int match_text_timed(span_list *out, span_list *blocked, skip_list *skipped,
                     const compiled_model *m, const match_index *ix, const char *text, size_t len,
                     match_times *times)
{
    double t0 = cpu_now(times);
    out->n = 0;
    if (blocked)
        blocked->n = 0;
    span_list links = { 0 };
    match_exec x = { pcre2_match_data_create(2, NULL), pcre2_match_context_create(NULL), NULL,
                     skipped };
    int rc = x.md && x.mc ? DOCTAG_OK : error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    near_hits *hits = calloc(m->n_patterns + 1, sizeof *hits);
    if (rc == DOCTAG_OK && !hits)
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    near_hits name_starts = { 0 };
    if (rc == DOCTAG_OK)
        rc = near_find(hits, &name_starts, ix->near, text, len);
    lap(times, &t0, times ? &times->pass : NULL);
    if (rc == DOCTAG_OK)
        rc = scan_all(out, m, ix, hits, &name_starts, text, len, &x, times, &t0);
    free(name_starts.pos);
    if (rc == DOCTAG_OK && find_links(&links, &hits[m->n_patterns], text, len) != DOCTAG_OK)
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    near_hits_free(hits, m->n_patterns + 1);
    if (rc == DOCTAG_OK) {
        if (!sort_spans(out))
            rc = error_set(DOCTAG_ERR_NOMEM, "out of memory matching");
    }
    if (rc == DOCTAG_OK) {
        resolve_overlaps(out, m);
        rc = drop_excluded(out, blocked, &links, m);
    }
    span_list_free(&links);
    pcre2_jit_stack_free(x.js);
    pcre2_match_context_free(x.mc);
    pcre2_match_data_free(x.md);
    if (rc != DOCTAG_OK)
        span_list_free(out);
    lap(times, &t0, times ? &times->resolve : NULL);
    return rc;
}

int match_text(span_list *out, span_list *blocked, skip_list *skipped, const compiled_model *m,
               const match_index *ix, const char *text, size_t len)
{
    return match_text_timed(out, blocked, skipped, m, ix, text, len, NULL);
}

int match_index_build(match_index **out, const compiled_model *m)
{
    *out = NULL;
    match_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory preparing the model");
    int rc = name_index_build(&ix->names, m);
    ix->alpha = malloc((m->n_patterns + 1) * sizeof *ix->alpha);
    ix->alpha_of = malloc((m->n_patterns + 1) * sizeof *ix->alpha_of);
    ix->jit = pattern_jit_new(m->n_patterns);
    if (rc == DOCTAG_OK && (!ix->alpha || !ix->alpha_of || !ix->jit))
        rc = error_set(DOCTAG_ERR_NOMEM, "out of memory preparing the model");
    for (size_t i = 0; rc == DOCTAG_OK && i < m->n_patterns; i++) {
        unsigned char bits[32];
        const char *src = m->patterns[i].source;
        ix->alpha_of[i] = NULL;
        if (src && alphabet_of_pattern(bits, src)) {
            alphabet_bytes(bits, ix->alpha[i]);
            ix->alpha_of[i] = ix->alpha[i];
        }
    }
    if (rc == DOCTAG_OK)
        rc = near_index_build(&ix->near, m, link_marks, name_index_starts(ix->names), ix->alpha_of);
    if (rc != DOCTAG_OK) {
        match_index_free(ix);
        return rc;
    }
    *out = ix;
    return DOCTAG_OK;
}

void match_index_free(match_index *ix)
{
    if (!ix)
        return;
    near_index_free(ix->near);
    name_index_free(ix->names);
    free(ix->alpha);
    free(ix->alpha_of);
    pattern_jit_free(ix->jit);
    free(ix);
}

void match_index_hold(const match_index *ix, int hold)
{
    pattern_jit_hold(ix->jit, hold);
}
