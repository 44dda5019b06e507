// The Porter (1980) suffix-stripping algorithm, written from M. F. Porter, "An algorithm for
// suffix stripping", Program 14(3), 1980. Rule tables follow the paper, with the two departures
// that Porter's own reference implementations (and so ROUGE-1.5.5's stemmer) make: step 2 maps
// "bli" -> "ble" (the paper has "abli" -> "able") and adds "logi" -> "log".
#include "sitrep/text/porter_stemmer.hpp"

#include <array>
#include <cstddef>
#include <cstdlib>

namespace sitrep::text {
namespace {

// Works in place on a copy of the word; `end_` is the length of the current stem.
class porter_word {
 public:
  explicit porter_word(std::string_view w) : b_(w) {}

  std::string take() && { return std::move(b_); }

  // A consonant is a letter other than a, e, i, o, u, and other than y preceded by a consonant.
  bool is_consonant(std::size_t i) const {
    switch (b_[i]) {
      case 'a': case 'e': case 'i': case 'o': case 'u':
        return false;
      case 'y':
        return i == 0 ? true : !is_consonant(i - 1);
      default:
        return true;
    }
  }

  // m() of the paper for the prefix b_[0, len): the number of VC sequences in [C](VC)^m[V].
  int measure(std::size_t len) const {
    std::size_t i = 0;
    while (i < len && is_consonant(i)) ++i;
    int m = 0;
    while (i < len) {
      while (i < len && !is_consonant(i)) ++i;  // vowels
      if (i >= len) break;
      while (i < len && is_consonant(i)) ++i;  // consonants
      ++m;
    }
    return m;
  }

  bool has_vowel(std::size_t len) const {
    for (std::size_t i = 0; i < len; ++i)
      if (!is_consonant(i)) return true;
    return false;
  }

  // *d: the prefix ends with a double consonant.
  bool double_consonant(std::size_t len) const {
    return len >= 2 && b_[len - 1] == b_[len - 2] && is_consonant(len - 1);
  }

  // *o: the prefix ends consonant-vowel-consonant, the last not w, x or y.
  bool cvc(std::size_t len) const {
    if (len < 3 || !is_consonant(len - 1) || is_consonant(len - 2) || !is_consonant(len - 3))
      return false;
    char c = b_[len - 1];
    return c != 'w' && c != 'x' && c != 'y';
  }

  bool ends_with(std::string_view s) const {
    return b_.size() >= s.size() && std::string_view(b_).substr(b_.size() - s.size()) == s;
  }
  std::size_t stem_len(std::string_view suffix) const { return b_.size() - suffix.size(); }
  void replace_suffix(std::string_view suffix, std::string_view with) {
    b_.resize(b_.size() - suffix.size());
    b_.append(with);
  }

  void step1a() {
    if (ends_with("sses")) replace_suffix("sses", "ss");
    else if (ends_with("ies")) replace_suffix("ies", "i");
    else if (ends_with("ss")) return;
    else if (ends_with("s")) replace_suffix("s", "");
  }

  void step1b() {
    if (ends_with("eed")) {
      if (measure(stem_len("eed")) > 0) replace_suffix("eed", "ee");
      return;
    }
    std::string_view suffix;
    if (ends_with("ed")) suffix = "ed";
    else if (ends_with("ing")) suffix = "ing";
    else return;
    if (!has_vowel(stem_len(suffix))) return;
    replace_suffix(suffix, "");
    // Tidy up the stem the removal left.
    if (ends_with("at")) replace_suffix("", "e");
    else if (ends_with("bl")) replace_suffix("", "e");
    else if (ends_with("iz")) replace_suffix("", "e");
    else if (double_consonant(b_.size())) {
      char c = b_.back();
      if (c != 'l' && c != 's' && c != 'z') b_.pop_back();
    } else if (measure(b_.size()) == 1 && cvc(b_.size())) {
      b_.push_back('e');
    }
  }

  void step1c() {
    if (ends_with("y") && has_vowel(stem_len("y"))) b_.back() = 'i';
  }

  struct rule {
    std::string_view suffix;
    std::string_view replacement;
  };

  // Applies the longest matching rule whose stem has measure > min_m; a longest match whose
  // condition fails ends the step (no shorter suffix is tried), as in the paper.
  template <std::size_t N>
  void apply_longest(const std::array<rule, N>& rules, int min_m) {
    const rule* best = nullptr;
    for (const rule& r : rules)
      if (ends_with(r.suffix) && (best == nullptr || r.suffix.size() > best->suffix.size()))
        best = &r;
    if (best != nullptr && measure(stem_len(best->suffix)) > min_m)
      replace_suffix(best->suffix, best->replacement);
  }

  void step2() {
    static constexpr std::array<rule, 21> kRules{{
        {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},   {"anci", "ance"},
        {"izer", "ize"},    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"},
        {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
        {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
        {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"},   {"biliti", "ble"},
        {"logi", "log"},
    }};
    apply_longest(kRules, 0);
  }

  void step3() {
    static constexpr std::array<rule, 7> kRules{{
        {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
        {"ical", "ic"},  {"ful", ""},   {"ness", ""},
    }};
    apply_longest(kRules, 0);
  }

  // Step 4 as the reference script's stemmer runs it: the suffixes fall into groups (by their
  // next-to-last letter, in the order of Porter's C implementation); within a group only the
  // first suffix the word ends with is considered, but the groups are tried one after another
  // on the word as it stands, so "governmental" loses "al" and then "ment" ("govern") while
  // "agreement" keeps "ement" (its stem is too short) and is not tried for "ent".
  void step4() {
    static constexpr std::array<std::array<std::string_view, 4>, 12> kGroups{{
        {"al"}, {"ance", "ence"}, {"er"}, {"ic"}, {"able", "ible"},
        {"ant", "ement", "ment", "ent"}, {"ion", "ou"}, {"ism"}, {"ate", "iti"}, {"ous"},
        {"ive"}, {"ize"},
    }};
    for (const auto& group : kGroups) {
      for (std::string_view s : group) {
        if (s.empty() || !ends_with(s)) continue;
        std::size_t stem = stem_len(s);
        // "ion" only counts after s or t; otherwise the group goes on to "ou".
        if (s == "ion" && (stem == 0 || (b_[stem - 1] != 's' && b_[stem - 1] != 't'))) continue;
        if (measure(stem) > 1) b_.resize(stem);
        break;
      }
    }
  }

  void step5() {
    if (ends_with("e")) {
      std::size_t stem = stem_len("e");
      int m = measure(stem);
      if (m > 1 || (m == 1 && !cvc(stem))) b_.pop_back();
    }
    if (ends_with("ll") && measure(b_.size()) > 1) b_.pop_back();
  }

 private:
  std::string b_;
};

}  // namespace

std::string porter_stem(std::string_view word) {
  // Words of one or two letters are left alone (as in Porter's reference implementations).
  if (word.size() <= 2) return std::string(word);
  porter_word w(word);
  w.step1a();
  w.step1b();
  w.step1c();
  w.step2();
  w.step3();
  w.step4();
  w.step5();
  return std::move(w).take();
}

}  // namespace sitrep::text
