// The coding engine on trees we write by hand, with a small dictionary of our own.
#include "match/coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "dict/dict_reader.h"
#include "pipeline/story_coder.h"

namespace eventcoder {
namespace {

constexpr const char* kActors = R"(
QATAR [QAT]
+QATARI
+DOHA
IRAN [IRN]
+IRANIAN
+TEHRAN
ISRAEL [ISR]
+ISRAELI
EGYPT [EGY]
+EGYPTIAN
HAMAS [PSEINS]
UNITED_NATIONS [IGOUNO]
+U.N.
WEAPONS_BOARD [IGOWPB]
ALI_LARIJANI [IRNLEG]
  [IRNLEG 20080528-20200527]
  [IRNGOV >20250804]
)";

constexpr const char* kAgents = R"(
FOREIGN_MINISTER [~GOVFRM]
FOREIGN_MINISTRY [~GOV]
MINISTER [~GOV]
GOVERNMENT [~GOV]
OFFICIAL [~GOV]
SOLDIER [~MIL]
POLICE {} [~COP]
PROTESTER [~CVL]
)";

constexpr const char* kVerbs = R"(
&HOSTPLACE
+DOHA
+CAIRO

--- MEET [040] ---
MEET {MET}
- * + IN &HOSTPLACE [044]

--- CONDEMN [111] ---
CONDEMN

--- ARREST [173] ---
ARREST

--- VISIT [042:043] ---
VISIT

--- URGE [---] ---
URGE
- * + TO RESUME [025]

--- SAY [010] ---
SAY {SAID}

--- GIVE [071] ---
GIVE

--- RELEASE [084] ---
RELEASE

--- AGREE [030] ---
AGREE {AGREED}

--- IMPOSE [---] ---
IMPOSE
- * CURFEW [1723]

&ARMS
+WEAPONS
&RELIEF
+FOOD

--- PLEAD [020] ---
PLEAD
- * WITH + [020]
- * &ARMS [0232]
- * &RELIEF [0233]

--- ANNOUNCE [---] ---
ANNOUNCE
- * CURFEW [1723]

--- THREATEN [130] ---
THREATEN
- * TO_DELIVER BLOWS [138]

--- DELIVER [070] ---
DELIVER

--- FORCE [---] ---
FORCE
- * + OUT_OF [174]

--- ATTACK [190] ---
ATTACK
)";

constexpr const char* kDiscards = R"(
+FOOTBALL_MATCH
)";

std::shared_ptr<const CompiledDictionary> TestDictionary() {
  dict::Dictionary d;
  std::vector<std::string> warnings;
  EXPECT_TRUE(dict::ReadActors(kActors, "actors.txt", &d, &warnings).ok());
  EXPECT_TRUE(dict::ReadAgents(kAgents, "agents.txt", &d, &warnings).ok());
  EXPECT_TRUE(dict::ReadVerbs(kVerbs, "verbs.txt", &d, &warnings).ok());
  EXPECT_TRUE(dict::ReadDiscards(kDiscards, "discards.txt", &d, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  return std::make_shared<const CompiledDictionary>(std::move(d));
}

using Triple = std::tuple<std::string, std::string, std::string>;

std::set<Triple> Code(const std::string& tree_text, int date = 20260211,
                      CoderOptions opt = CoderOptions()) {
  static auto dict = TestDictionary();
  Coder coder(dict, opt);
  auto tree = ReadTreebank(tree_text);
  EXPECT_TRUE(tree.ok()) << tree.status().message();
  std::set<Triple> out;
  for (const auto& e : coder.CodeTree(*tree, date)) out.insert({e.source, e.target, e.code});
  return out;
}

TEST(Coder, SimpleTransitiveVerb) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD condemned) (NP (NNP Israel))) (. .)))"),
            (std::set<Triple>{{"EGY", "ISR", "111"}}));
}

