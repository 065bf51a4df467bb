/*
 * doctag_limits.h: every limit and tuning constant of the library in one place,
 * each with the reason for its value (as sqlite's sqliteLimit.h). A build
 * may override any of them with -D.
 */
#ifndef DOCTAG_LIMITS_INTERNAL_H
#define DOCTAG_LIMITS_INTERNAL_H

/* ---- matching --------------------------------------------------------- */

/* JIT stack for a pattern whose match outgrows pcre2's default 32 KiB:
 * starts small (making it costs more than tagging a short document) and
 * may grow to this many bytes, enough for any entity-sized match. */
#ifndef LIMIT_JIT_STACK_START
#define LIMIT_JIT_STACK_START (64 * 1024)
#endif
#ifndef LIMIT_JIT_STACK_MAX
#define LIMIT_JIT_STACK_MAX (4 * 1024 * 1024)
#endif

/* ---- matching engine (issue 9) ----------------------------------------- */

/* A document is tagged a piece of about this many bytes at a time, each
 * ending at a paragraph break (which no entity crosses): normalised text,
 * spans and matching state stay the size of a piece, reused from one to
 * the next, warm in the cache, whatever the size of the document. */
#ifndef LIMIT_TAG_PIECE
#define LIMIT_TAG_PIECE (256 * 1024)
#endif

/* Bytes of text the candidate pass (match/near.c) sieves at a time: its
 * candidates go into an array of as many entries on the stack (8 KiB). */
#ifndef LIMIT_NEAR_CHUNK
#define LIMIT_NEAR_CHUNK 1024
#endif

/* ---- PDF extraction (libtag/pdf; owner: the PDF layout work) ----------- */

/* Milliseconds of CPU time poppler may spend extracting one page's text
 * before the document fails with DOCTAG_ERR_PDF_LIMIT (0: no limit, pages
 * read in the calling process). The heaviest real page seen (a full-page
 * vector drawing) takes 1.5 s; a page of forms drawing forms never ends. */
#ifndef LIMIT_PDF_PAGE_MS
#define LIMIT_PDF_PAGE_MS 4000
#endif
/* Wall-clock bound per page, in budgets: against a reader that hangs
 * without spending CPU time; wide, since a loaded machine runs it slowly. */
#ifndef LIMIT_PDF_WALL_FACTOR
#define LIMIT_PDF_WALL_FACTOR 15
#endif
/* Under valgrind everything runs 20-50x slower: the page budget is
 * multiplied by this so that checked runs of real PDFs still pass. */
#ifndef LIMIT_PDF_VALGRIND_SLOWDOWN
#define LIMIT_PDF_VALGRIND_SLOWDOWN 50
#endif
/* A gap wider than this many glyph heights splits one of poppler's lines
 * in two (two columns, or a table's cells, run together). */
#ifndef LIMIT_PDF_SPLIT_GAP_EMS
#define LIMIT_PDF_SPLIT_GAP_EMS 1.2f
#endif
/* A gap between two glyphs wider than this fraction of the glyph height is
 * a word break even where poppler wrote no space (poppler's own word
 * builder breaks at 0.1 font sizes; glyph boxes are taller than the font
 * size, and kerning never opens a gap this wide). */
#ifndef LIMIT_PDF_SPACE_GAP
#define LIMIT_PDF_SPACE_GAP 0.25f
#endif
/* Fraction of the page height, at the top and at the bottom, where running
 * headers, footers and page numbers are looked for (with the outermost
 * row of text wherever it stands). */
#ifndef LIMIT_PDF_BAND
#define LIMIT_PDF_BAND 0.12f
#endif
/* A line recurring at the same place on this fraction of the pages (and on
 * two pages at least) is a running header or footer. */
#ifndef LIMIT_PDF_REPEAT_PAGES
#define LIMIT_PDF_REPEAT_PAGES 0.3
#endif
/* "The same place": within this many line heights (4 points at least). */
#ifndef LIMIT_PDF_REPEAT_TOL
#define LIMIT_PDF_REPEAT_TOL 0.6f
#endif
/* Outermost rows of each page (top and bottom) examined for furniture
 * that recurs word for word (a repeated table head, a section's running
 * title), and the pages it must recur on (fewer when the document is so
 * short that LIMIT_PDF_REPEAT_PAGES asks less). */
