#include "sitrep/facts/figures.hpp"

#include <gtest/gtest.h>

TEST(Figures, Placeholder) { EXPECT_TRUE(sitrep::facts::extract_figures("").empty()); }
