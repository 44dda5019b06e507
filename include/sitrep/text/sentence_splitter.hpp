// sitrep/text/sentence_splitter.hpp — sentence segmentation tuned for news.
//
//   sitrep::text::sentence_splitter splitter;
//   std::string_view text = "Col. Smith left at 5:30 p.m. on Jan. 3. He said so.";
//   for (auto s : splitter.split(text))
//     std::cout << text.substr(s.begin, s.size()) << '\n';
//   // "Col. Smith left at 5:30 p.m. on Jan. 3."  /  "He said so."
//
// Contract: spans are byte offsets into the given text, in order, non-overlapping, trimmed of
// surrounding white space, never empty; text with no non-space character gives no span. Every
// non-space byte of the input lies in exactly one span. White space means ASCII white space and
// the Unicode space separators (U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000, U+1680) and
// line separators (U+0085, U+2028, U+2029). Invalid UTF-8 bytes are ordinary non-space bytes.
// The splitter is immutable after construction and safe to share between threads; `split`
// runs in time linear in the input.
//
// How it decides. A sentence ends only after a run of sentence-final punctuation — `.`, `?`,
// `!`, `…`, mixed runs such as `?!` and `!!!`, a spaced ellipsis `. . .`, the CJK `。！？`,
// the Devanagari danda `।` and the Arabic `؟ ۔` — or at a blank line. Closing quotes and
// brackets right after the run stay with its sentence (`He said "go."`, `(See below.)`,
// `「行こう。」`), and so do closing marks standing alone after a space (`« Je pars. »`,
// tokenized `go . ''`). Then, by kind of run:
//   * blank line (two line breaks, a paragraph separator or a form feed): always a boundary,
//     even after an abbreviation or with no punctuation at all (headlines).
//   * `。！？` (scripts without spaces): always a boundary.
//   * `?` `!`: a boundary when white space follows and the next word does not start with a
//     lowercase letter or with a dash, comma, colon or semicolon (`"Stop!" he shouted.` and
//     `"Awful!" — a reader` stay whole). No white space, no boundary (`Yahoo!News`).
//   * ellipsis (`...`, `..`, `…`, `. . .`): a boundary only before a capitalized word
//     (`Wait... what` stays, `He left... The end.` splits), unless that word repeats the one
//     before the ellipsis (`I... I don't know`).
//   * `.` followed by white space: no boundary before a lowercase word (`e.g. the`, `7 a.m.
//     local time`, `Ph.D. in`) or a continuing mark. Otherwise it depends on the word before
//     the full stop, looked up in data/text/abbreviations.txt (case-insensitively; the file
//     explains the classes):
//       - title (Mr., Dr., Gen., Col., Sgt., Sen., Gov., e.g., i.e., vs.): never a boundary.
//       - common (U.S., U.N., Inc., Corp., Co., Jr., St., Jan., Sept., ...), an unlisted dotted
//         acronym (F.B.I., N.Y.) or a single capital initial (George W. Bush): a boundary only
//         before a capitalized word from a short list of common sentence starters (The, A, He,
//         She, It, They, We, But, In, ...): `in the U.S. The rest` splits, `U.S. Army` and
//         `Apple Inc. Chief` do not.
//       - time (a.m., p.m.): a boundary before any capitalized word except a weekday, a month,
//         a time zone or "Local": `at 5:30 p.m. The next day` and `2 a.m. Police arrived` split,
//         `9 a.m. Monday` and `8 p.m. EST` do not.
//       - final (etc.): a boundary before any capitalized word.
//       - number (No., Fig., Vol., pp.): no boundary before a digit (`No. 10`), otherwise an
//         ordinary word (`She said no. The deal`).
//       - any other word, number, URL or e-mail address: a boundary.
//   * `.` preceded by white space (a standalone ` . ` token): tokenized text such as the Live
//     Blog Corpus; a boundary whatever the case of the next word (`we 're here . more soon`).
//     The same holds for standalone `?` and `!`, and a repeated stop (`? ?`) joins the run.
//   * `.` with no white space after it: a boundary only for a missing space between sentences,
//     i.e. a lowercase letter before, an uppercase letter then a lowercase letter (or a space)
//     after, and a plain word before: `arrived.The police` splits; `U.S.A`, `e.g.the`, `3.5`,
//     `www.bbc.co.uk`, `j.doe@example.org`, `Mr.Smith` and `Node.JS` do not.
// Finally `max_sentence_bytes` cuts what is still too long.
//
// Known limits: a sentence that ends with a title abbreviation (`... sales rep. Then`) is merged
// with the next one; a common abbreviation followed by a sentence that starts with a name
// (`in the U.S. Obama said`) is merged too (merging is the cheaper mistake for summaries);
// French spacing before `?`/`!` followed by a lowercase word (`« Tu pars ? » demanda-t-il`)
// splits, as tokenized text does; a single straight quote standing alone after a space is never
// taken as closing.
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
    /// A sentence longer than this many bytes is cut at the first white space at or after this
    /// many bytes from its start (so pieces can exceed the limit by up to one word), so that a
    /// run-on input (a list with no full stops) cannot make one giant sentence. A sentence with
    /// no white space after the limit is left whole. 0 = no limit.
    std::size_t max_sentence_bytes = 2000;
  };

  /// A splitter with default options. Construction parses the built-in abbreviation list once
  /// per process (it is shared by all splitters).
  sentence_splitter() : sentence_splitter(options{}) {}
  explicit sentence_splitter(options opts);

  /// Splits `text` (UTF-8) into sentences; see the contract above.
  std::vector<byte_span> split(std::string_view text) const;

 private:
  options opts_;
};

}  // namespace sitrep::text
