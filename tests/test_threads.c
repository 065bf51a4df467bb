/*
 * test_threads.c: one model, eight threads, each tagging its own documents
 * at the same time; every result equals the one tagged alone, and each
 * thread sees only its own error messages. Then the same on a model just
 * opened, whose patterns no text has run yet (they are JIT-compiled on
 * first use, match/jit.h), while another thread saves it: it saves the
 * same bytes as the model the first round used. Run under ThreadSanitizer by
 * `scripts/test --tsan` (a separate build, build-tsan/), which CI does. A
 * plain program rather than a Criterion suite: Criterion's shared-memory
 * arena cannot be set up under ThreadSanitizer. Exit 0 when all is well.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doctag.h"

#define THREADS 8
#define ROUNDS 6

static const char *const sentences[] = {
    "In 2021 the U.S. Department of Homeland Security (DHS) paid Palantir $%d.9 million. ",
    "Article 17 of the ICCPR and A/HRC/%d/31 set the standard. ",
    "ICE relied on 8 U.S.C. \xc2\xa7 1253(a)(1) and the Keep Washington Working Act. ",
    "The UN Special Rapporteur on the right to privacy wrote to the European Union in %d. ",
    "See General Assembly resolution %d/23 and S/RES/2334 (2016), cited by OHCHR. ",
    "Frontex spent \xe2\x82\xac%d million; see https://undocs.org/A/HRC/1 or ICE@dhs.gov. ",
};
#define N_SENTENCES (sizeof sentences / sizeof *sentences)

/* Document k: the sentences in an order and with numbers of its own. */
static char *document(int k)
{
    size_t cap = 4096, n = 0;
    char *t = malloc(cap);
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < N_SENTENCES; i++) {
            const char *fmt = sentences[(i * (size_t)(k + 1) + (size_t)round) % N_SENTENCES];
            n += (size_t)snprintf(t + n, cap - n, fmt, 10 + k * 7 + round);
        }
    return t;
}

/* The result as one string: type|start|end|text|canonical per entity. */
static char *digest(const doctag_model *m, const char *text)
{
    doctag_result *r = NULL;
    if (doctag_tag_text(&r, m, text, strlen(text)) != DOCTAG_OK)
        return NULL;
    size_t cap = 8192, n = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < doctag_result_count(r) && n < cap; i++) {
        const doctag_entity *e = doctag_result_entity(r, i);
        n += (size_t)snprintf(out + n, cap - n, "%d|%zu|%zu|%s|%s\n", doctag_entity_type(e),
                              doctag_entity_start(e), doctag_entity_end(e), doctag_entity_text(e),
                              doctag_entity_canonical(e));
    }
    doctag_result_free(r);
    return out;
}

typedef struct job {
    const doctag_model *model;
    int k;
    char *want[THREADS];
    int failures;
    char detail[256];
} job;

static void *run(void *arg)
{
    job *j = arg;
    char bad[32];
    snprintf(bad, sizeof bad, "thread %d \xff", j->k);
    for (int round = 0; round < ROUNDS; round++) {
        int k = (j->k + round) % THREADS;   /* a different document each round */
        char *text = document(k);
        char *got = digest(j->model, text);
        if (!got || strcmp(got, j->want[k]) != 0) {
            j->failures++;
            snprintf(j->detail, sizeof j->detail, "document %d differs in thread %d", k, j->k);
        }
        free(got);
        free(text);
        /* an error of this thread's own: its message names its offset */
        doctag_result *r = NULL;
        char where[64];
        snprintf(where, sizeof where, "byte %zu", strlen(bad) - 1);
        if (doctag_tag_text(&r, j->model, bad, strlen(bad)) != DOCTAG_ERR_UTF8 ||
            !strstr(doctag_last_error(), where)) {
            j->failures++;
            snprintf(j->detail, sizeof j->detail, "thread %d: message \"%s\"", j->k,
                     doctag_last_error());
        }
    }
    return NULL;
}

#define CHECK(cond, ...)                                 \
    do {                                                 \
        if (!(cond)) {                                   \
            fprintf(stderr, "test_threads: " __VA_ARGS__); \
            fputc('\n', stderr);                         \
            return 1;                                    \
        }                                                \
    } while (0)

/* A thread that serialises the model (reading its patterns' code) while
 * the others tag with it: each time the bytes the model of the first round
 * gives. */
typedef struct saver {
    const doctag_model *model;
    const void *want;
    size_t want_size;
    int failures;
} saver;

static void *save(void *arg)
{
    saver *s = arg;
    for (int round = 0; round < ROUNDS; round++) {
        void *data = NULL;
        size_t size = 0;
        if (doctag_model_serialize(s->model, &data, &size) != DOCTAG_OK || size != s->want_size ||
            memcmp(data, s->want, size) != 0)
            s->failures++;
        doctag_free(data);
    }
    return NULL;
}

/* Eight threads tag with `m` (and one saves it, when `sv`); each document
 * must give want[k]. Returns the number of failures. */
static int run_threads(const doctag_model *m, char *const *want, saver *sv)
{
    job jobs[THREADS];
    pthread_t t[THREADS], st;
    for (int k = 0; k < THREADS; k++) {
        jobs[k] = (job){ .model = m, .k = k };
        memcpy(jobs[k].want, want, sizeof jobs[k].want);
        if (pthread_create(&t[k], NULL, run, &jobs[k]) != 0)
            return 1;
    }
    int saving = sv && pthread_create(&st, NULL, save, sv) == 0;
    int failures = sv && !saving;
    for (int k = 0; k < THREADS; k++) {
        pthread_join(t[k], NULL);
        if (jobs[k].failures)
            fprintf(stderr, "test_threads: %s\n", jobs[k].detail);
        failures += jobs[k].failures;
    }
    if (saving) {
        pthread_join(st, NULL);
        if (sv->failures)
            fprintf(stderr, "test_threads: the model saved while tagging differs\n");
        failures += sv->failures;
    }
    return failures;
}

int main(void)
{
    doctag_model *m = NULL;
    CHECK(doctag_model_open(&m, NULL, NULL) == DOCTAG_OK, "%s", doctag_last_error());
    char *want[THREADS];
    for (int k = 0; k < THREADS; k++) {
        char *text = document(k);
        want[k] = digest(m, text);
        CHECK(want[k] && strlen(want[k]) > 100, "document %d has entities", k);
        free(text);
    }
    int failures = run_threads(m, want, NULL);
    /* a model no text has run yet, saved while it is first used */
    doctag_model *fresh = NULL;
    saver sv = { 0 };
    void *want_model = NULL;
    CHECK(doctag_model_open(&fresh, NULL, NULL) == DOCTAG_OK, "%s", doctag_last_error());
    CHECK(doctag_model_serialize(m, &want_model, &sv.want_size) == DOCTAG_OK, "%s",
          doctag_last_error());
    sv.model = fresh;
    sv.want = want_model;
    failures += run_threads(fresh, want, &sv);
    doctag_free(want_model);
    doctag_model_free(fresh);
    for (int k = 0; k < THREADS; k++)
        free(want[k]);
    doctag_model_free(m);
    printf("%d threads x %d documents, twice: %d failures\n", THREADS, ROUNDS, failures);
    return failures != 0;
}
