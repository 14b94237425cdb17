#include "event/cameo.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#ifndef EVENTCODER_SHARED_DIR
#define EVENTCODER_SHARED_DIR "../shared"
#endif

namespace eventcoder {
namespace {

TEST(CameoTest, KnownCodes) {
  const CameoCode* c = LookupCameo("010");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->code, "010");
  EXPECT_EQ(c->name, "Make statement");
  EXPECT_EQ(c->root(), "01");
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_DOUBLE_EQ(c->goldstein, 0.0);

  const CameoCode* root = LookupCameo("01");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->name, "Make public statement");

  const CameoCode* meet = LookupCameo("044");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->plover, "CONSULT");
  EXPECT_DOUBLE_EQ(meet->goldstein, 2.5);
  EXPECT_FALSE(meet->description.empty());

  const CameoCode* air = LookupCameo("195");
  ASSERT_NE(air, nullptr);
  EXPECT_EQ(air->quad_class, 4);
  EXPECT_DOUBLE_EQ(air->goldstein, -10.0);

  const CameoCode* arrest = LookupCameo("173");
  ASSERT_NE(arrest, nullptr);
  EXPECT_DOUBLE_EQ(arrest->goldstein, -5.0);
  EXPECT_EQ(arrest->plover, "COERCE");

  // The standard scale wins over the ICEWS codebook where they differ.
  EXPECT_DOUBLE_EQ(Goldstein("016"), -2.0);
  EXPECT_DOUBLE_EQ(Goldstein("164"), -7.0);
  EXPECT_DOUBLE_EQ(Goldstein("0874"), 10.0);
  EXPECT_DOUBLE_EQ(Goldstein("204"), -10.0);
  EXPECT_DOUBLE_EQ(Goldstein("057"), 8.0);
  EXPECT_NE(LookupCameo("1213"), nullptr);
}

TEST(CameoTest, TableIsSortedCompleteAndConsistent) {
  std::span<const CameoCode> all = AllCameoCodes();
  EXPECT_EQ(all.size(), 312u);
  std::set<std::string_view> roots;
  for (size_t i = 0; i < all.size(); ++i) {
    const CameoCode& c = all[i];
    if (i > 0) {
      EXPECT_LT(all[i - 1].code, c.code);
    }
    EXPECT_TRUE(IsCameoShaped(c.code)) << c.code;
    EXPECT_EQ(c.quad_class, QuadClass(c.code)) << c.code;
    EXPECT_EQ(RootOf(c.code), c.root());
    EXPECT_FALSE(c.name.empty()) << c.code;
    EXPECT_GE(c.goldstein, -10.0);
    EXPECT_LE(c.goldstein, 10.0);
    EXPECT_EQ(LookupCameo(c.code), &c);
    if (c.code.size() == 2) roots.insert(c.code);
    for (std::string_view s : {c.name, c.label, c.description, c.notes, c.plover}) {
      for (char ch : s) EXPECT_TRUE(ch >= 0x20 && ch < 0x7f) << c.code;
    }
  }
  EXPECT_EQ(roots.size(), 20u);
}

TEST(CameoTest, QuadClassesByRoot) {
  EXPECT_EQ(QuadClass("010"), 1);
  EXPECT_EQ(QuadClass("057"), 1);
  EXPECT_EQ(QuadClass("0233"), 1);
  EXPECT_EQ(QuadClass("06"), 2);
  EXPECT_EQ(QuadClass("0871"), 2);
  EXPECT_EQ(QuadClass("090"), 3);
  EXPECT_EQ(QuadClass("139"), 3);
  EXPECT_EQ(QuadClass("141"), 4);
  EXPECT_EQ(QuadClass("204"), 4);
  EXPECT_EQ(RootOf("0211"), "02");
  EXPECT_EQ(RootOf("190"), "19");
}

TEST(CameoTest, NonCameoCodesDoNotCrash) {
  for (std::string_view bad : {"903", "075A", "def", "", "0", "00", "21", "210", "99999", "-01",
                               "01 ", " 010", "\xff\xfe", "---", "0345x"}) {
    EXPECT_EQ(LookupCameo(bad), nullptr) << bad;
    EXPECT_EQ(QuadClass(bad), 0) << bad;
    EXPECT_EQ(RootOf(bad), "") << bad;
    EXPECT_FALSE(IsValidGoldstein(Goldstein(bad))) << bad;
    EXPECT_EQ(LookupCameoOrParent(bad), nullptr) << bad;
  }
  std::string with_nul("01\0", 3);
  EXPECT_EQ(LookupCameo(with_nul), nullptr);
  EXPECT_EQ(QuadClass(with_nul), 0);
}

TEST(CameoTest, FourDigitFallsBackToParent) {
  EXPECT_EQ(LookupCameo("0345"), nullptr);
  ASSERT_NE(LookupCameoOrParent("0345"), nullptr);
  EXPECT_EQ(LookupCameoOrParent("0345")->code, "034");
  EXPECT_DOUBLE_EQ(Goldstein("0345"), Goldstein("034"));
  EXPECT_EQ(QuadClass("0345"), 1);
  // A 3-digit code not in the table falls back to its root.
  EXPECT_EQ(LookupCameo("099"), nullptr);
  EXPECT_DOUBLE_EQ(Goldstein("099"), Goldstein("09"));
  EXPECT_TRUE(IsValidGoldstein(Goldstein("099")));
}

// Cross-check every weight against the reference scale when it is available.
TEST(CameoTest, MatchesReferenceGoldsteinScale) {
  std::ifstream in(std::string(EVENTCODER_SHARED_DIR) +
                   "/reference/cameo/CAMEO.goldsteinscale.txt");
  if (!in) GTEST_SKIP() << "reference scale not available";
  std::string line;
  std::getline(in, line);  // header
  int n = 0;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string code = line.substr(0, tab);
    double w = std::stod(line.substr(tab + 1));
    const CameoCode* c = LookupCameo(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_DOUBLE_EQ(c->goldstein, w) << code;
    ++n;
  }
  EXPECT_EQ(n, 311);
}

}  // namespace
}  // namespace eventcoder
