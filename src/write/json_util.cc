#include "write/json_util.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/utf8.h"
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

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// True when one of the 8 bytes at p is not kPlain. Word-at-a-time tests ("Bit Twiddling
// Hacks"): (v - kOnes) & ~v & kHighs is non-zero iff some byte of v is zero, and
// (v - n * kOnes) & ~v & kHighs iff some byte is below n (for n <= 128).
bool NeedsAttention(uint64_t v) {
  auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  uint64_t hit = (v & kHighs) | ((v - 0x20 * kOnes) & ~v & kHighs) | has_zero(v ^ ('"' * kOnes)) |
                 has_zero(v ^ ('\\' * kOnes)) | has_zero(v ^ (0x7F * kOnes));
  return hit != 0;
}
#if defined(__SSE2__)
// The same test on 16 bytes. A signed compare: bytes >= 0x80 are negative, so "< 0x20"
// also catches non-ASCII bytes.
inline bool NeedsAttention16(__m128i v) {
  __m128i bad = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
      _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
  return _mm_movemask_epi8(bad) != 0;
}
#endif

// NeedsAttention(a) || NeedsAttention(b), in one 16-byte test where SSE2 is there.
inline bool NeedsAttention(uint64_t a, uint64_t b) {
#if defined(__SSE2__)
  return NeedsAttention16(_mm_set_epi64x(static_cast<long long>(b), static_cast<long long>(a)));
#else
  return NeedsAttention(a) || NeedsAttention(b);
#endif
}

bool NeedsAttention(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return NeedsAttention(v);
}

}  // namespace

namespace {
char* WriteJsonStringGeneral(char* out, std::string_view s);
}  // namespace

// Strings under 16 bytes (most fields: codes, roles, short names) are checked with one or
// two overlapping word loads and copied with the same overlapping stores; anything that
// needs attention, and longer strings, take the general pass.
char* WriteJsonString(char* out, std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  if (n >= 16) {
#if defined(__SSE2__)
    // All-plain strings (nearly all) in 16-byte blocks, the last block overlapping the one
    // before; at the first block that needs attention the general pass starts over.
    char* o = out + 1;
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      if (NeedsAttention16(v)) return WriteJsonStringGeneral(out, s);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o + i), v);
    }
    if (i < n) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
      if (NeedsAttention16(v)) return WriteJsonStringGeneral(out, s);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o + n - 16), v);
    }
    out[0] = '"';
    o[n] = '"';
    return o + n + 1;
#else
    return WriteJsonStringGeneral(out, s);
#endif
  }
  if (n >= 8) {
    uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
    if (NeedsAttention(a, b)) return WriteJsonStringGeneral(out, s);
    out[0] = '"';
    std::memcpy(out + 1, &a, 8);
    std::memcpy(out + 1 + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    uint64_t v = a | (static_cast<uint64_t>(b) << 32);
    if (NeedsAttention(v, v)) return WriteJsonStringGeneral(out, s);
    out[0] = '"';
    std::memcpy(out + 1, &a, 4);
    std::memcpy(out + 1 + n - 4, &b, 4);
  } else if (n > 0) {
    // Bytes 0, n/2 and n-1 cover a string of 1 to 3 bytes; the word is padded with 'a'.
    unsigned char b0 = p[0], b1 = p[n / 2], b2 = p[n - 1];
    uint64_t v = 0x6161616161000000ULL | b0 | (static_cast<uint64_t>(b1) << 8) |
                 (static_cast<uint64_t>(b2) << 16);
    if (NeedsAttention(v, v)) return WriteJsonStringGeneral(out, s);
    out[0] = '"';
    out[1] = static_cast<char>(b0);
    out[1 + n / 2] = static_cast<char>(b1);
    out[n] = static_cast<char>(b2);
  } else {
    out[0] = '"';
  }
  out[n + 1] = '"';
  return out + n + 2;
}

namespace {

// One pass that both repairs invalid UTF-8 (as ValidUtf8 does: each bad byte becomes
// U+FFFD) and escapes. Plain bytes (no control byte, '"', '\\', DEL or non-ASCII byte) are
// checked and copied 16 at a time with SSE2, 8 at a time otherwise.
char* WriteJsonStringGeneral(char* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  *out++ = '"';
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // Room: the caller gave 6n + 2 bytes and at most 6 per byte so far are used, so 16
    // bytes can always be stored while 16 remain to read.
    while (i + 16 <= n) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      // Signed compare: bytes >= 0x80 are negative, so "< 0x20" also catches non-ASCII.
      __m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                              _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                                 _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                              _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out), v);
      unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(bad));
      if (mask != 0) {
        unsigned k = static_cast<unsigned>(__builtin_ctz(mask));
        out += k;
        i += k;
        goto slow;
      }
      out += 16;
      i += 16;
    }
    // The last bytes (fewer than 16, after at least 16): the string's last 16 bytes
    // overlap what was copied already; those are plain and rewritten unchanged.
    if (i < n && n >= 16) {
      size_t back = i - (n - 16);
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
      __m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                              _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                                 _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                              _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
      if (_mm_movemask_epi8(bad) == 0) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out - back), v);
        out += n - i;
        i = n;
        break;
      }
    }
