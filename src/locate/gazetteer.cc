#include "locate/gazetteer.h"

#include <dlfcn.h>
#include <geonames.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/cache_file.h"

namespace eventcoder {

namespace {

constexpr char kFoldLatin[] =
    "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnn.nnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
    "................................oo.............uu..............."
    "....dddlllnnnaaiioouuuuuuuuuu.aaaa....ggkkoooo..jdddgg..nnaa...."
    "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............"
    "................";  // U+00C0..U+024F
constexpr char kFoldLatinAdditional[] =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwyas....aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";  // U+1E00..U+1EFF

// Writes the ASCII folding of one code point at o[*n] (advancing *n): a letter or digit
// lower-cased, Latin letters with diacritics to their base letter ("ß" to "ss"), apostrophes
// dropped, anything else a space unless a space precedes it or nothing does (runs of
// spaces collapse; leading spaces go). Writes at most two bytes.
void FoldCodePoint(uint32_t cp, char* o, size_t* n) {
  char f;
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      f = c;
    } else if (c == '\'' || c == '`' || c == '.') {
      return;
    } else {
      f = '.';
    }
  } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2BB || cp == 0x2BC || cp == 0x2BE ||
             cp == 0x2BF || cp == 0xB4) {
    return;  // apostrophe-like marks
  } else {
    f = '.';
    if (cp >= 0xC0 && cp < 0x250) f = kFoldLatin[cp - 0xC0];
    if (cp >= 0x1E00 && cp < 0x1F00) f = kFoldLatinAdditional[cp - 0x1E00];
  }
  if (f != '.') {
    o[(*n)++] = f;
    if (cp == 0xDF) o[(*n)++] = 's';  // sharp s
  } else if (*n > 0 && o[*n - 1] != ' ') {
    o[(*n)++] = ' ';
  }
}

std::string Trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return "";
  size_t b = s.find_last_not_of(" \t\r");
  return std::string(s.substr(a, b - a + 1));
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t bar = s.find('|', start);
    out.push_back(Trim(s.substr(start, bar == std::string_view::npos ? bar : bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

bool ParseDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0' || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

int LevelRank(const std::string& level) {
  if (level == "country") return 3;
  if (level == "region") return 2;
  if (level == "admin1") return 1;
  return 0;
}

// A city is meant rather than the division of the same name when it lies in that division
// ("Kharkiv", "New York") or is large.
bool CityOverDivision(const GeoEntry& city, const GeoEntry& division) {
  if (city.level != "city" || division.level != "admin1") return false;
  if (city.population >= 100000) return true;
  // The two keys in reused buffers (Best() runs per mention: no allocation per call).
  thread_local std::string a, b;
  NormalizePlaceNameTo(city.admin1, &a);
  NormalizePlaceNameTo(division.name, &b);
  return a == b;
}

std::mutex g_default_mu;
std::unique_ptr<Gazetteer> g_default;
Status g_default_status = Status::Ok();
bool g_default_loaded = false;

}  // namespace

void NormalizePlaceNameTo(std::string_view name, std::string* out) {
  // Every code point folds to at most as many bytes as encode it (ASCII to one; two-byte
  // sequences, "ß" among them, to at most two; longer ones to at most one), so the key is
  // written into a buffer of name.size() bytes and then cut to its length.
  if (out->size() < name.size()) out->resize(name.size());
  char* o = out->data();
  size_t n = 0;
  size_t i = 0;
  while (i < name.size()) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {  // ASCII, inline: the common case
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        o[n++] = static_cast<char>(c);
      } else if (c != '\'' && c != '`' && c != '.' && n > 0 && o[n - 1] != ' ') {
        o[n++] = ' ';
      }
      ++i;
      continue;
    }
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < name.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3Fu);
      len = 2;
    } else if (c >= 0xE0 && c < 0xF0 && i + 2 < name.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(name[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(name[i + 2]) & 0x3Fu);
      len = 3;
    } else {
      cp = 0xFFFD;
      len = (c >= 0xF0 && i + 3 < name.size()) ? 4 : 1;
    }
    FoldCodePoint(cp, o, &n);
    i += len;
  }
  // Trim trailing spaces, drop a leading "the ".
  while (n > 0 && o[n - 1] == ' ') --n;
  out->resize(n);
  if (n >= 4 && out->compare(0, 4, "the ") == 0) out->erase(0, 4);
}

