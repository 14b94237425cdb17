#include "dict/dictionary.h"

namespace eventcoder::dict {

const std::string& Actor::CodeOn(int date) const {
  static const std::string* const kEmpty = new std::string;
  for (const DatedCode& c : codes) {
    if (!c.restricted) continue;
    if ((c.from == 0 || date >= c.from) && (c.to == 0 || date <= c.to)) return c.code;
  }
  for (const DatedCode& c : codes) {
    if (!c.restricted) return c.code;
  }
  return *kEmpty;
}

}  // namespace eventcoder::dict
