#include "sitrep/io/reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::io {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string data(std::string_view name) {
  return std::string(SITREP_TEST_DATA_DIR) + "/io/" + std::string(name);
}

std::vector<std::string> texts(const std::vector<update>& updates) {
  std::vector<std::string> out;
  for (const auto& u : updates) out.push_back(u.text);
  return out;
}

std::vector<std::string> ids(const std::vector<update>& updates) {
  std::vector<std::string> out;
  for (const auto& u : updates) out.push_back(u.id);
  return out;
}

// A fresh folder per test for generated inputs, removed afterwards.
class io_reader : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("sitrep_io_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    // Give back what a test took away (unreadable files and folders), so the folder goes.
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    for (const auto& entry : fs::directory_iterator(dir_, ec))
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  std::string write(const std::string& name, std::string_view content) {
    const fs::path path = dir_ / name;
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return path.string();
  }

  fs::path dir_;
};

// ---------------------------------------------------------------------------------------------
// Good input

TEST_F(io_reader, plain_text_one_update_per_line) {
  read_stats stats;
  auto doc = read_file(data("basic.txt"), {}, stats);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  EXPECT_EQ(doc->path, data("basic.txt"));
  EXPECT_EQ(doc->name, "basic");
  EXPECT_THAT(texts(doc->updates),
              ::testing::ElementsAre("Gunmen attacked the Radisson Blu hotel in Bamako.",
                                     "About 170 people were taken hostage.",
                                     "\tIndented line keeps its tab.",
                                     "Le président Keïta a décrété l’état d’urgence — 10 jours.",
                                     "最后一行没有换行符"));
  EXPECT_THAT(ids(doc->updates), ::testing::ElementsAre("basic.txt:1", "basic.txt:4", "basic.txt:5",
                                                        "basic.txt:6", "basic.txt:7"));
  EXPECT_EQ(doc->updates[1].line, 4u);  // blank and white-space lines skipped, numbers kept
  EXPECT_EQ(doc->updates[1].origin, data("basic.txt"));
  EXPECT_TRUE(doc->updates[0].time.empty());
  EXPECT_FALSE(doc->updates[0].unix_time.has_value());
  EXPECT_EQ(stats.files, 1u);
  EXPECT_EQ(stats.records, 5u);
  EXPECT_EQ(stats.skipped, 0u);
}

TEST_F(io_reader, plain_text_bom_and_crlf) {
  read_stats stats;
  auto doc = read_file(data("bom_crlf.txt"), {}, stats);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  EXPECT_THAT(texts(doc->updates),
              ::testing::ElementsAre("First line after a byte order mark.", "Second line, CRLF."));
  EXPECT_EQ(doc->updates[1].line, 3u);
}

TEST_F(io_reader, json_lines_canonical_records) {
  read_stats stats;
  auto doc = read_file(data("feed.jsonl"), {}, stats);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  EXPECT_EQ(doc->name, "feed");
  const auto& u = doc->updates;
  ASSERT_EQ(u.size(), 6u);

  EXPECT_EQ(u[0].id, "p-1");
  EXPECT_EQ(u[0].time, "2015-11-20T09:41:00Z");
  EXPECT_EQ(u[0].unix_time, 1448012460);
  EXPECT_EQ(u[0].source, "Reuters");
  EXPECT_EQ(u[0].title, "Hotel attack");
  EXPECT_EQ(u[0].text, "Gunmen attacked the Radisson Blu hotel in Bamako.");
  EXPECT_EQ(u[0].origin, data("feed.jsonl"));
  EXPECT_EQ(u[0].line, 1u);

  // Numeric id, null time and source, unknown keys; the blank line 2 is skipped.
  EXPECT_EQ(u[1].id, "2");
  EXPECT_EQ(u[1].line, 3u);
  EXPECT_TRUE(u[1].time.empty());
  EXPECT_FALSE(u[1].unix_time.has_value());
  EXPECT_EQ(u[1].source, "");

  // No id: made from the file name and line.
  EXPECT_EQ(u[2].id, "feed.jsonl:4");
  EXPECT_EQ(u[2].text, "No id, no time.");

  // Fractional id, offset time, escapes, and gold_ values no parser would accept if it read them.
  EXPECT_EQ(u[3].id, "4.5");
  EXPECT_EQ(u[3].unix_time, 1448012460);
  EXPECT_EQ(u[3].title, "");
  EXPECT_EQ(u[3].text, "Offsets and fractions: \"quoted\" été 😀.");

  // An unparseable time is kept as written, without unix_time; gold_text is never read.
  EXPECT_EQ(u[4].id, "p-5");
  EXPECT_EQ(u[4].time, "last Tuesday");
  EXPECT_FALSE(u[4].unix_time.has_value());
  EXPECT_EQ(u[4].text, "Unparseable time kept as written.");

  EXPECT_EQ(u[5].unix_time, 1447977600);  // date only
  EXPECT_EQ(u[5].text, "Le président Keïta a décrété l’état d’urgence.");
  EXPECT_EQ(stats.records, 6u);
}

