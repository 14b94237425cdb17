// UTF-8 well-formedness of one sequence, shared by the readers (which report invalid
// input), the writers (which repair it) and the store.
//
// Utf8SequenceLength(p, n): the length (1-4) of the well-formed UTF-8 sequence at p[0..n),
// or 0 when there is none there: a stray continuation byte, an overlong form, a surrogate,
// a code point above U+10FFFF, or a sequence cut off by the end (n). n must be >= 1.
//
// Thread safety: a pure function.
#ifndef EVENTCODER_BASE_UTF8_H_
#define EVENTCODER_BASE_UTF8_H_

#include <cstddef>

namespace eventcoder {

inline size_t Utf8SequenceLength(const unsigned char* p, size_t n) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlongs
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;  // no overlongs
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (len > n) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
  }
  return len;
}

}  // namespace eventcoder

#endif  // EVENTCODER_BASE_UTF8_H_
