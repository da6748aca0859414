#include "floe/error.h"

namespace floe {
namespace {

std::string format_data_error(const std::string& file, std::size_t line, const std::string& field,
                              const std::string& problem) {
  std::string out = file;
  if (line > 0) out.append(":").append(std::to_string(line));
  out.append(": ");
  if (!field.empty()) out.append("field '").append(field).append("': ");
  out.append(problem);
  return out;
}

}  // namespace

DataError::DataError(std::string file, std::size_t line, std::string field, std::string problem)
    : Error(format_data_error(file, line, field, problem)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)),
      problem_(std::move(problem)) {}

}  // namespace floe
