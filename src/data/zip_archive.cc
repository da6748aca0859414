#include "data/zip_archive.h"

#include <memory>
#include <vector>

#include "floe/error.h"

namespace floe::data {

ZipArchive::ZipArchive(const std::filesystem::path& path) : file_(path.string()) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw DataError(file_, 0, "", "missing file (not found or not a regular file)");
  }
  int code = 0;
  zip_ = zip_open(file_.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (!zip_) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOZIP) why = "not a zip archive";
    throw DataError(file_, 0, "", "not a readable .xlsx workbook (" + why + ")");
  }
}

ZipArchive::~ZipArchive() { zip_discard(zip_); }

bool ZipArchive::has(const std::string& part) const {
  return zip_name_locate(zip_, part.c_str(), 0) >= 0;
}

std::uint64_t ZipArchive::size(const std::string& part) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_, part.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return 0;
  return st.size;
}

void ZipArchive::parse(const std::string& part, XmlStream& xml) const {
  const zip_int64_t index = zip_name_locate(zip_, part.c_str(), 0);
  if (index < 0) throw DataError(file_, 0, "", "part '" + part + "' is missing");
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> entry(
      zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0), zip_fclose);
  if (!entry) damaged(part, zip_strerror(zip_));
  std::vector<char> buffer(1 << 18);
  for (;;) {
    const zip_int64_t n = zip_fread(entry.get(), buffer.data(), buffer.size());
    if (n < 0) damaged(part, zip_error_strerror(zip_file_get_error(entry.get())));
    xml.feed(buffer.data(), static_cast<std::size_t>(n), n == 0);
    if (n == 0) break;
  }
}

void ZipArchive::damaged(const std::string& part, const char* why) const {
  throw DataError(file_, 0, "",
                  "part '" + part + "' is damaged (truncated or corrupt): " + std::string(why));
}

}  // namespace floe::data
