#include "dict/dict_reader.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "dict/inflect.h"
#include "text/fold.h"

namespace eventcoder::dict {
namespace {

// ---------------------------------------------------------------------------------------
// Small string helpers (ASCII only; other bytes pass through).

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Upper case, with accented Latin letters folded as the tokenizer folds them.
std::string Upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (std::string_view f = FoldLatinLetter(s, i); !f.empty()) {
      out.append(f);
      i += 2;
      continue;
    }
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    ++i;
  }
  return out;
}

bool HasSpace(std::string_view s) {
  for (char c : s) {
    if (IsSpace(c)) return true;
  }
  return false;
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Reporting malformed lines.

class Reporter {
 public:
  Reporter(const std::string& file, std::vector<std::string>* warnings)
      : file_(file), warnings_(warnings) {}

  // A malformed line that is skipped. Returns false once reading must stop (strict mode).
  bool Bad(int line, std::string_view what, std::string_view excerpt) {
    std::string msg = Message(line, what, excerpt);
    if (warnings_ != nullptr) {
      warnings_->push_back(std::move(msg));
      return true;
    }
    if (status_.ok()) status_ = Status::InvalidArgument(std::move(msg));
    return false;
  }
  // Something odd that was still used: a warning in both modes, never an error.
  void Note(int line, std::string_view what, std::string_view excerpt) {
    if (warnings_ != nullptr) warnings_->push_back(Message(line, what, excerpt));
  }
  bool stopped() const { return !status_.ok(); }
  const Status& status() const { return status_; }

 private:
  std::string Message(int line, std::string_view what, std::string_view excerpt) const {
    return FormatError(Location{file_, static_cast<size_t>(line > 0 ? line : 0), ""}, what,
                       excerpt);
  }
  const std::string& file_;
  std::vector<std::string>* warnings_;
  Status status_;
};

// ---------------------------------------------------------------------------------------
// Lines with comments removed.

struct Line {
  int number = 0;
  std::string_view raw;  // the source line, without its line end
  std::string text;      // comments removed and trimmed; never empty
  // Non-empty when the line is over kMaxLineBytes or kMaxLineWords: the reader reports it
  // with this message and skips it (and, for a header, what belongs to it).
  std::string limit_error;
};

// Words of a line for kMaxLineWords: pieces between blanks, '_' and group brackets.
size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool sep = IsSpace(c) || c == '_' || c == '[' || c == ']' || c == '{' || c == '}';
    if (!sep && !in_word) ++n;
    in_word = !sep;
  }
  return n;
}

