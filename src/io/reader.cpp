#include "sitrep/io/reader.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <system_error>
#include <utility>

#include "line_reader.hpp"
#include "sitrep/io/time.hpp"
#include "utf8.hpp"

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

std::string file_name(const std::string& origin) {
  if (origin == "-") return "stdin";
  std::string name = fs::path(origin).filename().string();
  return name.empty() ? origin : name;
}

// Where the records of one stream go, and how bad ones are handled.
struct sink {
  const std::string& origin;
  std::string id_prefix;  // "<file name>:"
  const read_options& options;
  read_stats& stats;
  std::vector<update> updates;

  std::string where(std::size_t line) const { return origin + ":" + std::to_string(line) + ": "; }

  // A bad record: the failure to return, or ok after counting the skip under skip_bad.
  status bad(std::size_t line, std::string_view what) {
    std::string message = where(line);
    message += what;
    if (!options.skip_bad) return invalid_input(std::move(message));
    ++stats.skipped;
    if (stats.skip_messages.size() < kMaxSkipMessages) {
      stats.skip_messages.push_back(std::move(message));
    }
    return status::ok();
  }

  std::string make_id(std::size_t line) const { return id_prefix + std::to_string(line); }
};

std::string at_byte(std::size_t offset) { return " at byte " + std::to_string(offset + 1); }

std::string_view strip_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_json_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// The JSON number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t first = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > first;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.' && (++i, !digits())) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

const char* type_name(simdjson::ondemand::json_type type) {
  switch (type) {
    case simdjson::ondemand::json_type::array:
      return "an array";
    case simdjson::ondemand::json_type::object:
      return "an object";
    case simdjson::ondemand::json_type::number:
      return "a number";
    case simdjson::ondemand::json_type::string:
      return "a string";
    case simdjson::ondemand::json_type::boolean:
      return "a boolean";
    case simdjson::ondemand::json_type::null:
      return "null";
  }
  return "unknown";
}

// Parses canonical records, one line at a time, reusing one parser and one padded buffer.
class record_parser {
 public:
  explicit record_parser(std::size_t max_line_bytes)
      : max_padded_size_(max_line_bytes + simdjson::SIMDJSON_PADDING) {}

