// The HTTP API in-process, on a free port: every endpoint and every error status.
#include "server.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "test_client.hpp"

namespace sitrep::server {
namespace {

using ::testing::HasSubstr;
using json = nlohmann::json;
using namespace sitrep::server::testing;

constexpr const char* kToken = "test-token-0123456789";

options test_options(const std::string& dir) {
  options o;
  o.data_dir = dir;
  o.token = kToken;
  o.port = 0;
  o.refresh_delay = std::chrono::milliseconds(5);
  o.heartbeat = std::chrono::milliseconds(300);
  o.rate = 0;
  o.durable = false;  // the tests need no fsync; crash_test checks durability
  return o;
}

std::string record(const std::string& id, const std::string& text, const std::string& source = "") {
  json j = {{"id", id}, {"text", text}};
  if (!source.empty()) j["source"] = source;
  return j.dump() + "\n";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class server_api : public ::testing::Test {
 protected:
  void SetUp() override { start(test_options(dir_.path())); }
  void start(const options& o) {
    auto s = server::start(o);
    ASSERT_TRUE(s.ok()) << s.error().message();
    srv_ = std::move(s).value();
    port_ = srv_->port();
  }
  json body_json(const reply& r) {
    auto j = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.body;
    return j;
  }
  // The error code of an error answer, checking its shape.
  std::string error_code_of(const reply& r) {
    json j = body_json(r);
    EXPECT_TRUE(j.contains("error")) << r.body;
    EXPECT_TRUE(j["error"].contains("message")) << r.body;
    return j["error"].value("code", "");
  }
  std::size_t stored(const std::string& stream) {
    auto r = get(port_, "/v1/streams/" + stream + "/updates?after=0&limit=10000");
    if (r.status != 200) return 0;
    return body_json(r)["updates"].size();
  }

  temp_dir dir_;
  std::unique_ptr<server> srv_;
  std::uint16_t port_ = 0;
};

TEST_F(server_api, health_page_and_openapi) {
  auto h = get(port_, "/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(body_json(h)["status"], "ok");
  auto page = get(port_, "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.headers["Content-Type"], HasSubstr("text/html"));
  EXPECT_THAT(page.headers["Content-Security-Policy"], HasSubstr("default-src 'self'"));
  EXPECT_THAT(page.body, HasSubstr("<script src=\"/app.js\""));
  auto js = get(port_, "/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_THAT(js.body, HasSubstr("EventSource"));
  EXPECT_THAT(js.body, ::testing::Not(HasSubstr("innerHTML")));  // every text goes in as text
  EXPECT_EQ(get(port_, "/app.css").status, 200);
  auto api = get(port_, "/v1/openapi.json");
  EXPECT_EQ(api.status, 200);
  json spec = body_json(api);
  EXPECT_EQ(spec["openapi"], "3.0.3");
  EXPECT_TRUE(spec["paths"].contains("/v1/streams/{name}/events"));
}

TEST_F(server_api, posts_are_acknowledged_with_ids_and_positions) {
  auto one = post(port_, "/v1/streams/bamako/updates",
                  record("p1", "Gunmen attacked the Radisson Blu hotel in Bamako.", "AFP"), kToken);
  ASSERT_EQ(one.status, 201) << one.body << one.error;
  json j = body_json(one);
  EXPECT_EQ(j["accepted"], 1);
  EXPECT_EQ(j["first"], 1);
  EXPECT_EQ(j["updates"][0]["id"], "p1");
  EXPECT_EQ(j["updates"][0]["position"], 1);
  // JSON Lines: several records; a record without id gets <stream>:<position>.
  auto many = post(port_, "/v1/streams/bamako/updates",
                   record("p2", "About 170 people are held hostage, Reuters said.") +
                       "\n{\"text\": \"Security forces surround the hotel.\"}\n",
                   kToken);
  ASSERT_EQ(many.status, 201) << many.body;
  j = body_json(many);
  EXPECT_EQ(j["accepted"], 2);
  EXPECT_EQ(j["updates"][1]["id"], "bamako:3");
  EXPECT_EQ(j["last"], 3);
  // Plain text: one update a line.
  auto text = post(port_, "/v1/streams/bamako/updates",
                   "Mali's president cut short a trip.\n\nThe siege ended after nine hours.\n", kToken,
                   "text/plain");
  ASSERT_EQ(text.status, 201) << text.body;
  EXPECT_EQ(body_json(text)["updates"][1]["id"], "bamako:5");
  auto ups = get(port_, "/v1/streams/bamako/updates?after=3");
  ASSERT_EQ(ups.status, 200);
  j = body_json(ups);
  ASSERT_EQ(j["updates"].size(), 2u);
  EXPECT_EQ(j["updates"][0]["position"], 4);
  EXPECT_EQ(j["updates"][1]["text"], "The siege ended after nine hours.");
  EXPECT_EQ(j["size"], 5);
  EXPECT_EQ(j["next"], 5);
  auto paged = get(port_, "/v1/streams/bamako/updates?after=0&limit=2");
  EXPECT_EQ(body_json(paged)["updates"].size(), 2u);
  auto list = get(port_, "/v1/streams");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(body_json(list)["streams"][0]["name"], "bamako");
  EXPECT_EQ(body_json(list)["streams"][0]["updates"], 5);
}

TEST_F(server_api, a_bad_line_rejects_the_whole_request_and_names_it) {
  ASSERT_EQ(post(port_, "/v1/streams/s/updates", record("a", "First."), kToken).status, 201);
  const std::string body = record("b", "Fine.") + "\n" + record("c", "Also fine.") +
                           "{\"text\": \"broken\"\n" + record("d", "Never stored.");
  auto r = post(port_, "/v1/streams/s/updates", body, kToken);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code_of(r), "bad_record");
  json j = body_json(r);
  EXPECT_EQ(j["error"]["line"], 4);
  EXPECT_THAT(j["error"]["message"].get<std::string>(), HasSubstr("line 4: invalid JSON"));
  auto no_text = post(port_, "/v1/streams/s/updates", "{\"id\": \"x\"}\n", kToken);
  EXPECT_EQ(no_text.status, 400);
  EXPECT_THAT(no_text.body, HasSubstr("record has no \\\"text\\\""));
  auto bad_utf8 = post(port_, "/v1/streams/s/updates", "caf\xC3(\n", kToken, "text/plain");
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_THAT(bad_utf8.body, HasSubstr("invalid UTF-8"));
  EXPECT_EQ(stored("s"), 1u);  // nothing of a rejected request is stored
  auto empty = post(port_, "/v1/streams/s/updates", "\n\n", kToken);
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(error_code_of(empty), "empty_body");
}

TEST_F(server_api, error_statuses) {
  const std::string r1 = record("a", "Text.");
  auto none = post(port_, "/v1/streams/s/updates", r1, "");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(error_code_of(none), "unauthorized");
  EXPECT_EQ(none.headers["WWW-Authenticate"], "Bearer");
  auto wrong = post(port_, "/v1/streams/s/updates", r1, "not-the-token-at-all");
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(error_code_of(wrong), "forbidden");
  EXPECT_EQ(get(port_, "/v1/streams/none/report").status, 404);
  EXPECT_EQ(error_code_of(get(port_, "/v1/streams/none/events")), "no_such_stream");
  EXPECT_EQ(get(port_, "/nothing").status, 404);
  EXPECT_EQ(get(port_, "/v1/streams/s/other").status, 404);
  auto bad_name = post(port_, "/v1/streams/..%2Fetc/updates", r1, kToken);
  EXPECT_EQ(bad_name.status, 404);
  EXPECT_EQ(error_code_of(bad_name), "bad_stream_name");
  EXPECT_EQ(get(port_, "/v1/%zz").status, 400);
  auto del = call(port_, "DELETE", "/v1/streams/s/report");
  EXPECT_EQ(del.status, 405);
  EXPECT_EQ(del.headers["Allow"], "GET, HEAD");
  auto type = post(port_, "/v1/streams/s/updates", r1, kToken, "application/xml");
  EXPECT_EQ(type.status, 415);
  ASSERT_EQ(post(port_, "/v1/streams/s/updates", r1, kToken).status, 201);
  EXPECT_EQ(get(port_, "/v1/streams/s/report?words=0").status, 400);
  EXPECT_EQ(get(port_, "/v1/streams/s/report?format=xml").status, 400);
  EXPECT_EQ(get(port_, "/v1/streams/s/report?since=nothing-like-it").status, 400);
  EXPECT_EQ(get(port_, "/v1/streams/s/report?story=x").status, 400);
  EXPECT_EQ(error_code_of(get(port_, "/v1/streams/s/report?story=99")), "no_such_story");
  EXPECT_EQ(get(port_, "/v1/streams/s/updates?after=-1").status, 400);
  EXPECT_EQ(get(port_, "/v1/streams/s/updates?limit=0").status, 400);
}

TEST_F(server_api, limits_answer_413) {
  srv_.reset();
  options o = test_options(dir_.path());
  o.max_body_bytes = 1000;
  o.max_records = 3;
  o.max_line_bytes = 200;
  start(o);
  auto big = post(port_, "/v1/streams/s/updates", std::string(2000, 'x'), kToken, "text/plain");
  EXPECT_EQ(big.status, 413) << big.error;
  EXPECT_EQ(error_code_of(big), "body_too_large");
  auto many = post(port_, "/v1/streams/s/updates", "a\nb\nc\nd\n", kToken, "text/plain");
  EXPECT_EQ(many.status, 413);
  EXPECT_EQ(error_code_of(many), "too_many_records");
  EXPECT_EQ(body_json(many)["error"]["line"], 4);
  auto line = post(port_, "/v1/streams/s/updates", "short\n" + std::string(300, 'y'), kToken,
                   "text/plain");
  EXPECT_EQ(line.status, 413);
  EXPECT_EQ(error_code_of(line), "line_too_long");
  EXPECT_EQ(body_json(line)["error"]["line"], 2);
  EXPECT_EQ(stored("s"), 0u);
}

TEST_F(server_api, rate_limit_answers_429) {
  srv_.reset();
  options o = test_options(dir_.path());
  o.rate = 1;
  o.burst = 3;
  start(o);
  int ok = 0, limited = 0;
  for (int i = 0; i < 6; ++i) {
    auto r = get(port_, "/healthz");
    if (r.status == 200) ++ok;
    if (r.status == 429) {
      ++limited;
      EXPECT_EQ(error_code_of(r), "rate_limited");
      EXPECT_EQ(r.headers["Retry-After"], "1");
    }
  }
  EXPECT_GE(ok, 3);
  EXPECT_GE(limited, 2);
}

TEST_F(server_api, reads_can_need_the_token) {
  srv_.reset();
  options o = test_options(dir_.path());
  o.reads = read_access::token;
  start(o);
  ASSERT_EQ(post(port_, "/v1/streams/s/updates", record("a", "Text."), kToken).status, 201);
  EXPECT_EQ(get(port_, "/v1/streams").status, 401);
  EXPECT_EQ(get(port_, "/v1/streams/s/report").status, 401);
  call_options with;
  with.token = kToken;
  EXPECT_EQ(get(port_, "/v1/streams", with).status, 200);
  EXPECT_EQ(get(port_, std::string("/v1/streams/s/report?token=") + kToken).status, 200);
  EXPECT_EQ(get(port_, "/v1/streams/s/report?token=wrong-token-000000").status, 403);
  EXPECT_EQ(get(port_, "/healthz").status, 200);
}

TEST_F(server_api, reports_stories_timeline_and_facts) {
  const std::string feed = read_file(SITREP_SOURCE_DIR "/examples/harbour-fire.jsonl");
  ASSERT_FALSE(feed.empty());
  auto r = post(port_, "/v1/streams/harbour/updates", feed, kToken);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::size_t n = body_json(r)["accepted"];
  auto rep = get(port_, "/v1/streams/harbour/report?words=60");
  ASSERT_EQ(rep.status, 200);
  json j = body_json(rep);
  EXPECT_FALSE(j["headline"].empty());
  EXPECT_EQ(j["sources"].size() > 0, true);
  auto md = get(port_, "/v1/streams/harbour/report?format=markdown&words=60");
  EXPECT_EQ(md.status, 200);
  EXPECT_THAT(md.headers["Content-Type"], HasSubstr("text/markdown"));
  auto txt = get(port_, "/v1/streams/harbour/report?format=text&words=60");
  EXPECT_EQ(txt.status, 200);
  EXPECT_THAT(txt.headers["Content-Type"], HasSubstr("text/plain"));
  const std::string first_id = body_json(get(port_, "/v1/streams/harbour/updates?limit=1"))["updates"][0]["id"];
  auto since = get(port_, "/v1/streams/harbour/report?since=" + first_id);
  EXPECT_EQ(since.status, 200);
  EXPECT_FALSE(body_json(since)["since"].is_null());
  auto until = get(port_, "/v1/streams/harbour/report?until=" + first_id);
  EXPECT_EQ(until.status, 200);
  EXPECT_EQ(get(port_, "/v1/streams/harbour/report?story=0").status, 200);
  auto stories = get(port_, "/v1/streams/harbour/stories");
  ASSERT_EQ(stories.status, 200);
  EXPECT_FALSE(body_json(stories)["stories"].empty());
  auto tl = get(port_, "/v1/streams/harbour/timeline");
  ASSERT_EQ(tl.status, 200);
  EXPECT_FALSE(body_json(tl)["timeline"].empty());
  auto facts = get(port_, "/v1/streams/harbour/facts");
  ASSERT_EQ(facts.status, 200);
  EXPECT_FALSE(body_json(facts)["facts"].empty());
  EXPECT_EQ(body_json(facts)["facts"][0]["kind"], "figure");
  // The live report (no parameters) catches up within the refresh delay.
  json live;
  for (int i = 0; i < 200; ++i) {
    live = body_json(get(port_, "/v1/streams/harbour/report"));
    if (live.value("updates", 0) == static_cast<int>(n)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_FALSE(live["headline"].empty());
  EXPECT_EQ(get(port_, "/v1/streams/harbour/report?format=markdown").status, 200);
}

TEST_F(server_api, facts_are_paged_as_updates_are) {
  const std::string feed = read_file(SITREP_SOURCE_DIR "/examples/harbour-fire.jsonl");
  ASSERT_EQ(post(port_, "/v1/streams/harbour/updates", feed, kToken).status, 201);
  json all = body_json(get(port_, "/v1/streams/harbour/facts"));
  const std::size_t total = all["facts"].size();
  ASSERT_GT(total, 2u);
  EXPECT_EQ(all["size"], 18);
  // Pages of 2 facts (whole updates), each starting after the last one's `next`: together
  // they are the unpaged list, in order.
  json joined = json::array();
  std::size_t after = 0;
  for (int pages = 0; pages < 100; ++pages) {
    auto r = get(port_, "/v1/streams/harbour/facts?after=" + std::to_string(after) + "&limit=2");
    ASSERT_EQ(r.status, 200) << r.body;
    json page = body_json(r);
    if (page["facts"].empty()) break;
    for (const auto& f : page["facts"]) {
      EXPECT_GT(f["position"].get<std::size_t>(), after);
      joined.push_back(f);
    }
    EXPECT_GT(page["next"].get<std::size_t>(), after);
    after = page["next"];
  }
  EXPECT_EQ(joined, all["facts"]);
  auto last = body_json(get(port_, "/v1/streams/harbour/facts?after=18"));
  EXPECT_TRUE(last["facts"].empty());
  EXPECT_EQ(get(port_, "/v1/streams/harbour/facts?limit=0").status, 400);
  EXPECT_EQ(get(port_, "/v1/streams/harbour/facts?after=x").status, 400);
  // The same query twice between two updates: one rendering, the same bytes.
  EXPECT_EQ(get(port_, "/v1/streams/harbour/facts?limit=2").body,
            get(port_, "/v1/streams/harbour/facts?limit=2").body);
}

TEST_F(server_api, head_answers_the_header_of_get) {
  const std::string feed = read_file(SITREP_SOURCE_DIR "/examples/harbour-fire.jsonl");
  ASSERT_EQ(post(port_, "/v1/streams/harbour/updates", feed, kToken).status, 201);
  for (const std::string path :
       {"/", "/healthz", "/v1/streams", "/v1/openapi.json", "/v1/streams/harbour/report",
        "/v1/streams/harbour/report?words=30", "/v1/streams/harbour/facts",
        "/v1/streams/harbour/updates", "/v1/streams/harbour/stories",
        "/v1/streams/harbour/timeline"}) {
    auto g = get(port_, path);
    auto h = call(port_, "HEAD", path);
    EXPECT_EQ(h.status, g.status) << path;
    EXPECT_TRUE(h.body.empty()) << path;
    EXPECT_EQ(h.headers["Content-Type"], g.headers["Content-Type"]) << path;
    if (path != "/v1/streams/harbour/report") {  // the live report may have changed meanwhile
      EXPECT_EQ(h.headers["Content-Length"], std::to_string(g.body.size())) << path;
    }
  }
  auto events = call(port_, "HEAD", "/v1/streams/harbour/events");
  EXPECT_EQ(events.status, 200);
  EXPECT_THAT(events.headers["Content-Type"], HasSubstr("text/event-stream"));
  EXPECT_EQ(call(port_, "HEAD", "/v1/streams/none/report").status, 404);
}

TEST_F(server_api, shared_answers_are_gzipped_for_clients_that_take_it) {
  const std::string feed = read_file(SITREP_SOURCE_DIR "/examples/harbour-fire.jsonl");
  ASSERT_EQ(post(port_, "/v1/streams/harbour/updates", feed, kToken).status, 201);
  call_options gz;
  gz.headers["Accept-Encoding"] = "deflate, gzip;q=0.8";
  call_options no;
  no.headers["Accept-Encoding"] = "gzip;q=0, br";
  for (const std::string path : {"/v1/streams/harbour/report", "/v1/streams/harbour/report?format=text",
                                 "/v1/streams/harbour/facts", "/v1/streams/harbour/timeline"}) {
    auto plain = get(port_, path);
    ASSERT_EQ(plain.status, 200) << path;
    EXPECT_EQ(plain.headers.count("Content-Encoding"), 0u) << path;
    EXPECT_EQ(plain.headers["Vary"], "Accept-Encoding") << path;
    auto packed = get(port_, path, gz);
    ASSERT_EQ(packed.status, 200) << path;
    EXPECT_EQ(packed.headers["Content-Encoding"], "gzip") << path;
    EXPECT_LT(packed.body.size(), plain.body.size()) << path;
    const std::string unpacked = gunzip(packed.body);
    auto not_taken = get(port_, path, no);  // q=0: not taken
    EXPECT_EQ(not_taken.headers.count("Content-Encoding"), 0u) << path;
    if (path.find("/report") == std::string::npos) {  // engine-thread answers: the same bytes
      EXPECT_EQ(unpacked, plain.body) << path;
      EXPECT_EQ(not_taken.body, plain.body) << path;
    } else {  // the live report may be rebuilt meanwhile: the same kind of document
      EXPECT_EQ(unpacked.substr(0, 16), plain.body.substr(0, 16)) << path;
      EXPECT_GT(unpacked.size(), plain.body.size() / 2) << path;
    }
  }
}

TEST_F(server_api, events_send_reports_heartbeats_and_resume) {
  ASSERT_EQ(post(port_, "/v1/streams/live/updates", record("a", "A fire broke out at the depot."), kToken).status, 201);
  // Wait for the first live report.
  for (int i = 0; i < 200 && body_json(get(port_, "/v1/streams/live/report")).value("updates", 0) != 1; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  sse_client c(port_, "/v1/streams/live/events");
  std::string head = c.next();
  EXPECT_THAT(head, HasSubstr("200 OK"));
  EXPECT_THAT(head, HasSubstr("text/event-stream"));
  EXPECT_EQ(c.next_report(), 1);
  ASSERT_EQ(post(port_, "/v1/streams/live/updates", record("b", "Two people were injured in the fire."), kToken).status, 201);
  EXPECT_EQ(c.next_report(), 2);
  // Nothing new: a heartbeat comes.
  bool heartbeat = false;
  for (int i = 0; i < 5 && !heartbeat; ++i) heartbeat = c.next().find(": heartbeat") != std::string::npos;
  EXPECT_TRUE(heartbeat);
  // A client resuming at the current report gets no copy of it: first a heartbeat, then the
  // next report.
  sse_client resumed(port_, "/v1/streams/live/events", "2");
  resumed.next();  // header and retry
  EXPECT_THAT(resumed.next(), HasSubstr(": heartbeat"));
  ASSERT_EQ(post(port_, "/v1/streams/live/updates", record("c", "The fire is contained."), kToken).status, 201);
  EXPECT_EQ(resumed.next_report(), 3);
  // Resuming from an older id gets the current report at once.
  sse_client behind(port_, "/v1/streams/live/events", "1");
  behind.next();
  EXPECT_EQ(behind.next_report(), 3);
}

TEST_F(server_api, concurrent_writers_and_readers) {
  constexpr int kWriters = 4, kPosts = 40;
  std::atomic<int> failures{0};
  std::atomic<bool> writing{true};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w)
    threads.emplace_back([&, w] {
      for (int i = 0; i < kPosts; ++i) {
        auto r = post(port_, "/v1/streams/busy/updates",
                      record("w" + std::to_string(w) + "-" + std::to_string(i),
                             "Writer " + std::to_string(w) + " reports event number " +
                                 std::to_string(i) + " at the harbour."),
                      kToken);
        if (r.status != 201) ++failures;
      }
    });
  std::atomic<int> reads{0};
  for (int rdr = 0; rdr < 2; ++rdr)
    threads.emplace_back([&] {
      while (writing) {
        auto r = get(port_, "/v1/streams/busy/report");
        if (r.status != 200 && r.status != 404) ++failures;
        auto t = get(port_, "/v1/streams/busy/timeline?x=1");
        if (t.status != 200 && t.status != 404) ++failures;
        ++reads;
      }
    });
  for (int w = 0; w < kWriters; ++w) threads[w].join();
  writing = false;
  for (std::size_t i = kWriters; i < threads.size(); ++i) threads[i].join();
  EXPECT_EQ(failures, 0);
  EXPECT_GT(reads, 0);
  // Every post stored once, each writer's in its order, positions 1..N.
  auto all = body_json(get(port_, "/v1/streams/busy/updates?limit=10000"))["updates"];
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kWriters * kPosts));
  std::vector<int> next(kWriters, 0);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i]["position"], i + 1);
    const std::string id = all[i]["id"];
    const int w = id[1] - '0';
    EXPECT_EQ(id, "w" + std::to_string(w) + "-" + std::to_string(next[w]));
    ++next[w];
  }
}

TEST_F(server_api, a_restart_rebuilds_the_same_report) {
  const std::string feed = read_file(SITREP_SOURCE_DIR "/examples/harbour-fire.jsonl");
  ASSERT_EQ(post(port_, "/v1/streams/harbour/updates", feed, kToken).status, 201);
  ASSERT_EQ(post(port_, "/v1/streams/other/updates", record("o1", "Another story."), kToken).status, 201);
  const std::string before = get(port_, "/v1/streams/harbour/report?words=80").body;
  const std::string stories_before = get(port_, "/v1/streams/harbour/stories").body;
  const std::string facts_before = get(port_, "/v1/streams/harbour/facts").body;
  srv_->stop();
  srv_.reset();
  start(test_options(dir_.path()));
  EXPECT_EQ(get(port_, "/v1/streams/harbour/report?words=80").body, before);
  EXPECT_EQ(get(port_, "/v1/streams/harbour/stories").body, stories_before);
  EXPECT_EQ(get(port_, "/v1/streams/harbour/facts").body, facts_before);
  auto list = body_json(get(port_, "/v1/streams"))["streams"];
  ASSERT_EQ(list.size(), 2u);
  // The live report is there at once after a restart.
  EXPECT_EQ(get(port_, "/v1/streams/other/report").status, 200);
  // Positions continue.
  auto r = post(port_, "/v1/streams/other/updates", record("o2", "More."), kToken);
  EXPECT_EQ(body_json(r)["first"], 2);
}

TEST(server_options, bad_options_are_refused) {
  temp_dir dir;
  options o = test_options(dir.path());
  o.token = "short";
  EXPECT_EQ(server::start(o).error().code(), error_code::invalid_argument);
  o = test_options(dir.path());
  o.address = "not an address";
  EXPECT_EQ(server::start(o).error().code(), error_code::invalid_argument);
  o = test_options("");
  EXPECT_EQ(server::start(o).error().code(), error_code::invalid_argument);
}

}  // namespace
}  // namespace sitrep::server
