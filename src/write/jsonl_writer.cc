#include "write/jsonl_writer.h"

#include <array>
#include <charconv>
#include <string_view>
#include <utility>

#include "event/cameo.h"
#include "write/event_record.h"
#include "write/json_util.h"

namespace eventcoder {

namespace {

// "date":"YYYY-MM-DD" (IsoDate), written without a temporary string.
void AddDate(std::string* out, int yyyymmdd) {
  out->append("\"date\":");
  if (yyyymmdd <= 0 || yyyymmdd > 99991231) {
    out->append("\"\"");
    return;
  }
  int y = yyyymmdd / 10000, m = (yyyymmdd / 100) % 100, d = yyyymmdd % 100;
  char buf[12] = {'"',
                  static_cast<char>('0' + y / 1000),
                  static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10),
                  static_cast<char>('0' + y % 10),
                  '-',
                  static_cast<char>('0' + m / 10),
                  static_cast<char>('0' + m % 10),
                  '-',
                  static_cast<char>('0' + d / 10),
                  static_cast<char>('0' + d % 10),
                  '"'};
  out->append(buf, sizeof buf);
}

// ,"root":...,"quad_class":...,"goldstein":... for `cameo`. The table look-up and the
// double formatting are remembered for the last few codes seen on this thread (a small
// direct-mapped cache keyed by the code itself; codes repeat a lot).
void AppendCameoFields(std::string* out, const std::string& cameo) {
  struct Entry {
    std::string code;
    std::string text;  // the JSON fields, from ",\"root\"" on
    bool valid = false;
  };
  static thread_local std::array<Entry, 256> cache;
  size_t h = 0;
  for (char c : cameo) h = h * 31 + static_cast<unsigned char>(c);
  Entry& e = cache[h % cache.size()];
  if (!e.valid || e.code != cameo) {
    e.code = cameo;
    e.text.assign(",\"root\":\"");
    if (IsCameoShaped(cameo)) e.text.append(cameo, 0, 2);
    e.text.append("\",\"quad_class\":");
    e.text.push_back(static_cast<char>('0' + QuadClass(cameo)));
    e.text.append(",\"goldstein\":");
    std::string g = FormatGoldstein(Goldstein(cameo));
    e.text.append(g.empty() ? std::string_view("null") : std::string_view(g));
    e.valid = true;
  }
  out->append(e.text);
}

// Appends the JSON object of FormatEvent to *out (the same fields MakeEventRecord computes,
// but strings are escaped straight from the Event: AppendJsonString repairs invalid UTF-8
// exactly as ValidUtf8 does, so no validated copies are needed).
void AppendEvent(std::string* out, const Story& story, const Event& event,
                 const WriterOptions& options) {
  out->append("{\"id\":");
  if (event.id.empty())
    AppendJsonString(out, StableEventId(event));
  else
    AppendJsonString(out, event.id);
  out->append(",\"story_id\":");
  AppendJsonString(out, event.story_id.empty() ? story.id : event.story_id);
  out->append(",\"sentence\":");
  {
    char buf[16];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, event.sentence);
    (void)ec;
    out->append(buf, end);
  }
  out->push_back(',');
  AddDate(out, event.date != 0 ? event.date : story.date);
  out->append(",\"date_precision\":");
  AppendJsonString(out, event.date_precision);
  out->append(",\"source_code\":");
  AppendJsonString(out, event.source_code);
  out->append(",\"target_code\":");
  AppendJsonString(out, event.target_code);
  out->append(",\"cameo\":");
  AppendJsonString(out, event.cameo);
  AppendCameoFields(out, event.cameo);
  out->append(",\"source_text\":");
  AppendJsonString(out, event.source_text);
  out->append(",\"target_text\":");
  AppendJsonString(out, event.target_text);
  out->append(",\"verb_text\":");
  AppendJsonString(out, event.verb_text);
  out->append(",\"text\":");
  AppendJsonString(out, event.text);
  out->append(",\"spans\":");
  AppendSpansJson(out, event);
  out->append(",\"why\":");
  AppendWhyJson(out, event);
  out->append(",\"location\":");
  AppendLocationJson(out, event);
  out->append(",\"geo_precision\":");
  AppendJsonString(out, GeoPrecision(event));
  if (options.explain) {
    const CameoCode* row = LookupCameo(event.cameo);
    if (row != nullptr) {
      out->append(",\"cameo_name\":");
      AppendJsonString(out, row->name);
      out->append(",\"cameo_description\":");
      AppendJsonString(out, row->description);
      out->append(",\"cameo_notes\":");
      AppendJsonString(out, row->notes);
      out->append(",\"plover\":");
      AppendJsonString(out, row->plover);
    } else {
      out->append(
          ",\"cameo_name\":null,\"cameo_description\":null,\"cameo_notes\":null,"
          "\"plover\":null");
    }
  }
  out->push_back('}');
}

}  // namespace

JsonlWriter::JsonlWriter(std::ostream* out, std::string name, WriterOptions options)
    : out_(out), name_(std::move(name)), options_(options) {}

std::string JsonlWriter::FormatEvent(const Story& story, const Event& event,
                                     const WriterOptions& options) {
  std::string out;
  out.reserve(1024);
  AppendEvent(&out, story, event, options);
  return out;
}

Status JsonlWriter::Write(const Story& story, const Event& event) {
  if (!*out_) return Status::Internal(name_ + ": write failed");
  AppendEvent(&pending_, story, event, options_);
  pending_.push_back('\n');
  // Lines are held until the story ends (one stream write per story); a story with very
  // many events is written in pieces.
  if (pending_.size() >= kFlushBytes) return WritePending();
  return Status::Ok();
}

Status JsonlWriter::EndStory(const Story&) { return WritePending(); }

Status JsonlWriter::WritePending() {
  if (!pending_.empty()) {
    out_->write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    pending_.clear();
  }
  if (!*out_) return Status::Internal(name_ + ": write failed");
  return Status::Ok();
}

Status JsonlWriter::Finish() {
  Status st = WritePending();
  if (!st.ok()) return st;
  out_->flush();
  if (!*out_) return Status::Internal(name_ + ": write failed");
  return Status::Ok();
}

}  // namespace eventcoder
