// GdeltWriter: events in the GDELT 2.0 event table layout (61 tab-separated columns, no
// header, GDELT's column order), and optionally the GDELT 2.0 mentions table (16 columns,
// one row per report of each event) to a second stream.
//
// Meant to sit behind OneADaySink (src/dedupe/one_a_day.h), which fills NumMentions,
// NumSources, NumArticles and the mention list; without it each event is its own single
// mention. Column choices where eventcoder has no GDELT equivalent:
//   GLOBALEVENTID   Event::id (64-bit hex) as a decimal integer, top bit cleared: stable
//                   across runs (GdeltEventId).
//   SQLDATE etc.    from Event::date; FractionDate = year + (month*30+day)/365, 4 decimals.
//   Actor*Code      Event::source_code / target_code, split by SplitActorCode
//                   (src/write/actor_code.h); Actor*Name is the text that named the actor;
//                   a quoted (uncoded) actor gives empty code columns.
//   IsRootEvent     1 when the (first) report is the story's first sentence.
//   AvgTone, MentionDocTone, Confidence   empty (no tone or confidence model).
//   Actor1Geo_*, Actor2Geo_*   Type 0 and empty (actors are not geolocated).
//   ActionGeo_*     from Event::location. Type: 1 country, 2 US state, 3 US city, 4 world
//                   city, 5 world state (a first-order division or a region). CountryCode
//                   is the ISO 3166-1 alpha-2 code (GDELT uses FIPS 10-4, which differs for
//                   some countries); ADM1Code is that code (no admin1 codes are known);
//                   ADM2Code and FeatureID are empty except FeatureID = the code for a
//                   country. Lat/Long with 4 decimals.
//   DATEADDED       the first report's story date as YYYYMMDD000000 (deterministic; not
//                   the processing time).
//   SOURCEURL       the first report's Story::url, else its story id.
// Mentions columns: GLOBALEVENTID, EventTimeDate (= DATEADDED), MentionTimeDate (the
// report's story date, YYYYMMDD000000), MentionType (1 web when the story has a URL, else 2
// citation only), MentionSourceName (Story::source, else the URL's host), MentionIdentifier
// (URL, else story id), SentenceID (1-based), Actor1/Actor2/ActionCharOffset (byte offsets
// into the story, -1 when absent), InRawText (1), Confidence (empty), MentionDocLen (story
// bytes), MentionDocTone (empty), MentionDocTranslationInfo (empty), Extras (empty).
//
// Fields never contain TAB or newline (they are replaced by spaces); invalid UTF-8 bytes
// become U+FFFD. Errors: Internal "<name>: write failed". Thread safety: one thread at a
// time (see event_sink.h).
#ifndef EVENTCODER_WRITE_GDELT_WRITER_H_
#define EVENTCODER_WRITE_GDELT_WRITER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "write/event_sink.h"

namespace eventcoder {

class GdeltWriter : public EventSink {
 public:
  static constexpr int kEventColumns = 61;
  static constexpr int kMentionColumns = 16;

  // `events` must outlive the writer; `mentions` may be nullptr (no mentions table).
  GdeltWriter(std::ostream* events, std::string name, std::ostream* mentions = nullptr,
              std::string mentions_name = "");

  Status Write(const Story& story, const Event& event) override;
  Status Finish() override;

  // The 61 event columns and the mention rows for one event.
  static std::vector<std::string> EventRow(const Story& story, const Event& event);
  static std::vector<std::vector<std::string>> MentionRows(const Story& story, const Event& event);
  // GLOBALEVENTID for an Event::id (0 when the id is not hex).
  static uint64_t GdeltEventId(const std::string& id);

 private:
  std::ostream* events_;
  std::string name_;
  std::ostream* mentions_;
  std::string mentions_name_;
};

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_GDELT_WRITER_H_
