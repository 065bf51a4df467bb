/* alphabet.c: the bytes a pcre2 pattern can match (see alphabet.h). */
#include <string.h>

#include "alphabet.h"

/* What the reader collects: the bytes, whether the pattern folds case, and
 * `all` once a construct it does not read has made every byte possible. */
typedef struct reader {
    unsigned char set[32];
    int caseless;
    int all;
    int negated;   /* depth inside negative lookarounds: nothing counted */
} reader;

static void add_byte(unsigned char *set, unsigned c, int caseless)
{
    set[(c & 0xff) >> 3] |= (unsigned char)(1u << (c & 7));
    if (caseless && ((c | 32) >= 'a' && (c | 32) <= 'z')) {
        unsigned o = c ^ 32;
        set[o >> 3] |= (unsigned char)(1u << (o & 7));
    }
}

static void add_range(unsigned char *set, unsigned lo, unsigned hi, int caseless)
{
    for (unsigned c = lo; c <= hi && c < 256; c++)
        add_byte(set, c, caseless);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 32) >= 'a' && (c | 32) <= 'f')
        return (c | 32) - 'a' + 10;
    return -1;
}

/* \xhh: the byte; *p is after the 'x'. -1 for \x{...} (not read). */
static int hex_escape(const char **p)
{
    int v = 0, n = 0, d;
    if (**p == '{')
        return -1;
    while (n < 2 && (d = hex_value(**p)) >= 0) {
        v = v * 16 + d;
        (*p)++;
        n++;
    }
    return v;
}

/* One escape at *p (after the backslash), its bytes added to `set`.
 * Returns the single byte it stands for (a range end in a class), -2 for a
 * set of bytes or an assertion, -1 when not read (every byte). */
static int escape(const char **p, unsigned char *set, int caseless, int in_class)
{
    char e = **p;
    if (!e)
        return -1;   /* a lone '\\' at the end (pcre2 refuses it) */
    (*p)++;
    static const char simple[] = "nN\ntT\trR\rfF\feE\033aA\007";
    switch (e) {
    case 'd':
        add_range(set, '0', '9', 0);
        return -2;
    case 'w':
        add_range(set, '0', '9', 0);
        add_range(set, 'A', 'Z', 0);
        add_range(set, 'a', 'z', 0);
        add_byte(set, '_', 0);
        return -2;
    case 's':
        add_range(set, '\t', '\r', 0);
        add_byte(set, ' ', 0);
        return -2;
    case 'b':
        if (in_class)
            break;
        return -2;
    case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K': case 'E':
        return -2;
    case 'x': {
        int v = hex_escape(p);
        if (v >= 0)
            add_byte(set, (unsigned)v, caseless);
        return v;
    }
    default:
        for (const char *s = simple; *s; s += 3)
            if (e == s[0]) {
                add_byte(set, (unsigned char)s[2], 0);
                return (unsigned char)s[2];
            }
        if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9') || !e)
            return -1;   /* \D \W \S \p \Q, back-references ...: not read */
        add_byte(set, (unsigned char)e, caseless);
        return (unsigned char)e;
    }
    add_byte(set, '\b', 0);
    return '\b';
}

/* A class [...] at *p (after the '['), into `set`. Returns 0 when a part
 * of it is not read. */
static int char_class(const char **p, unsigned char *set, int caseless)
{
    unsigned char own[32] = { 0 };
    int negate = **p == '^';
    *p += negate;
    for (int first = 1; **p && (first || **p != ']'); first = 0) {
        if ((*p)[0] == '[' && (*p)[1] == ':')
            return 0;
        int lo = (unsigned char)*(*p)++;
        if (lo == '\\' && (lo = escape(p, own, caseless, 1)) == -1)
            return 0;
        if (lo >= 0)
            add_byte(own, (unsigned)lo, caseless);
        if (lo < 0 || (*p)[0] != '-' || (*p)[1] == ']' || !(*p)[1])
            continue;
        (*p)++;
        int hi = (unsigned char)*(*p)++;
        if (hi == '\\' && (hi = escape(p, own, caseless, 1)) < 0)
            return 0;
        add_range(own, (unsigned)lo, (unsigned)hi, caseless);
    }
    if (**p != ']')
        return 0;
    (*p)++;
    for (int k = 0; k < 32; k++)
        set[k] |= (unsigned char)(negate ? ~own[k] : own[k]);
    return 1;
}

/* A group opening at *p (after the '('): pushes its kind on `stack` (1: a
 * negative lookaround). Returns 0 when not read. */
static int group(const char **p, reader *r, unsigned char *stack, int *depth)
{
    const char *s = *p;
    int neg = 0;
    if (*s == '*' || (s[0] == '?' && s[1] == '#')) {   /* (*VERB:name), (?#...) */
        const char *e = strchr(s, ')');
        if (!e)
            return 0;
        *p = e + 1;
        return 1;
    }
    if (*s == '?') {
        s++;
        if (*s == '<' && (s[1] == '=' || s[1] == '!'))
            s++;
        if (*s == '!')
            neg = 1;
        else if (*s != ':' && *s != '=' && *s != '>' && *s != '|')
            return 0;   /* named groups, flags, conditions, recursion */
        s++;
    }
    if (*depth >= 64)
        return 0;
    stack[(*depth)++] = (unsigned char)neg;
    r->negated += neg;
    *p = s;
    return 1;
}

/* {n}, {n,}, {n,m}: a quantifier to skip (else '{' is a literal, and so
 * is "{,m}" for a pcre2 older than 10.43: read as literals here, which
 * only adds bytes). */
static const char *quantifier_end(const char *p)
{
    const char *s = p + 1;
    if (*s < '0' || *s > '9')
        return NULL;
    while ((*s >= '0' && *s <= '9') || *s == ',')
        s++;
    return *s == '}' ? s + 1 : NULL;
}

int alphabet_of_pattern(unsigned char bits[32], const char *src)
{
    reader r = { { 0 }, strstr(src, "(?i") != NULL, 0, 0 };
    unsigned char stack[64];
    int depth = 0;
    const char *p = src;
    while (*p && !r.all) {
        unsigned char scratch[32] = { 0 };
        unsigned char *set = r.negated ? scratch : r.set;
        char c = *p++;
        const char *q;
        if (c == '\\')
            r.all = escape(&p, set, r.caseless, 0) == -1;
        else if (c == '[')
            r.all = !char_class(&p, set, r.caseless);
        else if (c == '(')
            r.all = !group(&p, &r, stack, &depth);
        else if (c == ')')
            r.negated -= depth > 0 ? stack[--depth] : 0;
        else if (c == '.')
            r.all = 1;
        else if (c == '{' && (q = quantifier_end(p - 1)))
            p = q;
        else if (!strchr("|*+?^$", c))
            add_byte(set, (unsigned char)c, r.caseless);
    }
    if (r.all)
        memset(r.set, 0xff, sizeof r.set);
    memcpy(bits, r.set, sizeof r.set);
    for (int k = 0; k < 32; k++)
        if (r.set[k] != 0xff)
            return 1;
    return 0;
}

void alphabet_bytes(const unsigned char bits[32], unsigned char bytes[256])
{
    for (unsigned c = 0; c < 256; c++)
        bytes[c] = alphabet_has(bits, (unsigned char)c) != 0;
}

size_t alphabet_window(const unsigned char bytes[256], const char *text, size_t from, size_t hit)
{
    const unsigned char *t = (const unsigned char *)text;
    for (size_t i = hit; i > from; i--)
        if (!bytes[t[i - 1]])
            return i;
    return from;
}
