#include "read/date.h"

#include <cstdio>
#include <string>

namespace eventcoder {
namespace {

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max_day = kDays[month - 1];
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max_day = 29;
  return day <= max_day;
}

StatusOr<int> ParseDate(std::string_view text) {
  std::string_view y, m, d;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    y = text.substr(0, 4);
    m = text.substr(5, 2);
    d = text.substr(8, 2);
  } else if (text.size() == 8) {
    y = text.substr(0, 4);
    m = text.substr(4, 2);
    d = text.substr(6, 2);
  } else {
    return Status::InvalidArgument("not a date (expected YYYY-MM-DD or YYYYMMDD)");
  }
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) {
    return Status::InvalidArgument("not a date (expected YYYY-MM-DD or YYYYMMDD)");
  }
  int year = ToInt(y), month = ToInt(m), day = ToInt(d);
  if (year < 1) return Status::InvalidArgument("bad date: year 0000");
  if (month < 1 || month > 12)
    return Status::InvalidArgument("bad date: no month " + std::string(m));
  if (!IsValidDate(year, month, day)) return Status::InvalidArgument("bad date: no such day");
  return year * 10000 + month * 100 + day;
}

std::string FormatDate(int yyyymmdd) {
  int v = yyyymmdd < 0 ? 0 : yyyymmdd;
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", (v / 10000) % 10000, (v / 100) % 100, v % 100);
  return buf;
}

}  // namespace eventcoder
