// `sitrep watch` end to end: the binary is spawned with pipes, fed lines one at a time, and its
// reports are read back as they come.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Bounds a failing test only; every wait ends as soon as its line arrives.
constexpr int kWaitMs = 10000;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The sitrep binary run with `args`: its standard input a pipe the test writes, its standard
// output a pipe the test reads line by line, its standard error a file.
class child {
 public:
  child(const std::vector<std::string>& args, const fs::path& err_file) : err_file_(err_file) {
    ::signal(SIGPIPE, SIG_IGN);  // a child that ended must fail the test, not kill it
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::signal(SIGPIPE, SIG_DFL);
      ::dup2(in[0], STDIN_FILENO);
      ::dup2(out[1], STDOUT_FILENO);
      const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, STDERR_FILENO);
      std::vector<char*> argv;
      std::string binary = SITREP_BINARY;
      argv.push_back(binary.data());
      std::vector<std::string> copy = args;
      for (auto& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(binary.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    in_ = in[1];
    out_ = out[0];
  }
  ~child() {
    close_input();
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0 && !waited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  bool started() const { return pid_ > 0; }

  void write(const std::string& text) {
    ASSERT_EQ(::write(in_, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }
  void close_input() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }
  void signal(int sig) { ::kill(pid_, sig); }

  // The next line of standard output without its '\n'; nullopt at its end or after timeout_ms.
  std::optional<std::string> read_line(int timeout_ms = kWaitMs) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
        std::string line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return line;
      }
      if (eof_) return std::nullopt;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char block[65536];
      const ssize_t n = ::read(out_, block, sizeof block);
      if (n <= 0)
        eof_ = true;
      else
        buffer_.append(block, static_cast<std::size_t>(n));
    }
  }

  // Waits for the exit; -1 when the child did not exit normally. The rest of standard output
  // is in `rest()`.
  int wait() {
    close_input();
    while (auto line = read_line()) rest_ += *line + "\n";
    rest_ += buffer_;
    int status = 0;
    ::waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  const std::string& rest() const { return rest_; }
  std::string err() const { return slurp(err_file_); }

 private:
  fs::path err_file_;
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  bool eof_ = false;
  bool waited_ = false;
  std::string buffer_;
  std::string rest_;
};

class Watch : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep_watch_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  std::unique_ptr<child> start(const std::vector<std::string>& args) {
    auto c = std::make_unique<child>(args, dir_ / "err");
    EXPECT_TRUE(c->started());
    return c;
  }

  fs::path dir_;
};

