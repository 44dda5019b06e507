// The submodular objective: monotone, diminishing returns, and the greedy's guarantees.
#include "sitrep/rank/submodular.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace sitrep::rank {
namespace {

vsm::collection news() {
  auto c = vsm::collection::create({});
  EXPECT_TRUE(c.ok());
  const char* texts[] = {
      "Gunmen attacked the Radisson Blu hotel in Bamako on Friday morning. About 170 guests "
      "and staff were taken hostage, the owner said.",
      "Malian special forces stormed the hotel and freed dozens of hostages. The death toll rose "
      "to 27, according to the United Nations mission in Mali.",
      "An Islamist group claimed responsibility for the attack. The siege of the hotel lasted "
      "more than nine hours.",
      "The government declared a ten-day state of emergency. Three days of national mourning "
      "were announced by the president of Mali.",
      "French special forces were sent to support the Malian operation at the hotel. Guests were "
      "led out of the building in small groups.",
  };
  int i = 0;
  for (const char* t : texts) {
    update u;
    u.id = std::to_string(i);
    u.line = static_cast<std::size_t>(++i);
    u.text = t;
    c->add(u);
  }
  return std::move(c).value();
}

TEST(SubmodularObjective, IsMonotoneWithDiminishingReturns) {
  auto c = news();
  submodular_summarizer::options o;
  submodular_summarizer::objective f(c, o);
  const auto& v = f.ground();
  ASSERT_GE(v.size(), 6u);
  EXPECT_DOUBLE_EQ(f.value({}), 0.0);
  // Along a chain A = {v0} within B = {v0, v1, v2}: F grows, and adding x gains less to B.
  std::vector<std::size_t> a{v[0]}, b{v[0], v[1], v[2]};
  EXPECT_LE(f.value(a), f.value(b));
  for (std::size_t x = 3; x < v.size(); ++x) {
    auto ax = a, bx = b;
    ax.push_back(v[x]);
    bx.push_back(v[x]);
    double gain_a = f.value(ax) - f.value(a), gain_b = f.value(bx) - f.value(b);
    EXPECT_GE(gain_a, 0);
    EXPECT_GE(gain_b, 0);
    EXPECT_GE(gain_a + 1e-9, gain_b) << "sentence " << v[x];
  }
  // The whole ground set is the maximum of a monotone function.
  std::vector<std::size_t> all(v.begin(), v.end());
  for (std::size_t x : v) EXPECT_LE(f.value({&x, 1}), f.value(all) + 1e-9);
}

TEST(SubmodularObjective, SaturatedCoverageAndSqrtDiversity) {
  auto c = news();
  submodular_summarizer::options o;
  o.diversity_weight = 0;
  o.coverage_saturation = 1e9;  // never saturates: L is the plain similarity sum (modular)
  submodular_summarizer::objective modular(c, o);
  const auto& v = modular.ground();
  std::size_t a = v[0], b = v[3];
  std::vector<std::size_t> ab{a, b};
  EXPECT_NEAR(modular.value(ab), modular.value({&a, 1}) + modular.value({&b, 1}), 1e-6);

  o.coverage_saturation = 0.5;  // saturates fast: the pair is worth less than its parts
  submodular_summarizer::objective saturated(c, o);
  EXPECT_LT(saturated.value(ab), saturated.value({&a, 1}) + saturated.value({&b, 1}) + 1e-12);
}

TEST(SubmodularObjective, LeadSentencesWeighMoreInCoverage) {
  // Without saturation or diversity, L is linear in the weights v_i: a bonus b adds b times
  // the similarity of the summary to the updates' first sentences, and nothing else.
  auto c = news();
  submodular_summarizer::options o;
  o.diversity_weight = 0;
  o.coverage_saturation = 1e9;
  o.first_sentence_bonus = 0;
  submodular_summarizer::objective plain(c, o);
  o.first_sentence_bonus = 2;
  submodular_summarizer::objective weighted(c, o);
  o.first_sentence_bonus = 4;
  submodular_summarizer::objective heavier(c, o);
  for (std::size_t x : plain.ground()) {
    double base = plain.value({&x, 1}), two = weighted.value({&x, 1});
    EXPECT_GE(two, base) << x;
    if (c.sentence(x).position == 0) {
      EXPECT_GT(two, base + 1) << x;  // covers itself
    }
    EXPECT_NEAR(heavier.value({&x, 1}) - base, 2 * (two - base), 1e-6) << x;
  }
}

TEST(SubmodularObjective, ClustersFollowTheShare) {
  auto c = news();
  submodular_summarizer::options o;
  submodular_summarizer::objective f(c, o);
  std::size_t n = f.ground().size();
  ASSERT_EQ(f.clusters().size(), n);
  std::size_t k = *std::max_element(f.clusters().begin(), f.clusters().end()) + 1;
  EXPECT_LE(k, static_cast<std::size_t>(std::ceil(0.2 * static_cast<double>(n))));
  o.cluster_share = 1.0;
  submodular_summarizer::objective singletons(c, o);
  std::vector<std::size_t> ids = singletons.clusters();
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()) - ids.begin(), static_cast<std::ptrdiff_t>(n));
}

