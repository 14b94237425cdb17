#include "match/coder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <unordered_set>

namespace eventcoder {

namespace {

// s == lit, with the length compared first and the bytes compared inline (std::string's
// operator== with a literal calls strlen and memcmp).
template <size_t N>
inline bool Eq(std::string_view s, const char (&lit)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), lit, N - 1) == 0;
}

// "YYYY-MM-DD" for yyyymmdd.
std::string IsoDay(int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000 % 10000, d / 100 % 100, d % 100);
  return buf;
}

constexpr size_t kMaxMembers = 32;
// A story context's referents: only the latest kMaxReferents are looked at; the list is
// trimmed back to them once it holds twice as many (not every sentence).
constexpr size_t kMaxReferents = 32;
constexpr int kMaxDepth = 200;
// Pattern-matching steps (positions tried) for one sentence, over all its verbs and
// patterns: bounds the worst case of hostile dictionaries and sentences. Past it, no more
// patterns match in the sentence and verbs fall back to their own codes. A step is one
// position tried for one pattern token, or one synset member compared there. The most any
// sentence of the GigaWord sample uses with the project's dictionaries is under 1,000.
constexpr long kMaxMatchStepsPerSentence = 1'000'000;

// acc := every a + p for a in acc, p in part (word lists of noun-phrase members), capped.
void AppendProduct(std::vector<std::vector<int>>* acc, const std::vector<std::vector<int>>& part) {
  if (part.size() == 1) {
    for (auto& a : *acc) a.insert(a.end(), part[0].begin(), part[0].end());
    return;
  }
  std::vector<std::vector<int>> next;
  for (const auto& a : *acc)
    for (const auto& p : part) {
      if (next.size() >= kMaxMembers) break;
      auto v = a;
      v.insert(v.end(), p.begin(), p.end());
      next.push_back(std::move(v));
    }
  *acc = std::move(next);
}

bool IsVerbTag(const std::string& t) { return t.size() >= 2 && t[0] == 'V' && t[1] == 'B'; }

bool IsBeForm(std::string_view w) {
  return Eq(w, "IS") || Eq(w, "WAS") || Eq(w, "WERE") || Eq(w, "ARE") || Eq(w, "BE") ||
         Eq(w, "BEEN") || Eq(w, "BEING") || Eq(w, "'S") || Eq(w, "AM") || Eq(w, "'RE");
}

// Words a pattern may step over even where its tokens are joined (PETRARCH's skip list).
// Compared by length first, inline: no hashing of the word.
bool IsSkipWord(const std::string& w) {
  switch (w.size()) {
    case 1:
      if (Eq(w, "A")) return true;
      break;
    case 2:
      if (Eq(w, "AN") || Eq(w, "IT") || Eq(w, "HE")) return true;
      break;
    case 3:
      if (Eq(w, "THE") || Eq(w, "HER") || Eq(w, "HAS") || Eq(w, "HAD") || Eq(w, "FEW") ||
          Eq(w, "ONE") || Eq(w, "TWO") || Eq(w, "SIX"))
        return true;
      break;
    case 4:
      if (Eq(w, "THEY") || Eq(w, "HAVE") || Eq(w, "SOME") || Eq(w, "THAT") || Eq(w, "FOUR") ||
          Eq(w, "FIVE") || Eq(w, "NINE"))
        return true;
      break;
    case 5:
      if (Eq(w, "DOZEN") || Eq(w, "THREE") || Eq(w, "SEVEN") || Eq(w, "EIGHT") || Eq(w, "DUCAT"))
        return true;
      break;
    case 6:
      if (Eq(w, "DOLLAR")) return true;
      break;
    case 7:
      if (Eq(w, "HUNDRED") || Eq(w, "MILLION") || Eq(w, "BILLION")) return true;
      break;
    case 8:
      if (Eq(w, "THOUSAND") || Eq(w, "TRILLION")) return true;
      break;
    default:
      break;
  }
  if (!w.empty() &&
      std::all_of(w.begin(), w.end(),
                  [](char c) {
                    return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.';
                  }) &&
      std::isdigit(static_cast<unsigned char>(w[0])))
    return true;
  return false;
}

// std::isalpha in the "C" locale (the program never sets another), inline.
inline bool IsAsciiAlpha(char ch) {
  return static_cast<unsigned char>((static_cast<unsigned char>(ch) | 0x20) - 'a') < 26;
}

bool IsWordToken(const TreeWord& w) {
  // std::isalnum in the "C" locale (the program never sets another), inline.
  const std::string& t = w.text;
  // Most words start with a letter: decided by the first byte, without the loop's set-up.
  if (!t.empty()) {
    const unsigned char c = static_cast<unsigned char>(t[0]);
    if (static_cast<unsigned char>((c | 0x20) - 'a') < 26) return true;
  }
  for (char ch : t) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const unsigned char lower = c | 0x20;
    if ((c >= '0' && c <= '9') || (lower >= 'a' && lower <= 'z') || (c & 0x80)) return true;
  }
  return false;
}

// Node label kinds, as bits: SentenceCoder compares labels once per sentence and tests
// bits afterwards (and or's them over subtrees to answer "has a descendant labelled X").
enum NodeBit : uint32_t {
  kNP = 1u << 0,
  kVP = 1u << 1,
  kS = 1u << 2,
  kSBAR = 1u << 3,
  kPP = 1u << 4,
  kPOSLabel = 1u << 5,
  kCC = 1u << 6,
  kCommaLabel = 1u << 7,
  kWHNP = 1u << 8,
  kNominal = 1u << 9,      // NP NN NNS NNP NNPS NML NX
  kModifier = 1u << 10,    // JJ, JJR, JJS, DT: shared modifiers of a coordination
  kCompoundNP = 1u << 11,  // an NP for which IsCompoundNP holds
  // The node's leaves are the words [lo, hi) of its range, in order (always so in trees
  // from ReadTreebank; checked, not assumed).
  kWordsInOrder = 1u << 12,
  kLeaf = 1u << 13,  // the node has a word (TreeNode::word >= 0)
};

constexpr unsigned TwoChars(char a, char b) {
  return (static_cast<unsigned>(static_cast<unsigned char>(a)) << 8) |
         static_cast<unsigned char>(b);
}

inline uint32_t LabelBits(std::string_view l) {
  // By length, then by bytes: one node label costs a few compares.
  constexpr auto two = TwoChars;
  switch (l.size()) {
    case 1:
      if (l[0] == 'S') return kS;
      if (l[0] == ',') return kCommaLabel;
      return 0;
    case 2:
      switch (two(l[0], l[1])) {
        case two('N', 'P'):
          return kNP | kNominal;
        case two('V', 'P'):
          return kVP;
        case two('P', 'P'):
          return kPP;
        case two('C', 'C'):
          return kCC;
        case two('N', 'N'):
        case two('N', 'X'):
          return kNominal;
        case two('J', 'J'):
        case two('D', 'T'):
          return kModifier;
        default:
          return 0;
      }
    case 3:
      if (Eq(l, "NNS") || Eq(l, "NNP") || Eq(l, "NML")) return kNominal;
      if (Eq(l, "POS")) return kPOSLabel;
      if (Eq(l, "JJR") || Eq(l, "JJS")) return kModifier;
      return 0;
    case 4:
      if (Eq(l, "SBAR")) return kSBAR;
      if (Eq(l, "NNPS")) return kNominal;
      if (Eq(l, "WHNP")) return kWHNP;
      return 0;
    default:
      return 0;
  }
}

// LabelBits of each LabelKind (kUnset: not known, see NodeLabelBits).
constexpr uint32_t kLabelKindBits[static_cast<size_t>(LabelKind::kNumKinds)] = {
    0,               // kUnset
    0,               // kOther
    kNP | kNominal,  // kNP
    kVP,             // kVP
    kS,              // kS
    kSBAR,           // kSBAR
    kPP,             // kPP
    kPOSLabel,       // kPOS
    kCC,             // kCC
    kCommaLabel,     // kComma
    kWHNP,           // kWHNP
    kNominal,        // kNN
    kNominal,        // kNNS
    kNominal,        // kNNP
    kNominal,        // kNNPS
    kNominal,        // kNML
    kNominal,        // kNX
    kModifier,       // kJJ
    kModifier,       // kJJR
    kModifier,       // kJJS
    kModifier,       // kDT
};

// LabelBits(nd.label), from the kind the tree builder recorded when there is one.
inline uint32_t NodeLabelBits(const TreeNode& nd) {
  if (nd.kind != LabelKind::kUnset) return kLabelKindBits[static_cast<size_t>(nd.kind)];
  return LabelBits(nd.label);
}

// Facts about a word (its tag and text), as bits, computed once per sentence.
enum WordBitFlag : uint32_t {
  kWVerb = 1u << 0,       // IsVerbTag(tag)
  kWPos = 1u << 1,        // tag "POS"
  kWCD = 1u << 2,         // tag "CD"
  kWComma = 1u << 3,      // tag ","
  kWPeriod = 1u << 4,     // tag "."
  kWToken = 1u << 5,      // IsWordToken
  kWProper = 1u << 6,     // tag "NNP" or "NNPS"
  kWVBNorVBD = 1u << 7,   // tag "VBN" or "VBD"
  kWSkipKnown = 1u << 8,  // kWSkip below has been computed
  kWSkip = 1u << 9,       // IsSkipWord(norm)
  kWIntentKnown = 1u << 10,
  kWIntent = 1u << 11,  // IsIntentWord(norm)
};

// The tag's bits of WordFlags by TagKind.
constexpr uint32_t kTagKindFlags[static_cast<size_t>(TagKind::kNumKinds)] = {
    0,                    // kUnset
    0,                    // kOther
    kWVerb,               // kVerb
    kWVerb | kWVBNorVBD,  // kVBNorVBD
    kWPos,                // kPOS
    kWCD,                 // kCD
    kWComma,              // kComma
    kWPeriod,             // kPeriod
    kWProper,             // kProper
};

uint32_t WordFlags(const TreeWord& w) {
  uint32_t f = IsWordToken(w) ? uint32_t{kWToken} : 0u;
  // The tree builder's TagKind when it recorded one.
  if (w.tag_kind != TagKind::kUnset) return f | kTagKindFlags[static_cast<size_t>(w.tag_kind)];
  // By the tag's length, then its bytes: one switch instead of a compare per flag.
  const std::string& t = w.tag;
  const char* const d = t.data();
  switch (t.size()) {
    case 0:
      return f;
    case 1:
      if (d[0] == ',') return f | kWComma;
      if (d[0] == '.') return f | kWPeriod;
      return f;
    case 2:
      if (d[0] == 'V' && d[1] == 'B') return f | kWVerb;
      if (d[0] == 'C' && d[1] == 'D') return f | kWCD;
      return f;
    case 3:
      if (d[0] == 'V' && d[1] == 'B')
        return f | kWVerb | (d[2] == 'N' || d[2] == 'D' ? uint32_t{kWVBNorVBD} : 0u);
      if (Eq(t, "POS")) return f | kWPos;
      if (Eq(t, "NNP")) return f | kWProper;
      return f;
    case 4:
      if (Eq(t, "NNPS")) return f | kWProper;
      [[fallthrough]];
    default:
      if (IsVerbTag(t)) f |= kWVerb;
      return f;
  }
}

std::string JoinNorm(const ParseTree& t, const std::vector<int>& words) {
  std::string out;
  for (int w : words) {
    if (!out.empty()) out += ' ';
    out += t.words[w].norm;
  }
  return out;
}

// Matches dictionary phrase `ref` against words[k..] of a noun phrase. Returns the
// number of words consumed (0 = no match). A word marked as a gap may be preceded by
// other words of the phrase ("ITHILEN TELEVISION" in "Ithilen state-run television").
size_t MatchPhrase(const ParseTree& t, const uint64_t* word_hash, const int* words, size_t n,
                   size_t k, const CompiledDictionary::PhraseRef& ref) {
  const auto& ph = *ref.words;
  // words[pos] is the phrase's word j: by hash first when the phrase has hashes.
  auto same = [&](size_t pos, size_t j) {
    if (ref.hashes && word_hash[words[pos]] != ref.hashes[j]) return false;
    return t.words[words[pos]].norm == ph[j];
  };
  size_t pos = k + 1;
  for (size_t j = 1; j < ph.size(); ++j) {
    bool gap = ref.gaps && (*ref.gaps)[j];
    if (gap) {
      while (pos < n && !same(pos, j)) ++pos;
    }
    if (pos >= n || !same(pos, j)) return 0;
    ++pos;
  }
  return pos - k;
}

