// sitrep/core/update.hpp — one update of a news stream, the unit every module starts from.
//
//   sitrep::update u;
//   u.id = "post-17"; u.time = "2015-11-20T09:41:00Z"; u.source = "Reuters";
//   u.text = "Gunmen attacked the Radisson Blu hotel in Bamako.";
//
// An update is plain data: readers (`sitrep::io`) fill it, the engine never changes it. Every
// sentence and every figure sitrep reports points back to an update by its index in the stream,
// and through it to the file and line it came from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace sitrep {

struct update {
  /// Identifier from the input; readers of plain text make one ("<file>:<line>").
  std::string id;
  /// Time as written in the input (ISO-8601), empty when unknown.
  std::string time;
  /// `time` as seconds since 1970-01-01T00:00:00Z, when it parses as ISO-8601.
  std::optional<std::int64_t> unix_time;
  /// Who published it (a wire, an official, a reporter); empty when unknown.
  std::string source;
  /// A headline, when the input has one; not part of `text`.
  std::string title;
  /// The body, valid UTF-8. Empty for a post without text (an image, video or embed post):
  /// such an update is kept and counted but carries no sentences.
  std::string text;
  /// Provenance: the input file ("-" for standard input) and 1-based line the update starts on.
  std::string origin;
  std::size_t line = 0;
};

}  // namespace sitrep
