// `eventcoder dict check` and `dict lookup` as a user runs them: the shipped default
// dictionaries lint clean (so CI fails on any new duplicate name or overlapping date
// range), a lookup names the code in force on a date and the file:line it comes from,
// and a broken dictionary of our own is reported with file:line and exit status 1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/cli_testing.h"

namespace {

using eventcoder::testing::Exec;
using eventcoder::testing::RunResult;
using eventcoder::testing::TempPath;
using eventcoder::testing::Write;

const std::string kDictDir = std::string(EVENTCODER_SOURCE_DIR) + "/dictionaries";

// A dictionary directory of our own whose actors file is `actors`.
std::string DictDir(const std::string& actors) {
  std::string dir = TempPath("dict");
  std::system(("rm -rf " + dir + " && mkdir -p " + dir).c_str());
  Write(dir + "/actors.txt", actors);
  Write(dir + "/agents.txt", "MINISTER [~GOV]\n");
  Write(dir + "/verbs.txt", "--- CONDEMN [111] ---\nCONDEMN\n");
  Write(dir + "/discards.txt", "");
  return dir;
}

// The 1-based line of `path` that starts with `prefix`, or 0.
int LineStartingWith(const std::string& path, const std::string& prefix) {
  std::ifstream in(path);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.rfind(prefix, 0) == 0) return n;
  return 0;
}

TEST(DictCheck, ShippedDictionariesHaveNoErrors) {
  RunResult r = Exec("dict check --dict-dir " + kDictDir);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("\n0 error(s), "), std::string::npos) << r.out;
  // Every finding left is a warning.
  EXPECT_EQ(r.out.find(": error: "), std::string::npos) << r.out;
}

TEST(DictCheck, LookupNamesTheCodeOnTheDateAndItsFileAndLine) {
  RunResult r = Exec("dict lookup \"Ali Larijani\" --date 2026-02-11 --dict-dir " + kDictDir);
  EXPECT_EQ(r.status, 0) << r.err;
  std::string file = kDictDir + "/actors/people_mena.txt";
  int line = LineStartingWith(file, "ALI_LARIJANI [");
  ASSERT_GT(line, 0) << "ALI_LARIJANI is no longer in " << file;
  EXPECT_NE(r.out.find("-> IRNGOV   " + file + ":" + std::to_string(line)), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("as a noun phrase: IRNGOV"), std::string::npos) << r.out;
  // Before his 2025 appointment he was speaker of parliament, then out of office.
  RunResult speaker = Exec("dict lookup \"Ali Larijani\" --date 2015-06-01 --dict-dir " + kDictDir);
  EXPECT_NE(speaker.out.find("as a noun phrase: IRNLEG"), std::string::npos) << speaker.out;
}

TEST(DictCheck, ConflictingDuplicateAndOverlappingDatesAreErrorsWithFileAndLine) {
  std::string dir = DictDir(
      "GONDOR [GON]\n"                    // 1
      "ROHAN [ROH]\n"                     // 2
      "+GONDOR\n"                         // 3: GONDOR again, with another code
      "ARAGORN [GON]\n"                   // 4
      "\t[GONGOV 20200101-20201231]\n"    // 5
      "\t[GONMIL 20200601-20210101]\n");  // 6: overlaps line 5
  RunResult r = Exec("dict check --dict-dir " + dir);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  std::string actors = dir + "/actors.txt";
  EXPECT_NE(r.out.find(actors + ":3: error: name GONDOR is also defined at " + actors + ":1"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(actors + ":6: error: [GONMIL] overlaps [GONGOV] (line 5)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n2 error(s), "), std::string::npos) << r.out;
}

TEST(DictCheck, HandoverOnConsecutiveDaysAndRoleWithoutCountryAreClean) {
  // One office ends the day before the next begins; "---GOV" is a role whose country the
  // story supplies (a national security council named without its country).
  std::string dir = DictDir(
      "ARAGORN [GON]\n"
      "\t[GONMIL 20190101-20200531]\n"
      "\t[GONGOV >20200531]\n"
      "NATIONAL_SECURITY_COUNCIL [---GOV]\n");
  RunResult r = Exec("dict check --dict-dir " + dir);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("0 error(s), 0 warning(s)"), std::string::npos) << r.out;
}

}  // namespace
