#include "sitrep/text/sentence_splitter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::text {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> sentences(std::string_view text, sentence_splitter::options opts = {}) {
  std::vector<std::string> out;
  for (byte_span s : sentence_splitter(opts).split(text))
    out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

struct split_case {
  const char* kind;
  const char* input;
  std::vector<std::string> expected;
};

// Each row: what it exercises, the input, the sentences expected.
const std::vector<split_case> kCases = {
    // --- plain sentences, ? and ! ---
    {"plain", "One sentence.", {"One sentence."}},
    {"plain", "First. Second.", {"First.", "Second."}},
    {"plain", "No final stop", {"No final stop"}},
    {"plain", "The sun set. Clouds gathered.", {"The sun set.", "Clouds gathered."}},
    {"plain-initial-colon", "A: Yes. B: No.", {"A: Yes.", "B: No."}},
    {"plain", "  padded.   Both sides.  ", {"padded.", "Both sides."}},
    {"question", "Who did it? Police do not know.", {"Who did it?", "Police do not know."}},
    {"exclaim", "Run! They are coming.", {"Run!", "They are coming."}},
    {"interrobang", "Really?! Yes, really.", {"Really?!", "Yes, really."}},
    {"bangs", "Goal!!! The crowd erupts.", {"Goal!!!", "The crowd erupts."}},
    {"question-lower", "\"Where is he?\" she asked.", {"\"Where is he?\" she asked."}},
    {"exclaim-lower", "\"Stop!\" he shouted.", {"\"Stop!\" he shouted."}},
    {"question-no-space", "What?Nothing.", {"What?Nothing."}},
    {"yahoo",
     "Shares of Yahoo! rose. Then they fell.",
     {"Shares of Yahoo! rose.", "Then they fell."}},
    {"question-comma", "\"Why?\", he asked.", {"\"Why?\", he asked."}},
    {"question-digit", "How many? 27 people died.", {"How many?", "27 people died."}},

    // --- titles ---
    {"title",
     "Col. Smith left at 5:30 p.m. on Jan. 3. He said so.",
     {"Col. Smith left at 5:30 p.m. on Jan. 3.", "He said so."}},
    {"title", "Mr. Obama spoke.", {"Mr. Obama spoke."}},
    {"title", "Mrs. Clinton and Ms. Warren met.", {"Mrs. Clinton and Ms. Warren met."}},
    {"title", "Dr. Jones treated him. He lived.", {"Dr. Jones treated him.", "He lived."}},
    {"title",
     "Gen. Mattis and Lt. Gen. McMaster arrived.",
     {"Gen. Mattis and Lt. Gen. McMaster arrived."}},
    {"title", "Sgt. First Class Ruiz was hurt.", {"Sgt. First Class Ruiz was hurt."}},
    {"title", "Prof. Lee said it. Sen. Reid agreed.", {"Prof. Lee said it.", "Sen. Reid agreed."}},
    {"title", "Rep. Pelosi and Gov. Brown spoke.", {"Rep. Pelosi and Gov. Brown spoke."}},
    {"title",
     "He met Capt. Phillips. The ship sank.",
     {"He met Capt. Phillips.", "The ship sank."}},
    {"title-before-starter",
     "Sen. The Honourable member spoke.",
     {"Sen. The Honourable member spoke."}},
    {"title-and", "I saw Mr. and Mrs. Smith.", {"I saw Mr. and Mrs. Smith."}},
    {"title-rev",
     "The Rev. Martin Luther King Jr. spoke.",
     {"The Rev. Martin Luther King Jr. spoke."}},
    {"title-lower", "The dr. said no.", {"The dr. said no."}},
    {"title-bracket", "The officer (Lt. Ross) fired.", {"The officer (Lt. Ross) fired."}},
    {"title-hyphen", "The ex-Gov. Perry spoke.", {"The ex-Gov. Perry spoke."}},
    {"saint", "They prayed at St. Paul's Cathedral.", {"They prayed at St. Paul's Cathedral."}},
    {"saint-end",
     "He lives on Main St. The house burned.",
     {"He lives on Main St.", "The house burned."}},
    {"suffix",
     "Martin Luther King Jr. was born in 1929.",
     {"Martin Luther King Jr. was born in 1929."}},
    {"suffix-end", "He met Bush Sr. The two talked.", {"He met Bush Sr.", "The two talked."}},

    // --- U.S., U.N. and other dotted abbreviations ---
    {"us", "The U.S. Army said so.", {"The U.S. Army said so."}},
    {"us-end",
     "He lives in the U.S. The rest live abroad.",
     {"He lives in the U.S.", "The rest live abroad."}},
    {"un",
     "The U.N. Security Council met. It voted.",
     {"The U.N. Security Council met.", "It voted."}},
    {"un-end",
     "Aid came from the U.N. But it was late.",
     {"Aid came from the U.N.", "But it was late."}},
    {"uk", "The U.K. government agreed.", {"The U.K. government agreed."}},
    {"dc",
     "They flew to Washington, D.C. The talks began.",
     {"They flew to Washington, D.C.", "The talks began."}},
    {"acronym-unlisted", "The F.B.I. Director resigned.", {"The F.B.I. Director resigned."}},
    {"acronym-unlisted-end",
     "He called the F.B.I. They came.",
     {"He called the F.B.I.", "They came."}},
    {"phd", "She has a Ph.D. in physics.", {"She has a Ph.D. in physics."}},
    {"usa-no-space", "Made in the U.S.A. Then shipped.", {"Made in the U.S.A.", "Then shipped."}},
    {"usa-inner", "U.S.A won the game.", {"U.S.A won the game."}},

    // --- companies ---
    {"inc", "Apple Inc. said profits rose.", {"Apple Inc. said profits rose."}},
    {"inc-end",
     "He works for Apple Inc. The firm is big.",
     {"He works for Apple Inc.", "The firm is big."}},
    {"inc-name",
     "Apple Inc. Chief Executive Tim Cook spoke.",
     {"Apple Inc. Chief Executive Tim Cook spoke."}},
    {"corp", "Microsoft Corp. and Sony Corp. agreed.", {"Microsoft Corp. and Sony Corp. agreed."}},
    {"ltd", "Acme Ltd. It was founded in 1990.", {"Acme Ltd.", "It was founded in 1990."}},
    {"co", "Ford Motor Co. recalled cars.", {"Ford Motor Co. recalled cars."}},
    {"no", "He lives at No. 10 Downing Street.", {"He lives at No. 10 Downing Street."}},
    {"no-word", "She said no. The deal collapsed.", {"She said no.", "The deal collapsed."}},
    {"no-answer", "Did he win? No. He lost.", {"Did he win?", "No.", "He lost."}},
    {"vs", "It was Germany vs. Brazil in the final.", {"It was Germany vs. Brazil in the final."}},
    {"v-legal", "Roe v. Wade was decided in 1973.", {"Roe v. Wade was decided in 1973."}},

    // --- etc. ---
    {"etc-mid", "Guns, knives, etc. were seized.", {"Guns, knives, etc. were seized."}},
    {"etc-end",
     "They sold bread, milk, etc. Prices rose.",
     {"They sold bread, milk, etc.", "Prices rose."}},
    {"etc-digit", "Items 1, 2, etc. 5 were missing.", {"Items 1, 2, etc. 5 were missing."}},
    {"etc-paren",
     "Fruit (apples, pears, etc.) is cheap.",
     {"Fruit (apples, pears, etc.) is cheap."}},

    // --- months ---
    {"month", "On Jan. 3 the talks began.", {"On Jan. 3 the talks began."}},
    {"month",
     "The attacks of Sept. 11 changed everything.",
     {"The attacks of Sept. 11 changed everything."}},
    {"month",
     "Elections are due Oct. 12. Voters are angry.",
     {"Elections are due Oct. 12.", "Voters are angry."}},
    {"month", "It happened on Feb. 28, 2022.", {"It happened on Feb. 28, 2022."}},
    {"month", "Aug. 4 was the day. Nov. 5 was next.", {"Aug. 4 was the day.", "Nov. 5 was next."}},
    {"month-end",
     "It was delayed until Dec. The plan failed.",
     {"It was delayed until Dec.", "The plan failed."}},

    // --- e.g., i.e. ---
    {"eg", "Some cities, e.g. Paris, banned cars.", {"Some cities, e.g. Paris, banned cars."}},
    {"ie", "The capital, i.e. Kyiv, was shelled.", {"The capital, i.e. Kyiv, was shelled."}},
    {"eg-lower", "Use a tool, e.g. a hammer.", {"Use a tool, e.g. a hammer."}},
    {"eg-no-space", "Use a tool, e.g.the hammer.", {"Use a tool, e.g.the hammer."}},
    {"eg-paren", "Some (e.g. The Times) refused.", {"Some (e.g. The Times) refused."}},

    // --- times ---
    {"time",
     "The blast came at 5:30 p.m. local time.",
     {"The blast came at 5:30 p.m. local time."}},
    {"time-end",
     "They met at 5:30 p.m. The next day they left.",
     {"They met at 5:30 p.m.", "The next day they left."}},
    {"time-weekday",
     "The vote is at 9 a.m. Monday in Paris.",
     {"The vote is at 9 a.m. Monday in Paris."}},
    {"time-zone", "It starts at 8 p.m. EST tonight.", {"It starts at 8 p.m. EST tonight."}},
    {"time-news",
     "Islamist gunmen attacked the Radisson Blu hotel in Bamako, Mali's capital, at about "
     "7 a.m. local time. At least 27 people were killed.",
     {"Islamist gunmen attacked the Radisson Blu hotel in Bamako, Mali's capital, at about 7 a.m. "
      "local time.",
      "At least 27 people were killed."}},
    {"time-starter",
     "Shots rang out at 2 a.m. Police arrived at 2:10 a.m. Nobody was hurt.",
     {"Shots rang out at 2 a.m.", "Police arrived at 2:10 a.m.", "Nobody was hurt."}},
    {"time-upper",
     "Curfew begins at 10 P.M. Shops will close.",
     {"Curfew begins at 10 P.M.", "Shops will close."}},
    {"time-colon", "At 14:00 GMT. the market closed.", {"At 14:00 GMT. the market closed."}},

    // --- initials ---
    {"initials", "J. R. R. Tolkien wrote it.", {"J. R. R. Tolkien wrote it."}},
    {"initials", "George W. Bush visited Iraq.", {"George W. Bush visited Iraq."}},
    {"initials",
     "Franklin D. Roosevelt died in 1945. Truman took over.",
     {"Franklin D. Roosevelt died in 1945.", "Truman took over."}},
    {"initials-compact", "J.K. Rowling wrote it.", {"J.K. Rowling wrote it."}},
    {"initial-p", "John P. Smith said it.", {"John P. Smith said it."}},
    {"initial-end",
     "They chose Plan B. The rest failed.",
     {"They chose Plan B.", "The rest failed."}},
    {"initial-nonascii", "Łukasz Ł. Nowak won.", {"Łukasz Ł. Nowak won."}},

    // --- numbers and money ---
    {"money", "It costs $3.50 now. Prices rose.", {"It costs $3.50 now.", "Prices rose."}},
    {"percent", "Growth was 3.5% last year.", {"Growth was 3.5% last year."}},
    {"thousands", "It sold for 1,000.50 euros.", {"It sold for 1,000.50 euros."}},
    {"number-end",
     "The toll rose to 27. Rescuers kept digging.",
     {"The toll rose to 27.", "Rescuers kept digging."}},
    {"number-next",
     "The toll rose in 2015. 2016 was worse.",
     {"The toll rose in 2015.", "2016 was worse."}},
    {"decimal-end", "Inflation hit 3.5. Markets fell.", {"Inflation hit 3.5.", "Markets fell."}},
    {"version", "Version 2.0.1 is out.", {"Version 2.0.1 is out."}},
    {"ordinal-list", "1. Go home. 2. Sleep.", {"1.", "Go home.", "2.", "Sleep."}},

    // --- ellipses ---
    {"ellipsis-lower", "Wait... what happened?", {"Wait... what happened?"}},
    {"ellipsis-upper", "He left... The end.", {"He left...", "The end."}},
    {"ellipsis-unicode", "He left… The end.", {"He left…", "The end."}},
    {"ellipsis-unicode-lower", "Wait… what?", {"Wait… what?"}},
    {"ellipsis-spaced", "He said . . . nothing.", {"He said . . . nothing."}},
    {"ellipsis-spaced-upper",
     "He hesitated . . . Then he left.",
     {"He hesitated . . .", "Then he left."}},
    {"ellipsis-stutter", "I... I don't know.", {"I... I don't know."}},
    {"ellipsis-no-space", "Wait...What?", {"Wait...What?"}},
    {"ellipsis-quote", "\"Well...\" He stopped.", {"\"Well...\"", "He stopped."}},
    {"two-dots", "Hmm.. The end.", {"Hmm..", "The end."}},

    // --- URLs and e-mail ---
    {"url",
     "See https://example.com/a.b?c=d for details.",
     {"See https://example.com/a.b?c=d for details."}},
    {"url-end",
     "Read https://example.com/a.b?c=d. Then reply.",
     {"Read https://example.com/a.b?c=d.", "Then reply."}},
    {"www", "Visit www.bbc.co.uk for news.", {"Visit www.bbc.co.uk for news."}},
    {"www-end", "Visit www.bbc.co.uk. It has news.", {"Visit www.bbc.co.uk.", "It has news."}},
    {"email", "Write to j.doe@example.org today.", {"Write to j.doe@example.org today."}},
    {"email-end",
     "Write to j.doe@example.org. He answers.",
     {"Write to j.doe@example.org.", "He answers."}},
    {"domain-caps", "Go to Example.COM now.", {"Go to Example.COM now."}},
    {"file", "Open report.pdf first.", {"Open report.pdf first."}},

    // --- quotes and brackets after the stop ---
    {"quote", "He said \"go.\" Then he left.", {"He said \"go.\"", "Then he left."}},
    {"quote-curly", "He said “go.” Then he left.", {"He said “go.”", "Then he left."}},
    {"quote-single", "He said 'go.' Then he left.", {"He said 'go.'", "Then he left."}},
    {"quote-curly-single", "He said ‘go.’ Then he left.", {"He said ‘go.’", "Then he left."}},
    {"paren", "(See below.) The rest follows.", {"(See below.)", "The rest follows."}},
    {"paren-after",
     "He left (finally). Then he called.",
     {"He left (finally).", "Then he called."}},
    {"bracket", "It ended [sic.] Then it began.", {"It ended [sic.]", "Then it began."}},
    {"quote-question", "\"Why?\" Nobody knew.", {"\"Why?\"", "Nobody knew."}},
    {"quote-multi",
     "\"We left. We came back.\" Then silence.",
     {"\"We left.", "We came back.\"", "Then silence."}},
    {"quote-opens-next", "He left.\"Then\" was the word.", {"He left.\"Then\" was the word."}},
    {"quote-next",
     "He left. \"We are safe,\" she said.",
     {"He left.", "\"We are safe,\" she said."}},
    {"guillemets-spaced", "« Je pars. » Il est parti.", {"« Je pars. »", "Il est parti."}},
    {"quote-dash",
     "\"This is awful!!\" — a reader wrote.",
     {"\"This is awful!!\" — a reader wrote."}},
    {"two-quotes", "\"Is it over?\" \"No.\"", {"\"Is it over?\"", "\"No.\""}},
    {"guillemets", "Il a dit «non.» Puis il est parti.", {"Il a dit «non.»", "Puis il est parti."}},

    // --- missing space ---
    {"no-space",
     "The gunmen arrived.The police fled.",
     {"The gunmen arrived.", "The police fled."}},
    {"no-space-a", "He arrived.A man was shot.", {"He arrived.", "A man was shot."}},
    {"no-space-title", "Ask Mr.Smith today.", {"Ask Mr.Smith today."}},
    {"no-space-camel", "It runs on Node.JS servers.", {"It runs on Node.JS servers."}},
    {"no-space-digit", "Pi is 3.14 roughly.", {"Pi is 3.14 roughly."}},
    {"no-space-lower", "It ended.then it began.", {"It ended.then it began."}},

    // --- tokenized, lowercased text (Live Blog Corpus) ---
    {"tokenized",
     "he said : we 're here . more soon ! ok ?",
     {"he said : we 're here .", "more soon !", "ok ?"}},
    {"tokenized",
     "police say 27 people died . the hotel is secure .",
     {"police say 27 people died .", "the hotel is secure ."}},
    {"tokenized", "is it over ? no , not yet .", {"is it over ?", "no , not yet ."}},
    {"tokenized-abbrev",
     "the u.s. army said it was ready . more later",
     {"the u.s. army said it was ready .", "more later"}},
    {"tokenized-abbrev-end",
     "troops left the u.s. . more later",
     {"troops left the u.s. .", "more later"}},
    {"tokenized-ellipsis", "wait ... what", {"wait ... what"}},
    {"tokenized-quote",
     "he said \" go . \" then he left .",
     {"he said \" go . \"", "then he left ."}},
    {"tokenized-ptb-quote",
     "he said `` go . '' then he left .",
     {"he said `` go . ''", "then he left ."}},
    {"tokenized-paren", "( see below . ) more", {"( see below . )", "more"}},
    {"tokenized-quote-opens",
     "he left . \" we are safe , \" she said .",
     {"he left .", "\" we are safe , \" she said ."}},
    {"tokenized-upper", "He left . The end .", {"He left .", "The end ."}},
    {"tokenized-repeated",
     "eavis presley ? ? glastonbury founder",
     {"eavis presley ? ?", "glastonbury founder"}},
    {"tokenized-abbrev-title",
     "mr. smith and mrs. jones spoke .",
     {"mr. smith and mrs. jones spoke ."}},

    // --- Unicode punctuation ---
    {"cjk", "北京下雨了。我们在家。", {"北京下雨了。", "我们在家。"}},
    {"cjk-fullwidth", "真的吗？是的！", {"真的吗？", "是的！"}},
    {"cjk-quote", "他说：“走。”我们走了。", {"他说：“走。”", "我们走了。"}},
    {"cjk-bracket", "「行こう。」彼は言った。", {"「行こう。」", "彼は言った。"}},
    {"devanagari", "वह घर गया। वह सो गया।", {"वह घर गया।", "वह सो गया।"}},
    {"arabic-question", "هل هو هنا؟ نعم.", {"هل هو هنا؟", "نعم."}},
    {"nbsp", "It ended.\u00a0The next began.", {"It ended.", "The next began."}},
    {"french-space", "Vraiment ? Oui.", {"Vraiment ?", "Oui."}},
    {"russian", "Он ушёл. Она осталась.", {"Он ушёл.", "Она осталась."}},
    {"russian-lower", "Он ушёл. а она осталась.", {"Он ушёл. а она осталась."}},
    {"greek-upper", "Έφυγε. Έμεινε.", {"Έφυγε.", "Έμεινε."}},

    // --- newlines ---
    {"blank-line",
     "Headline without stop\n\nThe story begins.",
     {"Headline without stop", "The story begins."}},
    {"blank-line-crlf", "Headline\r\n\r\nBody text.", {"Headline", "Body text."}},
    {"blank-line-spaces", "Headline\n   \n  Body.", {"Headline", "Body."}},
    {"single-newline", "A line that wraps\nin the middle.", {"A line that wraps\nin the middle."}},
    {"blank-after-title", "Signed, Dr.\n\nSmith", {"Signed, Dr.", "Smith"}},
    {"paragraph-separator", "One\u2029Two", {"One", "Two"}},
    {"newline-after-stop", "First.\nSecond.", {"First.", "Second."}},

    // --- news style ---
    {"news",
     "Police said the suspect, 27, was arrested. He has not been named.",
     {"Police said the suspect, 27, was arrested.", "He has not been named."}},
    {"news",
     "The U.S. State Department said Americans should leave. Flights resume Jan. 5.",
     {"The U.S. State Department said Americans should leave.", "Flights resume Jan. 5."}},
    {"news",
     "UPDATE 3:45 p.m.: Officials confirmed 12 deaths.",
     {"UPDATE 3:45 p.m.: Officials confirmed 12 deaths."}},
    {"news",
     "\"We are heartbroken,\" said Gov. Andrew Cuomo. \"New York stands together.\"",
     {"\"We are heartbroken,\" said Gov. Andrew Cuomo.", "\"New York stands together.\""}},
    {"news",
     "Lt. Col. Steve Warren, a U.S. military spokesman, said the strikes hit Raqqa. "
     "The Pentagon did not comment.",
     {"Lt. Col. Steve Warren, a U.S. military spokesman, said the strikes hit Raqqa.",
      "The Pentagon did not comment."}},
    {"news",
     "The quake (magnitude 7.8) struck at 11:56 a.m. More than 8,000 died.",
     {"The quake (magnitude 7.8) struck at 11:56 a.m.", "More than 8,000 died."}},
    {"news",
     "BREAKING: Explosions heard near Stade de France. Follow live updates.",
     {"BREAKING: Explosions heard near Stade de France.", "Follow live updates."}},
    {"news",
     "Sen. John McCain, R-Ariz., criticized the plan.",
     {"Sen. John McCain, R-Ariz., criticized the plan."}},

    // --- degenerate input ---
    {"empty", "", {}},
    {"spaces", " \t\n\n  ", {}},
    {"only-stop", ".", {"."}},
    {"only-stops", "...", {"..."}},
    {"stop-first", ". Hello.", {".", "Hello."}},
};

