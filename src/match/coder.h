// Coder: codes one parsed sentence into CAMEO events with a CompiledDictionary.
//
// The stages, in order (all on one ParseTree):
//   1. Noun phrases: every maximal "simple" NP becomes a NounPhrase; coordinated NPs
//      ("Fornost and Gondor", "lawmakers and officials in X and Y") expand into members.
//   2. Actor coding: each member gets the first actor of the dictionary found in its
//      words (date-restricted), composed with every agent found ("Iranian foreign
//      minister" -> IRN + GOVFRM). Phrases with agents only code as "---AGT".
//   3. Comma clauses of CoderOptions::comma_min..comma_max words are set aside.
//   4. Verbs: each VP whose first child is a verb is looked up (multi-word forms, passive
//      "was X-ed by"), its patterns are tried on the words after the verb (inside the VP)
//      and before it (back to the clause-separating comma); the first that matches gives
//      the code and may bind source ($), target (+), compound (%) phrases.
//      Matching is bounded: at most 1,000,000 steps (a position tried for a pattern token,
//      or a synset member compared) per sentence over all its verbs and patterns, so a
//      hostile dictionary with many overlapping patterns cannot make one sentence take
//      long; past that, verbs code with their own codes only.
//   5. Source and target default to the nearest coded phrase before the verb and the first
//      coded phrase after it; compounds expand, paired codes ("[032:033]") add the reverse
//      event, passive voice swaps the roles, self-references and (with require_dyad)
//      one-sided events are dropped, duplicates removed.
//
// Thread safety: a Coder is immutable after construction; CodeTree may run concurrently.
#ifndef EVENTCODER_MATCH_CODER_H_
#define EVENTCODER_MATCH_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "eventcoder/event.h"
#include "match/compiled_dictionary.h"
#include "parse/tree.h"

namespace eventcoder {

struct CoderOptions {
  // Drop events whose source or target has no code ("---"). Default: true (PETRARCH).
  bool require_dyad = true;
  // > 0: noun phrases with no actor and fewer than this many words are kept as the quoted
  // phrase ("\"THE MINISTRY OF MAGIC\"") instead of "---". Default 0 (off).
  int new_actor_length = 0;
  // Comma-delimited clauses with this many words (inclusive) are ignored when looking for
  // a verb's source. Set comma_max to 0 to turn it off.
  int comma_min = 2;
  int comma_max = 8;
  // A comma-delimited clause at the end of the sentence with this many words is ignored
  // (", a senior official said on Saturday."). Set comma_end_max to 0 to turn it off.
  int comma_end_min = 2;
  int comma_end_max = 8;
  // A meeting (040) "in"/"at" a place coded as a country other than both sides' countries
  // becomes CAMEO 044, meet at a third location. Default: true.
  bool third_location = true;
};

// One coded event in word coordinates of the tree.
struct CodedEvent {
  std::string source;
  std::string target;
  std::string code;
  std::vector<int> source_words;  // indices into ParseTree::words
  std::vector<int> target_words;
  std::vector<int> verb_words;
  std::vector<WhyEntry> why;
};

// What earlier sentences of the same story named, so that "he", "the minister" or "his
// government" can be resolved. Owned by the caller, one per story, passed to every
// CodeTree call of that story in order.
struct StoryContext {
  struct Referent {
    std::string code;  // e.g. "IRNGOVFRM"
    std::string text;  // the words that named it
    int sentence = 0;
  };
  std::vector<Referent> referents;  // most recent last; bounded
  int sentence = 0;                 // index of the sentence being coded
};

class Coder {
 public:
  Coder(std::shared_ptr<const CompiledDictionary> dict, CoderOptions options);

  // Codes one sentence dated `date` (yyyymmdd). With a context, pronouns ("he", "they"),
  // agent-only phrases with "the" ("the minister") and possessives ("his government") are
  // resolved against actors named earlier in the story, and this sentence's actors are
  // added to it.
  std::vector<CodedEvent> CodeTree(const ParseTree& tree, int date,
                                   StoryContext* context = nullptr) const;

  // True when the words contain a sentence discard phrase; *story_level is set when the
  // phrase discards the whole story.
  bool IsDiscarded(const std::vector<std::string>& upper_words, bool* story_level) const;

  const CoderOptions& options() const { return options_; }
  const CompiledDictionary& dictionary() const { return *dict_; }

 private:
  std::shared_ptr<const CompiledDictionary> dict_;
  CoderOptions options_;
};

}  // namespace eventcoder

#endif  // EVENTCODER_MATCH_CODER_H_
