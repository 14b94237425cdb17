// Sentence splitting: finds sentence boundaries in a story's text.
//
// SplitSentences returns one Sentence per sentence, with `begin`/`end` byte offsets into
// `story_text` (leading and trailing white space excluded) and no tokens. A sentence ends at
// '.', '?' or '!' (plus any closing quotes or brackets) followed by white space and a word that
// can start a sentence, unless the period belongs to an abbreviation ("U.S.", "Gen.", "Jan.",
// "a.m."), an initial ("George W. Bush"), a number ("11.8") or an ellipsis followed by a
// lower-case word. A blank line ("\n\n", possibly with spaces between) always ends a sentence,
// so headings without a final period stand alone.
//
// Never fails: any byte string (including invalid UTF-8) yields well-formed offsets. Splits
// only at ASCII bytes, so multi-byte characters are never cut.
//
// Thread safety: a pure function; safe to call from several threads.
#ifndef EVENTCODER_TEXT_SPLITTER_H_
#define EVENTCODER_TEXT_SPLITTER_H_

#include <string_view>
#include <vector>

#include "eventcoder/event.h"
#include "text/sentence.h"

namespace eventcoder {

std::vector<Sentence> SplitSentences(std::string_view story_text);

// The same sentences as [begin, end) byte ranges, written to *out (cleared first) so that
// one vector can be reused across stories.
void SplitSentenceSpans(std::string_view story_text, std::vector<Span>* out);

// True if `word` (without its final period, any case) is an abbreviation that is normally
// followed by a period and does not end a sentence (titles, months, "Inc", "No", ...).
// Shared with the tokenizer, which keeps such periods attached.
bool IsKnownAbbreviation(std::string_view word);

}  // namespace eventcoder

#endif  // EVENTCODER_TEXT_SPLITTER_H_
