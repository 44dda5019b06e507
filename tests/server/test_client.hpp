// A small blocking HTTP client for the server's tests (a fresh connection per call).
#pragma once

#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace sitrep::server::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

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

inline reply call(std::uint16_t port, http::verb method, const std::string& target,
                  const call_options& o = {}) {
  reply out;
  try {
    net::io_context ioc;
    beast::tcp_stream s(ioc);
    s.expires_after(std::chrono::seconds(30));
    s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1");
    if (!o.content_type.empty()) req.set(http::field::content_type, o.content_type);
    if (!o.token.empty()) req.set(http::field::authorization, "Bearer " + o.token);
    for (const auto& [k, v] : o.headers) req.set(k, v);
    req.body() = o.body;
    req.prepare_payload();
    http::write(s, req);
    beast::flat_buffer buf;
    http::response_parser<http::string_body> p;
    p.body_limit(std::size_t{1} << 30);
    http::read(s, buf, p);
    auto res = p.release();
    out.status = static_cast<int>(res.result_int());
    out.body = res.body();
    for (const auto& f : res) out.headers[std::string(f.name_string())] = std::string(f.value());
    beast::error_code ec;
    s.socket().shutdown(tcp::socket::shutdown_both, ec);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

inline reply get(std::uint16_t port, const std::string& target, const call_options& o = {}) {
  return call(port, http::verb::get, target, o);
}

inline reply post(std::uint16_t port, const std::string& target, std::string body,
                  const std::string& token, const std::string& type = "application/x-ndjson") {
  call_options o;
  o.body = std::move(body);
  o.token = token;
  o.content_type = type;
  return call(port, http::verb::post, target, o);
}

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
