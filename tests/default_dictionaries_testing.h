// The project's default dictionaries (dictionaries/), loaded once per test process and
// shared read-only by the tests that code stories with them.
#ifndef EVENTCODER_TESTS_DEFAULT_DICTIONARIES_TESTING_H_
#define EVENTCODER_TESTS_DEFAULT_DICTIONARIES_TESTING_H_

#include <memory>
#include <string>
#include <vector>

#include "dict/dict_reader.h"
#include "match/compiled_dictionary.h"

#ifndef EVENTCODER_SOURCE_DIR
#define EVENTCODER_SOURCE_DIR "."
#endif

namespace eventcoder::testing {

struct DefaultDictionaries {
  std::shared_ptr<const CompiledDictionary> dict;  // null when loading failed
  std::vector<std::string> warnings;               // lines the readers reported
};

inline const DefaultDictionaries& LoadDefaultDictionaries() {
  static const DefaultDictionaries* loaded = [] {
    auto* out = new DefaultDictionaries;
    StatusOr<dict::Dictionary> d = dict::LoadDictionaryFiles(
        dict::DictionaryFilesInDir(std::string(EVENTCODER_SOURCE_DIR) + "/dictionaries/"),
        &out->warnings);
    if (d.ok()) out->dict = std::make_shared<const CompiledDictionary>(std::move(*d));
    return out;
  }();
  return *loaded;
}

}  // namespace eventcoder::testing

#endif  // EVENTCODER_TESTS_DEFAULT_DICTIONARIES_TESTING_H_
