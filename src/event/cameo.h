// The CAMEO event codebook, compiled in: every code "01".."20", "010".."204" and the
// 4-digit sub-codes, with name, Goldstein weight, root, quad class, a one-line definition,
// a condensed usage note and the PLOVER category from the 2021 CAMEO-to-PLOVER crosswalk.
//
// Codes in dictionaries are not always CAMEO: the PETRARCH test dictionaries use codes such
// as "903", "075A" or "def". Every function here accepts any string and never fails:
//   - LookupCameo() returns nullptr for a code that is not in the table;
//   - a code is "CAMEO-shaped" when it is 2 to 4 ASCII digits whose first two digits are a
//     root "01".."20". RootOf/QuadClass work for every CAMEO-shaped code (so "0345", which
//     is not in the table, still has root "03" and quad class 1); for any other code they
//     return "" and 0;
//   - Goldstein() returns the weight of the code, or of its nearest ancestor in the table
//     ("0345" -> "034"), or NaN when there is none (IsValidGoldstein() tells).
//
// Thread safety: the table is immutable static data; every function is safe to call from
// any number of threads.
#ifndef EVENTCODER_EVENT_CAMEO_H_
#define EVENTCODER_EVENT_CAMEO_H_

#include <span>
#include <string>
#include <string_view>

namespace eventcoder {

// Quad classes (the CAMEO "QuadClass"): 1 verbal cooperation (roots 01-05), 2 material
// cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
enum QuadClassValue : int {
  kQuadUnknown = 0,
  kQuadVerbalCooperation = 1,
  kQuadMaterialCooperation = 2,
  kQuadVerbalConflict = 3,
  kQuadMaterialConflict = 4,
};

// One row of the codebook. All strings are ASCII, static, never null (possibly empty).
struct CameoCode {
  std::string_view code;            // "01", "010", "0211", ...
  std::string_view name;            // short name: "Make statement", "Make public statement"
  std::string_view label;           // CAMEO list label: "Make statement, not specified below"
  double goldstein;                 // Goldstein conflict-cooperation weight, -10 .. +10
  int quad_class;                   // 1..4, see QuadClassValue
  std::string_view description;     // one-line definition; "" for the 2-digit roots
  std::string_view notes;           // condensed usage note; often ""
  std::string_view plover;          // PLOVER event category, e.g. "CONSULT"; "" when unmapped
  std::string_view plover_mode;     // PLOVER mode, e.g. "visit"; often ""
  std::string_view plover_context;  // PLOVER context, e.g. "diplomatic"; often ""

  std::string_view root() const { return code.substr(0, 2); }
};

// The row for `code` (exact match: "010", not "10" or " 010"), or nullptr when the code is
// not in the table. The returned pointer is to static data and never dangles.
const CameoCode* LookupCameo(std::string_view code);

// True when `code` is 2-4 ASCII digits with a first two digits "01".."20".
bool IsCameoShaped(std::string_view code);

// "01".."20" for a CAMEO-shaped code ("0211" -> "02", "190" -> "19"); "" otherwise.
std::string RootOf(std::string_view code);

// 1..4 for a CAMEO-shaped code; 0 (kQuadUnknown) for any other code.
int QuadClass(std::string_view code);

// The Goldstein weight of `code`, falling back to the nearest ancestor in the table for a
// CAMEO-shaped code that has no row of its own ("0345" -> weight of "034"). NaN when there
// is no weight (non-CAMEO codes such as "903", "075A", "def").
double Goldstein(std::string_view code);

// False for the NaN that Goldstein() returns for unknown codes.
bool IsValidGoldstein(double weight);

// The nearest row for `code`: itself, else its nearest ancestor in the table, else nullptr.
const CameoCode* LookupCameoOrParent(std::string_view code);

// Every row, sorted by code. Defined in the generated cameo_table.cc.
std::span<const CameoCode> AllCameoCodes();

}  // namespace eventcoder

#endif  // EVENTCODER_EVENT_CAMEO_H_
