// gen_countries: writes dictionaries/actors/countries.txt, the PETRARCH actors file of every
// ISO 3166-1 country and territory, from
//   * Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-1.json): alpha_3, name,
//     official_name, common_name;
//   * dictionaries/src/capitals.txt: the capital (and other seats) of each code, coded as
//     the bare country (metonymy: "Tehran said ..." is IRN);
//   * dictionaries/src/country_extras.txt: short forms, demonyms, adjectives and press
//     names, and "-NAME" lines that drop an ambiguous generated name.
// libgeonames has no notion of a capital (it lists cities with population and country
// only), so capitals are our own hand-written table.
//
// Usage: gen_countries ISO_JSON CAPITALS EXTRAS OUT
// Exit status 0 on success; 1 (with messages on stderr) when an input cannot be read or
// parsed, an extras/capitals line names an unknown code, or one name would code two
// different countries (the output is then not written).
//
// Name handling: ISO "Iran, Islamic Republic of" becomes "Islamic Republic of Iran";
// "Virgin Islands, British" becomes "British Virgin Islands"; otherwise only the part
// before the comma is kept ("Taiwan, Province of China" -> "Taiwan"). A trailing
// parenthesis gives a second name ("Holy See (Vatican City State)"), except "(... part)".
// A leading "the" is dropped. Names are upper-cased as the tokenizer does (NormalizeToken,
// so "Côte" is "CÔTE"), with an ASCII-folded twin ("COTE") and "ST." twins of "SAINT".
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "text/sentence.h"
#include "text/tokenizer.h"

namespace {

struct Country {
  std::string code;
  std::string iso_name;
  std::vector<std::string> names;     // dictionary phrases, '_'-joined, in output order
  std::vector<std::string> capitals;  // likewise
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Tokenizes `text` as the coder tokenizes a sentence and joins the token norms with '_'.
// Possessive tokens ("'S", "'") are dropped, as the coder drops them from noun phrases
// ("People's Republic" is PEOPLE_REPUBLIC), and so is a final "." token (after "D.C.").
std::string Phrase(const std::string& text) {
  std::string spaced = text;
  std::replace(spaced.begin(), spaced.end(), '_', ' ');
  eventcoder::Sentence s;
  s.begin = 0;
  s.end = spaced.size();
  eventcoder::Tokenize(spaced, &s);
  if (!s.tokens.empty() && s.tokens.back().norm == ".") s.tokens.pop_back();
  std::string out;
  for (const eventcoder::Token& t : s.tokens) {
    if (t.norm == "'S" || t.norm == "'") continue;
    if (!out.empty()) out += '_';
    out += t.norm;
  }
  return out;
}

// ASCII twin of an upper-case phrase with Latin-1 letters (UTF-8 C3 xx); "" if none.
std::string Fold(const std::string& p) {
  static const char* kMap[] = {"A", "A", "A", "A", "A", "A", "AE", "C", "E",  "E", "E",
                               "E", "I", "I", "I", "I", "D", "N",  "O", "O",  "O", "O",
                               "O", "",  "O", "U", "U", "U", "U",  "Y", "TH", "SS"};
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < p.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == 0xC3 && i + 1 < p.size()) {
      unsigned char d = static_cast<unsigned char>(p[i + 1]);
      if (d >= 0x80 && d <= 0x9F) {
        out += kMap[d - 0x80];
        ++i;
        changed = true;
        continue;
      }
    }
    out += p[i];
  }
  return changed ? out : "";
}