#endif
    while (i + 8 <= n && !NeedsAttention(p + i)) {
      std::memcpy(out, p + i, 8);
      out += 8;
      i += 8;
    }
    if (i >= n) break;
#if defined(__SSE2__)
  slow:
#endif
    unsigned char c = p[i];
    unsigned char cls = kByteClass[c];
    if (cls == kPlain) {
      *out++ = static_cast<char>(c);
      ++i;
      continue;
    }
    if (cls == kHigh) {
      size_t len = Utf8SequenceLength(p + i, n - i);
      bool line_sep =
          len == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9);
      if (len > 0 && !line_sep) {
        std::memcpy(out, p + i, len);
        out += len;
        i += len;
        continue;
      }
      if (len == 0) {
        std::memcpy(out, "\xEF\xBF\xBD", 3);
        out += 3;
        i += 1;
      } else {
        std::memcpy(out, p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
        out += 6;
        i += 3;
      }
      continue;
    }
    char esc = 0;
    switch (c) {
      case '"':
        esc = '"';
        break;
      case '\\':
        esc = '\\';
        break;
      case '\n':
        esc = 'n';
        break;
      case '\t':
        esc = 't';
        break;
      case '\r':
        esc = 'r';
        break;
      case '\b':
        esc = 'b';
        break;
      case '\f':
        esc = 'f';
        break;
      default:
        break;
    }
    if (esc != 0) {
      out[0] = '\\';
      out[1] = esc;
      out += 2;
    } else {
      char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      std::memcpy(out, u, 6);
      out += 6;
    }
    ++i;
  }
  *out++ = '"';
  return out;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  size_t old = out->size();
  out->resize(old + JsonStringBound(s.size()));
  char* end = WriteJsonString(out->data() + old, s);
  out->resize(static_cast<size_t>(end - out->data()));
}

void JsonOut::Grow(size_t n) {
  size_t used = this->used();
  size_t want = used + n + 1024;
  if (want < 2 * buf_->size()) want = 2 * buf_->size();
  buf_->resize(want);
  p = buf_->data() + used;
  end = buf_->data() + buf_->size();
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

namespace {

void WriteSpans(JsonOut* out, const std::vector<Span>& spans) {
  // "[" + per span "[b,e]," with b and e at most 20 digits each, + "]".
  out->Need(2 + spans.size() * 44);
  char* p = out->p;
  *p++ = '[';
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) *p++ = ',';
    *p++ = '[';
    p = WriteDecimal(p, static_cast<uint64_t>(spans[i].begin));
    *p++ = ',';
    p = WriteDecimal(p, static_cast<uint64_t>(spans[i].end));
    *p++ = ']';
  }
  *p++ = ']';
  out->p = p;
}

// Calls write(JsonOut*) on a JsonOut over *s, then trims *s to the text.
template <typename Fn>
void AppendVia(std::string* s, Fn write) {
  JsonOut out(s, s->size());
  write(&out);
  s->resize(out.used());
}

}  // namespace

void WriteSpansJson(JsonOut* out, const Event& event) {
  out->Raw("{\"source\":");
  WriteSpans(out, event.source_spans);
  out->Raw(",\"target\":");
  WriteSpans(out, event.target_spans);
  out->Raw(",\"verb\":");
  WriteSpans(out, event.verb_spans);
  out->Char('}');
}

std::string SpansJson(const Event& event) {
  std::string out;
  AppendVia(&out, [&](JsonOut* o) { WriteSpansJson(o, event); });
  return out;
}

void WriteWhyJson(JsonOut* out, const Event& event) {
  // One room check per entry (its keys and punctuation take at most 64 bytes).
  out->Need(2);
  UncheckedJsonOut u{out->p};
  u.Ch('[');
  for (size_t i = 0; i < event.why.size(); ++i) {
    const WhyEntry& w = event.why[i];
    out->p = u.p;
    out->Need(64 + UncheckedJsonOut::kIntBound + JsonStringBound(w.role.size()) +
              JsonStringBound(w.file.size()) + JsonStringBound(w.entry.size()));
    u.p = out->p;
    if (i > 0) u.Ch(',');
    u.Lit("{\"role\":");
    u.Str(w.role);
    u.Lit(",\"file\":");
    u.Str(w.file);
    u.Lit(",\"line\":");
    u.Int(w.line);
    u.Lit(",\"entry\":");
    u.Str(w.entry);
    u.Ch('}');
  }
  u.Ch(']');  // room: the 2 bytes asked first, or the last entry's 64
  out->p = u.p;
}

