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
 * - A doctag_model is never modified after it is opened: any number of
 *   threads may tag with one model at once. Documents and results are not
 *   shared between threads while one of them is being freed.
 * - The library keeps no global mutable state, never prints, never aborts.
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

#define DOCTAG_VERSION_MAJOR 0
#define DOCTAG_VERSION_MINOR 1
#define DOCTAG_VERSION_PATCH 0
#define DOCTAG_VERSION_NUMBER \
    (DOCTAG_VERSION_MAJOR * 10000 + DOCTAG_VERSION_MINOR * 100 + DOCTAG_VERSION_PATCH)
#define DOCTAG_VERSION_STRING "0.1.0"

/* The version of the library actually loaded: "0.1.0" and 100. Compare with
 * the macros above to detect a header/library mismatch. */
DOCTAG_API const char *doctag_version(void);
DOCTAG_API int doctag_version_number(void);

/* ---- Errors ------------------------------------------------------------ */

typedef enum doctag_error {
    DOCTAG_OK = 0,
    DOCTAG_ERR_NOMEM = -1,          /* out of memory */
    DOCTAG_ERR_ARG = -2,            /* a NULL or out-of-range argument */
    DOCTAG_ERR_IO = -3,             /* a file could not be read or written */
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
    DOCTAG_ERR_LIMIT_INPUT = -17,   /* input larger than doctag_limits.max_input_bytes */
    DOCTAG_ERR_LIMIT_ENTITIES = -18 /* more entities than doctag_limits.max_entities */
} doctag_error;

/* A static English name of an error code ("invalid UTF-8"). Never NULL. */
DOCTAG_API const char *doctag_strerror(int code);

/* The detailed message of the last failed call made by this thread, e.g.
 * "models/agency.dict:12: expected 'ID = variant | variant'". Empty string
 * when the thread has no error. Valid until the thread's next doctag call. */
DOCTAG_API const char *doctag_last_error(void);

/* ---- Entity types ------------------------------------------------------ */

typedef enum doctag_type {
    DOCTAG_TYPE_MONEY = 0,
    DOCTAG_TYPE_UN_SYMBOL = 1,
    DOCTAG_TYPE_AGENCY = 2,
    DOCTAG_TYPE_INSTRUMENT = 3
} doctag_type;
#define DOCTAG_TYPE_COUNT 4

/* "money", "un_symbol", "agency", "instrument"; NULL for an unknown value. */
DOCTAG_API const char *doctag_type_name(int type);

/* ---- Model ------------------------------------------------------------- */

typedef struct doctag_model doctag_model;

/* Flags for doctag_model_options.flags. DOCTAG_MODEL_FAST_LOAD: do not
 * JIT-compile the name patterns. The model then opens in about 2 ms instead
 * of about 10 ms and tags about 30% slower: the better choice for a process
 * that tags a few megabytes or less (the CLI decides so from its inputs). */
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
 * what you need, and pass it in doctag_model_options.limits: every
 * document tagged with that model is held to it. */
#define DOCTAG_LIMITS_VERSION 1
typedef struct doctag_limits {
    unsigned version;        /* DOCTAG_LIMITS_VERSION */
    size_t max_input_bytes;  /* text tagged, or a file read by path (PDF,
                                model, dictionary): DOCTAG_ERR_LIMIT_INPUT
                                beyond it; default 256 MiB */
    size_t max_entities;     /* entities in one result:
                                DOCTAG_ERR_LIMIT_ENTITIES beyond it;
                                default 1,000,000 */
} doctag_limits;

/* Sets `limits` to DOCTAG_LIMITS_VERSION and the default of every field
 * (so that a caller can print or scale them). */
DOCTAG_API void doctag_limits_init(doctag_limits *limits);

/* Version 2 added `limits`; a version 1 struct (without it) is still read. */
#define DOCTAG_MODEL_OPTIONS_VERSION 2
typedef struct doctag_model_options {
    unsigned version;                  /* DOCTAG_MODEL_OPTIONS_VERSION */
    const char *const *dictionaries;   /* extra dictionary source files ... */
    size_t n_dictionaries;             /* ... added on top of the model */
    unsigned flags;                    /* DOCTAG_MODEL_* flags, or 0 */
    const doctag_limits *limits;       /* NULL: the defaults (copied at open) */
} doctag_model_options;
#define DOCTAG_MODEL_OPTIONS_INIT { DOCTAG_MODEL_OPTIONS_VERSION, NULL, 0, 0, NULL }

/* Opens a compiled model. `path` NULL opens the default model built into
 * the library (no data file needed). `opts` may be NULL; its dictionaries
 * (source format, see models/README.md) are compiled and added at load time.
 * A model file is not trusted unless opts->flags has DOCTAG_MODEL_TRUSTED
 * (see there): a malformed or hostile file fails with
 * DOCTAG_ERR_MODEL_FORMAT, one larger than the limits' max_input_bytes
 * with DOCTAG_ERR_LIMIT_INPUT. A dictionary that is not UTF-8 fails with
 * DOCTAG_ERR_UTF8 (message: file:line and byte offset).
 * On success *out is the caller's: free it with doctag_model_free(). */
DOCTAG_API int doctag_model_open(doctag_model **out, const char *path,
                                 const doctag_model_options *opts);

/* Opens a model from the bytes of a model file held in memory (only read
 * during the call), as doctag_model_open() does a file: not trusted unless
 * opts->flags has DOCTAG_MODEL_TRUSTED. A malformed or hostile file fails
 * with DOCTAG_ERR_MODEL_FORMAT; messages name it "<buffer>". */
