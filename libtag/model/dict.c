/* dict.c: parse dictionary sources (format: models/README.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "error.h"
#include "file.h"
#include "doctag_limits.h"
#include "vec.h"

#define MAX_PREFIX_SETS 32
#define MAX_PREFIXES 16

typedef struct prefix_set {
    char name[32];
    char *alt[MAX_PREFIXES];
    int n;
} prefix_set;

typedef struct parser {
    dict *d;
    const char *name;   /* the dict's copy of the source's name */
    int line;
    int type;           /* current @type; -2 before the first */
    prefix_set sets[MAX_PREFIX_SETS];
    int n_sets;
    char *near;         /* @near literals for the next entry's patterns */
    size_t near_len;
} parser;

static const char *const canon_names[] = {
    [CANON_ID] = "id", [CANON_NAME] = "name", [CANON_MONEY] = "money",
    [CANON_UN_SYMBOL] = "un_symbol", [CANON_STATUTE] = "statute", [CANON_CASE] = "case",
    [CANON_RESOLUTION] = "resolution", [CANON_GENERAL_COMMENT] = "general_comment",
};

int dict_canon_kind(const char *name)
{
    for (size_t i = 1; i < sizeof canon_names / sizeof *canon_names; i++)
        if (strcmp(name, canon_names[i]) == 0)
            return (int)i;
    return -1;
}

static int syntax(parser *p, const char *what)
{
    return error_set(DOCTAG_ERR_DICT_SYNTAX, "%s:%d: %s", p->name, p->line, what);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

/* 1 if a line holds a control character other than tab (and the CR of a
 * CRLF line end): IDs become canonical forms, which hold none. */
static int has_control(const char *s, size_t n)
{
    unsigned char any = 0;   /* first a loop the compiler vectorises: most lines have none */
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++)
        any |= (unsigned char)((u[i] < 0x20) | (u[i] == 0x7f));
    if (!any)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && !(c == '\r' && i + 1 == n)) || c == 0x7f)
            return 1;
    }
    return 0;
}

static int add_entry(parser *p, const char *id, canon_kind canon)
{
    dict *d = p->d;
    if (!vec_reserve((void **)&d->entries, &d->cap_entries, d->n_entries + 1, sizeof *d->entries))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory reading %s", p->name);
    char *copy = strdup(id);
    if (!copy)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory reading %s", p->name);
    d->entries[d->n_entries++] = (dict_entry){ p->type, canon, copy };
    return DOCTAG_OK;
}

static int add_variant(parser *p, int is_pattern, const char *prefix, const char *text)
{
    dict *d = p->d;
    if (!vec_reserve((void **)&d->variants, &d->cap_variants, d->n_variants + 1,
                     sizeof *d->variants))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory reading %s", p->name);
    size_t n_prefix = prefix ? strlen(prefix) + 1 : 0, n_text = strlen(text) + 1;
    char *s = malloc(n_prefix + n_text);
    if (!s)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory reading %s", p->name);
    if (prefix) {   /* "prefix name" */
        memcpy(s, prefix, n_prefix - 1);
        s[n_prefix - 1] = ' ';
    }
    memcpy(s + n_prefix, text, n_text);
    char *near = NULL;
    if (is_pattern && p->near) {
        if (!(near = malloc(p->near_len))) {
            free(s);
            return error_set(DOCTAG_ERR_NOMEM, "out of memory reading %s", p->name);
        }
        memcpy(near, p->near, p->near_len);
    }
    d->variants[d->n_variants++] = (dict_variant){ d->n_entries - 1, is_pattern, s, p->name, p->line, near };
    return DOCTAG_OK;
}

static prefix_set *find_set(parser *p, const char *name, size_t len)
{
    for (int i = 0; i < p->n_sets; i++)
        if (strlen(p->sets[i].name) == len && memcmp(p->sets[i].name, name, len) == 0)
            return &p->sets[i];
    return NULL;
}

/* Splits "A | B | C" in place; returns the count, or -1 past `max`. */
static int split_bars(char *s, char **parts, int max)
{
    int n = 0;
    for (;;) {
        if (n == max)
            return -1;
        char *bar = strstr(s, " | ");
        if (bar)
            *bar = '\0';
        parts[n++] = trim(s);
        if (!bar)
            return n;
        s = bar + 3;
    }
}

