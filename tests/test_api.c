/*
 * test_api.c: the public API's contract (doctag.h): version, errors, NULL
 * arguments, ownership, offsets into the caller's own text, and a model
 * shared by threads.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* ---- Version -------------------------------------------------------------- */

Test(api, version_function_and_macros_agree)
{
    cr_expect_str_eq(doctag_version(), DOCTAG_VERSION_STRING);
    cr_expect_eq(doctag_version_number(), DOCTAG_VERSION_NUMBER);
    char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", DOCTAG_VERSION_MAJOR, DOCTAG_VERSION_MINOR, DOCTAG_VERSION_PATCH);
    cr_expect_str_eq(buf, DOCTAG_VERSION_STRING);
}

/* ---- Errors ------------------------------------------------------------ */

Test(api, strerror_is_non_empty_and_distinct_for_every_code)
{
    for (int a = DOCTAG_OK; a >= DOCTAG_ERR_INTERNAL; a--) {
        const char *sa = doctag_strerror(a);
        cr_assert_not_null(sa, "code %d", a);
        cr_expect_gt(strlen(sa), 0, "code %d", a);
        for (int b = a - 1; b >= DOCTAG_ERR_INTERNAL; b--)
            cr_expect_str_neq(sa, doctag_strerror(b), "codes %d and %d share \"%s\"", a, b, sa);
    }
    /* unknown codes still get a string */
    cr_expect_not_null(doctag_strerror(1));
    cr_expect_not_null(doctag_strerror(-1000));
}

Test(api, type_names)
{
    cr_expect_str_eq(doctag_type_name(DOCTAG_TYPE_MONEY), "money");
    cr_expect_str_eq(doctag_type_name(DOCTAG_TYPE_UN_SYMBOL), "un_symbol");
    cr_expect_str_eq(doctag_type_name(DOCTAG_TYPE_AGENCY), "agency");
    cr_expect_str_eq(doctag_type_name(DOCTAG_TYPE_INSTRUMENT), "instrument");
    cr_expect_null(doctag_type_name(-1));
    cr_expect_null(doctag_type_name(DOCTAG_TYPE_COUNT));
}

static void *last_error_in_new_thread(void *arg)
{
    (void)arg;
    return strdup(doctag_last_error());
}

Test(api, last_error_is_per_thread)
{
    doctag_doc *d = NULL;
    cr_assert_eq(doctag_doc_from_text(&d, "bad \xff", 5), DOCTAG_ERR_UTF8);
    cr_expect_neq(doctag_last_error()[0], '\0', "the failure has a message");
    pthread_t t;
    void *msg = NULL;
    cr_assert_eq(pthread_create(&t, NULL, last_error_in_new_thread, NULL), 0);
    pthread_join(t, &msg);
    cr_expect_str_eq((char *)msg, "", "another thread has no error");
    free(msg);
}

/* ---- NULL arguments ------------------------------------------------------ */

Test(api, null_arguments_are_rejected_without_crashing)
{
    const doctag_model *m = test_model();
    doctag_model *mo = NULL;
    doctag_doc *d = NULL;
    doctag_result *r = NULL;
    const char *one[] = { NULL };

    cr_expect_eq(doctag_model_open(NULL, NULL, NULL), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_model_compile(NULL, one, 0), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_model_compile(&mo, NULL, 1), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_model_compile(&mo, one, 1), DOCTAG_ERR_ARG, "a NULL path in the list");
    cr_expect_eq(doctag_model_compile_buffer(NULL, "x", "@type agency\n", 13), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_model_compile_buffer(&mo, "x", NULL, 13), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_model_save(NULL, "/tmp/x.model"), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_model_save(m, NULL), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_model_entry_count(NULL), 0);

    cr_expect_eq(doctag_doc_from_text(NULL, "ICE", 3), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_doc_from_text(&d, NULL, 3), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_doc_from_pdf_file(NULL, "x.pdf", NULL), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_doc_from_pdf_file(&d, NULL, NULL), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_doc_from_pdf_buffer(NULL, "%PDF-", 5, NULL), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_doc_from_pdf_buffer(&d, NULL, 5, NULL), DOCTAG_ERR_ARG);
    size_t len = 99;
    cr_expect_null(doctag_doc_text(NULL, &len));
    cr_expect_eq(doctag_doc_page_count(NULL), 0);
    cr_expect_eq(doctag_doc_pages_without_text(NULL), 0);
    cr_expect_eq(doctag_doc_page_has_text(NULL, 1), 0);

    cr_assert_eq(doctag_doc_from_text(&d, "ICE", 3), DOCTAG_OK);
    cr_expect_eq(doctag_tag(NULL, m, d), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_tag(&r, NULL, d), DOCTAG_ERR_ARG);
    cr_expect_null(r);
    cr_expect_eq(doctag_tag(&r, m, NULL), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_tag_text(NULL, m, "ICE", 3), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_tag_text(&r, NULL, "ICE", 3), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_tag_text(&r, m, NULL, 3), DOCTAG_ERR_ARG);
    doctag_doc_free(d);

    cr_expect_eq(doctag_result_count(NULL), 0);
    cr_expect_null(doctag_result_entity(NULL, 0));
    cr_expect_eq(doctag_entity_type(NULL), -1);
    cr_expect_null(doctag_entity_text(NULL));
    cr_expect_null(doctag_entity_canonical(NULL));
    cr_expect_eq(doctag_entity_start(NULL), 0);
    cr_expect_eq(doctag_entity_end(NULL), 0);
    cr_expect_eq(doctag_entity_page(NULL), 0);
    cr_expect_eq(doctag_entity_box_count(NULL), 0);
    doctag_box b;
    cr_expect_eq(doctag_entity_box(NULL, 0, &b), DOCTAG_ERR_ARG);
}

