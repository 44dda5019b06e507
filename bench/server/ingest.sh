#!/usr/bin/env bash
# Ingest over HTTP on loopback with durability on (synchronous=FULL, the default): wrk posts
# JSON Lines batches of 1,000 records, then single-record requests, to a fresh `sitrep serve`.
# Prints wrk's figures and records per second. Usage: bench/server/ingest.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
data=$(mktemp -d /tmp/sitrep-ingest-XXXXXX)
port=$((20000 + RANDOM % 10000))
"$build/sitrep" serve --listen 127.0.0.1:$port --data "$data" --rate 0 >"$data/out" 2>"$data/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do grep -q listening "$data/out" 2>/dev/null && break; sleep 0.1; done
export TOKEN=$(cat "$data/token")
echo "== JSON Lines batches of 1000, 4 connections, ${seconds}s"
BATCH=1000 STREAM=batch wrk -t2 -c4 -d${seconds}s -s "$here/post_batch.lua" http://127.0.0.1:$port/
echo "== single-record requests, 32 connections, ${seconds}s"
BATCH=1 STREAM=single wrk -t2 -c32 -d${seconds}s -s "$here/post_batch.lua" http://127.0.0.1:$port/
echo "== stored"
curl -s http://127.0.0.1:$port/v1/streams
echo
ls -la "$data"
