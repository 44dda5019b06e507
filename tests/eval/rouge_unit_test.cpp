// Unit tests of the ROUGE module: tokenization, morphology, option parsing, Perl's drand48,
// topic matching, and small hand-checked scores.
#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "sitrep/eval/rouge.hpp"
#include "sitrep/eval/topic_files.hpp"

namespace sitrep::eval {
namespace {

using strings = std::vector<std::string>;

rouge_scorer scorer_for(const char* args) {
  auto o = parse_rouge_args(args);
  EXPECT_TRUE(o.ok()) << args;
  auto s = rouge_scorer::create(*o);
  EXPECT_TRUE(s.ok());
  return *s;
}

struct token_case {
  const char* args;
  const char* text;
  strings tokens;
};

void PrintTo(const token_case& c, std::ostream* os) { *os << "args '" << c.args << "' text '" << c.text << "'"; }

class rouge_tokens_test : public ::testing::TestWithParam<token_case> {};

TEST_P(rouge_tokens_test, Tokenizes) {
  EXPECT_EQ(scorer_for(GetParam().args).tokens(GetParam().text), GetParam().tokens);
}

INSTANTIATE_TEST_SUITE_P(
    table, rouge_tokens_test,
    ::testing::Values(
        token_case{"", "COVID19 cases ROSE to 1,234.", {"covid19", "cases", "rose", "to", "1", "234"}},
        token_case{"", "state-of-the-art -- Al-Mourabitoun's", {"state", "of", "the", "art", "al", "mourabitoun", "s"}},
        token_case{"", "U.S. $3.50 (approx.)", {"u", "s", "3", "50", "approx"}},
        token_case{"", "caf\xc3\xa9 na\xc3\xafve", {"caf", "na", "ve"}},
        token_case{"", "", {}},
        token_case{"-m", "The children went; mice ran", {"the", "child", "go", "mouse", "ran"}},
        token_case{"-m", "generalizations were said", {"gener", "be", "say"}},
        token_case{"-s", "It is a red dog and he is not shy", {"red", "dog", "shy"}},
        // -l counts whitespace-separated words of the raw text, across lines.
        token_case{"-l 3", "one two\nthree four\nfive", {"one", "two", "three"}},
        token_case{"-l 2", "U.S. forces arrived", {"u", "s", "forces"}},
        // -b counts bytes of each line (newlines not counted) and may cut a word.
        token_case{"-b 10", "abcde fghij\nklm", {"abcde", "fghi"}},
        token_case{"-b 11", "abcde\nfghij klm", {"abcde", "fghij"}}),
    [](const auto& info) {
      return sitrep::test_support::test_name(info.index, std::string(info.param.args) + " " + info.param.text);
    });

TEST(rouge_stem, ExceptionsThenPorter) {
  EXPECT_EQ(rouge_stem("geese"), "goose");
  EXPECT_EQ(rouge_stem("went"), "go");
  EXPECT_EQ(rouge_stem("relational"), "relat");
  EXPECT_EQ(rouge_stem("ran"), "ran");    // three letters or fewer: untouched
  EXPECT_EQ(rouge_stem("was"), "was");
  EXPECT_TRUE(is_smart_common_word("the"));
  EXPECT_FALSE(is_smart_common_word("gingrich"));
}

TEST(parse_rouge_args, ReadsTheDucOfficialString) {
  auto o = parse_rouge_args("-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -w 1.2 -l 100 -a");
  ASSERT_TRUE(o.ok()) << o.error().message();
  EXPECT_EQ(o->max_n, 4);
  EXPECT_TRUE(o->stem);
  EXPECT_TRUE(o->skip_bigrams);
  EXPECT_EQ(o->skip_gap, 4);
  EXPECT_TRUE(o->su);
  EXPECT_DOUBLE_EQ(o->confidence, 95);
  EXPECT_EQ(o->resamples, 1000);
  EXPECT_EQ(o->formula, rouge_formula::average);
  EXPECT_DOUBLE_EQ(o->alpha, 0.5);
  EXPECT_EQ(o->unit, counting_unit::sentence);
  EXPECT_TRUE(o->wlcs);
  EXPECT_DOUBLE_EQ(o->wlcs_weight, 1.2);
  EXPECT_EQ(o->word_limit, 100);
  EXPECT_EQ(measure_names(*o),
            (strings{"ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-SU4"}));
}

TEST(parse_rouge_args, BundlesAndNegativeValues) {
  auto o = parse_rouge_args("-mn3 -2 -1 -U -fB -x -e /data -z SPL");
  ASSERT_TRUE(o.ok()) << o.error().message();
  EXPECT_EQ(o->max_n, 3);
  EXPECT_TRUE(o->stem);
  EXPECT_EQ(o->skip_gap, -1);
  EXPECT_EQ(o->formula, rouge_formula::best);
  EXPECT_FALSE(o->lcs);
  EXPECT_EQ(measure_names(*o), (strings{"ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-S*", "ROUGE-SU*"}));
  auto back = parse_rouge_args(to_rouge_args(*o));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(measure_names(*back), measure_names(*o));
}

TEST(parse_rouge_args, EmptyIsTheScriptDefaults) {
  auto o = parse_rouge_args("");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(measure_names(*o), strings{"ROUGE-L"});
}

class parse_rouge_args_bad : public ::testing::TestWithParam<const char*> {};

TEST_P(parse_rouge_args_bad, Rejects) {
  auto o = parse_rouge_args(GetParam());
  ASSERT_FALSE(o.ok()) << GetParam();
  EXPECT_EQ(o.error().code(), error_code::invalid_argument);
  EXPECT_FALSE(o.error().message().empty());
}

INSTANTIATE_TEST_SUITE_P(table, parse_rouge_args_bad,
                         ::testing::Values("-n", "-n x", "-n -1", "-f C", "-t 3", "-p 1.5",
                                           "-c 100", "-r 0", "-w 0.5", "-2 -2", "-u", "-l 10 -b 10",
                                           "-3 HM", "-q", "config.xml", "-n 2 settings.xml"),
                         [](const auto& info) { return sitrep::test_support::test_name(info.index, info.param); });

// Values that once drove allocation or loops without bound, or read as something else than
// written: each is refused, as invalid_argument naming its option, before anything is sized.
struct bad_value_case {
  const char* name;
  const char* args;
  const char* option;  // as the message names it
};

void PrintTo(const bad_value_case& c, std::ostream* os) { *os << c.args; }

class rouge_option_ranges : public ::testing::TestWithParam<bad_value_case> {};

TEST_P(rouge_option_ranges, RefusesWithTheOptionNamed) {
  auto o = parse_rouge_args(GetParam().args);
  ASSERT_FALSE(o.ok()) << GetParam().args;
  EXPECT_EQ(o.error().code(), error_code::invalid_argument);
  EXPECT_NE(o.error().message().find(GetParam().option), std::string::npos)
      << o.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    table, rouge_option_ranges,
    ::testing::Values(
        bad_value_case{"n_int_max", "-n 2147483647", "-n"},
        bad_value_case{"n_bundled_huge", "-n444444444", "-n"},
        bad_value_case{"n_ten", "-n 10", "-n"},
        bad_value_case{"n_overflow", "-n 99999999999999999999", "-n"},
        bad_value_case{"n_hex", "-n 0x4", "-n"},
        bad_value_case{"n_plus", "-n +4", "-n"},
        bad_value_case{"n_junk", "-n 4x", "-n"},
        bad_value_case{"r_int_max", "-r 2147483647", "-r"},
        bad_value_case{"r_over_bound", "-r 100001", "-r"},
        bad_value_case{"r_negative", "-r -5", "-r"},
        bad_value_case{"w_huge", "-w 1e308", "-w"},
        bad_value_case{"w_over_bound", "-w 10.5", "-w"},
        bad_value_case{"w_inf", "-w inf", "-w"},
        bad_value_case{"w_nan", "-w nan", "-w"},
        bad_value_case{"w_hex_float", "-w 0x1.8p0", "-w"},
        bad_value_case{"w_overflow", "-w 1e999", "-w"},
        bad_value_case{"c_zero", "-c 0", "-c"},
        bad_value_case{"c_nan", "-c nan", "-c"},
        bad_value_case{"c_junk", "-c 95%", "-c"},
        bad_value_case{"p_negative", "-p -0.1", "-p"},
        bad_value_case{"p_inf", "-p inf", "-p"},
        bad_value_case{"l_negative", "-l -1", "-l"},
        bad_value_case{"l_huge", "-l 1000001", "-l"},
        bad_value_case{"b_huge", "-b 10000001", "-b"},
        bad_value_case{"skip_gap_huge", "-2 10001", "-2"},
        bad_value_case{"skip_gap_overflow", "-2 4294967296", "-2"},
        bad_value_case{"t_junk", "-t 1.0", "-t"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(parse_rouge_args, AcceptsTheEdgesOfEachRange) {
  auto o = parse_rouge_args("-n 9 -r 100000 -w 10 -c 99.9 -p 0 -l 1000000 -2 10000 -U");
  ASSERT_TRUE(o.ok()) << o.error().message();
  EXPECT_EQ(o->max_n, kMaxRougeN);
  EXPECT_EQ(o->resamples, kMaxRougeResamples);
  EXPECT_EQ(o->wlcs_weight, kMaxRougeWeight);
  auto p = parse_rouge_args("-n 0 -r 1 -w 1 -c 0.1 -p 1 -b 10000000 -2 0 -w .5e1");
  ASSERT_TRUE(p.ok()) << p.error().message();
  EXPECT_EQ(p->wlcs_weight, 5.0);
}

TEST(set_rouge_option, OneOptionAsTheStringReadsIt) {
  rouge_options o;
  EXPECT_TRUE(set_rouge_option(o, 'n', "3").is_ok());
  EXPECT_EQ(o.max_n, 3);
  EXPECT_TRUE(set_rouge_option(o, 'm', "").is_ok());
  EXPECT_TRUE(o.stem);
  EXPECT_TRUE(set_rouge_option(o, 'w', "1.5").is_ok());
  EXPECT_TRUE(o.wlcs);
  EXPECT_FALSE(set_rouge_option(o, 'n', "010").is_ok());  // decimal ten: out of range ...
  rouge_options q;
  EXPECT_TRUE(set_rouge_option(q, 'n', "04").is_ok());  // ... and 04 is four, never octal
  EXPECT_EQ(q.max_n, 4);
  EXPECT_EQ(set_rouge_option(q, 'r', "1e3").code(), error_code::invalid_argument);
  EXPECT_EQ(set_rouge_option(q, 'q', "").code(), error_code::invalid_argument);
}

// to_rouge_args is the inverse of parse_rouge_args: every double reads back bit for bit.
TEST(to_rouge_args, RoundTripsEveryNumberExactly) {
  std::mt19937_64 rng(20240611);
  std::uniform_real_distribution<double> weight(1.0, 10.0), alpha(0.0, 1.0), conf(0.0, 100.0);
  std::vector<rouge_options> cases;
  auto with = [](double w, double a, double c) {
    rouge_options o;
    o.max_n = 2;
    o.wlcs = true;
    o.wlcs_weight = w;
    o.alpha = a;
    o.confidence = c;
    return o;
  };
  // Values %.15g loses, the edges of each range, and numbers needing an exponent.
  cases.push_back(with(1.2000000000000002, 0.1 + 0.2, 95.00000000000001));
  cases.push_back(with(1.0, 0.0, std::nextafter(0.0, 1.0)));
  cases.push_back(with(10.0, 1.0, std::nextafter(100.0, 0.0)));
  cases.push_back(with(std::nextafter(1.0, 2.0), 1e-300, 1e-5));
  cases.push_back(with(std::nextafter(10.0, 0.0), std::nextafter(1.0, 0.0), 33.333333333333336));
  for (int i = 0; i < 5000; ++i) {
    double c = conf(rng);
    if (c <= 0) c = 50;
    cases.push_back(with(weight(rng), alpha(rng), c));
  }
  for (const auto& o : cases) {
    ASSERT_TRUE(o.validate().is_ok());
    const std::string args = to_rouge_args(o);
    auto back = parse_rouge_args(args);
    ASSERT_TRUE(back.ok()) << args << ": " << back.error().message();
    EXPECT_EQ(*back, o) << args;
    EXPECT_EQ(back->wlcs_weight, o.wlcs_weight) << args;
    EXPECT_EQ(back->alpha, o.alpha) << args;
    EXPECT_EQ(back->confidence, o.confidence) << args;
  }
}

TEST(to_rouge_args, RoundTripsEveryOtherOption) {
  for (const char* args : {"", "-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -w 1.2 -l 100",
                           "-mn3 -2 -1 -U -fB -x", "-s -b 665 -t 2 -r 1", "-n 9 -2 0 -u -t 1"}) {
    auto o = parse_rouge_args(args);
    ASSERT_TRUE(o.ok()) << args;
    auto back = parse_rouge_args(to_rouge_args(*o));
    ASSERT_TRUE(back.ok()) << to_rouge_args(*o);
    EXPECT_EQ(*back, *o) << args << " -> " << to_rouge_args(*o);
  }
}

TEST(measure_names, KeepsThePerlSpellingOfTheWeight) {
  auto o = parse_rouge_args("-w 1.2");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(measure_names(*o).back(), "ROUGE-W-1.2");
}

TEST(perl_drand48, MatchesPerlRand) {
  // perl -e 'srand(1); printf "%.17g\n", rand()' on a drand48 build, and so on.
  perl_drand48 r(0);
  EXPECT_DOUBLE_EQ(r.rand(), 0.17082803610628972);
  EXPECT_DOUBLE_EQ(r.rand(), 0.74990198048496381);
  r.srand(1);
  EXPECT_DOUBLE_EQ(r.rand(), 0.041630344771878214);
  EXPECT_DOUBLE_EQ(r.rand(), 0.45449244472862915);
  EXPECT_DOUBLE_EQ(r.rand(), 0.8348172181669149);
  r.srand(42);
  EXPECT_DOUBLE_EQ(r.rand(), 0.74452500006100664);
}

TEST(round5, RoundsLikeSprintf) {
  EXPECT_DOUBLE_EQ(round5(0.123456), 0.12346);
  EXPECT_DOUBLE_EQ(round5(2.0 / 3.0), 0.66667);
  EXPECT_DOUBLE_EQ(round5(0.0), 0.0);
}

TEST(rouge_scorer, HandCheckedScores) {
  auto s = scorer_for("-n 2 -2 4 -u");
  std::vector<std::string_view> refs{"the cat sat on the mat"};
  auto scores = s.score("the cat sat", refs);
  ASSERT_EQ(s.measures(), (strings{"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"}));
  EXPECT_DOUBLE_EQ(scores[0].score.recall, 0.5);      // 3 of 6
  EXPECT_DOUBLE_EQ(scores[0].score.precision, 1.0);
  EXPECT_DOUBLE_EQ(scores[0].score.f, round5(2.0 / 3.0));
  EXPECT_DOUBLE_EQ(scores[1].score.recall, 0.4);      // 2 of 5 bigrams
  EXPECT_DOUBLE_EQ(scores[2].score.recall, 0.5);      // LCS "the cat sat"
  // SU4: skip bigrams within distance 5 plus every unigram but the last.
  EXPECT_DOUBLE_EQ(scores[3].counts.peer, 3 + 2);
  EXPECT_DOUBLE_EQ(scores[3].counts.model, 15 + 5);
  auto none = s.score("anything", {});
  EXPECT_DOUBLE_EQ(none[0].score.recall, 0.0);
}

TEST(rouge_scorer, EvaluateRejectsBadSets) {
  auto s = scorer_for("-n 1");
  EXPECT_FALSE(s.evaluate({}).ok());
  std::vector<topic_input> dup{{"a", "x", {"x"}}, {"a", "y", {"y"}}};
  EXPECT_FALSE(s.evaluate(dup).ok());
  std::vector<topic_input> noref{{"a", "x", {}}};
  auto r = s.evaluate(noref);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("'a'"), std::string::npos);
}

TEST(match_topics, ByLongestTopicPrefix) {
  auto m = match_topics({"d1.txt", "d1.x.txt", "d2.txt"},
                        {"d2.B.txt", "d1.A.txt", "d1.x.A.txt", "d2.A.txt"});
  ASSERT_TRUE(m.ok()) << m.error().message();
  ASSERT_EQ(m->size(), 3u);
  EXPECT_EQ((*m)[0].first, "d1");
  EXPECT_EQ((*m)[0].second, std::vector<std::size_t>{1});
  EXPECT_EQ((*m)[1].first, "d1.x");
  EXPECT_EQ((*m)[1].second, std::vector<std::size_t>{2});
  EXPECT_EQ((*m)[2].first, "d2");
  EXPECT_EQ((*m)[2].second, (std::vector<std::size_t>{3, 0}));  // sorted by file name
}

TEST(match_topics, NamesTheTopicOnErrors) {
  auto no_ref = match_topics({"d1.txt", "d2.txt"}, {"d1.A.txt"});
  ASSERT_FALSE(no_ref.ok());
  EXPECT_EQ(no_ref.error().code(), error_code::not_found);
  EXPECT_NE(no_ref.error().message().find("'d2'"), std::string::npos);
  auto no_sys = match_topics({"d1.txt"}, {"d1.A.txt", "d3.A.txt"});
  ASSERT_FALSE(no_sys.ok());
  EXPECT_NE(no_sys.error().message().find("'d3'"), std::string::npos);
}

TEST(load_topics, MissingFolderIsAnIoError) {
  auto t = load_topics("/nonexistent/sys", "/nonexistent/ref");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code(), error_code::io_error);
}

}  // namespace
}  // namespace sitrep::eval