void PrintTo(const split_case& c, std::ostream* os) { *os << c.kind << ": " << c.input; }

class text_split_table : public ::testing::TestWithParam<split_case> {};

TEST_P(text_split_table, splits_as_expected) {
  const split_case& c = GetParam();
  EXPECT_EQ(sentences(c.input), c.expected) << "kind: " << c.kind << "\ninput: " << c.input;
}

INSTANTIATE_TEST_SUITE_P(cases, text_split_table, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<split_case>& info) {
                           std::string name = std::to_string(info.index) + "_";
                           for (const char* p = info.param.kind; *p; ++p)
                             name += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
                           return name;
                         });

TEST(text_sentence_splitter, table_is_large_enough) { EXPECT_GE(kCases.size(), 100u); }

TEST(text_sentence_splitter, offsets_point_into_the_input) {
  std::string text = "  First one.  Second one?\n\nThird";
  auto spans = sentence_splitter().split(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0], (byte_span{2, 12}));
  EXPECT_EQ(spans[1], (byte_span{14, 25}));
  EXPECT_EQ(spans[2], (byte_span{27, 32}));
}

TEST(text_sentence_splitter, max_sentence_bytes_cuts_run_on_text) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "word ";
  auto out = sentences(text, {.max_sentence_bytes = 42});
  ASSERT_GT(out.size(), 1u);
  for (const auto& s : out) EXPECT_LE(s.size(), 42u + 4u) << s;
  std::string joined;
  for (const auto& s : out) joined += s + " ";
  EXPECT_EQ(joined, text);
}

