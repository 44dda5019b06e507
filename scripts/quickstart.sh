#!/usr/bin/env bash
# sitrep quick start: install what is missing (Debian 12, as root), build, then
#   demo  run `sitrep report` on the bundled example stream (the default), or
#   test  what CI runs (.ci/run), one stage after the other, stopping at the first failure:
#         1. release   Release build in BUILD_DIR, every test through CTest;
#         2. sanitize  the same suite built with clang, ASan + UBSan (-DSITREP_FUZZ=ON, which
#                      also builds the libFuzzer harnesses) in BUILD_DIR-sanitize, any
#                      sanitizer report failing it;
#         3. fuzz      those harnesses, each run FUZZ_SECONDS on a copy of its seed corpus
#                      (fuzz/corpus/<name>) as a regression check, any crash failing it.
# Environment: BUILD_DIR (default ./build), JOBS (default: number of cores), FUZZ_SECONDS
# (default 10).
set -euo pipefail

mode="${1:-demo}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
jobs="${JOBS:-$(nproc)}"
fuzz_seconds="${FUZZ_SECONDS:-10}"

case "$mode" in
  demo | test) ;;
  *)
    echo "usage: $0 [demo|test]" >&2
    exit 2
    ;;
esac

packages=(build-essential cmake ninja-build pkg-config git
  libcli11-dev libsimdjson-dev nlohmann-json3-dev libfmt-dev libutf8proc-dev libstemmer-dev
  libglpk-dev libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev libboost1.81-dev)
# The fuzzers need clang and its libFuzzer/sanitizer runtimes; only the test mode builds them.
[[ "$mode" == test ]] && packages+=(clang-14 libclang-rt-14-dev)
# The live page of `sitrep serve` is tested in headless chromium (tests/server/page_test.cpp,
# skipped without it); only the test mode installs it.
[[ "$mode" == test ]] && packages+=(chromium)

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

# Ninja: it starts compiling a target's sources while the libraries it links are still being
# built, where Make waits for each target in turn. A folder configured earlier with another
# generator keeps it (CMake cannot switch a folder's generator).
generator() {
  [[ -f "$1/CMakeCache.txt" ]] || echo "-GNinja"
}

stage_start=0
banner() {
  stage_start=$SECONDS
  printf '\n==== quickstart test: %s ====\n' "$1"
}
stage_done() {
  printf '==== %s: passed in %d s ====\n' "$1" $((SECONDS - stage_start))
}

if [[ "$mode" == demo ]]; then
  cmake -S "$root" -B "$build" $(generator "$build") -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j "$jobs"
  "$build/sitrep" report "$root/examples/harbour-fire.jsonl"
  exit 0
fi

# 1. Release build, every test.
banner "1/3 release (build and tests in $build)"
cmake -S "$root" -B "$build" $(generator "$build") -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$jobs"
ctest --test-dir "$build" --output-on-failure -j "$jobs"
stage_done release

# 2. The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, assertions on, built
# with clang in one instrumented tree that also holds the libFuzzer harnesses of stage 3: one
# instrumented build instead of two (g++ for the suite, clang for the harnesses). -O0 -g1 (line
# tables: reports name file and line): measured on this suite, -O0 builds the instrumented tree
# in 371 s against 510 s at -O1, and its slower tests (142 s against 104 s) still leave the
# stage 100 s shorter.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
banner "2/3 sanitize (clang, ASan + UBSan build and tests in $build-sanitize)"
cmake -S "$root" -B "$build-sanitize" $(generator "$build-sanitize") -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -g1" \
  -DSITREP_FUZZ=ON -DSITREP_BENCHMARKS=OFF >/dev/null
cmake --build "$build-sanitize" -j "$jobs"
ctest --test-dir "$build-sanitize" --output-on-failure -j "$jobs"
stage_done sanitize

# 3. The libFuzzer harnesses (fuzz/README.md) built in stage 2, each on a copy of its seed
# corpus so the repository stays clean; crash reproducers are kept in $build-sanitize/artifacts/.
banner "3/3 fuzz (harnesses of $build-sanitize, ${fuzz_seconds} s a harness)"
fuzz_dir="$build-sanitize"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$fuzz_dir/artifacts"
run_fuzzer() {
  local name="$1" dict=()
  case "$name" in
    jsonl_decoder | text_reader) dict=(-dict="$root/fuzz/jsonl.dict") ;;
    rouge_options) dict=(-dict="$root/fuzz/rouge.dict") ;;
  esac
  cp -r "$root/fuzz/corpus/$name" "$scratch/$name"
  if "$fuzz_dir/fuzz/${name}_fuzz" "$scratch/$name" "${dict[@]}" -max_total_time="$fuzz_seconds" \
    -timeout=25 -print_final_stats=1 -artifact_prefix="$fuzz_dir/artifacts/$name-" \
    >"$scratch/$name.log" 2>&1; then
    echo "fuzz: $name ok ($(grep -m1 'stat::number_of_executed_units' "$scratch/$name.log" |
      awk '{print $2}') runs)"
  else
    echo "fuzz: $name FAILED; its log:" >&2
    tail -n 60 "$scratch/$name.log" >&2
    return 1
  fi
}
pids=() failed=0
for source in "$root"/fuzz/*_fuzz.cpp; do
  name="$(basename "$source" _fuzz.cpp)"
  if [[ ! -x "$fuzz_dir/fuzz/${name}_fuzz" ]]; then
    echo "fuzz: $name not built (see fuzz/CMakeLists.txt), skipped"
    continue
  fi
  run_fuzzer "$name" &
  pids+=($!)
  if ((${#pids[@]} >= jobs)); then  # at most JOBS fuzzers at once
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
if ((failed)); then
  echo "fuzz: a harness crashed; reproducers are in $fuzz_dir/artifacts/" >&2
  exit 1
fi
stage_done fuzz
