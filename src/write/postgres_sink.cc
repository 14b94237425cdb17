#include "write/postgres_sink.h"

#include "store/postgres_connection.h"

namespace eventcoder {

StatusOr<std::unique_ptr<PostgresSink>> PostgresSink::Open(const std::string& uri,
                                                           WriterOptions options) {
  auto conn = PostgresConnection::Open(uri);
  if (!conn.ok()) return conn.status();
  std::unique_ptr<PostgresSink> sink(new PostgresSink(std::move(*conn), options));
  EVENTCODER_RETURN_IF_ERROR(sink->Init());
  return sink;
}

StatusOr<std::vector<std::vector<std::string>>> PostgresSink::Query(const std::string& uri,
                                                                    const std::string& sql) {
  auto conn = PostgresConnection::Open(uri);
  if (!conn.ok()) return conn.status();
  return QueryAsText(**conn, sql);
}

}  // namespace eventcoder
