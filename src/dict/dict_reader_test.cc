#include "dict/dict_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "dict/inflect.h"

#ifndef EVENTCODER_SHARED_DIR
#define EVENTCODER_SHARED_DIR "../shared"
#endif

namespace eventcoder::dict {
namespace {

using Words = std::vector<std::string>;

const Actor* FindActor(const Dictionary& d, const Words& name) {
  for (const Actor& a : d.actors) {
    for (const Words& n : a.names) {
      if (n == name) return &a;
    }
  }
  return nullptr;
}

const VerbBlock* FindBlock(const Dictionary& d, const std::string& name) {
  for (const VerbBlock& b : d.verbs) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

const VerbForm* FindForm(const VerbBlock& b, const Words& words) {
  for (const VerbForm& f : b.forms) {
    if (f.words == words) return &f;
  }
  return nullptr;
}

const Agent* FindAgent(const Dictionary& d, const Words& words) {
  for (const Agent& a : d.agents) {
    if (a.words == words) return &a;
  }
  return nullptr;
}

bool HasPhrase(const Synset& s, const Words& w) {
  return std::find(s.phrases.begin(), s.phrases.end(), w) != s.phrases.end();
}

// The warning that mentions `needle`, or "".
std::string FindWarning(const std::vector<std::string>& warnings, const std::string& needle) {
  for (const std::string& w : warnings) {
    if (w.find(needle) != std::string::npos) return w;
  }
  return "";
}

std::string JoinAll(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + "\n";
  return out;
}

// ------------------------------------------------------------------------------------
// SplitPhrase

TEST(SplitPhraseTest, SplitsOnBlanksAndUnderscoresAndUpperCases) {
  EXPECT_EQ(SplitPhrase("Caras galadhon_"), (Words{"CARAS", "GALADHON"}));
  EXPECT_EQ(SplitPhrase("PRESIDENT_GEORGE_W._BUSH"), (Words{"PRESIDENT", "GEORGE", "W.", "BUSH"}));
  EXPECT_EQ(SplitPhrase("  ARNOR_ "), (Words{"ARNOR"}));
  EXPECT_EQ(SplitPhrase("barad-dur\tx__y"), (Words{"BARAD-DUR", "X", "Y"}));
  EXPECT_TRUE(SplitPhrase(" _ __ ").empty());
}

// ------------------------------------------------------------------------------------
// Actors

constexpr char kActors[] = R"(<!-- test actors, written for these tests -->
<!-- a comment
# spanning several
lines -->
<! -- a malformed comment opener -->
ROHAN [ROH]  # trailing comment
+ROHANS
MINAS_TIRITH_  [GON]
CARAS GALADHON [elf]
ORODRUIN
+MOUNT_DOOM
	[MOR <950601]
	[MORGOV 19950601 - 19990815]
	[MORREB >990816]
	[MORX]
HOBBITON [HOB]
	[HOBGOV 20100101-20100131] # inside the year
ISENGARD [+++]
ERED_LUIN [ELR/GAL]
BARAD_DUR [---]

WEATHERTOP
LEAPING
	[LPA <20000301]
	[LPB >19991231]
	[LPC <000101]
)";

TEST(ReadActorsTest, ReadsEverySyntaxVariant) {
  Dictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadActors(kActors, "test.actors", &d, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << JoinAll(warnings);
  ASSERT_EQ(d.actors.size(), 10u);

  const Actor* rohan = FindActor(d, {"ROHAN"});
  ASSERT_NE(rohan, nullptr);
  EXPECT_EQ(rohan->names, (std::vector<Words>{{"ROHAN"}, {"ROHANS"}}));
  ASSERT_EQ(rohan->codes.size(), 1u);
  EXPECT_EQ(rohan->codes[0].code, "ROH");
  EXPECT_FALSE(rohan->codes[0].restricted);
  EXPECT_EQ(rohan->origin.file, "test.actors");
  EXPECT_EQ(rohan->origin.line, 6);

  // Trailing '_' is dropped; spaces and '_' both separate words; codes kept as written.
  ASSERT_NE(FindActor(d, {"MINAS", "TIRITH"}), nullptr);
  EXPECT_EQ(FindActor(d, {"CARAS", "GALADHON"})->CodeOn(19950101), "elf");
  EXPECT_EQ(FindActor(d, {"ISENGARD"})->CodeOn(19950101), "+++");
  EXPECT_EQ(FindActor(d, {"ERED", "LUIN"})->CodeOn(19950101), "ELR/GAL");
  EXPECT_EQ(FindActor(d, {"BARAD", "DUR"})->CodeOn(19950101), "---");
  // An actor without codes.
  const Actor* weathertop = FindActor(d, {"WEATHERTOP"});
  ASSERT_NE(weathertop, nullptr);
  EXPECT_TRUE(weathertop->codes.empty());
  EXPECT_EQ(weathertop->CodeOn(19950101), "");
}

TEST(ReadActorsTest, DateRestrictions) {
  Dictionary d;
  ASSERT_TRUE(ReadActors(kActors, "test.actors", &d).ok());
  const Actor* o = FindActor(d, {"MOUNT", "DOOM"});  // the synonym finds the actor
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->names[0], (Words{"ORODRUIN"}));
  ASSERT_EQ(o->codes.size(), 4u);
  EXPECT_EQ(o->codes[0].from, 0);
  EXPECT_EQ(o->codes[0].to, 19950531);  // "<" is strictly before; YY is 19YY
  EXPECT_TRUE(o->codes[0].restricted);
  EXPECT_EQ(o->codes[1].from, 19950601);
  EXPECT_EQ(o->codes[1].to, 19990815);
  EXPECT_EQ(o->codes[2].from, 19990817);  // ">" is strictly after
  EXPECT_EQ(o->codes[2].to, 0);
  EXPECT_FALSE(o->codes[3].restricted);
  EXPECT_EQ(o->codes[1].origin.line, 13);

  EXPECT_EQ(o->CodeOn(19900101), "MOR");
  EXPECT_EQ(o->CodeOn(19950531), "MOR");
  EXPECT_EQ(o->CodeOn(19950601), "MORGOV");  // interval is inclusive at both ends
  EXPECT_EQ(o->CodeOn(19990815), "MORGOV");
  EXPECT_EQ(o->CodeOn(19990816), "MORX");  // neither "<" nor ">" holds: the default
  EXPECT_EQ(o->CodeOn(19990817), "MORREB");

  // The restriction wins over the root line's code inside its range only.
  const Actor* h = FindActor(d, {"HOBBITON"});
  EXPECT_EQ(h->CodeOn(20091231), "HOB");
  EXPECT_EQ(h->CodeOn(20100101), "HOBGOV");
  EXPECT_EQ(h->CodeOn(20100131), "HOBGOV");
  EXPECT_EQ(h->CodeOn(20100201), "HOB");

  // Month and leap-year arithmetic.
  const Actor* l = FindActor(d, {"LEAPING"});
  ASSERT_EQ(l->codes.size(), 3u);
  EXPECT_EQ(l->codes[0].to, 20000229);
  EXPECT_EQ(l->codes[1].from, 20000101);
  EXPECT_EQ(l->codes[2].to, 18991231);
  // No unrestricted code and no restriction holding: "".
  EXPECT_EQ(l->CodeOn(20000229), "LPA");  // the first matching restriction wins
  EXPECT_EQ(l->CodeOn(20000301), "LPB");
}

constexpr char kBadActors[] = R"(GOOD [G]
BAD [X
+SYNONYM_OF_BAD
OK [O]
	[O2 <9513]
	[O3 950601-990815x]
	[950601-990815]
+MORE [Q]
	[O4 990101 - 980101]
	[O5 <950230]
	[O6 ~ 950101]
	[O7]
)";

TEST(ReadActorsTest, MalformedLinesAreReportedAndSkipped) {
  Dictionary d;
  std::vector<std::string> w;
  ASSERT_TRUE(ReadActors(kBadActors, "bad.actors", &d, &w).ok());
  EXPECT_NE(FindWarning(w, "bad.actors:2: unbalanced [ ]"), "") << JoinAll(w);
  EXPECT_NE(FindWarning(w, "\"BAD [X\""), "");
  EXPECT_NE(FindWarning(w, "bad.actors:5: bad date restriction"), "") << JoinAll(w);
  EXPECT_NE(FindWarning(w, "bad.actors:6: bad date restriction"), "");
  EXPECT_NE(FindWarning(w, "bad.actors:7: bad date restriction"), "");
  EXPECT_NE(FindWarning(w, "bad.actors:8: [code] on a synonym line"), "");
  EXPECT_NE(FindWarning(w, "bad.actors:9: bad date restriction: interval ends before"), "");
  EXPECT_NE(FindWarning(w, "bad.actors:10: bad date restriction"), "");
  EXPECT_NE(FindWarning(w, "bad.actors:11: bad date restriction"), "");
  EXPECT_EQ(w.size(), 8u) << JoinAll(w);  // line 3 belongs to the skipped BAD entry

  ASSERT_EQ(d.actors.size(), 2u);
  EXPECT_EQ(FindActor(d, {"SYNONYM", "OF", "BAD"}), nullptr);
  const Actor* ok = FindActor(d, {"OK"});
  ASSERT_NE(ok, nullptr);
  EXPECT_EQ(ok->names.size(), 1u);
  ASSERT_EQ(ok->codes.size(), 2u);
  EXPECT_EQ(ok->codes[1].code, "O7");
}

TEST(ReadActorsTest, StrictModeFailsOnTheFirstMalformedLine) {
  Dictionary d;
  Status s = ReadActors(kBadActors, "bad.actors", &d, nullptr);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message().rfind("bad.actors:2: unbalanced [ ]", 0), 0u) << s.message();
  EXPECT_NE(s.message().find("\"BAD [X\""), std::string::npos);
  EXPECT_EQ(d.actors.size(), 1u);  // what came before is kept
}

TEST(ReadActorsTest, ContinuationLinesWithoutAnActor) {
  Dictionary d;
  std::vector<std::string> w;
  ASSERT_TRUE(
      ReadActors("+LONELY\n\t[ABC]\nUNCLOSED <!-- x\nNEVER [N]\n", "c.actors", &d, &w).ok());
  EXPECT_NE(FindWarning(w, "c.actors:1: synonym before any actor"), "") << JoinAll(w);
  EXPECT_NE(FindWarning(w, "c.actors:2: code line before any actor"), "");
  EXPECT_NE(FindWarning(w, "c.actors:3: unterminated <!-- comment"), "");
  ASSERT_EQ(d.actors.size(), 1u);  // UNCLOSED; NEVER is inside the comment
  EXPECT_EQ(d.actors[0].names[0], (Words{"UNCLOSED"}));
}

TEST(ReadActorsTest, CrLfAndStopMarker) {
  Dictionary d;
  ASSERT_TRUE(ReadActors("\xEF\xBB\xBFONE [A]\r\n+UNO\r\n---STOP---\r\nTWO [B]\r\n", "x", &d).ok());
  ASSERT_EQ(d.actors.size(), 1u);
  EXPECT_EQ(d.actors[0].names, (std::vector<Words>{{"ONE"}, {"UNO"}}));
  EXPECT_EQ(d.actors[0].codes[0].code, "A");
}

// ------------------------------------------------------------------------------------
// Agents

constexpr char kAgents[] = R"(<!-- test agents -->
!PERSON! = MAN, WOMAN, PERSON
!MINST! = minister, MINISTRY
SOLDIER [~MIL]
POLICY_ADVISER [~GOV]  # comment
CHURCH [~REL]
CONGRESS [~LEG]
CONGRESS!PERSON! [~LEG]
!MINST!_OF_MAGIC [~GOV]
POLICE {} [ ~COP]
GOLDEN_GOOSE {GOLDEN_GEESE GOLDEN_GANDERS} [~GGS]
HUMAN_RIGHTS_BODY  [NGO~]
SECURITY_OFFICIALS [~GOV]
)";