std::string WhyJson(const Event& event) {
  std::string out;
  AppendVia(&out, [&](JsonOut* o) { WriteWhyJson(o, event); });
  return out;
}

void WriteLocationJson(JsonOut* out, const Event& event) {
  if (!event.location) {
    out->Raw("null");
    return;
  }
  const Place& p = *event.location;
  // Two room checks: for the names (keys and punctuation take at most 80 bytes), and once
  // the coordinates' texts are known, for the rest.
  out->Need(80 + JsonStringBound(p.name.size()) + JsonStringBound(p.level.size()) +
            JsonStringBound(p.country_iso2.size()) + JsonStringBound(p.country_iso3.size()) +
            JsonStringBound(p.admin1.size()));
  UncheckedJsonOut u{out->p};
  u.Lit("{\"name\":");
  u.Str(p.name);
  u.Lit(",\"level\":");
  u.Str(p.level);
  u.Lit(",\"country_code\":");
  u.Str(p.country_iso2);
  u.Lit(",\"country_iso3\":");
  u.Str(p.country_iso3);
  u.Lit(",\"admin1\":");
  u.Str(p.admin1);
  // Places repeat (events of a story mostly share theirs, and a corpus names a few hundred
  // places): keep the coordinates' text of recent places in a direct-mapped cache, as
  // formatting a double is the costly part. Keyed bit for bit, so NaN and -0.0 are handled
  // exactly. Plain bytes (zero-initialized thread_local storage: no guard, no destructor);
  // a text too long for a slot (absurd coordinates) is written without caching it.
  struct CoordinateCache {
    uint64_t lat_bits, lon_bits;
    bool valid;
    uint8_t lat_len, lon_len;
    char lat[23], lon[23];
  };
  static thread_local CoordinateCache caches[1024];
  uint64_t lat_bits, lon_bits;
  std::memcpy(&lat_bits, &p.lat, sizeof lat_bits);
  std::memcpy(&lon_bits, &p.lon, sizeof lon_bits);
  uint64_t h = (lat_bits ^ (lon_bits * 0x9E3779B97F4A7C15ULL)) * 0x9E3779B97F4A7C15ULL;
  CoordinateCache& cache = caches[h >> 54];
  std::string_view lat_text, lon_text;
  std::string lat_long, lon_long;  // only for texts that do not fit a slot
  if (!cache.valid || cache.lat_bits != lat_bits || cache.lon_bits != lon_bits) {
    lat_long = FormatCoordinate(p.lat);
    lon_long = FormatCoordinate(p.lon);
    if (lat_long.size() <= sizeof cache.lat && lon_long.size() <= sizeof cache.lon) {
      std::memcpy(cache.lat, lat_long.data(), lat_long.size());
      std::memcpy(cache.lon, lon_long.data(), lon_long.size());
      cache.lat_len = static_cast<uint8_t>(lat_long.size());
      cache.lon_len = static_cast<uint8_t>(lon_long.size());
      cache.lat_bits = lat_bits;
      cache.lon_bits = lon_bits;
      cache.valid = true;
    } else {
      lat_text = lat_long;
      lon_text = lon_long;
    }
  }
  if (cache.valid && cache.lat_bits == lat_bits && cache.lon_bits == lon_bits) {
    lat_text = std::string_view(cache.lat, cache.lat_len);
    lon_text = std::string_view(cache.lon, cache.lon_len);
  }
  out->p = u.p;
  out->Need(64 + lat_text.size() + lon_text.size() + JsonStringBound(p.words.size()) +
            JsonStringBound(p.basis.size()));
  u.p = out->p;
  u.Lit(",\"lat\":");
  u.Raw(lat_text.empty() ? std::string_view("null") : lat_text);
  u.Lit(",\"lon\":");
  u.Raw(lon_text.empty() ? std::string_view("null") : lon_text);
  u.Lit(",\"words\":");
  u.Str(p.words);
  u.Lit(",\"basis\":");
  u.Str(p.basis);
  u.Ch('}');
  out->p = u.p;
}

std::string LocationJson(const Event& event) {
  std::string out;
  AppendVia(&out, [&](JsonOut* o) { WriteLocationJson(o, event); });
  return out;
}

}  // namespace eventcoder
