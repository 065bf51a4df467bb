/*
 * pages.c: poppler's characters of each page, read under a time budget
 * (see pages.h for why in other processes): the caller's side. The
 * readers' side is pages_serve.c.
 *
 * Each reader writes, for each of its pages in order, a page_head followed
 * by the page's text bytes and its boxes; the parent takes the pages in
 * order, each from its reader, and gives each page `budget` milliseconds
 * of its reader's CPU time. Closing the pipe early (a crash in poppler) is
 * reported as a damaged PDF naming the page. On any error every reader is
 * killed and reaped.
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
#include <sched.h>

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

static int read_in_process(const pages_job *job, page_sink sink, void *ctx)
{
    for (int p = job->first; p <= job->last; p++) {
        raw_page rp;
        if (pages_load(job->doc, p, &rp) < 0)
            return error_set(DOCTAG_ERR_NOMEM, "%s: out of memory reading page %d", job->name, p);
        int rc = sink(ctx, &rp);
        pages_free(&rp);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int pages_reader_count(int asked, int pages)
{
    int n = asked;
    if (n < 0) {
        cpu_set_t set;
        n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
        if (n > PAGES_AUTO_READERS)
            n = PAGES_AUTO_READERS;
    }
    if (n > PAGES_MAX_READERS)
        n = PAGES_MAX_READERS;
    if (n > pages / PAGES_PER_READER)
        n = pages / PAGES_PER_READER;
    return n < 1 ? 1 : n;
}

/* ---- The parent ------------------------------------------------------------ */

typedef struct reader {
    pid_t pid;
    int fd;
    clockid_t cpu;           /* the reader's CPU clock */
    int have_cpu;            /* 0: measure wall time instead */
    int64_t cpu_done;        /* ns: its CPU time when it had read its last page */
    struct timespec wall0;   /* the wall time when the parent began waiting */
} reader;

/* The readers of one document: page p comes from r[(p - first) % n]. */
typedef struct reader_set {
    reader r[PAGES_MAX_READERS];
    int n;                   /* readers wanted */
    int started;             /* r[0, started) run */
    long budget_ms;          /* CPU time of a reader per page */
} reader_set;

