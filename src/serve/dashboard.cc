#include "serve/dashboard.h"

#include "serve/http.h"

namespace floe::serve {
namespace {

// A run id from a scenario name: letters, digits, '-', '_' and '.', others as '-'.
std::string run_id(std::string_view scenario) {
  std::string id;
  for (char c : scenario) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    id += ok ? c : '-';
  }
  return id.empty() ? "run" : id;
}

}  // namespace

Dashboard::Dashboard(Dataset dataset, const ServeOptions& options)
    : dataset_(std::move(dataset)), options_(options) {
  cells_ = build_cells(dataset_, options_.cells);
  index_ = compute_index(dataset_, cells_, options_.index);
  for (Breakdown b : {Breakdown::kNation, Breakdown::kState, Breakdown::kCounty,
                      Breakdown::kOccupation, Breakdown::kMajor, Breakdown::kIndustry}) {
    tables_[static_cast<std::size_t>(b)] = index_table(dataset_, index_, b);
  }
  maps_ = build_maps(dataset_, load_atlas(dataset_.data_dir, /*territories=*/true));
  for (const auto& path : options_.runs) add_run(path);
}

std::vector<const RunFile*> Dashboard::runs() const {
  std::lock_guard lock(runs_mutex_);
  std::vector<const RunFile*> out;
  for (const auto& r : runs_) out.push_back(r.get());
  return out;
}

const RunFile& Dashboard::run(std::string_view id) const {
  std::lock_guard lock(runs_mutex_);
  for (const auto& r : runs_) {
    if (r->info().id == id) return *r;
  }
  throw NotFound("no simulation run " + quote(id) + " (GET /api/runs lists them)");
}

std::string Dashboard::add_run(const std::filesystem::path& path) {
  auto run = std::make_unique<RunFile>(path);  // outside the lock: it reads the file
  std::lock_guard lock(runs_mutex_);
  // Two runs of one scenario (other seeds, say) get "baseline", "baseline-2", ...
  const std::string base = run_id(run->info().scenario);
  const auto taken = [&](const std::string& id) {
    for (const auto& r : runs_) {
      if (r->info().id == id) return true;
    }
    return false;
  };
  std::string id = base;
  for (int k = 2; taken(id); ++k) id = base + "-" + std::to_string(k);
  run->set_id(id);
  runs_.push_back(std::move(run));
  return id;
}

StateId Dashboard::state(std::string_view id) const {
  const auto s = dataset_.geography.find_state(id);
  if (!s || index_.states[s->index()].employment <= 0) {
    throw NotFound("no state " + quote(id) + " (use a FIPS or USPS code)");
  }
  return *s;
}

std::shared_ptr<const Explanation> Dashboard::explanation(OccupationId o) const {
  Page page;
  std::promise<std::shared_ptr<const Explanation>> promise;
  bool compute = false;
  {
    std::lock_guard lock(explanations_mutex_);
    auto it = explanations_.find(o);
    if (it == explanations_.end()) {
      page = promise.get_future().share();
      explanations_.emplace(o, page);
      compute = true;
    } else {
      page = it->second;
    }
  }
  // The first request computes (about 0.2 s on the shipped data); others wait for it.
  if (compute) {
    try {
      ExplainOptions options;
      options.index = options_.index;
      options.moves = 10;
      const OccupationMatch match{o, "SOC code", {}};
      promise.set_value(
          std::make_shared<const Explanation>(explain_occupation(dataset_, match, options)));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  }
  return page.get();
}

}  // namespace floe::serve