std::string NormalizePlaceName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  NormalizePlaceNameTo(name, &out);
  return out;
}

uint32_t Gazetteer::Add(GeoEntry e) {
  entries_.push_back(std::move(e));
  return static_cast<uint32_t>(entries_.size() - 1);
}

void Gazetteer::Index(const std::string& name, uint32_t id) {
  std::string key = NormalizePlaceName(name);
  if (key.empty()) return;
  if (name_filter_.empty()) name_filter_.Reset(1 << 16);
  name_filter_.Add(key);
  if (first_word_filter_.empty()) first_word_filter_.Reset(1 << 15);
  first_word_filter_.Add(std::string_view(key).substr(0, key.find(' ')));
  auto& ids = index_[key];
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  int words = 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
  max_words_ = std::max(max_words_, words);
}

Status Gazetteer::LoadIso(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open (install Debian's iso-codes)");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("3166-1") || !j["3166-1"].is_array()) {
    return Status::InvalidArgument(path + ": not an iso-codes ISO 3166-1 JSON file");
  }
  for (const auto& c : j["3166-1"]) {
    if (!c.is_object()) continue;
    auto str = [&](const char* k) {
      auto it = c.find(k);
      return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    GeoEntry e;
    e.iso2 = str("alpha_2");
    e.iso3 = str("alpha_3");
    std::string name = str("name"), common = str("common_name"), official = str("official_name");
    if (e.iso2.size() != 2 || e.iso3.size() != 3 || name.empty()) continue;
    // "Palestine, State of" -> "Palestine".
    std::string short_name = name.substr(0, name.find(", "));
    e.name = !common.empty() ? common : short_name;
    e.country = e.name;
    e.level = "country";
    e.lat = e.lon = NAN;
    e.curated = true;
    uint32_t id = Add(e);
    country_[e.iso2] = id;
    country_[e.iso3] = id;
    for (const std::string* n : {&name, &common, &official, &short_name})
      if (!n->empty()) Index(*n, id);
  }
  return Status::Ok();
}

namespace {

// One libgeonames city, as its getters return it.
struct GeonamesRecord {
  std::string name, state, country_code;
  double lat = 0, lon = 0;
  uint64_t population = 0;
};

// libgeonames decodes its built-in database through GVariant on every getter call: ~750M
// instructions, three quarters of eventcoder's start-up. The decoded records are kept in a
// cache file (base/cache_file.h), valid while the library file keeps its size and mtime.
constexpr std::string_view kGeonamesCacheMagic = "eventcoder-geonames-cities-v1";

// Identifies the libgeonames build: the shared object that holds geonames_get_n_cities
// (path, size, mtime) and the city count. "" when it cannot be told (no caching then).
std::string GeonamesStamp() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&geonames_get_n_cities), &info) == 0 ||
      info.dli_fname == nullptr)
    return "";
  struct stat st {};
  if (stat(info.dli_fname, &st) != 0) return "";
  return FileStamp({info.dli_fname}) + std::to_string(geonames_get_n_cities()) + "\n";
}

std::string EncodeCities(const std::vector<GeonamesRecord>& v) {
  PayloadWriter w;
  w.Pod(static_cast<uint64_t>(v.size()));
  for (const GeonamesRecord& c : v) {
    w.String(c.name);
    w.String(c.state);
    w.String(c.country_code);
    w.Pod(c.lat);
    w.Pod(c.lon);
    w.Pod(c.population);
  }
  return std::move(w.data());
}

bool DecodeCities(std::string_view payload, std::vector<GeonamesRecord>* out) {
  PayloadReader r(payload);
  uint64_t n = 0;
  if (!r.Pod(&n) || n > payload.size()) return false;
  std::vector<GeonamesRecord> v(n);
  for (GeonamesRecord& c : v) {
    if (!r.String(&c.name) || !r.String(&c.state) || !r.String(&c.country_code) || !r.Pod(&c.lat) ||
        !r.Pod(&c.lon) || !r.Pod(&c.population))
      return false;
  }
  if (!r.AtEnd()) return false;
  *out = std::move(v);
  return true;
}

