// libFuzzer target for the delimited-text reader: any bytes must either parse or raise a
// DataError, never crash, hang or read out of bounds. The first byte picks the dialect.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/delimited.h"
#include "floe/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = bytes[0];
  floe::data::Dialect dialect;
  const char delimiters[] = {0, ',', ';', '\t'};
  dialect.delimiter = delimiters[mode & 3];
  dialect.quoting = (mode & 4) == 0;
  std::string text(reinterpret_cast<const char*>(bytes + 1), size - 1);
  try {
    floe::data::DelimitedReader reader("fuzz.csv", std::move(text), dialect);
    reader.read_header((mode & 8) ? "code" : "");
    while (reader.next()) {
      for (std::size_t col = 0; col < reader.column_count(); ++col) {
        (void)reader.text(col);
        try {
          (void)reader.count(col);
        } catch (const floe::DataError&) {
        }
        try {
          (void)reader.number(col);
        } catch (const floe::DataError&) {
        }
        try {
          (void)reader.oews(col);
        } catch (const floe::DataError&) {
        }
      }
    }
  } catch (const floe::DataError&) {
    // A clear error is a correct answer to bad input.
  }
  return 0;
}
