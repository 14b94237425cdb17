// libFuzzer target: sentence splitter, tokenizer, tagger and shallow parser on arbitrary
// bytes taken as a story's text. Checks their contracts: sentences and tokens lie inside
// the text, in order; every token is tagged; the shallow parser's output is a tree that
// ReadTreebank accepts (it is what the coder reads) and has one leaf per token.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "check.h"
#include "parse/tree.h"
#include "text/shallow_parser.h"
#include "text/splitter.h"
#include "text/tagger.h"
#include "text/tokenizer.h"

using eventcoder::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace eventcoder;
  static const Tagger& tagger = Tagger::Default();
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t prev_end = 0;
  for (Sentence& s : SplitSentences(text)) {
    Check(s.begin <= s.end && s.end <= text.size(), "sentence outside the text");
    Check(s.begin >= prev_end, "sentences overlap or go backwards");
    prev_end = s.end;
    Tokenize(text, &s);
    size_t prev_tok = s.begin;
    for (const Token& t : s.tokens) {
      Check(t.begin <= t.end && t.end <= s.end && t.begin >= s.begin, "token outside sentence");
      // The extra "." after a sentence-final abbreviation overlaps its last byte.
      Check(t.begin + 1 >= prev_tok, "tokens go backwards");
      prev_tok = t.end;
      Check(!t.text.empty(), "empty token");
    }
    tagger.Tag(&s);
    for (const Token& t : s.tokens) Check(!t.tag.empty(), "untagged token");
    std::string tree_text = ShallowParse(s);
    auto tree = ReadTreebank(tree_text, kMaxTreeNodes);
    if (s.tokens.empty()) continue;
    if (!tree.ok()) {
      fprintf(stderr, "unreadable parser output: %s\n%s\n", tree.status().message().c_str(),
              tree_text.c_str());
      abort();
    }
    Check(tree->words.size() == s.tokens.size(), "tree leaves != tokens");
  }
  return 0;
}
