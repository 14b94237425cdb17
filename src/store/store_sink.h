// StoreSink: the EventSink that loads stories and their events into an eventcoder store
// (the schema of store/schema.h) over any SqlConnection. SqliteSink and PostgresSink
// (src/write/) are this sink over their connection.
//
// Per story (BeginStory): the story row is upserted and its earlier mentions deleted; each
// Write inserts one mention (id = Event::id, or StableEventId when empty) keyed to its
// event (date, source, target, cameo). The events rows of every event key a batch touched
// (old and new) are recomputed from the mentions table when the batch commits: counts,
// first mention and location; an event left without mentions is deleted. Hence loading is
// idempotent by story id: loading a story again replaces its mentions and leaves counts as
// they were, and a story that now has fewer events lowers the counts.
//
// Transactions: one per WriterOptions::batch_stories stories (minimum 1), committed at
// the EndStory that fills the batch and at Finish(). A crash or a sink destroyed without
// Finish() loses only the open batch (the database rolls it back); committed batches stay,
// with consistent events rows, and a re-run completes the rest.
//
// Errors: the connection's Status ("<db>: <sqlite|postgres>: <what>: <message>"); after an
// error the sink must only be destroyed.
//
// Thread safety: one thread at a time (see event_sink.h).
#ifndef EVENTCODER_STORE_STORE_SINK_H_
#define EVENTCODER_STORE_STORE_SINK_H_

#include <memory>
#include <set>
#include <string>

#include "store/sql_connection.h"
#include "write/event_sink.h"

namespace eventcoder {

class StoreSink : public EventSink {
 public:
  // Creates the schema when absent and prepares the statements.
  static StatusOr<std::unique_ptr<StoreSink>> Open(std::unique_ptr<SqlConnection> connection,
                                                   WriterOptions options);
  ~StoreSink() override;

  Status BeginStory(const Story& story) override;
  // Begins the story implicitly when BeginStory was not called for it.
  Status Write(const Story& story, const Event& event) override;
  Status EndStory(const Story& story) override;
  Status Finish() override;

 protected:
  StoreSink(std::unique_ptr<SqlConnection> connection, WriterOptions options);
  Status Init();
  SqlConnection& connection() { return *conn_; }

 private:
  Status Commit();
  // Writes (or deletes) the events row of `key` from its mentions `rows`
  // (kEventMentionsSql).
  Status RecomputeEvent(const std::string& key, std::vector<SqlRow>& rows);
  Status Fail(Status s);

  std::unique_ptr<SqlConnection> conn_;
  WriterOptions options_;
  int upsert_story_ = -1, mark_touched_ = -1, delete_mentions_ = -1, insert_mention_ = -1,
      event_mentions_ = -1, upsert_event_ = -1, delete_event_ = -1;
  bool in_transaction_ = false;
  bool story_open_ = false;
  std::string current_story_;
  size_t stories_in_batch_ = 0;
  // Event keys of this batch's new mentions; those of deleted mentions are in the
  // database's eventcoder_touched table.
  std::set<std::string> touched_keys_;
  bool finished_ = false;
  bool failed_ = false;
};

}  // namespace eventcoder

#endif  // EVENTCODER_STORE_STORE_SINK_H_
