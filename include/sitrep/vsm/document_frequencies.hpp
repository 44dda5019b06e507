// sitrep/vsm/document_frequencies.hpp — incremental document frequencies and IDF.
//
//   sitrep::vsm::document_frequencies df;
//   df.add_document(terms_of_update_1);   // distinct terms counted once per document
//   df.add_document(terms_of_update_2);
//   df.df(hotel);      // in how many documents "hotel" occurs
//   df.idf(hotel);     // log((N + 1) / df): small but positive for a term in every document
//
// Adding a document costs O(its length); nothing is recomputed for earlier documents, so
// weights read after more documents arrive reflect the whole stream so far. What counts as a
// "document" is the caller's choice (an update, or a sentence). Not thread-safe for writing.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "sitrep/vsm/vocabulary.hpp"

namespace sitrep::vsm {

class document_frequencies {
 public:
  /// Counts one document; each distinct term in `terms` once.
  void add_document(std::span<const term_id> terms);

  /// Documents that contain `term` (0 for a term never seen).
  std::uint32_t df(term_id term) const noexcept { return term < df_.size() ? df_[term] : 0; }
  /// Documents counted so far.
  std::uint32_t documents() const noexcept { return documents_; }
  /// log((N + 1) / df), smoothed so that a one-document stream still weighs its terms;
  /// for an unseen term, log(N + 1) (as rare as can be).
  double idf(term_id term) const noexcept;

 private:
  std::vector<std::uint32_t> df_;
  std::vector<std::uint32_t> last_seen_;  // document number + 1 that last counted a term
  std::uint32_t documents_ = 0;
};

}  // namespace sitrep::vsm
