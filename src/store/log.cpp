#include "sitrep/store/log.hpp"

#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <utility>

namespace sitrep::store {
namespace {

// Schema version in `PRAGMA user_version`: a file written by a later layout is refused rather
// than misread.
constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS streams (
  stream_id INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  size      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS updates (
  stream_id INTEGER NOT NULL,
  position  INTEGER NOT NULL,
  id        TEXT NOT NULL,
  time      TEXT NOT NULL,
  unix_time INTEGER,
  source    TEXT NOT NULL,
  title     TEXT NOT NULL,
  text      TEXT NOT NULL,
  origin    TEXT NOT NULL,
  line      INTEGER NOT NULL,
  PRIMARY KEY (stream_id, position)
) WITHOUT ROWID;
)sql";

// A prepared statement, finalized when it goes.
class statement {
 public:
  statement() = default;
  statement(statement&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  statement& operator=(statement&& o) noexcept {
    std::swap(s_, o.s_);
    return *this;
  }
  ~statement() { sqlite3_finalize(s_); }
  sqlite3_stmt** out() { return &s_; }
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3_stmt* s_ = nullptr;
};

void bind_text(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

std::string column_text(sqlite3_stmt* s, int i) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : std::string();
}

}  // namespace

bool valid_stream_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > kMaxStreamName || name.front() == '.') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

struct log::state {
  std::string path;
  sqlite3* db = nullptr;
  statement insert_update, insert_stream, find_stream, set_size, list_streams, scan;
  // Stream name -> (stream_id, size), as committed; filled on first use of each stream.
  struct entry {
    std::int64_t id = 0;
    std::size_t size = 0;
  };
  std::unordered_map<std::string, entry> known;

  ~state() {
    insert_update = {};
    insert_stream = {};
    find_stream = {};
    set_size = {};
    list_streams = {};
    scan = {};
    if (db) sqlite3_close(db);
  }

  status error(std::string_view what) const {
    return io_error(path + ": " + std::string(what) + ": " + sqlite3_errmsg(db));
  }

  status exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      status s = io_error(path + ": " + (msg ? msg : "SQLite error"));
      sqlite3_free(msg);
      return s;
    }
    return {};
  }

  status prepare(statement& st, const char* sql) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, st.out(), nullptr) !=
        SQLITE_OK)
      return error("cannot prepare a statement");
    return {};
  }

  // The stream's id and committed size; `create` makes it when missing (inside a transaction).
  result<entry> lookup(std::string_view name, bool create) {
    if (auto it = known.find(std::string(name)); it != known.end()) return it->second;
    sqlite3_stmt* s = find_stream.get();
    sqlite3_reset(s);
    bind_text(s, 1, name);
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
      entry e{sqlite3_column_int64(s, 0), static_cast<std::size_t>(sqlite3_column_int64(s, 1))};
      sqlite3_reset(s);
      known.emplace(std::string(name), e);
      return e;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return error("cannot read the streams");
    if (!create) return entry{-1, 0};
    sqlite3_stmt* ins = insert_stream.get();
    sqlite3_reset(ins);
    bind_text(ins, 1, name);
    const int irc = sqlite3_step(ins);
    sqlite3_reset(ins);
    if (irc != SQLITE_DONE) return error("cannot create a stream");
    // Not cached until the transaction commits (a rollback would leave a stale id).
    return entry{sqlite3_last_insert_rowid(db), 0};
  }
};

log::log(std::unique_ptr<state> s) : s_(std::move(s)) {}
log::log(log&&) noexcept = default;
log& log::operator=(log&&) noexcept = default;
log::~log() = default;

const std::string& log::path() const noexcept { return s_->path; }

