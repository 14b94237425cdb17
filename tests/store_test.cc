// The eventcoder store as a user loads and queries it, on SQLite and on PostgreSQL (one
// schema, one loader): events are GDELT-style one-a-day rows with mention, article and
// outlet counts; re-loading is idempotent; an unfinished batch is rolled back; both
// databases give the same `query` answers for the same stories.
//
// The PostgreSQL cases need a server: run the suite under scripts/with-postgres.sh (the
// README's `make test` does), which sets EVENTCODER_TEST_PG; without it they are skipped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "query/query.h"
#include "store/postgres_connection.h"
#include "store/sqlite_connection.h"
#include "write/postgres_sink.h"
#include "write/sqlite_sink.h"

namespace eventcoder {
namespace {

using Rows = std::vector<std::vector<std::string>>;

const char* PgUri() {
  const char* uri = std::getenv("EVENTCODER_TEST_PG");
  return uri && *uri ? uri : nullptr;
}

constexpr const char* kNoPg =
    "EVENTCODER_TEST_PG is not set: PostgreSQL store not tested (run the tests under "
    "scripts/with-postgres.sh, as `make test` does)";

std::string TestName() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "_" + info->name();
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
  return out;
}

// A fresh, empty database of one kind, unique to the running test.
class Db {
 public:
  // kind: "sqlite" or "postgres". ok() is false (and why() says why) when it cannot be made.
  explicit Db(const std::string& kind) : kind_(kind) {
    std::string name = TestName() + "_" + std::to_string(getpid());
    if (kind == "sqlite") {
      uri_ = ::testing::TempDir() + "/eventcoder_store_" + name + ".db";
      for (const char* suffix : {"", "-wal", "-shm"}) std::remove((uri_ + suffix).c_str());
      ok_ = true;
      return;
    }
    const char* base = PgUri();
    if (base == nullptr) {
      why_ = kNoPg;
      return;
    }
    // A schema per test: ctest runs the tests in parallel processes on one server.
    auto conn = PostgresConnection::Open(base);
    if (!conn.ok()) {
      why_ = conn.status().message();
      return;
    }
    // PostgreSQL cuts identifiers at 63 bytes: keep the name short and unique.
    std::string schema = "t_" + std::to_string(getpid()) + "_" +
                         std::to_string(std::hash<std::string>()(name) % 1000000007);
    Status st =
        (*conn)->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema,
                      "creating test schema");
    if (!st.ok()) {
      why_ = st.message();
      return;
    }
    std::string b = base;
    uri_ = b + (b.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
    ok_ = true;
  }

  bool ok() const { return ok_; }
  const std::string& why() const { return why_; }
  const std::string& uri() const { return uri_; }

  StatusOr<std::unique_ptr<StoreSink>> Open(WriterOptions wo = {}) const {
    if (kind_ == "sqlite") {
      auto s = SqliteSink::Open(uri_, wo);
      if (!s.ok()) return s.status();
      return std::unique_ptr<StoreSink>(std::move(*s));
    }
    auto s = PostgresSink::Open(uri_, wo);
    if (!s.ok()) return s.status();
    return std::unique_ptr<StoreSink>(std::move(*s));
  }

  bool is_sqlite() const { return kind_ == "sqlite"; }

  // Runs `sql` with a read-write connection of its own.
  Status Exec(const std::string& sql) const {
    if (kind_ == "sqlite") {
      auto c = SqliteConnection::Open(uri_, SqliteConnection::Mode::kReadWrite);
      if (!c.ok()) return c.status();
      return (*c)->Exec(sql, "test setup");
    }
    auto c = PostgresConnection::Open(uri_);
    if (!c.ok()) return c.status();
    return (*c)->Exec(sql, "test setup");
  }

  Rows Query(const std::string& sql) const {
    auto rows = kind_ == "sqlite" ? SqliteSink::Query(uri_, sql) : PostgresSink::Query(uri_, sql);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? *rows : Rows{};
  }
  std::string One(const std::string& sql) const {
    Rows r = Query(sql);
    return r.size() == 1 && r[0].size() == 1 ? r[0][0] : "<" + std::to_string(r.size()) + " rows>";
  }

