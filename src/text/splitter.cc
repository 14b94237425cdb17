#include "text/splitter.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace eventcoder {
namespace {

enum class AbbrevKind { kNone, kTitle, kMonth, kOther };

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]);
    unsigned char y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool InList(std::string_view w, const std::string_view* list, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (IEquals(w, list[i])) return true;
  }
  return false;
}

// Titles precede a name: never sentence-final.
constexpr std::string_view kTitles[] = {
    "mr",   "mrs",  "ms",   "dr",   "gen",  "lt",   "col", "maj", "capt", "cpt",    "sgt",
    "adm",  "brig", "cmdr", "cdr",  "gov",  "sen",  "rep", "rev", "prof", "st",     "messrs",
    "hon",  "pres", "amb",  "supt", "insp", "mt",   "ft",  "cpl", "pvt",  "lieut",  "gens",
    "sens", "reps", "mme",  "mlle", "msgr", "fr",   "sr",  "jr",  "no",   "nos",    "vol",
    "fig",  "art",  "sec",  "dept", "ave",  "blvd", "rd",  "op",  "cf",   "approx",
};
constexpr std::string_view kMonths[] = {"jan", "feb", "mar",  "apr", "jun", "jul",
                                        "aug", "sep", "sept", "oct", "nov", "dec"};
// Others that may also end a sentence ("... of Acme Inc. The ...").
constexpr std::string_view kOthers[] = {"inc", "corp", "co",  "ltd", "bros", "vs",   "etc",
                                        "plc", "llc",  "est", "al",  "ca",   "govt", "intl"};

// Function words that commonly start a sentence: used to decide whether a period after an
// ambiguous abbreviation ("U.S.", "Inc.") ends the sentence.
constexpr std::string_view kStarters[] = {
    "the",       "a",         "an",      "he",        "she",   "it",      "they",      "we",
    "i",         "you",       "this",    "that",      "these", "those",   "there",     "his",
    "her",       "its",       "their",   "our",       "but",   "and",     "or",        "so",
    "yet",       "in",        "on",      "at",        "as",    "after",   "before",    "when",
    "while",     "if",        "however", "meanwhile", "also",  "earlier", "later",     "since",
    "although",  "though",    "for",     "with",      "by",    "from",    "what",      "who",
    "why",       "how",       "where",   "some",      "many",  "most",    "all",       "both",
    "officials", "police",    "one",     "during",    "under", "among",   "according", "last",
    "no",        "thousands", "several"};

// Abbreviation look-up on packed keys: a word of at most 7 bytes, ASCII letters lower-cased,
// packed little-endian into a uint64_t with its length in the top byte (so "no" and "no\0"
// differ). Every listed abbreviation is 1..6 letters; longer words are never abbreviations.
constexpr uint64_t PackKey(std::string_view w) {
  uint64_t k = static_cast<uint64_t>(w.size()) << 56;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    k |= static_cast<uint64_t>(c) << (8 * i);
  }
  return k;
}

// The three lists in one open-addressing hash table of packed keys (82 keys, 256 slots, so
// probes are short). A key in several lists keeps the kind of the first, as the lists were
// searched titles, months, others.
struct AbbrevTable {
  std::array<uint64_t, 256> keys{};  // 0: empty (a packed key always has its length byte)
  std::array<AbbrevKind, 256> kinds{};
};

constexpr size_t AbbrevSlot(uint64_t key) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 56);
}

constexpr AbbrevTable kAbbrevTable = [] {
  AbbrevTable t{};
  auto add = [&t](std::string_view w, AbbrevKind kind) {
    uint64_t k = PackKey(w);
    size_t h = AbbrevSlot(k);
    while (t.keys[h] != 0) {
      if (t.keys[h] == k) return;
      h = (h + 1) & 255;
    }
    t.keys[h] = k;
    t.kinds[h] = kind;
  };
  for (std::string_view w : kTitles) add(w, AbbrevKind::kTitle);
  for (std::string_view w : kMonths) add(w, AbbrevKind::kMonth);
  for (std::string_view w : kOthers) add(w, AbbrevKind::kOther);
  return t;
}();

AbbrevKind ClassifyAbbrev(std::string_view w) {
  if (w.empty() || w.size() > 7) return AbbrevKind::kNone;
  uint64_t k = PackKey(w);
  for (size_t h = AbbrevSlot(k); kAbbrevTable.keys[h] != 0; h = (h + 1) & 255) {
    if (kAbbrevTable.keys[h] == k) return kAbbrevTable.kinds[h];
  }
  return AbbrevKind::kNone;
}

// ' ', '\t', '\n', '\r', '\f', '\v' (as isspace in the "C" locale), by table.
constexpr auto kSpaceByte = [] {
  std::array<bool, 256> c{};
  for (int b : {' ', '\t', '\n', '\r', '\f', '\v'}) c[static_cast<size_t>(b)] = true;
  return c;
}();
bool IsSpace(unsigned char c) { return kSpaceByte[c]; }
bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(unsigned char c) { return IsLower(c) || IsUpper(c); }

// Length of a closing quote/bracket at text[i], or 0.
size_t CloserLength(std::string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') return 1;
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if (d == 0x9D || d == 0x99) return 3;  // ” ’
  }
  return 0;
}

// The next word (letters only) starting at i.
std::string_view WordAt(std::string_view t, size_t i) {
  size_t j = i;
  while (j < t.size() && IsAlpha(static_cast<unsigned char>(t[j]))) ++j;
  return t.substr(i, j - i);
}

