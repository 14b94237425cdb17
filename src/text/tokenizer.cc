#include "text/tokenizer.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/fold.h"
#include "text/splitter.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace eventcoder {
namespace {

struct Piece {
  size_t b, e;
};

// Byte flags for the scans: word separators (white space and '_'); the bytes without
// which SplitMiddle has nothing to split ('-' and the dashes, ',', the apostrophes ' and ’;
// the multi-byte ones start with 0xE2); and every byte any rule of SplitChunk looks at
// (leading and trailing punctuation too). A chunk without kPunct bytes is one token.
enum : unsigned char { kSep = 1, kMiddle = 2, kPunct = 4, kHigh = 8 };
constexpr auto kByteFlags = [] {
  std::array<unsigned char, 256> f{};
  for (int c : {' ', '\t', '\n', '\r', '\f', '\v', '_'}) f[static_cast<size_t>(c)] = kSep;
  for (int c : {int{'-'}, int{','}, int{'\''}, 0xE2}) f[static_cast<size_t>(c)] = kMiddle | kPunct;
  for (char c : std::string_view("\"([{`$;:?!)]}%.")) f[static_cast<unsigned char>(c)] = kPunct;
  for (int c = 0x80; c < 0x100; ++c) f[static_cast<size_t>(c)] |= kHigh;  // 0xE2 keeps its flags
  return f;
}();
// The closing marks that SplitChunk splits off the end of a chunk as one token whatever the
// word before them (when that word has no punctuation of its own): , ; : ? ! ) ] } %.
constexpr auto kPlainTrail = [] {
  std::array<bool, 256> f{};
  for (char c : std::string_view(",;:?!)]}%")) f[static_cast<unsigned char>(c)] = true;
  return f;
}();
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsWordByte(unsigned char c) { return IsAlpha(c) || IsDigit(c) || c >= 0x80; }

unsigned char At(std::string_view t, size_t i) { return static_cast<unsigned char>(t[i]); }

// 3-byte UTF-8 punctuation in the E2 80 xx block.
bool Is3(std::string_view t, size_t i, size_t e, unsigned char last) {
  return i + 3 <= e && At(t, i) == 0xE2 && At(t, i + 1) == 0x80 && At(t, i + 2) == last;
}
bool IsDash3(std::string_view t, size_t i, size_t e) {
  return Is3(t, i, e, 0x94) || Is3(t, i, e, 0x93);
}
bool IsApos3(std::string_view t, size_t i, size_t e) { return Is3(t, i, e, 0x99); }

// Length of an apostrophe (' or ’) at i, or 0.
size_t AposLen(std::string_view t, size_t i, size_t e) {
  if (i < e && t[i] == '\'') return 1;
  if (IsApos3(t, i, e)) return 3;
  return 0;
}

bool IEq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]) | 0x20;
    if (x != static_cast<unsigned char>(b[i])) return false;
  }
  return true;
}

// Splits clitics and inner dashes in a chunk with no leading/trailing punctuation left.
void SplitMiddle(std::string_view t, size_t b, size_t e, std::vector<Piece>* out) {
  // Most words contain none of the bytes the rules below look for: keep them whole.
  {
    size_t i = b;
    while (i < e && !(kByteFlags[At(t, i)] & kMiddle)) ++i;
    if (i == e) {
      out->push_back({b, e});
      return;
    }
  }
  // Inner "--" or em/en dash between words: split around it.
  for (size_t i = b; i < e; ++i) {
    size_t dl = 0;
    if (t[i] == '-' && i + 1 < e && t[i + 1] == '-') {
      dl = 2;
      while (i + dl < e && t[i + dl] == '-') ++dl;
    } else if (At(t, i) == 0xE2 && Is3(t, i, e, 0x94)) {
      dl = 3;
    }
    if (dl > 0 && i > b && i + dl < e) {
      SplitMiddle(t, b, i, out);  // bounded: left part has no dash before i
      out->push_back({i, i + dl});
      b = i + dl;
      i = b - 1;
      continue;
    }
  }
  if (b >= e) return;
  // A comma not inside a number: "a,b" -> a , b.
  for (size_t i = b + 1; i + 1 < e; ++i) {
    if (t[i] == ',' && !(IsDigit(At(t, i - 1)) && IsDigit(At(t, i + 1)))) {
      out->push_back({b, i});
      out->push_back({i, i + 1});
      b = i + 1;
    }
  }
  // Contraction n't / n’t.
  size_t len = e - b;
  if (len >= 4) {
    size_t ap3 = e >= 4 ? e - 4 : b;  // ’ is 3 bytes: n ’ t -> n at e-5
    if (t[e - 1] == 't' || t[e - 1] == 'T') {
      if (t[e - 2] == '\'' && (t[e - 3] == 'n' || t[e - 3] == 'N') && len > 3) {
        out->push_back({b, e - 3});
        out->push_back({e - 3, e});
        return;
      }
      if (len > 5 && IsApos3(t, ap3, e) && (t[e - 5] == 'n' || t[e - 5] == 'N')) {
        out->push_back({b, e - 5});
        out->push_back({e - 5, e});
        return;
      }
    }
  }
  // Clitics: 's 're 've 'll 'd 'm (with ' or ’), after at least one word character.
  for (size_t i = e; i > b + 1;) {
    --i;
    size_t al = AposLen(t, i, e);
    if (al == 0) continue;
    if (!IsWordByte(At(t, i - 1))) break;
    std::string_view rest = t.substr(i + al, e - i - al);
    if (IEq(rest, "s") || IEq(rest, "re") || IEq(rest, "ve") || IEq(rest, "ll") || IEq(rest, "d") ||
        IEq(rest, "m")) {
      out->push_back({b, i});
      out->push_back({i, e});
      return;
    }
    break;  // only the last apostrophe matters ("O'Brien's" splits at the last one)
  }
  out->push_back({b, e});
}