TEST(text_sentence_splitter, max_sentence_bytes_zero_means_no_limit) {
  std::string text(5000, 'a');
  text += " b c d";
  EXPECT_THAT(sentences(text, {.max_sentence_bytes = 0}), ElementsAre(text));
  // No white space after the limit: nothing to cut at, the sentence stays whole.
  EXPECT_EQ(sentences(std::string(3000, 'x'), {.max_sentence_bytes = 100}).size(), 1u);
}

TEST(text_sentence_splitter, no_span_for_blank_text) {
  EXPECT_THAT(sentence_splitter().split(""), IsEmpty());
  EXPECT_THAT(sentence_splitter().split("\u00a0\u3000 \n"), IsEmpty());
}

// ----------------------------------------------------------------------------------------------
// Properties of the contract, on any input.

bool is_space_at(std::string_view text, std::size_t i, std::size_t* len) {
  static const std::vector<std::string> kUnicodeSpaces = {
      "\u0085", "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003",
      "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a",
      "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"};
  char c = text[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') {
    *len = 1;
    return true;
  }
  for (const auto& s : kUnicodeSpaces)
    if (text.substr(i, s.size()) == s) {
      *len = s.size();
      return true;
    }
  return false;
}

void check_contract(std::string_view text, const std::vector<byte_span>& spans) {
  std::size_t prev_end = 0;
  std::size_t len = 0;
  for (const byte_span& s : spans) {
    ASSERT_LT(s.begin, s.end) << "empty span";
    ASSERT_LE(s.end, text.size());
    ASSERT_GE(s.begin, prev_end) << "overlap or out of order";
    ASSERT_FALSE(is_space_at(text, s.begin, &len)) << "not trimmed at the front";
    // The last character must not be white space: check every space that could end there.
    for (std::size_t l = 1; l <= 3 && l <= s.size(); ++l)
      if (is_space_at(text, s.end - l, &len) && len == l) FAIL() << "not trimmed at the back";
    // Between spans: white space only.
    for (std::size_t i = prev_end; i < s.begin;) {
      ASSERT_TRUE(is_space_at(text, i, &len)) << "byte " << i << " not covered";
      i += len;
    }
    prev_end = s.end;
  }
  for (std::size_t i = prev_end; i < text.size();) {
    ASSERT_TRUE(is_space_at(text, i, &len)) << "byte " << i << " not covered";
    i += len;
  }
}

