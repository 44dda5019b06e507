// `sitrep eval`: ROUGE scores of a folder of system summaries against a folder of references,
// figure for figure as ROUGE-1.5.5 prints them. The scoring is sitrep::eval; this file only maps
// flags to rouge_options and results to text or JSON.
#include <fmt/core.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "commands.hpp"
#include "sitrep/eval/rouge.hpp"
#include "sitrep/eval/topic_files.hpp"

namespace sitrep::cli {
namespace {

struct eval_flags {
  std::string system_dir;
  std::string reference_dir;
  std::string rouge_args;
  std::string format = "table";
  bool per_topic = false;
  // Each flag overrides what --rouge-args set; unset flags leave it alone. Values are kept as
  // written and read by eval::set_rouge_option, so "--max-n 0x10" is refused exactly as
  // "-n 0x10" is (CLI11 would read hex and octal).
  std::optional<std::string> max_n, word_limit, byte_limit, skip_gap, counting_unit, resamples;
  std::optional<std::string> wlcs_weight, alpha, confidence, formula;
  bool stem = false, remove_stopwords = false, su = false, s_and_su = false, no_lcs = false;
};

int exit_code_for(const status& s) {
  return s.code() == error_code::internal ? 1 : 2;
}

result<eval::rouge_options> build_options(const eval_flags& f) {
  eval::rouge_options o;
  if (!f.rouge_args.empty()) {
    auto parsed = eval::parse_rouge_args(f.rouge_args);
    if (!parsed) return parsed.error();
    o = *parsed;
  } else {
    o.max_n = 4;  // without --rouge-args the command defaults to ROUGE-1..4 (the script: none)
  }
  if (f.stem) o.stem = true;
  if (f.remove_stopwords) o.remove_stopwords = true;
  if (f.su) o.su = true;
  if (f.s_and_su) o.s_and_su = true;
  if (f.no_lcs) o.lcs = false;
  struct valued_flag {
    const char* name;
    char letter;  // the script's option
    const std::optional<std::string>& value;
  };
  const valued_flag valued[] = {
      {"--max-n", 'n', f.max_n},           {"--word-limit", 'l', f.word_limit},
      {"--byte-limit", 'b', f.byte_limit}, {"--skip-gap", '2', f.skip_gap},
      {"--wlcs-weight", 'w', f.wlcs_weight}, {"--formula", 'f', f.formula},
      {"--alpha", 'p', f.alpha},           {"--counting-unit", 't', f.counting_unit},
      {"--confidence", 'c', f.confidence}, {"--resamples", 'r', f.resamples}};
  for (const auto& v : valued) {
    if (!v.value) continue;
    if (status s = eval::set_rouge_option(o, v.letter, *v.value); !s)
      return invalid_argument(std::string(v.name) + ": " + s.message());
  }
  if (status s = o.validate(); !s) return s;
  return o;
}

double r5(double x) { return eval::round5(x); }

void print_table(const eval::evaluation& ev, const eval::rouge_options& o, bool per_topic) {
  const std::string ci = fmt::format("{:g}%-conf.int.", o.confidence);
  for (const auto& m : ev.measures) {
    fmt::print("---------------------------------------------\n");
    auto line = [&](const char* what, double avg, double lo, double hi) {
      fmt::print("{} Average_{}: {:.5f} ({} {:.5f} - {:.5f})\n", m.name, what, avg, ci, lo, hi);
    };
    line("R", m.average.recall, m.ci_low.recall, m.ci_high.recall);
    line("P", m.average.precision, m.ci_low.precision, m.ci_high.precision);
    line("F", m.average.f, m.ci_low.f, m.ci_high.f);
    if (per_topic) {
      for (std::size_t i = 0; i < ev.topic_ids.size(); ++i) {
        const auto& t = m.topics[i];
        fmt::print("{} Eval {} R:{:.5f} P:{:.5f} F:{:.5f}\n", m.name, ev.topic_ids[i],
                   t.score.recall, t.score.precision, t.score.f);
      }
    }
  }
}

void print_json(const eval::evaluation& ev) {
  nlohmann::ordered_json measures = nlohmann::ordered_json::object();
  for (const auto& m : ev.measures) {
    nlohmann::ordered_json avg = {
        {"R", r5(m.average.recall)},
        {"P", r5(m.average.precision)},
        {"F", r5(m.average.f)},
        {"R_ci", {r5(m.ci_low.recall), r5(m.ci_high.recall)}},
        {"P_ci", {r5(m.ci_low.precision), r5(m.ci_high.precision)}},
        {"F_ci", {r5(m.ci_low.f), r5(m.ci_high.f)}},
    };
    nlohmann::ordered_json topics = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < ev.topic_ids.size(); ++i) {
      const auto& s = m.topics[i].score;
      topics[ev.topic_ids[i]] = {{"R", s.recall}, {"P", s.precision}, {"F", s.f}};
    }
    measures[m.name] = {{"average", std::move(avg)}, {"topics", std::move(topics)}};
  }
  nlohmann::ordered_json out = {{"measures", std::move(measures)}};
  std::cout << out.dump(2) << '\n';
}

// One line a figure, as the conformance vectors' expected.tsv: measure, topic (AVERAGE for the
// average), R, P, F with 5 decimals; a header line first. Made for scripts (bench/quality.sh).
void print_tsv(const eval::evaluation& ev) {
  std::cout << "measure\ttopic\tR\tP\tF\n";
  for (const auto& m : ev.measures) {
    std::cout << fmt::format("{}\tAVERAGE\t{:.5f}\t{:.5f}\t{:.5f}\n", m.name, m.average.recall,
                             m.average.precision, m.average.f);
    for (std::size_t i = 0; i < ev.topic_ids.size(); ++i) {
      const auto& t = m.topics[i].score;
      std::cout << fmt::format("{}\t{}\t{:.5f}\t{:.5f}\t{:.5f}\n", m.name, ev.topic_ids[i],
                               t.recall, t.precision, t.f);
    }
  }
}

int run_eval(const eval_flags& f) {
  auto opts = build_options(f);
  if (!opts) {
    std::cerr << "sitrep eval: " << opts.error().message() << '\n';
    return exit_code_for(opts.error());
  }
  auto topics = eval::load_topics(f.system_dir, f.reference_dir);
  if (!topics) {
    std::cerr << "sitrep eval: " << topics.error().message() << '\n';
    return exit_code_for(topics.error());
  }
  auto scorer = eval::rouge_scorer::create(*opts);
  if (!scorer) {
    std::cerr << "sitrep eval: " << scorer.error().message() << '\n';
    return exit_code_for(scorer.error());
  }
  auto ev = scorer->evaluate(*topics);
  if (!ev) {
    std::cerr << "sitrep eval: " << ev.error().message() << '\n';
    return exit_code_for(ev.error());
  }
  if (f.format == "json") print_json(*ev);
  else if (f.format == "tsv") print_tsv(*ev);
  else print_table(*ev, *opts, f.per_topic);
  return 0;
}

}  // namespace

