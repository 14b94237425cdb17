// PostgresConnection: SqlConnection over a PostgreSQL server, through libpq.
//
// Open(uri) connects to a "postgresql://" or "postgres://" URI (libpq syntax; e.g.
// postgresql://user@127.0.0.1:5432/dbname?options=-csearch_path%3Dmyschema to use a
// schema). Statements are prepared server-side (PQprepare) and parameters sent as text;
// the server infers their types from the statement. Statements that return no rows are
// sent in pipeline mode without waiting (up to 256 at a time), and RunBatch pipelines its
// runs, so loading does not wait for a network round trip per row. Server notices (e.g. "relation
// already exists, skipping") are not printed.
//
// Errors: "<uri without password>: postgres: <what>: <server message>"; kNotFound when the
// server cannot be reached or refuses the connection.
//
// Thread safety: one thread at a time. Destroying the connection closes it; the server
// rolls back an open transaction.
#ifndef EVENTCODER_STORE_POSTGRES_CONNECTION_H_
#define EVENTCODER_STORE_POSTGRES_CONNECTION_H_

#include <memory>
#include <string>
#include <string_view>

#include "store/sql_connection.h"

struct pg_conn;

namespace eventcoder {

// True for "postgresql://..." and "postgres://..." (what --db treats as PostgreSQL).
bool IsPostgresUri(std::string_view db);

// `uri` with any password (user:PASSWORD@ or password=...) replaced by "***".
std::string RedactUri(std::string_view uri);

class PostgresConnection : public SqlConnection {
 public:
  static StatusOr<std::unique_ptr<PostgresConnection>> Open(const std::string& uri);
  ~PostgresConnection() override;

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  const std::string& name() const override { return name_; }
  Status Exec(const std::string& sql, const char* what) override;
  StatusOr<int> Prepare(const std::string& sql, const char* what) override;
  Status Run(int statement, std::span<const SqlValue> params, std::vector<SqlRow>* rows,
             const char* what) override;
  Status RunBatch(int statement, std::span<const std::vector<SqlValue>> param_sets,
                  std::vector<std::vector<SqlRow>>* results, const char* what) override;
  Status Query(const std::string& sql, std::span<const SqlValue> params, std::vector<SqlRow>* rows,
               const char* what) override;

 private:
  // Sends one prepared statement in pipeline mode (entering it when needed).
  Status Send(int statement, std::span<const SqlValue> params, const char* what);
  // Ends the pipeline: syncs, reads the result of every queued statement (rows into
  // *results when not null) and leaves pipeline mode. Returns the first error.
  Status Drain(std::vector<std::vector<SqlRow>>* results);
  PostgresConnection(std::string name, pg_conn* conn) : name_(std::move(name)), conn_(conn) {}
  Status Error(const char* what, const char* message) const;

  std::string name_;
  pg_conn* conn_ = nullptr;
  int statements_ = 0;
  bool in_pipeline_ = false;
  std::vector<std::string> queued_;  // what each statement in the pipeline does
};

}  // namespace eventcoder

#endif  // EVENTCODER_STORE_POSTGRES_CONNECTION_H_
