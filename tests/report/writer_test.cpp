#include "sitrep/report/writer.hpp"

#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include <nlohmann/json.hpp>

namespace sitrep::report {
namespace {

situation_report sample() {
  situation_report r;
  r.method = "lexrank";
  cited_sentence s;
  s.text = "A fire broke out at the *fuel* depot.";
  s.update_id = "u1";
  s.time = "2026-03-14T06:02:00Z";
  s.source = "Fire Service";
  s.origin = "feed.jsonl";
  s.line = 1;
  s.byte_end = 37;
  s.words = 8;
  s.score = 0.25;
  r.headline = {s};
  r.updates = 3;
  r.sentences = 5;
  r.sources = {{"Fire Service", 2}, {"Hospital", 1}};
  r.first_time = "2026-03-14T06:02:00Z";
  r.last_time = "2026-03-14T08:33:00Z";
  r.span_seconds = 9060;
  r.inputs = {"feed.jsonl"};
  return r;
}

TEST(ParseOutputFormat, KnownAndUnknown) {
  EXPECT_EQ(*parse_output_format("text"), output_format::text);
  EXPECT_EQ(*parse_output_format("md"), output_format::markdown);
  EXPECT_EQ(*parse_output_format("json"), output_format::json);
  EXPECT_FALSE(parse_output_format("html").ok());
}

TEST(WriteReport, TextNamesEveryPart) {
  std::string t = write_report(sample(), output_format::text);
  EXPECT_NE(t.find("A fire broke out"), std::string::npos);
  EXPECT_NE(t.find("Fire Service (2), Hospital (1)"), std::string::npos);
  EXPECT_NE(t.find("2 h 31 min"), std::string::npos);
  EXPECT_NE(t.find("Updates: 3"), std::string::npos);
}

TEST(WriteReport, MarkdownEscapesAndCites) {
  std::string m = write_report(sample(), output_format::markdown);
  EXPECT_NE(m.find("# Situation report"), std::string::npos);
  EXPECT_NE(m.find("\\*fuel\\*"), std::string::npos);
  EXPECT_NE(m.find("Fire Service, 2026-03-14T06:02:00Z"), std::string::npos);
}

TEST(WriteReport, JsonCarriesEveryField) {
  auto j = nlohmann::json::parse(write_report(sample(), output_format::json));
  EXPECT_EQ(j["method"], "lexrank");
  EXPECT_EQ(j["updates"], 3);
  EXPECT_EQ(j["sentences"], 5);
  EXPECT_EQ(j["sources"][1]["source"], "Hospital");
  EXPECT_EQ(j["time_span"]["seconds"], 9060);
  const auto& h = j["headline"][0];
  for (const char* key : {"text", "update_id", "time", "source", "origin", "line", "byte_begin",
                          "byte_end", "words", "score", "truncated"})
    EXPECT_TRUE(h.contains(key)) << key;
  EXPECT_EQ(j["inputs"][0], "feed.jsonl");
}

TEST(WriteReport, UnknownTimeSpanIsNull) {
  auto r = sample();
  r.span_seconds.reset();
  r.first_time.clear();
  r.last_time.clear();
  auto j = nlohmann::json::parse(write_report(r, output_format::json));
  EXPECT_TRUE(j["time_span"]["seconds"].is_null());
  EXPECT_NE(write_report(r, output_format::text).find("unknown"), std::string::npos);
}

TEST(WriteSummary, TextIsOneSentenceALine) {
  auto r = sample();
  r.headline.push_back(r.headline[0]);
  r.headline[1].text = "Second.";
  EXPECT_EQ(write_summary(r.headline, "x", output_format::text),
            "A fire broke out at the *fuel* depot.\nSecond.\n");
  auto j = nlohmann::json::parse(write_summary(r.headline, "x", output_format::json));
  EXPECT_EQ(j["method"], "x");
  EXPECT_EQ(j["sentences"].size(), 2u);
}

// Text and Markdown never carry a control character a terminal would obey.
struct control_case {
  const char* name;
  std::string raw;
  std::string shown;  // what text output prints for it
};

void PrintTo(const control_case& c, std::ostream* os) { *os << c.name; }

class Printable : public ::testing::TestWithParam<control_case> {};

TEST_P(Printable, TextAndMarkdownShowNoControlCharacter) {
  const auto& k = GetParam();
  EXPECT_EQ(printable(k.raw), k.shown);
  situation_report r = sample();
  r.headline[0].text = k.raw;
  r.headline[0].source = k.raw;
  for (output_format f : {output_format::text, output_format::markdown}) {
    for (const std::string& out :
         {write_summary(r.headline, "x", f), write_report(r, f)}) {
      for (unsigned char ch : out) {
        EXPECT_TRUE(ch == '\n' || ch >= 0x20) << k.name << ": control byte " << int(ch);
        EXPECT_NE(ch, 0x7F) << k.name;
      }
      EXPECT_EQ(out.find("\xC2\x9B"), std::string::npos) << k.name;  // no C1 CSI
    }
  }
  EXPECT_EQ(write_summary(r.headline, "x", output_format::text), k.shown + "\n");
}

const std::string kFffd = "\xEF\xBF\xBD";

INSTANTIATE_TEST_SUITE_P(
    Table, Printable,
    ::testing::Values(
        control_case{"plain", "Fire at the depot.", "Fire at the depot."},
        control_case{"ansi_escape", "\x1B[31mRED\x1B[0m alert", kFffd + "[31mRED" + kFffd + "[0m alert"},
        control_case{"nul", std::string("a\0b", 3), "a" + kFffd + "b"},
        control_case{"tab_and_newline", "one\ttwo\nthree\r\n", "one two three  "},
        control_case{"bell_and_backspace", "ding\x07\x08", "ding" + kFffd + kFffd},
        control_case{"del", "x\x7Fy", "x" + kFffd + "y"},
        control_case{"c1_csi", "x\xC2\x9B" "31m", "x" + kFffd + "31m"},
        control_case{"c1_next_line", "x\xC2\x85y", "x" + kFffd + "y"},
        control_case{"latin1_kept", "\xC3\x89l\xC3\xA9phant \xC2\xA0ok", "\xC3\x89l\xC3\xA9phant \xC2\xA0ok"},
        control_case{"invalid_utf8", "caf\xE9", "caf" + kFffd}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(WriteJson, EscapesControlsAndNeverThrows) {
  situation_report r = sample();
  r.headline[0].text = std::string("\x1B[31mred\0", 9);
  const std::string out = write_summary(r.headline, "x", output_format::json);
  EXPECT_NE(out.find("\\u001b[31mred\\u0000"), std::string::npos) << out;
  for (unsigned char ch : out) EXPECT_TRUE(ch == '\n' || ch >= 0x20) << int(ch);
  r.headline[0].text = "caf\xE9";  // the readers never let this in; a writer still must not throw
  auto j = nlohmann::json::parse(write_summary(r.headline, "x", output_format::json));
  EXPECT_EQ(j["sentences"][0]["text"], "caf\xEF\xBF\xBD");
}

TEST(WriteJson, CarriesTheSummaryNotes) {
  situation_report r = sample();
  auto plain = nlohmann::json::parse(write_summary(r.headline, "ilp", output_format::json));
  EXPECT_TRUE(plain["notes"].is_array());
  EXPECT_TRUE(plain["notes"].empty());
  const std::vector<std::string> notes{"ilp: the solver failed (x); the summary is greedy"};
  auto j = nlohmann::json::parse(write_summary(r.headline, "ilp", output_format::json, notes));
  EXPECT_EQ(j["notes"], nlohmann::json(notes));
  r.notes = notes;
  auto rep = nlohmann::json::parse(write_report(r, output_format::json));
  EXPECT_EQ(rep["notes"], nlohmann::json(notes));
  // Text stays one sentence a line: notes are the front end's to print.
  EXPECT_EQ(write_summary(r.headline, "ilp", output_format::text, notes), r.headline[0].text + "\n");
}

situation_report with_repeats_and_news() {
  situation_report r = sample();
  r.headline[0].reported = {3, {"Fire Service", "Coastline Radio", "Harbour Police"}, "u1",
                            "2026-03-14T06:02:00Z"};
  new_since n;
  n.since = "2026-03-14T08:00:00Z";
  n.updates = 1;
  n.sentences = 1;
  cited_sentence s = r.headline[0];
  s.text = "Seven people were injured.";
  s.reported = {};
  n.headline = {s};
  r.since = n;
  r.until = "u9";
  return r;
}

TEST(WriteReport, TextAndMarkdownSayWhoReportedItAndWhatIsNew) {
  const situation_report r = with_repeats_and_news();
  std::string t = write_report(r, output_format::text);
  EXPECT_NE(t.find("[reported by 3 sources: Fire Service, Coastline Radio, Harbour Police]"),
            std::string::npos) << t;
  EXPECT_NE(t.find("New since 2026-03-14T08:00:00Z (1 update)\n  * Seven people were injured."),
            std::string::npos) << t;
  EXPECT_NE(t.find("As of u9"), std::string::npos);
  EXPECT_LT(t.find("What happened"), t.find("New since"));
  std::string m = write_report(r, output_format::markdown);
  EXPECT_NE(m.find("## New since 2026-03-14T08:00:00Z (1 update)"), std::string::npos) << m;
  EXPECT_NE(m.find("reported by 3 sources"), std::string::npos);

  situation_report quiet = r;
  quiet.since->headline.clear();
  quiet.since->updates = 0;
  EXPECT_NE(write_report(quiet, output_format::text).find("(nothing new)"), std::string::npos);
  // One source, two updates: counted in updates.
  quiet.headline[0].reported = {2, {"Fire Service"}, "u1", ""};
  EXPECT_NE(write_report(quiet, output_format::text).find("[reported in 2 updates]"),
            std::string::npos);
}

TEST(WriteReport, JsonCarriesRepeatsSinceAndUntil) {
  auto j = nlohmann::json::parse(write_report(with_repeats_and_news(), output_format::json));
  const auto& rep = j["headline"][0]["reported"];
  EXPECT_EQ(rep["updates"], 3);
  EXPECT_EQ(rep["sources"][1], "Coastline Radio");
  EXPECT_EQ(rep["first_update_id"], "u1");
  EXPECT_EQ(j["since"]["since"], "2026-03-14T08:00:00Z");
  EXPECT_EQ(j["since"]["updates"], 1);
  EXPECT_EQ(j["since"]["headline"][0]["text"], "Seven people were injured.");
  EXPECT_EQ(j["until"], "u9");
  auto plain = nlohmann::json::parse(write_report(sample(), output_format::json));
  EXPECT_TRUE(plain["since"].is_null());
  EXPECT_TRUE(plain["until"].is_null());
}

TEST(WriteReport, JsonLinesIsTheSameObjectOnOneLine) {
  const situation_report r = with_repeats_and_news();
  const std::string line = write_report(r, output_format::json_lines);
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  EXPECT_EQ(nlohmann::json::parse(line), nlohmann::json::parse(write_report(r, output_format::json)));
  EXPECT_EQ(*parse_output_format("jsonl"), output_format::json_lines);
}

// A live refresh lists only the largest stories: the stream's totals carry the rest.
TEST(WriteReport, StoriesNotListedAreCountedFromTheStreamTotals) {
  situation_report r = sample();
  r.story = 0;
  story_entry a;
  a.id = 0;
  a.label = "Fire at the depot";
  a.updates = 3;
  story_entry b;
  b.id = 4;
  b.label = "Council vote";
  b.updates = 2;
  r.stories = {a, b};
  r.stream_updates = 9;
  r.stream_stories = 5;
  const std::string text = write_report(r, output_format::text);
  EXPECT_NE(text.find("Story 0: Fire at the depot (3 of 9 updates)"), std::string::npos) << text;
  EXPECT_NE(text.find("story 4: Council vote (2 updates)"), std::string::npos) << text;
  EXPECT_NE(text.find("and 3 more"), std::string::npos) << text;
  const auto j = nlohmann::json::parse(write_report(r, output_format::json));
  EXPECT_EQ(j["stream"]["updates"], 9);
  EXPECT_EQ(j["stream"]["stories"], 5);
  EXPECT_EQ(j["stories"].size(), 2u);
  // Without tracking there is no "stream" object.
  EXPECT_FALSE(nlohmann::json::parse(write_report(sample(), output_format::json)).contains("stream"));
}

// The facts sections: key figures with their history (a disputed value marked), claims with
// their status and its changes, who said what, who is involved. Empty ones are left out of text
// and Markdown; JSON keeps them as empty lists.
TEST(WriteReport, FactsSectionsShowHistoryStatusSpeakersAndEntities) {
  situation_report r = sample();
  key_figure toll;
  toll.label = "killed";
  toll.history = {{"129", "Paris prosecutor", "u3", "2015-11-19T08:00:00Z", false},
                  {"130", "France's Prime Minister", "u9", "2015-11-20T10:05:00Z", false}};
  key_figure hostages;
  hostages.label = "hostages";
  hostages.history = {{"170", "Reuters", "u1", "", false}, {"140", "AFP", "u2", "", true}};
  r.key_figures = {toll, hostages};
  claim_item claim;
  claim.status = "confirmed";
  claim.text = "Americans might be present at the hotel.";
  claim.cue = "might";
  claim.source = "State Department";
  claim.update_id = "u6";
  claim.changes = {{"confirmed", "U.S. citizens were among the hostages.", "Reuters", "u8", ""}};
  r.unconfirmed = {claim};
  r.said = {{"Col. Mark Cheadle", "has said", "Six U.S. citizens were recovered.", "u9", ""}};
  r.involved = {{"Mark Cheadle", "person", 2}, {"Bamako", "place", 9}, {"Al Jazeera", "organization", 1}};

  const std::string text = write_report(r, output_format::text);
  EXPECT_NE(text.find("Key figures\n  killed: 129 \u2192 130"), std::string::npos) << text;
  EXPECT_NE(text.find("hostages: 170 vs 140 (disputed)"), std::string::npos) << text;
  EXPECT_NE(text.find("\u2713 Americans might be present"), std::string::npos) << text;
  EXPECT_NE(text.find("confirmed by Reuters, u8"), std::string::npos) << text;
  EXPECT_NE(text.find("Who said what\n  Col. Mark Cheadle: Six U.S. citizens"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Involved: people: Mark Cheadle; organizations: Al Jazeera; places: Bamako"),
            std::string::npos)
      << text;
  const std::string md = write_report(r, output_format::markdown);
  EXPECT_NE(md.find("## Key figures\n\n- **killed:** 129"), std::string::npos) << md;
  EXPECT_NE(md.find("## Involved"), std::string::npos) << md;

  const auto j = nlohmann::json::parse(write_report(r, output_format::json));
  ASSERT_EQ(j["key_figures"].size(), 2u);
  EXPECT_EQ(j["key_figures"][0]["history"][1]["value"], "130");
  EXPECT_EQ(j["key_figures"][1]["history"][1]["conflict"], true);
  EXPECT_EQ(j["unconfirmed"][0]["changes"][0]["status"], "confirmed");
  EXPECT_EQ(j["who_said_what"][0]["speaker"], "Col. Mark Cheadle");
  EXPECT_EQ(j["involved"].size(), 3u);

  const situation_report plain = sample();
  const std::string bare = write_report(plain, output_format::text);
  EXPECT_EQ(bare.find("Key figures"), std::string::npos);
  EXPECT_EQ(bare.find("Involved"), std::string::npos);
  const auto jb = nlohmann::json::parse(write_report(plain, output_format::json));
  EXPECT_TRUE(jb["key_figures"].is_array() && jb["key_figures"].empty());
  EXPECT_TRUE(jb["unconfirmed"].empty() && jb["who_said_what"].empty() && jb["involved"].empty());
}

}  // namespace
}  // namespace sitrep::report
