/* testutil.c: small helpers shared by the Criterion tests. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <criterion/criterion.h>

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
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap + 1);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) { free(buf); buf = NULL; }
            buf = nb;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
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
    size_t cap = 256, n = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < doctag_result_count(res); i++) {
        const doctag_entity *e = doctag_result_entity(res, i);
        char line[2048];
        int k = snprintf(line, sizeof line, "%s|%s|%s\n",
                         doctag_type_name(doctag_entity_type(e)),
                         doctag_entity_text(e), doctag_entity_canonical(e));
        while (n + (size_t)k + 1 > cap)
            out = realloc(out, cap *= 2);
        memcpy(out + n, line, (size_t)k + 1);
        n += (size_t)k;
    }
    doctag_result_free(res);
    return out;
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
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        cr_assert(n >= 0);
        if ((size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        b->cap = (b->cap + (size_t)n) * 2;
        b->s = realloc(b->s, b->cap);
        cr_assert_not_null(b->s);
    }
}

char *test_buf_take(test_buf *b)
{
    char *s = b->s ? b->s : strdup("");
    memset(b, 0, sizeof *b);
    return s;
}
