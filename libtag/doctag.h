/*
 * doctag.h: the public API of libdoctag.
 *
 * libdoctag turns reports (UTF-8 text or PDF) into clean text and tags four
 * kinds of entities in it: legal instruments, UN document symbols,
 * government and intergovernmental agencies, and money amounts.
 *
 *     doctag_model  *model;   immutable compiled dictionaries; share it
 *     doctag_doc    *doc;     one document: its text (and page layout)
 *     doctag_result *result;  the entities tagged in one document
 *
 * Conventions (as in libgit2 and zstd):
 * - Every exported name starts with `doctag_` / `DOCTAG_`.
 * - Functions that can fail return an int: DOCTAG_OK (0) or a negative
 *   doctag_error code. doctag_strerror() names the code; doctag_last_error()
 *   gives the detailed message of the last failure in the calling thread
 *   (file name, line number, byte offset...).
 * - An object handed back through an `out` parameter belongs to the caller,
 *   who frees it with that type's own free function (each accepts NULL).
 *   A pointer returned directly is borrowed from its parent object and lives
 *   as long as that parent.
 * - Option structs carry a `version` (set it with the _INIT macro): every
 *   version from 1 to the current one is accepted, so a program built
 *   against an older header keeps working; anything else fails with
 *   DOCTAG_ERR_ARG and the message "<call>: unsupported options version N".
 * - Threads: a doctag_model may be used by any number of threads at once
 *   (it is never modified after it is opened). A doctag_doc or
 *   doctag_result may be read by several threads at once, but not while
 *   one of them frees it. doctag_last_error() is per thread.
 * - The library keeps no global mutable state, never prints, never aborts.
 * - Every call below says what it returns; "since 0.1" is the version that
 *   added it. Calls in the section "Experimental" may still change.
 */
#ifndef DOCTAG_H
#define DOCTAG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(DOCTAG_BUILDING)
#define DOCTAG_API __attribute__((visibility("default")))
#else
#define DOCTAG_API
#endif

/* ---- Version ----------------------------------------------------------- */

/* DOCTAG_VERSION_MAJOR, _MINOR, _PATCH, _NUMBER (major * 10000 + minor *
 * 100 + patch) and _STRING, generated from the one version in meson.build. */
#include "doctag_version.h"

/* The version of the library actually loaded, e.g. "0.2.0" and 200.
 * Compare with the macros above to detect a header/library mismatch.
 * Never fail; the string is static. Any thread. Since 0.1. */
DOCTAG_API const char *doctag_version(void);
DOCTAG_API int doctag_version_number(void);

/* ---- Errors ------------------------------------------------------------ */

typedef enum doctag_error {
    DOCTAG_OK = 0,
    DOCTAG_ERR_NOMEM = -1,          /* out of memory */
    DOCTAG_ERR_ARG = -2,            /* a NULL or out-of-range argument */
    DOCTAG_ERR_IO = -3,             /* a file could not be read or written
                                       (the system's reason: doctag_last_errno()) */
    DOCTAG_ERR_UTF8 = -4,           /* text is not valid UTF-8 (message: byte offset) */
    DOCTAG_ERR_EMPTY = -5,          /* the input is empty */
    DOCTAG_ERR_DICT_SYNTAX = -6,    /* malformed dictionary line (message: file:line) */
    DOCTAG_ERR_PATTERN = -7,        /* a dictionary pattern does not compile (file:line) */
    DOCTAG_ERR_MODEL_FORMAT = -8,   /* not a doctag model file, or an incompatible one */
    DOCTAG_ERR_NOT_PDF = -9,        /* the input is not a PDF (no %PDF- header) */
    DOCTAG_ERR_PDF_CORRUPT = -10,   /* a damaged or truncated PDF poppler cannot open */
    DOCTAG_ERR_PDF_ENCRYPTED = -11, /* encrypted PDF: no password, or a wrong one */
    DOCTAG_ERR_PDF_NO_PAGES = -12,  /* a PDF with no pages */
    DOCTAG_ERR_PDF_NO_TEXT = -13,   /* no text layer on any page (scanned: needs OCR) */
    DOCTAG_ERR_PAGE_RANGE = -14,    /* the requested pages are not in the document */
    DOCTAG_ERR_UNSUPPORTED = -15,   /* built without this feature */
    DOCTAG_ERR_INTERNAL = -16,      /* a bug in libdoctag: please report it */
    /* PDF work limit: a page whose text poppler could not extract within
     * the per-page budget (doctag_limits.pdf_page_ms: forms nested to draw
     * millions of times, a PDF built to exhaust readers), or a PDF with
     * more pages than doctag_limits.max_pages; the message names it. */
    DOCTAG_ERR_PDF_LIMIT = -17,
    DOCTAG_ERR_LIMIT_INPUT = -18,   /* input larger than doctag_limits.max_input_bytes */
    DOCTAG_ERR_LIMIT_ENTITIES = -19 /* more entities than doctag_limits.max_entities */
} doctag_error;

