// SqliteSink: writes stories and their events into an SQLite database (--db PATH).
//
// Schema (created if absent):
//   stories(id TEXT PRIMARY KEY, date TEXT "YYYY-MM-DD", source TEXT, url TEXT, text TEXT)
//   events(id INTEGER PRIMARY KEY, story_id TEXT REFERENCES stories(id), sentence INTEGER,
//          date TEXT, source_code TEXT, target_code TEXT, cameo TEXT, root TEXT,
//          quad_class INTEGER, goldstein REAL (NULL for a non-CAMEO code), source_text TEXT,
//          target_text TEXT, verb_text TEXT, text TEXT, spans_json TEXT, why_json TEXT)
//   indexes on events(date), events(source_code, target_code), events(cameo),
//   events(story_id).
// events.story_id is always the id of the Story passed to Write (not Event::story_id), so that
// replacing a story replaces all of its rows. spans_json and why_json hold the same JSON as the
// JSONL writer's "spans" and "why".
//
// Idempotent: BeginStory upserts the story row and deletes the story's old events, so
// coding the same stories again replaces their events instead of adding duplicates (and a
// story that now has no events keeps no events). Two stories with the same id in one run:
// the later one wins.
//
// Transactions: one per WriterOptions::batch_stories stories (default 1000), committed at
// the EndStory that fills the batch and at Finish(). Destroying the sink without Finish()
// rolls back the open batch (earlier batches stay committed). The database is in WAL mode,
// so readers can query it while a run is writing; busy timeout 5 s.
//
// Errors: Status "<path>: sqlite: <what>: <sqlite message>" (kInternal; kNotFound when
// Query() cannot open the file). After an error the sink must only be destroyed.
//
// Thread safety: one thread at a time (see event_sink.h). Not copyable.
#ifndef EVENTCODER_WRITE_SQLITE_SINK_H_
#define EVENTCODER_WRITE_SQLITE_SINK_H_

#include <memory>
#include <string>
#include <vector>

#include "write/event_sink.h"

struct sqlite3;
struct sqlite3_stmt;

namespace eventcoder {

class SqliteSink : public EventSink {
 public:
  // Opens (creating if needed) the database at `path` and its schema.
  static StatusOr<std::unique_ptr<SqliteSink>> Open(const std::string& path,
                                                    WriterOptions options = {});
  ~SqliteSink() override;

  Status BeginStory(const Story& story) override;
  // Begins the story implicitly when BeginStory was not called for it.
  Status Write(const Story& story, const Event& event) override;
  Status EndStory(const Story& story) override;
  Status Finish() override;

  // Runs `sql` on the existing database at `path` (read-only) and returns every row, each
  // column as text (NULL as ""). For tests and tools.
  static StatusOr<std::vector<std::vector<std::string>>> Query(const std::string& path,
                                                               const std::string& sql);

 private:
  SqliteSink(std::string path, WriterOptions options, sqlite3* db);
  Status Init();
  Status Exec(const char* sql, const char* what);
  Status Error(const char* what) const;
  Status Commit();

  std::string path_;
  WriterOptions options_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* upsert_story_ = nullptr;
  sqlite3_stmt* delete_events_ = nullptr;
  sqlite3_stmt* insert_event_ = nullptr;
  bool in_transaction_ = false;
  bool story_open_ = false;
  std::string current_story_;
  size_t stories_in_batch_ = 0;
  bool finished_ = false;
};

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_SQLITE_SINK_H_
