#include "labor/checkpoint.h"

#include <cstring>
#include <fstream>

#include "floe/error.h"
#include "labor/blocks.h"

namespace floe::labor {
namespace {

constexpr char kMagic[8] = {'F', 'L', 'O', 'E', 'S', 'I', 'M', '1'};

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

class Out {
 public:
  template <typename T>
  void put(const T& v) {
    bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  template <typename T>
  void vec(const std::vector<T>& v) {
    put(static_cast<std::uint64_t>(v.size()));
    if (!v.empty()) bytes.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string bytes;
};

class In {
 public:
  In(std::string bytes, std::string file) : bytes_(std::move(bytes)), file_(std::move(file)) {}
  template <typename T>
  T get() {
    T v;
    need(sizeof v);
    std::memcpy(&v, bytes_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  template <typename T>
  std::vector<T> vec() {
    const auto n = get<std::uint64_t>();
    if (n > bytes_.size()) fail("corrupt (implausible size)");
    std::vector<T> v(n);
    need(n * sizeof(T));
    if (n > 0) std::memcpy(v.data(), bytes_.data() + pos_, n * sizeof(T));  // data() may be null
    pos_ += n * sizeof(T);
    return v;
  }
  [[noreturn]] void fail(const std::string& what) const { throw DataError(file_, 0, "", what); }

 private:
  void need(std::size_t n) const {
    if (n > bytes_.size() - pos_) fail("truncated checkpoint state");
  }
  std::string bytes_, file_;
  std::size_t pos_ = 0;
};

std::filesystem::path state_path(const std::filesystem::path& path) {
  auto p = path;
  p += ".state";
  return p;
}

void write_atomically(const std::filesystem::path& path, const std::string& bytes) {
  auto partial = path;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error("cannot write " + partial.string());
  }
  std::filesystem::rename(partial, path);
}

void put_figures(Out& o, const std::vector<std::vector<MonthFigures>>& v) {
  o.put(static_cast<std::uint64_t>(v.size()));
  for (const auto& m : v) o.vec(m);
}

std::vector<std::vector<MonthFigures>> get_figures(In& in) {
  const auto n = in.get<std::uint64_t>();
  if (n > 100000) in.fail("corrupt (implausible month count)");
  std::vector<std::vector<MonthFigures>> v(n);
  for (auto& m : v) m = in.vec<MonthFigures>();
  return v;
}

}  // namespace

void save_checkpoint(const std::filesystem::path& path, const World& w,
                     const SimulationOutput& output, int month) {
  // The population first, in its slot layout: the state names its size, so a crash between the
  // two renames leaves a detectable mismatch rather than a silently wrong resume.
  std::vector<std::uint64_t> capacity;
  // zstd level 1: a checkpoint is written often and read once.
  save_population(to_population(w, capacity), path, w.dataset->data_dir.string(), {}, &capacity, 1);
  Out o;
  o.bytes.append(kMagic, sizeof kMagic);
  o.put(static_cast<std::int32_t>(month));
  o.put(fnv1a(w.scenario->text));
  o.put(static_cast<std::uint64_t>(std::filesystem::file_size(path)));
  o.put(w.theta0);
  o.put(w.budget_left);
  o.vec(w.state_budget_left);
  o.vec(w.ai_memory);
  o.vec(w.trainees);
  o.vec(w.waiting);
  o.vec(w.sub.wages);  // kept, not recounted: they are running sums
  o.vec(w.county_pending);
  o.put(static_cast<std::uint8_t>(w.talent ? 1 : 0));
  if (w.talent) {
    o.vec(w.talent->agents().agents());
    o.put(w.talent->agents().next_id());
    o.put(static_cast<std::int32_t>(w.talent->agents().next_month()));
    o.vec(w.talent->run().months);
  }
  put_figures(o, output.state_major);
  o.vec(output.indicators);
  o.vec(output.county_months);
  put_figures(o, output.county_major);
  o.put(static_cast<std::uint64_t>(output.flows.size()));
  for (const auto& f : output.flows) o.vec(f);
  o.put(fnv1a(o.bytes));
  write_atomically(state_path(path), o.bytes);
}

int load_checkpoint(const std::filesystem::path& path, World& w, SimulationOutput& output) {
  const auto sp = state_path(path);
  std::ifstream file(sp, std::ios::binary);
  if (!file) throw DataError(sp.string(), 0, "", "missing file (no checkpoint to resume from)");
  std::string bytes((std::istreambuf_iterator<char>(file)), {});
  if (bytes.size() < sizeof kMagic + 8 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    throw DataError(sp.string(), 0, "", "not a floe simulation checkpoint");
  }
  std::uint64_t stored;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  if (stored != fnv1a(bytes.substr(0, bytes.size() - 8))) {
    throw DataError(sp.string(), 0, "", "corrupt checkpoint state (checksum mismatch)");
  }
  In in(bytes.substr(sizeof kMagic), sp.string());
  const auto month = in.get<std::int32_t>();
  if (in.get<std::uint64_t>() != fnv1a(w.scenario->text)) {
    in.fail("the checkpoint was made with a different scenario");
  }
  const auto population_bytes = in.get<std::uint64_t>();
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) != population_bytes || ec) {
    throw DataError(path.string(), 0, "", "checkpoint population does not match its state file");
  }
  w.theta0 = in.get<double>();
  w.budget_left = in.get<double>();
  w.state_budget_left = in.vec<double>();
  w.ai_memory = in.vec<double>();
  w.trainees = in.vec<Trainee>();
  w.waiting = in.vec<Arrival>();
  const std::vector<double> wages = in.vec<double>();
  w.county_pending = in.vec<MonthFigures>();
  const bool talent = in.get<std::uint8_t>() != 0;
  std::vector<talent::TalentAgent> talent_agents;
  std::uint32_t talent_next_id = 0;
  std::int32_t talent_next_month = 0;
  std::vector<TalentMonth> talent_months;
  if (talent) {
    talent_agents = in.vec<talent::TalentAgent>();
    talent_next_id = in.get<std::uint32_t>();
    talent_next_month = in.get<std::int32_t>();
    talent_months = in.vec<TalentMonth>();
  }
  if (talent != w.scenario->talent) in.fail("the checkpoint was made with a different scenario");
  output.state_major = get_figures(in);
  output.indicators = in.vec<MonthIndicators>();
  output.county_months = in.vec<int>();
  output.county_major = get_figures(in);
  const auto flows = in.get<std::uint64_t>();
  if (flows > 100000) in.fail("corrupt (implausible month count)");
  output.flows.resize(flows);
  for (auto& f : output.flows) f = in.vec<double>();
  std::vector<std::uint64_t> capacity;
  const Population slots = load_population(path, {}, &capacity);
  if (capacity.size() != w.fixed.layout.subcells()) {
    throw DataError(path.string(), 0, "", "checkpoint from a run on other data");
  }
  from_population(w, slots, capacity);
  if (wages.size() != capacity.size()) throw DataError(path.string(), 0, "", "corrupt checkpoint");
  w.sub.wages = wages;
  if (talent) {
    // The segment's fixed parts are rebuilt (deterministically), its state restored.
    w.talent = std::make_unique<talent::TalentSegment>(w.dataset->data_dir, *w.scenario, w.scale);
    w.talent->agents().agents() = std::move(talent_agents);
    w.talent->agents().next_id() = talent_next_id;
    w.talent->agents().set_next_month(talent_next_month);
    w.talent->run().months = std::move(talent_months);
  }
  return month;
}

}  // namespace floe::labor
