#include "sitrep/eval/bcubed.hpp"

#include <unordered_map>
#include <utility>

namespace sitrep::eval {

namespace {

// Dense 0-based cluster numbers for any hashable labels.
template <class T>
std::vector<std::uint32_t> number(std::span<const T> labels, std::size_t& clusters) {
  std::unordered_map<T, std::uint32_t> ids;
  std::vector<std::uint32_t> out;
  out.reserve(labels.size());
  for (const T& l : labels) {
    auto [it, fresh] = ids.try_emplace(l, static_cast<std::uint32_t>(ids.size()));
    out.push_back(it->second);
  }
  clusters = ids.size();
  return out;
}

double pairs(double n) { return n * (n - 1.0) / 2.0; }

clustering_scores score(const std::vector<std::uint32_t>& f, std::size_t nf,
                        const std::vector<std::uint32_t>& g, std::size_t ng) {
  clustering_scores s;
  s.records = f.size();
  s.found_clusters = nf;
  s.gold_clusters = ng;
  if (f.empty()) return s;
  // The contingency table, sparse: (found, gold) -> records in both.
  std::unordered_map<std::uint64_t, std::size_t> cell;
  std::vector<std::size_t> fsize(nf, 0), gsize(ng, 0);
  for (std::size_t i = 0; i < f.size(); ++i) {
    ++cell[(static_cast<std::uint64_t>(f[i]) << 32) | g[i]];
    ++fsize[f[i]];
    ++gsize[g[i]];
  }
  // Every record of a cell has the same precision (cell / found size) and recall (cell / gold
  // size), so the per-record sums are sums over cells.
  double p = 0, r = 0, index = 0;
  for (const auto& [key, n] : cell) {
    const auto fi = static_cast<std::uint32_t>(key >> 32);
    const auto gi = static_cast<std::uint32_t>(key & 0xffffffffu);
    const double dn = static_cast<double>(n);
    p += dn * dn / static_cast<double>(fsize[fi]);
    r += dn * dn / static_cast<double>(gsize[gi]);
    index += pairs(dn);
  }
  const double total = static_cast<double>(f.size());
  s.precision = p / total;
  s.recall = r / total;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  double sum_f = 0, sum_g = 0;
  for (std::size_t n : fsize) sum_f += pairs(static_cast<double>(n));
  for (std::size_t n : gsize) sum_g += pairs(static_cast<double>(n));
  const double expected = sum_f * sum_g / pairs(total == 1 ? 2 : total);
  const double max_index = (sum_f + sum_g) / 2.0;
  // Both trivial the same way (all singletons, or all in one): the index is 0/0; they agree.
  s.ari = max_index == expected ? 1.0 : (index - expected) / (max_index - expected);
  return s;
}

template <class T>
result<clustering_scores> run(std::span<const T> found, std::span<const T> gold) {
  if (found.size() != gold.size()) {
    return invalid_argument("bcubed: " + std::to_string(found.size()) + " found labels but " +
                            std::to_string(gold.size()) + " gold labels");
  }
  std::size_t nf = 0, ng = 0;
  auto f = number(found, nf);
  auto g = number(gold, ng);
  return score(f, nf, g, ng);
}

}  // namespace

result<clustering_scores> bcubed(std::span<const std::string> found,
                                 std::span<const std::string> gold) {
  return run(found, gold);
}

result<clustering_scores> bcubed(std::span<const std::int64_t> found,
                                 std::span<const std::int64_t> gold) {
  return run(found, gold);
}

}  // namespace sitrep::eval
