// SqlConnection: the little the eventcoder store needs from a SQL database, so that one
// loader (StoreWriter) and one reader (the query command) serve SQLite and PostgreSQL.
// Implementations: SqliteConnection (sqlite_connection.h), PostgresConnection
// (postgres_connection.h).
//
// Statements are written with $1.. parameters (see schema.h); implementations translate
// them for their dialect. Results come back as text: integers in decimal, floating-point
// values in their shortest round-trip form (the same text from both databases), NULL as
// std::nullopt.
//
// Errors: Status "<name>: <sqlite|postgres>: <what>: <database message>", where name is
// the database path or the URI without its password. kInternal unless noted. A Run that
// returns no rows (rows == nullptr) may be queued (PostgreSQL pipelines them); its error is
// then reported by the next call that waits for the server (Exec, Prepare, Query, RunBatch
// or a Run with rows), still naming what failed. So end a unit of work with Exec (e.g.
// COMMIT) and check its Status.
//
// Thread safety: one thread at a time. Not copyable.
#ifndef EVENTCODER_STORE_SQL_CONNECTION_H_
#define EVENTCODER_STORE_SQL_CONNECTION_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/schema.h"

namespace eventcoder {

// A statement parameter.
struct SqlValue {
  enum class Type { kNull, kText, kInt, kReal };
  Type type = Type::kNull;
  std::string text;
  int64_t integer = 0;
  double real = 0;

  static SqlValue Null() { return {}; }
  static SqlValue Text(std::string s) {
    SqlValue v;
    v.type = Type::kText;
    v.text = std::move(s);
    return v;
  }
  static SqlValue Int(int64_t i) {
    SqlValue v;
    v.type = Type::kInt;
    v.integer = i;
    return v;
  }
  // NaN and infinities become NULL.
  static SqlValue Real(double d);
};

using SqlRow = std::vector<std::optional<std::string>>;

// Shortest text that reads back as `d` ("2.5", "-10", "25.2854"); "" for NaN/infinity.
std::string FormatReal(double d);

class SqlConnection {
 public:
  SqlConnection() = default;
  SqlConnection(const SqlConnection&) = delete;
  SqlConnection& operator=(const SqlConnection&) = delete;
  virtual ~SqlConnection() = default;

  virtual SqlDialect dialect() const = 0;
  // The database as named in messages (path, or URI without password).
  virtual const std::string& name() const = 0;

  // Runs `sql` (one or more ';'-separated statements, no parameters); rows are discarded.
  virtual Status Exec(const std::string& sql, const char* what) = 0;
  // Prepares `sql` for Run; returns its handle.
  virtual StatusOr<int> Prepare(const std::string& sql, const char* what) = 0;
  // Runs a prepared statement; appends its rows to *rows when rows is not null.
  virtual Status Run(int statement, std::span<const SqlValue> params, std::vector<SqlRow>* rows,
                     const char* what) = 0;
  // Runs a prepared statement once per parameter set; (*results)[i] receives the rows of
  // run i. Default: Run in a loop; PostgreSQL sends them in a pipeline.
  virtual Status RunBatch(int statement, std::span<const std::vector<SqlValue>> param_sets,
                          std::vector<std::vector<SqlRow>>* results, const char* what);
  // Prepares and runs `sql` once.
  virtual Status Query(const std::string& sql, std::span<const SqlValue> params,
                       std::vector<SqlRow>* rows, const char* what) = 0;
};

// Runs `sql` (no parameters) on `conn` and returns its rows as text, NULL as "" (the
// sinks' Query() for tests and tools).
StatusOr<std::vector<std::vector<std::string>>> QueryAsText(SqlConnection& conn,
                                                            const std::string& sql);

}  // namespace eventcoder

#endif  // EVENTCODER_STORE_SQL_CONNECTION_H_
