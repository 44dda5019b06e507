#include "test_client.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/zlib/inflate_stream.hpp>

#include <chrono>

namespace sitrep::server::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

reply call(std::uint16_t port, const std::string& method, const std::string& target,
           const call_options& o) {
  reply out;
  try {
    net::io_context ioc;
    beast::tcp_stream s(ioc);
    s.expires_after(std::chrono::seconds(30));
    s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
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
    p.skip(method == "HEAD");  // a HEAD answer has a Content-Length but no body
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

std::string gunzip(const std::string& gz) {
  if (gz.size() < 18 || gz.compare(0, 4, "\x1f\x8b\x08\x00", 4) != 0) return "";
  beast::zlib::inflate_stream is;
  std::string out(std::size_t{64} << 20, '\0');
  beast::zlib::z_params zs;
  zs.next_in = gz.data() + 10;
  zs.avail_in = gz.size() - 18;
  zs.next_out = out.data();
  zs.avail_out = out.size();
  beast::error_code ec;
  is.write(zs, beast::zlib::Flush::finish, ec);
  if (ec && ec != beast::zlib::error::end_of_stream) return "";
  out.resize(zs.total_out);
  return out;
}

struct sse_client::state {
  net::io_context ioc;
  beast::tcp_stream s{ioc};
  std::string buf;
};

sse_client::sse_client(std::uint16_t port, const std::string& target, const std::string& last_id)
    : s_(std::make_unique<state>()) {
  s_->s.expires_after(std::chrono::seconds(20));
  s_->s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  std::string req = "GET " + target + " HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n";
  if (!last_id.empty()) req += "Last-Event-ID: " + last_id + "\r\n";
  req += "\r\n";
  net::write(s_->s, net::buffer(req));
}

sse_client::~sse_client() = default;

std::string sse_client::next() {
  s_->s.expires_after(std::chrono::seconds(20));
  const std::size_t n = net::read_until(s_->s, net::dynamic_buffer(s_->buf), "\n\n");
  std::string block = s_->buf.substr(0, n);
  s_->buf.erase(0, n);
  return block;
}

long sse_client::next_report() {
  for (int i = 0; i < 100; ++i) {
    const std::string b = next();
    if (b.find("event: report") == std::string::npos) continue;
    const auto id = b.find("id: ");
    return id == std::string::npos ? -1 : std::stol(b.substr(id + 4));
  }
  return -1;
}

}  // namespace sitrep::server::testing
