#include "sitrep/text/stopwords.hpp"

#include "embedded_data.hpp"
#include "language.hpp"
#include "sitrep/core/lines.hpp"
#include "sitrep/text/tokenizer.hpp"

namespace sitrep::text {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

result<stopword_list> stopword_list::for_language(std::string_view language) {
  std::string name = detail::canonical_language(language);
  if (name == "porter") name = "english";
  std::string_view text = name.empty() ? std::string_view{} : detail::embedded_stopwords(name);
  if (text.empty())
    return not_found("no stopword list for language \"" + std::string(language) +
                     "\"; lists ship for: " + detail::join(languages()));

  stopword_list list;
  // One word per line. The shipped files have no comments, but a line starting with '#' or '|'
  // (Snowball's own comment mark) is skipped so that annotated lists can be dropped in.
  for_each_line(text, [&](std::string_view line) {
    line = trim(line);
    if (!line.empty() && line.front() != '#' && line.front() != '|')
      list.words_.insert(normalize(line));
  });
  return list;
}

std::vector<std::string> stopword_list::languages() {
  auto names = detail::embedded_stopword_languages();
  return {names.begin(), names.end()};
}

bool stopword_list::contains(std::string_view word) const {
  return words_.find(word) != words_.end();
}

}  // namespace sitrep::text
