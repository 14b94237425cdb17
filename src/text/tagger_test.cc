#include "text/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "text/splitter.h"
#include "text/tokenizer.h"
#include "text/treebank_testing.h"

#ifndef EVENTCODER_SHARED_DIR
#define EVENTCODER_SHARED_DIR "../shared"
#endif

namespace eventcoder {
namespace {

std::string Tags(std::string_view text, const Tagger& tagger = Tagger::Default()) {
  Sentence s;
  s.begin = 0;
  s.end = text.size();
  Tokenize(text, &s);
  tagger.Tag(&s);
  std::string out;
  for (const Token& t : s.tokens) {
    if (!out.empty()) out += ' ';
    out += t.text + "/" + t.tag;
  }
  return out;
}

TEST(TaggerTest, ClosedClassesWithoutWordNet) {
  Tagger bare;
  EXPECT_EQ(Tags("He will not go to the market .", bare),
            "He/PRP will/MD not/RB go/VB to/TO the/DT market/NN ./.");
}

// Tag writes each tag into the token's existing string: re-tagging a sentence whose tokens
// hold stale tags of other lengths, or tagging the tokens of a reused sentence, gives the
// same tags as a fresh one.
TEST(TaggerTest, StaleTagsAreOverwritten) {
  Tagger bare;
  const std::string text = "He will not go to the market ( today ) .";
  Sentence s;
  s.end = text.size();
  Tokenize(text, &s);
  bare.Tag(&s);
  std::vector<std::string> want;
  for (const Token& t : s.tokens) want.push_back(t.tag);
  const char* stale[] = {"", "X", "-LRB-", "PRP$", "NN", "a much longer stale tag value"};
  for (const char* st : stale) {
    for (Token& t : s.tokens) t.tag = st;
    bare.Tag(&s);
    for (size_t i = 0; i < s.tokens.size(); ++i) EXPECT_EQ(s.tokens[i].tag, want[i]) << st;
  }
  EXPECT_EQ(want[7], "-LRB-");
  EXPECT_EQ(want[9], "-RRB-");
}

TEST(TaggerTest, BasicSentences) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  EXPECT_EQ(Tags("Iranian Foreign Minister Abbas Araghchi met his Qatari counterpart in Doha "
                 "on Wednesday."),
            "Iranian/JJ Foreign/NNP Minister/NNP Abbas/NNP Araghchi/NNP met/VBD his/PRP$ "
            "Qatari/JJ counterpart/NN in/IN Doha/NNP on/IN Wednesday/NNP ./.");
  EXPECT_EQ(Tags("The United Nations urged both sides to resume talks."),
            "The/DT United/NNP Nations/NNPS urged/VBD both/DT sides/NNS to/TO resume/VB "
            "talks/NNS ./.");
  EXPECT_EQ(Tags("Rebels have attacked the convoy, which was carrying aid."),
            "Rebels/NNS have/VBP attacked/VBN the/DT convoy/NN ,/, which/WDT was/VBD "
            "carrying/VBG aid/NN ./.");
  EXPECT_EQ(Tags("The envoy was shot dead in the capital."),
            "The/DT envoy/NN was/VBD shot/VBN dead/JJ in/IN the/DT capital/NN ./.");
  EXPECT_EQ(Tags("Egypt’s president didn't visit Gaza."),
            "Egypt/NNP ’s/POS president/NN did/VBD n't/RB visit/VB Gaza/NNP ./.");
}

TEST(TaggerTest, VerbAfterSubjectAndLyAdverb) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  EXPECT_EQ(Tags("Guards regularly beat up the prisoners."),
            "Guards/NNS regularly/RB beat/VBP up/RP the/DT prisoners/NNS ./.");
  EXPECT_EQ(Tags("They wrote to the president urging him to act."),
            "They/PRP wrote/VBD to/TO the/DT president/NN urging/VBG him/PRP to/TO act/VB ./.");
}

TEST(TaggerTest, ThatReadings) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  EXPECT_EQ(Tags("Officials noted that the deal failed."),
            "Officials/NNS noted/VBD that/IN the/DT deal/NN failed/VBD ./.");
  EXPECT_EQ(Tags("They condemned the group that attacked the town."),
            "They/PRP condemned/VBD the/DT group/NN that/WDT attacked/VBD the/DT town/NN ./.");
}

