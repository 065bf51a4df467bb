/* layouttest.c: synthetic pages for the PDF layout tests (see layouttest.h). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "layouttest.h"
#include "vec.h"

/* Room for `need` elements in *items (vec_reserve(), the library's one
 * growable array); the test fails when memory runs out. */
static void grow(void *items, size_t *cap, size_t need, size_t elem)
{
    cr_assert(vec_reserve(items, cap, need, elem), "out of memory");
}

void new_page(synth *s, float w, float h)
{
    grow(&s->p, &s->cap_p, s->np + 1, sizeof *s->p);
    layout_page *p = &s->p[s->np++];
    p->number = (int)s->np;
    p->width = w;
    p->height = h;
    p->first_line = s->nl;
    p->n_lines = 0;
}

size_t add_line(synth *s, float x, float base, float size, float box, const char *text)
{
    size_t n = strlen(text);
    grow(&s->g, &s->cap_g, s->ng + n, sizeof *s->g);
    grow(&s->l, &s->cap_l, s->nl + 1, sizeof *s->l);
    layout_line *l = &s->l[s->nl];
    memset(l, 0, sizeof *l);
    l->page = (int)s->np;
    l->first = s->ng;
    l->count = n;
    l->size = box;
    l->base = base;
    l->x0 = x;
    l->x1 = x + 0.5f * size * (float)n;
    l->y0 = base - box;
    l->y1 = base;
    for (size_t i = 0; i < n; i++) {
        layout_glyph *g = &s->g[s->ng++];
        g->cp = (unsigned char)text[i];
    }
    s->p[s->np - 1].n_lines++;
    return s->nl++;
}

void synth_free(synth *s)
{
    free(s->g);
    free(s->l);
    free(s->p);
}

const char *line_text(const synth *s, size_t i)
{
    static char buf[512];
    size_t n = s->l[i].count < sizeof buf - 1 ? s->l[i].count : sizeof buf - 1;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)s->g[s->l[i].first + k].cp;
    buf[n] = '\0';
    return buf;
}

void order_of(synth *s, size_t page, size_t *order, long *n)
{
    *n = layout_reading_order(s->l, s->g, &s->p[page], order);
    cr_assert_geq(*n, 0);
}
