// Gazetteer: place names to places (city, first-order division, country or region), for
// the locate stage.
//
// Sources, loaded once into memory:
//   - Debian's libgeonames (pkg-config geonames): ~24,000 cities with country, admin1
//     (state/province) name, latitude, longitude and population. First-order divisions
//     ("Punjab", "Northern Darfur") become places too, at the population-weighted mean
//     position of their cities.
//   - iso-codes' ISO 3166-1 JSON (alpha-2, alpha-3, name, common and official names). A
//     country's lat/lon is its capital when dictionaries/places.txt names one, else the
//     population-weighted mean position of its libgeonames cities (a point in the populated
//     part of the country, not the geometric centroid); NaN when it has no city.
//   - our hand-written dictionaries/places.txt: regions and territories (Gaza Strip, West
//     Bank, Donbas, Red Sea, ...), other names for places (Al-Quds -> Jerusalem, Kiev ->
//     Kyiv, Britain -> United Kingdom) and capitals. The format is described in that file.
//
// Names are matched after NormalizePlaceName(): case, Latin diacritics, apostrophes,
// hyphens and a leading "the" do not matter ("Al-Quds" = "al quds", "Sanaa" = "Sana'a").
// Lookup is a Bloom-filter test, then one hash probe. Load() costs ~90 ms of CPU, most of
// it libgeonames decoding its database city by city; the decoded cities are therefore kept
// in a cache file (EVENTCODER_CACHE_DIR, else $XDG_CACHE_HOME/eventcoder, else
// ~/.cache/eventcoder; EVENTCODER_NO_CACHE=1 disables it), valid while the library file
// keeps its size and mtime, which brings Load() down to ~40 ms.
//
// Ambiguity: Resolve() prefers a place in a country the caller says the text is about
// (e.g. "Tripoli" in a story naming Lebanon), then our own curated entries (countries,
// places.txt) over libgeonames cities, then a city over a division of the same name when
// it lies in it or has 100,000 people ("Kharkiv", "New York"), then countries over regions
// over divisions over cities, then the larger population.
//
// Errors: Load() returns NotFound / InvalidArgument naming the file and line for a missing
// iso-codes file or a malformed places.txt line. A missing libgeonames database leaves the
// city list empty, and alias/capital lines whose target it lacks are skipped (counted by
// unresolved_lines()), not errors.
// Thread safety: immutable after Load(); every const method may be called from any thread.
// Default() is initialised once, thread-safely.
#ifndef EVENTCODER_LOCATE_GAZETTEER_H_
#define EVENTCODER_LOCATE_GAZETTEER_H_

#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "base/string_filter.h"

namespace eventcoder {

struct GeoEntry {
  std::string name;     // as written by its source: "Doha", "Gaza Strip", "Qatar"
  std::string level;    // "city", "admin1", "country" or "region"
  std::string iso2;     // "QA"; "" for a region spanning countries
  std::string iso3;     // "QAT"
  std::string admin1;   // first-order division name ("" for countries and regions)
  std::string country;  // the country's English name ("Qatar"); "" when iso2 is ""
  double lat = 0;       // NaN when unknown
  double lon = 0;
  uint64_t population = 0;  // libgeonames cities only; 0 otherwise
  bool curated = false;     // a country or a places.txt entry (not a libgeonames city)
};

struct GazetteerOptions {
  std::string places_file = EVENTCODER_SOURCE_DIR "/dictionaries/places.txt";  // "" = none
  std::string iso3166_file = "/usr/share/iso-codes/json/iso_3166-1.json";
  bool use_geonames = true;  // false: no libgeonames cities (tests)
};

// Country weights for Resolve(): ISO2 -> how often the story names that country.
using CountryContext = std::map<std::string, int>;

// Lower-case ASCII key for a place name (see the header comment). "" for no letters.
std::string NormalizePlaceName(std::string_view name);
// The same key written into *out (replacing its contents), so that a caller looking up
// many names reuses one buffer instead of allocating a string per name.
void NormalizePlaceNameTo(std::string_view name, std::string* out);

class Gazetteer {
 public:
  static StatusOr<std::unique_ptr<Gazetteer>> Load(const GazetteerOptions& options = {});

  // The gazetteer with the default options, loaded on first use; nullptr when loading
  // failed (DefaultStatus() says why).
  static const Gazetteer* Default();
  static Status DefaultStatus();

