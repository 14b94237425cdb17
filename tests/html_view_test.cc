// The HTML story view as a user sees it: eventcoder writes the page for the bundled examples
// and a real browser (Debian's chromium, headless) renders it. The rendered DOM must hold one
// highlight per span of every event and one table row per event, and a screenshot must come
// out. Skips, saying why, when chromium is not installed (CI installs it: Makefile
// DEBIAN_PACKAGES).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli_testing.h"

namespace eventcoder {
namespace {

using testing::Exec;
using testing::RunResult;
using testing::Slurp;
using testing::TempPath;

const std::string kExamples = std::string(EVENTCODER_SOURCE_DIR) + "/examples/stories.txt";

// The chromium binary ($EVENTCODER_CHROMIUM when set), or "" when there is none.
std::string Chromium() {
  if (const char* env = std::getenv("EVENTCODER_CHROMIUM"); env != nullptr) {
    return access(env, X_OK) == 0 ? env : "";
  }
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (access(path, X_OK) == 0) return path;
  }
  return "";
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

// Runs headless chromium with `args` on file://`page` (fresh profile, 60 s limit); returns
// the exit status, stdout in *out.
int RunChromium(const std::string& chromium, const std::string& args, const std::string& page,
                std::string* out) {
  std::string profile = TempPath("profile");
  std::string out_path = TempPath("chromium.out"), err_path = TempPath("chromium.err");
  std::system(("rm -rf " + profile + " && mkdir -p " + profile).c_str());
  std::string cmd = "timeout 60 " + chromium +
                    " --headless --no-sandbox --disable-gpu --no-first-run"
                    " --disable-extensions --user-data-dir=" +
                    profile + " " + args + " file://" + page + " >" + out_path + " 2>" + err_path;
  int rc = std::system(cmd.c_str());
  *out = Slurp(out_path);
  std::system(("rm -rf " + profile).c_str());
  if (rc != 0) ADD_FAILURE() << cmd << "\n" << Slurp(err_path);
  return rc;
}

struct Expected {
  size_t events = 0;
  size_t source_spans = 0, verb_spans = 0, target_spans = 0;
};

// What the JSONL output of the same run says the page must show.
Expected FromJsonl() {
  RunResult r = Exec("code " + kExamples);
  EXPECT_EQ(r.status, 0) << r.err;
  Expected x;
  size_t pos = 0;
  while (pos < r.out.size()) {
    size_t nl = r.out.find('\n', pos);
    if (nl == std::string::npos) nl = r.out.size();
    if (nl > pos) {
      nlohmann::json e = nlohmann::json::parse(r.out.substr(pos, nl - pos));
      ++x.events;
      x.source_spans += e["spans"]["source"].size();
      x.verb_spans += e["spans"]["verb"].size();
      x.target_spans += e["spans"]["target"].size();
    }
    pos = nl + 1;
  }
  return x;
}

// Both tests need a browser; without one they skip, saying how to install it.
class HtmlView : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium = Chromium();
    if (chromium.empty()) {
      GTEST_SKIP() << "chromium is not installed (/usr/bin/chromium, or $EVENTCODER_CHROMIUM); "
                      "install Debian's chromium package (make deps) to run the browser test";
    }
  }
  std::string chromium;
};

TEST_F(HtmlView, ChromiumRendersHighlightsAndEventRows) {
  std::string page = TempPath("page.html");
  RunResult r = Exec("code --output-format html -o " + page + " " + kExamples);
  ASSERT_EQ(r.status, 0) << r.err;
  Expected x = FromJsonl();
  ASSERT_GT(x.events, 5u);
  ASSERT_GT(x.source_spans, 0u);
  ASSERT_GT(x.verb_spans, 0u);
  ASSERT_GT(x.target_spans, 0u);

  std::string dom;
  ASSERT_EQ(RunChromium(chromium, "--dump-dom", page, &dom), 0);
  ASSERT_NE(dom.find("</html>"), std::string::npos) << dom.substr(0, 2000);
  // One element with an id per span (continuation pieces of a split span have none).
  EXPECT_EQ(Count(dom, "<mark class=\"src\" id=\""), x.source_spans);
  EXPECT_EQ(Count(dom, "<mark class=\"verb\" id=\""), x.verb_spans);
  EXPECT_EQ(Count(dom, "<mark class=\"tgt\" id=\""), x.target_spans);
  EXPECT_EQ(Count(dom, "<tr class=\"event\""), x.events);
  EXPECT_NE(dom.find("<td id=\"count-events\">" + std::to_string(x.events) + "</td>"),
            std::string::npos);
  // Every story of the examples is there, and the browser found no script to run.
  EXPECT_EQ(Count(dom, "<section class=\"story\""), Count("\n" + Slurp(kExamples), "\ndate "));
  EXPECT_EQ(dom.find("<script"), std::string::npos);
  // The browser parsed the marks as nested elements: as many closing tags as opening ones.
  EXPECT_EQ(Count(dom, "<mark"), Count(dom, "</mark>"));
}

TEST_F(HtmlView, ChromiumTakesAScreenshot) {
  std::string page = TempPath("page.html");
  RunResult r = Exec("code --output-format html -o " + page + " " + kExamples);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string png = TempPath("page.png");
  std::remove(png.c_str());
  std::string ignored;
  ASSERT_EQ(
      RunChromium(chromium, "--screenshot=" + png + " --window-size=1280,2000", page, &ignored), 0);
  std::string bytes = Slurp(png);
  ASSERT_GT(bytes.size(), 1000u) << png;
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

}  // namespace
}  // namespace eventcoder
