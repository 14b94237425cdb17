// EventRecord: the scalar fields every writer emits for one event, computed once so that
// JSONL, TSV and SQLite agree, plus the text helpers they share.
//
// All strings in an EventRecord are valid UTF-8 (invalid input bytes become U+FFFD).
// CAMEO fields come from src/event/cameo.h: for a code outside CAMEO ("903", "075A") root is
// "", quad_class 0 and goldstein NaN (written as null / empty / NULL).
//
// Thread safety: pure functions.
#ifndef EVENTCODER_WRITE_EVENT_RECORD_H_
#define EVENTCODER_WRITE_EVENT_RECORD_H_

#include <string>
#include <string_view>

#include "event/cameo.h"
#include "eventcoder/event.h"
#include "eventcoder/story.h"

namespace eventcoder {

struct EventRecord {
  std::string id;        // Event::id
  std::string story_id;  // Event::story_id, or Story::id when the event has none
  int sentence = 0;
  std::string date;            // "YYYY-MM-DD" from Event::date, or Story::date when 0; "" if none
  std::string date_precision;  // Event::date_precision
  std::string source_code;
  std::string target_code;
  std::string cameo;
  std::string root;      // "01".."20" or ""
  int quad_class = 0;    // 0..4
  double goldstein = 0;  // NaN when unknown
  std::string source_text;
  std::string target_text;
  std::string verb_text;
  std::string text;
  const CameoCode* cameo_row = nullptr;  // exact codebook row, or nullptr
};

EventRecord MakeEventRecord(const Story& story, const Event& event);

// "YYYY-MM-DD" for yyyymmdd; "" for a value <= 0 or > 99991231.
std::string IsoDate(int yyyymmdd);

// Shortest round-trip decimal, always with a fraction: "2.5", "-10.0", "0.0"; "" for NaN or
// infinity.
std::string FormatGoldstein(double weight);

// How precisely Event::location places the event: "city", "admin1", "country", "region"
// (a region spanning countries; a region inside one country counts as "admin1") or "none".
std::string GeoPrecision(const Event& event);

// A latitude or longitude with 4 decimals ("25.2854"); "" for NaN or infinity.
std::string FormatCoordinate(double degrees);

// `in` with every byte that is not part of a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF included) replaced by U+FFFD.
std::string ValidUtf8(std::string_view in);
// True when ValidUtf8(in) == in.
bool IsValidUtf8(std::string_view in);

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_EVENT_RECORD_H_
