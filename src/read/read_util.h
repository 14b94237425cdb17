// Internals shared by the story readers (src/read/): a bounded buffered byte source over
// an istream, UTF-8 validation, default story ids and the error/emit plumbing. Not part of
// the public API; see story_reader.h for the contract.
//
// Thread safety: a ByteSource or ReaderContext is used by one thread at a time.
#ifndef EVENTCODER_READ_READ_UTIL_H_
#define EVENTCODER_READ_READ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "base/status.h"
#include "eventcoder/story.h"
#include "read/story_reader.h"

namespace eventcoder::read_internal {

// Reads `in` through a buffer of about 64 KiB, tracking the 1-based line number and the
// byte offset of the read position. Lines end at '\n'.
class ByteSource {
 public:
  explicit ByteSource(std::istream& in) : in_(in) {}
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Tries to have at least `n` bytes buffered past the read position (fewer at end of
  // input). Returns false on an I/O error (see status()).
  bool Fill(size_t n);
  // The buffered bytes past the read position. Invalidated by Fill/Consume/ReadLine.
  std::string_view view() const { return {buf_.data() + pos_, buf_.size() - pos_}; }
  // Moves the read position `n` bytes on. REQUIRES: n <= view().size().
  void Consume(size_t n);
  // True when nothing is buffered and the stream has ended (call Fill first).
  bool AtEnd() const { return pos_ == buf_.size() && done_; }

  // Reads the next line into *line without its '\n' and a trailing '\r', keeping at most
  // `limit` bytes; if the line is longer, *too_long is set and the rest of it is read and
  // discarded. *line_no and *line_offset receive the line's number and file offset.
  // Returns false at end of input (no line) or on an I/O error (status() not OK).
  bool ReadLine(size_t limit, std::string* line, bool* too_long, size_t* line_no,
                uint64_t* line_offset);

  size_t line() const { return line_; }
  uint64_t offset() const { return offset_; }
  const Status& status() const { return status_; }

 private:
  static constexpr size_t kChunk = 64 * 1024;
  std::istream& in_;
  std::string buf_;
  size_t pos_ = 0;
  bool done_ = false;
  size_t line_ = 1;
  uint64_t offset_ = 0;
  Status status_;
};

// Offset of the first byte of `s` that does not belong to a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed), or npos.
size_t FindInvalidUtf8(std::string_view s);

// "<basename>#<n>": basename is `filename` without directories, "stdin" for "-".
std::string DefaultStoryId(const std::string& filename, size_t n);

// True for ' ', '\t', '\n', '\r', '\f', '\v'.
inline bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
std::string_view Trim(std::string_view s);

// Where a reader sends its stories and errors.
struct ReaderContext {
  const std::string& filename;
  const ReadOptions& opts;
  const std::function<void(Story&&)>& emit;
  const std::function<void(const Status&)>& on_error;
  ReadStats* stats;  // never null

  // Formats "file:line: story <id>: <what>: "<excerpt>"" and reports it.
  void Error(StatusCode code, size_t line, std::string_view story_id, std::string_view what,
             std::string_view excerpt = {}) const;
  void Emit(Story&& story) const;
};

// The format readers. Each returns non-OK only for an I/O error.
Status ReadTextStories(ByteSource& src, const ReaderContext& ctx);
Status ReadJsonlStories(ByteSource& src, const ReaderContext& ctx);
Status ReadPetrarchXmlStories(ByteSource& src, const ReaderContext& ctx);

}  // namespace eventcoder::read_internal

#endif  // EVENTCODER_READ_READ_UTIL_H_
