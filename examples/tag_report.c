/*
 * tag_report.c: the README's C example, built with the project so that it
 * stays true. Tags a PDF (or a text file) with the default model and prints
 * one entity a line.
 *
 *   cc tag_report.c $(pkg-config --cflags --libs doctag) -o tag_report
 *   ./tag_report report.pdf
 */
#include <stdio.h>
#include <string.h>

#include <doctag.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s REPORT.pdf\n", argv[0]);
        return 2;
    }
    doctag_model *model;
    doctag_doc *doc;
    doctag_result *res;
    if (doctag_model_open(&model, NULL, NULL) != DOCTAG_OK) {   /* built-in model */
        fprintf(stderr, "%s\n", doctag_last_error());
        return 1;
    }
    int rc = doctag_doc_from_pdf_file(&doc, argv[1], NULL);
    if (rc != DOCTAG_OK) {   /* DOCTAG_ERR_PDF_ENCRYPTED, _PDF_NO_TEXT, _NOT_PDF, ... */
        fprintf(stderr, "%s: %s\n", doctag_strerror(rc), doctag_last_error());
        doctag_model_free(model);
        return 1;
    }
    rc = doctag_tag(&res, model, doc);
    for (size_t i = 0; rc == DOCTAG_OK && i < doctag_result_count(res); i++) {
        const doctag_entity *e = doctag_result_entity(res, i);
        printf("%s\t%s\t%s\tpage %d\n", doctag_type_name(doctag_entity_type(e)),
               doctag_entity_text(e), doctag_entity_canonical(e), doctag_entity_page(e));
    }
    doctag_result_free(res);
    doctag_doc_free(doc);
    doctag_model_free(model);
    return rc == DOCTAG_OK ? 0 : 1;
}