/* A static English name of an error code ("invalid UTF-8"); "unknown
 * error" for a value that is not a doctag_error. Never NULL, never fails.
 * Any thread. Since 0.1. */
DOCTAG_API const char *doctag_strerror(int code);

/* The detailed message of the last failed call made by this thread, e.g.
 * "models/agency.dict:12: expected 'ID = variant | variant'". Empty string
 * when the thread's last call succeeded. A file that cannot be opened, read
 * or written gives the system's reason: "cannot open report.pdf: No such
 * file or directory". Borrowed: valid until the thread's next doctag call.
 * Since 0.1. */
DOCTAG_API const char *doctag_last_error(void);

/* The errno value behind the last failed call made by this thread, when
 * that call failed with DOCTAG_ERR_IO on a file: ENOENT (no such file),
 * EACCES (permission denied), EISDIR (a directory given as a file), ENOSPC
 * ... 0 when the last failure was not a system error, or the thread has
 * none. Like doctag_last_error(), reset by the thread's next doctag call
 * that can fail. Since 0.2. */
DOCTAG_API int doctag_last_errno(void);

/* ---- Entity types ------------------------------------------------------ */

typedef enum doctag_type {
    DOCTAG_TYPE_MONEY = 0,
    DOCTAG_TYPE_UN_SYMBOL = 1,
    DOCTAG_TYPE_AGENCY = 2,
    DOCTAG_TYPE_INSTRUMENT = 3
} doctag_type;
#define DOCTAG_TYPE_COUNT 4

/* "money", "un_symbol", "agency", "instrument"; NULL for an unknown value.
 * Static strings; any thread. Since 0.1. */
DOCTAG_API const char *doctag_type_name(int type);

/* ---- Model ------------------------------------------------------------- */

typedef struct doctag_model doctag_model;

/* Flags for doctag_model_options.flags. DOCTAG_MODEL_FAST_LOAD: accepted
 * and without effect since model format 5: names are matched by a trie
 * built when the model opens (a few milliseconds), not by JIT-compiled
 * patterns, so there is no slower start to trade against. */
#define DOCTAG_MODEL_FAST_LOAD 1u
/* DOCTAG_MODEL_TRUSTED: the model file comes from a trusted source (you
 * made it with this library): its patterns' compiled pcre2 code is loaded
 * as it is. Without it, a model file is data from outside: every length and
 * offset in it is checked, and each pattern is compiled again from the
 * source held in the file, because pcre2 runs serialised code unchecked
 * (a crafted file could crash the process). The checks cost nothing; the
 * compiling costs the load time of a dictionary-source model (tens of ms
 * for the default model). The built-in model is always trusted. */
#define DOCTAG_MODEL_TRUSTED 2u

/* Limits on the work of one document, so that a hostile or broken input
 * ends with an error naming the limit instead of exhausting memory or
 * time. A field 0 means the library's default. Fill one with
 * doctag_limits_init() (which sets the version and the defaults), change
 * what you need, and pass it in doctag_model_options.limits (every
 * document tagged with that model is held to it) and in
 * doctag_pdf_options.limits (every PDF read with those options). Since 0.3. */
