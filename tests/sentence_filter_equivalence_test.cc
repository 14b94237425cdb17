// Skipping sentences that cannot name an actor (src/match/sentence_filter.h) must change
// nothing a user sees. With the default dictionaries, every story of the bundled examples
// and a set of stories written to stress the context (pronouns, "the minister", "his
// counterpart", discards, sentences that name no one in between) gives exactly the same
// JSON lines from Code() as from Explain(), which analyses and codes every sentence.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "match/sentence_filter.h"
#include "pipeline/story_coder.h"
#include "read/story_reader.h"
#include "tests/default_dictionaries_testing.h"
#include "text/splitter.h"
#include "text/tokenizer.h"
#include "write/jsonl_writer.h"

namespace eventcoder {
namespace {

std::vector<Story> ReadExamples(const std::string& name) {
  std::vector<Story> out;
  std::ifstream in(std::string(EVENTCODER_SOURCE_DIR) + "/examples/" + name);
  EXPECT_TRUE(in.good()) << name;
  EXPECT_TRUE(
      ReadStories(
          in, name, ReadOptions{}, [&](Story&& s) { out.push_back(std::move(s)); }, {}, nullptr)
          .ok());
  return out;
}

Story MakeStory(const std::string& id, const std::string& text) {
  Story s;
  s.id = id;
  s.file = "written.txt";
  s.line = 1;
  s.date = 20260211;
  s.text = text;
  return s;
}

std::vector<std::string> Lines(const Story& story, const StoryResult& r) {
  std::vector<std::string> out;
  for (const Event& e : r.events) out.push_back(JsonlWriter::FormatEvent(story, e, {}));
  return out;
}

// How many of the story's sentences the filter lets the coder skip.
int Skippable(const SentenceFilter& filter, const Story& story) {
  std::vector<Span> bounds;
  SplitSentenceSpans(story.text, &bounds);
  int n = 0;
  for (const Span& b : bounds) {
    Sentence s;
    s.begin = b.begin;
    s.end = b.end;
    Tokenize(story.text, &s);
    if (!s.tokens.empty() && !filter.MayCode(s)) ++n;
  }
  return n;
}

class SentenceFilterEquivalence : public ::testing::Test {
 protected:
  void SetUp() override {
    dict_ = testing::LoadDefaultDictionaries().dict;
    ASSERT_NE(dict_, nullptr);
  }
  // Codes `story` both ways and compares; returns the number of skippable sentences.
  int ExpectSame(const Story& story) {
    StoryCoder coder(dict_, PipelineOptions{});
    StoryResult fast, full;
    std::vector<SentenceExplanation> explained;
    EXPECT_TRUE(coder.Code(story, &fast).ok());
    EXPECT_TRUE(coder.Explain(story, &full, &explained).ok());
    EXPECT_EQ(fast.sentences, full.sentences) << story.id;
    EXPECT_EQ(fast.discarded, full.discarded) << story.id;
    EXPECT_EQ(Lines(story, fast), Lines(story, full)) << story.id;
    SentenceFilter filter(*dict_, CoderOptions{});
    return Skippable(filter, story);
  }
  std::shared_ptr<const CompiledDictionary> dict_;
};

TEST_F(SentenceFilterEquivalence, BundledExamples) {
  int skippable = 0, events = 0;
  for (const char* name : {"stories.txt", "stories.jsonl"})
    for (const Story& story : ReadExamples(name)) {
      skippable += ExpectSame(story);
      StoryResult r;
      ASSERT_TRUE(StoryCoder(dict_, PipelineOptions{}).Code(story, &r).ok());
      events += static_cast<int>(r.events.size());
    }
  EXPECT_GT(events, 0);
  EXPECT_GT(skippable, 0);  // the skipping path is exercised
}

TEST_F(SentenceFilterEquivalence, ContextAcrossSentencesThatNameNoOne) {
  const std::vector<std::string> texts = {
      "Iran's foreign minister met the Qatari emir in Doha on Wednesday. The weather was "
      "hot and the talks ran late. He later criticised Israel.",
      "Russian President Vladimir Putin arrived in Ankara. It was raining. Markets were "
      "calm. The president then met Turkish officials.",
      "The Egyptian foreign minister called his Jordanian counterpart. Nothing else was "
      "said. They agreed to meet again.",
      "Talks resumed on Monday. Prices rose sharply. Nobody was hurt. Crowds gathered in the "
      "square.",
      "China condemned Japan. The premier league match ended in a draw. Japan criticised "
      "China.",
      "Germany's chancellor visited Poland. Later that day, after a long lunch, she praised "
      "her host.",
  };
  int skippable = 0;
  for (size_t i = 0; i < texts.size(); ++i)
    skippable += ExpectSame(MakeStory("w" + std::to_string(i), texts[i]));
  EXPECT_GT(skippable, 0);
}

}  // namespace
}  // namespace eventcoder
