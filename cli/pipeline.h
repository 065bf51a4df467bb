/* pipeline.h: jobs done by worker threads, committed in submission order.
 *
 * The caller's thread submits jobs; N worker threads run `work` on them
 * in any order; `commit` runs in the caller's thread in the order the jobs
 * were submitted (so output is the same whatever N). At most `window`
 * jobs are in flight: submit blocks (committing what is done) while the
 * window is full, which bounds memory whatever the number of jobs. */
#ifndef DOCTAG_CLI_PIPELINE_H
#define DOCTAG_CLI_PIPELINE_H

#include <stddef.h>

typedef struct pipeline pipeline;

typedef struct pipeline_calls {
    void (*work)(void *ctx, void *job);     /* in a worker thread */
    void (*commit)(void *ctx, void *job);   /* in the caller's thread, in order */
    void (*tick)(void *ctx);                /* in the caller's thread, while waiting */
    void *ctx;
} pipeline_calls;

/* Starts `workers` threads. Returns 0 or an errno value. */
int pipeline_start(pipeline **out, int workers, size_t window, const pipeline_calls *calls);

/* Queues a job (blocking while the window is full). */
void pipeline_submit(pipeline *p, void *job);

/* Waits for every job, commits them, joins the threads and frees `p`. */
void pipeline_finish(pipeline *p);

#endif
