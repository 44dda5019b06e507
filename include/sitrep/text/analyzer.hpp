// sitrep/text/analyzer.hpp — from text to index terms: tokenize, drop stopwords, stem.
//
//   auto a = sitrep::text::analyzer::create({.language = "english"});
//   a->terms("The gunmen were attacking the hotel");  // {"gunmen", "attack", "hotel"}
//
// The analyzer is the one place that decides what a "term" is, so every summarizer and the
// vector space see the same terms. Tokens that are pure punctuation are never terms; with
// `remove_stopwords`, stopwords are dropped before stemming.
//
// Thread safety: `terms` uses a stemmer (stemmer.hpp), so one analyzer per thread.
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
  /// Snowball language name (stemmer.hpp); also picks the stopword list.
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
  /// Every word token of `text` in order, stopwords included and flagged (stemmed when
  /// stemming is on, whatever `remove_stopwords` says). `terms` is this without stopwords.
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
