#include "locate/locator.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace eventcoder {

namespace {

// ---- Dates ----

// Days since 1970-01-01 for a Gregorian date (Howard Hinnant's algorithm).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int CivilFromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  return static_cast<int>(y * 10000 + m * 100 + d);
}

bool ValidYmd(int ymd) {
  int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  // The day exists in that month (proleptic Gregorian calendar).
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kMonthDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

long ToDays(int ymd) { return DaysFromCivil(ymd / 10000, ymd / 100 % 100, ymd % 100); }

// 0 = Monday .. 6 = Sunday.
int Weekday(long days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

// The month and day in the year that puts it closest before (or within a month after)
// `reference`; 0 when the day does not exist.
int DateNear(int month, int day, int reference) {
  int year = reference / 10000;
  int ymd = year * 10000 + month * 100 + day;
  bool valid = ValidYmd(ymd);
  if (valid && ToDays(ymd) - ToDays(reference) > 31) {
    ymd -= 10000;
    valid = ValidYmd(ymd);
  }
  return valid ? ymd : 0;
}

// The month (1..12) a lower-case word names ("feb", "sept", "february"); 0 for none.
int MonthOf(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::string_view kFull[] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
  if (w.size() < 3 || w.size() > 9) return 0;
  for (int i = 0; i < 12; ++i) {
    if (w == kFull[i] || w == kMonths[i] || (i == 8 && w == "sept")) return i + 1;
  }
  return 0;
}

// 0 = Monday .. 6 = Sunday for a lower-case weekday name; -1 for none.
int WeekdayOf(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  if (w.size() < 6 || w.size() > 9) return -1;
  for (int i = 0; i < 7; ++i)
    if (w == kDays[i]) return i;
  return -1;
}

int DayNumber(std::string_view w) {
  // "11", "11th", "1st"
  size_t i = 0;
  int v = 0;
  while (i < w.size() && i < 2 && std::isdigit(static_cast<unsigned char>(w[i]))) {
    v = v * 10 + (w[i] - '0');
    ++i;
  }
  if (i == 0) return 0;
  std::string_view rest = w.substr(i);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  return v >= 1 && v <= 31 ? v : 0;
}

// ---- Words ----

struct Word {
  size_t begin = 0, end = 0;
  std::string_view lower;  // the word's bytes, ASCII lower-cased (in a WordScan's buffer)
  bool cap = false;        // starts with an upper-case letter (or a non-ASCII letter)
  bool ascii = false;      // every byte is ASCII
};

// The words of a range and the buffer their `lower` views point into; reused (one per
// thread and caller) so that scanning a sentence allocates nothing once warm.
struct WordScan {
  std::string lower;                           // text[begin, end) lower-cased
  std::vector<Word> buf;                       // words()'s storage; only grows
  std::vector<uint64_t> word_bits, high_bits;  // Words' bitsets over the range's bytes
  size_t count = 0;
  size_t begin = 0, n = 0;  // the range scanned: text[begin, begin + n)
  bool any_high = false;    // some byte of the range is not ASCII
  std::span<const Word> words() const { return {buf.data(), count}; }
};

// Curly quotes and dashes (U+2018/2019/201C/201D/2013/2014) separate words.
bool IsPunctAt(std::string_view t, size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(t[i + 2]) >= 0x90 &&
          static_cast<unsigned char>(t[i + 2]) <= 0x9F);
}

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Fills scan->words with the words of text[begin, end), or the first of them: at most
// max_words, and none after the first that begins at or after byte stop_at (the same
// words as far as they go). Views stay valid until the next call with the same
// scan.
//
// A word is a run of word bytes (ASCII letters and digits, every byte >= 0x80) not
// broken by a curly quote or dash (IsPunctAt, whose three bytes separate words); a word
// whose second byte is a period followed by an ASCII letter ("U.S") runs on past the
// period. The range is classified 16 bytes at a time (with SSE2 where available) into two
// bitsets (word bytes, non-ASCII bytes) while its lower-case copy is written; the words
// are then read off the bitsets' runs of ones.
template <bool kLimited>
void ExtendWords(std::string_view text, WordScan* scan, size_t max_words, size_t stop_at);

void Words(std::string_view text, size_t begin, size_t end, WordScan* scan,
           size_t max_words = SIZE_MAX, size_t stop_at = SIZE_MAX) {
  scan->count = 0;
  scan->begin = begin;
  scan->n = 0;
  end = std::min(end, text.size());
  if (end <= begin) return;
  const size_t n = end - begin;
  scan->n = n;
  const unsigned char* t = reinterpret_cast<const unsigned char*>(text.data());
  // Words are separated by at least one byte: at most n / 2 + 1 of them.
  if (scan->buf.size() < n / 2 + 1) scan->buf.resize(n / 2 + 1);
  // The lower-case copy is written 16 bytes at a time, up to 15 bytes past n.
  if (scan->lower.size() < n + 16) scan->lower.resize(n + 16);
  char* lo = scan->lower.data();
  // One spare zero word, so that a run of ones always ends inside the bitsets.
  const size_t nwords = n / 64 + 2;
  if (scan->word_bits.size() < nwords) {
    scan->word_bits.resize(nwords);
    scan->high_bits.resize(nwords);
  }
  uint64_t* wb = scan->word_bits.data();
  uint64_t* hb = scan->high_bits.data();
#if defined(__SSE2__)
  const __m128i k_letter_bias = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i k_letter_limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i k_digit_bias = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i k_digit_limit = _mm_set1_epi8(static_cast<char>(-128 + 10));
  const __m128i k_upper_bias = _mm_set1_epi8(static_cast<char>(0x80 - 'A'));
  const __m128i k_case = _mm_set1_epi8(0x20);
  const __m128i k_e2 = _mm_set1_epi8(static_cast<char>(0xE2));
#endif
  uint32_t any_high = 0;
  uint32_t kill = 0;  // bits of separator bytes (curly quotes, dashes) in this chunk and the next
  for (size_t k = 0; k < n; k += 16) {
    // Bit b of each mask is about byte begin + k + b: a word byte, a non-ASCII byte, 0xE2.
    uint32_t word, high, e2;
#if defined(__SSE2__)
    __m128i v;
    if (begin + k + 16 <= text.size()) {
      v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + begin + k));
    } else {
      alignas(16) unsigned char tail[16] = {};
      std::memcpy(tail, t + begin + k, text.size() - begin - k);
      v = _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
    }
    // Signed compares after a bias test unsigned ranges: (c | 0x20) in 'a'..'z', c in
    // '0'..'9', c in 'A'..'Z'. Bytes >= 0x80 fall outside every range.
    __m128i letter =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, k_case), k_letter_bias), k_letter_limit);
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, k_digit_bias), k_digit_limit);
    __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(v, k_upper_bias), k_letter_limit);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(lo + k),
                     _mm_add_epi8(v, _mm_and_si128(upper, k_case)));
    high = static_cast<uint32_t>(_mm_movemask_epi8(v));
    word = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit))) | high;
    e2 = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, k_e2)));
