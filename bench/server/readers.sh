#!/usr/bin/env bash
# 1,000 concurrent readers of the live report (wrk) while about 1,000 updates a second are
# posted (10 JSON Lines batches of 100 a second, by curl), durability on. One wrk thread: the
# machine it was written on has two cores for wrk and the server together.
# With GZIP=1 the readers send "Accept-Encoding: gzip", as browsers do.
# Usage: [GZIP=1] bench/server/readers.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
ulimit -n 8192
data=$(mktemp -d /tmp/sitrep-readers-XXXXXX)
port=$((20000 + RANDOM % 10000))
"$build/sitrep" serve --listen 127.0.0.1:$port --data "$data" --rate 0 >"$data/out" 2>"$data/err" &
pid=$!
poster=""
trap 'kill $poster 2>/dev/null || true; kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do grep -q listening "$data/out" 2>/dev/null && break; sleep 0.1; done
token=$(cat "$data/token")
url=http://127.0.0.1:$port/v1/streams/live
curl -s -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$here/../../examples/harbour-fire.jsonl" "$url/updates"
python3 - "$data/batch.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(100):
        f.write(json.dumps({"source": f"Wire {i % 5}", "text": f"Update {i}: crews report {i % 40} "
                            "people evacuated from the harbour district, the fire service said."}) + "\n")
PY
(
  while true; do
    start=$(date +%s%N)
    curl -s -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' \
      --data-binary @"$data/batch.jsonl" "$url/updates"
    left=$(( (100000000 - ($(date +%s%N) - start)) / 1000 ))
    if (( left > 0 )); then sleep "0.$(printf '%06d' $left)"; fi
  done
) &
poster=$!
sleep 1
before=$(curl -s http://127.0.0.1:$port/v1/streams)
accept=()
[[ "${GZIP:-0}" == 1 ]] && accept=(-H 'Accept-Encoding: gzip')
wrk -t1 -c1000 -d${seconds}s --latency "${accept[@]}" "$url/report"
after=$(curl -s http://127.0.0.1:$port/v1/streams)
echo "streams before: $before"
echo "streams after:  $after"
