// The concept ILP: exact on hand-made instances, budget and conflicts kept, limits and
// failures handled, bigram concepts as the paper defines them.
#include "sitrep/rank/ilp.hpp"

#include <gtest/gtest.h>

#include <string>

#include "../../src/rank/concepts.hpp"

namespace sitrep::rank {
namespace {

vsm::collection make_stream(const std::vector<std::string>& texts) {
  auto c = vsm::collection::create({});
  EXPECT_TRUE(c.ok());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    update u;
    u.id = std::to_string(i);  // ("u" + to_string trips GCC 12's -Wrestrict false positive)
    u.line = i + 1;
    u.text = texts[i];
    c->add(u);
  }
  return std::move(c).value();
}

vsm::collection news() {
  return make_stream({
      "Gunmen attacked the Radisson Blu hotel in Bamako on Friday morning and took about 170 "
      "guests and staff hostage. Malian special forces later stormed the hotel.",
      "Malian special forces stormed the Radisson Blu hotel in Bamako and freed dozens of "
      "hostages. The death toll rose to 27 according to the United Nations mission.",
      "The death toll rose to 27 after Malian special forces stormed the Radisson Blu hotel in "
      "Bamako. An Islamist group claimed responsibility for the attack on the hotel.",
      "An Islamist group claimed responsibility for the attack on the Radisson Blu hotel, where "
      "the siege lasted more than nine hours before special forces freed the hostages.",
      "The government declared a ten-day state of emergency after the attack on the Radisson "
      "Blu hotel in Bamako. Three days of national mourning were announced.",
  });
}

TEST(ConceptProgram, SolvesAnInstanceWhereGreedyFails) {
  // Greedy by ratio takes sentence 0 (1.5 per unit) and then only one of 1 and 2 fits; the
  // best single sentence is worth 7. The optimum pairs 1 and 2 (14) and spends the budget.
  concept_program p;
  p.concept_weights = {3, 7, 7};
  p.sentence_concepts = {{0}, {1}, {2}};
  p.costs = {2, 5, 5};
  p.budget = 10;
  EXPECT_DOUBLE_EQ(greedy_concept_cover(p).objective, 10);
  auto s = solve_concept_program(p, 5.0);
  ASSERT_TRUE(s.ok()) << s.error().message();
  EXPECT_EQ(s->chosen, (std::vector<std::size_t>{1, 2}));
  EXPECT_DOUBLE_EQ(s->objective, 14);
  EXPECT_TRUE(s->optimal);
}

TEST(ConceptProgram, CountsASharedConceptOnce) {
  // Sentences 0 and 1 share concept 0; covering it twice is worth nothing more, so the
  // optimum takes 0 and 2 (3 + 1 + 2 = 6) rather than 0 and 1 (3 + 1 + 1 = 5).
  concept_program p;
  p.concept_weights = {3, 1, 1, 2};
  p.sentence_concepts = {{0, 1}, {0, 2}, {3}};
  p.costs = {4, 4, 4};
  p.budget = 8;
  auto s = solve_concept_program(p, 5.0);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->chosen, (std::vector<std::size_t>{0, 2}));
  EXPECT_DOUBLE_EQ(s->objective, 6);
}

TEST(ConceptProgram, BudgetIsAHardLimitAndCanBeSpentExactly) {
  // 9 + 6 + 5 = 20 = budget exactly is optimal; one unit less forces a different answer.
  concept_program p;
  p.concept_weights = {9, 6, 5, 4};
  p.sentence_concepts = {{0}, {1}, {2}, {3}};
  p.costs = {9, 6, 5, 4};
  p.budget = 20;
  auto s = solve_concept_program(p, 5.0);
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(s->objective, 20);
  double cost = 0;
  for (auto j : s->chosen) cost += p.costs[j];
  EXPECT_DOUBLE_EQ(cost, 20);

  p.budget = 19;
  s = solve_concept_program(p, 5.0);
  ASSERT_TRUE(s.ok());
  cost = 0;
  for (auto j : s->chosen) cost += p.costs[j];
  EXPECT_LE(cost, 19);
  EXPECT_DOUBLE_EQ(s->objective, 19);  // 9 + 6 + 4, or 9 + 6 + 4 in another order
}

