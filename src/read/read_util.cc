#include "read/read_util.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "base/utf8.h"

namespace eventcoder::read_internal {

bool ByteSource::Fill(size_t n) {
  if (!status_.ok()) return false;
  if (buf_.size() - pos_ >= n || done_) return true;
  buf_.erase(0, pos_);
  pos_ = 0;
  while (buf_.size() < n && !done_) {
    size_t want = std::max(kChunk, n - buf_.size());
    size_t old = buf_.size();
    buf_.resize(old + want);
    in_.read(buf_.data() + old, static_cast<std::streamsize>(want));
    size_t got = static_cast<size_t>(in_.gcount());
    buf_.resize(old + got);
    if (in_.bad()) {
      status_ = Status::Internal("read error after byte " + std::to_string(offset_ + buf_.size()));
      done_ = true;
      return false;
    }
    if (got < want) done_ = true;  // eof (or fail without bad: nothing more to read)
  }
  return true;
}

void ByteSource::Consume(size_t n) {
  const char* begin = buf_.data() + pos_;
  line_ += static_cast<size_t>(std::count(begin, begin + n, '\n'));
  offset_ += n;
  pos_ += n;
}

bool ByteSource::ReadLine(size_t limit, std::string* line, bool* too_long, size_t* line_no,
                          uint64_t* line_offset) {
  line->clear();
  *too_long = false;
  *line_no = line_;
  *line_offset = offset_;
  bool any = false;
  while (true) {
    if (pos_ == buf_.size()) {
      if (!Fill(1)) return false;
      if (pos_ == buf_.size()) break;  // end of input
    }
    std::string_view v = view();
    any = true;
    size_t nl = v.find('\n');
    size_t take = nl == std::string_view::npos ? v.size() : nl;
    if (!*too_long) {
      size_t room = limit - std::min(limit, line->size());
      if (take > room) {
        line->append(v.data(), room);
        *too_long = true;
      } else {
        line->append(v.data(), take);
      }
    }
    // The bytes taken hold no '\n' (found above), so the line count moves by the final
    // newline only: no need for Consume's count.
    if (nl == std::string_view::npos) {
      offset_ += take;
      pos_ += take;
    } else {
      ++line_;
      offset_ += take + 1;
      pos_ += take + 1;
      break;
    }
  }
  if (!any) return false;
  if (!*too_long && !line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Plain ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    size_t len = Utf8SequenceLength(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string DefaultStoryId(const std::string& filename, size_t n) {
  std::string base;
  if (filename.empty() || filename == "-") {
    base = "stdin";
  } else {
    size_t slash = filename.find_last_of('/');
    base = slash == std::string::npos ? filename : filename.substr(slash + 1);
    if (base.empty()) base = filename;
  }
  return base + "#" + std::to_string(n);
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsBlank(s[b])) ++b;
  while (e > b && IsBlank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

void ReaderContext::Error(StatusCode code, size_t line, std::string_view story_id,
                          std::string_view what, std::string_view excerpt) const {
  ++stats->errors;
  if (!on_error) return;
  Location where{filename, line, std::string(story_id)};
  on_error(Status(code, FormatError(where, what, excerpt)));
}

void ReaderContext::Emit(Story&& story) const {
  ++stats->stories;
  if (emit) emit(std::move(story));
}

}  // namespace eventcoder::read_internal
