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

bool parse_int(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool parse_double(std::string_view s, double& out) {
  // std::from_chars for double is in libstdc++ 11+, but strtod handles "1." and ".5" alike.
  std::string tmp(s);
  if (tmp.empty()) return false;
  char* end = nullptr;
  out = std::strtod(tmp.c_str(), &end);
  return end == tmp.c_str() + tmp.size() && std::isfinite(out);
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
  if (max_n < 0) return invalid_argument("rouge: -n must be >= 0, got " + std::to_string(max_n));
  if (word_limit < 0) return invalid_argument("rouge: -l must be >= 0");
  if (byte_limit < 0) return invalid_argument("rouge: -b must be >= 0");
  if (word_limit > 0 && byte_limit > 0)
    return invalid_argument("rouge: give a length limit in words (-l) or bytes (-b), not both");
  if (skip_gap < -1) return invalid_argument("rouge: -2 must be >= -1 (-1 = unlimited gap)");
  if ((su || s_and_su) && !skip_bigrams)
    return invalid_argument("rouge: -u and -U need a skip distance (-2 N)");
  if (!(wlcs_weight >= 1.0)) return invalid_argument("rouge: -w weight must be >= 1");
  if (!(alpha >= 0.0 && alpha <= 1.0)) return invalid_argument("rouge: -p alpha must be in [0, 1]");
  if (!(confidence > 0.0 && confidence < 100.0))
    return invalid_argument("rouge: -c confidence must be in (0, 100)");
  if (resamples < 1) return invalid_argument("rouge: -r resamples must be >= 1");
  return status::ok();
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
          if (!parse_int(value, o.max_n)) return bad("expected an integer");
          break;
        case 'l':
          if (!parse_int(value, o.word_limit)) return bad("expected an integer");
          break;
        case 'b':
          if (!parse_int(value, o.byte_limit)) return bad("expected an integer");
          break;
        case '2':
          if (!parse_int(value, o.skip_gap)) return bad("expected an integer");
          o.skip_bigrams = true;
          break;
        case 'r':
          if (!parse_int(value, o.resamples)) return bad("expected an integer");
          break;
        case 't': {
          int t = 0;
          if (!parse_int(value, t) || t < 0 || t > 2) return bad("expected 0, 1 or 2");
          o.unit = static_cast<counting_unit>(t);
          break;
        }
        case 'c':
          if (!parse_double(value, o.confidence)) return bad("expected a number");
          break;
        case 'p':
          if (!parse_double(value, o.alpha)) return bad("expected a number");
          break;
        case 'w':
          if (!parse_double(value, o.wlcs_weight)) return bad("expected a number");
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
  if (o.wlcs) add("-w " + perl_number(o.wlcs_weight));
  add("-c " + perl_number(o.confidence));
  add("-r " + std::to_string(o.resamples));
  add(std::string("-f ") + (o.formula == rouge_formula::best ? "B" : "A"));
  add("-p " + perl_number(o.alpha));
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
