// EventSink: where coded events go (JSONL, TSV, SQLite, memory for tests).
//
// Call protocol, for each story in input order:
//   BeginStory(story); Write(story, e) for each of its events; EndStory(story);
// and once at the end, Finish(). A story with no events still gets BeginStory/EndStory, so
// sinks that keep stories (SQLite) record it and replace any events it had from an earlier
// run. After Finish() (or after any call returned an error) the sink must not be used again
// except to destroy it.
//
// Batching: a sink may hold work until EndStory() or Finish() (the SQLite sink commits one
// transaction per N stories); what was not flushed when a sink is destroyed without
// Finish() is lost or rolled back, never half-written.
//
// Errors: every call returns a Status naming the output (file or database path) and what
// failed; no call throws.
//
// Thread safety: a sink is used by one thread at a time; callers that code stories on
// several threads must serialise their calls (in input order, to keep output deterministic).
#ifndef EVENTCODER_WRITE_EVENT_SINK_H_
#define EVENTCODER_WRITE_EVENT_SINK_H_

#include <cstddef>
#include <span>

#include "base/status.h"
#include "eventcoder/event.h"
#include "eventcoder/story.h"

namespace eventcoder {

// Options shared by the writers.
struct WriterOptions {
  // Add cameo_name, cameo_description, cameo_notes and plover to each event (--explain).
  // Default: false.
  bool explain = false;
  // SQLite only: stories per transaction. Larger batches are faster and hold the write lock
  // longer. Values < 1 are treated as 1. Default: 1000.
  size_t batch_stories = 1000;
};

class EventSink {
 public:
  EventSink() = default;
  EventSink(const EventSink&) = delete;
  EventSink& operator=(const EventSink&) = delete;
  virtual ~EventSink();

  // A story starts. Default: OK, nothing done.
  virtual Status BeginStory(const Story& story);
  // One event of `story`. REQUIRES: BeginStory(story) was called and EndStory(story) not yet.
  virtual Status Write(const Story& story, const Event& event) = 0;
  // The story's events are all written. Default: OK, nothing done.
  virtual Status EndStory(const Story& story);
  // Flush and close. REQUIRES: called at most once, after the last EndStory.
  virtual Status Finish() = 0;
};

// BeginStory, Write for each event, EndStory: the whole protocol for one story.
Status WriteStory(EventSink& sink, const Story& story, std::span<const Event> events);

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_EVENT_SINK_H_
