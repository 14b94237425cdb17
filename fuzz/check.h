// Check(ok, what): the fuzz targets' contract assertion. A violated contract prints
// "contract violated: WHAT" and aborts, which libFuzzer reports as a crash with its input.
#ifndef EVENTCODER_FUZZ_CHECK_H_
#define EVENTCODER_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

namespace eventcoder::fuzz {

inline void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "contract violated: %s\n", what);
    abort();
  }
}

}  // namespace eventcoder::fuzz

#endif  // EVENTCODER_FUZZ_CHECK_H_
