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
// Options are validated once by `create`. Thread safety: `terms` uses a stemmer (stemmer.hpp),
// so one analyzer per thread; `is_stopword` and `options` are safe to share.
#pragma once

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

class analyzer {
 public:
  /// Validates the options once: not_found for a language with no stemmer (when `stem`) or no
  /// stopword list (when `remove_stopwords`).
  static result<analyzer> create(const analyzer_options& options);

  /// Index terms of `text`, in order of appearance (repeats kept).
  std::vector<std::string> terms(std::string_view text);
  /// Every word token of `text` in order (pure punctuation dropped), stemmed as `terms` stems
  /// them, with stopwords kept and flagged (flags are all false when `remove_stopwords` is
  /// off). `terms` is this without the stopwords.
  std::vector<analyzed_token> analyze(std::string_view text);
  /// Whether a normalized token is a stopword of this analyzer's language (false when stopword
  /// removal is off).
  bool is_stopword(std::string_view token) const;

  const analyzer_options& options() const noexcept { return options_; }

 private:
  analyzer(analyzer_options options, std::optional<stemmer> stem, stopword_list stop);
  analyzer_options options_;
  std::optional<stemmer> stemmer_;
  stopword_list stopwords_;
};

}  // namespace sitrep::text
