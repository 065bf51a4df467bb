/*
 * columns.h: a name found by its shape that runs down a column of names
 * (four line breaks or more of the document: a glossary of abbreviations,
 * a table's column, one name a line, which the normalised text runs
 * together) is not one name, and it hides the names the column holds,
 * having won its overlaps with them. Before the second passes, each such
 * span is replaced by what matching finds in each of its lines alone
 * ("Employment and Training Administration", "Federal Aviation
 * Administration" of "System\nEmployment and Training Administration\n
 * Federal Aviation Administration\n...\nGovernment Performance and Results
 * Act").
 */
#ifndef DOCTAG_COLUMNS_H
#define DOCTAG_COLUMNS_H

#include "match.h"
#include "model.h"
#include "normalize.h"

/* Replaces the column spans of `spans` (match_text()'s result for
 * norm->text, whose map's offsets are in `doc`) by the spans their lines
 * hold, in document order. Returns DOCTAG_OK or DOCTAG_ERR_NOMEM. */
int columns_split(span_list *spans, const compiled_model *m, const match_index *ix,
                  const normalized_text *norm, const char *doc);

#endif