#define DOCTAG_LIMITS_VERSION 1
typedef struct doctag_limits {
    unsigned version;        /* DOCTAG_LIMITS_VERSION */
    size_t max_input_bytes;  /* text tagged, or a file read by path (PDF,
                                model, dictionary): DOCTAG_ERR_LIMIT_INPUT
                                beyond it; default 256 MiB */
    size_t max_entities;     /* entities in one result:
                                DOCTAG_ERR_LIMIT_ENTITIES beyond it;
                                default 1,000,000 */
    int max_pages;           /* pages read from one PDF (after the page
                                range): DOCTAG_ERR_PDF_LIMIT beyond it;
                                default 100,000 */
    int pdf_page_ms;         /* CPU milliseconds poppler may spend on one
                                page: DOCTAG_ERR_PDF_LIMIT beyond it;
                                default 4,000 (real pages take < 100) */
} doctag_limits;

/* Sets `limits` to DOCTAG_LIMITS_VERSION and the default of every field
 * (so that a caller can print or scale them). Does nothing for NULL. Any
 * thread. Since 0.3. */
DOCTAG_API void doctag_limits_init(doctag_limits *limits);

/* Version 2 (0.3) added `limits`; a version 1 struct (without it) is still
 * read. */
#define DOCTAG_MODEL_OPTIONS_VERSION 2
typedef struct doctag_model_options {
    unsigned version;                  /* DOCTAG_MODEL_OPTIONS_VERSION */
    const char *const *dictionaries;   /* extra dictionary source files ... */
    size_t n_dictionaries;             /* ... added on top of the model */
    unsigned flags;                    /* DOCTAG_MODEL_* flags, or 0 */
    const doctag_limits *limits;       /* NULL: the defaults (copied at open) */
} doctag_model_options;
#define DOCTAG_MODEL_OPTIONS_INIT { DOCTAG_MODEL_OPTIONS_VERSION, NULL, 0, 0, NULL }

/* Opens a compiled model file (written by doctag_model_save() or `doctag
 * compile`). `path` NULL opens the default model built into the library (no
 * data file needed). `opts` may be NULL; its dictionaries (source format,
 * see models/README.md) are compiled and added on top at load time.
 * Returns DOCTAG_OK and sets *out, which the caller frees with
 * doctag_model_free(); on failure *out is NULL and the code is
 * DOCTAG_ERR_ARG (NULL out, bad options), DOCTAG_ERR_IO (the file cannot be
 * read; the message has the system's reason), DOCTAG_ERR_MODEL_FORMAT (not
 * a doctag model, or a damaged or hostile one), DOCTAG_ERR_LIMIT_INPUT (a
 * file larger than the limits' max_input_bytes), DOCTAG_ERR_DICT_SYNTAX /
 * DOCTAG_ERR_PATTERN (an extra dictionary; the message has file:line),
 * DOCTAG_ERR_UTF8 (a dictionary that is not UTF-8: file:line and byte
 * offset) or DOCTAG_ERR_NOMEM. A model file is not trusted unless
 * opts->flags has DOCTAG_MODEL_TRUSTED (see there). Any thread. Since 0.1. */
DOCTAG_API int doctag_model_open(doctag_model **out, const char *path,
                                 const doctag_model_options *opts);

/* Compiles a model from dictionary source files only (no default model).
 * Returns as doctag_model_open() (DOCTAG_ERR_ARG also for source_paths NULL
 * with n > 0 or a NULL path among them). Since 0.1. */
DOCTAG_API int doctag_model_compile(doctag_model **out,
                                    const char *const *source_paths, size_t n);

/* Compiles a model from one dictionary source held in memory (read only
 * during the call); `name` (may be NULL) names it in error messages.
 * Returns as doctag_model_compile(). Since 0.1. */
DOCTAG_API int doctag_model_compile_buffer(doctag_model **out, const char *name,
                                           const char *source, size_t len);

/* Writes a model to `path` in the compiled format doctag_model_open()
 * reads. Returns DOCTAG_OK, DOCTAG_ERR_ARG, DOCTAG_ERR_IO (with the
 * system's reason) or DOCTAG_ERR_NOMEM. Any thread. Since 0.1. */