TEST(TaggerTest, VerbAfterNameSubject) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  EXPECT_EQ(Tags("Ethiopia departs from Sudan."), "Ethiopia/NNP departs/VBZ from/IN Sudan/NNP ./.");
  EXPECT_EQ(Tags("Kenya and Uganda welcome the agreement, officials said."),
            "Kenya/NNP and/CC Uganda/NNP welcome/VBP the/DT agreement/NN ,/, officials/NNS "
            "said/VBD ./.");
  EXPECT_EQ(Tags("Kenya believes Uganda can help."),
            "Kenya/NNP believes/VBZ Uganda/NNP can/MD help/VB ./.");
  // A name before a noun stays a compound when the clause has its verb later.
  EXPECT_EQ(Tags("The Gaza deal was signed."), "The/DT Gaza/NNP deal/NN was/VBD signed/VBN ./.");
}

TEST(TaggerTest, NounReadingsInsideNounPhrases) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  // An -ing word after a determiner with no object is a noun.
  EXPECT_EQ(Tags("Talks stalled after a scuffling was reported."),
            "Talks/NNS stalled/VBD after/IN a/DT scuffling/NN was/VBD reported/VBN ./.");
  // A plural followed by another noun inside a determiner-initial phrase is a noun.
  EXPECT_EQ(Tags("The human rights activists of Amnesty International criticized the verdict."),
            "The/DT human/NN rights/NNS activists/NNS of/IN Amnesty/NNP International/NNP "
            "criticized/VBD the/DT verdict/NN ./.");
  // Coordinated adjectives; a name after a lower-case prefix.
  EXPECT_EQ(Tags("Egypt's new and ambitious minister blamed al-Qaeda."),
            "Egypt/NNP 's/POS new/JJ and/CC ambitious/JJ minister/NN blamed/VBD al-Qaeda/NNP "
            "./.");
}

TEST(TaggerTest, VerbGroups) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  EXPECT_EQ(Tags("The ministry was swiftly and harshly criticized."),
            "The/DT ministry/NN was/VBD swiftly/RB and/CC harshly/RB criticized/VBN ./.");
  EXPECT_EQ(Tags("Officers will not wire tap the phones."),
            "Officers/NNS will/MD not/RB wire/VB tap/VB the/DT phones/NNS ./.");
  EXPECT_EQ(Tags("A man believed linked to the gang was arrested."),
            "A/DT man/NN believed/VBN linked/VBN to/TO the/DT gang/NN was/VBD arrested/VBN ./.");
  EXPECT_EQ(Tags("Troops closed the roads leading into the city."),
            "Troops/NNS closed/VBD the/DT roads/NNS leading/VBG into/IN the/DT city/NN ./.");
  EXPECT_EQ(Tags("He said it would acting now."),
            "He/PRP said/VBD it/PRP would/MD acting/VBG now/RB ./.");
}

TEST(TaggerTest, WireTextReadings) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  // A noun-or-adjective word ends the subject when a past-tense verb with an object follows.
  EXPECT_EQ(Tags("A Kenyan official accused Uganda of arming rebels."),
            "A/DT Kenyan/JJ official/NN accused/VBD Uganda/NNP of/IN arming/VBG rebels/NNS ./.");
  EXPECT_EQ(Tags("The UN chief made his case."),
            "The/DT UN/NNP chief/NN made/VBD his/PRP$ case/NN ./.");
  // Capitalised adjectives inside names.
  EXPECT_EQ(Tags("Chad signed a deal with the European Union on Monday."),
            "Chad/NNP signed/VBD a/DT deal/NN with/IN the/DT European/NNP Union/NNP on/IN "
            "Monday/NNP ./.");
  // -ing verbs after verbs, commas and prepositions, before their objects.
  EXPECT_EQ(Tags("Mali denies backing the rebels."),
            "Mali/NNP denies/VBZ backing/VBG the/DT rebels/NNS ./.");
  EXPECT_EQ(Tags("Kenya jailed two men for helping young militants."),
            "Kenya/NNP jailed/VBD two/CD men/NNS for/IN helping/VBG young/JJ militants/NNS ./.");
  // A plural before a past-tense verb is the subject's head; a pronoun subject takes VBD.
  EXPECT_EQ(Tags("Hundreds of UN troops withdrew."),
            "Hundreds/NNS of/IN UN/NNP troops/NNS withdrew/VBD ./.");
  EXPECT_EQ(Tags("Chad said on Friday it hoped the talks would resume."),
            "Chad/NNP said/VBD on/IN Friday/NNP it/PRP hoped/VBD the/DT talks/NNS would/MD "
            "resume/VB ./.");
  // Passive participles before a "by" agent; hyphenated participles are adjectives.
  EXPECT_EQ(Tags("They read a plan drafted in May by Chad."),
            "They/PRP read/VBP a/DT plan/NN drafted/VBN in/IN May/NNP by/IN Chad/NNP ./.");
  EXPECT_EQ(Tags("Mali accused foreign-funded groups."),
            "Mali/NNP accused/VBD foreign-funded/JJ groups/NNS ./.");
}

