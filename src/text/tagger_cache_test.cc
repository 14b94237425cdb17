// The WordNet lexicon cache (tagger.cc) must give exactly the tagger built from WordNet.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "tests/scoped_env_testing.h"
#include "text/splitter.h"
#include "text/tagger.h"
#include "text/tokenizer.h"

namespace eventcoder {
namespace {

using testing::ScopedEnv;

std::string Tags(const Tagger& t, const std::string& text) {
  std::string out;
  for (Sentence s : SplitSentences(text)) {
    Tokenize(text, &s);
    t.Tag(&s);
    for (const Token& tok : s.tokens) out += tok.text + "/" + tok.tag + " ";
  }
  return out;
}

TEST(TaggerCache, CachedLexiconTagsAsTheBuiltOne) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("eventcoder-tagger-cache-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  ScopedEnv cache_dir("EVENTCODER_CACHE_DIR", dir.string());
  ScopedEnv on("EVENTCODER_NO_CACHE", "0");
  const char* wn = EVENTCODER_WORDNET_DIR;
  auto built = Tagger::Load(wn);  // builds and writes the cache
  if (!built.ok()) GTEST_SKIP() << "no WordNet: " << built.status().message();
  ASSERT_TRUE(std::filesystem::exists(dir / "wordnet-lexicon.bin"));
  auto cached = Tagger::Load(wn);  // reads it
  ASSERT_TRUE(cached.ok());
  EXPECT_EQ((*built)->lexicon_size(), (*cached)->lexicon_size());
  const std::string text =
      "Russian forces launched a missile and drone attack on Kharkiv early on Tuesday, killing "
      "at least four civilians. Officials said the strikes were fiercer than expected. "
      "Gunmen fired on the convoy; the ministry's spokesmen denied reports of shelling.";
  EXPECT_EQ(Tags(**built, text), Tags(**cached, text));

  // A damaged cache is not used: the tagger is rebuilt from WordNet.
  std::filesystem::resize_file(dir / "wordnet-lexicon.bin", 1000);
  auto rebuilt = Tagger::Load(wn);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ((*built)->lexicon_size(), (*rebuilt)->lexicon_size());
  EXPECT_EQ(Tags(**built, text), Tags(**rebuilt, text));
  std::filesystem::remove_all(dir);
}

TEST(TaggerCache, MissingWordNetIsStillNotFound) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("eventcoder-tagger-cache-test2-" + std::to_string(::getpid()));
  ScopedEnv cache_dir("EVENTCODER_CACHE_DIR", dir.string());
  auto t = Tagger::Load("/nonexistent/wordnet");
  EXPECT_FALSE(t.ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace eventcoder
