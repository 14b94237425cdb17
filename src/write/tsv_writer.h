// TsvWriter: a header row, then one tab-separated row per event with the scalar fields
//   story_id sentence date source_code target_code cameo root quad_class goldstein
//   source_text target_text verb_text text
// plus, with WriterOptions::explain, cameo_name and plover, and always last the location:
//   location_name location_level country_code country_iso3 admin1 lat lon location_words
//   location_basis geo_precision
// (empty, and geo_precision "none", when the event has no place). goldstein is empty for a
// non-CAMEO code. Spans and provenance are not written (use JSONL or SQLite for those).
//
// Escaping: in every field '\\' -> "\\\\", TAB -> "\\t", LF -> "\\n", CR -> "\\r", so a row is
// always one line with a fixed number of columns; invalid UTF-8 bytes become U+FFFD.
// The header is written by the first call (or by Finish() when there were no events).
//
// Errors: a failed stream write returns Internal "<name>: write failed".
// Thread safety: one thread at a time (see event_sink.h).
#ifndef EVENTCODER_WRITE_TSV_WRITER_H_
#define EVENTCODER_WRITE_TSV_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "write/event_sink.h"

namespace eventcoder {

class TsvWriter : public EventSink {
 public:
  // `out` must outlive the writer; `name` ("-" for stdout) is used in error messages.
  TsvWriter(std::ostream* out, std::string name, WriterOptions options = {});

  Status BeginStory(const Story& story) override;
  Status Write(const Story& story, const Event& event) override;
  Status Finish() override;

  // The header line and an event's row, without the trailing '\n'.
  static std::string Header(const WriterOptions& options);
  static std::string FormatEvent(const Story& story, const Event& event,
                                 const WriterOptions& options);
  // One field escaped as described above.
  static std::string EscapeField(std::string_view field);

 private:
  Status Emit(const std::string& line);
  Status EnsureHeader();

  std::ostream* out_;
  std::string name_;
  WriterOptions options_;
  bool header_written_ = false;
};

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_TSV_WRITER_H_
