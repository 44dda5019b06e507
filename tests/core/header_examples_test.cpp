// Every public header opens with a usage example; this file holds each of them, copied
// faithfully (only the free names they use are declared around them), so that an example
// that drifts from the API stops this test from compiling. When a header's example changes,
// copy it here again. The io examples read "feed.jsonl" and "notes.txt": the test runs them in a
// temporary folder that holds such files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/core/update.hpp"
#include "sitrep/core/utf8.hpp"
#include "sitrep/eval/rouge.hpp"
#include "sitrep/eval/rouge_options.hpp"
#include "sitrep/eval/bcubed.hpp"
#include "sitrep/io/follower.hpp"
#include "sitrep/io/line_source.hpp"
#include "sitrep/io/reader.hpp"
#include "sitrep/io/record_decoder.hpp"
#include "sitrep/io/time.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/stream/postings.hpp"
#include "sitrep/stream/repeats.hpp"
#include "sitrep/stream/stories.hpp"
#include "sitrep/stream/view.hpp"
#include "sitrep/rank/auto_summarizer.hpp"
#include "sitrep/rank/centroid.hpp"
#include "sitrep/rank/ilp.hpp"
#include "sitrep/rank/klsum.hpp"
#include "sitrep/rank/lead.hpp"
#include "sitrep/rank/lexrank.hpp"
#include "sitrep/rank/submodular.hpp"
#include "sitrep/rank/sumbasic.hpp"
#include "sitrep/rank/summarizer.hpp"
#include "sitrep/rank/summary.hpp"
#include "sitrep/rank/textrank.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/report/writer.hpp"
#include "sitrep/text/analyzer.hpp"
#include "sitrep/text/sentence_splitter.hpp"
#include "sitrep/vsm/chunked_arena.hpp"
#include "sitrep/vsm/collection.hpp"

