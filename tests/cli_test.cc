// The eventcoder command as a user runs it: bad input is reported with file, line and
// story, the rest of the batch is still coded, and the exit status says so.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "store/postgres_connection.h"
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
  EXPECT_NE(r.err.find(dir + "/actors.txt:1"), std::string::npos)
      << "status " << r.status << ", stderr: " << r.err;
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
  for (const char* table : {"events", "mentions", "stories"}) {
    auto rows = eventcoder::SqliteSink::Query(db, std::string("select count(*) from ") + table);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0][0], "1") << table;
  }
}

// Two outlets report the same condemnation on the same day, a third story a week later.
std::string QueryStories() {
  std::string in = TempPath("query.jsonl");
  Write(in,
        "{\"id\":\"r1\",\"date\":\"2026-02-14\",\"source\":\"Reuters\",\"text\":"
        "\"Egypt condemned Israel. Qatar praised Egypt.\"}\n"
        "{\"id\":\"a1\",\"date\":\"2026-02-14\",\"source\":\"AFP\",\"text\":"
        "\"Egypt condemned Israel.\"}\n"
        "{\"id\":\"a2\",\"date\":\"2026-02-21\",\"source\":\"AFP\",\"text\":"
        "\"Israel condemned Egypt.\"}\n");
  return in;
}

constexpr const char* kEgyptByWeek =
    "period,events,mentions,goldstein_sum,cooperation,conflict\n"
    "2026-02-09,2,3,1.4,1,1\n"
    "2026-02-16,1,1,-2.0,0,1\n";

TEST(Cli, QueryCountsEventsPerPeriodAndPlots) {
  std::string db = TempPath("query.db");
  std::remove(db.c_str());
  ASSERT_EQ(Exec(Dicts() + " --db " + db + " " + QueryStories()).status, 0);
  std::string svg = TempPath("plot.svg");
  RunResult r = Exec("query --db " + db + " --country EGY --by week --plot " + svg);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, kEgyptByWeek);
  EXPECT_NE(Slurp(svg).find("<polyline"), std::string::npos);
  r = Exec("query --db " + db + " --source EGY --target ISR --code 110-112 --by month");
  EXPECT_EQ(r.out,
            "period,events,mentions,goldstein_sum,cooperation,conflict\n"
            "2026-02,1,2,-2.0,0,1\n");
  r = Exec("query --db " + db + " --code 1-22");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("bad code range"), std::string::npos) << r.err;
  r = Exec("query --db " + TempPath("missing.db"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
}

TEST(Cli, PostgresStoreAnswersQueriesLikeSqlite) {
  const char* base = std::getenv("EVENTCODER_TEST_PG");
  if (base == nullptr || *base == 0) {
    GTEST_SKIP() << "EVENTCODER_TEST_PG is not set: PostgreSQL store not tested (run the "
                    "tests under scripts/with-postgres.sh, as `make test` does)";
  }
  auto conn = eventcoder::PostgresConnection::Open(base);
  ASSERT_TRUE(conn.ok()) << conn.status().message();
  std::string schema = "cli_" + std::to_string(getpid());
  ASSERT_TRUE((*conn)
                  ->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema,
                         "creating schema")
                  .ok());
  std::string uri = std::string(base) +
                    (std::string(base).find('?') == std::string::npos ? "?" : "&") +
                    "options=-csearch_path%3D" + schema;
  std::string in = QueryStories();
  // Twice: re-loading must not change the answer.
  ASSERT_EQ(Exec(Dicts() + " --db '" + uri + "' " + in).status, 0);
  RunResult load = Exec(Dicts() + " --db '" + uri + "' " + in);
  ASSERT_EQ(load.status, 0) << load.err;
  RunResult r = Exec("query --db '" + uri + "' --country EGY --by week");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, kEgyptByWeek);
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
