#include "sitrep/facts/attribution.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>

#include "cue_lexicon.hpp"

namespace sitrep::facts {

namespace {

using sv = std::string_view;
using detail::cue_class;
using detail::in;
using detail::token;

bool be_word(sv w) {
  return in(w, {"is", "are", "was", "were", "been", "being", "be", "'s", "am"});
}

// "-ly" words that are not adverbs.
const detail::word_set kNotAdverb = {"only", "family", "italy", "assembly", "daily", "ally", "kelly", "reilly", "o'reilly", "bradly", "nelly"};

const detail::word_set kAux = {"has", "have", "had", "also", "already", "not", "never", "did", "does", "do",
                "will", "would", "could", "can", "may", "might", "should", "must", "just",
                "now", "then", "later", "today", "yesterday", "again", "once", "still",
                "previously", "earlier", "first", "further", "too", "himself", "herself",
                "themselves", "itself", "even", "ever", "soon", "long", "since", "is", "are",
                "was", "were", "been", "being", "be", "am", "'s", "'ve", "'d"};

// Words between a subject and its verb that are not part of the subject ("has also said").
bool aux_word(sv w) {
  if (w.size() > 4 && w.ends_with("ly") && !kNotAdverb.contains(w))
    return true;  // adverbs: "publicly said", "reportedly claimed"
  return kAux.contains(w) ||
         detail::is_negation(w);
}

const detail::word_set kBoundary = {"that", "which", "who", "whom", "whose", "because", "when", "while", "if",
                "as", "but", "so", "although", "though", "since", "where", "after", "before",
                "until", "than", "whether", "what", "how", "why", "once", "unless", "where",
                "whereas", "however", "meanwhile", "also", "yet", "nor", "then", "to", "for",
                "in", "on", "at", "during", "with", "without", "about", "into", "by", "from",
                "over", "against", "despite", "amid", "among", "through", "like", "there",
                "here", "said", "says", "say", "told", "tells",
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
                "can", "may", "might", "should", "must", "did", "does", "do"};

// Words that end a source phrase when walking back from its verb.
bool boundary_word(sv w) {
  return kBoundary.contains(w);
}

const detail::word_set kDeterminer = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this",
                "that", "these", "those", "some", "many", "several", "most", "other", "both",
                "two", "three", "one", "each", "every", "another", "no", "all", "such"};

bool determiner(sv w) {
  return kDeterminer.contains(w);
}

const detail::word_set kPreposition = {"in", "on", "at", "to", "for", "with", "during", "after", "before", "from",
                "of", "about", "by", "via", "through", "over", "under", "that", "this", "it",
                "there", "so", "yes", "no", "not", "nothing", "something", "anything",
                "more", "much", "little", "last", "on", "earlier", "later", "again", "also",
                "as", "if", "what", "how", "why", "when", "where", "whether", "up", "out"};

// Prepositions that may follow a cue and do not start a source ("said in a statement").
bool preposition(sv w) {
  return kPreposition.contains(w);
}

const detail::word_set kRubric = {"update", "updated", "updates", "breaking", "note", "photo", "video",
                                  "watch", "read", "editor", "correction", "live", "related", "source",
                                  "sources", "q", "a", "warning", "caption", "see", "also", "more",
                                  "latest", "analysis", "opinion", "exclusive", "question", "answer",
                                  "poll", "survey", "debate", "daily", "podcast", "transcript", "summary"};

bool punct(const token& t, char c) { return !t.word && t.c == c; }

// Whether the quotation mark `q` of sentence `s` opens a quotation (else it closes one). A
// mark followed by white space, the end or a comma, full stop or the like closes one, whatever
// its shape ('... fascist?“ he asked', ",' \" Sanders told"); otherwise the curly and angle
// marks say so themselves, and a straight one opens when white space, an opening bracket or
// the sentence's start is before it. A sentence that starts inside a quotation opened in an
// earlier one ("... real change,” he said.") then closes it at its first mark instead of
// opening one around the "said" after it.
bool opening_quote(sv text, text::byte_span s, const token& q) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  if (q.end >= s.end) return false;
  const unsigned char n = b(q.end);
  if (n == ' ' || (n >= '\t' && n <= '\r') || n == ',' || n == '.' || n == ';' || n == ':' ||
      n == '!' || n == '?' || n == ')')
    return false;
  if (q.end - q.begin == 3 && b(q.begin) == 0xE2) return b(q.begin + 2) == 0x9C || b(q.begin + 2) == 0x9E || b(q.begin + 2) == 0x9F;
  if (q.end - q.begin == 2 && b(q.begin) == 0xC2) return b(q.begin + 1) == 0xAB;
  if (q.begin <= s.begin) return true;
  const unsigned char p = b(q.begin - 1);
  return p == ' ' || (p >= '\t' && p <= '\r') || p == '(' || p == '[' || p == '-' || p == 0xA0 ||
         p == 0x94;  // 0xA0: a no-break space's last byte; 0x94: an em dash's
}

