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

# sitrep_test(NAME SOURCES <files...> DEPS <targets...>): a GoogleTest binary registered with CTest.
# Tests find their fixtures through SITREP_TEST_DATA_DIR (tests/data) and SITREP_SHARED_DIR
# (../shared, which may be absent: such tests GTEST_SKIP with a message).
function(sitrep_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE
    SITREP_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SITREP_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    SITREP_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    SITREP_BINARY="$<TARGET_FILE:sitrep>")
  sitrep_warnings(${name})
  sitrep_instrument(${name} PRIVATE)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()
