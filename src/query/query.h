// The `eventcoder query` command's logic: event counts and Goldstein sums per day, week or
// month from an eventcoder store (SQLite file or PostgreSQL URI, schema of
// src/store/schema.h), for a country, a dyad or a CAMEO code range, as CSV or as an SVG
// time series (plot.h).
//
//   auto reader = OpenStoreReader("events.db");           // or "postgresql://..."
//   EventFilter f; f.country = "ISR";
//   auto days = (*reader)->CountByDay(f);
//   std::vector<PeriodRow> rows = Aggregate(*days, Period::kWeek);
//   WriteCsv(std::cout, rows);
//
// Counting is over the events table (one row per distinct date, source, target and code):
// `events` counts those rows, `mentions` sums their num_mentions, goldstein_sum sums their
// Goldstein weights (codes outside CAMEO add nothing), cooperation counts quad classes 1-2
// and conflict 3-4. Events without a date are left out.
//
// Errors: Status naming the database ("<db>: <sqlite|postgres>: <what>: <message>");
// kNotFound when an SQLite file does not exist or a server cannot be reached;
// kInvalidArgument for a malformed filter (ParseCodeRange, ParsePeriod).
//
// Thread safety: a StoreReader is used by one thread at a time; the free functions are pure.
#ifndef EVENTCODER_QUERY_QUERY_H_
#define EVENTCODER_QUERY_QUERY_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"

namespace eventcoder {

// Which events to count. Empty fields do not filter; the filters that are set all apply.
struct EventFilter {
  std::string country;    // source_code or target_code starts with this ("ISR")
  std::string source;     // source_code starts with this
  std::string target;     // target_code starts with this
  std::string code_from;  // CAMEO range: the first code_from.size() characters of the code
  std::string code_to;    //   lie in [code_from, code_to] (same length, digits)
  std::string from_date;  // "YYYY-MM-DD", inclusive
  std::string to_date;    // "YYYY-MM-DD", inclusive
};

// "19" -> [19, 19] (every code of root 19); "190-195" -> [190, 195]. The bounds must be
// digits of the same length (1 to 4), low <= high.
Status ParseCodeRange(const std::string& spec, EventFilter* filter);

// Totals of one day and quad class, as the store returns them.
struct DayCount {
  std::string date;  // "YYYY-MM-DD"
  int quad_class = 0;
  int64_t events = 0;
  int64_t mentions = 0;
  double goldstein_sum = 0;
};

// Reads an eventcoder store.
class StoreReader {
 public:
  virtual ~StoreReader() = default;
  // Totals per (date, quad_class) of the events matching `filter`, by date then quad class.
  virtual StatusOr<std::vector<DayCount>> CountByDay(const EventFilter& filter) = 0;
};

// A reader for `db`: a PostgreSQL URI ("postgresql://", "postgres://") or an SQLite path
// (opened read-only; it must exist).
StatusOr<std::unique_ptr<StoreReader>> OpenStoreReader(const std::string& db);

enum class Period { kDay, kWeek, kMonth };

// "day", "week", "month".
StatusOr<Period> ParsePeriod(const std::string& name);
const char* PeriodName(Period p);

// One output row.
struct PeriodRow {
  // Day "2026-02-14"; week: its Monday "2026-02-09" (ISO weeks, Monday to Sunday);
  // month "2026-02".
  std::string period;
  int64_t events = 0;
  int64_t mentions = 0;
  double goldstein_sum = 0;
  int64_t cooperation = 0;  // events of quad class 1 and 2
  int64_t conflict = 0;     // events of quad class 3 and 4
};

// Sums `days` into periods, in time order. Periods without events between the first and
// the last are included with zeros (so a plot's x axis is even), unless that would make
// more than 100000 rows. Days whose date does not parse are ignored.
std::vector<PeriodRow> Aggregate(std::span<const DayCount> days, Period period);

// CSV with a header: period,events,mentions,goldstein_sum,cooperation,conflict.
// goldstein_sum is rounded to one decimal (the precision of the weights), so the text is
// the same whatever order the store summed in.
void WriteCsv(std::ostream& out, std::span<const PeriodRow> rows);

}  // namespace eventcoder

#endif  // EVENTCODER_QUERY_QUERY_H_