#else
    word = high = e2 = 0;
    const size_t m = std::min<size_t>(16, text.size() - begin - k);
    for (size_t b = 0; b < m; ++b) {
      unsigned char c = t[begin + k + b];
      lo[k + b] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      word |= static_cast<uint32_t>(IsAsciiAlpha(c) || (c >= '0' && c <= '9') || c >= 0x80) << b;
      high |= static_cast<uint32_t>(c >= 0x80) << b;
      e2 |= static_cast<uint32_t>(c == 0xE2) << b;
    }
#endif
    for (; e2 != 0; e2 &= e2 - 1) {
      unsigned b = static_cast<unsigned>(__builtin_ctz(e2));
      if (IsPunctAt(text, begin + k + b)) kill |= 7u << b;
    }
    word &= ~kill;
    kill >>= 16;
    if (n - k < 16) {
      word &= (1u << (n - k)) - 1;
      high &= (1u << (n - k)) - 1;
    }
    any_high |= high;
    const size_t wi = k >> 6, shift = k & 63;
    if (shift == 0) {
      wb[wi] = word;
      hb[wi] = high;
    } else {
      wb[wi] |= static_cast<uint64_t>(word) << shift;
      hb[wi] |= static_cast<uint64_t>(high) << shift;
    }
  }
  // The chunks wrote bits [0, filled); clear the rest of that word (left from an earlier
  // call) and the word after it.
  {
    const size_t filled = (n + 15) / 16 * 16;
    const size_t wi = filled >> 6, r = filled & 63;
    if (r == 0) {
      wb[wi] = hb[wi] = 0;
    } else {
      wb[wi] &= (uint64_t{1} << r) - 1;
      hb[wi] &= (uint64_t{1} << r) - 1;
    }
    if (wi + 1 < nwords) wb[wi + 1] = hb[wi + 1] = 0;
  }
  scan->any_high = any_high != 0;
  // Whole ranges, the common case, need no tests of the limits.
  if (max_words == SIZE_MAX && stop_at == SIZE_MAX) {
    ExtendWords<false>(text, scan, max_words, stop_at);
  } else {
    ExtendWords<true>(text, scan, max_words, stop_at);
  }
}

// Continues Words' scan of the same text and range: appends the words after the last
// one found, up to max_words in all, stopping after the first that begins at or after
// stop_at (so Words(max_words = 5) then ExtendWords(SIZE_MAX, s) finds the words of
// Words(SIZE_MAX, s), provided none of the first five begins at or after s).
// kLimited = false: max_words and stop_at are SIZE_MAX and ignored.
template <bool kLimited>
void ExtendWords(std::string_view text, WordScan* scan, size_t max_words, size_t stop_at) {
  const size_t begin = scan->begin, n = scan->n;
  const unsigned char* t = reinterpret_cast<const unsigned char*>(text.data());
  const char* lo = scan->lower.data();
  const uint64_t* wb = scan->word_bits.data();
  const uint64_t* hb = scan->high_bits.data();
  const bool any_high = scan->any_high;
  // The first set bit of `bits` at or after pos (pos < n); n when none.
  auto next_set = [&](const uint64_t* bits, size_t pos) {
    size_t wi = pos >> 6;
    uint64_t x = bits[wi] & (~uint64_t{0} << (pos & 63));
    while (x == 0) {
      if (++wi * 64 >= n) return n;
      x = bits[wi];
    }
    return std::min(n, wi * 64 + static_cast<size_t>(__builtin_ctzll(x)));
  };
  // The first clear bit of `bits` at or after pos (<= n: bits at and after n are clear).
  auto next_clear = [&](const uint64_t* bits, size_t pos) {
    size_t wi = pos >> 6;
    uint64_t x = ~bits[wi] & (~uint64_t{0} << (pos & 63));
    while (x == 0) x = ~bits[++wi];
    return wi * 64 + static_cast<size_t>(__builtin_ctzll(x));
  };
  // Whether `bits` has a set bit in [s, e), s < e.
  auto any_set = [](const uint64_t* bits, size_t s, size_t e) {
    const size_t first = s >> 6, last = (e - 1) >> 6;
    const uint64_t head = ~uint64_t{0} << (s & 63), tail = ~uint64_t{0} >> (63 - ((e - 1) & 63));
    if (first == last) return (bits[first] & head & tail) != 0;
    if (bits[first] & head) return true;
    for (size_t wi = first + 1; wi < last; ++wi)
      if (bits[wi] != 0) return true;
    return (bits[last] & tail) != 0;
  };
  Word* out = scan->buf.data();
  size_t count = scan->count;
  size_t pos = count > 0 ? out[count - 1].end - begin : 0;
  while (pos < n && (!kLimited || count < max_words)) {
    const size_t s = next_set(wb, pos);
    if (s >= n) break;
    size_t e = next_clear(wb, s + 1);
    // "U.S." stays one word: a period between two letters, after the first.
    if (e == s + 1 && s + 2 < n && t[begin + s + 1] == '.' && IsAsciiAlpha(t[begin + s + 2]))
      e = next_clear(wb, s + 2);
    Word& w = out[count++];
    w.begin = begin + s;
    w.end = begin + e;
    w.lower = std::string_view(lo + s, e - s);
    w.ascii = !any_high || !any_set(hb, s, e);
    unsigned char first = t[w.begin];
    w.cap = (first >= 'A' && first <= 'Z') || first >= 0x80;
    if (kLimited && w.begin >= stop_at) break;
    pos = e;
  }
  scan->count = count;
}

