// The processes of a job: one, or the ranks of an MPI job (mpirun). `floe ensemble` spreads its
// runs over them and `floe simulate` its counties (docs/scaling.md). Only
// src/ranks/ranks_mpi.cc calls MPI; a floe built without MPI has ranks_single.cc instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <type_traits>
#include <vector>

namespace floe {

// Under mpirun (OpenMPI sets OMPI_COMM_WORLD_SIZE) in a floe built with MPI, a Ranks starts MPI
// (MPI_Init_thread) and its destructor ends it (MPI_Finalize), so at most one per process;
// otherwise it is one process, rank 0 of 1, and MPI is never started. Not thread-safe: one
// thread of each rank uses it (the others may compute meanwhile).
//
// The collectives (sum, exchange, gather_all, agree, barrier) are called by every rank, in the
// same order; on one process they return at once.
class Ranks {
 public:
  // Throws Error when launched on several ranks by a floe built without MPI.
  Ranks();
  ~Ranks();  // waits for this rank's sends, then ends MPI
  Ranks(const Ranks&) = delete;
  Ranks& operator=(const Ranks&) = delete;

  // A process on its own, rank 0 of 1, that never starts MPI: for runs that are not spread over
  // ranks (a run of an ensemble, a replicate, a test).
  static Ranks& solo();
  static bool built_with_mpi();
  // This process's rank as mpirun launched it (0 without mpirun), known before MPI starts and
  // in a floe built without MPI: for a mistake every rank finds, which rank 0 alone reports.
  static int launch_rank();
  int rank() const;
  int size() const;

  // Sends `values` to rank 0 without waiting for it to receive them. Messages from one rank
  // arrive in the order sent.
  void send_to_root(std::vector<double> values);
  // On rank 0: the next message from rank `from`.
  std::vector<double> receive_from(int from);
  void barrier();
  // Every rank says whether its setup failed; each learns how many failed and whether rank 0
  // did, so that a failure one rank alone meets (data missing on its node) is reported by that
  // rank and every rank stops together.
  struct Agreement {
    int failed = 0;
    bool root_failed = false;
  };
  Agreement agree(bool failed);
  // Ends every rank of the job at once with `code` (after a rank's own failure).
  [[noreturn]] void abort(int code);

  // Sums `values` over the ranks, in place (MPI_Allreduce). floe sums only whole numbers this
  // way (counts, below 2^53), whose sum is exact in any order, so the result does not depend on
  // how many ranks there are.
  void sum(std::span<double> values);
  // Whether any rank says yes.
  bool any(bool yes);
  // Sends to[r] to rank r, for every r, and returns what every rank sent this one, in rank
  // order, concatenated (MPI_Alltoallv). T: trivially copyable.
  template <class T>
  std::vector<T> exchange(const std::vector<std::vector<T>>& to) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::vector<std::span<const std::byte>> bytes;
    for (const auto& v : to) bytes.push_back(std::as_bytes(std::span<const T>(v)));
    return typed<T>(exchange_bytes(bytes));
  }
  // Every rank's `mine`, concatenated in rank order, at every rank (MPI_Allgatherv).
  template <class T>
  std::vector<T> gather_all(std::span<const T> mine) {
    static_assert(std::is_trivially_copyable_v<T>);
    return typed<T>(gather_all_bytes(std::as_bytes(mine)));
  }
  // The same, taking `mine`: one process gets it back without a copy.
  template <class T>
  std::vector<T> gather_all(std::vector<T> mine) {
    if (size() == 1) return mine;
    return gather_all(std::span<const T>(mine));
  }
  // Bytes this rank has sent to other ranks by sum, exchange and gather_all so far.
  std::uint64_t bytes_sent() const;

 private:
  struct Impl;
  struct Solo {};
  explicit Ranks(Solo);
  std::vector<std::byte> exchange_bytes(const std::vector<std::span<const std::byte>>& to);
  std::vector<std::byte> gather_all_bytes(std::span<const std::byte> mine);
  template <class T>
  static std::vector<T> typed(const std::vector<std::byte>& bytes) {
    std::vector<T> out(bytes.size() / sizeof(T));
    if (!out.empty()) std::memcpy(out.data(), bytes.data(), out.size() * sizeof(T));
    return out;
  }
  std::unique_ptr<Impl> impl_;
};

}  // namespace floe
