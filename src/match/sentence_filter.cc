#include "match/sentence_filter.h"

#include <cstdint>
#include <string_view>

namespace eventcoder {

namespace {

// A 1,024-bit Bloom filter over the hashes of a sentence's words (two bits a word): with
// the ~30 words of a news sentence, a word that is not there passes one time in ~300.
class WordSet {
 public:
  void Add(uint64_t h) {
    Set(h >> 10);
    Set(h >> 40);
  }
  bool MayContain(uint64_t h) const { return Test(h >> 10) && Test(h >> 40); }

 private:
  void Set(uint64_t b) { bits_[(b >> 6) & 15] |= uint64_t{1} << (b & 63); }
  bool Test(uint64_t b) const { return (bits_[(b >> 6) & 15] >> (b & 63)) & 1; }
  uint64_t bits_[16] = {};
};

bool IsContextPronoun(std::string_view norm) {
  return norm == "HE" || norm == "SHE" || norm == "THEY";
}

// Whether some phrase of `refs` (all starting with the same word) may have its other words
// among the sentence's words.
bool AnyMayOccur(const std::vector<CompiledDictionary::PhraseRef>* refs, const WordSet& words) {
  if (refs == nullptr) return false;
  for (const auto& ref : *refs) {
    if (ref.hashes == nullptr) return true;  // cannot tell: assume it occurs
    bool all = true;
    for (size_t j = 1; j < ref.words->size() && all; ++j) all = words.MayContain(ref.hashes[j]);
    if (all) return true;
  }
  return false;
}

}  // namespace

SentenceFilter::SentenceFilter(const CompiledDictionary& dict, const CoderOptions& options)
    : dict_(dict), active_(options.require_dyad && options.new_actor_length <= 0) {}

bool SentenceFilter::MayCode(const Sentence& s) const {
  if (!active_) return true;
  // The words that start a phrase, and the set of all words; the phrases are looked at
  // once the set is complete (a phrase's later words may come later in the sentence).
  constexpr size_t kMaxStarts = 64;
  const CompiledDictionary::WordEntries* starts[kMaxStarts];
  size_t nstarts = 0;
  WordSet words;
  for (const Token& t : s.tokens) {
    if (IsContextPronoun(t.norm)) return true;
    const uint64_t h = CompiledDictionary::HashWord(t.norm);
    words.Add(h);
    const auto* e = dict_.EntriesOf(t.norm, h);
    if (e == nullptr || (e->actors == nullptr && e->agents == nullptr)) continue;
    if (nstarts == kMaxStarts) return true;  // a long list of names: just code it
    starts[nstarts++] = e;
  }
  for (size_t i = 0; i < nstarts; ++i)
    if (AnyMayOccur(starts[i]->actors, words) || AnyMayOccur(starts[i]->agents, words)) return true;
  return false;
}

}  // namespace eventcoder
