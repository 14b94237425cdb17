// PostgresSink: writes stories and their events into a PostgreSQL database
// (--db postgresql://... or postgres://...), in the same schema as the SQLite store
// (src/store/schema.h), created if absent. Connects through libpq; every statement is
// prepared once per connection.
//
// Loading behaves as SqliteSink's (src/store/store_sink.h): idempotent by story id, one
// transaction per WriterOptions::batch_stories stories; a crash or a sink destroyed
// without Finish() loses only the open batch (the server rolls it back when the
// connection closes). Writers to one database serialise their batches through a
// transaction-scoped advisory lock. To use a schema other than "public", add
// ?options=-csearch_path%3DNAME to the URI (the schema must exist).
//
// Errors: Status "<uri without password>: postgres: <what>: <server message>" (kNotFound
// when the server cannot be reached). After an error the sink must only be destroyed.
//
// Thread safety: one thread at a time (see event_sink.h). Not copyable.
#ifndef EVENTCODER_WRITE_POSTGRES_SINK_H_
#define EVENTCODER_WRITE_POSTGRES_SINK_H_

#include <memory>
#include <string>
#include <vector>

#include "store/store_sink.h"

namespace eventcoder {

class PostgresSink : public StoreSink {
 public:
  // Connects to `uri` and creates the schema when absent.
  static StatusOr<std::unique_ptr<PostgresSink>> Open(const std::string& uri,
                                                      WriterOptions options = {});

  // Runs `sql` on the database at `uri` and returns every row, each column as text (NULL
  // as ""). For tests and tools.
  static StatusOr<std::vector<std::vector<std::string>>> Query(const std::string& uri,
                                                               const std::string& sql);

 private:
  using StoreSink::StoreSink;
};

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_POSTGRES_SINK_H_