// w == lit, with the literal's length known at compile time (no memcmp call).
template <size_t N>
bool Is(std::string_view w, const char (&lit)[N]) {
  return w.size() == N - 1 && std::memcmp(w.data(), lit, N - 1) == 0;
}

// A fixed set of short words, looked up in the few that share a word's length and first
// letter's low bits.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : words_(words) {
    std::sort(words_.begin(), words_.end(), [](std::string_view a, std::string_view b) {
      return Bucket(a) != Bucket(b) ? Bucket(a) < Bucket(b) : a < b;
    });
    size_t k = 0;
    for (size_t b = 0; b <= kBuckets; ++b) {
      while (k < words_.size() && Bucket(words_[k]) < b) ++k;
      start_[b] = static_cast<uint16_t>(k);
    }
  }
  bool Contains(std::string_view w) const {
    if (w.empty() || w.size() >= kMaxLen) return false;
    size_t b = Bucket(w);
    for (size_t k = start_[b]; k < start_[b + 1]; ++k)
      if (words_[k] == w) return true;
    return false;
  }

 private:
  static constexpr size_t kMaxLen = 16;  // longer words are in no set
  static constexpr size_t kBuckets = kMaxLen * 32;
  static size_t Bucket(std::string_view w) {
    return w.empty() || w.size() >= kMaxLen
               ? kBuckets
               : w.size() * 32 + (static_cast<unsigned char>(w[0]) & 31);
  }
  std::vector<std::string_view> words_;
  std::array<uint16_t, kBuckets + 1> start_{};
};

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Inlined: called for most lower-case words after a capitalised one.
[[gnu::always_inline]] inline bool IsConnector(std::string_view w) {
  static const WordSet kWords({"of", "the", "and", "al", "el", "ad", "ash", "as", "ar", "an", "de",
                               "du", "la", "da", "do", "dos", "upon", "on"});
  return kWords.Contains(w);
}

bool IsLocativePreposition(std::string_view w) {
  static const WordSet kWords({"in", "at", "near", "outside", "inside", "across", "around", "into",
                               "throughout", "within", "nearby", "off"});
  return kWords.Contains(w);
}

bool IsAttackNoun(std::string_view w) {
  static const WordSet kWords({"attack", "attacks", "strike", "strikes", "assault", "raid", "raids",
                               "offensive", "bombardment", "shelling", "airstrike", "airstrikes",
                               "advance", "march", "push"});
  return kWords.Contains(w);
}

// Words allowed between a cue and a place name ("in the eastern city of Kharkiv").
bool IsPlaceModifier(std::string_view w) {
  static const WordSet kWords(
      {"the",       "northern",     "southern",     "eastern",      "western",      "central",
       "north",     "south",        "east",         "west",         "northeast",    "northwest",
       "southeast", "southwest",    "northeastern", "northwestern", "southeastern", "southwestern",
       "occupied",  "besieged",     "embattled",    "war",          "torn",         "capital",
       "city",      "town",         "village",      "port",         "region",       "province",
       "state",     "district",     "area",         "border",       "frontline",    "front",
       "line",      "neighbouring", "neighboring",  "disputed",     "annexed",      "breakaway",
       "rebel",     "held",         "coastal",      "restive",      "tribal",       "strategic",
       "key",       "southernmost", "northernmost", "oil",          "rich",         "mountainous",
       "remote",    "largest",      "second",       "of",           "town's",       "camp",
       "refugee",   "outskirts",    "centre",       "center",       "heart",        "streets",
       "parts",     "part",         "areas",        "far"});
  return kWords.Contains(w);
}

bool IsAllCapsWord(std::string_view t, const Word& w) {
  bool letter = false;
  for (size_t k = w.begin; k < w.end; ++k) {
    unsigned char c = static_cast<unsigned char>(t[k]);
    if (std::islower(c)) return false;
    letter |= std::isupper(c) != 0;
  }
  return letter;
}

// Sets *out to the place of entry e found at `words` (built in place: no temporary Place
// to move in).
void SetPlace(const GeoEntry& e, const std::string& text, Span words, const char* basis,
              std::optional<Place>* out) {
  Place& p = out->emplace();
  p.name = e.name;
  p.level = e.level;
  p.country_iso2 = e.iso2;
  p.country_iso3 = e.iso3;
  p.admin1 = e.admin1;
  p.lat = e.lat;
  p.lon = e.lon;
  p.span = words;
  if (words.end > words.begin && words.end <= text.size())
    p.words.assign(text, words.begin, words.end - words.begin);
  p.basis = basis;
}

