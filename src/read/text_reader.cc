// The plain-text story reader (format described in story_reader.h).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "read/date.h"
#include "read/read_util.h"

namespace eventcoder::read_internal {
namespace {

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(s[i]) != prefix[i]) return false;
  }
  return true;
}

// If `line` is a date line, sets *date_token and *rest (the text after the token, trimmed)
// and returns true.
bool SplitDateLine(std::string_view line, std::string_view* date_token, std::string_view* rest) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  std::string_view s = line.substr(i);
  if (!StartsWithNoCase(s, "date") || s.size() < 6 || (s[4] != ' ' && s[4] != '\t')) {
    return false;
  }
  size_t b = 5;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
  if (b == s.size() || s[b] < '0' || s[b] > '9') return false;
  size_t e = b;
  while (e < s.size() && !IsBlank(s[e])) {
    char c = s[e];
    if (!((c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.')) return false;
    ++e;
  }
  *date_token = s.substr(b, e - b);
  *rest = Trim(s.substr(e));
  return true;
}

// A header line "key: value" for key id/source/url (any case).
bool SplitHeader(std::string_view line, std::string* key, std::string_view* value) {
  std::string_view s = Trim(line);
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 6) return false;
  std::string k;
  for (char c : s.substr(0, colon)) k += LowerAscii(c);
  if (k != "id" && k != "source" && k != "url") return false;
  *key = k;
  *value = Trim(s.substr(colon + 1));
  return true;
}

class TextReader {
 public:
  explicit TextReader(const ReaderContext& ctx) : ctx_(ctx) {}

  void Line(std::string_view line, bool too_long, size_t line_no, uint64_t line_offset) {
    std::string_view token, rest;
    if (SplitDateLine(line, &token, &rest)) {
      Finish();
      StartStory(token, line_no);
      if (!rest.empty())
        AddText(rest, line, line_no, line_offset, too_long);
      else
        CheckLine(line, line_no, line_offset, too_long);
      return;
    }
    std::string_view trimmed = Trim(line);
    if (!active_) {
      if (!trimmed.empty() && !preamble_reported_) {
        preamble_reported_ = true;
        size_t bad = FindInvalidUtf8(line);
        ctx_.Error(StatusCode::kInvalidArgument, line_no, "",
                   "text before the first date line (skipped)",
                   bad == std::string_view::npos ? line : line.substr(0, bad));
      }
      return;
    }
    if (trimmed.empty() && !too_long) {
      para_open_ = false;
      return;
    }
    if (!saw_text_ && !too_long) {
      std::string key;
      std::string_view value;
      if (FindInvalidUtf8(line) == std::string_view::npos && SplitHeader(line, &key, &value)) {
        if (!value.empty()) {
          if (key == "id")
            story_.id = value;
          else if (key == "source")
            story_.source = value;
          else
            story_.url = value;
        }
        return;
      }
    }
    AddText(trimmed, line, line_no, line_offset, too_long);
  }

  // Ends the current story: emits it or reports its one error.
  void Finish() {
    if (!active_) return;
    active_ = false;
    std::string id = story_.id.empty() ? DefaultStoryId(ctx_.filename, count_) : story_.id;
    if (failed_) {
      ctx_.Error(err_code_, err_line_, id, err_what_, err_excerpt_);
    } else if (story_.text.empty()) {
      ctx_.Error(StatusCode::kInvalidArgument, story_.line, id, "empty text");
    } else {
      story_.id = std::move(id);
      last_text_size_ = story_.text.size();
      ctx_.Emit(std::move(story_));
    }
    story_ = Story();
  }

 private:
  void StartStory(std::string_view token, size_t line_no) {
    active_ = true;
    ++count_;
    story_ = Story();
    story_.file = ctx_.filename;
    // Room for a story like the last one, so the text is not regrown line after line.
    story_.text.reserve(std::min<size_t>(last_text_size_, 64 * 1024));
    story_.line = line_no;
    para_open_ = false;
    saw_text_ = false;
    failed_ = false;
    StatusOr<int> date = ParseDate(token);
    if (date.ok()) {
      story_.date = *date;
    } else {
      Fail(StatusCode::kInvalidArgument, line_no, date.status().message(), token);
    }
  }

  void Fail(StatusCode code, size_t line_no, std::string what, std::string_view excerpt) {
    if (failed_) return;
    failed_ = true;
    err_code_ = code;
    err_line_ = line_no;
    err_what_ = std::move(what);
    err_excerpt_ = std::string(excerpt.substr(0, 80));
    story_.text.clear();
    story_.text.shrink_to_fit();
  }

  // Checks size and encoding of a raw line; false if the story failed.
  bool CheckLine(std::string_view line, size_t line_no, uint64_t line_offset, bool too_long) {
    if (failed_) return false;
    if (too_long) {
      Fail(StatusCode::kResourceExhausted, line_no,
           "story too large: line longer than " + std::to_string(ctx_.opts.max_story_bytes) +
               " bytes (story skipped)",
           line);
      return false;
    }
    size_t bad = FindInvalidUtf8(line);
    if (bad != std::string_view::npos) {
      Fail(StatusCode::kDataLoss, line_no,
           "invalid UTF-8 at column " + std::to_string(bad + 1) + " (byte offset " +
               std::to_string(line_offset + bad) + ") (story skipped)",
           line.substr(0, bad));
      return false;
    }
    return true;
  }

  void AddText(std::string_view text, std::string_view line, size_t line_no, uint64_t line_offset,
               bool too_long) {
    saw_text_ = true;
    if (!CheckLine(line, line_no, line_offset, too_long)) return;
    size_t sep = para_open_ ? 1 : (story_.text.empty() ? 0 : 2);
    if (story_.text.size() + sep + text.size() > ctx_.opts.max_story_bytes) {
      Fail(StatusCode::kResourceExhausted, line_no,
           "story too large: text longer than " + std::to_string(ctx_.opts.max_story_bytes) +
               " bytes (story skipped)",
           text);
      return;
    }
    if (sep == 1) story_.text += ' ';
    if (sep == 2) story_.text += "\n\n";
    story_.text.append(text);
    para_open_ = true;
  }

  const ReaderContext& ctx_;
  Story story_;
  bool active_ = false;
  bool para_open_ = false;
  bool saw_text_ = false;  // header lines are recognised only before any text
  bool preamble_reported_ = false;
  size_t count_ = 0;
  size_t last_text_size_ = 0;  // of the last story emitted
  bool failed_ = false;
  StatusCode err_code_ = StatusCode::kOk;
  size_t err_line_ = 0;
  std::string err_what_;
  std::string err_excerpt_;
};

}  // namespace

Status ReadTextStories(ByteSource& src, const ReaderContext& ctx) {
  TextReader reader(ctx);
  std::string line;
  bool too_long = false;
  size_t line_no = 0;
  uint64_t line_offset = 0;
  while (src.ReadLine(ctx.opts.max_story_bytes, &line, &too_long, &line_no, &line_offset)) {
    reader.Line(line, too_long, line_no, line_offset);
  }
  if (!src.status().ok()) return Status::Ok();  // the caller reports the I/O error
  reader.Finish();
  return Status::Ok();
}

}  // namespace eventcoder::read_internal
