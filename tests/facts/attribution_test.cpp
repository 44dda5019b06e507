// Tests for sitrep/facts/attribution.hpp. The sentences of the tables were written for these
// tests; the seed case reads ../shared/examples/bamako-liveblog.txt and skips when it is absent.
#include "sitrep/facts/attribution.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using sitrep::facts::attribution;
using sitrep::facts::attribution_extractor;

std::string cut(std::string_view text, sitrep::text::byte_span s) {
  return std::string(text.substr(s.begin, s.size()));
}
std::string cut(std::string_view text, const std::optional<sitrep::text::byte_span>& s) {
  return s ? cut(text, *s) : std::string("(none)");
}

// One attribution expected in the text (the first one found).
struct one_case {
  std::string_view text;
  std::string_view cue;
  std::string_view source;   // "(none)" when none
  std::string_view speaker;  // "(none)" when none
  std::string_view content;
};

const one_case kCases[] = {
    {"Col. Ann Reed said six hostages were freed.", "said", "Col. Ann Reed", "Col. Ann Reed",
     "six hostages were freed"},
    {"Six hostages were freed, an army spokesman said.", "said", "an army spokesman",
     "an army spokesman", "Six hostages were freed"},
    {"\"We are ready,\" said the interior minister.", "said", "the interior minister",
     "the interior minister", "\"We are ready"},
    {"According to the regional governor, the bridge is closed.", "According to",
     "the regional governor", "the regional governor", "the bridge is closed"},
    {"The bridge is closed, according to local radio.", "according to", "local radio",
     "local radio", "The bridge is closed"},
    {"The town's mayor has tweeted that the road is open.", "tweeted", "The town's mayor",
     "The town's mayor", "the road is open"},
    {"The harbour master is reporting that two ships ran aground.", "reporting",
     "The harbour master", "The harbour master", "two ships ran aground"},
    {"Jo Park, who leads the rescue team, says the search goes on.", "says",
     "Jo Park, who leads the rescue team", "Jo Park, who leads the rescue team",
     "the search goes on"},
    {"The ministry denied that troops had fired.", "denied", "The ministry", "The ministry",
     "troops had fired"},
    {"The rebels were said to be near the city.", "said", "(none)", "(none)", "The rebels"},
    {"The fire chief told reporters that the blaze was out.", "told", "The fire chief",
     "The fire chief", "the blaze was out"},
    // A quotation that began in the sentence before ends here: its closing mark does not open
    // a quotation around the "said" after it.
    {"\xE2\x80\x9CWe need real change. We will win,\xE2\x80\x9D he said.", "said", "he", "(none)",
     "We will win"},
    {"Rep. Hank Johnson (D-Ga.) said the plan failed.", "said", "Rep. Hank Johnson (D-Ga.)",
     "Rep. Hank Johnson (D-Ga.)", "the plan failed"},
    {"Marley Anderson, 21, a junior from Las Vegas, said she agreed.", "said",
     "Marley Anderson, 21, a junior from Las Vegas", "Marley Anderson, 21, a junior from Las Vegas",
     "she agreed"},
    // A relative clause: the source as written is the pronoun, the speaker what it refers to.
    {"Voters who said they were angry stayed home.", "said", "who", "Voters",
     "they were angry stayed home"},
};

TEST(Attribution, FindsCueSourceSpeakerAndContent) {
  const attribution_extractor ex;
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.text));
    const auto got = ex.extract(c.text);
    ASSERT_FALSE(got.empty());
    const attribution& a = got.front();
    EXPECT_EQ(cut(c.text, a.cue), c.cue);
    EXPECT_EQ(cut(c.text, a.source), c.source);
    EXPECT_EQ(cut(c.text, a.speaker), c.speaker);
    EXPECT_EQ(cut(c.text, a.content), c.content);
  }
}

TEST(Attribution, ResolvesAPronounToTheNamedPartyOfTheSameText) {
  const std::string_view text =
      "Army Colonel Ann Reed has said six citizens were freed. She also says troops are helping.";
  const auto got = attribution_extractor{}.extract(text);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(cut(text, got[1].source), "She");
  EXPECT_EQ(cut(text, got[1].speaker), "Army Colonel Ann Reed");
  const auto off = attribution_extractor{{.resolve_pronouns = false}}.extract(text);
  ASSERT_EQ(off.size(), 2u);
  EXPECT_FALSE(off[1].speaker.has_value());
}

TEST(Attribution, GivesEachCueOfASentenceItsOwnSource) {
  const std::string_view text = "Six people were freed, the army has said, Reuters are reporting.";
  const auto got = attribution_extractor{}.extract(text);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(cut(text, got[0].speaker), "the army");
  EXPECT_EQ(cut(text, got[1].speaker), "Reuters");
}

TEST(Attribution, AParticipleTakesTheSentencesSubject) {
  const std::string_view text =
      "The Dune Front, a small armed group, has posted a message saying that it set the fire.";
  const auto got = attribution_extractor{}.extract(text);
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(cut(text, got.back().cue), "saying");
  EXPECT_NE(cut(text, got.back().speaker).find("The Dune Front"), std::string::npos);
}

TEST(Attribution, LeavesNounsNamesAndPlainSentencesAlone) {
  const attribution_extractor ex;
  for (std::string_view text : {"The United States sent aid.", "Legal claims will rise.",
                                "A method called a junk shot failed.", "Fire crews arrived.",
                                "", "   ", "said"}) {
    SCOPED_TRACE(std::string(text));
    for (const auto& a : ex.extract(text)) ADD_FAILURE() << "cue " << cut(text, a.cue);
  }
}

TEST(Attribution, UsesTheGivenSentencesAndSkipsBadSpans) {
  const std::string_view text = "Police said it was over. Nothing else.";
  const std::vector<sitrep::text::byte_span> spans = {{0, 24}, {10, 5}, {25, 38}, {30, 99}};
  const auto got = attribution_extractor{}.extract(text, spans);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(cut(text, got[0].sentence), "Police said it was over.");
}

TEST(Attribution, SeedNamesCheadleAsTheSpeakerOfTheSixCitizens) {
  const std::filesystem::path seed =
      std::filesystem::path(SITREP_SHARED_DIR) / "examples" / "bamako-liveblog.txt";
  std::ifstream in(seed);
  if (!in) GTEST_SKIP() << seed << " is absent";
  const attribution_extractor ex;
  std::string line;
  bool six = false, mourabitoun = false;
  while (std::getline(in, line)) {
    for (const auto& a : ex.extract(line)) {
      const std::string sentence = cut(line, a.sentence), speaker = cut(line, a.speaker);
      if (sentence.starts_with("Six U.S. citizens") && cut(line, a.cue) == "said") {
        six = true;
        EXPECT_NE(speaker.find("Colonel Mark Cheadle"), std::string::npos) << speaker;
      }
      if (sentence.starts_with("Al-Mourabitoun, a jihadist group") && cut(line, a.cue) == "saying") {
        mourabitoun = true;
        EXPECT_TRUE(speaker.starts_with("Al-Mourabitoun")) << speaker;
      }
    }
  }
  EXPECT_TRUE(six);
  EXPECT_TRUE(mourabitoun);
}

}  // namespace
