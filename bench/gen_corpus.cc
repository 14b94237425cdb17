// gen_corpus: writes a synthetic, deterministic corpus of wire-style news stories in the
// eventcoder text format (see src/read/story_reader.h) for benchmarking.
//
//   gen_corpus --sentences N [--dict DIR] [--seed S] > corpus.txt
//
// Stories have a `date YYYY-MM-DD` line, `id:` and `source:` lines, and several paragraphs:
// a dateline lead ("DOHA, Feb 11 (Reuters) - ..."), reported statements, quotes, mixed
// sentence shapes, and many sentences with no event at all. Actor names, titles, agents
// and verbs come from the dictionaries in DIR (default: the project's dictionaries/), read
// at generation time, so the text exercises the real dictionaries. The output depends only
// on N, the seed and the dictionary files: the random generator is our own (splitmix64)
// and no <random> distribution (whose results vary between standard libraries) is used.
//
// Not part of the library: a benchmark tool (bench/run.sh).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#ifndef EVENTCODER_SOURCE_DIR
#define EVENTCODER_SOURCE_DIR "."
#endif

namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

 private:
  uint64_t s_;
};

struct Person {
  std::string name;   // "Hassan Rouhani"
  std::string title;  // "president", or ""
};

struct Vocabulary {
  std::vector<std::string> countries;   // "Afghanistan"
  std::vector<std::string> adjectives;  // "Afghan"
  std::vector<std::string> capitals;    // "KABUL" (datelines are upper case)
  std::vector<Person> people;
  std::vector<std::string> organisations;  // "United Nations"
  std::vector<std::string> agents;         // "government", "foreign minister"
  std::vector<std::string> verbs;          // past tense, lower case: "condemned"
  std::vector<std::string> verb_tails;     // pattern text after a verb: "to comment"
};

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// "AL-HAYYA_KHALIL" -> "Al-Hayya Khalil"; "U.N." stays upper case.
std::string TitleCase(std::string_view phrase) {
  std::string out;
  bool start = true;
  for (char c : phrase) {
    if (c == '_') c = ' ';
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      out += start ? static_cast<char>(std::toupper(u)) : static_cast<char>(std::tolower(u));
      start = false;
    } else {
      out += c;
      start = c == ' ' || c == '-';
    }
  }
  return out;
}

std::string Lower(std::string_view phrase) {
  std::string out;
  for (char c : phrase)
    out += c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsPlainPhrase(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isupper(u) || c == '_' || c == '-' || c == '.' || c == '\'')) return false;
  }
  return s.back() != '_';
}

// The head of a dictionary entry line: "NAME [CODE] # x" -> "NAME".
std::string EntryName(const std::string& line) {
  size_t e = line.find_first_of(" \t[#");
  return line.substr(0, e);
}

bool ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) lines->push_back(line);
  return true;
}

void LoadCountries(const std::string& path, Vocabulary* v) {
  std::vector<std::string> lines;
  if (!ReadLines(path, &lines)) return;
  for (const std::string& line : lines) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '+') {
      std::string name = EntryName(line.substr(1));
      if (!IsPlainPhrase(name)) continue;
      if (line.find("# capital") != std::string::npos) {
        v->capitals.push_back(Lower(name));
        for (char& c : v->capitals.back()) c = static_cast<char>(std::toupper(c));
      } else if (name.find('_') == std::string::npos && name.size() > 4 &&
                 (name.ends_with("AN") || name.ends_with("ESE") || name.ends_with("ISH") ||
                  name.ends_with("I"))) {
        v->adjectives.push_back(TitleCase(name));
      }
      continue;
    }
    if (!std::isupper(static_cast<unsigned char>(line[0]))) continue;
    std::string name = EntryName(line);
    if (IsPlainPhrase(name) && name.find("REPUBLIC") == std::string::npos)
      v->countries.push_back(TitleCase(name));
  }
}

void LoadPeople(const std::string& path, Vocabulary* v) {
  std::vector<std::string> lines;
  if (!ReadLines(path, &lines)) return;
  Person* last = nullptr;
  for (const std::string& line : lines) {
    if (line.empty() || line[0] == '#' || line[0] == '+') continue;
    if (line[0] == '\t' || line[0] == ' ') {
      // An office term: "\t[IRNGOV >19890603]   # supreme leader" gives the title.
      size_t hash = line.find('#');
      if (last != nullptr && last->title.empty() && hash != std::string::npos) {
        std::string title = Trim(std::string_view(line).substr(hash + 1));
        if (!title.empty() && title.size() < 30 && title.find('(') == std::string::npos &&
            title.find(',') == std::string::npos)
          last->title = title;
      }
      continue;
    }
    if (!std::isupper(static_cast<unsigned char>(line[0]))) continue;
    std::string name = EntryName(line);
    if (!IsPlainPhrase(name) || name.find('_') == std::string::npos) {
      last = nullptr;
      continue;
    }
    v->people.push_back({TitleCase(name), ""});
    last = &v->people.back();
  }
}

