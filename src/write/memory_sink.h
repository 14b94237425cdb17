// MemorySink: an EventSink that keeps everything in memory, for tests. It also checks the
// call protocol and can inject a failure, like leveldb's ErrorEnv.
//
//   MemorySink sink;
//   ASSERT_TRUE(WriteStory(sink, story, events).ok());
//   EXPECT_EQ(sink.events().size(), 2u);
//
// fail_on_write(n) makes the n-th Write() (1-based, counted over the sink's life) return
// Internal "memory sink: injected failure on write n" without storing the event.
// Protocol misuse (Write outside BeginStory/EndStory, a call after Finish) returns Internal
// and is recorded in protocol_errors().
//
// Thread safety: none; one thread at a time.
#ifndef EVENTCODER_WRITE_MEMORY_SINK_H_
#define EVENTCODER_WRITE_MEMORY_SINK_H_

#include <string>
#include <vector>

#include "write/event_sink.h"

namespace eventcoder {

class MemorySink : public EventSink {
 public:
  struct StoryRecord {
    Story story;                // a copy of the story as given to BeginStory
    std::vector<Event> events;  // its events in Write order
  };

  void fail_on_write(size_t n) { fail_on_write_ = n; }

  Status BeginStory(const Story& story) override {
    if (Misuse(finished_ || open_, "BeginStory")) return Protocol();
    open_ = true;
    stories_.push_back(StoryRecord{story, {}});
    return Status::Ok();
  }

  Status Write(const Story& story, const Event& event) override {
    if (Misuse(finished_ || !open_ || stories_.back().story.id != story.id, "Write")) {
      return Protocol();
    }
    ++writes_;
    if (fail_on_write_ != 0 && writes_ == fail_on_write_) {
      return Status::Internal("memory sink: injected failure on write " + std::to_string(writes_));
    }
    stories_.back().events.push_back(event);
    events_.push_back(event);
    return Status::Ok();
  }

  Status EndStory(const Story& story) override {
    if (Misuse(finished_ || !open_ || stories_.back().story.id != story.id, "EndStory")) {
      return Protocol();
    }
    open_ = false;
    return Status::Ok();
  }

  Status Finish() override {
    if (Misuse(finished_ || open_, "Finish")) return Protocol();
    finished_ = true;
    return Status::Ok();
  }

  const std::vector<StoryRecord>& stories() const { return stories_; }
  const std::vector<Event>& events() const { return events_; }  // all events, in order
  const std::vector<std::string>& protocol_errors() const { return protocol_errors_; }
  bool finished() const { return finished_; }

 private:
  bool Misuse(bool bad, const char* call) {
    if (bad) protocol_errors_.push_back(std::string(call) + " out of order");
    return bad;
  }
  Status Protocol() const { return Status::Internal("memory sink: " + protocol_errors_.back()); }

  std::vector<StoryRecord> stories_;
  std::vector<Event> events_;
  std::vector<std::string> protocol_errors_;
  size_t fail_on_write_ = 0;
  size_t writes_ = 0;
  bool open_ = false;
  bool finished_ = false;
};

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_MEMORY_SINK_H_
