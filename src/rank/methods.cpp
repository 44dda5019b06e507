// The explicit table of methods: ids, one-line descriptions, papers, and factories.
#include <array>
#include <memory>
#include <string>

#include "sitrep/rank/auto_summarizer.hpp"
#include "sitrep/rank/centroid.hpp"
#include "sitrep/rank/ilp.hpp"
#include "sitrep/rank/lead.hpp"
#include "sitrep/rank/lexrank.hpp"
#include "sitrep/rank/submodular.hpp"
#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {
namespace {

using factory = std::unique_ptr<summarizer> (*)(const selection_options&);

struct method_row {
  method_info info;
  factory make;
};

template <class S>
std::unique_ptr<summarizer> make_with_selection(const selection_options& sel) {
  typename S::options o;
  o.selection = sel;
  return std::make_unique<S>(o);
}

// For summarizers built through a validating `create`: defaults are valid and the selection
// options were validated by make_summarizer, so creation cannot fail here.
template <class S>
std::unique_ptr<summarizer> create_with_selection(const selection_options& sel) {
  typename S::options o;
  o.selection = sel;
  return std::move(S::create(o)).value();
}

const std::array kMethods{
    method_row{{"auto", "concept coverage weighted by agreement across updates and position",
                "after Gillick & Favre 2009, with stream signals"},
               &make_with_selection<auto_summarizer>},
    method_row{{"centroid", "MEAD centroid: centroid, position and first-sentence scores",
                "Radev et al., IP&M 2004"},
               &make_with_selection<centroid_summarizer>},
    method_row{
        {"submodular", "coverage plus cluster diversity reward, budgeted lazy greedy (cost-scaled)",
         "Lin & Bilmes, ACL 2011"},
        &create_with_selection<submodular_summarizer>},
    method_row{{"ilp", "bigram concept coverage solved exactly as an ILP (GLPK), ICSISumm",
                "Gillick & Favre, ILP-NLP workshop 2009"},
               &create_with_selection<ilp_summarizer>},
    method_row{{"lexrank", "continuous LexRank: random walk on the sentence similarity graph",
                "Erkan & Radev, JAIR 2004"},
               &make_with_selection<lexrank_summarizer>},
    method_row{{"lead", "the stream's opening sentences (baseline)", "DUC baseline, Over et al. 2007"},
               &make_with_selection<lead_summarizer>},
};

const std::array<method_info, kMethods.size()> kInfos = [] {
  std::array<method_info, kMethods.size()> infos{};
  for (std::size_t i = 0; i < kMethods.size(); ++i) infos[i] = kMethods[i].info;
  return infos;
}();

}  // namespace

std::span<const method_info> methods() { return kInfos; }

std::string_view default_method() { return kMethods.front().info.id; }

result<std::unique_ptr<summarizer>> make_summarizer(std::string_view id,
                                                    const selection_options& selection) {
  if (auto st = validate(selection); !st) return st;
  for (const auto& row : kMethods)
    if (row.info.id == id) return row.make(selection);
  std::string known;
  for (const auto& row : kMethods) known += (known.empty() ? "" : ", ") + std::string(row.info.id);
  return not_found("unknown method '" + std::string(id) + "' (known: " + known + ")");
}

}  // namespace sitrep::rank
