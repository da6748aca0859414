// Population snapshots: columnar, zstd-compressed, checksummed (docs/population.md §4).
//
//   file    := magic "FLOEPOP1" | u32 version | u32 header length | header (JSON) | columns |
//              trailer
//   column  := chunks of at most 16 MiB of raw values, each: u64 raw bytes | u64 packed bytes |
//              one zstd frame with its XXH64 content checksum
//   trailer := magic "FLOEEND1" | u64 bytes before the trailer | u64 FNV-1a hash of the header
//
// Chunks are compressed and decompressed in parallel; a truncated file misses chunks or the
// trailer, a corrupt one fails a frame checksum, the header hash or the final consistency pass.
#include <omp.h>
#include <zstd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "floe/error.h"
#include "floe/population.h"

namespace floe {
namespace {

constexpr char kMagic[8] = {'F', 'L', 'O', 'E', 'P', 'O', 'P', '1'};
constexpr char kEndMagic[8] = {'F', 'L', 'O', 'E', 'E', 'N', 'D', '1'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kChunkBytes = 16u << 20;

struct ColumnView {
  const char* name;
  std::size_t value_bytes;
  std::size_t values;
  void* data;
};

// The columns in file order: the agent's fields (FLOE_AGENT_FIELDS, include/floe/agent.h), then
// "cell_counts" (u32 per cell) or, for a slot layout, "slot_capacity" (u64 per slot group).
std::vector<ColumnView> columns_of(Population& p, void* last, std::size_t last_values, bool slots) {
  std::vector<ColumnView> columns;
  p.for_each_column([&](const char* name, auto& column) {
    using T = std::remove_reference_t<decltype(column[0])>;
    columns.push_back({name, sizeof(T), column.size(), column.data()});
  });
  columns.push_back({slots ? "slot_capacity" : "cell_counts", slots ? 8u : 4u, last_values, last});
  return columns;
}

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buf;
}

struct File {
  std::FILE* f = nullptr;
  ~File() {
    if (f) std::fclose(f);
  }
};

class Writer {
 public:
  explicit Writer(const std::filesystem::path& path) : path_(path) {
    file_.f = std::fopen(path.c_str(), "wb");
    if (!file_.f) throw Error("cannot write " + path.string() + ": " + std::strerror(errno));
  }
  void write(const void* data, std::size_t bytes) {
    if (bytes && std::fwrite(data, 1, bytes, file_.f) != bytes) {
      throw Error("cannot write " + path_.string() + ": " + std::strerror(errno));
    }
    written_ += bytes;
  }
  template <typename T>
  void put(T value) {
    write(&value, sizeof value);
  }
  std::uint64_t written() const { return written_; }
  void close() {
    if (std::fclose(file_.f) != 0) throw Error("cannot write " + path_.string());
    file_.f = nullptr;
  }

 private:
  std::filesystem::path path_;
  File file_;
  std::uint64_t written_ = 0;
};

class Reader {
 public:
  explicit Reader(const std::filesystem::path& path) : path_(path.string()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) fail("", "missing file");
    size_ = std::filesystem::file_size(path, ec);
    file_.f = std::fopen(path.c_str(), "rb");
    if (!file_.f) fail("", std::string("cannot open: ") + std::strerror(errno));
  }
  [[noreturn]] void fail(const std::string& column, const std::string& problem) const {
    throw DataError(path_, 0, column, problem);
  }
  void read(void* data, std::size_t bytes, const std::string& column) {
    if (bytes > size_ - pos_ || std::fread(data, 1, bytes, file_.f) != bytes) {
      fail(column,
           "truncated file (ends inside the " + (column.empty() ? "header" : column) + " data)");
    }
    pos_ += bytes;
  }
  template <typename T>
  T get(const std::string& column) {
    T value;
    read(&value, sizeof value, column);
    return value;
  }
  std::uint64_t pos() const { return pos_; }
  std::uint64_t size() const { return size_; }
  // The file's last 8 bytes (the trailer's hash of the header), read without moving on: checked
  // before any size in the header is trusted.
  std::uint64_t last_word() {
    std::uint64_t v = 0;
    if (size_ < pos_ + sizeof v ||
        std::fseek(file_.f, static_cast<long>(size_ - sizeof v), SEEK_SET) != 0 ||
        std::fread(&v, 1, sizeof v, file_.f) != sizeof v ||
        std::fseek(file_.f, static_cast<long>(pos_), SEEK_SET) != 0) {
      fail("", "truncated file (no trailer)");
    }
    return v;
  }