TEST(SubmodularSummarizer, GreedyBeatsEverySingleSentenceThatFits) {
  auto c = news();
  auto s = submodular_summarizer::create({});
  ASSERT_TRUE(s.ok());
  submodular_summarizer::objective f(c, {});
  for (std::size_t limit : {12u, 25u, 40u, 80u}) {
    summary out = (*s)->summarize(c, {budget_unit::words, limit});
    ASSERT_FALSE(out.sentences.empty());
    EXPECT_LE(summary_cost(c, out, budget_unit::words), limit);
    std::vector<std::size_t> picked;
    for (const auto& p : out.sentences) picked.push_back(p.sentence);
    double value = f.value(picked);
    for (std::size_t x : f.ground()) {
      if (sentence_cost(c, x, budget_unit::words) > limit || !is_candidate(c, x, {})) continue;
      EXPECT_GE(value + 1e-9, f.value({&x, 1})) << "limit " << limit << " sentence " << x;
    }
  }
}

TEST(SubmodularSummarizer, MoreBudgetNeverLowersTheObjectiveMuch) {
  // Not a theorem for the greedy, but a sanity check: a budget twice as large covers more.
  auto c = news();
  auto s = submodular_summarizer::create({});
  submodular_summarizer::objective f(c, {});
  auto value = [&](std::size_t limit) {
    std::vector<std::size_t> picked;
    for (const auto& p : (*s)->summarize(c, {budget_unit::words, limit}).sentences)
      picked.push_back(p.sentence);
    return f.value(picked);
  };
  EXPECT_LT(value(20), value(60));
}

TEST(SubmodularSummarizer, OptionsAreValidated) {
  submodular_summarizer::options o;
  EXPECT_TRUE(submodular_summarizer::create(o).ok());
  o.coverage_saturation = 0;
  EXPECT_EQ(submodular_summarizer::create(o).error().code(), error_code::invalid_argument);
  o = {};
  o.diversity_weight = -1;
  EXPECT_FALSE(submodular_summarizer::create(o).ok());
  o = {};
  o.cluster_share = 1.5;
  EXPECT_FALSE(submodular_summarizer::create(o).ok());
  o = {};
  o.first_sentence_bonus = -0.5;
  EXPECT_FALSE(submodular_summarizer::create(o).ok());
  o = {};
  o.cost_exponent = std::nan("");
  EXPECT_FALSE(submodular_summarizer::create(o).ok());
  o = {};
  o.max_sentences = 0;
  EXPECT_FALSE(submodular_summarizer::create(o).ok());
}

}  // namespace
}  // namespace sitrep::rank
