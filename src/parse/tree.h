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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace eventcoder {

// The labels the coding engine asks about, so that it can test a node's label without
// comparing strings. Both tree builders (ReadTreebank, the shallow parser) set
// TreeNode::kind to LabelKindOf(label); kUnset, the default (a tree built by hand), means
// "not known: look at the label string".
enum class LabelKind : uint8_t {
  kUnset = 0,
  kOther,  // any label not listed here
  kNP,
  kVP,
  kS,
  kSBAR,
  kPP,
  kPOS,
  kCC,
  kComma,  // ","
  kWHNP,
  kNN,
  kNNS,
  kNNP,
  kNNPS,
  kNML,
  kNX,
  kJJ,
  kJJR,
  kJJS,
  kDT,
  kNumKinds
};
// The kind of an (already cleaned) label; never kUnset.
LabelKind LabelKindOf(std::string_view label);

// Likewise for a word's tag (TreeWord::tag_kind = TagKindOf(tag), set by both builders;
// kUnset = look at the tag string).
enum class TagKind : uint8_t {
  kUnset = 0,
  kOther,
  kVerb,      // starts with "VB", other than "VBN" and "VBD"
  kVBNorVBD,  // "VBN" or "VBD"
  kPOS,       // "POS"
  kCD,        // "CD"
  kComma,     // ","
  kPeriod,    // "."
  kProper,    // "NNP" or "NNPS"
  kNumKinds
};
// The kind of a tag; never kUnset.
TagKind TagKindOf(std::string_view tag);

struct TreeNode {
  std::string label;  // "NP", "VP", "NNP", ...
  int parent = -1;
  std::vector<int> children;           // in order
  int word = -1;                       // for a leaf (preterminal): index into ParseTree::words
  LabelKind kind = LabelKind::kUnset;  // LabelKindOf(label) when set (see LabelKind)
};

struct TreeWord {
  std::string text;  // as in the tree ("'s", "-LRB-" unescaped to "(")
  std::string norm;  // upper case
  std::string tag;   // the preterminal label
  size_t begin = 0;  // byte span in the story text when known (else 0,0)
  size_t end = 0;
  TagKind tag_kind = TagKind::kUnset;  // TagKindOf(tag) when set (see TagKind)
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
