// A small blocking HTTP client for the server's tests (a fresh connection per call), and an
// SSE reader. Declarations only: Beast is compiled once, in test_client.cpp.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace sitrep::server::testing {

struct reply {
  int status = 0;  // 0: no answer (connection failed)
  std::string body;
  std::map<std::string, std::string> headers;
  std::string error;
};

struct call_options {
  std::string body;
  std::string content_type;
  std::string token;
  std::map<std::string, std::string> headers;
};

/// `method` is "GET", "POST", "DELETE", ...
reply call(std::uint16_t port, const std::string& method, const std::string& target,
           const call_options& o = {});

inline reply get(std::uint16_t port, const std::string& target, const call_options& o = {}) {
  return call(port, "GET", target, o);
}

inline reply post(std::uint16_t port, const std::string& target, std::string body,
                  const std::string& token, const std::string& type = "application/x-ndjson") {
  call_options o;
  o.body = std::move(body);
  o.token = token;
  o.content_type = type;
  return call(port, "POST", target, o);
}

/// The data of a gzip body (one member, no optional header fields); "" when it is not one.
std::string gunzip(const std::string& gz);

/// Reads a server-sent-events feed (20 s timeout on each read; throws on failure).
class sse_client {
 public:
  sse_client(std::uint16_t port, const std::string& target, const std::string& last_id = "");
  ~sse_client();
  /// The next block ending in a blank line (the response head, an event or a comment).
  std::string next();
  /// The id of the next "report" event, -1 when none comes in 100 blocks.
  long next_report();

 private:
  struct state;
  std::unique_ptr<state> s_;
};

// A fresh folder under the system's temporary folder, removed at the end.
class temp_dir {
 public:
  temp_dir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-server-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~temp_dir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace sitrep::server::testing
