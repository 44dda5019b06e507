#include "sitrep/rank/klsum.hpp"

#include <gtest/gtest.h>

#include "test_collection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

namespace sitrep::rank {
namespace {

vsm::collection make(const std::vector<std::string>& texts) {
  return testing::make_collection(texts);
}

vsm::collection quake_stream() {
  return make({"A strong earthquake struck the coast of Peru on Sunday, officials said.",
               "The earthquake damaged roads and bridges in the coastal province.",
               "Rescue teams searched collapsed houses after the earthquake in Peru.",
               "The football season opens next week with a derby in the capital.",
               "Officials said aftershocks shook the coast of Peru through the night.",
               "Aid flights reached the damaged coastal province by Monday."});
}

TEST(KlSumDivergence, MatchesTheFormulaOnAHandCase) {
  // Content terms: {flood flood river} and {river bank}: P = (0.4, 0.4, 0.2).
  auto c = make({"Flood after flood on the river.", "The river bank."});
  const double d = 0.5;
  // Summary {1}: n = (0, 1, 1), N_S = 2, |V| = 3, Q = (0.5, 1.5, 1.5) / 3.5.
  const double expected = 0.4 * std::log(0.4 / (0.5 / 3.5)) + 0.4 * std::log(0.4 / (1.5 / 3.5)) +
                          0.2 * std::log(0.2 / (1.5 / 3.5));
  const std::size_t s1[] = {1};
  EXPECT_NEAR(klsum_summarizer::divergence(c, s1, d), expected, 1e-12);
  // The whole input is the closest summary there is, but smoothing keeps it above 0.
  const std::size_t all[] = {0, 1};
  EXPECT_GT(klsum_summarizer::divergence(c, all, d), 0.0);
  EXPECT_LT(klsum_summarizer::divergence(c, all, d), klsum_summarizer::divergence(c, s1, d));
}

TEST(KlSum, EachGreedyStepLowersTheDivergence) {
  auto c = quake_stream();
  klsum_summarizer::options o;
  auto kl_made = klsum_summarizer::create(o);
  ASSERT_TRUE(kl_made.ok());
  auto& kl = **kl_made;
  // The off-topic football sentence is never the first pick.
  EXPECT_NE(kl.summarize(c, {budget_unit::sentences, 1}).sentences.at(0).sentence, 3u);
  // From the first pick on (the empty summary's Q is uniform, which on a toy input can be
  // closer to P than any one sentence; the greedy fills the budget regardless).
  double previous = std::numeric_limits<double>::infinity();
  std::vector<std::size_t> grown;
  for (std::size_t k = 1; k <= 4; ++k) {
    summary s = kl.summarize(c, {budget_unit::sentences, k});
    ASSERT_EQ(s.sentences.size(), k);
    std::vector<std::size_t> picked;
    for (const auto& pick : s.sentences) picked.push_back(pick.sentence);
    // Greedy: the k-sentence summary extends the (k-1)-sentence one.
    EXPECT_TRUE(std::includes(picked.begin(), picked.end(), grown.begin(), grown.end()));
    grown = picked;
    const double now = klsum_summarizer::divergence(c, picked, o.smoothing);
    EXPECT_LT(now, previous) << k;
    previous = now;
  }
}

TEST(KlSum, FirstPickIsTheSingleSentenceClosestToTheInput) {
  auto c = quake_stream();
  klsum_summarizer::options o;
  std::size_t best = 0;
  for (std::size_t i = 1; i < c.sentence_count(); ++i) {
    const std::size_t a[] = {i}, b[] = {best};
    if (klsum_summarizer::divergence(c, a, o.smoothing) <
        klsum_summarizer::divergence(c, b, o.smoothing))
      best = i;
  }
  summary s = klsum_summarizer::create(o).value()->summarize(c, {budget_unit::sentences, 1});
  ASSERT_EQ(s.sentences.size(), 1u);
  EXPECT_EQ(s.sentences[0].sentence, best);
  EXPECT_EQ(s.method, "klsum");
}

}  // namespace
}  // namespace sitrep::rank
