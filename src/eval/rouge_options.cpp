#include "sitrep/eval/rouge_options.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <system_error>

namespace sitrep::eval {
namespace {

// Perl prints numbers with "%.15g"; measure names such as "ROUGE-W-1.2" come from that.
std::string perl_number(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

// Plain decimal: an optional '-', then digits and nothing else (no '+', no hex, no spaces).
// Overflow of an int is an error, not a wrap.
bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Decimal with optional fraction and exponent ("1.2", ".5", "95", "1e0"); std::from_chars does
// not read hex floats (strtod would) nor a leading '+'; inf and nan are refused as not finite.
bool parse_double(std::string_view s, double& out) {
  if (s.empty()) return false;
  double x = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), x, std::chars_format::general);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(x)) return false;
  out = x;
  return true;
}

// The shortest decimal that reads back to exactly `x` (std::to_chars without a precision).
std::string shortest_number(double x) {
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return ec == std::errc() ? std::string(buf, p) : perl_number(x);
}

std::string got(double x) { return ", got " + shortest_number(x); }
std::string got(int x) { return ", got " + std::to_string(x); }

// Range of each option on its own (validate() adds the checks across options).
status check_range(const rouge_options& o, char letter) {
  switch (letter) {
    case 'n':
      if (o.max_n < 0 || o.max_n > kMaxRougeN)
        return invalid_argument("rouge: -n must be in 0 .. " + std::to_string(kMaxRougeN) +
                                got(o.max_n));
      break;
    case 'l':
      if (o.word_limit < 0 || o.word_limit > kMaxRougeWordLimit)
        return invalid_argument("rouge: -l must be in 0 .. " + std::to_string(kMaxRougeWordLimit) +
                                " words (0: no cut)" + got(o.word_limit));
      break;
    case 'b':
      if (o.byte_limit < 0 || o.byte_limit > kMaxRougeByteLimit)
        return invalid_argument("rouge: -b must be in 0 .. " + std::to_string(kMaxRougeByteLimit) +
                                " bytes (0: no cut)" + got(o.byte_limit));
      break;
    case '2':
      if (o.skip_gap < -1 || o.skip_gap > kMaxRougeSkipGap)
        return invalid_argument("rouge: -2 must be -1 (any gap) or in 0 .. " +
                                std::to_string(kMaxRougeSkipGap) + got(o.skip_gap));
      break;
    case 'w':
      if (!(o.wlcs_weight >= 1.0 && o.wlcs_weight <= kMaxRougeWeight))
        return invalid_argument("rouge: -w weight must be a number in [1, " +
                                shortest_number(kMaxRougeWeight) + "]" + got(o.wlcs_weight));
      break;
    case 'p':
      if (!(o.alpha >= 0.0 && o.alpha <= 1.0))
        return invalid_argument("rouge: -p alpha must be in [0, 1]" + got(o.alpha));
      break;
    case 'c':
      if (!(o.confidence > 0.0 && o.confidence < 100.0))
        return invalid_argument("rouge: -c confidence must be in (0, 100)" + got(o.confidence));
      break;
    case 'r':
      if (o.resamples < 1 || o.resamples > kMaxRougeResamples)
        return invalid_argument("rouge: -r resamples must be in 1 .. " +
                                std::to_string(kMaxRougeResamples) + got(o.resamples));
      break;
    default: break;
  }
  return status::ok();
}

