#include "write/json_util.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <vector>

#include "write/event_record.h"

namespace eventcoder {

namespace {

// Byte classes for AppendJsonString: bytes copied as they are, ASCII bytes that need an
// escape, and the lead/continuation bytes of multi-byte UTF-8 (validated as sequences).
enum : unsigned char { kPlain = 0, kEscape = 1, kHigh = 2 };

constexpr auto kByteClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F)
      t[c] = kEscape;
    else if (c >= 0x80)
      t[c] = kHigh;
    else
      t[c] = kPlain;
  }
  return t;
}();

// Length of the well-formed UTF-8 sequence at p[0..n) (p[0] >= 0x80), or 0 if there is none
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed).
size_t HighSequenceLength(const unsigned char* p, size_t n) {
  unsigned char c = p[0];
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (len > n) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
  }
  return len;
}

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// True when one of the 8 bytes at p is not kPlain. Word-at-a-time tests ("Bit Twiddling
// Hacks"): (v - kOnes) & ~v & kHighs is non-zero iff some byte of v is zero, and
// (v - n * kOnes) & ~v & kHighs iff some byte is below n (for n <= 128).
bool NeedsAttention(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  uint64_t hit = (v & kHighs) | ((v - 0x20 * kOnes) & ~v & kHighs) | has_zero(v ^ ('"' * kOnes)) |
                 has_zero(v ^ ('\\' * kOnes)) | has_zero(v ^ (0x7F * kOnes));
  return hit != 0;
}

}  // namespace

// One pass that both repairs invalid UTF-8 (as ValidUtf8 does: each bad byte becomes
// U+FFFD) and escapes; runs of bytes that need neither are appended at once.
void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes to copy verbatim
  size_t i = 0;
  while (i < n) {
    // Eight plain bytes at a time (no control byte, '"', '\\', DEL or non-ASCII byte).
    while (i + 8 <= n && !NeedsAttention(p + i)) i += 8;
    if (i >= n) break;
    unsigned char cls = kByteClass[p[i]];
    if (cls == kPlain) {
      ++i;
      continue;
    }
    if (cls == kHigh) {
      size_t len = HighSequenceLength(p + i, n - i);
      bool line_sep =
          len == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9);
      if (len > 0 && !line_sep) {
        i += len;
        continue;
      }
      out->append(s.data() + run, i - run);
      if (len == 0) {
        out->append("\xEF\xBF\xBD");
        i += 1;
      } else {
        out->append(p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
        i += 3;
      }
      run = i;
      continue;
    }
    out->append(s.data() + run, i - run);
    unsigned char c = p[i];
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default: {
        char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(esc, 6);
      }
    }
    ++i;
    run = i;
  }
  out->append(s.data() + run, n - run);
  out->push_back('"');
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

namespace {

void AppendUnsigned(std::string* out, uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;  // 24 bytes always hold a uint64_t
  out->append(buf, end);
}

void AppendSpans(std::string* out, const std::vector<Span>& spans) {
  out->push_back('[');
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->push_back('[');
    AppendUnsigned(out, spans[i].begin);
    out->push_back(',');
    AppendUnsigned(out, spans[i].end);
    out->push_back(']');
  }
  out->push_back(']');
}

}  // namespace

void AppendSpansJson(std::string* out, const Event& event) {
  out->append("{\"source\":");
  AppendSpans(out, event.source_spans);
  out->append(",\"target\":");
  AppendSpans(out, event.target_spans);
  out->append(",\"verb\":");
  AppendSpans(out, event.verb_spans);
  out->push_back('}');
}

std::string SpansJson(const Event& event) {
  std::string out;
  AppendSpansJson(&out, event);
  return out;
}

void AppendWhyJson(std::string* out, const Event& event) {
  out->push_back('[');
  for (size_t i = 0; i < event.why.size(); ++i) {
    const WhyEntry& w = event.why[i];
    if (i > 0) out->push_back(',');
    out->append("{\"role\":");
    AppendJsonString(out, w.role);
    out->append(",\"file\":");
    AppendJsonString(out, w.file);
    out->append(",\"line\":");
    char buf[16];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, w.line);
    (void)ec;  // 16 bytes always hold an int
    out->append(buf, end);
    out->append(",\"entry\":");
    AppendJsonString(out, w.entry);
    out->push_back('}');
  }
  out->push_back(']');
}

std::string WhyJson(const Event& event) {
  std::string out;
  AppendWhyJson(&out, event);
  return out;
}

void AppendLocationJson(std::string* out, const Event& event) {
  if (!event.location) {
    out->append("null");
    return;
  }
  const Place& p = *event.location;
  out->append("{\"name\":");
  AppendJsonString(out, p.name);
  out->append(",\"level\":");
  AppendJsonString(out, p.level);
  out->append(",\"country_code\":");
  AppendJsonString(out, p.country_iso2);
  out->append(",\"country_iso3\":");
  AppendJsonString(out, p.country_iso3);
  out->append(",\"admin1\":");
  AppendJsonString(out, p.admin1);
  // Places repeat (events of a story mostly share theirs): keep the coordinates' text of
  // recent places in a small direct-mapped cache, as formatting a double is the costly part.
  // Keyed bit for bit, so NaN and -0.0 are handled exactly.
  struct CoordinateCache {
    uint64_t lat_bits = 0, lon_bits = 0;
    bool valid = false;
    std::string lat, lon;
  };
  static thread_local std::array<CoordinateCache, 64> caches;
  uint64_t lat_bits, lon_bits;
  std::memcpy(&lat_bits, &p.lat, sizeof lat_bits);
  std::memcpy(&lon_bits, &p.lon, sizeof lon_bits);
  uint64_t h = (lat_bits ^ (lon_bits * 0x9E3779B97F4A7C15ULL)) * 0x9E3779B97F4A7C15ULL;
  CoordinateCache& cache = caches[h >> 58];
  if (!cache.valid || cache.lat_bits != lat_bits || cache.lon_bits != lon_bits) {
    cache.lat = FormatCoordinate(p.lat);
    cache.lon = FormatCoordinate(p.lon);
    cache.lat_bits = lat_bits;
    cache.lon_bits = lon_bits;
    cache.valid = true;
  }
  out->append(",\"lat\":");
  out->append(cache.lat.empty() ? std::string_view("null") : std::string_view(cache.lat));
  out->append(",\"lon\":");
  out->append(cache.lon.empty() ? std::string_view("null") : std::string_view(cache.lon));
  out->append(",\"words\":");
  AppendJsonString(out, p.words);
  out->append(",\"basis\":");
  AppendJsonString(out, p.basis);
  out->push_back('}');
}

std::string LocationJson(const Event& event) {
  std::string out;
  AppendLocationJson(&out, event);
  return out;
}

}  // namespace eventcoder
