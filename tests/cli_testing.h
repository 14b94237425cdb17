// Helpers for tests that run the eventcoder binary as a user does.
#ifndef EVENTCODER_TESTS_CLI_TESTING_H_
#define EVENTCODER_TESTS_CLI_TESTING_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#ifndef EVENTCODER_BINARY
#define EVENTCODER_BINARY "build/eventcoder"
#endif
#ifndef EVENTCODER_SOURCE_DIR
#define EVENTCODER_SOURCE_DIR "."
#endif

namespace eventcoder::testing {

struct RunResult {
  int status = -1;
  std::string out, err;
};

// A path unique to the running test and process: ctest runs tests in parallel processes,
// and two builds' suites (say build/ and build-asan/) may run the same test at once.
inline std::string TempPath(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string test = info ? std::string(info->test_suite_name()) + "_" + info->name() : "none";
  return ::testing::TempDir() + "/eventcoder_cli_" + std::to_string(::getpid()) + "_" + test + "_" +
         name;
}

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Runs `eventcoder ARGS` through the shell; stdout and stderr are captured.
inline RunResult Exec(const std::string& args) {
  std::string out = TempPath("out"), err = TempPath("err");
  std::string cmd = std::string(EVENTCODER_BINARY) + " " + args + " >" + out + " 2>" + err;
  int rc = std::system(cmd.c_str());
  // A loaded machine can fail to start the shell (fork: EAGAIN); try again, a few times.
  for (int tries = 0; rc == -1 && tries < 3; ++tries) rc = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  std::remove(out.c_str());
  std::remove(err.c_str());
  return r;
}

}  // namespace eventcoder::testing

#endif  // EVENTCODER_TESTS_CLI_TESTING_H_
