// eventcoder: the command-line tool. Thin: parses options and wires the library stages.
//
//   eventcoder [code] [FILE...]        code stories (files or stdin) into events
//   eventcoder validate FILE.xml       run PETRARCH validation records
//   eventcoder --help
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dict/dict_reader.h"
#include "match/compiled_dictionary.h"
#include "pipeline/story_coder.h"
#include "read/story_reader.h"
#include "text/tagger.h"
#include "validate/validator.h"
#include "write/jsonl_writer.h"
#include "write/sqlite_sink.h"
#include "write/tsv_writer.h"

namespace eventcoder {
namespace {

constexpr const char* kUsage = R"(usage:
  eventcoder [code] [options] [FILE...]   code stories from FILEs (or stdin) into events
  eventcoder validate [options] FILE.xml  code PETRARCH validation records and compare

input:
  --format auto|text|jsonl|xml   input format (default auto: detected from content)
  --max-story-bytes N            larger stories are reported and skipped (default 1048576)
  --max-sentence-tokens N        longer sentences are coded on their first N tokens, with
                                 a warning (default 300; 0 = no limit)
  --ignore-parse                 ignore <Parse> trees in XML input; analyse the raw text
dictionaries (PETRARCH formats):
  --dict-dir DIR                 actors.txt and actors/*.txt, agents.txt, verbs.txt,
                                 discards.txt in DIR
                                 (default: the project's dictionaries/ directory)
  --actors F --agents F --verbs F --discards F   individual files (override --dict-dir)
coding:
  --config FILE                  PETRARCH-style options, one "name = value" a line:
                                 require_dyad, new_actor_length, comma_min, comma_max,
                                 comma_emin, comma_emax
  --require-dyad true|false      drop events with an uncoded source or target
                                 (default: true for code, false for validate)
output:
  --output-format jsonl|tsv      (default jsonl)
  -o, --output FILE              write events to FILE (default stdout)
  --explain                      add CAMEO names and descriptions to each event
  --db PATH                      also store stories and events in SQLite at PATH
  --db-batch N                   stories per SQLite transaction (default 1000)
  --trees                        print the parse tree of every sentence to stderr
validate:
  --verbose                      list failing records with expected and produced events
  --trees                        with --verbose, show the tree each record was coded on
  --id ID                        validate one record only
  --compare-raw                  also code each record from its raw text and report how
                                 often those events agree with the ones from its <Parse>
exit status: 0 all stories coded; 1 some input was skipped (see stderr); 2 usage or fatal error
)";

struct Args {
  std::string command = "code";
  std::vector<std::string> files;
  std::string format = "auto";
  size_t max_story_bytes = 1 << 20;
  size_t max_sentence_tokens = 300;
  size_t db_batch = 1000;
  bool ignore_parse = false;
  std::string dict_dir = EVENTCODER_SOURCE_DIR "/dictionaries";
  std::vector<std::string> actors;
  std::string agents, verbs, discards;
  std::string config;
  std::string require_dyad;
  std::string output_format = "jsonl";
  std::string output;
  bool explain = false;
  std::string db;
  bool verbose = false, trees = false, compare_raw = false;
  std::string only_id;
};

int Usage(const std::string& why) {
  std::cerr << "eventcoder: " << why << "\n\n" << kUsage;
  return 2;
}

bool ParseArgs(int argc, char** argv, Args* a, std::string* err) {
  int i = 1;
  if (i < argc && (std::string(argv[i]) == "code" || std::string(argv[i]) == "validate")) {
    a->command = argv[i++];
  }
  for (; i < argc; ++i) {
    std::string s = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) {
        *err = s + " needs a value";
        return false;
      }
      *out = argv[++i];
      return true;
    };
    std::string v;
    auto number = [&](size_t* out) {
      if (!value(&v)) return false;
      char* end = nullptr;
      errno = 0;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || v[0] == '-' || *end != '\0' || errno == ERANGE) {
        *err = s + " needs a non-negative number, not \"" + v + "\"";
        return false;
      }
      *out = static_cast<size_t>(n);
      return true;
    };
    if (s == "--help" || s == "-h") {
      a->command = "help";
    } else if (s == "--format") {
      if (!value(&a->format)) return false;
    } else if (s == "--max-story-bytes") {
      if (!number(&a->max_story_bytes)) return false;
    } else if (s == "--max-sentence-tokens") {
      if (!number(&a->max_sentence_tokens)) return false;
    } else if (s == "--db-batch") {
      if (!number(&a->db_batch)) return false;
    } else if (s == "--ignore-parse") {
      a->ignore_parse = true;
    } else if (s == "--dict-dir") {
      if (!value(&a->dict_dir)) return false;
    } else if (s == "--actors") {
      if (!value(&v)) return false;
      a->actors.push_back(v);
    } else if (s == "--agents") {
      if (!value(&a->agents)) return false;
    } else if (s == "--verbs") {
      if (!value(&a->verbs)) return false;
    } else if (s == "--discards") {
      if (!value(&a->discards)) return false;
    } else if (s == "--config") {
      if (!value(&a->config)) return false;
    } else if (s == "--require-dyad") {
      if (!value(&a->require_dyad)) return false;
    } else if (s == "--output-format") {
      if (!value(&a->output_format)) return false;
    } else if (s == "-o" || s == "--output") {
      if (!value(&a->output)) return false;
    } else if (s == "--explain") {
      a->explain = true;
    } else if (s == "--db") {
      if (!value(&a->db)) return false;
    } else if (s == "--verbose") {
      a->verbose = true;
    } else if (s == "--compare-raw") {
      a->compare_raw = true;
    } else if (s == "--trees") {
      a->trees = true;
    } else if (s == "--id") {
      if (!value(&a->only_id)) return false;
    } else if (s.size() > 1 && s[0] == '-' && s != "-") {
      *err = "unknown option " + s;
      return false;
    } else {
      a->files.push_back(s);
    }
  }
  return true;
}

Status ApplyConfig(const std::string& path, CoderOptions* opt) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open config file");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    size_t eq = line.find('=');
    auto trim = [](std::string s) {
      size_t a = s.find_first_not_of(" \t\r");
      size_t b = s.find_last_not_of(" \t\r");
      return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
    };
    if (trim(line).empty()) continue;
    if (eq == std::string::npos)
      return Status::InvalidArgument(path + ":" + std::to_string(n) + ": expected name = value");
    std::string k = trim(line.substr(0, eq)), v = trim(line.substr(eq + 1));
    if (k == "require_dyad")
      opt->require_dyad = v.find("alse") == std::string::npos;
    else if (k == "new_actor_length")
      opt->new_actor_length = std::atoi(v.c_str());
    else if (k == "comma_min")
      opt->comma_min = std::atoi(v.c_str());
    else if (k == "comma_max")
      opt->comma_max = std::atoi(v.c_str());
    else if (k == "comma_emin")
      opt->comma_end_min = std::atoi(v.c_str());
    else if (k == "comma_emax")
      opt->comma_end_max = std::atoi(v.c_str());
    else
      return Status::InvalidArgument(path + ":" + std::to_string(n) + ": unknown option " + k);
  }
  return Status::Ok();
}

// Dictionary files from --dict-dir, with --actors/--agents/--verbs/--discards overriding.
dict::DictionaryFiles DictionaryFilesFrom(const Args& a) {
  dict::DictionaryFiles files = dict::DictionaryFilesInDir(a.dict_dir);
  if (!a.actors.empty()) files.actors = a.actors;
  if (!a.agents.empty()) files.agents = a.agents;
  if (!a.verbs.empty()) files.verbs = a.verbs;
  if (!a.discards.empty()) files.discards = a.discards;
  return files;
}

bool NamesDictionaryFiles(const Args& a) {
  return !a.actors.empty() || !a.agents.empty() || !a.verbs.empty() || !a.discards.empty();
}

// --config, then --require-dyad, on top of *opt.
Status ApplyCodingOptions(const Args& a, CoderOptions* opt) {
  if (!a.config.empty()) EVENTCODER_RETURN_IF_ERROR(ApplyConfig(a.config, opt));
  if (!a.require_dyad.empty()) opt->require_dyad = a.require_dyad != "false";
  return Status::Ok();
}

int RunValidate(const Args& a) {
  if (a.files.size() != 1) return Usage("validate needs exactly one FILE.xml");
  ValidateOptions vo;
  vo.ignore_parse = a.ignore_parse;
  vo.verbose = a.verbose;
  vo.show_trees = a.trees;
  vo.only_id = a.only_id;
  vo.compare_raw = a.compare_raw;
  vo.default_dictionary_dir = a.dict_dir;
  if (NamesDictionaryFiles(a)) vo.dictionaries = DictionaryFilesFrom(a);
  if (Status st = ApplyCodingOptions(a, &vo.coder); !st.ok()) {
    std::cerr << "eventcoder: " << st.message() << "\n";
    return 2;
  }
  if (vo.ignore_parse && Tagger::Default().lexicon_size() == 0)
    std::cerr << "warning: WordNet data not found; raw-text figures will be lower\n";
  auto report = RunValidation(a.files[0], vo);
  if (!report.ok()) {
    std::cerr << "eventcoder: " << report.status().message() << "\n";
    return 2;
  }
  report->Print(std::cout, a.verbose);
  return 0;
}

int RunCode(const Args& a) {
  std::vector<std::string> warnings;
  auto dict = dict::LoadDictionaryFiles(DictionaryFilesFrom(a), &warnings);
  for (const auto& w : warnings) std::cerr << "warning: " << w << "\n";
  if (!dict.ok()) {
    std::cerr << "eventcoder: " << dict.status().message() << "\n";
    return 2;
  }
  PipelineOptions popts;
  popts.use_supplied_parse = !a.ignore_parse;
  popts.max_sentence_tokens = a.max_sentence_tokens;
  if (Status st = ApplyCodingOptions(a, &popts.coder); !st.ok()) {
    std::cerr << "eventcoder: " << st.message() << "\n";
    return 2;
  }
  StoryCoder coder(std::make_shared<const CompiledDictionary>(std::move(*dict)), popts);
  if (Tagger::Default().lexicon_size() == 0) {
    std::cerr << "warning: WordNet data not found (install Debian's wordnet-base or set "
                 "EVENTCODER_WORDNET_DIR); raw text is tagged with word lists and suffix "
                 "rules only, which codes fewer events\n";
  }

  std::ofstream out_file;
  std::ostream* out = &std::cout;
  if (!a.output.empty()) {
    out_file.open(a.output, std::ios::binary);
    if (!out_file) {
      std::cerr << "eventcoder: cannot write " << a.output << "\n";
      return 2;
    }
    out = &out_file;
  }
  WriterOptions wo;
  wo.explain = a.explain;
  std::vector<std::unique_ptr<EventSink>> sinks;
  if (a.output_format == "jsonl")
    sinks.push_back(std::make_unique<JsonlWriter>(out, a.output.empty() ? "-" : a.output, wo));
  else if (a.output_format == "tsv")
    sinks.push_back(std::make_unique<TsvWriter>(out, a.output.empty() ? "-" : a.output, wo));
  else
    return Usage("unknown --output-format " + a.output_format);
  if (!a.db.empty()) {
    WriterOptions dbo = wo;
    dbo.batch_stories = a.db_batch;
    auto db = SqliteSink::Open(a.db, dbo);
    if (!db.ok()) {
      std::cerr << "eventcoder: " << db.status().message() << "\n";
      return 2;
    }
    sinks.push_back(std::move(*db));
  }

  auto fmt = ParseInputFormat(a.format);
  if (!fmt.ok()) return Usage(fmt.status().message());
  ReadOptions ro;
  ro.format = *fmt;
  ro.max_story_bytes = a.max_story_bytes;
  size_t skipped = 0;
  bool fatal = false;
  auto on_story = [&](Story&& story) {
    if (fatal) return;
    StoryResult res;
    Status s = coder.Code(story, &res, a.trees);
    for (const auto& w : res.warnings) std::cerr << "warning: " << w << "\n";
    for (size_t i = 0; i < res.trees.size(); ++i)
      std::cerr << "# " << story.id << " sentence " << i << ": " << res.trees[i] << "\n";
    if (!s.ok()) {
      std::cerr << s.message() << "\n";
      ++skipped;
      return;
    }
    for (auto& sink : sinks) {
      Status ws = WriteStory(*sink, story, res.events);
      if (!ws.ok()) {
        std::cerr << "eventcoder: " << ws.message() << "\n";
        fatal = true;
        return;
      }
    }
  };
  auto on_error = [&](const Status& e) {
    std::cerr << e.message() << "\n";
    ++skipped;
  };
  std::vector<std::string> inputs = a.files.empty() ? std::vector<std::string>{"-"} : a.files;
  for (const auto& f : inputs) {
    ReadStats stats;
    Status s;
    if (f == "-") {
      s = ReadStories(std::cin, "-", ro, on_story, on_error, &stats);
    } else {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        std::cerr << f << ": cannot open\n";
        ++skipped;
        continue;
      }
      s = ReadStories(in, f, ro, on_story, on_error, &stats);
    }
    if (!s.ok()) {
      std::cerr << s.message() << "\n";
      ++skipped;
    }
    if (fatal) break;
  }
  for (auto& sink : sinks) {
    Status s = sink->Finish();
    if (!s.ok()) {
      std::cerr << "eventcoder: " << s.message() << "\n";
      fatal = true;
    }
  }
  if (fatal) return 2;
  if (skipped) {
    std::cerr << "eventcoder: " << skipped << " input item(s) skipped\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace eventcoder

int main(int argc, char** argv) {
  using namespace eventcoder;
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, &a, &err)) return Usage(err);
  if (a.command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (a.command == "validate") return RunValidate(a);
  return RunCode(a);
}
