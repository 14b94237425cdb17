#include "dict/inflect.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>

namespace eventcoder::dict {
namespace {

using ExceptionMap = std::unordered_map<std::string, std::vector<std::string>>;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string WordNetDir() {
  const char* env = std::getenv("EVENTCODER_WORDNET_DIR");
  if (env != nullptr && env[0] != '\0') return env;
  return "/usr/share/wordnet";
}

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(std::move(s));
}

// Reads a WordNet *.exc file ("inflected base [base...]" per line) and inverts it to
// base -> inflected forms. A missing or unreadable file gives an empty map.
ExceptionMap LoadInvertedExceptions(const std::string& path, bool* loaded) {
  ExceptionMap map;
  std::ifstream in(path);
  *loaded = in.is_open();
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string inflected, base;
    if (!(fields >> inflected)) continue;
    if (inflected.find('_') != std::string::npos) continue;
    while (fields >> base) {
      if (base.find('_') != std::string::npos || base == inflected) continue;
      AddUnique(&map[Upper(base)], Upper(inflected));
    }
  }
  return map;
}

struct ExceptionTable {
  ExceptionMap map;
  bool loaded = false;
};

const ExceptionTable& VerbExceptions() {
  static const ExceptionTable* const table = [] {
    auto* t = new ExceptionTable;
    t->map = LoadInvertedExceptions(WordNetDir() + "/verb.exc", &t->loaded);
    return t;
  }();
  return *table;
}

const ExceptionTable& NounExceptions() {
  static const ExceptionTable* const table = [] {
    auto* t = new ExceptionTable;
    t->map = LoadInvertedExceptions(WordNetDir() + "/noun.exc", &t->loaded);
    return t;
  }();
  return *table;
}

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
bool IsLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool IsConsonant(char c) { return IsLetter(c) && !IsVowel(c); }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Vowel at i, treating the U of QU as a consonant.
bool VowelAt(std::string_view w, size_t i) {
  if (!IsVowel(w[i])) return false;
  if (w[i] == 'U' && i > 0 && w[i - 1] == 'Q') return false;
  return true;
}

// One-syllable consonant-vowel-consonant word whose final consonant doubles before
// -ED/-ING: STOP, BAN, STAB, QUIT. Not W, X, Y (SNOW, FIX, PLAY).
bool DoublesFinalConsonant(std::string_view w) {
  if (w.size() < 3) return false;
  for (char c : w) {
    if (!IsLetter(c)) return false;
  }
  const size_t n = w.size();
  const char last = w[n - 1];
  if (!IsConsonant(last) || last == 'W' || last == 'X' || last == 'Y') return false;
  if (!VowelAt(w, n - 2)) return false;
  if (VowelAt(w, n - 3)) return false;
  int groups = 0;
  bool in_group = false;
  for (size_t i = 0; i < n; ++i) {
    const bool v = VowelAt(w, i);
    if (v && !in_group) ++groups;
    in_group = v;
  }
  return groups == 1;
}

bool ConsonantY(std::string_view w) {
  return w.size() >= 2 && w.back() == 'Y' && IsConsonant(w[w.size() - 2]);
}

// Words ending in MAN where MAN is not "man": their plural is regular.
constexpr std::array<std::string_view, 16> kNotManWords = {
    "HUMAN",    "GERMAN",  "ROMAN",   "SHAMAN",    "OTTOMAN", "TALISMAN", "CAYMAN", "CAIMAN",
    "DOBERMAN", "BRAHMAN", "WALKMAN", "MUSSULMAN", "OMAN",    "AMMAN",    "FIRMAN", "CATAMARAN"};

}  // namespace

