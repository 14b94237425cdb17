#include "write/actor_code.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace eventcoder {

namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsType(std::string_view p) {
  return In(p, {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS",
                "CRM", "CVL", "HLH", "LAB", "LEG", "REF", "MOD", "RAD", "AGR", "ELI", "INS",
                "UAF", "SEP", "ENV", "PRM", "IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "SET"});
}

bool IsReligion(std::string_view p) {
  return In(p, {"ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ",
                "HIN", "HSD", "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "ORT",
                "PAG", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO"});
}

}  // namespace

ActorParts SplitActorCode(std::string_view code) {
  ActorParts a;
  if (code.empty() || code.size() % 3 != 0) return a;
  for (char c : code)
    if (!std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)))
      return a;
  for (size_t i = 0; i < code.size(); i += 3) {
    std::string p(code.substr(i, 3));
    if (i == 0 && !IsType(p) && !IsReligion(p)) {
      a.country = p;
    } else if (IsType(p)) {
      if (a.type1.empty())
        a.type1 = p;
      else if (a.type2.empty())
        a.type2 = p;
      else if (a.type3.empty())
        a.type3 = p;
    } else if (IsReligion(p)) {
      if (a.religion1.empty())
        a.religion1 = p;
      else if (a.religion2.empty())
        a.religion2 = p;
    } else if (a.known_group.empty()) {
      a.known_group = p;
    }
  }
  return a;
}

std::string PloverSector(std::string_view t) {
  if (t == "MED") return "JRN";
  if (t == "HLH") return "MED";
  if (In(t, {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF",
             "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "LAB", "REF", "OPP", "REL"}))
    return std::string(t);
  return "";
}

}  // namespace eventcoder