// Per-thread scratch of the locator: word scans and a key buffer, reused call after call.
struct Scratch {
  WordScan mentions;               // FindMentions' words
  WordScan dates;                  // SentenceDate's and FindDateline's words
  std::string key;                 // a normalised n-gram
  std::string ascii_key;           // the keys of n-grams of ASCII words (AppendMentions)
  std::vector<PlaceMention> flat;  // Locate: every sentence's mentions
  std::vector<std::pair<uint32_t, uint32_t>> range;  // Locate: sentence i's mentions in flat
  std::vector<uint32_t> source;                      // Locate: each event's place source
  std::vector<int> dates_of;                         // Locate: each sentence's date
};

Scratch& ThreadScratch() {
  static thread_local Scratch scratch;
  return scratch;
}

// Whether a byte in text[b, e) is a space or hyphen (a gap that joins two words' keys
// with a space).
bool GapHasSpace(std::string_view text, size_t b, size_t e) {
  for (; b < e; ++b)
    if (text[b] == ' ' || text[b] == '-') return true;
  return false;
}

// An ASCII word's key: its lower case without the period of "U.S" (then written into
// *key).
[[gnu::noinline]] std::string_view DottedWordKey(std::string_view lower, std::string* key) {
  key->assign(lower);
  key->erase(1, 1);
  return *key;
}
inline std::string_view WordKey(std::string_view lower, std::string* key) {
  // "U.S": the key drops the period (out of line: rare).
  return lower.size() > 1 && lower[1] == '.' ? DottedWordKey(lower, key) : lower;
}

