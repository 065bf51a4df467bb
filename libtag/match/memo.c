/* memo.c: the short forms a document defines, a hash set of their names
 * (memo.h). */
#include <stdlib.h>
#include <string.h>

#include "doctag.h"
#include "hash.h"
#include "memo.h"
#include "vec.h"

/* The slot of the memo named name[0..len), or the empty one it would take. */
static size_t memo_slot(const memo_list *l, const char *name, size_t len)
{
    size_t h = hash_fnv1a(HASH_FNV_SEED, name, len) & (l->n_slots - 1);
    for (; l->slots[h]; h = (h + 1) & (l->n_slots - 1)) {
        const memo *o = &l->items[l->slots[h] - 1];
        if (o->len == len && memcmp(o->name, name, len) == 0)
            break;
    }
    return h;
}

static int memo_rehash(memo_list *l)
{
    size_t size = l->n_slots ? 2 * l->n_slots : 64;
    uint32_t *old = l->slots;
    if (!(l->slots = calloc(size, sizeof *l->slots))) {
        l->slots = old;
        return DOCTAG_ERR_NOMEM;
    }
    free(old);
    l->n_slots = size;
    for (size_t k = 0; k < l->n; k++)
        l->slots[memo_slot(l, l->items[k].name, l->items[k].len)] = (uint32_t)(k + 1);
    return DOCTAG_OK;
}

int memo_push(memo_list *l, memo m)
{
    if (2 * (l->n + 1) > l->n_slots && memo_rehash(l) != DOCTAG_OK)
        return DOCTAG_ERR_NOMEM;
    size_t slot = memo_slot(l, m.name, m.len);
    if (l->slots[slot])
        return DOCTAG_OK;   /* the first definition holds */
    if (!vec_reserve((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items))
        return DOCTAG_ERR_NOMEM;
    l->items[l->n++] = m;
    l->slots[slot] = (uint32_t)l->n;
    return DOCTAG_OK;
}

const memo *memo_find(const memo_list *l, const char *name, size_t len)
{
    if (!l->n_slots)
        return NULL;
    uint32_t k = l->slots[memo_slot(l, name, len)];
    return k ? &l->items[k - 1] : NULL;
}

void memo_list_free(memo_list *l)
{
    free(l->items);
    free(l->slots);
}