 private:
  std::string kind_;
  std::string uri_;
  std::string why_;
  bool ok_ = false;
};

Story MakeStory(const std::string& id, int date, const std::string& outlet) {
  Story s;
  s.id = id;
  s.date = date;
  s.source = outlet;
  s.url = "https://example.org/" + id;
  s.text = "Story " + id + ".";
  return s;
}

Event MakeEvent(const Story& story, int sentence, const std::string& src, const std::string& tgt,
                const std::string& code, size_t verb_at = 0) {
  Event e;
  e.story_id = story.id;
  e.sentence = sentence;
  e.date = story.date;
  e.source_code = src;
  e.target_code = tgt;
  e.cameo = code;
  e.source_text = src;
  e.target_text = tgt;
  e.verb_text = "verb";
  e.text = "The sentence.";
  e.verb_spans = {{verb_at, verb_at + 4}};
  e.id = StableEventId(e);
  return e;
}

struct Load {
  Story story;
  std::vector<Event> events;
};

// Two outlets report Egypt condemning Israel on the same day (AFP twice in one story):
// one event with 3 mentions, 2 articles, 2 outlets. Reuters also reports Qatar praising
// Egypt, and a later day has Israel threatening Egypt. A last story has no events.
std::vector<Load> SmallStorySet() {
  std::vector<Load> loads;
  Story a = MakeStory("reuters-1", 20260214, "Reuters");
  loads.push_back(
      {a, {MakeEvent(a, 0, "EGYGOV", "ISR", "111"), MakeEvent(a, 1, "QAT", "EGY", "051")}});
  Story b = MakeStory("afp-1", 20260214, "AFP");
  loads.push_back(
      {b, {MakeEvent(b, 0, "EGYGOV", "ISR", "111"), MakeEvent(b, 2, "EGYGOV", "ISR", "111", 40)}});
  Story c = MakeStory("afp-2", 20260221, "AFP");
  loads.push_back(
      {c, {MakeEvent(c, 0, "ISRMIL", "EGY", "138"), MakeEvent(c, 1, "EGY", "ISR", "903")}});
  loads.push_back({MakeStory("ap-1", 20260222, "AP"), {}});
  return loads;
}

Status LoadAll(const Db& db, const std::vector<Load>& loads, WriterOptions wo = {}) {
  auto sink = db.Open(wo);
  if (!sink.ok()) return sink.status();
  for (const Load& l : loads) EVENTCODER_RETURN_IF_ERROR(WriteStory(**sink, l.story, l.events));
  return (*sink)->Finish();
}

constexpr const char* kEventsDump =
    "SELECT event_key, date, source_code, target_code, cameo, root, quad_class, goldstein, "
    "num_mentions, num_sources, num_articles, first_story_id, first_sentence, place_name, "
    "place_level, country_iso2, country_iso3, admin1, lat, lon FROM events ORDER BY event_key";

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Db>(GetParam());
    if (!db_->ok()) GTEST_SKIP() << db_->why();
  }
  std::unique_ptr<Db> db_;
};

TEST_P(StoreTest, RepeatedEventAcrossOutletsIsOneEventWithCounts) {
  ASSERT_TRUE(LoadAll(*db_, SmallStorySet()).ok());
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM stories"), "4");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM mentions"), "6");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM events"), "4");
  Rows r = db_->Query(
      "SELECT date, num_mentions, num_articles, num_sources, first_story_id, first_sentence, "
      "root, quad_class, goldstein FROM events WHERE source_code = 'EGYGOV'");
  ASSERT_EQ(r.size(), 1u);
  // First by story date, then story id: afp-1 sorts before reuters-1.
  EXPECT_EQ(r[0],
            (std::vector<std::string>{"2026-02-14", "3", "2", "2", "afp-1", "0", "11", "3", "-2"}));
  r = db_->Query("SELECT num_mentions, num_articles, num_sources FROM events WHERE cameo = '051'");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], (std::vector<std::string>{"1", "1", "1"}));
  // A code outside CAMEO has no root, quad class 0 and no Goldstein weight.
  r = db_->Query("SELECT root, quad_class, goldstein FROM events WHERE cameo = '903'");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], (std::vector<std::string>{"", "0", ""}));
  // Each mention points at its event.
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM mentions m JOIN events e ON e.event_key = "
                     "m.event_key WHERE e.source_code = 'EGYGOV'"),
            "3");
}

