#include "sitrep/text/stemmer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace sitrep::text {
namespace {

using ::testing::HasSubstr;

struct stem_case {
  const char* language;
  const char* word;
  const char* stem;
};

TEST(text_stemmer, stems_several_languages) {
  const stem_case cases[] = {
      {"english", "running", "run"},
      {"english", "attacking", "attack"},
      {"english", "generalizations", "general"},
      {"english", "hotel", "hotel"},
      {"french", "continuellement", "continuel"},
      {"french", "maisons", "maison"},
      {"german", "häuser", "haus"},
      {"german", "aufeinanderfolgenden", "aufeinanderfolg"},
      {"russian", "москвы", "москв"},
      {"russian", "взорвался", "взорва"},
      {"spanish", "corriendo", "corr"},
      {"dutch", "lichamelijk", "licham"},
      {"porter", "generalizations", "gener"},
  };
  for (const auto& c : cases) {
    auto s = stemmer::create(c.language);
    ASSERT_TRUE(s.ok()) << c.language;
    EXPECT_EQ(s->stem(c.word), c.stem) << c.language << " " << c.word;
  }
}

TEST(text_stemmer, every_language_creates_and_stems) {
  auto names = stemmer::languages();
  EXPECT_EQ(names.size(), 29u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const auto& name : names) {
    auto s = stemmer::create(name);
    ASSERT_TRUE(s.ok()) << name;
    EXPECT_EQ(s->language(), name);
    EXPECT_FALSE(s->stem("abc").empty());
  }
}

TEST(text_stemmer, iso_codes_and_case_resolve_to_the_canonical_name) {
  const std::pair<const char*, const char*> cases[] = {
      {"en", "english"}, {"eng", "english"},     {"fr", "french"}, {"de", "german"},
      {"ru", "russian"}, {"English", "english"}, {"FR", "french"}, {"nl", "dutch"}};
  for (const auto& [code, name] : cases) {
    auto s = stemmer::create(code);
    ASSERT_TRUE(s.ok()) << code;
    EXPECT_EQ(s->language(), name);
  }
}

TEST(text_stemmer, unknown_language_is_not_found_and_lists_the_known_ones) {
  auto s = stemmer::create("klingon");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code(), error_code::not_found);
  EXPECT_THAT(s.error().message(), HasSubstr("klingon"));
  EXPECT_THAT(s.error().message(), HasSubstr("english"));
  EXPECT_THAT(s.error().message(), HasSubstr("yiddish"));
  EXPECT_FALSE(stemmer::create("").ok());
}

TEST(text_stemmer, moves_and_handles_edge_words) {
  auto s = stemmer::create("english");
  ASSERT_TRUE(s.ok());
  stemmer a = std::move(s).value();
  stemmer b = std::move(a);
  EXPECT_EQ(b.stem("cats"), "cat");
  EXPECT_EQ(b.stem(""), "");
  EXPECT_EQ(b.stem("\xff\xfe"), b.stem("\xff\xfe"));  // invalid UTF-8: no crash
}

}  // namespace
}  // namespace sitrep::text
