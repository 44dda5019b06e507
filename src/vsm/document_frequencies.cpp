#include "sitrep/vsm/document_frequencies.hpp"

namespace sitrep::vsm {

void document_frequencies::add_document(std::span<const term_id> terms) {
  ++documents_;
  for (term_id t : terms) {
    if (t >= df_.size()) {
      df_.resize(t + 1, 0);
      last_seen_.resize(t + 1, 0);
    }
    // last_seen_ holds the number of the last document that counted the term, so a term
    // repeated within one document is counted once without a per-call set.
    if (last_seen_[t] != documents_) {
      last_seen_[t] = documents_;
      ++df_[t];
    }
  }
}

double document_frequencies::idf(term_id term) const noexcept {
  std::uint32_t d = df(term);
  return std::log((static_cast<double>(documents_) + 1.0) / (d == 0 ? 1.0 : d));
}

}  // namespace sitrep::vsm
