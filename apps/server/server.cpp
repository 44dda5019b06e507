// The HTTP side of `sitrep serve`: routes, sessions, server-sent events, the commit and engine threads.
// Every algorithm is the library's (stream::engine and its observers, report builders and
// writers, store::log); this file only moves requests and snapshots between threads.
#include "server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/zlib/deflate_stream.hpp>
#include <boost/crc.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <limits>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <variant>

#include "assets.hpp"
#include "request.hpp"
#include "sitrep/facts/figures_observer.hpp"
#include "sitrep/io/record_decoder.hpp"
#include "sitrep/io/time.hpp"
#include "sitrep/rank/summarizer.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/report/writer.hpp"
#include "sitrep/store/log.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/stream/stories.hpp"
#include "sitrep/stream/view.hpp"
#include "sitrep/timeline/key_events.hpp"
#include "story_report.hpp"

namespace sitrep::server {
namespace detail {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using json = nlohmann::json;
using request = http::request<http::string_body>;
using response = http::response<http::string_body>;

constexpr std::size_t kMaxHeaderBytes = 16 << 10;
constexpr auto kReadTimeout = std::chrono::seconds(60);
constexpr auto kWriteTimeout = std::chrono::seconds(30);
constexpr std::size_t kDefaultPage = 1000;   // /updates without limit
constexpr std::size_t kMaxPage = 10000;      // /updates limit at most
constexpr std::size_t kMaxCached = 16;       // rendered answers kept a stream
constexpr std::size_t kMaxCachedBytes = std::size_t{4} << 20;  // and their bytes at most

// The parameters a query of `kind` reads, in a fixed order: equal keys, equal answers.
std::string cache_key(int kind, const target& t) {
  static constexpr std::string_view kKeys[] = {"format", "words", "since", "until", "story",
                                               "after", "limit"};
  std::string key = std::to_string(kind);
  for (std::string_view k : kKeys) {
    if (auto v = t.param(k)) {
      key += '&';
      key += k;
      key += '=';
      key += *v;
    }
  }
  return key;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

template <class Message>
void set_common_headers(Message& r, std::string_view type) {
  r.set(http::field::server, "sitrep");
  r.set(http::field::content_type, type);
  r.set(http::field::cache_control, "no-store");
  r.set("X-Content-Type-Options", "nosniff");
}

response make_response(http::status st, std::string body, std::string_view type) {
  response r{st, 11};
  set_common_headers(r, type);
  r.body() = std::move(body);
  return r;
}

// `in` compressed as gzip (RFC 1952): Beast's raw deflate between the 10-byte header and the
// CRC-32 and size of the input. Empty if the compressor fails.
std::string gzip(std::string_view in) {
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
  beast::zlib::deflate_stream ds;
  ds.reset(6, 15, 8, beast::zlib::Strategy::normal);
  const std::size_t head = out.size();
  out.resize(head + ds.upper_bound(in.size()) + 16);
  beast::zlib::z_params zs;
  zs.next_in = in.data();
  zs.avail_in = in.size();
  zs.next_out = out.data() + head;
  zs.avail_out = out.size() - head;
  beast::error_code ec;
  ds.write(zs, beast::zlib::Flush::finish, ec);
  if ((ec && ec != beast::zlib::error::end_of_stream) || zs.avail_in != 0) return {};
  out.resize(head + zs.total_out);
  boost::crc_32_type crc;
  crc.process_bytes(in.data(), in.size());
  for (std::uint32_t v : {static_cast<std::uint32_t>(crc.checksum()), static_cast<std::uint32_t>(in.size())})
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  return out;
}

// A 200 answer's body rendered once and shared, read-only, by every reader that asks for it;
// compressed once too, for the readers that accept gzip (a browser always does).
struct rendered {
  std::string text;
  std::string type;     // Content-Type
  std::string gzipped;  // empty when not worth it (a small body)
};
using shared_response = http::response<http::span_body<const char>>;
constexpr std::size_t kMinGzip = 1024;  // smaller bodies go as they are

std::shared_ptr<const rendered> make_rendered(std::string text, std::string_view type) {
  auto r = std::make_shared<rendered>(rendered{std::move(text), std::string(type), {}});
  if (r->text.size() >= kMinGzip) r->gzipped = gzip(r->text);
  return r;
}


response json_response(http::status st, const json& j) {
  return make_response(st, dump(j) + "\n", "application/json; charset=utf-8");
}

response error_response(http::status st, std::string_view code, std::string message,
                        json extra = json::object()) {
  json e = {{"code", code}, {"message", std::move(message)}};
  for (auto& [k, v] : extra.items()) e[k] = v;
  response r = json_response(st, {{"error", e}});
  if (st == http::status::unauthorized) r.set(http::field::www_authenticate, "Bearer");
  if (st == http::status::too_many_requests) r.set(http::field::retry_after, "1");
  return r;
}

std::string_view content_type_for(report::output_format f) {
  switch (f) {
    case report::output_format::markdown: return "text/markdown; charset=utf-8";
    case report::output_format::text: return "text/plain; charset=utf-8";
    default: return "application/json; charset=utf-8";
  }
}

// A decimal count, digits only, within [0, max].
std::optional<std::size_t> parse_number(std::string_view s, std::size_t max) {
  if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  std::size_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  if (v > max) return std::nullopt;
  return v;
}

// ---- Streams: each an engine with its observers, and its live snapshot ----

// The live report of a stream at one moment, shared read-only by readers and SSE clients.
struct snapshot {
  std::size_t position = 0;  // updates in the stream when it was built (the SSE event id)
  std::shared_ptr<const report::situation_report> report;
  // GET report in each format, rendered once when the snapshot is built.
  std::shared_ptr<const rendered> json, markdown, text;
  std::string event;  // the SSE event: id, "event: report", the report as one JSON line
};

class session;

struct stream_state {
  std::string name;
  // Observers first: the engine, declared after them, goes first and calls them no more.
  std::unique_ptr<cli::followers> followers;  // stories, facts, key events, the main story
  std::optional<stream::engine> engine;
  std::atomic<std::size_t> size{0};       // updates in the engine
  std::atomic<std::size_t> committed{0};  // updates in the store
  // Engine thread only.
  std::unique_ptr<net::steady_timer> refresh_timer;
  bool refresh_pending = false;
  // Engine thread only: answers to queries rendered while the engine held `cache_size`
  // updates, by normalized query; a reader asking again before the next update shares it.
  std::size_t cache_size = 0;
  std::map<std::string, std::shared_ptr<const rendered>, std::less<>> cache;
  std::size_t cache_bytes = 0;
  // Guarded by mu: read by network threads.
  std::mutex mu;
  std::shared_ptr<const snapshot> live;
  std::vector<std::weak_ptr<session>> subscribers;
};

result<std::shared_ptr<stream_state>> new_stream(const std::string& name) {
  auto st = std::make_shared<stream_state>();
  st->name = name;
  auto f = cli::followers::create();
  if (!f) return f.error();
  st->followers = std::move(f).value();
  auto e = stream::engine::create({});
  if (!e) return e.error();
  st->engine.emplace(std::move(e).value());
  if (auto a = st->followers->attach(*st->engine); !a) return a;
  return st;
}

// A write waiting for the next group commit.
struct write_job {
  std::string stream;
  std::vector<update> updates;
  std::vector<bool> default_id;  // the decoder made the id: it becomes "<stream>:<position>"
  std::function<void(response)> done;
};

}  // namespace detail
using namespace detail;

// ---- The server's state ----

struct server::impl {
  options o;
  bool reads_need_token = false;
  std::atomic<std::size_t> connections{0};
  std::atomic<std::size_t> commits{0};
  std::atomic<bool> stopped{false};
  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool done = false;

