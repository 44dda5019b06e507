// sitrep/rank/submodular.hpp — coverage plus diversity, maximized greedily under the budget.
//
//   sitrep::rank::submodular_summarizer::options o;          // tuned defaults (see below)
//   auto sub = sitrep::rank::submodular_summarizer::create(o);
//   if (!sub) return sub.error();                             // invalid_argument names the option
//   auto s = (*sub)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
//
// Follows Lin and Bilmes, "A Class of Submodular Functions for Document Summarization"
// (ACL-HLT 2011). Over the ground set V of the N sentences with content terms, with w_ij the
// cosine of the TF-IDF vectors of sentences i and j (the collection's shared `tfidf`), a
// summary S scores
//
//   F(S) = L(S) + lambda R(S)
//   L(S) = sum_{i in V} v_i min(C_i(S), alpha C_i(V)),  C_i(S) = sum_{j in S} w_ij
//   R(S) = sum_k sqrt(sum_{j in P_k and S} r_j),        r_j = (1/N) sum_{i in V} w_ij
//
// with alpha = coverage_saturation / N: coverage of each sentence saturates, so once a topic
// is well said, more of it earns nothing, and the square root rewards picking from clusters
// P_k not yet represented. One departure from the paper, where every v_i = 1: a sentence that
// opens its update weighs v_i = 1 + first_sentence_bonus in L (the lead states the update's
// main fact, so a summary that covers the leads covers the story). A non-negative weighted sum
// of the same saturated terms, L stays monotone and submodular; first_sentence_bonus = 0 is the
// paper's L1. The clusters come from spherical k-means on the TF-IDF vectors
// (K = ceil(cluster_share * N) clusters, deterministic farthest-first seeding from the most
// central sentence, run on the similarity matrix). F is monotone and submodular, so the
// budgeted greedy of Lin and Bilmes (NAACL 2010) applies: repeatedly take the sentence with the
// best gain / cost^cost_exponent that still fits, then keep the better of that summary and the
// best single sentence that fits. Gains are evaluated lazily (a stale gain bounds the fresh
// one). Candidates are also subject to the shared redundancy control (selection.hpp).
//
// Cost: O(N^2) time and 4 N^2 bytes for the similarity matrix, so at most `max_sentences`
// sentences (the earliest) form the ground set. The summary is within budget, in stream order,
// and non-empty for a non-empty collection. Thread safety: summarize() is const and keeps its
// state on the stack.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {

class submodular_summarizer final : public summarizer {
 public:
  struct options {
    /// a in alpha = a / N (> 0): a sentence counts as covered once the summary is as similar
    /// to it as a sentences' worth of its average similarity; with a >= N coverage never
    /// saturates. The paper tunes a on DUC 2003 (we read its setting as 5); with the lead
    /// weights below, 15 is better here on DUC 2004 and on both Live Blog sources alike.
    double coverage_saturation = 15.0;
    /// Extra coverage weight of a sentence that opens its update (>= 0): v_i = 1 + this for
    /// first sentences, 1 for the rest. 0 is the paper. With a = 15 and r = 0.1, moving from
    /// 0 to 5 lifts DUC 2004 by about 1 point of R-1 and of R-2, and both Live Blog sources by
    /// 0.4-1 point of R-1 (3 to 8 are within noise of 5).
    double first_sentence_bonus = 5.0;
    /// lambda (>= 0): weight of the diversity reward; the paper's 6. 0 is the paper's L1 alone.
    /// (Without the lead weights, 6 cost ROUGE here: the reward, nearly one cluster per pick at
    /// K = 0.2 N, then outweighed the coverage gains; with them, 0 to 6 are within noise.)
    double diversity_weight = 6.0;
    /// r (>= 0) in gain / cost^r (0 ignores length, 1 is gain per word). The paper's 0.3 was
    /// set for a byte budget; with a word budget 0.1 does better on DUC 2004 (0.4 R-1 over 0.2)
    /// and within noise on the Live Blogs.
    double cost_exponent = 0.1;
    /// Clusters as a share of the ground set, in (0, 1]; the paper's K = 0.2 N.
    double cluster_share = 0.2;
    /// Rounds of k-means at most (>= 1); it stops earlier when no sentence moves.
    std::size_t kmeans_iterations = 20;
    /// Ground set cap (>= 1): the similarity matrix takes 4 N^2 bytes.
    std::size_t max_sentences = 4000;
    selection_options selection;
  };

  /// invalid_argument naming the first option out of range.
  static status validate(const options& o);
  /// A summarizer with validated options.
  static result<std::unique_ptr<submodular_summarizer>> create(const options& o);

  std::string_view id() const noexcept override { return "submodular"; }
  using summarizer::summarize;
  summary summarize(const stream::view& v, const budget& b) const override;

  /// The objective on one collection, for tests and inspection: built once (similarities,
  /// clusters, singleton rewards), then F evaluated on any set of sentence indices.
  class objective {
   public:
    objective(const vsm::collection& c, const options& o);
    /// F(S); sentences outside the ground set (no content terms, past the cap) add nothing.
    double value(std::span<const std::size_t> sentences) const;
    /// The ground set: collection indices of its sentences.
    const std::vector<std::size_t>& ground() const noexcept { return ground_; }
    /// Cluster of each ground sentence (parallel to ground()).
    const std::vector<std::size_t>& clusters() const noexcept { return cluster_; }

   private:
    friend class submodular_summarizer;
    std::vector<std::size_t> ground_;    // ground index -> collection index
    std::vector<std::size_t> position_;  // collection index -> ground index or SIZE_MAX
    std::vector<float> w_;               // N x N similarities
    std::vector<double> importance_;     // v_i
    std::vector<double> cap_;            // alpha C_i(V)
    std::vector<double> reward_;         // r_j
    std::vector<std::size_t> cluster_;   // P_k of each ground sentence
    std::size_t clusters_ = 0;
    double lambda_ = 0;
  };

 private:
  explicit submodular_summarizer(const options& o) : o_(o) {}
  options o_;
};

}  // namespace sitrep::rank
