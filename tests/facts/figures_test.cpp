// Tests for sitrep/facts/figures.hpp. Every sentence here was written for these tests.
#include "sitrep/facts/figures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using sitrep::facts::category;
using sitrep::facts::figure;
using sitrep::facts::figure_extractor;
using sitrep::facts::qualifier;

std::string surface(std::string_view text, const figure& f) {
  return std::string(text.substr(f.surface.begin, f.surface.size()));
}

std::string source(std::string_view text, const figure& f) {
  return f.source ? std::string(text.substr(f.source->begin, f.source->size())) : std::string();
}

std::string counted(std::string_view text, const figure& f) {
  return std::string(text.substr(f.counted.begin, f.counted.size()));
}

std::vector<double> values(std::string_view text) {
  std::vector<double> out;
  for (const auto& f : sitrep::facts::extract_figures(text)) out.push_back(f.value);
  return out;
}

// One figure expected in the text.
struct single_case {
  std::string_view text;
  std::string_view surface;
  double value;
  qualifier qual;
  category cat;
};

class single_figure : public ::testing::TestWithParam<single_case> {};

TEST_P(single_figure, ValueQualifierCategory) {
  const auto& c = GetParam();
  const auto figs = sitrep::facts::extract_figures(c.text);
  ASSERT_EQ(figs.size(), 1u) << c.text;
  EXPECT_EQ(surface(c.text, figs[0]), c.surface) << c.text;
  EXPECT_NEAR(figs[0].value, c.value, std::fabs(c.value) * 1e-9) << c.text;
  EXPECT_EQ(figs[0].qualifier, c.qual) << c.text;
  EXPECT_EQ(figs[0].category, c.cat) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Figures, single_figure,
    ::testing::Values(
        single_case{"Paris sent 50 French officers to the border town.", "50", 50, qualifier::exact,
                    category::personnel},
        single_case{"Soldiers stormed the compound and 80 hostages were freed.", "80", 80,
                    qualifier::exact, category::freed},
        single_case{"The embassy confirmed that six U.S. citizens were detained at the airport.",
                    "six", 6, qualifier::exact, category::arrested},
        single_case{"More than 2,300 people died in the landslide.", "More than 2,300", 2300,
                    qualifier::at_least, category::killed},
        single_case{"The storm left up to 150 residents missing.", "up to 150", 150,
                    qualifier::at_most, category::missing},
        single_case{"Nearly 40 passengers were hurt when the ferry capsized.", "Nearly 40", 40,
                    qualifier::at_most, category::injured},
        single_case{"About 12,500 villagers were evacuated from the valley.", "About 12,500", 12500,
                    qualifier::approx, category::displaced},
        single_case{"The bank agreed to pay $562m to settle the case.", "$562m", 562e6,
                    qualifier::exact, category::money},
        single_case{"The fund has grown to $2.35 bn this week.", "$2.35 bn", 2.35e9,
                    qualifier::exact, category::money},
        single_case{"Investors lost £27bn in a single morning.", "£27bn", 27e9, qualifier::exact,
                    category::money},
        single_case{"The tanker carried 4.4m barrels of crude.", "4.4m barrels", 4.4e6,
                    qualifier::exact, category::quantity},
        single_case{"The town lies 84km north of the capital.", "84km", 84, qualifier::exact,
                    category::quantity},
        single_case{"Shares fell 19% in early trading.", "19%", 19, qualifier::exact,
                    category::other},
        single_case{"Roughly three-quarters of the crop was lost.", "Roughly three-quarters", 0.75,
                    qualifier::approx, category::other},
        single_case{"Only a fifth of the homes have power.", "Only a fifth", 0.2, qualifier::exact,
                    category::other},
        single_case{"Dozens of fishing boats joined the search.", "Dozens", 12, qualifier::approx,
                    category::quantity},
        single_case{"Scores of volunteers arrived at dawn.", "Scores", 20, qualifier::approx,
                    category::personnel},
        single_case{"Tens of thousands of people were left homeless.", "Tens of thousands", 1e4,
                    qualifier::approx, category::displaced},
        single_case{"Hundreds of thousands of residents were affected by the outage.",
                    "Hundreds of thousands", 1e5, qualifier::approx, category::affected},
        single_case{"A dozen journalists were arrested at the rally.", "A dozen", 12,
                    qualifier::approx, category::arrested},
        single_case{"A half-dozen engineers inspected the dam.", "A half-dozen", 6,
                    qualifier::approx, category::personnel},
        single_case{"Twenty-three miners were rescued from the shaft.", "Twenty-three", 23,
                    qualifier::exact, category::freed},
        single_case{"An estimated 1.5 million people have fled the fighting.",
                    "An estimated 1.5 million", 1.5e6, qualifier::approx, category::displaced},
        single_case{"Fifty protesters gathered outside parliament.", "Fifty", 50, qualifier::exact,
                    category::other},
        single_case{"Damage could run into billions of dollars.", "billions of dollars", 1e9,
                    qualifier::approx, category::money},
        single_case{"the flood displaced more than 100,000 people.", "more than 100,000", 1e5,
                    qualifier::at_least, category::displaced}));

