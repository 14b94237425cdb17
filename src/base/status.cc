#include "base/status.h"

namespace eventcoder {

std::string Status::ToString() const {
  if (ok()) return "OK";
  return message_;
}

std::string FormatError(const Location& where, std::string_view what, std::string_view excerpt) {
  std::string out = where.file.empty() ? std::string("-") : where.file;
  if (where.line > 0) out += ":" + std::to_string(where.line);
  out += ": ";
  if (!where.story_id.empty()) out += "story " + where.story_id + ": ";
  out += what;
  if (!excerpt.empty()) {
    size_t n = excerpt.size() < 80 ? excerpt.size() : 80;
    // Back up to a UTF-8 character boundary.
    while (n > 0 && n < excerpt.size() && (static_cast<unsigned char>(excerpt[n]) & 0xC0) == 0x80)
      --n;
    out += ": \"";
    for (size_t i = 0; i < n; ++i) {
      unsigned char c = static_cast<unsigned char>(excerpt[i]);
      if (c == '\n')
        out += "\\n";
      else if (c == '\t')
        out += "\\t";
      else if (c < 0x20)
        out += "?";
      else
        out += static_cast<char>(c);
    }
    if (n < excerpt.size()) out += "...";
    out += "\"";
  }
  return out;
}

}  // namespace eventcoder
