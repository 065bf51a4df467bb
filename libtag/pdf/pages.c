/*
 * pages.c: poppler's characters of each page, read under a time budget
 * (see pages.h for why a forked child).
 *
 * The child writes, for each page in order, a page_head followed by the
 * page's text bytes and its boxes; the parent gives each page `budget`
 * milliseconds from the moment it starts waiting for it. Closing the pipe
 * early (a crash in poppler) is reported as a damaged PDF.
 */
#if DOCTAG_HAVE_PDF

#include <errno.h>
#include <stdio.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/mman.h>

#include "error.h"
#include "doctag_limits.h"
#include "pages.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif
#ifndef DOCTAG_PDF_READER_PATH
#define DOCTAG_PDF_READER_PATH ""   /* not installed (a wheel): no helper */
#endif

extern char **environ;

static void raw_free(raw_page *rp)
{
    free(rp->text);
    free(rp->boxes);
    memset(rp, 0, sizeof *rp);
}

/* Loads one page from poppler into rp (malloc'd copies). Returns 0, or -1
 * when out of memory. */
static int raw_load(PopplerDocument *doc, int number, raw_page *rp)
{
    memset(rp, 0, sizeof *rp);
    rp->number = number;
    PopplerPage *page = poppler_document_get_page(doc, number - 1);
    if (!page)
        return 0;
    double w = 0, h = 0;
    poppler_page_get_size(page, &w, &h);
    rp->present = 1;
    rp->width = (float)w;
    rp->height = (float)h;
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n = 0;
    int rc = 0;
    if (text && poppler_page_get_text_layout(page, &rects, &n)) {
        rp->text_len = strlen(text);
        rp->text = malloc(rp->text_len + 1);
        rp->boxes = malloc((n ? n : 1) * 4 * sizeof *rp->boxes);
        if (!rp->text || !rp->boxes) {
            raw_free(rp);
            rc = -1;
        } else {
            memcpy(rp->text, text, rp->text_len + 1);
            for (guint i = 0; i < n; i++) {
                rp->boxes[4 * i] = (float)rects[i].x1;
                rp->boxes[4 * i + 1] = (float)rects[i].y1;
                rp->boxes[4 * i + 2] = (float)rects[i].x2;
                rp->boxes[4 * i + 3] = (float)rects[i].y2;
            }
            rp->n_boxes = n;
        }
    }
    g_free(rects);
    g_free(text);
    g_object_unref(page);
    return rc;
}

