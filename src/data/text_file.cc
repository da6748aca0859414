#include "data/text_file.h"

#include <zstd.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "floe/error.h"

namespace floe::data {
namespace {

std::string read_raw(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw DataError(path.string(), 0, "", "missing file (not found or not a regular file)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path.string(), 0, "", "cannot open for reading");
  std::string bytes;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) bytes.reserve(size);
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) throw DataError(path.string(), 0, "", "read error");
  return bytes;
}

struct DStreamDeleter {
  void operator()(ZSTD_DStream* s) const { ZSTD_freeDStream(s); }
};

std::string decompress_zstd(const std::string& compressed, const std::filesystem::path& path) {
  std::unique_ptr<ZSTD_DStream, DStreamDeleter> stream(ZSTD_createDStream());
  if (!stream) throw DataError(path.string(), 0, "", "out of memory for zstd");
  std::string out;
  const unsigned long long expected =
      ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (expected != ZSTD_CONTENTSIZE_UNKNOWN && expected != ZSTD_CONTENTSIZE_ERROR) {
    out.reserve(expected);
  }
  std::string chunk(ZSTD_DStreamOutSize(), '\0');
  ZSTD_inBuffer in{compressed.data(), compressed.size(), 0};
  for (;;) {
    ZSTD_outBuffer buf{chunk.data(), chunk.size(), 0};
    const size_t remaining = ZSTD_decompressStream(stream.get(), &buf, &in);
    if (ZSTD_isError(remaining)) {
      throw DataError(path.string(), 0, "",
                      std::string("corrupt zstd data: ") + ZSTD_getErrorName(remaining));
    }
    out.append(chunk.data(), buf.pos);
    // Input used up and the decoder had less than a full buffer to give: it holds nothing more.
    if (in.pos == in.size && buf.pos < buf.size) {
      if (remaining != 0) throw DataError(path.string(), 0, "", "truncated zstd data");
      break;
    }
  }
  return out;
}

}  // namespace

std::string read_text_file(const std::filesystem::path& path) {
  std::string bytes = read_raw(path);
  if (path.extension() == ".zst") bytes = decompress_zstd(bytes, path);
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  return bytes;
}

std::filesystem::path find_data_file(const std::filesystem::path& dir, const std::string& name) {
  const auto plain = dir / name;
  auto compressed = plain;
  compressed += ".zst";
  std::error_code ec;
  const bool has_plain = std::filesystem::exists(plain, ec);
  const bool has_compressed = std::filesystem::exists(compressed, ec);
  if (has_plain && has_compressed) {
    // Which one the user meant cannot be known: both are fine only when they say the same.
    if (read_text_file(plain) != read_text_file(compressed)) {
      throw DataError(plain.string(), 0, "",
                      "differs from " + compressed.string() +
                          " beside it: floe reads one of the two; remove the other");
    }
    return plain;
  }
  if (has_plain) return plain;
  if (has_compressed) return compressed;
  throw DataError(plain.string(), 0, "",
                  "missing file (also looked for " + compressed.filename().string() + ")");
}

}  // namespace floe::data
