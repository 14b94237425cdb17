// SqliteSink: writes stories and their events into an SQLite database (--db PATH), in the
// eventcoder store schema (src/store/schema.h: stories, events one row per distinct
// (date, source, target, cameo) with mention/article/source counts, mentions one row per
// coded instance), created if absent.
//
// Loading (see src/store/store_sink.h): idempotent by story id (a story loaded again
// replaces its mentions and the affected events are recomputed, so re-runs never
// duplicate rows or inflate counts); one transaction per WriterOptions::batch_stories
// stories (default 1000), committed at the EndStory that fills the batch and at Finish().
// Destroying the sink without Finish() (or a crash) rolls back only the open batch. The
// database is in WAL mode, so readers can query it while a run is writing; busy timeout
// 5 s. Finish() folds the WAL back into the database file.
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

#include "store/store_sink.h"

namespace eventcoder {

class SqliteSink : public StoreSink {
 public:
  // Opens (creating if needed) the database at `path` and its schema.
  static StatusOr<std::unique_ptr<SqliteSink>> Open(const std::string& path,
                                                    WriterOptions options = {});

  Status Finish() override;

  // Runs `sql` on the existing database at `path` (read-only) and returns every row, each
  // column as text (NULL as ""). For tests and tools.
  static StatusOr<std::vector<std::vector<std::string>>> Query(const std::string& path,
                                                               const std::string& sql);

 private:
  using StoreSink::StoreSink;
};

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_SQLITE_SINK_H_