TEST(Coder, AgentsComposeWithCountryAdjectives) {
  EXPECT_EQ(
      Code("(ROOT (S (NP (JJ Iranian) (NNP Foreign) (NNP Minister) (NNP Abbas) (NNP Araghchi))"
           " (VP (VBD met) (NP (PRP$ his) (JJ Qatari) (NN counterpart))) (. .)))"),
      (std::set<Triple>{{"IRNGOVFRM", "QATGOVFRM", "040"}}));
}

TEST(Coder, PatternBindsTargetAndPlace) {
  // "- * + IN &HOSTPLACE [044]": a meeting at a named place.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Hamas)) (VP (VBD met) (NP (NNP Ali) (NNP Larijani))"
                 " (PP (IN in) (NP (NNP Doha)))) (. .)))"),
            (std::set<Triple>{{"PSEINS", "IRNGOV", "044"}}));
}

TEST(Coder, MeetingInAThirdCountryIs044) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Hamas)) (VP (VBD met) (NP (NNP Egypt)) (, ,) (PP (IN in)"
                 " (NP (NNP Tehran))) (PP (IN on) (NP (NNP Wednesday)))) (. .)))"),
            (std::set<Triple>{{"PSEINS", "EGY", "044"}}));
  // Not a third country when it is one side's own.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Hamas)) (VP (VBD met) (NP (NNP Iran)) (PP (IN in)"
                 " (NP (NNP Tehran)))) (. .)))"),
            (std::set<Triple>{{"PSEINS", "IRN", "040"}}));
}

TEST(Coder, DateRestrictedActorCodes) {
  const char* tree =
      "(ROOT (S (NP (NNP Ali) (NNP Larijani)) (VP (VBD condemned) (NP (NNP Israel))) (. .)))";
  EXPECT_EQ(Code(tree, 20150101), (std::set<Triple>{{"IRNLEG", "ISR", "111"}}));
  EXPECT_EQ(Code(tree, 20260211), (std::set<Triple>{{"IRNGOV", "ISR", "111"}}));
}

TEST(Coder, CompoundSourceExpands) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Egypt) (CC and) (NNP Qatar)) (VP (VBD condemned)"
                 " (NP (NNP Israel))) (. .)))"),
            (std::set<Triple>{{"EGY", "ISR", "111"}, {"QAT", "ISR", "111"}}));
}

TEST(Coder, PassiveVoiceSwapsRoles) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Hamas)) (VP (VBD was) (VP (VBN condemned) (PP (IN by)"
                 " (NP (NNP Egypt))))) (. .)))"),
            (std::set<Triple>{{"EGY", "PSEINS", "111"}}));
}

TEST(Coder, PairedCodeAddsReverseEvent) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Qatar)) (VP (VBD visited) (NP (NNP Egypt))) (. .)))"),
            (std::set<Triple>{{"QAT", "EGY", "042"}, {"EGY", "QAT", "043"}}));
}

TEST(Coder, VerbWithoutDefaultCodeNeedsItsPattern) {
  EXPECT_EQ(Code("(ROOT (S (NP (DT The) (NNP U.N.)) (VP (VBD urged) (NP (NNP Israel))) (. .)))"),
            (std::set<Triple>{}));
  EXPECT_EQ(Code("(ROOT (S (NP (DT The) (NNP U.N.)) (VP (VBD urged) (NP (NNP Israel))"
                 " (S (VP (TO to) (VP (VB resume) (NP (NNS talks)))))) (. .)))"),
            (std::set<Triple>{{"IGOUNO", "ISR", "025"}}));
}

TEST(Coder, NegatedVerbReportsNoEvent) {
  EXPECT_TRUE(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD did) (RB not) (VP (VB condemn)"
                   " (NP (NNP Israel)))) (. .)))")
                  .empty());
  EXPECT_TRUE(Code("(ROOT (S (NP (NNP Egypt)) (VP (MD will) (ADVP (RB never)) (VP (VB condemn)"
                   " (NP (NNP Israel)))) (. .)))")
                  .empty());
}

