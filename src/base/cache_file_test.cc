#include "base/cache_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace eventcoder {
namespace {

class CacheFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("eventcoder-cache-file-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    path_ = (dir_ / "sub" / "x.bin").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(CacheFileTest, RoundTripsAndRejectsAnythingElse) {
  const std::string payload("payload\0with zero", 17);
  WriteCacheFile(path_, "magic-v1", "stamp", payload);  // creates the directories
  std::string got;
  ASSERT_TRUE(ReadCacheFile(path_, "magic-v1", "stamp", &got));
  EXPECT_EQ(got, payload);
  EXPECT_FALSE(ReadCacheFile(path_, "magic-v2", "stamp", &got));  // another version
  EXPECT_FALSE(ReadCacheFile(path_, "magic-v1", "other", &got));  // sources changed
  EXPECT_FALSE(ReadCacheFile(path_, "magic-v1", "", &got));       // unknown sources
  EXPECT_FALSE(ReadCacheFile(path_ + ".missing", "magic-v1", "stamp", &got));

  const auto size = std::filesystem::file_size(path_);
  for (size_t at : {size_t{0}, size_t{20}, size - 20, size - 1}) {
    WriteCacheFile(path_, "magic-v1", "stamp", payload);
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(at));
    char c = 0;
    f.read(&c, 1);
    f.seekp(static_cast<std::streamoff>(at));
    c = static_cast<char>(c ^ 1);
    f.write(&c, 1);
    f.close();
    EXPECT_FALSE(ReadCacheFile(path_, "magic-v1", "stamp", &got)) << "flipped byte " << at;
  }
  WriteCacheFile(path_, "magic-v1", "stamp", payload);
  std::filesystem::resize_file(path_, size - 3);
  EXPECT_FALSE(ReadCacheFile(path_, "magic-v1", "stamp", &got));
  WriteCacheFile("", "magic-v1", "stamp", payload);  // caching off: nothing, no crash
}

TEST_F(CacheFileTest, PathFollowsTheEnvironment) {
  const char* old_dir = std::getenv("EVENTCODER_CACHE_DIR");
  const char* old_off = std::getenv("EVENTCODER_NO_CACHE");
  const std::string saved_dir = old_dir ? old_dir : "", saved_off = old_off ? old_off : "";
  setenv("EVENTCODER_CACHE_DIR", "/somewhere", 1);
  unsetenv("EVENTCODER_NO_CACHE");
  EXPECT_EQ(CacheFilePath("a.bin"), "/somewhere/a.bin");
  setenv("EVENTCODER_NO_CACHE", "1", 1);
  EXPECT_EQ(CacheFilePath("a.bin"), "");
  if (old_dir)
    setenv("EVENTCODER_CACHE_DIR", saved_dir.c_str(), 1);
  else
    unsetenv("EVENTCODER_CACHE_DIR");
  if (old_off)
    setenv("EVENTCODER_NO_CACHE", saved_off.c_str(), 1);
  else
    unsetenv("EVENTCODER_NO_CACHE");
}

TEST(FileStampTest, ChangesWithTheFiles) {
  const std::string p = (std::filesystem::temp_directory_path() /
                         ("eventcoder-stamp-test-" + std::to_string(::getpid())))
                            .string();
  std::filesystem::remove(p);
  const std::string missing = FileStamp({p});
  { std::ofstream(p) << "abc"; }
  const std::string three = FileStamp({p});
  { std::ofstream(p) << "abcdef"; }
  const std::string six = FileStamp({p});
  EXPECT_NE(missing, three);
  EXPECT_NE(three, six);
  std::filesystem::remove(p);
}

}  // namespace
}  // namespace eventcoder
