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
  std::vector<SqlRow> rows;
  EVENTCODER_RETURN_IF_ERROR((*conn)->Query(sql, {}, &rows, "running query"));
  std::vector<std::vector<std::string>> out;
  out.reserve(rows.size());
  for (SqlRow& row : rows) {
    std::vector<std::string> r;
    r.reserve(row.size());
    for (auto& cell : row) r.push_back(cell ? std::move(*cell) : std::string());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace eventcoder
