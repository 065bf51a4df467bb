/*
 * test_corpus_real.c: end to end on the real documents
 * (../shared/corpus/real: UN reports, US statutes, orders and opinions, EU
 * law, an NGO report, another state's commission): the CLI tags the texts,
 * eval/score.py compares with the gold, and the scores must hold. The
 * floors sit just under what the tagger reaches, so a rule that breaks a
 * kind of document shows here.
 *
 * Skips, naming the missing directory, when the corpus is absent.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#define MIN_MICRO_F1 0.92
static const char *const types[] = TEST_SCORE_TYPES;
static const double min_f1[] = { 0.97, 0.98, 0.89, 0.92 };

/* $DOCTAG_SHARED_DIR/corpus/real, or skips the test naming it. */
static const char *real_dir(void)
{
    static char path[4096];
    const char *shared = test_shared_dir();
    snprintf(path, sizeof path, "%s/corpus/real", shared ? shared : "../shared");
    struct stat st;
    if (!shared || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        cr_skip_test("corpus directory %s is missing", path);
    return path;
}

Test(corpus_real, cli_scores_against_the_gold)
{
    const char *dir = real_dir();
    const char *cli = getenv("DOCTAG_CLI");
    cr_assert_not_null(cli, "DOCTAG_CLI is not set (run through meson test)");
    char *out = test_tmpdir();
    cr_assert_not_null(out);
    cr_assert_eq(test_run("'%s' tag --out-dir '%s' '%s'/text/*.txt >'%s/cli.log' 2>&1", cli, out,
                          dir, out), 0, "the CLI failed; see %s/cli.log", out);
    char gold[4096 + sizeof "/gold"];
    snprintf(gold, sizeof gold, "%s/gold", dir);
    test_scores sc;
    test_score(gold, out, &sc);
    cr_expect_geq(sc.micro, MIN_MICRO_F1, "micro F1 %.3f < %.2f:\n%s", sc.micro, MIN_MICRO_F1,
                  sc.report);
    for (int t = 0; t < 4; t++)
        cr_expect_geq(sc.f1[t], min_f1[t], "%s F1 %.3f < %.2f:\n%s", types[t], sc.f1[t], min_f1[t],
                      sc.report);
    free(out);
}
