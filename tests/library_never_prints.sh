#!/usr/bin/env bash
# library_never_prints.sh NM ARCHIVE... — the library never prints and never ends the process
# (STYLE.md; simdjson's "avoid cout" check). Fails when an object in a sitrep library archive
# refers to (has an undefined reference to) one of:
#   - the standard streams: std::cout, std::cerr, std::clog and their wide forms, and the C
#     streams `stdout` and `stderr` (so fprintf/fputs/fwrite to them are caught: those calls
#     must name the stream, while fprintf to a file the caller opened stays allowed);
#   - functions that can only print to the terminal: printf, vprintf, puts, putchar, perror
#     (and the fortified __printf_chk, __vprintf_chk);
#   - functions that end the process: exit, _exit, _Exit, quick_exit, abort.
# Allowed, on purpose: std::terminate (what a throw through noexcept calls: libstdc++ inline
# code and every noexcept function refer to it), __assert_fail (assert(): a broken invariant is
# a bug, not a way of reporting; Release builds compile it out, the sanitizer build keeps it),
# and the sanitizers' own __asan_*/__ubsan_* handlers. The archives are given by CMake
# (tests/CMakeLists.txt) through generator expressions, one per module.
set -euo pipefail
nm_tool="$1"
shift
forbidden='^(std::cout|std::cerr|std::clog|std::wcout|std::wcerr|std::wclog|stdout|stderr|printf|vprintf|puts|putchar|perror|__printf_chk|__vprintf_chk|exit|_exit|_Exit|quick_exit|abort)$'
status=0
for archive in "$@"; do
  [[ -f "$archive" ]] || { echo "missing archive: $archive" >&2; status=1; continue; }
  # "member.o:" starts each object's list; undefined symbols are "U name" lines.
  found=$("$nm_tool" -C -u "$archive" | awk -v re="$forbidden" '
    /:$/ { member = substr($0, 1, length($0) - 1); next }
    $1 == "U" { name = $0; sub(/^[ \t]*U[ \t]+/, "", name); if (name ~ re) print member ": " name }')
  if [[ -n "$found" ]]; then
    echo "$(basename "$archive") prints or exits:" >&2
    sed 's/^/  /' <<<"$found" >&2
    status=1
  fi
done
if ((status == 0)); then
  echo "checked $# archives: no reference to the standard streams, printf/puts, exit or abort"
fi
exit $status
