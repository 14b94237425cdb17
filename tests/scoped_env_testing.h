// ScopedEnv: sets an environment variable for the life of the object, then restores it.
// For tests only (not thread-safe: setenv).
#ifndef EVENTCODER_TESTS_SCOPED_ENV_TESTING_H_
#define EVENTCODER_TESTS_SCOPED_ENV_TESTING_H_

#include <cstdlib>
#include <optional>
#include <string>

namespace eventcoder::testing {

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace eventcoder::testing

#endif  // EVENTCODER_TESTS_SCOPED_ENV_TESTING_H_
