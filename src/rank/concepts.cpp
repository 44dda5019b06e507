#include "concepts.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace sitrep::rank::detail {

std::size_t effective_min_updates(std::size_t paper_min, std::size_t updates) {
  // The paper's 3 is 30% of a 10-document cluster; a stream of 2 or 3 updates could otherwise
  // keep no concept at all. Longer streams keep the paper's absolute count: live blogs repeat a
  // key fact in a few posts, not in a fixed share of hundreds.
  auto share = static_cast<std::size_t>(std::ceil(0.3 * static_cast<double>(updates)));
  return std::max<std::size_t>(1, std::min(paper_min, share));
}

concept_table extract_concepts(const vsm::collection& c, std::size_t min_updates,
                               double first_sentence_bonus) {
  const std::size_t n = c.sentence_count();
  std::unordered_map<std::uint64_t, std::uint32_t> ids;
  std::vector<std::uint32_t> updates_with;  // per raw concept
  std::vector<std::size_t> last_update;     // update index + 1 that last counted it
  std::vector<std::uint32_t> leads_with;    // per raw concept: updates whose first sentence has it
  std::vector<std::vector<std::uint32_t>> raw(n);

  for (std::size_t j = 0; j < n; ++j) {
    const auto& s = c.sentence(j);
    for (std::size_t k = 0; k + 1 < s.tokens.size(); ++k) {
      if (s.stopword[k] && s.stopword[k + 1]) continue;
      std::uint64_t key = (static_cast<std::uint64_t>(s.tokens[k]) << 32) | s.tokens[k + 1];
      auto [it, fresh] = ids.try_emplace(key, static_cast<std::uint32_t>(updates_with.size()));
      if (fresh) {
        updates_with.push_back(0);
        last_update.push_back(0);
        leads_with.push_back(0);
      }
      std::uint32_t id = it->second;
      if (last_update[id] != s.update + 1) {
        last_update[id] = s.update + 1;
        ++updates_with[id];
        // Sentences arrive in stream order, so an update's first sentence counts it first.
        if (s.position == 0) ++leads_with[id];
      }
      raw[j].push_back(id);
    }
  }

  // Keep the frequent concepts, numbered in order of first occurrence (deterministic).
  constexpr std::uint32_t kDropped = UINT32_MAX;
  std::vector<std::uint32_t> kept(updates_with.size(), kDropped);
  concept_table out;
  out.sentence_concepts.resize(n);
  for (std::size_t j = 0; j < n; ++j) {
    auto& mine = out.sentence_concepts[j];
    for (std::uint32_t id : raw[j]) {
      if (updates_with[id] < min_updates) continue;
      if (kept[id] == kDropped) {
        kept[id] = static_cast<std::uint32_t>(out.weights.size());
        out.weights.push_back(updates_with[id] + first_sentence_bonus * leads_with[id]);
      }
      mine.push_back(kept[id]);
    }
    std::sort(mine.begin(), mine.end());
    mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
  }
  return out;
}

}  // namespace sitrep::rank::detail
