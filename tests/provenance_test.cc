// Why an event was coded, as a user checks it: every event of the bundled examples names
// dictionary lines that exist and hold the matched words, and event ids do not depend on
// the thread count.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/cli_testing.h"

namespace eventcoder {
namespace {

using testing::Exec;
using testing::RunResult;

const std::string kExamples = std::string(EVENTCODER_SOURCE_DIR) + "/examples/stories.txt";

std::vector<nlohmann::json> Events(const std::string& jsonl) {
  std::vector<nlohmann::json> out;
  size_t pos = 0;
  while (pos < jsonl.size()) {
    size_t nl = jsonl.find('\n', pos);
    if (nl == std::string::npos) nl = jsonl.size();
    if (nl > pos) out.push_back(nlohmann::json::parse(jsonl.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = c == '_' ? ' ' : static_cast<char>(std::toupper((unsigned char)c));
  return s;
}

// Line `n` (1-based) of `path`, or nullopt-like "\x01" when the file has fewer lines.
std::string LineOf(const std::string& path, int n) {
  static std::map<std::string, std::vector<std::string>> cache;
  auto it = cache.find(path);
  if (it == cache.end()) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    it = cache.emplace(path, std::move(lines)).first;
  }
  if (n < 1 || n > static_cast<int>(it->second.size())) return "\x01";
  return it->second[n - 1];
}

TEST(Provenance, IdsAreIdenticalWhateverTheThreadCount) {
  RunResult one = Exec("code --threads 1 " + kExamples);
  RunResult two = Exec("code --threads 2 " + kExamples);
  ASSERT_EQ(one.status, 0) << one.err;
  ASSERT_EQ(two.status, 0) << two.err;
  ASSERT_FALSE(one.out.empty());
  EXPECT_EQ(one.out, two.out);  // byte-identical, ids included
  std::set<std::string> ids;
  for (const auto& e : Events(one.out)) {
    std::string id = e.at("id");
    EXPECT_EQ(id.size(), 16u);
    EXPECT_TRUE(std::all_of(id.begin(), id.end(), [](char c) { return std::isxdigit(c); }));
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), Events(one.out).size()) << "ids must be unique within a run";
}

TEST(Provenance, EveryEventNamesRealDictionaryLinesHoldingTheMatchedWords) {
  RunResult r = Exec("code --threads 2 " + kExamples);
  ASSERT_EQ(r.status, 0) << r.err;
  auto events = Events(r.out);
  ASSERT_GE(events.size(), 10u);
  for (const auto& e : events) {
    const auto& why = e.at("why");
    ASSERT_FALSE(why.empty()) << e.dump();
    bool verb = false, source = false, target = false;
    for (const auto& w : why) {
      std::string role = w.at("role"), file = w.at("file"), entry = w.at("entry");
      int line = w.at("line");
      verb |= role == "verb" || role == "pattern";
      source |= role == "source-actor" || role == "source-agent";
      target |= role == "target-actor" || role == "target-agent";
      if (file.empty()) continue;  // an engine rule, described in words
      std::string text = Upper(LineOf(file, line));
      ASSERT_NE(text, "\x01") << file << ":" << line << " does not exist (" << entry << ")";
      std::string words = Upper(entry.substr(0, entry.find(" [")));
      if (role == "verb") {  // "MARCHED (a verb of block ...)": the line holds its stem
        words = Upper(entry.substr(0, std::min(entry.find(' '), entry.find('_'))));
        bool found = false;
        for (size_t cut = 0; cut <= 3 && words.size() - cut >= 3; ++cut)
          found |= text.find(words.substr(0, words.size() - cut)) != std::string::npos;
        EXPECT_TRUE(found) << file << ":" << line << " is \"" << text << "\", expected a form of \""
                           << words << "\"";
        continue;
      } else if (role.ends_with("rule")) {  // "date restriction: X is CODE on DATE"
        size_t is = entry.rfind(" is "), on = entry.rfind(" on ");
        words = entry.substr(is + 4, on - is - 4);
      } else if (role.ends_with("agent")) {  // plurals and !SETS! are generated: the stem
        words = words.substr(0, std::min<size_t>(words.find(' '), 6));
      }
      EXPECT_NE(text.find(words), std::string::npos)
          << file << ":" << line << " is \"" << text << "\", expected it to hold \"" << words
          << "\" (" << role << " " << entry << ")";
    }
    EXPECT_TRUE(verb && source && target) << e.dump();
  }
}

}  // namespace
}  // namespace eventcoder
