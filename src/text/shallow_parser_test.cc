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
  EXPECT_TRUE(Contains(p,
                       "(VP (VBD urged) (NP (DT both) (NNS sides)) (S (VP (TO to) (VP (VB "
                       "resume) (NP (NNS talks))))))"))
      << p;
  p = Parse("Gondor will not break relations with Mordor.");
  EXPECT_TRUE(Contains(p,
                       "(VP (MD will) (RB not) (VP (VB break) (NP (NNS relations)) (PP (IN "
                       "with) (NP (NNP Mordor)))))"))
      << p;
}

TEST(ShallowParserTest, PossessiveOfAndThatClause) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p =
      Parse("Gondor's government noted that the ambassadors of Rohan regretted the decision.");
  EXPECT_TRUE(Contains(p, "(NP (NP (NNP Gondor) (POS 's)) (NN government))")) << p;
  EXPECT_TRUE(Contains(p,
                       "(SBAR (IN that) (S (NP (NP (DT the) (NNS ambassadors)) (PP (IN of) "
                       "(NP (NNP Rohan)))) (VP (VBD regretted)"))
      << p;
}

TEST(ShallowParserTest, PassiveRelativeAndVerbCoordination) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("The envoy was shot dead in Osgiliath.");
  EXPECT_TRUE(Contains(p,
                       "(VP (VBD was) (VP (VBN shot) (ADJP (JJ dead)) (PP (IN in) (NP (NNP "
                       "Osgiliath)))))"))
      << p;
  p = Parse("Rebels attacked the convoy, which was carrying food.");
  EXPECT_TRUE(Contains(p, "(NP (NP (DT the) (NN convoy)) (, ,) (SBAR (WHNP (WDT which)) (S (VP "))
      << p;
  p = Parse("Police arrested two men and seized weapons.");
  EXPECT_TRUE(Contains(p,
                       "(VP (VP (VBD arrested) (NP (CD two) (NNS men))) (CC and) (VP (VBD "
                       "seized) (NP (NNS weapons))))"))
      << p;
}

TEST(ShallowParserTest, GerundNounOpensClause) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("Talks stalled after a scuffling was reported near the border.");
  EXPECT_TRUE(Contains(p,
                       "(SBAR (IN after) (S (NP (DT a) (NN scuffling)) (VP (VBD was) (VP "
                       "(VBN reported)"))
      << p;
}

TEST(ShallowParserTest, SubjectWithPrepositionalPhrase) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("Soldiers from Sudan's army shelled the camp.");
  EXPECT_EQ(p,
            "(ROOT (S (NP (NP (NNS Soldiers)) (PP (IN from) (NP (NP (NNP Sudan) (POS 's)) (NN "
            "army)))) (VP (VBD shelled) (NP (DT the) (NN camp))) (. .)))");
  p = Parse("Lawmakers and officials in Kenya and Uganda welcomed the deal.");
  EXPECT_EQ(p,
            "(ROOT (S (NP (NP (NNS Lawmakers) (CC and) (NNS officials)) (PP (IN in) (NP (NP "
            "(NNP Kenya)) (CC and) (NP (NNP Uganda))))) (VP (VBD welcomed) (NP (DT the) (NN "
            "deal))) (. .)))");
}

TEST(ShallowParserTest, CoordinationInsideNounPhrases) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("Egypt's new and ambitious minister Ahmed warned of delays.");
  EXPECT_TRUE(Contains(p,
                       "(NP (NP (NNP Egypt) (POS 's)) (ADJP (JJ new) (CC and) (JJ "
                       "ambitious)) (NN minister) (NNP Ahmed)) (VP (VBD warned)"))
      << p;
  // Bare nouns share the modifiers: one flat NP (no determiner).
  p = Parse("Kenyan media and government criticized the ruling.");
  EXPECT_TRUE(Contains(p, "(S (NP (JJ Kenyan) (NNS media) (CC and) (NN government)) (VP")) << p;
  // With a determiner, two NPs.
  p = Parse("The Kenyan media and government criticized the ruling.");
  EXPECT_TRUE(Contains(p,
                       "(NP (NP (DT The) (JJ Kenyan) (NNS media)) (CC and) (NP (NN "
                       "government)))"))
      << p;
  // ", and" after a finished "A and B" does not extend that coordination.
  p = Parse("The talks may spur trade between Kenya and Uganda, and Ethiopia and Eritrea.");
  EXPECT_TRUE(Contains(p,
                       "(PP (IN between) (NP (NP (NNP Kenya)) (CC and) (NP (NNP Uganda))))) "
                       "(, ,) (CC and)"))
      << p;
}

