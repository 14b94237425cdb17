#include "match/sentence_filter.h"

#include <string>
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

}  // namespace

SentenceFilter::SentenceFilter(const CompiledDictionary& dict, const CoderOptions& options)
    : active_(options.require_dyad && options.new_actor_length <= 0) {
  if (!active_) return;
  // Every phrase CompiledDictionary indexes for actors (each name of each actor) and agents,
  // grouped by first word.
  std::unordered_map<uint64_t, std::vector<const std::vector<std::string>*>> longer;
  auto add = [&](const std::vector<std::string>& words) {
    if (words.empty()) return;
    const uint64_t h = CompiledDictionary::HashWord(words[0]);
    Start& st = starts_[h];
    if (words.size() == 1)
      st.single = true;
    else
      longer[h].push_back(&words);
  };
  for (const auto& actor : dict.dict().actors)
    for (const auto& name : actor.names) add(name);
  for (const auto& agent : dict.dict().agents) add(agent.words);
  first_words_.Reset(starts_.size());
  for (auto& [h, st] : starts_) {
    first_words_.Add(h);
    st.begin = static_cast<uint32_t>(rest_.size());
    if (!st.single) {  // a one-word phrase matches whatever follows: no need for the rest
      for (const auto* words : longer[h]) {
        rest_.push_back(words->size() - 1);
        for (size_t j = 1; j < words->size(); ++j)
          rest_.push_back(CompiledDictionary::HashWord((*words)[j]));
      }
    }
    st.end = static_cast<uint32_t>(rest_.size());
  }
}

bool SentenceFilter::MayCode(const Sentence& s) const {
  if (!active_) return true;
  // The words that start a phrase, and the set of all words; the phrases are looked at
  // once the set is complete (a phrase's later words may come later in the sentence).
  constexpr size_t kMaxStarts = 64;
  const Start* starts[kMaxStarts];
  size_t nstarts = 0;
  WordSet words;
  for (const Token& t : s.tokens) {
    if (IsContextPronoun(t.norm)) return true;
    const uint64_t h = CompiledDictionary::HashWord(t.norm);
    words.Add(h);
    if (!first_words_.MayContain(h)) continue;
    const auto it = starts_.find(h);
    if (it == starts_.end()) continue;
    if (it->second.single) return true;
    if (nstarts == kMaxStarts) return true;  // a long list of names: just code it
    starts[nstarts++] = &it->second;
  }
  for (size_t i = 0; i < nstarts; ++i) {
    const uint64_t* p = rest_.data() + starts[i]->begin;
    const uint64_t* const end = rest_.data() + starts[i]->end;
    while (p < end) {
      const uint64_t n = *p++;
      bool all = true;
      for (uint64_t j = 0; j < n && all; ++j) all = words.MayContain(p[j]);
      if (all) return true;
      p += n;
    }
  }
  return false;
}

}  // namespace eventcoder
