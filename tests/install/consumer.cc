// A program outside floe's tree, built against an installed floe (find_package(floe)): loads
// the shipped data from the install and prints the national Iceberg Index.
#include <cstdio>

#include "floe/dataset.h"
#include "floe/index.h"

int main() {
  const floe::Dataset ds = floe::load_dataset({});
  const floe::Cells cells = floe::build_cells(ds);
  const floe::IndexResult r = floe::compute_index(ds, cells, {});
  std::printf("iceberg %.4f\n", r.nation.iceberg());
  return 0;
}
