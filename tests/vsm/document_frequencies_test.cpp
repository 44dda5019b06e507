#include "sitrep/vsm/document_frequencies.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sitrep::vsm {
namespace {

TEST(DocumentFrequencies, CountsEachTermOncePerDocument) {
  document_frequencies df;
  std::vector<term_id> d1{0, 1, 1, 1}, d2{1, 2};
  df.add_document(d1);
  df.add_document(d2);
  EXPECT_EQ(df.documents(), 2u);
  EXPECT_EQ(df.df(0), 1u);
  EXPECT_EQ(df.df(1), 2u);
  EXPECT_EQ(df.df(2), 1u);
  EXPECT_EQ(df.df(99), 0u);
}

TEST(DocumentFrequencies, IdfIsSmoothedAndOrdered) {
  document_frequencies df;
  std::vector<term_id> d1{0, 1}, d2{1};
  df.add_document(d1);
  df.add_document(d2);
  EXPECT_GT(df.idf(0), df.idf(1));  // rarer weighs more
  EXPECT_GT(df.idf(1), 0.0);        // even a term in every document
  EXPECT_DOUBLE_EQ(df.idf(1), std::log(3.0 / 2.0));
  EXPECT_GE(df.idf(42), df.idf(0));  // unseen: as rare as can be
}

TEST(DocumentFrequencies, IncrementalMatchesBatch) {
  std::vector<std::vector<term_id>> docs{{0, 1}, {1, 2, 2}, {3}, {0, 3, 1}};
  document_frequencies inc;
  for (const auto& d : docs) inc.add_document(d);
  document_frequencies batch;
  for (const auto& d : docs) batch.add_document(d);
  for (term_id t = 0; t < 4; ++t) EXPECT_EQ(inc.df(t), batch.df(t));
}

}  // namespace
}  // namespace sitrep::vsm
