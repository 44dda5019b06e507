// The command line end to end, through the built binary.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "sitrep/text/tokenizer.hpp"

namespace {

namespace fs = std::filesystem;

struct run_result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    // Parameterized tests are named "Test/param": one folder, not a folder inside another that
    // TearDown would leave behind.
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');
    dir_ = fs::temp_directory_path() / ("sitrep_cli_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  run_result run(const std::string& args, const std::string& stdin_text = "") {
    fs::path in = write("stdin.txt", stdin_text);
    std::string cmd = std::string("'") + SITREP_BINARY + "' " + args + " <'" + in.string() +
                      "' >'" + (dir_ / "out").string() + "' 2>'" + (dir_ / "err").string() + "'";
    int status = std::system(cmd.c_str());
    run_result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir_ / "out");
    r.err = slurp(dir_ / "err");
    return r;
  }

  static std::string example(const std::string& name) {
    return std::string(SITREP_SOURCE_DIR) + "/examples/" + name;
  }

  fs::path dir_;
};

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST_F(Cli, VersionAndHelp) {
  auto v = run("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("sitrep "), std::string::npos);
  for (const char* cmd : {"", "summarize ", "report ", "eval ", "methods "}) {
    auto h = run(std::string(cmd) + "--help");
    EXPECT_EQ(h.exit_code, 0) << cmd;
    EXPECT_NE(h.out.find("Usage"), std::string::npos) << cmd;
  }
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").exit_code, 2);
  EXPECT_EQ(run("summarize").exit_code, 2);
  EXPECT_EQ(run("frobnicate").exit_code, 2);
  EXPECT_EQ(run("summarize --words 10 --bytes 10 " + example("harbour-fire.txt")).exit_code, 2);
  auto r = run("summarize --method nope " + example("harbour-fire.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown method"), std::string::npos);
  EXPECT_EQ(run("summarize --words 0 " + example("harbour-fire.txt")).exit_code, 2);
  EXPECT_EQ(run("summarize --format html " + example("harbour-fire.txt")).exit_code, 2);
  EXPECT_EQ(run("summarize --language klingon " + example("harbour-fire.txt")).exit_code, 2);
}

TEST_F(Cli, SummarizeGivesWholeInputSentencesInOrderWithinBudget) {
  std::string input = slurp(example("harbour-fire.txt"));
  auto r = run("summarize --words 60 " + example("harbour-fire.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto picked = lines(r.out);
  ASSERT_FALSE(picked.empty());
  std::size_t words = 0, last = 0;
  for (const auto& l : picked) {
    std::size_t at = input.find(l);
    ASSERT_NE(at, std::string::npos) << "not a sentence of the input: " << l;
    EXPECT_GE(at, last) << "out of order: " << l;
    last = at;
    words += sitrep::text::count_words(l);
  }
  EXPECT_LE(words, 60u);
}

TEST_F(Cli, SummarizeFromStandardInputAndJson) {
  auto r = run("summarize --sentences 1 --format json -",
               "The bridge is closed.\nFirefighters contained the depot fire on Saturday.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["sentences"].size(), 1u);
  EXPECT_EQ(j["sentences"][0]["origin"], "-");
  EXPECT_TRUE(j["sentences"][0].contains("byte_begin"));
}

TEST_F(Cli, OutputDirWritesOneSummaryPerInput) {
  write("a.jsonl", R"({"id": "1", "text": "Police closed the harbour bridge on Friday morning."})" "\n");
  write("b.txt", "Seven workers were injured in the depot fire.\nThe mayor visited the scene.\n");
  fs::path out = dir_ / "summaries";
  auto r = run("summarize --words 20 --output-dir '" + out.string() + "' '" +
               (dir_ / "a.jsonl").string() + "' '" + (dir_ / "b.txt").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(out / "a.txt"), "Police closed the harbour bridge on Friday morning.\n");
  EXPECT_FALSE(slurp(out / "b.txt").empty());
}

TEST_F(Cli, ReportJsonCarriesEveryField) {
  auto r = run("report --format json " + example("harbour-fire.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["updates"], 18);
  EXPECT_FALSE(j["headline"].empty());
  EXPECT_GE(j["sources"].size(), 5u);
  EXPECT_EQ(j["time_span"]["first"], "2026-03-14T06:02:00Z");
  EXPECT_EQ(j["time_span"]["last"], "2026-03-14T13:05:00Z");
  auto t = run("report " + example("harbour-fire.jsonl"));
  ASSERT_EQ(t.exit_code, 0);
  EXPECT_NE(t.out.find("Time span: 2026-03-14T06:02:00Z to 2026-03-14T13:05:00Z (7 h 3 min)"),
            std::string::npos)
      << t.out;
}

TEST_F(Cli, MethodsListsEveryMethod) {
  auto r = run("methods");
  ASSERT_EQ(r.exit_code, 0);
  for (const char* id : {"lead", "centroid", "lexrank"})
    EXPECT_NE(r.out.find(id), std::string::npos) << id;
  EXPECT_NE(r.out.find("(default)"), std::string::npos);
}

struct bad_case {
  const char* name;
  const char* file;
  std::string content;
  const char* message;  // part of the error message after "<file>:<line>: "
  int line;
  std::string args = "";       // extra command-line arguments
  bool keeps_good = true;      // --skip-bad keeps the good lines around the bad one
};

class BadInput : public Cli, public ::testing::WithParamInterface<bad_case> {};

TEST_P(BadInput, ExitsTwoNamingFileAndLineOrSkipsWithCount) {
  const bad_case& c = GetParam();
  std::string good = std::string(c.file).ends_with(".jsonl")
                         ? R"({"text": "The harbour bridge remains closed tonight."})" "\n"
                         : "The harbour bridge remains closed tonight.\n";
  fs::path p = write(c.file, good + c.content + good);
  auto r = run("summarize " + c.args + " '" + p.string() + "'");
  EXPECT_EQ(r.exit_code, 2) << c.name;
  EXPECT_NE(r.err.find(p.string() + ":" + std::to_string(c.line)), std::string::npos)
      << c.name << ": " << r.err;
  EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << ": " << r.err;

  auto skip = run("summarize --skip-bad " + c.args + " '" + p.string() + "'");
  EXPECT_EQ(skip.exit_code, 0) << c.name << ": " << skip.err;
  EXPECT_NE(skip.err.find("skipped 1 bad record"), std::string::npos) << c.name << ": " << skip.err;
  EXPECT_EQ(skip.out.find("harbour bridge") != std::string::npos, c.keeps_good) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, BadInput,
    ::testing::Values(
        bad_case{"invalid_utf8_text", "bad.txt", "caf\xC3\x28 is closed\n", "UTF-8", 2},
        bad_case{"invalid_utf8_json", "bad.jsonl", "{\"text\": \"caf\xC3\x28\"}\n", "UTF-8", 2},
        bad_case{"bad_json", "bad.jsonl", "{\"text\": \"unterminated\n", "JSON", 2},
        bad_case{"missing_text", "bad.jsonl", "{\"id\": \"7\", \"title\": \"no body\"}\n", "text", 2},
        bad_case{"long_line", "bad.txt", std::string(300, 'x') + "\n", "longer than 100 bytes", 2,
                 "--max-line-bytes 100"},
        // A NUL byte near the start makes the whole file binary: skipped whole.
        bad_case{"binary_file", "bad.txt", std::string("bin\0ary\n", 8), "binary", 2, "", false}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(Cli, MissingFileExitsTwo) {
  auto r = run("summarize '" + (dir_ / "nope.txt").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.txt"), std::string::npos);
}

}  // namespace
