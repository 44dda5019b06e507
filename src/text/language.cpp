#include "language.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace sitrep::text::detail {
namespace {

// The ISO 639 codes libstemmer accepts as aliases (its modules.txt). libstemmer would accept
// them itself; resolving them here gives one canonical name for messages, language() and the
// stopword files.
constexpr std::array<std::pair<std::string_view, std::string_view>, 64> kAliases = {{
    {"ar", "arabic"},     {"ara", "arabic"},     {"hy", "armenian"},   {"hye", "armenian"},
    {"arm", "armenian"},  {"eu", "basque"},      {"eus", "basque"},    {"baq", "basque"},
    {"ca", "catalan"},    {"cat", "catalan"},    {"da", "danish"},     {"dan", "danish"},
    {"nl", "dutch"},      {"nld", "dutch"},      {"dut", "dutch"},     {"en", "english"},
    {"eng", "english"},   {"fi", "finnish"},     {"fin", "finnish"},   {"fr", "french"},
    {"fra", "french"},    {"fre", "french"},     {"de", "german"},     {"deu", "german"},
    {"ger", "german"},    {"el", "greek"},       {"ell", "greek"},     {"gre", "greek"},
    {"hi", "hindi"},      {"hin", "hindi"},      {"hu", "hungarian"},  {"hun", "hungarian"},
    {"id", "indonesian"}, {"ind", "indonesian"}, {"ga", "irish"},      {"gle", "irish"},
    {"it", "italian"},    {"ita", "italian"},    {"lt", "lithuanian"}, {"lit", "lithuanian"},
    {"ne", "nepali"},     {"nep", "nepali"},     {"no", "norwegian"},  {"nor", "norwegian"},
    {"pt", "portuguese"}, {"por", "portuguese"}, {"ro", "romanian"},   {"ron", "romanian"},
    {"rum", "romanian"},  {"ru", "russian"},     {"rus", "russian"},   {"sr", "serbian"},
    {"srp", "serbian"},   {"es", "spanish"},     {"spa", "spanish"},   {"esl", "spanish"},
    {"sv", "swedish"},    {"swe", "swedish"},    {"ta", "tamil"},      {"tam", "tamil"},
    {"tr", "turkish"},    {"tur", "turkish"},    {"yi", "yiddish"},    {"yid", "yiddish"},
}};

bool is_stemmer_name(std::string_view name) {
  for (const char** p = sb_stemmer_list(); *p != nullptr; ++p)
    if (name == *p) return true;
  return false;
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string canonical_language(std::string_view name) {
  std::string lower = ascii_lower(name);
  if (is_stemmer_name(lower)) return lower;
  auto it = std::find_if(kAliases.begin(), kAliases.end(),
                         [&](const auto& alias) { return alias.first == lower; });
  if (it != kAliases.end() && is_stemmer_name(it->second)) return std::string(it->second);
  return {};
}

}  // namespace sitrep::text::detail