TEST(ConceptProgram, ConflictsKeepPairsApart) {
  concept_program p;
  p.concept_weights = {5, 5, 1};
  p.sentence_concepts = {{0}, {1}, {2}};
  p.costs = {1, 1, 1};
  p.budget = 3;
  p.conflicts = {{0, 1}};
  auto s = solve_concept_program(p, 5.0);
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(s->objective, 6);
  EXPECT_EQ(s->chosen.size(), 2u);
  EXPECT_EQ(s->chosen.back(), 2u);
}

TEST(ConceptProgram, MalformedProgramsAndLimitsAreRejected) {
  concept_program p;
  p.concept_weights = {1};
  p.sentence_concepts = {{0}, {1}};  // concept 1 does not exist
  p.costs = {1, 1};
  p.budget = 1;
  auto s = solve_concept_program(p, 1.0);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code(), error_code::invalid_argument);

  p.sentence_concepts = {{0}, {0}};
  p.costs = {1};  // one cost for two sentences
  EXPECT_EQ(solve_concept_program(p, 1.0).error().code(), error_code::invalid_argument);

  p.costs = {1, -1};
  EXPECT_EQ(solve_concept_program(p, 1.0).error().code(), error_code::invalid_argument);

  p.costs = {1, 1};
  p.conflicts = {{0, 0}};
  EXPECT_EQ(solve_concept_program(p, 1.0).error().code(), error_code::invalid_argument);

  p.conflicts.clear();
  EXPECT_EQ(solve_concept_program(p, 0.0).error().code(), error_code::invalid_argument);
  EXPECT_TRUE(solve_concept_program(p, 1.0).ok());
}

TEST(ConceptProgram, EmptyProgramIsTriviallyOptimal) {
  auto s = solve_concept_program({}, 1.0);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->chosen.empty());
  EXPECT_TRUE(s->optimal);
}

TEST(ConceptProgram, TinyTimeLimitStillGivesAFeasibleSelection) {
  // A larger random-looking instance; whatever the limit cuts short, the answer is feasible
  // and at least as good as the greedy cover.
  concept_program p;
  const std::size_t n = 120, m = 200;
  p.concept_weights.resize(m);
  for (std::size_t k = 0; k < m; ++k) p.concept_weights[k] = 1 + (k * 7919) % 9;
  for (std::size_t j = 0; j < n; ++j) {
    std::vector<std::uint32_t> mine;
    for (std::size_t t = 0; t < 6; ++t)
      mine.push_back(static_cast<std::uint32_t>((j * 31 + t * 17) % m));
    std::sort(mine.begin(), mine.end());
    mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
    p.sentence_concepts.push_back(mine);
    p.costs.push_back(static_cast<double>(10 + (j * 13) % 20));
  }
  p.budget = 100;
  auto greedy = greedy_concept_cover(p);
  auto s = solve_concept_program(p, 1e-6);
  ASSERT_TRUE(s.ok()) << s.error().message();
  double cost = 0;
  for (auto j : s->chosen) cost += p.costs[j];
  EXPECT_LE(cost, p.budget);
  EXPECT_GE(s->objective, greedy.objective);
}

TEST(IlpSummarizer, OptionsAreValidated) {
  ilp_summarizer::options o;
  EXPECT_TRUE(ilp_summarizer::create(o).ok());
  o.time_limit_seconds = 0;
  EXPECT_EQ(ilp_summarizer::create(o).error().code(), error_code::invalid_argument);
  o = {};
  o.min_concept_updates = 0;
  EXPECT_FALSE(ilp_summarizer::create(o).ok());
  o = {};
  o.max_candidates = 0;
  EXPECT_FALSE(ilp_summarizer::create(o).ok());
  o = {};
  o.first_sentence_bonus = -1;
  EXPECT_FALSE(ilp_summarizer::create(o).ok());
  o = {};
  o.selection.max_similarity = 2;
  EXPECT_FALSE(ilp_summarizer::create(o).ok());
}

TEST(IlpSummarizer, SolvesTheStreamExactlyWithinBudgetAndSilently) {
  auto c = news();
  auto ilp = ilp_summarizer::create({});
  ASSERT_TRUE(ilp.ok());
  ilp_summarizer::trace t;
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  summary s = (*ilp)->summarize(stream::view(c), {budget_unit::words, 40}, t);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_TRUE(t.solved) << t.solver_status.message();
  EXPECT_TRUE(t.optimal);
  EXPECT_GT(t.concepts, 0u);
  EXPECT_FALSE(s.sentences.empty());
  EXPECT_LE(summary_cost(c, s, budget_unit::words), 40u);
}

