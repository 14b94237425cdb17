// libFuzzer target: the xml story reader on arbitrary bytes (see reader_fuzz.h).
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  eventcoder::fuzz::FuzzReader(eventcoder::InputFormat::kPetrarchXml, data, size);
  return 0;
}
