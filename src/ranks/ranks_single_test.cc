// The single-process Ranks (ranks_single.cc), tested in every build, MPI or not: one rank, and a
// clear refusal when mpirun starts several copies of a floe built without MPI.
#include <gtest/gtest.h>

#include <cstdlib>

#include "floe/error.h"
#include "floe/ranks.h"

namespace floe {
namespace {

TEST(RanksWithoutMpi, OneProcess) {
  ::unsetenv("OMPI_COMM_WORLD_SIZE");
  Ranks ranks;
  EXPECT_FALSE(Ranks::built_with_mpi());
  EXPECT_EQ(ranks.rank(), 0);
  EXPECT_EQ(ranks.size(), 1);
  ranks.barrier();
  EXPECT_EQ(ranks.agree(false).failed, 0);
  EXPECT_EQ(ranks.agree(true).failed, 1);
  EXPECT_TRUE(ranks.agree(true).root_failed);
  EXPECT_THROW(ranks.send_to_root({1.0}), Error);
  EXPECT_THROW(ranks.receive_from(1), Error);
}

TEST(RanksWithoutMpi, OneRankUnderMpirun) {
  ::setenv("OMPI_COMM_WORLD_SIZE", "1", 1);
  Ranks ranks;
  EXPECT_EQ(ranks.size(), 1);
  ::unsetenv("OMPI_COMM_WORLD_SIZE");
}

TEST(RanksWithoutMpi, RefusesSeveralRanks) {
  ::setenv("OMPI_COMM_WORLD_SIZE", "3", 1);
  try {
    Ranks ranks;
    ADD_FAILURE() << "three ranks accepted without MPI";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("mpirun started 3 ranks"), std::string::npos) << message;
    EXPECT_NE(message.find("built without MPI; rebuild with libopenmpi-dev installed "
                           "(scripts/deps.sh)"),
              std::string::npos)
        << message;
  }
  ::unsetenv("OMPI_COMM_WORLD_SIZE");
}

}  // namespace
}  // namespace floe