/* Fails by crashing (Criterion reports a crashed test). */
Test(api, free_functions_accept_null)
{
    doctag_model_free(NULL);
    doctag_doc_free(NULL);
    doctag_result_free(NULL);
}

Test(api, options_with_a_wrong_version_are_rejected)
{
    doctag_model_options opts = DOCTAG_MODEL_OPTIONS_INIT;
    opts.version = DOCTAG_MODEL_OPTIONS_VERSION + 1;
    doctag_model *m = (doctag_model *)1;
    cr_expect_eq(doctag_model_open(&m, NULL, &opts), DOCTAG_ERR_ARG);
    cr_expect_null(m, "*out is NULL on failure");
    cr_expect_neq(doctag_last_error()[0], '\0');

    char want[80];
    snprintf(want, sizeof want, "doctag_model_open: unsupported options version %u",
             DOCTAG_MODEL_OPTIONS_VERSION + 1);
    cr_expect_str_eq(doctag_last_error(), want);

    doctag_pdf_options popts = DOCTAG_PDF_OPTIONS_INIT;
    popts.version = 0;
    doctag_doc *d = (doctag_doc *)1;
    static const char pdf[] = "%PDF-1.4\n%%EOF\n";
    cr_expect_eq(doctag_doc_from_pdf_buffer(&d, pdf, sizeof pdf - 1, &popts), DOCTAG_ERR_ARG);
    cr_expect_str_eq(doctag_last_error(),
                     "doctag_doc_from_pdf_buffer: unsupported options version 0");
}

/* Every version from 1 to the current one is accepted (an older caller). */
Test(api, options_of_every_older_version_are_accepted)
{
    for (unsigned v = 1; v <= DOCTAG_MODEL_OPTIONS_VERSION; v++) {
        doctag_model_options opts = DOCTAG_MODEL_OPTIONS_INIT;
        opts.version = v;
        doctag_model *m = NULL;
        cr_expect_eq(doctag_model_open(&m, NULL, &opts), DOCTAG_OK, "version %u: %s", v,
                     doctag_last_error());
        doctag_model_free(m);
    }
}

Test(api, page_range_of_a_text_document_is_an_error)
{
    doctag_doc *d = NULL;
    cr_assert_eq(doctag_doc_from_text(&d, "ICCPR", 5), DOCTAG_OK);
    int first = 7, last = 7;
    cr_expect_eq(doctag_doc_page_range(d, &first, &last), DOCTAG_ERR_ARG);
    cr_expect_eq(first, 0);
    cr_expect_eq(last, 0);
    cr_expect_eq(doctag_doc_page_range(NULL, NULL, NULL), DOCTAG_ERR_ARG);
    doctag_doc_free(d);
}

/* ---- Documents and results --------------------------------------------- */

Test(api, doc_from_text_rejects_invalid_utf8_with_the_offset)
{
    const char text[] = "ICE paid \xe2\x82\xac" "5 and \xc3\x28 more";
    doctag_doc *d = (doctag_doc *)1;
    cr_expect_eq(doctag_doc_from_text(&d, text, sizeof text - 1), DOCTAG_ERR_UTF8);
    cr_expect_null(d);
    cr_expect_not_null(strstr(doctag_last_error(), "18"), "message \"%s\" names byte 18",
                       doctag_last_error());
    doctag_result *r = NULL;
    cr_expect_eq(doctag_tag_text(&r, test_model(), text, sizeof text - 1), DOCTAG_ERR_UTF8);
    cr_expect_null(r);
}

Test(api, text_need_not_be_nul_terminated_and_is_copied)
{
    char buf[] = "ICE and DHSXXXX";
    doctag_doc *d = NULL;
    cr_assert_eq(doctag_doc_from_text(&d, buf, 11), DOCTAG_OK);
    memset(buf, 'Z', sizeof buf - 1);
    size_t len = 0;
    cr_expect_str_eq(doctag_doc_text(d, &len), "ICE and DHS");
    cr_expect_eq(len, 11);
    cr_expect_eq(doctag_doc_page_count(d), 0, "a text document has no pages");
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag(&r, test_model(), d), DOCTAG_OK);
    doctag_doc_free(d);   /* the result does not refer to the document */
    cr_expect_eq(doctag_result_count(r), 2);
    cr_expect_str_eq(doctag_entity_text(doctag_result_entity(r, 1)), "DHS");
    cr_expect_null(doctag_result_entity(r, 2));
    doctag_result_free(r);
}