std::string PhraseText(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// PhraseText(words) + a + b + c, built in one allocation.
std::string PhraseText(const std::vector<std::string>& words, std::string_view a,
                       std::string_view b, std::string_view c) {
  size_t n = a.size() + b.size() + c.size();
  for (const auto& w : words) n += w.size() + 1;
  std::string out;
  out.reserve(n);
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  out.append(a);
  out.append(b);
  out.append(c);
  return out;
}

// Appends PhraseText(words, a, b, c) to *out. The text is put together on the stack and
// assigned in one go (one allocation, one copy, no per-piece append bookkeeping).
void AppendPhraseText(std::string* out, const std::vector<std::string>& words, std::string_view a,
                      std::string_view b, std::string_view c) {
  size_t n = a.size() + b.size() + c.size();
  for (const auto& w : words) n += w.size() + 1;
  char buf[256];
  if (n > sizeof buf || !out->empty()) {  // rare: long phrases
    out->append(PhraseText(words, a, b, c));
    return;
  }
  char* p = buf;
  for (const auto& w : words) {
    if (p != buf) *p++ = ' ';  // as PhraseText: no space after leading empty words
    std::memcpy(p, w.data(), w.size());
    p += w.size();
  }
  for (std::string_view piece : {a, b, c}) {
    if (piece.empty()) continue;  // its data() may be null
    std::memcpy(p, piece.data(), piece.size());
    p += piece.size();
  }
  out->assign(buf, static_cast<size_t>(p - buf));
}

// --- Intent and refusal (CAMEO 03x "express intent to cooperate", 13x "threaten", 12x
// "reject").
//
// CAMEO codes a stated future act by its intent, not the act: "Finland will give Tanzania a
// grant" is 0331 (intent to provide economic aid), not 071; "he is prepared to impose
// martial law" is 1324 (threaten martial law), not 1724; "the rebels will not release the
// hostages" is 1243 (refuse to release), not 084. The dictionary codes the act; these tables
// map its code, following the parallel structure of the CAMEO families.

// Modals that announce a future act ("will", "would", "'ll", "wo" of "won't", "shall",
// "may").
// A family's generic code ("020", "100", "120"): three digits ending in 0.
bool IsGenericCode(const std::string& code) { return code.size() == 3 && code[2] == '0'; }

bool IsFutureModal(const std::string& w) {
  static const std::set<std::string> k{"WILL", "WOULD", "'LL", "WO", "SHALL", "MAY"};
  return k.count(w) > 0;
}

// Words whose infinitive complement is an intended act: "willing to", "agreed to",
// "plans to", "threatened to", "reached a consensus to".
bool IsIntentWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k{
      "WILLING",    "READY",    "PREPARED",  "PLAN",       "PLANS",       "PLANNED",
      "PLANNING",   "AGREE",    "AGREES",    "AGREED",     "AGREEING",    "OFFER",
      "OFFERS",     "OFFERED",  "OFFERING",  "PLEDGE",     "PLEDGES",     "PLEDGED",
      "PLEDGING",   "PROMISE",  "PROMISES",  "PROMISED",   "PROMISING",   "VOW",
      "VOWS",       "VOWED",    "VOWING",    "SWEAR",      "SWEARS",      "SWORE",
      "SWORN",      "INTEND",   "INTENDS",   "INTENDED",   "INTENDING",   "COMMITTED",
      "DETERMINED", "THREATEN", "THREATENS", "THREATENED", "THREATENING", "CONSENSUS",
      "EAGER",      "RESOLVED", "UNDERTAKE", "UNDERTAKES", "UNDERTOOK"};
  return k.count(w) > 0;
}

bool IsThreatWord(const std::string& w) {
  return Eq(w, "THREATEN") || Eq(w, "THREATENS") || Eq(w, "THREATENED") || Eq(w, "THREATENING");
}

// The CAMEO code for the stated intent to do `code` (03x for cooperation, 13x for
// conflict), or "" when the family has no intent form (statements, appeals, demands,
// rejections, threats and investigations keep their code).
std::string IntentCode(const std::string& code) {
  static const std::map<std::string, std::string> k{
      // 04 consult -> 036 meet or negotiate; 045 mediate -> 039.
      {"040", "036"},
      {"041", "036"},
      {"042", "036"},
      {"043", "036"},
      {"044", "036"},
      {"045", "039"},
      {"046", "036"},
      // 05 diplomatic cooperation -> 032; a formal agreement -> 030.
      {"050", "032"},
      {"051", "032"},
      {"052", "032"},
      {"053", "032"},
      {"054", "032"},
      {"057", "030"},
      // 06 material cooperation -> 031x.
      {"060", "031"},
      {"061", "0311"},
      {"062", "0312"},
      {"063", "0313"},
      {"064", "0314"},
      // 07 aid -> 033x.
      {"070", "033"},
      {"071", "0331"},
      {"072", "0332"},
      {"073", "0333"},
      {"074", "0334"},
      {"075", "033"},
      // 08 yield -> 035x, 083x (accede to reform) -> 034x.
      {"080", "035"},
      {"081", "0351"},
      {"0811", "0351"},
      {"0812", "0351"},
      {"0813", "0351"},
      {"0814", "0351"},
      {"082", "0352"},
      {"083", "034"},
      {"0831", "0341"},
      {"0832", "0342"},
      {"0833", "0343"},
      {"0834", "0344"},
      {"084", "0353"},
      {"0841", "0353"},
      {"0842", "0353"},
      {"085", "0354"},
      {"086", "0355"},
      {"0861", "0355"},
      {"0862", "0355"},
      {"0863", "0355"},
      {"087", "0356"},
      {"0871", "0356"},
      {"0872", "0356"},
      {"0873", "0356"},
      {"0874", "0356"},
      // 14 protest -> 133 threaten political dissent.
      {"140", "133"},
      {"141", "133"},
      {"1411", "133"},
      {"1412", "133"},
      {"1413", "133"},
      {"1414", "133"},
      {"142", "133"},
      {"143", "133"},
      {"144", "133"},
      {"145", "133"},
      // 16 reduce relations -> 131x, 134, 135, 136.
      {"160", "131"},
      {"161", "1313"},
      {"162", "1311"},
      {"1621", "1311"},
      {"1622", "1311"},
      {"1623", "1311"},
      {"163", "1312"},
      {"164", "134"},
      {"165", "135"},
      {"166", "136"},
      {"1661", "136"},
      {"1662", "136"},
      {"1663", "136"},
      // 17 coerce -> 132x administrative sanctions, 137 repression.
      {"170", "130"},
      {"172", "132"},
      {"1721", "1321"},
      {"1722", "1322"},
      {"1723", "1323"},
      {"1724", "1324"},
      {"173", "137"},
      {"174", "137"},
      {"175", "137"},
      // 18-20 violence -> 138x threaten military force.
      {"180", "1383"},
      {"181", "1383"},
      {"182", "1383"},
      {"183", "1383"},
      {"184", "1383"},
      {"185", "1383"},
      {"186", "1383"},
      {"190", "1384"},  // threaten to attack = threaten conventional attack (1384)
      {"191", "1381"},
      {"192", "1382"},
      {"193", "1384"},
      {"194", "1384"},
      {"195", "1384"},
      {"196", "1384"},
      {"200", "1383"},
      {"201", "1383"},
      {"202", "1383"},
      {"203", "1383"},
      {"204", "1385"},
      {"2041", "1385"},
      {"2042", "1385"}};
  auto it = k.find(code);
  return it == k.end() ? "" : it->second;
}

// The CAMEO code for demanding `code` of someone ("Libya must hand over the suspects" said
// by a third party is 1013, demand judicial cooperation), or "" when the act has no demand
// form.
std::string DemandCode(const std::string& code) {
  static const std::map<std::string, std::string> k{
      {"030", "100"},   {"031", "101"},   {"0311", "1011"}, {"0312", "1012"}, {"0313", "1013"},
      {"0314", "1014"}, {"032", "102"},   {"033", "103"},   {"0331", "1031"}, {"0332", "1032"},
      {"0333", "1033"}, {"0334", "1034"}, {"034", "104"},   {"0341", "1041"}, {"0342", "1042"},
      {"0343", "1043"}, {"0344", "1044"}, {"035", "105"},   {"0351", "1051"}, {"0352", "1052"},
      {"0353", "1053"}, {"0354", "1054"}, {"0355", "1055"}, {"0356", "1056"}, {"036", "106"},
      {"037", "107"},   {"038", "108"},   {"039", "108"},   {"040", "106"},   {"041", "106"},
      {"042", "106"},   {"043", "106"},   {"044", "106"},   {"045", "108"},   {"046", "106"},
      {"050", "102"},   {"051", "102"},   {"052", "102"},   {"053", "102"},   {"054", "102"},
      {"057", "107"},   {"060", "101"},   {"061", "1011"},  {"062", "1012"},  {"063", "1013"},
      {"064", "1014"},  {"070", "103"},   {"071", "1031"},  {"072", "1032"},  {"073", "1033"},
      {"074", "1034"},  {"080", "105"},   {"081", "1051"},  {"0811", "1051"}, {"0812", "1051"},
      {"0813", "1051"}, {"0814", "1051"}, {"082", "1052"},  {"083", "104"},   {"0831", "1041"},
      {"0832", "1042"}, {"0833", "1043"}, {"0834", "1044"}, {"084", "1053"},  {"0841", "1053"},
      {"0842", "1053"}, {"085", "1054"},  {"086", "1055"},  {"0861", "1055"}, {"0862", "1055"},
      {"0863", "1055"}, {"087", "1056"},  {"0871", "1056"}, {"0872", "1056"}, {"0873", "1056"},
      {"0874", "1056"}};
  auto it = k.find(code);
  return it == k.end() ? "" : it->second;
}

// The CAMEO code for refusing `code` ("will not release" -> 1243), or "" when the family
// has no refusal form (the negated act then codes nothing, as before).
std::string RefusalCode(const std::string& code) {
  static const std::map<std::string, std::string> k{
      // 03/04 meet -> 125 reject proposal to meet; mediate -> 126.
      {"036", "125"},
      {"040", "125"},
      {"041", "125"},
      {"042", "125"},
      {"043", "125"},
      {"044", "125"},
      {"046", "125"},
      {"045", "126"},
      {"057", "127"},
      // 06 material cooperation -> 121x.
      {"060", "121"},
      {"061", "1211"},
      {"062", "1212"},
      {"063", "121"},
      {"064", "121"},
      // 07 aid -> 122x.
      {"070", "122"},
      {"071", "1221"},
      {"072", "1222"},
      {"073", "1223"},
      {"074", "1222"},
      {"075", "122"},
      // 08 yield -> 124x, 083x -> 123x.
      {"080", "124"},
      {"081", "1241"},
      {"0811", "1241"},
      {"0812", "1241"},
      {"0813", "1241"},
      {"0814", "1241"},
      {"082", "1242"},
      {"083", "123"},
      {"0831", "1231"},
      {"0832", "1232"},
      {"0833", "1233"},
      {"0834", "1234"},
      {"084", "1243"},
      {"0841", "1243"},
      {"0842", "1243"},
      {"085", "1244"},
      {"086", "1245"},
      {"0861", "1245"},
      {"0862", "1245"},
      {"0863", "1245"},
      {"087", "1246"},
      {"0871", "1246"},
      {"0872", "1246"},
      {"0873", "1246"},
      {"0874", "1246"}};
  auto it = k.find(code);
  return it == k.end() ? "" : it->second;
}

// A coded member of a noun phrase.
struct Member {
  std::vector<int> words;
  std::string code;  // "" when neither actor nor agent was found
  // What gave the code, in the order found: the why entries are built from these only for
  // the members that end up in an event or a trace (SentenceCoder::WhyOf).
  const dict::Actor* actor = nullptr;
  const std::vector<std::string>* actor_phrase = nullptr;  // the name of `actor` matched
  std::vector<std::pair<const dict::Agent*, const std::vector<std::string>*>> agents;
  std::vector<WhyEntry> notes;  // rules applied after coding (a resolved reference)
  // Empties the member but keeps its buffers (members are reused from sentence to
  // sentence).
  void Clear() {
    words.clear();
    code.clear();
    actor = nullptr;
    actor_phrase = nullptr;
    agents.clear();
    notes.clear();
  }
};

struct NounPhrase {
  int node = -1;
  int first = 0, last = 0;  // word range [first, last)
  bool compound = false;
  std::vector<Member> members;
  bool Coded() const {
    for (const auto& m : members)
      if (!m.code.empty()) return true;
    return false;
  }
  const std::string& PrimaryCode() const {
    static const std::string* const kNone = new std::string("---");
    for (const auto& m : members)
      if (!m.code.empty()) return m.code;
    return *kNone;
  }
};

struct Item {
  int word;
  int np;  // index into phrases or -1
};

// Trace(stage, words, detail, ...) in SentenceCoder: records a step only when tracing,
// and evaluates its arguments only then.
#define Trace(...) (trace_ != nullptr ? TraceStep(__VA_ARGS__) : void())

class SentenceCoder {
 public:
  SentenceCoder(const CompiledDictionary& dict, const CoderOptions& opt, const ParseTree& tree,
                int date, StoryContext* ctx, CodingTrace* trace)
      : dict_(dict),
        opt_(opt),
        t_(tree),
        date_(date),
        ctx_(ctx),
        trace_(trace),
        sc_(Scratch::Get()),
        node_bits_(sc_.node_bits),
        below_(sc_.below),
        lo_(sc_.lo),
        hi_(sc_.hi),
        inner_height_(sc_.inner_height),
        word_flags_(sc_.word_flags),
        word_bit_(sc_.word_bit),
        word_hash_(sc_.word_hash),
        entries_(sc_.entries),
        np_of_word_(sc_.np_of_word),
        deleted_(sc_.deleted),
        phrases_(sc_.phrases) {
    RecyclePhrases();
    Prepare();
  }

  std::vector<CodedEvent> Run();

 private:
  // Per-sentence facts about nodes and words (see the members below).
  void Prepare();
  // ParseTree::WordRange(n), from the precomputed spines.
  std::pair<int, int> Range(int n) const {
    if (lo_[n] < 0 || hi_[n] < 0) return {0, 0};
    return {lo_[n], hi_[n]};
  }
  bool IsSkip(int word) const;
  bool IsIntent(int word) const;
  const CompiledDictionary::WordEntries* Entries(int word) const;

  // --- noun phrases
  void FindNounPhrases();
  bool IsCompoundNP(int node) const;
  // True when Expand(node, depth) is one member: the node's word leaves (no coordinated
  // NP inside and no subtree deeper than the depth limit).
  bool IsSimple(int node, int depth) const {
    return !((node_bits_[node] | below_[node]) & kCompoundNP) &&
           depth + inner_height_[node] <= kMaxDepth;
  }
  // Appends the word leaves of `node` that Expand keeps (no "'s", no punctuation).
  void AppendLeafWords(int node, std::vector<int>* out) const;
  std::vector<std::vector<int>> Expand(int node, int depth) const;
  // Codes m->words into *m.
  void CodeMember(Member* m) const;
  // The previous sentence's phrases give their members and buffers to the pools below.
  void RecyclePhrases();
  Member TakeMember() {
    if (sc_.free_members.empty()) return Member();
    Member m = std::move(sc_.free_members.back());
    sc_.free_members.pop_back();
    return m;
  }
  // The member after the first `used` of a list taken from Scratch::free_member_lists
  // (whose members are cleared): one it holds, else one from the pool, else a new one.
  Member& NextMember(std::vector<Member>* list, size_t used) {
    if (used < list->size()) return (*list)[used];
    list->push_back(TakeMember());
    return list->back();
  }
  // Gives the list's members past the first `used` back to the pool.
  void TrimMembers(std::vector<Member>* list, size_t used) {
    while (list->size() > used) {
      sc_.free_members.push_back(std::move(list->back()));
      list->pop_back();
    }
  }
  // Appends the why entries of a member to *why: its actor (and date restriction), agents
  // and notes, each role prefixed with `role_prefix` ("source-").
  void AppendWhy(const Member& m, std::string_view role_prefix, std::vector<WhyEntry>* why) const;
  // Resolves a pronoun, "the <agent>" or "<possessive> <agent>" member from the context.
  void ResolveReference(Member* m) const;
  void RememberReferents() const;

