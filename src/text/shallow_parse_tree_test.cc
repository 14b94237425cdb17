// ShallowParseTree must build exactly the tree that reading ShallowParse's string gives
// (the pipeline switched from the string round trip to the direct tree for speed).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parse/tree.h"
#include "text/shallow_parser.h"
#include "text/splitter.h"
#include "text/tagger.h"
#include "text/tokenizer.h"

namespace eventcoder {
namespace {

// What the pipeline used to do: read the string back, then give each word its token's
// text, norm and offsets.
ParseTree ViaString(const Sentence& s) {
  auto t = ReadTreebank(ShallowParse(s));
  EXPECT_TRUE(t.ok());
  if (!t.ok()) return ParseTree{};
  EXPECT_EQ(t->words.size(), s.tokens.size());
  for (size_t i = 0; i < s.tokens.size() && i < t->words.size(); ++i) {
    t->words[i].text = s.tokens[i].text;
    t->words[i].norm = s.tokens[i].norm;
    t->words[i].begin = s.tokens[i].begin;
    t->words[i].end = s.tokens[i].end;
  }
  return *std::move(t);
}

void ExpectSameTree(const ParseTree& a, const ParseTree& b, std::string_view text) {
  ASSERT_EQ(a.nodes.size(), b.nodes.size()) << text;
  ASSERT_EQ(a.words.size(), b.words.size()) << text;
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    EXPECT_EQ(a.nodes[i].label, b.nodes[i].label) << text << " node " << i;
    EXPECT_EQ(a.nodes[i].parent, b.nodes[i].parent) << text << " node " << i;
    EXPECT_EQ(a.nodes[i].children, b.nodes[i].children) << text << " node " << i;
    EXPECT_EQ(a.nodes[i].word, b.nodes[i].word) << text << " node " << i;
    // Both builders record the label's kind, which the coder reads instead of the label.
    EXPECT_EQ(a.nodes[i].kind, b.nodes[i].kind) << text << " node " << i;
    EXPECT_EQ(a.nodes[i].kind, LabelKindOf(a.nodes[i].label)) << text << " node " << i;
  }
  for (size_t i = 0; i < a.words.size(); ++i) {
    EXPECT_EQ(a.words[i].text, b.words[i].text) << text << " word " << i;
    EXPECT_EQ(a.words[i].norm, b.words[i].norm) << text << " word " << i;
    EXPECT_EQ(a.words[i].tag, b.words[i].tag) << text << " word " << i;
    EXPECT_EQ(a.words[i].begin, b.words[i].begin) << text << " word " << i;
    EXPECT_EQ(a.words[i].end, b.words[i].end) << text << " word " << i;
    EXPECT_EQ(a.words[i].tag_kind, b.words[i].tag_kind) << text << " word " << i;
    EXPECT_EQ(a.words[i].tag_kind, TagKindOf(a.words[i].tag)) << text << " word " << i;
  }
  EXPECT_EQ(ToBracketed(a), ToBracketed(b)) << text;
}

TEST(ShallowParseTreeTest, SameTreeAsReadingTheString) {
  // Long sentences first, so the reused tree shrinks and grows again.
  const std::string story =
      "DOHA, Feb 11 (Wire) - A Hamas delegation led by Khalil al-Hayya met the secretary of "
      "Iran\xE2\x80\x99s Supreme National Security Council (SNSC), Ali Larijani, in Doha on "
      "Wednesday, the group said in a statement. Hi. "
      "\xE2\x80\x9C"
      "Every strike on our energy system is a strike on civilians,\xE2\x80\x9D he "
      "said. Jordan and Saudi Arabia also denounced the strike {again} [twice]. "
      "The Israeli military said it had targeted a militant who was planning an imminent "
      "attack on its troops, according to officials. ( ) ) ( . and , , which that to. "
      "Pakistani police arrested dozens of supporters of jailed former prime minister Imran "
      "Khan on Thursday as they tried to march on the capital, a party spokesman said.";
  ParseTree reused;
  int checked = 0;
  for (Sentence s : SplitSentences(story)) {
    Tokenize(story, &s);
    if (s.tokens.empty()) continue;
    Tagger::Default().Tag(&s);
    ASSERT_TRUE(ShallowParseTree(s, &reused));
    ExpectSameTree(reused, ViaString(s), story.substr(s.begin, s.end - s.begin));
    ParseTree fresh;
    ASSERT_TRUE(ShallowParseTree(s, &fresh));
    ExpectSameTree(fresh, reused, story.substr(s.begin, s.end - s.begin));
    ++checked;
  }
  EXPECT_GE(checked, 6);
}

TEST(ShallowParseTreeTest, EmptySentenceGivesNoTree) {
  ParseTree t;
  EXPECT_FALSE(ShallowParseTree(Sentence{}, &t));
}

TEST(ShallowParseTreeTest, UntaggedTokensAreNouns) {
  const std::string text = "Gondor (North) warned Rohan";
  Sentence s;
  s.end = text.size();
  Tokenize(text, &s);  // no tagging: every tag is empty
  ParseTree t;
  ASSERT_TRUE(ShallowParseTree(s, &t));
  ExpectSameTree(t, ViaString(s), text);
  for (const TreeWord& w : t.words) EXPECT_EQ(w.tag, "NN");
}

}  // namespace
}  // namespace eventcoder
