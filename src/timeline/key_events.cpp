#include "sitrep/timeline/key_events.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace sitrep::timeline {
namespace {

bool has_digit(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Word lists, lower case; words are compared after lowercasing ASCII letters, so the tokenized
// corpora ("did n't", "' s") and ordinary text match alike. One table, built once, read-only.
enum word_class : std::uint8_t { kSay = 1, kOfficial = 2, kGreet = 4, kEvent = 8 };

const std::unordered_map<std::string_view, std::uint8_t>& word_classes() {
  static const std::unordered_map<std::string_view, std::uint8_t> table = [] {
    std::unordered_map<std::string_view, std::uint8_t> t;
    // Say-verbs and attributions: someone stated something.
    for (std::string_view w : {"said", "says", "say", "saying", "told", "announced", "announces",
                               "confirmed", "confirms", "stated", "declared", "warned", "statement",
                               "tweeted", "reported", "claimed", "according", "posted"})
      t[w] |= kSay;
    // Who counts as official.
    for (std::string_view w :
         {"minister",     "ministry",   "president",   "spokesman",  "spokeswoman", "spokesperson",
          "police",       "official",   "officials",   "government", "embassy",     "department",
          "secretary",    "military",   "army",        "chief",      "governor",    "mayor",
          "commissioner", "prosecutor", "authorities", "agency",     "office",      "leader",
          "chancellor",   "bank",       "colonel",     "general",    "forces",      "group"})
      t[w] |= kOfficial;
    // Words that tell a development: an attack, a rescue, a claim, a toll, a decision.
    for (std::string_view w : {"attack",      "attacked",  "attacks",     "stormed",
                               "killed",      "kills",     "killing",     "freed",
                               "released",    "rescued",   "reached",     "arrived",
                               "arrives",     "claimed",   "claims",      "responsibility",
                               "arrested",    "exploded",  "explosion",   "died",
                               "dead",        "injured",   "wounded",     "evacuated",
                               "resigned",    "resigns",   "resignation", "elected",
                               "won",         "wins",      "declared",    "launched",
                               "captured",    "seized",    "collapsed",   "crashed",
                               "fired",       "shot",      "hostage",     "hostages",
                               "toll",        "risen",     "rose",        "fell",
                               "fallen",      "cut",       "raised",      "announced",
                               "announces",   "approved",  "rejected",    "passed",
                               "defeated",    "voted",     "verdict",     "sentenced",
                               "charged",     "convicted", "acquitted",   "ceasefire",
                               "deal",        "agreed",    "agreement",   "signed",
                               "banned",      "suspended", "sacked",      "appointed",
                               "confirmed",   "confirms",  "recovered",   "evacuation",
                               "surrendered", "escaped"})
      t[w] |= kEvent;
    // Greeting and housekeeping words that make a sentence part of an opener.
    for (std::string_view w : {"welcome", "morning", "afternoon", "evening", "hello", "coverage",
                               "blog", "follow", "join", "bringing", "live", "stay"})
      t[w] |= kGreet;
    return t;
  }();
  return table;
}

std::uint8_t classes_of(std::string_view w) {
  const auto& t = word_classes();
  auto it = t.find(w);
  return it == t.end() ? 0 : it->second;
}

// One white-space word of a sentence, lowercased, with what surrounds it.
struct word_info {
  std::string text;
  bool quoted = false;   // inside quotation marks
  bool handle = false;   // a tweet handle (@name, or "@ name" in tokenized text)
  bool link = false;     // a URL
  std::uint8_t cls = 0;  // word_class bits
};

// Splits `s` at white space into lowercased words. `quote` carries the open-quote state across
// the sentences of one update (a quote may span sentences).
void scan_words(std::string_view s, bool& quote, std::vector<word_info>& out) {
  out.clear();
  bool after_at = false;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
    if (j == i) break;
    std::string_view raw = s.substr(i, j - i);
    i = j;
    // Quotation marks: ASCII double quotes toggle, curly and TeX-style quotes open and close.
    bool opens = raw.starts_with("\"") || raw.starts_with("``") || raw.starts_with("\xE2\x80\x9C");
    bool closes = raw.ends_with("\"") || raw.ends_with("''") || raw.ends_with("\xE2\x80\x9D");
    if (raw == "\"") {
      quote = !quote;
      continue;
    }
    if (raw == "``" || raw == "\xE2\x80\x9C") {
      quote = true;
      continue;
    }
    if (raw == "''" || raw == "\xE2\x80\x9D") {
      quote = false;
      continue;
    }
    if (raw == "@") {
      after_at = true;
      continue;
    }
    word_info w;
    bool starts_quote = opens && !quote;
    if (starts_quote) quote = true;
    w.quoted = quote;
    if (closes && quote && !(starts_quote && raw.size() == 1)) quote = false;
    if (raw.starts_with("\"") && raw.ends_with("\"") && raw.size() > 1) quote = false;
    w.handle = after_at || raw.starts_with("@");
    after_at = false;
    if (raw.find_first_of("./") != std::string_view::npos) {
      auto has = [&](std::string_view needle) {
        return std::search(raw.begin(), raw.end(), needle.begin(), needle.end(),
                           [](char x, char y) { return (x | 0x20) == y; }) != raw.end();
      };
      w.link = has("http") || has("www.") || has(".com") || has("pic.twitter");
    }
    // Strip punctuation around the word (keep inner apostrophes, dots and commas of figures),
    // lowercase it, and read a typographic apostrophe as the ASCII one ("that’s" is "that's").
    auto keep = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             static_cast<unsigned char>(c) >= 0x80;
    };
    std::size_t a = 0, b = raw.size();
    while (a < b && !keep(raw[a])) ++a;
    while (b > a && !keep(raw[b - 1])) --b;
    w.text.reserve(b - a);
    for (std::size_t q = a; q < b; ++q) {
      const char ch = raw[q];
      if (ch == '\xE2' && q + 2 < b && raw[q + 1] == '\x80' && raw[q + 2] == '\x99') {
        w.text.push_back('\'');
        q += 2;
      } else {
        w.text.push_back((ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch);
      }
    }
    if (w.text.empty() && !w.handle && !w.link) continue;
    w.cls = classes_of(w.text);
    out.push_back(std::move(w));
  }
}

// A number as a figure: digits with separators dropped; empty when it is not worth tracking
// (clock times, years, ordinals of dates are kept out: they change without news).
std::string figure_of(std::string_view w) {
  if (!has_digit(w)) return {};
  if (w.find(':') != std::string_view::npos) return {};
  if (w.ends_with("am") || w.ends_with("pm") || w.ends_with("gmt") || w.ends_with("bst")) return {};
  std::string f;
  for (char c : w)
    if (c != ',') f.push_back(c);
  if (f.size() == 4 && (f.starts_with("19") || f.starts_with("20")) &&
      std::all_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return {};
  return f;
}

bool is_greeting_sentence(const std::vector<word_info>& ws) {
  std::size_t hits = 0;
  for (std::size_t k = 0; k < ws.size(); ++k) {
    const std::string& w = ws[k].text;
    if (ws[k].cls & kGreet) ++hits;
    if (k == 0 && (w == "hello" || w == "hi" || w == "welcome")) hits += 2;
    if (k + 1 < ws.size() && w == "good" &&
        (ws[k + 1].text == "morning" || ws[k + 1].text == "afternoon" ||
         ws[k + 1].text == "evening"))
      hits += 2;
  }
  return hits >= 2;
}

bool starts_greeting(const std::vector<word_info>& ws) {
  if (ws.empty()) return false;
  const std::string& w = ws[0].text;
  if (w == "hello" || w == "hi" || w == "welcome" || w == "morning") return true;
  return ws.size() > 1 && w == "good" &&
         (ws[1].text == "morning" || ws[1].text == "afternoon" || ws[1].text == "evening");
}

bool marker_at(const std::vector<word_info>& ws, std::size_t k) {
  const std::string& w = ws[k].text;
  if (w == "breaking" || w == "newsflash" || w == "summary" || w == "recap" || w == "roundup" ||
      w == "round-up")
    return true;
  if (k + 1 < ws.size()) {
    const std::string& n = ws[k + 1].text;
    if ((w == "key" || w == "main") && (n == "points" || n == "developments" || n == "events"))
      return true;
    if (w == "catch" && n == "up") return true;
    if (k + 2 < ws.size() && w == "what" && n == "we" && ws[k + 2].text == "know") return true;
    // A wrap-up: editors flag the closing summary of a live page as a key moment.
    if (w == "that" && (n == "'s" || n == "s") && k + 2 < ws.size() && ws[k + 2].text == "all")
      return true;
    if (w == "that's" && n == "all") return true;
    if (w == "thanks" && n == "for" && k + 2 < ws.size() &&
        (ws[k + 2].text == "reading" || ws[k + 2].text == "following" ||
         ws[k + 2].text == "joining"))
      return true;
    if (w == "wrap" && n == "up") return true;
  }
  return false;
}

// A news lede in the opening words: "has / have / had (just, now, also, already, been) <past
// participle>" ("the central bank has cut", "gunmen have stormed").
bool lede_at(const std::vector<word_info>& ws, std::size_t k) {
  static const std::unordered_map<std::string_view, int> irregular = [] {
    std::unordered_map<std::string_view, int> t;
    for (std::string_view w :
         {"said",   "told",   "won",       "lost",      "made",       "taken",  "given",
          "fallen", "risen",  "struck",    "hit",       "left",       "become", "begun",
          "sent",   "set",    "put",       "cut",       "shot",       "held",   "found",
          "met",    "seen",   "spoken",    "broken",    "written",    "run",    "come",
          "gone",   "known",  "shown",     "grown",     "drawn",      "chosen", "brought",
          "bought", "caught", "fought",    "sought",    "paid",       "laid",   "led",
          "fled",   "spent",  "kept",      "sold",      "quit",       "beaten", "stolen",
          "thrown", "torn",   "withdrawn", "overtaken", "undertaken", "arisen", "blown",
          "frozen", "sworn"})
      t[w] = 1;
    return t;
  }();
  const std::string& w = ws[k].text;
  if (w != "has" && w != "have" && w != "had") return false;
  std::size_t j = k + 1;
  while (j < ws.size() && j < k + 3 &&
         (ws[j].text == "just" || ws[j].text == "now" || ws[j].text == "also" ||
          ws[j].text == "already" || ws[j].text == "been" || ws[j].text == "finally"))
    ++j;
  if (j >= ws.size()) return false;
  const std::string& v = ws[j].text;
  return (v.size() > 3 && v.ends_with("ed")) || irregular.contains(v);
}

// A post that opens with someone's reaction ("X says", "Y asks", "Z adds ..." in the first
// words) or with a question.
bool reaction_opening(const std::vector<word_info>& ws, std::string_view sentence) {
  for (std::size_t k = 1; k < ws.size() && k < 5; ++k) {
    const std::string& w = ws[k].text;
    if (w == "says" || w == "asks" || w == "adds" || w == "argues" || w == "writes" ||
        w == "tweets" || w == "replies" || w == "responds")
      return true;
  }
  return sentence.ends_with("?");
}

double clamp2(double x) { return std::clamp(x, -2.0, 2.0); }

}  // namespace

status validate(const key_event_options& o) {
  if (!(o.threshold > 0.0 && o.threshold < 1.0))
    return invalid_argument("key_event_options: threshold must be in (0, 1)");
  if (o.window < 1) return invalid_argument("key_event_options: window must be >= 1");
  if (o.max_group_members < 1)
    return invalid_argument("key_event_options: max_group_members must be >= 1");
  if (!(o.length_pivot > 0.0) || !(o.gap_pivot > 0.0))
    return invalid_argument("key_event_options: length_pivot and gap_pivot must be positive");
  if (o.length_prior_posts < 1)
    return invalid_argument("key_event_options: length_prior_posts must be >= 1");
  for (double w :
       {o.bias, o.length_weight, o.relative_length_weight, o.gap_weight, o.novelty_weight,
        o.figures_weight, o.statement_weight, o.marker_weight, o.lede_weight, o.reaction_weight,
        o.event_weight, o.first_weight, o.repeat_weight, o.opener_weight, o.form_weight})
    if (!std::isfinite(w)) return invalid_argument("key_event_options: weights must be finite");
  return status::ok();
}

result<key_events> key_events::create(const key_event_options& o) {
  if (auto st = validate(o); !st) return st;
  return key_events(o);
}

void key_events::on_add(const stream::engine& e, const stream::sentence_range& added) {
  const vsm::collection& c = e.collection();
  const stream::repeats& groups = e.repeat_groups();
  const update& u = c.updates()[added.update];
  // Decisions are indexed by stream position (the engine refuses a late attach; were one to
  // happen, the updates before it would keep empty decisions).
  if (decisions_.size() < added.update) decisions_.resize(added.update);
  key_event_decision d;

  if (term_count_.size() < c.vocab().size()) term_count_.resize(c.vocab().size(), 0);

  // Per sentence: words, novelty mass, figures, greeting, statement.
  terms_.clear();
  figures_.clear();
  std::size_t words = 0, quoted = 0, repeated = 0, content_words = 0, new_figures = 0;
  std::size_t event_words = 0;
  double mass = 0, novel_mass = 0;
  bool statement = false, marker = false, greeting_post = false, lede = false, reaction = false;
  bool quote = false;
  std::vector<word_info> ws;
  ws.reserve(64);
  std::size_t best_novel = key_event_decision::npos, first_good = key_event_decision::npos;
  double best_novel_mass = -1;
  const vsm::document_frequencies& df = c.sentence_df();
  for (std::size_t s = added.first; s < added.last; ++s) {
    const vsm::sentence_record& r = c.sentence(s);
    scan_words(c.text(s), quote, ws);
    const std::size_t n = ws.size();
    words += n;
    double smass = 0, snovel = 0;
    for (const auto& [term, count] : r.tf.entries) {
      double w = static_cast<double>(count) * df.idf(term);
      smass += w;
      if (term_count_[term] == 0) snovel += w;
      terms_.push_back(term);
    }
    mass += smass;
    novel_mass += snovel;
    if (groups.group(s) != s) repeated += n;
    bool greeting = is_greeting_sentence(ws);
    if (s == added.first && starts_greeting(ws)) greeting_post = true;
    if (s == added.first && reaction_opening(ws, c.text(s))) reaction = true;
    if (!greeting) content_words += n;
    bool say = false, official = false;
    for (std::size_t k = 0; k < n; ++k) {
      const word_info& w = ws[k];
      if (w.quoted || w.handle || w.link) ++quoted;
      const std::uint8_t cls = w.cls;
      if (cls & kSay) say = true;
      if (cls & kOfficial) official = true;
      if ((cls & kEvent) && s < added.first + 2) ++event_words;
      if (words - n + k < 12 && marker_at(ws, k)) marker = true;
      if (words - n + k < 25 && lede_at(ws, k)) lede = true;
      if (std::string f = figure_of(w.text); !f.empty()) {
        if (std::find(figures_.begin(), figures_.end(), f) == figures_.end()) {
          if (!figure_count_.contains(f)) ++new_figures;
          figures_.push_back(std::move(f));
        }
      }
    }
    if (say && official) statement = true;
    // The sentence that says what happened: the first one that is not trivial (a greeting,
    // a question, a fragment) and brings new terms; else the most novel one.
    bool trivial = greeting || n < 6 || c.text(s).ends_with("?");
    double share = smass > 0 ? snovel / smass : 0;
    if (!trivial && first_good == key_event_decision::npos && share >= 0.3) first_good = s;
    if (!trivial && snovel > best_novel_mass) {
      best_novel_mass = snovel;
      best_novel = s;
    }
  }
  if (first_good != key_event_decision::npos)
    d.sentence = first_good;
  else if (best_novel != key_event_decision::npos)
    d.sentence = best_novel;
  else if (!added.empty())
    d.sentence = added.first;

  // Signals.
  key_event_signals& g = d.signals;
  const double wd = static_cast<double>(words);
  g.length = clamp2(std::log((wd + 1.0) / (o_.length_pivot + 1.0)));
  // Against the stream's own habit: the mean log length of its posts so far, starting from
  // `length_prior_posts` imaginary posts of `length_pivot` words.
  {
    const double prior = static_cast<double>(o_.length_prior_posts);
    const double mean = (sum_log_words_ + prior * std::log(o_.length_pivot + 1.0)) /
                        (static_cast<double>(posts_with_text_) + prior);
    g.relative_length = words ? clamp2(std::log(wd + 1.0) - mean) : 0.0;
  }
  // An update dated before the latest one seen came out of order: its gap says nothing.
  if (u.unix_time && last_time_ && *u.unix_time >= *last_time_) {
    double minutes = static_cast<double>(*u.unix_time - *last_time_) / 60.0;
    g.gap = clamp2(std::log1p(minutes) - std::log1p(o_.gap_pivot));
  }
  g.novelty = (mass > 0 ? novel_mass / mass : 0.0) - 0.5;
  g.figures = static_cast<double>(std::min<std::size_t>(new_figures, 3)) / 3.0;
  g.statement = statement ? 1.0 : 0.0;
  g.marker = marker ? 1.0 : 0.0;
  g.lede = lede ? 1.0 : 0.0;
  g.event = static_cast<double>(std::min<std::size_t>(event_words, 2)) / 2.0;
  g.reaction = reaction ? 1.0 : 0.0;
  g.first = (!seen_text_ && words > 0) ? 1.0 : 0.0;
  g.repeat = words ? static_cast<double>(repeated) / wd : 0.0;
  g.opener = (greeting_post && content_words < o_.opener_content_words) ? 1.0 : 0.0;
  g.form = words ? static_cast<double>(quoted) / wd : 0.0;

  if (words >= o_.min_words) {
    double z =
        o_.bias + o_.length_weight * g.length + o_.relative_length_weight * g.relative_length +
        o_.gap_weight * g.gap + o_.novelty_weight * g.novelty + o_.figures_weight * g.figures +
        o_.statement_weight * g.statement + o_.marker_weight * g.marker + o_.lede_weight * g.lede -
        o_.reaction_weight * g.reaction + o_.event_weight * g.event + o_.first_weight * g.first -
        o_.repeat_weight * g.repeat - o_.opener_weight * g.opener - o_.form_weight * g.form;
    d.score = 1.0 / (1.0 + std::exp(-z));
    d.key = d.score >= o_.threshold;
  }
  if (d.key) {
    keys_.push_back(added.update);
    auto t = u.unix_time ? u.unix_time : last_time_;
    key_times_.push_back(t.value_or(std::numeric_limits<std::int64_t>::min()));
  }
  if (u.unix_time && (!last_time_ || *u.unix_time > *last_time_)) last_time_ = u.unix_time;
  decisions_.push_back(d);

  // Slide the window: this update's distinct terms and figures join, the oldest leave.
  std::sort(terms_.begin(), terms_.end());
  terms_.erase(std::unique(terms_.begin(), terms_.end()), terms_.end());
  for (std::uint32_t t : terms_) ++term_count_[t];
  for (const std::string& f : figures_) ++figure_count_[f];
  window_terms_.push_back(terms_);
  window_figures_.push_back(figures_);
  if (window_terms_.size() > o_.window) {
    for (std::uint32_t t : window_terms_.front()) --term_count_[t];
    for (const std::string& f : window_figures_.front())
      if (auto it = figure_count_.find(f); it != figure_count_.end() && --it->second == 0)
        figure_count_.erase(it);
    window_terms_.pop_front();
    window_figures_.pop_front();
  }
  if (words > 0) {
    seen_text_ = true;
    sum_log_words_ += std::log(wd + 1.0);
    ++posts_with_text_;
  }
}

std::vector<timeline_entry> key_events::timeline(const stream::engine& e) const {
  return timeline(e, keys_);
}

std::vector<timeline_entry> key_events::timeline(const stream::engine& e,
                                                 std::span<const std::size_t> updates) const {
  const vsm::collection& c = e.collection();
  const stream::repeats& groups = e.repeat_groups();
  std::vector<std::size_t> order;  // key events among `updates`, in time order
  for (std::size_t k : updates) {
    if (k < decisions_.size() && decisions_[k].key) order.push_back(k);
  }
  // The time a key event is placed at: its own, else the latest before it (keys_ ascends).
  const auto when = [&](std::size_t k) {
    return key_times_[static_cast<std::size_t>(
        std::lower_bound(keys_.begin(), keys_.end(), k) - keys_.begin())];
  };
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end()), order.end());
  // Arrival order, then by parsed time (stable: ties and untimed updates keep arrival order).
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return when(a) < when(b); });
  std::vector<timeline_entry> out;
  out.reserve(order.size());
  for (std::size_t k : order) {
    const key_event_decision& d = decisions_[k];
    const update& u = c.updates()[k];
    timeline_entry t;
    t.update = k;
    t.time = u.time;
    t.unix_time = u.unix_time;
    t.score = d.score;
    auto add_source = [&](const std::string& s) {
      if (!s.empty() && std::find(t.sources.begin(), t.sources.end(), s) == t.sources.end())
        t.sources.push_back(s);
    };
    add_source(u.source);
    if (d.sentence != key_event_decision::npos && d.sentence < c.sentence_count()) {
      t.sentence = d.sentence;
      t.text = std::string(c.text(d.sentence));
      std::size_t read = 0;
      for (std::uint32_t m = groups.group(d.sentence);
           m != stream::repeats::npos && read < o_.max_group_members;
           m = groups.next_member(m), ++read)
        add_source(c.updates()[c.sentence(m).update].source);
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace sitrep::timeline
