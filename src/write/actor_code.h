// CAMEO actor codes split into the parts GDELT and PLOVER report separately.
//
// A CAMEO actor code is a run of 3-character parts: "IRNGOV" = IRN (country) + GOV (type),
// "IGOUNO" = IGO (organisation type) + UNO (known group), "PSEREBMOS" = country, type,
// religion. SplitActorCode() reads the parts in order: a first part that is not a type,
// religion or organisation class is the country; later parts are types (GOV, MIL, REB,
// ... up to three), religions (MOS, CHR, SHI, ... up to two) or else known groups (the first
// such part). Codes that are not a multiple of 3 letters (quoted phrases of uncoded
// actors) give an empty split. Pure functions; thread-safe.
#ifndef EVENTCODER_WRITE_ACTOR_CODE_H_
#define EVENTCODER_WRITE_ACTOR_CODE_H_

#include <string>
#include <string_view>
#include <vector>

namespace eventcoder {

struct ActorParts {
  std::string country;      // "IRN"
  std::string known_group;  // "UNO"
  std::string ethnic;       // not derivable from CAMEO codes alone: always ""
  std::string religion1, religion2;
  std::string type1, type2, type3;
};

ActorParts SplitActorCode(std::string_view code);

// The PLOVER sector for a CAMEO type part (MED media -> JRN, HLH health -> MED; GOV, MIL,
// COP, ... unchanged); "" when PLOVER has no such sector.
std::string PloverSector(std::string_view cameo_type);

}  // namespace eventcoder

#endif  // EVENTCODER_WRITE_ACTOR_CODE_H_
