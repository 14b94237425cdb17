// `eventcoder dict`: work with dictionaries without coding stories.
//
//   eventcoder dict check  [DICT OPTIONS]             lint: syntax, duplicates, conflicts,
//                                                     overlapping dates, non-CAMEO codes;
//                                                     exit 1 when there is an error
//   eventcoder dict lookup PHRASE [--date DATE] [DICT OPTIONS]
//                                                     what PHRASE codes to on DATE, and why
//   eventcoder dict stats  [DICT OPTIONS]             entry counts per file
//
// DICT OPTIONS: --dict-dir DIR, --actors F (repeatable), --agents F, --verbs F,
// --discards F, as for `eventcoder code`.
//
// Output goes to `out`, diagnostics to `err`; the return value is the exit status
// (0 ok, 1 findings/errors, 2 usage).
#ifndef EVENTCODER_CLI_DICT_COMMAND_H_
#define EVENTCODER_CLI_DICT_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace eventcoder {

// `args` are the words after "dict"; `default_dict_dir` is used without --dict-dir.
int RunDictCommand(const std::vector<std::string>& args, const std::string& default_dict_dir,
                   std::ostream& out, std::ostream& err);

}  // namespace eventcoder

#endif  // EVENTCODER_CLI_DICT_COMMAND_H_
