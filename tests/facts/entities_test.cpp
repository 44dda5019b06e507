// Tests for sitrep/facts/entities.hpp. The sentences are written for these tests, except the
// seed's, read from ../shared when it is there.
#include "sitrep/facts/entities.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/update.hpp"
#include "sitrep/stream/engine.hpp"

namespace {

using sitrep::facts::entities_observer;
using sitrep::facts::entity_extractor;
using sitrep::facts::entity_mention;
using sitrep::facts::entity_type;

std::string written(std::string_view text, const entity_mention& m) {
  return std::string(text.substr(m.span.begin, m.span.size()));
}

// Every name expected in a text, in order: surface as written, canonical name, type.
struct expected_name {
  std::string_view surface, name;
  entity_type type;
};
struct names_case {
  std::string_view text;
  std::vector<expected_name> names;
};

class entity_names : public ::testing::TestWithParam<names_case> {};

// Weak mentions (a lone word opening a sentence: "Rescuers", "Aid") are left out here; the
// observer decides on them (AWeakWordStaysOutOfTheTopUntilSeenAgain).
TEST_P(entity_names, SurfaceNameAndType) {
  const auto& c = GetParam();
  std::vector<entity_mention> found;
  for (auto& m : entity_extractor{}.extract(c.text))
    if (!m.sentence_initial) found.push_back(std::move(m));
  ASSERT_EQ(found.size(), c.names.size()) << c.text;
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(written(c.text, found[i]), c.names[i].surface) << c.text;
    EXPECT_EQ(found[i].name, c.names[i].name) << c.text;
    EXPECT_EQ(found[i].type, c.names[i].type) << c.text << " / " << found[i].name;
  }
}

constexpr auto person = entity_type::person;
constexpr auto org = entity_type::organization;
constexpr auto place = entity_type::place;
constexpr auto other = entity_type::other;

INSTANTIATE_TEST_SUITE_P(
    Entities, entity_names,
    ::testing::Values(
        // Titles before a name, with their chains, in the run or lowercase before it.
        names_case{"Col. Ada Brennan said the road was closed.", {{"Ada Brennan", "Ada Brennan", person}}},
        names_case{"The navy spokesman Tomas Hale gave no figure.", {{"Tomas Hale", "Tomas Hale", person}}},
        names_case{"Retired NATO Deputy Commander Ilse Varga spoke first.",
                   {{"NATO", "NATO", org}, {"Ilse Varga", "Ilse Varga", person}}},
        names_case{"Secretary of State John Brandt flew to Nairobi.",
                   {{"John Brandt", "John Brandt", person}, {"Nairobi", "Nairobi", place}}},
        names_case{"Their Prime Minister has resigned.", {}},
        // Middle initials, given names, speech verbs.
        names_case{"Analyst Rosa T. Imbert warned of more attacks.", {{"Rosa T. Imbert", "Rosa T. Imbert", person}}},
        names_case{"Earlier, Peter Okoro visited the site.", {{"Peter Okoro", "Peter Okoro", person}}},
        names_case{"Witness accounts differ, Dana Wexcombe said.", {{"Dana Wexcombe", "Dana Wexcombe", person}}},
        // Organizations: words, acronyms, the gazetteer, a leading place split off.
        names_case{"The Interior Ministry confirmed the curfew.", {{"Interior Ministry", "Interior Ministry", org}}},
        names_case{"Officers of the Harbour Police closed the quay.", {{"Harbour Police", "Harbour Police", org}}},
        names_case{"The UNHCR opened two camps.", {{"UNHCR", "UNHCR", org}}},
        names_case{"The claim came from Al-Shabaab on Twitter.",
                   {{"Al-Shabaab", "Al-Shabaab", org}, {"Twitter", "Twitter", org}}},
        names_case{"The U.K. Foreign Office issued a warning.",
                   {{"U.K.", "United Kingdom", place}, {"Foreign Office", "Foreign Office", org}}},
        names_case{"Staff at the U.S. Embassy were moved.", {{"U.S. Embassy", "U.S. Embassy", org}}},
        names_case{"Agence France-Presse and AFP are one agency.",
                   {{"Agence France-Presse", "Agence France-Presse", org}, {"AFP", "Agence France-Presse", org}}},
        // Places: gazetteer with aliases, facility nouns, place words, prepositions.
        names_case{"Troops from the US and United States arrived.",
                   {{"US", "United States", place}, {"United States", "United States", place}}},
        names_case{"Guests at the Sable Crown hotel in Nairobi were moved.",
                   {{"Sable Crown", "Sable Crown", place}, {"Nairobi", "Nairobi", place}}},
        names_case{"The fire spread along Mill Street overnight.", {{"Mill Street", "Mill Street", place}}},
        names_case{"Aid reached villages in Tessalit by noon.", {{"Tessalit", "Tessalit", place}}},
        names_case{"Germany's embassy in Kenya stayed open.",
                   {{"Germany", "Germany", place}, {"Kenya", "Kenya", place}}},
        // Not names: nationalities, sentence openers, numbers in words, lone titles.
        names_case{"French and Malian troops met Americans at the base.", {}},
        names_case{"Twelve people were hurt. The Embassy said nothing.", {}},
        // A lone capitalized word elsewhere is `other`; opening a sentence it is weak.
        names_case{"Rescuers from Corvane joined them.", {{"Corvane", "Corvane", other}}}));

