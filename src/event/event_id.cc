// StableEventId: see include/eventcoder/event.h.
#include <cstdio>
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
  void Add(uint64_t v) { Add(std::to_string(v)); }
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
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h.value()));
  return buf;
}

}  // namespace eventcoder
