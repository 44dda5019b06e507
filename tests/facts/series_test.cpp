// Tests for sitrep/facts/series.hpp. The updates are written for these tests, except the
// seed's, read from ../shared when it is there.
#include "sitrep/facts/series.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/update.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/stream/stories.hpp"

namespace {

using sitrep::facts::category;
using sitrep::facts::figure_series;
using sitrep::facts::figures_observer;
using sitrep::facts::series;
using sitrep::facts::series_head;
using sitrep::facts::series_options;

struct head_case {
  std::string_view counted;
  category cat;
  std::string_view head;
};

TEST(SeriesHead, TheNounOfTheCountedPhrase) {
  for (const head_case& c : {
           head_case{"people had died", category::killed, "people"},
           head_case{"death toll", category::killed, "people"},
           head_case{"bodies were recovered", category::killed, "people"},
           head_case{"", category::injured, "people"},
           head_case{"U.S. citizens are", category::freed, "us citizen"},
           head_case{"hostages freed from the hotel", category::freed, "hostage"},
           head_case{"elite armed French police officers are", category::personnel, "officer"},
           head_case{"of the men are forensic", category::personnel, "man"},
           head_case{"barrels of oil a day", category::quantity, "barrel"},
           head_case{"more soldiers", category::personnel, "soldier"},
           head_case{"casualties", category::injured, "people"},
           head_case{"families fleeing the floods", category::displaced, "family"},
       }) {
    EXPECT_EQ(series_head(c.counted, c.cat), c.head) << c.counted;
  }
}

TEST(Series, OptionsAreValidated) {
  figures_observer figs;
  series_options bad;
  bad.conflict_window_seconds = 0;
  EXPECT_FALSE(series::create(figs, nullptr, bad));
  bad = {};
  bad.recency_floor = 2;
  EXPECT_FALSE(series::create(figs, nullptr, bad));
  bad = {};
  bad.weights[0] = -1;
  EXPECT_FALSE(series::create(figs, nullptr, bad));
  EXPECT_TRUE(series::create(figs, nullptr, {}));
}

// A small stream through an engine with figures and series attached (no story tracker: one
// story). Each row: time (seconds after 10:00), publisher, text.
struct row {
  int minute;
  std::string_view source, text;
};

class stream_fixture {
 public:
  explicit stream_fixture(const std::vector<row>& rows, series_options o = {}) {
    auto e = sitrep::stream::engine::create({});
    EXPECT_TRUE(e);
    engine_.emplace(std::move(*e));
    auto s = series::create(figures_, nullptr, o);
    EXPECT_TRUE(s);
    series_.emplace(std::move(*s));
    EXPECT_TRUE(engine_->attach(figures_).is_ok());
    EXPECT_TRUE(engine_->attach(*series_).is_ok());
    for (const row& r : rows) {
      sitrep::update u;
      u.text = std::string(r.text);
      u.source = std::string(r.source);
      u.unix_time = 1'700'000'000 + r.minute * 60;
      EXPECT_TRUE(engine_->add(std::move(u)));
    }
  }
  const series& s() const { return *series_; }
  // The series of that category and head; fails the test when there is none.
  const figure_series& find(category c, std::string_view head) const {
    for (const auto& fs : series_->all())
      if (fs.category == c && fs.head == head) return fs;
    ADD_FAILURE() << "no series " << to_string(c) << "/" << head;
    static const figure_series none;
    return none;
  }

