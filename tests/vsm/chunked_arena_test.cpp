#include "sitrep/vsm/chunked_arena.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace sitrep::vsm {
namespace {

using arena = chunked_arena<std::uint32_t>;

TEST(ChunkedArena, EmptyRequestAllocatesNothing) {
  arena a;
  EXPECT_TRUE(a.allocate(0).empty());
  EXPECT_EQ(a.block_count(), 0u);
}

TEST(ChunkedArena, ArraysAreContiguousAndKeepTheirValues) {
  arena a;
  std::vector<std::span<std::uint32_t>> spans;
  for (std::uint32_t n = 1; n <= 100; ++n) {
    auto s = a.allocate(n);
    ASSERT_EQ(s.size(), n);
    for (std::uint32_t k = 0; k < n; ++k) s[k] = n * 1000 + k;
    spans.push_back(s);
  }
  EXPECT_EQ(a.block_count(), 1u);
  for (std::uint32_t n = 1; n <= 100; ++n)
    for (std::uint32_t k = 0; k < n; ++k) EXPECT_EQ(spans[n - 1][k], n * 1000 + k);
}

TEST(ChunkedArena, AnArrayNeverStraddlesTwoBlocks) {
  arena a;
  auto first = a.allocate(arena::kBlock - 10);
  auto second = a.allocate(20);  // does not fit the tail: a new block
  EXPECT_EQ(a.block_count(), 2u);
  EXPECT_NE(second.data(), first.data() + first.size());
  auto third = a.allocate(10);  // follows the second in its block
  EXPECT_EQ(third.data(), second.data() + second.size());
}

TEST(ChunkedArena, ALongArrayGetsABlockOfItsOwnAndTheCurrentBlockStaysCurrent) {
  arena a;
  auto small = a.allocate(5);
  auto big = a.allocate(arena::kBlock + 1);
  EXPECT_EQ(big.size(), arena::kBlock + 1);
  EXPECT_EQ(a.block_count(), 2u);
  big.back() = 7;
  auto next = a.allocate(5);
  EXPECT_EQ(next.data(), small.data() + small.size());
  EXPECT_EQ(a.capacity(), 2 * arena::kBlock + 1);
}

TEST(ChunkedArena, SpansSurviveAMove) {
  arena a;
  auto s = a.allocate(3);
  s[0] = 1, s[1] = 2, s[2] = 3;
  arena b = std::move(a);
  EXPECT_EQ(s[2], 3u);
  auto t = b.allocate(2);  // continues the moved block
  EXPECT_EQ(t.data(), s.data() + 3);
  // The moved-from arena is empty and usable on its own blocks.
  EXPECT_EQ(a.block_count(), 0u);  // NOLINT(bugprone-use-after-move)
  auto u = a.allocate(4);
  u[3] = 9;
  EXPECT_EQ(a.block_count(), 1u);
  EXPECT_EQ(s[0], 1u);
  arena c;
  c = std::move(b);
  EXPECT_EQ(s[1], 2u);
  EXPECT_EQ(c.block_count(), 1u);
}

}  // namespace
}  // namespace sitrep::vsm