void add_eval_command(CLI::App& app, context& ctx) {
  auto flags = std::make_shared<eval_flags>();
  auto* cmd = app.add_subcommand(
      "eval",
      "ROUGE scores (a re-implementation of ROUGE-1.5.5) of system summaries against references.\n"
      "Topics match by file name: SYSTEM/<topic>.txt and REFERENCE/<topic>.<label>.txt.");
  cmd->add_option("--system", flags->system_dir, "folder of system summaries <topic>.txt")
      ->required();
  cmd->add_option("--reference", flags->reference_dir,
                  "folder of references <topic>.<label>.txt (any number per topic)")
      ->required();
  cmd->add_option("--rouge-args", flags->rouge_args,
                  "the reference script's own option string, e.g. \"-n 4 -m -l 100 -c 95 -r 1000 "
                  "-f A -p 0.5 -t 0\"; the flags below override it (default without it: -n 4)");
  cmd->add_option("--max-n", flags->max_n, "-n: ROUGE-1..N");
  cmd->add_flag("--stem", flags->stem, "-m: WordNet exceptions + Porter stemmer");
  cmd->add_flag("--remove-stopwords", flags->remove_stopwords, "-s: drop SMART common words");
  cmd->add_option("--word-limit", flags->word_limit, "-l: keep the first N words of each text");
  cmd->add_option("--byte-limit", flags->byte_limit, "-b: keep the first N bytes of each text");
  cmd->add_option("--skip-gap", flags->skip_gap, "-2: ROUGE-S with at most N gap words (-1: any)");
  cmd->add_flag("--su", flags->su, "-u: ROUGE-SU (skip bigrams plus unigrams) instead of S");
  cmd->add_flag("--s-and-su", flags->s_and_su, "-U: both ROUGE-S and ROUGE-SU");
  cmd->add_flag("--no-lcs", flags->no_lcs, "-x: no ROUGE-L");
  cmd->add_option("--wlcs-weight", flags->wlcs_weight, "-w: ROUGE-W with weight W in [1, 10]");
  cmd->add_option("--formula", flags->formula, "-f: A (average over references) or B (best)");
  cmd->add_option("--alpha", flags->alpha, "-p: F = PR / ((1-alpha) P + alpha R)");
  cmd->add_option("--counting-unit", flags->counting_unit,
                  "-t: 0 average per topic, 1 or 2 pool counts over topics");
  cmd->add_option("--confidence", flags->confidence, "-c: confidence level in percent");
  cmd->add_option("--resamples", flags->resamples, "-r: bootstrap resamples");
  cmd->add_option("--format", flags->format,
                  "table (default), json, or tsv (measure, topic, R, P, F a line)")
      ->check(CLI::IsMember({"table", "json", "tsv"}));
  cmd->add_flag("--per-topic", flags->per_topic, "table: also print each topic's R/P/F");
  cmd->callback([flags, &ctx] { ctx.exit_code = run_eval(*flags); });
}

}  // namespace sitrep::cli