TEST(TaggerTest, ReducedRelativesCausativesAndConjuncts) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  // A past form after a noun, with no object, before the clause's own verb is a participle.
  EXPECT_EQ(Tags("A study published Friday in Lagos claimed that prices rose."),
            "A/DT study/NN published/VBN Friday/NNP in/IN Lagos/NNP claimed/VBD that/IN "
            "prices/NNS rose/VBD ./.");
  // A bare infinitive after the object of "help", "let", "make".
  EXPECT_EQ(Tags("Chad is helping farmers rebuild their homes."),
            "Chad/NNP is/VBZ helping/VBG farmers/NNS rebuild/VB their/PRP$ homes/NNS ./.");
  // A conjunct of a verb, before an object, keeps the verb reading.
  EXPECT_EQ(Tags("Mali condemns and rejects the plan."),
            "Mali/NNP condemns/VBZ and/CC rejects/VBZ the/DT plan/NN ./.");
  EXPECT_EQ(Tags("Oman agreed to host a summit and help with the costs."),
            "Oman/NNP agreed/VBD to/TO host/VB a/DT summit/NN and/CC help/VB with/IN the/DT "
            "costs/NNS ./.");
  // "according to" is a preposition; a relative "which" takes a past tense verb.
  EXPECT_EQ(Tags("According to officials, rebels shelled a town which housed refugees."),
            "According/VBG to/TO officials/NNS ,/, rebels/NNS shelled/VBD a/DT town/NN "
            "which/WDT housed/VBD refugees/NNS ./.");
  EXPECT_EQ(Tags("The gunmen attacked a bus, which killed six."),
            "The/DT gunmen/NNS attacked/VBD a/DT bus/NN ,/, which/WDT killed/VBD six/CD ./.");
  // After a verb of saying, the complement clause needs its own finite verb.
  EXPECT_EQ(Tags("Peru said such a move violated the accord."),
            "Peru/NNP said/VBD such/PDT a/DT move/NN violated/VBD the/DT accord/NN ./.");
  // A participle after a preposition modifies the noun; auxiliaries stay finite.
  EXPECT_EQ(Tags("Chad met with exiled leaders who had fled."),
            "Chad/NNP met/VBD with/IN exiled/VBN leaders/NNS who/WP had/VBD fled/VBN ./.");
  // A noun-noun subject before a present verb and a preposition.
  EXPECT_EQ(Tags("Army units clash with rebels."),
            "Army/NNP units/NNS clash/VBP with/IN rebels/NNS ./.");
  // "today" between a plural subject and a present verb is not a noun compound.
  EXPECT_EQ(Tags("French authorities today release a ship."),
            "French/JJ authorities/NNS today/NN release/VBP a/DT ship/NN ./.");
}

TEST(TaggerTest, NeverEmptyOnOddInput) {
  Sentence s;
  std::string text = "\xE2\x80\x9C ... -- ?! \xC3\xA9t\xC3\xA9 1,000 $5 'tis";
  s.end = text.size();
  Tokenize(text, &s);
  Tagger::Default().Tag(&s);
  for (const Token& t : s.tokens) EXPECT_FALSE(t.tag.empty()) << t.text;
}

