#include "write/sqlite_sink.h"

#include <sqlite3.h>

#include <cmath>

#include "write/event_record.h"
#include "write/json_util.h"

namespace eventcoder {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS stories(
  id TEXT PRIMARY KEY,
  date TEXT,
  source TEXT,
  url TEXT,
  text TEXT);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories(id),
  sentence INTEGER,
  date TEXT,
  source_code TEXT,
  target_code TEXT,
  cameo TEXT,
  root TEXT,
  quad_class INTEGER,
  goldstein REAL,
  source_text TEXT,
  target_text TEXT,
  verb_text TEXT,
  text TEXT,
  spans_json TEXT,
  why_json TEXT);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_code, target_code);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE INDEX IF NOT EXISTS events_story ON events(story_id);
)sql";

constexpr const char* kUpsertStory =
    "INSERT INTO stories(id, date, source, url, text) VALUES(?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT(id) DO UPDATE SET date = excluded.date, source = excluded.source, "
    "url = excluded.url, text = excluded.text";

constexpr const char* kDeleteEvents = "DELETE FROM events WHERE story_id = ?1";

constexpr const char* kInsertEvent =
    "INSERT INTO events(story_id, sentence, date, source_code, target_code, cameo, root, "
    "quad_class, goldstein, source_text, target_text, verb_text, text, spans_json, why_json) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

int BindText(sqlite3_stmt* st, int i, const std::string& s) {
  return sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

// Runs a prepared statement that returns no rows, then resets it.
int StepDone(sqlite3_stmt* st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

std::string DbError(const std::string& path, const char* what, sqlite3* db) {
  return path + ": sqlite: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}

}  // namespace

SqliteSink::SqliteSink(std::string path, WriterOptions options, sqlite3* db)
    : path_(std::move(path)), options_(options), db_(db) {
  if (options_.batch_stories < 1) options_.batch_stories = 1;
}

StatusOr<std::unique_ptr<SqliteSink>> SqliteSink::Open(const std::string& path,
                                                       WriterOptions options) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    Status st = Status::Internal(DbError(path, "cannot open database", db));
    sqlite3_close(db);
    return st;
  }
  std::unique_ptr<SqliteSink> sink(new SqliteSink(path, options, db));
  Status st = sink->Init();
  if (!st.ok()) return st;
  return sink;
}

Status SqliteSink::Error(const char* what) const {
  return Status::Internal(DbError(path_, what, db_));
}

Status SqliteSink::Exec(const char* sql, const char* what) {
  char* msg = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &msg);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string m = path_ + ": sqlite: " + what + ": " + (msg ? msg : sqlite3_errstr(rc));
  sqlite3_free(msg);
  return Status::Internal(m);
}

Status SqliteSink::Init() {
  sqlite3_busy_timeout(db_, 5000);
  sqlite3_extended_result_codes(db_, 1);
  EVENTCODER_RETURN_IF_ERROR(Exec("PRAGMA journal_mode = WAL", "setting WAL mode"));
  EVENTCODER_RETURN_IF_ERROR(Exec("PRAGMA synchronous = NORMAL", "setting synchronous"));
  EVENTCODER_RETURN_IF_ERROR(Exec("PRAGMA foreign_keys = ON", "enabling foreign keys"));
  EVENTCODER_RETURN_IF_ERROR(Exec(kSchema, "creating schema"));
  if (sqlite3_prepare_v2(db_, kUpsertStory, -1, &upsert_story_, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, kDeleteEvents, -1, &delete_events_, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, kInsertEvent, -1, &insert_event_, nullptr) != SQLITE_OK) {
    return Error("preparing statements (is this an eventcoder database?)");
  }
  return Status::Ok();
}

