// Tests for the PETRARCH XML story format and ReadValidationEnvironment. Fixtures are
// written for these tests (invented names), in the shapes real PETRARCH files use.
#include <gtest/gtest.h>

#include <string>

#include "read/read_test_util.h"
#include "read/story_reader.h"

namespace eventcoder {
namespace {

using read_test::ReadAll;
using read_test::ReadResult;

ReadResult ReadXml(const std::string& input, size_t limit = 1 << 20) {
  return ReadAll(input, "tests/records.xml", InputFormat::kPetrarchXml, limit);
}

bool Contains(const Status& s, const std::string& part) {
  return s.message().find(part) != std::string::npos;
}

const char kGoodFile[] = R"(<Validation>
<!-- A header comment mentioning <Sentence id="FAKE"> which is not a record -->
<Environment>
    <Verbfile>my.verbs.txt</Verbfile>
    <Actorfile>countries.txt, leaders.txt</Actorfile>
    <Agentfile>my.agents.txt</Agentfile>
    <Discardfile>my.discards.txt</Discardfile>
    <Include>valid ALPHA BETA</Include>
    <Config option="stop_on_error" value="False"></Config>
    <Config option="require_dyad" value="True"/>
</Environment>
<Sentences>

<Sentence date="20010203" id="ALPHA-01" category="ALPHA" sentence="true">
<!-- Two paired events -->
<EventCoding sourcecode="RHN" targetcode="MRD" eventcode="032"></EventCoding>
<EventCoding sourcecode="MRD" targetcode="RHN" eventcode="033"></EventCoding>
<Text>
Rohan’s king   visited
   Mordor (SNSC) &amp; left.
</Text>
<Parse>
(ROOT (S (NP (NNP Rohan))
  (VP (VBD visited) (NP (NNP Mordor))) (. .)))
</Parse>
</Sentence>

<Sentence date = "20010204" id ="ALPHA-02"  category="ALPHA" sentence="True">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>

<Sentence category="BETA" sentence="false" id='BETA-01' date='2001-02-05'>
<EventCoding sourcecode='"WAR COUNCIL"' targetcode="RHN" eventcode="223"></EventCoding>
<EventCoding error="dateline"></EventCoding>
<Text>
The war council struck Rohan.
</Text>
</Sentence>

<Sentence date="20010206" source="ABC">
<Text><![CDATA[Raw <b>CDATA</b> text.]]></Text>
</Sentence>

</Sentences>
</Validation>
)";

TEST(PetrarchXmlReaderTest, ReadsRecords) {
  ReadResult r = ReadXml(kGoodFile);
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.errors.empty()) << r.ErrorText();
  ASSERT_EQ(r.stories.size(), 4u);

  const Story& a = r.stories[0];
  EXPECT_EQ(a.id, "ALPHA-01");
  EXPECT_EQ(a.date, 20010203);
  EXPECT_EQ(a.category, "ALPHA");
  EXPECT_EQ(a.file, "tests/records.xml");
  EXPECT_EQ(a.line, 14u);
  EXPECT_EQ(a.text, "Rohan\xE2\x80\x99s king visited Mordor (SNSC) & left.");
  EXPECT_EQ(a.parse,
            "\n(ROOT (S (NP (NNP Rohan))\n  (VP (VBD visited) (NP (NNP Mordor))) (. .)))\n");
  EXPECT_TRUE(a.valid_record);
  EXPECT_TRUE(a.has_expectation);
  EXPECT_FALSE(a.expect_no_events);
  ASSERT_EQ(a.expected.size(), 2u);
  EXPECT_EQ(a.expected[0].source, "RHN");
  EXPECT_EQ(a.expected[0].target, "MRD");
  EXPECT_EQ(a.expected[0].code, "032");
  EXPECT_EQ(a.expected[1].code, "033");

