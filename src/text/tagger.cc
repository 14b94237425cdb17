#include "text/tagger.h"

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/cache_file.h"

namespace eventcoder {
namespace {

// Internal tag ids; kTagNames gives the Penn spelling.
enum T : uint8_t {
  NN,
  NNS,
  NNP,
  NNPS,
  VB,
  VBD,
  VBG,
  VBN,
  VBP,
  VBZ,
  JJ,
  JJR,
  JJS,
  RB,
  RBR,
  RBS,
  DT,
  PDT,
  IN,
  CC,
  CD,
  PRP,
  PRPS,
  POS,
  TO,
  MD,
  WDT,
  WP,
  WPS,
  WRB,
  EX,
  RP,
  UH,
  FW,
  SYM,
  DOLLAR,
  HASH,
  COMMA,
  PERIOD,
  COLON,
  LQ,
  RQ,
  LRB,
  RRB,
  kNumTags
};
constexpr std::string_view kTagNames[kNumTags] = {
    "NN",   "NNS", "NNP", "NNPS", "VB",  "VBD", "VBG", "VBN", "VBP", "VBZ",   "JJ",
    "JJR",  "JJS", "RB",  "RBR",  "RBS", "DT",  "PDT", "IN",  "CC",  "CD",    "PRP",
    "PRP$", "POS", "TO",  "MD",   "WDT", "WP",  "WP$", "WRB", "EX",  "RP",    "UH",
    "FW",   "SYM", "$",   "#",    ",",   ".",   ":",   "``",  "''",  "-LRB-", "-RRB-"};

static_assert(
    [] {
      for (std::string_view name : kTagNames)
        if (name.empty() || name.size() > 5) return false;
      return true;
    }(),
    "Tag writes tag names of 1 to 5 bytes");

using TagSet = uint64_t;
constexpr TagSet Bit(T t) { return TagSet{1} << t; }
constexpr TagSet kNounish = Bit(NN) | Bit(NNS) | Bit(NNP) | Bit(NNPS);
constexpr TagSet kFinite = Bit(VBD) | Bit(VBZ) | Bit(VBP) | Bit(MD);
constexpr TagSet kVerbs = Bit(VB) | Bit(VBD) | Bit(VBG) | Bit(VBN) | Bit(VBP) | Bit(VBZ);
constexpr TagSet kAdj = Bit(JJ) | Bit(JJR) | Bit(JJS);
constexpr TagSet kDetLike = Bit(DT) | Bit(PRPS) | Bit(POS) | Bit(PDT) | Bit(WPS);
// Tags after which the clause needs a finite verb of its own (Tag's finite_seen resets).
constexpr TagSet kOpensClause =
    Bit(COMMA) | Bit(COLON) | Bit(CC) | Bit(WDT) | Bit(WP) | Bit(WRB) | Bit(LQ) | Bit(LRB);

// WordNet classes and flags stored per lower-case form.
enum : uint16_t {
  kN = 1,
  kV = 2,
  kA = 4,
  kR = 8,
  kExcNounPl = 16,
  kExcVerbPast = 32,
  kExcAdjCmp = 64,
  kExcAdjSup = 128,
  kCapNoun = 256,
  kCapAdj = 512,
  kLowerAny = 1024,
};

struct Entry {
  uint16_t flags = 0;
  uint16_t cnt[4] = {0, 0, 0, 0};  // SemCor counts: noun, verb, adj, adv
};

struct ClosedWord {
  const char* word;
  T tag;
};

// Closed-class words and a few very frequent open-class ones, with their default tag.
constexpr ClosedWord kClosed[] = {
    {"the", DT},         {"a", DT},          {"an", DT},         {"this", DT},
    {"these", DT},       {"those", DT},      {"some", DT},       {"any", DT},
    {"no", DT},          {"every", DT},      {"each", DT},       {"either", DT},
    {"neither", DT},     {"another", DT},    {"all", DT},        {"both", DT},
    {"half", PDT},       {"such", JJ},       {"that", IN},       {"i", PRP},
    {"you", PRP},        {"he", PRP},        {"she", PRP},       {"it", PRP},
    {"we", PRP},         {"they", PRP},      {"me", PRP},        {"him", PRP},
    {"us", PRP},         {"them", PRP},      {"myself", PRP},    {"yourself", PRP},
    {"himself", PRP},    {"herself", PRP},   {"itself", PRP},    {"ourselves", PRP},
    {"themselves", PRP}, {"my", PRPS},       {"your", PRPS},     {"his", PRPS},
    {"her", PRPS},       {"its", PRPS},      {"our", PRPS},      {"their", PRPS},
    {"of", IN},          {"in", IN},         {"on", IN},         {"at", IN},
    {"by", IN},          {"for", IN},        {"with", IN},       {"from", IN},
    {"about", IN},       {"into", IN},       {"onto", IN},       {"over", IN},
    {"under", IN},       {"after", IN},      {"before", IN},     {"since", IN},
    {"during", IN},      {"without", IN},    {"within", IN},     {"among", IN},
    {"amongst", IN},     {"against", IN},    {"between", IN},    {"through", IN},
    {"throughout", IN},  {"toward", IN},     {"towards", IN},    {"upon", IN},
    {"across", IN},      {"behind", IN},     {"beyond", IN},     {"despite", IN},
    {"except", IN},      {"like", IN},       {"near", IN},       {"per", IN},
    {"than", IN},        {"unlike", IN},     {"until", IN},      {"till", IN},
    {"via", IN},         {"amid", IN},       {"amidst", IN},     {"whether", IN},
    {"because", IN},     {"although", IN},   {"though", IN},     {"while", IN},
    {"if", IN},          {"unless", IN},     {"whereas", IN},    {"as", IN},
    {"around", IN},      {"along", IN},      {"alongside", IN},  {"beside", IN},
    {"besides", IN},     {"inside", IN},     {"outside", IN},    {"below", IN},
    {"above", IN},       {"following", VBG}, {"including", VBG}, {"regarding", VBG},
    {"concerning", VBG}, {"out", IN},        {"off", IN},        {"up", IN},
    {"down", IN},        {"so", RB},         {"to", TO},         {"and", CC},
    {"or", CC},          {"but", CC},        {"nor", CC},        {"plus", CC},
    {"&", CC},           {"will", MD},       {"would", MD},      {"can", MD},
    {"could", MD},       {"may", MD},        {"might", MD},      {"shall", MD},
    {"should", MD},      {"must", MD},       {"'ll", MD},        {"wo", MD},
    {"ca", MD},          {"is", VBZ},        {"are", VBP},       {"was", VBD},
    {"were", VBD},       {"be", VB},         {"been", VBN},      {"being", VBG},
    {"am", VBP},         {"'re", VBP},       {"'m", VBP},        {"'ve", VBP},
    {"'d", MD},          {"'s", POS},        {"have", VBP},      {"has", VBZ},
    {"had", VBD},        {"having", VBG},    {"do", VBP},        {"does", VBZ},
    {"did", VBD},        {"done", VBN},      {"doing", VBG},     {"which", WDT},
    {"whatever", WDT},   {"whichever", WDT}, {"who", WP},        {"whom", WP},
    {"what", WP},        {"whoever", WP},    {"whose", WPS},     {"where", WRB},
    {"when", WRB},       {"why", WRB},       {"how", WRB},       {"whenever", WRB},
    {"wherever", WRB},   {"there", EX},      {"not", RB},        {"n't", RB},
    {"never", RB},       {"also", RB},       {"very", RB},       {"too", RB},
    {"just", RB},        {"only", RB},       {"even", RB},       {"still", RB},
    {"already", RB},     {"now", RB},        {"then", RB},       {"here", RB},
    {"soon", RB},        {"again", RB},      {"often", RB},      {"always", RB},
    {"ever", RB},        {"yet", RB},        {"however", RB},    {"perhaps", RB},
    {"quite", RB},       {"rather", RB},     {"almost", RB},     {"nearly", RB},
    {"ago", RB},         {"later", RB},      {"earlier", RB},    {"instead", RB},
    {"meanwhile", RB},   {"away", RB},       {"back", RB},       {"together", RB},
    {"once", RB},        {"twice", RB},      {"more", JJR},      {"most", JJS},
    {"less", JJR},       {"least", JJS},     {"fewer", JJR},     {"many", JJ},
    {"much", JJ},        {"few", JJ},        {"several", JJ},    {"other", JJ},
    {"own", JJ},         {"same", JJ},       {"next", JJ},       {"last", JJ},
    {"first", JJ},       {"second", JJ},     {"third", JJ},      {"former", JJ},
    {"latter", JJ},      {"zero", CD},       {"one", CD},        {"two", CD},
    {"three", CD},       {"four", CD},       {"five", CD},       {"six", CD},
    {"seven", CD},       {"eight", CD},      {"nine", CD},       {"ten", CD},
    {"eleven", CD},      {"twelve", CD},     {"thirteen", CD},   {"fourteen", CD},
    {"fifteen", CD},     {"sixteen", CD},    {"seventeen", CD},  {"eighteen", CD},
    {"nineteen", CD},    {"twenty", CD},     {"thirty", CD},     {"forty", CD},
    {"fifty", CD},       {"sixty", CD},      {"seventy", CD},    {"eighty", CD},
    {"ninety", CD},      {"hundred", CD},    {"thousand", CD},   {"million", CD},
    {"billion", CD},     {"trillion", CD},   {"hundreds", NNS},  {"thousands", NNS},
    {"millions", NNS},   {"said", VBD},      {"says", VBZ},      {"say", VBP},
    {"told", VBD},       {"according", VBG}, {"percent", NN},    {"%", NN},
    {"people", NNS},     {"police", NNS},    {"government", NN}, {"officials", NNS},
    {"talks", NNS},      {"forces", NNS},    {"troops", NNS},    {"news", NN},
    {"oh", UH},          {"yes", UH},        {"well", RB},       {"against", IN},
    {"ties", NNS},       {"military", JJ},   {"official", NN},   {"foreign", JJ},
    {"killed", VBN},     {"here", RB},       {"today", NN},      {"yesterday", NN},
    {"tomorrow", NN},    {"tonight", NN},    {"week", NN},       {"year", NN},
    {"month", NN},       {"day", NN},        {"president", NN},  {"minister", NN},
    {"leader", NN},      {"leaders", NNS},   {"aid", NN},        {"visit", NN},
    {"meeting", NN},     {"attack", NN},     {"attacks", NNS},   {"statement", NN},
    {"agreement", NN},   {"members", NNS},   {"relations", NNS}, {"peace", NN},
    {"war", NN},         {"country", NN},    {"state", NN},      {"nuclear", JJ},
    {"deputy", NN},      {"senior", JJ},     {"prime", JJ},      {"top", JJ},
    {"new", JJ},         {"old", JJ},        {"major", JJ},      {"main", JJ},
    {"key", JJ},         {"chief", NN},      {"vice", NN},       {"ready", JJ},
    {"able", JJ},        {"due", JJ},        {"likely", JJ},
};

// The words the context rules test for. Each gets a small integer id (its index in kWords;
// 0 is "no such word"), looked up once per token, so that the rules compare integers
// instead of strings: W("that") is the id of "that", computed at compile time.
constexpr std::string_view kWords[] = {
    "",
    // be, have, do
    "is", "are", "was", "were", "be", "been", "being", "am", "'re", "'m", "'s", "has", "have",
    "had", "having", "'ve", "do", "does", "did",
    // verbs of saying
    "said", "says", "say", "added", "claimed", "stated", "announced", "warned", "insisted",
    "believes", "believe", "believed", "thinks", "think", "thought", "reported", "alleged",
    "argued", "noted",
    // time words
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "today", "yesterday", "tonight", "week", "month", "year", "weekend", "morning",
    "evening", "night", "afternoon",
    // causative and perception verbs
    "help", "helps", "helped", "helping", "let", "lets", "letting", "make", "makes", "made",
    "making", "see", "sees", "saw", "seen", "watch", "watched", "hear", "heard",
    // subject and object pronouns
    "he", "she", "it", "they", "we", "i", "you", "him", "them", "me", "us", "her",
    // subordinators and other words the rules name
    "that", "because", "after", "before", "while", "when", "if", "although", "as", "whether",
    "though", "since", "until", "once", "unless", "last", "next", "this", "by", "according", "due",
    "prior", "thanks", "owing", "addition", "close", "there", "all", "both", "half", "more", "less",
    "most", "least", "out", "of", "away", "back", "up", "off", "down", "so", "one", "like", "'d",
    "seems", "appears", "what", "who", "here", "such", "a", "an"};
constexpr size_t kNumWords = std::size(kWords);
static_assert(kNumWords < 65536);

constexpr uint16_t WordIndex(std::string_view w) {
  for (size_t k = 1; k < kNumWords; ++k)
    if (kWords[k] == w) return static_cast<uint16_t>(k);
  return 0;
}
// The id of a word of kWords; a word missing from kWords does not compile.
consteval uint16_t W(std::string_view w) {
  const uint16_t id = WordIndex(w);
  if (id == 0) std::abort();  // not a constant expression: "word not in kWords"
  return id;
}

// Word classes, as bits per id.
enum : uint8_t {
  kBeW = 1,
  kHaveW = 2,
  kDoW = 4,
  kSayW = 8,
  kTimeW = 16,
  kCausW = 32,
  kSubjW = 64,
  kSubordW = 128
};
constexpr std::array<uint8_t, kNumWords> kWordClass = [] {
  std::array<uint8_t, kNumWords> a{};
  auto mark = [&a](std::initializer_list<std::string_view> words, uint8_t cls) {
    for (std::string_view w : words) a[WordIndex(w)] |= cls;
  };
  mark({"is", "are", "was", "were", "be", "been", "being", "am", "'re", "'m", "'s"}, kBeW);
  mark({"has", "have", "had", "having", "'ve"}, kHaveW);
  mark({"do", "does", "did"}, kDoW);
  // Verbs of saying that take a clause without "that".
  mark({"said", "says", "say", "added", "claimed", "stated", "announced", "warned", "insisted",
        "believes", "believe", "believed", "thinks", "think", "thought", "reported", "alleged",
        "argued", "noted"},
       kSayW);
  // Weekdays, months and time nouns that head adverbial time phrases.
  mark({"monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday",
        "sunday",  "january",   "february",  "march",    "april",    "june",
        "july",    "august",    "september", "october",  "november", "december",
        "today",   "yesterday", "tonight",   "week",     "month",    "year",
        "weekend", "morning",   "evening",   "night",    "afternoon"},
       kTimeW);
  mark({"help", "helps", "helped", "helping", "let", "lets", "letting", "make", "makes", "made",
        "making", "see", "sees", "saw", "seen", "watch", "watched", "hear", "heard"},
       kCausW);
  mark({"he", "she", "it", "they", "we", "i", "you"}, kSubjW);
  // Subordinators that, tagged IN, open a clause with a finite verb of its own.
  mark({"that", "because", "if", "while", "although", "as", "whether", "though", "after", "before",
        "since", "until", "when"},
       kSubordW);
  a[0] = 0;
  return a;
}();

// The words with a branch of their own in the context pass's chain of rules for ambiguous
// words: for any other word (most of them) that chain skips all their tests at once.
constexpr std::array<bool, kNumWords> kRuleWord = [] {
  std::array<bool, kNumWords> a{};
  for (std::string_view w :
       {"that", "her", "there", "'s", "all", "both", "half", "more", "less", "most", "least",
        "before", "after", "since", "so", "one", "like", "'d"})
    a[WordIndex(w)] = true;
  return a;
}();

bool IsBe(uint16_t w) { return (kWordClass[w] & kBeW) != 0; }
bool IsHave(uint16_t w) { return (kWordClass[w] & kHaveW) != 0; }
bool IsDo(uint16_t w) { return (kWordClass[w] & kDoW) != 0; }
bool IsSayWord(uint16_t w) { return (kWordClass[w] & kSayW) != 0; }
bool IsTimeWord(uint16_t w) { return (kWordClass[w] & kTimeW) != 0; }
bool IsCausative(uint16_t w) { return (kWordClass[w] & kCausW) != 0; }
bool IsSubjectPronoun(uint16_t w) { return (kWordClass[w] & kSubjW) != 0; }
bool IsSubordinator(uint16_t w) { return (kWordClass[w] & kSubordW) != 0; }

// Is `w` one of `ids`?
template <typename... Ids>
bool OneOf(uint16_t w, Ids... ids) {
  return ((w == ids) || ...);
}

// A string-keyed open-addressing hash map for the lexicon: keys live in one byte arena and
// values in one vector, so a look-up touches one slot array and one key, not a chain of
// separately allocated nodes (the std::unordered_map this replaces spent ~18% of the CPU
// of coding raw text in cache misses). Insert-only; the first value inserted for a key
// stays (as std::unordered_map::emplace). Pointers to values are stable once loading ends.
template <typename V>
class FlatMap {
 public:
  FlatMap() { Rehash(1024); }