// A solver failure falls back to the greedy cover, and the summary says so in its notes.
TEST(IlpSummarizer, SolverFailureFallsBackToGreedyAndSaysSo) {
  auto c = news();
  ilp_summarizer::options o;
  o.inject_solver_failure = true;
  auto ilp = ilp_summarizer::create(o);
  ASSERT_TRUE(ilp.ok());
  ilp_summarizer::trace t;
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  summary s = (*ilp)->summarize(stream::view(c), {budget_unit::words, 40}, t);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "");  // the library never prints
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_FALSE(t.solved);
  EXPECT_EQ(t.solver_status.code(), error_code::internal);
  EXPECT_FALSE(s.sentences.empty());
  EXPECT_LE(summary_cost(c, s, budget_unit::words), 40u);
  ASSERT_EQ(s.notes.size(), 1u);
  EXPECT_NE(s.notes[0].find("ilp: the solver failed"), std::string::npos) << s.notes[0];
  EXPECT_NE(s.notes[0].find("greedy"), std::string::npos) << s.notes[0];

  // The solved path has no note.
  auto plain = ilp_summarizer::create({});
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE((*plain)->summarize(c, {budget_unit::words, 40}).notes.empty());
}

TEST(IlpSummarizer, TimeLimitPathGivesAValidSummary) {
  auto c = news();
  ilp_summarizer::options o;
  o.time_limit_seconds = 1e-9;
  auto ilp = ilp_summarizer::create(o);
  ASSERT_TRUE(ilp.ok());
  for (std::size_t limit : {20u, 40u, 60u}) {
    summary s = (*ilp)->summarize(c, {budget_unit::words, limit});
    EXPECT_FALSE(s.sentences.empty());
    EXPECT_LE(summary_cost(c, s, budget_unit::words), limit);
    for (std::size_t k = 1; k < s.sentences.size(); ++k)
      EXPECT_LT(s.sentences[k - 1].sentence, s.sentences[k].sentence);
    // Whether 1 ms sufficed is the machine's business; if it did not, the summary says so.
    ilp_summarizer::trace t;
    summary traced = (*ilp)->summarize(stream::view(c), {budget_unit::words, limit}, t);
    EXPECT_EQ(traced.notes.empty(), t.optimal) << limit;
  }
}

TEST(Concepts, BigramsOfStemsSkippingStopwordPairsWeighedByUpdates) {
  auto c = make_stream({"The hotel attack was over.", "Hotel attacks are rare.",
                        "Of the hotel attack, little is known."});
  auto all = detail::extract_concepts(c, 1);
  auto frequent = detail::extract_concepts(c, 3);
  // "hotel attack" (stemmed: "attacks" too) is in all three updates; nothing else is.
  ASSERT_EQ(frequent.weights.size(), 1u);
  EXPECT_DOUBLE_EQ(frequent.weights[0], 3);
  for (std::size_t j = 0; j < c.sentence_count(); ++j)
    EXPECT_EQ(frequent.sentence_concepts[j], (std::vector<std::uint32_t>{0}));
  // "of the" and "was over"-like stopword-only pairs never become concepts: sentence 2 has
  // "of the", "the hotel", "hotel attack", "attack little", "little is", "is known".
  EXPECT_EQ(all.sentence_concepts[2].size(), 5u);
}

TEST(Concepts, FirstSentencesAddTheirBonusOncePerUpdate) {
  // "hotel attack" opens the first two updates (twice in the second) and closes the third.
  auto c = make_stream({"The hotel attack was over. Guests left.",
                        "Hotel attacks are rare, and this hotel attack was brief. Police said so.",
                        "Police came. Of the hotel attack, little is known."});
  auto plain = detail::extract_concepts(c, 3);
  auto boosted = detail::extract_concepts(c, 3, 2.5);
  ASSERT_EQ(plain.weights.size(), 1u);
  ASSERT_EQ(boosted.weights.size(), 1u);
  EXPECT_DOUBLE_EQ(plain.weights[0], 3);
  EXPECT_DOUBLE_EQ(boosted.weights[0], 3 + 2 * 2.5);
}

TEST(Concepts, ThresholdShrinksForShortStreamsOnly) {
  EXPECT_EQ(detail::effective_min_updates(3, 1), 1u);
  EXPECT_EQ(detail::effective_min_updates(3, 4), 2u);
  EXPECT_EQ(detail::effective_min_updates(3, 10), 3u);
  EXPECT_EQ(detail::effective_min_updates(3, 400), 3u);
}

}  // namespace
}  // namespace sitrep::rank
