#include "text/shallow_parser.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "text/splitter.h"
#include "text/tagger.h"
#include "text/tokenizer.h"
#include "text/treebank_testing.h"

#ifndef EVENTCODER_SHARED_DIR
#define EVENTCODER_SHARED_DIR "../shared"
#endif

namespace eventcoder {
namespace {

std::string Parse(std::string_view text) {
  Sentence s;
  s.end = text.size();
  Tokenize(text, &s);
  Tagger::Default().Tag(&s);
  return ShallowParse(s);
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

TEST(ShallowParserTest, EmptyAndBalanced) {
  Sentence empty;
  EXPECT_EQ(ShallowParse(empty), "(ROOT (S))");
  for (std::string_view text : {"( ) ) ( .", "and , , which that to", "\"Peace!\" he said.",
                                "The the the of of .", "Will will will will."}) {
    std::string p = Parse(text);
    testing::Tree t = testing::ReadTree(p);
    EXPECT_TRUE(t.ok) << text << " -> " << p;
  }
}

TEST(ShallowParserTest, MeetingSentence) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse(
      "Iranian Foreign Minister Abbas Araghchi met his Qatari counterpart in Doha on "
      "Wednesday.");
  EXPECT_EQ(p,
            "(ROOT (S (NP (JJ Iranian) (NNP Foreign) (NNP Minister) (NNP Abbas) (NNP Araghchi)) "
            "(VP (VBD met) (NP (PRP$ his) (JJ Qatari) (NN counterpart)) (PP (IN in) (NP (NNP "
            "Doha))) (PP (IN on) (NP (NNP Wednesday)))) (. .)))");
}

TEST(ShallowParserTest, CoordinationAndReportingTail) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("Egypt and Qatar condemned the Israeli strike on Gaza, the ministry said.");
  EXPECT_EQ(p,
            "(ROOT (S (S (NP (NP (NNP Egypt)) (CC and) (NP (NNP Qatar))) (VP (VBD condemned) "
            "(NP (NP (DT the) (JJ Israeli) (NN strike)) (PP (IN on) (NP (NNP Gaza)))))) (, ,) "
            "(NP (DT the) (NN ministry)) (VP (VBD said)) (. .)))");
}

TEST(ShallowParserTest, InfinitiveAndModal) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("The United Nations urged both sides to resume talks.");
  EXPECT_TRUE(Contains(p, "(VP (VBD urged) (NP (DT both) (NNS sides)) (S (VP (TO to) (VP (VB "
                          "resume) (NP (NNS talks))))))"))
      << p;
  p = Parse("Gondor will not break relations with Mordor.");
  EXPECT_TRUE(Contains(p, "(VP (MD will) (RB not) (VP (VB break) (NP (NNS relations)) (PP (IN "
                          "with) (NP (NNP Mordor)))))"))
      << p;
}

TEST(ShallowParserTest, PossessiveOfAndThatClause) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("Gondor's government noted that the ambassadors of Rohan regretted the decision.");
  EXPECT_TRUE(Contains(p, "(NP (NP (NNP Gondor) (POS 's)) (NN government))")) << p;
  EXPECT_TRUE(Contains(p, "(SBAR (IN that) (S (NP (NP (DT the) (NNS ambassadors)) (PP (IN of) "
                          "(NP (NNP Rohan)))) (VP (VBD regretted)"))
      << p;
}

TEST(ShallowParserTest, PassiveRelativeAndVerbCoordination) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("The envoy was shot dead in Osgiliath.");
  EXPECT_TRUE(Contains(p, "(VP (VBD was) (VP (VBN shot) (ADJP (JJ dead)) (PP (IN in) (NP (NNP "
                          "Osgiliath)))))"))
      << p;
  p = Parse("Rebels attacked the convoy, which was carrying food.");
  EXPECT_TRUE(Contains(p, "(NP (NP (DT the) (NN convoy)) (, ,) (SBAR (WHNP (WDT which)) (S (VP "))
      << p;
  p = Parse("Police arrested two men and seized weapons.");
  EXPECT_TRUE(Contains(p, "(VP (VP (VBD arrested) (NP (CD two) (NNS men))) (CC and) (VP (VBD "
                          "seized) (NP (NNS weapons))))"))
      << p;
}

