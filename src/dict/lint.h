// LintDictionary: checks a loaded Dictionary for mistakes its reader cannot see line by
// line (`eventcoder dict check`).
//
// Findings, each with the file and line to fix:
//   error    a name defined for two actors with different codes (only one can win: the
//            first loaded); two restricted codes of one actor whose date ranges overlap
//            with different codes; a verb block or pattern code that is not a CAMEO event
//            code; an actor or agent code that is not upper-case letters in 3-letter
//            chunks ("---" and "---" + role, e.g. "---GOV", are allowed); a verb form
//            claimed by two blocks with different codes
//   warning  the same name, agent or verb form defined twice with the same codes
//            (harmless but dead weight); a restricted range whose end precedes its start
// Syntax errors are reported by the readers themselves (dict/dict_reader.h) as load
// warnings; `eventcoder dict check` prints those as errors too.
//
// Thread safety: a pure function of its input.
#ifndef EVENTCODER_DICT_LINT_H_
#define EVENTCODER_DICT_LINT_H_

#include <string>
#include <vector>

#include "dict/dictionary.h"

namespace eventcoder::dict {

struct LintFinding {
  enum Severity { kError, kWarning };
  Severity severity = kError;
  std::string file;
  int line = 0;
  std::string message;
  // "file:line: error: message"
  std::string ToString() const;
};

// Findings in file order of the first file involved.
std::vector<LintFinding> LintDictionary(const Dictionary& d);

}  // namespace eventcoder::dict

#endif  // EVENTCODER_DICT_LINT_H_
