// Minimal JSON text building for the writers: string quoting that always yields valid JSON
// (and valid UTF-8) for any input bytes, and the spans / why arrays of an Event.
//
// Key order is fixed by the caller's code, so output is byte-for-byte deterministic.
// Thread safety: pure functions.
#ifndef EVENTCODER_WRITE_JSON_UTIL_H_
#define EVENTCODER_WRITE_JSON_UTIL_H_

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "eventcoder/event.h"

namespace eventcoder {

// Appends `s` as a quoted JSON string: invalid UTF-8 bytes become U+FFFD; '"', '\\' and
// control characters are escaped (\n, \t, \r, \b, \f, else \u00XX); U+2028 and U+2029 are
// escaped too so the line is also safe to embed in JavaScript.
void AppendJsonString(std::string* out, std::string_view s);
std::string JsonString(std::string_view s);

// The same text written to raw memory, for writers that format into their own buffer:
// `p` must have room for JsonStringBound(s.size()) bytes; returns the end of the text.
constexpr size_t JsonStringBound(size_t n) { return 6 * n + 2; }  // "\u00XX" per byte
char* WriteJsonString(char* p, std::string_view s);

// A write cursor over a std::string used as a raw byte buffer: text goes to [p, end) with
// one room check per field and no per-append size bookkeeping. The string's size() is the
// buffer's capacity (bytes past used() are scratch); grows by resizing it. Take used()
// when done (and resize the string to it if it is to be read as text).
class JsonOut {
 public:
  JsonOut(std::string* buf, size_t used)
      : buf_(buf), p(buf->data() + used), end(buf->data() + buf->size()) {}

  size_t used() const { return static_cast<size_t>(p - buf_->data()); }
  // Makes room for n more bytes at p.
  void Need(size_t n) {
    if (static_cast<size_t>(end - p) < n) Grow(n);
  }
  void Raw(std::string_view s) {
    Need(s.size());
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  }
  void Char(char c) {
    Need(1);
    *p++ = c;
  }
  void String(std::string_view s) {  // as AppendJsonString
    Need(JsonStringBound(s.size()));
    p = WriteJsonString(p, s);
  }
  void Int(int64_t v) {
    Need(24);
    p = std::to_chars(p, p + 24, v).ptr;
  }

  std::string* buf_;
  char* p;
  char* end;

 private:
  void Grow(size_t n);
};

// Writes the decimal digits of v at p (as std::to_chars) and returns the end; numbers
// under 10,000 (offsets, line numbers) without the general conversion. p must have room
// for 20 bytes.
inline char* WriteDecimal(char* p, uint64_t v) {
  if (v < 10) {
    *p = static_cast<char>('0' + v);
    return p + 1;
  }
  if (v < 100) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
    return p + 2;
  }
  if (v < 1000) {
    p[0] = static_cast<char>('0' + v / 100);
    p[1] = static_cast<char>('0' + v / 10 % 10);
    p[2] = static_cast<char>('0' + v % 10);
    return p + 3;
  }
  if (v < 10000) {
    p[0] = static_cast<char>('0' + v / 1000);
    p[1] = static_cast<char>('0' + v / 100 % 10);
    p[2] = static_cast<char>('0' + v / 10 % 10);
    p[3] = static_cast<char>('0' + v % 10);
    return p + 4;
  }
  return std::to_chars(p, p + 20, v).ptr;
}

// Writes at a position the caller has already made room at (JsonOut::Need for a whole
// group of fields), with no room check per piece; literal keys are copied with their
// length known at compile time. Take p back into the JsonOut when done.
struct UncheckedJsonOut {
  char* p;
  template <size_t N>
  void Lit(const char (&s)[N]) {
    std::memcpy(p, s, N - 1);
    p += N - 1;
  }
  void Raw(std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  }
  void Str(std::string_view s) { p = WriteJsonString(p, s); }  // JsonStringBound(s.size())
  void Int(int64_t v) {
    p = v >= 0 ? WriteDecimal(p, static_cast<uint64_t>(v)) : std::to_chars(p, p + kIntBound, v).ptr;
  }
  void Ch(char c) { *p++ = c; }
  static constexpr size_t kIntBound = 24;  // room Int takes at most
};

// The *Json functions below, written at a JsonOut.
void WriteSpansJson(JsonOut* out, const Event& event);
void WriteWhyJson(JsonOut* out, const Event& event);
void WriteLocationJson(JsonOut* out, const Event& event);

// {"source":[[b,e],...],"target":[...],"verb":[...]}
std::string SpansJson(const Event& event);

// [{"role":...,"file":...,"line":N,"entry":...},...]
std::string WhyJson(const Event& event);

// {"name","level","country_code" (ISO2),"country_iso3","admin1","lat","lon" (numbers, or
// null when unknown),"words","basis"} for Event::location, or null when there is none.
std::string LocationJson(const Event& event);

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_JSON_UTIL_H_
