#include "sitrep/rank/selection.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace sitrep::rank {
namespace {

vsm::collection make(std::vector<std::string> texts) {
  auto c = vsm::collection::create({});
  EXPECT_TRUE(c.ok());
  for (auto& t : texts) {
    update u;
    u.text = t;
    c->add(u);
  }
  return std::move(c).value();
}

TEST(RedundancyFilter, CatchesRewordingsAndExcerpts) {
  auto c = make({"Firefighters are tackling a large fire at a fuel depot in the east harbour.",
                 "Firefighters are battling a big fire at a fuel depot in the east harbour.",
                 "A fuel depot fire in the east harbour.",
                 "The hospital has received four people with burns."});
  redundancy_filter f(c, {});
  std::vector<std::size_t> chosen{0};
  EXPECT_TRUE(f.repeats(1, chosen));   // reworded
  EXPECT_TRUE(f.repeats(2, chosen));   // excerpt: all its terms already said
  EXPECT_FALSE(f.repeats(3, chosen));  // a new fact
}

TEST(SelectGreedy, PicksByScoreWithinBudgetInStreamOrder) {
  auto c = make({"One two three four five six.", "Alpha beta gamma delta epsilon zeta.",
                 "Red orange yellow green blue violet."});
  std::vector<double> scores{0.1, 0.9, 0.5};
  summary s = select_greedy(c, scores, {budget_unit::words, 12}, {}, "test");
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_EQ(s.sentences[0].sentence, 1u);
  EXPECT_EQ(s.sentences[1].sentence, 2u);
  EXPECT_DOUBLE_EQ(s.sentences[0].score, 0.9);
}

TEST(SelectGreedy, ShortSentencesOnlyWhenNothingElse) {
  auto c = make({"More soon.", "Police closed the harbour bridge and Quay Road on Friday."});
  std::vector<double> scores{1.0, 0.1};
  summary s = select_greedy(c, scores, {budget_unit::words, 100}, {}, "test");
  ASSERT_EQ(s.sentences.size(), 1u);
  EXPECT_EQ(s.sentences[0].sentence, 1u);
  auto only_short = make({"More soon."});
  std::vector<double> one{1.0};
  EXPECT_EQ(select_greedy(only_short, one, {budget_unit::words, 100}, {}, "t").sentences.size(),
            1u);
}

TEST(SelectGreedy, ShortBudgetAdmitsShortSentences) {
  auto c = make({"Police closed the harbour bridge.",
                 "The mayor said on Friday that Quay Road would stay closed until Monday."});
  std::vector<double> scores{1.0, 0.5};
  auto has_first = [&](std::size_t words) {
    summary s = select_greedy(c, scores, {budget_unit::words, words}, {}, "t");
    return !s.sentences.empty() && s.sentences[0].sentence == 0;
  };
  EXPECT_TRUE(has_first(40));    // bar 4 words
  EXPECT_FALSE(has_first(100));  // bar 8 words
}

TEST(SelectGreedy, CutsTheBestSentenceWhenNothingFits) {
  auto c = make({"Police closed the harbour bridge on Friday morning."});
  std::vector<double> scores{1.0};
  summary s = select_greedy(c, scores, {budget_unit::bytes, 20}, {}, "t");
  ASSERT_EQ(s.sentences.size(), 1u);
  EXPECT_EQ(selected_text(c, s.sentences[0]), "Police closed the");
}

TEST(SelectionOptions, Validated) {
  EXPECT_FALSE(validate(selection_options{.max_similarity = 0}).is_ok());
  EXPECT_FALSE(validate(selection_options{.max_similarity = 1.5}).is_ok());
  EXPECT_TRUE(validate(selection_options{}).is_ok());
  EXPECT_FALSE(validate(budget{budget_unit::words, 0}).is_ok());
  EXPECT_FALSE(validate(selection_options{.budget_share = 1.5}).is_ok());
  EXPECT_FALSE(validate(selection_options{.budget_share = -0.1}).is_ok());
}

TEST(SelectionOptions, BarFallsWithAShortBudget) {
  const selection_options o;  // min_words 8, budget_share 0.1, floor 4
  auto bar = [&](budget_unit u, std::size_t limit) { return for_budget(o, {u, limit}).min_words; };
  EXPECT_EQ(bar(budget_unit::words, 100), 8u);
  EXPECT_EQ(bar(budget_unit::words, 250), 8u);  // never above min_words
  EXPECT_EQ(bar(budget_unit::words, 60), 6u);
  EXPECT_EQ(bar(budget_unit::words, 30), 4u);   // never below the floor
  EXPECT_EQ(bar(budget_unit::bytes, 665), 8u);  // about 111 words
  EXPECT_EQ(bar(budget_unit::bytes, 300), 5u);  // about 50 words
  EXPECT_EQ(bar(budget_unit::sentences, 2), 8u);
  EXPECT_EQ(for_budget(selection_options{.budget_share = 0}, {budget_unit::words, 30}).min_words,
            8u);
  const budget b{budget_unit::words, 60};
  EXPECT_EQ(for_budget(for_budget(o, b), b).min_words, for_budget(o, b).min_words);
}

}  // namespace
}  // namespace sitrep::rank

namespace sitrep::rank {
namespace {

TEST(ChoosableIndices, ACapKeepsTheNewestInStreamOrder) {
  auto c = vsm::collection::create({});
  ASSERT_TRUE(c.ok());
  for (int i = 0; i < 6; ++i) {
    update u;
    u.text = "Update number " + std::to_string(i) + " says the rescue teams reached the hotel.";
    c->add(u);
  }
  EXPECT_EQ(choosable_indices(*c, {}, 3), (std::vector<std::size_t>{3, 4, 5}));
  EXPECT_EQ(choosable_indices(*c, {}, 100).size(), 6u);
}

}  // namespace
}  // namespace sitrep::rank
