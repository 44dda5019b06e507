#include "request.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sitrep::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(server_request, targets_split_into_segments_and_query) {
  auto t = parse_target("/v1/streams/bamako/report?words=50&format=text&since=2015-11-20T10%3A30%3A00Z");
  ASSERT_TRUE(t.ok()) << t.error().message();
  EXPECT_THAT(t->segments, ElementsAre("v1", "streams", "bamako", "report"));
  EXPECT_EQ(t->param("words"), "50");
  EXPECT_EQ(t->param("since"), "2015-11-20T10:30:00Z");
  EXPECT_FALSE(t->param("story").has_value());
  auto root = parse_target("/");
  ASSERT_TRUE(root.ok());
  EXPECT_TRUE(root->segments.empty());
  auto slash = parse_target("/v1/streams/");
  ASSERT_TRUE(slash.ok());
  EXPECT_THAT(slash->segments, ElementsAre("v1", "streams"));
  auto plus = parse_target("/x?q=a+b&q=c&flag&=v#frag");
  ASSERT_TRUE(plus.ok());
  EXPECT_EQ(plus->param("q"), "c");  // the last value counts
  EXPECT_EQ(plus->param("flag"), "");
  EXPECT_EQ(plus->query[0].second, "a b");
  auto encoded = parse_target("/v1/streams/a%2Fb/report");
  ASSERT_TRUE(encoded.ok());
  EXPECT_EQ(encoded->segments[2], "a/b");  // one segment: the stream-name check refuses it
}

TEST(server_request, bad_targets_are_refused_with_a_reason) {
  const struct {
    const char* target;
    const char* what;
  } cases[] = {
      {"", "does not start with '/'"},
      {"v1/streams", "does not start with '/'"},
      {"http://host/v1", "does not start with '/'"},
      {"/v1//streams", "empty path segment"},
      {"/v1/%zz", "bad percent-escape at byte 5"},
      {"/v1/%2", "bad percent-escape"},
      {"/v1/a%00b", "NUL"},
      {"/v1?x=%", "bad percent-escape"},
      {"/v1/a b", "control character or space"},
  };
  for (const auto& c : cases) {
    auto t = parse_target(c.target);
    ASSERT_FALSE(t.ok()) << c.target;
    EXPECT_THAT(t.error().message(), HasSubstr(c.what)) << c.target;
  }
  EXPECT_FALSE(parse_target("/" + std::string(kMaxTarget, 'a')).ok());
}

TEST(server_request, bodies_split_into_numbered_lines) {
  auto r = split_body("one\r\n\ntwo\rthree\n  \t\nfour", {});
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.lines.size(), 4u);
  EXPECT_EQ(r.lines[0].text, "one");
  EXPECT_EQ(r.lines[0].number, 1u);
  EXPECT_EQ(r.lines[1].text, "two");
  EXPECT_EQ(r.lines[1].number, 3u);
  EXPECT_EQ(r.lines[2].text, "three");
  EXPECT_EQ(r.lines[2].number, 4u);
  EXPECT_EQ(r.lines[3].text, "four");
  EXPECT_EQ(r.lines[3].number, 6u);
  EXPECT_TRUE(split_body("", {}).lines.empty());
  EXPECT_TRUE(split_body("\n\n \n", {}).lines.empty());
}

TEST(server_request, body_limits_name_the_line) {
  auto long_line = split_body("ok\n" + std::string(11, 'x') + "\nok", {10, 100});
  ASSERT_TRUE(long_line.error);
  EXPECT_EQ(long_line.error->what, body_error::line_too_long);
  EXPECT_EQ(long_line.error->line, 2u);
  auto many = split_body("a\nb\n\nc\nd", {10, 3});
  ASSERT_TRUE(many.error);
  EXPECT_EQ(many.error->what, body_error::too_many_lines);
  EXPECT_EQ(many.error->line, 5u);
  EXPECT_FALSE(split_body("a\nb\nc\n", {10, 3}).error);
}

TEST(server_request, secrets_compare_whole) {
  EXPECT_TRUE(same_secret("abcdef", "abcdef"));
  EXPECT_FALSE(same_secret("abcdef", "abcdeg"));
  EXPECT_FALSE(same_secret("abc", "abcdef"));
  EXPECT_FALSE(same_secret("", "a"));
}

TEST(server_request, accept_encoding_takes_gzip_unless_weighted_zero) {
  struct row {
    const char* header;
    bool gzip;
  };
  const row rows[] = {
      {"gzip", true},           {"gzip, deflate, br", true},  {"deflate, GZIP", true},
      {" x-gzip ", true},       {"*", true},                  {"gzip;q=0.5", true},
      {"gzip; q=1.000", true},  {"br;q=1, gzip;q=0.001", true},
      {"", false},              {"deflate, br", false},       {"gzip;q=0", false},
      {"gzip;q=0.000", false},  {"gzip;q=0;x=1", false},      {"*;q=0", false},
      {"gzipped", false},       {"identity", false},          {",,,", false},
  };
  for (const row& r : rows) EXPECT_EQ(accepts_gzip(r.header), r.gzip) << "'" << r.header << "'";
}

}  // namespace
}  // namespace sitrep::server
