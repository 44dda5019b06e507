#include "sitrep/io/line_source.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sitrep/io/record_decoder.hpp"

namespace sitrep::io {
namespace {

using ::testing::ElementsAre;

struct read_result {
  std::vector<std::string> lines;
  std::vector<std::size_t> numbers;
  std::vector<std::uint64_t> offsets;
  std::size_t too_long = 0;
};

read_result read_all(line_source& src) {
  read_result r;
  for (;;) {
    const line_event e = src.next();
    if (e == line_event::end || e == line_event::read_error) break;
    if (e == line_event::too_long) {
      ++r.too_long;
      r.numbers.push_back(src.line_number());
      continue;
    }
    r.lines.emplace_back(src.line());
    r.numbers.push_back(src.line_number());
    r.offsets.push_back(src.line_offset());
  }
  return r;
}

// Every block size from tiny to larger than the input, so that each line end (and a "\r\n"
// pair) falls across a read boundary somewhere.
std::vector<std::size_t> block_sizes() { return {4096, 4097, 5000, 8192, 1 << 16}; }

read_result read_string(const std::string& input, line_source_options o = {}) {
  std::istringstream in(input);
  line_source src(in, o);
  return read_all(src);
}

struct line_end_case {
  const char* name;
  std::string input;
  std::vector<std::string> lines;
  std::vector<std::size_t> numbers;
};

class line_ends : public ::testing::TestWithParam<line_end_case> {};

TEST_P(line_ends, are_lf_crlf_and_lone_cr) {
  const line_end_case& c = GetParam();
  const read_result r = read_string(c.input);
  EXPECT_EQ(r.lines, c.lines);
  EXPECT_EQ(r.numbers, c.numbers);
}

INSTANTIATE_TEST_SUITE_P(
    io, line_ends,
    ::testing::Values(
        line_end_case{"lf", "a\nb\n", {"a", "b"}, {1, 2}},
        line_end_case{"crlf", "a\r\nb\r\n", {"a", "b"}, {1, 2}},
        line_end_case{"lone_cr", "a\rb\rc", {"a", "b", "c"}, {1, 2, 3}},
        line_end_case{"mixed", "a\r\nb\rc\nd", {"a", "b", "c", "d"}, {1, 2, 3, 4}},
        line_end_case{"blank_lines", "\n\r\n\r", {"", "", ""}, {1, 2, 3}},
        line_end_case{"cr_then_blank_lf", "a\r\n\nb", {"a", "", "b"}, {1, 2, 3}},
        line_end_case{"bom", "\xEF\xBB\xBFone\ntwo", {"one", "two"}, {1, 2}},
        line_end_case{"bom_only", "\xEF\xBB\xBF", {""}, {1}},
        line_end_case{"bom_not_at_start", "x\n\xEF\xBB\xBFy", {"x", "\xEF\xBB\xBFy"}, {1, 2}},
        line_end_case{"no_final_newline", "last", {"last"}, {1}},
        line_end_case{"empty", "", {}, {}}),
    [](const ::testing::TestParamInfo<line_end_case>& info) { return info.param.name; });

TEST(line_source, crlf_split_across_reads_is_one_line_end) {
  // Line ends placed right at each read boundary, for several block sizes.
  for (const std::size_t block : block_sizes()) {
    SCOPED_TRACE(block);
    std::string input = std::string(block - 1, 'x') + "\r\n" + "y\r\n" +
                        std::string(block - 2, 'z') + "\r" + "\n" + "w";
    line_source_options o;
    o.block_bytes = block;
    const read_result r = read_string(input, o);
    ASSERT_EQ(r.lines.size(), 4u);
    EXPECT_EQ(r.lines[1], "y");
    EXPECT_EQ(r.lines[3], "w");
    EXPECT_THAT(r.numbers, ElementsAre(1, 2, 3, 4));
    EXPECT_EQ(r.offsets[1], block + 1);
  }
}

TEST(line_source, offsets_point_at_line_starts) {
  const read_result r = read_string("\xEF\xBB\xBF" "ab\r\ncd\ref\n");
  EXPECT_THAT(r.lines, ElementsAre("ab", "cd", "ef"));
  EXPECT_THAT(r.offsets, ElementsAre(3, 7, 10));
}

TEST(line_source, too_long_lines_are_reported_and_skipped_with_bounded_memory) {
  for (const std::size_t block : block_sizes()) {
    SCOPED_TRACE(block);
    line_source_options o;
    o.block_bytes = block;
    o.max_line_bytes = 100;
    const std::string input = "short\n" + std::string(30000, 'x') + "\r\nafter\n" +
                              std::string(101, 'y') + "\n" + std::string(100, 'z') + "\rend" +
                              std::string(5000, 'q');
    const read_result r = read_string(input, o);
    EXPECT_THAT(r.lines, ElementsAre("short", "after", std::string(100, 'z')));
    EXPECT_EQ(r.too_long, 3u);
    EXPECT_THAT(r.numbers, ElementsAre(1, 2, 3, 4, 5, 6));
  }
}

TEST(line_source, lines_exactly_at_the_limit_pass) {
  line_source_options o;
  o.max_line_bytes = 5000;
  o.block_bytes = 4096;
  const read_result r = read_string(std::string(5000, 'a') + "\n" + std::string(5001, 'b'), o);
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0].size(), 5000u);
  EXPECT_EQ(r.too_long, 1u);
}

