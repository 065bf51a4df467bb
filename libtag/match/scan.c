/* scan.c: spans and running one pattern (see scan.h). */
#include <stdlib.h>
#include <string.h>

#include "doctag_limits.h"
#include "scan.h"
#include "vec.h"

int span_list_push(span_list *l, span s)
{
    if (!vec_reserve((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items))
        return 0;
    l->items[l->n++] = s;
    return 1;
}

int match_limit_error(int rc)
{
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
           rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

int match_skip_push(match_exec *x, match_skip s)
{
    skip_list *l = x->skipped;
    if (!l)
        return 1;   /* the caller keeps no record (match.h) */
    if (!vec_reserve((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items))
        return 0;
    l->items[l->n++] = s;
    return 1;
}

void span_list_free(span_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

uint32_t match_mark_entry(const match_exec *x)
{
    PCRE2_SPTR mark = pcre2_get_mark(x->md);
    if (!mark)
        return UINT32_MAX;
    uint32_t v = 0;
    for (const unsigned char *p = mark; *p >= '0' && *p <= '9'; p++)
        v = v * 10 + (uint32_t)(*p - '0');
    return v;
}

int match_run(match_exec *x, const pcre2_code *code, int jit, const char *text, size_t len,
              size_t pos)
{
    int rc = jit ? pcre2_jit_match(code, (PCRE2_SPTR)text, len, pos, 0, x->md, x->mc)
                 : PCRE2_ERROR_JIT_BADOPTION;
    if (rc == PCRE2_ERROR_JIT_BADOPTION)   /* no JIT code (yet): the interpreter */
        rc = pcre2_match(code, (PCRE2_SPTR)text, len, pos, 0, x->md, x->mc);
    if (rc != PCRE2_ERROR_JIT_STACKLIMIT || x->js)
        return rc;
    if (!(x->js = pcre2_jit_stack_create(LIMIT_JIT_STACK_START, LIMIT_JIT_STACK_MAX, NULL)))
        return PCRE2_ERROR_NOMEMORY;
    pcre2_jit_stack_assign(x->mc, NULL, x->js);
    return match_run(x, code, jit, text, len, pos);
}

int match_run_local(match_exec *x, const pcre2_code *code, uint32_t index, const char *text,
                    size_t len, size_t pos, size_t *para_end)
{
    int rc = match_run(x, code, 1, text, len, pos);
    if (!match_limit_error(rc))
        return rc;
    const char *nl = memchr(text + pos, '\n', len - pos);
    *para_end = nl ? (size_t)(nl - text) : len;
    rc = match_run(x, code, 1, text, *para_end, pos);
    if (!match_limit_error(rc))
        return rc;
    if (!match_skip_push(x, (match_skip){ pos, *para_end, index, rc }))
        return PCRE2_ERROR_NOMEMORY;
    return MATCH_SKIPPED;
}
