// What every floe benchmark reports besides its own timings: the machine's memory bandwidth,
// measured in the same run, and the process's peak resident memory.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace floe::bench {

// Seconds since `start`.
inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Bytes per second of a STREAM-style copy (read + write) over `bytes` bytes, with all threads;
// the best of `repeats`. Counts read and written bytes, as STREAM does.
double copy_bandwidth(std::size_t bytes, int repeats = 5);

// Seconds for one pass reading `bytes` bytes at the measured bandwidth: the bound a
// bandwidth-limited loop over that data cannot beat.
double bandwidth_bound_seconds(std::size_t bytes, double bandwidth);

// Peak resident set size of this process (VmHWM), in bytes.
std::size_t peak_rss_bytes();

// Page faults this process has taken so far (minor and major): on a virtual machine each costs
// microseconds, so a loop that touches fresh memory can spend more time faulting than working.
std::uint64_t page_faults();

std::string human_bytes(double bytes);

}  // namespace floe::bench