TEST(text_sentence_splitter_property, table_inputs_keep_the_contract) {
  sentence_splitter splitter;
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.input);
    check_contract(c.input, splitter.split(c.input));
  }
}

TEST(text_sentence_splitter_property, random_text_keeps_the_contract) {
  // Pieces that exercise every rule, glued at random.
  const std::vector<std::string> pieces = {"a",
                                           "The",
                                           "he",
                                           "U.S.",
                                           "Dr.",
                                           "etc.",
                                           "p.m.",
                                           "J.",
                                           "3.5",
                                           "$1,000.50",
                                           ".",
                                           "?",
                                           "!",
                                           "...",
                                           "…",
                                           "\"",
                                           "'",
                                           "(",
                                           ")",
                                           "“",
                                           "”",
                                           "’",
                                           "。",
                                           "？",
                                           " ",
                                           " ",
                                           " ",
                                           "\n",
                                           "\n\n",
                                           "\u00a0",
                                           "\u3000",
                                           "https://x.co/a.b?c=d",
                                           "j.doe@example.org",
                                           "e.g.",
                                           "i.e.",
                                           "No.",
                                           "‼",
                                           "।",
                                           "''",
                                           "``",
                                           " . ",
                                           ". . .",
                                           "\r\n",
                                           "\u2029",
                                           "Łódź",
                                           "日本"};
  std::mt19937 rng(12345);
  for (std::size_t max : {std::size_t{0}, std::size_t{7}, std::size_t{2000}}) {
    sentence_splitter splitter({.max_sentence_bytes = max});
    for (int round = 0; round < 2000; ++round) {
      std::string text;
      int n = static_cast<int>(rng() % 40);
      for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
      SCOPED_TRACE(text);
      check_contract(text, splitter.split(text));
      if (HasFatalFailure()) return;
    }
  }
}