  // --- comma clauses
  void MarkCommaClauses();

  // --- verbs and patterns
  void CodeVerbs(std::vector<CodedEvent>* out);
  // Tries one verb form on verb phrase `vp`; true when it gave a code (an event is added
  // when a source and target are found). With patterns_only, only a pattern counts.
  bool TryVerb(int vp, const CompiledDictionary::VerbRef& verb, const std::vector<int>& verb_words,
               bool patterns_only, std::vector<CodedEvent>* out);
  void SubjectPhrases(int vp, std::vector<int>* out) const;  // into *out
  void ThirdLocation(const std::vector<Item>& lower, int source, int target, std::string* code,
                     std::vector<WhyEntry>* why) const;
  // True when "not", "n't" or "never" comes just before the verb (auxiliaries and
  // adverbs may stand between).
  bool IsNegated(const std::vector<Item>& upper) const;
  // True if the verb is the infinitive of "fail(ed) to".
  bool FailedTo(const std::vector<Item>& upper) const;
  // Intent and refusal ("will give", "is willing to send", "agreed to set up", "will not
  // release"): see IntentBefore and IntentCode below.
  enum class Mood { kFact, kIntent, kRefusal, kDemand };
  Mood MoodOf(const std::vector<Item>& upper) const;
  // The verb phrase of an infinitive complement of `vp` ("agreed [to set up ...]"), or -1.
  int InfinitiveComplement(int vp) const;
  // Runs the dictionary's verb forms of `vp`'s head verb; true when one gave a code.
  bool CodeVerbPhrase(int vp, std::vector<CodedEvent>* out);
  bool MatchVerbForm(int verb_word, const dict::VerbForm& form, std::vector<int>* verb_words) const;
  // The words after / before the verb that patterns and roles look at, into *items.
  void LowerItems(int vp, int after_word, std::vector<Item>* items) const;
  void UpperItems(int vp, int before_word, std::vector<Item>* items) const;
  struct Binding {
    int source = -1, target = -1;
    int first_word = -1;  // the first word after the verb matched by a word or synset token
  };
  // `hashes`: CompiledDictionary::HashWord of each token's text (PatternRef::after_hashes).
  // `bits`: PatternRef::after_token_bits / before_token_bits of the side.
  bool MatchSide(const std::vector<dict::PatternToken>& tokens, const std::vector<uint64_t>& hashes,
                 const std::vector<uint64_t>& bits, bool first_joined,
                 const std::vector<Item>& items, bool reversed, Binding* b) const;
  // Or of the WordBit()s of the items' words (see CompiledDictionary::PatternRef).
  uint64_t WordsMask(const std::vector<Item>& items) const;
  // The (token, position, adjacency) states already known to fail, for one MatchSide.
  class FailedStates;
  bool MatchFrom(const std::vector<dict::PatternToken>& tokens, size_t k, size_t pos,
                 bool must_adjacent, const std::vector<Item>& items, bool reversed, Binding* b,
                 FailedStates* failed, int* budget) const;
  size_t NextPos(const std::vector<Item>& items, size_t pos) const;
  bool InCodedName(int word) const;
  size_t ConsumeNP(const std::vector<Item>& items, size_t pos) const;
  void MakeEvents(int src_np, int tgt_np, const std::string& code, const std::string& paired,
                  bool passive, const std::vector<int>& verb_words, std::vector<WhyEntry>&& why,
                  std::vector<CodedEvent>* out) const;
  // The codes of phrase `np`'s members (one per code of a multi-code actor), into *out.
  void CodesOf(int np, std::vector<std::pair<std::string, const Member*>>* out) const;

  const CompiledDictionary& dict_;
  const CoderOptions& opt_;
  const ParseTree& t_;
  int date_;
  StoryContext* ctx_;
  CodingTrace* trace_;  // may be null
  // Called through the Trace() macro below, which skips building the arguments (strings,
  // concatenations: ~10% of coding time) when no trace was asked for.
  void TraceStep(std::string stage, std::string words, std::string detail, bool ok = true,
                 std::string file = "", int line = 0, std::string code = "") const {
    if (trace_)
      trace_->steps.push_back({std::move(stage), std::move(words), std::move(detail),
                               std::move(file), line, ok, std::move(code)});
  }
  void TracePhrases() const;
  // Per-thread buffers for the per-sentence arrays below, reused from sentence to sentence
  // (a thread codes one sentence at a time).
  struct Scratch {
    std::vector<uint32_t> node_bits, below;
    std::vector<int> lo, hi, inner_height, order;
    std::vector<int> subtree_end;  // Prepare, for FindNounPhrases
    std::vector<uint32_t> word_flags;
    std::vector<uint64_t> word_bit, word_hash;
    std::vector<const CompiledDictionary::WordEntries*> entries;
    std::vector<int> np_of_word;
    std::vector<bool> deleted;
    std::vector<Item> lower, upper;             // TryVerb's items
    std::vector<int> commas;                    // MarkCommaClauses
    std::vector<int> stack;                     // CodeVerbs
    std::vector<int> np_stack;                  // FindNounPhrases (sized, not pushed)
    std::vector<long> pass0_steps;              // CodeVerbPhrase
    std::vector<std::pair<int, int>> excluded;  // UpperItems
    std::vector<std::pair<const CompiledDictionary::VerbRef*, std::vector<int>>> forms;
    // The last sentence's noun phrases, and cleared members and member lists whose
    // buffers the next sentence reuses (see RecyclePhrases).
    std::vector<NounPhrase> phrases;
    std::vector<Member> free_members;
    std::vector<std::vector<Member>> free_member_lists;
    static Scratch& Get() {
      static thread_local Scratch s;
      return s;
    }
  };
  Scratch& sc_;
  // Per node: its label's NodeBits (plus kCompoundNP), the or of its strict descendants'
  // bits, its word span's spines (ParseTree::WordRange), and the depth of its deepest
  // non-leaf descendant below it (0 when none).
  std::vector<uint32_t>& node_bits_;
  std::vector<uint32_t>& below_;
  std::vector<int>& lo_;
  std::vector<int>& hi_;
  std::vector<int>& inner_height_;
  // Per word: WordBitFlags (mutable: the skip and intent facts are filled in when first
  // asked), CompiledDictionary::WordBit of its norm, and its dictionary entries (looked up
  // when first asked; kUnknownEntries until then).
  std::vector<uint32_t>& word_flags_;
  std::vector<uint64_t>& word_bit_;
  std::vector<uint64_t>& word_hash_;  // CompiledDictionary::HashWord of each word's norm
  std::vector<const CompiledDictionary::WordEntries*>& entries_;
  std::vector<int>& np_of_word_;
  std::vector<bool>& deleted_;
  std::vector<NounPhrase>& phrases_;  // this sentence's (in Scratch::phrases)
  bool mood_applied_ = false;         // set by TryVerb when the intent rule changed a code
  bool no_pattern_ = false;           // set by TryVerb: it returned false as no pattern matched
  // >= 0: TryVerb skips the patterns (they are known not to match) and counts this many
  // matching steps instead.
  long skip_pattern_steps_ = -1;
  // The verb phrase and verb words whose items are in Scratch::lower and upper.
  int items_vp_ = -1, items_after_ = -1, items_before_ = -1;
  uint64_t items_lower_mask_ = 0, items_upper_mask_ = 0;  // their WordsMask()s
  // Set by Prepare when the nodes are numbered in pre-order (each node's children follow
  // it, each child's subtree right after the one before): then node n's subtree is the
  // nodes [n, Scratch::subtree_end[n]), and a walk from the root visits nodes in index order.
  bool numbered_pre_order_ = false;
  mutable long match_steps_left_ = kMaxMatchStepsPerSentence;
  mutable const uint64_t* token_hashes_ = nullptr;  // of the side MatchSide is matching
  mutable const uint64_t* token_bits_ = nullptr;    // likewise (PatternRef::after_token_bits)
};

// Marks a word whose dictionary entries have not been looked up yet.
const CompiledDictionary::WordEntries kUnknownEntriesValue;
const CompiledDictionary::WordEntries* const kUnknownEntries = &kUnknownEntriesValue;

void SentenceCoder::Prepare() {
  const size_t nn = t_.nodes.size(), nw = t_.words.size();
  // Every field of every node and word is stored below, and nothing asks these arrays for
  // their size: they only grow (a shrinking and growing resize would fill them).
  auto at_least = [](auto& v, size_t n) {
    if (v.size() < n) v.resize(n);
  };
  at_least(node_bits_, nn);
  at_least(below_, nn);
  at_least(lo_, nn);
  at_least(hi_, nn);
  at_least(inner_height_, nn);
  at_least(sc_.subtree_end, nn);
  at_least(word_flags_, nw);
  at_least(word_bit_, nw);
  at_least(word_hash_, nw);
  at_least(entries_, nw);
  std::fill_n(entries_.data(), nw, kUnknownEntries);
  // Raw pointers: through the vectors (references into Scratch) every store could change
  // their fields, so each access would load the buffer again.
  const TreeNode* const nodes = t_.nodes.data();
  const TreeWord* const words = t_.words.data();
  uint32_t* const bits = node_bits_.data();
  uint32_t* const below = below_.data();
  int* const lo = lo_.data();
  int* const hi = hi_.data();
  int* const inner_height = inner_height_.data();
  uint32_t* const word_flags = word_flags_.data();
  uint64_t* const word_hash = word_hash_.data();
  uint64_t* const word_bit = word_bit_.data();
  int* const end = sc_.subtree_end.data();
  for (size_t i = 0; i < nw; ++i) {
    word_flags[i] = WordFlags(words[i]);
    // CompiledDictionary::WordBit, from the hash that the look-ups use too.
    const uint64_t h = CompiledDictionary::HashWord(words[i].norm);
    word_hash[i] = h;
    word_bit[i] = uint64_t{1} << (h & 63);
  }
  // Node n's facts from its children's (which must be settled already). bits[n] holds its
  // LabelBits on entry. Clears pre_numbered when n's children are not numbered in
  // pre-order after it. (Inlined: as a call, every node would pay for it and for reloading
  // the captured pointers.)
  bool pre_numbered = true;  // see numbered_pre_order_
  auto settle = [&](size_t n) __attribute__((always_inline)) {
    const TreeNode& nd = nodes[n];
    const int* const ch = nd.children.data();
    const size_t nch = nd.children.size();
    uint32_t b = bits[n];
    if (nch == 0) {  // most nodes: a leaf, which has no children
      below[n] = 0;
      inner_height[n] = 0;
      if (nd.word >= 0) {
        lo[n] = nd.word;
        hi[n] = nd.word + 1;
        bits[n] = b | kWordsInOrder | kLeaf;
      } else {
        lo[n] = hi[n] = -1;
      }
      end[n] = static_cast<int>(n) + 1;
      return;  // (no child, so no conjunction among them: not a compound NP)
    }
    uint32_t below_n = 0;
    int height = 0;
    int cc = 0;  // children labelled CC
    bool in_order = true;
    int next = lo[ch[0]];
    int expected = static_cast<int>(n) + 1;  // where a pre-order numbering puts child k
    for (size_t k = 0; k < nch; ++k) {
      const int c = ch[k];
      // While this holds, every child is above n, so already settled; once it fails, the
      // facts read here may be stale, and all of them are computed again (below).
      pre_numbered &= c == expected;
      expected = end[c];
      const uint32_t bc = bits[c];
      below_n |= bc | below[c];
      if (!(bc & kLeaf)) height = std::max(height, inner_height[c] + 1);
      cc += (bc & kCC) != 0;
      in_order &= (bc & kWordsInOrder) && lo[c] == next && next >= 0;
      next = hi[c];
    }
    below[n] = below_n;
    inner_height[n] = height;
    end[n] = expected;
    if (nd.word >= 0) {
      lo[n] = nd.word;
      hi[n] = nd.word + 1;
      b |= kWordsInOrder | kLeaf;
    } else {
      lo[n] = lo[ch[0]];
      hi[n] = hi[ch[nch - 1]];
      if (in_order) b |= kWordsInOrder;
    }
    // IsCompoundNP needs exactly one conjunction among the children.
    if ((b & kNP) && cc == 1 && IsCompoundNP(static_cast<int>(n))) b |= kCompoundNP;
    bits[n] = b;
  };
  // Both tree builders (ReadTreebank, the shallow parser) number nodes in pre-order, so a
  // child's index is above its parent's and a walk down the indices settles children
  // before parents. Checked on the way; a tree where it does not hold is done again below.
  for (size_t i = nn; i-- > 0;) {
    bits[i] = NodeLabelBits(nodes[i]);
    settle(i);
  }
  if (pre_numbered) {
    numbered_pre_order_ = nn > 0;
    return;
  }
  numbered_pre_order_ = false;
  // Children before parents: the reverse of a pre-order walk from the root. (Nodes not
  // reachable from the root keep the facts of a node without children or words.)
  for (size_t i = 0; i < nn; ++i) {
    bits[i] = NodeLabelBits(nodes[i]);
    below[i] = 0;
    lo[i] = hi[i] = -1;
    inner_height[i] = 0;
  }
  std::vector<int>& order = sc_.order;
  order.clear();
  if (nn > 0) order.push_back(0);
  for (size_t i = 0; i < order.size(); ++i) {
    const std::vector<int>& ch = nodes[order[i]].children;
    order.insert(order.end(), ch.begin(), ch.end());
  }
  for (size_t i = order.size(); i-- > 0;) settle(static_cast<size_t>(order[i]));
}

