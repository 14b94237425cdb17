// libFuzzer target: the whole coder (StoryCoder: split, tag, parse, match, events) on a
// Story built from arbitrary bytes, with a small fixed dictionary written here that uses
// every pattern construct ($ + % ^ &SYNSET, joins, paired codes, negation, discards).
//
// Input: byte 0 chooses options (bit 0: the rest is also the story's supplied <Parse>;
// bit 1: require_dyad; bit 2: new_actor_length 4; bit 3: comma clauses off); the rest is
// the story text. Every event must have spans inside the text and a sentence index in range.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "check.h"
#include "dict/dict_reader.h"
#include "pipeline/story_coder.h"

namespace {

using eventcoder::fuzz::Check;

constexpr const char* kActors = R"(
GONDOR [GON]
+MINAS_TIRITH
+GONDORIAN
ROHAN [ROH]
+ROHIRRIM
+EDORAS
MORDOR [MOR]
+BARAD_DUR
THE_SHIRE [SHR]
UNITED_NATIONS [IGOUNO]
+U.N.
ARAGORN [GONGOV]
  [GONREB <20000101]
  [GONGOV >19991231]
SARUMAN [ISEMIL 19900101 - 20101231]
)";

constexpr const char* kAgents = R"(
KING [~GOV]
FOREIGN_MINISTER [~GOVFRM]
SOLDIER [~MIL]
POLICE {} [~COP]
REBEL {REBELS INSURGENTS} [~REB]
AID_WORKER [NGO~]
!MINISTRY! = DEFENCE, DEFENSE, WAR
MINISTRY_OF_!MINISTRY! [~MIL]
)";

constexpr const char* kVerbs = R"(
&PLACE
+EDORAS
+MINAS_TIRITH
+THE_GREY_HAVENS

&TALKS
+TALKS
+NEGOTIATIONS
+&PLACE

--- MEET [040] ---
MEET {MET MEETS}
- * + IN &PLACE [044]
- $ AND + * [040]
- % * [040]

--- ATTACK [190] ---
ATTACK
BESIEGE
- * ^ + WITH ARMIES [195]
- NOT * [---]

--- URGE [---] ---
URGE
- * + TO RESUME &TALKS [025]
- * + TO_STOP [0251]

--- VISIT [042:043] ---
VISIT
WIRE_+TAP
+CALL_OFF

--- SAY [010] ---
SAY {SAID SAYS}
- * THAT $ WILL ATTACK + [138]
- * +_IS ANGRY [012]
)";

constexpr const char* kDiscards = R"(
FOOTBALL
+CHESS_MATCH
)";

std::shared_ptr<const eventcoder::CompiledDictionary> Dictionary() {
  using namespace eventcoder;
  dict::Dictionary d;
  std::vector<std::string> warnings;
  bool ok = dict::ReadActors(kActors, "actors.txt", &d, &warnings).ok() &&
            dict::ReadAgents(kAgents, "agents.txt", &d, &warnings).ok() &&
            dict::ReadVerbs(kVerbs, "verbs.txt", &d, &warnings).ok() &&
            dict::ReadDiscards(kDiscards, "discards.txt", &d, &warnings).ok();
  if (!ok || !warnings.empty()) {
    for (const auto& w : warnings) fprintf(stderr, "%s\n", w.c_str());
    abort();
  }
  return std::make_shared<const CompiledDictionary>(std::move(d));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace eventcoder;
  static const std::shared_ptr<const CompiledDictionary> dict = Dictionary();
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  PipelineOptions opts;
  opts.coder.require_dyad = (flags & 2) != 0;
  opts.coder.new_actor_length = (flags & 4) != 0 ? 4 : 0;
  if (flags & 8) opts.coder.comma_max = opts.coder.comma_end_max = 0;
  StoryCoder coder(dict, opts);

  Story story;
  story.id = "fuzz";
  story.date = 20050315;
  story.file = "fuzz.in";
  story.line = 1;
  story.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (flags & 1) story.parse = story.text;

  StoryResult result;
  Status st = coder.Code(story, &result, /*keep_trees=*/true);
  if (!st.ok()) {
    Check(!story.parse.empty(), "raw text failed to code");
    return 0;
  }
  Check(result.trees.size() == static_cast<size_t>(result.sentences), "one tree per sentence");
  for (const Event& e : result.events) {
    Check(e.sentence >= 0 && e.sentence < result.sentences, "event sentence out of range");
    Check(!e.cameo.empty(), "event without code");
    for (const auto* spans : {&e.source_spans, &e.target_spans, &e.verb_spans})
      for (const Span& sp : *spans)
        Check(sp.begin <= sp.end && sp.end <= story.text.size(), "span outside the text");
  }
  return 0;
}
