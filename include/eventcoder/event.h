// Event: one coded "who did what to whom" record, as written by the sinks (src/write/).
#ifndef EVENTCODER_EVENT_H_
#define EVENTCODER_EVENT_H_

#include <cstddef>
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

struct Event {
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
};

}  // namespace eventcoder

#endif  // EVENTCODER_EVENT_H_