TEST(ReadAgentsTest, PluralsSubstitutionsAndCodes) {
  Dictionary d;
  std::vector<std::string> w;
  ASSERT_TRUE(ReadAgents(kAgents, "test.agents", &d, &w).ok());
  EXPECT_TRUE(w.empty()) << JoinAll(w);

  ASSERT_NE(FindAgent(d, {"SOLDIER"}), nullptr);
  ASSERT_NE(FindAgent(d, {"SOLDIERS"}), nullptr);
  EXPECT_EQ(FindAgent(d, {"SOLDIERS"})->code, "MIL");
  EXPECT_FALSE(FindAgent(d, {"SOLDIERS"})->prefix);
  EXPECT_EQ(FindAgent(d, {"SOLDIERS"})->origin.line, 4);
  EXPECT_NE(FindAgent(d, {"POLICY", "ADVISERS"}), nullptr);  // last word pluralized
  EXPECT_NE(FindAgent(d, {"CHURCHES"}), nullptr);
  EXPECT_NE(FindAgent(d, {"CONGRESSES"}), nullptr);  // cf. PETRARCH AGENT-12
  // Substitution sets: every member, no further plurals.
  for (const char* name : {"CONGRESSMAN", "CONGRESSWOMAN", "CONGRESSPERSON"}) {
    const Agent* a = FindAgent(d, {name});
    ASSERT_NE(a, nullptr) << name;
    EXPECT_EQ(a->code, "LEG");
  }
  EXPECT_EQ(FindAgent(d, {"CONGRESSMEN"}), nullptr);  // not in this fixture's set
  EXPECT_EQ(FindAgent(d, {"CONGRESSPERSONS"}), nullptr);
  EXPECT_NE(FindAgent(d, {"MINISTER", "OF", "MAGIC"}), nullptr);
  EXPECT_NE(FindAgent(d, {"MINISTRY", "OF", "MAGIC"}), nullptr);
  // "{}": no plural (cf. PETRARCH AGENT-22).
  EXPECT_NE(FindAgent(d, {"POLICE"}), nullptr);
  EXPECT_EQ(FindAgent(d, {"POLICES"}), nullptr);
  EXPECT_EQ(FindAgent(d, {"POLICE"})->code, "COP");
  // Explicit plurals replace generated ones.
  EXPECT_NE(FindAgent(d, {"GOLDEN", "GEESE"}), nullptr);
  EXPECT_NE(FindAgent(d, {"GOLDEN", "GANDERS"}), nullptr);
  EXPECT_EQ(FindAgent(d, {"GOLDEN", "GOOSES"}), nullptr);
  // Prefix code.
  const Agent* body = FindAgent(d, {"HUMAN", "RIGHTS", "BODIES"});
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->code, "NGO");
  EXPECT_TRUE(body->prefix);
  // Already plural: only itself.
  EXPECT_NE(FindAgent(d, {"SECURITY", "OFFICIALS"}), nullptr);
  EXPECT_EQ(FindAgent(d, {"SECURITY", "OFFICIALSES"}), nullptr);
}

