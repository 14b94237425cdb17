#include "write/json_util.h"

#include <vector>

#include "write/event_record.h"

namespace eventcoder {

void AppendJsonString(std::string* out, std::string_view raw) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string repaired;  // only for invalid UTF-8
  std::string_view s = raw;
  if (!IsValidUtf8(raw)) {
    repaired = ValidUtf8(raw);
    s = repaired;
  }
  out->push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    // Copy the run of bytes that need no escape at once.
    size_t run = i;
    while (run < s.size()) {
      unsigned char r = static_cast<unsigned char>(s[run]);
      if (r < 0x20 || r == '"' || r == '\\' || r == 0x7F || r == 0xE2) break;
      ++run;
    }
    if (run > i) {
      out->append(s.substr(i, run - i));
      i = run;
      if (i >= s.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          *out += "\\u00";
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' &&
                   (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
          *out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
          i += 2;
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

namespace {

void AppendSpans(std::string* out, const std::vector<Span>& spans) {
  out->push_back('[');
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) out->push_back(',');
    *out += "[" + std::to_string(spans[i].begin) + "," + std::to_string(spans[i].end) + "]";
  }
  out->push_back(']');
}

}  // namespace

std::string SpansJson(const Event& event) {
  std::string out = "{\"source\":";
  AppendSpans(&out, event.source_spans);
  out += ",\"target\":";
  AppendSpans(&out, event.target_spans);
  out += ",\"verb\":";
  AppendSpans(&out, event.verb_spans);
  out.push_back('}');
  return out;
}

std::string WhyJson(const Event& event) {
  std::string out = "[";
  for (size_t i = 0; i < event.why.size(); ++i) {
    const WhyEntry& w = event.why[i];
    if (i > 0) out.push_back(',');
    out += "{\"role\":";
    AppendJsonString(&out, w.role);
    out += ",\"file\":";
    AppendJsonString(&out, w.file);
    out += ",\"line\":" + std::to_string(w.line) + ",\"entry\":";
    AppendJsonString(&out, w.entry);
    out.push_back('}');
  }
  out.push_back(']');
  return out;
}

std::string LocationJson(const Event& event) {
  if (!event.location) return "null";
  const Place& p = *event.location;
  std::string out = "{\"name\":";
  AppendJsonString(&out, p.name);
  out += ",\"level\":";
  AppendJsonString(&out, p.level);
  out += ",\"country_code\":";
  AppendJsonString(&out, p.country_iso2);
  out += ",\"country_iso3\":";
  AppendJsonString(&out, p.country_iso3);
  out += ",\"admin1\":";
  AppendJsonString(&out, p.admin1);
  std::string lat = FormatCoordinate(p.lat), lon = FormatCoordinate(p.lon);
  out += ",\"lat\":" + (lat.empty() ? std::string("null") : lat);
  out += ",\"lon\":" + (lon.empty() ? std::string("null") : lon);
  out += ",\"words\":";
  AppendJsonString(&out, p.words);
  out += ",\"basis\":";
  AppendJsonString(&out, p.basis);
  out.push_back('}');
  return out;
}

}  // namespace eventcoder