  const Story& b = r.stories[1];
  EXPECT_EQ(b.id, "ALPHA-02");
  EXPECT_EQ(b.date, 20010204);
  EXPECT_EQ(b.line, 28u);
  EXPECT_EQ(b.text, "Nothing happened.");
  EXPECT_TRUE(b.parse.empty());
  EXPECT_TRUE(b.has_expectation);
  EXPECT_TRUE(b.expect_no_events);
  EXPECT_TRUE(b.expected.empty());

  const Story& c = r.stories[2];
  EXPECT_EQ(c.id, "BETA-01");
  EXPECT_EQ(c.date, 20010205);
  EXPECT_FALSE(c.valid_record);
  ASSERT_EQ(c.expected.size(), 1u);
  EXPECT_EQ(c.expected[0].source, "\"WAR COUNCIL\"");
  EXPECT_TRUE(c.expect_no_events);  // error="..." expects no events

  const Story& d = r.stories[3];
  EXPECT_EQ(d.id, "records.xml#4");
  EXPECT_EQ(d.source, "ABC");
  EXPECT_EQ(d.text, "Raw <b>CDATA</b> text.");
  EXPECT_FALSE(d.has_expectation);
}

TEST(PetrarchXmlReaderTest, TextTakenFromParseWhenTextIsEmpty) {
  ReadResult r = ReadXml(
      "<Sentences><Sentence date=\"20010203\" id=\"P1\">\n<Text>\n\n</Text>\n"
      "<Parse>( (S (NP (NNP Gondor)) (VP (VBD fired) (PP (IN at) (NP (-LRB- -LRB-) (NNP Rohan) "
      "(-RRB- -RRB-)))) (. .)))</Parse></Sentence></Sentences>");
  ASSERT_EQ(r.stories.size(), 1u) << r.ErrorText();
  EXPECT_EQ(r.stories[0].text, "Gondor fired at ( Rohan ) .");
}

