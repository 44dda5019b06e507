// sitrep/rank/lead.hpp — the lead baseline: the stream's first sentences.
//
//   auto lead = sitrep::rank::lead_summarizer::create({});
//   if (!lead) return lead.error();   // invalid_argument for bad selection options
//   auto s = (*lead)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
//
// Follows the DUC baseline (Over, Dang and Harman, "DUC in context", 2007): the opening
// sentences, in order, until the budget is spent. With `latest_first`, the newest update's
// sentences come first (DUC's lead took the most recent article; the Live Blog Corpus's
// "Latest" baseline takes the newest posts).
#pragma once

#include <memory>

#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {

class lead_summarizer final : public summarizer {
 public:
  struct options {
    /// Start from the newest update instead of the oldest.
    bool latest_first = false;
    selection_options selection;
  };
  /// invalid_argument naming the first option out of range (ranges above).
  static status validate(const options& o);
  /// A summarizer with validated options.
  static result<std::unique_ptr<lead_summarizer>> create(const options& o);

  std::string_view id() const noexcept override { return "lead"; }
  using summarizer::summarize;
  summary summarize(const stream::view& v, const budget& b) const override;

 private:
  explicit lead_summarizer(options o) : o_(o) {}
  options o_;
};

}  // namespace sitrep::rank
