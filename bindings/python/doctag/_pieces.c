/*
 * _pieces.c: a PDF streamed on a thread of its own into pieces and a
 * bounded queue (_pieces.h). The thread runs doctag_stream_pdf_*(): its
 * page and entity callbacks add to the piece being gathered, on_tagged
 * cuts it there and queues it (waiting while the queue is full), and every
 * callback returns STREAM_STOPPED once the reader has asked it to stop, so
 * that the library ends its page readers and returns. The queue's lock
 * and condition are the only things both sides touch.
 */
#include "_pieces.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What a callback returns to stop the library's stream (doctag errors are
 * negative). */
enum { STREAM_STOPPED = 1, STREAM_NOMEM = 2 };

struct piece_stream {
    pthread_mutex_t lock;
    pthread_cond_t changed;      /* a piece queued or taken, the end, a stop */
    piece *head, *tail;          /* the queue */
    size_t n_queued, max_queued;
    atomic_int stop;             /* the reader asked the thread to stop */
    int done;                    /* the thread has finished (under lock) */
    int rc, err;                 /* the library's return and errno */
    char *message;               /* its message (the thread's) */
    char **warnings;
    size_t n_warnings, cap_warnings;
    piece *cur;                  /* the thread's: the piece being gathered */
    int page_count;
    piece_source src;
    pthread_t thread;
};

void piece_free(piece *p)
{
    if (!p)
        return;
    free(p->text);
    free(p->pages);
    free(p->entities);
    free(p->pool);
    free(p->boxes);
    free(p);
}

/* Room for `need` items of `size` bytes in *p (capacity *cap): 0 or -1. */
static int grow(void *p, size_t *cap, size_t need, size_t size)
{
    void **items = p;
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *more = realloc(*items, n * size);
    if (!more)
        return -1;
    *items = more;
    *cap = n;
    return 0;
}

/* ---- The thread's side: gathering ---------------------------------------- */

static int add_text(piece *c, const char *text, size_t len)
{
    if (grow(&c->text, &c->cap_text, c->len + len, 1) < 0)
        return -1;
    if (len)
        memcpy(c->text + c->len, text, len);
    c->len += len;
    return 0;
}

static int add_page(piece *c, const piece_page *pg)
{
    if (grow(&c->pages, &c->cap_pages, c->n_pages + 1, sizeof *c->pages) < 0)
        return -1;
    c->pages[c->n_pages++] = *pg;
    return 0;
}

static int take_page(void *ctx, const doctag_page_text *pg)
{
    piece_stream *s = ctx;
    if (atomic_load(&s->stop))
        return STREAM_STOPPED;
    s->page_count = pg->page_count;
    piece_page page = { pg->page, pg->has_text, pg->offset, pg->len };
    if (add_text(s->cur, pg->text, pg->len) < 0 || add_page(s->cur, &page) < 0)
        return STREAM_NOMEM;
    return 0;
}

/* s (len bytes and a NUL) into the pool; its offset, or (size_t)-1. */
static size_t pool_add(piece *c, const char *s)
{
    size_t len = strlen(s) + 1, at = c->pool_len;
    if (grow(&c->pool, &c->cap_pool, at + len, 1) < 0)
        return (size_t)-1;
    memcpy(c->pool + at, s, len);
    c->pool_len += len;
    return at;
}

static int take_entity(void *ctx, const doctag_entity *e)
{
    piece_stream *s = ctx;
    piece *c = s->cur;
    if (atomic_load(&s->stop))
        return STREAM_STOPPED;
    size_t nb = doctag_entity_box_count(e);
    const char *text = doctag_entity_text(e), *canon = doctag_entity_canonical(e);
    piece_entity pe = { doctag_entity_type(e), doctag_entity_page(e), doctag_entity_start(e),
                        doctag_entity_end(e), pool_add(c, text ? text : ""),
                        pool_add(c, canon ? canon : ""), c->n_boxes, nb };
    if (pe.text_at == (size_t)-1 || pe.canonical_at == (size_t)-1
        || grow(&c->entities, &c->cap_entities, c->n_entities + 1, sizeof *c->entities) < 0
        || grow(&c->boxes, &c->cap_boxes, c->n_boxes + nb, sizeof *c->boxes) < 0)
        return STREAM_NOMEM;
    for (size_t k = 0; k < nb; k++)
        doctag_entity_box(e, k, &c->boxes[c->n_boxes++]);
    c->entities[c->n_entities++] = pe;
    return 0;
}

static int take_warning(void *ctx, const char *warning)
{
    piece_stream *s = ctx;
    char *copy = strdup(warning ? warning : "");
    if (!copy || grow(&s->warnings, &s->cap_warnings, s->n_warnings + 1,
                      sizeof *s->warnings) < 0) {
        free(copy);
        return STREAM_NOMEM;
    }
    s->warnings[s->n_warnings++] = copy;
    return 0;
}

/* Queues p, waiting while the queue is full: 0, or STREAM_STOPPED (p freed). */
static int queue_push(piece_stream *s, piece *p)
{
    pthread_mutex_lock(&s->lock);
    while (s->n_queued >= s->max_queued && !atomic_load(&s->stop))
        pthread_cond_wait(&s->changed, &s->lock);
    int stopped = atomic_load(&s->stop);
    if (!stopped) {
        if (s->tail)
            s->tail->next = p;
        else
            s->head = p;
        s->tail = p;
        s->n_queued++;
        pthread_cond_broadcast(&s->changed);
    }
    pthread_mutex_unlock(&s->lock);
    if (stopped)
        piece_free(p);
    return stopped ? STREAM_STOPPED : 0;
}

