// Part-of-speech tagging with Penn Treebank tags, driven by a lexicon and context rules.
//
// The Tagger assigns Token::tag for every token of a tokenized Sentence (see tokenizer.h):
// NN NNS NNP NNPS VB VBD VBG VBN VBP VBZ JJ JJR JJS RB RBR RBS DT PDT IN CC CD PRP PRP$
// POS TO MD WDT WP WP$ WRB EX RP UH FW SYM $ # , . : `` '' -LRB- -RRB-.
//
// How: (1) closed-class words (determiners, pronouns, prepositions, conjunctions, modals,
// auxiliaries, wh-words, particles) come from built-in lists; (2) open-class words get their
// candidate tags from WordNet (index.* for the classes a lemma can have, *.exc for irregular
// forms, data.* for capitalised names, cntlist.rev for SemCor sense counts used as priors) and
// suffix morphology (-s -ed -ing -er -est -ly); unknown words are guessed from their shape
// (capitals -> NNP, digits -> CD, suffixes); (3) deterministic left-to-right context rules
// choose among the candidates (after a determiner -> noun; after a modal or "to" -> VB;
// after "have" -> VBN; after "be" -> VBN/VBG; subject + verb -> VBZ/VBP/VBD; a clause
// opened by a name with no sure finite verb ahead takes the verb reading ("Kenya and Uganda
// welcome ..."); an -ing word after a determiner with no object -> NN; a plural inside a
// determiner-initial noun run before another noun -> NNS; "that" as IN/WDT/DT; ...). Accuracy
// against CoreNLP's tags on the PETRARCH validation parses is measured in tagger_test.cc.
//
// The lexicon is loaded from a WordNet database directory (Debian's wordnet-base puts it
// in /usr/share/wordnet). If it is missing the tagger still works, from closed classes and
// morphology alone, with lower accuracy.
//
// Cost: each thread keeps a memo of what the tagger found for each distinct word it has seen
// (bounded: at most 32768 words, under 3 MB, then it starts over), so a word is analysed
// against the lexicon once and later found with one hash probe; the tags never depend on it.
//
// Thread safety: a Tagger is immutable after construction; Tag() may be called from many
// threads at once (the memo is per thread). Default() builds the shared instance once
// (thread-safe static init).
#ifndef EVENTCODER_TEXT_TAGGER_H_
#define EVENTCODER_TEXT_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "text/sentence.h"

namespace eventcoder {

class Tagger {
 public:
  // The shared tagger, with WordNet from $EVENTCODER_WORDNET_DIR if set, else
  // /usr/share/wordnet; falls back to the lexicon-free tagger if that fails to load.
  static const Tagger& Default();

  // Loads WordNet from `wordnet_dir` (a directory holding index.noun, index.verb, ...).
  // Returns NotFound if index.noun cannot be read; other files are optional.
  static StatusOr<std::unique_ptr<Tagger>> Load(std::string_view wordnet_dir);

  // A tagger with no WordNet lexicon (closed classes and morphology only).
  Tagger();
  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Sets tag for every token of *s. REQUIRES: s != nullptr. Never fails.
  void Tag(Sentence* s) const;

  // Number of lexicon entries loaded (0 without WordNet); for diagnostics.
  size_t lexicon_size() const;

 private:
  struct Lexicon;
  std::unique_ptr<Lexicon> lex_;
};

}  // namespace eventcoder

#endif  // EVENTCODER_TEXT_TAGGER_H_
