#include "parse/tree.h"

#include <cctype>

namespace eventcoder {

namespace {

std::string Unescape(std::string_view w) {
  if (w == "-LRB-" || w == "-LCB-" || w == "-LSB-") return "(";
  if (w == "-RRB-" || w == "-RCB-" || w == "-RSB-") return ")";
  return std::string(w);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string CleanLabel(std::string_view l) {
  if (l.size() > 1 && l[0] == '-') return std::string(l);  // -LRB-, -NONE-
  size_t cut = l.find_first_of("-=");
  if (cut != std::string_view::npos && cut > 0) l = l.substr(0, cut);
  return std::string(l);
}

}  // namespace

LabelKind LabelKindOf(std::string_view l) {
  using K = LabelKind;
  if (l == "NP") return K::kNP;
  if (l == "VP") return K::kVP;
  if (l == "S") return K::kS;
  if (l == "SBAR") return K::kSBAR;
  if (l == "PP") return K::kPP;
  if (l == "POS") return K::kPOS;
  if (l == "CC") return K::kCC;
  if (l == ",") return K::kComma;
  if (l == "WHNP") return K::kWHNP;
  if (l == "NN") return K::kNN;
  if (l == "NNS") return K::kNNS;
  if (l == "NNP") return K::kNNP;
  if (l == "NNPS") return K::kNNPS;
  if (l == "NML") return K::kNML;
  if (l == "NX") return K::kNX;
  if (l == "JJ") return K::kJJ;
  if (l == "JJR") return K::kJJR;
  if (l == "JJS") return K::kJJS;
  if (l == "DT") return K::kDT;
  return K::kOther;
}

TagKind TagKindOf(std::string_view t) {
  using K = TagKind;
  if (t == "VBN" || t == "VBD") return K::kVBNorVBD;
  if (t.size() >= 2 && t[0] == 'V' && t[1] == 'B') return K::kVerb;
  if (t == "POS") return K::kPOS;
  if (t == "CD") return K::kCD;
  if (t == ",") return K::kComma;
  if (t == ".") return K::kPeriod;
  if (t == "NNP" || t == "NNPS") return K::kProper;
  return K::kOther;
}

std::pair<int, int> ParseTree::WordRange(int n) const {
  int lo = -1, hi = -1;
  // Iterative walk down the leftmost and rightmost spines.
  int a = n;
  while (a >= 0 && nodes[a].word < 0)
    a = nodes[a].children.empty() ? -1 : nodes[a].children.front();
  int b = n;
  while (b >= 0 && nodes[b].word < 0) b = nodes[b].children.empty() ? -1 : nodes[b].children.back();
  if (a >= 0) lo = nodes[a].word;
  if (b >= 0) hi = nodes[b].word + 1;
  if (lo < 0 || hi < 0) return {0, 0};
  return {lo, hi};
}

StatusOr<ParseTree> ReadTreebank(std::string_view text, size_t max_depth) {
  ParseTree tree;
  {
    long depth = 0;
    for (char c : text) {
      if (c == '(')
        ++depth;
      else if (c == ')' && --depth < 0)
        break;
    }
    if (depth != 0) return Status::InvalidArgument("unbalanced parse: '(' and ')' do not pair up");
  }
  std::vector<int> stack;
  size_t i = 0, n = text.size();
  auto skip_space = [&] {
    while (i < n && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  };
  auto read_atom = [&]() -> std::string_view {
    size_t s = i;
    while (i < n && text[i] != '(' && text[i] != ')' &&
           !std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
    return text.substr(s, i - s);
  };
  bool done = false;
  while (!done) {
    skip_space();
    if (i >= n) break;
    char c = text[i];
    if (c == '(') {
      ++i;
      skip_space();
      std::string_view label = read_atom();
      skip_space();
      if (tree.nodes.size() >= kMaxTreeNodes)
        return Status::ResourceExhausted("parse tree has more than " +
                                         std::to_string(kMaxTreeNodes) + " nodes");
      if (stack.size() >= max_depth)
        return Status::ResourceExhausted("parse tree nests deeper than " +
                                         std::to_string(max_depth) + " levels");
      int id = static_cast<int>(tree.nodes.size());
      TreeNode node;
      node.label = label.empty() ? std::string("ROOT") : CleanLabel(label);
      node.kind = LabelKindOf(node.label);
      node.parent = stack.empty() ? -1 : stack.back();
      // A preterminal: "(TAG word)".
      if (i < n && text[i] != '(' && text[i] != ')') {
        std::string_view word = read_atom();
        skip_space();
        // Words may themselves contain brackets in odd files: take up to the ')'.
        TreeWord w;
        w.text = Unescape(word);
        w.norm = Upper(w.text);
        w.tag = std::string(label);
        w.tag_kind = TagKindOf(w.tag);
        node.word = static_cast<int>(tree.words.size());
        tree.words.push_back(std::move(w));
      }
      if (node.parent >= 0)
        tree.nodes[node.parent].children.push_back(id);
      else if (!tree.nodes.empty()) {
        // A second top-level tree: attach to the first root.
        node.parent = 0;
        tree.nodes[0].children.push_back(id);
      }
      tree.nodes.push_back(std::move(node));
      stack.push_back(id);
    } else if (c == ')') {
      ++i;
      if (stack.empty()) {
        // Surplus closing bracket at the end: tolerate only trailing ones.
        skip_space();
        while (i < n && text[i] == ')') {
          ++i;
          skip_space();
        }
        if (i < n) return Status::InvalidArgument("unbalanced parse: extra ')'");
        done = true;
        break;
      }
      stack.pop_back();
    } else {
      // A bare word outside brackets: attach as an X leaf to the open node.
      std::string_view word = read_atom();
      if (word.empty()) {
        ++i;
        continue;
      }
      if (stack.empty()) return Status::InvalidArgument("parse has text outside brackets");
      int id = static_cast<int>(tree.nodes.size());
      TreeNode node;
      node.label = "X";
      node.kind = LabelKind::kOther;
      node.parent = stack.back();
      node.word = static_cast<int>(tree.words.size());
      TreeWord w;
      w.text = Unescape(word);
      w.norm = Upper(w.text);
      w.tag = "X";
      w.tag_kind = TagKind::kOther;
      tree.words.push_back(std::move(w));
      tree.nodes[node.parent].children.push_back(id);
      tree.nodes.push_back(std::move(node));
    }
  }
  if (tree.nodes.empty()) return Status::InvalidArgument("empty parse");
  if (tree.words.empty()) return Status::InvalidArgument("parse has no words");
  return tree;
}

std::string ToBracketed(const ParseTree& tree, int node) {
  std::string out;
  // Iterative: (node, next child index).
  std::vector<std::pair<int, size_t>> st{{node, 0}};
  while (!st.empty()) {
    auto& [id, k] = st.back();
    const TreeNode& nd = tree.nodes[id];
    if (k == 0) {
      if (!out.empty() && out.back() != '(') out += ' ';
      out += '(' + nd.label;
      if (nd.word >= 0) out += ' ' + tree.words[nd.word].text;
    }
    if (k < nd.children.size()) {
      int child = nd.children[k++];
      st.push_back({child, 0});
    } else {
      out += ')';
      st.pop_back();
    }
  }
  return out;
}

}  // namespace eventcoder
