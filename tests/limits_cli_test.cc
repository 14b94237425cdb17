// The limits as a user meets them on the command line: a long sentence is coded on its
// first tokens with a warning naming the file, line and story; bad limit values are usage
// errors, not crashes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "tests/cli_testing.h"

namespace {

using eventcoder::testing::Exec;
using eventcoder::testing::RunResult;
using eventcoder::testing::TempPath;
using eventcoder::testing::Write;

std::string Dicts() {
  std::string dir = TempPath("dict");
  std::system(("mkdir -p " + dir).c_str());
  Write(dir + "/actors.txt", "GONDOR [GON]\nMORDOR [MOR]\n");
  Write(dir + "/agents.txt", "");
  Write(dir + "/verbs.txt", "--- CONDEMN [111] ---\nCONDEMN\n");
  Write(dir + "/discards.txt", "");
  return "--dict-dir " + dir;
}

TEST(LimitsCli, LongSentenceIsCodedOnItsFirstTokensWithAWarning) {
  std::string in = TempPath("long.txt");
  std::string text = "Gondor condemned Mordor";
  for (int i = 0; i < 400; ++i) text += " and the hills";
  Write(in, "\ndate 2026-02-14\nid: long-one\n" + text + ".\n");
  RunResult r = Exec(Dicts() + " " + in);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"cameo\":\"111\""), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("warning: " + in + ":2: story long-one: sentence 0"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("coded on its first 300"), std::string::npos) << r.err;

  RunResult small = Exec(Dicts() + " --max-sentence-tokens 2 " + in);
  EXPECT_EQ(small.status, 0) << small.err;
  EXPECT_EQ(small.out.find("\"cameo\""), std::string::npos) << small.out;
  EXPECT_NE(small.err.find("coded on its first 2 "), std::string::npos) << small.err;
}

TEST(LimitsCli, BadLimitValuesAreUsageErrors) {
  for (const char* opt : {"--max-sentence-tokens", "--max-story-bytes", "--db-batch"}) {
    for (const char* value : {"abc", "-5", "99999999999999999999999"}) {
      RunResult r = Exec(std::string(opt) + " " + value + " /dev/null");
      EXPECT_EQ(r.status, 2) << opt << " " << value << ": " << r.err;
      EXPECT_NE(r.err.find("needs a non-negative number"), std::string::npos) << r.err;
    }
  }
}

}  // namespace