DOCTAG_API int doctag_model_save(const doctag_model *model, const char *path);

/* The number of dictionary entries (one per id: a name with its acronyms
 * and variants, or a pattern) in the model; 0 for NULL. Since 0.1 (before
 * 0.2 it counted variants, now doctag_model_variant_count()). */
DOCTAG_API size_t doctag_model_entry_count(const doctag_model *model);

/* The number of variants (each spelling of each entry) in the model; 0 for
 * NULL. Since 0.2. */
DOCTAG_API size_t doctag_model_variant_count(const doctag_model *model);

/* Frees a model and everything borrowed from it; NULL is a no-op. No other
 * thread may be using the model. Since 0.1. */
DOCTAG_API void doctag_model_free(doctag_model *model);

/* ---- Document ---------------------------------------------------------- */

typedef struct doctag_doc doctag_doc;

/* A document from UTF-8 text (copied; need not be NUL-terminated). Returns
 * DOCTAG_OK and sets *out (the caller frees it with doctag_doc_free()), or
 * DOCTAG_ERR_ARG, DOCTAG_ERR_UTF8 (the message gives the byte offset of
 * the first invalid sequence) or DOCTAG_ERR_NOMEM, with *out NULL. Empty
 * text is a valid document with no entities. Any thread. Since 0.1. */
DOCTAG_API int doctag_doc_from_text(doctag_doc **out, const char *text, size_t len);

/* Version 2 (0.3) added `limits`, version 3 (0.4) `readers`; version 1
 * and 2 structs (without them) are still read. */
#define DOCTAG_PDF_OPTIONS_VERSION 3
typedef struct doctag_pdf_options {
    unsigned version;      /* DOCTAG_PDF_OPTIONS_VERSION */
    const char *password;  /* for an encrypted PDF, or NULL */
    int first_page;        /* 1-based, inclusive; 0 = from the first page */
    int last_page;         /* 1-based, inclusive; 0 = to the last page */
    const doctag_limits *limits; /* NULL: the defaults (max_input_bytes,
                                    max_pages, pdf_page_ms are used) */
    int readers;           /* processes reading the pages at once: 0 or 1
                              one (the default), N > 1 up to N (at most 64),
                              DOCTAG_PDF_READERS_AUTO (any negative value)
                              as many as the CPUs this process may run on,
                              at most 8; never more than one per 8 pages
                              read. Since 0.4. */
} doctag_pdf_options;
#define DOCTAG_PDF_OPTIONS_INIT { DOCTAG_PDF_OPTIONS_VERSION, NULL, 0, 0, NULL, 0 }
#define DOCTAG_PDF_READERS_AUTO (-1)

/* A document from a PDF file or a PDF held in memory (the buffer is only
 * read during the call). The text is extracted in reading order, with
 * running headers, footers and page numbers dropped and line-break hyphens
 * re-joined. `opts` may be NULL. Returns DOCTAG_OK and sets *out (the
 * caller frees it with doctag_doc_free()), or, with *out NULL:
 * DOCTAG_ERR_ARG (NULL argument, bad options), DOCTAG_ERR_IO (file
 * unreadable, with the system's reason), DOCTAG_ERR_EMPTY, DOCTAG_ERR_NOT_PDF
 * (no %PDF- header), DOCTAG_ERR_PDF_CORRUPT, DOCTAG_ERR_PDF_ENCRYPTED
 * (password missing or wrong), DOCTAG_ERR_PDF_NO_PAGES,
 * DOCTAG_ERR_PDF_NO_TEXT (no page read has a text layer: OCR needed),
 * DOCTAG_ERR_PAGE_RANGE, DOCTAG_ERR_UNSUPPORTED (built without PDF support)
 * DOCTAG_ERR_PDF_LIMIT (a page over its CPU budget, doctag_limits'
 * pdf_page_ms, or more pages than max_pages; the message names the page),
 * DOCTAG_ERR_LIMIT_INPUT (a file over max_input_bytes) or
 * DOCTAG_ERR_NOMEM; a crash inside poppler gives DOCTAG_ERR_PDF_CORRUPT.
 * The message names the file. Any thread (poppler documents are not
 * shared between calls). Pages are read by poppler in a child process
 * where the budget is enforced: a fork of a single-threaded caller; in a
 * process with threads the helper program doctag-pdf-reader from
 * libexecdir ($DOCTAG_PDF_READER overrides its path), started with
 * posix_spawn. Where the helper is not installed (the Python wheel ships
 * none), a threaded caller reads the pages in process, without the
 * budget. With opts->readers > 1 (or AUTO) several such processes read
 * the pages at once, interleaved (reader k of R reads the pages first+k,
 * first+k+R, ...), so a long PDF is read in about 1/R of the time on R
 * free cores, for a little more CPU time in all (each process builds
 * poppler's fonts again) and one more process's memory per reader; the
 * text, pages and boxes are byte for byte those of one reader, and the
 * errors the same (the page named is the one that failed). They are
 * started and ended within the call: none outlives it, on success or
 * error. Read in process, there is one reader. Since 0.1. */
