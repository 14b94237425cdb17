// The accuracy floors recorded in tests/validation_floor.txt ("name value" lines, '#'
// comments), read by the guard tests that fail when a measured figure drops below them.
#ifndef EVENTCODER_TESTS_VALIDATION_FLOOR_TESTING_H_
#define EVENTCODER_TESTS_VALIDATION_FLOOR_TESTING_H_

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#ifndef EVENTCODER_SOURCE_DIR
#define EVENTCODER_SOURCE_DIR "."
#endif

namespace eventcoder::testing {

inline std::map<std::string, int> Floors() {
  std::map<std::string, int> out;
  std::ifstream in(std::string(EVENTCODER_SOURCE_DIR) + "/tests/validation_floor.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string k;
    int v = 0;
    if (ls >> k >> v) out[k] = v;
  }
  return out;
}

}  // namespace eventcoder::testing

#endif  // EVENTCODER_TESTS_VALIDATION_FLOOR_TESTING_H_