TEST_F(io_reader, json_lines_bom_and_crlf) {
  read_stats stats;
  auto doc = read_file(data("bom_crlf.jsonl"), {}, stats);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  EXPECT_THAT(ids(doc->updates), ::testing::ElementsAre("bom", "second"));
  EXPECT_EQ(doc->updates[1].line, 3u);
}

TEST_F(io_reader, folder_reads_regular_files_sorted_by_name) {
  read_stats stats;
  auto docs = read_inputs({data("folder")}, {}, stats);
  ASSERT_TRUE(docs.ok()) << docs.error().message();
  ASSERT_EQ(docs->size(), 3u);  // .hidden.txt and sub/ passed over
  EXPECT_EQ((*docs)[0].path, data("folder") + "/C_upper.NDJSON");  // byte order: 'C' < 'a'
  EXPECT_EQ((*docs)[0].name, "C_upper");
  EXPECT_THAT(ids((*docs)[0].updates), ::testing::ElementsAre("c1"));
  EXPECT_EQ((*docs)[1].name, "a_feed");
  EXPECT_THAT(ids((*docs)[1].updates), ::testing::ElementsAre("a1"));
  EXPECT_EQ((*docs)[2].name, "b_notes");
  EXPECT_THAT(ids((*docs)[2].updates), ::testing::ElementsAre("b_notes.txt:1", "b_notes.txt:2"));
  EXPECT_EQ((*docs)[2].updates[0].origin, data("folder") + "/b_notes.txt");
  EXPECT_EQ(stats.files, 3u);
  EXPECT_EQ(stats.records, 4u);
}

TEST_F(io_reader, several_paths_in_order_and_stats_add_up) {
  read_stats stats;
  auto docs = read_inputs({data("feed.jsonl"), data("basic.txt"), data("folder")}, {}, stats);
  ASSERT_TRUE(docs.ok()) << docs.error().message();
  ASSERT_EQ(docs->size(), 5u);
  EXPECT_EQ((*docs)[0].name, "feed");
  EXPECT_EQ((*docs)[1].name, "basic");
  EXPECT_EQ(stats.files, 5u);
  EXPECT_EQ(stats.records, 6u + 5u + 4u);
  auto again = read_file(data("basic.txt"), {}, stats);  // stats are added to, never reset
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(stats.files, 6u);
  EXPECT_EQ(stats.records, 20u);
}

TEST_F(io_reader, empty_folder_and_empty_file_give_nothing) {
  fs::create_directories(dir_ / "empty");
  const std::string empty_file = write("empty.txt", "");
  read_stats stats;
  auto docs = read_inputs({(dir_ / "empty").string(), empty_file}, {}, stats);
  ASSERT_TRUE(docs.ok()) << docs.error().message();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_TRUE((*docs)[0].updates.empty());
}

TEST_F(io_reader, stream_as_text_and_as_jsonl) {
  read_stats stats;
  std::istringstream text("\xEF\xBB\xBFone\r\n\ntwo");
  auto lines = read_stream(text, "-", input_format::automatic, {}, stats);
  ASSERT_TRUE(lines.ok()) << lines.error().message();
  EXPECT_THAT(texts(*lines), ::testing::ElementsAre("one", "two"));
  EXPECT_THAT(ids(*lines), ::testing::ElementsAre("stdin:1", "stdin:3"));
  EXPECT_EQ((*lines)[0].origin, "-");

  std::istringstream json(
      "{\"text\": \"a\"}\n{\"id\": 7, \"text\": \"b\"}\n"
      "{\"id\": 123456789012345678901234567890, \"text\": \"c\"}\n{\"id\": 1E+3 , \"text\": "
      "\"d\"}\n"
      "{\"id\": \"\", \"text\": \"e\"}\n");
  auto records = read_stream(json, "-", input_format::jsonl, {}, stats);
  ASSERT_TRUE(records.ok()) << records.error().message();
  EXPECT_THAT(
      ids(*records),
      ::testing::ElementsAre("stdin:1", "7", "123456789012345678901234567890", "1E+3", "stdin:5"));
  EXPECT_EQ(stats.files, 2u);
  EXPECT_EQ(stats.records, 7u);
}

