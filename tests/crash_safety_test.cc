// Crash safety of the SQLite store: a load killed with SIGKILL mid-run leaves a database
// that passes PRAGMA integrity_check, holds only complete stories (each committed story
// has exactly the events a clean run gives it), and a re-run of the same input completes
// it to exactly the clean run's content, without duplicates.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#ifndef EVENTCODER_BINARY
#define EVENTCODER_BINARY "build/eventcoder"
#endif

namespace {

constexpr int kStories = 4000;
constexpr int kBatch = 25;

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/eventcoder_crash_" + std::to_string(getpid()) + "_" + name;
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

void RemoveDb(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((db + suffix).c_str());
}

std::string MakeDictDir() {
  std::string dir = TempPath("dict");
  std::system(("mkdir -p " + dir).c_str());
  Write(dir + "/actors.txt",
        "GONDOR [GON]\n+GONDORIAN\nROHAN [ROH]\nMORDOR [MOR]\nTHE_SHIRE [SHR]\nHARAD [HAR]\n");
  Write(dir + "/agents.txt", "KING [~GOV]\nSOLDIER [~MIL]\n");
  Write(dir + "/verbs.txt",
        "--- CONDEMN [111] ---\nCONDEMN\n\n--- PRAISE [051] ---\nPRAISE\n\n"
        "--- ATTACK [190] ---\nATTACK\n\n--- MEET [040] ---\nMEET {MET}\n");
  Write(dir + "/discards.txt", "");
  return dir;
}

// kStories stories of two or three sentences; ids are unique, events vary by story.
std::string MakeInput() {
  const char* actors[] = {"Gondor", "Rohan", "Mordor", "The Shire", "Harad"};
  const char* verbs[] = {"condemned", "praised", "attacked", "met"};
  std::string in;
  for (int i = 0; i < kStories; ++i) {
    in +=
        "date 2026-02-" + std::to_string(10 + i % 18) + "\nid: story-" + std::to_string(i) + "\n\n";
    int n = 2 + i % 2;
    for (int k = 0; k < n; ++k) {
      const char* a = actors[(i + k) % 5];
      const char* b = actors[(i * 3 + k + 1) % 5];
      if (a == b) b = actors[(i * 3 + k + 2) % 5];
      in += std::string(a) + "'s king " + verbs[(i + 2 * k) % 4] + " " + b + " on Tuesday. ";
    }
    in += "\n\n";
  }
  return in;
}

// Runs the eventcoder binary on `input` storing into `db`; returns its pid.
pid_t Start(const std::string& dict, const std::string& input, const std::string& db) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::string batch = std::to_string(kBatch);
    execl(EVENTCODER_BINARY, EVENTCODER_BINARY, "code", "--dict-dir", dict.c_str(), "--db",
          db.c_str(), "--db-batch", batch.c_str(), "-o", "/dev/null", input.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Rows of `sql` on `db` (opened read-write, so a killed run's WAL is recovered), each row
// its columns joined by '\t'.
std::vector<std::string> Rows(const std::string& db, const std::string& sql) {
  std::vector<std::string> rows;
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << db << ": " << sqlite3_errmsg(h);
    sqlite3_close(h);
    return rows;
  }
  sqlite3_busy_timeout(h, 5000);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(h);
    sqlite3_close(h);
    return rows;
  }
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const unsigned char* t = sqlite3_column_text(st, i);
      if (i) row += '\t';
      row += t ? reinterpret_cast<const char*>(t) : "NULL";
    }
    rows.push_back(row);
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return rows;
}

int Count(const std::string& db, const std::string& table) {
  auto rows = Rows(db, "select count(*) from " + table);
  return rows.empty() ? -1 : std::stoi(rows[0]);
}

// Committed stories so far, read without disturbing the writer; -1 before the schema exists.
int CommittedStories(const std::string& db) {
  sqlite3* h = nullptr;
  int n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, "select count(*) from stories", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return n;
}

// Every coded event instance (mention) of every story, by story id.
const char* kEventsSql =
    "select story_id, id, sentence, date, source_code, target_code, cameo, event_key, "
    "source_text, target_text, verb_text, text, spans_json, why_json from mentions "
    "order by story_id, sentence, source_code, target_code, cameo, spans_json";
// The one-a-day events with their counts, which a re-run must recompute exactly.
const char* kDailyEventsSql =
    "select event_key, date, source_code, target_code, cameo, num_mentions, num_articles, "
    "num_sources from events order by event_key";
const char* kStoriesSql = "select id, date, source, url, text from stories order by id";

std::map<std::string, std::vector<std::string>> EventsByStory(const std::string& db) {
  std::map<std::string, std::vector<std::string>> out;
  for (const std::string& row : Rows(db, kEventsSql))
    out[row.substr(0, row.find('\t'))].push_back(row);
  return out;
}

TEST(CrashSafety, KilledLoadLeavesCompleteStoriesAndReRunCompletesIt) {
  const std::string dict = MakeDictDir();
  const std::string input = TempPath("input.txt");
  Write(input, MakeInput());

  const std::string clean = TempPath("clean.db");
  RemoveDb(clean);
  ASSERT_EQ(Wait(Start(dict, input, clean)), 0);
  ASSERT_EQ(Count(clean, "stories"), kStories);
  const auto clean_events = EventsByStory(clean);
  ASSERT_GT(Count(clean, "mentions"), kStories);  // most sentences code an event

  // Kill a second load as soon as it has committed a few batches.
  const std::string crashed = TempPath("crashed.db");
  RemoveDb(crashed);
  pid_t pid = Start(dict, input, crashed);
  int seen = -1;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    seen = CommittedStories(crashed);
    if (seen >= 2 * kBatch) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  ASSERT_EQ(Wait(pid), -SIGKILL);
  ASSERT_GE(seen, 2 * kBatch) << "the load never committed";

  EXPECT_EQ(Rows(crashed, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  EXPECT_TRUE(Rows(crashed, "PRAGMA foreign_key_check").empty());
  const int committed = Count(crashed, "stories");
  ASSERT_LT(committed, kStories) << "the load finished before it was killed";
  EXPECT_EQ(committed % kBatch, 0) << "a batch was committed in part";
  // Every committed story has exactly its clean-run events, no more and no fewer.
  const auto crashed_events = EventsByStory(crashed);
  for (const std::string& id : Rows(crashed, "select id from stories")) {
    auto want = clean_events.find(id);
    auto got = crashed_events.find(id);
    ASSERT_EQ(got == crashed_events.end(), want == clean_events.end()) << id;
    if (want != clean_events.end()) {
      EXPECT_EQ(got->second, want->second) << id;
    }
  }
  for (const auto& [id, rows] : crashed_events) {
    EXPECT_EQ(Rows(crashed, "select 1 from stories where id = '" + id + "'").size(), 1u) << id;
  }

  // The same input again completes the database to exactly the clean run's content.
  ASSERT_EQ(Wait(Start(dict, input, crashed)), 0);
  EXPECT_EQ(Rows(crashed, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  EXPECT_EQ(Rows(crashed, kStoriesSql), Rows(clean, kStoriesSql));
  EXPECT_EQ(Rows(crashed, kEventsSql), Rows(clean, kEventsSql));
  EXPECT_EQ(Count(crashed, "mentions"), Count(clean, "mentions"));  // no duplicates
  EXPECT_EQ(Rows(crashed, kDailyEventsSql), Rows(clean, kDailyEventsSql));

  RemoveDb(clean);
  RemoveDb(crashed);
  std::remove(input.c_str());
}

}  // namespace
