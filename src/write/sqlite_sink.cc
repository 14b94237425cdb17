#include "write/sqlite_sink.h"

#include "store/sqlite_connection.h"

namespace eventcoder {

StatusOr<std::unique_ptr<SqliteSink>> SqliteSink::Open(const std::string& path,
                                                       WriterOptions options) {
  auto conn = SqliteConnection::Open(path, SqliteConnection::Mode::kReadWrite);
  if (!conn.ok()) return conn.status();
  std::unique_ptr<SqliteSink> sink(new SqliteSink(std::move(*conn), options));
  EVENTCODER_RETURN_IF_ERROR(sink->Init());
  return sink;
}

Status SqliteSink::Finish() {
  EVENTCODER_RETURN_IF_ERROR(StoreSink::Finish());
  // Fold the WAL back into the main file so the database is one self-contained file.
  return connection().Exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpointing");
}

StatusOr<std::vector<std::vector<std::string>>> SqliteSink::Query(const std::string& path,
                                                                  const std::string& sql) {
  auto conn = SqliteConnection::Open(path, SqliteConnection::Mode::kReadOnly);
  if (!conn.ok()) return conn.status();
  return QueryAsText(**conn, sql);
}

}  // namespace eventcoder