result<log> log::open(const std::string& path, const options& o) {
  if (o.busy_timeout_ms < 0) return invalid_argument("store: busy_timeout_ms must not be negative");
  auto s = std::make_unique<state>();
  s->path = path;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &s->db, flags, nullptr) != SQLITE_OK) {
    std::string msg = s->db ? sqlite3_errmsg(s->db) : "out of memory";
    return io_error(path + ": cannot open the store: " + msg);
  }
  sqlite3_extended_result_codes(s->db, 1);
  sqlite3_busy_timeout(s->db, o.busy_timeout_ms);
  // WAL: a commit appends to the log file (one fsync with synchronous=FULL), and readers of the
  // file never block the writer.
  {
    statement st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode=WAL", -1, st.out(), nullptr) != SQLITE_OK ||
        sqlite3_step(st.get()) != SQLITE_ROW)
      return s->error("cannot open the store (not an SQLite file?)");
    if (column_text(st.get(), 0) != "wal") return io_error(path + ": cannot switch to WAL mode");
  }
  if (auto st = s->exec(o.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"); !st)
    return st;
  {
    statement st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, st.out(), nullptr) != SQLITE_OK ||
        sqlite3_step(st.get()) != SQLITE_ROW)
      return s->error("cannot read the schema version");
    const int version = sqlite3_column_int(st.get(), 0);
    if (version > kSchemaVersion)
      return io_error(path + ": written by a later sitrep (store schema " +
                      std::to_string(version) + ")");
  }
  if (auto st = s->exec(kSchema); !st) return st;
  if (auto st = s->exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str()); !st)
    return st;
  struct {
    statement* st;
    const char* sql;
  } prepared[] = {
      {&s->insert_update,
       "INSERT INTO updates (stream_id, position, id, time, unix_time, source, title, text, "
       "origin, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
      {&s->insert_stream, "INSERT INTO streams (name, size) VALUES (?1, 0)"},
      {&s->find_stream, "SELECT stream_id, size FROM streams WHERE name = ?1"},
      {&s->set_size, "UPDATE streams SET size = ?2 WHERE stream_id = ?1"},
      {&s->list_streams, "SELECT name, size FROM streams ORDER BY stream_id"},
      {&s->scan,
       "SELECT position, id, time, unix_time, source, title, text, origin, line FROM updates "
       "WHERE stream_id = ?1 AND position > ?2 ORDER BY position LIMIT ?3"},
  };
  for (auto& p : prepared)
    if (auto st = s->prepare(*p.st, p.sql); !st) return st;
  return log(std::move(s));
}

result<std::size_t> log::append(std::string_view stream, std::span<const update> updates) {
  const batch b{stream, updates};
  auto firsts = append_batches(std::span<const batch>(&b, 1));
  if (!firsts) return firsts.error();
  return firsts->front();
}