TEST_F(io_reader, dash_reads_standard_input) {
  // "-" reads descriptor 0 itself (so that a pipe delivers each line as it arrives): put a
  // pipe there for the length of the test.
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string input = "{\"id\": \"x\", \"text\": \"from stdin\"}\n";
  ASSERT_EQ(::write(fds[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
  ::close(fds[1]);
  const int saved = ::dup(0);
  ASSERT_GE(saved, 0);
  ASSERT_EQ(::dup2(fds[0], 0), 0);
  ::close(fds[0]);
  read_options opts;
  opts.format = input_format::jsonl;
  read_stats stats;
  auto docs = read_inputs({"-"}, opts, stats);
  ::dup2(saved, 0);
  ::close(saved);
  ASSERT_TRUE(docs.ok()) << docs.error().message();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].path, "-");
  EXPECT_EQ((*docs)[0].name, "stdin");
  ASSERT_EQ((*docs)[0].updates.size(), 1u);
  EXPECT_EQ((*docs)[0].updates[0].text, "from stdin");
  EXPECT_EQ((*docs)[0].updates[0].origin, "-");
}

TEST_F(io_reader, lines_across_block_boundaries) {
  // Lines of many lengths around the 1 MiB block size, some longer than a block.
  std::string content;
  std::vector<std::string> expected;
  for (std::size_t i = 0; content.size() < (std::size_t{7} << 20); ++i) {
    const std::size_t length =
        1 + (i * 7919) % 300000 + (i % 17 == 0 ? (std::size_t{3} << 20) / 2 : 0);
    std::string line(length, static_cast<char>('a' + i % 26));
    expected.push_back(line);
    content += line;
    content += (i % 3 == 0) ? "\r\n" : "\n";
  }
  content.pop_back();  // the last line ends without '\n' (and keeps no '\r')
  if (content.back() == '\r') content.pop_back();
  const std::string path = write("blocks.txt", content);
  read_stats stats;
  auto doc = read_file(path, {}, stats);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  ASSERT_EQ(doc->updates.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(doc->updates[i].text, expected[i]) << "line " << i + 1;
    ASSERT_EQ(doc->updates[i].line, i + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Formats

TEST(io_input_format, parse_names) {
  struct {
    std::string_view name;
    input_format format;
  } const cases[] = {{"auto", input_format::automatic}, {"automatic", input_format::automatic},
                     {"text", input_format::text},      {"txt", input_format::text},
                     {"jsonl", input_format::jsonl},    {"json", input_format::jsonl},
                     {"ndjson", input_format::jsonl}};
  for (const auto& c : cases) {
    auto f = parse_input_format(c.name);
    ASSERT_TRUE(f.ok()) << c.name;
    EXPECT_EQ(*f, c.format) << c.name;
    EXPECT_EQ(*parse_input_format(to_string(*f)), *f);
  }
  for (std::string_view bad : {"", "csv", "JSONL", "xml"}) {
    auto f = parse_input_format(bad);
    ASSERT_FALSE(f.ok()) << bad;
    EXPECT_EQ(f.error().code(), error_code::invalid_argument);
    EXPECT_THAT(f.error().message(), HasSubstr("unknown input format"));
  }
}

TEST(io_input_format, detection_by_extension) {
  struct {
    std::string_view path;
    input_format format;
  } const cases[] = {
      {"feed.jsonl", input_format::jsonl},
      {"dir/feed.ndjson", input_format::jsonl},
      {"FEED.JSON", input_format::jsonl},
      {"a.b.JsonL", input_format::jsonl},
      {"notes.txt", input_format::text},
      {"notes", input_format::text},
      {"feed.jsonl.gz", input_format::text},
      {"jsonl", input_format::text},
      {"-", input_format::text},
      {"dir.jsonl/notes.md", input_format::text},
  };
  for (const auto& c : cases) EXPECT_EQ(format_for_path(c.path), c.format) << c.path;
}

TEST(io_input_format, document_names) {
  struct {
    std::string_view path, name;
  } const cases[] = {{"d30001t.jsonl", "d30001t"},
                     {"data/tracks/d30001t.jsonl", "d30001t"},
                     {"a.b.txt", "a.b"},
                     {"notes", "notes"},
                     {"-", "stdin"},
                     {"/abs/path/x.ndjson", "x"}};
  for (const auto& c : cases) EXPECT_EQ(document_name(c.path), c.name) << c.path;
}

TEST_F(io_reader, format_override) {
  read_options as_text;
  as_text.format = input_format::text;
  read_stats stats;
  auto lines = read_file(data("feed.jsonl"), as_text, stats);
  ASSERT_TRUE(lines.ok()) << lines.error().message();
  ASSERT_EQ(lines->updates.size(), 6u);
  EXPECT_THAT(lines->updates[0].text, StartsWith("{\"id\": \"p-1\""));
  EXPECT_EQ(lines->updates[0].id, "feed.jsonl:1");

  const std::string txt = write("records.txt", "{\"id\": \"r\", \"text\": \"json in .txt\"}\n");
  read_options as_jsonl;
  as_jsonl.format = input_format::jsonl;
  auto records = read_file(txt, as_jsonl, stats);
  ASSERT_TRUE(records.ok()) << records.error().message();
  EXPECT_THAT(ids(records->updates), ::testing::ElementsAre("r"));
  EXPECT_EQ(records->updates[0].text, "json in .txt");
}

// ---------------------------------------------------------------------------------------------
// Bad input: one table, read strictly and then with skip_bad.

struct bad_case {
  const char* label;
  input_format format;
  std::string bad_line;  // put between two good lines, on line 2
  const char* what;      // expected in the message after "<file>:2: "
  std::size_t max_line_bytes = std::size_t{64} << 20;
};

std::vector<bad_case> bad_cases() {
  using F = input_format;
  return {
      {"text_invalid_utf8", F::text, "caf\xC3 au lait", "invalid UTF-8 at byte 4"},
      {"text_overlong_utf8", F::text, "\xC0\xAF", "invalid UTF-8 at byte 1"},
      {"text_surrogate_utf8", F::text, "ab\xED\xA0\x80", "invalid UTF-8 at byte 3"},
      {"text_truncated_utf8", F::text, "end \xE2\x82", "invalid UTF-8 at byte 5"},
      {"text_long_line", F::text, std::string(200, 'x'), "line longer than 100 bytes", 100},
      {"json_invalid_utf8_in_text", F::jsonl, "{\"text\": \"caf\xC3 au lait\"}",
       "invalid UTF-8 at byte 14"},
      {"json_invalid_utf8_in_gold", F::jsonl, "{\"gold_x\": \"\xFF\", \"text\": \"t\"}",
       "invalid UTF-8 at byte 13"},
      {"json_missing_brace", F::jsonl, "{\"text\": \"x\"", "invalid JSON"},
      {"json_trailing_comma", F::jsonl, "{\"text\": \"x\",}", "invalid JSON"},
      {"json_trailing_content", F::jsonl, "{\"text\": \"x\"} {\"text\": \"y\"}", "invalid JSON"},
      {"json_garbage", F::jsonl, "not json at all", "invalid JSON"},
      {"json_bad_escape", F::jsonl, "{\"text\": \"bad \\q escape\"}", "invalid JSON"},
      {"json_lone_surrogate", F::jsonl, "{\"text\": \"\\ud800\"}", "invalid JSON"},
      {"json_array", F::jsonl, "[1, 2]", "invalid JSON: the line is not a JSON object"},
      {"json_string", F::jsonl, "\"text\"", "invalid JSON: the line is not a JSON object"},
      {"json_missing_text", F::jsonl, "{\"id\": \"a\", \"title\": \"t\"}",
       "record has no \"text\""},
      {"json_gold_text_only", F::jsonl, "{\"gold_text\": \"labels are not text\"}",
       "record has no \"text\""},
      {"json_nul_escape_in_text", F::jsonl, "{\"text\": \"a\\u0000b\"}",
       "\"text\" holds a NUL character (\\u0000)"},
      {"json_nul_escape_in_source", F::jsonl, "{\"source\": \"\\u0000\", \"text\": \"x\"}",
       "\"source\" holds a NUL character (\\u0000)"},
      {"json_lone_low_surrogate", F::jsonl, "{\"text\": \"a\\udc00\"}", "invalid JSON: bad string"},
      {"json_bad_value_in_ignored_key", F::jsonl, "{\"text\": \"ok\", \"x\": tru}",
       "invalid JSON"},
      {"json_bad_number_in_gold_key", F::jsonl, "{\"text\": \"ok\", \"gold_x\": 01}",
       "invalid JSON: bad number"},
      {"json_bad_escape_in_ignored_key", F::jsonl, "{\"text\": \"ok\", \"x\": [\"\\q\"]}",
       "invalid JSON: bad string"},
      {"json_raw_nul", F::jsonl, std::string(9000, ' ') + "{\"text\": \"a" + '\0' + "b\"}",
       "binary data (NUL byte at byte 9012)"},
      {"text_raw_nul_late", F::text, std::string(9000, 'a') + '\0', "binary data (NUL byte"},
      {"json_text_number", F::jsonl, "{\"text\": 42}", "\"text\" is a number, not a string"},
      {"json_text_null", F::jsonl, "{\"text\": null}", "\"text\" is null, not a string"},
      {"json_text_object", F::jsonl, "{\"text\": {\"a\": 1}}",
       "\"text\" is an object, not a string"},
      {"json_text_array", F::jsonl, "{\"text\": [\"a\"]}", "\"text\" is an array, not a string"},
      {"json_source_number", F::jsonl, "{\"source\": 3, \"text\": \"x\"}",
       "\"source\" is a number, not a string"},
      {"json_time_number", F::jsonl, "{\"time\": 1448012460, \"text\": \"x\"}",
       "\"time\" is a number, not a string"},
      {"json_bad_literal", F::jsonl, "{\"title\": nul, \"text\": \"x\"}",
       "invalid JSON: bad literal (expected true, false or null)"},
      {"json_id_bad_number", F::jsonl, "{\"id\": 01, \"text\": \"x\"}", "invalid JSON: bad number"},
      {"json_unclosed", F::jsonl, "{\"text\": \"x\"", "the line ends inside an object or array"},
      {"json_id_boolean", F::jsonl, "{\"id\": true, \"text\": \"x\"}",
       "\"id\" is a boolean, not a string"},
      {"json_long_line", F::jsonl, "{\"text\": \"" + std::string(200, 'y') + "\"}",
       "line longer than 100 bytes", 100},
  };
}

std::string good_line(input_format format, int n) {
  return format == input_format::jsonl ? "{\"id\": \"good-" + std::to_string(n) +
                                             "\", \"text\": \"good " + std::to_string(n) + "\"}"
                                       : "good " + std::to_string(n);
}

std::string file_for(const bad_case& c) {
  return good_line(c.format, 1) + "\n" + c.bad_line + "\n" + good_line(c.format, 3) + "\n";
}

TEST_F(io_reader, bad_input_fails_with_file_and_line) {
  for (const auto& c : bad_cases()) {
    SCOPED_TRACE(c.label);
    const std::string path = write(
        std::string(c.label) + (c.format == input_format::jsonl ? ".jsonl" : ".txt"), file_for(c));
    read_options opts;
    opts.max_line_bytes = c.max_line_bytes;
    read_stats stats;
    auto doc = read_file(path, opts, stats);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code(), error_code::invalid_input);
    EXPECT_THAT(doc.error().message(), StartsWith(path + ":2: "));
    EXPECT_THAT(doc.error().message(), HasSubstr(c.what));
    EXPECT_EQ(stats.skipped, 0u);
  }
}

TEST_F(io_reader, bad_input_skipped_and_counted_with_skip_bad) {
  for (const auto& c : bad_cases()) {
    SCOPED_TRACE(c.label);
    const std::string path = write(
        std::string(c.label) + (c.format == input_format::jsonl ? ".jsonl" : ".txt"), file_for(c));
    read_options opts;
    opts.skip_bad = true;
    opts.max_line_bytes = c.max_line_bytes;
    read_stats stats;
    auto doc = read_file(path, opts, stats);
    ASSERT_TRUE(doc.ok()) << doc.error().message();
    ASSERT_EQ(doc->updates.size(), 2u);
    EXPECT_EQ(doc->updates[0].text, "good 1");
    EXPECT_EQ(doc->updates[0].line, 1u);
    EXPECT_EQ(doc->updates[1].text, "good 3");
    EXPECT_EQ(doc->updates[1].line, 3u);
    EXPECT_EQ(stats.skipped, 1u);
    EXPECT_EQ(stats.records, 2u);
    ASSERT_EQ(stats.skip_messages.size(), 1u);
    EXPECT_THAT(stats.skip_messages[0], StartsWith(path + ":2: "));
    EXPECT_THAT(stats.skip_messages[0], HasSubstr(c.what));
  }
}

TEST_F(io_reader, mixed_bad_fixture) {
  read_stats strict_stats;
  auto strict = read_file(data("mixed_bad.jsonl"), {}, strict_stats);
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.error().code(), error_code::invalid_input);
  EXPECT_THAT(strict.error().message(), StartsWith(data("mixed_bad.jsonl") + ":2: invalid JSON"));

  read_options opts;
  opts.skip_bad = true;
  read_stats stats;
  auto doc = read_file(data("mixed_bad.jsonl"), opts, stats);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  // Posts with an empty or blank text are records without text, not bad input.
  EXPECT_THAT(ids(doc->updates), ::testing::ElementsAre("ok-1", "empty", "blank", "ok-2", "ok-3"));
  EXPECT_EQ(doc->updates[1].text, "");
  EXPECT_EQ(doc->updates[2].text, "");
  EXPECT_EQ(stats.without_text, 2u);
  EXPECT_EQ(stats.skipped, 5u);
  ASSERT_EQ(stats.skip_messages.size(), 5u);
  const std::string where = data("mixed_bad.jsonl") + ":";
  EXPECT_THAT(stats.skip_messages[0], StartsWith(where + "2: invalid JSON"));
  EXPECT_EQ(stats.skip_messages[1], where + "3: record has no \"text\"");
  EXPECT_EQ(stats.skip_messages[2], where + "6: \"text\" is a number, not a string");
  EXPECT_EQ(stats.skip_messages[3], where + "7: invalid JSON: the line is not a JSON object");
  EXPECT_THAT(stats.skip_messages[4], StartsWith(where + "9: invalid JSON"));
}

TEST_F(io_reader, invalid_utf8_fixture) {
  read_stats stats;
  auto doc = read_file(data("invalid_utf8.txt"), {}, stats);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), error_code::invalid_input);
  EXPECT_EQ(doc.error().message(), data("invalid_utf8.txt") + ":2: invalid UTF-8 at byte 1");
}