 private:
  std::string path_;
  File file_;
  std::uint64_t size_ = 0, pos_ = 0;
};

struct Header {
  SnapshotInfo info;
  std::string text;
  bool slots = false;
  std::uint64_t slot_groups = 0;  // entries of slot_capacity
};

Header read_header(Reader& in) {
  char magic[8];
  in.read(magic, sizeof magic, "");
  if (std::memcmp(magic, kMagic, sizeof magic) != 0) {
    in.fail("", "not a floe population snapshot (bad magic number)");
  }
  const auto version = in.get<std::uint32_t>("");
  if (version != kVersion) {
    in.fail("", "snapshot format version " + std::to_string(version) + " (this floe reads " +
                    std::to_string(kVersion) + ")");
  }
  const auto length = in.get<std::uint32_t>("");
  if (length > (1u << 20)) in.fail("", "corrupt header (implausible length)");
  Header h;
  h.text.resize(length);
  in.read(h.text.data(), length, "");
  try {
    const auto j = nlohmann::json::parse(h.text);
    h.info.agents = j.at("agents").get<std::uint64_t>();
    h.info.counties = j.at("counties").get<std::uint64_t>();
    h.info.occupations = j.at("occupations").get<std::uint64_t>();
    h.info.seed = j.at("seed").get<std::uint64_t>();
    h.info.scale = j.at("scale").get<double>();
    h.info.created = j.at("created").get<std::string>();
    h.info.data_dir = j.at("data_dir").get<std::string>();
    h.slots = j.value("layout", std::string("cells")) == "slots";
    if (h.slots) h.slot_groups = j.at("slot_groups").get<std::uint64_t>();
    for (const auto& c : j.at("columns")) h.info.columns.push_back(c.at("name").get<std::string>());
  } catch (const nlohmann::json::exception& e) {
    in.fail("", std::string("corrupt header: ") + e.what());
  }
  h.info.file_bytes = in.size();
  return h;
}

}  // namespace

void save_population(const Population& population, const std::filesystem::path& path,
                     const std::string& data_dir, const Progress& progress,
                     const std::vector<std::uint64_t>* slot_capacity, int level) {
  auto& p = const_cast<Population&>(population);  // columns are only read
  std::vector<std::uint32_t> counts;
  std::vector<std::uint64_t> capacity;
  if (slot_capacity) {
    capacity = *slot_capacity;
  } else {
    counts.resize(p.cell_offsets.size() - 1);
    for (std::size_t k = 0; k < counts.size(); ++k) {
      counts[k] = static_cast<std::uint32_t>(p.cell_offsets[k + 1] - p.cell_offsets[k]);
    }
  }
  const auto columns = slot_capacity ? columns_of(p, capacity.data(), capacity.size(), true)
                                     : columns_of(p, counts.data(), counts.size(), false);
  nlohmann::ordered_json header = {{"format", "floe-population"},
                                   {"version", kVersion},
                                   {"agents", p.size()},
                                   {"counties", p.counties},
                                   {"occupations", p.occupations},
                                   {"seed", p.seed},
                                   {"scale", p.scale},
                                   {"created", utc_now()},
                                   {"data_dir", data_dir},
                                   {"layout", slot_capacity ? "slots" : "cells"},
                                   {"slot_groups", slot_capacity ? slot_capacity->size() : 0},
                                   {"chunk_bytes", kChunkBytes}};
  std::uint64_t total_raw = 0;
  for (const auto& c : columns) {
    header["columns"].push_back(
        {{"name", c.name}, {"bytes_per_value", c.value_bytes}, {"values", c.values}});
    total_raw += c.value_bytes * c.values;
  }
  const std::string text = header.dump();

  auto partial = path;
  partial += ".partial";
  try {
    Writer out(partial);
    out.write(kMagic, sizeof kMagic);
    out.put(kVersion);
    out.put(static_cast<std::uint32_t>(text.size()));
    out.write(text.data(), text.size());
    const int threads = std::max(1, omp_get_max_threads());
    std::vector<std::string> packed(threads);
    std::uint64_t raw_done = 0;
    for (const auto& c : columns) {
      const char* bytes = static_cast<const char*>(c.data);
      const std::size_t total = c.value_bytes * c.values;
      const std::size_t chunks = (total + kChunkBytes - 1) / kChunkBytes;
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
          if (ZSTD_isError(n)) {
            failed = true;
          } else {
            packed[b].resize(n);
          }
        }
        if (failed) throw Error("zstd compression failed for column " + std::string(c.name));
        for (std::size_t b = 0; b < batch; ++b) {
          const std::size_t raw = std::min(kChunkBytes, total - (first + b) * kChunkBytes);
          out.put(static_cast<std::uint64_t>(raw));
          out.put(static_cast<std::uint64_t>(packed[b].size()));
          out.write(packed[b].data(), packed[b].size());
          raw_done += raw;
        }
        if (progress) progress(raw_done, total_raw);
      }
    }
    const std::uint64_t before_trailer = out.written();
    out.write(kEndMagic, sizeof kEndMagic);
    out.put(before_trailer);
    out.put(fnv1a(text));
    out.close();
    std::filesystem::rename(partial, path);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    throw;
  }
}

