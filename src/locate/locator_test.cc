#include "locate/locator.h"

#include <gtest/gtest.h>

namespace eventcoder {
namespace {

// One event per sentence, verb at the sentence start; returns the located events.
std::vector<Event> LocateSentences(const std::string& text, int date,
                                   const std::vector<Span>& sentences) {
  Locator loc(Gazetteer::Default());
  Story s;
  s.id = "t";
  s.date = date;
  s.text = text;
  std::vector<Event> events;
  for (size_t i = 0; i < sentences.size(); ++i) {
    Event e;
    e.sentence = static_cast<int>(i);
    e.date = date;
    e.verb_spans.push_back({sentences[i].begin, sentences[i].begin + 1});
    events.push_back(e);
  }
  loc.Locate(s, sentences, &events);
  return events;
}

std::vector<Event> LocateOne(const std::string& text, int date = 20260211) {
  return LocateSentences(text, date, {{0, text.size()}});
}

TEST(Locator, PrepositionWithModifiers) {
  auto e = LocateOne("Israeli jets struck targets in southern Lebanon overnight.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name, "Lebanon");
  EXPECT_EQ(e[0].location->level, "country");
  EXPECT_EQ(e[0].location->words, "in southern Lebanon");
  EXPECT_EQ(e[0].location->basis, "sentence");
  EXPECT_EQ(e[0].location->country_iso3, "LBN");
}

TEST(Locator, NearAndAtAndCapitalOf) {
  auto e = LocateOne("Troops clashed near Khan Younis.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->country_iso2, "PS");
  e = LocateOne("The envoy spoke at the UN headquarters in New York.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name, "New York");
  EXPECT_EQ(e[0].location->level, "city");
  e = LocateOne("The talks were held in the capital of Qatar.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name, "Doha");
  EXPECT_EQ(e[0].location->words, "in the capital of Qatar");
}

TEST(Locator, AmbiguousNameFollowsTheCountryWrittenAfterIt) {
  auto e = LocateOne("Gunmen opened fire in Tripoli, Lebanon, on Monday.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->country_iso2, "LB");
  e = LocateOne("Rival militias clashed in Tripoli on Monday.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->country_iso2, "LY");
}

TEST(Locator, AmbiguousNameFollowsTheStoryCountries) {
  std::string text = "Lebanon's army deployed troops. Gunmen opened fire in Tripoli on Monday.";
  auto e = LocateSentences(text, 20260211, {{0, 32}, {33, text.size()}});
  ASSERT_TRUE(e[1].location);
  EXPECT_EQ(e[1].location->country_iso2, "LB");
}

TEST(Locator, ActorNationalityIsNotAPlace) {
  auto e = LocateOne("Iran's foreign minister praised Qatar's mediation.");
  EXPECT_FALSE(e[0].location.has_value());
}

TEST(Locator, DatelineThenEarlierSentences) {
  std::string text = "DOHA, Feb 11 (Wire) - Talks began. Officials met again.";
  auto e = LocateSentences(text, 20260212, {{22, 34}, {35, text.size()}});
  ASSERT_TRUE(e[1].location);
  EXPECT_EQ(e[1].location->name, "Doha");
  EXPECT_EQ(e[1].location->basis, "dateline");
  EXPECT_EQ(e[1].location->words, "DOHA");
  EXPECT_EQ(e[1].date, 20260211);
  EXPECT_EQ(e[1].date_precision, "dateline");

  text = "Shelling hit homes in Kharkiv. Officials condemned the attack.";
  e = LocateSentences(text, 20260211, {{0, 30}, {31, text.size()}});
  ASSERT_TRUE(e[1].location);
  EXPECT_EQ(e[1].location->name, "Kharkiv");
  EXPECT_EQ(e[1].location->basis, "story");
  EXPECT_EQ(e[1].date_precision, "story");
}

TEST(Locator, FindDateline) {
  std::string t = "KYIV, Feb 17 (Wire) - Russian forces attacked.";
  Dateline d = Locator::FindDateline(t);
  EXPECT_EQ(t.substr(d.place.begin, d.place.end - d.place.begin), "KYIV");
  EXPECT_EQ(d.month, 2);
  EXPECT_EQ(d.day, 17);
  d = Locator::FindDateline("PORT SUDAN \xE2\x80\x94 The WFP said.");
  EXPECT_EQ(d.place.end, 10u);
  EXPECT_EQ(d.month, 0);
  d = Locator::FindDateline("NATO said on Monday it would meet.");
  EXPECT_EQ(d.place.end, 0u);
  d = Locator::FindDateline("");
  EXPECT_EQ(d.place.end, 0u);
}

// The words of a dateline are read from the first 64 bytes when they settle it, else from
// the first 160: a place, month or day on either side of byte 64 reads the same.
TEST(Locator, FindDatelineAcrossTheFirst64Bytes) {
  for (size_t len = 40; len <= 80; ++len) {
    std::string place(len, 'X');
    std::string t = place + ", Feb 17 (Wire) - Russian forces attacked U.S. positions.";
    Dateline d = Locator::FindDateline(t);
    EXPECT_EQ(d.place.begin, 0u) << len;
    EXPECT_EQ(d.place.end, len) << len;
    EXPECT_EQ(d.month, 2) << len;
    EXPECT_EQ(d.day, 17) << len;
    // Four capitalised words, then the month past the window of 60 bytes: no day.
    t = "A B C " + place + " - " + std::string(60, 'y') + " Feb 17 text.";
    d = Locator::FindDateline(t);
    EXPECT_EQ(d.place.end, 6 + len) << len;
    EXPECT_EQ(d.month, 0) << len;
  }
}

TEST(Locator, SentenceDates) {
  // 2026-02-11 is a Wednesday.
  EXPECT_EQ(Locator::SentenceDate("They met in Doha on Wednesday.", 20260211), 20260211);
  EXPECT_EQ(Locator::SentenceDate("They met on Monday.", 20260211), 20260209);
  EXPECT_EQ(Locator::SentenceDate("They met last Wednesday.", 20260211), 20260204);
  EXPECT_EQ(Locator::SentenceDate("They met on Feb. 9.", 20260211), 20260209);
  EXPECT_EQ(Locator::SentenceDate("They met on 9 February.", 20260211), 20260209);
  EXPECT_EQ(Locator::SentenceDate("They met on December 30.", 20260211), 20251230);
  EXPECT_EQ(Locator::SentenceDate("They met yesterday.", 20260301), 20260228);
  EXPECT_EQ(Locator::SentenceDate("They met overnight.", 20260211), 0);
  EXPECT_EQ(Locator::SentenceDate("They met on February 30.", 20260211), 0);
  EXPECT_EQ(Locator::SentenceDate("Talks since Monday.", 20260211), 0);
  EXPECT_EQ(Locator::SentenceDate("on Monday", 0), 0);
}

TEST(Locator, HostileTextNeverCrashes) {
  std::string junk = "in \xff\xfe in in ,,, IN at near \xE2\x80 the capital of";
  auto e = LocateOne(junk);
  EXPECT_EQ(e.size(), 1u);
  Locator loc(nullptr);  // no gazetteer: dates only
  Story s;
  s.text = "Met on Monday in Doha.";
  s.date = 20260211;
  std::vector<Event> ev(1);
  ev[0].sentence = 5;  // out of range
  loc.Locate(s, std::vector<Span>{{0, s.text.size()}}, &ev);
  EXPECT_FALSE(ev[0].location);
}

// Names whose key is not simply their first word's: a leading "The", a hyphen, and the
// period of "U.S.".
TEST(Locator, NamesSpellingsAcrossWordBoundaries) {
  auto e = LocateOne("Judges met in The Hague on Monday.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name, "The Hague");
  EXPECT_EQ(e[0].location->words, "in The Hague");
  e = LocateOne("Pilgrims gathered in Al-Quds for prayers.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name, "Jerusalem");
  e = LocateOne("Envoys met in the U.S. last week.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->country_iso2, "US");
  EXPECT_EQ(e[0].location->words, "in the U.S");
}

// FindMentions and Locate scan text the same way whatever was scanned before (the scan
// buffers are reused).
TEST(Locator, RepeatedScansAgree) {
  Locator loc(Gazetteer::Default());
  std::string a = "Fighting raged in Kharkiv, Ukraine, and near Gaza City overnight.";
  std::string b = "Talks in Doha.";
  auto first = loc.FindMentions(a, 0, a.size());
  (void)loc.FindMentions(b, 0, b.size());
  auto again = loc.FindMentions(a, 0, a.size());
  ASSERT_EQ(first.size(), again.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].entry, again[i].entry);
    EXPECT_EQ(first[i].name.begin, again[i].name.begin);
    EXPECT_EQ(first[i].name.end, again[i].name.end);
    EXPECT_EQ(first[i].country_after, again[i].country_after);
  }
  ASSERT_GE(first.size(), 2u);
  EXPECT_EQ(first[0].country_after, "UA");
}

// A name with an apostrophe inside a word is looked up whole: "Sana'a" is Yemen's capital,
// not "Sana" (a town in Peru) followed by a stray "a". A possessive still ends the name.
TEST(Locator, ApostropheInsideANameKeepsTheWholeName) {
  auto e = LocateOne("Air strikes hit targets in Sana'a on Monday.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->country_iso2, "YE");
  EXPECT_EQ(e[0].location->words, "in Sana'a");
  e = LocateOne("Air strikes hit targets in Sana\u2019a on Monday.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->country_iso2, "YE");
  e = LocateOne("Protesters gathered in Israel's north.");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->country_iso2, "IL");
  EXPECT_EQ(e[0].location->words, "in Israel");
}

// Locate reads sentences without events only as far as an event's place needs them; the
// countries such a sentence names still decide an ambiguous place, wherever it stands.
TEST(Locator, SentencesWithoutEventsStillSetTheCountryContext) {
  Locator loc(Gazetteer::Default());
  Story s;
  s.date = 20260211;
  // The only event is in the first sentence; the second names the country.
  s.text = "Gunmen opened fire in Tripoli on Monday. Lebanon's army deployed troops.";
  std::vector<Span> sentences = {{0, 40}, {41, s.text.size()}};
  Event e;
  e.sentence = 0;
  e.verb_spans.push_back({7, 13});
  std::vector<Event> events = {e};
  loc.Locate(s, sentences, &events);
  ASSERT_TRUE(events[0].location);
  EXPECT_EQ(events[0].location->country_iso2, "LB");
  EXPECT_EQ(events[0].location->basis, "sentence");
  EXPECT_EQ(events[0].date, 20260209);

  // An ambiguous dateline, decided by a sentence with no event after the event's.
  s.text = "TRIPOLI, Feb 11 (Wire) - Talks began. Lebanon's army deployed troops.";
  sentences = {{25, 37}, {38, s.text.size()}};
  events = {e};
  events[0].verb_spans = {{31, 36}};
  loc.Locate(s, sentences, &events);
  ASSERT_TRUE(events[0].location);
  EXPECT_EQ(events[0].location->basis, "dateline");
  EXPECT_EQ(events[0].location->country_iso2, "LB");
  EXPECT_EQ(events[0].date_precision, "dateline");
  // Without that sentence the dateline is Libya's capital.
  sentences.pop_back();
  events = {e};
  events[0].verb_spans = {{31, 36}};
  loc.Locate(s, sentences, &events);
  ASSERT_TRUE(events[0].location);
  EXPECT_EQ(events[0].location->country_iso2, "LY");

  // A story place from an earlier sentence without an event, two sentences back.
  s.text = "Shelling hit homes in Kharkiv. Nobody was hurt. Officials condemned it.";
  sentences = {{0, 30}, {31, 47}, {48, s.text.size()}};
  e.sentence = 2;
  e.verb_spans = {{58, 67}};
  events = {e};
  loc.Locate(s, sentences, &events);
  ASSERT_TRUE(events[0].location);
  EXPECT_EQ(events[0].location->name, "Kharkiv");
  EXPECT_EQ(events[0].location->basis, "story");
}

}  // namespace
}  // namespace eventcoder