// Splits one white-space-delimited chunk [b, e) into spans appended to *out.
void SplitChunk(std::string_view t, size_t b, size_t e, bool last_chunk, std::vector<Piece>* out) {
  // Leading punctuation.
  while (b < e) {
    unsigned char c = At(t, b);
    if (c == '"' || c == '(' || c == '[' || c == '{' || c == '`') {
      size_t l = 1;
      if (c == '`' && b + 1 < e && t[b + 1] == '`') l = 2;
      out->push_back({b, b + l});
      b += l;
    } else if (c == '\'' && b + 1 < e && !(IEq(t.substr(b + 1, e - b - 1), "s"))) {
      if (b + 2 < e && IsDigit(At(t, b + 1)) && IsDigit(At(t, b + 2))) break;  // '90s
      out->push_back({b, b + 1});
      b += 1;
    } else if (Is3(t, b, e, 0x9C) || Is3(t, b, e, 0x98) || Is3(t, b, e, 0x9D)) {  // “ ‘ ”
      out->push_back({b, b + 3});
      b += 3;
    } else if (c == '-' && b + 1 < e && t[b + 1] == '-') {
      size_t l = 2;
      while (b + l < e && t[b + l] == '-') ++l;
      out->push_back({b, b + l});
      b += l;
    } else if (IsDash3(t, b, e)) {
      out->push_back({b, b + 3});
      b += 3;
    } else if (c == '$' && b + 1 < e) {
      out->push_back({b, b + 1});
      b += 1;
    } else {
      break;
    }
  }
  // Trailing punctuation, collected in reverse.
  Piece trail[32];
  size_t nt = 0;
  bool seen_final_period = false;
  while (e > b && nt + 2 < 32) {
    unsigned char c = At(t, e - 1);
    if (c == ',' || c == ';' || c == ':' || c == '?' || c == '!' || c == ')' || c == ']' ||
        c == '}' || c == '"' || c == '\'' || c == '%') {
      if (c == '\'' && e - b >= 2 && t[e - 2] == '\'') {  // ''
        trail[nt++] = {e - 2, e};
        e -= 2;
        continue;
      }
      trail[nt++] = {e - 1, e};
      e -= 1;
    } else if (e - b >= 3 && At(t, e - 3) == 0xE2 && At(t, e - 2) == 0x80 &&
               (c == 0x9D || c == 0x99 || c == 0x94 || c == 0x93)) {
      trail[nt++] = {e - 3, e};
      e -= 3;
    } else if (c == '-' && e - b >= 2 && t[e - 2] == '-') {
      size_t l = 2;
      while (e - l > b && t[e - l - 1] == '-') ++l;
      trail[nt++] = {e - l, e};
      e -= l;
    } else if (c == '.') {
      if (e - b >= 2 && t[e - 2] == '.') {  // ellipsis
        size_t l = 2;
        while (e - l > b && t[e - l - 1] == '.') ++l;
        trail[nt++] = {e - l, e};
        e -= l;
        continue;
      }
      std::string_view w = t.substr(b, e - 1 - b);
      bool keep =
          !w.empty() && (IsKnownAbbreviation(w) || (w.size() == 1 && IsUpper(At(w, 0))) ||
                         (w.find('.') != std::string_view::npos && IsAlpha(At(w, w.size() - 1))));
      if (!keep) {
        trail[nt++] = {e - 1, e};
        e -= 1;
        seen_final_period = true;
        continue;
      }
      // Abbreviation: keep the period; at the very end of a sentence add a "." too.
      if (last_chunk && nt == 0 && !seen_final_period) trail[nt++] = {e - 1, e};
      break;
    } else {
      break;
    }
  }
  if (e > b) SplitMiddle(t, b, e, out);
  while (nt > 0) out->push_back(trail[--nt]);
}