TEST_P(StoreTest, ReloadingIsIdempotent) {
  ASSERT_TRUE(LoadAll(*db_, SmallStorySet()).ok());
  Rows events = db_->Query(kEventsDump);
  Rows mentions = db_->Query("SELECT id, event_key, story_id, sentence FROM mentions ORDER BY id");
  ASSERT_TRUE(LoadAll(*db_, SmallStorySet(), WriterOptions{.batch_stories = 1}).ok());
  EXPECT_EQ(db_->Query(kEventsDump), events);
  EXPECT_EQ(db_->Query("SELECT id, event_key, story_id, sentence FROM mentions ORDER BY id"),
            mentions);
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM stories"), "4");
}

TEST_P(StoreTest, ReloadingAChangedStoryRecomputesItsEvents) {
  ASSERT_TRUE(LoadAll(*db_, SmallStorySet()).ok());
  // AFP's story now codes nothing: the shared event keeps only Reuters' mention.
  std::vector<Load> again = {{MakeStory("afp-1", 20260214, "AFP"), {}}};
  ASSERT_TRUE(LoadAll(*db_, again).ok());
  Rows r = db_->Query(
      "SELECT num_mentions, num_articles, num_sources, first_story_id FROM events "
      "WHERE source_code = 'EGYGOV'");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], (std::vector<std::string>{"1", "1", "1", "reuters-1"}));
  // Reuters' story now has a different code: the old event goes, a new one comes.
  Story a = MakeStory("reuters-1", 20260214, "Reuters");
  again = {{a, {MakeEvent(a, 0, "EGYGOV", "ISR", "112")}}};
  ASSERT_TRUE(LoadAll(*db_, again).ok());
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM events WHERE cameo = '111'"), "0");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM events WHERE cameo = '051'"), "0");
  EXPECT_EQ(db_->One("SELECT num_mentions FROM events WHERE cameo = '112'"), "1");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM mentions"), "3");
}

TEST_P(StoreTest, UnfinishedBatchIsRolledBackAndARerunCompletesIt) {
  std::vector<Load> loads = SmallStorySet();
  {
    auto sink = db_->Open(WriterOptions{.batch_stories = 2});
    ASSERT_TRUE(sink.ok()) << sink.status().message();
    for (size_t i = 0; i < 3; ++i) {
      ASSERT_TRUE(WriteStory(**sink, loads[i].story, loads[i].events).ok());
    }
    // Destroyed without Finish, like a killed run: the third story's batch is lost.
  }
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM stories"), "2");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM mentions"), "4");
  EXPECT_EQ(db_->One("SELECT num_mentions FROM events WHERE source_code = 'EGYGOV'"), "3");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM events WHERE date = '2026-02-21'"), "0");
  ASSERT_TRUE(LoadAll(*db_, loads).ok());
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM stories"), "4");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM mentions"), "6");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM events"), "4");
}

