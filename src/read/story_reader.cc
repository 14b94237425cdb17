// ParseInputFormat, DetectFormat and the ReadStories dispatcher.
#include "read/story_reader.h"

#include <string>

#include "read/read_util.h"

namespace eventcoder {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

StatusOr<InputFormat> ParseInputFormat(std::string_view name) {
  std::string n = Lower(name);
  if (n == "auto") return InputFormat::kAuto;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "jsonl" || n == "json" || n == "ndjson") return InputFormat::kJsonl;
  if (n == "xml" || n == "petrarch") return InputFormat::kPetrarchXml;
  return Status::InvalidArgument("unknown input format \"" + std::string(name) +
                                 "\" (expected auto, text, jsonl or xml)");
}

InputFormat DetectFormat(std::string_view first_bytes) {
  std::string_view s = first_bytes;
  if (s.substr(0, kBom.size()) == kBom) s.remove_prefix(kBom.size());
  size_t i = 0;
  while (i < s.size() && read_internal::IsBlank(s[i])) ++i;
  if (i == s.size()) return InputFormat::kText;
  if (s[i] == '<') return InputFormat::kPetrarchXml;
  if (s[i] == '{') return InputFormat::kJsonl;
  return InputFormat::kText;
}

Status ReadStories(std::istream& in, const std::string& filename, const ReadOptions& opts,
                   const std::function<void(Story&&)>& emit,
                   const std::function<void(const Status&)>& on_error, ReadStats* stats) {
  ReadStats local_stats;
  read_internal::ReaderContext ctx{filename, opts, emit, on_error,
                                   stats != nullptr ? stats : &local_stats};
  read_internal::ByteSource src(in);
  auto io_error = [&]() {
    return Status::Internal(
        FormatError(Location{filename, src.line(), ""}, src.status().message()));
  };
  if (!src.Fill(kBom.size())) return io_error();
  if (src.view().substr(0, kBom.size()) == kBom) src.Consume(kBom.size());

  InputFormat format = opts.format;
  if (format == InputFormat::kAuto) {
    // Skip leading blanks (they mean nothing in any format) to find the first byte.
    while (true) {
      if (!src.Fill(1)) return io_error();
      std::string_view v = src.view();
      if (v.empty()) break;
      size_t i = 0;
      while (i < v.size() && read_internal::IsBlank(v[i])) ++i;
      src.Consume(i);
      if (i < v.size()) break;
    }
    format = DetectFormat(src.view());
  }

  Status st;
  switch (format) {
    case InputFormat::kJsonl:
      st = read_internal::ReadJsonlStories(src, ctx);
      break;
    case InputFormat::kPetrarchXml:
      st = read_internal::ReadPetrarchXmlStories(src, ctx);
      break;
    case InputFormat::kText:
    case InputFormat::kAuto:
      st = read_internal::ReadTextStories(src, ctx);
      break;
  }
  if (!st.ok()) return st;
  if (!src.status().ok()) return io_error();
  return Status::Ok();
}

}  // namespace eventcoder