// A new token at the end of *tokens (rare: tokens are reused across sentences).
[[gnu::noinline]] Token& NewToken(std::vector<Token>& tokens) { return tokens.emplace_back(); }

// Upper-cases the ASCII letters of 8 bytes that are all ASCII (< 0x80): a byte gets bit 7
// set by +0x1F iff it is >= 'a' and by +0x05 iff it is > 'z' (no carries between bytes).
uint64_t UpperAscii8(uint64_t v) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const uint64_t ge_a = v + kOnes * (0x80 - 'a');
  const uint64_t gt_z = v + kOnes * (0x80 - 'z' - 1);
  const uint64_t lower = ge_a & ~gt_z & (kOnes * 0x80);
  return v ^ (lower >> 2);  // 0x80 >> 2 = 0x20, the case bit
}

#if defined(__SSE2__)
// A mask of the bytes of x in [lo, lo + width). SSE2 compares bytes as signed, so the
// unsigned test x - lo < width becomes (x - lo + 0x80) < (width - 0x80) signed.
inline __m128i InRange(__m128i x, unsigned char lo, int width) {
  return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo))),
                        _mm_set1_epi8(static_cast<char>(width - 0x80)));
}
// Bit k set iff byte k of x is an ASCII letter or digit. (x | 0x20 is in 'a'..'z' exactly for
// the letters of either case.)
inline unsigned AlnumMask(__m128i x) {
  const __m128i letter = InRange(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 26);
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, InRange(x, '0', 10))));
}
// x with its ASCII lower-case letters upper-cased (other bytes unchanged).
inline __m128i UpperAscii16(__m128i x) {
  return _mm_sub_epi8(x, _mm_and_si128(InRange(x, 'a', 26), _mm_set1_epi8(0x20)));
}
// Sets s to the first n < 16 bytes of v with one 16-byte store: every std::string has room
// for capacity() + 1 >= 16 bytes, and resize only moves the length (and the terminator,
// rewritten after the store, which may have put any byte there).
[[gnu::always_inline]] inline void Store16(std::string& s, __m128i v, size_t n) {
  // Growing by resize calls memset for the new bytes. The alternatives tried (a push_back
  // loop, append of a constant count, assign of 15 bytes then a shrink, erase/append by hand)
  // all measured more instructions with GCC 12.
  s.resize(n);
  char* d = s.data();
  _mm_storeu_si128(reinterpret_cast<__m128i*>(d), v);
  d[n] = '\0';
}
#endif

// Sets tok.text to the plain ASCII bytes [b, e) of t (no byte >= 0x80) and tok.norm to
// them upper-cased (their NormalizeToken form unless they are a run of dashes). A word of
// under 16 bytes that is not in the story's last 16 bytes is loaded, upper-cased and
// stored 16 bytes at a time (SSE2); otherwise the norm is upper-cased 8 bytes at a time in
// its own buffer (std::string keeps capacity() + 1 bytes).
[[gnu::always_inline]] inline void SetPlainWord(std::string_view t, size_t b, size_t e,
                                                Token& tok) {
  const size_t n = e - b;
#if defined(__SSE2__)
  if (n < 16 && b + 16 <= t.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + b));
    Store16(tok.text, v, n);
    Store16(tok.norm, UpperAscii16(v), n);
    return;
  }
#endif
  tok.text.assign(t.data() + b, n);
  tok.norm.assign(t.data() + b, n);
  char* norm = tok.norm.data();
  const size_t n8 = (n + 7) & ~size_t{7};
  if (n8 <= tok.norm.capacity() + 1) {
    for (size_t k = 0; k < n8; k += 8) {
      uint64_t v;
      std::memcpy(&v, norm + k, 8);                // fixed-size copies: one load, one store
      v = UpperAscii8(v & 0x7F7F7F7F7F7F7F7FULL);  // bytes past the end may be anything
      std::memcpy(norm + k, &v, 8);
    }
    norm[n] = '\0';  // the terminator, whatever the stores past the end wrote
    return;
  }
  for (size_t k = 0; k < n; ++k) {
    const char ch = norm[k];
    if (static_cast<unsigned>(ch - 'a') < 26u) norm[k] = static_cast<char>(ch - 32);
  }
}

}  // namespace

