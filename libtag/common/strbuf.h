/* strbuf.h: a growable string, for building patterns and canonical forms. */
#ifndef DOCTAG_STRBUF_H
#define DOCTAG_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
    char *s;
    size_t len, cap;
    int failed;   /* set once an allocation failed; the content is then partial */
} strbuf;

void sb_putn(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(strbuf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hands the string over (NULL if an allocation failed) and resets b. */
char *sb_take(strbuf *b);
void sb_free(strbuf *b);

#endif
