#include "write/plover_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace eventcoder {
namespace {

Event MakeEvent(const std::string& code) {
  Event e;
  e.id = "00112233445566aa";
  e.story_id = "s";
  e.date = 20260211;
  e.source_code = "QATGOV";
  e.source_text = "Qatar's prime minister";
  e.target_code = "IRNMIL";
  e.target_text = "Iranian commanders";
  e.cameo = code;
  e.verb_text = "met";
  e.verb_spans = {{30, 33}};
  e.text = "Qatar's prime minister met Iranian commanders in Doha.";
  return e;
}

TEST(PloverWriter, RecordsParseWithRequiredFields) {
  std::ostringstream out;
  PloverWriter w(&out, "-");
  Story s;
  s.id = "s";
  s.date = 20260211;
  s.url = "https://example.org/s";
  s.source = "Example Wire";
  Event located = MakeEvent("042");  // make a visit
  Place p;
  p.name = "Doha";
  p.level = "city";
  p.country_iso2 = "QA";
  p.country_iso3 = "QAT";
  p.lat = 25.28;
  p.lon = 51.53;
  p.words = "in Doha";
  p.basis = "sentence";
  located.location = p;
  Event unmapped = MakeEvent("903");  // not CAMEO: not written
  Event notarget = MakeEvent("111");  // ACCUSE, mode disapprove
  notarget.target_code = "";
  ASSERT_TRUE(WriteStory(w, s, std::vector<Event>{located, unmapped, notarget}).ok());
  ASSERT_TRUE(w.Finish().ok());
  EXPECT_EQ(w.skipped(), 1u);
  std::istringstream in(out.str());
  std::string line;
  std::vector<nlohmann::json> recs;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    recs.push_back(j);
  }
  ASSERT_EQ(recs.size(), 2u);
  for (const auto& j : recs) {
    // PLOVER's required fields: id, date, actor, event.
    ASSERT_TRUE(j.contains("id"));
    ASSERT_TRUE(j["date"].is_string());
    ASSERT_TRUE(j["actor"].is_array());
    ASSERT_FALSE(j["actor"].empty());
    ASSERT_TRUE(j["event"].is_array());
    ASSERT_EQ(j["event"].size(), 1u);
    EXPECT_TRUE(j["recipient"].is_array());
    EXPECT_TRUE(j["mode"].is_array());
    EXPECT_TRUE(j["context"].is_array());
  }
  const auto& a = recs[0];
  EXPECT_EQ(a["id"], "00112233445566aa");
  EXPECT_EQ(a["date"], "2026-02-11");
  EXPECT_EQ(a["event"][0], "CONSULT");
  EXPECT_EQ(a["actor"][0]["code"], "QAT");
  EXPECT_EQ(a["actor"][0]["sector"], "GOV");
  EXPECT_EQ(a["recipient"][0]["code"], "IRN");
  EXPECT_EQ(a["recipient"][0]["sector"], "MIL");
  EXPECT_EQ(a["event_loc"]["resolved_place"], "Doha");
  EXPECT_EQ(a["event_loc"]["country_code"], "QAT");
  EXPECT_EQ(a["event_loc"]["resolution"], 4);
  EXPECT_EQ(a["text"], located.text);
  EXPECT_EQ(a["cite_info"]["url"], "https://example.org/s");
  EXPECT_EQ(a["text_info"]["start"], 30);
  const auto& b = recs[1];
  EXPECT_TRUE(b["recipient"].empty());
  EXPECT_TRUE(b["event_loc"].is_null());
}

TEST(PloverWriter, ModeComesFromTheCrosswalk) {
  // 042 "Make a visit" is CONSULT with mode "visit" in the 2021 crosswalk.
  Story s;
  std::string rec = PloverWriter::FormatEvent(s, MakeEvent("042"));
  auto j = nlohmann::json::parse(rec, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ASSERT_EQ(j["mode"].size(), 1u) << rec;
  EXPECT_EQ(j["mode"][0], "visit");
}

}  // namespace
}  // namespace eventcoder
