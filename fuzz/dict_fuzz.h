// Shared body of the four dictionary-reader fuzz targets: parses arbitrary bytes as one
// dictionary file, leniently (malformed lines become warnings) and strictly, then compiles
// what was read (CompiledDictionary) so the indexes see hostile entries too.
#ifndef EVENTCODER_FUZZ_DICT_FUZZ_H_
#define EVENTCODER_FUZZ_DICT_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "dict/dict_reader.h"
#include "match/compiled_dictionary.h"

namespace eventcoder::fuzz {

using DictReaderFn = Status (*)(std::string_view, const std::string&, dict::Dictionary*,
                                std::vector<std::string>*);

inline void FuzzDictionary(DictReaderFn read, const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  {
    dict::Dictionary d;
    std::vector<std::string> warnings;
    Status st = read(text, "fuzz.txt", &d, &warnings);
    if (!st.ok()) {
      fprintf(stderr, "lenient read failed: %s\n", st.message().c_str());
      abort();
    }
    for (const std::string& w : warnings) {
      if (w.rfind("fuzz.txt:", 0) != 0) {
        fprintf(stderr, "warning does not name the file: %s\n", w.c_str());
        abort();
      }
    }
    CompiledDictionary compiled(std::move(d));
    (void)compiled;
  }
  {
    dict::Dictionary d;
    (void)read(text, "fuzz.txt", &d, nullptr);
  }
}

}  // namespace eventcoder::fuzz

#endif  // EVENTCODER_FUZZ_DICT_FUZZ_H_
