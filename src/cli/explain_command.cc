#include "cli/explain_command.h"

#include <ctime>
#include <fstream>
#include <map>
#include <memory>

#include "dict/dict_reader.h"
#include "explain/explain.h"
#include "match/compiled_dictionary.h"
#include "pipeline/story_coder.h"
#include "read/date.h"
#include "read/story_reader.h"
#include "validate/validator.h"

namespace eventcoder {
namespace {

constexpr const char* kExplainUsage = R"(usage:
  eventcoder explain "SENTENCE" [--date YYYY-MM-DD] [--json] [options]
  eventcoder explain --story FILE [--id STORY_ID] [--sentence N] [--json] [options]
  eventcoder explain --records FILE.xml [--id ID] [--failing] [--ignore-parse] [--json]
options: --dict-dir DIR, --actors F, --agents F, --verbs F, --discards F,
         --require-dyad true|false, --date (default today; the story's date with --story)
)";

struct ExplainArgs {
  std::string text, story_file, records_file, id, date;
  int sentence = -1;
  bool json = false, failing = false, ignore_parse = false;
  std::string require_dyad;
  dict::DictionaryFiles files;
  bool files_named = false;
  std::string dict_dir;
};

int TodayDate() {
  time_t t = time(nullptr);
  tm u{};
  gmtime_r(&t, &u);
  return (u.tm_year + 1900) * 10000 + (u.tm_mon + 1) * 100 + u.tm_mday;
}

// Explains every wanted sentence of `story`; returns the number of events.
size_t ExplainStory(const StoryCoder& coder, const Story& story, const ExplainArgs& a,
                    std::ostream& out, nlohmann::json* json) {
  StoryResult res;
  std::vector<SentenceExplanation> sentences;
  Status st = coder.Explain(story, &res, &sentences);
  if (!st.ok()) {
    out << st.message() << "\n";
    return 0;
  }
  size_t events = 0;
  for (const auto& s : sentences) {
    if (a.sentence >= 0 && s.index != a.sentence) continue;
    for (const auto& e : res.events) events += e.sentence == s.index;
    if (json) {
      nlohmann::json j = ExplanationJson(s, res.events);
      j["story_id"] = story.id;
      json->push_back(std::move(j));
    } else {
      out << FormatExplanation(s, res.events) << "\n";
    }
  }
  return events;
}

int ExplainRecords(const ExplainArgs& a, std::ostream& out, std::ostream& err) {
  ValidateOptions vo;
  vo.ignore_parse = a.ignore_parse;
  vo.only_id = a.id;
  vo.explain = true;
  vo.default_dictionary_dir = a.dict_dir;
  if (a.files_named) vo.dictionaries = a.files;
  if (!a.require_dyad.empty()) vo.coder.require_dyad = a.require_dyad != "false";
  auto report = RunValidation(a.records_file, vo);
  if (!report.ok()) {
    err << "eventcoder: " << report.status().message() << "\n";
    return 2;
  }
  auto tuple = [](const Tuple& t) {
    return "(" + std::get<0>(t) + ", " + std::get<1>(t) + ", " + std::get<2>(t) + ")";
  };
  std::map<std::string, int> by_step;
  nlohmann::json records = nlohmann::json::array();
  for (const auto& r : report->records) {
    if (r.scored) by_step[r.departure.step]++;
    if (a.failing && (r.passed || !r.scored)) continue;
    if (a.json) {
      nlohmann::json j;
      j["id"] = r.id;
      j["passed"] = r.passed;
      j["error"] = r.error;  // an unreadable record: no sentences
      j["expected"] = nlohmann::json::array();
      for (const auto& t : r.expected) j["expected"].push_back(tuple(t));
      j["produced"] = nlohmann::json::array();
      for (const auto& t : r.produced) j["produced"].push_back(tuple(t));
      j["departure"] = {{"step", r.departure.step}, {"detail", r.departure.detail}};
      j["sentences"] = nlohmann::json::array();
      for (const auto& s : r.explanation) j["sentences"].push_back(ExplanationJson(s, r.events));
      records.push_back(std::move(j));
      continue;
    }
    out << "== " << r.id << (r.scored ? (r.passed ? "  PASS" : "  FAIL") : "") << "\n";
    out << "expected:";
    if (r.expected.empty()) out << " no events";
    for (const auto& t : r.expected) out << " " << tuple(t);
    out << "\nproduced:";
    if (r.produced.empty()) out << " no events";
    for (const auto& t : r.produced) out << " " << tuple(t);
    out << "\n";
    if (r.scored && !r.passed)
      out << "departs at: " << r.departure.step << ": " << r.departure.detail << "\n";
    if (!r.error.empty()) out << "error: " << r.error << "\n";
    for (const auto& s : r.explanation) out << FormatExplanation(s, r.events);
    out << "\n";
  }
  if (a.json) {
    out << nlohmann::json{{"records", records}, {"departures", by_step}}.dump(1) << "\n";
  } else {
    out << "records by the step where coding departs from the expected events:\n";
    for (const auto& [step, n] : by_step) out << "  " << step << ": " << n << "\n";
  }
  return report->failed > 0 ? 1 : 0;
}

}  // namespace

int RunExplainCommand(const std::vector<std::string>& args, const std::string& default_dict_dir,
                      std::ostream& out, std::ostream& err) {
  ExplainArgs a;
  a.dict_dir = default_dict_dir;
  std::vector<std::string> actors;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    std::string v;
    auto value = [&](std::string* into) {
      if (i + 1 >= args.size()) return false;
      *into = args[++i];
      return true;
    };
    bool ok = true;
    if (s == "--json") {
      a.json = true;
    } else if (s == "--failing") {
      a.failing = true;
    } else if (s == "--ignore-parse") {
      a.ignore_parse = true;
    } else if (s == "--story") {
      ok = value(&a.story_file);
    } else if (s == "--records") {
      ok = value(&a.records_file);
    } else if (s == "--id") {
      ok = value(&a.id);
    } else if (s == "--date") {
      ok = value(&a.date);
    } else if (s == "--sentence") {
      ok = value(&v);
      a.sentence = std::atoi(v.c_str());
    } else if (s == "--require-dyad") {
      ok = value(&a.require_dyad);
    } else if (s == "--dict-dir") {
      ok = value(&a.dict_dir);
    } else if (s == "--actors") {
      ok = value(&v);
      actors.push_back(v);
      a.files_named = true;
    } else if (s == "--agents") {
      ok = value(&a.files.agents);
      a.files_named = true;
    } else if (s == "--verbs") {
      ok = value(&a.files.verbs);
      a.files_named = true;
    } else if (s == "--discards") {
      ok = value(&a.files.discards);
      a.files_named = true;
    } else if (s == "--help" || s == "-h") {
      out << kExplainUsage;
      return 0;
    } else if (s.size() > 1 && s[0] == '-') {
      err << "eventcoder explain: unknown option " << s << "\n\n" << kExplainUsage;
      return 2;
    } else {
      a.text += (a.text.empty() ? "" : " ") + s;
    }
    if (!ok) {
      err << "eventcoder explain: " << s << " needs a value\n\n" << kExplainUsage;
      return 2;
    }
  }
  {
    dict::DictionaryFiles d = dict::DictionaryFilesInDir(a.dict_dir);
    if (!actors.empty()) d.actors = actors;
    if (!a.files.agents.empty()) d.agents = a.files.agents;
    if (!a.files.verbs.empty()) d.verbs = a.files.verbs;
    if (!a.files.discards.empty()) d.discards = a.files.discards;
    a.files = d;
  }
  if (!a.records_file.empty()) return ExplainRecords(a, out, err);
  if (a.text.empty() == a.story_file.empty()) {
    err << "eventcoder explain: give a SENTENCE or --story FILE\n\n" << kExplainUsage;
    return 2;
  }
  int date = TodayDate();
  if (!a.date.empty()) {
    auto d = ParseDate(a.date);
    if (!d.ok()) {
      err << "eventcoder explain: --date: " << d.status().message() << "\n";
      return 2;
    }
    date = *d;
  }
  std::vector<std::string> warnings;
  auto dict = dict::LoadDictionaryFiles(a.files, &warnings);
  for (const auto& w : warnings) err << "warning: " << w << "\n";
  if (!dict.ok()) {
    err << "eventcoder: " << dict.status().message() << "\n";
    return 2;
  }
  PipelineOptions popts;
  if (!a.require_dyad.empty()) popts.coder.require_dyad = a.require_dyad != "false";
  StoryCoder coder(std::make_shared<const CompiledDictionary>(std::move(*dict)), popts);
  nlohmann::json json = nlohmann::json::array();
  size_t events = 0;
  if (!a.text.empty()) {
    Story story;
    story.id = "explain";
    story.date = date;
    story.text = a.text;
    events = ExplainStory(coder, story, a, out, a.json ? &json : nullptr);
  } else {
    std::ifstream in(a.story_file, std::ios::binary);
    if (!in) {
      err << "eventcoder explain: cannot open " << a.story_file << "\n";
      return 2;
    }
    ReadOptions ro;
    bool found = false;
    Status st = ReadStories(
        in, a.story_file, ro,
        [&](Story&& story) {
          if (!a.id.empty() && story.id != a.id) return;
          if (a.id.empty() && found) return;  // the first story only
          found = true;
          if (!a.date.empty()) story.date = date;
          if (!a.json) out << "story " << story.id << "\n";
          events += ExplainStory(coder, story, a, out, a.json ? &json : nullptr);
        },
        [&](const Status& e) { err << e.message() << "\n"; }, nullptr);
    if (!st.ok()) err << st.message() << "\n";
    if (!found) {
      err << "eventcoder explain: no story" << (a.id.empty() ? "" : " with id " + a.id) << " in "
          << a.story_file << "\n";
      return 2;
    }
  }
  if (a.json) out << json.dump(1) << "\n";
  return events > 0 ? 0 : 1;
}

}  // namespace eventcoder
