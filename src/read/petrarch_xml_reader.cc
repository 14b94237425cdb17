// The PETRARCH XML story reader and ReadValidationEnvironment (contract in story_reader.h).
//
// The document is never parsed whole. A small state machine streams through the input,
// skipping comments, and cuts out each <Sentence ...> ... </Sentence> record (also
// skipping comments and CDATA inside it, so a "</Sentence>" there does not end it). Each
// record is then parsed alone with pugixml. A record that meets the next "<Sentence" or
// "</Sentences" before its end tag, or the end of input, is reported and dropped.
#include <algorithm>
#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "read/date.h"
#include "read/read_util.h"

namespace eventcoder::read_internal {
namespace {

constexpr size_t kLookahead = 16;  // longest token we test for is "<![CDATA[" / "</Sentences"
constexpr size_t kMaxStartTag = 4096;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// `s` begins with the tag opener `name` ("<Sentence", "</Sentence") followed by a blank,
// '>' or '/' (so "<Sentences>" does not match "<Sentence").
bool IsTag(std::string_view s, std::string_view name) {
  if (!StartsWith(s, name)) return false;
  if (s.size() == name.size()) return true;  // at end of input: treat as the tag
  char c = s[name.size()];
  return IsBlank(c) || c == '>' || c == '/';
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Lenient lookup of attribute `name` in the raw text of a (possibly broken) start tag,
// for naming a record in an error message. Empty if not found.
std::string SniffAttribute(std::string_view tag, std::string_view name) {
  size_t from = 0;
  while (true) {
    size_t k = tag.find(name, from);
    if (k == std::string_view::npos) return "";
    from = k + 1;
    if (k == 0 || !IsBlank(tag[k - 1])) continue;
    size_t i = k + name.size();
    while (i < tag.size() && IsBlank(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && IsBlank(tag[i])) ++i;
    if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) continue;
    size_t end = tag.find(tag[i], i + 1);
    if (end == std::string_view::npos || end - i > 200) return "";
    std::string_view v = Trim(tag.substr(i + 1, end - i - 1));
    if (FindInvalidUtf8(v) != std::string_view::npos) return "";
    return std::string(v);
  }
}

// The concatenated text and CDATA children of `node` (not of its descendants).
std::string DirectText(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    }
  }
  return out;
}

// Runs of blanks become one space; leading and trailing blanks go.
std::string NormalizeSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (IsBlank(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
    }
  }
  return out;
}

// The line of `s` that contains offset `at` (for excerpts).
std::string_view LineAt(std::string_view s, size_t at) {
  at = std::min(at, s.size());
  size_t b = s.rfind('\n', at == 0 ? 0 : at - 1);
  b = (b == std::string_view::npos || at == 0) ? 0 : b + 1;
  if (at > 0 && b > at) b = at;
  size_t e = s.find('\n', at);
  if (e == std::string_view::npos) e = s.size();
  return s.substr(b, e - b);
}

// The words at the leaves of a Penn Treebank tree, "(NP (DT the) (NN court))" -> "the
// court", joined by single spaces, bracket escapes (-LRB- ...) undone. Iterative.
std::string TextFromParse(std::string_view parse) {
  std::string out;
  int atoms_since_open = -1;  // atoms seen since the last '(' (-1: not right after one)
  std::string_view last_atom;
  size_t i = 0;
  while (i < parse.size()) {
    char c = parse[i];
    if (IsBlank(c)) {
      ++i;
    } else if (c == '(') {
      atoms_since_open = 0;
      ++i;
    } else if (c == ')') {
      if (atoms_since_open == 2) {
        std::string_view w = last_atom;
        if (w == "-LRB-")
          w = "(";
        else if (w == "-RRB-")
          w = ")";
        else if (w == "-LSB-")
          w = "[";
        else if (w == "-RSB-")
          w = "]";
        else if (w == "-LCB-")
          w = "{";
        else if (w == "-RCB-")
          w = "}";
        else if (w == "``" || w == "''")
          w = "\"";
        if (!out.empty()) out += ' ';
        out.append(w);
      }
      atoms_since_open = -1;
      ++i;
    } else {
      size_t b = i;
      while (i < parse.size() && !IsBlank(parse[i]) && parse[i] != '(' && parse[i] != ')') ++i;
      last_atom = parse.substr(b, i - b);
      if (atoms_since_open >= 0) ++atoms_since_open;
    }
  }
  return out;
}

