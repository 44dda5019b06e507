// sitrep/eval/topic_files.hpp — an evaluation set from a folder of system summaries and a folder
// of references, matched by file name (the layout ROUGE users and the DUC data already use).
//
//   auto set = sitrep::eval::load_topics("runs/lexrank", "duc2004/references");
//   if (!set) { std::cerr << set.error().message() << '\n'; return 2; }
//   auto ev = scorer.evaluate(*set);
//
// Naming: the system folder holds `<topic>.txt`, one file per topic; the reference folder holds
// `<topic>.<label>.txt`, any number per topic (`d30001t.A.txt`, `d30001t.B.txt`). Topic names may
// contain dots: a reference belongs to the longest system topic that, followed by a dot, begins
// its name. Only regular `.txt` files count; hidden files are passed over. References of a topic
// are ordered by file name (the order `-f B` breaks ties in).
//
// Every file must be UTF-8 text: a NUL byte ("d1.txt:3: binary data (NUL byte at byte 5)") or
// an ill-formed UTF-8 sequence ("d1.A.txt:2: invalid UTF-8 at byte 17"; line and byte in it
// 1-based) is invalid_input, never scored: ROUGE's tokens are ASCII, so such a file would
// otherwise be scored silently as if its bad bytes were spaces.
//
// Errors: io_error when a folder or file cannot be read; not_found naming the topic when a topic
// has no reference or a reference has no system summary; invalid_input when a folder holds no
// `.txt` file or a file is binary or not UTF-8 (above).
#pragma once

#include <string>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/eval/rouge.hpp"

namespace sitrep::eval {

/// The topics of `system_dir` with their references from `reference_dir`, sorted by topic id.
result<std::vector<topic_input>> load_topics(const std::string& system_dir,
                                             const std::string& reference_dir);

/// The matching rule alone, on file names (no folder access): system names `<topic>.txt`,
/// reference names `<topic>.<label>.txt`. Returns, for each topic in sorted order, the indices
/// of its references in `reference_names` sorted by name; errors as load_topics.
result<std::vector<std::pair<std::string, std::vector<std::size_t>>>> match_topics(
    const std::vector<std::string>& system_names, const std::vector<std::string>& reference_names);

}  // namespace sitrep::eval
