#include "write/html_writer.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace eventcoder {
namespace {

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

// Spans of the words `w` in `text` (first occurrence).
Span SpanOf(const std::string& text, const std::string& w) {
  size_t b = text.find(w);
  EXPECT_NE(b, std::string::npos) << w;
  return Span{b, b + w.size()};
}

Event MakeEvent(const std::string& text, const std::string& src, const std::string& verb,
                const std::string& tgt) {
  Event e;
  e.id = "00000000000000aa";
  e.date = 20260211;
  e.source_code = "EGY";
  e.target_code = "ISR";
  e.cameo = "111";
  e.source_text = src;
  e.verb_text = verb;
  e.target_text = tgt;
  e.source_spans = {SpanOf(text, src)};
  e.verb_spans = {SpanOf(text, verb)};
  e.target_spans = {SpanOf(text, tgt)};
  return e;
}

// The page for one story and its events.
std::string Page(const Story& story, const std::vector<Event>& events) {
  std::ostringstream out;
  HtmlWriter w(&out, "page.html");
  EXPECT_TRUE(WriteStory(w, story, events).ok());
  EXPECT_TRUE(w.Finish().ok());
  return out.str();
}

// The page with the tags removed: what a reader sees.
std::string Visible(const std::string& html) {
  return std::regex_replace(html, std::regex("<[^>]*>"), "");
}

// True when the open and close tags of `tag` nest properly in `html` (a stack check).
bool WellNested(const std::string& html) {
  std::vector<std::string> stack;
  std::regex tag_re("<(/?)([a-z0-9]+)[^>]*>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag_re);
       it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[2];
    if (name == "br" || name == "meta") continue;
    if ((*it)[1] == "/") {
      if (stack.empty() || stack.back() != name) return false;
      stack.pop_back();
    } else {
      stack.push_back(name);
    }
  }
  return stack.empty();
}

TEST(HtmlWriter, EscapesScriptAmpersandAndQuotes) {
  Story s;
  s.id = "id<\"x\">";
  s.date = 20260211;
  s.source = "A & B's";
  s.text = "Egypt <script>alert(\"x\")</script> condemned Israel & said 'no'.";
  Event e = MakeEvent(s.text, "Egypt", "condemned", "Israel");
  e.source_code = "<b>";
  e.why = {{"verb", "/home/u/eventcoder/dictionaries/verbs.txt", 12, "CONDEMN <x>"}};
  std::string page = Page(s, {e});
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("<b>\""), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("&amp; said &#39;no&#39;."), std::string::npos);
  EXPECT_NE(page.find("id&lt;&quot;x&quot;&gt;"), std::string::npos);
  EXPECT_NE(page.find("A &amp; B&#39;s"), std::string::npos);
  EXPECT_NE(page.find("<code>&lt;b&gt;</code>"), std::string::npos);
  // Provenance: the file from "dictionaries/" on, with its line.
  EXPECT_NE(page.find("<code>dictionaries/verbs.txt:12</code> CONDEMN &lt;x&gt;"),
            std::string::npos);
  EXPECT_EQ(page.find("/home/u"), std::string::npos);
  EXPECT_TRUE(WellNested(page));
}