struct cue_found {
  std::size_t begin = 0, end = 0;  // tokens of the cue
  bool according = false;          // "according to" / "per": the source follows
};

class sentence_reader {
 public:
  sentence_reader(sv text, std::span<const token> toks, const attribution_extractor::options& o)
      : text_(text), t_(toks), o_(o) {}

  // Source phrase before token `end` (exclusive), walking back; empty when none.
  std::pair<std::size_t, std::size_t> phrase_before(std::size_t end) const {
    std::size_t j = end;
    std::size_t count = 0;
    while (j > 0 && count < 40) {
      const token& p = t_[j - 1];
      if (!p.word) {
        // Inner "&" ("AT&T") and a possessive quote stay in the phrase.
        if ((p.c == '&' || p.c == '\'') && j - 1 > 0 && t_[j - 2].word && j < end) {
          --j;
          continue;
        }
        // A parenthesis after a name stays with it: "Rep. Hank Johnson (D-Ga.) said".
        if (p.c == ')') {
          std::size_t q = j - 1;
          while (q > 0 && j - q < 12 && !punct(t_[q - 1], '(') && !punct(t_[q - 1], ')')) --q;
          if (q > 1 && j - q < 12 && punct(t_[q - 1], '(') && t_[q - 2].word && t_[q - 2].cap) {
            j = q - 1;
            ++count;
            continue;
          }
        }
        break;
      }
      if ((p.low == "and" || p.low == "or" || p.low == "&") && j - 1 > 0 && j < end &&
          t_[j - 2].word && t_[j - 2].cap && t_[j].cap) {
        --j;  // "Trump and Clinton", "Johnson & Johnson"
        continue;
      }
      if (in(p.low, {"of", "at", "from", "for", "in"}) && j - 1 > 0 && j < end && t_[j - 2].word &&
          t_[j].word && (p.low == "of" || t_[j - 2].cap) && (t_[j].cap || determiner(t_[j].low))) {
        --j;  // "the Secretary of State", "a spokesman of the ministry"
        ++count;
        continue;
      }
      if (boundary_word(p.low) && !(p.cap && j - 1 > 0)) break;
      --j;
      ++count;
    }
    std::size_t b = j;
    // Long runs: keep the last words (the head of a subject is at its end in English).
    std::size_t words = 0;
    for (std::size_t k = end; k > b; --k) {
      if (t_[k - 1].word && ++words > o_.max_source_words) {
        b = k;
        break;
      }
    }
    // A phrase that starts with a lowercase content word after a preposition-led opening
    // ("In a statement, ...") cannot happen here (punctuation ends it); strip leading "and".
    while (b < end && t_[b].word && in(t_[b].low, {"and", "but", "so", "then", "or"})) ++b;
    return {b, end};
  }