TEST(ShallowParserTest, VerbGroupsAndComplements) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("The ministry was swiftly and harshly criticized by Kenya.");
  EXPECT_TRUE(Contains(p,
                       "(VP (VBD was) (ADVP (RB swiftly) (CC and) (RB harshly)) (VP (VBN "
                       "criticized) (PP (IN by) (NP (NNP Kenya)))))"))
      << p;
  p = Parse("Police will not wire tap the phones.");
  EXPECT_TRUE(Contains(p,
                       "(VP (MD will) (RB not) (VP (VB wire) (VP (VB tap) (NP (DT the) "
                       "(NNS phones)))))"))
      << p;
  p = Parse("Kenya believes Uganda and Rwanda can help.");
  EXPECT_TRUE(Contains(p,
                       "(VP (VBZ believes) (SBAR (S (NP (NP (NNP Uganda)) (CC and) (NP (NNP "
                       "Rwanda))) (VP (MD can)"))
      << p;
  p = Parse("A man believed linked to the gang was arrested on Monday.");
  EXPECT_TRUE(Contains(p,
                       "(ROOT (S (NP (NP (DT A) (NN man)) (VP (VBN believed) (VP (VBN "
                       "linked)"))
      << p;
  EXPECT_TRUE(Contains(p, "))))) (VP (VBD was) (VP (VBN arrested)")) << p;
  p = Parse("Troops closed the roads leading into the city.");
  EXPECT_TRUE(Contains(p, "(NP (NP (DT the) (NNS roads)) (VP (VBG leading) (PP (IN into)")) << p;
  p = Parse("Kenya and Uganda welcome the agreement, officials said.");
  EXPECT_TRUE(Contains(p,
                       "(S (S (NP (NP (NNP Kenya)) (CC and) (NP (NNP Uganda))) (VP (VBP "
                       "welcome) (NP (DT the) (NN agreement)))) (, ,)"))
      << p;
}

TEST(ShallowParserTest, PlacePhraseAfterOfGoesWithItsObject) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  std::string p = Parse("Kenya met the parliament of Uganda in Kampala.");
  EXPECT_TRUE(Contains(p, "(PP (IN of) (NP (NP (NNP Uganda)) (PP (IN in) (NP (NNP Kampala)))))"))
      << p;
}

TEST(ShallowParserTest, WireTextConstructions) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  // Two full clauses joined by ", and": each keeps its own subject.
  std::string p = Parse("Troops fired shots, and officials closed the roads.");
  EXPECT_EQ(p,
            "(ROOT (S (S (NP (NNS Troops)) (VP (VBD fired) (NP (NNS shots)))) (, ,) (CC and) "
            "(S (NP (NNS officials)) (VP (VBD closed) (NP (DT the) (NNS roads)))) (. .)))");
  // "accuse X of Y": the of-phrase belongs to the verb.
  p = Parse("Chad accused Sudan of war crimes.");
  EXPECT_TRUE(Contains(p,
                       "(VP (VBD accused) (NP (NNP Sudan)) (PP (IN of) (NP (NN war) (NNS "
                       "crimes))))"))
      << p;
  // An -ing complement of a verb is a clause.
  p = Parse("Mali denies backing the rebels.");
  EXPECT_TRUE(Contains(p, "(VP (VBZ denies) (S (VP (VBG backing) (NP (DT the) (NNS rebels)))))"))
      << p;
  // A date between a verb of saying and its complement clause.
  p = Parse("The minister said Monday she hoped Chad would help.");
  EXPECT_TRUE(Contains(p,
                       "(VP (VBD said) (NP (NNP Monday)) (SBAR (S (NP (PRP she)) (VP (VBD "
                       "hoped)"))
      << p;
  // A participle after a main verb opens the object NP.
  p = Parse("Chad will expel exiled leaders.");
  EXPECT_TRUE(Contains(p, "(VP (VB expel) (NP (VBN exiled) (NNS leaders)))")) << p;
  // A quotation with the reporting clause after it.
  p = Parse("\"We will not leave,\" the envoy told reporters.");
  EXPECT_TRUE(Contains(p, "(, ,) ('' \") (NP (DT the) (NN envoy)) (VP (VBD told)")) << p;
  EXPECT_TRUE(Contains(p, "(ROOT (S (S (`` \") (NP (PRP We))")) << p;
  // A name ending in a capitalised adjective heads the subject.
  p = Parse("The European Union imposed sanctions on Chad.");
  EXPECT_TRUE(Contains(p, "(ROOT (S (NP (DT The) (NNP European) (NNP Union)) (VP (VBD imposed)"))
      << p;
}

