// StableEventId: see include/eventcoder/event.h.
#include <charconv>
#include <cstdint>
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
    for (unsigned char c : s) Byte(c);
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
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');  // "%016llx"
  uint64_t v = h.value();
  for (int i = 15; i >= 0; --i, v >>= 4) id[static_cast<size_t>(i)] = kHex[v & 0xF];
  return id;
}

}  // namespace eventcoder