/* Moves what c holds from `end` on (text, and the pages with text there)
 * into `next`; c keeps the pages with text before end (a page cut by end
 * is in both), and the empty ones at end. */
static int split_at(piece *c, size_t end, piece *next)
{
    size_t keep = end - c->offset, kept = 0;
    next->offset = end;
    if (add_text(next, c->text + keep, c->len - keep) < 0)
        return -1;
    c->len = keep;
    for (size_t i = 0; i < c->n_pages; i++) {
        piece_page pg = c->pages[i];
        if (pg.offset + pg.len > end && add_page(next, &pg) < 0)
            return -1;
        if (pg.offset < end || (pg.len == 0 && pg.offset <= end))
            c->pages[kept++] = pg;
    }
    c->n_pages = kept;
    return 0;
}

/* The text before `end` is tagged: the piece ends there and is queued. */
static int take_tagged(void *ctx, size_t end)
{
    piece_stream *s = ctx;
    piece *c = s->cur, *next = calloc(1, sizeof *next);
    if (atomic_load(&s->stop)) {
        free(next);
        return STREAM_STOPPED;
    }
    if (end < c->offset || end > c->offset + c->len)
        end = c->offset + c->len;   /* never: the library's pieces follow its pages */
    if (!next || split_at(c, end, next) < 0) {
        piece_free(next);
        return STREAM_NOMEM;
    }
    c->page_count = s->page_count;
    s->cur = next;
    return queue_push(s, c);
}

/* The stream's end: what is left (an empty text's pages) queued, the
 * result kept, the reader woken. */
static void finish(piece_stream *s, int rc)
{
    const char *message = NULL;
    int err = 0;
    if (rc == STREAM_NOMEM) {
        rc = DOCTAG_ERR_NOMEM;
        message = "out of memory gathering a piece of the PDF's text";
    } else if (rc < 0) {
        message = doctag_last_error();
        err = doctag_last_errno();
    }
    if (rc == DOCTAG_OK && (s->cur->len || s->cur->n_pages)) {
        s->cur->page_count = s->page_count;
        queue_push(s, s->cur);
        s->cur = NULL;
    }
    pthread_mutex_lock(&s->lock);
    s->rc = rc;
    s->err = err;
    s->message = message ? strdup(message) : NULL;
    s->done = 1;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
}

static void *run(void *arg)
{
    piece_stream *s = arg;
    doctag_stream_options o = DOCTAG_STREAM_OPTIONS_INIT;
    o.pdf = &s->src.pdf;
    o.model = s->src.model;
    o.window_pages = s->src.window_pages;
    o.on_page = take_page;
    o.on_entity = take_entity;
    o.on_warning = take_warning;
    o.on_tagged = take_tagged;
    o.ctx = s;
    int rc = s->src.path ? doctag_stream_pdf_file(s->src.path, &o)
                         : doctag_stream_pdf_buffer(s->src.data, s->src.size, &o);
    finish(s, rc);
    return NULL;
}

/* ---- The reader's side ---------------------------------------------------- */

int piece_stream_start(piece_stream **out, const piece_source *src, size_t max_queued)
{
    piece_stream *s = calloc(1, sizeof *s);
    if (!s || !(s->cur = calloc(1, sizeof *s->cur))) {
        free(s);
        return ENOMEM;
    }
    s->src = *src;
    s->src.pdf.limits = &s->src.limits;
    s->max_queued = max_queued ? max_queued : 1;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->changed, NULL);
    /* signals go to the caller's threads (Python's handlers run there) */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&s->thread, NULL, run, s);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        pthread_cond_destroy(&s->changed);
        pthread_mutex_destroy(&s->lock);
        piece_free(s->cur);
        free(s);
        return rc;
    }
    *out = s;
    return 0;
}

/* The time ms milliseconds from now, for pthread_cond_timedwait. */
static struct timespec deadline(int ms)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_sec += ms / 1000;
    t.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

int piece_stream_next(piece_stream *s, int ms, piece **out)
{
    struct timespec until = deadline(ms);
    *out = NULL;
    pthread_mutex_lock(&s->lock);
    if (!s->head && !s->done)
        pthread_cond_timedwait(&s->changed, &s->lock, &until);
    int state = s->head ? PIECE_READY : s->done ? PIECE_END : PIECE_WAIT;
    if (s->head) {
        *out = s->head;
        s->head = s->head->next;
        if (!s->head)
            s->tail = NULL;
        s->n_queued--;
        (*out)->next = NULL;
        pthread_cond_broadcast(&s->changed);
    }
    pthread_mutex_unlock(&s->lock);
    return state;
}

int piece_stream_result(const piece_stream *s, const char **message, int *err)
{
    *message = s->message;
    *err = s->err;
    return s->rc;
}

size_t piece_stream_warning_count(const piece_stream *s)
{
    return s->n_warnings;
}

const char *piece_stream_warning(const piece_stream *s, size_t i)
{
    return i < s->n_warnings ? s->warnings[i] : NULL;
}

void piece_stream_free(piece_stream *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&s->lock);
    atomic_store(&s->stop, 1);
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
    pthread_join(s->thread, NULL);
    while (s->head) {
        piece *p = s->head;
        s->head = p->next;
        piece_free(p);
    }
    piece_free(s->cur);
    for (size_t i = 0; i < s->n_warnings; i++)
        free(s->warnings[i]);
    free(s->warnings);
    free(s->message);
    pthread_cond_destroy(&s->changed);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
