// eventcoder: the command-line tool. Thin: parses options and wires the library stages.
//
//   eventcoder [code] [FILE...]        code stories (files or stdin) into events
//   eventcoder validate FILE.xml       run PETRARCH validation records
//   eventcoder query --db DB ...       event counts over time from a store
//   eventcoder --help
#include <sys/resource.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/dict_command.h"
#include "cli/explain_command.h"
#include "dedupe/one_a_day.h"
#include "dict/dict_reader.h"
#include "locate/gazetteer.h"
#include "match/compiled_dictionary.h"
#include "pipeline/parallel_coder.h"
#include "pipeline/story_coder.h"
#include "query/plot.h"
#include "query/query.h"
#include "read/story_reader.h"
#include "store/postgres_connection.h"
#include "text/tagger.h"
#include "validate/codebook.h"
#include "validate/validator.h"
#include "write/gdelt_writer.h"
#include "write/html_writer.h"
#include "write/jsonl_writer.h"
#include "write/plover_writer.h"
#include "write/postgres_sink.h"
#include "write/sqlite_sink.h"
#include "write/tsv_writer.h"

namespace eventcoder {
namespace {

constexpr const char* kUsage = R"(usage:
  eventcoder [code] [options] [FILE...]   code stories from FILEs (or stdin) into events
  eventcoder validate [options] FILE.xml  code PETRARCH validation records and compare
  eventcoder dict check|lookup|stats ...  lint dictionaries, look a phrase up, count
                                          entries (eventcoder dict --help)
  eventcoder explain "SENTENCE" | --story FILE | --records FILE.xml
                                          why a sentence is coded as it is, step by
                                          step (eventcoder explain --help)
  eventcoder validate --codebook FILE.csv code the example of every CAMEO code in a
                                          codebook CSV; report exact and root hits
  eventcoder query --db DB [options]      event counts per day/week/month from a store, as CSV

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
  --output-format jsonl|tsv|gdelt|plover|html   (default jsonl). gdelt: the 61 GDELT 2.0
                                 event columns, tab-separated, no header, one-a-day
                                 de-duplicated; plover: one PLOVER JSON record a line;
                                 html: one self-contained page showing each story with its
                                 events' words highlighted and a table of its events
  --mentions FILE                gdelt: write the GDELT mentions table to FILE (default
                                 OUTPUT.mentions with -o; none when writing to stdout)
  --dedupe                       jsonl/tsv/plover: merge events with the same date, source,
                                 target and code into one (counts and every mention kept;
                                 output at the end; memory grows with distinct events)
  --no-locate                    do not geolocate events or date them from their sentence
  -o, --output FILE              write events to FILE (default stdout)
  --explain                      add CAMEO names and descriptions to each event
  --db PATH                      also store stories, events and mentions in SQLite at PATH
  --db postgresql://...          ... or in PostgreSQL (libpq URI; postgres:// too)
  --db-batch N                   stories per database transaction (default 1000)
  --trees                        print the parse tree of every sentence to stderr
performance:
  --threads N                    code on N threads (default 0: one per core); the output
                                 is identical whatever N is
  --stats                        print stories, sentences, events, load time (dictionaries,
                                 gazetteer, WordNet) and throughput to stderr at the end
validate:
  --verbose                      list failing records with expected and produced events
  --trees                        with --verbose, show the tree each record was coded on
  --id ID                        validate one record only (with --codebook: one CAMEO code)
  --codebook FILE.csv            code each example sentence of a CAMEO codebook CSV
                                 (require_dyad false: the target may be absent)
  --compare-raw                  also code each record from its raw text and report how
                                 often those events agree with the ones from its <Parse>
query (CSV: period,events,mentions,goldstein_sum,cooperation,conflict; cooperation
counts quad classes 1-2, conflict 3-4; empty periods in between are listed with zeros):
  --db PATH|URI                  the store to read (SQLite file or PostgreSQL URI)
  --country X                    events whose source or target code starts with X
  --source X --target Y          events whose source / target code starts with X / Y
  --code 19 | --code 190-195     CAMEO codes of root 19, or codes 190 to 195
  --from YYYY-MM-DD --to YYYY-MM-DD   date range (inclusive)
  --by day|week|month            period (default day; a week is named by its Monday)
  -o, --output FILE              write the CSV to FILE (default stdout)
  --plot FILE.svg                also draw cooperation vs conflict per period as SVG
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
  std::string mentions;
  bool dedupe = false, no_locate = false;
  bool explain = false;
  std::string db;
  bool verbose = false, trees = false, compare_raw = false;
  std::string only_id;
  int threads = 0;  // 0: one per core
  bool stats = false;
  std::string codebook;
  EventFilter filter;
  std::string code_range, by = "day", plot;
};

int Usage(const std::string& why) {
  std::cerr << "eventcoder: " << why << "\n\n" << kUsage;
  return 2;
}

bool ParseArgs(int argc, char** argv, Args* a, std::string* err) {
  int i = 1;
  if (i < argc && (std::string(argv[i]) == "code" || std::string(argv[i]) == "validate" ||
                   std::string(argv[i]) == "query")) {
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
    } else if (s == "--mentions") {
      if (!value(&a->mentions)) return false;
    } else if (s == "--dedupe") {
      a->dedupe = true;
    } else if (s == "--no-locate") {
      a->no_locate = true;
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
    } else if (s == "--threads") {
      if (!value(&v)) return false;
      a->threads = std::atoi(v.c_str());
      if (a->threads < 0 || a->threads > 256) {
        *err = "--threads takes 0 (one per core) to 256";
        return false;
      }
    } else if (s == "--stats") {
      a->stats = true;
    } else if (s == "--codebook") {
      if (!value(&a->codebook)) return false;
    } else if (s == "--id") {
      if (!value(&a->only_id)) return false;
    } else if (s == "--country") {
      if (!value(&a->filter.country)) return false;
    } else if (s == "--source") {
      if (!value(&a->filter.source)) return false;
    } else if (s == "--target") {
      if (!value(&a->filter.target)) return false;
    } else if (s == "--code") {
      if (!value(&a->code_range)) return false;
    } else if (s == "--from") {
      if (!value(&a->filter.from_date)) return false;
    } else if (s == "--to") {
      if (!value(&a->filter.to_date)) return false;
    } else if (s == "--by") {
      if (!value(&a->by)) return false;
    } else if (s == "--plot") {
      if (!value(&a->plot)) return false;
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

int RunCodebookCheck(const Args& a) {
  if (!a.files.empty()) return Usage("validate --codebook takes no other FILE");
  CodebookOptions co;
  co.dictionaries = DictionaryFilesFrom(a);
  co.only_code = a.only_id;
  co.keep_trees = a.trees;
  if (Status st = ApplyCodingOptions(a, &co.coder); !st.ok()) {
    std::cerr << "eventcoder: " << st.message() << "\n";
    return 2;
  }
  auto report = RunCodebook(a.codebook, co);
  if (!report.ok()) {
    std::cerr << "eventcoder: " << report.status().message() << "\n";
    return 2;
  }
  report->Print(std::cout, a.verbose);
  return 0;
}

int RunValidate(const Args& a) {
  if (!a.codebook.empty()) return RunCodebookCheck(a);
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

// CPU seconds (user + system) of this process so far, and its peak RSS in MB.
double CpuSeconds(double* peak_rss_mb = nullptr) {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  if (peak_rss_mb) *peak_rss_mb = u.ru_maxrss / 1024.0;
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int RunCode(const Args& a) {
  using Clock = std::chrono::steady_clock;
  const auto t_start = Clock::now();
  std::vector<std::string> warnings;
  auto dict = dict::LoadDictionaryFiles(DictionaryFilesFrom(a), &warnings);
  for (const auto& w : warnings) std::cerr << "warning: " << w << "\n";
  if (!dict.ok()) {
    std::cerr << "eventcoder: " << dict.status().message() << "\n";
    return 2;
  }
  PipelineOptions popts;
  popts.use_supplied_parse = !a.ignore_parse;
  popts.locate = !a.no_locate;
  if (popts.locate && Gazetteer::Default() == nullptr) {
    std::cerr << "warning: no gazetteer (" << Gazetteer::DefaultStatus().message()
              << "); events are not located\n";
  }
  popts.max_sentence_tokens = a.max_sentence_tokens;
  if (Status st = ApplyCodingOptions(a, &popts.coder); !st.ok()) {
    std::cerr << "eventcoder: " << st.message() << "\n";
    return 2;
  }
  StoryCoder coder(std::make_shared<const CompiledDictionary>(std::move(*dict)), popts);
  // The WordNet lexicon is part of start-up: load it before the clock for coding starts.
  if (Tagger::Default().lexicon_size() == 0) {
    std::cerr << "warning: WordNet data not found (install Debian's wordnet-base or set "
                 "EVENTCODER_WORDNET_DIR); raw text is tagged with word lists and suffix "
                 "rules only, which codes fewer events\n";
  }
  const auto t_loaded = Clock::now();
  const double cpu_loaded = CpuSeconds();

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
  std::string out_name = a.output.empty() ? "-" : a.output;
  std::ofstream mentions_file;
  std::unique_ptr<EventSink> writer;
  if (a.output_format == "jsonl") {
    writer = std::make_unique<JsonlWriter>(out, out_name, wo);
  } else if (a.output_format == "tsv") {
    writer = std::make_unique<TsvWriter>(out, out_name, wo);
  } else if (a.output_format == "plover") {
    writer = std::make_unique<PloverWriter>(out, out_name);
  } else if (a.output_format == "html") {
    writer = std::make_unique<HtmlWriter>(out, out_name, wo);
  } else if (a.output_format == "gdelt") {
    std::string mpath = !a.mentions.empty() ? a.mentions
                        : !a.output.empty() ? a.output + ".mentions"
                                            : "";
    if (!mpath.empty()) {
      mentions_file.open(mpath, std::ios::binary);
      if (!mentions_file) {
        std::cerr << "eventcoder: cannot write " << mpath << "\n";
        return 2;
      }
    }
    writer = std::make_unique<GdeltWriter>(out, out_name, mpath.empty() ? nullptr : &mentions_file,
                                           mpath);
  } else {
    return Usage("unknown --output-format " + a.output_format);
  }
  if (a.dedupe || a.output_format == "gdelt")
    writer = std::make_unique<OneADaySink>(std::move(writer));
  sinks.push_back(std::move(writer));
  if (!a.db.empty()) {
    WriterOptions dbo = wo;
    dbo.batch_stories = a.db_batch;
    // PostgreSQL for a postgresql:// or postgres:// URI, else an SQLite file.
    auto open = [&]() -> StatusOr<std::unique_ptr<EventSink>> {
      if (IsPostgresUri(a.db)) {
        auto pg = PostgresSink::Open(a.db, dbo);
        if (!pg.ok()) return pg.status();
        return std::unique_ptr<EventSink>(std::move(*pg));
      }
      auto lite = SqliteSink::Open(a.db, dbo);
      if (!lite.ok()) return lite.status();
      return std::unique_ptr<EventSink>(std::move(*lite));
    };
    auto db = open();
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
  size_t n_stories = 0, n_sentences = 0, n_events = 0, n_bytes = 0;
  auto on_result = [&](Story&& story, const Status& s, StoryResult&& res) {
    if (fatal) return;
    for (size_t i = 0; i < res.trees.size(); ++i)
      std::cerr << "# " << story.id << " sentence " << i << ": " << res.trees[i] << "\n";
    for (const auto& w : res.warnings) std::cerr << "warning: " << w << "\n";
    if (!s.ok()) {
      std::cerr << s.message() << "\n";
      ++skipped;
      return;
    }
    ++n_stories;
    n_sentences += res.sentences;
    n_events += res.events.size();
    n_bytes += story.text.size();
    for (auto& sink : sinks) {
      Status ws = WriteStory(*sink, story, res.events);
      if (!ws.ok()) {
        std::cerr << "eventcoder: " << ws.message() << "\n";
        fatal = true;
        return;
      }
    }
  };
  int threads = a.threads > 0 ? a.threads : static_cast<int>(std::thread::hardware_concurrency());
  ParallelCoder parallel(coder, threads, /*batch_stories=*/threads > 1 ? 64 * threads : 1, a.trees,
                         on_result);
  auto on_story = [&](Story&& story) {
    if (!fatal) parallel.Add(std::move(story));
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
  parallel.Flush();
  for (auto& sink : sinks) {
    Status s = sink->Finish();
    if (!s.ok()) {
      std::cerr << "eventcoder: " << s.message() << "\n";
      fatal = true;
    }
  }
  if (a.stats) {
    const auto t_end = Clock::now();
    auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    double code_s = ms(t_end - t_loaded) / 1000;
    double rss = 0;
    double cpu_s = CpuSeconds(&rss) - cpu_loaded;
    char line[640];
    std::snprintf(line, sizeof line,
                  "stats: %zu stories, %zu sentences, %zu events, %.1f MB; threads %d; "
                  "dictionary load %.0f ms (%.0f ms CPU); coding %.3f s wall: %.0f sentences/s, "
                  "%.2f MB/s; "
                  "%.3f s CPU: %.0f sentences per CPU-second; peak RSS %.0f MB\n",
                  n_stories, n_sentences, n_events, n_bytes / 1e6, threads, ms(t_loaded - t_start),
                  cpu_loaded * 1000, code_s, code_s > 0 ? n_sentences / code_s : 0.0,
                  code_s > 0 ? n_bytes / 1e6 / code_s : 0.0, cpu_s,
                  cpu_s > 0 ? n_sentences / cpu_s : 0.0, rss);
    std::cerr << line;
  }
  if (fatal) return 2;
  if (skipped) {
    std::cerr << "eventcoder: " << skipped << " input item(s) skipped\n";
    return 1;
  }
  return 0;
}

int RunQuery(const Args& a) {
  if (a.db.empty()) return Usage("query needs --db PATH or --db postgresql://...");
  if (!a.files.empty()) return Usage("query takes no FILE arguments");
  EventFilter filter = a.filter;
  if (!a.code_range.empty()) {
    if (Status st = ParseCodeRange(a.code_range, &filter); !st.ok()) return Usage(st.message());
  }
  auto period = ParsePeriod(a.by);
  if (!period.ok()) return Usage(period.status().message());
  auto reader = OpenStoreReader(a.db);
  if (!reader.ok()) {
    std::cerr << "eventcoder: " << reader.status().message() << "\n";
    return 2;
  }
  auto days = (*reader)->CountByDay(filter);
  if (!days.ok()) {
    std::cerr << "eventcoder: " << days.status().message() << "\n";
    return 2;
  }
  std::vector<PeriodRow> rows = Aggregate(*days, *period);
  if (a.output.empty()) {
    WriteCsv(std::cout, rows);
  } else {
    std::ofstream out(a.output, std::ios::binary);
    WriteCsv(out, rows);
    if (!out.flush()) {
      std::cerr << "eventcoder: cannot write " << a.output << "\n";
      return 2;
    }
  }
  if (!a.plot.empty()) {
    std::string what;
    if (!filter.country.empty()) what += filter.country;
    if (!filter.source.empty() || !filter.target.empty()) {
      if (!what.empty()) what += ", ";
      what += (filter.source.empty() ? "*" : filter.source) + " -> " +
              (filter.target.empty() ? "*" : filter.target);
    }
    if (!a.code_range.empty()) what += (what.empty() ? "CAMEO " : ", CAMEO ") + a.code_range;
    if (what.empty()) what = "all events";
    std::ofstream svg(a.plot, std::ios::binary);
    svg << PlotSvg(rows, what + ": events per " + PeriodName(*period));
    if (!svg.flush()) {
      std::cerr << "eventcoder: cannot write " << a.plot << "\n";
      return 2;
    }
  }
  return 0;
}

}  // namespace
}  // namespace eventcoder

int main(int argc, char** argv) {
  using namespace eventcoder;
  if (argc > 1 && std::string(argv[1]) == "dict") {
    return RunDictCommand(std::vector<std::string>(argv + 2, argv + argc),
                          EVENTCODER_SOURCE_DIR "/dictionaries", std::cout, std::cerr);
  }
  if (argc > 1 && std::string(argv[1]) == "explain") {
    return RunExplainCommand(std::vector<std::string>(argv + 2, argv + argc),
                             EVENTCODER_SOURCE_DIR "/dictionaries", std::cout, std::cerr);
  }
  Args a;
  std::string err;
  if (!ParseArgs(argc, argv, &a, &err)) return Usage(err);
  if (a.command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (a.command == "validate") return RunValidate(a);
  if (a.command == "query") return RunQuery(a);
  return RunCode(a);
}
