#include "sitrep/stream/view.hpp"

#include <algorithm>
#include <string>

#include "sitrep/stream/engine.hpp"

namespace sitrep::stream {
namespace {

std::size_t first_sentence_at(const vsm::collection& c, std::size_t update) {
  return update < c.updates().size() ? c.first_sentence_of(update) : c.sentence_count();
}

}  // namespace

view::view(const vsm::collection& c, const repeats* r, std::span<const std::uint32_t> groups,
           std::size_t first, std::size_t end)
    : c_(&c), r_(r), groups_(groups), first_update_(first), end_update_(end) {
  first_sentence_ = first_sentence_at(c, first);
  end_sentence_ = std::max(first_sentence_, first_sentence_at(c, end));
}

view::view(const vsm::collection& c) : view(c, nullptr, {}, 0, c.updates().size()) {}

view::view(const engine& e)
    : view(e.collection(), &e.repeat_groups(), e.repeat_groups().groups(), 0,
           e.collection().updates().size()) {
  e_ = &e;
}

view::view(const vsm::collection& c, const repeats& r)
    : view(c, &r, r.groups(), 0, c.updates().size()) {}

view::view(const vsm::collection& c, std::span<const std::uint32_t> groups)
    : view(c, nullptr, groups, 0, c.updates().size()) {}

view view::range(std::size_t first, std::size_t end) const {
  first = std::clamp(first, first_update_, end_update_);
  end = std::clamp(end, first, end_update_);
  view out(*c_, r_, groups_, first, end);
  out.e_ = e_;
  out.news_ = news_;
  return out;
}

bool view::whole() const noexcept {
  return first_update_ == 0 && end_update_ == c_->updates().size();
}

result<std::size_t> view::position_after(const vsm::collection& c, std::string_view id) {
  const auto& updates = c.updates();
  for (std::size_t u = 0; u < updates.size(); ++u)
    if (updates[u].id == id) return u + 1;
  return not_found("no update has the id \"" + std::string(id) + "\"");
}

std::size_t view::position_after_time(const vsm::collection& c, std::int64_t unix_time) {
  const auto& updates = c.updates();
  bool seen = false;
  std::int64_t clock = 0;
  for (std::size_t u = 0; u < updates.size(); ++u) {
    if (updates[u].unix_time) {
      clock = seen ? std::max(clock, *updates[u].unix_time) : *updates[u].unix_time;
      seen = true;
    }
    if (seen && clock > unix_time) return u;
  }
  return updates.size();
}

}  // namespace sitrep::stream
