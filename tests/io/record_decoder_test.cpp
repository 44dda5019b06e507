#include "sitrep/io/record_decoder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace sitrep::io {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(record_decoder, plain_text_line_is_one_update) {
  record_decoder decode("feeds/notes.txt", input_format::text);
  auto r = decode("Gunmen attacked the hotel.\r", 7);
  ASSERT_TRUE(r.ok()) << r.error().message();
  ASSERT_TRUE(r->has_value());
  const update& u = **r;
  EXPECT_EQ(u.text, "Gunmen attacked the hotel.");  // a trailing '\r' is dropped
  EXPECT_EQ(u.id, "notes.txt:7");
  EXPECT_EQ(u.origin, "feeds/notes.txt");
  EXPECT_EQ(u.line, 7u);
}

TEST(record_decoder, blank_lines_give_nothing) {
  record_decoder text("-", input_format::text);
  for (const char* blank : {"", " \t", "\xC2\xA0\xE3\x80\x80", "\r"}) {
    auto r = text(blank, 1);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->has_value()) << blank;
  }
  record_decoder json("-", input_format::jsonl);
  auto r = json(" \t ", 1);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(record_decoder, standard_input_ids_start_with_stdin) {
  record_decoder decode("-", input_format::text);
  auto r = decode("x", 3);
  ASSERT_TRUE(r.ok() && r->has_value());
  EXPECT_EQ((*r)->id, "stdin:3");
  EXPECT_EQ(id_prefix_for("-"), "stdin");
  EXPECT_EQ(id_prefix_for("a/b/c.jsonl"), "c.jsonl");
}

TEST(record_decoder, canonical_record) {
  record_decoder decode("feed.jsonl", input_format::jsonl);
  auto r = decode(R"({"id": 17, "time": "2015-11-20T09:41:00Z", "source": "Reuters",)"
                  R"( "title": "Siege", "text": "Gunmen attacked.", "gold_key_event": true})",
                  4);
  ASSERT_TRUE(r.ok()) << r.error().message();
  ASSERT_TRUE(r->has_value());
  const update& u = **r;
  EXPECT_EQ(u.id, "17");
  EXPECT_EQ(u.time, "2015-11-20T09:41:00Z");
  ASSERT_TRUE(u.unix_time.has_value());
  EXPECT_EQ(*u.unix_time, 1448012460);
  EXPECT_EQ(u.source, "Reuters");
  EXPECT_EQ(u.title, "Siege");
  EXPECT_EQ(u.text, "Gunmen attacked.");
  EXPECT_EQ(u.line, 4u);
}

TEST(record_decoder, posts_without_text_are_updates_with_empty_text) {
  record_decoder decode("blog.jsonl", input_format::jsonl);
  for (const char* line : {R"({"id": "img", "text": ""})",
                           R"({"id": "img", "text": " \t\n\u00a0\u3000"})"}) {
    auto r = decode(line, 2);
    ASSERT_TRUE(r.ok()) << r.error().message();
    ASSERT_TRUE(r->has_value());
    EXPECT_EQ((*r)->id, "img");
    EXPECT_EQ((*r)->text, "");
  }
}

TEST(record_decoder, escapes_decode_and_control_characters_are_kept_for_writers) {
  record_decoder decode("f.jsonl", input_format::jsonl);
  auto r = decode(R"({"text": "tab\there \u00e9t\u00e9 \ud83d\ude00 esc\u001b[31m"})", 1);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ((*r)->text, "tab\there \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80 esc\x1b[31m");
}

TEST(record_decoder, unpaired_surrogates_in_ignored_keys_are_still_valid_json) {
  record_decoder decode("f.jsonl", input_format::jsonl);
  auto r = decode(R"({"gold_x": "\udc00", "other": ["\ud800", {"k": 1e999}], "text": "ok"})", 1);
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ((*r)->text, "ok");
}

struct bad_line {
  const char* name;
  input_format format;
  std::string line;
  std::string what;
};

class record_decoder_bad : public ::testing::TestWithParam<bad_line> {};

TEST_P(record_decoder_bad, names_origin_line_and_what) {
  const bad_line& c = GetParam();
  record_decoder decode("in/feed", c.format);
  auto r = decode(c.line, 12);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), error_code::invalid_input);
  EXPECT_THAT(r.error().message(), StartsWith("in/feed:12: "));
  EXPECT_THAT(r.error().message(), HasSubstr(c.what));
  // The decoder keeps no state from a bad line: a good one after it decodes.
  auto good = decode(c.format == input_format::jsonl ? R"({"text": "fine"})" : "fine", 13);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ((*good)->text, "fine");
}

INSTANTIATE_TEST_SUITE_P(
    io, record_decoder_bad,
    ::testing::Values(
        bad_line{"text_nul", input_format::text, std::string("a\0b", 3),
                 "binary data (NUL byte at byte 2)"},
        bad_line{"text_overlong", input_format::text, "\xC0\xAF", "invalid UTF-8 at byte 1"},
        bad_line{"text_surrogate", input_format::text, "ab\xED\xA0\x80",
                 "invalid UTF-8 at byte 3"},
        bad_line{"text_above_max", input_format::text, "\xF4\x90\x80\x80",
                 "invalid UTF-8 at byte 1"},
        bad_line{"json_overlong", input_format::jsonl, "{\"text\": \"\xC0\xAF\"}",
                 "invalid UTF-8 at byte 11"},
        bad_line{"json_nul_escape", input_format::jsonl, R"({"text": "a\u0000"})",
                 "\"text\" holds a NUL character (\\u0000)"},
        bad_line{"json_nul_escape_in_id", input_format::jsonl, R"({"id": "\u0000", "text": "a"})",
                 "\"id\" holds a NUL character"},
        bad_line{"json_lone_high_surrogate", input_format::jsonl, R"({"text": "\ud800x"})",
                 "invalid JSON: bad string"},
        bad_line{"json_lone_low_surrogate", input_format::jsonl, R"({"title": "\udc00", "text": "a"})",
                 "invalid JSON: bad string"},
        bad_line{"json_ignored_bad_literal", input_format::jsonl, R"({"text": "ok", "x": tru})",
                 "invalid JSON: bad literal (expected true, false or null)"},
        bad_line{"json_ignored_bad_false", input_format::jsonl, R"({"text": "ok", "x": [fals]})",
                 "invalid JSON: bad literal (expected true, false or null)"},
        bad_line{"json_ignored_bad_literal_first", input_format::jsonl,
                 R"({"x": nul, "text": "ok"})", "invalid JSON"},
        bad_line{"json_ignored_bad_nested", input_format::jsonl,
                 R"({"text": "ok", "x": {"a": [1, 2, -]}})", "invalid JSON"},
        bad_line{"json_ignored_control_char", input_format::jsonl,
                 "{\"text\": \"ok\", \"x\": \"a\x01\"}", "invalid JSON"},
        bad_line{"json_text_missing", input_format::jsonl, R"({"gold_text": "x"})",
                 "record has no \"text\""},
        bad_line{"json_text_number", input_format::jsonl, R"({"text": 42})",
                 "\"text\" is a number, not a string"},
        bad_line{"json_not_object", input_format::jsonl, "[1]",
                 "invalid JSON: the line is not a JSON object"},
        bad_line{"json_trailing", input_format::jsonl, R"({"text": "a"} x)", "invalid JSON"}),
    [](const ::testing::TestParamInfo<bad_line>& info) { return info.param.name; });

}  // namespace
}  // namespace sitrep::io