TEST_F(io_reader, binary_file_named_with_line_and_skipped_whole) {
  read_stats stats;
  auto doc = read_file(data("binary.txt"), {}, stats);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), error_code::invalid_input);
  EXPECT_EQ(doc.error().message(), data("binary.txt") + ":1: binary file (NUL byte)");

  // A NUL on a later line of the first 8 KiB still marks the whole file, with that line.
  const std::string later =
      write("later.jsonl", std::string("{\"text\": \"fine\"}\n\n{\"text\": \"x\"}\0\n", 33));
  auto doc2 = read_file(later, {}, stats);
  ASSERT_FALSE(doc2.ok());
  EXPECT_EQ(doc2.error().message(), later + ":3: binary file (NUL byte)");

  read_options opts;
  opts.skip_bad = true;
  read_stats skip_stats;
  auto docs = read_inputs({data("binary.txt"), data("basic.txt")}, opts, skip_stats);
  ASSERT_TRUE(docs.ok()) << docs.error().message();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_TRUE((*docs)[0].updates.empty());  // the rest of the file skipped (all of it here)
  EXPECT_EQ((*docs)[1].updates.size(), 5u);
  EXPECT_EQ(skip_stats.files, 2u);
  EXPECT_EQ(skip_stats.skipped, 1u);
  EXPECT_THAT(skip_stats.skip_messages,
              ::testing::ElementsAre(data("binary.txt") + ":1: binary file (NUL byte)"));
}