class LineSource {
 public:
  explicit LineSource(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  // The next line that is not blank after comment removal; false at the end.
  bool Next(Line* out) {
    while (pos_ < text_.size()) {
      size_t end = text_.find('\n', pos_);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view raw = text_.substr(pos_, end - pos_);
      pos_ = end + 1;
      ++line_no_;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      std::string clean = StripComments(raw);
      if (clean.empty()) continue;
      out->number = line_no_;
      out->raw = raw;
      out->limit_error.clear();
      if (clean.size() > kMaxLineBytes) {
        out->limit_error = "line of " + std::to_string(clean.size()) + " bytes is over the " +
                           std::to_string(kMaxLineBytes) + "-byte dictionary line limit";
      } else if (size_t words = CountWords(clean); words > kMaxLineWords) {
        out->limit_error = "line of " + std::to_string(words) + " words is over the " +
                           std::to_string(kMaxLineWords) + "-word dictionary line limit";
      }
      out->text = std::move(clean);
      return true;
    }
    return false;
  }

  // Where an unterminated "<!--" began (0 if none), and that line.
  int unterminated_comment_line() const { return in_comment_ ? comment_line_ : 0; }
  std::string_view unterminated_comment_raw() const { return comment_raw_; }

 private:
  std::string StripComments(std::string_view raw) {
    std::string_view rest = raw;
    if (in_comment_) {
      size_t close = rest.find("-->");
      if (close == std::string_view::npos) return "";
      in_comment_ = false;
      rest.remove_prefix(close + 3);
    } else {
      std::string_view t = Trim(rest);
      // "<! -- x -->" and other "<!" lines that do not open a "<!--" comment.
      if (t.substr(0, 2) == "<!" && t.substr(0, 4) != "<!--") return "";
    }
    std::string kept;
    while (true) {
      size_t open = rest.find("<!--");
      if (open == std::string_view::npos) {
        kept.append(rest);
        break;
      }
      kept.append(rest.substr(0, open));
      size_t close = rest.find("-->", open + 4);
      if (close == std::string_view::npos) {
        in_comment_ = true;
        comment_line_ = line_no_;
        comment_raw_ = raw;
        break;
      }
      rest.remove_prefix(close + 3);
    }
    // '#' starts a comment unless inside [...].
    int depth = 0;
    for (size_t i = 0; i < kept.size(); ++i) {
      char c = kept[i];
      if (c == '[') {
        ++depth;
      } else if (c == ']') {
        if (depth > 0) --depth;
      } else if (c == '#' && depth == 0) {
        kept.resize(i);
        break;
      }
    }
    return std::string(Trim(kept));
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_no_ = 0;
  bool in_comment_ = false;
  int comment_line_ = 0;
  std::string_view comment_raw_;
};

void CheckEnd(const LineSource& src, Reporter* rep) {
  if (!rep->stopped() && src.unterminated_comment_line() > 0) {
    rep->Bad(src.unterminated_comment_line(), "unterminated <!-- comment runs to the end of file",
             src.unterminated_comment_raw());
  }
}

// ---------------------------------------------------------------------------------------
// [...] and {...} groups of a line.

struct Groups {
  std::string outside;                // text outside all groups; each group becomes ' '
  std::vector<std::string> brackets;  // contents of [...], trimmed, in order
  std::vector<std::string> braces;    // contents of {...}, trimmed, in order
  bool text_after_bracket = false;    // non-blank text outside groups after a [...]
  std::string error;                  // non-empty when brackets do not balance
};

Groups ScanGroups(std::string_view s) {
  Groups g;
  char open = 0;
  bool seen_bracket = false;
  std::string cur;
  for (char c : s) {
    if (open != 0) {
      const char close = open == '[' ? ']' : '}';
      if (c == close) {
        (open == '[' ? g.brackets : g.braces).push_back(std::string(Trim(cur)));
        if (open == '[') seen_bracket = true;
        open = 0;
        cur.clear();
        g.outside += ' ';
      } else if (c == '[' || c == '{' || c == ']' || c == '}') {
        g.error = open == '['
                      ? "unbalanced [ ]: unexpected '" + std::string(1, c) + "' inside [...]"
                      : "unbalanced { }: unexpected '" + std::string(1, c) + "' inside {...}";
        return g;
      } else {
        cur += c;
      }
    } else if (c == '[' || c == '{') {
      open = c;
    } else if (c == ']') {
      g.error = "unbalanced [ ]: ']' without '['";
      return g;
    } else if (c == '}') {
      g.error = "unbalanced { }: '}' without '{'";
      return g;
    } else {
      if (seen_bracket && !IsSpace(c)) g.text_after_bracket = true;
      g.outside += c;
    }
  }
  if (open == '[') g.error = "unbalanced [ ]: '[' without ']'";
  if (open == '{') g.error = "unbalanced { }: '{' without '}'";
  return g;
}

// "013" or "013:012" -> code, paired.
bool ParseEventCode(std::string_view content, std::string* code, std::string* paired,
                    std::string* error) {
  content = Trim(content);
  size_t colon = content.find(':');
  std::string_view a = Trim(content.substr(0, colon));
  std::string_view b =
      colon == std::string_view::npos ? std::string_view() : Trim(content.substr(colon + 1));
  if (a.empty() || (colon != std::string_view::npos && b.empty()) || HasSpace(a) || HasSpace(b) ||
      b.find(':') != std::string_view::npos) {
    *error = content.empty() ? "empty [code]" : "malformed [code]";
    return false;
  }
  *code = std::string(a);
  *paired = std::string(b);
  return true;
}

// ---------------------------------------------------------------------------------------
// Dates.

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// yyyymmdd of the day `delta` days (+1 or -1) away.
int AddOneDay(int ymd, int delta) {
  int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  d += delta;
  if (d < 1) {
    if (--m < 1) {
      m = 12;
      --y;
    }
    d = DaysInMonth(y, m);
  } else if (d > DaysInMonth(y, m)) {
    d = 1;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return y * 10000 + m * 100 + d;
}

// YYYYMMDD or YYMMDD (19YY) -> yyyymmdd; false unless a valid calendar date.
bool ParseDate(std::string_view s, int* ymd) {
  if (s.size() != 6 && s.size() != 8) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int y, m, d;
  if (s.size() == 6) {
    y = 1900 + num(0, 2);
    m = num(2, 2);
    d = num(4, 2);
  } else {
    y = num(0, 4);
    m = num(4, 2);
    d = num(6, 2);
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return false;
  *ymd = y * 10000 + m * 100 + d;
  return true;
}

// "HOB", "HOB < 950601", "HOBGOV 19950601 - 19990815", "X >990816".
bool ParseDatedCode(std::string_view content, DatedCode* out, std::string* error) {
  content = Trim(content);
  size_t i = 0;
  while (i < content.size() && !IsSpace(content[i]) && content[i] != '<' && content[i] != '>') {
    ++i;
  }
  std::string_view code = content.substr(0, i);
  std::string_view rest = Trim(content.substr(i));
  if (code.empty()) {
    *error = content.empty() ? "empty [code]" : "date restriction without a code";
    return false;
  }
  for (size_t j = 1; j + 1 < code.size(); ++j) {
    if (code[j] == '-' && IsDigit(code[j - 1]) && IsDigit(code[j + 1])) {
      *error = "bad date restriction: dates must follow the code after a space";
      return false;
    }
  }
  out->code = std::string(code);
  out->from = out->to = 0;
  out->restricted = false;
  if (rest.empty()) return true;
  out->restricted = true;
  if (rest[0] == '<' || rest[0] == '>') {
    int date = 0;
    if (!ParseDate(Trim(rest.substr(1)), &date)) {
      *error = "bad date restriction: expected <YYMMDD, <YYYYMMDD, >... or DATE - DATE";
      return false;
    }
    if (rest[0] == '<') {
      out->to = AddOneDay(date, -1);
    } else {
      out->from = AddOneDay(date, +1);
    }
    return true;
  }
  size_t dash = rest.find('-');
  int from = 0, to = 0;
  if (dash == std::string_view::npos || !ParseDate(Trim(rest.substr(0, dash)), &from) ||
      !ParseDate(Trim(rest.substr(dash + 1)), &to)) {
    *error = "bad date restriction: expected <YYMMDD, <YYYYMMDD, >... or DATE - DATE";
    return false;
  }
  if (to < from) {
    *error = "bad date restriction: interval ends before it starts";
    return false;
  }
  out->from = from;
  out->to = to;
  return true;
}

// ---------------------------------------------------------------------------------------
// Verbs.

// "KLM_NOP_+RST" -> {KLM,NOP,RST}, head 2, marked.
bool ParseVerbPhrase(std::string_view text, std::vector<std::string>* words, size_t* head,
                     bool* marked, std::string* error) {
  words->clear();
  *head = 0;
  *marked = false;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (IsSpace(text[i]) || text[i] == '_')) ++i;
    size_t j = i;
    while (j < text.size() && !IsSpace(text[j]) && text[j] != '_') ++j;
    if (j == i) break;
    std::string_view piece = text.substr(i, j - i);
    i = j;
    if (piece[0] == '+') {
      if (*marked || (piece.size() > 1 && piece[1] == '+')) {
        *error = "more than one '+' head marker in a verb";
        return false;
      }
      piece.remove_prefix(1);
      if (piece.empty()) {
        *error = "'+' head marker without a word";
        return false;
      }
      *marked = true;
      *head = words->size();
    }
    if (piece[0] == '&') {
      *error = "synset reference outside a synset";
      return false;
    }
    words->push_back(Upper(piece));
  }
  if (words->empty()) {
    *error = "empty verb";
    return false;
  }
  return true;
}

struct RawToken {
  std::string text;
  bool joined_next = false;
};

// Splits a pattern on blanks and '_', with '*' always a token of its own. Two tokens are
// joined when only '_' (or nothing) separates them.
std::vector<RawToken> TokenizePattern(std::string_view s) {
  std::vector<RawToken> out;
  std::string cur;
  bool sep_space = false;
  auto push = [&](std::string text) {
    if (!out.empty()) out.back().joined_next = !sep_space;
    out.push_back(RawToken{std::move(text), false});
    sep_space = false;
  };
  auto flush = [&] {
    if (!cur.empty()) push(std::move(cur));
    cur.clear();
  };
  for (char c : s) {
    if (IsSpace(c)) {
      flush();
      sep_space = true;
    } else if (c == '_') {
      flush();
    } else if (c == '*') {
      flush();
      push("*");
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

// Nested synsets can multiply: a chain of n synsets holds n*n/2 phrases once expanded.
constexpr size_t kMaxSynsetPhrases = 1'000'000;

struct SynsetItem {
  bool is_ref = false;
  std::vector<std::string> words;
  std::string ref;
  int line = 0;
  std::string raw;
};

struct RawSynset {
  std::string name;
  Origin origin;
  std::vector<SynsetItem> items;
};

class VerbReader {
 public:
  VerbReader(const std::string& file, Dictionary* d, Reporter* rep)
      : file_(file), d_(d), rep_(rep), first_block_(d->verbs.size()) {}

  void Add(const Line& line) {
    const std::string& s = line.text;
    if (!line.limit_error.empty()) {
      // A header over the limit takes its block's or synset's lines with it.
      if (s.compare(0, 3, "---") == 0) {
        block_ = -1;
        dead_block_ = true;
        cur_synset_ = kNoSynset;
      } else if (s[0] == '&') {
        cur_synset_ = kBadSynset;
      }
      rep_->Bad(line.number, line.limit_error, line.raw);
      return;
    }
    if (s.compare(0, 3, "---") == 0) {
      cur_synset_ = kNoSynset;
      Header(line);
    } else if (s[0] == '-') {
      cur_synset_ = kNoSynset;
      PatternLine(line);
    } else if (s[0] == '&') {
      SynsetHeader(line);
    } else if (s[0] == '+' && cur_synset_ != kNoSynset) {
      Member(line);
    } else {
      cur_synset_ = kNoSynset;
      VerbLine(line);
    }
  }

  void Finish() {
    ExpandSynsets();
    if (!rep_->stopped()) CheckPatternSynsets();
  }

 private:
  Origin At(const Line& line) const { return Origin{file_, line.number}; }

  void Header(const Line& line) {
    block_ = -1;
    dead_block_ = true;  // until the header proves good
    block_forms_.clear();
    std::string_view inner = line.text;
    while (!inner.empty() && inner.front() == '-') inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == '-') inner.remove_suffix(1);
    Groups g = ScanGroups(inner);
    if (!g.error.empty()) {
      rep_->Bad(line.number, g.error, line.raw);
      return;
    }
    std::vector<std::string> name = SplitPhrase(g.outside);
    if (name.empty() || g.text_after_bracket) {
      rep_->Bad(line.number,
                name.empty() ? "verb block header without a name"
                             : "text after the [code] of a verb block header",
                line.raw);
      return;
    }
    VerbBlock b;
    b.name = Join(name);
    b.code = "---";
    if (!g.brackets.empty()) {
      std::string error;
      if (!ParseEventCode(g.brackets[0], &b.code, &b.paired, &error)) {
        rep_->Bad(line.number, error, line.raw);
        return;
      }
      if (g.brackets.size() > 1) {
        rep_->Note(line.number, "verb block header has more than one [code]; the first is used",
                   line.raw);
      }
    }
    if (!g.braces.empty()) {
      rep_->Note(line.number, "{...} in a verb block header ignored", line.raw);
    }
    b.origin = At(line);
    d_->verbs.push_back(std::move(b));
    block_ = static_cast<long>(d_->verbs.size()) - 1;
    dead_block_ = false;
  }

  bool InBlock(const Line& line) {
    if (dead_block_) return false;  // header was malformed and reported
    if (block_ < 0) {
      rep_->Bad(line.number, "line before any '--- NAME [code] ---' verb block", line.raw);
      return false;
    }
    return true;
  }

  void AddForm(VerbForm f) {
    if (!block_forms_.insert(Join(f.words)).second) return;
    d_->verbs[block_].forms.push_back(std::move(f));
  }

  void VerbLine(const Line& line) {
    if (!InBlock(line)) return;
    Groups g = ScanGroups(line.text);
    std::string error;
    if (!g.error.empty())
      error = g.error;
    else if (g.braces.size() > 1)
      error = "verb line with more than one {forms} group";
    else if (g.brackets.size() > 1)
      error = "verb line with more than one [code]";
    else if (g.text_after_bracket)
      error = "text after the [code] of a verb line";
    VerbForm base;
    bool marked = false;
    if (error.empty() && !g.brackets.empty()) {
      ParseEventCode(g.brackets[0], &base.code, &base.paired, &error);
    }
    if (error.empty()) ParseVerbPhrase(g.outside, &base.words, &base.head, &marked, &error);
    if (!error.empty()) {
      rep_->Bad(line.number, error, line.raw);
      return;
    }
    base.origin = At(line);
    const std::vector<std::string> base_words = base.words;
    const size_t base_head = base.head;
    const std::string code = base.code, paired = base.paired;
    AddForm(std::move(base));
    if (!g.braces.empty()) {
      for (std::string_view item : SplitSpaces(g.braces[0])) {
        VerbForm f;
        bool item_marked = false;
        if (!ParseVerbPhrase(item, &f.words, &f.head, &item_marked, &error)) {
          if (!rep_->Bad(line.number, error, line.raw)) return;
          continue;
        }
        if (!item_marked && f.words.size() == base_words.size()) f.head = base_head;
        f.code = code;
        f.paired = paired;
        f.origin = At(line);
        AddForm(std::move(f));
      }
    }
    for (std::vector<std::string>& words : InflectVerbPhrase(base_words, base_head)) {
      VerbForm f;
      f.words = std::move(words);
      f.head = base_head;
      f.code = code;
      f.paired = paired;
      f.generated = true;
      f.origin = At(line);
      AddForm(std::move(f));
    }
  }

  void PatternLine(const Line& line) {
    if (!InBlock(line)) return;
    Groups g = ScanGroups(std::string_view(line.text).substr(1));
    std::string error;
    if (!g.error.empty())
      error = g.error;
    else if (!g.braces.empty())
      error = "TABARI {...} alternatives in patterns are not supported";
    else if (g.brackets.empty())
      error = "pattern without a [code]";
    else if (g.brackets.size() > 1)
      error = "pattern with more than one [code]";
    else if (g.text_after_bracket)
      error = "text after the [code] of a pattern";
    Pattern p;
    if (error.empty()) ParseEventCode(g.brackets[0], &p.code, &p.paired, &error);
    std::vector<RawToken> tokens;
    size_t star = 0;
    if (error.empty()) {
      tokens = TokenizePattern(g.outside);
      int stars = 0;
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].text == "*") {
          ++stars;
          star = i;
        }
      }
      if (stars != 1) error = stars == 0 ? "pattern without '*'" : "pattern with more than one '*'";
      if (error.empty() && tokens.size() - 1 > kMaxPatternTokens) {
        error = "pattern of " + std::to_string(tokens.size() - 1) + " tokens is over the " +
                std::to_string(kMaxPatternTokens) + "-token limit";
      }
    }
    if (error.empty()) {
      for (size_t i = 0; i < tokens.size() && error.empty(); ++i) {
        if (i == star) continue;
        PatternToken t;
        const std::string& w = tokens[i].text;
        t.joined = tokens[i].joined_next;
        if (w == "$") {
          t.kind = PatternToken::kSource;
        } else if (w == "+") {
          t.kind = PatternToken::kTarget;
        } else if (w == "%") {
          t.kind = PatternToken::kCompound;
        } else if (w == "^") {
          t.kind = PatternToken::kSkipNoun;
        } else if (w[0] == '&') {
          if (w.size() == 1) error = "'&' without a synset name in pattern";
          t.kind = PatternToken::kSynset;
          t.text = Upper(w);
        } else {
          t.kind = PatternToken::kWord;
          t.text = Upper(w);
        }
        (i < star ? p.before : p.after).push_back(std::move(t));
      }
    }
    if (!error.empty()) {
      rep_->Bad(line.number, error, line.raw);
      return;
    }
    if (!p.before.empty()) {
      p.verb_joined_before = p.before.back().joined;
      p.before.back().joined = false;
    }
    if (!p.after.empty()) {
      p.verb_joined_after = tokens[star].joined_next;
      p.after.back().joined = false;
    }
    p.text = line.text;
    p.origin = At(line);
    d_->verbs[block_].patterns.push_back(std::move(p));
  }

  void SynsetHeader(const Line& line) {
    cur_synset_ = kNoSynset;
    std::vector<std::string_view> parts = SplitSpaces(std::string_view(line.text).substr(1));
    std::string_view name = parts.empty() ? std::string_view() : parts[0];
    bool no_plural = false;
    while (!name.empty() && name.back() == '_') {
      name.remove_suffix(1);
      no_plural = true;
    }
    bool ok = !name.empty();
    for (char c : name) {
      if (!(IsDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
            c == '-')) {
        ok = false;
      }
    }
    if (!ok || parts.size() > 1) {
      rep_->Bad(line.number, "malformed synset name (expected &NAME)", line.raw);
      cur_synset_ = kBadSynset;  // its members are skipped silently
      return;
    }
    synset_no_plural_ = no_plural;
    std::string key = "&" + Upper(name);
    auto it = raw_index_.find(key);
    if (it != raw_index_.end()) {
      rep_->Note(line.number, "synset " + key + " defined again; members are added", line.raw);
      cur_synset_ = static_cast<long>(it->second);
      return;
    }
    if (d_->synsets.count(key) != 0) {
      rep_->Note(line.number,
                 "synset " + key + " already defined by an earlier file; members are added",
                 line.raw);
    }
    raw_index_.emplace(key, raw_.size());
    raw_.push_back(RawSynset{key, At(line), {}});
    cur_synset_ = static_cast<long>(raw_.size()) - 1;
  }

  void Member(const Line& line) {
    if (cur_synset_ < 0) return;  // members of a malformed synset header
    std::string_view body = Trim(std::string_view(line.text).substr(1));
    std::string error;
    SynsetItem item;
    item.line = line.number;
    item.raw = std::string(line.raw);
    if (body.empty()) {
      error = "empty synset member";
    } else if (body.find_first_of("[]{}") != std::string_view::npos) {
      error = "brackets in a synset member";
    } else if (body[0] == '&') {
      std::string_view ref = body;
      while (!ref.empty() && ref.back() == '_') ref.remove_suffix(1);
      if (HasSpace(ref) || ref.size() < 2) {
        error = "a synset reference must stand alone on its member line";
      } else {
        item.is_ref = true;
        item.ref = Upper(ref);
      }
    } else {
      item.words = SplitPhrase(body);
      for (const std::string& w : item.words) {
        if (w[0] == '&') error = "synset reference inside a multi-word member is not supported";
      }
      if (item.words.empty()) error = "empty synset member";
    }
    if (!error.empty()) {
      rep_->Bad(line.number, error, line.raw);
      return;
    }
    RawSynset& syn = raw_[cur_synset_];
    if (item.is_ref) {
      syn.items.push_back(std::move(item));
      return;
    }
    std::vector<std::vector<std::string>> plurals;
    if (!synset_no_plural_ && body.back() != '_') plurals = PluralPhrases(item.words);
    syn.items.push_back(item);
    for (std::vector<std::string>& p : plurals) {
      SynsetItem pi = item;
      pi.words = std::move(p);
      syn.items.push_back(std::move(pi));
    }
  }

  // Resolves "+&OTHER" members transitively, without recursion; cycles are cut by the
  // visited set. Unknown references are reported on the synset that makes them.
  void ExpandSynsets() {
    std::vector<Synset> done;
    size_t total = 0;  // phrases stored so far, against kMaxSynsetPhrases
    bool over_budget = false;
    // Once the budget is spent, later synsets are left out: walking them would cost time
    // without adding anything.
    for (size_t top = 0; top < raw_.size() && !rep_->stopped() && !over_budget; ++top) {
      Synset out;
      out.name = raw_[top].name;
      out.origin = raw_[top].origin;
      std::unordered_set<std::string> seen;
      auto add = [&](const std::vector<std::string>& words) {
        if (total >= kMaxSynsetPhrases) {
          if (!over_budget) {
            over_budget = true;
            rep_->Bad(raw_[top].origin.line,
                      "synsets expand to more than " + std::to_string(kMaxSynsetPhrases) +
                          " phrases; " + out.name + " and later synsets are truncated",
                      out.name);
          }
          return;
        }
        if (seen.insert(Join(words)).second) {
          out.phrases.push_back(words);
          ++total;
        }
      };
      if (auto it = d_->synsets.find(out.name); it != d_->synsets.end()) {
        for (const auto& p : it->second.phrases) add(p);
      }
      std::unordered_set<std::string> visited = {out.name};
      std::vector<std::pair<size_t, size_t>> stack = {{top, 0}};
      while (!stack.empty() && !rep_->stopped() && !over_budget) {
        const size_t ri = stack.back().first;
        const size_t pos = stack.back().second;
        if (pos >= raw_[ri].items.size()) {
          stack.pop_back();
          continue;
        }
        ++stack.back().second;
        const SynsetItem& item = raw_[ri].items[pos];
        if (!item.is_ref) {
          add(item.words);
          continue;
        }
        if (!visited.insert(item.ref).second) continue;
        if (stack.size() >= kMaxSynsetNesting && raw_index_.count(item.ref) != 0) {
          // Reported once per file, at the first reference that goes too deep.
          if (!nesting_reported_) {
            nesting_reported_ = true;
            if (!rep_->Bad(item.line,
                           "synset " + item.ref + " in " + out.name + " nests deeper than " +
                               std::to_string(kMaxSynsetNesting) + " levels; not expanded",
                           item.raw)) {
              return;
            }
          }
          continue;
        }
        if (auto it = raw_index_.find(item.ref); it != raw_index_.end()) {
          stack.push_back({it->second, 0});
        } else if (auto it2 = d_->synsets.find(item.ref); it2 != d_->synsets.end()) {
          for (const auto& p : it2->second.phrases) add(p);
        } else if (ri == top) {
          if (!rep_->Bad(item.line, "unknown synset " + item.ref + " in synset " + out.name,
                         item.raw)) {
            return;
          }
        }
      }
      if (out.phrases.empty()) {
        rep_->Note(out.origin.line, "synset " + out.name + " has no members", out.name);
      }
      done.push_back(std::move(out));
    }
    for (Synset& s : done) {
      std::string key = s.name;
      d_->synsets[key] = std::move(s);
    }
  }

  void CheckPatternSynsets() {
    for (size_t b = first_block_; b < d_->verbs.size(); ++b) {
      std::vector<Pattern>& patterns = d_->verbs[b].patterns;
      std::vector<Pattern> kept;
      kept.reserve(patterns.size());
      for (Pattern& p : patterns) {
        std::string unknown;
        for (const auto* side : {&p.before, &p.after}) {
          for (const PatternToken& t : *side) {
            if (t.kind == PatternToken::kSynset && unknown.empty() &&
                d_->synsets.count(t.text) == 0) {
              unknown = t.text;
            }
          }
        }
        if (unknown.empty()) {
          kept.push_back(std::move(p));
        } else if (!rep_->Bad(p.origin.line, "unknown synset " + unknown + " in pattern", p.text)) {
          return;
        }
      }
      patterns = std::move(kept);
    }
  }

  const std::string& file_;
  Dictionary* d_;
  Reporter* rep_;
  const size_t first_block_;

  long block_ = -1;
  bool dead_block_ = false;
  std::unordered_set<std::string> block_forms_;

  static constexpr long kNoSynset = -1;   // not inside a synset: '+' starts a verb line
  static constexpr long kBadSynset = -2;  // inside a malformed synset: skip its members
  long cur_synset_ = kNoSynset;
  bool nesting_reported_ = false;
  bool synset_no_plural_ = false;
  std::vector<RawSynset> raw_;
  std::unordered_map<std::string, size_t> raw_index_;
};

// ---------------------------------------------------------------------------------------
// Agents.

constexpr size_t kMaxSubstitutions = 4096;
constexpr size_t kMaxSubstitutionBytes = size_t{4} << 20;

// Expands every !MARKER! of `phrase`. False (with *error) on an unknown or unterminated
// marker or too many combinations. Substituted values are never scanned for markers, so
// the work is bounded by the markers of `phrase` itself.
bool ExpandMarkers(const std::string& phrase,
                   const std::unordered_map<std::string, std::vector<std::string>>& sets,
                   std::vector<std::string>* out, std::string* error) {
  // Each work item: a partly expanded phrase and where its next marker may start.
  std::vector<std::pair<std::string, size_t>> work = {{phrase, 0}};
  size_t bytes = phrase.size();
  for (size_t i = 0; i < work.size(); ++i) {
    const std::string p = work[i].first;
    size_t a = p.find('!', work[i].second);
    if (a == std::string::npos) {
      out->push_back(p);
      continue;
    }
    size_t b = p.find('!', a + 1);
    if (b == std::string::npos) {
      *error = "unterminated substitution marker";
      return false;
    }
    std::string name = Upper(p.substr(a + 1, b - a - 1));
    auto it = sets.find(name);
    if (it == sets.end()) {
      *error = "undefined substitution marker !" + name + "!";
      return false;
    }
    for (const std::string& v : it->second) {
      bytes += p.size() + v.size();
      if (work.size() >= kMaxSubstitutions || bytes > kMaxSubstitutionBytes) {
        *error = "substitution markers expand to too many phrases";
        return false;
      }
      work.push_back({p.substr(0, a) + v + p.substr(b + 1), a + v.size()});
    }
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------

std::vector<std::string> SplitPhrase(std::string_view phrase) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && (IsSpace(phrase[i]) || phrase[i] == '_')) ++i;
    size_t j = i;
    while (j < phrase.size() && !IsSpace(phrase[j]) && phrase[j] != '_') ++j;
    if (j > i) out.push_back(Upper(phrase.substr(i, j - i)));
    i = j;
  }
  return out;
}

