#include "sitrep/eval/topic_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "sitrep/core/utf8.hpp"

namespace sitrep::eval {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

result<std::vector<std::string>> txt_files(const std::string& dir) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return io_error(dir + ": cannot read folder: " + ec.message());
  std::vector<std::string> names;
  for (const auto& entry : it) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || !ends_with(name, ".txt")) continue;
    if (!entry.is_regular_file(ec)) continue;
    names.push_back(name);
  }
  if (names.empty()) return invalid_input(dir + ": no .txt file in this folder");
  std::sort(names.begin(), names.end());
  return names;
}

result<std::string> read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error(path.string() + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return io_error(path.string() + ": read error");
  return ss.str();
}

// A summary or reference must be text: no NUL byte (a binary file) and well-formed UTF-8.
// The message names the line and the byte in it (both 1-based), as the input readers do.
status check_text(const fs::path& path, std::string_view text) {
  std::size_t line = 1, line_start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    const std::string where = path.string() + ":" + std::to_string(line) + ": ";
    const std::string byte = std::to_string(i - line_start + 1);
    if (b == 0) return invalid_input(where + "binary data (NUL byte at byte " + byte + ")");
    if (b < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8::sequence_length(text, i);
    if (len == 0) return invalid_input(where + "invalid UTF-8 at byte " + byte);
    i += len;
  }
  return status::ok();
}

result<std::string> read_text(const fs::path& path) {
  auto text = read_whole(path);
  if (!text) return text;
  if (status st = check_text(path, *text); !st) return st;
  return text;
}

}  // namespace

result<std::vector<std::pair<std::string, std::vector<std::size_t>>>> match_topics(
    const std::vector<std::string>& system_names, const std::vector<std::string>& reference_names) {
  std::map<std::string, std::vector<std::size_t>> topics;
  for (const std::string& s : system_names) {
    if (!ends_with(s, ".txt") || s.size() == 4)
      return invalid_input("system summary '" + s + "' is not named <topic>.txt");
    topics.emplace(s.substr(0, s.size() - 4), std::vector<std::size_t>{});
  }
  std::vector<std::size_t> order(reference_names.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return reference_names[a] < reference_names[b]; });
  for (std::size_t i : order) {
    const std::string& r = reference_names[i];
    if (!ends_with(r, ".txt"))
      return invalid_input("reference '" + r + "' is not named <topic>.<label>.txt");
    const std::string stem = r.substr(0, r.size() - 4);
    // The longest topic that, followed by a dot, begins the name.
    std::string best;
    bool found = false;
    for (std::size_t dot = stem.find('.'); dot != std::string::npos; dot = stem.find('.', dot + 1)) {
      std::string candidate = stem.substr(0, dot);
      if (topics.count(candidate) != 0) {
        best = candidate;
        found = true;
      }
    }
    if (!found) {
      const std::size_t dot = stem.rfind('.');
      const std::string topic = dot == std::string::npos ? stem : stem.substr(0, dot);
      return not_found("topic '" + topic + "' has a reference (" + r +
                       ") but no system summary (expected " + topic + ".txt)");
    }
    topics[best].push_back(i);
  }
  std::vector<std::pair<std::string, std::vector<std::size_t>>> out;
  for (auto& [topic, refs] : topics) {
    if (refs.empty())
      return not_found("topic '" + topic + "' has no reference (expected " + topic +
                       ".<label>.txt)");
    out.emplace_back(topic, std::move(refs));
  }
  return out;
}

result<std::vector<topic_input>> load_topics(const std::string& system_dir,
                                             const std::string& reference_dir) {
  auto systems = txt_files(system_dir);
  if (!systems) return systems.error();
  auto references = txt_files(reference_dir);
  if (!references) return references.error();
  auto matched = match_topics(*systems, *references);
  if (!matched) return matched.error();
  std::vector<topic_input> out;
  out.reserve(matched->size());
  for (const auto& [topic, refs] : *matched) {
    topic_input t;
    t.id = topic;
    auto sys = read_text(fs::path(system_dir) / (topic + ".txt"));
    if (!sys) return sys.error();
    t.system = std::move(*sys);
    for (std::size_t i : refs) {
      auto ref = read_text(fs::path(reference_dir) / (*references)[i]);
      if (!ref) return ref.error();
      t.references.push_back(std::move(*ref));
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace sitrep::eval
