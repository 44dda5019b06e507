// Budgets and the cut of a sentence no whole one of which fits.
#include "sitrep/rank/summary.hpp"

#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include <string>

#include "sitrep/core/utf8.hpp"
#include "sitrep/rank/selection.hpp"
#include "sitrep/text/tokenizer.hpp"
#include "test_collection.hpp"

namespace sitrep::rank {
namespace {

using testing::make_collection;

TEST(Budget, ValidatedWithinDocumentedBounds) {
  EXPECT_FALSE(validate(budget{budget_unit::words, 0}).is_ok());
  EXPECT_TRUE(validate(budget{budget_unit::words, kMaxBudgetWords}).is_ok());
  EXPECT_FALSE(validate(budget{budget_unit::words, kMaxBudgetWords + 1}).is_ok());
  EXPECT_TRUE(validate(budget{budget_unit::bytes, kMaxBudgetBytes}).is_ok());
  EXPECT_FALSE(validate(budget{budget_unit::bytes, kMaxBudgetBytes + 1}).is_ok());
  EXPECT_TRUE(validate(budget{budget_unit::sentences, kMaxBudgetSentences}).is_ok());
  EXPECT_FALSE(validate(budget{budget_unit::sentences, kMaxBudgetSentences + 1}).is_ok());
  // SIZE_MAX (what "-1" became) is not "unlimited".
  status huge = validate(budget{budget_unit::words, static_cast<std::size_t>(-1)});
  EXPECT_EQ(huge.code(), error_code::invalid_argument);
  EXPECT_NE(huge.message().find("words"), std::string::npos) << huge.message();
}

struct cut_case {
  const char* name;
  const char* text;
  std::size_t bytes;
  const char* kept;  // nullptr: the summary is empty and says why in its notes
};

void PrintTo(const cut_case& c, std::ostream* os) { *os << c.name << ", " << c.bytes << " bytes"; }

class ByteCut : public ::testing::TestWithParam<cut_case> {};

// A byte budget no whole sentence fits: the best sentence is cut, never inside a character.
TEST_P(ByteCut, NeverSplitsACharacter) {
  const auto& k = GetParam();
  auto c = make_collection({k.text});
  std::vector<double> scores{1.0};
  summary s = select_greedy(c, scores, {budget_unit::bytes, k.bytes}, {}, "t");
  if (k.kept == nullptr) {
    EXPECT_TRUE(s.sentences.empty());
    ASSERT_EQ(s.notes.size(), 1u);
    EXPECT_NE(s.notes[0].find("budget"), std::string::npos) << s.notes[0];
    return;
  }
  ASSERT_EQ(s.sentences.size(), 1u);
  const std::string_view kept = selected_text(c, s.sentences[0]);
  EXPECT_EQ(kept, k.kept);
  EXPECT_LE(kept.size(), k.bytes);
  EXPECT_EQ(utf8::first_invalid(kept), kept.size());
  EXPECT_TRUE(s.notes.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, ByteCut,
    ::testing::Values(
        cut_case{"first_char_too_long", "\xC3\x89l\xC3\xA9phant arrived.", 1, nullptr},
        cut_case{"first_char_fits", "\xC3\x89l\xC3\xA9phant arrived.", 2, "\xC3\x89"},
        cut_case{"inside_second_accent", "\xC3\x89l\xC3\xA9phant arrived.", 4, "\xC3\x89l"},
        cut_case{"word_boundary", "\xC3\x89l\xC3\xA9phant arrived.", 14, "\xC3\x89l\xC3\xA9phant"},
        cut_case{"inside_emoji", "\xF0\x9F\x94\xA5\xF0\x9F\x94\xA5 fire", 6, "\xF0\x9F\x94\xA5"},
        cut_case{"three_of_four_bytes", "\xF0\x9F\x94\xA5 fire at the depot", 3, nullptr},
        cut_case{"ascii", "Firefighters contained the blaze.", 5, "Firef"}),
    [](const auto& info) { return std::string(info.param.name); });

// A word budget no whole sentence fits: the cut keeps as many words as text::count_words counts,
// whatever ASCII white space separates them (found by the summarize fuzzer: a vertical tab kept
// "two\vthree" as one word and the summary cost 3 words of 2).
TEST(WordCut, SplitsAtEveryWhiteSpaceTheBudgetCounts) {
  for (const char* text : {"one two\vthree four", "one\ttwo\vthree four"}) {
    SCOPED_TRACE(::testing::PrintToString(std::string(text)));
    auto c = make_collection({text});
    ASSERT_EQ(c.sentence_count(), 1u);  // one sentence, so the cut is the only way to fit
    std::vector<double> scores(c.sentence_count(), 1.0);
    summary s = select_greedy(c, scores, {budget_unit::words, 2}, {}, "t");
    ASSERT_EQ(s.sentences.size(), 1u);
    const std::string_view kept = selected_text(c, s.sentences[0]);
    EXPECT_EQ(text::count_words(kept), 2u);
    EXPECT_EQ(kept.substr(0, 3), "one");
  }
}

}  // namespace
}  // namespace sitrep::rank
