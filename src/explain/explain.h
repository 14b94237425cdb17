// Explanations of coding for people and tools (`eventcoder explain`): what the pipeline
// did with each sentence (tokens and tags, the parse, every phrase and verb with its
// dictionary line, the patterns tried, the events) and, against expected events, the
// step at which our coding departs from them.
//
// Thread safety: pure functions.
#ifndef EVENTCODER_EXPLAIN_EXPLAIN_H_
#define EVENTCODER_EXPLAIN_EXPLAIN_H_

#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "eventcoder/event.h"
#include "pipeline/story_coder.h"

namespace eventcoder {

// A readable account of one sentence; `events` are the story's events (those of this
// sentence are picked out).
std::string FormatExplanation(const SentenceExplanation& s, const std::vector<Event>& events);

// The same as data: {"sentence", "text", "tokens":[{"word","tag"}], "tree", "discard",
// "steps":[{"stage","words","detail","ok","file","line","code"}], "events":[...]}.
nlohmann::json ExplanationJson(const SentenceExplanation& s, const std::vector<Event>& events);

// Where coding departed from what was expected.
struct Departure {
  // "none" (coded as expected), "discard", "source actor", "target actor", "verb",
  // "code", "dropped", "roles", "extra event"
  std::string step;
  std::string detail;  // plain words
};

using EventTuple = std::tuple<std::string, std::string, std::string>;  // source, target, code

// The first step, in pipeline order, that explains the difference between `expected` and
// `produced` given the sentences' traces.
Departure FindDeparture(const std::vector<EventTuple>& expected,
                        const std::vector<EventTuple>& produced,
                        const std::vector<SentenceExplanation>& sentences);

}  // namespace eventcoder

#endif  // EVENTCODER_EXPLAIN_EXPLAIN_H_
