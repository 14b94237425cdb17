// Event: one coded "who did what to whom" record, as written by the sinks (src/write/).
#ifndef EVENTCODER_EVENT_H_
#define EVENTCODER_EVENT_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eventcoder {

// A byte range in Story::text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// One dictionary line that contributed to the event (provenance).
struct WhyEntry {
  std::string role;  // "source", "target", "source-agent", "verb", "pattern", "rule"
  std::string file;  // dictionary file, or "" for a rule of the engine
  int line = 0;
  std::string entry;  // the entry or rule as written / described
};

// Where an event happened (filled by the locate stage, src/locate/).
struct Place {
  std::string name;          // "Doha"
  std::string level;         // "city", "admin1", "country" or "region"
  std::string country_iso2;  // "QA"; "" for a region spanning countries
  std::string country_iso3;  // "QAT"
  std::string admin1;        // first-order division name, when known
  double lat = NAN;
  double lon = NAN;
  std::string words;  // the words of the story it came from ("in Doha")
  Span span;          // their byte range in Story::text
  std::string basis;  // "sentence", "dateline", "story" (an earlier place mention)
};

// One report of an event: the story and sentence it was coded from (see
// src/dedupe/one_a_day.h, which merges reports of the same event).
struct EventMention {
  std::string event_id;  // Event::id of the event as coded from this report
  std::string story_id;
  std::string outlet;  // Story::source ("" when unknown)
  std::string url;     // Story::url
  int story_date = 0;  // Story::date, yyyymmdd
  int sentence = 0;
  size_t story_length = 0;  // bytes of Story::text
  // First byte of the source, target and verb words; -1 when absent.
  long source_offset = -1;
  long target_offset = -1;
  long verb_offset = -1;
};

struct Event {
  // Stable content-derived id: 16 lower-case hex digits of a 64-bit FNV-1a hash of story
  // id, sentence index, source, target, code and the verb's byte offsets (see
  // StableEventId). Identical across runs, thread counts and machines.
  std::string id;
  std::string story_id;
  int sentence = 0;         // 0-based index of the sentence within the story
  int date = 0;             // yyyymmdd
  std::string source_code;  // e.g. "IRNGOV"; a quoted phrase when uncoded actors are kept
  std::string target_code;
  std::string cameo;        // e.g. "044"
  std::string source_text;  // the words that named the source
  std::string target_text;
  std::string verb_text;
  std::string text;  // the sentence
  std::vector<Span> source_spans;
  std::vector<Span> target_spans;
  std::vector<Span> verb_spans;
  std::vector<WhyEntry> why;
  // Where `date` came from: "sentence" (a date named in the sentence), "dateline" or
  // "story" (the story's date line).
  std::string date_precision = "story";
  std::optional<Place> location;  // none when no place could be determined
  // Reports of this event, filled by the one-a-day de-duplication (src/dedupe/) in input
  // order; empty for an event as coded from one sentence (one mention of its own story).
  std::vector<EventMention> mentions;
  int num_mentions = 1;  // GDELT NumMentions: sentences reporting the event
  int num_sources = 1;   // GDELT NumSources: distinct outlets (Story::source) among them
  int num_articles = 1;  // GDELT NumArticles: distinct stories among them
};

// The id above for `e` (uses story_id, sentence, source_code, target_code, cameo and
// verb_spans).
std::string StableEventId(const Event& e);

}  // namespace eventcoder

#endif  // EVENTCODER_EVENT_H_