  size_t size() const { return values_.size(); }

  void reserve(size_t n) {
    size_t want = 16;
    while (want < 2 * n) want <<= 1;
    if (want > slots_.size()) Rehash(want);
  }

  const V* find(std::string_view key) const { return find(key, Hash(key)); }
  // The same, with h == Hash(key) computed by the caller (FnvFinish of a prefix state).
  const V* find(std::string_view key, uint64_t h) const {
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& sl = slots_[i];
      if (sl.index == 0) return nullptr;
      if (sl.tag == tag && Key(sl.index - 1) == key) return &values_[sl.index - 1];
    }
  }
  V* find(std::string_view key) {
    return const_cast<V*>(static_cast<const FlatMap*>(this)->find(key));
  }

  // The whole table, for the start-up cache (values must be plain data).
  void Serialize(PayloadWriter* w) const {
    w->PodVector(slots_);
    w->String(arena_);
    w->PodVector(key_begin_);
    w->PodVector(key_end_);
    w->PodVector(values_);
  }
  // Reads what Serialize wrote; false (leaving the map unusable) on any inconsistency.
  bool Deserialize(PayloadReader* r) {
    if (!r->PodVector(&slots_) || !r->String(&arena_) || !r->PodVector(&key_begin_) ||
        !r->PodVector(&key_end_) || !r->PodVector(&values_))
      return false;
    const size_t n = slots_.size();
    if (n < 16 || (n & (n - 1)) != 0 || key_begin_.size() != values_.size() ||
        key_end_.size() != values_.size() || 2 * values_.size() > n)
      return false;
    for (size_t k = 0; k < values_.size(); ++k)
      if (key_begin_[k] > key_end_[k] || key_end_[k] > arena_.size()) return false;
    size_t used = 0;
    for (const Slot& sl : slots_) {
      if (sl.index > values_.size()) return false;
      used += sl.index != 0;
    }
    if (used != values_.size()) return false;
    mask_ = n - 1;
    return true;
  }

  // The value for `key`, inserting `v` first if the key is new.
  V& emplace(std::string_view key, V v) {
    if (2 * (values_.size() + 1) > slots_.size()) Rehash(slots_.size() * 2);
    const uint64_t h = Hash(key);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
      const Slot& sl = slots_[i];
      if (sl.index == 0) break;
      if (sl.tag == tag && Key(sl.index - 1) == key) return values_[sl.index - 1];
    }
    key_begin_.push_back(static_cast<uint32_t>(arena_.size()));
    arena_.append(key);
    key_end_.push_back(static_cast<uint32_t>(arena_.size()));
    values_.push_back(std::move(v));
    slots_[i] = Slot{tag, static_cast<uint32_t>(values_.size())};
    return values_.back();
  }

 public:
  struct Slot {
    uint32_t tag = 0;    // high half of the key's hash
    uint32_t index = 0;  // 1 + index into values_, 0 = empty
  };

  // The key hash: FNV-1a (kFnvBasis, FnvStep per byte), then a final mix (FnvFinish) so
  // that the low bits (the slot) depend on every byte. Its values are in the start-up cache
  // file (kLexiconCacheMagic): it must not change. The FNV state after a prefix of a key is
  // that prefix's own, so a caller can hash all prefixes of a word in one pass.
  static constexpr uint64_t kFnvBasis = 1469598103934665603ULL;
  static uint64_t FnvStep(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ULL; }
  static uint64_t FnvFinish(uint64_t h) {
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return h;
  }
  static uint64_t Hash(std::string_view s) {
    uint64_t h = kFnvBasis;
    for (unsigned char c : s) h = FnvStep(h, c);
    return FnvFinish(h);
  }