  // Streams by name; the map changes on the writer thread only, under streams_mu.
  std::mutex streams_mu;
  std::map<std::string, std::shared_ptr<stream_state>> streams;

  std::mutex pending_mu;
  std::vector<write_job> pending;
  bool flush_scheduled = false;

  std::mutex rate_mu;
  struct bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point last;
  };
  std::unordered_map<std::string, bucket> buckets;

  std::mutex sessions_mu;
  std::vector<std::weak_ptr<session>> sessions;

  std::optional<store::log> log;  // commit thread only (and start-up)

  // Updates committed but not yet added to their engine.
  static constexpr std::size_t kMaxBacklog = 200000;
  std::atomic<std::size_t> backlog{0};
  std::mutex backlog_mu;
  std::condition_variable backlog_cv;

  // Declared last: destroyed first, while everything their handlers refer to still exists.
  // The network's first: handlers left in the other two may hold sessions (sockets of it).
  net::io_context net_ctx;
  net::io_context writer_ctx{1};  // the commit thread: the store
  net::io_context engine_ctx{1};  // the engine thread: engines, observers, live reports
  std::optional<tcp::acceptor> acceptor;
  std::vector<std::thread> threads;
  std::thread writer;
  std::thread engine_thread;
  std::uint16_t bound_port = 0;

  // The streams' timers (of engine_ctx) go before the contexts do.
  ~impl() {
    stop();
    std::lock_guard lock(streams_mu);
    streams.clear();
  }

  std::shared_ptr<stream_state> find(std::string_view name) {
    std::lock_guard lock(streams_mu);
    auto it = streams.find(std::string(name));
    return it == streams.end() ? nullptr : it->second;
  }

