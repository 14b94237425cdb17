// Locator: where each event of a story happened, and which day.
//
// Place, in order of preference (Place::basis says which was used):
//   "sentence"  a place the event's sentence introduces with a locative cue: a preposition
//               (in, at, near, outside, inside, across, around, into, throughout, within)
//               possibly followed by modifiers ("in southern Lebanon", "in the eastern city
//               of Kharkiv", "in the central Gaza Strip"), "on" after an attack noun
//               ("attack on Kharkiv"), or "the capital of X" (X's capital). With several,
//               the one nearest the event's verb wins.
//   "dateline"  the place of the story's wire dateline ("DOHA, Feb 11 (Reuters) -").
//   "story"     the last cued place in an earlier sentence of the story.
//   none        otherwise. An actor's nationality is never used as a place.
// Ambiguous names ("Tripoli", "Paris") are resolved by a country written right after them
// ("Tripoli, Lebanon"), then by the countries the story names, then by the gazetteer's
// order (curated entries, then population); see Gazetteer::Best.
//
// Date (Event::date and Event::date_precision):
//   "sentence"  the sentence names the day: "on Wednesday", "last Tuesday", "on Feb. 11",
//               "on 11 February", "yesterday", "today". Weekdays resolve to the latest such
//               day on or before the story date ("last X": strictly before); a month and
//               day takes the story's year, or the year before when that would put it more
//               than a month after the story date.
//   "dateline"  the dateline carries a month and day ("DOHA, Feb 11 -"); same year rule.
//   "story"     otherwise: the story's date, unchanged.
//
// Never fails: unknown or hostile text yields no place and the story date. Linear in the
// story's length (each word is looked up at most max_name_words times).
// Thread safety: immutable; Locate() may be called from many threads. The Gazetteer must
// outlive the Locator.
#ifndef EVENTCODER_LOCATE_LOCATOR_H_
#define EVENTCODER_LOCATE_LOCATOR_H_

#include <span>
#include <string>
#include <vector>

#include "eventcoder/event.h"
#include "eventcoder/story.h"
#include "locate/gazetteer.h"

namespace eventcoder {

// A place name found in the text.
struct PlaceMention {
  const GeoEntry* entry = nullptr;  // resolved (after Locate's context pass)
  std::span<const uint32_t> candidates;
  Span name;   // the name's bytes ("Lebanon")
  Span words;  // with its cue ("in southern Lebanon"); == name when uncued
  bool cued = false;
  bool capital_of = false;    // "the capital of X": the place is X's capital
  std::string country_after;  // ISO2 of a country written right after (", Lebanon")
};

// A wire dateline at the start of a story.
struct Dateline {
  Span place;     // "DOHA"; empty when there is no dateline
  int month = 0;  // 1..12 when the dateline names a day
  int day = 0;
};

class Locator {
 public:
  explicit Locator(const Gazetteer* gazetteer) : g_(gazetteer) {}

  // Sets location, date and date_precision of every event. `sentences[i]` is the byte range
  // of sentence i in story.text (Event::sentence indexes it); an event whose sentence is
  // out of range is located from the dateline and story only.
  void Locate(const Story& story, std::span<const Span> sentences,
              std::vector<Event>* events) const;

  // Place names in text[begin, end), unresolved (entry is the context-free best).
  std::vector<PlaceMention> FindMentions(const std::string& text, size_t begin, size_t end) const;

  static Dateline FindDateline(const std::string& text);

  // The date a sentence names (yyyymmdd), resolved against `reference`; 0 when none.
  static int SentenceDate(std::string_view sentence, int reference);

 private:
  const Gazetteer* g_;
};

}  // namespace eventcoder

#endif  // EVENTCODER_LOCATE_LOCATOR_H_
