#include "sitrep/vsm/sparse_vector.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace sitrep::vsm {
namespace {

TEST(SparseVector, FromTermsCountsAndSorts) {
  std::vector<term_id> t{5, 1, 5, 3, 5};
  auto v = sparse_vector::from_terms(t);
  ASSERT_EQ(v.entries.size(), 3u);
  EXPECT_EQ(v.entries[0], (std::pair<term_id, double>{1, 1.0}));
  EXPECT_EQ(v.entries[2], (std::pair<term_id, double>{5, 3.0}));
  EXPECT_DOUBLE_EQ(v.weight(5), 3.0);
  EXPECT_DOUBLE_EQ(v.weight(4), 0.0);
}

TEST(SparseVector, DotNormCosine) {
  std::vector<term_id> a{1, 2}, b{2, 3}, c{7};
  auto va = sparse_vector::from_terms(a), vb = sparse_vector::from_terms(b),
       vc = sparse_vector::from_terms(c);
  EXPECT_DOUBLE_EQ(va.dot(vb), 1.0);
  EXPECT_DOUBLE_EQ(cosine(va, vb), 0.5);
  EXPECT_DOUBLE_EQ(cosine(va, va), 1.0);
  EXPECT_DOUBLE_EQ(cosine(va, vc), 0.0);
  EXPECT_DOUBLE_EQ(cosine(va, sparse_vector{}), 0.0);
}

TEST(SparseVector, AddMerges) {
  std::vector<term_id> a{1, 3}, b{2, 3};
  auto v = sparse_vector::from_terms(a);
  v.add(sparse_vector::from_terms(b), 0.5);
  ASSERT_EQ(v.entries.size(), 3u);
  EXPECT_DOUBLE_EQ(v.weight(1), 1.0);
  EXPECT_DOUBLE_EQ(v.weight(2), 0.5);
  EXPECT_DOUBLE_EQ(v.weight(3), 1.5);
}

}  // namespace
}  // namespace sitrep::vsm
