#include "write/jsonl_writer.h"

#include <utility>

#include "write/event_record.h"
#include "write/json_util.h"

namespace eventcoder {

namespace {

void AddKey(std::string* out, const char* key) {
  if (out->size() > 1) out->push_back(',');
  out->push_back('"');
  *out += key;
  *out += "\":";
}

void AddString(std::string* out, const char* key, std::string_view value) {
  AddKey(out, key);
  AppendJsonString(out, value);
}

void AddRaw(std::string* out, const char* key, std::string_view raw) {
  AddKey(out, key);
  *out += raw;
}

}  // namespace

JsonlWriter::JsonlWriter(std::ostream* out, std::string name, WriterOptions options)
    : out_(out), name_(std::move(name)), options_(options) {}

std::string JsonlWriter::FormatEvent(const Story& story, const Event& event,
                                     const WriterOptions& options) {
  EventRecord r = MakeEventRecord(story, event);
  std::string out;
  out.reserve(1024);
  out.push_back('{');
  AddString(&out, "id", r.id);
  AddString(&out, "story_id", r.story_id);
  AddRaw(&out, "sentence", std::to_string(r.sentence));
  AddString(&out, "date", r.date);
  AddString(&out, "date_precision", r.date_precision);
  AddString(&out, "source_code", r.source_code);
  AddString(&out, "target_code", r.target_code);
  AddString(&out, "cameo", r.cameo);
  AddString(&out, "root", r.root);
  AddRaw(&out, "quad_class", std::to_string(r.quad_class));
  std::string g = FormatGoldstein(r.goldstein);
  AddRaw(&out, "goldstein", g.empty() ? "null" : g);
  AddString(&out, "source_text", r.source_text);
  AddString(&out, "target_text", r.target_text);
  AddString(&out, "verb_text", r.verb_text);
  AddString(&out, "text", r.text);
  AddRaw(&out, "spans", SpansJson(event));
  AddRaw(&out, "why", WhyJson(event));
  AddRaw(&out, "location", LocationJson(event));
  AddString(&out, "geo_precision", GeoPrecision(event));
  if (options.explain) {
    if (r.cameo_row != nullptr) {
      AddString(&out, "cameo_name", r.cameo_row->name);
      AddString(&out, "cameo_description", r.cameo_row->description);
      AddString(&out, "cameo_notes", r.cameo_row->notes);
      AddString(&out, "plover", r.cameo_row->plover);
    } else {
      AddRaw(&out, "cameo_name", "null");
      AddRaw(&out, "cameo_description", "null");
      AddRaw(&out, "cameo_notes", "null");
      AddRaw(&out, "plover", "null");
    }
  }
  out.push_back('}');
  return out;
}

Status JsonlWriter::Write(const Story& story, const Event& event) {
  std::string line = FormatEvent(story, event, options_);
  line.push_back('\n');
  out_->write(line.data(), static_cast<std::streamsize>(line.size()));
  if (!*out_) return Status::Internal(name_ + ": write failed");
  return Status::Ok();
}

Status JsonlWriter::Finish() {
  out_->flush();
  if (!*out_) return Status::Internal(name_ + ": write failed");
  return Status::Ok();
}

}  // namespace eventcoder
