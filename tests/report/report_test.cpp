#include "sitrep/report/report.hpp"

#include <gtest/gtest.h>

#include "sitrep/rank/summarizer.hpp"

namespace sitrep::report {
namespace {

vsm::collection sample() {
  auto c = vsm::collection::create({});
  EXPECT_TRUE(c.ok());
  struct row { const char* id; const char* time; std::int64_t t; const char* source; const char* text; };
  const row rows[] = {
      {"a", "2026-03-14T06:02:00Z", 1773468120, "Fire Service", "A fire broke out at the fuel depot in the east harbour."},
      {"b", "2026-03-14T08:33:00Z", 1773477180, "Hospital", "Seven people were injured,\n  the hospital says."},
      {"c", "", 0, "", "Police closed the harbour bridge and Quay Road."},
      {"d", "2026-03-14T07:00:00Z", 1773471600, "Fire Service", "Twelve fire engines are at the scene now."},
  };
  std::size_t line = 0;
  for (const auto& r : rows) {
    update u;
    u.id = r.id;
    u.time = r.time;
    if (r.t) u.unix_time = r.t;
    u.source = r.source;
    u.text = r.text;
    u.origin = "feed.jsonl";
    u.line = ++line;
    c->add(u);
  }
  return std::move(c).value();
}

TEST(BuildReport, CountsSourcesAndSpan) {
  auto c = sample();
  auto s = rank::make_summarizer("lead");
  auto r = build_report(c, (*s)->summarize(c, {rank::budget_unit::sentences, 2}));
  EXPECT_EQ(r.method, "lead");
  EXPECT_EQ(r.updates, 4u);
  EXPECT_EQ(r.sentences, 4u);
  ASSERT_EQ(r.sources.size(), 3u);
  EXPECT_EQ(r.sources[0].source, "Fire Service");
  EXPECT_EQ(r.sources[0].updates, 2u);
  EXPECT_EQ(r.first_time, "2026-03-14T06:02:00Z");
  EXPECT_EQ(r.last_time, "2026-03-14T08:33:00Z");
  ASSERT_TRUE(r.span_seconds.has_value());
  EXPECT_EQ(*r.span_seconds, 9060);
  EXPECT_EQ(r.inputs, std::vector<std::string>{"feed.jsonl"});
}

TEST(Cite, CopiesProvenanceAndFoldsSpace) {
  auto c = sample();
  rank::summary s{"test", {{1, 0.5, 0}}, {}};
  auto cited = cite(c, s);
  ASSERT_EQ(cited.size(), 1u);
  EXPECT_EQ(cited[0].text, "Seven people were injured, the hospital says.");
  EXPECT_EQ(cited[0].update_id, "b");
  EXPECT_EQ(cited[0].source, "Hospital");
  EXPECT_EQ(cited[0].origin, "feed.jsonl");
  EXPECT_EQ(cited[0].line, 2u);
  EXPECT_EQ(cited[0].byte_begin, 0u);
  EXPECT_EQ(cited[0].byte_end, c.updates()[1].text.size());
  EXPECT_EQ(cited[0].words, 7u);
  EXPECT_DOUBLE_EQ(cited[0].score, 0.5);
}

}  // namespace
}  // namespace sitrep::report
