#include "text/shallow_parser.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace eventcoder {
namespace {

// Coarse token classes used by the parser.
enum C : uint8_t {
  cNoun,
  cDet,
  cPossPron,
  cAdj,
  cCD,
  cPOS,
  cPRP,
  cEX,
  cMD,
  cFin,
  cVB,
  cVBG,
  cVBN,
  cTO,
  cIN,
  cCC,
  cRB,
  cWDT,
  cWP,
  cWRB,
  cComma,
  cPeriod,
  cColon,
  cRP,
  cDollar,
  cOther
};

// A tag of up to 4 bytes packed into an integer with its length (kLongTag for a longer
// one), so that the exact tags below are compared as integers.
constexpr uint64_t kLongTag = ~0ULL;
// The TagKey of a tag written in the code.
consteval uint64_t K(std::string_view t) {
  uint64_t key = static_cast<uint64_t>(t.size()) << 32;
  for (size_t k = 0; k < t.size(); ++k)
    key |= static_cast<uint64_t>(static_cast<unsigned char>(t[k])) << (8 * k);
  return key;
}

// The same for a token's tag, with fixed-size loads (this runs for every token).
inline uint64_t TagKey(std::string_view t) {
  const uint64_t key = static_cast<uint64_t>(t.size()) << 32;
  uint16_t two = 0;
  uint32_t four = 0;
  switch (t.size()) {
    case 0:
      return key;
    case 1:
      return key | static_cast<unsigned char>(t[0]);
    case 2:
      std::memcpy(&two, t.data(), 2);
      return key | two;
    case 3:
      std::memcpy(&two, t.data(), 2);
      return key | two | static_cast<uint64_t>(static_cast<unsigned char>(t[2])) << 16;
    case 4:
      std::memcpy(&four, t.data(), 4);
      return key | four;
    default:
      return kLongTag;
  }
}

// The class of tag t, whose TagKey is `key`.
C Classify(std::string_view t, uint64_t key) {
  if (t.empty()) return cNoun;
  switch (t[0]) {
    case 'N':
      return t.size() >= 2 && t[1] == 'N' ? cNoun : cOther;
    case 'D':
      return key == K("DT") ? cDet : cOther;
    case 'P':
      if (key == K("PRP$")) return cPossPron;
      if (key == K("PRP")) return cPRP;
      if (key == K("PDT")) return cDet;
      if (key == K("POS")) return cPOS;
      return cOther;
    case 'J':
      return cAdj;
    case 'C':
      return key == K("CD") ? cCD : key == K("CC") ? cCC : cOther;
    case 'E':
      return key == K("EX") ? cEX : cOther;
    case 'M':
      return key == K("MD") ? cMD : cOther;
    case 'V':
      if (key == K("VB")) return cVB;
      if (key == K("VBG")) return cVBG;
      if (key == K("VBN")) return cVBN;
      return cFin;  // VBD VBZ VBP
    case 'T':
      return key == K("TO") ? cTO : cOther;
    case 'I':
      return key == K("IN") ? cIN : cOther;
    case 'R':
      if (key == K("RP")) return cRP;
      return t[1] == 'B' ? cRB : cOther;
    case 'W':
      if (key == K("WDT")) return cWDT;
      if (key == K("WP")) return cWP;
      if (key == K("WP$")) return cPossPron;
      if (key == K("WRB")) return cWRB;
      return cOther;
    case ',':
      return cComma;
    case '.':
      return cPeriod;
    case ':':
      return cColon;
    case '$':
      return cDollar;
    case '#':
      return cDollar;
    default:
      return cOther;
  }
}

// Facts about a token's tag besides its class, one bit each, computed with the class.
enum TagFlag : uint8_t {
  ktPlain = 1,       // no byte to replace (' ', '(', ')') and no suffix to cut ('-', '=')
  ktCommonNoun = 2,  // "NN" or "NNS"
  ktVBP = 4,         // "VBP"
  ktQuote = 8,       // "''"
};
// Above the TagFlag bits, the LabelKind and TagKind of the leaf FinishTree writes for a
// token when its tag is plain (ktPlain: the leaf's label and tag are the tag itself, or
// "NN" for none): computed once per distinct tag, read with the flags.
constexpr int kLabelKindShift = 8;
constexpr int kTagKindShift = 16;

uint32_t TagFlags(std::string_view t, uint64_t key) {
  const std::string_view leaf = t.empty() ? std::string_view("NN") : t;
  uint32_t f = ktPlain | (static_cast<uint32_t>(LabelKindOf(leaf)) << kLabelKindShift) |
               (static_cast<uint32_t>(TagKindOf(leaf)) << kTagKindShift);
  for (char c : t) {
    if (c == ' ' || c == '(' || c == ')' || c == '-' || c == '=') f = 0;
  }
  if (key == K("NN") || key == K("NNS")) f |= ktCommonNoun;
  if (key == K("VBP")) f |= ktVBP;
  if (key == K("''")) f |= ktQuote;
  return f;
}

bool IsVerb(C c) { return c == cMD || c == cFin || c == cVB || c == cVBG || c == cVBN; }

// Word classes of the parser's rules, one bit each. Every token's lower-case text (ASCII
// letters folded only) is looked up once, on first use, in a table built from the lists
// below, so the rules test bits instead of comparing strings.
enum WordFlag : uint32_t {
  kwAux = 1u << 0,        // auxiliaries: "is", "has", "did", ...
  kwSay = 1u << 1,        // verbs of saying and thinking
  kwOfComp = 1u << 2,     // verbs taking "of": "accused X of ..."
  kwCausative = 1u << 3,  // "help", "let", "make", ...
  kwDate = 1u << 4,       // weekdays, months, "today", "week", ...
  kwSubIN = 1u << 5,      // subordinators opening a clause (PlaceIN)
  kwSubCoord = 1u << 6,   // clause openers that block clause coordination
  kwNotSubjPP = 1u << 7,  // prepositions that do not attach to a subject NP
  kwAttachPP = 1u << 8,   // "against", "between", "among", "for", "over"
  kwInFrom = 1u << 9,     // "in", "from"
  kwVbnIN = 1u << 10,     // prepositions after which a participle is a verb, not a modifier
  kwAt = 1u << 11,
  kwLeast = 1u << 12,
  kwMost = 1u << 13,
  kwLast = 1u << 14,
  kwNext = 1u << 15,
  kwOf = 1u << 16,
  kwThat = 1u << 17,
  kwWhat = 1u << 18,
  kwBut = 1u << 19,
  kwAccording = 1u << 20,
  kwBeing = 1u << 21,
  kwOn = 1u << 22,
  kwComputed = 1u << 31,  // marks a memoized entry (see Builder::W)
};

// The longest word in any list ("acknowledged").
constexpr size_t kMaxListWord = 12;

// The word lists, with the bits they set.
struct WordList {
  uint32_t flags;
  std::initializer_list<std::string_view> words;
};

const WordList kWordLists[] = {
    {kwAux, {"is",  "are",  "was", "were",   "be",  "been", "being", "am",  "'s", "'re", "'m",
             "has", "have", "had", "having", "'ve", "do",   "does",  "did", "'d", "’s"}},
    {kwSay,
     {"said",         "says",      "say",    "added",    "adds",      "told",      "stated",
      "announced",    "reported",  "noted",  "warned",   "insisted",  "claimed",   "explained",
      "declared",     "confirmed", "argued", "believes", "believe",   "believed",  "thinks",
      "think",        "thought",   "hopes",  "hoped",    "felt",      "feels",     "fears",
      "feared",       "know",      "knew",   "knows",    "suggested", "estimated", "indicated",
      "acknowledged", "admitted",  "denied", "stressed", "alleged",   "charged",   "asserted"}},
    {kwCausative,
     {"help", "helps", "helped", "helping", "let", "lets", "letting", "make", "makes", "made",
      "making", "see", "sees", "saw", "seen", "watch", "watched", "hear", "heard"}},
    {kwDate, {"monday",   "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
              "january",  "february",  "march",     "april",    "may",      "june",     "july",
              "august",   "september", "october",   "november", "december", "today",    "yesterday",
              "tomorrow", "tonight",   "morning",   "evening",  "night",    "week",     "month",
              "year",     "weekend",   "afternoon"}},
    {kwSubIN,
     {"because", "if", "while", "although", "though", "whether", "unless", "as", "after", "before",
      "since", "until", "once", "so", "whereas"}},
    {kwSubCoord,
     {"because", "if", "while", "although", "though", "whether", "unless", "as", "since", "until",
      "once", "whereas"}},
    {kwNotSubjPP,
     {"that", "because", "if", "while", "although", "as", "whether", "though", "since", "after",
      "before", "until", "than", "so"}},
    {kwAttachPP, {"against", "between", "among", "for", "over"}},
    {kwInFrom, {"in", "from"}},
    {kwVbnIN,
     {"by", "as", "if", "because", "while", "although", "though", "once", "until", "unless",
      "when"}},
    {kwAt, {"at"}},
    {kwLeast, {"least"}},
    {kwMost, {"most"}},
    {kwLast, {"last"}},
    {kwNext, {"next"}},
    {kwOf, {"of"}},
    {kwThat, {"that"}},
    {kwWhat, {"what"}},
    {kwBut, {"but"}},
    {kwAccording, {"according"}},
    {kwBeing, {"being"}},
    {kwOn, {"on"}},
};

// Verbs whose object is followed by an "of" complement that belongs to the verb:
// "accused Russia of war crimes" is (VP accused (NP Russia) (PP of ...)). Every stem with
// every ending is a kwOfComp word.
constexpr std::string_view kOfCompStems[] = {
    "accus", "suspect", "convict", "acquit", "clear",  "warn",  "inform",  "notif",   "remind",
    "rob",   "depriv",  "strip",   "absolv", "reliev", "assur", "convinc", "persuad", "purg"};
constexpr std::string_view kOfCompEndings[] = {"",     "e",   "s",    "es",  "ed",
                                               "ied",  "ies", "y",    "ing", "bed",
                                               "bing", "ped", "ping", "ted", "ting"};

// A word of up to 16 bytes, lower-cased and zero-padded into two integers.
struct PackedWord {
  uint64_t lo = 0, hi = 0;
  uint32_t len = 0;
  bool operator==(const PackedWord& o) const { return lo == o.lo && hi == o.hi && len == o.len; }
};

// Lower-cases ASCII letters only (other bytes stay), as the lists are written, eight bytes
// at a time: a byte gets 0x20 added when it is in 'A'..'Z' (high bit clear).
inline uint64_t LowerAscii(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const uint64_t low7 = x & (0x7f * kOnes);
  const uint64_t ge_a = low7 + (0x80 - 'A') * kOnes;      // high bit set where byte >= 'A'
  const uint64_t gt_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // high bit set where byte > 'Z'
  const uint64_t upper = ge_a & ~gt_z & ~x & (0x80 * kOnes);
  return x | (upper >> 2);
}

inline uint64_t Load(const char* p, size_t n) {  // n = 2, 4 or 8 bytes, little-endian
  uint64_t v = 0;
  if (n == 8) {
    std::memcpy(&v, p, 8);
  } else if (n == 4) {
    uint32_t u;
    std::memcpy(&u, p, 4);
    v = u;
  } else {
    uint16_t u;
    std::memcpy(&u, p, 2);
    v = u;
  }
  return v;
}

// A word of 2 to 12 bytes (kMaxListWord), packed by overlapping fixed-size loads that stay
// inside the word.
[[gnu::always_inline]] inline PackedWord Pack(std::string_view w) {
  const char* p = w.data();
  const size_t n = w.size();
  PackedWord pw;
  pw.len = static_cast<uint32_t>(n);
  if (n >= 8) {
    pw.lo = Load(p, 8);
    pw.hi = Load(p + n - 4, 4) >> (8 * (12 - n));  // bytes 8..n-1
  } else if (n >= 4) {
    pw.lo = Load(p, 4) | Load(p + n - 4, 4) << (8 * (n - 4));
  } else {
    pw.lo = Load(p, 2);
    if (n == 3) pw.lo |= static_cast<uint64_t>(static_cast<unsigned char>(p[2])) << 16;
  }
  pw.lo = LowerAscii(pw.lo);
  pw.hi = LowerAscii(pw.hi);
  return pw;
}

// Open-addressing table from packed word to its flags; built once, then read-only.
class WordTable {
 public:
  WordTable() {
    slots_.fill(kEmpty);
    for (const WordList& l : kWordLists) {
      for (std::string_view w : l.words) Add(w, l.flags);
    }
    for (std::string_view stem : kOfCompStems) {
      for (std::string_view end : kOfCompEndings) {
        std::string w(stem);
        w.append(end);
        Add(w, kwOfComp);
      }
    }
  }
  // Flags of a word (0 for one in no list).
  uint32_t Find(std::string_view w) const {
    const size_t n = w.size();
    if (n < 2 || n > kMaxListWord) return 0;
    // Most tokens are in no list: a word whose first or last byte no list word of its
    // length has is rejected before packing and hashing it.
    if ((first_[n] >> (static_cast<unsigned char>(w[0]) & 31) &
         last_[n] >> (static_cast<unsigned char>(w[n - 1]) & 31) & 1) == 0)
      return 0;
    const PackedWord p = Pack(w);
    for (size_t h = Hash(p);; h = (h + 1) & kMask) {
      const uint16_t e = slots_[h];
      if (e == kEmpty) return 0;
      if (entries_[e].word == p) return entries_[e].flags;
    }
  }

