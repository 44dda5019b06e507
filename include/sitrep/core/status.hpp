// sitrep/core/status.hpp — errors at module boundaries.
//
//   sitrep::io::read_stats stats;
//   sitrep::result<sitrep::io::input_document> doc =
//       sitrep::io::read_file("feed.jsonl", {}, stats);
//   if (!doc) { std::cerr << doc.error().message() << '\n'; return 2; }
//   for (const sitrep::update& u : doc->updates) std::cout << u.id << '\n';
//
// Functions that can fail on outside input (files, parsing, options, solvers) return a `status`
// or a `result<T>`; hot loops (tokenize, score) cannot fail and return plain values. A message
// names what failed and where ("feed.jsonl:12: invalid UTF-8 at byte 7"), ready to show a user
// as it is. Front ends translate the code once: exit status in `main`, HTTP status in a server.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace sitrep {

/// What kind of failure a status carries. `ok` is the only success.
enum class error_code {
  ok = 0,
  invalid_argument,  ///< an option or argument out of its range
  invalid_input,     ///< bad data in an input (bad JSON, invalid UTF-8, missing field, binary)
  io_error,          ///< a file could not be opened, read or written
  not_found,         ///< a named thing (file, language, method, topic) does not exist
  unsupported,       ///< a valid request this build cannot serve
  internal,          ///< a broken invariant: a bug in sitrep
};

/// The name of a code, e.g. "invalid_input".
const char* to_string(error_code code) noexcept;

/// Success, or a failure with a code and a message. Cheap to copy when ok.
class status {
 public:
  status() = default;
  status(error_code code, std::string message) : code_(code), message_(std::move(message)) {}

  static status ok() { return {}; }

  bool is_ok() const noexcept { return code_ == error_code::ok; }
  explicit operator bool() const noexcept { return is_ok(); }
  error_code code() const noexcept { return code_; }
  /// The full human-readable message; empty when ok.
  const std::string& message() const noexcept { return message_; }

 private:
  error_code code_ = error_code::ok;
  std::string message_;
};

/// Shorthands for the common failures.
inline status invalid_argument(std::string m) { return {error_code::invalid_argument, std::move(m)}; }
inline status invalid_input(std::string m) { return {error_code::invalid_input, std::move(m)}; }
inline status io_error(std::string m) { return {error_code::io_error, std::move(m)}; }
inline status not_found(std::string m) { return {error_code::not_found, std::move(m)}; }

/// A value or the status that explains its absence. Contract: `value()` may only be called
/// when `ok()`, `error()` only when not; both are checked by assertions in debug builds.
template <class T>
class result {
 public:
  result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  result(status error) : data_(std::move(error)) {  // NOLINT: implicit by design
    assert(!std::get<status>(data_).is_ok() && "a result cannot hold an ok status");
  }

  bool ok() const noexcept { return std::holds_alternative<T>(data_); }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const status& error() const { return std::get<status>(data_); }

 private:
  std::variant<T, status> data_;
};

}  // namespace sitrep