 private:
  figures_observer figures_;
  std::optional<sitrep::stream::engine> engine_;
  std::optional<series> series_;
};

std::vector<double> values(const figure_series& fs) {
  std::vector<double> v;
  for (const auto& s : fs.steps) v.push_back(s.value);
  return v;
}

TEST(Series, ATollRisingIsOneSeriesInTimeOrderWithRepeatsCollapsed) {
  stream_fixture f({
      {0, "Wire A", "At least 12 people were killed in the blast, police said."},
      {20, "Wire B", "The death toll has risen to 15, police said."},
      {25, "Wire C", "Police said 15 people died."},
      {40, "Wire A", "The death toll has risen from 15 to 17, the health ministry said."},
      {50, "Wire B", "Rescuers pulled 40 survivors from the rubble."},
  });
  const auto& toll = f.find(category::killed, "people");
  EXPECT_EQ(values(toll), (std::vector<double>{12, 15, 17}));
  ASSERT_EQ(toll.steps.size(), 3u);
  EXPECT_EQ(toll.steps[0].qualifier, sitrep::facts::qualifier::at_least);
  EXPECT_EQ(toll.steps[1].reports, 3u);  // 15 three times in a row: one step
  EXPECT_EQ(toll.steps[1].update, 1u);
  EXPECT_EQ(toll.steps[1].source, "police");
  EXPECT_EQ(toll.steps[2].source, "the health ministry");
  EXPECT_EQ(toll.steps[2].time, 1'700'000'000 + 40 * 60);
  EXPECT_TRUE(toll.conflicts.empty());  // 12 at least, then 15, 17: no two disagree in time
  EXPECT_EQ(toll.updates, 4u);
  EXPECT_EQ(toll.figures, 5u);
  // Survivors are another series; the toll ranks first.
  const std::vector<std::size_t> all{0, 1, 2, 3, 4};
  const auto top = f.s().of_updates(all, 5);
  ASSERT_GE(top.size(), 2u);
  EXPECT_EQ(f.s().all()[top[0]].category, category::killed);
  EXPECT_EQ(f.s().of_story(0, 10).size(), top.size());
}

TEST(Series, TwoSourcesDisagreeingAtTheSameTimeAreAConflict) {
  stream_fixture f({
      {0, "", "Thirty people were injured, the governor said."},
      {10, "", "The hospital said 45 people were injured."},
      {15, "", "The governor said 30 people were injured."},
  });
  const auto& hurt = f.find(category::injured, "people");
  EXPECT_EQ(values(hurt), (std::vector<double>{30, 45, 30}));
  ASSERT_EQ(hurt.conflicts.size(), 2u);  // 30 (governor) vs 45 (hospital), both ways
  EXPECT_EQ(hurt.conflicts[0], (std::pair<std::size_t, std::size_t>{0, 1}));
  EXPECT_EQ(hurt.conflicts[1], (std::pair<std::size_t, std::size_t>{1, 2}));
}

TEST(Series, ACorrectionByTheSameSourceOrOutsideTheWindowIsNoConflict) {
  stream_fixture f({
      {0, "", "The governor said 30 people were injured."},
      {10, "", "The governor said 34 people were injured."},
      {20, "", "The hospital said 34 people were injured."},
      {300, "", "The hospital said 50 people were injured."},
  });
  const auto& hurt = f.find(category::injured, "people");
  EXPECT_EQ(values(hurt), (std::vector<double>{30, 34, 50}));
  EXPECT_TRUE(hurt.conflicts.empty());
  // "More than 40" and "about 45" agree; "more than 40" and "30" do not.
  stream_fixture g({
      {0, "", "The governor said more than 40 people were injured."},
      {5, "", "The hospital said about 45 people were injured."},
      {6, "", "The mayor said 30 people were injured."},
  });
  const auto& h2 = g.find(category::injured, "people");
  ASSERT_EQ(h2.conflicts.size(), 2u);
  for (const auto& c : h2.conflicts) EXPECT_EQ(c.second, 2u);
}

TEST(Series, AnUnknownSourceConflictsWithNobody) {
  stream_fixture f({
      {0, "", "Thirty people were injured."},
      {5, "", "The hospital said 45 people were injured."},
  });
  EXPECT_TRUE(f.find(category::injured, "people").conflicts.empty());
}

TEST(Series, AnUpdateStampedEarlierGoesInTimeOrder) {
  stream_fixture f({
      {30, "", "The governor said 34 people were injured."},
      {10, "", "The governor said 30 people were injured."},
  });
  const auto& hurt = f.find(category::injured, "people");
  EXPECT_EQ(values(hurt), (std::vector<double>{30, 34}));
  EXPECT_EQ(hurt.steps[0].update, 1u);
}

TEST(Series, WithAStoryTrackerEachStoryHasItsOwnSeries) {
  auto e = sitrep::stream::engine::create({});
  ASSERT_TRUE(e);
  auto tracker = sitrep::stream::stories::create({});
  ASSERT_TRUE(tracker);
  figures_observer figs;
  auto s = series::create(figs, &*tracker, {});
  ASSERT_TRUE(s);
  ASSERT_TRUE(e->attach(*tracker).is_ok());
  ASSERT_TRUE(e->attach(figs).is_ok());
  ASSERT_TRUE(e->attach(*s).is_ok());
  for (std::string_view t : {"Floods in the Rhone valley killed 12 people, officials said.",
                             "The Rhone valley floods have now killed 14 people, officials said."}) {
    sitrep::update u;
    u.text = std::string(t);
    ASSERT_TRUE(e->add(std::move(u)));
  }
  const auto ids = s->of_story(tracker->story_of(1), 5);
  ASSERT_FALSE(ids.empty());
  std::size_t steps = 0;
  for (auto id : ids) steps += s->all()[id].steps.size();
  EXPECT_GE(steps, 1u);
  EXPECT_TRUE(s->of_story(12345, 5).empty());
}

// The header's example, with a stream written here and a string stream for std::cout.
TEST(Series, TheHeadersExample) {
  std::vector<sitrep::update> updates(2);
  updates[0].text = "The death toll has risen to 129, the prime minister said.";
  updates[1].text = "The death toll has risen from 129 to 130, the prime minister said.";
  std::ostringstream out;
  auto e = sitrep::stream::engine::create({});
  auto stories = sitrep::stream::stories::create({});
  sitrep::facts::figures_observer figures;
  auto s = sitrep::facts::series::create(figures, &*stories, {});
  ASSERT_TRUE(e && stories && s);
  ASSERT_TRUE(e->attach(*stories).is_ok());
  ASSERT_TRUE(e->attach(figures).is_ok());
  ASSERT_TRUE(e->attach(*s).is_ok());
  for (auto& u : updates) ASSERT_TRUE(e->add(std::move(u)));
  for (std::size_t id : s->of_story(stories->story_of(0), 5)) {
    const auto& fs = s->all()[id];
    out << fs.label << ":";
    for (const auto& st : fs.steps) out << " " << st.value;
    for (const auto& c : fs.conflicts)
      out << " (" << fs.steps[c.first].source << " vs " << fs.steps[c.second].source << ")";
  }
  EXPECT_EQ(out.str(), "death toll: 129 130");
}

// The seed: "The death toll from last week's Paris attacks has risen from 129 to 130" is one
// killed series 129 -> 130 from one source, with no conflict.
TEST(Series, TheSeedsTollIsASeries) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  std::ifstream in(seed);
  std::vector<row> rows;
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  for (const auto& l : lines) rows.push_back({static_cast<int>(rows.size()), "", l});
  stream_fixture f(rows);
  const auto& toll = f.find(category::killed, "people");
  EXPECT_EQ(values(toll), (std::vector<double>{129, 130}));
  EXPECT_EQ(toll.steps[0].source, "France's Prime Minister");
  EXPECT_TRUE(toll.conflicts.empty());
  EXPECT_EQ(toll.label, "death toll");
  // "Six U.S. citizens" and "80 hostages" freed are two series, not a conflict.
  EXPECT_EQ(values(f.find(category::freed, "us citizen")), (std::vector<double>{6}));
  EXPECT_EQ(values(f.find(category::freed, "hostage")), (std::vector<double>{80}));
  std::vector<std::size_t> all(rows.size());
  std::iota(all.begin(), all.end(), 0);
  const auto top = f.s().of_updates(all, 3);
  ASSERT_FALSE(top.empty());
  EXPECT_EQ(f.s().all()[top[0]].category, category::killed);
}

}  // namespace