TEST_P(StoreTest, LocationIsStoredOnMentionAndEvent) {
  Story s = MakeStory("loc-1", 20260214, "Reuters");
  Event unplaced = MakeEvent(s, 0, "IRN", "QAT", "040");
  Event placed = MakeEvent(s, 1, "IRN", "QAT", "040");
  Place doha;
  doha.name = "Doha";
  doha.level = "city";
  doha.country_iso2 = "QA";
  doha.country_iso3 = "QAT";
  doha.admin1 = "Baladiyat ad Dawhah";
  doha.lat = 25.28545;
  doha.lon = 51.53096;
  placed.location = doha;
  ASSERT_TRUE(LoadAll(*db_, {{s, {unplaced, placed}}}).ok());
  Rows r = db_->Query(
      "SELECT place_name, place_level, country_iso2, country_iso3, admin1, lat, lon, "
      "first_sentence FROM events");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], (std::vector<std::string>{"Doha", "city", "QA", "QAT", "Baladiyat ad Dawhah",
                                            "25.28545", "51.53096", "0"}));
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM mentions WHERE place_name IS NULL"), "1");
  EXPECT_EQ(db_->One("SELECT lat FROM mentions WHERE place_name = 'Doha'"), "25.28545");
}

TEST_P(StoreTest, HostileTextIsStored) {
  Story s = MakeStory("bad\xff-1", 20260214, std::string("Out\0let", 7));
  static const char kText[] = "nul \0 and bad \xc3\x28 bytes";
  s.text = std::string(kText, sizeof kText - 1);
  Event e = MakeEvent(s, 0, "EGY", "ISR", "111");
  e.text = s.text;
  ASSERT_TRUE(LoadAll(*db_, {{s, {e}}}).ok());
  EXPECT_EQ(db_->One("SELECT source FROM stories"), "Out\xEF\xBF\xBDlet");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM mentions"), "1");
  // Loading it again still finds (and replaces) it.
  ASSERT_TRUE(LoadAll(*db_, {{s, {e}}}).ok());
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM mentions"), "1");
}

TEST_P(StoreTest, AFailedWriteNamesTheDatabaseAndWhatFailed) {
  ASSERT_TRUE(LoadAll(*db_, SmallStorySet()).ok());
  // The database refuses code 999 from now on.
  ASSERT_TRUE(db_->Exec(db_->is_sqlite()
                            ? "CREATE TRIGGER no999 BEFORE INSERT ON mentions WHEN "
                              "NEW.cameo = '999' BEGIN SELECT RAISE(ABORT, 'code 999 refused'); END"
                            : "ALTER TABLE mentions ADD CONSTRAINT no999 CHECK (cameo <> '999')")
                  .ok());
  Story s = MakeStory("refused-1", 20260301, "AP");
  auto sink = db_->Open();
  ASSERT_TRUE(sink.ok());
  // PostgreSQL pipelines the insert, so the error may come with a later call.
  Status st = WriteStory(**sink, s, std::vector<Event>{MakeEvent(s, 0, "EGY", "ISR", "999")});
  if (st.ok()) st = (*sink)->Finish();
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("writing mention"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find(db_->is_sqlite() ? db_->uri() : "127.0.0.1"), std::string::npos)
      << st.message();
  sink->reset();
  // Nothing of the failed batch was kept.
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM stories WHERE id = 'refused-1'"), "0");
  EXPECT_EQ(db_->One("SELECT COUNT(*) FROM mentions"), "6");
}

