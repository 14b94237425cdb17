// `eventcoder explain`: why a sentence was (or was not) coded.
//
//   eventcoder explain "SENTENCE" [--date YYYY-MM-DD] [--json] [DICT/CODING OPTIONS]
//   eventcoder explain --story FILE [--id STORY_ID] [--sentence N] [--json] ...
//   eventcoder explain --records FILE.xml [--id ID] [--failing] [--ignore-parse] [--json]
//
// The first two print, for each sentence: tokens with tags, the parse, every noun phrase
// with the code and dictionary line it got, every verb with its entry, the patterns tried
// and whether they matched, the roles chosen and the events — or, when none, the reason.
// --records codes PETRARCH validation records (with the dictionaries their <Environment>
// names) and adds, for each record, the step at which our coding departs from the expected
// events, and a count of records by departure step.
//
// Returns the exit status: 0 ok, 1 no event / some record failed, 2 usage or load error.
#ifndef EVENTCODER_CLI_EXPLAIN_COMMAND_H_
#define EVENTCODER_CLI_EXPLAIN_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace eventcoder {

int RunExplainCommand(const std::vector<std::string>& args, const std::string& default_dict_dir,
                      std::ostream& out, std::ostream& err);

}  // namespace eventcoder

#endif  // EVENTCODER_CLI_EXPLAIN_COMMAND_H_
