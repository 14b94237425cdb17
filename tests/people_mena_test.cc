// Tests of the Middle East and North Africa person actors (dictionaries/actors/
// people_mena.txt) as loaded with the other default dictionaries: a one-sentence story
// naming an office-holder codes the person with the office held on the story's date,
// and with the fallback (or the earlier office) on a date outside the term.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dict/dict_reader.h"
#include "match/compiled_dictionary.h"
#include "pipeline/story_coder.h"
#include "tests/default_dictionaries_testing.h"

#ifndef EVENTCODER_SOURCE_DIR
#define EVENTCODER_SOURCE_DIR "."
#endif

namespace eventcoder {
namespace {

class PeopleMenaTest : public ::testing::Test {
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
    ASSERT_NE(coder_, nullptr) << "default dictionaries failed to load cleanly";
  }

  // Source code of the single event of "<name> criticized <target>." on `date`, or a
  // description of what was coded instead.
  static std::string SourceCode(const std::string& name, int date,
                                const std::string& target = "Israel") {
    Story story;
    story.id = "people-mena";
    story.date = date;
    story.text = name + " criticized " + target + ".";
    StoryResult result;
    Status s = coder_->Code(story, &result);
    if (!s.ok()) return "error: " + s.ToString();
    if (result.events.size() != 1)
      return std::to_string(result.events.size()) + " events for: " + story.text;
    return result.events[0].source_code;
  }

  static StoryCoder* coder_;
};

StoryCoder* PeopleMenaTest::coder_ = nullptr;

struct Case {
  std::string name;
  int before;
  std::string before_code;
  int during;
  std::string during_code;
  std::string target = "Israel";
};

TEST_F(PeopleMenaTest, OfficeHoldersCodeByTheOfficeHeldOnTheStoryDate) {
  const std::vector<Case> cases = {
      // Transliteration variants share the entry.
      {"Abbas Araqchi", 20220101, "IRN", 20260211, "IRNGOV"},
      {"Abbas Araghchi", 20110101, "IRN", 20250101, "IRNGOV"},
      {"MBS", 20100101, "SAU", 20250101, "SAUGOV"},
      {"Mohammad bin Salman", 20100101, "SAU", 20250101, "SAUGOV"},
      // Office changes: intelligence chief, then foreign minister.
      {"Hakan Fidan", 20180101, "TURSPY", 20250601, "TURGOV"},
      {"Ahmed al-Sharaa", 20180101, "SYRREB", 20250601, "SYRGOV"},
      {"Joseph Aoun", 20180101, "LBNMIL", 20250601, "LBNGOV"},
      {"Nawaf Salam", 20240601, "IGOUNOICJ", 20250601, "LBNGOV"},
      {"Mohammed Shia al-Sudani", 20200101, "IRQ", 20240101, "IRQGOV"},
      {"Eyal Zamir", 20200101, "ISR", 20250601, "ISRMIL", "Iran"},
      {"Yair Lapid", 20220301, "ISRGOV", 20250601, "ISROPP", "Iran"},
      {"Netanyahu", 20220101, "ISROPP", 20260211, "ISRGOV", "Iran"},
      {"Kais Saied", 20180101, "TUN", 20250601, "TUNGOV"},
      {"Abdul Hamid Dbeibah", 20180101, "LBY", 20250601, "LBYGOV"},
      {"Rashad al-Alimi", 20180101, "YEM", 20250601, "YEMGOV"},
      {"Mohammed bin Abdulrahman Al Thani", 20100101, "QAT", 20240101, "QATGOV"},
      {"Badr Abdelatty", 20200101, "EGY", 20250101, "EGYGOV"},
      {"Ghalibaf", 20100101, "IRN", 20250101, "IRNLEG"},
      {"Esmail Qaani", 20100101, "IRNMIL", 20250101, "IRNMIL"},
      {"David Barnea", 20180101, "ISR", 20230101, "ISRSPY", "Iran"},
      // Non-ASCII spellings as written in running text.
      {"Erdoğan", 20020101, "TUROPP", 20200101, "TURGOV"},
      // Surnames shared by two office-holders are coded by era.
      {"Aoun", 20180101, "LBNGOV", 20230101, "LBNMIL"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SourceCode(c.name, c.before, c.target), c.before_code)
        << c.name << " on " << c.before;
    EXPECT_EQ(SourceCode(c.name, c.during, c.target), c.during_code)
        << c.name << " on " << c.during;
  }
}

TEST_F(PeopleMenaTest, AmbiguousKingAbdullahIsResolvedByTheCountryAdjective) {
  // Jordan's Abdullah II and Saudi Arabia's Abdullah (king 2005-2015).
  EXPECT_EQ(SourceCode("Jordanian King Abdullah", 20100101), "JORGOV");
  EXPECT_EQ(SourceCode("Saudi King Abdullah", 20100101), "SAUGOV");
  EXPECT_EQ(SourceCode("Saudi King Abdullah", 20160101), "SAU");  // died in January 2015
}

TEST_F(PeopleMenaTest, CommonNamesAreNotPersons) {
  // A bare "Abbas" or "Saleh" is not coded as any office-holder.
  EXPECT_NE(SourceCode("Abbas", 20200101), "PSEGOV");
  EXPECT_NE(SourceCode("Saleh", 20100101), "YEMGOV");
}

}  // namespace
}  // namespace eventcoder