TEST(ShallowParserTest, ClauseBoundariesForSubjects) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  // A finite verb after "and" coordinates with the verb outside an -ing clause.
  std::string p = Parse("Peru accused Chile of breaking the truce and expelled its envoy.");
  EXPECT_TRUE(Contains(p,
                       "(VP (VP (VBD accused) (NP (NNP Chile)) (PP (IN of) (S (VP (VBG "
                       "breaking) (NP (DT the) (NN truce)))))) (CC and) (VP (VBD expelled)"))
      << p;
  // A relative clause between commas closes at the second comma.
  p = Parse("The militants, who stormed the prison on Friday, freed the inmates.");
  EXPECT_TRUE(Contains(p, "(NNP Friday)))))) (, ,)) (VP (VBD freed)")) << p;
  // A reduced relative followed by the clause's own verb.
  p = Parse("A study published Friday in Lagos claimed that prices rose.");
  EXPECT_TRUE(Contains(p,
                       "(ROOT (S (NP (NP (DT A) (NN study)) (VP (VBN published) (NP (NNP "
                       "Friday)) (PP (IN in) (NP (NNP Lagos))))) (VP (VBD claimed)"))
      << p;
  // A bare infinitive after a causative verb's object is a clause inside its VP.
  p = Parse("Chad is helping farmers rebuild their homes.");
  EXPECT_TRUE(Contains(p,
                       "(VP (VBG helping) (NP (NNS farmers)) (S (VP (VB rebuild) (NP (PRP$ "
                       "their) (NNS homes)))))"))
      << p;
  // An introductory phrase ends at its comma; the subject follows.
  p = Parse("After talks with Chad, the Libyan envoy said the border would reopen.");
  EXPECT_TRUE(Contains(p, "(ROOT (S (PP (IN After)")) << p;
  EXPECT_TRUE(Contains(p,
                       "(NNP Chad))) (, ,) (NP (DT the) (JJ Libyan) (NN envoy)) (VP (VBD "
                       "said) (SBAR"))
      << p;
  p = Parse("According to witnesses, soldiers opened fire on the crowd.");
  EXPECT_TRUE(Contains(p,
                       "(ROOT (S (PP (VBG According) (PP (TO to) (NP (NNS witnesses)))) (, "
                       ",) (NP (NNS soldiers)) (VP (VBD opened)"))
      << p;
  // An appositive of the subject: both commas inside the subject NP.
  p = Parse("Omar Bakri, the leader of the opposition bloc, said the vote was rigged.");
  EXPECT_TRUE(Contains(p,
                       "(ROOT (S (NP (NP (NNP Omar) (NNP Bakri)) (, ,) (NP (NP (DT the) (NN "
                       "leader)) (PP (IN of) (NP (DT the) (NN opposition) (NN bloc)))) (, ,)) "
                       "(VP (VBD said) (SBAR"))
      << p;
  // A clause joined by "but" sits beside the main clause; "and" + clause opens a new S.
  p = Parse("Kenya said the plan was sound but Uganda rejected it and Sudan said nothing.");
  EXPECT_TRUE(Contains(p,
                       "(CC but) (S (NP (NNP Uganda)) (VP (VBD rejected) (NP (PRP it)))) (CC "
                       "and) (S (NP (NNP Sudan)) (VP (VBD said)"))
      << p;
}

