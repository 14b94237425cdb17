#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace eventcoder {
namespace {

std::string Toks(std::string_view text, bool norm = false) {
  Sentence s;
  s.end = text.size();
  Tokenize(text, &s);
  std::string out;
  for (const Token& t : s.tokens) {
    EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.text);
    if (!out.empty()) out += '|';
    out += norm ? t.norm : t.text;
  }
  return out;
}

TEST(TokenizerTest, PunctuationAndClitics) {
  EXPECT_EQ(Toks("Iran’s envoy didn't go to the U.S., he said."),
            "Iran|’s|envoy|did|n't|go|to|the|U.S.|,|he|said|.");
  EXPECT_EQ(Toks("Iran’s envoy didn't go.", true), "IRAN|'S|ENVOY|DID|N'T|GO|.");
  EXPECT_EQ(Toks("(The leaders' talks) -- \"failed\"; 50,000 fled 11.8 km from al-Qaeda."),
            "(|The|leaders|'|talks|)|--|\"|failed|\"|;|50,000|fled|11.8|km|from|al-Qaeda|.");
  EXPECT_EQ(Toks("K.U. officials can't say—yet—why 5% or $20 went."),
            "K.U.|officials|ca|n't|say|—|yet|—|why|5|%|or|$|20|went|.");
  EXPECT_EQ(Toks("“Peace,” he said. ‘No’"), "“|Peace|,|”|he|said|.|‘|No|’");
}

TEST(TokenizerTest, UnderscoreSeparatesWords) {
  EXPECT_EQ(Toks("Delegates met in Addis_Ababa on Monday."),
            "Delegates|met|in|Addis|Ababa|on|Monday|.");
  EXPECT_EQ(Toks("_Port__Sudan_ ,_"), "Port|Sudan|,");
  Sentence s;
  std::string text = "in Dar_es_Salaam.";
  s.end = text.size();
  Tokenize(text, &s);
  ASSERT_EQ(s.tokens.size(), 5u);
  EXPECT_EQ(s.tokens[1].begin, 3u);
  EXPECT_EQ(s.tokens[1].end, 6u);
  EXPECT_EQ(s.tokens[2].text, "es");
  EXPECT_EQ(s.tokens[3].begin, 10u);
  EXPECT_EQ(s.tokens[3].text, "Salaam");
}

TEST(TokenizerTest, AbbreviationAtSentenceEnd) {
  Sentence s;
  std::string text = "He moved to the U.S.";
  s.end = text.size();
  Tokenize(text, &s);
  ASSERT_EQ(s.tokens.size(), 6u);
  EXPECT_EQ(s.tokens[4].text, "U.S.");
  EXPECT_EQ(s.tokens[5].text, ".");
  EXPECT_EQ(s.tokens[5].begin, text.size() - 1);
}

TEST(TokenizerTest, NormalizeFoldsAndUppercases) {
  EXPECT_EQ(NormalizeToken("café"), "CAFE");  // accents fold, as in the dictionaries
  EXPECT_EQ(NormalizeToken("Erdoğan"), "ERDOGAN");
  EXPECT_EQ(NormalizeToken("Vučić"), "VUCIC");
  EXPECT_EQ(NormalizeToken("—"), "--");
  EXPECT_EQ(NormalizeToken("“x”"), "\"X\"");
}

TEST(TokenizerTest, HostileInput) {
  for (std::string_view text : {"", "''''", "\xE2\x80", "\xE2\x80\x99\xE2\x80\x99s", "----", "'s",
                                "n't", "a,,,b", "((((", "\xC3"}) {
    Sentence s;
    s.end = text.size() + 10;  // out of range: clamped
    Tokenize(text, &s);
    for (const Token& t : s.tokens) {
      EXPECT_LT(t.begin, t.end);
      EXPECT_LE(t.end, text.size());
    }
  }
}

