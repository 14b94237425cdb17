#include "event/cameo.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace eventcoder {

const CameoCode* LookupCameo(std::string_view code) {
  std::span<const CameoCode> table = AllCameoCodes();
  auto it = std::lower_bound(table.begin(), table.end(), code,
                             [](const CameoCode& row, std::string_view c) { return row.code < c; });
  if (it == table.end() || it->code != code) return nullptr;
  return &*it;
}

bool IsCameoShaped(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root >= 1 && root <= 20;
}

std::string RootOf(std::string_view code) {
  if (!IsCameoShaped(code)) return std::string();
  return std::string(code.substr(0, 2));
}

int QuadClass(std::string_view code) {
  if (!IsCameoShaped(code)) return kQuadUnknown;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root <= 5) return kQuadVerbalCooperation;
  if (root <= 8) return kQuadMaterialCooperation;
  if (root <= 13) return kQuadVerbalConflict;
  return kQuadMaterialConflict;
}

const CameoCode* LookupCameoOrParent(std::string_view code) {
  if (const CameoCode* row = LookupCameo(code)) return row;
  if (!IsCameoShaped(code)) return nullptr;
  // Drop trailing digits: "0345" -> "034" -> "03". Bounded by the 4-byte length.
  for (size_t n = code.size() - 1; n >= 2; --n) {
    if (const CameoCode* row = LookupCameo(code.substr(0, n))) return row;
  }
  return nullptr;
}

double Goldstein(std::string_view code) {
  const CameoCode* row = LookupCameoOrParent(code);
  if (row == nullptr) return std::numeric_limits<double>::quiet_NaN();
  return row->goldstein;
}

bool IsValidGoldstein(double weight) { return !std::isnan(weight); }

}  // namespace eventcoder