SqliteSink::~SqliteSink() {
  if (db_ == nullptr) return;
  if (in_transaction_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_finalize(upsert_story_);
  sqlite3_finalize(delete_events_);
  sqlite3_finalize(insert_event_);
  sqlite3_close(db_);
}

Status SqliteSink::Commit() {
  if (!in_transaction_) return Status::Ok();
  in_transaction_ = false;
  stories_in_batch_ = 0;
  return Exec("COMMIT", "committing");
}

Status SqliteSink::BeginStory(const Story& story) {
  if (finished_) return Status::Internal(path_ + ": sqlite: BeginStory after Finish");
  if (!in_transaction_) {
    EVENTCODER_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE", "beginning transaction"));
    in_transaction_ = true;
  }
  std::string id = ValidUtf8(story.id);
  std::string date = IsoDate(story.date);
  std::string source = ValidUtf8(story.source);
  std::string url = ValidUtf8(story.url);
  std::string text = ValidUtf8(story.text);
  BindText(upsert_story_, 1, id);
  BindText(upsert_story_, 2, date);
  BindText(upsert_story_, 3, source);
  BindText(upsert_story_, 4, url);
  BindText(upsert_story_, 5, text);
  if (StepDone(upsert_story_) != SQLITE_OK) return Error("writing story");
  BindText(delete_events_, 1, id);
  if (StepDone(delete_events_) != SQLITE_OK) return Error("replacing events");
  story_open_ = true;
  current_story_ = story.id;
  return Status::Ok();
}

Status SqliteSink::Write(const Story& story, const Event& event) {
  if (!story_open_ || current_story_ != story.id) {
    EVENTCODER_RETURN_IF_ERROR(BeginStory(story));
  }
  EventRecord r = MakeEventRecord(story, event);
  // The row belongs to the story being written, whatever the event says, so that replacing
  // a story replaces all of its rows.
  std::string story_id = ValidUtf8(story.id);
  sqlite3_stmt* st = insert_event_;
  BindText(st, 1, story_id);
  sqlite3_bind_int(st, 2, r.sentence);
  BindText(st, 3, r.date);
  BindText(st, 4, r.source_code);
  BindText(st, 5, r.target_code);
  BindText(st, 6, r.cameo);
  BindText(st, 7, r.root);
  sqlite3_bind_int(st, 8, r.quad_class);
  if (std::isfinite(r.goldstein)) {
    sqlite3_bind_double(st, 9, r.goldstein);
  } else {
    sqlite3_bind_null(st, 9);
  }
  BindText(st, 10, r.source_text);
  BindText(st, 11, r.target_text);
  BindText(st, 12, r.verb_text);
  BindText(st, 13, r.text);
  BindText(st, 14, SpansJson(event));
  BindText(st, 15, WhyJson(event));
  if (StepDone(st) != SQLITE_OK) return Error("writing event");
  return Status::Ok();
}

Status SqliteSink::EndStory(const Story& story) {
  if (!story_open_ || current_story_ != story.id) {
    // A story that was never begun (no BeginStory, no events): record it anyway.
    EVENTCODER_RETURN_IF_ERROR(BeginStory(story));
  }
  story_open_ = false;
  if (++stories_in_batch_ >= options_.batch_stories) return Commit();
  return Status::Ok();
}

Status SqliteSink::Finish() {
  if (finished_) return Status::Internal(path_ + ": sqlite: Finish called twice");
  finished_ = true;
  EVENTCODER_RETURN_IF_ERROR(Commit());
  // Fold the WAL back into the main file so the database is one self-contained file.
  return Exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpointing");
}

StatusOr<std::vector<std::vector<std::string>>> SqliteSink::Query(const std::string& path,
                                                                  const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    Status st = Status::NotFound(DbError(path, "cannot open database", db));
    sqlite3_close(db);
    return st;
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    Status s = Status::InvalidArgument(DbError(path, "preparing query", db));
    sqlite3_close(db);
    return s;
  }
  std::vector<std::vector<std::string>> rows;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::vector<std::string> row;
    int n = sqlite3_column_count(st);
    for (int i = 0; i < n; ++i) {
      const unsigned char* text = sqlite3_column_text(st, i);
      int len = sqlite3_column_bytes(st, i);
      row.emplace_back(text ? reinterpret_cast<const char*>(text) : "",
                       text ? static_cast<size_t>(len) : 0);
    }
    rows.push_back(std::move(row));
  }
  Status result =
      rc == SQLITE_DONE ? Status::Ok() : Status::Internal(DbError(path, "running query", db));
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (!result.ok()) return result;
  return rows;
}

}  // namespace eventcoder
