// A command that runs as a job over MPI ranks (floe simulate, floe ensemble; docs/scaling.md):
// its mistakes said once, not once per rank.
#pragma once

#include <functional>
#include <string>

#include "floe/ranks.h"

namespace floe::cli {

// Thrown once a job's error has been said: the command exits 1 without saying more.
struct Reported {};

// After every rank's setup (collective), with this rank's problem ("" when none): when any rank
// failed, a mistake every rank found is said by rank 0 alone, one a rank met by itself (data
// missing on its node) by that rank, and every rank throws Reported.
void agree_on_setup(Ranks& ranks, const std::string& problem);

// Runs a job command's body: Reported exits 1; when Ranks() refused to start (a floe without
// MPI under mpirun) every process refuses alike, and rank 0 alone says so.
void run_job(const std::function<void()>& body);

// Runs work that every rank does together (the months of a run): an error on one rank is said
// with its rank ("floe: error on rank 1 of 4: ...") and ends the whole job at once, so that no
// rank waits forever for it. On one process the error is thrown as usual.
void together(Ranks& ranks, const std::function<void()>& work);

}  // namespace floe::cli
