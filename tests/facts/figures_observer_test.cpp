// Tests for sitrep/facts/figures_observer.hpp, on updates written for them.
#include "sitrep/facts/figures_observer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

sitrep::update make(std::string id, std::string text) {
  sitrep::update u;
  u.id = std::move(id);
  u.text = std::move(text);
  return u;
}

TEST(FiguresObserver, KeepsTheFiguresOfEachUpdateWithTheEnginesSentences) {
  auto e = sitrep::stream::engine::create({});
  ASSERT_TRUE(e);
  sitrep::facts::figures_observer figures;
  ASSERT_TRUE(e->attach(figures));
  ASSERT_TRUE(e->add(make("a", "Rescuers say 12 people died. Around 300 homes were flooded.")));
  ASSERT_TRUE(e->add(make("b", "")));
  ASSERT_TRUE(e->add(make("c", "No new figures today.")));
  ASSERT_TRUE(e->add(make("d", "Officials said another 4,000 troops will arrive.")));

  EXPECT_EQ(figures.updates(), 4u);
  ASSERT_EQ(figures.all().size(), 3u);
  const auto a = figures.of_update(0);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].value, 12);
  EXPECT_EQ(a[0].category, sitrep::facts::category::killed);
  EXPECT_EQ(a[1].value, 300);
  EXPECT_TRUE(figures.of_update(1).empty());
  EXPECT_TRUE(figures.of_update(2).empty());
  const auto d = figures.of_update(3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].value, 4000);
  EXPECT_EQ(d[0].category, sitrep::facts::category::personnel);
  const std::string& text = e->collection().updates()[3].text;
  EXPECT_EQ(text.substr(d[0].surface.begin, d[0].surface.size()), "another 4,000");
  EXPECT_TRUE(figures.of_update(99).empty());
  EXPECT_EQ(figures.update_of(0), 0u);
  EXPECT_EQ(figures.update_of(1), 0u);
  EXPECT_EQ(figures.update_of(2), 3u);
}

TEST(FiguresObserver, SameFiguresAsTheExtractorOnItsOwn) {
  const std::string text =
      "The ministry said 40 were injured. Up to 150 people are missing, and $2m was pledged.";
  auto e = sitrep::stream::engine::create({});
  ASSERT_TRUE(e);
  sitrep::facts::figures_observer figures;
  ASSERT_TRUE(e->attach(figures));
  ASSERT_TRUE(e->add(make("x", text)));
  const auto alone = sitrep::facts::extract_figures(text);
  const auto seen = figures.of_update(0);
  ASSERT_EQ(alone.size(), seen.size());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    EXPECT_EQ(alone[i].surface, seen[i].surface);
    EXPECT_EQ(alone[i].value, seen[i].value);
    EXPECT_EQ(alone[i].source, seen[i].source);
  }
}

TEST(FiguresObserver, GivenSentenceSpansAreCheckedNotTrusted) {
  const sitrep::facts::figure_extractor ex;
  const std::string text = "Five boats sank. 20 crew are missing.";
  const std::vector<sitrep::text::byte_span> bad = {{0, 16}, {5, 3}, {10, 2}, {17, 999}, {17, 37}};
  const auto figs = ex.extract(text, bad);
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].value, 5);
  EXPECT_EQ(figs[1].value, 20);
  EXPECT_TRUE(ex.extract(text, {}).empty());
}

}  // namespace