// Turns one ISO name into readable English names (see the header comment).
std::vector<std::string> NamesFromIso(std::string s) {
  std::vector<std::string> out;
  size_t lp = s.find(" (");
  if (lp != std::string::npos) {
    size_t rp = s.find(')', lp);
    if (rp != std::string::npos) {
      std::string inner = s.substr(lp + 2, rp - lp - 2);
      bool at_end = rp + 1 == s.size();
      s = Trim(s.substr(0, lp) + s.substr(rp + 1));
      if (at_end && inner.find(" part") == std::string::npos) out.push_back(inner);
    }
  }
  size_t comma = s.find(", ");
  if (comma != std::string::npos) {
    std::string head = s.substr(0, comma), tail = s.substr(comma + 2);
    bool ends_of = tail.size() >= 3 &&
                   (tail.compare(tail.size() - 3, 3, " of") == 0 ||
                    (tail.size() >= 7 && tail.compare(tail.size() - 7, 7, " of the") == 0));
    if (ends_of || tail.find(' ') == std::string::npos)
      s = tail + " " + head;
    else
      s = head;
  }
  out.insert(out.begin(), s);
  for (std::string& n : out) {
    if (n.rfind("the ", 0) == 0 || n.rfind("The ", 0) == 0) n = n.substr(4);
  }
  return out;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

struct ListLine {
  int line;
  std::string code;
  std::vector<std::string> items;
};

// "CODE: item, item  # comment" lines; "" code on malformed lines is reported by caller.
bool ReadList(const std::string& path, std::vector<ListLine>* out) {
  std::string text;
  if (!ReadFile(path, &text)) {
    std::cerr << path << ": cannot read\n";
    return false;
  }
  std::istringstream in(text);
  std::string raw;
  int n = 0;
  bool ok = true;
  while (std::getline(in, raw)) {
    ++n;
    std::string line = raw.substr(0, raw.find('#'));
    line = Trim(line);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string::npos || colon != 3) {
      std::cerr << path << ":" << n << ": expected \"CODE: name, name\": " << raw << "\n";
      ok = false;
      continue;
    }
    ListLine l{n, line.substr(0, 3), {}};
    std::string rest = line.substr(colon + 1);
    size_t start = 0;
    while (start <= rest.size()) {
      size_t c = rest.find(',', start);
      if (c == std::string::npos) c = rest.size();
      std::string item = Trim(rest.substr(start, c - start));
      if (!item.empty()) l.items.push_back(item);
      start = c + 1;
    }
    out->push_back(std::move(l));
  }
  return ok;
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (s.empty()) return;
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
}

