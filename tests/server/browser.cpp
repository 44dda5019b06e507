#include "browser.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "test_client.hpp"

namespace sitrep::server::testing {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using json = nlohmann::json;
using clock_type = std::chrono::steady_clock;

namespace {

constexpr auto kCallTimeout = std::chrono::seconds(30);

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string tail(const std::string& s, std::size_t n) {
  return s.size() <= n ? s : s.substr(s.size() - n);
}

std::optional<std::string> base64_decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(in.size() / 4 * 3);
  unsigned bits = 0;
  int count = 0;
  for (char c : in) {
    if (c == '=') break;
    const int v = value(c);
    if (v < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xFF));
    }
  }
  return out;
}

}  // namespace

struct browser::state {
  net::io_context ioc;
  websocket::stream<beast::tcp_stream> ws{ioc};
  int next_id = 0;
  bool broken = false;

  // Runs one asynchronous operation for at most `d`; a late one is cancelled and the
  // connection is given up (its state is unknown after a cancelled read).
  template <class Start>
  beast::error_code run(Start start, clock_type::duration d) {
    if (broken) return net::error::not_connected;
    std::optional<beast::error_code> result;
    start([&](beast::error_code ec, auto&&...) { result = ec; });
    ioc.restart();
    ioc.run_for(d);
    if (!result) {
      beast::error_code ignored;
      beast::get_lowest_layer(ws).socket().cancel(ignored);
      beast::get_lowest_layer(ws).socket().close(ignored);
      ioc.restart();
      ioc.run();
      broken = true;
      return net::error::timed_out;
    }
    return *result;
  }
};

browser::browser() : s_(std::make_unique<state>()) {}

browser::~browser() {
  s_.reset();  // the socket first
  if (pid_ > 0) {
    ::kill(-pid_, SIGKILL);  // the whole group: the browser and its renderers
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (!profile_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(profile_, ec);
  }
}

std::optional<std::string> browser::find_executable() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SITREP_CHROMIUM"); env && *env) candidates.emplace_back(env);
  candidates.emplace_back("/usr/bin/chromium");
  candidates.emplace_back("/usr/bin/chromium-browser");
  for (const auto& c : candidates)
    if (::access(c.c_str(), X_OK) == 0) return c;
  return std::nullopt;
}

