// Tests for the plain-text story format.
#include <gtest/gtest.h>

#include <string>

#include "read/read_test_util.h"
#include "read/story_reader.h"

namespace eventcoder {
namespace {

using read_test::ReadAll;
using read_test::ReadResult;

ReadResult ReadText(const std::string& input, size_t limit = 1 << 20) {
  return ReadAll(input, "dir/news.txt", InputFormat::kText, limit);
}

TEST(TextReaderTest, MultiStoryWithParagraphs) {
  const std::string input =
      "date 2026-02-11\n"
      "Iran\xE2\x80\x99s foreign minister met\n"
      "  the envoy of the \xE2\x80\x9C"
      "Security Council\xE2\x80\x9D (SNSC) on Tuesday.  \n"
      "\n"
      "\n"
      "Talks  will resume (Hamas) later.\n"
      "date 20260212\n"
      "\n"
      "Second story.\r\n";
  ReadResult r = ReadText(input);
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.errors.empty()) << r.ErrorText();
  ASSERT_EQ(r.stories.size(), 2u);
  const Story& a = r.stories[0];
  EXPECT_EQ(a.id, "news.txt#1");
  EXPECT_EQ(a.date, 20260211);
  EXPECT_EQ(a.file, "dir/news.txt");
  EXPECT_EQ(a.line, 1u);
  // Lines of a paragraph are joined with one space; inner spacing is left untouched.
  EXPECT_EQ(a.text,
            "Iran\xE2\x80\x99s foreign minister met the envoy of the \xE2\x80\x9C"
            "Security Council\xE2\x80\x9D (SNSC) on Tuesday.\n\nTalks  will resume (Hamas) later.");
  // Offsets: the text is byte-for-byte what the paragraphs said.
  EXPECT_EQ(a.text.find("(SNSC)"), a.text.find("Council") + 7 + 3 + 1);
  const Story& b = r.stories[1];
  EXPECT_EQ(b.id, "news.txt#2");
  EXPECT_EQ(b.date, 20260212);
  EXPECT_EQ(b.line, 7u);
  EXPECT_EQ(b.text, "Second story.");
  EXPECT_EQ(r.stats.stories, 2u);
  EXPECT_EQ(r.stats.errors, 0u);
}

TEST(TextReaderTest, DateLineCarriesFirstParagraph) {
  ReadResult r = ReadText(
      "date 2026-02-11 Gondor accused Arnor\n"
      "of spying.\n"
      "\n"
      "More.\n"
      "DATE 2026-02-12   Only one line.\n");
  ASSERT_EQ(r.stories.size(), 2u) << r.ErrorText();
  EXPECT_EQ(r.stories[0].text, "Gondor accused Arnor of spying.\n\nMore.");
  EXPECT_EQ(r.stories[1].text, "Only one line.");
}

TEST(TextReaderTest, HeaderLines) {
  ReadResult r = ReadText(
      "date 2026-02-11\n"
      "id: abc-1\n"
      "Source: Reuters\n"
      "url: https://example.com/a?b=c\n"
      "\n"
      "Body text.\n"
      "id: not-a-header\n"
      "date 2026-02-11 Text on the date line.\n"
      "id: also-body\n");
  ASSERT_EQ(r.stories.size(), 2u) << r.ErrorText();
  EXPECT_EQ(r.stories[0].id, "abc-1");
  EXPECT_EQ(r.stories[0].source, "Reuters");
  EXPECT_EQ(r.stories[0].url, "https://example.com/a?b=c");
  EXPECT_EQ(r.stories[0].text, "Body text. id: not-a-header");
  EXPECT_EQ(r.stories[1].id, "news.txt#2");
  EXPECT_EQ(r.stories[1].text, "Text on the date line. id: also-body");
}

TEST(TextReaderTest, WordDateInTextIsNotADateLine) {
  ReadResult r = ReadText("date 2026-02-11\nThe\ndate palms burned.\ndated 2026-01-01 too.\n");
  ASSERT_EQ(r.stories.size(), 1u) << r.ErrorText();
  EXPECT_EQ(r.stories[0].text, "The date palms burned. dated 2026-01-01 too.");
}

TEST(TextReaderTest, TextBeforeFirstDateIsReportedOnce) {
  ReadResult r = ReadText("\nstray line\nanother\ndate 2026-02-11\nOk.\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.errors[0].message().find("dir/news.txt:2: "), std::string::npos)
      << r.errors[0].message();
  EXPECT_NE(r.errors[0].message().find("before the first date line"), std::string::npos);
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].text, "Ok.");
  EXPECT_EQ(r.stories[0].id, "news.txt#1");
}