TEST(line_source, open_names_the_path_when_it_cannot) {
  auto missing = line_source::open("/nonexistent/sitrep-test/feed.jsonl", {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), error_code::io_error);
  EXPECT_THAT(missing.error().message(),
              ::testing::StartsWith("/nonexistent/sitrep-test/feed.jsonl: cannot open: "));
  auto folder = line_source::open("/", {});
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().message(), "/: cannot open: is a folder");
}

TEST(line_source, follows_a_growing_input_with_hold_partial_line) {
  std::stringstream in;
  line_source_options o;
  o.hold_partial_line = true;
  line_source src(in, o);
  in << "one\ntw";
  ASSERT_EQ(src.next(), line_event::line);
  EXPECT_EQ(src.line(), "one");
  EXPECT_EQ(src.next(), line_event::end);  // "tw" is held, not returned
  in.clear();  // (a stringstream at its end refuses writes until cleared)
  in << "o\r";
  ASSERT_EQ(src.next(), line_event::line);
  EXPECT_EQ(src.line(), "two");
  EXPECT_EQ(src.next(), line_event::end);
  in.clear();
  in << "\nthree\n";  // the '\n' belongs to "two"'s "\r\n"
  ASSERT_EQ(src.next(), line_event::line);
  EXPECT_EQ(src.line(), "three");
  EXPECT_EQ(src.line_number(), 3u);
  EXPECT_EQ(src.next(), line_event::end);
}

// The live case: a writer puts one JSON line into a pipe, then waits until the reader has
// decoded it before writing the next one. If the source waited for a full block or for the
// end of input, the reader would never see the first line and the writer's wait would time
// out: each line must be decoded while the pipe stays open.
TEST(line_source, a_slow_pipe_delivers_each_line_as_soon_as_it_is_complete) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  line_source src(fds[0], true, {});
  record_decoder decode("-", input_format::jsonl);

  std::mutex m;
  std::condition_variable cv;
  std::size_t decoded = 0;
  bool writer_timed_out = false;
  constexpr std::size_t kLines = 5;

  std::thread writer([&] {
    for (std::size_t i = 0; i < kLines; ++i) {
      // Half a line first, a pause, then the rest: nothing may be decoded from a half line.
      const std::string line =
          R"({"id": "u)" + std::to_string(i) + R"(", "text": "Update number )" +
          std::to_string(i) + R"(."})" + "\n";
      const std::size_t half = line.size() / 2;
      ASSERT_EQ(::write(fds[1], line.data(), half), static_cast<ssize_t>(half));
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      ASSERT_EQ(::write(fds[1], line.data() + half, line.size() - half),
                static_cast<ssize_t>(line.size() - half));
      std::unique_lock lock(m);
      if (!cv.wait_for(lock, std::chrono::seconds(10), [&] { return decoded == i + 1; })) {
        writer_timed_out = true;
        break;
      }
    }
    ::close(fds[1]);  // only now does the input end
  });

  std::vector<std::string> ids;
  for (;;) {
    const line_event e = src.next();
    if (e != line_event::line) break;
    auto r = decode(src.line(), src.line_number());
    ASSERT_TRUE(r.ok()) << r.error().message();
    ASSERT_TRUE(r->has_value());
    ids.push_back((*r)->id);
    {
      std::lock_guard lock(m);
      ++decoded;
    }
    cv.notify_all();
  }
  writer.join();
  EXPECT_FALSE(writer_timed_out);
  EXPECT_THAT(ids, ElementsAre("u0", "u1", "u2", "u3", "u4"));
}

TEST(line_source, a_nonblocking_descriptor_reports_end_for_now_and_goes_on) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::fcntl(fds[0], F_SETFL, O_NONBLOCK), 0);
  line_source_options o;
  o.hold_partial_line = true;
  line_source src(fds[0], true, o);
  EXPECT_EQ(src.next(), line_event::end);  // nothing written yet
  ASSERT_EQ(::write(fds[1], "abc\nde", 6), 6);
  ASSERT_EQ(src.next(), line_event::line);
  EXPECT_EQ(src.line(), "abc");
  EXPECT_EQ(src.next(), line_event::end);
  ASSERT_EQ(::write(fds[1], "f\n", 2), 2);
  ASSERT_EQ(src.next(), line_event::line);
  EXPECT_EQ(src.line(), "def");
  ::close(fds[1]);
}

}  // namespace
}  // namespace sitrep::io

namespace sitrep::io {
namespace {

TEST(LineSourceFollowing, InputEndedTellsEndOfFileFromNothingYet) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK), 0);
  line_source_options o;
  o.hold_partial_line = true;
  line_source src(fds[0], true, o);
  EXPECT_EQ(src.next(), line_event::end);
  EXPECT_FALSE(src.input_ended());  // nothing written yet
  ASSERT_EQ(::write(fds[1], "a\nb", 3), 3);
  EXPECT_EQ(src.next(), line_event::line);
  EXPECT_EQ(src.line(), "a");
  EXPECT_EQ(src.next(), line_event::end);  // "b" held
  ::close(fds[1]);
  EXPECT_EQ(src.next(), line_event::end);
  EXPECT_TRUE(src.input_ended());
  src.set_hold_partial_line(false);  // the writer is gone: the held line is the last one
  EXPECT_EQ(src.next(), line_event::line);
  EXPECT_EQ(src.line(), "b");
  EXPECT_EQ(src.line_number(), 2u);
  EXPECT_EQ(src.next(), line_event::end);
}

}  // namespace
}  // namespace sitrep::io
