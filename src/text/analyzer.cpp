#include "sitrep/text/analyzer.hpp"

#include <cstring>
#include <deque>
#include <functional>
#include <utility>

#include "sitrep/text/tokenizer.hpp"

namespace sitrep::text {
namespace {

// Any byte >= 0x80 is part of a non-ASCII character; after tokenize() those are letters, digits
// or marks, so a token is a term candidate as soon as it has one of them or an ASCII alnum.
bool has_letter_or_digit(std::string_view token) noexcept {
  for (char ch : token) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      return true;
  }
  return false;
}

bool is_clitic(std::string_view token) noexcept { return token.front() == '\'' || token == "n't"; }

bool keep_unstemmed(std::string_view token) noexcept {
  for (char c : token)
    if (c == '.' || (c >= '0' && c <= '9')) return true;
  return false;
}

// Builds the parts `create` needs. GCC 12 at -O2 warns (falsely) that destroying a moved-from
// unordered_set inside result<stopword_list> frees its non-heap single bucket.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wfree-nonheap-object"
#endif
status load(const analyzer_options& options, std::optional<stemmer>& stem, stopword_list& stop) {
  if (options.stem) {
    auto s = stemmer::create(options.language);
    if (!s) return s.error();
    stem.emplace(std::move(s).value());
  }
  if (options.remove_stopwords) {
    auto list = stopword_list::for_language(options.language);
    if (!list) return list.error();
    stop = std::move(list).value();
  }
  return status::ok();
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

// What the analyzer makes of one normalized token.
struct analyzer::outcome {
  std::string term;       // the stem (or the token when kept unstemmed)
  bool keep = false;      // false: no letter or digit, never a token
  bool stopword = false;  // as is_stopword(token)
};

// The stem cache is an open-addressing hash table (linear probing) whose 64-byte slots hold
// the token, its term and its flags inline when they are short (nearly always), so a lookup
// that hits touches one cache line. The per-token lookup used to be a node-based
// unordered_map and a second one in the vocabulary, each a chain of cache misses: on a stream
// of 100,000 updates they were the largest single cost of indexing.
// Slots never move during a call (the table grows only at the start of one, to fit the worst
// case of the text), so views and tags handed out stay valid through it.
struct analyzer::state {
  static constexpr std::size_t kInline = 24;
  static constexpr std::uint8_t kLong = 0xFF;  // key or term kept in long_strings
  static constexpr std::uint8_t kUsed = 1, kKeep = 2, kStopword = 4;

  struct slot {
    std::uint32_t tag = kNoTag;
    std::uint32_t long_key = 0;   // index into long_strings when key_len == kLong
    std::uint32_t long_term = 0;  // index into long_strings when term_len == kLong
    std::uint8_t key_len = 0;
    std::uint8_t term_len = 0;
    std::uint8_t flags = 0;
    std::uint8_t hits = 0;  // lookups since the last sweep, saturating
    char key[kInline];
    char term[kInline];
  };
  static_assert(sizeof(slot) == 64);

  std::vector<slot> slots;  // size a power of two (or 0)
  std::size_t used = 0;
  std::deque<std::string> long_strings;  // a deque: growing never moves a string
  token_buffer tokens;                   // scratch of analyze_into
  std::vector<analyzed_view> views;      // scratch of terms / analyze

  static std::size_t hash(std::string_view s) noexcept { return std::hash<std::string_view>{}(s); }

  std::string_view key_of(const slot& s) const noexcept {
    return s.key_len == kLong ? std::string_view(long_strings[s.long_key])
                              : std::string_view(s.key, s.key_len);
  }
  std::string_view term_of(const slot& s) const noexcept {
    return s.term_len == kLong ? std::string_view(long_strings[s.long_term])
                               : std::string_view(s.term, s.term_len);
  }

  // Called when the cache is full: keeps the entries looked up most often since the last
  // sweep (at most half the cap, never one that was not looked up again after it was
  // stored), with their counts halved so that old favourites age out. A plain "empty when
  // full" made a long stream thrash: its rare words (names, typos) refill the cache within a
  // few thousand updates, and each refill re-stemmed the common words too.
  void sweep(std::size_t cap) {
    std::size_t count_at[256] = {};
    for (const slot& s : slots)
      if (s.flags & kUsed) ++count_at[s.hits];
    std::size_t threshold = 256, kept = 0;
    while (threshold > 1 && kept + count_at[threshold - 1] <= cap / 2) kept += count_at[--threshold];
    std::vector<slot> old = std::move(slots);
    std::deque<std::string> old_long = std::move(long_strings);
    slots.assign(old.size(), slot{});
    long_strings.clear();
    used = 0;
    for (slot s : old) {
      if (!(s.flags & kUsed) || s.hits < threshold) continue;
      s.hits = static_cast<std::uint8_t>(s.hits / 2);
      if (s.key_len == kLong) {
        s.long_key = static_cast<std::uint32_t>(long_strings.size());
        long_strings.push_back(std::move(old_long[s.long_key]));
      }
      if (s.term_len == kLong) {
        s.long_term = static_cast<std::uint32_t>(long_strings.size());
        long_strings.push_back(std::move(old_long[s.long_term]));
      }
      slots[probe(key_of(s), hash(key_of(s)))] = s;
      ++used;
    }
  }

  // Makes room for `more` new entries at a load factor of at most 0.7 (so a full cache of
  // kStemCacheEntries fits in 2 * kStemCacheEntries slots).
  void reserve(std::size_t more) {
    std::size_t want = slots.empty() ? 1024 : slots.size();
    while (want * 7 / 10 < used + more) want *= 2;
    if (want == slots.size()) return;
    std::vector<slot> old = std::move(slots);
    slots.assign(want, slot{});
    for (const slot& s : old)
      if (s.flags & kUsed) slots[probe(key_of(s), hash(key_of(s)))] = s;
  }

  // The slot holding `key`, or the empty slot where it belongs.
  std::size_t probe(std::string_view key, std::size_t h) const noexcept {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const slot& s = slots[i];
      if (!(s.flags & kUsed)) return i;
      if (s.key_len == kLong ? (key.size() > kInline && long_strings[s.long_key] == key)
                             : (s.key_len == key.size() &&
                                std::memcmp(s.key, key.data(), key.size()) == 0))
        return i;
    }
  }

  void store(slot& s, std::string_view token, outcome&& o) {
    s.flags = static_cast<std::uint8_t>(kUsed | (o.keep ? kKeep : 0) | (o.stopword ? kStopword : 0));
    s.tag = kNoTag;
    if (token.size() <= kInline) {
      s.key_len = static_cast<std::uint8_t>(token.size());
      std::memcpy(s.key, token.data(), token.size());
    } else {
      s.key_len = kLong;
      s.long_key = static_cast<std::uint32_t>(long_strings.size());
      long_strings.emplace_back(token);
    }
    if (o.term.size() <= kInline) {
      s.term_len = static_cast<std::uint8_t>(o.term.size());
      std::memcpy(s.term, o.term.data(), o.term.size());
    } else {
      s.term_len = kLong;
      s.long_term = static_cast<std::uint32_t>(long_strings.size());
      long_strings.push_back(std::move(o.term));
    }
    ++used;
  }
};

result<analyzer> analyzer::create(const analyzer_options& options) {
  std::optional<stemmer> stem;
  stopword_list stop;
  if (status st = load(options, stem, stop); !st) return st;
  return analyzer(options, std::move(stem), std::move(stop));
}

analyzer::analyzer(analyzer_options options, std::optional<stemmer> stem, stopword_list stop)
    : options_(std::move(options)),
      stemmer_(std::move(stem)),
      stopwords_(std::move(stop)),
      state_(std::make_unique<state>()) {}

analyzer::analyzer(analyzer&&) noexcept = default;
analyzer& analyzer::operator=(analyzer&&) noexcept = default;
analyzer::~analyzer() = default;

bool analyzer::is_stopword(std::string_view token) const {
  if (!options_.remove_stopwords || token.empty()) return false;
  return is_clitic(token) || stopwords_.contains(token);
}

analyzer::outcome analyzer::analyze_token(std::string_view token) {
  outcome o;
  o.keep = has_letter_or_digit(token);
  if (!o.keep) return o;
  o.stopword = is_stopword(token);
  if (stemmer_ && !keep_unstemmed(token)) {
    o.term = stemmer_->stem(token);
    if (o.term.empty()) o.term = token;
  } else {
    o.term = token;
  }
  return o;
}

void analyzer::analyze_into(std::string_view text, std::vector<analyzed_view>& out) {
  out.clear();
  state& st = *state_;
  // Swept and grown between calls only (room for every token of the text being new), so
  // the views and tags handed out by one call stay valid through it.
  if (st.used >= kStemCacheEntries) st.sweep(kStemCacheEntries);
  tokenize_into(text, st.tokens);
  st.reserve(st.tokens.size());
  for (std::size_t i = 0; i < st.tokens.size(); ++i) {
    const std::string_view token = st.tokens[i];
    state::slot& s = st.slots[st.probe(token, state::hash(token))];
    if (!(s.flags & state::kUsed))
      st.store(s, token, analyze_token(token));
    else if (s.hits < 255)
      ++s.hits;
    if (s.flags & state::kKeep)
      out.push_back({st.term_of(s), (s.flags & state::kStopword) != 0, &s.tag});
  }
}

std::vector<std::string> analyzer::terms(std::string_view text) {
  std::vector<analyzed_view>& views = state_->views;
  analyze_into(text, views);
  std::vector<std::string> out;
  out.reserve(views.size());
  for (const analyzed_view& t : views)
    if (!t.stopword) out.emplace_back(t.term);
  return out;
}

std::vector<analyzed_token> analyzer::analyze(std::string_view text) {
  std::vector<analyzed_view>& views = state_->views;
  analyze_into(text, views);
  std::vector<analyzed_token> out;
  out.reserve(views.size());
  for (const analyzed_view& t : views) out.push_back({std::string(t.term), t.stopword});
  return out;
}

}  // namespace sitrep::text
