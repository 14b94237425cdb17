// The default person dictionaries people_fsu_africa.txt (former Soviet states, Sahel, Horn
// of Africa) and people_nonstate.txt (leaders of non-state armed groups): they load
// cleanly with the other default dictionaries, define each name once, and a person named
// in a raw-text story is coded with the office they held on the story's date.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dict/dict_reader.h"
#include "dict/dictionary.h"
#include "match/compiled_dictionary.h"
#include "pipeline/story_coder.h"

#ifndef EVENTCODER_SOURCE_DIR
#define EVENTCODER_SOURCE_DIR "."
#endif

namespace eventcoder {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A CAMEO actor code: upper-case letters in 3-letter chunks ("RUS", "UKRGOV", "IMGMOSISI").
bool IsActorCode(const std::string& code) {
  if (code.empty() || code.size() % 3 != 0) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

class PeopleDictionariesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    warnings_ = new std::vector<std::string>();
    StatusOr<dict::Dictionary> d = dict::LoadDictionaryFiles(
        dict::DictionaryFilesInDir(std::string(EVENTCODER_SOURCE_DIR) + "/dictionaries/"),
        warnings_);
    if (d.ok())
      dict_ = new std::shared_ptr<const CompiledDictionary>(
          std::make_shared<const CompiledDictionary>(std::move(*d)));
  }
  static void TearDownTestSuite() {
    delete dict_;
    delete warnings_;
    dict_ = nullptr;
    warnings_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(dict_, nullptr) << "default dictionaries failed to load"; }

  static const dict::Dictionary& Dict() { return (*dict_)->dict(); }

  // The source code of the event coded from "<name> accused Germany of lying." on `date`,
  // or "(no event)".
  static std::string SourceCodeOn(const std::string& name, int date) {
    Story story;
    story.id = name;
    story.date = date;
    story.text = name + " accused Germany of lying.";
    StoryCoder coder(*dict_, PipelineOptions());
    StoryResult result;
    if (!coder.Code(story, &result).ok()) return "(error)";
    for (const Event& e : result.events)
      if (e.target_code == "DEU" && e.cameo == "112") return e.source_code;
    return "(no event)";
  }

  static std::shared_ptr<const CompiledDictionary>* dict_;
  static std::vector<std::string>* warnings_;
};

std::shared_ptr<const CompiledDictionary>* PeopleDictionariesTest::dict_ = nullptr;
std::vector<std::string>* PeopleDictionariesTest::warnings_ = nullptr;

TEST_F(PeopleDictionariesTest, LoadWithoutWarningsAndWithValidCodes) {
  for (const std::string& w : *warnings_) ADD_FAILURE() << w;
  std::map<std::string, int> per_file;
  for (const dict::Actor& a : Dict().actors) {
    const std::string& file = a.origin.file;
    if (!EndsWith(file, "people_fsu_africa.txt") && !EndsWith(file, "people_nonstate.txt"))
      continue;
    ++per_file[file.substr(file.rfind('/') + 1)];
    ASSERT_FALSE(a.codes.empty()) << a.origin.file << ":" << a.origin.line;
    bool has_fallback = false;
    for (const dict::DatedCode& c : a.codes) {
      EXPECT_TRUE(IsActorCode(c.code)) << c.code << " at " << file << ":" << c.origin.line;
      if (!c.restricted) has_fallback = true;
      if (c.from != 0 && c.to != 0) {
        EXPECT_LE(c.from, c.to) << file << ":" << c.origin.line;
      }
    }
    // Every person has a code for dates outside their offices.
    EXPECT_TRUE(has_fallback) << file << ":" << a.origin.line;
  }
  EXPECT_GE(per_file["people_fsu_africa.txt"], 550);
  EXPECT_GE(per_file["people_nonstate.txt"], 130);
}

TEST_F(PeopleDictionariesTest, EachNameIsDefinedOnce) {
  // A name defined twice would silently follow file order; the people files must not
  // redefine a name of another default actors file (or their own).
  std::map<std::vector<std::string>, std::string> first;
  for (const dict::Actor& a : Dict().actors) {
    for (const auto& name : a.names) {
      std::string where = a.origin.file + ":" + std::to_string(a.origin.line);
      auto [it, inserted] = first.emplace(name, where);
      if (inserted) continue;
      bool ours = EndsWith(a.origin.file, "people_fsu_africa.txt") ||
                  EndsWith(a.origin.file, "people_nonstate.txt") ||
                  it->second.find("people_") != std::string::npos;
      if (ours) ADD_FAILURE() << "name defined twice: " << where << " and " << it->second;
    }
  }
}