static int parse_prefix(parser *p, char *rest)
{
    char *eq = strstr(rest, " = ");
    if (!eq)
        return syntax(p, "expected '@prefix NAME = A | B | ...'");
    *eq = '\0';
    char *name = trim(rest);
    if (!*name || strlen(name) >= sizeof p->sets[0].name || strpbrk(name, "{} "))
        return syntax(p, "a prefix name is one short word");
    if (find_set(p, name, strlen(name)))
        return syntax(p, "prefix defined twice");
    if (p->n_sets == MAX_PREFIX_SETS)
        return syntax(p, "too many @prefix sets");
    prefix_set *set = &p->sets[p->n_sets];
    char *parts[MAX_PREFIXES];
    int n = split_bars(eq + 3, parts, MAX_PREFIXES);
    if (n < 0)
        return syntax(p, "too many alternatives in @prefix");
    for (int i = 0; i < n; i++)
        if (!*parts[i])
            return syntax(p, "empty alternative in @prefix");
    /* counted before its alternatives are copied: dict_parse() frees
     * whatever was copied, whatever happens next */
    memset(set, 0, sizeof *set);
    strcpy(set->name, name);
    p->n_sets++;
    for (int i = 0; i < n; i++)
        if (!(set->alt[set->n++] = strdup(parts[i])))
            return error_set(DOCTAG_ERR_NOMEM, "out of memory reading %s", p->name);
    return DOCTAG_OK;
}

/* @near "lit" | "lit": the next entry's patterns are only tried where one
 * of these literals occurs (a fast memmem pre-filter for costly patterns). */
static int parse_near(parser *p, char *rest)
{
    char *parts[DICT_MAX_NEAR];
    int n = split_bars(rest, parts, DICT_MAX_NEAR);
    if (n < 0)
        return syntax(p, "too many literals in @near");
    free(p->near);
    p->near = NULL;
    size_t total = 1;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(parts[i]);
        if (len >= 2 && parts[i][0] == '"' && parts[i][len - 1] == '"') {
            parts[i][len - 1] = '\0';
            parts[i]++;
        }
        if (!*parts[i])
            return syntax(p, "empty literal in @near");
        total += strlen(parts[i]) + 1;
    }
    if (!(p->near = malloc(total)))
        return error_set(DOCTAG_ERR_NOMEM, "out of memory reading %s", p->name);
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        strcpy(p->near + k, parts[i]);
        k += strlen(parts[i]) + 1;
    }
    p->near[k] = '\0';
    p->near_len = total;
    return DOCTAG_OK;
}

static int parse_type(parser *p, char *rest)
{
    rest = trim(rest);
    if (strcmp(rest, "block") == 0) {
        p->type = DICT_TYPE_BLOCK;
        return DOCTAG_OK;
    }
    for (int i = 0; i < DOCTAG_TYPE_COUNT; i++)
        if (strcmp(rest, doctag_type_name(i)) == 0) {
            p->type = i;
            return DOCTAG_OK;
        }
    return syntax(p, "unknown @type (money, un_symbol, agency, instrument or block)");
}

/* One literal variant, maybe "{set} text": adds it bare and with each prefix. */
static int parse_literal(parser *p, char *v)
{
    if (*v != '{')
        return add_variant(p, 0, NULL, v);
    char *close = strchr(v, '}');
    if (!close || close[1] != ' ' || !*trim(close + 1))
        return syntax(p, "expected '{prefix} name'");
    prefix_set *set = find_set(p, v + 1, (size_t)(close - v - 1));
    if (!set)
        return syntax(p, "unknown {prefix} (define it with @prefix first)");
    char *name = trim(close + 1);
    int rc = add_variant(p, 0, NULL, name);
    for (int i = 0; rc == DOCTAG_OK && i < set->n; i++)
        rc = add_variant(p, 0, set->alt[i], name);
    return rc;
}

/* "ID" or "%kind" before " = ": adds the entry. */
static int parse_entry_id(parser *p, char *line)
{
    if (p->type == -2)
        return syntax(p, "entry before any @type line");
    char *id = trim(line);
    if (!*id)
        return syntax(p, "empty ID before ' = '");
    if (strpbrk(id, ";\t"))   /* the canonical form is "key=value;key=value" */
        return syntax(p, "';' or a tab in an ID");
    canon_kind canon = CANON_ID;
    if (*id == '%') {
        int k = dict_canon_kind(id + 1);
        if (k < 0)
            return syntax(p, "unknown canonicaliser (%money, %un_symbol, %statute, %case, "
                             "%resolution, %general_comment, %name)");
        canon = (canon_kind)k;
        id++;
    }
    return add_entry(p, id, canon);
}

/* A /pattern/ at *s: it runs to the first unescaped '/' followed by the end
 * of the line or by " | ". *s moves past the bar after it. */
