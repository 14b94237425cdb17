// The libgeonames city cache (gazetteer.cc) must give exactly the gazetteer that decoding
// libgeonames gives, and a damaged cache must be ignored and rewritten.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "locate/gazetteer.h"
#include "tests/scoped_env_testing.h"

namespace eventcoder {
namespace {

using testing::ScopedEnv;

std::unique_ptr<Gazetteer> LoadOrDie() {
  auto g = Gazetteer::Load();
  EXPECT_TRUE(g.ok()) << g.status().message();
  return g.ok() ? std::move(*g) : nullptr;
}

void ExpectSame(const Gazetteer& a, const Gazetteer& b) {
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.city_count(), b.city_count());
  EXPECT_EQ(a.max_name_words(), b.max_name_words());
  for (uint32_t i = 0; i < a.size(); ++i) {
    const GeoEntry& x = a.entry(i);
    const GeoEntry& y = b.entry(i);
    ASSERT_EQ(x.name, y.name) << i;
    EXPECT_EQ(x.level, y.level) << i;
    EXPECT_EQ(x.iso2, y.iso2) << i;
    EXPECT_EQ(x.admin1, y.admin1) << i;
    EXPECT_EQ(x.population, y.population) << i;
    EXPECT_TRUE(x.lat == y.lat || (std::isnan(x.lat) && std::isnan(y.lat))) << i;
    EXPECT_TRUE(x.lon == y.lon || (std::isnan(x.lon) && std::isnan(y.lon))) << i;
  }
}

TEST(GazetteerCache, CachedLoadEqualsDecodedLoadAndDamageIsRepaired) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("eventcoder-gazetteer-cache-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  ScopedEnv cache_dir("EVENTCODER_CACHE_DIR", dir.string());
  ScopedEnv no_cache("EVENTCODER_NO_CACHE", "0");
  const std::filesystem::path file = dir / "geonames-cities.bin";

  std::unique_ptr<Gazetteer> decoded;
  {
    ScopedEnv off("EVENTCODER_NO_CACHE", "1");
    decoded = LoadOrDie();
    ASSERT_NE(decoded, nullptr);
    EXPECT_FALSE(std::filesystem::exists(file)) << "EVENTCODER_NO_CACHE=1 writes no cache";
  }
  if (decoded->city_count() == 0) GTEST_SKIP() << "this libgeonames has no cities";

  auto first = LoadOrDie();  // decodes libgeonames and writes the cache
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(std::filesystem::exists(file));
  const auto good_size = std::filesystem::file_size(file);
  auto cached = LoadOrDie();  // reads the cache
  ASSERT_NE(cached, nullptr);
  ExpectSame(*decoded, *first);
  ExpectSame(*decoded, *cached);

  // A flipped byte, a truncated file and garbage are all ignored, and the cache rewritten.
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(2000);
    char c = 0;
    f.read(&c, 1);
    f.seekp(2000);
    c = static_cast<char>(c ^ 0x5A);
    f.write(&c, 1);
  }
  auto flipped = LoadOrDie();
  ASSERT_NE(flipped, nullptr);
  ExpectSame(*decoded, *flipped);
  EXPECT_EQ(std::filesystem::file_size(file), good_size);

  std::filesystem::resize_file(file, good_size / 2);
  auto truncated = LoadOrDie();
  ASSERT_NE(truncated, nullptr);
  ExpectSame(*decoded, *truncated);
  EXPECT_EQ(std::filesystem::file_size(file), good_size);

  { std::ofstream(file, std::ios::binary | std::ios::trunc) << "not a cache"; }
  auto garbage = LoadOrDie();
  ASSERT_NE(garbage, nullptr);
  ExpectSame(*decoded, *garbage);

  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace eventcoder
