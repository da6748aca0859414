#include "job.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include "floe/error.h"

namespace floe::cli {

void agree_on_setup(Ranks& ranks, const std::string& problem) {
  const Ranks::Agreement agreed = ranks.agree(!problem.empty());
  if (agreed.failed == 0) return;
  const bool root = ranks.rank() == 0;
  if (root && !problem.empty()) {
    fmt::print(stderr, "floe: error: {}\n", problem);
  } else if (root) {
    fmt::print(stderr, "floe: error: {} of {} ranks could not start (each says why)\n",
               agreed.failed, ranks.size());
  } else if (!problem.empty() && !agreed.root_failed) {
    fmt::print(stderr, "floe: error on rank {} of {}: {}\n", ranks.rank(), ranks.size(), problem);
  }
  std::fflush(stderr);
  ranks.barrier();  // mpirun ends the job at the first rank to exit 1: rank 0 has spoken
  throw Reported{};
}

void run_job(const std::function<void()>& body) {
  try {
    body();
  } catch (const Reported&) {
    std::exit(1);
  } catch (const Error&) {
    // Ranks() refused: every process alike (mpirun -np 2 of a floe without MPI). mpirun ends
    // the job at the first process to exit non-zero, so the others leave the word and the exit
    // code to rank 0.
    if (Ranks::launch_rank() != 0) std::exit(0);
    throw;
  }
}

void together(Ranks& ranks, const std::function<void()>& work) {
  if (ranks.size() == 1) {
    work();
    return;
  }
  try {
    work();
  } catch (const std::exception& e) {
    fmt::print(stderr, "floe: error on rank {} of {}: {}\n", ranks.rank(), ranks.size(), e.what());
    std::fflush(stderr);
    ranks.abort(1);
  }
}

}  // namespace floe::cli
