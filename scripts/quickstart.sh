#!/usr/bin/env bash
# sitrep quick start: install what is missing (Debian 12, as root), build, then
#   demo  run `sitrep report` on the bundled example stream (the default), or
#   test  run every test through CTest.
# Environment: BUILD_DIR (default ./build), JOBS (default: number of cores).
set -euo pipefail

mode="${1:-demo}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
jobs="${JOBS:-$(nproc)}"

packages=(build-essential cmake pkg-config git
  libcli11-dev libsimdjson-dev nlohmann-json3-dev libfmt-dev libutf8proc-dev libstemmer-dev
  libglpk-dev libgtest-dev libgmock-dev libbenchmark-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "quickstart: installing ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    echo "quickstart: these Debian packages are missing; run as root to install them" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$jobs"

case "$mode" in
  demo)
    "$build/sitrep" report "$root/examples/harbour-fire.jsonl"
    ;;
  test)
    cd "$build"
    ctest --output-on-failure -j "$jobs"
    ;;
  *)
    echo "usage: $0 [demo|test]" >&2
    exit 2
    ;;
esac
