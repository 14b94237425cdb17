#include "dedupe/one_a_day.h"

#include <set>
#include <utility>

namespace eventcoder {

OneADaySink::OneADaySink(std::unique_ptr<EventSink> inner) : inner_(std::move(inner)) {}

std::string OneADaySink::Key(const Story& story, const Event& event) {
  int date = event.date != 0 ? event.date : story.date;
  std::string k = std::to_string(date);
  for (const std::string* f : {&event.source_code, &event.target_code, &event.cameo}) {
    k.push_back('|');
    k += *f;
  }
  return k;
}

EventMention OneADaySink::MentionOf(const Story& story, const Event& event) {
  EventMention m;
  m.event_id = event.id;
  m.story_id = event.story_id.empty() ? story.id : event.story_id;
  m.outlet = story.source;
  m.url = story.url;
  m.story_date = story.date;
  m.sentence = event.sentence;
  m.story_length = story.text.size();
  auto first = [](const std::vector<Span>& spans) {
    return spans.empty() ? -1L : static_cast<long>(spans.front().begin);
  };
  m.source_offset = first(event.source_spans);
  m.target_offset = first(event.target_spans);
  m.verb_offset = first(event.verb_spans);
  return m;
}

Status OneADaySink::BeginStory(const Story& story) {
  if (open_) return Status::Internal("dedupe: BeginStory out of order");
  open_ = true;
  current_kept_ = false;
  return Status::Ok();
}

Status OneADaySink::Write(const Story& story, const Event& event) {
  if (!open_) return Status::Internal("dedupe: Write out of order");
  std::string key = Key(story, event);
  EventMention mention = MentionOf(story, event);
  auto it = index_.find(key);
  if (it == index_.end()) {
    if (!current_kept_) {
      Story copy;
      copy.id = story.id;
      copy.date = story.date;
      copy.source = story.source;
      copy.url = story.url;
      copy.file = story.file;
      copy.line = story.line;
      stories_.push_back(std::move(copy));
      current_kept_ = true;
    }
    Merged m{event, stories_.size() - 1};
    m.event.mentions.clear();
    m.event.mentions.push_back(std::move(mention));
    index_.emplace(std::move(key), events_.size());
    events_.push_back(std::move(m));
    return Status::Ok();
  }
  Event& merged = events_[it->second].event;
  merged.mentions.push_back(std::move(mention));
  if (event.location && event.location->basis == "sentence" &&
      (!merged.location || merged.location->basis != "sentence")) {
    merged.location = event.location;
  }
  return Status::Ok();
}

Status OneADaySink::EndStory(const Story&) {
  if (!open_) return Status::Internal("dedupe: EndStory out of order");
  open_ = false;
  return Status::Ok();
}

Status OneADaySink::Finish() {
  if (open_) return Status::Internal("dedupe: Finish before EndStory");
  size_t open_story = static_cast<size_t>(-1);
  for (Merged& m : events_) {
    Event& e = m.event;
    std::set<std::string> outlets, articles;
    for (const EventMention& x : e.mentions) {
      outlets.insert(x.outlet.empty() ? "story:" + x.story_id : "outlet:" + x.outlet);
      articles.insert(x.story_id);
    }
    e.num_mentions = static_cast<int>(e.mentions.size());
    e.num_sources = static_cast<int>(outlets.size());
    e.num_articles = static_cast<int>(articles.size());
    if (m.story != open_story) {
      if (open_story != static_cast<size_t>(-1))
        EVENTCODER_RETURN_IF_ERROR(inner_->EndStory(stories_[open_story]));
      open_story = m.story;
      EVENTCODER_RETURN_IF_ERROR(inner_->BeginStory(stories_[open_story]));
    }
    EVENTCODER_RETURN_IF_ERROR(inner_->Write(stories_[open_story], e));
  }
  if (open_story != static_cast<size_t>(-1))
    EVENTCODER_RETURN_IF_ERROR(inner_->EndStory(stories_[open_story]));
  return inner_->Finish();
}

}  // namespace eventcoder
