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

TEST(SplitterTest, KnownAbbreviationsInAnyCase) {
  for (std::string_view w : {"Mr", "mrs", "GEN", "Lieut", "messrs", "approx", "Jan", "SEPT", "dec",
                             "Inc", "corp", "Ltd", "vs", "etc", "govt", "intl", "No"}) {
    EXPECT_TRUE(IsKnownAbbreviation(w)) << w;
  }
  for (std::string_view w : {"", "said", "the", "U", "USA", "Generals", "janu", "incorporated",
                             "mr.", "m r", "approxi"}) {
    EXPECT_FALSE(IsKnownAbbreviation(w)) << w;
  }
  EXPECT_FALSE(IsKnownAbbreviation(std::string_view("no\0", 3)));
  EXPECT_FALSE(IsKnownAbbreviation(std::string_view("\xC3\x89t", 3)));
}

// Sentences close at their last non-space byte, whatever whitespace follows them before a
// blank line or the end of the text, and long runs without a stop are skipped correctly.
TEST(SplitterTest, SentenceEndsBeforeTrailingSpaceAndBlankLines) {
  EXPECT_EQ(
      Split("A heading with trailing space \t \n \r\nNext paragraph starts here"),
      (std::vector<std::string>{"A heading with trailing space", "Next paragraph starts here"}));
  EXPECT_EQ(Split("No stop at all in this rather long line of text   \n\t "),
            (std::vector<std::string>{"No stop at all in this rather long line of text"}));
  EXPECT_EQ(Split("x\n\ny"), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(Split("one line\nsame sentence continues here. Second sentence is longer than "
                  "sixteen bytes! Third?"),
            (std::vector<std::string>{"one line\nsame sentence continues here.",
                                      "Second sentence is longer than sixteen bytes!", "Third?"}));
  std::string long_text(100, 'w');
  long_text += ". ";
  long_text += std::string(37, 'V');
  long_text += "\v\f ";
  EXPECT_EQ(Split(long_text),
            (std::vector<std::string>{std::string(100, 'w') + ".", std::string(37, 'V')}));
}

// The span API finds the same sentences as SplitSentences.
TEST(SplitterTest, SpansMatchSentences) {
  const std::string text =
      "Gen. Smith met U.S. officials. The talks ended.\n\nHEADLINE\nHe said: \"No.\" Then "
      "he left at 11.30 a.m. Mr. Jones stayed! Why? Because.";
  std::vector<Sentence> sentences = SplitSentences(text);
  std::vector<Span> spans = {{1, 2}};  // replaced, not appended to
  SplitSentenceSpans(text, &spans);
  ASSERT_EQ(spans.size(), sentences.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    EXPECT_EQ(spans[i].begin, sentences[i].begin);
    EXPECT_EQ(spans[i].end, sentences[i].end);
  }
}

}  // namespace
}  // namespace eventcoder
