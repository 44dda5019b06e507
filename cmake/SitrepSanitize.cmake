# SitrepSanitize.cmake — sanitizer and fuzzing instrumentation, per target (never through
# CMAKE_CXX_FLAGS).
#
#   cmake -S . -B build-sanitize -DSITREP_SANITIZE=ON    # g++ or clang++: ASan + UBSan
#   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DSITREP_FUZZ=ON   # libFuzzer, fuzz/
#
# SITREP_SANITIZE: every sitrep library, test, benchmark and the command line are compiled and
#   linked with -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer:
#   the first error of either sanitizer stops the program with a non-zero status. Assertions
#   stay on (-UNDEBUG) whatever the build type: these are checking builds.
# SITREP_FUZZ (clang only): the same sanitizers, plus -fsanitize=fuzzer-no-link on the
#   libraries so libFuzzer sees their coverage; the harnesses in fuzz/ link with
#   -fsanitize=fuzzer (see fuzz/CMakeLists.txt). Implies the sanitizers.
#
# sitrep_instrument(<target> [PUBLIC|PRIVATE]) applies the flags to one target. sitrep_module
# calls it with PUBLIC, so whatever links a module (tests, benchmarks, the command line, the
# harnesses) is compiled and linked the same way; sitrep_test calls it too, for tests that link
# no module. Third-party libraries from Debian (simdjson, utf8proc, libstemmer, GLPK, fmt,
# GoogleTest) stay uninstrumented: their bugs are not ours to find, and ASan still checks the
# memory our code hands them.
option(SITREP_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(SITREP_FUZZ "Build the libFuzzer harnesses in fuzz/ (needs clang)" OFF)

if(SITREP_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR
    "SITREP_FUZZ=ON needs clang (libFuzzer), but CMAKE_CXX_COMPILER is "
    "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION} (${CMAKE_CXX_COMPILER}). "
    "Configure a separate build folder with, on Debian 12 (clang-14 libclang-rt-14-dev):\n"
    "  cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DSITREP_FUZZ=ON")
endif()

set(SITREP_SANITIZER_FLAGS
  -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)

function(sitrep_instrument target)
  set(scope PUBLIC)
  if(ARGC GREATER 1)
    set(scope ${ARGV1})
  endif()
  if(SITREP_SANITIZE OR SITREP_FUZZ)
    target_compile_options(${target} ${scope} ${SITREP_SANITIZER_FLAGS})
    target_link_options(${target} ${scope} -fsanitize=address,undefined)
    # A checked build: assertions stay on whatever the build type (Release adds -DNDEBUG).
    target_compile_options(${target} ${scope} -UNDEBUG)
  endif()
  if(SITREP_FUZZ)
    # Coverage instrumentation for libFuzzer, without linking libFuzzer's main.
    target_compile_options(${target} ${scope} -fsanitize=fuzzer-no-link)
  endif()
endfunction()