TEST(ReadAgentsTest, ManInsideCompoundsFromSubstitution) {
  Dictionary d;
  ASSERT_TRUE(ReadAgents("!P! = MAN, MEN\nCONGRESS!P! [~LEG]\nCHAIRMAN [~GOV]\n", "a", &d).ok());
  EXPECT_NE(FindAgent(d, {"CONGRESSMEN"}), nullptr);  // cf. PETRARCH AGENT-13
  EXPECT_NE(FindAgent(d, {"CHAIRMEN"}), nullptr);     // generated plural of -MAN
  EXPECT_EQ(FindAgent(d, {"CHAIRMANS"}), nullptr);
}

TEST(ReadAgentsTest, MalformedLines) {
  constexpr char kBad[] =
      "NOTILDE [GOV]\n"
      "UNCLOSED {X [~A]\n"
      "NOCODE\n"
      "!UNDEF!_X [~A]\n"
      "TWO [~A] [~B]\n"
      "!BROKEN = A, B\n"
      "OK [~OK]\n"
      "[~EMPTY]\n"
      "TILDE [~]\n";
  Dictionary d;
  std::vector<std::string> w;
  ASSERT_TRUE(ReadAgents(kBad, "bad.agents", &d, &w).ok());
  EXPECT_NE(FindWarning(w, "bad.agents:1: agent code needs '~'"), "") << JoinAll(w);
  EXPECT_NE(FindWarning(w, "bad.agents:2: unbalanced"), "");
  EXPECT_NE(FindWarning(w, "bad.agents:3: agent without a [code]"), "");
  EXPECT_NE(FindWarning(w, "bad.agents:4: undefined substitution marker !UNDEF!"), "");
  EXPECT_NE(FindWarning(w, "bad.agents:5: agent with more than one [code]"), "");
  EXPECT_NE(FindWarning(w, "bad.agents:6: malformed substitution set"), "");
  EXPECT_NE(FindWarning(w, "bad.agents:8: agent without a phrase"), "");
  EXPECT_NE(FindWarning(w, "bad.agents:9: malformed agent code"), "");
  EXPECT_EQ(w.size(), 8u) << JoinAll(w);
  ASSERT_EQ(d.agents.size(), 2u);  // OK and OKS
  EXPECT_EQ(d.agents[0].words, (Words{"OK"}));
}

