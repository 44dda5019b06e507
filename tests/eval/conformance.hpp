// Shared by the ROUGE conformance tests: run one case folder of the reference script's vectors
// (`system/`, `reference/`, `expected.tsv`) and compare every printed figure.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "sitrep/eval/rouge.hpp"
#include "sitrep/eval/topic_files.hpp"

namespace sitrep::eval::testing {

struct expected_row {
  std::string flags, measure, topic;
  std::string r, p, f;  // as printed: 5 decimals, or raw counts for per-topic rows with -t 1|2
};

inline std::vector<expected_row> read_expected(const std::string& path) {
  std::ifstream in(path);
  std::vector<expected_row> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) { header = false; continue; }
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() != 6) { ADD_FAILURE() << path << ": bad row: " << line; continue; }
    rows.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
  }
  return rows;
}

inline std::string fixed5(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.5f", x);
  return buf;
}

inline std::string count(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

/// Runs every option string of the case; returns how many figures were compared.
inline int run_case(const std::string& dir) {
  auto rows = read_expected(dir + "/expected.tsv");
  EXPECT_FALSE(rows.empty()) << dir;
  auto topics = load_topics(dir + "/system", dir + "/reference");
  EXPECT_TRUE(topics.ok()) << (topics.ok() ? "" : topics.error().message());
  if (!topics.ok()) return 0;
  std::map<std::string, std::vector<const expected_row*>> by_flags;
  std::vector<std::string> flag_order;
  for (const auto& row : rows) {
    if (by_flags.find(row.flags) == by_flags.end()) flag_order.push_back(row.flags);
    by_flags[row.flags].push_back(&row);
  }
  int checked = 0;
  for (const auto& flags : flag_order) {
    auto opts = parse_rouge_args(flags);
    EXPECT_TRUE(opts.ok()) << flags;
    if (!opts.ok()) continue;
    auto scorer = rouge_scorer::create(*opts);
    EXPECT_TRUE(scorer.ok());
    auto ev = scorer->evaluate(*topics);
    EXPECT_TRUE(ev.ok());
    if (!ev.ok()) continue;
    std::map<std::string, std::map<std::string, std::vector<std::string>>> got;
    const bool raw = opts->unit != counting_unit::sentence;
    for (const auto& m : ev->measures) {
      got[m.name]["AVERAGE"] = {fixed5(m.average.recall), fixed5(m.average.precision),
                                fixed5(m.average.f)};
      for (std::size_t i = 0; i < ev->topic_ids.size(); ++i) {
        const auto& t = m.topics[i];
        got[m.name][ev->topic_ids[i]] =
            raw ? std::vector<std::string>{count(t.counts.model), count(t.counts.peer),
                                           count(t.counts.hit)}
                : std::vector<std::string>{fixed5(t.score.recall), fixed5(t.score.precision),
                                           fixed5(t.score.f)};
      }
    }
    std::size_t measures_expected = 0;
    for (const auto* row : by_flags[flags]) {
      if (row->topic == "AVERAGE") ++measures_expected;
      auto mit = got.find(row->measure);
      if (mit == got.end()) {
        ADD_FAILURE() << "[" << flags << "] measure " << row->measure << " not computed";
        continue;
      }
      auto tit = mit->second.find(row->topic);
      if (tit == mit->second.end()) {
        ADD_FAILURE() << "[" << flags << "] topic " << row->topic << " missing";
        continue;
      }
      const std::vector<std::string> want{row->r, row->p, row->f};
      const char* what[] = {"R", "P", "F"};
      for (int k = 0; k < 3; ++k) {
        EXPECT_EQ(tit->second[static_cast<std::size_t>(k)], want[static_cast<std::size_t>(k)])
            << "[" << flags << "] " << row->measure << " " << row->topic << " " << what[k];
        ++checked;
      }
    }
    EXPECT_EQ(ev->measures.size(), measures_expected) << "[" << flags << "] measure count";
  }
  return checked;
}

}  // namespace sitrep::eval::testing
