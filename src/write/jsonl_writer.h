// JsonlWriter: one JSON object per event per line (JSON Lines), keys in this fixed order:
//   story_id, sentence, date ("YYYY-MM-DD" or ""), source_code, target_code, cameo, root,
//   quad_class, goldstein (number, or null for a non-CAMEO code), source_text, target_text,
//   verb_text, text, spans {"source":[[b,e],...],"target":[...],"verb":[...]},
//   why [{"role","file","line","entry"},...],
//   location {"name","level","country_code","country_iso3","admin1","lat","lon","words",
//   "basis"} or null (see json_util.h LocationJson), geo_precision ("city", "admin1",
//   "country", "region" or "none"; see event_record.h GeoPrecision)
// and, with WriterOptions::explain, cameo_name, cameo_description, cameo_notes and plover
// (null when the code is not in the CAMEO table; plover "" when CAMEO has no PLOVER mapping).
//
// Output is valid JSON and valid UTF-8 for any input: invalid bytes become U+FFFD, control
// characters are escaped, so one event is always exactly one line. Output is deterministic.
//
// Errors: a failed stream write returns Internal "<name>: write failed".
// Thread safety: one thread at a time (see event_sink.h).
#ifndef EVENTCODER_WRITE_JSONL_WRITER_H_
#define EVENTCODER_WRITE_JSONL_WRITER_H_

#include <ostream>
#include <string>

#include "write/event_sink.h"

namespace eventcoder {

class JsonlWriter : public EventSink {
 public:
  // `out` must outlive the writer; `name` ("-" for stdout) is used in error messages.
  JsonlWriter(std::ostream* out, std::string name, WriterOptions options = {});

  // Lines are buffered and written to the stream once per story, at EndStory (or when the
  // buffer grows past kFlushBytes); Finish() writes what is left and flushes the stream.
  Status Write(const Story& story, const Event& event) override;
  Status EndStory(const Story& story) override;
  Status Finish() override;

  // The line (without '\n') Write() would emit; exposed for tests and other sinks.
  static std::string FormatEvent(const Story& story, const Event& event,
                                 const WriterOptions& options);

 private:
  static constexpr size_t kFlushBytes = 64 * 1024;
  Status WritePending();

  std::ostream* out_;
  std::string name_;
  WriterOptions options_;
  // Formatted lines not yet written to out_: the first pending_used_ bytes of pending_,
  // which is kept at its grown size (a scratch buffer, never shrunk or zeroed again).
  std::string pending_;
  size_t pending_used_ = 0;
};

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_JSONL_WRITER_H_
