#include "sitrep/store/log.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/stream/engine.hpp"

namespace sitrep::store {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed at the end of the test.
class temp_dir {
 public:
  temp_dir() {
    std::string tmpl = (fs::temp_directory_path() / "sitrep-store-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~temp_dir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

update make(std::string id, std::string text, std::string source = "") {
  update u;
  u.id = std::move(id);
  u.text = std::move(text);
  u.source = std::move(source);
  u.origin = "test";
  return u;
}

std::vector<std::pair<std::size_t, update>> all(const log& l, std::string_view stream,
                                                std::size_t after = 0, std::size_t limit = 0) {
  std::vector<std::pair<std::size_t, update>> out;
  auto st = l.scan(stream, after, limit, [&](std::size_t p, update&& u) {
    out.emplace_back(p, std::move(u));
    return status{};
  });
  EXPECT_TRUE(st.is_ok()) << st.message();
  return out;
}

TEST(store_log, stream_names) {
  EXPECT_TRUE(valid_stream_name("bamako"));
  EXPECT_TRUE(valid_stream_name("Port-Aurel_2026.v1"));
  EXPECT_FALSE(valid_stream_name(""));
  EXPECT_FALSE(valid_stream_name(".hidden"));
  EXPECT_FALSE(valid_stream_name("../etc"));
  EXPECT_FALSE(valid_stream_name("a/b"));
  EXPECT_FALSE(valid_stream_name("a b"));
  EXPECT_FALSE(valid_stream_name(std::string(kMaxStreamName + 1, 'a')));
  EXPECT_TRUE(valid_stream_name(std::string(kMaxStreamName, 'a')));
}

TEST(store_log, appends_keep_order_and_positions_across_reopen) {
  temp_dir dir;
  const std::string path = dir.file("log.db");
  {
    auto l = log::open(path);
    ASSERT_TRUE(l.ok()) << l.error().message();
    std::vector<update> first = {make("a", "One.", "AFP"), make("b", "Two.")};
    first[0].time = "2015-11-20T09:41:00Z";
    first[0].unix_time = 1448012460;
    first[0].title = "Headline";
    first[0].line = 7;
    auto p = l->append("bamako", first);
    ASSERT_TRUE(p.ok()) << p.error().message();
    EXPECT_EQ(*p, 1u);
    std::vector<update> second = {make("c", "Three.")};
    p = l->append("bamako", second);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(*p, 3u);
    p = l->append("other", second);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(*p, 1u);
  }
  auto l = log::open(path);
  ASSERT_TRUE(l.ok()) << l.error().message();
  auto got = all(*l, "bamako");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].first, 1u);
  EXPECT_EQ(got[0].second.id, "a");
  EXPECT_EQ(got[0].second.source, "AFP");
  EXPECT_EQ(got[0].second.title, "Headline");
  EXPECT_EQ(got[0].second.time, "2015-11-20T09:41:00Z");
  EXPECT_EQ(got[0].second.unix_time, 1448012460);
  EXPECT_EQ(got[0].second.line, 7u);
  EXPECT_EQ(got[1].second.id, "b");
  EXPECT_FALSE(got[1].second.unix_time.has_value());
  EXPECT_EQ(got[2].first, 3u);
  EXPECT_EQ(got[2].second.text, "Three.");
  auto streams = l->streams();
  ASSERT_TRUE(streams.ok());
  ASSERT_EQ(streams->size(), 2u);
  EXPECT_EQ((*streams)[0].name, "bamako");
  EXPECT_EQ((*streams)[0].updates, 3u);
  EXPECT_EQ((*streams)[1].name, "other");
  EXPECT_EQ(*l->size("bamako"), 3u);
  EXPECT_EQ(*l->size("nothing"), 0u);
  // The next append continues the positions.
  std::vector<update> more = {make("d", "Four.")};
  EXPECT_EQ(*l->append("bamako", more), 4u);
}

TEST(store_log, scan_after_and_limit) {
  temp_dir dir;
  auto l = log::open(dir.file("log.db"));
  ASSERT_TRUE(l.ok());
  std::vector<update> ups;
  for (int i = 0; i < 10; ++i) ups.push_back(make(std::to_string(i), "Text " + std::to_string(i) + "."));
  ASSERT_TRUE(l->append("s", ups).ok());
  auto got = all(*l, "s", 4, 3);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].first, 5u);
  EXPECT_EQ(got[0].second.id, "4");
  EXPECT_EQ(got[2].first, 7u);
  EXPECT_TRUE(all(*l, "s", 10).empty());
  EXPECT_TRUE(all(*l, "missing").empty());
  // An error from the callback stops the scan and comes back.
  std::size_t seen = 0;
  auto st = l->scan("s", 0, 0, [&](std::size_t, update&&) {
    return ++seen == 2 ? invalid_input("stop") : status{};
  });
  EXPECT_EQ(st.code(), error_code::invalid_input);
  EXPECT_EQ(seen, 2u);
}

