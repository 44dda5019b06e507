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
// Storage. The per-sentence arrays live in chunked arenas the collection owns (blocks of 64 Ki
// elements that are never reallocated; see chunked_arena.hpp), and each sentence_record holds
// views into them. Per sentence that is the record itself (sizeof(sentence_record), 104 bytes on
// 64-bit targets) plus 5 bytes per token (id and stopword flag), 4 per content term and 8 per
// distinct content term, with no allocation of its own: the arenas allocate once per 64 Ki
// elements. The collection is move-only; moving it keeps every view valid.
//
// Thread safety: `add` is not thread-safe; once the stream has ended, all const members may be
// called from many threads (the analyzer used by `add` is not touched by them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/core/update.hpp"
#include "sitrep/text/analyzer.hpp"
#include "sitrep/text/sentence_splitter.hpp"
#include "sitrep/vsm/chunked_arena.hpp"
#include "sitrep/vsm/document_frequencies.hpp"
#include "sitrep/vsm/sparse_vector.hpp"
#include "sitrep/vsm/vocabulary.hpp"

namespace sitrep::vsm {

/// Term counts of one sentence: a read-only view of (term, count) pairs sorted by term, each
/// term once. The counts are whole numbers; `weight` and `dot` give them as doubles, with the
/// same arithmetic as a `sparse_vector` of counts (so derived values are bit-identical).
struct term_counts {
  using entry = std::pair<term_id, std::uint32_t>;
  std::span<const entry> entries;

  bool empty() const noexcept { return entries.empty(); }
  std::size_t size() const noexcept { return entries.size(); }
  /// Count of `term` as a double, 0 when absent (binary search).
  double weight(term_id term) const noexcept;
  /// Dot product of the counts (a merge over both entry lists).
  double dot(const term_counts& other) const noexcept;
};

/// One sentence of the stream, with its provenance and analysis.
///
/// The four arrays are views into storage the collection owns (see `collection`): they stay
/// valid, and unchanged, for the collection's life, including after the collection is moved.
/// They must not outlive the collection.
struct sentence_record {
  std::size_t update = 0;    ///< index into collection::updates()
  std::size_t position = 0;  ///< 0-based index of this sentence within its update
  text::byte_span bytes;     ///< byte offsets into that update's text
  std::size_t words = 0;     ///< white-space words (the `--words` budget unit)
  /// Every normalized, stemmed word token in order, stopwords included (for n-gram concepts).
  std::span<const term_id> tokens;
  /// For each token, whether it is a stopword (one byte per token).
  std::span<const bool> stopword;
  /// Content terms: `tokens` without stopwords, in order.
  std::span<const term_id> terms;
  /// Term counts of `terms`.
  term_counts tf;
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
  // What the records' views point into (never reallocated: see the storage note above).
  chunked_arena<term_id> token_store_;
  chunked_arena<bool> stopword_store_;
  chunked_arena<term_id> term_store_;
  chunked_arena<term_counts::entry> count_store_;
  // Buffers `add` reuses from one update to the next, so that indexing an update allocates only
  // what the collection keeps. Not state: each `add` clears what it uses.
  struct scratch {
    std::vector<text::analyzed_view> tokens;
    std::vector<term_id> update_terms;
    std::vector<term_id> sorted;
  };
  scratch scratch_;
};

}  // namespace sitrep::vsm