TEST(text_sentence_splitter_property, random_bytes_never_crash) {
  std::mt19937 rng(777);
  sentence_splitter splitter({.max_sentence_bytes = 16});
  for (int round = 0; round < 3000; ++round) {
    std::string text(rng() % 64, '\0');
    for (char& c : text) {
      // Bias towards the bytes the splitter looks at.
      static const char kInteresting[] =
          ". ?!\n\"')\xe2\x80\xa6\xe3\x80\x82\xc2\xa0"
          "Aa1";
      c = (rng() % 2) ? kInteresting[rng() % (sizeof kInteresting - 1)]
                      : static_cast<char>(rng() % 256);
    }
    auto spans = splitter.split(text);
    std::size_t prev = 0;
    for (const auto& s : spans) {
      ASSERT_LT(s.begin, s.end);
      ASSERT_LE(s.end, text.size());
      ASSERT_GE(s.begin, prev);
      prev = s.end;
    }
  }
}

TEST(text_sentence_splitter_property, long_text_without_spaces_is_linear) {
  // A pathological input (one 1 MB "word" full of full stops) must not take quadratic time;
  // this would time out rather than fail if the look-behind were unbounded.
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "a.b.";
  auto spans = sentence_splitter({.max_sentence_bytes = 0}).split(text);
  EXPECT_EQ(spans.size(), 1u);
}

}  // namespace
}  // namespace sitrep::text