namespace {

// NormalizeToken into *n (cleared first), reusing its buffer.
void NormalizeInto(std::string_view t, std::string* n) {
  n->clear();
  const size_t e = t.size();
  // A token made only of dashes becomes "--".
  if (e > 1 && (t[0] == '-' || At(t, 0) == 0xE2)) {
    bool all_dash = true;
    for (size_t i = 0; i < e && all_dash;) {
      if (t[i] == '-') {
        ++i;
      } else if (IsDash3(t, i, e)) {
        i += 3;
      } else {
        all_dash = false;
      }
    }
    if (all_dash) {
      n->assign("--");
      return;
    }
  }
  // Fast path: plain ASCII only needs upper-casing, done in place on a copy.
  n->assign(t);
  unsigned char high = 0;
  for (char& ch : *n) {
    unsigned char c = static_cast<unsigned char>(ch);
    high |= c;
    ch = static_cast<char>(static_cast<unsigned>(c - 'a') < 26u ? c - 32 : c);
  }
  if (high < 0x80) return;
  n->clear();
  for (size_t i = 0; i < e;) {
    unsigned char c = At(t, i);
    if (c >= 'a' && c <= 'z') {
      n->push_back(static_cast<char>(c - 32));
      ++i;
    } else if (c == 0xE2 && i + 3 <= e && At(t, i + 1) == 0x80) {
      unsigned char d = At(t, i + 2);
      if (d == 0x98 || d == 0x99 || d == 0x9B || d == 0xB2) {
        n->push_back('\'');
      } else if (d == 0x9C || d == 0x9D || d == 0x9F || d == 0xB3) {
        n->push_back('"');
      } else if (d == 0x93 || d == 0x94 || d == 0x90 || d == 0x91 || d == 0x92) {
        n->push_back('-');
      } else {
        n->append(t.substr(i, 3));
      }
      i += 3;
    } else if (std::string_view f = FoldLatinLetter(t, i); !f.empty()) {
      n->append(f);  // "Erdoğan" -> ERDOGAN, as the dictionaries are read
      i += 2;
    } else {
      n->push_back(static_cast<char>(c));
      ++i;
    }
  }
}

}  // namespace

std::string NormalizeToken(std::string_view t) {
  std::string n;
  NormalizeInto(t, &n);
  return n;
}