TEST_F(io_reader, nul_after_the_first_8k_is_a_bad_line) {
  for (const input_format format : {input_format::text, input_format::jsonl}) {
    const bool json = format == input_format::jsonl;
    SCOPED_TRACE(json ? "jsonl" : "text");
    std::string content;
    std::size_t before = 0;
    while (content.size() < 10000) content += good_line(format, static_cast<int>(++before)) + "\n";
    content += json ? std::string("{\"text\": \"a\0b\"}\n", 16) : std::string("late\0nul\n", 9);
    content += good_line(format, 0) + "\n";
    const std::string path = write(json ? "late.jsonl" : "late.txt", content);
    read_stats stats;
    auto doc = read_file(path, {}, stats);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().code(), error_code::invalid_input);
    EXPECT_EQ(doc.error().message(), path + ":" + std::to_string(before + 1) +
                                         (json ? ": binary data (NUL byte at byte 12)"
                                               : ": binary data (NUL byte at byte 5)"));
    read_options opts;
    opts.skip_bad = true;
    auto skipped = read_file(path, opts, stats);
    ASSERT_TRUE(skipped.ok());
    EXPECT_EQ(skipped->updates.size(), before + 1);
    EXPECT_EQ(skipped->updates.back().text, "good 0");
    EXPECT_EQ(skipped->updates.back().line, before + 2);
    EXPECT_EQ(stats.skipped, 1u);
  }
}

