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

// Reads one stream to its end, handing each update to `on_update` as soon as it is decoded.
template <class OnUpdate>
status read_lines(line_source& lines, const std::string& origin, input_format format,
                  const read_options& options, read_stats& stats, OnUpdate&& on_update) {
  if (format == input_format::automatic) format = input_format::text;
  record_decoder decode(origin, format);
  ++stats.files;
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
    // A NUL among the first bytes: a binary file, one message, and the rest of the file is
    // skipped (updates already read before it were handed on: a live reader cannot take
    // them back, so the batch reader does not either).
    if (const auto nul = line.find('\0');
        nul != std::string_view::npos && lines.line_offset() + nul < kBinaryHeadBytes) {
      status bad = invalid_input(origin + ":" + std::to_string(number) + ": binary file (NUL byte)");
      return count_or_fail(std::move(bad), options, stats);
    }
    auto record = decode(line, number);
    if (!record) {
      if (auto s = count_or_fail(record.error(), options, stats); !s) return s;
      continue;
    }
    if (!*record) continue;  // a blank line
    if ((*record)->text.empty()) ++stats.without_text;
    ++stats.records;
    on_update(std::move(**record));
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
  auto keep = [&](update&& u) { updates.push_back(std::move(u)); };
  if (status s = read_lines(lines, origin, format, options, stats, keep); !s) return s;
  return updates;
}

namespace {

// Reads one file ("-": standard input) as the document `doc` names, handing on each update.
template <class OnUpdate>
status read_one(const input_document& doc, const read_options& options, read_stats& stats,
                OnUpdate&& on_update) {
  auto lines = line_source::open(doc.path, source_options(options));
  if (!lines) return lines.error();
  const input_format format =
      options.format == input_format::automatic ? format_for_path(doc.path) : options.format;
  return read_lines(*lines, doc.path, format, options, stats, on_update);
}

input_document document_for(const std::string& path) {
  input_document doc;
  doc.path = path;
  doc.name = document_name(path);
  return doc;
}

}  // namespace

result<input_document> read_file(const std::string& path, const read_options& options,
                                 read_stats& stats) {
  input_document doc = document_for(path);
  auto keep = [&](update&& u) { doc.updates.push_back(std::move(u)); };
  if (status s = read_one(doc, options, stats, keep); !s) return s;
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

result<std::vector<std::string>> expand_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      auto listed = list_folder(path);
      if (!listed) return listed.error();
      files.insert(files.end(), listed->begin(), listed->end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

status for_each_update(const std::vector<std::string>& paths, const read_options& options,
                       read_stats& stats, const update_handler& handler) {
  auto files = expand_paths(paths);
  if (!files) return files.error();
  for (const auto& path : *files) {
    const input_document doc = document_for(path);
    if (handler.on_document) handler.on_document(doc);
    auto hand_on = [&](update&& u) { handler.on_update(std::move(u)); };
    if (status s = read_one(doc, options, stats, hand_on); !s) return s;
  }
  return status::ok();
}

result<std::vector<input_document>> read_inputs(const std::vector<std::string>& paths,
                                                const read_options& options, read_stats& stats) {
  std::vector<input_document> docs;
  update_handler keep;
  keep.on_document = [&](const input_document& doc) { docs.push_back(doc); };
  keep.on_update = [&](update&& u) { docs.back().updates.push_back(std::move(u)); };
  if (status s = for_each_update(paths, options, stats, keep); !s) return s;
  return docs;
}

}  // namespace sitrep::io
