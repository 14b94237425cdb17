#include "store/schema.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

#include "write/event_record.h"

namespace eventcoder {

// DOUBLE PRECISION is an 8-byte float in PostgreSQL (REAL would be 4 bytes) and has REAL
// affinity in SQLite, so one text serves both.
const char* const kStoreSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS stories(
  id TEXT PRIMARY KEY,
  date TEXT,
  source TEXT,
  url TEXT,
  text TEXT);
CREATE TABLE IF NOT EXISTS events(
  event_key TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  cameo TEXT NOT NULL,
  root TEXT,
  quad_class INTEGER,
  goldstein DOUBLE PRECISION,
  num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  first_story_id TEXT,
  first_sentence INTEGER,
  place_name TEXT,
  place_level TEXT,
  country_iso2 TEXT,
  country_iso3 TEXT,
  admin1 TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION);
CREATE TABLE IF NOT EXISTS mentions(
  id TEXT NOT NULL,
  event_key TEXT NOT NULL,
  story_id TEXT NOT NULL REFERENCES stories(id),
  sentence INTEGER,
  date TEXT,
  date_precision TEXT,
  source_code TEXT,
  target_code TEXT,
  cameo TEXT,
  source_text TEXT,
  target_text TEXT,
  verb_text TEXT,
  text TEXT,
  spans_json TEXT,
  why_json TEXT,
  place_name TEXT,
  place_level TEXT,
  country_iso2 TEXT,
  country_iso3 TEXT,
  admin1 TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  PRIMARY KEY(story_id, id));
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_code, target_code);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_key);
CREATE INDEX IF NOT EXISTS mentions_date ON mentions(date);
CREATE INDEX IF NOT EXISTS mentions_dyad ON mentions(source_code, target_code);
CREATE INDEX IF NOT EXISTS mentions_cameo ON mentions(cameo);
)sql";

const char* const kUpsertStorySql =
    "INSERT INTO stories(id, date, source, url, text) VALUES($1, $2, $3, $4, $5) "
    "ON CONFLICT(id) DO UPDATE SET date = excluded.date, source = excluded.source, "
    "url = excluded.url, text = excluded.text";

const char* const kTouchedTableSql =
    "CREATE TEMP TABLE IF NOT EXISTS eventcoder_touched(event_key TEXT PRIMARY KEY)";

// (The WHERE clause also keeps SQLite from reading ON CONFLICT as part of the SELECT.)
const char* const kMarkTouchedSql =
    "INSERT INTO eventcoder_touched(event_key) SELECT event_key FROM mentions "
    "WHERE story_id = $1 ON CONFLICT(event_key) DO NOTHING";

const char* const kTouchedKeysSql = "SELECT event_key FROM eventcoder_touched";

const char* const kClearTouchedSql = "DELETE FROM eventcoder_touched";

const char* const kDeleteMentionsSql = "DELETE FROM mentions WHERE story_id = $1";

// A mention id given twice in one story (the same event written twice) keeps its first
// row.
const char* const kInsertMentionSql =
    "INSERT INTO mentions(id, event_key, story_id, sentence, date, date_precision, "
    "source_code, target_code, cameo, source_text, target_text, verb_text, text, spans_json, "
    "why_json, place_name, place_level, country_iso2, country_iso3, admin1, lat, lon) "
    "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
    "$19, $20, $21, $22) ON CONFLICT(story_id, id) DO NOTHING";

const char* const kEventMentionsSql =
    "SELECT m.story_id, m.sentence, s.date, s.source, m.date, m.source_code, m.target_code, "
    "m.cameo, m.place_name, m.place_level, m.country_iso2, m.country_iso3, m.admin1, m.lat, "
    "m.lon FROM mentions m LEFT JOIN stories s ON s.id = m.story_id WHERE m.event_key = $1";

const char* const kUpsertEventSql =
    "INSERT INTO events(event_key, date, source_code, target_code, cameo, root, quad_class, "
    "goldstein, num_mentions, num_sources, num_articles, first_story_id, first_sentence, "
    "place_name, place_level, country_iso2, country_iso3, admin1, lat, lon) "
    "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
    "$19, $20) ON CONFLICT(event_key) DO UPDATE SET date = excluded.date, "
    "source_code = excluded.source_code, target_code = excluded.target_code, "
    "cameo = excluded.cameo, root = excluded.root, quad_class = excluded.quad_class, "
    "goldstein = excluded.goldstein, num_mentions = excluded.num_mentions, "
    "num_sources = excluded.num_sources, num_articles = excluded.num_articles, "
    "first_story_id = excluded.first_story_id, first_sentence = excluded.first_sentence, "
    "place_name = excluded.place_name, place_level = excluded.place_level, "
    "country_iso2 = excluded.country_iso2, country_iso3 = excluded.country_iso3, "
    "admin1 = excluded.admin1, lat = excluded.lat, lon = excluded.lon";

const char* const kDeleteEventSql = "DELETE FROM events WHERE event_key = $1";

std::string ForDialect(std::string_view sql, SqlDialect dialect) {
  std::string out(sql);
  if (dialect != SqlDialect::kSqlite) return out;
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '$' && std::isdigit(static_cast<unsigned char>(out[i + 1]))) out[i] = '?';
  }
  return out;
}

const char* BeginSql(SqlDialect dialect) {
  if (dialect == SqlDialect::kSqlite) return "BEGIN IMMEDIATE";
  // 0x6576656e74636f64 = "eventcod".
  return "BEGIN; SELECT pg_advisory_xact_lock(7311146993723912036)";
}

std::string EventKey(std::string_view date, std::string_view source, std::string_view target,
                     std::string_view cameo) {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::string_view s) {
    std::string len = std::to_string(s.size()) + ":";
    for (char c : len) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  };
  mix(date);
  mix(source);
  mix(target);
  mix(cameo);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string StoreText(std::string_view s) {
  std::string v = ValidUtf8(s);
  if (v.find('\0') == std::string::npos) return v;
  std::string out;
  out.reserve(v.size() + 8);
  for (char c : v) {
    if (c == '\0') {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace eventcoder