TEST_F(io_reader, very_long_line_is_bounded_and_skipped) {
  // 24 MiB on one line against a 1 MiB limit, then a good line; also a long last line with no
  // newline. The reader must not hold the long line (limit + one block), and must go on after it.
  const std::string path = (dir_ / "long.jsonl").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"text\": \"before\"}\n{\"text\": \"";
    const std::string chunk(1 << 20, 'z');
    for (int i = 0; i < 24; ++i) out << chunk;
    out << "\"}\n{\"text\": \"after\"}\n";
    for (int i = 0; i < 3; ++i) out << chunk;
  }
  read_options opts;
  opts.max_line_bytes = std::size_t{1} << 20;
  read_stats stats;
  auto strict = read_file(path, opts, stats);
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.error().code(), error_code::invalid_input);
  EXPECT_EQ(strict.error().message(), path + ":2: line longer than 1048576 bytes");

  opts.skip_bad = true;
  auto doc = read_file(path, opts, stats);
  ASSERT_TRUE(doc.ok()) << doc.error().message();
  EXPECT_THAT(texts(doc->updates), ::testing::ElementsAre("before", "after"));
  EXPECT_EQ(doc->updates[1].line, 3u);
  EXPECT_EQ(stats.skipped, 2u);
  EXPECT_THAT(stats.skip_messages,
              ::testing::ElementsAre(path + ":2: line longer than 1048576 bytes",
                                     path + ":4: line longer than 1048576 bytes"));
}