 private:
  std::string_view Key(size_t k) const {
    return std::string_view(arena_.data() + key_begin_[k], key_end_[k] - key_begin_[k]);
  }
  void Rehash(size_t n) {
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (size_t k = 0; k < values_.size(); ++k) {
      const uint64_t h = Hash(Key(k));
      size_t i = h & mask_;
      while (slots_[i].index != 0) i = (i + 1) & mask_;
      slots_[i] = Slot{static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(k + 1)};
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::string arena_;
  std::vector<uint32_t> key_begin_, key_end_;
  std::vector<V> values_;
};

bool IsUpperC(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerC(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsDigitC(unsigned char c) { return c >= '0' && c <= '9'; }
// The first n bytes of s. REQUIRES: n <= s.size() (unlike substr, no check, no call).
[[gnu::always_inline]] inline std::string_view Prefix(std::string_view s, size_t n) {
  return std::string_view(s.data(), n);
}
[[gnu::always_inline]] inline bool EndsWith(std::string_view s, std::string_view x) {
  return s.size() >= x.size() && std::string_view(s.data() + s.size() - x.size(), x.size()) == x;
}

bool ReadFile(const std::string& path, std::string* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  std::fclose(f);
  return true;
}

// Cand::wbits.
enum : uint8_t { kEndsIng = 1, kLongLy = 2 };

// Per-token analysis before context rules.
struct Cand {
  TagSet set = 0;
  uint16_t cnt[4] = {0, 0, 0, 0};  // the lexicon entry's SemCor counts (Entry::cnt)
  T best = NN;                     // default choice
  bool closed = false;             // from the closed-class list
  bool cap = false;                // first letter upper case
  bool has_entry = false;          // the word has a lexicon entry (cnt is its counts)
  uint16_t wid = 0;                // the lower-case word's id in kWords, 0 if none
  uint8_t wbits = 0;               // kEndsIng, kLongLy of the lower-case word

  void SetEntry(const Entry* e) {
    has_entry = e != nullptr;
    for (int k = 0; k < 4; ++k) cnt[k] = e ? e->cnt[k] : 0;
  }
  // What depends on the text only: cap, wid and wbits, with no analysis yet.
  Cand Base() const {
    Cand b;
    b.cap = cap;
    b.wid = wid;
    b.wbits = wbits;
    return b;
  }
};

// True if token i follows a form of "have" (adverbs may come between).
bool AfterHave(const Cand* cands, const T* tags, size_t i) {
  size_t a = i;
  while (a > 0 && tags[a - 1] == RB) --a;
  if (a == 0) return false;
  return IsHave(cands[a - 1].wid) && (Bit(tags[a - 1]) & kVerbs) != 0;
}

T PunctTag(std::string_view w, bool* open_quote_state) {
  if (w == ",") return COMMA;
  if (w == "." || w == "?" || w == "!") return PERIOD;
  if (w == ";" || w == ":" || w == "--" || w == "..." || w == "-" || w == "\xE2\x80\x94" ||
      w == "\xE2\x80\x93" || (w.size() > 1 && w.find_first_not_of('.') == std::string_view::npos))
    return COLON;
  if (w == "(" || w == "[" || w == "{") return LRB;
  if (w == ")" || w == "]" || w == "}") return RRB;
  if (w == "``" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x98" || w == "`") return LQ;
  if (w == "''" || w == "\xE2\x80\x9D") return RQ;
  if (w == "\"") {
    *open_quote_state = !*open_quote_state;
    return *open_quote_state ? LQ : RQ;
  }
  if (w == "$") return DOLLAR;
  if (w == "#") return HASH;
  return kNumTags;
}

// Lower-cases ASCII letters of `w` into *low and folds curly apostrophes in clitics
// ("’s" -> "'s", "n’t" -> "n't").
void LowerForm(std::string_view w, std::string* low) {
  std::string& low_s = *low;
  low_s.resize(w.size());
  for (size_t k = 0; k < w.size(); ++k) {
    unsigned char ch = static_cast<unsigned char>(w[k]);
    low_s[k] = static_cast<char>(IsUpperC(ch) ? ch + 32 : ch);
  }
  if (low_s.size() <= 5 && low_s.find("\xE2\x80\x99") != std::string::npos) {
    std::string f;
    for (size_t k = 0; k < low_s.size(); ++k) {
      if (k + 2 < low_s.size() + 0 && low_s.compare(k, 3, "\xE2\x80\x99") == 0) {
        f.push_back('\'');
        k += 2;
      } else {
        f.push_back(low_s[k]);
      }
    }
    if (f == "'s" || f == "n't" || f == "'re" || f == "'ve" || f == "'ll" || f == "'d" || f == "'m")
      low_s = f;
  }
}

// Byte classes for LowForm::Set.
enum : uint8_t { kDigitB = 1, kNumericB = 2, kLowerB = 4, kDashB = 8, kHighB = 16 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> a{};
  for (int c = '0'; c <= '9'; ++c) a[c] = kDigitB | kNumericB;
  for (char c : {',', '.', '-', '/', ':'}) a[static_cast<unsigned char>(c)] |= kNumericB;
  a['-'] |= kDashB;
  for (int c = 'a'; c <= 'z'; ++c) a[c] = kLowerB;
  for (int c = 0x80; c < 256; ++c) a[c] = kHighB;
  return a;
}();

// A token's lower-case form (LowerForm) with the FNV states of its prefixes
// (FlatMap::FnvStep): pre[k] is the state after its first k bytes, so that looking up the
// form and the stems made by cutting its end (the ones AnalyzeWord tries) hashes each byte
// once, not once per look-up.
// Set also notes what AnalyzeWord asks of the token's bytes, in the same single pass.
struct LowForm {
  std::string text;
  std::vector<uint64_t> pre;
  bool has_digit = false;    // the token has an ASCII digit
  bool all_numeric = false;  // ... and only digits and , . - / :
  bool has_lower = false;    // the token has an ASCII lower-case letter
  bool has_dash = false;     // the token has a '-'

  void Set(std::string_view w) {
    const size_t n = w.size();
    text.resize(n);
    if (pre.size() < n + 1) pre.resize(n + 1);  // (never shrunk: no value-initialising calls)
    char* const out = text.data();
    uint64_t* const states = pre.data();  // (a local: the byte stores to `out` may alias pre)
    uint64_t h = FlatMap<uint16_t>::kFnvBasis;
    states[0] = h;
    uint8_t any = 0, all = 0xFF;
    for (size_t k = 0; k < n; ++k) {
      const unsigned char ch = static_cast<unsigned char>(w[k]);
      const uint8_t cls = kByteClass[ch];
      any |= cls;
      all &= cls;
      const unsigned char lc = IsUpperC(ch) ? ch + 32 : ch;
      out[k] = static_cast<char>(lc);
      states[k + 1] = h = FlatMap<uint16_t>::FnvStep(h, lc);
    }
    has_digit = (any & kDigitB) != 0;
    all_numeric = (all & kNumericB) != 0;
    has_lower = (any & kLowerB) != 0;
    has_dash = (any & kDashB) != 0;
    if (n <= 5 && (any & kHighB)) {
      // A curly apostrophe may fold ("’s" -> "'s"): LowerForm's way, rarely.
      LowerForm(w, &text);
      if (pre.size() < text.size() + 1) pre.resize(text.size() + 1);
      for (size_t k = 0; k < text.size(); ++k)
        pre[k + 1] = FlatMap<uint16_t>::FnvStep(pre[k], static_cast<unsigned char>(text[k]));
    }
  }
  // FlatMap::Hash(text).
  uint64_t Hash() const { return FlatMap<uint16_t>::FnvFinish(pre[text.size()]); }
  // Is `s` a prefix view of `text` (text.substr(0, n), the same bytes)?
  bool IsPrefix(std::string_view s) const {
    return s.data() == text.data() && s.size() <= text.size();
  }
  // FlatMap::Hash(s) for a prefix view `s` of `text` (IsPrefix).
  uint64_t PrefixHash(std::string_view s) const {
    return FlatMap<uint16_t>::FnvFinish(pre[s.size()]);
  }
};

// WordInfo::kind.
enum : uint8_t { kUnknownKind, kWordKind, kPunctKind, kQuoteKind, kApostropheKind };

// What the first pass finds from a token's text alone.
struct WordInfo {
  uint8_t kind = kUnknownKind;  // kUnknownKind until Lexicon::Describe fills it
  uint8_t have = 0;             // kHaveWord: `word` is analysed; kHaveFirst: the first-word one
  // Tag's fast path: kReadyAlways (punctuation: `word` is the token's analysis wherever it
  // stands), kReadyNotFirst (a word whose `word` analysis is done: its analysis unless it
  // opens the sentence), else kReadyNot.
  uint8_t ready = 0;
  uint32_t first = 0;  // 1 + index of the first-word analysis in WordCache, 0 = none
  Cand word;           // cap, wid, wbits (Cand::Base); the analysis when not first in its sentence;
                       // for kPunctKind also set and best
};
enum : uint8_t { kHaveWord = 1, kHaveFirst = 2 };
enum : uint8_t { kReadyNot = 0, kReadyNotFirst = 1, kReadyAlways = 2 };

// The mask of the low n bytes of a word (all of it for n >= 8).
constexpr uint64_t LowBytes(size_t n) {
  return n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
}
// For a text of n <= 16 bytes, the masks of its bytes in its first and second 8-byte word.
constexpr std::array<uint64_t, 17> kMask0 = [] {
  std::array<uint64_t, 17> a{};
  for (size_t n = 0; n <= 16; ++n) a[n] = LowBytes(n);
  return a;
}();
constexpr std::array<uint64_t, 17> kMask1 = [] {
  std::array<uint64_t, 17> a{};
  for (size_t n = 8; n <= 16; ++n) a[n] = LowBytes(n - 8);
  return a;
}();

// A per-thread memo of WordInfo by token text: news text repeats its words, so most tokens
// are analysed once (closed classes, several WordNet probes for the stems, morphology) and
// then found with one hash probe. Bounded: it starts over when full, and texts longer than
// kMaxKey bytes are not kept. Entries hold pointers into one Tagger's lexicon, so the cache
// belongs to one Tagger at a time (Reset).
class WordCache {
 public:
  // Empties the cache unless it already belongs to the tagger `owner`.
  void Reset(uint64_t owner) {
    if (owner != owner_ || slots_.empty()) Clear();
    owner_ = owner;
  }

  // The entry for `w`, a blank one (kind kUnknownKind) if `w` is new; nullptr if `w` is
  // too long to keep. The pointer is valid until the next Get or Reset. `readable` bytes
  // (>= w.size()) may be read at w.data(): a std::string's whole buffer, capacity() + 1,
  // so that a short word is loaded 8 bytes at a time and masked.
  WordInfo* Get(std::string_view w, size_t readable) {
    // The common case, inline: a word of 1 to 16 bytes in a string's inline buffer that is
    // in the cache. Two loads, two masks, one multiply, one probe or a few. Everything else
    // (longer words, words outside a string's inline buffer) goes to GetSlow, which computes
    // the same hash; a new short word is inserted at once (Insert).
    const size_t len = w.size();
    if (len - 1 < 16 && readable >= 16) {
      uint64_t k0, k1;
      std::memcpy(&k0, w.data(), 8);
      std::memcpy(&k1, w.data() + 8, 8);
      k0 &= kMask0[len];
      k1 &= kMask1[len];
      const uint64_t h = ShortHash(k0, k1, len);
      const uint16_t tag = static_cast<uint16_t>(h >> 48);
      for (size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
        const Slot sl = slots_[i];
        if (sl.index == 0) {
          // A new word: added here, with the hash and free slot found (GetSlow would
          // compute the same again).
          const uint64_t key[2] = {k0, k1};
          return Insert(key, 2, len, h, i);
        }
        if (sl.tag != tag) continue;
        Item& it = items_[sl.index - 1];
        if (((it.len ^ len) | (it.key[0] ^ k0) | (it.key[1] ^ k1)) == 0) return &it.info;
      }
    }
    return GetSlow(w, readable);
  }

 private:
  // A 64x64->128 multiply folded to 64 bits (the wyhash "mum" mix) of a text of up to 16
  // bytes as two zero-padded words: every input bit reaches the low bits that pick the slot.
  static uint64_t ShortHash(uint64_t k0, uint64_t k1, size_t len) {
    const unsigned __int128 m = static_cast<unsigned __int128>(k0 ^ 0x9E3779B97F4A7C15ULL) *
                                (k1 ^ 0xBF58476D1CE4E5B9ULL ^ len);
    return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
  }

  [[gnu::noinline]] WordInfo* GetSlow(std::string_view w, size_t readable) {
    const size_t len = w.size();
    if (len > kMaxKey) return nullptr;
    // The text as little-endian 8-byte words, zero-padded: hashed and compared a word at a
    // time, inline (no memcmp/memcpy calls for these short keys).
    uint64_t key[kMaxKey / 8];
    size_t nw;
    uint64_t h;
    if (len <= 16) {
      if (readable >= 16) {
        // The common case (a word in a string's inline buffer): two loads, two masks.
        std::memcpy(&key[0], w.data(), 8);
        std::memcpy(&key[1], w.data() + 8, 8);
        key[0] &= kMask0[len];
        key[1] &= kMask1[len];
      } else {
        key[0] = LoadWord(w.data(), len, readable);
        key[1] = len > 8 ? LoadWord(w.data() + 8, len - 8, readable - 8) : 0;
      }
      nw = 2;
      h = ShortHash(key[0], key[1], len);
    } else {
      nw = (len + 7) / 8;
      for (size_t k = 0; k < nw; ++k)
        key[k] = LoadWord(w.data() + 8 * k, len - 8 * k, readable - 8 * k);
      h = 0x9E3779B97F4A7C15ULL ^ len;
      for (size_t k = 0; k < nw; ++k) {
        h = (h ^ key[k]) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
      }
      h *= 0xBF58476D1CE4E5B9ULL;
      h ^= h >> 29;
    }
    const uint16_t tag = static_cast<uint16_t>(h >> 48);
    size_t i = h & (kSlots - 1);
    for (;; i = (i + 1) & (kSlots - 1)) {
      const Slot& sl = slots_[i];
      if (sl.index == 0) break;
      if (sl.tag != tag) continue;
      Item& it = items_[sl.index - 1];
      if (((it.len ^ len) | (it.key[0] ^ key[0]) | (it.key[1] ^ key[1])) != 0) continue;
      if (nw <= 2) return &it.info;
      const uint64_t* more = keys_.data() + it.more;
      size_t k = 2;
      while (k < nw && more[k - 2] == key[k]) ++k;
      if (k >= nw) return &it.info;
    }
    return Insert(key, nw, len, h, i);
  }

  // Adds a blank entry for the text key[0..nw) of `len` bytes, with hash h, absent from the
  // cache, whose probe sequence reached the free slot i.
  [[gnu::noinline]] WordInfo* Insert(const uint64_t* key, size_t nw, size_t len, uint64_t h,
                                     size_t i) {
    if (items_.size() >= kMaxEntries) {
      Clear();
      i = h & (kSlots - 1);
    }
    Item& it = items_.emplace_back();
    it.key[0] = key[0];
    it.key[1] = key[1];
    it.len = static_cast<uint32_t>(len);
    it.more = static_cast<uint32_t>(keys_.size());
    if (nw > 2) keys_.insert(keys_.end(), key + 2, key + nw);
    slots_[i] = Slot{static_cast<uint16_t>(h >> 48), static_cast<uint16_t>(items_.size())};
    return &it.info;
  }

 public:
  // Storage for the first-word analysis of `info` (an entry of this cache).
  Cand* FirstOf(WordInfo* info) {
    if (info->first == 0) {
      firsts_.emplace_back();
      info->first = static_cast<uint32_t>(firsts_.size());
    }
    return &firsts_[info->first - 1];
  }

 private:
  static constexpr size_t kMaxEntries = size_t{1} << 15;
  static constexpr size_t kSlots = 2 * kMaxEntries;  // load factor <= 1/2
  static constexpr size_t kMaxKey = 64;              // bytes; a multiple of 8
  static_assert(kMaxEntries < 65536, "Slot::index is 16 bits");

  struct Slot {
    uint16_t tag = 0;    // high bits of the text's hash
    uint16_t index = 0;  // 1 + index into items_, 0 = empty
  };
  struct Item {
    uint64_t key[2];  // the text's first 16 bytes, zero-padded
    uint32_t len;     // the text's length
    uint32_t more;    // the rest of the text: keys_[more...], if longer than 16 bytes
    WordInfo info;
  };

  // Up to 8 bytes of p (n of them if n < 8), little-endian, zero-padded; `readable` bytes
  // (>= n) may be read at p.
  static uint64_t LoadWord(const char* p, size_t n, size_t readable) {
    uint64_t v = 0;
    if (readable >= 8) {
      std::memcpy(&v, p, 8);  // a fixed-size copy: one load
      return n >= 8 ? v : v & ((uint64_t{1} << (8 * n)) - 1);
    }
    for (size_t k = 0; k < n; ++k) v |= uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
    return v;
  }

  void Clear() {
    slots_.assign(kSlots, Slot{});
    items_.clear();
    items_.reserve(kMaxEntries);
    keys_.clear();
    firsts_.clear();
  }

  uint64_t owner_ = 0;
  std::vector<Slot> slots_;
  std::vector<Item> items_;
  std::vector<uint64_t> keys_;  // texts beyond their first 16 bytes, as 8-byte words
  std::vector<Cand> firsts_;    // first-word analyses (WordInfo::first)
};

// A distinct id per Lexicon, so that a thread's WordCache never mixes two taggers.
uint64_t NextOwnerId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

struct Tagger::Lexicon {
  const uint64_t owner_id = NextOwnerId();
  FlatMap<Entry> words;
  FlatMap<T> closed;
  FlatMap<uint16_t> word_ids;  // kWords -> index

  uint16_t WordId(std::string_view w) const {
    const uint16_t* id = word_ids.find(w);
    return id ? *id : 0;
  }

  const Entry* Find(std::string_view w) const { return words.find(w); }
  uint16_t Flags(std::string_view w) const {
    const Entry* e = Find(w);
    return e ? e->flags : 0;
  }
  // Flags(w), hashing from lf's prefix states when `w` is a prefix view of lf.text.
  uint16_t Flags(std::string_view w, const LowForm& lf) const {
    const Entry* e = lf.IsPrefix(w) ? words.find(w, lf.PrefixHash(w)) : words.find(w);
    return e ? e->flags : 0;
  }
  Entry& At(std::string_view w) { return words.emplace(w, Entry{}); }

  void AddClosed() {
    for (const ClosedWord& c : kClosed) closed.emplace(c.word, c.tag);
    for (size_t k = 1; k < kNumWords; ++k) word_ids.emplace(kWords[k], static_cast<uint16_t>(k));
  }

  // Fills *info's kind and base from the token text `w`; sets *lf to its lower-case form.
  void Describe(std::string_view w, WordInfo* info, LowForm* lf) const {
    lf->Set(w);
    const std::string& low = lf->text;
    Cand& c = info->word;
    c = Cand{};
    const uint16_t* id = word_ids.find(low, lf->Hash());
    c.wid = id ? *id : 0;
    if (low.ends_with("ing")) c.wbits |= kEndsIng;
    if (low.size() > 4 && low.ends_with("ly")) c.wbits |= kLongLy;
    c.cap = !w.empty() && IsUpperC(static_cast<unsigned char>(w[0]));
    info->have = 0;
    info->ready = kReadyNot;
    if (w == "\"") {
      info->kind = kQuoteKind;  // opens or closes, by the quotes before it
      return;
    }
    if (w == "'" || w == "\xE2\x80\x99") {
      info->kind = kApostropheKind;  // possessive or closing quote, by the word before it
      return;
    }
    bool quote_state = false;  // only '"' reads or changes it, handled above
    // (No punctuation mark starts with a letter or digit.)
    const unsigned char c0 = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
    const T p = IsLowerC(c0) || IsUpperC(c0) || IsDigitC(c0) ? kNumTags : PunctTag(w, &quote_state);
    if (p != kNumTags) {
      c.set = Bit(p);
      c.best = p;
      info->kind = kPunctKind;
      info->ready = kReadyAlways;
      return;
    }
    info->kind = kWordKind;
  }

  // The first-pass analysis of a word token (not punctuation): candidate tags and the
  // default choice, from the closed classes, WordNet and morphology. `low` is the
  // lower-case form of `w` (LowForm::Set); `first` is true for the sentence's first word.
  // *cp comes in with cap, wid and wbits set. `buf` is scratch.
  void AnalyzeWord(std::string_view w, const LowForm& lf, bool first, Cand* cp,
                   std::string& buf) const {
    Cand& c = *cp;
    const std::string_view low = lf.text;
    const uint64_t low_hash = lf.Hash();
    // The lexicon flags of `stem` (`low`, a prefix of it, or any other string).
    auto Flags = [this, &lf](std::string_view stem) { return Lexicon::Flags(stem, lf); };
    // Is `stem` a lemma with class `cls`?
    auto StemHas = [&Flags](std::string_view stem, uint16_t cls) {
      return stem.size() >= 2 && (Flags(stem) & cls) != 0;
    };
    // Numbers.
    const bool has_digit = lf.has_digit, all_numeric = lf.all_numeric;
    if (has_digit && (all_numeric || EndsWith(low, "s") || EndsWith(low, "th") ||
                      EndsWith(low, "st") || EndsWith(low, "nd") || EndsWith(low, "rd"))) {
      bool ordinal = !all_numeric && !EndsWith(low, "s");
      c.best = ordinal ? JJ : CD;
      c.set = Bit(c.best);
      return;
    }
    // Closed class (not for all-capitals words like "US", "IT").
    const bool all_caps = w.size() >= 2 && !lf.has_lower;
    const T* ci = closed.find(low, low_hash);
    if (ci != nullptr && !(all_caps && w.size() <= 3 && low != "i" && low != "a") &&
        (!c.cap || first || (*ci) != NN)) {
      if (!(c.cap && !first &&
            ((*ci) == NN || (*ci) == NNS || (*ci) == JJ || (*ci) == MD || (*ci) == VBD ||
             (*ci) == VBN))) {
        c.closed = true;
        c.best = (*ci);
        c.set = Bit(c.best);
        if (low == "'s") c.set = Bit(POS) | Bit(VBZ), c.best = POS;
        if (low == "'d") c.set = Bit(MD) | Bit(VBD);
        if (low == "had") c.set |= Bit(VBN);
        if (low == "that") c.set = Bit(IN) | Bit(WDT) | Bit(DT);
        if (low == "her") c.set |= Bit(PRP);
        if (low == "there") c.set |= Bit(RB);
        if (low == "all" || low == "both") c.set |= Bit(PDT);
        if (low == "more" || low == "less") c.set |= Bit(RBR);
        if (low == "most" || low == "least") c.set |= Bit(RBS);
        if (low == "up" || low == "out" || low == "off" || low == "down" || low == "over" ||
            low == "back" || low == "away" || low == "around")
          c.set |= Bit(RP) | Bit(RB);
        if (low == "before" || low == "after" || low == "since") c.set |= Bit(RB);
        if (low == "so") c.set |= Bit(IN);
        if (low == "one") c.set |= Bit(NN) | Bit(PRP);
        if (low == "like") c.set |= Bit(VBP) | Bit(VB);
        if (low == "said" || low == "told") c.set |= Bit(VBN);
        if (low == "killed") c.set |= Bit(VBD);
        if (low == "military") c.set |= Bit(NN);  // "the French military in Rwanda"
        if (low == "have" || low == "do" || low == "say") c.set |= Bit(VB);
        if (c.best == NN || c.best == NNS) {
          const Entry* e = words.find(low, low_hash);
          c.SetEntry(e);
        } else {
          return;
        }
      }
    }
    if (w == "&") {
      c.set = Bit(CC);
      c.best = CC;
      return;
    }
    {
      // "al-Qaeda", "al-Raya": a capital after an inner hyphen marks a name.
      size_t dash = lf.has_dash ? w.rfind('-') : std::string_view::npos;
      if (!c.cap && dash != std::string::npos && dash > 0 && dash + 1 < w.size() &&
          IsUpperC(static_cast<unsigned char>(w[dash + 1])) &&
          IsLowerC(static_cast<unsigned char>(w[0]))) {
        c.set = Bit(NNP);
        c.best = NNP;
        return;
      }
    }
    const Entry* e = words.find(low, low_hash);
    uint16_t f = e ? e->flags : 0;
    c.SetEntry(e);
    bool known_lower =
        (f & (kN | kV | kA | kR | kExcNounPl | kExcVerbPast | kExcAdjCmp | kExcAdjSup)) != 0;
    // Capitalised words: names, unless sentence-initial and known in lower case.
    if ((c.cap || all_caps) && !c.closed) {
      bool treat_as_name = !first || (f & (kCapNoun | kCapAdj)) || !known_lower || all_caps;
      if (first && known_lower && !(f & (kCapNoun | kCapAdj)) && !all_caps) {
        // Also a plural of a known lemma ("Officials") is a common word.
        treat_as_name = false;
      }
      if (first && !known_lower && low.size() > 3 && EndsWith(low, "s")) {
        std::string_view st(low.data(), low.size() - 1);
        if (Flags(st) & kN) treat_as_name = (Flags(st) & kCapNoun) && !(Flags(st) & kLowerAny);
      }
      if (treat_as_name) {
        if ((f & kCapAdj) && !(f & kCapNoun && !(f & kA))) {
          c.set = Bit(JJ) | Bit(NNP);
          c.best = JJ;
          if (EndsWith(low, "s")) c.set = Bit(NNPS), c.best = NNPS;
        } else if (low.size() > 3 && EndsWith(low, "s") && !EndsWith(low, "ss") &&
                   !EndsWith(low, "us") && !EndsWith(low, "is") && !all_caps &&
                   (Flags(std::string_view(low.data(), low.size() - 1)) & (kN | kCapAdj))) {
          c.set = Bit(NNPS);
          c.best = NNPS;
        } else {
          c.set = Bit(NNP);
          c.best = NNP;
        }
        if (lf.has_dash) {
          // "pro-Western", "U.S.-backed": adjective-like compounds.
          size_t dash = low.rfind('-');
          std::string_view tail = std::string_view(low).substr(dash + 1);
          if (EndsWith(tail, "ed") || EndsWith(tail, "ing") || (Flags(tail) & kA))
            c.set = Bit(JJ), c.best = JJ;
        }
        return;
      }
    }
    TagSet set = 0;
    if (f & kN) set |= Bit(NN);
    if (f & kV) set |= Bit(VB) | Bit(VBP);
    if (f & kA) set |= Bit(JJ);
    if (f & kR) set |= Bit(RB);
    if (f & kExcNounPl) set |= Bit(NNS);
    if (f & kExcVerbPast) set |= Bit(VBD) | Bit(VBN);
    if (f & kExcAdjCmp) set |= Bit(JJR);
    if (f & kExcAdjSup) set |= Bit(JJS);
    std::string_view lw = low;
    const size_t L = lw.size();
    // -s
    if (L > 2 && lw[L - 1] == 's' && lw[L - 2] != 's') {
      std::string_view st1 = Prefix(lw, L - 1);
      TagSet add = 0;
      uint16_t sf = Flags(st1);
      if (L > 3 && EndsWith(lw, "es")) sf |= Flags(Prefix(lw, L - 2));
      if (L > 4 && EndsWith(lw, "ies")) {
        buf.assign(Prefix(lw, L - 3));
        buf.push_back('y');
        sf |= Flags(buf);
      }
      if (sf & kN) add |= Bit(NNS);
      if (sf & kV) add |= Bit(VBZ);
      if (add) {
        set &= ~(Bit(NN) | Bit(VB) | Bit(VBP));  // "news", "is": rare; plural reading wins
        if (f & kN && !(add & Bit(NNS))) set |= Bit(NN);
        set |= add;
      }
    }
    // -men plurals not listed as exceptions: "gunmen", "policemen".
    if (L > 4 && EndsWith(lw, "men") && !(f & kExcNounPl)) {
      buf.assign(Prefix(lw, L - 3));
      buf.append("man");
      if (Flags(buf) & kN) {
        set &= ~(Bit(NN) | Bit(VB) | Bit(VBP));
        set |= Bit(NNS);
      }
    }
    // -ed
    if (L > 3 && EndsWith(lw, "ed")) {
      bool v = StemHas(Prefix(lw, L - 2), kV) || StemHas(Prefix(lw, L - 1), kV);
      if (!v && L > 4 && EndsWith(lw, "ied")) {
        buf.assign(Prefix(lw, L - 3));
        buf.push_back('y');
        v = (Flags(buf) & kV) != 0;
      }
      if (!v && L > 4 && lw[L - 3] == lw[L - 4]) v = StemHas(Prefix(lw, L - 3), kV);
      if (v) set |= Bit(VBD) | Bit(VBN);
      // "foreign-funded", "military-ruled": hyphenated participles are adjectives.
      if (!v && set == 0) set |= lf.has_dash ? Bit(JJ) : Bit(VBN) | Bit(VBD) | Bit(JJ);
    }
    // -ing
    if (L > 4 && EndsWith(lw, "ing")) {
      std::string_view st = Prefix(lw, L - 3);
      bool v = StemHas(st, kV);
      if (!v) {
        buf.assign(st);
        buf.push_back('e');
        v = (Flags(buf) & kV) != 0;
      }
      if (!v && st.size() > 2 && st[st.size() - 1] == st[st.size() - 2])
        v = StemHas(Prefix(st, st.size() - 1), kV);
      // An unknown -ing word whose stem is no verb ("hafling") may as well be a noun.
      if (!v && set == 0) set |= Bit(NN);
      if (v || set == Bit(NN)) set |= Bit(VBG);
    }
    // -er / -est
    if (L > 4 && (EndsWith(lw, "er") || EndsWith(lw, "est"))) {
      bool sup = EndsWith(lw, "est");
      std::string_view st = Prefix(lw, L - (sup ? 3 : 2));
      bool a = StemHas(st, kA) || StemHas(Prefix(lw, L - (sup ? 2 : 1)), kA);
      if (!a && st.size() > 2 && st[st.size() - 1] == st[st.size() - 2])
        a = StemHas(Prefix(st, st.size() - 1), kA);
      if (!a && st.size() > 1 && st.back() == 'i') {
        buf.assign(Prefix(st, st.size() - 1));
        buf.push_back('y');
        a = (Flags(buf) & kA) != 0;
      }
      if (a) set |= Bit(sup ? JJS : JJR);
    }
    if (set == 0) {
      // Unknown word: guess from shape.
      if (lf.has_dash) {
        size_t dash = low.rfind('-');
        std::string_view tail = lw.substr(dash + 1);
        uint16_t tf = Flags(tail);
        if (dash + 1 < w.size() && IsUpperC(static_cast<unsigned char>(w[dash + 1]))) {
          set = Bit(NNP);  // "al-Raya", "bin-Laden"
        } else if (EndsWith(tail, "ed") || EndsWith(tail, "ing") || (tf & kA) || has_digit) {
          set = Bit(JJ);
        } else if (EndsWith(tail, "s") && (Flags(Prefix(tail, tail.size() - 1)) & kN)) {
          set = Bit(NNS);
        } else if ((tf & kN) || tail.empty()) {
          set = Bit(NN) | Bit(JJ);
        } else {
          set = Bit(JJ);
        }
      } else if (EndsWith(lw, "ly")) {
        set = Bit(RB);
      } else if (EndsWith(lw, "ous") || EndsWith(lw, "ful") || EndsWith(lw, "ive") ||
                 EndsWith(lw, "ic") || EndsWith(lw, "al") || EndsWith(lw, "able") ||
                 EndsWith(lw, "ible") || EndsWith(lw, "less") || EndsWith(lw, "ian") ||
                 EndsWith(lw, "ese") || EndsWith(lw, "ary") || EndsWith(lw, "ish")) {
        set = Bit(JJ);
      } else if (L > 3 && EndsWith(lw, "s") && !EndsWith(lw, "ss") && !EndsWith(lw, "us")) {
        set = Bit(NNS);
      } else {
        set = Bit(NN) | Bit(VB) | Bit(VBP);  // unknown: context decides (after "to" -> VB)
      }
    }
    c.set = set;
    // Default preference from SemCor counts and simple priorities.
    T best;
    uint16_t cn = e ? e->cnt[0] : 0, cv = e ? e->cnt[1] : 0, ca = e ? e->cnt[2] : 0,
             cr = e ? e->cnt[3] : 0;
    if (set & Bit(NNS))
      best = NNS;
    else if (set & Bit(VBD))
      best = VBD;
    else if (set & Bit(VBG))
      best = VBG;
    else if (set & Bit(NN))
      best = NN;
    else if (set & Bit(JJ))
      best = JJ;
    else if (set & Bit(VB))
      best = VB;
    else if (set & Bit(RB))
      best = RB;
    else if (set & Bit(JJR))
      best = JJR;
    else if (set & Bit(JJS))
      best = JJS;
    else if (set & Bit(VBZ))
      best = VBZ;
    else if (set & Bit(VBP))
      best = VBP;
    else if (set & Bit(VBN))
      best = VBN;
    else if (set & Bit(NNP))
      best = NNP;
    else
      best = NN;
    if ((set & Bit(JJ)) && ca > cn + 2 && ca >= cv && !(set & (Bit(NNS) | Bit(VBD)))) best = JJ;
    if ((set & Bit(RB)) && cr > cn + cv + ca) best = RB;
    if ((set & Bit(JJ)) && (set & Bit(VBN)) && !(f & kExcVerbPast)) {
      // "armed", "wounded": participle first; context may make it JJ.
      best = VBD;
    }
    c.best = best;
  }

  // Calls fn(line) for every line of a WordNet file (without its newline).
  template <typename Fn>
  static void ForEachLine(std::string_view text, Fn fn) {
    size_t i = 0;
    while (i < text.size()) {
      size_t eol = text.find('\n', i);
      if (eol == std::string_view::npos) eol = text.size();
      fn(text.substr(i, eol - i));
      i = eol + 1;
    }
  }

  // index.<pos>: one lemma per line, first field; lines starting with a space are headers.
  void LoadIndex(const std::string& text, uint16_t cls) {
    ForEachLine(text, [&](std::string_view line) {
      if (line.empty() || line[0] == ' ') return;
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) return;
      std::string_view lemma = line.substr(0, sp);
      if (lemma.find('_') == std::string_view::npos) At(lemma).flags |= cls;
    });
  }

  // *.exc: "inflected lemma" per line.
  void LoadExc(const std::string& text, int which) {
    ForEachLine(text, [&](std::string_view line) {
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) return;
      std::string_view form = line.substr(0, sp);
      if (form.find('_') != std::string_view::npos) return;
      uint16_t f = 0;
      if (which == 0) f = kExcNounPl;
      if (which == 1) f = kExcVerbPast;
      if (which == 2) f = EndsWith(form, "st") ? kExcAdjSup : kExcAdjCmp;
      if (which == 1 && (EndsWith(form, "ing") || EndsWith(form, "s"))) f = 0;
      if (f) At(form).flags |= f;
    });
  }

  // data.<pos>: records capitalised word forms (names, nationality adjectives) and whether a
  // lower-case form exists. Line: offset lex_filenum ss_type w_cnt(hex) word lex_id ...
  void LoadData(const std::string& text, bool adj) {
    ForEachLine(text, [&](std::string_view line) {
      if (line.empty() || line[0] == ' ') return;
      const char* p = line.data();
      const char* end = line.data() + line.size();
      int field = 0;
      while (p < end && field < 3) {  // skip offset, lex_filenum, ss_type
        while (p < end && *p != ' ') ++p;
        while (p < end && *p == ' ') ++p;
        ++field;
      }
      long cnt = std::strtol(p, nullptr, 16);
      while (p < end && *p != ' ') ++p;
      while (p < end && *p == ' ') ++p;
      for (long k = 0; k < cnt && k < 64 && p < end; ++k) {
        const char* w = p;
        while (p < end && *p != ' ') ++p;
        std::string_view word(w, static_cast<size_t>(p - w));
        size_t paren = word.find('(');  // adjective markers "(a)" "(p)"
        if (paren != std::string_view::npos) word = word.substr(0, paren);
        while (p < end && *p == ' ') ++p;
        while (p < end && *p != ' ') ++p;  // lex_id
        while (p < end && *p == ' ') ++p;
        if (word.empty() || word.find('_') != std::string_view::npos) continue;
        bool cap = IsUpperC(static_cast<unsigned char>(word[0]));
        if (!cap) {
          if (Entry* e = words.find(word)) e->flags |= kLowerAny;
          continue;
        }
        std::string lower(word);
        for (char& c : lower) {
          if (IsUpperC(static_cast<unsigned char>(c))) c = static_cast<char>(c + 32);
        }
        if (Entry* e = words.find(lower)) e->flags |= adj ? kCapAdj : kCapNoun;
      }
    });
  }

  // cntlist.rev: "lemma%ss_type:... sense_number tag_count".
  void LoadCounts(const std::string& text) {
    ForEachLine(text, [&](std::string_view line) {
      size_t pct = line.find('%');
      if (pct == std::string_view::npos || pct + 1 >= line.size()) return;
      std::string_view lemma = line.substr(0, pct);
      int ss = line[pct + 1] - '0';
      size_t sp = line.rfind(' ');
      if (sp == std::string_view::npos || sp <= pct) return;
      long c = std::strtol(line.data() + sp + 1, nullptr, 10);
      Entry* e = words.find(lemma);
      if (e != nullptr && ss >= 1 && ss <= 5 && c > 0) {
        int k = ss == 5 ? 2 : ss - 1;
        uint32_t v = e->cnt[k] + static_cast<uint32_t>(c);
        e->cnt[k] = static_cast<uint16_t>(v > 60000 ? 60000 : v);
      }
    });
  }
};

Tagger::Tagger() : lex_(std::make_unique<Lexicon>()) { lex_->AddClosed(); }
Tagger::~Tagger() = default;

size_t Tagger::lexicon_size() const { return lex_->words.size(); }

// The lexicon built from WordNet's files takes ~180M instructions; it is kept in a cache
// file (base/cache_file.h) while those files keep their sizes and mtimes.
constexpr std::string_view kLexiconCacheMagic = "eventcoder-wordnet-lexicon-v1 entry10";
static_assert(sizeof(Entry) == 10, "change kLexiconCacheMagic with the Entry layout");

StatusOr<std::unique_ptr<Tagger>> Tagger::Load(std::string_view dir) {
  std::string base(dir);
  if (!base.empty() && base.back() != '/') base.push_back('/');
  std::string text;
  if (std::FILE* f = std::fopen((base + "index.noun").c_str(), "rb")) {
    std::fclose(f);
  } else {
    return Status::NotFound("wordnet: cannot read " + base + "index.noun");
  }
  auto t = std::make_unique<Tagger>();
  Lexicon& lx = *t->lex_;
  std::vector<std::string> files;
  for (const char* name :
       {"index.noun", "index.verb", "index.adj", "index.adv", "noun.exc", "verb.exc", "adj.exc",
        "data.noun", "data.adj", "data.verb", "cntlist.rev"})
    files.push_back(base + name);
  const std::string cache = CacheFilePath("wordnet-lexicon.bin");
  const std::string stamp = cache.empty() ? "" : FileStamp(files);
  std::string payload;
  if (ReadCacheFile(cache, kLexiconCacheMagic, stamp, &payload)) {
    PayloadReader r(payload);
    if (lx.words.Deserialize(&r) && r.AtEnd()) return t;
    lx.words = FlatMap<Entry>();
  }
  if (!ReadFile(base + "index.noun", &text)) {
    return Status::NotFound("wordnet: cannot read " + base + "index.noun");
  }
  lx.words.reserve(200000);
  lx.LoadIndex(text, kN);
  if (ReadFile(base + "index.verb", &text)) lx.LoadIndex(text, kV);
  if (ReadFile(base + "index.adj", &text)) lx.LoadIndex(text, kA);
  if (ReadFile(base + "index.adv", &text)) lx.LoadIndex(text, kR);
  if (ReadFile(base + "noun.exc", &text)) lx.LoadExc(text, 0);
  if (ReadFile(base + "verb.exc", &text)) lx.LoadExc(text, 1);
  if (ReadFile(base + "adj.exc", &text)) lx.LoadExc(text, 2);
  if (ReadFile(base + "data.noun", &text)) lx.LoadData(text, false);
  if (ReadFile(base + "data.adj", &text)) lx.LoadData(text, true);
  if (ReadFile(base + "data.verb", &text)) lx.LoadData(text, false);
  if (ReadFile(base + "cntlist.rev", &text)) lx.LoadCounts(text);
  PayloadWriter w;
  lx.words.Serialize(&w);
  WriteCacheFile(cache, kLexiconCacheMagic, stamp, w.data());
  return t;
}

const Tagger& Tagger::Default() {
  static const Tagger* const kTagger = [] {
    const char* env = std::getenv("EVENTCODER_WORDNET_DIR");
    auto loaded = Tagger::Load(env != nullptr && *env ? env : "/usr/share/wordnet");
    if (loaded.ok()) return static_cast<const Tagger*>(std::move(loaded).value().release());
    return static_cast<const Tagger*>(new Tagger());
  }();
  return *kTagger;
}

namespace {

// Tag's per-thread working storage.
struct TagScratch {
  WordCache cache;
  WordInfo local;    // a word too long for the cache
  Cand local_first;  // its first-word analysis
  std::vector<Cand> cands;
  std::vector<T> tags;
  LowForm low;
  std::string buf;
};

// Sets each token's tag to the name of tags[i] (kTagNames, spelled out once per case).
// Each case appends a literal of constant length, which `flatten` inlines into a store of
// immediate bytes and a length update: no library calls (assign and append with a variable
// length are calls into libstdc++ and memcpy; push_back per byte costs a capacity check and
// reloads each), and no load of the name from a table.
// Tokenize leaves the tags empty; a sentence tagged before has its old tags cleared first.
[[gnu::flatten]] void WriteTags(const T* tags, Sentence* s) {
  // A literal per tag: its bytes are immediates, its length a constant.
  auto put = [](std::string& tag, const auto& lit) { tag.append(lit, sizeof(lit) - 1); };
  for (Token& tok : s->tokens) {
    std::string& tag = tok.tag;
    if (!tag.empty()) tag.clear();  // (usually empty: no stores, no reload of the length)
    switch (*tags++) {
      case NN:
        put(tag, "NN");
        break;
      case NNS:
        put(tag, "NNS");
        break;
      case NNP:
        put(tag, "NNP");
        break;
      case NNPS:
        put(tag, "NNPS");
        break;
      case VB:
        put(tag, "VB");
        break;
      case VBD:
        put(tag, "VBD");
        break;
      case VBG:
        put(tag, "VBG");
        break;
      case VBN:
        put(tag, "VBN");
        break;
      case VBP:
        put(tag, "VBP");
        break;
      case VBZ:
        put(tag, "VBZ");
        break;
      case JJ:
        put(tag, "JJ");
        break;
      case JJR:
        put(tag, "JJR");
        break;
      case JJS:
        put(tag, "JJS");
        break;
      case RB:
        put(tag, "RB");
        break;
      case RBR:
        put(tag, "RBR");
        break;
      case RBS:
        put(tag, "RBS");
        break;
      case DT:
        put(tag, "DT");
        break;
      case PDT:
        put(tag, "PDT");
        break;
      case IN:
        put(tag, "IN");
        break;
      case CC:
        put(tag, "CC");
        break;
      case CD:
        put(tag, "CD");
        break;
      case PRP:
        put(tag, "PRP");
        break;
      case PRPS:
        put(tag, "PRP$");
        break;
      case POS:
        put(tag, "POS");
        break;
      case TO:
        put(tag, "TO");
        break;
      case MD:
        put(tag, "MD");
        break;
      case WDT:
        put(tag, "WDT");
        break;
      case WP:
        put(tag, "WP");
        break;
      case WPS:
        put(tag, "WP$");
        break;
      case WRB:
        put(tag, "WRB");
        break;
      case EX:
        put(tag, "EX");
        break;
      case RP:
        put(tag, "RP");
        break;
      case UH:
        put(tag, "UH");
        break;
      case FW:
        put(tag, "FW");
        break;
      case SYM:
        put(tag, "SYM");
        break;
      case DOLLAR:
        put(tag, "$");
        break;
      case HASH:
        put(tag, "#");
        break;
      case COMMA:
        put(tag, ",");
        break;
      case PERIOD:
        put(tag, ".");
        break;
      case COLON:
        put(tag, ":");
        break;
      case LQ:
        put(tag, "``");
        break;
      case RQ:
        put(tag, "''");
        break;
      case LRB:
        put(tag, "-LRB-");
        break;
      case RRB:
        put(tag, "-RRB-");
        break;
      default:
        break;
    }
  }
}

}  // namespace

void Tagger::Tag(Sentence* s) const {
  const Lexicon* lx = lex_.get();
  const size_t n = s->tokens.size();
  if (n == 0) return;
  // Per-thread scratch, reused across sentences so that tagging allocates nothing in the
  // steady state.
  thread_local TagScratch sc;
  sc.cache.Reset(lx->owner_id);
  // The first pass writes every cands[i] (wid: the word id the rules test); the context pass writes
  // tags[i] before it reads it (its rules read only the tags of tokens before the current one), so
  // none of them needs initialising.
  // One sentinel before and after the tokens (cands[-1], cands[n], tags[-1]): the context
  // pass reads the previous tag and word and the next token's set without bounds tests.
  if (sc.cands.size() < n + 2) sc.cands.resize(n + 2);
  if (sc.tags.size() < n + 1) sc.tags.resize(n + 1);
  // The passes below work through plain pointers, held in registers: through the vectors,
  // every store of a tag or flag byte (which may alias anything) would reload their data
  // pointers.
  Cand* const cands = sc.cands.data() + 1;
  T* const tags = sc.tags.data() + 1;
  // prev_cands[i] is cands[i - 1] and prev_tags[i] is tags[i - 1], the sentinel for i == 0
  // (indexing `cands` with an unsigned i - 1 would wrap the pointer: undefined behaviour).
  const Cand* const prev_cands = sc.cands.data();
  const T* const prev_tags = sc.tags.data();
  cands[-1].wid = 0;           // no word before the first
  cands[n].set = Bit(PERIOD);  // the sentence ends after the last
  tags[-1] = PERIOD;
  const Token* const tokens = s->tokens.data();
  bool quote_open = false;
  bool at_start = true;
  for (size_t i = 0; i < n; ++i) {
    const std::string& text = tokens[i].text;
    const std::string_view w = text;
    Cand& c = cands[i];
    // What depends on the text alone comes from the per-thread cache; words too long to
    // keep there are analysed into sc.local.
    WordInfo* info = sc.cache.Get(w, text.capacity() + 1);
    // The fast path, for most tokens: punctuation, or a word seen before that does not
    // open the sentence (`at_start` is 0 or 1).
    if (info != nullptr && info->ready > at_start) {
      c = info->word;
      continue;
    }
    if (info == nullptr) {
      sc.local = WordInfo{};
      info = &sc.local;
    }
    bool low_ready = false;  // sc.low holds LowerForm(w)
    if (info->kind == kUnknownKind) {
      lx->Describe(w, info, &sc.low);
      low_ready = true;
    }
    switch (info->kind) {
      case kPunctKind:
        c = info->word;
        continue;
      case kQuoteKind:
        c = info->word;
        quote_open = !quote_open;
        c.best = quote_open ? LQ : RQ;
        c.set = Bit(c.best);
        continue;
      case kApostropheKind:
        c = info->word;
        // Possessive after a plural ending in s, else a closing quote.
        c.best = (i > 0 && !tokens[i - 1].text.empty() &&
                  (tokens[i - 1].text.back() == 's' || tokens[i - 1].text.back() == 'S'))
                     ? POS
                     : RQ;
        c.set = Bit(c.best);
        continue;
      default:
        break;
    }
    const bool first = at_start;
    at_start = false;
    const uint8_t have = first ? kHaveFirst : kHaveWord;
    Cand* v = !first ? &info->word : info == &sc.local ? &sc.local_first : sc.cache.FirstOf(info);
    if (!(info->have & have)) {
      const Cand base = info->word.Base();
      if (!low_ready) sc.low.Set(w);
      *v = base;
      lx->AnalyzeWord(w, sc.low, first, v, sc.buf);
      info->have |= have;
      if (info->have & kHaveWord) info->ready = kReadyNotFirst;
    }
    c = *v;
  }

  // Does a word that is surely finite (a closed-class auxiliary/modal or a word with only
  // finite readings) follow token i within its clause?
  auto finite_ahead = [&](size_t i) {
    for (size_t k = i + 1; k < n; ++k) {
      const Cand& ck = cands[k];
      if (ck.set &
          (Bit(PERIOD) | Bit(COMMA) | Bit(COLON) | Bit(CC) | Bit(WDT) | Bit(WP) | Bit(WRB)))
        return false;
      if (ck.closed && (ck.set & Bit(IN)) &&
          (cands[k].wid == W("that") || cands[k].wid == W("because") ||
           cands[k].wid == W("after") || cands[k].wid == W("before") ||
           cands[k].wid == W("while") || cands[k].wid == W("when") || cands[k].wid == W("if")))
        return false;
      if (ck.closed ? (Bit(ck.best) & kFinite) != 0
                    : (ck.set & kFinite) && !(ck.set & ~(kFinite | Bit(VBN))))
        return true;
    }
    return false;
  };
  // Is token i (a proper noun) the end of a proper-noun run that opens a clause
  // ("Gondor ...", "Fornost and Gondor ...", "..., Iran ...")?
  auto clause_initial_name = [&](const T* tg, size_t i) {
    size_t k = i + 1;
    while (k > 0 && (tg[k - 1] == NNP || tg[k - 1] == NNPS)) --k;
    if (k == i + 1) return false;
    if (k == 0) return true;
    T before = tg[k - 1];
    if (before == CC) {
      size_t m = k - 1;
      return m > 0 && (tg[m - 1] == NNP || tg[m - 1] == NNPS || tg[m - 1] == NNS);
    }
    return before == COMMA || before == WDT || before == LQ ||
           (before == IN && cands[k - 1].wid == W("that"));
  };

  // Is token k a possible past-tense verb directly followed by the start of an object
  // ("made his remarks", "accused Iran")?
  auto verb_with_object = [&](size_t k) {
    if (k + 1 >= n || cands[k].closed || !(cands[k].set & Bit(VBD))) return false;
    const Cand& nx = cands[k + 1];
    // A time phrase is no object: "released Tuesday", "arrested last week".
    if (IsTimeWord(cands[k + 1].wid) ||
        ((cands[k + 1].wid == W("last") || cands[k + 1].wid == W("next") ||
          cands[k + 1].wid == W("this")) &&
         k + 2 < n && IsTimeWord(cands[k + 2].wid)))
      return false;
    return (nx.set & (Bit(DT) | Bit(PRPS) | Bit(CD))) != 0 ||
           (!nx.closed && (nx.set & (kAdj | Bit(NNS) | Bit(NN))) && !nx.cap) ||
           (nx.closed && (nx.set & Bit(PRP))) || (nx.set == Bit(NNP) || nx.set == Bit(NNPS));
  };
  // Does a passive agent ("by") follow token i within its clause, before any object?
  auto passive_by_ahead = [&](size_t i) {
    for (size_t k = i + 1; k < n && k <= i + 10; ++k) {
      const Cand& ck = cands[k];
      if (ck.set & (Bit(PERIOD) | Bit(COMMA) | Bit(COLON) | Bit(CC) | Bit(WDT) | Bit(WP)))
        return false;
      if (ck.closed && (Bit(ck.best) & kFinite)) return false;
      if (cands[k].wid == W("by"))
        return k + 1 < n && !(cands[k + 1].wbits & kEndsIng);  // not "by firing"
      if (cands[k].wid == W("that")) return false;
    }
    return false;
  };
  // Is token i (a past form after a noun, with no object) a reduced relative whose clause
  // verb comes later: "A report released Tuesday in Geneva alleged that ...", "rebels
  // trained abroad attacked the base"? True if, within the clause and before any other verb,
  // a past form follows a noun and takes an object or a "that" clause (or a sure finite
  // auxiliary follows a noun).
  auto finite_verb_later = [&](size_t i) {
    for (size_t k = i + 1; k < n && k <= i + 10; ++k) {
      const Cand& ck = cands[k];
      if (ck.set & (Bit(PERIOD) | Bit(COMMA) | Bit(COLON) | Bit(CC) | Bit(WDT) | Bit(WP) |
                    Bit(WRB) | Bit(TO) | Bit(LQ) | Bit(RQ)))
        return false;
      if (cands[k].wid == W("that")) return false;
      const bool after_noun =
          k > i + 1 && ((Bit(cands[k - 1].best) & kNounish) ||
                        (!cands[k - 1].closed && (cands[k - 1].set & kNounish)));
      if (ck.closed) {
        if (Bit(ck.best) & kFinite) return after_noun && k > i + 1;
        continue;
      }
      if (ck.set & (Bit(VBD) | Bit(VBZ))) {
        if (!after_noun || k == i + 1) return false;
        if (ck.set & ~(kVerbs | Bit(NNS) | Bit(JJ))) return false;
        return verb_with_object(k) || (k + 1 < n && cands[k + 1].wid == W("that"));
      }
      if (ck.set & kVerbs && !(ck.set & (kNounish | kAdj))) return false;
    }
    return false;
  };
  // Does token i follow the object of a causative or perception verb ("help", "let",
  // "make", "see", "watch", "hear") and precede something that is not a noun, so that it is
  // a bare infinitive ("helping militants join a group", "made the army withdraw")?
  auto object_of_causative = [&](size_t i) {
    if (i < 2 || i + 1 >= n) return false;
    const TagSet nx = cands[i + 1].set;
    if (!(nx & (Bit(DT) | Bit(PRPS) | Bit(PRP) | Bit(NNP) | Bit(CD) | Bit(IN) | Bit(TO) | Bit(RB) |
                Bit(RP))) ||
        (nx & (Bit(NN) | Bit(NNS))))
      return false;
    size_t k = i;
    if (tags[k - 1] == PRP) {
      --k;
    } else {
      if (!(Bit(tags[k - 1]) & kNounish)) return false;
      while (k > 0 && (Bit(tags[k - 1]) & (kNounish | kAdj | Bit(DT) | Bit(PRPS) | Bit(CD)))) --k;
    }
    if (k == 0 || k == i) return false;
    if (!(Bit(tags[k - 1]) & kVerbs)) return false;
    return IsCausative(cands[k - 1].wid);
  };
  // Is token i (after "and"/"or") a second bare verb: the nearest verb before it, with no
  // finite verb or clause boundary between, is a base form after "to" or a modal, and a
  // preposition or determiner follows ("to give a speech on relations with Asia and meet
  // with dissidents")?
  auto conjunct_of_base_verb = [&](size_t i) {
    if (i + 1 >= n) return false;
    const TagSet nx = cands[i + 1].set;
    if (!(nx &
          (Bit(IN) | Bit(DT) | Bit(PRPS) | Bit(PRP) | Bit(TO) | Bit(RP) | Bit(JJ) | Bit(CD))) ||
        (nx & kNounish))
      return false;
    for (size_t k = i - 1; k-- > 0 && k + 12 > i;) {
      T tk = tags[k];
      if (tk == VB) return true;
      if ((Bit(tk) & (kFinite | Bit(VBG) | Bit(VBN) | Bit(VBD))) || tk == COMMA || tk == WDT ||
          tk == WP || tk == PERIOD || tk == COLON)
        return false;
    }
    return false;
  };

  // Context pass, left to right.
  bool finite_seen = false;
  for (size_t i = 0; i < n; ++i) {
    Cand& c = cands[i];
    const uint16_t lw = c.wid;
    T prev = prev_tags[i];                    // PERIOD for i == 0
    const uint16_t plow = prev_cands[i].wid;  // 0 for i == 0
    const TagSet nxt = cands[i + 1].set;      // Bit(PERIOD) for i + 1 == n
    T t = c.best;
    TagSet set = c.set;
    if ((set & (set - 1)) != 0) {  // ambiguous
      // (What only the rules for ambiguous words read is computed here, not for every token.)
      // Skip adverbs back to the auxiliary: "has also been", "will not go".
      size_t a = i;
      // ... and "RB CC RB" ("was heavily and unjustly criticized").
      while (a > 0 &&
             (tags[a - 1] == RB || (tags[a - 1] == CC && a != i && a > 1 && tags[a - 2] == RB)))
        --a;
      T aux_tag = prev_tags[a];                    // PERIOD for a == 0 (the sentinel)
      const uint16_t aux_low = prev_cands[a].wid;  // 0 for a == 0
      const bool next_nounish =
          (((nxt & (kNounish | Bit(CD))) != 0 && !(nxt & kFinite & ~Bit(VBD))) ||
           (i + 1 < n && cands[i + 1].best == JJ && !cands[i + 1].closed && !(nxt & kVerbs))) &&
          !(!finite_seen && (Bit(c.best) & (kNounish | kAdj)) && verb_with_object(i + 1));
      const bool after_det = (Bit(prev) & (kDetLike | kAdj | Bit(CD))) != 0;
      const bool after_have = IsHave(aux_low) && (Bit(aux_tag) & (kVerbs)) != 0;
      // ("'s" is a form of "be" only as VBZ: "it's", not "Iran's".)
      const bool after_be = IsBe(aux_low) && (aux_low != W("'s") || aux_tag == VBZ);
      // "according to police", "due to", "in addition to": "to" is a preposition.
      const bool to_prep = aux_tag == TO && a >= 2 &&
                           (cands[a - 2].wid == W("according") || cands[a - 2].wid == W("due") ||
                            cands[a - 2].wid == W("prior") || cands[a - 2].wid == W("thanks") ||
                            cands[a - 2].wid == W("owing") || cands[a - 2].wid == W("addition") ||
                            cands[a - 2].wid == W("close") || cands[a - 2].wid == W("next"));
      const bool after_modal = aux_tag == MD || (aux_tag == TO && !to_prep) ||
                               (IsDo(aux_low) && (Bit(aux_tag) & kFinite));
      const bool subj = (Bit(prev) & (kNounish | Bit(PRP) | Bit(WDT) | Bit(WP))) != 0 &&
                        !(prev == PRP && (plow == W("him") || plow == W("them") ||
                                          plow == W("me") || plow == W("us")));
      const bool rule_word = kRuleWord[lw];
      if (set == (Bit(JJ) | Bit(NNP)) && c.cap) {
        // A capitalised adjective ("European", "Saudi", "Union") is part of a name when it
        // ends a capitalised run ("the European Union on ...") or is followed by the run's
        // last capitalised word ("Saudi Arabia", "Islamic State militants").
        auto cap_word = [&](size_t k) {
          return k < n && cands[k].cap && !cands[k].closed && !(cands[k].set & Bit(POS)) &&
                 (cands[k].set & (kNounish | kAdj));
        };
        t = JJ;
        if ((cap_word(i + 1) && !cap_word(i + 2) && !(cands[i + 1].set & kVerbs)) ||
            (i > 0 && cands[i - 1].cap && (Bit(prev) & (Bit(NNP) | Bit(JJ))) && !cap_word(i + 1) &&
             !next_nounish && (!(nxt & kAdj) || (!finite_seen && verb_with_object(i + 1))))) {
          t = NNP;
          if (i > 0 && prev == JJ && cands[i - 1].cap && (cands[i - 1].set & Bit(NNP)))
            tags[i - 1] = NNP;
        }
      } else if (rule_word && lw == W("that")) {
        if ((Bit(prev) & (kNounish)) && (nxt & (kVerbs | Bit(MD) | Bit(RB))) &&
            !(nxt & (Bit(DT) | Bit(PRP) | Bit(NNP))))
          t = WDT;
        else if ((nxt & (kNounish)) && !(nxt & (Bit(PRP))) && !(Bit(prev) & kVerbs) &&
                 prev != COMMA && i + 1 < n && !cands[i + 1].cap && (nxt & Bit(NN)) &&
                 !(cands[i + 1].set & Bit(DT)))
          t = DT;
        else if ((nxt & (Bit(PERIOD) | Bit(COMMA) | Bit(MD))) ||
                 ((nxt & kVerbs) && !(nxt & (kNounish | Bit(DT) | Bit(PRP)))))
          t = (Bit(prev) & kNounish) ? WDT : DT;
        else
          t = IN;
      } else if (rule_word && lw == W("her")) {
        t = (nxt & (kNounish | kAdj | Bit(CD))) && !(nxt & (Bit(IN) | Bit(TO))) ? PRPS : PRP;
      } else if (rule_word && lw == W("there")) {
        t = (i + 1 < n &&
             (IsBe(cands[i + 1].wid) || cands[i + 1].set & Bit(MD) || IsHave(cands[i + 1].wid) ||
              cands[i + 1].wid == W("seems") || cands[i + 1].wid == W("appears")))
                ? EX
                : RB;
      } else if (rule_word && lw == W("'s")) {
        t = (prev == PRP || prev == EX || plow == W("that") || plow == W("what") ||
             plow == W("who") || plow == W("there") || plow == W("here"))
                ? VBZ
                : POS;
      } else if (rule_word && (lw == W("all") || lw == W("both") || lw == W("half")) &&
                 (nxt & (Bit(DT) | Bit(PRPS)))) {
        t = PDT;
      } else if (rule_word &&
                 (lw == W("more") || lw == W("less") || lw == W("most") || lw == W("least"))) {
        bool sup = lw == W("most") || lw == W("least");
        if ((nxt & (Bit(JJ) | Bit(RB))) && !(nxt & kNounish))
          t = sup ? RBS : RBR;
        else
          t = sup ? JJS : JJR;
      } else if (set & (Bit(RP))) {
        // up/out/off/down/over/back/away/around
        if (Bit(prev) & kVerbs) {
          bool next_np = (nxt & (Bit(DT) | Bit(PRPS) | Bit(CD) | kNounish | Bit(PRP))) != 0;
          if (lw == W("out") && i + 1 < n && cands[i + 1].wid == W("of"))
            t = IN;
          else if (!next_np || lw == W("away") || lw == W("back"))
            t = (lw == W("away") || lw == W("back")) ? RB : RP;
          else
            t = (lw == W("up") || lw == W("off") || lw == W("down")) ? RP : IN;
        } else {
          t = c.best;
          if ((lw == W("back") || lw == W("away")) && !(nxt & (Bit(DT) | kNounish))) t = RB;
        }
      } else if (rule_word && (lw == W("before") || lw == W("after") || lw == W("since")) &&
                 (nxt & (Bit(PERIOD) | Bit(COMMA)))) {
        t = RB;
      } else if (rule_word && lw == W("so")) {
        t = RB;
      } else if (rule_word && lw == W("one")) {
        t = (Bit(prev) & (Bit(DT) | kAdj)) ? NN : CD;
      } else if (rule_word && lw == W("like")) {
        t = (subj && (Bit(prev) & (Bit(PRP) | Bit(NNS))) && !finite_seen) ? VBP
            : after_modal                                                 ? VB
                                                                          : IN;
      } else if (rule_word && lw == W("'d")) {
        t = (nxt & (Bit(VBN) | Bit(VBD))) && !(nxt & Bit(VB)) ? VBD : MD;
      } else if ((set & Bit(VBG)) && i + 1 < n &&
                 (cands[i + 1].wid == W("him") || cands[i + 1].wid == W("them") ||
                  cands[i + 1].wid == W("me"))) {
        t = VBG;  // "a letter urging him to send troops": an object pronoun follows a verb
      } else if (prev == RB && i >= 2 && !finite_seen && (cands[i - 1].wbits & kLongLy) &&
                 (Bit(tags[i - 2]) & (Bit(NNS) | Bit(NNPS) | Bit(PRP))) &&
                 (set & (Bit(VBD) | Bit(VBP))) &&
                 (nxt & (Bit(DT) | Bit(PRPS) | Bit(RP) | Bit(JJ) | kNounish))) {
        t = (set & Bit(VBD)) ? VBD : VBP;  // "soldiers routinely beat up detainees"
      } else if (after_modal && (set & Bit(VB))) {
        t = VB;
      } else if (prev == VB && (set & Bit(VB)) && i >= 2 &&
                 (tags[i - 2] == MD || tags[i - 2] == TO || tags[i - 2] == RB) &&
                 (nxt & (Bit(DT) | Bit(PRPS))) && !(nxt & kNounish)) {
        t = VB;  // "will not wire tap the links", "to help build the road"

      } else if (after_modal && (set & Bit(VBG)) && aux_tag == MD) {
        t = VBG;  // "would acting": keep the verb reading

      } else if (after_have && (set & Bit(VBN))) {
        t = VBN;
      } else if (after_have && (set & (Bit(VBD)))) {
        t = VBN;
      } else if (after_be && (set & (Bit(VBN) | Bit(VBG))) && !(Bit(aux_tag) & (kDetLike))) {
        if (set & Bit(VBN))
          t = VBN;
        else if (set & Bit(VBG))
          t = VBG;
        if ((set & Bit(JJ)) && !(set & (Bit(VBN) | Bit(VBG)))) t = JJ;
      } else if (after_be && (set & Bit(JJ)) && !(set & kNounish & ~Bit(NN) & ~Bit(NNS))) {
        t = (set & Bit(NN)) && next_nounish ? JJ : ((set & Bit(JJ)) ? JJ : c.best);
        if ((set & Bit(NN)) && (Bit(prev) & kDetLike)) t = NN;
      } else if (after_det && (set & Bit(VBD)) && !finite_seen && verb_with_object(i) &&
                 (Bit(prev) & (Bit(NN) | Bit(NNS) | Bit(NNP) | Bit(NNPS)))) {
        t = VBD;  // "The United Nations chief made his remarks"
      } else if (after_det) {
        if ((set & (Bit(JJ) | Bit(VBN) | Bit(VBG))) && next_nounish &&
            !((set & Bit(NN)) && c.has_entry && c.cnt[0] > 3 * c.cnt[2] + 3 &&
              !(set & (Bit(VBN) | Bit(VBG))))) {
          t = (set & Bit(JJ)) ? JJ : (set & Bit(VBN)) ? VBN : VBG;
          if ((set & Bit(NN)) && (set & Bit(VBG)) && !(set & Bit(JJ))) t = NN;
          if ((set & Bit(NNS)) && !(set & Bit(JJ))) t = NNS;
        } else if (set & Bit(NNS)) {
          t = NNS;
        } else if (set & Bit(NN)) {
          t = NN;
        } else if (set & Bit(JJ)) {
          t = JJ;
        } else if (set & Bit(VBN)) {
          t = VBN;
        } else if (set & Bit(VBG)) {
          t = VBG;
        }
      } else if (prev == TO && (set & Bit(VB)) && !to_prep) {
        t = VB;
      } else if ((set & Bit(VBZ)) && (set & Bit(NNS))) {
        t = (subj && !finite_seen && !(Bit(prev) & Bit(WP) && false)) ? VBZ : NNS;
        if (t == VBZ && prev == NNS) t = NNS;  // "security forces" stays plural
        if (prev == NNS && !finite_seen && (nxt & (Bit(DT) | Bit(PRPS) | Bit(TO)))) t = VBZ;
        if ((Bit(prev) &
             (Bit(IN) | Bit(TO) | Bit(CC) | Bit(VBZ) | Bit(VBD) | Bit(VBP) | Bit(VBG) | Bit(VB))) &&
            prev != PERIOD)
          t = NNS;
        if (prev == WDT || prev == WP) t = VBZ;
        // "freezes and bans the assets": a conjunct of a verb, before an object, is a verb.
        if (prev == CC && i >= 2 && tags[i - 2] == VBZ &&
            (nxt & (Bit(DT) | Bit(PRPS) | Bit(PRP) | Bit(CD))) && !(nxt & kNounish))
          t = VBZ;
        // "UN troops withdrew", "crowds trashed": a verb form right after it makes it the
        // subject's head noun.
        if (t == VBZ && i + 1 < n && !(nxt & (kNounish | Bit(DT) | Bit(PRPS) | kAdj | Bit(VB))) &&
            (nxt & (Bit(VBD) | Bit(MD))))
          t = NNS;
        // "train new police officers.": a plural after a noun at the end of a clause.
        if (t == VBZ && (prev == NN || prev == NNS) && (nxt & (Bit(PERIOD) | Bit(COMMA))) &&
            finite_seen)
          t = NNS;
        // "Government forces clash with rioters": after a singular noun, a plural that is
        // followed by a present verb form and a preposition or determiner heads the subject.
        if (t == VBZ && (prev == NN || prev == NNP) && i + 2 < n && !cands[i + 1].closed &&
            (nxt & Bit(VBP)) && !(nxt & (Bit(NNS) | Bit(VBZ))) &&
            (cands[i + 2].set & (Bit(IN) | Bit(DT) | Bit(PRPS) | Bit(TO))) &&
            !(cands[i + 2].set & kNounish))
          t = NNS;
        if (t == VBZ && i + 1 < n && (cands[i + 1].set & (Bit(NN) | Bit(NNS))) &&
            !(cands[i + 1].set & (Bit(DT) | Bit(PRPS) | Bit(PRP))) && !cands[i + 1].cap) {
          // "The human rights activists": a plural inside a determiner-initial noun run,
          // followed by another noun, is a noun.
          size_t k = i;
          while (k > 0 && (Bit(tags[k - 1]) & (kAdj | Bit(NN) | Bit(NNP) | Bit(VBN)))) --k;
          if (k < i && k > 0 && (Bit(tags[k - 1]) & (Bit(DT) | Bit(PRPS) | Bit(POS)))) t = NNS;
        }
      } else if ((set & Bit(VBD)) && (set & Bit(VBN))) {
        if (prev == WDT || prev == WP)
          t = VBD;
        else if (finite_seen && (Bit(prev) & (kNounish | Bit(RB) | Bit(COMMA))))
          t = VBN;
        else if (!finite_seen && (subj || prev == RB))
          t = VBD;
        else if (Bit(prev) & (Bit(IN) | Bit(CC) | Bit(COMMA) | Bit(PERIOD)))
          t = finite_seen ? VBN : VBD;
        else
          t = finite_seen ? VBN : VBD;
        if (prev == PERIOD && i == 0) t = VBN;
        if (prev == PRP && IsSubjectPronoun(plow)) t = VBD;  // "... said she hoped a ..."
        // "an agreement forced on the state by Saudi Arabia", "a report released Tuesday
        // by ...": no object, and a passive agent follows.
        if (t == VBD && (Bit(prev) & kNounish) && !verb_with_object(i) && passive_by_ahead(i))
          t = VBN;
        if (t == VBD && !c.closed && (Bit(prev) & kNounish) && !verb_with_object(i) &&
            finite_verb_later(i))
          t = VBN;
        // "met with exiled dissidents": after a preposition, before a noun, a modifier.
        if (t == VBD && prev == IN && next_nounish && !(nxt & (Bit(DT) | Bit(PRPS))) &&
            !(plow == W("after") || plow == W("before") || plow == W("as") ||
              plow == W("because") || plow == W("while") || plow == W("since") || plow == W("if") ||
              plow == W("although") || plow == W("though") || plow == W("until") ||
              plow == W("once") || plow == W("that") || plow == W("whether") ||
              plow == W("unless")))
          t = VBN;
        if (prev == CC && finite_seen && i >= 2) {
          // "killed and wounded": copy the conjunct's tag.
          size_t j = i - 2;
          if (Bit(tags[j]) & (Bit(VBD) | Bit(VBN))) t = tags[j];
        }
        // "a woman believed linked to ...", "two men reported killed": a participle right
        // after a noun and followed by another participle; the second one follows it.
        if (t == VBD && !c.closed && (Bit(prev) & (Bit(NN) | Bit(NNS))) && i + 1 < n &&
            !cands[i + 1].closed && (cands[i + 1].set & Bit(VBN)) &&
            !(cands[i + 1].set & ~(Bit(VBD) | Bit(VBN) | Bit(JJ))))
          t = VBN;
        if (prev == VBN && i >= 2 && (Bit(tags[i - 2]) & (Bit(NN) | Bit(NNS))) &&
            !AfterHave(cands, tags, i - 1))
          t = VBN;
      } else if ((set & (Bit(VBP) | Bit(VB))) && (set & (Bit(NN) | Bit(JJ)))) {
        bool plural_subj = (Bit(prev) & (Bit(NNS) | Bit(NNPS) | Bit(PRP) | Bit(WDT) | Bit(WP))) &&
                           !(plow == W("he") || plow == W("she") || plow == W("it")) && subj;
        // A clause opened by a name needs a verb: "Fornost and Gondor welcome a ...",
        // "Ethiopia act on ...".
        if (!plural_subj && !finite_seen && (prev == NNP || prev == NNPS) && i > 0 &&
            (set & Bit(VBP)) && !(nxt & (Bit(POS) | Bit(MD))) && !next_nounish &&
            clause_initial_name(tags, i - 1) && !finite_ahead(i))
          plural_subj = true;
        if (object_of_causative(i) && (set & Bit(VB)))
          t = VB;  // "helping militants join a group", "let them go"
        else if (prev == CC && (set & Bit(VB)) && conjunct_of_base_verb(i))
          t = VB;  // "to give a speech and meet with dissidents"
        else if (plural_subj && (!finite_seen || prev == WDT || prev == WP))
          t = VBP;
        else if (prev == CC && i >= 2 && (Bit(tags[i - 2]) & (kVerbs)) && !(nxt & Bit(PERIOD)))
          t = tags[i - 2] == VBZ || tags[i - 2] == VBD ? c.best
                                                       : (set & Bit(VB) ? tags[i - 2] : c.best);
        else if ((set & Bit(JJ)) && next_nounish && !(c.best == NN && !(set & Bit(JJ))))
          t = (c.has_entry && c.cnt[0] > 2 * c.cnt[2] + 5 && (set & Bit(NN))) ? NN : JJ;
        else if (set & Bit(NN))
          t = NN;
        else
          t = JJ;
        if (t != VBP && t != VB && (set & Bit(VB)) && (Bit(prev) & kVerbs) && prev != VBG &&
            (nxt & (Bit(DT) | Bit(PRPS))) && false)
          t = VB;
      } else if ((set & Bit(VBG)) && (Bit(prev) & (Bit(NN) | Bit(NNS))) && (c.wbits & kEndsIng) &&
                 (nxt & (Bit(IN) | Bit(TO) | Bit(DT) | Bit(PRPS)))) {
        t = VBG;  // reduced relative: "the roads leading into the city"
      } else if ((set & Bit(JJ)) && (set & Bit(NN))) {
        t = next_nounish ? JJ : NN;
        if (c.has_entry && c.cnt[0] > 2 * c.cnt[2] + 5) t = NN;
        // Counts favour the adjective, but at the end of a noun phrase ("The United Nations
        // chief made ...", "the French military in ...") the word is its head.
        if (c.has_entry && c.cnt[2] > 2 * c.cnt[0] + 5 &&
            (next_nounish || !(Bit(prev) & (kNounish | kDetLike | kAdj))))
          t = JJ;
      } else if ((set & Bit(VBG)) && (set & Bit(NN))) {
        t = (Bit(prev) & (Bit(IN) | kVerbs | Bit(COMMA) | Bit(PERIOD))) &&
                    (nxt & (Bit(DT) | Bit(PRPS) | Bit(NNP) | Bit(PRP) | Bit(CD)))
                ? VBG
                : NN;

        if (after_be) t = VBG;
      } else if ((set & Bit(VBG)) && (set & Bit(JJ))) {
        t = next_nounish ? JJ : VBG;
      } else if ((set & Bit(JJ)) && (set & Bit(VBN))) {
        t = c.best;
      } else if ((set & Bit(VB)) && (set & Bit(VBP))) {
        bool plural_subj = (Bit(prev) & (Bit(NNS) | Bit(NNPS) | Bit(PRP) | Bit(WDT))) != 0;
        t = plural_subj && !finite_seen
                ? VBP
                : (i == 0 ? VB : (prev == CC ? tags[i >= 2 ? i - 2 : 0] : VBP));
        if (t != VB && t != VBP) t = VBP;
        if (object_of_causative(i) || (prev == CC && conjunct_of_base_verb(i))) t = VB;
      } else if ((set & Bit(RB)) && (set & Bit(JJ))) {
        t = next_nounish ? JJ : (c.has_entry && c.cnt[3] >= c.cnt[2] ? RB : JJ);
      }
      // "awful and evil minister": an adjective conjunct before a noun.
      if ((set & Bit(JJ)) && prev == CC && i >= 2 && tags[i - 2] == JJ && i + 1 < n &&
          (next_nounish || (Bit(cands[i + 1].best) & kNounish)))
        t = JJ;
      if (!(set & Bit(t))) t = c.best;
      // "resisted taking a harder line", ", seeking to mend", "for helping young
      // militants", "before leaving for Beijing": after a verb, comma or preposition and
      // before an object, "to", an adverb or a preposition other than "of", a verb.
      if ((t == NN || t == JJ) && (set & Bit(VBG)) && (c.wbits & kEndsIng) && prev != PERIOD &&
          (Bit(prev) & (Bit(IN) | kVerbs | Bit(COMMA))) && i + 1 < n &&
          cands[i + 1].wid != W("of") &&
          (nxt & (Bit(DT) | Bit(PRPS) | Bit(NNP) | Bit(PRP) | Bit(CD) | Bit(TO) | Bit(JJ) |
                  Bit(NNS) | Bit(LQ) | Bit(RB) | Bit(IN))) &&
          !(plow == W("of") && (nxt & Bit(IN)) && !(nxt & (Bit(TO) | Bit(RB)))))
        t = VBG;
    }
    // "French authorities today release a ship": a plural subject, then "today" or
    // "yesterday", then a word that can be a present verb, before an object: the verb.
    if (t == NN && (set & Bit(VBP)) && !finite_seen && i >= 2 &&
        (cands[i - 1].wid == W("today") || cands[i - 1].wid == W("yesterday")) &&
        (tags[i - 2] == NNS || tags[i - 2] == NNPS) &&
        (nxt & (Bit(DT) | Bit(PRPS) | Bit(NNP) | Bit(CD))))
      t = VBP;
    // Non-ambiguous but context-sensitive adjustments.
    // "after a scuffling was reported": an -ing form right after a determiner, with no
    // object or noun after it, is a gerund noun.
    if (t == VBG && (Bit(prev) & (Bit(DT) | Bit(PRPS) | Bit(POS))) && (c.wbits & kEndsIng) &&
        !(nxt & (Bit(DT) | Bit(PRPS) | Bit(PRP) | kNounish | kAdj | Bit(CD))))
      t = NN;
    if (lw == W("such") && i + 1 < n && (cands[i + 1].wid == W("a") || cands[i + 1].wid == W("an")))
      t = PDT;
    if (t == VBD && (AfterHave(cands, tags, i))) t = VBN;
    tags[i] = t;
    // (kFinite, which has VBP for "are", and kOpensClause are disjoint.)
    if (Bit(t) & kFinite)
      finite_seen = true;
    else if ((Bit(t) & kOpensClause) || (t == IN && IsSubordinator(lw)))
      finite_seen = false;
    // "said such a step enjoyed support": a verb of saying followed directly by a subject
    // opens a clause that needs its own finite verb.
    if (IsSayWord(lw) && (t == VBD || t == VBZ || t == VBP) && i + 1 < n) {
      if ((cands[i + 1].set &
           (Bit(DT) | Bit(PDT) | Bit(PRPS) | Bit(NNP) | Bit(NNPS) | Bit(CD) | Bit(JJ))) &&
          !(cands[i + 1].set & kVerbs))
        finite_seen = false;
      if (cands[i + 1].closed && cands[i + 1].best == PRP && IsSubjectPronoun(cands[i + 1].wid))
        finite_seen = false;
    }
  }
  WriteTags(tags, s);
}

}  // namespace eventcoder
