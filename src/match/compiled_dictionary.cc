#include "match/compiled_dictionary.h"

#include <algorithm>

namespace eventcoder {

namespace {

template <typename Map>
void SortLongestFirst(Map* m) {
  for (auto& [key, list] : *m) {
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.words->size() > b.words->size();
    });
  }
}

template <typename Map>
void FilterKeys(const Map& m, StringFilter* f) {
  f->Reset(m.size());
  for (const auto& [key, value] : m) f->Add(key);
}

// A power of two at least twice `keys` (and at least 16): open-addressing tables stay at
// most half full, so a miss ends at an empty slot within a probe or two.
size_t TableSize(size_t keys) {
  size_t n = 16;
  while (n < keys * 2) n <<= 1;
  return n;
}

uint64_t SynsetKey(uint64_t name_hash, uint64_t word_hash) {
  return (name_hash * 0x9E3779B97F4A7C15ULL) ^ word_hash;
}

template <typename Map, typename T>
const T* Find(const Map& m, const StringFilter& keys, const std::string& key) {
  if (!keys.MayContain(key)) return nullptr;
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace

CompiledDictionary::CompiledDictionary(dict::Dictionary dict) : dict_(std::move(dict)) {
  for (size_t i = 0; i < dict_.actors.size(); ++i) {
    const auto& actor = dict_.actors[i];
    for (size_t n = 0; n < actor.names.size(); ++n) {
      const auto& name = actor.names[n];
      if (name.empty()) continue;
      const std::vector<bool>* gaps =
          n < actor.gaps.size() && actor.gaps[n].size() == name.size() ? &actor.gaps[n] : nullptr;
      actors_[name[0]].push_back({&name, gaps, static_cast<int>(i)});
    }
  }
  for (size_t i = 0; i < dict_.agents.size(); ++i) {
    const auto& w = dict_.agents[i].words;
    if (w.empty()) continue;
    const auto& g = dict_.agents[i].gaps;
    agents_[w[0]].push_back({&w, g.size() == w.size() ? &g : nullptr, static_cast<int>(i)});
  }
  for (size_t i = 0; i < dict_.discards.size(); ++i) {
    const auto& w = dict_.discards[i].words;
    if (w.empty()) continue;
    discards_[w[0]].push_back({&w, nullptr, static_cast<int>(i)});
    const uint32_t b = DiscardKey(w[0]);
    discard_first_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  SortLongestFirst(&actors_);
  SortLongestFirst(&agents_);
  SortLongestFirst(&discards_);

  for (const auto& block : dict_.verbs) {
    for (const auto& form : block.forms) {
      if (form.words.empty() || form.head >= form.words.size()) continue;
      verbs_[form.words[form.head]].push_back({&form, &block});
    }
    auto& pats = patterns_[&block];
    for (const auto& p : block.patterns) {
      int lit = 0;
      uint64_t before = 0, after = 0;
      for (const auto& t : p.before) {
        lit += (t.kind == dict::PatternToken::kWord || t.kind == dict::PatternToken::kSynset);
        if (t.kind == dict::PatternToken::kWord) before |= WordBit(t.text);
      }
      for (const auto& t : p.after) {
        lit += (t.kind == dict::PatternToken::kWord || t.kind == dict::PatternToken::kSynset);
        if (t.kind == dict::PatternToken::kWord) after |= WordBit(t.text);
      }
      PatternRef ref{&p, lit, after, before, {}, {}, {}, {}, {}, {}};
      for (const auto& t : p.after)
        ref.after_hashes.push_back(CompiledDictionary::HashWord(t.text));
      for (const auto& t : p.before)
        ref.before_hashes.push_back(CompiledDictionary::HashWord(t.text));
      pats.push_back(std::move(ref));
    }
    std::stable_sort(pats.begin(), pats.end(), [](const PatternRef& a, const PatternRef& b) {
      size_t la = a.pattern->before.size() + a.pattern->after.size();
      size_t lb = b.pattern->before.size() + b.pattern->after.size();
      if (a.literal_count != b.literal_count) return a.literal_count > b.literal_count;
      return la > lb;
    });
  }
  for (auto& [word, list] : verbs_)
    for (auto& ref : list) ref.patterns = &patterns_[ref.block];
  // Longest form first; a form written in the dictionary beats one we generated
  // ("LEFT" of block LEFT over the past tense of LEAVE).
  for (auto& [word, list] : verbs_) {
    std::stable_sort(list.begin(), list.end(), [](const VerbRef& a, const VerbRef& b) {
      if (a.form->words.size() != b.form->words.size())
        return a.form->words.size() > b.form->words.size();
      return !a.form->generated && b.form->generated;
    });
  }
  for (const auto& [name, syn] : dict_.synsets) {
    auto& idx = synsets_[name];
    auto& last = synsets_by_last_[name];
    for (const auto& ph : syn.phrases) {
      if (ph.empty()) continue;
      idx[ph[0]].push_back(&ph);
      last[ph.back()].push_back(&ph);
    }
    for (auto* m : {&idx, &last})
      for (auto& [w, list] : *m) {
        std::stable_sort(list.begin(), list.end(),
                         [](const auto* a, const auto* b) { return a->size() > b->size(); });
      }
  }
  // The synset masks of the patterns, from the same tables as SynsetMembers.
  auto synset_mask = [](const auto& by_name, const std::string& name) {
    uint64_t m = 0;
    auto it = by_name.find(name);
    if (it != by_name.end())
      for (const auto& [w, list] : it->second) m |= WordBit(w);
    return m;
  };
  for (auto& [block, pats] : patterns_) {
    auto& masks = pattern_masks_[block];
    for (auto& ref : pats) {
      for (const auto& t : ref.pattern->after)
        if (t.kind == dict::PatternToken::kSynset)
          ref.after_synsets.push_back(synset_mask(synsets_, t.text));
      for (const auto& t : ref.pattern->before)
        if (t.kind == dict::PatternToken::kSynset)
          ref.before_synsets.push_back(synset_mask(synsets_by_last_, t.text));
      // The per-token masks (PatternRef::after_token_bits), from the same tables.
      auto token_bits = [&](const dict::PatternToken& t, bool after) {
        if (t.kind == dict::PatternToken::kWord) return WordBit(t.text);
        if (t.kind == dict::PatternToken::kSynset)
          return synset_mask(after ? synsets_ : synsets_by_last_, t.text);
        return ~uint64_t{0};
      };
      for (const auto& t : ref.pattern->after) ref.after_token_bits.push_back(token_bits(t, true));
      for (const auto& t : ref.pattern->before)
        ref.before_token_bits.push_back(token_bits(t, false));
      masks.push_back(ref.after_words);
      masks.push_back(ref.before_words);
    }
  }
  for (auto& [word, list] : verbs_)
    for (auto& ref : list) ref.masks = pattern_masks_[ref.block].data();
  // Word hashes of the actor and agent phrases, in one array sized first (the pointers into
  // it stay valid).
  size_t hash_words = 0;
  for (auto* m : {&actors_, &agents_})
    for (const auto& [w, list] : *m)
      for (const auto& ref : list) hash_words += ref.words->size();
  phrase_hashes_.reserve(hash_words);
  for (auto* m : {&actors_, &agents_})
    for (auto& [w, list] : *m)
      for (auto& ref : list) {
        ref.hashes = phrase_hashes_.data() + phrase_hashes_.size();
        for (const auto& word : *ref.words) phrase_hashes_.push_back(HashWord(word));
        const auto& words = *ref.words;
        ref.length = static_cast<uint32_t>(words.size());
        ref.gapped = false;
        if (ref.gaps)
          for (bool g : *ref.gaps) ref.gapped |= g;
        ref.check_second = words.size() >= 2 && !(ref.gaps && (*ref.gaps)[1]);
        if (ref.check_second) ref.second_hash = ref.hashes[1];
      }
  for (const auto& [w, list] : actors_) entries_[w].actors = &list;
  for (const auto& [w, list] : agents_) entries_[w].agents = &list;
  for (const auto& [w, list] : verbs_) entries_[w].verbs = &list;
  entry_slots_.assign(TableSize(entries_.size()), EntrySlot{});
  entry_filter_.Reset(entries_.size());
  for (const auto& [w, e] : entries_) {
    const uint64_t h = CompiledDictionary::HashWord(w);
    entry_filter_.Add(h);
    size_t i = h & (entry_slots_.size() - 1);
    while (entry_slots_[i].key) i = (i + 1) & (entry_slots_.size() - 1);
    entry_slots_[i] = {h, &w, e};
  }
  size_t synset_keys = 0;
  for (const auto& [name, idx] : synsets_) synset_keys += idx.size();
  for (const auto& [name, idx] : synsets_by_last_) synset_keys += idx.size();
  synset_slots_.assign(TableSize(synset_keys), SynsetSlot{});
  synset_filter_.Reset(synset_keys);
  auto add_synset_keys = [&](const auto& by_name, bool ending_with) {
    for (const auto& [name, idx] : by_name)
      for (const auto& [w, list] : idx) {
        const uint64_t h =
            SynsetKey(CompiledDictionary::HashWord(name), CompiledDictionary::HashWord(w)) ^
            (ending_with ? 1 : 0);
        synset_filter_.Add(h);
        size_t i = h & (synset_slots_.size() - 1);
        while (synset_slots_[i].name) i = (i + 1) & (synset_slots_.size() - 1);
        synset_slots_[i] = {h, &name, &w, ending_with, &list};
      }
  };
  add_synset_keys(synsets_, false);
  add_synset_keys(synsets_by_last_, true);
  FilterKeys(actors_, &actor_keys_);
  FilterKeys(agents_, &agent_keys_);
  FilterKeys(discards_, &discard_keys_);
  FilterKeys(verbs_, &verb_keys_);
  size_t firsts = 0, lasts = 0;
  for (const auto& [name, idx] : synsets_) firsts += idx.size();
  for (const auto& [name, idx] : synsets_by_last_) lasts += idx.size();
  synset_first_keys_.Reset(firsts);
  synset_last_keys_.Reset(lasts);
  for (const auto& [name, idx] : synsets_)
    for (const auto& [w, list] : idx) synset_first_keys_.Add(w);
  for (const auto& [name, idx] : synsets_by_last_)
    for (const auto& [w, list] : idx) synset_last_keys_.Add(w);
}

const CompiledDictionary::WordEntries* CompiledDictionary::EntriesOf(std::string_view word,
                                                                     uint64_t hash) const {
  if (!entry_filter_.MayContain(hash)) return nullptr;
  const size_t mask = entry_slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const EntrySlot& s = entry_slots_[i];
    if (!s.key) return nullptr;
    if (s.hash == hash && *s.key == word) return &s.entries;
  }
}

const std::vector<const std::vector<std::string>*>* CompiledDictionary::SynsetMembers(
    const std::string& name, uint64_t name_hash, std::string_view word, uint64_t word_hash,
    bool ending_with) const {
  const uint64_t h = SynsetKey(name_hash, word_hash) ^ (ending_with ? 1 : 0);
  if (!synset_filter_.MayContain(h)) return nullptr;
  const size_t mask = synset_slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const SynsetSlot& s = synset_slots_[i];
    if (!s.name) return nullptr;
    if (s.hash == h && s.ending_with == ending_with && *s.word == word && *s.name == name)
      return s.members;
  }
}
const std::vector<CompiledDictionary::PhraseRef>* CompiledDictionary::ActorsStartingWith(
    const std::string& word) const {
  return Find<decltype(actors_), std::vector<PhraseRef>>(actors_, actor_keys_, word);
}
const std::vector<CompiledDictionary::PhraseRef>* CompiledDictionary::AgentsStartingWith(
    const std::string& word) const {
  return Find<decltype(agents_), std::vector<PhraseRef>>(agents_, agent_keys_, word);
}
const std::vector<CompiledDictionary::PhraseRef>* CompiledDictionary::DiscardsStartingWith(
    const std::string& word) const {
  return Find<decltype(discards_), std::vector<PhraseRef>>(discards_, discard_keys_, word);
}
const std::vector<CompiledDictionary::VerbRef>* CompiledDictionary::VerbsWithHead(
    const std::string& word) const {
  return Find<decltype(verbs_), std::vector<VerbRef>>(verbs_, verb_keys_, word);
}
const std::vector<CompiledDictionary::PatternRef>& CompiledDictionary::PatternsOf(
    const dict::VerbBlock* block) const {
  auto it = patterns_.find(block);
  return it == patterns_.end() ? no_patterns_ : it->second;
}
const std::vector<const std::vector<std::string>*>* CompiledDictionary::SynsetMembersEndingWith(
    const std::string& name, const std::string& word) const {
  if (!synset_last_keys_.MayContain(word)) return nullptr;
  auto it = synsets_by_last_.find(name);
  if (it == synsets_by_last_.end()) return nullptr;
  auto jt = it->second.find(word);
  return jt == it->second.end() ? nullptr : &jt->second;
}

const std::vector<const std::vector<std::string>*>* CompiledDictionary::SynsetMembers(
    const std::string& name, const std::string& word) const {
  if (!synset_first_keys_.MayContain(word)) return nullptr;
  auto it = synsets_.find(name);
  if (it == synsets_.end()) return nullptr;
  auto jt = it->second.find(word);
  return jt == it->second.end() ? nullptr : &jt->second;
}

}  // namespace eventcoder