TEST_P(StoreTest, QueryCountsByPeriodAndFilter) {
  ASSERT_TRUE(LoadAll(*db_, SmallStorySet()).ok());
  auto reader = OpenStoreReader(db_->uri());
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  auto csv = [&](const EventFilter& f, Period p) {
    auto days = (*reader)->CountByDay(f);
    EXPECT_TRUE(days.ok()) << days.status().message();
    std::ostringstream out;
    if (days.ok()) WriteCsv(out, Aggregate(*days, p));
    return out.str();
  };
  EventFilter egy;
  egy.country = "EGY";
  EXPECT_EQ(csv(egy, Period::kWeek),
            "period,events,mentions,goldstein_sum,cooperation,conflict\n"
            "2026-02-09,2,4,1.4,1,1\n"
            "2026-02-16,2,2,-7.0,0,1\n");
  EventFilter dyad;
  dyad.source = "ISR";
  dyad.target = "EGY";
  EXPECT_EQ(csv(dyad, Period::kMonth),
            "period,events,mentions,goldstein_sum,cooperation,conflict\n"
            "2026-02,1,1,-7.0,0,1\n");
  EventFilter codes;
  ASSERT_TRUE(ParseCodeRange("110-112", &codes).ok());
  EXPECT_EQ(csv(codes, Period::kDay),
            "period,events,mentions,goldstein_sum,cooperation,conflict\n"
            "2026-02-14,1,3,-2.0,0,1\n");
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

// The same stories in both databases give the same `query` answers and the same events.
TEST(CrossStore, SqliteAndPostgresAgree) {
  Db lite("sqlite"), pg("postgres");
  ASSERT_TRUE(lite.ok());
  if (!pg.ok()) GTEST_SKIP() << pg.why();
  std::vector<Load> loads = SmallStorySet();
  // More days, outlets and codes, so that weeks and months have something to sum.
  const char* codes[] = {"051", "111", "138", "903", "190", "195", "057", "042"};
  for (int i = 0; i < 40; ++i) {
    int day = 20260101 + (i % 28) + 100 * (i % 3);
    Story s = MakeStory("bulk-" + std::to_string(i), day, i % 2 ? "AFP" : "Reuters");
    std::vector<Event> ev;
    for (int k = 0; k < 1 + i % 3; ++k) {
      ev.push_back(MakeEvent(s, k, k % 2 ? "ISR" : "EGYGOV", k % 2 ? "EGY" : "ISRMIL",
                             codes[(i + k) % 8], static_cast<size_t>(k * 10)));
    }
    loads.push_back({s, ev});
  }
  ASSERT_TRUE(LoadAll(lite, loads, WriterOptions{.batch_stories = 7}).ok());
  ASSERT_TRUE(LoadAll(pg, loads, WriterOptions{.batch_stories = 5}).ok());
  EXPECT_EQ(lite.Query(kEventsDump), pg.Query(kEventsDump));

  auto lite_reader = OpenStoreReader(lite.uri());
  auto pg_reader = OpenStoreReader(pg.uri());
  ASSERT_TRUE(lite_reader.ok()) << lite_reader.status().message();
  ASSERT_TRUE(pg_reader.ok()) << pg_reader.status().message();
  std::vector<EventFilter> filters(5);
  filters[1].country = "EGY";
  filters[2].source = "ISR";
  filters[2].target = "EGY";
  ASSERT_TRUE(ParseCodeRange("19", &filters[3]).ok());
  ASSERT_TRUE(ParseCodeRange("050-111", &filters[4]).ok());
  filters[4].from_date = "2026-02-01";
  for (const EventFilter& f : filters) {
    auto a = (*lite_reader)->CountByDay(f);
    auto b = (*pg_reader)->CountByDay(f);
    ASSERT_TRUE(a.ok() && b.ok());
    for (Period p : {Period::kDay, Period::kWeek, Period::kMonth}) {
      std::ostringstream x, y;
      WriteCsv(x, Aggregate(*a, p));
      WriteCsv(y, Aggregate(*b, p));
      EXPECT_EQ(x.str(), y.str()) << PeriodName(p) << " " << f.country << f.source << f.code_from;
      EXPECT_GT(x.str().size(), 60u);
    }
  }
}

TEST(PostgresStore, ErrorsNameTheDatabaseWithoutPassword) {
  auto sink = PostgresSink::Open("postgresql://someone:hunter2@127.0.0.1:1/nodb");
  ASSERT_FALSE(sink.ok());
  EXPECT_NE(sink.status().message().find("postgresql://someone:***@127.0.0.1:1/nodb"),
            std::string::npos)
      << sink.status().message();
  EXPECT_EQ(sink.status().message().find("hunter2"), std::string::npos);
  EXPECT_NE(sink.status().message().find("cannot connect"), std::string::npos);
}

}  // namespace
}  // namespace eventcoder
