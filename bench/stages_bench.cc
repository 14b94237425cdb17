// Micro-benchmarks of the hot stages of the raw-text pipeline (Google Benchmark):
// split, tokenize, tag, shallow parse (string and direct tree), tree read, code one tree,
// JSONL format, and the whole StoryCoder (without the locate stage). Each runs over the sentences
// of a small generated corpus (the stories of examples/stories.txt, or the file named by
// $EVENTCODER_BENCH_CORPUS) so the figures are per-sentence costs on realistic text.
//
//   build-release/stages_bench [--benchmark_filter=Tag]
//
// Not a test: nothing here runs under ctest.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dict/dict_reader.h"
#include "eventcoder/story.h"
#include "locate/locator.h"
#include "match/coder.h"
#include "match/compiled_dictionary.h"
#include "parse/tree.h"
#include "pipeline/story_coder.h"
#include "read/story_reader.h"
#include "text/shallow_parser.h"
#include "text/splitter.h"
#include "text/tagger.h"
#include "text/tokenizer.h"
#include "write/jsonl_writer.h"

namespace eventcoder {
namespace {

struct Fixture {
  std::vector<Story> stories;
  std::vector<std::vector<Sentence>> split;  // per story
  std::vector<Sentence> tokenized;           // all sentences, tokenized
  std::vector<Sentence> tagged;
  std::vector<std::string> treebank;  // ShallowParse output per sentence
  std::vector<ParseTree> trees;
  std::vector<int> dates;  // per sentence
  std::shared_ptr<const CompiledDictionary> dict;
  std::unique_ptr<StoryCoder> story_coder;
  std::vector<std::pair<size_t, Event>> events;  // (story, event)
};

const Fixture& Get() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    const char* env = std::getenv("EVENTCODER_BENCH_CORPUS");
    std::string path = env && *env ? env : EVENTCODER_SOURCE_DIR "/examples/stories.txt";
    std::ifstream in(path, std::ios::binary);
    ReadOptions ro;
    ReadStats rs;
    (void)ReadStories(
        in, path, ro, [&](Story&& s) { fx->stories.push_back(std::move(s)); }, [](const Status&) {},
        &rs);
    const Tagger& tagger = Tagger::Default();
    for (const Story& s : fx->stories) {
      fx->split.push_back(SplitSentences(s.text));
      for (Sentence sen : fx->split.back()) {
        Tokenize(s.text, &sen);
        if (sen.tokens.empty()) continue;
        fx->tokenized.push_back(sen);
        tagger.Tag(&sen);
        fx->tagged.push_back(sen);
        fx->treebank.push_back(ShallowParse(sen));
        auto tree = ReadTreebank(fx->treebank.back());
        fx->trees.push_back(tree.ok() ? std::move(*tree) : ParseTree{});
        fx->dates.push_back(s.date);
      }
    }
    std::vector<std::string> warnings;
    auto d = dict::LoadDictionaryFiles(
        dict::DictionaryFilesInDir(EVENTCODER_SOURCE_DIR "/dictionaries"), &warnings);
    if (!d.ok()) std::abort();
    fx->dict = std::make_shared<const CompiledDictionary>(std::move(*d));
    PipelineOptions po;
    po.locate = false;
    fx->story_coder = std::make_unique<StoryCoder>(fx->dict, po);
    for (size_t i = 0; i < fx->stories.size(); ++i) {
      StoryResult r;
      (void)fx->story_coder->Code(fx->stories[i], &r);
      for (Event& e : r.events) fx->events.emplace_back(i, std::move(e));
    }
    return fx;
  }();
  return *f;
}

