#include "sitrep/io/reader.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include "sitrep/io/line_source.hpp"
#include "sitrep/io/record_decoder.hpp"

namespace sitrep::io {

namespace fs = std::filesystem;

result<input_format> parse_input_format(std::string_view name) {
  if (name == "auto" || name == "automatic") return input_format::automatic;
  if (name == "text" || name == "txt") return input_format::text;
  if (name == "jsonl" || name == "json" || name == "ndjson") return input_format::jsonl;
  return invalid_argument("unknown input format '" + std::string(name) +
                          "' (expected auto, text or jsonl)");
}

const char* to_string(input_format format) noexcept {
  switch (format) {
    case input_format::automatic:
      return "auto";
    case input_format::text:
      return "text";
    case input_format::jsonl:
      return "jsonl";
  }
  return "auto";
}

input_format format_for_path(std::string_view path) {
  if (path == "-") return input_format::text;
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : char(c); });
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return input_format::jsonl;
  return input_format::text;
}

std::string document_name(std::string_view path) {
  if (path == "-") return "stdin";
  return fs::path(path).stem().string();
}

namespace {

constexpr std::size_t kMaxSkipMessages = 20;
// A NUL byte this early marks a binary file rather than one bad record.
constexpr std::uint64_t kBinaryHeadBytes = 8192;

// Counts a bad record under skip_bad (ok), or returns it as the failure.
status count_or_fail(status bad, const read_options& options, read_stats& stats) {
  if (!options.skip_bad) return bad;
  ++stats.skipped;
  if (stats.skip_messages.size() < kMaxSkipMessages) stats.skip_messages.push_back(bad.message());
  return status::ok();
}

status read_lines(line_source& lines, const std::string& origin, input_format format,
                  const read_options& options, read_stats& stats, std::vector<update>& out) {
  if (format == input_format::automatic) format = input_format::text;
  record_decoder decode(origin, format);
  ++stats.files;
  const std::size_t first = out.size();
  std::size_t without_text = 0;
  for (;;) {
    const line_event event = lines.next();
    if (event == line_event::end) break;
    if (event == line_event::read_error) return io_error(origin + ": " + lines.error());
    const std::size_t number = lines.line_number();
    if (event == line_event::too_long) {
      status bad = invalid_input(origin + ":" + std::to_string(number) + ": line longer than " +
                                 std::to_string(options.max_line_bytes) + " bytes");
      if (auto s = count_or_fail(std::move(bad), options, stats); !s) return s;
      continue;
    }
    const std::string_view line = lines.line();
    // A NUL among the first bytes: a binary file, one message, and the whole file is skipped
    // (the few lines before the NUL, all within those bytes, are not news either).
    if (const auto nul = line.find('\0');
        nul != std::string_view::npos && lines.line_offset() + nul < kBinaryHeadBytes) {
      status bad = invalid_input(origin + ":" + std::to_string(number) + ": binary file (NUL byte)");
      stats.records -= out.size() - first;
      stats.without_text -= without_text;
      out.resize(first);
      return count_or_fail(std::move(bad), options, stats);
    }
    auto record = decode(line, number);
    if (!record) {
      if (auto s = count_or_fail(record.error(), options, stats); !s) return s;
      continue;
    }
    if (!*record) continue;  // a blank line
    if ((*record)->text.empty()) ++without_text, ++stats.without_text;
    out.push_back(std::move(**record));
    ++stats.records;
  }
  return status::ok();
}

line_source_options source_options(const read_options& options) {
  line_source_options o;
  o.max_line_bytes = options.max_line_bytes;
  return o;
}

}  // namespace

result<std::vector<update>> read_stream(std::istream& in, const std::string& origin,
                                        input_format format, const read_options& options,
                                        read_stats& stats) {
  line_source lines(in, source_options(options));
  std::vector<update> updates;
  if (status s = read_lines(lines, origin, format, options, stats, updates); !s) return s;
  return updates;
}

result<input_document> read_file(const std::string& path, const read_options& options,
                                 read_stats& stats) {
  auto lines = line_source::open(path, source_options(options));
  if (!lines) return lines.error();
  input_document doc;
  doc.path = path;
  doc.name = document_name(path);
  const input_format format =
      options.format == input_format::automatic ? format_for_path(path) : options.format;
  if (status s = read_lines(*lines, path, format, options, stats, doc.updates); !s) return s;
  return doc;
}

result<std::vector<std::string>> list_folder(const std::string& path) {
  std::error_code ec;
  fs::directory_iterator it(path, ec);
  if (ec) return io_error(path + ": cannot list folder: " + ec.message());
  std::vector<std::string> names;
  for (const fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;  // follows links; sub-folders are passed over
    names.push_back(name);
  }
  if (ec) return io_error(path + ": cannot list folder: " + ec.message());
  std::sort(names.begin(), names.end());
  std::vector<std::string> paths;
  paths.reserve(names.size());
  for (const auto& name : names) paths.push_back((fs::path(path) / name).string());
  return paths;
}

result<std::vector<input_document>> read_inputs(const std::vector<std::string>& paths,
                                                const read_options& options, read_stats& stats) {
  std::vector<input_document> docs;
  for (const auto& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      auto files = list_folder(path);
      if (!files) return files.error();
      for (const auto& file : *files) {
        auto doc = read_file(file, options, stats);
        if (!doc) return doc.error();
        docs.push_back(std::move(doc).value());
      }
      continue;
    }
    auto doc = read_file(path, options, stats);
    if (!doc) return doc.error();
    docs.push_back(std::move(doc).value());
  }
  return docs;
}

}  // namespace sitrep::io
