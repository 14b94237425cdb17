// Accuracy guard on the shared PETRARCH validation suite (needs ../shared; skips without
// it). The floors live in tests/validation_floor.txt.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "validate/validator.h"

#ifndef EVENTCODER_SHARED_DIR
#define EVENTCODER_SHARED_DIR "../shared"
#endif

namespace eventcoder {
namespace {

const std::string kRecords =
    std::string(EVENTCODER_SHARED_DIR) + "/validation/petrarch/PETR.UnitTest.records.xml";

std::map<std::string, int> Floors() {
  std::map<std::string, int> out;
  std::ifstream in(std::string(EVENTCODER_SOURCE_DIR) + "/tests/validation_floor.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string k;
    int v = 0;
    if (ls >> k >> v) out[k] = v;
  }
  return out;
}

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

}  // namespace
}  // namespace eventcoder
