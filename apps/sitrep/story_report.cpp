#include "story_report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace sitrep::cli {

std::vector<std::size_t> story_positions(const stream::stories& t, std::uint32_t id,
                                         std::size_t end) {
  std::vector<std::size_t> out;
  const std::uint32_t target = t.canonical(id);
  end = std::min(end, t.assigned());
  for (std::size_t u = 0; u < end; ++u)
    if (t.canonical(t.story_of(u)) == target) out.push_back(u);
  return out;
}

namespace {

// The Timeline section: the key events of story `id` (of every update when `whole`) before
// stream position `end`. With `last`, only the last `last` key events are read, walking back
// from the end (a refresh's cost stays small however long the stream).
void add_timeline(report::situation_report& r, const stream::engine& e, const stream::stories& t,
                  const timeline::key_events* keys, std::uint32_t id, bool whole, std::size_t end,
                  std::optional<std::size_t> last) {
  if (!keys) return;
  const std::uint32_t target = t.canonical(id);
  const auto& all = keys->keys();  // arrival order
  std::vector<std::size_t> picked;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (last && picked.size() == *last) break;
    const std::size_t u = *it;
    if (u >= end) continue;
    if (!whole && (u >= t.assigned() || t.canonical(t.story_of(u)) != target)) continue;
    picked.push_back(u);
  }
  r.timeline = report::timeline_items(e.collection(), keys->timeline(e, picked));
}

// The facts sections from the updates at `positions` (ascending).
void add_fact_sections(report::situation_report& r, const stream::engine& e,
               std::span<const std::size_t> positions, const report::fact_observers& f) {
  if (!f.series && !f.statements && !f.entities) return;
  report::add_facts(r, e, positions, f);
}

// Positions 0 .. end-1.
std::vector<std::size_t> first_positions(std::size_t end) {
  std::vector<std::size_t> out(end);
  for (std::size_t i = 0; i < end; ++i) out[i] = i;
  return out;
}