TEST(ShallowParserTest, RandomInputStaysBalanced) {
  const char* words[] = {"the", "and", ",", "which", "said", "to", "of", "(", ")", "'s", "Gaza",
                         "that", "will", "not", "attacked", "talks", ".", "\"", "in", "was"};
  uint32_t x = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int len = static_cast<int>(x % 40);
    for (int k = 0; k < len; ++k) {
      x = x * 1103515245u + 12345u;
      text += words[(x >> 16) % 20];
      text += ' ';
    }
    x = x * 1103515245u + 12345u;
    for (const Sentence& sent : SplitSentences(text)) {
      Sentence s = sent;
      Tokenize(text, &s);
      Tagger::Default().Tag(&s);
      std::string p = ShallowParse(s);
      testing::Tree t = testing::ReadTree(p);
      ASSERT_TRUE(t.ok || s.tokens.empty()) << text << " -> " << p;
      ASSERT_EQ(t.words.size(), s.tokens.size()) << p;
    }
  }
}

// Labelled bracket precision/recall for NP and VP against the gold parses (dev measurement).
struct Counts {
  size_t gold = 0, test = 0, match = 0;
};

void Score(const testing::Tree& gold, const testing::Tree& test, std::map<std::string, Counts>* c) {
  for (const char* label : {"NP", "VP", "PP", "SBAR"}) {
    std::multiset<std::pair<size_t, size_t>> g, t;
    for (const auto& k : gold.constituents) {
      if (k.label == label) g.insert({k.begin, k.end});
    }
    for (const auto& k : test.constituents) {
      if (k.label == label) t.insert({k.begin, k.end});
    }
    Counts& x = (*c)[label];
    x.gold += g.size();
    x.test += t.size();
    for (const auto& span : t) {
      auto it = g.find(span);
      if (it != g.end()) {
        ++x.match;
        g.erase(it);
      }
    }
  }
}

TEST(ShallowParserTest, BracketScoresOnValidationParses) {
  const Tagger& tagger = Tagger::Default();
  if (tagger.lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  const std::string dir = std::string(EVENTCODER_SHARED_DIR) + "/validation/petrarch/";
  size_t files = 0;
  for (bool gold_tags : {false, true}) {
    std::map<std::string, Counts> counts;
    for (const char* name : {"PETR.UnitTest.records.xml", "GigaWord.sample.PETR.xml"}) {
      std::vector<std::string> parses = testing::LoadParses(dir + name);
      if (parses.empty()) continue;
      ++files;
      for (const std::string& p : parses) {
        testing::Tree gold = testing::ReadTree(p);
        if (!gold.ok) continue;
        Sentence s;
        for (size_t k = 0; k < gold.words.size(); ++k) {
          Token t;
          t.text = testing::UnescapeLeaf(gold.words[k]);
          t.norm = NormalizeToken(t.text);
          s.tokens.push_back(t);
        }
        tagger.Tag(&s);
        if (gold_tags) {
          for (size_t k = 0; k < s.tokens.size(); ++k) {
            std::string g = gold.tags[k];
            if (g.rfind("AUX", 0) == 0) continue;  // non-Penn tag in the samples: keep ours
            s.tokens[k].tag = g;
          }
        }
        std::string ours = ShallowParse(s);
        testing::Tree test = testing::ReadTree(ours);
        ASSERT_TRUE(test.ok) << ours;
        ASSERT_EQ(test.words.size(), gold.words.size()) << ours;
        Score(gold, test, &counts);
      }
    }
    if (files == 0) GTEST_SKIP() << "validation files not found under " << dir;
    for (const auto& [label, x] : counts) {
      double pr = x.test ? 100.0 * static_cast<double>(x.match) / static_cast<double>(x.test) : 0;
      double rc = x.gold ? 100.0 * static_cast<double>(x.match) / static_cast<double>(x.gold) : 0;
      std::printf("[parser] %s tags: %-4s P=%.1f%% R=%.1f%% (gold %zu, ours %zu)\n",
                  gold_tags ? "gold" : "ours", label.c_str(), pr, rc, x.gold, x.test);
      if (!gold_tags && label == "NP") {
        EXPECT_GE(rc, 50.0);
      }
    }
  }
}

}  // namespace
}  // namespace eventcoder
