// Options and steps that several commands share: reading inputs, building the vector space,
// choosing a method and a budget. Errors are printed here once, as "sitrep: <message>".
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "sitrep/io/reader.hpp"
#include "sitrep/rank/summarizer.hpp"
#include "sitrep/report/writer.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::cli {

struct input_options {
  std::vector<std::string> files;
  std::string input_format = "auto";
  bool skip_bad = false;
  // As written, read by parse_count (decimal digits only).
  std::string max_line_bytes = std::to_string(io::read_options{}.max_line_bytes);
  std::string language = "english";
};

struct summary_options {
  std::string method;
  // Budgets as written: read by parse_budget_value (digits only, decimal), not by CLI11, which
  // would take "010" as octal 8, "0x10" as 16 and "-1" as a huge unsigned number.
  std::optional<std::string> words;
  std::optional<std::string> bytes;
  std::optional<std::string> sentences;
  std::string format = "text";
};

/// Exit status for bad input or usage.
inline constexpr int kExitBadInput = 2;

void add_input_options(CLI::App* cmd, input_options& o);
void add_summary_options(CLI::App* cmd, summary_options& o);

/// Prints `message` to standard error as "sitrep: message".
void print_error(std::string_view message);

/// Reads every input; on failure prints the message and returns nullopt with `exit_code` set.
/// Reports skipped records on standard error.
std::optional<std::vector<io::input_document>> read_all(const input_options& o, int& exit_code);

/// The vector-space options the input options ask for (language, stemming, stopwords).
vsm::collection::options space_options(const input_options& o);

/// An empty collection with the options' language; prints the error (an unknown language).
std::optional<vsm::collection> new_collection(const input_options& o, int& exit_code);

/// An empty stream engine with the options' language; prints the error.
std::optional<stream::engine> new_stream(const input_options& o, int& exit_code);

/// A stream of every input, read straight into the engine update by update (each update held
/// once, as it is read: repeats grouped as they arrive); prints the first error, or what
/// --skip-bad skipped.
/// `watchers` (a story tracker, ...) are attached to the engine, in order, before the first update.
std::optional<stream::engine> read_stream(const input_options& o, int& exit_code,
                                          const std::vector<stream::observer*>& watchers = {});

/// A stream holding `docs` (all of them, in order). The updates are moved in, so the stream is
/// held once.
std::optional<stream::engine> build_stream(std::vector<io::input_document>&& docs,
                                           const input_options& o, int& exit_code);

/// Everything a summarizing command needs before it reads: the budget, the method, the output
/// format, all validated.
struct prepared {
  rank::budget budget;
  std::unique_ptr<rank::summarizer> method;
  report::output_format format;
};

/// Prints each of a summary's notes to standard error as "sitrep: note: ..." (the library
/// never prints; the notes are also in JSON output).
void print_notes(const rank::summary& s);

/// Validates the options (the language and input format too: nothing is read yet); prints the
/// first error and returns nullopt with `exit_code` set when anything is wrong.
std::optional<prepared> prepare(const input_options& in, const summary_options& sum,
                                int& exit_code);

/// A budget value as given to `flag` ("--words"): a positive decimal integer, digits only (no
/// sign, no hex, no spaces), within rank::max_budget(unit). invalid_argument naming the flag,
/// the value and the bound otherwise.
result<std::size_t> parse_budget_value(std::string_view flag, std::string_view text,
                                       rank::budget_unit unit);

/// A count given on the command line: decimal digits only, from 1 to `max`; invalid_argument
/// naming `flag` otherwise (CLI11 would read "010" as octal and "-1" as a huge number).
result<std::size_t> parse_count(std::string_view flag, std::string_view text, std::size_t max);

/// The largest --max-line-bytes: a JSON line costs about 8 times its size to parse, so 256 MiB
/// already means about 2 GiB of working memory.
inline constexpr std::size_t kMaxLineBytesBound = std::size_t{256} << 20;

/// The budget and summarizer the options ask for.
std::optional<rank::budget> make_budget(const summary_options& o, int& exit_code);
std::unique_ptr<rank::summarizer> make_method(const summary_options& o, int& exit_code);
std::optional<report::output_format> make_format(const std::string& name, int& exit_code);

/// For a command that reads its input its own way (watch): the validated read options, or
/// nullopt with the error printed and `exit_code` set.
std::optional<io::read_options> read_options_for(const input_options& o, int& exit_code);

}  // namespace sitrep::cli