// Appends the place names in text[begin, end) to *out (see Locator::FindMentions).
// kCues = false: the mentions are wanted only for their candidates and context-free entry
// (the story's country context), so the cue walk and the check for a country written
// right after are skipped (cued, capital_of and country_after stay unset, words == name).
template <bool kCues = true>
void AppendMentions(const Gazetteer* g, std::string_view text, size_t begin, size_t end,
                    Scratch* scratch, std::vector<PlaceMention>* out) {
  Words(text, begin, end, &scratch->mentions);
  std::span<const Word> w = scratch->mentions.words();
  std::string& key = scratch->key;
  const int max_n = std::min(g->max_name_words(), 8);
  for (size_t i = 0; i < w.size(); ++i) {
    if (!w[i].cap) continue;
    // The quick rejection below, done first when it is certain to apply whatever the
    // n-gram's extent: word i is ASCII and last, or followed by a gap with a space or hyphen.
    // Most capitalised words start no name and are turned away here.
    bool rejection_done = false;
    if (w[i].ascii && (i + 1 == w.size() || GapHasSpace(text, w[i].end, w[i + 1].begin))) {
      std::string_view first = WordKey(w[i].lower, &key);
      if (first != "the" && !g->MayStartName(first)) continue;
      rejection_done = true;
    }
    // The longest n-gram from word i whose inner words are capitalised or connectors and
    // whose gaps hold only spaces, hyphens, periods and apostrophes; every shorter one
    // qualifies too.
    size_t longest = 1;
    const size_t limit = std::min<size_t>(static_cast<size_t>(max_n), w.size() - i);
    while (longest < limit) {
      const Word& next = w[i + longest];
      if (!next.cap && !IsConnector(next.lower)) break;
      bool gap_ok = true;
      for (size_t b = w[i + longest - 1].end; b < next.begin && gap_ok; ++b)
        gap_ok = text[b] == ' ' || text[b] == '-' || text[b] == '.' || text[b] == '\'';
      if (!gap_ok) break;
      ++longest;
    }
    // A name with an apostrophe inside its last word ("Sana'a", "Ma'rib") is split there by
    // the word scan, and the piece after it (lower case, not a connector) ends the n-gram;
    // the n-gram with that piece is tried first, so that its front alone ("Sana", a town in
    // Peru) does not match. A possessive or contraction ("Israel's") is not part of a name.
    bool inner_apostrophe = false;
    if (i + longest < w.size()) {
      const Word& tail = w[i + longest];
      std::string_view gap(text.data() + w[i + longest - 1].end,
                           tail.begin - w[i + longest - 1].end);
      inner_apostrophe = (gap == "'" || gap == "\xE2\x80\x99") && !tail.cap &&
                         !Is(tail.lower, "s") && !Is(tail.lower, "t") && !Is(tail.lower, "d") &&
                         !Is(tail.lower, "ll") && !Is(tail.lower, "re") && !Is(tail.lower, "ve") &&
                         !Is(tail.lower, "m");
    }
    // Quick rejection. When word i is ASCII, is not "the" and (in a longer n-gram) is
    // followed by a space or hyphen, every n-gram's key starts with word i's key (its
    // lower-case letters and digits) followed by a space or nothing, so no name can match
    // unless some name starts with that word.
    if (w[i].ascii && !rejection_done) {
      bool separated = longest == 1 && !inner_apostrophe;
      for (size_t b = w[i].end; !separated && b < w[i + 1].begin; ++b)
        separated = text[b] == ' ' || text[b] == '-';
      if (separated) {
        std::string_view first = w[i].lower;
        if (first.size() > 1 && first[1] == '.') {  // "U.S": the key drops the period
          key.assign(first);
          key.erase(1, 1);
          first = key;
        }
        if (first != "the" && !g->MayStartName(first)) continue;
      }
    }
    // After "The", the keys of n-grams n > 1 drop "the " and start with the next word's
    // key, followed by a space or nothing, when "The" and that word are ASCII and each is
    // followed by a space or hyphen (or the next word ends the n-gram, no apostrophe after
    // it). When no name starts with that word, only "The" alone may match.
    if (longest > 1 && Is(w[i].lower, "the") && w[i].ascii && w[i + 1].ascii &&
        GapHasSpace(text, w[i].end, w[i + 1].begin) &&
        ((longest == 2 && !inner_apostrophe) ||
         (i + 2 < w.size() && GapHasSpace(text, w[i + 1].end, w[i + 2].begin))) &&
        !g->MayStartName(WordKey(w[i + 1].lower, &key))) {
      longest = 1;
      inner_apostrophe = false;
    }
    // The n-grams of ASCII words have their keys written directly: each word's lower case
    // without its period, joined by a space where the gap holds a space or hyphen (a gap
    // of periods and apostrophes joins them with nothing); ends[n] is where the n-gram's
    // key ends in `ascii_key` ("the " is dropped from the front of n-grams, n > 1).
    size_t ascii_words = 0;
    while (ascii_words < longest && w[i + ascii_words].ascii) ++ascii_words;
    bool ascii_keys_built = false;
    std::string& ascii_key = scratch->ascii_key;
    size_t ends[9] = {};
    size_t found_n = 0;
    std::span<const uint32_t> cands;
    if (inner_apostrophe) {
      NormalizePlaceNameTo(text.substr(w[i].begin, w[i + longest].end - w[i].begin), &key);
      cands = g->Lookup(key);
      if (!cands.empty()) found_n = longest + 1;
    }
    for (size_t n = longest; n >= 1 && found_n == 0; --n) {
      const Word& last = w[i + n - 1];
      if (!last.cap) continue;
      if (n <= ascii_words) {
        if (!ascii_keys_built) {
          ascii_keys_built = true;
          ascii_key.clear();
          for (size_t k = 0; k < ascii_words; ++k) {
            if (k > 0) {
              for (size_t b = w[i + k - 1].end; b < w[i + k].begin; ++b) {
                if (text[b] == ' ' || text[b] == '-') {
                  ascii_key.push_back(' ');
                  break;
                }
              }
            }
            // A word holds a period only as its second byte ("U.S", see Words).
            std::string_view lw = w[i + k].lower;
            if (lw.size() > 1 && lw[1] == '.') {
              ascii_key.push_back(lw[0]);
              lw.remove_prefix(2);
            }
            ascii_key.append(lw);
            ends[k + 1] = ascii_key.size();
          }
        }
        size_t skip = n > 1 && ascii_key.compare(0, 4, "the ") == 0 ? 4 : 0;
        cands = g->Lookup(std::string_view(ascii_key).substr(skip, ends[n] - skip));
      } else {
        size_t e = last.end;
        if (e < text.size() && text[e] == '.' && e - w[i].begin <= 4) ++e;  // "U.S."
        NormalizePlaceNameTo(text.substr(w[i].begin, e - w[i].begin), &key);
        cands = g->Lookup(key);
      }
      // A short all-capitals word ("UN", "EU") is an acronym: only our curated entries
      // ("US", "UAE") may match it, not a town that happens to share the letters.
      if (!cands.empty() && n == 1 && last.end - w[i].begin <= 4 && IsAllCapsWord(text, w[i])) {
        bool curated = false;
        for (uint32_t id : cands) curated |= g->entry(id).curated;
        if (!curated) cands = {};
      }
      if (!cands.empty()) {
        found_n = n;
        break;
      }
    }
    if (found_n == 0) continue;
    // A single lower-case-looking common word at the start of a sentence is not a name
    // unless it is all capitals or a curated entry.
    PlaceMention& m = out->emplace_back();
    m.candidates = cands;
    m.entry = g->Best(cands, {});
    m.name = {w[i].begin, w[i + found_n - 1].end};
    m.words = m.name;
    if constexpr (!kCues) {
      i += found_n - 1;
      continue;
    }
    // Cue: walk back over modifiers to a locative preposition.
    size_t k = i;
    int skipped = 0;
    bool saw_of = false, capital = false, named_place = false;
    while (k > 0 && skipped < 6) {
      const Word& prev = w[k - 1];
      // Stop at punctuation other than a hyphen between the words.
      bool gap_ok = true;
      for (size_t b = prev.end; b < w[k].begin; ++b)
        if (text[b] != ' ' && text[b] != '-') gap_ok = false;
      if (!gap_ok) break;
      if (IsLocativePreposition(prev.lower)) {
        m.cued = true;
        m.words.begin = prev.begin;
        break;
      }
      if (prev.lower == "on" && k >= 2 && IsAttackNoun(w[k - 2].lower)) {
        m.cued = true;
        m.words.begin = w[k - 2].begin;
        break;
      }
      if (!IsPlaceModifier(prev.lower)) break;
      if (prev.lower == "of") saw_of = true;
      if (prev.lower == "capital" && saw_of) capital = true;
      // "the eastern city of Kharkiv" names a place even without a preposition.
      if (saw_of && In(prev.lower, {"city", "town", "village", "province", "region", "port"}))
        named_place = true;
      if (prev.lower == "city" || prev.lower == "town" || prev.lower == "village") capital = false;
      --k;
      ++skipped;
    }
    // "the capital of X" also counts without a preposition before it.
    if (!m.cued && (capital || named_place)) {
      m.cued = true;
      m.words.begin = w[k].begin;
    }
    m.capital_of = capital && m.entry != nullptr && m.entry->level == "country";
    // A country written right after: "Tripoli, Lebanon".
    size_t j = i + found_n;
    if (j < w.size()) {
      size_t gap_end = w[j].begin;
      std::string_view gap(text.data() + w[j - 1].end, gap_end - w[j - 1].end);
      // As above: when the first word is ASCII, not "the", and alone or followed by a byte
      // that becomes a space, every key starts with it; no name starting so, no country.
      bool may_name = true;
      if (gap == ", " && w[j].cap && w[j].ascii) {
        bool separated = j + 1 >= w.size();
        for (size_t b = w[j].end; !separated && b < w[j + 1].begin; ++b) {
          unsigned char c = static_cast<unsigned char>(text[b]);
          separated = c < 0x80 && c != '\'' && c != '`' && c != '.';
        }
        std::string_view first = w[j].lower;
        if (first.size() > 1 && first[1] == '.') {  // "U.S": the key drops the period
          key.assign(first);
          key.erase(1, 1);
          first = key;
        }
        if (separated && first != "the") may_name = g->MayStartName(first);
      }
      if (gap == ", " && w[j].cap && may_name) {
        for (int n = 1; n <= 4 && j + static_cast<size_t>(n) <= w.size(); ++n) {
          std::string_view s(text.data() + w[j].begin,
                             w[j + static_cast<size_t>(n) - 1].end - w[j].begin);
          NormalizePlaceNameTo(s, &key);
          const GeoEntry* c = g->Best(g->Lookup(key), {});
          if (c != nullptr && c->level == "country") {
            m.country_after = c->iso2;
            break;
          }
        }
      }
    }
    i += found_n - 1;
  }
}

}  // namespace

