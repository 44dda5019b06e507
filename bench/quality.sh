#!/usr/bin/env bash
# The quality harness: runs sitrep's methods on DUC 2004 and on the Live Blog Corpus
# development split with their published conventions, scores them with `sitrep eval`, and
# prints tables beside the published numbers, with the wall time of each run.
#
#   bench/quality.sh                         # every method, every blog
#   bench/quality.sh --methods "auto ilp"    # some methods
#   bench/quality.sh --blogs 60              # the first 60 blogs of each source (quicker)
#   bench/quality.sh --only duc|liveblog
#
# Conventions (../shared/data/*/README.md):
#   DUC 2004: 100-word summaries; ROUGE-1.5.5 -n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -a
#   Live blogs: each blog's budget is the word length of its reference (white-space words of
#   the joined bullets); ROUGE -n 4 -2 4 -u -c 95 -r 1000 -w 1.2 -a, no stemming.
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
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
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

[[ "$only" == liveblog ]] || duc
[[ "$only" == duc ]] || liveblog
