// sitrep/facts/entities.hpp — people, organizations and places named in the stream.
//
//   sitrep::facts::entity_extractor extractor;              // immutable, shareable
//   std::string_view text = "U.S. military spokesman Col. Mark Cheadle said six were freed.";
//   for (const auto& m : extractor.extract(text))
//     std::cout << m.name << " " << to_string(m.type) << "\n";   // "United States place",
//                                                               // "Mark Cheadle person"
//   // Over a stream:
//   auto e = sitrep::stream::engine::create({});
//   sitrep::facts::entities_observer entities;             // default extractor options
//   e->attach(entities);                                    // before the first add
//   for (auto& u : updates) e->add(std::move(u));
//   std::vector<std::size_t> all(e->size());
//   std::iota(all.begin(), all.end(), 0);
//   for (std::size_t id : entities.top(all, 10))            // the ten most mentioned
//     std::cout << entities.all()[id].name << "\n";
//
// How a name is found (rules and word lists in entities.cpp and data/facts/, written for
// sitrep; place names also from Debian's iso-codes and tzdata, see data/README.md):
//   * A gazetteer of places (countries, cities, regions) and organizations (agencies, armed
//     groups, media), each with its aliases ("U.S." = "United States", "AQIM" = "Al-Qaeda in
//     the Islamic Maghreb"), is matched first, longest match, ignoring case, full stops and
//     hyphens; the match must start with a capital unless the text is lowercased. A name that is
//     also a common word ("US", "IS", "Jersey", "Turkey") is taken only capitalized (a short one
//     only in capitals), but its dotted form ("U.S.") in any case.
//   * Otherwise a run of capitalized words (with "of", "de", "al", "bin", ... between them) is
//     a candidate. A leading "The" and other words that are never names are dropped; a
//     possessive ("France's") ends the run.
//   * Titles make a person: the name after a title ("Col. Mark Cheadle", "spokesman John
//     Kirby", "former FBI Supervisory Special Agent Ali H. Soufan": FBI is then an organization
//     of its own, the title words are no part of any name); so do a given name from the list,
//     a middle initial ("Ali H. Soufan"), or two or three words followed by "said"/"says".
//   * An organization word ("Department", "Ministry", "Group", "Post", ...) makes an
//     organization, as do an all-capital acronym and a one-word "Al-..." name; a leading
//     place is then a place of its own ("U.S. State Department" = place "United States" +
//     organization "State Department").
//   * A place word ("Street", "Province", ...) or a facility noun after the name ("the Radisson
//     Blu hotel") makes a place, as does a preposition of place before an unknown single name
//     ("in Timbuktu").
//   * Nationalities ("Malian", "Americans", and any word that is a known place's name with
//     -an, -ian, -ese, -i or -ish: "Honduran") are not entities. Anything else is `other`.
// A lone capitalized word opening a sentence is weak evidence (`sentence_initial`): the
// observer counts it only once the same name is seen elsewhere or it is someone's surname.
//
// Lowercased text (a live blog without capitals: no ASCII capital letter in the update, or as
// many capitals as lowercase letters, a shouted headline) keeps
// only gazetteer matches whose name is not a common word ("turkey", "jersey" are left out): it
// degrades to fewer entities, never to every word.
//
// Merging over a stream (entities_observer): mentions with the same key (the canonical name,
// lowercased, without full stops, hyphens as spaces) are one entity; a single word that is the
// last word of a person already seen is that person ("Cheadle" after "Mark Cheadle"). (An
// organization after a place, "U.S. State Department", is already the organization "State
// Department" in each update.) A mention is never merged again later (stream first):
// "Cheadle" seen before "Mark Cheadle" stays its own entity. An entity's type is that of its
// first mention with a type other than `other`.
//
// Contract: any bytes are accepted (invalid UTF-8 is read as ordinary word bytes; the
// extractor never throws on input and never reads outside `text`). Spans are byte offsets
// into the given text, non-empty, in text order and not overlapping. An empty result means no
// name was found. The extractor is immutable after construction and safe to share between
// threads; `extract` is linear in the text's length (a bounded window of words per name).
//
// Known limits: no coreference beyond surnames ("the Embassy", "he" are not resolved); a
// capitalized common word inside a headline may become `other`; a two-word name without title,
// given name or speech verb is `other` ("Sahara Emirate"); gender and number are not used.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/stream/engine.hpp"
#include "sitrep/text/sentence_splitter.hpp"