std::vector<PlaceMention> Locator::FindMentions(const std::string& text, size_t begin,
                                                size_t end) const {
  std::vector<PlaceMention> out;
  if (g_ == nullptr) return out;
  AppendMentions(g_, text, begin, end, &ThreadScratch(), &out);
  return out;
}

namespace {

// FindDateline over the words of text[0, scan_end). partial (scan_end is short of the
// 160-byte limit): the scan vouches only for words that end more than one byte before
// scan_end (those are the words, bytes and bitset runs of the full scan: the chunks
// before scan_end are classified alike, and a run that ends there, or a "U.S" merge that
// looks two bytes on, is decided inside the range); nullopt when the search needs any
// other word, and the caller scans the whole limit.
std::optional<Dateline> DatelineFrom(const std::string& text, size_t scan_end, bool partial,
                                     WordScan& scan) {
  Dateline d;
  // The first five words decide whether there is a dateline; the rest are read only then.
  Words(text, 0, scan_end, &scan, 5);
  auto safe = [&](size_t idx) {
    return idx < scan.count && (!partial || scan.buf[idx].end + 1 < scan_end);
  };
  if (partial && !safe(4)) return std::nullopt;
  std::span<const Word> w = scan.words();
  size_t i = 0;
  while (i < w.size() && i < 4 && IsAllCapsWord(text, w[i])) ++i;
  if (i == 0 || i >= w.size()) return d;
  size_t after = w[i - 1].end;
  // The caps run must be followed by ',', ' (' or a dash.
  size_t p = after;
  while (p < text.size() && text[p] == ' ') ++p;
  if (p >= text.size() || (text[p] != ',' && text[p] != '(' && text[p] != '-' &&
                           !(static_cast<unsigned char>(text[p]) == 0xE2)))
    return d;
  // Confirm: a dash or a closing ')' followed by a dash within the next 60 bytes.
  size_t window_end = std::min(text.size(), after + 60);
  std::string_view rest(text.data() + after, window_end - after);
  if (rest.find(" -") == std::string_view::npos &&
      rest.find("\xE2\x80\x94") == std::string_view::npos &&
      rest.find("\xE2\x80\x93") == std::string_view::npos)
    return d;
  d.place = {w[0].begin, w[i - 1].end};
  // Month and day: the first month word after the place, within the window: the words
  // that begin before window_end, and the one after (read one at a time past the first
  // five, as the search needs them: the month usually follows the place at once).
  bool unsure = false;           // a partial scan could not vouch for a word the search needs
  auto have = [&](size_t idx) {  // whether that word list has word idx
    while (scan.count <= idx) {
      const size_t count = scan.count;
      if (count > 0 && scan.buf[count - 1].begin >= window_end) return false;
      ExtendWords<true>(text, &scan, count + 1, window_end);
      if (partial && !safe(count)) {
        unsure = true;
        return false;
      }
      if (scan.count == count) return false;
    }
    return true;
  };
  for (size_t k = i; have(k + 1) && scan.buf[k].begin < window_end; ++k) {
    int m = MonthOf(scan.buf[k].lower);
    int day = DayNumber(scan.buf[k + 1].lower);
    if (m > 0 && day > 0) {
      d.month = m;
      d.day = day;
      break;
    }
  }
  if (unsure) return std::nullopt;
  return d;
}

}  // namespace

Dateline Locator::FindDateline(const std::string& text) {
  const size_t limit = std::min<size_t>(text.size(), 160);
  WordScan& scan = ThreadScratch().dates;
  // The words a dateline needs lie near the start: the first 64 bytes are classified, and
  // the 160 only when those do not settle it.
  constexpr size_t kPrefix = 64;
  if (limit > kPrefix) {
    if (std::optional<Dateline> d = DatelineFrom(text, kPrefix, true, scan)) return *d;
  }
  return *DatelineFrom(text, limit, false, scan);
}

