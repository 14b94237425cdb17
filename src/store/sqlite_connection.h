// SqliteConnection: SqlConnection over an SQLite database file.
//
// Open(path, kReadWrite) creates the file if needed and sets WAL mode (readers can query
// while a run writes), synchronous=NORMAL, foreign keys on and a 5 s busy timeout.
// Open(path, kReadOnly) fails with kNotFound when the file does not exist.
// Errors: "<path>: sqlite: <what>: <message>".
//
// Thread safety: one thread at a time. Destroying the connection rolls back an open
// transaction.
#ifndef EVENTCODER_STORE_SQLITE_CONNECTION_H_
#define EVENTCODER_STORE_SQLITE_CONNECTION_H_

#include <memory>
#include <string>
#include <vector>

#include "store/sql_connection.h"

struct sqlite3;
struct sqlite3_stmt;

namespace eventcoder {

class SqliteConnection : public SqlConnection {
 public:
  enum class Mode { kReadWrite, kReadOnly };
  static StatusOr<std::unique_ptr<SqliteConnection>> Open(const std::string& path, Mode mode);
  ~SqliteConnection() override;

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  const std::string& name() const override { return path_; }
  Status Exec(const std::string& sql, const char* what) override;
  StatusOr<int> Prepare(const std::string& sql, const char* what) override;
  Status Run(int statement, std::span<const SqlValue> params, std::vector<SqlRow>* rows,
             const char* what) override;
  Status Query(const std::string& sql, std::span<const SqlValue> params, std::vector<SqlRow>* rows,
               const char* what) override;

 private:
  SqliteConnection(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  Status Error(const char* what) const;
  Status Step(sqlite3_stmt* st, std::span<const SqlValue> params, std::vector<SqlRow>* rows,
              const char* what);

  std::string path_;
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

}  // namespace eventcoder

#endif  // EVENTCODER_STORE_SQLITE_CONNECTION_H_