void LoadOrganisations(const std::string& path, Vocabulary* v) {
  std::vector<std::string> lines;
  if (!ReadLines(path, &lines)) return;
  for (const std::string& line : lines) {
    if (line.empty() || !std::isupper(static_cast<unsigned char>(line[0]))) continue;
    std::string name = EntryName(line);
    if (!IsPlainPhrase(name) || name.size() <= 3) continue;
    // Acronyms ("OSCE", "UNESCO") stay upper case.
    bool acronym = name.find('_') == std::string::npos && name.size() <= 6;
    v->organisations.push_back(acronym ? name : TitleCase(name));
  }
}

void LoadAgents(const std::string& path, Vocabulary* v) {
  std::vector<std::string> lines;
  if (!ReadLines(path, &lines)) return;
  for (const std::string& line : lines) {
    if (line.empty() || !std::isupper(static_cast<unsigned char>(line[0]))) continue;
    std::string name = EntryName(line);
    if (IsPlainPhrase(name) && line.find('[') != std::string::npos)
      v->agents.push_back(Lower(name));
  }
}

std::string PastTense(const std::string& verb) {
  if (verb.ends_with("E")) return verb + "D";
  if (verb.size() > 2 && verb.back() == 'Y' && !std::strchr("AEIOU", verb[verb.size() - 2]))
    return verb.substr(0, verb.size() - 1) + "IED";
  return verb + "ED";
}

void LoadVerbs(const std::string& path, Vocabulary* v) {
  std::vector<std::string> lines;
  if (!ReadLines(path, &lines)) return;
  bool in_block = false;
  for (const std::string& line : lines) {
    if (line.rfind("---", 0) == 0) {
      in_block = true;
      continue;
    }
    if (!in_block || line.empty()) continue;
    if (line.rfind("- ", 0) == 0) {
      // "- * TO_COMMENT [011]": a pattern tail without synsets or markers.
      size_t star = line.find("* ");
      size_t br = line.find('[');
      if (star == std::string::npos || br == std::string::npos || br < star) continue;
      std::string tail = Trim(std::string_view(line).substr(star + 2, br - star - 2));
      if (IsPlainPhrase(tail)) v->verb_tails.push_back(Lower(tail));
      continue;
    }
    if (!std::isupper(static_cast<unsigned char>(line[0]))) continue;
    std::string verb = EntryName(line);
    if (!IsPlainPhrase(verb) || verb.find('_') != std::string::npos) continue;
    size_t brace = line.find('{');
    std::string past;
    if (brace != std::string::npos) {
      size_t e = line.find_first_of(" }", brace + 1);
      past = line.substr(brace + 1, e - brace - 1);
      if (!past.ends_with("ED") && past.find("ING") != std::string::npos) past.clear();
    }
    if (past.empty() || past.find('_') != std::string::npos) past = PastTense(verb);
    v->verbs.push_back(Lower(past));
  }
}

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                             "Friday", "Saturday", "Sunday"};
const char* const kAgencies[] = {"Reuters", "AFP", "AP", "Wire"};
const char* const kSaid[] = {"said", "told reporters", "said in a statement",
                             "told a news conference", "said on state television"};
const char* const kNouns[] = {"talks",   "ceasefire", "agreement", "election", "budget",
                              "border",  "sanctions", "aid",       "economy",  "reforms",
                              "protest", "convoy",    "pipeline",  "summit",   "inflation"};
const char* const kPlaces[] = {"the capital", "the border region", "the north",
                               "the south",   "the port city",     "the disputed area"};
const char* const kQuotes[] = {
    "We will not accept any attempt to change the situation by force",
    "Every strike on our energy system is a strike on civilians",
    "This is a flagrant violation of the agreement",
    "The door to dialogue remains open",
    "We are ready to work with all parties",
    "Our position has not changed",
};

std::string Pick(Rng& r, const char* const* arr, size_t n) { return arr[r.Below(n)]; }
#define PICK(r, arr) Pick(r, arr, sizeof(arr) / sizeof(arr[0]))

class Generator {
 public:
  Generator(Vocabulary v, uint64_t seed) : v_(std::move(v)), r_(seed) {}

  std::string Actor() {
    switch (r_.Below(6)) {
      case 0:
        return r_.Pick(v_.countries);
      case 1:
        return r_.Pick(v_.adjectives) + " " + r_.Pick(v_.agents);
      case 2: {
        const Person& p = r_.Pick(v_.people);
        if (!p.title.empty() && r_.Chance(60)) return TitleCase(p.title) + " " + p.name;
        return p.name;
      }
      case 3:
        return r_.Pick(v_.organisations);
      case 4:
        return r_.Pick(v_.countries) + "'s " + r_.Pick(v_.agents);
      default:
        return "the " + r_.Pick(v_.adjectives) + " " + r_.Pick(v_.agents);
    }
  }

