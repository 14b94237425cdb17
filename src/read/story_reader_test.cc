// Tests for format names, detection, the ReadStories dispatcher, big inputs, I/O errors
// and the shared PETRARCH validation files (skipped when /work/shared is absent).
#include "read/story_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>

#include "read/read_test_util.h"

#ifndef EVENTCODER_SHARED_DIR
#define EVENTCODER_SHARED_DIR "../shared"
#endif

namespace eventcoder {
namespace {

using read_test::ReadAll;
using read_test::ReadAllFrom;
using read_test::ReadResult;

TEST(StoryReaderTest, ParseInputFormat) {
  EXPECT_EQ(*ParseInputFormat("auto"), InputFormat::kAuto);
  EXPECT_EQ(*ParseInputFormat("text"), InputFormat::kText);
  EXPECT_EQ(*ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(*ParseInputFormat("XML"), InputFormat::kPetrarchXml);
  StatusOr<InputFormat> bad = ParseInputFormat("yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("yaml"), std::string::npos);
}

TEST(StoryReaderTest, DetectFormat) {
  EXPECT_EQ(DetectFormat("<Sentences>"), InputFormat::kPetrarchXml);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF  \n\t<?xml version=\"1.0\"?>"), InputFormat::kPetrarchXml);
  EXPECT_EQ(DetectFormat("{\"id\":1}"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("\n\n  {"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("date 2026-02-11"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF"
                         "date 2026-02-11"),
            InputFormat::kText);
  EXPECT_EQ(DetectFormat(""), InputFormat::kText);
  EXPECT_EQ(DetectFormat("   \n"), InputFormat::kText);
}

TEST(StoryReaderTest, AutoDetectsOnTheStream) {
  ReadResult xml = ReadAll(
      "\xEF\xBB\xBF\n\n<Sentences>\n<Sentence date=\"20010203\" id=\"X1\"><Text>x</Text>"
      "</Sentence></Sentences>",
      "a.xml");
  ASSERT_EQ(xml.stories.size(), 1u) << xml.ErrorText();
  EXPECT_EQ(xml.stories[0].id, "X1");
  EXPECT_EQ(xml.stories[0].line, 4u);  // line numbers survive the skipped blank lines

  ReadResult jsonl = ReadAll("\n{\"id\":\"J1\",\"date\":\"20010203\",\"text\":\"j\"}\n", "a.jsonl");
  ASSERT_EQ(jsonl.stories.size(), 1u) << jsonl.ErrorText();
  EXPECT_EQ(jsonl.stories[0].id, "J1");
  EXPECT_EQ(jsonl.stories[0].line, 2u);

  ReadResult text = ReadAll(
      "\xEF\xBB\xBF"
      "date 2001-02-03\nT.\n",
      "a.txt");
  ASSERT_EQ(text.stories.size(), 1u) << text.ErrorText();
  EXPECT_EQ(text.stories[0].date, 20010203);
  EXPECT_EQ(text.stories[0].text, "T.");
}

TEST(StoryReaderTest, NullCallbacksAndStatsAreAllowed) {
  std::istringstream in("date 2001-02-03\nT.\ndate 2001-02-30\nBad.\n");
  Status st = ReadStories(in, "x.txt", ReadOptions(), nullptr, nullptr, nullptr);
  EXPECT_TRUE(st.ok());
}

// A 10 MB single line must be reported and skipped without holding it in memory.
TEST(StoryReaderTest, TenMegabyteSingleLine) {
  const size_t kBig = 10 * 1000 * 1000;
  {
    std::string input = "date 2026-02-11\nid: huge\n";
    input.append(kBig, 'a');
    input += "\ndate 2026-02-12\nid: after\nStill read.\n";
    ReadResult r = ReadAll(input, "big.txt", InputFormat::kAuto);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].code(), StatusCode::kResourceExhausted);
    EXPECT_NE(r.errors[0].message().find("big.txt:3: story huge: story too large"),
              std::string::npos)
        << r.errors[0].message();
    EXPECT_LT(r.errors[0].message().size(), 400u);
    ASSERT_EQ(r.stories.size(), 1u);
    EXPECT_EQ(r.stories[0].id, "after");
  }
  {
    std::string input = "{\"id\":\"huge\",\"date\":\"2026-02-11\",\"text\":\"";
    input.append(kBig, 'b');
    input += "\"}\n{\"id\":\"after\",\"date\":\"2026-02-11\",\"text\":\"ok\"}\n";
    ReadResult r = ReadAll(input, "big.jsonl", InputFormat::kAuto);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].message().find("big.jsonl:1: story huge: story too large"),
              std::string::npos)
        << r.errors[0].message();
    ASSERT_EQ(r.stories.size(), 1u);
    EXPECT_EQ(r.stories[0].id, "after");
  }
  {
    std::string input = "<Sentences><Sentence date=\"20260211\" id=\"huge\"><Text>";
    input.append(kBig, 'c');
    input +=
        "</Text></Sentence><Sentence date=\"20260211\" id=\"after\"><Text>ok</Text>"
        "</Sentence></Sentences>";
    ReadResult r = ReadAll(input, "big.xml", InputFormat::kAuto);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].message().find("big.xml:1: story huge: story too large"),
              std::string::npos)
        << r.errors[0].message();
    ASSERT_EQ(r.stories.size(), 1u);
    EXPECT_EQ(r.stories[0].id, "after");
  }
}