  // Fills `out` from `line` (no '\n', no trailing '\r'); on failure returns false and sets
  // `what` to a description for the message.
  bool parse(std::string_view line, update& out, std::string& what) {
    const std::size_t padded_size = line.size() + simdjson::SIMDJSON_PADDING;
    if (buffer_.size() < padded_size) {
      // Geometric growth, capped by the longest line the reader lets through.
      buffer_.resize(std::max(padded_size, std::min(2 * buffer_.size(), max_padded_size_)));
    }
    std::memcpy(buffer_.data(), line.data(), line.size());
    std::memset(buffer_.data() + line.size(), 0, simdjson::SIMDJSON_PADDING);
    line_ = std::string_view(buffer_.data(), line.size());

    simdjson::ondemand::document doc;
    auto error =
        parser_.iterate(simdjson::padded_string_view(buffer_.data(), line.size(), buffer_.size()))
            .get(doc);
    if (error) return json_error(error, nullptr, what);
    simdjson::ondemand::object object;
    if ((error = doc.get_object().get(object))) {
      if (error == simdjson::INCORRECT_TYPE) {
        what = "invalid JSON: the line is not a JSON object";
        return false;
      }
      return json_error(error, &doc, what);
    }
    bool has_text = false;
    for (auto field_result : object) {
      simdjson::ondemand::field field;
      std::string_view key;
      if ((error = std::move(field_result).get(field)) ||
          (error = field.unescaped_key().get(key))) {
        return json_error(error, &doc, what);
      }
      // Evaluation labels: their values are only skipped over, never parsed or looked at.
      if (key.substr(0, 5) == "gold_") continue;
      if (key == "text") {
        if (!get_string(field.value(), "text", false, out.text, what)) return false;
        has_text = true;
      } else if (key == "id") {
        if (!get_id(field.value(), out.id, what)) return false;
      } else if (key == "time") {
        if (!get_string(field.value(), "time", true, out.time, what)) return false;
      } else if (key == "source") {
        if (!get_string(field.value(), "source", true, out.source, what)) return false;
      } else if (key == "title") {
        if (!get_string(field.value(), "title", true, out.title, what)) return false;
      }
      // Any other key is ignored; the iterator skips its value.
    }
    // After the object the document must be over: current_location() is out of bounds then.
    const char* rest = nullptr;
    if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
      what = "invalid JSON: unexpected content after the object";
      return false;
    }
    if (!has_text) {
      what = "record has no \"text\"";
      return false;
    }
    if (detail::is_blank(out.text)) {
      what = out.text.empty() ? "record has empty \"text\"" : "record has blank \"text\"";
      return false;
    }
    return true;
  }

 private:
  bool json_error(simdjson::error_code error, simdjson::ondemand::document* doc,
                  std::string& what) {
    if (error == simdjson::UTF8_ERROR) {
      what = "invalid UTF-8" + at_byte(detail::first_invalid_utf8(line_));
      return false;
    }
    what = "invalid JSON: ";
    what += describe(error);
    // Where the structure broke, when simdjson can tell; an unclosed object would point at its
    // start, which says nothing.
    const char* location = nullptr;
    if (doc != nullptr && error != simdjson::INCOMPLETE_ARRAY_OR_OBJECT &&
        !doc->current_location().get(location) && location >= line_.data() &&
        location < line_.data() + line_.size()) {
      what += at_byte(static_cast<std::size_t>(location - line_.data()));
    }
    return false;
  }

  static std::string describe(simdjson::error_code error) {
    switch (error) {
      case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return "the line ends inside an object or array";
      case simdjson::UNCLOSED_STRING:
        return "the line ends inside a string";
      case simdjson::TAPE_ERROR:
        return "bad structure (a missing or extra comma, colon, brace or bracket)";
      case simdjson::STRING_ERROR:
        return "bad string (an invalid escape or an unpaired surrogate)";
      case simdjson::UNESCAPED_CHARS:
        return "a control character inside a string";
      case simdjson::NUMBER_ERROR:
      case simdjson::NUMBER_OUT_OF_RANGE:
        return "bad number";
      case simdjson::T_ATOM_ERROR:
      case simdjson::F_ATOM_ERROR:
      case simdjson::N_ATOM_ERROR:
        return "bad literal (expected true, false or null)";
      case simdjson::DEPTH_ERROR:
        return "nested too deeply";
      default: {
        std::string message = simdjson::error_message(error);
        if (!message.empty() && message.back() == '.') message.pop_back();
        return message;
      }
    }
  }

  // A string field; `nullable` accepts null (and leaves `out` empty).
  bool get_string(simdjson::ondemand::value value, const char* name, bool nullable,
                  std::string& out, std::string& what) {
    simdjson::ondemand::json_type type;
    if (auto error = value.type().get(type)) return json_error(error, nullptr, what);
    if (type == simdjson::ondemand::json_type::string) {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return json_error(error, nullptr, what);
      out.assign(text);
      return true;
    }
    if (type == simdjson::ondemand::json_type::null) {
      // type() looks at the first letter only: make sure the literal is `null`.
      bool is_null = false;
      if (value.is_null().get(is_null) || !is_null) {
        what = "invalid JSON: bad literal (expected true, false or null)";
        return false;
      }
      if (nullable) {
        out.clear();
        return true;
      }
    }
    what = "\"" + std::string(name) + "\" is " + type_name(type) + ", not a string";
    return false;
  }

  // The id: a string, a number (kept as written) or null (missing).
  bool get_id(simdjson::ondemand::value value, std::string& out, std::string& what) {
    simdjson::ondemand::json_type type;
    if (auto error = value.type().get(type)) return json_error(error, nullptr, what);
    if (type != simdjson::ondemand::json_type::number) {
      return get_string(value, "id", true, out, what);
    }
    // The token as written ("17", "4.50", "1e3"), integers too big for 64 bits included. The
    // value is not consumed, so the object iterator skips it afterwards.
    std::string_view token = value.raw_json_token();
    while (!token.empty() && is_json_blank(token.substr(token.size() - 1))) token.remove_suffix(1);
    if (!is_json_number(token)) {
      what = "invalid JSON: bad number";
      return false;
    }
    out.assign(token);
    return true;
  }

  std::size_t max_padded_size_;
  simdjson::ondemand::parser parser_;
  std::vector<char> buffer_;
  std::string_view line_;  // the line being parsed, inside buffer_
};

