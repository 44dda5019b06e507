// sitrep/rank/summarizer.hpp — the summarizer interface and the table of methods.
//
//   auto s = sitrep::rank::make_summarizer("lexrank");
//   if (!s) return s.error();                       // not_found lists the known ids
//   sitrep::rank::summary out = (*s)->summarize(collection, {sitrep::rank::budget_unit::words, 60});
//   // A live stream: sitrep::stream::view(engine), or a part of it (view.hpp).
//
//   for (const auto& m : sitrep::rank::methods()) std::cout << m.id << '\t' << m.summary << '\n';
//
// Every method reads the one shared vector space (vsm::collection) and never changes it; all
// share the redundancy control and budget rules of selection.hpp, so whatever the method a
// summary is within budget, in stream order, non-empty for a non-empty collection (but for a
// byte budget too small for one character, see summary.hpp), and free of
// sentences that repeat each other. Ids are stable: the command line, JSON and bindings use them.
// A summarizer holds only its options: `summarize` is const and safe to call from many threads
// on collections that are not being added to.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "sitrep/core/status.hpp"
#include "sitrep/rank/selection.hpp"
#include "sitrep/rank/summary.hpp"
#include "sitrep/stream/view.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::rank {

class summarizer {
 public:
  virtual ~summarizer() = default;
  /// The method's stable id ("lexrank").
  virtual std::string_view id() const noexcept = 0;
  /// A summary of the part of the stream `v` shows, within `b`: its sentences only, never two
  /// of one repeat group (when the view has groups).
  virtual summary summarize(const stream::view& v, const budget& b) const = 0;
  /// A summary of everything in `c` within `b` (a view of all of it, without repeat groups).
  summary summarize(const vsm::collection& c, const budget& b) const {
    return summarize(stream::view(c), b);
  }
};

/// One row of the method table.
struct method_info {
  std::string_view id;         ///< stable id
  std::string_view summary;    ///< one line for `sitrep methods`
  std::string_view reference;  ///< the paper it follows
};

/// Every method, the default ("auto") first.
std::span<const method_info> methods();

/// What a method that works on whole collections does with a part of one: summarizes a
/// collection of the view's updates alone (analyzed again, with frequencies over the part),
/// keeping the view's groups, and returns the summary with the stream's sentence indexes.
summary summarize_part(const summarizer& s, const stream::view& v, const budget& b);

/// The id `sitrep summarize` uses when none is given.
std::string_view default_method();

/// A summarizer for `id` with its default options (each method's defaults include its own
/// selection options), or with `selection` in their place when given; not_found (listing the
/// ids) for an unknown id, invalid_argument for bad selection options.
result<std::unique_ptr<summarizer>> make_summarizer(
    std::string_view id, const std::optional<selection_options>& selection = std::nullopt);

}  // namespace sitrep::rank
