#include "query/query.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "store/postgres_connection.h"
#include "store/sqlite_connection.h"

namespace eventcoder {

namespace {

bool AllDigits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// The reader over either database: one SQL text, run through the connection.
class SqlStoreReader : public StoreReader {
 public:
  explicit SqlStoreReader(std::unique_ptr<SqlConnection> conn) : conn_(std::move(conn)) {}

  StatusOr<std::vector<DayCount>> CountByDay(const EventFilter& f) override {
    std::string sql =
        "SELECT date, quad_class, COUNT(*), SUM(num_mentions), SUM(goldstein) FROM events "
        "WHERE date <> ''";
    std::vector<SqlValue> params;
    // A placeholder for `value`; prefix lengths go into the text as integer literals.
    auto param = [&params](const std::string& value) {
      params.push_back(SqlValue::Text(value));
      return "$" + std::to_string(params.size());
    };
    auto prefix = [&](const char* column, const std::string& value) {
      return std::string("substr(") + column + ", 1, " + std::to_string(value.size()) +
             ") = " + param(value);
    };
    if (!f.country.empty()) {
      sql += " AND (" + prefix("source_code", f.country) + " OR " +
             prefix("target_code", f.country) + ")";
    }
    if (!f.source.empty()) sql += " AND " + prefix("source_code", f.source);
    if (!f.target.empty()) sql += " AND " + prefix("target_code", f.target);
    if (!f.code_from.empty()) {
      std::string code = "substr(cameo, 1, " + std::to_string(f.code_from.size()) + ")";
      sql += " AND " + code + " >= " + param(f.code_from);
      sql += " AND " + code + " <= " + param(f.code_to.empty() ? f.code_from : f.code_to);
      sql += " AND length(cameo) >= " + std::to_string(f.code_from.size());
    }
    if (!f.from_date.empty()) sql += " AND date >= " + param(f.from_date);
    if (!f.to_date.empty()) sql += " AND date <= " + param(f.to_date);
    sql += " GROUP BY date, quad_class ORDER BY date, quad_class";
    std::vector<SqlRow> rows;
    EVENTCODER_RETURN_IF_ERROR(conn_->Query(sql, params, &rows, "counting events"));
    std::vector<DayCount> out;
    out.reserve(rows.size());
    for (const SqlRow& r : rows) {
      if (r.size() != 5 || !r[0]) continue;
      DayCount d;
      d.date = *r[0];
      d.quad_class = r[1] ? std::atoi(r[1]->c_str()) : 0;
      d.events = r[2] ? std::atoll(r[2]->c_str()) : 0;
      d.mentions = r[3] ? std::atoll(r[3]->c_str()) : 0;
      d.goldstein_sum = r[4] ? std::strtod(r[4]->c_str(), nullptr) : 0;
      out.push_back(std::move(d));
    }
    return out;
  }

 private:
  std::unique_ptr<SqlConnection> conn_;
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (*m <= 2));
}

// "YYYY-MM-DD" -> days since the epoch; false if malformed.
bool ParseIsoDay(const std::string& s, int64_t* days) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int y = std::atoi(s.substr(0, 4).c_str());
  int m = std::atoi(s.substr(5, 2).c_str());
  int d = std::atoi(s.substr(8, 2).c_str());
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  *days = DaysFromCivil(y, m, d);
  int yy, mm, dd;
  CivilFromDays(*days, &yy, &mm, &dd);
  return yy == y && mm == m && dd == d;  // rejects 2026-02-30
}

std::string FormatDay(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int64_t FloorMod(int64_t a, int64_t b) { return ((a % b) + b) % b; }

// The period's ordinal (days for day and week, months since year 0 for month).
int64_t PeriodIndex(int64_t days, Period p) {
  switch (p) {
    case Period::kDay:
      return days;
    case Period::kWeek:
      return days - FloorMod(days + 3, 7);  // the Monday (1970-01-01 was a Thursday)
    case Period::kMonth: {
      int y, m, d;
      CivilFromDays(days, &y, &m, &d);
      return static_cast<int64_t>(y) * 12 + (m - 1);
    }
  }
  return days;
}

int64_t NextPeriod(int64_t index, Period p) { return index + (p == Period::kWeek ? 7 : 1); }

std::string PeriodLabel(int64_t index, Period p) {
  if (p != Period::kMonth) return FormatDay(index);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld", static_cast<long long>(index / 12),
                static_cast<long long>(index % 12 + 1));
  return buf;
}

