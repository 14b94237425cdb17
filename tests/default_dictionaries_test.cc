// Tests of the default dictionaries in dictionaries/ (actors, agents, verbs, discards):
// they load without a single warning, every event code in them is a CAMEO code, and a
// few entries the example stories rely on have the intended codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dict/dict_reader.h"
#include "dict/dictionary.h"
#include "event/cameo.h"

#ifndef EVENTCODER_SOURCE_DIR
#define EVENTCODER_SOURCE_DIR "."
#endif

namespace eventcoder::dict {
namespace {

std::string Dir() { return std::string(EVENTCODER_SOURCE_DIR) + "/dictionaries/"; }

DictionaryFiles DefaultFiles() { return DictionaryFilesInDir(Dir()); }

class DefaultDictionariesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    warnings_ = new std::vector<std::string>();
    StatusOr<Dictionary> d = LoadDictionaryFiles(DefaultFiles(), warnings_);
    if (d.ok()) dict_ = new Dictionary(std::move(*d));
  }
  static void TearDownTestSuite() {
    delete dict_;
    delete warnings_;
    dict_ = nullptr;
    warnings_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(dict_, nullptr) << "default dictionaries failed to load"; }

  static const Actor* FindActor(const std::vector<std::string>& name) {
    for (const Actor& a : dict_->actors)
      for (const auto& n : a.names)
        if (n == name) return &a;
    return nullptr;
  }
  static const VerbBlock* FindBlock(const std::string& name) {
    for (const VerbBlock& b : dict_->verbs)
      if (b.name == name) return &b;
    return nullptr;
  }
  static const Agent* FindAgent(const std::vector<std::string>& words) {
    for (const Agent& a : dict_->agents)
      if (a.words == words) return &a;
    return nullptr;
  }

  static Dictionary* dict_;
  static std::vector<std::string>* warnings_;
};

Dictionary* DefaultDictionariesTest::dict_ = nullptr;
std::vector<std::string>* DefaultDictionariesTest::warnings_ = nullptr;

TEST_F(DefaultDictionariesTest, LoadsWithoutWarnings) {
  for (const std::string& w : *warnings_) ADD_FAILURE() << w;
  EXPECT_TRUE(warnings_->empty());
  // Strict mode must accept the files too.
  StatusOr<Dictionary> strict = LoadDictionaryFiles(DefaultFiles());
  EXPECT_TRUE(strict.ok()) << strict.status().ToString();
}

TEST_F(DefaultDictionariesTest, HasAStarterSetOfEachKind) {
  EXPECT_GE(dict_->actors.size(), 150u);
  EXPECT_GE(dict_->agents.size(), 80u);
  EXPECT_GE(dict_->verbs.size(), 60u);
  EXPECT_GE(dict_->discards.size(), 10u);
}

TEST_F(DefaultDictionariesTest, DateRestrictedPersonCodes) {
  const Actor* larijani = FindActor({"ALI", "LARIJANI"});
  ASSERT_NE(larijani, nullptr);
  EXPECT_EQ(larijani->CodeOn(20260211), "IRNGOV");  // SNSC secretary again
  EXPECT_EQ(larijani->CodeOn(20150101), "IRNLEG");  // parliament speaker
  EXPECT_EQ(larijani->CodeOn(20060101), "IRNGOV");  // first SNSC term
  EXPECT_EQ(larijani->CodeOn(20230101), "IRN");     // fallback
  // A synonym shares the actor's codes.
  EXPECT_EQ(FindActor({"LARIJANI"}), larijani);

  const Actor* rubio = FindActor({"MARCO", "RUBIO"});
  ASSERT_NE(rubio, nullptr);
  EXPECT_EQ(rubio->CodeOn(20200101), "USALEG");
  EXPECT_EQ(rubio->CodeOn(20260302), "USAGOV");

  const Actor* rsf = FindActor({"RSF"});
  ASSERT_NE(rsf, nullptr);
  EXPECT_EQ(rsf->CodeOn(20220101), "SDNMIL");
  EXPECT_EQ(rsf->CodeOn(20260225), "SDNREB");
}

