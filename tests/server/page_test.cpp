// The live page in a real headless browser (Debian's chromium): it loads, shows the report of
// a stream, and shows a newly posted update within 2 seconds (the issue's requirement for the
// page, so this test asserts a time where the others assert none). Skipped when chromium is
// not installed (scripts/quickstart.sh installs it in test mode).
//
// SITREP_SCREENSHOT=/tmp/page.png also runs server_page.screenshot: the seed
// (../shared/examples/bamako-liveblog.txt, one POST a line) on the page, saved at 1280 CSS
// pixels wide to that file and at a phone's 390 to /tmp/page-phone.png.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "browser.hpp"
#include "server.hpp"
#include "test_client.hpp"

namespace sitrep::server {
namespace {

using ::testing::HasSubstr;
using json = nlohmann::json;
using namespace sitrep::server::testing;
using clock_type = std::chrono::steady_clock;

constexpr const char* kToken = "page-test-token-0123456789";

class server_page : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!browser::find_executable())
      GTEST_SKIP() << "chromium is not installed (/usr/bin/chromium; or set SITREP_CHROMIUM): "
                      "the page is not tested in a browser";
    options o;
    o.data_dir = dir_.path();
    o.token = kToken;
    o.port = 0;
    o.rate = 0;
    o.durable = false;
    auto s = server::start(o);  // the default refresh delay, as served
    ASSERT_TRUE(s.ok()) << s.error().message();
    srv_ = std::move(s).value();
    port_ = srv_->port();
  }

  std::string url(const std::string& stream) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/#" + stream;
  }

  // Polls `expression` until `done` holds for its value, for at most `limit`; the last value.
  static std::string wait_for(browser& b, const std::string& expression,
                              const std::function<bool(const std::string&)>& done,
                              clock_type::duration limit) {
    const auto deadline = clock_type::now() + limit;
    std::string v;
    while (true) {
      v = b.evaluate(expression);
      if (done(v) || clock_type::now() >= deadline || !b.ok()) return v;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  temp_dir dir_;
  std::unique_ptr<server> srv_;
  std::uint16_t port_ = 0;
};

// What the page shows, as one JSON object read in the page.
constexpr const char* kShown = R"js(JSON.stringify({
  title: document.getElementById('title').textContent,
  meta: document.getElementById('meta').textContent,
  headline: document.getElementById('headline').children.length,
  fresh: document.getElementById('new').textContent,
  sources: document.getElementById('sources').textContent,
  status: document.getElementById('status').textContent}))js";

