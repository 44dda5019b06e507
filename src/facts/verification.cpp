#include "sitrep/facts/verification.hpp"

#include <algorithm>
#include <bit>
#include <initializer_list>
#include <string>

#include "cue_lexicon.hpp"

namespace sitrep::facts {

std::string_view to_string(verification v) noexcept {
  switch (v) {
    case verification::unverified: return "unverified";
    case verification::denied: return "denied";
    case verification::confirmed: return "confirmed";
  }
  return "unverified";
}

std::string_view to_string(cue_kind k) noexcept {
  switch (k) {
    case cue_kind::epistemic: return "epistemic";
    case cue_kind::doxastic: return "doxastic";
    case cue_kind::report: return "report";
    case cue_kind::claim: return "claim";
    case cue_kind::condition: return "condition";
    case cue_kind::question: return "question";
    case cue_kind::forecast: return "forecast";
    case cue_kind::denial: return "denial";
    case cue_kind::confirmation: return "confirmation";
  }
  return "epistemic";
}

namespace {

using sv = std::string_view;
using detail::cue_class;
using detail::in;
using detail::token;

std::optional<verification> status_of(cue_kind k) {
  switch (k) {
    case cue_kind::epistemic:
    case cue_kind::doxastic:
    case cue_kind::report:
    case cue_kind::claim: return verification::unverified;
    case cue_kind::denial: return verification::denied;
    case cue_kind::confirmation: return verification::confirmed;
    default: return std::nullopt;
  }
}

bool reference_opening(std::span<const token> t) {
  if (t.empty() || !t[0].word) return false;
  const sv w = t[0].low;
  if (in(w, {"this", "that", "it", "these", "those"})) return true;
  if ((w == "the" || w == "this" || w == "that" || w == "such") && t.size() > 1 && t[1].word)
    return in(t[1].low, {"statement", "statements", "claim", "claims", "report", "reports",
                         "video", "message", "account", "accounts", "information", "footage",
                         "figure", "figures", "allegation", "allegations", "news", "tweet",
                         "post", "announcement", "rumour", "rumor", "rumours", "rumors"});
  return false;
}

// A past participle ("delayed", "laid", "forced", "taken"), roughly.
bool participle(sv w) {
  return (w.size() > 3 && (w.ends_with("ed") || w.ends_with("en"))) ||
         in(w, {"laid", "paid", "made", "held", "sold", "built", "cut", "put", "set", "hit", "shut",
                "told", "said", "sent", "kept", "left", "lost", "found", "brought", "bought", "caught",
                "taught", "thought", "done", "gone", "seen", "known", "shown", "grown", "drawn"});
}

// Modals read as epistemic when "be" or "have" follows: "might be present", "could have died".
bool modal(sv w) { return in(w, {"may", "might", "could"}); }

}  // namespace

status_detector::status_detector(options opts) : opts_(opts) {}

void status_detector::cues(std::span<const token> toks, std::vector<status_cue>& out,
                           bool& back_reference) const {
  thread_local std::vector<detail::cue_match> matches;
  std::size_t words = 0;
  for (const auto& t : toks) words += t.word;
  back_reference = words <= opts_.back_reference_words && reference_opening(toks);
  std::size_t last_neg = static_cast<std::size_t>(-1);
  std::size_t covered = 0;  // tokens before this are inside an earlier cue
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (!toks[i].word) continue;
    const sv w = toks[i].low;
    if (detail::is_negation(w) || w == "yet") {
      if (w != "yet" || last_neg == static_cast<std::size_t>(-1) || i - last_neg > 2) last_neg = i;
    }
    if (i < covered) continue;
    matches.clear();
    detail::match_at(toks, i, matches);
    // Modals first: their kind depends on the next word.
    if (modal(w)) {
      // "May" inside a sentence is the month ("in May"), unless a verb follows.
      if (toks[i].cap && i > 0 && !(i + 1 < toks.size() && toks[i + 1].word &&
                                    in(toks[i + 1].low, {"be", "have", "not", "well", "also"})))
        continue;
      std::size_t k = i + 1;
      while (k < toks.size() && toks[k].word &&
             in(toks[k].low, {"not", "well", "also", "still", "already", "yet", "even", "now", "never"}))
        ++k;
      // "could not make": ability denied, not a hedge; "could be reached for comment".
      if (w == "could" && k > i + 1 && detail::is_negation(toks[i + 1].low)) continue;
      if (k + 1 < toks.size() && toks[k + 1].word && toks[k + 1].low == "reached") continue;
      const bool fact = k < toks.size() && toks[k].word && in(toks[k].low, {"be", "have"});
      out.push_back({{toks[i].begin, toks[i].end}, fact ? cue_kind::epistemic : cue_kind::forecast});
      continue;
    }
    // "would be" + a noun phrase, adjective or infinitive is the conditional mood, a
    // conjecture ("the first option would be to ...", "that would be a mistake"); "would be"
    // + a participle is a reported future ("would be delayed") and "would not comment" a refusal.
    if (w == "would") {
      std::size_t k = i + 1;
      while (k < toks.size() && toks[k].word &&
             in(toks[k].low, {"not", "n't", "also", "still", "likely", "probably", "really", "then", "normally", "only"}))
        ++k;
      if (k + 1 < toks.size() && toks[k].word && toks[k].low == "be" && toks[k + 1].word &&
          !participle(toks[k + 1].low)) {
        out.push_back({{toks[i].begin, toks[i].end}, cue_kind::condition});
        continue;
      }
    }
    // The longest match wins; on a tie the order below (status classes before hedges).
    const detail::cue_match* best = nullptr;
    for (const auto& m : matches) {
      if (m.cls == cue_class::say || m.cls == cue_class::listener || m.cls == cue_class::negation)
        continue;
      if (!best || m.words > best->words) best = &m;
    }
    if (!best) continue;
    const std::size_t end_tok = i + best->words;
    text::byte_span span{toks[i].begin, toks[end_tok - 1].end};
    cue_kind kind = cue_kind::epistemic;
    switch (best->cls) {
      case cue_class::epistemic: kind = cue_kind::epistemic; break;
      case cue_class::doxastic: kind = cue_kind::doxastic; break;
      case cue_class::report: kind = cue_kind::report; break;
      case cue_class::claim: kind = cue_kind::claim; break;
      case cue_class::condition: kind = cue_kind::condition; break;
      case cue_class::question: kind = cue_kind::question; break;
      case cue_class::forecast: kind = cue_kind::forecast; break;
      case cue_class::denial: kind = cue_kind::denial; break;
      case cue_class::confirmation: kind = cue_kind::confirmation; break;
      default: continue;
    }
    // "as expected", "the approval, which had been expected,": the expectation came true.
    if (kind == cue_kind::forecast &&
        ((i > 0 && toks[i - 1].word && toks[i - 1].low == "as") ||
         (end_tok < toks.size() && !toks[end_tok].word && (toks[end_tok].c == '.' || toks[end_tok].c == ','))))
      continue;
    const bool negated = last_neg != static_cast<std::size_t>(-1) && i > last_neg &&
                         i - last_neg <= opts_.negation_reach;
    if (kind == cue_kind::confirmation && negated) {
      // "has not (yet) been verified": unverified, the cue from the negation on.
      kind = cue_kind::report;
      span.begin = toks[last_neg].begin;
    } else if (kind == cue_kind::denial && negated) {
      continue;  // "did not deny"
    }
    // "is denied by BP": the passive and its agent are part of the cue.
    if (kind == cue_kind::denial || kind == cue_kind::confirmation) {
      std::size_t b = i;
      while (b > 0 && toks[b - 1].word && in(toks[b - 1].low, {"is", "was", "are", "were", "been", "has", "have", "had"})) --b;
      if (b < i && end_tok < toks.size() && toks[end_tok].word && toks[end_tok].low == "by") {
        std::size_t e = end_tok + 1;
        while (e < toks.size() && toks[e].word && e < end_tok + 4 &&
               (toks[e].cap || in(toks[e].low, {"the", "a", "an"})))
          ++e;
        if (e > end_tok + 1) span = {toks[b].begin, toks[e - 1].end};
      }
    }
    out.push_back({span, kind});
    covered = end_tok;
  }
}

