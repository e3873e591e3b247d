#pragma once
// A small JSON Schema (draft-07) checker for the constructs the shared schemas use: $ref into
// #/definitions, type, enum, properties, required, items, oneOf, anyOf. Any other keyword
// throws, so a schema using something this checker does not understand cannot pass silently.
// Header-only; Boost.JSON.
#include <boost/json.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace quiltup::test {

class json_schema_check {
 public:
  explicit json_schema_check(boost::json::value schema) : root_(std::move(schema)) {}

  // Empty when `instance` is valid; otherwise one line per violation, with its JSON path.
  std::vector<std::string> errors(const boost::json::value& instance) const {
    std::vector<std::string> out;
    check(root_, instance, "$", out);
    return out;
  }
  bool valid(const boost::json::value& instance) const { return errors(instance).empty(); }

 private:
  const boost::json::value& resolve(const std::string& ref) const {
    const std::string prefix = "#/definitions/";
    if (ref.rfind(prefix, 0) != 0) throw std::runtime_error("unsupported $ref " + ref);
    return root_.at("definitions").at(ref.substr(prefix.size()));
  }

  static bool has_type(const boost::json::value& v, const std::string& type) {
    if (type == "string") return v.is_string();
    if (type == "number") return v.is_number();
    if (type == "integer") return v.is_int64() || v.is_uint64();
    if (type == "boolean") return v.is_bool();
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "null") return v.is_null();
    throw std::runtime_error("unsupported type " + type);
  }

  void check(const boost::json::value& schema_value, const boost::json::value& v, const std::string& path,
             std::vector<std::string>& out) const {
    static const std::set<std::string> known{"definitions", "description", "examples", "$ref", "type",    "enum",
                                             "properties",  "required",    "items",    "oneOf", "anyOf", "$schema",
                                             "title"};
    const auto& schema = schema_value.as_object();
    for (const auto& kv : schema)
      if (!known.count(std::string(kv.key()))) throw std::runtime_error("unsupported keyword " + std::string(kv.key()));

    if (auto ref = schema.if_contains("$ref")) check(resolve(std::string(ref->as_string())), v, path, out);
    if (auto type = schema.if_contains("type")) {
      if (!has_type(v, std::string(type->as_string()))) {
        out.push_back(path + ": expected " + std::string(type->as_string()) + ", got " + boost::json::serialize(v));
        return;
      }
    }
    if (auto e = schema.if_contains("enum")) {
      bool found = false;
      for (const auto& option : e->as_array()) found = found || option == v;
      if (!found) out.push_back(path + ": " + boost::json::serialize(v) + " is not one of " + boost::json::serialize(*e));
    }
    if (v.is_object()) {
      if (auto props = schema.if_contains("properties"))
        for (const auto& kv : props->as_object())
          if (auto member = v.as_object().if_contains(kv.key()))
            check(kv.value(), *member, path + "." + std::string(kv.key()), out);
      if (auto req = schema.if_contains("required"))
        for (const auto& name : req->as_array())
          if (!v.as_object().contains(name.as_string()))
            out.push_back(path + ": missing required '" + std::string(name.as_string()) + "'");
    }
    if (v.is_array()) {
      if (auto items = schema.if_contains("items")) {
        const auto& arr = v.as_array();
        for (std::size_t i = 0; i < arr.size(); ++i) check(*items, arr[i], path + "[" + std::to_string(i) + "]", out);
      }
    }
    if (auto one = schema.if_contains("oneOf")) {
      int matches = 0;
      for (const auto& option : one->as_array()) {
        std::vector<std::string> sub;
        check(option, v, path, sub);
        matches += sub.empty();
      }
      if (matches != 1)
        out.push_back(path + ": matches " + std::to_string(matches) + " oneOf alternatives (exactly 1 required): " +
                      boost::json::serialize(v));
    }
    if (auto any = schema.if_contains("anyOf")) {
      bool matched = false;
      for (const auto& option : any->as_array()) {
        std::vector<std::string> sub;
        check(option, v, path, sub);
        matched = matched || sub.empty();
      }
      if (!matched) out.push_back(path + ": matches no anyOf alternative: " + boost::json::serialize(v));
    }
  }

  boost::json::value root_;
};

}  // namespace quiltup::test
