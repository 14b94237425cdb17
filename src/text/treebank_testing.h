// Test-only helpers: a minimal Penn Treebank bracket reader and loaders for the PETRARCH
// validation files (<Parse> elements). Not part of the library; included by *_test.cc.
//
// ReadTree parses "(ROOT (S (NP (NNP Arnor)) ...))" without recursion. Labelled spans
// (constituents) are reported in token positions; leaves give (tag, word).
#ifndef EVENTCODER_TEXT_TREEBANK_TESTING_H_
#define EVENTCODER_TEXT_TREEBANK_TESTING_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

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

// Parses one bracketed tree. ok is false if brackets do not balance.
inline Tree ReadTree(std::string_view s) {
  Tree t;
  struct Open {
    std::string label;
    size_t begin;
    bool has_child;
  };
  std::vector<Open> stack;
  size_t i = 0;
  const size_t n = s.size();
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (i < n) {
    char c = s[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '(') {
      ++i;
      size_t j = i;
      while (j < n && !is_space(s[j]) && s[j] != '(' && s[j] != ')') ++j;
      std::string label(s.substr(i, j - i));
      i = j;
      while (i < n && is_space(s[i])) ++i;
      if (i < n && s[i] != '(' && s[i] != ')') {  // preterminal: (TAG word)
        size_t k = i;
        while (k < n && s[k] != ')') ++k;
        std::string word(s.substr(i, k - i));
        while (!word.empty() && is_space(word.back())) word.pop_back();
        t.tags.push_back(label);
        t.words.push_back(word);
        if (!stack.empty()) stack.back().has_child = true;
        i = k + 1;
      } else {
        if (!stack.empty()) stack.back().has_child = true;
        stack.push_back({label, t.words.size(), false});
      }
    } else if (c == ')') {
      ++i;
      if (stack.empty()) return t;
      Open o = stack.back();
      stack.pop_back();
      if (!o.label.empty() && o.label != "ROOT" && t.words.size() > o.begin) {
        size_t dash = o.label.find_first_of("-=", 1);
        t.constituents.push_back({dash == std::string::npos ? o.label : o.label.substr(0, dash),
                                  o.begin, t.words.size()});
      }
    } else {
      ++i;  // stray text
    }
  }
  t.ok = stack.empty() && !t.words.empty();
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
