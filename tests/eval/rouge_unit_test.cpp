// Unit tests of the ROUGE module: tokenization, morphology, option parsing, Perl's drand48,
// topic matching, and small hand-checked scores.
#include <gtest/gtest.h>

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
        token_case{"-b 11", "abcde\nfghij klm", {"abcde", "fghij"}}));

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
                                           "-3 HM", "-q", "config.xml", "-n 2 settings.xml"));

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