namespace {

// SentenceDate over a sentence's words; `reference` is a valid date.
int DateFromWords(std::span<const Word> w, int reference) {
  long ref = ToDays(reference);
  bool after_on = false, after_last = false;  // the previous word is "on" / "last"
  for (size_t i = 0; i < w.size(); ++i) {
    std::string_view x = w[i].lower;
    // Most words are none of the five and follow neither "on" nor "last": skipped on their
    // length alone (the flags are clear then, and stay so).
    constexpr uint32_t kLengths = (1u << 2) | (1u << 4) | (1u << 5) | (1u << 7) | (1u << 9);
    if (!after_on && !after_last && (x.size() > 9 || ((kLengths >> x.size()) & 1) == 0)) continue;
    bool on = after_on || after_last;
    bool last = after_last;
    // One length test per word for the five fixed words.
    after_on = after_last = false;
    switch (x.size()) {
      case 2:
        after_on = Is(x, "on");
        break;
      case 4:
        after_last = Is(x, "last");
        break;
      case 5:
        if (Is(x, "today")) return reference;
        break;
      case 7:
        if (Is(x, "tonight")) return reference;
        break;
      case 9:
        if (Is(x, "yesterday")) return CivilFromDays(ref - 1);
        break;
    }
    if (!on) continue;
    int wd = WeekdayOf(x);
    if (wd >= 0) {
      int back = (Weekday(ref) - wd + 7) % 7;
      if (last && back == 0) back = 7;
      return CivilFromDays(ref - back);
    }
    if (last) continue;
    // "on Feb. 11", "on February 11th", "on 11 February"
    int m = MonthOf(x);
    if (m > 0 && i + 1 < w.size()) {
      int day = DayNumber(w[i + 1].lower);
      if (day > 0) {
        int ymd = DateNear(m, day, reference);
        if (ymd) return ymd;
      }
    }
    int day = DayNumber(x);
    if (day > 0 && i + 1 < w.size()) {
      int m2 = MonthOf(w[i + 1].lower);
      if (m2 > 0) {
        int ymd = DateNear(m2, day, reference);
        if (ymd) return ymd;
      }
    }
  }
  return 0;
}

}  // namespace

int Locator::SentenceDate(std::string_view sentence, int reference) {
  if (!ValidYmd(reference)) return 0;
  WordScan& scan = ThreadScratch().dates;
  Words(sentence, 0, sentence.size(), &scan);
  return DateFromWords(scan.words(), reference);
}

namespace {

// True when the candidates lie in more than one country (ISO2, "" for regions counted as
// one more): only then can a CountryContext change which of them Gazetteer::Best picks.
// With one country every candidate gets the same weight, so the comparison falls through
// to the same context-free tie-breaks.
bool ContextMatters(const Gazetteer* g, std::span<const uint32_t> candidates) {
  if (candidates.size() < 2) return false;
  const std::string& iso2 = g->entry(candidates[0]).iso2;
  for (uint32_t id : candidates.subspan(1))
    if (g->entry(id).iso2 != iso2) return true;
  return false;
}

}  // namespace

