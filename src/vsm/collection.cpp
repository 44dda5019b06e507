#include "sitrep/vsm/collection.hpp"

#include <algorithm>

#include "sitrep/text/tokenizer.hpp"

#include "sorted_dot.hpp"

namespace sitrep::vsm {

double term_counts::weight(term_id term) const noexcept {
  auto it = std::lower_bound(entries.begin(), entries.end(), term,
                             [](const entry& e, term_id t) { return e.first < t; });
  return it != entries.end() && it->first == term ? static_cast<double>(it->second) : 0.0;
}

double term_counts::dot(const term_counts& other) const noexcept {
  return detail::sorted_dot(entries, other.entries);
}

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
    // Sized exactly, in the arenas: the record keeps only views (no allocation per sentence).
    const std::span<term_id> tokens = token_store_.allocate(sc.tokens.size());
    const std::span<bool> stopword = stopword_store_.allocate(sc.tokens.size());
    const std::span<term_id> terms = term_store_.allocate(content);
    std::size_t k = 0, m = 0;
    for (const text::analyzed_view& tok : sc.tokens) {
      // The analyzer is this collection's own, so its tags are ours: the vocabulary id of the
      // token's term, looked up once per distinct token instead of once per token.
      if (*tok.tag == text::analyzer::kNoTag) *tok.tag = vocab_.intern(tok.term);
      const term_id id = *tok.tag;
      tokens[k] = id;
      stopword[k] = tok.stopword;
      ++k;
      if (!tok.stopword) terms[m++] = id;
    }
    rec.tokens = tokens;
    rec.stopword = stopword;
    rec.terms = terms;
    // Term counts: the content terms sorted, equal runs counted.
    sc.sorted.assign(terms.begin(), terms.end());
    std::sort(sc.sorted.begin(), sc.sorted.end());
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < sc.sorted.size(); ++i)
      distinct += (i == 0 || sc.sorted[i] != sc.sorted[i - 1]);
    const std::span<term_counts::entry> counts = count_store_.allocate(distinct);
    std::size_t d = 0;
    for (std::size_t i = 0; i < sc.sorted.size();) {
      std::size_t j = i;
      while (j < sc.sorted.size() && sc.sorted[j] == sc.sorted[i]) ++j;
      counts[d++] = {sc.sorted[i], static_cast<std::uint32_t>(j - i)};
      i = j;
    }
    rec.tf.entries = counts;
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
  // The count as a double times the IDF: the same arithmetic as scaling a vector of counts.
  const term_counts& tf = sentences_[i].tf;
  sparse_vector v;
  v.entries.reserve(tf.entries.size());
  for (const auto& [t, n] : tf.entries)
    v.entries.emplace_back(t, static_cast<double>(n) * sentence_df_.idf(t));
  return v;
}

sparse_vector collection::tfidf(std::span<const term_id> terms) const {
  sparse_vector v = sparse_vector::from_terms(terms);
  for (auto& [t, w] : v.entries) w *= sentence_df_.idf(t);
  return v;
}

}  // namespace sitrep::vsm
