// Limits of the Treebank reader on hostile supplied parses.
#include <gtest/gtest.h>

#include <string>

#include "parse/tree.h"

namespace eventcoder {
namespace {

std::string Nested(size_t depth) {
  std::string t;
  for (size_t i = 0; i < depth; ++i) t += "(NP ";
  t += "(NN x)";
  t += std::string(depth, ')');
  return t;
}

TEST(TreeLimitsTest, TreeDeeperThanTheLimitIsRejected) {
  auto deep = ReadTreebank(Nested(kMaxTreeDepth + 10));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(deep.status().message().find("deeper than 250 levels"), std::string::npos)
      << deep.status().message();
}

TEST(TreeLimitsTest, TreeAtTheLimitIsRead) {
  // kMaxTreeDepth - 1 NPs plus the preterminal: kMaxTreeDepth open brackets.
  auto ok = ReadTreebank(Nested(kMaxTreeDepth - 1));
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->words.size(), 1u);
}

TEST(TreeLimitsTest, CallerMayAllowDeeperTrees) {
  auto ok = ReadTreebank(Nested(1000), kMaxTreeNodes);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
}

TEST(TreeLimitsTest, TooManyNodesIsRejected) {
  std::string t = "(ROOT (S";
  for (size_t i = 0; i < kMaxTreeNodes; ++i) t += " (NN x)";
  t += "))";
  auto big = ReadTreebank(t);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace eventcoder
