// Finding an occupation from what a person types: a SOC code, an O*NET-SOC code or words of a
// title (include/floe/explain.h).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>
#include <regex>

#include "floe/error.h"
#include "floe/explain.h"

namespace floe {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The OEWS title and the O*NET titles of an occupation.
std::vector<std::string> titles_of(const Taxonomy& t, OccupationId o) {
  std::vector<std::string> titles{t[o].title};
  for (OnetOccupationId onet : t[o].onet) titles.push_back(t[onet].title);
  return titles;
}

bool starts_with(std::string_view word, std::string_view prefix) {
  return word.substr(0, prefix.size()) == prefix;
}

// Every query word begins some word of the title.
bool title_matches(const std::vector<std::string>& query, const std::vector<std::string>& title) {
  return std::all_of(query.begin(), query.end(), [&](const std::string& q) {
    return std::any_of(title.begin(), title.end(),
                       [&](const std::string& w) { return starts_with(w, q); });
  });
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// How close a title comes to the query, 0..1: for each query word, the best over the title's
// words of 1 - edit distance / length (against the whole word or its start), averaged.
double closeness(const std::vector<std::string>& query, const std::vector<std::string>& title) {
  double total = 0;
  for (const std::string& q : query) {
    double best = 0;
    for (const std::string& w : title) {
      const std::size_t d = std::min(edit_distance(q, w), edit_distance(q, w.substr(0, q.size())));
      const double len = static_cast<double>(std::max(q.size(), std::size_t{1}));
      best = std::max(best, 1.0 - static_cast<double>(d) / len);
    }
    total += best;
  }
  return query.empty() ? 0.0 : total / static_cast<double>(query.size());
}

std::string label(const Taxonomy& t, OccupationId o) { return t[o].soc_code + " " + t[o].title; }

double employment(const Dataset& ds, OccupationId o) {
  return ds.labor.national[o.index()].employment;
}

[[noreturn]] void no_match(const Dataset& ds, std::string_view query,
                           const std::vector<OccupationId>& suggestions) {
  const Taxonomy& t = ds.taxonomy;
  std::string message = fmt::format("no occupation matches '{}'", query);
  if (!suggestions.empty()) {
    message += "; closest: ";
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
      message += (i ? ", " : "") + label(t, suggestions[i]);
    }
  }
  message +=
      ". Give a SOC code (43-3031), an O*NET-SOC code (43-3031.00) or words from a job "
      "title ('bookkeeping'); `floe index --by occupation` lists every occupation";
  throw Error(message);
}

// Occupations whose titles come closest to the query words (at most three).
std::vector<OccupationId> closest_titles(const Dataset& ds, const std::vector<std::string>& query) {
  const Taxonomy& t = ds.taxonomy;
  std::vector<std::pair<double, OccupationId>> scored;
  for (std::size_t i = 0; i < t.occupations.size(); ++i) {
    double best = 0;
    for (const std::string& title : titles_of(t, OccupationId(i))) {
      best = std::max(best, closeness(query, words_of(title)));
    }
    if (best >= 0.6) scored.emplace_back(best, OccupationId(i));
  }
  std::stable_sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return employment(ds, a.second) > employment(ds, b.second);
  });
  std::vector<OccupationId> out;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
  return out;
}

// Occupations sharing the code's broad group, else its minor group (at most five).
std::vector<OccupationId> same_group(const Taxonomy& t, const std::string& soc) {
  std::vector<OccupationId> out;
  for (std::size_t len : {6u, 4u}) {  // "43-303" (broad), "43-30" (minor)
    for (std::size_t i = 0; i < t.occupations.size() && out.size() < 5; ++i) {
      if (t.occupations[i].soc_code.compare(0, len, soc, 0, len) == 0) {
        out.push_back(OccupationId(i));
      }
    }
    if (!out.empty()) break;
  }
  return out;
}

OccupationMatch by_soc(const Dataset& ds, const std::string& soc) {
  const Taxonomy& t = ds.taxonomy;
  if (auto o = t.find_occupation(soc)) return {*o, "SOC code", {}};
  if (auto onet = t.find_onet(soc + ".00"); onet && t[*onet].occupation.valid()) {
    const OccupationId o = t[*onet].occupation;
    return {o, fmt::format("SOC code {} (OEWS counts it in {})", soc, t[o].soc_code), {}};
  }
  no_match(ds, soc, same_group(t, soc));
}

OccupationMatch by_onet(const Dataset& ds, const std::string& code) {
  const Taxonomy& t = ds.taxonomy;
  const auto onet = t.find_onet(code);
  if (!onet) no_match(ds, code, same_group(t, code.substr(0, 7)));
  const OccupationId o = t[*onet].occupation;
  if (!o.valid()) {
    throw Error(
        fmt::format("O*NET occupation {} ({}) has no OEWS counterpart: OEWS does not "
                    "survey military and some fishing and hunting occupations",
                    code, t[*onet].title));
  }
  if (t[o].soc_code + ".00" == code) return {o, "O*NET-SOC code", {}};
  return {o, fmt::format("O*NET-SOC code {} (OEWS counts it in {})", code, t[o].soc_code), {}};
}

OccupationMatch by_words(const Dataset& ds, std::string_view query) {
  const Taxonomy& t = ds.taxonomy;
  const std::vector<std::string> q = words_of(query);
  if (q.empty()) no_match(ds, query, {});
  std::vector<std::pair<bool, OccupationId>> found;  // (title equals the query, occupation)
  for (std::size_t i = 0; i < t.occupations.size(); ++i) {
    bool matches = false, exact = false;
    for (const std::string& title : titles_of(t, OccupationId(i))) {
      const std::vector<std::string> w = words_of(title);
      matches = matches || title_matches(q, w);
      exact = exact || w == q;
    }
    if (matches) found.emplace_back(exact, OccupationId(i));
  }
  if (found.empty()) no_match(ds, query, closest_titles(ds, q));
  std::stable_sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first;
    return employment(ds, a.second) > employment(ds, b.second);
  });
  OccupationMatch m{found[0].second, "title words", {}};
  for (std::size_t i = 1; i < found.size(); ++i) m.also_matching.push_back(found[i].second);
  return m;
}

}  // namespace

OccupationMatch find_occupation_query(const Dataset& ds, std::string_view query) {
  std::string q(query);
  while (!q.empty() && std::isspace(static_cast<unsigned char>(q.back()))) q.pop_back();
  while (!q.empty() && std::isspace(static_cast<unsigned char>(q.front()))) q.erase(0, 1);
  static const std::regex soc(R"(\d\d-\d{4})"), onet(R"(\d\d-\d{4}\.\d\d)");
  if (std::regex_match(q, soc)) return by_soc(ds, q);
  if (std::regex_match(q, onet)) return by_onet(ds, q);
  return by_words(ds, q);
}

}  // namespace floe
