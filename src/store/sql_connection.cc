#include "store/sql_connection.h"

#include <charconv>
#include <cmath>

namespace eventcoder {

SqlValue SqlValue::Real(double d) {
  SqlValue v;
  if (!std::isfinite(d)) return v;
  v.type = Type::kReal;
  v.real = d;
  return v;
}

Status SqlConnection::RunBatch(int statement, std::span<const std::vector<SqlValue>> param_sets,
                               std::vector<std::vector<SqlRow>>* results, const char* what) {
  results->assign(param_sets.size(), {});
  for (size_t i = 0; i < param_sets.size(); ++i) {
    EVENTCODER_RETURN_IF_ERROR(Run(statement, param_sets[i], &(*results)[i], what));
  }
  return Status::Ok();
}

std::string FormatReal(double d) {
  if (!std::isfinite(d)) return std::string();
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  if (ec != std::errc()) return std::string();
  return std::string(buf, end);
}

StatusOr<std::vector<std::vector<std::string>>> QueryAsText(SqlConnection& conn,
                                                            const std::string& sql) {
  std::vector<SqlRow> rows;
  EVENTCODER_RETURN_IF_ERROR(conn.Query(sql, {}, &rows, "running query"));
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