bool SentenceCoder::IsSkip(int word) const {
  uint32_t& f = word_flags_[word];
  if (!(f & kWSkipKnown))
    f |= kWSkipKnown | (IsSkipWord(t_.words[word].norm) ? uint32_t{kWSkip} : 0u);
  return f & kWSkip;
}

bool SentenceCoder::IsIntent(int word) const {
  uint32_t& f = word_flags_[word];
  if (!(f & kWIntentKnown))
    f |= kWIntentKnown | (IsIntentWord(t_.words[word].norm) ? uint32_t{kWIntent} : 0u);
  return f & kWIntent;
}

const CompiledDictionary::WordEntries* SentenceCoder::Entries(int word) const {
  const CompiledDictionary::WordEntries*& e = entries_[word];
  if (e == kUnknownEntries) e = dict_.EntriesOf(t_.words[word].norm, word_hash_[word]);
  return e;
}

void SentenceCoder::AppendLeafWords(int node, std::vector<int>* out) const {
  if (node_bits_[node] & kWordsInOrder) {
    // (No reserve: the lists are reused, so they mostly have room already.)
    const uint32_t* const flags = word_flags_.data();
    for (int w = lo_[node], end = hi_[node]; w < end; ++w) {
      const uint32_t f = flags[w];
      if (!(f & kWPos) && (f & kWToken)) out->push_back(w);
    }
    return;
  }
  static thread_local std::vector<int> st;
  st.clear();
  st.push_back(node);
  while (!st.empty()) {
    const TreeNode& nd = t_.nodes[st.back()];
    st.pop_back();
    if (nd.word >= 0) {
      const uint32_t f = word_flags_[nd.word];
      if (!(f & kWPos) && (f & kWToken)) out->push_back(nd.word);
      continue;
    }
    for (auto it = nd.children.rbegin(); it != nd.children.rend(); ++it) st.push_back(*it);
  }
}

// A coordinated NP: one conjunction among its children, two or more segments (split at
// the conjunction and commas) that hold a noun, and no clause inside.
bool SentenceCoder::IsCompoundNP(int node) const {
  const TreeNode& nd = t_.nodes[node];
  int cc = 0;
  for (int c : nd.children)
    if (node_bits_[c] & kCC) ++cc;
  if (cc != 1) return false;
  if (below_[node] & (kVP | kS | kSBAR)) return false;
  int segments_with_noun = 0;
  bool seg_has_noun = false;
  for (int c : nd.children) {
    const uint32_t l = node_bits_[c];
    if (l & (kCC | kCommaLabel)) {
      if (seg_has_noun) ++segments_with_noun;
      seg_has_noun = false;
    } else if (l & kNominal) {
      // "2000 and 2004" are not actors.
      bool numeric = t_.nodes[c].word >= 0 && (word_flags_[t_.nodes[c].word] & kWCD);
      if (!numeric) seg_has_noun = true;
    }
  }
  if (seg_has_noun) ++segments_with_noun;
  return segments_with_noun >= 2;
}

std::vector<std::vector<int>> SentenceCoder::Expand(int node, int depth) const {
  // AppendProduct(acc, Expand(c, depth + 1)) without building the one-member list of a
  // leaf child (most children are leaves).
  auto append_child = [&](std::vector<std::vector<int>>* acc, int c) {
    const TreeNode& cn = t_.nodes[c];
    if (cn.word < 0) {
      if (IsSimple(c, depth + 1)) {  // one member: append its words to each of acc
        static thread_local std::vector<int> leaves;
        leaves.clear();
        AppendLeafWords(c, &leaves);
        for (auto& a : *acc) a.insert(a.end(), leaves.begin(), leaves.end());
        return;
      }
      AppendProduct(acc, Expand(c, depth + 1));
      return;
    }
    const uint32_t f = word_flags_[cn.word];
    if ((f & kWPos) || !(f & kWToken)) return;
    for (auto& a : *acc) a.push_back(cn.word);
  };
  const TreeNode& nd = t_.nodes[node];
  if (nd.word >= 0) {
    const uint32_t f = word_flags_[nd.word];
    if ((f & kWPos) || !(f & kWToken)) return {{}};
    return {{nd.word}};
  }
  if (IsSimple(node, depth)) {
    std::vector<std::vector<int>> one(1);
    AppendLeafWords(node, &one[0]);
    return one;
  }
  if (depth > kMaxDepth) {
    auto [a, b] = Range(node);
    std::vector<int> all;
    for (int i = a; i < b; ++i) all.push_back(i);
    return {all};
  }
  if (node_bits_[node] & kCompoundNP) {
    // Split into segments; words before the first noun of the first segment are shared.
    std::vector<std::vector<int>> segments{{}};
    for (int c : nd.children) {
      if (node_bits_[c] & (kCC | kCommaLabel)) {
        if (!segments.back().empty()) segments.push_back({});
      } else {
        segments.back().push_back(c);
      }
    }
    if (segments.back().empty()) segments.pop_back();
    std::vector<int> shared;  // leading modifier leaves of the first segment
    if (!segments.empty()) {
      for (int c : segments[0]) {
        if (node_bits_[c] & kModifier) {
          if (t_.nodes[c].word >= 0) shared.push_back(t_.nodes[c].word);
        } else {
          break;
        }
      }
    }
    std::vector<std::vector<int>> out;
    for (size_t s = 0; s < segments.size(); ++s) {
      bool has_noun = false;
      for (int c : segments[s]) has_noun |= (node_bits_[c] & kNominal) != 0;
      if (!has_noun) continue;
      // Product of the segment's children.
      std::vector<std::vector<int>> acc{{}};
      if (s > 0) acc[0] = shared;
      for (int c : segments[s]) append_child(&acc, c);
      for (auto& a : acc)
        if (out.size() < kMaxMembers) out.push_back(std::move(a));
    }
    if (!out.empty()) return out;
  }
  std::vector<std::vector<int>> acc{{}};
  for (int c : nd.children) append_child(&acc, c);
  return acc;
}

void SentenceCoder::RecyclePhrases() {
  // A list keeps its members, cleared, for the next phrase that takes it (NextMember):
  // no member is moved.
  for (NounPhrase& np : phrases_) {
    for (Member& m : np.members) m.Clear();
    sc_.free_member_lists.push_back(std::move(np.members));
  }
  phrases_.clear();
}

void SentenceCoder::CodeMember(Member* mp) const {
  Member& m = *mp;
  // The words as a pointer and a count: the stores below (code, agents) could otherwise
  // be taken to change m.words, and its size and buffer would be loaded again and again.
  const int* const w = m.words.data();
  const size_t nw = m.words.size();
  const uint64_t* const word_hash = word_hash_.data();
  // The first actor in the phrase.
  size_t actor_begin = nw, actor_end = nw;
  const dict::Actor* actor = nullptr;
  std::string& code = m.code;  // assigned in place: the member's buffer is reused
  for (size_t k = 0; k < nw && !actor; ++k) {
    const auto* e = Entries(w[k]);
    const auto* cands = e ? e->actors : nullptr;
    if (!cands) continue;
    for (const auto& ref : *cands) {
      if (!ref.gapped && k + ref.length > nw) continue;  // does not fit
      if (ref.check_second && (k + 1 >= nw || word_hash[w[k + 1]] != ref.second_hash)) continue;
      size_t len = MatchPhrase(t_, word_hash, w, nw, k, ref);
      if (len == 0) continue;
      actor = &dict_.dict().actors[ref.owner];
      actor_begin = k;
      actor_end = k + len;
      code.assign(actor->CodeOn(date_));
      m.actor = actor;
      m.actor_phrase = ref.words;
      break;
    }
  }
  // Every agent outside the actor's words.
  auto& agents = m.agents;
  for (size_t k = 0; k < nw; ++k) {
    if (k >= actor_begin && k < actor_end) continue;
    const auto* e = Entries(w[k]);
    const auto* cands = e ? e->agents : nullptr;
    if (!cands) continue;
    for (const auto& ref : *cands) {
      if (!ref.gapped && k + ref.length > nw) continue;  // does not fit
      if (ref.check_second && (k + 1 >= nw || word_hash[w[k + 1]] != ref.second_hash)) continue;
      size_t len = MatchPhrase(t_, word_hash, w, nw, k, ref);
      if (len == 0) continue;
      agents.push_back({&dict_.dict().agents[ref.owner], ref.words});
      k += len - 1;
      break;
    }
  }
  if (!actor && agents.empty()) return;
  if (code.empty()) code.assign("---");
  for (const auto& [ag, ph] : agents) {
    const std::string& agc = ag->code;
    bool present = false;
    for (size_t ka = 0; ka + agc.size() <= code.size(); ka += 3)
      if (code.compare(ka, agc.size(), agc) == 0) {
        present = true;
        break;
      }
    if (present) break;
    if (ag->prefix)
      code.insert(0, agc);
    else
      code.append(agc);
  }
}

void SentenceCoder::AppendWhy(const Member& m, std::string_view role_prefix,
                              std::vector<WhyEntry>* why) const {
  // Each entry is built in place in *why, its strings written once into their own buffers
  // (no temporary WhyEntry, no intermediate strings).
  auto add = [&](std::string_view r, const std::string& file, int line) -> WhyEntry& {
    WhyEntry& w = why->emplace_back();
    char role[64];  // role_prefix + r, assigned in one go
    if (role_prefix.size() + r.size() <= sizeof role) {
      if (!role_prefix.empty()) std::memcpy(role, role_prefix.data(), role_prefix.size());
      if (!r.empty()) std::memcpy(role + role_prefix.size(), r.data(), r.size());
      w.role.assign(role, role_prefix.size() + r.size());
    } else {
      w.role.append(role_prefix);
      w.role.append(r);
    }
    w.file = file;
    w.line = line;
    return w;
  };
  if (const dict::Actor* actor = m.actor) {
    const auto& ph = *m.actor_phrase;
    const dict::DatedCode* dc = actor->CodeEntryOn(date_);
    const std::string_view code = dc ? std::string_view(dc->code) : std::string_view();  // CodeOn
    size_t name = 0;
    while (name + 1 < actor->names.size() && &actor->names[name] != &ph) ++name;
    AppendPhraseText(&add("actor", actor->origin.file, actor->NameLine(name)).entry, ph, " [", code,
                     "]");
    if (dc && dc->restricted) {
      add("rule", dc->origin.file, dc->origin.line).entry =
          "date restriction: " + PhraseText(actor->names[0]) + " is " + std::string(code) + " on " +
          IsoDay(date_);
    }
  }
  for (const auto& [ag, ph] : m.agents)
    AppendPhraseText(&add("agent", ag->origin.file, ag->origin.line).entry, *ph,
                     ag->prefix ? " [" : " [~", ag->code, ag->prefix ? "~]" : "]");
  for (const WhyEntry& n : m.notes) {
    WhyEntry& w = add(n.role, n.file, n.line);
    w.entry = n.entry;
  }
}

void SentenceCoder::ResolveReference(Member* m) const {
  if (!ctx_ || ctx_->referents.empty() || m->words.empty()) return;
  // The latest kMaxReferents, most recent last.
  const auto refs_end = ctx_->referents.end();
  const auto refs_begin = ctx_->referents.size() > kMaxReferents
                              ? refs_end - static_cast<long>(kMaxReferents)
                              : ctx_->referents.begin();
  const auto refs_rbegin = std::make_reverse_iterator(refs_end);
  const auto refs_rend = std::make_reverse_iterator(refs_begin);
  const std::string& first = t_.words[m->words.front()].norm;
  auto note = [&](const StoryContext::Referent& r, const std::string& what) {
    m->notes.push_back({"rule", "", 0,
                        "'" + what + "' refers to " + r.code + " (\"" + r.text + "\", sentence " +
                            std::to_string(r.sentence) + ")"});
  };
  if (m->words.size() == 1 && m->code.empty() &&
      (Eq(first, "HE") || Eq(first, "SHE") || Eq(first, "THEY"))) {
    // The most recent actor; for "he"/"she" one with a role (a person) when there is one.
    const StoryContext::Referent* pick = nullptr;
    for (auto it = refs_rbegin; it != refs_rend && !pick; ++it)
      if (Eq(first, "THEY") || it->code.size() > 3) pick = &*it;
    if (!pick) pick = &ctx_->referents.back();
    m->code = pick->code;
    note(*pick, t_.words[m->words.front()].text);
    return;
  }
  if (m->code.size() <= 3 || m->code.compare(0, 3, "---") != 0) return;
  const std::string role = m->code.substr(3);
  if (Eq(first, "THE")) {
    // "the minister": the latest actor holding that role.
    for (auto it = refs_rbegin; it != refs_rend; ++it)
      if (it->code.size() > 3 && it->code.find(role, 3) != std::string::npos) {
        m->code = it->code;
        note(*it, JoinNorm(t_, m->words));
        return;
      }
  } else if (Eq(first, "HIS") || Eq(first, "HER") || Eq(first, "ITS") || Eq(first, "THEIR")) {
    // "his government": the role in the latest actor's country.
    const auto& r = ctx_->referents.back();
    if (r.code.size() >= 3 && r.code.compare(0, 3, "---") != 0) {
      m->code = r.code.substr(0, 3) + role;
      note(r, JoinNorm(t_, m->words));
    }
  }
}

void SentenceCoder::RememberReferents() const {
  if (!ctx_) return;
  std::vector<StoryContext::Referent>& refs = ctx_->referents;
  for (const auto& np : phrases_)
    for (const auto& m : np.members) {
      const std::string& code = m.code;
      if (code.empty() || code[0] == '"' || code.compare(0, 3, "---") == 0) continue;
      if (refs.capacity() == 0) refs.reserve(16);
      // Built in place: the text (JoinNorm of the words) in one allocation at most.
      StoryContext::Referent& r = refs.emplace_back();
      r.code = code;
      size_t n = m.words.empty() ? 0 : m.words.size() - 1;
      for (int w : m.words) n += t_.words[w].norm.size();
      r.text.reserve(n);
      for (int w : m.words) {  // as JoinNorm
        if (!r.text.empty()) r.text.push_back(' ');
        r.text.append(t_.words[w].norm);
      }
      r.sentence = ctx_->sentence;
    }
  if (refs.size() > 2 * kMaxReferents)
    refs.erase(refs.begin(), refs.end() - static_cast<long>(kMaxReferents));
}