std::string FormatTenths(double v) {
  long long tenths = std::llround(v * 10);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%lld.%lld", tenths < 0 ? "-" : "", std::llabs(tenths) / 10,
                std::llabs(tenths) % 10);
  return buf;
}

}  // namespace

Status ParseCodeRange(const std::string& spec, EventFilter* filter) {
  std::string lo = spec, hi = spec;
  size_t dash = spec.find('-');
  if (dash != std::string::npos) {
    lo = spec.substr(0, dash);
    hi = spec.substr(dash + 1);
  }
  if (!AllDigits(lo) || !AllDigits(hi) || lo.size() != hi.size() || lo.size() > 4 || lo > hi) {
    return Status::InvalidArgument("bad code range \"" + spec +
                                   "\": expected digits such as 19 or 190-195 (both bounds "
                                   "the same length, low first)");
  }
  filter->code_from = lo;
  filter->code_to = hi;
  return Status::Ok();
}

StatusOr<std::unique_ptr<StoreReader>> OpenStoreReader(const std::string& db) {
  std::unique_ptr<SqlConnection> conn;
  if (IsPostgresUri(db)) {
    auto c = PostgresConnection::Open(db);
    if (!c.ok()) return c.status();
    conn = std::move(*c);
  } else {
    auto c = SqliteConnection::Open(db, SqliteConnection::Mode::kReadOnly);
    if (!c.ok()) return c.status();
    conn = std::move(*c);
  }
  return std::unique_ptr<StoreReader>(new SqlStoreReader(std::move(conn)));
}

StatusOr<Period> ParsePeriod(const std::string& name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  return Status::InvalidArgument("unknown period \"" + name + "\": expected day, week or month");
}

const char* PeriodName(Period p) {
  switch (p) {
    case Period::kDay:
      return "day";
    case Period::kWeek:
      return "week";
    case Period::kMonth:
      return "month";
  }
  return "day";
}

std::vector<PeriodRow> Aggregate(std::span<const DayCount> days, Period period) {
  std::map<int64_t, PeriodRow> by_period;
  for (const DayCount& d : days) {
    int64_t z;
    if (!ParseIsoDay(d.date, &z)) continue;
    PeriodRow& row = by_period[PeriodIndex(z, period)];
    row.events += d.events;
    row.mentions += d.mentions;
    if (std::isfinite(d.goldstein_sum)) row.goldstein_sum += d.goldstein_sum;
    if (d.quad_class == 1 || d.quad_class == 2) row.cooperation += d.events;
    if (d.quad_class == 3 || d.quad_class == 4) row.conflict += d.events;
  }
  std::vector<PeriodRow> out;
  if (by_period.empty()) return out;
  constexpr int64_t kMaxRows = 100000;
  int64_t first = by_period.begin()->first, last = by_period.rbegin()->first;
  int64_t span = (last - first) / (period == Period::kWeek ? 7 : 1) + 1;
  if (span <= kMaxRows) {
    for (int64_t i = first; i <= last; i = NextPeriod(i, period)) by_period.try_emplace(i);
  }
  out.reserve(by_period.size());
  for (auto& [index, row] : by_period) {
    row.period = PeriodLabel(index, period);
    out.push_back(std::move(row));
  }
  return out;
}

void WriteCsv(std::ostream& out, std::span<const PeriodRow> rows) {
  out << "period,events,mentions,goldstein_sum,cooperation,conflict\n";
  for (const PeriodRow& r : rows) {
    out << r.period << ',' << r.events << ',' << r.mentions << ',' << FormatTenths(r.goldstein_sum)
        << ',' << r.cooperation << ',' << r.conflict << '\n';
  }
}

}  // namespace eventcoder
