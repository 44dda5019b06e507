#include "sitrep/text/analyzer.hpp"

#include <utility>

#include "sitrep/text/tokenizer.hpp"

namespace sitrep::text {
namespace {

// Any byte >= 0x80 is part of a non-ASCII character; after tokenize() those are letters, digits
// or marks, so a token is a term candidate as soon as it has one of them or an ASCII alnum.
bool has_letter_or_digit(std::string_view token) noexcept {
  for (char ch : token) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      return true;
  }
  return false;
}

bool is_clitic(std::string_view token) noexcept { return token.front() == '\'' || token == "n't"; }

bool keep_unstemmed(std::string_view token) noexcept {
  for (char c : token)
    if (c == '.' || (c >= '0' && c <= '9')) return true;
  return false;
}

// Builds the parts `create` needs. GCC 12 at -O2 warns (falsely) that destroying a moved-from
// unordered_set inside result<stopword_list> frees its non-heap single bucket.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wfree-nonheap-object"
#endif
status load(const analyzer_options& options, std::optional<stemmer>& stem, stopword_list& stop) {
  if (options.stem) {
    auto s = stemmer::create(options.language);
    if (!s) return s.error();
    stem.emplace(std::move(s).value());
  }
  if (options.remove_stopwords) {
    auto list = stopword_list::for_language(options.language);
    if (!list) return list.error();
    stop = std::move(list).value();
  }
  return status::ok();
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

result<analyzer> analyzer::create(const analyzer_options& options) {
  std::optional<stemmer> stem;
  stopword_list stop;
  if (status st = load(options, stem, stop); !st) return st;
  return analyzer(options, std::move(stem), std::move(stop));
}

analyzer::analyzer(analyzer_options options, std::optional<stemmer> stem, stopword_list stop)
    : options_(std::move(options)), stemmer_(std::move(stem)), stopwords_(std::move(stop)) {}

bool analyzer::is_stopword(std::string_view token) const {
  if (!options_.remove_stopwords || token.empty()) return false;
  return is_clitic(token) || stopwords_.contains(token);
}

std::vector<std::string> analyzer::terms(std::string_view text) {
  std::vector<std::string> tokens = tokenize(text);
  std::size_t kept = 0;
  for (std::string& token : tokens) {
    if (!has_letter_or_digit(token) || is_stopword(token)) continue;
    if (stemmer_ && !keep_unstemmed(token)) {
      std::string stemmed = stemmer_->stem(token);
      if (!stemmed.empty()) token = std::move(stemmed);
    }
    if (&tokens[kept] != &token) tokens[kept] = std::move(token);
    ++kept;
  }
  tokens.resize(kept);
  return tokens;
}

std::vector<analyzed_token> analyzer::analyze(std::string_view text) {
  std::vector<analyzed_token> out;
  for (std::string& token : tokenize(text)) {
    if (!has_letter_or_digit(token)) continue;
    analyzed_token t;
    t.stopword = is_stopword(token);
    if (stemmer_ && !keep_unstemmed(token)) {
      std::string stemmed = stemmer_->stem(token);
      t.term = stemmed.empty() ? std::move(token) : std::move(stemmed);
    } else {
      t.term = std::move(token);
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace sitrep::text
