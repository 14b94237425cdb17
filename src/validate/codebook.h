// Codebook check: code the example sentence of every CAMEO event type in a codebook CSV
// (columns eventtype_ID,name,code,goldstein,nsLeft,nsRight,description,usage_notes,example,
// as in the ICEWS CAMEO event-type table) from its raw text and report whether the
// example's code is among the events produced.
//
// Per example:
//   * exact hit: an event with the example's code (e.g. "0231") was produced;
//   * root hit:  an event with the same two-digit root ("02") was produced;
//   * a miss cause when there is no exact hit, the first that applies of
//       "other code"  events were coded, none with the example's code;
//       "no verb"     no word of the sentence is a verb form of the dictionary;
//       "no actor"    a verb was found but fewer than two phrases of the sentence code as
//                     actors, or the only events produced have no coded source;
//       "no event"    a verb and actors were found but nothing was coded (a pattern-only
//                     block with no matching pattern, a negation, a tree the coder could
//                     not use, ...).
//
// Coding choices (documented because they change the figures):
//   * require_dyad = false by default. Codebook examples are written to illustrate the
//     event type, and their target is often absent ("NATO declined to comment ..."); the
//     question asked is whether the event type is recognised, so an event counts when its
//     source is coded, whatever its target. Events without a coded source do not count.
//   * The sentence is coded as a one-sentence story dated CodebookOptions::date (default
//     2000-01-01: the examples are wire leads from the 1980s to the mid-2000s and carry no
//     date of their own), so date-restricted actor codes resolve for that date.
//   * The example field is cleaned before coding: the annotator's trailing "Note: ..." is
//     cut off, and the Mac-Roman mojibake of UTF-8 punctuation found in the published CSV
//     ("‚Äôs" for "’s", "‚Äú"/"‚Äù" for curly quotes, "‚Äî" for a dash) is repaired.
//   * Rows whose example is empty or NULL are skipped (not counted).
//
// Errors: NotFound when the CSV cannot be opened, InvalidArgument when it has no "code"
// or "example" column, and the dictionary loader's errors. Malformed rows (an unclosed
// quote) end parsing at that row with InvalidArgument naming the line.
// Thread safety: no shared state; concurrent calls are safe.
#ifndef EVENTCODER_VALIDATE_CODEBOOK_H_
#define EVENTCODER_VALIDATE_CODEBOOK_H_

#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "base/status.h"
#include "dict/dict_reader.h"
#include "match/coder.h"

namespace eventcoder {

// RFC 4180 CSV: fields separated by ',', optionally quoted with '"', a doubled '""'
// inside quotes is one quote, quoted fields may hold commas and line breaks. "\r\n" and
// "\n" line ends. Returns the rows, the header included. InvalidArgument (naming
// `name` and the line) on a quote left open at the end of the text.
StatusOr<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text,
                                                         const std::string& name);

// The example text as it should be coded: "Note: ..." removed, mojibake repaired,
// whitespace trimmed. "NULL" and empty examples give "".
std::string CleanCodebookExample(std::string_view example);

struct CodebookOptions {
  // Dictionaries to code with (e.g. dict::DictionaryFilesInDir("dictionaries")).
  dict::DictionaryFiles dictionaries;
  CoderOptions coder = [] {
    CoderOptions o;
    o.require_dyad = false;  // see the header comment
    return o;
  }();
  int date = 20000101;    // yyyymmdd the examples are coded for
  std::string only_code;  // when set, run just the example(s) with this code
  bool keep_trees = false;
};

using CodebookTuple = std::tuple<std::string, std::string, std::string>;  // src, tgt, code

struct CodebookResult {
  std::string code;                     // the example's CAMEO code, e.g. "0231"
  std::string name;                     // the event type's name
  std::string example;                  // the cleaned sentence that was coded
  std::vector<CodebookTuple> produced;  // every event coded (uncoded sides as "---")
  bool exact = false;
  bool root = false;
  std::string cause;  // "" on an exact hit, else one of the causes above
  std::string tree;   // with keep_trees
};

struct CodebookReport {
  std::vector<CodebookResult> results;
  int examples = 0;
  int exact = 0;
  int root = 0;
  double ExactPercent() const { return examples ? 100.0 * exact / examples : 0.0; }
  double RootPercent() const { return examples ? 100.0 * root / examples : 0.0; }
  // Figures, then the misses grouped by cause (with verbose: each miss with its sentence,
  // produced events and, when kept, tree; otherwise just the codes).
  void Print(std::ostream& out, bool verbose) const;
};

StatusOr<CodebookReport> RunCodebook(const std::string& csv_path, const CodebookOptions& opts);

}  // namespace eventcoder

#endif  // EVENTCODER_VALIDATE_CODEBOOK_H_
