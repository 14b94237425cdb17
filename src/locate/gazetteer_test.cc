#include "locate/gazetteer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace eventcoder {
namespace {

const Gazetteer& G() {
  const Gazetteer* g = Gazetteer::Default();
  EXPECT_NE(g, nullptr) << Gazetteer::DefaultStatus().message();
  return *g;
}

TEST(NormalizePlaceName, FoldsCaseDiacriticsApostrophesAndHyphens) {
  EXPECT_EQ(NormalizePlaceName("Al-Quds"), "al quds");
  EXPECT_EQ(NormalizePlaceName("Sana'a"), "sanaa");
  EXPECT_EQ(NormalizePlaceName("Khān Yūnis"), "khan yunis");
  EXPECT_EQ(NormalizePlaceName("Baladīyat ad Dawḩah"), "baladiyat ad dawhah");
  EXPECT_EQ(NormalizePlaceName("  the  Gaza   Strip "), "gaza strip");
  EXPECT_EQ(NormalizePlaceName("U.S."), "us");
  EXPECT_EQ(NormalizePlaceName("Côte d’Ivoire"), "cote divoire");
  EXPECT_EQ(NormalizePlaceName(""), "");
  EXPECT_EQ(NormalizePlaceName("\xff\xfe"), "");  // invalid UTF-8 never crashes
}

TEST(Gazetteer, LoadsCitiesCountriesAndOurPlaces) {
  const Gazetteer& g = G();
  EXPECT_GT(g.city_count(), 20000u);
  const GeoEntry* doha = g.Resolve("Doha");
  ASSERT_NE(doha, nullptr);
  EXPECT_EQ(doha->level, "city");
  EXPECT_EQ(doha->iso2, "QA");
  EXPECT_EQ(doha->iso3, "QAT");
  EXPECT_EQ(doha->country, "Qatar");
  EXPECT_NEAR(doha->lat, 25.29, 0.1);
  EXPECT_NEAR(doha->lon, 51.53, 0.1);

  const GeoEntry* qatar = g.Resolve("Qatar");
  ASSERT_NE(qatar, nullptr);
  EXPECT_EQ(qatar->level, "country");
  EXPECT_EQ(qatar->iso3, "QAT");
  EXPECT_NEAR(qatar->lat, doha->lat, 1e-9);  // a country sits at its capital
  ASSERT_NE(g.Capital("QA"), nullptr);
  EXPECT_EQ(g.Capital("QA")->name, "Doha");
  EXPECT_EQ(g.Country("QAT"), qatar);

  const GeoEntry* iran = g.Resolve("Iran");
  ASSERT_NE(iran, nullptr);
  EXPECT_EQ(iran->iso2, "IR");
  EXPECT_EQ(g.Resolve("Iran, Islamic Republic of"), iran);
  EXPECT_EQ(g.Resolve("Britain")->iso2, "GB");
  EXPECT_EQ(g.Resolve("DR Congo")->iso2, "CD");
  EXPECT_EQ(g.Resolve("Türkiye")->name, "Turkey");
}

TEST(Gazetteer, HandWrittenRegionsAndAliases) {
  const Gazetteer& g = G();
  const GeoEntry* quds = g.Resolve("Al-Quds");
  ASSERT_NE(quds, nullptr);
  EXPECT_EQ(quds->name, "Jerusalem");
  EXPECT_EQ(quds->level, "city");
  const GeoEntry* gaza = g.Resolve("Gaza");
  ASSERT_NE(gaza, nullptr);
  EXPECT_EQ(gaza->name, "Gaza Strip");
  EXPECT_EQ(gaza->iso2, "PS");
  EXPECT_EQ(g.Resolve("the Gaza Strip")->name, "Gaza Strip");
  const GeoEntry* red_sea = g.Resolve("Red Sea");
  ASSERT_NE(red_sea, nullptr);
  EXPECT_EQ(red_sea->level, "region");
  EXPECT_EQ(red_sea->iso2, "");
  EXPECT_EQ(g.Resolve("Donbass")->name, "Donbas");
  EXPECT_EQ(g.Resolve("Khan Younis")->iso2, "PS");
  EXPECT_EQ(g.Resolve("Kiev")->name, "Kyiv");
  EXPECT_EQ(g.Resolve("Strait of Hormuz")->level, "region");
  EXPECT_EQ(g.Resolve("Tigray")->iso2, "ET");
  EXPECT_EQ(g.Resolve("Nowhereville Upon Sea"), nullptr);
}

TEST(Gazetteer, AmbiguousNamesFollowContextThenPopulation) {
  const Gazetteer& g = G();
  // Tripoli: Libya by population and our alias; Lebanon when the story is about Lebanon.
  EXPECT_EQ(g.Resolve("Tripoli")->iso2, "LY");
  EXPECT_EQ(g.Resolve("Tripoli", {{"LB", 2}})->iso2, "LB");
  // Paris, France unless the story is in Texas, USA.
  EXPECT_EQ(g.Resolve("Paris")->iso2, "FR");
  EXPECT_EQ(g.Resolve("Paris", {{"US", 1}})->iso2, "US");
  // Washington is the US capital, not the English town of the same name.
  EXPECT_EQ(g.Resolve("Washington")->iso2, "US");
  EXPECT_EQ(g.Resolve("Washington", {{"GB", 1}})->iso2, "GB");
  // Georgia the country over the US state, unless the story is about the US.
  EXPECT_EQ(g.Resolve("Georgia")->level, "country");
  const GeoEntry* ga = g.Resolve("Georgia", {{"US", 3}});
  ASSERT_NE(ga, nullptr);
  EXPECT_EQ(ga->iso2, "US");
  EXPECT_EQ(ga->level, "admin1");
  // Hyderabad: India's (larger) unless Pakistan is the context.
  EXPECT_EQ(g.Resolve("Hyderabad")->iso2, "IN");
  EXPECT_EQ(g.Resolve("Hyderabad", {{"PK", 1}})->iso2, "PK");
}

TEST(Gazetteer, FirstOrderDivisionsFromCities) {
  const Gazetteer& g = G();
  const GeoEntry* punjab = g.Resolve("Punjab", {{"PK", 1}});
  ASSERT_NE(punjab, nullptr);
  EXPECT_EQ(punjab->level, "admin1");
  EXPECT_EQ(punjab->iso2, "PK");
  EXPECT_FALSE(std::isnan(punjab->lat));
}

TEST(Gazetteer, MalformedPlacesFileNamesTheLine) {
  std::string path = testing::TempDir() + "/bad_places.txt";
  FILE* f = std::fopen(path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("# ok\nplace Somewhere | region | | 1 | 2\nplace Bad | city | QA | north | 2\n", f);
  std::fclose(f);
  GazetteerOptions o;
  o.places_file = path;
  o.use_geonames = false;
  auto g = Gazetteer::Load(o);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("bad_places.txt:3"), std::string::npos)
      << g.status().message();
}

TEST(Gazetteer, MissingIsoCodesIsNotFound) {
  GazetteerOptions o;
  o.iso3166_file = "/nonexistent/iso_3166-1.json";
  auto g = Gazetteer::Load(o);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace eventcoder
