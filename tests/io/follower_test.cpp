#include "sitrep/io/follower.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace sitrep::io {
namespace {

namespace fs = std::filesystem;

// Generous: the follower checks a file every 5 ms; this only bounds a failing test.
constexpr int kWaitMs = 2000;

class Follower : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep_follower_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "feed.txt").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void append(const std::string& text, const std::string& path = {}) {
    std::ofstream(path.empty() ? path_ : path, std::ios::binary | std::ios::app) << text;
  }
  void overwrite(const std::string& text, const std::string& path = {}) {
    std::ofstream(path.empty() ? path_ : path, std::ios::binary | std::ios::trunc) << text;
  }

  fs::path dir_;
  std::string path_;
};

// The next event that is not `idle`, waiting up to kWaitMs.
follow_event next_event(follower& f) { return f.next(kWaitMs); }

// The next line, after checking that it is one.
std::string next_line(follower& f) {
  const follow_event e = f.next(kWaitMs);
  EXPECT_EQ(e, follow_event::line) << to_string(e);
  return e == follow_event::line ? std::string(f.line()) : std::string("<") + to_string(e) + ">";
}

TEST_F(Follower, ReadsAFileFromItsStartThenWhatIsAppended) {
  append("one\ntwo\n");
  auto f = follower::open(path_, {});
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_TRUE(f->follows_file());
  EXPECT_EQ(next_line(*f), "one");
  EXPECT_EQ(f->line_number(), 1u);
  EXPECT_EQ(next_line(*f), "two");
  EXPECT_EQ(f->next(0), follow_event::idle);
  EXPECT_EQ(f->next(20), follow_event::idle);  // a file never ends
  append("thr");
  EXPECT_EQ(f->next(30), follow_event::idle);  // a partial line is held
  append("ee\r\nfour\n");
  EXPECT_EQ(next_line(*f), "three");
  EXPECT_EQ(f->line_number(), 3u);
  EXPECT_EQ(next_line(*f), "four");
  EXPECT_EQ(f->incarnation(), 0u);
}

TEST_F(Follower, FromEndPassesOverWhatIsThereButCountsItsLines) {
  append("one\ntwo\nthr");
  follower_options o;
  o.from_start = false;
  auto f = follower::open(path_, o);
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(f->next(0), follow_event::idle);
  append("ee\nfour\n");
  EXPECT_EQ(next_line(*f), "three");
  EXPECT_EQ(f->line_number(), 3u);
  EXPECT_EQ(next_line(*f), "four");
  EXPECT_EQ(f->line_number(), 4u);
}

TEST_F(Follower, TruncationStartsAgainFromTheStart) {
  append("a first line that is fairly long\na second line that is fairly long\n");
  auto f = follower::open(path_, {});
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(next_line(*f), "a first line that is fairly long");
  EXPECT_EQ(next_line(*f), "a second line that is fairly long");
  EXPECT_EQ(f->next(0), follow_event::idle);
  overwrite("short\n");
  EXPECT_EQ(next_event(*f), follow_event::truncated);
  EXPECT_EQ(f->incarnation(), 1u);
  EXPECT_EQ(next_line(*f), "short");
  EXPECT_EQ(f->line_number(), 1u);
  append("more\n");
  EXPECT_EQ(next_line(*f), "more");
  EXPECT_EQ(f->line_number(), 2u);
}

TEST_F(Follower, ReplacementFinishesTheOldFileThenReadsTheNew) {
  append("old one\nold partial");
  auto f = follower::open(path_, {});
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(next_line(*f), "old one");
  EXPECT_EQ(f->next(0), follow_event::idle);
  const std::string fresh = (dir_ / "feed.new").string();
  overwrite("new one\nnew two\n", fresh);
  fs::rename(fresh, path_);
  // Nothing can complete the old file's last line now: it counts.
  EXPECT_EQ(next_line(*f), "old partial");
  EXPECT_EQ(f->line_number(), 2u);
  EXPECT_EQ(next_event(*f), follow_event::replaced);
  EXPECT_EQ(f->incarnation(), 1u);
  EXPECT_EQ(next_line(*f), "new one");
  EXPECT_EQ(f->line_number(), 1u);
  EXPECT_EQ(next_line(*f), "new two");
}

