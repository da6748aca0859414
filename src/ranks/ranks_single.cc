// Ranks without MPI (include/floe/ranks.h): one process, rank 0 of 1. Built when FLOE_MPI is
// off, in place of ranks_mpi.cc.
#include <cstdlib>

#include "floe/error.h"
#include "floe/ranks.h"
#include "ranks/launch.h"

namespace floe {

struct Ranks::Impl {};

Ranks::Ranks(Solo) {}

Ranks& Ranks::solo() {
  static Ranks alone{Solo{}};
  return alone;
}

Ranks::Ranks() {
  const int launched = ranks::launched_ranks();
  if (launched > 1) {
    throw Error("mpirun started " + std::to_string(launched) +
                " ranks, but this floe was built without MPI; rebuild with libopenmpi-dev "
                "installed (scripts/deps.sh)");
  }
}

Ranks::~Ranks() = default;

bool Ranks::built_with_mpi() { return false; }
int Ranks::launch_rank() { return ranks::launched_rank(); }
int Ranks::rank() const { return 0; }
int Ranks::size() const { return 1; }
std::uint64_t Ranks::bytes_sent() const { return 0; }

void Ranks::send_to_root(std::vector<double>) {
  throw Error("ensemble: one process has no other rank to send to");
}

std::vector<double> Ranks::receive_from(int) {
  throw Error("ensemble: one process has no other rank to receive from");
}

void Ranks::barrier() {}

Ranks::Agreement Ranks::agree(bool failed) { return {failed ? 1 : 0, failed}; }

void Ranks::abort(int code) { std::exit(code); }

void Ranks::sum(std::span<double>) {}

bool Ranks::any(bool yes) { return yes; }

std::vector<std::byte> Ranks::exchange_bytes(const std::vector<std::span<const std::byte>>& to) {
  if (to.size() != 1) throw Error("exchange: one message per rank");
  return {to[0].begin(), to[0].end()};
}

std::vector<std::byte> Ranks::gather_all_bytes(std::span<const std::byte> mine) {
  return {mine.begin(), mine.end()};
}

}  // namespace floe
