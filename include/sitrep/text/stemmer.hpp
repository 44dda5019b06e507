// sitrep/text/stemmer.hpp — Snowball stemmers for every language libstemmer has.
//
//   auto s = sitrep::text::stemmer::create("english");
//   if (!s) return s.error();
//   s->stem("running");  // "run"
//
// Languages are named as libstemmer names them ("english", "french", "german", ... and the
// ISO 639 codes it accepts, "en", "fr", "deu"); ASCII case is ignored ("English"), and
// `language()` always gives the canonical name ("en" -> "english"). `stemmer::languages()` lists
// the 29 names: arabic, armenian, basque, catalan, danish, dutch, english, finnish, french,
// german, greek, hindi, hungarian, indonesian, irish, italian, lithuanian, nepali, norwegian,
// porter (Porter's original English algorithm), portuguese, romanian, russian, serbian, spanish,
// swedish, tamil, turkish, yiddish. Input must be normalized lowercase UTF-8 (see tokenizer.hpp);
// other input gives some string, never a crash. Creating a stemmer costs a little: make one and
// reuse it.
//
// Thread safety: a stemmer keeps scratch state, so `stem` must not be called on one object
// from two threads at once; make one per thread. Moving is cheap; copying is disabled.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"

namespace sitrep::text {

class stemmer {
 public:
  /// A stemmer for `language`, or not_found naming the language and listing the known ones.
  static result<stemmer> create(std::string_view language);
  /// The language names libstemmer knows, sorted.
  static std::vector<std::string> languages();

  stemmer(stemmer&&) noexcept;
  stemmer& operator=(stemmer&&) noexcept;
  ~stemmer();

  /// The stem of one lowercase word; "" for "". A moved-from stemmer returns the word as is.
  std::string stem(std::string_view word);
  const std::string& language() const noexcept { return language_; }

 private:
  struct impl;
  stemmer(std::string language, std::unique_ptr<impl> impl);
  std::string language_;
  std::unique_ptr<impl> impl_;
};

}  // namespace sitrep::text
