#!/usr/bin/env bash
# The quality harness: runs sitrep's methods on DUC 2004 and on the Live Blog Corpus
# development split with their published conventions, scores them with `sitrep eval`, and
# prints tables beside the published numbers, with the wall time of each run. Two more
# sections run only when asked: the background ("catch me up") task and the CNN/DailyMail
# development sample of single articles.
#
#   bench/quality.sh                         # every method, every blog (DUC and live blogs)
#   bench/quality.sh --methods "auto ilp"    # some methods
#   bench/quality.sh --blogs 60              # the first 60 blogs of each source (quicker)
#   bench/quality.sh --only duc|liveblog|background|cnndm
#
# Conventions (../shared/data/*/README.md):
#   DUC 2004: 100-word summaries; ROUGE-1.5.5 -n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -a
#   Live blogs: each blog's budget is the word length of its reference (white-space words of
#   the joined bullets); ROUGE -n 4 -2 4 -u -c 95 -r 1000 -w 1.2 -a, no stemming.
#   Background: for update NNN the method reads updates 000..NNN-1 (no query) within the word
#   length of reference A; ROUGE -n 2 -c 95 -r 1000 -m recall against the three references,
#   averaged over the 247 updates (also over even and odd NNN, the two halves used for tuning,
#   and over the paper's validation events, bp_oil_spill, haitian_earthquake and mj_death, against
#   its training events, financial_crisis and swine_flu: a 3/2 split by event).
#   CNN/DM: three sentences an article; ROUGE -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a -m, F
#   (also over the first and the second 1,000 articles by id).
# Needs ../shared beside the repository (or SHARED=DIR); without it, says so and exits 0.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
shared="${SHARED:-$root/../shared}"
sitrep="$build/sitrep"
methods=""
blogs=0
only=""
while (($#)); do
  case "$1" in
    --methods) methods="$2"; shift 2 ;;
    --blogs) blogs="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "quality: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [[ ! -d "$shared/data/duc2004" ]]; then
  echo "quality: $shared/data not found; nothing to measure (put the shared data beside the repo)"
  exit 0
fi
[[ -x "$sitrep" ]] || { echo "quality: $sitrep not built (run scripts/quickstart.sh first)" >&2; exit 2; }
[[ -n "$methods" ]] || methods="$("$sitrep" methods | awk '{print $1}' | tr '\n' ' ')"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
# average R (x100) of a measure from `sitrep eval --format tsv`
avg() { awk -F'\t' -v m="$2" -v s="$3" '$1 == m && $2 == "AVERAGE" { printf "%.*f", s, $3 * (s == 2 ? 100 : 1) }' "$1"; }

