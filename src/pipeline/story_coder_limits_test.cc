// The sentence-length limit: a raw-text sentence over max_sentence_tokens is coded on its
// first tokens with a warning naming the story and its line; a supplied parse over the
// limit is set aside for the raw text.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "dict/dict_reader.h"
#include "pipeline/story_coder.h"

namespace eventcoder {
namespace {

std::shared_ptr<const CompiledDictionary> SmallDictionary() {
  dict::Dictionary d;
  EXPECT_TRUE(dict::ReadActors("GONDOR [GON]\nMORDOR [MOR]\n", "actors.txt", &d).ok());
  EXPECT_TRUE(dict::ReadVerbs("--- CONDEMN [111] ---\nCONDEMN\n", "verbs.txt", &d).ok());
  return std::make_shared<const CompiledDictionary>(std::move(d));
}

Story MakeStory(const std::string& text) {
  Story s;
  s.id = "long-1";
  s.file = "in.txt";
  s.line = 7;
  s.date = 20260211;
  s.text = text;
  return s;
}

std::string Filler(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += " and the hills";
  return out;
}

TEST(StoryCoderLimitsTest, LongSentenceIsCodedOnItsFirstTokens) {
  PipelineOptions opts;
  opts.max_sentence_tokens = 50;
  StoryCoder coder(SmallDictionary(), opts);
  Story story = MakeStory("Gondor condemned Mordor" + Filler(100) + ".");
  StoryResult res;
  ASSERT_TRUE(coder.Code(story, &res).ok());
  ASSERT_EQ(res.events.size(), 1u);
  EXPECT_EQ(res.events[0].cameo, "111");
  ASSERT_EQ(res.warnings.size(), 1u);
  EXPECT_EQ(res.warnings[0].rfind("in.txt:7: story long-1: sentence 0", 0), 0u) << res.warnings[0];
  EXPECT_NE(res.warnings[0].find("coded on its first 50"), std::string::npos);
  // The event's sentence text ends where coding stopped.
  EXPECT_LT(res.events[0].text.size(), story.text.size());
}

TEST(StoryCoderLimitsTest, EventAfterTheLimitIsNotCoded) {
  PipelineOptions opts;
  opts.max_sentence_tokens = 50;
  StoryCoder coder(SmallDictionary(), opts);
  StoryResult res;
  ASSERT_TRUE(
      coder.Code(MakeStory("The hills" + Filler(30) + " saw Gondor condemn Mordor."), &res).ok());
  EXPECT_TRUE(res.events.empty());
  EXPECT_EQ(res.warnings.size(), 1u);
}

TEST(StoryCoderLimitsTest, ShortSentencesHaveNoWarning) {
  StoryCoder coder(SmallDictionary(), PipelineOptions{});
  StoryResult res;
  ASSERT_TRUE(coder.Code(MakeStory("Gondor condemned Mordor."), &res).ok());
  EXPECT_EQ(res.events.size(), 1u);
  EXPECT_TRUE(res.warnings.empty());
}

TEST(StoryCoderLimitsTest, OverLongSuppliedParseFallsBackToTheText) {
  PipelineOptions opts;
  opts.max_sentence_tokens = 5;
  StoryCoder coder(SmallDictionary(), opts);
  Story story = MakeStory("Gondor condemned Mordor.");
  story.parse =
      "(ROOT (S (NP (NNP Gondor)) (VP (VBD condemned) (NP (NNP Mordor) (CC and) (NNS hills)"
      " (CC and) (NNS dales))) (. .)))";
  StoryResult res;
  ASSERT_TRUE(coder.Code(story, &res).ok());
  EXPECT_EQ(res.events.size(), 1u);
  ASSERT_EQ(res.warnings.size(), 1u);
  EXPECT_NE(res.warnings[0].find("<Parse> has 8 words"), std::string::npos) << res.warnings[0];
}

TEST(StoryCoderLimitsTest, TooDeepSuppliedParseIsAnError) {
  StoryCoder coder(SmallDictionary(), PipelineOptions{});
  Story story = MakeStory("Gondor condemned Mordor.");
  story.parse = std::string(400, '(') + "NN x" + std::string(400, ')');
  StoryResult res;
  Status st = coder.Code(story, &res);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("in.txt:7: story long-1"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("deeper than"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace eventcoder
