// Worst-case coding time per sentence on hostile input: very long sentences, thousands
// of commas, deep coordination and clause nesting, a deeply nested supplied parse, and a
// dictionary whose many overlapping patterns almost match every verb phrase.
//
// Each benchmark codes one story of one sentence with StoryCoder (the whole pipeline:
// split, tokenize, tag, parse, match) and reports the time per sentence. Run:
//   cmake --build build --target pathological_bench && build/pathological_bench
// The default limits apply (--max-sentence-tokens 300); the *_NoLimit variants show what
// the same input costs without the sentence limit.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dict/dict_reader.h"
#include "pipeline/story_coder.h"
#include "text/tagger.h"

namespace eventcoder {
namespace {

const char* kActors = R"(
GONDOR [GON]
ROHAN [ROH]
MORDOR [MOR]
HARAD [HAR]
THE_SHIRE [SHR]
)";
const char* kAgents = "KING [~GOV]\nSOLDIER [~MIL]\nMINISTER [~GOV]\n";

// A plain dictionary: a few verbs, a few patterns.
std::string PlainVerbs() {
  return "--- MEET [040] ---\nMEET {MET}\n- * + IN GONDOR [044]\n\n"
         "--- SAY [010] ---\nSAY {SAID}\n\n--- ATTACK [190] ---\nATTACK\n\n"
         "--- CONDEMN [111] ---\nCONDEMN\n";
}

// Many overlapping patterns on every verb: runs of "^" and "$"/"+" (any noun phrase) that
// end in a word that never occurs, so every pattern is tried to exhaustion; plus synset
// patterns whose members share first words.
std::string OverlappingVerbs(int patterns_per_verb) {
  std::string v = "&SYN\n";
  for (int i = 0; i < 200; ++i) v += "+GONDOR_AND_W" + std::to_string(i) + "\n";
  const std::pair<const char*, const char*> kVerbs[] = {{"MEET", "MEET {MET}"},
                                                        {"SAY", "SAY {SAID}"},
                                                        {"ATTACK", "ATTACK"},
                                                        {"CONDEMN", "CONDEMN"},
                                                        {"PRAISE", "PRAISE"}};
  for (const auto& [name, line] : kVerbs) {
    v += std::string("\n--- ") + name + " [040] ---\n" + line + "\n";
    for (int i = 0; i < patterns_per_verb; ++i) {
      int len = 4 + i % 27;  // 4..30 tokens, under the 32-token limit
      std::string p = "- ";
      for (int k = 0; k < len / 2; ++k) p += (k % 3 == 0 ? "$ " : "^ ");
      p += "* ";
      for (int k = 0; k < len - len / 2 - 1; ++k) p += (k % 4 == 0 ? "&SYN " : "^ ");
      p += "NEVERWORD" + std::to_string(i) + " [0" + std::to_string(40 + i % 10) + "]\n";
      v += p;
    }
  }
  return v;
}

std::shared_ptr<const CompiledDictionary> Dict(const std::string& verbs) {
  dict::Dictionary d;
  std::vector<std::string> warnings;
  if (!dict::ReadActors(kActors, "actors.txt", &d, &warnings).ok() ||
      !dict::ReadAgents(kAgents, "agents.txt", &d, &warnings).ok() ||
      !dict::ReadVerbs(verbs, "verbs.txt", &d, &warnings).ok() || !warnings.empty()) {
    for (auto& w : warnings) fprintf(stderr, "%s\n", w.c_str());
    abort();
  }
  return std::make_shared<const CompiledDictionary>(std::move(d));
}

const std::shared_ptr<const CompiledDictionary>& PlainDict() {
  static const auto d = Dict(PlainVerbs());
  return d;
}
const std::shared_ptr<const CompiledDictionary>& OverlapDict() {
  static const auto d = Dict(OverlappingVerbs(400));
  return d;
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// One sentence of ordinary news words, `n` clauses long, without a final period.
std::string LongSentence(int n) {
  const char* clauses[] = {
      "the king of Gondor met the soldiers of Rohan in the hills ",
      "while Mordor's minister said that Harad attacked the Shire ",
      "and the Shire condemned Gondor for the raids on the river ",
  };
  std::string s;
  for (int i = 0; i < n; ++i) s += clauses[i % 3];
  return s + ".";
}

void Run(benchmark::State& state, const std::shared_ptr<const CompiledDictionary>& dict,
         const std::string& text, const std::string& parse, size_t max_tokens) {
  Tagger::Default();  // load WordNet outside the timed loop
  PipelineOptions opts;
  opts.max_sentence_tokens = max_tokens;
  StoryCoder coder(dict, opts);
  Story story;
  story.id = "bench";
  story.date = 20260211;
  story.text = text;
  story.parse = parse;
  size_t sentences = 0, events = 0;
  for (auto _ : state) {
    StoryResult res;
    Status st = coder.Code(story, &res);
    benchmark::DoNotOptimize(st);
    sentences += static_cast<size_t>(res.sentences);
    events += res.events.size();
  }
  state.counters["sentences"] = static_cast<double>(sentences) / state.iterations();
  state.counters["events"] = static_cast<double>(events) / state.iterations();
  state.counters["bytes"] = static_cast<double>(text.size() + parse.size());
  state.SetItemsProcessed(static_cast<int64_t>(sentences));
}

constexpr size_t kLimit = 300;

void BM_OrdinarySentence(benchmark::State& state) {
  Run(state, PlainDict(), "The king of Gondor met the soldiers of Rohan in the hills.", "", kLimit);
}
void BM_LongSentence(benchmark::State& state) {
  Run(state, PlainDict(), LongSentence(static_cast<int>(state.range(0))), "", kLimit);
}
void BM_LongSentence_NoLimit(benchmark::State& state) {
  Run(state, PlainDict(), LongSentence(static_cast<int>(state.range(0))), "", 0);
}
void BM_Commas(benchmark::State& state) {
  Run(state, PlainDict(),
      "Gondor met" + Repeat(" Rohan,", static_cast<int>(state.range(0))) + " and Mordor.", "",
      kLimit);
}
void BM_Commas_NoLimit(benchmark::State& state) {
  Run(state, PlainDict(),
      "Gondor met" + Repeat(" Rohan,", static_cast<int>(state.range(0))) + " and Mordor.", "", 0);
}
void BM_DeepCoordination(benchmark::State& state) {
  // "Gondor and Rohan and ... met Mordor and Harad and ...": every member pairs up.
  int n = static_cast<int>(state.range(0));
  Run(state, PlainDict(),
      "Gondor" + Repeat(" and Rohan and Harad", n) + " met Mordor" + Repeat(" and the Shire", n) +
          ".",
      "", kLimit);
}
void BM_NestedClauses(benchmark::State& state) {
  // "Gondor said that Rohan said that ... Mordor attacked Harad."
  Run(state, PlainDict(),
      Repeat("Gondor said that Rohan said that ", static_cast<int>(state.range(0))) +
          "Mordor attacked Harad.",
      "", kLimit);
}
void BM_DeepSuppliedParse(benchmark::State& state) {
  // A supplied parse nested to just under kMaxTreeDepth: (S (VP (VBD met) (S (VP ...)))).
  int depth = static_cast<int>(state.range(0));
  std::string parse = "(ROOT (S (NP (NNP Gondor))";
  std::string text = "Gondor";
  for (int i = 0; i < depth; ++i) {
    parse += " (VP (VBD met) (NP (NNP Rohan)) (S (NP (NNP Mordor))";
    text += " met Rohan Mordor";
  }
  parse += " (VP (VBD attacked) (NP (NNP Harad)))";
  for (int i = 0; i < depth; ++i) parse += "))";
  parse += "))";
  Run(state, PlainDict(), text + " attacked Harad.", parse, kLimit);
}
void BM_OverlappingPatterns(benchmark::State& state) {
  // Many verbs and noun phrases in one long sentence against 5 x 400 near-miss patterns.
  Run(state, OverlapDict(), LongSentence(static_cast<int>(state.range(0))), "", kLimit);
}
void BM_OverlappingPatterns_Synsets(benchmark::State& state) {
  Run(state, OverlapDict(),
      Repeat("Gondor met Gondor and W1 and Gondor and W2 , ", static_cast<int>(state.range(0))) +
          ".",
      "", kLimit);
}

BENCHMARK(BM_OrdinarySentence)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LongSentence)->Arg(10)->Arg(30)->Arg(300)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LongSentence_NoLimit)->Arg(30)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Commas)->Arg(100)->Arg(5000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Commas_NoLimit)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeepCoordination)->Arg(10)->Arg(50)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NestedClauses)->Arg(10)->Arg(40)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeepSuppliedParse)->Arg(10)->Arg(80)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverlappingPatterns)->Arg(3)->Arg(30)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverlappingPatterns_Synsets)->Arg(5)->Arg(30)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace eventcoder

BENCHMARK_MAIN();
