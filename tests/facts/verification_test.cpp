// Tests for sitrep/facts/verification.hpp and statements_observer.hpp. The sentences of the
// tables were written for these tests; the seed case reads
// ../shared/examples/bamako-liveblog.txt and skips when it is absent.
#include "sitrep/facts/verification.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/facts/statements_observer.hpp"
#include "sitrep/stream/engine.hpp"

namespace {

using sitrep::facts::cue_kind;
using sitrep::facts::status_detector;
using sitrep::facts::verification;

std::string cut(std::string_view text, sitrep::text::byte_span s) {
  return std::string(text.substr(s.begin, s.size()));
}

struct mark_case {
  std::string_view text;
  std::string_view status;  // "" = no mark
  std::string_view cue;
};

const mark_case kMarks[] = {
    {"The militants are reportedly demanding a ransom.", "unverified", "reportedly"},
    {"Foreign nationals might be among the hostages.", "unverified", "might"},
    {"Two guards could have died in the blast.", "unverified", "could"},
    {"The claim has not yet been verified.", "unverified", "not yet been verified"},
    {"The group claimed responsibility for the attack.", "unverified", "claimed"},
    {"At least 20 people are believed dead.", "unverified", "believed"},
    {"The army denied that it had shelled the town.", "denied", "denied"},
    {"The story is denied by the Red Cross.", "denied", "is denied by the Red Cross"},
    {"Officials ruled out sabotage.", "denied", "ruled out"},
    {"It has emerged that the ferry was overloaded.", "confirmed", "It has emerged"},
    {"The coastguard confirmed that the crew was safe.", "confirmed", "confirmed"},
    {"The spill could become the worst on record.", "", ""},   // a forecast
    {"Oil may reach the shore by Friday.", "", ""},             // a forecast
    {"If the dam fails, the valley floods.", "", ""},           // a condition
    {"The fire started in May.", "", ""},                        // the month
    {"Six people were rescued.", "", ""},
};

TEST(StatusDetector, MarksUnverifiedDeniedAndConfirmedSentences) {
  const status_detector d;
  for (const auto& c : kMarks) {
    SCOPED_TRACE(std::string(c.text));
    const auto marks = d.extract(c.text);
    if (c.status.empty()) {
      for (const auto& m : marks) ADD_FAILURE() << to_string(m.status) << " " << cut(c.text, m.cue);
      continue;
    }
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(to_string(marks[0].status), c.status);
    EXPECT_EQ(cut(c.text, marks[0].cue), c.cue);
    EXPECT_EQ(marks[0].claim, marks[0].sentence);
  }
}

TEST(StatusDetector, HedgesIncludeConditionsQuestionsAndForecastsButNotClaims) {
  const status_detector d;
  EXPECT_EQ(d.hedges("If the dam fails, the valley floods.").at(0).kind, cue_kind::condition);
  EXPECT_EQ(d.hedges("Nobody knows whether the dam holds.").at(0).kind, cue_kind::question);
  EXPECT_EQ(d.hedges("Oil may reach the shore by Friday.").at(0).kind, cue_kind::forecast);
  EXPECT_TRUE(d.hedges("The group claimed the attack.").empty());
  EXPECT_TRUE(d.hedges("The army confirmed the toll.").empty());
  EXPECT_TRUE(d.hedges("As expected, the toll rose.").empty());
  EXPECT_TRUE(d.hedges("").empty());
}

TEST(StatusDetector, WouldBeIsAConditionalHedgeButNotAReportedFutureOrARefusal) {
  const status_detector d;
  EXPECT_EQ(d.hedges("The first option would be to wait.").at(0).kind, cue_kind::condition);
  EXPECT_EQ(d.hedges("That would not be a surprise.").at(0).kind, cue_kind::condition);
  EXPECT_TRUE(d.hedges("The flights would be delayed.").empty());
  EXPECT_TRUE(d.hedges("He would not comment.").empty());
  // A conditional hedge is not a status: no mark.
  EXPECT_TRUE(d.extract("The first option would be to wait.").empty());
  EXPECT_EQ(d.hedges("Analysts are predicting slower growth.").at(0).kind, cue_kind::forecast);
}

TEST(StatusDetector, AShortSentenceThatPointsBackMarksTheSentenceBefore) {
  const std::string_view text = "The group says it set the fire. The statement has not been verified.";
  const auto marks = status_detector{}.extract(text);
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(cut(text, marks[0].claim), "The group says it set the fire.");
  EXPECT_FALSE(marks[0].refers_back);
  const auto alone = status_detector{}.extract("The statement has not been verified.");
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_TRUE(alone[0].refers_back);
}

TEST(ClaimTracker, FollowsAClaimFromUnverifiedToConfirmed) {
  const status_detector d;
  sitrep::facts::claim_tracker tracker;
  const std::vector<std::string> updates = {
      "Officials said foreign tourists might be among the hostages held at the beach hotel.",
      "The navy sent two ships.",
      "It has emerged that foreign tourists were among the hostages at the beach hotel.",
  };
  for (std::size_t u = 0; u < updates.size(); ++u) {
    const sitrep::text::byte_span whole{0, updates[u].size()};
    const std::span<const sitrep::text::byte_span> spans(&whole, 1);
    tracker.add(u, updates[u], spans, d.extract(updates[u], spans));
  }
  ASSERT_EQ(tracker.claims().size(), 1u);
  const auto& c = tracker.claims()[0];
  EXPECT_EQ(c.update, 0u);
  EXPECT_EQ(c.status, verification::confirmed);
  ASSERT_EQ(c.history.size(), 2u);
  EXPECT_EQ(c.history[0].status, verification::unverified);
  EXPECT_EQ(c.history[1].update, 2u);
  EXPECT_EQ(tracker.claims_of_update(2), std::vector<std::size_t>{0});
  EXPECT_TRUE(tracker.claims_of_update(1).empty());
}

TEST(ClaimTracker, KeepsStoriesApartAndUnrelatedClaimsApart) {
  const status_detector d;
  sitrep::facts::claim_tracker tracker;
  const std::string a = "Rebels reportedly seized the northern airport at dawn.";
  const std::string b = "The army denied that rebels seized the northern airport.";
  const std::string c = "The bank reportedly cut its interest rate.";
  const sitrep::text::byte_span wa{0, a.size()}, wb{0, b.size()}, wc{0, c.size()};
  tracker.add(0, a, std::span(&wa, 1), d.extract(a), 0);
  tracker.add(1, b, std::span(&wb, 1), d.extract(b), 1);  // another story: a new claim
  tracker.add(2, c, std::span(&wc, 1), d.extract(c), 0);  // no shared words: a new claim
  ASSERT_EQ(tracker.claims().size(), 3u);
  EXPECT_EQ(tracker.claims()[0].history.size(), 1u);
  EXPECT_EQ(tracker.claims()[1].status, verification::denied);
}

sitrep::update make_update(std::string id, std::string text) {
  sitrep::update u;
  u.id = std::move(id);
  u.text = std::move(text);
  return u;
}

TEST(StatementsObserver, KeepsEachUpdatesItemsAndTheClaimsOverTime) {
  auto e = sitrep::stream::engine::create({});
  ASSERT_TRUE(e);
  sitrep::facts::statements_observer obs;
  ASSERT_TRUE(e->attach(obs));
  ASSERT_TRUE(e->add(make_update("a", "The group says it set the fire at the depot.")));
  ASSERT_TRUE(e->add(make_update("b", "The statement has not been verified.")));
  ASSERT_TRUE(e->add(make_update("c", "")));
  ASSERT_TRUE(e->add(make_update("d", "Police denied that the group set the fire at the depot.")));
  EXPECT_EQ(obs.updates(), 4u);
  const auto& texts = e->collection().updates();
  ASSERT_EQ(obs.attributions_of(0).size(), 1u);
  EXPECT_EQ(cut(texts[0].text, *obs.attributions_of(0)[0].speaker), "The group");
  EXPECT_EQ(obs.attributions_of(3)[0].update, 3u);
  EXPECT_TRUE(obs.attributions_of(2).empty());
  EXPECT_TRUE(obs.attributions_of(99).empty());
  ASSERT_EQ(obs.marks_of(1).size(), 1u);
  EXPECT_EQ(obs.marks_of(1)[0].update, 1u);
  const std::vector<std::size_t> some = {3, 1};
  const auto marks = obs.marks_of(some);
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].status, verification::denied);
  ASSERT_EQ(obs.claims().size(), 1u);
  const auto& c = obs.claims()[0];
  EXPECT_EQ(c.update, 0u);
  EXPECT_EQ(c.status, verification::denied);
  ASSERT_EQ(c.history.size(), 2u);
  EXPECT_EQ(c.history[0].update, 1u);
  EXPECT_EQ(c.history[1].update, 3u);
}