result<std::vector<std::size_t>> log::append_batches(std::span<const batch> batches) {
  for (const batch& b : batches)
    if (!valid_stream_name(b.stream))
      return invalid_argument("store: '" + std::string(b.stream) + "' is not a stream name");
  state& s = *s_;
  if (auto st = s.exec("BEGIN IMMEDIATE"); !st) return st;
  // Sizes as this transaction makes them; committed into `known` only after COMMIT.
  std::unordered_map<std::string, state::entry> pending;
  std::vector<std::size_t> firsts;
  firsts.reserve(batches.size());
  auto fail = [&](status st) -> result<std::vector<std::size_t>> {
    s.exec("ROLLBACK");
    return st;
  };
  for (const batch& b : batches) {
    const std::string name(b.stream);
    auto it = pending.find(name);
    if (it == pending.end()) {
      auto e = s.lookup(name, true);
      if (!e) return fail(e.error());
      it = pending.emplace(name, *e).first;
    }
    state::entry& e = it->second;
    firsts.push_back(e.size + 1);
    sqlite3_stmt* ins = s.insert_update.get();
    for (const update& u : b.updates) {
      sqlite3_reset(ins);
      sqlite3_bind_int64(ins, 1, e.id);
      sqlite3_bind_int64(ins, 2, static_cast<std::int64_t>(e.size + 1));
      bind_text(ins, 3, u.id);
      bind_text(ins, 4, u.time);
      if (u.unix_time) sqlite3_bind_int64(ins, 5, *u.unix_time);
      else sqlite3_bind_null(ins, 5);
      bind_text(ins, 6, u.source);
      bind_text(ins, 7, u.title);
      bind_text(ins, 8, u.text);
      bind_text(ins, 9, u.origin);
      sqlite3_bind_int64(ins, 10, static_cast<std::int64_t>(u.line));
      if (sqlite3_step(ins) != SQLITE_DONE) {
        auto st = s.error("cannot store an update");
        sqlite3_reset(ins);
        return fail(st);
      }
      ++e.size;
    }
    sqlite3_reset(ins);
  }
  for (const auto& [name, e] : pending) {
    sqlite3_stmt* up = s.set_size.get();
    sqlite3_reset(up);
    sqlite3_bind_int64(up, 1, e.id);
    sqlite3_bind_int64(up, 2, static_cast<std::int64_t>(e.size));
    const int rc = sqlite3_step(up);
    sqlite3_reset(up);
    if (rc != SQLITE_DONE) return fail(s.error("cannot count a stream's updates"));
  }
  if (auto st = s.exec("COMMIT"); !st) {
    // A failed COMMIT may leave the transaction open; end it so the next append starts clean.
    if (!sqlite3_get_autocommit(s.db)) s.exec("ROLLBACK");
    return st;
  }
  for (auto& [name, e] : pending) s.known[name] = e;
  return firsts;
}

result<std::vector<stream_info>> log::streams() const {
  sqlite3_stmt* st = s_->list_streams.get();
  sqlite3_reset(st);
  std::vector<stream_info> out;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    out.push_back({column_text(st, 0), static_cast<std::size_t>(sqlite3_column_int64(st, 1))});
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) return s_->error("cannot list the streams");
  return out;
}

result<std::size_t> log::size(std::string_view stream) const {
  auto e = s_->lookup(stream, false);
  if (!e) return e.error();
  return e->size;
}

status log::scan(std::string_view stream, std::size_t after, std::size_t limit,
                 const std::function<status(std::size_t, update&&)>& f) const {
  auto e = s_->lookup(stream, false);
  if (!e) return e.error();
  if (e->id < 0) return {};
  sqlite3_stmt* st = s_->scan.get();
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, e->id);
  sqlite3_bind_int64(st, 2, static_cast<std::int64_t>(after));
  sqlite3_bind_int64(st, 3, limit == 0 ? -1 : static_cast<std::int64_t>(limit));
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    update u;
    const auto position = static_cast<std::size_t>(sqlite3_column_int64(st, 0));
    u.id = column_text(st, 1);
    u.time = column_text(st, 2);
    if (sqlite3_column_type(st, 3) != SQLITE_NULL) u.unix_time = sqlite3_column_int64(st, 3);
    u.source = column_text(st, 4);
    u.title = column_text(st, 5);
    u.text = column_text(st, 6);
    u.origin = column_text(st, 7);
    u.line = static_cast<std::size_t>(sqlite3_column_int64(st, 8));
    if (auto fs = f(position, std::move(u)); !fs) {
      sqlite3_reset(st);
      return fs;
    }
  }
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) return s_->error("cannot read stream '" + std::string(stream) + "'");
  return {};
}

result<std::size_t> replay(const log& l, std::string_view stream, stream::engine& e) {
  std::size_t added = 0;
  auto st = l.scan(stream, 0, 0, [&](std::size_t position, update&& u) -> status {
    auto r = e.add(std::move(u));
    if (!r)
      return status(r.error().code(), l.path() + ": stream '" + std::string(stream) +
                                          "' position " + std::to_string(position) + ": " +
                                          r.error().message());
    ++added;
    return {};
  });
  if (!st) return st;
  return added;
}

}  // namespace sitrep::store
