#include "sitrep/io/record_decoder.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include "sitrep/core/utf8.hpp"
#include "sitrep/io/time.hpp"
#include "utf8.hpp"

namespace sitrep::io {

namespace {

std::string at_byte(std::size_t offset) { return " at byte " + std::to_string(offset + 1); }

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

// A JSON string token as RFC 8259 writes it: quotes, no raw control characters, escapes of the
// listed forms. Unpaired surrogate escapes are grammatical JSON; only a field sitrep reads
// needs them to pair.
bool is_json_string_token(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  const auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"') return false;
    if (c != '\\') continue;
    if (++i + 1 >= s.size()) return false;
    switch (s[i]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        break;
      case 'u':
        if (i + 5 >= s.size() || !hex(s[i + 1]) || !hex(s[i + 2]) || !hex(s[i + 3]) ||
            !hex(s[i + 4])) {
          return false;
        }
        i += 4;
        break;
      default:
        return false;
    }
  }
  return true;
}

std::string_view trim_json_blank_end(std::string_view token) {
  while (!token.empty() && is_json_blank(token.substr(token.size() - 1))) token.remove_suffix(1);
  return token;
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

std::string describe(simdjson::error_code error) {
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

// How deep an ignored value may nest before the line is refused (simdjson's own limit is 1024).
constexpr std::size_t kMaxDepth = 256;

// Parses canonical records, one line at a time, reusing one parser and one padded buffer.
class json_record_parser {
 public:
  // Fills `out` from `line`; on failure returns false and sets `what` for the message.
  bool parse(std::string_view line, update& out, std::string& what) {
    const std::size_t padded_size = line.size() + simdjson::SIMDJSON_PADDING;
    if (buffer_.size() < padded_size) {
      buffer_.resize(std::max(padded_size, 2 * buffer_.size()));
    } else if (buffer_.size() > (std::size_t{1} << 20) && buffer_.size() > 4 * padded_size) {
      // One huge line must not pin its buffer (and the parser's ~8x working memory) for good.
      buffer_.assign(padded_size, 0);
      buffer_.shrink_to_fit();
      parser_ = simdjson::ondemand::parser{};
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
      bool ok = true;
      if (key == "text") {
        ok = get_string(field.value(), "text", false, out.text, what);
        has_text = ok;
      } else if (key == "id") {
        ok = get_id(field.value(), out.id, what);
      } else if (key == "time") {
        ok = get_string(field.value(), "time", true, out.time, what);
      } else if (key == "source") {
        ok = get_string(field.value(), "source", true, out.source, what);
      } else if (key == "title") {
        ok = get_string(field.value(), "title", true, out.title, what);
      } else {
        // Ignored keys, `gold_*` labels included: the value is checked as JSON, never converted.
        ok = validate(field.value(), 0, what);
      }
      if (!ok) return false;
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
    if (detail::is_blank(out.text)) out.text.clear();  // a post without text
    return true;
  }

 private:
  bool json_error(simdjson::error_code error, simdjson::ondemand::document* doc,
                  std::string& what) {
    if (error == simdjson::UTF8_ERROR) {
      what = "invalid UTF-8" + at_byte(utf8::first_invalid(line_));
      return false;
    }
    what = "invalid JSON: " + describe(error);
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

  // A decoded string must be text sitrep can carry: no NUL (a `\u0000` escape), and valid
  // UTF-8 (simdjson 3.0 decodes a lone low-surrogate escape into an ill-formed sequence).
  bool check_decoded(std::string_view text, const char* name, std::string& what) {
    if (text.find('\0') != std::string_view::npos) {
      // (appended piecewise: GCC 12 warns falsely on "x" + std::string, -Wrestrict)
      what.assign(1, '"').append(name).append("\" holds a NUL character (\\u0000)");
      return false;
    }
    if (!detail::is_valid_utf8(text)) {
      what = "invalid JSON: " + describe(simdjson::STRING_ERROR);
      return false;
    }
    return true;
  }

  // A string field; `nullable` accepts null (and leaves `out` empty).
  bool get_string(simdjson::ondemand::value value, const char* name, bool nullable,
                  std::string& out, std::string& what) {
    simdjson::ondemand::json_type type;
    if (auto error = value.type().get(type)) return json_error(error, nullptr, what);
    if (type == simdjson::ondemand::json_type::string) {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return json_error(error, nullptr, what);
      if (!check_decoded(text, name, what)) return false;
      out.assign(text);
      return true;
    }
    if (type == simdjson::ondemand::json_type::null) {
      // type() looks at the first letter only: make sure the literal is `null`.
      bool is_null = false;
      if (value.is_null().get(is_null) || !is_null) {
        what = "invalid JSON: " + describe(simdjson::N_ATOM_ERROR);
        return false;
      }
      if (nullable) {
        out.clear();
        return true;
      }
    }
    if (!validate(value, 0, what)) return false;  // a broken value is bad JSON first
    what.assign(1, '"').append(name).append("\" is ").append(type_name(type)).append(", not a string");
    return false;
  }

  // The id: a string, a number (kept as written) or null (missing).
  bool get_id(simdjson::ondemand::value value, std::string& out, std::string& what) {
    simdjson::ondemand::json_type type;
    if (auto error = value.type().get(type)) return json_error(error, nullptr, what);
    if (type != simdjson::ondemand::json_type::number) {
      return get_string(value, "id", true, out, what);
    }
    // The token as written ("17", "4.50", "1e3"), integers too big for 64 bits included.
    const std::string_view token = trim_json_blank_end(value.raw_json_token());
    if (!is_json_number(token)) {
      what = "invalid JSON: bad number";
      return false;
    }
    out.assign(token);
    return true;
  }

  // Walks a value sitrep does not read, so that the whole line is known to be valid JSON:
  // strings checked against the grammar (not unescaped), numbers checked against the grammar (not
  // converted: a 40-digit id is still a number), literals spelled out.
  bool validate(simdjson::ondemand::value value, std::size_t depth, std::string& what) {
    if (depth > kMaxDepth) {
      what = "invalid JSON: " + describe(simdjson::DEPTH_ERROR);
      return false;
    }
    simdjson::ondemand::json_type type;
    if (auto error = value.type().get(type)) return json_error(error, nullptr, what);
    switch (type) {
      case simdjson::ondemand::json_type::object: {
        simdjson::ondemand::object object;
        if (auto error = value.get_object().get(object)) return json_error(error, nullptr, what);
        for (auto field_result : object) {
          simdjson::ondemand::field field;
          std::string_view key;
          if (auto error = std::move(field_result).get(field)) {
            return json_error(error, nullptr, what);
          }
          if (auto error = field.unescaped_key().get(key)) return json_error(error, nullptr, what);
          if (!validate(field.value(), depth + 1, what)) return false;
        }
        return true;
      }
      case simdjson::ondemand::json_type::array: {
        simdjson::ondemand::array array;
        if (auto error = value.get_array().get(array)) return json_error(error, nullptr, what);
        for (auto element : array) {
          simdjson::ondemand::value v;
          if (auto error = std::move(element).get(v)) return json_error(error, nullptr, what);
          if (!validate(v, depth + 1, what)) return false;
        }
        return true;
      }
      case simdjson::ondemand::json_type::string: {
        if (!is_json_string_token(trim_json_blank_end(value.raw_json_token()))) {
          what = "invalid JSON: " + describe(simdjson::STRING_ERROR);
          return false;
        }
        return true;
      }
      case simdjson::ondemand::json_type::number: {
        if (!is_json_number(trim_json_blank_end(value.raw_json_token()))) {
          what = "invalid JSON: " + describe(simdjson::NUMBER_ERROR);
          return false;
        }
        return true;
      }
      case simdjson::ondemand::json_type::boolean: {
        // type() looks at the first letter only: `tru` fails here, as a bad literal.
        bool b = false;
        if (value.get_bool().get(b)) {
          what = "invalid JSON: " + describe(simdjson::T_ATOM_ERROR);
          return false;
        }
        return true;
      }
      case simdjson::ondemand::json_type::null: {
        bool is_null = false;
        if (value.is_null().get(is_null) || !is_null) {
          what = "invalid JSON: " + describe(simdjson::N_ATOM_ERROR);
          return false;
        }
        return true;
      }
    }
    return true;
  }

  simdjson::ondemand::parser parser_;
  std::vector<char> buffer_;
  std::string_view line_;  // the line being parsed, inside buffer_
};

}  // namespace

std::string id_prefix_for(std::string_view origin) {
  if (origin == "-") return "stdin";
  std::string name = std::filesystem::path(origin).filename().string();
  return name.empty() ? std::string(origin) : name;
}

struct record_decoder::state {
  std::string origin;
  input_format format;
  std::string id_prefix;  // "<file name>:"
  json_record_parser json;
  std::string what;

  status bad(std::size_t line_number, std::string_view description) const {
    std::string message = origin + ":" + std::to_string(line_number) + ": ";
    message += description;
    return invalid_input(std::move(message));
  }
};

record_decoder::record_decoder(std::string origin, input_format format)
    : s_(std::make_unique<state>()) {
  s_->origin = std::move(origin);
  s_->format = format;
  s_->id_prefix = id_prefix_for(s_->origin) + ":";
}

record_decoder::record_decoder(record_decoder&&) noexcept = default;
record_decoder& record_decoder::operator=(record_decoder&&) noexcept = default;
record_decoder::~record_decoder() = default;

const std::string& record_decoder::origin() const noexcept { return s_->origin; }
input_format record_decoder::format() const noexcept { return s_->format; }

result<std::optional<update>> record_decoder::operator()(std::string_view line,
                                                         std::size_t line_number) {
  state& s = *s_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (const auto nul = line.find('\0'); nul != std::string_view::npos) {
    return s.bad(line_number, "binary data (NUL byte" + at_byte(nul) + ")");
  }
  update u;
  if (s.format == input_format::jsonl) {
    if (is_json_blank(line)) return std::optional<update>{};
    if (!s.json.parse(line, u, s.what)) return s.bad(line_number, s.what);
    if (!u.time.empty()) u.unix_time = parse_iso8601(u.time);
  } else {
    if (!detail::is_valid_utf8(line)) {
      return s.bad(line_number, "invalid UTF-8" + at_byte(utf8::first_invalid(line)));
    }
    if (detail::is_blank(line)) return std::optional<update>{};
    u.text.assign(line);
  }
  if (u.id.empty()) u.id = s.id_prefix + std::to_string(line_number);
  u.origin = s.origin;
  u.line = line_number;
  return std::optional<update>(std::move(u));
}

}  // namespace sitrep::io
