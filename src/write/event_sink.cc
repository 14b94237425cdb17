#include "write/event_sink.h"

namespace eventcoder {

EventSink::~EventSink() = default;

Status EventSink::BeginStory(const Story&) { return Status::Ok(); }

Status EventSink::EndStory(const Story&) { return Status::Ok(); }

Status WriteStory(EventSink& sink, const Story& story, std::span<const Event> events) {
  EVENTCODER_RETURN_IF_ERROR(sink.BeginStory(story));
  for (const Event& e : events) EVENTCODER_RETURN_IF_ERROR(sink.Write(story, e));
  return sink.EndStory(story);
}

}  // namespace eventcoder