  // Candidate entries for a normalised name, in no particular order; empty when unknown.
  std::span<const uint32_t> Lookup(std::string_view normalized) const;
  // False when no normalised name starts with the word `first` (a normalised name's text
  // up to its first space): then every name beginning with that word is unknown. True for
  // every first word of a name (and for ~1% of other words).
  bool MayStartName(std::string_view first) const {
    if (first_bits_.empty()) return first_word_filter_.MayContain(first);
    const uint64_t h = KeyHash(first);
    const uint64_t a = h & first_mask_, b = (h >> 32) & first_mask_;
    return ((first_bits_[a >> 6] >> (a & 63)) & (first_bits_[b >> 6] >> (b & 63)) & 1) != 0;
  }
  // The best candidate for `name` (any spelling) given the context, or nullptr.
  const GeoEntry* Resolve(std::string_view name, const CountryContext& context = {}) const;
  // Best of the given candidates (see Resolve).
  const GeoEntry* Best(std::span<const uint32_t> candidates, const CountryContext& context) const;

  const GeoEntry& entry(uint32_t id) const { return entries_[id]; }
  // The country entry for an ISO 3166-1 alpha-2 or alpha-3 code, or nullptr.
  const GeoEntry* Country(std::string_view code) const;
  // The capital city of a country (alpha-2), when places.txt names one; else nullptr.
  const GeoEntry* Capital(std::string_view iso2) const;

  size_t size() const { return entries_.size(); }
  size_t city_count() const { return cities_; }
  // The largest number of words in any name (bounds the n-gram search of the locator).
  int max_name_words() const { return max_words_; }
  // places.txt alias and capital lines whose target this libgeonames build lacks (skipped).
  int unresolved_lines() const { return unresolved_; }

 private:
  Gazetteer() = default;
  uint32_t Add(GeoEntry e);
  void Index(const std::string& name, uint32_t id);
  Status LoadIso(const std::string& path);
  void LoadGeonames();
  Status LoadPlaces(const std::string& path);
  // Builds slots_, items_ and first_bits_ from index_ once loading is done (index_ no
  // longer changes).
  void Freeze();
  // The hash of slots_ and first_bits_: eight bytes a step (names are short).
  static uint64_t KeyHash(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
    const char* p = s.data();
    size_t n = s.size();
    for (; n >= 8; n -= 8, p += 8) {
      uint64_t v;
      std::memcpy(&v, p, 8);
      h = (h ^ v) * 0xBF58476D1CE4E5B9ULL;
      h ^= h >> 31;
    }
    uint64_t tail = 0;
    for (size_t k = 0; k < n; ++k) tail |= uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
    h = (h ^ tail) * 0x94D049BB133111EBULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
  }

  std::vector<GeoEntry> entries_;
  // Hashes std::string and std::string_view alike, so Lookup() probes without a copy.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::vector<uint32_t>, NameHash, std::equal_to<>> index_;
  // index_'s keys: most Lookup() calls are for capitalised words that name no place, and
  // the filter turns them away without probing index_.
  StringFilter name_filter_;
  // The first words of index_'s keys (see MayStartName).
  StringFilter first_word_filter_;
  // index_ frozen by Load() into an open-addressing table (linear probing, at most half
  // full) probed with KeyHash of the name: a slot holds the hash's upper half
  // (with its low bit set, so 0 marks an empty slot) and an index into items_, whose views
  // point into index_'s keys and vectors. Lookup() thus hashes a name once and reads
  // usually one or two slots; it uses index_ and name_filter_ only while loading.
  struct Slot {
    uint32_t tag = 0;
    uint32_t item = 0;
  };
  struct Item {
    std::string_view key;
    std::span<const uint32_t> ids;
  };
  std::vector<Slot> slots_;
  std::vector<Item> items_;
  size_t slot_mask_ = 0;
  // The first words of index_'s keys, as a Bloom filter (two bits of KeyHash, 16 bits a
  // word) that MayStartName() reads once frozen; first_word_filter_ before.
  std::vector<uint64_t> first_bits_;
  uint64_t first_mask_ = 0;
  std::unordered_map<std::string, uint32_t> country_;  // iso2 and iso3 -> entry
  std::unordered_map<std::string, uint32_t> capital_;  // iso2 -> entry
  size_t cities_ = 0;
  int max_words_ = 1;
  int unresolved_ = 0;
};

}  // namespace eventcoder

#endif  // EVENTCODER_LOCATE_GAZETTEER_H_
