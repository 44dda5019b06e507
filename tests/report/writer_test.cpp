#include "sitrep/report/writer.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace sitrep::report
