#include "sitrep/stream/view.hpp"

#include <gtest/gtest.h>

#include <string>

#include "sitrep/stream/engine.hpp"

namespace sitrep::stream {
namespace {

update make(std::string id, std::string text, std::optional<std::int64_t> t = std::nullopt) {
  update u;
  u.id = std::move(id);
  u.text = std::move(text);
  u.unix_time = t;
  if (t) u.time = std::to_string(*t);
  return u;
}

vsm::collection sample() {
  auto c = vsm::collection::create({});
  EXPECT_TRUE(c.ok());
  c->add(make("a", "One. Two.", 100));
  c->add(make("b", "", 200));        // no text: counted, no sentences
  c->add(make("c", "Three.", 150));  // stamped earlier than b: arrived late
  c->add(make("d", "Four. Five. Six.", std::nullopt));
  c->add(make("e", "Seven.", 300));
  return std::move(c).value();
}

TEST(view, the_whole_collection_and_ranges_of_it) {
  vsm::collection c = sample();
  view all(c);
  EXPECT_TRUE(all.whole());
  EXPECT_EQ(all.update_count(), 5u);
  EXPECT_EQ(all.sentence_count(), 7u);
  EXPECT_TRUE(all.groups().empty());
  EXPECT_EQ(all.repeat_groups(), nullptr);

  view mid = all.range(1, 4);
  EXPECT_FALSE(mid.whole());
  EXPECT_EQ(mid.first_update(), 1u);
  EXPECT_EQ(mid.end_update(), 4u);
  EXPECT_EQ(mid.first_sentence(), 2u);
  EXPECT_EQ(mid.end_sentence(), 6u);
  EXPECT_TRUE(mid.contains_sentence(2));
  EXPECT_FALSE(mid.contains_sentence(6));
  // Cutting twice narrows; a cut outside the view is clamped to it.
  EXPECT_EQ(mid.since(0).first_update(), 1u);
  EXPECT_EQ(mid.until(99).end_update(), 4u);
  EXPECT_EQ(mid.since(3).update_count(), 1u);
  EXPECT_EQ(all.until(0).sentence_count(), 0u);
  EXPECT_EQ(all.since(5).update_count(), 0u);
}

TEST(view, positions_by_id_and_by_the_streams_clock) {
  vsm::collection c = sample();
  EXPECT_EQ(*view::position_after(c, "a"), 1u);
  EXPECT_EQ(*view::position_after(c, "e"), 5u);
  EXPECT_EQ(view::position_after(c, "zz").error().code(), error_code::not_found);
  // Clock: a 100, b 200, c 200 (stamped 150, arrived after b), d 200 (no time), e 300.
  EXPECT_EQ(view::position_after_time(c, 99), 0u);
  EXPECT_EQ(view::position_after_time(c, 100), 1u);
  EXPECT_EQ(view::position_after_time(c, 150), 1u);  // c is new to whoever looked at 150
  EXPECT_EQ(view::position_after_time(c, 200), 4u);
  EXPECT_EQ(view::position_after_time(c, 1000), 5u);
}

TEST(view, a_view_of_an_engine_carries_its_repeat_groups) {
  auto e = engine::create({});
  ASSERT_TRUE(e.ok());
  ASSERT_TRUE(e->add(make("1", "Rebels seized the northern airport on Tuesday.")).ok());
  ASSERT_TRUE(e->add(make("2", "Rebels seized the northern airport on Tuesday.")).ok());
  view v(*e);
  ASSERT_EQ(v.groups().size(), 2u);
  EXPECT_EQ(v.groups()[1], 0u);
  EXPECT_EQ(v.repeat_groups(), &e->repeat_groups());
  EXPECT_EQ(v.since(1).groups().size(), 2u);  // indexed by stream sentence, whatever the cut
}

}  // namespace
}  // namespace sitrep::stream