// `size_hint`: the input's size in bytes when known (a file), else 0.
status read_lines(std::istream& in, input_format format, std::size_t size_hint, sink& out) {
  detail::line_reader lines(in, out.options.max_line_bytes);
  if (!lines.start()) return io_error(out.origin + ": read error");

  // A NUL byte near the start marks a binary file: one message, and the whole file is skipped.
  const std::string_view head = lines.head();
  if (const auto nul = head.find('\0'); nul != std::string_view::npos) {
    const auto line =
        1 + static_cast<std::size_t>(std::count(head.begin(), head.begin() + nul, '\n'));
    return out.bad(line, "binary file (NUL byte)");
  }

  // Size the result once from the line density of the first bytes: growing a vector of tens of
  // thousands of updates step by step costs more than the lines' own parsing.
  if (size_hint > 0 && !head.empty()) {
    const auto newlines = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
    const double estimate = static_cast<double>(newlines + 1) *
                            (static_cast<double>(size_hint) / static_cast<double>(head.size()));
    out.updates.reserve(static_cast<std::size_t>(std::min(estimate * 1.05 + 16, 1e8)));
  }

  const bool json = format == input_format::jsonl;
  record_parser parser(out.options.max_line_bytes);
  std::string what;
  for (;;) {
    const detail::line_event event = lines.next();
    if (event == detail::line_event::end) break;
    if (event == detail::line_event::read_error) return io_error(out.origin + ": read error");
    const std::size_t number = lines.line_number();
    if (event == detail::line_event::too_long) {
      auto s = out.bad(number,
                       "line longer than " + std::to_string(out.options.max_line_bytes) + " bytes");
      if (!s) return s;
      continue;
    }
    const std::string_view line = strip_cr(lines.line());
    if (const auto nul = line.find('\0'); nul != std::string_view::npos) {
      if (auto s = out.bad(number, "binary data (NUL byte" + at_byte(nul) + ")"); !s) return s;
      continue;
    }
    if (json) {
      if (is_json_blank(line)) continue;
      // Parse in place: no temporary update to move, popped again if the record is bad.
      update& u = out.updates.emplace_back();
      if (!parser.parse(line, u, what)) {
        out.updates.pop_back();
        if (auto s = out.bad(number, what); !s) return s;
        continue;
      }
      if (u.id.empty()) u.id = out.make_id(number);
      if (!u.time.empty()) u.unix_time = parse_iso8601(u.time);
      u.origin = out.origin;
      u.line = number;
    } else {
      if (!detail::is_valid_utf8(line)) {
        const std::size_t offset = detail::first_invalid_utf8(line);
        if (auto s = out.bad(number, "invalid UTF-8" + at_byte(offset)); !s) return s;
        continue;
      }
      if (detail::is_blank(line)) continue;
      update& u = out.updates.emplace_back();
      u.id = out.make_id(number);
      u.text.assign(line);
      u.origin = out.origin;
      u.line = number;
    }
  }
  return status::ok();
}

}  // namespace

namespace {

result<std::vector<update>> read_sized_stream(std::istream& in, const std::string& origin,
                                              input_format format, std::size_t size_hint,
                                              const read_options& options, read_stats& stats) {
  if (format == input_format::automatic) format = input_format::text;
  sink out{origin, file_name(origin) + ":", options, stats, {}};
  ++stats.files;
  if (status s = read_lines(in, format, size_hint, out); !s) return s;
  stats.records += out.updates.size();
  return std::move(out.updates);
}

}  // namespace

result<std::vector<update>> read_stream(std::istream& in, const std::string& origin,
                                        input_format format, const read_options& options,
                                        read_stats& stats) {
  return read_sized_stream(in, origin, format, 0, options, stats);
}

result<input_document> read_file(const std::string& path, const read_options& options,
                                 read_stats& stats) {
  input_document doc;
  doc.path = path;
  doc.name = document_name(path);
  if (path == "-") {
    auto updates = read_stream(std::cin, path, options.format, options, stats);
    if (!updates) return updates.error();
    doc.updates = std::move(updates).value();
    return doc;
  }
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    return io_error(
        path + ": cannot open: " + (ec ? ec.message() : std::generic_category().message(ENOENT)));
  }
  if (fs::is_directory(st)) return io_error(path + ": cannot open: is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    const int error = errno;
    return io_error(path + ": cannot open: " + std::generic_category().message(error));
  }
  const input_format format =
      options.format == input_format::automatic ? format_for_path(path) : options.format;
  const std::uintmax_t size = fs::file_size(path, ec);
  auto updates =
      read_sized_stream(in, path, format, ec ? 0 : static_cast<std::size_t>(size), options, stats);
  if (!updates) return updates.error();
  doc.updates = std::move(updates).value();
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