// Tag() remembers what it found for each word (per thread, per tagger); the tags must not
// depend on what was tagged before, on which tagger tagged it, or on the word's position.
TEST(TaggerTest, TagsDoNotDependOnEarlierSentencesOrTaggers) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  Tagger bare;
  const std::string a = "Rebels attacked the convoy .";
  const std::string b = "The rebels attacked the convoy .";  // "rebels" not first
  const std::string default_a = Tags(a), default_b = Tags(b), bare_a = Tags(a, bare);
  EXPECT_EQ(default_a, "Rebels/NNS attacked/VBD the/DT convoy/NN ./.");
  EXPECT_EQ(default_b, "The/DT rebels/NNS attacked/VBD the/DT convoy/NN ./.");
  EXPECT_NE(bare_a, default_a);  // without WordNet "Rebels" looks like a name
  // Alternate taggers and word positions; every answer stays the same.
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(Tags(b), default_b);
    EXPECT_EQ(Tags(a, bare), bare_a);
    EXPECT_EQ(Tags(a), default_a);
  }
  // A tagger loaded after another was destroyed never sees the old one's words.
  for (int round = 0; round < 2; ++round) {
    auto loaded = Tagger::Load("/usr/share/wordnet");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(Tags(a, **loaded), default_a);
    Tagger other_bare;
    EXPECT_EQ(Tags(a, other_bare), bare_a);
  }
}

TEST(TaggerTest, ManyDistinctAndVeryLongWords) {
  // More distinct words than the per-thread memo keeps, and words longer than it keeps: the
  // tags are the same whatever the memo holds (a fresh thread starts with an empty one).
  std::string text;
  for (int i = 0; i < 40000; ++i) text += (i % 3 ? "zorbl" : "Zorbl") + std::to_string(i) + "ed ";
  text += std::string(200, 'q') + "ing " + std::string(100, 'Q') + "s the " + std::string(70, 'r') +
          "ly .";
  auto tag_all = [&text] {
    Sentence s;
    s.end = text.size();
    Tokenize(text, &s);
    Tagger::Default().Tag(&s);
    std::vector<std::string> tags;
    for (const Token& t : s.tokens) tags.push_back(t.tag);
    return tags;
  };
  std::vector<std::string> fresh;
  std::thread([&] { fresh = tag_all(); }).join();
  ASSERT_GT(fresh.size(), 40000u);
  for (const std::string& t : fresh) EXPECT_FALSE(t.empty());
  EXPECT_EQ(tag_all(), fresh);
  EXPECT_EQ(tag_all(), fresh);
}

// The per-thread memo keeps a word's first 16 bytes inline and the rest apart, and analyses a
// sentence's first word on its own: words that share their first 16 bytes, the same word at
// the start and inside a sentence, and a curly-apostrophe clitic keep their own tags whether
// the memo is empty (a fresh thread) or already holds the other words.
TEST(TaggerTest, SharedPrefixesPositionsAndCliticsKeepTheirTags) {
  if (Tagger::Default().lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"The counterinsurgency spread .", "The/DT counterinsurgency/NN spread/NN ./."},
      {"The counterinsurgencies spread .", "The/DT counterinsurgencies/NNS spread/VBP ./."},
      {"Attackers attacked the attackers .", "Attackers/NNS attacked/VBD the/DT attackers/NNS ./."},
      {"Iran\xE2\x80\x99s negotiators said .",
       "Iran/NNP \xE2\x80\x99s/POS negotiators/NNS said/VBD ./."},
  };
  for (const auto& [text, want] : cases) {
    std::string cold;
    std::thread([&cold, &text = text] { cold = Tags(text); }).join();
    EXPECT_EQ(cold, want);
  }
  for (int round = 0; round < 2; ++round)
    for (const auto& [text, want] : cases) EXPECT_EQ(Tags(text), want);
}

// The rules read the token before the first and after the last as a sentence boundary:
// what the previous (longer) sentence left in the per-thread working storage must not show
// through at either edge, for one-word and two-word sentences too.
TEST(TaggerTest, SentenceEdgesDoNotSeeTheSentenceBefore) {
  const std::vector<std::string> texts = {"Attacks", "that",       "Rebels attacked",
                                          "'s",      "It attacks", "Talks have"};
  const std::string longer =
      "The rebels that attacked the convoy have also been attacking towns , officials said .";
  std::vector<std::string> fresh;
  std::thread([&] {
    for (const std::string& t : texts) fresh.push_back(Tags(t));
  }).join();
  for (size_t k = 0; k < texts.size(); ++k) {
    Tags(longer);
    EXPECT_EQ(Tags(texts[k]), fresh[k]) << texts[k];
  }
}