size_t CountNewlines(std::string_view s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

class XmlReader {
 public:
  XmlReader(ByteSource& src, const ReaderContext& ctx) : src_(src), ctx_(ctx) {}

  void Run() {
    while (src_.Fill(kLookahead)) {
      std::string_view v = src_.view();
      if (v.empty()) break;
      switch (state_) {
        case State::kOutside:
          Outside(v);
          break;
        case State::kOutsideComment:
          SkipPast(v, "-->", State::kOutside, /*keep=*/false);
          break;
        case State::kStartTag:
          StartTag(v);
          break;
        case State::kBody:
          Body(v);
          break;
        case State::kBodyComment:
          SkipPast(v, "-->", State::kBody, /*keep=*/true);
          break;
        case State::kBodyCdata:
          SkipPast(v, "]]>", State::kBody, /*keep=*/true);
          break;
        case State::kEndTag: {
          size_t e = v.find_first_of("><");
          if (e == std::string_view::npos) {
            Take(v.size());
          } else {
            Take(v[e] == '>' ? e + 1 : e);
            CompleteRecord();
          }
          break;
        }
      }
    }
    if (!src_.status().ok()) return;
    if (state_ != State::kOutside && state_ != State::kOutsideComment) {
      FailRecord(StatusCode::kDataLoss,
                 "truncated <Sentence> record: input ended before </Sentence> (story skipped)");
    }
  }

 private:
  enum class State {
    kOutside,
    kOutsideComment,
    kStartTag,
    kBody,
    kBodyComment,
    kBodyCdata,
    kEndTag
  };

  bool InRecord() const {
    return state_ == State::kStartTag || state_ == State::kBody || state_ == State::kBodyComment ||
           state_ == State::kBodyCdata || state_ == State::kEndTag;
  }

  // Consumes n bytes, keeping them in the record when inside one (up to the size limit).
  void Take(size_t n) {
    if (InRecord() && !overflow_) {
      if (record_.size() + n > ctx_.opts.max_story_bytes) {
        overflow_ = true;
        if (start_tag_.empty()) start_tag_ = record_.substr(0, kMaxStartTag);
        std::string().swap(record_);
      } else {
        record_.append(src_.view().data(), n);
      }
    }
    src_.Consume(n);
  }

  void SkipPast(std::string_view v, std::string_view end, State next, bool keep) {
    size_t e = v.find(end);
    if (e != std::string_view::npos) {
      keep ? Take(e + end.size()) : src_.Consume(e + end.size());
      state_ = next;
      return;
    }
    // Keep the last bytes: they may begin `end`. Fill() gave >= kLookahead bytes unless
    // the input is ending, in which case everything goes.
    size_t n = v.size() >= kLookahead ? v.size() - (end.size() - 1) : v.size();
    keep ? Take(n) : src_.Consume(n);
  }

  void Outside(std::string_view v) {
    size_t lt = v.find('<');
    if (lt == std::string_view::npos) {
      src_.Consume(v.size());
    } else if (lt > 0) {
      src_.Consume(lt);
    } else if (StartsWith(v, "<!--")) {
      src_.Consume(4);
      state_ = State::kOutsideComment;
    } else if (IsTag(v, "<Sentence")) {
      BeginRecord();
    } else {
      src_.Consume(1);
    }
  }

  void BeginRecord() {
    ++count_;
    record_line_ = src_.line();
    record_offset_ = src_.offset();
    record_.clear();
    start_tag_.clear();
    overflow_ = false;
    quote_ = 0;
    state_ = State::kStartTag;
    Take(9);  // "<Sentence"
  }

  void StartTag(std::string_view v) {
    for (size_t i = 0; i < v.size(); ++i) {
      char c = v[i];
      if (c == '<') {  // never legal in a start tag: let pugixml explain
        Take(i);
        EndStartTag();
        state_ = State::kBody;
        return;
      }
      if (quote_ != 0) {
        if (c == quote_) quote_ = 0;
      } else if (c == '"' || c == '\'') {
        quote_ = c;
      } else if (c == '>') {
        Take(i + 1);
        EndStartTag();
        std::string_view tag = overflow_ ? std::string_view(start_tag_) : record_;
        if (tag.size() >= 2 && tag[tag.size() - 2] == '/') {
          CompleteRecord();  // <Sentence ... />: no body
        } else {
          state_ = State::kBody;
        }
        return;
      }
    }
    Take(v.size());
  }

  void EndStartTag() {
    if (start_tag_.empty()) start_tag_ = record_.substr(0, kMaxStartTag);
  }

  void Body(std::string_view v) {
    size_t lt = v.find('<');
    if (lt == std::string_view::npos) {
      Take(v.size());
    } else if (lt > 0) {
      Take(lt);
    } else if (StartsWith(v, "<!--")) {
      Take(4);
      state_ = State::kBodyComment;
    } else if (StartsWith(v, "<![CDATA[")) {
      Take(9);
      state_ = State::kBodyCdata;
    } else if (IsTag(v, "</Sentence")) {
      Take(10);
      state_ = State::kEndTag;
    } else if (IsTag(v, "<Sentence")) {
      FailRecord(StatusCode::kDataLoss,
                 "unterminated <Sentence> record: the next <Sentence> begins at line " +
                     std::to_string(src_.line()) + " (story skipped)");
    } else if (IsTag(v, "</Sentences")) {
      FailRecord(StatusCode::kDataLoss, "unterminated <Sentence> record: </Sentences> at line " +
                                            std::to_string(src_.line()) + " (story skipped)");
    } else {
      Take(1);
    }
  }

  std::string RecordId() const {
    std::string id =
        SniffAttribute(start_tag_.empty() ? std::string_view(record_).substr(0, kMaxStartTag)
                                          : std::string_view(start_tag_),
                       "id");
    return id.empty() ? DefaultStoryId(ctx_.filename, count_) : id;
  }

  std::string_view FirstLine() const {
    std::string_view s = start_tag_.empty() ? std::string_view(record_) : start_tag_;
    return s.substr(0, s.find('\n'));
  }

  // Reports the current record as bad and returns to scanning outside records.
  void FailRecord(StatusCode code, const std::string& what) {
    ctx_.Error(code, record_line_, RecordId(), what, FirstLine());
    state_ = State::kOutside;
    std::string().swap(record_);
  }

  void CompleteRecord() {
    state_ = State::kOutside;
    if (overflow_) {
      ctx_.Error(StatusCode::kResourceExhausted, record_line_, RecordId(),
                 "story too large: <Sentence> record longer than " +
                     std::to_string(ctx_.opts.max_story_bytes) + " bytes (story skipped)",
                 FirstLine());
      return;
    }
    ParseRecord();
    if (record_.capacity() > (1u << 16)) std::string().swap(record_);
  }

  void ParseRecord() {
    std::string_view rec = record_;
    size_t bad = FindInvalidUtf8(rec);
    if (bad != std::string_view::npos) {
      size_t line = record_line_ + CountNewlines(rec.substr(0, bad));
      size_t line_start = rec.rfind('\n', bad == 0 ? 0 : bad - 1);
      line_start = (line_start == std::string_view::npos || bad == 0) ? 0 : line_start + 1;
      ctx_.Error(StatusCode::kDataLoss, line, RecordId(),
                 "invalid UTF-8 at column " + std::to_string(bad - line_start + 1) +
                     " (byte offset " + std::to_string(record_offset_ + bad) + ") (story skipped)",
                 rec.substr(line_start, bad - line_start));
      return;
    }
    pugi::xml_document doc;
    pugi::xml_parse_result result =
        doc.load_buffer(rec.data(), rec.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
      size_t at = std::min(static_cast<size_t>(std::max<ptrdiff_t>(result.offset, 0)), rec.size());
      ctx_.Error(StatusCode::kInvalidArgument, record_line_ + CountNewlines(rec.substr(0, at)),
                 RecordId(),
                 std::string("malformed XML: ") + result.description() + " (story skipped)",
                 LineAt(rec, at));
      return;
    }
    pugi::xml_node sentence = doc.child("Sentence");
    if (!sentence) {  // cannot happen: the chunk starts with "<Sentence"
      ctx_.Error(StatusCode::kInvalidArgument, record_line_, RecordId(),
                 "no <Sentence> element (story skipped)", FirstLine());
      return;
    }

    Story story;
    story.file = ctx_.filename;
    story.line = record_line_;
    story.id = std::string(Trim(sentence.attribute("id").value()));
    if (story.id.empty()) story.id = DefaultStoryId(ctx_.filename, count_);

    pugi::xml_attribute date_attr = sentence.attribute("date");
    if (!date_attr) {
      ctx_.Error(StatusCode::kInvalidArgument, record_line_, story.id,
                 "missing date attribute (story skipped)", FirstLine());
      return;
    }
    std::string_view date_text = Trim(date_attr.value());
    StatusOr<int> date = ParseDate(date_text);
    if (!date.ok()) {
      ctx_.Error(StatusCode::kInvalidArgument, record_line_, story.id,
                 date.status().message() + " (story skipped)", date_text);
      return;
    }
    story.date = *date;
    story.category = std::string(Trim(sentence.attribute("category").value()));
    story.source = std::string(Trim(sentence.attribute("source").value()));
    story.url = std::string(Trim(sentence.attribute("url").value()));
    if (pugi::xml_attribute valid = sentence.attribute("sentence")) {
      story.valid_record = ToLower(Trim(valid.value())) != "false";
    }

    pugi::xml_node text = sentence.child("Text");
    if (!text) {
      ctx_.Error(StatusCode::kInvalidArgument, record_line_, story.id,
                 "missing <Text> element (story skipped)", FirstLine());
      return;
    }
    story.text = NormalizeSpace(DirectText(text));
    if (pugi::xml_node parse = sentence.child("Parse")) story.parse = DirectText(parse);
    // Some files (GigaWord samples) carry only the parse: take the text from its leaves.
    if (story.text.empty()) story.text = TextFromParse(story.parse);
    if (story.text.empty()) {
      ctx_.Error(
          StatusCode::kInvalidArgument,
          record_line_ + CountNewlines(rec.substr(0, static_cast<size_t>(text.offset_debug()))),
          story.id, "empty text (story skipped)", FirstLine());
      return;
    }

    for (pugi::xml_node coding = sentence.child("EventCoding"); coding;
         coding = coding.next_sibling("EventCoding")) {
      story.has_expectation = true;
      if (pugi::xml_attribute none = coding.attribute("noevents")) {
        if (ToLower(Trim(none.value())) == "true") story.expect_no_events = true;
        continue;
      }
      if (coding.attribute("error")) {  // the record expects a coding error: no events
        story.expect_no_events = true;
        continue;
      }
      ExpectedEvent e;
      e.source = std::string(Trim(coding.attribute("sourcecode").value()));
      e.target = std::string(Trim(coding.attribute("targetcode").value()));
      e.code = std::string(Trim(coding.attribute("eventcode").value()));
      if (e.code.empty()) {
        size_t line =
            record_line_ + CountNewlines(rec.substr(0, static_cast<size_t>(coding.offset_debug())));
        ctx_.Error(StatusCode::kInvalidArgument, line, story.id,
                   "<EventCoding> without eventcode (story skipped)",
                   LineAt(rec, static_cast<size_t>(coding.offset_debug())));
        return;
      }
      story.expected.push_back(std::move(e));
    }
    ctx_.Emit(std::move(story));
  }

  ByteSource& src_;
  const ReaderContext& ctx_;
  State state_ = State::kOutside;
  std::string record_;     // the current record's bytes, from "<Sentence"
  std::string start_tag_;  // its start tag (at most kMaxStartTag bytes), for messages
  bool overflow_ = false;  // the record passed max_story_bytes; record_ was dropped
  char quote_ = 0;         // open quote inside the start tag
  size_t record_line_ = 0;
  uint64_t record_offset_ = 0;
  size_t count_ = 0;  // records seen
};

}  // namespace

