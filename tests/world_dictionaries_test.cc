// The default dictionaries' coverage of the world: every ISO 3166-1 country is coded,
// demonyms and capitals code their country, organisations and armed groups have the
// documented codes, agents compose with countries, and whole wire stories we wrote code
// to the expected (source, target, CAMEO) events through StoryCoder.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "dict/dict_reader.h"
#include "dict/dictionary.h"
#include "match/compiled_dictionary.h"
#include "pipeline/story_coder.h"
#include "text/tokenizer.h"

#ifndef EVENTCODER_SOURCE_DIR
#define EVENTCODER_SOURCE_DIR "."
#endif

namespace eventcoder {
namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

constexpr int kDate = 20260301;
constexpr const char* kIsoJson = "/usr/share/iso-codes/json/iso_3166-1.json";

class WorldDictionariesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    warnings_ = new std::vector<std::string>();
    StatusOr<dict::Dictionary> d = dict::LoadDictionaryFiles(
        dict::DictionaryFilesInDir(std::string(EVENTCODER_SOURCE_DIR) + "/dictionaries/"),
        warnings_);
    if (!d.ok()) return;
    dict_ = new std::shared_ptr<const CompiledDictionary>(
        std::make_shared<const CompiledDictionary>(std::move(*d)));
    coder_ = new StoryCoder(*dict_, PipelineOptions());
  }
  static void TearDownTestSuite() {
    delete coder_;
    delete dict_;
    delete warnings_;
    coder_ = nullptr;
    dict_ = nullptr;
    warnings_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(dict_, nullptr) << "default dictionaries failed to load"; }

  static const dict::Dictionary& D() { return (*dict_)->dict(); }

  // The actor whose name is `phrase` (words separated by spaces), or nullptr.
  static const dict::Actor* FindActor(const std::string& phrase) {
    std::vector<std::string> words = dict::SplitPhrase(phrase);
    for (std::string& w : words) w = NormalizeToken(w);  // "CôTE" -> "CÔTE", as in text
    for (const dict::Actor& a : D().actors)
      for (const auto& n : a.names)
        if (n == words) return &a;
    return nullptr;
  }
  static std::string CodeOf(const std::string& phrase, int date = kDate) {
    const dict::Actor* a = FindActor(phrase);
    return a ? a->CodeOn(date) : "(none)";
  }

  static std::vector<Event> Code(const std::string& text, int date = kDate) {
    Story story;
    story.id = "world";
    story.date = date;
    story.text = text;
    StoryResult result;
    EXPECT_TRUE(coder_->Code(story, &result).ok());
    return result.events;
  }
  static std::set<Triple> Triples(const std::vector<Event>& events) {
    std::set<Triple> out;
    for (const Event& e : events) out.insert({e.source_code, e.target_code, e.cameo});
    return out;
  }
  static std::string Show(const std::vector<Event>& events) {
    std::string out;
    for (const Event& e : events)
      out += "  " + std::to_string(e.sentence) + ": " + e.source_code + " " + e.target_code + " " +
             e.cameo + " (" + e.source_text + " | " + e.verb_text + " | " + e.target_text + ")\n";
    return out;
  }
  // Every triple of `want` is among the events of `text`.
  static void ExpectEvents(const std::string& text, const std::set<Triple>& want) {
    std::vector<Event> events = Code(text);
    std::set<Triple> got = Triples(events);
    for (const Triple& t : want) {
      EXPECT_TRUE(got.count(t)) << "missing " << std::get<0>(t) << " " << std::get<1>(t) << " "
                                << std::get<2>(t) << "; events:\n"
                                << Show(events);
    }
  }

  static std::shared_ptr<const CompiledDictionary>* dict_;
  static StoryCoder* coder_;
  static std::vector<std::string>* warnings_;
};

std::shared_ptr<const CompiledDictionary>* WorldDictionariesTest::dict_ = nullptr;
StoryCoder* WorldDictionariesTest::coder_ = nullptr;
std::vector<std::string>* WorldDictionariesTest::warnings_ = nullptr;

TEST_F(WorldDictionariesTest, LoadWithoutWarnings) {
  for (const std::string& w : *warnings_) ADD_FAILURE() << w;
}

