/*
 * test_corpus.c: end to end on the shared corpus (../shared/corpus): the CLI
 * tags the texts, eval/score.py compares with the gold, and the scores must
 * hold (micro F1 >= 0.90, each type's F1 >= 0.85). Also: every entity the
 * API returns on a corpus text is exactly the document's bytes at
 * [start, end).
 *
 * Skips, naming the missing directory, when the corpus is absent.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#define MIN_MICRO_F1 0.90
#define MIN_TYPE_F1 0.85

static const char *const types[] = TEST_SCORE_TYPES;
#define N_TYPES 4

/* $DOCTAG_SHARED_DIR/corpus/<sub>, or skips the test naming it. */
static char *corpus_dir(const char *sub)
{
    const char *shared = test_shared_dir();
    const char *env = getenv("DOCTAG_SHARED_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/corpus/%s", shared ? shared : env ? env : "../shared", sub);
    struct stat st;
    if (!shared || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        cr_skip_test("corpus directory %s is missing", path);
    return strdup(path);
}

/* The corpus texts (*.txt), sorted; returns the count. */
static size_t list_texts(const char *dir, char ***out)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    cr_assert_geq(n, 0, "cannot list %s", dir);
    char **paths = calloc((size_t)n + 1, sizeof *paths);
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(names[i]->d_name);
        if (len > 4 && strcmp(names[i]->d_name + len - 4, ".txt") == 0) {
            paths[k] = malloc(strlen(dir) + len + 2);
            sprintf(paths[k++], "%s/%s", dir, names[i]->d_name);
        }
        free(names[i]);
    }
    free(names);
    *out = paths;
    return k;
}

static void free_list(char **paths)
{
    for (size_t i = 0; paths[i]; i++)
        free(paths[i]);
    free(paths);
}

/* ---- The score --------------------------------------------------------------- */

Test(corpus, cli_scores_against_the_gold)
{
    char *text_dir = corpus_dir("text");
    char *gold_dir = corpus_dir("gold");
    const char *cli = getenv("DOCTAG_CLI");
    cr_assert_not_null(cli, "DOCTAG_CLI is not set (run through meson test)");
    char **texts;
    size_t n = list_texts(text_dir, &texts);
    cr_assert_gt(n, 0, "no .txt files in %s", text_dir);

    char *out_dir = test_tmpdir();
    cr_assert_not_null(out_dir);
    size_t cap = 8192;
    for (size_t i = 0; i < n; i++)
        cap += strlen(texts[i]) + 3;
    char *cmd = malloc(cap);
    int k = snprintf(cmd, cap, "'%s' tag --out-dir '%s'", cli, out_dir);
    for (size_t i = 0; i < n; i++)
        k += snprintf(cmd + k, cap - (size_t)k, " '%s'", texts[i]);
    snprintf(cmd + k, cap - (size_t)k, " >'%s/cli.log' 2>&1", out_dir);
    int rc = system(cmd);
    cr_assert_eq(rc, 0, "%s failed (status %d); see %s/cli.log", cmd, rc, out_dir);

    test_scores sc;
    test_score(gold_dir, out_dir, &sc);
    cr_assert_geq(sc.micro, 0, "no 'micro F1' line in:\n%s", sc.report);
    cr_expect_geq(sc.micro, MIN_MICRO_F1, "micro F1 %.3f < %.2f:\n%s", sc.micro, MIN_MICRO_F1,
                  sc.report);
    for (int t = 0; t < N_TYPES; t++) {
        cr_expect_geq(sc.f1[t], 0, "no line for %s in:\n%s", types[t], sc.report);
        cr_expect_geq(sc.f1[t], MIN_TYPE_F1, "%s F1 %.3f < %.2f:\n%s", types[t], sc.f1[t],
                      MIN_TYPE_F1, sc.report);
    }
    free(cmd);
    free(out_dir);
    free_list(texts);
    free(text_dir);
    free(gold_dir);
}

/* ---- Offsets on real documents ---------------------------------------------- */

Test(corpus, api_entities_are_the_documents_bytes)
{
    char *text_dir = corpus_dir("text");
    char **texts;
    size_t n = list_texts(text_dir, &texts);
    cr_assert_gt(n, 0, "no .txt files in %s", text_dir);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        char *doc = test_read_file(texts[i], &len);
        cr_assert_not_null(doc, "cannot read %s", texts[i]);
        doctag_result *r = NULL;
        cr_assert_eq(doctag_tag_text(&r, test_model(), doc, len), DOCTAG_OK, "%s: %s", texts[i],
                     doctag_last_error());
        size_t count = doctag_result_count(r), prev_end = 0;
        cr_expect_gt(count, 10, "%s: only %zu entities", texts[i], count);
        for (size_t k = 0; k < count; k++) {
            const doctag_entity *e = doctag_result_entity(r, k);
            size_t s = doctag_entity_start(e), end = doctag_entity_end(e);
            const char *t = doctag_entity_text(e);
            cr_assert_lt(s, end, "%s: entity %zu is empty", texts[i], k);
            cr_assert_leq(end, len, "%s: entity %zu ends past the text", texts[i], k);
            cr_expect_geq(s, prev_end, "%s: entity %zu (\"%s\") overlaps the one before", texts[i], k, t);
            cr_expect(strlen(t) == end - s && memcmp(doc + s, t, end - s) == 0,
                      "%s: entity %zu \"%s\" is not the bytes [%zu, %zu) \"%.*s\"", texts[i], k, t, s,
                      end, (int)(end - s), doc + s);
            cr_expect_geq(doctag_entity_type(e), 0);
            cr_expect_lt(doctag_entity_type(e), DOCTAG_TYPE_COUNT);
            cr_expect_neq(doctag_entity_canonical(e)[0], '\0', "%s: \"%s\" has no canonical", texts[i], t);
            prev_end = end;
        }
        doctag_result_free(r);
        free(doc);
    }
    free_list(texts);
    free(text_dir);
}

TEST_MAIN_NEEDS_SHARED
