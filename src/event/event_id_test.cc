#include <gtest/gtest.h>

#include <cinttypes>
#include <cstdio>
#include <string>
#include <string_view>

#include "eventcoder/event.h"

namespace eventcoder {
namespace {

// The id as documented: 64-bit FNV-1a over the fields (numbers as decimal text), each
// followed by 0x1f, printed "%016llx". Written byte by byte, the plain way.
std::string ReferenceId(const Event& e) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto add = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    h ^= 0x1f;
    h *= 0x100000001b3ULL;
  };
  add(e.story_id);
  add(std::to_string(e.sentence));
  add(e.source_code);
  add(e.target_code);
  add(e.cameo);
  for (const Span& s : e.verb_spans) {
    add(std::to_string(s.begin));
    add(std::to_string(s.end));
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
  return buf;
}

TEST(StableEventIdTest, IsFnv1aOfTheFieldsAsDocumented) {
  Event e;
  EXPECT_EQ(StableEventId(e), ReferenceId(e));
  e.story_id = "bench-0";
  e.sentence = 2;
  e.source_code = "BLRREL";
  e.target_code = "GRDCVL";
  e.cameo = "012";
  e.verb_spans = {{268, 274}};
  EXPECT_EQ(StableEventId(e), "c3dc8daf3dd1915e");  // as eventcoder has always written it
  // Fields of every length around the 8-byte loads, and large numbers.
  for (size_t n = 0; n < 40; ++n) {
    e.story_id = std::string(n, static_cast<char>('a' + n % 26));
    e.source_code = std::string(n / 2, '\xE9');
    e.sentence = static_cast<int>(n * 997);
    e.verb_spans = {{n, n * 100000}, {123456789012ULL, 123456789013ULL}};
    EXPECT_EQ(StableEventId(e), ReferenceId(e)) << n;
  }
}

}  // namespace
}  // namespace eventcoder