#ifndef LIMIT_PDF_INNER_ROWS
#define LIMIT_PDF_INNER_ROWS 3
#endif
#ifndef LIMIT_PDF_EXACT_PAGES
#define LIMIT_PDF_EXACT_PAGES 3.0
#endif
/* A row of this many pieces side by side (cells) that recurs word for word
 * on as many pages as a running line, at any height, is a table's head
 * repeated on each page (two pieces are too often a label and its value). */
#ifndef LIMIT_PDF_HEAD_CELLS
#define LIMIT_PDF_HEAD_CELLS 3
#endif
/* Longest line text compared for repetition (bytes). */
#ifndef LIMIT_PDF_KEY_MAX
#define LIMIT_PDF_KEY_MAX 200
#endif

/* ---- second passes over a document (match/post.h) -------------------- */
/* How far a resolution list may run past its head (items may carry dates
 * and titles: "77/201 of 15 December 2022 on protecting children, 73/327 of
 * 25 July 2019 on ..."). */
#ifndef LIST_SPAN_MAX
#define LIST_SPAN_MAX 700
#endif
/* How far a list of dated resolutions ("78/188 of 19 December 2023") may
 * run past its head, across remarks and a page's footnotes. */
#ifndef LIST_DATED_MAX
#define LIST_DATED_MAX 3000
#endif
/* The longest short name or case party looked for: a few words; a longer
 * bracket holds prose, not a name. */
#ifndef MEMORY_NAME_MAX
#define MEMORY_NAME_MAX 80
#endif
/* A match starting this close to the start of a window cut at its full
 * length may begin before it: match.c tries it once from further back. */
#ifndef LIMIT_NEAR_EDGE
#define LIMIT_NEAR_EDGE 24
#endif
/* How far after a case its citation may give a short name in brackets. */
#ifndef MEMORY_CITE_MAX
#define MEMORY_CITE_MAX 160
#endif
/* Runs longer than this are text in capitals, not a heading or a name. */
#ifndef CAPS_RUN_MAX
#define CAPS_RUN_MAX 400
#endif
/* The longest acronym whose sense is weighed: body and treaty acronyms run
 * to eight letters (INTERPOL); longer capitals are words or headings. */
#ifndef SENSE_ACRONYM_MAX
#define SENSE_ACRONYM_MAX 10
#endif

/* ---- hardening (issue 13): bounds on one document's work ------------ */

/* Default doctag_limits.max_input_bytes: the largest text tagged or file
 * read by path. Real reports are under 50 MB of PDF and 5 MB of text; this
 * stops /dev/zero or a runaway pipe long before memory runs out. */
#ifndef LIMIT_MAX_INPUT_BYTES
#define LIMIT_MAX_INPUT_BYTES ((size_t)256 << 20)
#endif

/* Default doctag_limits.max_entities: a report has a few thousand; a
 * million (about 100 MB of results) is only reached by generated text. */
#ifndef LIMIT_MAX_ENTITIES
#define LIMIT_MAX_ENTITIES ((size_t)1000000)
#endif

/* The largest PDF coordinate layout accepts (PDF pages are at most
 * 14,400 units): a glyph placed beyond, at infinity or NaN is put at the
 * edge (or 0) so that layout's arithmetic stays finite. */
#ifndef LIMIT_PDF_COORD
#define LIMIT_PDF_COORD 100000.0f
#endif

/* Default doctag_limits.max_pages: the longest real reports (budgets,
 * registers) run to a few thousand pages; a file claiming more is read
 * only if the caller says so. */
#ifndef LIMIT_MAX_PAGES
#define LIMIT_MAX_PAGES 100000
#endif

/* Warnings kept in one result (each a skipped region): enough to see
 * what happened, bounded whatever the text. */
#ifndef LIMIT_MAX_WARNINGS
#define LIMIT_MAX_WARNINGS 100
#endif

/* Patterns in one model file: the name index counts patterns per first
 * byte in 16 bits; the default model has a few hundred. */
#ifndef LIMIT_MODEL_PATTERNS
#define LIMIT_MODEL_PATTERNS 65535
#endif

#endif
