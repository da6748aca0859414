// The description vectors the similarity blocks compare (private to src/similarity; formulas in
// include/floe/similarity.h): one sparse unit vector per occupation and block.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "floe/taxonomy.h"
#include "similarity/blocks.h"

namespace floe::similarity {

// A sparse vector scaled to unit length (empty when it is all zero).
struct UnitVector {
  std::vector<std::uint32_t> index;  // sorted
  std::vector<float> value;
  bool empty() const { return index.empty(); }
};

struct Vectors {
  std::vector<UnitVector> of;  // per occupation
  std::size_t dimension = 0;
};

// Skills or Knowledge: importance and level columns, standardized over the rated occupations.
Vectors rating_vectors(const Taxonomy& t, DescriptorKind kind, const Recipe& recipe);
// DWAs (or their IWAs): task weights summed per activity, times ln(N / n_d).
Vectors activity_vectors(const Taxonomy& t, const std::vector<double>& weights, bool iwas,
                         const Recipe& recipe);
// Words of the task statements (each occurrence counts its task's weight), or of the O*NET and
// alternate titles (each occurrence counts 1): ln(1 + count) times ln(N / n_word).
Vectors task_word_vectors(const Taxonomy& t, const std::vector<double>& weights);
Vectors title_word_vectors(const Taxonomy& t);

}  // namespace floe::similarity
