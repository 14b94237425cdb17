// Dictionary limits for hostile input: an over-long line, an over-long pattern and a too
// deep synset chain are reported with file:line and skipped; the rest of the file is read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dict/dict_reader.h"

namespace eventcoder::dict {
namespace {

bool HasWarning(const std::vector<std::string>& warnings, const std::string& prefix,
                const std::string& what) {
  for (const auto& w : warnings)
    if (w.rfind(prefix, 0) == 0 && w.find(what) != std::string::npos) return true;
  return false;
}

std::string Words(int n, const std::string& stem) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? " " : "") + stem + std::to_string(i);
  return out;
}

TEST(DictLimitsTest, ActorLineOverTheWordLimitIsSkippedWithItsCodes) {
  std::string text = "GONDOR [GON]\n" + Words(100, "W") + " [BIG]\n  [BIG2]\n+SYN\nROHAN [ROH]\n";
  Dictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadActors(text, "a.txt", &d, &warnings).ok());
  ASSERT_EQ(d.actors.size(), 2u);
  EXPECT_EQ(d.actors[0].codes.size(), 1u);  // [BIG2] and +SYN did not attach to GONDOR
  EXPECT_EQ(d.actors[0].names.size(), 1u);
  EXPECT_EQ(d.actors[1].names[0][0], "ROHAN");
  EXPECT_TRUE(HasWarning(warnings, "a.txt:2:", "64-word dictionary line limit"));
}

TEST(DictLimitsTest, LineOverTheByteLimitIsReportedInStrictMode) {
  std::string text = "FOOTBALL\n" + std::string(5000, 'X') + "\n";
  Dictionary d;
  Status st = ReadDiscards(text, "d.txt", &d, nullptr);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.message().rfind("d.txt:2:", 0), 0u) << st.message();
  EXPECT_NE(st.message().find("4096-byte"), std::string::npos) << st.message();
  EXPECT_EQ(d.discards.size(), 1u);
}

TEST(DictLimitsTest, PatternOverTheTokenLimitIsSkipped) {
  std::string text = "--- MEET [040] ---\nMEET\n- * " + Words(40, "P") + " [041]\n- * + IN [044]\n";
  Dictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadVerbs(text, "v.txt", &d, &warnings).ok());
  ASSERT_EQ(d.verbs.size(), 1u);
  ASSERT_EQ(d.verbs[0].patterns.size(), 1u);
  EXPECT_EQ(d.verbs[0].patterns[0].code, "044");
  EXPECT_TRUE(HasWarning(warnings, "v.txt:3:", "40 tokens is over the 32-token limit"));
}

TEST(DictLimitsTest, OverLongBlockHeaderTakesItsLinesWithIt) {
  std::string text = "--- " + Words(80, "H") + " [010] ---\nSAY\n--- MEET [040] ---\nMEET\n";
  Dictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadVerbs(text, "v.txt", &d, &warnings).ok());
  ASSERT_EQ(d.verbs.size(), 1u);
  EXPECT_EQ(d.verbs[0].name, "MEET");
  EXPECT_TRUE(HasWarning(warnings, "v.txt:1:", "dictionary line limit"));
  EXPECT_EQ(warnings.size(), 1u);  // SAY is skipped silently with its header
}

TEST(DictLimitsTest, DeepSynsetChainIsCutAtTheNestingLimit) {
  // &S0 includes &S1, which includes &S2, ... each with one own member.
  std::string text;
  const int n = 40;
  for (int i = 0; i < n; ++i) {
    text += "&S" + std::to_string(i) + "\n+M" + std::to_string(i) + "_\n";
    if (i + 1 < n) text += "+&S" + std::to_string(i + 1) + "\n";
  }
  text += "--- MEET [040] ---\nMEET\n- * &S0 [041]\n";
  Dictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadVerbs(text, "v.txt", &d, &warnings).ok());
  // &S0 holds its own member and those of the next kMaxSynsetNesting - 1 synsets.
  EXPECT_EQ(d.synsets.at("&S0").phrases.size(), kMaxSynsetNesting);
  EXPECT_EQ(d.synsets.at("&S39").phrases.size(), 1u);
  EXPECT_TRUE(HasWarning(warnings, "v.txt:", "nests deeper than 16 levels"));
  EXPECT_EQ(d.verbs[0].patterns.size(), 1u);
}

}  // namespace
}  // namespace eventcoder::dict
