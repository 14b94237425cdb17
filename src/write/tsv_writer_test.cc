#include "write/tsv_writer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace eventcoder {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

Event MakeEvent() {
  Event e;
  e.story_id = "s1";
  e.sentence = 2;
  e.date = 20260301;
  e.source_code = "FRAGOV";
  e.target_code = "RUSMIL";
  e.cameo = "111";
  e.source_text = "France\xE2\x80\x99s foreign ministry";
  e.target_text = "Russian forces";
  e.verb_text = "condemned";
  e.text = "Line one\twith tab\nline two\\ and \r return";
  return e;
}

TEST(TsvWriterTest, HeaderAndRow) {
  std::ostringstream out;
  TsvWriter w(&out, "-");
  Story s;
  s.id = "s1";
  s.date = 20260301;
  ASSERT_TRUE(WriteStory(w, s, std::vector<Event>{MakeEvent()}).ok());
  ASSERT_TRUE(w.Finish().ok());
  std::vector<std::string> lines = Split(out.str(), '\n');
  ASSERT_EQ(lines.size(), 3u);  // header, row, "" after the final newline
  EXPECT_EQ(lines[2], "");
  std::vector<std::string> header = Split(lines[0], '\t');
  std::vector<std::string> row = Split(lines[1], '\t');
  ASSERT_EQ(header.size(), 24u);  // 14 event columns, then 10 location columns
  ASSERT_EQ(row.size(), header.size());
  EXPECT_EQ(header[0], "id");
  EXPECT_EQ(header[1], "story_id");
  EXPECT_EQ(header[13], "text");
  EXPECT_EQ(row[0].size(), 16u);  // the stable event id
  EXPECT_EQ(row[1], "s1");
  EXPECT_EQ(row[2], "2");
  EXPECT_EQ(row[3], "2026-03-01");
  EXPECT_EQ(row[6], "111");
  EXPECT_EQ(row[7], "11");
  EXPECT_EQ(row[8], "3");
  EXPECT_EQ(row[9], "-2.0");
  EXPECT_EQ(row[10], "France\xE2\x80\x99s foreign ministry");
  EXPECT_EQ(row[13], "Line one\\twith tab\\nline two\\\\ and \\r return");
  EXPECT_EQ(header[14], "location_name");
  EXPECT_EQ(header[23], "geo_precision");
  EXPECT_EQ(row[14], "");  // no place
  EXPECT_EQ(row[23], "none");
}

TEST(TsvWriterTest, LocationColumnsAtTheEnd) {
  Story s;
  Event e = MakeEvent();
  Place p;
  p.name = "Doha";
  p.level = "city";
  p.country_iso2 = "QA";
  p.country_iso3 = "QAT";
  p.admin1 = "Baladiyat ad Dawhah";
  p.lat = 25.28545;
  p.lon = 51.53096;
  p.words = "in Doha";
  p.basis = "sentence";
  e.location = p;
  std::vector<std::string> row = Split(TsvWriter::FormatEvent(s, e, {}), '\t');
  ASSERT_EQ(row.size(), 24u);
  EXPECT_EQ(row[14], "Doha");
  EXPECT_EQ(row[15], "city");
  EXPECT_EQ(row[16], "QA");
  EXPECT_EQ(row[17], "QAT");
  EXPECT_EQ(row[19], "25.2855");
  EXPECT_EQ(row[20], "51.5310");
  EXPECT_EQ(row[21], "in Doha");
  EXPECT_EQ(row[22], "sentence");
  EXPECT_EQ(row[23], "city");
}

TEST(TsvWriterTest, HeaderEvenWithoutEventsAndExplainColumns) {
  std::ostringstream out;
  WriterOptions opt;
  opt.explain = true;
  TsvWriter w(&out, "-", opt);
  ASSERT_TRUE(w.Finish().ok());
  EXPECT_EQ(out.str(), TsvWriter::Header(opt) + "\n");
  EXPECT_EQ(Split(TsvWriter::Header(opt), '\t').size(), 26u);
  Story s;
  Event e = MakeEvent();
  e.cameo = "def";  // not CAMEO
  std::vector<std::string> row = Split(TsvWriter::FormatEvent(s, e, opt), '\t');
  ASSERT_EQ(row.size(), 26u);
  EXPECT_EQ(row[7], "");   // root
  EXPECT_EQ(row[8], "0");  // quad class
  EXPECT_EQ(row[9], "");   // goldstein
  EXPECT_EQ(row[14], "");  // cameo_name
}

TEST(TsvWriterTest, EscapingIsReversibleAndUtf8Safe) {
  EXPECT_EQ(TsvWriter::EscapeField("a\tb"), "a\\tb");
  EXPECT_EQ(TsvWriter::EscapeField("a\\tb"), "a\\\\tb");
  EXPECT_EQ(TsvWriter::EscapeField("\n\r"), "\\n\\r");
  EXPECT_EQ(TsvWriter::EscapeField("bad \xFF"), "bad \xEF\xBF\xBD");
  Story s;
  Event e = MakeEvent();
  e.story_id = "a\tb\nc";
  e.verb_text = "\t\t\n";
  std::string row = TsvWriter::FormatEvent(s, e, {});
  EXPECT_EQ(row.find('\n'), std::string::npos);
  EXPECT_EQ(Split(row, '\t').size(), 24u);
}

}  // namespace
}  // namespace eventcoder