duc() {
  local in="$shared/data/duc2004/input" refs="$shared/data/duc2004/references"
  echo "DUC 2004 (50 clusters, 100 words; ROUGE -n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -a), recall %"
  printf '%-12s %7s %7s %7s %9s\n' method R-1 R-2 R-4 "wall (s)"
  for m in $methods; do
    local out="$work/duc/$m" t0
    t0=$(now)
    "$sitrep" summarize --method "$m" --words 100 --output-dir "$out" "$in"/*.jsonl
    local wall
    wall=$(elapsed "$t0")
    "$sitrep" eval --system "$out" --reference "$refs" --format tsv \
      --rouge-args "-n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -a" >"$out.tsv"
    printf '%-12s %7s %7s %7s %9s\n' "$m" "$(avg "$out.tsv" ROUGE-1 2)" "$(avg "$out.tsv" ROUGE-2 2)" \
      "$(avg "$out.tsv" ROUGE-4 2)" "$wall"
  done
  echo
  echo "Published ($shared/data/duc2004/README.md):"
  awk '/^\| System/,/^$/' "$shared/data/duc2004/README.md" | sed 's/^/  /'
  echo
}

liveblog_source() {
  local src="$1" dir="$shared/data/liveblog/valid/$1"
  local refs="$work/lb/$src/refs" n=0
  mkdir -p "$refs"
  : >"$work/lb/$src/budgets"
  for ref in "$dir"/*.ref.txt; do
    local name
    name="$(basename "$ref" .ref.txt)"
    [[ -f "$dir/$name.jsonl" ]] || continue
    ln -s "$ref" "$refs/$name.ref.txt"
    printf '%s %s\n' "$name" "$(cat "$ref" | wc -w)" >>"$work/lb/$src/budgets"
    n=$((n + 1))
    ((blogs == 0 || n < blogs)) || break
  done
  for m in $methods; do
    local out="$work/lb/$src/$m" t0 wall
    mkdir -p "$out"
    t0=$(now)
    while read -r name words; do
      # Every post is read as it is: posts without text (image and embed posts) are updates
      # with no sentences, not bad input, so no --skip-bad.
      if ! "$sitrep" summarize --method "$m" --words "$words" "$dir/$name.jsonl" \
        >"$out/$name.txt" 2>"$work/lb/last.err"; then
        echo "quality: sitrep summarize failed on $dir/$name.jsonl:" >&2
        cat "$work/lb/last.err" >&2
        exit 1
      fi
    done <"$work/lb/$src/budgets"
    wall=$(elapsed "$t0")
    "$sitrep" eval --system "$out" --reference "$refs" --format tsv \
      --rouge-args "-n 4 -2 4 -u -c 95 -r 1000 -w 1.2 -a" >"$out.tsv"
    printf '%-12s %-9s %7s %7s %7s %9s\n' "$m" "$src" "$(avg "$out.tsv" ROUGE-1 4)" \
      "$(avg "$out.tsv" ROUGE-2 4)" "$(avg "$out.tsv" ROUGE-SU4 4)" "$wall"
  done
}

liveblog() {
  mkdir -p "$work/lb"
  echo "Live Blog Corpus, development split (budget = reference length; ROUGE -n 4 -2 4 -u -c 95 -r 1000 -w 1.2 -a, no stemming), recall"
  [[ "$blogs" == 0 ]] || echo "(first $blogs blogs of each source)"
  printf '%-12s %-9s %7s %7s %7s %9s\n' method source R-1 R-2 R-SU4 "wall (s)"
  liveblog_source guardian
  liveblog_source bbc
  echo
  echo "Posts without text in the split (read as updates with no sentences, not skipped):" \
    "$(cat "$shared"/data/liveblog/valid/*/*.jsonl | grep -cE '"text": *"( |\\[tn])*"' || true)"
  echo
  echo "Published on the test split ($shared/data/liveblog/README.md):"
  awk '/^\| System/,/^$/' "$shared/data/liveblog/README.md" | sed 's/^/  /'
}

# The mean of a measure's per-topic figure (column 3: R, 5: F) over the topics whose name
# matches a regular expression, x100 when scale is 2 decimals.
topic_mean() {
  awk -F'\t' -v m="$2" -v re="$3" -v col="$4" -v s="$5" \
    '$1 == m && $2 != "AVERAGE" && $2 ~ re { t += $col; n++ }
     END { if (n) printf "%.*f", s, t / n * (s == 2 ? 100 : 1); else printf "-" }' "$1"
}

background() {
  local data="$shared/data/background"
  [[ -d "$data" ]] || { echo "quality: $data not found; background skipped"; echo; return; }
  echo "Background task (247 updates; reads updates 000..NNN-1, budget = words of NNN.A.txt;" \
    "ROUGE -n 2 -c 95 -r 1000 -m vs 3 references), recall"
  printf '%-12s %7s %7s %9s %9s %9s %9s %9s\n' method R-1 R-2 "R-2 even" "R-2 odd" "R-2 val" \
    "R-2 trn" "wall (s)"
  local events
  events="$(cd "$data" && for d in */; do [[ -f "$d/updates.jsonl" ]] && echo "${d%/}"; done)"
  # The inputs: each update's earlier updates, in a file of their own.
  for e in $events; do
    mkdir -p "$work/bg/in/$e"
    local lines
    lines=$(wc -l <"$data/$e/updates.jsonl")
    for ((k = 1; k < lines; k++)); do
      local nnn
      nnn=$(printf '%03d' "$k")
      [[ -f "$data/$e/background/$nnn.A.txt" ]] || continue
      head -n "$k" "$data/$e/updates.jsonl" >"$work/bg/in/$e/$nnn.jsonl"
      printf '%s %s\n' "$nnn" "$(wc -w <"$data/$e/background/$nnn.A.txt")" >>"$work/bg/in/$e.budgets"
    done
  done
  for m in $methods; do
    local out="$work/bg/$m" t0 wall
    t0=$(now)
    : >"$out.all.tsv"
    for e in $events; do
      mkdir -p "$out/$e"
      while read -r nnn words; do
        if ! "$sitrep" summarize --method "$m" --words "$words" "$work/bg/in/$e/$nnn.jsonl" \
          >"$out/$e/$nnn.txt" 2>"$work/bg/last.err"; then
          echo "quality: sitrep summarize failed on $e update $nnn:" >&2
          cat "$work/bg/last.err" >&2
          exit 1
        fi
      done <"$work/bg/in/$e.budgets"
    done
    wall=$(elapsed "$t0")
    for e in $events; do
      "$sitrep" eval --system "$out/$e" --reference "$data/$e/background" --format tsv \
        --rouge-args "-n 2 -c 95 -r 1000 -m" | awk -F'\t' -v e="$e" 'NR > 1 && $2 != "AVERAGE" {
          $2 = e "/" $2; print }' OFS='\t' >>"$out.all.tsv"
    done
    # Each event weighs its number of scored updates: the mean over all 247 updates.
    printf '%-12s %7s %7s %9s %9s %9s %9s %9s\n' "$m" "$(topic_mean "$out.all.tsv" ROUGE-1 . 3 4)" \
      "$(topic_mean "$out.all.tsv" ROUGE-2 . 3 4)" \
      "$(topic_mean "$out.all.tsv" ROUGE-2 '[02468]$' 3 4)" \
      "$(topic_mean "$out.all.tsv" ROUGE-2 '[13579]$' 3 4)" \
      "$(topic_mean "$out.all.tsv" ROUGE-2 '^(bp_oil_spill|haitian_earthquake|mj_death)/' 3 4)" \
      "$(topic_mean "$out.all.tsv" ROUGE-2 '^(financial_crisis|swine_flu)/' 3 4)" "$wall"
  done
  echo
  echo "Floors ($data/README.md): oldest first R-1 .3569 / R-2 .1226; newest first .4007 / .1745"
  echo
}