TEST_F(Follower, AVanishedPathIsWaitedFor) {
  append("one\n");
  auto f = follower::open(path_, {});
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(next_line(*f), "one");
  fs::remove(path_);
  EXPECT_EQ(next_event(*f), follow_event::vanished);
  EXPECT_EQ(f->next(20), follow_event::idle);  // said once, then waiting
  append("back\n");
  EXPECT_EQ(next_event(*f), follow_event::replaced);
  EXPECT_EQ(next_line(*f), "back");
  EXPECT_EQ(f->line_number(), 1u);
}

TEST_F(Follower, TooLongLinesAreReportedWithTheirNumber) {
  append("short\n" + std::string(100, 'x') + "\nafter\n");
  follower_options o;
  o.max_line_bytes = 10;
  auto f = follower::open(path_, o);
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(next_line(*f), "short");
  EXPECT_EQ(next_event(*f), follow_event::too_long);
  EXPECT_EQ(f->line_number(), 2u);
  EXPECT_EQ(next_line(*f), "after");
  EXPECT_EQ(f->line_number(), 3u);
}

TEST_F(Follower, OpenFailsForAMissingPathOrAFolder) {
  auto missing = follower::open((dir_ / "nope.txt").string(), {});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("nope.txt: cannot open"), std::string::npos);
  auto folder = follower::open(dir_.string(), {});
  ASSERT_FALSE(folder);
  EXPECT_NE(folder.error().message().find("is a folder"), std::string::npos);
}

// Puts the read end of a pipe on standard input for the test's lifetime.
class StdinPipe {
 public:
  StdinPipe() {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    saved_ = ::dup(STDIN_FILENO);
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    write_fd_ = fds[1];
  }
  ~StdinPipe() {
    close_writer();
    ::dup2(saved_, STDIN_FILENO);
    ::close(saved_);
  }
  void write(const std::string& s) {
    EXPECT_EQ(::write(write_fd_, s.data(), s.size()), static_cast<ssize_t>(s.size()));
  }
  void close_writer() {
    if (write_fd_ >= 0) ::close(write_fd_);
    write_fd_ = -1;
  }

 private:
  int saved_ = -1;
  int write_fd_ = -1;
};

TEST_F(Follower, StandardInputGivesLinesAsTheyArriveAndEnds) {
  StdinPipe in;
  {
    auto f = follower::open("-", {});
    ASSERT_TRUE(f) << f.error().message();
    EXPECT_FALSE(f->follows_file());
    EXPECT_NE(::fcntl(STDIN_FILENO, F_GETFL) & O_NONBLOCK, 0);
    EXPECT_EQ(f->next(10), follow_event::idle);
    in.write("one\ntw");
    EXPECT_EQ(next_line(*f), "one");
    EXPECT_EQ(f->next(10), follow_event::idle);  // "tw" waits for its end
    in.write("o\nlast without end");
    EXPECT_EQ(next_line(*f), "two");
    in.close_writer();
    EXPECT_EQ(next_line(*f), "last without end");
    EXPECT_EQ(f->line_number(), 3u);
    EXPECT_EQ(f->next(-1), follow_event::end);
    EXPECT_EQ(f->next(-1), follow_event::end);
  }
  EXPECT_EQ(::fcntl(STDIN_FILENO, F_GETFL) & O_NONBLOCK, 0);  // flags put back
}

TEST_F(Follower, TheWakeDescriptorEndsAWaitButNotBeforeAvailableLines) {
  StdinPipe in;
  int wake[2];
  ASSERT_EQ(::pipe(wake), 0);
  follower_options o;
  o.wake_fd = wake[0];
  auto f = follower::open("-", o);
  ASSERT_TRUE(f) << f.error().message();
  in.write("ready\n");
  ASSERT_EQ(::write(wake[1], "x", 1), 1);
  EXPECT_EQ(next_line(*f), "ready");
  EXPECT_EQ(f->next(-1), follow_event::woken);
  ::close(wake[0]);
  ::close(wake[1]);
}

TEST_F(Follower, TheWakeDescriptorAlsoWakesAFileWait) {
  append("one\n");
  int wake[2];
  ASSERT_EQ(::pipe(wake), 0);
  follower_options o;
  o.wake_fd = wake[0];
  auto f = follower::open(path_, o);
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(next_line(*f), "one");
  ASSERT_EQ(::write(wake[1], "x", 1), 1);
  EXPECT_EQ(f->next(-1), follow_event::woken);
  ::close(wake[0]);
  ::close(wake[1]);
}

}  // namespace
}  // namespace sitrep::io