  std::string Day() { return kDays[r_.Below(7)]; }

  std::string EventSentence() {
    std::string s = Actor() + " " + r_.Pick(v_.verbs) + " " + Actor();
    if (r_.Chance(30) && !v_.verb_tails.empty()) s += " " + r_.Pick(v_.verb_tails);
    if (r_.Chance(50)) s += " on " + Day();
    if (r_.Chance(30)) s += " in " + TitleCase(r_.Pick(v_.capitals));
    return s;
  }

  std::string Sentence() {
    std::string s;
    switch (r_.Below(10)) {
      case 0:
      case 1:
      case 2:
        s = EventSentence();
        break;
      case 3:
        s = EventSentence() + ", " + Actor() + " " + PICK(r_, kSaid);
        break;
      case 4:
        s = "\xE2\x80\x9C" + std::string(PICK(r_, kQuotes)) + ",\xE2\x80\x9D " +
            r_.Pick(v_.people).name + " said";
        break;
      case 5:
        s = "The " + PICK(r_, kNouns) + " was expected to resume next week, according to " +
            "officials in " + PICK(r_, kPlaces);
        break;
      case 6:
        s = "Prices rose " + std::to_string(1 + r_.Below(12)) + " percent in the " +
            (r_.Chance(50) ? "third" : "second") + " quarter, the statistics office said";
        break;
      case 7:
        s = "Thousands of people gathered in " + std::string(PICK(r_, kPlaces)) + " on " + Day() +
            " as temperatures fell below freezing";
        break;
      case 8:
        s = "The " + PICK(r_, kNouns) + " and the " + PICK(r_, kNouns) +
            " remain the main issues, analysts say, and no date has been set for the next round";
        break;
      default:
        s = "It was not immediately clear whether the " + PICK(r_, kNouns) + " would go ahead";
        break;
    }
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + ".";
  }

  // Writes one story with at most `budget` sentences; returns the number written.
  size_t Story(size_t budget, size_t index, std::string* out) {
    int year = 2018 + static_cast<int>((index / 336) % 8);
    int month = static_cast<int>((index / 28) % 12) + 1;
    int day = static_cast<int>(index % 28) + 1;
    char buf[64];
    std::snprintf(buf, sizeof buf, "date %04d-%02d-%02d\n", year, month, day);
    *out += buf;
    *out += "id: bench-" + std::to_string(index) + "\n";
    *out += "source: " + std::string(PICK(r_, kAgencies)) + "\n\n";
    size_t want = std::min(budget, 4 + r_.Below(12));
    size_t written = 0;
    bool lead = true;
    while (written < want) {
      size_t in_par = std::min(want - written, 1 + r_.Below(3));
      for (size_t i = 0; i < in_par; ++i) {
        if (i > 0) *out += ' ';
        if (lead) {
          std::snprintf(buf, sizeof buf, "%s, %s %d (%s) - ", r_.Pick(v_.capitals).c_str(),
                        kMonths[month - 1], day, PICK(r_, kAgencies).c_str());
          *out += buf;
          std::string s = EventSentence() + ", " + Actor() + " " + PICK(r_, kSaid) + ".";
          s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
          *out += s;
          lead = false;
        } else {
          *out += Sentence();
        }
        ++written;
      }
      *out += "\n\n";
    }
    return written;
  }

 private:
  Vocabulary v_;
  Rng r_;
};

}  // namespace

int main(int argc, char** argv) {
  size_t sentences = 10000;
  std::string dict = std::string(EVENTCODER_SOURCE_DIR) + "/dictionaries";
  uint64_t seed = 20260211;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--sentences" && i + 1 < argc) {
      sentences = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--dict" && i + 1 < argc) {
      dict = argv[++i];
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: gen_corpus --sentences N [--dict DIR] [--seed S]\n");
      return 2;
    }
  }
  Vocabulary v;
  LoadCountries(dict + "/actors/countries.txt", &v);
  for (const char* f : {"people_g20", "people_mena", "people_fsu_africa", "people_nonstate"})
    LoadPeople(dict + "/actors/" + f + ".txt", &v);
  LoadOrganisations(dict + "/actors/organisations.txt", &v);
  LoadAgents(dict + "/agents.txt", &v);
  LoadVerbs(dict + "/verbs.txt", &v);
  if (v.countries.empty() || v.adjectives.empty() || v.capitals.empty() || v.people.empty() ||
      v.organisations.empty() || v.agents.empty() || v.verbs.empty()) {
    std::fprintf(stderr, "gen_corpus: cannot read the dictionaries under %s\n", dict.c_str());
    return 1;
  }
  Generator g(std::move(v), seed);
  std::string out;
  size_t done = 0;
  for (size_t story = 0; done < sentences; ++story) {
    done += g.Story(sentences - done, story, &out);
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