// Dev measurement: token accuracy against CoreNLP tags in the PETRARCH validation parses.
TEST(TaggerTest, AccuracyOnValidationParses) {
  const Tagger& tagger = Tagger::Default();
  if (tagger.lexicon_size() == 0) GTEST_SKIP() << "WordNet not installed";
  const std::string dir = std::string(EVENTCODER_SHARED_DIR) + "/validation/petrarch/";
  size_t total = 0, correct = 0, files = 0;
  std::map<std::string, int> confusions;
  for (const char* name : {"PETR.UnitTest.records.xml", "GigaWord.sample.PETR.xml"}) {
    std::vector<std::string> parses = testing::LoadParses(dir + name);
    if (parses.empty()) continue;
    ++files;
    size_t ftotal = 0, fcorrect = 0;
    for (const std::string& p : parses) {
      testing::Tree tree = testing::ReadTree(p);
      if (!tree.ok) continue;
      Sentence s;
      for (const std::string& w : tree.words) {
        Token t;
        t.text = testing::UnescapeLeaf(w);
        t.norm = NormalizeToken(t.text);
        s.tokens.push_back(t);
      }
      tagger.Tag(&s);
      for (size_t i = 0; i < s.tokens.size(); ++i) {
        const std::string& gold = tree.tags[i];
        if (gold == "AUXP" || gold == "-NONE-") continue;  // non-Penn tags in the samples
        ++ftotal;
        if (s.tokens[i].tag == gold) {
          ++fcorrect;
        } else {
          ++confusions[gold + "->" + s.tokens[i].tag + " " + tree.words[i]];
        }
      }
    }
    std::printf("[tagger] %s: %zu/%zu = %.2f%%\n", name, fcorrect, ftotal,
                ftotal ? 100.0 * static_cast<double>(fcorrect) / static_cast<double>(ftotal) : 0.0);
    total += ftotal;
    correct += fcorrect;
  }
  if (files == 0) GTEST_SKIP() << "validation files not found under " << dir;
  double acc = 100.0 * static_cast<double>(correct) / static_cast<double>(total);
  std::printf("[tagger] overall token accuracy: %zu/%zu = %.2f%%\n", correct, total, acc);
  if (std::getenv("EVENTCODER_TAGGER_CONFUSIONS") != nullptr) {
    std::vector<std::pair<int, std::string>> v;
    for (auto& [k, c] : confusions) v.push_back({c, k});
    std::sort(v.rbegin(), v.rend());
    for (size_t i = 0; i < v.size() && i < 80; ++i)
      std::printf("  %4d %s\n", v[i].first, v[i].second.c_str());
  }
  EXPECT_GE(acc, 90.0);
}

TEST(TaggerTest, LoadsQuicklyAndTagsFast) {
  auto t0 = std::chrono::steady_clock::now();
  auto loaded = Tagger::Load("/usr/share/wordnet");
  auto t1 = std::chrono::steady_clock::now();
  if (!loaded.ok()) GTEST_SKIP() << "WordNet not installed";
  std::printf("[tagger] load: %lld ms, %zu entries\n",
              static_cast<long long>(
                  std::chrono::duration_cast<std::chrono::milliseconds>(t1 - t0).count()),
              (*loaded)->lexicon_size());
  std::string text =
      "The United Nations urged both sides to resume talks on Wednesday, a senior official "
      "said, after Egyptian mediators had met the delegations in Cairo.";
  Sentence s;
  s.end = text.size();
  Tokenize(text, &s);
  const int kIters = 2000;
  auto t2 = std::chrono::steady_clock::now();
  for (int i = 0; i < kIters; ++i) (*loaded)->Tag(&s);
  auto t3 = std::chrono::steady_clock::now();
  double ns =
      static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(t3 - t2).count()) /
      (kIters * static_cast<double>(s.tokens.size()));
  std::printf("[tagger] %.0f ns/token\n", ns);
}

TEST(TaggerTest, MissingWordNetIsNotFound) {
  auto loaded = Tagger::Load("/nonexistent/wordnet");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace eventcoder
