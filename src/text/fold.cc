#include "text/fold.h"

namespace eventcoder {
namespace {

// U+00C0..U+00FF; "" = not a letter to fold (the multiplication and division signs).
constexpr std::string_view kLatin1[64] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",
    "D", "N", "O", "O", "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "TH", "SS",
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",
    "D", "N", "O", "O", "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "TH", "Y"};

// U+0100..U+017F as runs of one spelling.
struct Run {
  int count;
  std::string_view ascii;
};
constexpr Run kExtendedA[] = {{6, "A"},  {8, "C"},  {4, "D"}, {10, "E"}, {8, "G"},  {4, "H"},
                              {10, "I"}, {2, "IJ"}, {2, "J"}, {3, "K"},  {10, "L"}, {9, "N"},
                              {6, "O"},  {2, "OE"}, {6, "R"}, {8, "S"},  {6, "T"},  {12, "U"},
                              {2, "W"},  {3, "Y"},  {6, "Z"}, {1, "S"}};

}  // namespace

std::string_view FoldLatinLetter(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return {};
  unsigned char a = static_cast<unsigned char>(s[i]);
  unsigned char b = static_cast<unsigned char>(s[i + 1]);
  if ((b & 0xC0) != 0x80) return {};
  int cp = ((a & 0x1F) << 6) | (b & 0x3F);
  if (a < 0xC3 || a > 0xC5) return {};
  if (cp < 0x100) return cp >= 0xC0 ? kLatin1[cp - 0xC0] : std::string_view();
  int k = cp - 0x100;
  for (const Run& r : kExtendedA) {
    if (k < r.count) return r.ascii;
    k -= r.count;
  }
  return {};
}

}  // namespace eventcoder
