// The source of sitrep_test_pch (tests/CMakeLists.txt): the precompiled header is all it has.