TEST(Figures, RangesGiveOneFigureWithHigh) {
  const std::string_view text = "The leak released 64,000 to 110,000 barrels a day.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(surface(text, figs[0]), "64,000 to 110,000 barrels");
  EXPECT_EQ(figs[0].value, 64000);
  ASSERT_TRUE(figs[0].high.has_value());
  EXPECT_EQ(*figs[0].high, 110000);
  EXPECT_EQ(figs[0].qualifier, qualifier::range);
  EXPECT_EQ(figs[0].category, category::quantity);

  const std::string_view between = "Officials fear between 300 and 500 people died.";
  const auto b = sitrep::facts::extract_figures(between);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(surface(between, b[0]), "between 300 and 500");
  EXPECT_EQ(b[0].value, 300);
  EXPECT_EQ(b[0].high, 500);
  EXPECT_EQ(b[0].category, category::killed);

  const std::string_view dash = "Analysts expect 20,000-40,000 job cuts.";
  const auto d = sitrep::facts::extract_figures(dash);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].value, 20000);
  EXPECT_EQ(d[0].high, 40000);

  const std::string_view pct = "The rescue has a 60 to 70 percent chance of success.";
  const auto p = sitrep::facts::extract_figures(pct);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].value, 60);
  EXPECT_EQ(p[0].high, 70);
  EXPECT_EQ(p[0].category, category::other);
}

TEST(Figures, ARiseFromOneNumberToAnotherIsTwoFigures) {
  const std::string_view text = "The death toll rose from 129 to 130 overnight.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].value, 129);
  EXPECT_EQ(figs[1].value, 130);
  EXPECT_FALSE(figs[0].high.has_value());
  EXPECT_EQ(figs[0].category, category::killed);
  EXPECT_EQ(figs[1].category, category::killed);
}

TEST(Figures, RepeatedMentionsAreRepeatedFigures) {
  EXPECT_EQ(values("Ten ships and 400 divers were sent. Later, ten ships and 400 divers more."),
            (std::vector<double>{10, 400, 10, 400}));
}

TEST(Figures, DatesTimesDurationsAndAgesAreNotFigures) {
  EXPECT_TRUE(values("The quake struck on January 12, 2010 at 4:53 pm.").empty());
  EXPECT_TRUE(values("On 3 March the talks resumed.").empty());
  EXPECT_TRUE(values("The fire burned for 36 hours.").empty());
  EXPECT_TRUE(values("Eleven days after the blast, the port reopened.").empty());
  EXPECT_TRUE(values("The council imposed a six-month moratorium on drilling.").empty());
  EXPECT_TRUE(values("A 53-year-old man was questioned.").empty());
  EXPECT_TRUE(values("The suspect, aged 41, was released.").empty());
  EXPECT_TRUE(values("The ministers met at 10am and again at 6 p.m. local time.").empty());
  EXPECT_TRUE(values("It was the third leak and the fourth trip this spring.").empty());
  EXPECT_TRUE(values("Prices hit a 14-year low in 1998.").empty());
}