// The last `n` positions of story `id` (every update when `whole`), ascending: read back from
// the stream's end, so a refresh does not walk the whole stream.
std::vector<std::size_t> last_positions(const stream::stories& t, std::uint32_t id, bool whole,
                                        std::size_t end, std::size_t n) {
  std::vector<std::size_t> out;
  const std::uint32_t target = t.canonical(id);
  for (std::size_t u = end; u-- > 0 && out.size() < n;) {
    if (whole || (u < t.assigned() && t.canonical(t.story_of(u)) == target)) out.push_back(u);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// The report of one part of the stream (`v`, its positions cut as the request says), with the
// new-since section at stream position `since` of that part.
report::situation_report report_of(const stream::view& whole, const prepared& p,
                                   const report_request& req, std::optional<std::size_t> since) {
  const stream::view part = req.window && whole.update_count() > *req.window
                                ? whole.since(whole.end_update() - *req.window)
                                : whole;
  rank::summary s = p.method->summarize(part, p.budget);
  report::situation_report r = report::build_report(whole, s);
  if (req.until) r.until = req.until_text;
  if (since) {
    const stream::view after = whole.since(*since).as_news();
    rank::summary fresh = p.method->summarize(after, p.budget);
    report::add_new_since(r, after, req.since_text, fresh);
  }
  return r;
}

// The report of story `id` alone (of the whole stream when it is the only story).
std::optional<report::situation_report> one_story(const stream::engine& e,
                                                  const stream::stories& t, std::uint32_t id,
                                                  bool only, const prepared& p,
                                                  const report_request& req, int& exit_code) {
  const std::size_t end = req.until ? *req.until : e.size();
  if (only) {
    report::situation_report r = report_of(stream::view(e).until(end), p, req, req.since);
    r.story = t.size() > 0 ? std::optional(t.canonical(id)) : std::nullopt;
    add_timeline(r, e, t, req.keys, id, true, end, std::nullopt);
    r.timeline_shown = req.timeline_shown;
    add_fact_sections(r, e, first_positions(end), req.facts);
    return r;
  }
  const std::vector<std::size_t> positions = story_positions(t, id, end);
  auto part = stream::substream(e, positions);
  if (!part) {
    print_error(part.error().message());
    exit_code = 1;
    return std::nullopt;
  }
  std::optional<std::size_t> since;
  if (req.since) {
    since = static_cast<std::size_t>(
        std::lower_bound(positions.begin(), positions.end(), *req.since) - positions.begin());
  }
  report::situation_report r = report_of(stream::view(*part), p, req, since);
  r.story = t.canonical(id);
  add_timeline(r, e, t, req.keys, id, false, end, std::nullopt);
  r.timeline_shown = req.timeline_shown;
  add_fact_sections(r, e, positions, req.facts);
  return r;
}

}  // namespace

std::optional<report::situation_report> build_story_report(const stream::engine& e,
                                                           const stream::stories& t,
                                                           const prepared& p,
                                                           const report_request& req,
                                                           int& exit_code) {
  std::vector<report::story_entry> entries = report::list_stories(t, e.collection());
  if (req.story && *req.story >= t.size()) {
    print_error(fmt::format("--story {}: no such story (this stream has stories 0 to {})",
                            *req.story, t.size() == 0 ? 0 : t.size() - 1));
    exit_code = kExitBadInput;
    return std::nullopt;
  }
  const bool only = entries.size() <= 1;
  if (req.all_stories && !only) {
    std::vector<report::situation_report> parts;
    for (const auto& entry : entries) {
      auto part = one_story(e, t, entry.id, false, p, req, exit_code);
      if (!part) return std::nullopt;
      part->stories = {entry};
      parts.push_back(std::move(*part));
    }
    report::situation_report r = parts.front();
    r.stories = std::move(entries);
    r.story_reports = std::move(parts);
    report::count_stories(r, t);
    return r;
  }
  const std::uint32_t id = req.story ? t.canonical(*req.story) : entries.empty() ? 0 : entries[0].id;
  auto r = one_story(e, t, id, only, p, req, exit_code);
  if (r) {
    r->stories = std::move(entries);
    report::count_stories(*r, t);
  }
  return r;
}

void main_story::on_add(const stream::engine& e, const stream::sentence_range& added) {
  if (copy_ && t_.canonical(t_.story_of(added.update)) == id_) {
    if (!copy_->add(e.collection().updates()[added.update])) copy_.reset();  // rebuilt below
  }
}

std::optional<report::situation_report> main_story::refresh(const stream::engine& e,
                                                            const prepared& p,
                                                            std::size_t window,
                                                            int& exit_code) {
  // The largest stories only: a refresh's cost must not grow with the number of stories (a
  // wire feed holds thousands); the totals are carried by count_stories.
  std::vector<report::story_entry> entries =
      report::list_stories(t_, e.collection(), kRefreshStories);
  report_request req;
  req.window = window;
  if (entries.size() <= 1) {
    copy_.reset();
    report::situation_report r = report_of(stream::view(e), p, req, std::nullopt);
    if (!entries.empty()) r.story = entries[0].id;
    add_timeline(r, e, t_, keys_, r.story.value_or(0), true, e.size(), timeline_shown_);
    r.timeline_shown = timeline_shown_;
    add_fact_sections(r, e, last_positions(t_, 0, true, e.size(), window), facts_);
    r.stories = std::move(entries);
    report::count_stories(r, t_);
    return r;
  }
  const std::uint32_t main = entries[0].id;
  // A new main story, or one that took another in (its merged updates were not copied):
  // copy it afresh. Otherwise the copy has grown with each of its updates.
  if (!copy_ || id_ != main || copy_->size() != t_.merged(main).updates) {
    copy_.reset();
    auto part = stream::substream(e, story_positions(t_, main, e.size()));
    if (!part) {
      print_error(part.error().message());
      exit_code = 1;
      return std::nullopt;
    }
    copy_ = std::move(part).value();
    id_ = main;
  }
  report::situation_report r = report_of(stream::view(*copy_), p, req, std::nullopt);
  r.story = main;
  r.stories = std::move(entries);
  report::count_stories(r, t_);
  add_timeline(r, e, t_, keys_, main, false, e.size(), timeline_shown_);
  r.timeline_shown = timeline_shown_;
  add_fact_sections(r, e, last_positions(t_, main, false, e.size(), window), facts_);
  return r;
}

result<std::unique_ptr<followers>> followers::create() {
  std::unique_ptr<followers> f(new followers());
  auto stories = stream::stories::create({});
  if (!stories) return stories.error();
  f->stories_.emplace(std::move(stories).value());
  auto series = facts::series::create(f->figures_, &*f->stories_, {});
  if (!series) return series.error();
  f->series_.emplace(std::move(series).value());
  // Claims are followed inside a story: the tracker has placed each update before this runs.
  facts::statements_observer::options so;
  const stream::stories* t = &*f->stories_;
  so.story_of = [t](std::size_t u) -> std::size_t {
    return u < t->assigned() ? t->canonical(t->story_of(u)) : 0;
  };
  f->statements_.emplace(std::move(so));
  auto keys = timeline::key_events::create({});
  if (!keys) return keys.error();
  f->keys_.emplace(std::move(keys).value());
  report::fact_observers fo;
  fo.figures = &f->figures_;
  fo.series = &*f->series_;
  fo.statements = &*f->statements_;
  fo.entities = &f->entities_;
  f->follow_ = std::make_unique<main_story>(*f->stories_, &*f->keys_, 8, fo);
  return f;
}

std::vector<stream::observer*> followers::observers() {
  // Dependency order: stories, then what reads them (series, statements), then the rest.
  return {&*stories_, &figures_, &*series_, &*statements_, &entities_, &*keys_, follow_.get()};
}

status followers::attach(stream::engine& e) {
  for (stream::observer* o : observers()) {
    if (auto a = e.attach(*o); !a) return a;
  }
  return {};
}

report_request followers::request(std::size_t timeline_shown) const {
  report_request req;
  req.keys = &*keys_;
  req.timeline_shown = timeline_shown;
  req.facts.figures = &figures_;
  req.facts.series = &*series_;
  req.facts.statements = &*statements_;
  req.facts.entities = &entities_;
  return req;
}

}  // namespace sitrep::cli
