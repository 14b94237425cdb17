// The eventcoder command as a user runs it: bad input is reported with file, line and
// story, the rest of the batch is still coded, and the exit status says so.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli_testing.h"
#include "write/sqlite_sink.h"

namespace {

using eventcoder::testing::Exec;
using eventcoder::testing::RunResult;
using eventcoder::testing::Slurp;
using eventcoder::testing::TempPath;
using eventcoder::testing::Write;

// A dictionary of our own, in the PETRARCH formats.
std::string Dicts() {
  std::string dir = TempPath("dict");
  std::system(("mkdir -p " + dir).c_str());
  Write(dir + "/actors.txt", "EGYPT [EGY]\n+EGYPTIAN\nISRAEL [ISR]\nQATAR [QAT]\n");
  Write(dir + "/agents.txt", "FOREIGN_MINISTRY [~GOV]\n");
  Write(dir + "/verbs.txt", "--- CONDEMN [111] ---\nCONDEMN\n\n--- PRAISE [051] ---\nPRAISE\n");
  Write(dir + "/discards.txt", "");
  return "--dict-dir " + dir;
}

TEST(Cli, CodesTextStoriesToJsonLines) {
  std::string in = TempPath("good.txt");
  Write(in,
        "date 2026-02-14\nEgypt condemned Israel on Saturday.\n\n"
        "date 2026-02-15\nQatar praised Egypt.\n");
  RunResult r = Exec(Dicts() + " " + in);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"source_code\":\"EGY\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"cameo\":\"051\""), std::string::npos) << r.out;
}

TEST(Cli, BadStoryIsReportedAndTheRestIsCoded) {
  std::string in = TempPath("bad.txt");
  Write(in,
        "date 2026-02-30\nEgypt condemned Israel.\n\n"
        "date 2026-02-15\nQatar praised Egypt.\n");
  RunResult r = Exec(Dicts() + " " + in);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(in + ":1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.txt#1"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"cameo\":\"051\""), std::string::npos) << r.out;
}

TEST(Cli, UnbalancedXmlRecordDoesNotLoseTheOthers) {
  std::string in = TempPath("bad.xml");
  Write(in,
        "<Sentences>\n"
        "<Sentence date=\"20260214\" id=\"one\"><Text>Egypt condemned Israel.</Text>\n"
        "<Sentence date=\"20260215\" id=\"two\"><Text>Qatar praised Egypt.</Text></Sentence>\n"
        "</Sentences>\n");
  RunResult r = Exec(Dicts() + " --format xml " + in);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("one"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"story_id\":\"two\""), std::string::npos) << r.out;
}

TEST(Cli, MalformedDictionaryLineNamesFileAndLine) {
  std::string dir = TempPath("baddict");
  std::system(("mkdir -p " + dir).c_str());
  Write(dir + "/actors.txt", "EGYPT [EGY\nISRAEL [ISR]\n");
  Write(dir + "/agents.txt", "");
  Write(dir + "/verbs.txt", "--- CONDEMN [111] ---\nCONDEMN\n");
  Write(dir + "/discards.txt", "");
  std::string in = TempPath("one.txt");
  Write(in, "date 2026-02-14\nIsrael condemned Egypt.\n");
  RunResult r = Exec("--dict-dir " + dir + " " + in);
  EXPECT_NE(r.err.find(dir + "/actors.txt:1"), std::string::npos) << r.err;
}

TEST(Cli, TsvOutputHasAHeader) {
  std::string in = TempPath("tsv.txt");
  Write(in, "date 2026-02-14\nEgypt condemned Israel.\n");
  RunResult r = Exec(Dicts() + " --output-format tsv " + in);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("id\tstory_id\t", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\tEGY\tISR\t111\t"), std::string::npos) << r.out;
}

TEST(Cli, SqliteStoreIsIdempotent) {
  std::string in = TempPath("db.txt");
  Write(in, "date 2026-02-14\nid: s1\nEgypt condemned Israel.\n");
  std::string db = TempPath("events.db");
  std::remove(db.c_str());
  ASSERT_EQ(Exec(Dicts() + " --db " + db + " " + in).status, 0);
  ASSERT_EQ(Exec(Dicts() + " --db " + db + " " + in).status, 0);
  auto rows = eventcoder::SqliteSink::Query(db, "select count(*) from events");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0][0], "1");
}

}  // namespace

namespace eventcoder {
namespace {

TEST(Cli, GdeltOutputWithMentionsFileAndDedupe) {
  std::string in = TempPath("gdelt.txt");
  // The same condemnation in two stories from two outlets: one GDELT event, two mentions.
  Write(in,
        "date 2026-02-14\nsource: Wire One\n\nCAIRO, Feb 14 (Wire) - Egypt condemned Israel "
        "in Cairo on Saturday.\n\n"
        "date 2026-02-14\nsource: Wire Two\n\nEgypt condemned Israel on Saturday.\n");
  std::string out = TempPath("events.gdelt");
  RunResult r = Exec(Dicts() + " --output-format gdelt -o " + out + " " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string events = Slurp(out), mentions = Slurp(out + ".mentions");
  ASSERT_EQ(std::count(events.begin(), events.end(), '\n'), 1) << events;
  EXPECT_EQ(std::count(events.begin(), events.end(), '\t'), 60);
  EXPECT_NE(events.find("\t2\t2\t2\t"), std::string::npos) << events;  // mentions/sources/articles
  EXPECT_NE(events.find("\tCairo"), std::string::npos) << events;
  EXPECT_EQ(std::count(mentions.begin(), mentions.end(), '\n'), 2) << mentions;

  r = Exec(Dicts() + " --dedupe " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  r = Exec(Dicts() + " --output-format plover " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"event\":[\"ACCUSE\"]"), std::string::npos) << r.out;
  r = Exec(Dicts() + " --no-locate " + in);
  EXPECT_NE(r.out.find("\"location\":null"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace eventcoder
