/* progress.c: a batch's progress bar or lines, and its summary. */
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

#define BAR_WIDTH 20
#define BAR_REDRAW_SECONDS 0.2

double progress_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(progress *p, FILE *out, int quiet)
{
    memset(p, 0, sizeof *p);
    p->out = out;
    p->mode = quiet ? PROGRESS_QUIET : isatty(fileno(out)) ? PROGRESS_BAR : PROGRESS_LINES;
    p->start = p->last_draw = progress_now();
    p->total = -1;
}

void progress_set_total(progress *p, long long total)
{
    p->total = total;
}

void progress_add(progress *p, int failed, int skipped, int pages,
                  const size_t entities[DOCTAG_TYPE_COUNT])
{
    p->done++;
    p->failed += failed != 0;
    p->failed_earlier += failed && skipped;
    p->skipped += skipped != 0;
    p->tagged += !failed && !skipped;
    if (skipped)
        return;
    p->pages += pages;
    for (int t = 0; t < DOCTAG_TYPE_COUNT; t++)
        p->entities[t] += entities[t];
}

/* "1:05:09", "2:05" */
static void format_duration(char *buf, size_t size, double seconds)
{
    long s = (long)(seconds + 0.5);
    if (s >= 3600)
        snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

/* The status text: counts, rates, ETA, failures. */
static void status_text(const progress *p, char *buf, size_t size, double now)
{
    double elapsed = now - p->start;
    double rate = elapsed > 0 ? (double)p->pages / elapsed : 0;
    long long work = p->done - p->skipped;
    char total[32] = "?", eta[32] = "?";
    if (p->total >= 0) {
        snprintf(total, sizeof total, "%lld", p->total);
        if (work > 0 && elapsed > 1 && p->total >= p->done)
            format_duration(eta, sizeof eta,
                            elapsed / (double)work * (double)(p->total - p->done));
    }
    snprintf(buf, size, "%lld/%s docs  %.1f pages/s  ETA %s  %lld failed", p->done, total,
             rate, eta, p->failed);
}

static void draw(progress *p, double now)
{
    char text[160];
    status_text(p, text, sizeof text, now);
    if (p->mode == PROGRESS_LINES) {
        fprintf(p->out, "doctag batch: %s\n", text);
        return;
    }
    char bar[BAR_WIDTH + 1];
    int filled = p->total > 0 ? (int)(BAR_WIDTH * p->done / (p->total ? p->total : 1)) : 0;
    if (filled > BAR_WIDTH)
        filled = BAR_WIDTH;
    memset(bar, '#', (size_t)filled);
    memset(bar + filled, '.', (size_t)(BAR_WIDTH - filled));
    bar[BAR_WIDTH] = '\0';
    fprintf(p->out, "\r\033[K[%s] %s", bar, text);
    fflush(p->out);
    p->bar_drawn = 1;
}

void progress_tick(progress *p)
{
    if (p->mode == PROGRESS_QUIET)
        return;
    double now = progress_now();
    double every = p->mode == PROGRESS_BAR ? BAR_REDRAW_SECONDS : PROGRESS_LINE_SECONDS;
    if (now - p->last_draw >= every) {
        p->last_draw = now;
        draw(p, now);
    }
}

void progress_clear(progress *p)
{
    if (p->bar_drawn) {
        fputs("\r\033[K", p->out);
        p->bar_drawn = 0;
    }
}

void progress_finish(progress *p)
{
    progress_clear(p);
    if (p->mode == PROGRESS_QUIET)
        return;
    double elapsed = progress_now() - p->start;
    fprintf(p->out, "doctag batch: %lld document%s: %lld tagged, %lld failed (%lld in an "
            "earlier run), %lld passed by (done earlier); %lld pages; entities:", p->done,
            p->done == 1 ? "" : "s", p->tagged, p->failed, p->failed_earlier,
            p->skipped - p->failed_earlier, p->pages);
    for (int t = 0; t < DOCTAG_TYPE_COUNT; t++)
        fprintf(p->out, " %s %llu", doctag_type_name(t), p->entities[t]);
    fprintf(p->out, "; %.1f s (%.1f docs/s, %.1f pages/s)\n", elapsed,
            elapsed > 0 ? (double)(p->done - p->skipped) / elapsed : 0,
            elapsed > 0 ? (double)p->pages / elapsed : 0);
}
