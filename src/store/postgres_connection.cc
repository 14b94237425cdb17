#include "store/postgres_connection.h"

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

namespace eventcoder {

namespace {

void IgnoreNotice(void*, const char*) {}

// Statements in flight at most: their results (a few dozen bytes each, or an event's
// mentions) must fit in the socket buffers, since libpq in blocking mode sends them all
// before reading any result.
constexpr size_t kMaxQueued = 256;

// Removes the trailing newline libpq puts on its messages.
std::string Trim(const char* message) {
  std::string m = message ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m.empty() ? "unknown error" : m;
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Parameter values as C strings (text format); NULL stays a null pointer.
struct TextParams {
  std::vector<std::string> storage;
  std::vector<const char*> values;
  explicit TextParams(std::span<const SqlValue> params) {
    storage.reserve(params.size());
    for (const SqlValue& p : params) {
      switch (p.type) {
        case SqlValue::Type::kNull:
          storage.emplace_back();
          break;
        case SqlValue::Type::kText:
          storage.push_back(p.text);
          break;
        case SqlValue::Type::kInt:
          storage.push_back(std::to_string(p.integer));
          break;
        case SqlValue::Type::kReal:
          storage.push_back(FormatReal(p.real));
          break;
      }
    }
    for (size_t i = 0; i < params.size(); ++i) {
      values.push_back(params[i].type == SqlValue::Type::kNull ? nullptr : storage[i].c_str());
    }
  }
};

}  // namespace

bool IsPostgresUri(std::string_view db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

std::string RedactUri(std::string_view uri) {
  std::string out(uri);
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t end = out.find_first_of("/?", start);
    if (end == std::string::npos) end = out.size();
    size_t at = out.rfind('@', end);
    if (at != std::string::npos && at > start) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  size_t p = 0;
  while ((p = out.find("password=", p)) != std::string::npos) {
    size_t v = p + 9;
    size_t e = out.find_first_of("& ", v);
    if (e == std::string::npos) e = out.size();
    out.replace(v, e - v, "***");
    p = v + 3;
  }
  return out;
}

StatusOr<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(const std::string& uri) {
  std::string name = RedactUri(uri);
  PGconn* conn = PQconnectdb(uri.c_str());
  if (conn == nullptr) return Status::Internal(name + ": postgres: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string m = name + ": postgres: cannot connect: " + Trim(PQerrorMessage(conn));
    PQfinish(conn);
    return Status::NotFound(m);
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  std::unique_ptr<PostgresConnection> c(new PostgresConnection(name, conn));
  EVENTCODER_RETURN_IF_ERROR(c->Exec("SET client_encoding = 'UTF8'", "setting encoding"));
  return c;
}

PostgresConnection::~PostgresConnection() {
  if (conn_ != nullptr) PQfinish(conn_);
}

Status PostgresConnection::Error(const char* what, const char* message) const {
  return Status::Internal(name_ + ": postgres: " + what + ": " + Trim(message));
}

Status PostgresConnection::Exec(const std::string& sql, const char* what) {
  EVENTCODER_RETURN_IF_ERROR(Drain(nullptr));
  Result r(PQexec(conn_, sql.c_str()));
  ExecStatusType s = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) return Status::Ok();
  return Error(what, r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_));
}

StatusOr<int> PostgresConnection::Prepare(const std::string& sql, const char* what) {
  EVENTCODER_RETURN_IF_ERROR(Drain(nullptr));
  int id = statements_;
  std::string stmt_name = "eventcoder_" + std::to_string(id);
  Result r(PQprepare(conn_, stmt_name.c_str(), sql.c_str(), 0, nullptr));
  if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
    return Error(what, r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_));
  }
  ++statements_;
  return id;
}

namespace {

Status Collect(PGresult* r, std::vector<SqlRow>* rows) {
  if (rows == nullptr) return Status::Ok();
  int n = PQntuples(r), cols = PQnfields(r);
  for (int i = 0; i < n; ++i) {
    SqlRow row;
    row.reserve(cols);
    for (int j = 0; j < cols; ++j) {
      if (PQgetisnull(r, i, j)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(PQgetvalue(r, i, j), PQgetlength(r, i, j)));
      }
    }
    rows->push_back(std::move(row));
  }
  return Status::Ok();
}

}  // namespace