// Every libgeonames city, in the library's order (from the cache when it is valid).
std::vector<GeonamesRecord> GeonamesRecords() {
  std::vector<GeonamesRecord> v;
  const std::string path = CacheFilePath("geonames-cities.bin");
  const std::string stamp = path.empty() ? "" : GeonamesStamp();
  std::string payload;
  if (ReadCacheFile(path, kGeonamesCacheMagic, stamp, &payload) && DecodeCities(payload, &v))
    return v;
  v.clear();
  int n = geonames_get_n_cities();
  v.reserve(static_cast<size_t>(std::max(n, 0)));
  for (int i = 0; i < n; ++i) {
    GeonamesCity* c = geonames_get_city(i);
    if (c == nullptr) continue;
    auto s = [](const char* p) { return p ? std::string(p) : std::string(); };
    GeonamesRecord& r = v.emplace_back();
    r.name = s(geonames_city_get_name(c));
    r.state = s(geonames_city_get_state(c));
    r.country_code = s(geonames_city_get_country_code(c));
    r.lat = geonames_city_get_latitude(c);
    r.lon = geonames_city_get_longitude(c);
    r.population = geonames_city_get_population(c);
    geonames_city_free(c);
  }
  WriteCacheFile(path, kGeonamesCacheMagic, stamp, EncodeCities(v));
  return v;
}

}  // namespace

void Gazetteer::LoadGeonames() {
  struct Acc {
    double x = 0, y = 0, z = 0, w = 0;
    void Add(double lat, double lon, double weight) {
      double la = lat * M_PI / 180, lo = lon * M_PI / 180;
      x += weight * std::cos(la) * std::cos(lo);
      y += weight * std::cos(la) * std::sin(lo);
      z += weight * std::sin(la);
      w += weight;
    }
    void Put(GeoEntry* e) const {
      if (w <= 0) return;
      e->lat = std::atan2(z, std::sqrt(x * x + y * y)) * 180 / M_PI;
      e->lon = std::atan2(y, x) * 180 / M_PI;
    }
  };
  std::unordered_map<std::string, Acc> by_country;
  std::map<std::pair<std::string, std::string>, Acc> by_admin1;
  const std::vector<GeonamesRecord> cities = GeonamesRecords();
  int n = static_cast<int>(cities.size());
  entries_.reserve(entries_.size() + static_cast<size_t>(std::max(n, 0)) + 4000);
  index_.reserve(index_.size() + static_cast<size_t>(std::max(n, 0)) + 4000);
  const GeoEntry* country = nullptr;  // cities come grouped by country: cache the last one
  Acc* country_acc = nullptr;
  Acc* admin1_acc = nullptr;
  std::string last_admin1;
  for (int i = 0; i < n; ++i) {
    const GeonamesRecord& c = cities[static_cast<size_t>(i)];
    GeoEntry e;
    e.name = c.name;
    e.admin1 = c.state;
    e.iso2 = c.country_code;
    e.lat = c.lat;
    e.lon = c.lon;
    e.population = c.population;
    e.level = "city";
    if (e.name.empty()) continue;
    if (country == nullptr || country->iso2 != e.iso2) {
      country = Country(e.iso2);
      country_acc = &by_country[e.iso2];
      admin1_acc = nullptr;
    }
    if (country != nullptr) {
      e.iso3 = country->iso3;
      e.country = country->name;
    }
    double w = static_cast<double>(std::max<uint64_t>(e.population, 1));
    country_acc->Add(e.lat, e.lon, w);
    if (!e.admin1.empty()) {
      if (admin1_acc == nullptr || last_admin1 != e.admin1) {
        admin1_acc = &by_admin1[{e.iso2, e.admin1}];
        last_admin1 = e.admin1;
      }
      admin1_acc->Add(e.lat, e.lon, w);
    }
    std::string name = e.name;
    Index(name, Add(std::move(e)));
    ++cities_;
  }
  for (const auto& [iso2, acc] : by_country) {
    auto it = country_.find(iso2);
    if (it != country_.end()) acc.Put(&entries_[it->second]);
  }
  for (const auto& [key, acc] : by_admin1) {
    GeoEntry e;
    e.name = key.second;
    e.admin1 = key.second;
    e.iso2 = key.first;
    e.level = "admin1";
    if (const GeoEntry* country = Country(e.iso2)) {
      e.iso3 = country->iso3;
      e.country = country->name;
      if (NormalizePlaceName(country->name) == NormalizePlaceName(e.name)) continue;
    }
    acc.Put(&e);
    std::string name = e.name;
    Index(name, Add(std::move(e)));
  }
}