TEST(ShallowParserTest, ReportingClausesAndQuantities) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  // A reporting clause in mid-sentence is a parenthetical.
  std::string p = Parse(
      "Police detained at least 30 protesters in the port, a witness said, after riots broke out.");
  EXPECT_TRUE(Contains(p, "(VP (VBD detained) (NP (IN at) (JJS least) (CD 30) (NNS protesters))"))
      << p;
  EXPECT_TRUE(Contains(p, "(PRN (, ,) (S (NP (DT a) (NN witness)) (VP (VBD said))) (, ,))")) << p;
  // Coordinated bare verbs after "to".
  p = Parse("Oman agreed to host a summit and help with the costs.");
  EXPECT_TRUE(Contains(p,
                       "(VP (TO to) (VP (VP (VB host) (NP (DT a) (NN summit))) (CC and) (VP "
                       "(VB help) (PP (IN with)"))
      << p;
  // A time phrase is its own NP, not part of the object.
  p = Parse("Rebels shelled the airport last week.");
  EXPECT_TRUE(Contains(p, "(NP (DT the) (NN airport)) (NP (JJ last) (NN week))")) << p;
  // Quotation, numbers and a passive agent.
  p = Parse("\"The talks have failed,\" the envoy said on Monday.");
  EXPECT_TRUE(Contains(p, "('' \") (NP (DT the) (NN envoy)) (VP (VBD said) (PP (IN on)")) << p;
  p = Parse("Nine soldiers were killed in an ambush by rebels near the border.");
  EXPECT_TRUE(Contains(p,
                       "(VP (VBD were) (VP (VBN killed) (PP (IN in) (NP (DT an) (NN ambush))) "
                       "(PP (IN by) (NP (NNS rebels)))"))
      << p;
  p = Parse("Inflation rose to 9.5 percent in May, the statistics agency said.");
  EXPECT_TRUE(Contains(p, "(PP (TO to) (NP (CD 9.5) (NN percent)))")) << p;
  EXPECT_TRUE(
      Contains(p, "(, ,) (NP (DT the) (NNS statistics) (NN agency)) (VP (VBD said)) (. .)))"))
      << p;
  // Lists of three actors and "on behalf of".
  p = Parse("Chad, Niger and Mali signed the pact on behalf of the bloc.");
  EXPECT_TRUE(Contains(p,
                       "(ROOT (S (NP (NP (NNP Chad)) (, ,) (NP (NNP Niger)) (CC and) (NP "
                       "(NNP Mali))) (VP (VBD signed)"))
      << p;
  EXPECT_TRUE(Contains(p,
                       "(PP (IN on) (NP (NP (NN behalf)) (PP (IN of) (NP (DT the) (NN "
                       "bloc)))))"))
      << p;
}

TEST(ShallowParserTest, RandomInputStaysBalanced) {
  const char* words[] = {"the",      "and",   ",",  "which", "said", "to",   "of",
                         "(",        ")",     "'s", "Gaza",  "that", "will", "not",
                         "attacked", "talks", ".",  "\"",    "in",   "was"};
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
  for (const char* label : {"NP", "VP", "PP", "SBAR", "S"}) {
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
      std::map<std::string, Counts> file_counts;
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
        Score(gold, test, &file_counts);
      }
      std::printf("[parser] %s tags, %s:", gold_tags ? "gold" : "ours", name);
      for (const auto& [label, x] : file_counts) {
        double pr = x.test ? 100.0 * static_cast<double>(x.match) / static_cast<double>(x.test) : 0;
        double rc = x.gold ? 100.0 * static_cast<double>(x.match) / static_cast<double>(x.gold) : 0;
        std::printf(" %s %.1f/%.1f", label.c_str(), pr, rc);
      }
      std::printf("  (P/R %%)\n");
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
