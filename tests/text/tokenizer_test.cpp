#include "sitrep/text/tokenizer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace sitrep::text {
namespace {

using strings = std::vector<std::string>;

struct token_case {
  const char* input;
  strings expected;
};

const std::vector<token_case> kTokenCases = {
    {"The U.S. Army's 3.5% rise — Café", {"the", "u.s", "army's", "3.5", "rise", "café"}},
    {"", {}},
    {"  \t\n ", {}},
    {"Hello, world!", {"hello", "world"}},
    {"don't", {"don't"}},
    {"don’t", {"don't"}},  // typographic apostrophe
    {"It’s the army’s", {"it's", "the", "army's"}},
    {"well-known rock-solid", {"well-known", "rock-solid"}},
    {"well‐known", {"well-known"}},  // U+2010 hyphen
    {"3,000 troops", {"3,000", "troops"}},
    {"1,000.50 euros", {"1,000.50", "euros"}},
    {"$3.50", {"3.50"}},
    {"Paris,London", {"paris", "london"}},
    {"a - b", {"a", "b"}},
    {"-start end-", {"start", "end"}},
    {"'quoted'", {"quoted"}},
    {"did n't", {"did", "n't"}},
    {"we 're here", {"we", "'re", "here"}},
    {"he 's , she 'll , i 'm , they 've , you 'd",
     {"he", "'s", "she", "'ll", "i", "'m", "they", "'ve", "you", "'d"}},
    {"'90s music", {"90s", "music"}},
    {"rock 'n' roll", {"rock", "n", "roll"}},
    {"u.s.", {"u.s"}},
    {"e.g. this", {"e.g", "this"}},
    {"www.bbc.co.uk", {"www.bbc.co.uk"}},
    {"j.doe@example.org", {"j.doe", "example.org"}},
    {"#breaking @user", {"breaking", "user"}},
    {"Wait...what", {"wait", "what"}},
    {"Wait…what", {"wait", "what"}},
    {"ＡＢＣ １２３", {"abc", "123"}},  // fullwidth, NFKC
    {"ﬁnance", {"finance"}},            // ligature, NFKC
    {"Straße", {"strasse"}},            // case folding
    {"ÉCOLE École", {"école", "école"}},
    {"Cafe\u0301", {"café"}},              // combining accent composed
    {"soft\u00adhyphen", {"softhyphen"}},  // default-ignorable dropped
    {"Москва и Киев", {"москва", "и", "киев"}},
    {"北京 上海", {"北京", "上海"}},
    {"हिन्दी भाषा", {"हिन्दी", "भाषा"}},
    {"emoji 🎉 party", {"emoji", "party"}},
    {"5:30 p.m.", {"5", "30", "p.m"}},
    {"ROUGE-1.5.5", {"rouge-1.5.5"}},
    {"A,B", {"a", "b"}},
    {"x__y", {"x", "y"}},
};

TEST(text_tokenize, table) {
  for (const auto& c : kTokenCases) EXPECT_EQ(tokenize(c.input), c.expected) << c.input;
}

TEST(text_tokenize, ascii_fast_path_agrees_with_unicode_path) {
  // Appending a non-ASCII word forces the Unicode path; the ASCII part must tokenize the same.
  for (const auto& c : kTokenCases) {
    std::string text = c.input;
    bool ascii = true;
    for (unsigned char ch : text) ascii &= ch < 0x80;
    if (!ascii) continue;
    strings expected = tokenize(text);
    expected.push_back("é");
    EXPECT_EQ(tokenize(text + " é"), expected) << text;
  }
}

TEST(text_tokenize, invalid_utf8_is_skipped) {
  EXPECT_EQ(tokenize("ab\xff"
                     "cd \xc3 ef"),
            (strings{"abcd", "ef"}));
  EXPECT_EQ(normalize("a\xffz"), "az");
}

TEST(text_tokenize, random_bytes_never_crash_and_give_no_empty_token) {
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string text(rng() % 48, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    for (const auto& t : tokenize(text)) ASSERT_FALSE(t.empty());
  }
}

TEST(text_normalize, nfkc_and_case_fold) {
  EXPECT_EQ(normalize("Hello WORLD"), "hello world");
  EXPECT_EQ(normalize("ＡＢＣ"), "abc");
  EXPECT_EQ(normalize("Straße"), "strasse");
  EXPECT_EQ(normalize("…"), "...");
  EXPECT_EQ(normalize(""), "");
  EXPECT_EQ(normalize("Ἀθῆναι"), normalize("ἀθῆναι"));
}

TEST(text_count_words, white_space_separated) {
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_words("   "), 0u);
  EXPECT_EQ(count_words("one"), 1u);
  EXPECT_EQ(count_words("  one two\tthree\nfour  "), 4u);
  EXPECT_EQ(count_words("U.S. troops -- 3,000 of them"), 6u);
  EXPECT_EQ(count_words("we 're here ."), 4u);
}

TEST(text_tokenizer, tokenize_into_reuses_its_buffer) {
  token_buffer buf;
  for (std::string_view text : {"The U.S. Army's 3.5% rise — Café", "", "we 're here", "a",
                                "ＡＢＣ ﬁne Straße", "-- ... !!!"}) {
    tokenize_into(text, buf);
    const std::vector<std::string> want = tokenize(text);
    ASSERT_EQ(buf.size(), want.size()) << text;
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(buf[i], want[i]) << text;
  }
}

}  // namespace
}  // namespace sitrep::text
