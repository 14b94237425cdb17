// Test-only helpers: a minimal Penn Treebank bracket reader and loaders for the PETRARCH
// validation files (<Parse> elements). Not part of the library; included by *_test.cc.
//
// ReadTree gives the labelled spans (constituents) of a tree in token positions and its
// leaves as (tag, word).
#ifndef EVENTCODER_TEXT_TREEBANK_TESTING_H_
#define EVENTCODER_TEXT_TREEBANK_TESTING_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "parse/tree.h"

namespace eventcoder::testing {

struct Constituent {
  std::string label;
  size_t begin = 0, end = 0;  // token span [begin, end)
};

struct Tree {
  std::vector<std::string> words;
  std::vector<std::string> tags;
  std::vector<Constituent> constituents;  // phrase nodes only (not preterminals)
  bool ok = false;
};

// Parses one bracketed tree with the library's reader (parse/tree.h). ok is false if the
// brackets do not balance.
inline Tree ReadTree(std::string_view s) {
  Tree t;
  auto parsed = ReadTreebank(s);
  if (!parsed.ok()) return t;
  for (const auto& w : parsed->words) {
    t.words.push_back(w.text);
    t.tags.push_back(w.tag);
  }
  for (size_t n = 0; n < parsed->nodes.size(); ++n) {
    const auto& node = parsed->nodes[n];
    if (node.word >= 0 || node.label.empty() || node.label == "ROOT") continue;
    auto [a, b] = parsed->WordRange(static_cast<int>(n));
    if (b > a)
      t.constituents.push_back({node.label, static_cast<size_t>(a), static_cast<size_t>(b)});
  }
  t.ok = !t.words.empty();
  return t;
}

// All <Parse> bodies in a PETRARCH records file.
inline std::vector<std::string> LoadParses(const std::string& path) {
  std::vector<std::string> out;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  std::string text;
  char buf[1 << 15];
  size_t k;
  while ((k = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, k);
  std::fclose(f);
  size_t pos = 0;
  while ((pos = text.find("<Parse>", pos)) != std::string::npos) {
    size_t e = text.find("</Parse>", pos);
    if (e == std::string::npos) break;
    out.push_back(text.substr(pos + 7, e - pos - 7));
    pos = e;
  }
  return out;
}

// Undoes Treebank escapes in a leaf word.
inline std::string UnescapeLeaf(const std::string& w) {
  if (w == "-LRB-") return "(";
  if (w == "-RRB-") return ")";
  if (w == "-LCB-") return "{";
  if (w == "-RCB-") return "}";
  if (w == "``" || w == "''") return "\"";
  return w;
}

}  // namespace eventcoder::testing

#endif  // EVENTCODER_TEXT_TREEBANK_TESTING_H_