// A streambuf that yields some bytes and then fails.
class FailingBuf : public std::streambuf {
 public:
  explicit FailingBuf(std::string data) : data_(std::move(data)) {
    setg(data_.data(), data_.data(), data_.data() + data_.size());
  }

 protected:
  int_type underflow() override { throw std::runtime_error("disk on fire"); }

 private:
  std::string data_;
};

TEST(StoryReaderTest, IoErrorIsReturned) {
  FailingBuf buf("date 2001-02-03\nT.\n");
  std::istream in(&buf);
  ReadResult r = ReadAllFrom(in, "disk.txt", ReadOptions());
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), StatusCode::kInternal);
  EXPECT_NE(r.status.message().find("disk.txt"), std::string::npos) << r.status.message();
}

std::string SharedFile(const std::string& name) {
  return std::string(EVENTCODER_SHARED_DIR) + "/validation/petrarch/" + name;
}

TEST(StoryReaderTest, SharedPetrarchUnitTestRecords) {
  std::string path = SharedFile("PETR.UnitTest.records.xml");
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "no " << path;
  ReadResult r = ReadAllFrom(in, path, ReadOptions());
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.errors.empty()) << r.ErrorText();
  ASSERT_EQ(r.stories.size(), 215u);
  size_t with_parse = 0;
  const Story* demo02 = nullptr;
  const Story* demo24 = nullptr;
  for (const Story& s : r.stories) {
    if (!s.parse.empty()) ++with_parse;
    if (s.id == "DEMO-02") demo02 = &s;
    if (s.id == "DEMO-24") demo24 = &s;
  }
  EXPECT_EQ(with_parse, 215u);
  ASSERT_NE(demo02, nullptr);
  EXPECT_EQ(demo02->date, 19950103);
  EXPECT_EQ(demo02->category, "DEMO");
  EXPECT_TRUE(demo02->has_expectation);
  EXPECT_FALSE(demo02->expect_no_events);
  ASSERT_EQ(demo02->expected.size(), 2u);
  EXPECT_EQ(demo02->expected[0].source, "DAGGOV");
  EXPECT_EQ(demo02->expected[0].target, "GON");
  EXPECT_EQ(demo02->expected[0].code, "032");
  EXPECT_EQ(demo02->expected[1].source, "GON");
  EXPECT_EQ(demo02->expected[1].target, "DAGGOV");
  EXPECT_EQ(demo02->expected[1].code, "033");
  EXPECT_EQ(demo02->text.find('\n'), std::string::npos);
  ASSERT_NE(demo24, nullptr);
  EXPECT_TRUE(demo24->has_expectation);
  EXPECT_TRUE(demo24->expect_no_events);
  EXPECT_TRUE(demo24->expected.empty());

  std::ifstream again(path, std::ios::binary);
  std::stringstream whole;
  whole << again.rdbuf();
  StatusOr<ValidationEnvironment> env = ReadValidationEnvironment(whole.str(), path);
  ASSERT_TRUE(env.ok()) << env.status().message();
  EXPECT_FALSE(env->verbs.empty());
  EXPECT_FALSE(env->actors.empty());
  EXPECT_FALSE(env->include_categories.empty());
  for (const std::string& c : env->include_categories) EXPECT_NE(c, "valid");
}

TEST(StoryReaderTest, SharedGigaWordSample) {
  std::string path = SharedFile("GigaWord.sample.PETR.xml");
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "no " << path;
  ReadResult r = ReadAllFrom(in, path, ReadOptions());
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.errors.empty()) << r.ErrorText();
  EXPECT_GT(r.stories.size(), 0u);
  for (const Story& s : r.stories) {
    EXPECT_FALSE(s.text.empty()) << s.id;
    EXPECT_FALSE(s.parse.empty()) << s.id;
    EXPECT_GT(s.date, 0) << s.id;
  }
}

}  // namespace
}  // namespace eventcoder
