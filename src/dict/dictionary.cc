#include "dict/dictionary.h"

namespace eventcoder::dict {

const DatedCode* Actor::CodeEntryOn(int date) const {
  for (const DatedCode& c : codes) {
    if (!c.restricted) continue;
    if ((c.from == 0 || date >= c.from) && (c.to == 0 || date <= c.to)) return &c;
  }
  for (const DatedCode& c : codes) {
    if (!c.restricted) return &c;
  }
  return nullptr;
}

const std::string& Actor::CodeOn(int date) const {
  static const std::string* const kEmpty = new std::string;
  const DatedCode* c = CodeEntryOn(date);
  return c ? c->code : *kEmpty;
}

}  // namespace eventcoder::dict