  // Source phrase from token `b` on (after the cue or after "according to").
  std::pair<std::size_t, std::size_t> phrase_after(std::size_t b, bool loose) const {
    std::size_t j = b, words = 0;
    if (j >= t_.size() || !t_[j].word) return {b, b};
    if (!loose && !(t_[j].cap || determiner(t_[j].low) || detail::is_pronoun(t_[j].low)))
      return {b, b};
    if (!loose && preposition(t_[j].low) && !t_[j].cap) return {b, b};
    while (j < t_.size() && words < o_.max_source_words) {
      const token& p = t_[j];
      if (!p.word) {
        if ((p.c == '&' || p.c == '\'') && j + 1 < t_.size() && t_[j + 1].word && j > b) {
          ++j;
          continue;
        }
        break;
      }
      if (j > b && (p.low == "that" || p.low == "who" || p.low == "which" || p.low == "when" ||
                    p.low == "as" || p.low == "because" || p.low == "while" || p.low == "if" ||
                    p.low == "on" || p.low == "in" || p.low == "at" || p.low == "to" ||
                    p.low == "during" || p.low == "after" || p.low == "before" ||
                    p.low == "said" || p.low == "says" || p.low == "has" || p.low == "is" ||
                    p.low == "was" || p.low == "have" || p.low == "are" || p.low == "were"))
        break;
      ++j;
      ++words;
    }
    return {b, j};
  }

  // The sentence's opening phrase (its subject, roughly): the first words up to punctuation or
  // a verb-like word.
  std::pair<std::size_t, std::size_t> opening() const {
    std::size_t j = 0;
    // An opening adverbial ("After 87 days, BP ...", "In a statement, the army ..."): the
    // subject follows its comma.
    if (!t_.empty() && t_[0].word &&
        in(t_[0].low, {"after", "before", "in", "on", "at", "with", "during", "following", "despite",
                       "given", "responding", "speaking", "earlier", "later", "yesterday", "today",
                       "meanwhile", "however", "separately", "elsewhere", "since", "as", "amid"})) {
      std::size_t k = 1;
      while (k < t_.size() && k < 16 && !punct(t_[k], ',')) ++k;
      if (k < t_.size() && k < 16) j = k + 1;
    }
    while (j < t_.size() && t_[j].word && in(t_[j].low, {"but", "and", "meanwhile", "now", "however", "so"})) ++j;
    const std::size_t b = j;
    std::size_t words = 0;
    while (j < t_.size() && t_[j].word && words < 8) {
      const sv w = t_[j].low;
      if (j > b && (aux_word(w) || boundary_word(w) || detail::word_has(w, cue_class::say)) && !t_[j].cap) break;
      if (j > b && !t_[j].cap && !determiner(t_[j - 1].low) && !t_[j - 1].cap && w != "of") break;
      ++j;
      ++words;
    }
    return {b, j};
  }

  text::byte_span bytes(std::size_t b, std::size_t e) const {
    if (b >= e) return {};
    return {t_[b].begin, t_[e - 1].end};
  }

 private:
  sv text_;
  std::span<const token> t_;
  const attribution_extractor::options& o_;
};

const detail::word_set kNounForm = {"claims", "reports", "calls", "estimates", "promises", "hopes", "notes", "shows",
                "finds", "warnings", "statements", "pledges", "vows", "questions", "charges",
                "plans", "fears", "blasts", "slams", "reads", "lists"};

// Words that are as often plural nouns as verbs.
bool noun_form(sv w) {
  return kNounForm.contains(w);
}

// Whether "by" follows the cue after auxiliaries (a passive with its agent).
bool src_by(std::span<const token> t, std::size_t k) {
  while (k < t.size() && t[k].word && aux_word(t[k].low)) ++k;
  return k < t.size() && t[k].word && t[k].low == "by";
}

bool ing(sv w) { return w.size() > 4 && w.ends_with("ing"); }

bool past_participle(sv w) {
  return w.ends_with("ed") || in(w, {"said", "told", "found", "shown", "thought", "written", "known", "seen"});
}

}  // namespace

attribution_extractor::attribution_extractor(options opts) : opts_(opts) {
  if (opts_.max_source_words == 0) opts_.max_source_words = 1;
}

std::vector<attribution> attribution_extractor::extract(std::string_view text) const {
  const auto spans = splitter_.split(text);
  return extract(text, spans);
}

