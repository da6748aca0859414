#include "data/onet_fields.h"

#include <climits>

#include "data/codes.h"
#include "floe/error.h"

namespace floe::data {

std::string onet_code(const DelimitedReader& r, std::size_t col) {
  const std::string_view s = r.text(col);
  if (!is_onet_soc_code(s)) r.fail(col, "not an O*NET-SOC code (like 15-1252.00): " + quote(s));
  return std::string(s);
}

std::int32_t task_id(const DelimitedReader& r, std::size_t col) {
  const std::int64_t id = r.count(col);
  if (id <= 0 || id > INT32_MAX) r.fail(col, "task ID out of range");
  return static_cast<std::int32_t>(id);
}

}  // namespace floe::data
