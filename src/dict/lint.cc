#include "dict/lint.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "event/cameo.h"

namespace eventcoder::dict {
namespace {

std::string Joined(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) {
    if (!s.empty()) s += '_';
    s += w;
  }
  return s;
}

// The codes an actor gives, as one comparable string.
std::string CodeSet(const Actor& a) {
  std::string s;
  for (const DatedCode& c : a.codes) {
    s += c.code + "@" + std::to_string(c.from) + "-" + std::to_string(c.to) +
         (c.restricted ? "r" : "") + ";";
  }
  return s;
}

// Actor/agent codes: letters or digits in 3-character chunks ("IRNGOV", "IGOUNOWFP"),
// or "---" (no code), alone or before a role ("---GOV": a role whose country is resolved
// from the story, as agents code a phrase without an actor).
bool ActorCodeShaped(std::string_view c) {
  if (c == "---") return true;
  if (c.size() > 3 && c.substr(0, 3) == "---") c.remove_prefix(3);
  if (c.empty() || c.size() % 3 != 0) return false;
  return std::all_of(c.begin(), c.end(),
                     [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); });
}

bool EventCodeOk(std::string_view c) { return c == "---" || LookupCameo(c) != nullptr; }

}  // namespace

std::string LintFinding::ToString() const {
  return file + ":" + std::to_string(line) + (severity == kError ? ": error: " : ": warning: ") +
         message;
}

std::vector<LintFinding> LintDictionary(const Dictionary& d) {
  std::vector<LintFinding> out;
  auto add = [&](LintFinding::Severity s, const Origin& o, int line, std::string msg) {
    out.push_back({s, o.file, line ? line : o.line, std::move(msg)});
  };

  // Actors: names defined twice, code shapes, overlapping restrictions.
  std::map<std::string, std::pair<const Actor*, size_t>> names;
  for (const Actor& a : d.actors) {
    for (size_t i = 0; i < a.names.size(); ++i) {
      std::string key = Joined(a.names[i]);
      auto [it, fresh] = names.emplace(key, std::make_pair(&a, i));
      if (fresh || it->second.first == &a) continue;
      const Actor& b = *it->second.first;
      std::string where = b.origin.file + ":" + std::to_string(b.NameLine(it->second.second));
      if (CodeSet(a) == CodeSet(b)) {
        add(LintFinding::kWarning, a.origin, a.NameLine(i),
            "name " + key + " is also defined at " + where + " with the same codes");
      } else {
        add(LintFinding::kError, a.origin, a.NameLine(i),
            "name " + key + " is also defined at " + where +
                " with different codes (the first loaded wins)");
      }
    }
    for (size_t i = 0; i < a.codes.size(); ++i) {
      const DatedCode& c = a.codes[i];
      if (!ActorCodeShaped(c.code))
        add(LintFinding::kError, c.origin, 0,
            "actor code [" + c.code + "] is not letters in 3-letter chunks");
      if (c.restricted && c.from && c.to && c.to < c.from)
        add(LintFinding::kWarning, c.origin, 0,
            "date range of [" + c.code + "] ends before it starts: it never applies");
      if (!c.restricted) continue;
      for (size_t j = i + 1; j < a.codes.size(); ++j) {
        const DatedCode& e = a.codes[j];
        if (!e.restricted || e.code == c.code) continue;
        int lo = std::max(c.from, e.from);
        int hi1 = c.to ? c.to : 99999999, hi2 = e.to ? e.to : 99999999;
        if (lo <= std::min(hi1, hi2)) {
          add(LintFinding::kError, e.origin, 0,
              "[" + e.code + "] overlaps [" + c.code + "] (line " + std::to_string(c.origin.line) +
                  ") of " + Joined(a.names[0]) + "; the earlier line wins on shared dates");
        }
      }
    }
  }

  // Agents: code shapes and duplicates.
  std::map<std::string, const Agent*> agents;
  for (const Agent& g : d.agents) {
    if (!ActorCodeShaped(g.code))
      add(LintFinding::kError, g.origin, 0,
          "agent code [" + g.code + "] is not letters in 3-letter chunks");
    std::string key = Joined(g.words);
    auto [it, fresh] = agents.emplace(key, &g);
    if (fresh || it->second->origin.line == g.origin.line) continue;
    const Agent& h = *it->second;
    bool same = h.code == g.code && h.prefix == g.prefix;
    add(same ? LintFinding::kWarning : LintFinding::kError, g.origin, 0,
        "agent " + key + " is also defined at " + h.origin.file + ":" +
            std::to_string(h.origin.line) + (same ? " with the same code" : " with another code"));
  }

  // Verbs: CAMEO codes, forms claimed by two blocks.
  std::map<std::string, std::tuple<const VerbBlock*, const VerbForm*>> forms;
  for (const VerbBlock& b : d.verbs) {
    if (!EventCodeOk(b.code))
      add(LintFinding::kError, b.origin, 0, "verb block code [" + b.code + "] is not CAMEO");
    if (!b.paired.empty() && !EventCodeOk(b.paired))
      add(LintFinding::kError, b.origin, 0, "paired code [" + b.paired + "] is not CAMEO");
    for (const Pattern& p : b.patterns) {
      if (!EventCodeOk(p.code))
        add(LintFinding::kError, p.origin, 0, "pattern code [" + p.code + "] is not CAMEO");
      if (!p.paired.empty() && !EventCodeOk(p.paired))
        add(LintFinding::kError, p.origin, 0, "paired code [" + p.paired + "] is not CAMEO");
    }
    for (const VerbForm& f : b.forms) {
      if (!f.code.empty() && !EventCodeOk(f.code))
        add(LintFinding::kError, f.origin, 0, "verb code [" + f.code + "] is not CAMEO");
      std::string key = Joined(f.words);
      auto [it, fresh] = forms.emplace(key, std::make_tuple(&b, &f));
      if (fresh) continue;
      auto [ob, of] = it->second;
      if (ob == &b) continue;
      if (f.generated && of->generated) continue;  // two lemmas inflecting alike
      std::string c1 = f.code.empty() ? b.code : f.code;
      std::string c2 = of->code.empty() ? ob->code : of->code;
      add(c1 == c2 ? LintFinding::kWarning : LintFinding::kError, f.origin, 0,
          "verb " + key + " is also in block " + ob->name + " (" + of->origin.file + ":" +
              std::to_string(of->origin.line) + ")" +
              (c1 == c2 ? "" : "; the earlier block's patterns and code win"));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const LintFinding& x, const LintFinding& y) {
    return std::tie(x.file, x.line) < std::tie(y.file, y.line);
  });
  return out;
}

}  // namespace eventcoder::dict
