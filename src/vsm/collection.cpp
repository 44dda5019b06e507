#include "sitrep/vsm/collection.hpp"

#include <algorithm>

#include "sitrep/text/tokenizer.hpp"

namespace sitrep::vsm {

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

  scratch& sc = scratch_;
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
    rec.tf = sparse_vector::from_terms(rec.terms);
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
