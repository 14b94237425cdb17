// Tests of the G20 people dictionary (dictionaries/actors/people_g20.txt) through the
// whole pipeline: the default dictionaries are loaded as the CLI loads them, a
// one-sentence story naming a person is coded on two dates, and the person's code must
// follow the office held on that date (or fall back outside every office term).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dict/dict_reader.h"
#include "dict/dictionary.h"
#include "eventcoder/story.h"
#include "match/compiled_dictionary.h"
#include "pipeline/story_coder.h"
#include "tests/default_dictionaries_testing.h"

#ifndef EVENTCODER_SOURCE_DIR
#define EVENTCODER_SOURCE_DIR "."
#endif

namespace eventcoder {
namespace {

class PeopleG20Test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto& d = testing::LoadDefaultDictionaries();
    if (d.dict && d.warnings.empty()) coder_ = new StoryCoder(d.dict, PipelineOptions());
  }
  static void TearDownTestSuite() {
    delete coder_;
    coder_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(coder_, nullptr) << "default dictionaries failed to load without warnings";
  }

  // The source code of the first event of "<name> criticized <target> on Monday." on
  // `date`, or "" when no event is coded.
  static std::string SourceCode(const std::string& name, int date,
                                const std::string& target = "Iran") {
    Story story;
    story.id = "people";
    story.date = date;
    story.text = name + " criticized " + target + " on Monday.";
    StoryResult result;
    Status s = coder_->Code(story, &result);
    EXPECT_TRUE(s.ok()) << s.ToString();
    if (result.events.empty()) return "";
    return result.events[0].source_code;
  }

  static StoryCoder* coder_;
};

StoryCoder* PeopleG20Test::coder_ = nullptr;

struct Case {
  const char* name;
  int before;  // a date outside the office term (or in an earlier office)
  const char* code_before;
  int during;  // a date inside the term
  const char* code_during;
};

TEST_F(PeopleG20Test, OfficeHoldersCodeByDate) {
  const std::vector<Case> cases = {
      {"Emmanuel Macron", 20100101, "FRA", 20260211, "FRAGOV"},
      {"Keir Starmer", 20220601, "GBROPP", 20261126, "GBRGOV"},
      {"Friedrich Merz", 20230601, "DEUOPP", 20251001, "DEUGOV"},
      {"Mark Carney", 20150601, "GBRGOV", 20261126, "CANGOV"},
      {"Sanae Takaichi", 20210601, "JPN", 20251201, "JPNGOV"},
      {"Lee Jae-myung", 20240601, "KOROPP", 20250701, "KORGOV"},
      {"Narendra Modi", 20100101, "IND", 20240601, "INDGOV"},
      {"Javier Milei", 20150101, "ARG", 20240601, "ARGGOV"},
      {"Anthony Albanese", 20200101, "AUSOPP", 20230101, "AUSGOV"},
      {"Ursula von der Leyen", 20150101, "DEUGOV", 20200101, "IGOEEU"},
      {"Pete Hegseth", 20240601, "USA", 20261126, "USAGOV"},
      {"Tulsi Gabbard", 20150101, "USALEG", 20250601, "USASPY"},
      {"Mark Milley", 20100101, "USA", 20200101, "USAMIL"},
      {"Rafael Grossi", 20150101, "ARG", 20250101, "IGOUNOIAE"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SourceCode(c.name, c.before), c.code_before) << c.name << " on " << c.before;
    EXPECT_EQ(SourceCode(c.name, c.during), c.code_during) << c.name << " on " << c.during;
  }
}

TEST_F(PeopleG20Test, SurnamesAndSpellingsShareTheEntry) {
  EXPECT_EQ(SourceCode("Macron", 20260211), "FRAGOV");
  EXPECT_EQ(SourceCode("Lula", 20150101), "BRA");  // between his presidencies
  EXPECT_EQ(SourceCode("Lula", 20240101), "BRAGOV");
  EXPECT_EQ(SourceCode("Lee Jae Myung", 20240601), "KOROPP");
  EXPECT_EQ(SourceCode("Kim Jong Un", 20260211), "PRKGOV");
  EXPECT_EQ(SourceCode("Guterres", 20100101), "IGOUNOHCR");
  EXPECT_EQ(SourceCode("Guterres", 20260211), "IGOUNO");
}

TEST_F(PeopleG20Test, BidenIsNotCodedAsGovernmentBetweenHisTerms) {
  EXPECT_EQ(SourceCode("Joe Biden", 20120101), "USAGOV");  // vice-president
  EXPECT_EQ(SourceCode("Joe Biden", 20190101), "USA");
  EXPECT_EQ(SourceCode("Biden", 20220101), "USAGOV");  // president
}

TEST_F(PeopleG20Test, RelativesAreNotCodedAsTheOfficeHolder) {
  EXPECT_EQ(SourceCode("Trump", 20260211), "USAGOV");
  EXPECT_EQ(SourceCode("Donald Trump Jr.", 20260211), "USA");
  EXPECT_EQ(SourceCode("Bush", 20050101), "USAGOV");
  EXPECT_EQ(SourceCode("Jeb Bush", 20050101), "USA");
  EXPECT_EQ(SourceCode("Karina Milei", 20150101), "ARG");
}

}  // namespace
}  // namespace eventcoder
