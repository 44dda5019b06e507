#include "sitrep/io/follower.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <optional>
#include <system_error>
#include <utility>

#include "sitrep/io/line_source.hpp"

namespace sitrep::io {

namespace {

using clock = std::chrono::steady_clock;

std::string errno_message(int error) { return std::generic_category().message(error); }

int open_read(const std::string& path, int extra_flags) {
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | extra_flags);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

// Which file a descriptor or path names.
struct identity {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const identity&) const = default;
};

}  // namespace

const char* to_string(follow_event event) noexcept {
  switch (event) {
    case follow_event::line:
      return "line";
    case follow_event::too_long:
      return "too_long";
    case follow_event::idle:
      return "idle";
    case follow_event::woken:
      return "woken";
    case follow_event::truncated:
      return "truncated";
    case follow_event::replaced:
      return "replaced";
    case follow_event::vanished:
      return "vanished";
    case follow_event::end:
      return "end";
    case follow_event::read_error:
      return "read_error";
  }
  return "unknown";
}

struct follower::state {
  std::string path;
  follower_options options;
  bool is_file = false;  // followed by name; otherwise a stream
  int fd = -1;
  bool owns_fd = false;
  int saved_flags = -1;  // a stream's descriptor flags before O_NONBLOCK, put back at the end
  identity id;
  std::optional<line_source> src;
  std::size_t incarnation = 0;
  bool vanished = false;
  bool released = false;  // the old file's partial last line was let go (replacement under way)
  std::optional<follow_event> done;  // end or read_error, returned from then on
  std::string error;

  ~state() {
    if (saved_flags >= 0) ::fcntl(fd, F_SETFL, saved_flags);
    if (owns_fd && fd >= 0) ::close(fd);
  }

  line_source_options source_options() const {
    line_source_options o;
    o.max_line_bytes = options.max_line_bytes;
    o.hold_partial_line = true;
    return o;
  }

  void start_source() { src.emplace(fd, false, source_options()); }

  follow_event fail(std::string why) {
    error = path + ": " + std::move(why);
    done = follow_event::read_error;
    return *done;
  }

  // One step without waiting: a line or an event, or nullopt when nothing is there yet.
  std::optional<follow_event> step() {
    const line_event e = src->next();
    if (e == line_event::line) return follow_event::line;
    if (e == line_event::too_long) return follow_event::too_long;
    if (e == line_event::read_error) return fail(src->error());
    return is_file ? file_caught_up() : stream_caught_up();
  }

  std::optional<follow_event> stream_caught_up() {
    if (!src->input_ended()) return std::nullopt;
    // The writer is gone: a partial last line counts, then the stream ends.
    src->set_hold_partial_line(false);
    const line_event e = src->next();
    if (e == line_event::line) return follow_event::line;
    if (e == line_event::too_long) return follow_event::too_long;
    if (e == line_event::read_error) return fail(src->error());
    done = follow_event::end;
    return *done;
  }

  // The file has been read to its end: has it shrunk, been replaced or gone away?
  std::optional<follow_event> file_caught_up() {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return fail("read error: " + errno_message(errno));
    const off_t at = ::lseek(fd, 0, SEEK_CUR);
    if (at >= 0 && st.st_size < at) {
      if (::lseek(fd, 0, SEEK_SET) != 0) return fail("read error: " + errno_message(errno));
      start_source();
      ++incarnation;
      return follow_event::truncated;
    }
    struct stat now {};
    if (::stat(path.c_str(), &now) != 0 || !S_ISREG(now.st_mode)) {
      if (vanished) return std::nullopt;
      vanished = true;
      return follow_event::vanished;
    }
    if (identity{now.st_dev, now.st_ino} == id) {
      vanished = false;
      if (released) {  // it came back before the switch: hold its partial line again
        released = false;
        src->set_hold_partial_line(true);
      }
      return std::nullopt;
    }
    // Another file: nothing can complete the old one's partial last line any more.
    if (!released) {
      released = true;
      src->set_hold_partial_line(false);
      const line_event e = src->next();
      if (e == line_event::line) return follow_event::line;
      if (e == line_event::too_long) return follow_event::too_long;
      if (e == line_event::read_error) return fail(src->error());
    }
    const int fresh = open_read(path, 0);
    if (fresh < 0) return std::nullopt;  // gone again in between: try at the next check
    struct stat fst {};
    if (::fstat(fresh, &fst) != 0 || !S_ISREG(fst.st_mode)) {
      ::close(fresh);
      return std::nullopt;
    }
    src.reset();
    ::close(fd);
    fd = fresh;
    id = {fst.st_dev, fst.st_ino};
    start_source();
    ++incarnation;
    vanished = false;
    released = false;
    return follow_event::replaced;
  }