struct DatedCase {
  const char* name;
  int date;
  const char* code;
};

TEST_F(PeopleDictionariesTest, StatePeopleAreCodedWithTheOfficeHeldOnTheStoryDate) {
  for (const DatedCase& c : std::vector<DatedCase>{
           {"Zelensky", 20180101, "UKR"},
           {"Volodymyr Zelenskyy", 20260211, "UKRGOV"},
           {"Sergei Naryshkin", 20150101, "RUSLEG"},  // Duma speaker
           {"Naryshkin", 20200101, "RUSSPY"},         // SVR director
           {"Yulia Tymoshenko", 20090101, "UKRGOV"},  // prime minister
           {"Tymoshenko", 20120101, "UKROPP"},
           {"Zaluzhnyi", 20190101, "UKR"},
           {"Valerii Zaluzhnyi", 20220601, "UKRMIL"},
           {"Maia Sandu", 20180101, "MDAOPP"},
           {"Sandu", 20220101, "MDAGOV"},
           {"Nikol Pashinyan", 20170101, "ARMOPP"},
           {"Pashinyan", 20200101, "ARMGOV"},
           {"Assimi Goita", 20190101, "MLIMIL"},
           {"Goita", 20230101, "MLIGOV"},
           {"Abdourahamane Tchiani", 20220101, "NERMIL"},
           {"Tiani", 20240101, "NERGOV"},
           {"William Ruto", 20100101, "KEN"},
           {"Ruto", 20230101, "KENGOV"},
           {"Hassan Sheikh Mohamud", 20190101, "SOMOPP"},
           {"Hassan Sheikh Mohamud", 20230101, "SOMGOV"},
           {"Abiy Ahmed", 20170101, "ETH"},
           {"Abiy", 20200101, "ETHGOV"},
           {"Bola Tinubu", 20150101, "NGA"},
           {"Tinubu", 20240101, "NGAGOV"},
           {"Burhan", 20180101, "SDNMIL"},
           {"Abdel Fattah al-Burhan", 20240101, "SDNGOV"},  // Sovereignty Council chairman
       }) {
    EXPECT_EQ(SourceCodeOn(c.name, c.date), c.code) << c.name << " on " << c.date;
  }
}

TEST_F(PeopleDictionariesTest, GroupLeadersAreCodedWithTheirGroupOrTheirLaterOffice) {
  for (const DatedCase& c : std::vector<DatedCase>{
           {"Abu Mohammed al-Jolani", 20140101, "IMGMOSALQ"},  // Nusra Front
           {"Jolani", 20200101, "SYRREB"},                     // HTS
           {"Ahmed al-Sharaa", 20250601, "SYRGOV"},            // president
           {"Baradar", 20150101, "AFGREB"},
           {"Abdul Ghani Baradar", 20220101, "AFGGOV"},
           {"Hemedti", 20200101, "SDNMIL"},
           {"Mohamed Hamdan Dagalo", 20240101, "SDNREB"},
           {"Ismail Haniyeh", 20060601, "PSEGOV"},  // PA prime minister
           {"Haniyeh", 20200101, "PSEINS"},
           {"Prigozhin", 20230101, "RUSMIL"},
           {"Yevgeny Prigozhin", 20230624, "RUSREB"},  // the mutiny
           {"Hassan Nasrallah", 20200101, "LBNINS"},
           {"Abdul-Malik al-Houthi", 20240101, "YEMREB"},
           {"Abu Bakr al-Baghdadi", 20150101, "IMGMOSISI"},
           {"Getachew Reda", 20210601, "ETHREB"},  // Tigray war
           {"Getachew Reda", 20240101, "ETHGOV"},  // Tigray interim administration
       }) {
    EXPECT_EQ(SourceCodeOn(c.name, c.date), c.code) << c.name << " on " << c.date;
  }
}

}  // namespace
}  // namespace eventcoder