TEST(Coder, FutureActCodesTheIntent) {
  const char* tree =
      "(ROOT (S (NP (NNP Qatar)) (VP (MD will) (VP (VB give) (NP (NNP Egypt))"
      " (NP (DT a) (NN grant)))) (. .)))";
  EXPECT_EQ(Code(tree), (std::set<Triple>{{"QAT", "EGY", "0331"}}));
  // TABARI's coding of the act itself, as the PETRARCH records expect.
  CoderOptions tabari;
  tabari.stated_intent = false;
  EXPECT_EQ(Code(tree, 20260211, tabari), (std::set<Triple>{{"QAT", "EGY", "071"}}));
  // The past act stays the act.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Qatar)) (VP (VBD gave) (NP (NNP Egypt))"
                 " (NP (DT a) (NN grant))) (. .)))"),
            (std::set<Triple>{{"QAT", "EGY", "071"}}));
}

TEST(Coder, WillingToActCodesTheIntent) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Qatar)) (VP (VBZ is) (ADJP (JJ willing) (S (VP (TO to)"
                 " (VP (VB give) (NP (NNP Egypt)) (NP (NN aid))))))) (. .)))"),
            (std::set<Triple>{{"QAT", "EGY", "0331"}}));
}

TEST(Coder, AgreedToActCodesTheActsIntentNotTheAgreement) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Qatar)) (VP (VBD agreed) (S (VP (TO to) (VP (VB give)"
                 " (NP (NNP Egypt)) (NP (NN aid)))))) (. .)))"),
            (std::set<Triple>{{"QAT", "EGY", "0331"}}));
  // With no intent form for the act, the verb of intent codes.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Qatar)) (VP (VBD agreed) (PP (IN with) (NP (NNP Egypt))))"
                 " (. .)))"),
            (std::set<Triple>{{"QAT", "EGY", "030"}}));
}

TEST(Coder, AnnouncedCoercionIsAThreat) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Israel)) (VP (MD will) (VP (VB impose) (NP (DT a)"
                 " (NN curfew)) (PP (IN on) (NP (NNP Hamas))))) (. .)))"),
            (std::set<Triple>{{"ISR", "PSEINS", "1323"}}));
}

TEST(Coder, RefusedFutureActIsARefusal) {
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Iran)) (VP (MD will) (RB not) (VP (VB release)"
                 " (NP (NNP Ali) (NNP Larijani)))) (. .)))",
                 20150101),
            (std::set<Triple>{{"IRN", "IRNLEG", "1243"}}));
  // A negated past act is no event.
  EXPECT_TRUE(Code("(ROOT (S (NP (NNP Iran)) (VP (VBD did) (RB not) (VP (VB release)"
                   " (NP (NNP Israel)))) (. .)))")
                  .empty());
}

TEST(Coder, NearestContentPatternWins) {
  // Both single-synset patterns match; the word nearest the verb decides, not file order.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD pleaded) (PP (IN with) (NP (NNP Qatar)))"
                 " (PP (IN for) (NP (NN food) (CC and) (NNS weapons)))) (. .)))"),
            (std::set<Triple>{{"EGY", "QAT", "0233"}}));
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD pleaded) (PP (IN with) (NP (NNP Qatar)))"
                 " (PP (IN for) (NP (NNS weapons) (CC and) (NN food)))) (. .)))"),
            (std::set<Triple>{{"EGY", "QAT", "0232"}}));
}

TEST(Coder, FinerCodeOfTheFamilyBeatsTheGenericPattern) {
  // "- * WITH + [020]" matches first; the content pattern's 0233 wins, and the addressee
  // bound by the generic pattern stays the target.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD pleaded) (PP (IN with) (NP (NNP Qatar)))"
                 " (PP (IN for) (NP (NN food)))) (. .)))"),
            (std::set<Triple>{{"EGY", "QAT", "0233"}}));
}

