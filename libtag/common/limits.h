/*
 * limits.h: every limit and tuning constant of the library in one place,
 * each with the reason for its value (as sqlite's sqliteLimit.h). A build
 * may override any of them with -D.
 */
#ifndef DOCTAG_LIMITS_H
#define DOCTAG_LIMITS_H

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


/* ---- second passes over a document (match/post.h) -------------------- */
/* How far a resolution list may run past its head (items may carry dates
 * and titles: "77/201 of 15 December 2022 on protecting children, 73/327 of
 * 25 July 2019 on ..."). */
#ifndef LIST_SPAN_MAX
#define LIST_SPAN_MAX 700
#endif
/* The longest short name or case party looked for: a few words; a longer
 * bracket holds prose, not a name. */
#ifndef MEMORY_NAME_MAX
#define MEMORY_NAME_MAX 80
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

#endif