  bool allow(const std::string& client) {
    if (o.rate <= 0) return true;
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(rate_mu);
    if (buckets.size() > 100000) {
      // Forget clients whose bucket has refilled: they lose nothing.
      for (auto it = buckets.begin(); it != buckets.end();) {
        const double secs = std::chrono::duration<double>(now - it->second.last).count();
        it = it->second.tokens + secs * o.rate >= o.burst ? buckets.erase(it) : std::next(it);
      }
    }
    auto [it, fresh] = buckets.try_emplace(client, bucket{o.burst, now});
    bucket& b = it->second;
    if (!fresh) {
      const double secs = std::chrono::duration<double>(now - b.last).count();
      b.tokens = std::min(o.burst, b.tokens + secs * o.rate);
      b.last = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  rank::budget default_budget() const { return {rank::budget_unit::words, o.words}; }

  std::optional<cli::prepared> prepare(rank::budget b, report::output_format f) {
    auto m = rank::make_summarizer(rank::default_method());
    if (!m) return std::nullopt;
    return cli::prepared{b, std::move(m).value(), f};
  }

  // ---- writer thread ----

  void submit(write_job job) {
    bool schedule = false;
    {
      std::lock_guard lock(pending_mu);
      pending.push_back(std::move(job));
      if (!flush_scheduled) schedule = flush_scheduled = true;
    }
    if (schedule) net::post(writer_ctx, [this] { flush(); });
  }

  // Commits every write that arrived since the last flush in one transaction, then adds the
  // updates to their engines and answers: the 201 comes after the commit.
  void flush() {
    // Back-pressure: while the engines are far behind the store, stop committing (requests
    // wait in their connections) so that memory stays bounded.
    {
      std::unique_lock lock(backlog_mu);
      backlog_cv.wait(lock, [this] { return backlog.load() <= kMaxBacklog || stopped.load(); });
    }
    std::vector<write_job> jobs;
    {
      std::lock_guard lock(pending_mu);
      jobs.swap(pending);
      flush_scheduled = false;
    }
    std::map<std::string, std::size_t> next;  // planned size of each stream
    std::vector<store::batch> batches;
    std::vector<std::size_t> accepted;  // indexes of jobs in `batches`
    std::size_t stream_count = streams.size();
    for (std::size_t j = 0; j < jobs.size(); ++j) {
      write_job& job = jobs[j];
      auto it = next.find(job.stream);
      if (it == next.end()) {
        auto st = find(job.stream);
        if (!st) {
          if (stream_count >= o.max_streams) {
            job.done(error_response(http::status::forbidden, "stream_limit",
                                    fmt::format("this server holds {} streams, its limit",
                                                o.max_streams)));
            job.done = nullptr;
            continue;
          }
          ++stream_count;
        }
        it = next.emplace(job.stream, st ? st->committed.load() : 0).first;
      }
      for (std::size_t i = 0; i < job.updates.size(); ++i) {
        ++it->second;
        if (job.default_id[i]) job.updates[i].id = fmt::format("{}:{}", job.stream, it->second);
      }
      batches.push_back({job.stream, job.updates});
      accepted.push_back(j);
    }
    if (batches.empty()) return;
    auto firsts = log->append_batches(batches);
    commits.fetch_add(1, std::memory_order_relaxed);
    if (!firsts) {
      for (std::size_t j : accepted)
        jobs[j].done(error_response(http::status::internal_server_error, "store_error",
                                    "the updates could not be stored: " + firsts.error().message()));
      return;
    }
    for (std::size_t k = 0; k < accepted.size(); ++k) {
      write_job& job = jobs[accepted[k]];
      auto st = find(job.stream);
      if (!st) {
        auto made = new_stream(job.stream);
        if (!made) {  // only bad engine options could do this: none are taken from requests
          job.done(error_response(http::status::internal_server_error, "internal",
                                  made.error().message()));
          continue;
        }
        st = *made;
        st->refresh_timer = std::make_unique<net::steady_timer>(engine_ctx);
        std::lock_guard lock(streams_mu);
        streams.emplace(job.stream, st);
      }
      json ids = json::array();
      const std::size_t first = (*firsts)[k];
      const std::size_t n = job.updates.size();
      for (std::size_t i = 0; i < n; ++i)
        ids.push_back({{"id", job.updates[i].id}, {"position", first + i}});
      st->committed.store(first + n - 1, std::memory_order_release);
      // The engine takes the updates on its own thread, in commit order. Posted before the
      // answer, so that a query sent after the answer finds them added (one FIFO queue).
      backlog.fetch_add(n, std::memory_order_relaxed);
      net::post(engine_ctx, [this, st, ups = std::move(job.updates)]() mutable {
        for (update& u : ups) {
          // The decoder has checked the text (valid UTF-8, no NUL): the engine takes it.
          auto added = st->engine->add(std::move(u));
          (void)added;
        }
        st->size.store(st->engine->size(), std::memory_order_release);
        if (backlog.fetch_sub(ups.size(), std::memory_order_relaxed) - ups.size() <= kMaxBacklog) {
          std::lock_guard lock(backlog_mu);
          backlog_cv.notify_all();
        }
        schedule_refresh(*st);
      });
      job.done(json_response(http::status::created, {{"stream", job.stream},
                                                     {"accepted", n},
                                                     {"first", first},
                                                     {"last", first + n - 1},
                                                     {"updates", std::move(ids)}}));
    }
  }

  void schedule_refresh(stream_state& st) {
    if (st.refresh_pending) return;
    st.refresh_pending = true;
    st.refresh_timer->expires_after(o.refresh_delay);
    st.refresh_timer->async_wait([this, &st](beast::error_code ec) {
      if (!ec) refresh(st);
    });
  }

  // Rebuilds the live report of `st` and hands it to every SSE client of the stream.
  void refresh(stream_state& st);

  // ---- queries answered on the writer thread ----

  response report_query(stream_state& st, const target& t);
  response updates_query(stream_state& st, const target& t);
  response stories_query(stream_state& st);
  response timeline_query(stream_state& st);
  response facts_query(stream_state& st, const target& t);

  void handle(const std::shared_ptr<session>& s, request&& req);
  void start_accept();
  void stop();
};

namespace detail {

// ---- One connection: HTTP/1.1 keep-alive, then possibly a server-sent-events feed ----

class session : public std::enable_shared_from_this<session> {
 public:
  session(tcp::socket socket, server::impl& srv) : stream_(std::move(socket)), srv_(srv) {
    srv_.connections.fetch_add(1, std::memory_order_relaxed);
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    client_ = ec ? "unknown" : ep.address().to_string();
  }
  ~session() { srv_.connections.fetch_sub(1, std::memory_order_relaxed); }

  void run() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }
  const std::string& client() const { return client_; }

  // From any thread: sends `r` as the answer to the request being handled.
  void reply(response r) {
    net::post(stream_.get_executor(),
              [self = shared_from_this(), r = std::move(r)]() mutable { self->send(std::move(r)); });
  }

  // On the session's strand: the answer to the current request.
  void send(response r, bool close = false) {
    write(std::make_shared<response>(std::move(r)), close);
  }
  // On the session's strand: an answer whose body is shared with other readers (a rendered
  // report), sent without a copy.
  void send_shared(std::shared_ptr<const rendered> body) {
    auto r = std::make_shared<shared_response>(http::status::ok, 11);
    set_common_headers(*r, body->type);
    r->set(http::field::vary, "Accept-Encoding");
    const std::string& bytes = gzip_ && !body->gzipped.empty() ? body->gzipped : body->text;
    if (&bytes == &body->gzipped) r->set(http::field::content_encoding, "gzip");
    r->body() = http::span_body<const char>::value_type(bytes.data(), bytes.size());
    keep_ = std::move(body);
    write(std::move(r), false);
  }

  template <class Body>
  void write(std::shared_ptr<http::response<Body>> r, bool close) {
    if (closed_) return;
    close = close || !keep_alive_;
    r->version(version_);
    r->keep_alive(!close);
    r->prepare_payload();
    if (head_) {
      // HEAD: the header of the GET answer (its Content-Length too), without the body.
      auto h = std::make_shared<http::response<http::empty_body>>(r->base());
      keep_.reset();
      return write_out(std::move(h), close);
    }
    write_out(std::move(r), close);
  }

  template <class Message>
  void write_out(std::shared_ptr<Message> m, bool close) {
    out_ = m;
    stream_.expires_after(kWriteTimeout);
    http::async_write(stream_, *m,
                      [self = shared_from_this(), close](beast::error_code ec, std::size_t) {
                        self->out_.reset();
                        self->keep_.reset();
                        if (ec) return self->shut();
                        if (close) return self->drain_and_close();
                        self->read();
                      });
  }

  // From any thread: sends a shared body as the 200 answer to the request being handled.
  void reply_shared(std::shared_ptr<const rendered> body) {
    net::post(stream_.get_executor(), [self = shared_from_this(), b = std::move(body)]() mutable {
      self->send_shared(std::move(b));
    });
  }

  // From any thread: closes the connection (server stop).
  void close() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->shut(); });
  }

  // ---- SSE (on the strand) ----

  void start_events(std::shared_ptr<stream_state> st, std::optional<std::size_t> last_id);

  void deliver(std::shared_ptr<const snapshot> s) {
    net::post(stream_.get_executor(), [self = shared_from_this(), s = std::move(s)]() mutable {
      if (!self->sent_ || s->position != self->sent_->position) self->next_ = std::move(s);
      self->pump();
    });
  }

