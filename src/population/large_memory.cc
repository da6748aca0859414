// Large arrays in their own huge-page mappings (include/floe/large_memory.h).
#include "floe/large_memory.h"

#include <sys/mman.h>

#include <cstdint>

namespace floe {
namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
constexpr std::uintptr_t kPage = 4096;

std::uintptr_t round_up(std::uintptr_t x, std::uintptr_t to) { return (x + to - 1) & ~(to - 1); }

}  // namespace

void* allocate_large(std::size_t bytes) {
  if (bytes < kLargeArrayBytes) return ::operator new(bytes);
  // Map a huge page more than needed, then give back what lies outside the aligned range.
  const std::size_t mapped = bytes + kHugePage;
  void* p = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  const auto base = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t begin = round_up(base, kHugePage);
  const std::uintptr_t end = begin + round_up(bytes, kPage);
  if (begin > base) munmap(p, begin - base);
  if (base + mapped > end) munmap(reinterpret_cast<void*>(end), base + mapped - end);
  // A hint: where huge pages are off, the kernel refuses it and 4 KiB pages serve as before.
  madvise(reinterpret_cast<void*>(begin), bytes, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(begin);
}

void free_large(void* p, std::size_t bytes) noexcept {
  if (bytes < kLargeArrayBytes) {
    ::operator delete(p);
  } else {
    munmap(p, bytes);
  }
}

}  // namespace floe
