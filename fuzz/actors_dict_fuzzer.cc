// libFuzzer target: the actors dictionary reader on arbitrary bytes (see dict_fuzz.h).
#include "dict_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  eventcoder::fuzz::FuzzDictionary(&eventcoder::dict::ReadActors, data, size);
  return 0;
}