DOCTAG_API int doctag_doc_from_pdf_file(doctag_doc **out, const char *path,
                                        const doctag_pdf_options *opts);
DOCTAG_API int doctag_doc_from_pdf_buffer(doctag_doc **out, const void *data,
                                          size_t size, const doctag_pdf_options *opts);

/* The document's text (UTF-8, NUL-terminated; *len, if not NULL, gets its
 * length in bytes). For a PDF, the extracted text, pages separated by a
 * blank line. Borrowed from the doc; NULL (and *len 0) for a NULL doc.
 * Since 0.1. */
DOCTAG_API const char *doctag_doc_text(const doctag_doc *doc, size_t *len);

/* The number of pages in the PDF file, whatever range was read; 0 for a
 * text document or NULL. Since 0.1. */
DOCTAG_API int doctag_doc_page_count(const doctag_doc *doc);

/* The pages that were read (1-based, inclusive) into *first and *last
 * (either may be NULL). Returns DOCTAG_OK, or DOCTAG_ERR_ARG for NULL or a
 * text document (then both are set to 0). Since 0.2. */
DOCTAG_API int doctag_doc_page_range(const doctag_doc *doc, int *first, int *last);

/* Where the text of `page` (1-based) begins in doctag_doc_text(): *offset
 * gets the byte offset of its first character. A page of the range read
 * that gave no text starts where the next page's text does (or at the end
 * of the text). The bytes just before a page's start are the break the
 * extractor put between the pages ("\n\n", "\n", " ", or none where a
 * hyphenated word was re-joined across them). Returns DOCTAG_OK, or
 * DOCTAG_ERR_PAGE_RANGE for a page outside the range read (any page of a
 * text document), DOCTAG_ERR_ARG for NULL arguments. Since 0.2. */
DOCTAG_API int doctag_doc_page_start(const doctag_doc *doc, int page, size_t *offset);

/* Among the pages read, the number without a text layer (scanned images:
 * OCR needed); 0 for text or NULL. Since 0.1. */
DOCTAG_API int doctag_doc_pages_without_text(const doctag_doc *doc);

/* 1 if page `page` (1-based) was read and has a text layer, 0 otherwise
 * (no text layer, outside the range read, a text document, NULL). Since
 * 0.1. */
DOCTAG_API int doctag_doc_page_has_text(const doctag_doc *doc, int page);

/* Frees a document; NULL is a no-op. Results tagged from it stay valid.
 * Since 0.1. */
DOCTAG_API void doctag_doc_free(doctag_doc *doc);

/* ---- Tagging ----------------------------------------------------------- */

typedef struct doctag_result doctag_result;
typedef struct doctag_entity doctag_entity;

