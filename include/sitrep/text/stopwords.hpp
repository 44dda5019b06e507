// sitrep/text/stopwords.hpp — stopword lists shipped with sitrep.
//
//   auto sw = sitrep::text::stopword_list::for_language("english");  // or "en"
//   if (!sw) return sw.error();
//   sw->contains("the");  // true
//
// The lists are the Snowball project's, as PostgreSQL ships them (tsearch_data/*.stop, BSD
// licence); they live in `data/stopwords/` (see data/README.md) and are compiled into the
// library, so no data path is needed at run time. Languages: danish, dutch, english, finnish,
// french, german, hungarian, italian, nepali, norwegian, portuguese, russian, spanish, swedish,
// turkish (`languages()` is the authority).
//
// Names are resolved like stemmer::create: the Snowball name or an ISO 639 code, any ASCII case
// ("English", "en", "eng"); "porter" (libstemmer's original English stemmer) uses the English
// list. Words are stored normalized (NFKC + case folding, tokenizer.hpp), so `contains` expects
// a normalized token, as `tokenize` gives.
//
// A list is immutable after construction and safe to share between threads. Copying copies the
// words (a few hundred short strings); prefer moving or sharing one list.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sitrep/core/status.hpp"

namespace sitrep::text {

class stopword_list {
 public:
  /// An empty list: contains nothing.
  stopword_list() = default;
  /// The list for `language` (same names as stemmer::create); not_found, listing the languages
  /// that have one, when none ships.
  static result<stopword_list> for_language(std::string_view language);
  /// Languages that have a list, sorted.
  static std::vector<std::string> languages();

  /// Whether the normalized word is on the list. Does not allocate.
  bool contains(std::string_view word) const;
  /// Number of distinct words.
  std::size_t size() const noexcept { return words_.size(); }

 private:
  // Transparent hashing: `contains` looks up a string_view without building a std::string.
  struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_set<std::string, string_hash, std::equal_to<>> words_;
};

}  // namespace sitrep::text
