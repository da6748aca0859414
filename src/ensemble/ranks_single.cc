// Ranks without MPI (include/floe/ensemble.h): one process, rank 0 of 1. Built when FLOE_MPI is
// off, in place of ranks_mpi.cc.
#include <cstdlib>

#include "ensemble/launch.h"
#include "floe/ensemble.h"
#include "floe/error.h"

namespace floe {

struct Ranks::Impl {};

Ranks::Ranks() {
  const int launched = ensemble::launched_ranks();
  if (launched > 1) {
    throw Error("mpirun started " + std::to_string(launched) +
                " ranks, but this floe was built without MPI; rebuild with libopenmpi-dev "
                "installed (scripts/deps.sh)");
  }
}

Ranks::~Ranks() = default;

bool Ranks::built_with_mpi() { return false; }
int Ranks::rank() const { return 0; }
int Ranks::size() const { return 1; }

void Ranks::send_to_root(std::vector<double>) {
  throw Error("ensemble: one process has no other rank to send to");
}

std::vector<double> Ranks::receive_from(int) {
  throw Error("ensemble: one process has no other rank to receive from");
}

void Ranks::barrier() {}

Ranks::Agreement Ranks::agree(bool failed) { return {failed ? 1 : 0, failed}; }

void Ranks::abort(int code) { std::exit(code); }

}  // namespace floe
