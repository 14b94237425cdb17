#include "write/tsv_writer.h"

#include <utility>

#include "write/event_record.h"

namespace eventcoder {

TsvWriter::TsvWriter(std::ostream* out, std::string name, WriterOptions options)
    : out_(out), name_(std::move(name)), options_(options) {}

std::string TsvWriter::EscapeField(std::string_view field) {
  std::string valid = ValidUtf8(field);
  std::string out;
  out.reserve(valid.size());
  for (char c : valid) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string TsvWriter::Header(const WriterOptions& options) {
  std::string h =
      "id\tstory_id\tsentence\tdate\tsource_code\ttarget_code\tcameo\troot\tquad_class\tgoldstein"
      "\tsource_text\ttarget_text\tverb_text\ttext";
  if (options.explain) h += "\tcameo_name\tplover";
  h += "\tlocation_name\tlocation_level\tcountry_code\tcountry_iso3\tadmin1\tlat\tlon"
       "\tlocation_words\tlocation_basis\tgeo_precision";
  return h;
}

std::string TsvWriter::FormatEvent(const Story& story, const Event& event,
                                   const WriterOptions& options) {
  EventRecord r = MakeEventRecord(story, event);
  std::string row = EscapeField(r.id);
  row += '\t' + EscapeField(r.story_id);
  row += '\t' + std::to_string(r.sentence);
  row += '\t' + EscapeField(r.date);
  for (const std::string* f : {&r.source_code, &r.target_code, &r.cameo, &r.root}) {
    row += '\t' + EscapeField(*f);
  }
  row += '\t' + std::to_string(r.quad_class);
  row += '\t' + FormatGoldstein(r.goldstein);
  for (const std::string* f : {&r.source_text, &r.target_text, &r.verb_text, &r.text}) {
    row += '\t' + EscapeField(*f);
  }
  if (options.explain) {
    std::string_view name = r.cameo_row ? r.cameo_row->name : std::string_view();
    std::string_view plover = r.cameo_row ? r.cameo_row->plover : std::string_view();
    row += '\t' + EscapeField(name);
    row += '\t' + EscapeField(plover);
  }
  // Location columns, always last ("" when the event has no place).
  Place none;
  const Place& p = event.location ? *event.location : none;
  for (const std::string* f : {&p.name, &p.level, &p.country_iso2, &p.country_iso3, &p.admin1}) {
    row += '\t' + EscapeField(*f);
  }
  row += '\t' + (event.location ? FormatCoordinate(p.lat) : std::string());
  row += '\t' + (event.location ? FormatCoordinate(p.lon) : std::string());
  row += '\t' + EscapeField(p.words);
  row += '\t' + EscapeField(p.basis);
  row += '\t' + GeoPrecision(event);
  return row;
}

Status TsvWriter::Emit(const std::string& line) {
  out_->write(line.data(), static_cast<std::streamsize>(line.size()));
  out_->put('\n');
  if (!*out_) return Status::Internal(name_ + ": write failed");
  return Status::Ok();
}

Status TsvWriter::EnsureHeader() {
  if (header_written_) return Status::Ok();
  header_written_ = true;
  return Emit(Header(options_));
}

Status TsvWriter::BeginStory(const Story&) { return EnsureHeader(); }

Status TsvWriter::Write(const Story& story, const Event& event) {
  EVENTCODER_RETURN_IF_ERROR(EnsureHeader());
  return Emit(FormatEvent(story, event, options_));
}

Status TsvWriter::Finish() {
  EVENTCODER_RETURN_IF_ERROR(EnsureHeader());
  out_->flush();
  if (!*out_) return Status::Internal(name_ + ": write failed");
  return Status::Ok();
}

}  // namespace eventcoder