std::vector<attribution> attribution_extractor::extract(
    std::string_view text, std::span<const text::byte_span> sentences) const {
  analysis a;
  a.assign(text, sentences);
  return extract(a);
}

std::vector<attribution> attribution_extractor::extract(const analysis& an) const {
  const std::string_view text = an.text();
  std::vector<attribution> out;
  thread_local std::vector<detail::cue_match> matches;
  std::optional<text::byte_span> last_named;   // the last named source so far
  std::optional<text::byte_span> last_opening;  // the last capitalized sentence opening
  for (std::size_t si = 0; si < an.size(); ++si) {
    const text::byte_span s = an.sentence(si);
    const std::span<const token> toks = an.tokens(si);
    sentence_reader r(text, toks, opts_);
    const std::size_t first_out = out.size();
    {
      // A speaker's label: "WALLACE: But, Governor ...", "Pence: Flowers won't be at the debate".
      std::size_t b = 0;
      if (b < toks.size() && punct(toks[b], '"')) ++b;
      std::size_t k = b;
      while (k < toks.size() && k < b + 4 && toks[k].word && toks[k].cap) ++k;
      // Not a speaker: a rubric ("Update:", "The Latest:", "Editor's Note:", "AP-GfK Poll:",
      // "Question:"), named by its last word.
      if (k > b && k + 3 < toks.size() && punct(toks[k], ':') && !kRubric.contains(toks[k - 1].low) &&
          toks[b].low != "the") {
        attribution a;
        a.sentence = s;
        a.cue = r.bytes(k, k + 1);
        a.source = r.bytes(b, k);
        a.speaker = a.source;
        last_named = a.source;
        a.content = r.bytes(k + 1, toks.size());
        out.push_back(a);
      }
    }
    std::size_t skip_until = 0;
    bool in_quote = false;  // inside a quotation (opened in this sentence)
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (punct(toks[i], '"')) in_quote = opening_quote(text, s, toks[i]);
      if (i < skip_until || !toks[i].word) continue;
      // A verb of saying inside a quotation belongs to the quoted speaker's words ("what you
      // have said"), not to the report.
      if (in_quote && opts_.skip_quoted) continue;
      const sv w = toks[i].low;
      matches.clear();
      detail::match_at(toks, i, matches);
      std::size_t say_len = 0;
      bool listener = false;
      // The first token of what was said after a cue ending at `c`: past a listener ("told
      // reporters that ...": up to "that" or a comma), then past punctuation and "that".
      auto content_start = [&](std::size_t c) {
        if (listener) {
          std::size_t k = c;
          while (k < toks.size() && k < c + 8 && toks[k].word && toks[k].low != "that") ++k;
          if (k < toks.size() && (toks[k].low == "that" || punct(toks[k], ','))) c = k;
        }
        while (c < toks.size() && (!toks[c].word || toks[c].low == "that")) ++c;
        return c;
      };
      for (const auto& m : matches) {
        if (m.cls == cue_class::say) say_len = m.words;
        if (m.cls == cue_class::listener) listener = true;
      }
      if (!say_len) continue;
      const token* prev = i > 0 ? &toks[i - 1] : nullptr;
      const token* next = i + 1 < toks.size() ? &toks[i + 1] : nullptr;
      attribution a;
      a.sentence = s;
      std::pair<std::size_t, std::size_t> src{i, i};
      std::size_t cue_end = i + say_len;
      bool content_after = true;
      bool relative = false;  // the source is a relative pronoun
      if (w == "according" || w == "per") {
        if (w == "per" && !(next && next->word && (next->cap || determiner(next->low)) &&
                            (!prev || punct(*prev, ',') || punct(*prev, '('))))
          continue;  // "per day", "per cent"
        src = r.phrase_after(cue_end, true);
        if (src.first == src.second) continue;
        // "According to X, C" -> content after; "C, according to X" -> before.
        content_after = i == 0 || (i == 1 && !toks[0].word);
        if (content_after) {
          std::size_t c = src.second;
          while (c < toks.size() && !toks[c].word) ++c;
          a.content = r.bytes(c, toks.size());
        } else {
          a.content = r.bytes(0, i);
        }
      } else {
        // Not a reporting verb here: a name ("United States", "Fox News Reports"), a noun after
        // a determiner ("the reports", "his claims"), the adjective "said".
        if (toks[i].cap && i > 0 && !(prev && !prev->word)) continue;
        if (prev && prev->word && (determiner(prev->low) || prev->low == "'s" || prev->low.ends_with("'s")) &&
            !in(prev->low, {"that", "this", "no", "all", "both", "each"}))
          continue;
        // A plural noun, not a verb: "legal claims will hit", "reports of", "claims.".
        if (noun_form(w) && next &&
            ((!next->word && next->c != ':' && next->c != '"') ||
             (next->word && in(next->low, {"will", "would", "could", "may", "might", "can", "should",
                                            "is", "are", "was", "were", "have", "has", "had", "of",
                                            "by", "for", "against", "from", "and", "or", "in", "on"}))))
          continue;
        // Naming, not saying: "a method called ...", "a group named ...".
        if (in(w, {"called", "named", "dubbed", "titled"}) && prev && prev->word && !prev->cap &&
            !detail::is_pronoun(prev->low) && !aux_word(prev->low))
          continue;
        // Walk back over auxiliaries (and an infinitive's governing verb: "declined to say").
        std::size_t j = i;
        bool passive = false;
        while (j > 0 && toks[j - 1].word && aux_word(toks[j - 1].low)) {
          if (be_word(toks[j - 1].low) && past_participle(w) && j == i) passive = true;
          if (be_word(toks[j - 1].low) && past_participle(w)) passive = true;
          --j;
        }
        if (j > 0 && toks[j - 1].word && toks[j - 1].low == "to" && j >= 2 && toks[j - 2].word) {
          j -= 2;
          while (j > 0 && toks[j - 1].word && aux_word(toks[j - 1].low)) --j;
        }
        if (passive && !src_by(toks, cue_end) &&
            !in(w, {"said", "reported", "told", "claimed", "alleged", "estimated", "expected",
                    "rumored", "rumoured", "believed", "thought", "accused", "feared", "announced",
                    "revealed", "confirmed", "denied", "quoted"}))
          continue;  // "are ordered", "is called": an act, not a statement
        if (passive) {
          // The agent after "by", else no source ("is said to be", "were reported").
          std::size_t k = cue_end;
          while (k < toks.size() && toks[k].word && aux_word(toks[k].low)) ++k;
          if (k < toks.size() && toks[k].word && toks[k].low == "by") src = r.phrase_after(k + 1, true);
          a.content = r.bytes(0, j);
          if (a.content.begin == a.content.end) a.content = r.bytes(cue_end, toks.size());
        } else if (ing(w) && !(j < i && be_word(toks[j].low)) &&
                   [&] {  // "..., with Jim Hackett accusing BP": the phrase after "with"
                     auto before = r.phrase_before(j);
                     if (before.first == before.second || before.first == 0 || !toks[before.first - 1].word ||
                         toks[before.first - 1].low != "with")
                       return false;
                     src = before;
                     return true;
                   }()) {
          a.content = r.bytes(cue_end, toks.size());
        } else if ((ing(w) && !(j < i && be_word(toks[j].low))) ||
                   (j > 0 && toks[j - 1].word && in(toks[j - 1].low, {"and", "but", "or"}) &&
                    !(j > 1 && toks[j - 2].word && toks[j - 2].cap))) {
          // A participle (", saying ...") or a second verb ("visits a plant and talks about"):
          // the subject of the sentence.
          if (out.size() > first_out && out.back().source) {
            a.source = out.back().source;
            a.speaker = out.back().speaker;
          } else {
            src = r.opening();
            if (src.second > i) src.second = src.first;
          }
          a.content = r.bytes(cue_end, toks.size());
        } else if (j > 1 && toks[j - 1].word && in(toks[j - 1].low, {"who", "which", "that"}) &&
                   (toks[j - 2].word || punct(toks[j - 2], ','))) {
          // A relative clause ("voters who said", "Sanders, who says"): the source is the
          // relative pronoun as written, the speaker the phrase it refers to.
          src = {j - 1, j};
          auto head = r.phrase_before(punct(toks[j - 2], ',') ? j - 2 : j - 1);
          if (head.first < head.second) {
            a.speaker = r.bytes(head.first, head.second);
            last_named = a.speaker;
          }
          relative = true;
          a.content = r.bytes(content_start(cue_end), toks.size());
        } else {
          src = r.phrase_before(j);
          if (src.first == src.second && j > 1 && punct(toks[j - 1], ',')) {
            // "Chris Cox, who runs the NRA's lobbying arm, says": the phrase before the
            // appositive, with it.
            std::size_t k = j - 1;
            while (k > 0 && j - 1 - k < 25 && !punct(toks[k - 1], ',') && !punct(toks[k - 1], '"') &&
                   !punct(toks[k - 1], '.') && !punct(toks[k - 1], ';'))
              --k;
            if (k > 1 && punct(toks[k - 1], ',')) {
              auto head = r.phrase_before(k - 1);
              // "Marley Anderson, 21, a junior from Las Vegas, said": an age between the name
              // and the appositive.
              if (head.first + 1 == head.second && head.first > 1 && !toks[head.first].cap &&
                  toks[head.first].low.find_first_not_of("0123456789") == sv::npos &&
                  punct(toks[head.first - 1], ','))
                head = r.phrase_before(head.first - 1);
              if (head.first < head.second && toks[head.first].word &&
                  (toks[head.first].cap || determiner(toks[head.first].low))) {
                src = {head.first, j - 1};
                content_after = true;
              }
            }
          }
          if (src.first == src.second && !listener) {
            // '"...," said the minister': the phrase after the cue.
            src = r.phrase_after(cue_end, false);
            content_after = false;
          }
          if (content_after) {
            const std::size_t c = content_start(cue_end);
            if (c >= toks.size()) {
              // "..., a spokesman said." The content is before the source.
              std::size_t e = src.first;
              while (e > 0 && !toks[e - 1].word) --e;
              a.content = r.bytes(0, e);
            } else {
              a.content = r.bytes(c, toks.size());
            }
          } else {
            std::size_t e = i;
            while (e > 0 && !toks[e - 1].word) --e;
            a.content = r.bytes(0, e);
          }
        }
      }
      a.cue = r.bytes(i, cue_end);
      if (src.first < src.second) a.source = r.bytes(src.first, src.second);
      if (a.source && !a.speaker && !relative) {
        const std::size_t n_src = src.second - src.first;
        if (n_src == 1 && detail::is_pronoun(toks[src.first].low)) {
          // The later of the last named source and the last sentence-opening name.
          if (opts_.resolve_pronouns)
            a.speaker = !last_named ? last_opening
                        : !last_opening ? last_named
                        : last_opening->begin > last_named->begin ? last_opening : last_named;
        } else {
          a.speaker = a.source;
          last_named = a.source;
        }
      }
      // Trim the content's trailing punctuation (quotes, full stop).
      while (a.content.end > a.content.begin) {
        const char c = text[a.content.end - 1];
        if (c == '.' || c == ',' || c == '"' || c == '\'' || c == ';' || c == ':' || c == ' ') --a.content.end;
        else break;
      }
      if (!a.source && a.content.begin == a.content.end) continue;  // a bare "said"
      out.push_back(a);
      skip_until = cue_end;
    }
    // The opening name of this sentence, for a pronoun in a later one.
    if (!toks.empty() && toks[0].word && toks[0].cap && !detail::is_pronoun(toks[0].low)) {
      auto op = r.opening();
      bool named = false;
      for (std::size_t k = op.first; k < op.second; ++k) named = named || (toks[k].cap && !determiner(toks[k].low));
      if (named && op.first < op.second) last_opening = r.bytes(op.first, op.second);
    }
  }
  return out;
}

}  // namespace sitrep::facts
