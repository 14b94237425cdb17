#include "explain/explain.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "event/cameo.h"

namespace eventcoder {
namespace {

std::string Where(const TraceStep& st) {
  if (st.file.empty()) return "";
  std::string f = st.file;
  size_t slash = f.rfind("/dictionaries/");
  if (slash != std::string::npos) f = f.substr(slash + 1);
  return "  [" + f + ":" + std::to_string(st.line) + "]";
}

std::string CameoName(const std::string& code) {
  const CameoCode* c = LookupCameo(code);
  return c ? std::string(c->name) : std::string();
}

}  // namespace

std::string FormatExplanation(const SentenceExplanation& s, const std::vector<Event>& events) {
  std::ostringstream o;
  o << "sentence " << s.index << ": " << s.text << "\n";
  o << "  tokens:";
  for (const auto& [w, t] : s.tagged) o << " " << w << "/" << t;
  o << "\n  parse:  " << s.tree << "\n";
  if (!s.discard.empty()) {
    o << "  DISCARDED: " << s.discard << "\n";
    return o.str();
  }
  std::string stage;
  for (const TraceStep& st : s.trace.steps) {
    if (st.stage == "event") continue;
    o << "  " << (st.ok ? "  " : "x ") << st.stage;
    o << std::string(st.stage.size() < 8 ? 8 - st.stage.size() : 1, ' ');
    if (!st.words.empty()) o << "\"" << st.words << "\": ";
    o << st.detail << Where(st) << "\n";
  }
  int n = 0;
  for (const Event& e : events) {
    if (e.sentence != s.index) continue;
    if (n++ == 0) o << "  events:\n";
    o << "    " << e.source_code << " -> " << e.target_code << "  " << e.cameo << " "
      << CameoName(e.cameo) << "   (source \"" << e.source_text << "\", verb \"" << e.verb_text
      << "\", target \"" << e.target_text << "\")\n";
  }
  if (n == 0) {
    // The reason, in plain words: the last failing step.
    const TraceStep* last = nullptr;
    for (const TraceStep& st : s.trace.steps)
      if (!st.ok && st.stage != "pattern" && st.stage != "phrase" && !st.words.empty()) last = &st;
    bool any_verb = false;
    for (const TraceStep& st : s.trace.steps) any_verb |= st.stage == "verb" && st.ok;
    o << "  no event: ";
    if (!any_verb) {
      o << "no verb of the sentence is in the verbs dictionary";
    } else if (last) {
      o << (last->words.empty() ? "" : "\"" + last->words + "\": ") << last->detail;
    } else {
      o << "no verb produced an event";
    }
    o << "\n";
  }
  return o.str();
}

nlohmann::json ExplanationJson(const SentenceExplanation& s, const std::vector<Event>& events) {
  nlohmann::json j;
  j["sentence"] = s.index;
  j["text"] = s.text;
  j["tokens"] = nlohmann::json::array();
  for (const auto& [w, t] : s.tagged) j["tokens"].push_back({{"word", w}, {"tag", t}});
  j["tree"] = s.tree;
  j["discard"] = s.discard.empty() ? nlohmann::json() : nlohmann::json(s.discard);
  j["steps"] = nlohmann::json::array();
  for (const TraceStep& st : s.trace.steps) {
    j["steps"].push_back({{"stage", st.stage},
                          {"words", st.words},
                          {"detail", st.detail},
                          {"ok", st.ok},
                          {"file", st.file},
                          {"line", st.line},
                          {"code", st.code}});
  }
  j["events"] = nlohmann::json::array();
  for (const Event& e : events) {
    if (e.sentence != s.index) continue;
    j["events"].push_back({{"id", e.id},
                           {"source_code", e.source_code},
                           {"target_code", e.target_code},
                           {"cameo", e.cameo},
                           {"cameo_name", CameoName(e.cameo)},
                           {"source_text", e.source_text},
                           {"verb_text", e.verb_text},
                           {"target_text", e.target_text}});
  }
  return j;
}

Departure FindDeparture(const std::vector<EventTuple>& expected,
                        const std::vector<EventTuple>& produced,
                        const std::vector<SentenceExplanation>& sentences) {
  std::set<EventTuple> want(expected.begin(), expected.end());
  std::set<EventTuple> got(produced.begin(), produced.end());
  if (want == got) return {"none", "coded as expected"};
  std::set<std::string> phrase_codes, verb_codes, drops, unknown_verbs;
  bool discarded = false;
  for (const auto& s : sentences) {
    discarded |= !s.discard.empty();
    for (const TraceStep& st : s.trace.steps) {
      if (st.stage == "phrase" && !st.code.empty()) phrase_codes.insert(st.code);
      if (st.stage == "verb" && !st.ok) unknown_verbs.insert(st.words);
      if ((st.stage == "verb" || st.stage == "pattern") && st.ok) verb_codes.insert(st.code);
      if (st.stage == "drop") drops.insert(st.detail);
    }
  }
  auto names = [](const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
    return out.empty() ? std::string("none") : out;
  };
  auto has_code = [&](const std::string& code) {
    if (code.empty() || code == "---") return true;
    for (const auto& c : phrase_codes)
      if (c == code || c.rfind(code, 0) == 0 || code.rfind(c, 0) == 0) return true;
    return false;
  };
  std::vector<EventTuple> missing, extra;
  for (const auto& t : want)
    if (!got.count(t)) missing.push_back(t);
  for (const auto& t : got)
    if (!want.count(t)) extra.push_back(t);
  if (missing.empty()) {
    const auto& [s, t, c] = extra.front();
    return {"extra event", "produced " + s + " " + t + " " + c + ", which is not expected"};
  }
  const auto& [s, t, c] = missing.front();
  if (discarded) return {"discard", "a discard phrase removed the sentence or story"};
  if (!has_code(s))
    return {"source actor", "no phrase codes as the expected source " + s +
                                " (phrases coded: " + names(phrase_codes) + ")"};
  if (!has_code(t))
    return {"target actor", "no phrase codes as the expected target " + t +
                                " (phrases coded: " + names(phrase_codes) + ")"};
  if (verb_codes.empty())
    return {"verb", "no verb of the dictionary was found (verbs not in the dictionary: " +
                        names(unknown_verbs) + ")"};
  if (!verb_codes.count(c)) {
    for (const auto& [ps, pt, pc] : produced)
      if (ps == s && pt == t)
        return {"code", "the right actors, but code " + pc + " instead of " + c};
    return {"code", "the verbs and patterns gave " + names(verb_codes) + ", not " + c};
  }
  if (!drops.empty()) return {"dropped", names(drops)};
  std::string got_s;
  for (const auto& [ps, pt, pc] : produced) got_s += " (" + ps + " " + pt + " " + pc + ")";
  return {"roles", "verb coded " + c + " but the source/target chosen differ from " + s + " " + t +
                       (got_s.empty() ? "" : "; produced" + got_s)};
}

}  // namespace eventcoder
