// HtmlWriter: one self-contained HTML page for a whole run (--output-format html), for a
// person to read how each story was coded.
//
// The page has a header with the run's counts (stories, events, events by quad class), a
// legend and an index of the stories; then, for every story in input order (stories with no
// events included, marked "no events"), its metadata, its text with the words of every event
// highlighted -- source, verb and target in three distinct styles (<mark class="src|verb|tgt">)
// -- and a table of its events: id, date and date_precision, source code and words, CAMEO code
// with its name and description, verb words, Goldstein weight, quad class, target code and
// words, place (name, country, level, basis; "-" when absent) and provenance (`why`: role,
// file:line with the file shortened to the part from "dictionaries/", entry).
//
// Links go both ways: every highlight carries the event number as a superscript link to its
// table row (after the first verb span, else the first source or target span), and every row
// links to its highlights. Anchor ids are generated ("s3", "s3-e2", "s3-e2-src-0"), never taken
// from the input, so they are always unique and safe.
//
// Highlights: spans are byte ranges into Story::text (Event::source_spans, verb_spans,
// target_spans). Ranges that nest become nested <mark> elements; ranges that overlap without
// nesting are split into several elements so that the HTML stays well-formed. The first
// element of every span has an id (s<story>-e<event>-<role>-<k>); continuation pieces have
// none, so the number of <mark> elements with an id is the number of spans drawn. A span past
// the end of the text is clipped, an empty one is dropped; a boundary inside a UTF-8 sequence
// moves back to the start of that sequence.
//
// Self-contained: inline CSS, no script, no external resource; every href is a "#fragment".
// Text from the input (story text, ids, codes, URLs, dictionary entries) is HTML-escaped,
// invalid UTF-8 becomes U+FFFD and control characters other than TAB/LF/CR become U+FFFD.
// A story's URL is shown as text, never as a link.
//
// Memory: the page body is built in memory and written by Finish() (the header needs the
// counts), so memory grows with the input; meant for human-sized batches.
// Errors: a failed stream write returns Internal "<name>: write failed".
// Thread safety: one thread at a time (see event_sink.h).
#ifndef EVENTCODER_WRITE_HTML_WRITER_H_
#define EVENTCODER_WRITE_HTML_WRITER_H_

#include <array>
#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "write/event_sink.h"

namespace eventcoder {

class HtmlWriter : public EventSink {
 public:
  // `out` must outlive the writer; `name` ("-" for stdout) is used in error messages.
  HtmlWriter(std::ostream* out, std::string name, WriterOptions options = {});

  Status BeginStory(const Story& story) override;
  Status Write(const Story& story, const Event& event) override;
  Status EndStory(const Story& story) override;
  Status Finish() override;  // writes the whole page and flushes the stream

  // `text` as valid UTF-8 with & < > " ' escaped (safe in element content and in quoted
  // attribute values).
  static std::string Escape(std::string_view text);

  // The HTML of `text` with the spans of `events` highlighted as described above; ids are
  // prefixed with `anchor` (e.g. "s3"). Exposed for tests.
  static std::string HighlightText(std::string_view text, std::span<const Event> events,
                                   std::string_view anchor);

  // A dictionary file name as shown: from the last "dictionaries/" on, else unchanged.
  static std::string ShortFileName(std::string_view file);

 private:
  void RenderStory(const Story& story);

  std::ostream* out_;
  std::string name_;
  WriterOptions options_;
  std::vector<Event> events_;  // the current story's events
  std::string body_;           // the story sections written so far
  std::string index_;          // the index entries written so far
  size_t stories_ = 0;
  size_t events_total_ = 0;
  std::array<size_t, 5> by_quad_{};  // events by quad class 0..4
};

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_HTML_WRITER_H_
