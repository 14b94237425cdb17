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

}  // namespace eventcoder