/* Tags a document. Returns DOCTAG_OK and sets *out (the caller frees it
 * with doctag_result_free()), or DOCTAG_ERR_ARG (a NULL argument),
 * DOCTAG_ERR_UTF8 (a document made by doctag_tag_text() from invalid UTF-8)
 * DOCTAG_ERR_LIMIT_INPUT (a text longer than the model's max_input_bytes),
 * DOCTAG_ERR_LIMIT_ENTITIES (more entities than max_entities) or
 * DOCTAG_ERR_NOMEM, with *out NULL. A pattern that hits pcre2's match or
 * JIT stack limit in one region of a pathological text (say 200 KB of
 * "A/A/A/...") is not an error: that region is skipped for that pattern,
 * reported as a warning of the result, and the rest is tagged. The result does not refer to the
 * document: either may be freed first. Any number of threads may tag with
 * one model at once. Since 0.1. */
DOCTAG_API int doctag_tag(doctag_result **out, const doctag_model *model,
                          const doctag_doc *doc);

/* doctag_doc_from_text() + doctag_tag() in one call, without copying the
 * text: it is read where it lies during the call. Returns as doctag_tag(),
 * and DOCTAG_ERR_UTF8 with the byte offset for invalid UTF-8. Since 0.1. */
DOCTAG_API int doctag_tag_text(doctag_result **out, const doctag_model *model,
                               const char *text, size_t len);

/* The number of entities (0 for NULL), and entity `index` in document
 * order: borrowed from the result, NULL when index >= count. Since 0.1. */
DOCTAG_API size_t doctag_result_count(const doctag_result *result);
DOCTAG_API const doctag_entity *doctag_result_entity(const doctag_result *result,
                                                     size_t index);

/* Frees a result and its entities; NULL is a no-op. Since 0.1. */
DOCTAG_API void doctag_result_free(doctag_result *result);

/* Warnings of a successful tagging: regions of the text skipped because a
 * pattern hit a match limit there, e.g. "un_symbol pattern 7: JIT stack
 * limit at bytes 1204-221204; region skipped". doctag_result_warning()
 * returns NULL when index >= count or for a NULL result; the string is
 * borrowed from the result. At most 100 are kept; the last then says how
 * many more. Any thread. Since 0.3. */
DOCTAG_API size_t doctag_result_warning_count(const doctag_result *result);
DOCTAG_API const char *doctag_result_warning(const doctag_result *result, size_t index);

/* One entity's fields. Strings are NUL-terminated and borrowed from the
 * result. Each call accepts NULL and then returns 0 / NULL (the type: -1).
 * Since 0.1. */
DOCTAG_API doctag_type doctag_entity_type(const doctag_entity *e);
/* The exact text of the span in the document's text. */
DOCTAG_API const char *doctag_entity_text(const doctag_entity *e);
/* Byte offsets [start, end) into the document's text (doctag_doc_text(),
 * i.e. the caller's own text for doctag_doc_from_text()). */
DOCTAG_API size_t doctag_entity_start(const doctag_entity *e);
DOCTAG_API size_t doctag_entity_end(const doctag_entity *e);
/* "key=value;key=value", e.g. "value=91900000;currency=USD", "id=ICE". */
DOCTAG_API const char *doctag_entity_canonical(const doctag_entity *e);

/* Where the entity sits in a PDF: one box per line it spans, in PDF points
 * with the origin at the page's top-left corner (poppler's convention).
 * doctag_entity_page() is the page of the first box (1-based), 0 for text.*/
typedef struct doctag_box {
    int page;
    double x0, y0, x1, y1;
} doctag_box;
DOCTAG_API int doctag_entity_page(const doctag_entity *e);
/* The number of boxes (0 for text or NULL), and box `index` copied into
 * *out: DOCTAG_OK, or DOCTAG_ERR_ARG for NULL or index >= count. */
DOCTAG_API size_t doctag_entity_box_count(const doctag_entity *e);
DOCTAG_API int doctag_entity_box(const doctag_entity *e, size_t index, doctag_box *out);

/* ---- Highlighted PDFs --------------------------------------------------- */

/* One mark to highlight: an entity's boxes (doctag_entity_box()), a colour
 * and a note. */