TEST_F(io_reader, line_of_exactly_the_limit_is_accepted) {
  const std::string path =
      write("exact.txt", std::string(100, 'x') + "\r\n" + std::string(101, 'y'));
  read_options opts;
  opts.max_line_bytes = 101;  // the '\r' counts
  opts.skip_bad = true;
  read_stats stats;
  auto doc = read_file(path, opts, stats);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->updates.size(), 2u);
  EXPECT_EQ(doc->updates[0].text.size(), 100u);
  EXPECT_EQ(doc->updates[1].text.size(), 101u);
  EXPECT_EQ(stats.skipped, 0u);
}

TEST_F(io_reader, skip_messages_keep_the_first_twenty) {
  std::string content;
  for (int i = 0; i < 25; ++i) content += "{\"no_text\": " + std::to_string(i) + "}\n";
  content += "{\"text\": \"survivor\"}\n";
  const std::string path = write("many.jsonl", content);
  read_options opts;
  opts.skip_bad = true;
  read_stats stats;
  auto doc = read_file(path, opts, stats);
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(texts(doc->updates), ::testing::ElementsAre("survivor"));
  EXPECT_EQ(stats.skipped, 25u);
  ASSERT_EQ(stats.skip_messages.size(), 20u);
  EXPECT_EQ(stats.skip_messages.front(), path + ":1: record has no \"text\"");
  EXPECT_EQ(stats.skip_messages.back(), path + ":20: record has no \"text\"");
}

// ---------------------------------------------------------------------------------------------
// Files and folders that cannot be read: io_error, skip_bad or not.

