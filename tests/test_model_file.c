/*
 * test_model_file.c: compiled model files: a saved model opens and tags as
 * the original does; damaged, foreign and missing files are refused with the
 * file's name in the message; models compiled from dictionary files.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char *const sample =
    "In 2021 the U.S. Department of Homeland Security (DHS) paid Palantir $91.9 million for "
    "ICE\xe2\x80\x99s case management system. Article 17 of the ICCPR, General Comment No. 16 and "
    "A/HRC/48/31 set the standard; 8 U.S.C. \xc2\xa7 1253(a)(1) and the Keep Washington Working Act "
    "were cited. The UN Special Rapporteur on the right to privacy wrote to the European Union.";

/* A path in a fresh temporary directory; caller frees. */
static char *tmp_path(const char *name)
{
    char *dir = test_tmpdir();
    cr_assert_not_null(dir);
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    free(dir);
    return p;
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Tags `sample` with `m` into lines (malloc'd). */
static char *tag_lines_with(const doctag_model *m, const char *text)
{
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, m, text, strlen(text)), DOCTAG_OK, "%s", doctag_last_error());
    size_t cap = 8192, n = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < doctag_result_count(r); i++) {
        const doctag_entity *e = doctag_result_entity(r, i);
        n += (size_t)snprintf(out + n, cap - n, "%s|%s|%s|%zu\n", doctag_type_name(doctag_entity_type(e)),
                              doctag_entity_text(e), doctag_entity_canonical(e), doctag_entity_start(e));
        cr_assert_lt(n, cap);
    }
    doctag_result_free(r);
    return out;
}

/* Saves the default model to a temporary file; returns its path. */
static char *saved_default(size_t *len)
{
    char *path = tmp_path("default.model");
    cr_assert_eq(doctag_model_save(test_model(), path), DOCTAG_OK, "%s", doctag_last_error());
    char *data = test_read_file(path, len);
    cr_assert_not_null(data);
    cr_assert_gt(*len, 16);
    free(data);
    return path;
}

/* Opening `path` fails with `code`, and the message names the file. */
static void expect_open_fails(const char *path, int code)
{
    doctag_model *m = (doctag_model *)1;
    int rc = doctag_model_open(&m, path, NULL);
    cr_expect_eq(rc, code, "open %s: rc %d (%s), want %d", path, rc, doctag_strerror(rc), code);
    cr_expect_null(m, "*out is NULL on failure");
    cr_expect_not_null(strstr(doctag_last_error(), path), "message \"%s\" should name %s",
                       doctag_last_error(), path);
    if (rc == DOCTAG_OK)
        doctag_model_free(m);
}

/* ---- Round trip -------------------------------------------------------------- */

Test(model_file, saved_model_tags_as_the_default)
{
    size_t len;
    char *path = saved_default(&len);
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_open(&m, path, NULL), DOCTAG_OK, "%s", doctag_last_error());
    cr_expect_eq(doctag_model_entry_count(m), doctag_model_entry_count(test_model()));
    char *want = tag_lines_with(test_model(), sample);
    char *got = tag_lines_with(m, sample);
    cr_expect_gt(strlen(want), 200, "the sample has entities:\n%s", want);
    cr_expect_str_eq(got, want);
    free(want);
    free(got);
    doctag_model_free(m);
    remove(path);
    free(path);
}

/* ---- Damaged and foreign files --------------------------------------------- */

Test(model_file, truncated_file_is_refused)
{
    size_t len;
    char *path = saved_default(&len);
    char *data = test_read_file(path, &len);
    write_file(path, data, len / 2);
    expect_open_fails(path, DOCTAG_ERR_MODEL_FORMAT);
    write_file(path, data, len - 1);
    expect_open_fails(path, DOCTAG_ERR_MODEL_FORMAT);
    write_file(path, data, 10);
    expect_open_fails(path, DOCTAG_ERR_MODEL_FORMAT);
    write_file(path, data, 0);
    expect_open_fails(path, DOCTAG_ERR_MODEL_FORMAT);
    free(data);
    free(path);
}

Test(model_file, one_flipped_byte_is_caught)
{
    size_t len;
    char *path = saved_default(&len);
    char *data = test_read_file(path, &len);
    /* a byte in the middle, near the start, and in the checksum itself */
    size_t where[] = { len / 2, 20, len / 3 + 7, len - 2 };
    for (size_t i = 0; i < sizeof where / sizeof *where; i++) {
        data[where[i]] ^= 0x10;
        write_file(path, data, len);
        expect_open_fails(path, DOCTAG_ERR_MODEL_FORMAT);
        data[where[i]] ^= 0x10;
    }
    /* and restored, it opens again */
    write_file(path, data, len);
    doctag_model *m = NULL;
    cr_expect_eq(doctag_model_open(&m, path, NULL), DOCTAG_OK, "%s", doctag_last_error());
    doctag_model_free(m);
    free(data);
    free(path);
}

Test(model_file, a_file_that_is_not_a_model_is_refused)
{
    char *path = tmp_path("agency.dict");
    const char *src = "@type agency\nICE = Immigration and Customs Enforcement | ICE\n";
    write_file(path, src, strlen(src));
    expect_open_fails(path, DOCTAG_ERR_MODEL_FORMAT);
    static const char pdf[] = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    write_file(path, pdf, sizeof pdf - 1);
    expect_open_fails(path, DOCTAG_ERR_MODEL_FORMAT);
    free(path);
}

