// StringFilter: a small Bloom filter over strings, put in front of a hash map whose
// look-ups mostly miss (dictionary first words, gazetteer names), so that a miss costs
// one hash of a short string and two bit tests in a table that stays in cache, instead of
// a probe into a large map.
//
// MayContain(s) is true for every s that was Add()ed (no false negatives) and false for
// most others (about 1% false positives at the size Reset() chooses). A default-
// constructed or Reset(0) filter contains nothing.
//
// Thread safety: Add() and Reset() need exclusive access; MayContain() is const and safe
// from many threads once building is done.
#ifndef EVENTCODER_BASE_STRING_FILTER_H_
#define EVENTCODER_BASE_STRING_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace eventcoder {

class StringFilter {
 public:
  // Empties the filter and sizes it for about `expected_keys` keys (16 bits per key,
  // rounded up to a power of two).
  void Reset(size_t expected_keys) {
    size_t bits = 512;
    while (bits < expected_keys * 16) bits <<= 1;
    words_.assign(bits / 64, 0);
    mask_ = bits - 1;
  }

  void Add(std::string_view s) {
    if (words_.empty()) Reset(1024);
    const uint64_t h = Hash(s);
    Set(h & mask_);
    Set((h >> 32) & mask_);
  }

  bool empty() const { return words_.empty(); }

  bool MayContain(std::string_view s) const {
    if (words_.empty()) return false;
    const uint64_t h = Hash(s);
    return Test(h & mask_) && Test((h >> 32) & mask_);
  }

  // FNV-1a over the bytes, then a final mix so that both halves depend on every byte.
  static uint64_t Hash(std::string_view s) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
  }

 private:
  void Set(uint64_t bit) { words_[bit >> 6] |= uint64_t{1} << (bit & 63); }
  bool Test(uint64_t bit) const { return (words_[bit >> 6] >> (bit & 63)) & 1; }

  std::vector<uint64_t> words_;
  uint64_t mask_ = 0;
};

// The same kind of filter over keys the caller has already hashed (64 well-mixed bits, e.g.
// CompiledDictionary::HashWord): no false negatives, about 1% false positives at the size
// Reset() chooses. A default-constructed filter must be Reset() before use.
struct HashFilter {
  std::vector<uint64_t> bits;
  uint64_t mask = 0;
  void Reset(size_t keys) {
    size_t n = 512;
    while (n < keys * 16) n <<= 1;
    bits.assign(n / 64, 0);
    mask = n - 1;
  }
  void Add(uint64_t h) {
    Set((h >> 8) & mask);
    Set((h >> 36) & mask);
  }
  bool MayContain(uint64_t h) const { return Test((h >> 8) & mask) && Test((h >> 36) & mask); }
  void Set(uint64_t b) { bits[b >> 6] |= uint64_t{1} << (b & 63); }
  bool Test(uint64_t b) const { return (bits[b >> 6] >> (b & 63)) & 1; }
};

}  // namespace eventcoder

#endif  // EVENTCODER_BASE_STRING_FILTER_H_
