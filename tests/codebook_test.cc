// The codebook check: CSV parsing and example clean-up on text of our own, and an accuracy
// guard that codes the example sentence of every CAMEO code in the shared ICEWS codebook
// CSV with the default dictionaries (needs ../shared; skips without it). The floors
// (codebook_exact, codebook_root, in tenths of a percent) live in tests/validation_floor.txt.
#include "validate/codebook.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "tests/validation_floor_testing.h"

#ifndef EVENTCODER_SHARED_DIR
#define EVENTCODER_SHARED_DIR "../shared"
#endif

namespace eventcoder {
namespace {

TEST(CodebookCsv, QuotedFieldsCommasDoubledQuotesAndLineBreaks) {
  auto rows = ParseCsv(
      "id,code,example\r\n1,\"040\",\"Gondor met Rohan, \"\"officials\"\" said.\"\n"
      "2,190,\"two\nlines\"\n3,,NULL",
      "t.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[1][1], "040");
  EXPECT_EQ((*rows)[1][2], "Gondor met Rohan, \"officials\" said.");
  EXPECT_EQ((*rows)[2][2], "two\nlines");
  ASSERT_EQ((*rows)[3].size(), 3u);
  EXPECT_EQ((*rows)[3][1], "");
}

TEST(CodebookCsv, UnclosedQuoteIsAnErrorNamingTheLine) {
  auto rows = ParseCsv("a,b\n1,\"open\n", "bad.csv");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("bad.csv:2"), std::string::npos);
}

TEST(CodebookExample, NoteIsCutAndMojibakeRepaired) {
  EXPECT_EQ(CleanCodebookExample(" Gondor\xE2\x80\x9A\xC3\x84\xC3\xB4s king left. Note: Two "
                                 "events are coded."),
            "Gondor\xE2\x80\x99s king left.");
  EXPECT_EQ(CleanCodebookExample("NULL"), "");
  EXPECT_EQ(CleanCodebookExample("\xE2\x80\x9A\xC3\x84\xC3\xBAtruce\xE2\x80\x9A\xC3\x84\xC3\xB9"),
            "\xE2\x80\x9Ctruce\xE2\x80\x9D");
}

// A small codebook of our own, coded with dictionaries of our own: hits, a root-only hit
// and each miss cause.
TEST(Codebook, ReportsHitsAndMissCauses) {
  std::string dir = ::testing::TempDir() + "/codebook_test";
  std::system(("mkdir -p " + dir).c_str());
  std::ofstream(dir + "/actors.txt") << "GONDOR [GON]\nROHAN [ROH]\nMORDOR [MOR]\n";
  std::ofstream(dir + "/agents.txt") << "";
  std::ofstream(dir + "/verbs.txt") << "--- CONDEMN [111] ---\nCONDEMN\n\n"
                                       "--- ACCUSE [112] ---\nACCUSE\n\n"
                                       "--- PONDER [---] ---\nPONDER\n"
                                       "- * WAR [138]\n";
  std::ofstream(dir + "/discards.txt") << "";
  std::ofstream(dir + "/cb.csv")
      << "eventtype_ID,name,code,example\n"
         "1,\"Condemn\",111,\"Gondor condemned Rohan on Monday, officials said.\"\n"
         "2,\"Accuse of crime\",1121,\"Gondor accused Mordor of theft.\"\n"
         "3,\"Threaten\",130,\"Gondor condemned Rohan.\"\n"
         "4,\"Praise\",051,\"Gondor praised Rohan.\"\n"
         "5,\"Decline comment\",011,\"The king condemned the weather.\"\n"
         "6,\"Ponder\",138,\"Gondor pondered Rohan.\"\n"
         "7,\"Empty\",020,NULL\n";
  CodebookOptions opts;
  opts.dictionaries = {
      {dir + "/actors.txt"}, dir + "/agents.txt", dir + "/verbs.txt", dir + "/discards.txt"};
  auto report = RunCodebook(dir + "/cb.csv", opts);
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->examples, 6);  // the NULL example is skipped
  std::map<std::string, const CodebookResult*> by_code;
  for (const auto& r : report->results) by_code[r.code] = &r;
  EXPECT_TRUE(by_code["111"]->exact);
  EXPECT_FALSE(by_code["1121"]->exact);
  EXPECT_TRUE(by_code["1121"]->root);
  EXPECT_EQ(by_code["1121"]->cause, "other code");
  EXPECT_EQ(by_code["130"]->cause, "other code");
  EXPECT_FALSE(by_code["130"]->root);
  EXPECT_EQ(by_code["051"]->cause, "no verb");
  EXPECT_EQ(by_code["011"]->cause, "no actor");
  EXPECT_EQ(by_code["138"]->cause, "no event");
  EXPECT_EQ(report->exact, 1);
  EXPECT_EQ(report->root, 2);
  std::ostringstream printed;
  report->Print(printed, false);
  EXPECT_NE(printed.str().find("exact 1 (16.7%)"), std::string::npos) << printed.str();
  EXPECT_NE(printed.str().find("no verb: 1"), std::string::npos) << printed.str();
}

using testing::Floors;

TEST(CodebookGuard, DefaultDictionariesCodeTheCodebookExamples) {
  const std::string csv =
      std::string(EVENTCODER_SHARED_DIR) + "/reference/cameo/cameo-eventtypes-icews.csv";
  if (!std::ifstream(csv).good()) GTEST_SKIP() << "needs ../shared (CAMEO codebook CSV)";
  CodebookOptions opts;
  opts.dictionaries =
      dict::DictionaryFilesInDir(std::string(EVENTCODER_SOURCE_DIR) + "/dictionaries");
  auto report = RunCodebook(csv, opts);
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::ostringstream table;
  report->Print(table, false);
  std::cout << table.str();
  auto floors = Floors();
  EXPECT_GE(static_cast<int>(10 * report->ExactPercent() + 1e-9), floors["codebook_exact_tenths"]);
  EXPECT_GE(static_cast<int>(10 * report->RootPercent() + 1e-9), floors["codebook_root_tenths"]);
}

}  // namespace
}  // namespace eventcoder
