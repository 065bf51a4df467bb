/*
 * test_model_file.c: compiled model files: a saved model opens and tags as
 * the original does; damaged, foreign and missing files are refused with the
 * file's name in the message; models compiled from dictionary files.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
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

/* ---- Hostile files: every length checked, serialised code not trusted -------- */

/* Little-endian u32 into a growing buffer. */
static size_t put32(unsigned char *b, size_t at, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        b[at + i] = (unsigned char)(v >> (8 * i));
    return at + 4;
}

/* Appends the checksum a model file ends with (as a hostile file would). */
static size_t seal(unsigned char *b, size_t len)
{
    return put32(b, len, hash_fnv1a(HASH_FNV_SEED, b, len));
}

static void expect_buffer_refused(const unsigned char *data, size_t len, unsigned flags)
{
    doctag_model_options o = DOCTAG_MODEL_OPTIONS_INIT;
    o.flags = flags;
    doctag_model *m = (doctag_model *)1;
    int rc = doctag_model_open_buffer(&m, data, len, &o);
    cr_expect_eq(rc, DOCTAG_ERR_MODEL_FORMAT, "rc %d (%s): %s", rc, doctag_strerror(rc),
                 doctag_last_error());
    cr_expect_null(m);
    if (rc == DOCTAG_OK)
        doctag_model_free(m);
}

/* 28 bytes, a valid checksum, a name-keys blob claiming 16384 bytes. */
Test(model_file, a_blob_longer_than_the_file_is_refused)
{
    unsigned char b[64];
    memcpy(b, "DOCTAGM\n", 8);
    size_t n = put32(b, 8, 5);   /* format version */
    n = put32(b, n, 0);          /* variants */
    n = put32(b, n, 0);          /* entries */
    n = put32(b, n, 16384);      /* name keys: claims a whole bitmap */
    n = seal(b, n);
    cr_assert_eq(n, 28);
    expect_buffer_refused(b, n, 0);
    expect_buffer_refused(b, n, DOCTAG_MODEL_TRUSTED);
}

/* One entry, one pattern whose @near blob runs past the end. */
Test(model_file, a_near_blob_past_the_end_is_refused)
{
    unsigned char b[256];
    memset(b, 0, sizeof b);
    memcpy(b, "DOCTAGM\n", 8);
    size_t n = put32(b, 8, 5);                     /* format version */
    n = put32(b, n, 1);                            /* variants */
    n = put32(b, n, 1);                            /* entries */
    n = put32(b, n, 0);                            /* type money */
    n = put32(b, n, 0);                            /* canon id */
    n = put32(b, n, 2);                            /* id "ID" */
    memcpy(b + n, "ID", 2);
    n = put32(b, n + 2, 0);                        /* no name keys */
    n = put32(b, n, 0);                            /* no names */
    n = put32(b, n, 0);                            /* no name entries */
    n = put32(b, n, 1);                            /* patterns */
    n = put32(b, n, 0);                            /* entry */
    n = put32(b, n, 0);                            /* entry base */
    n = put32(b, n, 0);                            /* not anchored */
    n += 32;                                       /* first-byte bitmap */
    n = put32(b, n, 1);                            /* source "x" */
    b[n++] = 'x';
    n = put32(b, n, 4000);                         /* near: claims 4000 bytes */
    memcpy(b + n, "lit\0", 4);
    n = put32(b, n + 4, 0);                        /* (what would be the pcre2 blob) */
    n = seal(b, n);
    expect_buffer_refused(b, n, 0);
    expect_buffer_refused(b, n, DOCTAG_MODEL_TRUSTED);
}

/* The default model saved, its first pcre2 blob's block size changed and
 * the checksum made right again: pcre2 would trust the code. */