std::vector<bool> PhraseGaps(std::string_view phrase) {
  std::vector<bool> out;
  size_t i = 0;
  bool saw_space = false, saw_underscore = false;
  while (i < phrase.size()) {
    if (IsSpace(phrase[i]) || phrase[i] == '_') {
      saw_space |= IsSpace(phrase[i]);
      saw_underscore |= phrase[i] == '_';
      ++i;
      continue;
    }
    size_t j = i;
    while (j < phrase.size() && !IsSpace(phrase[j]) && phrase[j] != '_') ++j;
    out.push_back(!out.empty() && saw_space && !saw_underscore);
    saw_space = saw_underscore = false;
    i = j;
  }
  return out;
}

Status ReadActors(std::string_view text, const std::string& filename, Dictionary* d,
                  std::vector<std::string>* warnings) {
  if (d == nullptr) return Status::InvalidArgument("ReadActors: null dictionary");
  Reporter rep(filename, warnings);
  LineSource src(text);
  Line line;
  long cur = -1;          // index of the actor being read
  bool skipping = false;  // the current entry was malformed: skip its continuation lines
  while (!rep.stopped() && src.Next(&line)) {
    const std::string& s = line.text;
    if (s.find("---STOP---") != std::string::npos) break;
    const Origin origin{filename, line.number};
    if (!line.limit_error.empty()) {
      // An actor line over the limit takes its code and synonym lines with it.
      if (s[0] != '+' && s[0] != '[') {
        cur = -1;
        skipping = true;
      }
      rep.Bad(line.number, line.limit_error, line.raw);
      continue;
    }
    if (s[0] == '+') {
      if (skipping) continue;
      Groups g = ScanGroups(std::string_view(s).substr(1));
      std::vector<std::string> words = SplitPhrase(g.outside);
      if (cur < 0) {
        rep.Bad(line.number, "synonym before any actor", line.raw);
      } else if (!g.error.empty()) {
        rep.Bad(line.number, g.error, line.raw);
      } else if (!g.brackets.empty() || !g.braces.empty()) {
        rep.Bad(line.number, "[code] on a synonym line (synonyms share the actor's codes)",
                line.raw);
      } else if (words.empty()) {
        rep.Bad(line.number, "empty synonym", line.raw);
      } else {
        d->actors[cur].gaps.resize(d->actors[cur].names.size());
        d->actors[cur].gaps.push_back(PhraseGaps(Trim(g.outside)));
        d->actors[cur].names.push_back(std::move(words));
        d->actors[cur].name_lines.push_back(line.number);
      }
    } else if (s[0] == '[') {
      if (skipping) continue;
      Groups g = ScanGroups(s);
      if (cur < 0) {
        rep.Bad(line.number, "code line before any actor", line.raw);
        continue;
      }
      if (!g.error.empty() || !Trim(g.outside).empty() || !g.braces.empty()) {
        rep.Bad(line.number, g.error.empty() ? "text outside [...] on a code line" : g.error,
                line.raw);
        continue;
      }
      for (const std::string& b : g.brackets) {
        DatedCode c;
        std::string error;
        if (!ParseDatedCode(b, &c, &error)) {
          if (!rep.Bad(line.number, error, line.raw)) break;
          continue;
        }
        c.origin = origin;
        d->actors[cur].codes.push_back(std::move(c));
      }
    } else {
      cur = -1;
      skipping = true;
      Groups g = ScanGroups(s);
      std::string error = g.error;
      std::vector<std::string> words = SplitPhrase(g.outside);
      if (error.empty() && !g.braces.empty()) error = "{...} in an actor line";
      if (error.empty() && g.text_after_bracket) error = "text after the [code] of an actor";
      if (error.empty() && words.empty()) error = "actor without a name";
      Actor a;
      for (size_t i = 0; i < g.brackets.size() && error.empty(); ++i) {
        DatedCode c;
        if (ParseDatedCode(g.brackets[i], &c, &error)) {
          c.origin = origin;
          a.codes.push_back(std::move(c));
        }
      }
      if (!error.empty()) {
        rep.Bad(line.number, error, line.raw);
        continue;
      }
      a.gaps.push_back(PhraseGaps(Trim(g.outside)));
      a.names.push_back(std::move(words));
      a.name_lines.push_back(line.number);
      a.origin = origin;
      d->actors.push_back(std::move(a));
      cur = static_cast<long>(d->actors.size()) - 1;
      skipping = false;
    }
  }
  CheckEnd(src, &rep);
  return rep.status();
}

