#include "write/sqlite_sink.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace eventcoder {
namespace {

class SqliteSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "evc_sqlite_XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    ASSERT_NE(mkdtemp(buf.data()), nullptr);
    dir_ = buf.data();
    path_ = dir_ + "/events.db";
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::string Scalar(const std::string& sql) {
    auto rows = SqliteSink::Query(path_, sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    if (!rows.ok() || rows->empty() || rows->front().empty()) return "<none>";
    return rows->front().front();
  }

  static Story MakeStory(const std::string& id, int date) {
    Story s;
    s.id = id;
    s.date = date;
    s.text = "Story " + id + " text.";
    s.source = "Wire";
    s.url = "https://example.org/" + id;
    return s;
  }

  static Event MakeEvent(const std::string& cameo, const std::string& src, const std::string& tgt) {
    Event e;
    e.cameo = cameo;
    e.source_code = src;
    e.target_code = tgt;
    e.source_text = src;
    e.target_text = tgt;
    e.verb_text = "verb";
    e.text = "A sentence with \xE2\x80\x99 and \xFF.";
    e.source_spans = {{0, 3}};
    e.why = {{"verb", "verbs.txt", 12, "MEET"}};
    return e;
  }

  // Writes stories s0..s(n-1) with two events each (one for the last story when `changed`).
  Status WriteRun(int n, bool changed, size_t batch) {
    WriterOptions opt;
    opt.batch_stories = batch;
    auto sink = SqliteSink::Open(path_, opt);
    if (!sink.ok()) return sink.status();
    for (int i = 0; i < n; ++i) {
      Story s = MakeStory("s" + std::to_string(i), 20260210 + i);
      std::vector<Event> events = {MakeEvent("044", "IRNGOV", "PSEREB"),
                                   MakeEvent("195", "ISRMIL", "PSE")};
      if (changed && i == n - 1) events = {MakeEvent("111", "FRAGOV", "RUSGOV")};
      EVENTCODER_RETURN_IF_ERROR(WriteStory(**sink, s, events));
    }
    return (*sink)->Finish();
  }

  std::string dir_;
  std::string path_;
};

TEST_F(SqliteSinkTest, WritesSchemaAndRows) {
  ASSERT_TRUE(WriteRun(3, false, 2).ok());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM stories"), "3");
  // Each story has its own date, so every mention is its own event.
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM mentions"), "6");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM events"), "6");
  EXPECT_EQ(Scalar("PRAGMA journal_mode"), "wal");
  auto idx = SqliteSink::Query(path_,
                               "SELECT name FROM sqlite_master WHERE type='index' AND "
                               "name NOT LIKE 'sqlite_%' ORDER BY name");
  ASSERT_TRUE(idx.ok());
  std::vector<std::string> names;
  for (auto& r : *idx) names.push_back(r[0]);
  EXPECT_EQ(names, (std::vector<std::string>{"events_cameo", "events_date", "events_dyad",
                                             "mentions_cameo", "mentions_date", "mentions_dyad",
                                             "mentions_event"}));
  auto row = SqliteSink::Query(
      path_,
      "SELECT m.story_id, m.date, m.cameo, e.root, e.quad_class, e.goldstein, m.spans_json, "
      "m.why_json, m.text, e.num_mentions, e.first_story_id FROM mentions m JOIN events e ON "
      "e.event_key = m.event_key WHERE m.cameo = '195' AND m.story_id = 's1'");
  ASSERT_TRUE(row.ok());
  ASSERT_EQ(row->size(), 1u);
  const std::vector<std::string>& r = row->front();
  EXPECT_EQ(r[0], "s1");
  EXPECT_EQ(r[1], "2026-02-11");
  EXPECT_EQ(r[3], "19");
  EXPECT_EQ(r[4], "4");
  EXPECT_EQ(r[5], "-10");
  EXPECT_EQ(r[6], "{\"source\":[[0,3]],\"target\":[],\"verb\":[]}");
  EXPECT_EQ(r[7], "[{\"role\":\"verb\",\"file\":\"verbs.txt\",\"line\":12,\"entry\":\"MEET\"}]");
  EXPECT_EQ(r[8], "A sentence with \xE2\x80\x99 and \xEF\xBF\xBD.");
  EXPECT_EQ(r[9], "1");
  EXPECT_EQ(r[10], "s1");
  EXPECT_EQ(Scalar("SELECT date || '|' || source || '|' || url FROM stories WHERE id='s2'"),
            "2026-02-12|Wire|https://example.org/s2");
}

