#include "sitrep/vsm/collection.hpp"

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

  std::vector<term_id> update_terms;
  std::size_t position = 0;
  for (const text::byte_span& span : splitter_.split(body)) {
    std::string_view s(body.data() + span.begin, span.size());
    sentence_record rec;
    rec.update = update_index;
    rec.position = position++;
    rec.bytes = span;
    rec.words = text::count_words(s);
    for (auto& tok : analyzer_.analyze(s)) {
      term_id id = vocab_.intern(tok.term);
      rec.tokens.push_back(id);
      rec.stopword.push_back(tok.stopword);
      if (!tok.stopword) rec.terms.push_back(id);
    }
    rec.tf = sparse_vector::from_terms(rec.terms);
    sentence_df_.add_document(rec.terms);
    update_terms.insert(update_terms.end(), rec.terms.begin(), rec.terms.end());
    sentences_.push_back(std::move(rec));
  }
  update_df_.add_document(update_terms);
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
