#include "validate/validator.h"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>

#include "dict/dict_reader.h"
#include "match/compiled_dictionary.h"
#include "pipeline/story_coder.h"
#include "read/story_reader.h"

namespace eventcoder {

namespace {

std::string DirOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

std::string Resolve(const std::string& dir, const std::string& name) {
  if (name.empty() || name[0] == '/') return name;
  return dir + "/" + name;
}

bool ParseBool(const std::string& v) {
  std::string l;
  for (char c : v) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l.find("false") == std::string::npos;
}

}  // namespace

StatusOr<ValidationReport> RunValidation(const std::string& xml_path, const ValidateOptions& opts) {
  std::ifstream in(xml_path, std::ios::binary);
  if (!in) return Status::NotFound(xml_path + ": cannot open");
  std::stringstream buf;
  buf << in.rdbuf();
  std::string xml = buf.str();

  auto env = ReadValidationEnvironment(xml, xml_path);
  if (!env.ok() && env.status().code() != StatusCode::kNotFound) return env.status();
  if (!env.ok()) env = ValidationEnvironment();  // no <Environment>: default dictionaries
  std::string dir = DirOf(xml_path);
  dict::DictionaryFiles files;
  const dict::DictionaryFiles& o = opts.dictionaries;
  if (!o.actors.empty() || !o.agents.empty() || !o.verbs.empty() || !o.discards.empty()) {
    files = o;
  } else if (env->verbs.empty() && env->actors.empty()) {
    files = dict::DictionaryFilesInDir(opts.default_dictionary_dir);
  } else {
    for (const auto& a : env->actors) files.actors.push_back(Resolve(dir, a));
    files.agents = Resolve(dir, env->agents);
    files.verbs = Resolve(dir, env->verbs);
    files.discards = Resolve(dir, env->discards);
  }
  auto dict = dict::LoadDictionaryFiles(files);
  if (!dict.ok()) return dict.status();
  auto compiled = std::make_shared<const CompiledDictionary>(std::move(*dict));

  PipelineOptions popts;
  popts.coder = opts.coder;
  popts.use_supplied_parse = !opts.ignore_parse;
  for (const auto& [option, value] : env->config) {
    if (option == "require_dyad")
      popts.coder.require_dyad = ParseBool(value);
    else if (option == "new_actor_length")
      popts.coder.new_actor_length = std::atoi(value.c_str());
    else if (option == "comma_min")
      popts.coder.comma_min = std::atoi(value.c_str());
    else if (option == "comma_max")
      popts.coder.comma_max = std::atoi(value.c_str());
    else if (option == "comma_emin")
      popts.coder.comma_end_min = std::atoi(value.c_str());
    else if (option == "comma_emax")
      popts.coder.comma_end_max = std::atoi(value.c_str());
  }
  StoryCoder coder(compiled, popts);
  PipelineOptions raw_opts = popts;
  raw_opts.use_supplied_parse = false;
  StoryCoder raw_coder(compiled, raw_opts);

  ValidationReport report;
  report.settings =
      std::string(opts.ignore_parse ? "raw text (<Parse> ignored)" : "supplied parses") +
      "; require_dyad=" + (popts.coder.require_dyad ? "true" : "false") + "; comma clauses " +
      std::to_string(popts.coder.comma_min) + "-" + std::to_string(popts.coder.comma_max) +
      ", terminal " + std::to_string(popts.coder.comma_end_min) + "-" +
      std::to_string(popts.coder.comma_end_max) + " words";
  std::istringstream stream(xml);
  ReadOptions ropts;
  ropts.format = InputFormat::kPetrarchXml;
  ReadStats stats;
  Status st = ReadStories(
      stream, xml_path, ropts,
      [&](Story&& story) {
        if (!opts.only_id.empty() && story.id != opts.only_id) return;
        RecordResult r;
        r.id = story.id;
        r.category = story.category;
        r.valid_record = story.valid_record;
        for (const auto& e : story.expected) r.expected.emplace_back(e.source, e.target, e.code);
        StoryResult res;
        Status cs = opts.explain ? coder.Explain(story, &res, &r.explanation)
                                 : coder.Code(story, &res, opts.show_trees);
        if (opts.explain) r.events = res.events;
        if (!cs.ok()) r.error = cs.message();
        for (const auto& e : res.events)
          r.produced.emplace_back(e.source_code, e.target_code, e.cameo);
        if (opts.compare_raw && !opts.ignore_parse && !story.parse.empty()) {
          StoryResult raw;
          if (raw_coder.Code(story, &raw).ok()) {
            std::set<Tuple> from_parse(r.produced.begin(), r.produced.end());
            std::set<Tuple> from_raw;
            for (const auto& e : raw.events)
              from_raw.insert({e.source_code, e.target_code, e.cameo});
            report.compared_raw = true;
            report.parse_events += static_cast<int>(from_parse.size());
            report.raw_events += static_cast<int>(from_raw.size());
            for (const auto& t : from_raw)
              report.shared_events += static_cast<int>(from_parse.count(t));
          }
        }
        if (!res.trees.empty()) r.tree = res.trees.front();
        r.has_expectation = story.has_expectation;
        r.expect_no_events = story.expect_no_events || story.expected.empty();
        report.records.push_back(std::move(r));
      },
      [&](const Status& e) {
        RecordResult r;
        r.id = "(unreadable record)";
        r.error = e.message();
        r.has_expectation = true;
        report.records.push_back(std::move(r));
      },
      &stats);
  if (!st.ok()) return st;

  // A record without <EventCoding> expects no events (as PETRARCH reads them), unless the
  // file has no expectations at all (a sample of sentences to code): then none is scored.
  bool any_expectation = false;
  for (const auto& r : report.records) any_expectation |= r.has_expectation;
  for (auto& r : report.records) {
    if (!any_expectation) {
      report.unscored++;
      continue;
    }
    std::set<Tuple> want(r.expected.begin(), r.expected.end());
    std::set<Tuple> got(r.produced.begin(), r.produced.end());
    if (!r.error.empty() && r.id == "(unreadable record)") {
      r.passed = false;
    } else if (r.expect_no_events) {
      r.passed = got.empty();
      report.false_positives += static_cast<int>(got.size());
    } else {
      r.passed = want == got;
      for (const auto& t : got) (want.count(t) ? report.true_positives : report.false_positives)++;
      for (const auto& t : want)
        if (!got.count(t)) report.false_negatives++;
    }
    r.scored = true;
    (r.passed ? report.passed : report.failed)++;
    if (opts.explain) {
      r.departure = r.passed ? Departure{"none", "coded as expected"}
                             : FindDeparture(r.expect_no_events ? std::vector<Tuple>() : r.expected,
                                             r.produced, r.explanation);
    }
  }
  return report;
}

void ValidationReport::Print(std::ostream& out, bool verbose) const {
  auto fmt = [](const Tuple& t) {
    return "(" + std::get<0>(t) + ", " + std::get<1>(t) + ", " + std::get<2>(t) + ")";
  };
  if (verbose) {
    for (const auto& r : records) {
      if (r.passed || !r.scored) continue;
      out << "FAIL " << r.id << " [" << r.category << "]"
          << (r.valid_record ? "" : " (sentence=false)") << "\n";
      if (!r.error.empty()) out << "  error: " << r.error << "\n";
      out << "  expected:";
      if (r.expected.empty()) out << " no events";
      for (const auto& t : r.expected) out << " " << fmt(t);
      out << "\n  produced:";
      if (r.produced.empty()) out << " no events";
      for (const auto& t : r.produced) out << " " << fmt(t);
      out << "\n";
      if (!r.tree.empty()) out << "  tree: " << r.tree << "\n";
    }
    out << "\n";
  }
  out << "coded from " << settings << "\n";
  std::map<std::string, std::pair<int, int>> cats;
  for (const auto& r : records) {
    if (!r.scored) continue;
    auto& c = cats[r.category.empty() ? "-" : r.category];
    (r.passed ? c.first : c.second)++;
  }
  out << std::left << std::setw(12) << "category" << std::right << std::setw(8) << "records"
      << std::setw(8) << "passed" << std::setw(8) << "failed"
      << "\n";
  for (const auto& [name, pf] : cats) {
    out << std::left << std::setw(12) << name << std::right << std::setw(8) << pf.first + pf.second
        << std::setw(8) << pf.first << std::setw(8) << pf.second << "\n";
  }
  double p = true_positives + false_positives
                 ? 100.0 * true_positives / (true_positives + false_positives)
                 : 0.0;
  double rc = true_positives + false_negatives
                  ? 100.0 * true_positives / (true_positives + false_negatives)
                  : 0.0;
  out << std::fixed << std::setprecision(1) << "tuples: precision " << p << "% recall " << rc
      << "% (" << true_positives << " correct, " << false_positives << " spurious, "
      << false_negatives << " missed)\n";
  if (compared_raw) {
    double cp = raw_events ? 100.0 * shared_events / raw_events : 0.0;
    double cr = parse_events ? 100.0 * shared_events / parse_events : 0.0;
    double f1 = cp + cr > 0 ? 2 * cp * cr / (cp + cr) : 0.0;
    out << "raw text vs parse: precision " << cp << "% recall " << cr << "% F1 " << f1 << "% ("
        << shared_events << " events in both, " << parse_events << " from parses, " << raw_events
        << " from raw text)\n";
  }
  if (unscored > 0) out << unscored << " records have no <EventCoding> and were not scored\n";
  out << passed << " passed, " << failed << " failed\n";
}

}  // namespace eventcoder