std::unique_ptr<browser> browser::launch(std::chrono::seconds timeout) {
  auto exe = find_executable();
  if (!exe) return nullptr;
  std::unique_ptr<browser> b(new browser());
  std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-chromium-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) {
    b->error_ = "cannot create a profile folder";
    return b;
  }
  b->profile_ = tmpl;
  const std::string log = b->profile_ + "/chromium.log";
  std::vector<std::string> args = {*exe,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--no-default-browser-check",
                                   "--disable-background-networking",
                                   "--disable-extensions",
                                   "--disable-dev-shm-usage",
                                   "--mute-audio",
                                   "--hide-scrollbars",
                                   "--window-size=1280,900",
                                   "--remote-debugging-address=127.0.0.1",
                                   "--remote-debugging-port=0",
                                   "--user-data-dir=" + b->profile_,
                                   "about:blank"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    b->error_ = "fork failed";
    return b;
  }
  if (pid == 0) {
    // The child: only async-signal-safe calls until exec.
    ::setpgid(0, 0);
    // Should the test itself be killed (a CTest timeout), the browser goes with it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in >= 0) ::dup2(in, 0);
    if (out >= 0) {
      ::dup2(out, 1);
      ::dup2(out, 2);
    }
    ::close_range(3, ~0U, 0);  // the test's sockets (the server's too) stay with the test
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also here: whichever runs first, the group exists before a kill
  b->pid_ = pid;

  // The browser writes its port to DevToolsActivePort once it listens.
  const auto deadline = clock_type::now() + timeout;
  const std::string port_file = b->profile_ + "/DevToolsActivePort";
  int port = 0;
  while (clock_type::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      b->pid_ = -1;
      b->error_ = "chromium exited at start: " + tail(slurp(log), 2000);
      return b;
    }
    std::istringstream in(slurp(port_file));
    if (in >> port && port > 0) break;
    port = 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (port == 0) {
    b->error_ = "chromium wrote no DevToolsActivePort: " + tail(slurp(log), 2000);
    return b;
  }
  // The page target's WebSocket, from the HTTP list of targets.
  std::string ws_path;
  while (clock_type::now() < deadline && ws_path.empty()) {
    auto r = get(static_cast<std::uint16_t>(port), "/json/list");
    auto list = json::parse(r.body, nullptr, false);
    if (r.status == 200 && list.is_array()) {
      for (const auto& t : list) {
        if (t.value("type", "") != "page") continue;
        const std::string url = t.value("webSocketDebuggerUrl", "");
        const auto slash = url.find('/', url.find("://") + 3);
        if (slash != std::string::npos) ws_path = url.substr(slash);
        break;
      }
    }
    if (ws_path.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (ws_path.empty()) {
    b->error_ = "chromium listed no page target";
    return b;
  }
  state& s = *b->s_;
  const tcp::endpoint ep(net::ip::make_address("127.0.0.1"), static_cast<std::uint16_t>(port));
  auto ec = s.run([&](auto h) { beast::get_lowest_layer(s.ws).async_connect(ep, h); },
                  std::chrono::seconds(10));
  if (!ec)
    ec = s.run([&](auto h) { s.ws.async_handshake("127.0.0.1:" + std::to_string(port), ws_path, h); },
               std::chrono::seconds(10));
  if (ec) {
    b->error_ = "DevTools WebSocket: " + ec.message();
    return b;
  }
  s.ws.read_message_max(std::size_t{256} << 20);  // screenshots of long pages
  return b;
}

namespace {

// One DevTools command and its answer (events that arrive meanwhile are skipped).
std::optional<json> command(browser::state& s, std::string& error, const std::string& method,
                            json params = json::object()) {
  const int id = ++s.next_id;
  const std::string msg = json{{"id", id}, {"method", method}, {"params", std::move(params)}}.dump();
  s.ws.text(true);
  auto ec = s.run([&](auto h) { s.ws.async_write(net::buffer(msg), h); }, kCallTimeout);
  if (ec) {
    error = method + ": " + ec.message();
    return std::nullopt;
  }
  const auto deadline = clock_type::now() + kCallTimeout;
  while (clock_type::now() < deadline) {
    beast::flat_buffer buf;
    ec = s.run([&](auto h) { s.ws.async_read(buf, h); }, deadline - clock_type::now());
    if (ec) {
      error = method + ": " + ec.message();
      return std::nullopt;
    }
    auto j = json::parse(beast::buffers_to_string(buf.data()), nullptr, false);
    if (j.is_discarded() || !j.contains("id") || j["id"] != id) continue;
    if (j.contains("error")) {
      error = method + ": " + j["error"].dump();
      return std::nullopt;
    }
    return j.value("result", json::object());
  }
  error = method + ": no answer";
  return std::nullopt;
}

}  // namespace

bool browser::open(const std::string& url) {
  auto r = command(*s_, error_, "Page.navigate", {{"url", url}});
  if (r && r->contains("errorText")) error_ = "Page.navigate: " + (*r)["errorText"].dump();
  return r && !r->contains("errorText");
}

std::string browser::evaluate(const std::string& expression) {
  auto r = command(*s_, error_, "Runtime.evaluate",
                   {{"expression", expression}, {"returnByValue", true}});
  if (!r || r->contains("exceptionDetails")) return "";
  const json& v = (*r)["result"].value("value", json());
  if (v.is_string()) return v.get<std::string>();
  return v.is_null() ? "" : v.dump();
}

bool browser::screenshot(const std::string& path, int width, int height) {
  if (!command(*s_, error_, "Emulation.setDeviceMetricsOverride",
               {{"width", width}, {"height", height}, {"deviceScaleFactor", 1},
                {"mobile", width < 600}}))
    return false;
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the new layout
  auto m = command(*s_, error_, "Page.getLayoutMetrics");
  if (!m) return false;
  const json size = m->value("cssContentSize", json::object());
  const double h = size.value("height", static_cast<double>(height));
  auto shot = command(*s_, error_, "Page.captureScreenshot",
                      {{"format", "png"},
                       {"captureBeyondViewport", true},
                       {"clip", {{"x", 0}, {"y", 0}, {"width", width}, {"height", h}, {"scale", 1}}}});
  if (!shot || !shot->contains("data")) return false;
  auto png = base64_decode((*shot)["data"].get<std::string>());
  if (!png) {
    error_ = "the screenshot is not base64";
    return false;
  }
  std::ofstream out(path, std::ios::binary);
  out << *png;
  if (!out) {
    error_ = path + ": cannot write";
    return false;
  }
  return true;
}

}  // namespace sitrep::server::testing
