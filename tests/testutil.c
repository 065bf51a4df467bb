/* testutil.c: small helpers shared by the Criterion tests. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <criterion/criterion.h>

#include "file.h"
#include "testutil.h"

const char *test_shared_dir(void)
{
    const char *d = getenv("DOCTAG_SHARED_DIR");
    struct stat st;
    char probe[4096];
    if (!d)
        return NULL;
    snprintf(probe, sizeof probe, "%s/corpus/GUIDELINES.md", d);
    return stat(probe, &st) == 0 ? d : NULL;
}

int test_main_needing_shared(int argc, char *argv[])
{
    if (!test_shared_dir()) {
        fprintf(stderr, "skipped: ../shared (the corpus) is absent; set DOCTAG_SHARED_DIR\n");
        return 77;
    }
    struct criterion_test_set *tests = criterion_initialize();
    int result = 0;
    if (criterion_handle_args(argc, argv, true))
        result = !criterion_run_all_tests(tests);
    criterion_finalize(tests);
    return result;
}

char *test_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[4096];
    snprintf(tmpl, sizeof tmpl, "%s/doctag-test-XXXXXX", base ? base : "/tmp");
    char *d = mkdtemp(tmpl);
    return d ? strdup(d) : NULL;
}

char *test_read_file(const char *path, size_t *len)
{
    char *buf;
    size_t n;
    if (file_read_all(path, &buf, &n, SIZE_MAX) != DOCTAG_OK)
        return NULL;
    if (len)
        *len = n;
    return buf;
}

const doctag_model *test_model(void)
{
    static doctag_model *model;
    if (!model && doctag_model_open(&model, NULL, NULL) != DOCTAG_OK) {
        fprintf(stderr, "cannot open the default model: %s\n", doctag_last_error());
        abort();
    }
    return model;
}

char *test_tag_lines(const char *text)
{
    doctag_result *res = NULL;
    if (doctag_tag_text(&res, test_model(), text, strlen(text)) != DOCTAG_OK)
        return strdup("<error>");
    test_buf out = { 0 };
    for (size_t i = 0; i < doctag_result_count(res); i++) {
        const doctag_entity *e = doctag_result_entity(res, i);
        test_buf_printf(&out, "%s|%s|%s\n", doctag_type_name(doctag_entity_type(e)),
                        doctag_entity_text(e), doctag_entity_canonical(e));
    }
    doctag_result_free(res);
    return test_buf_take(&out);
}

int test_has_entity(const char *text, const char *type, const char *surface,
                    const char *canonical)
{
    char *lines = test_tag_lines(text);
    char want[2048];
    int found = 0;
    if (canonical) {
        snprintf(want, sizeof want, "%s|%s|%s\n", type, surface, canonical);
        found = strstr(lines, want) != NULL;
    } else {
        snprintf(want, sizeof want, "%s|%s|", type, surface);
        for (char *p = lines; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
            if (strncmp(p, want, strlen(want)) == 0 && (p == lines || p[-1] == '\n'))
                found = 1;
    }
    free(lines);
    return found;
}

int test_have_program(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

int test_run(const char *fmt, ...)
{
    char cmd[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return system(cmd);
}

/* The F1 of one line "type gold pred tp P R F1" of score.py into s. */
static void score_line(const char *line, test_scores *s)
{
    static const char *const types[] = TEST_SCORE_TYPES;
    char name[32];
    int gold, pred, tp;
    double p, r, f;
    if (sscanf(line, "micro F1 %lf", &s->micro) == 1)
        return;
    if (sscanf(line, "%31s %d %d %d %lf %lf %lf", name, &gold, &pred, &tp, &p, &r, &f) == 7)
        for (size_t t = 0; t < sizeof types / sizeof *types; t++)
            if (strcmp(name, types[t]) == 0)
                s->f1[t] = f;
}

void test_score(const char *gold_dir, const char *out_dir, test_scores *s)
{
    struct stat st;
    const char *python = stat("/usr/bin/python3", &st) == 0 ? "/usr/bin/python3" : "python3";
    char cmd[8192], line[512];
    snprintf(cmd, sizeof cmd, "%s '%s/eval/score.py' '%s' '%s' 2>&1", python, test_shared_dir(),
             gold_dir, out_dir);
    *s = (test_scores){ { -1, -1, -1, -1 }, -1, "" };
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p, "cannot run %s", cmd);
    while (fgets(line, sizeof line, p)) {
        strncat(s->report, line, sizeof s->report - strlen(s->report) - 1);
        score_line(line, s);
    }
    cr_assert_eq(pclose(p), 0, "score.py failed:\n%s", s->report);
    cr_log_info("score:\n%s", s->report);
}

/* testutil.h */
void test_write_pdf(const char *path, char **objs, size_t n)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    long *off = malloc(n * sizeof *off);
    cr_assert_not_null(off);
    fputs("%PDF-1.4\n", f);
    for (size_t i = 0; i < n; i++) {
        off[i] = ftell(f);
        fprintf(f, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    long x = ftell(f);
    fprintf(f, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%010ld 00000 n \n", off[i]);
    fprintf(f, "trailer\n<< /Size %zu /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", n + 1, x);
    fclose(f);
    free(off);
}

void test_buf_printf(test_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(b, fmt, ap);
    va_end(ap);
    cr_assert(!b->failed, "out of memory");
}

char *test_buf_take(test_buf *b)
{
    char *s = sb_take(b);
    cr_assert_not_null(s, "out of memory");
    return s;
}
