// Shared body of the three story-reader fuzz targets: reads arbitrary bytes as one input
// format, twice (default limits, then a tiny max_story_bytes so the oversized-record paths
// run too), and checks the reader's contract: every story it emits is dated, non-empty,
// valid UTF-8 within the size limit, and every error is reported with a message.
#ifndef EVENTCODER_FUZZ_READER_FUZZ_H_
#define EVENTCODER_FUZZ_READER_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "check.h"
#include "read/read_util.h"
#include "read/story_reader.h"

namespace eventcoder::fuzz {

inline void FuzzReader(InputFormat format, const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  for (size_t limit : {size_t{1} << 20, size_t{64}}) {
    std::istringstream in(bytes);
    ReadOptions opts;
    opts.format = format;
    opts.max_story_bytes = limit;
    ReadStats stats;
    size_t emitted = 0, errors = 0;
    Status st = ReadStories(
        in, "fuzz.in", opts,
        [&](Story&& s) {
          ++emitted;
          Check(!s.id.empty(), "story without id");
          Check(s.date >= 101 && s.date <= 99991231, "story date out of range");
          Check(!s.text.empty(), "story with empty text");
          Check(read_internal::FindInvalidUtf8(s.text) == std::string::npos,
                "story text is not UTF-8");
          Check(s.line >= 1, "story line is 0");
        },
        [&](const Status& e) {
          ++errors;
          Check(!e.ok() && !e.message().empty(), "error without message");
        },
        &stats);
    Check(st.ok(), "ReadStories failed on an in-memory stream");
    Check(stats.stories == emitted && stats.errors == errors, "stats disagree with callbacks");
  }
}

}  // namespace eventcoder::fuzz

#endif  // EVENTCODER_FUZZ_READER_FUZZ_H_