TEST(Figures, NumbersInsideNamesAreNotFigures) {
  EXPECT_TRUE(values("Searchers have not found Flight 370.").empty());
  EXPECT_TRUE(values("The FTSE 100 closed higher.").empty());
  EXPECT_TRUE(values("The agency's No. 2 official resigned.").empty());
  EXPECT_TRUE(values("Memorials marked 9/11 again.").empty());
  EXPECT_TRUE(values("The G20 summit opened in Seoul.").empty());
  EXPECT_TRUE(values("It is one of the top 100 brands.").empty());
  // The count survives, the name does not: "two" is a figure, "130" is not.
  const std::string_view text = "The air force flew two C-130 planes to the island.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(surface(text, figs[0]), "two");
  EXPECT_EQ(figs[0].category, category::quantity);
}

TEST(Figures, GroupSizesAndHyphenatedMagnitudesAreFigures) {
  const std::string_view crew = "A 12-man crew reached the wreck.";
  const auto c = sitrep::facts::extract_figures(crew);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, 12);
  EXPECT_EQ(c[0].category, category::personnel);
  const auto q = sitrep::facts::extract_figures("A magnitude-6.4 tremor shook the valley.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_DOUBLE_EQ(q[0].value, 6.4);
  EXPECT_EQ(q[0].category, category::quantity);
}

TEST(Figures, SizesOfObjectsAndVotesAreNotFigures) {
  EXPECT_TRUE(values("Engineers lowered a 98-ton steel box over the pipe.").empty());
  EXPECT_TRUE(values("They pushed a 4 inch hose into the valve.").empty());
  EXPECT_TRUE(values("The inquiry published a 193-page report.").empty());
  EXPECT_TRUE(values("The motion passed with 312 votes.").empty());
}

TEST(Figures, SourcesComeFromReportingCuesInTheSentence) {
  const std::string_view text =
      "Health Minister Ana Ruiz said at least 14 people died. According to the Red Cross, "
      "about 2,000 families need shelter. The army flew in 300 tents.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(source(text, figs[0]), "Health Minister Ana Ruiz");
  EXPECT_EQ(figs[0].qualifier, qualifier::at_least);
  EXPECT_EQ(source(text, figs[1]), "the Red Cross");
  EXPECT_EQ(figs[1].qualifier, qualifier::approx);
  EXPECT_FALSE(figs[2].source.has_value()) << "a plain action names no source";
}

TEST(Figures, SourceAfterTheFigureAndPronouns) {
  const std::string_view text =
      "Forty homes were destroyed, local police said.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(source(text, figs[0]), "local police");

  // A pronoun with no speaker before it means the last sentence's opening name...
  const std::string_view named = "Governor Lee visited the town. She says 200 more soldiers will arrive.";
  const auto a = sitrep::facts::extract_figures(named);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].category, category::personnel);
  EXPECT_EQ(source(named, a[0]), "Governor Lee");
  // ... and nobody when no name opened a sentence before it.
  const std::string_view nobody = "The storm hit the town. She says 200 more soldiers will arrive.";
  const auto n = sitrep::facts::extract_figures(nobody);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_FALSE(n[0].source.has_value());

  // A quotation that runs on past its first sentence keeps its speaker.
  const std::string_view quote =
      "The mayor said: \"We are working day and night. About 300 families have no water.\" "
      "Crews worked on 40 pipes.";
  const auto q = sitrep::facts::extract_figures(quote);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(source(quote, q[0]), "The mayor");
  EXPECT_FALSE(q[1].source.has_value()) << "the quotation has closed";

  const std::string_view resolved =
      "The coastguard chief said 12 boats were out. He says five divers are missing.";
  const auto r = sitrep::facts::extract_figures(resolved);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(source(resolved, r[1]), "The coastguard chief");
  EXPECT_EQ(r[1].category, category::missing);
}

