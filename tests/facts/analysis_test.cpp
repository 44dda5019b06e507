// Tests for sitrep/facts/analysis.hpp: one tokenization of an update's sentences, shared by the
// attribution extractor, the status detector and the claim tracker, gives what each gave when
// it tokenized for itself.
#include "sitrep/facts/analysis.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/facts/attribution.hpp"
#include "sitrep/facts/verification.hpp"

namespace sitrep::facts {
namespace {

std::vector<text::byte_span> split(std::string_view t) { return text::sentence_splitter{}.split(t); }

TEST(Analysis, KeepsOrderedSentencesAndTokenizesEachOnItsOwn) {
  const std::string t = "Col. Ann Reed said: \xE2\x80\x9CWe won\xE2\x80\x99t leave.\xE2\x80\x9D The U.S. embassy denied it.";
  const std::size_t b = t.find("The U.S.");
  const std::vector<text::byte_span> spans = {{0, b}, {10, 20}, {b, b}, {b, 999}, {b, t.size()}};
  analysis a;
  a.assign(t, spans);
  ASSERT_EQ(a.size(), 2u);  // out of order, empty and past-the-end spans are dropped
  EXPECT_EQ(a.sentence(1).begin, b);
  EXPECT_EQ(a.find({b, t.size()}), 1u);
  EXPECT_EQ(a.find({10, 20}), 2u);
  std::vector<std::string> words;
  for (const token& k : a.tokens(0))
    if (k.word) words.emplace_back(k.low);
  EXPECT_EQ(words, (std::vector<std::string>{"col.", "ann", "reed", "said", "we", "won\xE2\x80\x99t", "leave"}));
  for (std::size_t s = 0; s < a.size(); ++s)
    for (const token& k : a.tokens(s)) {
      EXPECT_GE(k.begin, a.sentence(s).begin);
      EXPECT_LE(k.end, a.sentence(s).end);
    }
  // "said" is in the reporting-cue lexicon, "reed" is not.
  EXPECT_NE(a.tokens(0)[3].lex, 0u);
  EXPECT_EQ(a.tokens(0)[2].lex, 0u);
  a.assign("", {});
  EXPECT_EQ(a.size(), 0u);
}

TEST(Analysis, ExtractorsGiveTheSameOnAnAnalysisAsOnSpans) {
  const std::string t =
      "A spokesman for the army said 12 people had died. He added that the toll could rise. "
      "Rebels claimed they had taken the town, but this has not been verified. "
      "The ministry denied the rebels took the town.";
  const auto spans = split(t);
  analysis a;
  a.assign(t, spans);
  const attribution_extractor ax;
  const auto x1 = ax.extract(t, spans), x2 = ax.extract(a);
  ASSERT_EQ(x1.size(), x2.size());
  ASSERT_FALSE(x1.empty());
  for (std::size_t i = 0; i < x1.size(); ++i) {
    EXPECT_EQ(x1[i].cue.begin, x2[i].cue.begin);
    EXPECT_EQ(x1[i].source.has_value(), x2[i].source.has_value());
    EXPECT_EQ(x1[i].content.end, x2[i].content.end);
  }
  const status_detector sd;
  const auto m1 = sd.extract(t, spans), m2 = sd.extract(a);
  ASSERT_EQ(m1.size(), m2.size());
  ASSERT_FALSE(m1.empty());
  for (std::size_t i = 0; i < m1.size(); ++i) {
    EXPECT_EQ(m1[i].status, m2[i].status);
    EXPECT_EQ(m1[i].cue.begin, m2[i].cue.begin);
  }
  claim_tracker c1, c2;
  c1.add(0, t, spans, m1);
  c2.add(0, a, m2);
  ASSERT_EQ(c1.claims().size(), c2.claims().size());
  for (std::size_t i = 0; i < c1.claims().size(); ++i)
    EXPECT_EQ(c1.claims()[i].history.size(), c2.claims()[i].history.size());
}

}  // namespace
}  // namespace sitrep::facts