// One JSON report line, parsed; a null json (and a test failure) when it is not one.
json report_of(const std::optional<std::string>& line) {
  EXPECT_TRUE(line) << "no report line";
  if (!line) return {};
  json j = json::parse(*line, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << *line;
  EXPECT_TRUE(j.is_object() && j.contains("updates")) << *line;
  return j.is_discarded() ? json() : j;
}

// Updates of the whole stream the report stood on (a report's own "updates" are its story's).
// A refresh lists only the largest stories; the stream's totals are its "stream" object, which
// must agree with the stories listed.
std::size_t updates_of(const std::optional<std::string>& line) {
  const json j = report_of(line);
  if (!j.is_object() || !j.contains("stream")) return 0;
  std::size_t listed = 0;
  for (const auto& s : j["stories"]) listed += s["updates"].get<std::size_t>();
  const auto total = j["stream"]["updates"].get<std::size_t>();
  EXPECT_LE(listed, total);
  EXPECT_LE(j["stories"].size(), j["stream"]["stories"].get<std::size_t>());
  if (j["stories"].size() == j["stream"]["stories"].get<std::size_t>()) {
    EXPECT_EQ(listed, total);
  }
  return total;
}

// Whether any headline sentence of the report holds `word`.
bool headline_has(const json& report, const std::string& word) {
  if (!report.is_object()) return false;
  for (const auto& s : report["headline"])
    if (s["text"].get<std::string>().find(word) != std::string::npos) return true;
  return false;
}

// The seed live blog when ../shared is there, else a few lines written here.
std::vector<std::string> seed_lines() {
  std::vector<std::string> lines;
  std::ifstream in(std::string(SITREP_SHARED_DIR) + "/examples/bamako-liveblog.txt");
  for (std::string l; std::getline(in, l);)
    if (l.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(l);
  if (!lines.empty()) return lines;
  return {"Gunmen attacked the Radisson Blu hotel in Bamako on Friday morning.",
          "About 170 guests and staff were held inside, the hotel group said.",
          "Malian special forces entered the building with French and US support.",
          "Officials said several hostages had been freed by midday.",
          "The siege ended in the afternoon; the death toll is not yet known."};
}

TEST_F(Watch, GivesOneJsonReportPerUpdateFedOneAtATime) {
  const auto lines = seed_lines();
  auto w = start({"watch", "--format", "jsonl", "-"});
  for (std::size_t i = 0; i < lines.size(); ++i) {
    w->write(lines[i] + "\n");
    const json r = report_of(w->read_line());
    ASSERT_TRUE(r.is_object()) << "after line " << i + 1;
    EXPECT_EQ(updates_of(r.dump()), i + 1);
    EXPECT_FALSE(r["headline"].empty());
  }
  EXPECT_EQ(w->wait(), 0) << w->err();
  EXPECT_EQ(w->rest(), "") << "the last report was already up to date";
}

TEST_F(Watch, FollowsAFileThroughGrowthTruncationAndReplacement) {
  // One story (the Arlo valley floods), so that the report's summary holds every update.
  const fs::path feed =
      write("feed.txt",
            "Rescue teams searched the flooded Arlo valley for survivors all night.\n"
            "The governor declared a state of emergency in the Arlo valley after the flood.\n");
  // Every sentence fits the budget, and sumbasic keeps each of these (they share no content).
  auto w = start(
      {"watch", "--format", "jsonl", "--method", "sumbasic", "--sentences", "100", feed.string()});
  EXPECT_EQ(updates_of(w->read_line()), 2u);

  std::ofstream(feed, std::ios::app)
      << "Volunteers brought rescued pelicans from the Arlo valley flood to a shelter.\n";
  json r = report_of(w->read_line());
  EXPECT_EQ(r["updates"], 3u);
  EXPECT_TRUE(headline_has(r, "pelicans")) << r.dump();

  // Shorter than what was read: a truncation, whenever watch looks.
  std::ofstream(feed, std::ios::trunc)
      << "Several zebras escaped from the zoo in the flooded Arlo valley.\n";
  r = report_of(w->read_line());
  EXPECT_EQ(r["updates"], 4u);
  EXPECT_TRUE(headline_has(r, "zebras")) << r.dump();

  const fs::path fresh = write(
      "feed.new", "A herd of giraffes crossed the flooded Arlo valley near the zoo as rescue teams watched.\n");
  fs::rename(fresh, feed);
  r = report_of(w->read_line());
  EXPECT_EQ(r["updates"], 5u);
  EXPECT_TRUE(headline_has(r, "giraffes")) << r.dump();
  for (const auto& s : r["headline"]) {
    if (s["text"].get<std::string>().find("giraffes") != std::string::npos) {
      EXPECT_EQ(s["line"], 1u) << "lines count again in the new file";
    }
  }

  w->signal(SIGTERM);
  EXPECT_EQ(w->wait(), 0) << w->err();
  const std::string err = w->err();
  EXPECT_NE(err.find("file truncated"), std::string::npos) << err;
  EXPECT_NE(err.find("file replaced"), std::string::npos) << err;
}

TEST_F(Watch, SigintEndsWithTheFinalReportAndExitZero) {
  const auto lines = seed_lines();
  // A long interval holds back every report after the first, so the final one is the only
  // one that can show the later lines.
  auto w = start({"watch", "--format", "jsonl", "--interval", "60", "-"});
  w->write(lines[0] + "\n");
  EXPECT_EQ(updates_of(w->read_line()), 1u);  // watch is up and its handlers are set
  w->write(lines[1] + "\n" + lines[2] + "\n");
  w->signal(SIGINT);
  EXPECT_EQ(updates_of(w->read_line()), 3u);
  EXPECT_EQ(w->wait(), 0) << w->err();
  EXPECT_EQ(w->rest(), "");
}

// Equivalence: a followed file, its refreshes summarizing a window of 5 updates, ends (Ctrl-C)
// with exactly the report `sitrep report` gives for the whole file.
TEST_F(Watch, ItsFinalReportIsTheReportOfTheWholeStream) {
  const std::string path = SITREP_SOURCE_DIR "/examples/harbour-fire.jsonl";
  auto w = start({"watch", "--format", "jsonl", "--window", "5", path});
  std::optional<std::string> line;
  while ((line = w->read_line()) && updates_of(line) < 18) {
  }
  ASSERT_TRUE(line.has_value()) << w->err();
  const json windowed = report_of(line);
  w->signal(SIGINT);
  const auto final_line = w->read_line();
  EXPECT_EQ(w->wait(), 0) << w->err();
  ASSERT_TRUE(final_line.has_value());
  auto r = start({"report", "--format", "json", path});
  ASSERT_EQ(r->wait(), 0) << r->err();
  const json batch = json::parse(r->rest());
  EXPECT_EQ(report_of(final_line), batch);
  // The refresh differed only in its summary: the counts are the whole stream's.
  EXPECT_EQ(windowed["updates"], batch["updates"]);
  EXPECT_EQ(windowed["sources"], batch["sources"]);
  EXPECT_EQ(windowed["time_span"], batch["time_span"]);
  for (const auto& s : windowed["headline"])
    EXPECT_GE(std::stoi(s["update_id"].get<std::string>().substr(1)), 14) << s["text"];
}

TEST_F(Watch, SigintOnATerminalStyleTextReportAlsoEndsCleanly) {
  const auto lines = seed_lines();
  auto w = start({"watch", "-"});  // not a terminal: each report followed by "---"
  w->write(lines[0] + "\n");
  std::vector<std::string> out;
  for (auto l = w->read_line(); l && *l != "---"; l = w->read_line()) out.push_back(*l);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.front(), "SITUATION REPORT");
  w->signal(SIGINT);
  EXPECT_EQ(w->wait(), 0) << w->err();
  EXPECT_EQ(w->rest(), "") << "already up to date";
}

TEST_F(Watch, ABadRecordEndsWithFileAndLineAndExitTwo) {
  const fs::path feed = write("feed.jsonl",
                              "{\"text\": \"The airport reopened on Tuesday.\"}\n"
                              "{\"text\": 5}\n"
                              "{\"text\": \"Flights resumed in the evening.\"}\n");
  auto w = start({"watch", "--format", "jsonl", feed.string()});
  EXPECT_EQ(w->wait(), 2);
  EXPECT_EQ(w->rest(), "") << "nothing is printed after a bad record";
  const std::string err = w->err();
  EXPECT_NE(err.find("sitrep: " + feed.string() + ":2: "), std::string::npos) << err;
}

TEST_F(Watch, ABadRecordOnStandardInputNamesItsLine) {
  auto w = start({"watch", "--format", "jsonl", "--input-format", "jsonl", "-"});
  w->write("{\"text\": \"The airport reopened on Tuesday.\"}\n");
  EXPECT_EQ(updates_of(w->read_line()), 1u);
  w->write("{\"text\": \"unterminated\n");
  EXPECT_EQ(w->wait(), 2);
  EXPECT_EQ(w->rest(), "");
  EXPECT_NE(w->err().find("sitrep: -:2: invalid JSON"), std::string::npos) << w->err();
}

TEST_F(Watch, SkipBadGoesOnAndReportsTheSkip) {
  const fs::path feed = write("feed.jsonl",
                              "{\"text\": \"The airport reopened on Tuesday.\"}\n"
                              "{\"text\": 5}\n"
                              "{\"text\": \"Flights resumed in the evening.\"}\n");
  auto w = start({"watch", "--format", "jsonl", "--skip-bad", feed.string()});
  EXPECT_EQ(updates_of(w->read_line()), 2u);
  std::ofstream(feed, std::ios::app) << "{\"text\": \"Queues formed at the check-in desks.\"}\n";
  EXPECT_EQ(updates_of(w->read_line()), 3u);
  w->signal(SIGINT);
  EXPECT_EQ(w->wait(), 0) << w->err();
  const std::string err = w->err();
  EXPECT_NE(err.find(feed.string() + ":2: "), std::string::npos) << err;
  EXPECT_NE(err.find("skipped 1 bad record (--skip-bad); read 3 updates"), std::string::npos)
      << err;
}

TEST_F(Watch, EveryNGivesOneReportPerNUpdatesAndTheFinalOne) {
  const auto lines = seed_lines();
  ASSERT_GE(lines.size(), 4u);
  auto w = start({"watch", "--format", "jsonl", "--every", "3", "-"});
  w->write(lines[0] + "\n" + lines[1] + "\n");
  w->write(lines[2] + "\n");
  EXPECT_EQ(updates_of(w->read_line()), 3u);
  w->write(lines[0] + "\n");
  w->write(lines[1] + "\n");
  w->write(lines[2] + "\n");
  EXPECT_EQ(updates_of(w->read_line()), 6u);
  w->write(lines[3] + "\n");
  w->close_input();
  EXPECT_EQ(updates_of(w->read_line()), 7u);  // the final report
  EXPECT_EQ(w->wait(), 0) << w->err();
  EXPECT_EQ(w->rest(), "");
}

TEST_F(Watch, IntervalGathersUpdatesIntoOneReport) {
  const auto lines = seed_lines();
  ASSERT_GE(lines.size(), 4u);
  // The three lines are written at once, well within the interval.
  auto w = start({"watch", "--format", "json", "--interval", "1", "-"});
  w->write(lines[0] + "\n");
  EXPECT_EQ(updates_of(w->read_line()), 1u);  // the first report is not held back
  for (std::size_t i = 1; i < 4; ++i) w->write(lines[i] + "\n");
  EXPECT_EQ(updates_of(w->read_line()), 4u);  // one report for the three
  w->close_input();
  EXPECT_EQ(w->wait(), 0) << w->err();
  EXPECT_EQ(w->rest(), "");
}

TEST_F(Watch, UsageErrorsExitTwo) {
  const fs::path feed = write("feed.txt", "One line.\n");
  const std::vector<std::vector<std::string>> cases = {
      {"watch", "--every", "0", "-"},
      {"watch", "--every", "-1", "-"},
      {"watch", "--interval", "abc", "-"},
      {"watch", "--interval", "0", "-"},
      {"watch", "--from-end", "-"},
      {"watch", "--format", "html", "-"},
      {"watch", feed.string(), feed.string()},
      {"watch", (dir_ / "missing.txt").string()},
      {"watch", dir_.string()},
  };
  for (const auto& args : cases) {
    auto w = start(args);
    EXPECT_EQ(w->wait(), 2) << args[1] << " " << args[2];
    EXPECT_NE(w->err().find("sitrep: "), std::string::npos) << w->err();
  }
}

}  // namespace
