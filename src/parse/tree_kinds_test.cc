// LabelKind / TagKind: what the tree builders record so that the coder need not compare
// label and tag strings.
#include <gtest/gtest.h>

#include "parse/tree.h"

namespace eventcoder {
namespace {

TEST(TreeKindsTest, LabelKindOfKnownAndOtherLabels) {
  EXPECT_EQ(LabelKindOf("NP"), LabelKind::kNP);
  EXPECT_EQ(LabelKindOf("SBAR"), LabelKind::kSBAR);
  EXPECT_EQ(LabelKindOf(","), LabelKind::kComma);
  EXPECT_EQ(LabelKindOf("NNPS"), LabelKind::kNNPS);
  EXPECT_EQ(LabelKindOf("DT"), LabelKind::kDT);
  EXPECT_EQ(LabelKindOf("ADJP"), LabelKind::kOther);
  EXPECT_EQ(LabelKindOf("NP-SBJ"), LabelKind::kOther);  // labels are cleaned first
  EXPECT_EQ(LabelKindOf(""), LabelKind::kOther);
}

TEST(TreeKindsTest, TagKindOfVerbsAndPunctuation) {
  EXPECT_EQ(TagKindOf("VB"), TagKind::kVerb);
  EXPECT_EQ(TagKindOf("VBZ"), TagKind::kVerb);
  EXPECT_EQ(TagKindOf("VBD"), TagKind::kVBNorVBD);
  EXPECT_EQ(TagKindOf("VBN"), TagKind::kVBNorVBD);
  EXPECT_EQ(TagKindOf("VBN-X"), TagKind::kVerb);
  EXPECT_EQ(TagKindOf("NNP"), TagKind::kProper);
  EXPECT_EQ(TagKindOf("NNPS"), TagKind::kProper);
  EXPECT_EQ(TagKindOf("POS"), TagKind::kPOS);
  EXPECT_EQ(TagKindOf("CD"), TagKind::kCD);
  EXPECT_EQ(TagKindOf(","), TagKind::kComma);
  EXPECT_EQ(TagKindOf("."), TagKind::kPeriod);
  EXPECT_EQ(TagKindOf("NN"), TagKind::kOther);
  EXPECT_EQ(TagKindOf(""), TagKind::kOther);
}

TEST(TreeKindsTest, ReadTreebankRecordsKinds) {
  auto t = ReadTreebank(
      "(ROOT (S (NP-SBJ (NNP Arnor) (POS 's) (NN army)) (VP (VBD attacked) "
      "(NP (CD 2)) stray) (, ,) (. .)))");
  ASSERT_TRUE(t.ok());
  for (const TreeNode& n : t->nodes) {
    EXPECT_NE(n.kind, LabelKind::kUnset) << n.label;
    EXPECT_EQ(n.kind, LabelKindOf(n.label)) << n.label;
  }
  for (const TreeWord& w : t->words) {
    EXPECT_NE(w.tag_kind, TagKind::kUnset) << w.tag;
    EXPECT_EQ(w.tag_kind, TagKindOf(w.tag)) << w.tag;
  }
  EXPECT_EQ(t->nodes[2].kind, LabelKind::kNP);  // "NP-SBJ" cleaned to "NP"
  // A node built by hand has no recorded kind: readers look at the strings.
  EXPECT_EQ(TreeNode{}.kind, LabelKind::kUnset);
  EXPECT_EQ(TreeWord{}.tag_kind, TagKind::kUnset);
}

}  // namespace
}  // namespace eventcoder