// The name and its ASCII and "ST." twins.
void AddWithTwins(std::vector<std::string>* v, const std::string& p) {
  std::vector<std::string> forms{p};
  if (std::string f = Fold(p); !f.empty()) forms.push_back(f);
  size_t n = forms.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string& f = forms[i];
    if (f.rfind("SAINT_", 0) == 0) forms.push_back("ST._" + f.substr(6));
  }
  for (const std::string& f : forms) AddUnique(v, f);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: gen_countries ISO_3166-1.json CAPITALS EXTRAS OUT\n";
    return 1;
  }
  const std::string iso_path = argv[1], cap_path = argv[2], extra_path = argv[3],
                    out_path = argv[4];
  std::string json_text;
  if (!ReadFile(iso_path, &json_text)) {
    std::cerr << iso_path << ": cannot read\n";
    return 1;
  }
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.contains("3166-1") || !j["3166-1"].is_array()) {
    std::cerr << iso_path << ": not an iso-codes 3166-1 file\n";
    return 1;
  }
  std::vector<Country> countries;
  std::map<std::string, size_t> by_code;
  for (const auto& e : j["3166-1"]) {
    if (!e.contains("alpha_3") || !e.contains("name")) continue;
    Country c;
    c.code = e["alpha_3"].get<std::string>();
    c.iso_name = e["name"].get<std::string>();
    std::vector<std::string> raw;
    for (const char* key : {"common_name", "name", "official_name"})
      if (e.contains(key) && e[key].is_string())
        for (const std::string& n : NamesFromIso(e[key].get<std::string>())) raw.push_back(n);
    for (const std::string& n : raw) AddWithTwins(&c.names, Phrase(n));
    by_code[c.code] = countries.size();
    countries.push_back(std::move(c));
  }

  std::vector<ListLine> extras, capitals;
  bool ok = ReadList(extra_path, &extras);
  ok &= ReadList(cap_path, &capitals);
  std::map<std::string, std::set<std::string>> dropped;
  for (const ListLine& l : extras) {
    auto it = by_code.find(l.code);
    if (it == by_code.end()) {
      std::cerr << extra_path << ":" << l.line << ": unknown ISO code " << l.code << "\n";
      ok = false;
      continue;
    }
    Country& c = countries[it->second];
    for (const std::string& item : l.items) {
      if (item[0] == '-') {
        dropped[c.code].insert(Phrase(item.substr(1)));
        continue;
      }
      std::string base = item;
      bool plural = base.size() > 3 && base.compare(base.size() - 3, 3, "(S)") == 0;
      if (plural) base = base.substr(0, base.size() - 3);
      AddWithTwins(&c.names, Phrase(base));
      if (plural) AddWithTwins(&c.names, Phrase(base + "S"));
    }
  }
  for (const ListLine& l : capitals) {
    auto it = by_code.find(l.code);
    if (it == by_code.end()) {
      std::cerr << cap_path << ":" << l.line << ": unknown ISO code " << l.code << "\n";
      ok = false;
      continue;
    }
    Country& c = countries[it->second];
    for (const std::string& item : l.items) {
      std::vector<std::string> forms;
      AddWithTwins(&forms, Phrase(item));
      for (const std::string& f : forms)
        if (std::find(c.names.begin(), c.names.end(), f) == c.names.end())
          AddUnique(&c.capitals, f);
    }
  }
  // Drops, then one code per name.
  std::map<std::string, std::string> owner;
  for (Country& c : countries) {
    const auto& drop = dropped[c.code];
    auto gone = [&](const std::string& n) { return drop.count(n) > 0; };
    c.names.erase(std::remove_if(c.names.begin(), c.names.end(), gone), c.names.end());
    c.capitals.erase(std::remove_if(c.capitals.begin(), c.capitals.end(), gone), c.capitals.end());
    if (c.names.empty()) {
      std::cerr << c.code << ": every name was dropped\n";
      ok = false;
    }
    for (const auto* list : {&c.names, &c.capitals})
      for (const std::string& n : *list) {
        auto [it, fresh] = owner.emplace(n, c.code);
        if (!fresh && it->second != c.code) {
          std::cerr << "name " << n << " would code both " << it->second << " and " << c.code
                    << "; drop it from one with -NAME in " << extra_path << "\n";
          ok = false;
        }
      }
  }
  if (!ok) return 1;

  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << out_path << ": cannot write\n";
    return 1;
  }
  out << "# GENERATED FILE - do not edit by hand. Regenerate with `make dicts`.\n"
         "#\n"
         "# Every ISO 3166-1 country and territory (Debian iso-codes, iso_3166-1.json), coded\n"
         "# with its alpha-3 code: ISO names (\"Iran, Islamic Republic of\" read as \"Islamic\n"
         "# Republic of Iran\"), official and common names, then short forms, demonyms and\n"
         "# adjectives from dictionaries/src/country_extras.txt, then capitals (metonyms:\n"
         "# \"Tehran said\" codes IRN) from dictionaries/src/capitals.txt. Written by\n"
         "# tools/gen/gen_countries.cc (CMake target gen_countries). Edit those two data\n"
         "# files, not this one; ambiguous names left out are listed there.\n"
         "# Territories the news names on their own (Gaza, Crimea, Kosovo, ...) are in\n"
         "# territories.txt; code conventions are in dictionaries/README.md.\n";
  for (const Country& c : countries) {
    out << "\n# " << c.code << " " << c.iso_name << "\n";
    out << c.names[0] << " [" << c.code << "]\n";
    for (size_t i = 1; i < c.names.size(); ++i) out << "+" << c.names[i] << "\n";
    for (const std::string& cap : c.capitals) out << "+" << cap << "  # capital\n";
  }
  out.close();
  if (!out) {
    std::cerr << out_path << ": write failed\n";
    return 1;
  }
  std::cerr << "gen_countries: " << countries.size() << " countries written to " << out_path
            << "\n";
  return 0;
}
