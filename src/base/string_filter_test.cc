#include "base/string_filter.h"

#include <gtest/gtest.h>

#include <string>

namespace eventcoder {
namespace {

TEST(StringFilterTest, EmptyContainsNothing) {
  StringFilter f;
  EXPECT_TRUE(f.empty());
  EXPECT_FALSE(f.MayContain(""));
  EXPECT_FALSE(f.MayContain("GAZA"));
}

TEST(StringFilterTest, EveryAddedKeyIsFoundAndFewOthersAre) {
  StringFilter f;
  f.Reset(5000);
  for (int i = 0; i < 5000; ++i) f.Add("KEY" + std::to_string(i));
  for (int i = 0; i < 5000; ++i) EXPECT_TRUE(f.MayContain("KEY" + std::to_string(i))) << i;
  int false_positives = 0;
  for (int i = 0; i < 10000; ++i) false_positives += f.MayContain("OTHER" + std::to_string(i));
  EXPECT_LT(false_positives, 300);  // ~1% expected at 16 bits per key
}

TEST(StringFilterTest, ResetForgets) {
  StringFilter f;
  f.Add("KYIV");
  EXPECT_TRUE(f.MayContain("KYIV"));
  f.Reset(10);
  EXPECT_FALSE(f.MayContain("KYIV"));
}

}  // namespace
}  // namespace eventcoder