Test(api, empty_text_gives_zero_entities)
{
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, test_model(), "", 0), DOCTAG_OK, "%s", doctag_last_error());
    cr_expect_eq(doctag_result_count(r), 0);
    doctag_result_free(r);
    cr_assert_eq(doctag_tag_text(&r, test_model(), " \n\n\t ", 5), DOCTAG_OK);
    cr_expect_eq(doctag_result_count(r), 0);
    doctag_result_free(r);
}

Test(api, entity_offsets_index_the_original_text)
{
    /* non-ASCII, curly quotes and double spaces before the entities */
    const char *text =
        "Am 3. M\xc3\xa4rz \xe2\x80\x94 \xe2\x80\x9cICE\xe2\x80\x99s\xe2\x80\x9d  contracts  with the "
        "Department  of Homeland\nSecurity\xc2\xa0(DHS) reached  $91.9\xc2\xa0million, "
        "said  the UN High Commissioner for Human Rights (A/HRC/45/9).";
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, test_model(), text, strlen(text)), DOCTAG_OK);
    const char *want[] = { "ICE", "Department  of Homeland\nSecurity", "DHS", "$91.9\xc2\xa0million",
                           "UN High Commissioner for Human Rights", "A/HRC/45/9" };
    size_t n = sizeof want / sizeof *want;
    cr_assert_eq(doctag_result_count(r), n, "%zu entities", doctag_result_count(r));
    for (size_t i = 0; i < n; i++) {
        const doctag_entity *e = doctag_result_entity(r, i);
        size_t s = doctag_entity_start(e), end = doctag_entity_end(e);
        cr_assert_leq(end, strlen(text));
        cr_expect_eq(end - s, strlen(doctag_entity_text(e)));
        cr_expect_eq(memcmp(text + s, doctag_entity_text(e), end - s), 0, "text[start:end] of %zu", i);
        cr_expect_str_eq(doctag_entity_text(e), want[i]);
        cr_expect_eq(s, (size_t)(strstr(text, want[i]) - text), "start of \"%s\"", want[i]);
    }
    cr_expect_str_eq(doctag_entity_canonical(doctag_result_entity(r, 3)), "value=91900000;currency=USD");
    doctag_result_free(r);
}

Test(api, entity_box_on_text_is_an_error_and_page_zero)
{
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, test_model(), "Data went to ICE.", 17), DOCTAG_OK);
    cr_assert_eq(doctag_result_count(r), 1);
    const doctag_entity *e = doctag_result_entity(r, 0);
    cr_expect_eq(doctag_entity_page(e), 0);
    cr_expect_eq(doctag_entity_box_count(e), 0);
    doctag_box b = { 7, 1, 2, 3, 4 };
    cr_expect_eq(doctag_entity_box(e, 0, &b), DOCTAG_ERR_ARG);
    cr_expect_eq(doctag_entity_box(e, 0, NULL), DOCTAG_ERR_ARG);
    doctag_result_free(r);
}

/* ---- A model shared by threads ------------------------------------------ */

#define N_THREADS 4

static char *shared_text;

static void *tag_in_thread(void *arg)
{
    (void)arg;
    char *all = NULL;
    for (int round = 0; round < 20; round++) {
        free(all);
        all = test_tag_lines(shared_text);
    }
    return all;
}

Test(api, model_shared_by_threads_gives_identical_results)
{
    static const char para[] =
        "In 2021 the U.S. Department of Homeland Security (DHS) paid Palantir $91.9 million. "
        "Article 17 of the ICCPR and General Comment No. 16 apply; see A/HRC/48/31 and "
        "8 U.S.C. \xc2\xa7 1253(a)(1). ICE\xe2\x80\x99s contracts rose to $65\xe2\x80\x93" "68 billion.\n\n";
    size_t n = 40, plen = strlen(para);
    shared_text = malloc(n * plen + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(shared_text + i * plen, para, plen);
    shared_text[n * plen] = '\0';
    test_model();   /* opened once, before the threads start */
    char *want = test_tag_lines(shared_text);
    cr_assert_gt(strlen(want), 100, "the text has entities:\n%s", want);
    pthread_t t[N_THREADS];
    for (int i = 0; i < N_THREADS; i++)
        cr_assert_eq(pthread_create(&t[i], NULL, tag_in_thread, NULL), 0);
    for (int i = 0; i < N_THREADS; i++) {
        void *got = NULL;
        pthread_join(t[i], &got);
        cr_expect_str_eq((char *)got, want, "thread %d differs", i);
        free(got);
    }
    free(want);
    free(shared_text);
}
