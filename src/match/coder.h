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
#include "text/sentence.h"

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
  // CAMEO's coding of stated intent: an act announced with "will"/"would"/"may" or under
  // "willing/ready/agreed/plans/threatened to" codes as the intent (cooperation -> 03x,
  // conflict -> 13x: "will give a grant" 0331, "threatened to impose a curfew" 1323), and a
  // refused one ("will not release") as the refusal (12x). TABARI and PETRARCH code the
  // act itself (071, 1723) and ignore negated acts; set false for their behaviour.
  // Default: true.
  bool stated_intent = true;
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

// What the coder did with one sentence, step by step, for `eventcoder explain`. Filled
// only when a trace is passed to CodeTree (coding is slower then).
struct TraceStep {
  // "phrase"   a noun phrase and the code its words gave (or that none did)
  // "clause"   words set aside as a comma clause
  // "verb"     a verb and the dictionary entry it matched (ok=false: not in the dictionary)
  // "pattern"  a pattern of the verb's block tried (ok: it matched)
  // "roles"    the source and target phrases chosen for the verb, or why none
  // "event"    an event produced; "drop" an event or verb that produced nothing, and why
  std::string stage;
  std::string words;   // the words concerned
  std::string detail;  // in plain words
  std::string file;    // dictionary file and line, when an entry is concerned
  int line = 0;
  bool ok = true;
  // phrase: the code it got ("" none); verb, pattern: the event code it gives;
  // event: "SOURCE TARGET CODE"
  std::string code;
};
struct CodingTrace {
  std::vector<TraceStep> steps;
};

class Coder {
 public:
  Coder(std::shared_ptr<const CompiledDictionary> dict, CoderOptions options);

  // Codes one sentence dated `date` (yyyymmdd). With a context, pronouns ("he", "they"),
  // agent-only phrases with "the" ("the minister") and possessives ("his government") are
  // resolved against actors named earlier in the story, and this sentence's actors are
  // added to it.
  // With a trace, every step is also recorded there.
  std::vector<CodedEvent> CodeTree(const ParseTree& tree, int date, StoryContext* context = nullptr,
                                   CodingTrace* trace = nullptr) const;

  // True when the words contain a sentence discard phrase; *story_level is set when the
  // phrase discards the whole story.
  bool IsDiscarded(const std::vector<std::string>& upper_words, bool* story_level) const;
  // The same over the words' norms of `tree`, without copying them.
  bool IsDiscarded(const ParseTree& tree, bool* story_level) const;
  // The same over the tokens' norms of `sentence` (before tagging and parsing).
  bool IsDiscarded(const Sentence& sentence, bool* story_level) const;

  const CoderOptions& options() const { return options_; }
  const CompiledDictionary& dictionary() const { return *dict_; }

 private:
  std::shared_ptr<const CompiledDictionary> dict_;
  CoderOptions options_;
};

}  // namespace eventcoder

#endif  // EVENTCODER_MATCH_CODER_H_
