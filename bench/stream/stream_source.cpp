#include "stream_source.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "sitrep/io/reader.hpp"
#include "sitrep/io/record_decoder.hpp"

namespace sitrep::bench {
namespace fs = std::filesystem;
namespace {

constexpr std::int64_t kStartTime = 1447977600;  // 2015-11-20T00:00:00Z

// The *.jsonl files directly inside `dir`, sorted (the .ref.txt summaries beside them are not
// updates).
std::vector<std::string> jsonl_files(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec) && e.path().extension() == ".jsonl") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> subfolders(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory(ec)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

status read_texts(const std::vector<std::string>& files, const std::string& fallback_source,
                  std::vector<std::pair<std::string, std::string>>& out) {
  io::read_stats stats;
  auto docs = io::read_inputs(files, io::read_options{}, stats);
  if (!docs) return docs.error();
  for (auto& doc : *docs)
    for (auto& u : doc.updates) {
      if (u.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      out.emplace_back(u.source.empty() ? fallback_source : std::move(u.source),
                       std::move(u.text));
    }
  return status::ok();
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// ISO-8601 UTC for seconds since the epoch (Howard Hinnant's civil_from_days).
void append_iso_time(std::string& out, std::int64_t t) {
  std::int64_t days = t / 86400, secs = t % 86400;
  days += 719468;
  const std::int64_t era = days / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  out += buf;
}

}  // namespace

result<stream_kind> parse_stream_kind(std::string_view name) {
  if (name == "liveblog") return stream_kind::liveblog;
  if (name == "duc") return stream_kind::duc;
  if (name == "mixed") return stream_kind::mixed;
  return invalid_argument("unknown stream kind \"" + std::string(name) +
                          "\" (expected liveblog, duc or mixed)");
}

result<stream_source> stream_source::create(const stream_options& options) {
  const fs::path shared(options.shared_dir);
  std::error_code ec;
  if (!fs::is_directory(shared, ec))
    return not_found("shared data folder \"" + options.shared_dir +
                     "\" not found; the benchmark streams are made from the live-blog and DUC "
                     "2004 corpora in it (pass --shared DIR)");
  std::vector<std::pair<std::string, std::string>> texts;
  if (options.kind != stream_kind::duc) {
    const fs::path dir = shared / "data" / "liveblog" / "valid";
    std::size_t files = 0;
    for (const fs::path& sub : subfolders(dir)) {
      auto list = jsonl_files(sub);
      files += list.size();
      if (status st = read_texts(list, sub.filename().string(), texts); !st) return st;
    }
    if (files == 0) return not_found("no live-blog files " + (dir / "*" / "*.jsonl").string());
  }
  if (options.kind != stream_kind::liveblog) {
    const fs::path dir = shared / "data" / "duc2004" / "input";
    auto list = jsonl_files(dir);
    if (list.empty()) return not_found("no DUC 2004 files " + (dir / "*.jsonl").string());
    if (status st = read_texts(list, "duc2004", texts); !st) return st;
  }
  if (texts.empty()) return not_found("the corpora in \"" + options.shared_dir + "\" hold no text");

  stream_source s;
  s.rng_.seed(options.seed);
  std::shuffle(texts.begin(), texts.end(), s.rng_);
  s.texts_.reserve(texts.size());
  for (auto& [source, text] : texts) {
    s.text_bytes_ += text.size();
    s.texts_.push_back({std::move(source), std::move(text)});
  }
  s.time_ = kStartTime;
  return s;
}

void stream_source::next_line(std::string& out) {
  const entry& e = texts_[next_ % texts_.size()];
  char id[32];
  std::snprintf(id, sizeof id, "s-%07zu", next_);
  out += "{\"id\": \"";
  out += id;
  out += "\", \"time\": \"";
  append_iso_time(out, time_);
  out += "\", \"source\": ";
  append_json_string(out, e.source);
  out += ", \"text\": ";
  append_json_string(out, e.text);
  out += "}\n";
  ++next_;
  time_ += 1 + static_cast<std::int64_t>(rng_() % 30);
}

result<std::vector<update>> stream_source::next_updates(std::size_t n) {
  io::record_decoder decode("stream.jsonl", io::input_format::jsonl);
  std::vector<update> out;
  out.reserve(n);
  std::string line;
  for (std::size_t i = 0; i < n; ++i) {
    line.clear();
    next_line(line);
    if (!line.empty() && line.back() == '\n') line.pop_back();
    auto u = decode(line, i + 1);
    if (!u) return u.error();
    if (*u) out.push_back(std::move(**u));
  }
  return out;
}

}  // namespace sitrep::bench
