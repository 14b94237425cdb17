#include "write/jsonl_writer.h"

#include <array>
#include <charconv>
#include <cstring>
#include <string_view>
#include <utility>

#include "event/cameo.h"
#include "write/event_record.h"
#include "write/json_util.h"

namespace eventcoder {

namespace {

using Unchecked = UncheckedJsonOut;

// "date":"YYYY-MM-DD" (IsoDate), written without a temporary string; at most 19 bytes.
void WriteDate(Unchecked* out, int yyyymmdd) {
  out->Lit("\"date\":");
  if (yyyymmdd <= 0 || yyyymmdd > 99991231) {
    out->Lit("\"\"");
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
  std::memcpy(out->p, buf, sizeof buf);
  out->p += sizeof buf;
}

// ,"root":...,"quad_class":...,"goldstein":... for `cameo`. The table look-up and the
// double formatting are remembered for the last few codes seen on this thread (a small
// direct-mapped cache keyed by the code itself; codes repeat a lot).
void WriteCameoFields(JsonOut* out, const std::string& cameo) {
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
  out->Raw(e.text);
}

// GeoPrecision(event) without a std::string.
std::string_view GeoPrecisionView(const Event& event) {
  if (!event.location) return "none";
  const std::string& level = event.location->level;
  if (level == "city") return "city";
  if (level == "admin1") return "admin1";
  if (level == "country") return "country";
  if (level == "region") return event.location->country_iso2.empty() ? "region" : "admin1";
  return "none";
}

// Writes the JSON object of FormatEvent (the same fields MakeEventRecord computes, but
// strings are escaped straight from the Event: WriteJsonString repairs invalid UTF-8
// exactly as ValidUtf8 does, so no validated copies are needed).
void WriteEvent(JsonOut* out, const Story& story, const Event& event,
                const WriterOptions& options) {
  // The fields up to "cameo": one room check for all of them (keys and numbers take at
  // most 160 bytes).
  std::string id_text;
  std::string_view id = event.id;
  if (id.empty()) id = id_text = StableEventId(event);
  const std::string& story_id = event.story_id.empty() ? story.id : event.story_id;
  out->Need(160 + JsonStringBound(id.size()) + JsonStringBound(story_id.size()) +
            JsonStringBound(event.date_precision.size()) +
            JsonStringBound(event.source_code.size()) + JsonStringBound(event.target_code.size()) +
            JsonStringBound(event.cameo.size()));
  Unchecked u{out->p};
  u.Lit("{\"id\":");
  u.Str(id);
  u.Lit(",\"story_id\":");
  u.Str(story_id);
  u.Lit(",\"sentence\":");
  u.Int(event.sentence);
  u.Ch(',');
  WriteDate(&u, event.date != 0 ? event.date : story.date);
  u.Lit(",\"date_precision\":");
  u.Str(event.date_precision);
  u.Lit(",\"source_code\":");
  u.Str(event.source_code);
  u.Lit(",\"target_code\":");
  u.Str(event.target_code);
  u.Lit(",\"cameo\":");
  u.Str(event.cameo);
  out->p = u.p;
  WriteCameoFields(out, event.cameo);
  // The texts: likewise one check (keys: at most 80 bytes).
  out->Need(80 + JsonStringBound(event.source_text.size()) +
            JsonStringBound(event.target_text.size()) + JsonStringBound(event.verb_text.size()) +
            JsonStringBound(event.text.size()));
  u.p = out->p;
  u.Lit(",\"source_text\":");
  u.Str(event.source_text);
  u.Lit(",\"target_text\":");
  u.Str(event.target_text);
  u.Lit(",\"verb_text\":");
  u.Str(event.verb_text);
  u.Lit(",\"text\":");
  u.Str(event.text);
  u.Lit(",\"spans\":");
  out->p = u.p;
  WriteSpansJson(out, event);
  out->Raw(",\"why\":");
  WriteWhyJson(out, event);
  out->Raw(",\"location\":");
  WriteLocationJson(out, event);
  out->Raw(",\"geo_precision\":");
  out->String(GeoPrecisionView(event));
  if (options.explain) {
    const CameoCode* row = LookupCameo(event.cameo);
    if (row != nullptr) {
      out->Raw(",\"cameo_name\":");
      out->String(row->name);
      out->Raw(",\"cameo_description\":");
      out->String(row->description);
      out->Raw(",\"cameo_notes\":");
      out->String(row->notes);
      out->Raw(",\"plover\":");
      out->String(row->plover);
    } else {
      out->Raw(
          ",\"cameo_name\":null,\"cameo_description\":null,\"cameo_notes\":null,"
          "\"plover\":null");
    }
  }
  out->Char('}');
}

}  // namespace

JsonlWriter::JsonlWriter(std::ostream* out, std::string name, WriterOptions options)
    : out_(out), name_(std::move(name)), options_(options) {}

std::string JsonlWriter::FormatEvent(const Story& story, const Event& event,
                                     const WriterOptions& options) {
  std::string out(1024, '\0');
  JsonOut o(&out, 0);
  WriteEvent(&o, story, event, options);
  out.resize(o.used());
  return out;
}

Status JsonlWriter::Write(const Story& story, const Event& event) {
  if (!*out_) return Status::Internal(name_ + ": write failed");
  // pending_ is a byte buffer whose first pending_used_ bytes are the lines held.
  JsonOut o(&pending_, pending_used_);
  WriteEvent(&o, story, event, options_);
  o.Char('\n');
  pending_used_ = o.used();
  // Lines are held until the story ends (one stream write per story); a story with very
  // many events is written in pieces.
  if (pending_used_ >= kFlushBytes) return WritePending();
  return Status::Ok();
}

Status JsonlWriter::EndStory(const Story&) { return WritePending(); }

Status JsonlWriter::WritePending() {
  if (pending_used_ > 0) {
    out_->write(pending_.data(), static_cast<std::streamsize>(pending_used_));
    pending_used_ = 0;
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