std::vector<status_mark> status_detector::extract(sv text) const {
  const auto spans = splitter_.split(text);
  return extract(text, spans);
}

std::vector<status_mark> status_detector::extract(
    sv text, std::span<const text::byte_span> sentences) const {
  analysis a;
  a.assign(text, sentences);
  return extract(a);
}

std::vector<status_mark> status_detector::extract(const analysis& an) const {
  std::vector<status_mark> out;
  thread_local std::vector<status_cue> found;
  std::optional<text::byte_span> prev_sentence;
  for (std::size_t si = 0; si < an.size(); ++si) {
    const text::byte_span s = an.sentence(si);
    found.clear();
    bool back = false;
    cues(an.tokens(si), found, back);
    bool seen[3] = {false, false, false};
    for (const status_cue& c : found) {
      const auto st = status_of(c.kind);
      if (!st || seen[static_cast<int>(*st)]) continue;
      seen[static_cast<int>(*st)] = true;
      status_mark m;
      m.status = *st;
      m.kind = c.kind;
      m.cue = c.cue;
      m.sentence = s;
      m.claim = back && prev_sentence ? *prev_sentence : s;
      m.refers_back = back && !prev_sentence;
      out.push_back(m);
    }
    // Text order: the order of the first cue of each status is kept by the loop above.
    prev_sentence = s;
  }
  return out;
}