TEST(HtmlWriter, InvalidUtf8AndControlCharactersAreReplaced) {
  EXPECT_EQ(HtmlWriter::Escape("a\xFF"
                               "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(HtmlWriter::Escape(std::string("a\0b\x1b", 4)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(HtmlWriter::Escape("caf\xC3\xA9\n\t"), "caf\xC3\xA9\n\t");
}

TEST(HtmlWriter, ThreeHighlightStylesLinkedBothWaysToTheEventRow) {
  Story s;
  s.id = "one";
  s.text = "Egypt condemned Israel on Saturday.";
  std::string page = Page(s, {MakeEvent(s.text, "Egypt", "condemned", "Israel")});
  EXPECT_NE(page.find("<mark class=\"src\" id=\"s1-e1-src-0\" title=\"event 1 source: EGY\">"
                      "Egypt</mark>"),
            std::string::npos);
  EXPECT_NE(page.find("<mark class=\"verb\" id=\"s1-e1-verb-0\" title=\"event 1 verb: 111\">"
                      "condemned</mark><a class=\"ref\" href=\"#s1-e1\">1</a>"),
            std::string::npos);
  EXPECT_NE(page.find("<mark class=\"tgt\" id=\"s1-e1-tgt-0\""), std::string::npos);
  // The row exists and links back to the three highlights.
  EXPECT_NE(page.find("<tr class=\"event\" id=\"s1-e1\">"), std::string::npos);
  EXPECT_NE(page.find("href=\"#s1-e1-src-0\">Egypt</a>"), std::string::npos);
  EXPECT_NE(page.find("href=\"#s1-e1-verb-0\">condemned</a>"), std::string::npos);
  EXPECT_NE(page.find("href=\"#s1-e1-tgt-0\">Israel</a>"), std::string::npos);
  // CAMEO name and description, Goldstein and quad class.
  EXPECT_NE(page.find("<code>111</code></b> Criticize or denounce"), std::string::npos);
  EXPECT_NE(page.find(">-2.0<"), std::string::npos);
  EXPECT_NE(page.find("3 verbal conflict"), std::string::npos);
  // Header counts and legend.
  EXPECT_NE(page.find("<td id=\"count-stories\">1</td><td id=\"count-events\">1</td>"),
            std::string::npos);
  EXPECT_NE(page.find("<td id=\"count-q3\">1</td>"), std::string::npos);
  EXPECT_NE(page.find("Legend: <mark class=\"src\">source</mark>"), std::string::npos);
  EXPECT_NE(page.find("<li><a href=\"#s1\">one</a>"), std::string::npos);
  EXPECT_TRUE(WellNested(page));
}

TEST(HtmlWriter, NestedSpansNestAndVisibleTextIsUnchanged) {
  // Event 1's source "the Egyptian foreign ministry" contains event 2's source "Egyptian".
  std::string text = "Yesterday the Egyptian foreign ministry condemned Israel.";
  Event a = MakeEvent(text, "the Egyptian foreign ministry", "condemned", "Israel");
  Event b = MakeEvent(text, "Egyptian", "condemned", "Israel");
  std::vector<Event> events = {a, b};
  std::string html = HtmlWriter::HighlightText(text, events, "s1");
  EXPECT_NE(html.find("<mark class=\"src\" id=\"s1-e1-src-0\" title=\"event 1 source: EGY\">"
                      "the <mark class=\"src\" id=\"s1-e2-src-0\" title=\"event 2 source: EGY\">"
                      "Egyptian</mark> foreign ministry</mark>"),
            std::string::npos)
      << html;
  // Identical verb spans: both drawn, nested, each with its id.
  EXPECT_EQ(Count(html, "id=\"s1-e1-verb-0\""), 1u);
  EXPECT_EQ(Count(html, "id=\"s1-e2-verb-0\""), 1u);
  EXPECT_TRUE(WellNested(html)) << html;
  EXPECT_EQ(std::regex_replace(Visible(html), std::regex("[12]"), ""), text);
}

TEST(HtmlWriter, OverlappingSpansAreSplitIntoWellFormedPieces) {
  std::string text = "alpha beta gamma delta";
  Event e;
  e.cameo = "010";
  e.source_spans = {{0, 10}};  // "alpha beta"
  e.target_spans = {{6, 16}};  // "beta gamma": overlaps, does not nest
  e.verb_spans = {{12, 100}};  // "amma delta" clipped at the end of the text
  std::vector<Event> events = {e};
  std::string html = HtmlWriter::HighlightText(text, events, "s1");
  EXPECT_TRUE(WellNested(html)) << html;
  EXPECT_EQ(std::regex_replace(Visible(html), std::regex("1$"), ""), text) << html;
  // One id per span, however many pieces.
  EXPECT_EQ(Count(html, "id=\"s1-e1-src-0\""), 1u);
  EXPECT_EQ(Count(html, "id=\"s1-e1-tgt-0\""), 1u);
  EXPECT_EQ(Count(html, "id=\"s1-e1-verb-0\""), 1u);
  EXPECT_GT(Count(html, "<mark class=\"tgt\""), 1u) << html;  // split
  EXPECT_EQ(Count(html, "<mark"), Count(html, "</mark>"));
}

TEST(HtmlWriter, HostileSpansNeverBreakTheTextOrTheMarkup) {
  std::string text = "caf\xC3\xA9 \xFF ok";  // "café", an invalid byte, "ok"
  Event e;
  e.cameo = "010";
  e.source_spans = {{4, 5}};        // inside "é": moved back to its first byte
  e.target_spans = {{50, 60}};      // past the end: dropped
  e.verb_spans = {{3, 3}, {7, 6}};  // empty and reversed: dropped
  std::vector<Event> events = {e};
  std::string html = HtmlWriter::HighlightText(text, events, "s1");
  EXPECT_TRUE(WellNested(html)) << html;
  EXPECT_EQ(Count(html, "<mark"), 1u) << html;
  EXPECT_NE(html.find("caf<mark class=\"src\" id=\"s1-e1-src-0\" title=\"event 1 source: \">"
                      "\xC3\xA9</mark>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("\xEF\xBF\xBD ok"), std::string::npos);
}

TEST(HtmlWriter, EventWithoutPlaceAndStoryWithoutEvents) {
  Story s;
  s.id = "with";
  s.text = "Egypt condemned Israel in Cairo.";
  Event located = MakeEvent(s.text, "Egypt", "condemned", "Israel");
  Place p;
  p.name = "Cairo";
  p.level = "city";
  p.country_iso2 = "EG";
  p.country_iso3 = "EGY";
  p.basis = "sentence";
  located.location = p;
  Event unlocated = MakeEvent(s.text, "Egypt", "condemned", "Israel");
  unlocated.cameo = "903";  // not CAMEO: no Goldstein, quad class 0
  Story empty;
  empty.id = "quiet";
  empty.text = "Nothing happened.";

  std::ostringstream out;
  HtmlWriter w(&out, "page.html");
  std::vector<Event> events = {located, unlocated};
  ASSERT_TRUE(WriteStory(w, s, events).ok());
  ASSERT_TRUE(WriteStory(w, empty, {}).ok());
  ASSERT_TRUE(w.Finish().ok());
  std::string page = out.str();
  EXPECT_NE(page.find("<b>Cairo</b> (EG/EGY)<br><span class=\"dim\">level:</span> city"),
            std::string::npos);
  EXPECT_NE(page.find("basis:</span> sentence"), std::string::npos);
  EXPECT_EQ(Count(page, "<tr class=\"event\""), 2u);
  EXPECT_NE(page.find("<td><span class=\"dim\">-</span></td>"), std::string::npos);  // no place
  EXPECT_NE(page.find("(not a CAMEO code)"), std::string::npos);
  EXPECT_NE(page.find("<td id=\"count-q0\">1</td>"), std::string::npos);
  // The empty story is shown, with its text and "no events".
  EXPECT_NE(page.find("<section class=\"story\" id=\"s2\">"), std::string::npos);
  EXPECT_NE(page.find("<div class=\"text\">Nothing happened.</div>\n<p class=\"none\">no "
                      "events</p>"),
            std::string::npos);
  EXPECT_NE(page.find("<td id=\"count-stories\">2</td><td id=\"count-events\">2</td>"),
            std::string::npos);
  EXPECT_TRUE(WellNested(page));
}

TEST(HtmlWriter, PageIsSelfContained) {
  Story s;
  s.id = "one";
  s.source = "Example Wire";
  s.text = "Egypt condemned Israel on Saturday.";
  std::string page = Page(s, {MakeEvent(s.text, "Egypt", "condemned", "Israel")});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find(" src="), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("@import"), std::string::npos);
  EXPECT_EQ(page.find("url("), std::string::npos);
  // Every link is to a fragment of the page itself, and every fragment exists.
  std::regex href_re("href=\"([^\"]*)\"");
  size_t links = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), href_re);
       it != std::sregex_iterator(); ++it, ++links) {
    std::string target = (*it)[1];
    ASSERT_EQ(target.rfind("#", 0), 0u) << target;
    EXPECT_NE(page.find("id=\"" + target.substr(1) + "\""), std::string::npos) << target;
  }
  EXPECT_GT(links, 5u);
}

TEST(HtmlWriter, StoryUrlIsTextNotALink) {
  Story s;
  s.id = "u";
  s.url = "https://example.org/a?b=1&c=\"2\"";
  s.text = "Nothing.";
  std::string page = Page(s, {});
  EXPECT_NE(page.find("<span class=\"url\">https://example.org/a?b=1&amp;c=&quot;2&quot;</span>"),
            std::string::npos);
  EXPECT_EQ(page.find("href=\"http"), std::string::npos);
}

TEST(HtmlWriter, ShortFileName) {
  EXPECT_EQ(HtmlWriter::ShortFileName("/a/b/dictionaries/actors/countries.txt"),
            "dictionaries/actors/countries.txt");
  EXPECT_EQ(HtmlWriter::ShortFileName("my/verbs.txt"), "my/verbs.txt");
  EXPECT_EQ(HtmlWriter::ShortFileName(""), "");
}

}  // namespace
}  // namespace eventcoder
