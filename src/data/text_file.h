// Reading whole input files into memory.
//
// Input files are small next to memory (the largest shipped file is a few MB), so they are read
// whole: parsing then runs over one contiguous buffer with no I/O in the loop. Files stored
// zstd-compressed (name ending in ".zst") are decompressed transparently, and a UTF-8 byte-order
// mark is dropped, so readers never see either.
#pragma once

#include <filesystem>
#include <string>

namespace floe::data {

// The text of `path` (decompressed when the name ends in ".zst"), without a UTF-8 BOM.
// Throws DataError(path, 0, "", ...) when the file is missing, unreadable or corrupt.
std::string read_text_file(const std::filesystem::path& path);

// `dir / name` if it exists, else `dir / (name + ".zst")` if that exists; otherwise throws
// DataError naming the plain path as missing. When both exist they must hold the same text
// (then the plain one is returned); if they differ, throws DataError naming both.
std::filesystem::path find_data_file(const std::filesystem::path& dir, const std::string& name);

}  // namespace floe::data