 private:
  void read() {
    if (closed_) return;
    parser_.emplace();
    parser_->body_limit(srv_.o.max_body_bytes);
    parser_->header_limit(kMaxHeaderBytes);
    stream_.expires_after(kReadTimeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       self->on_read(ec);
                     });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == beast::error::timeout || ec == net::error::eof || ec == net::error::connection_reset)
      return shut();
    keep_alive_ = false;
    version_ = 11;
    head_ = false;
    gzip_ = false;
    if (ec == http::error::body_limit)
      return send(error_response(http::status::payload_too_large, "body_too_large",
                                 fmt::format("the request body is larger than {} bytes",
                                             srv_.o.max_body_bytes)),
                  true);
    if (ec == http::error::header_limit)
      return send(error_response(http::status::request_header_fields_too_large,
                                 "header_too_large",
                                 fmt::format("the request header is larger than {} bytes",
                                             kMaxHeaderBytes)),
                  true);
    if (ec) {
      // A malformed request (Beast's parse errors) is answered; a network error just ends.
      if (&ec.category() == &http::make_error_code(http::error::bad_target).category())
        return send(error_response(http::status::bad_request, "bad_request",
                                   "malformed HTTP request: " + ec.message()),
                    true);
      return shut();
    }
    request req = parser_->release();
    keep_alive_ = req.keep_alive();
    version_ = req.version();
    head_ = req.method() == http::verb::head;
    auto enc = req.find(http::field::accept_encoding);
    gzip_ = enc != req.end() && accepts_gzip(std::string_view(enc->value().data(), enc->value().size()));
    srv_.handle(shared_from_this(), std::move(req));
  }

  // After an error answer that ends the connection: stop sending, read (and drop) what the
  // client is still sending for a moment, so that it reads the answer instead of a reset.
  void drain_and_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(2));
    drain_.resize(16 << 10);
    drain_more(0);
  }
  void drain_more(std::size_t total) {
    stream_.async_read_some(net::buffer(drain_), [self = shared_from_this(), total](
                                                     beast::error_code ec, std::size_t n) {
      if (ec || total + n > (std::size_t{64} << 20)) return self->shut();
      self->drain_more(total + n);
    });
  }

  void shut() {
    if (closed_) return;
    closed_ = true;
    if (heartbeat_) heartbeat_->cancel();
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  void pump();
  void arm_heartbeat();
  void watch_close();

  beast::tcp_stream stream_;
  server::impl& srv_;
  std::string client_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<void> out_;              // the message being written
  std::shared_ptr<const rendered> keep_;   // the shared body it points into
  bool head_ = false;                      // the request is HEAD: answer the header only
  bool gzip_ = false;                      // the request accepts gzip
  std::vector<char> drain_;
  bool keep_alive_ = false;
  unsigned version_ = 11;
  bool closed_ = false;
  // SSE
  bool events_ = false;
  bool writing_ = false;
  bool header_sent_ = false;
  bool heartbeat_due_ = false;
  std::shared_ptr<const snapshot> next_, sent_;
  std::string event_out_;
  std::shared_ptr<const snapshot> writing_event_;  // holds the event text being written
  std::unique_ptr<net::steady_timer> heartbeat_;
};

void session::start_events(std::shared_ptr<stream_state> st, std::optional<std::size_t> last_id) {
  events_ = true;
  stream_.expires_never();
  heartbeat_ = std::make_unique<net::steady_timer>(stream_.get_executor());
  std::shared_ptr<const snapshot> current;
  {
    std::lock_guard lock(st->mu);
    st->subscribers.push_back(weak_from_this());
    current = st->live;
  }
  // A client that resumes with the id of the report it has gets the next one only.
  if (current && !(last_id && *last_id == current->position)) next_ = current;
  if (current && last_id && *last_id == current->position) sent_ = current;
  pump();
  arm_heartbeat();
  watch_close();
}

void session::pump() {
  if (writing_ || closed_) return;
  std::string out;
  if (!header_sent_) {
    out =
        "HTTP/1.1 200 OK\r\nServer: sitrep\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
        "Cache-Control: no-store\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\n"
        "retry: 2000\n\n";
    header_sent_ = true;
  }
  // The event's text is the snapshot's, shared by every client: written from there, not copied.
  std::shared_ptr<const snapshot> event;
  if (next_) {
    event = next_;
    sent_ = std::move(next_);
    next_.reset();
  } else if (heartbeat_due_) {
    out += ": heartbeat\n\n";
  }
  heartbeat_due_ = false;
  if (out.empty() && !event) return;
  writing_ = true;
  event_out_ = std::move(out);
  writing_event_ = std::move(event);
  const std::array<net::const_buffer, 2> buffers = {
      net::buffer(event_out_),
      writing_event_ ? net::buffer(writing_event_->event) : net::const_buffer()};
  stream_.expires_after(kWriteTimeout);  // a client that stops reading is dropped
  net::async_write(stream_, buffers,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                     self->writing_ = false;
                     self->writing_event_.reset();
                     if (ec) return self->shut();
                     self->stream_.expires_never();
                     self->pump();
                   });
}

void session::arm_heartbeat() {
  heartbeat_->expires_after(srv_.o.heartbeat);
  heartbeat_->async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->closed_) return;
    self->heartbeat_due_ = true;
    self->pump();
    self->arm_heartbeat();
  });
}

// An SSE client sends nothing more; a read that ends is the client going away.
void session::watch_close() {
  drain_.resize(4096);
  stream_.socket().async_read_some(net::buffer(drain_),
                                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                     if (ec) return self->shut();
                                     self->watch_close();
                                   });
}

std::optional<std::size_t> header_number(const request& req, std::string_view name) {
  auto it = req.find(name);
  if (it == req.end()) return std::nullopt;
  return parse_number(std::string_view(it->value().data(), it->value().size()),
                      std::size_t{1} << 62);
}

// "application/json; charset=utf-8" -> "application/json"
std::string media_type(const request& req) {
  auto it = req.find(http::field::content_type);
  if (it == req.end()) return "";
  std::string v(it->value());
  if (auto semi = v.find(';'); semi != std::string::npos) v.resize(semi);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

}  // namespace detail

// ---- Queries (writer thread) ----

