#include "write/gdelt_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "dedupe/one_a_day.h"

namespace eventcoder {
namespace {

// A reader for GDELT 2.0 event rows written here, independent of the writer: the column
// types of the GDELT codebook.
enum class Col { kInt, kFloat, kString, kDate8, kMonth6, kYear4, kStamp14 };

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

bool IsInt(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtoll(s.c_str(), &end, 10);
  return *end == '\0';
}

bool IsFloat(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  return *end == '\0' && std::isfinite(v);
}

// GDELT 2.0 event columns: name and type (nullable columns may be empty).
struct ColumnSpec {
  const char* name;
  Col type;
  bool nullable;
};

std::vector<ColumnSpec> EventColumns() {
  std::vector<ColumnSpec> c = {{"GLOBALEVENTID", Col::kInt, false},
                               {"SQLDATE", Col::kDate8, false},
                               {"MonthYear", Col::kMonth6, false},
                               {"Year", Col::kYear4, false},
                               {"FractionDate", Col::kFloat, false}};
  for (const char* actor : {"Actor1", "Actor2"}) {
    for (const char* f :
         {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}) {
      (void)actor;
      (void)f;
      c.push_back({"actor", Col::kString, true});
    }
  }
  c.push_back({"IsRootEvent", Col::kInt, false});
  c.push_back({"EventCode", Col::kString, false});
  c.push_back({"EventBaseCode", Col::kString, true});
  c.push_back({"EventRootCode", Col::kString, true});
  c.push_back({"QuadClass", Col::kInt, false});
  c.push_back({"GoldsteinScale", Col::kFloat, true});
  c.push_back({"NumMentions", Col::kInt, false});
  c.push_back({"NumSources", Col::kInt, false});
  c.push_back({"NumArticles", Col::kInt, false});
  c.push_back({"AvgTone", Col::kFloat, true});
  for (int g = 0; g < 3; ++g) {
    c.push_back({"Geo_Type", Col::kInt, false});
    c.push_back({"Geo_FullName", Col::kString, true});
    c.push_back({"Geo_CountryCode", Col::kString, true});
    c.push_back({"Geo_ADM1Code", Col::kString, true});
    c.push_back({"Geo_ADM2Code", Col::kString, true});
    c.push_back({"Geo_Lat", Col::kFloat, true});
    c.push_back({"Geo_Long", Col::kFloat, true});
    c.push_back({"Geo_FeatureID", Col::kString, true});
  }
  c.push_back({"DATEADDED", Col::kStamp14, false});
  c.push_back({"SOURCEURL", Col::kString, false});
  return c;
}

::testing::AssertionResult RowMatchesTypes(const std::vector<std::string>& row) {
  auto spec = EventColumns();
  if (spec.size() != 61) return ::testing::AssertionFailure() << "spec has " << spec.size();
  if (row.size() != spec.size())
    return ::testing::AssertionFailure() << "row has " << row.size() << " columns";
  for (size_t i = 0; i < row.size(); ++i) {
    const std::string& v = row[i];
    if (v.empty()) {
      if (spec[i].nullable) continue;
      return ::testing::AssertionFailure() << "column " << i << " empty";
    }
    bool ok = true;
    switch (spec[i].type) {
      case Col::kInt:
        ok = IsInt(v);
        break;
      case Col::kFloat:
        ok = IsFloat(v);
        break;
      case Col::kString:
        ok = v.find('\n') == std::string::npos;
        break;
      case Col::kDate8:
        ok = IsInt(v) && v.size() == 8;
        break;
      case Col::kMonth6:
        ok = IsInt(v) && v.size() == 6;
        break;
      case Col::kYear4:
        ok = IsInt(v) && v.size() == 4;
        break;
      case Col::kStamp14:
        ok = IsInt(v) && v.size() == 14;
        break;
    }
    if (!ok) return ::testing::AssertionFailure() << "column " << i << " bad value '" << v << "'";
  }
  return ::testing::AssertionSuccess();
}

Story MakeStory(const std::string& id, const std::string& outlet, const std::string& url) {
  Story s;
  s.id = id;
  s.date = 20260211;
  s.source = outlet;
  s.url = url;
  s.text = "DOHA, Feb 11 (Wire) - Qatar's prime minister met Iranian officials in Doha.";
  return s;
}

Event MakeEvent() {
  Event e;
  e.story_id = "a";
  e.date = 20260211;
  e.source_code = "QATGOV";
  e.source_text = "Qatar's prime minister";
  e.target_code = "IRNGOV";
  e.target_text = "Iranian officials";
  e.cameo = "040";
  e.sentence = 0;
  e.source_spans = {{22, 44}};
  e.target_spans = {{49, 66}};
  e.verb_spans = {{45, 48}};
  e.id = StableEventId(e);
  Place p;
  p.name = "Doha";
  p.level = "city";
  p.country_iso2 = "QA";
  p.country_iso3 = "QAT";
  p.admin1 = "Baladiyat ad Dawhah";
  p.lat = 25.2854;
  p.lon = 51.531;
  p.words = "in Doha";
  p.basis = "sentence";
  e.location = p;
  return e;
}

TEST(GdeltWriter, EventRowsRoundTripThroughAColumnReader) {
  std::ostringstream events, mentions;
  OneADaySink sink(std::make_unique<GdeltWriter>(&events, "events", &mentions, "mentions"));
  Story a = MakeStory("a", "Wire One", "https://example.org/a");
  Story b = MakeStory("b", "Wire Two", "");
  Event e = MakeEvent();
  Event e2 = e;
  e2.story_id = "b";
  e2.sentence = 2;
  e2.id = StableEventId(e2);
  Event uncoded = MakeEvent();
  uncoded.target_code = "\"INJURY TOLL\"";
  uncoded.cameo = "903";  // not CAMEO
  uncoded.location.reset();
  uncoded.id = StableEventId(uncoded);
  ASSERT_TRUE(WriteStory(sink, a, std::vector<Event>{e, uncoded}).ok());
  ASSERT_TRUE(WriteStory(sink, b, std::vector<Event>{e2}).ok());
  ASSERT_TRUE(sink.Finish().ok());

  std::istringstream in(events.str());
  std::string line;
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) rows.push_back(SplitTabs(line));
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& r : rows) EXPECT_TRUE(RowMatchesTypes(r));

