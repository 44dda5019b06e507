// entities_fuzz: the entity extractor (sitrep::facts::entity_extractor) and the entities
// observer on arbitrary bytes.
//
// The header promises to take any bytes, so every input is fed as it is. Byte 0 picks the
// options (max_words 1, 2, 6 or 12; the gazetteer in lowercased text on or off); the rest is
// the text, cut at 0xFF bytes into updates for the observer.
// Invariants (include/sitrep/facts/entities.hpp):
//  - spans are non-empty, inside the text, in text order and do not overlap;
//  - names and keys are non-empty; type names are among the four;
//  - extracting the same text twice gives the same mentions (no hidden state between calls);
//  - the observer's mentions point inside their update's text, every entity has a mention,
//    and top() returns distinct ids of confirmed entities, at most k.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "sitrep/facts/entities.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using sitrep::facts::entity_extractor;
  static const std::size_t kWords[] = {1, 2, 6, 12};
  entity_extractor::options opts;
  opts.max_words = kWords[data[0] & 3];
  opts.gazetteer_when_lowercase = (data[0] & 4) == 0;
  const entity_extractor ex(opts);
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  const auto found = ex.extract(text);
  std::size_t pos = 0;
  for (const auto& m : found) {
    SITREP_FUZZ_CHECK(m.span.begin < m.span.end);
    SITREP_FUZZ_CHECK(m.span.end <= text.size());
    SITREP_FUZZ_CHECK(m.span.begin >= pos);
    pos = m.span.end;
    SITREP_FUZZ_CHECK(!m.name.empty());
    SITREP_FUZZ_CHECK(!m.key.empty());
    SITREP_FUZZ_CHECK(!to_string(m.type).empty());
  }
  const auto again = ex.extract(text);
  SITREP_FUZZ_CHECK(again.size() == found.size());
  for (std::size_t i = 0; i < found.size(); ++i)
    SITREP_FUZZ_CHECK(again[i].span == found[i].span && again[i].key == found[i].key &&
                      again[i].type == found[i].type);

  sitrep::facts::entities_observer obs(opts);
  std::vector<std::string_view> updates;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || static_cast<unsigned char>(text[i]) == 0xFF) {
      updates.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  for (std::size_t u = 0; u < updates.size(); ++u) obs.add(u, updates[u]);
  for (const auto& e : obs.all()) {
    SITREP_FUZZ_CHECK(!e.mentions.empty());
    for (const auto& m : e.mentions) {
      SITREP_FUZZ_CHECK(m.update < updates.size());
      SITREP_FUZZ_CHECK(m.span.begin < m.span.end && m.span.end <= updates[m.update].size());
    }
  }
  std::vector<std::size_t> all;
  for (std::size_t u = 0; u < updates.size() + 2; ++u) all.push_back(u);
  const auto top = obs.top(all, 5);
  SITREP_FUZZ_CHECK(top.size() <= 5);
  std::set<std::size_t> seen;
  for (std::size_t id : top) {
    SITREP_FUZZ_CHECK(id < obs.all().size() && obs.all()[id].confirmed);
    SITREP_FUZZ_CHECK(seen.insert(id).second);
  }
  return 0;
}