static int parse_pattern_variant(parser *p, char **s)
{
    char *end = NULL;
    for (char *q = *s + 1; *q && !end; q++) {
        if (*q == '\\' && q[1]) {
            q++;
            continue;
        }
        if (*q == '/') {
            char *r = q + 1;
            while (*r == ' ' || *r == '\t')
                r++;
            if (!*r || (*r == '|' && (r[1] == ' ' || !r[1])))
                end = q;
        }
    }
    if (!end || end == *s + 1)
        return syntax(p, "unterminated or empty /pattern/");
    *end = '\0';
    int rc = add_variant(p, 1, NULL, *s + 1);
    char *r = end + 1;
    while (*r == ' ' || *r == '\t')
        r++;
    if (*r == '|')
        r++;
    else if (*r)
        return syntax(p, "expected ' | ' after a /pattern/");
    *s = r;
    return rc;
}

/* A literal variant at *s, up to the next " | "; *s moves past it. */
static int parse_literal_variant(parser *p, char **s)
{
    char *end = strstr(*s, " | ");
    char *next = end ? end + 3 : *s + strlen(*s);
    if (end)
        *end = '\0';
    char *v = trim(*s);
    size_t vlen = strlen(v);
    if (!*v || *v == '|' || v[vlen - 1] == '|')   /* "A | | B", "A |" */
        return syntax(p, "empty variant");
    *s = next;
    return parse_literal(p, v);
}

static int parse_entry(parser *p, char *line)
{
    char *eq = strstr(line, " = ");
    if (!eq)
        return syntax(p, "expected 'ID = variant | variant | ...'");
    *eq = '\0';
    int rc = parse_entry_id(p, line);
    char *s = eq + 3;
    int count = 0;
    while (rc == DOCTAG_OK) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        rc = *s == '/' ? parse_pattern_variant(p, &s) : parse_literal_variant(p, &s);
        count++;
    }
    if (rc == DOCTAG_OK && count == 0)
        return syntax(p, "entry has no variant after ' = '");
    return rc;
}

/* Keeps a copy of a source's name in the dict (the variants point to it). */
static const char *keep_file_name(dict *d, const char *name)
{
    if (!vec_reserve((void **)&d->files, &d->cap_files, d->n_files + 1, sizeof *d->files) ||
        !(d->files[d->n_files] = strdup(name)))
        return NULL;
    return d->files[d->n_files++];
}

int dict_parse(dict *d, const char *name, const char *src, size_t len)
{
    const char *kept = keep_file_name(d, name);
    if (!kept)
        return error_set(DOCTAG_ERR_NOMEM, "out of memory reading %s", name);
    parser p = { .d = d, .name = kept, .type = -2 };
    int rc = DOCTAG_OK;
    size_t pos = 0;
    char *buf = NULL;
    size_t cap = 0;
    while (rc == DOCTAG_OK && pos < len) {
        const char *nl = memchr(src + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (src + pos)) : len - pos;
        p.line++;
        if (!vec_reserve((void **)&buf, &cap, n + 1, 1)) {
            rc = error_set(DOCTAG_ERR_NOMEM, "out of memory reading %s", name);
            break;
        }
        memcpy(buf, src + pos, n);
        buf[n] = '\0';
        pos += n + 1;
        if (has_control(buf, n)) {
            rc = syntax(&p, "control character in line (only tab is allowed)");
            break;
        }
        char *line = trim(buf);
        if (!*line || *line == '#')
            continue;
        if (strncmp(line, "@type", 5) == 0 && (line[5] == ' ' || line[5] == '\t'))
            rc = parse_type(&p, line + 6);
        else if (strncmp(line, "@prefix", 7) == 0 && (line[7] == ' ' || line[7] == '\t'))
            rc = parse_prefix(&p, line + 8);
        else if (strncmp(line, "@near", 5) == 0 && (line[5] == ' ' || line[5] == '\t'))
            rc = parse_near(&p, line + 6);
        else if (*line == '@')
            rc = syntax(&p, "unknown directive (@type, @prefix or @near)");
        else {
            rc = parse_entry(&p, line);
            free(p.near);   /* @near applies to one entry */
            p.near = NULL;
        }
    }
    free(buf);
    free(p.near);
    for (int i = 0; i < p.n_sets; i++)
        for (int j = 0; j < p.sets[i].n; j++)
            free(p.sets[i].alt[j]);
    return rc;
}

int dict_parse_file(dict *d, const char *path)
{
    char *buf;
    size_t n;
    int rc = file_read_all(path, &buf, &n, LIMIT_MAX_INPUT_BYTES);
    if (rc != DOCTAG_OK)
        return rc;
    rc = dict_parse(d, path, buf, n);
    free(buf);
    return rc;
}

void dict_free(dict *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_entries; i++)
        free(d->entries[i].id);
    for (size_t i = 0; i < d->n_variants; i++) {
        free(d->variants[i].text);
        free(d->variants[i].near);
    }
    for (size_t i = 0; i < d->n_files; i++)
        free(d->files[i]);
    free(d->files);
    free(d->entries);
    free(d->variants);
    memset(d, 0, sizeof *d);
}
