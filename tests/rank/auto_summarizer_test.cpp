// The parts of the default method: concept weights, the coverage search, the whole summarizer.
#include "sitrep/rank/auto_summarizer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../../src/rank/auto_concepts.hpp"
#include "../../src/rank/auto_select.hpp"
#include "sitrep/stream/engine.hpp"

namespace sitrep::rank {
namespace {

vsm::collection make(const std::vector<std::string>& texts) {
  auto c = vsm::collection::create({});
  EXPECT_TRUE(c.ok());
  std::size_t line = 0;
  for (const auto& t : texts) {
    update u;
    u.id = std::to_string(line);
    u.line = ++line;
    u.text = t;
    c->add(u);
  }
  return std::move(c).value();
}

TEST(AutoConcepts, OccurrenceWeightDecaysWithPositionAndRisesAtTheEnd) {
  detail::concept_options o;
  o.position_boost = 1.0;
  o.position_decay = 2.0;
  o.recency_boost = 1.0;
  o.recent_fraction = 0.1;
  EXPECT_DOUBLE_EQ(detail::occurrence_weight(o, 0, 0, 20), 2.0);
  EXPECT_NEAR(detail::occurrence_weight(o, 2, 0, 20), 1.0 + std::exp(-1.0), 1e-12);
  EXPECT_GT(detail::occurrence_weight(o, 1, 0, 20), detail::occurrence_weight(o, 5, 0, 20));
  EXPECT_DOUBLE_EQ(detail::occurrence_weight(o, 0, 19, 20), 3.0);  // newest tenth
  EXPECT_DOUBLE_EQ(detail::occurrence_weight(o, 0, 17, 20), 2.0);
  o.opening_boost = 0.5;
  EXPECT_DOUBLE_EQ(detail::occurrence_weight(o, 0, 0, 20), 2.5);
  EXPECT_DOUBLE_EQ(detail::occurrence_weight(o, 0, 0, 1), 2.0);  // one update: no stream signal
}

TEST(AutoConcepts, SupportCountsUpdatesNotRepeatsAndPrunesRareConcepts) {
  auto c = make({"Rebels seized the northern airport today. Rebels seized the northern airport.",
                 "The army said rebels seized the northern airport overnight.",
                 "A storm hit the coast."});
  detail::concept_options o;
  o.position_boost = 0;
  o.recency_boost = 0;
  o.unigram_weight = 0.5;
  o.min_support = 2;
  auto m = detail::build_concepts(c, o);
  ASSERT_EQ(m.of_sentence.size(), c.sentence_count());
  // Concepts shared by updates 0 and 1 ("seized northern", "airport") weigh 2 (bigram) or
  // 1 (unigram): update 0's repeat adds nothing. The storm's concepts are pruned.
  double max_bigram = 0;
  for (std::size_t k = 0; k < m.weight.size(); ++k) {
    EXPECT_LE(m.updates_with[k], 2u);
    if (m.updates_with[k] < 2) {
      EXPECT_EQ(m.weight[k], 0.0);
    }
    max_bigram = std::max(max_bigram, m.weight[k]);
  }
  EXPECT_DOUBLE_EQ(max_bigram, 2.0);
  const std::size_t storm = c.sentence_count() - 1;
  for (auto k : m.of_sentence[storm]) EXPECT_EQ(m.weight[k], 0.0);
  // Each sentence's concepts are distinct and sorted.
  for (std::size_t j = 0; j < m.of_sentence.size(); ++j) {
    const auto s = m.of_sentence[j];
    for (std::size_t i = 1; i < s.size(); ++i) EXPECT_LT(s[i - 1], s[i]);
  }
}

TEST(AutoConcepts, CopiesAddNoSupport) {
  auto c = make({"Rebels seized the northern airport early on Tuesday.",
                 "Rebels seized the northern airport early on Tuesday.",
                 "Officials said rebels seized the northern airport."});
  detail::concept_options o;
  o.position_boost = 0;
  o.recency_boost = 0;
  o.min_support = 1;
  auto counted = detail::build_concepts(c, o);
  o.copy_similarity = 0.8;
  auto deduped = detail::build_concepts(c, o);
  double a = 0, b = 0;
  for (auto k : counted.of_sentence[0]) a += counted.weight[k];
  for (auto k : deduped.of_sentence[0]) b += deduped.weight[k];
  EXPECT_LT(b, a);  // the verbatim second update no longer doubles the first one's support
  EXPECT_GT(b, 0.0);
}

// A hand-built problem: concepts 0..3, sentences with costs.
struct toy {
  detail::concept_model m;
  detail::coverage_problem p;
  toy() {
    m.weight = {5, 4, 4, 1};
    m.updates_with = {2, 2, 2, 2};
    m.of_sentence = {{0, 3}, {1}, {2}, {0, 1, 2}};
    p.concepts = &m;
    p.bonus = {0, 0, 0, 0};
    p.cost = {3, 2, 2, 7};
    p.candidate = {true, true, true, true};
    p.limit = 7;
  }
};

TEST(AutoSelect, CoverageValueCountsEachConceptOnce) {
  toy t;
  std::vector<std::size_t> s{0, 3};
  EXPECT_DOUBLE_EQ(detail::coverage_value(t.p, s), 14.0);
  t.p.bonus = {1, 0, 0, 0.5};
  EXPECT_DOUBLE_EQ(detail::coverage_value(t.p, s), 15.5);
}

TEST(AutoSelect, RespectsTheLimitAndTheCandidates) {
  auto c = make({"Alpha beta gamma delta epsilon zeta eta theta.", "Iota kappa lambda mu nu xi.",
                 "Omicron pi rho sigma tau upsilon.", "Phi chi psi omega one two three four."});
  toy t;
  redundancy_filter f(c, {});
  auto chosen = detail::select_coverage(t.p, f, {1.0, 20});
  std::size_t used = 0;
  for (auto i : chosen) used += t.p.cost[i];
  EXPECT_LE(used, t.p.limit);
  EXPECT_DOUBLE_EQ(detail::coverage_value(t.p, chosen), 14.0);  // {0, 1, 2}: 5+1+4+4
  t.p.candidate = {false, true, true, true};
  chosen = detail::select_coverage(t.p, f, {1.0, 20});
  for (auto i : chosen) EXPECT_NE(i, 0u);
}

TEST(AutoSelect, SwapsRepairWhatGreedyGetsWrong) {
  // Greedy by ratio takes the cheap sentence 0 (ratio 3) and then cannot fit sentence 1 (ratio
  // 2.5, worth 10); one swap finds it.
  auto c = make({"Alpha beta gamma delta epsilon zeta eta theta.", "Iota kappa lambda mu nu xi.",
                 "Omicron pi rho sigma tau upsilon."});
  detail::concept_model m;
  m.weight = {3, 10};
  m.updates_with = {2, 2};
  m.of_sentence = {{0}, {1}, {}};
  detail::coverage_problem p;
  p.concepts = &m;
  p.bonus = {0, 0, 0};
  p.cost = {1, 4, 1};
  p.candidate = {true, true, true};
  p.limit = 4;
  redundancy_filter f(c, {});
  auto greedy = detail::select_coverage(p, f, {1.0, 0});
  EXPECT_DOUBLE_EQ(detail::coverage_value(p, greedy), 3.0);
  auto searched = detail::select_coverage(p, f, {1.0, 20});
  EXPECT_DOUBLE_EQ(detail::coverage_value(p, searched), 10.0);
}

TEST(AutoSummarizer, PrefersWhatSeveralUpdatesAgreeOn) {
  auto c = make({"Rebels seized the northern airport early on Tuesday, officials said.",
                 "A local bakery won a regional prize for its sourdough bread this week.",
                 "Officials confirmed that rebels seized the northern airport on Tuesday.",
                 "Government troops are massing near the northern airport rebels seized."});
  auto s_made = auto_summarizer::create({});
  ASSERT_TRUE(s_made.ok());
  auto& s = **s_made;
  summary out = s.summarize(c, {budget_unit::words, 12});
  ASSERT_EQ(out.sentences.size(), 1u);
  EXPECT_NE(out.sentences[0].sentence, 1u);
  EXPECT_EQ(out.method, "auto");
}

TEST(AutoSummarizer, ShortBudgetsAdmitShorterSentences) {
  // A 5-word lead: below the 8-word bar of a 100-word summary, above the 4-word one of a 30-word
  // summary (10 % of the budget, at least `min_words_floor`).
  auto c =
      make({"Rebels seized the northern airport. Flights to the capital were cancelled for the "
            "rest of the week, the airline said."});
  auto has_lead = [](const summary& s) {
    for (const auto& x : s.sentences)
      if (x.sentence == 0) return true;
    return false;
  };
  auto s_made = auto_summarizer::create({});
  ASSERT_TRUE(s_made.ok());
  auto& s = **s_made;
  EXPECT_FALSE(has_lead(s.summarize(c, {budget_unit::words, 100})));
  EXPECT_TRUE(has_lead(s.summarize(c, {budget_unit::words, 30})));
  auto_summarizer::options fixed;
  fixed.selection.budget_share = 0;  // always selection.min_words
  EXPECT_FALSE(has_lead(auto_summarizer::create(fixed).value()->summarize(c, {budget_unit::words, 30})));
}

TEST(AutoSummarizer, LeavesOutFillersThatCarryNoAgreedConcept) {
  auto c = make({"Rebels seized the northern airport early on Tuesday, officials said.",
                 "Officials confirmed that rebels seized the northern airport on Tuesday.",
                 "The statement has not yet been verified.",
                 "Government troops are massing near the northern airport rebels seized."});
  auto has_filler = [](const summary& s) {
    for (const auto& x : s.sentences)
      if (x.sentence == 2) return true;
    return false;
  };
  EXPECT_FALSE(has_filler(auto_summarizer::create({}).value()->summarize(c, {budget_unit::words, 60})));
  auto_summarizer::options keep;
  keep.min_concept_share = 0;  // the filler's lead bonus alone earns it the leftover words
  EXPECT_TRUE(has_filler(auto_summarizer::create(keep).value()->summarize(c, {budget_unit::words, 60})));
}

TEST(AutoSummarizer, EmptyInputGivesEmptySummary) {
  auto c = vsm::collection::create({});
  ASSERT_TRUE(c.ok());
  auto s_made = auto_summarizer::create({});
  ASSERT_TRUE(s_made.ok());
  auto& s = **s_made;
  EXPECT_TRUE(s.summarize(*c, {budget_unit::words, 50}).sentences.empty());
}

TEST(AutoConcepts, PlacesAreTimesWhenTheStreamIsTimedAndIndexesOtherwise) {
  auto c = vsm::collection::create({});
  ASSERT_TRUE(c.ok());
  for (std::int64_t t : {0, 100, 10}) {  // the third update is older than the second
    update u;
    u.text = "Troops moved in.";
    u.unix_time = t;
    c->add(u);
  }
  const stream::view v(*c);
  // By time: ranked by their times (the newest tenth is a tenth of the updates, by time).
  auto by_time = detail::stream_places(v, true);
  ASSERT_EQ(by_time.size(), 3u);
  EXPECT_DOUBLE_EQ(by_time[0], 0.0);
  EXPECT_NEAR(by_time[1], 2.0 / 3, 1e-12);
  EXPECT_NEAR(by_time[2], 1.0 / 3, 1e-12);
  auto by_index = detail::stream_places(v, false);
  EXPECT_NEAR(by_index[1], 1.0 / 3, 1e-12);
  EXPECT_NEAR(by_index[2], 2.0 / 3, 1e-12);
  EXPECT_TRUE(detail::stream_places(v.range(0, 1), true).empty());  // one update: no place
}

// A live stream cut at update 2: what is new is the army's advance, not the airport again.
TEST(AutoSummarizer, SinceAViewItLeavesOutWhatTheReaderWasToldBefore) {
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  for (const char* t :
       {"Rebels seized the northern airport early on Tuesday, officials said.",
        "Officials confirmed that rebels seized the northern airport on Tuesday.",
        "Rebels seized the northern airport early on Tuesday, officials said again.",
        "The army retook the city centre after heavy fighting on Wednesday, officials said.",
        "Government troops retook the city centre on Wednesday after a day of heavy street "
        "fighting, a general said."}) {
    update u;
    u.text = t;
    ASSERT_TRUE(e->add(u).ok());
  }
  const auto& c = e->collection();
  auto s = auto_summarizer::create({});
  ASSERT_TRUE(s.ok());
  const stream::view after = stream::view(*e).since(2).as_news();
  ASSERT_EQ(e->repeat_groups().group(2), 0u);  // update 2 repeats update 0
  summary out = (*s)->summarize(after, {budget_unit::words, 14});
  ASSERT_FALSE(out.sentences.empty());
  for (const auto& pick : out.sentences) {
    EXPECT_GE(pick.sentence, c.first_sentence_of(3)) << c.text(pick.sentence);
  }
  // The same updates summarized on their own (a window) may well tell of the airport.
  EXPECT_FALSE(stream::view(*e).since(2).is_news());
  EXPECT_TRUE(after.is_news());
  EXPECT_FALSE(stream::view(*e).as_news().is_news());  // nothing before it: not news
}

TEST(AutoSummarizer, TheCandidateCapKeepsTheBest) {
  auto c = make({"Rebels seized the northern airport early on Tuesday, officials said.",
                 "A local bakery won a regional prize for its sourdough bread this week.",
                 "Officials confirmed that rebels seized the northern airport on Tuesday.",
                 "Government troops are massing near the northern airport rebels seized."});
  auto_summarizer::options o;
  o.max_candidates = 1;
  auto capped = auto_summarizer::create(o);
  ASSERT_TRUE(capped.ok());
  summary one = (*capped)->summarize(c, {budget_unit::words, 100});
  ASSERT_EQ(one.sentences.size(), 1u);
  EXPECT_NE(one.sentences[0].sentence, 1u);  // never the bakery, the first N or the last
  o.seen_weight = 1.5;
  EXPECT_FALSE(auto_summarizer::create(o).ok());
}

}  // namespace
}  // namespace sitrep::rank