TEST(Coder, WordsOfACodedNameAreNoContent) {
  // "Weapons" names the board; the appeal is for food (0233), not for arms (0232).
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD pleaded) (PP (IN with) (NP (DT the)"
                 " (NNP Weapons) (NNP Board))) (PP (IN for) (NP (NN food)))) (. .)))"),
            (std::set<Triple>{{"EGY", "IGOWPB", "0233"}}));
}

TEST(Coder, PassiveAgentIsThePhraseAfterBy) {
  // The first coded phrase after the verb is a place; the agent follows "by".
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Hamas)) (VP (VBD was) (VP (VBN condemned) (PP (IN at)"
                 " (NP (DT the) (NNP U.N.))) (PP (IN by) (NP (NNP Egypt))))) (. .)))"),
            (std::set<Triple>{{"EGY", "PSEINS", "111"}}));
}

TEST(Coder, AThreatStaysAThreat) {
  // "threatened to deliver blows": not the intent to provide aid (033).
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Iran)) (VP (VBD threatened) (S (VP (TO to) (VP (VB deliver)"
                 " (NP (NNS blows)) (PP (TO to) (NP (NNP Israel))))))) (. .)))"),
            (std::set<Triple>{{"IRN", "ISR", "138"}}));
  // A threatened coercive act keeps its threat code.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Israel)) (VP (VBD threatened) (S (VP (TO to) (VP (VB impose)"
                 " (NP (DT a) (NN curfew)) (PP (IN on) (NP (NNP Hamas))))))) (. .)))"),
            (std::set<Triple>{{"ISR", "PSEINS", "1323"}}));
  // A threatened armed attack (190) is a threat of conventional attack (1384).
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Iran)) (VP (VBD threatened) (S (VP (TO to) (VP (VB attack)"
                 " (NP (NNP Israel)))))) (. .)))"),
            (std::set<Triple>{{"IRN", "ISR", "1384"}}));
}

TEST(Coder, PatternReachingALaterVerbTakesThatVerbsMood) {
  // ANNOUNCE's pattern matches "curfew", the object of "will extend": a threat (1323).
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Israel)) (VP (VBD announced) (SBAR (IN that) (S (NP (PRP it))"
                 " (VP (MD will) (VP (VB extend) (NP (DT the) (NN curfew)) (PP (IN on)"
                 " (NP (NNP Hamas)))))))) (. .)))"),
            (std::set<Triple>{{"ISR", "PSEINS", "1323"}}));
}

TEST(Coder, MustActIsTheSpeakersDemand) {
  // Egypt demands that Iran release (084 -> 1053), of Iran.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD insisted) (SBAR (IN that) (S (NP (NNP Iran))"
                 " (VP (MD must) (VP (VB release) (NP (NNP Israel))))))) (. .)))"),
            (std::set<Triple>{{"EGY", "IRN", "1053"}}));
  // With no speaker the act keeps its code.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Iran)) (VP (MD must) (VP (VB release) (NP (NNP Israel))))"
                 " (. .)))"),
            (std::set<Triple>{{"IRN", "ISR", "084"}}));
  // "must be ready to release" is the same demand, not Iran's intent (0353).
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD insisted) (SBAR (IN that) (S (NP (NNP Iran))"
                 " (VP (MD must) (VP (VB be) (ADJP (JJ ready) (S (VP (TO to) (VP (VB release)"
                 " (NP (NNP Israel))))))))))) (. .)))"),
            (std::set<Triple>{{"EGY", "IRN", "1053"}}));
}

TEST(Coder, RequireDyadDropsUncodedTargets) {
  const char* tree =
      "(ROOT (S (NP (NNP Egypt)) (VP (VBD condemned) (NP (DT the) (NN decision))) (. .)))";
  EXPECT_TRUE(Code(tree).empty());
  CoderOptions loose;
  loose.require_dyad = false;
  EXPECT_EQ(Code(tree, 20260211, loose), (std::set<Triple>{{"EGY", "---", "111"}}));
}

