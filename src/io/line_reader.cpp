#include "line_reader.hpp"

#include <algorithm>
#include <cstring>

namespace sitrep::io::detail {

line_reader::line_reader(std::istream& in, std::size_t max_line_bytes, std::size_t block_bytes)
    : in_(in),
      max_line_bytes_(max_line_bytes),
      block_bytes_(std::max(block_bytes, kHeadBytes)),
      block_(new char[block_bytes_]) {}

bool line_reader::fill() {
  pos_ = 0;
  size_ = 0;
  if (failed_ || !in_.good()) return false;
  // istream::read keeps reading until the block is full or the input ends, so a short block
  // means the end of input (or an error, which badbit tells apart).
  in_.read(block_.get(), static_cast<std::streamsize>(block_bytes_));
  size_ = static_cast<std::size_t>(in_.gcount());
  if (in_.bad()) failed_ = true;
  return size_ > 0;
}

bool line_reader::start() {
  fill();
  if (size_ >= 3 && std::memcmp(block_.get(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
  return !failed_;
}

std::string_view line_reader::head() const noexcept {
  return {block_.get() + pos_, std::min(size_ - pos_, kHeadBytes)};
}

line_event line_reader::next() {
  // Finish discarding a too-long line reported by the previous call.
  while (discarding_) {
    const char* begin = block_.get() + pos_;
    const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', size_ - pos_));
    if (nl != nullptr) {
      pos_ += static_cast<std::size_t>(nl - begin) + 1;
      discarding_ = false;
    } else if (!fill()) {
      discarding_ = false;
      return failed_ ? line_event::read_error : line_event::end;
    }
  }

  carry_.clear();
  for (;;) {
    if (pos_ == size_ && !fill()) {
      if (failed_) return line_event::read_error;
      if (carry_.empty()) return line_event::end;
      line_ = carry_;  // a last line without '\n'
      ++line_number_;
      return line_event::line;
    }
    const char* begin = block_.get() + pos_;
    const std::size_t avail = size_ - pos_;
    const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', avail));
    const std::size_t seg = nl != nullptr ? static_cast<std::size_t>(nl - begin) : avail;
    if (carry_.size() + seg > max_line_bytes_) {
      ++line_number_;
      pos_ += seg;
      if (nl != nullptr) {
        ++pos_;
      } else {
        discarding_ = true;  // the rest is scanned and dropped on the next call
      }
      carry_.clear();
      carry_.shrink_to_fit();
      return line_event::too_long;
    }
    if (nl != nullptr) {
      pos_ += seg + 1;
      ++line_number_;
      if (carry_.empty()) {
        line_ = std::string_view(begin, seg);
      } else {
        carry_.append(begin, seg);
        line_ = carry_;
      }
      return line_event::line;
    }
    // Grow geometrically, but never past the limit: a line near the limit must not cost twice it.
    const std::size_t needed = carry_.size() + seg;
    if (needed > carry_.capacity()) {
      carry_.reserve(std::min(std::max(needed, 2 * carry_.capacity()), max_line_bytes_));
    }
    carry_.append(begin, seg);
    pos_ = size_;
  }
}

}  // namespace sitrep::io::detail
