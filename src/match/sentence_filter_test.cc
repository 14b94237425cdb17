// SentenceFilter: sentences that cannot name an actor are told apart from those that may,
// and skipping them changes nothing a user sees: the same events, sentence numbers,
// pronoun resolution across the skipped sentence, and story-level discards.
#include "match/sentence_filter.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "dict/dict_reader.h"
#include "pipeline/story_coder.h"
#include "text/tokenizer.h"

namespace eventcoder {
namespace {

std::shared_ptr<const CompiledDictionary> SmallDictionary() {
  dict::Dictionary d;
  EXPECT_TRUE(
      dict::ReadActors("GONDOR [GON]\nMORDOR [MOR]\nWHITE_COUNCIL [WCO]\n", "actors.txt", &d).ok());
  EXPECT_TRUE(dict::ReadAgents("STEWARD [~GOV]\n", "agents.txt", &d).ok());
  EXPECT_TRUE(dict::ReadVerbs("--- CONDEMN [111] ---\nCONDEMN\n", "verbs.txt", &d).ok());
  EXPECT_TRUE(dict::ReadDiscards("+HARVEST_FESTIVAL\nBREAKING_NEWS\n", "discards.txt", &d).ok());
  return std::make_shared<const CompiledDictionary>(std::move(d));
}

Sentence Tokens(const std::string& text) {
  Sentence s;
  s.begin = 0;
  s.end = text.size();
  Tokenize(text, &s);
  return s;
}

class SentenceFilterTest : public ::testing::Test {
 protected:
  std::shared_ptr<const CompiledDictionary> dict_ = SmallDictionary();
  SentenceFilter filter_{*dict_, CoderOptions{}};
};

TEST_F(SentenceFilterTest, SentenceWithoutActorWordsCannotCode) {
  EXPECT_TRUE(filter_.active());
  EXPECT_FALSE(filter_.MayCode(Tokens("The weather was fine on the hills.")));
  EXPECT_FALSE(filter_.MayCode(Tokens("Prices condemned buyers to wait.")));  // a verb alone
}

TEST_F(SentenceFilterTest, ActorOrAgentWordMayCode) {
  EXPECT_TRUE(filter_.MayCode(Tokens("Gondor condemned the raid.")));
  EXPECT_TRUE(filter_.MayCode(Tokens("The raid was condemned by Mordor.")));
  EXPECT_TRUE(filter_.MayCode(Tokens("The steward condemned the raid.")));
}

TEST_F(SentenceFilterTest, MultiWordPhraseNeedsAllItsWords) {
  EXPECT_FALSE(filter_.MayCode(Tokens("The white horse crossed the river.")));
  EXPECT_TRUE(filter_.MayCode(Tokens("The White Council met.")));
  // Order is not checked: the filter may let a sentence through that codes nothing.
  EXPECT_TRUE(filter_.MayCode(Tokens("The council wore white.")));
}

TEST_F(SentenceFilterTest, PronounsMayCodeFromTheStoryContext) {
  EXPECT_TRUE(filter_.MayCode(Tokens("He condemned the raid.")));
  EXPECT_TRUE(filter_.MayCode(Tokens("They said so.")));
}

TEST_F(SentenceFilterTest, InactiveWhenUncodedPhrasesMakeEvents) {
  CoderOptions no_dyad;
  no_dyad.require_dyad = false;
  SentenceFilter a(*dict_, no_dyad);
  EXPECT_FALSE(a.active());
  EXPECT_TRUE(a.MayCode(Tokens("The weather was fine.")));
  CoderOptions quoted;
  quoted.new_actor_length = 4;
  SentenceFilter b(*dict_, quoted);
  EXPECT_FALSE(b.active());
  EXPECT_TRUE(b.MayCode(Tokens("The weather was fine.")));
}

Story MakeStory(const std::string& text) {
  Story s;
  s.id = "s1";
  s.file = "in.txt";
  s.line = 1;
  s.date = 20260211;
  s.text = text;
  return s;
}

// Explain codes every sentence (it shows them all): the reference for what skipping must
// not change.
void ExpectSameAsUnskipped(const StoryCoder& coder, const std::string& text) {
  Story story = MakeStory(text);
  StoryResult fast, full;
  std::vector<SentenceExplanation> sentences;
  ASSERT_TRUE(coder.Code(story, &fast).ok());
  ASSERT_TRUE(coder.Explain(story, &full, &sentences).ok());
  EXPECT_EQ(fast.sentences, full.sentences) << text;
  EXPECT_EQ(fast.discarded, full.discarded) << text;
  ASSERT_EQ(fast.events.size(), full.events.size()) << text;
  for (size_t i = 0; i < fast.events.size(); ++i) {
    EXPECT_EQ(fast.events[i].id, full.events[i].id) << text;
    EXPECT_EQ(fast.events[i].sentence, full.events[i].sentence) << text;
    EXPECT_EQ(fast.events[i].source_code, full.events[i].source_code) << text;
    EXPECT_EQ(fast.events[i].target_code, full.events[i].target_code) << text;
    EXPECT_EQ(fast.events[i].location.has_value(), full.events[i].location.has_value()) << text;
    if (fast.events[i].location && full.events[i].location) {
      EXPECT_EQ(fast.events[i].location->name, full.events[i].location->name) << text;
    }
    EXPECT_EQ(fast.events[i].why.size(), full.events[i].why.size()) << text;
  }
}

TEST(StoryCoderSkipTest, SkippedSentenceKeepsNumbersAndContext) {
  StoryCoder coder(SmallDictionary(), PipelineOptions{});
  const std::string text =
      "Gondor condemned Mordor in Paris. The weather was fine on the hills. "
      "He condemned Gondor again.";
  StoryResult res;
  ASSERT_TRUE(coder.Code(MakeStory(text), &res).ok());
  EXPECT_EQ(res.sentences, 3);
  ASSERT_EQ(res.events.size(), 2u);
  EXPECT_EQ(res.events[1].sentence, 2);
  // "he": the latest actor named (Mordor), across the skipped sentence.
  EXPECT_EQ(res.events[1].source_code, "MOR");
  EXPECT_EQ(res.events[1].target_code, "GON");
  ExpectSameAsUnskipped(coder, text);
}

TEST(StoryCoderSkipTest, PronounOnlySentenceStillUpdatesTheContext) {
  StoryCoder coder(SmallDictionary(), PipelineOptions{});
  // "He" (a person: Gondor's steward) is remembered again as the latest actor, so "they"
  // in the third sentence is the steward, not Mordor (which would be a self-reference).
  const std::string text =
      "Gondor's steward condemned Mordor. He spoke for an hour. They condemned Mordor.";
  StoryResult res;
  ASSERT_TRUE(coder.Code(MakeStory(text), &res).ok());
  ASSERT_EQ(res.events.size(), 2u);
  EXPECT_EQ(res.events[1].sentence, 2);
  EXPECT_EQ(res.events[1].source_code, "GONGOV");
  ExpectSameAsUnskipped(coder, text);
}

TEST(StoryCoderSkipTest, StoryDiscardInSkippedSentenceStillDiscards) {
  StoryCoder coder(SmallDictionary(), PipelineOptions{});
  const std::string text =
      "Gondor condemned Mordor. The harvest festival opened on the hills. "
      "Mordor condemned Gondor.";
  StoryResult res;
  ASSERT_TRUE(coder.Code(MakeStory(text), &res).ok());
  EXPECT_TRUE(res.discarded);
  EXPECT_TRUE(res.events.empty());
  ExpectSameAsUnskipped(coder, text);
}

TEST(StoryCoderSkipTest, SentenceDiscardInSkippedSentenceChangesNothing) {
  StoryCoder coder(SmallDictionary(), PipelineOptions{});
  ExpectSameAsUnskipped(coder, "Breaking news from the hills. Gondor condemned Mordor.");
}

}  // namespace
}  // namespace eventcoder
