/* pdftest.h: helpers shared by the PDF extraction tests (test_extract.c and
 * test_pdf_*.c, one file per defect kind). */
#ifndef DOCTAG_PDFTEST_H
#define DOCTAG_PDFTEST_H

#include <stddef.h>
#include <stdio.h>

#include "doctag.h"

/* A printf-formatted string (malloc'd): paths, and the small objects of
 * the PDFs written byte by byte. */
char *path_of(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The text of a PDF through the public API (malloc'd); asserts success. */
char *pdf_text(const char *path, const doctag_pdf_options *opts);

/* A copy with each run of whitespace turned into one space, as the
 * normaliser will see it (malloc'd). */
char *collapse(const char *t);

/* The occurrences of needle in hay, not overlapping. */
size_t count_of(const char *hay, const char *needle);

/* Share of the words of `want` found, in order, in `got` (words split on
 * whitespace; a run of superscripts is a word of its own, so that
 * "workforces.¹" and "workforces. ¹" compare equal). */
double word_match(const char *want, const char *got);

/* Asserts that the strings occur in `raw` (whitespace collapsed) in this
 * order. */
void assert_in_order(const char *raw, const char *const *items, size_t n);

/* Deterministic filler prose: n words drawn from a vocabulary with a seed,
 * written to out (at most cap bytes). */
void filler(char *out, size_t cap, const char *const *vocab, size_t nv, unsigned seed,
            size_t n);

/* Runs the ReportLab script (python3-reportlab) in a new temporary
 * directory and returns that directory (test_tmpdir()), where the script
 * wrote its PDF; skips the test where ReportLab is missing, fails it where
 * the script fails. */
char *reportlab_run(const char *script);

/* Opens `name`.tex for writing in a new temporary directory (test_tmpdir(),
 * returned in *dir, malloc'd); skips the test where pdflatex is missing. */
FILE *pdflatex_open(const char *name, char **dir);

/* Closes the source pdflatex_open() gave and runs pdflatex on it in dir;
 * returns the PDF's path (malloc'd); fails the test where pdflatex fails. */
char *pdflatex_close(FILE *tex, const char *dir, const char *name);

#endif