Status ReadAgents(std::string_view text, const std::string& filename, Dictionary* d,
                  std::vector<std::string>* warnings) {
  if (d == nullptr) return Status::InvalidArgument("ReadAgents: null dictionary");
  Reporter rep(filename, warnings);
  LineSource src(text);
  Line line;
  std::unordered_map<std::string, std::vector<std::string>> sets;
  while (!rep.stopped() && src.Next(&line)) {
    const std::string& s = line.text;
    const Origin origin{filename, line.number};
    if (!line.limit_error.empty()) {
      rep.Bad(line.number, line.limit_error, line.raw);
      continue;
    }
    // "!NAME! = A, B, C"
    size_t bang = s.find('!');
    size_t eq = s.find('=');
    if (bang != std::string::npos && eq != std::string::npos && bang < eq &&
        s.find('[') == std::string::npos) {
      size_t bang2 = s.find('!', bang + 1);
      std::string name =
          bang2 == std::string::npos ? "" : Upper(s.substr(bang + 1, bang2 - bang - 1));
      std::vector<std::string> values;
      if (bang == 0 && !name.empty() && bang2 < eq &&
          Trim(s.substr(bang2 + 1, eq - bang2 - 1)).empty()) {
        std::string_view list = std::string_view(s).substr(eq + 1);
        size_t start = 0;
        while (start <= list.size()) {
          size_t comma = list.find(',', start);
          if (comma == std::string_view::npos) comma = list.size();
          std::string_view v = Trim(list.substr(start, comma - start));
          if (!v.empty()) values.push_back(Upper(v));
          start = comma + 1;
        }
      }
      bool nested = false;
      for (const std::string& v : values) nested |= v.find('!') != std::string::npos;
      if (nested) {
        // A value holding a marker would expand again, and again: not supported.
        rep.Bad(line.number, "substitution value contains a '!' marker", line.raw);
        continue;
      }
      if (values.empty()) {
        rep.Bad(line.number, "malformed substitution set (expected !NAME! = A, B, ...)", line.raw);
      } else {
        sets[name] = std::move(values);
      }
      continue;
    }
    Groups g = ScanGroups(s);
    std::string error = g.error;
    if (error.empty() && g.brackets.empty()) error = "agent without a [code]";
    if (error.empty() && g.brackets.size() > 1) error = "agent with more than one [code]";
    if (error.empty() && g.braces.size() > 1) error = "agent with more than one {plural} group";
    if (error.empty() && g.text_after_bracket) error = "text after the [code] of an agent";
    Agent proto;
    if (error.empty()) {
      std::string_view c = Trim(g.brackets[0]);
      if (!c.empty() && c.front() == '~') {
        c.remove_prefix(1);
      } else if (!c.empty() && c.back() == '~') {
        c.remove_suffix(1);
        proto.prefix = true;
      } else {
        error = "agent code needs '~' before or after it";
      }
      c = Trim(c);
      if (error.empty() && (c.empty() || HasSpace(c) || c.find('~') != std::string_view::npos)) {
        error = "malformed agent code";
      }
      proto.code = std::string(c);
    }
    const std::string phrase(Trim(g.outside));
    std::vector<std::vector<std::string>> forms;
    if (error.empty() && phrase.find('!') != std::string::npos) {
      std::vector<std::string> expanded;
      if (!g.braces.empty()) {
        error = "{plural} cannot be combined with a substitution marker";
      } else if (ExpandMarkers(phrase, sets, &expanded, &error)) {
        for (const std::string& e : expanded) {
          std::vector<std::string> words = SplitPhrase(e);
          if (!words.empty()) forms.push_back(std::move(words));
        }
      }
    } else if (error.empty()) {
      std::vector<std::string> words = SplitPhrase(phrase);
      if (words.empty()) {
        error = "agent without a phrase";
      } else if (g.braces.empty()) {
        forms = PluralPhrases(words);
        forms.insert(forms.begin(), std::move(words));
      } else {
        forms.push_back(std::move(words));
        for (std::string_view item : SplitSpaces(g.braces[0])) {
          std::vector<std::string> plural = SplitPhrase(item);
          if (!plural.empty()) forms.push_back(std::move(plural));
        }
      }
    }
    if (!error.empty()) {
      rep.Bad(line.number, error, line.raw);
      continue;
    }
    std::unordered_set<std::string> seen;
    const std::vector<bool> gaps = PhraseGaps(phrase);
    for (std::vector<std::string>& words : forms) {
      if (!seen.insert(Join(words)).second) continue;
      Agent a = proto;
      a.words = std::move(words);
      if (gaps.size() == a.words.size()) a.gaps = gaps;
      a.origin = origin;
      d->agents.push_back(std::move(a));
    }
  }
  CheckEnd(src, &rep);
  return rep.status();
}