void Tokenize(std::string_view t, Sentence* s) {
  size_t b = s->begin < t.size() ? s->begin : t.size();
  size_t e = s->end < t.size() ? s->end : t.size();
  if (e < b) e = b;
  // Scratch reused across calls on this thread: no allocation once it has grown.
  static thread_local std::vector<Piece> spans;
  // Tokens already in s->tokens (a Sentence reused by the caller) are overwritten in place
  // so that their strings keep their buffers; the surplus is dropped at the end.
  std::vector<Token>& tokens = s->tokens;
  tokens.reserve((e - b) / 4 + 4);  // about one token per 4+ bytes: no regrowth
  // The next token to overwrite and the end of those already there (NewToken is the only
  // thing that moves them).
  Token* next = tokens.data();
  Token* have = next + tokens.size();
  // The next token, with offsets set and tag cleared; text and norm still to be written.
  auto next_token = [&](size_t pb, size_t pe) -> Token& {
    if (next == have) {
      const size_t k = tokens.size();
      NewToken(tokens);
      next = tokens.data() + k;
      have = next + 1;
    }
    Token& tok = *next++;
    tok.begin = pb;
    tok.end = pe;
    tok.tag.clear();
    return tok;
  };
  size_t i = b;
  // '_' separates words like white space: "Dol_Amroth" -> "Dol" "Amroth" (PETRARCH-style
  // multi-word names written with underscores).
  auto is_sep = [&t](size_t x) { return (kByteFlags[At(t, x)] & kSep) != 0; };
  while (i < e) {
    while (i < e && is_sep(i)) ++i;
    if (i >= e) break;
#if defined(__SSE2__)
    // Most chunks are a word of letters and digits, perhaps followed by one mark ("Iran",
    // "talks," "said."): found with one 16-byte test and written without SplitChunk.
    if (i + 16 <= t.size()) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
      const unsigned alnum = AlnumMask(v);
      const size_t w = static_cast<size_t>(__builtin_ctz(~alnum));  // <= 16
      const size_t j = i + w < e ? i + w : e;
      if (j > i && j - i < 16) {
        if (j == e || is_sep(j)) {  // the whole chunk
          SetPlainWord(t, i, j, next_token(i, j));
          i = j < e ? j + 1 : j;  // past the separator too
          continue;
        }
        const unsigned char c = At(t, j);
        if ((j + 1 == e || is_sep(j + 1)) &&
            (kPlainTrail[c] ||
             (c == '.' && (j - i > 7 || !IsKnownAbbreviation(t.substr(i, j - i))) &&
              !(j - i == 1 && IsUpper(At(t, i)))))) {
          // A word and a closing mark, or a sentence-final period that does not belong to an
          // abbreviation or initial: SplitChunk would split off the mark alone.
          SetPlainWord(t, i, j, next_token(i, j));
          SetPlainWord(t, j, j + 1, next_token(j, j + 1));
          i = j + 1 < e ? j + 2 : j + 1;
          continue;
        }
        // Words joined by single hyphens or apostrophes ("al-Qaeda", "Iran's", "didn't"):
        // SplitChunk passes them to SplitMiddle, where only n't and the clitic after the last
        // apostrophe can split them.
        const unsigned dash =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('-'))));
        const unsigned apos =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\''))));
        const size_t w2 = static_cast<size_t>(__builtin_ctz(~(alnum | dash | apos)));
        const size_t j2 = i + w2 < e ? i + w2 : e;
        const size_t len = j2 - i;
        const unsigned in_chunk = (1u << len) - 1;
        if (len < 16 && (j2 == e || is_sep(j2)) && (alnum >> (len - 1) & 1) &&
            (dash & (dash >> 1) & in_chunk) == 0) {  // no "--"
          size_t cut = j2;                           // where a second token starts
          if (const unsigned ap = apos & in_chunk; ap != 0) {
            if (len >= 4 && (At(t, j2 - 1) | 0x20) == 't' && t[j2 - 2] == '\'' &&
                (At(t, j2 - 3) | 0x20) == 'n') {
              cut = j2 - 3;  // n't
            } else {
              const size_t a = i + 31 - static_cast<size_t>(__builtin_clz(ap));  // > i
              const std::string_view rest = t.substr(a + 1, j2 - a - 1);
              if ((alnum >> (a - 1 - i) & 1) &&
                  (IEq(rest, "s") || IEq(rest, "re") || IEq(rest, "ve") || IEq(rest, "ll") ||
                   IEq(rest, "d") || IEq(rest, "m"))) {
                cut = a;
              }
            }
          }
          SetPlainWord(t, i, cut, next_token(i, cut));
          if (cut < j2) SetPlainWord(t, cut, j2, next_token(cut, j2));
          i = j2 < e ? j2 + 1 : j2;
          continue;
        }
      }
    }
#endif
    size_t j = i;
    unsigned char flags = 0, head_flags = 0;  // of all bytes; of all but the last
    for (; j < e; ++j) {
      unsigned char f = kByteFlags[At(t, j)];
      if (f & kSep) break;
      head_flags = flags;
      flags |= f;
    }
    if (!(flags & (kPunct | kHigh))) {
      // A plain ASCII word: one token, its norm simply upper case.
      SetPlainWord(t, i, j, next_token(i, j));
      i = j;
      continue;
    }
    if (j - i >= 2 && !(head_flags & (kPunct | kHigh)) && kPlainTrail[At(t, j - 1)]) {
      // A plain word and one closing punctuation mark ("Iran," "talks)"): SplitChunk would
      // split off the mark and keep the rest whole.
      SetPlainWord(t, i, j - 1, next_token(i, j - 1));
      SetPlainWord(t, j - 1, j, next_token(j - 1, j));
      i = j;
      continue;
    }
    size_t k = j;
    while (k < e && is_sep(k)) ++k;
    spans.clear();
    SplitChunk(t, i, j, k >= e, &spans);
    for (const Piece& sp : spans) {
      if (sp.e <= sp.b) continue;
      Token& tok = next_token(sp.b, sp.e);
      const std::string_view piece = t.substr(sp.b, sp.e - sp.b);
      bool plain = !(piece.size() > 1 && piece[0] == '-');  // dashes normalise to "--"
      for (size_t x = 0; x < piece.size() && plain; ++x) plain = At(piece, x) < 0x80;
      if (plain) {
        SetPlainWord(t, sp.b, sp.e, tok);
      } else {
        tok.text.assign(piece);
        NormalizeInto(piece, &tok.norm);
      }
    }
    i = j;
  }
  tokens.resize(static_cast<size_t>(next - tokens.data()));
}

}  // namespace eventcoder
