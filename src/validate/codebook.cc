#include "validate/codebook.h"

#include <fstream>
#include <iomanip>
#include <map>
#include <memory>
#include <sstream>

#include "match/compiled_dictionary.h"
#include "pipeline/story_coder.h"
#include "text/splitter.h"
#include "text/tokenizer.h"

namespace eventcoder {

StatusOr<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text,
                                                         const std::string& name) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool any = false;  // the current row has content (a field or a separator)
  int line = 1, quote_line = 0;
  size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // UTF-8 BOM
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      quote_line = line;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (quoted)
    return Status::InvalidArgument(name + ":" + std::to_string(quote_line) +
                                   ": quoted field is never closed");
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string CleanCodebookExample(std::string_view example) {
  std::string s(example);
  size_t note = s.find("Note:");
  if (note != std::string::npos) s.resize(note);
  // UTF-8 punctuation read as Mac Roman and written back as UTF-8.
  static const std::pair<const char*, const char*> kMojibake[] = {
      {"\xE2\x80\x9A\xC3\x84\xC3\xB4", "\xE2\x80\x99"},  // ‚Äô -> ’
      {"\xE2\x80\x9A\xC3\x84\xC3\xB2", "\xE2\x80\x98"},  // ‚Äò -> ‘
      {"\xE2\x80\x9A\xC3\x84\xC3\xBA", "\xE2\x80\x9C"},  // ‚Äú -> “
      {"\xE2\x80\x9A\xC3\x84\xC3\xB9", "\xE2\x80\x9D"},  // ‚Äù -> ”
      {"\xE2\x80\x9A\xC3\x84\xC3\xAE", "\xE2\x80\x94"},  // ‚Äî -> —
      {"\xE2\x80\x9A\xC3\x84\xC3\xAC", "\xE2\x80\x93"},  // ‚Äì -> –
      {"\xE2\x80\x9A\xC3\x84\xC2\xB6", "\xE2\x80\xA6"},  // ‚Ä¶ -> …
      {"\xC2\xAC\xC2\xA3", "\xC2\xA3"},                  // ¬£ -> £
      {"\xC2\xAC\xE2\x88\x8F", " "},                     // ¬∏ (a stray byte) -> space
  };
  for (const auto& [bad, good] : kMojibake) {
    std::string b(bad), g(good);
    for (size_t p = s.find(b); p != std::string::npos; p = s.find(b, p + g.size()))
      s.replace(p, b.size(), g);
  }
  size_t a = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  s = a == std::string::npos ? std::string() : s.substr(a, e - a + 1);
  if (s == "NULL") s.clear();
  return s;
}

namespace {

// Upper-case tokens of `text`, as the dictionaries see them.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  for (Sentence& s : SplitSentences(text)) {
    Tokenize(text, &s);
    for (const Token& t : s.tokens) out.push_back(t.norm);
  }
  return out;
}

bool HasVerb(const CompiledDictionary& dict, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (const auto* v = dict.VerbsWithHead(w); v && !v->empty()) return true;
  return false;
}

// Phrases of `words` that are actors of the dictionary (contiguous matches, longest first).
int CountActors(const CompiledDictionary& dict, const std::vector<std::string>& words) {
  int n = 0;
  for (size_t i = 0; i < words.size();) {
    size_t len = 0;
    if (const auto* cands = dict.ActorsStartingWith(words[i])) {
      for (const auto& c : *cands) {
        const auto& pw = *c.words;
        if (i + pw.size() > words.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < pw.size() && ok; ++k) ok = words[i + k] == pw[k];
        if (ok) {
          len = pw.size();
          break;
        }
      }
    }
    if (len > 0) {
      ++n;
      i += len;
    } else {
      ++i;
    }
  }
  return n;
}

}  // namespace