TEST(ReadAgentsTest, SubstitutionExpansionIsBounded) {
  std::string text = "!A! = 1,2,3,4,5,6,7,8,9,10\n";
  text += "!A!!A!!A!!A!!A! [~X]\n";  // 100000 combinations
  Dictionary d;
  std::vector<std::string> w;
  ASSERT_TRUE(ReadAgents(text, "big.agents", &d, &w).ok());
  EXPECT_NE(FindWarning(w, "big.agents:2: substitution markers expand to too many"), "")
      << JoinAll(w);
  EXPECT_TRUE(d.agents.empty());
}

// ------------------------------------------------------------------------------------
// Verbs

constexpr char kVerbs[] = R"(<!-- test verbs, written for these tests -->
&COLORS_
+RED
+GREEN

&METALS  # members may be phrases and other synsets
+IRON
+MITHRIL SILVER
+COLD_STEEL_
+&GEMS

&GEMS
+EMERALD
+&METALS

&SELFREF
+&SELFREF
+STONE

--- FORGE [051] ---
FORGE   # comment
+HAMMER_OUT {+HAMMERED_OUT}
WIRE_+TAP [052:053]
SMITE {SMOTE SMITTEN}
- * &METALS RINGS [061]
- SO IN_AND_*_OUT_AGAIN NOW [074]
- IN_ * [075A]
- * OFF_ [---]
- % ^ * $ + [def]
- SUGGESTED_+ * DEMAND_&COLORS_CONVENTIONS  [111:112]

--- DELAY [120]  [031:031]  ---
DELAY
DOWNPLAY [014]
LASH OUT

--- TROUBLED  [---] # NOUN ---
TROUBLED
)";

