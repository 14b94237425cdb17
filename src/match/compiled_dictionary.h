// CompiledDictionary: a dict::Dictionary indexed for fast matching.
//
// Built once from a loaded Dictionary (Build), then immutable and shared by all coding
// threads. Phrases are indexed by their first word (actors, agents, discards, synset
// members) or by the verb's own word (verb forms); candidate lists are ordered longest
// phrase first, then file order, so the first candidate that matches is the one to use.
//
// Thread safety: immutable after construction; safe for concurrent reads.
#ifndef EVENTCODER_MATCH_COMPILED_DICTIONARY_H_
#define EVENTCODER_MATCH_COMPILED_DICTIONARY_H_

#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/string_filter.h"
#include "dict/dictionary.h"

namespace eventcoder {

class CompiledDictionary {
 public:
  struct PhraseRef {
    const std::vector<std::string>* words;  // the phrase; words[0] is the index key
    const std::vector<bool>* gaps;          // may be null: no gaps
    int owner;                              // index into actors()/agents()/discards()
    // HashWord of each word of the phrase (actors and agents; else null): a
    // word compares by hash before it compares by text.
    const uint64_t* hashes = nullptr;
    // Kept beside the reference (actors and agents), so that most candidates are ruled out
    // without reading the phrase: its length, whether any word is a gap, and whether its
    // second word must follow the first directly (then `second_hash` is that word's hash).
    uint32_t length = 0;
    bool gapped = true;
    bool check_second = false;
    uint64_t second_hash = 0;
  };
  struct PatternRef;
  struct VerbRef {
    const dict::VerbForm* form;
    const dict::VerbBlock* block;
    const std::vector<PatternRef>* patterns = nullptr;  // PatternsOf(block), looked up once
    // PatternRef::after_words and before_words of each of *patterns, in pairs, in one array
    // (a block's pre-check reads 16 bytes a pattern); null when patterns is null.
    const uint64_t* masks = nullptr;
  };
  struct PatternRef {
    const dict::Pattern* pattern;
    int literal_count;  // literal words and synsets: more specific patterns are tried first
    // WordBit() of every literal word of the pattern after / before the verb: a side can
    // only match words whose WordBit()s, or'ed together, cover its mask.
    uint64_t after_words = 0, before_words = 0;
    // HashWord of each token's text, in token order, for the hashed
    // SynsetMembers look-up.
    std::vector<uint64_t> after_hashes, before_hashes;
    // Per synset token after / before the verb: the or of the WordBit()s of the words that
    // start its members (after) or end them (before; that side is matched backwards). A
    // side can only match words whose WordBit()s meet each of these masks.
    std::vector<uint64_t> after_synsets, before_synsets;
    // Per token of the side, in token order: the WordBit()s a word must meet to be matched
    // by the token there (a word token: WordBit of its text; a synset token: the mask of
    // its members' first words (after) or last words (before)); all ones for a noun-phrase
    // token. A word outside the mask is passed over without a compare or look-up.
    std::vector<uint64_t> after_token_bits, before_token_bits;
  };
  // The hash of a word used by the tables and masks below: 8 bytes a step (dictionary
  // words are short), well mixed in all 64 bits.
  static uint64_t HashWord(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      h = (h ^ v) * 0xBF58476D1CE4E5B9ULL;
      h ^= h >> 31;
    }
    // The last 0-7 bytes, byte j at bits 8j: on a little-endian machine as at most three
    // loads (4, 2, 1 bytes) instead of a loop over the bytes.
    uint64_t tail = 0;
    const size_t rest = s.size() - i;
    if constexpr (std::endian::native == std::endian::little) {
      const char* p = s.data() + i;
      unsigned shift = 0;
      if (rest & 4) {
        uint32_t v;
        std::memcpy(&v, p, 4);
        tail = v;
        p += 4;
        shift = 32;
      }
      if (rest & 2) {
        uint16_t v;
        std::memcpy(&v, p, 2);
        tail |= uint64_t{v} << shift;
        p += 2;
        shift += 16;
      }
      if (rest & 1) tail |= uint64_t{static_cast<unsigned char>(*p)} << shift;
    } else {
      for (size_t j = 0; j < rest; ++j)
        tail |= uint64_t{static_cast<unsigned char>(s[i + j])} << (8 * j);
    }
    h = (h ^ tail) * 0x94D049BB133111EBULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
  }
  // One bit of 64 chosen by a hash of `word` (upper case): or'ed over a span of words, a
  // cheap over-approximation of the set of words there.
  static uint64_t WordBit(std::string_view word) { return uint64_t{1} << (HashWord(word) & 63); }

  explicit CompiledDictionary(dict::Dictionary dict);
  CompiledDictionary(const CompiledDictionary&) = delete;
  CompiledDictionary& operator=(const CompiledDictionary&) = delete;

  const dict::Dictionary& dict() const { return dict_; }