TEST(TextReaderTest, BadDatesAreReportedAndSkipped) {
  ReadResult r = ReadText(
      "date 2026-02-30\nid: feb30\nNo such day.\n"
      "date 2026-1-5\nUnparseable.\n"
      "date 2026-02-11\nGood one.\n");
  ASSERT_EQ(r.errors.size(), 2u) << r.ErrorText();
  EXPECT_EQ(r.errors[0].code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.errors[0].message().find("dir/news.txt:1: story feb30: "), std::string::npos)
      << r.errors[0].message();
  EXPECT_NE(r.errors[0].message().find("2026-02-30"), std::string::npos);
  EXPECT_NE(r.errors[1].message().find("dir/news.txt:4: story news.txt#2: "), std::string::npos)
      << r.errors[1].message();
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].id, "news.txt#3");
  EXPECT_EQ(r.stories[0].text, "Good one.");
  EXPECT_EQ(r.stats.errors, 2u);
}

TEST(TextReaderTest, InvalidUtf8IsReportedWithOffset) {
  std::string input = "date 2026-02-11\nid: s1\nGood start\nbad \xC3\x28 byte\n\n";
  size_t bad_offset = input.find('\xC3');
  input += "date 2026-02-12\nNext.\n";
  ReadResult r = ReadText(input);
  ASSERT_EQ(r.errors.size(), 1u);
  const std::string& m = r.errors[0].message();
  EXPECT_EQ(r.errors[0].code(), StatusCode::kDataLoss);
  EXPECT_NE(m.find("dir/news.txt:4: story s1: invalid UTF-8"), std::string::npos) << m;
  EXPECT_NE(m.find("byte offset " + std::to_string(bad_offset)), std::string::npos) << m;
  EXPECT_NE(m.find("column 5"), std::string::npos) << m;
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].text, "Next.");
}

TEST(TextReaderTest, OverlongAndSurrogateUtf8Rejected) {
  for (std::string bad : {std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
                          std::string("\xF4\x90\x80\x80"), std::string("\xE2\x80")}) {
    ReadResult r = ReadText("date 2026-02-11\nx" + bad + "y\n");
    EXPECT_EQ(r.errors.size(), 1u);
    EXPECT_TRUE(r.stories.empty());
  }
}

TEST(TextReaderTest, EmptyTextIsAnError) {
  ReadResult r = ReadText("date 2026-02-11\nid: empty-one\n\n   \ndate 2026-02-12\nFine.\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message().find("dir/news.txt:1: story empty-one: empty text"),
            std::string::npos)
      << r.errors[0].message();
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].id, "news.txt#2");
}

TEST(TextReaderTest, StoryOverLimitIsSkipped) {
  // One long line, then a story whose lines are each short but add up past the limit.
  std::string input = "date 2026-02-11\nid: big\n" + std::string(500, 'x') + "\n";
  input += "date 2026-02-12\nid: many\n";
  for (int i = 0; i < 20; ++i) input += std::string(30, 'y') + "\n";
  input += "date 2026-02-13\nid: small\nSmall.\n";
  ReadResult r = ReadText(input, 200);
  ASSERT_EQ(r.errors.size(), 2u) << r.ErrorText();
  EXPECT_EQ(r.errors[0].code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.errors[0].message().find("dir/news.txt:3: story big: story too large"),
            std::string::npos)
      << r.errors[0].message();
  EXPECT_NE(r.errors[1].message().find("story many: story too large"), std::string::npos);
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].id, "small");
}

TEST(TextReaderTest, NoTrailingNewlineAndCrLf) {
  ReadResult r = ReadText("date 2026-02-11\r\nLine one\r\nline two");
  ASSERT_EQ(r.stories.size(), 1u) << r.ErrorText();
  EXPECT_EQ(r.stories[0].text, "Line one line two");
}

TEST(TextReaderTest, StdinIdsAndEmptyInput) {
  ReadResult r = ReadAll("date 2026-02-11\nHi.\n", "-", InputFormat::kText);
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].id, "stdin#1");
  EXPECT_EQ(r.stories[0].file, "-");
  ReadResult empty = ReadText("");
  EXPECT_TRUE(empty.status.ok());
  EXPECT_TRUE(empty.stories.empty());
  EXPECT_TRUE(empty.errors.empty());
}

}  // namespace
}  // namespace eventcoder