TEST(Coder, CommaClauseIsSkippedWhenLookingForTheSource) {
  EXPECT_EQ(Code("(ROOT (S (NP (NP (NNP Egypt) (POS 's)) (NN foreign) (NN ministry)) (, ,)"
                 " (PP (IN in) (NP (NP (DT a) (NN statement)) (PP (IN on) (NP (NNP Saturday)))))"
                 " (, ,) (VP (VBD condemned) (NP (NNP Israel))) (. .)))"),
            (std::set<Triple>{{"EGYGOV", "ISR", "111"}}));
}

TEST(Coder, ParticleAfterAnAppositiveIsNotACommaClause) {
  // "Egypt forced the Iranian minister, Ali Larijani, out of the country on Monday, ...":
  // ", out of the country on Monday," continues the verb; it is not an aside.
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD forced) (NP (NP (DT the) (JJ Iranian)"
                 " (NN minister)) (, ,) (NP (NNP Ali) (NNP Larijani))) (, ,) (PP (IN out)"
                 " (PP (IN of) (NP (NP (DT the) (NN country)) (PP (IN on) (NP (NNP Monday))))))"
                 " (, ,) (S (NP (NNS officials)) (VP (VBD said)))) (. .)))"),
            (std::set<Triple>{{"EGY", "IRNGOV", "174"}}));
}

TEST(Coder, ConditionAfterUnlessIsNotTheObject) {
  // "Israel will impose sanctions unless Hamas accepts a curfew": no curfew is imposed.
  EXPECT_TRUE(Code("(ROOT (S (NP (NNP Israel)) (VP (MD will) (VP (VB impose) (NP (NNS sanctions))"
                   " (PP (IN unless) (NP (NP (NNP Hamas)) (VP (VBN accepted) (NP (DT a)"
                   " (NN curfew))))))) (. .)))")
                  .empty());
  // "Israel will arrest them unless Egypt ...": Egypt is not the target; a threat.
  CoderOptions loose;
  loose.require_dyad = false;
  EXPECT_EQ(Code("(ROOT (S (NP (NNP Israel)) (VP (MD will) (VP (VB arrest) (NP (PRP them))"
                 " (SBAR (IN unless) (S (NP (NNP Egypt)) (VP (VBZ acts)))))) (. .)))",
                 20260211, loose),
            (std::set<Triple>{{"ISR", "---", "137"}}));
}

TEST(Coder, FailedActIsNoEvent) {
  // "Egypt failed to condemn Israel": nothing was condemned.
  EXPECT_TRUE(Code("(ROOT (S (NP (NNP Egypt)) (VP (VBD failed) (S (VP (TO to) (VP (VB condemn)"
                   " (NP (NNP Israel)))))) (. .)))")
                  .empty());
}

TEST(Coder, RelativeClauseTakesTheNounItModifies) {
  EXPECT_EQ(Code("(ROOT (S (NP (NP (JJ Egyptian) (NNS police)) (SBAR (WHNP (WP who))"
                 " (S (VP (VBD arrested) (NP (JJ Israeli) (NNS soldiers)))))) (VP (VBD said)"
                 " (NP (NN nothing))) (. .)))"),
            (std::set<Triple>{{"EGYCOP", "ISRMIL", "173"}}));
}

TEST(Coder, SelfReferenceIsNotAnEvent) {
  EXPECT_TRUE(Code("(ROOT (S (NP (NNP Qatar)) (VP (VBD met) (NP (NNP Doha))) (. .)))").empty());
}