Status Gazetteer::LoadPlaces(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open places file");
  std::string line;
  int n = 0;
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument(path + ":" + std::to_string(n) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++n;
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    std::string t = Trim(line);
    if (t.empty()) continue;
    size_t sp = t.find_first_of(" \t");
    if (sp == std::string::npos) return bad("expected a directive and fields");
    std::string directive = t.substr(0, sp);
    std::vector<std::string> f = SplitBar(std::string_view(t).substr(sp + 1));
    if (directive == "place") {
      if (f.size() < 5) return bad("place needs NAME | LEVEL | ISO2 | LAT | LON");
      GeoEntry e;
      e.name = f[0];
      e.level = f[1];
      e.iso2 = f[2];
      if (LevelRank(e.level) == 0 && e.level != "city") return bad("unknown level " + e.level);
      const GeoEntry* country = e.iso2.empty() ? nullptr : Country(e.iso2);
      if (!e.iso2.empty() && country == nullptr) return bad("unknown country " + e.iso2);
      if (country) {
        e.iso3 = country->iso3;
        e.country = country->name;
      }
      if (!ParseDouble(f[3], &e.lat) || !ParseDouble(f[4], &e.lon)) return bad("bad LAT or LON");
      if (f.size() > 5) e.admin1 = f[5];
      e.curated = true;
      if (e.name.empty()) return bad("empty name");
      std::string name = e.name;
      Index(name, Add(std::move(e)));
    } else if (directive == "alias") {
      if (f.size() < 2) return bad("alias needs ALIAS | TARGET [| ISO2]");
      std::string iso2 = f.size() > 2 ? f[2] : "";
      const GeoEntry* best = nullptr;
      for (uint32_t id : Lookup(NormalizePlaceName(f[1]))) {
        const GeoEntry& c = entries_[id];
        if (!iso2.empty() && c.iso2 != iso2) continue;
        if (best == nullptr || (c.curated && !best->curated) ||
            (c.curated == best->curated &&
             (LevelRank(c.level) > LevelRank(best->level) ||
              (LevelRank(c.level) == LevelRank(best->level) && c.population > best->population))))
          best = &c;
      }
      if (best == nullptr) {  // not in this libgeonames build: the alias is left out
        ++unresolved_;
        continue;
      }
      if (best->level == "country") {
        Index(f[0], static_cast<uint32_t>(best - entries_.data()));
      } else {
        GeoEntry copy = *best;
        copy.curated = true;
        Index(f[0], Add(std::move(copy)));
      }
    } else if (directive == "capital") {
      if (f.size() < 2) return bad("capital needs ISO2 | CITY");
      auto cit = country_.find(f[0]);
      if (cit == country_.end()) return bad("unknown country " + f[0]);
      const GeoEntry* best = nullptr;
      for (uint32_t id : Lookup(NormalizePlaceName(f[1]))) {
        const GeoEntry& c = entries_[id];
        if (c.iso2 == f[0] && c.level == "city" && (!best || c.population > best->population))
          best = &c;
      }
      if (best == nullptr) {  // not in this libgeonames build: country keeps its mean
        ++unresolved_;
        continue;
      }
      capital_[f[0]] = static_cast<uint32_t>(best - entries_.data());
      entries_[cit->second].lat = best->lat;
      entries_[cit->second].lon = best->lon;
    } else if (directive == "country") {
      if (f.size() < 2) return bad("country needs ISO2 | NAME");
      auto cit = country_.find(f[0]);
      if (cit == country_.end()) return bad("unknown country " + f[0]);
      entries_[cit->second].name = f[1];
      entries_[cit->second].country = f[1];
      Index(f[1], cit->second);
    } else {
      return bad("unknown directive " + directive);
    }
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(const GazetteerOptions& options) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  EVENTCODER_RETURN_IF_ERROR(g->LoadIso(options.iso3166_file));
  if (options.use_geonames) g->LoadGeonames();
  if (!options.places_file.empty()) EVENTCODER_RETURN_IF_ERROR(g->LoadPlaces(options.places_file));
  // Country names written by places.txt ("country" lines) reach the cities and divisions.
  for (GeoEntry& e : g->entries_) {
    if (e.level == "country" || e.iso2.empty()) continue;
    const GeoEntry* c = g->Country(e.iso2);
    if (c != nullptr && e.country != c->name) e.country = c->name;
  }
  g->Freeze();
  return g;
}

void Gazetteer::Freeze() {
  size_t n_slots = 16;
  while (n_slots < 2 * index_.size()) n_slots <<= 1;
  slots_.assign(n_slots, Slot{});
  slot_mask_ = n_slots - 1;
  items_.clear();
  items_.reserve(index_.size());
  size_t first_bits = 512;
  while (first_bits < 16 * index_.size()) first_bits <<= 1;
  first_bits_.assign(first_bits / 64, 0);
  first_mask_ = first_bits - 1;
  for (const auto& [key, ids] : index_) {
    const uint64_t fh = KeyHash(std::string_view(key).substr(0, key.find(' ')));
    for (uint64_t bit : {fh & first_mask_, (fh >> 32) & first_mask_})
      first_bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
    const uint64_t h = KeyHash(key);
    size_t i = h & slot_mask_;
    while (slots_[i].tag != 0) i = (i + 1) & slot_mask_;
    slots_[i] = {static_cast<uint32_t>(h >> 32) | 1u, static_cast<uint32_t>(items_.size())};
    items_.push_back({key, ids});
  }
}

const Gazetteer* Gazetteer::Default() {
  std::lock_guard<std::mutex> lock(g_default_mu);
  if (!g_default_loaded) {
    g_default_loaded = true;
    auto g = Load();
    if (g.ok()) {
      g_default = std::move(*g);
    } else {
      g_default_status = g.status();
    }
  }
  return g_default.get();
}

Status Gazetteer::DefaultStatus() {
  Default();
  std::lock_guard<std::mutex> lock(g_default_mu);
  return g_default_status;
}

std::span<const uint32_t> Gazetteer::Lookup(std::string_view normalized) const {
  if (!slots_.empty()) {
    const uint64_t h = KeyHash(normalized);
    const uint32_t tag = static_cast<uint32_t>(h >> 32) | 1u;
    for (size_t i = h & slot_mask_;; i = (i + 1) & slot_mask_) {
      const Slot& s = slots_[i];
      if (s.tag == 0) return {};
      if (s.tag == tag && items_[s.item].key == normalized) return items_[s.item].ids;
    }
  }
  if (!name_filter_.MayContain(normalized)) return {};
  auto it = index_.find(normalized);
  if (it == index_.end()) return {};
  return it->second;
}

const GeoEntry* Gazetteer::Best(std::span<const uint32_t> candidates,
                                const CountryContext& context) const {
  // One candidate is the best whatever the context (most names have one place).
  if (candidates.size() == 1) return &entries_[candidates[0]];
  const GeoEntry* best = nullptr;
  int best_ctx = 0;
  for (uint32_t id : candidates) {
    const GeoEntry& c = entries_[id];
    auto it = context.empty() ? context.end() : context.find(c.iso2);
    int ctx = it == context.end() ? 0 : it->second;
    // A country named in the context supports itself only weakly: a place in the country
    // is what the context is evidence for.
    if (best == nullptr) {
      best = &c;
      best_ctx = ctx;
      continue;
    }
    bool better;
    if ((ctx > 0) != (best_ctx > 0)) {
      better = ctx > 0;
    } else if (ctx != best_ctx) {
      better = ctx > best_ctx;
    } else if (c.curated != best->curated) {
      better = c.curated;
    } else if (CityOverDivision(c, *best) || CityOverDivision(*best, c)) {
      better = CityOverDivision(c, *best);
    } else if (LevelRank(c.level) != LevelRank(best->level)) {
      better = LevelRank(c.level) > LevelRank(best->level);
    } else {
      better = c.population > best->population;
    }
    if (better) {
      best = &c;
      best_ctx = ctx;
    }
  }
  return best;
}

const GeoEntry* Gazetteer::Resolve(std::string_view name, const CountryContext& context) const {
  return Best(Lookup(NormalizePlaceName(name)), context);
}

const GeoEntry* Gazetteer::Country(std::string_view code) const {
  auto it = country_.find(std::string(code));
  return it == country_.end() ? nullptr : &entries_[it->second];
}

const GeoEntry* Gazetteer::Capital(std::string_view iso2) const {
  auto it = capital_.find(std::string(iso2));
  return it == capital_.end() ? nullptr : &entries_[it->second];
}

}  // namespace eventcoder
