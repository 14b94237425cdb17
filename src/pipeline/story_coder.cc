#include "pipeline/story_coder.h"

#include <cctype>

#include "parse/tree.h"
#include "text/shallow_parser.h"
#include "text/splitter.h"
#include "text/tagger.h"
#include "text/tokenizer.h"

namespace eventcoder {

namespace {

// Gives tree words byte offsets by finding them, in order, in the story text. Words the
// text does not contain verbatim (Treebank escapes such as `` or -LRB-) keep 0,0.
void AlignWords(const std::string& text, ParseTree* tree) {
  size_t pos = 0;
  for (auto& w : tree->words) {
    if (w.text.empty()) continue;
    size_t at = text.find(w.text, pos);
    if (at == std::string::npos || at > pos + 200) continue;
    w.begin = at;
    w.end = at + w.text.size();
    pos = w.end;
  }
}

// Spans of `words` in the story and their text as written. Words next to each other in
// the sentence (or separated only by a possessive 's the phrase leaves out) share a span,
// so "Egypt’s foreign ministry" stays one span with its text verbatim.
void AppendSpans(const std::string& story, const ParseTree& tree, const std::vector<int>& words,
                 std::vector<Span>* spans, std::string* text) {
  int prev = -2;
  for (int w : words) {
    const TreeWord& tw = tree.words[w];
    bool joins = prev >= 0 && !spans->empty() &&
                 (w == prev + 1 || (w == prev + 2 && tree.words[prev + 1].tag == "POS"));
    prev = w;
    if (tw.end <= tw.begin) continue;
    if (joins && tw.begin >= spans->back().end)
      spans->back().end = tw.end;
    else
      spans->push_back({tw.begin, tw.end});
  }
  for (const Span& sp : *spans) {
    if (!text->empty()) text->push_back(' ');
    text->append(story, sp.begin, sp.end - sp.begin);
  }
}

// ASCII letters only, as std::islower/std::isupper in the "C" locale (never changed here),
// without a library call per byte.
// The longest sentence SentenceFilter may skip: its tree could not exceed kMaxTreeNodes.
constexpr size_t kMaxSkippedTokens = kMaxTreeNodes / 16;

bool IsAllCapsWord(const std::string& w) {
  bool letter = false;
  for (unsigned char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letter |= c >= 'A' && c <= 'Z';
  }
  return letter;
}

bool IsMonth(const std::string& norm) {
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  for (const char* m : kMonths)
    if (norm.rfind(m, 0) == 0) return true;
  return false;
}

// Removes a wire dateline such as "DOHA, Feb 11 (Reuters) -" from the front of a
// sentence: it names where the story was filed, not an actor of the first event.
void StripDateline(Sentence* s) {
  const auto& t = s->tokens;
  size_t i = 0;
  while (i < t.size() && i < 4 && IsAllCapsWord(t[i].text)) ++i;
  if (i == 0 || i >= t.size() || t[i].text != ",") return;
  size_t j = i + 1;
  if (j < t.size() && IsMonth(t[j].norm)) {
    ++j;
    if (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j].text[0]))) ++j;
  }
  if (j < t.size() && (t[j].text == "(" || t[j].norm == "-LRB-")) {
    size_t k = j + 1;
    while (k < t.size() && k < j + 5 && t[k].text != ")" && t[k].norm != "-RRB-") ++k;
    if (k < t.size() && k < j + 5) j = k + 1;
  }
  if (j < t.size() && (t[j].text == "-" || t[j].text == "--" || t[j].text == "\xE2\x80\x94" ||
                       t[j].text == "\xE2\x80\x93")) {
    s->tokens.erase(s->tokens.begin(), s->tokens.begin() + static_cast<long>(j + 1));
    if (!s->tokens.empty()) s->begin = s->tokens.front().begin;
  }
}

}  // namespace

StoryCoder::StoryCoder(std::shared_ptr<const CompiledDictionary> dict, PipelineOptions options)
    : options_(options),
      coder_(std::move(dict), options.coder),
      filter_(coder_.dictionary(), coder_.options()),
      locator_(!options.locate                ? nullptr
               : options.gazetteer != nullptr ? options.gazetteer
                                              : Gazetteer::Default()) {}

Status StoryCoder::Code(const Story& story, StoryResult* result, bool keep_trees) const {
  return CodeImpl(story, result, keep_trees, nullptr);
}

Status StoryCoder::Explain(const Story& story, StoryResult* result,
                           std::vector<SentenceExplanation>* sentences) const {
  sentences->clear();
  return CodeImpl(story, result, false, sentences);
}

