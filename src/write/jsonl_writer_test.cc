#include "write/jsonl_writer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "write/event_record.h"
#include "write/json_util.h"
#include "write/memory_sink.h"

namespace eventcoder {
namespace {

using ordered_json = nlohmann::ordered_json;

Story MakeStory() {
  Story s;
  s.id = "wire-2026-02-11-001";
  s.date = 20260211;
  s.text = "Iran\xE2\x80\x99s SNSC secretary met a Hamas delegation in Doha.";
  return s;
}

Event MakeEvent() {
  Event e;
  e.story_id = "wire-2026-02-11-001";
  e.sentence = 0;
  e.date = 20260211;
  e.source_code = "IRNGOV";
  e.target_code = "PSEREB";
  e.cameo = "044";
  e.source_text = "Iran\xE2\x80\x99s SNSC secretary";
  e.target_text = "a Hamas delegation";
  e.verb_text = "met";
  e.text = "Iran\xE2\x80\x99s SNSC secretary met a Hamas delegation in Doha.";
  e.source_spans = {{0, 26}};
  e.target_spans = {{31, 49}};
  e.verb_spans = {{27, 30}};
  e.why = {{"source", "Phoenix.Countries.actors.txt", 1203, "IRAN_ [IRN]"},
           {"verb", "CAMEO.verbpatterns.txt", 88, "MEET"}};
  return e;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

TEST(JsonlWriterTest, KeysValuesAndOrder) {
  std::ostringstream out;
  JsonlWriter w(&out, "-");
  Story story = MakeStory();
  Event e = MakeEvent();
  ASSERT_TRUE(WriteStory(w, story, std::vector<Event>{e}).ok());
  ASSERT_TRUE(w.Finish().ok());
  std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 1u);
  ordered_json j = ordered_json::parse(lines[0], nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << lines[0];
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"id", "story_id", "sentence", "date", "date_precision",
                                      "source_code", "target_code", "cameo", "root", "quad_class",
                                      "goldstein", "source_text", "target_text", "verb_text",
                                      "text", "spans", "why", "location", "geo_precision"}));
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_EQ(j["geo_precision"], "none");
  EXPECT_EQ(j["date"], "2026-02-11");
  EXPECT_EQ(j["cameo"], "044");
  EXPECT_EQ(j["root"], "04");
  EXPECT_EQ(j["quad_class"], 1);
  EXPECT_DOUBLE_EQ(j["goldstein"].get<double>(), 2.5);
  EXPECT_EQ(j["source_text"], "Iran\xE2\x80\x99s SNSC secretary");
  EXPECT_EQ(j["spans"]["source"][0][0], 0);
  EXPECT_EQ(j["spans"]["source"][0][1], 26);
  EXPECT_EQ(j["spans"]["verb"][0][0], 27);
  EXPECT_EQ(j["why"][0]["role"], "source");
  EXPECT_EQ(j["why"][0]["line"], 1203);
  EXPECT_EQ(j["why"][1]["entry"], "MEET");
  // Deterministic: the same input gives the same bytes.
  EXPECT_EQ(lines[0], JsonlWriter::FormatEvent(story, e, {}));
}

TEST(JsonlWriterTest, ExplainAddsCodebookFields) {
  WriterOptions opt;
  opt.explain = true;
  ordered_json j =
      ordered_json::parse(JsonlWriter::FormatEvent(MakeStory(), MakeEvent(), opt), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["cameo_name"], "Meet at a 'third' location");
  EXPECT_FALSE(j["cameo_description"].get<std::string>().empty());
  EXPECT_EQ(j["plover"], "CONSULT");
  auto last = j.end();
  --last;
  EXPECT_EQ(last.key(), "plover");
}

