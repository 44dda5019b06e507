// sitrep/text/analyzer.hpp — from text to index terms: tokenize, drop stopwords, stem.
//
//   auto a = sitrep::text::analyzer::create({.language = "english"});
//   if (!a) return a.error();
//   a->terms("The gunmen were attacking the hotel");  // {"gunmen", "attack", "hotel"}
//
// The analyzer is the one place that decides what a "term" is, so every summarizer and the
// vector space see the same terms. For each token of `tokenize` (tokenizer.hpp), in order:
//   1. a token with no letter and no digit is dropped (pure punctuation never is a term);
//   2. with `remove_stopwords`, a stopword of the language is dropped, and so is a tokenized
//      clitic ("'s", "'re", "n't"), which carries no topic in any language;
//   3. with `stem`, the token is replaced by its Snowball stem, except a token holding a digit
//      or a full stop ("3.5", "u.s", "bbc.co.uk"): numbers and acronyms are kept as they are.
//      A token whose stem would be empty is kept unstemmed.
// Stopwords are matched before stemming, on the normalized token.
//
// Options are validated once by `create`.
//
// Speed. `analyze_into` is the hot path of indexing (vsm::collection::add): it tokenizes into
// a reused buffer (no allocation per token for ASCII text) and looks each normalized token up
// in a stem cache that remembers its whole outcome (term, stopword flag, whether it is dropped),
// so the Snowball stemmer and the stopword list see each distinct token once. The cache is
// bounded: when it holds `kStemCacheEntries` tokens at the start of a call it is swept down to
// at most half of that, keeping the tokens looked up most often since the last sweep (a
// least-frequently-used policy with ageing), and refills from the texts that follow. It holds
// at most that many entries plus the distinct tokens of one text, in a table of 64-byte slots
// kept at most 70% full: 8 MiB when full (tokens and stems longer than 24 bytes, rare, take a
// string of their own besides). The cache changes speed only, never a term: the result is a
// pure function of the text and the options.
//
// Thread safety: the analyzing members (`terms`, `analyze`, `analyze_into`) use a stemmer
// (stemmer.hpp), the stem cache and scratch buffers, so one analyzer per thread (each has its
// own cache, no locks); `is_stopword` and `options` are safe to share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/text/stemmer.hpp"
#include "sitrep/text/stopwords.hpp"

namespace sitrep::text {

struct analyzer_options {
  /// Snowball language name or ISO code (stemmer.hpp); also picks the stopword list.
  std::string language = "english";
  /// Stem terms with the language's Snowball stemmer.
  bool stem = true;
  /// Drop the language's stopwords.
  bool remove_stopwords = true;
};

/// One word token as the analyzer sees it: its term (normalized, stemmed when stemming is on)
/// and whether the unstemmed token is a stopword.
struct analyzed_token {
  std::string term;
  bool stopword = false;
};

/// `analyzed_token` as a view, given by `analyze_into`.
struct analyzed_view {
  std::string_view term;
  bool stopword = false;
  /// The caller's memo for this token's cache entry (see `analyze_into`); never null.
  std::uint32_t* tag = nullptr;
};

class analyzer {
 public:
  /// Distinct tokens the stem cache holds before it is swept (see "Speed" above).
  static constexpr std::size_t kStemCacheEntries = std::size_t{1} << 16;
  /// The value of a tag the caller has not set.
  static constexpr std::uint32_t kNoTag = 0xFFFFFFFF;

  /// Validates the options once: not_found for a language with no stemmer (when `stem`) or no
  /// stopword list (when `remove_stopwords`).
  static result<analyzer> create(const analyzer_options& options);

  /// Index terms of `text`, in order of appearance (repeats kept).
  std::vector<std::string> terms(std::string_view text);
  /// Every word token of `text` in order (pure punctuation dropped), stemmed as `terms` stems
  /// them, with stopwords kept and flagged (flags are all false when `remove_stopwords` is
  /// off). `terms` is this without the stopwords.
  std::vector<analyzed_token> analyze(std::string_view text);
  /// `analyze` without the allocations: `out` (cleared first) gets the same tokens, their
  /// terms as views into this analyzer's cache and scratch, valid until the next call of an
  /// analyzing member on this analyzer. Reuse one `out` across calls: once the buffers have
  /// grown, analyzing ASCII text whose tokens are all cached allocates nothing.
  /// Each token also carries a `tag`: 32 bits the caller may set to memoize what it makes of
  /// the token (vsm::collection keeps the term's vocabulary id there, saving a hash lookup per
  /// token). A tag starts as kNoTag, stays with the token's cache entry, and is lost (back to
  /// kNoTag) when a sweep drops the entry, so it must be a pure function of the token. Tags
  /// belong to the one owner of the analyzer; `terms` and `analyze` neither read nor write them.
  void analyze_into(std::string_view text, std::vector<analyzed_view>& out);
  /// Whether a normalized token is a stopword of this analyzer's language (false when stopword
  /// removal is off).
  bool is_stopword(std::string_view token) const;

  const analyzer_options& options() const noexcept { return options_; }

  analyzer(analyzer&&) noexcept;
  analyzer& operator=(analyzer&&) noexcept;
  ~analyzer();

 private:
  analyzer(analyzer_options options, std::optional<stemmer> stem, stopword_list stop);

  struct outcome;
  outcome analyze_token(std::string_view token);

  analyzer_options options_;
  std::optional<stemmer> stemmer_;
  stopword_list stopwords_;
  // The stem cache and scratch buffers (analyzer.cpp); a pointer so that moving is cheap and
  // the header does not show the table's layout.
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace sitrep::text