Test(model_file, a_missing_file_is_an_io_error)
{
    char *path = tmp_path("no-such.model");
    expect_open_fails(path, DOCTAG_ERR_IO);
    free(path);
}

Test(model_file, saving_where_it_cannot_be_written_is_an_io_error)
{
    char *path = tmp_path("no-such-dir/x.model");
    cr_expect_eq(doctag_model_save(test_model(), path), DOCTAG_ERR_IO);
    cr_expect_not_null(strstr(doctag_last_error(), path), "message \"%s\"", doctag_last_error());
    free(path);
}

/* ---- Compiling from dictionary files ------------------------------------------ */

Test(model_file, compile_from_a_dictionary_file)
{
    char *path = tmp_path("colorado.dict");
    const char *src =
        "# Colorado bodies named in the Daily Dot report\n"
        "@type agency\n"
        "Colorado DMV = Colorado Division of Motor Vehicles | Colorado DMV\n"
        "@type instrument\n"
        "HB19-1124 = HB19-1124 | House Bill 19-1124\n";
    write_file(path, src, strlen(src));
    const char *paths[] = { path };
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile(&m, paths, 1), DOCTAG_OK, "%s", doctag_last_error());
    cr_expect_eq(doctag_model_entry_count(m), 2, "two entries");
    cr_expect_eq(doctag_model_variant_count(m), 4, "four variants");
    char *got = tag_lines_with(m, "The Colorado DMV shared data with ICE despite House Bill 19-1124.");
    cr_expect_str_eq(got, "agency|Colorado DMV|id=Colorado DMV|4\n"
                          "instrument|House Bill 19-1124|id=HB19-1124|46\n",
                     "only the file's entries, no default ones (ICE):\n%s", got);
    free(got);

    /* the compiled model survives a save and open */
    char *mpath = tmp_path("colorado.model");
    cr_assert_eq(doctag_model_save(m, mpath), DOCTAG_OK, "%s", doctag_last_error());
    doctag_model *m2 = NULL;
    cr_assert_eq(doctag_model_open(&m2, mpath, NULL), DOCTAG_OK, "%s", doctag_last_error());
    char *a = tag_lines_with(m, sample), *b = tag_lines_with(m2, sample);
    cr_expect_str_eq(b, a);
    free(a);
    free(b);
    doctag_model_free(m2);
    doctag_model_free(m);
    free(mpath);
    free(path);
}

Test(model_file, compile_reports_the_dictionary_file_and_line)
{
    char *path = tmp_path("broken.dict");
    const char *src = "@type agency\nICE = ICE\n@type people\n";
    write_file(path, src, strlen(src));
    const char *paths[] = { path };
    doctag_model *m = NULL;
    cr_expect_eq(doctag_model_compile(&m, paths, 1), DOCTAG_ERR_DICT_SYNTAX);
    char where[4200];
    snprintf(where, sizeof where, "%s:3:", path);
    cr_expect_not_null(strstr(doctag_last_error(), where), "message \"%s\"", doctag_last_error());
    cr_expect_null(m);
    free(path);

    const char *missing[] = { "/nonexistent/doctag/mine.dict" };
    cr_expect_eq(doctag_model_compile(&m, missing, 1), DOCTAG_ERR_IO);
    cr_expect_not_null(strstr(doctag_last_error(), missing[0]), "message \"%s\"", doctag_last_error());
}

Test(model_file, serialize_and_open_buffer_round_trip)
{
    doctag_model *m = NULL, *back = NULL;
    cr_assert_eq(doctag_model_open(&m, NULL, NULL), DOCTAG_OK, "%s", doctag_last_error());
    void *data = NULL;
    size_t size = 0;
    cr_assert_eq(doctag_model_serialize(m, &data, &size), DOCTAG_OK, "%s", doctag_last_error());
    cr_assert_gt(size, 1000);
    cr_assert_eq(doctag_model_open_buffer(&back, data, size, NULL), DOCTAG_OK, "%s",
                 doctag_last_error());
    cr_expect_eq(doctag_model_entry_count(back), doctag_model_entry_count(m));
    cr_expect_eq(doctag_model_variant_count(back), doctag_model_variant_count(m));
    cr_expect_gt(doctag_model_variant_count(m), doctag_model_entry_count(m));
    const char *text = "OHCHR and the ICCPR cost $5 million (A/HRC/47/23).";
    char *a = tag_lines_with(m, text), *b = tag_lines_with(back, text);
    cr_expect_str_eq(a, b);
    cr_expect(strstr(a, "agency|OHCHR|") != NULL, "%s", a);
    free(a);
    free(b);
    /* a cut buffer is a format error, not a crash */
    doctag_model *cut = (doctag_model *)1;
    cr_expect_eq(doctag_model_open_buffer(&cut, data, size / 2, NULL), DOCTAG_ERR_MODEL_FORMAT);
    cr_expect_null(cut);
    doctag_free(data);
    doctag_model_free(back);
    doctag_model_free(m);
}
