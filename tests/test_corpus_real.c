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
static const char *const types[] = { "money", "un_symbol", "agency", "instrument" };
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
    struct stat st;
    const char *python = stat("/usr/bin/python3", &st) == 0 ? "/usr/bin/python3" : "python3";
    char cmd[8192], line[512], report[8192] = "";
    snprintf(cmd, sizeof cmd, "%s '%s/eval/score.py' '%s/gold' '%s' 2>&1", python,
             test_shared_dir(), dir, out);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p, "cannot run %s", cmd);
    double f1[4] = { -1, -1, -1, -1 }, micro = -1;
    while (fgets(line, sizeof line, p)) {
        strncat(report, line, sizeof report - strlen(report) - 1);
        char name[32];
        int gold, pred, tp;
        double pr, rc, f;
        if (sscanf(line, "micro F1 %lf", &micro) == 1)
            continue;
        if (sscanf(line, "%31s %d %d %d %lf %lf %lf", name, &gold, &pred, &tp, &pr, &rc, &f) == 7)
            for (int t = 0; t < 4; t++)
                if (strcmp(name, types[t]) == 0)
                    f1[t] = f;
    }
    cr_assert_eq(pclose(p), 0, "score.py failed:\n%s", report);
    cr_log_info("score:\n%s", report);
    cr_expect_geq(micro, MIN_MICRO_F1, "micro F1 %.3f < %.2f:\n%s", micro, MIN_MICRO_F1, report);
    for (int t = 0; t < 4; t++)
        cr_expect_geq(f1[t], min_f1[t], "%s F1 %.3f < %.2f:\n%s", types[t], f1[t], min_f1[t],
                      report);
    free(out);
}
