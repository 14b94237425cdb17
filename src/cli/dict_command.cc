#include "cli/dict_command.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "dict/dict_reader.h"
#include "dict/lint.h"
#include "match/compiled_dictionary.h"
#include "read/date.h"
#include "text/sentence.h"
#include "text/tokenizer.h"

namespace eventcoder {
namespace {

constexpr const char* kDictUsage = R"(usage:
  eventcoder dict check  [DICT OPTIONS]
  eventcoder dict lookup PHRASE [--date YYYY-MM-DD] [DICT OPTIONS]
  eventcoder dict stats  [DICT OPTIONS]
DICT OPTIONS: --dict-dir DIR, --actors F (repeatable), --agents F, --verbs F, --discards F
)";

struct DictArgs {
  std::string sub;
  std::string phrase;
  std::string date = "today";
  dict::DictionaryFiles files;
};

std::string Joined(const std::vector<std::string>& words, char sep = ' ') {
  std::string s;
  for (const auto& w : words) {
    if (!s.empty()) s += sep;
    s += w;
  }
  return s;
}

std::string Iso(int d) {
  if (d == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
  return buf;
}

int Today() {
  time_t t = time(nullptr);
  tm u{};
  gmtime_r(&t, &u);
  return (u.tm_year + 1900) * 10000 + (u.tm_mon + 1) * 100 + u.tm_mday;
}

int Check(const DictArgs& a, std::ostream& out) {
  std::vector<std::string> warnings;
  auto d = dict::LoadDictionaryFiles(a.files, &warnings);
  if (!d.ok()) {
    out << d.status().message() << "\n";
    return 1;
  }
  size_t errors = warnings.size(), notes = 0;
  for (const auto& w : warnings) out << w << "\n";
  for (const auto& f : dict::LintDictionary(*d)) {
    out << f.ToString() << "\n";
    (f.severity == dict::LintFinding::kError ? errors : notes)++;
  }
  size_t names = 0, patterns = 0;
  for (const auto& x : d->actors) names += x.names.size();
  for (const auto& b : d->verbs) patterns += b.patterns.size();
  out << errors << " error(s), " << notes << " warning(s); " << d->actors.size() << " actors ("
      << names << " names), " << d->agents.size() << " agent forms, " << d->verbs.size()
      << " verb blocks, " << patterns << " patterns, " << d->synsets.size() << " synsets, "
      << d->discards.size() << " discards\n";
  return errors ? 1 : 0;
}

int Stats(const DictArgs& a, std::ostream& out) {
  std::vector<std::string> warnings;
  auto d = dict::LoadDictionaryFiles(a.files, &warnings);
  if (!d.ok()) {
    out << d.status().message() << "\n";
    return 1;
  }
  struct Count {
    size_t actors = 0, names = 0, dated = 0, agents = 0, blocks = 0, patterns = 0;
  };
  std::map<std::string, Count> per;
  for (const auto& x : d->actors) {
    Count& c = per[x.origin.file];
    ++c.actors;
    c.names += x.names.size();
    c.dated += std::count_if(x.codes.begin(), x.codes.end(),
                             [](const dict::DatedCode& dc) { return dc.restricted; });
  }
  for (const auto& g : d->agents) ++per[g.origin.file].agents;
  for (const auto& b : d->verbs) {
    Count& c = per[b.origin.file];
    ++c.blocks;
    c.patterns += b.patterns.size();
  }
  out << "file\tactors\tnames\tdated_codes\tagent_forms\tverb_blocks\tpatterns\n";
  for (const auto& [file, c] : per) {
    out << file << "\t" << c.actors << "\t" << c.names << "\t" << c.dated << "\t" << c.agents
        << "\t" << c.blocks << "\t" << c.patterns << "\n";
  }
  return 0;
}

// Every dictionary phrase that matches `norms` at some position, as contiguous words.
int Lookup(const DictArgs& a, std::ostream& out, std::ostream& err) {
  int date = Today();
  if (a.date != "today") {
    auto p = ParseDate(a.date);
    if (!p.ok()) {
      err << "eventcoder: --date: " << p.status().message() << "\n";
      return 2;
    }
    date = *p;
  }
  std::vector<std::string> warnings;
  auto d = dict::LoadDictionaryFiles(a.files, &warnings);
  if (!d.ok()) {
    err << "eventcoder: " << d.status().message() << "\n";
    return 2;
  }
  CompiledDictionary cd(std::move(*d));
  Sentence s;
  s.begin = 0;
  s.end = a.phrase.size();
  Tokenize(a.phrase, &s);
  std::vector<std::string> norms;
  for (const auto& t : s.tokens) norms.push_back(t.norm);
  auto matches = [&](const std::vector<std::string>& words, size_t k) {
    if (k + words.size() > norms.size()) return false;
    for (size_t j = 0; j < words.size(); ++j)
      if (words[j] != norms[k + j]) return false;
    return true;
  };
  out << "\"" << a.phrase << "\" on " << Iso(date) << " (words: " << Joined(norms) << ")\n";
  std::string actor_code;
  std::vector<const dict::Agent*> agents;
  bool any = false;
  for (size_t k = 0; k < norms.size();) {
    size_t used = 1;
    if (const auto* c = cd.ActorsStartingWith(norms[k])) {
      for (const auto& ref : *c) {
        if (!matches(*ref.words, k)) continue;
        const dict::Actor& x = cd.dict().actors[ref.owner];
        size_t name = 0;
        while (name + 1 < x.names.size() && &x.names[name] != ref.words) ++name;
        const dict::DatedCode* dc = x.CodeEntryOn(date);
        std::string code = dc ? dc->code : "";
        out << "  actor  " << Joined(*ref.words) << " -> " << (code.empty() ? "(no code)" : code)
            << "   " << x.origin.file << ":" << x.NameLine(name) << " (entry "
            << Joined(x.names[0], '_') << ")\n";
        if (dc && dc->restricted)
          out << "         date restriction at line " << dc->origin.line << ": " << dc->code
              << " from " << (dc->from ? Iso(dc->from) : "the beginning") << " to "
              << (dc->to ? Iso(dc->to) : "now") << "\n";
        for (const auto& o : x.codes) {
          if (&o == dc) continue;
          out << "         other code " << o.code;
          if (o.restricted)
            out << " from " << (o.from ? Iso(o.from) : "the beginning") << " to "
                << (o.to ? Iso(o.to) : "now");
          else
            out << " (when no restriction holds)";
          out << "   line " << o.origin.line << "\n";
        }
        if (actor_code.empty()) actor_code = code;
        used = ref.words->size();
        any = true;
        break;
      }
    }
    if (used == 1) {
      if (const auto* c = cd.AgentsStartingWith(norms[k])) {
        for (const auto& ref : *c) {
          if (!matches(*ref.words, k)) continue;
          const dict::Agent& g = cd.dict().agents[ref.owner];
          out << "  agent  " << Joined(*ref.words) << " -> "
              << (g.prefix ? g.code + "~" : "~" + g.code) << "   " << g.origin.file << ":"
              << g.origin.line << "\n";
          agents.push_back(&g);
          used = ref.words->size();
          any = true;
          break;
        }
      }
    }
    if (const auto* v = cd.VerbsWithHead(norms[k])) {
      for (const auto& ref : *v) {
        if (ref.form->words.size() != 1 &&
            !matches(ref.form->words, k - std::min(k, ref.form->head)))
          continue;
        std::string code = ref.form->code.empty() ? ref.block->code : ref.form->code;
        out << "  verb   " << Joined(ref.form->words) << " -> " << code << " (block "
            << ref.block->name << ", " << cd.PatternsOf(ref.block).size() << " patterns)   "
            << ref.form->origin.file << ":" << ref.form->origin.line << "\n";
        any = true;
        break;
      }
    }
    k += used;
  }
  if (!any) {
    out << "  nothing in the dictionaries matches\n";
    return 1;
  }
  if (!actor_code.empty() || !agents.empty()) {
    std::string code = actor_code.empty() ? "---" : actor_code;
    for (const dict::Agent* g : agents) {
      if (code.find(g->code) != std::string::npos) continue;
      code = g->prefix ? g->code + code : code + g->code;
    }
    out << "as a noun phrase: " << code << "\n";
  }
  return 0;
}

}  // namespace

int RunDictCommand(const std::vector<std::string>& args, const std::string& default_dict_dir,
                   std::ostream& out, std::ostream& err) {
  DictArgs a;
  std::string dict_dir = default_dict_dir;
  std::vector<std::string> actors;
  std::string agents, verbs, discards;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    auto value = [&](std::string* v) {
      if (i + 1 >= args.size()) return false;
      *v = args[++i];
      return true;
    };
    std::string v;
    bool ok = true;
    if (s == "--dict-dir") {
      ok = value(&dict_dir);
    } else if (s == "--actors") {
      ok = value(&v);
      actors.push_back(v);
    } else if (s == "--agents") {
      ok = value(&agents);
    } else if (s == "--verbs") {
      ok = value(&verbs);
    } else if (s == "--discards") {
      ok = value(&discards);
    } else if (s == "--date") {
      ok = value(&a.date);
    } else if (s == "--help" || s == "-h") {
      out << kDictUsage;
      return 0;
    } else if (!s.empty() && s[0] == '-') {
      err << "eventcoder dict: unknown option " << s << "\n\n" << kDictUsage;
      return 2;
    } else if (a.sub.empty()) {
      a.sub = s;
    } else if (a.sub == "lookup") {
      a.phrase += (a.phrase.empty() ? "" : " ") + s;
    } else {
      err << "eventcoder dict: unexpected " << s << "\n\n" << kDictUsage;
      return 2;
    }
    if (!ok) {
      err << "eventcoder dict: " << s << " needs a value\n\n" << kDictUsage;
      return 2;
    }
  }
  a.files = dict::DictionaryFilesInDir(dict_dir);
  if (!actors.empty()) a.files.actors = actors;
  if (!agents.empty()) a.files.agents = agents;
  if (!verbs.empty()) a.files.verbs = verbs;
  if (!discards.empty()) a.files.discards = discards;
  if (a.sub == "check") return Check(a, out);
  if (a.sub == "stats") return Stats(a, out);
  if (a.sub == "lookup") {
    if (a.phrase.empty()) {
      err << "eventcoder dict lookup: needs a PHRASE\n\n" << kDictUsage;
      return 2;
    }
    return Lookup(a, out, err);
  }
  err << "eventcoder dict: "
      << (a.sub.empty() ? "needs check, lookup or stats" : "unknown " + a.sub) << "\n\n"
      << kDictUsage;
  return 2;
}

}  // namespace eventcoder