void Locator::Locate(const Story& story, std::span<const Span> sentences,
                     std::vector<Event>* events) const {
  if (events->empty()) return;
  const std::string& text = story.text;
  Dateline dl = FindDateline(text);
  int dateline_date = 0;
  const bool valid_date = ValidYmd(story.date);
  if (dl.month > 0 && valid_date) dateline_date = DateNear(dl.month, dl.day, story.date);

  // Sentences are scanned for place names lazily: the events' own sentences always, earlier
  // ones only as far back as an event needs a "story" place, and the rest only when the
  // story's country context can change a place an event gets (see ContextMatters). The
  // result is the same as scanning every sentence. Sentence si's mentions are
  // flat[range[si].first, range[si].second) once scanned (one reused vector, not one per
  // sentence); sentences are appended in the order they are scanned.
  Scratch& scratch = ThreadScratch();
  std::vector<PlaceMention>& flat = scratch.flat;
  std::vector<std::pair<uint32_t, uint32_t>>& range = scratch.range;
  constexpr uint32_t kUnscanned = UINT32_MAX;
  flat.clear();
  range.assign(sentences.size(), {kUnscanned, kUnscanned});
  auto scan = [&](size_t si) {
    const Span& sp = sentences[si];
    uint32_t b = static_cast<uint32_t>(flat.size());
    AppendMentions(g_, text, sp.begin, sp.end, &scratch, &flat);
    range[si] = {b, static_cast<uint32_t>(flat.size())};
  };
  // The date of each sentence that has an event (SentenceDate), read from the words the
  // mention scan found; kUnknownDate where it must be computed separately: without a
  // gazetteer, or when the sentence ends inside a curly quote or dash (a scan of the
  // sentence alone reads those bytes as a word). Other sentences' entries are never read.
  constexpr int kUnknownDate = -1;
  std::vector<int>& dates = scratch.dates_of;
  dates.assign(sentences.size(), 0);
  for (const Event& e : *events)
    if (e.sentence >= 0 && static_cast<size_t>(e.sentence) < sentences.size())
      dates[static_cast<size_t>(e.sentence)] = kUnknownDate;
  if (g_ != nullptr) {
    for (size_t si = 0; si < sentences.size(); ++si) {
      if (dates[si] != kUnknownDate) continue;
      scan(si);
      const Span& sp = sentences[si];
      bool cut_quote = false;
      for (size_t k = sp.end >= 2 ? sp.end - 2 : 0; k < sp.end && k < text.size(); ++k)
        cut_quote |= k >= sp.begin && static_cast<unsigned char>(text[k]) == 0xE2;
      if (!valid_date) {
        dates[si] = 0;
      } else if (sp.end <= text.size() && sp.begin <= sp.end && !cut_quote) {
        dates[si] = DateFromWords(scratch.mentions.words(), story.date);
      }
    }
  }

  // Each event's place source: a mention (flat index; kStoryBit set for a "story" place),
  // the dateline, or none. Which one does not depend on the country context; only the
  // entry a mention or the dateline resolves to may.
  constexpr uint32_t kNoPlace = UINT32_MAX, kDatelinePlace = UINT32_MAX - 1;
  constexpr uint32_t kStoryBit = 1u << 31;
  std::vector<uint32_t>& source = scratch.source;
  source.assign(events->size(), kNoPlace);
  std::span<const uint32_t> dateline_candidates;
  bool need_context = false;
  if (g_ != nullptr) {
    if (dl.place.end > dl.place.begin) {
      NormalizePlaceNameTo(
          std::string_view(text.data() + dl.place.begin, dl.place.end - dl.place.begin),
          &scratch.key);
      dateline_candidates = g_->Lookup(scratch.key);
    }
    for (size_t ei = 0; ei < events->size(); ++ei) {
      const Event& e = (*events)[ei];
      size_t si = static_cast<size_t>(std::max(e.sentence, 0));
      bool have_sentence = e.sentence >= 0 && si < sentences.size();
      uint32_t& src = source[ei];
      if (have_sentence) {
        size_t verb = e.verb_spans.empty() ? sentences[si].begin : e.verb_spans.front().begin;
        size_t best_dist = 0;
        for (uint32_t k = range[si].first; k < range[si].second; ++k) {
          const PlaceMention& m = flat[k];
          if (!m.cued || m.entry == nullptr) continue;
          size_t dist = m.name.begin > verb ? m.name.begin - verb : verb - m.name.begin;
          if (src == kNoPlace || dist < best_dist) {
            src = k;
            best_dist = dist;
          }
        }
        if (src != kNoPlace) {
          need_context |= ContextMatters(g_, flat[src].candidates);
          continue;
        }
      }
      if (!dateline_candidates.empty()) {
        src = kDatelinePlace;
        need_context |= ContextMatters(g_, dateline_candidates);
        continue;
      }
      size_t upto = have_sentence ? si : sentences.size();
      for (size_t k = upto; k-- > 0 && src == kNoPlace;) {
        if (range[k].first == kUnscanned) scan(k);
        for (uint32_t j = range[k].first; j < range[k].second; ++j)
          if (flat[j].cued && flat[j].entry != nullptr) src = j | kStoryBit;
      }
      if (src != kNoPlace) need_context |= ContextMatters(g_, flat[src & ~kStoryBit].candidates);
    }
  }

  // The story's country context, when some event's place depends on it: every sentence's
  // mentions (the context-free best of each), then the dateline.
  CountryContext context;
  const GeoEntry* dateline_place = nullptr;
  if (need_context) {
    // Only the candidates and context-free entries of these sentences' mentions are read
    // (every event's place source is chosen above), so they are scanned without cues.
    for (size_t si = 0; si < sentences.size(); ++si) {
      if (range[si].first != kUnscanned) continue;
      const Span& sp = sentences[si];
      uint32_t b = static_cast<uint32_t>(flat.size());
      AppendMentions<false>(g_, text, sp.begin, sp.end, &scratch, &flat);
      range[si] = {b, static_cast<uint32_t>(flat.size())};
    }
    for (const PlaceMention& m : flat) {
      if (m.entry == nullptr) continue;
      bool one_country = true;
      for (uint32_t id : m.candidates)
        if (g_->entry(id).iso2 != m.entry->iso2) one_country = false;
      if ((m.entry->level == "country" || one_country) && !m.entry->iso2.empty())
        ++context[m.entry->iso2];
    }
    if (dl.place.end > dl.place.begin) {
      std::vector<PlaceMention> dm = FindMentions(text, dl.place.begin, dl.place.end);
      // "KYIV, Ukraine, Feb 17" names its country.
      if (!dm.empty() && !dm[0].country_after.empty()) context[dm[0].country_after] += 100;
      dateline_place = g_->Best(dateline_candidates, context);
      if (dateline_place && !dateline_place->iso2.empty()) ++context[dateline_place->iso2];
    }
  } else if (!dateline_candidates.empty()) {
    dateline_place = g_->Best(dateline_candidates, {});
  }
  // A mention resolved with the context (and a country written right after it).
  auto resolve = [&](const PlaceMention& m) {
    const GeoEntry* entry;
    if (!ContextMatters(g_, m.candidates)) {
      entry = g_->Best(m.candidates, {});
    } else if (!m.country_after.empty()) {
      CountryContext local = context;
      local[m.country_after] += 1000;
      entry = g_->Best(m.candidates, local);
    } else {
      entry = g_->Best(m.candidates, context);
    }
    if (m.capital_of && entry && entry->level == "country") {
      if (const GeoEntry* cap = g_->Capital(entry->iso2)) entry = cap;
    }
    return entry;
  };

  for (size_t ei = 0; ei < events->size(); ++ei) {
    Event& e = (*events)[ei];
    // Date.
    size_t si = static_cast<size_t>(std::max(e.sentence, 0));
    bool have_sentence = e.sentence >= 0 && si < sentences.size();
    int sd = 0;
    if (have_sentence && dates[si] != kUnknownDate) {
      sd = dates[si];
    } else if (have_sentence && valid_date) {
      const Span& sp = sentences[si];
      if (sp.end <= text.size() && sp.begin <= sp.end)
        sd = SentenceDate(std::string_view(text).substr(sp.begin, sp.end - sp.begin), story.date);
    }
    if (sd != 0) {
      e.date = sd;
      e.date_precision = "sentence";
    } else if (dateline_date != 0) {
      e.date = dateline_date;
      e.date_precision = "dateline";
    }

    // Place.
    e.location.reset();
    if (g_ == nullptr) continue;
    uint32_t src = source[ei];
    if (src == kNoPlace) continue;
    if (src == kDatelinePlace) {
      if (dateline_place != nullptr)
        SetPlace(*dateline_place, text, dl.place, "dateline", &e.location);
      continue;
    }
    const PlaceMention& m = flat[src & ~kStoryBit];
    if (const GeoEntry* entry = resolve(m))
      SetPlace(*entry, text, m.words, (src & kStoryBit) ? "story" : "sentence", &e.location);
  }
}

}  // namespace eventcoder