typedef struct doctag_highlight {
    int type;                  /* a doctag_type: picks the default colour */
    const char *note;          /* the annotation's text (UTF-8), or NULL;
                                  doctag's CLI writes "TYPE: CANONICAL" */
    unsigned rgb;              /* 0xRRGGBB; 0 = doctag_type_color(type) */
    const doctag_box *boxes;   /* one per line, top-left based PDF points */
    size_t n_boxes;
} doctag_highlight;

/* Writes a copy of the PDF file `pdf_path` to `out_path` with each mark
 * highlighted: one highlight annotation per mark and page it touches (one
 * quadrilateral per box), in the mark's colour, its note as the
 * annotation's contents and "doctag" as its author. `password` opens an
 * encrypted PDF (or NULL). The input is read whole first, so `out_path`
 * may name the input itself. The marks are only read during the call.
 * Returns DOCTAG_OK, or DOCTAG_ERR_IO (with doctag_last_errno()) when a
 * file cannot be read or written, DOCTAG_ERR_PDF_CORRUPT,
 * DOCTAG_ERR_PDF_ENCRYPTED, DOCTAG_ERR_PAGE_RANGE for a box on a page the
 * PDF does not have, DOCTAG_ERR_ARG, DOCTAG_ERR_UNSUPPORTED (built without
 * PDF support). Since 0.2. */
DOCTAG_API int doctag_pdf_highlight(const char *pdf_path, const char *password,
                                    const doctag_highlight *marks, size_t n,
                                    const char *out_path);

/* The default highlight colour of a type as 0xRRGGBB: money green
 * (0x7ddc6f), un_symbol blue (0x6fb8f0), agency orange (0xffb74d),
 * instrument purple (0xc79af0); yellow for an unknown type. Since
 * 0.2. */
DOCTAG_API unsigned doctag_type_color(int type);

/* ---- Streaming a PDF -------------------------------------------------- */
/* A PDF read page by page: its text and its entities are handed to the
 * caller's callbacks as they are decided, and the memory in use is that of
 * a window of pages, not of the document (a 600-page report takes no more
 * than a 300-page one). For a document of at most window_pages pages the
 * text and entities are exactly those of doctag_doc_from_pdf_*() and
 * doctag_tag(); a longer document has its running headers and footers
 * found among the window_pages pages around each page (at least a
 * quarter of them after it) and its line-break hyphens resolved from the
 * words of the pages read so far (the window's included), instead of the
 * whole document's. Since 0.4. */

/* One page's share of the document's text: the breaks before its first
 * line, its lines and the breaks between them (those after its last line
 * go with the next page that has a line; those after the document's last
 * line are dropped), so that the pages' texts one after the other are
 * doctag_doc_text(). Borrowed for the call. */
typedef struct doctag_page_text {
    int page;              /* 1-based */
    int page_count;        /* pages in the PDF, whatever range is read */
    int has_text;          /* 1: the page has a text layer (doctag_doc_page_has_text) */
    const char *text;      /* UTF-8, not NUL-terminated; len bytes */
    size_t len;
    size_t offset;         /* where text starts in the document's text */
    size_t start;          /* where the page's first line starts
                              (doctag_doc_page_start), offset <= start <=
                              offset + len; offset + len when n_lines is 0 */
    size_t n_lines;        /* the page's lines in the text; 0: none (then
                              doctag_doc_page_start() gives the start of the
                              next page that has one, or the text's end) */
} doctag_page_text;

/* The callbacks return 0 to go on; any other value stops the stream at
 * once (nothing more is called), and doctag_stream_pdf_*() returns it. */
typedef int (*doctag_page_callback)(void *ctx, const doctag_page_text *page);

/* An entity as doctag_tag() gives it (read it with doctag_entity_*(): start
 * and end are offsets in the whole document's text, page and boxes as
 * there), borrowed for the call. Entities come in text order, each after
 * the page its text ends on. */
typedef int (*doctag_entity_callback)(void *ctx, const doctag_entity *entity);

/* A region a pattern skipped (doctag_result_warning), borrowed; warnings
 * come at the end of the document. */
typedef int (*doctag_warning_callback)(void *ctx, const char *warning);

