#include "sitrep/rank/textrank.hpp"

#include <gtest/gtest.h>

#include "test_collection.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace sitrep::rank {
namespace {

vsm::collection make(const std::vector<std::string>& texts) {
  return testing::make_collection(texts);
}

TEST(TextRankSimilarity, IsCommonTermsOverSumOfLogLengths) {
  // Content terms: {fire, fuel, depot, harbour} and {fire, fuel, depot, spread, quick, harbour,
  // east} after stopwords; "fire" twice in the second counts twice in its length.
  auto c = make({"A fire at the fuel depot in the harbour.",
                 "The fire at the east harbour fuel depot spread quickly, fire crews said."});
  const auto& a = c.sentence(0);
  const auto& b = c.sentence(1);
  ASSERT_EQ(a.terms.size(), 4u);
  std::size_t common = 0;
  for (const auto& [t, n] : a.tf.entries) common += b.tf.weight(t) > 0;
  EXPECT_EQ(common, 4u);
  double expected = 4.0 / (std::log(static_cast<double>(a.terms.size())) +
                           std::log(static_cast<double>(b.terms.size())));
  EXPECT_DOUBLE_EQ(textrank_summarizer::similarity(c, 0, 1), expected);
  EXPECT_DOUBLE_EQ(textrank_summarizer::similarity(c, 1, 0), expected);
  EXPECT_EQ(textrank_summarizer::similarity(c, 0, 0), 0.0);
}

TEST(TextRankSimilarity, NoSharedTermsOrOneTermSentencesGiveNoEdge) {
  auto c = make({"Fire at the depot.", "Rain over the hills tonight.", "Fire!", "Fire."});
  EXPECT_EQ(textrank_summarizer::similarity(c, 0, 1), 0.0);
  EXPECT_EQ(textrank_summarizer::similarity(c, 2, 3), 0.0);  // log 1 + log 1 = 0
}

TEST(TextRank, TheMostConnectedSentenceComesFirst) {
  // Sentence 1 shares terms with every other; sentence 3 with none.
  auto c = make({"Police closed the bridge after the storm damaged its north tower.",
                 "The storm damaged the bridge, and police said the tower and the port road "
                 "stay closed while engineers inspect the port.",
                 "Engineers will inspect the port road and the tower on Monday morning.",
                 "A local choir sang at the harvest festival in the village hall."});
  auto tr_made = textrank_summarizer::create({});
  ASSERT_TRUE(tr_made.ok());
  auto& tr = **tr_made;
  summary s = tr.summarize(c, {budget_unit::sentences, 1});
  ASSERT_EQ(s.sentences.size(), 1u);
  EXPECT_EQ(s.sentences[0].sentence, 1u);
  EXPECT_EQ(s.method, "textrank");
  // The isolated sentence keeps the jump score 1 - d.
  summary all = tr.summarize(c, {budget_unit::sentences, 4});
  for (const auto& pick : all.sentences)
    if (pick.sentence == 3) {
      EXPECT_NEAR(pick.score, 0.15, 1e-12);
    }
}

}  // namespace
}  // namespace sitrep::rank