TEST(ReadVerbsTest, BlocksFormsAndCodes) {
  Dictionary d;
  std::vector<std::string> w;
  ASSERT_TRUE(ReadVerbs(kVerbs, "test.verbs", &d, &w).ok());
  ASSERT_EQ(w.size(), 1u) << JoinAll(w);
  EXPECT_NE(FindWarning(w, "test.verbs:32: verb block header has more than one [code]"), "");
  ASSERT_EQ(d.verbs.size(), 3u);

  const VerbBlock* forge = FindBlock(d, "FORGE");
  ASSERT_NE(forge, nullptr);
  EXPECT_EQ(forge->code, "051");
  EXPECT_EQ(forge->paired, "");
  EXPECT_EQ(forge->origin.line, 20);
  // The first verb line, then its generated forms.
  ASSERT_FALSE(forge->forms.empty());
  EXPECT_EQ(forge->forms[0].words, (Words{"FORGE"}));
  EXPECT_FALSE(forge->forms[0].generated);
  const VerbForm* forged = FindForm(*forge, {"FORGED"});
  ASSERT_NE(forged, nullptr);
  EXPECT_TRUE(forged->generated);
  EXPECT_EQ(forged->code, "");
  ASSERT_NE(FindForm(*forge, {"FORGING"}), nullptr);
  // '+' marks the head of a multi-word verb; explicit forms are not generated.
  const VerbForm* hammer = FindForm(*forge, {"HAMMER", "OUT"});
  ASSERT_NE(hammer, nullptr);
  EXPECT_EQ(hammer->head, 0u);
  const VerbForm* hammered = FindForm(*forge, {"HAMMERED", "OUT"});
  ASSERT_NE(hammered, nullptr);
  EXPECT_FALSE(hammered->generated);
  ASSERT_NE(FindForm(*forge, {"HAMMERING", "OUT"}), nullptr);
  EXPECT_TRUE(FindForm(*forge, {"HAMMERING", "OUT"})->generated);
  const VerbForm* tap = FindForm(*forge, {"WIRE", "TAP"});
  ASSERT_NE(tap, nullptr);
  EXPECT_EQ(tap->head, 1u);
  EXPECT_EQ(tap->code, "052");
  EXPECT_EQ(tap->paired, "053");
  const VerbForm* tapped = FindForm(*forge, {"WIRE", "TAPPED"});
  ASSERT_NE(tapped, nullptr);
  EXPECT_EQ(tapped->head, 1u);
  EXPECT_EQ(tapped->code, "052");
  EXPECT_TRUE(tapped->generated);
  const VerbForm* smitten = FindForm(*forge, {"SMITTEN"});
  ASSERT_NE(smitten, nullptr);
  EXPECT_FALSE(smitten->generated);
  EXPECT_EQ(smitten->origin.line, 24);
  ASSERT_NE(FindForm(*forge, {"SMITES"}), nullptr);  // generated in addition

  const VerbBlock* delay = FindBlock(d, "DELAY");
  ASSERT_NE(delay, nullptr);
  EXPECT_EQ(delay->code, "120");  // first bracket group, as PETRARCH
  const VerbForm* downplayed = FindForm(*delay, {"DOWNPLAYED"});
  ASSERT_NE(downplayed, nullptr);
  EXPECT_EQ(downplayed->code, "014");
  EXPECT_EQ(FindForm(*delay, {"DELAYED"})->code, "");
  ASSERT_NE(FindForm(*delay, {"LASHED", "OUT"}), nullptr);  // unmarked: first word is the head

  const VerbBlock* troubled = FindBlock(d, "TROUBLED");
  ASSERT_NE(troubled, nullptr);
  EXPECT_EQ(troubled->code, "---");
}

TEST(ReadVerbsTest, Patterns) {
  Dictionary d;
  ASSERT_TRUE(ReadVerbs(kVerbs, "test.verbs", &d, nullptr).ok());  // strict: notes only
  const VerbBlock* forge = FindBlock(d, "FORGE");
  ASSERT_NE(forge, nullptr);
  ASSERT_EQ(forge->patterns.size(), 6u);

  const Pattern& p0 = forge->patterns[0];  // - * &METALS RINGS [061]
  EXPECT_TRUE(p0.before.empty());
  ASSERT_EQ(p0.after.size(), 2u);
  EXPECT_EQ(p0.after[0].kind, PatternToken::kSynset);
  EXPECT_EQ(p0.after[0].text, "&METALS");
  EXPECT_EQ(p0.after[1].kind, PatternToken::kWord);
  EXPECT_EQ(p0.after[1].text, "RINGS");
  EXPECT_EQ(p0.code, "061");
  EXPECT_EQ(p0.text, "- * &METALS RINGS [061]");
  EXPECT_EQ(p0.origin.line, 25);

  const Pattern& p1 = forge->patterns[1];  // SO IN_AND_*_OUT_AGAIN NOW
  ASSERT_EQ(p1.before.size(), 3u);
  EXPECT_EQ(p1.before[0].text, "SO");
  EXPECT_FALSE(p1.before[0].joined);
  EXPECT_EQ(p1.before[1].text, "IN");
  EXPECT_TRUE(p1.before[1].joined);
  EXPECT_EQ(p1.before[2].text, "AND");
  EXPECT_FALSE(p1.before[2].joined);  // its join to the verb is verb_joined_before
  EXPECT_TRUE(p1.verb_joined_before);
  EXPECT_TRUE(p1.verb_joined_after);
  ASSERT_EQ(p1.after.size(), 3u);
  EXPECT_EQ(p1.after[0].text, "OUT");
  EXPECT_TRUE(p1.after[0].joined);
  EXPECT_EQ(p1.after[1].text, "AGAIN");
  EXPECT_FALSE(p1.after[1].joined);
  EXPECT_EQ(p1.after[2].text, "NOW");

  const Pattern& p2 = forge->patterns[2];  // IN_ * : "_ " is a plain separator
  ASSERT_EQ(p2.before.size(), 1u);
  EXPECT_FALSE(p2.verb_joined_before);
  EXPECT_EQ(p2.code, "075A");

  const Pattern& p3 = forge->patterns[3];  // * OFF_ [---]
  ASSERT_EQ(p3.after.size(), 1u);
  EXPECT_EQ(p3.after[0].text, "OFF");
  EXPECT_FALSE(p3.after[0].joined);
  EXPECT_EQ(p3.code, "---");

  const Pattern& p4 = forge->patterns[4];  // % ^ * $ + [def]
  ASSERT_EQ(p4.before.size(), 2u);
  EXPECT_EQ(p4.before[0].kind, PatternToken::kCompound);
  EXPECT_EQ(p4.before[1].kind, PatternToken::kSkipNoun);
  ASSERT_EQ(p4.after.size(), 2u);
  EXPECT_EQ(p4.after[0].kind, PatternToken::kSource);
  EXPECT_EQ(p4.after[1].kind, PatternToken::kTarget);
  EXPECT_TRUE(p4.after[0].text.empty());
  EXPECT_EQ(p4.code, "def");

  const Pattern& p5 = forge->patterns[5];  // SUGGESTED_+ * DEMAND_&COLORS_CONVENTIONS [111:112]
  ASSERT_EQ(p5.before.size(), 2u);
  EXPECT_TRUE(p5.before[0].joined);
  EXPECT_EQ(p5.before[1].kind, PatternToken::kTarget);
  EXPECT_FALSE(p5.verb_joined_before);
  ASSERT_EQ(p5.after.size(), 3u);
  EXPECT_TRUE(p5.after[0].joined);
  EXPECT_EQ(p5.after[1].text, "&COLORS");
  EXPECT_TRUE(p5.after[1].joined);
  EXPECT_EQ(p5.code, "111");
  EXPECT_EQ(p5.paired, "112");
}

