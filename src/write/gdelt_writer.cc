#include "write/gdelt_writer.h"

#include <cmath>
#include <cstdio>
#include <utility>

#include "dedupe/one_a_day.h"
#include "event/cameo.h"
#include "write/actor_code.h"
#include "write/event_record.h"

namespace eventcoder {

namespace {

std::string Clean(std::string_view s) {
  std::string out = ValidUtf8(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string Stamp(int yyyymmdd) { return yyyymmdd > 0 ? std::to_string(yyyymmdd) + "000000" : ""; }

std::string UrlHost(const std::string& url) {
  size_t p = url.find("://");
  if (p == std::string::npos) return "";
  size_t b = p + 3, e = url.find_first_of("/?#:", b);
  std::string host = url.substr(b, e == std::string::npos ? std::string::npos : e - b);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

void AddActor(std::vector<std::string>* row, const std::string& code, const std::string& name) {
  ActorParts a = SplitActorCode(code);
  bool coded = !code.empty() && code.front() != '"';
  row->push_back(coded ? Clean(code) : "");
  row->push_back(Clean(name));
  for (const std::string* f : {&a.country, &a.known_group, &a.ethnic, &a.religion1, &a.religion2,
                               &a.type1, &a.type2, &a.type3})
    row->push_back(*f);
}

void AddEmptyGeo(std::vector<std::string>* row) {
  row->push_back("0");
  for (int i = 0; i < 7; ++i) row->push_back("");
}

}  // namespace

GdeltWriter::GdeltWriter(std::ostream* events, std::string name, std::ostream* mentions,
                         std::string mentions_name)
    : events_(events),
      name_(std::move(name)),
      mentions_(mentions),
      mentions_name_(std::move(mentions_name)) {}

uint64_t GdeltWriter::GdeltEventId(const std::string& id) {
  if (id.empty() || id.size() > 16) return 0;
  uint64_t v = 0;
  for (char c : id) {
    int d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    else
      return 0;
    v = v << 4 | static_cast<uint64_t>(d);
  }
  return v & 0x7fffffffffffffffULL;
}

std::vector<std::string> GdeltWriter::EventRow(const Story& story, const Event& event) {
  std::vector<std::string> row;
  row.reserve(kEventColumns);
  int date = event.date != 0 ? event.date : story.date;
  int y = date / 10000, m = date / 100 % 100, d = date % 100;
  row.push_back(std::to_string(GdeltEventId(event.id)));
  row.push_back(std::to_string(date));
  row.push_back(std::to_string(date / 100));
  row.push_back(std::to_string(y));
  char frac[32];
  std::snprintf(frac, sizeof frac, "%.4f", y + (m * 30 + d) / 365.0);
  row.push_back(frac);
  AddActor(&row, event.source_code, event.source_text);
  AddActor(&row, event.target_code, event.target_text);
  const EventMention first =
      event.mentions.empty() ? OneADaySink::MentionOf(story, event) : event.mentions.front();
  row.push_back(first.sentence == 0 ? "1" : "0");
  bool cameo = IsCameoShaped(event.cameo);
  row.push_back(Clean(event.cameo));
  row.push_back(cameo ? event.cameo.substr(0, 3) : "");
  row.push_back(RootOf(event.cameo));
  row.push_back(std::to_string(QuadClass(event.cameo)));
  row.push_back(FormatGoldstein(Goldstein(event.cameo)));
  row.push_back(std::to_string(event.num_mentions));
  row.push_back(std::to_string(event.num_sources));
  row.push_back(std::to_string(event.num_articles));
  row.push_back("");  // AvgTone
  AddEmptyGeo(&row);  // Actor1Geo
  AddEmptyGeo(&row);  // Actor2Geo
  if (event.location) {
    const Place& p = *event.location;
    bool us = p.country_iso2 == "US";
    int type = p.level == "country" ? 1 : p.level == "city" ? (us ? 3 : 4) : (us ? 2 : 5);
    row.push_back(std::to_string(type));
    std::string full = p.name;
    if (!p.admin1.empty() && p.admin1 != p.name) full += ", " + p.admin1;
    row.push_back(Clean(full));
    row.push_back(p.country_iso2);
    row.push_back(p.country_iso2);
    row.push_back("");
    row.push_back(FormatCoordinate(p.lat));
    row.push_back(FormatCoordinate(p.lon));
    row.push_back(p.level == "country" ? p.country_iso2 : "");
  } else {
    AddEmptyGeo(&row);
  }
  row.push_back(Stamp(first.story_date != 0 ? first.story_date : date));
  row.push_back(Clean(!first.url.empty() ? first.url : first.story_id));
  return row;
}

std::vector<std::vector<std::string>> GdeltWriter::MentionRows(const Story& story,
                                                               const Event& event) {
  std::vector<EventMention> own;
  const std::vector<EventMention>* ms = &event.mentions;
  if (ms->empty()) {
    own.push_back(OneADaySink::MentionOf(story, event));
    ms = &own;
  }
  std::string id = std::to_string(GdeltEventId(event.id));
  std::string added = Stamp(ms->front().story_date);
  std::vector<std::vector<std::string>> rows;
  for (const EventMention& m : *ms) {
    std::vector<std::string> r;
    r.push_back(id);
    r.push_back(added);
    r.push_back(Stamp(m.story_date));
    r.push_back(m.url.empty() ? "2" : "1");
    r.push_back(Clean(!m.outlet.empty() ? m.outlet : UrlHost(m.url)));
    r.push_back(Clean(!m.url.empty() ? m.url : m.story_id));
    r.push_back(std::to_string(m.sentence + 1));
    r.push_back(std::to_string(m.source_offset));
    r.push_back(std::to_string(m.target_offset));
    r.push_back(std::to_string(m.verb_offset));
    r.push_back("1");
    r.push_back("");
    r.push_back(std::to_string(m.story_length));
    r.push_back("");
    r.push_back("");
    r.push_back("");
    rows.push_back(std::move(r));
  }
  return rows;
}

Status GdeltWriter::Write(const Story& story, const Event& event) {
  auto emit = [](std::ostream* out, const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) line.push_back('\t');
      line += row[i];
    }
    line.push_back('\n');
    out->write(line.data(), static_cast<std::streamsize>(line.size()));
  };
  emit(events_, EventRow(story, event));
  if (!*events_) return Status::Internal(name_ + ": write failed");
  if (mentions_ != nullptr) {
    for (const auto& r : MentionRows(story, event)) emit(mentions_, r);
    if (!*mentions_) return Status::Internal(mentions_name_ + ": write failed");
  }
  return Status::Ok();
}

Status GdeltWriter::Finish() {
  events_->flush();
  if (!*events_) return Status::Internal(name_ + ": write failed");
  if (mentions_ != nullptr) {
    mentions_->flush();
    if (!*mentions_) return Status::Internal(mentions_name_ + ": write failed");
  }
  return Status::Ok();
}

}  // namespace eventcoder