void server::impl::refresh(stream_state& st) {
  st.refresh_pending = false;
  auto p = prepare(default_budget(), report::output_format::json_lines);
  if (!p) return;
  int code = 0;
  auto r = st.followers->follow().refresh(*st.engine, *p, o.window, code);
  if (!r) return;
  auto snap = std::make_shared<snapshot>();
  snap->position = st.engine->size();
  snap->report = std::make_shared<const report::situation_report>(std::move(*r));
  std::string line = report::write_report(*snap->report, report::output_format::json_lines);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  snap->event = fmt::format("id: {}\nevent: report\ndata: {}\n\n", snap->position, line);
  snap->json = make_rendered(report::write_report(*snap->report, report::output_format::json),
                             content_type_for(report::output_format::json));
  snap->markdown =
      make_rendered(report::write_report(*snap->report, report::output_format::markdown),
                    content_type_for(report::output_format::markdown));
  snap->text = make_rendered(report::write_report(*snap->report, report::output_format::text),
                             content_type_for(report::output_format::text));
  std::vector<std::shared_ptr<session>> to;
  {
    std::lock_guard lock(st.mu);
    st.live = snap;
    auto& subs = st.subscribers;
    for (auto it = subs.begin(); it != subs.end();) {
      if (auto s = it->lock()) {
        to.push_back(std::move(s));
        ++it;
      } else {
        it = subs.erase(it);
      }
    }
  }
  for (auto& s : to) s->deliver(snap);
}

response server::impl::report_query(stream_state& st, const target& t) {
  report::output_format format = report::output_format::json;
  if (auto f = t.param("format")) {
    auto parsed = report::parse_output_format(*f);
    if (!parsed || *parsed == report::output_format::json_lines)
      return error_response(http::status::bad_request, "bad_parameter",
                            fmt::format("format '{}': use json, markdown or text", *f));
    format = *parsed;
  }
  rank::budget b = default_budget();
  if (auto w = t.param("words")) {
    auto n = parse_number(*w, rank::kMaxBudgetWords);
    if (!n || *n == 0)
      return error_response(http::status::bad_request, "bad_parameter",
                            fmt::format("words '{}': a count from 1 to {}", *w,
                                        rank::kMaxBudgetWords));
    b.limit = *n;
  }
  const vsm::collection& c = st.engine->collection();
  cli::report_request req = st.followers->request();
  auto moment = [&](std::string_view key) -> result<std::optional<std::size_t>> {
    auto v = t.param(key);
    if (!v) return std::optional<std::size_t>();
    if (auto by_id = stream::view::position_after(c, *v)) return std::optional<std::size_t>(*by_id);
    if (auto time = io::parse_iso8601(*v))
      return std::optional<std::size_t>(stream::view::position_after_time(c, *time));
    return invalid_argument(fmt::format(
        "{} '{}': no update has this id, and it is not an ISO-8601 time", key, *v));
  };
  auto since = moment("since");
  if (!since) return error_response(http::status::bad_request, "bad_parameter", since.error().message());
  auto until = moment("until");
  if (!until) return error_response(http::status::bad_request, "bad_parameter", until.error().message());
  if (*since) {
    req.since = **since;
    req.since_text = std::string(*t.param("since"));
  }
  if (*until) {
    req.until = **until;
    req.until_text = std::string(*t.param("until"));
  }
  if (auto s = t.param("story")) {
    auto id = parse_number(*s, std::numeric_limits<std::uint32_t>::max());
    if (!id) return error_response(http::status::bad_request, "bad_parameter",
                                   fmt::format("story '{}': a story id, a number", *s));
    if (*id >= st.followers->stories().size())
      return error_response(http::status::not_found, "no_such_story",
                            fmt::format("stream '{}' has no story {}", st.name, *id));
    req.story = static_cast<std::uint32_t>(*id);
  }
  auto p = prepare(b, format);
  if (!p) return error_response(http::status::internal_server_error, "internal", "no summarizer");
  int code = 0;
  auto r = cli::build_story_report(*st.engine, st.followers->stories(), *p, req, code);
  if (!r)
    return error_response(http::status::internal_server_error, "internal",
                          "the report could not be built");
  return make_response(http::status::ok, report::write_report(*r, format), content_type_for(format));
}

// The paging parameters of /updates and /facts: `after` (a position, 0 by default) and `limit`
// (1 to kMaxPage, kDefaultPage by default); a 400 response when one is malformed.
static std::optional<response> page_params(const target& t, std::size_t& after, std::size_t& limit) {
  if (auto a = t.param("after")) {
    auto n = parse_number(*a, std::size_t{1} << 62);
    if (!n)
      return error_response(http::status::bad_request, "bad_parameter",
                            fmt::format("after '{}': a position, 0 or more", *a));
    after = *n;
  }
  if (auto l = t.param("limit")) {
    auto n = parse_number(*l, kMaxPage);
    if (!n || *n == 0)
      return error_response(http::status::bad_request, "bad_parameter",
                            fmt::format("limit '{}': a count from 1 to {}", *l, kMaxPage));
    limit = *n;
  }
  return std::nullopt;
}

response server::impl::updates_query(stream_state& st, const target& t) {
  std::size_t after = 0, limit = kDefaultPage;
  if (auto bad = page_params(t, after, limit)) return std::move(*bad);
  json ups = json::array();
  std::size_t last = after;
  auto scanned = log->scan(st.name, after, limit, [&](std::size_t pos, update&& u) {
    json j = {{"position", pos}, {"id", u.id}, {"text", u.text}};
    j["time"] = u.time.empty() ? json() : json(u.time);
    j["source"] = u.source.empty() ? json() : json(u.source);
    if (!u.title.empty()) j["title"] = u.title;
    ups.push_back(std::move(j));
    last = pos;
    return status{};
  });
  if (!scanned)
    return error_response(http::status::internal_server_error, "store_error", scanned.message());
  return json_response(http::status::ok, {{"stream", st.name},
                                          {"size", st.committed.load(std::memory_order_acquire)},
                                          {"next", last},
                                          {"updates", std::move(ups)}});
}

response server::impl::stories_query(stream_state& st) {
  json out = json::array();
  for (const auto& s : report::list_stories(st.followers->stories(), st.engine->collection())) {
    out.push_back({{"id", s.id},
                   {"aliases", s.aliases},
                   {"label", s.label},
                   {"updates", s.updates},
                   {"sources", s.sources},
                   {"first_update", s.first_update_id},
                   {"last_update", s.last_update_id},
                   {"first_time", s.first_time},
                   {"last_time", s.last_time}});
  }
  return json_response(http::status::ok, {{"stream", st.name}, {"stories", std::move(out)}});
}

