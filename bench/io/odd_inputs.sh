#!/usr/bin/env bash
# Odd and bad inputs, as issue 8 lists them: for each, what sitrep does (exit status, first line
# of its message), wall time and peak memory from /usr/bin/time -v. Writes a Markdown table.
#
#   bench/io/odd_inputs.sh [--big]      # --big adds the 1 GB line, 1 GB of blank lines and
#                                       # 10 million 5-byte lines (about 2 GB of scratch space)
# Environment: SITREP (default build/sitrep), TMPDIR.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sitrep="${SITREP:-$root/build/sitrep}"
big=0
[[ "${1:-}" == "--big" ]] && big=1
[[ -x "$sitrep" ]] || { echo "odd_inputs: build sitrep first ($sitrep)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "odd_inputs: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

printf '%s\n' '{"id":"a","text":"The bridge is closed."}' '{"id":"img","text":""}' \
  '{"id":"ws","text":" \t "}' >empty_text.jsonl
printf '%s\n' '{"id":"a","text":"ok."}' '{"id":"b","title":"no text"}' >missing_text.jsonl
printf '%s\n' '{"text":42}' >nonstring_text.jsonl
printf '%s\n' '{"text":"ok","x":tru}' >bad_json_ignored_key.jsonl
printf '%s\n' '{"text":"ok"' >bad_json.jsonl
printf 'First update.\r\nSecond update.\r\n' >crlf.txt
printf 'First update.\rSecond update.\rThird update.' >lone_cr.txt
printf '\xef\xbb\xbfFirst update after a BOM.\n' >bom.txt
printf 'good line.\nbin\0ary\n' >nul_head.txt
{ printf 'good line.\n'; head -c 9000 /dev/zero | tr '\0' x; printf '\0\n'; } >nul_late.txt
printf 'good.\n\xc0\xaf slash\n' >overlong.txt
printf 'good.\n\xed\xa0\x80 surrogate\n' >surrogate.txt
printf '%s\n' '{"text":"a\u0000b"}' >nul_escape.jsonl
printf '%s\n' '{"text":"a\ud800b"}' >lone_surrogate_escape.jsonl
printf '%s\n' '{"text":"The \u001b[31mbridge\u001b[0m is closed and traffic is diverted."}' >ansi.jsonl
printf '{"text":"caf\xc3 au lait"}\n' >invalid_utf8.jsonl
printf '\xc3\x89l\xc3\xa9phant arrived.\n' >elephant.txt

run() {  # label, sitrep arguments...
  local label=$1
  shift
  /usr/bin/time -v -o time.txt "$sitrep" "$@" >out.txt 2>err.txt
  local rc=$?
  local wall rss msg
  wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' time.txt)
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.1f", $2 / 1024}' time.txt)
  msg=$(grep -v '^[[:space:]]*$' err.txt | head -n 1 | cut -c1-100)
  [[ -n "$msg" ]] || msg="(output) $(head -c 80 out.txt | tr '\n' ' ')"
  printf '| %s | `sitrep %s` | %s | %s | %s | %s MB |\n' "$label" "$*" "$rc" "${msg//|/\\|}" "$wall" "$rss"
}

echo "| input | command | exit | message (first line) | wall | peak RSS |"
echo "|---|---|---|---|---|---|"
run "posts without text" report empty_text.jsonl
run "missing text" summarize missing_text.jsonl
run "missing text, skipped" summarize --skip-bad missing_text.jsonl
run "non-string text" summarize nonstring_text.jsonl
run "bad JSON in an ignored key" summarize bad_json_ignored_key.jsonl
run "bad JSON" summarize bad_json.jsonl
run "CRLF line ends" summarize crlf.txt
run "lone CR line ends" summarize --sentences 3 lone_cr.txt
run "byte order mark" summarize bom.txt
run "NUL in the first 8 KiB" summarize nul_head.txt
run "NUL later" summarize nul_late.txt
run "over-long UTF-8" summarize overlong.txt
run "UTF-8 surrogate" summarize surrogate.txt
run '\u0000 escape' summarize nul_escape.jsonl
run "unpaired surrogate escape" summarize lone_surrogate_escape.jsonl
run "ANSI escapes" summarize ansi.jsonl
run "invalid UTF-8 in JSON" summarize invalid_utf8.jsonl
run "1-byte cut of É" summarize --bytes 1 --format json elephant.txt
run "--words -1" summarize --words=-1 crlf.txt
run "--words 99999999999999999999" summarize --words 99999999999999999999 crlf.txt
run "--words 010" summarize --words 010 crlf.txt
run "--words 0x10" summarize --words 0x10 crlf.txt
run "unknown language" summarize --language xx crlf.txt
run "ROUGE -n 2147483647" eval --system . --reference . --rouge-args "-n 2147483647"
run "ROUGE -r 2147483647" eval --system . --reference . --rouge-args "-r 2147483647"
run "ROUGE -w 1e308" eval --system . --reference . --rouge-args "-w 1e308"

if ((big)); then
  { head -c 1000000000 /dev/zero | tr '\0' a; echo; } >one_gb_line.txt
  head -c 1000000000 /dev/zero | tr '\0' '\n' >blank_lines.txt
  awk 'BEGIN { for (i = 0; i < 10000000; i++) printf "w%03d\n", i % 1000 }' >ten_million.txt
  run "1 GB line" summarize one_gb_line.txt
  run "1 GB line, skipped" summarize --skip-bad one_gb_line.txt
  run "1 GB of blank lines" summarize blank_lines.txt
  run "10 million 5-byte lines" summarize --method lead ten_million.txt
fi
