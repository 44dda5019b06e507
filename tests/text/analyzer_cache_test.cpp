// The analyzer's fast path (tokenize_into, the stem cache, analyze_into) against the plain
// path written out from the contract in analyzer.hpp: tokenize, drop tokens with no letter or
// digit, flag stopwords, stem with a fresh stemmer. Over every text in tests/data and examples,
// and generated Unicode text (accents, Turkish dotted and dotless i, German sharp s, full-width
// letters, ligatures, combining marks, other scripts), in several languages, cold and warm
// cache, and across the cache being swept.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "sitrep/core/lines.hpp"
#include "sitrep/text/analyzer.hpp"
#include "sitrep/text/stemmer.hpp"
#include "sitrep/text/stopwords.hpp"
#include "sitrep/text/tokenizer.hpp"

namespace sitrep::text {
namespace {

namespace fs = std::filesystem;

// GCC 12 at -O2 warns (falsely) that destroying the result<stopword_list> below frees its
// non-heap single bucket, as in analyzer.cpp.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wfree-nonheap-object"
#endif

// The plain path: the rules of analyzer.hpp, step by step, with no cache and no scratch.
class reference_analyzer {
 public:
  explicit reference_analyzer(const analyzer_options& o) : options_(o) {
    if (o.stem) stemmer_.emplace(std::move(stemmer::create(o.language)).value());
    if (o.remove_stopwords) stopwords_ = std::move(stopword_list::for_language(o.language)).value();
  }

  std::vector<analyzed_token> analyze(std::string_view text) {
    std::vector<analyzed_token> out;
    for (const std::string& token : tokenize(text)) {
      bool letter_or_digit = false;
      for (char ch : token) {
        auto c = static_cast<unsigned char>(ch);
        letter_or_digit |= c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                           (c >= 'A' && c <= 'Z');
      }
      if (!letter_or_digit) continue;
      analyzed_token t;
      t.stopword = options_.remove_stopwords &&
                   (token.front() == '\'' || token == "n't" || stopwords_.contains(token));
      t.term = token;
      const bool number_or_acronym = token.find_first_of(".0123456789") != std::string::npos;
      if (stemmer_ && !number_or_acronym) {
        std::string stemmed = stemmer_->stem(token);
        if (!stemmed.empty()) t.term = stemmed;
      }
      out.push_back(std::move(t));
    }
    return out;
  }

