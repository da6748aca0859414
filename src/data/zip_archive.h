// A zip archive whose parts (entries) are read by name and streamed into an XML parser: the
// container of an .xlsx workbook (xlsx.h). libzip checks each entry's CRC as it is read, so a
// truncated or corrupt entry is an error, not short data.
//
// Not thread-safe: one archive per thread.
#pragma once

#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "data/xml_stream.h"

namespace floe::data {

class ZipArchive {
 public:
  // Throws DataError naming the file when it is missing or not a zip archive.
  explicit ZipArchive(const std::filesystem::path& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  const std::string& file() const { return file_; }
  bool has(const std::string& part) const;
  // The part's uncompressed size in bytes (0 when unknown).
  std::uint64_t size(const std::string& part) const;
  // Streams the part's bytes into `xml`, in pieces; throws DataError naming the part when it is
  // missing, truncated or corrupt.
  void parse(const std::string& part, XmlStream& xml) const;

 private:
  [[noreturn]] void damaged(const std::string& part, const char* why) const;

  std::string file_;
  zip_t* zip_ = nullptr;
};

}  // namespace floe::data
