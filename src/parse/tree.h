// ParseTree: a constituency tree in Penn Treebank shape, the common input of the coding
// engine whether it came from a supplied <Parse> (ReadTreebank) or from our own shallow
// parser over raw text (text/shallow_parser.h).
//
// Nodes live in one vector; node 0 is the root. Leaves carry a word and its tag and index
// into `words`. Non-leaf labels are Treebank phrase tags with function suffixes removed
// ("NP-SBJ" -> "NP").
//
// Thread safety: a value type; build once, read from any thread.
#ifndef EVENTCODER_PARSE_TREE_H_
#define EVENTCODER_PARSE_TREE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace eventcoder {

struct TreeNode {
  std::string label;  // "NP", "VP", "NNP", ...
  int parent = -1;
  std::vector<int> children;  // in order
  int word = -1;              // for a leaf (preterminal): index into ParseTree::words
};

struct TreeWord {
  std::string text;  // as in the tree ("'s", "-LRB-" unescaped to "(")
  std::string norm;  // upper case
  std::string tag;   // the preterminal label
  size_t begin = 0;  // byte span in the story text when known (else 0,0)
  size_t end = 0;
};

struct ParseTree {
  std::vector<TreeNode> nodes;
  std::vector<TreeWord> words;

  bool IsLeaf(int n) const { return nodes[n].word >= 0; }
  // First and one-past-last word index covered by node n.
  std::pair<int, int> WordRange(int n) const;
};

// Limits for hostile input. Real parses of news sentences are under ~60 levels deep; the
// depth limit keeps supplied trees within what the coder's bounded walks expect.
inline constexpr size_t kMaxTreeNodes = 20000;
inline constexpr size_t kMaxTreeDepth = 250;

// Reads a bracketed Treebank string "(ROOT (S (NP (NNP Arnor)) ...))". Tolerates the
// formatting of real files (newlines, extra spaces, a missing ROOT) but not unbalanced
// brackets: those fail with InvalidArgument, as PETRARCH's "bad_input_parse" does, since a
// tree with a missing bracket codes the wrong clauses. Iterative. A tree with more than
// kMaxTreeNodes nodes or nested deeper than `max_depth` brackets fails with
// ResourceExhausted (our own parser's output is read with max_depth = kMaxTreeNodes).
StatusOr<ParseTree> ReadTreebank(std::string_view text, size_t max_depth = kMaxTreeDepth);

// Renders the tree back to one-line bracketed form (for debugging and explanations).
std::string ToBracketed(const ParseTree& tree, int node = 0);

}  // namespace eventcoder

#endif  // EVENTCODER_PARSE_TREE_H_
