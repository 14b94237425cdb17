#include "text/splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace eventcoder {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SplitterTest, Abbreviations) {
  EXPECT_EQ(
      Split("Gen. Smith met Lt. Col. Jones in the U.S. capital on Jan. 5. He left at 3 p.m. "
            "on Sunday."),
      (std::vector<std::string>{"Gen. Smith met Lt. Col. Jones in the U.S. capital on Jan. 5.",
                                "He left at 3 p.m. on Sunday."}));
  EXPECT_EQ(Split("George W. Bush spoke. Growth was 11.8 percent... and fell. Dr. No left."),
            (std::vector<std::string>{"George W. Bush spoke.",
                                      "Growth was 11.8 percent... and fell.", "Dr. No left."}));
  EXPECT_EQ(Split("He lives in the U.S. The talks failed."),
            (std::vector<std::string>{"He lives in the U.S.", "The talks failed."}));
}

TEST(SplitterTest, QuotesParagraphsHeadings) {
  EXPECT_EQ(Split("\"We will fight.\" The army moved. She said “No.” Then left."),
            (std::vector<std::string>{"\"We will fight.\"", "The army moved.", "She said “No.”",
                                      "Then left."}));
  EXPECT_EQ(Split("  Clashes in Gaza\n\nTroops fired on protesters\n \nToday"),
            (std::vector<std::string>{"Clashes in Gaza", "Troops fired on protesters", "Today"}));
  EXPECT_EQ(Split("Is it over? Yes! Done"),
            (std::vector<std::string>{"Is it over?", "Yes!", "Done"}));
}

TEST(SplitterTest, OffsetsAreSane) {
  for (std::string_view text :
       {"", "   ", ".", "...", "\n\n\n", "a.b.c. D", "\xE2\x80\x9D. X", "\xFF\xFE. \xC3"}) {
    for (const Sentence& s : SplitSentences(text)) {
      EXPECT_LT(s.begin, s.end);
      EXPECT_LE(s.end, text.size());
    }
  }
}

}  // namespace
}  // namespace eventcoder