TEST(ReadVerbsTest, SynsetsNestingCyclesAndPlurals) {
  Dictionary d;
  ASSERT_TRUE(ReadVerbs(kVerbs, "test.verbs", &d, nullptr).ok());
  ASSERT_EQ(d.synsets.size(), 4u);
  const Synset& colors = d.synsets.at("&COLORS");  // "&COLORS_": no plurals
  EXPECT_EQ(colors.phrases, (std::vector<Words>{{"RED"}, {"GREEN"}}));
  EXPECT_EQ(colors.origin.line, 2);

  const Synset& metals = d.synsets.at("&METALS");
  EXPECT_TRUE(HasPhrase(metals, {"IRON"}));
  EXPECT_TRUE(HasPhrase(metals, {"IRONS"}));  // PETRARCH adds plurals to members
  EXPECT_TRUE(HasPhrase(metals, {"MITHRIL", "SILVER"}));
  EXPECT_TRUE(HasPhrase(metals, {"MITHRIL", "SILVERS"}));
  EXPECT_TRUE(HasPhrase(metals, {"COLD", "STEEL"}));
  EXPECT_FALSE(HasPhrase(metals, {"COLD", "STEELS"}));  // member ends in '_'
  EXPECT_TRUE(HasPhrase(metals, {"EMERALD"}));          // via &GEMS (forward reference)

  const Synset& gems = d.synsets.at("&GEMS");  // cycle &GEMS -> &METALS -> &GEMS
  EXPECT_TRUE(HasPhrase(gems, {"EMERALD"}));
  EXPECT_TRUE(HasPhrase(gems, {"IRON"}));
  EXPECT_TRUE(HasPhrase(gems, {"MITHRIL", "SILVER"}));
  EXPECT_EQ(std::count(gems.phrases.begin(), gems.phrases.end(), Words{"EMERALD"}), 1);

  EXPECT_EQ(d.synsets.at("&SELFREF").phrases, (std::vector<Words>{{"STONE"}, {"STONES"}}));
}

TEST(ReadVerbsTest, DeepSynsetChainDoesNotRecurse) {
  std::string text;
  constexpr int kDepth = 1000;
  for (int i = 0; i < kDepth; ++i) {
    text += "&S" + std::to_string(i) + "_\n+W" + std::to_string(i) + "\n";
    if (i + 1 < kDepth) text += "+&S" + std::to_string(i + 1) + "\n";
  }
  text += "--- V [010] ---\nV\n- * &S0 [011]\n";
  Dictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadVerbs(text, "deep.verbs", &d, &warnings).ok());
  // Expansion stops at the nesting limit (reported once).
  EXPECT_EQ(d.synsets.at("&S0").phrases.size(), kMaxSynsetNesting);
  EXPECT_EQ(warnings.size(), 1u);
  EXPECT_EQ(d.verbs.at(0).patterns.size(), 1u);
}

