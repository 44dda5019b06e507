#include "sitrep/stream/repeats.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/io/reader.hpp"
#include "sitrep/stream/engine.hpp"

namespace sitrep::stream {
namespace {

update make(std::string id, std::string text, std::string source = {}) {
  update u;
  u.id = std::move(id);
  u.text = std::move(text);
  u.source = std::move(source);
  return u;
}

engine feed(const std::vector<update>& updates, const repeat_options& o = {}) {
  engine::options eo;
  eo.repeats = o;
  auto e = engine::create(eo);
  EXPECT_TRUE(e.ok());
  for (const auto& u : updates) EXPECT_TRUE(e->add(u).ok());
  return std::move(e).value();
}

// Members of s's group, in arrival order.
std::vector<std::uint32_t> members(const repeats& r, std::size_t s) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t m = r.group(s); m != repeats::npos; m = r.next_member(m)) out.push_back(m);
  return out;
}

const std::vector<update> kWire = {
    make("1", "Gunmen stormed the Radisson Blu hotel in Bamako and took 170 hostages.", "Reuters"),
    make("2", "The weather in Paris was mild on Friday.", "AFP"),
    make("3", "Gunmen have stormed the Radisson Blu hotel in Bamako, taking 170 hostages.", "AFP"),
    make("4", "A football match in Lyon ended in a draw.", "BBC"),
    make("5", "Islamist gunmen stormed the Radisson Blu hotel in Bamako, holding 170 hostages.",
         "BBC"),
};

TEST(repeats, the_same_fact_from_three_sources_forms_one_group_in_arrival_order) {
  engine e = feed(kWire);
  const repeats& r = e.repeat_groups();
  ASSERT_EQ(r.size(), 5u);
  EXPECT_THAT(members(r, 4), ::testing::ElementsAre(0u, 2u, 4u));
  EXPECT_EQ(r.group(2), 0u);
  EXPECT_EQ(r.group(1), 1u);  // unrelated sentences stand alone
  EXPECT_EQ(r.group(3), 3u);
  EXPECT_EQ(r.nearest(0), repeats::npos);
  EXPECT_EQ(r.similarity(0), 0.0f);
  EXPECT_NE(r.nearest(2), repeats::npos);
  EXPECT_GT(r.similarity(2), 0.5f);
}

TEST(repeats, a_verbatim_copy_has_similarity_one_and_an_update_never_repeats_itself) {
  engine e = feed({make("a",
                        "Rebels seized the northern airport on Tuesday. Rebels seized the "
                        "northern airport on Tuesday."),
                   make("b", "Rebels seized the northern airport on Tuesday.")});
  const repeats& r = e.repeat_groups();
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r.group(1), 1u);  // the same words twice in one update: not a repeat
  EXPECT_EQ(r.nearest(1), repeats::npos);
  EXPECT_NEAR(r.similarity(2), 1.0, 1e-6);
  EXPECT_EQ(r.group(2), 0u);  // the tie goes to the first appearance
}

TEST(repeats, one_shared_name_is_not_a_repeat) {
  engine e = feed({make("a", "Troops reached Bamako on Friday evening after a long drive."),
                   make("b", "Bamako airport reopened to commercial flights this morning.")});
  EXPECT_EQ(e.repeat_groups().group(1), 1u);
}

TEST(repeats, a_denial_is_no_repeat_of_the_claim_it_denies) {
  engine e =
      feed({make("a", "Witnesses say a tanker moored at the depot caught fire this morning."),
            make("b", "The harbour authority says no tanker moored at the depot caught fire."),
            make("c", "A tanker moored at the depot caught fire this morning, witnesses say.")});
  const repeats& r = e.repeat_groups();
  EXPECT_EQ(r.group(1), 1u);
  EXPECT_EQ(r.group(2), 0u);
}

TEST(repeats, find_repeats_over_a_collection_groups_as_the_engine_does_here) {
  engine e = feed(kWire);
  repeats batch = find_repeats(e.collection());
  ASSERT_EQ(batch.size(), e.repeat_groups().size());
  for (std::size_t s = 0; s < batch.size(); ++s)
    EXPECT_EQ(batch.group(s), e.repeat_groups().group(s)) << s;
}

TEST(repeats, options_out_of_range_are_refused_by_the_engine) {
  engine::options o;
  o.repeats.group_similarity = 0;
  EXPECT_EQ(engine::create(o).error().code(), error_code::invalid_argument);
  o.repeats = {};
  o.repeats.min_cosine = 1.5;
  EXPECT_EQ(engine::create(o).error().code(), error_code::invalid_argument);
  o.repeats = {};
  o.repeats.probe_depth = 0;
  EXPECT_FALSE(engine::create(o).ok());
  EXPECT_TRUE(validate(repeat_options{}).is_ok());
}

// The seed: update 10 ("Cheadle also says that U.S. special forces are assisting at the hotel
// hostage situation") tells again what update 4 told ("US forces are assisting in the hotel
// hostage crisis"), and joins its group.
TEST(repeats, on_the_seed_update_10_repeats_update_4) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  io::read_stats stats;
  auto doc = io::read_file(seed, {}, stats);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  engine e = feed(doc->updates);
  const auto& c = e.collection();
  const auto& r = e.repeat_groups();
  const std::size_t u10 = c.first_sentence_of(9);
  EXPECT_EQ(r.group(u10), c.first_sentence_of(3));
  // Unrelated updates stay apart: the Paris death toll (18) repeats nothing from Bamako.
  EXPECT_EQ(r.group(c.first_sentence_of(17)), c.first_sentence_of(17));
}

}  // namespace
}  // namespace sitrep::stream
