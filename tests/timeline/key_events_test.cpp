#include "sitrep/timeline/key_events.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "sitrep/io/reader.hpp"

namespace sitrep::timeline {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

update make(std::string id, std::int64_t minute, std::string source, std::string text) {
  update u;
  u.id = std::move(id);
  u.unix_time = 1700000000 + minute * 60;
  u.time = "t+" + std::to_string(minute) + "min";
  u.source = std::move(source);
  u.text = std::move(text);
  return u;
}

// A stream written for these tests: a siege at a railway station, told by three sources.
std::vector<update> siege() {
  return {
      make("opener", 0, "desk",
           "Good morning and welcome to our live coverage. Stay with us for the latest."),
      make("attack", 12, "desk",
           "Gunmen stormed the central railway station in Tarnow on Monday morning and took at "
           "least 30 passengers hostage, the regional police chief said. Witnesses described "
           "hearing gunfire and two explosions near the ticket hall as commuters fled into the "
           "surrounding streets. Special police units have sealed off the area around the "
           "station, evacuated the neighbouring shopping centre and closed the main road to the "
           "airport. Rail services across the region have been suspended until further notice, "
           "the national operator said in a statement."),
      make("repeat", 14, "wire",
           "Gunmen stormed the central railway station in Tarnow on Monday morning and took at "
           "least 30 passengers hostage, police said."),
      make("aside", 15, "desk", "Our thoughts are with everyone in Tarnow this morning."),
      make("quote", 17, "desk",
           "\"We heard shots and everybody ran, it was chaos, I just ran,\" one commuter told us."),
      make("rescue", 55, "desk",
           "The siege is over. Special forces entered the station shortly after noon and freed 27 "
           "hostages, the interior minister announced at a press conference in the capital. "
           "Three hostages were killed and four officers were wounded in the assault, she said, "
           "adding that two attackers had been arrested and one was shot dead. The freed "
           "passengers were taken to the municipal hospital, where doctors said most were in a "
           "stable condition. Investigators are now searching the building for explosives."),
  };
}

TEST(timeline_key_event_options, DefaultsAreValidAndBadValuesAreRefused) {
  EXPECT_TRUE(validate({}).is_ok());
  key_event_options o;
  o.threshold = 1.0;
  EXPECT_FALSE(validate(o).is_ok());
  o = {};
  o.window = 0;
  EXPECT_FALSE(validate(o).is_ok());
  o = {};
  o.length_pivot = 0;
  EXPECT_FALSE(validate(o).is_ok());
  o = {};
  o.gap_weight = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(key_events::create(o).ok());
}

TEST(timeline_key_events, ANewDevelopmentIsAKeyEventItsRepeatIsNot) {
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  auto k = key_events::create({});
  ASSERT_TRUE(k.ok());
  ASSERT_TRUE(e->attach(*k).is_ok());
  for (auto& u : siege()) ASSERT_TRUE(e->add(std::move(u)).ok());
  ASSERT_EQ(k->size(), 6u);
  EXPECT_TRUE(k->decision(1).key) << "the attack, score " << k->decision(1).score;
  EXPECT_TRUE(k->decision(5).key) << "the rescue, score " << k->decision(5).score;
  EXPECT_FALSE(k->decision(2).key) << "a repeat of the attack, score " << k->decision(2).score;
  EXPECT_GT(k->decision(2).signals.repeat, 0.5) << "the repeat joined the attack's group";
  EXPECT_FALSE(k->decision(3).key) << "an aside";
  EXPECT_FALSE(k->decision(4).key) << "a quote, score " << k->decision(4).score;
  EXPECT_EQ(k->keys(), (std::vector<std::size_t>{1, 5}));
  for (const auto& d : k->decisions()) {
    EXPECT_GE(d.score, 0.0);
    EXPECT_LE(d.score, 1.0);
    EXPECT_EQ(d.key, d.score >= k->config().threshold);
  }
}

TEST(timeline_key_events, AWelcomePostIsNotAKeyEvent) {
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  auto k = key_events::create({});
  ASSERT_TRUE(k.ok());
  ASSERT_TRUE(e->attach(*k).is_ok());
  ASSERT_TRUE(e->add(siege()[0]).ok());
  ASSERT_TRUE(e->add(make("hello", 3, "desk",
                          "Hello and welcome to our live blog. We will be following the "
                          "events in Tarnow throughout the day, bringing you the latest."))
                  .ok());
  EXPECT_FALSE(k->decision(0).key);
  EXPECT_EQ(k->decision(0).signals.opener, 1.0);
  EXPECT_FALSE(k->decision(1).key);
  EXPECT_TRUE(k->timeline(*e).empty());
}

TEST(timeline_key_events, AnOpenerThatCarriesNewsIsJudgedOnItsNews) {
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  auto k = key_events::create({});
  ASSERT_TRUE(k.ok());
  ASSERT_TRUE(e->attach(*k).is_ok());
  update u = siege()[1];
  u.text = "Good morning and welcome to our live coverage. " + u.text;
  ASSERT_TRUE(e->add(std::move(u)).ok());
  EXPECT_EQ(k->decision(0).signals.opener, 0.0);
  EXPECT_TRUE(k->decision(0).key);
  // The sentence that says what happened is the news, not the greeting.
  auto t = k->timeline(*e);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_THAT(t[0].text, HasSubstr("Gunmen stormed"));
}

TEST(timeline_key_events, ShortPostsAreNeverKeyEvents) {
  key_event_options o;
  o.min_words = 8;
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  auto k = key_events::create(o);
  ASSERT_TRUE(k.ok());
  ASSERT_TRUE(e->attach(*k).is_ok());
  ASSERT_TRUE(e->add(make("a", 0, "x", "Breaking: explosion reported.")).ok());
  ASSERT_TRUE(e->add(make("b", 1, "x", "")).ok());
  EXPECT_EQ(k->decision(0).score, 0.0);
  EXPECT_FALSE(k->decision(1).key);
  EXPECT_EQ(k->decision(1).sentence, key_event_decision::npos);
}

TEST(timeline_key_events, AFigureThatChangesCountsAsNew) {
  auto second_score = [](const std::string& toll) {
    auto e = stream::engine::create({});
    auto k = key_events::create({});
    EXPECT_TRUE(e.ok() && k.ok());
    EXPECT_TRUE(e->attach(*k).is_ok());
    EXPECT_TRUE(e->add(siege()[1]).ok());
    EXPECT_TRUE(e->add(make("toll", 40, "desk",
                            "Hospital officials in Tarnow now put the number of people treated "
                            "for injuries at " +
                                toll +
                                ", most of them commuters hurt in the "
                                "crush as the station emptied."))
                    .ok());
    return k->decision(1);
  };
  const key_event_decision same = second_score("30");
  const key_event_decision changed = second_score("45");
  EXPECT_EQ(same.signals.figures, 0.0);
  EXPECT_GT(changed.signals.figures, 0.0);
  EXPECT_GT(changed.score, same.score);
}

TEST(timeline_query, ListsKeyEventsInTimeOrderWithTheirSentenceAndSources) {
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  auto k = key_events::create({});
  ASSERT_TRUE(k.ok());
  ASSERT_TRUE(e->attach(*k).is_ok());
  for (auto& u : siege()) ASSERT_TRUE(e->add(std::move(u)).ok());
  auto t = k->timeline(*e);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].update, 1u);
  EXPECT_EQ(t[1].update, 5u);
  EXPECT_LT(*t[0].unix_time, *t[1].unix_time);
  EXPECT_EQ(t[0].time, "t+12min");
  EXPECT_THAT(t[0].text, HasSubstr("took at least 30 passengers hostage"));
  EXPECT_THAT(t[1].text, HasSubstr("freed 27"));
  EXPECT_EQ(t[0].score, k->decision(1).score);
  // The wire repeated the attack's first sentence: both sources carried it.
  EXPECT_THAT(t[0].sources, Contains("desk"));
  EXPECT_THAT(t[0].sources, Contains("wire"));
  EXPECT_EQ(t[1].sources, std::vector<std::string>{"desk"});
}

