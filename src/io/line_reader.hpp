// Internal to sitrep::io: splits a byte stream into lines with bounded memory.
//
//   line_reader lines(in, options.max_line_bytes);
//   if (!lines.start()) ...                     // read error
//   if (lines.head().find('\0') != npos) ...    // binary sniffing on the first bytes
//   for (;;) switch (lines.next()) { case line_event::line: use(lines.line()); ... }
//
// Input is read in fixed blocks; a line that fits in a block is returned as a view into it, a
// line that spans blocks is assembled in a side buffer that never grows past `max_line_bytes`.
// A longer line is reported as `too_long` as soon as the limit is passed and the rest of it is
// then scanned to its newline and discarded, so memory stays bounded by the block size plus the
// limit however long the line is. Lines end at '\n'; the '\n' is not part of the line, a
// '\r' before it is (callers strip it). A last line without '\n' is still a line. A UTF-8 byte
// order mark at the very start of the input is dropped.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace sitrep::io::detail {

enum class line_event {
  line,        ///< `line()` views the next line
  too_long,    ///< the next line is longer than the limit; it is skipped
  end,         ///< no more input
  read_error,  ///< the stream failed (badbit) before its end
};

class line_reader {
 public:
  /// Bytes `head()` covers: binary files are recognized by a NUL byte in them.
  static constexpr std::size_t kHeadBytes = 8192;

  /// Reads from `in`, which must outlive this reader.
  line_reader(std::istream& in, std::size_t max_line_bytes, std::size_t block_bytes = 1 << 20);

  /// Reads the first block and drops a byte order mark. False on a read error. Call once, first.
  bool start();
  /// Up to kHeadBytes first bytes of the input (after the byte order mark); valid until `next()`.
  std::string_view head() const noexcept;

  /// Advances to the next line.
  line_event next();
  /// The current line (after `line_event::line`); valid until the next call to `next()`.
  std::string_view line() const noexcept { return line_; }
  /// The 1-based number of the line `next()` last reported.
  std::size_t line_number() const noexcept { return line_number_; }

 private:
  bool fill();

  std::istream& in_;
  std::size_t max_line_bytes_;
  std::size_t block_bytes_;
  std::unique_ptr<char[]> block_;
  std::size_t pos_ = 0;   // next unread byte in block_
  std::size_t size_ = 0;  // bytes of block_ in use
  std::string carry_;     // a line that spans blocks, so far
  std::string_view line_;
  std::size_t line_number_ = 0;
  bool discarding_ = false;  // inside a too-long line, skipping to its newline
  bool failed_ = false;
};

}  // namespace sitrep::io::detail