std::vector<status_cue> status_detector::hedges(sv text, text::byte_span sentence) const {
  std::vector<status_cue> out;
  if (sentence.end > text.size() || sentence.begin >= sentence.end) return out;
  bool back = false;
  thread_local std::string lower;
  thread_local std::vector<token> toks;
  detail::tokenize(text, sentence.begin, sentence.end, lower, toks);
  cues(toks, out, back);
  std::erase_if(out, [](const status_cue& c) {
    return c.kind == cue_kind::denial || c.kind == cue_kind::confirmation || c.kind == cue_kind::claim;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// claim_tracker

namespace {

const detail::word_set kFunctionWords = {"the", "and", "for", "that", "with", "this", "from", "was", "were", "are", "has",
                "have", "had", "been", "being", "its", "their", "his", "her", "they", "them",
                "who", "which", "what", "when", "where", "there", "than", "then", "into", "onto",
                "about", "after", "before", "over", "under", "also", "not", "but", "all", "any",
                "some", "our", "out", "will", "would", "can", "could", "may", "might", "should",
                "now", "yet", "still", "very", "more", "most", "such", "these", "those", "amid",
                "among", "while", "since", "just", "only", "other", "one", "two", "new", "say",
                "says", "said", "saying", "according", "reportedly", "officially", "today",
                "yesterday", "tonight", "morning", "evening", "week", "day", "year"};

bool function_word(sv w) { return kFunctionWords.contains(w); }

// A word's FNV-1a hash: claims compare sorted hashes, not strings (a collision only costs
// a spurious shared word).
std::uint64_t word_hash(sv w) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : w) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

void content_words(std::span<const token> toks, std::vector<std::uint64_t>& out) {
  out.clear();
  for (const auto& t : toks) {
    if (!t.word || t.low.size() < 3 || function_word(t.low)) continue;
    sv w = t.low;
    if (w.ends_with("'s")) w.remove_suffix(2);
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);
    if (w.size() >= 3) out.push_back(word_hash(w));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// One bit of 64 per word. Sentences that share n words share up to n bits, fewer when two of
// those words fall on one bit; the test in `add` (common bits >= min_shared_words) therefore
// turns away, besides the many pairs that cannot match, a few pairs that share exactly the
// minimum (about one in twenty for three shared words). The price of not comparing the word
// lists of every recent claim.
std::uint64_t signature(const std::vector<std::uint64_t>& words) {
  std::uint64_t sig = 0;
  for (std::uint64_t h : words) sig |= 1ull << (h >> 58);
  return sig;
}

// The content words of the sentence `s` of `an`'s text: its tokens from the analysis when it
// holds that sentence, else tokenized here.
void content_words(const analysis& an, text::byte_span s, std::vector<std::uint64_t>& out) {
  const std::size_t i = an.find(s);
  if (i < an.size()) return content_words(an.tokens(i), out);
  thread_local std::string lower;
  thread_local std::vector<token> toks;
  detail::tokenize(an.text(), s.begin, s.end, lower, toks);
  content_words(toks, out);
}

std::size_t shared(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else ++n, ++i, ++j;
  }
  return n;
}

}  // namespace

void claim_tracker::add(std::size_t update, sv text, std::span<const text::byte_span> sentences,
                        std::span<const status_mark> marks, std::size_t story) {
  const text::byte_span* last = nullptr;
  for (const auto& x : sentences)
    if (x.begin < x.end && x.end <= text.size()) last = &x;
  analysis a;
  a.assign(text, sentences);
  add_marks(update, a, marks, story, last);
}

void claim_tracker::add(std::size_t update, const analysis& an, std::span<const status_mark> marks,
                        std::size_t story) {
  add_marks(update, an, marks, story, an.size() ? &an.sentences().back() : nullptr);
}

void claim_tracker::add_marks(std::size_t update, const analysis& an,
                              std::span<const status_mark> marks, std::size_t story,
                              const text::byte_span* last_span) {
  const sv text = an.text();
  const std::size_t opened = claims_.size();  // claims before this are of earlier updates
  thread_local std::vector<std::uint64_t> words;
  last_sentence* last = nullptr;
  for (auto& l : last_)
    if (l.story == story) last = &l;
  for (const status_mark& m : marks) {
    if (m.claim.end > text.size() || m.claim.begin >= m.claim.end) continue;
    if (m.refers_back && last && last->update < update) {
      // "The statement has not yet been verified" as an update of its own: the claim is the
      // last sentence of the story's previous update.
      std::size_t c = claims_.size() > opts_.window ? claims_.size() - opts_.window : 0;
      while (c < claims_.size() && !(keys_[c].story == story && keys_[c].update == last->update &&
                                     keys_[c].sentence == last->sentence))
        ++c;
      if (c == claims_.size()) {
        claim fresh;
        fresh.story = story;
        fresh.update = last->update;
        fresh.sentence = last->sentence;
        fresh.status = m.status;
        claims_.push_back(std::move(fresh));
        words_.push_back(last->words);
        keys_.push_back({story, last->update, last->sentence, signature(last->words)});
      }
      claims_[c].history.push_back({update, m.sentence, m.status});
      claims_[c].status = m.status;
      continue;
    }
    content_words(an, m.claim, words);
    const std::uint64_t sig = signature(words);
    // The claim itself, marked again in the same update (two cues of one sentence).
    // Only the latest `window` claims are followed, so each mark costs a bounded amount.
    const std::size_t from = claims_.size() > opts_.window ? claims_.size() - opts_.window : 0;
    std::size_t best = claims_.size();
    // Claims of this update were all opened by this call (updates come once, in order; a claim
    // opened for an earlier update's sentence carries that update): only those are looked at.
    for (std::size_t c = std::max(from, opened); c < claims_.size(); ++c)
      if (keys_[c].update == update && keys_[c].sentence == m.claim && keys_[c].story == story) best = c;
    if (best == claims_.size()) {
      double best_score = 0;
      for (std::size_t c = from; c < claims_.size(); ++c) {
        if (keys_[c].story != story || keys_[c].update == update) continue;
        // Signatures first: fewer common bits than shared words needed means no match.
        if (static_cast<std::size_t>(std::popcount(sig & keys_[c].sig)) < opts_.min_shared_words) continue;
        const std::size_t n = shared(words, words_[c]);
        const std::size_t smaller = std::min(words.size(), words_[c].size());
        if (n < opts_.min_shared_words || smaller == 0) continue;
        const double score = static_cast<double>(n) / static_cast<double>(smaller);
        if (score >= opts_.min_overlap && score > best_score) {
          best_score = score;
          best = c;
        }
      }
    }
    if (best == claims_.size()) {
      claim c;
      c.story = story;
      c.update = update;
      c.sentence = m.claim;
      c.status = m.status;
      c.history.push_back({update, m.sentence, m.status});
      claims_.push_back(std::move(c));
      words_.push_back(words);
      keys_.push_back({story, update, m.claim, sig});
      continue;
    }
    claim& c = claims_[best];
    if (!c.history.empty() && c.history.back().update == update && c.history.back().status == m.status)
      continue;
    c.history.push_back({update, m.sentence, m.status});
    c.status = m.status;
  }
  if (!last_span) return;
  last_sentence* last_of_story = nullptr;
  for (auto& l : last_)
    if (l.story == story) last_of_story = &l;
  if (!last_of_story) last_of_story = &last_.emplace_back();
  last_of_story->story = story;
  last_of_story->update = update;
  last_of_story->sentence = *last_span;
  content_words(an, *last_span, last_of_story->words);
}

std::vector<std::size_t> claim_tracker::claims_of_update(std::size_t update) const {
  std::vector<std::size_t> out;
  for (std::size_t c = 0; c < claims_.size(); ++c)
    for (const auto& h : claims_[c].history)
      if (h.update == update) {
        out.push_back(c);
        break;
      }
  return out;
}

}  // namespace sitrep::facts
