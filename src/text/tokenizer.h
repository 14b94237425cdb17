// Tokenization: splits one sentence of a story into Penn-Treebank-style tokens.
//
// Tokenize fills s->tokens (replacing any previous content) for the bytes
// [s->begin, s->end) of `story_text`. Each Token gets byte offsets into `story_text`, its
// surface `text` and its `norm`: upper case (ASCII, plus Latin-1 letters written in UTF-8),
// with curly quotes and apostrophes folded to ASCII (’ -> ', “ ” -> ") and a stand-alone
// dash (—, –, --) normalised to "--". `tag` is left empty (see tagger.h).
//
// White space and '_' separate words ("Dol_Amroth" -> "Dol" + "Amroth").
// Treebank conventions: punctuation , . ; : ? ! ( ) [ ] " “ ” ‘ ’ -- % $ is split off;
// possessive 's / ’s and the bare ' after a plural ("leaders'") become separate tokens
// ("Iran’s" -> "Iran" + "’s" with norm "'S"); contractions split ("didn't" -> "did" +
// "n't", norm "N'T"; "'re", "'ve", "'ll", "'d", "'m" likewise). Abbreviations ("U.S.",
// "Gen.", "K.U."), decimals ("11.8"), digit groups ("50,000") and hyphenated words
// ("al-Qaeda") stay whole. When a sentence ends with an abbreviation ("... in the U.S."),
// the abbreviation keeps its period and an extra "." token is added whose offsets
// [end-1, end) overlap the abbreviation's last byte, as CoreNLP does.
//
// Never fails; offsets always fall on UTF-8 character boundaries of valid input (the
// tokenizer splits only at ASCII bytes or around whole multi-byte punctuation characters).
// REQUIRES: s->begin <= s->end <= story_text.size() (out-of-range spans are clamped).
//
// Thread safety: a pure function; safe to call from several threads.
#ifndef EVENTCODER_TEXT_TOKENIZER_H_
#define EVENTCODER_TEXT_TOKENIZER_H_

#include <string>
#include <string_view>

#include "text/sentence.h"

namespace eventcoder {

void Tokenize(std::string_view story_text, Sentence* s);

// The normalised form of a token's text (see above); exposed for dictionary builders so
// that dictionary phrases and text tokens fold the same way.
std::string NormalizeToken(std::string_view text);

}  // namespace eventcoder

#endif  // EVENTCODER_TEXT_TOKENIZER_H_
