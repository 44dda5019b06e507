// Test helper: a collection of one update per text, English defaults.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/vsm/collection.hpp"

namespace sitrep::rank::testing {

inline vsm::collection make_collection(const std::vector<std::string>& texts) {
  auto c = vsm::collection::create({});
  EXPECT_TRUE(c.ok());
  for (const auto& t : texts) {
    update u;
    u.text = t;
    c->add(u);
  }
  return std::move(c).value();
}

}  // namespace sitrep::rank::testing
