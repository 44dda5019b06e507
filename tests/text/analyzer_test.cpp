#include "sitrep/text/analyzer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep::text {
namespace {

using strings = std::vector<std::string>;

analyzer make(analyzer_options o) {
  auto a = analyzer::create(o);
  EXPECT_TRUE(a.ok()) << (a.ok() ? "" : a.error().message());
  return std::move(a).value();
}

TEST(text_analyzer, header_example) {
  auto a = make({.language = "english"});
  EXPECT_EQ(a.terms("The gunmen were attacking the hotel"), (strings{"gunmen", "attack", "hotel"}));
}

TEST(text_analyzer, drops_punctuation_stopwords_and_clitics) {
  auto a = make({});
  EXPECT_EQ(a.terms("he said : we 're here . more soon ! ok ?"), (strings{"said", "soon", "ok"}));
  EXPECT_EQ(a.terms("-- ... !!! ?"), strings{});
  EXPECT_EQ(a.terms(""), strings{});
  EXPECT_EQ(a.terms("it did n't happen"), (strings{"happen"}));
}

TEST(text_analyzer, keeps_numbers_and_acronyms_unstemmed) {
  auto a = make({});
  EXPECT_EQ(a.terms("The U.S. says 3,000 troops"), (strings{"u.s", "say", "3,000", "troop"}));
  EXPECT_EQ(a.terms("27 killed in 2015"), (strings{"27", "kill", "2015"}));
}

TEST(text_analyzer, repeats_are_kept_in_order) {
  auto a = make({});
  EXPECT_EQ(a.terms("bombs bombing bombed"), (strings{"bomb", "bomb", "bomb"}));
}

TEST(text_analyzer, options_switch_steps_off) {
  auto no_stem = make({.stem = false});
  EXPECT_EQ(no_stem.terms("The gunmen were attacking"), (strings{"gunmen", "attacking"}));
  auto no_stop = make({.remove_stopwords = false});
  EXPECT_EQ(no_stop.terms("The gunmen were attacking"),
            (strings{"the", "gunmen", "were", "attack"}));
  EXPECT_FALSE(no_stop.is_stopword("the"));
  auto neither = make({.stem = false, .remove_stopwords = false});
  EXPECT_EQ(neither.terms("The U.S. Army's"), (strings{"the", "u.s", "army's"}));
}

TEST(text_analyzer, other_languages) {
  auto fr = make({.language = "french"});
  EXPECT_EQ(fr.terms("La maison de la ville"), (strings{"maison", "vill"}));
  auto de = make({.language = "de"});
  EXPECT_EQ(de.terms("Die Häuser und die Straße"), (strings{"haus", "strass"}));
  auto ru = make({.language = "russian"});
  EXPECT_EQ(ru.terms("Взрыв в центре Москвы"), (strings{"взрыв", "центр", "москв"}));
}

TEST(text_analyzer, is_stopword) {
  auto a = make({});
  EXPECT_TRUE(a.is_stopword("the"));
  EXPECT_TRUE(a.is_stopword("'s"));
  EXPECT_FALSE(a.is_stopword("hotel"));
  EXPECT_FALSE(a.is_stopword(""));
}

TEST(text_analyzer, create_validates_the_language) {
  auto bad = analyzer::create({.language = "klingon"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code(), error_code::not_found);
  // A stemmer but no stopword list: fine without stopword removal, an error with it.
  EXPECT_FALSE(analyzer::create({.language = "arabic"}).ok());
  EXPECT_TRUE(analyzer::create({.language = "arabic", .remove_stopwords = false}).ok());
  // A stopword list is enough when stemming is off.
  EXPECT_TRUE(analyzer::create({.language = "nepali", .stem = false}).ok());
  auto a = make({.language = "EN"});
  EXPECT_EQ(a.options().language, "EN");
}

}  // namespace
}  // namespace sitrep::text
