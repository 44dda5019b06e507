#include "sitrep/stream/engine.hpp"

#include <limits>
#include <utility>

#include "sitrep/core/utf8.hpp"

namespace sitrep::stream {

struct engine::state {
  state(vsm::collection c, const repeat_options& r) : collection(std::move(c)), groups(r) {}
  vsm::collection collection;
  postings terms;
  repeats groups;
  std::vector<observer*> observers;
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

}  // namespace sitrep::stream