TEST_F(DefaultDictionariesTest, CountryNamesAndMetonyms) {
  for (const auto& [name, code] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"IRAN"}, "IRN"},
           {{"QATARI"}, "QAT"},
           {{"PALESTINIANS"}, "PSE"},
           {{"KYIV"}, "UKR"},
           {{"DEMOCRATIC", "REPUBLIC", "OF", "CONGO"}, "COD"},
           {{"U.S."}, "USA"},
           {{"KREMLIN"}, "RUSGOV"},
           {{"WFP"}, "IGOUNOWFP"},
           {{"HAMAS"}, "PSEINS"},
       }) {
    const Actor* a = FindActor(name);
    ASSERT_NE(a, nullptr) << name[0];
    EXPECT_EQ(a->CodeOn(20260301), code) << name[0];
  }
  // Words that are also ordinary English words are not actors.
  EXPECT_EQ(FindActor({"US"}), nullptr);
  EXPECT_EQ(FindActor({"WHO"}), nullptr);
}

TEST_F(DefaultDictionariesTest, AgentsAndPlurals) {
  const Agent* fm = FindAgent({"FOREIGN", "MINISTER"});
  ASSERT_NE(fm, nullptr);
  EXPECT_EQ(fm->code, "GOV");
  EXPECT_FALSE(fm->prefix);
  const Agent* fms = FindAgent({"FOREIGN", "MINISTERS"});
  ASSERT_NE(fms, nullptr);
  EXPECT_EQ(fms->code, "GOV");
  const Agent* police = FindAgent({"POLICE"});
  ASSERT_NE(police, nullptr);
  EXPECT_EQ(police->code, "COP");
  EXPECT_EQ(FindAgent({"POLICES"}), nullptr);  // "{}": no plural
  const Agent* aid = FindAgent({"AID", "WORKERS"});
  ASSERT_NE(aid, nullptr);
  EXPECT_EQ(aid->code, "NGO");
  EXPECT_TRUE(aid->prefix);
}

TEST_F(DefaultDictionariesTest, VerbBlocks) {
  const VerbBlock* meet = FindBlock("MEET");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->code, "040");
  bool met = false;
  for (const VerbForm& f : meet->forms) met |= (f.words == std::vector<std::string>{"MET"});
  EXPECT_TRUE(met);

  const VerbBlock* criticize = FindBlock("CRITICIZE");
  ASSERT_NE(criticize, nullptr);
  EXPECT_EQ(criticize->code, "111");
  bool condemned = false;
  for (const VerbForm& f : criticize->forms)
    condemned |= (f.words == std::vector<std::string>{"CONDEMNED"} && f.generated);
  EXPECT_TRUE(condemned);

  const VerbBlock* arrest = FindBlock("ARREST");
  ASSERT_NE(arrest, nullptr);
  EXPECT_EQ(arrest->code, "173");

  // A multi-word verb with its inflected head.
  const VerbBlock* launch = FindBlock("LAUNCH");
  ASSERT_NE(launch, nullptr);
  bool carried_out = false;
  for (const VerbForm& f : launch->forms)
    carried_out |= (f.words == std::vector<std::string>{"CARRIED", "OUT"} && f.head == 0);
  EXPECT_TRUE(carried_out);

  EXPECT_EQ(dict_->synsets.count("&CEASEFIRE"), 1u);
}

TEST_F(DefaultDictionariesTest, EveryEventCodeIsCameo) {
  auto check = [](const std::string& code, const Origin& at) {
    if (code.empty() || code == "---") return;
    EXPECT_NE(LookupCameo(code), nullptr) << at.file << ":" << at.line << ": " << code;
  };
  for (const VerbBlock& b : dict_->verbs) {
    check(b.code, b.origin);
    check(b.paired, b.origin);
    for (const VerbForm& f : b.forms) {
      check(f.code, f.origin);
      check(f.paired, f.origin);
    }
    for (const Pattern& p : b.patterns) {
      check(p.code, p.origin);
      check(p.paired, p.origin);
    }
  }
}

TEST_F(DefaultDictionariesTest, ActorCodesAreThreeLetterChunks) {
  for (const Actor& a : dict_->actors) {
    for (const DatedCode& c : a.codes) {
      EXPECT_TRUE(!c.code.empty() && c.code.size() % 3 == 0)
          << c.origin.file << ":" << c.origin.line << ": " << c.code;
    }
  }
}

TEST_F(DefaultDictionariesTest, DiscardsIncludeStoryLevelSport) {
  bool story_level = false;
  for (const Discard& d : dict_->discards)
    story_level |= (d.story_level && d.words == std::vector<std::string>{"CHAMPIONS", "LEAGUE"});
  EXPECT_TRUE(story_level);
}

}  // namespace
}  // namespace eventcoder::dict
