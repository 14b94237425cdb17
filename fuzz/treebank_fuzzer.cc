// libFuzzer target: the Treebank reader (supplied <Parse> trees are untrusted input).
// A tree it accepts must be well formed: parents and children agree, every leaf has a
// word, WordRange stays in bounds, and ToBracketed output reads back with the same words.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "check.h"
#include "parse/tree.h"

using eventcoder::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace eventcoder;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto tree = ReadTreebank(text);
  if (!tree.ok()) return 0;
  const ParseTree& t = *tree;
  Check(!t.nodes.empty() && !t.words.empty(), "accepted an empty tree");
  Check(t.nodes.size() <= kMaxTreeNodes, "tree over kMaxTreeNodes");
  const int n = static_cast<int>(t.nodes.size());
  for (int i = 0; i < n; ++i) {
    const TreeNode& nd = t.nodes[i];
    Check(i == 0 ? nd.parent == -1 : (nd.parent >= 0 && nd.parent < i), "bad parent");
    for (int c : nd.children) Check(c > i && c < n && t.nodes[c].parent == i, "bad child");
    Check(nd.word < static_cast<int>(t.words.size()), "bad word index");
    auto [lo, hi] = t.WordRange(i);
    Check(0 <= lo && lo <= hi && hi <= static_cast<int>(t.words.size()), "bad WordRange");
  }
  std::string again = ToBracketed(t);
  // Unescaped bracket words ("-LRB-" -> "(") are printed as such: no round trip then.
  for (const TreeWord& w : t.words)
    if (w.text.find_first_of("()") != std::string::npos) return 0;
  auto reread = ReadTreebank(again);
  Check(reread.ok(), "ToBracketed output does not read back");
  Check(reread->words.size() == t.words.size(), "round trip changed the words");
  return 0;
}