static long ms_between(const struct timespec *a, const struct timespec *b)
{
    return (long)(b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

/* What is left of the page's budget: the CPU time its reader spent since
 * it had read its previous page (a loaded machine slows a page down
 * without making it costlier; a reader that began the page before the
 * parent waited for it is charged for all of it), and a wall-clock bound
 * LIMIT_PDF_WALL_FACTOR times wider, from when the parent began waiting,
 * against a reader that hangs. */
static long ms_left(const reader *r, long budget_ms)
{
    struct timespec now, cpu;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long wall_left = budget_ms * (r->have_cpu ? LIMIT_PDF_WALL_FACTOR : 1)
                     - ms_between(&r->wall0, &now);
    if (!r->have_cpu || clock_gettime(r->cpu, &cpu) < 0)
        return wall_left;
    int64_t used_ns = (int64_t)cpu.tv_sec * 1000000000 + cpu.tv_nsec - r->cpu_done;
    long cpu_left = budget_ms - (long)(used_ns / 1000000);
    if (cpu_left <= 0 || wall_left <= 0)
        return 0;
    return cpu_left < wall_left ? cpu_left : wall_left;
}

enum { READ_OK = 0, READ_TIMEOUT = 1, READ_EOF = -1 };

/* Reads n bytes before the page's budget runs out. */
static int read_deadline(reader *r, long budget_ms, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        long left = ms_left(r, budget_ms);
        if (left <= 0)
            return READ_TIMEOUT;
        struct pollfd pfd = { r->fd, POLLIN, 0 };
        int k = poll(&pfd, 1, left > INT32_MAX ? INT32_MAX : (int)left);
        if (k == 0 || (k < 0 && errno == EINTR))
            continue; /* the budget is checked again: the reader may have been idle */
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
 * a page the reader could not read) or -2 when out of memory. */
static int receive_page(reader *r, long budget_ms, int number, raw_page *rp)
{
    page_head h;
    memset(rp, 0, sizeof *rp);
    clock_gettime(CLOCK_MONOTONIC, &r->wall0);
    int rc = read_deadline(r, budget_ms, &h, sizeof h);
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
    rc = read_deadline(r, budget_ms, rp->text, rp->text_len);
    if (rc == READ_OK)
        rc = read_deadline(r, budget_ms, rp->boxes, rp->n_boxes * 4 * sizeof *rp->boxes);
    rp->text[rp->text_len] = '\0';
    if (rc == READ_OK)
        r->cpu_done = h.cpu_ns;
    return rc;
}

/* The error for receive_page()'s return rc on page p. */
static int page_error(int rc, const char *name, int p, long budget_ms)
{
    if (rc == READ_TIMEOUT)
        return error_set(DOCTAG_ERR_PDF_LIMIT, "%s: page %d: reading its text took more "
                         "than %ld ms of CPU time (the per-page limit): stopped", name, p,
                         budget_ms);
    if (rc == -2)
        return error_set(DOCTAG_ERR_NOMEM, "%s: out of memory reading page %d", name, p);
    return error_set(DOCTAG_ERR_PDF_CORRUPT, "%s: page %d: poppler failed reading it", name, p);
}

static int receive_all(reader_set *s, const pages_job *job, page_sink sink, void *ctx)
{
    for (int p = job->first; p <= job->last; p++) {
        raw_page rp;
        int rc = receive_page(&s->r[(p - job->first) % s->n], s->budget_ms, p, &rp);
        rc = rc == READ_OK ? sink(ctx, &rp) : page_error(rc, job->name, p, s->budget_ms);
        pages_free(&rp);
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

/* Adds the reader process pid, whose pages come through fd. A bigger pipe
 * (where the system allows it) lets a reader run a few pages ahead while
 * the parent waits for another one. */
static void reader_add(reader_set *s, pid_t pid, int fd)
{
    reader *r = &s->r[s->started++];
    memset(r, 0, sizeof *r);
    r->pid = pid;
    r->fd = fd;
    r->have_cpu = clock_getcpuclockid(pid, &r->cpu) == 0;
    if (s->n > 1)
        fcntl(fd, F_SETPIPE_SZ, 1 << 20);
}

/* Closes the pipes and reaps the readers, killed first if `kill_them`. */
static void readers_end(reader_set *s, int kill_them)
{
    for (int k = 0; k < s->started; k++) {
        close(s->r[k].fd);
        if (kill_them)
            kill(s->r[k].pid, SIGKILL);
    }
    for (int k = 0; k < s->started; k++)
        while (waitpid(s->r[k].pid, NULL, 0) < 0 && errno == EINTR)
            ;
    s->started = 0;
}

/* Receives the pages from the readers, then ends them. */
static int receive_from(reader_set *s, const pages_job *job, page_sink sink, void *ctx)
{
    int rc = receive_all(s, job, sink, ctx);
    readers_end(s, rc < 0);
    return rc;
}

/* Forks reader k of s->n. Returns 0, or a doctag error. */
static int fork_reader(reader_set *s, const pages_job *job, int k)
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
        for (int j = 0; j < s->started; j++)
            close(s->r[j].fd);
        close(fds[0]);
        pages_serve(fds[1], job->doc, job->first + k, job->last, s->n);
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    reader_add(s, pid, fds[0]);
    return 0;
}

/* Forks the s->n readers. Returns 0, or a doctag error (then none runs). */
static int start_forks(reader_set *s, const pages_job *job)
{
    for (int k = 0; k < s->n; k++) {
        int rc = fork_reader(s, job, k);
        if (rc < 0) {
            readers_end(s, 1);
            return rc;
        }
    }
    return 0;
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

/* A memfd holding the request, the password and the PDF, at offset 0
 * (every helper of the document maps it). */
static int request_fd(const pages_job *job, int stride)
{
    int fd = high_fd(memfd_create("doctag-pdf", MFD_CLOEXEC));
    size_t pw_len = job->password ? strlen(job->password) : 0;
    pages_request rq = { PAGES_MAGIC, PAGES_VERSION, job->first, job->last, (uint32_t)pw_len,
                         (uint32_t)stride };
    if (fd >= 0 && (pages_write_all(fd, &rq, sizeof rq) < 0
                    || pages_write_all(fd, job->password, pw_len) < 0
                    || pages_write_all(fd, job->data, job->size) < 0
                    || lseek(fd, 0, SEEK_SET) != 0)) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* Starts helper k reading the request in memfd `in`, with posix_spawn (no
 * fork of this process: safe with threads). Adds it to s; returns 0, or -1. */
static int spawn_helper(reader_set *s, const char *path, int in, int k)
{
    int fds[2] = { -1, -1 }, rc = -1;
    pid_t pid;
    char index[16];
    snprintf(index, sizeof index, "%d", k);
    posix_spawn_file_actions_t fa;
    if (pipe2(fds, O_CLOEXEC) < 0 || (fds[0] = high_fd(fds[0])) < 0
        || (fds[1] = high_fd(fds[1])) < 0 || posix_spawn_file_actions_init(&fa) != 0)
        goto done;
    char *argv[] = { (char *)path, index, NULL };
    if (posix_spawn_file_actions_adddup2(&fa, in, 0) == 0
        && posix_spawn_file_actions_adddup2(&fa, fds[1], 1) == 0
        && posix_spawn(&pid, path, &fa, NULL, argv, environ) == 0)
        rc = 0;
    posix_spawn_file_actions_destroy(&fa);
done:
    if (fds[1] >= 0)
        close(fds[1]);
    if (rc == 0)
        reader_add(s, pid, fds[0]);
    else if (fds[0] >= 0)
        close(fds[0]);
    return rc;
}

/* Starts s->n helpers and reads their greeting. Returns 0, or -1 (then
 * none runs). */
static int start_helpers(reader_set *s, const char *path, const pages_job *job)
{
    int in = request_fd(job, s->n), rc = in < 0 ? -1 : 0;
    for (int k = 0; rc == 0 && k < s->n; k++)
        rc = spawn_helper(s, path, in, k);
    if (in >= 0)
        close(in);
    for (int k = 0; rc == 0 && k < s->n; k++) {
        uint32_t hello[2] = { 0, 0 };
        clock_gettime(CLOCK_MONOTONIC, &s->r[k].wall0);
        if (read_deadline(&s->r[k], s->budget_ms, hello, sizeof hello) != READ_OK
            || hello[0] != PAGES_MAGIC || hello[1] != PAGES_VERSION)
            rc = -1;
    }
    if (rc < 0)
        readers_end(s, 1);
    return rc;
}

/* Reads the pages through the helpers. Returns what pages_read() returns,
 * or 1 when a helper could not be started or does not speak our protocol
 * (then nothing was given to the sink). */
static int read_by_helper(reader_set *s, const char *path, const pages_job *job,
                          page_sink sink, void *ctx)
{
    if (start_helpers(s, path, job) < 0)
        return 1;
    return receive_from(s, job, sink, ctx);
}

int pages_read(const pages_job *job, page_sink sink, void *ctx)
{
    reader_set s;
    s.budget_ms = job->budget_ms;
    if (s.budget_ms <= 0)
        return read_in_process(job, sink, ctx);
    if (RUNNING_ON_VALGRIND)
        s.budget_ms *= LIMIT_PDF_VALGRIND_SLOWDOWN;
#if defined(__SANITIZE_ADDRESS__)
    s.budget_ms *= LIMIT_PDF_VALGRIND_SLOWDOWN / 10;   /* ASan runs 2-5x slower */
#endif
    s.n = pages_reader_count(job->readers, job->last - job->first + 1);
    s.started = 0;
    if (single_threaded()) {
        int rc = start_forks(&s, job);
        if (rc < 0 && s.n > 1) {
            s.n = 1;   /* could not start them all (a process limit?): one reader */
            rc = start_forks(&s, job);
        }
        return rc < 0 ? rc : receive_from(&s, job, sink, ctx);
    }
    const char *path = helper_path();
    int rc = path ? read_by_helper(&s, path, job, sink, ctx) : 1;
    if (rc == 1 && path && s.n > 1) {
        s.n = 1;   /* could not start them all: one helper */
        rc = read_by_helper(&s, path, job, sink, ctx);
    }
    return rc == 1 ? read_in_process(job, sink, ctx) : rc;
}

#else
typedef int pages_needs_pdf; /* ISO C wants a declaration in every file */
#endif /* DOCTAG_HAVE_PDF */
