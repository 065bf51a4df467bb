/*
 * jit.h: the model's patterns JIT-compiled the first time a text needs
 * them, not when the model opens. pcre2's JIT compile was two thirds of
 * opening the default model (the long generic shapes), and a document
 * that holds none of a pattern's @near literals never runs it.
 *
 * A model is shared by threads: each pattern is compiled once, under a
 * lock of the model's, and a thread that finds it compiled (an acquire
 * load, after the compiling thread's release store) runs its JIT code
 * without the lock. pcre2_jit_compile() writes into the pcre2_code, so
 * whatever else reads that code while texts may be tagged (saving the
 * model: pcre2_serialize_encode()) holds the same lock.
 */
#ifndef DOCTAG_JIT_H
#define DOCTAG_JIT_H

#include <stddef.h>
#include <pcre2.h>

typedef struct pattern_jit pattern_jit;

/* The state of n patterns, none compiled yet; NULL when out of memory. */
pattern_jit *pattern_jit_new(size_t n);
void pattern_jit_free(pattern_jit *j);

/* JIT-compiles pattern i's `code` unless that was done already; any
 * thread. If the JIT compile fails (no JIT support, no memory), pcre2
 * interprets the pattern, as before (scan.h's match_run()). */
void pattern_jit_ready(pattern_jit *j, size_t i, const pcre2_code *code);

/* Holds (1) or releases (0) the lock under which patterns are compiled. */
void pattern_jit_hold(pattern_jit *j, int hold);

#endif
