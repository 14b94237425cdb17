#include "read/date.h"

#include <gtest/gtest.h>

namespace eventcoder {
namespace {

TEST(ReadDateTest, ParsesBothForms) {
  StatusOr<int> a = ParseDate("2026-02-11");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(*a, 20260211);
  StatusOr<int> b = ParseDate("19950101");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, 19950101);
}

TEST(ReadDateTest, ChecksTheCalendar) {
  EXPECT_TRUE(ParseDate("2024-02-29").ok());   // leap year
  EXPECT_TRUE(ParseDate("2000-02-29").ok());   // divisible by 400
  EXPECT_FALSE(ParseDate("1900-02-29").ok());  // divisible by 100
  EXPECT_FALSE(ParseDate("2026-02-29").ok());
  EXPECT_FALSE(ParseDate("2026-02-30").ok());
  EXPECT_FALSE(ParseDate("2026-04-31").ok());
  EXPECT_TRUE(ParseDate("2026-12-31").ok());
  EXPECT_FALSE(ParseDate("2026-13-01").ok());
  EXPECT_FALSE(ParseDate("2026-00-10").ok());
  EXPECT_FALSE(ParseDate("2026-01-00").ok());
  EXPECT_FALSE(ParseDate("0000-01-01").ok());
}

TEST(ReadDateTest, RejectsOtherShapes) {
  for (const char* bad : {"", "2026-2-11", "2026/02/11", "20260211 ", "2026-02-1a", "202602111",
                          "tomorrow", "+2026-02-1", "2026-02-11T00"}) {
    StatusOr<int> d = ParseDate(bad);
    EXPECT_FALSE(d.ok()) << bad;
    if (!d.ok()) {
      EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(ReadDateTest, FormatDate) {
  EXPECT_EQ(FormatDate(20260211), "2026-02-11");
  EXPECT_EQ(FormatDate(19950101), "1995-01-01");
  EXPECT_EQ(FormatDate(10101), "0001-01-01");
  EXPECT_EQ(FormatDate(*ParseDate("1999-12-31")), "1999-12-31");
}

}  // namespace
}  // namespace eventcoder
