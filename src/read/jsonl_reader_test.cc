// Tests for the JSON Lines story format.
#include <gtest/gtest.h>

#include <string>

#include "read/read_test_util.h"
#include "read/story_reader.h"

namespace eventcoder {
namespace {

using read_test::ReadAll;
using read_test::ReadResult;

ReadResult ReadJsonl(const std::string& input, size_t limit = 1 << 20) {
  return ReadAll(input, "/data/feed.jsonl", InputFormat::kJsonl, limit);
}

bool Contains(const Status& s, const std::string& part) {
  return s.message().find(part) != std::string::npos;
}

TEST(JsonlReaderTest, GoodStories) {
  ReadResult r = ReadJsonl(
      "{\"id\":\"a1\",\"date\":\"2026-02-11\",\"text\":\"Iran\xE2\x80\x99s envoy met the "
      "\\u201cSNSC\\u201d (SNSC).\\n\\nSecond para.\",\"source\":\"AFP\",\"url\":\"http://x/y\"}\n"
      "\n"
      "  {\"text\": \"Numbers as ids (Hamas).\", \"date\": \"20260212\", \"id\": 17}\n"
      "{\"id\":\"a3\",\"date\":20260213,\"text\":\"Int date.\",\"source\":null,\"extra\":[1,2]}\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.errors.empty()) << r.ErrorText();
  ASSERT_EQ(r.stories.size(), 3u);
  EXPECT_EQ(r.stories[0].id, "a1");
  EXPECT_EQ(r.stories[0].date, 20260211);
  EXPECT_EQ(r.stories[0].text,
            "Iran\xE2\x80\x99s envoy met the \xE2\x80\x9CSNSC\xE2\x80\x9D (SNSC).\n\nSecond para.");
  EXPECT_EQ(r.stories[0].source, "AFP");
  EXPECT_EQ(r.stories[0].url, "http://x/y");
  EXPECT_EQ(r.stories[0].line, 1u);
  EXPECT_EQ(r.stories[0].file, "/data/feed.jsonl");
  EXPECT_EQ(r.stories[1].id, "17");
  EXPECT_EQ(r.stories[1].date, 20260212);
  EXPECT_EQ(r.stories[1].line, 3u);
  EXPECT_EQ(r.stories[2].date, 20260213);
  EXPECT_EQ(r.stories[2].source, "");
}

TEST(JsonlReaderTest, EachBadLineIsReportedAndTheRestRead) {
  const std::string input =
      "{\"id\":\"d1\",\"date\":\"2026-02-30\",\"text\":\"Bad day.\"}\n"     // 1 bad date
      "{\"id\":\"d2\",\"date\":\"next week\",\"text\":\"Unparseable.\"}\n"  // 2
      "{\"id\":\"e1\",\"date\":\"2026-02-11\",\"text\":\"  \"}\n"           // 3 empty text
      "{\"date\":\"2026-02-11\",\"text\":\"No id.\"}\n"                     // 4 missing id
      "{\"id\":\"m2\",\"text\":\"No date.\"}\n"                             // 5 missing date
      "{\"id\":\"m3\",\"date\":\"2026-02-11\"}\n"                           // 6 missing text
      "[1, 2, 3]\n"                                                         // 7 not an object
      "{\"id\":\"j1\",\"date\":\"2026-02-11\",\"text\":\"unterminated}\n"   // 8 bad JSON
      "{\"id\":\"t1\",\"date\":\"2026-02-11\",\"text\":42}\n"               // 9 text not string
      "{\"id\":\"ok\",\"date\":\"2026-02-11\",\"text\":\"Fine.\"}\n";       // 10
  ReadResult r = ReadJsonl(input);
  ASSERT_EQ(r.errors.size(), 9u) << r.ErrorText();
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].id, "ok");
  EXPECT_EQ(r.stories[0].line, 10u);
  EXPECT_TRUE(Contains(r.errors[0], "/data/feed.jsonl:1: story d1: bad date"))
      << r.errors[0].message();
  EXPECT_TRUE(Contains(r.errors[1], "/data/feed.jsonl:2: story d2: not a date"))
      << r.errors[1].message();
  EXPECT_TRUE(Contains(r.errors[2], "/data/feed.jsonl:3: story e1: empty text"))
      << r.errors[2].message();
  EXPECT_TRUE(Contains(r.errors[3],
                       "/data/feed.jsonl:4: story feed.jsonl#4: missing required field \"id\""))
      << r.errors[3].message();
  EXPECT_TRUE(
      Contains(r.errors[4], "/data/feed.jsonl:5: story m2: missing required field \"date\""))
      << r.errors[4].message();
  EXPECT_TRUE(
      Contains(r.errors[5], "/data/feed.jsonl:6: story m3: missing required field \"text\""))
      << r.errors[5].message();
  EXPECT_TRUE(
      Contains(r.errors[6], "/data/feed.jsonl:7: story feed.jsonl#7: JSON line is not an object"))
      << r.errors[6].message();
  EXPECT_TRUE(Contains(r.errors[7], "/data/feed.jsonl:8: story j1: invalid JSON at column"))
      << r.errors[7].message();
  EXPECT_TRUE(
      Contains(r.errors[8], "/data/feed.jsonl:9: story t1: field \"text\" must be a string"))
      << r.errors[8].message();
  for (const Status& e : r.errors) EXPECT_EQ(e.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.stats.errors, 9u);
  EXPECT_EQ(r.stats.stories, 1u);
}

TEST(JsonlReaderTest, InvalidUtf8ReportsOffsetAndId) {
  std::string bad_line = "{\"id\":\"u1\",\"date\":\"2026-02-11\",\"text\":\"bad \xFF here\"}";
  std::string input = "{\"id\":\"a\",\"date\":\"2026-02-11\",\"text\":\"First.\"}\n" + bad_line +
                      "\n{\"id\":\"b\",\"date\":\"2026-02-11\",\"text\":\"Third.\"}\n";
  size_t offset = input.find('\xFF');
  ReadResult r = ReadJsonl(input);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code(), StatusCode::kDataLoss);
  EXPECT_TRUE(Contains(r.errors[0], "/data/feed.jsonl:2: story u1: invalid UTF-8"))
      << r.errors[0].message();
  EXPECT_TRUE(Contains(r.errors[0], "byte offset " + std::to_string(offset)));
  ASSERT_EQ(r.stories.size(), 2u);
  EXPECT_EQ(r.stories[1].id, "b");
}

TEST(JsonlReaderTest, LineOverLimitIsSkipped) {
  std::string big =
      "{\"id\":\"huge\",\"date\":\"2026-02-11\",\"text\":\"" + std::string(5000, 'z') + "\"}";
  ReadResult r =
      ReadJsonl(big + "\n{\"id\":\"after\",\"date\":\"2026-02-11\",\"text\":\"x\"}\n", 1000);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(Contains(r.errors[0], "/data/feed.jsonl:1: story huge: story too large"))
      << r.errors[0].message();
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].id, "after");
  EXPECT_EQ(r.stories[0].line, 2u);
}

TEST(JsonlReaderTest, HostileJsonDoesNotCrash) {
  std::string deep(100000, '[');
  ReadResult r =
      ReadJsonl(deep + "\n" + std::string(50000, '{') + "\n\"str\"\nnull\n1e999999\n{}\n");
  EXPECT_EQ(r.errors.size(), 6u) << r.ErrorText();
  EXPECT_TRUE(r.stories.empty());
}

}  // namespace
}  // namespace eventcoder
