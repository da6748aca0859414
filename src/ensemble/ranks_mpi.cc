// Ranks on MPI (include/floe/ensemble.h): the only file of floe that calls MPI. Built when
// FLOE_MPI is on; ranks_single.cc stands in for it otherwise.
#include <mpi.h>

#include <deque>

#include "ensemble/launch.h"
#include "floe/ensemble.h"
#include "floe/error.h"

namespace floe {
namespace {
constexpr int kTag = 18;  // every message of an ensemble: runs from one rank arrive in order
}

struct Ranks::Impl {
  int rank = 0, size = 1;
  bool mpi = false;
  std::deque<std::vector<double>> sent;  // kept until their sends complete
  std::vector<MPI_Request> requests;
};

Ranks::Ranks() : impl_(std::make_unique<Impl>()) {
  if (ensemble::launched_ranks() == 0) return;  // plain `floe ...`: MPI is not started
  int started = 0;
  MPI_Initialized(&started);
  if (started) throw Error("MPI is already started: one Ranks per process");
  MPI_Init(nullptr, nullptr);
  impl_->mpi = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &impl_->rank);
  MPI_Comm_size(MPI_COMM_WORLD, &impl_->size);
}

Ranks::~Ranks() {
  if (!impl_->mpi) return;
  MPI_Waitall(static_cast<int>(impl_->requests.size()), impl_->requests.data(),
              MPI_STATUSES_IGNORE);
  MPI_Finalize();
}

bool Ranks::built_with_mpi() { return true; }
int Ranks::rank() const { return impl_->rank; }
int Ranks::size() const { return impl_->size; }

void Ranks::send_to_root(std::vector<double> values) {
  if (impl_->rank == 0) throw Error("ensemble: rank 0 sends nothing to itself");
  std::vector<double>& buffer = impl_->sent.emplace_back(std::move(values));
  MPI_Request& request = impl_->requests.emplace_back();
  MPI_Isend(buffer.data(), static_cast<int>(buffer.size()), MPI_DOUBLE, 0, kTag, MPI_COMM_WORLD,
            &request);
}

std::vector<double> Ranks::receive_from(int from) {
  MPI_Status status;
  MPI_Probe(from, kTag, MPI_COMM_WORLD, &status);
  int count = 0;
  MPI_Get_count(&status, MPI_DOUBLE, &count);
  std::vector<double> values(static_cast<std::size_t>(count));
  MPI_Recv(values.data(), count, MPI_DOUBLE, from, kTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return values;
}

void Ranks::barrier() {
  if (impl_->mpi) MPI_Barrier(MPI_COMM_WORLD);
}

Ranks::Agreement Ranks::agree(bool failed) {
  if (!impl_->mpi) return {failed ? 1 : 0, failed};
  int mine[2] = {failed ? 1 : 0, impl_->rank == 0 && failed ? 1 : 0};
  int all[2] = {0, 0};
  MPI_Allreduce(mine, all, 2, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
  return {all[0], all[1] > 0};
}

void Ranks::abort(int code) {
  if (impl_->mpi) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

}  // namespace floe
