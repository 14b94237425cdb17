// Coder::IsDiscarded over a parse tree (the words' norms, not copied) gives the same answer
// as over a list of words, including for words that only look like a discard's first word
// to the coder's quick first-word filter.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dict/dict_reader.h"
#include "match/coder.h"

namespace eventcoder {
namespace {

std::shared_ptr<const CompiledDictionary> Dict() {
  dict::Dictionary d;
  std::vector<std::string> warnings;
  EXPECT_TRUE(
      dict::ReadDiscards("+WORLD_CUP_QUALIFIER\nHAT-TRICK\nGRAND_PRIX\n", "d.txt", &d, &warnings)
          .ok());
  EXPECT_TRUE(warnings.empty());
  return std::make_shared<const CompiledDictionary>(std::move(d));
}

ParseTree TreeOf(const std::vector<std::string>& norms) {
  ParseTree t;
  t.nodes.push_back(TreeNode{"ROOT", -1, {}, -1});
  for (const auto& n : norms) {
    t.nodes[0].children.push_back(static_cast<int>(t.nodes.size()));
    t.nodes.push_back(TreeNode{"NN", 0, {}, static_cast<int>(t.words.size())});
    t.words.push_back(TreeWord{n, n, "NN", 0, 0});
  }
  return t;
}

struct Case {
  std::vector<std::string> words;
  bool discarded;
  bool story_level;
};

TEST(CoderDiscard, TreeAndWordListAgree) {
  Coder coder(Dict(), CoderOptions());
  const std::vector<Case> cases = {
      {{"THE", "WORLD", "CUP", "QUALIFIER", "ENDED"}, true, true},
      {{"A", "HAT-TRICK"}, true, false},
      {{"HAT-TRICK"}, true, false},
      {{"THE", "GRAND", "PRIX", "AND", "THE", "WORLD", "CUP", "QUALIFIER"}, true, true},
      // Same first letter, last letter and length as a discard's first word: past the
      // quick filter, still not a discard.
      {{"WOULD", "CUP", "QUALIFIER"}, false, false},
      {{"GRAND"}, false, false},  // the phrase does not fit
      {{"WORLD", "CUP"}, false, false},
      {{"GRAND", "SLAM"}, false, false},
      {{""}, false, false},
      {{}, false, false},
  };
  for (const Case& c : cases) {
    bool story_words = true, story_tree = true;
    const bool by_words = coder.IsDiscarded(c.words, &story_words);
    const bool by_tree = coder.IsDiscarded(TreeOf(c.words), &story_tree);
    std::string what;
    for (const auto& w : c.words) what += w + " ";
    EXPECT_EQ(by_words, c.discarded) << what;
    EXPECT_EQ(by_tree, c.discarded) << what;
    EXPECT_EQ(story_words, c.story_level) << what;
    EXPECT_EQ(story_tree, c.story_level) << what;
  }
}

}  // namespace
}  // namespace eventcoder
