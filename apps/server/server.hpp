// sitrep serve: the engine behind a small HTTP server (Boost.Beast over Asio).
//
//   sitrep::server::options o;
//   o.data_dir = "data";                 // the store: data/sitrep.db (SQLite, WAL)
//   o.token = "s3cret";                  // writes need "Authorization: Bearer s3cret"
//   o.port = 0;                          // any free port
//   auto s = sitrep::server::server::start(o);   // opens the store, rebuilds every stream
//   if (!s) { std::cerr << s.error().message() << '\n'; return 1; }
//   std::cout << "listening on " << (*s)->port() << '\n';
//   (*s)->wait();                        // until stop() (from a signal handler's thread, a test)
//
// Threads: `options::threads` run the network (every connection is asynchronous: a
// server-sent-events client costs a socket and a few buffers, not a thread). Two more threads
// do the rest. The commit thread owns the store: it commits every write that arrived meanwhile
// in one transaction (group commit), answers 201 after the commit, and reads stored updates
// back. The engine thread owns every stream's engine and observers: it adds committed updates
// in commit order, answers queries that read an engine, and rebuilds each stream's live report
// after a change. A committed batch is handed to the engine thread before its 201 goes out, so
// a query sent after the answer sees the update. When the engines fall more than 200,000
// updates behind, commits wait. Readers of the live report and SSE clients share that
// immutable snapshot (rendered once in each format, gzipped once, its bytes written to every
// reader without a copy); other engine queries are answered once for each stream size and
// query and shared the same way. Nothing else crosses threads; no lock is held while writing.
//
// HTTP: every GET also answers HEAD; shared answers of 1 KiB or more go gzipped to clients that
// send Accept-Encoding: gzip. `/facts` is paged with after/limit as `/updates` is.
//
// Durability: a POST is answered 201 only after its updates are committed to the store; the
// engines are rebuilt from the store at start, so a restart (after a crash too) serves every
// acknowledged update, in order. See README.md "sitrep serve" for the HTTP API.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "sitrep/core/status.hpp"

namespace sitrep::server {

/// Who may read (GET) the API.
enum class read_access {
  automatic,  ///< open when listening on a loopback address, token otherwise
  open,       ///< anyone who can connect
  token,      ///< the same bearer token as writes (or ?token= for the browser's EventSource)
};

struct options {
  std::string address = "127.0.0.1";  ///< IPv4 or IPv6 address to listen on
  std::uint16_t port = 8080;          ///< 0: a free port (see server::port())
  std::string data_dir;               ///< folder of the store (created if missing); required
  std::string token;                  ///< bearer token for writes; required, 16 bytes or more
  read_access reads = read_access::automatic;
  unsigned threads = 2;                               ///< network threads
  std::size_t max_body_bytes = std::size_t{16} << 20;  ///< a larger request body: 413
  std::size_t max_records = 10000;                    ///< records in one POST: more is 413
  std::size_t max_line_bytes = std::size_t{1} << 20;  ///< a longer body line: 413
  std::size_t max_streams = 1000;                     ///< a POST that would make more: 403
  std::size_t max_connections = 10000;                ///< more are closed at once
  /// Requests per second per client address (a token bucket holding `burst`); 0: no limit.
  double rate = 1000;
  double burst = 2000;
  /// Summary budget of reports when a request gives no `words`.
  std::size_t words = 100;
  /// The live report (GET report without parameters, SSE) summarizes the main story's newest
  /// `window` updates, as `sitrep watch` does; counts, sources and time span are of the whole.
  std::size_t window = 500;
  /// A change is shown after this delay, gathering the writes that arrive meanwhile.
  std::chrono::milliseconds refresh_delay{100};
  /// An SSE comment line is sent when nothing else was sent for this long.
  std::chrono::milliseconds heartbeat{15000};
  /// synchronous=FULL for the store (every acknowledged write on disk); off: NORMAL.
  bool durable = true;
};

/// Counters of a running server (approximate while it runs).
struct counters {
  std::size_t streams = 0;
  std::size_t updates = 0;      ///< held by every engine together
  std::size_t commits = 0;      ///< store transactions (group commits)
  std::size_t connections = 0;  ///< open now
};

class server {
 public:
  /// Validates the options, opens the store, rebuilds every stream from it, binds and starts
  /// the threads. invalid_argument for bad options, io_error for the store or the address.
  static result<std::unique_ptr<server>> start(const options& o);

  ~server();  ///< stop() and wait()
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// The port listened on (the one chosen when options::port was 0).
  std::uint16_t port() const noexcept;
  /// Stops accepting, closes every connection, ends the threads. Safe from any thread, twice.
  void stop();
  /// Blocks until the server has stopped.
  void wait();
  counters stats() const;

  struct impl;

 private:
  explicit server(std::unique_ptr<impl> p);
  std::unique_ptr<impl> p_;
};

}  // namespace sitrep::server
