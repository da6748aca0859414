// Memory for the large arrays of a run (agent columns and records, slot tables): each from its
// own mapping at a 2 MiB boundary, marked for transparent huge pages (madvise MADV_HUGEPAGE, which
// Linux honours when THP is "always" or "madvise", the Debian default).
//
// Why: a fresh page costs a fault, and on a virtual machine a fault costs microseconds. An array
// of 100 MB in 4 KiB pages takes 25,000 faults the first time it is written, which made a repack
// of the full population's slots spend more time faulting its bookkeeping in than moving agents.
// With 2 MiB pages it takes 50 (BENCHMARKS.md: a repack 2.6 -> 0.66 s, setup, checkpoints and
// resume about twice as fast; a month without a repack unchanged, as its random accesses were
// not bound by the TLB). Small arrays come from operator new as usual.
#pragma once

#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace floe {

// Arrays of at least this many bytes get their own mapping.
inline constexpr std::size_t kLargeArrayBytes = std::size_t{4} << 20;

// Throws std::bad_alloc when the memory cannot be had.
void* allocate_large(std::size_t bytes);
// `bytes` as given to allocate_large.
void free_large(void* p, std::size_t bytes) noexcept;

// A vector allocator that takes large arrays from allocate_large and leaves elements
// uninitialized when a vector of them is resized (a type with member initializers still gets
// them), so that a huge array is touched first by the threads that fill it, in parallel.
template <class T>
struct LargeAllocator {
  using value_type = T;
  LargeAllocator() = default;
  template <class U>
  LargeAllocator(const LargeAllocator<U>&) {}  // NOLINT: allocators convert implicitly
  T* allocate(std::size_t n) { return static_cast<T*>(allocate_large(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { free_large(p, n * sizeof(T)); }
  template <class U, class... Args>
  void construct(U* at, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      ::new (static_cast<void*>(at)) U;
    } else {
      ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
    }
  }
  template <class U>
  bool operator==(const LargeAllocator<U>&) const {
    return true;
  }
};

template <class T>
using LargeVector = std::vector<T, LargeAllocator<T>>;

}  // namespace floe
