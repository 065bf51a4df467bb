/* output.h: the doctag CLI's entity writers (JSON Lines, TSV and CSV).
 *
 * Only the public API (doctag.h) is used: an entity is read through its
 * accessors and written as one line. Write errors are left in the FILE's
 * error indicator for the caller to check (ferror) once the file is done. */
#ifndef DOCTAG_CLI_OUTPUT_H
#define DOCTAG_CLI_OUTPUT_H

#include <stdio.h>

#include "doctag.h"

typedef enum output_format {
    OUTPUT_JSONL,
    OUTPUT_TSV,
    OUTPUT_CSV
} output_format;

/* "jsonl" / "tsv" / "csv" -> format; returns -1 for an unknown name. */
int output_format_from_name(const char *name, output_format *out);

/* The file name extension for a format, with its dot: ".jsonl", ".tsv",
 * ".csv". */
const char *output_format_extension(output_format format);

/* The header line of a format (TSV and CSV; JSON Lines has none):
 * doc, type, text, start, end, canonical, page, path. */
void output_write_header(FILE *f, output_format format);

/* One entity of document `doc_name`, read from the input `path` (as given:
 * "-" for stdin; NULL leaves it out of JSON and empty in a table), as one
 * JSON line or table row. `is_pdf` adds the page and the boxes (JSON) or
 * the page column (TSV, CSV; empty for text). A CSV row is RFC 4180: a
 * field holding a comma, a quote or a line break is quoted (quotes
 * doubled), so an entity that spans a line break stays one row; rows end
 * in CRLF. */
void output_write_entity_of(FILE *f, output_format format, const char *doc_name,
                            const char *path, const doctag_entity *e, int is_pdf);

/* The same without the path. */
void output_write_entity(FILE *f, output_format format, const char *doc_name,
                         const doctag_entity *e, int is_pdf);

/* A document's entities written one after another to the same file, as
 * output_write_entity_of() writes each: JSON Lines rows are gathered in
 * one buffer handed to stdio when full and when closed, their start
 * ("doc", "path") escaped once for the document. Nothing else may write to
 * `f` between open and close; doc_name and path must stay valid until
 * close. open returns 0, or -1 when out of memory (nothing to close). */
typedef struct output_writer {
    FILE *f;
    output_format format;
    const char *doc_name, *path;
    int is_pdf;
    char *head;          /* JSON: the rows' start */
    size_t head_len;
    char *buf;           /* rows not yet handed to stdio */
    size_t n;
} output_writer;

#define OUTPUT_WRITER_BUFFER 65536

int output_writer_open(output_writer *w, FILE *f, output_format format, const char *doc_name,
                       const char *path, int is_pdf);
void output_writer_entity(output_writer *w, const doctag_entity *e);
void output_writer_close(output_writer *w);

/* `s` as a JSON string literal, quotes included. UTF-8 passes through;
 * quotes, backslashes and control characters are escaped, and a byte that
 * is not part of valid UTF-8 becomes U+FFFD so the line stays valid JSON. */
void output_json_string(FILE *f, const char *s);

/* `s` as one TSV field: backslash, tab, newline and carriage return are
 * written as \\, \t, \n and \r so a field never breaks the table. */
void output_tsv_field(FILE *f, const char *s);

/* `s` as one RFC 4180 CSV field: as it is, or in double quotes (with each
 * quote doubled) when it holds a comma, a quote, CR or LF. */
void output_csv_field(FILE *f, const char *s);

/* ---- Output directory ---------------------------------------------------- */

/* mkdir -p: creates `dir` and its missing parents. Returns 0 or errno. */
int output_make_directories(const char *dir);

/* The document names written into --out-dir so far: two inputs with the
 * same name (text/a.txt, pdf/a.pdf) must not silently overwrite each other.
 * An open-addressing hash set, as batches can hold many thousand files.
 * Zero-initialise it; free it with name_set_free(). */
typedef struct name_set {
    char **slots;
    size_t cap, count;
} name_set;

/* Adds `name`: 1 if added, 0 if it was there already, -1 out of memory. */
int name_set_add(name_set *set, const char *name);
void name_set_free(name_set *set);

#endif
