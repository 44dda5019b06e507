#include "sitrep/text/stemmer.hpp"

#include <libstemmer.h>

#include <algorithm>

#include "language.hpp"

namespace sitrep::text {

struct stemmer::impl {
  explicit impl(sb_stemmer* s) : handle(s) {}
  ~impl() { sb_stemmer_delete(handle); }
  impl(const impl&) = delete;
  impl& operator=(const impl&) = delete;
  sb_stemmer* handle;
};

result<stemmer> stemmer::create(std::string_view language) {
  std::string name = detail::canonical_language(language);
  sb_stemmer* handle = name.empty() ? nullptr : sb_stemmer_new(name.c_str(), "UTF_8");
  if (handle == nullptr)
    return not_found("unknown stemmer language \"" + std::string(language) +
                     "\"; known languages: " + detail::join(languages()));
  return stemmer(std::move(name), std::make_unique<impl>(handle));
}

std::vector<std::string> stemmer::languages() {
  std::vector<std::string> out;
  for (const char** p = sb_stemmer_list(); *p != nullptr; ++p) out.emplace_back(*p);
  std::sort(out.begin(), out.end());
  return out;
}

stemmer::stemmer(std::string language, std::unique_ptr<impl> impl)
    : language_(std::move(language)), impl_(std::move(impl)) {}
stemmer::stemmer(stemmer&&) noexcept = default;
stemmer& stemmer::operator=(stemmer&&) noexcept = default;
stemmer::~stemmer() = default;

std::string stemmer::stem(std::string_view word) {
  if (!impl_ || word.empty()) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(impl_->handle, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  // libstemmer returns null only when it runs out of memory; the word itself is the best answer.
  if (out == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(impl_->handle)));
}

}  // namespace sitrep::text