RegularVerbForms RegularVerbInflections(std::string_view base) {
  RegularVerbForms f;
  const std::string w(base);
  if (w.empty()) return f;
  const char last = w.back();
  const bool doubles = DoublesFinalConsonant(w);

  if (EndsWith(w, "S") || EndsWith(w, "X") || EndsWith(w, "Z") || EndsWith(w, "CH") ||
      EndsWith(w, "SH") || (last == 'O' && w.size() >= 2 && IsConsonant(w[w.size() - 2]))) {
    f.third_person = w + "ES";
  } else if (ConsonantY(w)) {
    f.third_person = w.substr(0, w.size() - 1) + "IES";
  } else {
    f.third_person = w + "S";
  }

  if (last == 'E') {
    f.past = w + "D";
  } else if (ConsonantY(w)) {
    f.past = w.substr(0, w.size() - 1) + "IED";
  } else if (doubles) {
    f.past = w + last + "ED";
  } else {
    f.past = w + "ED";
  }

  if (EndsWith(w, "IE")) {
    f.ing = w.substr(0, w.size() - 2) + "YING";
  } else if (last == 'E' && w.size() > 2 && !EndsWith(w, "EE") && !EndsWith(w, "OE") &&
             !EndsWith(w, "YE")) {
    f.ing = w.substr(0, w.size() - 1) + "ING";
  } else if (doubles) {
    f.ing = w + last + "ING";
  } else {
    f.ing = w + "ING";
  }
  return f;
}

const std::vector<std::string>& IrregularVerbForms(std::string_view base) {
  static const std::vector<std::string> kNone;
  const ExceptionMap& map = VerbExceptions().map;
  auto it = map.find(std::string(base));
  return it == map.end() ? kNone : it->second;
}

std::vector<std::string> VerbInflections(std::string_view base) {
  std::vector<std::string> out;
  if (base.empty()) return out;
  RegularVerbForms r = RegularVerbInflections(base);
  for (std::string* s : {&r.third_person, &r.past, &r.ing}) {
    if (*s != base) AddUnique(&out, std::move(*s));
  }
  for (const std::string& s : IrregularVerbForms(base)) {
    if (s != base) AddUnique(&out, s);
  }
  return out;
}

std::vector<std::vector<std::string>> InflectVerbPhrase(const std::vector<std::string>& words,
                                                        size_t head) {
  std::vector<std::vector<std::string>> out;
  if (head >= words.size()) return out;
  for (std::string& form : VerbInflections(words[head])) {
    std::vector<std::string> variant = words;
    variant[head] = std::move(form);
    out.push_back(std::move(variant));
  }
  return out;
}

std::vector<std::string> NounPlurals(std::string_view word) {
  std::vector<std::string> out;
  if (word.empty()) return out;
  const std::string w(word);
  const ExceptionMap& map = NounExceptions().map;
  if (auto it = map.find(w); it != map.end()) {
    for (const std::string& s : it->second) {
      if (s != w) AddUnique(&out, s);
    }
  }
  const bool not_man = std::find(kNotManWords.begin(), kNotManWords.end(), w) != kNotManWords.end();
  if (EndsWith(w, "MAN") && !not_man) {
    AddUnique(&out, w.substr(0, w.size() - 3) + "MEN");
    return out;
  }
  if (EndsWith(w, "SS") || EndsWith(w, "US") || EndsWith(w, "IS") || EndsWith(w, "X") ||
      EndsWith(w, "Z") || EndsWith(w, "CH") || EndsWith(w, "SH")) {
    AddUnique(&out, w + "ES");
  } else if (w.back() == 'S') {
    // Already plural (OFFICIALS, FORCES): no regular plural.
  } else if (ConsonantY(w)) {
    AddUnique(&out, w.substr(0, w.size() - 1) + "IES");
  } else {
    AddUnique(&out, w + "S");
  }
  return out;
}

std::vector<std::vector<std::string>> PluralPhrases(const std::vector<std::string>& words) {
  std::vector<std::vector<std::string>> out;
  if (words.empty()) return out;
  for (std::string& plural : NounPlurals(words.back())) {
    std::vector<std::string> phrase = words;
    phrase.back() = std::move(plural);
    out.push_back(std::move(phrase));
  }
  return out;
}

bool WordNetAvailable() { return VerbExceptions().loaded; }

}  // namespace eventcoder::dict
