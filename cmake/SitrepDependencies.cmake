# Every dependency comes from Debian 12's packages; nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(CLI11 REQUIRED)
find_package(simdjson REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(fmt REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)

# libstemmer ships a header and a library but no CMake or pkg-config file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(sitrep_libstemmer INTERFACE)
target_include_directories(sitrep_libstemmer INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(sitrep_libstemmer INTERFACE ${STEMMER_LIBRARY})

# GLPK (libglpk-dev) ships no CMake or pkg-config file either; the concept ILP solves with it.
find_path(GLPK_INCLUDE_DIR glpk.h REQUIRED)
find_library(GLPK_LIBRARY glpk REQUIRED)
add_library(sitrep_glpk INTERFACE)
target_include_directories(sitrep_glpk INTERFACE ${GLPK_INCLUDE_DIR})
target_link_libraries(sitrep_glpk INTERFACE ${GLPK_LIBRARY})

if(SITREP_DEVELOPER)
  find_package(GTest REQUIRED)
  find_package(benchmark REQUIRED)
endif()