  // Waits up to `ms` (-1: no limit) for the stream, the file check or the wake descriptor.
  // Returns woken when the wake descriptor is readable.
  std::optional<follow_event> wait(int ms) {
    pollfd fds[2];
    nfds_t n = 0;
    if (!is_file) fds[n++] = {fd, POLLIN, 0};
    const nfds_t wake_at = n;
    if (options.wake_fd >= 0) fds[n++] = {options.wake_fd, POLLIN, 0};
    if (is_file) {
      const int tick = std::max(1, options.poll_interval_ms);
      ms = ms < 0 ? tick : std::min(ms, tick);
    }
    const int r = ::poll(fds, n, ms);
    if (r < 0 && errno != EINTR) return fail("poll failed: " + errno_message(errno));
    if (r > 0 && wake_at < n && (fds[wake_at].revents & (POLLIN | POLLHUP)) != 0)
      return follow_event::woken;
    return std::nullopt;
  }
};

follower::follower(std::unique_ptr<state> s) : s_(std::move(s)) {}
follower::follower(follower&&) noexcept = default;
follower& follower::operator=(follower&&) noexcept = default;
follower::~follower() = default;

result<follower> follower::open(const std::string& path, const follower_options& options) {
  auto s = std::make_unique<state>();
  s->path = path;
  s->options = options;
  if (path == "-") {
    s->fd = STDIN_FILENO;
  } else {
    const int fd = open_read(path, 0);
    if (fd < 0) return io_error(path + ": cannot open: " + errno_message(errno));
    s->fd = fd;
    s->owns_fd = true;
  }
  struct stat st {};
  if (::fstat(s->fd, &st) != 0) return io_error(path + ": cannot open: " + errno_message(errno));
  if (S_ISDIR(st.st_mode)) return io_error(path + ": cannot open: is a folder");
  s->is_file = path != "-" && S_ISREG(st.st_mode);
  s->id = {st.st_dev, st.st_ino};
  if (!s->is_file) {
    const int flags = ::fcntl(s->fd, F_GETFL);
    if (flags >= 0 && (flags & O_NONBLOCK) == 0 &&
        ::fcntl(s->fd, F_SETFL, flags | O_NONBLOCK) == 0) {
      s->saved_flags = flags;
    }
  }
  s->start_source();
  if (s->is_file && !options.from_start) {
    // Pass over what is there now, counting its lines; a partial last line stays held and
    // is returned once its end is appended.
    for (line_event e = s->src->next(); e != line_event::end; e = s->src->next()) {
      if (e == line_event::read_error) return io_error(path + ": " + s->src->error());
    }
  }
  return follower(std::move(s));
}

follow_event follower::next(int timeout_ms) {
  state& s = *s_;
  if (s.done) return *s.done;
  const auto deadline = clock::now() + std::chrono::milliseconds(std::max(timeout_ms, 0));
  for (;;) {
    if (auto e = s.step()) return *e;
    int left = -1;
    if (timeout_ms >= 0) {
      const auto ms = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock::now());
      if (ms.count() <= 0) return follow_event::idle;
      left = static_cast<int>(ms.count());
    }
    if (auto e = s.wait(left)) return *e;
  }
}

std::string_view follower::line() const noexcept { return s_->src->line(); }
std::size_t follower::line_number() const noexcept { return s_->src->line_number(); }
std::size_t follower::incarnation() const noexcept { return s_->incarnation; }
const std::string& follower::path() const noexcept { return s_->path; }
bool follower::follows_file() const noexcept { return s_->is_file; }
const std::string& follower::error() const noexcept { return s_->error; }

}  // namespace sitrep::io
