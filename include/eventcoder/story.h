// Story: one dated news item as read from any input format, before analysis.
//
// Readers (src/read/) produce Stories; the coder consumes them. A Story owns its text;
// every byte offset eventcoder reports (sentences, tokens, event spans) is an offset into
// Story::text.
#ifndef EVENTCODER_STORY_H_
#define EVENTCODER_STORY_H_

#include <string>
#include <vector>

namespace eventcoder {

// An event a validation record says must be coded (PETRARCH <EventCoding>).
struct ExpectedEvent {
  std::string source;  // actor code, or a quoted phrase such as "\"INJURY TOLL\""
  std::string target;
  std::string code;  // CAMEO code as written, e.g. "064"
};

struct Story {
  std::string id;      // as given by the input; readers invent "<file>#<n>" when absent
  int date = 0;        // yyyymmdd, e.g. 20260211
  std::string text;    // UTF-8; paragraphs separated by "\n\n"
  std::string source;  // optional: outlet name
  std::string url;     // optional
  std::string file;    // where the story was read from ("-" for stdin)
  size_t line = 0;     // 1-based line of the story's first line in `file`

  // PETRARCH XML only: a Penn Treebank parse of the whole text (one sentence), or empty.
  std::string parse;
  // PETRARCH validation records only.
  std::string category;
  std::vector<ExpectedEvent> expected;
  bool expect_no_events = false;
  bool has_expectation = false;  // an <EventCoding> element was present
  bool valid_record = true;      // sentence="true" in the record
};

// "YYYY-MM-DD" for a yyyymmdd int.
std::string FormatDate(int yyyymmdd);

}  // namespace eventcoder

#endif  // EVENTCODER_STORY_H_