TEST(Figures, PassiveCuesWithoutAgentNameNoSource) {
  const std::string_view text = "It is estimated that 900 buildings collapsed.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_FALSE(figs[0].source.has_value());
  EXPECT_TRUE(figs[0].hedged);
}

TEST(Figures, Hedging) {
  const auto plain = sitrep::facts::extract_figures("About 300 workers joined the strike.");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_FALSE(plain[0].hedged) << "plain approximation is not hedging";
  const auto upto = sitrep::facts::extract_figures("The spill may cover up to 900 square miles.");
  ASSERT_EQ(upto.size(), 1u);
  EXPECT_TRUE(upto[0].hedged);
  EXPECT_EQ(upto[0].qualifier, qualifier::at_most);
  const auto feared = sitrep::facts::extract_figures("Some 70 climbers are feared dead.");
  ASSERT_EQ(feared.size(), 1u);
  EXPECT_TRUE(feared[0].hedged);
  EXPECT_EQ(feared[0].category, category::killed);
}

TEST(Figures, CountedPhraseFollowsTheNumber) {
  const std::string_view text = "Rescuers pulled 31 people from the rubble.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(counted(text, figs[0]).substr(0, 6), "people");
}

TEST(Figures, LowercasedTextStillWorks) {
  const std::string_view text = "officials said more than 40 people were injured and 3 are missing.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].category, category::injured);
  EXPECT_EQ(figs[1].category, category::missing);
  EXPECT_EQ(source(text, figs[0]), "officials");
  EXPECT_TRUE(values("searchers have not found flight 370 on march 8.").empty());
}

TEST(Figures, SpansPointIntoTheTextAndComeInOrder) {
  const std::string_view text = "Over 5,000 troops and 12 helicopters reached the coast; 3 ships followed.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 3u);
  std::size_t pos = 0;
  for (const auto& f : figs) {
    EXPECT_GE(f.surface.begin, pos);
    EXPECT_LT(f.surface.begin, f.surface.end);
    EXPECT_LE(f.surface.end, text.size());
    pos = f.surface.end;
  }
}

TEST(Figures, OddInputDoesNotCrash) {
  EXPECT_TRUE(sitrep::facts::extract_figures("").empty());
  EXPECT_TRUE(sitrep::facts::extract_figures("   \n\t ").empty());
  (void)sitrep::facts::extract_figures(std::string_view("\xff\xfe 12 \xc3", 7));
  (void)sitrep::facts::extract_figures("$ % - , . 1,,2 3..4 99999999999999999999999999999999999");
  (void)sitrep::facts::extract_figures("between and to - 5 -");
  const std::string big(5000, '9');
  (void)sitrep::facts::extract_figures(big);
  // UTF-8 punctuation: an en dash range and curly quotes.
  const std::string_view text = "They said \xe2\x80\x9c" "300\xe2\x80\x93" "400 homes\xe2\x80\x9d were lost.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].value, 300);
  EXPECT_EQ(figs[0].high, 400);
}

TEST(Figures, NamesOfEnumsMatchTheSchema) {
  EXPECT_EQ(sitrep::facts::to_string(qualifier::at_least), "at_least");
  EXPECT_EQ(sitrep::facts::to_string(category::personnel), "personnel");
  EXPECT_EQ(sitrep::facts::to_string(category::other), "other");
}

TEST(Figures, OptionsCanTurnOffPronounsAndCapitalizedNames) {
  const figure_extractor no_pronouns({.resolve_pronouns = false, .capitalized_names = true});
  const std::string_view text = "The mayor said 12 boats were out. He says five divers are missing.";
  const auto figs = no_pronouns.extract(text);
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_FALSE(figs[1].source.has_value());
  const figure_extractor no_names({.resolve_pronouns = true, .capitalized_names = false});
  EXPECT_EQ(no_names.extract("Searchers found Wreck 370.").size(), 1u);
}

}  // namespace