TEST(StatementsObserver, SeedMarksTheClaimsAndFollowsTheAmericans) {
  const std::filesystem::path seed =
      std::filesystem::path(SITREP_SHARED_DIR) / "examples" / "bamako-liveblog.txt";
  std::ifstream in(seed);
  if (!in) GTEST_SKIP() << seed << " is absent";
  auto e = sitrep::stream::engine::create({});
  ASSERT_TRUE(e);
  sitrep::facts::statements_observer obs;
  ASSERT_TRUE(e->attach(obs));
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      ASSERT_TRUE(e->add(make_update("seed:" + std::to_string(++n), line)));
    }
  }
  const auto& texts = e->collection().updates();
  bool mourabitoun = false, aqim = false, americans = false;
  for (const auto& c : obs.claims()) {
    const std::string claim = cut(texts[c.update].text, c.sentence);
    if (claim.starts_with("Al-Mourabitoun, a jihadist group") &&
        c.history.front().status == verification::unverified)
      mourabitoun = true;
    if (claim.find("Al-Qaeda in the Islamic Maghreb have reportedly claimed") != std::string::npos &&
        c.status == verification::unverified)
      aqim = true;
    if (claim.find("Americans \"might be present\"") != std::string::npos) {
      americans = c.status == verification::confirmed && c.history.size() == 2 &&
                  cut(texts[c.history[1].update].text, c.history[1].sentence).starts_with("It has emerged");
    }
  }
  EXPECT_TRUE(mourabitoun);
  EXPECT_TRUE(aqim);
  EXPECT_TRUE(americans);
}

}  // namespace
