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