Status ReadVerbs(std::string_view text, const std::string& filename, Dictionary* d,
                 std::vector<std::string>* warnings) {
  if (d == nullptr) return Status::InvalidArgument("ReadVerbs: null dictionary");
  Reporter rep(filename, warnings);
  LineSource src(text);
  VerbReader reader(filename, d, &rep);
  Line line;
  while (!rep.stopped() && src.Next(&line)) reader.Add(line);
  CheckEnd(src, &rep);
  if (!rep.stopped()) reader.Finish();
  return rep.status();
}

Status ReadDiscards(std::string_view text, const std::string& filename, Dictionary* d,
                    std::vector<std::string>* warnings) {
  if (d == nullptr) return Status::InvalidArgument("ReadDiscards: null dictionary");
  Reporter rep(filename, warnings);
  LineSource src(text);
  Line line;
  while (!rep.stopped() && src.Next(&line)) {
    std::string_view s = line.text;
    if (!line.limit_error.empty()) {
      rep.Bad(line.number, line.limit_error, line.raw);
      continue;
    }
    Discard disc;
    if (s[0] == '+') {
      disc.story_level = true;
      s.remove_prefix(1);
    }
    disc.words = SplitPhrase(s);
    if (disc.words.empty()) {
      rep.Bad(line.number, "empty discard phrase", line.raw);
      continue;
    }
    disc.origin = Origin{filename, line.number};
    d->discards.push_back(std::move(disc));
  }
  CheckEnd(src, &rep);
  return rep.status();
}