namespace {

std::vector<sitrep::update> some_updates() {
  std::vector<sitrep::update> out;
  // Ten sentences, two an update, so that the examples' sentence numbers (up to 9) exist.
  const char* texts[] = {
      "A fire broke out at the harbour fuel depot on Saturday morning. Police closed the bridge.",
      "Firefighters contained the fire at the harbour fuel depot by noon. Smoke hung over town.",
      "Seven workers were injured in the depot fire. They were taken to the city hospital.",
      "The mayor visited the depot on Saturday afternoon. She praised the firefighters.",
      "Investigators said the cause of the depot fire is not yet known. The bridge reopened.",
  };
  int i = 0;
  for (const char* t : texts) {
    sitrep::update u;
    u.id = std::to_string(++i);
    u.line = static_cast<std::size_t>(i);
    u.text = t;
    out.push_back(std::move(u));
  }
  return out;
}

sitrep::vsm::collection some_collection() {
  auto c = sitrep::vsm::collection::create({});
  for (auto& u : some_updates()) c->add(std::move(u));
  return std::move(c).value();
}

// ---- include/sitrep/core/status.hpp
int status_hpp() {
  sitrep::io::read_stats stats;
  sitrep::result<sitrep::io::input_document> doc =
      sitrep::io::read_file("feed.jsonl", {}, stats);
  if (!doc) { std::cerr << doc.error().message() << '\n'; return 2; }
  for (const sitrep::update& u : doc->updates) std::cout << u.id << '\n';
  return 0;
}

// ---- include/sitrep/io/reader.hpp
int reader_hpp() {
  sitrep::io::read_options opts;            // format from the extension, stop at bad input
  sitrep::io::read_stats stats;
  auto docs = sitrep::io::read_inputs({"feed.jsonl", "notes.txt"}, opts, stats);
  if (!docs) { std::cerr << docs.error().message() << '\n'; return 2; }
  for (const auto& doc : *docs) for (const auto& u : doc.updates) std::cout << u.text << '\n';
  return 0;
}

// ---- include/sitrep/io/line_source.hpp
int line_source_hpp() {
  auto src = sitrep::io::line_source::open("feed.jsonl", {});   // "-" is standard input
  if (!src) { std::cerr << src.error().message() << '\n'; return 2; }
  for (;;) {
    const auto event = src->next();
    if (event == sitrep::io::line_event::end) break;
    if (event == sitrep::io::line_event::read_error) return 2;
    if (event == sitrep::io::line_event::too_long) continue;  // line src->line_number()
    std::cout << src->line_number() << ": " << src->line() << '\n';  // valid until next()
  }
  return 0;
}

// ---- include/sitrep/io/record_decoder.hpp
std::vector<sitrep::update> record_decoder_hpp() {
  std::vector<sitrep::update> updates;
  sitrep::io::record_decoder decode("feed.jsonl", sitrep::io::input_format::jsonl);
  auto r = decode(R"({"id": "p-17", "source": "Reuters", "text": "Gunmen attacked ..."})", 12);
  if (!r) std::cerr << r.error().message() << '\n';      // "feed.jsonl:12: ..."
  else if (*r) updates.push_back(std::move(**r));         // an update
  // else: a blank line, nothing to add
  return updates;
}

// ---- include/sitrep/io/time.hpp
void time_hpp() {
  std::optional<std::int64_t> t = sitrep::io::parse_iso8601("2015-11-20T09:41:00Z");
  // *t == 1448012460
  EXPECT_EQ(t, 1448012460);
  EXPECT_EQ(sitrep::io::parse_iso8601("yesterday"), std::nullopt);
}

// ---- include/sitrep/stream/engine.hpp
struct my_observer : sitrep::stream::observer {
  std::size_t updates = 0;
  void on_add(const sitrep::stream::engine&, const sitrep::stream::sentence_range&) override {
    ++updates;
  }
};

sitrep::status engine_hpp(std::vector<sitrep::update> updates) {
  auto e = sitrep::stream::engine::create({});           // English, stemmed, stopwords out
  if (!e) return e.error();
  my_observer watcher;                                   // see observer below
  e->attach(watcher);                                    // before the first add
  for (auto& u : updates) {
    auto added = e->add(std::move(u));                   // O(size of u + postings touched)
    if (!added) return added.error();
    for (std::size_t s = added->first; s < added->last; ++s)
      std::cout << e->collection().text(s) << '\n';
  }
  if (auto hotel = e->collection().vocab().find("hotel"))  // sentences that name the hotel
    for (std::uint32_t s : e->term_postings().of(*hotel)) std::cout << s << '\n';
  EXPECT_EQ(watcher.updates, 5u);
  return sitrep::status::ok();
}

// ---- include/sitrep/stream/repeats.hpp
sitrep::status repeats_hpp(std::vector<sitrep::update> updates) {
  auto e = sitrep::stream::engine::create({});          // the engine keeps the groups
  if (!e) return e.error();
  for (auto& u : updates) if (auto added = e->add(std::move(u)); !added) return added.error();
  const sitrep::stream::repeats& r = e->repeat_groups();
  const auto& c = e->collection();
  std::uint32_t g = r.group(2);                          // the first sentence of 2's group
  for (std::uint32_t m = g; m != sitrep::stream::repeats::npos; m = r.next_member(m))
    std::cout << c.updates()[c.sentence(m).update].source << '\n';   // who carried it
  if (r.nearest(2) != sitrep::stream::repeats::npos && r.similarity(2) >= 0.8f)
    std::cout << "sentence 2 copies sentence " << r.nearest(2) << '\n';
  EXPECT_EQ(r.size(), c.sentence_count());
  return sitrep::status::ok();
}

// ---- include/sitrep/stream/stories.hpp
sitrep::status stories_hpp(std::vector<sitrep::update> updates) {
  auto e = sitrep::stream::engine::create({});
  if (!e) return e.error();
  auto tracker = sitrep::stream::stories::create({});       // default story_options
  if (!tracker) return tracker.error();
  e->attach(*tracker);                                       // before the first add
  for (auto& u : updates) e->add(std::move(u));              // each assigned as it arrives
  std::uint32_t s = tracker->story_of(0);                    // the story of update 0
  const auto& info = tracker->story(s);                      // label, times, counts
  std::cout << info.label << ": " << info.updates << " updates\n";
  for (std::uint32_t id : tracker->largest(5))               // the merged view
    std::cout << tracker->merged(id).updates << '\n';
  EXPECT_EQ(tracker->assigned(), e->size());
  return sitrep::status::ok();
}

// ---- include/sitrep/eval/bcubed.hpp
sitrep::status bcubed_hpp() {
  std::vector<std::string> gold  = {"a", "a", "b", "b"};
  std::vector<std::string> found = {"x", "x", "x", "y"};
  auto s = sitrep::eval::bcubed(found, gold);
  if (!s) return s.error();                  // lengths differ
  (void)s->precision;  // (2/3 + 2/3 + 1/3 + 1) / 4 = 0.667
  (void)s->recall;     // (1 + 1 + 1/2 + 1/2) / 4  = 0.75
  (void)s->f1;         // 2PR / (P + R)            = 0.706
  (void)s->ari;        // adjusted Rand index      = 0
  EXPECT_NEAR(s->f1, 0.706, 0.001);
  return sitrep::status::ok();
}

// ---- include/sitrep/stream/view.hpp (the id "3" for the example's "feed.txt:10")
sitrep::status view_hpp(std::vector<sitrep::update> updates) {
  auto e = sitrep::stream::engine::create({});
  if (!e) return e.error();
  for (auto& u : updates) if (auto added = e->add(std::move(u)); !added) return added.error();
  sitrep::stream::view all(*e);                          // the whole stream, repeat groups on
  auto cut = sitrep::stream::view::position_after(e->collection(), "3");
  if (!cut) return cut.error();                          // not_found: no such update
  sitrep::stream::view before = all.until(*cut);         // updates 1-3: the stream as it stood
  sitrep::stream::view after = all.since(*cut);          // updates 4-
  auto s = sitrep::rank::make_summarizer("auto");
  if (!s) return s.error();
  sitrep::rank::summary recent = (*s)->summarize(after, {});            // updates 4- alone
  sitrep::rank::summary news = (*s)->summarize(after.as_news(), {});    // nothing 1-3 told
  EXPECT_EQ(before.update_count(), 3u);
  EXPECT_FALSE(recent.sentences.empty());
  for (const auto& pick : news.sentences) EXPECT_TRUE(after.contains_sentence(pick.sentence));
  return sitrep::status::ok();
}

// ---- include/sitrep/vsm/chunked_arena.hpp
void chunked_arena_hpp() {
  using sitrep::vsm::term_id;
  sitrep::vsm::chunked_arena<term_id> ids;
  std::span<term_id> out = ids.allocate(3);   // contiguous, uninitialized: fill it in
  out[0] = 7; out[1] = 8; out[2] = 9;
  std::span<const term_id> kept = out;          // valid for the arena's life, across moves
  sitrep::vsm::chunked_arena<term_id> moved = std::move(ids);
  EXPECT_EQ(kept[2], 9u);
  EXPECT_TRUE(moved.allocate(0).empty());
}

// ---- include/sitrep/stream/postings.hpp
void postings_hpp() {
  sitrep::stream::postings p;
  p.add_sentence(0, std::vector<sitrep::vsm::term_id>{4, 7, 4});   // sentence 0: terms 4, 7
  p.add_sentence(1, std::vector<sitrep::vsm::term_id>{7});
  EXPECT_EQ(p.of(7).size(), 2u);   // {0, 1}
  EXPECT_EQ(p.of(4).size(), 1u);   // {0}: a sentence is listed once per term
  EXPECT_TRUE(p.of(99).empty());   // {}: a term never seen
  ASSERT_EQ(p.latest(7, 1).size(), 1u);
  EXPECT_EQ(p.latest(7, 1)[0], 1u);  // {1}: the newest sentence that holds term 7
}

// ---- include/sitrep/report/report.hpp
sitrep::status report_hpp(std::vector<sitrep::update> updates) {
  auto c = sitrep::vsm::collection::create({});
  if (!c) return c.error();
  for (auto& u : updates) c->add(std::move(u));
  auto summarizer = sitrep::rank::make_summarizer("auto");
  if (!summarizer) return summarizer.error();
  sitrep::rank::summary s = (*summarizer)->summarize(*c, {});   // the default 100 words
  sitrep::report::situation_report r = sitrep::report::build_report(*c, s);
  // Writers (writer.hpp): text, markdown or json.
  std::cout << sitrep::report::write_report(r, sitrep::report::output_format::text);
  return sitrep::status::ok();
}

// ---- include/sitrep/report/writer.hpp
sitrep::status writer_hpp(const sitrep::report::situation_report& report,
                          const sitrep::vsm::collection& c, const sitrep::rank::summary& s) {
  auto fmt = sitrep::report::parse_output_format("markdown");   // result<output_format>
  std::cout << sitrep::report::write_report(report, *fmt);
  std::cout << sitrep::report::write_summary(sitrep::report::cite(c, s), s.method, *fmt);
  return sitrep::status::ok();
}

// ---- include/sitrep/vsm/collection.hpp
sitrep::status collection_hpp(std::vector<sitrep::update> updates) {
  auto c = sitrep::vsm::collection::create({});          // English, stemmed, stopwords out
  if (!c) return c.error();
  for (auto& u : updates) c->add(std::move(u));          // O(size of u) each
  for (std::size_t i = 0; i < c->sentence_count(); ++i) {
    const auto& s = c->sentence(i);
    std::cout << c->text(i) << " (update " << s.update << ")\n";
  }
  auto v = c->tfidf(0);                                   // weighted with today's IDF
  EXPECT_FALSE(v.entries.empty());
  return sitrep::status::ok();
}

// ---- include/sitrep/rank/summarizer.hpp
sitrep::status summarizer_hpp(const sitrep::vsm::collection& collection) {
  auto s = sitrep::rank::make_summarizer("lexrank");
  if (!s) return s.error();                       // not_found lists the known ids
  sitrep::rank::summary out = (*s)->summarize(collection, {sitrep::rank::budget_unit::words, 60});

  for (const auto& m : sitrep::rank::methods()) std::cout << m.id << '\t' << m.summary << '\n';
  EXPECT_FALSE(out.sentences.empty());
  return sitrep::status::ok();
}

// ---- include/sitrep/rank/summary.hpp
sitrep::status summary_hpp(const sitrep::vsm::collection& collection,
                           const std::unique_ptr<sitrep::rank::summarizer>& summarizer) {
  sitrep::rank::budget b{sitrep::rank::budget_unit::words, 100};
  sitrep::rank::summary s = summarizer->summarize(collection, b);
  for (const auto& pick : s.sentences)
    std::cout << sitrep::rank::selected_text(collection, pick) << '\n';
  return sitrep::status::ok();
}

// ---- include/sitrep/rank/{centroid,lexrank,textrank,sumbasic,klsum,lead,auto_summarizer}.hpp
sitrep::status centroid_hpp(const sitrep::vsm::collection& collection) {
  auto centroid = sitrep::rank::centroid_summarizer::create({});
  if (!centroid) return centroid.error();   // invalid_argument names the bad option
  auto s = (*centroid)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
  return sitrep::status::ok();
}

sitrep::status lexrank_hpp(const sitrep::vsm::collection& collection) {
  auto lexrank = sitrep::rank::lexrank_summarizer::create({});
  if (!lexrank) return lexrank.error();   // invalid_argument names the bad option
  auto s = (*lexrank)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
  return sitrep::status::ok();
}

sitrep::status textrank_hpp(const sitrep::vsm::collection& collection) {
  auto textrank = sitrep::rank::textrank_summarizer::create({});
  if (!textrank) return textrank.error();   // invalid_argument names the bad option
  auto s = (*textrank)->summarize(collection, {sitrep::rank::budget_unit::words, 100});

  // The edge weight on its own (content terms of sentences 3 and 7):
  double w = sitrep::rank::textrank_summarizer::similarity(collection, 3, 7);
  EXPECT_GE(w, 0.0);
  return sitrep::status::ok();
}

sitrep::status sumbasic_hpp(const sitrep::vsm::collection& collection) {
  auto sumbasic = sitrep::rank::sumbasic_summarizer::create({});
  if (!sumbasic) return sumbasic.error();   // invalid_argument names the bad option
  auto s = (*sumbasic)->summarize(collection, {sitrep::rank::budget_unit::words, 100});

  auto freqsum = sitrep::rank::freqsum_summarizer::create({});   // no update step

  // The probability model on its own:
  using sitrep::rank::sumbasic_summarizer;
  auto p = sumbasic_summarizer::word_probabilities(collection, sitrep::rank::word_count::tokens);
  double weight = sumbasic_summarizer::sentence_weight(collection, 4, p);
  sumbasic_summarizer::update_probabilities(collection, 4, p);   // p(w) := p(w)^2
  EXPECT_GT(weight, 0.0);
  return freqsum.ok() ? sitrep::status::ok() : freqsum.error();
}

sitrep::status klsum_hpp(const sitrep::vsm::collection& collection) {
  auto klsum = sitrep::rank::klsum_summarizer::create({});
  if (!klsum) return klsum.error();   // invalid_argument names the bad option
  auto s = (*klsum)->summarize(collection, {sitrep::rank::budget_unit::words, 100});

  // The objective on its own, for any set of sentences:
  std::vector<std::size_t> picked = {3, 9};
  double kl = sitrep::rank::klsum_summarizer::divergence(collection, picked, 0.01);
  EXPECT_GE(kl, 0.0);
  return sitrep::status::ok();
}

sitrep::status lead_hpp(const sitrep::vsm::collection& collection) {
  auto lead = sitrep::rank::lead_summarizer::create({});
  if (!lead) return lead.error();   // invalid_argument for bad selection options
  auto s = (*lead)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
  return sitrep::status::ok();
}

sitrep::status auto_summarizer_hpp(const sitrep::vsm::collection& collection) {
  auto best = sitrep::rank::auto_summarizer::create({});
  if (!best) return best.error();   // invalid_argument names the bad option
  auto s = (*best)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
  return sitrep::status::ok();
}

sitrep::status submodular_hpp(const sitrep::vsm::collection& collection) {
  sitrep::rank::submodular_summarizer::options o;          // tuned defaults (see below)
  auto sub = sitrep::rank::submodular_summarizer::create(o);
  if (!sub) return sub.error();                             // invalid_argument names the option
  auto s = (*sub)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
  return sitrep::status::ok();
}

sitrep::status ilp_hpp(const sitrep::vsm::collection& collection) {
  sitrep::rank::ilp_summarizer::options o;
  o.time_limit_seconds = 2;                        // the solver's budget per summary
  auto ilp = sitrep::rank::ilp_summarizer::create(o);
  if (!ilp) return ilp.error();                    // invalid_argument names the bad option
  auto s = (*ilp)->summarize(collection, {sitrep::rank::budget_unit::words, 100});

  // The solver alone, on any instance:
  sitrep::rank::concept_program p;
  p.concept_weights = {3, 2, 4};
  p.sentence_concepts = {{0, 1}, {0}, {2}};
  p.costs = {10, 6, 6};
  p.budget = 12;
  auto best = sitrep::rank::solve_concept_program(p, 1.0);   // chosen == {1, 2}, objective 7
  EXPECT_EQ(best->chosen, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(best->objective, 7);
  return sitrep::status::ok();
}

// ---- include/sitrep/eval/rouge.hpp
sitrep::status rouge_hpp(const std::string& system_text, const std::string& ref_a,
                         const std::string& ref_b, const std::string& ref_c,
                         const std::string& ref_d) {
  auto opts = sitrep::eval::parse_rouge_args("-n 2 -m -l 100 -c 95 -r 1000 -f A -p 0.5");
  if (!opts) return opts.error();                                  // invalid_argument
  auto scorer = sitrep::eval::rouge_scorer::create(*opts);       // validates the options
  if (!scorer) return scorer.error();
  std::vector<sitrep::eval::topic_input> set = {                   // one entry per topic
      {"d30001t", system_text, {ref_a, ref_b, ref_c, ref_d}}};
  auto ev = scorer->evaluate(set);                                 // result<evaluation>
  if (!ev) return ev.error();
  for (const auto& m : ev->measures)                               // "ROUGE-1", "ROUGE-2", "ROUGE-L"
    std::cout << m.name << ' ' << m.average.recall << ' ' << m.ci_low.recall << '\n';
  EXPECT_EQ(ev->measures.size(), 3u);
  return sitrep::status::ok();
}

// ---- include/sitrep/eval/rouge_options.hpp
sitrep::status rouge_options_hpp() {
  auto opts = sitrep::eval::parse_rouge_args("-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -l 100");
  if (!opts) { std::cerr << opts.error().message() << '\n'; return opts.error(); }
  EXPECT_EQ(opts->max_n, 4);                            // 4
  EXPECT_EQ(sitrep::eval::measure_names(*opts),
            (std::vector<std::string>{"ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4", "ROUGE-L",
                                      "ROUGE-SU4"}));
  return sitrep::status::ok();
}

// ---- include/sitrep/text/analyzer.hpp
sitrep::status analyzer_hpp() {
  auto a = sitrep::text::analyzer::create({.language = "english"});
  if (!a) return a.error();
  auto terms = a->terms("The gunmen were attacking the hotel");  // {"gunmen", "attack", "hotel"}
  EXPECT_EQ(terms, (std::vector<std::string>{"gunmen", "attack", "hotel"}));
  return sitrep::status::ok();
}

// ---- include/sitrep/text/sentence_splitter.hpp
sitrep::status sentence_splitter_hpp() {
  sitrep::text::sentence_splitter splitter;
  std::string_view text = "Col. Smith left at 5:30 p.m. on Jan. 3. He said so.";
  for (auto s : splitter.split(text))
    std::cout << text.substr(s.begin, s.size()) << '\n';
  // "Col. Smith left at 5:30 p.m. on Jan. 3."  /  "He said so."
  auto spans = splitter.split(text);
  EXPECT_EQ(spans.size(), 2u);
  return sitrep::status::ok();
}

// ---- include/sitrep/core/utf8.hpp
sitrep::status utf8_hpp() {
  std::string_view s = "\xC3\x89l\xC3\xA9phant";              // "Éléphant"
  EXPECT_EQ(sitrep::utf8::sequence_length(s, 0), 2u);        // 2: "É" is two bytes
  EXPECT_EQ(sitrep::utf8::floor_boundary(s, 1), 0u);         // 0: byte 1 is inside "É"
  EXPECT_EQ(sitrep::utf8::first_invalid(s), s.size());       // s.size(): all well-formed
  EXPECT_EQ(sitrep::utf8::first_invalid("ab\xFF"), 2u);      // 2
  return sitrep::status::ok();
}

void expect_ok(const sitrep::status& st) { EXPECT_TRUE(st.is_ok()) << st.message(); }

TEST(HeaderExamples, IoExamplesRunOnFilesOfTheirNames) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("sitrep_header_examples_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path saved = fs::current_path();
  fs::current_path(dir);
  std::ofstream(dir / "feed.jsonl") << R"({"id": "p-1", "text": "Gunmen attacked the hotel."})"
                                    << "\n";
  std::ofstream(dir / "notes.txt") << "A note.\n";
  testing::internal::CaptureStdout();
  const int status_rc = status_hpp();
  const int reader_rc = reader_hpp();
  const int line_source_rc = line_source_hpp();
  const std::string out = testing::internal::GetCapturedStdout();
  fs::current_path(saved);
  fs::remove_all(dir);
  EXPECT_EQ(status_rc, 0);
  EXPECT_EQ(reader_rc, 0);
  EXPECT_EQ(line_source_rc, 0);
  EXPECT_NE(out.find("p-1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Gunmen attacked the hotel.\nA note.\n"), std::string::npos) << out;
  EXPECT_NE(out.find("1: {\"id\""), std::string::npos) << out;
  const auto updates = record_decoder_hpp();
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(updates[0].id, "p-17");
  time_hpp();
}

TEST(HeaderExamples, CompileAndRun) {
  const auto c = some_collection();
  ASSERT_EQ(c.sentence_count(), 10u);
  auto lead = sitrep::rank::make_summarizer("lead");
  ASSERT_TRUE(lead.ok());
  const auto s = (*lead)->summarize(c, {});
  // The examples print; their output is checked below (failures print after it).
  testing::internal::CaptureStdout();
  expect_ok(report_hpp(some_updates()));
  expect_ok(collection_hpp(some_updates()));
  expect_ok(engine_hpp(some_updates()));
  postings_hpp();
  chunked_arena_hpp();
  expect_ok(repeats_hpp(some_updates()));
  expect_ok(view_hpp(some_updates()));
  expect_ok(stories_hpp(some_updates()));
  expect_ok(bcubed_hpp());
  expect_ok(summarizer_hpp(c));
  expect_ok(summary_hpp(c, *lead));
  expect_ok(writer_hpp(sitrep::report::build_report(c, s), c, s));
  expect_ok(centroid_hpp(c));
  expect_ok(lexrank_hpp(c));
  expect_ok(textrank_hpp(c));
  expect_ok(sumbasic_hpp(c));
  expect_ok(klsum_hpp(c));
  expect_ok(lead_hpp(c));
  expect_ok(auto_summarizer_hpp(c));
  expect_ok(submodular_hpp(c));
  expect_ok(ilp_hpp(c));
  expect_ok(rouge_hpp("the fire was contained", "firefighters contained the fire",
                      "the fire is out", "the depot fire was contained by noon",
                      "a fire at the depot"));
  expect_ok(rouge_options_hpp());
  expect_ok(analyzer_hpp());
  expect_ok(sentence_splitter_hpp());
  expect_ok(utf8_hpp());
  const std::string out = testing::internal::GetCapturedStdout();
  if (HasFailure()) std::cerr << out;  // GoogleTest's failure messages went to stdout too
  EXPECT_NE(out.find("SITUATION REPORT"), std::string::npos);
  EXPECT_NE(out.find("He said so."), std::string::npos);
}

// ---- include/sitrep/io/follower.hpp
// A followed file never ends: the example's `refresh_something()` (called when nothing new came
// within the wait) ends the run here by throwing.
struct follower_example_done {};
void refresh_something() { throw follower_example_done{}; }

int follower_hpp() {
  auto f = sitrep::io::follower::open("feed.jsonl", {});   // "-" is standard input
  if (!f) { std::cerr << f.error().message() << '\n'; return 2; }
  for (;;) {
    const auto event = f->next(500);                       // wait at most 500 ms
    if (event == sitrep::io::follow_event::line)
      std::cout << f->line_number() << ": " << f->line() << '\n';  // valid until next()
    else if (event == sitrep::io::follow_event::idle) refresh_something();
    else if (event == sitrep::io::follow_event::end) break;  // standard input closed
    else if (event == sitrep::io::follow_event::read_error) return 2;  // f->error() says why
    // too_long: line f->line_number() was over the limit; truncated, replaced, vanished:
    // what happened to the file (see below), worth a note.
  }
  return 0;
}

TEST(HeaderExamples, FollowerExampleReadsTheFileThenWaits) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("sitrep_header_examples_follower_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path saved = fs::current_path();
  fs::current_path(dir);
  std::ofstream(dir / "feed.jsonl") << R"({"id": "p-1", "text": "Gunmen attacked the hotel."})"
                                    << "\n";
  testing::internal::CaptureStdout();
  bool waited = false;
  try {
    follower_hpp();
  } catch (const follower_example_done&) {
    waited = true;
  }
  const std::string out = testing::internal::GetCapturedStdout();
  fs::current_path(saved);
  fs::remove_all(dir);
  EXPECT_TRUE(waited);
  EXPECT_EQ(out, "1: {\"id\": \"p-1\", \"text\": \"Gunmen attacked the hotel.\"}\n");
}

}  // namespace
