// `sitrep eval` end to end through the built binary (SITREP_BINARY) on the edge fixtures.
#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace {

struct run_result {
  int exit_code;
  std::string out;
};

run_result run(const std::string& args) {
  const std::string cmd = std::string(SITREP_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return {-1, ""};
  std::string out;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

const std::string kEdge = std::string(SITREP_TEST_DATA_DIR) + "/rouge/edge";

TEST(eval_cli, JsonShape) {
  auto r = run("eval --system " + kEdge + "/system --reference " + kEdge +
               "/reference --rouge-args '-n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -l 100' "
               "--format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.contains("measures"));
  ASSERT_EQ(j.size(), 1u);
  const auto& m = j["measures"];
  for (const char* name : {"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"}) {
    ASSERT_TRUE(m.contains(name)) << name;
    const auto& avg = m[name]["average"];
    for (const char* k : {"R", "P", "F"}) EXPECT_TRUE(avg[k].is_number()) << name << k;
    for (const char* k : {"R_ci", "P_ci", "F_ci"}) {
      ASSERT_TRUE(avg[k].is_array());
      EXPECT_EQ(avg[k].size(), 2u);
      EXPECT_LE(avg[k][0].get<double>(), avg[k][1].get<double>());
    }
    EXPECT_EQ(m[name]["topics"].size(), 8u);
    EXPECT_TRUE(m[name]["topics"]["hyphens"]["F"].is_number());
  }
  EXPECT_DOUBLE_EQ(m["ROUGE-1"]["average"]["R"].get<double>(), 0.61383);
  EXPECT_DOUBLE_EQ(m["ROUGE-1"]["topics"]["hyphens"]["R"].get<double>(), 0.84615);
}

TEST(eval_cli, FlagsOverrideRougeArgs) {
  auto r = run("eval --system " + kEdge + "/system --reference " + kEdge +
               "/reference --rouge-args '-n 4' --max-n 1 --no-lcs --format json");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["measures"].size(), 1u);
  EXPECT_TRUE(j["measures"].contains("ROUGE-1"));
}

TEST(eval_cli, TableByDefault) {
  auto r = run("eval --system " + kEdge + "/system --reference " + kEdge +
               "/reference --max-n 1 --per-topic");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("ROUGE-1 Average_R: "), std::string::npos);
  EXPECT_NE(r.out.find("ROUGE-1 Eval hyphens R:0.76923"), std::string::npos);
}

TEST(eval_cli, MismatchedTopicsExit2) {
  const std::string random = std::string(SITREP_TEST_DATA_DIR) + "/rouge/random";
  EXPECT_EQ(run("eval --system " + kEdge + "/system --reference " + random + "/reference").exit_code, 2);
  EXPECT_EQ(run("eval --system " + kEdge + "/system --reference " + kEdge +
                "/reference --rouge-args '-f C'").exit_code, 2);
}

// Option values that allocated gigabytes, looped for hours or printed -nan: refused with exit 2
// before any scoring, whether given through --rouge-args or a flag of their own.
struct refused_case {
  const char* name;
  const char* args;
};

void PrintTo(const refused_case& c, std::ostream* os) { *os << c.args; }

class eval_cli_refuses : public ::testing::TestWithParam<refused_case> {};

TEST_P(eval_cli_refuses, Exit2) {
  auto r = run("eval --system " + kEdge + "/system --reference " + kEdge + "/reference " +
               GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << GetParam().args;
  EXPECT_EQ(r.out, "");
}

INSTANTIATE_TEST_SUITE_P(
    table, eval_cli_refuses,
    ::testing::Values(refused_case{"n_int_max", "--rouge-args '-n 2147483647'"},
                      refused_case{"r_int_max", "--rouge-args '-r 2147483647'"},
                      refused_case{"n_bundled", "--rouge-args '-n444444444'"},
                      refused_case{"w_huge", "--rouge-args '-w 1e308'"},
                      refused_case{"max_n_hex", "--max-n 0x10"},
                      refused_case{"max_n_octal_ten", "--max-n 010"},
                      refused_case{"resamples_int_max", "--resamples 2147483647"},
                      refused_case{"wlcs_weight_huge", "--wlcs-weight 1e308"},
                      refused_case{"confidence_nan", "--confidence nan"},
                      refused_case{"alpha_junk", "--alpha 0.5x"},
                      refused_case{"skip_gap_huge", "--skip-gap 99999999999"},
                      refused_case{"word_limit_negative", "--word-limit=-5"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(eval_cli, FlagValuesAreDecimal) {
  auto r = run("eval --system " + kEdge + "/system --reference " + kEdge +
               "/reference --max-n 02 --skip-gap -1 --format json");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["measures"].contains("ROUGE-2"));
  EXPECT_FALSE(j["measures"].contains("ROUGE-3"));
  EXPECT_TRUE(j["measures"].contains("ROUGE-S*"));
}

}  // namespace
