// SentenceFilter: proves from a sentence's tokens alone, before any tagging or parsing, that
// coding the sentence can neither produce an event nor change the story's context, so that
// StoryCoder may skip its tagging, parsing and coding.
//
// Why that is sound. A sentence yields something only through a noun-phrase member that
// gets a code: an event needs a coded source and target (with CoderOptions::require_dyad,
// and no quoted stand-in codes, new_actor_length == 0), and the story context only
// remembers coded members. A member is coded only (a) by an actor or agent phrase of the
// dictionary whose words are all among the member's words, which are some of the
// sentence's tokens, or (b) as the pronoun "he", "she" or "they" resolved against the
// context. So when no actor or agent phrase has all its words among the sentence's tokens
// and no token is one of those pronouns, coding the sentence returns no event and leaves
// the context as it was. The test errs one way only: a sentence it lets through may still
// code nothing (its words need not be in one phrase, or in the phrase's order).
//
// Discard phrases are not this filter's business: the caller still checks them on the
// tokens (a story-level discard in a skipped sentence still discards the story).
//
// Thread safety: immutable after construction; MayCode may be called from many threads.
#ifndef EVENTCODER_MATCH_SENTENCE_FILTER_H_
#define EVENTCODER_MATCH_SENTENCE_FILTER_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "base/string_filter.h"
#include "match/coder.h"
#include "text/sentence.h"

namespace eventcoder {

class SentenceFilter {
 public:
  // Indexes the actor and agent phrases of `dict` (it is not kept).
  SentenceFilter(const CompiledDictionary& dict, const CoderOptions& options);

  // False when `options` let a sentence without coded members produce events
  // (require_dyad off, or new_actor_length > 0): then every sentence must be coded.
  bool active() const { return active_; }

  // True when coding `s` (its tokens' norms, as the tagger and parser will see them) may
  // give an event or change the story context; always true when the filter is inactive.
  bool MayCode(const Sentence& s) const;

 private:
  // The phrases by the CompiledDictionary::HashWord of their first word. Hashes only, never
  // the words: a collision can only let a sentence through.
  struct Start {
    bool single = false;      // a one-word phrase starts with this word
    uint32_t begin = 0, end;  // its longer phrases in rest_: a count, then that many hashes
  };

  bool active_;
  HashFilter first_words_;  // over the keys of starts_
  std::unordered_map<uint64_t, Start> starts_;
  std::vector<uint64_t> rest_;
};

}  // namespace eventcoder

#endif  // EVENTCODER_MATCH_SENTENCE_FILTER_H_
