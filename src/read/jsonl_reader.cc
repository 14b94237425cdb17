// The JSON Lines story reader (format described in story_reader.h).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "read/date.h"
#include "read/read_util.h"

namespace eventcoder::read_internal {
namespace {

using Json = nlohmann::json;

// Collects the first parse error of a SAX run; accepts everything else. Used only to
// explain why a line is not valid JSON (the DOM parse with exceptions off says nothing).
class ErrorCollector : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    if (message.empty()) {
      message = ex.what();
      column = position;
    }
    return false;
  }
  std::string message;
  size_t column = 0;
};

std::string DescribeJsonError(const std::string& line) {
  ErrorCollector collector;
  Json::sax_parse(line, &collector);
  if (collector.message.empty()) return "invalid JSON";
  // nlohmann messages look like "[json.exception.parse_error.101] parse error at line 1,
  // column 5: syntax error ..."; drop the bracketed tag and the line number.
  std::string m = collector.message;
  size_t tag = m.find("] ");
  if (tag != std::string::npos) m = m.substr(tag + 2);
  size_t col = m.find("column ");
  if (col != std::string::npos) m = m.substr(col);
  return "invalid JSON at " + m;
}

// Best-effort story id from the raw (possibly cut or damaged) text of a line: the value
// after the first "id": if it is a simple string or number. Empty if none.
std::string SniffId(std::string_view line) {
  size_t k = line.find("\"id\"");
  if (k == std::string_view::npos) return "";
  size_t i = k + 4;
  while (i < line.size() && IsBlank(line[i])) ++i;
  if (i >= line.size() || line[i] != ':') return "";
  ++i;
  while (i < line.size() && IsBlank(line[i])) ++i;
  if (i >= line.size()) return "";
  size_t b = i, e = i;
  if (line[i] == '"') {
    b = e = i + 1;
    while (e < line.size() && line[e] != '"' && line[e] != '\\' && e - b < 200) ++e;
    if (e >= line.size() || line[e] != '"') return "";
  } else {
    while (e < line.size() && ((line[e] >= '0' && line[e] <= '9') || line[e] == '-') &&
           e - b < 40) {
      ++e;
    }
  }
  std::string_view id = line.substr(b, e - b);
  if (id.empty() || FindInvalidUtf8(id) != std::string_view::npos) return "";
  return std::string(id);
}

class JsonlReader {
 public:
  explicit JsonlReader(const ReaderContext& ctx) : ctx_(ctx) {}

  void Line(const std::string& line, bool too_long, size_t line_no, uint64_t line_offset) {
    if (!too_long && Trim(line).empty()) return;
    ++count_;
    std::string fallback_id = DefaultStoryId(ctx_.filename, count_);
    auto sniffed = [&](std::string_view raw) {
      std::string id = SniffId(raw);
      return id.empty() ? fallback_id : id;
    };
    if (too_long) {
      ctx_.Error(StatusCode::kResourceExhausted, line_no, sniffed(line),
                 "story too large: line longer than " + std::to_string(ctx_.opts.max_story_bytes) +
                     " bytes (story skipped)",
                 line);
      return;
    }
    size_t bad = FindInvalidUtf8(line);
    if (bad != std::string_view::npos) {
      ctx_.Error(StatusCode::kDataLoss, line_no, sniffed(line),
                 "invalid UTF-8 at column " + std::to_string(bad + 1) + " (byte offset " +
                     std::to_string(line_offset + bad) + ") (story skipped)",
                 std::string_view(line).substr(0, bad));
      return;
    }
    Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      ctx_.Error(StatusCode::kInvalidArgument, line_no, sniffed(line), DescribeJsonError(line),
                 line);
      return;
    }
    if (!j.is_object()) {
      ctx_.Error(StatusCode::kInvalidArgument, line_no, fallback_id,
                 std::string("JSON line is not an object (it is ") + j.type_name() + ")", line);
      return;
    }
    Story story;
    story.file = ctx_.filename;
    story.line = line_no;

    // id
    auto it = j.find("id");
    std::string id_error;
    if (it == j.end() || it->is_null()) {
      id_error = "missing required field \"id\"";
    } else if (it->is_string()) {
      story.id = it->get<std::string>();
      if (Trim(story.id).empty()) {
        story.id.clear();
        id_error = "field \"id\" is empty";
      }
    } else if (it->is_number_integer()) {
      story.id = it->dump();
    } else {
      id_error = std::string("field \"id\" must be a string or an integer (it is ") +
                 it->type_name() + ")";
    }
    const std::string& id = story.id.empty() ? fallback_id : story.id;
    if (!id_error.empty()) {
      ctx_.Error(StatusCode::kInvalidArgument, line_no, id, id_error, line);
      return;
    }

    // date
    it = j.find("date");
    if (it == j.end() || it->is_null()) {
      ctx_.Error(StatusCode::kInvalidArgument, line_no, id, "missing required field \"date\"",
                 line);
      return;
    }
    std::string date_text;
    if (it->is_string()) {
      date_text = it->get<std::string>();
    } else if (it->is_number_integer()) {
      date_text = it->dump();
    } else {
      ctx_.Error(StatusCode::kInvalidArgument, line_no, id,
                 std::string("field \"date\" must be a string (it is ") + it->type_name() + ")",
                 line);
      return;
    }
    StatusOr<int> date = ParseDate(date_text);
    if (!date.ok()) {
      ctx_.Error(StatusCode::kInvalidArgument, line_no, id, date.status().message(), date_text);
      return;
    }
    story.date = *date;

    // text
    it = j.find("text");
    if (it == j.end() || it->is_null()) {
      ctx_.Error(StatusCode::kInvalidArgument, line_no, id, "missing required field \"text\"",
                 line);
      return;
    }
    if (!it->is_string()) {
      ctx_.Error(StatusCode::kInvalidArgument, line_no, id,
                 std::string("field \"text\" must be a string (it is ") + it->type_name() + ")",
                 line);
      return;
    }
    story.text = it->get<std::string>();
    if (Trim(story.text).empty()) {
      ctx_.Error(StatusCode::kInvalidArgument, line_no, id, "empty text", line);
      return;
    }

    // optional strings
    for (auto [name, field] : {std::pair<const char*, std::string*>{"source", &story.source},
                               std::pair<const char*, std::string*>{"url", &story.url}}) {
      it = j.find(name);
      if (it == j.end() || it->is_null()) continue;
      if (!it->is_string()) {
        ctx_.Error(
            StatusCode::kInvalidArgument, line_no, id,
            std::string("field \"") + name + "\" must be a string (it is " + it->type_name() + ")",
            line);
        return;
      }
      *field = it->get<std::string>();
    }
    ctx_.Emit(std::move(story));
  }

 private:
  const ReaderContext& ctx_;
  size_t count_ = 0;
};

}  // namespace

Status ReadJsonlStories(ByteSource& src, const ReaderContext& ctx) {
  JsonlReader reader(ctx);
  std::string line;
  bool too_long = false;
  size_t line_no = 0;
  uint64_t line_offset = 0;
  while (src.ReadLine(ctx.opts.max_story_bytes, &line, &too_long, &line_no, &line_offset)) {
    reader.Line(line, too_long, line_no, line_offset);
  }
  return Status::Ok();
}

}  // namespace eventcoder::read_internal
