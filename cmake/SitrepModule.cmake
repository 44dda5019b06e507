# sitrep_module(NAME SOURCES <files...> [DEPS <targets...>] [PRIVATE_DEPS <targets...>])
# One module = one folder = one static library `sitrep_<NAME>` (alias sitrep::<NAME>).
# DEPS are the modules and libraries this one builds on; they state the direction of the
# pipeline, so a wrong-way include fails to build.
function(sitrep_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(sitrep_${name} STATIC ${ARG_SOURCES})
  add_library(sitrep::${name} ALIAS sitrep_${name})
  target_include_directories(sitrep_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(sitrep_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  sitrep_warnings(sitrep_${name})
  # SITREP_SANITIZE / SITREP_FUZZ (cmake/SitrepSanitize.cmake): PUBLIC, so whatever links the
  # module is instrumented and linked the same way.
  sitrep_instrument(sitrep_${name} PUBLIC)
endfunction()

function(sitrep_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
endfunction()

# Settings every test binary shares, and the precompiled header target (tests/CMakeLists.txt)
# with them: a precompiled header is only valid for code compiled with the same definitions
# and flags. Tests find their fixtures through SITREP_TEST_DATA_DIR (tests/data) and
# SITREP_SHARED_DIR (../shared, which may be absent: such tests GTEST_SKIP with a message).
# In an optimized build the tests' own code is compiled at -O1: the library under test keeps
# the build's optimization (its archives are the ones users link); what the tests add on top,
# GoogleTest's expanded assertions, builds a third faster at -O1 than at -O3.
function(sitrep_test_settings target)
  target_link_libraries(${target} PRIVATE GTest::gtest GTest::gmock nlohmann_json::nlohmann_json)
  target_compile_definitions(${target} PRIVATE
    SITREP_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SITREP_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    SITREP_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    SITREP_BINARY="$<TARGET_FILE:sitrep>")
  target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-O1>)
  sitrep_warnings(${target})
  sitrep_instrument(${target} PRIVATE)
endfunction()

# sitrep_test(NAME SOURCES <files...> DEPS <targets...>): a GoogleTest binary registered with
# CTest, compiled with the tests' shared precompiled header (GoogleTest, GoogleMock, JSON and
# the common standard headers: parsed once for the whole suite instead of once a file).
function(sitrep_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest_main)
  sitrep_test_settings(${name})
  target_precompile_headers(${name} REUSE_FROM sitrep_test_pch)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()
