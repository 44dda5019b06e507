// sitrep/text/sentence_splitter.hpp — sentence segmentation tuned for news.
//
//   sitrep::text::sentence_splitter splitter;
//   for (auto s : splitter.split("Col. Smith left at 5:30 p.m. on Jan. 3. He said so."))
//     std::cout << text.substr(s.begin, s.end - s.begin) << '\n';
//   // "Col. Smith left at 5:30 p.m. on Jan. 3."  /  "He said so."
//
// What it gets right: abbreviations and titles (U.S., Col., Gen., Dr., Jan., Sept., e.g., i.e.,
// a.m.), initials (J. R. R. Tolkien), decimals and money ($3.50), times (5:30 p.m.), ellipses,
// URLs and e-mail addresses, a closing quote or bracket after the full stop (it stays with its
// sentence), a missing space after a full stop ("arrived.The"), and lowercased tokenized text
// such as the Live Blog Corpus ("he said : we 're here . more soon").
//
// Contract: spans are byte offsets into the given text, in order, non-overlapping, trimmed of
// surrounding white space, never empty; text with no non-space character gives no span. Every
// non-space byte of the input lies in exactly one span. The splitter is immutable after
// construction and safe to share between threads.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace sitrep::text {

/// A half-open byte range [begin, end) into some text.
struct byte_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const noexcept { return end - begin; }
  friend bool operator==(const byte_span&, const byte_span&) = default;
};

class sentence_splitter {
 public:
  struct options {
    /// A sentence longer than this many bytes is cut at the next white space after it, so that
    /// a run-on input (a list with no full stops) cannot make one giant sentence. 0 = no limit.
    std::size_t max_sentence_bytes = 2000;
  };

  sentence_splitter() : sentence_splitter(options{}) {}
  explicit sentence_splitter(options opts);

  /// Splits `text` (UTF-8) into sentences; see the contract above.
  std::vector<byte_span> split(std::string_view text) const;

 private:
  options opts_;
};

}  // namespace sitrep::text