StatusOr<CodebookReport> RunCodebook(const std::string& csv_path, const CodebookOptions& opts) {
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) return Status::NotFound(csv_path + ": cannot open");
  std::stringstream buf;
  buf << in.rdbuf();
  auto rows = ParseCsv(buf.str(), csv_path);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::InvalidArgument(csv_path + ": empty file");
  int code_col = -1, example_col = -1, name_col = -1;
  const auto& header = rows->front();
  for (size_t c = 0; c < header.size(); ++c) {
    if (header[c] == "code") code_col = static_cast<int>(c);
    if (header[c] == "example") example_col = static_cast<int>(c);
    if (header[c] == "name") name_col = static_cast<int>(c);
  }
  if (code_col < 0 || example_col < 0)
    return Status::InvalidArgument(csv_path + ": needs \"code\" and \"example\" columns");

  auto dict = dict::LoadDictionaryFiles(opts.dictionaries);
  if (!dict.ok()) return dict.status();
  auto compiled = std::make_shared<const CompiledDictionary>(std::move(*dict));
  PipelineOptions popts;
  popts.coder = opts.coder;
  popts.use_supplied_parse = false;
  StoryCoder coder(compiled, popts);

  CodebookReport report;
  for (size_t r = 1; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    if (static_cast<int>(row.size()) <= std::max(code_col, example_col)) continue;
    CodebookResult res;
    res.code = row[code_col];
    if (name_col >= 0 && name_col < static_cast<int>(row.size())) res.name = row[name_col];
    res.example = CleanCodebookExample(row[example_col]);
    if (res.example.empty() || res.code.empty()) continue;
    if (!opts.only_code.empty() && res.code != opts.only_code) continue;

    Story story;
    story.id = "codebook-" + res.code;
    story.date = opts.date;
    story.text = res.example;
    story.file = csv_path;
    StoryResult sr;
    Status st = coder.Code(story, &sr, opts.keep_trees);
    if (!sr.trees.empty()) res.tree = sr.trees.front();
    bool any_counted = false, any_uncoded_source = false;
    const std::string root = res.code.substr(0, 2);
    for (const auto& e : sr.events) {
      res.produced.emplace_back(e.source_code, e.target_code, e.cameo);
      if (e.source_code == "---" || e.source_code.empty()) {
        any_uncoded_source = true;
        continue;
      }
      any_counted = true;
      res.exact |= e.cameo == res.code;
      res.root |= e.cameo.compare(0, 2, root) == 0;
    }
    if (!res.exact) {
      std::vector<std::string> words = Words(res.example);
      if (any_counted)
        res.cause = "other code";
      else if (!HasVerb(*compiled, words))
        res.cause = "no verb";
      else if (any_uncoded_source || CountActors(*compiled, words) < 2)
        res.cause = "no actor";
      else
        res.cause = "no event";
      if (!st.ok()) res.cause = "no event";
    }
    report.examples++;
    report.exact += res.exact;
    report.root += res.root;
    report.results.push_back(std::move(res));
  }
  return report;
}

void CodebookReport::Print(std::ostream& out, bool verbose) const {
  std::map<std::string, std::vector<const CodebookResult*>> by_cause;
  for (const auto& r : results)
    if (!r.exact) by_cause[r.cause].push_back(&r);
  for (const auto& [cause, misses] : by_cause) {
    out << cause << ": " << misses.size() << "\n";
    if (verbose) {
      for (const auto* r : misses) {
        out << "  " << r->code << " " << r->name << (r->root ? " (root hit)" : "") << "\n";
        out << "    " << r->example << "\n    produced:";
        if (r->produced.empty()) out << " no events";
        for (const auto& [s, t, c] : r->produced) out << " (" << s << ", " << t << ", " << c << ")";
        out << "\n";
        if (!r->tree.empty()) out << "    tree: " << r->tree << "\n";
      }
    } else {
      out << " ";
      for (const auto* r : misses) out << " " << r->code << (r->root ? "*" : "");
      out << "\n";
    }
  }
  if (!verbose && !by_cause.empty()) out << "(* = root hit)\n";
  out << std::fixed << std::setprecision(1) << "codebook examples: " << examples << "; exact "
      << exact << " (" << ExactPercent() << "%); root " << root << " (" << RootPercent() << "%)\n";
}

}  // namespace eventcoder