TEST_F(WorldDictionariesTest, EveryIsoCountryIsCoded) {
  std::ifstream in(kIsoJson);
  if (!in) GTEST_SKIP() << kIsoJson << " not installed (Debian package iso-codes)";
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  std::set<std::string> codes;
  for (const dict::Actor& a : D().actors)
    for (const dict::DatedCode& c : a.codes) codes.insert(c.code);
  int n = 0;
  for (const auto& e : j["3166-1"]) {
    std::string code = e["alpha_3"].get<std::string>();
    ++n;
    EXPECT_TRUE(codes.count(code))
        << code << " (" << e["name"].get<std::string>() << ") is coded by no actor entry";
  }
  EXPECT_GE(n, 249);
}

TEST_F(WorldDictionariesTest, NamesDemonymsAndCapitals) {
  for (const auto& [phrase, code] : std::vector<std::pair<std::string, std::string>>{
           {"Qatari", "QAT"},
           {"Qataris", "QAT"},
           {"Tehran", "IRN"},
           {"Islamic Republic", "IRN"},
           {"Iranians", "IRN"},
           {"United States", "USA"},
           {"U.S.", "USA"},
           {"Washington", "USA"},
           {"Britain", "GBR"},
           {"U.K.", "GBR"},
           {"London", "GBR"},
           {"Palestinians", "PSE"},
           {"Ivory Coast", "CIV"},
           {"Côte d'Ivoire", "CIV"},
           {"Cote d'Ivoire", "CIV"},
           {"Burkinabe", "BFA"},
           {"Nigerien", "NER"},
           {"Congolese", "COD"},
           {"Congo", "COD"},
           {"Congo-Brazzaville", "COG"},
           {"Dominican", "DOM"},
           {"Burma", "MMR"},
           {"Naypyitaw", "MMR"},
           {"Kyiv", "UKR"},
           {"Addis Ababa", "ETH"},
           {"Bogota", "COL"},
           {"Bogotá", "COL"},
           {"South Korean", "KOR"},
           {"Pyongyang", "PRK"},
           {"People Republic of China", "CHN"},  // possessive 's is not a phrase word
           {"Turkey", "TUR"},
           {"Türkiye", "TUR"},
           {"St. Lucia", "LCA"},
           {"Holy See", "VAT"},
           // territories.txt
           {"Gaza", "PSE"},
           {"West Bank", "PSE"},
           {"Crimea", "UKR"},
           {"Donetsk", "UKR"},
           {"Transnistria", "MDA"},
           {"Abkhazia", "GEO"},
           {"Nagorno-Karabakh", "AZE"},
           {"Tigray", "ETH"},
           {"Darfur", "SDN"},
           {"Somaliland", "SOM"},
           {"Kosovo", "XKX"},
           {"Taiwan", "TWN"},
           {"Hong Kong", "HKG"},
           {"Xinjiang", "CHN"},
           {"Western Sahara", "ESH"},
           {"Latin America", "LAM"},
           {"Middle East", "MEA"},
       }) {
    EXPECT_EQ(CodeOf(phrase), code) << phrase;
  }
  // Ambiguous words and names are not countries.
  for (const char* absent : {"US", "WHO", "IS", "Korea", "Victoria", "Georgetown", "San Jose",
                             "Male", "Santiago", "CAR", "Jersey", "LET", "Amnesty"})
    EXPECT_EQ(FindActor(absent), nullptr) << absent;
}