TEST_F(SqliteSinkTest, RerunIsIdempotentAndReplacesChangedStories) {
  ASSERT_TRUE(WriteRun(5, false, 2).ok());
  ASSERT_TRUE(WriteRun(5, false, 1000).ok());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM stories"), "5");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM mentions"), "10");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM events"), "10");
  EXPECT_EQ(Scalar("SELECT MAX(num_mentions) FROM events"), "1");
  // The last story now codes to a single, different event.
  ASSERT_TRUE(WriteRun(5, true, 3).ok());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM stories"), "5");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM mentions"), "9");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM events"), "9");
  EXPECT_EQ(Scalar("SELECT group_concat(cameo) FROM mentions WHERE story_id = 's4'"), "111");
  EXPECT_EQ(Scalar("SELECT group_concat(cameo) FROM events WHERE first_story_id = 's4'"), "111");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM mentions WHERE story_id = 's3'"), "2");
}

TEST_F(SqliteSinkTest, StoryWithoutEventsClearsOldEvents) {
  ASSERT_TRUE(WriteRun(2, false, 10).ok());
  auto sink = SqliteSink::Open(path_);
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE(WriteStory(**sink, MakeStory("s0", 20260210), {}).ok());
  ASSERT_TRUE((*sink)->Finish().ok());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM mentions WHERE story_id = 's0'"), "0");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM events WHERE first_story_id = 's0'"), "0");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM events"), "2");
}

TEST_F(SqliteSinkTest, NonCameoCodeStoresNullGoldstein) {
  auto sink = SqliteSink::Open(path_);
  ASSERT_TRUE(sink.ok());
  Story s = MakeStory("x", 20260101);
  ASSERT_TRUE(WriteStory(**sink, s, std::vector<Event>{MakeEvent("903", "A", "B")}).ok());
  ASSERT_TRUE((*sink)->Finish().ok());
  EXPECT_EQ(Scalar("SELECT goldstein IS NULL AND quad_class = 0 AND root = '' FROM events"), "1");
}

TEST_F(SqliteSinkTest, UnfinishedBatchIsRolledBack) {
  {
    WriterOptions opt;
    opt.batch_stories = 2;
    auto sink = SqliteSink::Open(path_, opt);
    ASSERT_TRUE(sink.ok());
    for (int i = 0; i < 3; ++i) {
      Story s = MakeStory("s" + std::to_string(i), 20260210);
      ASSERT_TRUE(WriteStory(**sink, s, std::vector<Event>{MakeEvent("044", "A", "B")}).ok());
    }
    // Destroyed without Finish(): the first batch (2 stories) is committed, the third is not.
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM stories"), "2");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM mentions"), "2");
  // Same day, dyad and code: one event, mentioned by the two committed stories.
  EXPECT_EQ(Scalar("SELECT COUNT(*) || '|' || MAX(num_mentions) FROM events"), "1|2");
}

TEST_F(SqliteSinkTest, ErrorsNameThePath) {
  std::string bad = dir_ + "/no/such/dir/events.db";
  auto sink = SqliteSink::Open(bad);
  ASSERT_FALSE(sink.ok());
  EXPECT_EQ(sink.status().code(), StatusCode::kInternal);
  EXPECT_NE(sink.status().message().find(bad), std::string::npos) << sink.status().message();

  // A file that is not a database.
  std::string junk = dir_ + "/junk.db";
  FILE* f = std::fopen(junk.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("this is not an sqlite database, just some text that is long enough......", f);
  std::fclose(f);
  auto sink2 = SqliteSink::Open(junk);
  ASSERT_FALSE(sink2.ok());
  EXPECT_NE(sink2.status().message().find(junk), std::string::npos);

  auto q = SqliteSink::Query(dir_ + "/missing.db", "SELECT 1");
  EXPECT_EQ(q.status().code(), StatusCode::kNotFound);
}

TEST_F(SqliteSinkTest, ReopenKeepsRows) {
  {
    auto sink = SqliteSink::Open(path_);
    ASSERT_TRUE(sink.ok());
    ASSERT_TRUE((*sink)->Finish().ok());
  }
  ASSERT_TRUE(WriteRun(1, false, 1).ok());
  auto again = SqliteSink::Open(path_);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE((*again)->Finish().ok());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM events"), "2");
}

TEST_F(SqliteSinkTest, WriteWithoutBeginStoryAndFinishTwice) {
  auto sink = SqliteSink::Open(path_);
  ASSERT_TRUE(sink.ok());
  Story s = MakeStory("lone", 20260301);
  Event e = MakeEvent("173", "PAKPOL", "PAKOPP");
  e.story_id = "something-else";  // the row still belongs to the story passed in
  ASSERT_TRUE((*sink)->Write(s, e).ok());
  ASSERT_TRUE((*sink)->EndStory(s).ok());
  ASSERT_TRUE((*sink)->Finish().ok());
  EXPECT_EQ((*sink)->Finish().code(), StatusCode::kInternal);
  EXPECT_EQ(Scalar("SELECT story_id FROM mentions"), "lone");
  EXPECT_EQ(Scalar("SELECT first_story_id || '|' || quad_class || '|' || goldstein FROM events"),
            "lone|4|-5.0");
}

}  // namespace
}  // namespace eventcoder
