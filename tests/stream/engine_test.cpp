#include "sitrep/stream/engine.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "sitrep/io/reader.hpp"

namespace sitrep::stream {
namespace {

using ::testing::ElementsAre;

update make(std::string id, std::string text) {
  update u;
  u.id = std::move(id);
  u.text = std::move(text);
  return u;
}

struct recorder : observer {
  std::string name;
  std::vector<std::string>* log = nullptr;
  std::vector<sentence_range> seen;
  void on_add(const engine& e, const sentence_range& added) override {
    // The engine's own indexes are current when an observer is called.
    EXPECT_EQ(e.size(), added.update + 1);
    EXPECT_EQ(e.collection().sentence_count(), added.last);
    log->push_back(name + ":" + std::to_string(added.update));
    seen.push_back(added);
  }
};

TEST(engine, observers_are_called_in_attach_order_with_each_range) {
  auto e = engine::create({});
  ASSERT_TRUE(e.ok());
  std::vector<std::string> log;
  recorder first, second;
  first.name = "stories", first.log = &log;
  second.name = "facts", second.log = &log;
  ASSERT_TRUE(e->attach(first).is_ok());
  ASSERT_TRUE(e->attach(second).is_ok());

  auto a = e->add(make("a", "Gunmen attacked the hotel. Hostages were taken."));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->update, 0u);
  EXPECT_EQ(a->first, 0u);
  EXPECT_EQ(a->last, 2u);
  auto b = e->add(make("b", ""));  // a post without text: added, no sentences
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->empty());
  EXPECT_EQ(b->first, 2u);
  auto c = e->add(make("c", "Troops reached the hotel."));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->first, 2u);
  EXPECT_EQ(c->last, 3u);

  EXPECT_THAT(log, ElementsAre("stories:0", "facts:0", "stories:1", "facts:1", "stories:2",
                               "facts:2"));
  EXPECT_EQ(first.seen.size(), 3u);
  EXPECT_EQ(e->size(), 3u);
}

TEST(engine, attaching_after_the_first_update_is_refused) {
  auto e = engine::create({});
  ASSERT_TRUE(e.ok());
  ASSERT_TRUE(e->add(make("a", "One.")).ok());
  recorder late;
  std::vector<std::string> log;
  late.log = &log;
  const status s = e->attach(late);
  EXPECT_EQ(s.code(), error_code::invalid_argument);
}

TEST(engine, invalid_utf8_is_refused_and_changes_nothing) {
  auto e = engine::create({});
  ASSERT_TRUE(e.ok());
  ASSERT_TRUE(e->add(make("a", "One sentence.")).ok());
  auto bad = e->add(make("b", "caf\xC3 au lait"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code(), error_code::invalid_argument);
  EXPECT_THAT(bad.error().message(), ::testing::HasSubstr("update b"));
  EXPECT_EQ(e->size(), 1u);
  EXPECT_EQ(e->collection().sentence_count(), 1u);
}

TEST(engine, an_unknown_language_is_refused_at_creation) {
  engine::options o;
  o.space.analysis.language = "klingon";
  EXPECT_FALSE(engine::create(o).ok());
}

// The postings agree with a brute-force scan of the collection, and the engine's collection is
// the one a batch build gives, on the shared example stream (or a small built-in one).
TEST(engine, postings_match_a_scan_and_the_collection_matches_a_batch_build) {
  std::vector<update> updates;
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (std::filesystem::exists(seed)) {
    io::read_stats stats;
    auto doc = io::read_file(seed, {}, stats);
    ASSERT_TRUE(doc.ok()) << doc.error().message();
    updates = doc->updates;
  } else {
    updates = {make("1", "Gunmen attacked the Radisson Blu hotel in Bamako."),
               make("2", "About 170 people were taken hostage at the hotel."),
               make("3", "Malian troops stormed the hotel. Hostages were freed.")};
  }
  auto e = engine::create({});
  ASSERT_TRUE(e.ok());
  auto batch = vsm::collection::create({});
  ASSERT_TRUE(batch.ok());
  for (const auto& u : updates) {
    ASSERT_TRUE(e->add(u).ok());
    batch->add(u);
  }
  const vsm::collection& c = e->collection();
  ASSERT_EQ(c.sentence_count(), batch->sentence_count());
  for (std::size_t i = 0; i < c.sentence_count(); ++i) {
    EXPECT_TRUE(std::ranges::equal(c.sentence(i).terms, batch->sentence(i).terms));
    EXPECT_EQ(c.text(i), batch->text(i));
  }
  for (vsm::term_id t = 0; t < c.vocab().size(); ++t) {
    std::vector<std::uint32_t> scan;
    for (std::size_t i = 0; i < c.sentence_count(); ++i) {
      const auto& terms = c.sentence(i).terms;
      if (std::find(terms.begin(), terms.end(), t) != terms.end()) {
        scan.push_back(static_cast<std::uint32_t>(i));
      }
    }
    const auto listed = e->term_postings().of(t);
    EXPECT_EQ(std::vector<std::uint32_t>(listed.begin(), listed.end()), scan)
        << c.vocab().term(t);
  }
}

}  // namespace
}  // namespace sitrep::stream

namespace sitrep::stream {
namespace {

TEST(engine, a_substream_holds_copies_of_the_chosen_updates_under_the_same_options) {
  engine::options opts;
  opts.repeats.group_similarity = 0.6;
  auto e = engine::create(opts);
  ASSERT_TRUE(e);
  ASSERT_TRUE(e->add(make("a", "Gunmen stormed the hotel in Bamako.")));
  ASSERT_TRUE(e->add(make("b", "The Paris death toll rose to 130.")));
  ASSERT_TRUE(e->add(make("c", "Hostages were freed from the hotel in Bamako.")));
  const std::vector<std::size_t> story{0, 2};
  auto part = substream(*e, story);
  ASSERT_TRUE(part);
  ASSERT_EQ(part->size(), 2u);
  EXPECT_EQ(part->collection().updates()[0].id, "a");
  EXPECT_EQ(part->collection().updates()[1].id, "c");
  EXPECT_EQ(part->config().repeats.group_similarity, 0.6);
  // The original is untouched.
  EXPECT_EQ(e->size(), 3u);
  EXPECT_EQ(e->collection().updates()[1].text, "The Paris death toll rose to 130.");

  const std::vector<std::size_t> unordered{2, 0};
  EXPECT_FALSE(substream(*e, unordered));
  const std::vector<std::size_t> past{3};
  EXPECT_FALSE(substream(*e, past));
  EXPECT_EQ(substream(*e, {})->size(), 0u);
}

}  // namespace
}  // namespace sitrep::stream
