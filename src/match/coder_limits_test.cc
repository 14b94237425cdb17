// The coder's per-sentence pattern-matching budget: once a sentence has spent it, no more
// patterns match there and verbs code with their own codes, so hostile dictionaries and
// sentences cannot make one sentence take unbounded time.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "dict/dict_reader.h"
#include "match/coder.h"

namespace eventcoder {
namespace {

// MEET [040] with a cheap pattern that codes 042 for any target, preceded (it has more
// literal words, so it is tried first) by near-miss patterns of 31 "^" that end in a word
// that never occurs after 31 noun phrases ("Rohan" comes first): each costs on the order of
// a million steps on a long verb phrase. (A word that occurs nowhere in the verb phrase
// would not do: such patterns are ruled out without a search.)
std::shared_ptr<const CompiledDictionary> Dict(int near_misses) {
  std::string verbs = "--- MEET [040] ---\nMEET {MET}\n";
  for (int i = 0; i < near_misses; ++i) {
    verbs += "- *";
    for (int k = 0; k < 31; ++k) verbs += " ^";
    verbs += " ROHAN [041]\n";
  }
  verbs += "- * + [042]\n";
  dict::Dictionary d;
  std::vector<std::string> warnings;
  EXPECT_TRUE(dict::ReadActors("GONDOR [GON]\nROHAN [ROH]\n", "a.txt", &d, &warnings).ok());
  EXPECT_TRUE(dict::ReadVerbs(verbs, "v.txt", &d, &warnings).ok());
  EXPECT_TRUE(warnings.empty());
  return std::make_shared<const CompiledDictionary>(std::move(d));
}

// "Gondor met Rohan hills hills ...": a flat verb phrase with `n` more noun phrases.
ParseTree Tree(int n) {
  std::string t = "(ROOT (S (NP (NNP Gondor)) (VP (VBD met) (NP (NNP Rohan))";
  for (int i = 0; i < n; ++i) t += " (NP (NNS hills))";
  t += ") (. .)))";
  auto tree = ReadTreebank(t);
  EXPECT_TRUE(tree.ok()) << tree.status().message();
  return *tree;
}

std::string CodeOf(const Coder& coder, const ParseTree& tree) {
  auto events = coder.CodeTree(tree, 20260211);
  return events.size() == 1 ? events[0].code : "events: " + std::to_string(events.size());
}

TEST(CoderLimitsTest, PatternsMatchWithinTheBudget) {
  Coder coder(Dict(5), CoderOptions{});
  EXPECT_EQ(CodeOf(coder, Tree(10)), "042");
}

TEST(CoderLimitsTest, SpentBudgetFallsBackToTheVerbCode) {
  Coder coder(Dict(400), CoderOptions{});
  // 295 noun phrases after the verb: the near misses spend the sentence's budget before
  // the cheap pattern is tried, so MEET codes its own 040.
  EXPECT_EQ(CodeOf(coder, Tree(295)), "040");
  // The budget is per sentence: the next sentence matches again.
  EXPECT_EQ(CodeOf(coder, Tree(10)), "042");
}

TEST(CoderLimitsTest, AnEmptyTreeCodesNothing) {
  Coder coder(Dict(1), CoderOptions{});
  StoryContext context;
  CodingTrace trace;
  EXPECT_TRUE(coder.CodeTree(ParseTree{}, 20260211, &context, &trace).empty());
  EXPECT_TRUE(context.referents.empty());
}

// A sentence whose words the dictionary does not know at all still codes its actors for
// the story (pronouns of later sentences), with no verb to code.
TEST(CoderLimitsTest, ActorsAreRememberedWithoutAnyKnownVerb) {
  Coder coder(Dict(1), CoderOptions{});
  auto tree = ReadTreebank("(ROOT (S (NP (NNP Gondor)) (VP (VBD slept)) (. .)))");
  ASSERT_TRUE(tree.ok());
  StoryContext context;
  EXPECT_TRUE(coder.CodeTree(*tree, 20260211, &context).empty());
  ASSERT_EQ(context.referents.size(), 1u);
  EXPECT_EQ(context.referents[0].code, "GON");
}

}  // namespace
}  // namespace eventcoder
