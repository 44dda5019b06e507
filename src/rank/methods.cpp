// The explicit table of methods: ids, one-line descriptions, papers, and factories.
#include <array>
#include <memory>
#include <optional>
#include <string>

#include "sitrep/rank/auto_summarizer.hpp"
#include "sitrep/rank/centroid.hpp"
#include "sitrep/rank/ilp.hpp"
#include "sitrep/rank/klsum.hpp"
#include "sitrep/rank/lead.hpp"
#include "sitrep/rank/lexrank.hpp"
#include "sitrep/rank/submodular.hpp"
#include "sitrep/rank/sumbasic.hpp"
#include "sitrep/rank/textrank.hpp"
#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {
namespace {

using factory = std::unique_ptr<summarizer> (*)(const std::optional<selection_options>&);

struct method_row {
  method_info info;
  factory make;
};

// Every summarizer is built through its validating `create`: defaults are valid and the
// selection options were validated by make_summarizer, so creation cannot fail here (a
// defaults table that broke its own ranges would fail every test of the method).
template <class S>
std::unique_ptr<summarizer> create_with_selection(const std::optional<selection_options>& sel) {
  typename S::options o;
  if (sel) o.selection = *sel;
  return std::move(S::create(o)).value();
}

const std::array kMethods{
    method_row{{"auto",
                "concept coverage by agreement and position; an article by its lead, a timeline "
                "by recency",
                "after Gillick & Favre 2009, with stream signals"},
               &create_with_selection<auto_summarizer>},
    method_row{{"centroid", "MEAD centroid: centroid, position and first-sentence scores",
                "Radev et al., IP&M 2004"},
               &create_with_selection<centroid_summarizer>},
    method_row{
        {"submodular", "coverage plus cluster diversity reward, budgeted lazy greedy (cost-scaled)",
         "Lin & Bilmes, ACL 2011"},
        &create_with_selection<submodular_summarizer>},
    method_row{{"ilp", "bigram concept coverage solved exactly as an ILP (GLPK), ICSISumm",
                "Gillick & Favre, ILP-NLP workshop 2009"},
               &create_with_selection<ilp_summarizer>},
    method_row{{"lexrank", "continuous LexRank: random walk on the sentence similarity graph",
                "Erkan & Radev, JAIR 2004"},
               &create_with_selection<lexrank_summarizer>},
    method_row{{"textrank", "TextRank: weighted PageRank on the sentence word-overlap graph",
                "Mihalcea & Tarau, EMNLP 2004"},
               &create_with_selection<textrank_summarizer>},
    method_row{{"sumbasic", "SumBasic: mean word probability, used words squared after each pick",
                "Nenkova & Vanderwende, MSR-TR-2005-101"},
               &create_with_selection<sumbasic_summarizer>},
    method_row{{"freqsum", "FreqSum: mean word probability, no update step",
                "Nenkova, Vanderwende & McKeown, SIGIR 2006"},
               &create_with_selection<freqsum_summarizer>},
    method_row{{"klsum", "KL-Sum: greedily minimize KL(input || summary) of unigram distributions",
                "Haghighi & Vanderwende, NAACL 2009"},
               &create_with_selection<klsum_summarizer>},
    method_row{{"lead", "the stream's opening sentences (baseline)", "DUC baseline, Over et al. 2007"},
               &create_with_selection<lead_summarizer>},
};

const std::array<method_info, kMethods.size()> kInfos = [] {
  std::array<method_info, kMethods.size()> infos{};
  for (std::size_t i = 0; i < kMethods.size(); ++i) infos[i] = kMethods[i].info;
  return infos;
}();

}  // namespace

std::span<const method_info> methods() { return kInfos; }

std::string_view default_method() { return kMethods.front().info.id; }

result<std::unique_ptr<summarizer>> make_summarizer(
    std::string_view id, const std::optional<selection_options>& selection) {
  if (selection)
    if (auto st = validate(*selection); !st) return st;
  for (const auto& row : kMethods)
    if (row.info.id == id) return row.make(selection);
  std::string known;
  for (const auto& row : kMethods) known += (known.empty() ? "" : ", ") + std::string(row.info.id);
  return not_found("unknown method '" + std::string(id) + "' (known: " + known + ")");
}

}  // namespace sitrep::rank

namespace sitrep::rank {

summary summarize_part(const summarizer& s, const stream::view& v, const budget& b) {
  const vsm::collection& c = v.collection();
  // The options were validated when `c` was made, so making another collection cannot fail.
  auto part = vsm::collection::create(c.config());
  for (std::size_t u = v.first_update(); u < v.end_update(); ++u) part->add(c.updates()[u]);
  // Segmentation is deterministic: the part's sentence i is the stream's first_sentence() + i.
  std::span<const std::uint32_t> groups = v.groups();
  if (!groups.empty()) groups = groups.subspan(v.first_sentence(), v.sentence_count());
  summary out = s.summarize(stream::view(*part, groups), b);
  for (auto& pick : out.sentences) pick.sentence += v.first_sentence();
  return out;
}

}  // namespace sitrep::rank
