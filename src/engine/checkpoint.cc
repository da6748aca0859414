#include "engine/checkpoint.h"

#include <omp.h>
#include <zstd.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>

#include "floe/error.h"

namespace floe::engine {
namespace {

constexpr char kMagic[8] = {'F', 'L', 'O', 'E', 'C', 'K', 'P', '2'};
constexpr char kEndMagic[8] = {'F', 'L', 'O', 'E', 'E', 'N', 'D', '2'};
constexpr std::size_t kChunkBytes = 16u << 20;
constexpr std::uint64_t kMaxHeader = 1u << 20;

std::uint64_t fnv1a(const char* data, std::size_t n, std::uint64_t h = 1469598103934665603ull) {
  for (std::size_t i = 0; i < n; ++i)
    h = (h ^ static_cast<unsigned char>(data[i])) * 1099511628211ull;
  return h;
}

nlohmann::json field_list() {
  nlohmann::json fields = nlohmann::json::array();
  for (const AgentField& f : kAgentFields) {
    fields.push_back(
        {{"name", std::string(f.name)}, {"type", std::string(f.type)}, {"offset", f.offset}});
  }
  return fields;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

class Out {
 public:
  explicit Out(const std::filesystem::path& path)
      : path_(path), f_(std::fopen(path.c_str(), "wb")) {
    if (!f_) throw Error("cannot write " + path.string() + ": " + std::strerror(errno));
  }
  void write(const void* data, std::size_t n) {
    if (n && std::fwrite(data, 1, n, f_.get()) != n) {
      throw Error("cannot write " + path_.string() + ": " + std::strerror(errno));
    }
  }
  void put(std::uint64_t v) { write(&v, sizeof v); }
  void close() {
    if (std::fclose(f_.release()) != 0) {
      throw Error("cannot write " + path_.string() + ": " + std::strerror(errno));
    }
  }

 private:
  std::filesystem::path path_;
  File f_;
};

class In {
 public:
  explicit In(const std::filesystem::path& path) : path_(path.string()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      fail("missing file (no checkpoint to resume from)");
    size_ = std::filesystem::file_size(path, ec);
    f_.reset(std::fopen(path.c_str(), "rb"));
    if (!f_) fail(std::string("cannot open: ") + std::strerror(errno));
  }
  [[noreturn]] void fail(const std::string& what) const { throw DataError(path_, 0, "", what); }
  void read(void* data, std::size_t n) {
    if (n > size_ - pos_ || std::fread(data, 1, n, f_.get()) != n) fail("truncated checkpoint");
    pos_ += n;
  }
  std::uint64_t get() {
    std::uint64_t v;
    read(&v, sizeof v);
    return v;
  }
  std::uint64_t left() const { return size_ - pos_; }

 private:
  std::string path_;
  File f_;
  std::uint64_t size_ = 0, pos_ = 0;
};

Checkpoint read_header(In& in) {
  char magic[8];
  in.read(magic, sizeof magic);
  if (std::memcmp(magic, kMagic, sizeof magic) != 0)
    in.fail("not a floe checkpoint (bad magic number)");
  const std::uint64_t length = in.get();
  if (length > kMaxHeader || length > in.left())
    in.fail("corrupt checkpoint (implausible header length)");
  std::string text(length, '\0');
  in.read(text.data(), length);
  // The header's hash is checked before any size in it is used.
  if (in.get() != fnv1a(text.data(), text.size())) in.fail("corrupt checkpoint (header checksum)");
  Checkpoint h;
  try {
    const auto j = nlohmann::json::parse(text);
    if (j.at("fields") != field_list()) {
      in.fail("checkpoint from a floe build with another agent record layout");
    }
    h.month = j.at("month").get<int>();
    h.run = j.at("run").get<std::string>();
    h.groups_per_region = j.at("groups_per_region").get<std::size_t>();
    h.records = j.at("records").get<std::uint64_t>();
    h.groups = j.at("groups").get<std::uint64_t>();
  } catch (const nlohmann::json::exception& e) {
    in.fail(std::string("corrupt checkpoint header: ") + e.what());
  }
  if (h.groups_per_region == 0 || h.records > (std::uint64_t{1} << 34) ||
      h.groups > h.records + 1 || h.month < 0) {
    in.fail("corrupt checkpoint (sizes out of range)");
  }
  return h;
}

void put_section(Out& out, std::uint64_t& hash, const std::string& name, const std::string& bytes) {
  for (const std::string* s : {&name, &bytes}) {
    const std::uint64_t n = s->size();
    out.put(n);
    out.write(s->data(), n);
    hash = fnv1a(reinterpret_cast<const char*>(&n), sizeof n, hash);
    hash = fnv1a(s->data(), n, hash);
  }
}

}  // namespace

void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                      const Slots& slots, int level) {
  const AgentRecords& records = slots.records();
  const nlohmann::ordered_json header = {{"format", "floe-checkpoint"},
                                         {"month", checkpoint.month},
                                         {"run", checkpoint.run},
                                         {"fields", field_list()},
                                         {"records", records.size()},
                                         {"groups", slots.groups()},
                                         {"groups_per_region", checkpoint.groups_per_region},
                                         {"chunk_bytes", kChunkBytes}};
  const std::string text = header.dump();
  auto partial = path;
  partial += ".partial";
  try {
    Out out(partial);
    out.write(kMagic, sizeof kMagic);
    out.put(text.size());
    out.write(text.data(), text.size());
    out.put(fnv1a(text.data(), text.size()));
    // Records: chunks compressed in parallel, a batch of one per thread at a time.
    const char* bytes = reinterpret_cast<const char*>(records.data());
    const std::size_t total = records.size() * sizeof(AgentRecord);
    const std::size_t chunks = (total + kChunkBytes - 1) / kChunkBytes;
    const int threads = std::max(1, omp_get_max_threads());
    std::vector<std::string> packed(threads);
    for (std::size_t first = 0; first < chunks; first += threads) {
      const std::size_t batch = std::min<std::size_t>(threads, chunks - first);
      bool failed = false;
#pragma omp parallel for schedule(static, 1) reduction(|| : failed)
      for (std::size_t b = 0; b < batch; ++b) {
        const std::size_t offset = (first + b) * kChunkBytes;
        const std::size_t raw = std::min(kChunkBytes, total - offset);
        ZSTD_CCtx* cctx = ZSTD_createCCtx();
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
        packed[b].resize(ZSTD_compressBound(raw));
        const std::size_t n =
            ZSTD_compress2(cctx, packed[b].data(), packed[b].size(), bytes + offset, raw);
        ZSTD_freeCCtx(cctx);
        failed = failed || ZSTD_isError(n);
        if (!ZSTD_isError(n)) packed[b].resize(n);
      }
      if (failed) throw Error("zstd compression failed writing " + path.string());
      for (std::size_t b = 0; b < batch; ++b) {
        out.put(std::min(kChunkBytes, total - (first + b) * kChunkBytes));
        out.put(packed[b].size());
        out.write(packed[b].data(), packed[b].size());
      }
    }
    std::uint64_t hash = 1469598103934665603ull;
    StateWriter slot_state;
    slot_state.vec(slots.capacity());
    slot_state.vec(slots.waiting());
    // Wage bills are running sums, kept rather than recounted (a recount adds in another order).
    std::vector<double> wages(slots.groups());
    for (std::size_t k = 0; k < wages.size(); ++k) wages[k] = slots.wages(k);
    slot_state.vec(wages);
    put_section(out, hash, "slots", slot_state.bytes());
    for (const auto& [name, state] : checkpoint.states) put_section(out, hash, name, state);
    out.write(kEndMagic, sizeof kEndMagic);
    out.put(hash);
    out.close();
    std::filesystem::rename(partial, path);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    throw;
  }
}

Checkpoint read_checkpoint_header(const std::filesystem::path& path) {
  In in(path);
  return read_header(in);
}

Checkpoint read_checkpoint(const std::filesystem::path& path, std::unique_ptr<Slots>& slots) {
  In in(path);
  Checkpoint h = read_header(in);
  // Records: every chunk's sizes are checked against the header and the file before use.
  const std::size_t total = h.records * sizeof(AgentRecord);
  const std::size_t chunks = (total + kChunkBytes - 1) / kChunkBytes;
  if (chunks * 16 > in.left()) in.fail("truncated checkpoint (records)");
  AgentRecords records;
  records.reserve(h.records + h.records / 8);  // room for repacks, as a run reserves
  records.resize(h.records);
  char* bytes = reinterpret_cast<char*>(records.data());
  const int threads = std::max(1, omp_get_max_threads());
  std::vector<std::string> packed(threads);
  for (std::size_t first = 0; first < chunks; first += threads) {
    const std::size_t batch = std::min<std::size_t>(threads, chunks - first);
    for (std::size_t b = 0; b < batch; ++b) {
      const std::uint64_t raw = in.get(), size = in.get();
      if (raw != std::min(kChunkBytes, total - (first + b) * kChunkBytes))
        in.fail("corrupt checkpoint (chunk header)");
      if (size > in.left()) in.fail("truncated checkpoint (records)");
      packed[b].resize(size);
      in.read(packed[b].data(), size);
    }
    bool bad = false;
#pragma omp parallel for schedule(static, 1) reduction(|| : bad)
    for (std::size_t b = 0; b < batch; ++b) {
      const std::size_t offset = (first + b) * kChunkBytes;
      const std::size_t raw = std::min(kChunkBytes, total - offset);
      const std::size_t got =
          ZSTD_decompress(bytes + offset, raw, packed[b].data(), packed[b].size());
      bad = bad || ZSTD_isError(got) || got != raw;
    }
    if (bad) in.fail("corrupt checkpoint (records fail their checksum)");
  }
  // Sections, hashed as read.
  std::uint64_t hash = 1469598103934665603ull;
  std::map<std::string, std::string> sections;
  for (;;) {
    if (in.left() < 16) in.fail("truncated checkpoint (no trailer)");
    char tag[8];
    in.read(tag, sizeof tag);
    if (std::memcmp(tag, kEndMagic, sizeof tag) == 0) break;
    std::uint64_t name_bytes;
    std::memcpy(&name_bytes, tag, sizeof name_bytes);
    if (name_bytes > 256 || name_bytes > in.left()) in.fail("corrupt checkpoint (section name)");
    std::string name(name_bytes, '\0');
    in.read(name.data(), name_bytes);
    const std::uint64_t n = in.get();
    if (n > in.left()) in.fail("truncated checkpoint (section " + name + ")");
    std::string state(n, '\0');
    in.read(state.data(), n);
    hash = fnv1a(reinterpret_cast<const char*>(&name_bytes), sizeof name_bytes, hash);
    hash = fnv1a(name.data(), name.size(), hash);
    hash = fnv1a(reinterpret_cast<const char*>(&n), sizeof n, hash);
    hash = fnv1a(state.data(), state.size(), hash);
    sections[name] = std::move(state);
  }
  if (in.get() != hash) in.fail("corrupt checkpoint (section checksum)");
  if (in.left() != 0) in.fail("corrupt checkpoint (bytes after the trailer)");
  const auto it = sections.find("slots");
  if (it == sections.end()) in.fail("corrupt checkpoint (no slots section)");
  StateReader slot_state(it->second, path.string());
  const auto capacity = slot_state.vec<std::uint32_t>();
  auto waiting = slot_state.vec<Arrival>();
  const auto wages = slot_state.vec<double>();
  if (capacity.size() != h.groups || wages.size() != h.groups)
    in.fail("corrupt checkpoint (slot groups)");
  sections.erase(it);
  try {
    slots = std::make_unique<Slots>(std::move(records), capacity, h.groups_per_region);
  } catch (const Error& e) {
    in.fail(e.what());
  }
  for (const Arrival& a : waiting) {
    if (a.group >= h.groups) in.fail("corrupt checkpoint (waiting list)");
  }
  slots->waiting() = std::move(waiting);
  slots->wage_bills() = wages;
  h.states = std::move(sections);
  return h;
}

}  // namespace floe::engine
