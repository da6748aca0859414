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

constexpr char kMagic[8] = {'F', 'L', 'O', 'E', 'C', 'K', 'P', '4'};
constexpr char kEndMagic[8] = {'F', 'L', 'O', 'E', 'E', 'N', 'D', '4'};
constexpr std::size_t kChunkBytes = 16u << 20;
constexpr std::uint64_t kMaxHeader = 1u << 20;
constexpr std::uint64_t kMaxRecords = std::uint64_t{1} << 34;
// Groups (empty ones hold no slots, so their number is not bounded by the records'): 8x today's
// 26.9M (county, occupation, sector) subcells.
constexpr std::uint64_t kMaxGroups = std::uint64_t{1} << 28;

std::uint64_t fnv1a(const char* data, std::size_t n, std::uint64_t h = 1469598103934665603ull) {
  for (std::size_t i = 0; i < n; ++i) {
    h = (h ^ static_cast<unsigned char>(data[i])) * 1099511628211ull;
  }
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
    if (!std::filesystem::is_regular_file(path, ec)) {
      fail("missing file (no checkpoint to resume from)");
    }
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
  if (std::memcmp(magic, kMagic, sizeof magic) != 0) {
    in.fail("not a floe checkpoint of this version (bad magic number)");
  }
  const std::uint64_t length = in.get();
  if (length > kMaxHeader || length > in.left()) {
    in.fail("corrupt checkpoint (implausible header length)");
  }
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
    for (const auto& set : j.at("slot_sets")) {
      h.slot_sets.push_back({set.at("name").get<std::string>(),
                             set.at("records").get<std::uint64_t>(),
                             set.at("groups").get<std::uint64_t>(),
                             set.at("groups_per_region").get<std::uint64_t>()});
    }
  } catch (const nlohmann::json::exception& e) {
    in.fail(std::string("corrupt checkpoint header: ") + e.what());
  }
  std::uint64_t total = 0;
  for (const SlotSetInfo& s : h.slot_sets) {
    if (s.groups_per_region == 0 || s.records > kMaxRecords || s.groups > kMaxGroups ||
        s.groups % s.groups_per_region != 0) {
      in.fail("corrupt checkpoint (sizes out of range)");
    }
    total += s.records;
  }
  if (h.month < 0 || h.slot_sets.empty() || total > kMaxRecords) {
    in.fail("corrupt checkpoint (sizes out of range)");
  }
  return h;
}

// Chunks of at most kChunkBytes, compressed in parallel a batch (one per thread) at a time.
void write_records(Out& out, const AgentRecords& records, int level, const std::string& file) {
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
    if (failed) throw Error("zstd compression failed writing " + file);
    for (std::size_t b = 0; b < batch; ++b) {
      out.put(std::min(kChunkBytes, total - (first + b) * kChunkBytes));
      out.put(packed[b].size());
      out.write(packed[b].data(), packed[b].size());
    }
  }
}