DOCTAG_API int doctag_model_open_buffer(doctag_model **out, const void *data, size_t size,
                                        const doctag_model_options *opts);

/* Compiles a model from dictionary source files only (no default model). */
DOCTAG_API int doctag_model_compile(doctag_model **out,
                                    const char *const *source_paths, size_t n);

/* Compiles a model from one dictionary source held in memory; `name` is
 * used in error messages. */
DOCTAG_API int doctag_model_compile_buffer(doctag_model **out, const char *name,
                                           const char *source, size_t len);

/* Writes a model to `path` in the compiled format doctag_model_open() reads. */
DOCTAG_API int doctag_model_save(const doctag_model *model, const char *path);

/* Number of dictionary entries (names and patterns) in the model. */
DOCTAG_API size_t doctag_model_entry_count(const doctag_model *model);

DOCTAG_API void doctag_model_free(doctag_model *model);

/* ---- Document ---------------------------------------------------------- */

typedef struct doctag_doc doctag_doc;

/* A document from UTF-8 text (copied; need not be NUL-terminated). Invalid
 * UTF-8 fails with DOCTAG_ERR_UTF8 and the byte offset in the message. */
DOCTAG_API int doctag_doc_from_text(doctag_doc **out, const char *text, size_t len);

#define DOCTAG_PDF_OPTIONS_VERSION 1
typedef struct doctag_pdf_options {
    unsigned version;      /* DOCTAG_PDF_OPTIONS_VERSION */
    const char *password;  /* for an encrypted PDF, or NULL */
    int first_page;        /* 1-based, inclusive; 0 = from the first page */
    int last_page;         /* 1-based, inclusive; 0 = to the last page */
} doctag_pdf_options;
#define DOCTAG_PDF_OPTIONS_INIT { DOCTAG_PDF_OPTIONS_VERSION, NULL, 0, 0 }

/* A document from a PDF file or a PDF held in memory (the buffer is only
 * read during the call). The text is extracted in reading order, with
 * running headers, footers and page numbers dropped and line-break hyphens
 * re-joined. `opts` may be NULL. */
DOCTAG_API int doctag_doc_from_pdf_file(doctag_doc **out, const char *path,
                                        const doctag_pdf_options *opts);
DOCTAG_API int doctag_doc_from_pdf_buffer(doctag_doc **out, const void *data,
                                          size_t size, const doctag_pdf_options *opts);

/* The document's text (UTF-8, NUL-terminated; *len, if not NULL, gets its
 * length in bytes). For a PDF, the extracted text. Borrowed from the doc. */
DOCTAG_API const char *doctag_doc_text(const doctag_doc *doc, size_t *len);

/* doctag_doc_page_count(): the pages in the PDF file, whatever range was
 * read (0 for text). Pages without a text layer (scanned images: OCR
 * needed) among those read are counted by doctag_doc_pages_without_text()
 * and tested one by one with doctag_doc_page_has_text(doc, page)
 * (1-based; 0 for a page outside the range read). */
DOCTAG_API int doctag_doc_page_count(const doctag_doc *doc);
DOCTAG_API int doctag_doc_pages_without_text(const doctag_doc *doc);
DOCTAG_API int doctag_doc_page_has_text(const doctag_doc *doc, int page);

DOCTAG_API void doctag_doc_free(doctag_doc *doc);

/* ---- Tagging ----------------------------------------------------------- */

typedef struct doctag_result doctag_result;
typedef struct doctag_entity doctag_entity;

/* Tags a document. The result does not refer to the document: either may
 * be freed first. Thread-safe for a shared model. A document longer than
 * the model's max_input_bytes fails with DOCTAG_ERR_LIMIT_INPUT, one with
 * more entities than max_entities with DOCTAG_ERR_LIMIT_ENTITIES.
 * A pattern that hits pcre2's match or JIT stack limit in one region of a
 * pathological text (say 200 KB of "A/A/A/...") is not an error: that
 * region is skipped for that pattern, reported once as a warning of the
 * result, and the rest of the document is tagged. */
DOCTAG_API int doctag_tag(doctag_result **out, const doctag_model *model,
                          const doctag_doc *doc);

/* Shortcut: doctag_doc_from_text() + doctag_tag(). */
DOCTAG_API int doctag_tag_text(doctag_result **out, const doctag_model *model,
                               const char *text, size_t len);

/* Entities in document order. doctag_result_entity() returns NULL when
 * index >= count; the entity is borrowed from the result. */
DOCTAG_API size_t doctag_result_count(const doctag_result *result);
DOCTAG_API const doctag_entity *doctag_result_entity(const doctag_result *result,
                                                     size_t index);
DOCTAG_API void doctag_result_free(doctag_result *result);

/* Warnings of a successful tagging: regions of the text skipped because a
 * pattern hit a match limit there, e.g. "un_symbol pattern 7: JIT stack
 * limit at bytes 1204-221204; region skipped". doctag_result_warning()
 * returns NULL when index >= count; the string is borrowed from the
 * result. At most 100 are kept; the last then says how many more. */
DOCTAG_API size_t doctag_result_warning_count(const doctag_result *result);
DOCTAG_API const char *doctag_result_warning(const doctag_result *result, size_t index);

/* One entity. Strings are NUL-terminated and borrowed from the result. */
DOCTAG_API int doctag_entity_type(const doctag_entity *e);
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
DOCTAG_API size_t doctag_entity_box_count(const doctag_entity *e);
DOCTAG_API int doctag_entity_box(const doctag_entity *e, size_t index, doctag_box *out);

#ifdef __cplusplus
}
#endif
#endif /* DOCTAG_H */
