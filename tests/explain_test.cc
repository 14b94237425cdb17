// `eventcoder explain`, as a user runs it: a sentence is explained step by step with the
// dictionary lines involved, a sentence with no event says why in plain words, and every
// PETRARCH validation record gets an explanation and, when it fails, a departure step.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli_testing.h"

#ifndef EVENTCODER_SHARED_DIR
#define EVENTCODER_SHARED_DIR "../shared"
#endif

namespace eventcoder {
namespace {

using testing::Exec;
using testing::RunResult;

TEST(Explain, ShowsTokensPhrasesVerbAndTheEventWithDictionaryLines) {
  RunResult r = Exec(
      "explain --date 2026-02-11 \"Iranian Foreign Minister Abbas Araghchi met his Qatari "
      "counterpart in Doha.\"");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Araghchi/NNP"), std::string::npos) << r.out;  // tokens and tags
  EXPECT_NE(r.out.find("(ROOT"), std::string::npos);                  // the parse
  EXPECT_NE(r.out.find("agents.txt:"), std::string::npos);            // dictionary lines
  EXPECT_NE(r.out.find("verb    \"MET\""), std::string::npos);
  // In Qatar with a Qatari: not a third country, so 040 (consult), not 044.
  EXPECT_NE(r.out.find("IRNGOV -> QATGOV  040"), std::string::npos) << r.out;
}

TEST(Explain, SaysWhyThereIsNoEvent) {
  RunResult r = Exec("explain --date 2026-02-11 \"Egypt did not condemn Israel.\"");
  EXPECT_EQ(r.status, 1);  // no event
  EXPECT_NE(r.out.find("no event: \"CONDEMN\": the verb is negated"), std::string::npos) << r.out;
  r = Exec("explain --date 2026-02-11 \"The weather in Cairo was pleasant.\"");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("no event:"), std::string::npos) << r.out;
}

TEST(Explain, JsonHasTheSameSteps) {
  RunResult r = Exec("explain --json --date 2026-02-11 \"Egypt condemned Israel.\"");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array() && j.size() == 1) << r.out;
  const auto& s = j[0];
  EXPECT_FALSE(s["tokens"].empty());
  bool verb = false;
  for (const auto& st : s["steps"]) verb |= st["stage"] == "verb" && st["ok"] == true;
  EXPECT_TRUE(verb);
  ASSERT_EQ(s["events"].size(), 1u);
  EXPECT_EQ(s["events"][0]["cameo"], "111");
}

TEST(Explain, EveryPetrarchRecordIsExplainedAndFailuresSayWhereTheyDepart) {
  // Needs ../shared (the PETRARCH unit-test records); skipped without it.
  std::string xml =
      std::string(EVENTCODER_SHARED_DIR) + "/validation/petrarch/PETR.UnitTest.records.xml";
  if (!std::ifstream(xml)) GTEST_SKIP() << xml << " not found";
  RunResult r = Exec("explain --json --records " + xml);
  ASSERT_NE(r.status, 2) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  int records = 0, failing = 0;
  for (const auto& rec : j["records"]) {
    ++records;
    if (rec["error"].get<std::string>().empty()) {
      EXPECT_FALSE(rec["sentences"].empty()) << rec["id"];
    }
    if (!rec["passed"].get<bool>()) {
      ++failing;
      std::string step = rec["departure"]["step"];
      EXPECT_NE(step, "none") << rec["id"];
      EXPECT_FALSE(rec["departure"]["detail"].get<std::string>().empty());
    }
  }
  EXPECT_GE(records, 200);
  int counted = 0;
  for (const auto& [step, n] : j["departures"].items())
    if (step != "none") counted += n.get<int>();
  EXPECT_EQ(counted, failing);
}

}  // namespace
}  // namespace eventcoder
