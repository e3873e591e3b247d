#pragma once
// A JSON value that remembers what Python's json module would remember: member order as
// written, and each number's source text with its int-vs-float kind. Quilt top hashes are
// computed over Python's re-serialisation, so a big int must stay verbatim and `1.0` must not
// become `1`; a double-based DOM (simdjson's, Boost.JSON's) loses both.
#include "core/error.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace quiltup::quilt {

struct json_number {
  std::string text;       // the token as written in the source: "12345678901234567890", "1e+16"
  bool is_float = false;  // Python's rule: a token with '.', 'e' or 'E' parses as float
  bool operator==(const json_number&) const = default;
};

class json_value;
struct json_member;
using json_array = std::vector<json_value>;
using json_object = std::vector<json_member>;  // in source order; canonical writers sort

class json_value {
 public:
  using storage = std::variant<std::nullptr_t, bool, json_number, std::string, json_array, json_object>;

  json_value() = default;
  json_value(std::nullptr_t) {}
  json_value(bool b) : v_(b) {}
  json_value(json_number n) : v_(std::move(n)) {}
  json_value(std::string s) : v_(std::move(s)) {}
  json_value(const char* s) : v_(std::string(s)) {}
  json_value(json_array a) : v_(std::move(a)) {}
  json_value(json_object o) : v_(std::move(o)) {}

  static json_value integer(long long n);
  static json_value empty_object() { return json_value(json_object{}); }

  bool is_null() const { return std::holds_alternative<std::nullptr_t>(v_); }
  const bool* as_bool() const { return std::get_if<bool>(&v_); }
  const json_number* as_number() const { return std::get_if<json_number>(&v_); }
  const std::string* as_string() const { return std::get_if<std::string>(&v_); }
  const json_array* as_array() const { return std::get_if<json_array>(&v_); }
  const json_object* as_object() const { return std::get_if<json_object>(&v_); }
  json_object* as_object() { return std::get_if<json_object>(&v_); }

  // Member lookup on an object; nullptr when absent or when this is not an object.
  const json_value* find(std::string_view key) const;
  // Sets (or replaces, keeping its position, as a Python dict does) a member of an object.
  void set(std::string key, json_value value);
  // Removes a member; false when there was none.
  bool erase(std::string_view key);

  const storage& get() const { return v_; }
  bool operator==(const json_value&) const;

 private:
  storage v_;
};

struct json_member {
  std::string key;
  json_value value;
  bool operator==(const json_member&) const = default;
};

// Parses one JSON text (object, array or scalar). Duplicate keys keep the first position and the
// last value, as json.loads does. Errors say what is malformed (code "InvalidJson").
result<json_value> parse_json(std::string_view text);

}  // namespace quiltup::quilt
