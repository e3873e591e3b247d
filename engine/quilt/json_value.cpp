#include "quilt/json_value.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cctype>

namespace quiltup::quilt {

namespace ondemand = simdjson::ondemand;

json_value json_value::integer(long long n) { return json_number{std::to_string(n), false}; }

const json_value* json_value::find(std::string_view key) const {
  const auto* obj = as_object();
  if (!obj) return nullptr;
  for (const auto& m : *obj)
    if (m.key == key) return &m.value;
  return nullptr;
}

void json_value::set(std::string key, json_value value) {
  if (!as_object()) v_ = json_object{};
  auto& obj = *as_object();
  for (auto& m : obj) {
    if (m.key == key) {
      m.value = std::move(value);
      return;
    }
  }
  obj.push_back({std::move(key), std::move(value)});
}

bool json_value::erase(std::string_view key) {
  auto* obj = as_object();
  if (!obj) return false;
  auto it = std::find_if(obj->begin(), obj->end(), [&](const json_member& m) { return m.key == key; });
  if (it == obj->end()) return false;
  obj->erase(it);
  return true;
}

bool json_value::operator==(const json_value& other) const { return v_ == other.v_; }

namespace {

struct parse_failure {
  std::string what;
};

// ondemand hands out the raw token without checking number syntax, so check the RFC 8259
// grammar here: "01", "1." or "+1" must be rejected, not hashed.
bool is_json_number(std::string_view t) {
  std::size_t i = 0;
  auto digit = [&](std::size_t k) { return k < t.size() && std::isdigit(static_cast<unsigned char>(t[k])); };
  if (i < t.size() && t[i] == '-') ++i;
  if (!digit(i)) return false;
  if (t[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == t.size();
}

json_number number_from_token(std::string_view raw) {
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\n' || raw.back() == '\r'))
    raw.remove_suffix(1);
  if (!is_json_number(raw)) throw parse_failure{"invalid number '" + std::string(raw) + "'"};
  bool is_float = raw.find_first_of(".eE") != std::string_view::npos;
  return json_number{std::string(raw), is_float};
}

void add_member(json_object& obj, std::string_view key, json_value value) {
  // Duplicate keys: Python's dict keeps the first position and the last value.
  for (auto& m : obj) {
    if (m.key == key) {
      m.value = std::move(value);
      return;
    }
  }
  obj.push_back({std::string(key), std::move(value)});
}

json_value convert(ondemand::value v);

json_value convert_object(ondemand::object obj_in) {
  json_object obj;
  for (auto field : obj_in) {
    std::string key(field.unescaped_key().value());
    add_member(obj, key, convert(field.value().value()));
  }
  return obj;
}

json_value convert_array(ondemand::array arr_in) {
  json_array arr;
  for (auto element : arr_in) arr.push_back(convert(element.value()));
  return arr;
}

json_value convert(ondemand::value v) {
  switch (v.type().value()) {
    case ondemand::json_type::object:
      return convert_object(v.get_object().value());
    case ondemand::json_type::array:
      return convert_array(v.get_array().value());
    case ondemand::json_type::number:
      return number_from_token(v.raw_json_token());
    case ondemand::json_type::string:
      return std::string(v.get_string().value());
    case ondemand::json_type::boolean:
      return v.get_bool().value();
    case ondemand::json_type::null:
      if (!v.is_null().value()) throw parse_failure{"invalid literal"};
      return nullptr;
  }
  throw parse_failure{"unknown JSON type"};
}

}  // namespace

result<json_value> parse_json(std::string_view text) {
  simdjson::padded_string padded(text);
  // One parser per thread: a manifest is parsed line by line, and a parser's buffers are costly
  // to allocate for every line.
  thread_local ondemand::parser parser;
  try {
    auto doc = parser.iterate(padded).value();
    json_value out;
    if (doc.is_scalar().value()) {
      // A scalar root cannot be viewed as an ondemand::value; read it from the document.
      switch (doc.type().value()) {
        case ondemand::json_type::number: {
          // Reading the raw token does not advance the document, so check the rest by hand.
          auto token = doc.raw_json_token().value();
          auto rest = text.substr(text.find_first_not_of(" \t\r\n"));
          rest = rest.substr(0, rest.find_last_not_of(" \t\r\n") + 1);
          out = number_from_token(token);
          if (rest.size() != out.as_number()->text.size()) throw parse_failure{"trailing content after the JSON value"};
          return out;
        }
        case ondemand::json_type::string:
          out = std::string(doc.get_string().value());
          break;
        case ondemand::json_type::boolean:
          out = doc.get_bool().value();
          break;
        default:
          if (!doc.is_null().value()) throw parse_failure{"invalid literal"};
          break;
      }
    } else {
      out = convert(doc.get_value().value());
    }
    // At the end of the input the document reports OUT_OF_BOUNDS; anything else is left over.
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
      throw parse_failure{"trailing content after the JSON value"};
    return out;
  } catch (const simdjson::simdjson_error& e) {
    return make_error("InvalidJson", std::string("invalid JSON: ") + simdjson::error_message(e.error()), {},
                      "check that the text is one complete JSON value in UTF-8");
  } catch (const parse_failure& f) {
    return make_error("InvalidJson", "invalid JSON: " + f.what, {},
                      "check that the text is one complete JSON value in UTF-8");
  }
}

}  // namespace quiltup::quilt
