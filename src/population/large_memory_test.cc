#include "floe/large_memory.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

namespace floe {
namespace {

TEST(LargeMemory, LargeArraysStartAtAHugePageAndHoldWhatIsWritten) {
  const std::size_t n = kLargeArrayBytes / sizeof(std::uint64_t) + 12345;  // not a page multiple
  auto* p = static_cast<std::uint64_t*>(allocate_large(n * sizeof(std::uint64_t)));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % (std::uintptr_t{2} << 20), 0u);
  for (std::size_t i = 0; i < n; ++i) p[i] = i * 3;
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += p[i];
  EXPECT_EQ(sum, 3 * (n * (n - 1) / 2));
  free_large(p, n * sizeof(std::uint64_t));
}

TEST(LargeMemory, VectorsGrowAcrossTheThresholdKeepingTheirValues) {
  LargeVector<std::uint32_t> v;
  const std::size_t n = 2 * kLargeArrayBytes / sizeof(std::uint32_t);
  for (std::size_t i = 0; i < n; ++i) v.push_back(static_cast<std::uint32_t>(i));  // reallocates
  LargeVector<std::uint32_t> copy = v;
  ASSERT_EQ(copy.size(), n);
  EXPECT_EQ(copy[0], 0u);
  EXPECT_EQ(copy[n - 1], n - 1);
  EXPECT_EQ(std::accumulate(copy.begin(), copy.end(), std::uint64_t{0}),
            std::uint64_t{n} * (n - 1) / 2);
  LargeVector<std::uint32_t> small(10, 7u);  // below the threshold: operator new, initialized
  EXPECT_EQ(std::accumulate(small.begin(), small.end(), 0u), 70u);
}

}  // namespace
}  // namespace floe