SnapshotInfo read_snapshot_info(const std::filesystem::path& path) {
  Reader in(path);
  return read_header(in).info;
}

Population load_population(const std::filesystem::path& path, const Progress& progress,
                           std::vector<std::uint64_t>* slot_capacity) {
  Reader in(path);
  const Header header = read_header(in);
  const SnapshotInfo& info = header.info;
  // Check before trust: the header must match its hash at the end of the file before any of its
  // sizes is used to allocate.
  if (in.last_word() != fnv1a(header.text)) {
    in.fail("", "truncated or corrupt file (the header does not match its hash at the end)");
  }
  if (header.slots && !slot_capacity) {
    in.fail("", "a simulation checkpoint, not a population snapshot (use floe simulate --resume)");
  }
  if (!header.slots && slot_capacity) in.fail("", "a population snapshot, not a checkpoint");
  // Bounded before anything is allocated: at most 4x the US workforce (its 151.8M agents at
  // scale 1, each a slot with room), so that a crafted header cannot ask for tens of GB.
  constexpr std::uint64_t kMostAgents = 640'000'000;
  if (info.agents > kMostAgents || info.counties > 65535 || info.occupations > 65535 ||
      header.slot_groups > info.agents + 1) {
    in.fail("", "corrupt header (sizes out of range)");
  }
  Population p;
  p.counties = info.counties;
  p.occupations = info.occupations;
  p.seed = info.seed;
  p.scale = info.scale;
  const std::size_t n = info.agents;
  p.allocate(n);
  std::vector<std::uint32_t> counts;
  std::vector<std::uint64_t> capacity;
  if (header.slots) {
    capacity.resize(header.slot_groups);
  } else {
    counts.resize(info.counties * info.occupations);
  }
  const auto columns = header.slots ? columns_of(p, capacity.data(), capacity.size(), true)
                                    : columns_of(p, counts.data(), counts.size(), false);
  if (info.columns.size() != columns.size()) in.fail("", "corrupt header (column list)");
  // Columns are read in the file's order, found by name (snapshots written before the record
  // order was declared once, in include/floe/agent.h, stored wage before months).
  std::vector<ColumnView> in_file;
  for (const std::string& name : info.columns) {
    const auto it = std::find_if(columns.begin(), columns.end(),
                                 [&](const ColumnView& c) { return name == c.name; });
    if (it == columns.end() || std::any_of(in_file.begin(), in_file.end(),
                                           [&](const auto& c) { return name == c.name; })) {
      in.fail("", "corrupt header (column list)");
    }
    in_file.push_back(*it);
  }
  if (std::string_view(in_file.back().name) != columns.back().name) {
    in.fail("", "corrupt header (column list)");
  }
  std::uint64_t total_raw = 0;
  for (const auto& c : columns) total_raw += c.value_bytes * c.values;

  const int threads = std::max(1, omp_get_max_threads());
  std::vector<std::string> packed(threads);
  std::uint64_t raw_done = 0;
  for (const ColumnView& c : in_file) {
    char* bytes = static_cast<char*>(c.data);
    const std::size_t total = c.value_bytes * c.values;
    const std::size_t chunks = (total + kChunkBytes - 1) / kChunkBytes;
    for (std::size_t first = 0; first < chunks; first += threads) {
      const std::size_t batch = std::min<std::size_t>(threads, chunks - first);
      for (std::size_t b = 0; b < batch; ++b) {
        const auto raw = in.get<std::uint64_t>(c.name);
        const auto size = in.get<std::uint64_t>(c.name);
        const std::size_t expected = std::min(kChunkBytes, total - (first + b) * kChunkBytes);
        if (raw != expected) in.fail(c.name, "corrupt chunk header");
        if (size > in.size() - in.pos()) {
          in.fail(c.name, "truncated file (ends inside the " + std::string(c.name) + " data)");
        }
        packed[b].resize(size);
        in.read(packed[b].data(), size, c.name);
      }
      int bad_chunk = -1;
      std::string why;
#pragma omp parallel for schedule(static, 1)
      for (std::size_t b = 0; b < batch; ++b) {
        const std::size_t offset = (first + b) * kChunkBytes;
        const std::size_t raw = std::min(kChunkBytes, total - offset);
        const std::size_t got =
            ZSTD_decompress(bytes + offset, raw, packed[b].data(), packed[b].size());
        if (ZSTD_isError(got) || got != raw) {
#pragma omp critical
          {
            bad_chunk = static_cast<int>(first + b);
            why = ZSTD_isError(got) ? ZSTD_getErrorName(got) : "wrong size";
          }
        }
      }
      if (bad_chunk >= 0) {
        in.fail(c.name, "corrupt data in chunk " + std::to_string(bad_chunk) + " (" + why + ")");
      }
      raw_done += [&] {
        std::uint64_t s = 0;
        for (std::size_t b = 0; b < batch; ++b)
          s += std::min(kChunkBytes, total - (first + b) * kChunkBytes);
        return s;
      }();
      if (progress) progress(raw_done, total_raw);
    }
  }
  char end[8];
  const std::uint64_t before_trailer = in.pos();
  in.read(end, sizeof end, "trailer");
  if (std::memcmp(end, kEndMagic, sizeof end) != 0) in.fail("trailer", "corrupt trailer");
  if (in.get<std::uint64_t>("trailer") != before_trailer) in.fail("trailer", "corrupt trailer");
  if (in.get<std::uint64_t>("trailer") != fnv1a(header.text)) in.fail("", "corrupt header");
  if (in.pos() != in.size()) in.fail("", "unexpected bytes after the trailer");

  if (header.slots) {
    // Consistency: the slot groups add up (their contents are the simulation's to check).
    std::uint64_t total = 0;
    for (auto c : capacity) total += c;
    if (total != n) in.fail("slot_capacity", "slot capacities do not add up to the slots");
    *slot_capacity = std::move(capacity);
    return p;
  }
  // Consistency: the cell counts add up, and every agent sits in its cell.
  p.cell_offsets.assign(counts.size() + 1, 0);
  for (std::size_t k = 0; k < counts.size(); ++k)
    p.cell_offsets[k + 1] = p.cell_offsets[k] + counts[k];
  if (p.cell_offsets.back() != n) in.fail("cell_counts", "cell counts do not add up to the agents");
  bool misplaced = false;
#pragma omp parallel for schedule(dynamic, 16) reduction(|| : misplaced)
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const auto county = static_cast<std::uint16_t>(k / p.occupations);
    const auto occupation = static_cast<std::uint16_t>(k % p.occupations);
    for (std::uint64_t i = p.cell_offsets[k]; i < p.cell_offsets[k + 1]; ++i) {
      misplaced = misplaced || p.county[i] != county || p.occupation[i] != occupation;
    }
  }
  if (misplaced) in.fail("county", "agents are not sorted by their cells");
  // Every agent value in range (a checksum proves the bytes are the writer's, not that the
  // writer was floe): a known status, a finite wage of at least 0, ids each used once.
  std::vector<std::uint8_t> seen(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t status = p.status[i] & kStatusMask;
    if (status > static_cast<std::uint8_t>(AgentStatus::kTraining)) {
      in.fail("status",
              "agent " + std::to_string(i) + " has an unknown status " + std::to_string(status));
    }
    if (!std::isfinite(p.wage[i]) || p.wage[i] < 0) {
      in.fail("wage",
              "agent " + std::to_string(i) + " has a wage that is negative or not a number");
    }
    if (p.id[i] >= n || seen[p.id[i]]) {
      in.fail("id", "agent " + std::to_string(i) + " has an id out of range or used twice");
    }
    seen[p.id[i]] = 1;
  }
  return p;
}

}  // namespace floe
