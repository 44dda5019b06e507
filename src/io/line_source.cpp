#include "sitrep/io/line_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <istream>
#include <system_error>
#include <utility>

namespace sitrep::io {

namespace {

constexpr std::size_t kMinBlock = 4096;
constexpr char kBom[] = "\xEF\xBB\xBF";

std::string errno_message(int error) { return std::generic_category().message(error); }

}  // namespace

struct line_source::state {
  // Where bytes come from: a descriptor or a stream.
  int fd = -1;
  bool owns_fd = false;
  std::istream* in = nullptr;

  line_source_options options;
  std::unique_ptr<char[]> block;
  std::size_t pos = 0;         // next unread byte in block
  std::size_t size = 0;        // bytes of block in use
  std::uint64_t consumed = 0;  // input bytes before block[0]

  std::string carry;  // the part of a line read in earlier blocks (or a held partial line)
  bool line_in_carry = false;  // the line returned last views `carry`: clear it on the next call
  std::string_view line;
  std::size_t line_number = 0;
  std::uint64_t line_offset = 0;
  std::uint64_t next_line_offset = 0;  // where the line after the current one starts
  bool after_cr = false;    // the last line ended at '\r': a '\n' right after belongs to it
  bool discarding = false;  // inside a too-long line, skipping to its end
  bool input_ended = false;  // the last fill() found the end of the input, not just no data
  std::string error;

  ~state() {
    if (owns_fd && fd >= 0) ::close(fd);
  }

  std::uint64_t offset() const { return consumed + pos; }

  // Reads more bytes into an emptied block; false at the end of input (for now) or on an error.
  bool fill() {
    consumed += size;
    pos = 0;
    size = 0;
    input_ended = false;
    if (fd >= 0) {
      for (;;) {
        const ssize_t n = ::read(fd, block.get(), options.block_bytes);
        if (n > 0) {
          size = static_cast<std::size_t>(n);
          return true;
        }
        if (n == 0) {
          input_ended = true;
          return false;
        }
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) return false;  // nothing yet: end for now
        error = "read error: " + errno_message(errno);
        return false;
      }
    }
    if (!in->good()) {
      if (in->bad()) {
        error = "read error";
        return false;
      }
      input_ended = true;
      if (!options.hold_partial_line) return false;
      in->clear();  // following: the stream may have grown
    }
    in->read(block.get(), static_cast<std::streamsize>(options.block_bytes));
    size = static_cast<std::size_t>(in->gcount());
    if (in->bad()) error = "read error";
    input_ended = size == 0;
    return size > 0;
  }

  line_event finish_line(std::string_view text) {
    ++line_number;
    line_offset = next_line_offset;
    // A byte order mark at the very start of the input is not part of the first line.
    if (line_offset == 0 && text.substr(0, 3) == kBom) {
      text.remove_prefix(3);
      line_offset = 3;
    }
    line = text;
    next_line_offset = offset();
    return line_event::line;
  }

  line_event too_long() {
    ++line_number;
    line_offset = next_line_offset;
    carry.clear();
    carry.shrink_to_fit();
    return line_event::too_long;
  }
};

namespace {

// The first '\n' or '\r' in [begin, stop), or stop.
const char* find_line_end(const char* begin, const char* stop) {
  const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', stop - begin));
  const char* scan_end = nl != nullptr ? nl : stop;
  const auto* cr = static_cast<const char*>(std::memchr(begin, '\r', scan_end - begin));
  return cr != nullptr ? cr : scan_end;
}

}  // namespace

result<line_source> line_source::open(const std::string& path,
                                      const line_source_options& options) {
  if (path == "-") return line_source(STDIN_FILENO, false, options);
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return io_error(path + ": cannot open: " + errno_message(errno));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return io_error(path + ": cannot open: is a folder");
  }
  return line_source(fd, true, options);
}

line_source::line_source(int fd, bool owns_fd, const line_source_options& options)
    : s_(std::make_unique<state>()) {
  s_->fd = fd;
  s_->owns_fd = owns_fd;
  s_->options = options;
  s_->options.block_bytes = std::max(options.block_bytes, kMinBlock);
  s_->block = std::make_unique<char[]>(s_->options.block_bytes);
}

line_source::line_source(std::istream& in, const line_source_options& options)
    : s_(std::make_unique<state>()) {
  s_->in = &in;
  s_->options = options;
  s_->options.block_bytes = std::max(options.block_bytes, kMinBlock);
  s_->block = std::make_unique<char[]>(s_->options.block_bytes);
}

line_source::line_source(line_source&&) noexcept = default;
line_source& line_source::operator=(line_source&&) noexcept = default;
line_source::~line_source() = default;

std::string_view line_source::line() const noexcept { return s_->line; }
std::size_t line_source::line_number() const noexcept { return s_->line_number; }
std::uint64_t line_source::line_offset() const noexcept { return s_->line_offset; }
const std::string& line_source::error() const noexcept { return s_->error; }
bool line_source::input_ended() const noexcept { return s_->input_ended; }
void line_source::set_hold_partial_line(bool hold) noexcept {
  s_->options.hold_partial_line = hold;
}

line_event line_source::next() {
  state& s = *s_;
  s.error.clear();
  if (s.line_in_carry) {
    s.carry.clear();
    s.line_in_carry = false;
  }
  const std::size_t limit = s.options.max_line_bytes;
  for (;;) {
    if (s.pos == s.size && !s.fill()) {
      if (!s.error.empty()) return line_event::read_error;
      // The end of the input: a last line without a line end counts, unless following.
      if (s.options.hold_partial_line || s.carry.empty() || s.discarding) {
        if (!s.options.hold_partial_line) s.discarding = false;
        return line_event::end;
      }
      s.line_in_carry = true;
      return s.finish_line(s.carry);
    }
    // A '\n' right after a line that ended at '\r' is that line's end, not an empty line.
    if (s.after_cr) {
      s.after_cr = false;
      if (s.block[s.pos] == '\n') {
        ++s.pos;
        s.next_line_offset = s.offset();
        continue;
      }
    }
    const char* begin = s.block.get() + s.pos;
    const char* stop = s.block.get() + s.size;
    const char* end = find_line_end(begin, stop);
    const bool found = end < stop;
    const std::size_t seg = static_cast<std::size_t>(end - begin);
    s.pos += seg + (found ? 1 : 0);
    if (found) s.after_cr = *end == '\r';

    if (s.discarding) {
      if (found) {
        s.discarding = false;
        s.next_line_offset = s.offset();
      }
      continue;
    }
    if (s.carry.size() + seg > limit) {
      const line_event e = s.too_long();
      if (found) {
        s.next_line_offset = s.offset();
      } else {
        s.discarding = true;  // the rest is scanned and dropped by later calls
      }
      return e;
    }
    if (found) {
      if (s.carry.empty()) return s.finish_line(std::string_view(begin, seg));
      s.carry.append(begin, seg);
      s.line_in_carry = true;
      return s.finish_line(s.carry);
    }
    // Grow geometrically, but never past the limit: a line near the limit must not cost twice it.
    const std::size_t needed = s.carry.size() + seg;
    if (needed > s.carry.capacity()) {
      s.carry.reserve(std::min(std::max(needed, 2 * s.carry.capacity()), limit));
    }
    s.carry.append(begin, seg);
  }
}

}  // namespace sitrep::io