bool IsStarter(std::string_view w) { return InList(w, kStarters, std::size(kStarters)); }

}  // namespace

bool IsKnownAbbreviation(std::string_view word) {
  return ClassifyAbbrev(word) != AbbrevKind::kNone;
}

namespace {

// Bytes the splitter stops at inside a sentence: terminators and '\n' (a blank line ends a
// paragraph). Everything else is skipped 16 bytes at a time.
constexpr auto kStopByte = [] {
  std::array<bool, 256> c{};
  for (int b : {'.', '?', '!', '\n'}) c[static_cast<size_t>(b)] = true;
  return c;
}();

// Bytes that end the word before a period, scanning backwards: white space and ( " [.
constexpr auto kWordStop = [] {
  std::array<bool, 256> c{};
  for (int b : {' ', '\t', '\n', '\r', '\f', '\v', '(', '"', '['}) c[static_cast<size_t>(b)] = true;
  return c;
}();

// The first i' >= i with t[i'] in kStopByte, or t.size().
size_t NextStop(std::string_view t, size_t i) {
  const size_t n = t.size();
#if defined(__SSE2__)
  const char* p = t.data();
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
    i += 16;
  }
#endif
  while (i < n && !kStopByte[static_cast<unsigned char>(t[i])]) ++i;
  return i;
}

// The splitter proper: calls emit(begin, end) for each sentence, in order. A sentence opens
// at its first non-space byte; inside it only terminators and newlines need a look, and
// its last non-space byte is found backwards from where it closes.
template <typename Emit>
void SplitImpl(std::string_view t, Emit&& emit) {
  const size_t n = t.size();
  size_t start = n;  // n: no sentence open
  auto close = [&](size_t end) {
    if (start < end) emit(start, end);
    start = n;
  };
  // One past the last non-space byte of the open sentence before i (t[start] is not space).
  auto content_end = [&](size_t i) {
    while (i > start && IsSpace(static_cast<unsigned char>(t[i - 1]))) --i;
    return i;
  };
  size_t i = 0;
  while (i < n) {
    if (start == n) {
      while (i < n && IsSpace(static_cast<unsigned char>(t[i]))) ++i;
      if (i >= n) break;
      start = i;
    }
    i = NextStop(t, i);
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\n') {
      size_t j = i + 1;
      while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) ++j;
      if (j < n && t[j] == '\n') {
        close(content_end(i));
        i = j + 1;
        continue;
      }
      ++i;
      continue;
    }
    // A run of terminators, then closing quotes/brackets.
    size_t k = i + 1;
    while (k < n && (t[k] == '.' || t[k] == '?' || t[k] == '!')) ++k;
    const size_t term_end = k;
    bool has_closer = false;
    while (k < n) {
      size_t len = CloserLength(t, k);
      if (len == 0) break;
      k += len;
      has_closer = true;
    }
    const size_t end = k;
    if (end < n && !IsSpace(static_cast<unsigned char>(t[end]))) {
      // "11.8", "U.S.-led", "a.m.": not a boundary; continue after the run.
      i = end;
      continue;
    }
    size_t next = end;
    while (next < n && IsSpace(static_cast<unsigned char>(t[next]))) ++next;
    if (next >= n) {
      close(end);
      i = next;
      continue;
    }
    unsigned char nc = static_cast<unsigned char>(t[next]);
    bool boundary = true;
    if (IsLower(nc) || nc == ',' || nc == ';' || nc == ':' || nc == ')' || nc == '%') {
      boundary = false;
    } else if (c == '.' && term_end == i + 1 && !has_closer) {
      // The word before the period, and whether it has a period of its own.
      size_t b = i;
      bool has_inner_period = false;
      while (b > start && !kWordStop[static_cast<unsigned char>(t[b - 1])]) {
        --b;
        has_inner_period |= t[b] == '.';
      }
      std::string_view w = t.substr(b, i - b);
      AbbrevKind kind = ClassifyAbbrev(w);
      // The next word, looked at only after an abbreviation.
      auto starter_follows = [&] { return IsStarter(WordAt(t, next)); };
      if (kind == AbbrevKind::kTitle) {
        // "No." and "St." may end a sentence only before a clear sentence starter.
        boundary = (IEquals(w, "no") || IEquals(w, "st")) && !IsDigit(nc) && starter_follows();
        if (IEquals(w, "sr") || IEquals(w, "jr")) boundary = starter_follows();
      } else if (kind == AbbrevKind::kMonth) {
        boundary = !IsDigit(nc) && starter_follows();
      } else if (kind == AbbrevKind::kOther || has_inner_period) {
        boundary = starter_follows();
      } else if (w.size() == 1 && IsUpper(static_cast<unsigned char>(w[0]))) {
        boundary = false;  // an initial: "George W. Bush"
      }
    }
    if (boundary) {
      close(end);
      i = next;
    } else {
      i = end;
    }
  }
  if (start < n) close(content_end(n));
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view t) {
  std::vector<Sentence> out;
  SplitImpl(t, [&out](size_t begin, size_t end) {
    Sentence& s = out.emplace_back();
    s.begin = begin;
    s.end = end;
  });
  return out;
}

void SplitSentenceSpans(std::string_view story_text, std::vector<Span>* out) {
  out->clear();
  SplitImpl(story_text, [out](size_t begin, size_t end) { out->push_back({begin, end}); });
}

}  // namespace eventcoder