response server::impl::timeline_query(stream_state& st) {
  json out = json::array();
  const auto& updates = st.engine->collection().updates();
  for (const auto& k : st.followers->keys().timeline(*st.engine)) {
    out.push_back({{"id", updates[k.update].id},
                   {"position", k.update + 1},
                   {"time", k.time.empty() ? json() : json(k.time)},
                   {"text", k.text},
                   {"score", k.score},
                   {"sources", k.sources}});
  }
  return json_response(http::status::ok, {{"stream", st.name}, {"timeline", std::move(out)}});
}

response server::impl::facts_query(stream_state& st, const target& t) {
  // Paged as /updates: the figures of the updates after position `after`, at most `limit`
  // (1,000 by default) unless one update alone holds more (a page ends at an update's end);
  // `next` is the position to ask after for the next page.
  std::size_t after = 0, limit = kDefaultPage;
  if (auto bad = page_params(t, after, limit)) return std::move(*bad);
  json out = json::array();
  const auto& updates = st.engine->collection().updates();
  auto span = [](const std::string& text, text::byte_span s) {
    return std::string_view(text).substr(std::min(s.begin, text.size()), s.size());
  };
  const facts::figures_observer& figures = st.followers->figures();
  const std::size_t total = std::min(figures.updates(), updates.size());
  std::size_t next = std::min(after, total);
  for (std::size_t u = next; u < total; ++u) {
    const update& up = updates[u];
    const auto& of = figures.of_update(u);
    if (!of.empty() && out.size() + of.size() > limit && !out.empty()) break;
    next = u + 1;
    for (const facts::figure& f : of) {
      json j = {{"kind", "figure"},
                {"update", up.id},
                {"position", u + 1},
                {"surface", span(up.text, f.surface)},
                {"value", f.value},
                {"qualifier", facts::to_string(f.qualifier)},
                {"category", facts::to_string(f.category)},
                {"counted", span(up.text, f.counted)},
                {"source", f.source ? json(span(up.text, *f.source)) : json()},
                {"hedged", f.hedged}};
      if (f.high) j["high"] = *f.high;
      j["time"] = up.time.empty() ? json() : json(up.time);
      out.push_back(std::move(j));
    }
  }
  return json_response(http::status::ok, {{"stream", st.name},
                                          {"size", total},
                                          {"next", next},
                                          {"facts", std::move(out)}});
}

// ---- Routing (network threads) ----

