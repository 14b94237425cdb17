// Tokens and sentences: the output of splitting and tokenizing a Story's text.
//
// Offsets are byte offsets into Story::text; `text` is the token's surface form and
// `norm` its upper-case, dictionary form (curly quotes and apostrophes folded to ASCII,
// "Iran’s" split into "IRAN" + "'S").
#ifndef EVENTCODER_TEXT_SENTENCE_H_
#define EVENTCODER_TEXT_SENTENCE_H_

#include <cstddef>
#include <string>
#include <vector>

namespace eventcoder {

struct Token {
  size_t begin = 0;  // byte offset in the story text
  size_t end = 0;    // one past the last byte
  std::string text;  // surface form, as in the text
  std::string norm;  // upper-case ASCII-folded form used for dictionary look-up
  std::string tag;   // Penn Treebank part-of-speech tag ("NNP", "VBD", ...); "" before tagging
};

struct Sentence {
  size_t begin = 0;  // byte offset of the first byte in the story text
  size_t end = 0;    // one past the last byte
  std::vector<Token> tokens;
};

}  // namespace eventcoder

#endif  // EVENTCODER_TEXT_SENTENCE_H_