std::vector<std::string_view> split_ws(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

status rouge_options::validate() const {
  for (char letter : std::string_view("nlb2wpcr"))
    if (status st = check_range(*this, letter); !st) return st;
  if (word_limit > 0 && byte_limit > 0)
    return invalid_argument("rouge: give a length limit in words (-l) or bytes (-b), not both");
  if ((su || s_and_su) && !skip_bigrams)
    return invalid_argument("rouge: -u and -U need a skip distance (-2 N)");
  if (static_cast<int>(unit) < 0 || static_cast<int>(unit) > 2)
    return invalid_argument("rouge: -t must be 0, 1 or 2");
  return status::ok();
}

status set_rouge_option(rouge_options& o, char c, std::string_view value) {
  auto bad = [&](const char* what) {
    return invalid_argument(std::string("rouge: option -") + c + ": " + what + ", got '" +
                            std::string(value) + "'");
  };
  switch (c) {
    case 'a': case 'd': case 'v': case 'h':
      break;  // all systems / per-eval printing / verbose / help: script plumbing
    case 'e': case 'z':
      break;  // data directory, input format: sitrep reads plain text itself
    case 'm': o.stem = true; break;
    case 's': o.remove_stopwords = true; break;
    case 'x': o.lcs = false; break;
    case 'u': o.su = true; break;
    case 'U': o.s_and_su = true; break;
    case 'n':
      if (!parse_int(value, o.max_n)) return bad("expected a decimal integer");
      break;
    case 'l':
      if (!parse_int(value, o.word_limit)) return bad("expected a decimal integer");
      break;
    case 'b':
      if (!parse_int(value, o.byte_limit)) return bad("expected a decimal integer");
      break;
    case '2':
      if (!parse_int(value, o.skip_gap)) return bad("expected a decimal integer");
      o.skip_bigrams = true;
      break;
    case 'r':
      if (!parse_int(value, o.resamples)) return bad("expected a decimal integer");
      break;
    case 't': {
      int t = 0;
      if (!parse_int(value, t) || t < 0 || t > 2) return bad("expected 0, 1 or 2");
      o.unit = static_cast<counting_unit>(t);
      break;
    }
    case 'c':
      if (!parse_double(value, o.confidence)) return bad("expected a decimal number");
      break;
    case 'p':
      if (!parse_double(value, o.alpha)) return bad("expected a decimal number");
      break;
    case 'w':
      if (!parse_double(value, o.wlcs_weight)) return bad("expected a decimal number");
      o.wlcs = true;
      break;
    case 'f':
      if (value == "A") o.formula = rouge_formula::average;
      else if (value == "B") o.formula = rouge_formula::best;
      else return bad("expected A or B");
      break;
    case '3':
      return invalid_argument("rouge: -3 (basic elements) is not supported");
    default:
      return invalid_argument(std::string("rouge: unknown option -") + c);
  }
  return check_range(o, c);
}

result<rouge_options> parse_rouge_args(std::string_view args) {
  rouge_options o;
  // Options that take an argument, as in the script's getopts string.
  const std::string_view with_arg = "bceflnprtwz2";
  const auto words = split_ws(args);
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::string_view word = words[w];
    if (word.size() < 2 || word[0] != '-')
      return invalid_argument("rouge: unexpected argument '" + std::string(word) +
                              "' (only options are accepted; topics and files are given apart)");
    for (std::size_t k = 1; k < word.size(); ++k) {
      char c = word[k];
      std::string_view value;
      if (with_arg.find(c) != std::string_view::npos) {
        if (k + 1 < word.size()) {
          value = word.substr(k + 1);
        } else if (w + 1 < words.size()) {
          value = words[++w];
        } else {
          return invalid_argument(std::string("rouge: option -") + c + " needs a value");
        }
        k = word.size();  // the value used up the rest of this word
      }
      if (status st = set_rouge_option(o, c, value); !st) return st;
    }
  }
  if (status s = o.validate(); !s) return s;
  return o;
}

std::string to_rouge_args(const rouge_options& o) {
  std::string s;
  auto add = [&s](const std::string& part) {
    if (!s.empty()) s += ' ';
    s += part;
  };
  if (o.max_n > 0) add("-n " + std::to_string(o.max_n));
  if (o.stem) add("-m");
  if (o.remove_stopwords) add("-s");
  if (o.skip_bigrams) add("-2 " + std::to_string(o.skip_gap));
  if (o.su) add("-u");
  if (o.s_and_su) add("-U");
  if (!o.lcs) add("-x");
  if (o.wlcs) add("-w " + shortest_number(o.wlcs_weight));
  add("-c " + shortest_number(o.confidence));
  add("-r " + std::to_string(o.resamples));
  add(std::string("-f ") + (o.formula == rouge_formula::best ? "B" : "A"));
  add("-p " + shortest_number(o.alpha));
  add("-t " + std::to_string(static_cast<int>(o.unit)));
  if (o.word_limit > 0) add("-l " + std::to_string(o.word_limit));
  if (o.byte_limit > 0) add("-b " + std::to_string(o.byte_limit));
  return s;
}

std::vector<std::string> measure_names(const rouge_options& o) {
  std::vector<std::string> names;
  for (int n = 1; n <= o.max_n; ++n) names.push_back("ROUGE-" + std::to_string(n));
  if (o.lcs) names.push_back("ROUGE-L");
  if (o.wlcs) names.push_back("ROUGE-W-" + perl_number(o.wlcs_weight));
  if (o.skip_bigrams) {
    std::string gap = o.skip_gap < 0 ? "*" : std::to_string(o.skip_gap);
    if (!o.su || o.s_and_su) names.push_back("ROUGE-S" + gap);
    if (o.su || o.s_and_su) names.push_back("ROUGE-SU" + gap);
  }
  return names;
}

}  // namespace sitrep::eval
