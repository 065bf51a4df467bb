/* pipeline.c: worker threads over a bounded window of jobs, committed in
 * order. One lock; jobs sit in a ring of `window` slots indexed by their
 * sequence number: [head, next) taken by workers (or done, waiting for
 * their commit), [next, tail) waiting for a worker. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "pipeline.h"

/* How long the caller sleeps before ticking (progress) when nothing is done. */
#define TICK_NANOSECONDS 200000000L

enum { SLOT_QUEUED, SLOT_DONE };

struct pipeline {
    pthread_mutex_t lock;
    pthread_cond_t queued;      /* a job to take, or stop */
    pthread_cond_t done;        /* a job done */
    void **jobs;
    unsigned char *state;
    size_t window;
    size_t head, next, tail;    /* sequence numbers */
    int stop;
    pthread_t *threads;
    int n_threads;
    pipeline_calls calls;
};

static void *worker_main(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next == p->tail && !p->stop)
            pthread_cond_wait(&p->queued, &p->lock);
        if (p->next == p->tail)
            break;
        size_t slot = p->next++ % p->window;
        pthread_mutex_unlock(&p->lock);
        p->calls.work(p->calls.ctx, p->jobs[slot]);
        pthread_mutex_lock(&p->lock);
        p->state[slot] = SLOT_DONE;
        pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

int pipeline_start(pipeline **out, int workers, size_t window, const pipeline_calls *calls)
{
    pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return ENOMEM;
    p->window = window;
    p->calls = *calls;
    p->jobs = calloc(window, sizeof *p->jobs);
    p->state = calloc(window, 1);
    p->threads = calloc((size_t)workers, sizeof *p->threads);
    if (!p->jobs || !p->state || !p->threads) {
        free(p->jobs);
        free(p->state);
        free(p->threads);
        free(p);
        return ENOMEM;
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->queued, NULL);
    pthread_cond_init(&p->done, NULL);
    int err = 0;
    for (; p->n_threads < workers && !err; p->n_threads++)
        if ((err = pthread_create(&p->threads[p->n_threads], NULL, worker_main, p)) != 0)
            break;
    *out = p;
    if (err && p->n_threads == 0) {
        pipeline_finish(p);
        *out = NULL;
        return err;
    }
    return 0;   /* fewer threads than asked still do the work */
}

/* Commits the done jobs at the head, in order; with `wait`, sleeps a tick
 * first if the head job is not done. Called with the lock held. */
static void commit_ready(pipeline *p, int wait)
{
    if (wait && p->head < p->tail && p->state[p->head % p->window] != SLOT_DONE) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += TICK_NANOSECONDS;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&p->done, &p->lock, &ts);
    }
    while (p->head < p->tail && p->state[p->head % p->window] == SLOT_DONE) {
        void *job = p->jobs[p->head++ % p->window];
        pthread_mutex_unlock(&p->lock);
        p->calls.commit(p->calls.ctx, job);
        pthread_mutex_lock(&p->lock);
    }
    if (wait && p->calls.tick) {
        pthread_mutex_unlock(&p->lock);
        p->calls.tick(p->calls.ctx);
        pthread_mutex_lock(&p->lock);
    }
}

void pipeline_submit(pipeline *p, void *job)
{
    pthread_mutex_lock(&p->lock);
    while (p->tail - p->head >= p->window)
        commit_ready(p, 1);
    size_t slot = p->tail++ % p->window;
    p->jobs[slot] = job;
    p->state[slot] = SLOT_QUEUED;
    pthread_cond_signal(&p->queued);
    commit_ready(p, 0);
    pthread_mutex_unlock(&p->lock);
}

void pipeline_finish(pipeline *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->head < p->tail)
        commit_ready(p, 1);
    p->stop = 1;
    pthread_cond_broadcast(&p->queued);
    pthread_mutex_unlock(&p->lock);
    for (int i = 0; i < p->n_threads; i++)
        pthread_join(p->threads[i], NULL);
    pthread_cond_destroy(&p->queued);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->lock);
    free(p->jobs);
    free(p->state);
    free(p->threads);
    free(p);
}

