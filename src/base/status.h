// Status and StatusOr<T>: how every fallible function in eventcoder reports failure.
//
// A Status is either OK or carries a code and a message. Messages name the input:
//   "<file>:<line>: story <id>: <what>: \"<excerpt>\"" (see Location below).
// No exceptions cross any eventcoder API.
//
// Thread safety: values; safe to copy and read from several threads.
#ifndef EVENTCODER_BASE_STATUS_H_
#define EVENTCODER_BASE_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace eventcoder {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // bad input: a malformed story, dictionary line, option
  kNotFound,           // a named file or entry does not exist
  kDataLoss,           // input ended or was damaged (truncated XML, invalid UTF-8)
  kResourceExhausted,  // a limit was reached (story too large, ...)
  kInternal,           // a bug of ours or an I/O failure
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// StatusOr<T>: a T or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {}  // NOLINT
  // REQUIRES: !status.ok() when constructing from a Status.

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

// Where in the input something was found: used to build error messages.
struct Location {
  std::string file;      // "-" for standard input
  size_t line = 0;       // 1-based; 0 when unknown
  std::string story_id;  // empty when unknown
};

// "file:line: story ID: what: "excerpt"" with the excerpt cut to 80 bytes (on a UTF-8
// boundary) and control characters escaped.
std::string FormatError(const Location& where, std::string_view what,
                        std::string_view excerpt = {});

}  // namespace eventcoder

#define EVENTCODER_RETURN_IF_ERROR(expr) \
  do {                                   \
    ::eventcoder::Status _st = (expr);   \
    if (!_st.ok()) return _st;           \
  } while (0)

#endif  // EVENTCODER_BASE_STATUS_H_
