// Stream-first: a stream fed one update at a time, with a report built after every update (as
// `sitrep watch` does), ends with the same report as the same stream read whole and reported
// once, on the shared seed, the bundled timed example, and that example with its times shuffled.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "sitrep/io/reader.hpp"
#include "sitrep/rank/summarizer.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/report/writer.hpp"
#include "sitrep/stream/engine.hpp"

namespace sitrep::report {
namespace {

std::vector<update> read(const std::string& path) {
  io::read_stats stats;
  auto doc = io::read_file(path, {}, stats);
  EXPECT_TRUE(doc.ok()) << path;
  return doc.ok() ? doc->updates : std::vector<update>{};
}

std::string report_json(const stream::engine& e, const rank::summarizer& s,
                        std::optional<std::size_t> since = std::nullopt) {
  const stream::view all(e);
  situation_report r = build_report(all, s.summarize(all, {}));
  if (since)
    add_new_since(r, all.since(*since), "cut", s.summarize(all.since(*since).as_news(), {}));
  return write_report(r, output_format::json);
}

void expect_live_equals_batch(const std::vector<update>& updates) {
  ASSERT_FALSE(updates.empty());
  auto s = rank::make_summarizer(rank::default_method());
  ASSERT_TRUE(s.ok());
  auto batch = stream::engine::create({});
  ASSERT_TRUE(batch.ok());
  for (const auto& u : updates) ASSERT_TRUE(batch->add(u).ok());
  const std::size_t cut = updates.size() / 2;
  const std::string whole = report_json(*batch, **s);
  const std::string whole_since = report_json(*batch, **s, cut);

  auto live = stream::engine::create({});
  ASSERT_TRUE(live.ok());
  std::string last;
  for (const auto& u : updates) {
    ASSERT_TRUE(live->add(u).ok());
    last = report_json(*live, **s);  // a refresh after every update
  }
  EXPECT_EQ(last, whole);
  EXPECT_EQ(report_json(*live, **s, cut), whole_since);
  // Groups too, sentence by sentence.
  EXPECT_TRUE(
      std::equal(live->repeat_groups().groups().begin(), live->repeat_groups().groups().end(),
                 batch->repeat_groups().groups().begin(), batch->repeat_groups().groups().end()));
}

TEST(Equivalence, TheSharedSeedFedOneByOneEndsAsTheBatch) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  expect_live_equals_batch(read(seed));
}

TEST(Equivalence, TheBundledTimedExampleFedOneByOneEndsAsTheBatch) {
  expect_live_equals_batch(read(SITREP_SOURCE_DIR "/examples/harbour-fire.jsonl"));
}

TEST(Equivalence, ShuffledTimesChangeNothingOfTheEquivalence) {
  std::vector<update> updates = read(SITREP_SOURCE_DIR "/examples/harbour-fire.jsonl");
  ASSERT_FALSE(updates.empty());
  std::vector<std::pair<std::string, std::optional<std::int64_t>>> times;
  for (const auto& u : updates) times.emplace_back(u.time, u.unix_time);
  std::mt19937 rng(20151120);
  std::shuffle(times.begin(), times.end(), rng);
  for (std::size_t i = 0; i < updates.size(); ++i)
    std::tie(updates[i].time, updates[i].unix_time) = times[i];
  expect_live_equals_batch(updates);
}

}  // namespace
}  // namespace sitrep::report