constexpr char kBadVerbs[] = R"(STRAY
--- OK [010] ---
OK
- NO STAR HERE [011]
- * TWO * [012]
- * MISSING CODE
- * {A|B} [013]
- * &NOSUCH [014]
- * BROKEN [015
VERB {A B
- * GOOD [016]
+&NOTINSYNSET
&BAD NAME
+MEMBER_OF_BAD
--- [017] ---
- * ORPHAN [018]
--- ALSO [019] ---
++DOUBLE
VERB [0 1]
&SYN
+NEST &SYN2
+&UNDEFINED
)";

TEST(ReadVerbsTest, MalformedLinesAreReportedWithFileAndLine) {
  Dictionary d;
  std::vector<std::string> w;
  ASSERT_TRUE(ReadVerbs(kBadVerbs, "bad.verbs", &d, &w).ok());
  EXPECT_NE(FindWarning(w, "bad.verbs:1: line before any '--- NAME [code] ---'"), "") << JoinAll(w);
  EXPECT_NE(FindWarning(w, "bad.verbs:4: pattern without '*': \"- NO STAR HERE [011]\""), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:5: pattern with more than one '*'"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:6: pattern without a [code]"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:7: TABARI {...} alternatives"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:8: unknown synset &NOSUCH in pattern"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:9: unbalanced [ ]"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:10: unbalanced { }"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:12: "), "");  // "+&X" outside a synset: not a verb
  EXPECT_NE(FindWarning(w, "bad.verbs:13: malformed synset name"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:15: verb block header without a name"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:18: more than one '+' head marker"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:19: malformed [code]"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:21: synset reference inside a multi-word member"), "");
  EXPECT_NE(FindWarning(w, "bad.verbs:22: unknown synset &UNDEFINED in synset &SYN"), "");
  EXPECT_EQ(FindWarning(w, "bad.verbs:14"), "");  // member of the bad synset: skipped quietly
  EXPECT_EQ(FindWarning(w, "bad.verbs:16"), "");  // pattern of the bad block: skipped quietly

  const VerbBlock* ok = FindBlock(d, "OK");
  ASSERT_NE(ok, nullptr);
  ASSERT_EQ(ok->patterns.size(), 1u);
  EXPECT_EQ(ok->patterns[0].code, "016");
  EXPECT_EQ(FindForm(*ok, {"HAMMER"}), nullptr);
}

TEST(ReadVerbsTest, StrictModeReportsFirstError) {
  Dictionary d;
  Status s = ReadVerbs(kBadVerbs, "bad.verbs", &d, nullptr);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "bad.verbs:1: line before any '--- NAME [code] ---' verb block: \"STRAY\"");
}

TEST(ReadVerbsTest, SynsetsFromAnEarlierFileCanBeUsed) {
  Dictionary d;
  ASSERT_TRUE(ReadVerbs("&EARLY_\n+DAWN\n", "a.verbs", &d, nullptr).ok());
  ASSERT_TRUE(
      ReadVerbs("--- RISE [1] ---\nRISE\n- * AT &EARLY [2]\n", "b.verbs", &d, nullptr).ok());
  EXPECT_EQ(d.verbs.at(0).patterns.size(), 1u);
}

// ------------------------------------------------------------------------------------
// Discards

TEST(ReadDiscardsTest, SentenceAndStoryLevel) {
  Dictionary d;
  std::vector<std::string> w;
  ASSERT_TRUE(ReadDiscards("# header\nMonths later\n+Quidditch World_Cup   # sport\n+\n",
                           "t.discards", &d, &w)
                  .ok());
  ASSERT_EQ(d.discards.size(), 2u);
  EXPECT_EQ(d.discards[0].words, (Words{"MONTHS", "LATER"}));
  EXPECT_FALSE(d.discards[0].story_level);
  EXPECT_EQ(d.discards[1].words, (Words{"QUIDDITCH", "WORLD", "CUP"}));
  EXPECT_TRUE(d.discards[1].story_level);
  EXPECT_EQ(d.discards[1].origin.line, 3);
  EXPECT_NE(FindWarning(w, "t.discards:4: empty discard phrase"), "") << JoinAll(w);
}

// ------------------------------------------------------------------------------------
// Robustness: random lines built from the format's special characters.

TEST(ReadersTest, HostileInputDoesNotCrash) {
  static constexpr char kChars[] = "[]{}<>!-_*&+$%^#~:= \t\n\rAB09\xC3\xA9\0";
  const std::string alphabet(kChars, sizeof(kChars) - 1);  // includes the NUL
  const std::vector<std::string> starts = {"--- ", "- ", "&", "+", "+&", "\t[", "!", "<!--", ""};
  uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int iter = 0; iter < 2000; ++iter) {
    std::string text;
    const size_t n = next() % 400;
    for (size_t i = 0; i < n; ++i) {
      if (next() % 8 == 0) text += "\n" + starts[next() % starts.size()];
      text += alphabet[next() % alphabet.size()];
    }
    Dictionary d;
    std::vector<std::string> w;
    EXPECT_TRUE(ReadActors(text, "f", &d, &w).ok());
    EXPECT_TRUE(ReadAgents(text, "f", &d, &w).ok());
    EXPECT_TRUE(ReadVerbs(text, "f", &d, &w).ok());
    EXPECT_TRUE(ReadDiscards(text, "f", &d, &w).ok());
    for (const Actor& a : d.actors) (void)a.CodeOn(20000101);
  }
  EXPECT_FALSE(ReadActors("X", "f", nullptr).ok());
}

// ------------------------------------------------------------------------------------
// Files

TEST(LoadDictionaryFilesTest, MissingFileIsNotFound) {
  DictionaryFiles files;
  files.verbs = "/nonexistent/dir/x.verbs";
  StatusOr<Dictionary> d = LoadDictionaryFiles(files);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kNotFound);
  EXPECT_NE(d.status().message().find("/nonexistent/dir/x.verbs"), std::string::npos);
}

TEST(LoadDictionaryFilesTest, EmptyPathsAreSkippedAndFilesAreRead) {
  EXPECT_TRUE(LoadDictionaryFiles(DictionaryFiles{}).ok());
  const std::string path = ::testing::TempDir() + "/dict_reader_test.actors";
  {
    std::ofstream out(path, std::ios::binary);
    out << "ONE [A]\nTWO\n\t[B <950101]\n";
  }
  DictionaryFiles files;
  files.actors = {path, path};
  StatusOr<Dictionary> d = LoadDictionaryFiles(files);
  ASSERT_TRUE(d.ok()) << d.status().message();
  ASSERT_EQ(d->actors.size(), 4u);
  EXPECT_EQ(d->actors[1].origin.file, path);
  EXPECT_EQ(d->actors[1].codes.at(0).origin.line, 3);
  std::remove(path.c_str());
}