void SentenceCoder::FindNounPhrases() {
  np_of_word_.assign(t_.words.size(), -1);
  phrases_.reserve(16);
  // The walk's stack: st[0, top) of a buffer grown before pushes (a tree pushes each node
  // once, so nodes + 1 slots mostly suffice), not push_back and pop_back a node.
  std::vector<int>& st = sc_.np_stack;
  if (st.size() < t_.nodes.size() + 1) st.resize(t_.nodes.size() + 1);
  int* stp = st.data();
  size_t top = 0;
  stp[top++] = 0;
  // Pushes children [from, to) of `nd`, last first (so that they pop in order).
  auto push_children = [&](const TreeNode& nd, size_t from) {
    const size_t to = nd.children.size();
    if (to <= from) return;
    if (top + (to - from) > st.size()) {
      st.resize(top + (to - from) + 16);
      stp = st.data();
    }
    const int* const ch = nd.children.data();
    for (size_t c = to; c-- > from;) stp[top++] = ch[c];
  };
  // Whether ResolveReference(&m) can change m: the tests it starts with, inline (most
  // members are coded, or uncoded and longer than one word).
  const bool have_referents = ctx_ && !ctx_->referents.empty();
  auto may_resolve = [&](const Member& m) {
    if (!have_referents) return false;
    const std::string& c = m.code;
    if (c.empty()) return m.words.size() == 1;
    return c.size() > 3 && c[0] == '-' && c[1] == '-' && c[2] == '-';
  };
  // With a pre-order numbering the walk visits the nodes in index order: node `idx` next,
  // and a subtree is skipped by jumping to its end (no stack).
  const bool pre = numbered_pre_order_;
  const int* const end = sc_.subtree_end.data();
  const int walk_end = pre ? end[0] : 0;
  int idx = 0;
  while (pre ? idx < walk_end : top > 0) {
    const int n = pre ? idx : stp[--top];
    if (pre && !(node_bits_[n] & kNP)) {  // not a phrase: on to its first child (n + 1)
      ++idx;
      continue;
    }
    const TreeNode& nd = t_.nodes[n];
    bool make = false;
    const bool is_np = node_bits_[n] & kNP;
    if (is_np) {
      const uint32_t below = below_[n];
      bool has_np = below & kNP;
      bool has_pos = below & kPOSLabel;
      bool has_clause = below & (kVP | kS);
      if (!has_np) {
        make = true;
      } else if (node_bits_[n] & kCompoundNP) {
        make = true;
      } else if (has_pos && !has_clause) {
        make = true;
      } else if (!has_clause && nd.children.size() == 2 && (node_bits_[nd.children[0]] & kNP) &&
                 (node_bits_[nd.children[1]] & kPP)) {
        // (NP (NP ...) (PP (IN of) (NP ...))) with no deeper PP.
        int pp = nd.children[1];
        bool deeper_pp = below_[pp] & kPP;
        bool first_pp = below_[nd.children[0]] & kPP;
        make = !deeper_pp && !first_pp;
      }
    }
    // (NP (NP the leaders) (PP of (NP Gondor)) (PP after ...) ...): the head and its first
    // prepositional phrase name the actor; what follows is looked at on its own.
    size_t head_children = 0;
    if (!make && is_np && nd.children.size() > 2 && (node_bits_[nd.children[0]] & kNP) &&
        (node_bits_[nd.children[1]] & kPP)) {
      constexpr uint32_t kNotSimple = kPP | kVP | kS | kSBAR;
      if (!(below_[nd.children[1]] & kNotSimple) && !(below_[nd.children[0]] & kNotSimple))
        head_children = 2;
    }
    if (make || head_children > 0) {
      // Built in place as the next phrase; taken back below if it gets no member.
      NounPhrase& np = phrases_.emplace_back();
      np.node = n;
      if (!sc_.free_member_lists.empty()) {
        np.members = std::move(sc_.free_member_lists.back());
        sc_.free_member_lists.pop_back();
      }
      bool simple = true;  // one member: the leaf words of the phrase's nodes
      if (head_children == 0) {
        auto [a, b] = Range(n);
        np.first = a;
        np.last = b;
        simple = IsSimple(n, 0);
      } else {
        np.first = Range(nd.children[0]).first;
        np.last = Range(nd.children[head_children - 1]).second;
        for (size_t c = 0; c < head_children; ++c) simple &= IsSimple(nd.children[c], 0);
      }
      // Members are coded in place in the list (see NextMember); `used` of them are kept.
      size_t used = 0;
      if (simple) {
        Member& m = NextMember(&np.members, used);
        if (head_children == 0) {
          AppendLeafWords(n, &m.words);
        } else {
          for (size_t c = 0; c < head_children; ++c) AppendLeafWords(nd.children[c], &m.words);
        }
        np.compound = false;
        if (!m.words.empty()) {
          CodeMember(&m);
          if (may_resolve(m)) ResolveReference(&m);
          ++used;
        }
      } else {
        std::vector<std::vector<int>> expansions;
        if (head_children == 0) {
          expansions = Expand(n, 0);
        } else {
          expansions = {{}};
          for (size_t c = 0; c < head_children; ++c)
            AppendProduct(&expansions, Expand(nd.children[c], 0));
        }
        np.compound = expansions.size() > 1;
        for (auto& e : expansions) {
          if (e.empty()) continue;
          Member& m = NextMember(&np.members, used);
          m.words.assign(e.begin(), e.end());
          CodeMember(&m);
          if (may_resolve(m)) ResolveReference(&m);
          ++used;
        }
      }
      TrimMembers(&np.members, used);
      if (!np.members.empty()) {
        const int id = static_cast<int>(phrases_.size() - 1);
        int* const np_of_word = np_of_word_.data();
        for (int i = np.first; i < np.last; ++i) np_of_word[i] = id;
      } else {
        sc_.free_member_lists.push_back(std::move(np.members));
        phrases_.pop_back();
      }
      if (pre)
        idx = head_children > 0 ? end[nd.children[head_children - 1]] : end[n];
      else if (head_children > 0)
        push_children(nd, head_children);
      continue;
    }
    if (pre)
      ++idx;
    else
      push_children(nd, 0);
  }
}

void SentenceCoder::MarkCommaClauses() {
  deleted_.assign(t_.words.size(), false);
  if (opt_.comma_max <= 0) return;
  std::vector<int>& commas = sc_.commas;
  commas.clear();
  for (size_t i = 0; i < t_.words.size(); ++i)
    if ((word_flags_[i] & kWComma) && np_of_word_[i] < 0) commas.push_back(static_cast<int>(i));
  auto alpha_words = [&](int a, int b) {
    int count = 0;
    for (int i = a; i < b; ++i)
      if (IsAsciiAlpha(t_.words[i].text[0])) ++count;
    return count;
  };
  // The terminal clause first, so that an internal clause can still end at its comma.
  // Only when a verb comes before it (otherwise the "terminal clause" is the main one:
  // "Egypt's foreign ministry, in a statement, condemned Israel") and one inside it.
  if (opt_.comma_end_max > 0 && !commas.empty()) {
    int a = commas.back();
    int n = static_cast<int>(t_.words.size());
    int count = alpha_words(a + 1, n);
    bool verb_before = false, verb_after = false;
    for (int i = 0; i < a && !verb_before; ++i) verb_before = word_flags_[i] & kWVerb;
    for (int i = a + 1; i < n && !verb_after; ++i) verb_after = word_flags_[i] & kWVerb;
    // A clause (", a senior official said on Saturday"), not a phrase (", in Doha").
    if (verb_before && verb_after && count >= opt_.comma_end_min && count <= opt_.comma_end_max) {
      for (int i = a + 1; i < n; ++i)
        if (!(word_flags_[i] & kWPeriod)) deleted_[i] = true;
    }
  }
  for (size_t c = 0; c + 1 < commas.size(); ++c) {
    int a = commas[c], b = commas[c + 1];
    int count = alpha_words(a + 1, b);
    // "forced the UN refugee agency, UNHCR, out of the country": a span opening with the
    // particle of a phrasal verb ("out of", "back to", "away from") continues the verb
    // after an appositive; it is not an aside.
    const std::string& first = t_.words[a + 1].norm;
    bool particle = (Eq(first, "OUT") || Eq(first, "BACK") || Eq(first, "AWAY")) && a + 2 < b &&
                    (Eq(t_.words[a + 2].norm, "OF") || Eq(t_.words[a + 2].norm, "TO") ||
                     Eq(t_.words[a + 2].norm, "FROM"));
    if (particle) continue;
    if (count >= opt_.comma_min && count <= opt_.comma_max) {
      for (int i = a; i <= b; ++i) deleted_[i] = true;
      ++c;  // the closing comma is used up
    }
  }
}

void SentenceCoder::LowerItems(int vp, int after_word, std::vector<Item>* out) const {
  std::vector<Item>& items = *out;
  items.clear();
  auto [a, b] = Range(vp);
  for (int i = after_word + 1; i < b; ++i) {
    if (i < a || deleted_[i]) continue;
    // "will withdraw ... unless X arranged a ceasefire": the condition is not the verb's
    // object; patterns and targets stop before "unless".
    if (Eq(t_.words[i].norm, "UNLESS")) break;
    items.push_back({i, np_of_word_[i]});
  }
}

void SentenceCoder::UpperItems(int vp, int before_word, std::vector<Item>* out) const {
  // Words of earlier conjuncts of a coordinated VP belong to other verbs: skip them.
  std::vector<std::pair<int, int>>& excluded = sc_.excluded;
  excluded.clear();
  int n = vp;
  while (t_.nodes[n].parent >= 0) {
    int p = t_.nodes[n].parent;
    if (!(node_bits_[p] & kVP)) break;
    const auto& ch = t_.nodes[p].children;
    bool coordinated = false;
    for (int c : ch) coordinated |= (node_bits_[c] & kCC) != 0;
    if (coordinated && ch.front() != n) {
      int start = Range(ch.front()).first;
      int end = Range(n).first;
      excluded.push_back({start, end});
    }
    n = p;
  }
  std::vector<Item>& items = *out;  // nearest the verb first
  items.clear();
  for (int i = before_word - 1; i >= 0; --i) {
    if (deleted_[i]) continue;
    bool skip = false;
    for (auto [s, e] : excluded) skip |= (i >= s && i < e);
    if (skip) continue;
    if ((word_flags_[i] & kWComma) && np_of_word_[i] < 0) break;
    items.push_back({i, np_of_word_[i]});
  }
}

size_t SentenceCoder::NextPos(const std::vector<Item>& items, size_t pos) const {
  // Skip words do not break adjacency.
  while (pos < items.size() && IsSkip(items[pos].word)) ++pos;
  return pos;
}

size_t SentenceCoder::ConsumeNP(const std::vector<Item>& items, size_t pos) const {
  int np = items[pos].np;
  while (pos < items.size() && items[pos].np == np) ++pos;
  return pos;
}

// Pairs (token k, state) where state = position * 2 + must_adjacent: a flat array of
// per-thread generation stamps, so that a MatchSide call neither allocates nor clears it.
// Very large state spaces (hostile sentences and patterns) use a set instead.
class SentenceCoder::FailedStates {
 public:
  FailedStates(size_t tokens, size_t items) : stride_((items + 1) * 2) {
    size_t n = tokens * stride_;
    if (n > kMaxFlat) {
      big_ = true;
      return;
    }
    Scratch& sc = scratch();
    if (sc.stamps.size() < n) sc.stamps.resize(n, 0);
    if (++sc.generation == 0) {  // wrapped: forget every old stamp
      std::fill(sc.stamps.begin(), sc.stamps.end(), 0);
      sc.generation = 1;
    }
    gen_ = sc.generation;
    stamps_ = sc.stamps.data();
  }
  bool Contains(size_t k, size_t state) const {
    if (big_) return set_.count({k, state}) > 0;
    return stamps_[k * stride_ + state] == gen_;
  }
  void Insert(size_t k, size_t state) {
    if (big_)
      set_.insert({k, state});
    else
      stamps_[k * stride_ + state] = gen_;
  }

 private:
  static constexpr size_t kMaxFlat = size_t{1} << 20;
  struct Scratch {
    std::vector<uint32_t> stamps;
    uint32_t generation = 0;
  };
  static Scratch& scratch() {
    static thread_local Scratch s;
    return s;
  }
  size_t stride_;
  bool big_ = false;
  uint32_t gen_ = 0;
  uint32_t* stamps_ = nullptr;
  std::set<std::pair<size_t, size_t>> set_;
};

uint64_t SentenceCoder::WordsMask(const std::vector<Item>& items) const {
  uint64_t m = 0;
  for (const Item& it : items) m |= word_bit_[it.word];
  return m;
}