static int read_in_process(const pages_job *job, page_sink sink, void *ctx)
{
    for (int p = job->first; p <= job->last; p++) {
        raw_page rp;
        if (raw_load(job->doc, p, &rp) < 0)
            return error_set(DOCTAG_ERR_NOMEM, "%s: out of memory reading page %d", job->name, p);
        int rc = sink(ctx, &rp);
        raw_free(&rp);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* ---- The child ------------------------------------------------------------ */

typedef struct page_head {
    int32_t number;        /* the page, or -1: the child ran out of memory */
    int32_t present;
    float width, height;
    uint64_t text_len, n_boxes;
} page_head;

static int write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

int pages_serve(int fd, PopplerDocument *doc, int first, int last)
{
    for (int p = first; p <= last; p++) {
        raw_page rp;
        int ok = raw_load(doc, p, &rp) == 0;
        page_head h = { ok ? p : -1, rp.present, rp.width, rp.height, rp.text_len, rp.n_boxes };
        int sent = write_all(fd, &h, sizeof h) == 0 && ok
                   && write_all(fd, rp.text, rp.text_len) == 0
                   && write_all(fd, rp.boxes, rp.n_boxes * 4 * sizeof *rp.boxes) == 0;
        raw_free(&rp);
        if (!sent)
            return -1;
    }
    return 0;
}

/* ---- The parent ------------------------------------------------------------ */

typedef struct reader {
    int fd;
    long budget_ms;          /* CPU time of the child per page */
    clockid_t cpu;           /* the child's CPU clock */
    int have_cpu;            /* 0: measure wall time instead */
    struct timespec cpu0;    /* the child's CPU time when the page began */
    struct timespec wall0;   /* the wall time when the page began */
} reader;

static long ms_between(const struct timespec *a, const struct timespec *b)
{
    return (long)(b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

static void page_start(reader *r)
{
    clock_gettime(CLOCK_MONOTONIC, &r->wall0);
    if (r->have_cpu && clock_gettime(r->cpu, &r->cpu0) < 0)
        r->have_cpu = 0;
}

/* What is left of the page's budget: the child's CPU time (a loaded
 * machine slows a page down without making it costlier), and a wall-clock
 * bound LIMIT_PDF_WALL_FACTOR times wider against a child that hangs. */
static long ms_left(const reader *r)
{
    struct timespec now, cpu;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long wall_left = r->budget_ms * (r->have_cpu ? LIMIT_PDF_WALL_FACTOR : 1)
                     - ms_between(&r->wall0, &now);
    if (!r->have_cpu || clock_gettime(r->cpu, &cpu) < 0)
        return wall_left;
    long cpu_left = r->budget_ms - ms_between(&r->cpu0, &cpu);
    if (cpu_left <= 0 || wall_left <= 0)
        return 0;
    return cpu_left < wall_left ? cpu_left : wall_left;
}

enum { READ_OK = 0, READ_TIMEOUT = 1, READ_EOF = -1 };

/* Reads n bytes before the page's budget runs out. */
static int read_deadline(reader *r, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        long left = ms_left(r);
        if (left <= 0)
            return READ_TIMEOUT;
        struct pollfd pfd = { r->fd, POLLIN, 0 };
        int k = poll(&pfd, 1, left > INT32_MAX ? INT32_MAX : (int)left);
        if (k == 0 || (k < 0 && errno == EINTR))
            continue; /* the budget is checked again: the child may have been idle */
        ssize_t got = k < 0 ? -1 : read(r->fd, p, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return READ_EOF;
        p += got;
        n -= (size_t)got;
    }
    return READ_OK;
}

/* Receives one page into rp. Returns READ_OK, READ_TIMEOUT, READ_EOF (or
 * a page the child could not read) or -2 when out of memory. */
static int receive_page(reader *r, int number, raw_page *rp)
{
    page_head h;
    memset(rp, 0, sizeof *rp);
    page_start(r);
    int rc = read_deadline(r, &h, sizeof h);
    if (rc != READ_OK)
        return rc;
    if (h.number == -1)
        return -2;
    if (h.number != number || h.n_boxes > h.text_len || h.text_len > SIZE_MAX / 8)
        return READ_EOF;
    rp->number = number;
    rp->present = h.present;
    rp->width = h.width;
    rp->height = h.height;
    rp->text_len = (size_t)h.text_len;
    rp->n_boxes = (size_t)h.n_boxes;
    rp->text = malloc(rp->text_len + 1);
    rp->boxes = malloc((rp->n_boxes ? rp->n_boxes : 1) * 4 * sizeof *rp->boxes);
    if (!rp->text || !rp->boxes)
        return -2;
    rc = read_deadline(r, rp->text, rp->text_len);
    if (rc == READ_OK)
        rc = read_deadline(r, rp->boxes, rp->n_boxes * 4 * sizeof *rp->boxes);
    rp->text[rp->text_len] = '\0';
    return rc;
}

static int receive_all(reader *r, int first, int last, const char *name, page_sink sink,
                       void *ctx)
{
    for (int p = first; p <= last; p++) {
        raw_page rp;
        int rc = receive_page(r, p, &rp);
        if (rc == READ_OK)
            rc = sink(ctx, &rp);
        else if (rc == READ_TIMEOUT)
            rc = error_set(DOCTAG_ERR_PDF_LIMIT, "%s: page %d: reading its text took more "
                           "than %ld ms of CPU time (the per-page limit): stopped", name, p, r->budget_ms);
        else if (rc == -2)
            rc = error_set(DOCTAG_ERR_NOMEM, "%s: out of memory reading page %d", name, p);
        else
            rc = error_set(DOCTAG_ERR_PDF_CORRUPT, "%s: page %d: poppler failed reading it",
                           name, p);
        raw_free(&rp);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* 1 when the calling process runs one thread. A fork from a process with
 * other threads copies whatever lock one of them holds (poppler's global
 * parameters, glib's): the child could wait on it forever. So a fork is
 * only for single-threaded callers (the CLI's doctag tag and text);
 * threads (doctag batch, Python pools) start the helper program. */
static int single_threaded(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    char line[256];
    int threads = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Threads: %d", &threads) == 1)
            break;
    if (f)
        fclose(f);
    return threads == 1;
}

static void reader_init(reader *r, pid_t pid, int fd, long budget_ms)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    r->budget_ms = budget_ms;
    r->have_cpu = clock_getcpuclockid(pid, &r->cpu) == 0;
}

/* Closes the pipe and reaps the reader process, killed first if `kill_it`. */
static void reader_end(reader *r, pid_t pid, int kill_it)
{
    close(r->fd);
    if (kill_it)
        kill(pid, SIGKILL);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
}

/* Receives the pages from the reader process pid, then ends it. */
static int receive_from(reader *r, const pages_job *job, pid_t pid, page_sink sink, void *ctx)
{
    int rc = receive_all(r, job->first, job->last, job->name, sink, ctx);
    reader_end(r, pid, rc < 0);
    return rc;
}

static int read_forked(const pages_job *job, long budget_ms, page_sink sink, void *ctx)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return error_set(DOCTAG_ERR_IO, "%s: cannot make a pipe: %s", job->name, strerror(errno));
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return error_set(DOCTAG_ERR_IO, "%s: cannot fork: %s", job->name, strerror(errno));
    }
    if (pid == 0) {
        close(fds[0]);
        pages_serve(fds[1], job->doc, job->first, job->last);
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    reader r;
    reader_init(&r, pid, fds[0], budget_ms);
    return receive_from(&r, job, pid, sink, ctx);
}

/* ---- The helper program, for threaded callers -------------------------- */

/* The helper's path: $DOCTAG_PDF_READER if set (empty: none), else the
 * installed one; NULL when there is none to run. */
static const char *helper_path(void)
{
    const char *env = getenv("DOCTAG_PDF_READER");
    const char *path = env ? env : DOCTAG_PDF_READER_PATH;
    return path[0] && access(path, X_OK) == 0 ? path : NULL;
}

/* fd moved to a number above 2 (standard streams are the child's), close-on-exec. */
static int high_fd(int fd)
{
    if (fd < 0 || fd > 2)
        return fd;
    int moved = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    close(fd);
    return moved;
}

/* A memfd holding the request, the password and the PDF, at offset 0. */
static int request_fd(const pages_job *job)
{
    int fd = high_fd(memfd_create("doctag-pdf", MFD_CLOEXEC));
    size_t pw_len = job->password ? strlen(job->password) : 0;
    pages_request rq = { PAGES_MAGIC, PAGES_VERSION, job->first, job->last, (uint32_t)pw_len, 0 };
    if (fd >= 0 && (write_all(fd, &rq, sizeof rq) < 0 || write_all(fd, job->password, pw_len) < 0
                    || write_all(fd, job->data, job->size) < 0 || lseek(fd, 0, SEEK_SET) != 0)) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* Starts the helper with posix_spawn (no fork of this process: safe with
 * threads). Sets *pid and *out (its standard output); returns 0, or -1. */
static int spawn_helper(const char *path, const pages_job *job, pid_t *pid, int *out)
{
    int in = request_fd(job), fds[2] = { -1, -1 }, rc = -1;
    posix_spawn_file_actions_t fa;
    if (in < 0 || pipe2(fds, O_CLOEXEC) < 0 || (fds[0] = high_fd(fds[0])) < 0
        || (fds[1] = high_fd(fds[1])) < 0 || posix_spawn_file_actions_init(&fa) != 0)
        goto done;
    char *argv[] = { (char *)path, NULL };
    if (posix_spawn_file_actions_adddup2(&fa, in, 0) == 0
        && posix_spawn_file_actions_adddup2(&fa, fds[1], 1) == 0
        && posix_spawn(pid, path, &fa, NULL, argv, environ) == 0)
        rc = 0;
    posix_spawn_file_actions_destroy(&fa);
done:
    if (in >= 0)
        close(in);
    if (fds[1] >= 0)
        close(fds[1]);
    if (rc == 0)
        *out = fds[0];
    else if (fds[0] >= 0)
        close(fds[0]);
    return rc;
}

/* Reads the pages through the helper. Returns what pages_read() returns,
 * or 1 when the helper could not be started or does not speak our
 * protocol (then nothing was given to the sink). */
static int read_by_helper(const char *path, const pages_job *job, long budget_ms,
                          page_sink sink, void *ctx)
{
    pid_t pid;
    int fd;
    if (spawn_helper(path, job, &pid, &fd) < 0)
        return 1;
    reader r;
    reader_init(&r, pid, fd, budget_ms);
    uint32_t hello[2] = { 0, 0 };
    page_start(&r);
    if (read_deadline(&r, hello, sizeof hello) == READ_OK && hello[0] == PAGES_MAGIC
        && hello[1] == PAGES_VERSION)
        return receive_from(&r, job, pid, sink, ctx);
    reader_end(&r, pid, 1);
    return 1;
}

int pages_read(const pages_job *job, page_sink sink, void *ctx)
{
    long budget_ms = job->budget_ms;
    if (budget_ms <= 0)
        return read_in_process(job, sink, ctx);
    if (RUNNING_ON_VALGRIND)
        budget_ms *= LIMIT_PDF_VALGRIND_SLOWDOWN;
#if defined(__SANITIZE_ADDRESS__)
    budget_ms *= LIMIT_PDF_VALGRIND_SLOWDOWN / 10;   /* ASan runs 2-5x slower */
#endif
    if (single_threaded())
        return read_forked(job, budget_ms, sink, ctx);
    const char *path = helper_path();
    int rc = path ? read_by_helper(path, job, budget_ms, sink, ctx) : 1;
    return rc == 1 ? read_in_process(job, sink, ctx) : rc;
}

#else
typedef int pages_needs_pdf; /* ISO C wants a declaration in every file */
#endif /* DOCTAG_HAVE_PDF */
