#include "sitrep/vsm/collection.hpp"

#include <algorithm>

#include "sitrep/text/tokenizer.hpp"

namespace sitrep::vsm {
namespace {

// Scratch that `add` reuses from one update to the next, so that indexing an update allocates
// only what the collection keeps. It lives here (one per thread, as `add` is single-writer)
// rather than in the collection so that the public header stays as it is; each `add` uses it
// from start to end, so collections that take turns on one thread can share it.
struct add_scratch {
  std::vector<text::analyzed_view> tokens;
  std::vector<term_id> sorted;
  std::vector<term_id> update_terms;
};

add_scratch& scratch() {
  thread_local add_scratch s;
  return s;
}

// sparse_vector::from_terms(terms), sorting in `buf` and sizing the entries exactly (a
// sentence's vector is kept for the life of the stream).
sparse_vector term_counts(std::span<const term_id> terms, std::vector<term_id>& buf) {
  buf.assign(terms.begin(), terms.end());
  std::sort(buf.begin(), buf.end());
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < buf.size(); ++i) distinct += (i == 0 || buf[i] != buf[i - 1]);
  sparse_vector v;
  v.entries.reserve(distinct);
  for (std::size_t i = 0; i < buf.size();) {
    std::size_t j = i;
    while (j < buf.size() && buf[j] == buf[i]) ++j;
    v.entries.emplace_back(buf[i], static_cast<double>(j - i));
    i = j;
  }
  return v;
}

}  // namespace

result<collection> collection::create(const options& opts) {
  auto a = text::analyzer::create(opts.analysis);
  if (!a) return a.error();
  return collection(opts, std::move(a).value());
}

collection::collection(options opts, text::analyzer analyzer)
    : options_(std::move(opts)), analyzer_(std::move(analyzer)), splitter_(options_.splitting) {}

void collection::add(update u) {
  const std::size_t update_index = updates_.size();
  updates_.push_back(std::move(u));
  update_first_sentence_.push_back(sentences_.size());
  const std::string& body = updates_.back().text;

  add_scratch& sc = scratch();
  sc.update_terms.clear();
  std::size_t position = 0;
  for (const text::byte_span& span : splitter_.split(body)) {
    std::string_view s(body.data() + span.begin, span.size());
    sentence_record rec;
    rec.update = update_index;
    rec.position = position++;
    rec.bytes = span;
    rec.words = text::count_words(s);
    analyzer_.analyze_into(s, sc.tokens);
    const std::size_t content = static_cast<std::size_t>(std::count_if(
        sc.tokens.begin(), sc.tokens.end(), [](const auto& t) { return !t.stopword; }));
    rec.tokens.reserve(sc.tokens.size());
    rec.stopword.reserve(sc.tokens.size());
    rec.terms.reserve(content);
    for (const text::analyzed_view& tok : sc.tokens) {
      // The analyzer is this collection's own, so its tags are ours: the vocabulary id of the
      // token's term, looked up once per distinct token instead of once per token.
      if (*tok.tag == text::analyzer::kNoTag) *tok.tag = vocab_.intern(tok.term);
      const term_id id = *tok.tag;
      rec.tokens.push_back(id);
      rec.stopword.push_back(tok.stopword);
      if (!tok.stopword) rec.terms.push_back(id);
    }
    rec.tf = term_counts(rec.terms, sc.sorted);
    sentence_df_.add_document(rec.terms);
    sc.update_terms.insert(sc.update_terms.end(), rec.terms.begin(), rec.terms.end());
    sentences_.push_back(std::move(rec));
  }
  update_df_.add_document(sc.update_terms);
}

std::string_view collection::text(std::size_t i) const {
  const sentence_record& s = sentences_[i];
  return std::string_view(updates_[s.update].text).substr(s.bytes.begin, s.bytes.size());
}

sparse_vector collection::tfidf(std::size_t i) const {
  sparse_vector v = sentences_[i].tf;
  for (auto& [t, w] : v.entries) w *= sentence_df_.idf(t);
  return v;
}

sparse_vector collection::tfidf(std::span<const term_id> terms) const {
  sparse_vector v = sparse_vector::from_terms(terms);
  for (auto& [t, w] : v.entries) w *= sentence_df_.idf(t);
  return v;
}

}  // namespace sitrep::vsm