TEST(PetrarchXmlReaderTest, BrokenRecordsLoseOnlyThemselves) {
  const std::string input =
      "<Sentences>\n"                                                                       // 1
      "<Sentence date=\"20010203\" id=\"OK-1\"><Text>One.</Text></Sentence>\n"              // 2
      "<Sentence date=\"20010203\" id=\"UNBAL-1\">\n"                                       // 3
      "<Text>Missing end tag.\n"                                                            // 4
      "<Sentence date=\"20010203\" id=\"OK-2\">\n"                                          // 5
      "<Text>Two.</Text>\n"                                                                 // 6
      "</Sentence>\n"                                                                       // 7
      "<Sentence date=\"20010203\" id=\"BADXML-1\">\n"                                      // 8
      "<Text>Mismatched</Txt>\n"                                                            // 9
      "</Sentence>\n"                                                                       // 10
      "<Sentence date=\"20010230\" id=\"BADDATE-1\"><Text>x</Text></Sentence>\n"            // 11
      "<Sentence date=\"yesterday\" id=\"BADDATE-2\"><Text>x</Text></Sentence>\n"           // 12
      "<Sentence id=\"NODATE-1\"><Text>x</Text></Sentence>\n"                               // 13
      "<Sentence date=\"20010203\" id=\"EMPTY-1\"><Text>  \t </Text></Sentence>\n"          // 14
      "<Sentence date=\"20010203\" id=\"NOTEXT-1\"><Parse></Parse></Sentence>\n"            // 15
      "<Sentence date=\"20010203\" id=\"OK-3\">\n"                                          // 16
      "<!-- a comment with </Sentence> inside -->\n"                                        // 17
      "<Text>Three.</Text></Sentence>\n"                                                    // 18
      "<Sentence date=\"20010203\" id=\"TRUNC-1\">\n"                                       // 19
      "<Text>Cut off</Text>\n"                                                              // 20
      "</Sentences>\n"                                                                      // 21
      "<Sentences><Sentence date=\"20010203\" id=\"OK-4\"><Text>Four.</Text></Sentence>\n"  // 22
      "<Sentence date=\"20010203\" id=\"EOF-1\"><Text>never ends";                          // 23
  ReadResult r = ReadXml(input);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.stories.size(), 4u) << r.ErrorText();
  EXPECT_EQ(r.stories[0].id, "OK-1");
  EXPECT_EQ(r.stories[1].id, "OK-2");
  EXPECT_EQ(r.stories[1].line, 5u);
  EXPECT_EQ(r.stories[2].id, "OK-3");
  EXPECT_EQ(r.stories[2].text, "Three.");
  EXPECT_EQ(r.stories[3].id, "OK-4");
  EXPECT_EQ(r.stories[3].line, 22u);

  ASSERT_EQ(r.errors.size(), 9u) << r.ErrorText();
  EXPECT_TRUE(Contains(r.errors[0], "tests/records.xml:3: story UNBAL-1: unterminated <Sentence>"))
      << r.errors[0].message();
  EXPECT_TRUE(Contains(r.errors[0], "line 5"));
  EXPECT_EQ(r.errors[0].code(), StatusCode::kDataLoss);
  EXPECT_TRUE(Contains(r.errors[1], "tests/records.xml:9: story BADXML-1: malformed XML"))
      << r.errors[1].message();
  EXPECT_EQ(r.errors[1].code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(r.errors[2], "tests/records.xml:11: story BADDATE-1: bad date"))
      << r.errors[2].message();
  EXPECT_TRUE(Contains(r.errors[3], "tests/records.xml:12: story BADDATE-2: not a date"))
      << r.errors[3].message();
  EXPECT_TRUE(Contains(r.errors[4], "tests/records.xml:13: story NODATE-1: missing date"))
      << r.errors[4].message();
  EXPECT_TRUE(Contains(r.errors[5], "tests/records.xml:14: story EMPTY-1: empty text"))
      << r.errors[5].message();
  EXPECT_TRUE(Contains(r.errors[6], "tests/records.xml:15: story NOTEXT-1: missing <Text>"))
      << r.errors[6].message();
  EXPECT_TRUE(Contains(r.errors[7], "tests/records.xml:19: story TRUNC-1: unterminated"))
      << r.errors[7].message();
  EXPECT_TRUE(Contains(r.errors[8], "tests/records.xml:23: story EOF-1: truncated <Sentence>"))
      << r.errors[8].message();
  EXPECT_EQ(r.stats.errors, 9u);
  EXPECT_EQ(r.stats.stories, 4u);
}

TEST(PetrarchXmlReaderTest, InvalidUtf8InRecord) {
  std::string input =
      "<Sentences>\n<Sentence date=\"20010203\" id=\"U-1\">\n<Text>bad \xE9t\xE9</Text>\n"
      "</Sentence>\n<Sentence date=\"20010203\" id=\"U-2\"><Text>ok</Text></Sentence>\n";
  size_t offset = input.find('\xE9');
  ReadResult r = ReadXml(input);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code(), StatusCode::kDataLoss);
  EXPECT_TRUE(Contains(r.errors[0], "tests/records.xml:3: story U-1: invalid UTF-8 at column 11"))
      << r.errors[0].message();
  EXPECT_TRUE(Contains(r.errors[0], "byte offset " + std::to_string(offset)));
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].id, "U-2");
}

TEST(PetrarchXmlReaderTest, RecordOverLimit) {
  std::string input = "<Sentences>\n<Sentence date=\"20010203\" id=\"BIG\"><Text>" +
                      std::string(10000, 'w') + "</Text><!-- </Sentence> --></Sentence>\n" +
                      "<Sentence date=\"20010203\" id=\"SMALL\"><Text>ok</Text></Sentence>\n";
  ReadResult r = ReadXml(input, 1000);
  ASSERT_EQ(r.errors.size(), 1u) << r.ErrorText();
  EXPECT_EQ(r.errors[0].code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(Contains(r.errors[0], "tests/records.xml:2: story BIG: story too large"))
      << r.errors[0].message();
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].id, "SMALL");
}

