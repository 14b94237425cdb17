// Inputs found by the dictionary fuzz targets (fuzz/*_dict_fuzzer.cc), kept as regression
// tests: each once crashed, hung or exhausted memory.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dict/dict_reader.h"

namespace eventcoder::dict {
namespace {

bool HasWarning(const std::vector<std::string>& warnings, const std::string& what) {
  for (const auto& w : warnings)
    if (w.find(what) != std::string::npos) return true;
  return false;
}

// agents_dict_fuzzer, out of memory (900 MB, 11 s for 142 bytes): a substitution value that
// holds its own marker ("!MIN! = DEE_OF_!MIN!...") was expanded again after every
// substitution, 4096 times, each phrase longer than the last.
TEST(DictFuzzRegressionTest, SelfReferentialSubstitutionSetIsRejected) {
  const std::string input(
      "KINGR\x00\x00\x00\x04 ~GOV]\nFOREIGN_MI]\nAID_WORKER [NGO~]\n"
      "!MIN! = DEE_OF_!MIN!_!OTHERW\xff\xff\xff|O7KEBAD FN\n"
      "R\xbf\xac"
      "C\xb1\xae"
      "ECESMINISTRY_OF_!MIN!_!OTHERW\xff\xff\xff|O7KEBAD [~X]\n\n",
      142);
  Dictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadAgents(input, "agents.txt", &d, &warnings).ok());
  EXPECT_TRUE(HasWarning(warnings, "agents.txt:4: substitution value contains a '!' marker"));
  EXPECT_TRUE(HasWarning(warnings, "agents.txt:5: undefined substitution marker !MIN!"));
  EXPECT_LE(d.agents.size(), 4u);  // AID_WORKER and its plural
}

TEST(DictFuzzRegressionTest, SubstitutionValuesAreNotExpandedAgain) {
  Dictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(
      ReadAgents("!A! = X_!B!\n!B! = Y\nCHIEF_!A! [~GOV]\n", "agents.txt", &d, &warnings).ok());
  EXPECT_TRUE(HasWarning(warnings, "agents.txt:1: substitution value contains a '!' marker"));
  EXPECT_TRUE(d.agents.empty());
}

}  // namespace
}  // namespace eventcoder::dict