AgentRecords read_records(In& in, std::uint64_t n) {
  const std::size_t total = n * sizeof(AgentRecord);
  const std::size_t chunks = (total + kChunkBytes - 1) / kChunkBytes;
  if (chunks * 16 > in.left()) in.fail("truncated checkpoint (records)");
  AgentRecords records;
  records.reserve(n + n / 8);  // room for repacks, as a run reserves
  records.resize(n);
  char* bytes = reinterpret_cast<char*>(records.data());
  const int threads = std::max(1, omp_get_max_threads());
  std::vector<std::string> packed(threads);
  for (std::size_t first = 0; first < chunks; first += threads) {
    const std::size_t batch = std::min<std::size_t>(threads, chunks - first);
    for (std::size_t b = 0; b < batch; ++b) {
      const std::uint64_t raw = in.get(), size = in.get();
      if (raw != std::min(kChunkBytes, total - (first + b) * kChunkBytes)) {
        in.fail("corrupt checkpoint (chunk header)");
      }
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
  return records;
}

// A section's bytes, compressed (a model's state is mostly its outputs so far: runs of zeros).
void put_section(Out& out, std::uint64_t& hash, const std::string& name, const std::string& bytes) {
  std::string packed(ZSTD_compressBound(bytes.size()), '\0');
  const std::size_t n = ZSTD_compress(packed.data(), packed.size(), bytes.data(), bytes.size(), 3);
  if (ZSTD_isError(n)) throw Error("zstd compression failed for checkpoint section " + name);
  packed.resize(n);
  const std::string* parts[] = {&name, &packed};
  for (const std::string* s : parts) {
    const std::uint64_t size = s->size();
    out.put(size);
    out.write(s->data(), size);
    hash = fnv1a(reinterpret_cast<const char*>(&size), sizeof size, hash);
    hash = fnv1a(s->data(), size, hash);
  }
}

}  // namespace

void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                      const std::vector<std::pair<std::string, const Slots*>>& slots, Ranks& ranks,
                      int level) {
  nlohmann::ordered_json sets = nlohmann::ordered_json::array();
  for (const auto& [name, s] : slots) {
    sets.push_back({{"name", name},
                    {"records", s->records().size()},
                    {"groups", s->groups()},
                    {"groups_per_region", s->groups_per_region()}});
  }
  const nlohmann::ordered_json header = {
      {"format", "floe-checkpoint"}, {"month", checkpoint.month}, {"run", checkpoint.run},
      {"fields", field_list()},      {"slot_sets", sets},         {"chunk_bytes", kChunkBytes}};
  const std::string text = header.dump();
  auto partial = path;
  partial += ".partial";
  try {
    Out out(partial);
    out.write(kMagic, sizeof kMagic);
    out.put(text.size());
    out.write(text.data(), text.size());
    out.put(fnv1a(text.data(), text.size()));
    for (const auto& [name, s] : slots) write_records(out, s->records(), level, path.string());
    std::uint64_t hash = 1469598103934665603ull;
    for (const auto& [name, s] : slots) {
      StateWriter state;
      // Wage bills are running sums, kept rather than recounted (a recount adds in another
      // order).
      state.vec(s->saved_groups());
      state.vec(s->waiting());
      put_section(out, hash, "slots:" + name, state.bytes());
    }
    for (const auto& [name, state] : checkpoint.states) put_section(out, hash, name, state);
    out.write(kEndMagic, sizeof kEndMagic);
    out.put(hash);
    out.close();
    ranks.barrier();
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

Checkpoint read_checkpoint(const std::filesystem::path& path,
                           std::map<std::string, std::unique_ptr<Slots>>& slots) {
  In in(path);
  Checkpoint h = read_header(in);
  std::vector<AgentRecords> records;
  for (const SlotSetInfo& set : h.slot_sets) records.push_back(read_records(in, set.records));
  // Sections, hashed and decompressed as read.
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
    std::string packed(n, '\0');
    in.read(packed.data(), n);
    hash = fnv1a(reinterpret_cast<const char*>(&name_bytes), sizeof name_bytes, hash);
    hash = fnv1a(name.data(), name.size(), hash);
    hash = fnv1a(reinterpret_cast<const char*>(&n), sizeof n, hash);
    hash = fnv1a(packed.data(), packed.size(), hash);
    const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
    // A section is at most a few bytes per slot group and month: bounded by the records.
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
        size > (std::uint64_t{1} << 33)) {
      in.fail("corrupt checkpoint (section " + name + ")");
    }
    std::string bytes(size, '\0');
    const std::size_t got = ZSTD_decompress(bytes.data(), bytes.size(), packed.data(), n);
    if (ZSTD_isError(got) || got != size) in.fail("corrupt checkpoint (section " + name + ")");
    sections[name] = std::move(bytes);
  }
  if (in.get() != hash) in.fail("corrupt checkpoint (section checksum)");
  if (in.left() != 0) in.fail("corrupt checkpoint (bytes after the trailer)");
  for (std::size_t i = 0; i < h.slot_sets.size(); ++i) {
    const SlotSetInfo& set = h.slot_sets[i];
    const auto it = sections.find("slots:" + set.name);
    if (it == sections.end()) in.fail("corrupt checkpoint (no slots of " + set.name + ")");
    StateReader state(it->second, path.string());
    const auto saved = state.vec<SavedGroup>();
    auto waiting = state.vec<Arrival>();
    if (saved.size() > set.groups) in.fail("corrupt checkpoint (slot groups of " + set.name + ")");
    sections.erase(it);
    std::unique_ptr<Slots> s;
    try {
      s = std::make_unique<Slots>(std::move(records[i]), saved, set.groups, set.groups_per_region);
    } catch (const Error& e) {
      in.fail(e.what());
    }
    for (const Arrival& a : waiting) {
      if (a.group >= set.groups) in.fail("corrupt checkpoint (waiting list)");
    }
    s->waiting() = std::move(waiting);
    slots[set.name] = std::move(s);
  }
  h.states = std::move(sections);
  return h;
}

}  // namespace floe::engine
