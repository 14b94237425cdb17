#include "store/store_sink.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <vector>

#include "event/cameo.h"
#include "write/event_record.h"
#include "write/json_util.h"

namespace eventcoder {

namespace {

// Columns of kEventMentionsSql.
enum MentionCol {
  kStoryId,
  kSentence,
  kStoryDate,
  kOutlet,
  kDate,
  kSource,
  kTarget,
  kCameo,
  kPlaceName,
  kPlaceLevel,
  kIso2,
  kIso3,
  kAdmin1,
  kLat,
  kLon,
};

const std::string& Or(const std::optional<std::string>& v, const std::string& fallback) {
  return v ? *v : fallback;
}

SqlValue TextOrNull(const std::optional<std::string>& v) {
  return v ? SqlValue::Text(*v) : SqlValue::Null();
}

SqlValue RealOrNull(const std::optional<std::string>& v) {
  if (!v || v->empty()) return SqlValue::Null();
  return SqlValue::Real(std::strtod(v->c_str(), nullptr));
}

}  // namespace

StoreSink::StoreSink(std::unique_ptr<SqlConnection> connection, WriterOptions options)
    : conn_(std::move(connection)), options_(options) {
  if (options_.batch_stories < 1) options_.batch_stories = 1;
}

StatusOr<std::unique_ptr<StoreSink>> StoreSink::Open(std::unique_ptr<SqlConnection> connection,
                                                     WriterOptions options) {
  std::unique_ptr<StoreSink> sink(new StoreSink(std::move(connection), options));
  EVENTCODER_RETURN_IF_ERROR(sink->Init());
  return sink;
}

StoreSink::~StoreSink() {
  // The connection rolls back an open transaction when it is closed.
}

Status StoreSink::Init() {
  SqlDialect d = conn_->dialect();
  std::string schema = std::string(BeginSql(d)) + ";\n" + kStoreSchemaSql + "COMMIT;";
  Status s = conn_->Exec(schema, "creating schema");
  if (!s.ok()) {
    (void)conn_->Exec("ROLLBACK", "rolling back");
    return s;
  }
  EVENTCODER_RETURN_IF_ERROR(conn_->Exec(kTouchedTableSql, "creating a temporary table"));
  const char* what = "preparing statements (is this a database of this eventcoder version?)";
  struct {
    int* handle;
    const char* sql;
  } statements[] = {
      {&upsert_story_, kUpsertStorySql},       {&mark_touched_, kMarkTouchedSql},
      {&delete_mentions_, kDeleteMentionsSql}, {&insert_mention_, kInsertMentionSql},
      {&event_mentions_, kEventMentionsSql},   {&upsert_event_, kUpsertEventSql},
      {&delete_event_, kDeleteEventSql},
  };
  for (auto& st : statements) {
    StatusOr<int> h = conn_->Prepare(st.sql, what);
    if (!h.ok()) return h.status();
    *st.handle = *h;
  }
  return Status::Ok();
}

Status StoreSink::Fail(Status s) {
  if (!s.ok()) failed_ = true;
  return s;
}

Status StoreSink::BeginStory(const Story& story) {
  if (finished_ || failed_) {
    return Status::Internal(conn_->name() + ": BeginStory after Finish or an error");
  }
  if (!in_transaction_) {
    EVENTCODER_RETURN_IF_ERROR(
        Fail(conn_->Exec(BeginSql(conn_->dialect()), "beginning transaction")));
    in_transaction_ = true;
  }
  std::string id = StoreText(story.id);
  SqlValue story_params[] = {SqlValue::Text(id), SqlValue::Text(IsoDate(story.date)),
                             SqlValue::Text(StoreText(story.source)),
                             SqlValue::Text(StoreText(story.url)),
                             SqlValue::Text(StoreText(story.text))};
  EVENTCODER_RETURN_IF_ERROR(
      Fail(conn_->Run(upsert_story_, story_params, nullptr, "writing story")));
  SqlValue id_param[] = {SqlValue::Text(id)};
  EVENTCODER_RETURN_IF_ERROR(
      Fail(conn_->Run(mark_touched_, id_param, nullptr, "noting the story's old events")));
  EVENTCODER_RETURN_IF_ERROR(
      Fail(conn_->Run(delete_mentions_, id_param, nullptr, "replacing the story's mentions")));
  story_open_ = true;
  current_story_ = story.id;
  return Status::Ok();
}

Status StoreSink::Write(const Story& story, const Event& event) {
  if (!story_open_ || current_story_ != story.id) {
    EVENTCODER_RETURN_IF_ERROR(BeginStory(story));
  }
  EventRecord r = MakeEventRecord(story, event);
  if (event.id.empty() && event.story_id.empty()) {
    // The id hashes the story id: take the story's, so that events of different stories
    // do not share ids.
    Event with_story = event;
    with_story.story_id = story.id;
    r.id = StableEventId(with_story);
  }
  std::string key = EventKey(r.date, r.source_code, r.target_code, r.cameo);
  // The row belongs to the story being written, whatever the event says, so that replacing
  // a story replaces all of its rows.
  const Place* p = event.location ? &*event.location : nullptr;
  auto place_text = [p](const std::string Place::*field) {
    return p ? SqlValue::Text(StoreText(p->*field)) : SqlValue::Null();
  };
  SqlValue params[] = {
      SqlValue::Text(StoreText(r.id)),
      SqlValue::Text(key),
      SqlValue::Text(StoreText(story.id)),
      SqlValue::Int(r.sentence),
      SqlValue::Text(r.date),
      SqlValue::Text(StoreText(r.date_precision)),
      SqlValue::Text(StoreText(r.source_code)),
      SqlValue::Text(StoreText(r.target_code)),
      SqlValue::Text(StoreText(r.cameo)),
      SqlValue::Text(StoreText(r.source_text)),
      SqlValue::Text(StoreText(r.target_text)),
      SqlValue::Text(StoreText(r.verb_text)),
      SqlValue::Text(StoreText(r.text)),
      SqlValue::Text(StoreText(SpansJson(event))),
      SqlValue::Text(StoreText(WhyJson(event))),
      place_text(&Place::name),
      place_text(&Place::level),
      place_text(&Place::country_iso2),
      place_text(&Place::country_iso3),
      place_text(&Place::admin1),
      p ? SqlValue::Real(p->lat) : SqlValue::Null(),
      p ? SqlValue::Real(p->lon) : SqlValue::Null(),
  };
  EVENTCODER_RETURN_IF_ERROR(Fail(conn_->Run(insert_mention_, params, nullptr, "writing mention")));
  touched_keys_.insert(std::move(key));
  return Status::Ok();
}

Status StoreSink::EndStory(const Story& story) {
  if (!story_open_ || current_story_ != story.id) {
    // A story that was never begun (no BeginStory, no events): record it anyway.
    EVENTCODER_RETURN_IF_ERROR(BeginStory(story));
  }
  story_open_ = false;
  if (++stories_in_batch_ >= options_.batch_stories) return Commit();
  return Status::Ok();
}

Status StoreSink::RecomputeEvent(const std::string& key, std::vector<SqlRow>& rows) {
  SqlValue key_param[] = {SqlValue::Text(key)};
  if (rows.empty()) return conn_->Run(delete_event_, key_param, nullptr, "deleting event");
  static const std::string kEmpty;
  // Earliest first: by story date, story id, sentence; byte order, so that both databases
  // (whatever their collation) pick the same row.
  auto order = [](const SqlRow& r) {
    return std::make_tuple(std::cref(Or(r[kStoryDate], kEmpty)), std::cref(Or(r[kStoryId], kEmpty)),
                           std::atoll(Or(r[kSentence], kEmpty).c_str()));
  };
  std::sort(rows.begin(), rows.end(),
            [&](const SqlRow& a, const SqlRow& b) { return order(a) < order(b); });
  std::set<std::string> articles, outlets;
  for (const SqlRow& r : rows) {
    const std::string& story = Or(r[kStoryId], kEmpty);
    const std::string& outlet = Or(r[kOutlet], kEmpty);
    articles.insert(story);
    outlets.insert(outlet.empty() ? "story:" + story : "outlet:" + outlet);
  }
  const SqlRow& first = rows[0];
  const SqlRow* located = nullptr;
  for (const SqlRow& r : rows) {
    if (r[kPlaceName] || r[kPlaceLevel] || r[kLat]) {
      located = &r;
      break;
    }
  }
  const std::string& cameo = Or(first[kCameo], kEmpty);
  std::string root = RootOf(cameo);
  int quad = QuadClass(cameo);
  auto loc_text = [located](int col) {
    return located ? TextOrNull((*located)[col]) : SqlValue::Null();
  };
  SqlValue params[] = {
      SqlValue::Text(key),
      SqlValue::Text(Or(first[kDate], kEmpty)),
      SqlValue::Text(Or(first[kSource], kEmpty)),
      SqlValue::Text(Or(first[kTarget], kEmpty)),
      SqlValue::Text(cameo),
      SqlValue::Text(root),  // "" for a code outside CAMEO, as in JSONL
      SqlValue::Int(quad),
      SqlValue::Real(Goldstein(cameo)),
      SqlValue::Int(static_cast<int64_t>(rows.size())),
      SqlValue::Int(static_cast<int64_t>(outlets.size())),
      SqlValue::Int(static_cast<int64_t>(articles.size())),
      TextOrNull(first[kStoryId]),
      SqlValue::Int(std::atoll(Or(first[kSentence], kEmpty).c_str())),
      loc_text(kPlaceName),
      loc_text(kPlaceLevel),
      loc_text(kIso2),
      loc_text(kIso3),
      loc_text(kAdmin1),
      located ? RealOrNull((*located)[kLat]) : SqlValue::Null(),
      located ? RealOrNull((*located)[kLon]) : SqlValue::Null(),
  };
  return conn_->Run(upsert_event_, params, nullptr, "writing event");
}

Status StoreSink::Commit() {
  if (!in_transaction_) return Status::Ok();
  std::vector<SqlRow> marked;
  EVENTCODER_RETURN_IF_ERROR(
      Fail(conn_->Query(kTouchedKeysSql, {}, &marked, "reading the events to recompute")));
  for (const SqlRow& row : marked) {
    if (!row.empty() && row[0]) touched_keys_.insert(*row[0]);
  }
  EVENTCODER_RETURN_IF_ERROR(
      Fail(conn_->Exec(kClearTouchedSql, "clearing the events to recompute")));
  std::vector<std::vector<SqlValue>> keys;
  keys.reserve(touched_keys_.size());
  for (const std::string& key : touched_keys_) keys.push_back({SqlValue::Text(key)});
  std::vector<std::vector<SqlRow>> mentions;
  EVENTCODER_RETURN_IF_ERROR(
      Fail(conn_->RunBatch(event_mentions_, keys, &mentions, "reading events' mentions")));
  size_t i = 0;
  for (const std::string& key : touched_keys_) {
    EVENTCODER_RETURN_IF_ERROR(Fail(RecomputeEvent(key, mentions[i++])));
  }
  touched_keys_.clear();
  in_transaction_ = false;
  stories_in_batch_ = 0;
  return Fail(conn_->Exec("COMMIT", "committing"));
}

Status StoreSink::Finish() {
  if (finished_) return Status::Internal(conn_->name() + ": Finish called twice");
  finished_ = true;
  if (failed_) return Status::Internal(conn_->name() + ": Finish after an error");
  return Commit();
}

}  // namespace eventcoder
