// Accuracy guard on the shared PETRARCH validation suite (needs ../shared; skips without
// it). The floors live in tests/validation_floor.txt.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "tests/validation_floor_testing.h"
#include "validate/validator.h"

#ifndef EVENTCODER_SHARED_DIR
#define EVENTCODER_SHARED_DIR "../shared"
#endif

namespace eventcoder {
namespace {

const std::string kRecords =
    std::string(EVENTCODER_SHARED_DIR) + "/validation/petrarch/PETR.UnitTest.records.xml";

using testing::Floors;

bool HaveShared() { return std::ifstream(kRecords).good(); }

TEST(ValidationGuard, WithSuppliedParses) {
  if (!HaveShared()) GTEST_SKIP() << "needs ../shared (PETRARCH validation records)";
  ValidateOptions opts;
  auto report = RunValidation(kRecords, opts);
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::ostringstream table;
  report->Print(table, false);
  std::cout << table.str();
  EXPECT_GE(report->passed, Floors()["with_parse"]);
  EXPECT_EQ(report->passed + report->failed, 215);
}

TEST(ValidationGuard, FromRawText) {
  if (!HaveShared()) GTEST_SKIP() << "needs ../shared (PETRARCH validation records)";
  ValidateOptions opts;
  opts.ignore_parse = true;
  auto report = RunValidation(kRecords, opts);
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::ostringstream table;
  report->Print(table, false);
  std::cout << table.str();
  EXPECT_GE(report->passed, Floors()["ignore_parse"]);
}

// Real AFP sentences with CoreNLP parses and no expected events: our raw-text analysis
// must keep agreeing with the parse-based coding (F1 of event tuples, in tenths of a %).
TEST(ValidationGuard, RawTextAgreesWithParsesOnWireSentences) {
  const std::string dir = std::string(EVENTCODER_SHARED_DIR) + "/validation/petrarch/";
  if (!std::ifstream(dir + "GigaWord.sample.PETR.xml").good())
    GTEST_SKIP() << "needs ../shared (GigaWord sample)";
  ValidateOptions opts;
  opts.compare_raw = true;
  opts.dictionaries = {{dir + "PETR.Validate.actors.txt"},
                       dir + "PETR.Validate.agents.txt",
                       dir + "PETR.Validate.verbs.txt",
                       dir + "PETR.Validate.discards.txt"};
  auto report = RunValidation(dir + "GigaWord.sample.PETR.xml", opts);
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_TRUE(report->compared_raw);
  double p = report->raw_events ? 1.0 * report->shared_events / report->raw_events : 0;
  double r = report->parse_events ? 1.0 * report->shared_events / report->parse_events : 0;
  int f1_tenths = p + r > 0 ? static_cast<int>(1000 * 2 * p * r / (p + r)) : 0;
  std::cout << "GigaWord raw-vs-parse agreement F1: " << f1_tenths / 10.0 << "%\n";
  EXPECT_GE(f1_tenths, Floors()["gigaword_agreement_f1_tenths"]);
}

}  // namespace
}  // namespace eventcoder