 private:
  analyzer_options options_;
  std::optional<stemmer> stemmer_;
  stopword_list stopwords_;
};

// Every line of every file under tests/data and examples, and each file whole.
std::vector<std::string> corpus_texts() {
  std::vector<std::string> out;
  for (const char* dir : {SITREP_TEST_DATA_DIR, SITREP_SOURCE_DIR "/examples"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string whole = ss.str();
      for_each_line(whole, [&](std::string_view line) { out.emplace_back(line); });
      out.push_back(std::move(whole));
    }
  }
  return out;
}

// Sentences made of words that stress normalization, mixed with plain English.
std::vector<std::string> unicode_texts() {
  // clang-format off
  static const char* const kWords[] = {
      "Café", "CAFÉ", "cafe\xCC\x81", "naïve", "NAÏVE", "façade", "coöperate", "œuvre", "Ærø",
      "İstanbul", "ISTANBUL", "ıslak", "DİYARBAKIR", "Iğdır", "kız", "KIZ",
      "Straße", "STRASSE", "straße", "Fußball", "ẞ", "Größe", "GRÖSSE",
      "\xEF\xAC\x81nance", "\xEF\xAC\x82oor", "e\xEF\xAC\x80\x65\x63t", "Ａｐｐｌｅ", "ＡＢＣ", "１２３", "ｔｅｓｔ",
      "Ǆemal", "ǅ", "Ωμέγα", "ΣΊΣΥΦΟΣ", "ὈΔΥΣΣΕΎΣ", "Ⅻ", "x²", "½", "ℌello", "㎏", "№5",
      "Москва", "МОСКВЫ", "東京", "हिन्दी", "ไทย", "العربية", "don’t", "it\xCA\xBCs", "co\xC2\xADoperate",
      "zero\xE2\x80\x8Dwidth", "well\xE2\x80\x90known", "non\xE2\x80\x91stop", "U.S.", "3,000", "3.5%",
      "running", "attacked", "the", "hotel", "we", "'re", "n't", "gunmen", "bombings", "THE",
      "…", "—", "«", "»", "🙂", "！", "？", "।", "。", ",", ".", "-", "'", "’"};
  // clang-format on
  constexpr std::size_t kCount = sizeof kWords / sizeof kWords[0];
  std::mt19937 rng(9);
  std::vector<std::string> out;
  for (std::size_t w = 0; w < kCount; ++w) out.emplace_back(kWords[w]);
  for (int s = 0; s < 400; ++s) {
    std::string text;
    const int words = 1 + static_cast<int>(rng() % 25);
    for (int w = 0; w < words; ++w) {
      if (w && rng() % 5) text += rng() % 7 ? " " : "\n";
      text += kWords[rng() % kCount];
    }
    out.push_back(std::move(text));
  }
  return out;
}

void expect_same(analyzer& fast, reference_analyzer& plain, const std::vector<std::string>& texts,
                 const std::string& label) {
  std::vector<analyzed_view> views;
  for (const std::string& text : texts) {
    const std::vector<analyzed_token> want = plain.analyze(text);
    fast.analyze_into(text, views);
    ASSERT_EQ(views.size(), want.size()) << label << ": " << text;
    for (std::size_t i = 0; i < want.size(); ++i) {
      ASSERT_EQ(views[i].term, want[i].term) << label << ": token " << i << " of " << text;
      ASSERT_EQ(views[i].stopword, want[i].stopword) << label << ": token " << i << " of " << text;
    }
    const std::vector<analyzed_token> got = fast.analyze(text);
    ASSERT_EQ(got.size(), want.size()) << label << ": " << text;
    for (std::size_t i = 0; i < want.size(); ++i) {
      ASSERT_EQ(got[i].term, want[i].term) << label << ": " << text;
      ASSERT_EQ(got[i].stopword, want[i].stopword) << label << ": " << text;
    }
    std::vector<std::string> terms;
    for (const auto& t : want)
      if (!t.stopword) terms.push_back(t.term);
    ASSERT_EQ(fast.terms(text), terms) << label << ": " << text;
  }
}

struct language_case {
  analyzer_options options;
  const char* label;
};

TEST(text_analyzer_cache, same_terms_as_the_plain_path) {
  std::vector<std::string> texts = corpus_texts();
  ASSERT_GT(texts.size(), 100u);
  for (std::string& t : unicode_texts()) texts.push_back(std::move(t));
  const language_case cases[] = {
      {{.language = "english"}, "english"},
      {{.language = "english", .stem = false}, "english, no stemming"},
      {{.language = "english", .remove_stopwords = false}, "english, stopwords kept"},
      {{.language = "turkish"}, "turkish"},
      {{.language = "german"}, "german"},
      {{.language = "french"}, "french"},
      {{.language = "russian"}, "russian"},
  };
  for (const language_case& c : cases) {
    auto fast = analyzer::create(c.options);
    ASSERT_TRUE(fast.ok()) << c.label;
    reference_analyzer plain(c.options);
    expect_same(*fast, plain, texts, std::string(c.label) + ", cold cache");
    expect_same(*fast, plain, texts, std::string(c.label) + ", warm cache");
  }
}

TEST(text_analyzer_cache, same_terms_across_sweeps) {
  // Three times more distinct tokens than the cache holds (some longer than a slot holds
  // inline), with common words and long ones repeated throughout so that some entries survive
  // each sweep, then the first texts again.
  std::vector<std::string> texts;
  std::string text;
  const std::string long_word = "internationalisationalistically";
  for (std::size_t i = 0; i < 3 * analyzer::kStemCacheEntries; ++i) {
    std::size_t n = i;
    std::string word = "w";
    do {
      word += static_cast<char>('a' + n % 26);
      n /= 26;
    } while (n);
    if (i % 7 == 0) word += long_word;
    text += word + (i % 3 ? "ing " : "ed ");
    if (i % 50 == 49) {
      text += "The gunmen were attacking the hotel " + long_word + "s " + long_word + "ed";
      texts.push_back(std::move(text));
      text.clear();
    }
  }
  texts.push_back(text);
  texts.push_back("The gunmen were attacking the hotel");
  texts.push_back(texts.front());
  auto fast = analyzer::create({});
  ASSERT_TRUE(fast.ok());
  reference_analyzer plain({});
  expect_same(*fast, plain, texts, "english");
}

}  // namespace
}  // namespace sitrep::text