Status ReadPetrarchXmlStories(ByteSource& src, const ReaderContext& ctx) {
  XmlReader reader(src, ctx);
  reader.Run();
  return Status::Ok();
}

}  // namespace eventcoder::read_internal

namespace eventcoder {

StatusOr<ValidationEnvironment> ReadValidationEnvironment(std::string_view xml_text,
                                                          const std::string& filename) {
  using read_internal::IsTag;
  using read_internal::Trim;
  size_t pos = 0;
  size_t start = std::string_view::npos;
  while (pos < xml_text.size()) {
    size_t lt = xml_text.find('<', pos);
    if (lt == std::string_view::npos) break;
    std::string_view rest = xml_text.substr(lt);
    if (read_internal::StartsWith(rest, "<!--")) {
      size_t e = xml_text.find("-->", lt + 4);
      if (e == std::string_view::npos) break;
      pos = e + 3;
    } else if (IsTag(rest, "<Environment")) {
      start = lt;
      break;
    } else {
      pos = lt + 1;
    }
  }
  if (start == std::string_view::npos) {
    return Status::NotFound(FormatError(Location{filename, 0, ""}, "no <Environment> element"));
  }
  size_t line = 1 + read_internal::CountNewlines(xml_text.substr(0, start));
  size_t end = xml_text.find("</Environment>", start);
  if (end == std::string_view::npos) {
    return Status::InvalidArgument(FormatError(Location{filename, line, ""},
                                               "unterminated <Environment> element",
                                               read_internal::LineAt(xml_text, start)));
  }
  std::string_view chunk = xml_text.substr(start, end + 14 - start);
  pugi::xml_document doc;
  pugi::xml_parse_result result =
      doc.load_buffer(chunk.data(), chunk.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    size_t at = std::min(static_cast<size_t>(std::max<ptrdiff_t>(result.offset, 0)), chunk.size());
    return Status::InvalidArgument(FormatError(
        Location{filename, line + read_internal::CountNewlines(chunk.substr(0, at)), ""},
        std::string("malformed <Environment>: ") + result.description(),
        read_internal::LineAt(chunk, at)));
  }
  ValidationEnvironment env;
  pugi::xml_node root = doc.child("Environment");
  for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    std::string_view name = n.name();
    std::string value(Trim(read_internal::DirectText(n)));
    if (name == "Verbfile") {
      env.verbs = value;
    } else if (name == "Agentfile") {
      env.agents = value;
    } else if (name == "Discardfile") {
      env.discards = value;
    } else if (name == "Actorfile") {
      std::string_view v = value;
      while (!v.empty()) {
        size_t comma = v.find(',');
        std::string_view item = Trim(v.substr(0, comma));
        if (!item.empty()) env.actors.emplace_back(item);
        if (comma == std::string_view::npos) break;
        v.remove_prefix(comma + 1);
      }
    } else if (name == "Include") {
      std::string_view v = value;
      size_t i = 0;
      while (i < v.size()) {
        while (i < v.size() && read_internal::IsBlank(v[i])) ++i;
        size_t b = i;
        while (i < v.size() && !read_internal::IsBlank(v[i])) ++i;
        if (i > b) {
          std::string word(v.substr(b, i - b));
          if (read_internal::ToLower(word) != "valid") env.include_categories.push_back(word);
        }
      }
    } else if (name == "Config") {
      env.config.emplace_back(n.attribute("option").value(), n.attribute("value").value());
    }
  }
  return env;
}

}  // namespace eventcoder