TEST_F(WorldDictionariesTest, OrganisationsAndArmedGroups) {
  for (const auto& [phrase, code] : std::vector<std::pair<std::string, std::string>>{
           {"Security Council", "IGOUNO"},
           {"UN General Assembly", "IGOUNO"},
           {"UNHCR", "IGOUNOHCR"},
           {"UNICEF", "IGOUNOCHF"},
           {"WFP", "IGOUNOWFP"},
           {"World Health Organization", "IGOUNOWHO"},
           {"UNRWA", "IGOUNOWRA"},
           {"IAEA", "IGOUNOIAE"},
           {"OCHA", "IGOUNOCHA"},
           {"ICJ", "IGOUNOICJ"},
           {"UNIFIL", "IGOUNOPKO"},
           {"NATO", "IGONAT"},
           {"EU", "IGOEEU"},
           {"European Commission", "IGOEEU"},
           {"African Union", "IGOAFRAFU"},
           {"Arab League", "IGOARL"},
           {"ECOWAS", "IGOWAFWAS"},
           {"ASEAN", "IGOSEAASN"},
           {"OSCE", "IGOOSC"},
           {"ICC", "IGOICC"},
           {"IMF", "IGOIMF"},
           {"Amnesty International", "NGOAMN"},
           {"Human Rights Watch", "NGOHRW"},
           {"ICRC", "NGOIRC"},
           {"Palestine Red Crescent Society", "NGOIRC"},
           {"MSF", "NGOMSF"},
           {"Reporters Without Borders", "NGORWB"},
           {"IRGC", "IRNMIL"},
           {"Quds Force", "IRNMIL"},
           {"Basij", "IRNMIL"},
           {"Majlis", "IRNLEG"},
           {"Knesset", "ISRLEG"},
           {"Duma", "RUSLEG"},
           {"Kremlin", "RUSGOV"},
           {"Pentagon", "USAMIL"},
           {"White House", "USAGOV"},
           {"Mossad", "ISRSPY"},
           {"Shin Bet", "ISRSPY"},
           {"IDF", "ISRMIL"},
           {"Hashd al-Shaabi", "IRQMIL"},
           {"Hamas", "PSEINS"},
           {"Harakat al-Muqawama al-Islamiya", "PSEINS"},
           {"Islamic Resistance Movement", "PSEINS"},
           {"Qassam Brigades", "PSEINS"},
           {"Islamic Jihad", "PSEINS"},
           {"Fatah", "PSEGOV"},
           {"PLO", "PSEGOV"},
           {"PFLP", "PSEINS"},
           {"Hezbollah", "LBNINS"},
           {"Hizballah", "LBNINS"},
           {"Houthis", "YEMREB"},
           {"Huthis", "YEMREB"},
           {"Ansarullah", "YEMREB"},
           {"ISIS", "IMGMOSISI"},
           {"Daesh", "IMGMOSISI"},
           {"ISWAP", "IMGMOSISI"},
           {"al-Qaeda", "IMGMOSALQ"},
           {"AQAP", "IMGMOSALQ"},
           {"JNIM", "IMGMOSALQ"},
           {"Boko Haram", "NGAINS"},
           {"al-Shabaab", "SOMINS"},
           {"Taliban", "AFGGOV"},
           {"TTP", "PAKINS"},
           {"HTS", "SYRGOV"},
           {"SDF", "SYRREB"},
           {"PKK", "TURREB"},
           {"RSF", "SDNREB"},
           {"Rapid Support Forces", "SDNREB"},
           {"SAF", "SDNMIL"},
           {"M23", "CODREB"},
           {"ADF", "CODREB"},
           {"Wagner", "RUSMIL"},
           {"Africa Corps", "RUSMIL"},
           {"TPLF", "ETHREB"},
           {"Fano", "ETHREB"},
           {"Polisario", "ESHREB"},
           {"Muslim Brotherhood", "EGYOPP"},
       }) {
    EXPECT_EQ(CodeOf(phrase), code) << phrase;
  }
  // Dated codes of groups that came to govern.
  EXPECT_EQ(CodeOf("Taliban", 20200101), "AFGREB");
  EXPECT_EQ(CodeOf("HTS", 20240101), "SYRREB");
  EXPECT_EQ(CodeOf("RSF", 20220101), "SDNMIL");
}

// One name, one code: a name listed in two entries of the world files would be coded by
// whichever loads first.
TEST_F(WorldDictionariesTest, NoNameHasTwoCodesInTheWorldFiles) {
  std::map<std::vector<std::string>, std::pair<std::string, std::string>> seen;
  for (const dict::Actor& a : D().actors) {
    const std::string& f = a.origin.file;
    bool world = f.find("countries.txt") != std::string::npos ||
                 f.find("territories.txt") != std::string::npos ||
                 f.find("organisations.txt") != std::string::npos;
    if (!world) continue;
    std::string code = a.CodeOn(kDate);
    for (const auto& n : a.names) {
      auto [it, fresh] =
          seen.emplace(n, std::make_pair(code, f + ":" + std::to_string(a.origin.line)));
      if (!fresh && it->second.first != code) {
        std::string name;
        for (const auto& w : n) name += w + " ";
        ADD_FAILURE() << name << "is " << it->second.first << " at " << it->second.second << " and "
                      << code << " at " << f << ":" << a.origin.line;
      }
    }
  }
}

