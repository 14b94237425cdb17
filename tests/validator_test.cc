// The validation runner on a records file and dictionaries of our own.
#include "validate/validator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace eventcoder {
namespace {

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Dir() {
  std::string dir = ::testing::TempDir() + "/eventcoder_validator";
  std::system(("mkdir -p " + dir).c_str());
  Write(dir + "/a.txt", "EGYPT [EGY]\nISRAEL [ISR]\nQATAR [QAT]\n");
  Write(dir + "/g.txt", "GOVERNMENT [~GOV]\n");
  Write(dir + "/v.txt", "--- CONDEMN [111] ---\nCONDEMN\n\n--- PRAISE [051] ---\nPRAISE\n");
  Write(dir + "/d.txt", "");
  return dir;
}

constexpr const char* kEnvironment =
    "<Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile>"
    "<Agentfile>g.txt</Agentfile><Discardfile>d.txt</Discardfile></Environment>\n";

TEST(Validator, ScoresRecordsAndReportsTuples) {
  std::string dir = Dir();
  Write(dir + "/r.xml",
        std::string("<Validation>") + kEnvironment +
            "<Sentences>\n"
            "<Sentence date=\"20260214\" id=\"ok\" category=\"A\">\n"
            "<EventCoding sourcecode=\"EGY\" targetcode=\"ISR\" eventcode=\"111\"></EventCoding>\n"
            "<Text>Egypt condemned Israel.</Text>\n"
            "<Parse>(ROOT (S (NP (NNP Egypt)) (VP (VBD condemned) (NP (NNP Israel))) (. "
            ".)))</Parse>\n"
            "</Sentence>\n"
            "<Sentence date=\"20260214\" id=\"wrong\" category=\"A\">\n"
            "<EventCoding sourcecode=\"QAT\" targetcode=\"ISR\" eventcode=\"051\"></EventCoding>\n"
            "<Text>Egypt condemned Israel.</Text>\n"
            "</Sentence>\n"
            "<Sentence date=\"20260214\" id=\"none\" category=\"B\">\n"
            "<EventCoding noevents=\"True\"></EventCoding>\n"
            "<Text>The weather was fine.</Text>\n"
            "</Sentence>\n"
            "<Sentence date=\"20260214\" id=\"implicit\" category=\"B\">\n"
            "<Text>Nothing happened in Doha.</Text>\n"
            "</Sentence>\n"
            "</Sentences></Validation>\n");
  ValidateOptions opts;
  opts.compare_raw = true;
  auto report = RunValidation(dir + "/r.xml", opts);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->passed, 3);
  EXPECT_EQ(report->failed, 1);
  EXPECT_EQ(report->true_positives, 1);
  EXPECT_EQ(report->false_positives, 1);
  EXPECT_EQ(report->false_negatives, 1);
  EXPECT_TRUE(report->compared_raw);
  EXPECT_EQ(report->shared_events, 1);
  std::ostringstream out;
  report->Print(out, true);
  EXPECT_NE(out.str().find("FAIL wrong"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("3 passed, 1 failed"), std::string::npos) << out.str();
}

TEST(Validator, FileWithoutExpectationsIsNotScored) {
  std::string dir = Dir();
  Write(dir + "/s.xml", std::string("<Validation>") + kEnvironment +
                            "<Sentences><Sentence date=\"20260214\" id=\"x\">"
                            "<Text>Egypt condemned Israel.</Text></Sentence></Sentences>"
                            "</Validation>\n");
  auto report = RunValidation(dir + "/s.xml", ValidateOptions());
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->passed + report->failed, 0);
  EXPECT_EQ(report->unscored, 1);
}

TEST(Validator, MissingFileIsNotFound) {
  auto report = RunValidation("/nonexistent/records.xml", ValidateOptions());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace eventcoder
