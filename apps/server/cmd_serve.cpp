// sitrep serve: the command-line shell around server::server. Parses options, finds or makes
// the token, starts the server and waits for SIGINT or SIGTERM.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "server.hpp"

namespace sitrep::cli {
namespace {

struct serve_args {
  std::string listen = "127.0.0.1:8080";
  std::string data = "sitrep-data";
  std::optional<std::string> token_file;
  std::string reads = "auto";
  unsigned threads = 2;
  std::string max_body_bytes = std::to_string(server::options{}.max_body_bytes);
  std::string max_records = std::to_string(server::options{}.max_records);
  std::string max_line_bytes = std::to_string(server::options{}.max_line_bytes);
  double rate = server::options{}.rate;
  double heartbeat = 15;
  bool no_sync = false;
};

// "127.0.0.1:8080", "[::1]:8080" -> address and port.
std::optional<std::pair<std::string, std::uint16_t>> parse_listen(const std::string& s) {
  const auto colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string host = s.substr(0, colon);
  const std::string port = s.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned value = 0;
  auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || ec != std::errc() || p != port.data() + port.size() || value > 65535)
    return std::nullopt;
  return std::pair{host, static_cast<std::uint16_t>(value)};
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.pop_back();
  return s;
}

std::optional<std::string> read_token(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return trimmed(ss.str());
}

// The token: --token-file's, else DATA/token's, else a new one written to DATA/token (0600)
// and printed once.
std::optional<std::string> find_token(const serve_args& a, int& code) {
  if (a.token_file) {
    auto t = read_token(*a.token_file);
    if (!t) {
      print_error(fmt::format("{}: cannot read the token file", *a.token_file));
      code = kExitBadInput;
    }
    return t;
  }
  const std::string path = (std::filesystem::path(a.data) / "token").string();
  if (auto t = read_token(path)) return t;
  std::error_code ec;
  std::filesystem::create_directories(a.data, ec);
  std::random_device rd;
  std::string token;
  for (int i = 0; i < 32; ++i) token += "0123456789abcdef"[rd() % 16];
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 || ::write(fd, (token + "\n").data(), token.size() + 1) !=
                    static_cast<ssize_t>(token.size() + 1)) {
    if (fd >= 0) ::close(fd);
    print_error(fmt::format("{}: cannot write the new token", path));
    code = 1;
    return std::nullopt;
  }
  ::fsync(fd);
  ::close(fd);
  print_error(fmt::format("new write token (kept in {}): {}", path, token));
  return token;
}

int run(const serve_args& a) {
  int code = 0;
  server::options o;
  auto listen = parse_listen(a.listen);
  if (!listen) {
    print_error(fmt::format("--listen '{}': give ADDRESS:PORT, such as 127.0.0.1:8080", a.listen));
    return kExitBadInput;
  }
  o.address = listen->first;
  o.port = listen->second;
  o.data_dir = a.data;
  if (a.reads == "auto") o.reads = server::read_access::automatic;
  else if (a.reads == "open") o.reads = server::read_access::open;
  else if (a.reads == "token") o.reads = server::read_access::token;
  else {
    print_error(fmt::format("--reads '{}': auto, open or token", a.reads));
    return kExitBadInput;
  }
  auto count = [&](const char* flag, const std::string& text, std::size_t max, std::size_t& out) {
    auto n = parse_count(flag, text, max);
    if (!n) {
      print_error(n.error().message());
      return false;
    }
    out = *n;
    return true;
  };
  if (!count("--max-body-bytes", a.max_body_bytes, std::size_t{1} << 30, o.max_body_bytes) ||
      !count("--max-records", a.max_records, 1000000, o.max_records) ||
      !count("--max-line-bytes", a.max_line_bytes, std::size_t{256} << 20, o.max_line_bytes))
    return kExitBadInput;
  if (a.rate < 0 || a.heartbeat <= 0 || a.heartbeat > 3600) {
    print_error("--rate must be 0 or more, --heartbeat from a fraction of a second to 3600");
    return kExitBadInput;
  }
  o.rate = a.rate;
  o.burst = std::max(1.0, 2 * a.rate);
  o.heartbeat = std::chrono::milliseconds(static_cast<long>(a.heartbeat * 1000));
  o.threads = a.threads;
  o.durable = !a.no_sync;
  auto token = find_token(a, code);
  if (!token) return code ? code : 1;
  o.token = *token;

  // SIGINT and SIGTERM are taken by sigwait below: blocked before any thread starts, so every
  // thread inherits the mask and only this one receives them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  auto s = server::server::start(o);
  if (!s) {
    print_error(s.error().message());
    return s.error().code() == error_code::invalid_argument ? kExitBadInput : 1;
  }
  const auto c = (*s)->stats();
  const bool v6 = o.address.find(':') != std::string::npos;
  // One line on stdout, for scripts and tests that start the server on port 0.
  std::printf("listening on http://%s%s%s:%u/\n", v6 ? "[" : "", o.address.c_str(), v6 ? "]" : "",
              static_cast<unsigned>((*s)->port()));
  std::fflush(stdout);
  print_error(fmt::format("serving {} stream{} ({} updates) from {}; Ctrl-C stops", c.streams,
                          c.streams == 1 ? "" : "s", c.updates, a.data));
  int sig = 0;
  sigwait(&set, &sig);
  print_error("stopping");
  (*s)->stop();
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, context& ctx) {
  auto args = std::make_shared<serve_args>();
  auto* cmd = app.add_subcommand(
      "serve", "Serve live situation reports over HTTP: post updates, read reports, follow them "
               "in a browser (see README.md, sitrep serve)");
  cmd->add_option("--listen", args->listen, "ADDRESS:PORT to listen on (port 0: any free one)")
      ->capture_default_str();
  cmd->add_option("--data", args->data,
                  "folder of the store (sitrep.db, SQLite) and of the generated token")
      ->capture_default_str();
  cmd->add_option("--token-file", args->token_file,
                  "file holding the bearer token writes need (default: DATA/token, made and "
                  "printed on first start)");
  cmd->add_option("--reads", args->reads,
                  "who may read: auto (anyone on a loopback address, the token holder "
                  "otherwise), open, or token")
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "network threads")->capture_default_str();
  cmd->add_option("--max-body-bytes", args->max_body_bytes, "largest request body")
      ->capture_default_str();
  cmd->add_option("--max-records", args->max_records, "most records in one request")
      ->capture_default_str();
  cmd->add_option("--max-line-bytes", args->max_line_bytes, "longest line of a request body")
      ->capture_default_str();
  cmd->add_option("--rate", args->rate, "requests per second per client address (0: no limit)")
      ->capture_default_str();
  cmd->add_option("--heartbeat", args->heartbeat, "seconds between SSE heartbeats")
      ->capture_default_str();
  cmd->add_flag("--no-sync", args->no_sync,
                "commit without waiting for the disk (survives a crash of sitrep, not of the "
                "machine)");
  cmd->callback([args, &ctx] { ctx.exit_code = run(*args); });
}

}  // namespace sitrep::cli
