// PloverWriter: one PLOVER JSON record per line (newline-delimited JSON, as the PLOVER
// manual's "Data Fields" chapter suggests). Keys, in this order:
//   id          Event::id
//   date        "YYYY-MM-DD"
//   actor       [{"code": country or organisation part of the CAMEO code, "sector": PLOVER
//               sector ("" when none), "entity_text": the words, "cameo_code": the full code}]
//   recipient   the same for the target; [] when the event has no coded target
//   event       [PLOVER category] from the CAMEO-to-PLOVER crosswalk (src/event/cameo.h)
//   mode        [mode] when the crosswalk gives one, else []
//   context     [context] when the crosswalk gives one, else []
//   quad_code   1..4 (CAMEO quad class)
//   event_loc   {"extracted_place","resolved_place","lat","lon","city","province",
//               "country" (ISO2 of our gazetteer),"country_code" (ISO3),"resolution"
//               (4 city, 2 province/region, 1 country)} or null
//   event_text  [the verb words]
//   text        the sentence
//   text_info   {"story_id","sequence" (1-based sentence),"start","end" (verb byte offsets)}
//   cite_info   {"url","publication"}
//   coder       "eventcoder"
//   cameo       the CAMEO code coded
// Events whose code has no PLOVER category (or is not CAMEO) are not written; skipped()
// counts them.
//
// Output is valid JSON and UTF-8 for any input. Errors: Internal "<name>: write failed".
// Thread safety: one thread at a time (see event_sink.h).
#ifndef EVENTCODER_WRITE_PLOVER_WRITER_H_
#define EVENTCODER_WRITE_PLOVER_WRITER_H_

#include <ostream>
#include <string>

#include "write/event_sink.h"

namespace eventcoder {

class PloverWriter : public EventSink {
 public:
  PloverWriter(std::ostream* out, std::string name);

  Status Write(const Story& story, const Event& event) override;
  Status Finish() override;

  // The record for `event`, or "" when its code has no PLOVER category.
  static std::string FormatEvent(const Story& story, const Event& event);
  size_t skipped() const { return skipped_; }

 private:
  std::ostream* out_;
  std::string name_;
  size_t skipped_ = 0;
};

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_PLOVER_WRITER_H_
