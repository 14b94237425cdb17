// Test helpers for the story readers: run ReadStories over a string and collect results.
#ifndef EVENTCODER_READ_READ_TEST_UTIL_H_
#define EVENTCODER_READ_READ_TEST_UTIL_H_

#include <sstream>
#include <string>
#include <vector>

#include "read/story_reader.h"

namespace eventcoder::read_test {

struct ReadResult {
  std::vector<Story> stories;
  std::vector<Status> errors;
  ReadStats stats;
  Status status;

  // Error messages joined by newlines, for failure output.
  std::string ErrorText() const {
    std::string out;
    for (const Status& e : errors) out += e.message() + "\n";
    return out;
  }
};

inline ReadResult ReadAllFrom(std::istream& in, const std::string& filename,
                              const ReadOptions& opts) {
  ReadResult r;
  r.status = ReadStories(
      in, filename, opts, [&](Story&& s) { r.stories.push_back(std::move(s)); },
      [&](const Status& e) { r.errors.push_back(e); }, &r.stats);
  return r;
}

inline ReadResult ReadAll(const std::string& input, const std::string& filename,
                          InputFormat format = InputFormat::kAuto,
                          size_t max_story_bytes = 1 << 20) {
  std::istringstream in(input);
  ReadOptions opts;
  opts.format = format;
  opts.max_story_bytes = max_story_bytes;
  return ReadAllFrom(in, filename, opts);
}

}  // namespace eventcoder::read_test

#endif  // EVENTCODER_READ_READ_TEST_UTIL_H_