namespace sitrep::facts {

enum class entity_type : std::uint8_t { person, organization, place, other };

/// "person", "organization", "place", "other".
std::string_view to_string(entity_type t) noexcept;

/// One name in one text.
struct entity_mention {
  /// The name as written, titles, "the" and a possessive "'s" left out ("Mark Cheadle").
  text::byte_span span;
  entity_type type = entity_type::other;
  /// The canonical name: the gazetteer's for a known name ("United States" for "U.S."), else the
  /// name as written.
  std::string name;
  /// `name` lowercased, full stops dropped, hyphens as spaces: what mentions merge on.
  std::string key;
  /// A lone capitalized word opening a sentence with nothing else saying it is a name.
  bool sentence_initial = false;
};

class entity_extractor {
 public:
  struct options {
    /// At most this many words in one name (a longer capitalized run is cut).
    std::size_t max_words = 6;
    /// In lowercased text, take the gazetteer's names (off: lowercased text gives nothing).
    bool gazetteer_when_lowercase = true;
  };

  entity_extractor() : entity_extractor(options{}) {}
  explicit entity_extractor(options opts);

  /// The names of `text` (one update's text), in text order.
  std::vector<entity_mention> extract(std::string_view text) const;

  /// The gazetteer's canonical name for `name` ("U.S." and "US" -> "United States"), whatever
  /// its case; nullopt when the gazetteer does not hold it.
  std::optional<std::string> canonical(std::string_view name) const;

  struct lexicon;  // the word lists, parsed once per process

 private:
  options opts_;
  const lexicon* lex_;
};

/// Where a mention is: the update's index in the stream and the byte span in its text.
struct mention {
  std::size_t update = 0;
  text::byte_span span;
};

/// One entity over the stream.
struct entity {
  /// The canonical name: the gazetteer's, else the first mention's as written ("Mark Cheadle";
  /// a later "Cheadle" merges into it).
  std::string name;
  entity_type type = entity_type::other;
  /// Every mention, in stream order.
  std::vector<mention> mentions;
  /// False while the only evidence is sentence-opening single words (see the header comment);
  /// `top` leaves such entities out.
  bool confirmed = false;
};

/// The entities of every update, merged as the engine adds them. On each `on_add` the
/// observer extracts the new update's names (its text only; nothing earlier is read again) and
/// merges them into the entities so far. Cost per update: O(its length + its mentions).
///
/// Thread safety: as the engine's (one writer; const queries only while no `add` runs). The
/// observer must outlive the engine it is attached to, and be attached to one engine only.
class entities_observer final : public stream::observer {
 public:
  entities_observer() = default;
  explicit entities_observer(entity_extractor::options opts) : extractor_(opts) {}

  void on_add(const stream::engine& e, const stream::sentence_range& added) override;
  /// Without an engine: the text of update `u` (updates in order, each once).
  void add(std::size_t u, std::string_view text);

  /// Every entity so far, in order of first mention; ids are indexes here and stable.
  std::span<const entity> all() const noexcept { return entities_; }
  /// The id of the entity whose key is that of `name` ("U.S." finds "United States"); nullopt
  /// when none.
  std::optional<std::size_t> find(std::string_view name) const;
  /// Ids of the entities update `u` mentions, each once, in order of first mention in it;
  /// empty for an update without names or out of range.
  std::span<const std::uint32_t> of_update(std::size_t u) const noexcept;
  /// The `k` most important confirmed entities mentioned by the updates at `positions` (any
  /// order, each once; out-of-range positions ignored), optionally of one type: by number of those updates
  /// that mention them, then mentions in them, then the latest mention, then id. Cost:
  /// O(mentions in those updates + entities found x log k).
  std::vector<std::size_t> top(std::span<const std::size_t> positions, std::size_t k,
                               std::optional<entity_type> type = std::nullopt) const;

 private:
  std::uint32_t merge(const entity_mention& m, std::size_t u);

  entity_extractor extractor_;
  std::vector<entity> entities_;
  std::unordered_map<std::string, std::uint32_t> by_key_;
  std::unordered_map<std::string, std::uint32_t> by_surname_;  // last word of a person's key
  std::vector<std::uint32_t> ids_;     // entity ids of every update, update by update
  std::vector<std::size_t> first_;     // first_[u]: start of update u's ids in ids_; one extra
};

}  // namespace sitrep::facts
