// Ranks on MPI (include/floe/ranks.h): the only file of floe that calls MPI. Built when FLOE_MPI
// is on; ranks_single.cc stands in for it otherwise.
#include <mpi.h>

#include <climits>
#include <deque>
#include <string>

#include "floe/error.h"
#include "floe/ranks.h"
#include "ranks/launch.h"

namespace floe {
namespace {
constexpr int kTag = 18;  // every message of an ensemble: runs from one rank arrive in order

int count_of(std::size_t bytes) {
  if (bytes > static_cast<std::size_t>(INT_MAX)) {
    throw Error("MPI: a message of " + std::to_string(bytes) + " bytes is over MPI's 2 GiB");
  }
  return static_cast<int>(bytes);
}
}  // namespace

struct Ranks::Impl {
  int rank = 0, size = 1;
  bool mpi = false;
  std::deque<std::vector<double>> sent;  // kept until their sends complete
  std::vector<MPI_Request> requests;
  std::uint64_t bytes_sent = 0;
  bool many() const { return mpi && size > 1; }
};

Ranks::Ranks(Solo) : impl_(std::make_unique<Impl>()) {}

Ranks& Ranks::solo() {
  static Ranks alone{Solo{}};
  return alone;
}

Ranks::Ranks() : impl_(std::make_unique<Impl>()) {
  if (ranks::launched_ranks() == 0) return;  // plain `floe ...`: MPI is not started
  int started = 0;
  MPI_Initialized(&started);
  if (started) throw Error("MPI is already started: one Ranks per process");
  // Only the thread that made the Ranks calls MPI; the OpenMP threads compute meanwhile.
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
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
int Ranks::launch_rank() { return ranks::launched_rank(); }
int Ranks::rank() const { return impl_->rank; }
int Ranks::size() const { return impl_->size; }
std::uint64_t Ranks::bytes_sent() const { return impl_->bytes_sent; }

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

void Ranks::sum(std::span<double> values) {
  if (!impl_->many() || values.empty()) return;
  MPI_Allreduce(MPI_IN_PLACE, values.data(), count_of(values.size()), MPI_DOUBLE, MPI_SUM,
                MPI_COMM_WORLD);
  impl_->bytes_sent += values.size_bytes();
}

bool Ranks::any(bool yes) {
  double v = yes ? 1.0 : 0.0;
  sum({&v, 1});
  return v > 0;
}

std::vector<std::byte> Ranks::exchange_bytes(const std::vector<std::span<const std::byte>>& to) {
  const auto n = static_cast<std::size_t>(impl_->size);
  if (to.size() != n) throw Error("exchange: one message per rank");
  if (!impl_->many()) return {to[0].begin(), to[0].end()};
  std::vector<int> send_counts(n), send_at(n), receive_counts(n), receive_at(n);
  std::size_t total = 0;
  for (std::size_t r = 0; r < n; ++r) {
    send_counts[r] = count_of(to[r].size());
    send_at[r] = count_of(total);
    total += to[r].size();
    if (static_cast<int>(r) != impl_->rank) impl_->bytes_sent += to[r].size();
  }
  std::vector<std::byte> sending;
  sending.reserve(total);
  for (const auto& part : to) sending.insert(sending.end(), part.begin(), part.end());
  MPI_Alltoall(send_counts.data(), 1, MPI_INT, receive_counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
  std::size_t received = 0;
  for (std::size_t r = 0; r < n; ++r) {
    receive_at[r] = count_of(received);
    received += static_cast<std::size_t>(receive_counts[r]);
  }
  std::vector<std::byte> out(received);
  MPI_Alltoallv(sending.data(), send_counts.data(), send_at.data(), MPI_BYTE, out.data(),
                receive_counts.data(), receive_at.data(), MPI_BYTE, MPI_COMM_WORLD);
  return out;
}

std::vector<std::byte> Ranks::gather_all_bytes(std::span<const std::byte> mine) {
  if (!impl_->many()) return {mine.begin(), mine.end()};
  const auto n = static_cast<std::size_t>(impl_->size);
  int count = count_of(mine.size());
  std::vector<int> counts(n), at(n);
  MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
  std::size_t total = 0;
  for (std::size_t r = 0; r < n; ++r) {
    at[r] = count_of(total);
    total += static_cast<std::size_t>(counts[r]);
  }
  std::vector<std::byte> out(total);
  MPI_Allgatherv(mine.data(), count, MPI_BYTE, out.data(), counts.data(), at.data(), MPI_BYTE,
                 MPI_COMM_WORLD);
  impl_->bytes_sent += mine.size() * (n - 1);
  return out;
}

}  // namespace floe
