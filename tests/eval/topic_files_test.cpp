// load_topics refuses summaries and references that are not UTF-8 text.
#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sitrep/eval/topic_files.hpp"

namespace sitrep::eval {
namespace {

namespace fs = std::filesystem;

struct bad_file_case {
  const char* name;
  bool in_reference;     // the bad file is the reference (else the system summary)
  std::string content;   // of the bad file
  const char* expected;  // message after the path
};

void PrintTo(const bad_file_case& c, std::ostream* os) {
  *os << c.name << (c.in_reference ? " (reference)" : " (system)");
}

class load_topics_bad_text : public ::testing::TestWithParam<bad_file_case> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep_topics_" + std::to_string(::getpid()) + "_" + GetParam().name);
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sys");
    fs::create_directories(dir_ / "ref");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const fs::path& p, const std::string& content) {
    std::ofstream(p, std::ios::binary) << content;
  }
  fs::path dir_;
};

TEST_P(load_topics_bad_text, IsInvalidInputNamingLineAndByte) {
  const auto& c = GetParam();
  const fs::path sys = dir_ / "sys" / "d1.txt", ref = dir_ / "ref" / "d1.A.txt";
  write(sys, c.in_reference ? "fine text\n" : c.content);
  write(ref, c.in_reference ? c.content : "fine text\n");
  auto t = load_topics((dir_ / "sys").string(), (dir_ / "ref").string());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code(), error_code::invalid_input);
  const fs::path bad = c.in_reference ? ref : sys;
  EXPECT_EQ(t.error().message(), bad.string() + ":" + c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    table, load_topics_bad_text,
    ::testing::Values(
        bad_file_case{"system_latin1", false, "caf\xe9 au lait\n", "1: invalid UTF-8 at byte 4"},
        bad_file_case{"system_nul", false, std::string("ab\0cd", 5), "1: binary data (NUL byte at byte 3)"},
        bad_file_case{"reference_second_line", true, "ok line\nbad \xC3\x28 here\n",
                      "2: invalid UTF-8 at byte 5"},
        bad_file_case{"reference_truncated", true, "ends inside \xE2\x82", "1: invalid UTF-8 at byte 13"},
        bad_file_case{"reference_overlong", true, "\xC0\xAF", "1: invalid UTF-8 at byte 1"},
        bad_file_case{"reference_surrogate", true, "x\xED\xA0\x80", "1: invalid UTF-8 at byte 2"},
        bad_file_case{"reference_binary", true, std::string("\x7F" "ELF\0\0\0", 7),
                      "1: binary data (NUL byte at byte 5)"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(load_topics, AcceptsUtf8Text) {
  const fs::path dir = fs::temp_directory_path() / ("sitrep_topics_ok_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sys");
  fs::create_directories(dir / "ref");
  std::ofstream(dir / "sys" / "d1.txt", std::ios::binary) << "\xC3\x89l\xC3\xA9phant \xF0\x9F\x90\x98\n";
  std::ofstream(dir / "ref" / "d1.A.txt", std::ios::binary) << "The elephant arrived.\n";
  auto t = load_topics((dir / "sys").string(), (dir / "ref").string());
  fs::remove_all(dir);
  ASSERT_TRUE(t.ok()) << t.error().message();
  EXPECT_EQ(t->size(), 1u);
}

}  // namespace
}  // namespace sitrep::eval
