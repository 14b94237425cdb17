#include "write/plover_writer.h"

#include <utility>

#include "event/cameo.h"
#include "write/actor_code.h"
#include "write/event_record.h"
#include "write/json_util.h"

namespace eventcoder {

namespace {

std::string Trimmed(std::string_view s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return "";
  size_t b = s.find_last_not_of(" \t");
  return std::string(s.substr(a, b - a + 1));
}

std::string List(std::string_view one) {
  std::string v = Trimmed(one);
  return v.empty() ? "[]" : "[" + JsonString(v) + "]";
}

std::string Entity(const std::string& code, const std::string& text) {
  ActorParts a = SplitActorCode(code);
  std::string top = !a.country.empty()       ? a.country
                    : !a.known_group.empty() ? a.known_group
                                             : a.type1;
  std::string sector = PloverSector(a.type1);
  if (sector.empty()) sector = PloverSector(a.type2);
  std::string out = "{\"code\":" + JsonString(top) + ",\"sector\":" + JsonString(sector) +
                    ",\"entity_text\":" + JsonString(text) + ",\"cameo_code\":" + JsonString(code) +
                    "}";
  return out;
}

}  // namespace

PloverWriter::PloverWriter(std::ostream* out, std::string name)
    : out_(out), name_(std::move(name)) {}

std::string PloverWriter::FormatEvent(const Story& story, const Event& event) {
  const CameoCode* row = LookupCameoOrParent(event.cameo);
  if (row == nullptr || Trimmed(row->plover).empty()) return "";
  EventRecord r = MakeEventRecord(story, event);
  std::string out = "{\"id\":" + JsonString(r.id);
  out += ",\"date\":" + JsonString(r.date);
  out += ",\"actor\":[" + Entity(event.source_code, event.source_text) + "]";
  out += ",\"recipient\":";
  out +=
      event.target_code.empty() ? "[]" : "[" + Entity(event.target_code, event.target_text) + "]";
  out += ",\"event\":" + List(row->plover);
  out += ",\"mode\":" + List(row->plover_mode);
  out += ",\"context\":" + List(row->plover_context);
  out += ",\"quad_code\":" + std::to_string(r.quad_class);
  out += ",\"event_loc\":";
  if (event.location) {
    const Place& p = *event.location;
    std::string lat = FormatCoordinate(p.lat), lon = FormatCoordinate(p.lon);
    int resolution = p.level == "city" ? 4 : p.level == "country" ? 1 : 2;
    out += "{\"extracted_place\":" + JsonString(p.words);
    out += ",\"resolved_place\":" + JsonString(p.name);
    out += ",\"lat\":" + (lat.empty() ? std::string("null") : lat);
    out += ",\"lon\":" + (lon.empty() ? std::string("null") : lon);
    out += ",\"city\":" + JsonString(p.level == "city" ? p.name : "");
    out += ",\"province\":" + JsonString(p.level == "admin1" ? p.name : p.admin1);
    out += ",\"country\":" + JsonString(p.country_iso2);
    out += ",\"country_code\":" + JsonString(p.country_iso3);
    out += ",\"resolution\":" + std::to_string(resolution) + "}";
  } else {
    out += "null";
  }
  out += ",\"event_text\":" + List(event.verb_text);
  out += ",\"text\":" + JsonString(event.text);
  long start = event.verb_spans.empty() ? -1 : static_cast<long>(event.verb_spans.front().begin);
  long end = event.verb_spans.empty() ? -1 : static_cast<long>(event.verb_spans.back().end);
  out += ",\"text_info\":{\"story_id\":" + JsonString(r.story_id) +
         ",\"sequence\":" + std::to_string(event.sentence + 1) +
         ",\"start\":" + std::to_string(start) + ",\"end\":" + std::to_string(end) + "}";
  out += ",\"cite_info\":{\"url\":" + JsonString(story.url) +
         ",\"publication\":" + JsonString(story.source) + "}";
  out += ",\"coder\":\"eventcoder\"";
  out += ",\"cameo\":" + JsonString(event.cameo);
  out += "}";
  return out;
}

Status PloverWriter::Write(const Story& story, const Event& event) {
  std::string line = FormatEvent(story, event);
  if (line.empty()) {
    ++skipped_;
    return Status::Ok();
  }
  line.push_back('\n');
  out_->write(line.data(), static_cast<std::streamsize>(line.size()));
  if (!*out_) return Status::Internal(name_ + ": write failed");
  return Status::Ok();
}

Status PloverWriter::Finish() {
  out_->flush();
  if (!*out_) return Status::Internal(name_ + ": write failed");
  return Status::Ok();
}

}  // namespace eventcoder