TEST_F(server_page, shows_the_report_and_a_new_update_within_two_seconds) {
  const std::string seed = std::string(SITREP_SOURCE_DIR) + "/examples/harbour-fire.jsonl";
  std::ifstream in(seed, std::ios::binary);
  ASSERT_TRUE(in) << seed;
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto posted = post(port_, "/v1/streams/harbour/updates", body, kToken);
  ASSERT_EQ(posted.status, 201) << posted.body << posted.error;
  const int n = json::parse(posted.body)["last"].get<int>();

  auto b = browser::launch();
  ASSERT_TRUE(b);
  ASSERT_TRUE(b->ok()) << b->error();
  ASSERT_TRUE(b->open(url("harbour"))) << b->error();

  // It loads and shows the report: the headline sentences, counts, sources, the position.
  const std::string as_of = "as of update " + std::to_string(n);
  std::string v = wait_for(
      *b, kShown,
      [&](const std::string& s) {
        auto j = json::parse(s, nullptr, false);
        return !j.is_discarded() && j["headline"].get<int>() > 0 &&
               j["meta"].get<std::string>().find(as_of) != std::string::npos;
      },
      std::chrono::seconds(30));
  ASSERT_TRUE(b->ok()) << b->error();
  auto shown = json::parse(v, nullptr, false);
  ASSERT_FALSE(shown.is_discarded()) << "the page did not answer: '" << v << "'";
  EXPECT_GT(shown["headline"].get<int>(), 0) << v;
  EXPECT_THAT(shown["meta"].get<std::string>(), HasSubstr(as_of)) << v;
  EXPECT_THAT(shown["meta"].get<std::string>(), HasSubstr(std::to_string(n) + " updates")) << v;
  EXPECT_THAT(shown["sources"].get<std::string>(), HasSubstr("Port Aurel Fire Service")) << v;
  EXPECT_THAT(shown["status"].get<std::string>(), HasSubstr("live")) << v;
  const std::string headline = b->evaluate("document.getElementById('headline').textContent");
  EXPECT_THAT(headline, HasSubstr("fire")) << headline;

  // A new update: timed from just before its POST to the page showing it.
  const std::string text =
      "Harbour master Ilse Varga said the quarantine zone around berth nine was lifted at noon.";
  const auto t0 = clock_type::now();
  auto one = post(port_, "/v1/streams/harbour/updates",
                  json{{"text", text}, {"source", "Harbour Office"}}.dump() + "\n", kToken);
  ASSERT_EQ(one.status, 201) << one.body << one.error;
  const std::string as_of_next = "as of update " + std::to_string(n + 1);
  v = wait_for(
      *b, kShown,
      [&](const std::string& s) {
        auto j = json::parse(s, nullptr, false);
        return !j.is_discarded() && j["fresh"].get<std::string>().find("berth nine") != std::string::npos &&
               j["meta"].get<std::string>().find(as_of_next) != std::string::npos;
      },
      std::chrono::seconds(10));
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - t0);
  ASSERT_TRUE(b->ok()) << b->error();
  shown = json::parse(v, nullptr, false);
  ASSERT_FALSE(shown.is_discarded()) << v;
  EXPECT_THAT(shown["fresh"].get<std::string>(), HasSubstr(text)) << v;
  EXPECT_THAT(shown["fresh"].get<std::string>(), HasSubstr("Harbour Office")) << v;
  EXPECT_THAT(shown["meta"].get<std::string>(), HasSubstr(as_of_next)) << v;
  EXPECT_LE(took.count(), 2000) << "the page showed the new update " << took.count()
                                << " ms after it was posted";
  RecordProperty("post_to_page_ms", static_cast<int>(took.count()));
}

TEST_F(server_page, screenshot) {
  const char* path = std::getenv("SITREP_SCREENSHOT");
  if (!path || !*path) GTEST_SKIP() << "set SITREP_SCREENSHOT=/path/page.png to save screenshots";
  const std::string seed = std::string(SITREP_SHARED_DIR) + "/examples/bamako-liveblog.txt";
  std::ifstream in(seed);
  if (!in) GTEST_SKIP() << seed << " is absent: no seed to show";
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto r = post(port_, "/v1/streams/bamako/updates", line + "\n", kToken, "text/plain");
    ASSERT_EQ(r.status, 201) << r.body << r.error;
    ++n;
  }
  auto b = browser::launch();
  ASSERT_TRUE(b);
  ASSERT_TRUE(b->ok()) << b->error();
  ASSERT_TRUE(b->open(url("bamako"))) << b->error();
  const std::string as_of = "as of update " + std::to_string(n);
  // The report, and the facts, timeline and stories fetched after it.
  wait_for(
      *b,
      "document.getElementById('meta').textContent + '|' + "
      "document.getElementById('stories').children.length",
      [&](const std::string& s) {
        return s.find(as_of) != std::string::npos && s.substr(s.rfind('|') + 1) != "0";
      },
      std::chrono::seconds(30));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ASSERT_TRUE(b->screenshot(path, 1280)) << b->error();
  std::filesystem::path phone(path);
  phone.replace_filename(phone.stem().string() + "-phone" + phone.extension().string());
  ASSERT_TRUE(b->screenshot(phone.string(), 390, 844)) << b->error();
  EXPECT_GT(std::filesystem::file_size(path), 1000u);
}

}  // namespace
}  // namespace sitrep::server
