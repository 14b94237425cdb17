#include "write/event_record.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/utf8.h"

namespace eventcoder {

namespace {

// Length of the well-formed UTF-8 sequence starting at in[i], or 0 if there is none.
size_t SequenceLengthAt(std::string_view in, size_t i) {
  return Utf8SequenceLength(reinterpret_cast<const unsigned char*>(in.data()) + i, in.size() - i);
}

}  // namespace

bool IsValidUtf8(std::string_view in) {
  size_t i = 0;
  while (i < in.size()) {
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = SequenceLengthAt(in, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string ValidUtf8(std::string_view in) {
  if (IsValidUtf8(in)) return std::string(in);  // the common case: one copy
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    size_t n = SequenceLengthAt(in, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(in.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string IsoDate(int yyyymmdd) {
  if (yyyymmdd <= 0 || yyyymmdd > 99991231) return std::string();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", yyyymmdd / 10000, (yyyymmdd / 100) % 100,
                yyyymmdd % 100);
  return buf;
}

std::string FormatGoldstein(double weight) {
  if (!std::isfinite(weight)) return std::string();
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, weight);
  if (ec != std::errc()) return std::string();
  std::string s(buf, end);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

EventRecord MakeEventRecord(const Story& story, const Event& event) {
  EventRecord r;
  r.id = event.id.empty() ? StableEventId(event) : event.id;
  r.story_id = ValidUtf8(event.story_id.empty() ? story.id : event.story_id);
  r.sentence = event.sentence;
  r.date = IsoDate(event.date != 0 ? event.date : story.date);
  r.date_precision = event.date_precision;
  r.source_code = ValidUtf8(event.source_code);
  r.target_code = ValidUtf8(event.target_code);
  r.cameo = ValidUtf8(event.cameo);
  r.root = RootOf(event.cameo);
  r.quad_class = QuadClass(event.cameo);
  r.goldstein = Goldstein(event.cameo);
  r.source_text = ValidUtf8(event.source_text);
  r.target_text = ValidUtf8(event.target_text);
  r.verb_text = ValidUtf8(event.verb_text);
  r.text = ValidUtf8(event.text);
  r.cameo_row = LookupCameo(event.cameo);
  return r;
}

std::string GeoPrecision(const Event& event) {
  if (!event.location) return "none";
  const Place& p = *event.location;
  if (p.level == "city" || p.level == "admin1" || p.level == "country") return p.level;
  if (p.level == "region") return p.country_iso2.empty() ? "region" : "admin1";
  return "none";
}

std::string FormatCoordinate(double degrees) {
  if (!std::isfinite(degrees)) return "";
  // std::to_chars with a precision formats exactly as printf("%.4f"), without the locale
  // and format-string work.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, degrees, std::chars_format::fixed, 4);
  if (ec != std::errc()) return "";
  return std::string(buf, end);
}

}  // namespace eventcoder