TEST_F(io_reader, unreadable_paths_are_io_errors) {
  const std::string file = write("plain.txt", "x\n");
  const struct {
    const char* label;
    std::string path;
    const char* what;
  } cases[] = {
      {"missing_file", (dir_ / "missing.jsonl").string(), "cannot open: No such file"},
      {"missing_folder", (dir_ / "missing_dir" / "x.txt").string(), "cannot open: No such file"},
      {"under_a_file", file + "/x.txt", "cannot open: Not a directory"},
  };
  for (const bool skip : {false, true}) {
    read_options opts;
    opts.skip_bad = skip;
    for (const auto& c : cases) {
      SCOPED_TRACE(c.label);
      read_stats stats;
      auto docs = read_inputs({file, c.path}, opts, stats);
      ASSERT_FALSE(docs.ok());
      EXPECT_EQ(docs.error().code(), error_code::io_error);
      EXPECT_THAT(docs.error().message(), StartsWith(c.path + ": "));
      EXPECT_THAT(docs.error().message(), HasSubstr(c.what));
    }
  }
  read_stats stats;
  auto folder = read_file(dir_.string(), {}, stats);
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().code(), error_code::io_error);
  EXPECT_EQ(folder.error().message(), dir_.string() + ": cannot open: is a folder");
}

TEST_F(io_reader, unreadable_folder_and_file) {
  const fs::path locked = dir_ / "locked";
  fs::create_directories(locked);
  const std::string file = write("locked/secret.txt", "x\n");
  const std::string no_read = write("no_read.txt", "x\n");
  fs::permissions(no_read, fs::perms::none);
  fs::permissions(locked, fs::perms::none);
  if (::access(locked.c_str(), R_OK) == 0) {
    GTEST_SKIP() << "running with permission to read anything (root?): cannot test";
  }
  read_stats stats;
  auto docs = read_inputs({locked.string()}, {}, stats);
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.error().code(), error_code::io_error);
  EXPECT_EQ(docs.error().message(), locked.string() + ": cannot list folder: Permission denied");

  auto doc = read_file(no_read, {}, stats);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code(), error_code::io_error);
  EXPECT_EQ(doc.error().message(), no_read + ": cannot open: Permission denied");
}

}  // namespace
}  // namespace sitrep::io

namespace sitrep::io {
namespace {

TEST(for_each_update, hands_on_documents_and_updates_in_order_keeping_nothing) {
  const std::string dir = SITREP_TEST_DATA_DIR "/io";
  std::vector<std::string> events;
  update_handler h;
  h.on_document = [&](const input_document& d) {
    EXPECT_TRUE(d.updates.empty());
    events.push_back("doc " + d.name);
  };
  h.on_update = [&](update&& u) { events.push_back(u.id); };
  read_stats stats;
  ASSERT_TRUE(for_each_update({dir + "/folder", dir + "/basic.txt"}, {}, stats, h).is_ok());
  ASSERT_GE(events.size(), 6u);
  EXPECT_EQ(events[0], "doc C_upper");
  EXPECT_EQ(events[1], "c1");
  EXPECT_EQ(events[2], "doc a_feed");
  EXPECT_EQ(events[3], "a1");
  EXPECT_EQ(events[4], "doc b_notes");
  EXPECT_EQ(events[5], "b_notes.txt:1");
  EXPECT_EQ(stats.files, 4u);
  // The same as read_inputs, which is built on it.
  read_stats batch_stats;
  auto docs = read_inputs({dir + "/folder", dir + "/basic.txt"}, {}, batch_stats);
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(batch_stats.records, stats.records);
}

TEST(for_each_update, stops_at_bad_input_after_handing_on_what_came_before) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("sitrep_for_each_" + std::to_string(::getpid()) + ".jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << R"({"id": "a", "text": "one"})" "\n" R"({"id": "b", "text": 2})" "\n";
  }
  std::vector<std::string> ids;
  update_handler h;
  h.on_update = [&](update&& u) { ids.push_back(u.id); };
  read_stats stats;
  const status st = for_each_update({path.string()}, {}, stats, h);
  std::filesystem::remove(path);
  ASSERT_FALSE(st.is_ok());
  EXPECT_THAT(st.message(), ::testing::EndsWith(":2: \"text\" is a number, not a string"));
  EXPECT_THAT(ids, ::testing::ElementsAre("a"));
}

}  // namespace
}  // namespace sitrep::io
