// Minimal JSON text building for the writers: string quoting that always yields valid JSON
// (and valid UTF-8) for any input bytes, and the spans / why arrays of an Event.
//
// Key order is fixed by the caller's code, so output is byte-for-byte deterministic.
// Thread safety: pure functions.
#ifndef EVENTCODER_WRITE_JSON_UTIL_H_
#define EVENTCODER_WRITE_JSON_UTIL_H_

#include <string>
#include <string_view>

#include "eventcoder/event.h"

namespace eventcoder {

// Appends `s` as a quoted JSON string: invalid UTF-8 bytes become U+FFFD; '"', '\\' and
// control characters are escaped (\n, \t, \r, \b, \f, else \u00XX); U+2028 and U+2029 are
// escaped too so the line is also safe to embed in JavaScript.
void AppendJsonString(std::string* out, std::string_view s);
std::string JsonString(std::string_view s);

// {"source":[[b,e],...],"target":[...],"verb":[...]}
std::string SpansJson(const Event& event);
void AppendSpansJson(std::string* out, const Event& event);  // appends the same text

// [{"role":...,"file":...,"line":N,"entry":...},...]
std::string WhyJson(const Event& event);
void AppendWhyJson(std::string* out, const Event& event);  // appends the same text

// {"name","level","country_code" (ISO2),"country_iso3","admin1","lat","lon" (numbers, or
// null when unknown),"words","basis"} for Event::location, or null when there is none.
std::string LocationJson(const Event& event);
void AppendLocationJson(std::string* out, const Event& event);  // appends the same text

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_JSON_UTIL_H_
