#include "sitrep/vsm/vocabulary.hpp"

namespace sitrep::vsm {

term_id vocabulary::intern(std::string_view term) {
  if (auto it = ids_.find(term); it != ids_.end()) return it->second;
  auto id = static_cast<term_id>(terms_.size());
  terms_.emplace_back(term);
  ids_.emplace(terms_.back(), id);
  return id;
}

std::optional<term_id> vocabulary::find(std::string_view term) const {
  if (auto it = ids_.find(term); it != ids_.end()) return it->second;
  return std::nullopt;
}

}  // namespace sitrep::vsm
