// sitrep/vsm/collection.hpp — the one vector space every summarizer shares.
//
//   auto c = sitrep::vsm::collection::create({});          // English, stemmed, stopwords out
//   if (!c) return c.error();
//   for (auto& u : updates) c->add(std::move(u));          // O(size of u) each
//   for (std::size_t i = 0; i < c->sentence_count(); ++i) {
//     const auto& s = c->sentence(i);
//     std::cout << c->text(i) << " (update " << s.update << ")\n";
//   }
//   auto v = c->tfidf(0);                                   // weighted with today's IDF
//
// A collection holds the updates of a stream in arrival order, their sentences (segmented by
// text::sentence_splitter, each keeping its update, position and byte offsets), the analyzed
// tokens of each sentence as term ids in one shared vocabulary, and document frequencies over
// updates and over sentences. Adding an update segments and analyzes only that update and
// bumps the frequencies of its terms: nothing already in the collection is recomputed. TF-IDF
// vectors are derived on demand from the stored term counts and the current frequencies, so
// they always reflect the whole stream so far.
//
// Thread safety: `add` is not thread-safe; once the stream has ended, all const members may be
// called from many threads (the analyzer used by `add` is not touched by them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/core/update.hpp"
#include "sitrep/text/analyzer.hpp"
#include "sitrep/text/sentence_splitter.hpp"
#include "sitrep/vsm/document_frequencies.hpp"
#include "sitrep/vsm/sparse_vector.hpp"
#include "sitrep/vsm/vocabulary.hpp"

namespace sitrep::vsm {

/// One sentence of the stream, with its provenance and analysis.
struct sentence_record {
  std::size_t update = 0;    ///< index into collection::updates()
  std::size_t position = 0;  ///< 0-based index of this sentence within its update
  text::byte_span bytes;     ///< byte offsets into that update's text
  std::size_t words = 0;     ///< white-space words (the `--words` budget unit)
  /// Every normalized, stemmed word token in order, stopwords included (for n-gram concepts).
  std::vector<term_id> tokens;
  /// For each token, whether it is a stopword.
  std::vector<bool> stopword;
  /// Content terms: `tokens` without stopwords, in order.
  std::vector<term_id> terms;
  /// Term counts of `terms`.
  sparse_vector tf;
};

class collection {
 public:
  struct options {
    /// How words become terms (language, stemming, stopwords).
    text::analyzer_options analysis;
    /// How text becomes sentences.
    text::sentence_splitter::options splitting;
  };

  /// Validates the options (the language must have a stemmer and a stopword list).
  static result<collection> create(const options& opts);

  /// Appends one update (its text valid UTF-8) and its sentences; an update with an empty or
  /// blank text is kept and carries no sentences.
  void add(update u);

  /// The updates in arrival order. A deque, not a vector: a stream of millions of updates grows
  /// without ever holding two copies of the index while it reallocates.
  const std::deque<update>& updates() const noexcept { return updates_; }
  std::size_t sentence_count() const noexcept { return sentences_.size(); }
  const sentence_record& sentence(std::size_t i) const { return sentences_[i]; }
  const std::deque<sentence_record>& sentences() const noexcept { return sentences_; }
  /// The text of sentence `i`, a view into its update.
  std::string_view text(std::size_t i) const;
  /// Index of the first sentence of update `u` (sentences of an update are contiguous).
  std::size_t first_sentence_of(std::size_t u) const { return update_first_sentence_[u]; }

  const vocabulary& vocab() const noexcept { return vocab_; }
  /// Document frequencies with each update as a document.
  const document_frequencies& update_df() const noexcept { return update_df_; }
  /// Document frequencies with each sentence as a document.
  const document_frequencies& sentence_df() const noexcept { return sentence_df_; }

  /// TF-IDF vector of sentence `i`: raw counts times IDF over sentences. Sentence-level IDF,
  /// not update-level: in a stream about one event the event's own words occur in nearly every
  /// update, and update-level IDF would weigh them near zero (on DUC 2004 it cost LexRank
  /// 3.8 points of ROUGE-1).
  sparse_vector tfidf(std::size_t i) const;
  /// TF-IDF vector of any term sequence under the current frequencies.
  sparse_vector tfidf(std::span<const term_id> terms) const;

  const options& config() const noexcept { return options_; }

 private:
  collection(options opts, text::analyzer analyzer);

  options options_;
  text::analyzer analyzer_;
  text::sentence_splitter splitter_;
  vocabulary vocab_;
  document_frequencies update_df_;
  document_frequencies sentence_df_;
  std::deque<update> updates_;
  std::vector<std::size_t> update_first_sentence_;
  std::deque<sentence_record> sentences_;
  // Buffers `add` reuses from one update to the next, so that indexing an update allocates only
  // what the collection keeps. Not state: each `add` clears what it uses.
  struct scratch {
    std::vector<text::analyzed_view> tokens;
    std::vector<term_id> update_terms;
  };
  scratch scratch_;
};

}  // namespace sitrep::vsm
