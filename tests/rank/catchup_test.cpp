// The catch-up parts of the default method: how `auto` reads its input's shape (a single
// article, a timeline of dated entries, any other stream) and what each shape changes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "../../src/rank/auto_concepts.hpp"
#include "sitrep/rank/auto_summarizer.hpp"

namespace sitrep::rank {
namespace {

constexpr std::int64_t kHour = 3600, kDay = 24 * kHour;

// One update per text; update i at start + i * gap when `gap` is given, untimed otherwise.
vsm::collection make(const std::vector<std::string>& texts, std::optional<std::int64_t> gap) {
  auto c = vsm::collection::create({});
  EXPECT_TRUE(c.ok());
  std::size_t line = 0;
  for (const auto& t : texts) {
    update u;
    u.id = std::to_string(line);
    if (gap) u.unix_time = 1'262'304'000 + static_cast<std::int64_t>(line) * *gap;
    u.line = ++line;
    u.text = t;
    c->add(u);
  }
  return std::move(c).value();
}

const std::vector<std::string> kEntries = {
    "A strong earthquake strikes near the capital, destroying thousands of homes.",
    "Aid agencies fly doctors and tents into the damaged capital airport.",
    "The government declares a state of emergency in three provinces.",
    "Rescue teams pull survivors from a collapsed school in the old town.",
    "The United Nations launches an appeal for two billion dollars in aid.",
    "A powerful aftershock hits the coast and cuts the main road to the port.",
};

std::unique_ptr<auto_summarizer> make_auto(const auto_summarizer::options& o = {}) {
  auto s = auto_summarizer::create(o);
  EXPECT_TRUE(s.ok()) << s.error().message();
  return std::move(s).value();
}

TEST(Catchup, ShapeOfOneUpdateOfManySentencesIsAnArticle) {
  auto s = make_auto();
  auto article = make({"The storm made landfall on Tuesday night near the port city. Winds reached "
                       "two hundred kilometres an hour. Thousands of people fled inland. The port "
                       "was closed until further notice. Officials said damage was extensive."},
                      std::nullopt);
  EXPECT_EQ(s->shape_of(stream::view(article)), input_shape::article);
  auto short_update = make({"The storm made landfall. Thousands fled inland."}, std::nullopt);
  EXPECT_EQ(s->shape_of(stream::view(short_update)), input_shape::stream);
}

TEST(Catchup, ShapeOfShortEntriesDaysApartIsATimeline) {
  auto s = make_auto();
  EXPECT_EQ(s->shape_of(stream::view(make(kEntries, kDay))), input_shape::timeline);
  EXPECT_EQ(s->shape_of(stream::view(make(kEntries, 12 * kHour))), input_shape::timeline);
  // A live blog's posts come minutes apart; untimed entries have no gaps to read.
  EXPECT_EQ(s->shape_of(stream::view(make(kEntries, 10 * 60))), input_shape::stream);
  EXPECT_EQ(s->shape_of(stream::view(make(kEntries, std::nullopt))), input_shape::stream);
  // Long articles days apart are a cluster of articles, not a timeline.
  std::vector<std::string> articles;
  for (int a = 0; a < 3; ++a) {
    std::string text;
    for (const auto& e : kEntries) text += e + " ";
    articles.push_back(text);
  }
  EXPECT_EQ(s->shape_of(stream::view(make(articles, kDay))), input_shape::stream);
}

TEST(Catchup, TimelineSummaryCatchesUpWithTheLatestEntry) {
  // Every entry tells its development once; within one sentence the timeline's summary is the
  // newest entry.
  auto s = make_auto();
  auto timeline = make(kEntries, kDay);
  summary out = s->summarize(timeline, {budget_unit::sentences, 1});
  ASSERT_EQ(out.sentences.size(), 1u);
  EXPECT_EQ(out.sentences[0].sentence, timeline.sentence_count() - 1);
  // With room for more, the summary keeps the newest entry, in time order and within budget.
  summary more = s->summarize(timeline, {budget_unit::words, 40});
  ASSERT_GE(more.sentences.size(), 2u);
  std::size_t words = 0;
  for (std::size_t k = 0; k < more.sentences.size(); ++k) {
    if (k > 0) {
      EXPECT_LT(more.sentences[k - 1].sentence, more.sentences[k].sentence);
    }
    words += timeline.sentence(more.sentences[k].sentence).words;
  }
  EXPECT_LE(words, 40u);
  EXPECT_EQ(more.sentences.back().sentence, timeline.sentence_count() - 1);
}

TEST(Catchup, TimelineSummaryKeepsTheOriginWithTheLatest) {
  // Someone catching up needs what the story is (its first entry, however old) as well as where
  // it stands now: with room for two entries, the origin and the newest.
  auto s = make_auto();
  auto timeline = make(kEntries, kDay);
  summary out = s->summarize(timeline, {budget_unit::words, 28});
  ASSERT_EQ(out.sentences.size(), 2u);
  EXPECT_EQ(out.sentences[0].sentence, 0u);
  EXPECT_EQ(out.sentences[1].sentence, timeline.sentence_count() - 1);
  // Without the origin prior the same budget goes to the newest entries alone.
  auto_summarizer::options o;
  o.timeline_origin_bonus = 0;
  summary newest = make_auto(o)->summarize(timeline, {budget_unit::words, 28});
  ASSERT_FALSE(newest.sentences.empty());
  EXPECT_NE(newest.sentences[0].sentence, 0u);
}

TEST(Catchup, ArticleSummaryTakesTheLeadFirst) {
  auto s = make_auto();
  auto article =
      make({"Flooding forced ten thousand people from their homes in the river valley on Monday. "
            "The river rose two metres overnight after a week of heavy rain in the hills. "
            "Local schools were turned into shelters for the families forced from their homes. "
            "A farmer said he had never seen the river so high in forty years on the land. "
            "Forecasters expect more heavy rain in the hills later this week, and the river "
            "could rise again. "
            "Officials said the families forced from their homes would be housed until the "
            "river falls."},
           std::nullopt);
  ASSERT_EQ(s->shape_of(stream::view(article)), input_shape::article);
  summary out = s->summarize(article, {budget_unit::sentences, 1});
  ASSERT_EQ(out.sentences.size(), 1u);
  EXPECT_EQ(out.sentences[0].sentence, 0u);
}

TEST(Catchup, SentencesAsUnitsCountAConceptAnArticleReturnsTo) {
  auto article = make({"The dam burst near the village. Engineers had warned the dam was weak. "
                       "A storm hit the coast."},
                      std::nullopt);
  detail::concept_options o;
  o.position_boost = 0;
  o.unigram_weight = 1.0;
  o.min_support = 2;
  // One update: support counts updates, so with the threshold forced on by units nothing
  // but repeated concepts survives; per update, a lone update keeps every concept at 1.
  auto per_update = detail::build_concepts(article, o);
  o.sentences_as_units = true;
  auto per_sentence = detail::build_concepts(article, o);
  double dam_update = 0, dam_sentence = 0, storm_sentence = 0;
  for (auto k : per_update.of_sentence[0]) dam_update = std::max(dam_update, per_update.weight[k]);
  for (auto k : per_sentence.of_sentence[0])
    dam_sentence = std::max(dam_sentence, per_sentence.weight[k]);
  for (auto k : per_sentence.of_sentence[2])
    storm_sentence = std::max(storm_sentence, per_sentence.weight[k]);
  EXPECT_DOUBLE_EQ(dam_update, 1.0);      // one update: every concept once
  EXPECT_DOUBLE_EQ(dam_sentence, 2.0);    // "dam" in two sentences
  EXPECT_DOUBLE_EQ(storm_sentence, 0.0);  // told once: under the threshold of two
}

TEST(Catchup, SmoothRecencyFallsWithAge) {
  detail::concept_options o;
  o.position_decay = 0;  // no position prior
  o.recency_boost = 10;
  o.recency_decay = 0.1;
  o.newest_place = 0.9;
  EXPECT_DOUBLE_EQ(detail::occurrence_weight(o, 0, 0.9), 11.0);
  EXPECT_NEAR(detail::occurrence_weight(o, 0, 0.8), 1.0 + 10 * std::exp(-1.0), 1e-12);
  EXPECT_NEAR(detail::occurrence_weight(o, 0, 0.0), 1.0 + 10 * std::exp(-9.0), 1e-12);
}

TEST(Catchup, OptionsOutOfRangeAreRefused) {
  auto_summarizer::options o;
  o.article_lead_bonus = -1;
  EXPECT_FALSE(auto_summarizer::create(o).ok());
  o = {};
  o.timeline_recency_decay = std::nan("");
  EXPECT_FALSE(auto_summarizer::create(o).ok());
  o = {};
  o.timeline_min_support = 0;
  EXPECT_FALSE(auto_summarizer::create(o).ok());
  o = {};
  o.timeline_origin_bonus = -1;
  EXPECT_FALSE(auto_summarizer::create(o).ok());
  EXPECT_TRUE(auto_summarizer::create({}).ok());
}

}  // namespace
}  // namespace sitrep::rank
