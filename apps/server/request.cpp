#include "request.hpp"

#include <cctype>
#include <string>

namespace sitrep::server {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes percent-escapes (and '+' as a space when `plus`), appending to `out`; `offset` is the
// byte of `s` within the target, for messages.
status decode(std::string_view s, bool plus, std::size_t offset, std::string& out) {
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      const int hi = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
      const int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        return invalid_input("bad percent-escape at byte " + std::to_string(offset + i + 1));
      const char d = static_cast<char>(hi * 16 + lo);
      if (d == '\0') return invalid_input("NUL character (%00) at byte " + std::to_string(offset + i + 1));
      out.push_back(d);
      i += 2;
    } else if (plus && c == '+') {
      out.push_back(' ');
    } else if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      return invalid_input("control character or space at byte " + std::to_string(offset + i + 1));
    } else {
      out.push_back(c);
    }
  }
  return {};
}

}  // namespace

std::optional<std::string_view> target::param(std::string_view key) const {
  std::optional<std::string_view> found;
  for (const auto& [k, v] : query)
    if (k == key) found = v;
  return found;
}

result<target> parse_target(std::string_view t) {
  if (t.size() > kMaxTarget)
    return invalid_input("request target longer than " + std::to_string(kMaxTarget) + " bytes");
  if (t.empty() || t.front() != '/') return invalid_input("request target does not start with '/'");
  target out;
  const std::size_t q = t.find('?');
  std::string_view path = t.substr(0, q);
  std::string_view query = q == std::string_view::npos ? std::string_view() : t.substr(q + 1);
  if (const auto hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
  // Path segments: "/" alone is the root (no segment); a trailing '/' is dropped.
  std::size_t pos = 1;
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  while (pos <= path.size() && path.size() > 1) {
    const std::size_t end = std::min(path.find('/', pos), path.size());
    const std::string_view seg = path.substr(pos, end - pos);
    if (seg.empty()) return invalid_input("empty path segment at byte " + std::to_string(pos + 1));
    std::string decoded;
    if (auto st = decode(seg, false, pos, decoded); !st) return st;
    out.segments.push_back(std::move(decoded));
    pos = end + 1;
  }
  std::size_t qpos = 0;
  const std::size_t qoffset = q == std::string_view::npos ? 0 : q + 1;
  while (qpos < query.size()) {
    const std::size_t end = std::min(query.find('&', qpos), query.size());
    const std::string_view pair = query.substr(qpos, end - qpos);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      std::string key, value;
      if (auto st = decode(pair.substr(0, eq), true, qoffset + qpos, key); !st) return st;
      if (eq != std::string_view::npos)
        if (auto st = decode(pair.substr(eq + 1), true, qoffset + qpos + eq + 1, value); !st)
          return st;
      out.query.emplace_back(std::move(key), std::move(value));
    }
    qpos = end + 1;
  }
  return out;
}

split_result split_body(std::string_view body, const body_limits& limits) {
  split_result out;
  std::size_t number = 0;
  std::size_t pos = 0;
  while (pos < body.size()) {
    ++number;
    std::size_t end = pos;
    while (end < body.size() && body[end] != '\n' && body[end] != '\r') ++end;
    const std::string_view line = body.substr(pos, end - pos);
    if (line.size() > limits.max_line_bytes) {
      out.error = body_error{body_error::line_too_long, number};
      return out;
    }
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      if (out.lines.size() == limits.max_lines) {
        out.error = body_error{body_error::too_many_lines, number};
        return out;
      }
      out.lines.push_back({line, number});
    }
    // LF, CRLF or a lone CR ends the line.
    pos = end;
    if (pos < body.size() && body[pos] == '\r') {
      ++pos;
      if (pos < body.size() && body[pos] == '\n') ++pos;
    } else if (pos < body.size()) {
      ++pos;
    }
  }
  return out;
}

bool same_secret(std::string_view a, std::string_view b) noexcept {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool accepts_gzip(std::string_view v) {
  while (!v.empty()) {
    const auto comma = v.find(',');
    std::string_view item = v.substr(0, comma);
    v = comma == std::string_view::npos ? std::string_view() : v.substr(comma + 1);
    std::string_view name = item.substr(0, item.find(';'));
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    std::string lower(name);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "gzip" && lower != "x-gzip" && lower != "*") continue;
    const auto q = item.find("q=");
    if (q == std::string_view::npos) return true;
    std::string_view weight = item.substr(q + 2);
    weight = weight.substr(0, weight.find(';'));
    if (weight.find_first_of("123456789") != std::string_view::npos) return true;  // not zero
  }
  return false;
}

}  // namespace sitrep::server