cnndm() {
  local data="$shared/data/cnndm"
  [[ -d "$data" ]] || { echo "quality: $data not found; CNN/DM skipped"; echo; return; }
  echo "CNN/DailyMail development sample (2,000 articles, 3 sentences;" \
    "ROUGE -c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a -m), F %"
  printf '%-12s %7s %7s %7s %9s %9s %9s\n' method R-1 R-2 R-L "R-2 1st" "R-2 2nd" "wall (s)"
  # The halves: the first and the second 1,000 articles in id order.
  local mid
  mid="$(cd "$data/input" && ls -- *.jsonl | sort | sed -n '1000p' | sed 's/\.jsonl$//')"
  for m in $methods; do
    local out="$work/cnndm/$m" t0 wall
    t0=$(now)
    "$sitrep" summarize --method "$m" --sentences 3 --output-dir "$out" "$data/input"/*.jsonl
    wall=$(elapsed "$t0")
    "$sitrep" eval --system "$out" --reference "$data/references" --format tsv \
      --rouge-args "-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a -m" >"$out.tsv"
    local f1 f2
    f1=$(awk -F'\t' -v mid="$mid" '$1 == "ROUGE-2" && $2 != "AVERAGE" && $2 != "topic" && $2 <= mid { t += $5; n++ } END { printf "%.2f", t / n * 100 }' "$out.tsv")
    f2=$(awk -F'\t' -v mid="$mid" '$1 == "ROUGE-2" && $2 != "AVERAGE" && $2 != "topic" && $2 > mid { t += $5; n++ } END { printf "%.2f", t / n * 100 }' "$out.tsv")
    printf '%-12s %7s %7s %7s %9s %9s %9s\n' "$m" \
      "$(awk -F'\t' '$1 == "ROUGE-1" && $2 == "AVERAGE" { printf "%.2f", $5 * 100 }' "$out.tsv")" \
      "$(awk -F'\t' '$1 == "ROUGE-2" && $2 == "AVERAGE" { printf "%.2f", $5 * 100 }' "$out.tsv")" \
      "$(awk -F'\t' '$1 == "ROUGE-L" && $2 == "AVERAGE" { printf "%.2f", $5 * 100 }' "$out.tsv")" \
      "$f1" "$f2" "$wall"
  done
  echo
  echo "Published on the whole test set ($data/README.md): Lead-3 R-1 / R-2 / R-L F 40.34 / 17.70 / 36.57"
  echo
}

case "$only" in
  "") duc; liveblog ;;
  duc) duc ;;
  liveblog) liveblog ;;
  background) background ;;
  cnndm) cnndm ;;
  *) echo "quality: --only takes duc, liveblog, background or cnndm" >&2; exit 2 ;;
esac