// A Sentence reused across calls (as StoryCoder does) gets exactly the tokens a fresh one
// would: longer and shorter sentences, tags reset, nothing left over.
TEST(TokenizerTest, ReusedSentenceMatchesFresh) {
  const std::string text =
      "Iran\u2019s Erdo\u011fan didn't say \"no\" -- U.S.-led talks, 50,000 troops (al-Qaeda)... "
      "Short one. A_b c.";
  Sentence reused;
  const std::pair<size_t, size_t> ranges[] = {{0, text.size()}, {0, 10}, {60, text.size()}, {5, 5}};
  for (auto [b, e] : ranges) {
    for (Token& t : reused.tokens) t.tag = "NN";
    reused.begin = b;
    reused.end = e;
    Tokenize(text, &reused);
    Sentence fresh;
    fresh.begin = b;
    fresh.end = e;
    Tokenize(text, &fresh);
    ASSERT_EQ(reused.tokens.size(), fresh.tokens.size()) << b << "-" << e;
    for (size_t i = 0; i < fresh.tokens.size(); ++i) {
      EXPECT_EQ(reused.tokens[i].begin, fresh.tokens[i].begin);
      EXPECT_EQ(reused.tokens[i].end, fresh.tokens[i].end);
      EXPECT_EQ(reused.tokens[i].text, fresh.tokens[i].text);
      EXPECT_EQ(reused.tokens[i].norm, fresh.tokens[i].norm);
      EXPECT_EQ(reused.tokens[i].tag, "");
      EXPECT_EQ(fresh.tokens[i].norm, NormalizeToken(fresh.tokens[i].text));
    }
  }
}

// Plain ASCII words are copied and upper-cased 8 bytes at a time when the text has bytes to
// spare past the word; at the very end of the text, at every length around 8 and 16 and with
// one closing mark after the word ("talks,") they must come out the same as NormalizeToken.
TEST(TokenizerTest, PlainWordsOfEveryLengthAndAtTextEnd) {
  for (size_t len = 1; len <= 40; ++len) {
    std::string word;
    for (size_t k = 0; k < len; ++k) word.push_back("aZq`{@[Mz09"[k % 11]);
    for (const std::string& text :
         {word, word + ",", "x " + word + ") y", word + " " + word + ";"}) {
      Sentence s;
      s.end = text.size();
      Tokenize(text, &s);
      ASSERT_FALSE(s.tokens.empty()) << text;
      for (const Token& t : s.tokens) {
        EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.text) << text;
        EXPECT_EQ(t.norm, NormalizeToken(t.text)) << text;
        EXPECT_EQ(t.norm.size(), t.text.size()) << text;
        EXPECT_EQ(t.tag, "");
      }
    }
  }
  EXPECT_EQ(Toks("Iran, Iraq; talks) 5% end:", true), "IRAN|,|IRAQ|;|TALKS|)|5|%|END|:");
  EXPECT_EQ(Toks("abcdefghijklmnopqrstuvwxyz{|}~`@[", true), "ABCDEFGHIJKLMNOPQRSTUVWXYZ{|}~`@[");
}

// Hyphenated words, clitics and contractions split the same wherever they sit: mid-text (where
// a 16-byte fast path sees them) and in the text's last bytes (where it cannot), in any case.
TEST(TokenizerTest, HyphensAndApostrophesSplitTheSameEverywhere) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"al-Qaeda", "al-Qaeda"},
      {"U-2", "U-2"},
      {"Iran's", "Iran|'s"},
      {"IRAN'S", "IRAN|'S"},
      {"didn't", "did|n't"},
      {"CAN'T", "CA|N'T"},
      {"they're", "they|'re"},
      {"we'd", "we|'d"},
      {"I'm", "I|'m"},
      {"O'Brien's", "O'Brien|'s"},
      {"O'Brien", "O'Brien"},
      {"rock'n'roll", "rock'n'roll"},
      {"x-'s", "x-'s"},
      {"a--b", "a|--|b"},
      {"Kim-Jong-un's", "Kim-Jong-un|'s"},
      {"won't", "wo|n't"},
      {"nt't", "nt't"},
      {"Al-Ahram's", "Al-Ahram|'s"}};
  for (auto [word, want] : cases) {
    const std::string mid = std::string(word) + " and then some more words after it";
    const std::string end = "x " + std::string(word);
    EXPECT_EQ(Toks(mid).substr(0, want.size() + 1), std::string(want) + "|") << word;
    EXPECT_EQ(Toks(end), "x|" + std::string(want)) << word;
    for (const std::string& text : {mid, end}) {
      Sentence s;
      s.end = text.size();
      Tokenize(text, &s);
      for (const Token& t : s.tokens) EXPECT_EQ(t.norm, NormalizeToken(t.text)) << text;
    }
  }
}

}  // namespace
}  // namespace eventcoder
