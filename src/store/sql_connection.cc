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

std::string FormatReal(double d) {
  if (!std::isfinite(d)) return std::string();
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  if (ec != std::errc()) return std::string();
  return std::string(buf, end);
}

}  // namespace eventcoder