void server::impl::handle(const std::shared_ptr<session>& s, request&& req) {
  auto t = parse_target(std::string_view(req.target().data(), req.target().size()));
  if (!t)
    return s->send(error_response(http::status::bad_request, "bad_target", t.error().message()));
  if (!allow(s->client()))
    return s->send(error_response(http::status::too_many_requests, "rate_limited",
                                  fmt::format("more than {} requests a second from {}", o.rate,
                                              s->client())));
  const auto method = req.method();
  const auto& seg = t->segments;
  // HEAD is answered wherever GET is (the session sends the header only).
  auto only = [&](http::verb v, std::string_view allow) -> std::optional<response> {
    if (method == v || (v == http::verb::get && method == http::verb::head)) return std::nullopt;
    response r = error_response(http::status::method_not_allowed, "method_not_allowed",
                                fmt::format("{} takes {}", req.target(), allow));
    std::string allowed(allow);
    if (allowed.find("GET") != std::string::npos) allowed += ", HEAD";
    r.set(http::field::allow, allowed);
    return r;
  };
  // The bearer token, from the Authorization header (or ?token= for GET, for EventSource).
  auto authorize = [&](bool query_ok) -> std::optional<response> {
    std::string_view given;
    bool present = false;
    if (auto it = req.find(http::field::authorization); it != req.end()) {
      std::string_view v(it->value().data(), it->value().size());
      if (v.size() > 7 && (v.substr(0, 7) == "Bearer " || v.substr(0, 7) == "bearer ")) {
        given = v.substr(7);
        present = true;
      }
    } else if (query_ok) {
      if (auto q = t->param("token")) {
        given = *q;
        present = true;
      }
    }
    if (!present)
      return error_response(http::status::unauthorized, "unauthorized",
                            "this needs the server's token: Authorization: Bearer <token>");
    if (!same_secret(given, o.token))
      return error_response(http::status::forbidden, "forbidden", "wrong token");
    return std::nullopt;
  };
  auto read_access = [&]() -> std::optional<response> {
    if (!reads_need_token) return std::nullopt;
    return authorize(true);
  };

  // Static pages.
  if (seg.empty() || (seg.size() == 1 && (seg[0] == "app.js" || seg[0] == "app.css"))) {
    if (auto bad = only(http::verb::get, "GET")) return s->send(std::move(*bad));
    const asset& a = seg.empty() ? page_asset("index.html") : page_asset(seg[0]);
    response r = make_response(http::status::ok, std::string(a.body), a.type);
    r.set(http::field::cache_control, "no-cache");
    r.set("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    r.set("Referrer-Policy", "no-referrer");
    return s->send(std::move(r));
  }
  if (seg.size() == 1 && seg[0] == "healthz") {
    if (auto bad = only(http::verb::get, "GET")) return s->send(std::move(*bad));
    return s->send(json_response(http::status::ok, {{"status", "ok"}}));
  }
  if (seg[0] != "v1")
    return s->send(error_response(http::status::not_found, "not_found",
                                  fmt::format("no such resource: {}", req.target())));
  if (seg.size() == 2 && seg[1] == "openapi.json") {
    if (auto bad = only(http::verb::get, "GET")) return s->send(std::move(*bad));
    const asset& a = page_asset("openapi.json");
    return s->send(make_response(http::status::ok, std::string(a.body), a.type));
  }
  if (seg.size() == 2 && seg[1] == "streams") {
    if (auto bad = only(http::verb::get, "GET")) return s->send(std::move(*bad));
    if (auto denied = read_access()) return s->send(std::move(*denied));
    json list = json::array();
    {
      std::lock_guard lock(streams_mu);
      for (const auto& [name, st] : streams)
        list.push_back({{"name", name}, {"updates", st->committed.load(std::memory_order_acquire)}});
    }
    return s->send(json_response(http::status::ok, {{"streams", std::move(list)}}));
  }
  if (seg.size() != 4 || seg[1] != "streams")
    return s->send(error_response(http::status::not_found, "not_found",
                                  fmt::format("no such resource: {}", req.target())));
  const std::string& name = seg[2];
  const std::string& what = seg[3];
  if (!store::valid_stream_name(name))
    return s->send(error_response(
        http::status::not_found, "bad_stream_name",
        fmt::format("'{}' cannot name a stream: 1 to {} letters, digits, '-', '_' or '.' (not "
                    "first)",
                    report::printable(name), store::kMaxStreamName)));

  if (what == "updates" && method == http::verb::post) {
    if (auto denied = authorize(false)) return s->send(std::move(*denied));
    const std::string type = media_type(req);
    io::input_format format;
    if (type == "application/json" || type == "application/x-ndjson" ||
        type == "application/jsonl" || type == "application/x-jsonlines" ||
        type == "application/json-lines") {
      format = io::input_format::jsonl;
    } else if (type == "text/plain") {
      format = io::input_format::text;
    } else if (type.empty() || type == "application/x-www-form-urlencoded") {
      // No type (or curl's default for -d): JSON Lines when the body starts with '{'.
      const auto first = req.body().find_first_not_of(" \t\r\n");
      format = first != std::string::npos && req.body()[first] == '{' ? io::input_format::jsonl
                                                                      : io::input_format::text;
    } else {
      return s->send(error_response(
          http::status::unsupported_media_type, "unsupported_media_type",
          fmt::format("Content-Type '{}': use application/x-ndjson (JSON Lines), "
                      "application/json (one record a line) or text/plain (one update a line)",
                      report::printable(type))));
    }
    split_result lines = split_body(req.body(), {o.max_line_bytes, o.max_records});
    if (lines.error) {
      if (lines.error->what == body_error::line_too_long)
        return s->send(error_response(
            http::status::payload_too_large, "line_too_long",
            fmt::format("line {}: longer than {} bytes", lines.error->line, o.max_line_bytes),
            {{"line", lines.error->line}}));
      return s->send(error_response(
          http::status::payload_too_large, "too_many_records",
          fmt::format("line {}: more than {} records in one request", lines.error->line,
                      o.max_records),
          {{"line", lines.error->line}}));
    }
    io::record_decoder decode(name, format);
    write_job job;
    job.stream = name;
    job.updates.reserve(lines.lines.size());
    const std::string prefix = io::id_prefix_for(name) + ":";
    for (const body_line& l : lines.lines) {
      auto r = decode(l.text, l.number);
      if (!r) {
        // "<stream>:<line>: what" -> "line N: what"; nothing of the request is stored.
        std::string what_msg = r.error().message();
        const std::string lead = fmt::format("{}:{}: ", name, l.number);
        if (what_msg.rfind(lead, 0) == 0) what_msg.erase(0, lead.size());
        return s->send(error_response(http::status::bad_request, "bad_record",
                                      fmt::format("line {}: {}", l.number, what_msg),
                                      {{"line", l.number}}));
      }
      if (!*r) continue;
      update u = std::move(**r);
      job.default_id.push_back(u.id == prefix + std::to_string(l.number));
      job.updates.push_back(std::move(u));
    }
    if (job.updates.empty())
      return s->send(error_response(http::status::bad_request, "empty_body",
                                    "the body holds no update (one record or text a line)"));
    job.done = [s](response r) { s->reply(std::move(r)); };
    return submit(std::move(job));
  }

  static const std::map<std::string, int, std::less<>> kReads = {
      {"updates", 0}, {"report", 1}, {"stories", 2}, {"timeline", 3}, {"facts", 4}, {"events", 5}};
  auto kind = kReads.find(what);
  if (kind == kReads.end())
    return s->send(error_response(http::status::not_found, "not_found",
                                  fmt::format("no such resource: {}", req.target())));
  if (auto bad = only(http::verb::get, kind->second == 0 ? "GET, POST" : "GET"))
    return s->send(std::move(*bad));
  const bool head = method == http::verb::head;
  if (auto denied = read_access()) return s->send(std::move(*denied));
  auto st = find(name);
  if (!st)
    return s->send(error_response(http::status::not_found, "no_such_stream",
                                  fmt::format("no stream '{}' (a stream begins with its first "
                                              "POST of updates)",
                                              name)));
  if (kind->second == 5 && head) {
    response r = make_response(http::status::ok, "", "text/event-stream; charset=utf-8");
    return s->send(std::move(r));
  }
  if (kind->second == 5) {
    auto last = header_number(req, "Last-Event-ID");
    return s->start_events(std::move(st), last);
  }
  // The live report, when nothing but a format is asked: the shared snapshot, no writer hop.
  if (kind->second == 1 && !t->param("since") && !t->param("until") && !t->param("story") &&
      !t->param("words")) {
    std::shared_ptr<const snapshot> snap;
    {
      std::lock_guard lock(st->mu);
      snap = st->live;
    }
    auto f = t->param("format");
    if (snap && (!f || *f == "json")) return s->send_shared(snap->json);
    if (snap && (*f == "markdown" || *f == "md")) return s->send_shared(snap->markdown);
    if (snap && *f == "text") return s->send_shared(snap->text);
  }
  if (kind->second == 0)
    return net::post(writer_ctx, [this, s, st, t = std::move(*t)]() { s->reply(updates_query(*st, t)); });
  net::post(engine_ctx, [this, s, st, t = std::move(*t), k = kind->second]() {
    // One rendering for each (stream, size, query): readers asking the same between two
    // updates share its body.
    if (st->cache_size != st->engine->size()) {
      st->cache.clear();
      st->cache_bytes = 0;
      st->cache_size = st->engine->size();
    }
    const std::string key = cache_key(k, t);
    if (auto it = st->cache.find(key); it != st->cache.end()) return s->reply_shared(it->second);
    response r = [&] {
      switch (k) {
        case 1: return report_query(*st, t);
        case 2: return stories_query(*st);
        case 3: return timeline_query(*st);
        default: return facts_query(*st, t);
      }
    }();
    if (r.result() != http::status::ok) return s->reply(std::move(r));
    auto body = make_rendered(std::move(r.body()), std::string_view(r[http::field::content_type]));
    const std::size_t bytes = body->text.size() + body->gzipped.size();
    if (st->cache.size() >= kMaxCached || st->cache_bytes + bytes > kMaxCachedBytes) {
      st->cache.clear();  // rare (many different queries between two updates): start again
      st->cache_bytes = 0;
    }
    if (bytes <= kMaxCachedBytes) {
      st->cache.emplace(key, body);
      st->cache_bytes += bytes;
    }
    s->reply_shared(std::move(body));
  });
}

void server::impl::start_accept() {
  acceptor->async_accept(net::make_strand(net_ctx), [this](beast::error_code ec, tcp::socket sock) {
    if (ec) {
      if (ec == net::error::operation_aborted || stopped) return;
      return start_accept();  // EMFILE and the like: go on with the next one
    }
    if (connections.load(std::memory_order_relaxed) >= o.max_connections) {
      beast::error_code ignored;
      sock.close(ignored);
    } else {
      auto s = std::make_shared<session>(std::move(sock), *this);
      {
        std::lock_guard lock(sessions_mu);
        if (sessions.size() > 1024 && sessions.size() % 1024 == 0)
          std::erase_if(sessions, [](const auto& w) { return w.expired(); });
        sessions.push_back(s);
      }
      s->run();
    }
    start_accept();
  });
}

void server::impl::stop() {
  if (stopped.exchange(true)) return;
  net::post(net_ctx, [this] {
    beast::error_code ec;
    if (acceptor) acceptor->close(ec);
  });
  {
    std::lock_guard lock(sessions_mu);
    for (auto& w : sessions)
      if (auto s = w.lock()) s->close();
    sessions.clear();
  }
  {
    std::lock_guard lock(backlog_mu);
    backlog_cv.notify_all();
  }
  writer_ctx.stop();
  engine_ctx.stop();
  net_ctx.stop();
  for (auto& t : threads)
    if (t.joinable()) t.join();
  if (writer.joinable()) writer.join();
  if (engine_thread.joinable()) engine_thread.join();
  {
    std::lock_guard lock(stop_mu);
    done = true;
  }
  stop_cv.notify_all();
}

// ---- server ----

server::server(std::unique_ptr<impl> p) : p_(std::move(p)) {}

server::~server() { stop(); }

std::uint16_t server::port() const noexcept { return p_->bound_port; }

void server::stop() { p_->stop(); }

void server::wait() {
  std::unique_lock lock(p_->stop_mu);
  p_->stop_cv.wait(lock, [&] { return p_->done; });
}

counters server::stats() const {
  counters c;
  {
    std::lock_guard lock(p_->streams_mu);
    c.streams = p_->streams.size();
    for (const auto& [name, st] : p_->streams) c.updates += st->committed.load();
  }
  c.commits = p_->commits.load();
  c.connections = p_->connections.load();
  return c;
}

result<std::unique_ptr<server>> server::start(const options& o) {
  if (o.data_dir.empty()) return invalid_argument("serve: a data folder is needed (--data DIR)");
  if (o.token.size() < 16)
    return invalid_argument("serve: the token must be 16 characters or more");
  for (char c : o.token)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
      return invalid_argument("serve: the token holds a space or a control character");
  if (o.threads == 0 || o.threads > 64) return invalid_argument("serve: threads from 1 to 64");
  if (o.max_records == 0 || o.max_body_bytes == 0 || o.max_line_bytes == 0 || o.max_streams == 0 ||
      o.max_connections == 0 || o.window == 0)
    return invalid_argument("serve: limits must be positive");
  if (o.words == 0 || o.words > rank::kMaxBudgetWords)
    return invalid_argument(fmt::format("serve: words from 1 to {}", rank::kMaxBudgetWords));
  if (o.rate < 0 || (o.rate > 0 && o.burst < 1))
    return invalid_argument("serve: the rate must be 0 (no limit) or positive, with a burst of 1 or more");
  if (o.heartbeat.count() <= 0 || o.refresh_delay.count() < 0)
    return invalid_argument("serve: the heartbeat must be positive, the refresh delay not negative");

  auto p = std::make_unique<impl>();
  p->o = o;
  beast::error_code ec;
  const auto address = net::ip::make_address(o.address, ec);
  if (ec) return invalid_argument(fmt::format("serve: '{}' is not an IP address", o.address));
  p->reads_need_token = o.reads == read_access::token ||
                        (o.reads == read_access::automatic && !address.is_loopback());

  std::error_code fec;
  std::filesystem::create_directories(o.data_dir, fec);
  if (fec) return io_error(fmt::format("{}: cannot create the folder: {}", o.data_dir, fec.message()));
  store::options so;
  so.durable = o.durable;
  auto log = store::log::open((std::filesystem::path(o.data_dir) / "sitrep.db").string(), so);
  if (!log) return log.error();
  p->log.emplace(std::move(log).value());

  // Rebuild every stream from the store, then its live report.
  auto names = p->log->streams();
  if (!names) return names.error();
  for (const auto& info : *names) {
    auto st = new_stream(info.name);
    if (!st) return st.error();
    auto n = store::replay(*p->log, info.name, *(*st)->engine);
    if (!n) return n.error();
    (*st)->size = (*st)->engine->size();
    (*st)->committed = (*st)->engine->size();
    (*st)->refresh_timer = std::make_unique<net::steady_timer>(p->engine_ctx);
    p->streams.emplace(info.name, *st);
  }
  for (auto& [name, st] : p->streams) p->refresh(*st);

  p->acceptor.emplace(p->net_ctx);
  const tcp::endpoint ep(address, o.port);
  p->acceptor->open(ep.protocol(), ec);
  if (!ec) p->acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) p->acceptor->bind(ep, ec);
  if (!ec) p->acceptor->listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    return io_error(fmt::format("serve: cannot listen on {}:{}: {}", o.address, o.port, ec.message()));
  p->bound_port = p->acceptor->local_endpoint().port();
  p->start_accept();

  impl* raw = p.get();
  p->writer = std::thread([raw] {
    auto guard = net::make_work_guard(raw->writer_ctx);
    raw->writer_ctx.run();
  });
  p->engine_thread = std::thread([raw] {
    auto guard = net::make_work_guard(raw->engine_ctx);
    raw->engine_ctx.run();
  });
  for (unsigned i = 0; i < o.threads; ++i)
    p->threads.emplace_back([raw] {
      auto guard = net::make_work_guard(raw->net_ctx);
      raw->net_ctx.run();
    });
  return std::unique_ptr<server>(new server(std::move(p)));
}

}  // namespace sitrep::server