Status StoryCoder::CodeImpl(const Story& story, StoryResult* result, bool keep_trees,
                            std::vector<SentenceExplanation>* explain) const {
  result->events.clear();
  result->trees.clear();
  result->sentences = 0;
  result->discarded = false;
  result->warnings.clear();
  const size_t max_tokens = options_.max_sentence_tokens;
  const Location where{story.file, story.line, story.id};

  StoryContext context;
  std::vector<Span> sentence_spans;  // byte range of each sentence, for the locator
  // Codes one sentence; false when a story-level discard ends the story.
  auto code_sentence = [&](const ParseTree& tree, size_t begin, size_t end) {
    int si = result->sentences++;
    sentence_spans.push_back({begin, end});
    context.sentence = si;
    if (keep_trees) result->trees.push_back(ToBracketed(tree));
    SentenceExplanation* ex = nullptr;
    if (explain) {
      ex = &explain->emplace_back();
      ex->index = si;
      ex->text = story.text.substr(begin, end - begin);
      for (const auto& w : tree.words) ex->tagged.emplace_back(w.text, w.tag);
      ex->tree = ToBracketed(tree);
    }
    bool story_level = false;
    if (coder_.IsDiscarded(tree, &story_level)) {
      if (ex)
        ex->discard = story_level ? "a story discard phrase: the whole story is not coded"
                                  : "a sentence discard phrase: this sentence is not coded";
      if (!story_level) return true;
      result->discarded = true;
      result->events.clear();
      return false;
    }
    for (CodedEvent& ce : coder_.CodeTree(tree, story.date, &context, ex ? &ex->trace : nullptr)) {
      Event& e = result->events.emplace_back();  // built in place: no Event move
      e.story_id = story.id;
      e.sentence = si;
      e.date = story.date;
      e.source_code = std::move(ce.source);
      e.target_code = std::move(ce.target);
      e.cameo = std::move(ce.code);
      AppendSpans(story.text, tree, ce.source_words, &e.source_spans, &e.source_text);
      AppendSpans(story.text, tree, ce.target_words, &e.target_spans, &e.target_text);
      AppendSpans(story.text, tree, ce.verb_words, &e.verb_spans, &e.verb_text);
      e.text.assign(story.text, begin, end - begin);
      e.why = std::move(ce.why);
      e.id = StableEventId(e);
    }
    return true;
  };

  // A sentence SentenceFilter proves cannot give an event or a referent: counted and
  // discard-checked like the others, but not tagged, parsed or coded. False when a
  // story-level discard ends the story.
  auto skip_sentence = [&](const Sentence& sent) {
    ++result->sentences;
    sentence_spans.push_back({sent.begin, sent.end});
    bool story_level = false;
    if (!coder_.IsDiscarded(sent, &story_level) || !story_level) return true;
    result->discarded = true;
    result->events.clear();
    return false;
  };
  // Trees and explanations show every sentence: nothing is skipped for them.
  const bool may_skip = filter_.active() && !keep_trees && explain == nullptr;

  if (options_.use_supplied_parse && !story.parse.empty()) {
    auto tree = ReadTreebank(story.parse);
    if (!tree.ok()) {
      return Status::InvalidArgument(FormatError({story.file, story.line, story.id},
                                                 "unreadable <Parse>: " + tree.status().message()));
    }
    if (max_tokens == 0 || tree->words.size() <= max_tokens) {
      AlignWords(story.text, &*tree);
      code_sentence(*tree, 0, story.text.size());
      if (options_.locate) locator_.Locate(story, sentence_spans, &result->events);
      return Status::Ok();
    }
    result->warnings.push_back(FormatError(
        where, "<Parse> has " + std::to_string(tree->words.size()) + " words, over the " +
                   std::to_string(max_tokens) +
                   "-token sentence limit (--max-sentence-tokens); coding the raw text instead"));
  }

  const Tagger& tagger = Tagger::Default();
  // One tree per thread, overwritten sentence after sentence so that its buffers are
  // reused (it is only read while its sentence is coded).
  static thread_local ParseTree tree;
  // Likewise the sentence bounds and the one Sentence every sentence is tokenized into:
  // Tokenize overwrites its tokens in place, so their strings keep their buffers.
  static thread_local std::vector<Span> bounds;
  static thread_local Sentence s;
  SplitSentenceSpans(story.text, &bounds);
  for (const Span& bound : bounds) {
    s.begin = bound.begin;
    s.end = bound.end;
    Tokenize(story.text, &s);
    StripDateline(&s);
    if (s.tokens.empty()) continue;
    if (max_tokens > 0 && s.tokens.size() > max_tokens) {
      result->warnings.push_back(
          FormatError(where, "sentence " + std::to_string(result->sentences) + " (byte " +
                                 std::to_string(s.begin) + ") has " +
                                 std::to_string(s.tokens.size()) + " tokens; coded on its first " +
                                 std::to_string(max_tokens) + " (--max-sentence-tokens)"));
      s.tokens.resize(max_tokens);
      s.end = s.tokens.back().end;
    }
    // A coded sentence is skipped when its tree would be over kMaxTreeNodes; a sentence of
    // up to kMaxSkippedTokens tokens never is (the parser makes a few nodes a token), so
    // skipping one changes no sentence's index.
    if (may_skip && s.tokens.size() <= kMaxSkippedTokens && !filter_.MayCode(s)) {
      if (!skip_sentence(s)) break;
      continue;
    }
    tagger.Tag(&s);
    // The parser builds the tree directly, words carrying their tokens' offsets (the same
    // tree ReadTreebank would read from ShallowParse's string). It fails only on a tree
    // over kMaxTreeNodes, which is skipped as ReadTreebank's refusal was; never fatal.
    if (!ShallowParseTree(s, &tree)) continue;
    if (!code_sentence(tree, s.begin, s.end)) break;
  }
  if (options_.locate) locator_.Locate(story, sentence_spans, &result->events);
  return Status::Ok();
}

}  // namespace eventcoder