  // The actors, agents and verb forms keyed by one word, found with one look-up.
  struct WordEntries {
    const std::vector<PhraseRef>* actors = nullptr;  // as ActorsStartingWith(word)
    const std::vector<PhraseRef>* agents = nullptr;  // as AgentsStartingWith(word)
    const std::vector<VerbRef>* verbs = nullptr;     // as VerbsWithHead(word)
  };
  // nullptr when `word` (upper case) starts no actor or agent and heads no verb form.
  // `hash` must be HashWord(word) (callers that have it save hashing again).
  const WordEntries* EntriesOf(std::string_view word, uint64_t hash) const;
  const WordEntries* EntriesOf(std::string_view word) const {
    return EntriesOf(word, HashWord(word));
  }

  // Candidates whose first word is `word` (upper case), longest first; nullptr when none.
  const std::vector<PhraseRef>* ActorsStartingWith(const std::string& word) const;
  const std::vector<PhraseRef>* AgentsStartingWith(const std::string& word) const;
  const std::vector<PhraseRef>* DiscardsStartingWith(const std::string& word) const;
  // False when no discard phrase starts with `word` (upper case); true for every word that
  // starts one and for a few others. Three byte reads and a bit test: most words of a
  // sentence are ruled out here without hashing them.
  bool MayStartDiscard(std::string_view word) const {
    const uint32_t b = DiscardKey(word);
    return (discard_first_[b >> 6] >> (b & 63)) & 1;
  }
  // Verb forms whose verb word (VerbForm::head) is `word`, longest first.
  const std::vector<VerbRef>* VerbsWithHead(const std::string& word) const;
  // Patterns of a block, most specific first.
  const std::vector<PatternRef>& PatternsOf(const dict::VerbBlock* block) const;
  // Members of synset `name` ("&NAME") starting with `word`, longest first.
  const std::vector<const std::vector<std::string>*>* SynsetMembers(const std::string& name,
                                                                    const std::string& word) const;
  // Members of synset `name` ending with `word`, longest first.
  const std::vector<const std::vector<std::string>*>* SynsetMembersEndingWith(
      const std::string& name, const std::string& word) const;
  // The same two, with `name_hash` = HashWord(name) and `word_hash` =
  // HashWord(word): one probe of a flat table.
  const std::vector<const std::vector<std::string>*>* SynsetMembers(const std::string& name,
                                                                    uint64_t name_hash,
                                                                    std::string_view word,
                                                                    uint64_t word_hash,
                                                                    bool ending_with) const;

 private:
  dict::Dictionary dict_;
  std::unordered_map<std::string, std::vector<PhraseRef>> actors_, agents_, discards_;
  std::unordered_map<std::string, std::vector<VerbRef>> verbs_;
  std::unordered_map<const dict::VerbBlock*, std::vector<PatternRef>> patterns_;
  std::unordered_map<const dict::VerbBlock*, std::vector<uint64_t>> pattern_masks_;
  std::unordered_map<std::string,
                     std::unordered_map<std::string, std::vector<const std::vector<std::string>*>>>
      synsets_, synsets_by_last_;
  std::vector<PatternRef> no_patterns_;
  std::unordered_map<std::string, WordEntries> entries_;  // points into the maps above
  // Open addressing over HashWord: a power-of-two table at most half full, for
  // the look-ups of every sentence (EntriesOf, the hashed SynsetMembers). A slot with a
  // null key is empty.
  struct EntrySlot {
    uint64_t hash = 0;
    const std::string* key = nullptr;
    WordEntries entries;
  };
  std::vector<EntrySlot> entry_slots_;
  struct SynsetSlot {
    uint64_t hash = 0;  // SynsetKey(name, word)
    const std::string* name = nullptr;
    const std::string* word = nullptr;
    bool ending_with = false;
    const std::vector<const std::vector<std::string>*>* members = nullptr;
  };
  std::vector<SynsetSlot> synset_slots_;
  // Bloom filters over the tables' hashes (16 bits a key, two bits tested): the tables are
  // larger than the caches and most look-ups miss, so a miss mostly stops here.
  HashFilter entry_filter_, synset_filter_;
  std::vector<uint64_t> phrase_hashes_;  // PhraseRef::hashes point into it
  // MayStartDiscard's bits, indexed by DiscardKey of the discard phrases' first words.
  static uint32_t DiscardKey(std::string_view w) {
    if (w.empty()) return 0;
    const uint32_t first = static_cast<unsigned char>(w.front());
    const uint32_t last = static_cast<unsigned char>(w.back());
    const uint32_t len = static_cast<uint32_t>(w.size() < 255 ? w.size() : 255);
    return ((first * 0x9E37u) ^ (last * 0x85EBu) ^ (len * 0xC2B3u)) >> 3 & 8191u;
  }
  uint64_t discard_first_[128] = {};
  // The keys of the maps above (for the synsets, every member's first and last word of
  // any synset): most words of a sentence start no phrase, and the filters answer those
  // look-ups without probing the maps.
  StringFilter actor_keys_, agent_keys_, discard_keys_, verb_keys_, synset_first_keys_,
      synset_last_keys_;
};

}  // namespace eventcoder

#endif  // EVENTCODER_MATCH_COMPILED_DICTIONARY_H_
