// sitrep/vsm/vocabulary.hpp — terms to dense integer ids and back.
//
//   sitrep::vsm::vocabulary vocab;
//   sitrep::vsm::term_id hotel = vocab.intern("hotel");   // 0
//   vocab.intern("hotel") == hotel;                        // same id again
//   vocab.find("bamako");                                  // std::nullopt
//   vocab.term(hotel);                                     // "hotel"
//
// Ids are dense (0, 1, 2, … in order of first appearance) and stable for the vocabulary's
// life: growing it never renumbers a term, so vectors built earlier stay valid. Not
// thread-safe for writing; concurrent reads are safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitrep::vsm {

using term_id = std::uint32_t;

class vocabulary {
 public:
  /// The id of `term`, adding it when new.
  term_id intern(std::string_view term);
  /// The id of `term`, or nullopt when it was never added.
  std::optional<term_id> find(std::string_view term) const;
  /// The term with id `id`; `id` must be < size().
  const std::string& term(term_id id) const { return terms_[id]; }
  std::size_t size() const noexcept { return terms_.size(); }

 private:
  struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, term_id, string_hash, std::equal_to<>> ids_;
  std::vector<std::string> terms_;
};

}  // namespace sitrep::vsm