// The timeline of some updates (a story's, or a refresh's last few): only the key events among
// them, in time order, whatever order they are asked in.
TEST(timeline_query, OfSomeUpdatesListsTheKeyEventsAmongThem) {
  std::vector<update> s = siege();
  s[5].unix_time = *s[1].unix_time - 600;
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  auto k = key_events::create({});
  ASSERT_TRUE(k.ok());
  ASSERT_TRUE(e->attach(*k).is_ok());
  for (auto& u : s) ASSERT_TRUE(e->add(std::move(u)).ok());
  const std::vector<std::size_t> some = {5, 0, 1, 1, 99};  // 0: not a key event; 99: none
  auto t = k->timeline(*e, some);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].update, 5u);
  EXPECT_EQ(t[1].update, 1u);
  const std::vector<std::size_t> one = {1};
  auto only = k->timeline(*e, one);
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].text, k->timeline(*e)[1].text);
  EXPECT_TRUE(k->timeline(*e, std::vector<std::size_t>{}).empty());
}

TEST(timeline_query, AnUpdateThatArrivesLateTakesItsPlaceByTime) {
  std::vector<update> s = siege();
  s[5].unix_time = *s[1].unix_time - 600;  // the rescue report is dated before the attack's
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  auto k = key_events::create({});
  ASSERT_TRUE(k.ok());
  ASSERT_TRUE(e->attach(*k).is_ok());
  for (auto& u : s) ASSERT_TRUE(e->add(std::move(u)).ok());
  auto t = k->timeline(*e);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].update, 5u);
  EXPECT_EQ(t[1].update, 1u);
}