  const auto& r = rows[0];
  EXPECT_EQ(r[0], std::to_string(GdeltWriter::GdeltEventId(e.id)));
  EXPECT_NE(r[0], "0");
  EXPECT_EQ(r[1], "20260211");
  EXPECT_EQ(r[2], "202602");
  EXPECT_EQ(r[3], "2026");
  EXPECT_EQ(r[4], "2026.1945");  // 2026 + (2*30+11)/365
  EXPECT_EQ(r[5], "QATGOV");
  EXPECT_EQ(r[6], "Qatar's prime minister");
  EXPECT_EQ(r[7], "QAT");
  EXPECT_EQ(r[12], "GOV");
  EXPECT_EQ(r[15], "IRNGOV");
  EXPECT_EQ(r[17], "IRN");
  EXPECT_EQ(r[25], "1");  // first sentence
  EXPECT_EQ(r[26], "040");
  EXPECT_EQ(r[27], "040");
  EXPECT_EQ(r[28], "04");
  EXPECT_EQ(r[29], "1");
  EXPECT_EQ(r[30], "1.0");
  EXPECT_EQ(r[31], "2");  // NumMentions
  EXPECT_EQ(r[32], "2");  // NumSources
  EXPECT_EQ(r[33], "2");  // NumArticles
  EXPECT_EQ(r[35], "0");  // Actor1Geo_Type: not located
  EXPECT_EQ(r[51], "4");  // ActionGeo_Type: world city
  EXPECT_EQ(r[52], "Doha, Baladiyat ad Dawhah");
  EXPECT_EQ(r[53], "QA");
  EXPECT_EQ(std::stod(r[56]), 25.2854);
  EXPECT_EQ(std::stod(r[57]), 51.531);
  EXPECT_EQ(r[59], "20260211000000");
  EXPECT_EQ(r[60], "https://example.org/a");

  const auto& u = rows[1];
  EXPECT_EQ(u[15], "");  // quoted actor: no code
  EXPECT_EQ(u[26], "903");
  EXPECT_EQ(u[28], "");
  EXPECT_EQ(u[29], "0");
  EXPECT_EQ(u[51], "0");

  // Mentions: two for the meeting, one for the other event; 16 columns each.
  std::istringstream min(mentions.str());
  std::vector<std::vector<std::string>> m;
  while (std::getline(min, line)) m.push_back(SplitTabs(line));
  ASSERT_EQ(m.size(), 3u);
  for (const auto& row : m) {
    ASSERT_EQ(row.size(), 16u);
    for (int i : {0, 1, 2, 3, 6, 7, 8, 9, 10, 12}) EXPECT_TRUE(IsInt(row[i])) << i << row[i];
  }
  EXPECT_EQ(m[0][0], r[0]);
  EXPECT_EQ(m[0][3], "1");  // web
  EXPECT_EQ(m[0][4], "Wire One");
  EXPECT_EQ(m[0][5], "https://example.org/a");
  EXPECT_EQ(m[0][6], "1");
  EXPECT_EQ(m[0][7], "22");
  EXPECT_EQ(m[0][9], "45");
  EXPECT_EQ(m[1][0], r[0]);
  EXPECT_EQ(m[1][3], "2");  // citation only: no URL
  EXPECT_EQ(m[1][5], "b");
  EXPECT_EQ(m[1][6], "3");
}

TEST(GdeltWriter, IdsAreStable) {
  Event e = MakeEvent();
  EXPECT_EQ(GdeltWriter::GdeltEventId(e.id), GdeltWriter::GdeltEventId(StableEventId(e)));
  EXPECT_LT(GdeltWriter::GdeltEventId("ffffffffffffffff"), 1ULL << 63);
  EXPECT_EQ(GdeltWriter::GdeltEventId("not hex"), 0u);
}

TEST(GdeltWriter, ColumnLabelsMatchTheSharedReference) {
  std::ifstream in(EVENTCODER_SHARED_DIR
                   "/reference/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv");
  if (!in) GTEST_SKIP() << "no GDELT reference in ../shared";
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  // Each column name appears in the reference in the writer's order.
  const char* names[] = {"GLOBALEVENTID",
                         "SQLDATE",
                         "FractionDate",
                         "Actor1Code",
                         "Actor2Code",
                         "IsRootEvent",
                         "EventCode",
                         "QuadClass",
                         "GoldsteinScale",
                         "NumMentions",
                         "NumSources",
                         "NumArticles",
                         "AvgTone",
                         "Actor1Geo_Type",
                         "Actor2Geo_Type",
                         "ActionGeo_Type",
                         "ActionGeo_FeatureID",
                         "DATEADDED",
                         "SOURCEURL"};
  size_t pos = 0;
  for (const char* n : names) {
    size_t at = text.find(std::string("\n") + n + ",", pos);
    ASSERT_NE(at, std::string::npos) << n;
    pos = at;
  }
}

}  // namespace
}  // namespace eventcoder
