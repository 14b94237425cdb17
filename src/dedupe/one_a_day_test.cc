#include "dedupe/one_a_day.h"

#include <gtest/gtest.h>

#include <memory>

#include "write/memory_sink.h"

namespace eventcoder {
namespace {

Story MakeStory(const std::string& id, const std::string& outlet) {
  Story s;
  s.id = id;
  s.date = 20260211;
  s.source = outlet;
  s.url = "https://example.org/" + id;
  s.text = std::string(100, 'x');
  return s;
}

Event MakeEvent(const std::string& source, const std::string& target, const std::string& code,
                int sentence, size_t verb) {
  Event e;
  e.date = 20260211;
  e.source_code = source;
  e.target_code = target;
  e.cameo = code;
  e.sentence = sentence;
  e.source_spans = {{verb - 5, verb - 1}};
  e.verb_spans = {{verb, verb + 3}};
  e.id = "id" + std::to_string(verb);
  return e;
}

TEST(OneADaySink, MergesSameDateDyadAndCodeAcrossSentencesAndStories) {
  auto mem = std::make_unique<MemorySink>();
  MemorySink* inner = mem.get();
  OneADaySink sink(std::move(mem));
  Story a = MakeStory("a", "Wire One"), b = MakeStory("b", "Wire One"),
        c = MakeStory("c", "Wire Two");
  // Story a: the meeting twice (two sentences) and one praise.
  ASSERT_TRUE(WriteStory(sink, a,
                         std::vector<Event>{MakeEvent("QATGOV", "IRNGOV", "040", 0, 10),
                                            MakeEvent("QATGOV", "IRNGOV", "040", 2, 60),
                                            MakeEvent("IRNGOV", "QATGOV", "051", 1, 30)})
                  .ok());
  // Story b, same outlet: the meeting again. Story c, other outlet: the meeting and a new
  // event; also the meeting on another day (a different event).
  ASSERT_TRUE(
      WriteStory(sink, b, std::vector<Event>{MakeEvent("QATGOV", "IRNGOV", "040", 0, 20)}).ok());
  Event other_day = MakeEvent("QATGOV", "IRNGOV", "040", 3, 80);
  other_day.date = 20260212;
  ASSERT_TRUE(WriteStory(sink, c,
                         std::vector<Event>{MakeEvent("QATGOV", "IRNGOV", "040", 1, 40),
                                            MakeEvent("ISRGOV", "IRNGOV", "112", 2, 50), other_day})
                  .ok());
  Story empty = MakeStory("d", "Wire Three");
  ASSERT_TRUE(WriteStory(sink, empty, std::vector<Event>{}).ok());
  EXPECT_TRUE(inner->events().empty());  // nothing before Finish
  ASSERT_TRUE(sink.Finish().ok());
  EXPECT_TRUE(inner->protocol_errors().empty());
  EXPECT_TRUE(inner->finished());

  const auto& ev = inner->events();
  ASSERT_EQ(ev.size(), 4u);
  // In order of first report; each inside its first story.
  EXPECT_EQ(ev[0].cameo, "040");
  EXPECT_EQ(ev[0].id, "id10");  // the first report's id
  EXPECT_EQ(ev[0].num_mentions, 4);
  EXPECT_EQ(ev[0].num_articles, 3);
  EXPECT_EQ(ev[0].num_sources, 2);
  ASSERT_EQ(ev[0].mentions.size(), 4u);
  EXPECT_EQ(ev[0].mentions[1].story_id, "a");
  EXPECT_EQ(ev[0].mentions[1].sentence, 2);
  EXPECT_EQ(ev[0].mentions[1].verb_offset, 60);
  EXPECT_EQ(ev[0].mentions[1].source_offset, 55);
  EXPECT_EQ(ev[0].mentions[1].target_offset, -1);
  EXPECT_EQ(ev[0].mentions[3].outlet, "Wire Two");
  EXPECT_EQ(ev[0].mentions[3].story_length, 100u);
  EXPECT_EQ(ev[1].cameo, "051");
  EXPECT_EQ(ev[1].num_mentions, 1);
  EXPECT_EQ(ev[2].cameo, "112");
  EXPECT_EQ(ev[3].date, 20260212);
  ASSERT_EQ(inner->stories().size(), 2u);  // a and c; b and d first-reported nothing
  EXPECT_EQ(inner->stories()[0].story.id, "a");
  EXPECT_EQ(inner->stories()[0].events.size(), 2u);
  EXPECT_EQ(inner->stories()[1].story.id, "c");
  EXPECT_TRUE(inner->stories()[1].story.text.empty());  // text is not kept
}

TEST(OneADaySink, StoriesWithoutOutletCountAsTheirOwnSource) {
  auto mem = std::make_unique<MemorySink>();
  MemorySink* inner = mem.get();
  OneADaySink sink(std::move(mem));
  for (const char* id : {"x", "y"}) {
    ASSERT_TRUE(WriteStory(sink, MakeStory(id, ""),
                           std::vector<Event>{MakeEvent("USA", "CHN", "036", 0, 10)})
                    .ok());
  }
  ASSERT_TRUE(sink.Finish().ok());
  ASSERT_EQ(inner->events().size(), 1u);
  EXPECT_EQ(inner->events()[0].num_sources, 2);
  EXPECT_EQ(inner->events()[0].num_articles, 2);
}

TEST(OneADaySink, InnerFailureIsReportedAndProtocolMisuseRejected) {
  auto mem = std::make_unique<MemorySink>();
  mem->fail_on_write(1);
  OneADaySink sink(std::move(mem));
  ASSERT_TRUE(WriteStory(sink, MakeStory("a", "W"),
                         std::vector<Event>{MakeEvent("USA", "CHN", "036", 0, 10)})
                  .ok());
  EXPECT_FALSE(sink.Finish().ok());

  OneADaySink sink2(std::make_unique<MemorySink>());
  EXPECT_FALSE(sink2.Write(MakeStory("a", "W"), Event()).ok());
}

}  // namespace
}  // namespace eventcoder
