// Properties every method must hold, checked for each id in the method table.
#include "sitrep/rank/summarizer.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "sitrep/text/tokenizer.hpp"

namespace sitrep::rank {
namespace {

vsm::collection stream() {
  auto c = vsm::collection::create({});
  EXPECT_TRUE(c.ok());
  const char* texts[] = {
      "Gunmen attacked the Radisson Blu hotel in Bamako on Friday morning. About 170 guests "
      "and staff were taken hostage, the hotel's owner said.",
      "Malian special forces entered the hotel and freed dozens of hostages. Gunmen attacked "
      "the Radisson Blu hotel in Bamako on Friday morning.",
      "The death toll rose to 27, according to the United Nations mission in Mali. French "
      "special forces were sent to support the operation.",
      "An Islamist group claimed responsibility for the attack, but the claim has not been "
      "verified. The siege lasted more than nine hours.",
      "Guests who could recite verses from the Koran were allowed to leave, a witness said. "
      "The United States said several Americans were among the guests.",
      "More soon.",
      "The government declared a ten-day state of emergency across Mali. Three days of national "
      "mourning were announced by the president.",
  };
  int i = 0;
  for (const char* t : texts) {
    update u;
    u.id = "u";  // not "u" + std::to_string(i): g++ 12 warns (-Wrestrict) on it, wrongly
    u.id += std::to_string(i);
    u.line = static_cast<std::size_t>(++i);
    u.text = t;
    c->add(u);
  }
  return std::move(c).value();
}

class EveryMethod : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryMethod, StaysWithinWordBudget) {
  auto c = stream();
  auto s = make_summarizer(GetParam());
  ASSERT_TRUE(s.ok());
  for (std::size_t limit : {15u, 40u, 60u, 100u}) {
    summary out = (*s)->summarize(c, {budget_unit::words, limit});
    EXPECT_LE(summary_cost(c, out, budget_unit::words), limit) << limit;
    EXPECT_FALSE(out.sentences.empty());
    EXPECT_EQ(out.method, GetParam());
  }
}

TEST_P(EveryMethod, StaysWithinByteAndSentenceBudgets) {
  auto c = stream();
  auto s = make_summarizer(GetParam());
  ASSERT_TRUE(s.ok());
  summary by_bytes = (*s)->summarize(c, {budget_unit::bytes, 300});
  EXPECT_LE(summary_cost(c, by_bytes, budget_unit::bytes), 300u);
  summary by_sentences = (*s)->summarize(c, {budget_unit::sentences, 2});
  EXPECT_EQ(by_sentences.sentences.size(), 2u);
}

TEST_P(EveryMethod, KeepsStreamOrderAndProvenance) {
  auto c = stream();
  auto s = make_summarizer(GetParam());
  ASSERT_TRUE(s.ok());
  summary out = (*s)->summarize(c, {budget_unit::words, 100});
  for (std::size_t k = 1; k < out.sentences.size(); ++k)
    EXPECT_LT(out.sentences[k - 1].sentence, out.sentences[k].sentence);
  for (const auto& pick : out.sentences) {
    const auto& rec = c.sentence(pick.sentence);
    const auto& u = c.updates()[rec.update];
    EXPECT_EQ(u.text.substr(rec.bytes.begin, rec.bytes.size()), selected_text(c, pick));
    EXPECT_EQ(pick.truncated_bytes, 0u);
  }
}

TEST_P(EveryMethod, NeverTwoSentencesThatRepeatEachOther) {
  auto c = stream();
  auto s = make_summarizer(GetParam());
  ASSERT_TRUE(s.ok());
  summary out = (*s)->summarize(c, {budget_unit::words, 200});
  std::set<std::string_view> texts;
  for (const auto& pick : out.sentences) EXPECT_TRUE(texts.insert(c.text(pick.sentence)).second);
  // The attack sentence appears twice (updates 0 and 1): at most one copy is chosen.
  int copies = 0;
  for (const auto& pick : out.sentences)
    copies += c.text(pick.sentence).starts_with("Gunmen attacked the Radisson");
  EXPECT_LE(copies, 1);
}

TEST_P(EveryMethod, NonEmptyEvenWhenNothingFits) {
  auto c = stream();
  auto s = make_summarizer(GetParam());
  ASSERT_TRUE(s.ok());
  summary out = (*s)->summarize(c, {budget_unit::words, 3});
  ASSERT_EQ(out.sentences.size(), 1u);
  EXPECT_LE(text::count_words(selected_text(c, out.sentences[0])), 3u);
}

TEST_P(EveryMethod, EmptyCollectionGivesEmptySummary) {
  auto c = vsm::collection::create({});
  auto s = make_summarizer(GetParam());
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE((*s)->summarize(*c, {}).sentences.empty());
}

TEST_P(EveryMethod, APartOfTheStreamGivesSentencesOfThatPartOnly) {
  auto c = stream();
  auto s = make_summarizer(GetParam());
  ASSERT_TRUE(s.ok());
  const stream::view part = stream::view(c).range(2, 5);
  summary out = (*s)->summarize(part, {budget_unit::words, 60});
  ASSERT_FALSE(out.sentences.empty());
  for (const auto& pick : out.sentences) {
    EXPECT_TRUE(part.contains_sentence(pick.sentence)) << pick.sentence;
    EXPECT_LE(pick.sentence, c.sentence_count());
  }
  EXPECT_TRUE((*s)->summarize(stream::view(c).since(c.updates().size()), {}).sentences.empty());
}

TEST_P(EveryMethod, NeverTwoMembersOfOneRepeatGroup) {
  auto c = stream();
  auto s = make_summarizer(GetParam());
  ASSERT_TRUE(s.ok());
  // Every sentence of updates 2, 3 and 4 is told to be one fact (a group): at most one is kept,
  // however different their words.
  std::vector<std::uint32_t> groups(c.sentence_count());
  for (std::size_t i = 0; i < groups.size(); ++i) groups[i] = static_cast<std::uint32_t>(i);
  const std::size_t first = c.first_sentence_of(2), end = c.first_sentence_of(5);
  for (std::size_t i = first; i < end; ++i) groups[i] = static_cast<std::uint32_t>(first);
  for (const stream::view& v : {stream::view(c, groups), stream::view(c, groups).range(1, 6)}) {
    summary out = (*s)->summarize(v, {budget_unit::words, 400});
    int members = 0;
    for (const auto& pick : out.sentences) members += pick.sentence >= first && pick.sentence < end;
    EXPECT_LE(members, 1);
  }
}

std::vector<std::string> ids() {
  std::vector<std::string> out;
  for (const auto& m : methods()) out.emplace_back(m.id);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Methods, EveryMethod, ::testing::ValuesIn(ids()),
                         [](const auto& info) { return info.param; });

TEST(MethodTable, DefaultIsListedFirstAndUnknownIdsFail) {
  ASSERT_FALSE(methods().empty());
  EXPECT_EQ(methods().front().id, default_method());
  auto bad = make_summarizer("nope");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code(), error_code::not_found);
  EXPECT_NE(bad.error().message().find("lexrank"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::rank
