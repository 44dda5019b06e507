#include "sitrep/rank/sumbasic.hpp"

#include <gtest/gtest.h>

#include "test_collection.hpp"

#include <numeric>
#include <string>
#include <vector>

namespace sitrep::rank {
namespace {

vsm::collection make(const std::vector<std::string>& texts) {
  return testing::make_collection(texts);
}

vsm::term_id term(const vsm::collection& c, std::string_view s) {
  auto t = c.vocab().find(s);
  EXPECT_TRUE(t.has_value()) << s;
  return t.value_or(0);
}

TEST(SumBasicProbabilities, CountTokensOrUpdates) {
  // Content terms: {flood flood river} and {river bank}.
  auto c = make({"Flood after flood on the river.", "The river bank."});
  auto p = sumbasic_summarizer::word_probabilities(c, word_count::tokens);
  EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(p[term(c, "flood")], 2.0 / 5);
  EXPECT_DOUBLE_EQ(p[term(c, "river")], 2.0 / 5);
  EXPECT_DOUBLE_EQ(p[term(c, "bank")], 1.0 / 5);
  EXPECT_EQ(p[term(c, "the")], 0.0);  // a stopword is in the vocabulary but never a word here

  auto d = sumbasic_summarizer::word_probabilities(c, word_count::updates);
  EXPECT_DOUBLE_EQ(d[term(c, "flood")], 1.0 / 4);  // one update, however often it says it
  EXPECT_DOUBLE_EQ(d[term(c, "river")], 2.0 / 4);
  EXPECT_DOUBLE_EQ(d[term(c, "bank")], 1.0 / 4);
}

TEST(SumBasicProbabilities, WeightIsTheMeanAndTheUpdateSquaresUsedWords) {
  auto c = make({"Flood after flood on the river.", "The river bank."});
  auto p = sumbasic_summarizer::word_probabilities(c, word_count::tokens);
  EXPECT_DOUBLE_EQ(sumbasic_summarizer::sentence_weight(c, 0, p), (0.4 + 0.4 + 0.4) / 3);
  EXPECT_DOUBLE_EQ(sumbasic_summarizer::sentence_weight(c, 1, p), (0.4 + 0.2) / 2);

  sumbasic_summarizer::update_probabilities(c, 1, p);
  EXPECT_DOUBLE_EQ(p[term(c, "river")], 0.4 * 0.4);
  EXPECT_DOUBLE_EQ(p[term(c, "bank")], 0.2 * 0.2);
  EXPECT_DOUBLE_EQ(p[term(c, "flood")], 0.4);  // not in the chosen sentence: unchanged
  // Squared once per distinct word, however often the sentence says it.
  sumbasic_summarizer::update_probabilities(c, 0, p);
  EXPECT_DOUBLE_EQ(p[term(c, "flood")], 0.4 * 0.4);
  EXPECT_DOUBLE_EQ(p[term(c, "river")], 0.4 * 0.4 * 0.4 * 0.4);
}

// "storm" is the most probable word; the best-weighted sentence overall (1) lacks it.
vsm::collection storm_stream() {
  return make({"The storm cut power to the coastal towns overnight.",
               "Ferry ferry ferry services were cancelled, ferry operators said.",
               "The storm brought heavy rain and the storm surge flooded roads.",
               "Schools stay shut because of the storm, the council said."});
}

TEST(SumBasic, FirstPickHoldsTheMostProbableWordThenMovesOn) {
  auto c = storm_stream();
  auto p = sumbasic_summarizer::word_probabilities(c, word_count::tokens);
  const vsm::term_id storm = term(c, "storm");
  for (std::size_t t = 0; t < p.size(); ++t) EXPECT_LE(p[t], p[storm]);

  auto sb_made = sumbasic_summarizer::create({});
  ASSERT_TRUE(sb_made.ok());
  auto& sb = **sb_made;
  summary one = sb.summarize(c, {budget_unit::sentences, 1});
  ASSERT_EQ(one.sentences.size(), 1u);
  EXPECT_GT(c.sentence(one.sentences[0].sentence).tf.weight(storm), 0);
  EXPECT_EQ(one.method, "sumbasic");

  // Once "storm" is squared the ferry sentence, now the richest in probable words, comes next.
  summary two = sb.summarize(c, {budget_unit::sentences, 2});
  ASSERT_EQ(two.sentences.size(), 2u);
  EXPECT_EQ(two.sentences[0].sentence, 1u);
}

TEST(FreqSum, RanksByAverageProbabilityWithoutUpdate) {
  auto c = storm_stream();
  auto p = sumbasic_summarizer::word_probabilities(c, word_count::updates);
  std::size_t best = 0;
  for (std::size_t i = 1; i < c.sentence_count(); ++i)
    if (sumbasic_summarizer::sentence_weight(c, i, p) >
        sumbasic_summarizer::sentence_weight(c, best, p))
      best = i;
  auto fs_made = freqsum_summarizer::create({});
  ASSERT_TRUE(fs_made.ok());
  auto& fs = **fs_made;
  summary one = fs.summarize(c, {budget_unit::sentences, 1});
  ASSERT_EQ(one.sentences.size(), 1u);
  EXPECT_EQ(one.sentences[0].sentence, best);
  EXPECT_EQ(one.method, "freqsum");
}

}  // namespace
}  // namespace sitrep::rank
