// The query command's arithmetic and output, without a database: periods, gap filling,
// code ranges, CSV rounding and the SVG chart.
#include "query/query.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "query/plot.h"

namespace eventcoder {
namespace {

std::string Csv(const std::vector<PeriodRow>& rows) {
  std::ostringstream out;
  WriteCsv(out, rows);
  return out.str();
}

constexpr const char* kHeader = "period,events,mentions,goldstein_sum,cooperation,conflict\n";

TEST(Aggregate, WeeksRunMondayToSundayAndEmptyWeeksAreZero) {
  // 2026-02-15 is a Sunday, 2026-02-16 a Monday.
  std::vector<DayCount> days = {
      {"2026-02-15", 1, 2, 3, 3.4}, {"2026-02-16", 4, 1, 1, -10.0}, {"2026-03-03", 3, 1, 5, -4.0}};
  EXPECT_EQ(Csv(Aggregate(days, Period::kWeek)), std::string(kHeader) +
                                                     "2026-02-09,2,3,3.4,2,0\n"
                                                     "2026-02-16,1,1,-10.0,0,1\n"
                                                     "2026-02-23,0,0,0.0,0,0\n"
                                                     "2026-03-02,1,5,-4.0,0,1\n");
  EXPECT_EQ(Csv(Aggregate(days, Period::kMonth)), std::string(kHeader) +
                                                      "2026-02,3,4,-6.6,2,1\n"
                                                      "2026-03,1,5,-4.0,0,1\n");
}

TEST(Aggregate, DaysAcrossAYearEndAndBadDatesIgnored) {
  std::vector<DayCount> days = {{"2025-12-31", 0, 1, 1, 0},
                                {"2026-01-01", 2, 1, 2, 1.0},
                                {"2026-02-30", 1, 9, 9, 9},
                                {"garbage", 1, 9, 9, 9}};
  EXPECT_EQ(Csv(Aggregate(days, Period::kDay)), std::string(kHeader) +
                                                    "2025-12-31,1,1,0.0,0,0\n"
                                                    "2026-01-01,1,2,1.0,1,0\n");
  EXPECT_EQ(Csv(Aggregate(days, Period::kWeek)),
            std::string(kHeader) + "2025-12-29,2,3,1.0,1,0\n");  // ISO week 1 of 2026
}

TEST(Aggregate, GoldsteinSumPrintsTheSameWhateverTheOrder) {
  std::vector<DayCount> a = {
      {"2026-01-01", 1, 1, 1, 0.1}, {"2026-01-01", 1, 1, 1, 0.2}, {"2026-01-01", 3, 1, 1, -0.3}};
  std::vector<DayCount> b = {a[2], a[1], a[0]};
  EXPECT_EQ(Csv(Aggregate(a, Period::kDay)), Csv(Aggregate(b, Period::kDay)));
  EXPECT_NE(Csv(Aggregate(a, Period::kDay)).find(",0.0,"), std::string::npos);
}

TEST(Aggregate, NoDaysNoRows) { EXPECT_EQ(Csv(Aggregate({}, Period::kMonth)), kHeader); }

TEST(ParseCodeRange, RootOrRange) {
  EventFilter f;
  ASSERT_TRUE(ParseCodeRange("19", &f).ok());
  EXPECT_EQ(f.code_from, "19");
  EXPECT_EQ(f.code_to, "19");
  ASSERT_TRUE(ParseCodeRange("190-195", &f).ok());
  EXPECT_EQ(f.code_from, "190");
  EXPECT_EQ(f.code_to, "195");
  for (const char* bad : {"", "1-22", "195-190", "19a", "-", "12345", "19-", "1 9"}) {
    EXPECT_FALSE(ParseCodeRange(bad, &f).ok()) << bad;
  }
}

TEST(ParsePeriod, Names) {
  EXPECT_EQ(*ParsePeriod("week"), Period::kWeek);
  EXPECT_FALSE(ParsePeriod("year").ok());
}

TEST(OpenStoreReader, MissingSqliteFileIsNotFound) {
  auto r = OpenStoreReader(::testing::TempDir() + "/no-such-eventcoder.db");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("no-such-eventcoder.db"), std::string::npos);
}

TEST(PlotSvg, IsWellFormedWithBothSeriesAxesAndLegend) {
  std::vector<DayCount> days = {
      {"2026-02-14", 1, 3, 3, 10}, {"2026-02-14", 4, 1, 1, -10}, {"2026-02-16", 4, 5, 5, -50}};
  std::string svg = PlotSvg(Aggregate(days, Period::kDay), "ISR & <EGY>: events per day");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str())) << svg;
  pugi::xml_node root = doc.child("svg");
  ASSERT_TRUE(root);
  EXPECT_EQ(std::string(root.attribute("xmlns").value()), "http://www.w3.org/2000/svg");
  auto polylines = doc.select_nodes("//polyline");
  ASSERT_EQ(polylines.size(), 2u);
  // Three days (the empty 15th included): three points per line.
  std::string points = polylines[0].node().attribute("points").value();
  EXPECT_EQ(std::count(points.begin(), points.end(), ','), 3);
  EXPECT_NE(svg.find("ISR &amp; &lt;EGY&gt;: events per day"), std::string::npos);
  EXPECT_NE(svg.find("cooperation (quad 1-2)"), std::string::npos);
  EXPECT_NE(svg.find("conflict (quad 3-4)"), std::string::npos);
  EXPECT_NE(svg.find(">2026-02-15<"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);
}

TEST(PlotSvg, EmptyAndSinglePeriodCharts) {
  pugi::xml_document doc;
  std::string empty = PlotSvg({}, "nothing");
  ASSERT_TRUE(doc.load_string(empty.c_str()));
  EXPECT_NE(empty.find("no events match"), std::string::npos);
  std::vector<DayCount> one = {{"2026-02-14", 2, 1, 1, 1}};
  std::string single = PlotSvg(Aggregate(one, Period::kMonth), "one");
  ASSERT_TRUE(doc.load_string(single.c_str()));
  EXPECT_NE(single.find("<circle"), std::string::npos);
}

}  // namespace
}  // namespace eventcoder
