// StableEventId: see include/eventcoder/event.h.
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "eventcoder/event.h"

namespace eventcoder {
namespace {

// 64-bit FNV-1a. Each field is followed by a 0x1f separator so that ("AB","C") and
// ("A","BC") hash differently.
class Fnv1a {
 public:
  void Add(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    // Eight bytes per load; the bytes are still hashed one by one, in order (FNV-1a is
    // defined byte-wise), only the loads and the loop bookkeeping are shared.
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t v;
      std::memcpy(&v, p, 8);
      for (int i = 0; i < 8; ++i, v >>= 8) Byte(static_cast<unsigned char>(v));
    }
    for (; n > 0; ++p, --n) Byte(*p);
    Byte(0x1f);
  }
  void Add(uint64_t v) {  // the decimal digits, as std::to_string writes them
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    (void)ec;  // 24 bytes always hold a uint64_t
    Add(std::string_view(buf, static_cast<size_t>(end - buf)));
  }
  uint64_t value() const { return h_; }

 private:
  void Byte(unsigned char c) {
    h_ ^= c;
    h_ *= 0x100000001b3ULL;
  }
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

// "00" .. "ff": the two hex digits of each byte value.
constexpr auto kHexPairs = [] {
  struct Table {
    char pairs[256][2];
  } t{};
  constexpr char kHex[] = "0123456789abcdef";
  for (int b = 0; b < 256; ++b) {
    t.pairs[b][0] = kHex[b >> 4];
    t.pairs[b][1] = kHex[b & 0xF];
  }
  return t;
}();

}  // namespace

std::string StableEventId(const Event& e) {
  Fnv1a h;
  h.Add(e.story_id);
  h.Add(static_cast<uint64_t>(e.sentence));
  h.Add(e.source_code);
  h.Add(e.target_code);
  h.Add(e.cameo);
  for (const Span& s : e.verb_spans) {
    h.Add(static_cast<uint64_t>(s.begin));
    h.Add(static_cast<uint64_t>(s.end));
  }
  // "%016llx": the value's bytes from the most significant, two digits each.
  char id[16];
  uint64_t v = h.value();
  for (int i = 7; i >= 0; --i, v >>= 8) std::memcpy(id + 2 * i, kHexPairs.pairs[v & 0xFF], 2);
  return std::string(id, sizeof id);
}

}  // namespace eventcoder