// Counted phrases and categories that the seed got wrong once, in sentences written for the test.
TEST(Figures, AnAbbreviationInsideTheCountedPhraseDoesNotCutIt) {
  const std::string_view text = "Four U.S. nationals are among those freed, an army spokesman said.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(counted(text, figs[0]).substr(0, 14), "U.S. nationals");
  const std::string_view lower = "Two U.N. staff members were hurt.";
  const auto f2 = sitrep::facts::extract_figures(lower);
  ASSERT_EQ(f2.size(), 1u);
  EXPECT_EQ(counted(lower, f2[0]).substr(0, 10), "U.N. staff");
}

TEST(Figures, ATollRisingFromOneNumberToAnotherCountsTheDead) {
  const std::string_view text =
      "The death toll from Sunday's storms in the north has risen from 41 to 44, the governor said.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 2u);
  for (const auto& f : figs) {
    EXPECT_EQ(f.category, category::killed);
    EXPECT_EQ(counted(text, f), "death toll");
    EXPECT_EQ(source(text, f), "the governor");
  }
  // A nearer cue still wins over the toll: "the toll" does not make the injured dead.
  const std::string_view both = "The toll stands at 12 and 30 people were injured.";
  const auto f2 = sitrep::facts::extract_figures(both);
  ASSERT_EQ(f2.size(), 2u);
  EXPECT_EQ(f2[0].category, category::killed);
  EXPECT_EQ(f2[1].category, category::injured);
}

TEST(Figures, HostagesRecoveredAreFreed) {
  const std::string_view text = "Three Danish citizens are among the hostages who have been recovered.";
  const auto figs = sitrep::facts::extract_figures(text);
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].category, category::freed);
  const std::string_view held = "Three Danish citizens are among the hostages held in the mall.";
  const auto f2 = sitrep::facts::extract_figures(held);
  ASSERT_EQ(f2.size(), 1u);
  EXPECT_EQ(f2[0].category, category::hostages);
}

// "Ten of the men are forensic and criminal experts" (the seed, about the gendarmes sent to
// Bamako) counts experts of a deployed unit: personnel, as the facts schema says. What happens
// to the men decides otherwise.
TEST(Figures, ShareOfAGroupTakesTheCategoryOfItsClause) {
  struct row {
    std::string_view text;
    category cat;
  };
  for (const row& r : {row{"Eight of the men are bomb disposal experts.", category::personnel},
                       row{"Eight of the men were killed in the raid.", category::killed},
                       row{"Eight of the men are still held hostage.", category::hostages},
                       row{"Eight of the men were arrested at the border.", category::arrested}}) {
    const auto figs = sitrep::facts::extract_figures(r.text);
    ASSERT_EQ(figs.size(), 1u) << r.text;
    EXPECT_EQ(figs[0].category, r.cat) << r.text;
  }
}

// The seed (../shared/examples/bamako-liveblog.txt), one update a line: the figures it states.
TEST(Figures, TheSeedsFigures) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  std::ifstream in(seed);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  struct row {
    std::size_t line;
    std::string_view surface;
    category cat;
    std::string_view counted_prefix;
  };
  const row expected[] = {{0, "Fifty", category::personnel, "elite armed French police officers"},
                          {2, "Ten", category::personnel, "of the men"},
                          {4, "80", category::freed, "hostages"},
                          {5, "scores", category::hostages, "of people"},
                          {8, "Six", category::freed, "U.S. citizens"},
                          {17, "129", category::killed, "death toll"},
                          {17, "130", category::killed, "death toll"}};
  std::size_t total = 0;
  for (const auto& l : lines) total += sitrep::facts::extract_figures(l).size();
  EXPECT_EQ(total, std::size(expected));
  for (const row& r : expected) {
    ASSERT_LT(r.line, lines.size());
    const std::string& text = lines[r.line];
    bool seen = false;
    for (const auto& f : sitrep::facts::extract_figures(text)) {
      if (surface(text, f) != r.surface) continue;
      seen = true;
      EXPECT_EQ(f.category, r.cat) << text;
      EXPECT_EQ(counted(text, f).substr(0, r.counted_prefix.size()), r.counted_prefix) << text;
    }
    EXPECT_TRUE(seen) << r.surface << " in " << text;
  }
}
