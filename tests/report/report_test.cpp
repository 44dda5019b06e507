#include "sitrep/report/report.hpp"

#include <gtest/gtest.h>

#include "sitrep/rank/summarizer.hpp"
#include "sitrep/stream/engine.hpp"

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

// The same fact from three wires: the cited sentence names every source that carried it up to
// the report's moment, first carrier first; a report as the stream stood earlier names fewer.
TEST(BuildReport, NamesWhoElseCarriedEachSentenceUpToItsMoment) {
  auto e = stream::engine::create({});
  ASSERT_TRUE(e.ok());
  const std::pair<const char*, const char*> rows[] = {
      {"Reuters", "Gunmen stormed the Radisson Blu hotel in Bamako and took 170 hostages."},
      {"AFP", "Gunmen have stormed the Radisson Blu hotel in Bamako, taking 170 hostages."},
      {"Reuters", "The weather in Paris was mild on Friday."},
      {"BBC", "Islamist gunmen stormed the Radisson Blu hotel in Bamako, holding 170 hostages."},
  };
  int n = 0;
  for (const auto& [source, text] : rows) {
    update u;
    u.id = "u" + std::to_string(++n);
    u.time = "2015-11-20T0" + std::to_string(n) + ":00:00Z";
    u.source = source;
    u.text = text;
    ASSERT_TRUE(e->add(u).ok());
  }
  rank::summary s{"test", {{0, 1.0, 0}}, {}};
  const stream::view all(*e);
  auto r = build_report(all, s);
  ASSERT_EQ(r.headline.size(), 1u);
  const repeat_info& rep = r.headline[0].reported;
  EXPECT_EQ(rep.updates, 3u);
  EXPECT_EQ(rep.sources, (std::vector<std::string>{"Reuters", "AFP", "BBC"}));
  EXPECT_EQ(rep.first_update_id, "u1");
  EXPECT_EQ(rep.first_time, "2015-11-20T01:00:00Z");

  auto earlier = build_report(all.until(2), s);
  EXPECT_EQ(earlier.updates, 2u);
  EXPECT_EQ(earlier.headline[0].reported.updates, 2u);
  EXPECT_EQ(earlier.headline[0].reported.sources, (std::vector<std::string>{"Reuters", "AFP"}));

  // Without groups (a bare collection), a sentence is carried by its own update only.
  auto bare = build_report(e->collection(), s);
  EXPECT_EQ(bare.headline[0].reported.updates, 1u);
  EXPECT_EQ(bare.headline[0].reported.sources, (std::vector<std::string>{"Reuters"}));

  add_new_since(r, all.since(2), "u2", rank::summary{"test", {{3, 1.0, 0}}, {"a note"}});
  ASSERT_TRUE(r.since.has_value());
  EXPECT_EQ(r.since->since, "u2");
  EXPECT_EQ(r.since->updates, 2u);
  EXPECT_EQ(r.since->sentences, 2u);
  ASSERT_EQ(r.since->headline.size(), 1u);
  EXPECT_EQ(r.since->headline[0].update_id, "u4");
  EXPECT_EQ(r.since->notes, std::vector<std::string>{"a note"});
}

}  // namespace
}  // namespace sitrep::report