bool SentenceCoder::MatchFrom(const std::vector<dict::PatternToken>& tokens, size_t k, size_t pos,
                              bool must_adjacent, const std::vector<Item>& items, bool reversed,
                              Binding* b, FailedStates* failed, int* budget) const {
  const size_t ntok = tokens.size();
  if (k == ntok) return true;
  if (--*budget < 0) return false;
  const size_t state = pos * 2 + (must_adjacent ? 1 : 0);
  if (failed->Contains(k, state)) return false;
  // In the upper sequence (reversed) the tokens are matched last to first.
  const dict::PatternToken& tok = reversed ? tokens[ntok - 1 - k] : tokens[k];
  // The joined flag says whether the NEXT token (in matching order) must be adjacent.
  bool next_adjacent;
  if (!reversed) {
    next_adjacent = tok.joined;
  } else {
    next_adjacent = (k + 1 < ntok) && tokens[ntok - 2 - k].joined;
  }
  size_t start = must_adjacent ? NextPos(items, pos) : pos;
  size_t stop = must_adjacent ? std::min(start + 1, items.size()) : items.size();
  // A word or synset token matches only words whose WordBit meets its mask: the others are
  // passed over (their steps still counted) without a compare or a look-up.
  const uint64_t tok_bits = token_bits_ ? token_bits_[reversed ? ntok - 1 - k : k] : ~uint64_t{0};
  for (size_t p = start; p < stop; ++p) {
    if (--match_steps_left_ < 0) return false;  // the sentence's budget is spent
    const Item& it = items[p];
    if (!(word_bit_[it.word] & tok_bits)) continue;
    const std::string& w = t_.words[it.word].norm;
    switch (tok.kind) {
      case dict::PatternToken::kWord:
        if (w == tok.text &&
            MatchFrom(tokens, k + 1, p + 1, next_adjacent, items, reversed, b, failed, budget)) {
          if (!reversed && (b->first_word < 0 || it.word < b->first_word)) b->first_word = it.word;
          return true;
        }
        break;
      case dict::PatternToken::kSynset: {
        // In the upper sequence words run backwards, so look members up by last word.
        const uint64_t name_hash = token_hashes_ ? token_hashes_[reversed ? ntok - 1 - k : k]
                                                 : CompiledDictionary::HashWord(tok.text);
        const auto* members =
            dict_.SynsetMembers(tok.text, name_hash, w, word_hash_[it.word], reversed);
        if (!members) break;
        for (const auto* ph : *members) {
          if (--match_steps_left_ < 0) return false;
          size_t n = ph->size();
          if (p + n > items.size()) continue;
          bool ok = true;
          for (size_t j = 0; j < n && ok; ++j) {
            const std::string& want = reversed ? (*ph)[n - 1 - j] : (*ph)[j];
            ok = t_.words[items[p + j].word].norm == want;
          }
          if (ok &&
              MatchFrom(tokens, k + 1, p + n, next_adjacent, items, reversed, b, failed, budget)) {
            if (!reversed && (b->first_word < 0 || it.word < b->first_word))
              b->first_word = it.word;
            return true;
          }
        }
        break;
      }
      case dict::PatternToken::kSource:
      case dict::PatternToken::kTarget:
      case dict::PatternToken::kCompound:
      case dict::PatternToken::kSkipNoun: {
        if (it.np < 0) break;
        if (tok.kind == dict::PatternToken::kCompound && !phrases_[it.np].compound) break;
        Binding saved = *b;
        if (tok.kind == dict::PatternToken::kSource) b->source = it.np;
        if (tok.kind == dict::PatternToken::kTarget) b->target = it.np;
        if (tok.kind == dict::PatternToken::kCompound) b->source = b->target = it.np;
        if (MatchFrom(tokens, k + 1, ConsumeNP(items, p), next_adjacent, items, reversed, b, failed,
                      budget))
          return true;
        *b = saved;
        break;
      }
    }
  }
  failed->Insert(k, state);
  return false;
}

bool SentenceCoder::MatchSide(const std::vector<dict::PatternToken>& tokens,
                              const std::vector<uint64_t>& hashes,
                              const std::vector<uint64_t>& bits, bool first_joined,
                              const std::vector<Item>& items, bool reversed, Binding* b) const {
  if (tokens.empty()) return true;
  token_hashes_ = hashes.size() == tokens.size() ? hashes.data() : nullptr;
  token_bits_ = bits.size() == tokens.size() ? bits.data() : nullptr;
  FailedStates failed(tokens.size(), items.size());
  int budget = 20000;
  return MatchFrom(tokens, 0, 0, first_joined, items, reversed, b, &failed, &budget);
}

bool SentenceCoder::MatchVerbForm(int verb_word, const dict::VerbForm& form,
                                  std::vector<int>* verb_words) const {
  verb_words->clear();
  const auto& fw = form.words;
  // Most forms are the verb word alone: nothing to look for around it.
  if (fw.size() == 1 && form.head == 0) {
    verb_words->push_back(verb_word);
    return true;
  }
  // Words before the head, going left: written into *verb_words nearest first, then
  // reversed (no temporary lists).
  int i = verb_word - 1;
  for (int j = static_cast<int>(form.head) - 1; j >= 0; --j) {
    while (i >= 0 && fw[j] != t_.words[i].norm && IsSkip(i)) --i;
    if (i < 0 || t_.words[i].norm != fw[j]) return false;
    verb_words->push_back(i--);
  }
  std::reverse(verb_words->begin(), verb_words->end());
  verb_words->push_back(verb_word);
  i = verb_word + 1;
  for (size_t j = form.head + 1; j < fw.size(); ++j) {
    while (i < static_cast<int>(t_.words.size()) && fw[j] != t_.words[i].norm && IsSkip(i)) ++i;
    if (i >= static_cast<int>(t_.words.size()) || t_.words[i].norm != fw[j]) return false;
    verb_words->push_back(i++);
  }
  return true;
}

void SentenceCoder::CodesOf(int np, std::vector<std::pair<std::string, const Member*>>* out) const {
  out->clear();
  // In a compound, uncoded members are dropped when any member is coded ("the lions and
  // Gondor" codes Gondor only).
  bool any_coded = phrases_[np].Coded();
  for (const auto& m : phrases_[np].members) {
    if (any_coded && m.code.empty()) continue;
    if (m.code.empty()) {
      if (opt_.new_actor_length > 0 && static_cast<int>(m.words.size()) < opt_.new_actor_length)
        out->push_back({"\"" + JoinNorm(t_, m.words) + "\"", &m});
      else
        out->push_back({"---", &m});
      continue;
    }
    // "ELR/GAL": one actor with several codes.
    std::string_view code = m.code;
    size_t s = 0;
    while (true) {
      size_t slash = code.find('/', s);
      if (code[0] == '"' || slash == std::string::npos) {
        out->emplace_back(std::string(code.substr(s)), &m);
        break;
      }
      out->emplace_back(std::string(code.substr(s, slash - s)), &m);
      s = slash + 1;
    }
  }
  if (out->empty()) out->push_back({"---", nullptr});
}

void SentenceCoder::MakeEvents(int src_np, int tgt_np, const std::string& code,
                               const std::string& paired, bool passive,
                               const std::vector<int>& verb_words, std::vector<WhyEntry>&& why,
                               std::vector<CodedEvent>* out) const {
  // `why` (the verb's entries, which end every event's list) is copied into the events but
  // the first, which takes it (moved) once the others have their copies.
  const size_t first_new = out->size();
  using Codes = std::vector<std::pair<std::string, const Member*>>;
  // Per-thread lists, reused call after call (MakeEvents does not nest).
  static thread_local Codes src_codes, tgt_codes;
  Codes* src = &src_codes;
  Codes* tgt = &tgt_codes;
  CodesOf(src_np, src);
  CodesOf(tgt_np, tgt);
  // "X's foreign minister met his Qatari counterpart": the counterpart holds the source's
  // role in the target's country.
  if (src->size() == 1 && (*src)[0].first.size() > 3 && (*src)[0].first[0] != '"') {
    for (auto& [code, member] : *tgt) {
      if (!member || code.size() != 3) continue;
      bool counterpart = false;
      for (int w : member->words) {
        const std::string& n = t_.words[w].norm;
        counterpart |= (Eq(n, "COUNTERPART") || Eq(n, "COUNTERPARTS"));
      }
      if (counterpart) code.append((*src)[0].first, 3);
    }
  }
  if (passive) std::swap(src, tgt);
  auto emit = [&](const Codes& a, const Codes& b, const std::string& c) {
    for (const auto& [sc, sm] : a)
      for (const auto& [tc, tm] : b) {
        if (sc == tc) {  // self-reference
          Trace("drop", sc + " " + c + " " + tc, "source and target are the same actor", false);
          continue;
        }
        if (opt_.require_dyad && (Eq(sc, "---") || Eq(tc, "---"))) {
          Trace("drop", sc + " " + c + " " + tc,
                "one side has no actor code and require_dyad is on", false);
          continue;
        }
        bool dup = false;
        for (const auto& e : *out) dup |= (e.source == sc && e.target == tc && e.code == c);
        if (dup) continue;
        CodedEvent& e = out->emplace_back();  // built in place: no CodedEvent move
        e.source = sc;
        e.target = tc;
        e.code = c;
        if (sm) e.source_words = sm->words;
        if (tm) e.target_words = tm->words;
        e.verb_words = verb_words;
        e.why.reserve(8 + why.size());
        if (sm) AppendWhy(*sm, "source-", &e.why);
        if (tm) AppendWhy(*tm, "target-", &e.why);
        if (a.size() > 1)
          e.why.push_back({"rule", "", 0,
                           "compound source expanded: one event per member (" +
                               std::to_string(a.size()) + " members)"});
        if (b.size() > 1)
          e.why.push_back({"rule", "", 0,
                           "compound target expanded: one event per member (" +
                               std::to_string(b.size()) + " members)"});
        if (out->size() - 1 > first_new) e.why.insert(e.why.end(), why.begin(), why.end());
      }
  };
  if (!paired.empty()) {
    if (Eq(src->front().first, "---") || Eq(tgt->front().first, "---")) {
      if (Eq(tgt->front().first, "---"))
        *tgt = *src;
      else
        *src = *tgt;
    }
    emit(*src, *tgt, code);
    emit(*tgt, *src, paired);
  } else {
    emit(*src, *tgt, code);
  }
  if (out->size() > first_new) {
    auto& first_why = (*out)[first_new].why;
    first_why.insert(first_why.end(), std::make_move_iterator(why.begin()),
                     std::make_move_iterator(why.end()));
  }
}

// The noun phrases of the subject of the clause whose verb phrase is `vp`: the NP before
// the VP in its S; for a relative clause ("a woman who shot ..."), the NP it modifies.
void SentenceCoder::SubjectPhrases(int vp, std::vector<int>* out) const {
  // Labels are tested by their NodeBits (kVP is "VP" exactly, and so on).
  out->clear();
  int n = vp;
  while (t_.nodes[n].parent >= 0 && (node_bits_[t_.nodes[n].parent] & kVP)) n = t_.nodes[n].parent;
  int clause = t_.nodes[n].parent;
  if (clause < 0) return;
  int subject = -1;
  for (int c : t_.nodes[clause].children) {
    if (c == n) break;
    if (node_bits_[c] & kNP) subject = c;
  }
  if (subject < 0 && (node_bits_[clause] & kS)) {
    int sbar = t_.nodes[clause].parent;
    if (sbar >= 0 && (node_bits_[sbar] & kSBAR) && !t_.nodes[sbar].children.empty() &&
        (node_bits_[t_.nodes[sbar].children.front()] & kWHNP)) {
      int head = t_.nodes[sbar].parent;
      if (head >= 0 && (node_bits_[head] & kNP)) subject = head;
    }
  }
  if (subject < 0) return;
  auto [a, b] = Range(subject);
  for (int i = a; i < b; ++i) {
    int np = np_of_word_[i];
    if (np >= 0 && (out->empty() || out->back() != np) && !deleted_[i]) out->push_back(np);
  }
}

// A proper noun of a phrase coded as an actor: "Intelligence" in "the Canadian Security
// Intelligence Service" names the actor and says nothing about what a verb is about.
bool SentenceCoder::InCodedName(int word) const {
  if (word < 0 || np_of_word_[word] < 0 || !phrases_[np_of_word_[word]].Coded()) return false;
  return word_flags_[word] & kWProper;
}

