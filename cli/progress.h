/* progress.h: a batch's progress on stderr, and its final summary.
 *
 * On a terminal, one line redrawn in place (at most 5 times a second):
 *   [#######.............]  312/800 docs  41.3 pages/s  ETA 2:05  3 failed
 * Otherwise (a log file, a pipe), a plain line every PROGRESS_LINE_SECONDS.
 * The total may be unknown for a while (it is counted alongside). Not
 * thread-safe: one thread (the batch's) calls it. */
#ifndef DOCTAG_CLI_PROGRESS_H
#define DOCTAG_CLI_PROGRESS_H

#include <stdio.h>

#include "doctag.h"

#define PROGRESS_LINE_SECONDS 10.0

typedef enum progress_mode {
    PROGRESS_QUIET,   /* nothing, no summary */
    PROGRESS_LINES,   /* periodic plain lines */
    PROGRESS_BAR      /* a bar redrawn in place */
} progress_mode;

typedef struct progress {
    FILE *out;
    progress_mode mode;
    double start, last_draw;
    long long total;          /* -1 while unknown */
    long long done, tagged, skipped, failed, failed_earlier, pages;
    unsigned long long entities[DOCTAG_TYPE_COUNT];
    int bar_drawn;
} progress;

/* PROGRESS_BAR when `out` is a terminal, else PROGRESS_LINES; `quiet`:
 * PROGRESS_QUIET. */
void progress_init(progress *p, FILE *out, int quiet);

/* Seconds since an arbitrary point (a monotonic clock). */
double progress_now(void);

void progress_set_total(progress *p, long long total);

/* One document committed: tagged (with its pages and entity counts) or
 * failed, now or in an earlier run (`skipped`: passed by this time). */
void progress_add(progress *p, int failed, int skipped, int pages,
                  const size_t entities[DOCTAG_TYPE_COUNT]);

/* Redraws if it is time. */
void progress_tick(progress *p);

/* Clears the bar so that a message can be printed on stderr. */
void progress_clear(progress *p);

/* Clears the bar and prints the summary (unless quiet). */
void progress_finish(progress *p);

#endif