Test(model_file, a_pcre2_blob_with_a_wrong_block_size_is_refused)
{
    size_t len;
    char *path = saved_default(&len);
    unsigned char *data = (unsigned char *)test_read_file(path, &len);
    cr_assert_not_null(data);
    const unsigned char blob_magic[4] = { 0x53, 0x32, 0x52, 0x50 };   /* 0x50523253 */
    unsigned char *blob = memmem(data, len, blob_magic, 4);
    cr_assert_not_null(blob, "a serialised pcre2 pattern in the saved model");
    /* header (16) + character tables (1088) + 5 pointers + start bitmap (32) */
    unsigned char *blocksize = blob + 16 + 1088 + 5 * sizeof(void *) + 32;
    cr_assert_lt((size_t)(blocksize + 8 - data), len);
    blocksize[1] ^= 0x40;   /* 16 KiB more or less than the code */
    seal(data, len - 4);
    expect_buffer_refused(data, len, 0);
    expect_buffer_refused(data, len, DOCTAG_MODEL_TRUSTED);
    free(data);
    free(path);
}

/* Trusted or not, an intact saved model opens and tags as the built-in one
 * (untrusted: every pattern compiled again from its source). */
Test(model_file, trusted_and_untrusted_loads_tag_alike)
{
    size_t len;
    char *path = saved_default(&len);
    char *data = test_read_file(path, &len);
    char *want = tag_lines_with(test_model(), sample);
    for (unsigned flags = 0; flags <= DOCTAG_MODEL_TRUSTED; flags += DOCTAG_MODEL_TRUSTED) {
        doctag_model_options o = DOCTAG_MODEL_OPTIONS_INIT;
        o.flags = flags;
        doctag_model *m = NULL;
        cr_assert_eq(doctag_model_open_buffer(&m, data, len, &o), DOCTAG_OK, "%s",
                     doctag_last_error());
        char *got = tag_lines_with(m, sample);
        cr_expect_str_eq(got, want, "flags %u", flags);
        free(got);
        doctag_model_free(m);
    }
    free(want);
    free(data);
    free(path);
}

/* Any truncation of a real model is refused (checksum made right each
 * time), never read past its end. */
Test(model_file, every_truncation_is_refused)
{
    size_t len;
    char *path = tmp_path("small.model");
    const char *src = "@type agency\nICE = ICE | Immigration and Customs Enforcement\n"
                      "@type money\n%money = /\\$\\d+/\n";
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile_buffer(&m, "small.dict", src, strlen(src)), DOCTAG_OK);
    cr_assert_eq(doctag_model_save(m, path), DOCTAG_OK);
    doctag_model_free(m);
    unsigned char *data = (unsigned char *)test_read_file(path, &len);
    for (size_t cut = 16; cut < len; cut += 7) {
        unsigned char *b = malloc(cut);
        memcpy(b, data, cut - 4);
        seal(b, cut - 4);
        expect_buffer_refused(b, cut, 0);
        free(b);
    }
    free(data);
    free(path);
}

/* An entry ID becomes a canonical form: one with a control character or
 * invalid UTF-8 is a damaged file (found by fuzz_model). */
Test(model_file, an_entry_id_with_a_control_character_is_refused)
{
    size_t len;
    char *path = tmp_path("ids.model");
    const char *src = "@type agency\nICE = ICE | Immigration and Customs Enforcement\n";
    doctag_model *m = NULL;
    cr_assert_eq(doctag_model_compile_buffer(&m, "ids.dict", src, strlen(src)), DOCTAG_OK);
    cr_assert_eq(doctag_model_save(m, path), DOCTAG_OK);
    doctag_model_free(m);
    unsigned char *data = (unsigned char *)test_read_file(path, &len);
    unsigned char *id = memmem(data, len, "\x03\x00\x00\x00ICE", 7);
    cr_assert_not_null(id);
    const char bad[] = { '\x01', '\xc6', ';' };
    for (size_t k = 0; k < sizeof bad; k++) {
        id[5] = (unsigned char)bad[k];
        seal(data, len - 4);
        expect_buffer_refused(data, len, 0);
    }
    free(data);
    free(path);
}
