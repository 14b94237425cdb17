// Calendar dates as yyyymmdd integers (e.g. 20260211), the form Story::date uses.
//
// ParseDate accepts exactly "YYYY-MM-DD" or "YYYYMMDD" (ASCII digits, year 0001-9999) and
// checks that the day exists (leap years per the Gregorian calendar, so 2024-02-29 is
// valid and 2026-02-30 is not). FormatDate (declared in eventcoder/story.h) is its inverse.
//
// Thread safety: pure functions.
#ifndef EVENTCODER_READ_DATE_H_
#define EVENTCODER_READ_DATE_H_

#include <string_view>

#include "base/status.h"
#include "eventcoder/story.h"

namespace eventcoder {

// The yyyymmdd value of `text`, or kInvalidArgument with a message saying what is wrong
// ("not a date (expected YYYY-MM-DD or YYYYMMDD)", "no such day", ...). The message does
// not name a file: callers wrap it with FormatError.
StatusOr<int> ParseDate(std::string_view text);

// True if year/month/day is a real Gregorian calendar day with year in 1..9999.
bool IsValidDate(int year, int month, int day);

}  // namespace eventcoder

#endif  // EVENTCODER_READ_DATE_H_