bool SentenceCoder::TryVerb(int vp, const CompiledDictionary::VerbRef& verb,
                            const std::vector<int>& verb_words, bool patterns_only,
                            std::vector<CodedEvent>* out) {
  const dict::VerbBlock* block = verb.block;
  const dict::VerbForm* form = verb.form;
  const TreeNode& nd = t_.nodes[vp];
  int vw = t_.nodes[nd.children.front()].word;
  // TryVerb calls do not nest: the items live in per-thread buffers.
  std::vector<Item>& lower = sc_.lower;
  std::vector<Item>& upper = sc_.upper;
  // The forms of a verb phrase and the two passes of CodeVerbPhrase mostly ask for the
  // same items: computed again only when the verb phrase or verb words differ.
  if (items_vp_ != vp || items_after_ != verb_words.back() || items_before_ != verb_words.front()) {
    LowerItems(vp, verb_words.back(), &lower);
    UpperItems(vp, verb_words.front(), &upper);
    items_vp_ = vp;
    items_after_ = verb_words.back();
    items_before_ = verb_words.front();
    items_lower_mask_ = WordsMask(lower);
    items_upper_mask_ = WordsMask(upper);
  }
  // The code and paired code so far, copied only once the pass goes on past the patterns
  // (most calls of pass 0 end with no pattern matched).
  const std::string* code_src = form->code.empty() ? &block->code : &form->code;
  const std::string* paired_src = form->code.empty() ? &block->paired : &form->paired;
  Binding bind;
  bool pattern_matched = false;
  const dict::Pattern* matched_pattern = nullptr;
  // A single word or synset after the verb ("- * &XMILAID", "- * &XHUMAID"): when several
  // such patterns match, the one whose word is nearest the verb wins, not the first in file
  // order ("asked for military aid, especially instructors ... food" is 0232).
  auto single_after = [](const dict::Pattern& p) {
    return p.before.empty() && p.after.size() == 1 &&
           (p.after[0].kind == dict::PatternToken::kWord ||
            p.after[0].kind == dict::PatternToken::kSynset);
  };
  const auto& patterns = verb.patterns ? *verb.patterns : dict_.PatternsOf(block);
  // A side whose literal words are not all among the items cannot match: most patterns of
  // a block fail this test, without a search.
  const uint64_t lower_mask = items_lower_mask_, upper_mask = items_upper_mask_;
  // Likewise a synset token needs a word among the items that starts (after the verb) or
  // ends (before it) one of its members.
  auto after_may_match = [&](const CompiledDictionary::PatternRef& r) {
    if ((r.after_words & ~lower_mask) != 0) return false;
    for (uint64_t m : r.after_synsets)
      if (!(m & lower_mask)) return false;
    return true;
  };
  auto before_may_match = [&](const CompiledDictionary::PatternRef& r) {
    if ((r.before_words & ~upper_mask) != 0) return false;
    for (uint64_t m : r.before_synsets)
      if (!(m & upper_mask)) return false;
    return true;
  };
  // Both sides' word masks of pattern i, side by side in one array (VerbRef::masks).
  const uint64_t* masks = verb.patterns ? verb.masks : nullptr;
  no_pattern_ = false;
  // Pass 1 of CodeVerbPhrase for a form whose patterns all failed in pass 0: they fail
  // again the same way (same items, same search) unless the sentence's step budget runs
  // out on the way; only their steps are counted again, as matching them would.
  const bool skip = skip_pattern_steps_ >= 0 && match_steps_left_ - skip_pattern_steps_ >= 0;
  const size_t npatterns = skip ? 0 : patterns.size();
  if (skip) match_steps_left_ -= skip_pattern_steps_;
  for (size_t pi = 0; pi < npatterns; ++pi) {
    // Without a trace (which says which side failed), a pattern that cannot match on
    // either side is passed over before anything else is read.
    if (!trace_) {
      if (masks) {
        while (pi < npatterns &&
               ((masks[2 * pi] & ~lower_mask) | (masks[2 * pi + 1] & ~upper_mask)) != 0)
          ++pi;
        if (pi == npatterns) break;
      }
      if (!before_may_match(patterns[pi])) continue;
    }
    const dict::Pattern* pat_ptr = patterns[pi].pattern;
    Binding b;
    if (!after_may_match(patterns[pi]) ||
        !MatchSide(pat_ptr->after, patterns[pi].after_hashes, patterns[pi].after_token_bits,
                   pat_ptr->verb_joined_after, lower, false, &b)) {
      if (!patterns_only)  // patterns are tried twice; say so once
        Trace("pattern", pat_ptr->text, "no match after the verb", false, pat_ptr->origin.file,
              pat_ptr->origin.line);
      continue;
    }
    if (!before_may_match(patterns[pi]) ||
        !MatchSide(pat_ptr->before, patterns[pi].before_hashes, patterns[pi].before_token_bits,
                   pat_ptr->verb_joined_before, upper, true, &b)) {
      if (!patterns_only)
        Trace("pattern", pat_ptr->text, "no match before the verb", false, pat_ptr->origin.file,
              pat_ptr->origin.line);
      continue;
    }
    // A pattern coding only the family's generic code ("- * ON + TO [020]", "- * FOR [020]")
    // gives way to a later pattern of the block that matches with a finer code of the same
    // family: "called on X to forge ties of confidence" is 022, "called for free trade" 0211.
    size_t chosen = pi;
    if (IsGenericCode(pat_ptr->code)) {
      for (size_t pj = pi + 1; pj < patterns.size(); ++pj) {
        const dict::Pattern& other = *patterns[pj].pattern;
        if (Eq(other.code, "---") || IsGenericCode(other.code) ||
            other.code.compare(0, 2, pat_ptr->code, 0, 2) != 0)
          continue;
        Binding ob;
        if (!after_may_match(patterns[pj]) || !before_may_match(patterns[pj])) continue;
        if (!MatchSide(other.after, patterns[pj].after_hashes, patterns[pj].after_token_bits,
                       other.verb_joined_after, lower, false, &ob))
          continue;
        if (!MatchSide(other.before, patterns[pj].before_hashes, patterns[pj].before_token_bits,
                       other.verb_joined_before, upper, true, &ob))
          continue;
        // Words of a name are no content ("the Canadian Security Intelligence Service").
        if (InCodedName(ob.first_word)) continue;
        // Keep a coded addressee bound by the generic pattern ("on X").
        if (ob.target < 0 && b.target >= 0 && phrases_[b.target].Coded()) ob.target = b.target;
        if (ob.source < 0 && b.source >= 0 && phrases_[b.source].Coded()) ob.source = b.source;
        pat_ptr = &other;
        b = ob;
        chosen = pj;
        break;
      }
    }
    // Among single-word patterns: a word outside a coded name beats one inside it, a finer
    // code of the same family beats the generic one, then the nearest word wins.
    auto in_name = [&](const Binding& x) { return InCodedName(x.first_word); };
    auto better = [&](const dict::Pattern& o, const Binding& ob, const dict::Pattern& c,
                      const Binding& cb) {
      if (in_name(ob) != in_name(cb)) return !in_name(ob);
      if (o.code.compare(0, 2, c.code, 0, 2) == 0 && IsGenericCode(o.code) != IsGenericCode(c.code))
        return IsGenericCode(c.code);
      return ob.first_word < cb.first_word;
    };
    if (single_after(*pat_ptr) && b.first_word >= 0) {
      for (size_t pj = chosen + 1; pj < patterns.size(); ++pj) {
        const dict::Pattern& other = *patterns[pj].pattern;
        if (!single_after(other) || Eq(other.code, "---")) continue;
        Binding ob;
        if (!after_may_match(patterns[pj])) continue;
        if (!MatchSide(other.after, patterns[pj].after_hashes, patterns[pj].after_token_bits,
                       other.verb_joined_after, lower, false, &ob))
          continue;
        if (ob.first_word >= 0 && better(other, ob, *pat_ptr, b)) {
          pat_ptr = &other;
          b = ob;
        }
      }
    }
    const dict::Pattern& pat = *pat_ptr;
    Trace("pattern", pat.text, "matched: code " + pat.code, true, pat.origin.file, pat.origin.line,
          pat.code);
    if (Eq(pat.code, "---")) break;  // a pattern that says "no event here"
    code_src = &pat.code;
    paired_src = &pat.paired;
    bind = b;
    pattern_matched = true;
    matched_pattern = &pat;
    break;
  }
  if (patterns_only && !pattern_matched) {
    no_pattern_ = true;
    return false;
  }
  std::string code = *code_src;
  std::string paired = *paired_src;
  // The rules applied, in order; the verb and pattern entries that come first are added
  // only when an event is made.
  std::vector<WhyEntry> why;
  const std::string verb_text = trace_ ? JoinNorm(t_, verb_words) : std::string();
  Trace("verb", verb_text,
        "verb of block " + block->name + " [" + block->code + "]" +
            (pattern_matched ? ", coded by its pattern: " + code
                             : ", no pattern matched: the block's code " + code),
        true, form->origin.file, form->origin.line, code);
  if (code.empty() || Eq(code, "---")) {
    Trace("drop", verb_text, "the verb's code is --- (no event unless a pattern codes one)", false);
    return false;
  }
  // Intent and refusal: "will give" codes the intent (0331), "will not release" the refusal
  // (1243), unless the pattern itself spells out the negation.
  Mood mood = opt_.stated_intent ? MoodOf(upper) : Mood::kFact;
  // "announced that he will extend the curfew": a pattern of "announce" that matched the
  // words of a later verb ("extend ... curfew") codes that verb's act, in that verb's mood.
  if (opt_.stated_intent && mood == Mood::kFact && pattern_matched && bind.first_word >= 0) {
    int later_verb = -1;
    for (const auto& it : lower) {
      if (it.word >= bind.first_word) break;
      if (it.np < 0 && (word_flags_[it.word] & kWVerb)) later_verb = it.word;
    }
    if (later_verb >= 0) {
      std::vector<Item> before_later;  // nearest first, as UpperItems gives them
      for (auto it = lower.rbegin(); it != lower.rend(); ++it)
        if (it->word < later_verb) before_later.push_back(*it);
      mood = MoodOf(before_later);
    }
  }
  bool pattern_negates = false;
  if (pattern_matched)
    for (const auto& tok : matched_pattern->before)
      pattern_negates |= tok.kind == dict::PatternToken::kWord &&
                         (Eq(tok.text, "NOT") || Eq(tok.text, "NEVER") || Eq(tok.text, "N'T"));
  std::string refusal = mood == Mood::kRefusal && !pattern_negates ? RefusalCode(code) : "";
  if (!refusal.empty()) {
    why.push_back(
        {"rule", "", 0, "refusal (negated future or intent): " + code + " -> " + refusal});
    code = refusal;
    paired.clear();
    mood_applied_ = true;
  } else if ((!pattern_matched && IsNegated(upper)) || FailedTo(upper)) {
    // "did not condemn", "will never attack": a negated verb reports no event unless a
    // pattern of the dictionary codes the negation itself ("- NOT * RELATIONS [112]").
    Trace("drop", verb_text, "the verb is negated (not/never): no event", false);
    return true;  // the verb phrase is accounted for; nothing to code
  } else if (mood == Mood::kIntent) {
    std::string intent = IntentCode(code);
    if (!intent.empty()) {
      why.push_back({"rule", "", 0,
                     "stated intent (future or 'willing/agreed to'): " + code + " -> " + intent});
      code = intent;
      if (!paired.empty()) paired = IntentCode(paired);
      mood_applied_ = true;
    }
  }

  // Passive: "was shot by", "has been condemned by".
  bool passive = false;
  if (word_flags_[vw] & kWVBNorVBD) {
    bool aux_be = false;
    int p = nd.parent;
    while (p >= 0 && (node_bits_[p] & kVP)) {
      int f = t_.nodes[p].children.front();
      if (t_.nodes[f].word >= 0 && IsBeForm(t_.words[t_.nodes[f].word].norm)) {
        aux_be = true;
        break;
      }
      p = t_.nodes[p].parent;
    }
    if (aux_be) {
      for (const auto& it : lower)
        if (Eq(t_.words[it.word].norm, "BY")) passive = true;
    }
  }
  if (passive) why.push_back({"rule", "", 0, "passive voice: source and target swapped"});

  int target = bind.target;
  // Passive: the agent is the phrase after "by", not the first phrase after the verb ("was
  // murdered in an attack on a patrol by Kosovo Albanians").
  if (target < 0 && passive) {
    for (size_t k = 0; k + 1 < lower.size() && target < 0; ++k)
      if (lower[k].np < 0 && Eq(t_.words[lower[k].word].norm, "BY") && lower[k + 1].np >= 0 &&
          phrases_[lower[k + 1].np].Coded())
        target = lower[k + 1].np;
  }
  if (target < 0) {
    for (const auto& it : lower)
      if (it.np >= 0 && (phrases_[it.np].Coded() || phrases_[it.np].compound)) {
        target = it.np;
        break;
      }
  }
  if (target < 0)
    for (const auto& it : lower)
      if (it.np >= 0) {
        target = it.np;
        break;
      }
  int source = bind.source;
  if (target >= 0 && source < 0) {
    const std::string& tcode = phrases_[target].PrimaryCode();
    auto usable = [&](int np) {
      return np != target && (phrases_[np].compound ||
                              (phrases_[np].Coded() && phrases_[np].PrimaryCode() != tcode));
    };
    // The subject of the clause first, then the nearest phrase before the verb.
    static thread_local std::vector<int> subjects;  // TryVerb calls do not nest
    SubjectPhrases(vp, &subjects);
    for (int np : subjects)
      if (usable(np)) {
        source = np;
        break;
      }
    if (source < 0)
      for (const auto& it : upper)
        if (it.np >= 0 && usable(it.np)) {
          source = it.np;
          break;
        }
    if (source < 0)
      for (const auto& it : upper)
        if (it.np >= 0 && it.np != target) {
          source = it.np;
          break;
        }
  }
  if (trace_) {
    auto name = [&](int np) {
      return np < 0
                 ? std::string("none")
                 : "\"" + JoinNorm(t_, phrases_[np].members.front().words) + "\" (" +
                       (phrases_[np].PrimaryCode().empty() ? "---" : phrases_[np].PrimaryCode()) +
                       ")";
    };
    std::string detail = "source " + name(source) + ", target " + name(target);
    if (target < 0)
      detail += ": no noun phrase follows the verb inside its clause";
    else if (source < 0)
      detail += ": no usable noun phrase before the verb in its clause";
    Trace("roles", verb_text, detail, source >= 0 && target >= 0);
  }
  // "Russia said that Sudan must return the helicopter": a demand (1053) by the speaker
  // named before the clause, of the clause's subject. Without a speaker the act keeps its
  // code (the stated act may still be coded by its intent form elsewhere).
  if (mood == Mood::kDemand && source >= 0 && !passive) {
    std::string demand = DemandCode(code);
    int speaker = -1;
    if (!demand.empty())
      for (const auto& it : upper)
        if (it.np >= 0 && it.np != source && it.np != target &&
            phrases_[it.np].last <= phrases_[source].first && phrases_[it.np].Coded()) {
          speaker = it.np;
          break;
        }
    if (speaker >= 0) {
      why.push_back({"rule", "", 0, "demand ('must'): " + code + " -> " + demand});
      code = demand;
      paired.clear();
      target = source;
      source = speaker;
      mood_applied_ = true;
    }
  }
  if (source >= 0 && target >= 0) {
    if (opt_.third_location && Eq(code, "040")) ThirdLocation(lower, source, target, &code, &why);
    std::vector<WhyEntry> all;
    all.reserve(2 + why.size());
    std::string verb_entry = PhraseText(form->words, " (a verb of block ", block->name, " [");
    verb_entry.append(block->code);
    verb_entry.append("])");
    all.push_back({"verb", form->origin.file, form->origin.line, std::move(verb_entry)});
    if (pattern_matched)
      all.push_back({"pattern", matched_pattern->origin.file, matched_pattern->origin.line,
                     matched_pattern->text});
    for (WhyEntry& w : why) all.push_back(std::move(w));
    MakeEvents(source, target, code, paired, passive, verb_words, std::move(all), out);
  }
  return true;
}

// CAMEO 044, "meet at a third location": a meeting "in"/"at" a place that the dictionary
// codes as a bare country (a capital or country name) other than both sides' countries.
void SentenceCoder::ThirdLocation(const std::vector<Item>& lower, int source, int target,
                                  std::string* code, std::vector<WhyEntry>* why) const {
  auto country = [](const std::string& c) { return c.size() >= 3 ? c.substr(0, 3) : c; };
  std::string sc = country(phrases_[source].PrimaryCode());
  std::string tc = country(phrases_[target].PrimaryCode());
  if (Eq(sc, "---") || Eq(tc, "---")) return;
  for (size_t i = 0; i + 1 < lower.size(); ++i) {
    const std::string& w = t_.words[lower[i].word].norm;
    if (!Eq(w, "IN") && !Eq(w, "AT")) continue;
    int np = lower[i + 1].np;
    if (np < 0 || np == target || np == source || phrases_[np].compound) continue;
    std::string place = phrases_[np].PrimaryCode();
    if (place.size() != 3 || Eq(place, "---") || place == sc || place == tc) continue;
    *code = "044";
    std::string words = JoinNorm(t_, phrases_[np].members.front().words);
    why->push_back(
        {"rule", "", 0, "meeting in " + words + " (" + place + "), a third country: 040 -> 044"});
    return;
  }
}

