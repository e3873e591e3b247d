#include "core/error.hpp"

namespace quiltup {

std::string error::to_string() const {
  std::string out = code.empty() ? std::string("Error") : code;
  out += ": ";
  out += message;
  if (!field.empty()) out += " (field '" + field + "')";
  if (http_status != 0) out += " [HTTP " + std::to_string(http_status) + "]";
  if (!request_id.empty()) out += " [request id " + request_id + "]";
  if (!hint.empty()) out += ". " + hint;
  return out;
}

error make_error(std::string code, std::string message, std::string field, std::string hint) {
  error e;
  e.code = std::move(code);
  e.message = std::move(message);
  e.field = std::move(field);
  e.hint = std::move(hint);
  return e;
}

failure::failure(quiltup::error e) : std::runtime_error(e.to_string()), error_(std::move(e)) {}

void throw_exception_from_error(const error& e, const boost::source_location&) { throw failure(e); }

}  // namespace quiltup