TEST(Coder, DiscardsNameTheirLevel) {
  Coder coder(TestDictionary(), CoderOptions());
  bool story = false;
  EXPECT_TRUE(coder.IsDiscarded({"AFTER", "THE", "FOOTBALL", "MATCH"}, &story));
  EXPECT_TRUE(story);
  EXPECT_FALSE(coder.IsDiscarded({"A", "MATCH"}, &story));
}

TEST(StoryCoder, RawTextEventsCarrySpansAndProvenance) {
  Story story;
  story.id = "s1";
  story.date = 20260214;
  story.text = "CAIRO, Feb 14 - Egypt condemned Israel on Saturday.\n\nThe talks resume next week.";
  StoryCoder coder(TestDictionary(), PipelineOptions());
  StoryResult result;
  ASSERT_TRUE(coder.Code(story, &result).ok());
  ASSERT_EQ(result.events.size(), 1u);
  const Event& e = result.events[0];
  EXPECT_EQ(e.source_code, "EGY");
  EXPECT_EQ(e.target_code, "ISR");
  EXPECT_EQ(e.cameo, "111");
  EXPECT_EQ(e.sentence, 0);
  ASSERT_FALSE(e.verb_spans.empty());
  EXPECT_EQ(story.text.substr(e.verb_spans[0].begin, e.verb_spans[0].end - e.verb_spans[0].begin),
            "condemned");
  ASSERT_FALSE(e.source_spans.empty());
  EXPECT_EQ(
      story.text.substr(e.source_spans[0].begin, e.source_spans[0].end - e.source_spans[0].begin),
      "Egypt");
  bool names_verb_line = std::any_of(e.why.begin(), e.why.end(), [](const WhyEntry& w) {
    return w.role == "verb" && w.file == "verbs.txt" && w.line > 0;
  });
  EXPECT_TRUE(names_verb_line);
}

TEST(StoryCoder, PronounsAndTheMinisterReferBack) {
  Story story;
  story.id = "s2";
  story.date = 20260211;
  story.text =
      "Iranian Foreign Minister Abbas Araghchi arrived in Doha on Wednesday.\n\n"
      "He condemned Israel.\n\nThe minister also condemned the United Nations.";
  StoryCoder coder(TestDictionary(), PipelineOptions());
  StoryResult result;
  ASSERT_TRUE(coder.Code(story, &result).ok());
  std::set<Triple> got;
  for (const auto& e : result.events) got.insert({e.source_code, e.target_code, e.cameo});
  EXPECT_EQ(got, (std::set<Triple>{{"IRNGOVFRM", "ISR", "111"}, {"IRNGOVFRM", "IGOUNO", "111"}}));
  ASSERT_FALSE(result.events.empty());
  bool explained =
      std::any_of(result.events[0].why.begin(), result.events[0].why.end(), [](const WhyEntry& w) {
        return w.role == "source-rule" && w.entry.find("refers to IRNGOVFRM") != std::string::npos;
      });
  EXPECT_TRUE(explained);
}

TEST(StoryCoder, StoryLevelDiscardDropsTheWholeStory) {
  Story story;
  story.id = "sport";
  story.date = 20260214;
  story.text = "Egypt condemned Israel.\n\nThe football match ended in a draw.";
  StoryCoder coder(TestDictionary(), PipelineOptions());
  StoryResult result;
  ASSERT_TRUE(coder.Code(story, &result).ok());
  EXPECT_TRUE(result.discarded);
  EXPECT_TRUE(result.events.empty());
}

TEST(StoryCoder, UnreadableSuppliedParseNamesTheStory) {
  Story story;
  story.id = "bad-parse";
  story.file = "records.xml";
  story.line = 12;
  story.date = 20260214;
  story.text = "Egypt condemned Israel.";
  story.parse = "(ROOT (S (NP (NNP Egypt)) (VP (VBD condemned) (NP (NNP Israel)))";
  StoryCoder coder(TestDictionary(), PipelineOptions());
  StoryResult result;
  Status s = coder.Code(story, &result);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("records.xml:12"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("bad-parse"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace eventcoder
