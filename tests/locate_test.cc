// End-to-end geolocation: stories coded with the default dictionaries, events located.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dict/dict_reader.h"
#include "locate/gazetteer.h"
#include "match/compiled_dictionary.h"
#include "pipeline/story_coder.h"
#include "read/story_reader.h"

namespace eventcoder {
namespace {

std::shared_ptr<const CompiledDictionary> DefaultDictionary() {
  static std::shared_ptr<const CompiledDictionary> d = [] {
    auto dict = dict::LoadDictionaryFiles(
        dict::DictionaryFilesInDir(EVENTCODER_SOURCE_DIR "/dictionaries"));
    EXPECT_TRUE(dict.ok()) << dict.status().message();
    return std::make_shared<const CompiledDictionary>(std::move(*dict));
  }();
  return d;
}

std::vector<std::pair<Story, std::vector<Event>>> CodeText(const std::string& text,
                                                           const std::string& name) {
  StoryCoder coder(DefaultDictionary(), PipelineOptions());
  std::vector<std::pair<Story, std::vector<Event>>> out;
  std::istringstream in(text);
  ReadOptions ro;
  Status s = ReadStories(
      in, name, ro,
      [&](Story&& story) {
        StoryResult r;
        EXPECT_TRUE(coder.Code(story, &r).ok());
        out.emplace_back(std::move(story), std::move(r.events));
      },
      [](const Status& e) { ADD_FAILURE() << e.message(); }, nullptr);
  EXPECT_TRUE(s.ok());
  return out;
}

TEST(LocateStory, StoryFiledInDohaAboutGazaAndTehran) {
  ASSERT_NE(Gazetteer::Default(), nullptr);
  const std::string text =
      "date 2026-03-03\n"
      "DOHA, March 3 (Wire) - Qatar\xE2\x80\x99s prime minister met a Hamas delegation in Doha on "
      "Tuesday to discuss the truce in Gaza.\n\n"
      "Israeli forces attacked Palestinian militants in Khan Younis, the army said.\n\n"
      "Iran\xE2\x80\x99s foreign minister praised Qatar\xE2\x80\x99s mediation.\n\n"
      "Iranian President Masoud Pezeshkian met Iraq\xE2\x80\x99s prime minister in Tehran on "
      "Sunday.\n";
  auto stories = CodeText(text, "doha.txt");
  ASSERT_EQ(stories.size(), 1u);
  const auto& events = stories[0].second;
  // sentence -> (place, ISO2, basis, date, date precision)
  struct Want {
    const char* name;
    const char* iso2;
    const char* basis;
    int date;
    const char* precision;
  };
  std::map<int, Want> want = {
      {0, {"Doha", "QA", "sentence", 20260303, "sentence"}},        // "in Doha on Tuesday"
      {1, {"Khan Yunis", "PS", "sentence", 20260303, "dateline"}},  // "in Khan Younis"
      {2, {"Doha", "QA", "dateline", 20260303, "dateline"}},        // no place: the dateline
      {3, {"Tehran", "IR", "sentence", 20260301, "sentence"}},      // "in Tehran on Sunday"
  };
  std::map<int, int> seen;
  for (const Event& e : events) {
    auto it = want.find(e.sentence);
    ASSERT_NE(it, want.end()) << "unexpected event in sentence " << e.sentence;
    ++seen[e.sentence];
    ASSERT_TRUE(e.location.has_value()) << e.text;
    EXPECT_EQ(e.location->name, it->second.name) << e.text;
    EXPECT_EQ(e.location->country_iso2, it->second.iso2) << e.text;
    EXPECT_EQ(e.location->basis, it->second.basis) << e.text;
    EXPECT_EQ(e.date, it->second.date) << e.text;
    EXPECT_EQ(e.date_precision, it->second.precision) << e.text;
    // The words are the story's own bytes at the span.
    const Place& p = *e.location;
    EXPECT_EQ(stories[0].first.text.substr(p.span.begin, p.span.end - p.span.begin), p.words);
    EXPECT_FALSE(std::isnan(p.lat));
  }
  EXPECT_GE(seen[0], 1);
  EXPECT_GE(seen[3], 1);
}

TEST(LocateStory, NoLocateOptionLeavesEventsUnlocated) {
  PipelineOptions o;
  o.locate = false;
  StoryCoder coder(DefaultDictionary(), o);
  Story s;
  s.id = "x";
  s.date = 20260303;
  s.text =
      "Iranian President Masoud Pezeshkian met Iraq\xE2\x80\x99s prime minister in Tehran on "
      "Sunday.";
  StoryResult r;
  ASSERT_TRUE(coder.Code(s, &r).ok());
  ASSERT_FALSE(r.events.empty());
  for (const Event& e : r.events) {
    EXPECT_FALSE(e.location.has_value());
    EXPECT_EQ(e.date, 20260303);
    EXPECT_EQ(e.date_precision, "story");
  }
}

// Hand-annotated: the place each example sentence says its event happened in.
TEST(LocateStory, BundledExamplesEventsWithAPlaceInTheirSentenceAreLocated) {
  ASSERT_NE(Gazetteer::Default(), nullptr);
  std::ifstream in(EVENTCODER_SOURCE_DIR "/examples/stories.txt");
  ASSERT_TRUE(in) << "examples/stories.txt";
  std::stringstream buf;
  buf << in.rdbuf();
  auto stories = CodeText(buf.str(), "stories.txt");
  const std::map<std::pair<std::string, int>, std::string> in_sentence = {
      {{"example-2026-02-11-doha", 0}, "Doha"}, {{"example-2026-02-14-cairo", 0}, "Gaza Strip"},
      {{"stories.txt#3", 0}, "Kharkiv"},        {{"stories.txt#3", 1}, "Kharkiv"},
      {{"stories.txt#4", 1}, "Islamabad"},      {{"stories.txt#5", 0}, "Belgrade"},
      {{"stories.txt#6", 0}, "North Darfur"},   {{"stories.txt#7", 0}, "Washington D.C."},
      {{"stories.txt#8", 0}, "Sudan"},
  };
  int events = 0, located = 0, checked = 0;
  for (const auto& [story, evs] : stories) {
    for (const Event& e : evs) {
      ++events;
      located += e.location.has_value();
      auto it = in_sentence.find({story.id, e.sentence});
      if (it == in_sentence.end()) continue;
      ++checked;
      ASSERT_TRUE(e.location.has_value()) << story.id << " " << e.text;
      EXPECT_EQ(e.location->name, it->second) << story.id << " " << e.text;
      EXPECT_EQ(e.location->basis, "sentence") << story.id << " " << e.text;
    }
  }
  EXPECT_GE(checked, 8);
  // Every example story has a dateline, so every event has at least the dateline's place.
  EXPECT_EQ(located, events);
}

}  // namespace
}  // namespace eventcoder
