// sitrep summarize: the summary of all inputs together, or with --output-dir one per input.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "commands.hpp"
#include "common.hpp"
#include "sitrep/report/report.hpp"

namespace sitrep::cli {
namespace {

struct summarize_args {
  input_options in;
  summary_options sum;
  std::string output_dir;
};

const char* extension(report::output_format f) {
  switch (f) {
    case report::output_format::text: return ".txt";
    case report::output_format::markdown: return ".md";
    case report::output_format::json: return ".json";
    case report::output_format::json_lines: return ".jsonl";
  }
  return ".txt";
}

int run(const summarize_args& a) {
  int code = 0;
  auto p = prepare(a.in, a.sum, code);
  if (!p) return code;
  const auto& budget = p->budget;
  const auto& method = p->method;
  const auto& format = p->format;

  if (a.output_dir.empty()) {
    auto e = read_stream(a.in, code);
    if (!e) return code;
    if (e->collection().sentence_count() == 0) print_error("warning: the input holds no updates");
    rank::summary s = method->summarize(stream::view(*e), budget);
    print_notes(s);
    fmt::print("{}",
               report::write_summary(report::cite(e->collection(), s), s.method, format, s.notes));
    return 0;
  }

  // Every input is read (and checked) before the first summary is written.
  auto docs = read_all(a.in, code);
  if (!docs) return code;
  std::error_code ec;
  std::filesystem::create_directories(a.output_dir, ec);
  if (ec) {
    print_error(fmt::format("{}: cannot create folder: {}", a.output_dir, ec.message()));
    return kExitBadInput;
  }
  std::vector<std::string> paths;
  for (const auto& doc : *docs) {
    std::string path =
        (std::filesystem::path(a.output_dir) / (doc.name + extension(format))).string();
    if (std::find(paths.begin(), paths.end(), path) != paths.end()) {
      print_error(fmt::format("{}: two inputs are both named '{}'; rename one", doc.path, doc.name));
      return kExitBadInput;
    }
    paths.push_back(std::move(path));
  }
  // Each input is its own stream: they are summarized in parallel, one engine each (a
  // summarizer is const and thread-safe), then written and reported in input order.
  struct outcome {
    std::string text;
    std::vector<std::string> messages;  // printed as they would be one input after another
    int code = 0;
  };
  std::vector<outcome> done(docs->size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < docs->size();) {
      io::input_document& doc = (*docs)[i];
      outcome& o = done[i];
      const std::string doc_path = doc.path;
      std::vector<io::input_document> one;
      one.push_back(std::move(doc));
      int code = 0;
      auto e = build_stream(std::move(one), a.in, code);
      if (!e) {
        o.code = code;
        continue;
      }
      const vsm::collection& c = e->collection();
      if (c.sentence_count() == 0)
        o.messages.push_back(fmt::format("warning: {} holds no updates", doc_path));
      rank::summary s = method->summarize(stream::view(*e), budget);
      for (const auto& note : s.notes)
        o.messages.push_back(fmt::format("note: {}: {}", doc_path, note));
      o.text = report::write_summary(report::cite(c, s), s.method, format, s.notes);
    }
  };
  const std::size_t threads =
      std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), docs->size());
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (std::size_t i = 0; i < done.size(); ++i) {
    for (const auto& m : done[i].messages) print_error(m);
    if (done[i].code != 0) return done[i].code;
    std::ofstream out(paths[i], std::ios::binary);
    out << done[i].text;
    if (!out) {
      print_error(fmt::format("{}: cannot write", paths[i]));
      return 1;
    }
  }
  return 0;
}

}  // namespace

void add_summarize_command(CLI::App& app, context& ctx) {
  auto args = std::make_shared<summarize_args>();
  auto* cmd = app.add_subcommand(
      "summarize",
      "Summarize the inputs within a budget: whole sentences, in stream order, no repeats");
  add_input_options(cmd, args->in);
  add_summary_options(cmd, args->sum);
  cmd->add_option("--output-dir", args->output_dir,
                  "summarize each input file on its own into DIR/<name>.txt (one sentence a line)");
  cmd->callback([args, &ctx] { ctx.exit_code = run(*args); });
}

}  // namespace sitrep::cli
