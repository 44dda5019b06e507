// sitrep/facts/statements_observer.hpp — attributions, status marks and claims of every update,
// kept as the engine adds them.
//
//   auto e = sitrep::stream::engine::create({});
//   sitrep::facts::statements_observer statements;         // default options
//   e->attach(statements);                                  // before the first add
//   for (auto& u : updates) e->add(std::move(u));
//   const std::string& text = e->collection().updates()[3].text;
//   for (const auto& a : statements.attributions_of(3))    // who said what in the 4th update
//     if (a.speaker) std::cout << text.substr(a.speaker->begin, a.speaker->size());
//   for (const auto& m : statements.marks_of(3))            // its unverified / denied / confirmed
//     std::cout << to_string(m.status);
//   for (const auto& c : statements.claims())               // each claim's status over time
//     for (const auto& h : c.history) std::cout << h.update << " " << to_string(h.status);
//
// On each `on_add` the observer runs `attribution_extractor::extract` and
// `status_detector::extract` on the new update's text with the sentence spans the engine already
// made (nothing is split twice; each sentence is tokenized once, in a `facts::analysis` the
// three share), sets each item's `update`, and feeds the marks to a
// `claim_tracker`; nothing earlier is read again. Spans are byte offsets into that update's text
// (`engine::collection().updates()[u].text`); a `speaker` always lies in the same update. An
// update without text has none. The claim tracker treats the stream as one story unless
// `options::story_of` says otherwise (give it the story each update joined, e.g. from
// `stream::stories`, to match claims only inside a story).
//
// Thread safety: as the engine's (one writer; const queries only while no `add` runs). The
// observer must outlive the engine it is attached to, and be attached to one engine only.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "sitrep/facts/analysis.hpp"
#include "sitrep/facts/attribution.hpp"
#include "sitrep/facts/verification.hpp"
#include "sitrep/stream/engine.hpp"

namespace sitrep::facts {

class statements_observer final : public stream::observer {
 public:
  struct options {
    attribution_extractor::options attribution;
    status_detector::options status;
    claim_tracker::options claims;
    /// The story of update `u` (called once per update, as it is added); empty: one story.
    std::function<std::size_t(std::size_t u)> story_of;
  };

  statements_observer() : statements_observer(options{}) {}
  explicit statements_observer(options opts);

  void on_add(const stream::engine& e, const stream::sentence_range& added) override;

  /// Number of updates seen so far.
  std::size_t updates() const noexcept { return attr_first_.empty() ? 0 : attr_first_.size() - 1; }
  /// The attributions of update `u`, in text order; empty when none or out of range.
  std::span<const attribution> attributions_of(std::size_t u) const noexcept;
  /// The status marks of update `u`, in text order; empty when none or out of range.
  std::span<const status_mark> marks_of(std::size_t u) const noexcept;
  /// The attributions (status marks) of the updates listed, update by update in the order given.
  std::vector<attribution> attributions_of(std::span<const std::size_t> updates) const;
  std::vector<status_mark> marks_of(std::span<const std::size_t> updates) const;
  /// Every attribution / status mark so far, update by update.
  std::span<const attribution> attributions() const noexcept { return attributions_; }
  std::span<const status_mark> marks() const noexcept { return marks_; }
  /// Every claim so far with its status history (see claim_tracker).
  std::span<const claim> claims() const noexcept { return tracker_.claims(); }
  const claim_tracker& tracker() const noexcept { return tracker_; }

 private:
  options opts_;
  attribution_extractor attributions_x_;
  status_detector marks_x_;
  claim_tracker tracker_;
  std::vector<attribution> attributions_;
  std::vector<status_mark> marks_;
  std::vector<std::size_t> attr_first_, mark_first_;  // per update seen, one extra at the end
  std::size_t base_ = 0;
  std::vector<text::byte_span> scratch_;
  // The update being added, tokenized once for the three readers (held by pointer: an
  // analysis cannot move, the observer may).
  std::unique_ptr<analysis> analysis_ = std::make_unique<analysis>();
};

}  // namespace sitrep::facts
