// FoldLatinLetter: the upper-case ASCII spelling of an accented Latin letter, so that
// "Erdoğan", "ERDOĞAN" and "Erdogan" all match the dictionary word ERDOGAN, and
// "Vučić" matches VUCIC.
//
// Covers Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F), the letters of the
// European and Turkish names the press prints; other characters are not folded.
//
// Thread safety: pure functions.
#ifndef EVENTCODER_TEXT_FOLD_H_
#define EVENTCODER_TEXT_FOLD_H_

#include <cstddef>
#include <string_view>

namespace eventcoder {

// If `s` at byte `i` starts a two-byte UTF-8 letter in U+00C0..U+017F that has an ASCII
// spelling, returns it ("E", "AE", "SS"...) and the sequence is 2 bytes long; otherwise
// returns an empty view.
std::string_view FoldLatinLetter(std::string_view s, size_t i);

}  // namespace eventcoder

#endif  // EVENTCODER_TEXT_FOLD_H_