 private:
  static constexpr size_t kSlots = 1024;  // well over twice the ~450 words
  static constexpr size_t kMask = kSlots - 1;
  static constexpr uint16_t kEmpty = 0xffff;
  struct Entry {
    PackedWord word;
    uint32_t flags;
  };
  static size_t Hash(const PackedWord& p) {
    uint64_t h = (p.lo ^ (p.hi * 0x9e3779b97f4a7c15ULL) ^ p.len) * 0xff51afd7ed558ccdULL;
    return static_cast<size_t>(h >> 54) & kMask;
  }
  void Add(std::string_view w, uint32_t flags) {
    if (w.size() < 2 || w.size() > kMaxListWord) return;  // Find() never looks it up
    // The low five bits of a byte are the same for both cases of an ASCII letter.
    first_[w.size()] |= 1u << (static_cast<unsigned char>(w[0]) & 31);
    last_[w.size()] |= 1u << (static_cast<unsigned char>(w.back()) & 31);
    const PackedWord p = Pack(w);
    for (size_t h = Hash(p);; h = (h + 1) & kMask) {
      uint16_t& e = slots_[h];
      if (e == kEmpty) {
        e = static_cast<uint16_t>(entries_.size());
        entries_.push_back(Entry{p, flags});
        return;
      }
      if (entries_[e].word == p) {
        entries_[e].flags |= flags;
        return;
      }
    }
  }
  std::array<uint16_t, kSlots> slots_;
  std::vector<Entry> entries_;
  // By word length: bit (b & 31) is set when some list word starts (ends) with byte b.
  std::array<uint32_t, kMaxListWord + 1> first_{};
  std::array<uint32_t, kMaxListWord + 1> last_{};
};

const WordTable& Words() {
  static const WordTable* const table = new WordTable();
  return *table;
}

// A phrase label as ReadTreebank stores it (function suffixes removed: "NP-TMP" -> "NP").
void CleanLabelInto(std::string_view l, std::string* out) {
  // -LRB-, -NONE- stay whole; so does a label starting with '-' or '=' (no cut at 0).
  if (!l.empty() && l[0] != '-' && l[0] != '=') {
    for (size_t cut = 1; cut < l.size(); ++cut) {  // (a loop: find_first_of calls memchr)
      if (l[cut] == '-' || l[cut] == '=') {
        l = l.substr(0, cut);
        break;
      }
    }
  }
  out->assign(l);
}

// *out = v, without a call into the library for a string of up to 16 bytes that is not
// longer than *out (the common case for words and labels written over a reused tree): the
// size is set (a shrink is inline) and the bytes are copied with overlapping fixed-size
// moves that stay inside both strings.
inline void CopyString(std::string* out, const std::string& v) {
  const size_t n = v.size();
  if (n > 16 || n > out->size()) {
    *out = v;
    return;
  }
  if (n != out->size()) out->resize(n);
  char* d = out->data();
  const char* p = v.data();
  if (n >= 8) {
    uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
    std::memcpy(d, &a, 8);
    std::memcpy(d + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    std::memcpy(d, &a, 4);
    std::memcpy(d + n - 4, &b, 4);
  } else if (n >= 2) {
    uint16_t a, b;
    std::memcpy(&a, p, 2);
    std::memcpy(&b, p + n - 2, 2);
    std::memcpy(d, &a, 2);
    std::memcpy(d + n - 2, &b, 2);
  } else if (n == 1) {
    d[0] = p[0];
  }
}

// Do a and b, both n bytes long (n <= 16), hold the same bytes? Overlapping fixed-size
// loads that stay inside both strings, as in CopyString.
inline bool SameShortBytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 8);
    std::memcpy(&a1, a + n - 8, 8);
    std::memcpy(&b0, b, 8);
    std::memcpy(&b1, b + n - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n >= 2) {
    uint16_t a0, a1, b0, b1;  // labels and tags are mostly 2 to 4 bytes
    std::memcpy(&a0, a, 2);
    std::memcpy(&a1, a + n - 2, 2);
    std::memcpy(&b0, b, 2);
    std::memcpy(&b1, b + n - 2, 2);
    if (((a0 ^ b0) | (a1 ^ b1)) != 0) return false;
    for (size_t k = 2; k + 2 < n; ++k) {  // the middle of 5 to 7 bytes
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  return n == 0 || a[0] == b[0];
}

// *out = v for the short labels and tags of a tree: when the reused string already holds
// v (often, as trees are overwritten sentence after sentence) it is left alone; otherwise
// string-to-string assignment, whose path is much shorter than assign(ptr, len)'s.
inline void SetShort(std::string* out, const std::string& v) {
  const size_t n = v.size();
  if (out->size() == n && n <= 16 && SameShortBytes(out->data(), v.data(), n)) return;
  CopyString(out, v);
}

// The phrase labels the parser opens.
enum Label : uint8_t {
  kLS,
  kLNP,
  kLVP,
  kLPP,
  kLPRN,
  kLPRT,
  kLROOT,
  kLSBAR,
  kLADJP,
  kLADVP,
  kLWHNP,
  kLWHADVP,
  kNumLabels
};

constexpr std::string_view kLabelNames[kNumLabels] = {
    "S", "NP", "VP", "PP", "PRN", "PRT", "ROOT", "SBAR", "ADJP", "ADVP", "WHNP", "WHADVP"};

// The same as strings to copy from (see SetShort).
const std::string* LabelStrings() {
  static const std::string* const kLabels = new std::string[kNumLabels]{
      "S", "NP", "VP", "PP", "PRN", "PRT", "ROOT", "SBAR", "ADJP", "ADVP", "WHNP", "WHADVP"};
  return kLabels;
}

const std::string& NNLabel() {
  static const std::string* const kNN = new std::string("NN");
  return *kNN;
}

// Node kinds on the right frontier.
enum Kind : uint8_t { kRoot, kS, kVP, kNP, kPP, kSBAR, kADJP };
enum : uint8_t { kWPP = 1, kWCoord = 2, kWRel = 4, kWRed = 8 };

struct Node {
  Kind kind;
  bool full = false;         // S: has VP; VP: has head; PP: has object; SBAR: has S
  bool wrapper = false;      // NP wrapper / VP coordination wrapper
  bool expect_conj = false;  // wrapper just took a CC or comma
  uint8_t wflags = 0;
  bool subject = false;    // NP wrapper in subject position
  bool had_cc = false;     // coordination wrapper already holds a conjunction
  bool nonfinite = false;  // S: a clause headed by a participle or infinitive
  bool comma_rel = false;  // SBAR: a relative clause opened after a comma
  int head = -1;           // VP: token index of its verb
  int id = 0;              // tree mode: its node's index in the tree
};

// Per-thread buffers of the Builder, kept between sentences so that parsing a sentence
// allocates nothing once they have grown (ShallowParse and ShallowParseTree never nest).
// The capacity of an empty std::string: up to this, its characters are held inline.
const size_t kShortString = std::string().capacity();

struct Scratch {
  std::vector<C> cls;
  std::vector<uint32_t> tag_flags;   // TagFlags()
  const WordTable& words = Words();  // (held here to skip the static's guard per look-up)
  std::vector<uint32_t> flags;       // memoized word flags | kwComputed, 0 = not looked up yet
  std::vector<uint32_t> chunk_end;   // memoized ChunkEnd + 1, 0 = not computed yet
  // Class and TagFlag bits of recently seen tags of up to 4 bytes, by TagKey (a tagger
  // uses a few dozen tags, so nearly every token is found here).
  struct TagCacheEntry {
    uint64_t key = kLongTag;
    C cls = cOther;
    uint32_t flags = 0;
  };
  std::array<TagCacheEntry, 128> tag_cache;
  std::vector<Node> stack;  // storage of Builder::stack_, only ever grown
  // Tree mode: the nodes as the parse makes them, written into the ParseTree in one pass
  // at the end (Builder::FinishTree), and the token of each word.
  struct PlacedNode {
    int parent;
    int word;  // -1 for a phrase
    int what;  // a leaf's token index, or a phrase's Label
  };
  std::vector<PlacedNode> placed;
  // Tree nodes and words trimmed off a tree after a shorter sentence, moved here with
  // their buffers (label and word strings, child vectors) and moved back as trees grow.
  std::vector<TreeNode> spare_nodes;
  std::vector<TreeWord> spare_words;
  // Tree vectors parked by their size. A tree is swapped with the parked vector of the
  // size it needs, so that a sentence needing as many nodes (words) as an earlier one
  // gets that vector back whole instead of trimming and regrowing the last one; its
  // nodes' labels and child vectors are then often already what this tree needs. Entry k
  // is empty or holds k elements.
  static constexpr size_t kParkedNodes = 256;
  static constexpr size_t kParkedWords = 96;
  std::vector<std::vector<TreeNode>> parked_nodes =
      std::vector<std::vector<TreeNode>>(kParkedNodes);
  std::vector<std::vector<TreeWord>> parked_words =
      std::vector<std::vector<TreeWord>>(kParkedWords);
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

class Builder {
 public:
  // With `tree`, Run() builds *tree directly instead of returning the bracketed string.
  explicit Builder(const Sentence& s, ParseTree* tree = nullptr)
      : s_(s), n_(s.tokens.size()), sc_(ThreadScratch()), stack_(&sc_.stack), tree_(tree) {
    // The per-token arrays only ever grow; the loop below sets their first n_ entries.
    if (sc_.cls.size() < n_) {
      sc_.cls.resize(n_);
      sc_.tag_flags.resize(n_);
      sc_.flags.resize(n_);
      sc_.chunk_end.resize(n_);
    }
    cls_ = sc_.cls.data();
    tag_flags_ = sc_.tag_flags.data();
    flags_ = sc_.flags.data();
    chunk_end_ = sc_.chunk_end.data();
    for (size_t i = 0; i < n_; ++i) {
      flags_[i] = 0;
      chunk_end_[i] = 0;
      const std::string_view tag = s.tokens[i].tag;
      const uint64_t key = TagKey(tag);
      if (key == kLongTag) {
        cls_[i] = Classify(tag, key);
        tag_flags_[i] = TagFlags(tag, key);
        continue;
      }
      Scratch::TagCacheEntry& e = sc_.tag_cache[((key * 0x9e3779b97f4a7c15ULL) >> 57) & 127];
      if (e.key != key) {
        e.key = key;
        e.cls = Classify(tag, key);
        e.flags = TagFlags(tag, key);
      }
      cls_[i] = e.cls;
      tag_flags_[i] = e.flags;
    }
    stack_.clear();
    if (tree_ != nullptr) {
      if (sc_.placed.size() < n_ * 3 + 4) sc_.placed.resize(n_ * 3 + 4);
      placed_ = sc_.placed.data();
      placed_cap_ = sc_.placed.size();
    } else {
      out_.reserve(n_ * 24 + 16);
    }
  }

  std::string Run();
  // Tree mode, after Run(): writes the placed nodes and their words into *tree_.
  void FinishTree();

 private:
  C Cls(size_t i) const { return i < n_ ? cls_[i] : cOther; }
  // The WordFlag bits of token i (i < n_), looked up on first use.
  uint32_t W(size_t i) const {
    const uint32_t f = flags_[i];
    return f != 0 ? f : LookUpWord(i);
  }
  [[gnu::noinline]] uint32_t LookUpWord(size_t i) const {
    const uint32_t f = sc_.words.Find(s_.tokens[i].text) | kwComputed;
    flags_[i] = f;
    return f;
  }
  bool Is(size_t i, uint32_t flags) const { return (W(i) & flags) != 0; }
  // "at least 40 protesters", "at most five": a quantifier opening a noun phrase.
  bool AtLeastAt(size_t i) const {
    return i + 2 < n_ && cls_[i + 2] == cCD && Is(i, kwAt) && Is(i + 1, kwLeast | kwMost);
  }
  bool CanStartNP(size_t i) const {
    if (i >= n_) return false;
    C c = cls_[i];
    return c == cNoun || c == cDet || c == cPossPron || c == cAdj || c == cCD || c == cPRP ||
           c == cEX || c == cDollar || AtLeastAt(i);
  }
  size_t ChunkEnd(size_t i) const;
  size_t ComputeChunkEnd(size_t i) const;
  // Is the CC at j inside a coordination of adjectives before a noun ("awful and evil
  // minister")?
  bool IsCommonNoun(size_t j) const { return j < n_ && (tag_flags_[j] & ktCommonNoun) != 0; }
  bool AdjCoordAt(size_t j) const {
    if (j == 0 || j + 1 >= n_ || cls_[j] != cCC || cls_[j - 1] != cAdj || cls_[j + 1] != cAdj)
      return false;
    size_t k = j + 1;
    while (k < n_ && cls_[k] == cAdj) ++k;
    return k < n_ && cls_[k] == cNoun;
  }
  bool FiniteAt(size_t j) const {
    while (j < n_ && cls_[j] == cRB) ++j;
    return j < n_ && (cls_[j] == cFin || cls_[j] == cMD);
  }
  bool ClauseFollows(size_t j) const {
    if (!CanStartNP(j)) return false;
    size_t e = ChunkEnd(j);
    if (e == j) return false;
    // Allow one PP-of inside the subject: "the head of the army said".
    if (e < n_ && cls_[e] == cIN && Is(e, kwOf) && CanStartNP(e + 1)) e = ChunkEnd(e + 1);
    // And a coordinated subject: "Dagolath and Osgiliath can ...".
    if (e + 1 < n_ && cls_[e] == cCC && CanStartNP(e + 1) && cls_[e + 1] != cPRP) {
      size_t e2 = ChunkEnd(e + 1);
      if (e2 > e + 1 && FiniteAt(e2)) return true;
    }
    return FiniteAt(e);
  }
  // Is the node at depth d, or an NP wrapper holding it within its clause, a subject?
  bool InSubject(size_t d) const {
    for (size_t k = d + 1; k-- > 2;) {
      const Node& t = stack_[k];
      if (t.kind == kNP && t.wrapper && t.subject) return true;
      if (t.kind == kS || t.kind == kSBAR || t.kind == kVP) return false;
    }
    return false;
  }
  size_t FindReportingComma() const;
  // ", a spokesman said," inside a sentence: returns the index of the closing comma, or 0.
  size_t ParentheticalReportEnd(size_t i) const {
    if (i + 4 >= n_ || !CanStartNP(i + 1) || AtLeastAt(i + 1)) return 0;
    size_t j = ChunkEnd(i + 1);
    if (j == i + 1 || j - i > 7) return 0;
    if (j < n_ && cls_[j] == cRB) ++j;
    if (j >= n_ || cls_[j] != cFin || !Is(j, kwSay)) return 0;
    size_t k = j + 1;
    if (k < n_ && Is(k, kwDate)) ++k;
    if (k + 1 >= n_ || cls_[k] != cComma || cls_[k + 1] == cPeriod) return 0;
    return k;
  }
  size_t PlaceParentheticalReport(size_t i, size_t k);
  size_t FindClauseCoordination() const;

  void Open(Label label, Node node) {
    if (tree_ != nullptr) {
      // Tree mode records the node; FinishTree() writes it out.
      const int id = Place(-1, label);
      node.id = id;
    } else {
      StringOpen(label);
    }
    stack_.push_back(node);
  }
  [[gnu::noinline]] void StringOpen(Label label) {
    if (!out_.empty() && out_.back() != '(') out_.push_back(' ');
    out_.push_back('(');
    out_.append(kLabelNames[label]);
  }
  void Close() {
    if (tree_ == nullptr) out_.push_back(')');
    stack_.pop_back();
  }
  // Tree mode: records a node (see Scratch::placed) under the innermost open node and
  // returns its index.
  int Place(int word, int what) {
    if (placed_count_ == placed_cap_) GrowPlaced();
    const int id = static_cast<int>(placed_count_++);
    placed_[id] = {Parent(), word, what};
    return id;
  }
  [[gnu::noinline]] void GrowPlaced() {
    sc_.placed.resize(placed_cap_ * 2);
    placed_ = sc_.placed.data();
    placed_cap_ = sc_.placed.size();
  }
  // Tree mode: the parent of a new node, the innermost open node. With the stack empty it
  // is the sentinel's 0, as ReadTreebank puts a node after the root closed under the root;
  // FinishTree() gives the root itself -1.
  int Parent() const { return stack_.back().id; }
  // Tree mode: grows the tree's nodes (words) to `size`, taking spares' buffers first.
  [[gnu::noinline]] void GrowNodes(size_t size);
  [[gnu::noinline]] void GrowWords(size_t size);
  void PopTo(size_t depth) {
    while (stack_.size() > depth) Close();
  }
  // Places token i as a leaf. The two modes are separate functions so that the tree
  // mode's, run for every token, stays small.
  void Leaf(size_t i) {
    if (tree_ != nullptr) {
      Place(static_cast<int>(words_used_++), static_cast<int>(i));
    } else {
      StringLeaf(i);
    }
  }
  [[gnu::noinline]] void StringLeaf(size_t i);
  // Pops completed PPs and NP wrappers not waiting for a conjunct (never the top S).
  void PopCompleted() {
    while (stack_.size() > 2) {
      const Node& t = stack_.back();
      if ((t.kind == kPP && t.full) || (t.kind == kNP && !t.expect_conj) || t.kind == kADJP ||
          (t.kind == kSBAR && t.full && false))
        Close();
      else
        break;
    }
  }
  void PopToClauseLevel() {  // innermost VP or S
    while (stack_.size() > 2 && stack_.back().kind != kVP && stack_.back().kind != kS) Close();
  }
  void BaseNP(size_t a, size_t e);
  size_t PlaceNP(size_t a, size_t e);  // returns the end of what it placed
  size_t PlaceVerb(size_t i);
  bool VerbCoordinationAhead(size_t i) const;
  void PlaceIN(size_t i);
  size_t PlaceTO(size_t i);
  void PlaceCC(size_t i);
  void PlaceComma(size_t i);
  void PlaceColon(size_t i);
  bool CloseCommaRelative(size_t i);
  void PlaceWh(size_t i);

  const Sentence& s_;
  const size_t n_;
  Scratch& sc_;
  C* cls_ = nullptr;               // the tokens' classes (in sc_)
  uint32_t* tag_flags_ = nullptr;  // the tokens' TagFlags() (in sc_)
  uint32_t* chunk_end_ = nullptr;  // see ChunkEnd() (in sc_)
  uint32_t* flags_ = nullptr;      // the tokens' word flags, see W() (in sc_)
  // The right frontier, innermost last: a vector's interface over sc_.stack whose push
  // has its (rare) growth out of line, keeping Open() small.
  class Frontier {
   public:
    // storage[0] is a sentinel that back() returns when the stack is empty: its id is the
    // root's, 0 (see Parent()).
    explicit Frontier(std::vector<Node>* storage) : storage_(storage) {
      if (storage_->empty()) storage_->resize(64, Node{kRoot});
      data_ = storage_->data() + 1;
    }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    void clear() { size_ = 0; }
    Node& back() { return data_[static_cast<ptrdiff_t>(size_) - 1]; }
    const Node& back() const { return data_[static_cast<ptrdiff_t>(size_) - 1]; }
    Node& operator[](size_t d) { return data_[d]; }
    const Node& operator[](size_t d) const { return data_[d]; }
    void pop_back() { --size_; }
    void push_back(const Node& node) {
      if (size_ + 1 == storage_->size()) Grow();
      data_[size_++] = node;
    }

   private:
    [[gnu::noinline]] void Grow() {
      storage_->resize(storage_->size() * 2);
      data_ = storage_->data() + 1;
    }
    std::vector<Node>* storage_;
    Node* data_ = nullptr;
    size_t size_ = 0;
  };
  Frontier stack_;
  std::string out_;
  ParseTree* tree_ = nullptr;              // tree mode (see the constructor)
  size_t words_used_ = 0;                  // tree mode: words placed so far
  Scratch::PlacedNode* placed_ = nullptr;  // tree mode: the nodes placed so far (in sc_)
  size_t placed_count_ = 0;
  size_t placed_cap_ = 0;
  size_t report_comma_ = static_cast<size_t>(-1);
  size_t coord_cc_ = static_cast<size_t>(-1);     // CC joining two full clauses
  size_t coord_comma_ = static_cast<size_t>(-1);  // the comma before it, if any
  size_t coord_depth_ = 0;                        // stack depth of the S holding both
};

void Builder::GrowNodes(size_t size) {
  std::vector<TreeNode>& nodes = tree_->nodes;
  nodes.reserve(size);
  while (nodes.size() < size) {
    if (sc_.spare_nodes.empty()) {
      nodes.emplace_back();
    } else {
      nodes.push_back(std::move(sc_.spare_nodes.back()));
      sc_.spare_nodes.pop_back();
    }
  }
}

void Builder::GrowWords(size_t size) {
  std::vector<TreeWord>& words = tree_->words;
  words.reserve(size);
  while (words.size() < size) {
    if (sc_.spare_words.empty()) {
      words.emplace_back();
    } else {
      words.push_back(std::move(sc_.spare_words.back()));
      sc_.spare_words.pop_back();
    }
  }
}

// Parks *v under its size, when that entry is free, and takes the vector parked under
// `size` (empty when there is none yet: it is grown once). See Scratch::parked_nodes.
template <typename T>
void Swap(std::vector<std::vector<T>>* parked, std::vector<T>* v, size_t size) {
  std::vector<std::vector<T>>& p = *parked;
  const size_t now = v->size();
  if (size >= p.size() || now >= p.size() || !p[now].empty()) return;  // trim or grow *v
  v->swap(p[now]);                                                     // *v is now empty
  v->swap(p[size]);
}

void Builder::FinishTree() {
  const size_t node_count = placed_count_;
  if (node_count > 0) placed_[0].parent = -1;  // the root
  // The tree's nodes and words are overwritten in place, so that their strings and child
  // vectors keep their buffers between sentences. Those left over from a larger tree are
  // dropped; the ones that own heap buffers (a child vector, a long string) go to the
  // thread's spares with them, the others are simply dropped (nothing to free).
  std::vector<TreeNode>& nodes = tree_->nodes;
  if (nodes.size() != node_count) Swap(&sc_.parked_nodes, &nodes, node_count);
  while (nodes.size() > node_count) {
    TreeNode& nd = nodes.back();
    if (nd.children.capacity() != 0 || nd.label.capacity() > kShortString)
      sc_.spare_nodes.push_back(std::move(nd));
    nodes.pop_back();
  }
  if (nodes.size() < node_count) GrowNodes(node_count);
  std::vector<TreeWord>& words = tree_->words;
  if (words.size() != words_used_) Swap(&sc_.parked_words, &words, words_used_);
  while (words.size() > words_used_) {
    TreeWord& w = words.back();
    if (w.text.capacity() > kShortString || w.norm.capacity() > kShortString ||
        w.tag.capacity() > kShortString)
      sc_.spare_words.push_back(std::move(w));
    words.pop_back();
  }
  if (words.size() < words_used_) GrowWords(words_used_);

  // What ReadTreebank reads back from the bracketed form; each word keeps its token's own
  // text, norm and offsets (as StoryCoder copied them onto the read tree).
  // The LabelKindOf of each Label.
  static constexpr LabelKind kKinds[kNumLabels] = {
      LabelKind::kS,     LabelKind::kNP,    LabelKind::kVP,    LabelKind::kPP,
      LabelKind::kOther, LabelKind::kOther, LabelKind::kOther, LabelKind::kSBAR,
      LabelKind::kOther, LabelKind::kOther, LabelKind::kWHNP,  LabelKind::kOther};
  const std::string* const labels = LabelStrings();
  const std::string& nn = NNLabel();
  const Scratch::PlacedNode* placed = placed_;
  TreeNode* nd = nodes.data();
  TreeWord* wd = words.data();
  for (size_t k = 0; k < node_count; ++k) {
    const Scratch::PlacedNode& p = placed[k];
    TreeNode& node = nd[k];
    node.children.clear();  // (a parent comes before its children)
    node.parent = p.parent;
    node.word = p.word;
    if (p.parent >= 0) nd[p.parent].children.push_back(static_cast<int>(k));
    if (p.word < 0) {
      SetShort(&node.label, labels[p.what]);  // phrase labels carry no "-" or "=" suffix
      node.kind = kKinds[p.what];
      continue;
    }
    const size_t i = static_cast<size_t>(p.what);
    const Token& t = s_.tokens[i];
    TreeWord& w = wd[p.word];
    const std::string& tag = t.tag.empty() ? nn : t.tag;
    // The leaf is labelled with the tag, cleaned as ReadTreebank cleans a label, unless it
    // has no character to replace and no suffix to cut.
    const uint32_t tf = tag_flags_[i];
    if ((tf & ktPlain) != 0) {
      SetShort(&w.tag, tag);
      SetShort(&node.label, tag);
      node.kind = static_cast<LabelKind>(static_cast<uint8_t>(tf >> kLabelKindShift));
      w.tag_kind = static_cast<TagKind>(static_cast<uint8_t>(tf >> kTagKindShift));
    } else {
      w.tag.assign(tag);
      for (char& c : w.tag)
        if (c == ' ' || c == '(' || c == ')') c = '_';
      CleanLabelInto(w.tag, &node.label);
      node.kind = LabelKindOf(node.label);
      w.tag_kind = TagKindOf(w.tag);
    }
    CopyString(&w.text, t.text);
    CopyString(&w.norm, t.norm);
    w.begin = t.begin;
    w.end = t.end;
  }
}

void Builder::StringLeaf(size_t i) {
  const Token& t = s_.tokens[i];
  if (!out_.empty() && out_.back() != '(') out_.push_back(' ');
  out_.push_back('(');
  if (t.tag.empty()) {
    out_.append("NN");
  } else {
    for (char c : t.tag) {
      out_.push_back(c == ' ' || c == '(' || c == ')' ? '_' : c);
    }
    if (t.tag == "(") out_.back() = '_';
  }
  out_.push_back(' ');
  if (t.text.empty()) {
    out_.append("-NONE-");
  }
  for (char c : t.text) {
    switch (c) {
      case '(':
        out_.append("-LRB-");
        break;
      case ')':
        out_.append("-RRB-");
        break;
      case '{':
        out_.append("-LCB-");
        break;
      case '}':
        out_.append("-RCB-");
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        out_.push_back('_');
        break;
      default:
        out_.push_back(c);
    }
  }
  out_.push_back(')');
}

size_t Builder::ChunkEnd(size_t i) const {
  if (i >= n_) return i;
  // The lookahead rules ask for the same chunks again and again: memoized per token.
  if (chunk_end_[i] != 0) return chunk_end_[i] - 1;
  const size_t e = ComputeChunkEnd(i);
  chunk_end_[i] = static_cast<uint32_t>(e + 1);
  return e;
}

size_t Builder::ComputeChunkEnd(size_t i) const {
  C c0 = cls_[i];
  if (c0 == cPRP || c0 == cEX) return i + 1;
  size_t j = AtLeastAt(i) ? i + 2 : i;
  bool det_ok = true;
  while (j < n_) {
    C c = cls_[j];
    if (c == cNoun) {  // the common case first (the same as below)
      det_ok = false;
      ++j;
      continue;
    }
    if (c == cDet && det_ok) {
      ++j;
      continue;  // PDT DT, DT
    }
    if (c == cPossPron && det_ok) {
      det_ok = false;
      ++j;
      continue;
    }
    det_ok = false;
    if (c == cAdj && j > i && Is(j, kwLast | kwNext) && j + 1 < n_ && Is(j + 1, kwDate))
      break;  // "the town last week": the time phrase is its own NP
    if (c == cAdj || c == cCD || c == cNoun || c == cDollar) {
      // A noun followed by a possessive continues; a noun followed by a det ends.
      ++j;
      continue;
    }
    if (c == cPOS && j > i) {
      ++j;
      continue;
    }
    if (c == cCC && AdjCoordAt(j)) {  // "awful and evil minister"
      ++j;
      continue;
    }
    if ((c == cVBN || c == cVBG) && j > i && j + 1 < n_ &&
        (cls_[j + 1] == cNoun || cls_[j + 1] == cAdj) && !Is(j + 1, kwDate) &&
        !(j + 2 < n_ && Is(j + 2, kwDate) && cls_[j + 1] == cAdj)) {
      ++j;
      continue;
    }
    if (c == cRB && j + 1 < n_ && cls_[j + 1] == cAdj && j + 2 < n_ && cls_[j + 2] == cNoun &&
        j > i) {
      ++j;
      continue;
    }
    break;
  }
  // Do not end on a trailing POS-less determiner run only if followed by a noun later.
  return j;
}

size_t Builder::FindReportingComma() const {
  for (size_t c = n_; c-- > 1;) {
    if (cls_[c] != cComma) continue;
    size_t j = c + 1;
    if (j < n_ && (tag_flags_[j] & ktQuote)) ++j;  // ," the minister said
    const bool inverted = !CanStartNP(j);          // ", said the minister."
    if (!inverted) {
      j = ChunkEnd(j);
      while (j < n_ && cls_[j] == cIN && CanStartNP(j + 1)) j = ChunkEnd(j + 1);  // of-PPs
    }
    while (j < n_ && cls_[j] == cRB) ++j;
    if (inverted && j < n_ && cls_[j] == cFin && Is(j, kwSay)) {
      // Only with the subject after the verb and nothing else: "X, said the minister."
      size_t e = j + 1;
      if (!CanStartNP(e)) break;
      e = ChunkEnd(e);
      while (e < n_ && cls_[e] == cIN && CanStartNP(e + 1)) e = ChunkEnd(e + 1);
      if (e < n_ && cls_[e] != cPeriod && cls_[e] != cOther) break;
      return c;
    }
    if (j < n_ && (cls_[j] == cFin) && Is(j, kwSay)) {
      // "After talks, the minister said relations ...": a verb of saying with its own
      // complement clause is the main verb, not a reporting tail.
      if (j + 1 < n_ && (Is(j + 1, kwThat) || ClauseFollows(j + 1))) break;
      bool finite_before = false;
      for (size_t k = 0; k < c && !finite_before; ++k)
        finite_before = cls_[k] == cFin || cls_[k] == cMD || cls_[k] == cVBN || cls_[k] == cVB;
      if (!finite_before && !(j > 0 && (tag_flags_[c + 1] & ktQuote))) break;
      return c;
    }
    return static_cast<size_t>(-1);  // only the last comma is considered
  }
  return static_cast<size_t>(-1);
}

// A conjunction joining two clauses at the top level: "Officers fired tear gas, and
// authorities suspended the internet" -> (S (S ...) (, ,) (CC and) (S ...)). It needs a
// finite verb before it (so it does not join subjects), a subject and finite verb after it,
// and no clause opener before it (a conjunction inside a "that" clause stays there).
size_t Builder::FindClauseCoordination() const {
  bool finite_before = false;
  // The classes the tests below look at; the loop skips others with one test.
  constexpr uint32_t kLooked = 1u << cFin | 1u << cMD | 1u << cWDT | 1u << cWP | 1u << cWRB |
                               1u << cColon | 1u << cIN | 1u << cCC;
  for (size_t k = 0; k < n_ && k < report_comma_; ++k) {
    C c = cls_[k];
    if ((kLooked >> c & 1) == 0) continue;
    if (c == cFin || c == cMD) finite_before = true;
    if (c == cWDT || c == cWP || c == cWRB || c == cColon) return static_cast<size_t>(-1);
    if (c == cIN && Is(k, kwThat | kwSubCoord)) return static_cast<size_t>(-1);
    if (c == cFin && Is(k, kwSay) && ClauseFollows(k + 1)) return static_cast<size_t>(-1);
    if (c == cCC && finite_before && k > 0 && ClauseFollows(k + 1)) {
      // A subject pronoun or a determiner-led phrase: "and they", "and the police".
      return k;
    }
  }
  return static_cast<size_t>(-1);
}

void Builder::BaseNP(size_t a, size_t e) {
  // Possessives inside the chunk nest to the left: (NP (NP Gondor 's) government).
  size_t pos_inside = 0;
  for (size_t j = a; j + 1 < e; ++j) {
    if (cls_[j] == cPOS) ++pos_inside;
  }
  for (size_t k = 0; k <= pos_inside; ++k) Open(kLNP, Node{kNP});
  for (size_t j = a; j < e; ++j) {
    if (cls_[j] == cAdj && j + 1 < e && AdjCoordAt(j + 1)) {
      // (ADJP (JJ awful) (CC and) (JJ evil))
      Open(kLADJP, Node{kADJP});
      Leaf(j);
      Leaf(j + 1);
      Leaf(j + 2);
      Close();
      j += 2;
      continue;
    }
    Leaf(j);
    if (cls_[j] == cPOS && j + 1 < e) Close();
  }
  Close();
}

size_t Builder::PlaceNP(size_t a, size_t e) {
  // Find a node that takes an NP.
  bool conj = false, subject = false;
  while (true) {
    Node& t = stack_.back();
    if (t.kind == kPP && !t.full) {
      t.full = true;
      break;
    }
    if (t.kind == kNP && t.wrapper && t.expect_conj) {
      t.expect_conj = false;
      conj = true;
      subject = t.subject;
      break;
    }
    if (t.kind == kS) {
      subject = !t.full;
      break;
    }
    if (t.kind == kVP) break;
    if (t.kind == kSBAR && !t.full) {
      t.full = true;
      Open(kLS, Node{kS});
      subject = true;
      break;
    }
    if (stack_.size() <= 2) break;
    Close();
  }
  // Bare common nouns coordinated after a determiner-less common noun phrase share its
  // modifiers and form one flat NP, as CoreNLP parses them:
  // (NP (JJ Danish) (NNS media) (CC and) (NN government)); with a determiner ("The Danish
  // media and government") CoreNLP coordinates two NPs.
  if (!conj && e + 1 < n_ && cls_[e] == cCC && e > a && IsCommonNoun(e - 1) &&
      IsCommonNoun(e + 1) && (cls_[a] == cNoun || cls_[a] == cAdj)) {
    bool has_pos = false;
    for (size_t j = a; j < e; ++j) has_pos = has_pos || cls_[j] == cPOS;
    size_t e2 = e + 1;
    while (e2 < n_ && IsCommonNoun(e2)) ++e2;
    C after = Cls(e2);
    bool list_before = a > 0 && cls_[a - 1] == cComma;
    if (!has_pos && !list_before && e2 - (e + 1) <= 2 &&
        (after == cFin || after == cMD || after == cIN || after == cPeriod || e2 >= n_))
      e = e2;
  }
  // Is this NP inside a subject (the object of a PP of a subject NP)?
  bool in_subject = subject;
  for (size_t d = stack_.size(); d-- > 2 && !in_subject;) {
    const Node& t = stack_[d];
    if (t.kind == kNP && t.wrapper && t.subject) in_subject = true;
    if (t.kind == kS || t.kind == kSBAR || t.kind == kVP) break;
  }
  // Look ahead: what follows the base NP decides whether it needs a wrapper NP.
  uint8_t flags = 0;
  const size_t b = e;
  if (b < n_ && cls_[a] != cEX) {
    C nx = cls_[b];
    const uint32_t w = W(b);
    if (nx == cIN) {
      bool date_obj = b + 1 < n_ && (Is(b + 1, kwDate) || (b + 2 < n_ && Is(b + 2, kwDate)) ||
                                     cls_[b + 1] == cCD);
      const bool of_to_verb = (w & kwOf) && a > 0 && IsVerb(cls_[a - 1]) && Is(a - 1, kwOfComp) &&
                              stack_.back().kind == kVP;
      if (((w & kwOf) && !of_to_verb) || (subject && !(w & kwNotSubjPP)) || (w & kwAttachPP) ||
          ((w & kwOn) && !date_obj) || ((w & kwInFrom) && !date_obj && conj))
        flags |= kWPP;
      // After "of X", a place PP goes with X: "the parliament of Gondor in Eriador".
      if ((w & kwInFrom) && !date_obj && a > 0 && Is(a - 1, kwOf) && stack_.back().kind == kPP)
        flags |= kWPP;
      if ((flags & kWPP) && !(w & kwOf) && !subject && ClauseFollows(b + 1))  // (cheap tests first)
        flags &= static_cast<uint8_t>(~kWPP);
      if (of_to_verb) flags &= static_cast<uint8_t>(~kWPP);
    }
    if (!conj && cls_[a] != cPRP) {
      if (nx == cCC && CanStartNP(b + 1) && cls_[b + 1] != cEX) {
        size_t e2 = ChunkEnd(b + 1);
        if (in_subject || !FiniteAt(e2)) flags |= kWCoord;
      }
      if (nx == cComma && b != report_comma_ && CanStartNP(b + 1) && cls_[b + 1] != cPRP) {
        size_t e2 = ChunkEnd(b + 1);
        while (e2 < n_ && cls_[e2] == cIN && Is(e2, kwOf) && CanStartNP(e2 + 1))
          e2 = ChunkEnd(e2 + 1);
        C after = Cls(e2);
        if (e2 > b + 1 && (after == cComma || after == cCC || (after == cPeriod && e2 + 1 >= n_)))
          flags |= kWCoord;
      }
    }
    if (nx == cWDT || (nx == cWP && !(w & kwWhat)) ||
        ((nx == cComma || nx == cColon) && b + 1 < n_ &&
         (cls_[b + 1] == cWDT || cls_[b + 1] == cWP) && !Is(b + 1, kwWhat)))
      flags |= kWRel;
    if (nx == cVBN || (nx == cVBG && !subject)) flags |= kWRed;
  }
  if (flags != 0) {
    Node w{kNP};
    w.wrapper = true;
    w.wflags = flags;
    w.subject = subject;
    Open(kLNP, w);
  }
  if (cls_[a] == cAdj) {
    // Adjectives only, no noun: a predicate ADJP (after a verb) or an NP.
    bool has_head = false;
    for (size_t j = a; j < e; ++j) {
      if (cls_[j] != cAdj && cls_[j] != cRB) has_head = true;
    }
    if (!has_head && stack_.back().kind == kVP) {
      Open(kLADJP, Node{kADJP});
      for (size_t j = a; j < e; ++j) Leaf(j);
      Close();
      return e;
    }
  }
  BaseNP(a, e);
  return e;
}

// Does a conjunction ahead, before any clause boundary, join a verb of the same form as
// the verb at i ("accused ... and recalled", "to give ... and meet")?
bool Builder::VerbCoordinationAhead(size_t i) const {
  const C c = cls_[i];
  // The classes the tests below look at (report_comma_ is a comma).
  constexpr uint32_t kLooked = 1u << cWDT | 1u << cWP | 1u << cWRB | 1u << cIN | 1u << cComma |
                               1u << cPeriod | 1u << cColon | 1u << cCC;
  for (size_t k = i + 1; k < n_; ++k) {
    C ck = cls_[k];
    if ((kLooked >> ck & 1) == 0) continue;
    if (ck == cWDT || ck == cWP || ck == cWRB || (ck == cIN && Is(k, kwThat)) ||
        k == report_comma_ || ck == cPeriod || ck == cColon)
      return false;
    if (ck == cCC) {
      size_t m = k + 1;
      while (m < n_ && cls_[m] == cRB) ++m;
      return m < n_ && IsVerb(cls_[m]) &&
             (cls_[m] == c || (c == cFin && cls_[m] == cMD) || (c == cMD && cls_[m] == cFin));
    }
  }
  return false;
}

size_t Builder::PlaceVerb(size_t i) {
  C c = cls_[i];
  // Is this an auxiliary? (followed, past adverbs, by another verb)
  size_t j = i + 1;
  while (j < n_ && cls_[j] == cRB) ++j;
  // "was heavily and unjustly criticized": coordinated adverbs between auxiliary and verb.
  bool adv_coord = false;
  if (j > i + 1 && j + 1 < n_ && cls_[j] == cCC && cls_[j + 1] == cRB) {
    size_t m = j + 1;
    while (m < n_ && cls_[m] == cRB) ++m;
    if (m < n_ && IsVerb(cls_[m]) && (c == cMD || Is(i, kwAux))) {
      adv_coord = true;
      j = m;
    }
  }
  bool aux = (c == cMD || Is(i, kwAux)) && j < n_ && IsVerb(cls_[j]) && cls_[j] != cMD;
  if (c == cVBG && Is(i, kwBeing) && j < n_ && cls_[j] == cVBN) aux = true;

  if (c == cVB && i > 0 && (cls_[i - 1] == cNoun || cls_[i - 1] == cPRP)) {
    // "helping militants join a group": a bare infinitive after the object of a causative
    // verb is a clause inside that verb's VP.
    for (size_t d = stack_.size(); d-- > 2;) {
      const Node& t = stack_[d];
      if (t.kind == kNP && !t.expect_conj) continue;
      if (t.kind == kVP && t.head >= 0 && Is(static_cast<size_t>(t.head), kwCausative)) {
        PopTo(d + 1);
        Node sn{kS};
        sn.full = true;
        sn.nonfinite = true;
        Open(kLS, sn);
        Open(kLVP, Node{kVP});
      }
      break;
    }
  }
  Node& top = stack_.back();
  bool into_awaiting = top.kind == kVP && !top.full;
  if (!into_awaiting && c == cVB && i > 0 && cls_[i - 1] == cVB && top.kind == kVP) {
    // "will wire tap the links": a bare verb right after a bare verb heads a nested VP.
    Open(kLVP, Node{kVP});
    into_awaiting = true;
  }
  if (!into_awaiting) {
    bool finite = c == cFin || c == cMD || c == cVB;
    if (finite) {
      while (true) {
        Node& t = stack_.back();
        if (t.kind == kS && !t.full) break;
        if (t.kind == kSBAR && !t.full) {
          t.full = true;
          Open(kLS, Node{kS});
          break;
        }
        if (t.kind == kVP && t.wrapper && t.expect_conj) break;
        if (stack_.size() <= 2) break;
        Close();
      }
    } else {
      Node& t = stack_.back();
      if (t.kind == kNP && t.wrapper && (t.wflags & kWRed) && !t.expect_conj) {
        t.wflags &= static_cast<uint8_t>(~kWRed);
      } else if (t.kind == kPP && !t.full) {
        t.full = true;
        Node sn{kS};
        sn.nonfinite = true;
        Open(kLS, sn);
      } else if (c == cVBG && t.kind == kVP && t.full && i > 0 &&
                 (cls_[i - 1] == cFin || cls_[i - 1] == cVB) && !Is(i - 1, kwAux)) {
        Node sn{kS};  // "denies supporting the rebels"
        sn.nonfinite = true;
        sn.full = true;
        Open(kLS, sn);
      } else {
        PopCompleted();
        Node& u = stack_.back();
        if (u.kind == kSBAR && !u.full) {
          u.full = true;
          Open(kLS, Node{kS});
        }
      }
    }
    Node& t = stack_.back();
    if (t.kind == kS) t.full = true;
    if (t.kind == kVP && t.wrapper) t.expect_conj = false;
    // Verb coordination ahead at this level? "(VP (VP ...) (CC and) (VP ...))"
    if (!(t.kind == kVP && t.wrapper) && !aux && VerbCoordinationAhead(i)) {
      Node w{kVP};
      w.wrapper = true;
      w.full = true;
      Open(kLVP, w);
    }
    Open(kLVP, Node{kVP});
  } else if (!aux && VerbCoordinationAhead(i)) {
    // "to give a speech and meet with ...": the VP awaiting its head becomes the wrapper.
    Node& t = stack_.back();
    t.wrapper = true;
    t.full = true;
    Open(kLVP, Node{kVP});
  }
  stack_.back().full = true;
  stack_.back().head = static_cast<int>(i);
  Leaf(i);
  if (aux) {
    if (adv_coord) Open(kLADVP, Node{kADJP});
    for (size_t k = i + 1; k < j; ++k) Leaf(k);  // not, n't, also
    if (adv_coord) Close();
    Open(kLVP, Node{kVP});  // awaiting its head
    return j;
  }
  // "said Wednesday she hoped ...": a bare date before the complement clause is the
  // verb's own (NP (NNP Wednesday)).
  if (Is(i, kwSay) && i + 2 < n_ && Is(i + 1, kwDate) && ClauseFollows(i + 2)) {
    Open(kLNP, Node{kNP});
    Leaf(i + 1);
    Close();
    Node sb{kSBAR};
    sb.full = true;
    Open(kLSBAR, sb);
    Open(kLS, Node{kS});
    return i + 2;
  }
  // Complement clause without "that" after a verb of saying: "said (SBAR (S X ...))".
  if (Is(i, kwSay) && ClauseFollows(i + 1)) {
    Node sb{kSBAR};
    sb.full = true;
    Open(kLSBAR, sb);
    Open(kLS, Node{kS});
  }
  return i + 1;
}

void Builder::PlaceIN(size_t i) {
  const uint32_t w = W(i);
  bool sub = (w & kwThat) || ((w & kwSubIN) && ClauseFollows(i + 1));
  if (sub) {
    PopCompleted();
    Node& t = stack_.back();
    if (t.kind == kPP && !t.full) t.full = true;  // "because of"-like chains
    Node sb{kSBAR};
    Open(kLSBAR, sb);
    Leaf(i);
    stack_.back().full = true;
    Open(kLS, Node{kS});
    return;
  }
  while (true) {
    Node& t = stack_.back();
    if (t.kind == kPP && !t.full) {  // "out of", "ahead of"
      t.full = true;
      break;
    }
    if (t.kind == kNP && t.wrapper && (t.wflags & kWPP) && !t.expect_conj) break;
    if (t.kind == kVP || t.kind == kS) break;
    if (t.kind == kSBAR && !t.full) {
      t.full = true;
      Open(kLS, Node{kS});
      break;
    }
    if (stack_.size() <= 2) break;
    Close();
  }
  Open(kLPP, Node{kPP});
  Leaf(i);
}

size_t Builder::PlaceTO(size_t i) {
  size_t j = i + 1;
  while (j < n_ && cls_[j] == cRB) ++j;
  if (j < n_ && (cls_[j] == cVB || (tag_flags_[j] & ktVBP))) {
    PopCompleted();
    Node& t = stack_.back();
    if (t.kind == kPP && !t.full) t.full = true;
    Node sn{kS};
    sn.full = true;
    sn.nonfinite = true;
    Open(kLS, sn);
    Node vp{kVP};
    vp.full = true;
    Open(kLVP, vp);
    Leaf(i);
    for (size_t k = i + 1; k < j; ++k) Leaf(k);
    Open(kLVP, Node{kVP});
    return j;
  }
  PlaceIN(i);  // "to" as a preposition
  return i + 1;
}

void Builder::PlaceCC(size_t i) {
  size_t j = i + 1;
  while (j < n_ && cls_[j] == cRB) ++j;
  const bool verb_next = j < n_ && IsVerb(cls_[j]);
  // A finite verb after the conjunction can coordinate with a verb outside an infinitive
  // or participle clause: "accused X of violating the deal and recalled its envoy".
  const bool finite_next = j < n_ && (cls_[j] == cFin || cls_[j] == cMD);
  const bool clause_next = !verb_next && ClauseFollows(i + 1);
  // Search down the frontier for a wrapper that coordinates what follows.
  for (size_t d = stack_.size(); d-- > 2;) {
    Node& t = stack_[d];
    if (!verb_next && t.kind == kNP && t.wrapper && (t.wflags & kWCoord) && CanStartNP(i + 1) &&
        !(clause_next && (t.had_cc || !InSubject(d)))) {
      PopTo(d + 1);
      Leaf(i);
      stack_.back().expect_conj = true;
      stack_.back().had_cc = true;
      return;
    }
    if (verb_next && t.kind == kVP && t.wrapper) {
      PopTo(d + 1);
      Leaf(i);
      stack_.back().expect_conj = true;
      return;
    }
    if (t.kind == kS && t.nonfinite && finite_next) continue;
    if (t.kind == kS || t.kind == kSBAR) break;
  }
  // A conjunction before a subject and a finite verb joins clauses: the innermost finished
  // finite clause takes it and a new clause opens beside: "China remained silent and
  // Russia's envoy said ...".
  if (clause_next) {
    // "but" contrasts with the main clause: it takes the outermost finished clause.
    const bool outer = Is(i, kwBut);
    size_t found = 0;
    for (size_t d = 1; d < stack_.size(); ++d) {
      const Node& t = stack_[d];
      if (t.kind == kS && t.full && !t.nonfinite) {
        found = d;
        if (outer) break;
      }
    }
    if (found != 0) {
      // Beside it when its parent is a clause node, else inside it (the top S).
      const size_t d = found;
      PopTo(d >= 2 && (stack_[d - 1].kind == kS || stack_[d - 1].kind == kSBAR) ? d : d + 1);
      Leaf(i);
      Open(kLS, Node{kS});
      return;
    }
  }
  PopToClauseLevel();
  Leaf(i);
}

void Builder::PlaceComma(size_t i) {
  const bool np_next = CanStartNP(i + 1) && Cls(i + 1) != cPRP;
  const bool wh_next = Cls(i + 1) == cWDT || (Cls(i + 1) == cWP && !Is(i + 1, kwWhat));
  const bool cc_next = Cls(i + 1) == cCC;
  for (size_t d = stack_.size(); d-- > 2;) {
    Node& t = stack_[d];
    // ", and" after a finished "A and B" starts a higher-level conjunct, not a third item.
    if (t.kind == kNP && t.wrapper && !t.expect_conj &&
        (((t.wflags & kWCoord) && (np_next || (cc_next && !t.had_cc))) ||
         ((t.wflags & kWRel) && wh_next))) {
      PopTo(d + 1);
      Leaf(i);
      if (np_next) stack_.back().expect_conj = true;
      return;
    }
    // "Ahmed Salem, the head of the coalition, said ...": the comma closing an appositive
    // of a subject stays inside the subject NP.
    if (t.kind == kNP && t.wrapper && !t.expect_conj && (t.wflags & kWCoord) && !t.had_cc &&
        t.subject && FiniteAt(i + 1)) {
      PopTo(d + 1);
      Leaf(i);
      return;
    }
    if (t.kind == kS || t.kind == kSBAR || t.kind == kVP) break;
  }
  // A comma after an introductory phrase or clause, before the subject and verb, goes to
  // the clause still waiting for its verb: "Before leaving for Beijing, Bush was ...".
  if (!cc_next && ClauseFollows(i + 1)) {
    for (size_t d = stack_.size(); d-- > 1;) {
      const Node& t = stack_[d];
      if (t.kind == kS && !t.full && !t.nonfinite && d + 1 < stack_.size() &&
          (stack_[d + 1].kind == kPP || stack_[d + 1].kind == kSBAR ||
           stack_[d + 1].kind == kADJP)) {
        PopTo(d + 1);
        Leaf(i);
        return;
      }
      if (t.kind == kS && t.full && !t.nonfinite && !(stack_[d - 1].kind == kSBAR)) break;
    }
  }
  // A comma after a finished relative clause that was opened by a comma closes it:
  // "The rebels, who seized the town, released ..." -> (NP (NP ..) (, ,) (SBAR ..) (, ,)).
  if (!cc_next && !wh_next && CloseCommaRelative(i)) return;
  PopToClauseLevel();
  Leaf(i);
}

// (PRN (, ,) (S (NP (DT a) (NN spokesman)) (VP (VBD said))) (, ,)) at the clause level.
size_t Builder::PlaceParentheticalReport(size_t i, size_t k) {
  PopToClauseLevel();
  Open(kLPRN, Node{kADJP});
  Leaf(i);
  Node sn{kS};
  sn.full = true;
  Open(kLS, sn);
  size_t e = ChunkEnd(i + 1);
  BaseNP(i + 1, e);
  Node vp{kVP};
  vp.full = true;
  Open(kLVP, vp);
  for (size_t j = e; j < k; ++j) {
    if (cls_[j] == cRB && j == e) {
      Open(kLADVP, Node{kADJP});
      Leaf(j);
      Close();
    } else if (cls_[j] == cNoun) {
      Open(kLNP, Node{kNP});
      Leaf(j);
      Close();
    } else {
      Leaf(j);
    }
  }
  Close();  // VP
  Close();  // S
  Leaf(k);
  Close();  // PRN
  return k + 1;
}

// A dash or colon closes a finished relative clause opened after a comma or dash
// ("Moscow and Beijing -- which have resisted ... -- but"); otherwise it is a plain leaf.
void Builder::PlaceColon(size_t i) {
  if (Cls(i + 1) == cWDT || (Cls(i + 1) == cWP && !Is(i + 1, kwWhat))) {
    for (size_t d = stack_.size(); d-- > 2;) {
      const Node& t = stack_[d];
      if (t.kind == kNP && t.wrapper && (t.wflags & kWRel)) {
        PopTo(d + 1);
        Leaf(i);
        return;
      }
      if (t.kind == kS || t.kind == kSBAR || t.kind == kVP) break;
    }
  }
  if (!CloseCommaRelative(i)) Leaf(i);
}

// Closes a finished relative clause that a comma or dash opened and places punctuation
// token i after it: (NP (NP ..) (, ,) (SBAR ..) (, ,)). False when there is none.
bool Builder::CloseCommaRelative(size_t i) {
  for (size_t d = stack_.size(); d-- > 3;) {
    const Node& t = stack_[d];
    if (t.kind == kSBAR && t.comma_rel && d + 1 < stack_.size() && stack_[d + 1].kind == kS &&
        stack_[d + 1].full && stack_[d - 1].kind == kNP) {
      PopTo(d);
      Leaf(i);
      return true;
    }
    if (t.kind == kSBAR && !t.comma_rel) break;
  }
  return false;
}

void Builder::PlaceWh(size_t i) {
  C c = cls_[i];
  bool attached = false;
  for (size_t d = stack_.size(); d-- > 2;) {
    Node& t = stack_[d];
    if (t.kind == kNP && t.wrapper && (t.wflags & kWRel)) {
      PopTo(d + 1);
      t.wflags &= static_cast<uint8_t>(~kWRel);
      attached = true;
      break;
    }
    if (t.kind == kS || t.kind == kSBAR || t.kind == kVP || t.kind == kPP) break;
  }
  if (!attached) {
    PopCompleted();
    Node& t = stack_.back();
    if (t.kind == kPP && !t.full) t.full = true;
  }
  Node sb{kSBAR};
  sb.full = true;
  sb.comma_rel = attached && i > 0 && (cls_[i - 1] == cComma || cls_[i - 1] == cColon);
  Open(kLSBAR, sb);
  Open(c == cWRB ? kLWHADVP : kLWHNP, Node{kNP});
  Leaf(i);
  Close();
  Open(kLS, Node{kS});
}

std::string Builder::Run() {
  if (n_ == 0) return "(ROOT (S))";
  report_comma_ = FindReportingComma();
  // The last sentence-final punctuation token.
  size_t final_period = static_cast<size_t>(-1);
  for (size_t k = n_; k-- > 0;) {
    if (cls_[k] == cPeriod) {
      final_period = k;
      break;
    }
    if (cls_[k] != cOther) break;  // closing quotes may follow the period
  }
  Open(kLROOT, Node{kRoot});
  Open(kLS, Node{kS});
  if (report_comma_ != static_cast<size_t>(-1)) Open(kLS, Node{kS});
  coord_cc_ = FindClauseCoordination();
  if (coord_cc_ != static_cast<size_t>(-1)) {
    if (coord_cc_ > 0 && cls_[coord_cc_ - 1] == cComma) coord_comma_ = coord_cc_ - 1;
    coord_depth_ = stack_.size();
    stack_.back().full = true;
    Open(kLS, Node{kS});
  }
  size_t i = 0;
  while (i < n_) {
    C c = cls_[i];
    if (i == coord_comma_ || i == coord_cc_) {
      PopTo(coord_depth_);
      Leaf(i);
      if (i == coord_cc_) Open(kLS, Node{kS});
      ++i;
      continue;
    }
    if (i == report_comma_) {
      PopTo(2);
      stack_.back().full = false;  // the top S takes the tail's subject and verb
      Leaf(i);
      ++i;
      continue;
    }
    if (i == final_period) {
      PopTo(2);
      Leaf(i);
      ++i;
      continue;
    }
    if (c == cComma) {
      size_t k = ParentheticalReportEnd(i);
      if (k != 0) {
        i = PlaceParentheticalReport(i, k);
        continue;
      }
    }
    switch (c) {
      case cNoun:
      case cDet:
      case cPossPron:
      case cAdj:
      case cCD:
      case cPRP:
      case cEX:
      case cDollar: {
        size_t e = ChunkEnd(i);
        if (e <= i) e = i + 1;
        i = PlaceNP(i, e);
        break;
      }
      case cPOS: {  // stray possessive: attach as a leaf
        Leaf(i);
        ++i;
        break;
      }
      case cVBN:
        // "expel exiled leaders": a participle after a main verb, before a noun, is a
        // modifier opening the object NP.
        if (i > 0 &&
            (((cls_[i - 1] == cVB || cls_[i - 1] == cFin) && !Is(i - 1, kwAux)) ||
             (cls_[i - 1] == cIN && !Is(i - 1, kwVbnIN))) &&
            (Cls(i + 1) == cNoun || Cls(i + 1) == cAdj)) {
          size_t e = ChunkEnd(i + 1);
          i = PlaceNP(i, e > i + 1 ? e : i + 2);
          break;
        }
        i = PlaceVerb(i);
        break;
      case cVBG:
        if (Is(i, kwAccording) && Cls(i + 1) == cTO) {
          // (PP (VBG According) (PP (TO to) (NP ..)))
          PopCompleted();
          Node& t = stack_.back();
          if (t.kind == kPP && !t.full) t.full = true;
          Node pp{kPP};
          pp.full = true;
          Open(kLPP, pp);
          Leaf(i);
          Open(kLPP, Node{kPP});
          Leaf(i + 1);
          i += 2;
          break;
        }
        i = PlaceVerb(i);
        break;
      case cMD:
      case cFin:
      case cVB:
        i = PlaceVerb(i);
        break;
      case cTO:
        i = PlaceTO(i);
        break;
      case cIN:
        if (AtLeastAt(i)) {
          i = PlaceNP(i, ChunkEnd(i));
          break;
        }
        PlaceIN(i);
        ++i;
        break;
      case cCC:
        PlaceCC(i);
        ++i;
        break;
      case cComma:
        PlaceComma(i);
        ++i;
        break;
      case cWDT:
      case cWP:
      case cWRB:
        PlaceWh(i);
        ++i;
        break;
      case cRB: {
        PopCompleted();
        if (stack_.back().kind == kVP && !stack_.back().full) {
          Leaf(i);
        } else {
          Open(kLADVP, Node{kADJP});
          Leaf(i);
          Close();
        }
        ++i;
        break;
      }
      case cRP: {
        PopCompleted();
        Open(kLPRT, Node{kADJP});
        Leaf(i);
        Close();
        ++i;
        break;
      }
      case cColon:
        PlaceColon(i);
        ++i;
        break;
      default:
        Leaf(i);
        ++i;
        break;
    }
  }
  PopTo(0);
  return out_;
}

}  // namespace

std::string ShallowParse(const Sentence& s) {
  Builder b(s);
  return b.Run();
}

bool ShallowParseTree(const Sentence& s, ParseTree* tree) {
  if (s.tokens.empty()) {
    *tree = ParseTree{};
    return false;
  }
  Builder b(s, tree);
  b.Run();
  b.FinishTree();
  // ReadTreebank refuses trees over its node limit; so does this.
  return tree->nodes.size() <= kMaxTreeNodes;
}

}  // namespace eventcoder
