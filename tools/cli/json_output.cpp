#include "json_output.hpp"

#include <boost/json/serialize.hpp>

#include <iostream>

namespace quiltup::cli {

void print_json(const boost::json::object& out) { std::cout << boost::json::serialize(out) << std::endl; }

int print_operation_error(const error& e) {
  boost::json::object err{{"code", e.code}, {"message", e.message}};
  if (!e.step.empty()) err["step"] = e.step;
  if (e.http_status != 0) err["http_status"] = e.http_status;
  if (!e.request_id.empty()) err["request_id"] = e.request_id;
  if (!e.field.empty()) err["field"] = e.field;
  if (!e.hint.empty()) err["hint"] = e.hint;
  err["retryable"] = e.retryable;
  print_json({{"error", std::move(err)}});
  return exit_failed;
}

int print_usage_error(const error& e) {
  std::cerr << "quiltup: ";
  if (!e.field.empty() && !e.message.starts_with(e.field)) std::cerr << e.field << ": ";
  std::cerr << e.message;
  if (!e.hint.empty()) std::cerr << " (" << e.hint << ")";
  std::cerr << std::endl;
  return exit_usage;
}

}  // namespace quiltup::cli
