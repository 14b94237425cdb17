#include "store/sqlite_connection.h"

#include <sqlite3.h>

namespace eventcoder {

namespace {

std::string DbError(const std::string& path, const char* what, sqlite3* db) {
  return path + ": sqlite: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}

}  // namespace

StatusOr<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                   Mode mode) {
  sqlite3* db = nullptr;
  int flags =
      mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string m = DbError(path, "cannot open database", db);
    sqlite3_close(db);
    return mode == Mode::kReadOnly ? Status::NotFound(m) : Status::Internal(m);
  }
  std::unique_ptr<SqliteConnection> c(new SqliteConnection(path, db));
  sqlite3_busy_timeout(db, 5000);
  sqlite3_extended_result_codes(db, 1);
  if (mode == Mode::kReadWrite) {
    EVENTCODER_RETURN_IF_ERROR(c->Exec("PRAGMA journal_mode = WAL", "setting WAL mode"));
    EVENTCODER_RETURN_IF_ERROR(c->Exec("PRAGMA synchronous = NORMAL", "setting synchronous"));
  }
  EVENTCODER_RETURN_IF_ERROR(c->Exec("PRAGMA foreign_keys = ON", "enabling foreign keys"));
  return c;
}

SqliteConnection::~SqliteConnection() {
  if (db_ == nullptr) return;
  if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  for (sqlite3_stmt* st : statements_) sqlite3_finalize(st);
  sqlite3_close(db_);
}

Status SqliteConnection::Error(const char* what) const {
  return Status::Internal(DbError(path_, what, db_));
}

Status SqliteConnection::Exec(const std::string& sql, const char* what) {
  char* msg = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string m = path_ + ": sqlite: " + what + ": " + (msg ? msg : sqlite3_errstr(rc));
  sqlite3_free(msg);
  return Status::Internal(m);
}

StatusOr<int> SqliteConnection::Prepare(const std::string& sql, const char* what) {
  sqlite3_stmt* st = nullptr;
  std::string text = ForDialect(sql, SqlDialect::kSqlite);
  if (sqlite3_prepare_v3(db_, text.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) !=
      SQLITE_OK) {
    return Error(what);
  }
  statements_.push_back(st);
  return static_cast<int>(statements_.size() - 1);
}

Status SqliteConnection::Step(sqlite3_stmt* st, std::span<const SqlValue> params,
                              std::vector<SqlRow>* rows, const char* what) {
  for (size_t i = 0; i < params.size(); ++i) {
    const SqlValue& p = params[i];
    int k = static_cast<int>(i + 1);
    switch (p.type) {
      case SqlValue::Type::kNull:
        sqlite3_bind_null(st, k);
        break;
      case SqlValue::Type::kText:
        sqlite3_bind_text(st, k, p.text.data(), static_cast<int>(p.text.size()), SQLITE_TRANSIENT);
        break;
      case SqlValue::Type::kInt:
        sqlite3_bind_int64(st, k, p.integer);
        break;
      case SqlValue::Type::kReal:
        sqlite3_bind_double(st, k, p.real);
        break;
    }
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (rows == nullptr) continue;
    SqlRow row;
    int n = sqlite3_column_count(st);
    row.reserve(n);
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(st, i)) {
        case SQLITE_NULL:
          row.emplace_back(std::nullopt);
          break;
        case SQLITE_FLOAT:
          row.emplace_back(FormatReal(sqlite3_column_double(st, i)));
          break;
        default: {
          const unsigned char* t = sqlite3_column_text(st, i);
          int len = sqlite3_column_bytes(st, i);
          row.emplace_back(std::string(t ? reinterpret_cast<const char*>(t) : "",
                                       t ? static_cast<size_t>(len) : 0));
        }
      }
    }
    rows->push_back(std::move(row));
  }
  Status result = rc == SQLITE_DONE ? Status::Ok() : Error(what);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return result;
}

Status SqliteConnection::Run(int statement, std::span<const SqlValue> params,
                             std::vector<SqlRow>* rows, const char* what) {
  if (statement < 0 || static_cast<size_t>(statement) >= statements_.size()) {
    return Status::Internal(path_ + ": sqlite: " + what + ": no such prepared statement");
  }
  return Step(statements_[statement], params, rows, what);
}

Status SqliteConnection::Query(const std::string& sql, std::span<const SqlValue> params,
                               std::vector<SqlRow>* rows, const char* what) {
  sqlite3_stmt* st = nullptr;
  std::string text = ForDialect(sql, SqlDialect::kSqlite);
  if (sqlite3_prepare_v2(db_, text.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    return Status::InvalidArgument(DbError(path_, what, db_));
  }
  Status s = Step(st, params, rows, what);
  sqlite3_finalize(st);
  return s;
}

}  // namespace eventcoder
