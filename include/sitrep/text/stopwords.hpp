// sitrep/text/stopwords.hpp — stopword lists shipped with sitrep.
//
//   auto sw = sitrep::text::stopword_list::for_language("english");
//   sw->contains("the");  // true
//
// The lists are the Snowball project's, as PostgreSQL ships them (tsearch_data/*.stop, BSD
// licence); they live in `data/stopwords/` (see data/README.md) and are compiled into the
// library, so no data path is needed at run time. Words are stored normalized (tokenizer.hpp).
// A list is immutable after construction and safe to share between threads.
#pragma once

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
  /// The list for `language` (same names as stemmer::create); not_found when none ships.
  static result<stopword_list> for_language(std::string_view language);
  /// Languages that have a list.
  static std::vector<std::string> languages();

  bool contains(std::string_view word) const;
  std::size_t size() const noexcept { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

}  // namespace sitrep::text
