/* jit.c: JIT-compiling a model's patterns on first use (see jit.h). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "jit.h"

struct pattern_jit {
    pthread_mutex_t lock;
    size_t n;
    atomic_uchar done[];   /* per pattern: 1 once compiled */
};

pattern_jit *pattern_jit_new(size_t n)
{
    pattern_jit *j = malloc(sizeof *j + (n ? n : 1) * sizeof j->done[0]);
    if (!j)
        return NULL;
    if (pthread_mutex_init(&j->lock, NULL) != 0) {
        free(j);
        return NULL;
    }
    j->n = n;
    for (size_t i = 0; i < n; i++)
        atomic_init(&j->done[i], 0);
    return j;
}

void pattern_jit_free(pattern_jit *j)
{
    if (!j)
        return;
    pthread_mutex_destroy(&j->lock);
    free(j);
}

void pattern_jit_ready(pattern_jit *j, size_t i, const pcre2_code *code)
{
    if (i >= j->n || atomic_load_explicit(&j->done[i], memory_order_acquire))
        return;
    pthread_mutex_lock(&j->lock);
    if (!atomic_load_explicit(&j->done[i], memory_order_relaxed)) {
        /* the model is read-only to its users; only its JIT code is added,
         * once, here */
        pcre2_jit_compile((pcre2_code *)code, PCRE2_JIT_COMPLETE);
        atomic_store_explicit(&j->done[i], 1, memory_order_release);
    }
    pthread_mutex_unlock(&j->lock);
}

void pattern_jit_hold(pattern_jit *j, int hold)
{
    if (hold)
        pthread_mutex_lock(&j->lock);
    else
        pthread_mutex_unlock(&j->lock);
}
