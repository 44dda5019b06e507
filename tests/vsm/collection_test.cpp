#include "sitrep/vsm/collection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace sitrep::vsm {
namespace {

update make(std::string id, std::string text) {
  update u;
  u.id = std::move(id);
  u.text = std::move(text);
  return u;
}

TEST(Collection, SegmentsAndKeepsProvenance) {
  auto c = collection::create({});
  ASSERT_TRUE(c.ok()) << c.error().message();
  c->add(make("a", "Gunmen attacked the hotel. Police arrived at 7 a.m. on Friday."));
  c->add(make("b", "The hotel was evacuated."));
  ASSERT_EQ(c->sentence_count(), 3u);
  EXPECT_EQ(c->text(0), "Gunmen attacked the hotel.");
  EXPECT_EQ(c->text(1), "Police arrived at 7 a.m. on Friday.");
  EXPECT_EQ(c->sentence(1).update, 0u);
  EXPECT_EQ(c->sentence(1).position, 1u);
  EXPECT_EQ(c->sentence(2).update, 1u);
  EXPECT_EQ(c->sentence(2).position, 0u);
  EXPECT_EQ(c->first_sentence_of(1), 2u);
  const auto& s = c->sentence(1);
  EXPECT_EQ(c->updates()[0].text.substr(s.bytes.begin, s.bytes.size()), c->text(1));
  EXPECT_EQ(s.words, 7u);
}

TEST(Collection, TermsDropStopwordsAndStem) {
  auto c = collection::create({});
  ASSERT_TRUE(c.ok());
  c->add(make("a", "The gunmen were attacking the hotels."));
  const auto& s = c->sentence(0);
  std::vector<std::string> terms;
  for (auto t : s.terms) terms.push_back(c->vocab().term(t));
  EXPECT_EQ(terms, (std::vector<std::string>{"gunmen", "attack", "hotel"}));
  EXPECT_EQ(s.tokens.size(), 6u);  // stopwords kept as tokens
  EXPECT_EQ(s.stopword.size(), s.tokens.size());
  EXPECT_TRUE(s.stopword[0]);
}

TEST(Collection, AddingAnUpdateLeavesEarlierRecordsAndUpdatesFrequencies) {
  auto c = collection::create({});
  ASSERT_TRUE(c.ok());
  c->add(make("a", "Hotel attack in Bamako."));
  const std::vector<term_id> before(c->sentence(0).terms.begin(), c->sentence(0).terms.end());
  auto hotel = *c->vocab().find("hotel");
  EXPECT_EQ(c->update_df().df(hotel), 1u);
  c->add(make("b", "Hotel guests freed."));
  EXPECT_TRUE(std::ranges::equal(c->sentence(0).terms, before));
  EXPECT_EQ(c->update_df().df(hotel), 2u);
  EXPECT_EQ(c->update_df().documents(), 2u);
  // TF-IDF reflects the stream so far: "hotel" is now in every update, "bamako" in one.
  auto v = c->tfidf(0);
  EXPECT_LT(v.weight(hotel), v.weight(*c->vocab().find("bamako")));
}

TEST(Collection, UnknownLanguageIsAnError) {
  collection::options o;
  o.analysis.language = "klingon";
  auto c = collection::create(o);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code(), error_code::not_found);
}

}  // namespace
}  // namespace sitrep::vsm