bool SentenceCoder::FailedTo(const std::vector<Item>& upper) const {
  // "failed to reach agreement", "fails to agree": the act did not happen, whatever
  // pattern it matched ("- * TO_REACH &AGREEMENT [164]" of FAIL codes the failure).
  if (upper.size() < 2 || !Eq(t_.words[upper[0].word].norm, "TO")) return false;
  const std::string& w = t_.words[upper[1].word].norm;
  return Eq(w, "FAIL") || Eq(w, "FAILS") || Eq(w, "FAILED") || Eq(w, "FAILING");
}

bool SentenceCoder::IsNegated(const std::vector<Item>& upper) const {
  for (size_t i = 0; i < upper.size() && i < 4; ++i) {
    const TreeWord& w = t_.words[upper[i].word];
    if (Eq(w.norm, "NOT") || Eq(w.norm, "N'T") || Eq(w.norm, "NEVER")) return true;
    bool aux_or_adverb = Eq(w.tag, "MD") || Eq(w.tag, "RB") || Eq(w.tag, "TO") || IsVerbTag(w.tag);
    if (!aux_or_adverb || upper[i].np >= 0) return false;
  }
  return false;
}

SentenceCoder::Mood SentenceCoder::MoodOf(const std::vector<Item>& upper) const {
  auto is_not = [](const std::string& w) { return Eq(w, "NOT") || Eq(w, "N'T") || Eq(w, "NEVER"); };
  bool negated = false;
  for (size_t i = 0; i < upper.size() && i < 5; ++i) {
    if (upper[i].np >= 0) return Mood::kFact;
    const TreeWord& w = t_.words[upper[i].word];
    if (is_not(w.norm)) {
      negated = true;
      continue;
    }
    if (Eq(w.tag, "RB") || Eq(w.norm, "BE")) continue;  // "will soon send", "will be sending"
    if (Eq(w.tag, "MD")) {
      if (Eq(w.norm, "MUST") && !negated) return Mood::kDemand;  // "Libya must hand over"
      if (!IsFutureModal(w.norm)) return Mood::kFact;
      return negated ? Mood::kRefusal : Mood::kIntent;
    }
    if (Eq(w.norm, "TO")) {
      // "willing to", "has agreed to", "is not prepared to".
      for (size_t j = i + 1; j < upper.size() && j < i + 3; ++j) {
        const TreeWord& v = t_.words[upper[j].word];
        if (upper[j].np >= 0 && !IsIntentWord(v.norm)) return Mood::kFact;
        if (Eq(v.tag, "RB") && !is_not(v.norm)) continue;
        if (!IsIntentWord(v.norm)) return Mood::kFact;
        bool must = false;
        for (size_t k = j + 1; k < upper.size() && k < j + 4; ++k) {
          const std::string& a = t_.words[upper[k].word].norm;
          if (is_not(a)) negated = true;
          if (Eq(a, "MUST")) must = true;  // "the US must be ready to mediate": a demand
          if (upper[k].np >= 0) break;
        }
        if (must && !negated) return Mood::kDemand;
        return negated ? Mood::kRefusal : Mood::kIntent;
      }
      return Mood::kFact;
    }
    return Mood::kFact;
  }
  return Mood::kFact;
}

int SentenceCoder::InfinitiveComplement(int vp) const {
  auto verb_phrase_after_to = [&](int to_vp) {
    const auto& ch = t_.nodes[to_vp].children;
    if (ch.empty() || t_.nodes[ch.front()].word < 0 ||
        !Eq(t_.words[t_.nodes[ch.front()].word].norm, "TO"))
      return -1;
    for (int c : ch) {
      if (!(node_bits_[c] & kVP) || t_.nodes[c].children.empty()) continue;
      int w = t_.nodes[t_.nodes[c].children.front()].word;
      if (w >= 0 && IsVerbTag(t_.words[w].tag)) return c;
    }
    return -1;
  };
  for (int c : t_.nodes[vp].children) {
    if (node_bits_[c] & kVP) {
      int inner = verb_phrase_after_to(c);
      if (inner >= 0) return inner;
    }
    if (!(node_bits_[c] & kS)) continue;
    for (int c2 : t_.nodes[c].children) {
      if (!(node_bits_[c2] & kVP)) continue;
      int inner = verb_phrase_after_to(c2);
      if (inner >= 0) return inner;
    }
  }
  return -1;
}

bool SentenceCoder::CodeVerbPhrase(int n, std::vector<CodedEvent>* out) {
  const TreeNode& nd = t_.nodes[n];
  if (!(node_bits_[n] & kVP) || nd.children.empty()) return false;
  int vw = t_.nodes[nd.children.front()].word;
  if (vw < 0 || !(word_flags_[vw] & kWVerb)) return false;
  const auto* entries = Entries(vw);
  const auto* cands = entries ? entries->verbs : nullptr;
  if (!cands) {
    if (!trace_) return false;  // (the rest only says why, in a trace)
    const std::string& w = t_.words[vw].norm;
    bool aux = IsBeForm(w) || Eq(w, "DO") || Eq(w, "DOES") || Eq(w, "DID") || Eq(w, "HAVE") ||
               Eq(w, "HAS") || Eq(w, "HAD");
    if (trace_ && !aux) Trace("verb", w, "not in the verbs dictionary", false);
    return false;
  }
  // The same word may head forms of several blocks ("SHOT [---]" and "SHOT [223]"):
  // a pattern of any of them wins over a default code; then the first default.
  // The matching forms and their words, in per-thread buffers (CodeVerbPhrase calls do not
  // nest): forms[0, nforms).
  auto& forms = sc_.forms;
  size_t nforms = 0;
  for (const auto& ref : *cands) {
    if (nforms == forms.size()) forms.emplace_back();
    if (MatchVerbForm(vw, *ref.form, &forms[nforms].second)) forms[nforms++].first = &ref;
  }
  // Only the longest matching forms compete.
  size_t longest = nforms == 0 ? 0 : forms.front().second.size();
  // Per form: the matching steps its patterns used in pass 0 when none matched (pass 1
  // then skips them), else -1.
  auto& pass0_steps = sc_.pass0_steps;
  pass0_steps.assign(nforms, -1);
  for (int pass = 0; pass < 2; ++pass)
    for (size_t f = 0; f < nforms; ++f) {
      const auto& [ref, vwords] = forms[f];
      if (vwords.size() < longest) break;
      const long steps_before = match_steps_left_;
      // A trace records every pattern tried in pass 1: no skipping then.
      skip_pattern_steps_ = pass == 1 && !trace_ ? pass0_steps[f] : -1;
      const bool coded = TryVerb(n, *ref, vwords, pass == 0, out);
      skip_pattern_steps_ = -1;
      if (coded) return true;
      if (pass == 0 && no_pattern_) pass0_steps[f] = steps_before - match_steps_left_;
    }
  return false;
}

void SentenceCoder::CodeVerbs(std::vector<CodedEvent>* out) {
  std::vector<int>& st = sc_.stack;  // CodeVerbs only (FindNounPhrases has np_stack)
  // With a pre-order numbering (see numbered_pre_order_) the walk visits node `idx` next and
  // skips a subtree by jumping to its end: no stack, and a subtree without a verb phrase is
  // passed over at once (only verb phrases are coded).
  const bool pre = numbered_pre_order_;
  const int* const end = sc_.subtree_end.data();
  const int walk_end = pre ? end[0] : 0;
  int idx = 0;
  if (!pre) st.assign(1, 0);
  while (pre ? idx < walk_end : !st.empty()) {
    int n;
    if (pre) {
      n = idx;
      if (!(node_bits_[n] & kVP)) {
        idx = (below_[n] & kVP) ? n + 1 : end[n];
        continue;
      }
    } else {
      n = st.back();
      st.pop_back();
    }
    const TreeNode& nd = t_.nodes[n];
    bool matched = false;
    if ((node_bits_[n] & kVP) && !nd.children.empty()) {
      // "agreed to set up a center", "threatened to impose a curfew": the intended act,
      // coded by the intent rule (031, 1323), says more than the verb of intent (030, 130).
      // The verb of intent codes only when the act has no intent form.
      int first = t_.nodes[nd.children.front()].word;
      int inner = -1;
      if (opt_.stated_intent && first >= 0 && (word_flags_[first] & kWVerb) && IsIntent(first))
        inner = InfinitiveComplement(n);
      if (inner >= 0) {
        std::vector<CodedEvent> trial = *out;
        mood_applied_ = false;
        bool coded = CodeVerbPhrase(inner, &trial) && mood_applied_;
        // "threatened to deliver blows": a threat stays a threat; an act whose intent is
        // cooperation (033) is the threat's object, not the coded event.
        if (coded && IsThreatWord(t_.words[first].norm))
          for (size_t e = out->size(); e < trial.size(); ++e)
            coded &= trial[e].code.compare(0, 2, "13") == 0;
        if (coded) {
          *out = std::move(trial);
          matched = true;
        }
      }
      if (!matched) matched = CodeVerbPhrase(n, out);
    }
    if (pre) {
      idx = matched ? end[n] : n + 1;  // clauses inside a coded verb phrase belong to it
      continue;
    }
    if (matched) continue;  // clauses inside a coded verb phrase belong to it
    for (auto it = nd.children.rbegin(); it != nd.children.rend(); ++it) st.push_back(*it);
  }
}

std::vector<CodedEvent> SentenceCoder::Run() {
  if (t_.nodes.empty()) {  // no tree (one that failed to read): nothing to code
    Trace("drop", "", "no event in this sentence", false);
    return {};
  }
  FindNounPhrases();
  MarkCommaClauses();
  if (trace_) TracePhrases();
  std::vector<CodedEvent> out;
  CodeVerbs(&out);
  RememberReferents();
  if (trace_) {
    for (const auto& e : out)
      Trace("event", e.source + " " + e.code + " " + e.target,
            "event: source " + e.source + ", target " + e.target + ", code " + e.code, true, "", 0,
            e.source + " " + e.target + " " + e.code);
    if (out.empty()) Trace("drop", "", "no event in this sentence", false);
  }
  return out;
}

void SentenceCoder::TracePhrases() const {
  for (const auto& np : phrases_)
    for (const auto& m : np.members) {
      std::string words = JoinNorm(t_, m.words);
      const WhyEntry* actor = nullptr;
      std::vector<WhyEntry> why;
      AppendWhy(m, "", &why);
      for (const auto& w : why)
        if (Eq(w.role, "actor") || Eq(w.role, "agent")) {
          Trace("phrase", words, w.role + " " + w.entry, true, w.file, w.line);
          actor = &w;
        } else if (Eq(w.role, "rule")) {
          Trace("phrase", words, w.entry, true, w.file, w.line);
        }
      if (!actor)
        Trace("phrase", words,
              m.code.empty() || Eq(m.code, "---")
                  ? "no actor or agent of the dictionary in these words"
                  : "coded " + m.code,
              !m.code.empty() && !Eq(m.code, "---"), "", 0,
              m.code.empty() || Eq(m.code, "---") ? "" : m.code);
      else
        Trace("phrase", words, "codes as " + (m.code.empty() ? std::string("---") : m.code), true,
              "", 0, m.code);
    }
  std::string set_aside;
  for (size_t i = 0; i < deleted_.size(); ++i)
    if (deleted_[i]) set_aside += (set_aside.empty() ? "" : " ") + t_.words[i].text;
  if (!set_aside.empty())
    Trace("clause", set_aside, "comma clause set aside: not searched for the verb's actors");
}

}  // namespace

Coder::Coder(std::shared_ptr<const CompiledDictionary> dict, CoderOptions options)
    : dict_(std::move(dict)), options_(options) {}

std::vector<CodedEvent> Coder::CodeTree(const ParseTree& tree, int date, StoryContext* context,
                                        CodingTrace* trace) const {
  SentenceCoder sc(*dict_, options_, tree, date, context, trace);
  return sc.Run();
}

namespace {

// Whether the n words word(0..n-1) (upper case) contain a discard phrase; *story_level is
// set when one of the phrases found discards the whole story.
template <typename WordAt>
bool FindDiscard(const CompiledDictionary& dict, size_t n, WordAt word, bool* story_level) {
  *story_level = false;
  bool found = false;
  for (size_t k = 0; k < n; ++k) {
    // Most words start no discard phrase: a bit test rules them out before any hashing.
    if (!dict.MayStartDiscard(word(k))) continue;
    const auto* cands = dict.DiscardsStartingWith(word(k));
    if (!cands) continue;
    for (const auto& ref : *cands) {
      const auto& ph = *ref.words;
      if (k + ph.size() > n) continue;
      bool ok = true;
      for (size_t j = 1; j < ph.size() && ok; ++j) ok = word(k + j) == ph[j];
      if (!ok) continue;
      found = true;
      if (dict.dict().discards[ref.owner].story_level) *story_level = true;
    }
  }
  return found;
}

}  // namespace

bool Coder::IsDiscarded(const std::vector<std::string>& words, bool* story_level) const {
  return FindDiscard(
      *dict_, words.size(), [&](size_t k) -> const std::string& { return words[k]; }, story_level);
}

bool Coder::IsDiscarded(const ParseTree& tree, bool* story_level) const {
  return FindDiscard(
      *dict_, tree.words.size(), [&](size_t k) -> const std::string& { return tree.words[k].norm; },
      story_level);
}

bool Coder::IsDiscarded(const Sentence& sentence, bool* story_level) const {
  return FindDiscard(
      *dict_, sentence.tokens.size(),
      [&](size_t k) -> const std::string& { return sentence.tokens[k].norm; }, story_level);
}

#undef Trace

}  // namespace eventcoder