Status PostgresConnection::Run(int statement, std::span<const SqlValue> params,
                               std::vector<SqlRow>* rows, const char* what) {
  if (statement < 0 || statement >= statements_) {
    return Status::Internal(name_ + ": postgres: " + what + ": no such prepared statement");
  }
  if (rows == nullptr) {
    EVENTCODER_RETURN_IF_ERROR(Send(statement, params, what));
    if (queued_.size() >= kMaxQueued) return Drain(nullptr);
    return Status::Ok();
  }
  EVENTCODER_RETURN_IF_ERROR(Drain(nullptr));
  std::string stmt_name = "eventcoder_" + std::to_string(statement);
  TextParams p(params);
  Result r(PQexecPrepared(conn_, stmt_name.c_str(), static_cast<int>(params.size()),
                          p.values.data(), nullptr, nullptr, 0));
  ExecStatusType s = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
    return Error(what, r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_));
  }
  return Collect(r.get(), rows);
}

Status PostgresConnection::Send(int statement, std::span<const SqlValue> params, const char* what) {
  if (statement < 0 || statement >= statements_) {
    return Status::Internal(name_ + ": postgres: " + what + ": no such prepared statement");
  }
  if (!in_pipeline_) {
    if (PQenterPipelineMode(conn_) != 1) return Error(what, PQerrorMessage(conn_));
    in_pipeline_ = true;
  }
  std::string stmt_name = "eventcoder_" + std::to_string(statement);
  TextParams p(params);
  if (PQsendQueryPrepared(conn_, stmt_name.c_str(), static_cast<int>(params.size()),
                          p.values.data(), nullptr, nullptr, 0) != 1) {
    return Error(what, PQerrorMessage(conn_));
  }
  queued_.push_back(what);
  return Status::Ok();
}

Status PostgresConnection::Drain(std::vector<std::vector<SqlRow>>* results) {
  if (!in_pipeline_) return Status::Ok();
  size_t n = queued_.size();
  if (results) results->assign(n, {});
  Status first;
  if (PQpipelineSync(conn_) != 1) {
    first = Error("sending statements", PQerrorMessage(conn_));
  } else {
    // Each statement's results end with a null result; the sync point ends the pipeline.
    size_t index = 0;
    for (;;) {
      PGresult* raw = PQgetResult(conn_);
      if (raw == nullptr) {
        ++index;
        if (PQstatus(conn_) == CONNECTION_BAD || index > n + 1) {
          if (first.ok()) first = Error("reading results", PQerrorMessage(conn_));
          break;
        }
        continue;
      }
      Result r(raw);
      ExecStatusType s = PQresultStatus(r.get());
      if (s == PGRES_PIPELINE_SYNC) break;
      const char* what = index < n ? queued_[index].c_str() : "running statements";
      if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) {
        if (results && index < n) (void)Collect(r.get(), &(*results)[index]);
      } else if (first.ok()) {
        first = Error(what, PQresultErrorMessage(r.get()));
      }
    }
  }
  queued_.clear();
  in_pipeline_ = false;
  if (PQexitPipelineMode(conn_) != 1 && first.ok()) {
    first = Error("leaving pipeline mode", PQerrorMessage(conn_));
  }
  return first;
}

Status PostgresConnection::RunBatch(int statement,
                                    std::span<const std::vector<SqlValue>> param_sets,
                                    std::vector<std::vector<SqlRow>>* results, const char* what) {
  EVENTCODER_RETURN_IF_ERROR(Drain(nullptr));
  results->clear();
  results->reserve(param_sets.size());
  std::vector<std::vector<SqlRow>> chunk;
  for (size_t start = 0; start < param_sets.size(); start += kMaxQueued) {
    size_t end = std::min(param_sets.size(), start + kMaxQueued);
    for (size_t i = start; i < end; ++i) {
      EVENTCODER_RETURN_IF_ERROR(Send(statement, param_sets[i], what));
    }
    EVENTCODER_RETURN_IF_ERROR(Drain(&chunk));
    for (auto& rows : chunk) results->push_back(std::move(rows));
  }
  return Status::Ok();
}

Status PostgresConnection::Query(const std::string& sql, std::span<const SqlValue> params,
                                 std::vector<SqlRow>* rows, const char* what) {
  EVENTCODER_RETURN_IF_ERROR(Drain(nullptr));
  TextParams p(params);
  Result r(PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr,
                        p.values.data(), nullptr, nullptr, 0));
  ExecStatusType s = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
    return Error(what, r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_));
  }
  return Collect(r.get(), rows);
}

}  // namespace eventcoder