TEST(JsonlWriterTest, NonCameoCodeIsNullGoldstein) {
  Event e = MakeEvent();
  e.cameo = "075A";
  WriterOptions opt;
  opt.explain = true;
  ordered_json j =
      ordered_json::parse(JsonlWriter::FormatEvent(MakeStory(), e, opt), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_TRUE(j["goldstein"].is_null());
  EXPECT_EQ(j["quad_class"], 0);
  EXPECT_EQ(j["root"], "");
  EXPECT_TRUE(j["cameo_name"].is_null());
}

TEST(JsonlWriterTest, NastyBytesGiveValidJsonAndUtf8) {
  const std::string nasty[] = {
      std::string("quote \" backslash \\ slash / tab\t nl\n cr\r nul ") + std::string(1, '\0') +
          "end",
      "\x01\x02\x1f\x7f bell\a formfeed\f backspace\b",
      "lone continuation \x80 and \xBF",
      "truncated \xE2\x80",
      "overlong \xC0\xAF and \xE0\x80\xAF",
      "surrogate \xED\xA0\x80",
      "too big \xF4\x90\x80\x80 and \xF8\x88\x80\x80\x80",
      "\xFF\xFE\xFD",
      "line sep \xE2\x80\xA8 para sep \xE2\x80\xA9",
      "emoji \xF0\x9F\x98\x80 arabic \xD8\xAD\xD9\x85\xD8\xA7\xD8\xB3",
      "</script><!-- {\"a\":1}",
  };
  std::ostringstream out;
  JsonlWriter w(&out, "-");
  Story story = MakeStory();
  story.id = "id\n\xFF";
  ASSERT_TRUE(w.BeginStory(story).ok());
  for (const std::string& s : nasty) {
    Event e = MakeEvent();
    e.story_id = s;
    e.source_code = s;
    e.text = s;
    e.verb_text = s;
    e.why = {{s, s, -1, s}};
    ASSERT_TRUE(w.Write(story, e).ok());
  }
  ASSERT_TRUE(w.EndStory(story).ok());
  ASSERT_TRUE(w.Finish().ok());
  std::string all = out.str();
  EXPECT_EQ(ValidUtf8(all), all) << "output is not valid UTF-8";
  std::vector<std::string> lines = Lines(all);
  ASSERT_EQ(lines.size(), std::size(nasty));
  for (size_t i = 0; i < lines.size(); ++i) {
    ordered_json j = ordered_json::parse(lines[i], nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << lines[i];
    EXPECT_EQ(j["text"].get<std::string>(), ValidUtf8(nasty[i]));
  }
  // Valid text round-trips exactly.
  ordered_json j = ordered_json::parse(lines[9], nullptr, false);
  EXPECT_EQ(j["text"].get<std::string>(), nasty[9]);
}

// Lines reach the stream by the end of their story (or at Finish), each exactly the
// FormatEvent line.
TEST(JsonlWriterTest, LinesReachTheStreamByEndStoryAndFinish) {
  std::ostringstream out;
  JsonlWriter w(&out, "-");
  Story story = MakeStory();
  Event e = MakeEvent();
  const std::string line = JsonlWriter::FormatEvent(story, e, {}) + "\n";
  ASSERT_TRUE(w.BeginStory(story).ok());
  ASSERT_TRUE(w.Write(story, e).ok());
  ASSERT_TRUE(w.Write(story, e).ok());
  ASSERT_TRUE(w.EndStory(story).ok());
  EXPECT_EQ(out.str(), line + line);
  ASSERT_TRUE(w.Write(story, e).ok());  // no EndStory: Finish writes it
  ASSERT_TRUE(w.Finish().ok());
  EXPECT_EQ(out.str(), line + line + line);
}

TEST(JsonlWriterTest, WriteFailureIsReported) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  JsonlWriter w(&out, "out.jsonl");
  Status st = w.Write(MakeStory(), MakeEvent());
  EXPECT_EQ(st.code(), StatusCode::kInternal);
  EXPECT_NE(st.message().find("out.jsonl"), std::string::npos);
}

TEST(ValidUtf8Test, ReplacesEachInvalidByte) {
  EXPECT_EQ(ValidUtf8("abc"), "abc");
  EXPECT_EQ(ValidUtf8("a\xFF"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(ValidUtf8("\xE2\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ValidUtf8("\xE2\x80\x99"), "\xE2\x80\x99");
  EXPECT_EQ(ValidUtf8("\xC0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ValidUtf8("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(ValidUtf8(std::string_view("\0", 1)), std::string("\0", 1));
}

TEST(EventRecordTest, DatesAndWeights) {
  EXPECT_EQ(IsoDate(20260211), "2026-02-11");
  EXPECT_EQ(IsoDate(19990101), "1999-01-01");
  EXPECT_EQ(IsoDate(0), "");
  EXPECT_EQ(IsoDate(-5), "");
  EXPECT_EQ(FormatGoldstein(-10.0), "-10.0");
  EXPECT_EQ(FormatGoldstein(2.5), "2.5");
  EXPECT_EQ(FormatGoldstein(0.0), "0.0");
  EXPECT_EQ(FormatGoldstein(-0.1), "-0.1");
  EXPECT_EQ(FormatGoldstein(std::nan("")), "");
  Story s = MakeStory();
  Event e = MakeEvent();
  e.date = 0;
  e.story_id.clear();
  EventRecord r = MakeEventRecord(s, e);
  EXPECT_EQ(r.date, "2026-02-11");  // from the story
  EXPECT_EQ(r.story_id, s.id);
}

TEST(JsonUtilTest, EmptySpansAndWhy) {
  Event e;
  EXPECT_EQ(SpansJson(e), "{\"source\":[],\"target\":[],\"verb\":[]}");
  EXPECT_EQ(WhyJson(e), "[]");
  EXPECT_EQ(JsonString("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
}

// The documented quoting rules, one byte at a time, on ValidUtf8's repair.
std::string ReferenceJsonString(std::string_view in) {
  std::string v = ValidUtf8(in);
  std::string out = "\"";
  for (size_t i = 0; i < v.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(v[i]);
    if (c == 0xE2 && i + 2 < v.size() && static_cast<unsigned char>(v[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(v[i + 2]) == 0xA8 ||
         static_cast<unsigned char>(v[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(v[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\b') {
      out += "\\b";
    } else if (c == '\f') {
      out += "\\f";
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// Every length from 0 to 70 (the short-string, word and 16-byte paths and their tails),
// with each kind of special byte or sequence at every position.
TEST(JsonUtilTest, QuotingMatchesTheRulesAtEveryLengthAndPosition) {
  const std::vector<std::string> specials = {"\"",
                                             "\\",
                                             "\n",
                                             std::string(1, '\0'),
                                             "\x01",
                                             "\x1F",
                                             "\x7F",
                                             "\x80",
                                             "\xFF",
                                             "\xC3\xA9",
                                             "\xC3",
                                             "\xE2\x80\xA8",
                                             "\xE2\x80\xA9",
                                             "\xE2\x80\x99",
                                             "\xF0\x9F\x98\x80",
                                             "\xED\xA0\x80",
                                             "\xE2\x80",
                                             "\xF0\x9F\x98"};
  for (size_t n = 0; n <= 70; ++n) {
    std::string plain;
    for (size_t i = 0; i < n; ++i) plain += static_cast<char>('a' + i % 26);
    ASSERT_EQ(JsonString(plain), ReferenceJsonString(plain)) << n;
    for (const std::string& sp : specials) {
      for (size_t at = 0; at <= n; ++at) {
        std::string s = plain;
        s.insert(at, sp);
        ASSERT_EQ(JsonString(s), ReferenceJsonString(s)) << n << " " << at;
        std::string appended = "x";
        AppendJsonString(&appended, s);
        ASSERT_EQ(appended, "x" + ReferenceJsonString(s));
      }
    }
  }
}

// The JSONL buffer grows for events far larger than its first size, and later, smaller
// events are written whole after a large one.
TEST(JsonlWriterTest, VeryLargeAndSmallEventsInOneStory) {
  Story story = MakeStory();
  Event big = MakeEvent();
  big.text.assign(300000, '\x01');  // 6 bytes each once escaped
  big.why.assign(500, big.why[0]);
  Event small = MakeEvent();
  std::ostringstream os;
  JsonlWriter w(&os, "-");
  ASSERT_TRUE(w.Write(story, small).ok());
  ASSERT_TRUE(w.Write(story, big).ok());
  ASSERT_TRUE(w.Write(story, small).ok());
  ASSERT_TRUE(w.EndStory(story).ok());
  ASSERT_TRUE(w.Finish().ok());
  std::vector<std::string> lines = Lines(os.str());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], JsonlWriter::FormatEvent(story, small, {}));
  EXPECT_EQ(lines[1], JsonlWriter::FormatEvent(story, big, {}));
  EXPECT_EQ(lines[2], lines[0]);
  ordered_json j = ordered_json::parse(lines[1], nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["text"].get<std::string>(), big.text);
  EXPECT_EQ(j["why"].size(), 500u);
}

TEST(MemorySinkTest, RecordsAndInjectsFailures) {
  MemorySink sink;
  sink.fail_on_write(2);
  Story s = MakeStory();
  std::vector<Event> events = {MakeEvent(), MakeEvent(), MakeEvent()};
  Status st = WriteStory(sink, s, events);
  EXPECT_EQ(st.code(), StatusCode::kInternal);
  EXPECT_EQ(sink.events().size(), 1u);
  MemorySink ok;
  ASSERT_TRUE(WriteStory(ok, s, events).ok());
  ASSERT_TRUE(ok.Finish().ok());
  EXPECT_EQ(ok.stories().size(), 1u);
  EXPECT_EQ(ok.stories()[0].events.size(), 3u);
  EXPECT_TRUE(ok.protocol_errors().empty());
  EXPECT_FALSE(ok.Write(s, events[0]).ok());  // after Finish
  EXPECT_EQ(ok.protocol_errors().size(), 1u);
}

TEST(JsonlWriterTest, LocationObject) {
  Story story = MakeStory();
  Event e = MakeEvent();
  Place p;
  p.name = "Gaza Strip";
  p.level = "admin1";
  p.country_iso2 = "PS";
  p.country_iso3 = "PSE";
  p.admin1 = "Gaza Strip";
  p.lat = 31.42;
  p.lon = 34.37;
  p.words = "in the central Gaza Strip";
  p.span = {10, 35};
  p.basis = "sentence";
  e.location = p;
  ordered_json j = ordered_json::parse(JsonlWriter::FormatEvent(story, e, {}), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  const auto& l = j["location"];
  std::vector<std::string> keys;
  for (auto it = l.begin(); it != l.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"name", "level", "country_code", "country_iso3",
                                            "admin1", "lat", "lon", "words", "basis"}));
  EXPECT_EQ(l["name"], "Gaza Strip");
  EXPECT_EQ(l["country_code"], "PS");
  EXPECT_DOUBLE_EQ(l["lat"].get<double>(), 31.42);
  EXPECT_EQ(l["basis"], "sentence");
  EXPECT_EQ(j["geo_precision"], "admin1");
  e.location->lat = NAN;  // unknown coordinates are null, never NaN in the JSON
  j = ordered_json::parse(JsonlWriter::FormatEvent(story, e, {}), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_TRUE(j["location"]["lat"].is_null());
}

// Coordinates are written as FormatCoordinate formats them, whatever their size, on the
// first and on later (cached) uses, and distinct places never share a cached text.
TEST(JsonlWriterTest, CoordinatesOfAnySizeAsFormatCoordinate) {
  Story story = MakeStory();
  Event e = MakeEvent();
  e.location = Place{};
  e.location->name = "Somewhere";
  const double values[] = {31.42, -0.0, 0.0, 1e30, -1e58, 1e300, NAN, INFINITY, 179.99995};
  for (int round = 0; round < 2; ++round) {
    for (double lat : values) {
      for (double lon : values) {
        e.location->lat = lat;
        e.location->lon = lon;
        std::string line = JsonlWriter::FormatEvent(story, e, {});
        std::string want_lat = FormatCoordinate(lat), want_lon = FormatCoordinate(lon);
        std::string want = "\"lat\":" + (want_lat.empty() ? "null" : want_lat) +
                           ",\"lon\":" + (want_lon.empty() ? "null" : want_lon) + ",";
        EXPECT_NE(line.find(want), std::string::npos) << lat << " " << lon << ": " << line;
      }
    }
  }
}

// Span offsets and why line numbers are written as std::to_chars writes them, across
// the short-number paths and beyond; why entries of any size and negative lines survive.
TEST(JsonUtilTest, NumbersAndWhyEntriesOfAnySize) {
  for (uint64_t v : {0ULL, 9ULL, 10ULL, 99ULL, 100ULL, 999ULL, 1000ULL, 9999ULL, 10000ULL,
                     123456789ULL, 18446744073709551615ULL}) {
    char want[24], got[24];
    size_t nw = static_cast<size_t>(std::to_chars(want, want + 24, v).ptr - want);
    size_t ng = static_cast<size_t>(WriteDecimal(got, v) - got);
    EXPECT_EQ(std::string(got, ng), std::string(want, nw)) << v;
  }
  Event e;
  e.verb_spans = {{7, 12}, {9999, 10000}};
  EXPECT_EQ(SpansJson(e), "{\"source\":[],\"target\":[],\"verb\":[[7,12],[9999,10000]]}");
  const std::string big(5000, 'x');
  e.why = {{"verb", "v.txt", 3, "GO"}, {big, big, -12, big}, {"rule", "", 0, ""}};
  ordered_json why = ordered_json::parse(WhyJson(e));
  ASSERT_EQ(why.size(), 3u);
  EXPECT_EQ(why[0]["line"], 3);
  EXPECT_EQ(why[1]["role"], big);
  EXPECT_EQ(why[1]["line"], -12);
  EXPECT_EQ(why[1]["entry"], big);
  EXPECT_EQ(why[2]["file"], "");
  // The same event through the writer, next to a small one in one buffer.
  Story story = MakeStory();
  Event small = MakeEvent();
  e.story_id = story.id;
  std::ostringstream out;
  JsonlWriter w(&out, "out");
  ASSERT_TRUE(w.Write(story, small).ok());
  ASSERT_TRUE(w.Write(story, e).ok());
  ASSERT_TRUE(w.Finish().ok());
  std::istringstream lines(out.str());
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    ordered_json j = ordered_json::parse(line);
    EXPECT_EQ(j["why"].size(), n == 0 ? small.why.size() : 3u);
    ++n;
  }
  EXPECT_EQ(n, 2);
}

}  // namespace
}  // namespace eventcoder