TEST_F(WorldDictionariesTest, AgentsComposeWithCountries) {
  ExpectEvents("The Iranian foreign minister condemned Israel on Sunday.",
               {{"IRNGOV", "ISR", "111"}});
  ExpectEvents("Sudanese rebels attacked the Chadian army.", {{"SDNREB", "TCDMIL", "190"}});
  // Ministers are government, whatever the portfolio (CAMEO; dictionaries/README.md).
  ExpectEvents("The Egyptian defence minister met his Jordanian counterpart in Cairo.",
               {{"EGYGOV", "JORGOV", "040"}});
  ExpectEvents("Kenyan police arrested Somali refugees in Nairobi.", {{"KENCOP", "SOMREF", "173"}});
  ExpectEvents("Georgian protesters criticized the Georgian parliament.",
               {{"GEOOPP", "GEOLEG", "111"}});
}

// Wire stories written for this test: a meeting in a third country, a condemnation, an
// air strike, arrests, a protest, an aid delivery and an agreement.
TEST_F(WorldDictionariesTest, MeetingInAThirdCountry) {
  ExpectEvents(
      "DOHA, March 1 (Wire) - Egyptian Foreign Minister Badr Abdelatty met Hamas leaders in "
      "Doha on Sunday to discuss a ceasefire in Gaza, Egypt's foreign ministry said.\n\n"
      "Qatar's prime minister also met the Hamas delegation, a Qatari official said.\n\n"
      "The talks were expected to resume in Cairo next week.",
      {{"EGYGOV", "PSEINS", "044"}, {"QATGOV", "PSEINS", "040"}});
}

TEST_F(WorldDictionariesTest, Condemnation) {
  ExpectEvents(
      "GENEVA, March 1 (Wire) - The UN human rights office condemned the Rapid Support Forces "
      "on Sunday over the killing of civilians in El Fasher.\n\n"
      "The African Union also condemned the RSF and urged the paramilitary group to protect "
      "civilians in Darfur.\n\n"
      "Amnesty International accused the Sudanese army of killing civilians in Kordofan.",
      {{"IGOUNOHRI", "SDNREB", "111"},
       {"IGOAFRAFU", "SDNREB", "111"},
       {"NGOAMN", "SDNMIL", "112"}});
}

TEST_F(WorldDictionariesTest, AirStrike) {
  ExpectEvents(
      "BEIRUT, March 1 (Wire) - Israeli warplanes struck Hezbollah positions in southern "
      "Lebanon on Sunday, the Israeli military said.\n\n"
      "Hezbollah fired rockets at northern Israel hours later.\n\n"
      "UNIFIL urged Israel to show restraint.",
      {{"ISRMIL", "LBNINS", "195"}, {"LBNINS", "ISR", "194"}, {"IGOUNOPKO", "ISR", "0256"}});
}

TEST_F(WorldDictionariesTest, ArrestsAndProtest) {
  ExpectEvents(
      "ISTANBUL, March 1 (Wire) - Turkish police arrested dozens of students in Istanbul on "
      "Sunday after thousands of demonstrators protested against the government.\n\n"
      "Amnesty International criticized the Turkish authorities and demanded the release of "
      "the students.",
      {{"TURCOP", "TUREDU", "173"}, {"NGOAMN", "TURGOV", "111"}});
}

TEST_F(WorldDictionariesTest, AidDelivery) {
  ExpectEvents(
      "PORT SUDAN, March 1 (Wire) - The World Food Programme delivered food aid to Sudanese "
      "refugees in Chad on Sunday, the agency said.\n\n"
      "UNICEF sent medical supplies to Sudanese children in Kordofan.\n\n"
      "The ICRC provided water to Sudanese civilians in El Fasher.",
      {{"IGOUNOWFP", "SDNREF", "073"},
       {"IGOUNOCHF", "SDNCVL", "073"},
       {"NGOIRC", "SDNCVL", "070"}});
}

TEST_F(WorldDictionariesTest, AgreementSigned) {
  ExpectEvents(
      "WASHINGTON, March 1 (Wire) - Rwanda and the Democratic Republic of Congo signed a peace "
      "agreement in Washington on Sunday.\n\n"
      "The M23 rebels accused Kinshasa of violating the deal, a spokesman for the group said.",
      // Accusing a party of violating a peace deal is CAMEO 1123, accuse of aggression
      // ("violations of ceasefire"), as verbs.txt codes "accuse ... of violating the".
      {{"RWA", "COD", "057"}, {"COD", "RWA", "057"}, {"CODREB", "COD", "1123"}});
}

}  // namespace
}  // namespace eventcoder
