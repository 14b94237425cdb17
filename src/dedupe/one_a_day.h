// OneADaySink: GDELT-style "one-a-day" de-duplication as an EventSink decorator.
//
// Events with the same (date, source_code, target_code, cameo) — from several sentences of
// one story or from several stories — become one event. It keeps the fields of its first
// report (input order), takes the first sentence-based location when the first report had
// none, and gains:
//   mentions      every report: story, outlet, url, sentence and byte offsets;
//   num_mentions  the number of reports;
//   num_sources   distinct Story::source outlets among them (a story without a source
//                 counts as its own outlet, keyed by story id);
//   num_articles  distinct stories among them.
// Nothing reaches the inner sink before Finish(): then each merged event is written, in
// order of first report, inside BeginStory/EndStory of the story of its first report (that
// Story without its text; stories without events are not forwarded), and the inner sink is
// finished.
//
// Memory: proportional to the number of distinct events (one Event copy each, plus one
// EventMention per report) and the stories that first reported one; nothing is freed before
// Finish(). For very large inputs, de-duplicate per day or per file.
//
// Errors: the inner sink's errors are returned from Finish(). Write() fails only on a
// protocol error (Internal). Thread safety: one thread at a time (see event_sink.h).
#ifndef EVENTCODER_DEDUPE_ONE_A_DAY_H_
#define EVENTCODER_DEDUPE_ONE_A_DAY_H_

#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "write/event_sink.h"

namespace eventcoder {

class OneADaySink : public EventSink {
 public:
  explicit OneADaySink(std::unique_ptr<EventSink> inner);

  Status BeginStory(const Story& story) override;
  Status Write(const Story& story, const Event& event) override;
  Status EndStory(const Story& story) override;
  Status Finish() override;

  // The merged event count so far.
  size_t distinct_events() const { return events_.size(); }
  EventSink* inner() { return inner_.get(); }

  // The de-duplication key of an event ("20260211|IRNGOV|PSEREB|044").
  static std::string Key(const Story& story, const Event& event);
  // The report `event` of `story` is.
  static EventMention MentionOf(const Story& story, const Event& event);

 private:
  struct Merged {
    Event event;
    size_t story = 0;  // index into stories_
  };
  std::unique_ptr<EventSink> inner_;
  std::deque<Story> stories_;  // text-less copies of stories that first reported an event
  bool current_kept_ = false;  // stories_.back() is the current story
  bool open_ = false;
  std::vector<Merged> events_;
  std::unordered_map<std::string, size_t> index_;  // Key -> events_
};

}  // namespace eventcoder

#endif  // EVENTCODER_DEDUPE_ONE_A_DAY_H_
