#pragma once
// What the CLI prints: one JSON object per command on stdout; usage problems as one line on
// stderr. Exit codes: 0 success, 1 the S3 operation failed, 2 bad arguments or environment.
#include "core/error.hpp"

#include <boost/json/object.hpp>

namespace quiltup::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;
inline constexpr int exit_usage = 2;

void print_json(const boost::json::object& out);
// {"error": {"code", "message", "step", "http_status", "request_id", "field", "hint"}} → exit_failed.
int print_operation_error(const error& e);
// "quiltup: <message> (<hint>)" on stderr → exit_usage.
int print_usage_error(const error& e);

}  // namespace quiltup::cli
