// Every method's options are validated by its create(): each out-of-range option is refused as
// invalid_argument naming the method and the option, and the defaults are accepted.
#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include <cmath>
#include <functional>
#include <limits>
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

namespace sitrep::rank {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

struct bad_options_case {
  const char* name;
  const char* expected;  // in the message: "<method>: <option>"
  std::function<status()> create;  // creates the method with one bad option
};

// create() with options `o` after `change`, as a status.
template <class S>
std::function<status()> with(std::function<void(typename S::options&)> change) {
  return [change] {
    typename S::options o;
    change(o);
    auto made = S::create(o);
    return made.ok() ? status::ok() : made.error();
  };
}

void PrintTo(const bad_options_case& c, std::ostream* os) { *os << c.name; }

class InvalidOptions : public ::testing::TestWithParam<bad_options_case> {};

TEST_P(InvalidOptions, AreRefusedByCreate) {
  status st = GetParam().create();
  ASSERT_FALSE(st.is_ok()) << GetParam().name;
  EXPECT_EQ(st.code(), error_code::invalid_argument);
  EXPECT_NE(st.message().find(GetParam().expected), std::string::npos) << st.message();
}

using C = centroid_summarizer;
using L = lexrank_summarizer;
using T = textrank_summarizer;
using SB = sumbasic_summarizer;
using FS = freqsum_summarizer;
using K = klsum_summarizer;
using LD = lead_summarizer;
using A = auto_summarizer;

INSTANTIATE_TEST_SUITE_P(
    Table, InvalidOptions,
    ::testing::Values(
        bad_options_case{"centroid_zero_terms", "centroid: centroid_terms",
                         with<C>([](auto& o) { o.centroid_terms = 0; })},
        bad_options_case{"centroid_negative_position", "centroid: position_weight",
                         with<C>([](auto& o) { o.position_weight = -1; })},
        bad_options_case{"centroid_nan_first", "centroid: first_sentence_weight",
                         with<C>([](auto& o) { o.first_sentence_weight = kNaN; })},
        bad_options_case{"centroid_bad_selection", "max_similarity",
                         with<C>([](auto& o) { o.selection.max_similarity = 2; })},
        bad_options_case{"lexrank_damping_one", "lexrank: damping",
                         with<L>([](auto& o) { o.damping = 1; })},
        bad_options_case{"lexrank_damping_zero", "lexrank: damping",
                         with<L>([](auto& o) { o.damping = 0; })},
        bad_options_case{"lexrank_damping_nan", "lexrank: damping",
                         with<L>([](auto& o) { o.damping = kNaN; })},
        bad_options_case{"lexrank_threshold", "lexrank: edge_threshold",
                         with<L>([](auto& o) { o.edge_threshold = -0.5; })},
        bad_options_case{"lexrank_tolerance_zero", "lexrank: tolerance",
                         with<L>([](auto& o) { o.tolerance = 0; })},
        bad_options_case{"lexrank_zero_iterations", "lexrank: max_iterations",
                         with<L>([](auto& o) { o.max_iterations = 0; })},
        bad_options_case{"lexrank_zero_sentences", "lexrank: max_sentences",
                         with<L>([](auto& o) { o.max_sentences = 0; })},
        bad_options_case{"textrank_damping", "textrank: damping",
                         with<T>([](auto& o) { o.damping = 1.5; })},
        bad_options_case{"textrank_tolerance_inf", "textrank: tolerance",
                         with<T>([](auto& o) { o.tolerance = kInf; })},
        bad_options_case{"textrank_zero_iterations", "textrank: max_iterations",
                         with<T>([](auto& o) { o.max_iterations = 0; })},
        bad_options_case{"textrank_zero_sentences", "textrank: max_sentences",
                         with<T>([](auto& o) { o.max_sentences = 0; })},
        bad_options_case{"sumbasic_bad_count", "sumbasic: count",
                         with<SB>([](auto& o) { o.count = static_cast<word_count>(7); })},
        bad_options_case{"sumbasic_bad_selection", "budget_share",
                         with<SB>([](auto& o) { o.selection.budget_share = -1; })},
        bad_options_case{"freqsum_bad_count", "freqsum: count",
                         with<FS>([](auto& o) { o.count = static_cast<word_count>(7); })},
        bad_options_case{"klsum_negative_smoothing", "klsum: smoothing",
                         with<K>([](auto& o) { o.smoothing = -0.1; })},
        bad_options_case{"klsum_nan_smoothing", "klsum: smoothing",
                         with<K>([](auto& o) { o.smoothing = kNaN; })},
        bad_options_case{"lead_bad_selection", "max_containment",
                         with<LD>([](auto& o) { o.selection.max_containment = 0; })},
        bad_options_case{"auto_negative_unigram", "auto: unigram_weight",
                         with<A>([](auto& o) { o.unigram_weight = -1; })},
        bad_options_case{"auto_zero_support", "auto: min_support",
                         with<A>([](auto& o) { o.min_support = 0; })},
        bad_options_case{"auto_nan_boost", "auto: position_boost",
                         with<A>([](auto& o) { o.position_boost = kNaN; })},
        bad_options_case{"auto_negative_decay", "auto: position_decay",
                         with<A>([](auto& o) { o.position_decay = -2; })},
        bad_options_case{"auto_fraction", "auto: recent_fraction",
                         with<A>([](auto& o) { o.recent_fraction = 1.5; })},
        bad_options_case{"auto_opening_fraction", "auto: opening_fraction",
                         with<A>([](auto& o) { o.opening_fraction = -0.1; })},
        bad_options_case{"auto_copy_similarity", "auto: copy_similarity",
                         with<A>([](auto& o) { o.copy_similarity = kNaN; })},
        bad_options_case{"auto_length_exponent", "auto: length_exponent",
                         with<A>([](auto& o) { o.length_exponent = kInf; })},
        bad_options_case{"auto_cost_exponent", "auto: cost_exponent",
                         with<A>([](auto& o) { o.cost_exponent = -1; })},
        bad_options_case{"auto_min_concept_share", "auto: min_concept_share",
                         with<A>([](auto& o) { o.min_concept_share = kInf; })},
        bad_options_case{"ilp_zero_time", "ilp: time_limit_seconds",
                         with<ilp_summarizer>([](auto& o) { o.time_limit_seconds = 0; })},
        bad_options_case{"submodular_bad_selection", "max_similarity",
                         with<submodular_summarizer>(
                             [](auto& o) { o.selection.max_similarity = kNaN; })}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ValidOptions, DefaultsAndEdgesAreAccepted) {
  EXPECT_TRUE(C::create({}).ok());
  EXPECT_TRUE(L::create({}).ok());
  EXPECT_TRUE(T::create({}).ok());
  EXPECT_TRUE(SB::create({}).ok());
  EXPECT_TRUE(FS::create({}).ok());
  EXPECT_TRUE(K::create({}).ok());
  EXPECT_TRUE(LD::create({}).ok());
  EXPECT_TRUE(A::create({}).ok());
  K::options k;
  k.smoothing = 0;  // taken as 1e-9, documented
  EXPECT_TRUE(K::create(k).ok());
  A::options a;
  a.length_exponent = -1;  // any finite exponent
  a.position_decay = 0;    // no position prior
  a.swap_rounds = 0;       // greedy only
  EXPECT_TRUE(A::create(a).ok());
  L::options l;
  l.edge_threshold = 1;
  EXPECT_TRUE(L::create(l).ok());
}

}  // namespace
}  // namespace sitrep::rank
