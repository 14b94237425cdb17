#include "dict/inflect.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace eventcoder::dict {
namespace {

using Words = std::vector<std::string>;

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
bool ContainsPhrase(const std::vector<Words>& v, const Words& w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

void ExpectForms(const std::string& base, const std::string& s, const std::string& ed,
                 const std::string& ing) {
  RegularVerbForms f = RegularVerbInflections(base);
  EXPECT_EQ(f.third_person, s) << base;
  EXPECT_EQ(f.past, ed) << base;
  EXPECT_EQ(f.ing, ing) << base;
}

TEST(RegularVerbInflectionsTest, SpellingRules) {
  ExpectForms("ABANDON", "ABANDONS", "ABANDONED", "ABANDONING");  // no doubling: 3 syllables
  ExpectForms("STOP", "STOPS", "STOPPED", "STOPPING");            // CVC doubling
  ExpectForms("BAN", "BANS", "BANNED", "BANNING");
  ExpectForms("QUIT", "QUITS", "QUITTED", "QUITTING");      // QU is a consonant
  ExpectForms("CARRY", "CARRIES", "CARRIED", "CARRYING");   // Y -> IE
  ExpectForms("PLAY", "PLAYS", "PLAYED", "PLAYING");        // vowel + Y
  ExpectForms("ARRIVE", "ARRIVES", "ARRIVED", "ARRIVING");  // E drop
  ExpectForms("AGREE", "AGREES", "AGREED", "AGREEING");     // EE keeps its E
  ExpectForms("DIE", "DIES", "DIED", "DYING");              // IE -> Y
  ExpectForms("PUSH", "PUSHES", "PUSHED", "PUSHING");
  ExpectForms("FIX", "FIXES", "FIXED", "FIXING");  // X never doubles
  ExpectForms("GO", "GOES", "GOED", "GOING");
  ExpectForms("VISIT", "VISITS", "VISITED", "VISITING");
  ExpectForms("ARM", "ARMS", "ARMED", "ARMING");
}

TEST(RegularVerbInflectionsTest, OddInputDoesNotCrash) {
  for (const char* w : {"", "A", "Y", "E", "N'T", "123", "\xC3\xA9T\xC3\xA9", "--"}) {
    RegularVerbForms f = RegularVerbInflections(w);
    if (*w == '\0') {
      EXPECT_TRUE(f.past.empty());
    }
  }
  EXPECT_TRUE(VerbInflections("").empty());
  EXPECT_TRUE(NounPlurals("").empty());
}

TEST(VerbInflectionsTest, IrregularFormsFromWordNet) {
  if (!WordNetAvailable()) GTEST_SKIP() << "WordNet verb.exc not installed";
  std::vector<std::string> forms = VerbInflections("BREAK");
  EXPECT_TRUE(Contains(forms, "BROKE"));
  EXPECT_TRUE(Contains(forms, "BROKEN"));
  EXPECT_TRUE(Contains(forms, "BREAKS"));
  EXPECT_TRUE(Contains(forms, "BREAKING"));
  EXPECT_FALSE(Contains(forms, "BREAK"));
  EXPECT_TRUE(Contains(VerbInflections("LEAVE"), "LEFT"));
  EXPECT_TRUE(Contains(VerbInflections("SAY"), "SAID"));
  // Doubling beyond one syllable comes from WordNet.
  EXPECT_TRUE(Contains(VerbInflections("REGRET"), "REGRETTED"));
  EXPECT_TRUE(Contains(IrregularVerbForms("BE"), "WAS"));
  EXPECT_TRUE(IrregularVerbForms("ABANDON").empty());
}

TEST(VerbInflectionsTest, NoDuplicates) {
  std::vector<std::string> forms = VerbInflections("STOP");
  std::vector<std::string> sorted = forms;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end());
  EXPECT_TRUE(Contains(forms, "STOPPED"));
}

TEST(InflectVerbPhraseTest, InflectsOnlyTheHead) {
  std::vector<Words> forms = InflectVerbPhrase({"WIRE", "TAP"}, 1);
  EXPECT_TRUE(ContainsPhrase(forms, {"WIRE", "TAPS"}));
  EXPECT_TRUE(ContainsPhrase(forms, {"WIRE", "TAPPED"}));
  EXPECT_TRUE(ContainsPhrase(forms, {"WIRE", "TAPPING"}));
  forms = InflectVerbPhrase({"CORDON", "OFF"}, 0);
  EXPECT_TRUE(ContainsPhrase(forms, {"CORDONED", "OFF"}));
  EXPECT_TRUE(ContainsPhrase(forms, {"CORDONING", "OFF"}));
  EXPECT_TRUE(InflectVerbPhrase({"CORDON", "OFF"}, 2).empty());
  EXPECT_TRUE(InflectVerbPhrase({}, 0).empty());
}

TEST(NounPluralsTest, RegularRules) {
  EXPECT_EQ(NounPlurals("SOLDIER"), (Words{"SOLDIERS"}));
  EXPECT_EQ(NounPlurals("POLICY"), (Words{"POLICIES"}));
  EXPECT_EQ(NounPlurals("ATTORNEY"), (Words{"ATTORNEYS"}));
  EXPECT_EQ(NounPlurals("CHURCH"), (Words{"CHURCHES"}));
  EXPECT_EQ(NounPlurals("CONGRESS"), (Words{"CONGRESSES"}));
  EXPECT_EQ(NounPlurals("BOX"), (Words{"BOXES"}));
  EXPECT_EQ(NounPlurals("BUSH"), (Words{"BUSHES"}));
  // Already plural: nothing generated.
  EXPECT_TRUE(NounPlurals("OFFICIALS").empty());
  EXPECT_TRUE(NounPlurals("FORCES").empty());
}

TEST(NounPluralsTest, ManBecomesMen) {
  EXPECT_TRUE(Contains(NounPlurals("MAN"), "MEN"));
  EXPECT_EQ(NounPlurals("CONGRESSMAN"), (Words{"CONGRESSMEN"}));
  EXPECT_EQ(NounPlurals("CONGRESSWOMAN"), (Words{"CONGRESSWOMEN"}));
  EXPECT_EQ(NounPlurals("WOMAN"), (Words{"WOMEN"}));
  EXPECT_EQ(NounPlurals("HUMAN"), (Words{"HUMANS"}));
  EXPECT_EQ(NounPlurals("GERMAN"), (Words{"GERMANS"}));
}

TEST(NounPluralsTest, IrregularFromWordNet) {
  if (!WordNetAvailable()) GTEST_SKIP() << "WordNet not installed";
  EXPECT_TRUE(Contains(NounPlurals("GOOSE"), "GEESE"));
  EXPECT_TRUE(Contains(NounPlurals("CHILD"), "CHILDREN"));
}

TEST(PluralPhrasesTest, PluralizesTheLastWord) {
  EXPECT_EQ(PluralPhrases({"FOREIGN", "MINISTER"}), (std::vector<Words>{{"FOREIGN", "MINISTERS"}}));
  EXPECT_EQ(PluralPhrases({"HUMAN", "RIGHTS", "BODY"}),
            (std::vector<Words>{{"HUMAN", "RIGHTS", "BODIES"}}));
  EXPECT_TRUE(PluralPhrases({}).empty());
  EXPECT_TRUE(PluralPhrases({"SECURITY", "OFFICIALS"}).empty());
}

}  // namespace
}  // namespace eventcoder::dict
