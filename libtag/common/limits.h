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

/* ---- matching engine (issue 9) ----------------------------------------- */

/* A document is tagged a piece of about this many bytes at a time, each
 * ending at a paragraph break (which no entity crosses): normalised text,
 * spans and matching state stay the size of a piece, reused from one to
 * the next, warm in the cache, whatever the size of the document. */
#ifndef LIMIT_TAG_PIECE
#define LIMIT_TAG_PIECE (256 * 1024)
#endif

#endif
