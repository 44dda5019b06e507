#include "sitrep/stream/engine.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <utility>

#include "sitrep/core/utf8.hpp"

namespace sitrep::stream {

struct engine::state {
  state(vsm::collection c, const repeat_options& r) : collection(std::move(c)), groups(r) {}
  vsm::collection collection;
  postings terms;
  repeats groups;
  stream_stats stats;
  std::unordered_map<std::string, std::size_t> source_index;  // into stats.sources
  std::vector<observer*> observers;

  void count(const update& u, std::size_t position) {
    auto [it, fresh] = source_index.try_emplace(u.source, stats.sources.size());
    if (fresh) stats.sources.emplace_back(u.source, 0);
    ++stats.sources[it->second].second;
    if (u.text.empty()) ++stats.without_text;
    if ((stats.inputs.empty() || stats.inputs.back() != u.origin) &&
        std::find(stats.inputs.begin(), stats.inputs.end(), u.origin) == stats.inputs.end())
      stats.inputs.push_back(u.origin);
    if (u.unix_time) {
      const auto& all = collection.updates();
      if (!stats.earliest || *u.unix_time < *all[*stats.earliest].unix_time)
        stats.earliest = position;
      if (!stats.latest || *u.unix_time > *all[*stats.latest].unix_time) stats.latest = position;
    }
  }
};

engine::engine(std::unique_ptr<state> s) : s_(std::move(s)) {}
engine::engine(engine&&) noexcept = default;
engine& engine::operator=(engine&&) noexcept = default;
engine::~engine() = default;

result<engine> engine::create(const options& opts) {
  if (auto st = validate(opts.repeats); !st) return st;
  auto c = vsm::collection::create(opts.space);
  if (!c) return c.error();
  return engine(std::make_unique<state>(std::move(c).value(), opts.repeats));
}

status engine::attach(observer& o) {
  if (size() > 0) {
    return invalid_argument("an observer must be attached before the first update is added");
  }
  s_->observers.push_back(&o);
  return status::ok();
}

result<sentence_range> engine::add(update u) {
  if (const std::size_t bad = utf8::first_invalid(u.text); bad != u.text.size()) {
    return invalid_argument("update " + u.id + ": text is not valid UTF-8 (byte " +
                            std::to_string(bad + 1) + ")");
  }
  vsm::collection& c = s_->collection;
  // Sentence indexes are 32-bit in the postings: four billion sentences is past any stream one
  // engine holds (it would need hundreds of gigabytes).
  if (c.sentence_count() >= std::numeric_limits<std::uint32_t>::max()) {
    return invalid_argument("update " + u.id + ": the stream holds too many sentences");
  }
  sentence_range added;
  added.update = c.updates().size();
  added.first = c.sentence_count();
  c.add(std::move(u));
  s_->count(c.updates().back(), added.update);
  added.last = c.sentence_count();
  s_->groups.add(c, s_->terms, added.first, added.last);
  for (std::size_t i = added.first; i < added.last; ++i) {
    s_->terms.add_sentence(static_cast<std::uint32_t>(i), c.sentence(i).terms);
  }
  for (observer* o : s_->observers) o->on_add(*this, added);
  return added;
}

const vsm::collection& engine::collection() const noexcept { return s_->collection; }
const postings& engine::term_postings() const noexcept { return s_->terms; }
const repeats& engine::repeat_groups() const noexcept { return s_->groups; }
std::size_t engine::size() const noexcept { return s_->collection.updates().size(); }
const stream_stats& engine::stats() const noexcept { return s_->stats; }

engine::options engine::config() const {
  return {s_->collection.config(), s_->groups.config()};
}

result<engine> substream(const engine& e, std::span<const std::size_t> positions) {
  auto part = engine::create(e.config());
  if (!part) return part.error();
  const auto& updates = e.collection().updates();
  for (std::size_t i = 0; i < positions.size(); ++i) {
    if (positions[i] >= updates.size() || (i > 0 && positions[i] <= positions[i - 1])) {
      return invalid_argument("substream: positions must be ascending stream positions");
    }
    if (auto added = part->add(updates[positions[i]]); !added) return added.error();
  }
  return part;
}

}  // namespace sitrep::stream
