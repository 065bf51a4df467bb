/* testutil.h: small helpers shared by the Criterion tests. */
#ifndef DOCTAG_TESTUTIL_H
#define DOCTAG_TESTUTIL_H

#include <stddef.h>
#include "doctag.h"
#include "strbuf.h"

/* ../shared (the corpus), from $DOCTAG_SHARED_DIR; NULL when it is absent,
 * in which case a test calls cr_skip_test() saying so. */
const char *test_shared_dir(void);

/* A Criterion main() for a suite that needs ../shared: when it is absent
 * the whole program exits 77, which meson reports as SKIP (not as a pass). */
int test_main_needing_shared(int argc, char *argv[]);
#define TEST_MAIN_NEEDS_SHARED \
    int main(int argc, char *argv[]) { return test_main_needing_shared(argc, argv); }

/* A fresh empty directory under $TMPDIR for one test; caller frees. */
char *test_tmpdir(void);

/* Whole file into a malloc'd NUL-terminated buffer; NULL if unreadable. */
char *test_read_file(const char *path, size_t *len);

/* The default model, opened once per test process (never freed before exit
 * is fine for Criterion: each test runs in its own process). */
const doctag_model *test_model(void);

/* Tags `text` with the default model and returns a malloc'd string listing
 * the entities, one per line, "type|text|canonical". */
char *test_tag_lines(const char *text);

/* 1 if test_tag_lines(text) has a line "type|surface|canonical" (canonical
 * NULL: any canonical). */
int test_has_entity(const char *text, const char *type, const char *surface,
                    const char *canonical);

/* 1 if `name` is a program on PATH (a generator a test needs). */
int test_have_program(const char *name);

/* system() of a printf-formatted shell command; returns its status. */
int test_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes a PDF of the given objects' bodies (numbered from 1; the first
 * is the catalog) with a correct cross-reference table, byte by byte (the
 * hostile PDFs of the extraction tests). */
void test_write_pdf(const char *path, char **objs, size_t n);

/* What eval/score.py of ../shared says of the CLI's output (its JSON in
 * out_dir) against gold_dir: each type's F1 in TEST_SCORE_TYPES order (-1
 * where no line names it), the micro F1 (-1 where none), and the report as
 * printed. test_score() asserts that score.py ran, and logs the report. */
#define TEST_SCORE_TYPES { "money", "un_symbol", "agency", "instrument" }
typedef struct test_scores {
    double f1[4], micro;
    char report[8192];
} test_scores;
void test_score(const char *gold_dir, const char *out_dir, test_scores *s);

/* A growing text buffer for the PDFs and texts a test writes: the
 * library's strbuf (common/strbuf.h), whose every append the test asserts;
 * test_buf_take() hands the string out (malloc'd, "" when empty) and
 * leaves the buffer empty. */
typedef strbuf test_buf;
void test_buf_printf(test_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *test_buf_take(test_buf *b);

#endif
