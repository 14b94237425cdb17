// The eventcoder store schema, shared by the SQLite and PostgreSQL stores: the SQL text of
// the tables, indexes and every statement the loader and the query reader run, in one
// place. The same text serves both databases; the only dialect differences are the
// parameter syntax ($1 in the text, rewritten to ?1 for SQLite by ForDialect) and how a
// write transaction begins (BeginSql).
//
// Tables:
//   stories(id TEXT PRIMARY KEY, date TEXT "YYYY-MM-DD", source TEXT (outlet), url, text)
//   events: one row per distinct (date, source_code, target_code, cameo), GDELT's "one
//     event a day": event_key (EventKey of those four), root, quad_class, goldstein (for
//     a non-CAMEO code: root '', quad_class 0, goldstein NULL), num_mentions (coded instances),
//     num_articles (distinct stories), num_sources (distinct outlets; a story without an outlet
//     counts as its own), first_story_id / first_sentence (the earliest mention by story date,
//     story id, sentence), and the location of the earliest mention that has one (place_name,
//     place_level, country_iso2, country_iso3, admin1, lat, lon).
//   mentions: one row per coded event instance, primary key (story_id, id): id
//     (Event::id), event_key, story_id (REFERENCES stories), sentence, date, date_precision,
//     source/target/cameo codes, source_text, target_text, verb_text, text (the sentence),
//     spans_json, why_json (the JSONL writer's "spans" and "why"), and the event's location
//     columns.
//   Indexes on date, dyad (source_code, target_code) and cameo of both events and
//   mentions, and on mentions(event_key).
//
// Thread safety: constants and pure functions.
#ifndef EVENTCODER_STORE_SCHEMA_H_
#define EVENTCODER_STORE_SCHEMA_H_

#include <string>
#include <string_view>

namespace eventcoder {

enum class SqlDialect { kSqlite, kPostgres };

// CREATE TABLE / CREATE INDEX statements (IF NOT EXISTS), separated by ';'.
extern const char* const kStoreSchemaSql;

// Statements of the loader and reader, with $1.. parameters.
extern const char* const kUpsertStorySql;  // $1 id, $2 date, $3 source, $4 url, $5 text
// The loader's per-connection list of event keys to recompute at commit (a temporary
// table, so that marking them needs no round trip to the client; transactional).
extern const char* const kTouchedTableSql;
extern const char* const kMarkTouchedSql;  // $1 story id: its mentions' event keys
extern const char* const kTouchedKeysSql;  // -> event_key rows
extern const char* const kClearTouchedSql;
extern const char* const kDeleteMentionsSql;  // $1 story id
extern const char* const kInsertMentionSql;   // 22 parameters, in kMentionColumns order
extern const char* const kEventMentionsSql;   // $1 event_key -> kEventMentionColumns rows
extern const char* const kUpsertEventSql;     // 20 parameters, in kEventColumns order
extern const char* const kDeleteEventSql;     // $1 event_key

// `sql` for `dialect`: for SQLite every "$N" becomes "?N" (SQLite binds ?N to index N).
std::string ForDialect(std::string_view sql, SqlDialect dialect);

// Starts a write transaction. SQLite: BEGIN IMMEDIATE (takes the write lock at once).
// PostgreSQL: BEGIN plus a transaction-scoped advisory lock, so that two loaders writing to
// one database serialise their batches as they do on SQLite (events are recomputed from
// mentions, which must not change underneath).
const char* BeginSql(SqlDialect dialect);

// The events.event_key of (date, source, target, cameo): 16 lower-case hex digits of a
// 64-bit FNV-1a hash of the four fields, each preceded by its length (so no separator can
// make two tuples collide by construction).
std::string EventKey(std::string_view date, std::string_view source, std::string_view target,
                     std::string_view cameo);

// Text as both stores accept it: valid UTF-8 (see ValidUtf8) without NUL bytes (each
// becomes U+FFFD; PostgreSQL text cannot hold NUL).
std::string StoreText(std::string_view s);

}  // namespace eventcoder

#endif  // EVENTCODER_STORE_SCHEMA_H_