TEST(timeline_key_events, DecisionsDoNotDependOnWhatComesLater) {
  std::vector<update> all = siege();
  std::vector<update> head(all.begin(), all.begin() + 3);
  auto e1 = stream::engine::create({});
  auto e2 = stream::engine::create({});
  ASSERT_TRUE(e1.ok() && e2.ok());
  auto k1 = key_events::create({});
  auto k2 = key_events::create({});
  ASSERT_TRUE(k1.ok() && k2.ok());
  ASSERT_TRUE(e1->attach(*k1).is_ok());
  ASSERT_TRUE(e2->attach(*k2).is_ok());
  for (auto& u : all) ASSERT_TRUE(e1->add(std::move(u)).ok());
  for (auto& u : head) ASSERT_TRUE(e2->add(std::move(u)).ok());
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(k1->decision(i).score, k2->decision(i).score);
    EXPECT_EQ(k1->decision(i).key, k2->decision(i).key);
  }
}

TEST(timeline_key_events, TheSharedSeedGivesASensibleTimeline) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  io::read_stats rs;
  auto doc = io::read_file(seed, {}, rs);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  auto k = key_events::create({});
  ASSERT_TRUE(k.ok());
  ASSERT_TRUE(e->attach(*k).is_ok());
  std::vector<std::string> texts;
  for (auto& u : doc->updates) {
    texts.push_back(u.text);
    ASSERT_TRUE(e->add(std::move(u)).ok());
  }
  auto find = [&](const std::string& needle) {
    for (std::size_t i = 0; i < texts.size(); ++i)
      if (texts[i].find(needle) != std::string::npos) return i;
    ADD_FAILURE() << "the seed has no line with " << needle;
    return std::size_t{0};
  };
  const std::size_t attack = find("gunmen attacked the luxury Radisson Blu");
  const std::size_t freed = find("among the 80 hostages freed");
  const std::size_t recovered = find("hostages who have been recovered");
  const std::size_t french = find("French special forces have reached");
  const std::size_t claim = find("saying that it was behind the attack");
  const std::size_t unverified = find("The statement has not yet been verified");
  EXPECT_TRUE(k->decision(attack).key) << k->decision(attack).score;
  EXPECT_TRUE(k->decision(freed).key || k->decision(recovered).key)
      << k->decision(freed).score << ' ' << k->decision(recovered).score;
  EXPECT_TRUE(k->decision(french).key) << k->decision(french).score;
  EXPECT_TRUE(k->decision(claim).key) << k->decision(claim).score;
  EXPECT_FALSE(k->decision(unverified).key) << k->decision(unverified).score;
  auto t = k->timeline(*e);
  // A timeline, not the whole stream.
  EXPECT_LT(t.size(), texts.size() * 3 / 4);
  EXPECT_GE(t.size(), 4u);
  for (std::size_t i = 1; i < t.size(); ++i) EXPECT_LT(t[i - 1].update, t[i].update);
  for (const auto& entry : t) EXPECT_FALSE(entry.text.empty());
}

}  // namespace
}  // namespace sitrep::timeline
