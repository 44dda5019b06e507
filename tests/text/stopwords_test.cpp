#include "sitrep/text/stopwords.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "sitrep/text/tokenizer.hpp"

namespace sitrep::text {
namespace {

using ::testing::HasSubstr;

TEST(text_stopwords, every_shipped_language_loads_and_has_a_known_word) {
  const std::map<std::string, std::string> known = {
      {"danish", "og"},  {"dutch", "het"},    {"english", "the"},    {"finnish", "olla"},
      {"french", "le"},  {"german", "und"},   {"hungarian", "az"},   {"italian", "della"},
      {"nepali", "र"},   {"norwegian", "og"}, {"portuguese", "não"}, {"russian", "и"},
      {"spanish", "el"}, {"swedish", "och"},  {"turkish", "ve"}};
  auto names = stopword_list::languages();
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), known.size());
  for (const auto& name : names) {
    auto list = stopword_list::for_language(name);
    ASSERT_TRUE(list.ok()) << name;
    EXPECT_GT(list->size(), 20u) << name;
    ASSERT_TRUE(known.count(name)) << name;
    EXPECT_TRUE(list->contains(known.at(name))) << name;
    EXPECT_FALSE(list->contains("sitrep")) << name;
  }
}

TEST(text_stopwords, languages_match_the_data_folder) {
  std::set<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(SITREP_SOURCE_DIR) + "/data/stopwords"))
    if (e.path().extension() == ".stop") files.insert(e.path().stem().string());
  auto names = stopword_list::languages();
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), files);
}

TEST(text_stopwords, iso_codes_and_porter_resolve) {
  for (const char* name : {"en", "eng", "English", "porter"}) {
    auto list = stopword_list::for_language(name);
    ASSERT_TRUE(list.ok()) << name;
    EXPECT_TRUE(list->contains("the"));
  }
  auto fr = stopword_list::for_language("fr");
  ASSERT_TRUE(fr.ok());
  EXPECT_TRUE(fr->contains("été"));
  EXPECT_TRUE(stopword_list::for_language("de")->contains("für"));
}

TEST(text_stopwords, words_are_normalized) {
  auto de = stopword_list::for_language("german");
  ASSERT_TRUE(de.ok());
  EXPECT_TRUE(de->contains(normalize("Über")));
  for (const char* w : {"the", "and"})
    EXPECT_TRUE(stopword_list::for_language("english")->contains(normalize(w)));
}

TEST(text_stopwords, unknown_language_is_not_found) {
  for (const char* name : {"klingon", "arabic", ""}) {
    auto list = stopword_list::for_language(name);
    ASSERT_FALSE(list.ok()) << name;
    EXPECT_EQ(list.error().code(), error_code::not_found);
    EXPECT_THAT(list.error().message(), HasSubstr("english"));
  }
}

TEST(text_stopwords, empty_list_contains_nothing) {
  stopword_list empty;
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_FALSE(empty.contains("the"));
  EXPECT_FALSE(empty.contains(""));
}

}  // namespace
}  // namespace sitrep::text