/* The text before byte offset `end` is tagged: every entity that starts
 * before it has been handed to on_entity (and ends at or before it), and
 * every page holding some of it to on_page. Called, with a model, once per
 * piece of the text the tagger completes (about 256 KiB ending at a
 * paragraph break; the last one at the end of the text), whether the piece
 * had entities or not: what a caller needs to hand on the text a piece at a
 * time with its entities. Since version 2 of the options (0.4). */
typedef int (*doctag_tagged_callback)(void *ctx, size_t end);

/* Version 2 (0.4) added `on_tagged`; a version 1 struct (without it) is
 * still read. */
#define DOCTAG_STREAM_OPTIONS_VERSION 2
#define DOCTAG_STREAM_WINDOW 128   /* the default window_pages */
typedef struct doctag_stream_options {
    unsigned version;                /* DOCTAG_STREAM_OPTIONS_VERSION */
    const doctag_pdf_options *pdf;   /* NULL: the defaults */
    const doctag_model *model;       /* NULL: text only, no entities */
    int window_pages;                /* pages kept at most: 0 for
                                        DOCTAG_STREAM_WINDOW, else at least 2 */
    doctag_page_callback on_page;    /* each may be NULL */
    doctag_entity_callback on_entity;
    doctag_warning_callback on_warning;
    void *ctx;                       /* passed to the callbacks */
    doctag_tagged_callback on_tagged;   /* version 2; may be NULL */
} doctag_stream_options;
#define DOCTAG_STREAM_OPTIONS_INIT { DOCTAG_STREAM_OPTIONS_VERSION, NULL, NULL, 0, \
                                     NULL, NULL, NULL, NULL, NULL }

/* Reads the PDF at path (or data[0, size), only read during the call)
 * and calls opts' callbacks: on_page once per page read, in page order,
 * as soon as the page leaves the window; on_entity for each entity (with
 * a model) once the piece of text it is in is complete, then on_tagged
 * with the piece's end; on_warning at the end. Returns DOCTAG_OK; a
 * callback's nonzero return (the stream stopped there, everything freed);
 * or an error as doctag_doc_from_pdf_file() /
 * _buffer() and doctag_tag() (DOCTAG_ERR_ARG for NULL path or opts, a bad
 * options version or window_pages of 1 or less than 0), with the thread's
 * message set: the callbacks may have had pages and entities before the
 * error (an input over max_input_bytes of text, a page over its budget:
 * DOCTAG_ERR_PDF_LIMIT, ...). Any thread; the model is only read. Since
 * 0.4. */
DOCTAG_API int doctag_stream_pdf_file(const char *path, const doctag_stream_options *opts);
DOCTAG_API int doctag_stream_pdf_buffer(const void *data, size_t size,
                                        const doctag_stream_options *opts);

/* ---- Experimental ------------------------------------------------------ */
/* These calls work and are tested, but their form may still change in a
 * minor release (0.x): the compiled model format is not frozen yet. */

/* Opens a model from a compiled model held in memory (what
 * doctag_model_serialize() or doctag_model_save() wrote); the buffer is only
 * read during the call. Returns as doctag_model_open(), and is as
 * distrustful: not trusted unless opts->flags has DOCTAG_MODEL_TRUSTED;
 * messages name it "<buffer>". Since 0.2. */
DOCTAG_API int doctag_model_open_buffer(doctag_model **out, const void *data, size_t size,
                                        const doctag_model_options *opts);

/* Serialises a model into a new buffer: *out (free it with doctag_free())
 * and *size. Returns DOCTAG_OK, DOCTAG_ERR_ARG or DOCTAG_ERR_NOMEM. Since
 * 0.2. */
DOCTAG_API int doctag_model_serialize(const doctag_model *model, void **out, size_t *size);

/* Frees memory the library handed over as a plain buffer
 * (doctag_model_serialize()); NULL is a no-op. Since 0.2. */
DOCTAG_API void doctag_free(void *p);

#ifdef __cplusplus
}
#endif
#endif /* DOCTAG_H */
