// Description vectors of the similarity blocks (include/floe/similarity.h, docs/method.md §13).
#include "similarity/vectors.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>

namespace floe::similarity {
namespace {

using Entries = std::vector<std::pair<std::uint32_t, double>>;

// Sums the entries per coordinate (a DWA reached through several tasks adds up).
Entries summed(Entries entries) {
  std::sort(entries.begin(), entries.end());
  Entries out;
  for (const auto& [i, v] : entries) {
    if (!out.empty() && out.back().first == i) {
      out.back().second += v;
    } else {
      out.emplace_back(i, v);
    }
  }
  return out;
}

UnitVector unit(const Entries& entries) {
  double norm = 0;
  for (const auto& e : entries) norm += e.second * e.second;
  if (!(norm > 0)) return {};
  UnitVector u;
  const double scale = 1.0 / std::sqrt(norm);
  for (const auto& [i, v] : entries) {
    if (v == 0) continue;
    u.index.push_back(i);
    u.value.push_back(static_cast<float>(v * scale));
  }
  return u;
}

// Weights every coordinate by ln(N / n_i), N the occupations with any entry and n_i those with
// coordinate i: what nearly every occupation has says little about a pair. `sublinear` first
// takes ln(1 + x) of each summed value.
Vectors weighted(std::vector<Entries> raw, std::size_t dimension, bool idf, bool sublinear) {
  std::vector<double> with(dimension, 0.0);
  double any = 0;
  for (const Entries& e : raw) {
    for (const auto& x : e) with[x.first] += 1;
    any += !e.empty();
  }
  Vectors v;
  v.dimension = dimension;
  v.of.resize(raw.size());
  for (std::size_t o = 0; o < raw.size(); ++o) {
    for (auto& [i, x] : raw[o]) {
      if (sublinear) x = std::log1p(x);
      if (idf) x *= std::log(any / with[i]);
    }
    v.of[o] = unit(raw[o]);
  }
  return v;
}

// Words: runs of ASCII letters, lower-cased, of three letters or more, without the few that say
// nothing about the work.
template <typename Add>
void for_each_word(std::string_view text, Add add) {
  static constexpr std::array<std::string_view, 10> kStop = {
      "and", "the", "for", "with", "from", "into", "other", "all", "such", "including"};
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (word.size() >= 3 && std::find(kStop.begin(), kStop.end(), word) == kStop.end()) add(word);
    word.clear();
  }
}

class Vocabulary {
 public:
  std::uint32_t operator[](const std::string& word) {
    return index_.emplace(word, static_cast<std::uint32_t>(index_.size())).first->second;
  }
  std::size_t size() const { return index_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;
};

}  // namespace

Vectors rating_vectors(const Taxonomy& t, DescriptorKind kind, const Recipe& r) {
  const std::size_t n = t.occupations.size(), k = t.descriptors.size();
  std::vector<std::pair<const std::vector<float>*, std::size_t>> columns;
  for (const auto* scale : {&t.descriptor_importance, &t.descriptor_level}) {
    if (scale == &t.descriptor_level && !r.level) continue;
    for (std::size_t j = 0; j < k; ++j) {
      if (t.descriptors[j].kind == kind) columns.emplace_back(scale, j);
    }
  }
  std::vector<bool> rated(n, false);
  double rated_count = 0;
  for (std::size_t o = 0; o < n; ++o) {
    for (std::size_t j = 0; j < k; ++j) {
      if (t.descriptors[j].kind == kind && t.descriptor_importance[o * k + j] > 0) rated[o] = true;
    }
    rated_count += rated[o];
  }
  // z = (x - mean) / sd per column over the rated occupations; a constant column is dropped.
  std::vector<double> mean(columns.size(), 0.0), sd(columns.size(), 1.0);
  for (std::size_t c = 0; r.standardize && rated_count > 0 && c < columns.size(); ++c) {
    const auto& [scale, j] = columns[c];
    double sum = 0, squares = 0;
    for (std::size_t o = 0; o < n; ++o) {
      if (!rated[o]) continue;
      const double x = (*scale)[o * k + j];
      sum += x;
      squares += x * x;
    }
    mean[c] = sum / rated_count;
    const double variance = squares / rated_count - mean[c] * mean[c];
    sd[c] = variance > 1e-12 ? std::sqrt(variance) : 0.0;
  }
  Vectors v;
  v.dimension = columns.size();
  v.of.resize(n);
  for (std::size_t o = 0; o < n; ++o) {
    if (!rated[o]) continue;
    Entries entries;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (sd[c] == 0) continue;
      const auto& [scale, j] = columns[c];
      entries.emplace_back(static_cast<std::uint32_t>(c), ((*scale)[o * k + j] - mean[c]) / sd[c]);
    }
    v.of[o] = unit(entries);
  }
  return v;
}

Vectors activity_vectors(const Taxonomy& t, const std::vector<double>& weights, bool iwas,
                         const Recipe& r) {
  Vocabulary iwa;
  std::vector<std::uint32_t> coordinate(t.dwas.size());
  for (std::size_t d = 0; d < t.dwas.size(); ++d) {
    coordinate[d] = iwas ? iwa[t.dwas[d].iwa_id] : static_cast<std::uint32_t>(d);
  }
  std::vector<Entries> raw(t.occupations.size());
  for (std::size_t o = 0; o < raw.size(); ++o) {
    Entries entries;
    for (TaskId task : t.occupation_tasks.row(o)) {
      const double w = weights[task.index()];
      if (w <= 0) continue;
      for (DwaId dwa : t.task_dwas.row(task.index())) {
        entries.emplace_back(coordinate[dwa.index()], w);
      }
    }
    raw[o] = summed(std::move(entries));
  }
  return weighted(std::move(raw), iwas ? iwa.size() : t.dwas.size(), r.idf, false);
}

Vectors task_word_vectors(const Taxonomy& t, const std::vector<double>& weights) {
  Vocabulary words;
  std::vector<Entries> raw(t.occupations.size());
  for (std::size_t o = 0; o < raw.size(); ++o) {
    Entries entries;
    for (TaskId task : t.occupation_tasks.row(o)) {
      const double w = weights[task.index()];
      if (w <= 0) continue;
      for_each_word(t[task].statement,
                    [&](const std::string& word) { entries.emplace_back(words[word], w); });
    }
    raw[o] = summed(std::move(entries));
  }
  return weighted(std::move(raw), words.size(), true, true);
}

Vectors title_word_vectors(const Taxonomy& t) {
  Vocabulary words;
  std::vector<Entries> raw(t.occupations.size());
  for (std::size_t o = 0; o < raw.size(); ++o) {
    Entries entries;
    auto add = [&](const std::string& word) { entries.emplace_back(words[word], 1.0); };
    for (OnetOccupationId onet : t.occupations[o].onet) {
      for_each_word(t[onet].title, add);
      for (const std::string& title : t.alternate_titles.row(onet.index())) {
        for_each_word(title, add);
      }
    }
    raw[o] = summed(std::move(entries));
  }
  return weighted(std::move(raw), words.size(), true, true);
}

}  // namespace floe::similarity
