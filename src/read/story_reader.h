// Story readers: turn input bytes (plain text, JSON Lines or PETRARCH XML) into Stories.
//
// ReadStories() streams one Story at a time to a callback, in input order. A bad record
// (bad date, invalid UTF-8, empty text, oversized story, malformed JSON or XML, missing
// fields) is reported once through `on_error` and skipped; the records after it are still
// read. Only a failure of the stream itself makes ReadStories() return non-OK.
//
// Error messages are FormatError() strings (src/base/status.h):
//   file:line: story <id>: <what>: "<excerpt>"
// The story id is the one given by the input or, when absent, "<basename>#<n>" where n is
// the 1-based number of the record in the file (bad records count) and basename is the
// file name without directories ("stdin" for "-"). Status codes: kInvalidArgument for
// malformed content (bad date, empty text, bad JSON/XML, missing field), kDataLoss for
// invalid UTF-8 and truncated or unbalanced XML records, kResourceExhausted for a story
// over ReadOptions::max_story_bytes, kInternal for an I/O error (the returned status).
//
// Memory is bounded by the largest story (max_story_bytes) plus a 64 KiB read buffer,
// whatever the input size: an oversized line or record is discarded while it is scanned.
//
// FORMATS
//
// Plain text ("text"):
//   date 2026-02-11 Optional text of the first paragraph
//   id: story-17            <- optional header lines, recognised only after the date
//   source: Reuters            line and before any story text (so not when the date
//   url: https://...           line itself carries text); keys id/source/url, any case
//
//   First paragraph, possibly wrapped over
//   several lines (joined with one space).
//
//   Second paragraph.
//   date 2026-02-12
//   ...
// A date line is a line whose first word is "date" (any case, leading blanks allowed)
// followed by a token that starts with a digit and consists of digits, '-', '/' and '.'
// only; the token must be a valid YYYY-MM-DD or YYYYMMDD calendar date or the story is
// reported and skipped. Lines are trimmed of surrounding blanks (and a trailing '\r');
// paragraphs are separated by "\n\n" in Story::text. Non-blank text before the first
// date line is reported once and skipped. Story::line is the date line.
//
// JSON Lines ("jsonl"): one object per line,
//   {"id": "x" | 17, "date": "2026-02-11" | "20260211" | 20260211, "text": "...",
//    "source": "...", "url": "..."}
// id, date and text are required; source and url are optional strings. Blank lines are
// skipped. Story::text is the "text" string verbatim (it must not be blank).
//
// PETRARCH XML ("xml"): <Sentence date= id= category= sentence= [source=]> records with
// <Text>, optional <Parse> (kept verbatim in Story::parse) and <EventCoding> elements
// (sourcecode/targetcode/eventcode fill Story::expected; noevents="True" and
// error="..." set Story::expect_no_events; any <EventCoding> sets has_expectation).
// Everything outside <Sentence> records (<Sentences>, <Validation>, <Environment>,
// comments) is ignored. Records are found by a streaming scan and parsed one at a time,
// so an unbalanced or truncated record loses only itself. <Text> is whitespace-
// normalised (runs of blanks become one space, trimmed). When <Text> is blank but a
// <Parse> is present (as in some GigaWord samples), Story::text is made from the parse's
// leaf words joined by single spaces (-LRB-/-RRB- etc. undone). Story::line is the line of
// "<Sentence". A missing date or <Text>, or an <EventCoding> with source/target but no
// eventcode, is an error; a missing id gets "<basename>#<n>". date= takes YYYYMMDD or
// YYYY-MM-DD; sentence="false" (any case) clears Story::valid_record.
//
// Auto-detection (kAuto): after an optional UTF-8 BOM and whitespace, '<' means XML, '{'
// means JSON Lines, anything else plain text.
//
// Thread safety: the functions are reentrant; distinct calls may run concurrently.
#ifndef EVENTCODER_READ_STORY_READER_H_
#define EVENTCODER_READ_STORY_READER_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "eventcoder/story.h"

namespace eventcoder {

enum class InputFormat { kAuto, kText, kJsonl, kPetrarchXml };

// "auto", "text" (also "txt"), "jsonl" (also "json", "ndjson"), "xml" (also "petrarch").
// Case-insensitive. Unknown names give kInvalidArgument.
StatusOr<InputFormat> ParseInputFormat(std::string_view name);

// The format of an input that begins with `first_bytes` (see "Auto-detection" above).
// Never returns kAuto; an empty or all-blank prefix gives kText.
InputFormat DetectFormat(std::string_view first_bytes);

struct ReadOptions {
  // Default: kAuto (detected from the first non-blank byte of the stream).
  InputFormat format = InputFormat::kAuto;
  // Largest story accepted, in bytes: a text story's joined text, a JSON line, or a whole
  // <Sentence>...</Sentence> record including its parse tree. Larger stories are reported
  // (kResourceExhausted) and skipped. Also bounds the reader's memory. Default: 1 MiB.
  size_t max_story_bytes = 1 << 20;
};

struct ReadStats {
  size_t stories = 0;  // stories emitted
  size_t errors = 0;   // errors reported through on_error
};

// Streams stories from `in` (named `filename` in messages, "-" for stdin) to `emit`, one
// at a time, in input order. Each bad record is reported through `on_error` (a Status
// whose message is the full formatted error) and skipped. Returns non-OK (kInternal) only
// if reading itself fails (I/O error). `emit` and `on_error` may be empty; `stats` may be
// null. Stats are added to (not reset).
Status ReadStories(std::istream& in, const std::string& filename, const ReadOptions& opts,
                   const std::function<void(Story&&)>& emit,
                   const std::function<void(const Status&)>& on_error, ReadStats* stats);

// The <Environment> block of a PETRARCH validation file (<Validation><Environment>...).
struct ValidationEnvironment {
  std::string verbs, agents, discards;  // file names as written (relative to the XML file)
  std::vector<std::string> actors;      // every <Actorfile>, split at commas
  std::vector<std::pair<std::string, std::string>> config;  // <Config option= value=>
  std::vector<std::string> include_categories;              // words of <Include>, minus "valid"
};

// Finds and parses the first <Environment> element of `xml_text` (comments are skipped).
// kNotFound if there is none; kInvalidArgument (message naming file and line) if it is
// malformed or unterminated. `filename` is used only in messages.
StatusOr<ValidationEnvironment> ReadValidationEnvironment(std::string_view xml_text,
                                                          const std::string& filename);

}  // namespace eventcoder

#endif  // EVENTCODER_READ_STORY_READER_H_