void BM_Split(benchmark::State& state) {
  const Fixture& f = Get();
  size_t n = 0;
  for (auto _ : state) {
    for (const Story& s : f.stories) {
      auto v = SplitSentences(s.text);
      n += v.size();
      benchmark::DoNotOptimize(v);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_Split);

void BM_Tokenize(benchmark::State& state) {
  const Fixture& f = Get();
  size_t n = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < f.stories.size(); ++i) {
      for (Sentence s : f.split[i]) {
        Tokenize(f.stories[i].text, &s);
        benchmark::DoNotOptimize(s);
        ++n;
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_Tokenize);

void BM_Tag(benchmark::State& state) {
  const Fixture& f = Get();
  const Tagger& tagger = Tagger::Default();
  size_t n = 0;
  for (auto _ : state) {
    for (Sentence s : f.tokenized) {
      tagger.Tag(&s);
      benchmark::DoNotOptimize(s);
      ++n;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_Tag);

void BM_ShallowParse(benchmark::State& state) {
  const Fixture& f = Get();
  size_t n = 0;
  for (auto _ : state) {
    for (const Sentence& s : f.tagged) {
      benchmark::DoNotOptimize(ShallowParse(s));
      ++n;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_ShallowParse);

// What the pipeline runs: the same parse built directly as a ParseTree (one tree reused).
void BM_ShallowParseTree(benchmark::State& state) {
  const Fixture& f = Get();
  ParseTree tree;
  size_t n = 0;
  for (auto _ : state) {
    for (const Sentence& s : f.tagged) {
      benchmark::DoNotOptimize(ShallowParseTree(s, &tree));
      ++n;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_ShallowParseTree);

// The string round trip the pipeline no longer makes (still used for supplied parses).
void BM_ReadTreebank(benchmark::State& state) {
  const Fixture& f = Get();
  size_t n = 0;
  for (auto _ : state) {
    for (const std::string& t : f.treebank) {
      benchmark::DoNotOptimize(ReadTreebank(t));
      ++n;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_ReadTreebank);

void BM_CodeTree(benchmark::State& state) {
  const Fixture& f = Get();
  const Coder& coder = f.story_coder->coder();
  size_t n = 0;
  for (auto _ : state) {
    StoryContext ctx;
    for (size_t i = 0; i < f.trees.size(); ++i) {
      benchmark::DoNotOptimize(coder.CodeTree(f.trees[i], f.dates[i], &ctx));
      ++n;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_CodeTree);

void BM_JsonlFormat(benchmark::State& state) {
  const Fixture& f = Get();
  WriterOptions wo;
  size_t n = 0;
  for (auto _ : state) {
    for (const auto& [si, e] : f.events) {
      benchmark::DoNotOptimize(JsonlWriter::FormatEvent(f.stories[si], e, wo));
      ++n;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_JsonlFormat);

void BM_StoryCoder(benchmark::State& state) {
  const Fixture& f = Get();
  size_t n = 0;
  for (auto _ : state) {
    for (const Story& s : f.stories) {
      StoryResult r;
      (void)f.story_coder->Code(s, &r);
      n += static_cast<size_t>(r.sentences);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_StoryCoder);

// ShallowParseTree as the pipeline sees it: there each sentence was just tagged, so its
// tokens are in cache. Here each block of 64 sentences is parsed 4 times and the first
// pass warms it, so the figure is the parser's own cost rather than that of cache misses
// over a corpus much larger than the caches (BM_ShallowParseTree above).
void BM_ShallowParseTreeWarm(benchmark::State& state) {
  const Fixture& f = Get();
  ParseTree tree;
  size_t n = 0;
  constexpr size_t kBlock = 64;
  for (auto _ : state) {
    for (size_t b = 0; b < f.tagged.size(); b += kBlock) {
      const size_t e = std::min(f.tagged.size(), b + kBlock);
      for (int pass = 0; pass < 4; ++pass) {
        for (size_t i = b; i < e; ++i) {
          benchmark::DoNotOptimize(ShallowParseTree(f.tagged[i], &tree));
          ++n;
        }
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_ShallowParseTreeWarm);

// Splitting and tokenizing as StoryCoder does them: sentence bounds into one reused vector,
// every sentence tokenized into one reused Sentence (so token strings keep their buffers).
void BM_SplitSpans(benchmark::State& state) {
  const Fixture& f = Get();
  std::vector<Span> bounds;
  size_t n = 0;
  for (auto _ : state) {
    for (const Story& s : f.stories) {
      SplitSentenceSpans(s.text, &bounds);
      n += bounds.size();
      benchmark::DoNotOptimize(bounds.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_SplitSpans);

void BM_TokenizeReused(benchmark::State& state) {
  const Fixture& f = Get();
  Sentence sen;
  size_t n = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < f.stories.size(); ++i) {
      for (const Sentence& s : f.split[i]) {
        sen.begin = s.begin;
        sen.end = s.end;
        Tokenize(f.stories[i].text, &sen);
        benchmark::DoNotOptimize(sen.tokens.data());
        ++n;
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_TokenizeReused);

// The locate stage (Locator::Locate with the default gazetteer) over every story that has
// events, with the splitter's sentence ranges; items are the stories' sentences.
void BM_Locate(benchmark::State& state) {
  const Fixture& f = Get();
  const Gazetteer* g = Gazetteer::Default();
  if (g == nullptr) {
    state.SkipWithError("no gazetteer");
    return;
  }
  Locator locator(g);
  std::vector<std::vector<Span>> spans(f.stories.size());
  std::vector<std::vector<Event>> events(f.stories.size());
  for (size_t i = 0; i < f.stories.size(); ++i)
    for (const Sentence& s : f.split[i]) spans[i].push_back({s.begin, s.end});
  for (const auto& [si, e] : f.events) events[si].push_back(e);
  size_t n = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < f.stories.size(); ++i) {
      locator.Locate(f.stories[i], spans[i], &events[i]);
      n += spans[i].size();
      benchmark::DoNotOptimize(events[i]);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_Locate);

// Tag alone: the sentences are copied once outside the timed loop and re-tagged in place
// (Tag reads only text/norm, so re-tagging gives the same tags), so the figure is the
// tagger's own cost without copying tokens. With `clear_tags`, each token's tag is first
// emptied, as Tokenize leaves it (inside the timed loop).
void TagInPlace(benchmark::State& state, bool clear_tags) {
  const Fixture& f = Get();
  const Tagger& tagger = Tagger::Default();
  std::vector<Sentence> sentences = f.tokenized;
  size_t n = 0;
  for (auto _ : state) {
    for (Sentence& s : sentences) {
      if (clear_tags)
        for (Token& t : s.tokens) t.tag.clear();
      tagger.Tag(&s);
      benchmark::DoNotOptimize(s);
      ++n;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
void BM_TagInPlace(benchmark::State& state) { TagInPlace(state, false); }
BENCHMARK(BM_TagInPlace);

// Tag as the pipeline calls it: on tokens whose tags Tokenize has just cleared (the clearing,
// a few instructions a token, is inside the timed loop), with the per-thread memo warm.
void BM_TagClearedTags(benchmark::State& state) { TagInPlace(state, true); }
BENCHMARK(BM_TagClearedTags);

}  // namespace
}  // namespace eventcoder

BENCHMARK_MAIN();