TEST(store_log, batches_of_several_streams_commit_together) {
  temp_dir dir;
  auto l = log::open(dir.file("log.db"));
  ASSERT_TRUE(l.ok());
  std::vector<update> a = {make("a1", "A one."), make("a2", "A two.")};
  std::vector<update> b = {make("b1", "B one.")};
  std::vector<batch> batches = {{"x", a}, {"y", b}, {"x", b}};
  auto firsts = l->append_batches(batches);
  ASSERT_TRUE(firsts.ok()) << firsts.error().message();
  EXPECT_THAT(*firsts, ::testing::ElementsAre(1u, 1u, 3u));
  EXPECT_EQ(*l->size("x"), 3u);
  EXPECT_EQ(*l->size("y"), 1u);
  // A bad stream name refuses the whole set: nothing is stored.
  std::vector<batch> bad = {{"x", a}, {"no/slash", b}};
  auto refused = l->append_batches(bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), error_code::invalid_argument);
  EXPECT_EQ(*l->size("x"), 3u);
}

TEST(store_log, refuses_a_file_that_is_not_a_store) {
  temp_dir dir;
  const std::string path = dir.file("junk.db");
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("this is not an SQLite database, just some text long enough to look like one..", f);
    std::fclose(f);
  }
  auto l = log::open(path);
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.error().code(), error_code::io_error);
  EXPECT_THAT(l.error().message(), ::testing::HasSubstr(path));
  auto missing = log::open(dir.file("no/such/folder/log.db"));
  EXPECT_FALSE(missing.ok());
}

TEST(store_log, replay_rebuilds_the_same_engine) {
  temp_dir dir;
  auto l = log::open(dir.file("log.db"));
  ASSERT_TRUE(l.ok());
  std::vector<update> ups = {make("1", "Gunmen attacked the Radisson Blu hotel in Bamako.", "AFP"),
                             make("2", "Gunmen attacked a hotel in Bamako, Reuters said.", "Reuters"),
                             make("3", "")};
  ASSERT_TRUE(l->append("bamako", ups).ok());
  auto direct = stream::engine::create({});
  ASSERT_TRUE(direct.ok());
  for (const auto& u : ups) ASSERT_TRUE(direct->add(u).ok());
  auto replayed = stream::engine::create({});
  ASSERT_TRUE(replayed.ok());
  auto n = replay(*l, "bamako", *replayed);
  ASSERT_TRUE(n.ok()) << n.error().message();
  EXPECT_EQ(*n, 3u);
  EXPECT_EQ(replayed->size(), direct->size());
  EXPECT_EQ(replayed->collection().sentence_count(), direct->collection().sentence_count());
  EXPECT_EQ(replayed->stats().without_text, 1u);
  EXPECT_EQ(replayed->stats().sources.size(), direct->stats().sources.size());
}

}  // namespace
}  // namespace sitrep::store