TEST(LoadDictionaryFilesTest, PetrarchValidationDictionaries) {
  const std::string dir = std::string(EVENTCODER_SHARED_DIR) + "/validation/petrarch/";
  DictionaryFiles files;
  files.actors = {dir + "PETR.Validate.actors.txt"};
  files.agents = dir + "PETR.Validate.agents.txt";
  files.verbs = dir + "PETR.Validate.verbs.txt";
  files.discards = dir + "PETR.Validate.discards.txt";
  for (const std::string& f : {files.actors[0], files.agents, files.verbs, files.discards}) {
    if (!std::ifstream(f).good()) GTEST_SKIP() << "not found: " << f;
  }
  // Strict mode: no malformed line at all (notes are allowed).
  StatusOr<Dictionary> strict = LoadDictionaryFiles(files);
  ASSERT_TRUE(strict.ok()) << strict.status().message();
  std::vector<std::string> warnings;
  StatusOr<Dictionary> loaded = LoadDictionaryFiles(files, &warnings);
  ASSERT_TRUE(loaded.ok());
  EXPECT_LE(warnings.size(), 1u) << JoinAll(warnings);  // DELAY's second [code]
  const Dictionary& d = *loaded;

  EXPECT_GT(d.actors.size(), 100u);
  EXPECT_LT(d.actors.size(), 250u);
  EXPECT_GT(d.agents.size(), 100u);
  EXPECT_GT(d.verbs.size(), 200u);
  EXPECT_GE(d.synsets.size(), 15u);
  EXPECT_EQ(d.discards.size(), 9u);

  const Actor* gollum = FindActor(d, {"SMEAGOL"});
  ASSERT_NE(gollum, nullptr);
  EXPECT_EQ(gollum->names[0], (Words{"GOLLUM"}));
  EXPECT_EQ(gollum->CodeOn(19951101), "HOBGOV");
  EXPECT_EQ(gollum->CodeOn(19950101), "HOB");
  EXPECT_EQ(gollum->CodeOn(20000101), "HOBREB");
  const Actor* sam = FindActor(d, {"SAM", "GAMGEE"});
  ASSERT_NE(sam, nullptr);
  EXPECT_EQ(sam->CodeOn(20080119), "HOBCIV");  // DATE-02
  EXPECT_EQ(sam->CodeOn(20100106), "HOBMIL");  // DATE-08
  EXPECT_EQ(sam->CodeOn(20100110), "ORCHOB");  // DATE-10
  EXPECT_EQ(sam->CodeOn(20100112), "ORCHOB");  // DATE-11
  EXPECT_EQ(sam->CodeOn(20100113), "HOBMIL");  // DATE-12
  EXPECT_EQ(sam->CodeOn(20121231), "HOBGOV");  // DATE-13
  const Actor* hamfast = FindActor(d, {"HAMFAST", "GAMGEE"});
  ASSERT_NE(hamfast, nullptr);
  EXPECT_EQ(hamfast->CodeOn(19950104), "HOB");     // DATE-03
  EXPECT_EQ(hamfast->CodeOn(20121109), "HOBGOV");  // DATE-06
  EXPECT_EQ(hamfast->CodeOn(20140104), "HOB");     // DATE-07
  const Actor* zimbabwe = FindActor(d, {"ZIMBABWE"});
  ASSERT_NE(zimbabwe, nullptr);
  EXPECT_EQ(zimbabwe->CodeOn(19781223), "RHO");  // DATE-20
  EXPECT_EQ(zimbabwe->CodeOn(20010101), "ZBW");  // DATE-21
  ASSERT_NE(FindActor(d, {"ARNOR"}), nullptr);
  ASSERT_NE(FindActor(d, {"INTERPOL"}), nullptr);
  EXPECT_EQ(FindActor(d, {"INTERPOL"})->CodeOn(20000101), "IGOCOPITP");

  const VerbBlock* brk = FindBlock(d, "BREAK");
  ASSERT_NE(brk, nullptr);
  EXPECT_EQ(brk->code, "1717");
  EXPECT_NE(FindForm(*brk, {"BROKEN"}), nullptr);
  EXPECT_NE(FindForm(*brk, {"BROKEN", "DOWN"}), nullptr);
  bool treaty = false;
  for (const Pattern& p : brk->patterns) {
    if (p.before.empty() && p.after.size() == 1 && p.after[0].text == "TREATY" && p.code == "161") {
      treaty = true;
    }
  }
  EXPECT_TRUE(treaty);
  EXPECT_NE(FindAgent(d, {"CONGRESSES"}), nullptr);
  EXPECT_NE(FindAgent(d, {"CONGRESSMEN"}), nullptr);
  EXPECT_EQ(FindAgent(d, {"POLICES"}), nullptr);
  EXPECT_NE(FindAgent(d, {"MINISTRY", "OF", "SILLY", "WALKS"}), nullptr);
  EXPECT_TRUE(HasPhrase(d.synsets.at("&ACCORDSYN"), {"GOLDEN", "GOBLIN", "GALLEONS"}));
  EXPECT_TRUE(HasPhrase(d.synsets.at("&PREPOSIT1"), {"AGAINST"}));
}

}  // namespace
}  // namespace eventcoder::dict