namespace {

constexpr std::int64_t kMaxFileBytes = std::int64_t{1} << 30;

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    return Status::NotFound(FormatError(Location{path, 0, ""}, "cannot open dictionary file"));
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) {
    return Status::Internal(FormatError(Location{path, 0, ""}, "cannot read dictionary file"));
  }
  if (size > kMaxFileBytes) {
    return Status::ResourceExhausted(
        FormatError(Location{path, 0, ""}, "dictionary file larger than 1 GiB"));
  }
  in.seekg(0, std::ios::beg);
  out->resize(static_cast<size_t>(size));
  if (size > 0 && !in.read(out->data(), size)) {
    return Status::Internal(FormatError(Location{path, 0, ""}, "cannot read dictionary file"));
  }
  return Status::Ok();
}

using ReaderFn = Status (*)(std::string_view, const std::string&, Dictionary*,
                            std::vector<std::string>*);

Status LoadOne(const std::string& path, ReaderFn fn, Dictionary* d,
               std::vector<std::string>* warnings) {
  if (path.empty()) return Status::Ok();
  std::string text;
  EVENTCODER_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  return fn(text, path, d, warnings);
}

}  // namespace

DictionaryFiles DictionaryFilesInDir(const std::string& dir) {
  namespace fs = std::filesystem;
  DictionaryFiles files;
  std::error_code ec;
  if (fs::exists(dir + "/actors.txt", ec)) files.actors.push_back(dir + "/actors.txt");
  std::vector<std::string> more;
  for (fs::directory_iterator it(dir + "/actors", ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".txt") more.push_back(it->path().string());
  }
  std::sort(more.begin(), more.end());
  files.actors.insert(files.actors.end(), more.begin(), more.end());
  if (files.actors.empty()) files.actors.push_back(dir + "/actors.txt");
  files.agents = dir + "/agents.txt";
  files.verbs = dir + "/verbs.txt";
  files.discards = dir + "/discards.txt";
  return files;
}

StatusOr<Dictionary> LoadDictionaryFiles(const DictionaryFiles& files,
                                         std::vector<std::string>* warnings) {
  Dictionary d;
  EVENTCODER_RETURN_IF_ERROR(LoadOne(files.verbs, &ReadVerbs, &d, warnings));
  for (const std::string& path : files.actors) {
    EVENTCODER_RETURN_IF_ERROR(LoadOne(path, &ReadActors, &d, warnings));
  }
  EVENTCODER_RETURN_IF_ERROR(LoadOne(files.agents, &ReadAgents, &d, warnings));
  EVENTCODER_RETURN_IF_ERROR(LoadOne(files.discards, &ReadDiscards, &d, warnings));
  return d;
}

}  // namespace eventcoder::dict