TEST(PetrarchXmlReaderTest, WholeFileOnOneLineAndTinyReads) {
  std::string input = "<Sentences>";
  for (int i = 0; i < 50; ++i) {
    input += "<Sentence date=\"20010203\" id=\"R" + std::to_string(i) + "\"><Text>t " +
             std::to_string(i) + "</Text></Sentence>";
  }
  input += "</Sentences>";
  ReadResult r = ReadXml(input);
  ASSERT_EQ(r.stories.size(), 50u) << r.ErrorText();
  EXPECT_EQ(r.stories[49].id, "R49");
  EXPECT_EQ(r.stories[49].text, "t 49");
  EXPECT_EQ(r.stories[49].line, 1u);
}

TEST(PetrarchXmlReaderTest, SelfClosingAndOddTags) {
  ReadResult r = ReadXml(
      "<Sentences>\n<Sentence date=\"20010203\" id=\"SC\"/>\n"
      "<Sentence date=\"20010203\" id=\"GT\" note=\"a > b\"><Text>quoted gt</Text></Sentence>\n"
      "<Sentence date=\"20010203 id=\"BROKEN\"><Text>x</Text></Sentence>\n"
      "<Sentence date=\"20010203\" id=\"LAST\"><Text>last</Text></Sentence>\n");
  ASSERT_EQ(r.stories.size(), 2u) << r.ErrorText();
  EXPECT_EQ(r.stories[0].id, "GT");
  EXPECT_EQ(r.stories[1].id, "LAST");
  ASSERT_EQ(r.errors.size(), 2u) << r.ErrorText();
  EXPECT_TRUE(Contains(r.errors[0], "tests/records.xml:2: story SC: missing <Text>"))
      << r.errors[0].message();
  EXPECT_TRUE(Contains(r.errors[1], "tests/records.xml:4: ")) << r.errors[1].message();
}

TEST(PetrarchXmlReaderTest, ValidationEnvironment) {
  StatusOr<ValidationEnvironment> env = ReadValidationEnvironment(kGoodFile, "records.xml");
  ASSERT_TRUE(env.ok()) << env.status().message();
  EXPECT_EQ(env->verbs, "my.verbs.txt");
  EXPECT_EQ(env->agents, "my.agents.txt");
  EXPECT_EQ(env->discards, "my.discards.txt");
  ASSERT_EQ(env->actors.size(), 2u);
  EXPECT_EQ(env->actors[0], "countries.txt");
  EXPECT_EQ(env->actors[1], "leaders.txt");
  ASSERT_EQ(env->config.size(), 2u);
  EXPECT_EQ(env->config[0].first, "stop_on_error");
  EXPECT_EQ(env->config[0].second, "False");
  EXPECT_EQ(env->config[1].first, "require_dyad");
  ASSERT_EQ(env->include_categories.size(), 2u);
  EXPECT_EQ(env->include_categories[0], "ALPHA");
  EXPECT_EQ(env->include_categories[1], "BETA");

  StatusOr<ValidationEnvironment> none =
      ReadValidationEnvironment("<!-- <Environment> --><Sentences/>", "x.xml");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);

  StatusOr<ValidationEnvironment> open =
      ReadValidationEnvironment("<Validation>\n<Environment>\n<Verbfile>v", "x.xml");
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(open.status().message().find("x.xml:2: "), std::string::npos)
      << open.status().message();

  StatusOr<ValidationEnvironment> bad = ReadValidationEnvironment(
      "<Validation>\n<Environment>\n<Verbfile>v</Verb>\n</Environment>", "x.xml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("x.xml:3: malformed <Environment>"), std::string::npos)
      << bad.status().message();
}

}  // namespace
}  // namespace eventcoder
