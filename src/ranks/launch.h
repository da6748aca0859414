// How this process was launched: the ranks mpirun started, read from the environment OpenMPI
// gives each process, so that a floe built without MPI can tell that it was started under
// mpirun, and a floe with MPI starts it only then.
#pragma once

#include <cstdlib>
#include <string>

namespace floe::ranks {

// OMPI_COMM_WORLD_SIZE: the ranks mpirun started; 0 when not started by mpirun.
inline int launched_ranks() {
  const char* size = std::getenv("OMPI_COMM_WORLD_SIZE");
  return size ? std::atoi(size) : 0;
}

// OMPI_COMM_WORLD_RANK: this process's rank; 0 when not started by mpirun.
inline int launched_rank() {
  const char* rank = std::getenv("OMPI_COMM_WORLD_RANK");
  return rank ? std::atoi(rank) : 0;
}

}  // namespace floe::ranks