TEST(Entities, TheHeadersExample) {
  const std::string_view text = "U.S. military spokesman Col. Mark Cheadle said six were freed.";
  const auto found = entity_extractor{}.extract(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].name, "United States");
  EXPECT_EQ(found[0].type, place);
  EXPECT_EQ(found[1].name, "Mark Cheadle");
  EXPECT_EQ(found[1].type, person);
}

TEST(Entities, ALoneWordOpeningASentenceIsWeak) {
  const std::string_view text = "Brennan also says the road is closed.";
  const auto found = entity_extractor{}.extract(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].sentence_initial);
  EXPECT_EQ(found[0].type, other);
}

TEST(Entities, LowercasedTextKeepsOnlyUnambiguousGazetteerNames) {
  const std::string_view text =
      "gunmen stormed a hotel in nairobi, kenya; al-shabaab claimed it and the u.s. embassy "
      "in turkey said nothing to reporters from jersey. let us know, who is at the wake?";
  const auto found = entity_extractor{}.extract(text);
  std::vector<std::string> names;
  for (const auto& m : found) names.push_back(m.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Nairobi", "Kenya", "Al-Shabaab", "United States"}));
  entity_extractor::options off;
  off.gazetteer_when_lowercase = false;
  EXPECT_TRUE(entity_extractor{off}.extract(text).empty());
}

TEST(Entities, CanonicalNamesComeFromTheGazetteerWhateverTheCase) {
  const entity_extractor ex;
  EXPECT_EQ(ex.canonical("US"), "United States");
  EXPECT_EQ(ex.canonical("u.s."), "United States");
  EXPECT_EQ(ex.canonical("al qaeda in the islamic maghreb"), "Al-Qaeda in the Islamic Maghreb");
  EXPECT_EQ(ex.canonical("Nowhere Town"), std::nullopt);
  // In capitalized text "US" is the country; "us" never is, "U.S." always.
  const auto found = ex.extract("They told us what the US and the U.S. Army said.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].name, "United States");
  EXPECT_EQ(found[1].name, "U.S. Army");  // a place and one organization word: one organization
  EXPECT_EQ(found[1].type, org);
}

TEST(Entities, SpansPointIntoTheTextAndComeInOrder) {
  const std::string_view text =
      "Mayor Ilse Varga met the Red Cross in Port-au-Prince; “Col. Ada Brennan’s men” — said AFP.";
  const auto found = entity_extractor{}.extract(text);
  ASSERT_FALSE(found.empty());
  std::size_t pos = 0;
  for (const auto& m : found) {
    EXPECT_LT(m.span.begin, m.span.end);
    EXPECT_LE(m.span.end, text.size());
    EXPECT_GE(m.span.begin, pos);
    pos = m.span.end;
  }
  EXPECT_EQ(written(text, found.front()), "Ilse Varga");
}

TEST(Entities, OddInputDoesNotCrash) {
  const entity_extractor ex;
  for (std::string_view s : {std::string_view{}, std::string_view{"A"}, std::string_view{"U."},
                             std::string_view{"'s"}, std::string_view{"Al-"}, std::string_view{"\xE2\x80"},
                             std::string_view{"X.Y.Z. Q's' ' - -- ..."}, std::string_view{"\xC3"},
                             std::string_view{"Col. Col. Col. Col. Col. Col. Col. Col."}}) {
    for (const auto& m : ex.extract(s)) EXPECT_LE(m.span.end, s.size());
  }
}

TEST(Entities, NamesOfTypes) {
  EXPECT_EQ(to_string(person), "person");
  EXPECT_EQ(to_string(org), "organization");
  EXPECT_EQ(to_string(place), "place");
  EXPECT_EQ(to_string(other), "other");
}

TEST(EntitiesObserver, MergesMentionsAcrossUpdates) {
  entities_observer obs;
  obs.add(0, "Col. Ada Brennan said the U.S. team landed in Nairobi.");
  obs.add(1, "Brennan also says the United States will send more.");
  obs.add(2, "Kenya's police met Brennan at the US embassy in Nairobi.");
  const auto brennan = obs.find("Ada Brennan");
  ASSERT_TRUE(brennan);
  const auto& e = obs.all()[*brennan];
  EXPECT_EQ(e.name, "Ada Brennan");
  EXPECT_EQ(e.type, person);
  ASSERT_EQ(e.mentions.size(), 3u);
  EXPECT_EQ(e.mentions[1].update, 1u);
  EXPECT_EQ(e.mentions[1].span.begin, 0u);
  EXPECT_EQ(e.mentions[1].span.end, 7u);  // "Brennan"
  const auto us = obs.find("U.S.");
  ASSERT_TRUE(us);
  EXPECT_EQ(obs.all()[*us].name, "United States");
  EXPECT_EQ(obs.all()[*us].mentions.size(), 3u);
  EXPECT_EQ(obs.of_update(1).size(), 2u);
  EXPECT_TRUE(obs.of_update(7).empty());

  const std::vector<std::size_t> all{0, 1, 2};
  const auto top = obs.top(all, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0], *brennan);  // 3 updates, first by id among equals
  const auto places = obs.top(all, 5, place);
  ASSERT_EQ(places.size(), 3u);
  for (auto id : places) EXPECT_EQ(obs.all()[id].type, place);
  const std::vector<std::size_t> last{2, 99};
  EXPECT_EQ(obs.top(last, 10).size(), 4u);  // Kenya, Brennan, United States, Nairobi
}

TEST(EntitiesObserver, AWeakWordStaysOutOfTheTopUntilSeenAgain) {
  entities_observer obs;
  obs.add(0, "Valmora is quiet tonight.");
  const std::vector<std::size_t> first{0};
  EXPECT_TRUE(obs.top(first, 5).empty());
  obs.add(1, "Roads into Valmora reopened.");
  const std::vector<std::size_t> both{0, 1};
  const auto top = obs.top(both, 5);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(obs.all()[top[0]].name, "Valmora");
  EXPECT_EQ(obs.all()[top[0]].type, place);  // "into Valmora"
}

TEST(EntitiesObserver, FollowsTheEngine) {
  auto e = sitrep::stream::engine::create({});
  ASSERT_TRUE(e);
  entities_observer obs;
  ASSERT_TRUE(e->attach(obs).is_ok());
  for (std::string_view t : {"Col. Ada Brennan landed in Nairobi.", "", "Brennan met the Red Cross."}) {
    sitrep::update u;
    u.text = std::string(t);
    ASSERT_TRUE(e->add(std::move(u)));
  }
  EXPECT_TRUE(obs.of_update(1).empty());
  const auto b = obs.find("Ada Brennan");
  ASSERT_TRUE(b);
  EXPECT_EQ(obs.all()[*b].mentions.size(), 2u);
  EXPECT_EQ(obs.all()[*b].mentions[1].update, 2u);
}

// The seed (../shared/examples/bamako-liveblog.txt), one update a line.
TEST(EntitiesObserver, TheSeedsPeopleOrganizationsAndPlaces) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  std::ifstream in(seed);
  entities_observer obs;
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) obs.add(n++, line);
  struct row {
    std::string_view name;
    entity_type type;
    std::size_t min_mentions;
  };
  for (const row& r : {row{"Bamako", place, 8}, row{"Mali", place, 10}, row{"Radisson Blu", place, 5},
                       row{"United States", place, 5}, row{"Paris", place, 2}, row{"France", place, 2},
                       row{"John Kirby", person, 1}, row{"Mark Cheadle", person, 2},
                       row{"Ali H. Soufan", person, 1}, row{"Al-Mourabitoun", org, 4},
                       row{"Al Jazeera", org, 1}, row{"Al-Qaeda in the Islamic Maghreb", org, 2},
                       row{"State Department", org, 2}, row{"Reuters", org, 2}, row{"FBI", org, 1},
                       row{"National Gendarmerie Intervention Group", org, 1},
                       row{"National Post", org, 1}}) {
    const auto id = obs.find(r.name);
    ASSERT_TRUE(id) << r.name;
    EXPECT_EQ(obs.all()[*id].type, r.type) << r.name;
    EXPECT_GE(obs.all()[*id].mentions.size(), r.min_mentions) << r.name;
  }
  // "U.S." and "US" are the United States; "Cheadle" is Mark Cheadle.
  EXPECT_EQ(obs.find("U.S."), obs.find("United States"));
  EXPECT_EQ(obs.find("US"), obs.find("United States"));
  EXPECT_FALSE(obs.find("Cheadle") && *obs.find("Cheadle") != *obs.find("Mark Cheadle"));
  // Nothing that is not a name: no nationality, number word or title on its own.
  for (const auto& e : obs.all())
    for (std::string_view bad : {"Malian", "French", "Fifty", "Ten", "Prime Minister", "Analyst",
                                 "Americans", "Tuaregs", "The", "Embassy"})
      EXPECT_NE(e.name, bad);
  std::vector<std::size_t> all(n);
  std::iota(all.begin(), all.end(), 0);
  const auto top = obs.top(all, 3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(obs.all()[top[0]].name, "Mali");
  EXPECT_EQ(obs.all()[top[1]].name, "Bamako");
}

}  // namespace
