#include "write/html_writer.h"

#include <algorithm>
#include <utility>

#include "event/cameo.h"
#include "write/event_record.h"

namespace eventcoder {

namespace {

enum Role : int { kSource = 0, kVerb = 1, kTarget = 2 };
constexpr const char* kRoleClass[] = {"src", "verb", "tgt"};
constexpr const char* kRoleName[] = {"source", "verb", "target"};

constexpr const char* kQuadName[] = {"other (not CAMEO)", "verbal cooperation",
                                     "material cooperation", "verbal conflict",
                                     "material conflict"};

// One span to draw.
struct Mark {
  size_t begin = 0;
  size_t end = 0;
  int role = kSource;
  size_t event = 0;  // 0-based index into the story's events
  size_t k = 0;      // index of the span among the event's spans of this role
};

bool IsContinuation(std::string_view text, size_t i) {
  return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

// Moves `pos` back to the start of the UTF-8 sequence it falls in (at most 3 bytes).
size_t SnapToCharStart(std::string_view text, size_t pos) {
  for (int n = 0; n < 3 && pos > 0 && IsContinuation(text, pos); ++n) --pos;
  return pos;
}

const char kReplacement[] = "\xEF\xBF\xBD";

std::string EventAnchor(std::string_view story_anchor, size_t event) {
  return std::string(story_anchor) + "-e" + std::to_string(event + 1);
}

std::string MarkAnchor(std::string_view story_anchor, const Mark& m) {
  return EventAnchor(story_anchor, m.event) + "-" + kRoleClass[m.role] + "-" + std::to_string(m.k);
}

// Which drawn span of an event carries the superscript link to its row: the first verb
// span, else the first source span, else the first target span. Lower ranks first.
int RefRank(const Mark& m) {
  static constexpr int kRoleRank[] = {1, 0, 2};  // source, verb, target
  return kRoleRank[m.role];
}

const char kCss[] = R"css(
:root { --src:#1d4ed8; --src-bg:#dbeafe; --verb:#a16207; --verb-bg:#fef08a;
        --tgt:#b91c1c; --tgt-bg:#fee2e2; --line:#d4d4d8; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       margin: 0 auto; max-width: 1200px; padding: 0 16px 48px; color: #18181b; background: #fff; }
h1 { font-size: 22px; margin: 16px 0 4px; }
h2 { font-size: 18px; margin: 0 0 4px; word-break: break-all; }
a { color: #1d4ed8; }
code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
header { border-bottom: 2px solid var(--line); padding-bottom: 8px; }
.counts { border-collapse: collapse; margin: 6px 0; }
.counts td, .counts th { border: 1px solid var(--line); padding: 2px 8px; text-align: right; }
.counts th { background: #f4f4f5; font-weight: 600; }
.legend { margin: 8px 0; }
.legend mark { margin-right: 10px; }
.index { columns: 2 320px; margin: 6px 0 0; padding-left: 24px; }
.index li { word-break: break-all; }
.story { border-bottom: 1px solid var(--line); padding: 14px 0; }
.meta { color: #52525b; font-size: 13px; margin: 0 0 8px; word-break: break-all; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9;
        background: #fafafa; border: 1px solid #e4e4e7; border-radius: 4px; padding: 8px 12px; }
mark { color: inherit; padding: 1px 0; border-radius: 2px; }
mark.src { background: var(--src-bg); border-bottom: 2px solid var(--src); }
mark.verb { background: var(--verb-bg); border-bottom: 2px dotted var(--verb); font-weight: 600; }
mark.tgt { background: var(--tgt-bg); border-bottom: 2px dashed var(--tgt); font-style: italic; }
mark mark { padding-bottom: 3px; }
mark:target, tr:target { outline: 2px solid #7c3aed; }
a.ref { font-size: 10px; vertical-align: super; text-decoration: none; font-weight: 700;
        font-style: normal; color: #7c3aed; margin: 0 1px; }
a.ref + a.ref::before { content: ","; color: #a1a1aa; }
.none { color: #71717a; font-style: italic; margin: 8px 0 0; }
table.events { border-collapse: collapse; width: 100%; margin-top: 10px; font-size: 13px; }
table.events th, table.events td { border: 1px solid var(--line); padding: 3px 6px;
                                   vertical-align: top; text-align: left; }
table.events th { background: #f4f4f5; }
table.events td.num { text-align: right; white-space: nowrap; }
.dim { color: #71717a; }
.q1 { color: #15803d; } .q2 { color: #166534; font-weight: 600; }
.q3 { color: #c2410c; } .q4 { color: #b91c1c; font-weight: 600; } .q0 { color: #71717a; }
table.events th.cameo { width: 24%; }
table.events th.why { width: 27%; }
table.events th.place { width: 10%; }
table.events td.date, table.events td.id { white-space: nowrap; }
ul.why { margin: 0; padding: 0; list-style: none; }
ul.why li { overflow-wrap: anywhere; margin-bottom: 2px; }
ul.why code { font-size: 12px; color: #3f3f46; }
.top { font-size: 12px; margin: 6px 0 0; }
)css";

void AppendText(std::string* out, std::string_view text) { *out += HtmlWriter::Escape(text); }

// "<a class=ROLE href=#...>words</a>" when the role has a span, else the escaped words.
std::string RoleLink(std::string_view story_anchor, size_t event, int role, size_t spans,
                     std::string_view words) {
  std::string w = HtmlWriter::Escape(words);
  if (w.empty()) w = "<span class=\"dim\">-</span>";
  if (spans == 0) return w;
  Mark m;
  m.role = role;
  m.event = event;
  return "<a href=\"#" + MarkAnchor(story_anchor, m) + "\">" + w + "</a>";
}

std::string PlaceCell(const Event& e) {
  if (!e.location) return "<span class=\"dim\">-</span>";
  const Place& p = *e.location;
  std::string out = "<b>" + HtmlWriter::Escape(p.name) + "</b>";
  std::string country = p.country_iso2;
  if (!p.country_iso3.empty()) country += (country.empty() ? "" : "/") + p.country_iso3;
  if (!country.empty()) out += " (" + HtmlWriter::Escape(country) + ")";
  if (!p.admin1.empty()) out += ", " + HtmlWriter::Escape(p.admin1);
  out += "<br><span class=\"dim\">level:</span> " + HtmlWriter::Escape(p.level);
  out += "<br><span class=\"dim\">basis:</span> " + HtmlWriter::Escape(p.basis);
  if (!p.words.empty())
    out += "<br><span class=\"dim\">from:</span> " + HtmlWriter::Escape(p.words);
  return out;
}

std::string WhyCell(const Event& e) {
  if (e.why.empty()) return "<span class=\"dim\">-</span>";
  std::string out = "<ul class=\"why\">";
  for (const WhyEntry& w : e.why) {
    out += "<li><b>" + HtmlWriter::Escape(w.role) + "</b> ";
    if (w.file.empty()) {
      out += "<span class=\"dim\">(rule)</span> ";
    } else {
      out += "<code>" + HtmlWriter::Escape(HtmlWriter::ShortFileName(w.file)) + ":" +
             std::to_string(w.line) + "</code> ";
    }
    out += HtmlWriter::Escape(w.entry) + "</li>";
  }
  out += "</ul>";
  return out;
}

std::string CameoCell(const EventRecord& r) {
  std::string out = "<b><code>" + HtmlWriter::Escape(r.cameo) + "</code></b>";
  if (r.cameo_row != nullptr) {
    out += " " + HtmlWriter::Escape(r.cameo_row->name);
    if (!r.cameo_row->description.empty()) {
      out += "<br><span class=\"dim\">" + HtmlWriter::Escape(r.cameo_row->description) + "</span>";
    }
  } else if (const CameoCode* parent = LookupCameoOrParent(r.cameo); parent != nullptr) {
    out += " <span class=\"dim\">(not in the CAMEO table; under " +
           HtmlWriter::Escape(parent->code) + " " + HtmlWriter::Escape(parent->name) + ")</span>";
  } else {
    out += " <span class=\"dim\">(not a CAMEO code)</span>";
  }
  return out;
}

}  // namespace

HtmlWriter::HtmlWriter(std::ostream* out, std::string name, WriterOptions options)
    : out_(out), name_(std::move(name)), options_(options) {}

std::string HtmlWriter::Escape(std::string_view text) {
  std::string valid = ValidUtf8(text);
  std::string out;
  out.reserve(valid.size() + valid.size() / 8);
  for (char c : valid) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out.push_back(c);
        break;
      default:
        if (u < 0x20 || u == 0x7F) {
          out += kReplacement;
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::string HtmlWriter::ShortFileName(std::string_view file) {
  size_t pos = file.rfind("dictionaries/");
  if (pos == std::string_view::npos) return std::string(file);
  return std::string(file.substr(pos));
}

std::string HtmlWriter::HighlightText(std::string_view text, std::span<const Event> events,
                                      std::string_view anchor) {
  // Collect the spans, clipped to the text and to character boundaries.
  std::vector<Mark> marks;
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    const std::vector<Span>* by_role[] = {&e.source_spans, &e.verb_spans, &e.target_spans};
    for (int role = kSource; role <= kTarget; ++role) {
      const std::vector<Span>& spans = *by_role[role];
      for (size_t k = 0; k < spans.size(); ++k) {
        size_t b = SnapToCharStart(text, std::min(spans[k].begin, text.size()));
        size_t en = SnapToCharStart(text, std::min(spans[k].end, text.size()));
        if (b >= en) continue;
        marks.push_back(Mark{b, en, role, i, k});
      }
    }
  }
  // The superscript link of each event goes at the end of its preferred drawn span.
  std::vector<const Mark*> ref_mark(events.size(), nullptr);
  for (const Mark& m : marks) {
    const Mark*& best = ref_mark[m.event];
    if (best == nullptr || std::pair(RefRank(m), m.k) < std::pair(RefRank(*best), best->k)) {
      best = &m;
    }
  }
  std::vector<std::pair<size_t, size_t>> refs;  // (position, event)
  for (const Mark* m : ref_mark) {
    if (m != nullptr) refs.emplace_back(m->end, m->event);
  }
  std::sort(refs.begin(), refs.end());

  std::vector<size_t> bounds = {0, text.size()};
  for (const Mark& m : marks) {
    bounds.push_back(m.begin);
    bounds.push_back(m.end);
  }
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());

  // Marks in order of start, so each boundary opens the next run of them.
  std::vector<size_t> by_start(marks.size());
  for (size_t i = 0; i < marks.size(); ++i) by_start[i] = i;
  std::stable_sort(by_start.begin(), by_start.end(),
                   [&](size_t a, size_t b) { return marks[a].begin < marks[b].begin; });
  // Outer first: the one that ends last, then the earlier-opened one, then input order.
  auto outer_first = [&](size_t a, size_t b) {
    if (marks[a].end != marks[b].end) return marks[a].end > marks[b].end;
    if (marks[a].begin != marks[b].begin) return marks[a].begin < marks[b].begin;
    return a < b;
  };

  std::string out;
  out.reserve(text.size() + marks.size() * 96);
  std::vector<size_t> stack;  // open marks, outermost first
  size_t next_start = 0, next_ref = 0, prev = 0;
  auto open = [&](size_t idx, bool first_piece) {
    const Mark& m = marks[idx];
    const Event& e = events[m.event];
    const std::string& code = m.role == kSource   ? e.source_code
                              : m.role == kTarget ? e.target_code
                                                  : e.cameo;
    out += "<mark class=\"";
    out += kRoleClass[m.role];
    out += "\"";
    if (first_piece) out += " id=\"" + MarkAnchor(anchor, m) + "\"";
    out += " title=\"event " + std::to_string(m.event + 1) + " " + kRoleName[m.role] + ": " +
           Escape(code) + "\">";
  };
  for (size_t p : bounds) {
    AppendText(&out, text.substr(prev, p - prev));
    prev = p;
    // Close the marks that end here; marks above them that go on are closed and reopened.
    size_t lowest = stack.size();
    for (size_t i = 0; i < stack.size(); ++i) {
      if (marks[stack[i]].end <= p) {
        lowest = i;
        break;
      }
    }
    std::vector<size_t> to_open;
    while (stack.size() > lowest) {
      out += "</mark>";
      if (marks[stack.back()].end > p) to_open.push_back(stack.back());
      stack.pop_back();
    }
    for (; next_ref < refs.size() && refs[next_ref].first <= p; ++next_ref) {
      size_t ev = refs[next_ref].second;
      out += "<a class=\"ref\" href=\"#" + EventAnchor(anchor, ev) + "\">" +
             std::to_string(ev + 1) + "</a>";
    }
    size_t reopened = to_open.size();
    for (; next_start < by_start.size() && marks[by_start[next_start]].begin <= p; ++next_start) {
      to_open.push_back(by_start[next_start]);
    }
    std::vector<bool> first_piece(to_open.size());
    for (size_t i = 0; i < to_open.size(); ++i) first_piece[i] = i >= reopened;
    std::vector<size_t> order(to_open.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return outer_first(to_open[a], to_open[b]); });
    for (size_t i : order) {
      open(to_open[i], first_piece[i]);
      stack.push_back(to_open[i]);
    }
  }
  for (size_t i = 0; i < stack.size(); ++i) out += "</mark>";  // none: every mark ends by n
  return out;
}

Status HtmlWriter::BeginStory(const Story&) {
  events_.clear();
  return Status::Ok();
}

Status HtmlWriter::Write(const Story&, const Event& event) {
  events_.push_back(event);
  return Status::Ok();
}

Status HtmlWriter::EndStory(const Story& story) {
  RenderStory(story);
  events_.clear();
  return Status::Ok();
}

void HtmlWriter::RenderStory(const Story& story) {
  ++stories_;
  const std::string anchor = "s" + std::to_string(stories_);
  const std::string id = Escape(story.id);
  const std::string n_events =
      std::to_string(events_.size()) + (events_.size() == 1 ? " event" : " events");

  index_ += "<li><a href=\"#" + anchor + "\">" + id + "</a> <span class=\"dim\">" +
            Escape(IsoDate(story.date)) + ", " +
            (events_.empty() ? std::string("no events") : n_events) + "</span></li>\n";

  std::string& b = body_;
  b += "<section class=\"story\" id=\"" + anchor + "\">\n";
  b += "<h2>" + std::to_string(stories_) + ". " + id + "</h2>\n";
  b += "<p class=\"meta\">" + Escape(IsoDate(story.date));
  if (!story.source.empty()) b += " &middot; " + Escape(story.source);
  if (!story.url.empty()) b += " &middot; <span class=\"url\">" + Escape(story.url) + "</span>";
  if (!story.file.empty()) {
    b += " &middot; " + Escape(story.file);
    if (story.line > 0) b += ":" + std::to_string(story.line);
  }
  b += " &middot; " + (events_.empty() ? std::string("no events") : n_events) + "</p>\n";
  b += "<div class=\"text\">" + HighlightText(story.text, events_, anchor) + "</div>\n";

  if (events_.empty()) {
    b += "<p class=\"none\">no events</p>\n";
  } else {
    b +=
        "<table class=\"events\">\n<thead><tr><th>#</th><th>id</th><th>date</th>"
        "<th>source</th><th class=\"cameo\">event (CAMEO)</th><th>Goldstein</th><th>quad class</th>"
        "<th>target</th><th class=\"place\">place</th><th "
        "class=\"why\">why</th></tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < events_.size(); ++i) {
      const Event& e = events_[i];
      EventRecord r = MakeEventRecord(story, e);
      ++events_total_;
      int quad = r.quad_class >= 0 && r.quad_class <= 4 ? r.quad_class : 0;
      ++by_quad_[quad];
      b += "<tr class=\"event\" id=\"" + EventAnchor(anchor, i) + "\">";
      b += "<td class=\"num\"><a href=\"#" + EventAnchor(anchor, i) + "\">" +
           std::to_string(i + 1) + "</a></td>";
      b += "<td class=\"id\"><code>" + Escape(r.id) + "</code><br><span class=\"dim\">sentence " +
           std::to_string(r.sentence + 1) + "</span></td>";
      b += "<td class=\"date\">" + (r.date.empty() ? std::string("-") : Escape(r.date)) +
           "<br><span class=\"dim\">(" + Escape(r.date_precision) + ")</span></td>";
      b += "<td><mark class=\"src\"><code>" + Escape(r.source_code) + "</code></mark><br>" +
           RoleLink(anchor, i, kSource, e.source_spans.size(), r.source_text) + "</td>";
      b += "<td>" + CameoCell(r) + "<br><span class=\"dim\">verb:</span> <mark class=\"verb\">" +
           RoleLink(anchor, i, kVerb, e.verb_spans.size(), r.verb_text) + "</mark></td>";
      std::string g = FormatGoldstein(r.goldstein);
      b += "<td class=\"num\">" + (g.empty() ? std::string("-") : g) + "</td>";
      b += "<td><span class=\"q" + std::to_string(quad) + "\">" + std::to_string(quad) + " " +
           kQuadName[quad] + "</span></td>";
      b += "<td><mark class=\"tgt\"><code>" + Escape(r.target_code) + "</code></mark><br>" +
           RoleLink(anchor, i, kTarget, e.target_spans.size(), r.target_text) + "</td>";
      b += "<td>" + PlaceCell(e) + "</td>";
      b += "<td>" + WhyCell(e) + "</td>";
      b += "</tr>\n";
    }
    b += "</tbody>\n</table>\n";
  }
  b += "<p class=\"top\"><a href=\"#top\">&uarr; index</a></p>\n</section>\n";
}

Status HtmlWriter::Finish() {
  std::string head =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>eventcoder: " +
      std::to_string(stories_) + " stories, " + std::to_string(events_total_) +
      " events</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";
  head += "<header id=\"top\">\n<h1>eventcoder: " + std::to_string(stories_) +
          (stories_ == 1 ? " story, " : " stories, ") + std::to_string(events_total_) +
          (events_total_ == 1 ? " event" : " events") + "</h1>\n";
  head += "<table class=\"counts\"><tr><th>stories</th><th>events</th>";
  for (int q = 1; q <= 4; ++q) {
    head += "<th class=\"q" + std::to_string(q) + "\">" + std::to_string(q) + " " + kQuadName[q] +
            "</th>";
  }
  if (by_quad_[0] > 0) head += "<th class=\"q0\">" + std::string(kQuadName[0]) + "</th>";
  head += "</tr>\n<tr><td id=\"count-stories\">" + std::to_string(stories_) +
          "</td><td id=\"count-events\">" + std::to_string(events_total_) + "</td>";
  for (int q = 1; q <= 4; ++q) {
    head += "<td id=\"count-q" + std::to_string(q) + "\">" + std::to_string(by_quad_[q]) + "</td>";
  }
  if (by_quad_[0] > 0) head += "<td id=\"count-q0\">" + std::to_string(by_quad_[0]) + "</td>";
  head += "</tr></table>\n";
  head +=
      "<p class=\"legend\">Legend: <mark class=\"src\">source</mark> <mark "
      "class=\"verb\">verb</mark> <mark class=\"tgt\">target</mark> <a class=\"ref\" "
      "href=\"#top\">n</a> links a highlight to row n of its story's events table; the "
      "words in each row link back to the highlights.</p>\n";
  head += "<ol class=\"index\">\n" + index_ + "</ol>\n</header>\n<main>\n";

  out_->write(head.data(), static_cast<std::streamsize>(head.size()));
  out_->write(body_.data(), static_cast<std::streamsize>(body_.size()));
  static constexpr std::string_view kTail = "</main>\n</body>\n</html>\n";
  out_->write(kTail.data(), static_cast<std::streamsize>(kTail.size()));
  out_->flush();
  body_.clear();
  index_.clear();
  if (!*out_) return Status::Internal(name_ + ": write failed");
  return Status::Ok();
}

}  // namespace eventcoder
