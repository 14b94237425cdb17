// StoryCoder: the whole per-story pipeline, from a Story to its Events:
// split and tag (or read the supplied Treebank parse) -> shallow parse -> Coder -> Events
// with byte spans into Story::text.
//
// Thread safety: immutable after construction; Code() may be called from many threads.
#ifndef EVENTCODER_PIPELINE_STORY_CODER_H_
#define EVENTCODER_PIPELINE_STORY_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "eventcoder/event.h"
#include "eventcoder/story.h"
#include "locate/locator.h"
#include "match/coder.h"
#include "match/sentence_filter.h"

namespace eventcoder {

struct PipelineOptions {
  CoderOptions coder;
  // Use Story::parse when present (PETRARCH XML). false = always analyse the raw text.
  bool use_supplied_parse = true;
  // Locate each event and date it from its sentence or dateline (src/locate/locator.h):
  // fills Event::location, date and date_precision. Default: true.
  bool locate = true;
  // The gazetteer for `locate`; nullptr = Gazetteer::Default() (loaded on first use).
  const Gazetteer* gazetteer = nullptr;
  // Longest sentence coded, in tokens (0 = no limit). A longer raw-text sentence is coded
  // on its first max_sentence_tokens tokens, with a warning; a supplied parse with more
  // words is not used and the story's raw text is coded instead, with a warning. Real news
  // sentences stay under ~150 tokens; longer "sentences" are lists, tables or text whose
  // punctuation was lost, and the parser's and matcher's work grows with the length.
  size_t max_sentence_tokens = 300;
};

struct StoryResult {
  std::vector<Event> events;
  int sentences = 0;
  bool discarded = false;          // a story-level discard phrase was found
  std::vector<std::string> trees;  // the tree used for each sentence (when requested)
  // Limits applied to this story ("file:line: story ID: sentence 3 has 912 tokens; ..."),
  // for the caller to report. The story was still coded.
  std::vector<std::string> warnings;
};

// One sentence as `eventcoder explain` shows it.
struct SentenceExplanation {
  int index = 0;                                            // within the story
  std::string text;                                         // the sentence as written
  std::vector<std::pair<std::string, std::string>> tagged;  // (word, Treebank tag)
  std::string tree;                                         // the parse the coder used
  std::string discard;  // the discard phrase that removed the sentence, or ""
  CodingTrace trace;
};

class StoryCoder {
 public:
  StoryCoder(std::shared_ptr<const CompiledDictionary> dict, PipelineOptions options);

  // Codes every sentence of `story`. Fails (InvalidArgument, naming the story) only when a
  // supplied parse cannot be read; raw text always codes.
  Status Code(const Story& story, StoryResult* result, bool keep_trees = false) const;
  // As Code(), and also records every sentence's analysis and coding steps.
  Status Explain(const Story& story, StoryResult* result,
                 std::vector<SentenceExplanation>* sentences) const;

  const Coder& coder() const { return coder_; }

 private:
  Status CodeImpl(const Story& story, StoryResult* result, bool keep_trees,
                  std::vector<SentenceExplanation>* explain) const;

  PipelineOptions options_;
  Coder coder_;
  SentenceFilter filter_;  // over coder_'s dictionary and options
  Locator locator_;
};

}  // namespace eventcoder

#endif  // EVENTCODER_PIPELINE_STORY_CODER_H_
